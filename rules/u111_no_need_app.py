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

Where a shell starts uWSGI in the background (`uwsgi --ini app.ini &`) and then holds
with a command that never returns (`tail -f /dev/null`, `sleep infinity`), nothing waits
on uWSGI's exit: with `need-app` it exits, the container or service stays up and nginx
answers 502 instead of 500, and nothing restarts it. `need-app` alone fixes nothing
there, so the finding is an info naming the real fix.

## How to fix
Add `need-app = true`. Where a shell starts uWSGI with `&` and holds with `tail -f`, run
uWSGI in the foreground as the process the manager watches (`exec uwsgi --ini app.ini`),
or under a manager, first.
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
    # The managers whose wrapper shell starts the server with `&` and then holds forever.
    unwatched = {id(manager.runs): manager for manager in deployment.managers
                 if manager.runs is not None and manager.wrapper is not None and manager.wrapper_background
                 and manager.wrapper_held_by}
    for server in uwsgi_servers(deployment):
        loader = app_loader(server)
        if loader is None or server.has("need-app"):
            continue
        held = unwatched.get(id(server))
        if held is not None and held.wrapper is not None:
            yield Hit(loader.at, f"`{loader.key}` without `need-app`, but nothing waits on uWSGI's exit: "
                      f"{held.wrapper.path} starts it with `&` and then holds in `{held.wrapper_held_by}` "
                      f"({held.kind} [{held.name}] watches that shell), so with `need-app` a failed import "
                      "goes just as unnoticed (uWSGI exits, nginx answers 502 instead of 500) and nothing "
                      "restarts it; run uWSGI in the foreground as the process the manager watches (`exec "
                      "uwsgi ...` in place of the `&` line and the hold), then add `need-app = true`",
                      (Related(held.wrapper, "uWSGI started in the background here"),), severity="info")
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
