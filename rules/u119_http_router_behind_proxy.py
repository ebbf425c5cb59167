"""nginx proxies to uWSGI's `http =` router, an extra proxy process, instead of an `http-socket`.

## What it checks
An nginx `proxy_pass` whose target reaches a uWSGI `http =` / `https =` listener.

## What breaks in production
Nothing fails: `http =` starts a separate router process (`spawned uWSGI http 1`)
that accepts the connection, parses the HTTP request again and forwards it to the
workers over an internal uwsgi socket. Behind nginx that is a second proxy hop with
its own timeouts (`http-timeout`, 60 s by default) and buffers to keep in step with
nginx's. `http-socket =` makes the workers speak HTTP themselves; uWSGI's "Things to
know" says to use it behind a web server that proxies HTTP, and `http` only when
uWSGI faces the public directly.

## How to fix
Replace `http = 127.0.0.1:8000` with `http-socket = 127.0.0.1:8000` (or use `socket`
with `uwsgi_pass` in nginx).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, Listener
from wsgilint.model.uwsgi_values import uwsgi_servers

CODE = "U119"
SLUG = "http-router-behind-proxy"
SEVERITY = "info"
SUMMARY = "nginx proxies to uWSGI's HTTP router; http-socket avoids the extra process."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n"
                         "    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nmaster = true\nhttp = 127.0.0.1:8000\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"],
    "deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nmaster = true\nhttp-socket = 127.0.0.1:8000\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    routers = {id(listener) for server in uwsgi_servers(deployment) for listener in server.listeners if listener.is_router}
    if not routers:
        return
    # One finding per router: the fix is its one line; every location proxying to it is related.
    passes: dict[int, tuple[Listener, list[Related]]] = {}
    for route in deployment.routes:
        if route.protocol not in ("http", "https"):
            continue
        for target in route.targets:
            for listener in deployment.reached(route, target):
                if id(listener) in routers:
                    passes.setdefault(id(listener), (listener, []))[1].append(
                        Related(route.handler.at, f"{route.handler.name} in location {route.location}"))
    for listener, related in passes.values():
        yield Hit(listener.at, f"nginx proxies to uWSGI's `{listener.option} =` router "
                  f"({listener.address}), a separate process that parses each request again and forwards "
                  f"it to the workers; behind nginx use `http-socket = {listener.address.text.strip()}`",
                  tuple(dict.fromkeys(related)))
