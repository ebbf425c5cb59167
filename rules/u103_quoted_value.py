"""A quoted uWSGI value: uWSGI keeps the quotes as part of it.

## What it checks
Every uWSGI option whose value is wrapped in `"..."` or `'...'`.

## What breaks in production
uWSGI's INI reader does not process quotes (nor do its XML and YAML readers).
Measured with uWSGI 2.0.31: `processes = "2"` is read by `atoi` as 0 and uWSGI starts
with `*** Operational MODE: no-workers ***`, without an error; `wsgi-file = "app.py"`
fails with `failed to open python file "app.py"`; `socket = "q.sock"` creates a file
whose name has the quotes; `http-socket = "127.0.0.1:8000"` logs
`bound to TCP address "127.0.0.1:8000"` but listens on 255.255.255.255. A quoted
boolean is always true: `master = "false"` enables the master. A quoted `true` works
by luck and is reported as a warning, and so is a value that only labels what uWSGI
prints: `procname-prefix = "web "` names the master `"web "uWSGI master`, and a quoted
`log-prefix` starts every log line with the quotes.

## Known problems
Options whose value is a shell command or code (`exec-*`, `hook-*`, `eval`,
`print`, `log-format`, `env`, ...) and keys that are not options (placeholders) are
not checked.

## How to fix
Remove the quotes: `processes = 2`, `socket = /run/app/app.sock`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.address import parse_uwsgi_socket
from wsgilint.model.uwsgi_options import cosmetic_effect, is_command_option, uwsgi_bool, value_kind
from wsgilint.model.uwsgi_values import templated, unquoted, uwsgi_servers

CODE = "U103"
SLUG = "quoted-value"
SEVERITY = "error"
SUMMARY = "A quoted uWSGI value keeps its quotes."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nprocesses = \"4\"\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nprocesses = 4\n"}


def _effect(key: str, inner: str, quoted: str) -> tuple[str, str]:
    kind = value_kind(key)
    if kind == "bool":
        if uwsgi_bool(inner):
            return "warning", "it is true by luck (every quoted value is true)"
        return "error", f"uWSGI reads `{quoted}` as true"
    if kind in ("int", "number"):
        if key in ("processes", "workers"):
            return "error", "`atoi` reads 0 and uWSGI starts no workers (`Operational MODE: no-workers`)"
        return "error", "`atoi` reads 0"
    if kind == "chmod":
        return "error", "uWSGI refuses it (`invalid chmod value`) and exits"
    if kind == "address":
        address = parse_uwsgi_socket(inner)
        if address is not None and address.family == "inet":
            return "error", "the host with its quote is no address: uWSGI listens on 255.255.255.255 instead"
        return "error", "the socket file's name contains the quotes"
    cosmetic = cosmetic_effect(key)
    if cosmetic is not None:
        return "warning", f"the quotes show in {cosmetic} (nothing else changes)"
    return "error", "the quotes become part of the value (a path or name then contains them)"


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        for option in server.options:
            # The quotes first: most values have none, and the tests by name and template are all pure.
            inner = unquoted(option.value)
            if inner is None or value_kind(option.key) == "unknown" or is_command_option(option.key) \
                    or templated(option.value):
                continue
            value = str(option.value)
            severity, effect = _effect(option.key, inner, value)
            yield Hit(option.at, f"`{option.key} = {value}`: uWSGI keeps quotes as part of the value, so "
                      f"{effect}; remove the quotes", severity=severity)
