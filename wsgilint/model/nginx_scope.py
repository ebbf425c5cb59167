"""The scopes of an nginx configuration: http -> server -> location (and ``if`` inside a
location), each with what it sets itself and the values in effect there.

nginx's inheritance: a directive set at an outer level applies unless the inner level
sets it too; for list-like directives (``uwsgi_param``, ``proxy_set_header``...) one
occurrence at the inner level replaces the whole outer list; handlers, addresses and the
rewrite module's statements apply only where they are written. A scope keeps only its
own directives and a link to the scope around it, and what is in effect is looked up
outward when asked: a location 1 000 levels deep costs 1 000 links, not a copy of every
enclosing level. Includes are expanded where they stand, as nginx reads them.

The builder (``model/nginx.py``) fills the lists and dicts of a scope while it reads the
tree in one walk; nothing changes them afterwards.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator, Sequence

from ..core.span import Span

if TYPE_CHECKING:
    from . import NginxDirective

__all__ = [
    "NOT_INHERITED", "PASS_DIRECTIVES", "NginxHttp", "NginxLocation", "NginxScope", "NginxServer",
    "NginxUpstream", "known_directives",
]

PASS_DIRECTIVES = ("uwsgi_pass", "proxy_pass", "fastcgi_pass", "grpc_pass", "scgi_pass")

# Directives that apply only where they are written: handlers, addresses, and the
# rewrite module's statements, which run in order instead of being inherited.
NOT_INHERITED = frozenset(PASS_DIRECTIVES) | {
    "listen", "server_name", "return", "rewrite", "set", "break", "alias", "internal",
}


@cache
def known_directives() -> frozenset[str]:
    """Directive names nginx or a common module accepts: crossplane's table plus
    ``readers/nginx_extra_directives.json`` (newer nginx, NGINX Plus, third-party modules)."""
    from crossplane.analyzer import DIRECTIVES

    text = resources.files("wsgilint.readers").joinpath("nginx_extra_directives.json").read_text("utf-8")
    return frozenset(DIRECTIVES) | frozenset(json.loads(text)["directives"])


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class NginxScope:
    """One configuration level. ``block`` is the directive that opens it; None for the
    level a fragment's own lines stand in (its file is ``at``) and the levels around it."""

    at: Span
    block: NginxDirective | None
    parent: NginxScope | None
    own: dict[str, list[NginxDirective]] = field(default_factory=dict)   # simple directives written here

    def effective(self, name: str) -> Sequence[NginxDirective]:
        """The occurrences of ``name`` in effect here: this level's, or those of the
        innermost enclosing level that sets it (only this level's for NOT_INHERITED)."""
        if name in NOT_INHERITED:
            return self.own.get(name, ())
        scope: NginxScope | None = self
        while scope is not None:
            found = scope.own.get(name)
            if found:
                return found
            scope = scope.parent
        return ()

    def in_effect(self) -> dict[str, list[NginxDirective]]:
        """Every directive in effect here, by name (what a Route keeps)."""
        outer: list[NginxScope] = []
        scope = self.parent
        while scope is not None:
            outer.append(scope)
            scope = scope.parent
        result: dict[str, list[NginxDirective]] = {}
        for level in reversed(outer):
            for name, occurrences in level.own.items():
                if name not in NOT_INHERITED:
                    result[name] = occurrences
        result.update(self.own)
        return result


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class NginxLocation(NginxScope):
    """A ``location`` block, an ``if`` block inside one, or a fragment read in the
    location context (``block`` None)."""

    locations: list[NginxLocation] = field(default_factory=list)   # nested location and if blocks, in order
    handlers: list[NginxDirective] = field(default_factory=list)    # the *_pass lines here; nginx uses the last

    @property
    def is_if(self) -> bool:
        return self.block is not None and self.block.name == "if"

    @property
    def path(self) -> str:
        return self.block.args[-1] if self.block is not None and self.block.args else ""

    @property
    def modifier(self) -> str:
        """``=``, ``~``, ``~*``, ``^~`` or "" (a plain prefix)."""
        if self.block is None or len(self.block.args) < 2:
            return ""
        return self.block.args[0]

    @property
    def is_prefix(self) -> bool:
        return self.block is not None and not self.is_if and self.modifier in ("", "^~") \
            and not self.path.startswith("@")

    @property
    def alias(self) -> NginxDirective | None:
        found = self.own.get("alias")
        return found[0] if found else None

    @property
    def hands_off(self) -> bool:
        """Requests that end here are passed to an upstream or answered with ``return``/``deny all``
        instead of being served from disk (``try_files`` serves from disk first)."""
        if "try_files" in self.own:
            return False
        if self.handlers or "return" in self.own:
            return True
        return any(d.args == ("all",) for d in self.own.get("deny", ()))


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class NginxServer(NginxScope):
    """A ``server`` block of http, or the server level of a fragment (``block`` None)."""

    listens: list[NginxDirective] = field(default_factory=list)
    server_names: list[str] = field(default_factory=list)
    locations: list[NginxLocation] = field(default_factory=list)   # the locations written at the server level

    def all_locations(self) -> Iterator[NginxLocation]:
        """Every ``location`` of the server, nested ones after their parent; ``if`` blocks
        and what is inside them are left out."""
        pending = list(reversed(self.locations))
        while pending:
            location = pending.pop()
            if location.is_if:
                continue
            yield location
            pending.extend(reversed(location.locations))


@dataclass(frozen=True, slots=True, eq=False, kw_only=True)
class NginxHttp(NginxScope):
    """An ``http`` block, or the http level around a fragment (``block`` None)."""

    servers: list[NginxServer] = field(default_factory=list)


@dataclass(frozen=True, slots=True, eq=False)
class NginxUpstream:
    name: str
    block: NginxDirective
    servers: list[NginxDirective] = field(default_factory=list)   # its ``server`` lines
