"""uWSGI's `buffer-size` is smaller than the request headers nginx forwards.

## What it checks
A route with `uwsgi_pass` to a uWSGI instance whose `buffer-size` (default 4096 bytes)
is smaller than one of nginx's `large_client_header_buffers` (default `4 8k`): nginx
accepts header lines up to that size and forwards them all in one uwsgi packet.

A `buffer-size` left at its default is asserted only for what was read: where the instance loads a config file
that is not among the checked files (`--ini` of a path a script renders from a template),
the finding is an info naming it. An image wsgilint does not know is not counted: it is nearly
always an OS or runtime image that configures no uWSGI.

## What breaks in production
A request with big headers — a 6 KB cookie is enough — gets **502**; uWSGI logs
`invalid request block size: 6419 (max 4096)...skip` and nginx `recv() failed (104:
Connection reset by peer)` (measured with nginx 1.22 and uWSGI 2.0.31).

## How to fix
Set `buffer-size = 32768` (uWSGI clamps anything above 65535).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import options_unseen
from wsgilint.model.units import c_atoi, nginx_size

CODE = "X111"
SLUG = "header-buffer-too-small"
SEVERITY = "warning"
SUMMARY = "uWSGI buffer-size below what nginx forwards (502 on big cookies)."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                         "        uwsgi_pass 127.0.0.1:3031;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"],
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nbuffer-size = 32768\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    reported = set()
    for route in deployment.routes:
        if route.protocol != "uwsgi":
            continue
        buffers = route.effective("large_client_header_buffers")
        forwarded = nginx_size(buffers[-1].args[1]) if buffers and len(buffers[-1].args) > 1 else 8192
        if forwarded is None:
            continue
        for target in route.targets:
            for listener in deployment.reached(route, target):
                server = listener.server
                if server.kind != "uwsgi" or listener.protocol != "uwsgi" or id(server) in reported:
                    continue
                option = server.last("buffer-size", "b")
                if option is not None and option.unresolved:
                    continue
                size = min(c_atoi(option.value) or 0, 65535) if option is not None else 4096
                if size >= forwarded:
                    continue
                reported.add(id(server))
                said = f"buffer-size = {size}" + ("" if option is not None else " (uWSGI default)")
                related = (Related(target.at, f"nginx forwards header lines up to {forwarded} bytes here"),)
                message = (f"{said} is below the {forwarded}-byte header lines nginx accepts and forwards: a request "
                           "with big headers (a 6 KB cookie) gets 502 and uWSGI logs \"invalid request block size\"; "
                           "set buffer-size = 32768")
                unseen = options_unseen(server) if option is None else None
                if unseen is not None:
                    yield Hit(server.at, f"{message}; {unseen.note}: assumed they do not set `buffer-size`",
                              (*related, *((Related(unseen.at, unseen.value),) if unseen.at else ())), severity="info")
                    continue
                yield Hit(option.at if option is not None else server.at, message, related)
