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

When rich would print the text as it is (no terminal, nothing forcing colour or a width),
the lines are written without it: loading rich and rendering through it was a good part
of the time a small check takes.
"""
from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Iterable, Iterator
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
# rich's own variables for a terminal, colour and the width (``console_for``).
_RICH_ENVIRONMENT = ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS")


# A plain class, not a NamedTuple, whose ``__new__`` is compiled with ``eval`` at import.
class _Line:
    __slots__ = ("pieces", "indent")

    def __init__(self, pieces: tuple[tuple[str, str], ...], indent: str = "") -> None:
        self.pieces = pieces    # text, and its rich style ("": none)
        self.indent = indent    # a hanging indent: the line wraps at the width, continued under its start


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


def _snippets(places: list[tuple[Snippet | None, str]], gutter: int) -> Iterator[_Line]:
    for snippet, style in places:
        if snippet is None:
            continue
        yield _Line(((_INDENT, ""), (f"{snippet.number:>{gutter}} | ", "blue"), (snippet.line, "")))
        if snippet.underline:
            yield _Line(((_INDENT, ""), (f"{'':>{gutter}} | ", "blue"), (snippet.underline, style)))


def _finding(finding: Finding, sources: Sources) -> Iterator[_Line]:
    style = _STYLE[finding.severity]
    yield _Line(((shown(str(finding.at)), "bold"), (": ", ""), (finding.severity, style), (" ", ""),
                 (finding.code, "bold"), (" ", ""), (finding.slug, "dim")))
    yield _Line(((shown(finding.message), ""),), _INDENT)
    ends: list[tuple[Span, str]] = [(finding.at, style), *((r.at, "dim") for r in finding.related)]
    snippets = [sources.snippet(at) for at, _ in ends]
    gutter = max((len(str(s.number)) for s in snippets if s), default=1)
    yield from _snippets([(snippets[0], style)], gutter)
    for related, snippet in zip(finding.related, snippets[1:], strict=True):
        yield _Line(((shown(str(related.at)), "bold"), (": ", ""), (shown(related.message), "")), _INDENT + "--> ")
        yield from _snippets([(snippet, "dim")], gutter)


def _lines(result: CheckResult, quiet: bool) -> Iterator[_Line]:
    sources = Sources(result.texts)
    for finding in result.findings:
        yield from _finding(finding, sources)
        yield _Line(())
    if not quiet:
        yield _Line(((totals(result), "bold"),))


def _plain(out: TextIO) -> bool:
    """Whether rich would write the text as it is: no terminal (by rich's rules), no width."""
    if any(name in os.environ for name in _RICH_ENVIRONMENT) or hasattr(builtins, "get_ipython"):
        return False
    try:
        return not out.isatty()
    except ValueError:  # closed: rich takes it for no terminal too
        return True


def _write(lines: Iterable[_Line], out: TextIO) -> None:
    """The lines as rich writes them off a terminal, failing as it does: the output already
    printed is flushed before an error; a reader that has gone ends the run with status 1."""
    try:
        try:
            for line in lines:
                out.write(line.indent + "".join(text for text, _ in line.pieces) + "\n")
        except UnicodeEncodeError as error:
            error.reason += "\n*** You may need to add PYTHONIOENCODING=utf-8 to your environment ***"
            raise
        finally:
            out.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


def _print(lines: Iterable[_Line], out: TextIO) -> None:
    from rich.text import Text

    console, width = console_for(out)
    for line in lines:
        text = Text.assemble(*line.pieces)
        if line.indent:
            _wrapped(console, text, line.indent, width)
        else:
            console.print(text)


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    (_write if _plain(out) else _print)(_lines(result, quiet), out)
