"""A prefix `location` whose path does not start with `/`: no request ever selects it.

## What it checks
A prefix location (no modifier, or `^~`) or an exact one (`=`) whose path does not start with
`/` and is not a named location (`@name`): `location static { ... }`. A modifier written
against the path is read as nginx reads it (`location ~\\.css$` is a regular expression,
`location =/robots.txt` an exact match), and a path with regular-expression syntax is N118's.
Only locations of server blocks nginx may pick are checked.

## What breaks in production
Every request's path starts with `/`, and nginx answers 400 to a request line whose target
does not, so such a location never applies: its requests go to whichever other location
matches them (often `location /`, the app), without what this one sets (its alias, cache,
headers or upstream). nginx starts without a word. Measured with nginx 1.22: with
`location static` and `location /`, `nginx -t` passes, `/static` and `/static/x` are answered
by `location /`, and `GET static` gets 400.

A path that starts with a blank in angle brackets (`location ^~<webroot>static`) is a
template's: a start script writes the real path in before nginx reads the file (`sed -i
's|<webroot>|/app/|' nginx.conf`). What it becomes is not in the file: an
info naming the placeholder.

What such a location passes to is no route of the model, and its `alias` is not checked for
traversal (N103) or a missing slash (N104): no request reaches it.

## How to fix
Start the path with `/`: `location /static/ { alias /srv/app/static/; }`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "N119"
SLUG = "location-path-without-slash"
SEVERITY = "warning"
SUMMARY = "A prefix or exact location's path does not start with `/`: no request ever selects it."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location static {\n        alias /srv/app/static/;\n"
                            "    }\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /static/ {\n        alias /srv/app/static/;\n"
                             "    }\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for location in instance.locations:
            if not location.without_slash or location.block is None:
                continue
            placeholder = location.placeholder_start
            if placeholder:
                yield Hit(location.block.value_at,
                          f"`location {location.written}` starts with the placeholder `{placeholder}`, not `/`: "
                          "as written no request selects it; assumed a script or template replaces the "
                          "placeholder with a path starting with `/` before nginx reads the file", severity="info")
                continue
            yield Hit(location.block.value_at,
                      f"`location {location.written}` does not start with `/`: every request's path does, so this "
                      "location never applies (nginx starts without a word) and its requests go to another location "
                      f"without what it sets; write `location {location.modifier + ' ' if location.modifier else ''}"
                      f"/{location.path}`")
