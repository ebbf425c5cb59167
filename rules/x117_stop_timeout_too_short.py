"""The manager kills the app before its graceful shutdown can finish.

## What it checks
Gunicorn's `graceful_timeout` (default 30 s) or uWSGI's `worker-reload-mercy`
(default 60 s) against Supervisor's `stopwaitsecs` (default 10 s), systemd's
`TimeoutStopSec` (default 90 s) or Compose's `stop_grace_period` (default 10 s, the
wait of `docker stop`). Only pairs where at least one side is written in the
files are reported: defaults alone are left to the authors of the defaults. Starts of one
server setting that stop the same way (a Compose service and an override file's project that
keeps its stop) are one finding, at the start beside the setting, the others related.

uWSGI waits `worker-reload-mercy` on stop only when the manager's stop signal is mapped
to a graceful shutdown (`hook-master-start = unix_signal:15 gracefully_kill_them_all`
for SIGTERM). Its own stop signals do not wait: SIGINT, SIGTERM with `die-on-term`
(and in 2.1) and SIGQUIT without it run `kill_them_all`, which ends every worker at once
(measured with uWSGI 2.0.21: a worker 20 s into a request, `worker-reload-mercy = 60`,
SIGTERM with `die-on-term`: gone in 1 s; with the hook, the stop waited for the
request). SIGTERM without `die-on-term` reloads uWSGI 2.0, which X108 reports. Gunicorn too waits
`graceful_timeout` only on SIGTERM: SIGINT and SIGQUIT are its quick shutdown, and SIGKILL
(`stopsignal = KILL`) kills it. A stop signal written as one of those is the finding (at the
signal, whatever the timeouts): the stop cuts running requests at once.

Supervisor SIGKILLs only the program's own pid when `stopwaitsecs` runs out, unless
`killasgroup = true` (or `stopasgroup = true`, which implies it) sends it to the whole
process group. Without it the app server's master dies, but its workers, which already
had the graceful stop signal, finish their requests as orphans (measured with
supervisord 4.3 and Gunicorn 27: `stopwaitsecs = 2`, `graceful_timeout = 30`, a 7 s request
during `supervisorctl stop` still got 200). So the warning is only for a stop that kills
the group (systemd's default `KillMode=control-group`, a container's `docker stop`,
Supervisor with `killasgroup`, a uWSGI with `no-orphans`); without it the finding is an
info: the orphans run outside supervisord's control and hold the listening socket, so a
`start` in that time finds the port in use (Gunicorn logs `Connection in use` and retries
until they are gone) while supervisorctl already says RUNNING.

Where the stop signal never reaches the server (a shell wrapper that stays its parent
without `exec`, a runner that keeps the signal: X115), no graceful stop starts, however
long the manager waits; X117 says nothing there, and X115's fix comes first.

A runner that passes the stop signal on and then kills the server cuts the stop the same
way: util-linux's `runuser -u app -- gunicorn ...` sends SIGTERM on, sleeps 2 s and SIGKILLs
it (login-utils/su-common.c; measured with runuser 2.38.1: a server that takes 3 s to stop
is killed). That is reported whatever the manager waits.

Where the tree holds the module the server loads and every module of the app that its code
names (imports from the app's own packages, Django's `ROOT_URLCONF` and `include()`: a tree of
config files and a wsgi.py without the views says nothing of what requests do), and none of
the app's Python code (under the folder of the module's top package; outside a Django project,
only the files that module imports) waits on anything
outside the process (an HTTP client or a remote service's SDK, mail, a subprocess, a sleep,
an upload read from the request, a streamed or file response, a websocket), the finding is an
info naming the assumption that every request ends within the manager's wait: a stop then cuts
none. So is a container that declares a development set-up (`APP_ENV=local` in its
environment, a Compose file named `docker-compose.dev.yml`): a stop there cuts a developer's
request.

## What breaks in production
On every stop or deploy, requests still running when the manager's wait ends are cut
by SIGKILL: clients get a reset connection or nginx a 502.

## How to fix
Make the manager wait longer than the app's graceful timeout (`stopwaitsecs = 35`
for Gunicorn's default 30 s), or shorten the graceful timeout.
"""
import posixpath
import re
import signal
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, ProcessManager, Span
from wsgilint.model.dev_stacks import declared_development, development_named
from wsgilint.model.units import c_atoi
from wsgilint.model.uwsgi_values import master_on

CODE = "X117"
SLUG = "stop-timeout-too-short"
SEVERITY = "warning"
SUMMARY = "The manager's stop timeout is shorter than the app's graceful shutdown."

BAD = {
    "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/venv/bin/gunicorn -c /srv/app/gunicorn.conf.py app:app\n"
                                      "stopwaitsecs=10\nkillasgroup=true\n",
    "srv/app/gunicorn.conf.py": "bind = '127.0.0.1:8000'\ngraceful_timeout = 60\n",
}
GOOD = {
    "etc/supervisor/conf.d/app.conf": BAD["etc/supervisor/conf.d/app.conf"].replace("stopwaitsecs=10", "stopwaitsecs=65"),
    "srv/app/gunicorn.conf.py": BAD["srv/app/gunicorn.conf.py"],
}

_DEFAULTS = {"gunicorn": ("graceful_timeout", 30), "uwsgi": ("worker-reload-mercy", 60)}


def _uwsgi_stops_gracefully(server: AppServer, manager: ProcessManager) -> bool:
    """The stop signal runs uWSGI's ``gracefully_kill_them_all``, which waits for running
    requests up to ``worker-reload-mercy``: only when a master-start hook maps it there."""
    name = manager.stop_signal.value
    number = getattr(signal.Signals, f"SIG{name}", None)
    if number is None or not master_on(server):
        return False
    # Compiled when first used (re caches it): few configs have such a hook.
    for hook in server.all("hook-master-start"):
        match = re.fullmatch(r"unix_signal:(\d+)\s+gracefully_kill_them_all", hook.value.strip())
        if match and int(match.group(1)) == number:
            return True
    return False


# Stop signals that end Gunicorn without its graceful shutdown: its quick shutdown, and SIGKILL.
_CUTS_GUNICORN = frozenset({"INT", "QUIT", "KILL"})


def check(deployment: Deployment) -> Iterator[Hit]:
    # Starts of one server setting stopped the same way (a Compose service and an override of it
    # that keeps its stop): one cause, reported once, at the start beside the setting.
    cut: dict[tuple[str, Related, str | None], list[Span]] = {}
    for manager in deployment.managers:
        server = manager.runs
        if server is None:
            continue
        key, default = _DEFAULTS[server.kind]
        option = server.last(key)
        if option is not None and option.unresolved:
            continue
        graceful = c_atoi(option.value) if option is not None else default
        written_wait = manager.stop_timeout is not None and manager.stop_timeout.at is not None
        related = (Related(option.at if option is not None else server.at, f"{key} of {server.name}"),)
        # Only where the signal reaches it: a shell that keeps it (X115) comes first.
        cutter = next((launcher for launcher in manager.launchers if launcher.kills_after is not None
                       and manager.stop_signal.value in launcher.forwards), None) \
            if not manager.shell_takes_signal else None
        if cutter is not None and cutter.kills_after is not None and graceful is not None \
                and cutter.kills_after < graceful and (server.kind != "uwsgi" or option is not None
                                                       and _uwsgi_stops_gracefully(server, manager)):
            yield Hit(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                      f"`{cutter.name}` passes SIG{manager.stop_signal.value} on to {server.name} and SIGKILLs it "
                      f"{cutter.kills_after:g} s later, shorter than {key} {graceful} s"
                      f"{'' if option else ' (default)'}: on stop, requests still running are cut; switch the user "
                      "with a tool that execs the server (`setpriv`, `gosu`) or with the manager's own user setting",
                      related)
            continue
        stop_signal = manager.stop_signal
        # A signal written that ends Gunicorn at once is the cause, whatever the timeouts say.
        cuts_at_once = server.kind == "gunicorn" and stop_signal.value in _CUTS_GUNICORN and stop_signal.at is not None
        if graceful is None or (option is None and not written_wait and not cuts_at_once):
            continue
        if manager.shell_takes_signal or manager.launcher_takes_signal is not None:
            continue  # the stop signal stops at a shell or runner, so no graceful stop starts (X115 tells)
        if server.kind == "uwsgi" and (option is None or not _uwsgi_stops_gracefully(server, manager)):
            continue  # on any other stop, uWSGI ends its workers at once: no mercy is waited for
        if server.kind == "gunicorn" and stop_signal.value != "TERM":
            if cuts_at_once and stop_signal.at is not None:
                how = "kills Gunicorn" if stop_signal.value == "KILL" else "is Gunicorn's quick shutdown"
                declared = declared_development(manager) or (f"its file {posixpath.basename(manager.at.path)}"
                                                             if development_named(manager.at.path) else None)
                said = (f"; {manager.place.label or manager.name} declares itself a development set-up ({declared}): "
                        "a stop there cuts a developer's request, not a user's") if declared else ""
                yield Hit(stop_signal.at, f"stop signal SIG{stop_signal.value} {how}: its workers end without finishing the "
                          f"requests they are running, whatever {key} says; stop it with SIGTERM, its graceful "
                          f"shutdown{said}", related, severity="info" if declared else None)
            continue
        wait = manager.stop_timeout.value if manager.stop_timeout else (10 if manager.kind == "supervisor" else 90)
        if wait >= graceful:
            continue
        setting = manager.setting_name("stop_timeout")
        where = (manager.stop_timeout.at if manager.stop_timeout is not None else None) or manager.at
        said = f"{setting} {wait:g} s" + ("" if written_wait else f" ({manager.kind} default)")
        said += f" is shorter than {key} {graceful} s" + ("" if option else " (default)")
        if _kills_only_the_master(server, manager):
            yield Hit(where, f"{said}, but without killasgroup supervisord SIGKILLs only the master: its workers "
                      "finish their requests as orphans outside supervisord's control and hold the listening "
                      "socket, so a start in that time finds the address in use; wait longer than "
                      f"{graceful} s, with killasgroup=true so nothing outlives the stop", related, severity="info")
            continue
        quick = _requests_end_quickly(deployment, server, wait)
        declared = declared_development(manager) if not quick else None
        if declared is not None:
            quick = (f"; {manager.place.label or manager.name} declares itself a development set-up ({declared}): a "
                     "stop there cuts a developer's request, not a user's (where this set-up also serves users, the "
                     "advice holds)")
        cut.setdefault((f"{said}: on stop, requests still running are cut by SIGKILL; wait longer than {graceful} s"
                        f"{quick}", related[0], "info" if quick else None), []).append(where)
    for (message, compared, severity), wheres in cut.items():
        first, *others = sorted(wheres, key=lambda at: (at.path != compared.at.path, at.path, at.line))
        yield Hit(first, message, (compared, *(Related(at, "stopped the same way here too") for at in others)),
                  severity=severity)


def _requests_end_quickly(deployment: Deployment, server: AppServer, wait: float) -> str:
    """Where the tree holds all of the app's code (the module the server loads, and every module
    of the app it names) and none of it (``app_scope``) waits on
    anything outside the process, the assumption that no request outlasts the manager's wait;
    else ""."""
    readers = deployment.app_request_readers
    module = readers.module_of(server) if readers is not None else None
    if readers is None or module is None:
        return ""
    scope = readers.app_scope([server])
    if not readers.holds_all_of(scope) or readers.waits_in(scope):
        return ""
    return (f"; the app's code is in the checked tree ({module}, the module its server loads, and every module of the "
            "app it names) and none of it makes an outbound call, sends mail, runs a subprocess, sleeps, reads an "
            f"upload or streams a response: assumed every request ends within {wait:g} s, so a stop cuts none (one "
            "that takes longer, a slow query or a slow client, is cut)")


def _kills_only_the_master(server: AppServer, manager: ProcessManager) -> bool:
    """Supervisor's SIGKILL reaches the master's pid alone (no ``killasgroup``), and the
    workers outlive it: Gunicorn's always, uWSGI's unless ``no-orphans`` ends them."""
    if manager.kind != "supervisor" or manager.kills_group is None or manager.kills_group.value:
        return False
    return not (server.kind == "uwsgi" and server.enabled("no-orphans"))
