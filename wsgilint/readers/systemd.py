"""systemd unit files (``.service``, ``.socket``) and their drop-ins, with positions.

The format follows ``src/shared/conf-parser.c``: ``#``/``;`` start a comment only at
the start of a line, a trailing backslash joins the next line (comment lines inside
a continuation are skipped), ``[Section]`` headers, ``Key=Value`` with both sides
stripped, keys case-sensitive. Repeated keys are kept in order; for list settings an
empty assignment (``ExecStart=``) drops what came before. Drop-in ``*.conf`` files are
applied after the unit, in the order of their file names.
"""
# A little over 400 lines: the unit lexer, drop-in merging and Exec= parsing share the
# entry type and are read together by every caller; the sniffer is the rest.
from __future__ import annotations

import functools
import os
import re
import signal
import sys
from collections.abc import Iterator

from ..core.context import ReadContext
from ..core.numbers import decimal
from ..core.record import dataclass, field
from ..core.span import Problem, Span

UNIT_SECTIONS = ("Unit", "Service", "Socket", "Install")
RLIM_INFINITY = 2 ** 64 - 1
DEFAULT_TIMEOUT_STOP = 90.0

# Settings that accumulate; an empty assignment resets them.
LIST_KEYS = frozenset({
    "ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload",
    "ExecCondition", "Environment", "EnvironmentFile", "RuntimeDirectory", "StateDirectory",
    "CacheDirectory", "LogsDirectory", "ConfigurationDirectory", "ListenStream", "ListenDatagram",
    "ListenSequentialPacket", "ListenFIFO", "After", "Before", "Wants", "Requires", "Requisite",
    "BindsTo", "PartOf", "Conflicts", "WantedBy", "RequiredBy", "Also", "Alias", "ReadWritePaths",
    "ReadOnlyPaths", "InaccessiblePaths", "SupplementaryGroups", "PassEnvironment", "UnsetEnvironment",
})

# A line that sets one of these keys (``Key=``, blanks around the key) marks a unit file.
_SYSTEMD_KEYS = frozenset({
    "Description", "Documentation", "After", "Before", "Wants", "Requires", "ExecStart", "ExecStartPre",
    "ExecReload", "ExecStop", "Type", "User", "Group", "WorkingDirectory", "Environment", "EnvironmentFile",
    "Restart", "RestartSec", "WantedBy", "RequiredBy", "ListenStream", "ListenDatagram", "KillMode", "KillSignal",
    "PIDFile", "RuntimeDirectory", "TimeoutStopSec", "TimeoutSec", "LimitNOFILE", "PrivateTmp", "Alias",
    "SocketUser", "SocketMode", "Accept",
})
# Lines before the first section that still leave a file a unit: a stray ``Description=``
# above ``[Unit]``; a longer run is some other key=value format.
_MAX_LEADING_ASSIGNMENTS = 3


@dataclass(frozen=True, slots=True)
class UnitEntry:
    section: str
    key: str
    value: str
    at: Span          # the value (on the key's line; continuations run to end_line)
    key_column: int   # the key, on the line of ``at``: its span is built when asked
    key_end: int
    file: str         # local path of the unit or drop-in
    end_line: int

    @property
    def key_at(self) -> Span:
        return Span(self.at.path, self.at.line, self.key_column, self.key_end)


@dataclass(frozen=True, slots=True)
class ExecCommand:
    """One ``ExecStart=`` line: its special prefixes and its argv as systemd splits it.

    ``$VAR``/``${VAR}`` are kept as written (``unresolved``) — the environment is a run-time fact."""

    prefixes: str            # any of - @ : + ! !! as written
    argv: list[str]
    at: Span
    error: str = ""
    unresolved: bool = False


@dataclass(eq=False)
class SystemdUnit:
    path: str
    name: str                                  # the unit's file name: gunicorn.service
    display: str = ""                          # how findings name the unit file
    entries: list[UnitEntry] = field(default_factory=list)
    dropins: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sections: list[tuple[str, Span]] = field(default_factory=list)
    # Lines inside a section without '=': systemd logs "Missing '=', ignoring line." and
    # loads the unit (systemd-analyze verify, systemd 252).
    ignored: list[tuple[str, Span]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.name.rsplit(".", 1)[1] if "." in self.name else ""

    def values(self, section: str, key: str) -> list[UnitEntry]:
        """Every assignment in effect, in order; an empty one resets a list setting."""
        found: list[UnitEntry] = []
        for entry in self.entries:
            if entry.section == section and entry.key == key:
                if entry.value == "" and key in LIST_KEYS:
                    found = []
                else:
                    found.append(entry)
        return found

    def last(self, section: str, key: str) -> UnitEntry | None:
        """The assignment that wins for a scalar setting (an empty one means the default)."""
        entries = [e for e in self.entries if e.section == section and e.key == key]
        if not entries or entries[-1].value == "":
            return None
        return entries[-1]

    @property
    def exec_start(self) -> list[ExecCommand]:
        return [parse_exec(e.value, e.at) for e in self.values("Service", "ExecStart")]

    @property
    def exec_start_pre(self) -> list[ExecCommand]:
        return [parse_exec(e.value, e.at) for e in self.values("Service", "ExecStartPre")]

    @property
    def exec_stop(self) -> list[ExecCommand]:
        return [parse_exec(e.value, e.at) for e in self.values("Service", "ExecStop")]

    @property
    def environment(self) -> dict[str, tuple[str, UnitEntry]]:
        result: dict[str, tuple[str, UnitEntry]] = {}
        for entry in self.values("Service", "Environment"):
            for name, value in parse_environment(entry.value).items():
                result[name] = (value, entry)
        return result

    @property
    def environment_files(self) -> list[UnitEntry]:
        return self.values("Service", "EnvironmentFile")

    @property
    def listen_streams(self) -> list[UnitEntry]:
        return self.values("Socket", "ListenStream")

    @property
    def runtime_directories(self) -> list[tuple[str, UnitEntry]]:
        return [(word, e) for e in self.values("Service", "RuntimeDirectory") for word in e.value.split()]


def is_systemd_text(text: str) -> bool:
    """True for a unit file: its first section is a unit section and it has systemd's keys.

    A few ``Key=value`` lines may come before that section: systemd ignores them ("Assignment
    outside of section. Ignoring.") and loads the unit. Any other line first, or a first
    section that is not a unit's (``[uwsgi]``), makes it something else."""
    leading = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if stripped.startswith("["):
            if stripped.strip("[]") not in UNIT_SECTIONS:
                return False
            break
        leading += 1
        # Compiled when first used (re caches it): most units start with their section.
        if leading > _MAX_LEADING_ASSIGNMENTS or not re.match(r"[A-Z][A-Za-z0-9]*[ \t]*=", stripped):
            return False
    else:
        return False
    return _names_a_unit_key(text)


def _names_a_unit_key(text: str) -> bool:
    """Whether a line is ``KEY=...`` for a key of ``_SYSTEMD_KEYS``, spaces and tabs around the
    key: what ``^[ \\t]*([A-Za-z]+)[ \\t]*=`` (multi-line) finds and the set holds, as every key is
    ASCII letters. String methods instead: the pattern cost 0.4 M instructions to compile, the
    keys as one alternation 4.1 M (tests/test_startup_patterns.py compares them)."""
    for line in text.split("\n"):
        key, found, _ = line.partition("=")
        if found and key.strip(" \t") in _SYSTEMD_KEYS:
            return True
    return False


def _lines(text: str) -> Iterator[tuple[int, int, str, int]]:
    """Logical lines: (first line number, last line number, joined text, length of the first line)."""
    physical = text.split("\n")
    index = 0
    while index < len(physical):
        start = index
        line = physical[index].rstrip("\r")
        index += 1
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        joined = line
        while joined.endswith("\\") and index < len(physical):
            following = physical[index].rstrip("\r")
            index += 1
            if following.strip().startswith(("#", ";")):
                continue
            joined = joined[:-1] + " " + following
        first_length = len(line[:-1].rstrip()) if joined != line else len(line.rstrip())
        yield start + 1, index, joined, first_length


def read_unit(local_path: str, ctx: ReadContext, dropins: list[str]) -> SystemdUnit:
    """Read a unit and the drop-ins that apply to it (from ``find_dropins``)."""
    unit = SystemdUnit(local_path, os.path.basename(local_path), ctx.display(local_path), dropins=list(dropins))
    for path in [local_path, *dropins]:
        _read_into(unit, path, ctx)
    return unit


def _read_into(unit: SystemdUnit, path: str, ctx: ReadContext) -> None:
    display = ctx.display(path)
    text = ctx.read(path)
    unit.problems.extend(text.problems)
    if text.text is None:
        return
    section: str | None = ""    # None after an invalid header: E002 reports it, the unit does not load
    for number, last, line, first_length in _lines(text.text):
        lead = len(line) - len(line.lstrip())
        stripped = line.strip()
        if stripped.startswith("["):
            header_at = Span(display, number, lead + 1, lead + len(stripped) + 1)
            if not stripped.endswith("]") or len(stripped) < 3:
                unit.problems.append(Problem("syntax", f"invalid section header {stripped!r}", header_at))
                section = None
                continue
            section = sys.intern(stripped[1:-1])
            unit.sections.append((section, header_at))
            continue
        if section is None:
            continue
        key, equals, rest = line.partition("=")
        if section and not equals:
            unit.ignored.append((stripped, Span(display, number, lead + 1, lead + len(stripped) + 1)))
            continue
        # A line before any section is kept with section "" (no lookup finds it): systemd
        # ignores it and loads the unit ("Assignment outside of section. Ignoring.", checked
        # before the '='), and the model reports it as a line systemd ignores.
        value = sys.intern(rest.strip())   # a fleet's units repeat most values (www-data, on-failure)
        column = len(key) + 2 + len(rest) - len(rest.lstrip())
        end_column = max(column, first_length + 1) if number == last else first_length + 1
        unit.entries.append(UnitEntry(
            section, sys.intern(key.strip()), value,
            Span(display, number, column, end_column if number != last else column + len(value)),
            lead + 1, lead + 1 + len(key.strip()),
            path, last,
        ))


def find_dropins(unit_local_path: str, ctx: ReadContext, name: str | None = None,
                 folders_with_dropins: dict[str, bool] | None = None) -> list[str]:
    """``NAME.d/*.conf`` next to the unit and in systemd's unit directories under the root;
    for an instance ``name`` (``app@one.service`` of the template at ``unit_local_path``)
    also the template's ``app@.service.d``.

    Directories are searched as systemd's ``unit_file_find_dirs`` lists them: per unit
    directory, the instance's folder before the template's. A file name in an earlier folder
    hides the same name in a later one; the result is in the order systemd applies them (by
    file name). ``folders_with_dropins``, shared by the calls of one check: whether each unit
    directory may hold a drop-in folder (see ``_may_hold_dropins``)."""
    name = name or os.path.basename(unit_local_path)
    directories = [os.path.dirname(os.path.abspath(unit_local_path))]
    if ctx.mode in ("live", "snapshot"):
        root = "/" if ctx.mode == "live" else ctx.root
        for unit_dir in ("etc/systemd/system", "run/systemd/system", "usr/local/lib/systemd/system",
                         "usr/lib/systemd/system", "lib/systemd/system"):
            directories.append(os.path.join(root, unit_dir))
    dropin_names = [f"{name}.d"]
    if "@" in name:   # template instance: foo@bar.service also reads foo@.service.d
        prefix, _, rest = name.partition("@")
        dropin_names.append(f"{prefix}@.{rest.rsplit('.', 1)[-1]}.d")
    chosen: dict[str, str] = {}
    seen_dirs: set[str] = set()
    for directory in directories:
        if folders_with_dropins is not None:
            if directory not in folders_with_dropins:
                folders_with_dropins[directory] = _may_hold_dropins(directory)
            if not folders_with_dropins[directory]:
                continue
        for dropin_dir in dropin_names:
            candidate = os.path.join(directory, dropin_dir)
            if not os.path.isdir(candidate):
                continue
            folder = ctx.real(candidate)
            if folder in seen_dirs:
                continue
            seen_dirs.add(folder)
            for entry in sorted(os.listdir(folder)):
                if entry.endswith(".conf") and entry not in chosen:
                    chosen[entry] = os.path.join(folder, entry)
    return [chosen[entry] for entry in sorted(chosen)]


def _may_hold_dropins(directory: str) -> bool:
    """False only where no ``NAME.d`` can be found in ``directory``: it is not there, or none
    of its entries ends with ``.d`` in any case (a file system that ignores case or
    normalises names could still match a differently written one). A fleet's units share a
    few directories, most without drop-ins: listed once, not asked once per unit and folder."""
    try:
        names = os.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True   # unlistable: each folder is asked for, as without the listing
    return any(name[-2:] in (".d", ".D") for name in names)


# ------------------------------------------------------------------------- values


# Without quotes or backslashes a word is a run of anything but space, tab and newline: split
# at spaces once tabs and newlines are spaces (no pattern to compile at start).
_TO_SPACE = str.maketrans("\t\n", "  ")


def _words(value: str) -> tuple[list[str], str]:
    """systemd's ``extract_first_word`` with unquoting and C escapes, word by word."""
    if "\\" not in value and '"' not in value and "'" not in value:
        # Most lines quote and escape nothing: one search instead of a loop per character.
        return [sys.intern(word) for word in value.translate(_TO_SPACE).split(" ") if word], ""
    words: list[str] = []
    index = 0
    escapes = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
               "\\": "\\", '"': '"', "'": "'", "s": " ", " ": " "}
    while True:
        while index < len(value) and value[index] in " \t\n":
            index += 1
        if index >= len(value):
            return words, ""
        word: list[str] = []
        quote = ""
        while index < len(value):
            char = value[index]
            if char == "\\" and index + 1 < len(value):
                word.append(escapes.get(value[index + 1], "\\" + value[index + 1]))
                index += 2
                continue
            if quote:
                if char == quote:
                    quote = ""
                else:
                    word.append(char)
            elif char in "\"'":
                quote = char
            elif char in " \t\n":
                break
            else:
                word.append(char)
            index += 1
        if quote:
            return words, "unbalanced quoting"
        words.append(sys.intern("".join(word)))   # executables and options repeat across units


def parse_exec(value: str, at: Span) -> ExecCommand:
    """An ``Exec*=`` value: the ``-@:+!`` prefixes, then the argv (``$VAR`` left as written).

    With ``@`` the second word is what the process sees as its argv[0]; ``argv`` keeps
    the line as written, so ``argv[0]`` is always the executable."""
    prefix_length = 0
    while prefix_length < len(value) and value[prefix_length] in "-@:+!|":
        prefix_length += 1
    prefixes = value[:prefix_length]
    argv, error = _words(value[prefix_length:])
    unresolved = any("$" in word for word in argv)
    return ExecCommand(prefixes, argv, at, error, unresolved)


def parse_environment(value: str) -> dict[str, str]:
    """``Environment=`` assignments: space-separated, each may be quoted (``"A=b c" D=e``)."""
    words, _ = _words(value)
    result = {}
    for word in words:
        name, equals, assigned = word.partition("=")
        if equals and name:
            result[name] = assigned
    return result


_TIME_UNITS = {
    "us": 1e-6, "usec": 1e-6, "ms": 1e-3, "msec": 1e-3, "s": 1, "sec": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "minute": 60, "minutes": 60, "h": 3600, "hr": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400, "w": 604800, "week": 604800, "weeks": 604800,
    "M": 2629800, "month": 2629800, "months": 2629800, "y": 31557600, "year": 31557600, "years": 31557600,
}


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _time_part() -> re.Pattern[str]:
    return re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Z]*)")


def parse_timespan(value: str) -> float | None:
    """A systemd time span in seconds (``90``, ``5min 20s``, ``infinity`` → inf); None when invalid."""
    text = value.strip()
    if text == "infinity":
        return float("inf")
    total, index, found = 0.0, 0, False
    while index < len(text):
        match = _time_part().match(text, index)
        if not match or match.group(2) not in _TIME_UNITS and match.group(2) != "":
            return None
        total += float(match.group(1)) * _TIME_UNITS.get(match.group(2), 1)
        index = match.end()
        found = True
        while index < len(text) and text[index].isspace():
            index += 1
    return total if found else None


def parse_limit(value: str) -> int | None:
    """``LimitNOFILE=``: a number, ``infinity`` or ``soft:hard``; the soft limit is returned."""
    soft = value.split(":", 1)[0].strip()
    if soft == "infinity":
        return RLIM_INFINITY
    return decimal(soft) if soft.isdigit() else None


def parse_bool(value: str) -> bool | None:
    lowered = value.strip().lower()
    if lowered in ("1", "yes", "y", "true", "t", "on"):
        return True
    if lowered in ("0", "no", "n", "false", "f", "off"):
        return False
    return None


def normalise_signal(value: str) -> str:
    """``SIGTERM``/``TERM``/``15`` → ``TERM``."""
    text = value.strip().upper()
    if text.isdigit():
        try:
            return signal.Signals(int(text)).name[3:]
        except ValueError:
            return text
    return text[3:] if text.startswith("SIG") else text


# ------------------------------------------------------------ templates and enablement

# Where ``systemctl enable`` puts its links, below a snapshot's or this machine's root.
_UNIT_DIRECTORIES = ("etc/systemd/system", "run/systemd/system", "usr/local/lib/systemd/system",
                     "usr/lib/systemd/system", "lib/systemd/system")
_ENABLEMENT_SUFFIXES = (".wants", ".requires", ".upholds")
# Where the user managers look (systemd.unit(5)), besides each user's ~/.config/systemd/user.
_USER_UNIT_DIRECTORIES = ("etc/systemd/user", "run/systemd/user", "usr/local/lib/systemd/user",
                          "usr/lib/systemd/user", "lib/systemd/user")


def linked_from_unit_directory(unit_local_path: str, ctx: ReadContext) -> bool:
    """Whether a link of the unit's name in one of the host's unit directories leads to this
    file (`systemctl link /srv/app/app.service`): systemd loads it through the link."""
    root = "/" if ctx.mode == "live" else ctx.root
    name = os.path.basename(unit_local_path)
    real = os.path.realpath(unit_local_path)
    for directory in _UNIT_DIRECTORIES:
        link = os.path.join(root, directory, name)
        if ctx.inside(link) and os.path.islink(link) and (found := ctx.confine(link)) is not None \
                and os.path.realpath(found) == real:
            return True
    return False


def in_unit_directory(target_path: str) -> bool:
    """Whether a unit file at ``target_path`` on a host is where systemd's system manager or a
    user's manager loads units from (systemd.unit(5), "Unit File Load Path"). One elsewhere
    (a copy kept in /root/etc/systemd/system, a source beside the app) is loaded by neither
    unless linked into one of them."""
    relative = target_path.lstrip("/")
    return relative.startswith(tuple(f"{directory}/" for directory in (*_UNIT_DIRECTORIES, *_USER_UNIT_DIRECTORIES))) \
        or "/.config/systemd/user/" in target_path


def enabled_names(unit_local_paths: list[str], ctx: ReadContext) -> set[str]:
    """The unit names linked from ``*.wants/``, ``*.requires/`` and ``*.upholds/`` directories
    beside the given units and, on a host or a snapshot, in systemd's unit directories
    (``systemctl enable app@one.socket`` links ``sockets.target.wants/app@one.socket``).
    Only names are listed: a link's target is the template, read where it lives."""
    directories = {os.path.dirname(os.path.abspath(path)) for path in unit_local_paths}
    if ctx.mode in ("live", "snapshot"):
        root = "/" if ctx.mode == "live" else ctx.root
        directories.update(os.path.join(root, unit_dir) for unit_dir in _UNIT_DIRECTORIES)
    names: set[str] = set()
    for directory in sorted(directories):
        if not ctx.inside(directory):
            continue   # nothing outside the checked trees is read, not even a listing
        try:
            entries = os.listdir(directory)
        except OSError:
            continue
        for entry in entries:
            folder = os.path.join(directory, entry)
            if not entry.endswith(_ENABLEMENT_SUFFIXES) or not os.path.isdir(folder):
                continue
            try:
                names.update(os.listdir(folder))
            except OSError:
                continue
    return names


def unescape_name(text: str) -> str:
    """systemd's unit-name unescaping (``%I``): ``-`` is ``/``, ``\\xNN`` a byte."""
    text = text.replace("-", "/")
    return re.sub(r"\\x([0-9a-fA-F]{2})", lambda match: chr(int(match.group(1), 16)), text)


def expand_specifiers(value: str, name: str) -> str:
    """The unit-name specifiers of ``value`` for the unit ``name`` (``app@one.socket``):
    ``%i %I %n %N %p %P %j %J %%`` (systemd.unit(5)); other specifiers stay as written."""
    stem = name.rsplit(".", 1)[0]
    prefix, _, instance = stem.partition("@")
    last = prefix.rsplit("-", 1)[-1]
    table = {"i": instance, "I": unescape_name(instance), "n": name, "N": stem, "p": prefix,
             "P": unescape_name(prefix), "j": last, "J": unescape_name(last), "%": "%"}
    return re.sub(r"%(.)", lambda match: table.get(match.group(1), match.group()), value)


def read_instance(template: SystemdUnit, name: str, ctx: ReadContext) -> SystemdUnit:
    """The instance ``name`` of ``template`` with the drop-ins systemd applies to it: its own
    (``app@one.service.d``) besides the template's."""
    dropins = find_dropins(template.path, ctx, name)
    if dropins == template.dropins:
        return instantiate(template, name)
    return instantiate(read_unit(template.path, ctx, dropins), name)


def instantiate(template: SystemdUnit, name: str) -> SystemdUnit:
    """The unit ``name`` (``app@one.service``) that the template ``app@.service`` makes:
    every value with its specifiers expanded; positions stay those of the template."""
    unit = SystemdUnit(template.path, name, template.display, dropins=list(template.dropins),
                       sections=list(template.sections))
    unit.entries = [UnitEntry(e.section, e.key, expand_specifiers(e.value, name), e.at, e.key_column, e.key_end, e.file,
                              e.end_line) for e in template.entries]
    return unit


def template_of(name: str) -> str | None:
    """``app@.socket`` for an instance name ``app@one.socket``; None for other names."""
    stem, dot, suffix = name.rpartition(".")
    prefix, at, instance = stem.partition("@")
    return f"{prefix}@.{suffix}" if dot and at and instance else None
