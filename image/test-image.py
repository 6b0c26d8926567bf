#!/usr/bin/env python3
"""Boots the emulated DualHome image and drives it over its serial console (./build.sh image-test).

    image/test-image.py [--image DIR] [--rows FILE] [--log FILE] [--network none|netns]

qemu-system-aarch64 -M virt -cpu cortex-a72 runs artifacts/image/qemu_aarch64_virt (Image.gz + initramfs)
with three virtio NICs (eth0 LAN, eth1 ISP A, eth2 ISP B) and the serial console on a Unix socket this
script reads and writes. Checks, one row each ("image: <name>"):

  boots to console CLI     the `dualhome> ` prompt on the serial line
  show status: a and b     `show status` typed into the CLI answers with both uplinks
  restart after kill -9    from a shell (dualhome.shell=1): kill -9 dualhomed; the supervisor starts a new
                           one, logs the kill, and `dualhomed ctl show status` answers again
  powers off cleanly       `poweroff`: init stops dualhomed, the kernel powers the machine off, qemu exits 0

With --network netns (root) the NICs are attached to network namespaces instead of empty hubs (see
image/netns_site.py) and more checks run through the emulated router. Prints the boot-to-ready time and
the image size. --rows FILE writes "name<TAB>PASS|FAIL|SKIP<TAB>seconds<TAB>note" lines for build.sh.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_IMAGE = os.path.join(ROOT, "artifacts", "image", "qemu_aarch64_virt")
PROMPT = "dualhome> "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# MACs of the three NICs (locally administered): the emulated router's link-local addresses follow from them.
MACS = ["52:54:00:d4:00:10", "52:54:00:d4:00:1a", "52:54:00:d4:00:1b"]


class Serial:
    """The guest's serial console: a reader thread collects everything; expect() waits for a pattern."""

    def __init__(self, path, timeout):
        deadline = time.monotonic() + timeout
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        while True:
            try:
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.buf = ""
        self.pos = 0
        self.lock = threading.Condition()
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                data = self.sock.recv(4096)
            except OSError:
                data = b""
            with self.lock:
                if not data:
                    self.closed = True
                else:
                    self.buf += ANSI.sub("", data.decode("utf-8", "replace")).replace("\r", "")
                self.lock.notify_all()
            if not data:
                return

    def send(self, text):
        self.sock.sendall(text.encode())

    def expect(self, pattern, timeout):
        """Waits for `pattern` (a regex) after the last match; returns the match, or None at the timeout."""
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                m = rx.search(self.buf, self.pos)
                if m:
                    self.pos = m.end()
                    return m
                left = deadline - time.monotonic()
                if left <= 0 or self.closed:
                    return None
                self.lock.wait(min(left, 0.2))

    def since(self, start):
        with self.lock:
            return self.buf[start:]

    def mark(self):
        with self.lock:
            return len(self.buf)


class Shell:
    """Commands in the guest's root shell: each ends with an echoed marker and its exit status."""

    def __init__(self, serial):
        self.serial, self.n = serial, 0

    def run(self, command, timeout=20):
        self.n += 1
        tag = f"__DH{self.n}__"
        start = self.serial.mark()
        # The typed line echoes `__D""H1__`; only the output reads `__DH1__`.
        self.serial.send(f'{command}; echo "__D""H{self.n}__ $?"\r')
        m = self.serial.expect(rf"^{tag} (\d+)$", timeout)
        if not m:
            return None, self.serial.since(start)
        out = self.serial.since(start)
        body = out[:out.rfind(tag)]
        # Drop the echoes of the typed line (the tty's, and the shell's own once it reads the line).
        lines = [l for l in body.split("\n") if f'"__D""H{self.n}__' not in l]
        return int(m.group(1)), "\n".join(lines).strip()


def status_has_uplinks(text):
    """`show status` lists one line per uplink: the name first, then its state."""
    return bool(re.search(r"^a\s+[a-z]+\s+(preferred|deprecated)", text, re.M)) and \
        bool(re.search(r"^b\s+[a-z]+\s+(preferred|deprecated)", text, re.M))


class Run:
    def __init__(self, args):
        self.args = args
        self.rows = []
        self.tmp = tempfile.mkdtemp(prefix="dualhome-image-")
        self.qemu = None
        self.serial = None
        self.site = None
        self.metrics = {}

    # ------------------------------------------------------------ results
    def row(self, name, status, seconds, note=""):
        self.rows.append((f"image: {name}", status, seconds, note))
        print(f"  {status}  {name} ({seconds:.1f} s){': ' + note if note else ''}", flush=True)

    def skip_rest(self, names, why):
        for n in names:
            self.row(n, "SKIP", 0.0, why)

    # ------------------------------------------------------------ qemu
    def qemu_command(self, console):
        img = self.args.image
        cmd = ["qemu-system-aarch64", "-M", "virt", "-cpu", "cortex-a72", "-smp", "2", "-m", "512",
               "-kernel", os.path.join(img, "Image.gz"), "-initrd", os.path.join(img, "initramfs.cpio.gz"),
               "-append", "console=ttyAMA0 quiet panic=-1 dualhome.shell=1",
               "-display", "none", "-monitor", "none", "-no-reboot",
               "-chardev", f"socket,id=con0,path={console},server=on,wait=on", "-serial", "chardev:con0"]
        for i, name in enumerate(("lan", "wana", "wanb")):
            if self.site:
                cmd += ["-netdev", f"tap,id={name},ifname={self.site.taps[i]},script=no,downscript=no"]
            else:
                cmd += ["-netdev", f"hubport,id={name},hubid={i}"]
            cmd += ["-device", f"virtio-net-pci,netdev={name},mac={MACS[i]},romfile="]
        if self.site:
            cmd = ["ip", "netns", "exec", self.site.qemu_ns] + cmd
        return cmd

    def start(self):
        console = os.path.join(self.tmp, "console.sock")
        log = open(os.path.join(self.tmp, "qemu.log"), "w")
        self.t0 = time.monotonic()
        self.qemu = subprocess.Popen(self.qemu_command(console), stdin=subprocess.DEVNULL, stdout=log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.serial = Serial(console, 30)

    def stop(self):
        if self.qemu and self.qemu.poll() is None:
            self.qemu.terminate()
            try:
                self.qemu.wait(10)
            except subprocess.TimeoutExpired:
                self.qemu.kill()
                self.qemu.wait()

    # ------------------------------------------------------------ checks
    def check_boot(self):
        t = time.monotonic()
        m = self.serial.expect(re.escape(PROMPT), 60)
        if not m:
            self.row("boots to console CLI", "FAIL", time.monotonic() - t, "no prompt in 60 s")
            return False
        self.metrics["prompt"] = time.monotonic() - self.t0
        self.row("boots to console CLI", "PASS", time.monotonic() - t,
                 f"prompt {self.metrics['prompt']:.1f} s after qemu started")
        return True

    def check_status(self):
        t = time.monotonic()
        deadline = t + 30
        text = ""
        while time.monotonic() < deadline:
            start = self.serial.mark()
            self.serial.send("show status\r")
            self.serial.expect(r"show status\n", 5)
            if self.serial.expect(re.escape(PROMPT), 10):
                text = self.serial.since(start)
                if status_has_uplinks(text):
                    self.metrics["status"] = time.monotonic() - self.t0
                    print("\n".join("      | " + l for l in text.split("\n")[1:-1] if l.strip()))
                    states = re.findall(r"^([ab])\s+([a-z]+)\s+([a-z]+)", text, re.M)
                    self.row("show status: a and b", "PASS", time.monotonic() - t,
                             ", ".join(f"{n} {st}/{adv}" for n, st, adv in states))
                    return True
            time.sleep(1)
        self.row("show status: a and b", "FAIL", time.monotonic() - t,
                 f"last answer: {text.strip()[-200:]!r}")
        return False

    def enter_shell(self):
        self.serial.send("exit\r")
        if not self.serial.expect(r"leaving the console CLI for a root shell", 15):
            return None
        shell = Shell(self.serial)
        rc, _ = shell.run("true", 15)
        return shell if rc == 0 else None

    def read_ready(self, shell):
        rc, out = shell.run("cat /run/dualhome/ready")
        parts = out.split() if rc == 0 else []
        return (float(parts[0]), float(parts[1]), int(parts[2])) if len(parts) == 3 else None

    def check_restart(self, shell):
        t = time.monotonic()
        name = "restart after kill -9"
        first = self.read_ready(shell)
        if not first:
            self.row(name, "FAIL", time.monotonic() - t, "no /run/dualhome/ready")
            return
        self.metrics["started"], self.metrics["ready"], old = first
        shell.run(f"kill -9 {old}")
        killed = time.monotonic()
        new = None
        while time.monotonic() - killed < 20:
            r = self.read_ready(shell)
            if r and r[2] != old:
                new = r
                break
            time.sleep(0.5)
        if not new:
            self.row(name, "FAIL", time.monotonic() - t, f"no new dualhomed within 20 s of killing pid {old}")
            return
        back = time.monotonic() - killed
        rc, log = shell.run("dmesg | grep dualhome-supervise | tail -n 3")
        logged = f"(pid {old}) killed by signal 9" in log
        rc, status = shell.run("dualhomed ctl show status", 30)
        ok = logged and rc == 0 and status_has_uplinks(status)
        note = f"pid {old} -> {new[2]}, answering again {back:.1f} s after the kill"
        if not logged:
            note += "; the supervisor did not log the kill"
        if not (rc == 0 and status_has_uplinks(status)):
            note += f"; ctl show status: exit {rc}"
        print("      | " + "\n      | ".join(l for l in log.split("\n") if l.strip()))
        self.row(name, "PASS" if ok else "FAIL", time.monotonic() - t, note)

    def check_poweroff(self, shell):
        t = time.monotonic()
        start = self.serial.mark()
        self.serial.send("poweroff\r")
        try:
            rc = self.qemu.wait(45)
        except subprocess.TimeoutExpired:
            self.row("powers off cleanly", "FAIL", time.monotonic() - t, "qemu still running 45 s after poweroff")
            return
        out = self.serial.since(start)
        stopped = "Stopping dualhomed: OK" in out
        ok = rc == 0 and stopped
        self.row("powers off cleanly", "PASS" if ok else "FAIL", time.monotonic() - t,
                 f"qemu exit {rc}" + ("" if stopped else "; init did not stop dualhomed"))

    # ------------------------------------------------------------ the whole run
    def execute(self):
        names = ["boots to console CLI", "show status: a and b",
                 "restart after kill -9", "powers off cleanly"]
        netns_names = []
        if self.args.network == "netns":
            from netns_site import Site, CHECKS  # root only: namespaces, taps, bridges
            netns_names = CHECKS
            site = Site(MACS)
            try:
                site.create()
                self.site = site
            except (RuntimeError, OSError) as e:
                site.destroy()
                print(f"  note: no namespace site ({e}); the NICs stay on empty hubs", flush=True)
                self.skip_rest(netns_names, f"network namespaces could not be set up: {e}")
        try:
            self.start()
            site_names = netns_names if self.site else []
            if not self.check_boot():
                return self.skip_rest(names[1:3] + site_names + names[3:], "did not boot")
            self.check_status()
            shell = self.enter_shell()
            if not shell:
                return self.skip_rest(names[2:3] + site_names + names[3:], "no root shell after exit")
            self.check_restart(shell)
            if self.site:
                for name, status, seconds, note in self.site.checks(shell):
                    self.row(name, status, seconds, note)
            self.check_poweroff(shell)
        finally:
            self.stop()
            if self.serial and self.args.log:
                with open(self.args.log, "w") as f:
                    f.write(self.serial.since(0))
            if self.site:
                self.site.destroy()
            shutil.rmtree(self.tmp, ignore_errors=True)

    def report(self):
        """Prints the boot-to-ready time and the image size, and adds them to the first row's note."""
        img = self.args.image
        k = os.path.getsize(os.path.join(img, "Image.gz"))
        i = os.path.getsize(os.path.join(img, "initramfs.cpio.gz"))
        summary = [f"image {(k + i) / 1048576:.1f} MiB"]
        if "ready" in self.metrics:
            print(f"  boot to ready: dualhomed started {self.metrics['started']:.2f} s after the kernel, its control "
                  f"socket up at {self.metrics['ready']:.2f} s (guest uptime); console prompt "
                  f"{self.metrics['prompt']:.1f} s, first `show status` answer {self.metrics.get('status', 0):.1f} s "
                  f"after qemu started (TCG emulation)")
            summary.insert(0, f"dualhomed ready {self.metrics['ready']:.1f} s after the kernel")
        print(f"  image size: kernel (Image.gz) {k} bytes + initramfs {i} bytes = {k + i} bytes "
              f"({(k + i) / 1048576:.1f} MiB)")
        if self.rows:
            name, status, seconds, note = self.rows[0]
            self.rows[0] = (name, status, seconds, "; ".join([note] + summary) if note else "; ".join(summary))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--image", default=DEFAULT_IMAGE)
    ap.add_argument("--rows")
    ap.add_argument("--log", help="save the whole serial console output here")
    ap.add_argument("--network", choices=("none", "netns"), default="none")
    args = ap.parse_args()
    for f in ("Image.gz", "initramfs.cpio.gz"):
        if not os.path.isfile(os.path.join(args.image, f)):
            sys.exit(f"test-image: {args.image}/{f} is missing: run ./build.sh image")
    if not shutil.which("qemu-system-aarch64"):
        sys.exit("test-image: qemu-system-aarch64 is not installed (Debian package qemu-system-arm)")
    sys.path.insert(0, HERE)
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    print(f"image test: {os.path.relpath(args.image, ROOT)} in qemu-system-aarch64 -M virt -cpu cortex-a72"
          f" (network: {args.network})", flush=True)
    run = Run(args)
    # `timeout` (build.sh) sends SIGTERM: unwind, so qemu is stopped and the namespaces are removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("test-image: terminated"))
    t0 = time.monotonic()
    try:
        run.execute()
        run.report()
    finally:
        if args.rows:
            with open(args.rows, "w") as f:
                for name, status, seconds, note in run.rows:
                    f.write(f"{name}\t{status}\t{seconds:.1f}\t{note}\n")
    print(f"  total {time.monotonic() - t0:.1f} s")
    return 0 if run.rows and all(s != "FAIL" for _, s, _, _ in run.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
