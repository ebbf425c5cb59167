"""Walking an nginx tree block by block, for rules about what the route model does not
keep: static locations (``root``/``alias``), every server block, every directive name.

Includes are expanded where they stand, as nginx reads them. Each yielded statement
comes with the chain of block statements around it (outermost first), so a rule can
tell a ``location`` inside ``server`` inside ``http`` from one in a fragment.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Iterator

from ..readers.nginx import STOCK_PREFIX, NginxStatement, NginxTree
from .nginx import PASS_DIRECTIVES

__all__ = ["LocationScope", "ServerScope", "is_stock", "known_directives", "listening_sockets", "servers", "walk"]


@cache
def known_directives() -> frozenset[str]:
    """Directive names nginx or a common module accepts: crossplane's table plus
    ``readers/nginx_extra_directives.json`` (newer nginx, NGINX Plus, third-party modules)."""
    from crossplane.analyzer import DIRECTIVES

    text = resources.files("wsgilint.readers").joinpath("nginx_extra_directives.json").read_text("utf-8")
    return frozenset(DIRECTIVES) | frozenset(json.loads(text)["directives"])


def is_stock(stmt: NginxStatement) -> bool:
    """A statement of the packaged copy of ``uwsgi_params``, ``mime.types``...: not the user's text."""
    return stmt.at.path.startswith(STOCK_PREFIX)


def walk(tree: NginxTree) -> Iterator[tuple[NginxStatement, tuple[NginxStatement, ...]]]:
    """Every directive with its enclosing blocks, includes expanded (the ``include``
    statement itself is yielded too). A file included twice is walked twice, once
    per place, as nginx reads it."""
    pending: list[tuple[list[NginxStatement], tuple[NginxStatement, ...]]] = [(tree.root.statements, ())]
    while pending:
        statements, chain = pending.pop()
        nested = []
        for stmt in tree.expand(statements, keep_includes=True):
            yield stmt, chain
            if stmt.block is not None:
                nested.append((stmt.block, chain + (stmt,)))
        pending.extend(reversed(nested))


@dataclass(eq=False)
class LocationScope:
    """One ``location`` (or the server level itself, ``location`` None): what it sets itself."""

    location: NginxStatement | None
    own: dict[str, list[NginxStatement]] = field(default_factory=dict)
    parents: list["LocationScope"] = field(default_factory=list)   # enclosing levels, outermost first

    @property
    def path(self) -> str:
        return self.location.args[-1] if self.location is not None and self.location.args else ""

    @property
    def modifier(self) -> str:
        """``=``, ``~``, ``~*``, ``^~`` or "" (a plain prefix)."""
        if self.location is None or len(self.location.args) < 2:
            return ""
        return self.location.args[0]

    @property
    def is_prefix(self) -> bool:
        return self.location is not None and self.modifier in ("", "^~") and not self.path.startswith("@")

    def first(self, name: str) -> NginxStatement | None:
        found = self.own.get(name)
        return found[0] if found else None

    def inherited(self, *names: str) -> NginxStatement | None:
        """The innermost of ``names`` set here or at an enclosing level (root/alias lookup)."""
        for level in [self, *reversed(self.parents)]:
            for name in names:
                if level.own.get(name):
                    return level.own[name][0]
        return None

    @property
    def hands_off(self) -> bool:
        """Requests that end here are passed to an upstream or answered with ``return``/``deny all``
        instead of being served from disk (``try_files`` serves from disk first)."""
        if "try_files" in self.own:
            return False
        if any(name in self.own for name in PASS_DIRECTIVES) or "return" in self.own:
            return True
        return any(d.args == ["all"] for d in self.own.get("deny", ()))


@dataclass(eq=False)
class ServerScope:
    server: NginxStatement | None          # None: a fragment read in the server context
    http: LocationScope                    # the http level (empty for fragments)
    level: LocationScope                   # the server level
    locations: list[LocationScope] = field(default_factory=list)


def _own(tree: NginxTree, statements: list[NginxStatement]) -> tuple[dict[str, list[NginxStatement]], list[NginxStatement]]:
    own: dict[str, list[NginxStatement]] = {}
    blocks = []
    for stmt in tree.expand(statements, keep_includes=True):
        if stmt.block is None:
            own.setdefault(stmt.directive, []).append(stmt)
        else:
            blocks.append(stmt)
    return own, blocks


def _locations(tree: NginxTree, blocks: list[NginxStatement], parents: list[LocationScope]) -> list[LocationScope]:
    """The ``location`` blocks among ``blocks`` and inside them, each before its own."""
    found = []
    pending = [(stmt, parents) for stmt in reversed(blocks)]
    while pending:
        stmt, enclosing = pending.pop()
        if stmt.directive != "location" or stmt.block is None:
            continue
        own, inner = _own(tree, stmt.block)
        scope = LocationScope(stmt, own, enclosing)
        found.append(scope)
        pending.extend((child, enclosing + [scope]) for child in reversed(inner))
    return found


def servers(tree: NginxTree) -> Iterator[ServerScope]:
    """Every http ``server`` block of a tree with its locations (nested ones included).
    A fragment read in the server context is one server; in the location context, one
    location inside an unknown server."""
    context = tree.context
    if context == ("http", "server"):
        own, blocks = _own(tree, tree.root.statements)
        http = LocationScope(None)
        level = LocationScope(None, own, [http])
        yield ServerScope(None, http, level, list(_locations(tree, blocks, [http, level])))
        return
    if context == ("http", "location"):
        http, level = LocationScope(None), LocationScope(None)
        own, blocks = _own(tree, tree.root.statements)
        fragment = LocationScope(None, own, [http, level])
        yield ServerScope(None, http, level, [fragment, *_locations(tree, blocks, [http, level, fragment])])
        return
    http_blocks: list[list[NginxStatement]] = []
    if context == ("http",):
        http_blocks.append(tree.root.statements)
    else:
        http_blocks.extend(s.block for s in tree.expand(tree.root.statements, keep_includes=True)
                           if s.directive == "http" and s.block is not None)
    for statements in http_blocks:
        http_own, http_inner = _own(tree, statements)
        http = LocationScope(None, http_own)
        for stmt in http_inner:
            if stmt.directive != "server" or stmt.block is None:
                continue
            own, blocks = _own(tree, stmt.block)
            level = LocationScope(None, own, [http])
            yield ServerScope(stmt, http, level, list(_locations(tree, blocks, [http, level])))


# listen parameters that make nginx bind() the address on its own instead of folding it
# into a wildcard listen on the same port (ngx_http_core_listen, nginx 1.22).
_OWN_BIND = ("bind", "setfib=", "fastopen=", "backlog=", "rcvbuf=", "sndbuf=", "accept_filter=", "deferred",
             "ipv6only=", "reuseport", "multipath", "so_keepalive=")


def _listen_socket(stmt: NginxStatement) -> tuple[tuple, bool]:
    """(socket key, binds on its own) for one ``listen``; wildcard keys have host "*"."""
    value = stmt.args[0] if stmt.args else "80"
    params = stmt.args[1:]
    transport = "udp" if "quic" in params else "tcp"
    own = any(p == flag or (flag.endswith("=") and p.startswith(flag)) for p in params for flag in _OWN_BIND)
    if value.startswith("unix:"):
        return ("unix", value[5:]), True
    if value.isdigit():
        return (transport, "ipv4", "*", value), own
    if value.startswith("["):
        host, _, port = value[1:].partition("]")
        port = port.lstrip(":") or "80"
        return (transport, "ipv6", "*" if host == "::" else host, port), own
    host, sep, port = value.rpartition(":")
    if not sep:
        host, port = (value, "80") if not value.isdigit() else ("*", value)
    return (transport, "ipv4", "*" if host in ("*", "0.0.0.0", "") else host.lower(), port), own


def listening_sockets(tree: NginxTree) -> dict[tuple, NginxStatement | None]:
    """The sockets nginx opens for the ``listen`` lines of a tree, with the first line
    asking for each (None: the ``*:80`` of a server without ``listen``). As nginx does,
    ``listen 127.0.0.1:80`` shares the socket of ``listen 80`` unless it binds on its
    own (``bind``, ``backlog=``, ``reuseport``...)."""
    wanted: dict[tuple, tuple[NginxStatement | None, bool]] = {}
    for stmt, chain in walk(tree):
        if stmt.directive == "listen" and stmt.block is None and chain and chain[-1].directive == "server":
            key, own = _listen_socket(stmt)
            first, own_before = wanted.get(key, (stmt, False))
            wanted[key] = (first, own_before or own)
    for server in servers(tree):
        if server.server is not None and "listen" not in server.level.own:
            wanted.setdefault(("tcp", "ipv4", "*", "80"), (None, False))
    sockets: dict[tuple, NginxStatement | None] = {}
    for key, (stmt, own) in wanted.items():
        if len(key) == 4 and key[2] != "*" and not own and (key[0], key[1], "*", key[3]) in wanted:
            continue
        sockets[key] = stmt
    return sockets


def prefix_aliases(deployment) -> Iterator[tuple[LocationScope, NginxStatement]]:
    """Every prefix location of every nginx tree with the ``alias`` it serves from."""
    for tree in deployment.readings.get("nginx", []):
        for server in servers(tree):
            for scope in server.locations:
                alias = scope.first("alias")
                if alias is not None and alias.args and scope.is_prefix:
                    yield scope, alias
