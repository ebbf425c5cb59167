"""Two app servers bind the same address or unix socket.

## What it checks
Listeners of different app-server instances that are the same unix socket path, or
the same TCP port on overlapping addresses (a wildcard overlaps every address). In a
repository, where alternative configs often sit side by side (`deploy/docker/`,
`deploy/local/`), only instances that a process manager starts and that are configured
in the same folder are compared.

## What breaks in production
For a TCP port the second server fails to start (`Address already in use`). For a
unix socket it is worse: a second uWSGI on the same path silently takes the socket
over (it unlinks and rebinds it), and requests go to whichever app bound last
(measured with uWSGI 2.0.31).

## How to fix
Give each instance its own socket or port.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Address, AppServer, Deployment, Listener
from wsgilint.model.address import reaches

CODE = "X114"
SLUG = "listener-collision"
SEVERITY = "error"
SUMMARY = "Two app servers bind the same address or socket path."

BAD = {
    "etc/uwsgi/apps-enabled/blog.ini": "[uwsgi]\nsocket = /run/uwsgi/app.sock\nvacuum = true\nmodule = blog.wsgi\n",
    "etc/uwsgi/apps-enabled/shop.ini": "[uwsgi]\nsocket = /run/uwsgi/app.sock\nvacuum = true\nmodule = shop.wsgi\n",
}
GOOD = {
    "etc/uwsgi/apps-enabled/blog.ini": BAD["etc/uwsgi/apps-enabled/blog.ini"],
    "etc/uwsgi/apps-enabled/shop.ini": BAD["etc/uwsgi/apps-enabled/shop.ini"].replace("app.sock", "shop.sock"),
}


def _folder(server: AppServer) -> str:
    return posixpath.dirname(server.sources[0] if server.sources else server.at.path)


def _same_deployment(deployment: Deployment, one: AppServer, other: AppServer) -> bool:
    """On a host every server runs together. A repository often keeps variants side by
    side (deploy/docker/ and deploy/local/): only servers configured in one folder are
    one deployment there."""
    return deployment.host.mode != "repository" or _folder(one) == _folder(other)


def _group_key(address: Address) -> tuple[str, str | int]:
    return ("unix", address.path) if address.family == "unix" else ("inet", address.port)


def check(deployment: Deployment) -> Iterator[Hit]:
    groups: dict[tuple[str, str | int], list[Listener]] = {}
    for server in deployment.app_servers:
        if deployment.host.mode == "repository" and server.manager is None:
            continue
        for listener in server.listeners:
            address = listener.address
            if address.family == "unix" or (address.family == "inet" and address.port):
                groups.setdefault(_group_key(address), []).append(listener)
    for listeners in groups.values():
        for index, listener in enumerate(listeners):
            first = next((earlier for earlier in listeners[:index] if earlier.server is not listener.server
                          and _same_deployment(deployment, earlier.server, listener.server)
                          and (reaches(listener.address, earlier.address) or reaches(earlier.address, listener.address))),
                         None)
            if first is None:
                continue
            consequence = ("the later one silently takes the socket over and requests go to whichever bound last"
                           if listener.address.family == "unix" else "the later one fails with \"Address already in use\"")
            yield Hit(listener.at, f"{listener.label} is also bound by {first.server.name}: {consequence}; give each "
                      "instance its own socket", (Related(first.at, f"{first.label} of {first.server.name}"),))
