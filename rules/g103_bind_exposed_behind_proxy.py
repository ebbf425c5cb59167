"""Gunicorn or a development server listens on every interface although nginx on the same host fronts it.

## What it checks
A Gunicorn `bind` on a wildcard address (`0.0.0.0:8000`, `:8000`, `[::]:8000`, or
`PORT` in the environment), or a development server started on one (`manage.py runserver
0.0.0.0:8000`, `flask run --host 0.0.0.0`, uvicorn...), that a checked nginx reaches over loopback
(`proxy_pass http://127.0.0.1:8000`), so nginx does not need the wildcard.

In a container (Docker Compose) the wildcard is needed for anything outside the container
to reach Gunicorn, and whether clients can is decided by `ports:`: a port published on
every interface (`"8000:8000"`, `0.0.0.0`, `::`) is reported, one published on
`127.0.0.1` only, or not published, is not (only the host and the containers of its
network reach it). That holds whether nginx runs on the host or in another container
that reaches the service by name (`proxy_pass http://web:8000`). The nginx must run in that
topology: an nginx config aimed at the service by name that no container of the files
holds (no Compose service mounts it, no image copies it) runs nowhere the files show, since
a host's nginx gets no Compose service name; it proves nothing about how clients are meant
to connect (a development Compose file publishing `flask run` beside a production nginx
config), and nothing is reported. Where the host's nginx reaches a port that an app server
of the host itself binds (a systemd unit's Gunicorn) and a Compose service also publishes, the
two are alternative set-ups that cannot hold the port at once: the host's server is what nginx
fronts there, and the service's publishing is not reported a second time.

A Compose service that a `devcontainer.json` names with `dockerComposeFile` and `service`
is the editor's development container, reached directly by design: the finding is an
info that names the assumption that the same set-up serves production. So is a Compose
service that bind-mounts from the host the folder Gunicorn loads the app from, whose image
copies none of that source in, and whose own command adds `--reload` to a config file that
has none: a developer's stack, edited on the host and reloaded in the container (the
finding stays a warning where `reload` is written in the config file, or the image copies
the source). So, too, is a Compose service whose development server reloads on change
(`manage.py runserver` without `--noreload`, `flask run` in debug mode or with `--reload`,
uvicorn or hypercorn with `--reload`) in a folder bind-mounted from the host: whatever the
image copies, the mount hides it while that service runs. So is a port that a service of the
same Compose project hands to browsers as a loopback URL (`VITE_API_URL:
http://localhost:5000/api` in its `environment:` or `build.args`, under a prefix that frontend
builds ship to the browser: `VITE_`, `NEXT_PUBLIC_`, `REACT_APP_`...): `localhost` in a browser
is the browser's own machine, so that project is used from the machine Docker runs on, and
its browsers reach the published port directly by design. So is a port of a service whose
environment declares a development set-up (`ENVIRONMENT=development`, `APP_ENV=local`,
`FLASK_ENV=development`, `FLASK_DEBUG=1`), or that a Compose file named for development
starts (`docker-compose-dev.yml`, `compose.local.yaml`): a local stack, reached directly by
design.

On a host, a Gunicorn config that nothing in the checked files starts, beside app servers
they do start (a Compose service, a Supervisor program), is an alternative set-up rather than
the one deployed: the finding is an info that assumes it runs on a host as written.

A Gunicorn in an image that no Compose service runs, or whose files are copied into one
(one image where supervisord starts nginx and Gunicorn, run by a `docker run -p` the
files do not show): whether its port is published is unknown, so the finding is an info
that assumes it is not. So is a published port whose only nginx runs in an image that nothing
in the checked files runs (a Dockerfile no Compose service builds any more): without that
nginx there is nothing to bypass, so the finding assumes it runs.

## What breaks in production
Anyone who can reach the host's port talks to Gunicorn directly, past nginx's TLS,
limits and access rules, and sets `X-Forwarded-For`/`X-Forwarded-Proto` to anything:
the raw headers reach the app as sent (measured with Gunicorn 27: only the scheme
handling is limited to `forwarded_allow_ips`, which is `127.0.0.1,::1` by default, or
everyone with `'*'`). A development server is worse to expose: it is single-purpose code
for a developer's machine, and with `DEBUG` on (the usual reason to run it) an error page
shows settings and code to whoever connects.

## How to fix
Bind Gunicorn to `127.0.0.1:8000` or a unix socket (`unix:/run/app/gunicorn.sock`) and
point nginx at it. In a container, publish the port on loopback only
(`ports: ["127.0.0.1:8000:8000"]`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import HOST, Deployment, Listener, Place, Published, Target
from wsgilint.model.dev_stacks import declared_development

CODE = "G103"
SLUG = "bind-exposed-behind-proxy"
SEVERITY = "warning"
SUMMARY = "Gunicorn or a development server binds all interfaces while nginx reaches it over loopback: clients can bypass nginx."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_set_header Host $host;\n"
                         "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
    "deploy/gunicorn.conf.py": "bind = '0.0.0.0:8000'\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"],
    "deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    reached: dict[int, list[tuple[Target, Listener]]] = {}
    fronting: dict[int, list[Place]] = {}   # where each nginx that reaches the listener runs
    # Targets that reach an app server of the host itself: a container's published port there is
    # another set-up's (the two cannot hold the host's port at once), not what nginx fronts.
    host_served: set[int] = set()
    for route in deployment.routes:
        for target in route.targets:
            listeners = deployment.reached(route, target)
            if any(listener.server.place is HOST for listener in listeners):
                host_served.add(id(target))
            for listener in listeners:
                if _fronts(route.place, target, listener):
                    reached.setdefault(id(listener), []).append((target, listener))
                    fronting.setdefault(id(listener), []).append(route.place)
    for pairs in reached.values():
        listener = pairs[0][1]
        if listener.server.kind not in ("gunicorn", "dev-server") or not listener.address.is_wildcard:
            continue
        name = listener.server.name
        what = "Gunicorn" if listener.server.kind == "gunicorn" else \
            f"The development server {name}" if listener.server.development_only else f"The ASGI server {name}"
        place = listener.server.place
        own_network = place.kind == "container" and place.loopback != HOST.loopback
        if not own_network and not all(target.address.is_loopback for target, _ in pairs):
            continue   # nginx on another host needs the wildcard
        # An image nothing in the files runs (its own, or the one its files are copied into):
        # which ports `docker run -p` publishes is not in them.
        loopback = all(target.address.is_loopback for target, _ in pairs)   # nginx in the same container
        image = (place if own_network and place.run_unseen and loopback else None) or next(
            (each for each in listener.server.copied_into if each.run_unseen and place is HOST), None)
        published: Published | None = None
        if own_network:
            pairs = [(target, each) for target, each in pairs if id(target) not in host_served]
            if not pairs:
                continue
            # Its own network namespace: only a port published on every interface reaches clients.
            published = next((entry for entry in place.publishes(listener.address.port) if entry.public), None)
            if published is None and image is None:
                continue
        allowed = listener.server.last("forwarded_allow_ips") if listener.server.kind == "gunicorn" else None
        trusts_all = allowed is not None and not allowed.unresolved and "*" in (allowed.value or [])
        forged = ("and Gunicorn trusts their X-Forwarded-Proto (forwarded_allow_ips '*')" if trusts_all
                  else "and their own X-Forwarded-For/X-Forwarded-Proto headers reach the app")
        target = pairs[0][0]
        if published is None and image is not None:
            copied = "it runs in" if image is place else "its files are copied into"
            yield Hit(listener.at, f"{what} binds {listener.address} (every interface) and nginx reaches it at "
                      f"{target.address}; {copied} {image.label or image.name}, which nothing in the checked "
                      "files runs: in that container only a port `docker run -p` publishes reaches "
                      f"clients, which the files do not show: assumed port {listener.address.port} is not published "
                      f"(if it is, or this runs on a host, bind 127.0.0.1:{listener.address.port})",
                      (Related(target.at, "nginx connects here"),), severity="info", key=target.at)
            continue
        # A service the editor's devcontainer.json names is a developer's container: connecting
        # to it directly is its use, and only the same set-up in production would expose it.
        # So is a service that runs the host's source and reloads it on change (model/dev_stacks.py).
        dev, stack = place.dev_container, listener.server.dev_stack
        dev_tail = "" if dev is None else (f"; assumed this set-up also serves production, but {dev.note}, a "
                                           "development container meant to be reached directly")
        if dev is None and stack is not None:
            dev_tail = (f"; {stack.note}, so an edit on the host reloads it: read as a development "
                        "stack, meant to be reached directly (if this service also deploys the app, the advice holds there)")
        dev_related = (() if dev is None or dev.at is None else (Related(dev.at, "the dev container is declared here"),)) \
            or (() if stack is None or stack.at is None else (Related(stack.at, "the source is mounted here"),))
        severity = None if dev is None and stack is None else "info"
        if published is None:
            # On a host, a config nothing starts beside servers the files do start is an
            # alternative (an old or a "free tier" set-up), not what the files deploy.
            started = None if own_network or not deployment.started_nowhere(listener.server) else next(
                (server for server in deployment.app_servers if not deployment.started_nowhere(server)), None)
            unstarted_tail = "" if started is None else (
                "; nothing in the checked files starts this one, while they start another app server: assumed "
                "it is also run, on a host as written")
            started_related = () if started is None else (Related(started.at, "the app server the files start"),)
            yield Hit(listener.at, f"{what} binds {listener.address} (every interface) but nginx reaches it at "
                      f"{target.address}: clients can connect to it directly, bypassing nginx, {forged}; bind "
                      f"127.0.0.1:{listener.address.port} or a unix socket{dev_tail}{unstarted_tail}",
                      (Related(target.at, "nginx connects here"), *dev_related, *started_related),
                      severity="info" if started is not None else severity, key=target.at)
            continue
        host_port = published.host_port or ""
        browser = deployment.browser_url_to(place, published.host_port) if severity is None else None
        manager = listener.server.manager
        declared = declared_development(manager) if severity is None and browser is None and \
            manager is not None and manager.place is place else None
        if declared is not None and manager is not None:
            severity = "info"
            setting = manager.environment.get(declared.partition("=")[0]) if "=" in declared else None
            dev_tail = (f"; {place.label or place.name} declares itself a development set-up ({declared}): read "
                        "as a local stack whose port is reached directly by design (where it serves other machines, "
                        "the advice holds)")
            dev_related = (Related(setting.at, "declared here"),) if setting is not None and setting.at else ()
        unrun = all(each.run_unseen for each in fronting[id(listener)])
        if severity is None and browser is None and unrun:
            # Without the nginx, clients reach only the app; bypassing nginx says nothing then.
            severity = "info"
            front = fronting[id(listener)][0]
            dev_tail = (f"; the only nginx that reaches it runs in {front.label or front.name}, which nothing in the "
                        "checked files runs: assumed it runs in front of this service (where it does not, clients "
                        "reach the app only through this port)")
        if browser is not None:
            frontend, url = browser
            severity = "info"
            dev_tail = (f"; {frontend.label or frontend.name} hands browsers {url.url} ({url.variable}), and localhost "
                        "in a browser is the browser's own machine: read as a local set-up, used from the machine "
                        "Docker runs on and reaching this port directly by design (where it serves other machines, "
                        "the advice holds)")
            dev_related = (Related(url.at, "browsers are sent to the published port here"),)
        by_name = "" if all(each.address.is_loopback for each, _ in pairs) else \
            "drop the `ports:` entry (nginx reaches it on the Compose network) or "
        yield Hit(listener.at, f"{what} binds {listener.address} in {place.label or place.name}, which publishes it on "
                  f"every interface of the host, but nginx reaches it at {target.address}: clients can connect to it "
                  f"directly, bypassing nginx, {forged}; {by_name}publish it on loopback only "
                  f"(`127.0.0.1:{host_port}:{published.container_port}`){dev_tail}",
                  tuple(Related(at, note) for at, note in ((published.at, "published here"),
                                                           (target.at, "nginx connects here")) if at is not None)
                  + dev_related, severity=severity, key=published.at or target.at)


def _fronts(nginx: Place, target: Target, listener: Listener) -> bool:
    """Whether an nginx in ``nginx`` runs in the app's topology to front ``listener``: in a
    container of the files (a Compose service, an image), or on the host the app's container
    forwards a port to (a loopback target, through ``ports:``). An nginx config that no
    container of the files holds, aimed at a Compose service by name, runs nowhere the files
    show: no Compose network gives a host's nginx that name, so it is no proof that clients
    are meant to go through nginx (a development Compose file publishing `flask run` for
    direct use, beside a production nginx config that nothing here runs)."""
    place = listener.server.place
    if place.kind != "container" or place.loopback == HOST.loopback or nginx.kind == "container":
        return True
    return target.address.is_loopback or target.address.is_wildcard
