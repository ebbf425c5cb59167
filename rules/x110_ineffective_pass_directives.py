"""`proxy_*` directives where requests go through `uwsgi_pass`, or the reverse.

## What it checks
A `proxy_*` directive that is in effect only in locations handled by `uwsgi_pass`
(or `fastcgi_pass`...), and `uwsgi_*` directives in effect only where `proxy_pass`
handles requests. Each module reads only its own directives. One finding per block
(server, location): the other ineffective directives of the block are related places.

A directive that is ineffective but changes nothing the author meant is left out:
`proxy_redirect off` (the uwsgi, FastCGI, SCGI and gRPC modules never rewrite a
`Location` header, so the location already does what the line asks), an on/off directive
written with the value its handler's counterpart has unless set (`proxy_intercept_errors off`
under `uwsgi_pass`: `uwsgi_intercept_errors` is off), `proxy_cache off` (no module caches
unless its `*_cache` names a zone), a directive whose
counterpart of the handler's module is in effect in that location (`proxy_read_timeout`
beside `uwsgi_read_timeout`), and a connect timeout where every target is a unix socket
(a connect there succeeds or fails at once). When a block holds only such lines there is
no finding: they are dead lines, and deleting them is tidying, not a fix.

The same holds for a `proxy_set_header` line under `uwsgi_pass` whose purpose reaches the app
anyway: `Host $host` or `X-Forwarded-Host $host` (also `$http_host`, `$server_name` or
`$host:$server_port`: uWSGI passes every request header, Host as HTTP_HOST with the port the
client gave, and nginx does not rewrite it as it does for `proxy_pass`), `X-Forwarded-Prefix /`
(the root, where an app takes itself to be mounted anyway), `X-Real-IP` or
`X-Forwarded-For` from `$remote_addr` where uwsgi_params sends `REMOTE_ADDR $remote_addr`, and
`X-Forwarded-Proto $scheme` where it sends `HTTPS $https` (uWSGI's `wsgi.url_scheme`). That
assumes nginx faces the clients (or restores their address with the realip module). Another
header (`X-Script-Name`) is lost, and is sent as `uwsgi_param HTTP_X_SCRIPT_NAME ...;`:
`uwsgi_param X-Script-Name` would be a CGI variable of that name, which no app reads as a
header (N112). A header only responses carry (`Access-Control-Allow-Origin`,
`Strict-Transport-Security`) that `add_header` also sends in that location loses nothing
either: no request header line ever sent it to clients.

A WebSocket's lines under `uwsgi_pass` lose nothing either: `proxy_http_version 1.1`,
`proxy_set_header Upgrade $http_upgrade` and `proxy_set_header Connection` with `upgrade`
(or `$connection_upgrade`, `$http_connection`; `""`, which keeps the proxy module's connections
alive, means nothing to the uwsgi module, which opens one per request). The uwsgi protocol has no HTTP version; nginx
passes the client's `Upgrade` and `Connection` headers to uWSGI like any other, and switches
the connection when the app answers 101 (measured with nginx 1.22 and uWSGI 2.0 in the e2e
test: the handshake and an echo pass through a location without them). The proxy module
needs these lines because it drops both hop-by-hop headers and speaks HTTP/1.0.

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
    Route,
    Span,
)
from wsgilint.model.nginx_scope import pass_flag_default

CODE = "X110"
SLUG = "ineffective-pass-directives"
SEVERITY = "warning"
SUMMARY = "proxy_* directives with uwsgi_pass (or uwsgi_* with proxy_pass) do nothing."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    proxy_read_timeout 300;\n    location / {\n"
                            "        include uwsgi_params;\n        uwsgi_pass 127.0.0.1:3031;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    uwsgi_read_timeout 300;\n    location / {\n"
                             "        include uwsgi_params;\n        uwsgi_pass 127.0.0.1:3031;\n    }\n}\n"}

_FAMILY = {"uwsgi": "uwsgi_", "http": "proxy_", "https": "proxy_", "fastcgi": "fastcgi_", "scgi": "scgi_", "grpc": "grpc_"}
_PREFIXES = tuple(dict.fromkeys(_FAMILY.values()))
_NOT_MODULE_DIRECTIVES = {"proxy_protocol"}   # the stream/listen proxy protocol, not the proxy module


def _family(name: str) -> str | None:
    """The module whose directive ``name`` is (its prefix), None for the others and the handlers."""
    if name in _NOT_MODULE_DIRECTIVES or name.endswith("_pass"):
        return None
    return next((prefix for prefix in _PREFIXES if name.startswith(prefix)), None)


def _harmless(route: Route, name: str, family: str, own: str | None,
              directives: tuple[NginxDirective, ...]) -> bool:
    """Whether directives of another module, unread in ``route``, lose nothing the author meant
    there: the handler already behaves as they ask, or its own counterpart is set."""
    if own is None:
        return False
    if name == "proxy_redirect" and all(d.args == ("off",) for d in directives):
        return True   # only the proxy module rewrites Location headers
    if name == "proxy_http_version" and own == "uwsgi_":
        return True   # the uwsgi protocol has no HTTP version; a WebSocket upgrade passes without it
    if name.endswith("_cache") and all(d.args == ("off",) for d in directives):
        return True   # no module caches unless its `*_cache` names a zone
    counterpart = own + name[len(family):]
    if route.directives.get(counterpart):
        return True
    # `proxy_intercept_errors off` under uwsgi_pass: uwsgi_intercept_errors is off already.
    default = pass_flag_default(counterpart)
    if default is not None and all(len(d.args) == 1 and d.args[0].lower() == default for d in directives):
        return True
    return (name.endswith("_connect_timeout") and bool(route.targets)
            and all(target.address.family == "unix" for target in route.targets))


# A header a `proxy_set_header` line sends, its values whose purpose reaches a uWSGI app through
# a `uwsgi_param` (name, values that param must have) anyway. uWSGI takes `wsgi.url_scheme` from
# HTTPS (and UWSGI_SCHEME), the client's address from REMOTE_ADDR, and every request header
# (Host too) reaches the app as HTTP_* while `uwsgi_pass_request_headers` is on (its default).
_DELIVERED = {
    "x-real-ip": ({"$remote_addr"}, (("REMOTE_ADDR", ("$remote_addr",)),)),
    "x-forwarded-for": ({"$remote_addr", "$proxy_add_x_forwarded_for"}, (("REMOTE_ADDR", ("$remote_addr",)),)),
    "x-forwarded-proto": ({"$scheme"}, (("HTTPS", ("$https",)), ("UWSGI_SCHEME", ("$scheme",)))),
    "x-forwarded-protocol": ({"$scheme"}, (("HTTPS", ("$https",)), ("UWSGI_SCHEME", ("$scheme",)))),
}


# A WebSocket's headers and the values that hand on the client's: the uwsgi module passes
# the client's Upgrade and Connection headers as it passes every header (the proxy module
# drops both, as hop-by-hop), and switches protocols when the app answers 101.
# `Connection ""` asks the proxy module to keep its connections to the upstream alive; the uwsgi
# module opens one per request whatever the header says.
_UPGRADE_HEADERS = {"upgrade": {"$http_upgrade"},
                    "connection": {"upgrade", "$connection_upgrade", "$http_connection", ""}}


# Headers only a response carries (CORS, and the browser's security policies): what a request
# header line of that name means to do is add_header's.
_RESPONSE_HEADERS = frozenset({"access-control-allow-origin", "access-control-allow-methods",
                               "access-control-allow-headers", "access-control-allow-credentials",
                               "access-control-expose-headers", "access-control-max-age",
                               "strict-transport-security", "x-frame-options", "x-content-type-options",
                               "content-security-policy", "referrer-policy", "x-xss-protection"})


# What an `X-Forwarded-Host` line sends: the name the client asked for, with or without the
# port, or the server block's own name for it; HTTP_HOST brings the client's Host with its port.
_FORWARDED_HOSTS = ("$host", "$http_host", "$server_name", "$host:$server_port")


def _delivered(route: Route, directive: NginxDirective) -> bool:
    """Whether a `proxy_set_header` line under `uwsgi_pass` asks for what the app gets anyway:
    Host (passed as HTTP_HOST), or the client's address or scheme where uwsgi_params (or the
    author's own `uwsgi_param`) sends them from the same nginx variables. nginx is taken to face
    the clients (or to restore their address with the realip module): its $remote_addr is theirs."""
    if len(directive.args) < 2:
        return False
    header, value = directive.args[0].lower(), directive.args[1]
    if header in _RESPONSE_HEADERS:
        # Meant for the clients, which no request header line reaches under any handler:
        # where add_header sends it to them, the line loses nothing.
        return any(d.args[:1] and d.args[0].lower() == header for d in route.directives.get("add_header", ()))
    if header == "x-forwarded-prefix":
        return value in ("/", "")   # the root: where the app takes itself to be mounted anyway
    passes_headers = not any(d.args[:1] == ("off",) for d in route.directives.get("uwsgi_pass_request_headers", ()))
    if header in ("host", "x-forwarded-host"):   # nginx does not rewrite Host for uwsgi_pass
        names = _FORWARDED_HOSTS if header == "x-forwarded-host" else ("$host", "$http_host")
        return value in names and (
            passes_headers or any(param.args[:1] == ("HTTP_HOST",) for param in route.directives.get("uwsgi_param", ())))
    if header in _UPGRADE_HEADERS:   # a WebSocket's: uwsgi_pass passes the client's own
        return value.lower() in _UPGRADE_HEADERS[header] and passes_headers
    values, params = _DELIVERED.get(header, (set(), ()))
    if header in ("x-forwarded-proto", "x-forwarded-protocol") and value == "https" and route.only_tls:
        value = "$scheme"   # a server that takes only TLS: its $scheme is always https
    return value in values and any(
        param.args[:1] == (name,) and param.args[1:2] == sent
        for name, sent in params for param in route.directives.get("uwsgi_param", ()))


def _owners(instance: NginxInstance) -> dict[Span, NginxScope]:
    """The block each directive is written in (http, server, location or if), by the span of
    its name (which the directive keeps; its whole span is made each time it is asked)."""
    owners: dict[Span, NginxScope] = {}
    pending: list[NginxScope] = list(instance.http)
    while pending:
        scope = pending.pop()
        for directives in scope.own.values():
            for directive in directives:
                owners.setdefault(directive.name_at, scope)
        if isinstance(scope, NginxHttp):
            pending.extend(scope.servers)
        elif isinstance(scope, (NginxServer, NginxLocation)):
            pending.extend(scope.locations)
    return owners


class _Use:
    """A directive lost to some route: the pass directives it is lost under (not harmlessly)."""

    __slots__ = ("directive", "family", "handlers")

    def __init__(self, directive: NginxDirective, family: str) -> None:
        self.directive, self.family = directive, family
        self.handlers: set[str] = set()


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        # Routes share their directives (those of the server, of uwsgi_params): each
        # tuple of occurrences is looked at once per handler it is in effect under.
        # By the span of the directive's name, as in _owners: those some route's handler reads,
        # and those lost to a handler (a fleet's routes read most of theirs: no record for them).
        read_by_some: set[Span] = set()
        lost: dict[Span, _Use] = {}
        seen: set[tuple[int, str, str, bool, bool, tuple[bool, ...]]] = set()
        families: dict[str, str | None] = {}
        for route in instance.routes:
            own = _FAMILY.get(route.protocol)
            handler = route.handler.name
            for name, directives in route.directives.items():
                family = families[name] if name in families else families.setdefault(name, _family(name))
                if family is None:
                    continue
                read = family == own
                harmless = not read and _harmless(route, name, family, own, directives)
                delivered = (tuple(_delivered(route, d) for d in directives)
                             if name == "proxy_set_header" and own == "uwsgi_" and not harmless else ())
                key = (id(directives), name, handler, read, harmless, delivered)
                if key in seen:
                    continue
                seen.add(key)
                for index, directive in enumerate(directives):
                    if directive.stock:
                        continue   # a packaged file's lines (uwsgi_params) are not the author's to rewrite
                    if read:
                        read_by_some.add(directive.name_at)
                    elif not harmless and not (delivered and delivered[index]):
                        use = lost.get(directive.name_at)
                        if use is None:
                            use = lost[directive.name_at] = _Use(directive, family)
                        use.handlers.add(handler)
        ineffective_uses = [use for at, use in lost.items() if at not in read_by_some]
        if not ineffective_uses:
            continue
        # One finding per block: the author rewrites the block's directives together.
        owners = _owners(instance)
        by_block: dict[int, list[_Use]] = {}
        for use in ineffective_uses:
            owner = owners.get(use.directive.name_at)
            if isinstance(owner, NginxLocation) and owner.own.get(use.family + "pass"):
                continue   # its module's pass, written beside it, lost to another handler: N115's finding
            by_block.setdefault(id(owner), []).append(use)
        for block in by_block.values():
            block.sort(key=lambda use: (use.directive.name_at.path, use.directive.name_at.line,
                                        use.directive.name_at.column))
            first = block[0]
            directive, module = first.directive, first.family.rstrip("_")
            names = ", ".join(dict.fromkeys(use.directive.name for use in block))
            one = len(block) == 1
            yield Hit(directive.at, f"{names} {'has' if one else 'have'} no effect: the locations "
                      f"{'it applies' if one else 'they apply'} to pass requests with "
                      f"{', '.join(sorted(first.handlers))}, not "
                      f"{module}_pass; {_advice(names, first.handlers, block)}",
                      tuple(Related(use.directive.at, f"{use.directive.name} has no effect either")
                            for use in block[1:]))


def _advice(names: str, handlers: set[str], block: list[_Use]) -> str:
    headers = [use.directive.args[0] for use in block if use.directive.name == "proxy_set_header" and use.directive.args]
    if headers and names == "proxy_set_header" and all(header.lower() in _RESPONSE_HEADERS for header in headers):
        return (f"`{headers[0]}` is a response header, which `add_header` sends to clients (a request header line "
                "would send it to the app, under any handler)")
    if "proxy_set_header" in names and handlers == {"uwsgi_pass"}:
        # `uwsgi_param X-Name` sends a CGI variable of that name, not a header (N112).
        return ("use the matching directives of that module; a header reaches the app as "
                "`uwsgi_param HTTP_X_NAME value;` (`uwsgi_param X-Name` is no header)")
    return "use the matching directives of that module"
