#!/usr/bin/python3
"""A paced TCP or MPTCP transfer between the testbed's host and server (issue 11), reporting the longest stall.

serve PORT PROTO OUT   accept one connection, read until it closes, write a JSON result to OUT:
                       bytes, longest gap between two reads (ms), duration, whether it was reset.
send SERVER PORT SOURCE PROTO SECONDS RATE
                       connect from SOURCE, send RATE bytes/s for SECONDS, close; print a JSON result.
PROTO is "mptcp" (IPPROTO_MPTCP, 262) or "tcp". Only addresses the testbed gives are used.
"""
import json
import socket
import sys
import time

IPPROTO_MPTCP = 262


def protocol(name):
    return IPPROTO_MPTCP if name == "mptcp" else socket.IPPROTO_TCP


def serve(port, proto, out):
    listener = socket.socket(socket.AF_INET6, socket.SOCK_STREAM, protocol(proto))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("::", int(port)))
    listener.listen(4)
    print("listening", flush=True)
    conn, peer = listener.accept()
    start = last = time.monotonic()
    total, gap, reset = 0, 0.0, False
    try:
        while True:
            data = conn.recv(65536)
            now = time.monotonic()
            if not data:
                break
            gap = max(gap, now - last)
            last = now
            total += len(data)
    except ConnectionResetError:
        reset = True
    result = {"bytes": total, "max_gap_ms": round(gap * 1000, 1), "seconds": round(last - start, 3),
              "reset": reset, "peer": peer[0]}
    with open(out, "w") as f:
        json.dump(result, f)
    conn.close()


def send(server, port, source, proto, seconds, rate):
    chunk = bytes(8192)
    interval = len(chunk) / float(rate)
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM, protocol(proto))
    sock.settimeout(60)
    sent = 0
    try:
        sock.bind((source, 0))
        sock.connect((server, int(port)))
        deadline = time.monotonic() + float(seconds)
        due = time.monotonic()
        while time.monotonic() < deadline:
            sock.sendall(chunk)
            sent += len(chunk)
            due += interval
            time.sleep(max(0.0, due - time.monotonic()))
        sock.shutdown(socket.SHUT_WR)
        sock.recv(1)  # the server closes once it has read everything
        print(json.dumps({"ok": True, "sent": sent}), flush=True)
        return 0
    except OSError as e:
        print(json.dumps({"ok": False, "sent": sent, "error": str(e)}), flush=True)
        return 1
    finally:
        sock.close()


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(*sys.argv[2:5])
    else:
        sys.exit(send(*sys.argv[2:8]))
