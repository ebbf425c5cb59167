"""uWSGI 2.0 INI files, read the way uWSGI itself reads them.

What uWSGI does, and so what this reader does:

* ``%X`` magic variables are replaced in the raw file text before anything else.
  Every unknown ``%X`` becomes empty (``%Y-%m`` loses its letters), ``%%`` is a
  percent sign, and a ``%`` at the end of a line swallows the newline, joining the
  next line to it. Values that depend on the machine or the moment (``%h`` host,
  ``%k`` cores, ``%u`` uid, ``%t`` time, ``%v`` start directory, ``%V`` version, ...)
  stay as written and are marked ``unresolved``. In repository mode the file's place
  on the target host is unknown, so ``%d``/``%p``/``%c``/``%0``.. are filled from the
  checked tree and also marked ``unresolved``.
* Lines are trimmed of space, TAB and CR. Only whole lines starting with ``#`` or
  ``;`` are comments: ``processes = 4 # four`` has the value ``4 # four``.
* A section header is the rest of the line minus its last character, whatever that
  character is: ``[uwsgi] ; main`` names the section ``uwsgi] ; mai``. Names are
  case-sensitive. The first ``=`` splits key and value; a bare key has the value
  ``""``; quotes are kept.
* ``include``/``ini``/``xml``/``yaml`` load a file immediately, at their place. Paths
  are opened from uWSGI's start directory (the ``cwd`` given; when only its path on
  the target is known, ``start_dir``, the file there; without either, the directory of
  the file that names them is assumed). ``ini = :section`` re-reads the
  last INI file read. ``include = f.ini:section`` is fatal in uWSGI (it picks the
  loader by the extension of the whole string).
* ``$(ENV)``, ``@(file)`` and ``%(name)`` are expanded after every file is loaded, in
  that order, in values of non-immediate options. ``$(VAR)`` uses ``env`` when it has
  the variable; a variable it lacks stays as written (``$(VAR)``, measured with uWSGI 2.0:
  ``harakiri = $(NOPE)`` is the text ``$(NOPE)``, and so 0 to ``atoi``): that is the value
  when ``env`` is an ``Environment`` that shows it whole, else the value is ``unresolved``;
  either way the option names the variable (``env_missing``). ``@(...)`` is never read (it may name ``exec://``): the value stays
  literal and ``unresolved``. ``%(name)`` takes the first option or placeholder of
  that name anywhere in the configuration, and supports uWSGI's left-to-right math
  (``%(processes + 1)``).
* ``inherit`` loads its file last (when uWSGI applies options), so its options come
  after everything else and its values are not expanded.
* Logic blocks (``if-env``, ``if-exists``, ``for``, ... up to ``end``/``endif``/
  ``endfor``): ``for``/``for-times`` over static words repeat their options as uWSGI
  does; inside every other block the options are kept once and marked
  ``unresolved`` because whether they apply is decided on the target host. ``%(_)``
  is replaced where its value is static.

Option spans: ``line``/``column`` point at the first character of the value as
written; ``end_column`` is the column just after it (``line[column-1:end_column-1]``
is the value). An empty value gets ``column == end_column`` right after the key or
``=``. A value joined to the next line by a trailing ``%`` has ``end_column`` 0.

YAML files (``yaml =``, ``--yaml``, a positional ``app.yml``) are read with uWSGI's own line
parser's rules (``_parse_yaml``), and then expanded like the INI files' options. Files in
other formats (``.xml``, ``.json``) are not read: options they would add are missing from the
result.
"""
# Longer than a module should be: the magic substitution, the line lexer, the loaders, the
# logic blocks and the expansion passes share UwsgiRun's state in the order uWSGI applies
# them, and are checked against uWSGI as one piece (tests/test_uwsgi_differential.py).
from __future__ import annotations

import bisect
import functools
import os
import posixpath
import re
import sys
from collections.abc import Callable, Mapping

from ..core.context import ReadContext
from ..core.environment import Environment
from ..core.option import Option
from ..core.paths import packaged_text, relative_path
from ..core.record import dataclass, field
from ..core.span import Problem, Span
from ..core.text import Text
from .uwsgi_options import OPTIONS, option_info

TRIM = " \t\r"
_TRIM_LINE = TRIM + "\n"
# Magic variables whose value is only known on the running host.
_RUNTIME_MAGIC = set("hkuUgGtTvVbijIJ[")
# The first config file's values, kept in the upper-case letters.
_FIRST_FILE_MAGIC = "odspcenx"
_LOGIC_END = {"end", "endfor", "endif", "end-if", "end-for"}
_LOGIC_PATH_ARG = {"if-exists", "if-not-exists", "ifexists", "if-file", "if-not-file", "if-dir", "if-not-dir",
                   "ifdir", "if-directory", "if-plugin", "if-not-plugin", "ifplugin", "if-hostname",
                   "if-not-hostname"}
_LOGIC_OPEN = _LOGIC_PATH_ARG | {"for", "for-glob", "for-times", "for-readline", "if-opt", "if-not-opt",
                                 "if-env", "if-not-env", "ifenv", "if-reload", "if-not-reload"}
_OTHER_FORMATS = {"xml", "xmlconfig", "yaml", "yml"}
_YAML_SUFFIXES = (".yaml", ".yml")
_MATH_WORDS = {"+", "-", "*", "/", "++", "--"}
_MAX_EXPANSIONS = 256
# Loops and includes multiply options (a for-times 1000 that includes a file with another
# for-times 1000 is a million). uWSGI would try them all; wsgilint reads this many per run,
# far more than any real configuration and than a 100 000-line file, and says where it stops.
MAX_OPTIONS = 250_000
# Files a distribution package ships outside /etc, which a host snapshot or a repository
# rarely holds: read from wsgilint's copy of Debian 12's (uwsgi 2.0.21-5.1) when absent.
STOCK_PREFIX = "<stock>"
STOCK_FILES = {"/usr/share/uwsgi/conf/default.ini": "uwsgi-debian-default.ini"}
# Each include is read again where it stands, as uWSGI does; past this many file reads in
# one start, a file already read is not read again. A chain of 25 files each including the
# next twice is 16 million reads (it took wsgilint 171 s and 1.1 GB before this bound);
# real configurations read a few files, a for-loop over includes a few dozen.
MAX_FILE_READS = 200
# Options that loops and includes repeat (each iteration of a loop after the first, every
# option of a file read again) are counted apart: past this many, repetition stops with a
# finding. Each option costs the model and the rules some 50 µs, so the bound keeps a run
# within a second; a file's own lines are bounded by MAX_OPTIONS only.
MAX_REPEATED = 5_000
# A value that placeholders make longer than this is left unexpanded (each line may
# double the one before: a = %(a)%(a)).
_MAX_VALUE_LENGTH = 1 << 16


@dataclass(frozen=True, slots=True)
class IniComment:
    text: str
    at: Span


@dataclass(frozen=True, slots=True)
class IniSection:
    name: str        # as uWSGI computes it: the header line minus its first and last character
    at: Span


@dataclass(frozen=True, slots=True)
class UnreadConfig:
    """A config file a uWSGI start loads that is not read here."""

    spec: str        # as written (``/home/app/.config/uwsgi.ini``, ``$(CONF)``, ``http://...``)
    at: Span
    exits: bool      # uWSGI cannot load it and exits (no loader for its extension)
    # The file of the tree the path was meant for, which the container it runs in lacks (the
    # build copies another folder there): read as it is, it would be checked as if it ran.
    meant: str | None = None


@dataclass
class UwsgiIni:
    path: str                                   # display path of the file read
    section: str
    options: list[Option] = field(default_factory=list)
    comments: list[IniComment] = field(default_factory=list)
    sections: list[IniSection] = field(default_factory=list)
    # The YAML files' section keys read (``uwsgi:``): where an instance of a YAML file starts.
    # Kept apart from ``sections``, the INI headers, which INI rules check.
    yaml_sections: list[IniSection] = field(default_factory=list)
    section_found: bool = False                 # uWSGI read at least one option of the section
    placeholders_used: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)   # local paths of every config file read
    unread: list[UnreadConfig] = field(default_factory=list)


# --------------------------------------------------------------------------- magic


@dataclass
class _Magic:
    """The text after magic substitution, with where each character came from."""

    text: str
    starts: list[int]          # per output char: offset in the original text
    ends: list[int]            # per output char: offset just after its source
    unresolved: bytearray      # per output char: 1 when it stands for a run-time value


def _magic_sub(raw: str, table: Mapping[str, tuple[str, bool]]) -> _Magic:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    flags = bytearray()
    i, n = 0, len(raw)
    while i < n:
        percent = raw.find("%", i)
        # uWSGI reads the file with a NUL appended: a "%" ending the file pairs with it and vanishes.
        stop = n if percent < 0 else percent if percent + 1 >= n else -1
        if stop >= 0:
            out.append(raw[i:stop])
            starts.extend(range(i, stop))
            ends.extend(range(i + 1, stop + 1))
            flags.extend(bytes(stop - i))
            break
        out.append(raw[i:percent])
        starts.extend(range(i, percent))
        ends.extend(range(i + 1, percent + 1))
        flags.extend(bytes(percent - i))
        letter = raw[percent + 1]
        if letter == "%":
            value, runtime = "%", False
        elif letter == "(":
            value, runtime = "%(", False
        elif letter in _RUNTIME_MAGIC and letter not in table:
            value, runtime = "%" + letter, True
        else:
            value, runtime = table.get(letter, ("", False))
        out.append(value)
        starts.extend([percent] * len(value))
        ends.extend([percent + 2] * len(value))
        flags.extend((b"\1" if runtime else b"\0") * len(value))
        i = percent + 2
    return _Magic("".join(out), starts, ends, flags)


class _Source:
    """Where the characters of a file's text after magic substitution are written in the file."""

    __slots__ = ("raw", "magic", "display", "_line_starts")

    def __init__(self, raw: str, magic: _Magic, display: str) -> None:
        self.raw = raw
        self.magic = magic
        self.display = display
        self._line_starts: list[int] = []   # found when a span is first asked for

    def _position(self, offset: int) -> tuple[int, int]:
        starts = self._line_starts
        if not starts:
            starts.append(0)
            end = self.raw.find("\n")
            while end >= 0:
                starts.append(end + 1)
                end = self.raw.find("\n", end + 1)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def _end(self, first: int, last: int) -> int:
        """Where output characters first..last-1 end in the file, including any trailing
        ``%X`` that expanded to nothing."""
        magic, raw = self.magic, self.raw
        end = magic.starts[last] if last < len(magic.starts) else len(raw)
        start = magic.starts[first] if first < last else end
        while end > start and raw[end - 1] in _TRIM_LINE:
            end -= 1
        return max(end, magic.ends[last - 1]) if first < last else end

    def _start(self, first: int) -> int:
        """Where output character ``first`` is written, including a ``%X`` just before it that
        expanded to nothing (``logdate = %Y-%m`` is written from ``%Y``)."""
        magic = self.magic
        return magic.ends[first - 1] if first > 0 else magic.starts[first]

    def span(self, first: int, last: int) -> Span:
        """Span of output characters first..last-1 (empty when first == last)."""
        if first >= last:
            line, column = self._position(self._end(first, last))
            return Span(self.display, line, column, column)
        line, column = self._position(self._start(first))
        end_line, end_column = self._position(self._end(first, last))
        return Span(self.display, line, column, end_column if end_line == line else 0)

    def source(self, first: int, last: int) -> str:
        """What output characters first..last-1 are written as."""
        return self.raw[self._start(first):self._end(first, last)] if first < last else ""

    def unresolved(self, first: int, last: int) -> bool:
        return any(self.magic.unresolved[first:last])


def _file_magic(target_path: str, name_as_given: str, section: str, location_known: bool
                ) -> dict[str, tuple[str, bool]]:
    """uWSGI's per-file magic variables (``config_magic_table_fill``)."""
    unknown = not location_known
    directory = posixpath.dirname(target_path)
    base = posixpath.basename(target_path)
    d = directory.rstrip("/") + "/"
    table: dict[str, tuple[str, bool]] = {
        "o": (name_as_given, False),
        "p": (target_path, unknown),
        "s": (base, False),
        "d": (d, unknown),
        "c": (posixpath.basename(directory.rstrip("/")), unknown),
        "e": (base.rsplit(".", 1)[1] if "." in base else "", False),
        "n": (base.rsplit(".", 1)[0] if "." in base else base, False),
        "x": (section, False),
    }
    parts = [p for p in d.split("/") if p]
    for index in range(10):
        table[str(index)] = (parts[index] if index < len(parts) else "", unknown)
    return table


# --------------------------------------------------------------------------- the run


@dataclass
class _Entry:
    key: str
    value: str
    raw: str
    at: Span
    unresolved: bool = False
    configured: bool = False       # applied while parsing (immediate) or a bare placeholder: never expanded
    base_dir: str | None = None    # directory of the file it is written in
    env_missing: tuple[str, ...] = ()   # $(VAR) names the environment does not set: kept as written


@dataclass
class _Logic:
    opener: str
    argument: str
    repeat: list[str] | None       # static for/for-times words, else None (conditional)


def split_spec(spec: str) -> tuple[str, str | None]:
    """``file.ini:section`` -> (file, section); the colon is the last one (after any scheme's path)."""
    search_from = spec.rfind("/") if "://" in spec else 0
    colon = spec.rfind(":", max(search_from, 0))
    if colon < 0:
        return spec, None
    return spec[:colon], spec[colon + 1:] or None


_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


def _strtoll(text: str) -> int:
    """C's strtoll: leading digits, saturated to the int64 range."""
    match = re.match(r"\s*([+-]?\d+)", text)
    return max(_INT64_MIN, min(_INT64_MAX, int(match.group(1)))) if match else 0


def _int64(number: int) -> int:
    """uWSGI's placeholder math is int64_t arithmetic: it wraps around."""
    return (number - _INT64_MIN) % (1 << 64) + _INT64_MIN


class UwsgiRun:
    """One uWSGI start: every option in the order uWSGI records them (``exported_opts``)."""

    def __init__(self, ctx: ReadContext, env: Mapping[str, str] | None, cwd: str | None,
                 stock: Mapping[str, str] | None = None, start_dir: str | None = None) -> None:
        self.ctx = ctx
        self.env = env
        self.cwd = cwd
        self.start_dir = start_dir   # the start directory's path on the target, when no local one is known
        # Target path -> packaged copy, for the files the start's own image ships (a base
        # image's /etc/uwsgi/uwsgi.ini), on top of the distribution's STOCK_FILES.
        self.stock = {**STOCK_FILES, **(stock or {})}
        self.image_stock = dict(stock or {})
        self.entries: list[_Entry] = []
        self._first_of: dict[str, _Entry] = {}    # the first entry of each key, for placeholders
        self._cut = False                         # MAX_OPTIONS reached
        self.problems: list[Problem] = []
        self.comments: list[IniComment] = []
        self.sections: list[IniSection] = []
        self.yaml_sections: list[IniSection] = []
        self.files: list[str] = []
        self.unread: list[UnreadConfig] = []
        self.placeholders_used: set[str] = set()
        self.section_found: dict[str, bool] = {}
        self._first_place: tuple[str, str, str, bool] | None = None   # _file_magic's arguments, first file
        self._last_ini: str | None = None
        self._seen_as: dict[str, tuple[str, bool]] = {}   # by file: its path as uWSGI sees it, and whether known
        self._loading: list[str] = []
        self._logic: _Logic | None = None
        self._reads = 0
        self._repeating = 0                       # inside a loop iteration or a file read again
        self._repeated = 0
        self._missing: list[str] = []             # $(VAR) names the expansion of one value left as written

    # -- adding options

    def add(self, key: str, value: str, raw: str, at: Span, unresolved: bool = False,
            base_dir: str | None = None) -> None:
        """``add_exported_option``: logic blocks first, then immediate options run at once."""
        if key in _LOGIC_END:
            self._logic = None
        elif self._logic is not None:
            logic = self._logic
            if logic.repeat is not None:
                for number, word in enumerate(logic.repeat):
                    self._repeating += number > 0
                    try:
                        self._record(key, value.replace("%(_)", word), raw, at, unresolved, base_dir)
                    finally:
                        self._repeating -= number > 0
            else:
                if logic.opener in _LOGIC_PATH_ARG:
                    value = value.replace("%(_)", logic.argument)
                elif logic.opener in ("if-env", "ifenv") and self.env is not None:
                    name = logic.argument.split("=", 1)[0]
                    if name in self.env:
                        value = value.replace("%(_)", self.env[name])
                self._record(key, value, raw, at, True, base_dir)
            return
        self._record(key, value, raw, at, unresolved, base_dir)

    def _record(self, key: str, value: str, raw: str, at: Span, unresolved: bool, base_dir: str | None) -> None:
        info = option_info(key)
        entry = _Entry(key, value, raw, at, unresolved, bool(info and info.immediate), base_dir)
        if not self._append(entry):
            return
        if not entry.configured:
            return
        if key in _LOGIC_OPEN:
            repeat = None
            if key == "for" and not unresolved:
                repeat = value.split()
            elif key == "for-times" and not unresolved:
                repeat = [str(i) for i in range(1, _strtoll(value) + 1)] if _strtoll(value) <= 1000 else None
            self._logic = _Logic(key, value, repeat)
        elif key in ("set", "set-placeholder", "set-ph"):
            name, equal, rest = value.partition("=")
            if not equal:
                self.problems.append(Problem("syntax", f"uwsgi: invalid placeholder/--set value {value!r} "
                                             "(needs name=value); uWSGI exits", at))
                return
            offset = len(name) + 1 if at.end_column and raw == value else 0
            sub_at = Span(at.path, at.line, at.column + offset if at.column else 0, at.end_column)
            if key == "set":
                self._record(name, rest, rest if offset else raw, sub_at, unresolved, base_dir)
            else:
                self._append(_Entry(name, rest, rest if offset else raw, sub_at, unresolved, True, base_dir))
                # uWSGI lists the name among its options but never applies it: it is a placeholder.
                self.placeholders_used.add(name)
        elif key in ("ini", "include", "config") or key in _OTHER_FORMATS:
            self.load(key, value, at, base_dir, unresolved)

    def _append(self, entry: _Entry) -> bool:
        if self._repeating:
            self._repeated += 1
            if self._repeated > MAX_REPEATED:
                if self._repeated == MAX_REPEATED + 1:
                    self.problems.append(Problem("limit", f"loops and includes repeat more than {MAX_REPEATED} "
                                                 "options; the repetitions from this line on are not read", entry.at))
                return False
        if len(self.entries) >= MAX_OPTIONS:
            if not self._cut:
                self._cut = True
                self.problems.append(Problem("unreadable", f"loops and includes make more than {MAX_OPTIONS} "
                                             "options; the ones from this line on are not read", entry.at))
            return False
        self.entries.append(entry)
        self._first_of.setdefault(entry.key, entry)
        return True

    # -- loading files

    def _base_dir(self, base_dir: str | None) -> str | None:
        return self.cwd if self.cwd is not None else base_dir

    def load(self, option: str, spec: str, at: Span, base_dir: str | None, unresolved: bool = False) -> None:
        """Run a loader option (``ini``, ``include``, ``inherit``, ...) with its value ``spec``."""
        if unresolved or "://" in spec or spec == "-":
            # A run-time path, a URL or a scheme such as exec:// -- never read.
            self.unread.append(UnreadConfig(spec, at, False))
            return
        if option == "ini":
            path, section = split_spec(spec)
            if path == "":
                if self._last_ini is None:
                    self.problems.append(Problem("syntax", f"ini = {spec}: no INI file was read before it", at))
                    return
                self._read_config_file(self._last_ini, section or "uwsgi", spec, at, reuse=True)
                return
            local = self._resolve(path, base_dir, at)
            if local:
                self._read_config_file(local, section or "uwsgi", spec, at)
            return
        if option in ("yaml", "yml"):
            path, section = split_spec(spec)
            local = self._resolve(path, base_dir, at)
            if local:
                self._read_config_file(local, section or "uwsgi", spec, at, yaml=True)
            return
        if option in _OTHER_FORMATS:
            local = self._resolve(split_spec(spec)[0], base_dir, at)
            if local and local not in self.files:
                self.files.append(local)
            return
        if option == "config" or not spec.endswith((".ini", ".xml", ".yaml", ".yml")):
            self.problems.append(Problem(
                "syntax", f"uwsgi: unable to load configuration from {spec}: uWSGI picks the loader by the file "
                "extension (.ini, .xml, .yaml, .yml) of the whole value and exits", at))
            self.unread.append(UnreadConfig(spec, at, True))
            return
        local = self._resolve(spec, base_dir, at)
        if local and spec.endswith((".ini", *_YAML_SUFFIXES)):
            self._read_config_file(local, "uwsgi", spec, at, yaml=not spec.endswith(".ini"))
        elif local and local not in self.files:
            self.files.append(local)
            # An XML file (a positional `uwsgi app.xml`) is not read here: what it sets is not
            # known, as for `--xml app.xml`, whose option says so.
            self.unread.append(UnreadConfig(spec, at, False))

    def _resolve(self, path: str, base_dir: str | None, at: Span) -> str | None:
        base = self._base_dir(base_dir)
        target = posixpath.normpath(posixpath.join(self.start_dir or "/", path))
        if self.cwd is None and self.start_dir and not posixpath.isabs(path):
            # uWSGI opens a relative path from the directory it runs in: a container's WORKDIR
            # that the build filled file by file has no local twin, but what it copied there
            # does. (A host directory outside the tree is no reason to match a file by name.)
            in_place = self.ctx.copied(target)
            if in_place is not None:
                self.ctx.referenced(at, path, in_place)
                return in_place
            if target in self.image_stock:
                return STOCK_PREFIX + target
        if (self.start_dir or posixpath.isabs(path)) and target not in self.image_stock:
            # A folder the build copied there, which lacks the file, is all the container has
            # there: a namesake elsewhere in the tree is not it.
            gap = self.ctx.missing_from_copy(target)
            if gap is not None:
                self.unread.append(UnreadConfig(path, at, False, self.ctx.local(path, base)))
                self.problems.append(Problem(
                    "include-not-found", f"uWSGI cannot open {path}: the container has no {target}, since the build "
                    f"fills {gap.into} from {self.ctx.display(gap.folder)}/, which holds no {gap.missing}; "
                    f"uWSGI exits at start (\"realpath() of {path} failed\"){gap.assumption}", at, gap.severity))
                return None
        # The image's own file is there unless the build copied or mounted one over it: a
        # namesake elsewhere in the tree is not it.
        if path in self.image_stock:
            local = self.ctx.copied(path)
        elif base is None and self.start_dir and not posixpath.isabs(path):
            # Relative to a start directory the tree does not hold (`directory=/srv/app`).
            local = self.ctx.below_start_directory(path, self.start_dir)
        else:
            local = self.ctx.local(path, base)
        self.ctx.referenced(at, path, local)
        if local is None and path in self.stock:
            return STOCK_PREFIX + path
        if local is None:
            self.unread.append(UnreadConfig(path, at, False))
            # In a repository an absolute path names the target host, which is not here.
            absolute = posixpath.isabs(path)
            if absolute and self.ctx.host_may_hold(path):
                self.problems.append(Problem("include-not-found", f"uWSGI cannot open {path} unless the host has it: "
                                             "the checked files hold only the folders of a host's /etc that a "
                                             "repository installs (no passwd, os-release or fstab): assumed it does",
                                             at, severity="info"))
            elif (absolute and self.ctx.mode != "repository") or (not absolute and base is not None):
                self.problems.append(Problem("include-not-found", f"uWSGI cannot open {path}: no such file", at))
        return local

    def _target_path(self, local: str) -> str:
        if local.startswith(STOCK_PREFIX):
            return local[len(STOCK_PREFIX):]
        absolute = os.path.abspath(local)
        if self.ctx.mode == "snapshot":
            return "/" + relative_path(absolute, os.path.abspath(self.ctx.root)).lstrip("./")
        return absolute

    def _opened_as(self, local: str, key: str, name_as_given: str, reuse: bool) -> tuple[str, bool]:
        """The file's path as uWSGI sees it (its magic variables are made of it), and whether
        the files show that path: uWSGI makes it of the path it is given, joined to its start
        directory. ``ini = :section`` re-reads the last file, as the path it had then."""
        if reuse and key in self._seen_as:
            return self._seen_as[key]
        written = split_spec(name_as_given)[0]
        if written and not posixpath.isabs(written) and self.start_dir and self.cwd is None:
            written = posixpath.join(self.start_dir, written)
        seen = None if local.startswith(STOCK_PREFIX) else self.ctx.opened_path(written, local)
        if seen is not None:
            place = (seen, True)
        elif posixpath.isabs(written) and not local.startswith(STOCK_PREFIX):
            # Named by its path on the target (`--ini /opt/app/uwsgi.ini`) where the files do
            # not show the file there: uWSGI makes the magic variables of that path, resolving
            # links the files do not show (a release folder a link names). The best estimate,
            # still marked as unknown.
            place = (posixpath.normpath(written), False)
        else:
            place = (self._target_path(local), self.ctx.mode != "repository")
        self._seen_as[key] = place
        return place

    def read_top(self, local: str, section: str) -> None:
        """The file uWSGI is started with (its loader by the file's extension, as for
        ``uwsgi FILE``); its path is a local one, not a target host's."""
        name = self._target_path(local) + ("" if section == "uwsgi" else ":" + section)
        self._read_config_file(local, section, name, None, yaml=local.endswith(_YAML_SUFFIXES))

    def _read_config_file(self, local: str, section: str, name_as_given: str, at: Span | None,
                       reuse: bool = False, yaml: bool = False) -> None:
        stock = local.startswith(STOCK_PREFIX)
        key = local if stock else os.path.abspath(local)
        display = local if stock else self.ctx.display(local)
        if key in self._loading and not reuse:
            self.problems.append(Problem("include-cycle", f"{display} includes itself (through {name_as_given}); "
                                         "uWSGI would recurse until it crashes", at or Span(display)))
            return
        if reuse and len(self._loading) > 8:
            self.problems.append(Problem("include-cycle", f"ini = {name_as_given} re-reads a file in a loop", at
                                         or Span(display)))
            return
        if self._reads >= MAX_FILE_READS and local in self.files:
            if self._reads == MAX_FILE_READS:
                self.problems.append(Problem("limit", f"includes read more than {MAX_FILE_READS} files in one uWSGI "
                                             "start; from here on a file already read is not read again, so what it "
                                             "sets in later places is not checked", at or Span(display)))
            self._reads += 1
            return
        self._reads += 1
        text = _stock_text(self.stock[local[len(STOCK_PREFIX):]]) if stock else self.ctx.read(local)
        for problem in text.problems:
            if problem not in self.problems:
                self.problems.append(problem)
        if text.text is None:
            return
        again = local in self.files
        if not again:
            self.files.append(local)
        if not yaml:
            self._last_ini = local
        spec_section = split_spec(name_as_given)[1] or ""
        target, known = self._opened_as(local, key, name_as_given, reuse)
        place = (target, name_as_given, spec_section, known)
        if self._first_place is None:
            self._first_place = place
        # Magic substitution needs a "%": most files have none, and no table is built for them.
        table = None
        if "%" in text.text:
            table = _file_magic(*place)
            first = _file_magic(*self._first_place)
            table.update({k.upper(): first[k] for k in _FIRST_FILE_MAGIC})
        self._loading.append(key)
        self._repeating += again
        try:
            (self._parse_yaml if yaml else self._parse_ini)(text.text, table, display, section, posixpath.dirname(key))
        finally:
            self._loading.pop()
            self._repeating -= again

    def _parse_ini(self, raw: str, table: dict[str, tuple[str, bool]] | None, display: str, wanted: str,
                   directory: str) -> None:
        """``table`` is None for a text without "%": it is its own substitution, each character
        coming from where it stands, and no map of positions is built."""
        magic = _magic_sub(raw, table) if table is not None else None
        source = _Source(raw, magic, display) if magic is not None else None
        text = raw if magic is None else magic.text
        section = ""
        found = self.section_found.get(wanted, False)
        start = 0    # where the line begins in ``text``
        number = 0
        for line in text.split("\n"):
            number += 1
            body = line.strip(TRIM)
            if body:
                lead = len(line) - len(line.lstrip(TRIM))
                left = start + lead
                right = left + len(body)
                first = body[0]
                if first == "[":
                    section = body[1:-1]
                    header = IniSection(section, source.span(left, right) if source is not None
                                        else Span(display, number, lead + 1, lead + len(body) + 1))
                    if header not in self.sections:     # ini = :section reads a file twice
                        self.sections.append(header)
                elif first in ";#":
                    comment = IniComment(body, source.span(left, right) if source is not None
                                         else Span(display, number, lead + 1, lead + len(body) + 1))
                    if comment not in self.comments:
                        self.comments.append(comment)
                elif section == wanted:
                    found = True
                    equal = body.find("=")
                    if equal < 0:
                        key, value = body, ""
                    else:
                        key, value = body[:equal].rstrip(TRIM), body[equal + 1:].lstrip(TRIM)
                    key = sys.intern(key)   # option names repeat in every file
                    value = sys.intern(value)   # and values too (true, paths)
                    value_start = right - len(value)
                    # Without magic a value's characters are where they are written, on this
                    # line: its span without looking its line up (14 options a file).
                    if source is None:
                        column = value_start - start + 1
                        self.add(key, value, value, Span(display, number, column, column + len(value)), False,
                                 directory)
                    else:
                        self.add(key, value, source.source(value_start, right), source.span(value_start, right),
                                 source.unresolved(value_start, right), directory)
            start += len(line) + 1
        self.section_found[wanted] = found

    def _parse_yaml(self, raw: str, table: dict[str, tuple[str, bool]] | None, display: str, wanted: str,
                    directory: str) -> None:
        """A YAML file as uWSGI's own line parser reads it (core/yaml.c, a build without
        libyaml, as pip's): ``#`` anywhere ends the line; the section is a key written at the
        start of a line (``uwsgi:``), and its options are the ``key: value`` lines indented
        under it, at any depth, up to the next line at the start; a list item, a flow
        collection or a line without ``": "`` (or ``":\t"``) in the section ends the file's
        reading there. A value loses its spaces and tabs at either end (a carriage return only
        at its start: a CRLF file's values keep theirs); quotes are kept (``"4"`` is not 4).
        (uWSGI 2.0.31's yaml.c; later versions also strip double quotes.)"""
        magic = _magic_sub(raw, table) if table is not None else None
        source = _Source(raw, magic, display) if magic is not None else None
        text = raw if magic is None else magic.text
        found = self.section_found.get(wanted, False)
        inside = False
        start = 0    # where the line begins in ``text``
        number = 0
        for whole in text.split("\n"):
            number += 1
            line_start = start
            start += len(whole) + 1
            cut = whole.find("#")
            line = whole if cut < 0 else whole[:cut]
            if not line:
                continue
            # uWSGI's depth counts these (a space 1, a TAB or CR 8): only whether it is 0 matters.
            lead = len(line) - len(line.lstrip(" \t\r"))
            if lead == 0 and inside:
                break
            if lead > 0 and not inside:
                continue
            body = line[lead:]
            if not body:
                continue
            if body[0] in "-[{":
                if inside:
                    break
                continue
            if not inside:
                colon = body.find(":")
                inside = colon >= 0 and body[:colon] == wanted
                if inside:
                    left = line_start + lead
                    key_at = source.span(left, left + colon) if source is not None \
                        else Span(display, number, lead + 1, lead + colon + 1)
                    if not any(known.at == key_at for known in self.yaml_sections):
                        self.yaml_sections.append(IniSection(wanted, key_at))
                continue
            split = body.find(": ")
            if split < 0:
                split = body.find(":\t")
            if split < 0:
                break
            found = True
            key = sys.intern(body[:split].rstrip(" \t"))
            rest = body[split + 2:]
            value_lead = len(rest) - len(rest.lstrip(" \t\r"))
            value = sys.intern(rest[value_lead:].rstrip(" \t"))
            first = line_start + lead + split + 2 + value_lead
            last = first + len(value)
            if source is None:
                column = first - line_start + 1
                self.add(key, value, value, Span(display, number, column, column + len(value)), False, directory)
            else:
                self.add(key, value, source.source(first, last), source.span(first, last),
                         source.unresolved(first, last), directory)
        self.section_found[wanted] = found

    # -- after loading: expansion passes, then inherit

    def finish(self) -> list[Option]:
        for entry in self.entries:
            if "%(" in entry.value:   # placeholder_names finds none without it
                self.placeholders_used.update(placeholder_names(entry.value))
        # A pass changes only a value holding its symbol, so one holding none of the three is
        # never changed: the passes go over the others (most options are plain values).
        expandable = [entry for entry in self.entries
                      if not entry.configured and ("$" in entry.value or "@" in entry.value or "%" in entry.value)]
        if expandable:
            self._pass(expandable, "$", self._env_hook)
            self._pass(expandable, "@", lambda key: None)
            self._pass(expandable, "%", self._placeholder_hook)
        index = 0
        while index < len(self.entries):
            entry = self.entries[index]
            index += 1
            if entry.key == "inherit" and not entry.configured:
                entry.configured = True
                before = len(self.entries)
                self.load("inherit", entry.value, entry.at, entry.base_dir, entry.unresolved)
                # Loaded after the expansion passes, so these values are never expanded.
                for added in self.entries[before:]:
                    self.placeholders_used.update(placeholder_names(added.value))
        return [Option(e.key, e.value, e.at, e.raw, e.unresolved, e.env_missing) for e in self.entries]

    def _pass(self, entries: list[_Entry], symbol: str, hook: Callable[[str], tuple[str, bool] | None]) -> None:
        for entry in entries:
            if entry.configured or symbol not in entry.value:
                continue
            self._missing.clear()
            value, unresolved = _expand(entry.value, symbol, hook)
            entry.value = value
            entry.unresolved = entry.unresolved or unresolved
            if self._missing:
                entry.env_missing = tuple(dict.fromkeys((*entry.env_missing, *self._missing)))

    def _env_hook(self, name: str) -> tuple[str, bool] | None:
        if self.env is not None and name in self.env:
            return self.env[name], False
        self._missing.append(name)
        # An environment the files show whole lacks it: uWSGI keeps `$(NAME)` as the value.
        if isinstance(self.env, Environment) and not self.env.is_open(name):
            return KEPT
        return None

    def _first(self, key: str) -> _Entry | None:
        return self._first_of.get(key)

    def _placeholder_hook(self, key: str) -> tuple[str, bool] | None:
        if " " not in key:
            entry = self._first(key)
            return (entry.value, entry.unresolved) if entry else None
        current: str | None = None
        unresolved = False
        operator = ""
        for word in key.split(" "):
            if not word:
                continue
            if word in ("+", "-", "*", "/"):
                operator = word
                continue
            if word in ("++", "--"):
                if current is not None:
                    current = str(_int64(_strtoll(current) + (1 if word == "++" else -1)))
                operator = ""
                continue
            if word.isdigit():
                value = word
            else:
                entry = self._first(word)
                value = entry.value if entry else ""
                unresolved = unresolved or entry is None or entry.unresolved
            if not operator:
                current = (current or "") + value
            else:
                left, right = _strtoll(current or ""), _strtoll(value)
                if operator == "+":
                    current = str(_int64(left + right))
                elif operator == "-":
                    current = str(_int64(left - right))
                elif operator == "*":
                    current = str(_int64(left * right))
                elif right:
                    quotient = abs(left) // abs(right)     # C division truncates toward zero
                    current = str(_int64(quotient if (left < 0) == (right < 0) else -quotient))
                else:
                    current = "0"
            operator = ""
        return (current, unresolved) if current is not None else None


def _stock_text(name: str) -> Text:
    return Text(packaged_text(__file__, "stock", name))


def placeholder_names(value: str) -> set[str]:
    """The names ``value`` uses as ``%(name)``, the words of uWSGI's placeholder math aside."""
    names: set[str] = set()
    if "%(" not in value:   # every value is asked; few have a placeholder
        return names
    # Each %(...) without a parenthesis inside, as the pattern %\(([^()]*)\) finds them
    # (str.find: no pattern to compile at start; tests/test_startup_patterns.py compares them).
    start = value.find("%(")
    while start >= 0:
        close = value.find(")", start + 2)
        if close < 0:
            break
        inside = value[start + 2:close]
        if "(" in inside:
            start = value.find("%(", start + 1)
            continue
        for word in inside.split(" "):
            if word and word not in _MATH_WORDS and not word.isdigit():
                names.add(word)
        start = value.find("%(", close + 1)
    return names


# What a hook returns for a name that surely resolves to nothing: it stays as written, and
# the value is still known (told apart from a replacement by identity).
KEPT: tuple[str, bool] = ("", False)


def _expand(value: str, symbol: str, hook: Callable[[str], tuple[str, bool] | None]) -> tuple[str, bool]:
    """uWSGI's ``uwsgi_apply_config_pass`` scanner, quirks included: after a replacement
    it rescans from the second character; a name that resolves to nothing stays as written
    (unresolved, unless the hook says ``KEPT``: surely nothing)."""
    unresolved = False
    state = 0          # 0 nothing, 1 saw the symbol, >=2 inside "(": 2 + characters read
    depth = 0
    key_start = 0
    expansions = 0
    j = 0
    while j < len(value):
        char = value[j]
        if char == symbol:
            state = 1
        elif char == "(" and state == 1:
            state, depth, key_start = 2, 0, j + 1
        elif state > 1:
            if char == "(":
                state += 1
                depth += 1
            elif char == ")":
                if depth > 0:
                    state += 1
                    depth -= 1
                elif state <= 2:
                    state = 0
                else:
                    key = value[key_start:key_start + state - 2]
                    result = hook(key)
                    if result is None or result is KEPT:
                        unresolved = unresolved or result is None
                        state = 0
                    else:
                        expansions += 1
                        if expansions > _MAX_EXPANSIONS:
                            return value, True
                        replacement, replacement_unresolved = result
                        unresolved = unresolved or replacement_unresolved
                        if len(value) + len(replacement) > _MAX_VALUE_LENGTH:
                            return value, True
                        value = value[:key_start - 2] + replacement + value[key_start + state - 1:]
                        state = 0
                        j = 1
                        continue
            else:
                state += 1
        else:
            state = 0
        j += 1
    return value, unresolved


# --------------------------------------------------------------------------- public entry point


def read_ini(local_path: str, ctx: ReadContext, section: str = "uwsgi", env: Mapping[str, str] | None = None,
             cwd: str | None = None) -> UwsgiIni:
    """Every option uWSGI would get from ``uwsgi --ini local_path:section``.

    ``cwd`` is the local directory uWSGI starts in (relative include paths are opened
    from it); when unknown, the directory of each including file is assumed.
    """
    run = UwsgiRun(ctx, env, cwd)
    run.read_top(local_path, section)
    options = run.finish()
    ini = UwsgiIni(
        path=ctx.display(local_path),
        section=section,
        options=options,
        comments=run.comments,
        sections=run.sections,
        yaml_sections=run.yaml_sections,
        section_found=run.section_found.get(section, False),
        placeholders_used=run.placeholders_used,
        problems=run.problems,
        files=run.files,
        unread=run.unread,
    )
    return ini


def _section_header(text: str) -> bool:
    """Whether a line is ``[uwsgi]`` after spaces and tabs, as ``^[ \\t]*\\[uwsgi\\]`` (multi-line)
    finds it, without compiling it (tests/test_startup_patterns.py compares the two)."""
    start = text.find("[uwsgi]")
    while start >= 0:
        if not text[text.rfind("\n", 0, start) + 1:start].strip(" \t"):
            return True
        start = text.find("[uwsgi]", start + 1)
    return False


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _sniff_key_line() -> re.Pattern[str]:
    return re.compile(r"^[ \t]*([A-Za-z0-9_.-]+)[ \t]*=", re.MULTILINE)


_BUILD_PROFILE_KEYS = ("bin_name", "embedded_plugins", "main_plugin", "malloc_implementation")


# Compiled on first use: only a text holding one of the keys is searched.
@functools.cache
def _build_profile_key() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{'|'.join(_BUILD_PROFILE_KEYS)})\s*=", re.MULTILINE)


def has_yaml_uwsgi_section(text: str) -> bool:
    """Whether a YAML file holds the section uWSGI reads by default: ``uwsgi:`` at the start of
    a line (uWSGI's parser finds no section written further in)."""
    return text.startswith("uwsgi:") or "\nuwsgi:" in text


def has_uwsgi_section(text: str) -> bool:
    """Whether a file holds uWSGI's ``[uwsgi]`` header: the one sign a file with a program
    source's name is a uWSGI ini after all."""
    return _section_header(text)


def is_uwsgi_ini_text(text: str) -> bool:
    """Whether an INI-like file is a uWSGI config: a ``[uwsgi]`` header (even the broken
    ``[uwsgi] ; x`` form uWSGI cannot find) or mostly uWSGI option keys. A build
    profile (``buildconf/*.ini``: ``bin_name``, ``embedded_plugins``) is not a config."""
    # Each pattern is searched only in a text holding its words: finding them costs far less.
    if any(key in text for key in _BUILD_PROFILE_KEYS) and _build_profile_key().search(text):
        return False
    if has_uwsgi_section(text):
        return True
    keys = _sniff_key_line().findall(text)
    if len(keys) < 3:
        return False
    known = sum(1 for key in keys if key in OPTIONS)
    return known / len(keys) >= 0.6
