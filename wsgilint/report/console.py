"""The report for people: location, code and slug, the message, and the other end of
each cross-check indented under it. Plain text when not on a terminal or NO_COLOR."""
from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ..engine import SEVERITIES

if TYPE_CHECKING:
    from ..api import CheckResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(result: CheckResult, out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    findings = result.findings
    file_count = sum(1 for f in result.files if f.kind)
    console = Console(file=out, highlight=False, soft_wrap=True)
    for finding in findings:
        style = _STYLE[finding.severity]
        console.print(
            f"[bold]{escape(str(finding.at))}[/]: [{style}]{finding.severity}[/] "
            f"[bold]{finding.code}[/] [dim]{finding.slug}[/]"
        )
        console.print(f"    {escape(finding.message)}")
        for related in finding.related:
            console.print(f"    [dim]-->[/] {escape(str(related.at))}: {escape(related.message)}")
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] += 1
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in reversed(SEVERITIES)]
    if findings:
        console.print()
    console.print(f"{', '.join(parts)} in {file_count} file{'s' if file_count != 1 else ''} checked")
