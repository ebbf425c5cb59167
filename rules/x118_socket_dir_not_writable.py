"""uWSGI binds its unix socket as a user who cannot write in the socket's directory.

## What it checks
A uWSGI instance that binds a unix socket as a user other than root:
- uWSGI started as root with `uid` set (and no `chown-socket`, no `master-as-root`):
  it applies `uid`/`gid` before it binds;
- uWSGI started by a systemd unit with `User=` (or `DynamicUser=yes`), or a Supervisor
  program with `user=`: it never was root.

The socket's directory must be writable by that user:
- `/run`, `/var/run` (and, checking this machine or a snapshot, any directory whose real
  owner and mode forbid it) are writable by root only;
- a directory the unit's `RuntimeDirectory=` creates belongs to the unit's `User=`
  (root when unset) with `RuntimeDirectoryMode=` (0755), its parents to root.

A socket that a systemd `.socket` unit binds and hands over is bound by systemd, as root:
it is not checked.

## What breaks in production
uWSGI fails at start with `bind(): Permission denied [core/socket.c line ...]`
(measured with uWSGI 2.0.31).

## How to fix
Create a directory owned by the app user (`RuntimeDirectory=app` with `User=app` in
systemd, `/run/app/`) and put the socket there, or set `chown-socket` so uWSGI binds as
root.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, Setting, Span
from wsgilint.model.manager_facts import ROOT_NAMES
from wsgilint.model.runtime_dirs import runtime_directory

CODE = "X118"
SLUG = "socket-dir-not-writable"
SEVERITY = "error"
SUMMARY = "uWSGI binds its socket as a user who cannot write in the socket's directory."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nuid = www-data\ngid = www-data\nsocket = /run/app.sock\nvacuum = true\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nuid = www-data\ngid = www-data\nsocket = /run/app/app.sock\nvacuum = true\n"}

_ROOT_ONLY = {"/run", "/var/run"}


def _root_only(directory: str, deployment: Deployment) -> bool:
    owner = deployment.host.directory_owner(directory)
    if owner is None:
        return directory in _ROOT_ONLY
    uid, gid, mode = owner
    return uid == 0 and not mode & 0o002 and not (mode & 0o020 and gid != 0)


def _binding_user(server: AppServer) -> tuple[Setting[str], Setting[str] | None, str] | None:
    """(user, group, how) uWSGI binds as, when not root."""
    manager = server.manager
    if manager is not None and manager.user is not None and manager.user.value not in ROOT_NAMES:
        started = f"{manager.kind} [{manager.name}] starts uWSGI as {manager.user.value}"
        return manager.user, server.group or manager.group, started
    if server.user is None or server.has("chown-socket", "master-as-root") or server.user.value in ROOT_NAMES:
        return None
    return server.user, server.group, f"uWSGI switches to uid {server.user.value} before it binds"


def _refusal(deployment: Deployment, server: AppServer, directory: str, user: str,
             group: str | None) -> tuple[str, Span | None] | None:
    """Why ``user`` cannot create a file in ``directory``, and where that is set."""
    created = runtime_directory(server.manager, directory)
    if created is not None:
        if created.writable_by(user, group) is not False:
            return None
        owner = created.owner.value + (f" ({created.owner.note})" if created.owner.note else "")
        return (f"{directory} is made by RuntimeDirectory={created.created_by.value}, owned by {owner} with mode "
                f"{created.mode.value:04o}", created.created_by.at)
    if _root_only(directory, deployment):
        return f"{directory} is writable by root only", None
    return None


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        binding = _binding_user(server) if server.kind == "uwsgi" else None
        if binding is None:
            continue
        user, group, how = binding
        for listener in server.listeners:
            address = listener.address
            if address.family != "unix" or address.is_abstract or not address.path.startswith("/") or \
                    listener.bound_by:
                continue
            directory = posixpath.dirname(address.path)
            refusal = _refusal(deployment, server, directory, user.value, group.value if group else None)
            if refusal is None:
                continue
            reason, where = refusal
            related = ((Related(user.at, f"runs as {user.value}"),) if user.at else ()) + \
                ((Related(where, "the directory is created here"),) if where else ())
            yield Hit(listener.at, f"{how}, and {reason}: uWSGI fails at start with \"bind(): Permission "
                      f"denied\"; put the socket in a directory {user.value} owns (e.g. /run/{server.name}/ with "
                      f"RuntimeDirectory={server.name} and User={user.value})", related)
