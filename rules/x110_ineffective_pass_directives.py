"""`proxy_*` directives where requests go through `uwsgi_pass`, or the reverse.

## What it checks
A `proxy_*` directive that is in effect only in locations handled by `uwsgi_pass`
(or `fastcgi_pass`...), and `uwsgi_*` directives in effect only where `proxy_pass`
handles requests. Each module reads only its own directives.

## What breaks in production
Nothing visible: the directives do nothing. The timeouts, buffers and headers the
author meant to set (seed 003 sets `proxy_read_timeout 300` for a uWSGI app) stay at
nginx's defaults, so a slow view still gets a 504 after 60 s.

## How to fix
Use the handler's own directives: `uwsgi_read_timeout` for `uwsgi_pass`,
`proxy_read_timeout` for `proxy_pass`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, NginxDirective, NginxInstance, Span

CODE = "X110"
SLUG = "ineffective-pass-directives"
SEVERITY = "warning"
SUMMARY = "proxy_* directives with uwsgi_pass (or uwsgi_* with proxy_pass) do nothing."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    proxy_read_timeout 300;\n    location / {\n"
                            "        include uwsgi_params;\n        uwsgi_pass 127.0.0.1:3031;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    uwsgi_read_timeout 300;\n    location / {\n"
                             "        include uwsgi_params;\n        uwsgi_pass 127.0.0.1:3031;\n    }\n}\n"}

_FAMILY = {"uwsgi": "uwsgi_", "http": "proxy_", "https": "proxy_", "fastcgi": "fastcgi_", "scgi": "scgi_", "grpc": "grpc_"}
_NOT_MODULE_DIRECTIVES = {"proxy_protocol"}   # the stream/listen proxy protocol, not the proxy module


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        used_by: dict[Span, tuple[NginxDirective, str, set[str | None]]] = {}
        for route in instance.routes:
            own = _FAMILY.get(route.protocol)
            for name, directives in route.directives.items():
                family = next((p for p in set(_FAMILY.values()) if name.startswith(p)), None)
                if family is None or name in _NOT_MODULE_DIRECTIVES or name.endswith("_pass"):
                    continue
                for directive in directives:
                    handlers = used_by.setdefault(directive.at, (directive, family, set()))[2]
                    handlers.add(route.handler.name if family == own else None)
        for directive, family, handlers in used_by.values():
            if None in handlers and len(handlers) == 1:
                module = family.rstrip("_")
                yield Hit(directive.at, f"{directive.name} has no effect: the locations it applies to pass requests "
                          f"with {', '.join(sorted(_handlers_of(instance, directive)))}, not {module}_pass; use the "
                          "matching directive of that module")


def _handlers_of(instance: NginxInstance, directive: NginxDirective) -> set[str]:
    return {route.handler.name for route in instance.routes
            if any(d.at == directive.at for d in route.directives.get(directive.name, ()))}
