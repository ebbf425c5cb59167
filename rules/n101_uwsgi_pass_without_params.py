"""`uwsgi_pass` with no `uwsgi_param` in effect.

## What it checks
A location with `uwsgi_pass` where no `uwsgi_param` is in effect, neither in the
location nor inherited (usually `include uwsgi_params;` is missing), and no include around
it is left unread (a file the tree does not hold, or one not expanded again past E009's
bound): that include may set them. In a site fragment
whose nginx.conf is not among the checked files it is a warning: that nginx.conf could set
them at http level.

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
    for instance in deployment.nginx:
        for route in instance.routes:
            if route.protocol != "uwsgi" or route.effective("uwsgi_param"):
                continue
            if route.unread_includes:
                continue   # E003 or E009 reports the include; what it sets is known once it is read
            fix = None if route.handler.stock else \
                Fix("add `include uwsgi_params;`", (Edit.line_before(route.handler.name_at, "include uwsgi_params;"),))
            if instance.standalone:
                # The nginx.conf that includes a fragment may set them at http level: likely, not proven.
                yield Hit(route.handler.at, "uwsgi_pass with no uwsgi_param in effect in this file: unless the "
                          "nginx.conf that includes it (not among the checked files) sets them, the app receives no "
                          "REQUEST_METHOD, PATH_INFO or HTTP_HOST; add `include uwsgi_params;`", severity="warning",
                          fix=fix)
                continue
            yield Hit(route.handler.at, "uwsgi_pass with no uwsgi_param in effect: the app receives no REQUEST_METHOD, "
                      "PATH_INFO or HTTP_HOST; add `include uwsgi_params;`", fix=fix)
