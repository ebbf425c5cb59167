"""A directive nginx does not know: nginx refuses to start.

## What it checks
Every directive name in the checked nginx files against nginx's directives (crossplane's
table of nginx 1.18 and NGINX Plus, plus newer nginx up to 1.29, NGINX Plus, and the
directives of common third-party modules: OpenResty/Lua, headers-more, brotli, geoip2,
njs, Passenger, VTS, ModSecurity, RTMP, Tengine and others, and the directives the
dynamic TLS records patch adds, which nginx-ee and similar builds carry). Names are compared
exactly: nginx matches them case-sensitively. The contents of `map`, `types`, `geo`,
`split_clients`, `charset_map` and `match` blocks are values, not directives, and are
not checked; neither is the inside of an unknown block, nor a template's placeholder
(`${EVENTS_BLOCK}`, `{{ block }}`, `@BLOCK@`).

A name no module can have, because directive names are words of ASCII letters, digits
and `_` (`//` or `--` written as a comment, a line of prose), is reported with nginx's
own message whatever modules are loaded.

## What breaks in production
`nginx -t` and every start or reload fail with `[emerg] unknown directive
"client_max__body_siz"` (or `unknown directive "//"`: nginx has no `//` comments, and
takes the words after it, up to the next `;`, as its arguments). Measured with nginx 1.22: `nginx -s reload` exited 1 and
the running nginx kept serving the old configuration, so the change never applies.

## Known problems
A module that is not in the list is reported too: add its directive names to the
`directives` list of `wsgilint/readers/nginx_extra_directives.json`. A known name is
not proof that the module is compiled into the nginx that runs the file.

## How to fix
Correct the spelling (the message suggests the nearest directive that takes as many
arguments as the line has), or load the module that provides it.
"""
import difflib
import functools
import re
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.nginx_scope import known_directives, takes_arguments

CODE = "N110"
SLUG = "unknown-directive"
SEVERITY = "error"
SUMMARY = "A directive nginx does not know (a typo): nginx refuses to start."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    client_max__body_siz 10m;\n    location / {\n"
                            "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    client_max_body_size 10m;\n    more_clear_headers Server;\n"
                             "    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _name() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


# What template languages and substitutions mark their placeholders with (``${VAR}``,
# ``{{ x }}``, ``{% x %}``, ``<%= x %>``, ``@VAR@``, ``%(x)s``, ``[section]``): such a name
# is a template's, or no nginx text at all.
_PLACEHOLDER_MARKS = frozenset("${}%<>@[]")
_COMMENT_MARKS = ("//", "--", "/*", "*/", "*")


def _impossible_name(name: str) -> str | None:
    """Why no module can define ``name``; None for a placeholder, which is left alone."""
    if _PLACEHOLDER_MARKS.intersection(name):
        return None
    if name in _COMMENT_MARKS:
        return "nginx has no such comment: it takes the words after it, up to the next `;`, as its arguments; " \
               "comments start with `#`"
    return "no module's directive has such a name (directive names are ASCII letters, digits and `_`)"


def check(deployment: Deployment) -> Iterator[Hit]:
    known = known_directives()
    for instance in deployment.nginx:
        for directive in instance.unknown_directives:
            if not _name().fullmatch(directive.name):
                why = _impossible_name(directive.name)
                if why is not None:
                    yield Hit(directive.name_at, f'unknown directive "{directive.name}": nginx refuses to start '
                              f"(nginx -t fails); {why}")
                continue
            # The nearest name that takes as many arguments as the line has (`uwsgi_params host:port;`
            # means uwsgi_pass, not uwsgi_param).
            guess = next((name for name in difflib.get_close_matches(directive.name, known, n=3, cutoff=0.8)
                          if takes_arguments(name, len(directive.args)) is not False), None)
            hint = f"; did you mean `{guess}`?" if guess else " (if a module provides it, load that module)"
            yield Hit(directive.name_at, f'unknown directive "{directive.name}": nginx refuses to start '
                      f"(nginx -t fails){hint}")
