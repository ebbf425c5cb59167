"""uWSGI runs several processes or threads without its master process.

## What it checks
A uWSGI instance with `processes`/`workers` above 1 or `threads` above 1 that does not
set `master`, and no option that turns the master on by itself (`stats`, `cheaper`,
`touch-reload`, `attach-daemon`, `cron`, `py-autoreload`, `logger`, ...). An explicit
`master = false` is a choice and is left alone.

## What breaks in production
uWSGI logs `*** WARNING: you are running uWSGI without its master process manager ***`
(sources.md §3.6). The first worker is then the process the manager knows. Measured
with uWSGI 2.0.31 and `processes = 2` without master: a worker killed by a crash or
the OOM killer is not respawned (one worker stays, silently); SIGTERM to the first
process (what Supervisor and systemd send on stop) makes it exit while worker 2 keeps
running, holding the port and answering requests, so a restart cannot bind it.
With one process and `threads = 2`, a `harakiri` kill ends the only worker and uWSGI
exits (`if you want your workers to be automatically respawned consider enabling the
uWSGI master process`), cutting the requests of the other threads.

## How to fix
Add `master = true`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.uwsgi_values import integer, master_on, uwsgi_servers

CODE = "U110"
SLUG = "no-master"
SEVERITY = "warning"
SUMMARY = "uWSGI runs several workers or threads without its master process."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nprocesses = 4\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nmaster = true\nprocesses = 4\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        if server.has("master") or master_on(server):
            continue
        processes, threads = server.last("processes", "workers"), server.last("threads")
        if processes is not None and (integer(processes) or 1) > 1:
            yield Hit(processes.at, f"`{processes.key} = {processes.value}` without `master`: a worker that dies is "
                      "not respawned, and on stop the manager's SIGTERM ends only the first process while the others "
                      "keep the port; add `master = true`")
        elif threads is not None and (integer(threads) or 1) > 1:
            yield Hit(threads.at, f"`threads = {threads.value}` without `master`: a worker that dies (a crash, "
                      "`harakiri`) is not respawned, so uWSGI exits and the other threads' requests are cut; "
                      "add `master = true`")
