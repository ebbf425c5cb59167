"""uWSGI with a unix socket or a pidfile and no `vacuum`.

## What it checks
A uWSGI instance that creates a unix socket or a pidfile without `vacuum = true`. A socket
that a systemd `.socket` unit binds and hands over is systemd's to keep: uWSGI must not
remove it, and with `vacuum` it does not (it logs `VACUUM WARNING: unix socket ... changed
inode. Skip removal`). So is a socket bound with `shared-socket` (used through `socket = =0`
or not): `vacuum` leaves it in place with that same warning (measured on uWSGI 2.0.31), so
adding it would change nothing there.

A leftover matters only where something meets it while uWSGI is down. Where nginx connects
to some of the instance's sockets, only those are named: a stale socket nothing connects to
is harmless. Where uWSGI is a
container's main process (its command, not started in the background, not daemonized, with
no command after it) and the file is in the container's own writable layer (under no Compose
volume or bind mount), nothing else sees the file and nothing runs in the container until
uWSGI starts again and rebinds the socket and rewrites the pidfile: the finding is an info.
So it is where the image's own supervisord runs uWSGI and quits when any of its programs ends
(tiangolo/uwsgi-nginx: `autorestart=false` and an event listener that kills supervisord), so
the container, nginx with it, stops with uWSGI.
So it is where the only nginx that connects to the socket runs in the same container (both
under its supervisord) and the socket and any pidfile are in its own writable layer: while
uWSGI is down that nginx answers 502 either way, "Connection refused" instead of "No such file
or directory", and uWSGI replaces the file when it starts again.
A file on a volume or bind mount outlives the container and other containers or the host see
it (nginx's stale socket): that stays a warning, as on a host. A pidfile alone (no socket
left) in the container's own writable layer is an info wherever uWSGI runs in the container:
only a script reads a pidfile, and none outside the container can; the message names the
assumption that nothing in it does (a `uwsgi --reload` run with `docker exec`).

Where the manager that runs uWSGI stops it with a signal that makes uWSGI 2.0 reload (X108:
SIGTERM without `die-on-term`), every stop ends in SIGKILL, after which uWSGI runs no vacuum:
the file stays with or without it until X108's fix is in, so the finding is an info that asks
for both. So it is where the stop signal itself ends uWSGI without its exit handlers: SIGKILL,
or SIGQUIT to a uWSGI without `master`, whose lone worker installs no handler for it and dies
by the default action (measured with uWSGI 2.0.31 under Supervisor 4.3.0: the socket stays
with `vacuum`; with SIGINT, or with a master, it is removed). So it is where the stop reaches only a shell that starts uWSGI, or the Emperor whose vassal it
is, without `exec` (X115):
uWSGI is killed with its container or left running, and runs no vacuum either way. So it
is too where a container's supervisord runs uWSGI (or its Emperor) and the container's start
runs supervisord from a shell without `exec`: supervisord never gets the stop signal and
never stops its programs, which are killed with the container.

In a repository where nothing in the checked files starts the instance and none of the
tree's nginx routes passes to it (or the tree's nginx configs are all templates, listed and
not read, so where they pass is not known), it is an old or unused config beside the one
deployed, or deployed in a way the files do not show: the finding is an info naming that
assumption.

An option's absence is asserted only for what was read: where the instance loads a config file
that is not among the checked files (`--ini` of a path a script renders from a template),
the finding is an info naming it. An image wsgilint does not know is not counted: it is nearly
always an OS or runtime image that configures no uWSGI.

## What breaks in production
On stop, the socket file and the pidfile stay behind. While uWSGI is down, nginx gets
`connect() failed (111: Connection refused)` from the stale socket instead of a
clear "no such file", and tools that trust the pidfile signal a process that no
longer exists (or a new one with the same pid). A restart rebinds silently.

## How to fix
Add `vacuum = true`.

## Fix safety
`--fix` adds `vacuum = true` after the last option of the instance's INI section, when
`vacuum` is not written at all (an explicit `vacuum = false` is left to you). Safe: uWSGI
then removes only the files it created itself.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related
from wsgilint.model import AppServer, Deployment, Place, ProcessManager
from wsgilint.model.manager_facts import options_unseen, stop_kills_outright, stop_reloads, unused_configs
from wsgilint.model.uwsgi_values import new_option_line

CODE = "U106"
SLUG = "missing-vacuum"
SEVERITY = "warning"
SUMMARY = "uWSGI leaves its unix socket and pidfile behind (no vacuum)."
FIXES = ("safe",)

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/app/app.sock\nmodule = app.wsgi\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/app/app.sock\nmodule = app.wsgi\nvacuum = true\n"}

def _stays(path: str, cleaned: tuple[str, ...]) -> bool:
    """Whether a file stays after the manager stops the program (an init script may delete its run directory)."""
    return not any(path.startswith(directory.rstrip("/") + "/") for directory in cleaned)


def _private(server: AppServer, path: str) -> bool:
    """Whether ``path`` is met by nothing while uWSGI is down: it is in the own writable layer
    of a container whose main process uWSGI is, so the container stops with it."""
    if server.manager is None:
        return False
    if server.manager.ends_container is not None and server.place.kind == "container":
        # The image's supervisord quits when uWSGI ends: the container stops with it.
        return _in_own_layer(server, path)
    # An Emperor's vassal stops with the Emperor: the Emperor is what the container runs.
    manager = server.manager.outermost
    top = manager.runs
    if top is None or (manager is server.manager and top is not server) or not manager.in_container \
            or top.place.kind != "container":
        return False
    if top.detaches or _outlived(manager):
        return False   # something else keeps the container running after uWSGI has stopped
    return path.startswith("/") and top.place.locate(path)[0] == top.place.filesystem


def _in_own_layer(server: AppServer, path: str) -> bool:
    """Whether ``path`` is in the own writable layer of the container uWSGI runs in (under no
    volume or bind mount)."""
    place = server.place
    return place.kind == "container" and path.startswith("/") and place.locate(path)[0] == place.filesystem


def _outlived(manager: ProcessManager) -> bool:
    """Whether something the start runs keeps going after uWSGI has stopped (a command after it,
    one in the background): uWSGI may then end on its own, and vacuum cleans up after it."""
    return bool(manager.wrapper_background or manager.wrapper_after or manager.background_starts
                or manager.daemon_starts or manager.services_started)


def _private_note(server: AppServer) -> str:
    place = server.place
    unseen = " (assumed: the `docker run` that starts the image mounts no volume there)" if place.run_unseen else ""
    ends = server.manager.ends_container if server.manager is not None else None
    why = "where uWSGI is the main process" if ends is None else \
        f"which stops when uWSGI ends ({ends.note})"
    return (f", but only in the own writable layer of {place.label or place.name}{unseen}, {why}: nothing else sees "
            "it and nothing runs there until uWSGI starts again and replaces it")


def check(deployment: Deployment) -> Iterator[Hit]:
    unused = unused_configs(deployment)
    reached: dict[int, list[Place]] = {}   # listener -> where each nginx that connects to it runs
    for route in deployment.routes:
        for target in route.targets:
            for listener in deployment.reached(route, target):
                reached.setdefault(id(listener), []).append(route.place)
    for server in deployment.app_servers:
        if server.kind != "uwsgi":
            continue
        if server.enabled("vacuum"):
            continue
        # A socket that systemd binds and hands over (bound_by) stays by design: uWSGI must not remove it.
        # One bound with shared-socket stays too, vacuum or not: vacuum would not help there.
        cleaned = server.manager.removed_on_stop if server.manager is not None else ()
        leftovers = [sock for sock in server.listeners if sock.address.family == "unix" and not sock.address.is_abstract
                     and not sock.bound_by and sock.option != "shared-socket" and _stays(sock.address.path, cleaned)]
        # Where nginx connects to some of its sockets, a stale one that nothing connects to is harmless.
        if any(id(sock) in reached for sock in server.listeners):
            leftovers = [sock for sock in leftovers if id(sock) in reached]
        pidfile = server.last("pidfile", "pidfile2")
        if pidfile is not None and not _stays(str(pidfile.value), cleaned):
            pidfile = None
        if leftovers:
            # A socket from a package's stock file (Debian's default.ini) is reported where the app is defined.
            first = server.at if leftovers[0].at.path.startswith("<stock>") else leftovers[0].at
        elif pidfile is not None:
            first = pidfile.at
        else:
            continue
        left = [f"the unix socket {leftovers[0].address.path}" if leftovers else "",
                f"the pidfile {pidfile.value}" if pidfile is not None else ""]
        what = " and ".join(filter(None, left))
        leftover = id(server) in unused
        effect = " (nginx then gets \"Connection refused\" from the stale socket)" if leftovers and not leftover else ""
        paths = [sock.address.path for sock in leftovers] + ([str(pidfile.value)] if pidfile is not None else [])
        private = all(_private(server, path) for path in paths)
        effect = _private_note(server) if private else effect
        if not private and leftovers and all(_in_own_layer(server, path) for path in paths) and all(
                reached.get(id(sock)) and all(place is server.place for place in reached[id(sock)])
                for sock in leftovers):
            # Only the container's own nginx meets the stale socket: 502 while uWSGI is down either way.
            private = True
            place = server.place
            effect = (f", but only in the own writable layer of {place.label or place.name}, where only that "
                      "container's nginx connects to it: while uWSGI is down it answers 502 either way "
                      "(\"Connection refused\" instead of \"No such file or directory\"), and uWSGI replaces the "
                      "file when it starts again")
        if not private and not leftovers and pidfile is not None and _in_own_layer(server, str(pidfile.value)):
            # A pidfile only scripts read, and none outside the container can.
            private = True
            place = server.place
            effect = (f", but only in the own writable layer of {place.label or place.name}, which nothing outside "
                      "the container sees: assumed nothing in it reads the pidfile (a `uwsgi --reload` run with "
                      "`docker exec`)")
        message = f"no `vacuum`: {what} {'stay' if all(left) else 'stays'} behind after uWSGI stops{effect}; " \
                  "add `vacuum = true`"
        if leftover:
            yield Hit(first, f"{message}; nothing in the checked files starts this config and no nginx route "
                      "passes to it: assumed it runs where a stale file is met", fix=_fix(server), severity="info")
            continue
        manager = server.manager
        if manager is not None and manager.signals_server and stop_reloads(manager, deployment):
            # SIGKILL ends every stop, and vacuum runs only on an orderly exit: it helps once X108's fix is in.
            yield Hit(first, f"{message} together with X108's fix: {manager.kind} stops [{manager.name}] with a "
                      "signal that makes uWSGI 2.0 reload, so every stop ends in SIGKILL, after which no vacuum "
                      "runs; until then the file stays either way", fix=_fix(server), severity="info")
            continue
        outright = stop_kills_outright(manager) if manager is not None and manager.signals_server else None
        if manager is not None and outright is not None:
            # vacuum runs only on an orderly exit: it helps once the stop signal lets uWSGI exit.
            other = " (or add `master = true`)" if manager.stop_signal.value == "QUIT" else ""
            yield Hit(first, f"{message} and stop it with SIGINT{other}: {manager.kind} stops [{manager.name}] with "
                      f"{outright}, so no vacuum runs; until then the file stays either way", fix=_fix(server),
                      severity="info")
            continue
        outer = manager.outermost if manager is not None else None
        if outer is not None and outer.supervisord_start is not None and outer.supervisord_start.shell_takes_signal \
                and not _outlived(outer.supervisord_start):
            # The container's stop reaches only the shell in front of supervisord: its programs
            # are killed with the container, never stopped.
            start = outer.supervisord_start
            yield Hit(first, f"{message} together with X115's fix: {start.kind} [{start.name}] stops the shell that "
                      "starts supervisord without `exec`, so supervisord never stops its programs and uWSGI is "
                      "killed with the container, after which no vacuum runs; until then the file stays either way",
                      fix=_fix(server), severity="info")
            continue
        if outer is not None and outer.shell_takes_signal and not _outlived(outer):
            # The stop reaches only the shell in front of uWSGI (or of its Emperor): uWSGI is killed
            # or left running, never stopped.
            started = "the uWSGI Emperor that runs it" if outer is not manager else "uWSGI"
            yield Hit(first, f"{message} together with X115's fix: {outer.kind} [{outer.name}] stops the shell "
                      f"that starts {started} without `exec`, so uWSGI never gets the stop signal and is killed or left "
                      "running, after which no vacuum runs; until then the file stays either way", fix=_fix(server),
                      severity="info")
            continue
        unseen = options_unseen(server)
        if unseen is None:
            yield Hit(first, message, fix=_fix(server), severity="info" if private else None)
            continue
        yield Hit(first, f"{message}; {unseen.note}: assumed they do not set `vacuum`",
                  (Related(unseen.at, unseen.value),) if unseen.at else (), fix=_fix(server), severity="info")


def _fix(server: AppServer) -> Fix | None:
    where = None if server.has("vacuum") else new_option_line(server, "vacuum", "true")
    return Fix("add `vacuum = true`", (Edit.insertion(*where),)) if where else None
