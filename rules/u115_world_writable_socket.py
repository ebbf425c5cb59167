"""`chmod-socket` lets every local user connect to uWSGI's unix socket.

## What it checks
`chmod-socket` (or `chmod`, `-C`) that makes the unix sockets writable by others:
`666`, `777`, any mode with the others' write bit, `1`, or `--chmod-socket` without a
value (both mean 666). A socket that a systemd `.socket` unit binds and hands over keeps
the unit's `SocketMode=`: `chmod-socket` does not change it, so it is not counted.

## What breaks in production
Connecting to a unix socket needs write permission on it. With the others' write bit,
every account on the host (a compromised service, a CI job, a shell user) can talk to
the app directly, past nginx and its access rules. On a uwsgi-protocol socket it can
also set `UWSGI_FILE`/`UWSGI_SCRIPT` and make a worker import and run code, as
measured with uWSGI 2.0.31 (see U108).

## How to fix
Use `chmod-socket = 660` and give the socket the web server's group
(`chown-socket = app:www-data`, or `gid = www-data`), so only nginx can connect.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.uwsgi import socket_mode
from wsgilint.model.uwsgi_options import aliases_of
from wsgilint.model.uwsgi_values import uwsgi_servers

CODE = "U115"
SLUG = "world-writable-socket"
SEVERITY = "warning"
SUMMARY = "uWSGI's unix socket is writable by every local user (chmod-socket = 666)."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nchmod-socket = 666\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nchmod-socket = 660\n"
                            "chown-socket = app:www-data\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        option = server.last(*aliases_of("chmod-socket"))
        if option is None or option.unresolved:
            continue
        mode = socket_mode(option)
        if mode is None or not mode & 0o002:
            continue
        # chmod-socket leaves a socket that systemd binds and hands over (bound_by) alone.
        sockets = [sock for sock in server.listeners if sock.address.family == "unix" and not sock.address.is_abstract
                   and not sock.bound_by]
        if not sockets:
            continue
        uwsgi = [sock for sock in sockets if sock.protocol == "uwsgi"]
        risk = (" and, over the uwsgi protocol, make a worker load and run code (`UWSGI_FILE`)" if uwsgi else "")
        written = f"`{option.key} = {option.value}`" if option.raw else f"`--{option.key}` without a value"
        yield Hit(option.at, f"{written} makes {sockets[0].address.path} mode {mode:o}: every local user can "
                  f"connect to the app past nginx{risk}; use `chmod-socket = 660` with the web server's group",
                  tuple(Related(sock.at, sock.label) for sock in sockets))
