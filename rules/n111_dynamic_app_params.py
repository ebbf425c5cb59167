"""nginx tells uWSGI which app to load per request (`uwsgi_param UWSGI_SCRIPT ...`).

## What it checks
A `uwsgi_param` that sends one of uWSGI's dynamic-app variables: `UWSGI_SCRIPT`,
`UWSGI_MODULE`, `UWSGI_CALLABLE`, `UWSGI_FILE`, `UWSGI_PYHOME`, `UWSGI_HOME`,
`UWSGI_CHDIR`, `UWSGI_SETENV`, `UWSGI_APPID`, `UWSGI_POSTFILE`, `UWSGI_TOUCH_RELOAD`
(old tutorials, and the "one uWSGI for many sites" `vhost` setups). One finding per file, at
the first such line, with the others as related places: removing them is one fix. Only
lines a `uwsgi_pass` sends: in a location that passes with `proxy_pass` they are not sent
(X110 reports them).

## What breaks in production
uWSGI 2.0 honours these variables in every uwsgi-protocol request and loads the named
app on the fly (`core/protocol.c`; `UWSGI_SETENV` calls `setenv()` in the worker,
`UWSGI_FILE=exec://...` runs a command); 2.0 has no switch to turn this off. The app
is imported at request time inside a worker, and the uWSGI socket becomes able to
run code for anyone who can send it these variables: any local user or process that
can connect to it, not only nginx.

A variable that only names the app to load (`UWSGI_SCRIPT`, `UWSGI_MODULE`,
`UWSGI_CALLABLE`, `UWSGI_FILE`) loads nothing when the app id the request asks for is
one uWSGI already has. Without `SCRIPT_NAME` or `UWSGI_APPID` that id is the empty
one, the mountpoint of an app loaded at start with `module`, `wsgi`, `wsgi-file`...
(not with `mount`, whose app has its own mountpoint): that app answers and the line
does nothing (measured on uWSGI 2.0.31; `UWSGI_SCRIPT=other` with `SCRIPT_NAME=/x`
imports `other` as a second app). Such a line, behind a route that reaches only
instances loading their app so, is reported as info: it is dead, and the socket is as
open to other clients with or without it (U108, U115 say when that matters).

An instance in an image built on a base wsgilint does not know keeps the info, naming the
assumption: a start the files show reads the base's own ini only where it names it, so
what the base could add is `UWSGI_*` environment (`UWSGI_MOUNT`, `UWSGI_VHOST`), which
uWSGI reads as options; a config copied into the image that nothing in the files starts
may be run by the base's own start and ini. So does an instance loading an ini that is
not among the checked files.

A variable that only says how to load such an app (`UWSGI_PYHOME`, `UWSGI_HOME`,
`UWSGI_CHDIR`: uWSGI records it and uses it only while loading an app a request names),
sent by routes that name none (no `UWSGI_SCRIPT`, `UWSGI_MODULE`, `UWSGI_CALLABLE`,
`UWSGI_FILE` or `UWSGI_APPID`), or only one that does nothing as above, changes nothing: an
info.

## How to fix
Load the app in the uWSGI config (`chdir`, `module`, `home`/`virtualenv`), drop these
`uwsgi_param` lines, and run one uWSGI instance (or an Emperor vassal) per app.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, NginxDirective, Route, Setting
from wsgilint.model.manager_facts import options_unseen
from wsgilint.model.uwsgi_values import app_loader

CODE = "N111"
SLUG = "dynamic-app-params"
SEVERITY = "error"
SUMMARY = "nginx sends UWSGI_SCRIPT/UWSGI_FILE/UWSGI_CHDIR...: uWSGI loads apps chosen per request."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                            "        uwsgi_pass 127.0.0.1:9090;\n        uwsgi_param UWSGI_CHDIR /var/www/app;\n"
                            "        uwsgi_param UWSGI_SCRIPT app_wsgi;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                             "        uwsgi_pass 127.0.0.1:9090;\n    }\n}\n"}

DYNAMIC = frozenset({
    "UWSGI_SCRIPT", "UWSGI_MODULE", "UWSGI_CALLABLE", "UWSGI_FILE", "UWSGI_PYHOME", "UWSGI_HOME", "UWSGI_CHDIR",
    "UWSGI_SETENV", "UWSGI_APPID", "UWSGI_POSTFILE", "UWSGI_TOUCH_RELOAD",
})


# Variables that only name the app a request loads (core/protocol.c sets the request's
# `dynamic` flag for them); the python plugin loads it when the request's app id is unknown.
_NAMES_THE_APP = frozenset({"UWSGI_SCRIPT", "UWSGI_MODULE", "UWSGI_CALLABLE", "UWSGI_FILE"})
# What gives a request an app id other than the empty one (`vhost` adds the host name).
_APP_ID_PARAMS = frozenset({"SCRIPT_NAME", "UWSGI_APPID"})
# Variables that only say how to load a dynamic app (its virtualenv, its folder): core/protocol.c
# records them, and init_uwsgi_app uses them only while loading one a request names.
_LOAD_SETTINGS = frozenset({"UWSGI_PYHOME", "UWSGI_HOME", "UWSGI_CHDIR"})


def check(deployment: Deployment) -> Iterator[Hit]:
    routes = [route for route in deployment.routes if route.protocol == "uwsgi"]
    # Only where a uwsgi_pass sends them: a location that proxies elsewhere sends no uwsgi_param (X110).
    sent = {id(directive) for route in routes for directive in route.effective("uwsgi_param")}
    for instance in deployment.nginx:
        # One cause per file: the lines that set dynamic-app variables are one finding, at the
        # first, with the others as related places.
        dynamic: dict[str, list[NginxDirective]] = {}
        for directive in instance.directives:
            if directive.name != "uwsgi_param" or not directive.args:
                continue
            name = directive.args[0]
            if name not in DYNAMIC or id(directive) not in sent:   # uWSGI compares the names case-sensitively
                continue
            if name in _LOAD_SETTINGS and not _names_an_app(deployment, directive, routes):
                yield Hit(directive.at, f"`uwsgi_param {name}` does nothing here: it only says how to load an app a "
                          "request names (UWSGI_SCRIPT, UWSGI_MODULE, UWSGI_FILE...), and no route that sends it names "
                          "one that uWSGI would load, so uWSGI serves the app its config loads; remove this line",
                          severity="info")
                continue
            loaded = _loaded_at_start(deployment, directive, routes) if name in _NAMES_THE_APP else None
            if loaded:
                shown, assumed = loaded
                yield Hit(directive.at, f"`uwsgi_param {name}` does nothing here: the request asks for no app id "
                          f"(no SCRIPT_NAME or UWSGI_APPID), so uWSGI serves the app it loaded at start ("
                          f"{shown}) and loads nothing per request; remove this line{assumed}", severity="info")
                continue
            dynamic.setdefault(directive.at.path, []).append(directive)
        for directives in dynamic.values():
            first, others = directives[0], directives[1:]
            names = list(dict.fromkeys(d.args[0] for d in directives))
            written = f"`uwsgi_param {names[0]}`" + (f" (and {', '.join(names[1:])})" if len(names) > 1 else "")
            yield Hit(first.at, f"{written} makes uWSGI choose or change the app per request (a dynamic app, "
                      "imported in a worker at request time); uWSGI 2.0 takes these variables from any client of "
                      "the socket and cannot turn them off, so whoever reaches it can load code; set "
                      f"chdir/module/home in the uWSGI config and remove {'these lines' if others else 'this line'}",
                      tuple(Related(d.at, f"uwsgi_param {d.args[0]}") for d in others))


def _names_an_app(deployment: Deployment, directive: NginxDirective, routes: list[Route]) -> bool:
    """Whether a route that sends ``directive`` also names an app to load (with a line that is
    not dead: see ``_loaded_at_start``), or an app id."""
    return any(d.args and (d.args[0] == "UWSGI_APPID" or (d.args[0] in _NAMES_THE_APP
                                                           and not _loaded_at_start(deployment, d, routes)))
               for route in routes if any(each is directive for each in route.effective("uwsgi_param"))
               for d in route.effective("uwsgi_param"))


def _loaded_at_start(deployment: Deployment, directive: NginxDirective, routes: list[Route]
                     ) -> tuple[str, str] | None:
    """Where the app is loaded at start (``file:line``) in every uWSGI instance the routes
    sending ``directive`` reach, when none of them sends an app id, and the assumption made
    for an image wsgilint does not know ("" when none); None when that is not so or not
    known (a route reaching nothing in the files)."""
    sending = [route for route in routes if any(d is directive for d in route.effective("uwsgi_param"))]
    if not sending:
        return None
    shown, assumed = [], []
    for route in sending:
        if any(d.args and d.args[0] in _APP_ID_PARAMS for d in route.effective("uwsgi_param")):
            return None
        reached = [listener for target in route.targets for listener in deployment.reached(route, target)]
        if not route.targets or not reached or len(reached) < len(route.targets):
            return None
        for listener in reached:
            server = listener.server
            loader = app_loader(server) if server.kind == "uwsgi" else None
            if loader is None or loader.key == "mount" or server.has("mount", "vhost", "no-default-app"):
                return None
            shown.append(f"`{loader.key}` at {loader.at.path}:{loader.at.line}")
            unread = options_unseen(server)
            if unread is not None:
                assumed.append(f"{unread.note}: assumed they add no `mount`, `vhost` or `no-default-app`")
            elif server.unseen_base is not None:
                assumed.append(_unseen_base(server, server.unseen_base))
    unknown = "; ".join(dict.fromkeys(assumed))
    return ", ".join(dict.fromkeys(shown)), f"; {unknown}" if unknown else ""


def _unseen_base(server: AppServer, base: Setting[str]) -> str:
    """What an image wsgilint does not know could add to give the app another id. A start the
    files show reads the base's own ini only where it names it, so only the base's `UWSGI_*`
    environment is left (uWSGI reads every such variable as an option); a config copied into
    the image with no start in the files may be run by the base's own start, with its own ini."""
    if server.manager is not None and server.manager.argv is not None:
        return (f"{base.note}; the start shown loads no ini of the image: assumed its ENV sets no `UWSGI_MOUNT`, "
                "`UWSGI_VHOST` or `UWSGI_NO_DEFAULT_APP`, which would give the app another id")
    return f"{base.note}: assumed they add no `mount`, `vhost` or `no-default-app`"
