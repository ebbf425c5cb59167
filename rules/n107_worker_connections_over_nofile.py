"""`worker_connections` above the number of files each nginx worker may open.

## What it checks
In a checked nginx.conf, `worker_connections` against `worker_rlimit_nofile`; when
that is not set, against the limit nginx inherits: `LimitNOFILE=` of a checked
nginx unit is X116's case; on a checked host (`/etc` tree or live) without one, 1024
is assumed (the soft limit systemd gives services by default,
`DefaultLimitNOFILE=1024:524288`, which Debian's `nginx.service` does not raise).
Every client and upstream connection is one open file.

## What breaks in production
Measured with nginx 1.22, `worker_connections 9000` and `worker_rlimit_nofile 1024`:
the worker had `Max open files 1024`; with 1100 idle connections nginx logged
`[crit] accept4() failed (24: Too many open files)` and a new request got no answer.
`nginx -t` warns only when the shell running it has the lower limit, so it is usually
silent.

## Known problems
A repository's nginx.conf without `worker_rlimit_nofile` is not checked: it often runs
in a container, whose inherited limit is usually far above 1024.

## How to fix
Set `worker_rlimit_nofile` to at least twice `worker_connections` (a proxied request
holds two connections), or lower `worker_connections`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "N107"
SLUG = "worker-connections-over-nofile"
SEVERITY = "warning"
SUMMARY = "worker_connections is above the open-files limit of the nginx workers."

BAD = {"etc/nginx/nginx.conf": "worker_rlimit_nofile 1024;\nevents {\n    worker_connections 9000;\n}\nhttp {\n}\n"}
GOOD = {"etc/nginx/nginx.conf": "worker_rlimit_nofile 20000;\nevents {\n    worker_connections 9000;\n}\nhttp {\n}\n"}

_ASSUMED_NOFILE = 1024


def check(deployment: Deployment) -> Iterator[Hit]:
    nginx_units = [m for m in deployment.managers if m.runs_program == "nginx" and m.kind == "systemd"]
    for instance in deployment.nginx:
        connections = instance.worker_connections
        if instance.standalone or connections.at is None:
            continue
        rlimit = instance.worker_rlimit_nofile
        if rlimit is not None:
            if connections.value > rlimit.value:
                yield Hit(connections.at, f"worker_connections {connections.value} is above worker_rlimit_nofile "
                          f"{rlimit.value}: under load workers run out of file descriptors (\"accept4() failed (24: "
                          "Too many open files)\") and new connections get no answer; raise worker_rlimit_nofile "
                          "(about twice worker_connections)", (Related(rlimit.at or instance.main, f"worker_rlimit_nofile {rlimit.value}"),))
            continue
        if nginx_units or deployment.host.mode == "repository" or connections.value <= _ASSUMED_NOFILE:
            continue   # with a checked unit, X116 compares against its LimitNOFILE=
        yield Hit(connections.at, f"worker_connections {connections.value} is above the open-files limit workers "
                  f"inherit when worker_rlimit_nofile is not set ({_ASSUMED_NOFILE} assumed: systemd's default soft "
                  "limit): under load nginx logs \"Too many open files\" and new connections get no answer; set "
                  f"worker_rlimit_nofile (about {2 * connections.value})")
