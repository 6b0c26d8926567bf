#!/usr/bin/env python3
"""Checks that the DualHome Buildroot external tree (image/br2-external) is well formed, without building it.

    image/check-br2-tree.py [--buildroot DIR] [--rows FILE] [--dualhomed BIN]

Each check prints PASS or FAIL with the problems found. Offline, upstream Buildroot is what
image/buildroot-upstream.txt records (the target version, the BR2_ symbols verified, the upstream files
the defconfigs name, the upstream defconfigs they derive from). With --buildroot DIR the symbols and files
come from that checkout instead, and drift of the base defconfigs is reported. --rows FILE writes one
"name<TAB>PASS|FAIL<TAB>seconds<TAB>note" line per check for build.sh. Exit status 1 when a check fails.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TREE = os.path.join(HERE, "br2-external")
DATA = os.path.join(HERE, "buildroot-upstream.txt")
EXT_VAR = "$(BR2_EXTERNAL_DUALHOME_PATH)"

# What the firmware needs from every board's kernel (issue 7), and a serial console driver per board.
REQUIRED_KERNEL = ["CONFIG_IPV6", "CONFIG_IPV6_SUBTREES", "CONFIG_IPV6_MULTIPLE_TABLES", "CONFIG_PACKET", "CONFIG_BPF_SYSCALL",
                   "CONFIG_NF_TABLES", "CONFIG_LEDS_TRIGGER_TIMER", "CONFIG_KEYBOARD_GPIO"]
SERIAL_CONSOLES = ["CONFIG_SERIAL_AMBA_PL011_CONSOLE", "CONFIG_SERIAL_8250_CONSOLE"]
# What every DualHome defconfig must add to its upstream base.
REQUIRED_SETTINGS = {
    "BR2_TOOLCHAIN_BUILDROOT_GLIBC": "y",
    "BR2_PACKAGE_LIBGPIOD2": "y",
    "BR2_PACKAGE_DUALHOME": "y",
    "BR2_SYSTEM_DHCP": "",  # a router configures its links itself ("" is also the default: absent is fine)
}
# Upstream files the tree's scripts run (board/common/post-image.sh).
SCRIPT_UPSTREAM_FILES = ["support/scripts/genimage.sh"]
# Files a genimage.cfg may take from Buildroot's output rather than from another image of the same file.
BUILDROOT_OUTPUTS = {"rootfs.ext4", "rootfs.ext2", "idbloader.img", "u-boot.itb", "u-boot-rockchip.bin", "Image"}


class Upstream:
    """The upstream Buildroot the tree is checked against: the recorded data, or a real checkout."""

    def __init__(self, data_path, buildroot=None):
        self.version, self.symbols, self.files, self.defconfigs = None, {}, {}, {}
        self._read_data(data_path)
        self.buildroot = buildroot
        if buildroot:
            self.recorded_defconfigs = self.defconfigs
            self.symbols = {s: "Kconfig" for s in kconfig_symbols(buildroot)}
            self.version = buildroot_version(buildroot) or self.version

    def _read_data(self, path):
        current = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                if line.startswith("  ") and current is not None:
                    current.append(line.strip())
                    continue
                word, *rest = line.split()
                if word == "version":
                    self.version = rest[0]
                elif word == "symbol":
                    self.symbols[rest[0]] = rest[1]
                elif word == "file":
                    self.files[rest[0]] = rest[1]
                elif word == "defconfig":
                    current = self.defconfigs.setdefault(rest[0], [])
                else:
                    raise SystemExit(f"{path}:{n}: unknown line: {line}")

    def has_symbol(self, name):
        return name in self.symbols

    def has_file(self, rel):
        if self.buildroot:
            return os.path.exists(os.path.join(self.buildroot, rel))
        return rel in self.files or any(f.startswith(rel.rstrip("/") + "/") for f in self.files)


def kconfig_symbols(top):
    found = set()
    for root, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d not in (".git", "output", "dl")]
        for name in files:
            if name.startswith("Config.in"):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    found.update(re.findall(r"^\s*(?:menu)?config\s+(BR2_\w+)", f.read(), re.M))
    return found


def buildroot_version(top):
    try:
        with open(os.path.join(top, "Makefile"), encoding="utf-8") as f:
            m = re.search(r"^export BR2_VERSION\s*:=\s*(\S+)", f.read(), re.M)
            return m.group(1) if m else None
    except OSError:
        return None


# ---------------------------------------------------------------- parsing the tree

def parse_defconfig(path):
    """-> (settings {symbol: value}, [(line_no, symbol, value, comment_before)], problems)."""
    settings, entries, problems = {}, [], []
    previous_comment = ""
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if raw.endswith(" \n") or raw.endswith("\t\n"):
                problems.append(f"{rel(path)}:{n}: trailing whitespace")
            m = re.match(r"^(BR2_\w+)=(.*)$", line) or re.match(r"^# (BR2_\w+) is not set$", line)
            if m:
                symbol = m.group(1)
                value = m.group(2) if m.re.pattern.startswith("^(BR2") else "n"
                value = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
                if symbol in settings:
                    problems.append(f"{rel(path)}:{n}: {symbol} set twice (Kconfig would take the last)")
                settings[symbol] = value
                entries.append((n, symbol, value, previous_comment))
                previous_comment = ""
            elif line.startswith("#") or not line.strip():
                previous_comment = line if line.startswith("#") else ""
            else:
                problems.append(f"{rel(path)}:{n}: not a Kconfig setting: {line}")
    return settings, entries, problems


def tree_symbols():
    """Symbols the external tree's own Config.in files define."""
    found = set()
    for root, _, files in os.walk(TREE):
        for name in files:
            if name.startswith("Config.in"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    found.update(re.findall(r"^\s*(?:menu)?config\s+(BR2_\w+)", f.read(), re.M))
    return found


def rel(path):
    return os.path.relpath(path, REPO)


def defconfigs():
    d = os.path.join(TREE, "configs")
    return sorted(os.path.join(d, f) for f in os.listdir(d))


def board_of(defconfig_path):
    """dualhome_<upstream>_defconfig -> <upstream> (the base defconfig's name, also the board directory)."""
    name = os.path.basename(defconfig_path)
    m = re.match(r"^dualhome_(\w+)_defconfig$", name)
    return m.group(1) if m else None


# ---------------------------------------------------------------- checks

def check_external_tree(up):
    problems = []
    desc = os.path.join(TREE, "external.desc")
    fields = {}
    with open(desc, encoding="utf-8") as f:
        for line in f:
            if ":" in line:
                k, v = line.split(":", 1)
                fields[k.strip()] = v.strip()
    name = fields.get("name", "")
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        problems.append(f"external.desc: name '{name}' must be [A-Za-z0-9_]+")
    if name != "DUALHOME":
        problems.append(f"external.desc: name '{name}': the files use $BR2_EXTERNAL_DUALHOME_PATH")
    if not fields.get("desc"):
        problems.append("external.desc: no desc")
    with open(os.path.join(TREE, "Config.in"), encoding="utf-8") as f:
        config_in = f.read()
    sourced = re.findall(r'^source\s+"\$BR2_EXTERNAL_DUALHOME_PATH/([^"]+)"', config_in, re.M)
    for other in re.findall(r"^source\s+(.*)$", config_in, re.M):
        if "$BR2_EXTERNAL_DUALHOME_PATH/" not in other:
            problems.append(f"Config.in: source not relative to $BR2_EXTERNAL_DUALHOME_PATH: {other}")
    for s in sourced:
        if not os.path.isfile(os.path.join(TREE, s)):
            problems.append(f"Config.in: sources {s}, which does not exist")
    for pkg in packages():
        if f"package/{pkg}/Config.in" not in sourced:
            problems.append(f"Config.in: package/{pkg}/Config.in is not sourced")
    with open(os.path.join(TREE, "external.mk"), encoding="utf-8") as f:
        mk = f.read()
    if "$(BR2_EXTERNAL_DUALHOME_PATH)/package/*/*.mk" not in mk:
        for pkg in packages():
            if f"package/{pkg}/{pkg}.mk" not in mk:
                problems.append(f"external.mk: package/{pkg}/{pkg}.mk is not included")
    for path in defconfigs():
        if not path.endswith("_defconfig"):
            problems.append(f"{rel(path)}: a file in configs/ must end in _defconfig")
    return problems, f"name {name}, {len(packages())} package(s), {len(defconfigs())} defconfigs"


def packages():
    d = os.path.join(TREE, "package")
    return sorted(p for p in os.listdir(d) if os.path.isdir(os.path.join(d, p)))


def check_packages(up):
    """Buildroot's naming and coding-style rules for packages (manual, "Adding new packages"; utils/check-package)."""
    problems = []
    for pkg in packages():
        d = os.path.join(TREE, "package", pkg)
        upper = pkg.upper().replace("-", "_")
        if not re.fullmatch(r"[a-z0-9][a-z0-9._+-]*", pkg):
            problems.append(f"package/{pkg}: a package name is lower case")
        for needed in ("Config.in", f"{pkg}.mk"):
            if not os.path.isfile(os.path.join(d, needed)):
                problems.append(f"package/{pkg}: no {needed}")
        for f in os.listdir(d):
            if f.endswith(".patch") and not re.match(r"^\d{4}-.+\.patch$", f):
                problems.append(f"package/{pkg}/{f}: patches are named NNNN-description.patch")
            if f not in ("Config.in", "Config.in.host", f"{pkg}.mk", f"{pkg}.hash") and not f.endswith(".patch") \
                    and not re.match(r"^S\d\d", f) and not f.endswith(".service"):
                problems.append(f"package/{pkg}/{f}: not a file Buildroot knows in a package directory")
        mk_path = os.path.join(d, f"{pkg}.mk")
        if os.path.isfile(mk_path):
            problems += check_mk(pkg, upper, mk_path)
        cfg_path = os.path.join(d, "Config.in")
        if os.path.isfile(cfg_path):
            problems += check_config_in(pkg, upper, cfg_path)
    return problems, ", ".join(packages())


def check_mk(pkg, upper, path):
    problems = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    banner = "#" * 80
    header = [banner, "#", f"# {pkg}", "#", banner, ""]
    if lines[:6] != header:
        problems.append(f"{rel(path)}: must start with the 80-column '#' banner naming '{pkg}'")
    site_local = False
    for n, line in enumerate(lines, 1):
        if line != line.rstrip():
            problems.append(f"{rel(path)}:{n}: trailing whitespace")
        m = re.match(r"^([A-Z0-9_]+)\s*(?:\+=|:=|\?=|=)", line) or re.match(r"^define\s+([A-Z0-9_]+)", line)
        if m and not m.group(1).startswith(upper + "_"):
            problems.append(f"{rel(path)}:{n}: variable {m.group(1)} does not start with {upper}_")
        if re.match(rf"^{upper}_SITE_METHOD\s*=\s*local\b", line):
            site_local = True
    for needed in (f"{upper}_VERSION", f"{upper}_SITE"):
        if not any(re.match(rf"^{needed}\s*=", l) for l in lines):
            problems.append(f"{rel(path)}: no {needed}")
    body = [l for l in lines if l.strip()]
    if not body or not re.fullmatch(r"\$\(eval \$\((host-)?[a-z0-9-]+-package\)\)", body[-1]):
        problems.append(f"{rel(path)}: must end with $(eval $(<infrastructure>-package))")
    if not site_local and not os.path.isfile(os.path.join(os.path.dirname(path), f"{pkg}.hash")):
        problems.append(f"{rel(path)}: a downloaded package needs {pkg}.hash")
    return problems


def check_config_in(pkg, upper, path):
    problems = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    first = next((l for l in lines if l.strip()), "")
    if first != f"config BR2_PACKAGE_{upper}":
        problems.append(f"{rel(path)}: the first entry must be 'config BR2_PACKAGE_{upper}'")
    in_help = False
    for n, line in enumerate(lines, 1):
        if line != line.rstrip():
            problems.append(f"{rel(path)}:{n}: trailing whitespace")
        m = re.match(r"^(?:menu)?config\s+(BR2_\w+)", line)
        if m and not m.group(1).startswith(f"BR2_PACKAGE_{upper}"):
            problems.append(f"{rel(path)}:{n}: {m.group(1)} does not start with BR2_PACKAGE_{upper}")
        if not line.strip():
            continue
        if re.match(r"^(config|menuconfig|comment|if|endif|menu|endmenu|choice|endchoice|source)\b", line):
            in_help = False
            continue
        if in_help:
            if not line.startswith("\t  "):
                problems.append(f"{rel(path)}:{n}: help text is indented with a tab and two spaces")
            elif len(line.expandtabs(8)) > 72:
                problems.append(f"{rel(path)}:{n}: help text longer than 72 columns")
            continue
        if not re.match(r"^\t[a-z]", line):
            problems.append(f"{rel(path)}:{n}: an attribute is indented with one tab")
        if line.strip() == "help":
            in_help = True
    return problems


def check_defconfig_symbols(up):
    problems = []
    own = tree_symbols()
    count = 0
    for path in defconfigs():
        settings, _, parse_problems = parse_defconfig(path)
        problems += parse_problems
        for symbol in settings:
            count += 1
            if not up.has_symbol(symbol) and symbol not in own:
                problems.append(f"{rel(path)}: {symbol} is neither in Buildroot {up.version} nor in this tree")
    return problems, f"{count} settings in {len(defconfigs())} defconfigs against {len(up.symbols)} upstream symbols"


def referenced_paths(value):
    """Path-like words of a setting's value: ("external", rel) for the tree's own, ("upstream", rel) otherwise."""
    for word in value.split():
        if word.startswith(EXT_VAR + "/"):
            yield "external", word[len(EXT_VAR) + 1:]
        elif "$(" in word or word.startswith("-") or "/" not in word:
            continue
        elif re.match(r"^(board|support|configs|package|system|fs|linux|boot)/", word):
            yield "upstream", word


PATH_SYMBOLS = ("_SCRIPT", "_OVERLAY", "_FILE", "_FILES", "_PATCH_DIR", "_SCRIPT_ARGS", "_TABLES", "_PATH")


def check_files(up):
    problems = []
    checked = 0
    for path in defconfigs():
        settings, _, _ = parse_defconfig(path)
        for symbol, value in settings.items():
            if not symbol.endswith(PATH_SYMBOLS):
                continue
            for kind, p in referenced_paths(value):
                checked += 1
                if kind == "external":
                    full = os.path.join(TREE, p)
                    if not os.path.exists(full):
                        problems.append(f"{rel(path)}: {symbol} names {EXT_VAR}/{p}, which does not exist")
                    elif symbol.endswith(("_SCRIPT",)) and not os.access(full, os.X_OK):
                        problems.append(f"{rel(path)}: {symbol}: {p} is not executable")
                elif not up.has_file(p):
                    problems.append(f"{rel(path)}: {symbol} names upstream {p}, not in Buildroot {up.version}")
    for p in SCRIPT_UPSTREAM_FILES:
        checked += 1
        if not up.has_file(p):
            problems.append(f"board/common/post-image.sh runs upstream {p}, not in Buildroot {up.version}")
    for board in boards():
        bdir = os.path.join(TREE, "board", board)
        for needed in ("genimage.cfg", "post-build.sh", "post-image.sh", "linux.fragment",
                       "rootfs_overlay/etc/dualhome/dualhome.json"):
            checked += 1
            if not os.path.isfile(os.path.join(bdir, needed)):
                problems.append(f"board/{board}: no {needed}")
    return problems, f"{checked} references"


def boards():
    return [b for b in (board_of(p) for p in defconfigs()) if b]


def check_derived(up):
    """Each DualHome defconfig keeps every setting of its upstream base, or changes it under a '# DualHome:' comment."""
    problems = []
    kept = changed = 0
    source = getattr(up, "recorded_defconfigs", up.defconfigs)
    for path in defconfigs():
        board = board_of(path)
        if board is None:
            problems.append(f"{rel(path)}: not named dualhome_<upstream defconfig name>_defconfig")
            continue
        base = source.get(board)
        if base is None:
            problems.append(f"{rel(path)}: no upstream {board}_defconfig recorded in {rel(DATA)}")
            continue
        settings, entries, _ = parse_defconfig(path)
        comments = {symbol: comment for _, symbol, _, comment in entries}
        for line in base:
            symbol, value = split_setting(line)
            if symbol not in settings:
                problems.append(f"{rel(path)}: drops upstream {line}")
            elif settings[symbol] == value:
                kept += 1
            elif comments.get(symbol, "").startswith("# DualHome:"):
                changed += 1
            else:
                problems.append(f"{rel(path)}: changes upstream {line} without a '# DualHome:' comment")
        for symbol, wanted in REQUIRED_SETTINGS.items():
            if settings.get(symbol, "" if wanted == "" else None) != wanted:
                problems.append(f"{rel(path)}: {symbol} must be \"{wanted}\"" if wanted == ""
                                else f"{rel(path)}: {symbol}={wanted} is missing")
        for symbol, needle in (("BR2_ROOTFS_OVERLAY", "board/common/rootfs_overlay"),
                               ("BR2_LINUX_KERNEL_CONFIG_FRAGMENT_FILES", "board/common/linux-dualhome.fragment"),
                               ("BR2_ROOTFS_OVERLAY", f"board/{board}/rootfs_overlay"),
                               ("BR2_LINUX_KERNEL_CONFIG_FRAGMENT_FILES", f"board/{board}/linux.fragment")):
            if f"{EXT_VAR}/{needle}" not in settings.get(symbol, ""):
                problems.append(f"{rel(path)}: {symbol} does not include {EXT_VAR}/{needle}")
        if up.buildroot:
            real = os.path.join(up.buildroot, "configs", f"{board}_defconfig")
            if os.path.isfile(real):
                now = {split_setting(l) for l in read_settings(real)}
                then = {split_setting(l) for l in base}
                for s, v in sorted(now - then):
                    print(f"    note: upstream {board}_defconfig now has {s}={v} (not in the recorded base)")
            else:
                problems.append(f"{board}_defconfig does not exist in {up.buildroot}")
    return problems, f"{kept} upstream settings kept, {changed} changed under '# DualHome:'"


def read_settings(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if re.match(r"^(BR2_\w+=|# BR2_\w+ is not set)", l)]


def split_setting(line):
    m = re.match(r"^# (BR2_\w+) is not set$", line)
    if m:
        return m.group(1), "n"
    symbol, value = line.split("=", 1)
    return symbol, value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


def fragment_options(path):
    opts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(CONFIG_\w+)=(.*)$", line.strip())
            if m:
                opts[m.group(1)] = m.group(2)
    return opts


def check_kernel(up):
    problems = []
    common = fragment_options(os.path.join(TREE, "board/common/linux-dualhome.fragment"))
    for opt in REQUIRED_KERNEL:
        if common.get(opt) != "y":
            problems.append(f"board/common/linux-dualhome.fragment: {opt}=y is missing")
    for board in boards():
        path = os.path.join(TREE, "board", board, "linux.fragment")
        if not os.path.isfile(path):
            continue
        opts = fragment_options(path)
        if not any(opts.get(o) == "y" for o in SERIAL_CONSOLES):
            problems.append(f"board/{board}/linux.fragment: no serial console ({' or '.join(SERIAL_CONSOLES)})")
    return problems, f"{len(REQUIRED_KERNEL)} options in the common fragment, a serial console per board"


def check_boards(up, dualhomed):
    """The overlays and board files: scripts executable and parseable, default configurations valid, genimage.cfg sane."""
    problems = []
    overlay = os.path.join(TREE, "board/common/rootfs_overlay")
    for script in ("etc/init.d/S45dualhome-links", "etc/init.d/S50dualhome", "usr/sbin/dualhome-supervise",
                   "usr/libexec/dualhome/console-login"):
        problems += check_script(os.path.join(overlay, script))
    for script in ("board/common/post-build.sh", "board/common/post-image.sh"):
        problems += check_script(os.path.join(TREE, script))
    with open(os.path.join(overlay, "etc/inittab"), encoding="utf-8") as f:
        inittab = f.read()
    if not re.search(r"^\S+::respawn:/sbin/getty -n -l /usr/libexec/dualhome/console-login .*# DUALHOME_CONSOLE$",
                     inittab, re.M):
        problems.append("board/common/rootfs_overlay/etc/inittab: no console CLI line marked DUALHOME_CONSOLE")
    profiles = sorted(os.listdir(os.path.join(REPO, "board")))
    for board in boards():
        bdir = os.path.join(TREE, "board", board)
        for script in ("post-build.sh", "post-image.sh"):
            problems += check_script(os.path.join(bdir, script))
        problems += check_default_config(board, os.path.join(bdir, "rootfs_overlay/etc/dualhome/dualhome.json"),
                                         profiles, dualhomed)
        problems += check_genimage(os.path.join(bdir, "genimage.cfg"))
        settings, _, _ = parse_defconfig(os.path.join(TREE, "configs", f"dualhome_{board}_defconfig"))
        wanted = settings.get("BR2_PACKAGE_DUALHOME_BOARD")
        if wanted not in profiles:
            problems.append(f"dualhome_{board}_defconfig: BR2_PACKAGE_DUALHOME_BOARD '{wanted}' is not a profile "
                            f"under board/ ({', '.join(profiles)})")
    return problems, f"{len(boards())} boards" + ("" if dualhomed else " (dualhomed check skipped: no binary)")


def check_script(path):
    if not os.path.isfile(path):
        return [f"{rel(path)}: missing"]
    problems = []
    if not os.access(path, os.X_OK):
        problems.append(f"{rel(path)}: not executable")
    with open(path, encoding="utf-8") as f:
        if not f.readline().startswith("#!/bin/sh"):
            problems.append(f"{rel(path)}: must start with #!/bin/sh (busybox sh on the target)")
    r = subprocess.run(["sh", "-n", path], capture_output=True, text=True)
    if r.returncode != 0:
        problems.append(f"{rel(path)}: sh -n: {r.stderr.strip()}")
    return problems


def check_default_config(board, path, profiles, dualhomed):
    if not os.path.isfile(path):
        return [f"board/{board}: no default configuration"]
    problems = []
    try:
        with open(path, encoding="utf-8") as f:
            cfg = json.load(f)
    except ValueError as e:
        return [f"{rel(path)}: not JSON: {e}"]
    profile = cfg.get("Board", {}).get("Profile", "none")
    m = re.fullmatch(r"/usr/share/dualhome/board/([^/]+)/board\.json", profile)
    name = m.group(1) if m else profile
    if name not in profiles:
        problems.append(f"{rel(path)}: Board.Profile {profile}: no board/{name}/board.json in the repository")
    if dualhomed:
        r = subprocess.run([dualhomed, "check", "--config", path], capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            problems.append(f"{rel(path)}: dualhomed check: exit {r.returncode}: {r.stderr.strip()}")
    return problems


def check_genimage(path):
    if not os.path.isfile(path):
        return [f"{rel(path)}: missing"]
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"#.*", "", f.read())
    problems = []
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth != 0:
        problems.append(f"{rel(path)}: unbalanced braces")
    made = set(re.findall(r"^image\s+(\S+)\s*\{", text, re.M))
    if not made:
        problems.append(f"{rel(path)}: no image")
    for used in re.findall(r'\bimage\s*=\s*"([^"]+)"', text):
        if used not in made and used not in BUILDROOT_OUTPUTS:
            problems.append(f"{rel(path)}: partition image {used} is neither made here nor a Buildroot output")
    return problems


CHECKS = [
    ("tree layout", check_external_tree),
    ("package rules", check_packages),
    ("defconfig symbols", check_defconfig_symbols),
    ("referenced files", check_files),
    ("derived from upstream", check_derived),
    ("kernel options", check_kernel),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--buildroot", help="a Buildroot checkout to check against instead of the recorded data")
    ap.add_argument("--rows", help="write one tab-separated row per check to this file")
    ap.add_argument("--dualhomed", help="a dualhomed binary for this host: runs `check` on the default configurations")
    args = ap.parse_args()
    up = Upstream(DATA, args.buildroot)
    print(f"br2 tree: {rel(TREE)} against Buildroot {up.version}"
          f" ({'checkout ' + args.buildroot if args.buildroot else rel(DATA)})")
    rows, failed = [], 0
    checks = CHECKS + [("board files, configs", lambda u: check_boards(u, args.dualhomed))]
    for name, fn in checks:
        t0 = time.monotonic()
        try:
            problems, summary = fn(up)
        except Exception as e:  # a broken file must fail the check, not the checker
            problems, summary = [f"{type(e).__name__}: {e}"], "error"
        seconds = time.monotonic() - t0
        status = "FAIL" if problems else "PASS"
        failed += bool(problems)
        print(f"  {status}  {name}: {summary}")
        for p in problems:
            print(f"        {p}")
        rows.append(f"br2: {name}\t{status}\t{seconds:.1f}\t{summary if not problems else str(len(problems)) + ' problem(s)'}")
    if args.rows:
        with open(args.rows, "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
