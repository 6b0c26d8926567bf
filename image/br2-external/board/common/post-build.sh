#!/bin/sh
#
# Shared post-build step of every DualHome board (Buildroot runs it after the
# rootfs overlays are copied; the offline image builder, image/build-image.sh,
# runs it the same way):
#
#   post-build.sh TARGET_DIR BOARD_DIR
#
# - the console line of /etc/inittab gets the board's serial port and speed
#   (BR2_TARGET_GENERIC_GETTY_PORT / _BAUDRATE_* from $BR2_CONFIG, or
#   DUALHOME_CONSOLE_PORT / DUALHOME_CONSOLE_BAUD without a Buildroot config);
# - /etc/dualhome/dualhome.factory.json: the board's default configuration,
#   which dualhomed falls back to when dualhome.json and its backup are unusable;
# - the board profile the configuration names must be installed.
set -eu

TARGET_DIR="$1"
BOARD_DIR="$2"

config_value() { # SYMBOL -> its value in $BR2_CONFIG, unquoted ("" when unset)
	[ -n "${BR2_CONFIG:-}" ] && [ -f "$BR2_CONFIG" ] || return 0
	sed -n "s/^$1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$BR2_CONFIG" | head -n 1
}

baud_from_config() {
	for b in 9600 19200 38400 57600 115200; do
		[ "$(config_value "BR2_TARGET_GENERIC_GETTY_BAUDRATE_$b")" = y ] && { echo "$b"; return; }
	done
	echo 0 # keep the speed the kernel's console= set
}

port="${DUALHOME_CONSOLE_PORT:-$(config_value BR2_TARGET_GENERIC_GETTY_PORT)}"
baud="${DUALHOME_CONSOLE_BAUD:-$(baud_from_config)}"
case "$port" in
	""|console) port=console ;;
	/dev/*) port="${port#/dev/}" ;;
esac

inittab="$TARGET_DIR/etc/inittab"
grep -q 'DUALHOME_CONSOLE$' "$inittab" || { echo "post-build: no DUALHOME_CONSOLE line in $inittab" >&2; exit 1; }
sed -i "s|^.*# DUALHOME_CONSOLE\$|$port::respawn:/sbin/getty -n -l /usr/libexec/dualhome/console-login -L $port $baud vt100 # DUALHOME_CONSOLE|" "$inittab"
if [ "$baud" = 0 ]; then
	echo "post-build: console CLI on $port (at the kernel console's speed)"
else
	echo "post-build: console CLI on $port ($baud baud)"
fi

cfg="$TARGET_DIR/etc/dualhome/dualhome.json"
[ -f "$cfg" ] || { echo "post-build: $cfg is missing (board overlay $BOARD_DIR/rootfs_overlay)" >&2; exit 1; }
install -m 0644 "$cfg" "$TARGET_DIR/etc/dualhome/dualhome.factory.json"

profile="$(sed -n 's/.*"Profile"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$cfg" | head -n 1)"
case "$profile" in
	""|none) ;;
	/*) [ -f "$TARGET_DIR$profile" ] || { echo "post-build: board profile $profile is not installed" >&2; exit 1; } ;;
	*) [ -f "$TARGET_DIR/usr/share/dualhome/board/$profile/board.json" ] ||
		{ echo "post-build: board profile $profile is not installed" >&2; exit 1; } ;;
esac
wanted="$(config_value BR2_PACKAGE_DUALHOME_BOARD)"
if [ -n "$wanted" ] && [ "$wanted" != none ]; then
	case "$profile" in
		*"/$wanted/board.json"|"$wanted") ;;
		*) echo "post-build: $cfg names board profile '$profile', the defconfig '$wanted'" >&2; exit 1 ;;
	esac
fi
echo "post-build: dualhome default configuration for board profile ${profile:-none}"
