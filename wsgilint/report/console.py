"""The report for people: location, code and slug, the message, and the other end of
each cross-check indented under it. Plain text when not on a terminal or NO_COLOR.

Text from the checked files is shown escaped (``_text.shown``) and handed to rich as
plain ``Text``, never as markup: rich would read ``[bold]`` in a config value as a style
(or fail on an unmatched ``[/bold]``) and ``:smile:`` as an emoji.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from ..engine import SEVERITIES
from ._text import shown

if TYPE_CHECKING:
    from ..api import CheckResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _lines(result: CheckResult) -> Iterator[list[tuple[str, str]]]:
    """Each line of the report as (text, style) parts; text from the checked files is escaped."""
    findings = result.findings
    for finding in findings:
        yield [(shown(str(finding.at)), "bold"), (": ", ""), (finding.severity, _STYLE[finding.severity]), (" ", ""),
               (finding.code, "bold"), (" ", ""), (finding.slug, "dim")]
        yield [("    " + shown(finding.message), "")]
        for related in finding.related:
            yield [("    ", ""), ("-->", "dim"), (" " + shown(str(related.at)) + ": " + shown(related.message), "")]
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] += 1
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in reversed(SEVERITIES)]
    if findings:
        yield []
    file_count = sum(1 for f in result.files if f.kind)
    yield [(f"{', '.join(parts)} in {file_count} file{'s' if file_count != 1 else ''} checked", "")]


def render(result: CheckResult, out: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True)
    if console.color_system is None:
        # Not a terminal: rich would print the text as it is, one render pass per line
        # (seconds for a fleet's ten thousand findings); the buffered stream takes the lines here.
        for line in _lines(result):
            out.write("".join(text for text, _ in line) + "\n")
        return
    for line in _lines(result):
        console.print(Text.assemble(*line))
