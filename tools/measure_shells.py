"""Measure which shells replace themselves with the server of ``sh -c`` and what a
``docker stop`` (SIGTERM to PID 1) then does; prints the table of docs/fidelity.md.

    sudo python tools/measure_shells.py     # needs unshare (util-linux), busybox, dash, bash

Each case runs as PID 1 of a new PID namespace (``unshare --pid --fork --mount-proc``), as
in a container; the process tree is read from /proc after 0.5 s; SIGTERM is sent to PID 1
only (as ``docker stop``), or to its process group, or, outside a namespace, to the shell
(as Supervisor). The server stand-in is a Python program that exits on SIGTERM and says
so in a log. Every process started is SIGKILLed by id at the end of its case.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHELLS = {"busybox ash": ["busybox", "sh"], "dash": ["dash"], "bash": ["bash"]}
SERVER_TEXT = """#!{python}
import signal, sys, time
def term(*_):
    open({log!r}, "a").write("got SIGTERM\\n")
    sys.exit(0)
signal.signal(signal.SIGTERM, term)
time.sleep(300)
"""


def cases(server: str, script: str) -> dict[str, list[str]]:
    return {"sh -c 'server'": ["-c", server],
            "sh -c 'a; server'": ["-c", f"/bin/true; {server}"],
            "sh -c 'a && server'": ["-c", f"/bin/true && {server}"],
            "sh -c 'server & wait'": ["-c", f"{server} & wait"],
            "sh -c 'trap \"exit 0\" TERM; server'": ["-c", f"trap 'exit 0' TERM; {server}"],
            "sh -c 'server; b'": ["-c", f"{server}; /bin/true"],
            "sh script (server on the last line)": [script]}


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(comm, ppid, pgid) of a live process, None for a gone or zombie one."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return None if fields[0] == "Z" else (text[text.index("(") + 1:text.rindex(")")], int(fields[1]), int(fields[3]))


def _tree(top: int) -> list[tuple[int, str]]:
    """``top`` and its descendants, breadth first, as (pid, comm)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) is not None:
            parents.setdefault(stat[1], []).append(int(entry))
    rows, todo = [], [top]
    while todo:
        pid = todo.pop(0)
        stat = _stat(pid)
        if stat is not None:
            rows.append((pid, stat[0]))
            todo.extend(parents.get(pid, []))
    return rows


def run(argv: list[str], pid1: bool, to_group: bool, log: Path) -> tuple[str, str]:
    log.write_text("")
    command = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child", *argv] if pid1 else argv
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    top = process.pid
    if pid1:
        top = next(pid for pid, _ in _tree(process.pid) if pid != process.pid)
    before = _tree(top)
    chain = " > ".join(comm for _, comm in before)
    stat = _stat(top)
    if stat is not None:
        if to_group:
            os.killpg(stat[2], signal.SIGTERM)
        else:
            os.kill(top, signal.SIGTERM)
    time.sleep(1.0)
    shell_alive = _stat(top) is not None and before[0][1] != "server"
    server_alive = any(comm == "server" and _stat(pid) is not None for pid, comm in before)
    got = bool(log.read_text())
    for pid in [pid for pid, _ in before] + [process.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait()
    if got:
        outcome = "server gets SIGTERM and exits"
    elif shell_alive and server_alive:
        outcome = "shell keeps (or defers) it; server runs on"
    elif server_alive:
        outcome = "shell dies; server orphaned, runs on"
    else:
        outcome = "server killed without its handler"
    return chain, outcome


def main() -> None:
    missing = [name for name in ("unshare", "busybox", "dash", "bash") if shutil.which(name) is None]
    if missing:
        sys.exit(f"missing: {', '.join(missing)}")
    with tempfile.TemporaryDirectory() as folder:
        log, server, script = Path(folder, "log"), Path(folder, "server"), Path(folder, "script.sh")
        server.write_text(SERVER_TEXT.format(python=sys.executable, log=str(log)))
        server.chmod(0o755)
        script.write_text(f"/bin/true\n{server}\n")
        print("| shell | case | tree | SIGTERM to PID 1 (docker stop) | to its group | not PID 1, to the shell |")
        print("|---|---|---|---|---|---|")
        for label, shell in SHELLS.items():
            for case, args in cases(str(server), str(script)).items():
                chain, as_docker = run([*shell, *args], True, False, log)
                _, as_group = run([*shell, *args], True, True, log)
                _, as_supervisor = run([*shell, *args], False, False, log)
                print(f"| {label} | `{case}` | {chain} | {as_docker} | {as_group} | {as_supervisor} |", flush=True)


if __name__ == "__main__":
    main()
