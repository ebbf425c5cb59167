"""A Supervisor value that supervisord rejects when it reads the file.

## What it checks
Each typed key, validated as supervisord 4.3's own `datatypes` do it (after its
`%(name)s` expansion): booleans (`true/false`, `yes/no`, `on/off`, `1/0` only),
`autorestart` (a boolean or `unexpected`), integers, byte sizes (a whole number
with an optional `KB`/`MB`/`GB`: `50M` and `1.5MB` are refused), octal modes, log
levels (`warn`, not `warning`), signal names, exit-code lists, an
`[inet_http_server]` port, an event listener's `buffer_size`, an fcgi program's
`socket_backlog`, and a `username` without `password` (or the reverse) in the HTTP
server sections. A `#` or `;` without a space before it is part of the value
(`autostart=true#c` is refused).

## What breaks in production
Measured with Supervisor 4.3.0: supervisord exits with code 2 and runs nothing
(`Error: invalid 'autorestart' value 'ture'`, `invalid literal for int() with base
10: '10xb'`, `not a valid boolean value: 'true#c'`). Its messages name the section
but not the key; these findings point at the value.

## Known problems
A file that an image's build edits in place after copying it in (`RUN sed -i
s/NUM_WORKERS/4/ /etc/supervisord.conf`) is not read as edited: supervisord reads the
edited text, so a refused value there is an info that names the edit, assumed to replace it.

## How to fix
Write one of the values the message lists.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, SupervisorSection, SupervisorValue

CODE = "S107"
SLUG = "invalid-value"
SEVERITY = "error"
SUMMARY = "A Supervisor value supervisord refuses (it exits at start)."

BAD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nautorestart=ture\nstdout_logfile_maxbytes=50M\n")}
GOOD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nautorestart=true\nstdout_logfile_maxbytes=50MB\n")}

_HINTS = {   # by the datatype the model names
    "boolean": "true or false (yes/no, on/off, 1/0)",
    "autorestart": "true, false or unexpected",
    "integer": "a whole number",
    "range": "a whole number in range",
    "byte size": "a whole number with an optional KB, MB or GB suffix (50MB)",
    "octal": "an octal number (022)",
    "log level": "critical, error, warn, info, debug, trace or blather",
    "signal": "a signal name (TERM, INT, QUIT, HUP, KILL, USR1, USR2)",
    "exit codes": "numbers from 0 to 255, separated by commas",
    "port": "a port (9001) or host:port (127.0.0.1:9001)",
    "false only": "false (an event listener cannot redirect stderr)",
}


def _hint(value: SupervisorValue) -> str:
    expected = _HINTS.get(value.datatype, "")
    attached = value.kept_comment_mark
    comment = f" (a `{attached}` starts a comment only after a space)" if attached else ""
    return f"; use {expected}{comment}" if expected else comment


def _incomplete_auth(section: SupervisorSection) -> Hit | None:
    username, password = section.get("username"), section.get("password")
    given = username if username is not None else password
    if given is None or (username is not None and password is not None):
        return None
    present, missing = ("username", "password") if given is username else ("password", "username")
    return Hit(given.at, f"[{section.name}] sets `{present}` without `{missing}`: supervisord "
               f"refuses to start (\"contains incomplete authentication\"); set both or neither")


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for section in config.sections:
            if section.kind in ("unix_http_server", "inet_http_server"):
                hit = _incomplete_auth(section)
                if hit is not None:
                    yield hit
            for key, value in section.effective.items():
                if not value.error:     # expansion failures are S110's and the reader's
                    continue
                edited = deployment.build_rewrites.get(value.at.path)
                if edited is not None:
                    yield Hit(value.at, f"`{key}={value.raw}` in [{section.name}]: supervisord would refuse to start "
                              f"({value.error}), but an image's build edits this file before supervisord reads it "
                              f"({edited.value} at {edited.at}): assumed that replaces the value",
                              severity="info")
                    continue
                yield Hit(value.at, f"`{key}={value.raw}` in [{section.name}]: supervisord refuses to start "
                          f"({value.error}){_hint(value)}")
