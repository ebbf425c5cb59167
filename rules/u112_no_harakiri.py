"""uWSGI has no request timeout (`harakiri`).

## What it checks
A uWSGI instance that loads a Python app and does not set `harakiri` (uWSGI's default
is 0: no limit). An explicit `harakiri = 0` is left alone. It is a warning when nginx in
the checked files passes requests to the instance in its protocol (nginx then answers 504
while the worker goes on; the locations are related places), an info otherwise: a
`proxy_pass` to a uwsgi socket fails at once (X103), so no worker is held while it waits.

`harakiri = $(TIMEOUT)` where the environment uWSGI starts with does not set `TIMEOUT` is no
timeout either: uWSGI keeps an unset `$(VAR)` as the text `$(TIMEOUT)`, and its `atoi` reads
that as 0 (measured with uWSGI 2.0: `--show-config` prints `harakiri = $(TIMEOUT)`, and a
request that hangs is never killed). Where the files show that environment whole (a container
whose image and Compose service set every variable in the files, no `env_file` outside the
tree), this is reported as a missing `harakiri`, naming the variable; where they do not (an
`env_file` not in the tree, an image not known, no manager in the files), an info names the
assumption that the variable is set where uWSGI starts.

A `harakiri 60` line written without `=` is U101's finding (uWSGI reads it as an unknown
option named `harakiri 60` and ignores it): one cause, reported once, there.

An instance that serves websockets (`http-websockets`) on an async loop (`gevent`, `async`,
...) is an info: each websocket is one request that lasts as long as its client, which a
timeout would cut (Flask-SocketIO under uWSGI runs so). So is any instance on an async loop:
a request that waits holds one of the loop's cores, not the worker, and `harakiri` is one
timer per worker that each new request restarts. Measured with uWSGI 2.0.31 (`gevent = 10`,
`harakiri = 5`, a request that waits 12 s in `gevent.sleep`): alone, it was killed at 5 s with
the whole worker (`HARAKIRI ON WORKER 1`), which ends every request the worker holds; with other
requests arriving every 2 s it ran to its end (200 after 12 s), and those were answered at once
meanwhile. The message names the assumption that the app's waits yield to the loop (a call
that blocks the process holds every core).

Where the tree holds all of the app's code (the module the instance loads and every module of
the app it names) and none of it does anything a request can hang in (an outbound call, mail, a
subprocess, a sleep, a database or its ORM, a cache, a socket, a lock, a queue, a device or a
pipe; not a plain file on a local disk, which answers at once) or
imports anything but the standard library, a web framework (Flask, Bottle, Falcon...), a
library that only reads settings, renders forms or parses text (python-decouple,
python-dotenv, django-environ, django-crispy-forms, BeautifulSoup) and its own modules (a
module imported whole that the file never uses again, `import requests` and no call, counts
for nothing), the
finding is an info that names the assumption that no request hangs: a "hello" app that formats
the time has nothing to wait on. An upload the app reads from the request (`FileField`,
`request.files`) waits on the client only where nginx passes the body on as it arrives
(`uwsgi_request_buffering off`): by default nginx reads it whole first, and the app then
reads it from the local socket at once. The statsd client's `StatsClient` sends each metric
as one UDP datagram and waits on nothing. SQLite is no database a request hangs in: a query waits at
most its connection's timeout (5 s) for a lock, then fails. So a Django project whose settings
name SQLite alone (no database URL, no ENGINE from the environment) counts as Django and the
standard library: its ORM, sessions and admin wait on nothing else, nor does Django REST
framework on it.

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
from wsgilint.model import AppServer, Deployment, Option
from wsgilint.model.manager_facts import options_unseen
from wsgilint.model.units import c_atoi
from wsgilint.model.uwsgi_values import app_loader, integer, uwsgi_servers

CODE = "U112"
SLUG = "no-harakiri"
SEVERITY = "info"
SUMMARY = "uWSGI has no request timeout (harakiri): a stuck request holds its worker for ever."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nmaster = true\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nmaster = true\nharakiri = 30\n"}


# uWSGI options that run many requests in one worker on an event loop.
# The options that give an instance async cores (`async = 12` runs them on a suspend engine
# such as `ugreen` or `greenlet`, a flag that gives none by itself).
_ASYNC_CORES = ("gevent", "async", "asyncio", "tornado")


def check(deployment: Deployment) -> Iterator[Hit]:
    passes: dict[int, list[Related]] = {}
    unbuffered: set[int] = set()   # the instances a route passes request bodies to as they arrive
    for route in deployment.routes:
        for target in route.targets:
            for listener in deployment.reached(route, target):
                if listener.protocol != route.protocol:
                    continue   # every request fails at once (X102, X103): no worker is held while nginx waits
                passes.setdefault(id(listener.server), []).append(
                    Related(target.at, f"{route.handler.name} to this instance"))
                if not route.buffers_bodies:
                    unbuffered.add(id(listener.server))
    for server in uwsgi_servers(deployment):
        harakiri = server.last("harakiri")
        if app_loader(server) is None or harakiri is not None and not _unset_variable(harakiri):
            continue
        if harakiri is None and any(option.key.split(None, 1)[:1] == ["harakiri"] for option in server.options
                                    if option.key != "harakiri"):
            continue   # `harakiri 60`, written without `=`: U101 reports the line uWSGI ignores, the one cause
        behind_nginx = tuple(dict.fromkeys(passes.get(id(server), ())))
        if harakiri is not None:
            yield _from_unset_variable(server, harakiri, behind_nginx)
            continue
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
        websockets = server.last("http-websockets") if server.enabled("http-websockets") else None
        loop = _async_cores(server)
        if websockets is not None and loop is not None:
            # A websocket is one request for as long as the client stays: harakiri would cut it,
            # and under an async loop it kills the worker with every connection it holds.
            yield Hit(server.at, f"{message}; this instance serves websockets (`http-websockets`) on an async loop "
                      f"(`{loop.key} = {loop.value}`), where each connection is one request that lasts as long as "
                      "the client stays: assumed the long requests are those, which a timeout would cut",
                      (*behind_nginx, Related(websockets.at, "websockets served here")), severity="info")
            continue
        if loop is not None:
            # A waiting request holds a core, not the worker; the worker's one harakiri timer
            # restarts with each new request and, when it fires, kills every request it holds.
            yield Hit(server.at, f"{message}; but this instance runs its requests on an async loop "
                      f"(`{loop.key} = {loop.value}`), where a request that waits holds one of its cores, not the "
                      "worker, and `harakiri` is one timer per worker that each new request restarts (measured with "
                      "uWSGI 2.0.31: a lone request past it was killed with the worker and all it held; with other "
                      "requests arriving it ran on): assumed the app's waits yield to the loop",
                      (*behind_nginx, Related(loop.at, "the async loop")), severity="info")
            continue
        quiet = _app_cannot_hang(deployment, server, bool(behind_nginx) and id(server) not in unbuffered)
        if quiet:
            yield Hit(server.at, message + quiet, behind_nginx, severity="info")
            continue
        yield Hit(server.at, message, behind_nginx, severity="warning" if behind_nginx else None)


def _async_cores(server: AppServer) -> Option | None:
    """The last option that gives the instance async cores (`gevent = 50`, `async = 12`), None
    where none does: `--async 12 --ugreen` is an async loop whichever is written last."""
    given = [option for key in _ASYNC_CORES if (option := server.last(key)) is not None and (integer(option) or 0) > 0]
    return max(given, key=lambda option: server.options.index(option)) if given else None


def _app_cannot_hang(deployment: Deployment, server: AppServer, bodies_buffered: bool) -> str:
    """Where the tree holds all of the app's code and none of it does anything a request can
    hang in (an outbound call, a database, a cache, a socket, a lock, a device, a sleep; an
    upload only where nginx does not buffer request bodies), the assumption that no request
    hangs; else ""."""
    readers = deployment.app_request_readers
    if readers is None or (module := readers.nothing_to_wait_on(server, bodies_buffered)) is None:
        return ""
    # Said only where an upload is what the buffering leaves nothing to wait on.
    uploads = ", and nginx reads each upload whole before the app does (request buffering)" \
        if bodies_buffered and readers.upload_only_files and readers.nothing_to_wait_on(server) is None else ""
    return (f"; {readers.waits_on_nothing_said(module)}{uploads}: assumed no request hangs (a timeout still guards "
            "the code that will)")


def _unset_variable(harakiri: Option) -> bool:
    """``harakiri = $(VAR)`` whose variable the files do not set: 0 when it is unset."""
    return bool(harakiri.env_missing) and not c_atoi(harakiri.value)   # atoi: no digits is 0


def _from_unset_variable(server: AppServer, harakiri: Option, behind_nginx: tuple[Related, ...]) -> Hit:
    names = ", ".join(f"`{name}`" for name in harakiri.env_missing)
    effect = (f"uWSGI keeps an unset variable as the text `{harakiri.value}`, which it reads as 0: no request "
              "timeout, so a request that hangs holds its worker for ever")
    fix = "set the variable where uWSGI starts, or a number in `harakiri`, below nginx's read timeout"
    manager = server.manager
    if not harakiri.unresolved and manager is not None:
        message = (f"`harakiri = {harakiri.raw}`: {names} is set nowhere in the environment {manager.kind} "
                   f"{manager.name} starts uWSGI with; {effect}; {fix}")
        unseen_options = options_unseen(server)
        if unseen_options is not None:
            return Hit(harakiri.at, f"{message}; {unseen_options.note}: assumed they do not set `harakiri`",
                       (*behind_nginx, *((Related(unseen_options.at, unseen_options.value),)
                                         if unseen_options.at else ())))
        return Hit(harakiri.at, message, behind_nginx, severity="warning" if behind_nginx else None)
    unseen = manager.environment_unseen if manager is not None else None
    why = unseen.note if unseen is not None else \
        f"{manager.place.label} is run by a command the files do not show, which may set it" \
        if manager is not None and manager.place.run_unseen else \
        "nothing in the checked files shows the environment uWSGI starts with"
    message = (f"`harakiri = {harakiri.raw}`: the files do not set {names} ({why}): assumed it is set where uWSGI "
               f"starts; if not, {effect}; {fix}")
    return Hit(harakiri.at, message, (*behind_nginx, *((Related(unseen.at, unseen.value),) if unseen and unseen.at
                                                       else ())))
