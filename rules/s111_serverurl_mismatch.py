"""`supervisorctl` is pointed at a socket or port supervisord does not serve.

## What it checks
In a configuration with a `[supervisord]` section: `[supervisorctl] serverurl`
(default `http://localhost:9001`) compared with `[unix_http_server] file` and
`[inet_http_server] port`. A `unix://` URL must name the socket file; an `http://`
URL must reach the inet server's port (a wildcard or loopback server is reached by
`localhost`). `%(here)s` is expanded the way supervisord does. A configuration without a
`[supervisorctl]` section is left out: `supervisorctl` refuses it before it connects
anywhere (`.ini file does not include supervisorctl section`, measured with Supervisor
4.3.0), so no default URL is ever tried, and a supervisord nobody controls needs none. A
configuration with a
server section that has no `port` or `file` is left out: supervisord exits at start on it,
which E002 reports.

## What breaks in production
Measured with Supervisor 4.3.0: every `supervisorctl` command fails with `unix:///…
no such file` (exit code 4 for `status`, 7 for `stop`) or `http://127.0.0.1:9001
refused connection`; nothing says the two settings disagree, and deploy scripts that
run `supervisorctl restart` stop working.

## Known problems
A `supervisorctl -s URL` on the command line (as test suites do) overrides the
setting; the finding then only concerns a plain `supervisorctl -c FILE`.

## How to fix
Make `serverurl` name the same socket (`unix:///run/supervisor.sock`) or port as the
server section.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.address import reaches

CODE = "S111"
SLUG = "serverurl-mismatch"
SEVERITY = "error"
SUMMARY = "[supervisorctl] serverurl does not reach supervisord's socket or port."

BAD = {"etc/supervisor/supervisord.conf": (
    "[supervisord]\n[unix_http_server]\nfile=/run/supervisor.sock\n"
    "[supervisorctl]\nserverurl=unix:///var/run/supervisord.sock\n")}
GOOD = {"etc/supervisor/supervisord.conf": (
    "[supervisord]\n[unix_http_server]\nfile=/run/supervisor.sock\n"
    "[supervisorctl]\nserverurl=unix:///run/supervisor.sock\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        supervisord, ctl = config.section("supervisord"), config.section("supervisorctl")
        listeners = [(s.address, s.value) for s in config.control_servers if s.address and s.value]
        if supervisord is None or ctl is None or not listeners or any(s.refused for s in config.control_servers):
            continue   # a server section without its address stops supervisord at start (E002)
        target, url_value = config.client_target, config.serverurl
        if target is None or any(reaches(target, address) for address, _ in listeners):
            continue
        served = ", ".join(value.raw for _, value in listeners)
        where = url_value.at if url_value is not None else ctl.at
        written = url_value.raw if url_value is not None else f"{config.client_url} (the default: no serverurl is set)"
        yield Hit(where, f"supervisorctl connects to {written}, but supervisord serves {served}: every "
                  "supervisorctl command fails (\"no such file\" / \"refused connection\"); make serverurl name "
                  "the server's socket or port", tuple(Related(value.at, "supervisord listens here")
                                                       for _, value in listeners))
