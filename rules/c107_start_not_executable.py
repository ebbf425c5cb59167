"""A container's start executes a file of the tree that has no execute bit.

## What it checks
Each container whose command (or entrypoint) names a file by its path (`./start.sh`,
`/app/entrypoint.sh`) that comes from the checked tree, where that file has no execute bit
and nothing gives it one in the container:
- a bind mount (`volumes: [".:/app"]`) puts the host's file there as it is: a `RUN chmod +x`
  in the image does not apply, since the mount hides the image's copy;
- a build copies it (`COPY . /app`), which keeps the file's mode, and no `RUN chmod` with an
  execute bit covers it nor `COPY --chmod` gives it one.

A command that hands the file to a shell (`sh ./start.sh`) needs no execute bit and is left
alone, as is a bare name looked up in `PATH`. A chmod the files cannot read (a glob, a
variable, `find -exec chmod`) is taken to make it executable.

Git records one execute bit per file and a checkout sets it; a copy or an archive of a
repository may drop every mode. Where no file of the checked tree has an execute bit, two
things may explain it: in a git checkout (a `.git` folder in the tree) the repository was
likely committed from Windows, where Docker Desktop shows bind-mounted and build-context
files as executable and the start works, so the finding is a warning saying it fails where
Docker runs on Linux; without a `.git` folder the modes may have been lost on the way, and
it is an info naming that assumption. On a host, or where some file has an execute bit,
it is an error.

Where it is an error, what else is found in the files only that container reads (its
script, its Dockerfile, the configs its server loads), and on its own lines of a Compose file
other services share, describes a container that never starts: those findings are infos that
name this one.

## What breaks in production
The engine's `exec` of the file fails with EACCES: `docker compose up` reports `exec:
"./start.sh": permission denied` and the container never starts (with a restart policy it
fails again and again); nginx in front answers 502. Scripts written on Windows, or added
with a tool that does not record modes, are committed as `100644` and fail this way.

## How to fix
Give the file its execute bit in the repository (`chmod +x start.sh` and commit;
`git update-index --chmod=+x start.sh` on Windows), or run it through its shell
(`command: sh ./start.sh`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "C107"
SLUG = "start-not-executable"
SEVERITY = "error"
SUMMARY = "A container's start executes a file of the tree without an execute bit: it never starts."

BAD = {
    "docker-compose.yml": "services:\n  web:\n    build: .\n    command: ./start.sh\n    volumes:\n"
                          "      - .:/app\n",
    "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install gunicorn flask\nCOPY . /app\n"
                  "RUN chmod +x /app/start.sh\n",
    "start.sh": "#!/bin/sh\nexec gunicorn --bind 0.0.0.0:8000 app:app\n",
}
GOOD = {**BAD, "docker-compose.yml": BAD["docker-compose.yml"].replace("command: ./start.sh", "command: sh ./start.sh")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for manager in deployment.managers:
        start = manager.start_not_executable
        if start is None or start.at is None:
            continue
        caveat = deployment.modes_unshown or deployment.modes_all_plain
        yield Hit(start.at, f"{manager.kind} [{manager.name}] executes {start.value}, which has no execute bit: "
                  f"{start.note}; exec fails with `permission denied` and the container never starts; give it "
                  "the bit in the repository (`chmod +x`, `git update-index --chmod=+x`) or start it through its "
                  "shell (`sh` and the script)"
                  + (f"; {caveat}" if caveat else ""),
                  severity="info" if deployment.modes_unshown else "warning" if caveat else None)
