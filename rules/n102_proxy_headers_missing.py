"""`proxy_pass` to an app without the `Host` and `X-Forwarded-*` headers.

## What it checks
A `proxy_pass` to an app (a checked Gunicorn/uWSGI listener, a unix socket, a
loopback or private address, or a one-word host name such as a container's) where the
`proxy_set_header` lines in effect (after nginx's inheritance: one line in a location
hides all of the server's) do not send:
- `Host` (or `X-Forwarded-Host`, which apps such as Django read in its place): nginx then
  sends `Host: $proxy_host`, the upstream's name or address;
- the client's address: `X-Forwarded-For` (or `X-Real-IP`, `Forwarded`);
- `X-Forwarded-Proto` (or `Forwarded`), only where the server block serves TLS (`listen ...
  ssl`; a bare `listen 443` is plain HTTP) and the app is not a checked Gunicorn (X113
  reports that case). Where every app reached is a development server other than uvicorn,
  none of which takes the scheme from the header, and no Python code in the tree
  does (Django's `SECURE_PROXY_SSL_HEADER`, werkzeug's `ProxyFix`), the header alone changes
  nothing: a route missing only it is an info that names the assumption that the app builds
  nothing from the scheme. So is a route to an app the files do not show, at a container's
  name or another host's address: Gunicorn and uvicorn trust the header only from 127.0.0.1
  by default.
A one-word host that names a Compose service is the app only where that service runs one:
a service whose start the files show runs something else (`npm run dev`, nginx, Redis) is
left alone, and one whose start is not in the files (an image built elsewhere) is an info
that names the assumption.
`include proxy_params;` (Debian's file) sends all three. `Host` is not asked for where the
app's environment pins its host name to exactly the host nginx sends (`SERVER_NAME` or
`FLASK_SERVER_NAME` equal to the `proxy_pass` host and port): Flask builds its URLs from
that name whatever `Host` says (measured with Flask 3.1), and before 3.1 answers any other
host with 404 (measured with Werkzeug 2.2.3), so `Host $host` changes nothing or breaks it.
It is assumed that the app's code, like Flask, takes the host name from that setting.
Nor is it asked for where the upstream is named after the server block's one exact
`server_name` (`upstream example.org` behind `server_name example.org`): the Host nginx sends
by default is then the name the client asked for (measured with nginx 1.22).
Nor is it asked for where the tree holds the app's code and that code reads the host name
only where Django checks it against `ALLOWED_HOSTS`, each list of which is written out and
names the host nginx sends (`ALLOWED_HOSTS = ["web"]` behind `proxy_pass http://web:8000`,
matched as Django's `validate_host` does: port dropped, `.example.com` for its subdomains; an
empty list in a settings module that sets `DEBUG = True` is Django's `.localhost`, `127.0.0.1`
and `[::1]`):
the default `Host` passes the check, and `Host $host` would make Django answer 400 to the
public name.

Where the tree holds the module the app server reached loads its app from (so the app's code
is there to read: found by its path, or from where the server starts, through a container's
bind mount or COPY), and none of the Python code under the app's folder (where the module's
top package is: another service's folder of the tree is another app; outside a Django project,
only the files that module imports, directly or through each other: a lesson script beside
`wsgi.py` that nothing imports is no part of the app; in a Django project, neither is a loose
module beside `manage.py` that no Python file of the tree names by an import or a dotted path,
such as an edited copy of Django's `context_processors.py` no setting lists) reads what the missing
headers carry (the host name: Django's `get_host` and what calls it, a restrictive
`ALLOWED_HOSTS`, `build_absolute_uri`, `url_for(..., _external=True)`, DRF's default pagination
links where a view paginates (a generic list view or viewset); the client's address: `REMOTE_ADDR`, `remote_addr`, `X-Forwarded-For`,
`request.client`, a rate limiter; where X-Forwarded-Proto is missing too, nothing the scheme
changes: absolute URLs, HTTPS redirects, CSRF origin checks), nor does the server log the forwarded address (uWSGI's `log-x-forwarded-for`, a Gunicorn
`access_log_format` naming the header; their default logs show the peer, nginx, whatever it
sends), the finding is an info that names the assumption that nothing else reads them. The
code is read as text, never run, commented-out lines left out; a marker counts as a whole name (`request.url`, not
`urllib.request.urlopen`), and a Django project's wsgi.py shows the app only with the settings
module it names. Where the route reaches no app server the files show (a loopback port none
of them binds there), every app server of the tree loading a module the tree holds shows the
code, whichever nginx reaches; but where that route's server block reaches none of the tree's
app servers and other server blocks of its nginx (other server names, or other ports) do, it
fronts an app the files do not hold: an info that names the assumption that the app reads them.
So is a route to a loopback port no app server of the tree binds where a container shares the
nginx's network namespace (`network_mode: host` beside a host's nginx) running a program
wsgilint does not read (a Go or Node API), or where a manager beside that nginx starts a
server runtime wsgilint does not read (`node events/daemon.js` under Supervisor): that is
assumed to be what it reaches.

A location under the app's static or media files (the `STATIC_URL` and `MEDIA_URL` the
tree's Django settings write, else `/static/` and `/media/`, and the prefixes a reached uWSGI
answers itself with `static-map`), a location whose path is one segment named for files
(`/uploads/`, `/assets/`; `/api/uploads/` is a route of the app), or a regex location for
static file extensions only (`~* \\.(css|js|png)$`, `~ .*\\.(gif|jpg|css|js)(.*)`), is
reported as an info that names the assumption: what is proxied there is a file, or a 404 when
the app has no route for it, and
no view reads the client's address or host name.

A location that sends `Connection "upgrade"` written out with `Upgrade $http_upgrade` asks
every request it passes to switch protocols: it carries only websocket connections (a
location that also serves plain requests maps `$http_upgrade` to Connection). That is an
info that names the assumption that no websocket handler reads the client's address, host
name or scheme. So is a location whose path names a health probe (`/health`, `/healthz`,
`/ping`, `/ready`, ... as its last segment): what answers there is a load balancer's or
orchestrator's check, assumed to read none of them. So is an `internal` location that an
`auth_request` sends its subrequests to: the check is assumed to decide from the session.

Where the app is Gunicorn running the Uvicorn worker, reached from another host (a
container), with `forwarded_allow_ips` at its default `127.0.0.1,::1`, uvicorn ignores
`X-Forwarded-For` from nginx (it still reaches the app's own code as a raw header): the
message says to set `forwarded_allow_ips` to nginx's address as well, since the header alone
changes nothing the server decides. Gunicorn's own workers (sync, gthread, gevent, eventlet)
never take `REMOTE_ADDR` from `X-Forwarded-For`: it is the peer's address whatever
`forwarded_allow_ips` says (gunicorn/http/wsgi.py), and the header reaches the app, which
reads it itself; for them the header is the whole fix.

An include in the location (or a level around it) whose file nginx cannot open is
reported once, as E003 (nginx does not start); what it was meant to send is not known,
so N102 says nothing about that route until the include is fixed. One in the location whose
file may be on the target host but is not among the checked files (`include
/opt/nginx/conf/proxy.conf;` in a repository: a proxy snippet) may send them: the finding is an
info that names the assumption that it sends none. (One at the server level more often sets
its listen, names or TLS, and does not change the finding.)

## What breaks in production
The app sees nginx's request, not the client's: `Host` is the upstream's name
(`127.0.0.1:8000`, the upstream block's name; nginx's default is `Host $proxy_host`),
so anything the app builds or checks from the host name uses that; every request
comes from nginx's address; and behind TLS the scheme is `http` (measured for
Gunicorn 27 in X113: redirects to `http://`).

## How to fix
In the location (or once in the server, if no location sets its own):
`proxy_set_header Host $host;`, `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`,
`proxy_set_header X-Forwarded-Proto $scheme;` — or `include proxy_params;` where the
nginx package ships that file (Debian's and Ubuntu's do; the official nginx image and
nginx:alpine do not, so there the message names the lines).
"""
import ipaddress
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Address, Deployment, Listener, NginxInstance, Route, Setting
from wsgilint.model.manager_facts import default_forwarded_allow_ips, trusts_only_loopback
from wsgilint.model.services import runs_app

CODE = "N102"
SLUG = "proxy-headers-missing"
SEVERITY = "warning"
SUMMARY = "proxy_pass to an app without Host / X-Forwarded-For (/ X-Forwarded-Proto behind TLS)."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n"
                            "    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_set_header Host $host;\n"
                             "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                             "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}


def _internal(address: Address) -> bool:
    if address.family == "unix" or address.is_loopback:
        return True
    if address.family != "inet" or not address.host:
        return False
    try:
        return ipaddress.ip_address(address.host).is_private
    except ValueError:
        return "." not in address.host     # a container or upstream name, not a public site


def _proxy_host(route: Route) -> str:
    value = route.handler.args[0] if route.handler.args else ""
    rest = value.split("://", 1)[-1]
    if rest.startswith("unix:"):
        return "localhost"
    host = rest.split("/", 1)[0]
    return host[:-3] if host.endswith(":80") and value.startswith("http:") else host


# The variables that pin a Flask app's host name: SERVER_NAME as settings read it from the
# environment, FLASK_SERVER_NAME as Flask's `config.from_prefixed_env()` does.
_SERVER_NAME_VARIABLES = ("SERVER_NAME", "FLASK_SERVER_NAME")


def _pins_proxy_host(listeners: list[Listener], proxy_host: str) -> bool:
    """Whether the app's environment pins its host name to exactly nginx's $proxy_host (the
    port included): Flask then builds URLs from it whatever Host says (and before 3.1 answers
    another host with 404), so the Host nginx sends by default is the one it wants."""
    for listener in listeners:
        manager = listener.server.manager
        if manager is None:
            continue
        for name in _SERVER_NAME_VARIABLES:
            value = manager.environment.get(name)
            if value is not None and value.value.strip().lower() == proxy_host.lower():
                return True
    return False


def _names_the_site(route: Route, proxy_host: str) -> bool:
    """Whether nginx's $proxy_host is the site's own name: the upstream is named after the
    server block's one exact server_name (`upstream example.org` behind `server_name
    example.org`), so the Host nginx sends by default is the one the client asked for."""
    names = route.server.server_names if route.server is not None else []
    return len(names) == 1 and names[0].lower() == proxy_host.lower() and names[0][:1] not in ("*", "~", ".")


def _accepts_proxy_host(deployment: Deployment, listeners: list[Listener], proxy_host: str) -> bool:
    """Whether the code of the app reached (in the tree) reads the host name only for Django's
    check against ALLOWED_HOSTS, whose lists name nginx's $proxy_host (`ALLOWED_HOSTS =
    ["web"]` behind `proxy_pass http://web:8000`): the Host nginx sends by default is one the app
    accepts, and `Host $host` would make it answer 400 to every other name."""
    readers = deployment.app_request_readers
    return readers is not None and any(readers.module_of(listener.server) is not None for listener in listeners) \
        and readers.accepts_default_host(proxy_host)


# What to write for each missing header, where `include proxy_params;` is not offered.
_LINES = {"Host": "proxy_set_header Host $host;",
          "X-Forwarded-For": "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
          "X-Forwarded-Proto": "proxy_set_header X-Forwarded-Proto $scheme;"}


def _fix(missing: list[str], stock_files: frozenset[str] | None) -> str:
    if stock_files is None or "proxy_params" in stock_files:
        return "add `proxy_set_header` lines for them in this location or `include proxy_params;`"
    lines = ", ".join(f"`{_LINES[header.split(' ', 1)[0]]}`" for header in missing)
    return f"add {lines} in this location (this nginx image ships no proxy_params to include)"


def _asset_prefixes(deployment: Deployment) -> list[tuple[str, str]]:
    """(URL prefix, how it is known) of the app's static and media files: the STATIC_URL and
    MEDIA_URL the tree's settings write, else Django's usual `/static/` and `/media/`."""
    found = [(url.path, f"its {url.setting} ({url.at})") for url in deployment.app_asset_urls]
    written = {url.setting for url in deployment.app_asset_urls}
    found += [(path, f"the usual {setting}") for setting, path in (("STATIC_URL", "/static/"), ("MEDIA_URL", "/media/"))
              if setting not in written]
    return found


def _static_mounts(listeners: list[Listener]) -> list[tuple[str, str]]:
    """(URL prefix, how it is known) of the files the reached uWSGI serves itself (static-map)."""
    return [(mount.value.rstrip("/") + "/", f"uWSGI's static-map ({mount.at})")
            for server in dict.fromkeys(listener.server for listener in listeners) for mount in server.static_mounts]


def _asset_location(route: Route, prefixes: list[tuple[str, str]]) -> str:
    """How the route's location is known to be under a static or media prefix, or ""."""
    words = route.location.split()
    if len(words) == 2 and words[0] in ("=", "^~"):
        words = words[1:]
    if len(words) != 1 or not words[0].startswith("/"):
        return ""    # a regular expression or a named location: no prefix to compare
    path = words[0].rstrip("/") + "/"
    return next((how for prefix, how in prefixes if path.startswith(prefix)), "")


def _websocket_only(route: Route) -> bool:
    """Whether the location sends `Connection: upgrade` written out with `Upgrade $http_upgrade`:
    every request it passes then asks for a protocol switch, which only a websocket route wants
    (a location that also serves plain requests takes Connection from a map of $http_upgrade)."""
    sent = {d.args[0].lower(): d.args[1] for d in route.effective("proxy_set_header") if len(d.args) > 1}
    return sent.get("upgrade") == "$http_upgrade" and sent.get("connection", "").lower() == "upgrade"


# uvicorn's own Gunicorn workers, which hand Gunicorn's forwarded_allow_ips to uvicorn's proxy
# headers middleware (uvicorn/workers.py); a subclass may set its own (CONFIG_KWARGS).
_UVICORN_WORKERS = frozenset(f"{module}.{name}" for module in ("uvicorn.workers", "uvicorn_worker")
                             for name in ("UvicornWorker", "UvicornH11Worker"))


def _untrusting_uvicorn(route: Route, listeners: list[Listener]) -> bool:
    """Whether every app reached is Gunicorn running the Uvicorn worker, from another host, with
    forwarded_allow_ips at its default, loopback only (no setting, no FORWARDED_ALLOW_IPS in an
    environment the files show whole): uvicorn takes the client's address from X-Forwarded-For
    only from those addresses, so the header nginx would send is ignored for it."""
    if not listeners or not route.targets or any(
            t.address.family != "inet" or t.address.is_loopback or t.address.is_wildcard for t in route.targets):
        return False
    for listener in listeners:
        server = listener.server
        worker = server.last("worker_class")
        if worker is None or str(worker.value) not in _UVICORN_WORKERS or trusts_only_loopback(server) is not True:
            return False
    return True


def _scheme_unread(deployment: Deployment, route: Route, listeners: list[Listener]) -> bool:
    """Whether nothing the route reaches takes the scheme from X-Forwarded-Proto, and no code
    in the tree does (Django's SECURE_PROXY_SSL_HEADER, ProxyFix): every app reached is a
    development server other than uvicorn; or no app of the files is reached and nginx
    connects from another host (a container's name or address), whose header Gunicorn and
    uvicorn trust only from 127.0.0.1 by default. Sending the header alone then changes nothing."""
    if deployment.app_reads_forwarded_scheme:
        return False
    if not listeners:
        return all(t.address.family == "inet" and not t.address.is_loopback for t in route.targets)
    return all(listener.server.kind == "dev-server" and listener.server.name != "uvicorn" for listener in listeners)


def _scheme_unread_hit(route: Route, listeners: list[Listener]) -> Hit:
    server = listeners[0].server if listeners else None
    what = ("an app server reached from another host (Gunicorn, uvicorn) does not take the scheme from that "
            "header by default" if server is None else
            f"{server.name} does not take the scheme from that header")
    return Hit(route.handler.at,
               f"proxy_pass to the app behind TLS without X-Forwarded-Proto, so the app sees http; but {what}, "
               "and no code in the checked tree does (Django's "
               "SECURE_PROXY_SSL_HEADER, werkzeug's ProxyFix): sending it alone changes nothing. Assumed that the "
               "app builds no redirect, absolute URL or origin check from the scheme; where it does, send "
               "`proxy_set_header X-Forwarded-Proto $scheme;` and have the app read it",
               tuple(Related(listener.at, listener.label) for listener in listeners[:1]),
               severity="info", key=f"location {route.location}")


def _logs_forwarded(listeners: list[Listener]) -> bool:
    """Whether a server reached writes the forwarded client address to its log: uWSGI with
    `log-x-forwarded-for`, Gunicorn whose access_log_format names the header. Their default
    logs show the peer (nginx) whatever nginx sends, so the header alone changes no log."""
    for listener in listeners:
        server = listener.server
        if server.kind == "uwsgi" and server.enabled("log-x-forwarded-for"):
            return True
        fmt = server.last("access_log_format") if server.kind == "gunicorn" else None
        if fmt is not None and "x-forwarded-for" in str(fmt.value).lower():
            return True
    return False


def _unread_by_app(deployment: Deployment, missing: list[str],
                   listeners: list[Listener]) -> tuple[str, Setting[str] | None]:
    """Where the tree holds the module the app server reached loads its app from, and no code of
    the tree reads what a missing header carries (the host name, the client's address), the
    assumption that names it; else "" and the place that reads it (None where the app's code
    is not here, so what it reads is not known)."""
    readers = deployment.app_request_readers
    # A config file read on its own (no app named) beside the command that loads it is the same
    # app: one server whose module is here shows the code.
    modules = [module for listener in listeners
               if readers is not None and (module := readers.module_of(listener.server)) is not None]
    if not listeners and readers is not None and deployment.app_servers:
        # Which app server the route reaches is not known (a loopback port none of them binds
        # where nginx runs): every app server of the tree loading a module the tree holds shows
        # the code whichever it is.
        found = [readers.module_of(server) for server in deployment.app_servers]
        modules = [module for module in found if module is not None] if None not in found else []
    if readers is None or not modules:
        return "", None
    wanted = {each.split(" ", 1)[0] for each in missing}
    # Only the code of the apps reached counts: another app of the tree (a sibling service's
    # folder) reading the client's address says nothing of this one.
    servers = [listener.server for listener in listeners] or deployment.app_servers
    scope = readers.app_scope(servers)
    if "X-Forwarded-Proto" in wanted and readers.uses_scheme_in(scope):
        return "", None
    reads_host, reads_address = readers.reads_in(scope)
    host_places, address_places = readers.places_in(scope)
    if "Host" in wanted and reads_host:
        return "", host_places[0] if host_places else None
    if "X-Forwarded-For" in wanted and (reads_address or _logs_forwarded(listeners)):
        return "", address_places[0] if address_places else None
    scheme = (", does nothing the scheme changes (absolute URLs, HTTPS redirects, CSRF origin checks)"
              if "X-Forwarded-Proto" in wanted else "")
    return (f"; the app's code is in the checked tree ({modules[0]}, the module its server loads) and none of "
            "it reads the host name or the client's address (Django's get_host or ALLOWED_HOSTS, "
            f"build_absolute_uri, remote_addr, X-Forwarded-For){scheme}, nor does the server log the forwarded "
            "address: assumed nothing else does (a library, a log of its own)"), None


def _auth_checks(instance: NginxInstance) -> set[str]:
    """The locations `auth_request` sends its subrequests to."""
    return {directive.args[0] for location in instance.locations for directive in location.effective("auth_request")
            if directive.args and directive.args[0] != "off"}


def check(deployment: Deployment) -> Iterator[Hit]:
    prefixes = _asset_prefixes(deployment) if deployment.nginx else []
    for instance in deployment.nginx:
        yield from _check_routes(deployment, instance, prefixes)


def _check_routes(deployment: Deployment, instance: NginxInstance, prefixes: list[tuple[str, str]]) -> Iterator[Hit]:
    auth_checks = _auth_checks(instance) if instance.routes else set()
    for route in instance.routes:
        if route.protocol not in ("http", "https") or route.handler.name != "proxy_pass" or not route.targets:
            continue
        if route.unread_includes:
            continue   # E003 reports the include; what it sends is known once it is there
        listeners = [listener for t in route.targets for listener in deployment.reached(route, t)]
        if not listeners and not all(_internal(t.address) for t in route.targets):
            continue
        unknown = ""
        if not listeners:
            services = [place for t in route.targets for place in deployment.target_places(route, t)]
            running = {runs_app(deployment, place) for place in services}
            if services and running == {False}:
                continue   # the service of that name runs something else (a Node server, nginx with files)
            if not services and all(t.address.family == "inet" for t in route.targets) and \
                    not _websocket_only(route) and deployment.fronting.same_block(route) is not None:
                # Another location of this block reaches the app: this port is another program's
                # (a front end's dev server), whose headers are its own (X101 says so). A socket
                # or a websocket location beside the app is as often the app's own ASGI server.
                continue
            # A port no app server of the tree binds anywhere (one that does is the app, not run here).
            bound = deployment.bound_ports
            neighbour = next((place for t in route.targets if t.address.port not in bound
                              and (place := deployment.namespace_neighbour(route, t.address)) is not None), None)
            others = deployment.other_servers_beside(route.place) \
                if not services and neighbour is None and any(t.address.port not in bound for t in route.targets) \
                else []
            if not services and neighbour is not None:
                unknown = (f"; no app server of the checked files listens there, and "
                           f"{neighbour.label or neighbour.name}, in this nginx's network namespace, runs a program "
                           "wsgilint does not read: assumed that is what it reaches, and that it reads them")
            elif others:
                manager, program, _ = others[0]
                unknown = (f"; no app server of the checked files listens there, and {manager.kind} "
                           f"[{manager.name}] runs {program} beside this nginx, a server wsgilint "
                           "does not read: assumed that is what it reaches, and that it reads them")
            elif services and True not in running:
                names = ", ".join(dict.fromkeys(place.label or place.name for place in services))
                unknown = (f"; assumed {names} runs the app: what it starts is not in the checked files "
                           "(its image's own start)")
            elif deployment.fronting.other_servers(route) is not None:
                unknown = ("; this server block reaches none of the checked app servers, which other server "
                           "blocks of this nginx reach: assumed it fronts an app outside the checked files "
                           "that reads them")
        sent = {d.args[0].lower() for d in route.effective("proxy_set_header") if d.args}
        missing = []
        if not sent & {"host", "x-forwarded-host"} and not _pins_proxy_host(listeners, _proxy_host(route)) \
                and not _accepts_proxy_host(deployment, listeners, _proxy_host(route)) \
                and not _names_the_site(route, _proxy_host(route)):
            missing.append(f"Host (nginx sends `Host: {_proxy_host(route)}`, its $proxy_host)")
        if not sent & {"x-forwarded-for", "x-real-ip", "forwarded"}:
            missing.append("X-Forwarded-For (every request seems to come from nginx)")
        to_gunicorn = any(listener.server.kind == "gunicorn" for listener in listeners)
        scheme_unsent = route.terminates_tls and not to_gunicorn and not sent & {"x-forwarded-proto", "forwarded"}
        scheme_unread = scheme_unsent and _scheme_unread(deployment, route, listeners)
        if scheme_unsent and not scheme_unread:
            missing.append("X-Forwarded-Proto (the app sees http behind TLS)")
        if not missing:
            if scheme_unread:
                yield _scheme_unread_hit(route, listeners)
            continue
        related = tuple(Related(listener.at, listener.label) for listener in listeners[:1])
        if route.unseen_includes:
            # A file of the target host, which the checked files do not hold, may set them.
            shown = ", ".join(f"`include {' '.join(d.args)}`" for d in route.unseen_includes)
            unknown = f"; assumed {shown} (not among the checked files) sets none of them"
            related += tuple(Related(d.at, "included here; its file is not among the checked files")
                             for d in route.unseen_includes)
        if not unknown:
            unknown, reader = _unread_by_app(deployment, missing, listeners)
            if reader is not None and reader.at is not None:
                related += (Related(reader.at, f"the app reads {reader.value} here"),)
        message = f"proxy_pass to the app without {'; '.join(missing)}: {_fix(missing, instance.stock_files)}"
        message += unknown
        if any(m.startswith("X-Forwarded-For") for m in missing) and _untrusting_uvicorn(route, listeners):
            # Sent alone, the header changes nothing the server decides: the fix is both.
            message += ("; and set Gunicorn's forwarded_allow_ips to nginx's address: the Uvicorn worker takes "
                        f"the client's address from X-Forwarded-For only from {default_forwarded_allow_ips(deployment.host)} "
                        "(Gunicorn's default), "
                        "and nginx reaches it from another host, so without that the header is ignored "
                        "(it still reaches the app's own code)")
        assets = _asset_location(route, prefixes + _static_mounts(listeners)) or \
            ("its pattern, which takes static file extensions only" if route.static_files else "") or \
            ("its name" if route.files_folder else "")
        websocket = _websocket_only(route)
        probe = route.probe
        # An internal location that auth_request calls: nginx's subrequest carries the client's
        # cookies and headers, and what answers it decides from the session.
        auth = bool(route.effective("internal")) and route.location.split()[-1] in auth_checks
        if assets:
            # Files, not views: proxied there, the app serves them (or a 404) and reads neither.
            message += (f"; location {route.location} is under the app's static or media files, by {assets}: "
                        "assumed that no view there reads the client's address or host name")
        elif websocket:
            message += (f"; location {route.location} sends `Connection: upgrade` on every request, so it carries "
                        "only websocket connections: assumed that no handler there reads the client's address, "
                        "host name or scheme")
        elif auth:
            message += (f"; location {route.location} is `internal` and answers `auth_request` subrequests: assumed "
                        "that the check reads the session, not the client's address, host name or scheme")
        elif probe:
            message += (f"; location {route.location} is named for a health probe: assumed that the check it answers "
                        "reads neither the client's address nor the host name or scheme")
        yield Hit(route.handler.at, message, related,
                  severity="info" if assets or websocket or probe or auth or unknown else None,
                  key=f"location {route.location}")
