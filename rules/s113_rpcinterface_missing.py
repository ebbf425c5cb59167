"""supervisorctl is set up, but supervisord serves no `supervisor` interface for it.

## What it checks
A configuration with `[supervisord]`, a control server (`[unix_http_server]` or
`[inet_http_server]`) and a `[supervisorctl]` section, but no
`[rpcinterface:supervisor]` section in the main file or any file it includes
(supervisord reads `[include] files` into the same sections, so one there counts).

## What breaks in production
supervisord starts and serves its socket without a word, but only the `system`
namespace answers on it. Measured with Supervisor 4.3.0: every `supervisorctl` command
prints "Sorry, supervisord responded but did not recognize the supervisor namespace
commands that supervisorctl uses to control it" and fails (`status` exits 4,
`restart` and `stop` exit 3). Nothing can be restarted or stopped on its own; a deploy
script's `supervisorctl restart app` fails, and only restarting supervisord (and every
program with it) picks up new code.

## Known problems
When an `[include]` pattern matches no file here (the host's files are not in the
tree), the section may be there: the finding is then an info that names the
assumption.

## How to fix
Add the section that supervisord's sample configuration has:

    [rpcinterface:supervisor]
    supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "S113"
SLUG = "rpcinterface-missing"
SEVERITY = "warning"
SUMMARY = "[supervisorctl] is set up but no [rpcinterface:supervisor]: every supervisorctl command fails."

BAD = {"etc/supervisor/supervisord.conf": (
    "[supervisord]\n[unix_http_server]\nfile=/run/supervisor.sock\n"
    "[supervisorctl]\nserverurl=unix:///run/supervisor.sock\n")}
GOOD = {"etc/supervisor/supervisord.conf": (
    "[supervisord]\n[unix_http_server]\nfile=/run/supervisor.sock\n"
    "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
    "[supervisorctl]\nserverurl=unix:///run/supervisor.sock\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        ctl = config.section("supervisorctl")
        if config.section("supervisord") is None or ctl is None or not config.control_servers:
            continue
        if config.section("rpcinterface:supervisor") is not None:
            continue
        server = config.control_servers[0].section
        unseen = next((include for include in config.unmatched_includes if not include.certain), None)
        assumption = (f"; assumed: `{unseen.pattern}`, which matches no file here, does not add it"
                      if unseen is not None else "")
        related = (Related(ctl.at, "supervisorctl is set up here"),) + \
            ((Related(unseen.at, "an include that matches no file here"),) if unseen is not None else ())
        yield Hit(server.at, f"[{server.name}] serves supervisorctl, but no [rpcinterface:supervisor] section "
                  f"gives it the `supervisor` namespace{assumption}: every supervisorctl command fails (\"did not "
                  "recognize the supervisor namespace commands\"), so no program can be restarted without "
                  "restarting supervisord; add [rpcinterface:supervisor] with supervisor.rpcinterface_factory = "
                  "supervisor.rpcinterface:make_main_rpcinterface", related,
                  severity="info" if unseen is not None else None)
