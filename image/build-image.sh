#!/usr/bin/env bash
# Builds the emulated DualHome image offline (./build.sh image): a minimal arm64 system for
# `qemu-system-aarch64 -M virt`, made of Debian arm64 packages (the kernel, busybox-static, the glibc
# loader and libraries) plus the same rootfs overlays as the Buildroot boards
# (image/br2-external/board/common and board/qemu_aarch64_virt), the same post-build step and the
# published artifacts/linux-arm64/dualhomed, packed as an initramfs.
#
#   image/build-image.sh [OUT_DIR]      default OUT_DIR: artifacts/image/qemu_aarch64_virt
#
# Writes OUT_DIR/Image.gz (the kernel: QEMU takes a gzip-compressed arm64 Image), OUT_DIR/initramfs.cpio.gz
# and OUT_DIR/manifest.txt. The .deb files
# are cached under .build/image/debs: the first run needs root and apt (it adds the arm64 architecture
# to dpkg and runs apt-get update and download); later runs are offline. Exit status 77: the packages
# are not cached and this is not root (nothing can be built here).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
TREE="$HERE/br2-external"
BOARD=qemu_aarch64_virt
PROFILE=qemu-virt
OUT="${1:-$ROOT/artifacts/image/$BOARD}"
CACHE="$ROOT/.build/image"
DEBS="$CACHE/debs"
BIN="$ROOT/artifacts/linux-arm64/dualhomed"
PY=/usr/bin/python3
[[ -x "$PY" ]] || PY=python3
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 0)}"

say() { printf '==> image: %s\n' "$*"; }
die() { printf 'image: error: %s\n' "$*" >&2; exit 1; }

[[ -f "$BIN" ]] || die "$BIN is missing: run ./build.sh publish first"
file -b "$BIN" | grep -q 'ARM aarch64' || die "$BIN is not an arm64 binary"

# ---------------------------------------------------------------- the Debian packages (cached)
# SELECTED lists the cached .deb files; a rerun with it in place needs neither apt nor the network.
cache_complete() {
	local f
	[[ -f "$DEBS/SELECTED" ]] || return 1
	while read -r f; do [[ -f "$DEBS/$f" ]] || return 1; done < "$DEBS/SELECTED"
}

fetch_debs() {
	local kernel want
	cache_complete && return 0
	if [[ "$(id -u)" != 0 ]]; then
		echo "image: the arm64 packages are not cached in $DEBS yet; the first run needs root (apt)" >&2
		exit 77 # "cannot build here": build.sh test reports the image checks as skipped
	fi
	say "downloading Debian arm64 packages into ${DEBS#"$ROOT"/}"
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then
		dpkg --add-architecture arm64
	fi
	if ! apt-cache show linux-image-arm64:arm64 >/dev/null 2>&1; then
		apt-get -o DPkg::Lock::Timeout=600 update -qq
	fi
	# The kernel the linux-image-arm64 metapackage currently points at, unsigned (a plain arm64 Image).
	kernel="$(apt-cache show linux-image-arm64:arm64 | awk '/^Depends:/ { print $2; exit }')"
	[[ "$kernel" == linux-image-* ]] || die "cannot tell which kernel linux-image-arm64:arm64 depends on"
	rm -rf "$DEBS.tmp" && mkdir -p "$DEBS.tmp"
	(cd "$DEBS.tmp" && apt-get -o Debug::NoDropPrivs=1 download -q \
		"$kernel-unsigned:arm64" busybox-static:arm64 libc6:arm64 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
	for want in "$kernel-unsigned_" busybox-static_ libc6_; do
		ls "$DEBS.tmp/$want"*.deb >/dev/null 2>&1 || die "apt-get download did not fetch ${want%_}"
	done
	rm -rf "$DEBS" && mv "$DEBS.tmp" "$DEBS"
	(cd "$DEBS" && ls -1 ./*.deb | sed 's|^\./||' > SELECTED)
}

# Extracts each cached package once (again only when the .deb changed).
extract_debs() {
	local deb name dir
	while read -r deb; do
		name="${deb%%_*}"
		dir="$CACHE/pkgs/$name"
		if [[ ! -f "$dir.stamp" || "$(cat "$dir.stamp")" != "$deb" ]]; then
			rm -rf "$dir" && mkdir -p "$dir"
			dpkg-deb -x "$DEBS/$deb" "$dir"
			printf '%s\n' "$deb" > "$dir.stamp"
		fi
	done < "$DEBS/SELECTED"
}

pkg_dir() { # name prefix -> its extracted directory
	local d
	for d in "$CACHE"/pkgs/"$1"*/; do [[ -d "$d" ]] && { printf '%s' "${d%/}"; return 0; }; done
	die "package $1 is not in the cache"
}

# ---------------------------------------------------------------- the root file system
stage_rootfs() {
	local stage="$1" kpkg busybox libc kver applet
	kpkg="$(pkg_dir linux-image-)"
	busybox="$(pkg_dir busybox-static)"
	libc="$(pkg_dir libc6)"
	kver="$(basename "$(ls -d "$kpkg"/lib/modules/*/ | head -n1)")"

	mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,lib/aarch64-linux-gnu,dev,proc,sys,run,tmp,root,mnt,etc,var/lib}
	ln -s ../tmp "$stage/var/log"   # as Buildroot's skeleton: logs in RAM
	ln -s ../run "$stage/var/run"

	# BusyBox: the binary and one symlink per applet, where its own list puts them.
	install -m 0755 "$busybox/bin/busybox" "$stage/bin/busybox"
	if command -v qemu-aarch64 >/dev/null; then
		qemu-aarch64 "$stage/bin/busybox" --list-full | while read -r applet; do
			[[ "$applet" == bin/busybox || -e "$stage/$applet" ]] && continue
			ln -s /bin/busybox "$stage/$applet"
		done
	else
		die "qemu-aarch64 (qemu-user) is needed to list busybox's applets"
	fi

	# glibc: the loader and the libraries dualhomed links (libc, libm), at Debian's multiarch paths.
	for lib in ld-linux-aarch64.so.1 libc.so.6 libm.so.6; do
		install -m 0755 "$libc/lib/aarch64-linux-gnu/$lib" "$stage/lib/aarch64-linux-gnu/$lib"
	done
	ln -s aarch64-linux-gnu/ld-linux-aarch64.so.1 "$stage/lib/ld-linux-aarch64.so.1"

	# Kernel modules the image needs, with their dependencies, and the list init loads.
	"$PY" "$HERE/mkinitramfs.py" modules "$kpkg/lib/modules/$kver" "$HERE/modules.list" "$stage"

	# What the Buildroot dualhome package installs: the binary and the board profiles.
	install -D -m 0755 "$BIN" "$stage/usr/sbin/dualhomed"
	for f in "$ROOT"/board/*/board.json; do
		install -D -m 0644 "$f" "$stage/usr/share/dualhome/board/$(basename "$(dirname "$f")")/board.json"
	done
	install -d -m 0755 "$stage/etc/dualhome" "$stage/var/lib/dualhome"

	# What Buildroot's skeleton and busybox package provide (inittab comes from the overlay).
	cp -a "$HERE/initramfs/." "$stage/"

	# The same overlays and post-build step as the Buildroot image of this board.
	cp -a "$TREE/board/common/rootfs_overlay/." "$stage/"
	cp -a "$TREE/board/$BOARD/rootfs_overlay/." "$stage/"
	DUALHOME_CONSOLE_PORT=ttyAMA0 DUALHOME_CONSOLE_BAUD=115200 "$TREE/board/$BOARD/post-build.sh" "$stage"

	{
		echo "DualHome emulated image ($BOARD, board profile $PROFILE)"
		echo "kernel $kver"
		sed 's/^/package /' "$DEBS/SELECTED"
		echo "dualhomed $(sha256sum "$BIN" | cut -c1-16)"
	} > "$stage/etc/dualhome-image"
	KVER="$kver"
	KIMAGE="$kpkg/boot/vmlinuz-$kver"
}

main() {
	local t0=$SECONDS size_k size_i size_b
	fetch_debs
	extract_debs
	mkdir -p "$CACHE"
	STAGE="$(mktemp -d "$CACHE/stage.XXXXXX")"
	trap 'rm -rf "$STAGE"' EXIT
	say "staging the root file system"
	stage_rootfs "$STAGE"
	size_b="$(du -sb "$STAGE" | cut -f1)"

	mkdir -p "$OUT"
	"$PY" "$HERE/mkinitramfs.py" cpio "$STAGE" "$OUT/initramfs.cpio.gz"
	# The kernel, compressed once per kernel package (the stamp names it).
	if [[ ! -f "$OUT/Image.gz" || "$(cat "$OUT/.kernel" 2>/dev/null)" != "$KVER" ]]; then
		gzip -9 -n -c "$KIMAGE" > "$OUT/Image.gz.tmp" && mv "$OUT/Image.gz.tmp" "$OUT/Image.gz"
		printf '%s\n' "$KVER" > "$OUT/.kernel"
	fi
	rm -f "$OUT/Image"
	size_k="$(stat -c %s "$OUT/Image.gz")"
	size_i="$(stat -c %s "$OUT/initramfs.cpio.gz")"
	{
		cat "$STAGE/etc/dualhome-image"
		echo "Image.gz $size_k bytes ($(stat -c %s "$KIMAGE") bytes uncompressed)"
		echo "initramfs.cpio.gz $size_i bytes (root file system $size_b bytes unpacked)"
		echo "sha256 $(cd "$OUT" && sha256sum Image.gz initramfs.cpio.gz | awk '{printf "%s:%s ", $2, substr($1, 1, 16)}')"
	} > "$OUT/manifest.txt"
	say "kernel $KVER: ${OUT#"$ROOT"/}/Image.gz $size_k bytes"
	say "root file system: ${OUT#"$ROOT"/}/initramfs.cpio.gz $size_i bytes ($size_b bytes unpacked)"
	say "image size: $((size_k + size_i)) bytes ($(awk -v b=$((size_k + size_i)) 'BEGIN { printf "%.1f", b / 1048576 }') MiB) in $((SECONDS - t0)) s"
}

main
