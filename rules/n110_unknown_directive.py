"""A directive nginx does not know: nginx refuses to start.

## What it checks
Every directive name in the checked nginx files against nginx's directives (crossplane's
table of nginx 1.18 and NGINX Plus, plus newer nginx up to 1.29, NGINX Plus, and the
directives of common third-party modules: OpenResty/Lua, headers-more, brotli, geoip2,
njs, Passenger, VTS, ModSecurity, RTMP, Tengine and others). Names are compared
exactly: nginx matches them case-sensitively. The contents of `map`, `types`, `geo`,
`split_clients`, `charset_map` and `match` blocks are values, not directives, and are
not checked; neither is the inside of an unknown block, nor a name that is not a
word (`${EVENTS_BLOCK}` in a template).

## What breaks in production
`nginx -t` and every start or reload fail with `[emerg] unknown directive
"client_max__body_siz"`. Measured with nginx 1.22: `nginx -s reload` exited 1 and
the running nginx kept serving the old configuration, so the change never applies.

## Known problems
A module that is not in the list is reported too: add its directive names to the
`directives` list of `wsgilint/readers/nginx_extra_directives.json`. A known name is
not proof that the module is compiled into the nginx that runs the file.

## How to fix
Correct the spelling (the message suggests the nearest directive), or load the module
that provides it.
"""
import difflib
import re
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.nginx_scope import known_directives

CODE = "N110"
SLUG = "unknown-directive"
SEVERITY = "error"
SUMMARY = "A directive nginx does not know (a typo): nginx refuses to start."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    client_max__body_siz 10m;\n    location / {\n"
                            "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    client_max_body_size 10m;\n    more_clear_headers Server;\n"
                             "    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}

# Anything else (``${VAR}``, ``[section]``) is a template placeholder or not nginx text at all.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


def check(deployment: Deployment) -> Iterator[Hit]:
    known = known_directives()
    for instance in deployment.nginx:
        for directive in instance.unknown_directives:
            if not _NAME.fullmatch(directive.name):
                continue
            guess = difflib.get_close_matches(directive.name, known, n=1, cutoff=0.8)
            hint = f"; did you mean `{guess[0]}`?" if guess else " (if a module provides it, load that module)"
            yield Hit(directive.name_at, f'unknown directive "{directive.name}": nginx refuses to start '
                      f"(nginx -t fails){hint}")
