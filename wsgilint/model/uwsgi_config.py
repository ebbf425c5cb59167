"""The configuration one uWSGI start reads, as uWSGI's INI lexer saw it.

uWSGI's INI reader has pitfalls of its own: a header line is the name minus its first and
last character whatever they are (``[uwsgi] ; main`` names ``uwsgi] ; mai``), only whole
lines are comments (``master = false # x`` keeps the comment and is true), and every ``%``
with the character after it is replaced in the raw text before lines are read (an unknown
``%X`` becomes empty, a ``%`` at the end of a line joins the next one). The facts here are
computed once from the reader's output, so rules about those pitfalls never read text.

This module imports nothing of the model package itself, so ``AppServer`` can name it.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..core.option import Option
from ..core.record import dataclass
from ..core.span import Span
from ..readers.uwsgi_ini import IniComment, IniSection, placeholder_names
from .uwsgi_options import handler

# Magic variables uWSGI defines (sources.md §2.3); every other `%X` becomes an empty string.
MAGIC_LETTERS = frozenset("opsdcenxOPSDCENX0123456789hkuUgGtTvVbijIJ[%(")
# A comment uWSGI keeps in the value: `#` or `;` starting it or after a space or TAB.


# What a comment says of the lines below it when they are for development, not production;
# compiled on first use, as most uWSGI configs have no comment there.
@functools.cache
def _development() -> re.Pattern[str]:
    return re.compile(r"(?<![/\w])dev(elopment)?\b|\bnot\s+(for|in)\s+production\b|\bnot\s+use\s+in\s+production\b"
                      r"|\b(remove|disable)\b.*\bproduction\b|\bdebug(ging)?\s+only\b", re.I)


@dataclass(frozen=True, slots=True)
class UwsgiHeader:
    """A section header line."""

    name: str                 # as uWSGI computes it: the line minus its first and last character
    at: Span
    meant: str | None         # the name the author meant, when uWSGI reads another one ([uwsgi] ; x)


@dataclass(frozen=True, slots=True)
class UwsgiComment:
    """A whole-line comment (the only comments uWSGI knows)."""

    text: str
    at: Span
    joins_next_line: bool     # it ends with `%`: uWSGI joins the next line, and its option, to it


@dataclass(frozen=True, slots=True)
class UwsgiInlineComment:
    """A `# ...` or `; ...` after a value, which uWSGI keeps as part of the value."""

    at: Span                  # from the `#`/`;` to the end of the value
    text: str                 # what uWSGI keeps: `# four`
    before: str               # the value meant: the text before the comment, trimmed


@dataclass(frozen=True, slots=True)
class UwsgiStrayPercent:
    """The ``%`` of a value that are no magic variable: uWSGI deletes them, or joins lines."""

    at: Span                  # the first of them and the character after it
    written: tuple[str, ...]  # each as written with its next character: `%Y`, `%m`
    joins_next_line: bool     # one ends a line: uWSGI joins the next line to the value
    strftime: bool            # the value is a strftime format (log-date): every `%X` but `%%` is stray


@dataclass(frozen=True, slots=True)
class UwsgiIniValue:
    """One option written in an INI file, with what uWSGI's INI lexer does to it."""

    option: Option
    written: str              # the value's first line as written
    inline_comment: UwsgiInlineComment | None
    stray_percent: UwsgiStrayPercent | None


@dataclass(frozen=True, slots=True)
class UwsgiConfig:
    """The config files one uWSGI start reads (``--ini app.ini``, or a command line's)."""

    path: str                          # the file started with, or the file holding the command line
    section: str                       # the section uWSGI looks for
    section_found: bool                # uWSGI read at least one option of that section
    ini_files: frozenset[str]          # display paths of the INI files read
    headers: tuple[UwsgiHeader, ...]
    comments: tuple[UwsgiComment, ...]
    ini_options: tuple[Option, ...]    # the options written in those INI files, in the order applied
    # What the INI lexer does to the few of them it changes, by index in ``ini_options``: the
    # inline comment kept and the stray ``%`` of each (computed once, when the model is built).
    lexed: tuple[tuple[int, UwsgiInlineComment | None, UwsgiStrayPercent | None], ...]

    def development_heading(self, at: Span) -> UwsgiComment | None:
        """A comment between the option at ``at`` and the line written before it that marks it
        as meant for development (`# DO NOT USE IN PRODUCTION`, `# Development settings
        (remove in production)`): the author's own word that this is no production setting."""
        before = max((o.at.line for o in self.ini_options if o.at.path == at.path and o.at.line < at.line),
                     default=0)
        before = max([before, *(h.at.line for h in self.headers if h.at.path == at.path and h.at.line < at.line)])
        return next((c for c in self.comments if c.at.path == at.path and before < c.at.line < at.line
                     and _development().search(c.text)), None)

    def commented_out_uses(self) -> dict[str, UwsgiComment]:
        """Each name a whole-line comment uses as ``%(name)``, with the first such comment: an
        option the author commented out, which read a placeholder its file may still set."""
        uses: dict[str, UwsgiComment] = {}
        for comment in self.comments:
            if "%(" in comment.text:
                for name in placeholder_names(comment.text):
                    uses.setdefault(name, comment)
        return uses

    @property
    def changed_values(self) -> tuple[UwsgiIniValue, ...]:
        """The options written in the INI files that uWSGI's INI lexer changes (an inline
        comment kept, a stray ``%``), in the order applied, each with what it does to them.
        Built when asked from ``lexed``: a fleet has tens of thousands of options and next
        to none of them is changed."""
        options = self.ini_options
        return tuple(UwsgiIniValue(options[index], options[index].raw.split("\n", 1)[0], comment, percent)
                     for index, comment, percent in self.lexed)


def uwsgi_config(path: str, section: str, section_found: bool, sections: Iterable[IniSection],
                 comments: Iterable[IniComment], options: Iterable[Option]) -> UwsgiConfig:
    """The model's view of a reading of ``uwsgi --ini path:section`` or of a command line."""
    headers = tuple(UwsgiHeader(s.name, s.at, _meant(s.name, section)) for s in sections)
    ini_files = frozenset(header.at.path for header in headers)
    ini_options = tuple(option for option in options if option.at.path in ini_files)
    lexed = []
    for index, option in enumerate(ini_options):
        raw = option.raw
        # Its first line holds "#" or ";" only if the whole text does (most options: no split).
        comment = _inline_comment(option, raw.split("\n", 1)[0]) if "#" in raw or ";" in raw else None
        percent = _stray_percent(option) if "%" in raw else None
        if comment is not None or percent is not None:
            lexed.append((index, comment, percent))
    return UwsgiConfig(
        path=path,
        section=section,
        section_found=section_found,
        ini_files=ini_files,
        headers=headers,
        comments=tuple(UwsgiComment(c.text, c.at, bool(c.at.column and not c.at.end_column)) for c in comments),
        ini_options=ini_options,
        lexed=tuple(lexed),
    )


def _meant(name: str, wanted: str) -> str | None:
    """The name the author meant, when uWSGI reads the header as another one."""
    meant = name.split("]", 1)[0].strip() if "]" in name else name.strip()
    if meant != name and meant:
        return meant
    if name.lower() == wanted.lower() and name != wanted:
        return wanted
    return None


def _comment_start(written: str) -> int:
    """Where the first ``#`` or ``;`` that starts the value or follows a space or tab is, -1
    where none does: what ``(?:^|[ \\t])([#;])`` finds, without compiling it (0.3 M
    instructions; tests/test_startup_patterns.py compares the two)."""
    first = -1
    for char in "#;":
        index = written.find(char)
        while index > 0 and written[index - 1] not in " \t":
            index = written.find(char, index + 1)
        if index >= 0 and (first < 0 or index < first):
            first = index
    return first


def _inline_comment(option: Option, written: str) -> UwsgiInlineComment | None:
    if "#" not in written and ";" not in written:
        return None   # most options: no search
    start = _comment_start(written)
    if start < 0:
        return None
    at = option.at
    return UwsgiInlineComment(Span(at.path, at.line, at.column + start if at.column else 0, at.end_column),
                              written[start:], written[:start].rstrip(" \t"))


def _stray_percent(option: Option) -> UwsgiStrayPercent | None:
    raw = option.raw
    if "%" not in raw:
        return None
    strftime = handler(option.key) == "log_date"
    found: list[int] = []
    joins = False
    index = 0
    while index < len(raw):
        if raw[index] != "%":
            index += 1
            continue
        after = raw[index + 1] if index + 1 < len(raw) else ""
        if after in ("\n", ""):
            found.append(index)
            joins = joins or after == "\n"
        elif after not in "%(" and (strftime or after not in MAGIC_LETTERS):
            found.append(index)
        index += 2
    if not found:
        return None
    at = option.at
    column = at.column + found[0] if at.column else 0
    return UwsgiStrayPercent(Span(at.path, at.line, column, column + 2 if column else 0),
                             tuple(raw[i:i + 2] for i in found), joins, strftime)
