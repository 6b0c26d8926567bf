#!/bin/sh
# Buildroot post-image script (BR2_ROOTFS_POST_IMAGE_SCRIPT): $1 is BINARIES_DIR.
set -eu
BOARD_DIR="$(cd "$(dirname "$0")" && pwd)"
"$BOARD_DIR/../common/post-image.sh" "$1" "$BOARD_DIR"
