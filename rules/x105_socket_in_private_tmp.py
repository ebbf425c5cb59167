"""A unix socket under `/tmp` while nginx or the app runs with systemd's `PrivateTmp`.

## What it checks
A route to a unix socket under `/tmp` or `/var/tmp` when the systemd unit that runs
nginx, or the one that runs the app server, has `PrivateTmp=yes`: each such service
sees its own empty `/tmp`. `DynamicUser=yes` implies `PrivateTmp=yes`, and drop-ins count.
A socket that a systemd `.socket` unit binds is created in the host's `/tmp` and handed to
the app as a file descriptor: then only nginx's `PrivateTmp=` matters.

## What breaks in production
nginx cannot see the socket the app created: **502**, logged as
`connect() to unix:/tmp/app.sock failed (2: No such file or directory)` (measured
with nginx 1.22 in a private mount namespace, as systemd sets it up).

## How to fix
Put the socket in a directory both services share, such as `/run/app/` created with
`RuntimeDirectory=app`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, Listener, ProcessManager, Span, Target

CODE = "X105"
SLUG = "socket-in-private-tmp"
SEVERITY = "error"
SUMMARY = "Unix socket under /tmp while nginx or the app has PrivateTmp=yes."

BAD = {
    "etc/systemd/system/nginx.service": "[Service]\nType=forking\nExecStart=/usr/sbin/nginx\nPrivateTmp=true\n",
    "etc/nginx/nginx.conf": "events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n"
                            "            include uwsgi_params;\n            uwsgi_pass unix:/tmp/app.sock;\n"
                            "        }\n    }\n}\n",
    "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /tmp/app.sock\nchmod-socket = 666\nvacuum = true\n",
}
GOOD = {
    "etc/systemd/system/nginx.service": "[Service]\nType=forking\nExecStart=/usr/sbin/nginx\n",
    "etc/nginx/nginx.conf": BAD["etc/nginx/nginx.conf"],
    "etc/uwsgi/app.ini": BAD["etc/uwsgi/app.ini"],
}


def _private_tmp(manager: ProcessManager | None) -> bool:
    return manager is not None and manager.private_tmp is not None and manager.private_tmp.value


def _in_tmp(path: str) -> bool:
    return path.startswith(("/tmp/", "/var/tmp/"))


def check(deployment: Deployment) -> Iterator[Hit]:
    nginx_units = [m for m in deployment.managers if m.runs_program == "nginx" and _private_tmp(m)]
    # One finding per socket (moving it is the fix), each place in nginx once.
    by_listener: dict[int, tuple[Listener, list[ProcessManager], list[Target]]] = {}
    seen: set[Span] = set()
    for route in deployment.routes:
        for target in route.targets:
            address = target.address
            if address.family != "unix" or not _in_tmp(address.path) or target.at in seen:
                continue
            for listener in deployment.reached(route, target):
                # A socket a .socket unit binds is made in systemd's own /tmp and inherited as an fd:
                # the app's private /tmp does not hide it.
                app_unit = listener.server.manager if _private_tmp(listener.server.manager) and \
                    not listener.bound_by else None
                private = nginx_units[:1] + ([app_unit] if app_unit else [])
                if private:
                    seen.add(target.at)
                    by_listener.setdefault(id(listener), (listener, private, []))[2].append(target)
                    break
    for listener, private, targets in by_listener.values():
        first = targets[0]
        who = " and ".join(f"{'nginx' if m.runs_program == 'nginx' else 'the app'} ({m.name})" for m in private)
        yield Hit(first.at, f"the socket {first.address.path} is under /tmp, but {who} runs with PrivateTmp=yes "
                  "and sees its own /tmp: nginx answers 502 (\"(2: No such file or directory)\"); move the "
                  "socket to /run/<name>/ (RuntimeDirectory=)",
                  tuple(Related((m.private_tmp.at if m.private_tmp else None) or m.at, "PrivateTmp=yes") for m in private)
                  + (Related(listener.at, f"{listener.label} is created here"),)
                  + tuple(Related(t.at, "a pass to the same socket") for t in targets[1:]))
