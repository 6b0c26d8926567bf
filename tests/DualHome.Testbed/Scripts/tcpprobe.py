#!/usr/bin/python3
"""TCP reachability for the failover measurements (DualHome.Testbed TcpProber). Standard library only.

  serve --port P
      In the inet namespace: accept TCP on [::]:P and answer each connection with "peer=[addr]\\n",
      then close. One process, no fork per connection (socat's SYSTEM: would fork a shell each time).

  probe --server ADDR --port P [--interval-ms 10] [--timeout-ms 1000] [--bind ADDR]
      In the host namespace: start a NEW connection every interval, each on a fresh non-blocking socket
      with no bind (the kernel's default source address selection, RFC 6724) unless --bind is given.
      Attempts overlap: one stuck on a dead ISP does not delay the next. Prints a JSON line when an
      attempt starts, {"seq": n, "start": ns, "src": "addr"|null, "event": "start"}, and one when it
      finishes, flushed at once:
        {"seq": n, "start": ns, "end": ns, "src": "addr"|null, "ok": bool, "peer": "addr"|null, "err": "..."|null}
      start/end are CLOCK_REALTIME in ns (the clock of tcpdump's timestamps and .NET's UtcNow); end is
      when the handshake completed (ok) or the attempt failed; src is the address the kernel chose
      (getsockname after connect), peer the address the server saw. Runs until SIGTERM.
"""
import argparse
import errno
import json
import selectors
import signal
import socket
import sys
import time


def now_ns():
    return time.clock_gettime_ns(time.CLOCK_REALTIME)


def serve(port):
    srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("::", port))
    srv.listen(512)
    print(f"listening on [::]:{port}", flush=True)
    while True:
        conn, addr = srv.accept()
        try:
            conn.sendall(f"peer=[{addr[0]}]\n".encode())
        except OSError:
            pass
        conn.close()


class Attempt:
    def __init__(self, seq, sock, start, deadline):
        self.seq, self.sock, self.start, self.deadline = seq, sock, start, deadline
        self.src = None
        self.connected = None
        self.buf = b""


class Prober:
    def __init__(self, args):
        self.args = args
        self.sel = selectors.DefaultSelector()
        self.pending = {}
        self.seq = 0

    def report(self, a, ok, end, peer=None, err=None):
        line = {"seq": a.seq, "start": a.start, "end": end, "src": a.src, "ok": ok, "peer": peer, "err": err}
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()

    def finish(self, a, ok, end, peer=None, err=None):
        if a.sock in self.pending:
            del self.pending[a.sock]
            self.sel.unregister(a.sock)
        a.sock.close()
        self.report(a, ok, end, peer, err)

    def start_one(self):
        self.seq += 1
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.setblocking(False)
        a = Attempt(self.seq, s, now_ns(), time.monotonic() + self.args.timeout_ms / 1000)
        try:
            if self.args.bind:
                s.bind((self.args.bind, 0))
            rc = s.connect_ex((self.args.server, self.args.port, 0, 0))
        except OSError as e:
            rc = e.errno
        if rc not in (0, errno.EINPROGRESS):
            s.close()
            self.report(a, False, now_ns(), err=errno.errorcode.get(rc, str(rc)))
            return
        try:
            a.src = s.getsockname()[0]
        except OSError:
            pass
        sys.stdout.write(json.dumps({"seq": a.seq, "start": a.start, "src": a.src, "event": "start"}) + "\n")
        sys.stdout.flush()
        self.pending[s] = a
        self.sel.register(s, selectors.EVENT_WRITE, a)

    def on_ready(self, a, events):
        if a.connected is None:
            rc = a.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if rc != 0:
                self.finish(a, False, now_ns(), err=errno.errorcode.get(rc, str(rc)))
                return
            a.connected = now_ns()
            self.sel.modify(a.sock, selectors.EVENT_READ, a)
            return
        try:
            data = a.sock.recv(256)
        except OSError as e:
            self.finish(a, False, now_ns(), err=errno.errorcode.get(e.errno, str(e)))
            return
        a.buf += data
        if data and b"\n" not in a.buf:
            return
        text = a.buf.decode(errors="replace")
        peer = text[text.find("[") + 1:text.find("]")] if "peer=[" in text else None
        self.finish(a, True, a.connected, peer=peer)

    def expire(self):
        t = time.monotonic()
        for a in [a for a in self.pending.values() if a.deadline <= t]:
            if a.connected is not None:
                self.finish(a, True, a.connected, err="no peer line")
            else:
                self.finish(a, False, now_ns(), err="timeout")

    def run(self):
        interval = self.args.interval_ms / 1000
        next_at = time.monotonic()
        while True:
            t = time.monotonic()
            if t >= next_at:
                self.start_one()
                next_at = max(next_at + interval, t)
            wake = min([next_at] + [a.deadline for a in self.pending.values()])
            for key, events in self.sel.select(max(0.0, wake - time.monotonic())):
                self.on_ready(key.data, events)
            self.expire()


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--port", type=int, required=True)
    c = sub.add_parser("probe")
    c.add_argument("--server", required=True)
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--interval-ms", type=float, default=10)
    c.add_argument("--timeout-ms", type=float, default=1000)
    c.add_argument("--bind")
    args = p.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if args.mode == "serve":
        serve(args.port)
    else:
        Prober(args).run()


if __name__ == "__main__":
    main()
