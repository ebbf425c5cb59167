"""A uwsgi-protocol socket on a non-loopback address: any client that reaches it can run code.

## What it checks
uWSGI listeners that speak the uwsgi protocol (`socket`, `uwsgi-socket`, `-s`,
`shared-socket`, `ssl-socket`/`suwsgi-socket`) bound to a wildcard (`:3031`,
`0.0.0.0:3031`, `[::]:3031`) or another non-loopback address, unless `max-apps` is 1.
A `socket` with `protocol = http` (or `socket-protocol`) speaks HTTP, not the uwsgi
protocol, and is left alone.
Inside a container (Docker Compose) it follows what is published: a port that `ports:`
forwards from a public host address (`"3031:3031"`, host IP `0.0.0.0` by default) is
reported, a port only the Compose network sees is not (`network_mode: host` is the host).
A config no manager starts runs in the container it is mounted or copied into when nginx
reaches it there by the service's name and the config's port; where nginx reaches it so in
several containers, which one runs it is unknown, and a port one of them does not publish
is an info that says so. So is a config nothing starts that is copied into an image built
on a base wsgilint does not know: whether that base's start runs it, and what publishes its
port, the files do not show; and one copied only into images that nothing in the files runs
(no Compose service, so the `docker run` that starts it, with or without `-p`, is not shown).
In a repository, a config that nothing in the files starts and no nginx route passes to,
while the tree's nginx routes pass elsewhere (or its nginx configs are all templates, not
read), is an old one beside the one deployed or one started in a way the files do not show:
an info naming the assumption that it runs.
Written for uWSGI 2.0.

## What breaks in production
uWSGI 2.0 honours `UWSGI_FILE`, `UWSGI_SCRIPT`, `UWSGI_MODULE`, `UWSGI_SETENV`,
`UWSGI_CHDIR`, ... in every uwsgi-protocol request, and there is no switch to turn
that off (sources.md §3.5). Measured with uWSGI 2.0.31: a client that sends
`UWSGI_FILE=/path/payload.py` with `SCRIPT_NAME=/pwn` makes a worker import and run
that file; `UWSGI_SCRIPT=module` imports a module. Whoever can open a TCP connection
to the port (another host, another container, a port published by Docker) runs code
as the uWSGI user. nginx's `uwsgi_pass` cannot be used for this by its clients (HTTP
headers arrive as `HTTP_*`), so the risk is the port itself. uWSGI 2.1 ignores the
file/module variables unless `dynamic-apps` is set, but still honours `UWSGI_SETENV`
and `UWSGI_CHDIR`.

## How to fix
Bind to loopback (`socket = 127.0.0.1:3031`) or a unix socket
(`socket = /run/app/app.sock`); if the port must be reachable from other hosts, set
`max-apps = 1` (measured: `you cannot load more than 1 apps in a worker`) and firewall
it, or speak HTTP with `http-socket` instead.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import unused_configs
from wsgilint.model.uwsgi_values import integer, uwsgi_servers

CODE = "U108"
SLUG = "uwsgi-socket-exposed"
SEVERITY = "error"
SUMMARY = "A uwsgi-protocol socket on a public address lets any client load and run code."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = :3031\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = 127.0.0.1:3031\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    unused = unused_configs(deployment)
    for server in uwsgi_servers(deployment):
        max_apps = integer(server.last("max-apps"))
        if max_apps is not None and max_apps <= 1:
            continue
        for listener in server.listeners:
            address = listener.address
            # A quoted host binds 255.255.255.255, which nobody reaches: U103 reports the quotes.
            if listener.protocol != "uwsgi" or address.family != "inet" or address.is_loopback \
                    or address.is_unreachable:
                continue
            written = f"`{address.text.strip()}`"
            where = f"every interface ({written})" if address.is_wildcard else written
            place = server.place
            severity, assumed = None, ""
            unpublished = [each for each in server.places_unknown if each.network != "host"
                           and not any(entry.public for entry in each.publishes(address.port))]
            if unpublished:
                # nginx reaches it by the names of several containers: which one runs it is unknown.
                severity = "info"
                names = ", ".join(each.label or each.name for each in server.places_unknown)
                assumed = (f"; assumed it runs where no container network shields it: nginx reaches it in {names}, "
                           "and in a container that does not publish the port only the Compose network reaches it")
            images = [each for each in server.copied_into if each.run_unseen]
            if server.manager is None and place.kind != "container" and images and len(images) == len(
                    server.copied_into) and severity is None and server.unseen_base is None:
                # Only in images nothing in the files runs: `docker run` decides whether it runs and
                # whether anything publishes its port.
                severity = "info"
                assumed = (f"; nothing in the checked files starts it, and {images[0].label or images[0].name} that "
                           "copies it is run by a command the files do not show: assumed that command runs it and "
                           "publishes the port")
            if server.manager is None and server.unseen_base is not None and place.kind != "container":
                # Copied into an image whose base's start the files do not show: whether it runs, and
                # where its port reaches, depends on that start and on what publishes the port.
                severity = "info"
                assumed = (f"; nothing in the checked files starts it, and {server.unseen_base.note}: assumed that "
                           "image runs it and its port is published")
            if place.kind == "container" and place.network != "host":
                # Only other containers of its Compose network reach it unless `ports:` publishes it.
                published = [entry for entry in place.publishes(address.port) if entry.public]
                if not published:
                    continue
                where = f"{where}, which {place.label or place.name} publishes on the host's every interface"
            if id(server) in unused and severity is None:
                # An old config beside the one deployed: nothing starts it and nginx passes elsewhere.
                severity = "info"
                assumed = ("; nothing in the checked files starts this config and no nginx route of them passes to "
                           "it: assumed it runs where its port is reached")
            if deployment.host.version("uwsgi") >= (2, 1):
                # 2.1 loads no app from request variables unless dynamic-apps is on, but still
                # honours UWSGI_SETENV, UWSGI_CHDIR and UWSGI_PYHOME from any client.
                yield Hit(listener.at, f"`{listener.option}` speaks the uwsgi protocol on {where}: any client that "
                          "can connect sets `UWSGI_SETENV`/`UWSGI_CHDIR`/`UWSGI_PYHOME` for its request (uWSGI 2.1 "
                          "no longer loads apps from requests unless `dynamic-apps` is set); bind to 127.0.0.1 or a "
                          f"unix socket{assumed}", severity=severity or "warning", key=address.text.strip())
                continue
            yield Hit(listener.at, f"`{listener.option}` speaks the uwsgi protocol on {where}: in uWSGI 2.0 any client "
                      "that can connect sends `UWSGI_FILE`/`UWSGI_SCRIPT` and makes a worker import and run any Python "
                      f"file or module on the host; bind to 127.0.0.1 or a unix socket (or set `max-apps = 1`){assumed}",
                      severity=severity, key=address.text.strip())
