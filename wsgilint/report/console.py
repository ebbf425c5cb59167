"""The report for people, as a compiler writes one: the location, severity, code and slug;
the message; the offending line with the value underlined; then each other end of a
cross-check (``-->``) with its line, so both sides of a mismatch are on screen. A totals
line ends the report.

Messages wrap to the terminal's width with a hanging indent. Not on a terminal (a pipe,
a file) a message stays one line, for grep, unless ``COLUMNS`` gives a width. Colour is
used on a terminal, never with ``NO_COLOR``, and also off a terminal with ``FORCE_COLOR``
(rich reads both).

Text from the checked files is shown escaped (``_text.shown``) and handed to rich as
plain ``Text``, never as markup: rich would read ``[bold]`` in a config value as a style
(or fail on an unmatched ``[/bold]``) and ``:smile:`` as an emoji.

Rich decides the colours and wraps the messages; the lines are assembled here. Printing
each piece through rich costs more than the whole check on a fleet's ten thousand
findings, so rich renders each style once (``_Styles``) and every line is plain string
work, written a finding at a time.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from ..engine import Finding
from ._source import Snippet, Sources, totals
from ._text import shown

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..api import CheckResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_INDENT = "    "

# A line as pieces of text, each with the rich style it is printed in ("" for none).
Pieces = list[tuple[str, str]]


def console_for(out: TextIO) -> tuple[Console, int | None]:
    """A rich console on ``out`` and the width to wrap at (None: do not wrap)."""
    from rich.console import Console

    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if console.is_terminal:
        return console, console.width
    columns = os.environ.get("COLUMNS", "")
    return console, int(columns) if columns.isdigit() and int(columns) > 20 else None


class _Styles:
    """What rich writes around a text in each style on this console (colours or not,
    ``NO_COLOR``, the terminal's colour system), asked once per style."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._around: dict[str, tuple[str, str]] = {"": ("", "")}

    def line(self, pieces: Pieces) -> str:
        """The pieces as rich prints them, with the line break."""
        parts = []
        for text, style in pieces:
            if not text:   # rich writes nothing for an empty piece, not even its style
                continue
            before, after = self._around.get(style) or self._ask(style)
            parts.append(before + text + after)
        parts.append("\n")
        return "".join(parts)

    def _ask(self, style: str) -> tuple[str, str]:
        from rich.text import Text

        with self._console.capture() as captured:
            self._console.print(Text("x", style), end="")
        before, _, after = captured.get().partition("x")
        self._around[style] = (before, after)
        return before, after


def _pieces(line: Text) -> Pieces:
    """A wrapped line of ours as pieces: its spans neither overlap nor nest."""
    text = line.plain
    pieces: Pieces = []
    offset = 0
    for span in sorted(line.spans, key=lambda span: span.start):
        start, end = min(span.start, len(text)), min(span.end, len(text))
        pieces.append((text[offset:start], ""))
        pieces.append((text[start:end], str(span.style)))
        offset = end
    pieces.append((text[offset:], ""))
    return pieces


def _wrapped(console: Console, styles: _Styles, pieces: Pieces, first: str, width: int | None) -> list[str]:
    """``pieces`` after ``first``, continued under its start (a hanging indent)."""
    if width is None:
        return [styles.line([(first, ""), *pieces])]
    from rich.text import Text

    lines = []
    for number, line in enumerate(Text.assemble(*pieces).wrap(console, max(width - len(first), 20))):
        line.rstrip()
        lines.append(styles.line([(first if number == 0 else " " * len(first), ""), *_pieces(line)]))
    return lines


def _snippet(styles: _Styles, snippet: Snippet | None, style: str, gutter: int) -> list[str]:
    if snippet is None:
        return []
    lines = [styles.line([(_INDENT, ""), (f"{snippet.number:>{gutter}} | ", "blue"), (snippet.line, "")])]
    if snippet.underline:
        lines.append(styles.line([(_INDENT, ""), (f"{'':>{gutter}} | ", "blue"), (snippet.underline, style)]))
    return lines


def _finding(console: Console, styles: _Styles, finding: Finding, sources: Sources, width: int | None) -> str:
    style = _STYLE[finding.severity]
    lines = [styles.line([(shown(str(finding.at)), "bold"), (": ", ""), (finding.severity, style), (" ", ""),
                          (finding.code, "bold"), (" ", ""), (finding.slug, "dim")])]
    lines += _wrapped(console, styles, [(shown(finding.message), "")], _INDENT, width)
    snippets = [sources.snippet(finding.at), *(sources.snippet(related.at) for related in finding.related)]
    gutter = max((len(str(s.number)) for s in snippets if s), default=1)
    lines += _snippet(styles, snippets[0], style, gutter)
    for related, snippet in zip(finding.related, snippets[1:], strict=True):
        lines += _wrapped(console, styles, [(shown(str(related.at)), "bold"), (": ", ""), (shown(related.message), "")],
                          _INDENT + "--> ", width)
        lines += _snippet(styles, snippet, "dim", gutter)
    lines.append("\n")
    return "".join(lines)


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    console, width = console_for(out)
    styles = _Styles(console)
    sources = Sources(result.texts)
    for finding in result.findings:
        out.write(_finding(console, styles, finding, sources, width))
    if not quiet:
        out.write(styles.line([(totals(result), "bold")]))
