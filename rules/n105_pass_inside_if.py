"""`proxy_pass`/`uwsgi_pass` inside `if` in a location.

## What it checks
A `*_pass` directive inside an `if` block of a location, as in
`if (!-f $request_filename) { proxy_pass http://127.0.0.1:8000; }`, where the location
loses something when the `if` matches: its `try_files`, or another
`if` block that configures more than the rewrite module's steps (`set`, `rewrite`,
`return`, `break`, which run whichever block applies) or comes after it. A lone `if`
with a pass in a location without `try_files` works as written and is left alone, also
where it passes elsewhere than the location's own pass (`if ($args = "s=1")` sending those
requests to another app: the block's pass replaces the location's, as written), and so
does a last `if` with a pass after `if` blocks that only `set` variables (measured with
nginx 1.22: both blocks matching, the request was proxied with the location's
`proxy_set_header` lines and the Host the first block had set). So do `if` blocks that
compare one variable with different values (`if ($geo = 1)`, `if ($geo = 2)`): no two of
them match one request. A `proxy_pass` with a URI part inside `if` is always reported.

## What breaks in production
When the condition holds, nginx handles the request with the `if` block's own
configuration, not the location's. Measured with nginx 1.22:
- a location with `try_files $uri @fallback;` and a `proxy_pass` inside `if`: when
  the `if` matched, `try_files` never ran;
- two `if` blocks that both match: only the last applies, so the `proxy_pass` of the
  first is lost and nginx answers 500 (`no upstream configuration`);
- `proxy_pass` with a URI part (`http://127.0.0.1:8000/`) inside `if` is refused at
  start: `"proxy_pass" cannot have URI part ... inside "if" statement` (reported as
  an error).

## How to fix
Pass requests from the location itself and let `try_files` pick static files:
`location / { try_files $uri @app; }` and `location @app { proxy_pass ...; }`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, NginxLocation

CODE = "N105"
SLUG = "pass-inside-if"
SEVERITY = "warning"
SUMMARY = "A proxy_pass/uwsgi_pass inside `if` in a location: the location's other directives stop applying."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        try_files $uri $uri/ =404;\n"
                            "        if ($http_x_app) {\n            proxy_pass http://127.0.0.1:8000;\n        }\n"
                            "    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        try_files $uri @app;\n    }\n"
                             "    location @app {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}



def _has_uri_part(value: str) -> bool:
    """``http://host:port/x`` or ``http://unix:/path.sock:/x``: a URI after the address."""
    if "://" not in value or "$" in value:
        return False
    rest = value.split("://", 1)[1]
    if rest.startswith("unix:"):
        return ":" in rest[5:]
    return "/" in rest


# The rewrite module's directives run in order whichever `if` block's configuration applies.
_REWRITE = frozenset({"set", "rewrite", "return", "break"})


def _what_is_lost(location: NginxLocation, ifs: list[NginxLocation], block: NginxLocation) -> str:
    """What the location loses when ``block`` (an ``if`` with a pass) matches, or a later ``if``
    matches after it; "" when nothing is. The location's own pass is not lost: the block's
    replaces it on purpose (`?s=1` to another app, a client group to its backend), and the block
    keeps the location's headers and timeouts."""
    lost = []
    if "try_files" in location.own:
        lost.append("its try_files is skipped")
    # Only the last matching `if` applies: a later one loses this pass, an earlier one what it
    # configures beyond the rewrite module's steps (which run anyway). Blocks that compare one
    # variable with different values never match together.
    index = ifs.index(block)
    if not _exclusive(ifs) and (index < len(ifs) - 1 or any(other.handler is not None or set(other.own) - _REWRITE
                                                           for other in ifs[:index])):
        lost.append(f"of its {len(ifs)} `if` blocks only the last matching one applies")
    return "; ".join(lost)


def _exclusive(ifs: list[NginxLocation]) -> bool:
    """Every block tests one variable for equality with a value of its own (`$geo = 1`, `$geo = 2`)."""
    tests = [block.equality_test for block in ifs]
    return None not in tests and len({test[0] for test in tests if test}) == 1 and len(set(tests)) == len(tests)


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for location in instance.locations:
            ifs = [child for child in location.locations if child.is_if]
            for block in ifs:
                handler = block.handler
                if handler is None:
                    continue
                value = handler.args[0] if handler.args else ""
                if handler.name == "proxy_pass" and _has_uri_part(value):
                    yield Hit(handler.at, f'`proxy_pass {value}` has a URI part inside `if`: nginx refuses to start '
                              '("proxy_pass" cannot have URI part ... inside "if" statement); move the pass out of `if` '
                              "(try_files with a named location)", severity="error")
                    continue
                lost = _what_is_lost(location, ifs, block)
                if lost:
                    yield Hit(handler.at, f"{handler.name} inside `if`: when the condition holds nginx uses only the "
                              f"`if` block's configuration ({lost}); use `try_files $uri @app;` with the pass in "
                              "`location @app`")
