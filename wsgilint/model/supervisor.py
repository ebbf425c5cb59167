"""Supervisor configurations as rules see them: typed, each value with its span, built once.

``supervisor_config`` turns what the reader made of one supervisord configuration (a
main file and its includes) into frozen values. Each key keeps its raw text, the
inline comments ConfigParser cut, its expansion and, for the keys supervisord gives a
type, the parsed value or supervisord's refusal. A value is expanded with the names
every process of its section shares (``program_name``, ``group_name`` as the section's
name, ``process_num`` 0, ``numprocs`` 1); ``%(ENV_X)s`` and ``%(here)s`` stay symbolic
(see ``_value``). The control servers and ``serverurl`` are compared with ``%(here)s``
expanded. The processes carry what supervisord expands per process, ``here`` and
``[supervisord] environment=`` names included: the command and the environment.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Mapping

from ..core.context import ReadContext
from ..core.numbers import decimal
from ..core.record import dataclass
from ..core.span import Setting, Span
from ..readers import supervisor as reader
from ..readers.supervisor import values as types
from .address import Address, inet_host, parse_nginx_target

Parsed = bool | int | str | tuple[int, ...]
_PROGRAM_KINDS = ("program", "fcgi-program", "eventlistener")
_DEFAULT_SERVERURL = "http://localhost:9001"


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _conversion() -> re.Pattern[str]:
    return re.compile(r"[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]")


# The keys supervisord reads with a type, by section kind: (the type's name, its parser). S107 reports
# the values these parsers refuse; tests/test_manager_rules.py holds them to supervisor.datatypes.
_Type = tuple[str, Callable[[str], object]]
_PARSERS: dict[Callable[[str], object], str] = {
    types.parse_boolean: "boolean", types.parse_auto_restart: "autorestart", int: "integer",
    types.parse_byte_size: "byte size", types.parse_octal: "octal", types.parse_log_level: "log level",
    types.parse_signal: "signal", types.parse_exit_codes: "exit codes",
}
_PROGRAM_TYPES = {key: (_PARSERS[parse], parse) for key, parse in {**types.PROGRAM_TYPES, **types.PROCESS_TYPES}.items()}
VALUE_TYPES: dict[str, dict[str, _Type]] = {
    "program": _PROGRAM_TYPES,
    "fcgi-program": {**_PROGRAM_TYPES, "socket_backlog": ("range", types.in_range(1, 65535)),
                     "socket_mode": ("octal", types.parse_octal)},
    "eventlistener": {**_PROGRAM_TYPES, "buffer_size": ("range", types.in_range(1)),
                      "redirect_stderr": ("false only", types.parse_listener_redirect)},
    "supervisord": {key: (_PARSERS[parse], parse) for key, parse in types.SUPERVISORD_TYPES.items()},
    "unix_http_server": {"chmod": ("octal", types.parse_octal)},
    "inet_http_server": {"port": ("port", types.parse_port)},
    "group": {"priority": ("integer", int)},
}

# What supervisord 4.3 uses for a key of a program section, or of [supervisord], that is not
# written, for the keys it reads with a type (options.py processes_from_section and
# ServerOptions; supervisor-keys.json of the measured reference). `killasgroup` follows
# `stopasgroup`, so it has no default of its own here.
_PROGRAM_DEFAULTS = {
    "numprocs": "1", "numprocs_start": "0", "priority": "999", "autostart": "true", "startsecs": "1",
    "startretries": "3", "autorestart": "unexpected", "exitcodes": "0", "stopsignal": "TERM", "stopwaitsecs": "10",
    "stopasgroup": "false", "redirect_stderr": "false",
    **{f"{stream}_{key}": default for stream in ("stdout", "stderr") for key, default in (
        ("logfile_maxbytes", "50MB"), ("logfile_backups", "10"), ("capture_maxbytes", "0"),
        ("events_enabled", "false"), ("syslog", "false"))},
}
_SUPERVISORD_DEFAULTS = {
    "logfile_maxbytes": "50MB", "logfile_backups": "10", "loglevel": "info", "umask": "022", "nodaemon": "false",
    "silent": "false", "minfds": "1024", "minprocs": "200", "nocleanup": "false", "strip_ansi": "false",
}
_DEFAULTS = {**{kind: _PROGRAM_DEFAULTS for kind in _PROGRAM_KINDS}, "supervisord": _SUPERVISORD_DEFAULTS}


@dataclass(frozen=True, slots=True)
class SupervisorComment:
    """An inline comment ConfigParser cut from a value line (``; comment`` after whitespace)."""

    text: str
    at: Span


@dataclass(frozen=True, slots=True)
class SupervisorExpansion:
    """A value after supervisord's %-formatting. ``unresolved`` names stay as ``%(name)s`` in
    ``text``; ``error`` is supervisord's refusal, ``bad_format`` Python's complaint when the
    text is no valid format string; ``whole_environment`` marks a bare ``%s``, which
    supervisord replaces by its whole table of names, environment included."""

    text: str
    unresolved: tuple[str, ...] = ()
    error: str = ""
    bad_format: str = ""
    whole_environment: bool = False

    @property
    def known(self) -> str | None:
        """The final text, when nothing in it waits for run time and supervisord accepts it."""
        return None if self.error or self.unresolved else self.text


@dataclass(frozen=True, slots=True)
class SupervisorEnvironment:
    """``environment=`` as supervisord reads it; ``dropped`` are the words it skips silently."""

    values: Mapping[str, str]
    dropped: tuple[str, ...] = ()
    error: str = ""


@dataclass(frozen=True, slots=True)
class SupervisorValue:
    """One key of a section. ``at`` covers the value on the key's line (continuation lines
    run to ``end_line``); ``datatype`` names the type supervisord reads it as ("" when it
    reads text), ``parsed`` is the value of that type and ``error`` its refusal. The key is
    on the line of ``at``: its columns are kept and ``key_at`` built when asked."""

    key: str
    raw: str
    at: Span
    key_column: int
    key_end: int
    end_line: int
    comments: tuple[SupervisorComment, ...]
    from_default: bool                   # set in [DEFAULT], not in the section itself
    expanded: SupervisorExpansion
    formatted_twice: bool = False        # [supervisord] environment= goes through %-formatting twice
    datatype: str = ""
    parsed: Parsed | None = None
    error: str = ""
    environment: SupervisorEnvironment | None = None   # environment= keys, when they expand

    @property
    def key_at(self) -> Span:
        """The key as written."""
        return Span(self.at.path, self.at.line, self.key_column, self.key_end)

    def reads_as_default_of(self, kind: str, key: str) -> bool:
        """Whether this value, read as supervisord reads ``key`` of a ``kind`` section, is what
        supervisord uses when ``key`` is not written (`autostart=true`, `stopsignal=term`)."""
        default = _DEFAULTS.get(kind, {}).get(key)
        typed = VALUE_TYPES.get(kind, {}).get(key)
        if default is None or typed is None or self.expanded.error or self.expanded.unresolved:
            return False
        parse = typed[1]
        try:
            return parse(self.expanded.text) == parse(default)
        except ValueError:
            return False

    def as_bool(self) -> bool | None:
        return self.parsed if isinstance(self.parsed, bool) else None

    def as_int(self) -> int | None:
        return self.parsed if isinstance(self.parsed, int) and not isinstance(self.parsed, bool) else None

    def span_at(self, offset: int, length: int) -> Span:
        """The span of ``raw[offset:offset + length]``; the whole value past a continuation line."""
        if "\n" in self.raw[:offset]:
            return self.at
        column = self.at.column + offset
        return Span(self.at.path, self.at.line, column, column + length)

    @property
    def stray_percent(self) -> int | None:
        """Offset of the first ``%`` that is neither ``%%`` nor ``%(name)`` with a conversion."""
        index = 0
        while (index := self.raw.find("%", index)) != -1:
            if self.raw.startswith("%%", index):
                index += 2
                continue
            if not self.raw.startswith("%(", index) or ")" not in self.raw[index:]:
                return index
            conversion = _conversion().match(self.raw, self.raw.index(")", index) + 1)
            if conversion is None:
                return index
            index = conversion.end()
        return None

    @property
    def first_percent(self) -> int | None:
        index = self.raw.find("%")
        return None if index == -1 else index

    @property
    def leaves_quote_open(self) -> bool:
        """True when the text splits into no argv: a quote is left open."""
        # shlex refuses only an open quote or a trailing backslash: text with neither (most
        # commands) needs no lexer, nor shlex loaded at start.
        if "'" not in self.raw and '"' not in self.raw and "\\" not in self.raw:
            return False
        import shlex

        try:
            shlex.split(self.raw)
        except ValueError:
            return True
        return False

    @property
    def attached_semicolon(self) -> int | None:
        """Offset of the first ``;`` outside quotes that follows a non-space character (kept as text).
        ``\\;`` standing alone is the word ``;`` once supervisord splits the command (shlex):
        find's ``-exec … \\;`` terminator, not text attached to an argument."""
        if ";" not in self.raw:
            return None   # most values; only a `;` is an answer
        quote = ""
        escaped = False
        for index, char in enumerate(self.raw):
            if escaped:
                escaped = False
                alone = (index < 2 or self.raw[index - 2].isspace()) and self.raw[index + 1:index + 2].strip() == ""
                if char == ";" and not alone:
                    return index
            elif quote:
                quote = "" if char == quote else quote
            elif char == "\\":
                escaped = True
            elif char in "\"'":
                quote = char
            elif char == ";" and index and not self.raw[index - 1].isspace():
                return index
        return None

    @property
    def kept_comment_mark(self) -> str:
        """``#`` or ``;`` kept in the value because no whitespace comes before it ("" when none)."""
        for mark in "#;":
            index = self.raw.find(mark)
            if index != -1 and not self.raw[index - 1:index].isspace():
                return mark
        return ""


@dataclass(frozen=True, slots=True)
class SupervisorSection:
    """A section, its headers merged as ConfigParser merges them; ``keys`` are its own,
    ``get`` also sees [DEFAULT]."""

    name: str
    kind: str                            # program, group, supervisord, ... or unknown
    label: str                           # the part after ``program:`` ..., or the whole name
    at: Span                             # the first header
    headers: tuple[Span, ...]
    keys: Mapping[str, SupervisorValue]
    effective: Mapping[str, SupervisorValue]

    @property
    def is_program(self) -> bool:
        """A section that starts processes: program, fcgi-program or eventlistener."""
        return self.kind in _PROGRAM_KINDS

    def get(self, key: str) -> SupervisorValue | None:
        return self.effective.get(key)


@dataclass(frozen=True, slots=True)
class SupervisorProcess:
    """One process a program section starts (``numprocs`` gives several)."""

    section: SupervisorSection
    name: str
    group: str
    number: int
    command: SupervisorExpansion | None
    argv: tuple[str, ...] | None          # as supervisord splits the expanded command; None if it cannot
    argv_error: str
    environment: Mapping[str, Setting[str]]   # [supervisord] environment= and the program's own
    environment_dropped: tuple[str, ...]

    def shell_operators(self) -> tuple[str, ...]:
        """The words of ``argv`` that a shell would read as operators (``&&``, ``|``, ``>``,
        ``2>&1``) and that stand unquoted in the command: supervisord runs no shell, so each is
        passed to the program as a literal argument. A quoted or escaped one (``find ... \\;``)
        is meant as an argument and is left out."""
        if self.argv is None or self.command is None:
            return ()
        return reader.shell_operators(self.command.text, self.argv)


@dataclass(frozen=True, slots=True)
class SupervisorControlServer:
    """An ``[unix_http_server]`` or ``[inet_http_server]``: where supervisorctl must connect."""

    section: SupervisorSection
    value: SupervisorValue | None         # file= or port=
    address: Address | None               # None when not known before run time, or unreadable
    socket_group: str = ""                # unix: the group of chown=user:group

    @property
    def refused(self) -> bool:
        """supervisord exits at start: the section has no ``port`` (inet) or ``file`` (unix)."""
        return self.value is None

    @property
    def has_credentials(self) -> bool:
        return self.section.get("username") is not None or self.section.get("password") is not None


@dataclass(frozen=True, slots=True)
class SupervisorUnmatchedInclude:
    """An ``[include] files`` pattern that matches no file; ``certain`` is False when the
    host's files cannot be seen (a repository)."""

    pattern: str
    at: Span
    certain: bool


@dataclass(frozen=True, slots=True)
class SupervisorConfig:
    """One supervisord configuration: a main file and the files it includes."""

    path: str
    files: tuple[str, ...]
    sections: tuple[SupervisorSection, ...]
    processes: tuple[SupervisorProcess, ...]
    control_servers: tuple[SupervisorControlServer, ...]
    serverurl: SupervisorValue | None     # [supervisorctl] serverurl=
    client_url: str | None                # the expanded serverurl or its default; None when not known
    client_target: Address | None         # where supervisorctl connects
    unmatched_includes: tuple[SupervisorUnmatchedInclude, ...]

    def section(self, name: str) -> SupervisorSection | None:
        return next((s for s in self.sections if s.name == name), None)

    def of_kind(self, *kinds: str) -> list[SupervisorSection]:
        return [s for s in self.sections if s.kind in kinds]


# Where Debian's and Ubuntu's packaged supervisord.conf serves supervisorctl and its web UI
# ([unix_http_server] file=; /var/run is a link to /run): the control socket of the supervisord
# a host's conf.d programs run under when the tree holds no main file of its own.
_DISTRO_CONTROL_SOCKETS = ("/var/run/supervisor.sock", "/run/supervisor.sock")


def control_socket_paths(configs: list[SupervisorConfig]) -> frozenset[str]:
    """The unix sockets supervisord serves its own HTTP interface on: each checked config's
    [unix_http_server] file=, and the distro's default path where the programs' main file is
    not among the checked files. What nginx passes to there is supervisord, not an app."""
    paths = {server.address.path for config in configs for server in config.control_servers
             if server.address is not None and server.address.family == "unix"}
    if any(config.processes and not config.control_servers for config in configs):
        paths.update(_DISTRO_CONTROL_SOCKETS)
    return frozenset(paths)


# ------------------------------------------------------------------------ building


def _expansion(expanded: reader.Expanded) -> SupervisorExpansion:
    complaint = ""
    if "badly formatted" in expanded.error:   # Python's own words, after supervisord's prefix
        complaint = re.sub(r" at index \d+$", "", expanded.error.rsplit(": ", 1)[-1])
    return _shared_expansion(expanded.text, expanded.unresolved, expanded.error, complaint,
                             expanded.whole_environment)


# Most values expand to the same few texts (true, QUIT, 30): one frozen expansion each, not
# one per key of every program. Bounded, so a long-lived process keeps no run's values.
_shared_expansion = functools.lru_cache(maxsize=4096)(SupervisorExpansion)


def _names(section: reader.SupervisorSection) -> dict[str, object]:
    """The names a section's values expand with, made once per section (not per value).
    Without `here`: a typed value written with %(here)s is left unchecked (the reader
    still reports supervisord's refusal of it), as the rules always did."""
    if section.kind not in _PROGRAM_KINDS:
        return {}
    label = section.label
    return {"program_name": label, "group_name": label, "process_num": 0, "numprocs": 1}


# What a value's text becomes in a section of a kind: whether it is expanded twice, its
# expansion, its datatype, the typed value, the parse error and the environment it sets.
_Typed = tuple[bool, SupervisorExpansion, str, object, str, SupervisorEnvironment | None]


def _value(key: str, value: reader.SupervisorValue, section: reader.SupervisorSection,
           from_default: bool, names: dict[str, object],
           known: dict[tuple[str, str, str], _Typed]) -> SupervisorValue:
    # A text without `%` expands to itself whatever the section's names, so what it becomes
    # depends only on its kind of section and its key: a fleet's programs repeat `true`,
    # `QUIT`, `30`, each worked out once a configuration (``known``). `environment` values are
    # worked out each time: their parsed pairs are not shared between sections.
    plain = key != "environment" and "%" not in value.raw
    typed = known.get((section.kind, key, value.raw)) if plain else None
    if typed is None:
        typed = _typed(key, value.raw, section, names)
        if plain:
            known[section.kind, key, value.raw] = typed
    twice, expansion, datatype, parsed, error, environment = typed
    return SupervisorValue(key, value.raw, value.at, value.key_column, value.key_end, value.end_line,
                           tuple(SupervisorComment(c.text, c.at) for c in value.comments) if value.comments else (),
                           from_default, expansion, twice, datatype,
                           parsed if isinstance(parsed, (bool, int, str, tuple)) else None, error, environment)


def _typed(key: str, raw: str, section: reader.SupervisorSection, names: dict[str, object]) -> _Typed:
    first = reader.expand(raw, names)
    twice = section.kind == "supervisord" and key == "environment" and not first.error
    final = reader.expand(first.text, names) if twice else first
    datatype, parsed, error = "", None, ""
    if key in VALUE_TYPES.get(section.kind, {}):
        datatype, parse = VALUE_TYPES[section.kind][key]
        if not final.error and not final.unresolved:
            try:
                result = parse(final.text)
                parsed = tuple(result) if isinstance(result, list) else result
            except (ValueError, OverflowError) as problem:
                error = str(problem)
    environment = None
    if key == "environment" and section.kind in ("supervisord", *_PROGRAM_KINDS) and not final.error:
        read = reader.parse_environment(final.text)
        # A run-time name (%(ENV_X)s) may expand to pairs: only a value fully known can be wrong.
        # Its words are those around the names: supervisord splits the value once it is expanded,
        # where a name is a word's text, never the `%(`...`)s` the lexer would cut.
        dropped = reader.parse_environment(_as_words(final.text)).dropped if final.unresolved else read.dropped
        environment = SupervisorEnvironment(read.values, dropped, "" if final.unresolved else read.error)
    return twice, _expansion(final), datatype, parsed, error, environment


def _as_words(text: str) -> str:
    """``text`` with each name left unexpanded (``%(ENV_ROOT)s``) as a plain word in its place."""
    return _unexpanded().sub("expanded", text)


@functools.cache
def _unexpanded() -> re.Pattern[str]:
    return re.compile(r"%\([^)]*\)" + _conversion().pattern)


def _section(section: reader.SupervisorSection, known: dict[tuple[str, str, str], _Typed]) -> SupervisorSection:
    names = _names(section)
    own = {key: _value(key, value, section, False, names, known) for key, value in section.keys.items()}
    # Without [DEFAULT] keys what supervisord sees is the section's own: one dict for both.
    effective = own if not section.defaults else {key: own.get(key) or _value(key, value, section, True, names, known)
                                                  for key, value in section.effective().items()}
    return SupervisorSection(section.name, section.kind, section.label, section.at, tuple(section.headers),
                             own, effective)


def _process(process: reader.SupervisorProcess, section: SupervisorSection,
             supervisord: SupervisorSection | None) -> SupervisorProcess:
    own, shared = section.get("environment"), supervisord.get("environment") if supervisord else None
    environment = {}
    for name, text in process.environment.items():
        source = own if name in process.own_environment else shared
        environment[name] = Setting(text, source.at if source else None)
    command = process.values.get("command")
    return SupervisorProcess(section, process.name, process.group, process.number,
                             _expansion(command) if command else None,
                             tuple(process.argv) if process.argv is not None else None, process.argv_error,
                             environment, process.environment_dropped)


def _socket(path: str) -> Address | None:
    # /var/run is a link to /run on every current distribution: both name one file.
    return parse_nginx_target("unix:" + ("/run/" + path[9:] if path.startswith("/var/run/") else path))


def _placed(section: reader.SupervisorSection | None, key: str) -> str | None:
    """The value with ``%(here)s`` as the directory of the checked file that holds it (both
    ends of a comparison then name the same directory); None when it is not known."""
    value = section.get(key) if section else None
    if value is None:
        return None
    result = reader.expand(value.raw, {"here": os.path.dirname(os.path.abspath(value.file))})
    return None if result.error or result.unresolved else result.text


def _servers(config: reader.SupervisorConfig, sections: tuple[SupervisorSection, ...],
             ) -> tuple[SupervisorControlServer, ...]:
    servers = []
    for section in sections:
        if section.kind == "unix_http_server":
            value, chown = section.get("file"), section.get("chown")
            path = _placed(config.section(section.name), "file")
            group = chown.raw.partition(":")[2] if chown else ""
            servers.append(SupervisorControlServer(section, value, _socket(path) if path is not None else None,
                                                   group))
    for section in sections:   # unix servers first: findings list them in this order
        if section.kind == "inet_http_server":
            value = section.get("port")
            port = _placed(config.section(section.name), "port")
            address = None
            if port is not None:
                host, _, number = port.rpartition(":")
                host = inet_host(host)
                number_value = decimal(number.strip()) if number.strip().isdigit() else None
                if number_value is not None:
                    address = Address("inet", host=host, port=number_value, text=port)
            servers.append(SupervisorControlServer(section, value, address))
    return tuple(servers)


def _target(url: str) -> Address | None:
    if url.startswith("unix://"):
        return _socket(url[len("unix://"):])
    if url.startswith(("http://", "https://")):
        return parse_nginx_target(url, 80)
    return None


def supervisor_config(config: reader.SupervisorConfig, ctx: ReadContext) -> SupervisorConfig:
    """The typed view of one configuration the reader read."""
    known: dict[tuple[str, str, str], _Typed] = {}
    sections = tuple(_section(section, known) for section in config.sections)
    by_name = {section.name: section for section in sections}
    processes = tuple(_process(p, by_name[p.section.name], by_name.get("supervisord")) for p in config.processes)
    ctl = by_name.get("supervisorctl")
    serverurl = ctl.get("serverurl") if ctl else None
    url = _placed(config.section("supervisorctl"), "serverurl") if serverurl else _DEFAULT_SERVERURL
    includes = tuple(SupervisorUnmatchedInclude(u.pattern, u.at, u.certain) for u in config.unmatched_includes)
    return SupervisorConfig(ctx.display(config.path), tuple(ctx.display(p) for p in [config.path, *config.included_files]),
                            sections, processes, _servers(config, sections), serverurl, url,
                            _target(url) if url is not None else None, includes)
