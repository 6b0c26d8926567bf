#!/usr/bin/env python3
"""Drives `dualhomed console` through a pseudo-terminal, as a person on the serial console would: waits for the
prompt, types each line ending with CR (the Enter key), and records what the console printed until its next prompt.

usage: console.py LINES_JSON PROGRAM [ARGS...]
prints one JSON object: {"transcript": [{"line": ..., "output": ..., "prompted": bool}], "exit": code}
"""
import json
import os
import pty
import select
import sys
import time

PROMPT = b"dualhome> "


def read_until_prompt(fd, timeout):
    buf = b""
    end = time.time() + timeout
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the console exited and the pty closed
            break
        if not chunk:
            break
        buf += chunk
        if buf.rstrip().endswith(PROMPT.rstrip()):
            return buf, True
    return buf, False


def main():
    lines = json.loads(sys.argv[1])
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[2], sys.argv[2:])
    greeting, ok = read_until_prompt(fd, 15)
    transcript = [{"line": None, "output": greeting.decode(errors="replace"), "prompted": ok}]
    for line in lines:
        os.write(fd, line.encode() + b"\r")
        out, ok = read_until_prompt(fd, 20)
        transcript.append({"line": line, "output": out.decode(errors="replace"), "prompted": ok})
    os.write(fd, b"exit\r")
    read_until_prompt(fd, 3)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"transcript": transcript, "exit": code}))


if __name__ == "__main__":
    main()
