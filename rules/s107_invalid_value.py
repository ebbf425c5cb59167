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

## How to fix
Write one of the values the message lists.
"""
from wsgilint.engine import Hit, Related
from wsgilint.readers import supervisor as reader

CODE = "S107"
SLUG = "invalid-value"
SEVERITY = "error"
SUMMARY = "A Supervisor value supervisord refuses (it exits at start)."

BAD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nautorestart=ture\nstdout_logfile_maxbytes=50M\n")}
GOOD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nautorestart=true\nstdout_logfile_maxbytes=50MB\n")}


def _at_least(minimum, maximum=None):
    def convert(value: str) -> int:
        number = int(value)
        if number < minimum or (maximum is not None and number > maximum):
            raise ValueError(f"{number} is out of range")
        return number
    convert.__name__ = f"range_{minimum}_{maximum}"
    return convert


def _port(value: str) -> int:
    port = value.rsplit(":", 1)[1] if ":" in value else value
    return _at_least(1, 65535)(port)


def _not_true(value: str) -> bool:
    if reader.parse_boolean(value):
        raise ValueError("redirect_stderr=true is not allowed for an eventlistener")
    return False


_PROGRAM = {**reader.PROGRAM_TYPES, **reader.PROCESS_TYPES}
_TYPES = {
    "program": _PROGRAM,
    "fcgi-program": {**_PROGRAM, "socket_backlog": _at_least(1, 65535), "socket_mode": reader.parse_octal},
    "eventlistener": {**_PROGRAM, "buffer_size": _at_least(1), "redirect_stderr": _not_true},
    "supervisord": reader.SUPERVISORD_TYPES,
    "unix_http_server": {"chmod": reader.parse_octal},
    "inet_http_server": {"port": _port},
    "group": {"priority": int},
}
_HINTS = {
    reader.parse_boolean: "true or false (yes/no, on/off, 1/0)",
    reader.parse_auto_restart: "true, false or unexpected",
    int: "a whole number",
    reader.parse_byte_size: "a whole number with an optional KB, MB or GB suffix (50MB)",
    reader.parse_octal: "an octal number (022)",
    reader.parse_log_level: "critical, error, warn, info, debug, trace or blather",
    reader.parse_signal: "a signal name (TERM, INT, QUIT, HUP, KILL, USR1, USR2)",
    reader.parse_exit_codes: "numbers from 0 to 255, separated by commas",
    _port: "a port (9001) or host:port (127.0.0.1:9001)",
    _not_true: "false (an event listener cannot redirect stderr)",
}


def _names(section) -> dict:
    if section.kind in reader.PROGRAM_KINDS:
        return {"program_name": section.label, "group_name": section.label, "process_num": 0, "numprocs": 1}
    return {}


def _hint(convert, raw: str) -> str:
    expected = _HINTS.get(convert, "a whole number in range" if convert.__name__.startswith("range") else "")
    attached = next((c for c in "#;" if c in raw and not raw[raw.index(c) - 1:raw.index(c)].isspace()), "")
    comment = f" (a `{attached}` starts a comment only after a space)" if attached else ""
    return f"; use {expected}{comment}" if expected else comment


def _incomplete_auth(section):
    username, password = section.get("username"), section.get("password")
    if (username is None) == (password is None):
        return None
    present, missing = ("username", "password") if username is not None else ("password", "username")
    return Hit((username or password).at, f"[{section.name}] sets `{present}` without `{missing}`: supervisord "
               f"refuses to start (\"contains incomplete authentication\"); set both or neither")


def check(deployment):
    for config in deployment.readings.get("supervisor", []):
        for section in config.sections:
            if section.kind in ("unix_http_server", "inet_http_server"):
                hit = _incomplete_auth(section)
                if hit is not None:
                    yield hit
            for key, convert in _TYPES.get(section.kind, {}).items():
                value = section.get(key)
                if value is None:
                    continue
                expanded = reader.expand(value.raw, _names(section))
                if expanded.error or expanded.unresolved:
                    continue    # S110 and the reader report expansion failures
                try:
                    convert(expanded.text)
                except (ValueError, OverflowError) as error:
                    yield Hit(value.at, f"`{key}={value.raw}` in [{section.name}]: supervisord refuses to start "
                              f"({error}){_hint(convert, value.raw)}")
