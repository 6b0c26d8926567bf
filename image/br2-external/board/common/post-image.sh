#!/bin/sh
#
# Shared post-image step: the board's disk image from its genimage.cfg, with
# Buildroot's genimage wrapper (run from the Buildroot top directory, as all
# post-image scripts are).
#
#   post-image.sh BINARIES_DIR BOARD_DIR
set -eu

BINARIES_DIR="$1"
BOARD_DIR="$2"
support/scripts/genimage.sh -c "$BOARD_DIR/genimage.cfg"
echo "post-image: $BINARIES_DIR/$(sed -n 's/^image \([^ ]*\.img\) {$/\1/p' "$BOARD_DIR/genimage.cfg" | tail -n 1)"
