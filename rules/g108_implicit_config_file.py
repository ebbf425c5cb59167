"""Gunicorn silently loads `./gunicorn.conf.py` from the directory it starts in.

## What it checks
A Gunicorn command line (Supervisor program, systemd unit) without `-c`, whose start
directory (`directory=`, `WorkingDirectory=`) holds a `gunicorn.conf.py` in the checked
files.

## What breaks in production
Gunicorn reads `./gunicorn.conf.py` from the directory it is started in, even when
`--chdir` points elsewhere. Measured with Gunicorn 27.0.1: started from a folder with
a `gunicorn.conf.py` holding `backlog = 5000`, a plain `gunicorn -b ... app:app`
listened with that backlog; from another folder, with the default. The settings
change when the manager's start directory changes, and nothing in the command shows
they exist.

## How to fix
Name the file: `gunicorn -c /srv/app/gunicorn.conf.py app.wsgi`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.gunicorn_config import IMPLICIT_CONFIG_RAW

CODE = "G108"
SLUG = "implicit-config-file"
SEVERITY = "info"
SUMMARY = "Gunicorn loads ./gunicorn.conf.py from its start directory without -c."

BAD = {
    "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/app/venv/bin/gunicorn app.wsgi\n"
                                      "directory=/srv/app\n",
    "srv/app/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nworkers = 3\n",
}
GOOD = {
    "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/app/venv/bin/gunicorn -c /srv/app/gunicorn.conf.py "
                                      "app.wsgi\ndirectory=/srv/app\n",
    "srv/app/gunicorn.conf.py": BAD["srv/app/gunicorn.conf.py"],
}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        if server.kind != "gunicorn" or server.manager is None:
            continue
        for option in server.all("config"):
            if option.raw != IMPLICIT_CONFIG_RAW:
                continue
            start = server.manager.argv.at if server.manager.argv and server.manager.argv.at else server.manager.at
            yield Hit(start, f"Gunicorn is started without -c, so it loads {option.value} from its start directory "
                      "without saying so: its settings change if the start directory does; pass "
                      f"`-c {option.value}`", (Related(option.at, "loaded implicitly"),))
