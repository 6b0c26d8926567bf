#!/bin/sh
# Buildroot post-build script (BR2_ROOTFS_POST_BUILD_SCRIPT): $1 is TARGET_DIR.
set -eu
BOARD_DIR="$(cd "$(dirname "$0")" && pwd)"
"$BOARD_DIR/../common/post-build.sh" "$1" "$BOARD_DIR"
# U-Boot's distro boot reads /boot/extlinux/extlinux.conf from the root partition.
install -D -m 0644 "$BOARD_DIR/extlinux.conf" "$1/boot/extlinux/extlinux.conf"
