"""A uWSGI value that uWSGI refuses (and exits) or silently changes.

## What it checks
* `chmod-socket`/`chmod` that is not exactly three octal digits or `1` (`0660`, `66`,
  `u+rw`, an empty value);
* a negative value for an integer option (`processes`, `harakiri`, `listen`, ...);
* `processes`/`workers` that is not a number;
* `buffer-size` above 65535.

Values with an inline comment or quotes are left to U102 and U103, and so are values with a
template's placeholder (envsubst's `$PROCESSES` or `${PROCESSES}`, Jinja2's `{{ }}`): a start
script renders them before uWSGI reads the file (uWSGI's own `$(NAME)` is not one).

## What breaks in production
Measured with uWSGI 2.0.31:
* `chmod-socket = 0660` (or `66`, or empty in an INI file): `invalid chmod value: 0660`,
  exit 1;
* `processes = -1`, `harakiri = -5`, `listen = -1`:
  `invalid value for option "processes": must be > 0`, exit 1;
* `processes = four`: `atoi` reads 0 and uWSGI starts with
  `*** Operational MODE: no-workers ***` (without master it then exits with status 0);
* `buffer-size = 100000` is clamped to 65535 without a word (sources.md §2.5), so a
  request header block between the two sizes is refused with
  `invalid request block size` (a warning, as most requests still pass).

## How to fix
`chmod-socket = 660`; positive numbers; `buffer-size` at most 65535.
"""
import re
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, Option
from wsgilint.model.units import c_atoi
from wsgilint.model.uwsgi import socket_mode
from wsgilint.model.uwsgi_options import value_kind
from wsgilint.model.uwsgi_values import templated, uwsgi_servers

CODE = "U117"
SLUG = "invalid-value"
SEVERITY = "error"
SUMMARY = "A uWSGI value that uWSGI refuses or silently changes."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nchmod-socket = 0660\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nchmod-socket = 660\n"}

_MAX_BUFFER = 65535
# Besides the int options, those whose number decides a refusal or a clamp.
_NUMBERS_JUDGED = ("processes", "workers", "buffer-size")


def _left_to_others(value: str) -> bool:
    """An inline comment (a ``#`` or ``;`` first or after a space or tab) or a quoted value:
    what ``(?:^|[ \\t])[#;]|^[\"'].*[\"']$`` finds, without compiling it (0.46 M instructions;
    tests/test_startup_patterns.py compares the two)."""
    for char in "#;":
        index = value.find(char)
        while index > 0 and value[index - 1] not in " \t":
            index = value.find(char, index + 1)
        if index >= 0:
            return True
    if not value.startswith(("'", '"')):
        return False
    # A quote last, before the end or a final newline, and no newline between.
    for end in (len(value), len(value) - 1 if value.endswith("\n") else -1):
        if end >= 2 and value[end - 1] in "'\"" and "\n" not in value[1:end - 1]:
            return True
    return False


def _problem(option: Option) -> tuple[str, str] | None:
    """(severity, message) for a value uWSGI refuses or twists, else None."""
    value = str(option.value)
    kind = value_kind(option.key)
    if kind == "chmod" and socket_mode(option) is None:
        return "error", (f"`{option.key} = {value}`: uWSGI accepts only three octal digits or `1` and exits "
                         f"(`invalid chmod value: {value}`); write `chmod-socket = {value[1:]}`"
                         if re.fullmatch(r"0[0-7]{3}", value) else
                         f"`{option.key} = {value}`: uWSGI accepts only three octal digits (`660`) or `1` and exits "
                         f"(`invalid chmod value: {value}`)")
    # Only an int option's value is read as a number (not the other ~90 % of a fleet's options).
    if kind != "int" and option.key not in _NUMBERS_JUDGED:
        return None
    number = c_atoi(value)
    if kind == "int" and number is not None and number < 0:
        return "error", (f"`{option.key} = {value}`: uWSGI refuses negative values and exits "
                         f"(`invalid value for option \"{option.key}\": must be > 0`)")
    if option.key in ("processes", "workers") and value.strip() and number is None:
        return "error", (f"`{option.key} = {value}` is not a number: `atoi` reads 0 and uWSGI starts no workers "
                         "(`Operational MODE: no-workers`)")
    if option.key == "buffer-size" and number is not None and number > _MAX_BUFFER:
        return "warning", (f"`buffer-size = {value}` is above 65535: uWSGI silently clamps it to 65535, so larger "
                           "request headers are still refused; set at most 65535")
    return None


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        for option in server.options:
            # Most options are neither a socket's mode nor a number judged here: their values are not looked at.
            if value_kind(option.key) not in ("chmod", "int") and option.key not in _NUMBERS_JUDGED:
                continue
            if option.unresolved or templated(option.value) or _left_to_others(str(option.value)):
                continue
            problem = _problem(option)
            if problem is not None:
                severity, message = problem
                yield Hit(option.at, message, severity=severity)
