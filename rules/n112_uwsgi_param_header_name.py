"""A `uwsgi_param` named like an HTTP header: the app never sees it as that header.

## What it checks
Every `uwsgi_param`, `fastcgi_param` and `scgi_param` in effect where requests are
passed with the matching `*_pass`, whose name is spelt as a header rather than as a
CGI variable: it contains `-` (`X-Forwarded-Proto`), mixes upper and lower case
(`X_Forwarded_Proto`), or is lower case and names a header (`host`, `x_real_ip`).
Upper-case names (`HTTP_X_FORWARDED_PROTO`, `UWSGI_SCHEME`, `UWSGI_SCRIPT`, the stock
`uwsgi_params`) and mixed-case spellings of CGI variables are left alone.

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
from wsgilint.model import Deployment, NginxDirective

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
    mixed_case = lower_case and name != name.lower()
    if "$" in name or (upper in _CGI and "-" not in name):
        return None
    if "-" in name or mixed_case or (lower_case and (upper.startswith(("HTTP_", "X_")) or upper in _HEADERS)):
        return upper if upper.startswith("HTTP_") or upper in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{upper}"
    return None


def check(deployment: Deployment) -> Iterator[Hit]:
    seen: set[NginxDirective] = set()
    for route in deployment.routes:
        param = _PARAM_OF.get(route.handler.name)
        for directive in route.effective(param) if param else []:
            if directive in seen or not directive.args:
                continue
            seen.add(directive)
            name = directive.args[0]
            header = _header_form(name)
            if header is None:
                continue
            yield Hit(directive.at, f"`{param} {name}` reaches the app as a variable literally named `{name}`, not "
                      f"as the header: {header} stays unset, or holds what the client sent (nginx still passes the "
                      f"client's own header); write `{param} {header} ...;`")
