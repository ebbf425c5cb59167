"""An open-files limit that does not reach the server that needs it.

## What it checks
- `limits.conf` / `limits.d` raise `nofile`, but the servers are started by systemd or
  Supervisor, which do not go through PAM: those lines do not apply to them.
- nginx's `worker_connections` is above the open-files limit its workers get: the
  unit's `LimitNOFILE=` (systemd's default soft limit is 1024) unless
  `worker_rlimit_nofile` raises it.

## What breaks in production
Under load nginx logs `accept4() failed (24: Too many open files)` and drops
connections; `nginx -t` says nothing about it (measured: it warns only when the
shell that runs it has the lower limit).

## How to fix
Set `LimitNOFILE=` in the service unit (`minfds` in `[supervisord]`), or
`worker_rlimit_nofile` in nginx.conf.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.units import c_atoi

CODE = "X116"
SLUG = "nofile-limit-not-applied"
SEVERITY = "warning"
SUMMARY = "Open-files limit set where it does not apply (limits.conf vs systemd), or too low for nginx."

BAD = {
    "etc/systemd/system/nginx.service": "[Service]\nType=forking\nExecStart=/usr/sbin/nginx\n",
    "etc/nginx/nginx.conf": "events {\n    worker_connections 9000;\n}\nhttp {\n}\n",
}
GOOD = {
    "etc/systemd/system/nginx.service": "[Service]\nType=forking\nExecStart=/usr/sbin/nginx\nLimitNOFILE=65535\n",
    "etc/nginx/nginx.conf": BAD["etc/nginx/nginx.conf"],
}

_SYSTEMD_DEFAULT_SOFT_NOFILE = 1024


def check(deployment: Deployment) -> Iterator[Hit]:
    managed = [m for m in deployment.managers if m.runs is not None or m.runs_program == "nginx"]
    if deployment.host.nofile_limits and managed:
        first = managed[0]
        for line in deployment.host.nofile_limits:
            if line.at is None:
                continue
            yield Hit(line.at, f"`{line.value}` applies to PAM login sessions only: the servers started by "
                      f"{first.kind} ([{first.name}] and others) do not get it; set LimitNOFILE= in the unit "
                      "(minfds in [supervisord])", (Related(first.at, f"{first.kind} starts [{first.name}]"),))
    nginx_units = [m for m in deployment.managers if m.runs_program == "nginx" and m.kind == "systemd"]
    for instance in deployment.nginx:
        if instance.standalone or not nginx_units or instance.worker_rlimit_nofile is not None:
            continue
        unit = nginx_units[0]
        limit = c_atoi(unit.limit_nofile.value) if unit.limit_nofile is not None else _SYSTEMD_DEFAULT_SOFT_NOFILE
        connections = instance.worker_connections
        if limit is None or connections.value <= limit:
            continue
        where = connections.at or instance.main
        said = "LimitNOFILE" if unit.limit_nofile is not None else "systemd's default soft limit"
        yield Hit(where, f"worker_connections {connections.value} is above the {limit} open files each worker gets "
                  f"({said} of {unit.name}, no worker_rlimit_nofile): under load nginx logs \"Too many open files\" "
                  "and drops connections; set worker_rlimit_nofile or LimitNOFILE=",
                  (Related((unit.limit_nofile.at if unit.limit_nofile is not None else None) or unit.at, f"{unit.name} unit"),))
