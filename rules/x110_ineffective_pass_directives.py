"""`proxy_*` directives where requests go through `uwsgi_pass`, or the reverse.

## What it checks
A `proxy_*` directive that is in effect only in locations handled by `uwsgi_pass`
(or `fastcgi_pass`...), and `uwsgi_*` directives in effect only where `proxy_pass`
handles requests. Each module reads only its own directives. One finding per block
(server, location): the other ineffective directives of the block are related places.

## What breaks in production
Nothing visible: the directives do nothing. The timeouts, buffers and headers the
author meant to set (seed 003 sets `proxy_read_timeout 300` for a uWSGI app) stay at
nginx's defaults, so a slow view still gets a 504 after 60 s.

## How to fix
Use the handler's own directives: `uwsgi_read_timeout` for `uwsgi_pass`,
`proxy_read_timeout` for `proxy_pass`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import (
    Deployment,
    NginxDirective,
    NginxHttp,
    NginxInstance,
    NginxLocation,
    NginxScope,
    NginxServer,
    Span,
)

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


def _owners(instance: NginxInstance) -> dict[Span, NginxScope]:
    """The block each directive is written in (http, server, location or if)."""
    owners: dict[Span, NginxScope] = {}
    pending: list[NginxScope] = list(instance.http)
    while pending:
        scope = pending.pop()
        for directives in scope.own.values():
            for directive in directives:
                owners.setdefault(directive.at, scope)
        if isinstance(scope, NginxHttp):
            pending.extend(scope.servers)
        elif isinstance(scope, (NginxServer, NginxLocation)):
            pending.extend(scope.locations)
    return owners


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
                    if directive.stock:
                        continue   # a packaged file's lines (uwsgi_params) are not the author's to rewrite
                    handlers = used_by.setdefault(directive.at, (directive, family, set()))[2]
                    handlers.add(route.handler.name if family == own else None)
        # One finding per block: the author rewrites the block's directives together.
        owners = _owners(instance)
        by_block: dict[int, list[tuple[NginxDirective, str]]] = {}
        for directive, family, handlers in used_by.values():
            if None in handlers and len(handlers) == 1:
                by_block.setdefault(id(owners.get(directive.at)), []).append((directive, family))
        for ineffective in by_block.values():
            ineffective.sort(key=lambda pair: (pair[0].at.path, pair[0].at.line, pair[0].at.column))
            directive, family = ineffective[0]
            module = family.rstrip("_")
            names = ", ".join(dict.fromkeys(d.name for d, _ in ineffective))
            one = len(ineffective) == 1
            yield Hit(directive.at, f"{names} {'has' if one else 'have'} no effect: the locations "
                      f"{'it applies' if one else 'they apply'} to pass requests with "
                      f"{', '.join(sorted(_handlers_of(instance, directive)))}, not "
                      f"{module}_pass; use the matching directives of that module",
                      tuple(Related(d.at, f"{d.name} has no effect either") for d, _ in ineffective[1:]))


def _handlers_of(instance: NginxInstance, directive: NginxDirective) -> set[str]:
    return {route.handler.name for route in instance.routes
            if any(d.at == directive.at for d in route.directives.get(directive.name, ()))}
