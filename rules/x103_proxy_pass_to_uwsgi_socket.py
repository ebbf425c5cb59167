"""`proxy_pass http://` sends HTTP to a server that speaks the uwsgi protocol.

## What it checks
An nginx `proxy_pass` whose target is a uWSGI `socket` / `uwsgi-socket` (the binary
uwsgi protocol) or a Gunicorn running `--protocol uwsgi`.
When a start script rewrites the nginx file of the target before nginx starts (`sed -i`,
`envsubst > FILE`), the finding is an info that assumes the rewrite leaves the target.
So is a uWSGI config nothing in the files starts, taken to run in the container nginx
reaches by name, where that container's start is not all the files show.
Where a server that speaks HTTP binds the same address (a Gunicorn and a uWSGI set-up of one
socket path, which cannot both run), a uWSGI config nothing starts is passed over, and one
something starts gives an info naming the other.

## What breaks in production
Measured on nginx 1.22 with uWSGI 2.0.31: **502** at once; uWSGI reads "GET " as a
packet header and logs `invalid request block size: 21573 (max 4096)...skip`, nginx
logs `upstream prematurely closed connection`. With a large `buffer-size` the 502
comes after uWSGI's `socket-timeout` instead, and uWSGI logs nothing.

## How to fix
Use `uwsgi_pass` with `include uwsgi_params;` for a uwsgi socket, or make uWSGI listen
with `http-socket =` for `proxy_pass`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, FileRewrite, Listener, Span, Target

CODE = "X103"
SLUG = "proxy-pass-to-uwsgi-socket"
SEVERITY = "error"
SUMMARY = "proxy_pass http:// points at a uwsgi-protocol socket."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:8000\nmodule = app.wsgi\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"],
    "deploy/uwsgi.ini": "[uwsgi]\nhttp-socket = 127.0.0.1:8000\nmodule = app.wsgi\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    # One finding per listener (the other proxy_pass places related), each place in nginx once.
    by_listener: dict[int, tuple[Listener, list[Target]]] = {}
    seen: set[Span] = set()
    rewritten: dict[Span, FileRewrite] = {}
    alternatives: dict[Span, Listener] = {}   # a place in nginx -> a listener there that speaks its protocol
    for route in deployment.routes:
        if route.protocol not in ("http", "https"):
            continue
        for target in route.targets:
            fitting = deployment.fitting_alternative(route, target)
            for listener in deployment.reached(route, target):
                if listener.protocol == "uwsgi" and target.at not in seen:
                    if fitting is not None and not listener.server.started_on_record:
                        continue   # a set-up nothing starts, beside the server that fits and may run
                    seen.add(target.at)
                    by_listener.setdefault(id(listener), (listener, []))[1].append(target)
                    if route.rewritten is not None:
                        rewritten[target.at] = route.rewritten
                    if fitting is not None:
                        alternatives[target.at] = fitting
    for listener, targets in by_listener.values():
        first = targets[0]
        rewrite = rewritten.get(first.at) if all(t.at in rewritten for t in targets) else None
        assumed = listener.server.place_assumed
        fitting = alternatives.get(first.at) if all(t.at in alternatives for t in targets) else None
        other = (f"; but {fitting.label} ({fitting.at.path}:{fitting.at.line}) binds the same address and speaks "
                 "HTTP: the files hold two set-ups for it, which cannot both run, and the one that fits may be the one "
                 "that does") if fitting else ""
        yield Hit(
            first.at,
            f"proxy_pass sends HTTP to {first.address}, the {listener.label}, which speaks the uwsgi "
            "protocol: nginx answers 502 (uWSGI logs \"invalid request block size: 21573\"); use "
            "uwsgi_pass with `include uwsgi_params;`, or `http-socket` in uWSGI" + (rewrite.assumption() if rewrite else "")
            + (f" ({assumed.note})" if assumed else "") + other,
            (Related(listener.at, f"{listener.label} speaks the uwsgi protocol"),)
            + tuple(Related(t.at, "proxy_pass to the same listener") for t in targets[1:])
            + ((Related(rewrite.at, "rewritten here"),) if rewrite else ())
            + ((Related(fitting.at, f"{fitting.label} speaks HTTP"),) if fitting else ()),
            severity="info" if rewrite or assumed or fitting else None,
        )
