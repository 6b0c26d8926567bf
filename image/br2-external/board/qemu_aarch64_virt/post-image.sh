#!/bin/sh
# Buildroot post-image script (BR2_ROOTFS_POST_IMAGE_SCRIPT): $1 is BINARIES_DIR.
set -eu
BOARD_DIR="$(cd "$(dirname "$0")" && pwd)"
"$BOARD_DIR/../common/post-image.sh" "$1" "$BOARD_DIR"

# A start script with the machine the image test uses: three virtio NICs
# (eth0 LAN, eth1 ISP A, eth2 ISP B; user-mode networking here, replace with
# -netdev tap,... to attach real networks) and the console on stdio.
cat > "$1/start-qemu.sh" <<'SCRIPT'
#!/bin/sh
cd "$(dirname "$0")"
exec qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 512 \
	-kernel Image -append "root=/dev/vda1 rootwait console=ttyAMA0 quiet" \
	-drive file=disk.img,if=none,format=raw,id=hd0 -device virtio-blk-pci,drive=hd0 \
	-netdev user,id=lan,ipv6=off,restrict=on -device virtio-net-pci,netdev=lan,romfile= \
	-netdev user,id=wana,ipv6=off,restrict=on -device virtio-net-pci,netdev=wana,romfile= \
	-netdev user,id=wanb,ipv6=off,restrict=on -device virtio-net-pci,netdev=wanb,romfile= \
	-nographic "$@"
SCRIPT
chmod 0755 "$1/start-qemu.sh"
