"""Gunicorn's command line, as its argparse parser reads it (Python 3.11 argparse rules).

Abbreviated long flags, ``-bVALUE``, ``--bind=VALUE`` and grouped short flags
(``-Dw3``) are read as argparse reads them; what argparse refuses (an unknown or
ambiguous flag, a missing or non-integer argument) is a ``syntax`` problem, since
Gunicorn then exits with status 2.
"""
from __future__ import annotations

import re
import shlex
from typing import Any

from ...core.option import Option
from ...core.record import dataclass, field
from ...core.span import Problem, Span
from .settings import SETTINGS, refused_since, validate


@dataclass
class GunicornCommand:
    """A parsed Gunicorn command line (the arguments after the program name)."""

    options: list[Option] = field(default_factory=list)   # one per setting given, its final value
    app: str | None = None                                 # the WSGI app, ``module:callable``
    positionals: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, key: str) -> Option | None:
        for option in self.options:
            if option.key == key:
                return option
        return None


_FLAGS: dict[str, str] = {flag: name for name, spec in SETTINGS.items() for flag in spec["cli"]}
_EXITING_FLAGS = {"-h", "--help", "-v", "--version"}
_NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")


def _looks_like_option(token: str) -> bool:
    if not token.startswith("-") or token == "-" or _NEGATIVE_NUMBER.match(token):
        return False
    # argparse takes an unknown dashed word with a space in it for a positional.
    return " " not in token or bool(_match_long(token)[0]) or token.split("=", 1)[0] in _FLAGS \
        or token[:2] in _FLAGS


def _takes_value(name: str) -> bool:
    return SETTINGS[name]["action"] in ("store", "append")


def _match_long(flag: str) -> tuple[list[str], str | None]:
    """The flags ``--flag[=value]`` may mean: exact, or every long flag it abbreviates."""
    explicit = None
    if "=" in flag:
        flag, explicit = flag.split("=", 1)
    if flag in _FLAGS or flag in _EXITING_FLAGS:
        return [flag], explicit
    candidates = sorted({f for f in (*_FLAGS, "--help", "--version") if f.startswith("--") and f.startswith(flag)})
    return candidates, explicit


# Text a process manager replaces before Gunicorn sees it: Supervisor's %(ENV_X)s, a
# systemd or shell $VAR / ${VAR}.
_RUN_TIME = re.compile(r"%\(ENV_\w+\)s|\$\{?\w+")


def _convert(name: str, text: str, flag: str) -> tuple[Any, str | None]:
    """argparse's ``type=`` conversion (exit 2 on failure)."""
    kind = SETTINGS[name].get("type")
    try:
        if kind == "int":
            return int(text), None
        if kind == "auto_int":
            if re.match(r"0(\d)", text, re.IGNORECASE):
                text = text.replace("0", "0o", 1)
            return int(text, 0), None
    except ValueError:
        label = "/".join(SETTINGS[name]["cli"])
        type_name = "int" if kind == "int" else "auto_int"
        return None, f"argument {label}: invalid {type_name} value: {text!r}"
    return text, None


# The first release whose options are all in the settings table (of a later release): no
# option was removed since.
_OPTIONS_KNOWN_SINCE = "19.7"


class _Stop(Exception):
    """argparse stops at the first malformed flag; only unknown words are collected."""


def parse_gunicorn_argv(argv: list[str], at: Span) -> GunicornCommand:
    """Parse Gunicorn's arguments (without the program name) the way its argparse parser does.

    Each setting given appears once in ``options`` with the value the command line
    hands to ``cfg.set``: repeated flags keep the last value, ``append`` flags collect
    a list. Anything argparse rejects (unknown or ambiguous flags, a missing or non-integer
    argument) becomes a ``syntax`` problem: Gunicorn exits with status 2.
    """
    command = GunicornCommand()
    values: dict[str, Any] = {}
    raws: dict[str, list[str]] = {}
    unresolved: set[str] = set()
    positional_chunks = 0
    in_positional_chunk = False
    index = 0
    only_positionals = False
    # argparse gathers what it does not recognise and refuses it all in one message once the
    # rest is parsed: an error met while parsing comes first, and alone.
    unrecognized: list[str] = []

    def fail(message: str, since: tuple[str, ...] = (), known_to: tuple[str, ...] = ()) -> None:
        command.problems.append(Problem("syntax", f"Gunicorn refuses the command line: {message}", at, since=since,
                                        known_to=known_to))

    def stop(message: str) -> None:
        fail(message)
        raise _Stop

    def store(name: str, flag: str, text: Any, raw: list[str]) -> None:
        action = SETTINGS[name]["action"]
        if action == "store_true":
            value: Any = True
        elif action == "store_false":
            value = False
        elif action == "store_const" or text is None:
            value = SETTINGS[name].get("const")
        elif _RUN_TIME.search(text):
            value = text   # filled in by the manager at start (%(ENV_X)s, $VAR): unknown here
            unresolved.add(name)
        else:
            value, error = _convert(name, text, flag)
            if error:
                stop(error)
        if action == "append":
            values.setdefault(name, []).append(value)
        else:
            values.pop(name, None)
            values[name] = value
        raws.setdefault(name, []).extend(raw)

    try:
        while index < len(argv):
            token = argv[index]
            index += 1
            if token == "--" and not only_positionals:
                only_positionals = True
                continue
            if only_positionals or not _looks_like_option(token):
                if not in_positional_chunk:
                    positional_chunks += 1
                    in_positional_chunk = True
                if positional_chunks > 1:
                    unrecognized.append(token)
                else:
                    command.positionals.append(token)
                continue
            in_positional_chunk = False

            # Which flag, and its value when written in the same token.
            steps: list[tuple[str, str | None]] = []
            if token.startswith("--"):
                candidates, explicit = _match_long(token)
                if not candidates:
                    unrecognized.append(token)
                    continue
                if len(candidates) > 1:
                    stop(f"ambiguous option: {token.split('=', 1)[0]} could match {', '.join(candidates)}")
                steps.append((candidates[0], explicit))
            else:
                flag, rest = token[:2], token[2:]
                if "=" in token and token.split("=", 1)[0] in _FLAGS:
                    flag, rest = token.split("=", 1)
                    steps.append((flag, rest))
                else:
                    # Grouped short flags: ``-Dw3`` is ``-D -w 3``.
                    while True:
                        if flag not in _FLAGS and flag not in _EXITING_FLAGS:
                            unrecognized.append(token)
                            steps = []
                            break
                        name = _FLAGS.get(flag)
                        if rest and name and not _takes_value(name) and SETTINGS[name].get("nargs") is None:
                            steps.append((flag, None))
                            flag, rest = "-" + rest[0], rest[1:]
                            continue
                        steps.append((flag, rest or None))
                        break
            for flag, explicit in steps:
                if flag in _EXITING_FLAGS:
                    continue
                name = _FLAGS[flag]
                spec = SETTINGS[name]
                if not _takes_value(name) and spec.get("nargs") is None:
                    if explicit is not None:
                        stop(f"argument {'/'.join(spec['cli'])}: ignored explicit argument {explicit!r}")
                    store(name, flag, None, [flag])
                    continue
                if explicit is not None:
                    store(name, flag, explicit, [token])
                    continue
                if index < len(argv) and not _looks_like_option(argv[index]) and argv[index] != "--":
                    store(name, flag, argv[index], [flag, argv[index]])
                    index += 1
                elif spec.get("nargs") == "?":
                    store(name, flag, None, [flag])
                else:
                    stop(f"argument {'/'.join(spec['cli'])}: expected one argument")
    except _Stop:
        return command
    if unrecognized:
        # Gunicorn exits here, before it looks at any value.
        # Releases before 19.7 had options this table lacks (`--debug` until 19.0, `--settings`
        # until 19.7 dropped django_settings): an unknown option may be one of theirs.
        options_only = all(word.startswith("-") for word in unrecognized)
        fail(f"unrecognized arguments: {' '.join(unrecognized)}",
             known_to=("gunicorn", _OPTIONS_KNOWN_SINCE) if options_only else ())

    for name, value in values.items():
        raw = shlex.join(raws.get(name, []))
        if name in unresolved:
            command.options.append(Option(name, value, at, raw, unresolved=True))
            continue
        stored, error = validate(name, value)
        if error and not unrecognized:
            fail(f"Invalid value for {name}: {value} ({error})", refused_since(name))
            stored = value
        command.options.append(Option(name, stored, at, raw))
    if command.positionals:
        command.app = command.positionals[0]
    return command


