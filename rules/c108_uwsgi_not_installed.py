"""A container starts uWSGI, which its image does not hold.

## What it checks
Each container (a Compose service, or an image alone) whose start runs uWSGI, directly or
through its wrapper script, where the image is built by a Dockerfile of the checked tree and
everything that build installs is read: it starts from a bare image (an operating system or
a language runtime such as `python:3.12-slim`, which ships no uWSGI), and each command of
each `RUN` is one whose installs are read (`pip install` with its requirements files and the
files those include, `pipenv`, `poetry`, `uv` and `pdm` with the project's Pipfile or
pyproject.toml, `apt-get`/`apk`/`dnf` with the packages they name) or one that installs
nothing (`mkdir`, `apt-get update`, `python manage.py collectstatic`). None of them names
uWSGI (`uwsgi`, `pyuwsgi`, a distribution's `uwsgi-*` package).

A script, `curl ... | sh`, `make`, a `pip install .` of a project whose dependencies its
pyproject.toml does not write out, a `COPY --from` another stage or image, an image the
files do not build (`image:` alone) or a base image that is not bare: the image may hold
uWSGI, and nothing is reported. It is assumed that no package the build installs depends on
uWSGI itself (none of the common ones does).

What else is found in the files only that container reads (its uWSGI ini, its Dockerfile,
its lines of the Compose file) describes a server that never starts: those findings are
infos that name this one.

## What breaks in production
The container's start does not find the program: Docker refuses an exec-form command
(`exec: "uwsgi": executable file not found in $PATH`), and a shell answers `uwsgi: not found`
and exits 127. The container never starts (with a restart policy it fails again and again),
and nothing serves the app: nginx in front of it answers 502 where it reaches a socket or an
address, and where it names the service, a name Docker's DNS gives no stopped container, it
fails to start (`host not found in upstream`). This is how a switch from uWSGI to Gunicorn that
dropped `uwsgi` from requirements.txt but kept the Compose `command:` fails.

## How to fix
Add `uwsgi` to what the image installs (its requirements file, or `pip install uwsgi` in the
Dockerfile; building it needs a compiler, or use `pyuwsgi`'s wheels), or start the server the
image does hold.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "C108"
SLUG = "uwsgi-not-installed"
SEVERITY = "error"
SUMMARY = "A container starts uWSGI, which its image (built by the tree's Dockerfile) does not hold."

BAD = {
    "docker-compose.yml": "services:\n  web:\n    build: .\n    command: uwsgi --ini uwsgi.ini\n",
    "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n"
                  "RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n",
    "requirements.txt": "flask==3.0.3\ngunicorn==23.0.0\n",
    "uwsgi.ini": "[uwsgi]\nhttp-socket = :8000\nmodule = app:app\nmaster = true\nneed-app = true\n"
                 "die-on-term = true\n",
}
GOOD = {**BAD, "requirements.txt": "flask==3.0.3\nuwsgi==2.0.28\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for manager in deployment.managers:
        missing = manager.program_missing
        if missing is None or missing.value != "uwsgi" or manager.argv is None:
            continue
        start = manager.wrapper or manager.argv.at or manager.at
        related = (Related(missing.at, "the image's build starts here"),) if missing.at is not None else ()
        yield Hit(start, f"{manager.kind} [{manager.name}] starts uWSGI, which its image does not hold: "
                  f"{missing.note}; the start fails (`exec: \"uwsgi\": executable file not found in $PATH`, or "
                  "`uwsgi: not found` from a shell) and the container never starts: nothing serves the app, and "
                  "nginx in front of it answers 502 (or, naming the service, cannot resolve it and does not "
                  "start); add `uwsgi` to what the image installs (its requirements, or `pip install uwsgi` in the "
                  "Dockerfile)", related)
