"""Meaning of an nginx tree: worker settings, listening sockets and the routes to app servers.

Includes are expanded where they stand, as nginx does. A route's directives are the
ones in effect in its location after nginx's inheritance: a directive set at an outer
level (http, server, enclosing location) applies unless the inner level sets it too;
for list-like directives (``uwsgi_param``, ``proxy_set_header``, ``add_header``...)
one occurrence at the inner level replaces the whole outer list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from ..readers.nginx import NginxFile, NginxStatement, NginxTree
from . import NginxDirective, NginxInstance, Route, ServerBlock, Setting, Span, Target
from .address import Address, parse_nginx_target

__all__ = ["nginx_instance"]

PASS_DIRECTIVES = ("uwsgi_pass", "proxy_pass", "fastcgi_pass", "grpc_pass", "scgi_pass")
_DEFAULT_PROTOCOL = {
    "uwsgi_pass": "uwsgi", "proxy_pass": "http", "fastcgi_pass": "fastcgi", "grpc_pass": "grpc",
    "scgi_pass": "scgi",
}
_SCHEME_PROTOCOL = {"http": "http", "https": "https", "uwsgi": "uwsgi", "suwsgi": "uwsgi", "grpc": "grpc",
                    "grpcs": "grpc"}
_DEFAULT_PORT = {"http": 80, "https": 443, "grpc": 80}

# Directives that apply only where they are written: handlers, addresses, and the
# rewrite module's statements, which run in order instead of being inherited.
_NOT_INHERITED = frozenset(PASS_DIRECTIVES) | {
    "listen", "server_name", "return", "rewrite", "set", "break", "alias", "internal",
}

DEFAULT_USER_NOTE = "nginx binary default; Debian's nginx.conf sets www-data"
UNKNOWN_USER_NOTE = ("unknown: this file is included by an nginx.conf that is not among the checked files, "
                     "which sets the user")


def _directive_of(stmt: NginxStatement) -> NginxDirective:
    """Spans from the directive name to the end of its last argument on that line."""
    at = stmt.at
    end = at.end_column
    for span in stmt.arg_spans:
        if span.line == at.line and span.end_column:
            end = span.end_column
    return NginxDirective(stmt.directive, tuple(stmt.args), Span(at.path, at.line, at.column, end))


def _int(stmt: NginxStatement) -> int | None:
    return int(stmt.args[0]) if stmt.args and stmt.args[0].isdigit() else None


@dataclass
class _Level:
    """What one configuration level (http, server, location, if) sets itself."""

    directives: dict[str, list[NginxDirective]] = field(default_factory=dict)

    def add(self, directive: NginxDirective) -> None:
        self.directives.setdefault(directive.name, []).append(directive)


def _effective(levels: list[_Level]) -> dict[str, list[NginxDirective]]:
    """Innermost level that sets a directive wins, whole; non-inherited ones only count innermost."""
    result: dict[str, list[NginxDirective]] = {}
    for depth, level in enumerate(levels):
        innermost = depth == len(levels) - 1
        for name, occurrences in level.directives.items():
            if innermost or name not in _NOT_INHERITED:
                result[name] = occurrences   # levels are complete and never change afterwards
    return result


class _Builder:
    def __init__(self, tree: NginxTree, standalone: bool) -> None:
        self.tree = tree
        self.instance = NginxInstance(
            main=Span(tree.root.display),
            standalone=standalone,
            user=Setting("", note=UNKNOWN_USER_NOTE) if standalone else Setting("nobody", note=DEFAULT_USER_NOTE),
            worker_connections=Setting(512, note="nginx default"),
            worker_rlimit_nofile=None,
            daemon=Setting(True, note="nginx default"),
            files=list(dict.fromkeys(f.display for f in tree.files if not f.stock)),
        )
        self.upstreams: dict[str, list[NginxStatement]] = {}
        self.directive_of: dict[NginxStatement, NginxDirective] = {}
        self.listens: set[tuple] = set()
        self.pending_routes: list[tuple[Route, NginxStatement]] = []

    # Walking ------------------------------------------------------------------

    def directive(self, stmt: NginxStatement) -> NginxDirective:
        """One NginxDirective per statement, however many levels and routes share it."""
        found = self.directive_of.get(stmt)
        if found is None:
            found = self.directive_of[stmt] = _directive_of(stmt)
        return found

    def flatten(self) -> None:
        """Every directive of the checked files in reading order; an included file once
        per context it is included in."""
        seen = {0}
        # Each frame yields statements, or the file indices of one include.
        pending: list[Iterator[NginxStatement | int]] = [iter(self.tree.root.statements)]
        while pending:
            item = next(pending[-1], None)
            if item is None:
                pending.pop()
            elif isinstance(item, int):
                if item not in seen and not self.tree.files[item].stock:
                    seen.add(item)
                    pending.append(iter(self.tree.files[item].statements))
            elif not item.is_comment:
                self.instance.directives.append(self.directive(item))
                if item.directive == "include" and item.block is None:
                    pending.append(iter(item.includes))
                elif item.block is not None:
                    pending.append(iter(item.block))

    def build(self) -> NginxInstance:
        self.flatten()
        root: NginxFile = self.tree.root
        context = root.context
        self.collect_upstreams(root.statements)
        if context == ():
            self.main(root.statements)
        elif context == ("http",):
            self.http(root.statements, [])
        elif context == ("http", "server"):
            server = ServerBlock(Span(root.display))
            self.server(root.statements, [_Level()], server)
        elif context == ("http", "location"):
            self.location(root.statements, [_Level(), _Level()], None, "", Span(root.display))
        for route, handler in self.pending_routes:
            self.resolve_targets(route, handler)
        self.instance.listen_count = len(self.listens)
        return self.instance

    def collect_upstreams(self, statements: list[NginxStatement]) -> None:
        """``upstream`` blocks anywhere in http: a route may name one defined later."""
        pending = [statements]
        while pending:
            for stmt in self.tree.expand(pending.pop()):
                if stmt.directive == "upstream" and stmt.args and stmt.block is not None:
                    self.upstreams.setdefault(stmt.args[0], [
                        s for s in self.tree.expand(stmt.block) if s.directive == "server" and s.args])
                elif stmt.directive == "http" and stmt.block is not None:
                    pending.append(stmt.block)

    def main(self, statements: list[NginxStatement]) -> None:
        for stmt in self.tree.expand(statements):
            if stmt.directive == "user" and stmt.args:
                self.instance.user = Setting(stmt.args[0], self.directive(stmt).at)
            elif stmt.directive == "worker_rlimit_nofile" and _int(stmt) is not None:
                self.instance.worker_rlimit_nofile = Setting(_int(stmt), self.directive(stmt).at)
            elif stmt.directive == "daemon" and stmt.args:
                self.instance.daemon = Setting(stmt.args[0].lower() == "on", self.directive(stmt).at)
            elif stmt.directive == "events" and stmt.block is not None:
                for inner in self.tree.expand(stmt.block):
                    if inner.directive == "worker_connections" and _int(inner) is not None:
                        self.instance.worker_connections = Setting(_int(inner), self.directive(inner).at)
            elif stmt.directive == "http" and stmt.block is not None:
                self.http(stmt.block, [])

    def http(self, statements: list[NginxStatement], outer: list[_Level]) -> None:
        level = _Level()
        servers = []
        for stmt in self.tree.expand(statements):
            if stmt.directive == "server" and stmt.block is not None:
                servers.append(stmt)
            elif stmt.block is None:
                level.add(self.directive(stmt))
        for stmt in servers:
            server = ServerBlock(self.directive(stmt).at)
            self.server(stmt.block or [], outer + [level], server)

    def server(self, statements: list[NginxStatement], outer: list[_Level], server: ServerBlock) -> None:
        level = _Level()
        locations = []
        for stmt in self.tree.expand(statements):
            if stmt.directive == "location" and stmt.block is not None:
                locations.append(stmt)
            elif stmt.block is None:
                level.add(self.directive(stmt))
                if stmt.directive == "listen":
                    server.listens.append(self.directive(stmt))
                elif stmt.directive == "server_name":
                    server.server_names.extend(stmt.args)
        for listen in server.listens:
            self.listens.add(_listen_key(listen))
        if not server.listens and self.tree.context != ("http", "server"):
            self.listens.add(("inet", "", 80))
        for stmt in locations:
            self.location(stmt.block or [], outer + [level], server, " ".join(stmt.args), self.directive(stmt).at)

    def location(self, statements: list[NginxStatement], outer: list[_Level], server: ServerBlock | None,
                 path: str, at: Span, in_if: bool = False) -> None:
        """A location and the locations and ``if`` blocks inside it, outer ones first."""
        pending = [(statements, outer, path, at, in_if)]
        while pending:
            statements, outer, path, at, in_if = pending.pop()
            level = _Level()
            nested: list[NginxStatement] = []
            handler: NginxStatement | None = None
            for stmt in self.tree.expand(statements):
                if stmt.block is not None:
                    if stmt.directive in ("location", "if"):
                        nested.append(stmt)
                    continue
                level.add(self.directive(stmt))
                if stmt.directive in PASS_DIRECTIVES:
                    handler = stmt
            levels = outer + [level]
            if handler is not None:
                route = Route(
                    handler=self.directive(handler),
                    protocol=_protocol(handler),
                    location=path,
                    location_at=at,
                    server=server,
                    in_if=in_if,
                    directives=_effective(levels),
                )
                self.instance.routes.append(route)
                self.pending_routes.append((route, handler))
            pending.extend(
                (stmt.block or [], levels, " ".join(stmt.args), self.directive(stmt).at, False)
                if stmt.directive == "location" else (stmt.block or [], levels, path, at, True)
                for stmt in reversed(nested))

    # Targets ------------------------------------------------------------------

    def resolve_targets(self, route: Route, handler: NginxStatement) -> None:
        """An upstream block gives one target per ``server``; a name without a block and
        without a port is a host name for proxy_pass and grpc_pass, unknown otherwise."""
        if not handler.args:
            return
        value = handler.args[0]
        if "$" in value:
            return
        scheme, _, rest = value.partition("://") if "://" in value else ("", "", value)
        host = rest.split("/", 1)[0] if not rest.startswith("unix:") else ""
        if host and ":" not in host and not host.startswith("["):
            if host in self.upstreams:
                route.upstream = host
                for server in self.upstreams[host]:
                    address = parse_nginx_target(server.args[0], 80)
                    if address is not None:
                        route.targets.append(Target(address, server.arg_spans[0]))
                return
            route.upstream = host
            if handler.directive not in ("proxy_pass", "grpc_pass"):
                return
        default_port = _DEFAULT_PORT.get(scheme.lower(), 0) if scheme else 0
        address = parse_nginx_target(value, default_port)
        if address is not None:
            route.targets.append(Target(address, handler.arg_spans[0]))


def _protocol(handler: NginxStatement) -> str:
    value = handler.args[0] if handler.args else ""
    match = re.match(r"^([a-z]+)://", value, re.I)
    if match and match.group(1).lower() in _SCHEME_PROTOCOL:
        return _SCHEME_PROTOCOL[match.group(1).lower()]
    return _DEFAULT_PROTOCOL[handler.directive]


def _listen_key(listen: NginxDirective) -> tuple:
    """One key per listening socket: ``80``, ``*:80`` and ``0.0.0.0:80`` are the same one."""
    value = listen.args[0] if listen.args else "80"
    if value.isdigit():
        return ("inet", "", int(value))
    if value.startswith("unix:"):
        return ("unix", value[5:])
    address: Address | None = parse_nginx_target(value, 80)
    if address is None:
        return ("text", value)
    ipv6 = value.startswith("[")
    return ("inet6" if ipv6 else "inet", address.host, address.port)


def nginx_instance(tree: NginxTree, standalone: bool | None = None) -> NginxInstance:
    """The model of one nginx tree; ``standalone`` (a fragment no checked nginx.conf
    includes) defaults to how the tree was read."""
    return _Builder(tree, tree.standalone if standalone is None else standalone).build()
