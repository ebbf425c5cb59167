"""A prefix location without a trailing slash uses an alias that has one: path traversal.

## What it checks
A prefix `location` (no `=`, `~`, `~*`) whose path does not end in `/`, with an `alias`
that does: `location /static { alias /srv/app/static/; }`.

## What breaks in production
nginx replaces the matched prefix with the alias, so `/static../app/settings.py`
becomes `/srv/app/static/../app/settings.py`: one directory above the alias is
readable by anyone. Measured with nginx 1.22: `GET /static../app/settings.py`
answered 200 with the file's contents.

## How to fix
End both with `/` (`location /static/ { alias /srv/app/static/; }`), or use
`root` when the last directory has the location's name.
"""
from wsgilint.engine import Hit, Related
from wsgilint.model.nginx_blocks import prefix_aliases

CODE = "N103"
SLUG = "alias-traversal"
SEVERITY = "error"
SUMMARY = "A prefix location without a trailing slash uses an alias with one: files above the alias can be read."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /static {\n        alias /srv/app/static/;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /static/ {\n        alias /srv/app/static/;\n    }\n}\n"}


def check(deployment):
    for scope, alias in prefix_aliases(deployment):
        if scope.path.endswith("/") or not alias.args[0].endswith("/"):
            continue
        traversal = f"{scope.path}../"
        yield Hit(alias.value_at, f"`location {scope.path}` has no trailing slash but `alias {alias.args[0]}` "
                  f"has one: `{traversal}x` reads {alias.args[0]}../x, so anyone can download files one "
                  f"directory above the alias; write `location {scope.path}/`",
                  (Related(scope.location.at, f"location {scope.path}"),))
