"""Gunicorn behind nginx does not learn that the client used HTTPS.

## What it checks
For each `proxy_pass` to a Gunicorn instance over plain HTTP (over `https://` Gunicorn serves
TLS itself, with `certfile`, and the app takes https from the connection):
- nginx serves TLS there (`listen ... ssl` or `quic`, or `ssl on`; a bare `listen 443` is
  plain HTTP) but sends no `X-Forwarded-Proto` header (nor the one the tree's Django
  `SECURE_PROXY_SSL_HEADER` names, such as `X-Forwarded-Protocol`). Where nginx reaches Gunicorn from another host and
  `forwarded_allow_ips` keeps its default, the header alone changes nothing: Gunicorn's
  HTTP parser (sync, gthread, gevent, eventlet workers) takes the scheme from its
  `secure_scheme_headers` only from the addresses it trusts, so the message says to set
  `forwarded_allow_ips` as well (an env_file not in the tree is assumed not to set
  `FORWARDED_ALLOW_IPS`), or, where the tree's Django settings are read, to set
  `SECURE_PROXY_SSL_HEADER`; where the app already reads the header itself, or with the
  tornado worker (tornado's own server), the header is the whole fix;
- nginx reaches Gunicorn over TCP from another host, while Gunicorn's
  `forwarded_allow_ips` keeps its default (`127.0.0.1,::1`; `127.0.0.1` before Gunicorn
  23.0, the version a requirements file pins counting), so the header is ignored,
  and the header can say `https`: `$scheme` where that nginx server terminates TLS, or
  `https` written out. On a plain-HTTP server `$scheme` is always `http`, so trusting it
  would change nothing and nothing is reported. A header relayed from in front of nginx
  (`$http_x_forwarded_proto`) depends on a TLS terminator the files do not show: an info
  that names the assumption.
- where the app's Python code in the tree takes the scheme from the header itself
  (Django's `SECURE_PROXY_SSL_HEADER`, werkzeug's `ProxyFix`, uvicorn's
  `ProxyHeadersMiddleware` with `trusted_hosts`), the ignored header is only an info that
  names that code: Gunicorn passes the header on to the app even from an address it does
  not trust (measured with Gunicorn 27), so the app still sees https. The code is assumed
  to be this Gunicorn's app. A missing header is still a warning: there is nothing to read.
- where only a narrower location lacks the header (`location /health/`, `location = /status`)
  while a prefix location of the same server that it narrows (`location /`) sends it to the
  same Gunicorn, the app's main routes see https: an info naming that location, since the
  scheme matters there only if what that route answers depends on it (a health check's JSON
  does not; a redirect, a cookie or a form does). The reverse (the broad location lacks it,
  a narrower one sends it), a regex location, or a sender in another server stays a warning.
- where the tree holds the module Gunicorn loads (with the settings module a Django
  project's wsgi.py names) and none of the app's Python code (under the folder of the
  module's top package; another service's folder is another app; outside a Django project,
  only the files that module imports) does anything the scheme
  changes (builds an absolute URL or redirect from the request, tests `is_secure` or the
  scheme, has Django's CSRF middleware or admin while no settings file of the tree lists an
  `https://` origin in `CSRF_TRUSTED_ORIGINS` (which passes Django's Origin check whatever
  scheme the app sees) and the tree pins no Django older than 4.0 (requirements files,
  Pipfile.lock, poetry.lock: those compare no Origin and check the Referer only on requests
  they see as https; one read from the environment, whose value the files do not show, is
  assumed to list it, and the message says so), DRF's hyperlinks, its default pagination where a view paginates (a
  generic list view or viewset; function views never do), renders templates (Flask's only where a
  template of the tree builds an absolute URL or reads the request's URL), or has a route
  ending in `/`, which Flask and Starlette redirect to with an absolute URL), the finding is
  an info naming that assumption;
- a location whose path names a health probe (`/health`, `/healthz`, `/ping`, ...) that lacks
  the header is an info naming the assumption that the check answered there does not depend
  on the scheme, whatever other locations send.

One finding per Gunicorn instance, at its first location; the other locations with a
cause are related places.

## What breaks in production
The app sees `wsgi.url_scheme = http` behind TLS (measured with Gunicorn 27: from
127.0.0.2 the header was ignored; from 127.0.0.1 it was honoured): the redirects and
absolute URLs it builds say `http://` (Django's `SECURE_SSL_REDIRECT` then redirects in a
loop), and origin checks fail: Django 4's CSRF check compares the browser's `https://`
Origin with `http://` and the host, and refuses the POST unless `CSRF_TRUSTED_ORIGINS`
lists that origin. Cookies keep their `Secure` flag: Django and Flask set it from their
settings, whatever the scheme.

## How to fix
Add `proxy_set_header X-Forwarded-Proto $scheme;`, and set `forwarded_allow_ips` to
nginx's address when nginx runs on another host.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Address, AppServer, Deployment, Listener, NginxDirective, Route, Setting, Span
from wsgilint.model.manager_facts import default_forwarded_allow_ips, trusts_only_loopback

CODE = "X113"
SLUG = "forwarded-headers-untrusted"
SEVERITY = "warning"
SUMMARY = "Gunicorn behind nginx cannot see the original scheme (X-Forwarded-Proto)."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/app.pem;\n"
                         "    ssl_certificate_key /etc/ssl/app.key;\n    location / {\n"
                         "        proxy_set_header Host $host;\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
    "deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"].replace(
        "proxy_set_header Host $host;\n", "proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n"),
    "deploy/gunicorn.conf.py": BAD["deploy/gunicorn.conf.py"],
}


def _proto_header(route: Route, app_headers: frozenset[str]) -> NginxDirective | None:
    """The `proxy_set_header` that sends the scheme, as nginx applies it (the last one): the
    standard headers, or one the app's SECURE_PROXY_SSL_HEADER names (lower-cased)."""
    sent = [d for d in route.effective("proxy_set_header")
            if d.args and (d.args[0].lower() in ("x-forwarded-proto", "forwarded") or d.args[0].lower() in app_headers)]
    return sent[-1] if sent else None


def _says_https(header: NginxDirective, route: Route) -> bool | None:
    """Whether the header can tell the app `https`: True, False, or None when its value comes
    from outside the checked files (a load balancer's header relayed with a variable)."""
    value = header.args[1].lower() if len(header.args) > 1 else ""
    if "$scheme" in value:
        return route.terminates_tls    # $scheme is http on a server that terminates no TLS
    if "$" not in value:
        return "https" in value
    return None


# One finding per Gunicorn instance: what it lacks is one setting, or one header in the
# locations listed; the cause each location shows goes with it as a related place.
_CAUSES = {
    "proto": ("warning", "no X-Forwarded-Proto sent from this TLS location"),
    "proto-untrusted": ("warning", "no X-Forwarded-Proto sent from this TLS location"),
    "allow": ("warning", "X-Forwarded-Proto sent here, ignored by Gunicorn"),
    "relayed": ("info", "X-Forwarded-Proto relayed here, ignored by Gunicorn"),
    "app": ("info", "X-Forwarded-Proto sent here, ignored by Gunicorn, read by the app"),
    "narrow": ("info", "no X-Forwarded-Proto sent from this narrower TLS location"),
    "probe": ("info", "no X-Forwarded-Proto sent from this health-probe location"),
}


def _prefix(location: str) -> tuple[bool, str] | None:
    """(exact, path) of a prefix or exact location; None for a regex or named one."""
    args = location.split()
    if len(args) == 1 and not args[0].startswith("@"):
        return False, args[0]
    if len(args) == 2 and args[0] in ("=", "^~"):
        return args[0] == "=", args[1]
    return None


def _narrows(inner: Route, outer: Route) -> bool:
    """`inner` takes only part of the requests `outer`, a prefix location, would take."""
    narrow, wide = _prefix(inner.location), _prefix(outer.location)
    if narrow is None or wide is None or wide[0]:
        return False
    return narrow[1].startswith(wide[1]) and (len(narrow[1]) > len(wide[1]) or narrow[0])


def _sender(route: Route, senders: list[Route]) -> Route | None:
    """A broader location of the same server that sends the scheme to the same Gunicorn: the one
    that lacks it is a narrower route (a health check, a status page...), and only what that
    route answers decides whether the scheme matters there."""
    return next((other for other in senders if other.server is route.server and _narrows(route, other)), None)


def check(deployment: Deployment) -> Iterator[Hit]:
    found: dict[int, tuple[Listener, Address, list[tuple[Route, str]]]] = {}
    reported: set[int] = set()
    # Per Gunicorn instance, the locations that send it a header able to say https.
    senders: dict[int, list[Route]] = {}
    app_headers = frozenset(header.value.lower() for header in deployment.app_scheme_headers)
    for route in deployment.routes:
        # Over `https://` the connection to Gunicorn is TLS itself (its `certfile`): the app sees
        # https from the connection, whatever the headers say.
        if route.protocol != "http":
            continue
        for target in route.targets:
            for listener in deployment.reached(route, target):
                server = listener.server
                if server.kind != "gunicorn" or id(route) in reported:
                    continue
                # A connect() to 0.0.0.0 arrives at loopback: only a real address is another host.
                remote = target.address.family == "inet" and not (target.address.is_loopback
                                                                   or target.address.is_wildcard)
                header = _proto_header(route, app_headers)
                if header is not None and _says_https(header, route) is not False:
                    senders.setdefault(id(server), []).append(route)
                cause = ""
                if header is None:
                    # From another host, with forwarded_allow_ips at its default, the header alone
                    # changes nothing, unless the app reads it itself.
                    untrusted = remote and _untrusting(server) and not deployment.app_reads_forwarded_scheme
                    cause = ("proto-untrusted" if untrusted else "proto") if route.terminates_tls else ""
                elif remote and server.last("forwarded_allow_ips") is None:
                    https = _says_https(header, route)
                    cause = "allow" if https else "relayed" if https is None else ""
                    if cause and deployment.app_reads_forwarded_scheme:
                        cause = "app"
                if cause:
                    # Several checked servers may listen at one address (variants of a repository):
                    # the location is still one place to fix.
                    reported.add(id(route))
                    found.setdefault(id(server), (listener, target.address, []))[2].append((route, cause))
    django = next((url.at for url in deployment.app_asset_urls), None)
    for key, (listener, address, routes) in found.items():
        narrowed: dict[int, Route] = {}
        for route, cause in routes:
            sender = _sender(route, senders.get(key, [])) if cause.startswith("proto") else None
            if sender is not None:
                narrowed[id(route)] = sender
        routes = [(route, "narrow" if id(route) in narrowed else "probe" if cause.startswith("proto") and route.probe
                   else cause) for route, cause in routes]
        hit = _finding(listener, address, routes, deployment.app_reads_forwarded_scheme, django, narrowed,
                       default_forwarded_allow_ips(deployment.host))
        unread = _scheme_unread(deployment, listener) if hit.severity == "warning" else ""
        yield hit._replace(message=hit.message + unread, severity="info") if unread else hit


def _scheme_unread(deployment: Deployment, listener: Listener) -> str:
    """Where the tree holds the module this Gunicorn loads its app from and no code of its app
    (``app_scope``: the files its module imports, under the folder of its top package) does anything the scheme changes, the
    assumption that says so; else ""."""
    readers = deployment.app_request_readers
    module = readers.module_of(listener.server) if readers is not None else None
    if readers is None or module is None or readers.uses_scheme_in(readers.app_scope([listener.server])):
        return ""
    origins = readers.csrf_origins_unseen
    unseen = "" if origins is None or origins.at is None else (
        f"; its CSRF_TRUSTED_ORIGINS comes from the environment ({origins.at.path}:{origins.at.line}), which the "
        "files do not show: assumed it lists the https origin, which Django's origin check then trusts")
    return (f"; the app's code is in the checked tree ({module}, the module its server loads) and none of it builds "
            "an absolute URL or a redirect from the request, tests the scheme, checks a CSRF origin it does not "
            "trust as https (CSRF_TRUSTED_ORIGINS) or has a route "
            "ending in `/` (which redirects the address without it): assumed nothing else depends on the scheme "
            f"(a library, templates){unseen}")


# Gunicorn's tornado worker serves with tornado's own HTTP server, which forwarded_allow_ips
# does not govern.
_TORNADO = ("tornado", "gunicorn.workers.gtornado.TornadoWorker")


def _untrusting(server: AppServer) -> bool:
    """forwarded_allow_ips is at its default, or only an environment the files do not show may
    set it (the message then names that assumption)."""
    worker = server.last("worker_class")
    return trusts_only_loopback(server) is not False and (worker is None or str(worker.value) not in _TORNADO)


# What seeing http changes in the app, as Django and Flask behave: not the Secure flag of
# cookies, which both set from their settings whatever the scheme.
_EFFECTS = ("(the redirects and absolute URLs it builds say http://, and CSRF origin checks fail unless the "
            "https origin is trusted explicitly, as with Django's CSRF_TRUSTED_ORIGINS)")


def _finding(listener: Listener, address: Address, routes: list[tuple[Route, str]],
             app_reads: list[Setting[str]], django: Span | None, narrowed: dict[int, Route],
             allowed: str) -> Hit:
    # Reported where the user would act: a location that warns, else one that lacks the header.
    first, first_cause = next(((route, cause) for route, cause in routes if _CAUSES[cause][0] == "warning"),
                              next(((route, cause) for route, cause in routes if cause == "narrow"), routes[0]))
    narrow = next((route for route, cause in routes if cause == "narrow"), None)
    probe = next((route for route, cause in routes if cause == "probe"), None)
    sender = narrowed[id(narrow)] if narrow is not None else None
    manager = listener.server.manager
    unseen = manager.environment_unseen if manager is not None else None
    causes = [first_cause] + [cause for cause in dict.fromkeys(cause for _, cause in routes) if cause != first_cause]
    said = {
        "proto": "nginx serves TLS but sends no X-Forwarded-Proto to Gunicorn: the app sees http " + _EFFECTS
                 + "; add `proxy_set_header X-Forwarded-Proto $scheme;`",
        "proto-untrusted": "nginx serves TLS but sends no X-Forwarded-Proto to Gunicorn, which it reaches at "
                           f"{address} from another host: the app sees http " + _EFFECTS
                           + "; add `proxy_set_header X-Forwarded-Proto $scheme;` and set "
                           "forwarded_allow_ips to nginx's address: Gunicorn takes the scheme from the header only "
                           f"from {allowed} (its default), so the header alone changes nothing"
                           + (f" (assumed: {unseen.note}, and sets no FORWARDED_ALLOW_IPS)" if unseen else "")
                           + (" (or, the app being Django, set SECURE_PROXY_SSL_HEADER = (\"HTTP_X_FORWARDED_PROTO\", "
                              f"\"https\") in its settings, {django.path}: Django then reads the header itself)"
                              if django is not None else ""),
        "allow": f"nginx reaches Gunicorn at {address} from another host, but forwarded_allow_ips is "
                 f"{allowed} (Gunicorn default): the X-Forwarded-Proto nginx sends is ignored and the app sees "
                 "http behind TLS; set forwarded_allow_ips to nginx's address",
        "relayed": f"nginx relays X-Forwarded-Proto from in front of it to Gunicorn at {address} on another host, "
                   f"but forwarded_allow_ips is {allowed} (Gunicorn default): assumed that a TLS terminator "
                   "the checked files do not show sends https, the app sees http; set forwarded_allow_ips to "
                   "nginx's address",
        "app": f"nginx reaches Gunicorn at {address} from another host and forwarded_allow_ips is {allowed} "
               "(Gunicorn default), so wsgi.url_scheme stays http; but the app reads X-Forwarded-Proto itself ("
               + ", ".join(f"{read.value} at {read.at}" for read in app_reads[:3]) +
               "), assumed to be this Gunicorn's app, so it sees https",
        "narrow": (f"location {narrow.location} sends no X-Forwarded-Proto to Gunicorn, while location "
                   f"{sender.location} of the same TLS server, which it narrows, sends it to the same app: only "
                   f"requests to {narrow.location} are seen as http; this matters only if that route's answers "
                   "depend on the scheme (redirects, absolute URLs, CSRF origin checks); if they do, add "
                   "`proxy_set_header X-Forwarded-Proto $scheme;` there"
                   if narrow is not None and sender is not None else ""),
        "probe": (f"location {probe.location} sends no X-Forwarded-Proto to Gunicorn, but it is named for a health "
                  "probe: assumed that the check answered there does not depend on the scheme (no redirect, "
                  "absolute URL or form); if it does, add `proxy_set_header X-Forwarded-Proto $scheme;` there"
                  if probe is not None else ""),
    }
    message = said[causes[0]] + "".join(f"; also, in other locations listed: {said[cause]}" for cause in causes[1:])
    related = [Related(listener.at, listener.label)]
    shown = {first.handler.at}
    for route, cause in routes:
        if route.handler.at not in shown:
            shown.add(route.handler.at)
            related.append(Related(route.handler.at, _CAUSES[cause][1]))
    if sender is not None and sender.handler.at not in shown:
        shown.add(sender.handler.at)
        related.append(Related(sender.handler.at, "X-Forwarded-Proto sent here, to the same app"))
    if "app" in causes:
        related.extend(Related(read.at, f"the app reads X-Forwarded-Proto ({read.value})")
                       for read in app_reads if read.at is not None)
    severity = "warning" if any(_CAUSES[cause][0] == "warning" for cause in causes) else "info"
    return Hit(first.handler.at, message, tuple(related), severity=severity)
