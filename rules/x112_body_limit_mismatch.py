"""nginx accepts request bodies that uWSGI's `limit-post` refuses.

## What it checks
A route with `uwsgi_pass` where nginx's `client_max_body_size` (default 1m; 0 means
no limit) is larger than the uWSGI instance's `limit-post`.

## What breaks in production
A body between the two limits gets **502** instead of a clear 413: uWSGI logs
`Invalid (too big) CONTENT_LENGTH. skip.` and resets the connection (measured with
nginx 1.22 and uWSGI 2.0.31).

## How to fix
Make nginx refuse first: `client_max_body_size` at or below `limit-post`, so the
client gets 413.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.units import c_atoi, nginx_size

CODE = "X112"
SLUG = "body-limit-mismatch"
SEVERITY = "warning"
SUMMARY = "nginx client_max_body_size above uWSGI limit-post (502 instead of 413)."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    client_max_body_size 10m;\n    location / {\n"
                         "        include uwsgi_params;\n        uwsgi_pass 127.0.0.1:3031;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nlimit-post = 1000000\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"].replace("10m", "900k"),
    "deploy/uwsgi.ini": BAD["deploy/uwsgi.ini"],
}


def check(deployment: Deployment) -> Iterator[Hit]:
    for route in deployment.routes:
        if route.protocol != "uwsgi":
            continue
        directives = route.effective("client_max_body_size")
        nginx_limit = nginx_size(directives[-1].args[0]) if directives and directives[-1].args else 1024 ** 2
        if nginx_limit is None:
            continue
        for target in route.targets:
            for listener in deployment.reached(route, target):
                option = listener.server.last("limit-post")
                if option is None or option.unresolved:
                    continue
                limit_post = c_atoi(option.value) or 0
                if not limit_post or (nginx_limit and nginx_limit <= limit_post):
                    continue
                said = "no limit (0)" if not nginx_limit else f"{nginx_limit} bytes"
                origin = (Related(directives[-1].at, f"client_max_body_size allows {said}"),) if directives else ()
                yield Hit(option.at, f"limit-post = {limit_post} but nginx accepts bodies up to {said}"
                          f"{'' if directives else ' (nginx default 1m)'}: bodies in between get 502 instead of 413 "
                          "(uWSGI logs \"Invalid (too big) CONTENT_LENGTH\"); set client_max_body_size at or below "
                          "limit-post", origin + (Related(target.at, "requests reach uWSGI here"),))
