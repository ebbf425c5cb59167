"""The app's request timeout is above nginx's read timeout.

## What it checks
For each route to an app server: uWSGI `harakiri`, or Gunicorn `timeout` (sync worker
only — other workers keep heartbeating through a long request), against the route's
`uwsgi_read_timeout` / `proxy_read_timeout` (60 s by default). One finding per app
server, naming the location that gives up first, with the others as related places. A
uWSGI instance with no `harakiri` at all is U112's finding. A location whose path names a
health probe (`/health`, `/healthz`, `/ping`, ...) is left out: the check answered there
returns at once, so its read timeout never runs out while the worker goes on. So is a
regex location for static file extensions only (`~* \\.(jpg|css|js)$`, `~ .*\\.(gif|css|js)(.*)`). So is a route to a
socket that speaks another protocol than nginx sends (`uwsgi_pass` to an `http-socket`: X102;
`proxy_pass` to a uwsgi `socket`: X103): nginx gets no answer there, whatever the timeouts.
Where another location
of the same server block raises its read timeout for the same app to the app's timeout or
above, the locations left at nginx's default, or given less time on purpose (a `/version/`
endpoint at 10 s beside `/api/` at 120 s), are taken to serve requests that end sooner: an
info that says so. So is an app with nothing to wait on, as U112 weighs it: the tree holds all
of its code, and none of it calls out, uses a database other than SQLite, a cache, a socket, a
lock, a device or a pipe, or sleeps; no request of it lasts as long as nginx's read timeout.

## What breaks in production
When nginx gives up first, the client gets **504** while the worker goes on with the
request to the end; uWSGI even logs it as a 200 (measured with nginx 1.22 and uWSGI
2.0.31).

## How to fix
Set the app timeout a little below nginx's read timeout (`harakiri = 55` with the
60 s default), or raise `*_read_timeout` above it.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, NginxDirective, Option, Route
from wsgilint.model.units import c_atoi, nginx_seconds

CODE = "X109"
SLUG = "timeout-order"
SEVERITY = "warning"
SUMMARY = "App request timeout above nginx's read timeout (504 while the worker goes on)."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                         "        uwsgi_read_timeout 30s;\n        uwsgi_pass 127.0.0.1:3031;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nharakiri = 60\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"],
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nharakiri = 25\n",
}

def _read_timeout(route: Route) -> tuple[str | None, float | None, NginxDirective | None]:
    name = {"uwsgi": "uwsgi_read_timeout", "http": "proxy_read_timeout", "https": "proxy_read_timeout"}.get(route.protocol)
    if name is None:
        return None, None, None
    directives = route.effective(name)
    if not directives:
        return name, 60.0, None
    return name, nginx_seconds(directives[-1].args[0]) if directives[-1].args else None, directives[-1]


def _app_timeout(server: AppServer) -> tuple[str, float | None, Option | str | None]:
    if server.kind == "uwsgi":
        option = server.last("harakiri")
        if option is None or option.unresolved:
            return "harakiri", None, option
        return "harakiri", c_atoi(option.value) or None, option
    if server.gunicorn_worker() != "sync":
        # Other workers heartbeat through a long request (or the files do not show which runs).
        return "timeout", None, "not-sync"
    option = server.last("timeout")
    if option is not None and option.unresolved:
        return "timeout", None, option
    return "timeout", float(option.value) if option is not None else 30.0, option


# A plain class: the standard dataclass compiles its methods when the rule is loaded, at
# every start (about 4 M instructions), and a NamedTuple its ``__new__`` (0.4 M); the
# model's records are written out ahead instead.
class _Slowest:
    """An app server's timeout and the location that gives up before it, first of all."""

    __slots__ = ("server", "key", "app_timeout", "option", "name", "nginx_timeout", "nginx_default", "related",
                 "block")

    def __init__(self, server: AppServer, key: str, app_timeout: float, option: Option | None, name: str,
                 nginx_timeout: float, nginx_default: bool, related: list[Related], block: int) -> None:
        self.server = server
        self.key = key                      # harakiri | timeout
        self.app_timeout = app_timeout
        self.option = option                # where the app timeout is set; None for a default
        self.name = name                    # uwsgi_read_timeout | proxy_read_timeout
        self.nginx_timeout = nginx_timeout
        self.nginx_default = nginx_default
        self.related = related
        self.block = block                  # id of the nginx server block of that location


def check(deployment: Deployment) -> Iterator[Hit]:
    # One finding per app server: its timeout is one setting, however many locations reach
    # it; the location that gives up first is the one the message names.
    slowest: dict[tuple[str, int], _Slowest] = {}
    # By app server and nginx server block, a location that raises its read timeout to the app's:
    # that block's slow requests go there.
    raised: dict[tuple[int, int], NginxDirective] = {}
    unbuffered: set[int] = set()   # the app servers a route passes request bodies to as they arrive
    for route in deployment.routes:
        if route.probe or route.static_files:
            # A health check, or a file (or a 404) for an extension, answers at once: its
            # location's timeout never runs out first.
            continue
        name, nginx_timeout, directive = _read_timeout(route)
        if name is None or nginx_timeout is None:
            continue
        for target in route.targets:
            for listener in deployment.reached(route, target):
                server = listener.server
                if server.kind not in ("uwsgi", "gunicorn"):
                    continue   # a development server has no worker timeout
                if listener.protocol != route.protocol:
                    continue   # nginx gets no answer there whatever the timeouts (X102, X103)
                if not route.buffers_bodies:
                    unbuffered.add(id(server))
                key, app_timeout, option = _app_timeout(server)
                if app_timeout is not None and directive is not None and app_timeout <= nginx_timeout:
                    raised.setdefault((id(server), id(route.server)), directive)
                # Equal timeouts are fine: the master kills the worker within about a second of the 504.
                if app_timeout is None or app_timeout <= nginx_timeout:
                    continue   # no timeout at all is U112's finding (uWSGI) or not this rule's
                places = [Related(directive.at, f"{name} {directive.args[0]}")] if directive else []
                places.append(Related(target.at, f"{route.handler.name} to this app"))
                entry = slowest.get((key, id(server)))
                if entry is None or nginx_timeout < entry.nginx_timeout:
                    slowest[(key, id(server))] = _Slowest(
                        server, key, app_timeout, option if isinstance(option, Option) else None,
                        name, nginx_timeout, directive is None, places + (entry.related if entry else []),
                        id(route.server))
                else:
                    entry.related.extend(places)
    for entry in slowest.values():
        option, key = entry.option, entry.key
        where = option.at if option is not None else entry.server.at
        default = "" if option is not None else " (Gunicorn default)"
        logged = " (uWSGI even logs it as 200)" if entry.server.kind == "uwsgi" else ""
        said = f"{entry.name} {entry.nginx_timeout:g} s" + (" (nginx default)" if entry.nginx_default else "")
        wide = raised.get((id(entry.server), entry.block))
        shorter = "left at the default" if entry.nginx_default else "given less time"
        assumed = "" if wide is None else (
            f"; another location of its server block raises it for this app ({wide.name} {wide.args[0]} at "
            f"{wide.at.path}:{wide.at.line}): "
            f"assumed its slow requests go there and those {shorter} end sooner")
        readers = deployment.app_request_readers
        module = readers.nothing_to_wait_on(entry.server, id(entry.server) not in unbuffered) \
            if readers is not None and wide is None else None
        if readers is not None and module is not None:
            assumed = f"; {readers.waits_on_nothing_said(module)}: assumed no request lasts {entry.nginx_timeout:g} s"
        yield Hit(where, f"{key} = {entry.app_timeout:g} s{default} is above nginx's {said}: nginx answers "
                  f"504 while the worker goes on with the request{logged}; set "
                  f"{key} below {entry.nginx_timeout:g} or raise {entry.name}{assumed}",
                  tuple(dict.fromkeys(entry.related)) + ((Related(wide.at, "raised for slow requests here"),)
                                                         if wide is not None else ()),
                  severity="info" if wide is not None or module is not None else None)
