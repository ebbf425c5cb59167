"""Supervisor configuration, read the way supervisord 4.3 reads it — with positions.

supervisord parses its files with ``configparser.RawConfigParser(inline_comment_prefixes=
(';', '#'), strict=False)``. ConfigParser keeps no positions, so ``_parse_lines`` below
repeats its line algorithm step by step (inline comments only after whitespace and
blind to quotes, the order in which it looks for the two prefixes, indented
continuation lines, blank lines kept inside values, ``key: value`` as well as
``key = value``, lower-cased keys, case-sensitive section names, ``[DEFAULT]``,
duplicate sections merged and the last value winning). ``tests/test_supervisor_differential.py``
holds it to ConfigParser and to supervisord's own loader.

On top of the file format supervisord applies Python %-formatting to values
(``expand``), splits ``command=`` with ``shlex.split`` when it spawns, and reads
``environment=`` with a non-POSIX shlex lexer that silently drops what does not fit
(``parse_environment``). Values that supervisord would refuse become ``syntax``
problems at the value's position.
"""
from __future__ import annotations

import fnmatch
import glob
import os
import re
import shlex
import signal
import sys
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..core.context import ReadContext
from ..core.span import Problem, Span

SECTION_KINDS = (
    "program", "group", "fcgi-program", "eventlistener", "unix_http_server", "inet_http_server",
    "supervisord", "supervisorctl", "include", "rpcinterface", "ctlplugin",
)
PROGRAM_KINDS = ("program", "fcgi-program", "eventlistener")

# ConfigParser's own patterns (RawConfigParser.SECTCRE / OPTCRE with the default delimiters).
_SECTION_RE = re.compile(r"\[(?P<header>.+)\]")
_OPTION_RE = re.compile(r"(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$")
_NONSPACE_RE = re.compile(r"\S")
_INLINE_PREFIXES = (";", "#")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")   # universal newlines, as Python's text mode
_DEFAULT_SECTION = "DEFAULT"


@dataclass(frozen=True, slots=True)
class CutComment:
    """An inline comment removed from a value line (``; comment`` after whitespace)."""

    text: str
    at: Span


@dataclass(frozen=True, slots=True)
class SupervisorValue:
    """A key's value as supervisord gets it from ConfigParser, before any %-expansion.

    ``at`` covers the value on the key's line (an empty value has ``column ==
    end_column``, just after the ``=``); continuation lines run to ``end_line``.
    ``file`` is the local path of the file the value was read from.
    """

    raw: str
    at: Span
    key_at: Span
    file: str
    end_line: int
    comments: tuple[CutComment, ...] = ()

    @property
    def comment(self) -> str:
        return self.comments[0].text if self.comments else ""


@dataclass(eq=False)
class SupervisorSection:
    name: str
    kind: str
    at: Span                                   # the first header of this name
    file: str                                  # local path of the file holding that header
    keys: dict[str, SupervisorValue] = field(default_factory=dict)
    headers: list[Span] = field(default_factory=list)   # every header of this name (sections merge)
    defaults: dict[str, SupervisorValue] = field(default_factory=dict)   # [DEFAULT], shared by all

    @property
    def label(self) -> str:
        """The part after ``program:`` / ``group:`` …, or the whole name."""
        return self.name.split(":", 1)[1] if ":" in self.name else self.name

    def get(self, key: str) -> SupervisorValue | None:
        return self.keys.get(key) or self.defaults.get(key)

    def effective(self) -> dict[str, SupervisorValue]:
        """Every key supervisord sees in this section, [DEFAULT] keys included."""
        return {**self.defaults, **self.keys}


@dataclass(frozen=True, slots=True)
class UnmatchedInclude:
    """An ``[include] files`` pattern that matches no file (supervisord logs a WARN and goes on).

    ``certain`` is False when the pattern names host paths this run cannot see
    (repository mode), so the files may well exist on the target host."""

    pattern: str
    at: Span
    certain: bool


@dataclass(eq=False)
class SupervisorConfig:
    path: str
    sections: list[SupervisorSection] = field(default_factory=list)
    defaults: dict[str, SupervisorValue] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    included_files: list[str] = field(default_factory=list)
    unmatched_includes: list[UnmatchedInclude] = field(default_factory=list)
    processes: list[SupervisorProcess] = field(default_factory=list)   # what the program sections start

    def section(self, name: str) -> SupervisorSection | None:
        for section in self.sections:
            if section.name == name:
                return section
        return None

    def of_kind(self, *kinds: str) -> list[SupervisorSection]:
        return [s for s in self.sections if s.kind in kinds]


def section_kind(name: str) -> str:
    prefix, colon, _ = name.partition(":")
    if prefix in ("program", "group", "fcgi-program", "eventlistener", "rpcinterface", "ctlplugin"):
        return prefix if colon else "unknown"
    for server in ("unix_http_server", "inet_http_server"):
        if name.startswith(server):   # supervisord matches these by prefix
            return server
    if name in ("supervisord", "supervisorctl", "include"):
        return name
    return "unknown"


_DISCOVERY_RE = re.compile(
    r"^[ \t]*\[(?:(?:program|group|fcgi-program|eventlistener):[^\]\s]+|supervisord|unix_http_server|include)\]"
    r"[ \t\r]*(?:[;#].*)?$",
    re.M,
)


def is_supervisor_text(text: str) -> bool:
    """True when the text has a section only Supervisor uses."""
    return bool(_DISCOVERY_RE.search(text))


# ------------------------------------------------------------------ the file format


@dataclass
class _Pending:
    """A value whose continuation lines are still being read."""

    pieces: list[str]
    at: Span
    key_at: Span
    file: str
    end_line: int
    comments: list[CutComment]


def comment_start(line: str) -> int | None:
    """Where ConfigParser cuts a line for a comment — its exact search, quirks included.

    It looks for the n-th ``;`` and the n-th ``#`` in rounds and stops at the first
    round in which one of them follows whitespace, even if a later round would have
    found an earlier qualifying position (``a#b c ;d #e`` is cut at ``;d``).
    """
    start = sys.maxsize
    positions = {prefix: -1 for prefix in _INLINE_PREFIXES}
    while start == sys.maxsize and positions:
        found = {}
        for prefix, index in positions.items():
            index = line.find(prefix, index + 1)
            if index == -1:
                continue
            found[prefix] = index
            if index == 0 or line[index - 1].isspace():
                start = min(start, index)
        positions = found
    if line.strip().startswith(_INLINE_PREFIXES):
        return 0
    return None if start == sys.maxsize else start


def split_lines(text: str) -> list[str]:
    """Lines as Python's text mode yields them: any of \\r\\n, \\r, \\n ends a line and becomes \\n."""
    lines = []
    for match in _LINE_RE.finditer(text):
        line = match.group(0)
        if line.endswith("\r"):
            line = line[:-1] + "\n"
        elif line.endswith("\r\n"):
            line = line[:-2] + "\n"
        lines.append(line)
    return lines


class _Reader:
    """Feeds files into one set of sections, like successive ConfigParser.read() calls."""

    def __init__(self, config: SupervisorConfig, ctx: ReadContext) -> None:
        self.config = config
        self.ctx = ctx
        self.by_name: dict[str, SupervisorSection] = {}
        self.defaults: dict[str, Any] = config.defaults
        self._pending: list[tuple[dict[str, Any], str]] = []

    def read(self, local_path: str) -> None:
        display = self.ctx.display(local_path)
        text = self.ctx.read(local_path)
        self.config.problems.extend(text.problems)
        if text.text is not None:
            self._parse(text.text, local_path, display)
        self._finish()

    def _parse(self, text: str, local_path: str, display: str) -> None:
        current: dict[str, Any] | None = None
        option: str | None = None
        indent_level = 0
        reported_missing_header = False
        for number, line in enumerate(split_lines(text), 1):
            cut = comment_start(line)
            content = line[:cut].strip()
            if not content:
                # A blank line, but not a comment line, belongs to the value being read.
                if cut is None and current is not None and option and current.get(option) is not None:
                    current[option].pieces.append("")
                continue
            lead = _NONSPACE_RE.search(line).start()
            end = lead + len(content) + 1
            comment = None
            if cut is not None:
                body = line.rstrip("\n")
                comment = CutComment(body[cut:], Span(display, number, cut + 1, len(body) + 1))
            if current is not None and option and lead > indent_level:
                value = current[option]
                value.pieces.append(content)
                value.end_line = number
                if comment:
                    value.comments.append(comment)
                continue
            indent_level = lead
            header = _SECTION_RE.match(content)
            if header:
                current = self._enter(header.group("header"), Span(display, number, lead + 1, end), local_path)
                option = None
                continue
            if current is None:
                # ConfigParser gives up on the whole file here; supervisord refuses it.
                if not reported_missing_header:
                    self.config.problems.append(Problem(
                        "syntax", "text before the first [section] header: supervisord refuses the file",
                        Span(display, number, lead + 1, end)))
                    reported_missing_header = True
                continue
            parsed = _OPTION_RE.match(content)
            if not parsed:
                self.config.problems.append(Problem(
                    "syntax", f"line is not a [section], key=value or an indented continuation: {content!r}",
                    Span(display, number, lead + 1, end)))
                continue
            name = parsed.group("option").rstrip()
            if not name:
                self.config.problems.append(Problem(
                    "syntax", "'=' with no key name before it", Span(display, number, lead + 1, end)))
            option = name.lower()
            value_text = parsed.group("value").strip()
            column = lead + 1 + len(content) - len(value_text) if value_text else lead + 1 + parsed.end("vi")
            self._pending.append((current, option))
            current[option] = _Pending(
                pieces=[value_text],
                at=Span(display, number, column, column + len(value_text)),
                key_at=Span(display, number, lead + 1, lead + 1 + len(name)),
                file=local_path,
                end_line=number,
                comments=[comment] if comment else [],
            )

    def _enter(self, name: str, at: Span, local_path: str) -> dict[str, Any]:
        if name == _DEFAULT_SECTION:
            return self.defaults
        section = self.by_name.get(name)
        if section is None:
            section = SupervisorSection(name, section_kind(name), at, local_path, defaults=self.defaults)
            self.by_name[name] = section
            self.config.sections.append(section)
        section.headers.append(at)
        return section.keys

    def _finish(self) -> None:
        """Turn the values the file just read into SupervisorValues (only those: an
        include of many files must not revisit every earlier section)."""
        for values, key in self._pending:
            value = values.get(key)
            if isinstance(value, _Pending):
                values[key] = SupervisorValue("\n".join(value.pieces).rstrip(), value.at, value.key_at,
                                              value.file, value.end_line, tuple(value.comments))
        self._pending.clear()


# -------------------------------------------------------------------- %-expansion


@dataclass(frozen=True, slots=True)
class Expanded:
    """A value after supervisord's ``value % names``.

    Names this run cannot know (the environment supervisord starts with, the host
    name, ``here`` when the target directory is unknown) stay in ``text`` as
    ``%(name)s`` and are listed in ``unresolved``. ``error`` is supervisord's own
    complaint when it would refuse the value; ``whole_environment`` marks a bare
    ``%s``, which supervisord silently replaces by the repr of every name it knows —
    every environment variable included.
    """

    text: str
    unresolved: tuple[str, ...] = ()
    error: str = ""
    whole_environment: bool = False


_SYMBOLIC_NAMES = ("here", "host_node_name")
_MARK = "\x00"


class _Names(dict):
    """The expansion names; unknown run-time names answer with a marker to put back later."""

    def __init__(self, names: Mapping[str, Any]) -> None:
        super().__init__(names)
        self.symbolic: list[str] = []

    def __missing__(self, key: str) -> str:
        if key.startswith("ENV_") or key in _SYMBOLIC_NAMES:
            if key not in self.symbolic:
                self.symbolic.append(key)
            return f"{_MARK}{self.symbolic.index(key)}{_MARK}"
        raise KeyError(key)

    def __str__(self) -> str:
        return f"{_MARK}*{_MARK}"

    __repr__ = __str__


def _has_bare_conversion(value: str) -> bool:
    """True when a ``%`` conversion has no ``(name)``: Python then formats the mapping itself."""
    index = 0
    while True:
        index = value.find("%", index)
        if index == -1 or index + 1 >= len(value):
            return False
        following = value[index + 1]
        if following == "%":
            index += 2
            continue
        if following != "(":
            return True
        depth, index = 1, index + 2
        while index < len(value) and depth:
            depth += {"(": 1, ")": -1}.get(value[index], 0)
            index += 1


_MARKER_RE = re.compile(f"{_MARK}(\\d+|\\*){_MARK}")


def expand(value: str, names: Mapping[str, Any], label: str = "value") -> Expanded:
    """``value % names`` as supervisord's ``expand()`` does it, never raising."""
    lookup = _Names(names)
    try:
        text = value % lookup
    except KeyError as error:
        available = ", ".join(sorted(set(names) | {n for n in _SYMBOLIC_NAMES if n not in names} | {"ENV_…"}))
        return Expanded(value, error=f"Format string {value!r} for {label!r} contains names ({error}) which "
                                     f"cannot be expanded. Available names: {available}")
    except Exception as error:   # ValueError/TypeError from %-formatting, as supervisord catches them
        return Expanded(value, error=f"Format string {value!r} for {label!r} is badly formatted: {error}")
    whole = _has_bare_conversion(value)

    def restore(match: re.Match) -> str:
        token = match.group(1)
        return "%s" if token == "*" else f"%({lookup.symbolic[int(token)]})s"

    text = _MARKER_RE.sub(restore, text)
    return Expanded(text, tuple(lookup.symbolic) + (("*",) if whole else ()), whole_environment=whole)


# ------------------------------------------------------------- command and environment


def split_command(command: str) -> tuple[list[str] | None, str]:
    """argv as supervisord builds it at spawn (``shlex.split``); the error text when it cannot."""
    try:
        argv = shlex.split(command)
    except ValueError as error:
        return None, f"can't parse command {command!r}: {error}"
    if not argv:
        return None, "command is empty"
    return argv, ""


@dataclass(frozen=True, slots=True)
class Environment:
    """``environment=`` as ``supervisor.datatypes.dict_of_key_value_pairs`` reads it.

    ``dropped`` holds the tokens it skipped without a word (``B=x y`` loses ``y``)."""

    values: dict[str, str]
    error: str = ""
    dropped: tuple[str, ...] = ()


def parse_environment(text: str) -> Environment:
    lexer = shlex.shlex(text)
    lexer.wordchars += "/.+-():"
    try:
        tokens = list(lexer)
    except ValueError as error:
        return Environment({}, f"{error} in value {text!r}")
    values: dict[str, str] = {}
    dropped: list[str] = []
    index = 0
    while index < len(tokens):
        triple = tokens[index:index + 3]
        if len(triple) != 3 or triple[1] != "=":
            return Environment(values, f"Unexpected end of key/value pairs in value {text!r}", tuple(dropped))
        values[triple[0]] = triple[2].strip("'\"")
        if index + 3 < len(tokens) and tokens[index + 3] != ",":
            dropped.append(tokens[index + 3])
        index += 4
    return Environment(values, "", tuple(dropped))


# ---------------------------------------------------------------------- value types

_TRUE = ("yes", "true", "on", "1")
_FALSE = ("no", "false", "off", "0")
_SIGNAL_NUMBERS = {getattr(signal, name) for name in dir(signal) if name.startswith("SIG")}
_LOG_LEVELS = ("critical", "error", "warn", "info", "debug", "trace", "blather")


def parse_boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"not a valid boolean value: {value!r}")


def parse_signal(value: str) -> str:
    """A stop signal's name without ``SIG`` (``TERM``), as supervisord's ``signal_number`` accepts it."""
    try:
        number = int(value)
    except ValueError:
        name = value.strip().upper()
        if not name.startswith("SIG"):
            name = "SIG" + name
        number = getattr(signal, name, None)
        if number is None:
            raise ValueError(f"value {value!r} is not a valid signal name") from None
    if number not in _SIGNAL_NUMBERS:
        raise ValueError(f"value {value!r} is not a valid signal number")
    try:
        return signal.Signals(number).name[3:]
    except ValueError:
        return str(int(number))


def parse_byte_size(value: str) -> int:
    lowered = value.lower()
    for suffix, factor in (("kb", 1024), ("mb", 1024 ** 2), ("gb", 1024 ** 3)):
        if lowered[-2:] == suffix:
            return int(lowered[:-2]) * factor
    return int(lowered)


def parse_auto_restart(value: str) -> str:
    lowered = value.lower()
    if lowered in _TRUE:
        return "true"
    if lowered in _FALSE:
        return "false"
    if lowered == "unexpected":
        return lowered
    raise ValueError(f"invalid 'autorestart' value {lowered!r}")


def parse_exit_codes(value: str) -> list[int]:
    try:
        codes = [int(code) for code in value.split(",")] if value else []
        if any(code < 0 or code > 255 for code in codes):
            raise ValueError
    except ValueError:
        raise ValueError(f"not a valid list of exit codes: {value!r}") from None
    return codes


def parse_octal(value: str) -> int:
    try:
        return int(value, 8)
    except ValueError:
        raise ValueError(f"{value} can not be converted to an octal type") from None


def parse_log_level(value: str) -> str:
    if value.lower() not in _LOG_LEVELS:
        raise ValueError(f"bad logging level name {value!r}")
    return value.lower()


def _process_name(value: str) -> str:
    name = value.strip()
    for character in " :/":
        if character in name:
            raise ValueError(f"Invalid name: {value!r} because of character: {character!r}")
    return name


PROGRAM_TYPES = {
    "priority": int, "autostart": parse_boolean, "autorestart": parse_auto_restart, "startsecs": int,
    "startretries": int, "stopsignal": parse_signal, "stopwaitsecs": int, "stopasgroup": parse_boolean,
    "killasgroup": parse_boolean, "exitcodes": parse_exit_codes, "redirect_stderr": parse_boolean,
    "numprocs": int, "numprocs_start": int, "umask": parse_octal,
    "stdout_capture_maxbytes": parse_byte_size, "stderr_capture_maxbytes": parse_byte_size,
    "stdout_events_enabled": parse_boolean, "stderr_events_enabled": parse_boolean,
}
# Keys supervisord reads once per process (``process_num`` is known for them).
PROCESS_TYPES = {
    "stdout_logfile_backups": int, "stderr_logfile_backups": int,
    "stdout_logfile_maxbytes": parse_byte_size, "stderr_logfile_maxbytes": parse_byte_size,
    "stdout_syslog": parse_boolean, "stderr_syslog": parse_boolean,
}
SUPERVISORD_TYPES = {
    "minfds": int, "minprocs": int, "umask": parse_octal, "logfile_maxbytes": parse_byte_size,
    "logfile_backups": int, "loglevel": parse_log_level, "nodaemon": parse_boolean, "silent": parse_boolean,
    "nocleanup": parse_boolean, "strip_ansi": parse_boolean,
}
_SUPERVISORD_KEYS = (*SUPERVISORD_TYPES, "directory", "user", "logfile", "pidfile", "identifier",
                     "childlogdir", "environment")


# ------------------------------------------------------------------ programs


@dataclass(eq=False)
class SupervisorProcess:
    """One process a ``[program:x]`` (or fcgi-program, eventlistener) section starts,
    with every value supervisord reads expanded the way it expands it."""

    section: SupervisorSection
    name: str
    group: str
    number: int
    values: dict[str, Expanded] = field(default_factory=dict)
    environment: dict[str, str] = field(default_factory=dict)        # [supervisord] environment + the program's
    own_environment: dict[str, str] = field(default_factory=dict)    # the program's environment= alone
    environment_dropped: tuple[str, ...] = ()
    argv: list[str] | None = None
    argv_error: str = ""


class _Expander:
    """Expansion names and value types of one configuration."""

    def __init__(self, config: SupervisorConfig, ctx: ReadContext, text_here: bool) -> None:
        self.config = config
        self.ctx = ctx
        self.text_here = text_here
        self.environment: dict[str, str] = {}

    def here(self, local_file: str) -> str | None:
        directory = os.path.dirname(os.path.abspath(local_file))
        if self.ctx.mode == "live":
            return directory
        if self.ctx.mode == "snapshot":
            relative = os.path.relpath(directory, os.path.abspath(self.ctx.root))
            if relative.startswith(".."):
                return None
            return "/" if relative == "." else "/" + relative.replace(os.sep, "/")
        return None

    def expand(self, value: SupervisorValue, names: dict[str, Any], label: str, times: int = 1) -> Expanded:
        text = value.raw
        here = self.here(value.file)
        names = dict(names)
        if here is not None:
            if self.text_here:
                text = text.replace("%(here)s", here)
            names["here"] = here
        for name, env_value in self.environment.items():
            names.setdefault(f"ENV_{name}", env_value)
        result = Expanded(text)
        for _ in range(times):
            result = expand(result.text, names, label)
            if result.error:
                break
        return result

    def fail(self, value: SupervisorValue | None, section: SupervisorSection, message: str) -> None:
        at = value.at if value else section.at
        self.config.problems.append(Problem("syntax", f"{message} in section {section.name!r}", at))


def _check(expander: _Expander, section: SupervisorSection, key: str, expanded: Expanded,
           convert: Any) -> Any:
    """The typed value, or None after recording supervisord's refusal."""
    value = section.get(key)
    if expanded.error:
        expander.fail(value, section, expanded.error)
        return None
    if expanded.unresolved:
        return None
    try:
        return convert(expanded.text)
    except ValueError as error:
        expander.fail(value, section, str(error))
        return None


def _supervisord_environment(expander: _Expander) -> None:
    section = expander.config.section("supervisord")
    if section is None:
        return
    for key in _SUPERVISORD_KEYS:
        value = section.get(key)
        if value is None:
            continue
        # [supervisord] environment= goes through expand() twice (options.py:649-651).
        expanded = expander.expand(value, {}, f"supervisord.{key}", times=2 if key == "environment" else 1)
        if key == "environment":
            if expanded.error:
                expander.fail(value, section, expanded.error)
                continue
            environment = parse_environment(expanded.text)
            if environment.error:
                expander.fail(value, section, environment.error)
            expander.environment.update(environment.values)
        elif key in SUPERVISORD_TYPES:
            _check(expander, section, key, expanded, SUPERVISORD_TYPES[key])
        elif expanded.error:
            expander.fail(value, section, expanded.error)


def _group_of(config: SupervisorConfig, expander: _Expander) -> dict[str, str]:
    groups: dict[str, str] = {}
    for group in config.of_kind("group"):
        value = group.get("programs")
        if value is None:
            continue
        expanded = expander.expand(value, {}, f"{group.name}.programs")
        if expanded.error:
            expander.fail(value, group, expanded.error)
            continue
        for program in (p.strip() for p in expanded.text.split(",")) if expanded.text else ():
            if not (config.section(f"program:{program}") or config.section(f"fcgi-program:{program}")):
                expander.fail(value, group, f"[{group.name}] names unknown program or fcgi-program {program}")
            groups[program] = group.label
    return groups


def _processes(expander: _Expander, section: SupervisorSection, group: str) -> list[SupervisorProcess]:
    try:
        program_name = _process_name(section.label)
    except ValueError as error:
        expander.fail(None, section, str(error))
        return []
    common = {"program_name": program_name, "group_name": group}
    typed: dict[str, Any] = {}
    for key, convert in PROGRAM_TYPES.items():
        value = section.get(key)
        if value is not None:
            typed[key] = _check(expander, section, key, expander.expand(value, common, f"{section.name}.{key}"),
                                convert)
    for key in ("user", "serverurl"):
        value = section.get(key)
        if value is not None:
            expanded = expander.expand(value, common, f"{section.name}.{key}")
            if expanded.error:
                expander.fail(value, section, expanded.error)
    numprocs = typed.get("numprocs")
    numprocs = 1 if numprocs is None else numprocs
    start = typed.get("numprocs_start") or 0
    name_value = section.get("process_name")
    name_template = name_value.raw if name_value else "%(program_name)s"
    if numprocs > 1 and "%(process_num)" not in name_template:
        expander.fail(name_value, section, "%(process_num) must be present within process_name when numprocs > 1")
    stop_as_group = section.get("stopasgroup")
    if typed.get("stopasgroup") and typed.get("killasgroup", True) is False:
        expander.fail(section.get("killasgroup") or stop_as_group, section,
                      "Cannot set stopasgroup=true and killasgroup=false")
    command = section.get("command")
    if command is None:
        expander.fail(None, section, f"program section {section.name} does not specify a command")
    processes = []
    for number in range(start, start + numprocs):
        names = {**common, "process_num": number, "numprocs": numprocs}
        process = SupervisorProcess(section, program_name, group, number)
        environment_value = section.get("environment")
        own_environment: dict[str, str] = {}
        if environment_value is not None:
            expanded = expander.expand(environment_value, names, "environment")
            process.values["environment"] = expanded
            if expanded.error:
                expander.fail(environment_value, section, expanded.error)
            else:
                parsed = parse_environment(expanded.text)
                if parsed.error:
                    expander.fail(environment_value, section, parsed.error)
                own_environment = parsed.values
                process.environment_dropped = parsed.dropped
        process.own_environment = own_environment
        process.environment = {**expander.environment, **own_environment}
        names.update({f"ENV_{k}": v for k, v in own_environment.items()})
        for key in ("directory", "stdout_logfile", "stderr_logfile", "command", *PROCESS_TYPES):
            value = section.get(key)
            if value is None:
                continue
            # The log file names go through expand() twice (saneget, then options.py:970).
            times = 2 if key.endswith("_logfile") else 1
            expanded = expander.expand(value, names, f"{section.name}.{key}" if times == 1 else key, times)
            process.values[key] = expanded
            if key in PROCESS_TYPES:
                _check(expander, section, key, expanded, PROCESS_TYPES[key])
            elif expanded.error:
                expander.fail(value, section, expanded.error)
        name_expanded = expand(name_template, {**names, "here": expander.here(section.file) or ""}, "process_name")
        if name_expanded.error:
            expander.fail(name_value, section, name_expanded.error)
        process.name = name_expanded.text if not name_expanded.error else program_name
        if "command" in process.values and not process.values["command"].error:
            process.argv, process.argv_error = split_command(process.values["command"].text)
        processes.append(process)
    return processes


# -------------------------------------------------------------------- includes


def _glob_here(pattern: str) -> list[str]:
    return sorted(glob.glob(pattern))


def _glob_by_suffix(pattern: str, ctx: ReadContext) -> list[str]:
    """Repository mode: the discovered files whose path ends like the host pattern."""
    parts = [p for p in pattern.split("/") if p and p != "."]
    if len(parts) < 2 or ".." in parts:
        return []
    found = []
    for candidate in ctx.known_files:
        candidate_parts = os.path.abspath(candidate).split(os.sep)
        if len(candidate_parts) >= len(parts) and all(
                fnmatch.fnmatchcase(c, p) and not (c.startswith(".") and not p.startswith("."))
                for c, p in zip(candidate_parts[-len(parts):], parts)):
            found.append(candidate)
    return sorted(set(found))


def _include(reader: _Reader, expander: _Expander, main: str) -> None:
    config, ctx = reader.config, reader.ctx
    section = config.section("include")
    if section is None:
        return
    value = section.get("files")
    if value is None:
        config.problems.append(Problem(
            "syntax", ".ini file has [include] section, but no files setting", section.at))
        return
    main_dir = os.path.dirname(os.path.abspath(main))
    raw = value.raw.replace("%(here)s", expander.here(main) or main_dir)
    expanded = expand(raw, {"here": expander.here(main) or main_dir}, "include.files")
    if expanded.error:
        config.problems.append(Problem("syntax", expanded.error, value.at))
        return
    for pattern in expanded.text.split():
        if _MARK in pattern or "%(" in pattern:
            continue
        certain = True
        if not pattern.startswith("/"):
            matches = _glob_here(os.path.join(main_dir, pattern))
        elif ctx.mode == "live":
            matches = _glob_here(pattern)
        elif ctx.mode == "snapshot":
            matches = _glob_here(ctx.under_root(pattern))
        else:
            matches = _glob_by_suffix(pattern, ctx)
            certain = False
        matches = [m for m in matches if os.path.abspath(m) != os.path.abspath(main)]
        if not matches:
            config.unmatched_includes.append(UnmatchedInclude(pattern, value.at, certain))
        ctx.referenced(value.at, pattern, *matches)
        for match in matches:
            config.included_files.append(match)
            reader.read(match)


# ------------------------------------------------------------------------- entry


def read_supervisor(local_path: str, ctx: ReadContext) -> SupervisorConfig:
    """Read a Supervisor file as the main configuration: its ``[include]`` files are
    read after it (their own ``[include]`` is ignored, as supervisord ignores it)."""
    config = SupervisorConfig(local_path)
    reader = _Reader(config, ctx)
    reader.read(local_path)
    # With an [include] section supervisord replaces "%(here)s" as plain text, file by
    # file, before any %-formatting (UnhosedConfigParser.expand_here); without one,
    # "here" is an ordinary expansion name. Only "%%(here)s" tells the two apart.
    expander = _Expander(config, ctx, text_here=config.section("include") is not None)
    _include(reader, expander, local_path)
    _supervisord_environment(expander)
    groups = _group_of(config, expander)
    for section in config.of_kind(*PROGRAM_KINDS):
        config.processes.extend(_processes(expander, section, groups.get(section.label, section.label)))
    return config
