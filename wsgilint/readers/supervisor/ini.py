"""The file format: lines, sections and values, as ConfigParser reads them for supervisord.

supervisord parses its files with ``configparser.RawConfigParser(inline_comment_prefixes=
(';', '#'), strict=False)``. ConfigParser keeps no positions, so ``IniReader`` repeats its
line algorithm step by step (inline comments only after whitespace and blind to quotes,
the order in which it looks for the two prefixes, indented continuation lines, blank
lines kept inside values, ``key: value`` as well as ``key = value``, lower-cased keys,
case-sensitive section names, ``[DEFAULT]``, duplicate sections merged and the last
value winning). ``tests/test_supervisor_differential.py`` holds it to ConfigParser.
"""
from __future__ import annotations

import functools
import re
import sys
from typing import TYPE_CHECKING, Any

from ...core.context import ReadContext
from ...core.record import dataclass, field
from ...core.span import Problem, Span

if TYPE_CHECKING:
    from .processes import SupervisorProcess

PROGRAM_KINDS = ("program", "fcgi-program", "eventlistener")

_INLINE_PREFIXES = (";", "#")
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
    end_column``, just after the ``=``); continuation lines run to ``end_line``. The key is
    on that line too: its columns are kept, and its span built when asked (a fleet has tens
    of thousands of keys). ``file`` is the local path of the file the value was read from.
    """

    raw: str
    at: Span
    key_column: int
    key_end: int
    file: str
    end_line: int
    comments: tuple[CutComment, ...] = ()

    @property
    def key_at(self) -> Span:
        return Span(self.at.path, self.at.line, self.key_column, self.key_end)

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


@dataclass
class _Pending:
    """A value whose continuation lines are still being read."""

    pieces: list[str]
    at: Span
    key_column: int     # the key, on the line of ``at``
    key_end: int
    file: str
    end_line: int
    comments: list[CutComment]


def comment_start(line: str) -> int | None:
    """Where ConfigParser cuts a line for a comment — its exact search, quirks included.

    It looks for the n-th ``;`` and the n-th ``#`` in rounds and stops at the first
    round in which one of them follows whitespace, even if a later round would have
    found an earlier qualifying position (``a#b c ;d #e`` is cut at ``;d``).
    """
    if ";" not in line and "#" not in line:
        return None   # most lines: no round finds a prefix, and none starts the line
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


# Universal newlines, as Python's text mode: compiled on first use, for a file with a \r.
@functools.cache
def _line() -> re.Pattern[str]:
    return re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


# ConfigParser's own patterns (RawConfigParser.SECTCRE ``\\[(?P<header>.+)\\]`` and OPTCRE
# ``(?P<option>.*?)\\s*(?P<vi>=|:)\\s*(?P<value>.*)$`` with the default delimiters), matched by
# str methods on a line's stripped content (no line break in it): compiling them cost 0.7 M
# instructions of every start (tests/test_startup_patterns.py compares them).
def _section_header(content: str) -> str | None:
    """SECTCRE's header: from the ``[`` to the last ``]``, one character at least."""
    close = content.rfind("]")
    return content[1:close] if content.startswith("[") and close > 1 else None


def _option(content: str) -> tuple[str, str, int] | None:
    """OPTCRE's option (spaces before the delimiter cut), value (spaces after it cut) and the
    end of the delimiter: the first ``=`` or ``:``."""
    equals, colon = content.find("="), content.find(":")
    delimiter = colon if equals < 0 or 0 <= colon < equals else equals
    if delimiter < 0:
        return None
    return content[:delimiter].rstrip(), content[delimiter + 1:].lstrip(), delimiter + 1


def split_lines(text: str) -> list[str]:
    """Lines as Python's text mode yields them: any of \\r\\n, \\r, \\n ends a line and becomes \\n."""
    if "\r" not in text:   # most files: every line ends at a \n already
        lines = [line + "\n" for line in text.split("\n")]
        last = lines.pop()   # what follows the last \n, a line of its own unless empty
        if last != "\n":
            lines.append(last[:-1])
        return lines
    lines = []
    for match in _line().finditer(text):
        line = match.group(0)
        if line.endswith("\r"):
            line = line[:-1] + "\n"
        elif line.endswith("\r\n"):
            line = line[:-2] + "\n"
        lines.append(line)
    return lines


class IniReader:
    """Feeds files into one set of sections, like successive ConfigParser.read() calls."""

    def __init__(self, config: SupervisorConfig, ctx: ReadContext) -> None:
        self.config = config
        self.ctx = ctx
        self.by_name: dict[str, SupervisorSection] = {}
        # While a file is read its values are _Pending (continuation lines may follow);
        # _finish turns them into SupervisorValues, hence Any for the two phases.
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
        refused: list[tuple[Span, str]] = []
        for number, line in enumerate(split_lines(text), 1):
            cut = comment_start(line)
            content = line[:cut].strip()
            if not content:
                # A blank line, but not a comment line, belongs to the value being read.
                if cut is None and current is not None and option and current.get(option) is not None:
                    current[option].pieces.append("")
                continue
            lead = line.index(content[0])   # the first non-space character: strip() and \S agree
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
            header = _section_header(content)
            if header is not None:
                current = self._enter(header, Span(display, number, lead + 1, end), local_path)
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
            parsed = _option(content)
            if parsed is None:
                refused.append((Span(display, number, lead + 1, end),
                                f"line is not a [section], key=value or an indented continuation: {content!r}"))
                continue
            name, value, delimiter_end = parsed
            if not name:
                # ConfigParser keeps it under the name "" and then refuses the file: the finding
                # for the refusal is the one to report, not an unknown key "".
                refused.append((Span(display, number, lead + 1, end), "'=' with no key name before it"))
                option = None
                continue
            option = sys.intern(name.lower())   # a few key names, repeated in every section
            value_text = sys.intern(value.strip())   # values repeat too (true, QUIT)
            column = lead + 1 + len(content) - len(value_text) if value_text else lead + 1 + delimiter_end
            self._pending.append((current, option))
            current[option] = _Pending(
                pieces=[value_text],
                at=Span(display, number, column, column + len(value_text)),
                key_column=lead + 1,
                key_end=lead + 1 + len(name),
                file=local_path,
                end_line=number,
                comments=[comment] if comment else [],
            )
        if refused:
            # ConfigParser reads on past a bad line and raises once for the file, listing every
            # one: supervisord refuses the file once, and one fix pass mends them all.
            (first, message), rest = refused[0], refused[1:]
            if rest:
                message += f" (and {len(rest)} more line{'s' if len(rest) > 1 else ''} supervisord refuses in this file)"
            self.config.problems.append(Problem("syntax", message, first, related=tuple(rest)))

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
                values[key] = SupervisorValue("\n".join(value.pieces).rstrip(), value.at, value.key_column, value.key_end,
                                              value.file, value.end_line, tuple(value.comments))
        self._pending.clear()
