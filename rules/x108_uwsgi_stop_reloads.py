"""uWSGI 2.0 under a process manager whose stop signal makes it reload.

## What it checks
A uWSGI 2.0 instance with `master` started by Supervisor, systemd or a container
(Compose `stop_signal`, Dockerfile `STOPSIGNAL`) where the stop signal is SIGTERM (the
default of all of them) without `die-on-term`, or SIGQUIT with `die-on-term` (which
swaps the two signals' roles). SIGTERM given a handler that shuts the instance down
(`hook-master-start = unix_signal:15 gracefully_kill_them_all`, or `kill_them_all`) ends it
as `die-on-term` does (measured with uWSGI 2.0.31: exit 0): that is no finding. `master` is
as uWSGI ends up with it: an option that needs the master (`cheaper`, `stats`, `touch-reload`,
`attach-daemon`...) switches it on without `master = true` (measured with uWSGI 2.0.31:
`cheaper = 1` alone spawns a master, and SIGTERM reloads it).

When the stop signal does not reach uWSGI (a shell wrapper without `exec` takes it, or
uWSGI daemonized out of the manager's reach), the finding is an info about what the
stop will do once it does.

A missing `die-on-term` is asserted only for what was read: where the instance loads a config file
that is not among the checked files (`--ini` of a path a script renders from a template),
the finding is an info naming it. An image wsgilint does not know is not counted as setting
uWSGI options: it is nearly always an OS or runtime image that configures no uWSGI. But where
a container's image sets only a CMD on such a base, the base's own ENTRYPOINT (a shell that
does not `exec`, an init that signals the whole process group) decides where `docker stop`'s
SIGTERM goes, for uWSGI as PID 1 and for a Supervisor inside: the finding is an info that
names the assumption.

systemd runs `ExecStop=` first and sends `KillSignal=` only to what is left: the signal the
first `ExecStop=` command sends the server (`kill -INT $MAINPID`, `killall -9 uwsgi`, `uwsgi
--stop PIDFILE`, which sends SIGINT, also inside a `sh -c` text or a stop script of the
tree) is the stop signal. An `ExecStop=` that shows no such signal (a script that does
something else) leaves the stop's first step unknown: an info naming the assumption.

## What breaks in production
Measured with uWSGI 2.0.31 under Supervisor 4.3.0: the stop request makes uWSGI
*reload* (`...brutally killing workers...`, `binary reloading uWSGI...`); the manager
waits `stopwaitsecs` (10 s) / `TimeoutStopSec` (90 s) / `stop_grace_period` (10 s, `docker
stop`), then SIGKILLs the master, and in
3 of 10 runs workers were left behind holding the port with PPID 1 (not where the SIGKILL
reaches the whole group: Supervisor's `killasgroup`/`stopasgroup`, systemd's default
`KillMode=control-group`, a container's PID 1). uWSGI 2.1 changed this; the rule follows the
uWSGI version it is told (2.0 by default).

## How to fix
Add `die-on-term = true` (and keep SIGTERM), or set the stop signal to SIGINT
(`stopsignal = INT` / `KillSignal=SIGINT` / Compose `stop_signal: SIGINT` / `STOPSIGNAL SIGINT`).

## Fix safety
With SIGTERM and no `die-on-term` written, `--fix` adds `die-on-term = true` after the
last option of the instance's INI section. Safe: the stop signal then stops uWSGI, as
the manager means it to (the other cases are left to you).
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import options_unseen, stop_reloads
from wsgilint.model.uwsgi_values import new_option_line

CODE = "X108"
SLUG = "uwsgi-stop-reloads"
SEVERITY = "error"
SUMMARY = "The manager's stop signal makes uWSGI 2.0 reload instead of exit."
FIXES = ("safe",)

BAD = {
    "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini\n",
    "etc/uwsgi/app.ini": "[uwsgi]\nmaster = true\nsocket = 127.0.0.1:3031\n",
}
GOOD = {
    "etc/supervisor/conf.d/app.conf": BAD["etc/supervisor/conf.d/app.conf"],
    "etc/uwsgi/app.ini": "[uwsgi]\nmaster = true\ndie-on-term = true\nsocket = 127.0.0.1:3031\n",
}

def check(deployment: Deployment) -> Iterator[Hit]:
    for manager in deployment.managers:
        server = manager.runs
        if server is None or not stop_reloads(manager, deployment):
            continue
        signal = manager.stop_signal.value
        die_on_term = server.last("die-on-term")
        wait = manager.stop_timeout.value if manager.stop_timeout else (10 if manager.kind == "supervisor" else 90)
        where = manager.stop_signal.at or manager.at
        setting = manager.setting_name("stop_signal")
        default = " (the default)" if manager.stop_signal.at is None else ""
        why = "with die-on-term, SIGQUIT" if signal == "QUIT" else "without die-on-term, SIGTERM"
        fix = ("remove die-on-term or stop with SIGINT" if signal == "QUIT"
               else f"add `die-on-term = true` or set {setting} to INT")
        configured = next((o.at for o in server.options if o.at.path != where.path and not o.at.path.startswith("<stock>")),
                          server.at)
        related = [Related(configured, "the uWSGI configuration (die-on-term goes here)")]
        where_fixed = new_option_line(server, "die-on-term", "true") if signal == "TERM" and die_on_term is None else None
        fixed = Fix("add `die-on-term = true`", (Edit.insertion(*where_fixed),)) if where_fixed else None
        if die_on_term is not None:
            related.append(Related(die_on_term.at, "die-on-term"))
        if not manager.signals_server:
            # The signal goes to a shell that does not exec uWSGI, or misses a uWSGI that
            # daemonized into a session of its own: X115 and X107 say so; this is what the
            # stop will do once their fix lets it reach uWSGI.
            how = "the wrapper shell" if manager.shell_takes_signal else \
                f"the `sh -c` shell unless it execs uWSGI ({manager.wrapper_shell.note})" \
                if manager.shell_may_take_signal and manager.wrapper_shell else \
                "the process it started (uWSGI daemonizes)"
            yield Hit(where, f"{manager.kind} stops [{manager.name}] with SIG{signal}{default}, which reaches "
                      f"{how}, not uWSGI; once it reaches uWSGI, {why} makes uWSGI 2.0 reload instead of exit "
                      f"(the stop then waits {wait:g} s, then SIGKILL); {fix}", tuple(related), fix=fixed,
                      severity="info")
            continue
        # In a container the SIGKILL ends every process with PID 1, and a manager that kills the
        # process group (killasgroup, systemd's control-group) reaches every worker: none outlives it.
        kills_group = manager.kills_group is not None and manager.kills_group.value
        left = "" if manager.in_container or kills_group else ", and workers may be left holding the port"
        message = (f"{manager.kind} stops [{manager.name}] with SIG{signal}{default}; {why} makes uWSGI 2.0 "
                   f"reload instead of exit: the stop waits {wait:g} s, then SIGKILL{left}; {fix}")
        unseen = options_unseen(server) if die_on_term is None else None
        if unseen is not None:
            # What is missing may be set where the files do not show: an absence is asserted only for what was read.
            yield Hit(where, f"{message}; {unseen.note}: assumed they set neither `die-on-term` nor `exit-on-reload`",
                      (*related, *((Related(unseen.at, unseen.value),) if unseen.at else ())), fix=fixed,
                      severity="info")
            continue
        unseen_stop = manager.stop_command_unseen
        if unseen_stop is not None:
            # systemd runs ExecStop= first: a command that shows no signal may stop uWSGI itself.
            yield Hit(where, f"{message}; but ExecStop={unseen_stop.value} runs first, which the files do not "
                      "show signalling uWSGI: assumed it leaves uWSGI to KillSignal=",
                      (*related, *((Related(unseen_stop.at, "ExecStop="),) if unseen_stop.at else ())),
                      fix=fixed, severity="info")
            continue
        start_unseen = manager.start_unseen
        if start_unseen is not None:
            # A shell that does not exec, or an init that signals the whole group, would stop
            # the container another way: how the stop reaches uWSGI is not in the files.
            receiver = "uWSGI" if manager.in_container else f"supervisord, which stops [{manager.name}] with it"
            yield Hit(where, f"{message}; {start_unseen.note}: assumed it passes docker stop's SIGTERM on to "
                      f"{receiver}", (*related, *((Related(start_unseen.at, "the base image"),)
                                                 if start_unseen.at else ())), fix=fixed, severity="info")
            continue
        yield Hit(where, message, tuple(related), fix=fixed)
