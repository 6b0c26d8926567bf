#!/usr/bin/env bash
# Installs the Debian packages the NativeAOT cross build needs (see toolchain/README.md),
# plus any extra package names given as arguments. Idempotent: asks dpkg first and runs
# apt-get (update + install) only when something is missing.
#
#   toolchain/install.sh                 # cross toolchain only
#   toolchain/install.sh radvd tcpdump   # cross toolchain + extras (build.sh passes the testbed tools)
#   toolchain/install.sh --check [...]   # only report what is missing (exit 1 if anything is)
set -euo pipefail

# clang-14                    drives compile + link for both RIDs (gcc cannot take --target=aarch64-linux-gnu)
# lld-14                      the linker for linux-arm64 (LinkerFlavor=lld); GNU ld is x86-only here
# llvm-14                     llvm-objcopy-14 strips/splits debug info of aarch64 ELF (GNU objcopy cannot); llvm-objdump-14
# libc6-dev-arm64-cross       aarch64 glibc 2.36 headers, crt*.o, libc.so/libm.so stubs in /usr/aarch64-linux-gnu
# libgcc-12-dev-arm64-cross   aarch64 crtbeginS.o, libgcc.a, libgcc_s
# qemu-user                   qemu-aarch64: run the arm64 binary on the x64 host (-L /usr/aarch64-linux-gnu)
# file                        ELF machine/stripped check in build.sh publish
CROSS_PKGS=(clang-14 lld-14 llvm-14 libc6-dev-arm64-cross libgcc-12-dev-arm64-cross qemu-user file)

check_only=0
if [[ "${1:-}" == "--check" ]]; then check_only=1; shift; fi
case "${1:-}" in
  -h|--help|help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

missing=()
for pkg in "${CROSS_PKGS[@]}" "$@"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "packages: all present"
  exit 0
fi
if ((check_only)); then
  echo "packages missing: ${missing[*]}"
  exit 1
fi
if [[ "$(id -u)" != "0" ]]; then
  echo "setup needs root to install: ${missing[*]}" >&2
  echo "  (run as root: $0 ${*:-})" >&2
  exit 1
fi

echo "packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0)
# Recommends are not needed (llvm-14-dev, ipython3/matplotlib for scapy, qemu-user-binfmt ...).
apt-get "${apt_opts[@]}" update -qq || echo "warning: apt-get update failed; trying the cached package lists" >&2
apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" </dev/null

still=()
for pkg in "${missing[@]}"; do
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" == "installed" ]] || still+=("$pkg")
done
if ((${#still[@]})); then
  echo "error: still missing after apt-get install: ${still[*]}" >&2
  exit 1
fi
echo "packages: installed ${missing[*]}"
