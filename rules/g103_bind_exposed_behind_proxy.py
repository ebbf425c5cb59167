"""Gunicorn listens on every interface although nginx on the same host fronts it.

## What it checks
A Gunicorn `bind` on a wildcard address (`0.0.0.0:8000`, `:8000`, `[::]:8000`, or
`PORT` in the environment) that a checked nginx reaches over loopback
(`proxy_pass http://127.0.0.1:8000`), so nginx does not need the wildcard.

## What breaks in production
Anyone who can reach the host's port talks to Gunicorn directly, past nginx's TLS,
limits and access rules, and sets `X-Forwarded-For`/`X-Forwarded-Proto` to anything:
the raw headers reach the app as sent (measured with Gunicorn 27: only the scheme
handling is limited to `forwarded_allow_ips`, which is `127.0.0.1,::1` by default, or
everyone with `'*'`).

## How to fix
Bind Gunicorn to `127.0.0.1:8000` or a unix socket (`unix:/run/app/gunicorn.sock`) and
point nginx at it.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, Listener, Target

CODE = "G103"
SLUG = "bind-exposed-behind-proxy"
SEVERITY = "warning"
SUMMARY = "Gunicorn binds all interfaces while nginx reaches it over loopback: clients can bypass nginx."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_set_header Host $host;\n"
                         "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
    "deploy/gunicorn.conf.py": "bind = '0.0.0.0:8000'\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"],
    "deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    reached: dict[int, list[tuple[Target, Listener]]] = {}
    for route in deployment.routes:
        for target in route.targets:
            for listener in deployment.reached(route, target):
                reached.setdefault(id(listener), []).append((target, listener))
    for pairs in reached.values():
        listener = pairs[0][1]
        if listener.server.kind != "gunicorn" or not listener.address.is_wildcard:
            continue
        if not all(target.address.is_loopback for target, _ in pairs):
            continue   # nginx on another host or container needs the wildcard
        allowed = listener.server.last("forwarded_allow_ips")
        trusts_all = allowed is not None and not allowed.unresolved and "*" in (allowed.value or [])
        forged = ("and Gunicorn trusts their X-Forwarded-Proto (forwarded_allow_ips '*')" if trusts_all
                  else "and their own X-Forwarded-For/X-Forwarded-Proto headers reach the app")
        target = pairs[0][0]
        yield Hit(listener.at, f"Gunicorn binds {listener.address} (every interface) but nginx reaches it at "
                  f"{target.address}: clients can connect to it directly, bypassing nginx, {forged}; bind "
                  f"127.0.0.1:{listener.address.port} or a unix socket", (Related(target.at, "nginx connects here"),))
