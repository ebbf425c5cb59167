"""A Compose service publishes a port nothing in its container listens on.

## What it checks
Each `ports:` entry (`"80:80"`, host port then container port) of a container that runs
nginx alone, whose whole configuration the checked files show: its `nginx.conf` copied or
mounted at `/etc/nginx/nginx.conf`, every file it includes put there by the files, and no
volume, `RUN` or `COPY` the files do not show writing where that configuration is read. The
container port must be one a `listen` of that nginx opens on an address other than loopback
(a server without `listen` opens `*:80`).

Where the container runs anything else (an app server, supervisord, a script the files do
not show), shares its network with another service, or may get nginx files the tree does
not hold (a volume, a build step, or its start writing where nginx reads: `cat >
/etc/nginx/conf.d/site.conf`, `envsubst`, `sed -i`, the official image rendering a template
that fills in environment values), nothing is reported: what listens there is not known.

The same holds for a container whose start is uWSGI or Gunicorn alone (no other process the
files show in its network, no nginx): a published port the server binds only on loopback
(`bind = "127.0.0.1:8000"`, `--socket 127.0.0.1:8000`) is a warning; an info naming the
assumption where the bind may come from what the files do not show (an `env_file` that is not
in the tree may set `GUNICORN_CMD_ARGS` or `UWSGI_*`, or `PORT`, from which Gunicorn without a
`bind` takes `0.0.0.0:$PORT`; a config file it loads is not read).

## What breaks in production
The engine forwards each connection to the host port to the container's own address and the
container port (Compose specification, `ports`). With nothing listening there the container
answers with a reset: browsers see "connection refused" or "connection reset", while
`docker compose ps` shows the service up and the port published. A `listen 127.0.0.1:80` is
no better: forwarded connections arrive on the container's network address, not its loopback.

## How to fix
Publish the port nginx listens on (`"80:8080"` for `listen 8080;`), or make nginx listen on the
container port. An app server in a container binds `0.0.0.0:PORT`: the container's network is
its own, and the published port (or another container) reaches it there.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment
from wsgilint.model.manager_facts import options_unseen

CODE = "C103"
SLUG = "published-port-not-listened"
SEVERITY = "warning"
SUMMARY = "A Compose service publishes a port nothing in its container listens on."

_NGINX_CONF = ("user nginx;\nevents {}\nhttp {\n    server {\n        listen 8080;\n"
               "        location / { return 200; }\n    }\n}\n")
BAD = {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n    volumes:\n"
                       "      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n",
       "nginx.conf": _NGINX_CONF}
GOOD = {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:8080\"\n    volumes:\n"
                        "      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n",
        "nginx.conf": _NGINX_CONF}

_LOOPBACK = ("127.", "::1", "localhost")


def check(deployment: Deployment) -> Iterator[Hit]:
    for place, instance in deployment.listeners_shown.items():
        sockets = instance.listening_sockets()
        for entry in place.published:
            port = str(entry.container_port)
            there = [(key, listen) for key, listen in sockets.items() if key[0] == "tcp" and key[-1] == port]
            if any(not key[2].startswith(_LOOPBACK) for key, _ in there):
                continue
            listens = [listen for listen in sockets.values() if listen is not None]
            shown = ", ".join(f"`{' '.join(listen.args)}`" for listen in listens) or (
                "`*:80`" if sockets else "nothing (it has no `server` block)")
            loopback = f"; its `listen` on port {port} is on loopback, which forwarded connections do not reach" \
                if there else ""
            related = tuple(Related(listen.at, "nginx listens here") for listen in listens)
            yield Hit(entry.at or place.published[0].at or instance.main,
                      f"{place.label or place.name} publishes container port {port} (host port "
                      f"{entry.host_port or 'chosen by the engine'}), but the only process in the container is nginx, "
                      f"which listens on {shown} ({instance.main.path}){loopback}: connections to the published port "
                      f"are refused or reset at once; publish the port nginx listens on, or listen on {port}", related)
    yield from _app_servers_on_loopback(deployment)


def _app_servers_on_loopback(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        place, manager = server.place, server.manager
        if place.kind != "container" or not place.published or manager is None or not manager.in_container \
                or manager.runs is not server or not _alone(deployment, server):
            continue
        for entry in place.published:
            bound = [listener for listener in server.listeners if listener.address.family == "inet"
                     and listener.address.port == entry.container_port]
            if not bound or not all(listener.address.is_loopback for listener in bound):
                continue
            unseen = _bind_unseen(server)
            name = "Gunicorn" if server.kind == "gunicorn" else "uWSGI"
            # Gunicorn binds 127.0.0.1:8000 when nothing sets bind (its default, without $PORT).
            default = " (Gunicorn's default: nothing sets bind)" if server.kind == "gunicorn" \
                and not server.has("bind") else ""
            yield Hit(entry.at or bound[0].at,
                      f"{place.label or place.name} publishes container port {entry.container_port} (host port "
                      f"{entry.host_port or 'chosen by the engine'}), but {name}, the container's only process, binds "
                      f"{bound[0].address.text} on loopback{default}: forwarded connections arrive on the "
                      "container's network address, not its loopback, and are reset at once; bind "
                      f"0.0.0.0:{entry.container_port} (the container's network is its own)"
                      + (f"; {unseen}: assumed it does not change the bind" if unseen else ""),
                      tuple(Related(listener.at, listener.label + default) for listener in bound),
                      severity="info" if unseen else None)


def _alone(deployment: Deployment, server: AppServer) -> bool:
    """No other start, program or nginx of the files shares the server's network namespace."""
    loopback = server.place.loopback
    return not any(other.place.loopback == loopback and other.runs is not server for other in deployment.managers) \
        and not any(instance.place.loopback == loopback for instance in deployment.nginx)


def _bind_unseen(server: AppServer) -> str:
    """Why the bind may differ from the files: an environment they do not show (GUNICORN_CMD_ARGS,
    UWSGI_SOCKET..., and PORT, from which Gunicorn takes `0.0.0.0:$PORT` when nothing sets bind),
    or a config file the server loads that is not read; "" when neither."""
    manager = server.manager
    if manager is not None and manager.environment_unseen is not None:
        return manager.environment_unseen.note
    default_from_port = server.kind == "gunicorn" and not server.has("bind")
    unknown = next((setting for name, setting in (manager.environment_unknown if manager else {}).items()
                    if name == "GUNICORN_CMD_ARGS" or name.startswith("UWSGI_")
                    or (name == "PORT" and default_from_port)), None)
    if unknown is not None:
        return unknown.note
    unseen = options_unseen(server)
    return unseen.note if unseen is not None else ""
