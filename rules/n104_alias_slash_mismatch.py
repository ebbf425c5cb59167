"""A location ending in `/` uses an alias without one: every file is a 404.

## What it checks
A prefix `location` whose path ends in `/` with an `alias` that does not (and has no
variables): `location /static/ { alias /srv/app/static; }`.
A location no request can select (N118, N119) is left to those rules.

## What breaks in production
nginx replaces the matched prefix with the alias, so `/static/app.css` becomes
`/srv/app/staticapp.css`. Measured with nginx 1.22: 404, and the error log says
`open() "/srv/app/staticapp.css" failed (2: No such file or directory)`.

Where the location's own `try_files` ends in a named location or a URI (`try_files $uri
$uri/ @backend;`), a file that is never found goes there instead: nginx answers nothing
itself, and what the fallback does with the request is another program's. That is an info.

## How to fix
End the alias with `/` as well: `alias /srv/app/static/;`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "N104"
SLUG = "alias-slash-mismatch"
SEVERITY = "warning"
SUMMARY = "A location ending in / uses an alias without a trailing slash: files are not found."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /static/ {\n        alias /srv/app/static;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /static/ {\n        alias /srv/app/static/;\n    }\n}\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for location in instance.locations:
            alias = location.alias
            if alias is None or not location.is_prefix or location.block is None or location.never_matches:
                continue
            target = alias.args[0]
            if not location.path.endswith("/") or target.endswith("/") or "$" in target:
                continue
            example = "app.css"
            fallback = next((d.args[-1] for d in location.own.get("try_files", ()) if len(d.args) > 1
                             and not d.args[-1].startswith("=")), None)
            if fallback is not None:
                # The file is never found, so try_files hands every request to its last argument:
                # served by whatever that is (the app), not answered 404 by nginx.
                yield Hit(alias.value_at, f"`location {location.path}` ends with a slash but `alias {target}` does "
                          f"not: {location.path}{example} is looked up as {target}{example}, never found, so "
                          f"`try_files` hands every request to {fallback} instead of nginx serving the file; write "
                          f"`alias {target}/;` if nginx should serve them",
                          (Related(location.block.name_at, f"location {location.path}"),), severity="info")
                continue
            yield Hit(alias.value_at, f"`location {location.path}` ends with a slash but `alias {target}` does not: "
                      f"{location.path}{example} is looked up as {target}{example} and nginx answers 404; "
                      f"write `alias {target}/;`",
                      (Related(location.block.name_at, f"location {location.path}"),))
