"""What uWSGI 2.0 makes of an option's text, for the rules about uWSGI values.

Each option is applied by one C handler (``uwsgi_handlers.py``): booleans by
``uwsgi_opt_true``, integers by ``atoi`` (negative values are fatal), 64-bit and
megabyte values by ``strtoul``, ``chmod-socket`` by its own strict parser, and most
of the rest are kept as strings.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import AppServer, Deployment, Option
from .uwsgi_handlers import FORCES_MASTER, HANDLERS

_KIND_OF_HANDLER = {
    "true": "bool", "false": "bool",
    "set_int": "int",
    "set_64bit": "number", "set_16bit": "number", "set_megabytes": "number", "set_rawint": "number",
    "chmod_socket": "chmod",
}
_KIND = {name: _KIND_OF_HANDLER.get(handler, "string") for handler, names in HANDLERS.items() for name in names}
# Handlers that keep one value: a later occurrence replaces an earlier one.
_SCALAR_HANDLERS = {"true", "false", "set_int", "set_64bit", "set_16bit", "set_megabytes", "set_rawint",
                    "chmod_socket", "set_str", "set_uid", "set_gid", "uid", "gid", "set_umask", "log_date",
                    "set_immediate_uid", "set_immediate_gid", "set_str_spaced"}
_SCALAR = {name for handler, names in HANDLERS.items() if handler in _SCALAR_HANDLERS for name in names}
_HANDLER = {name: handler for handler, names in HANDLERS.items() for name in names}

# Options whose value is a shell command or code, where `#`, `;` and quotes are the language's own.
_COMMAND_OPTION = re.compile(r"^(exec-|hook-|call-|attach-|smart-attach-|legion-|cron|unique-cron|"
                             r"unique-legion-cron|mule|farm|spooler-|touch-exec|eval|pyeval|python-eval|"
                             r"pyexec|pyrun|py-run|python-run|print|iprint|log-format|logformat|"
                             r"log-req-encoder|log-encoder|route|response-route|final-route|error-route|"
                             r"if-|for|env$|declare-option)")

# Options that make uWSGI load a Python application at start.
APP_LOADERS = ("module", "wsgi", "wsgi-file", "file", "mount", "paste", "ini-paste", "ini-paste-logged", "pecan")

# Magic variables uWSGI defines (sources.md §2.3); every other `%X` becomes an empty string.
MAGIC_LETTERS = frozenset("opsdcenxOPSDCENX0123456789hkuUgGtTvVbijIJ[%(")


def templated(value: object) -> bool:
    """A value still holding a template's placeholder (envsubst, Jinja2): not what uWSGI will read."""
    text = str(value)
    return "${" in text or "{{" in text or "{%" in text


def uwsgi_servers(deployment: Deployment) -> Iterator[AppServer]:
    return (server for server in deployment.app_servers if server.kind == "uwsgi")


def value_kind(key: str) -> str:
    """``bool``, ``int`` (atoi, negatives fatal), ``number`` (strtoul), ``chmod``, ``string``, or
    ``unknown`` for a key that is no option (a placeholder)."""
    return _KIND.get(key, "unknown")


def handler(key: str) -> str:
    return _HANDLER.get(key, "")


def is_scalar(key: str) -> bool:
    return key in _SCALAR


def is_command_option(key: str) -> bool:
    return bool(_COMMAND_OPTION.match(key))


def forces_master(key: str) -> bool:
    return key in FORCES_MASTER


def master_on(server: AppServer) -> bool:
    """``master`` as uWSGI ends up with it: options such as ``stats`` or ``cheaper`` switch it on."""
    return server.enabled("master") or any(forces_master(o.key) for o in server.options)


def app_loader(server: AppServer) -> Option | None:
    """The option that loads the instance's Python app, when it loads one at start."""
    return server.last(*APP_LOADERS)


def ini_paths(deployment: Deployment) -> set[str]:
    """Display paths of the uWSGI INI files read: options from them went through the INI lexer
    and its ``%`` substitution (command-line values did not)."""
    return {section.at.path for reading in deployment.readings.get("uwsgi", []) for section in reading.sections}


def leading_integer(text: str) -> int | None:
    """What ``atoi``/``strtoul`` read: the leading digits (``"2 # two"`` is 2); None without any."""
    match = re.match(r"\s*([+-]?\d+)", text)
    return int(match.group(1)) if match else None


def integer(option: Option | None) -> int | None:
    """The number uWSGI reads from an option; None when unknown at check time or not a number."""
    if option is None or option.unresolved:
        return None
    return leading_integer(str(option.value))


