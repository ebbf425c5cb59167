"""Fewer `worker_connections` than listening sockets: nginx refuses to start.

## What it checks
In a checked nginx.conf, `worker_connections` (512 by default) against the number of
sockets the `listen` lines open. nginx needs one connection per listening socket plus
one for its channel to the master. Listens on one port fold into its wildcard listen
(`listen 80` and `listen 127.0.0.1:80` are one socket) unless they bind on their own
(`bind`, `backlog=`, `reuseport`...), as nginx does; a server without `listen` opens
`*:80`.

## What breaks in production
`nginx -t` and start fail. Measured with nginx 1.22, `worker_connections 2;` with two
listens: `[emerg] 2 worker_connections are not enough for 2 listening sockets`
(3 connections pass).

## How to fix
Raise `worker_connections` well above the number of listening sockets (it also
counts every client and upstream connection).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "N108"
SLUG = "worker-connections-below-listens"
SEVERITY = "error"
SUMMARY = "worker_connections is not above the number of listening sockets: nginx refuses to start."

BAD = {"etc/nginx/nginx.conf": "events {\n    worker_connections 2;\n}\nhttp {\n"
                               "    server {\n        listen 80;\n    }\n    server {\n        listen 443;\n    }\n}\n"}
GOOD = {"etc/nginx/nginx.conf": BAD["etc/nginx/nginx.conf"].replace("worker_connections 2;", "worker_connections 768;")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        if instance.standalone:
            continue
        sockets = instance.listening_sockets()
        connections = instance.worker_connections
        if connections.value >= len(sockets) + 1:
            continue
        assumed = "" if connections.at else f" ({connections.note})"
        listens = [s for s in sockets.values() if s is not None]
        related = tuple(Related(s.name_at, f"listen {' '.join(s.args)}") for s in listens[:3])
        yield Hit(connections.at or instance.main,
                  f"worker_connections {connections.value}{assumed} is not enough for {len(sockets)} listening "
                  f"sockets: nginx refuses to start (\"{connections.value} worker_connections are not enough for "
                  f"{len(sockets)} listening sockets\"); it needs at least {len(sockets) + 1}", related)
