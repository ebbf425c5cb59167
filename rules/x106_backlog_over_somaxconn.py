"""A listen backlog above the kernel's `net.core.somaxconn`.

## What it checks
uWSGI `listen`, Gunicorn `backlog` and nginx `listen ... backlog=` against
`net.core.somaxconn` from `sysctl.conf` / `sysctl.d` (or, checking this machine, the
live value; otherwise the kernel default 4096, which the message says it assumed).

## What breaks in production
- uWSGI checks the value itself and **refuses to start**, for every stream socket:
  `Listen queue size is greater than the system max net.core.somaxconn (4096).`, exit 1.
- Gunicorn and nginx start, and the kernel silently caps the queue at somaxconn: the
  setting does nothing beyond it.

## How to fix
Lower the backlog to at most somaxconn, or raise `net.core.somaxconn` in
`/etc/sysctl.d/` on the host (and in the container's network namespace).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.units import c_atoi

CODE = "X106"
SLUG = "backlog-over-somaxconn"
SEVERITY = "error"
SUMMARY = "Listen backlog above net.core.somaxconn (uWSGI refuses to start)."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:8001\nlisten = 65535\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:8001\nlisten = 1024\n"}


def _somaxconn(deployment: Deployment) -> tuple[int, str, tuple[Related, ...]]:
    setting = deployment.host.somaxconn
    if setting.at is not None:
        return setting.value, f"net.core.somaxconn is {setting.value}", (Related(setting.at, "net.core.somaxconn is set here"),)
    note = f" ({setting.note})" if setting.note else ""
    return setting.value, f"net.core.somaxconn is {setting.value}{note}", ()


def check(deployment: Deployment) -> Iterator[Hit]:
    limit, said, related = _somaxconn(deployment)
    for server in deployment.app_servers:
        key = "listen" if server.kind == "uwsgi" else "backlog"
        option = server.last(key)
        if option is None or option.unresolved:
            continue
        backlog = c_atoi(option.value)
        if backlog is None or backlog <= limit:
            continue
        if server.kind == "uwsgi":
            if any(listener.protocol != "raw" for listener in server.listeners):
                yield Hit(option.at, f"listen = {backlog} but {said}: uWSGI refuses to start (\"Listen queue size "
                          f"is greater than the system max net.core.somaxconn ({limit}).\", exit 1); lower it to "
                          f"{limit} or raise net.core.somaxconn", related)
        else:
            yield Hit(option.at, f"backlog = {backlog} but {said}: the kernel silently caps the queue at {limit}; "
                      "lower it or raise net.core.somaxconn", related, severity="warning")
    for instance in deployment.nginx:
        for directive in instance.directives:
            if directive.name != "listen":
                continue
            for arg in directive.args[1:]:
                if arg.startswith("backlog="):
                    backlog = c_atoi(arg[len("backlog="):])
                    if backlog is not None and backlog > limit:
                        yield Hit(directive.at, f"listen backlog={backlog} but {said}: the kernel silently caps "
                                  f"the queue at {limit}; lower it or raise net.core.somaxconn", related,
                                  severity="warning")
