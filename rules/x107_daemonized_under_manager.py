"""A server daemonizes itself under a process manager that expects it in the foreground.

## What it checks
uWSGI `daemonize`/`daemonize2`, Gunicorn `daemon`/`-D` and nginx `daemon on` (its
default) when the server is started by Supervisor, by a systemd service of
`Type=simple`, `exec` or `notify` (the default is `simple`) or as a container's command
(Compose `command`/`entrypoint`, Dockerfile `CMD`/`ENTRYPOINT`); and the reverse: a
`Type=forking` service whose server stays in the foreground; a container's supervisord
without `-n`/nodaemon.
When the checked files hold no nginx.conf (no `[supervisord]`; Debian's sets no
nodaemon), the default (daemon on) is assumed and the finding is an info saying so
(a Dockerfile often appends `daemon off;` to the image's nginx.conf).
So is nginx started with `-c FILE` where FILE is not a checked file, or one a start
script writes before nginx starts (`envsubst < nginx.conf.template > /app/nginx.conf`), or
nginx started without `-c` after a start script writes its own /etc/nginx/nginx.conf from a
file not read as nginx's (`j2 /nginx.tmpl > /etc/nginx/nginx.conf`): what the rendered file
says is not in the checked files.

A shell wrapper (`sh -c "..."`, a start script) that does not `exec` the server is the
process the manager watches: when a command that never returns follows the server line
(`tail -f /dev/null`, `sleep infinity`, `while true` loop), the shell stays in the
foreground and nothing is reported (X115 tells that the stop signal then misses the
server); when other commands follow, whether they return is unknown and the finding is
an info that says so.

## What breaks in production
- Supervisor sees the started process exit at once: BACKOFF, then FATAL
  "Exited too quickly" after 4 tries; the first daemon keeps running orphaned, so
  `supervisorctl stop` no longer stops it and the next ones fail on the taken port.
- systemd `Type=simple` takes the exit as the end of the service and kills what is
  left of its control group: the daemon goes with it.
- A container lives as long as its PID 1: the daemonizing server exits at once, the
  container stops, and the daemon dies with it (the restart policy, if any, loops).
  What else is found in the files only that container reads (who it runs as, its app
  server's options) describes a container that never stays up: those findings are infos
  that name this line, and this finding keeps its severity.
- `Type=forking` with a foreground server: systemd waits for a fork that never comes
  and kills the service after `TimeoutStartSec` (90 s by default).

## How to fix
Remove `daemonize` / `daemon` (nginx: `daemon off;` or `-g 'daemon off;'`), or use
`Type=forking` with a PIDFile in systemd.

## Fix safety
Under a manager that expects the foreground, `--fix` renames uWSGI's `daemonize =
FILE` to `logto = FILE` (the log stays where it was; the line is removed when `logto`
or `logger` is set already) and removes `daemon = True` from a Gunicorn config file:
safe, the server then stays in the foreground the manager watches. For nginx under
Supervisor, `--unsafe-fixes` adds `-g 'daemon off;'` to the program's `command`, or, when
the one nginx.conf says `daemon on;`, makes it `daemon off;`. Unsafe: nginx refuses to
start when `-g` repeats a directive its configuration sets (a `daemon` line in an
nginx.conf the checked files do not hold), and `daemon off;` in nginx.conf also applies
where nginx is started otherwise. Flags on a command line and `Type=forking` are left
to you.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related
from wsgilint.model import AppServer, Deployment, ProcessManager, Setting
from wsgilint.model.manager_facts import nginx_daemonizes, supervisord_daemonizes

CODE = "X107"
SLUG = "daemonized-under-manager"
SEVERITY = "error"
SUMMARY = "A server daemonizes under Supervisor or systemd Type=simple."
FIXES = ("safe", "unsafe")

BAD = {
    "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/usr/local/bin/uwsgi --ini /etc/uwsgi/app.ini\n",
    "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app.sock\nvacuum = true\ndaemonize = /var/log/uwsgi/app.log\n",
}
GOOD = {
    "etc/supervisor/conf.d/app.conf": BAD["etc/supervisor/conf.d/app.conf"],
    "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app.sock\nvacuum = true\nlogto = /var/log/uwsgi/app.log\n",
}

_FOREGROUND_TYPES = ("simple", "exec", "notify", "notify-reload", "idle")


def _late_daemons(server: AppServer) -> str:
    """What the retries' daemons do to the first one, measured per socket family."""
    families = {listener.address.family for listener in server.listeners}
    if "inet" in families:
        return " (each retry's daemon then fails on the taken port)"
    if "unix" in families:
        return " (each retry's daemon silently takes the unix socket over)"
    return ""


def _manager_expectation(manager: ProcessManager) -> tuple[str | None, str]:
    if manager.kind == "uwsgi-emperor":
        return None, ""   # under an Emperor, daemonize only redirects the log (topologies.md §1.5)
    if manager.in_container:
        return "foreground", ("the container's main process exits at once, so the container stops (and the restart "
                              "policy starts it again) with the daemon killed by the kernel as PID 1 ends")
    if manager.kind == "supervisor":
        return "foreground", ("Supervisor sees the process exit at once (BACKOFF, then FATAL \"Exited too quickly\") "
                              "while the daemons keep running orphaned, out of its control")
    service_type = manager.service_type.value if manager.service_type else "simple"
    if service_type == "forking":
        return "forking", ""
    if service_type in _FOREGROUND_TYPES:
        return "foreground", (f"systemd (Type={service_type}) takes the exit as the end of the service and kills "
                              "what is left of its control group, the daemon with it")
    return None, ""


def _shell_after(manager: ProcessManager) -> str | None:
    """What keeps the watched process alive once the server has forked away: None when
    nothing does (the shell, or the server itself, ends), "" when a command that never
    returns holds the shell, else the commands whose end the finding then assumes."""
    if manager.wrapper is None or manager.wrapper_execs is not False or not manager.wrapper_after:
        return None
    return "" if manager.wrapper_held_by else "; ".join(" ".join(command) for command in manager.wrapper_after)


def check(deployment: Deployment) -> Iterator[Hit]:
    config_files = {setting.at.path for config in deployment.gunicorn_configs for setting in config.settings}
    for manager in deployment.managers:
        expectation, consequence = _manager_expectation(manager)
        if expectation is None:
            continue
        after = _shell_after(manager) if expectation == "foreground" else None
        if after == "":
            continue   # `tail -f /dev/null` after the server line: the shell stays in the foreground
        shell_note = (f" (assumed: `{after}`, which the wrapper shell runs next, returns; if it stays in the "
                      "foreground, so does the process the manager watches)") if after else ""
        where = manager.argv.at if manager.argv and manager.argv.at else manager.at
        if manager.runs is not None:
            server = manager.runs
            program = {"uwsgi": "uWSGI", "gunicorn": "Gunicorn"}[server.kind]
            if expectation == "foreground" and server.daemonizes is not None and server.detaches:
                yield Hit(server.daemonizes.at or where,
                          f"{program} daemonizes but {manager.kind} [{manager.name}] expects it in the foreground: "
                          f"{consequence}{_late_daemons(server) if manager.kind == 'supervisor' else ''}{shell_note}; "
                          "remove the daemon setting "
                          f"({'log with `logto`' if server.kind == 'uwsgi' else 'log with --error-logfile'} instead)",
                          (Related(where, f"{manager.kind} starts it here"),), fix=_foreground(server, config_files),
                          severity="info" if after else None)
            elif expectation == "forking" and not server.detaches:
                yield Hit(where, f"Type=forking but {program} stays in the foreground: systemd waits for a fork that "
                          "never comes and kills the service after TimeoutStartSec (90 s by default); use Type=simple "
                          "(or Type=notify for uWSGI)", (Related(server.at, f"{program} configuration"),))
        elif manager.runs_program == "nginx" and expectation == "foreground":
            daemon = nginx_daemonizes(manager, deployment)
            if daemon is not None:
                assumed = daemon.note.endswith("checked files")
                unseen = daemon.note if daemon.note.startswith("assumed: ") else ""
                assumption = (", assumed: no nginx.conf in the checked files sets daemon off" if assumed else
                              f"; {unseen}" if unseen else "")
                yield Hit(where, f"nginx daemonizes (daemon on{' by default' if daemon.at is None else ''}"
                          f"{assumption}) but "
                          f"{manager.kind} [{manager.name}] expects it in the foreground: {consequence}"
                          f"{shell_note}; start it with -g 'daemon off;'",
                          (Related(daemon.at, "daemon on"),) if daemon.at else (),
                          severity="info" if assumed or unseen or after else None,
                          fix=None if unseen else _nginx_foreground(manager, daemon, deployment))
        elif manager.runs_program == "supervisord" and manager.in_container:
            daemon = supervisord_daemonizes(manager, deployment)
            if daemon is not None:
                assumed = daemon.note.startswith("assumed: ")
                yield Hit(where, f"supervisord daemonizes (no -n, and {daemon.note}) but {manager.kind} "
                          f"[{manager.name}] expects it in the foreground: {consequence}, its programs with it"
                          f"{shell_note}; start it with `supervisord -n` (or set nodaemon=true in [supervisord])",
                          (Related(daemon.at, "supervisord's settings"),) if daemon.at else (),
                          severity="info" if assumed or after else None)


def _foreground(server: AppServer, config_files: set[str]) -> Fix | None:
    """uWSGI's daemonize becomes logto (same file); Gunicorn's `daemon = True` line goes where
    it is in one of ``config_files`` (not on a command line)."""
    option = server.last("daemonize", "daemonize2", "daemon")
    if option is None or option.at != (server.daemonizes.at if server.daemonizes else None) or "\n" in option.raw:
        return None
    if server.kind == "uwsgi" and server.uwsgi_config and option.at.path in server.uwsgi_config.ini_files:
        if server.has("logto", "logto2", "logger", "req-logger"):
            return Fix(f"remove `{option.key}`", (Edit.deletion(option.at.path, option.at.line, option.key),))
        return Fix(f"log with `logto` instead of `{option.key}`",
                   (Edit.key_rename(option.at.path, option.at.line, option.key, "logto"),))
    if server.kind == "gunicorn" and option.key == "daemon" and option.at.path in config_files:
        return Fix("remove `daemon = True`", (Edit.deletion(option.at.path, option.at.line, "daemon"),))
    return None


def _nginx_foreground(manager: ProcessManager, daemon: Setting[bool], deployment: Deployment) -> Fix | None:
    if daemon.at is not None:
        written = next((d for i in deployment.nginx for d in i.directives if d.name == "daemon" and d.at == daemon.at),
                       None)
        if written is None or written.value_span is None or written.args != ("on",):
            return None
        return Fix("set `daemon off;` in nginx.conf", (Edit.replacement(written.value_span, "off", "on"),), "unsafe")
    argv = manager.argv
    if manager.kind != "supervisor" or argv is None or argv.at is None or "-g" in argv.value:
        return None
    command = next((value for config in deployment.supervisor for section in config.sections
                    for value in section.keys.values() if value.key == "command" and value.at == argv.at), None)
    if command is None or command.end_line != command.at.line or "\n" in command.raw:
        return None
    return Fix("start nginx with `-g 'daemon off;'`",
               (Edit.replacement(command.at, f"{command.raw} -g 'daemon off;'", command.raw),), "unsafe")
