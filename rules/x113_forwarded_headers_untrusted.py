"""Gunicorn behind nginx does not learn that the client used HTTPS.

## What it checks
For each `proxy_pass` to a Gunicorn instance:
- nginx serves TLS there (`listen ... ssl` or port 443) but sends no
  `X-Forwarded-Proto` header;
- nginx reaches Gunicorn over TCP from another host, while Gunicorn's
  `forwarded_allow_ips` keeps its default `127.0.0.1,::1`, so the header is ignored.

## What breaks in production
The app sees `wsgi.url_scheme = http` behind TLS: redirects go to `http://`, secure
cookies and CSRF origin checks fail (measured with Gunicorn 27: from 127.0.0.2 the
header was ignored; from 127.0.0.1 it was honoured).

## How to fix
Add `proxy_set_header X-Forwarded-Proto $scheme;`, and set `forwarded_allow_ips` to
nginx's address when nginx runs on another host.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Address, Deployment, Listener, Route

CODE = "X113"
SLUG = "forwarded-headers-untrusted"
SEVERITY = "warning"
SUMMARY = "Gunicorn behind nginx cannot see the original scheme (X-Forwarded-Proto)."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/app.pem;\n"
                         "    ssl_certificate_key /etc/ssl/app.key;\n    location / {\n"
                         "        proxy_set_header Host $host;\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
    "deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"].replace(
        "proxy_set_header Host $host;\n", "proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n"),
    "deploy/gunicorn.conf.py": BAD["deploy/gunicorn.conf.py"],
}


def _serves_tls(route: Route) -> bool:
    if route.server is None:
        return False
    for listen in route.server.listens:
        if "ssl" in listen.args or (listen.args and listen.args[0].rsplit(":", 1)[-1] == "443"):
            return True
    return False


def _sends_proto(route: Route) -> bool:
    return any(d.args and d.args[0].lower() in ("x-forwarded-proto", "forwarded") for d in route.effective("proxy_set_header"))


def check(deployment: Deployment) -> Iterator[Hit]:
    # One finding per Gunicorn instance and cause: the fix is one header (or one setting)
    # for the app; every other location with the same cause is a related place.
    causes: dict[tuple[int, str], tuple[Listener, Address, list[Route]]] = {}
    reported: set[tuple[int, str]] = set()
    for route in deployment.routes:
        if route.protocol not in ("http", "https"):
            continue
        for target in route.targets:
            for listener in deployment.reached(route, target):
                server = listener.server
                if server.kind != "gunicorn":
                    continue
                # A connect() to 0.0.0.0 arrives at loopback: only a real address is another host.
                remote = target.address.family == "inet" and not (target.address.is_loopback
                                                                   or target.address.is_wildcard)
                found = []
                if _serves_tls(route) and not _sends_proto(route):
                    found.append("proto")
                if remote and server.last("forwarded_allow_ips") is None and _sends_proto(route):
                    found.append("allow")
                for cause in found:
                    # Several checked servers may listen at one address (variants of a repository):
                    # the location is still one place to fix.
                    if (id(route), cause) not in reported:
                        reported.add((id(route), cause))
                        causes.setdefault((id(server), cause), (listener, target.address, []))[2].append(route)
    for (_, cause), (listener, address, routes) in causes.items():
        first, others = routes[0], list(dict.fromkeys(r.handler.at for r in routes[1:]))
        related = (Related(listener.at, listener.label),) + tuple(
            Related(at, "the same for this location") for at in others if at != first.handler.at)
        if cause == "proto":
            yield Hit(first.handler.at, "nginx serves TLS here but sends no X-Forwarded-Proto to Gunicorn: the "
                      "app sees http (redirects to http://, secure cookies and CSRF checks fail); add "
                      "`proxy_set_header X-Forwarded-Proto $scheme;`", related)
        else:
            yield Hit(first.handler.at, f"nginx reaches Gunicorn at {address} from another host, but "
                      "forwarded_allow_ips is 127.0.0.1,::1 (Gunicorn default): X-Forwarded-Proto is ignored and "
                      "the app sees http; set forwarded_allow_ips to nginx's address", related)
