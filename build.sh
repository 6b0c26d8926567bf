#!/usr/bin/env bash
# DualHome build entry point. `./build.sh help` lists the subcommands.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$ROOT/build.sh"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
# No build servers left running after the script (CI ends with nothing in the background); override if wanted.
export MSBUILDDISABLENODEREUSE="${MSBUILDDISABLENODEREUSE:-1}"
export DOTNET_CLI_USE_MSBUILD_SERVER="${DOTNET_CLI_USE_MSBUILD_SERVER:-0}"
export UseSharedCompilation="${UseSharedCompilation:-false}"
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
export DUALHOME_ROOT="$ROOT"

SLN="Firmware.sln"
DAEMON="src/DualHome.Daemon/DualHome.Daemon.csproj"
DEMO="tests/DualHome.Demo/DualHome.Demo.csproj"
INTEGRATION="tests/DualHome.Integration.Tests/DualHome.Integration.Tests.csproj"
RIDS=(linux-x64 linux-arm64)
BUILD_DIR="$ROOT/.build"
RESULTS_DIR="$BUILD_DIR/test-results"
MAX_GLIBC="2.36"          # Debian 12's glibc (and its aarch64 cross libc)
TEST_TIMEOUT="${DUALHOME_TEST_TIMEOUT:-1200}"   # seconds per test project
# The testbed's tools (network namespaces, RA daemon, captures); the cross toolchain list is in toolchain/install.sh.
TESTBED_PKGS=(iproute2 nftables radvd ndisc6 tcpdump python3-scapy iputils-ping socat procps ethtool bind9 bind9-dnsutils kea-dhcp6-server)
# The emulated image (image/): qemu-system-aarch64 boots it; python3 drives its console and checks the Buildroot tree.
# (The arm64 Debian packages the image is made of are fetched by image/build-image.sh into .build/image.)
IMAGE_PKGS=(qemu-system-arm python3)
# Only `bench` needs these traffic generators (the forwarding section).
BENCH_PKGS=(iperf3 netsniff-ng)
IMAGE_DIR="$ROOT/artifacts/image/qemu_aarch64_virt"
PYTHON=/usr/bin/python3   # Debian's python3 (another python3 may come first on PATH)
DOTNET_QUIET=(-nologo -v:q -tl:off -clp:NoSummary)

is_root() { [[ "$(id -u)" == "0" ]]; }
say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
now() { printf '%s' "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }
sha() { sha256sum | cut -c1-64; }

# ---------------------------------------------------------------- setup
# Every file that can change what `dotnet restore` produces.
restore_inputs() {
  find . \( -path ./.git -o -path ./artifacts -o -path ./.build -o -name bin -o -name obj \) -prune -o \
    -type f \( -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.sln' \
               -o -name global.json -o -iname nuget.config \) -print | LC_ALL=C sort
}

restore_key() {
  {
    dotnet --version
    restore_inputs | while read -r f; do printf '%s\n' "$f"; cat "$f"; done
  } | sha
}

sln_projects() {
  { grep -o '"[^"]*\.csproj"' "$SLN" || true; } | tr -d '"' | tr '\\' '/' | LC_ALL=C sort -u
}

assets_present() {
  local p
  while read -r p; do
    [[ -f "$(dirname "$p")/obj/project.assets.json" ]] || return 1
  done < <(sln_projects)
}

setup_packages() {
  bash "$ROOT/toolchain/install.sh" "${TESTBED_PKGS[@]}" "${IMAGE_PKGS[@]}"
}

setup_restore() {
  local stamp="$BUILD_DIR/restore.stamp" key
  key="$(restore_key)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$key" ]] && assets_present; then
    say "restore: up to date"
    return 0
  fi
  say "restore: $SLN (the daemon for ${RIDS[*]} via RuntimeIdentifiers in toolchain/cross.props)"
  rm -f "$stamp"
  dotnet restore "$SLN" "${DOTNET_QUIET[@]}"
  local assets rid
  assets="$(dirname "$DAEMON")/obj/project.assets.json"
  for rid in "${RIDS[@]}"; do
    grep -q "\"net10.0/$rid\"" "$assets" || die "restore: $assets has no net10.0/$rid target (RuntimeIdentifiers?)"
  done
  mkdir -p "$BUILD_DIR"
  printf '%s\n' "$key" > "$stamp"
}

cmd_setup() {
  setup_packages
  setup_restore
}

# ---------------------------------------------------------------- build
cmd_build() {
  setup_restore
  say "build: $SLN -c Release"
  dotnet build "$SLN" -c Release --no-restore -warnaserror "${DOTNET_QUIET[@]}"
  say "build: ok"
}

# ---------------------------------------------------------------- publish
# Link inputs that MSBuild does not track for the native link (see toolchain/README.md).
link_key() {
  cat toolchain/cross.props "$DAEMON" Directory.Build.props | sha
}

expect_machine() {
  case "$1" in
    linux-x64) echo "x86-64" ;;
    linux-arm64) echo "ARM aarch64" ;;
    *) die "unknown RID $1" ;;
  esac
}

check_glibc() {
  local bin="$1" versions newest
  if command -v llvm-objdump-14 >/dev/null; then
    versions="$(llvm-objdump-14 -T "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' || true)"
  else
    versions="$(readelf -W -V "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' || true)"
  fi
  newest="$(printf '%s\n' "$versions" | sed 's/^GLIBC_//' | { grep . || true; } | sort -uV | tail -n1)"
  [[ -n "$newest" ]] || { echo "no GLIBC symbol versions found in $bin" >&2; return 1; }
  if [[ "$(printf '%s\n%s\n' "$newest" "$MAX_GLIBC" | sort -V | tail -n1)" != "$MAX_GLIBC" ]]; then
    echo "$bin needs GLIBC_$newest, newer than $MAX_GLIBC:" >&2
    llvm-objdump-14 -T "$bin" | grep "GLIBC_$newest" >&2 || true
    return 1
  fi
  printf '%s' "$newest"
}

publish_rid() {
  local rid="$1" t0 proj_dir out art key stamp desc newest size
  t0="$(now)"
  proj_dir="$(dirname "$DAEMON")"
  out="$BUILD_DIR/publish/$rid"
  art="$ROOT/artifacts/$rid"
  stamp="$BUILD_DIR/link-$rid.stamp"
  key="$(link_key)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$key" ]]; then
    # A changed LinkerFlavor/ObjCopyName/... does not re-link on its own: drop the native intermediates.
    rm -rf "$proj_dir/obj/Release/net10.0/$rid/native" "$proj_dir/bin/Release/net10.0/$rid/native"
  fi
  rm -rf "$out" "$art"
  say "publish: $rid"
  dotnet publish "$DAEMON" -c Release -r "$rid" --no-restore -warnaserror -o "$out" "${DOTNET_QUIET[@]}"
  mkdir -p "$BUILD_DIR"
  printf '%s\n' "$key" > "$stamp"
  [[ -f "$out/dualhomed" ]] || die "publish $rid: $out/dualhomed was not produced"
  mkdir -p "$art"
  cp "$out/dualhomed" "$art/dualhomed"
  chmod 0755 "$art/dualhomed"

  desc="$(file -b "$art/dualhomed")"
  [[ "$desc" == ELF\ 64-bit* && "$desc" == *"$(expect_machine "$rid")"* ]] ||
    die "publish $rid: wrong binary: $desc"
  [[ "$desc" == *", stripped"* ]] || die "publish $rid: not stripped: $desc"
  [[ "$(ls -A "$art")" == "dualhomed" ]] || die "publish $rid: stray files in $art: $(ls -A "$art" | tr '\n' ' ')"
  newest="$(check_glibc "$art/dualhomed")" || die "publish $rid: glibc check failed"
  size="$(stat -c %s "$art/dualhomed")"
  printf '    %-12s %-40s %9s bytes  %6s MiB  glibc<=%s  %ss\n' \
    "$rid" "artifacts/$rid/dualhomed" "$size" "$(mib "$size")" "$newest" "$(elapsed "$t0")"
}

print_sizes() {
  local rid f size
  for rid in "${RIDS[@]}"; do
    f="artifacts/$rid/dualhomed"
    if [[ -f "$f" ]]; then
      size="$(stat -c %s "$f")"
      printf '    %-12s %9s bytes  %6s MiB\n' "$rid" "$size" "$(mib "$size")"
    else
      printf '    %-12s (missing)\n' "$rid"
    fi
  done
}

cmd_publish() {
  setup_restore
  local rid rc failed=()
  # No stale binary may survive a failed publish (test would run it).
  for rid in "${RIDS[@]}"; do rm -rf "$ROOT/artifacts/$rid"; done
  for rid in "${RIDS[@]}"; do
    # Each RID in a subshell with errexit, so a failing x64 still shows whether arm64 builds.
    set +e
    (set -e; publish_rid "$rid")
    rc=$?
    set -e
    ((rc == 0)) || failed+=("$rid")
  done
  ((${#failed[@]} == 0)) || die "publish failed for: ${failed[*]}"
}

cmd_publish_x64() {
  setup_restore
  publish_rid linux-x64
}

# ---------------------------------------------------------------- test
# trx_counts FILE -> "passed failed skipped total"
#   failed  = Counters failed + error + timeout + aborted
#   skipped = UnitTestResult outcome="NotExecuted" (xunit v3 static and dynamic skips, verified),
#             or the Counters notExecuted if that is larger
trx_counts() {
  local flat counters passed failed skipped total notexec results_skipped
  flat="$(tr '\n\r' '  ' < "$1")"
  counters="$(grep -o '<Counters [^>]*>' <<<"$flat" | head -n1 || true)"
  passed="$(trx_attr "$counters" passed)"
  failed=$(( $(trx_attr "$counters" failed) + $(trx_attr "$counters" error) \
           + $(trx_attr "$counters" timeout) + $(trx_attr "$counters" aborted) ))
  notexec="$(trx_attr "$counters" notExecuted)"
  results_skipped="$( (grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' <<<"$flat" || true) | wc -l)"
  skipped=$(( results_skipped > notexec ? results_skipped : notexec ))
  total="$(trx_attr "$counters" total)"
  echo "$passed $failed $skipped $total"
}
trx_attr() { # "<Counters ...>" name -> the number, 0 when absent
  local v
  v="$(grep -o " $2=\"[0-9]*\"" <<<"$1" | grep -o '[0-9]\+' | head -n1 || true)"
  echo "${v:-0}"
}

# Summary state, filled by add_row.
ROWS=(); SUM_PASSED=0; SUM_FAILED=0; SUM_SKIPPED=0
add_row() { # name passed failed skipped seconds note
  ROWS+=("$(printf '%-36s %7s %7s %7s %8s  %s' "$1" "$2" "$3" "$4" "$5" "${6:-}")")
  SUM_PASSED=$((SUM_PASSED + $2)); SUM_FAILED=$((SUM_FAILED + $3)); SUM_SKIPPED=$((SUM_SKIPPED + $4))
}
print_summary() {
  echo
  printf '%-36s %7s %7s %7s %8s  %s\n' "project / check" passed failed skipped "time(s)" ""
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "tests: $SUM_PASSED passed, $SUM_FAILED failed, $SUM_SKIPPED skipped"
}

# Runs one TRX through the same counting as `test` (for checking the parser).
cmd_trx_summary() {
  (($#)) || die "usage: build.sh trx-summary FILE.trx..."
  local f p fl s t
  for f in "$@"; do
    read -r p fl s t < <(trx_counts "$f")
    add_row "$(basename "$f" .trx)" "$p" "$fl" "$s" "-" "total=$t"
  done
  print_summary
  ((SUM_FAILED == 0))
}

test_projects() {
  sln_projects | grep -E '(^|/)[^/]+\.Tests\.csproj$' || true
}

run_step() { # name -> runs ./build.sh <name> in a fresh shell; counts a failure as one failed test
  local name="$1" t0 rc=0
  t0="$(now)"
  bash "$SELF" "$name" || rc=$?
  if ((rc)); then
    add_row "step: $name" 0 1 0 "$(elapsed "$t0")" "FAILED (exit $rc)"
    echo "!!! step '$name' failed (exit $rc)"
  else
    add_row "step: $name" 0 0 0 "$(elapsed "$t0")" "ok (not counted)"
  fi
  return "$rc"
}

run_test_project() { # project [name filter]: the name labels the row and the TRX file
  local proj="$1" name="${2:-}" filter="${3:-Kind!=Measure}" trx t0 rc=0 p f s total note=""
  [[ -n "$name" ]] || name="$(basename "$proj" .csproj)"
  trx="$RESULTS_DIR/$name.trx"
  rm -f "$trx"
  say "test: $name"
  t0="$(now)"
  timeout --kill-after=30 "$TEST_TIMEOUT" \
    dotnet test "$proj" -c Release --no-build -nologo --filter "$filter" \
      --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS_DIR" || rc=$?
  if [[ ! -f "$trx" ]]; then
    add_row "$name" 0 1 0 "$(elapsed "$t0")" "no TRX (exit $rc)"
    return
  fi
  read -r p f s total < <(trx_counts "$trx")
  if ((rc == 124 || rc == 137)); then
    f=$((f + 1)); note="timed out after ${TEST_TIMEOUT}s"
  elif ((rc != 0 && f == 0)); then
    f=1; note="exit $rc with no failed test in TRX"
  elif ((total == 0)); then
    note="no tests"
  fi
  add_row "$name" "$p" "$f" "$s" "$(elapsed "$t0")" "$note"
}

smoke_check() { # name cmd... : passes when the output contains "dualhomed"
  local name="$1" t0 out rc=0
  shift
  t0="$(now)"
  out="$(timeout 60 "$@" 2>&1)" || rc=$?
  printf '    %s: %s\n' "$name" "$(head -n1 <<<"$out")"
  if ((rc == 0)) && grep -q dualhomed <<<"$out"; then
    add_row "check: $name" 1 0 0 "$(elapsed "$t0")"
  else
    add_row "check: $name" 0 1 0 "$(elapsed "$t0")" "FAILED (exit $rc)"
  fi
}

cmd_test() {
  if ! is_root; then
    echo "note: not root: the namespace tests will be skipped (they skip themselves visibly)"
  fi
  export DUALHOME_BIN="$ROOT/artifacts/linux-x64/dualhomed"
  rm -rf "$RESULTS_DIR"; mkdir -p "$RESULTS_DIR"
  local built=1 proj orphan listed
  listed="$(test_projects)"
  run_step setup || true
  run_step build || built=0
  run_step publish || true

  # A *.Tests project that Firmware.sln does not list would never be built or run: count it.
  while read -r orphan; do
    [[ -n "$orphan" ]] || continue
    if ! grep -qxF "$orphan" <<<"$listed"; then
      add_row "$(basename "$orphan" .csproj)" 0 1 0 "-" "not in $SLN (dotnet sln add $orphan)"
    fi
  done < <(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj' 2>/dev/null | LC_ALL=C sort)

  while read -r proj; do
    [[ -n "$proj" ]] || continue
    if ((built)); then
      run_test_project "$proj"
    else
      add_row "$(basename "$proj" .csproj)" 0 0 0 "-" "not run (build failed)"
    fi
  done <<<"$listed"

  # The namespace scenarios once more with the daemon forwarding (DataPlane.Mode "packet"): the same tests must
  # pass whichever data plane runs (issue 4).
  if ((built)); then
    DUALHOME_DATAPLANE=packet run_test_project "$INTEGRATION" "DualHome.Integration.Tests.packet-mode" "Kind!=Measure&DataPlane=both"
  fi

  say "checks: the published binaries run"
  if [[ -x artifacts/linux-x64/dualhomed ]]; then
    smoke_check "linux-x64 --version" artifacts/linux-x64/dualhomed --version
  else
    add_row "check: linux-x64 --version" 0 1 0 "-" "no binary"
  fi
  if [[ -x artifacts/linux-arm64/dualhomed ]]; then
    smoke_check "linux-arm64 --version (qemu)" qemu-aarch64 -L /usr/aarch64-linux-gnu artifacts/linux-arm64/dualhomed --version
  else
    add_row "check: linux-arm64 --version (qemu)" 0 1 0 "-" "no binary"
  fi

  # Issue 7: the Buildroot tree's well-formedness and the emulated image booted in qemu.
  run_image_checks

  print_summary
  ((SUM_FAILED == 0))
}

# ---------------------------------------------------------------- image (issue 7)
# The emulated image: Debian arm64 packages + the Buildroot tree's rootfs overlays + artifacts/linux-arm64/dualhomed.
# image/build-image.sh exits 77 when it cannot build here (the first run needs root to fetch the arm64 packages).
cmd_image() {
  [[ -f artifacts/linux-arm64/dualhomed ]] || cmd_publish
  bash "$ROOT/image/build-image.sh" "$IMAGE_DIR"
}

# image-test [--network netns]: boot the image in qemu and drive its console (image/test-image.py).
cmd_image_test() {
  [[ -f "$IMAGE_DIR/initramfs.cpio.gz" ]] || cmd_image
  "$PYTHON" "$ROOT/image/test-image.py" --image "$IMAGE_DIR" "$@"
}

# The Buildroot external tree is well formed (image/check-br2-tree.py; no Buildroot needed).
cmd_image_check() {
  local bin=()
  [[ -x artifacts/linux-x64/dualhomed ]] && bin=(--dualhomed artifacts/linux-x64/dualhomed)
  "$PYTHON" "$ROOT/image/check-br2-tree.py" "${bin[@]}" "$@"
}

add_rows_from() { # FILE: "name<TAB>PASS|FAIL|SKIP<TAB>seconds<TAB>note" lines -> summary rows
  local name status secs note
  while IFS=$'\t' read -r name status secs note; do
    [[ -n "$name" ]] || continue
    case "$status" in
      PASS) add_row "check: $name" 1 0 0 "$secs" "$note" ;;
      SKIP) add_row "check: $name" 0 0 1 "$secs" "skipped: $note" ;;
      *) add_row "check: $name" 0 1 0 "$secs" "FAILED: $note" ;;
    esac
  done < "$1"
}

IMAGE_TEST_CHECKS=("boots to console CLI" "show status: a and b"
                   "restart after kill -9" "powers off cleanly")

image_test_rows() { # SKIP|FAIL|NOTRUN note: one row per image check when the test cannot run
  local c
  for c in "${IMAGE_TEST_CHECKS[@]}"; do
    case "$1" in
      SKIP) add_row "check: image: $c" 0 0 1 "-" "skipped: $2" ;;
      NOTRUN) add_row "check: image: $c" 0 0 0 "-" "not run ($2)" ;;
      *) add_row "check: image: $c" 0 1 0 "-" "FAILED: $2" ;;
    esac
  done
}

run_image_checks() {
  local rows="$RESULTS_DIR/br2-tree.rows" rc=0 t0 network=()
  say "checks: the Buildroot external tree is well formed"
  rm -f "$rows"
  cmd_image_check --rows "$rows" || true
  if [[ -s "$rows" ]]; then add_rows_from "$rows"; else add_row "check: br2 tree" 0 1 0 "-" "FAILED: no result"; fi

  say "checks: the emulated image (image/build-image.sh, image/test-image.py)"
  if [[ ! -f artifacts/linux-arm64/dualhomed ]]; then
    image_test_rows NOTRUN "no artifacts/linux-arm64/dualhomed: publish failed"
    return
  fi
  t0="$(now)"
  bash "$ROOT/image/build-image.sh" "$IMAGE_DIR" || rc=$?
  if ((rc == 77)); then
    image_test_rows SKIP "the image cannot be built here (image/build-image.sh needs root once to fetch arm64 packages)"
    return
  elif ((rc)); then
    add_row "step: image" 0 1 0 "$(elapsed "$t0")" "FAILED (exit $rc)"
    image_test_rows FAIL "no image (build-image.sh exit $rc)"
    return
  fi
  add_row "step: image" 0 0 0 "$(elapsed "$t0")" "ok (not counted)"
  if ! command -v qemu-system-aarch64 >/dev/null; then
    image_test_rows SKIP "qemu-system-aarch64 is not installed (./build.sh setup as root)"
    return
  fi
  # The namespace-attached run needs root (tap devices, namespaces); without it the NICs sit on empty hubs.
  is_root && network=(--network netns)
  rows="$RESULTS_DIR/image-test.rows"
  rm -f "$rows"
  timeout --kill-after=10 300 "$PYTHON" "$ROOT/image/test-image.py" --image "$IMAGE_DIR" --rows "$rows" \
    --log "$RESULTS_DIR/image-console.log" "${network[@]}" || true
  if [[ -s "$rows" ]]; then add_rows_from "$rows"; else image_test_rows FAIL "the image test wrote no result"; fi
}

# ---------------------------------------------------------------- bench / demo
cmd_bench() {
  cmd_publish
  say "binary sizes"
  print_sizes
  if [[ ! -f "$DEMO" ]]; then
    echo "network benchmarks: not available yet ($DEMO does not exist)"
    return 0
  fi
  if ! is_root; then
    echo "network benchmarks: skipped, they need root (network namespaces)"
    return 0
  fi
  bash "$ROOT/toolchain/install.sh" "${TESTBED_PKGS[@]}" "${BENCH_PKGS[@]}"
  export DUALHOME_BIN="$ROOT/artifacts/linux-x64/dualhomed"
  say "network benchmarks: dotnet run --project $DEMO -- bench"
  local rc=0
  dotnet run -c Release --project "$DEMO" -- bench || rc=$?
  # Measurements that print figures and assert nothing are benchmarks, not tests: `test` filters them out.
  say "packet I/O measures (AF_PACKET rings vs kernel forwarding, 64-byte frames)"
  dotnet build tests/DualHome.Linux.Tests -c Release -nologo -v:q >/dev/null
  dotnet test tests/DualHome.Linux.Tests -c Release --no-build -nologo --filter "Kind=Measure" \
    --logger "console;verbosity=detailed" | grep -vE '^\s*$|Test run for|A total of|Results File' || rc=$?
  return "$rc"
}

cmd_demo() {
  is_root || die "demo needs root (it builds network namespaces): run it as root"
  [[ -f "$DEMO" ]] || die "demo: $DEMO does not exist yet"
  cmd_setup
  cmd_publish_x64
  export DUALHOME_BIN="$ROOT/artifacts/linux-x64/dualhomed"
  say "demo: dotnet run --project $DEMO -- demo"
  exec dotnet run -c Release --project "$DEMO" -- demo
}

# ---------------------------------------------------------------- clean / help
cmd_clean() {
  local proj dir
  while read -r proj; do
    dir="$(dirname "$proj")"
    rm -rf "$dir/bin" "$dir/obj"
  done < <(find . \( -path ./.git -o -path ./artifacts -o -path ./.build -o -name bin -o -name obj \) -prune -o \
              -type f -name '*.csproj' -print)
  rm -rf artifacts .build TestResults
  say "clean: removed bin/ obj/ artifacts/ .build/"
}

cmd_help() {
  cat <<EOF
usage: ./build.sh <command>
  setup        install missing Debian packages (cross toolchain + testbed tools; root) and restore NuGet packages
  build        dotnet build $SLN -c Release (warnings are errors)
  publish      NativeAOT dualhomed for linux-x64 and linux-arm64 into artifacts/<rid>/dualhomed, checked
  publish-x64  the same for linux-x64 only
  test         setup, build, publish, every *.Tests project, run checks; last line: tests: N passed, N failed, N skipped
  image        the emulated arm64 image (Debian arm64 packages + image/br2-external overlays + dualhomed)
               into artifacts/image/qemu_aarch64_virt; the first run needs root (apt), later runs are offline
  image-test   boot it in qemu-system-aarch64 and drive its serial console (--network netns: NICs in
               network namespaces, root); prints boot-to-ready time and image size
  image-check  check the Buildroot external tree (image/br2-external) without Buildroot
  bench        publish, print binary sizes, run the network benchmarks (root, tests/DualHome.Demo -- bench)
  demo         (root) setup, publish linux-x64, run tests/DualHome.Demo -- demo
  clean        remove bin/ obj/ artifacts/ .build/
  trx-summary  (internal) count TRX files the way 'test' does: ./build.sh trx-summary FILE.trx...
  help         this list
EOF
}

main() {
  local cmd="${1:-help}"
  (($#)) && shift
  case "$cmd" in
    setup) cmd_setup ;;
    build) cmd_build ;;
    publish) cmd_publish ;;
    publish-x64) cmd_publish_x64 ;;
    image) cmd_image ;;
    image-test) cmd_image_test "$@" ;;
    image-check) cmd_image_check "$@" ;;
    test) cmd_test ;;
    bench) cmd_bench ;;
    demo) cmd_demo ;;
    clean) cmd_clean ;;
    trx-summary) cmd_trx_summary "$@" ;;
    help|-h|--help) cmd_help ;;
    *) cmd_help >&2; die "unknown command: $cmd" ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
