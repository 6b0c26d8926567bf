#!/usr/bin/env python3
"""Helpers of image/build-image.sh that need no root and no extra host tools.

    mkinitramfs.py modules MODULES_DIR NAMES_FILE STAGE_DIR
        copies the named kernel modules and everything they depend on (the `depends=` of each
        module's .modinfo section) from MODULES_DIR (/lib/modules/<version> of the kernel package)
        into STAGE_DIR/lib/modules/<version>/, and writes STAGE_DIR/etc/modules-load: their paths
        in load order (dependencies first).
    mkinitramfs.py cpio STAGE_DIR OUT.cpio.gz
        packs STAGE_DIR as a gzip-compressed "newc" cpio archive (the initramfs format), every entry
        owned by root, with fixed timestamps (the same inputs give the same bytes), plus /dev/console
        (the kernel opens it for init before devtmpfs is mounted).
"""
import gzip
import os
import stat
import sys


def module_index(modules_dir):
    """name -> path relative to modules_dir; names as modinfo gives them ('-' and '_' are the same)."""
    index = {}
    for root, _, files in os.walk(modules_dir):
        for f in files:
            if f.endswith(".ko"):
                path = os.path.relpath(os.path.join(root, f), modules_dir)
                index[f[:-3].replace("-", "_")] = path
    return index


def depends(path):
    with open(path, "rb") as f:
        data = f.read()
    for field in data.split(b"\0"):
        if field.startswith(b"depends="):
            return [d for d in field[len(b"depends="):].decode().split(",") if d]
    return []


def resolve(modules_dir, names):
    index = module_index(modules_dir)
    order, seen = [], set()

    def visit(name):
        key = name.replace("-", "_")
        if key in seen:
            return
        seen.add(key)
        if key not in index:
            raise SystemExit(f"mkinitramfs: no module {name} in {modules_dir}")
        for dep in depends(os.path.join(modules_dir, index[key])):
            visit(dep)
        order.append(index[key])

    for n in names:
        visit(n)
    return order


def cmd_modules(modules_dir, names_file, stage):
    with open(names_file, encoding="utf-8") as f:
        names = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    version = os.path.basename(os.path.normpath(modules_dir))
    order = resolve(modules_dir, names)
    for rel in order:
        dst = os.path.join(stage, "lib/modules", version, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(os.path.join(modules_dir, rel), "rb") as src, open(dst, "wb") as out:
            out.write(src.read())
    os.makedirs(os.path.join(stage, "etc"), exist_ok=True)
    with open(os.path.join(stage, "etc/modules-load"), "w", encoding="utf-8") as f:
        f.write("".join(rel + "\n" for rel in order))
    print(f"modules: {' '.join(os.path.basename(r)[:-3] for r in order)}")


class Newc:
    """The "newc" (SVR4, no CRC) cpio format the kernel unpacks (Documentation/driver-api/early-userspace)."""

    def __init__(self, out, mtime):
        self.out, self.mtime, self.ino = out, mtime, 1

    def entry(self, name, mode, data=b"", rdev=(0, 0), nlink=1):
        name_b = name.encode() + b"\0"
        fields = [self.ino, mode, 0, 0, nlink, self.mtime, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0]
        self.ino += 1
        header = b"070701" + b"".join(b"%08X" % v for v in fields)
        self.out.write(header + name_b)
        self.out.write(b"\0" * (-(len(header) + len(name_b)) % 4))
        self.out.write(data)
        self.out.write(b"\0" * (-len(data) % 4))

    def trailer(self):
        self.entry("TRAILER!!!", 0, nlink=1)


def cmd_cpio(stage, out_path):
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    paths = []
    for root, dirs, files in os.walk(stage):
        dirs.sort()
        for name in sorted(dirs + files):
            paths.append(os.path.join(root, name))
    paths.sort(key=lambda p: os.path.relpath(p, stage))
    raw = open(out_path + ".tmp", "wb")
    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=mtime) as gz:
        w = Newc(gz, mtime)
        have_dev = False
        for p in paths:
            rel = os.path.relpath(p, stage)
            st = os.lstat(p)
            perm = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                w.entry(rel, stat.S_IFLNK | 0o777, os.readlink(p).encode())
            elif stat.S_ISDIR(st.st_mode):
                w.entry(rel, stat.S_IFDIR | perm, nlink=2)
                have_dev = have_dev or rel == "dev"
            elif stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    w.entry(rel, stat.S_IFREG | perm, f.read())
        if not have_dev:
            w.entry("dev", stat.S_IFDIR | 0o755, nlink=2)
        w.entry("dev/console", stat.S_IFCHR | 0o600, rdev=(5, 1))
        w.trailer()
    raw.close()
    os.replace(out_path + ".tmp", out_path)


def main(argv):
    if len(argv) == 5 and argv[1] == "modules":
        cmd_modules(argv[2], argv[3], argv[4])
    elif len(argv) == 4 and argv[1] == "cpio":
        cmd_cpio(argv[2], argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
