"""uWSGI loads an app without `need-app`: if the import fails, it stays up answering 500.

## What it checks
A uWSGI instance that loads a Python app (`module`, `wsgi-file`, `mount`, `paste`, ...)
and does not set `need-app`. uWSGI 2.0 defaults it to off (2.1 turns it on). An
explicit `need-app = false` is left alone.

When the instance runs in a container whose base image wsgilint does not know (its own
ini or `UWSGI_*` environment may set `need-app`), the finding is an info naming that
assumption. Well-known images count as what they ship: `tiangolo/uwsgi-nginx` starts
uWSGI with its own `/etc/uwsgi/uwsgi.ini`, which sets `need-app = true`.

An instance that loads its apps only through `paste` (`ini-paste`, `ini-paste-logged`) or
`pecan` is left alone: those loaders end uWSGI with code 22 when the app fails to load,
`need-app` or not (`uwsgi_paste_loader` and `uwsgi_pecan_loader` in
`plugins/python/pyloader.c`; measured with 2.0.31 for `paste`).

## What breaks in production
Measured with uWSGI 2.0.31: when the app cannot be imported (a missing module, a
syntax error, a bad setting at import time), uWSGI logs
`*** no app loaded. going in full dynamic mode ***` and keeps running; every request
gets `500 Internal Server Error` and the log says
`--- no python application found, check your startup logs for errors ---`. The
process manager sees a healthy process and nginx a working upstream, so nothing
restarts or alerts. With `need-app = true`, uWSGI exits (code 22) with
`*** no app loaded. GAME OVER ***`, which the manager reports.

Where a shell starts uWSGI in the background (`uwsgi --ini app.ini &`) and then holds
with a command that never returns (`tail -f /dev/null`, `sleep infinity`), nothing waits
on uWSGI's exit: with `need-app` it exits, the container or service stays up and nginx
answers 502 instead of 500, and nothing restarts it. `need-app` alone fixes nothing
there, so the finding is an info naming the real fix. So it is where the shell ends after
the `&` line, or runs on in another program (`uwsgi --ini app.ini &` then `exec nginx -g
'daemon off;'`); a `wait` after it waits on uWSGI, and the warning stays.

So it is where uWSGI daemonizes (`daemonize`): measured with 2.0.31, the command that
starts it returns 0 before the app is imported, and the daemon, in a session of its own
(setsid), exits with `need-app` unseen. `daemonize2` loads the app before it forks, so
with `need-app` the start command itself exits 22, which whoever started it sees: the
warning stays, unless `lazy-apps` loads the app later in each worker (then it returns 0
first). A manager that still waits on the daemon keeps the warning: systemd with
`Type=forking` (it takes the daemon as the main process), an Emperor (its `daemonize`
only redirects the log). Debian's init script, a sysv service to systemd
(`RemainAfterExit=yes`), does not.

With `lazy` (not `lazy-apps`) each worker imports the app after the fork, and `need-app`
does not stop the instance: measured with 2.0.31, a failed import makes the master respawn
the worker for ever while requests wait. `lazy-apps` with `need-app` exits 22. The message
names that fix.

An instance that binds no socket (a vassal that only runs Celery through `attach-daemon`),
started by a manager of the checked files and with every option it reads in them, serves no
request: it is not reported.

In a repository whose files start this config nowhere (no Supervisor program, systemd
unit, Emperor, container or start script runs it), the files do not show that a manager
watches it: run by hand, or not at all (a development or old config beside the one
deployed), an exit goes just as unnoticed as the 500s. The finding is then an info naming
that assumption.

## How to fix
Add `need-app = true` (and, where `lazy` is set, use `lazy-apps` in its place). Where a shell starts uWSGI with `&`, or uWSGI daemonizes, run
uWSGI in the foreground as the process a manager watches (`exec uwsgi --ini app.ini`;
`logto` in place of `daemonize` keeps the log), first.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, ProcessManager
from wsgilint.model.manager_facts import options_unseen
from wsgilint.model.uwsgi_values import app_loader, loads_only_exiting_apps, uwsgi_servers

CODE = "U111"
SLUG = "no-need-app"
SEVERITY = "warning"
SUMMARY = "Without need-app, uWSGI stays up answering 500 when the app fails to import."

_PROGRAM = "[program:app]\ncommand = /usr/bin/uwsgi --ini /srv/app/deploy/uwsgi.ini\n"
BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\n",
       "deploy/supervisor/app.conf": _PROGRAM}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nneed-app = true\n",
        "deploy/supervisor/app.conf": _PROGRAM}

_UNNOTICED = ("so with `need-app` a failed import goes just as unnoticed (uWSGI exits, nginx answers 502 instead of "
              "500) and nothing restarts it")


def check(deployment: Deployment) -> Iterator[Hit]:
    # The managers whose wrapper shell starts the server with `&` and does not wait on it.
    backgrounded = {id(manager.runs): manager for manager in deployment.managers
                    if manager.runs is not None and manager.wrapper is not None and manager.wrapper_background
                    and not any(command[:1] == ("wait",) for command in manager.wrapper_after)}
    for server in uwsgi_servers(deployment):
        loader = app_loader(server)
        if loader is None or server.has("need-app") or loads_only_exiting_apps(server):
            continue
        # An instance that binds nothing (one that runs Celery with `attach-daemon`) answers no
        # request, 500 or other, where what starts it and all of its options are read (a config
        # nothing starts may be given its socket on a command line the files do not show).
        if not server.listeners and not server.has("zerg", "zerg-fallback") \
                and not deployment.started_nowhere(server) and options_unseen(server, with_image=True) is None:
            continue
        unwatched = _unwatched(server, backgrounded.get(id(server)))
        if unwatched is not None:
            why, related = unwatched
            yield Hit(loader.at, f"`{loader.key}` without `need-app`, but nothing waits on uWSGI's exit: {why}",
                      related, severity="info")
            continue
        lazy = server.last("lazy") if server.enabled("lazy") and not server.enabled("lazy-apps") else None
        fix = ("with `lazy`, `need-app` does not make it exit (each worker fails the import and is respawned for "
               "ever): replace `lazy` with `lazy-apps` and add `need-app = true`" if lazy else "add `need-app = true`")
        message = (f"`{loader.key}` without `need-app`: if the app fails to import, uWSGI 2.0 keeps running and "
                   "answers every request with 500 (\"no python application found\") instead of exiting, so the "
                   f"manager never notices; {fix}")
        unseen = options_unseen(server, with_image=True)
        if deployment.started_nowhere(server) and unseen is None:
            yield Hit(loader.at, f"{message}; nothing in the checked files starts this config (no Supervisor "
                      "program, systemd unit, Emperor, container or start script runs it): assumed a manager that "
                      "restarts it does, since run by hand or not at all the exit would go just as unnoticed",
                      severity="info")
            continue
        if unseen is None:
            yield Hit(loader.at, message, (Related(lazy.at, "`lazy` loads the app in each worker"),) if lazy else ())
        else:
            yield Hit(loader.at, f"{message}; {unseen.note}: assumed they do not set `need-app`",
                      (Related(unseen.at, unseen.value),) if unseen.at else (), severity="info")


def _unwatched(server: AppServer, backgrounded: ProcessManager | None) -> tuple[str, tuple[Related, ...]] | None:
    """Why no process waits on this uWSGI's exit, and where that is written; None when one does."""
    if backgrounded is not None and backgrounded.wrapper is not None:
        watched = f"{backgrounded.kind} [{backgrounded.name}] watches that shell"
        then = (f"and then holds in `{backgrounded.wrapper_held_by}`" if backgrounded.wrapper_held_by
                else "and never waits on it")
        return (f"{backgrounded.wrapper.path} starts it with `&` {then} ({watched}), {_UNNOTICED}; run uWSGI in the "
                "foreground as the process the manager watches (`exec uwsgi ...` in place of the `&` line"
                f"{' and the hold' if backgrounded.wrapper_held_by else ''}), then add `need-app = true`",
                (Related(backgrounded.wrapper, "uWSGI started in the background here"),))
    started = server.started_in_background
    if started is not None:
        manager = started.value
        shell = manager.wrapper.path if manager.wrapper is not None else "a shell"
        how = "as a daemon" if server.detaches else "with `&`"
        return (f"{shell} starts it {how} and runs on in `{manager.runs_program or 'another program'}` "
                f"({manager.kind} [{manager.name}] watches that shell, not uWSGI), {_UNNOTICED}; run uWSGI under a "
                "manager of its own that restarts it (a Supervisor program, its own container or service), then "
                "add `need-app = true`", (Related(started.at, f"uWSGI started {how} here"),)
                if started.at else ())
    option = server.last("daemonize", "daemonize2")
    if option is None or not server.detaches or _watches_daemon(server.manager):
        return None
    # daemonize2 forks after loading the app: with need-app a failed import makes the start
    # command itself exit 22, which whoever started it sees (measured with uWSGI 2.0.31) ...
    # unless the app is loaded later, in each worker (lazy-apps).
    if option.key == "daemonize2" and not server.enabled("lazy-apps", "lazy"):
        return None
    return (f"it daemonizes (`{option.key} = {option.value}`): the command that starts it returns 0 before the "
            f"app is imported, and the daemon runs in a session of its own that no manager waits on, {_UNNOTICED}; "
            f"remove `{option.key}` (`logto` keeps the log) and run uWSGI in the foreground under a manager that "
            "restarts it, then add `need-app = true`", ())


def _watches_daemon(manager: ProcessManager | None) -> bool:
    """A manager that still waits on a daemonized uWSGI: systemd's `Type=forking` takes the
    daemon as the service's main process (from `PIDFile=` or guessed) and sees it exit; an
    Emperor's `daemonize` only redirects the vassal's log. Debian's init script, run as a
    sysv service (`RemainAfterExit=yes`, `GuessMainPID=no`), does not."""
    if manager is None:
        return False
    if manager.kind == "uwsgi-emperor":
        return True
    return manager.kind == "systemd" and manager.service_type is not None and manager.service_type.value == "forking"
