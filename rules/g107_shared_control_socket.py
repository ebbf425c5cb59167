"""Several Gunicorn instances of one user share the default control socket.

## What it checks
Gunicorn instances started by Supervisor or systemd whose default control socket is
the same file, none of which sets `control_socket` or disables it
(`--no-control-socket`, `control_socket_disable = True`). Gunicorn 25.1 and later
open it at `$XDG_RUNTIME_DIR/gunicorn.ctl`, else `$HOME/.gunicorn/gunicorn.ctl`
(`config.py`): `$HOME` is the `User=`'s home under systemd and root's for root;
Supervisor passes its own `$HOME` (root's) to every program whatever its `user=`,
so only its root programs can create the file there. `environment=HOME=...` is
followed. In a repository
(not a host's `/etc`), only programs of the same file are compared, or of one Compose
project (`compose.yaml`/`docker-compose.yml` with its `*.override.*`).

The file is one only where the path lands in one file store and the instances run at
the same time: each container has its own `/root`, so two Compose services share the
socket only through a volume or bind mount they both have it in (perhaps at different
paths), and servers of two alternative Compose projects (another Compose file read
alone with `docker compose -f`) are not compared.

Gunicorn before 25.1 opens no control socket: with an older `--gunicorn-version` (or one a
settings file, package database or image tag names) there is no finding, and where no
version is named the finding is an info that names the current one as assumed.

## What breaks in production
Measured with Gunicorn 27.0.1, two instances of one user: the second silently took the
socket over (`gunicornc` then managed it, not the first), and when it stopped it
removed the socket, leaving the first with none (`Failed to connect to
.../gunicorn.ctl`). `gunicornc` commands reach the wrong app.

## How to fix
Give each instance its own `control_socket = '/run/APP/gunicorn.ctl'`, or set
`control_socket_disable = True` where it is not used.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, Place, ProcessManager

CODE = "G107"
SLUG = "shared-control-socket"
SEVERITY = "warning"
SUMMARY = "Gunicorn instances of one user use the same default control socket: the last one takes it over."

BAD = {
    "etc/supervisor/conf.d/apps.conf": "[program:shop]\ncommand=/srv/shop/venv/bin/gunicorn -b 127.0.0.1:8001 shop.wsgi\n"
                                       "\n[program:blog]\ncommand=/srv/blog/venv/bin/gunicorn -b 127.0.0.1:8002 blog.wsgi\n",
}
GOOD = {
    "etc/supervisor/conf.d/apps.conf": BAD["etc/supervisor/conf.d/apps.conf"].replace(
        "-b 127.0.0.1:8002", "-b 127.0.0.1:8002 --no-control-socket"),
}


def _socket_path(manager: ProcessManager) -> str | None:
    """Where the default socket lands for this process: ``~`` is ``$HOME``, which
    systemd sets for ``User=`` and Supervisor leaves as supervisord's own (root's).
    None when the process cannot create it (a non-root Supervisor program under
    root's home), which is a different failure."""
    runtime = manager.environment.get("XDG_RUNTIME_DIR")
    if runtime is not None:
        return f"{runtime.value}/gunicorn.ctl"
    home = manager.environment.get("HOME")
    if home is not None:
        return f"{home.value}/.gunicorn/gunicorn.ctl"
    user = manager.user.value if manager.user is not None else "root"
    if user == "root":
        return "/root/.gunicorn/gunicorn.ctl"
    return f"~{user}/.gunicorn/gunicorn.ctl" if manager.kind == "systemd" else None


# The release that opened a control socket by default.
_SINCE = (25, 1)


def check(deployment: Deployment) -> Iterator[Hit]:
    setting = deployment.host.versions.get("gunicorn")
    if setting is not None and deployment.host.version("gunicorn") < _SINCE:
        return
    # Nobody named the version: the one assumed is current, but an older Gunicorn opens no socket.
    assumed = "" if setting is None or "gunicorn" not in deployment.host.assumed_versions else (
        f"; the files name no Gunicorn version: assumed {setting.value}, which opens that socket by default (since "
        "25.1; an older one opens none: give --gunicorn-version)")
    groups: dict[tuple[str, ...], list[tuple[ProcessManager, str]]] = {}
    for server in deployment.app_servers:
        manager = server.manager
        if server.kind != "gunicorn" or manager is None:
            continue
        if server.has("control_socket") or server.enabled("control_socket_disable"):
            continue
        # A repository may hold the configs of several unrelated hosts: only one file's programs surely share one.
        # A container says itself where it runs and with what (its Compose project or image).
        host = manager.at.path if deployment.host.mode == "repository" and not manager.place.started_with else ""
        path = _socket_path(manager)
        if path is not None:
            # One file only where the path lands in one file store: each container has its
            # own /root, and a volume may be mounted at another path in each.
            groups.setdefault((host, *manager.place.locate(path)), []).append((manager, path))
    for sharing in groups.values():
        by_place: dict[Place, list[tuple[ProcessManager, str]]] = {}
        entries_of: dict[int, int] = {}   # id of a manager -> its entries in the group
        for manager, path in sharing:
            by_place.setdefault(manager.place, []).append((manager, path))
            entries_of[id(manager)] = entries_of.get(id(manager), 0) + 1
        # Processes of one place always run together; across places ask the graph, once per place.
        together: dict[Place, list[list[tuple[ProcessManager, str]]]] = {}
        for manager, path in sharing:
            if manager.place not in together:
                together[manager.place] = [entries for place, entries in by_place.items()
                                           if place == manager.place or deployment.run_together(place, manager.place)]
            reachable = together[manager.place]
            # The others are counted, not listed: a thousand apps sharing one socket stay linear.
            count = sum(len(entries) for entries in reachable) - entries_of[id(manager)]
            if not count:
                continue
            # Each instance is told about the first one that shares its socket: the finding
            # stays readable whatever the number of apps.
            other, other_path = next(entry for entries in reachable for entry in entries if entry[0] is not manager)
            more = f" and {count - 1} more" if count > 1 else ""
            name = f"[{other.name}]" if other.place == manager.place else other.place.label or f"[{other.name}] in {other.place.name}"
            yield Hit(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                      f"this Gunicorn, {name}{more} use the same default control socket {path}: the "
                      "last one started takes it over and removes it when it stops, so gunicornc reaches the wrong app "
                      f"or none; set control_socket per app or control_socket_disable = True{assumed}",
                      (Related(other.at, f"{other.kind} [{other.name}] uses it too"
                               + (f" as {other_path}" if other_path != path else "")),),
                      severity="info" if assumed else None)
