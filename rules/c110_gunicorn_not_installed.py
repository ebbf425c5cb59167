"""A container starts Gunicorn, which its image does not hold.

## What it checks
Each container (a Compose service, or an image alone) whose start runs Gunicorn, directly or
through its wrapper script, where the image is built by a Dockerfile of the checked tree and
everything that build installs is read: it starts from a bare image (an operating system or
a language runtime such as `python:3.12-slim`, which ships no Gunicorn), and each command of
each `RUN` is one whose installs are read (`pip install` with its requirements files and the
files those include, `pipenv`, `poetry`, `uv` and `pdm` with the project's Pipfile or
pyproject.toml, `apt-get`/`apk`/`dnf` with the packages they name) or one that installs
nothing. None of them names Gunicorn (`gunicorn`, `gunicorn[gevent]`, a distribution's
`python3-gunicorn`) or a package known to require it (`uvicorn-worker`, and `mlflow`,
`apache-superset` and `apache-airflow`, whose web servers run on it).

A package file (`app-1.0.whl`) or a URL the build installs, whose own dependencies the files
do not show, a script, `curl ... | sh`, a `COPY --from` another stage or image, an image the
files do not build, a base image that is not bare, or a start through `uv run` or `uvx`
(which install what the project names as they start): the image may hold Gunicorn, and
nothing is reported. It is assumed that no other package the build installs
depends on Gunicorn.

What else is found in the files only that container reads (its Gunicorn config, its
Dockerfile, its lines of the Compose file) describes a server that never starts: those
findings are infos that name this one.

## What breaks in production
The container's start does not find the program: Docker refuses an exec-form command
(`exec: "gunicorn": executable file not found in $PATH`), and a shell answers
`gunicorn: not found` and exits 127. The container never starts (with a restart policy it
fails again and again), and nothing serves the app: nginx in front of it answers 502 where it
reaches a socket or an address, and where it names the service, a name Docker's DNS gives no
stopped container, it fails to start (`host not found in upstream`). This is how a project
whose requirements moved to another server (uvicorn, daphne) but whose Dockerfile kept the
`gunicorn` command fails.

## How to fix
Add `gunicorn` to what the image installs (its requirements file, its pyproject.toml, or
`pip install gunicorn` in the Dockerfile), or start the server the image does hold.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "C110"
SLUG = "gunicorn-not-installed"
SEVERITY = "error"
SUMMARY = "A container starts Gunicorn, which its image (built by the tree's Dockerfile) does not hold."

BAD = {
    "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n"
                  "RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n"
                  'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
    "requirements.txt": "flask==3.0.3\nuvicorn==0.30.1\n",
    "app.py": "from flask import Flask\napp = Flask(__name__)\n",
}
GOOD = {**BAD, "requirements.txt": "flask==3.0.3\ngunicorn==23.0.0\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for manager in deployment.managers:
        missing = manager.program_missing
        if missing is None or missing.value != "gunicorn" or manager.argv is None:
            continue
        start = manager.wrapper or manager.argv.at or manager.at
        related = (Related(missing.at, "the image's build starts here"),) if missing.at is not None else ()
        yield Hit(start, f"{manager.kind} [{manager.name}] starts Gunicorn, which its image does not hold: "
                  f"{missing.note}; the start fails (`exec: \"gunicorn\": executable file not found in $PATH`, or "
                  "`gunicorn: not found` from a shell) and the container never starts: nothing serves the app, "
                  "and nginx in front of it answers 502 (or, naming the service, cannot resolve it and does not "
                  "start); add `gunicorn` to what the image installs (its requirements, or `pip install gunicorn` "
                  "in the Dockerfile)", related)
