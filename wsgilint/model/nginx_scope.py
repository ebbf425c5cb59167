"""The scopes of an nginx configuration: http -> server -> location (and ``if`` inside a
location), each with what it sets itself and the values in effect there.

nginx's inheritance: a directive set at an outer level applies unless the inner level
sets it too; for list-like directives (``uwsgi_param``, ``proxy_set_header``...) one
occurrence at the inner level replaces the whole outer list; handlers, addresses and the
rewrite module's statements apply only where they are written. A scope keeps only its
own directives and a link to the scope around it, and what is in effect is looked up
outward when asked: a location 1 000 levels deep costs 1 000 links, not a copy of every
enclosing level. Includes are expanded where they stand, as nginx reads them.

The builder (``model/nginx.py``) creates each scope when its block opens and fills it
while it reads the tree in one walk; nothing changes a scope afterwards. Scopes are not
frozen because a scope links to the one around it and is filled after it exists; a
scope without nested blocks holds no list for them (a fleet has thousands of those).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..core.numbers import decimal
from ..core.record import dataclass, field
from ..core.span import Setting, Span
from ..readers._nginx_directive_table import DIRECTIVES, EXTRA_DIRECTIVES
from ..readers.nginx import listen_address_error
from .address import parse_nginx_target

if TYPE_CHECKING:
    from . import NginxDirective

__all__ = [
    "NOT_INHERITED", "PASS_DIRECTIVES", "NginxHttp", "NginxLocation", "NginxScope", "NginxServer",
    "NginxUpstream", "known_directives", "listening_sockets", "pass_flag_default", "refused_listen",
]

PASS_DIRECTIVES = ("uwsgi_pass", "proxy_pass", "fastcgi_pass", "grpc_pass", "scgi_pass")

# Directives that apply only where they are written: handlers, addresses, the rewrite
# module's statements, which run in order instead of being inherited, and `try_files`
# (measured with nginx 1.22: a server's `try_files $uri @x;` does not apply in its locations).
NOT_INHERITED = frozenset(PASS_DIRECTIVES) | {
    "listen", "server_name", "return", "rewrite", "set", "break", "alias", "internal", "try_files",
}


@cache
def known_directives() -> frozenset[str]:
    """Directive names nginx or a common module accepts: crossplane's table plus
    ``readers/nginx_extra_directives.json`` (newer nginx, NGINX Plus, third-party modules),
    both written out in ``readers/_nginx_directive_table``."""
    return frozenset(DIRECTIVES) | EXTRA_DIRECTIVES


def takes_arguments(name: str, count: int) -> bool | None:
    """Whether nginx lets directive ``name`` take ``count`` arguments, by crossplane's table
    of nginx's argument masks; None for a name that table does not hold (newer nginx, a
    third-party module)."""
    masks = DIRECTIVES.get(name)
    return None if masks is None else any(_fits(mask, count) for mask in masks)


# nginx's argument flags (ngx_conf_file.h): NGX_CONF_NOARGS, TAKE1..TAKE7 are one bit each.
_NOARGS, _FLAG, _ANY, _1MORE, _2MORE = 0x1, 0x200, 0x400, 0x800, 0x1000

# The on/off directives of the proxy, uwsgi, FastCGI, SCGI and gRPC modules that are on unless
# set (nginx's documentation, "Default:"); every other one of them is off.
_FLAGS_ON = frozenset({"buffering", "request_buffering", "pass_request_body", "pass_request_headers",
                       "ssl_session_reuse", "cache_convert_head"})
_PASS_MODULES = ("proxy_", "uwsgi_", "fastcgi_", "scgi_", "grpc_")


def pass_flag_default(name: str) -> str | None:
    """The value (`on`/`off`) an on/off directive of a pass module has where it is not set;
    None for any other directive."""
    family = next((prefix for prefix in _PASS_MODULES if name.startswith(prefix)), None)
    if family is None or not any(mask & _FLAG for mask in DIRECTIVES.get(name, ())):
        return None
    return "on" if name[len(family):] in _FLAGS_ON else "off"


def _fits(mask: int, count: int) -> bool:
    if mask & _ANY or (mask & _1MORE and count >= 1) or (mask & _2MORE and count >= 2):
        return True
    if mask & _FLAG and count == 1:
        return True
    if count == 0:
        return bool(mask & _NOARGS)
    return count <= 7 and bool(mask & (0x2 << (count - 1)))


@dataclass(slots=True, eq=False, kw_only=True)
class NginxScope:
    """One configuration level. ``block`` is the directive that opens it; None for the
    level a fragment's own lines stand in (its file is ``at``) and the levels around it."""

    at: Span
    block: NginxDirective | None
    parent: NginxScope | None
    own: dict[str, tuple[NginxDirective, ...]] = field(default_factory=dict)   # simple directives written here

    def effective(self, name: str) -> tuple[NginxDirective, ...]:
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

    def in_effect(self) -> dict[str, tuple[NginxDirective, ...]]:
        """Every directive in effect here, by name (what a Route keeps)."""
        outer: list[NginxScope] = []
        scope = self.parent
        while scope is not None:
            outer.append(scope)
            scope = scope.parent
        result: dict[str, tuple[NginxDirective, ...]] = {}
        for level in reversed(outer):
            for name, occurrences in level.own.items():
                if name not in NOT_INHERITED:
                    result[name] = occurrences
        result.update(self.own)
        return result


# nginx also reads a modifier written against the path (`location ~\.php$`, `location =/x`,
# `location ^~/media/`): ngx_http_core_location takes a lone argument's leading `=`, `~`, `~*`
# or `^~` as the modifier (measured with nginx 1.22).
_GLUED_MODIFIERS = ("^~", "~*", "~", "=")


def _modifier_and_path(args: Sequence[str]) -> tuple[str, str]:
    if len(args) >= 2:
        return args[0], args[-1]
    written = args[0]
    if written[:1] not in ("=", "~", "^"):
        return "", written   # nearly every location: `/static/`, `@app`
    for modifier in _GLUED_MODIFIERS:
        if written.startswith(modifier) and len(written) > len(modifier):
            return modifier, written[len(modifier):]
    return "", written


# What only a regular expression writes: a request's path starts with `/` and holds these
# characters only where a client sends them on purpose (percent-encoded; nginx decodes them).
_REGEX_MARKERS = ("(?", "\\d", "\\w", "\\s", "\\.", "\\/", ".*", ".+", "[0-9]", "[a-z]", "[^")


def regex_syntax(path: str) -> str:
    """The regular-expression syntax in a location path written without `~`, or ""."""
    if path.startswith("^"):
        return "^"
    marker = next((each for each in _REGEX_MARKERS if each in path), "")
    if marker:
        return marker
    if path.endswith("$") and len(path) > 1:
        return "$"
    if "|" in path and "(" in path:
        return "|"
    return ""


@dataclass(slots=True, eq=False, kw_only=True)
class NginxLocation(NginxScope):
    """A ``location`` block, an ``if`` block inside one, or a fragment read in the
    location context (``block`` None)."""

    locations: Sequence[NginxLocation] = ()     # nested location and if blocks, in order
    handler: NginxDirective | None = None       # the *_pass nginx uses here: the last one written

    @property
    def is_if(self) -> bool:
        return self.block is not None and self.block.name == "if"

    @property
    def equality_test(self) -> tuple[str, str] | None:
        """The variable and the value an ``if ($geo = 1)`` compares it with; None for any other
        condition (a regex, a file test, a variable alone, ``!=``)."""
        if not self.is_if or self.block is None or len(self.block.args) != 3 or self.block.args[1] != "=":
            return None
        variable, _, value = self.block.args
        return (variable, value) if variable.startswith("$") else None

    @property
    def path(self) -> str:
        return _modifier_and_path(self.block.args)[1] if self.block is not None and self.block.args else ""

    @property
    def modifier(self) -> str:
        """``=``, ``~``, ``~*``, ``^~`` or "" (a plain prefix)."""
        return _modifier_and_path(self.block.args)[0] if self.block is not None and self.block.args else ""

    @property
    def written(self) -> str:
        """What follows ``location``, the modifier apart from the path (``~ \\.css$``)."""
        return f"{self.modifier} {self.path}" if self.modifier else self.path

    @property
    def is_prefix(self) -> bool:
        return self.block is not None and not self.is_if and self.modifier in ("", "^~") \
            and not self.path.startswith("@")

    def _compared_path(self) -> str | None:
        """The path of a prefix or exact location, which nginx compares as text; None for a
        regex, an ``if`` or a fragment."""
        if self.block is None or self.is_if or not self.block.args:
            return None
        modifier, path = _modifier_and_path(self.block.args)
        return path if modifier in ("", "^~", "=") else None

    @property
    def regex_syntax(self) -> str:
        """The regular-expression syntax a prefix or exact location's path holds (`(?<id>`,
        `\\d`, a leading `^`), which nginx compares as the literal text it is: "" where none."""
        path = self._compared_path()
        return regex_syntax(path) if path is not None else ""

    @property
    def without_slash(self) -> bool:
        """A prefix or exact location whose path does not start with `/` (`location static`),
        which nginx takes without a word and never picks: every request's path starts with `/`
        (one that does not is answered 400). Regular-expression syntax is `regex_syntax`'s case."""
        path = self._compared_path()
        return path is not None and path != "" and not path.startswith(("/", "@")) and not regex_syntax(path)

    @property
    def placeholder_start(self) -> str:
        """The blank in angle brackets a prefix or exact location's path starts with
        (`<webroot>static`), which a start script fills in (`sed -i 's|<webroot>|/app/|'`)
        before nginx reads the file; "" where it starts otherwise. (`${VAR}` and `{{ var }}`
        make the whole file a template, which is not checked.)"""
        path = self._compared_path()
        end = path.find(">", 2) if path and path.startswith("<") else -1
        return path[:end + 1] if path and end > 1 else ""

    @property
    def never_matches(self) -> bool:
        """No request's path can select this location (N118, N119)."""
        path = self._compared_path()
        return path is not None and path != "" and (not path.startswith(("/", "@")) or bool(regex_syntax(path)))

    @property
    def alias(self) -> NginxDirective | None:
        """The ``alias`` nginx reads: one argument (``alias / opt/x;``, a stray space, makes nginx
        refuse the configuration, which E002 reports, not a folder it serves)."""
        found = self.own.get("alias")
        return found[0] if found and len(found[0].args) == 1 else None

    @property
    def always_returns(self) -> bool:
        """A ``return`` written at this location's level ends every request here in the rewrite
        phase, before any ``*_pass`` runs (also after a matching ``if``), unless a ``break`` or a
        ``rewrite ... break`` here or in one of its ``if`` blocks stops the rewrite directives first."""
        if self.is_if or "return" not in self.own:
            return False
        scopes = [self, *(inner for inner in self.locations if inner.is_if)]
        return not any(
            "break" in scope.own or any(rewrite.args[-1:] == ("break",) for rewrite in scope.own.get("rewrite", ()))
            for scope in scopes)

    @property
    def hands_off(self) -> bool:
        """Requests that end here are passed to an upstream or answered with ``return``/``deny all``
        instead of being served from disk (``try_files`` serves from disk first)."""
        if "try_files" in self.own:
            return False
        if self.handler is not None or "return" in self.own:
            return True
        return any(d.args == ("all",) for d in self.own.get("deny", ()))


@dataclass(slots=True, eq=False, kw_only=True)
class NginxServer(NginxScope):
    """A ``server`` block of http, or the server level of a fragment (``block`` None)."""

    locations: Sequence[NginxLocation] = ()     # the locations written at the server level
    # nginx never picks this block for a request (``passed_over_servers``): the first address
    # and name it loses, as `"example.com" on 0.0.0.0:80`, at the block that comes first for it.
    passed_over: Setting[str] | None = None

    @property
    def listens(self) -> tuple[NginxDirective, ...]:
        """The ``listen`` lines nginx accepts. One it refuses (``listen :443 ssl;``, reported
        by the reader in nginx's words) stops nginx from starting: what a rule would build
        on it (TLS served, a port) is not there."""
        written = self.own.get("listen", ())
        return tuple(listen for listen in written if not refused_listen(listen))

    @property
    def listen_ports(self) -> frozenset[int]:
        """The TCP ports this server answers on (80 where it has no ``listen``, as nginx run as root
        does); its unix sockets are not among them."""
        if self.block is not None and "listen" not in self.own:
            return frozenset((80,))
        ports = set()
        for listen in self.listens:
            value = listen.args[0] if listen.args else "80"
            port = decimal(value)
            if port is None:
                address = None if value.startswith("unix:") else parse_nginx_target(value, 80)
                port = address.port if address is not None else None
            if port:
                ports.add(port)
        return frozenset(ports)

    @property
    def server_names(self) -> list[str]:
        return [name for directive in self.own.get("server_name", ()) for name in directive.args]

    def enters(self, named: str) -> bool:
        """Whether a directive in effect in this server names the location ``named`` (``@app``):
        ``try_files``, ``error_page``, ``post_action``... in any of its locations and ``if``
        blocks, or written around it. Nothing else of nginx enters a named location but an
        upstream's ``X-Accel-Redirect``."""
        if any(named in directive.args for occurrences in self.in_effect().values() for directive in occurrences):
            return True
        pending: list[NginxLocation] = list(self.locations)
        while pending:
            location = pending.pop()
            if any(named in directive.args for occurrences in location.own.values() for directive in occurrences):
                return True
            pending.extend(location.locations)
        return False

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


@dataclass(slots=True, eq=False, kw_only=True)
class NginxHttp(NginxScope):
    """An ``http`` block, or the http level around a fragment (``block`` None)."""

    servers: list[NginxServer] = field(default_factory=list)


@dataclass(frozen=True, slots=True, eq=False)
class NginxUpstream:
    name: str
    block: NginxDirective
    servers: list[NginxDirective] = field(default_factory=list)   # its ``server`` lines


# listen parameters that make nginx bind() the address on its own instead of folding it
# into a wildcard listen on the same port (ngx_http_core_listen, nginx 1.22).
_OWN_BIND = ("bind", "setfib=", "fastopen=", "backlog=", "rcvbuf=", "sndbuf=", "accept_filter=", "deferred",
             "ipv6only=", "reuseport", "multipath", "so_keepalive=")


def _listen_socket(listen: NginxDirective) -> tuple[tuple[str, ...], bool]:
    """(socket key, binds on its own) for one ``listen``; wildcard keys have host "*"."""
    value = listen.args[0] if listen.args else "80"
    params = listen.args[1:]
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


def listening_sockets(listens: Sequence[NginxDirective], servers: Sequence[NginxServer]
                      ) -> dict[tuple[str, ...], NginxDirective | None]:
    """The sockets nginx opens for the ``listen`` lines of every server block (http,
    stream, mail), with the first line asking for each (None: the ``*:80`` of an http
    server without ``listen``). As nginx does, ``listen 127.0.0.1:80`` shares the socket
    of ``listen 80`` unless it binds on its own (``bind``, ``backlog=``, ``reuseport``...)."""
    wanted: dict[tuple[str, ...], tuple[NginxDirective | None, bool]] = {}
    for listen in listens:
        key, binds = _listen_socket(listen)
        first, binds_before = wanted.get(key, (listen, False))
        wanted[key] = (first, binds_before or binds)
    for server in servers:
        if server.block is not None and "listen" not in server.own:
            wanted.setdefault(("tcp", "ipv4", "*", "80"), (None, False))
    return {key: directive for key, (directive, binds) in wanted.items()
            if not (len(key) == 4 and key[2] != "*" and not binds and (key[0], key[1], "*", key[3]) in wanted)}


def passed_over_servers(servers: Sequence[NginxServer], unshown: Sequence[NginxServer] = ()) -> None:
    """Mark the http server blocks nginx never picks for a request (``passed_over``): on every
    address it listens on, the block is not the default server (the first one there, unless
    another says ``default_server``) and each of its names belongs to a block written before it
    on that address. nginx logs `conflicting server name "x" on 0.0.0.0:80, ignored` and routes
    the name to the first block (ngx_http_server_names; an address of its own, like
    ``127.0.0.1:80`` beside ``80``, is another address, and a server without ``server_name`` has
    the name ""). A block with a regular expression or a variable among its names, or with an
    include the files do not show (``unshown``), is not judged: what it answers is not known."""
    skipped = {id(server) for server in unshown}
    # A block without `listen` is on *:80 where nginx runs as root and on *:8000 where it does
    # not (ngx_http_core_server): which one is not known here, so it is left out, as a block
    # that may be passed over and as one that may come first.
    blocks = [(server, _addresses(server), _plain_names(server)) for server in servers
              if server.block is not None and "listen" in server.own]
    defaults: dict[tuple[str, ...], NginxServer] = {}
    for server, _, _ in blocks:
        for listen in server.listens:
            if "default_server" in listen.args[1:] or "default" in listen.args[1:]:
                defaults.setdefault(_listen_socket(listen)[0], server)
    owners: dict[tuple[str, ...], dict[str, NginxServer]] = {}
    for server, keys, names in blocks:
        for key in keys:
            defaults.setdefault(key, server)
            for name in names or ():
                owners.setdefault(key, {}).setdefault(name, server)
    for server, keys, names in blocks:
        if names is None or not keys or id(server) in skipped:
            continue
        lost: list[tuple[tuple[str, ...], str, NginxServer]] = []
        for key in keys:
            first = owners.get(key, {})
            taken = [(name, first[name]) for name in names if first.get(name) is not server]
            if defaults.get(key) is server or len(taken) < len(names):
                break
            lost.append((key, *taken[0]))
        else:
            key, name, winner = lost[0]
            names_at = winner.own.get("server_name")
            server.passed_over = Setting(f'"{name}" on {_address_label(key)}',
                                         names_at[0].at if names_at else winner.at)


def _addresses(server: NginxServer) -> list[tuple[str, ...]]:
    """The addresses an http server block's ``listen`` lines ask for, as nginx tells them apart."""
    return list(dict.fromkeys(_listen_socket(listen)[0] for listen in server.listens))


def _plain_names(server: NginxServer) -> list[str] | None:
    """The names a server block answers to, lowercased as nginx keeps them (``.example.com``
    is the name and its wildcard); None when one is a regular expression or a variable, or
    when a `server_name` names nothing."""
    written = server.own.get("server_name")
    if not written:
        return [""]
    if any(not directive.args for directive in written):
        return None   # `server_name ;`, which nginx refuses (E002): what it was meant to name is not known
    names: list[str] = []
    for name in (arg.lower() for directive in written for arg in directive.args):
        if name.startswith("~") or "$" in name:
            return None
        names += [name[1:], "*" + name] if name.startswith(".") else [name]
    return names


def _address_label(key: tuple[str, ...]) -> str:
    if key[0] == "unix":
        return f"unix:{key[1]}"
    host = key[2] if key[2] != "*" else ("[::]" if key[1] == "ipv6" else "0.0.0.0")
    return f"[{host}]:{key[3]}" if key[1] == "ipv6" and host != "[::]" else f"{host}:{key[3]}"


def refused_listen(listen: NginxDirective) -> bool:
    """A ``listen`` whose address nginx refuses (``:80``, a port out of range) opens no
    socket; read as written it would be a wildcard one."""
    return bool(listen.args) and listen_address_error(listen.args[0]) is not None
