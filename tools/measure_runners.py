"""Measure what command runners and user switchers do to the server they start; prints the
table of docs/design.md ("Runners and user switchers").

    python tools/measure_runners.py [BIN_DIR]   # as root; BIN_DIR holds uv, poetry, pipenv, pdm, hatch

For each tool found, a stand-in server (a Python program that notes its pid, its parent, its
uid, and each SIGTERM, SIGINT or SIGQUIT it gets) is started through the tool, once per signal,
in a session of its own. Whether the tool execs the server is read from the pids (the one the
tool was started as, the one the server notes); the signal is sent to the tool's pid only, as
Supervisor, systemd (KillMode=process) and ``docker stop`` (PID 1) send it. Every process
started is SIGKILLed by id at the end of its case. A tool that is not installed is skipped.
"""
from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SIGNALS = ("SIGTERM", "SIGINT", "SIGQUIT")
GRACE = 3.0   # seconds the stand-in takes to stop once signalled
SERVER_TEXT = """
import os, signal, sys, time
GRACE = float(sys.argv[2])
log = sys.argv[1]
def note(text):
    with open(log, "a") as out:
        out.write(text + "\\n")
def got(number, frame):
    note("got " + signal.Signals(number).name)
    time.sleep(GRACE)   # a graceful stop: requests in flight finish
    note("done")
    sys.exit(0)
for name in ("SIGTERM", "SIGINT", "SIGQUIT"):
    signal.signal(getattr(signal, name), got)
note(f"pid {os.getpid()} {os.getppid()} {os.getuid()}")
time.sleep(120)
"""
PYPROJECT = """[project]
name = "stand-in"
version = "0"
requires-python = ">=3.8"
dependencies = []

[tool.poetry]
package-mode = false

[tool.hatch.envs.default]
skip-install = true
type = "virtual"
"""


@dataclass(frozen=True)
class Outcome:
    execs: bool              # the server has the tool's pid
    forwarded: bool          # the server got the signal sent to the tool's pid
    waits: bool              # the tool was still there 1 s later, while the server stopped
    cut: bool                # the server was killed before its graceful stop ended
    user: int                # the uid the server runs as


def cases(bins: Path, python: str) -> dict[str, list[str]]:
    """The tools to measure: name -> the argv before the server's own."""
    def tool(name: str) -> str | None:
        found = bins / name
        return str(found) if found.exists() else shutil.which(name)

    found: dict[str, list[str]] = {}
    prefixes = {
        "uv run": ["uv", "run", "--no-project", "--python", python],
        # uv's tool runner takes a package's command, not a path: `python` is the one it
        # runs without an index (its interpreter), so the prefix ends with the command.
        "uvx": ["uvx", "--python", python, "python"],
        "uv tool run": ["uv", "tool", "run", "--python", python, "python"],
        "poetry run": ["poetry", "run"],
        "pipenv run": ["pipenv", "run"],
        "pdm run": ["pdm", "run"],
        "hatch run": ["hatch", "run"],
        "gosu": ["gosu", "nobody"],
        "su-exec": ["su-exec", "nobody"],
        "setpriv": ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"],
        "chpst -u": ["chpst", "-u", "nobody"],
        "runuser -u": ["runuser", "-u", "nobody", "--"],
        # su's form: the user's shell runs one text. nobody's login shell is nologin, so the
        # shell is named: bash execs the text's one command (Debian's dash does not: the
        # server is then the shell's child and hears of no stop, docs/design.md).
        "su -c": ["su", "nobody", "-s", "/bin/bash", "-c"],
        "runuser -c": ["runuser", "nobody", "-s", "/bin/bash", "-c"],
        "sudo -u": ["sudo", "-u", "nobody"],
        "s6-setuidgid": ["s6-setuidgid", "nobody"],
        # Inits put in front of a container's command (`ENTRYPOINT ["tini", "--"]`, Compose's
        # `init: true` runs Docker's copy of tini as `docker-init --`).
        "tini": ["tini", "--"],
        "dumb-init": ["dumb-init"],
    }
    for name, prefix in prefixes.items():
        binary = tool(prefix[0])
        if binary is not None:
            found[name] = [binary, *prefix[1:]]
    if (bins / "python").exists() and "uv run" in found:
        found["python -m uv run"] = [str(bins / "python"), "-m", "uv", *prefixes["uv run"][1:]]
    return found


def version(argv: list[str]) -> str:
    """The tool's version as it prints it (first line), "" when it prints none."""
    for flag in ("--version", "-V"):
        try:
            done = subprocess.run([argv[0], flag], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        text = (done.stdout or done.stderr).strip().splitlines()
        if done.returncode == 0 and text:
            return text[0]
    return ""


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].split()[0] != "Z"


def measure(prefix: list[str], python: str, sent: str, folder: Path, timeout: float = 90.0) -> Outcome | None:
    """Start the stand-in through ``prefix``, send ``sent`` to the tool's pid; None when the
    stand-in never started (the tool failed here)."""
    log = folder / f"log-{sent}-{time.monotonic_ns()}"
    log.touch(mode=0o666)
    log.chmod(0o666)   # a switched user writes it
    env = {**os.environ, "UV_OFFLINE": "1", "PIP_NO_INDEX": "1", "PIPENV_YES": "1", "PIPENV_VENV_IN_PROJECT": "1",
           "POETRY_VIRTUALENVS_IN_PROJECT": "true", "PDM_CHECK_UPDATE": "false", "PYTHONDONTWRITEBYTECODE": "1"}
    arguments = [str(folder / "server.py"), str(log), str(GRACE)]
    command = [*prefix, *arguments] if prefix[-1] == "python" else [*prefix, python, *arguments]
    if prefix[-1] == "-c":
        command = [*prefix, shlex.join([python, *arguments])]
    process = subprocess.Popen(command, cwd=folder, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    server = 0
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and process.poll() is None:
            first = log.read_text().split("\n", 1)[0]
            if first.startswith("pid ") and int(first.split()[1]) != os.getpid():
                server, _, user = (int(word) for word in first.split()[1:4])
                break
            time.sleep(0.1)
        if not server:
            return None
        time.sleep(0.5)   # let a tool that stays install its handlers after starting the child
        os.kill(process.pid, getattr(signal, sent))
        sent_at = time.monotonic()
        waits = True
        while time.monotonic() < sent_at + GRACE + 2 and "done" not in log.read_text() and _alive(server):
            if time.monotonic() > sent_at + 1 and waits:
                waits = _alive(process.pid)
            time.sleep(0.05)
        text = log.read_text()
        got = f"got {sent}" in text
        return Outcome(server == process.pid, got, waits, got and "done" not in text and not _alive(server), user)
    finally:
        # The stand-in is killed only while it is in the session the tool was started in: ours.
        for pid in (server if server and _alive(server) and os.getsid(server) == process.pid else 0, process.pid):
            if pid and _alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)


def _cell(outcome: Outcome) -> str:
    if not outcome.forwarded:
        return "not forwarded"
    return "forwarded" + ("; the server is killed before it has stopped" if outcome.cut else "") + (
        "" if outcome.waits or outcome.execs else "; the tool exits at once")


def prepare(folder: Path) -> None:
    folder.chmod(0o755)   # the switched user reads the stand-in
    (folder / "server.py").write_text(SERVER_TEXT)
    (folder / "pyproject.toml").write_text(PYPROJECT)
    (folder / "Pipfile").write_text("[packages]\n\n[requires]\n")


def main() -> int:
    bins = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(sys.executable).parent
    # A real interpreter, not a version manager's shim script (which a switched user may not read).
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else os.path.realpath(sys.executable)
    print("| tool | version | server's pid | SIGTERM | SIGINT | SIGQUIT | server's uid |")
    print("|---|---|---|---|---|---|---|")
    for name, prefix in cases(bins, python).items():
        with tempfile.TemporaryDirectory() as directory:
            folder = Path(directory)
            prepare(folder)
            outcomes = {sent: measure(prefix, python, sent, folder) for sent in SIGNALS}
        if any(outcome is None for outcome in outcomes.values()):
            print(f"| {name} | {version(prefix)} | did not start the stand-in here | | | | |")
            continue
        first = next(iter(outcomes.values()))
        assert first is not None
        cells = [_cell(outcome) for outcome in outcomes.values() if outcome is not None]
        print(f"| {name} | {version(prefix)} | {'its own (exec)' if first.execs else 'a child'} | "
              f"{' | '.join(cells)} | {first.user} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
