"""`proxy_pass`/`uwsgi_pass` to `0.0.0.0`: a listening address, not one to connect to.

## What it checks
A `*_pass` target, or an upstream `server`, written as `0.0.0.0:PORT`, `[::]:PORT` or
`*:PORT`, usually copied from the app server's own `bind`/`socket` line.

## What breaks in production
Linux takes a connection to 0.0.0.0 as one to the local machine, so it works (checked
with nginx 1.22: `proxy_pass http://0.0.0.0:PORT` reached a local listener) only while
the app runs on the same host and network namespace as nginx. Once nginx runs in its
own container, or the app moves to another host, nginx connects to its own machine,
where the app is not listening.

Where an app server of the checked files listens there on nginx's own host (network
namespace), or a container publishes its port there (`ports: "8000:8000"` beside a host
nginx), it works as deployed, and the finding is an info. So it is where an app server runs in
nginx's place (a Supervisor in one container running both) and binds nothing the files show
(`-b ${GUNICORN_BIND}` from the environment): the info names that assumption.

## How to fix
Connect to the address the app is reached at: `127.0.0.1:PORT` on the same host (and
bind the app to 127.0.0.1 too), or the app's host name or container name.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "N109"
SLUG = "pass-to-wildcard-address"
SEVERITY = "warning"
SUMMARY = "nginx connects to 0.0.0.0 (a bind address): it only works while the app runs on the same host."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                            "        uwsgi_pass 0.0.0.0:8001;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": BAD["deploy/nginx.conf"].replace("0.0.0.0:8001", "127.0.0.1:8001")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for route in deployment.routes:
        for target in route.targets:
            address = target.address
            if address.family == "inet" and address.is_wildcard and address.port:
                message = (f"{route.handler.name} connects to {address.text.strip()}, a wildcard bind address: Linux "
                           "sends it to this host, so it breaks as soon as the app is not on nginx's host (a container, "
                           f"another server); use 127.0.0.1:{address.port} or the app's address")
                # What a connection from nginx's host reaches there: an app server of that host, or
                # one a container publishes on it (`ports: "8000:8000"`).
                reached = deployment.reached(route, target)
                beside = next((listener for listener in reached if listener.server.place == route.place),
                              next(iter(reached), None))
                unbound = next((server for server in deployment.app_servers if server.place == route.place
                                and not server.listeners and not server.exits_at_start), None)
                if beside is None and unbound is not None:
                    yield Hit(target.at, f"{message}; here {unbound.name} runs where nginx does and binds nothing in "
                              "the checked files (its address is only known at start): assumed it listens there, "
                              "where it works", (Related(unbound.at, f"{unbound.name}, beside nginx"),),
                              severity="info")
                elif beside is None:
                    yield Hit(target.at, message)
                else:   # it works as deployed: only a move would break it
                    where = "runs on nginx's host" if beside.server.place == route.place else \
                        f"is published on nginx's host at port {address.port}"
                    yield Hit(target.at, f"{message}; here {beside.label} {where}, where it works",
                              (Related(beside.at, f"{beside.label}, reached from nginx's host"),), severity="info")
