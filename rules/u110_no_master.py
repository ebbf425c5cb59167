"""uWSGI runs several processes or threads without its master process.

## What it checks
A uWSGI instance with `processes`/`workers` above 1 or `threads` above 1 that does not
set `master`, and no option that turns the master on by itself (`stats`, `cheaper`,
`touch-reload`, `attach-daemon`, `cron`, `py-autoreload`, `logger`, ...). An explicit
`master = false` is a choice and is left alone.

When the instance runs in a container whose base image wsgilint does not know (its own
ini or `UWSGI_*` environment, `UWSGI_MASTER` or `UWSGI_CHEAPER`, may turn the master
on), the finding is an info naming that assumption. Well-known images count as what
they ship: `tiangolo/uwsgi-nginx` sets `UWSGI_CHEAPER=2`, which turns the master on.

In a repository where nothing in the checked files starts the instance and none of the
tree's nginx routes passes to it, it is an old or unused config beside the one deployed,
or deployed in a way the files do not show: the finding is an info naming that assumption.

## What breaks in production
uWSGI logs `*** WARNING: you are running uWSGI without its master process manager ***`
(sources.md §3.6). The first worker is then the process the manager knows. Measured
with uWSGI 2.0.31 and `processes = 2` without master: a worker killed by a crash or
the OOM killer is not respawned (one worker stays, silently); SIGTERM to the first
process (what Supervisor sends on stop without `stopasgroup`, and systemd with
`KillMode=process`) makes it exit while worker 2 keeps running, holding the port and
answering requests, so a restart cannot bind it. systemd's default `KillMode=control-group`,
Supervisor's `stopasgroup` and the end of a container stop every process: the message then
names only the worker that is not respawned.
With one process and `threads = 2`, a `harakiri` kill ends the only worker and uWSGI
exits (`if you want your workers to be automatically respawned consider enabling the
uWSGI master process`), cutting the requests of the other threads.

## How to fix
Add `master = true`.

## Fix safety
`--fix` adds `master = true` after the last option of the instance's INI section. Under
Supervisor or systemd stopping with SIGTERM, uWSGI 2.0 with a master reloads on that
signal (X108), so the fix then adds `die-on-term = true` with it. Safe: workers are
respawned and stop with the master.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related
from wsgilint.model import AppServer, Deployment, Span
from wsgilint.model.manager_facts import options_unseen, unused_configs
from wsgilint.model.uwsgi_values import integer, master_on, new_option_line, uwsgi_servers

CODE = "U110"
SLUG = "no-master"
SEVERITY = "warning"
SUMMARY = "uWSGI runs several workers or threads without its master process."
FIXES = ("safe",)

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nprocesses = 4\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nmaster = true\nprocesses = 4\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    unused = unused_configs(deployment)
    for server in uwsgi_servers(deployment):
        if server.has("master") or master_on(server):
            continue
        processes, threads = server.last("processes", "workers"), server.last("threads")
        if processes is not None and (integer(processes) or 1) > 1:
            left = (", and on stop the manager's SIGTERM ends only the first process while the others keep the port"
                    if _workers_outlive_stop(server) else "")
            yield _hit(deployment, server, unused, processes.at, f"`{processes.key} = {processes.value}` without `master`: "
                       f"a worker that dies is not respawned{left}; add `master = true`")
        elif threads is not None and (integer(threads) or 1) > 1:
            yield _hit(deployment, server, unused, threads.at, f"`threads = {threads.value}` without `master`: a worker "
                       "that dies (a crash, `harakiri`) is not respawned, so uWSGI exits and the other threads' "
                       "requests are cut; add `master = true`")


def _workers_outlive_stop(server: AppServer) -> bool:
    """Whether a stop signals only the first process: a start by hand, Supervisor without
    `stopasgroup` or `killasgroup` (the model keeps the two as one setting), systemd with
    `KillMode=process` or `none`. A container's processes end with it."""
    manager = server.manager
    if manager is None:
        return True
    if manager.in_container:
        return False
    return manager.kills_group is None or not manager.kills_group.value


def _hit(deployment: Deployment, server: AppServer, unused: set[int], at: Span, message: str) -> Hit:
    if id(server) in unused:
        return Hit(at, f"{message}; nothing in the checked files starts this config and no nginx route passes to it: "
                   "assumed an old or unused config beside the one deployed", fix=_fix(deployment, server),
                   severity="info")
    unseen = options_unseen(server, with_image=True)
    if unseen is None:
        return Hit(at, message, fix=_fix(deployment, server))
    return Hit(at, f"{message}; {unseen.note}: assumed they turn no master on",
               (Related(unseen.at, unseen.value),) if unseen.at else (), severity="info")


def _fix(deployment: Deployment, server: AppServer) -> Fix | None:
    where = new_option_line(server, "master", "true")
    if where is None:
        return None
    edits = [Edit.insertion(*where)]
    manager = server.manager
    stops_with_term = manager is not None and manager.stop_signal.value == "TERM"
    if stops_with_term and deployment.host.version("uwsgi") < (2, 1) and not server.has("die-on-term"):
        edits.append(Edit.insertion(where[0], where[1], where[2].replace("master", "die-on-term", 1)))
    return Fix("add `master = true`" + (" and `die-on-term = true`" if len(edits) > 1 else ""), tuple(edits))
