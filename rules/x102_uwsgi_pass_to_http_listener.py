"""`uwsgi_pass` sends the uwsgi protocol to a server that speaks HTTP.

## What it checks
An nginx `uwsgi_pass` whose target is a uWSGI `http-socket` (or a `socket` that
`protocol = http` makes speak HTTP), uWSGI's HTTP router (`http =`), or a Gunicorn bind (Gunicorn speaks HTTP unless run with
`--protocol uwsgi`).
When a start script rewrites the nginx file of the target before nginx starts (`sed -i`,
`envsubst > FILE`), the finding is an info that assumes the rewrite leaves the target.
So is a uWSGI config nothing in the files starts, taken to run in the container nginx
reaches by name, where that container's start is not all the files show.
Where a server that speaks uwsgi binds the same address (a uWSGI and a Gunicorn set-up of one
socket path, which cannot both run), an HTTP server nothing starts is passed over, and one
something starts gives an info naming the other.

## What breaks in production
Measured on nginx 1.22 with uWSGI 2.0.31 and Gunicorn 27:
- to an `http-socket`: **502** after uWSGI's `socket-timeout` (4 s by default); uWSGI
  logs nothing and the worker is held meanwhile;
- to the HTTP router: **502 or 504** after about 60 s (the router's `http-timeout`
  races nginx's `uwsgi_read_timeout`); uWSGI logs nothing;
- to Gunicorn: the request hangs until Gunicorn's worker `timeout` (30 s by default),
  then Gunicorn answers **500** and logs `WORKER TIMEOUT`.

## How to fix
Make uWSGI listen with `socket =` (the uwsgi protocol) for `uwsgi_pass`, or keep the
HTTP listener and use `proxy_pass http://...`. For Gunicorn use `proxy_pass`, or
start it with `--protocol uwsgi`.

## Fix safety
When only nginx's `uwsgi_pass` reaches a uWSGI `http-socket` or `http` on a loopback
address or a unix socket (no `proxy_pass` of the tree goes there), `--unsafe-fixes`
renames the key to `socket` in its INI file (not when a `protocol` option would make
that `socket` speak HTTP too). Unsafe: something outside the checked files
(a health check, a load balancer, a script with curl) may still speak HTTP to it.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related
from wsgilint.model import Deployment, FileRewrite, Listener, Span, Target

CODE = "X102"
SLUG = "uwsgi-pass-to-http-listener"
SEVERITY = "error"
SUMMARY = "uwsgi_pass points at an HTTP listener (uWSGI http/http-socket, Gunicorn)."
FIXES = ("unsafe",)

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                         "        uwsgi_pass 127.0.0.1:8001;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nhttp = 0.0.0.0:8001\nmodule = app.wsgi\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"],
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:8001\nmodule = app.wsgi\n",
}


def _consequence(listener: Listener) -> str | None:
    if listener.protocol not in ("http", "https") or listener.server.kind not in ("uwsgi", "gunicorn"):
        return None
    if listener.server.kind == "gunicorn":
        timeout = listener.server.last("timeout")
        seconds = timeout.value if timeout is not None and not timeout.unresolved else 30
        return (f"Gunicorn speaks HTTP there: the request hangs until the worker timeout ({seconds} s), then "
                "Gunicorn answers 500 and logs WORKER TIMEOUT; use proxy_pass http://, or run Gunicorn "
                "with --protocol uwsgi")
    if listener.is_router:
        return ("that is uWSGI's HTTP router: nginx answers 502 or 504 after about 60 s and uWSGI logs nothing; "
                f"use `socket = {listener.address}` for uwsgi_pass, or proxy_pass http:// to the router")
    timeout = listener.server.last("socket-timeout")
    seconds = timeout.value if timeout is not None and not timeout.unresolved else 4
    if listener.protocol_at is not None:   # `socket` with `protocol = http`
        return (f"uWSGI speaks HTTP there (`protocol` sets what `{listener.option}` speaks): nginx answers 502 "
                f"after socket-timeout ({seconds} s) and uWSGI logs nothing; remove `protocol`, or use "
                "proxy_pass http://")
    return (f"uWSGI speaks HTTP there: nginx answers 502 after socket-timeout ({seconds} s) and uWSGI logs "
            f"nothing; change `{listener.option}` to `socket`, or use proxy_pass http://")


def check(deployment: Deployment) -> Iterator[Hit]:
    # One finding per listener (the fix is there, or in nginx at every place listed), and a
    # place in nginx is reported once even when several checked listeners share its address.
    by_listener: dict[int, tuple[Listener, str, list[Target]]] = {}
    seen: set[Span] = set()
    rewritten: dict[Span, FileRewrite] = {}
    alternatives: dict[Span, Listener] = {}   # a place in nginx -> a listener there that speaks uwsgi
    for route in deployment.routes:
        if route.protocol != "uwsgi":
            continue
        for target in route.targets:
            fitting = deployment.fitting_alternative(route, target)
            for listener in deployment.reached(route, target):
                consequence = _consequence(listener)
                if consequence and target.at not in seen:
                    if fitting is not None and not listener.server.started_on_record:
                        continue   # a set-up nothing starts, beside the server that fits and may run
                    seen.add(target.at)
                    by_listener.setdefault(id(listener), (listener, consequence, []))[2].append(target)
                    if route.rewritten is not None:
                        rewritten[target.at] = route.rewritten
                    if fitting is not None:
                        alternatives[target.at] = fitting
    spoken_to: dict[int, set[str]] = {}
    for listener, consequence, targets in by_listener.values():
        if not spoken_to:   # once, when there is a finding: the protocols each listener is passed
            for route in deployment.routes:
                for target in route.targets:
                    for reached in deployment.listeners_at(target.address):
                        spoken_to.setdefault(id(reached), set()).add(route.protocol)
        first = targets[0]
        protocol = (Related(listener.protocol_at, f"`protocol` makes `{listener.option}` speak "
                            f"{listener.protocol.upper()}"),) if listener.protocol_at else ()
        rewrite = rewritten.get(first.at) if all(t.at in rewritten for t in targets) else None
        assumed = listener.server.place_assumed
        fitting = alternatives.get(first.at) if all(t.at in alternatives for t in targets) else None
        other = (f"; but {fitting.label} ({fitting.at.path}:{fitting.at.line}) binds the same address and speaks "
                 "uwsgi: the files hold two set-ups for it, which cannot both run, and the one that fits may be the "
                 "one that does") if fitting else ""
        yield Hit(first.at,
                  f"uwsgi_pass sends the uwsgi protocol to {first.address}, the {listener.label}; {consequence}"
                  + (rewrite.assumption() if rewrite else "") + (f" ({assumed.note})" if assumed else "") + other,
                  (Related(listener.at, f"{listener.label} speaks {listener.protocol.upper()}"),) + protocol
                  + tuple(Related(t.at, "uwsgi_pass to the same listener") for t in targets[1:])
                  + ((Related(rewrite.at, "rewritten here"),) if rewrite else ())
                  + ((Related(fitting.at, f"{fitting.label} speaks uwsgi"),) if fitting else ()),
                  fix=None if rewrite or assumed or fitting else _to_socket(listener, spoken_to.get(id(listener), set())),
                  severity="info" if rewrite or assumed or fitting else None)


def _to_socket(listener: Listener, spoken_to: set[str]) -> Fix | None:
    """`http-socket`/`http` -> `socket`, when the tree shows no one else speaking HTTP to it
    (``spoken_to``: the protocols of the routes that pass to it)."""
    server, address = listener.server, listener.address
    config = server.uwsgi_config
    # A `protocol` option would make the renamed `socket` speak it (HTTP) as well.
    if server.kind != "uwsgi" or listener.option not in ("http", "http-socket") or config is None \
            or server.has("protocol", "socket-protocol") \
            or listener.at.path not in config.ini_files or not address.is_loopback or address.is_wildcard:
        return None
    if spoken_to - {"uwsgi"}:
        return None
    return Fix(f"listen with `socket` instead of `{listener.option}`",
               (Edit.key_rename(listener.at.path, listener.at.line, listener.option, "socket"),), "unsafe")
