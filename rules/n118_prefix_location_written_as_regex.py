"""A `location` written as a regular expression without `~`: nginx compares it as literal text.

## What it checks
A prefix location (no modifier, or `^~`) or an exact one (`=`) whose path holds syntax only a
regular expression writes: a leading `^`, a group (`(?<id>`, `(a|b)`), an escape (`\\d`, `\\.`),
`.*`, `.+`, a character class (`[0-9]`, `[^/]`) or a trailing `$`. Without `~` (or `~*`) nginx
takes the path as the literal characters it is, which no request's path starts with (a client
would have to send those characters, percent-encoded, on purpose). A modifier written against
the path is read as nginx reads it: `location ~\\.css$` and `location ~*\\.js$` are regular
expressions, `location ^~/media/` a prefix (measured with nginx 1.22). Only locations of server
blocks nginx may pick are checked.

## What breaks in production
The location never applies: its requests go to whichever other location matches them (often
`location /`), without what this one sets (its cache, headers, timeouts or upstream). nginx
starts without a word. Measured with nginx 1.22: with `location /api/logos/(?<logo_id>\\d+)/cache/`
and `location /`, `nginx -t` passes, `/api/logos/5/cache/` is answered by `location /`, and
only the literal `/api/logos/(%3F<logo_id>%5Cd+)/cache/x` reaches the first.

What such a location passes to is no route of the model: no other rule checks where it would
send requests until it can match.

## How to fix
Add the regular-expression modifier: `location ~ ^/api/logos/(?<logo_id>\\d+)/cache/` (`~*` to
ignore case); or, where a literal prefix was meant, write the path without the regex syntax.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "N118"
SLUG = "prefix-location-written-as-regex"
SEVERITY = "warning"
SUMMARY = "A location path holds regular-expression syntax but has no `~`: nginx matches it as literal text."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /api/items/(\\d+)/image {\n"
                            "        proxy_cache images;\n        proxy_pass http://127.0.0.1:8000;\n    }\n"
                            "    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location ~ ^/api/items/(\\d+)/image {\n"
                             "        proxy_cache images;\n        proxy_pass http://127.0.0.1:8000;\n    }\n"
                             "    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for location in instance.locations:
            syntax = location.regex_syntax
            if not syntax or location.block is None:
                continue
            path = location.path
            regex = path if path.startswith("^") else "^" + path
            yield Hit(location.block.value_at,
                      f"`location {location.written}` holds regular-expression syntax (`{syntax}`) but no `~`: nginx compares it as "
                      "literal text, which no request's path starts with, so this location never applies and its "
                      f"requests go to another location without what it sets; write `location ~ {regex}`")
