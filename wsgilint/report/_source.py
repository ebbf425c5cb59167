"""What the text reporters say besides the findings: the offending line with the value
underlined, and the totals.

The line is taken from the text the run already read (``CheckResult.texts``): a reporter
never opens a file, so nothing outside the checked tree is read for a report. The line is
shown escaped (``_text.shown``) with tabs as spaces, and the underline is measured in
terminal cells of that shown text, so it stays under the value whatever the line holds
(escapes, wide characters).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import SEVERITIES
from ..model import Span
from ._text import shown

if TYPE_CHECKING:
    from ..api import CheckResult

# A longer line (minified, generated) is cut around the value so a snippet stays one screen line.
_MAX_SHOWN = 160
_CONTEXT = 40


# A plain class, not a NamedTuple, whose ``__new__`` is compiled with ``eval`` at import.
class Snippet:
    __slots__ = ("number", "line", "underline")

    def __init__(self, number: int, line: str, underline: str) -> None:
        self.number = number
        self.line = line              # shown, safe to print
        self.underline = underline    # spaces then carets; "" when the span has no column


# Characters every cell table of rich gives two cells: the CJK Unified Ideographs of Unicode
# 4.1 (its oldest table; UNICODE_VERSION may select it). tests/test_source_cells.py checks them.
_WIDE_FIRST, _WIDE_LAST = "\u4e00", "\u9fbb"


def _cells(text: str) -> int:
    """Terminal cells of shown text (no control characters): rich's ``cell_len``, which costs
    6 M instructions to load, counted here where the text holds only ASCII, the ideographs
    above and the ``…`` of a cut line, all one cell or two in every table of rich."""
    if text.isascii():   # shown text holds no control character: one cell each
        return len(text)
    wide = 0
    for char in text:
        if _WIDE_FIRST <= char <= _WIDE_LAST:
            wide += 1
        elif char > "\x7f" and char != "…":
            from rich.cells import cell_len

            return cell_len(text)
    return len(text) + wide


class Sources:
    """The checked files' lines, for snippets. Findings come sorted by path, and their
    other ends are mostly in a few files (an nginx.conf, a shared ini): the lines of the
    files used last are kept, never those of a whole fleet."""

    _KEPT = 32

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts
        self._lines: dict[str, list[str]] = {}

    def line(self, at: Span) -> str | None:
        lines = self._lines.pop(at.path, None)
        if lines is None:
            text = self._texts.get(at.path)
            # Lines end at LF, as every reader counts them; a CR before it is no part of the line.
            lines = text.split("\n") if text else []
            if len(self._lines) >= self._KEPT:
                del self._lines[next(iter(self._lines))]
        self._lines[at.path] = lines   # last in the dict: used most recently
        return lines[at.line - 1].removesuffix("\r") if 0 < at.line <= len(lines) else None

    def snippet(self, at: Span) -> Snippet | None:
        """The line ``at`` points at, as read, with its value underlined; None when there is no such line."""
        line = self.line(at)
        return None if line is None else _snippet(at, line)


def _snippet(at: Span, line: str) -> Snippet:
    start = max(at.column - 1, 0)
    end = max(at.end_column - 1, start + 1) if at.column else start
    prefix, value, rest = (part.replace("\t", "    ") for part in (line[:start], line[start:end], line[end:]))
    if len(line) > _MAX_SHOWN:
        prefix = ("…" + prefix[-_CONTEXT:]) if len(prefix) > _CONTEXT else prefix
        value = value[:_MAX_SHOWN - 2 * _CONTEXT]
        rest = (rest[:_CONTEXT] + "…") if len(rest) > _CONTEXT else rest
    shown_prefix, shown_value = shown(prefix), shown(value)
    underline = " " * _cells(shown_prefix) + "^" * max(_cells(shown_value), 1) if at.column else ""
    return Snippet(at.line, (shown_prefix + shown_value + shown(rest)).rstrip(), underline)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def totals(result: CheckResult) -> str:
    """``3 errors, 2 warnings in 14 files`` (with what suppression comments hid, if any)."""
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in result.findings:
        counts[finding.severity] += 1
    parts = [plural(counts[s], s) for s in reversed(SEVERITIES) if counts[s]]
    files = sum(1 for f in result.files if f.kind)
    line = f"{', '.join(parts) or 'no findings'} in {plural(files, 'file')}"
    if result.suppressed:
        line += f" ({len(result.suppressed)} suppressed)"
    return line
