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

## What breaks in production
The engine forwards each connection to the host port to the container's own address and the
container port (Compose specification, `ports`). With nothing listening there the container
answers with a reset: browsers see "connection refused" or "connection reset", while
`docker compose ps` shows the service up and the port published. A `listen 127.0.0.1:80` is
no better: forwarded connections arrive on the container's network address, not its loopback.

## How to fix
Publish the port nginx listens on (`"80:8080"` for `listen 8080;`), or make nginx listen on the
container port.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

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
