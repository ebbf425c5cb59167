"""Two app servers bind the same address or unix socket.

## What it checks
Listeners of different app-server instances that are the same unix socket path, or
the same TCP port on overlapping addresses (a wildcard overlaps every address). In a
repository, where alternative configs often sit side by side, only instances that a
process manager starts are compared.

## What breaks in production
For a TCP port the second server fails to start (`Address already in use`). For a
unix socket it is worse: a second uWSGI on the same path silently takes the socket
over (it unlinks and rebinds it), and requests go to whichever app bound last
(measured with uWSGI 2.0.31).

## How to fix
Give each instance its own socket or port.
"""
from wsgilint.engine import Hit, Related

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


def check(deployment):
    servers = [s for s in deployment.app_servers
               if deployment.host.mode != "repository" or s.manager is not None]
    seen: list = []
    for server in servers:
        for listener in server.listeners:
            if listener.address.family not in ("unix", "inet") or (listener.address.family == "inet" and not listener.address.port):
                continue
            for other in deployment.listeners_at(listener.address):
                if other.server is server or other.server not in servers or (other, listener) in seen:
                    continue
                seen.append((listener, other))
                consequence = ("the later one silently takes the socket over and requests go to whichever bound last"
                               if listener.address.family == "unix" else "the later one fails with \"Address already in use\"")
                yield Hit(other.at, f"{other.label} is also bound by {listener.server.name}: {consequence}; give each "
                          "instance its own socket", (Related(listener.at, f"{listener.label} of {listener.server.name}"),))
