"""A process manager runs a shell wrapper that does not `exec` the server.

## What it checks
A Supervisor program or systemd service whose command is a shell script, or
`sh -c "..."`, where the line that starts the server has no `exec`, unless the
manager signals the whole process group (`stopasgroup` + `killasgroup` in Supervisor;
`KillMode=control-group`, the default, in systemd). A script line that several starts run
(two images with one entrypoint) is one finding, the other starts named as related: `exec`
on that line fixes it for all.

A container whose `CMD`/`ENTRYPOINT` is in shell form (or whose Compose `command` runs
`sh -c`) is the same case: the runtime signals only PID 1. So is a container whose script
starts `supervisord` without `exec` (`CMD ["/bin/sh", "start.sh"]` ending in
`/usr/bin/supervisord`): supervisord never gets the signal, so it never stops its programs. A shell form runs under the
Dockerfile's `SHELL` when one is set before it (`SHELL ["/bin/bash", "-c"]`: bash), else
under `/bin/sh -c`.

Some shells exec the last simple command of a `-c` text themselves, so it needs no
`exec`: bash, and busybox ash, the `/bin/sh` of Alpine-based images (`python:*-alpine`,
`nginx:*-alpine`). Debian's dash, the `/bin/sh` of Debian and Ubuntu based images
(`python:3.12`, `python:*-slim`, `nginx:1.27`), does not. The container's `/bin/sh` is
read from its base image; for an image not known the finding is an info naming that
assumption. No shell execs the last line of a script file, a command followed by
another, one started with `&`, or anything once a `trap` is set.

A script run by `sh -c` (a shell-form `CMD ./entrypoint.sh`, `command: ["/bin/sh", "-c",
"/app/entrypoint.sh"]`) has two shells in front of the server: where dash runs the `-c` text,
it stays PID 1 even when the script's own line execs the server, and the finding is on the
command that runs the script; where the script does not exec either, it is on the script's
line and names both fixes.

A server line that starts a program which forks away (nginx without `daemon off;`,
supervisord without `-n` or `nodaemon=true`, uWSGI with `daemonize`, Gunicorn with
`daemon`) is not reported: the shell does not stay in
front of it but runs on and exits, and `exec` would make the started process exit at
once. X107 reports that. Unless a command that never returns then holds the shell
(`tail -f /dev/null`, `sleep infinity`, a `while true` loop, a Celery worker): the shell takes the stop
signal and drops it, and the daemon, in a session of its own, runs on until SIGKILL
(measured with nginx 1.22 behind dash as PID 1 of a new PID namespace: after SIGTERM to
PID 1 both still run). That is reported, with the foreground form as the fix
(`exec nginx -g 'daemon off;'`, `exec supervisord -n`, uWSGI without `daemonize` under
`exec`) instead of a bare `exec`. Where the script runs commands after the server line
(two Celery workers), the message names them: `exec` ends the script there, so they would
no longer run.

Measured here (`python tools/measure_shells.py`: each case run as PID 1 of a new PID
namespace with `unshare --pid --fork --mount-proc`, the process tree read from /proc,
then SIGTERM sent to PID 1 as `docker stop` does; the server a program that exits on
SIGTERM):

| `-c` text / script | busybox ash 1.35.0 | dash 0.5.12 (Debian) | bash 5.2.15 |
|---|---|---|---|
| `server` | exec | shell stays | exec |
| `a; server` | exec | shell stays | exec |
| `a && server` | exec | shell stays | exec |
| `server & wait` | shell stays | shell stays | shell stays |
| `trap 'exit 0' TERM; server` | shell stays | shell stays | shell stays |
| `server; b` | shell stays | shell stays | shell stays |
| `sh script`, server on the last line | shell stays | shell stays | shell stays |

Where the server is exec'd it is PID 1 and gets the SIGTERM; where the shell stays, the
shell is PID 1 with no handler and the signal is dropped (with a trap, the trap waits
for the foreground server to end). Sources: busybox `shell/ash.c` runs `-c` with
`evalstring(minusc, EV_EXIT)`; upstream dash does too, but Debian's package patches it
to `evalstring(minusc, 0)` ("Disable sh -c optimisation").

A tool that stays in front of the script (`dockerize -wait ... /start.sh`, jwilder/dockerize
`exec.go`: it starts the script as its child, passes SIGHUP, SIGINT and SIGTERM to that child
only, and exits once it has ended) is PID 1 instead of the shell: the shell, no longer PID 1,
dies of the SIGTERM, dockerize exits with it, and the container stops with the server
SIGKILLed at once. `exec` in the script is the fix there too. So is an init in front of it:
tini (`ENTRYPOINT ["tini", "--"]`, and Docker's copy of it that Compose's `init: true` runs) and
dumb-init pass the signal on (dumb-init to the shell's whole process group) and end with the
shell, and the container stops with the server killed before its graceful stop has ended
(measured with tini 0.19.0 and dumb-init 1.2.5 as PID 1 of a new PID namespace in front of
dash running the server without `exec`).

A command runner that stays the server's parent and does not pass the stop signal on is
the same case (measured with `tools/measure_runners.py`, table in docs/design.md): `hatch
run` passes none, `pdm run` and `runuser -u` pass SIGTERM but not SIGINT or SIGQUIT. `uv
run` and `sudo` pass all three; `poetry run`, `pipenv run`, `rye run`, `gosu`, `su-exec`,
`setpriv`, `chpst` and `s6-setuidgid` exec the server.

A shell that traps the stop signal (`trap _term TERM`) and waits with `wait` for the server
it started with `&` runs its own handler at once instead of ignoring the signal: an info that
assumes the handler stops the server (`exec` would drop it). With the server in the
foreground the shell runs the handler only once the server has ended: that is reported.
The stop signal is the image's: the official nginx image stops with SIGQUIT since its
Dockerfiles said so (November 2020, for 1.18.0 and 1.19.4 on); a tag of an earlier release
(`nginx:1.13.8`, `nginx:1.16`) was built with `STOPSIGNAL SIGTERM`, which a script that traps
TERM handles.

## What breaks in production
The stop signal goes to the shell, which dies; the server keeps running with PPID 1
and keeps serving and holding its port, so the next start fails (measured with dash
and Gunicorn 27 under Supervisor 4.3.0). In a container the shell is PID 1, which the
kernel shields from signals it has no handler for: `docker stop` waits (10 s by
default), then SIGKILLs everything (Dockerfile reference: the shell-form example stops
in 10.19 s).

## How to fix
Start the server with `exec` in the script, or set `stopasgroup=true` and
`killasgroup=true`; in a container, run the server without a shell (`CMD ["gunicorn", "app:app"]`,
the program the message names). An exec-form `CMD ["sh", "-c", "..."]` still runs a shell: the
text needs `exec` too. Where the text runs other commands as well (`migrate && gunicorn ...`),
the server's own command would leave them out: keep the shell and write `exec` before the
server, as the message then says. For uWSGI 2.0 with a master, `exec` is not the whole fix: without
`die-on-term` the master reloads on the SIGTERM it then receives (X108).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related, severity_rank
from wsgilint.model import Deployment, ProcessManager, Setting, Span
from wsgilint.model.manager_facts import forks_away
from wsgilint.model.uwsgi_values import master_on

CODE = "X115"
SLUG = "wrapper-without-exec"
SEVERITY = "warning"
SUMMARY = "A shell wrapper starts the server without exec (orphans on stop)."

BAD = {
    "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/app/start.sh\n",
    "srv/app/start.sh": "#!/bin/sh\ncd /srv/app\n/srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n",
}
GOOD = {
    "etc/supervisor/conf.d/app.conf": BAD["etc/supervisor/conf.d/app.conf"],
    "srv/app/start.sh": "#!/bin/sh\ncd /srv/app\nexec /srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    """One finding per line of a script: `exec` there fixes it for every start that runs the
    script (two images built from one entrypoint), the others named as related."""
    kept: dict[tuple[str, int, int], Hit] = {}
    for hit in _hits(deployment):
        where = (hit.at.path, hit.at.line, hit.at.column)
        first = kept.get(where)
        if first is None:
            kept[where] = hit
            continue
        if severity_rank(hit.severity or SEVERITY) > severity_rank(first.severity or SEVERITY):
            first, hit = hit, first
        also = Related(hit.key, "starts the same script line too") if isinstance(hit.key, Span) else None
        kept[where] = first._replace(related=first.related + ((also,) if also and also not in first.related else ()))
    yield from kept.values()


def _hits(deployment: Deployment) -> Iterator[Hit]:
    kinds = {source.display: source.kind for source in deployment.files}
    for manager in deployment.managers:
        launcher = manager.launcher_takes_signal
        if launcher is not None and not (manager.shell_takes_signal or manager.shell_may_take_signal):
            signal = manager.stop_signal.value
            yield Hit(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                      f"`{launcher.name}` starts the server as its child and stays, and does not pass SIG{signal} on "
                      f"({manager.kind} [{manager.name}] stops it with SIG{signal}): the server never hears of the "
                      "stop and is SIGKILLed when the wait runs out"
                      + (", or keeps running orphaned" if not manager.in_container else "")
                      + "; start the server from the environment's own bin directory (`.venv/bin/gunicorn`)"
                      + "".join(f", or stop it with SIG{each}" for each in launcher.forwards[:1]), key=manager.at)
        if manager.wrapper is None:
            continue
        forked = forks_away(manager, deployment)
        if forked is not None and not manager.wrapper_held_by:
            # nginx or supervisord daemonizes: the shell runs on and exits rather than staying in
            # front of it, and `exec` would make the started process exit at once (X107 tells).
            continue
        if manager.shell_may_take_signal and manager.wrapper_shell is not None:
            yield Hit(manager.wrapper,
                      f"the server is the last command of `sh -c` without `exec` ({manager.kind} [{manager.name}]), "
                      f"and {manager.wrapper_shell.note}: busybox ash (Alpine) and bash exec it, so the stop signal "
                      "reaches the server; Debian's dash stays PID 1 and drops it, and the server is SIGKILLed "
                      "after the grace period; `exec` or the exec form makes it certain",
                      (Related(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                               f"{manager.kind} runs the wrapper here"),), severity="info", key=manager.at)
            continue
        if not manager.shell_takes_signal:
            continue
        if forked is not None:
            yield _held_after_fork(deployment, manager, forked)
            continue
        stop = manager.stop_signal.value
        traps = manager.wrapper_traps
        waits = manager.wrapper_background and any(command[:1] == ("wait",) for command in manager.wrapper_after)
        if traps is not None and stop in traps.value and waits:
            # The shell runs its own handler on the stop at once: the server runs in the background
            # and the shell waits in `wait`, which a trapped signal interrupts (a foreground server
            # would hold the handler back until it ends). `exec` would drop the handler.
            yield Hit(manager.wrapper, f"the server is started by a shell without `exec` ({manager.kind} "
                      f"[{manager.name}]), which traps SIG{stop} and runs its own handler on the stop instead of "
                      "ignoring it: assumed the handler stops the server and the shell waits for it to end",
                      (Related(traps.at or manager.at, f"the trap of SIG{stop}"),), severity="info", key=manager.at)
            continue
        if manager.in_container:
            # A shell-form command's line is in a Dockerfile or compose file; otherwise the shell
            # is a script the command runs (an entrypoint.sh).
            shell_form = kinds.get(manager.wrapper.path) in ("compose", "dockerfile")
            # A shell named by the command itself (a Dockerfile's SHELL, `bash -c`), else `/bin/sh -c`.
            shell = manager.wrapper_shell
            runs = shell.note if shell is not None and shell.note == f"`{shell.value} -c`" else "`/bin/sh -c`"
            # Written as a string (shell form) or as `["sh", "-c", ...]`: either way a shell runs the text.
            how = (f"{runs}, from its command in {manager.wrapper.path}" if shell_form
                   else f"the script {manager.wrapper.path}, whose shell stays PID 1")
            if shell_form and manager.wrapper_shell is not None and manager.wrapper_shell.value == "dash":
                how += f"; {manager.wrapper_shell.note}, which stays PID 1 and does not exec it"
            # supervisord in the shell's place: its programs are killed with it, never stopped.
            who = "supervisord" if manager.runs_program == "supervisord" else "the server"
            program = manager.runs_program or "server"
            example = '"supervisord", "-n"' if who == "supervisord" else f'"{program}", ...'
            form = (f"`command: [{example}]`, a YAML list" if kinds.get(manager.wrapper.path) == "compose"
                    else f"`CMD [{example}]`")
            # Without a shell the server's own command would drop the text's other commands.
            fix = (f"start it with `exec` (`... && exec {program} ...`): run without a shell ({form}), the other "
                   "commands of the text would not run" if shell_form and manager.wrapper_others else
                   f"run it without a shell ({form}) or start it with `exec`" if shell_form
                   else f"start {who} with `exec` in the script")
            if manager.wrapper_background and manager.wrapper_held_by:
                # `uwsgi ... &` then `tail -f`: exec on the `&` line would run nothing after it.
                before = [f"`{shown}`" for command in manager.wrapper_after if (shown := " ".join(command)) != manager.wrapper_held_by]
                fix = (f"start {who} last, in the foreground: `exec {program} ...` in place of its `&` line and of "
                       f"`{manager.wrapper_held_by}`" + (f", with {', '.join(before)} moved before it" if before else ""))
            fix += _uwsgi_term(deployment, manager)
            cut = ("so it never stops its programs, and all are SIGKILLed after" if who == "supervisord" else
                   "so the server never hears of the stop and is SIGKILLed after")
            grace = f"{manager.stop_timeout.value if manager.stop_timeout else 10:g} s"
            effect = f"`docker stop` sends its signal to the shell, PID 1, which ignores it, {cut} {grace}"
            front = next((launcher for launcher in manager.wrapper_launchers if launcher.stays), None)
            if front is not None:
                # The runner is PID 1 and the shell its child: the shell takes the default action.
                how = how.replace(", whose shell stays PID 1", f", through {front.name}").replace(
                    ", which stays PID 1 and does not exec it", ", which does not exec it")
                effect = (f"`docker stop` sends its signal to {front.name}, PID 1, which passes it to the shell: the "
                          f"shell dies, {front.name} exits with it and the container stops, so {who} is SIGKILLed "
                          "at once" if manager.stop_signal.value in front.forwards else
                          f"`docker stop` sends its signal to {front.name}, PID 1, which does not pass it on, {cut} "
                          f"{grace}")
            message = (f"{who} is started by a shell without `exec` ({manager.kind} [{manager.name}] runs "
                       f"{how}): {effect}, cutting the requests in flight; {fix}")
            outer = manager.wrapper_outer
            if outer is not None and outer.at is not None and front is None:
                yield _outer_shell(manager, manager.wrapper, outer.value, outer.at, who, effect, fix)
                continue
        else:
            fix = "set stopasgroup=true and killasgroup=true" if manager.kind == "supervisor" else \
                "use KillMode=control-group"
            message = (f"the server is started without `exec`, and {manager.kind} [{manager.name}] signals only the "
                       "shell: on stop the shell dies and the server keeps running orphaned, holding its port; "
                       f"start it with `exec`, or {fix}")
        yield Hit(manager.wrapper, message,
                  (Related(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                           f"{manager.kind} runs the wrapper here"),), key=manager.at)


def _held_after_fork(deployment: Deployment, manager: ProcessManager, forked: Setting[bool]) -> Hit:
    """nginx, supervisord or a uWSGI/Gunicorn with its daemon setting forks away and a command
    that never returns (`tail -f /dev/null`, a Celery worker) holds the shell: the stop signal
    goes to that shell, not to the daemon (which called setsid(), so no process-group signal
    reaches it either). `exec` alone would not help: the launcher exits as it forks; the fix
    is the foreground form under `exec`."""
    assert manager.wrapper is not None
    who, held = manager.runs_program, manager.wrapper_held_by
    if manager.runs is not None and who not in ("nginx", "supervisord"):
        return _server_held_after_fork(deployment, manager, forked)
    if who == "nginx":
        # "nginx default" says no more than "by default"; an assumption (no nginx.conf here) is named.
        note = forked.note.removeprefix("nginx default").lstrip("; ")
        why = "daemon on" + (" by default" if forked.at is None else "") + (f"; {note}" if note else "")
        # nginx refuses `-g 'daemon off;'` when the file it reads sets daemon already.
        fix = "`exec nginx -g 'daemon off;'`" + (" (`exec nginx` if the nginx.conf it reads sets daemon off)"
                                                 if note else "")
        lost = "nginx never hears of the stop and is SIGKILLed"
    else:
        why, fix = f"no -n, and {forked.note}", "`exec supervisord -n`"
        lost = "supervisord never stops its programs, and all are SIGKILLed"
    if manager.in_container:
        # busybox ash and bash exec the last command of a `-c` text: then that command is PID 1.
        pid1 = "the shell waiting in it" + (" (or the command itself, where the shell execs it)"
                                            if manager.wrapper_shell is not None else "")
        timeout = manager.stop_timeout.value if manager.stop_timeout else 10
        effect = (f"`docker stop` sends its signal to PID 1, {pid1}, which ignores it, so {lost} after "
                  f"{timeout:g} s, cutting the requests in flight")
    else:
        effect = _orphaned(manager, who)
    message = (f"{who} forks away ({why}) and `{held}` then holds the shell ({manager.kind} [{manager.name}] "
               f"runs {manager.wrapper.path}): {effect}; replace both lines with {fix}, which keeps {who} in the "
               f"foreground as the process signalled (`exec {who}` alone would exit at once as it forks)")
    return _forked_hit(manager, forked, who, message)


def _server_held_after_fork(deployment: Deployment, manager: ProcessManager, forked: Setting[bool]) -> Hit:
    """uWSGI with `daemonize` (Gunicorn with `daemon`) forks away and what the script runs next
    holds the shell. `exec` alone would let the daemon exit PID 1 at once, and would end the
    script at the server line: the commands after it, which run now, would not."""
    assert manager.wrapper is not None and manager.runs is not None
    server = manager.runs
    program, setting, log = (("uWSGI", "daemonize", "`logto`") if server.kind == "uwsgi"
                             else ("Gunicorn", "daemon", "--error-logfile"))
    if manager.in_container:
        timeout = manager.stop_timeout.value if manager.stop_timeout else 10
        effect = (f"`docker stop` sends its signal to PID 1, the shell waiting in it, which ignores it, so {program} "
                  f"never hears of the stop and is SIGKILLed after {timeout:g} s, cutting the requests in flight")
    else:
        effect = _orphaned(manager, program)
    after = [" ".join(command) for command in manager.wrapper_after]
    dropped = (f"; `exec` ends the script there, so what it runs after the server would no longer run "
               f"({', '.join(f'`{command}`' for command in after)}): start "
               f"{'it in a service of its own' if len(after) == 1 else 'them in services of their own'}, or with `&` "
               "before the server line") if after else ""
    message = (f"{program} forks away ({forked.note}) and `{manager.wrapper_held_by}` then holds the shell "
               f"({manager.kind} [{manager.name}] runs {manager.wrapper.path}): {effect}; remove `{setting}` (log "
               f"with {log}) so that {program} stays in the foreground, and start it with `exec` (with `{setting}`, "
               f"`exec` alone would let it exit at once as it forks){dropped}{_uwsgi_term(deployment, manager)}")
    return _forked_hit(manager, forked, program, message)


def _orphaned(manager: ProcessManager, who: str) -> str:
    """Outside a container: the manager signals the shell; the daemon, in a session of its own, stays."""
    return (f"{manager.kind} [{manager.name}] signals the shell, which dies, while {who} keeps running "
            "orphaned in a session of its own (no process-group signal reaches it), holding its port")


def _forked_hit(manager: ProcessManager, forked: Setting[bool], who: str, message: str) -> Hit:
    """The finding on the wrapper line, with where the manager runs it and the daemon setting."""
    assert manager.wrapper is not None
    related = [Related(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                       f"{manager.kind} runs the wrapper here")]
    if forked.at is not None:
        related.append(Related(forked.at, f"{who}'s daemon setting"))
    return Hit(manager.wrapper, message, tuple(related), key=manager.at)


def _uwsgi_term(deployment: Deployment, manager: ProcessManager) -> str:
    """uWSGI 2.0 with a master and no die-on-term reloads on SIGTERM: once the signal reaches it,
    it still does not stop (X108), so `exec` alone is not the whole fix."""
    server = manager.runs
    if (server is None or server.kind != "uwsgi" or deployment.host.version("uwsgi") >= (2, 1)
            or not master_on(server) or server.enabled("die-on-term") or server.enabled("exit-on-reload")
            or manager.stop_signal.value != "TERM"):
        return ""
    return ("; `exec` alone is not enough for this uWSGI 2.0: without `die-on-term` its master reloads on the "
            "SIGTERM it then gets instead of stopping (X108)")


def _outer_shell(manager: ProcessManager, script: Span, script_execs: bool, at: Span, who: str, effect: str,
                 fix: str) -> Hit:
    """The `sh -c` of a shell-form CMD or a Compose command runs the wrapper script and stays PID
    1 in front of it: where the script's own line already execs, that shell is the one cause."""
    shell = manager.wrapper_shell
    stays = f"{shell.note}, which stays PID 1 and does not exec it" if shell is not None and shell.note else \
        "which stays PID 1"
    unwrap = ("run the script without a shell (the exec form: a JSON list in the Dockerfile, a YAML list in "
              "Compose) or `exec` it in the `-c` text")
    if script_execs:
        return Hit(at, f"{who} is started with `exec` by the script {script.path}, but `sh -c` runs that "
                   f"script ({manager.kind} [{manager.name}]; {stays}): {effect}, cutting the requests in flight; "
                   f"{unwrap}", (Related(script, "the script's own line execs the server"),), key=manager.at)
    return Hit(script, f"{who} is started by a shell without `exec` ({manager.kind} [{manager.name}] runs "
               f"the script {script.path} through `sh -c`; {stays}, and so does the script's shell): "
               f"{effect}, cutting the requests in flight; {fix}, and {unwrap}",
               (Related(at, "`sh -c` runs the script here"),), key=manager.at)
