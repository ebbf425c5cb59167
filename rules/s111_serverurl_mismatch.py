"""`supervisorctl` is pointed at a socket or port supervisord does not serve.

## What it checks
In a configuration with a `[supervisord]` section: `[supervisorctl] serverurl`
(default `http://localhost:9001`) compared with `[unix_http_server] file` and
`[inet_http_server] port`. A `unix://` URL must name the socket file; an `http://`
URL must reach the inet server's port (a wildcard or loopback server is reached by
`localhost`). `%(here)s` is expanded the way supervisord does.

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
import os
import re

from wsgilint.engine import Hit, Related
from wsgilint.model import Address
from wsgilint.model.address import parse_nginx_target, reaches
from wsgilint.readers.supervisor import expand

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


def _text(value) -> str | None:
    """The value expanded; ``%(here)s`` is the directory of the file that holds it."""
    result = expand(value.raw, {"here": os.path.dirname(os.path.abspath(value.file))})
    return None if result.error or result.unresolved else result.text


def _listeners(config):
    """(Address, SupervisorValue) of every control server the configuration starts."""
    found = []
    for section in config.of_kind("unix_http_server"):
        value = section.get("file")
        path = _text(value) if value is not None else None
        if path is not None:
            found.append((_socket(path), value))
    for section in config.of_kind("inet_http_server"):
        value = section.get("port")
        port = _text(value) if value is not None else None
        if port is not None:
            host, _, number = port.rpartition(":")
            host = "" if host.strip() in ("", "*") else host.strip().lower()
            if number.strip().isdigit():
                found.append((Address("inet", host=host, port=int(number), text=port), value))
    return found


def _socket(path: str) -> Address:
    # /var/run is a link to /run on every current distribution: both name one file.
    return parse_nginx_target("unix:" + re.sub(r"^/var/run/", "/run/", path))


def _target(url: str) -> Address | None:
    if url.startswith("unix://"):
        return _socket(url[len("unix://"):])
    if url.startswith(("http://", "https://")):
        return parse_nginx_target(url, 80)
    return None


def check(deployment):
    for config in deployment.readings.get("supervisor", []):
        supervisord = config.section("supervisord")
        listeners = _listeners(config)
        if supervisord is None or not listeners:
            continue
        ctl = config.section("supervisorctl")
        url_value = ctl.get("serverurl") if ctl is not None else None
        url = _text(url_value) if url_value is not None else "http://localhost:9001"
        target = _target(url) if url is not None else None
        if target is None or any(reaches(target, address) for address, _ in listeners):
            continue
        served = ", ".join(value.raw for _, value in listeners)
        where = url_value.at if url_value is not None else (ctl or supervisord).at
        written = url_value.raw if url_value is not None else f"{url} (the default: no serverurl is set)"
        yield Hit(where, f"supervisorctl connects to {written}, but supervisord serves {served}: every "
                  "supervisorctl command fails (\"no such file\" / \"refused connection\"); make serverurl name "
                  "the server's socket or port", tuple(Related(value.at, "supervisord listens here")
                                                       for _, value in listeners))
