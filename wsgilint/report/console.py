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
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from ..engine import Finding
from ..model import Span
from ._source import Snippet, Sources, totals
from ._text import shown

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..api import CheckResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_INDENT = "    "


def console_for(out: TextIO) -> tuple[Console, int | None]:
    """A rich console on ``out`` and the width to wrap at (None: do not wrap)."""
    from rich.console import Console

    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if console.is_terminal:
        return console, console.width
    columns = os.environ.get("COLUMNS", "")
    return console, int(columns) if columns.isdigit() and int(columns) > 20 else None


def _wrapped(console: Console, text: Text, first: str, width: int | None) -> None:
    """``text`` after ``first``, continued under its start (a hanging indent)."""
    from rich.text import Text

    if width is None:
        console.print(Text(first) + text)
        return
    for number, line in enumerate(text.wrap(console, max(width - len(first), 20))):
        line.rstrip()
        console.print(Text(first if number == 0 else " " * len(first)) + line)


def _snippets(console: Console, places: list[tuple[Snippet | None, str]], gutter: int) -> None:
    from rich.text import Text

    for snippet, style in places:
        if snippet is None:
            continue
        console.print(Text.assemble(_INDENT, (f"{snippet.number:>{gutter}} | ", "blue"), snippet.line))
        if snippet.underline:
            console.print(Text.assemble(_INDENT, (f"{'':>{gutter}} | ", "blue"), (snippet.underline, style)))


def _finding(console: Console, finding: Finding, sources: Sources, width: int | None) -> None:
    from rich.text import Text

    style = _STYLE[finding.severity]
    console.print(Text.assemble(
        (shown(str(finding.at)), "bold"), ": ", (finding.severity, style), " ",
        (finding.code, "bold"), " ", (finding.slug, "dim"),
    ))
    _wrapped(console, Text(shown(finding.message)), _INDENT, width)
    ends: list[tuple[Span, str]] = [(finding.at, style), *((r.at, "dim") for r in finding.related)]
    snippets = [sources.snippet(at) for at, _ in ends]
    gutter = max((len(str(s.number)) for s in snippets if s), default=1)
    _snippets(console, [(snippets[0], style)], gutter)
    for related, snippet in zip(finding.related, snippets[1:], strict=True):
        _wrapped(console, Text.assemble((shown(str(related.at)), "bold"), ": ", shown(related.message)),
                 _INDENT + "--> ", width)
        _snippets(console, [(snippet, "dim")], gutter)


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    from rich.text import Text

    console, width = console_for(out)
    sources = Sources(result.texts)
    for finding in result.findings:
        _finding(console, finding, sources, width)
        console.print()
    if not quiet:
        console.print(Text(totals(result), "bold"))
