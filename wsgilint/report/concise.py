"""One line a finding, for editors, grep and quick scans:
``path:line:column: severity CODE message [-> other end]``, then the totals line.

Text from the checked files is shown escaped (``_text.shown``), so its newlines cannot
start a line of their own."""
from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ._source import totals
from ._text import shown

if TYPE_CHECKING:
    from ..api import CheckResult


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    for finding in result.findings:
        ends = "".join(f" [--> {shown(str(related.at))}]" for related in finding.related)
        out.write(f"{shown(str(finding.at))}: {finding.severity} {finding.code} {shown(finding.message)}{ends}\n")
    if not quiet:
        out.write(totals(result) + "\n")
