"""A `uwsgi_param` named like an HTTP header: the app never sees it as that header.

## What it checks
Every `uwsgi_param`, `fastcgi_param` and `scgi_param` in effect where requests are
passed with the matching `*_pass`, whose name is spelt as a header rather than as a
CGI variable: it contains `-` (`X-Forwarded-Proto`), capitalises each word
(`X_Forwarded_Proto`), or is lower case and names a header (`host`, `x_real_ip`). A
variable spelt another way in mixed case (`FACTER_vm_env`, a name a CGI script reads from its
environment) is left alone.
Upper-case names (`HTTP_X_FORWARDED_PROTO`, `UWSGI_SCHEME`, `UWSGI_SCRIPT`, the stock
`uwsgi_params`) and mixed-case spellings of CGI variables are left alone.

A line whose purpose reaches the app anyway is only an info (as X110 treats the
`proxy_set_header` forms), when that holds in every location it is in effect in:
- `Host $host` (or `$http_host`): HTTP_HOST reaches the app, sent by the params
  (Debian's `uwsgi_params` has `HTTP_HOST $host`) or passed by nginx as the client's Host
  header while `uwsgi_pass_request_headers` is on (its default). nginx's $host is the host
  of the request line, else of the Host header, else the server's name, lower case and
  without the port; the passed header differs from it only there (measured, tests/e2e).
- `X-Forwarded-Proto $scheme` where this nginx terminates TLS (`listen ... ssl`, `ssl on`)
  and the params send `HTTPS $https` (or `UWSGI_SCHEME $scheme`): uWSGI sets
  `wsgi.url_scheme` from it. What remains is named: a client-sent `X-Forwarded-Proto`
  still reaches an app that trusts the header. Where nginx serves plain HTTP (behind a
  proxy that terminates TLS, or a bare `listen 443`) it stays a warning, as it does for
  `X-Forwarded-For`.
- `X-Real-IP $remote_addr` where the params send `REMOTE_ADDR $remote_addr` (the stock
  `uwsgi_params` do): the app has the client's address as REMOTE_ADDR, which X110 also
  accepts for `proxy_set_header X-Real-IP`. What remains is named: a client-sent
  `X-Real-IP` still reaches an app that reads the header.

- a value that is the client's own header (`X-Forwarded-Proto $http_x_forwarded_proto`, sent on
  from a TLS proxy in front): nginx passes that header on as `HTTP_X_FORWARDED_PROTO` anyway
  while `uwsgi_pass_request_headers` is on, so the line changes nothing.
- a forwarding header whose content the app's code never reads: where the tree holds the
  module the app server behind the route loads and none of the code reads the client's
  address (`X-Forwarded-For`, `X-Real-IP`), the host name (`X-Forwarded-Host`) or anything the
  scheme changes (`X-Forwarded-Proto`), as N102 and X113 read it; code that reads only the
  peer's address (`REMOTE_ADDR`, `request.remote_addr`) where the params send `REMOTE_ADDR
  $remote_addr` reads no `X-Forwarded-For` or `X-Real-IP`. Where the route reaches no app server
  the files show, every app server of the tree stands for it.

## What breaks in production
nginx sends the variable under exactly the name written, and the app server puts it
into the environ under that name; a request header reaches a WSGI app only as
`HTTP_<NAME>`. Measured with nginx 1.22 and uWSGI 2.0.31 (tests/e2e): with
`uwsgi_param X-Forwarded-Proto $scheme;` the app's environ holds the key
`X-Forwarded-Proto` and no `HTTP_X_FORWARDED_PROTO`, so Django's
`SECURE_PROXY_SSL_HEADER`, Werkzeug's `ProxyFix` and the like never see it: behind
TLS the app takes every request for plain http (with `SECURE_SSL_REDIRECT`, Django
redirects to https again and again). Worse, nginx
still passes the client's own `X-Forwarded-Proto: https` header, which arrived as
`HTTP_X_FORWARDED_PROTO=https` over plain http: the client chooses the scheme. With
`uwsgi_param HTTP_X_FORWARDED_PROTO $scheme;` the app received
`HTTP_X_FORWARDED_PROTO=http` and the client's header was dropped.

## How to fix
Name the parameter as the CGI variable of the header: `HTTP_` and the header name in
upper case with `-` written `_`: `uwsgi_param HTTP_X_FORWARDED_PROTO $scheme;`
(`Content-Type` and `Content-Length` are `CONTENT_TYPE` and `CONTENT_LENGTH`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, NginxDirective, Route

CODE = "N112"
SLUG = "uwsgi-param-header-name"
SEVERITY = "warning"
SUMMARY = "A uwsgi_param/fastcgi_param named like a header (X-Forwarded-Proto): the app never sees that header."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                            "        uwsgi_param X-Forwarded-Proto $scheme;\n        uwsgi_pass unix:/run/app.sock;\n"
                            "    }\n}\n"}
GOOD = {"deploy/nginx.conf": BAD["deploy/nginx.conf"].replace("X-Forwarded-Proto", "HTTP_X_FORWARDED_PROTO")}

_PARAM_OF = {"uwsgi_pass": "uwsgi_param", "fastcgi_pass": "fastcgi_param", "scgi_pass": "scgi_param"}
# CGI/1.1 (RFC 3875) and the variables nginx's stock params files add.
_CGI = frozenset({
    "AUTH_TYPE", "CONTENT_LENGTH", "CONTENT_TYPE", "GATEWAY_INTERFACE", "PATH_INFO", "PATH_TRANSLATED",
    "QUERY_STRING", "REMOTE_ADDR", "REMOTE_HOST", "REMOTE_IDENT", "REMOTE_USER", "REQUEST_METHOD", "SCRIPT_NAME",
    "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL", "SERVER_SOFTWARE", "REQUEST_URI", "DOCUMENT_ROOT",
    "DOCUMENT_URI", "REMOTE_PORT", "SERVER_ADDR", "REQUEST_SCHEME", "HTTPS", "SCRIPT_FILENAME",
})
_HEADERS = frozenset({
    "HOST", "USER_AGENT", "REFERER", "COOKIE", "AUTHORIZATION", "ACCEPT", "ACCEPT_LANGUAGE", "ACCEPT_ENCODING",
    "ORIGIN", "CONNECTION", "UPGRADE", "FORWARDED", "VIA",
})


def _header_form(name: str) -> str | None:
    """The CGI name of the header ``name`` stands for, or None when it is not spelt as a header."""
    upper = name.upper().replace("-", "_")
    lower_case = name != name.upper()
    # A header's words are each capitalised (`X_Forwarded_Proto`); an environment variable's
    # prefix in capitals before words in lower case (`FACTER_vm_env`) is no header spelling.
    mixed_case = lower_case and name != name.lower() and all(
        word[:1].isupper() and word[1:] == word[1:].lower() for word in name.split("_") if word)
    if "$" in name or (upper in _CGI and "-" not in name):
        return None
    if "-" in name or mixed_case or (lower_case and (upper.startswith(("HTTP_", "X_")) or upper in _HEADERS)):
        return upper if upper.startswith("HTTP_") or upper in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{upper}"
    return None


# What nginx's $host holds, where it differs from the client's Host header (HTTP_HOST): nginx's
# docs define it as the host name of the request line, else of the Host header, else the
# server's name; nginx lowercases it and drops the port.
_HOST_VALUES = ("$host", "$http_host", "$host$is_request_port$request_port")


def _host_reaches_app(route: Route, param: str) -> bool:
    """Whether HTTP_HOST reaches the app anyway: from a `*_param HTTP_HOST` of the host, or as
    the client's Host header, which nginx passes while `*_pass_request_headers` is on (its
    default)."""
    host_params = [d for d in route.effective(param) if d.args[:1] == ("HTTP_HOST",)]
    if host_params:
        return all(len(d.args) > 1 and d.args[1] in _HOST_VALUES for d in host_params)
    return _headers_passed(route, param)


def _headers_passed(route: Route, param: str) -> bool:
    """Whether nginx passes the client's request headers on (`*_pass_request_headers`, on by
    default), each as HTTP_<NAME>."""
    passing = route.effective(param.replace("_param", "_pass_request_headers"))
    return not passing or passing[-1].args[:1] != ("off",)


def _scheme_reaches_app(route: Route, param: str) -> bool:
    """Whether uWSGI takes the scheme from a variable the route sends anyway: wsgi.url_scheme
    is `https` when HTTPS is `on` (uwsgi_params: `HTTPS $https`) or UWSGI_SCHEME says so.
    Only where this nginx terminates TLS is $scheme the client's scheme."""
    return param == "uwsgi_param" and route.terminates_tls and any(
        d.args[:2] in (("HTTPS", "$https"), ("UWSGI_SCHEME", "$scheme")) for d in route.effective(param))


def _delivered(route: Route, param: str, header: str, value: str) -> str | None:
    """What is left of a header-named param whose purpose the app gets anyway in ``route``
    (the info's text), or None when the app loses what it was meant to send."""
    if header == "HTTP_HOST" and value in _HOST_VALUES and _host_reaches_app(route, param):
        return ("HTTP_HOST reaches the app anyway, sent by the params or passed by nginx as the client's "
                "Host header, which differs from $host only where the request line names a host, where Host "
                "is missing ($host is then the server's name), and in case and port; remove the line")
    if header == "HTTP_X_FORWARDED_PROTO" and value == "$scheme" and _scheme_reaches_app(route, param):
        return ("this nginx terminates TLS and sends `HTTPS $https`, from which uWSGI sets wsgi.url_scheme, "
                "so the app gets the scheme without the header; what remains: a client-sent "
                "X-Forwarded-Proto still arrives as HTTP_X_FORWARDED_PROTO, and an app that trusts the "
                "header (ProxyFix, SECURE_PROXY_SSL_HEADER) takes that client's word for the scheme; "
                f"`{param} HTTP_X_FORWARDED_PROTO $scheme;` replaces it, or remove the line")
    if value == f"$http_{header.removeprefix('HTTP_').lower()}" and _headers_passed(route, param) \
            and not any(d.args[:1] == (header,) for d in route.effective(param)):
        return (f"its value is the client's own header, which nginx passes on as {header} anyway "
                f"(`{param.replace('_param', '_pass_request_headers')}` is on); remove the line")
    if header == "HTTP_X_REAL_IP" and value == "$remote_addr" and _address_reaches_app(route, param):
        return ("the params send `REMOTE_ADDR $remote_addr`, so the app has the client's address as "
                "REMOTE_ADDR; what remains: a client-sent X-Real-IP still arrives as HTTP_X_REAL_IP, and an "
                "app that reads that header takes the client's word for its address; "
                f"`{param} HTTP_X_REAL_IP $remote_addr;` replaces it, or remove the line")
    return None


# What the app's code would read each forwarding header for (RequestReaders' lists).
_READ_FOR = {"HTTP_X_FORWARDED_FOR": ("address", "the client's address"),
             "HTTP_X_REAL_IP": ("address", "the client's address"),
             "HTTP_X_FORWARDED_HOST": ("host", "the host name"),
             "HTTP_X_FORWARDED_PROTO": ("scheme", "the scheme")}


# Readers of the peer's address (what REMOTE_ADDR carries), not of a forwarding header.
_PEER_READERS = frozenset({"remote_addr", "REMOTE_ADDR", "client.host"})


def _unread(deployment: Deployment, route: Route, param: str, header: str) -> str | None:
    """Where the tree holds the module the app behind ``route`` loads and none of its code reads
    what the header carries, the assumption that says so (the info's text); else None. Code that
    reads only the peer's address, which the params send as REMOTE_ADDR, reads no forwarding header."""
    wanted = _READ_FOR.get(header)
    readers = deployment.app_request_readers
    if wanted is None or readers is None:
        return None
    # Where the route reaches no app server the files show (a port only a rendering fills in),
    # every app server of the tree stands for it, as N102 takes them.
    servers = [listener.server for target in route.targets for listener in deployment.reached(route, target)] \
        or deployment.app_servers
    modules = [module for server in servers if (module := readers.module_of(server)) is not None]
    if not modules or len(modules) != len(servers):
        return None
    # Only the code of the apps reached counts (``app_scope``), as for N102.
    scope = readers.app_scope(servers)
    reads_host, reads_address = readers.reads_in(scope)
    reads = {"host": reads_host, "address": reads_address, "scheme": readers.uses_scheme_in(scope)}[wanted[0]]
    host_places, address_places = readers.places_in(scope)
    places = {"host": host_places, "address": address_places}.get(wanted[0], [])
    if reads and places and wanted[0] == "address" and _address_reaches_app(route, param) \
            and all(reader.value in _PEER_READERS for reader in places):
        at = places[0].at or route.handler.at
        return (f"the app's code is in the checked tree ({modules[0]}, the module its server loads) and reads only "
                f"the peer's address (`{places[0].value}`, {at.path}:{at.line}), which the params "
                "send as REMOTE_ADDR; none of it reads the header: assumed nothing else does (a library); if "
                f"something does, write `{param} {header} ...;`")
    if reads:
        return None
    return (f"the app's code is in the checked tree ({modules[0]}, the module its server loads) and none of it "
            f"reads {wanted[1]} from the request: assumed nothing else does (a library); if something does, "
            f"write `{route.handler.name.replace('_pass', '_param')} {header} ...;`")


def _address_reaches_app(route: Route, param: str) -> bool:
    return any(d.args[:2] == ("REMOTE_ADDR", "$remote_addr") for d in route.effective(param))


def check(deployment: Deployment) -> Iterator[Hit]:
    # A param may be in effect in several routes (a server's, a shared include's): it is
    # harmless only where every route it is in effect in gets its purpose anyway.
    found: dict[NginxDirective, tuple[str, str, str | None]] = {}
    for route in deployment.routes:
        param = _PARAM_OF.get(route.handler.name)
        if param is None:
            continue
        for directive in route.effective(param):
            if not directive.args:
                continue
            name = directive.args[0]
            header = _header_form(name)
            if header is None:
                continue
            left = _delivered(route, param, header, directive.args[1] if len(directive.args) > 1 else "") \
                or _unread(deployment, route, param, header)
            if directive not in found:
                found[directive] = (param, header, left)
            elif found[directive][2] is not None and left is None:
                found[directive] = (param, header, None)
    for directive, (param, header, left) in found.items():
        name = directive.args[0]
        if left is not None:
            yield Hit(directive.at, f"`{param} {name}` reaches the app as a variable literally named `{name}`, "
                      f"not as the header, which loses nothing here: {left}",
                      severity="info")
            continue
        yield Hit(directive.at, f"`{param} {name}` reaches the app as a variable literally named `{name}`, not "
                  f"as the header: {header} stays unset, or holds what the client sent (nginx still passes the "
                  f"client's own header); write `{param} {header} ...;`")
