"""uWSGI drops to `uid` before it binds, in a directory that user cannot write.

## What it checks
A uWSGI instance with `uid` set (and no `chown-socket`, no `master-as-root`), whose unix
socket is created directly in a directory only root may write: `/run`, `/var/run`
(and, checking this machine or a snapshot, any directory whose real owner and mode
forbid it).

## What breaks in production
uWSGI applies `uid`/`gid` before it binds its sockets, so it fails at start with
`bind(): Permission denied [core/socket.c line ...]` (measured with uWSGI 2.0.31).

## How to fix
Create a directory owned by the app user (`RuntimeDirectory=app` in systemd,
`/run/app/`) and put the socket there, or set `chown-socket` so uWSGI binds as root.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "X118"
SLUG = "socket-dir-not-writable"
SEVERITY = "error"
SUMMARY = "uWSGI binds its socket after dropping to uid, in a directory that user cannot write."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nuid = www-data\ngid = www-data\nsocket = /run/app.sock\nvacuum = true\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nuid = www-data\ngid = www-data\nsocket = /run/app/app.sock\nvacuum = true\n"}

_ROOT_ONLY = {"/run", "/var/run"}


def _root_only(directory: str, deployment: Deployment) -> bool:
    owner = deployment.host.directory_owner(directory)
    if owner is None:
        return directory in _ROOT_ONLY
    uid, gid, mode = owner
    return uid == 0 and not mode & 0o002 and not (mode & 0o020 and gid != 0)


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        if server.kind != "uwsgi" or server.user is None or server.has("chown-socket", "master-as-root"):
            continue
        if server.user.value in ("root", "0"):
            continue
        for listener in server.listeners:
            address = listener.address
            if address.family != "unix" or address.is_abstract or not address.path.startswith("/"):
                continue
            directory = posixpath.dirname(address.path)
            if not _root_only(directory, deployment):
                continue
            yield Hit(listener.at, f"uWSGI switches to uid {server.user.value} before it binds, and {directory} is "
                      "writable by root only: uWSGI fails at start with \"bind(): Permission denied\"; put the socket "
                      f"in a directory {server.user.value} owns (e.g. /run/{server.name}/ with RuntimeDirectory=)",
                      (Related(server.user.at, f"uid = {server.user.value}"),) if server.user.at else ())
