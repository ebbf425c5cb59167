"""`uwsgi_pass` with no `uwsgi_param` in effect.

## What it checks
A location with `uwsgi_pass` where no `uwsgi_param` is in effect, neither in the
location nor inherited (usually `include uwsgi_params;` is missing).

## What breaks in production
nginx sends the request with no CGI variables: the app gets no `REQUEST_METHOD`,
`PATH_INFO`, `QUERY_STRING` or `HTTP_HOST`, so routing and host checks fail inside
the app for every request.

## How to fix
Add `include uwsgi_params;` next to `uwsgi_pass`.

## Fix safety
`--fix` adds `include uwsgi_params;` on a line of its own before `uwsgi_pass`, indented
like it (when `uwsgi_pass` starts its line). Safe: nginx ships `uwsgi_params` beside
nginx.conf, and the parameters only add what the app expects.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit
from wsgilint.model import Deployment

CODE = "N101"
SLUG = "uwsgi-pass-without-params"
SEVERITY = "error"
SUMMARY = "uwsgi_pass without uwsgi_params: the app gets an empty environ."
FIXES = ("safe",)

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        uwsgi_pass unix:/run/app.sock;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                             "        uwsgi_pass unix:/run/app.sock;\n    }\n}\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for route in deployment.routes:
        if route.protocol == "uwsgi" and not route.effective("uwsgi_param"):
            yield Hit(route.handler.at, "uwsgi_pass with no uwsgi_param in effect: the app receives no REQUEST_METHOD, "
                      "PATH_INFO or HTTP_HOST; add `include uwsgi_params;`",
                      fix=None if route.handler.stock else
                      Fix("add `include uwsgi_params;`", (Edit.line_before(route.handler.name_at, "include uwsgi_params;"),)))
