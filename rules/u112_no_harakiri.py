"""uWSGI has no request timeout (`harakiri`).

## What it checks
A uWSGI instance that loads a Python app and does not set `harakiri` (uWSGI's default
is 0: no limit). An explicit `harakiri = 0` is left alone. It is a warning when nginx in
the checked files passes requests to the instance (nginx then answers 504 while the
worker goes on; the locations are related places), an info otherwise.

An option's absence is asserted only for what was read: where the instance loads a config file
that is not among the checked files (`--ini` of a path a script renders from a template),
the finding is an info naming it. An image wsgilint does not know is not counted: it is nearly
always an OS or runtime image that configures no uWSGI.

## What breaks in production
A request that never finishes (a stuck database call, an external API without a
timeout, a deadlock) holds its worker for ever; a few of them and every worker is
busy. nginx gives up on its side after `uwsgi_read_timeout` (60 s by default) and
answers 504, but, as measured with uWSGI 2.0.31 and nginx 1.22, the worker keeps
running the request and uWSGI later logs it as a normal `200`. With `harakiri = 2`
the master killed the worker after about 2 s (`*** HARAKIRI ON WORKER ...`), respawned
it, and nginx answered 502.

## How to fix
Set `harakiri` to the longest time a request may take (in seconds), below nginx's
`uwsgi_read_timeout`/`proxy_read_timeout`; add `harakiri-verbose = true` to log what
was killed.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import options_unseen
from wsgilint.model.uwsgi_values import app_loader, uwsgi_servers

CODE = "U112"
SLUG = "no-harakiri"
SEVERITY = "info"
SUMMARY = "uWSGI has no request timeout (harakiri): a stuck request holds its worker for ever."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nmaster = true\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nmaster = true\nharakiri = 30\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    passes: dict[int, list[Related]] = {}
    for route in deployment.routes:
        for target in route.targets:
            for listener in deployment.reached(route, target):
                passes.setdefault(id(listener.server), []).append(
                    Related(target.at, f"{route.handler.name} to this instance"))
    for server in uwsgi_servers(deployment):
        if app_loader(server) is None or server.has("harakiri"):
            continue
        behind_nginx = tuple(dict.fromkeys(passes.get(id(server), ())))
        consequence = ("nginx gives up after its read timeout and answers 504 while the worker goes on"
                       if behind_nginx else "even after nginx has answered 504")
        message = ("no `harakiri` (uWSGI default 0: no request timeout): a request that hangs holds its "
                   f"worker for ever, {consequence}; set `harakiri` to the longest a request may take, below nginx's "
                   "read timeout")
        unseen = options_unseen(server)
        if unseen is not None:
            yield Hit(server.at, f"{message}; {unseen.note}: assumed they do not set `harakiri`",
                      (*behind_nginx, *((Related(unseen.at, unseen.value),) if unseen.at else ())))
            continue
        yield Hit(server.at, message, behind_nginx, severity="warning" if behind_nginx else None)
