"""`Type=notify` for a program whose main process never sends READY=1.

## What it checks
A `.service` with `Type=notify` (or `notify-reload`) that starts:
- nginx, which has no sd_notify support (Debian's own unit uses `Type=forking`);
- a shell wrapper that starts the server without `exec`, unless `NotifyAccess=all`:
  the server's READY=1 then comes from a child of the main process, which systemd
  refuses under the default `NotifyAccess=main`.

uWSGI (built-in sd_notify: `READY=1`, `STATUS=uWSGI is ready`) and Gunicorn ≥ 20
(the arbiter sends `READY=1` once it listens; checked in Gunicorn 27.0.1's
`arbiter.py`) are fine and not reported.

## What breaks in production
Per systemd.service(5): systemd waits for the notification, the start job times out
after `TimeoutStartSec` (90 s by default), the service is killed and marked failed;
`systemctl start` hangs for that time first.

## How to fix
Use `Type=forking` with `PIDFile=` for nginx (or `Type=exec` with `daemon off;`);
start the server with `exec` in the wrapper, or set `NotifyAccess=all`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "D103"
SLUG = "notify-without-support"
SEVERITY = "warning"
SUMMARY = "Type=notify, but the service's main process never sends READY=1."

BAD = {"etc/systemd/system/web.service": (
    "[Service]\nType=notify\nExecStart=/usr/sbin/nginx -g 'daemon off;'\n\n[Install]\nWantedBy=multi-user.target\n")}
GOOD = {"etc/systemd/system/web.service": (
    "[Service]\nType=forking\nPIDFile=/run/nginx.pid\nExecStart=/usr/sbin/nginx\n\n"
    "[Install]\nWantedBy=multi-user.target\n")}

_NOTIFY = ("notify", "notify-reload")


def check(deployment: Deployment) -> Iterator[Hit]:
    for manager in deployment.managers:
        kind = manager.service_type
        if manager.kind != "systemd" or kind is None or kind.value not in _NOTIFY or kind.at is None:
            continue
        access = manager.options.get("NotifyAccess")
        if manager.wrapper is not None and manager.wrapper_execs is False and \
                (access is None or access.value != "all"):
            yield Hit(kind.at, f"Type={kind.value}, but the wrapper starts the server without `exec`: its READY=1 "
                      "comes from a child of the main process, which systemd ignores under NotifyAccess=main; the "
                      "start times out (TimeoutStartSec, 90 s by default) and the service is killed; use `exec` or "
                      "NotifyAccess=all", (Related(manager.wrapper, "the server is started here, without exec"),))
        elif manager.runs_program == "nginx" and manager.wrapper is None:
            yield Hit(kind.at, f"Type={kind.value}, but nginx never sends READY=1: the start times out "
                      "(TimeoutStartSec, 90 s by default) and the service is killed; use Type=forking with "
                      "PIDFile= (as Debian's nginx.service does)")
