"""A `# comment` or `; comment` after a uWSGI INI value, which uWSGI keeps as part of the value.

## What it checks
Every value of a uWSGI INI file with a `#` or `;` that starts the value or follows a
space or TAB. uWSGI's INI reader knows only whole-line comments.

## What breaks in production
Measured with uWSGI 2.0.31: `master = false # no master` is true (only `false`, `off`,
`no` and `0` are false) and the master runs; `socket = /run/x.sock ; comment` creates a
socket file named `x.sock ; comment`; `daemonize = log.txt # comment` logs to a file of
that name; `chmod-socket = 660 # comment` stops uWSGI (`invalid chmod value`). Numbers
survive by luck: `processes = 2 # two` is 2, because `atoi` stops at the space; so does a
TCP address (`socket = 0.0.0.0:8000 ; web` binds 0.0.0.0:8000: uWSGI splits it at the last
`:` and reads the port with `atoi`, though it logs the whole text), unless the comment
holds a `:` itself; and a flag whose comment does not change its truth
(`master = true # on`) stays true. Those are reported as infos (the value uWSGI uses is
the intended one), the others as errors; a comment that only shows in the process names
or the log lines' prefix, and a `%(placeholder)`-only key whose value carries the comment
into every use, are warnings. A key that is no option and that no `%(key)` uses (a
misspelt option, which U101 reports) is an info: nothing reads its value.

## Known problems
Values of options that are shell commands or code (`exec-*`, `hook-*`,
`attach-daemon`, `cron`, `eval`, `route`, `log-format`, `env`, logic blocks...) are not
checked: `#` and `;` belong to those languages.

## How to fix
Put the comment on its own line above the option.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.address import parse_uwsgi_socket
from wsgilint.model.units import c_atoi
from wsgilint.model.uwsgi_options import cosmetic_effect, is_command_option, uwsgi_bool, value_kind
from wsgilint.model.uwsgi_values import changed_ini_values, uwsgi_servers

CODE = "U102"
SLUG = "inline-comment-in-value"
SEVERITY = "error"
SUMMARY = "A comment after a uWSGI INI value is part of the value."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nmaster = false # one process is enough\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\n# one process is enough\nmaster = false\n"}


def _effect(key: str, value: str, before: str, placeholders_used: set[str]) -> tuple[str, str]:
    """(severity, what uWSGI makes of the value) for a value whose intended part is ``before``;
    ``placeholders_used``: the keys some value of the instance names as ``%(key)``."""
    kind = value_kind(key)
    if kind == "bool":
        if before and uwsgi_bool(before) == uwsgi_bool(value):
            return "info", f"it is still {str(uwsgi_bool(value)).lower()} by luck"
        return "error", f"uWSGI reads it as {str(uwsgi_bool(value)).lower()}, not {before or 'empty'}"
    if kind in ("int", "number"):
        number = c_atoi(value)
        if number is not None and number == c_atoi(before) and before.lstrip("+-").isdigit():
            return "info", f"uWSGI still reads {number} because the number ends at the space"
        return "error", f"uWSGI reads {number if number is not None else 0}"
    if kind == "chmod":
        return "error", "uWSGI refuses it (`invalid chmod value`) and exits"
    if kind == "address":
        return _address_effect(value, before)
    cosmetic = cosmetic_effect(key)
    if cosmetic is not None:
        return "warning", f"the comment shows in {cosmetic}"
    if kind == "unknown" and key not in placeholders_used:
        return "info", "no option of that name exists and no `%(" + key + ")` uses it, so the comment changes nothing"
    if kind == "unknown":
        return "warning", "every `%(" + key + ")` that uses it gets the comment too"
    return "error", "the comment becomes part of the value (a path or name then contains it)"


def _address_effect(value: str, before: str) -> tuple[str, str]:
    if "," in before:
        return "error", "the comment becomes part of the value's last field (a certificate or key path, a key)"
    bound, meant = parse_uwsgi_socket(value), parse_uwsgi_socket(before)
    if bound is None or meant is None or bound.family != meant.family:
        return "error", "uWSGI does not bind the address meant"
    if bound.family == "inet":
        if (bound.host, bound.port) == (meant.host, meant.port):
            return "info", (f"uWSGI still binds {bound} because it reads the port as a number, which ends at "
                            "the space (its log shows the whole text)")
        return "error", (f"uWSGI does not bind {meant}: it splits the value at its last `:` and reads the port "
                         "after it as a number")
    return "error", "the socket file's name contains the comment, and nothing connecting to the path meant finds it"


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        for value in changed_ini_values(server):
            comment, option = value.inline_comment, value.option
            if comment is None or is_command_option(option.key):
                continue
            severity, effect = _effect(option.key, str(option.value), comment.before, server.placeholders_used)
            yield Hit(comment.at, f"`{option.key} = {value.written}`: uWSGI has no inline comments and keeps "
                      f"`{comment.text}` in the value; {effect}; put the comment on its own line", severity=severity)
