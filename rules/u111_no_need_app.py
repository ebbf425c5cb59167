"""uWSGI loads an app without `need-app`: if the import fails, it stays up answering 500.

## What it checks
A uWSGI instance that loads a Python app (`module`, `wsgi-file`, `mount`, `paste`, ...)
and does not set `need-app`. uWSGI 2.0 defaults it to off (2.1 turns it on). An
explicit `need-app = false` is left alone.

When the instance runs in a container whose base image wsgilint does not know (its own
ini or `UWSGI_*` environment may set `need-app`), the finding is an info naming that
assumption. Well-known images count as what they ship: `tiangolo/uwsgi-nginx` starts
uWSGI with its own `/etc/uwsgi/uwsgi.ini`, which sets `need-app = true`.

## What breaks in production
Measured with uWSGI 2.0.31: when the app cannot be imported (a missing module, a
syntax error, a bad setting at import time), uWSGI logs
`*** no app loaded. going in full dynamic mode ***` and keeps running; every request
gets `500 Internal Server Error` and the log says
`--- no python application found, check your startup logs for errors ---`. The
process manager sees a healthy process and nginx a working upstream, so nothing
restarts or alerts. With `need-app = true`, uWSGI exits (code 22) with
`*** no app loaded. GAME OVER ***`, which the manager reports.

## How to fix
Add `need-app = true`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import options_unseen
from wsgilint.model.uwsgi_values import app_loader, uwsgi_servers

CODE = "U111"
SLUG = "no-need-app"
SEVERITY = "warning"
SUMMARY = "Without need-app, uWSGI stays up answering 500 when the app fails to import."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nneed-app = true\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        loader = app_loader(server)
        if loader is None or server.has("need-app"):
            continue
        message = (f"`{loader.key}` without `need-app`: if the app fails to import, uWSGI 2.0 keeps running and "
                   "answers every request with 500 (\"no python application found\") instead of exiting, so the "
                   "manager never notices; add `need-app = true`")
        unseen = options_unseen(server, with_image=True)
        if unseen is None:
            yield Hit(loader.at, message)
        else:
            yield Hit(loader.at, f"{message}; {unseen.note}: assumed they do not set `need-app`",
                      (Related(unseen.at, unseen.value),) if unseen.at else (), severity="info")
