"""supervisord's TCP control server without a username and password.

## What it checks
An `[inet_http_server]` section (or `[inet_http_server:name]`) without `username` and
`password`. One without `port` serves nothing: supervisord exits at start on it, which E002
reports.

## What breaks in production
Measured with Supervisor 4.3.0 on 127.0.0.1: any client that reaches the port, with
no credentials, could stop and start programs (`stopProcess`, `startProcess`), read
their output (`readProcessStdoutLog` returned a secret the program printed) and read
supervisord's own log; the web UI and `/logtail/` answered HTTP 200. supervisord
only logs `CRIT Server 'inet_http_server' running without any HTTP authentication
checking`. On a loopback address that is every local user and every process that
can be tricked into a request (SSRF); on `*` or a public address, the network.

## How to fix
Set `username` and `password` (a `{SHA}` hash is accepted), bind to 127.0.0.1, or
drop `[inet_http_server]` and use `[unix_http_server]` with `chmod=0700`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, SupervisorControlServer

CODE = "S103"
SLUG = "http-server-without-auth"
SEVERITY = "error"
SUMMARY = "[inet_http_server] has no username/password: anyone who reaches it controls the programs."

BAD = {"etc/supervisor/supervisord.conf": "[supervisord]\n[inet_http_server]\nport=127.0.0.1:9001\n"}
GOOD = {"etc/supervisor/supervisord.conf": (
    "[supervisord]\n[inet_http_server]\nport=127.0.0.1:9001\nusername=admin\npassword={SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d\n")}


def _who(server: SupervisorControlServer) -> str:
    if server.address is not None and server.address.is_loopback:
        return "any local user or process"
    return "anyone on the network"


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for server in config.control_servers:
            if server.section.kind != "inet_http_server" or server.has_credentials or server.refused:
                continue   # a section without a port stops supervisord at start (E002): it serves nothing
            section, who = server.section, _who(server)
            where = server.value.at if server.value is not None else section.at
            yield Hit(where, f"[{section.name}] has no username/password: {who} can stop and start every program "
                      "and read their logs through it; set `username` and `password`")
