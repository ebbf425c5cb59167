"""What uWSGI 2.0 knows about an option from its name, and how it reads a boolean.

Names come from the build table the readers use (``wsgilint/readers/uwsgi_options.json``);
what each option's value means comes from its C handler (``uwsgi_handlers.json``, by
``tools/gen_uwsgi_handlers.py``): booleans by ``uwsgi_opt_true``, integers by ``atoi``
(negative values are fatal), 64-bit and megabyte values by ``strtoul``, ``chmod-socket``
by its own strict parser, addresses to bind by the socket handlers (a TCP port read with
``atoi``), and most of the rest are kept as strings. Some strings only label what uWSGI
prints: process names (``UWSGI_OPT_PROCNAME``) and the prefix of log lines. Options that the
sources define for other builds and plugins come from ``uwsgi_plugin_options.json``
(``tools/gen_uwsgi_plugin_options.py``). The three load from their literal copy
``_uwsgi_handler_table.py`` (``tools/gen_uwsgi_tables.py``), not parsed at each start.

This module imports nothing of the model, so ``AppServer`` can use ``uwsgi_bool``.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache

from ..readers.uwsgi_options import OPTIONS, option_info
from ._uwsgi_handler_table import ELSEWHERE, FORCES_MASTER, HANDLERS, NAMES_PROCESSES

_FALSE_WORDS = {"false", "off", "no"}


_HANDLERS = HANDLERS
_FORCES_MASTER = frozenset(FORCES_MASTER)
_NAMES_PROCESSES = frozenset(NAMES_PROCESSES)
# Options uWSGI's sources define outside this build (PCRE routing, plugins such as php or
# webdav), and the logic terminator `end`.
_ELSEWHERE: dict[str, str] = {**ELSEWHERE, "end": "core"}
_ORDER = {name: index for index, name in enumerate(OPTIONS)}

_KIND_OF_HANDLER = {
    "true": "bool", "false": "bool",
    "set_int": "int",
    "set_64bit": "number", "set_16bit": "number", "set_megabytes": "number", "set_rawint": "number",
    "chmod_socket": "chmod",
    # The socket handlers and the routers: a value that is an address to bind (TLS ones and
    # router subscriptions add `,`-separated fields after it).
    "add_socket": "address", "add_socket_no_defer": "address", "add_shared_socket": "address",
    "corerouter": "address", "undeferred_corerouter": "address", "add_ssl_socket": "address", "https": "address",
}
_HANDLER = {name: handler for handler, names in _HANDLERS.items() for name in names}
_KIND = {name: _KIND_OF_HANDLER.get(handler, "string") for name, handler in _HANDLER.items()}
# Strings the master binds as the socket handlers do (core/master.c: a `:` makes it TCP, the
# port read with atoi; otherwise a unix socket).
_KIND.update({"stats": "address", "stats-server": "address"})
# Handlers that keep one value: a later occurrence replaces an earlier one.
_SCALAR_HANDLERS = {"true", "false", "set_int", "set_64bit", "set_16bit", "set_megabytes", "set_rawint",
                    "chmod_socket", "set_str", "set_uid", "set_gid", "uid", "gid", "set_umask", "log_date",
                    "set_immediate_uid", "set_immediate_gid", "set_str_spaced"}
_SCALAR = {name for name, handler in _HANDLER.items() if handler in _SCALAR_HANDLERS}

# Options whose value is a shell command or code, where `#`, `;` and quotes are the language's own.
# A key starting with one of these (matched as str.startswith does: compiling them as one
# regular expression cost 3.8 M instructions at every start), or ``env`` itself.
_COMMAND_PREFIXES = ("exec-", "hook-", "call-", "attach-", "smart-attach-", "legion-", "cron", "unique-cron",
                     "unique-legion-cron", "mule", "farm", "spooler-", "touch-exec", "eval", "pyeval", "python-eval",
                     "pyexec", "pyrun", "py-run", "python-run", "print", "iprint", "log-format", "logformat",
                     "log-req-encoder", "log-encoder", "route", "response-route", "final-route", "error-route",
                     "if-", "for", "declare-option")


def uwsgi_bool(value: str | None) -> bool:
    """uWSGI's boolean: only ``false``/``off``/``no`` (any case) and exactly ``0`` are false."""
    if value is None:
        return True
    return not (value.lower() in _FALSE_WORDS or value == "0")


def is_option(name: str) -> bool:
    """An option of this uWSGI build, matched exactly as uWSGI does."""
    return name in OPTIONS


def defined_elsewhere(name: str) -> str | None:
    """The plugin (or "core" for build-dependent core options) that defines ``name``."""
    return _ELSEWHERE.get(name)


def canonical(name: str) -> str:
    """The first-listed name of the option's alias group (``workers`` -> ``processes``)."""
    return aliases_of(name)[0]


@lru_cache(maxsize=1024)   # asked per server and per rule for the same few names (chmod-socket, protocol)
def aliases_of(name: str) -> tuple[str, ...]:
    """The name and every true alias, canonical first."""
    info = option_info(name)
    if info is None or not info.aliases:
        return (name,)
    return tuple(sorted({name, *info.aliases}, key=lambda n: _ORDER.get(n, len(_ORDER))))


@lru_cache(maxsize=4096)   # a fleet's configs come from templates: the same typo many times
def suggest(name: str) -> str | None:
    """The closest real option for a misspelt key (``harakiri_verbose`` -> ``harakiri-verbose``)."""
    if name in OPTIONS:
        return None
    dashed = name.replace("_", "-").lower()
    if dashed in OPTIONS:
        return dashed
    # `no-server` is the flag that turns off what `server` (meant: `socket`) names: never meant.
    matches = [match for match in difflib.get_close_matches(dashed, OPTIONS, n=3, cutoff=0.8)
               if match.partition("-")[0] not in _NEGATIONS or match.partition("-")[2] != dashed]
    return matches[0] if matches else None


_NEGATIONS = ("no", "not", "disable")


def handler(key: str) -> str:
    """The C handler that applies the option, without its ``uwsgi_opt_`` prefix; "" for no option."""
    return _HANDLER.get(key, "")


def value_kind(key: str) -> str:
    """``bool``, ``int`` (atoi, negatives fatal), ``number`` (strtoul), ``chmod``, ``address`` (a
    socket to bind: a unix path, or ``host:port`` with the port read by atoi), ``string``, or
    ``unknown`` for a key that is no option (a placeholder)."""
    return _KIND.get(key, "unknown")


def cosmetic_effect(key: str) -> str | None:
    """What an option changes when it only labels what uWSGI prints (``the process names``),
    so that a wrong value is seen, not felt; None for an option that does more."""
    if key in _NAMES_PROCESSES:
        return "the process names"
    if handler(key) == "log_date":
        return "the prefix of every log line"
    return None


def is_scalar(key: str) -> bool:
    return key in _SCALAR


def is_command_option(key: str) -> bool:
    return key.startswith(_COMMAND_PREFIXES) or key in ("env", "env\n")    # the pattern's ``env$``


def forces_master(key: str) -> bool:
    return key in _FORCES_MASTER


def option_names() -> Iterable[str]:
    """Every option of this uWSGI build: what a misspelt key is compared with."""
    return OPTIONS
