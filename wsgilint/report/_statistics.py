"""``--statistics``: how many findings each rule reported, and how many suppression
comments turned off, instead of the findings themselves."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from ._source import totals
from ._text import json_text

if TYPE_CHECKING:
    from ..api import CheckResult


def rows(result: CheckResult) -> list[dict[str, Any]]:
    """One row a rule that reported or was suppressed: code, slug, severity, count, suppressed."""
    found = Counter(f.code for f in result.findings)
    suppressed = Counter(s.finding.code for s in result.suppressed)
    names = {f.code: (f.slug, f.severity) for f in [*result.findings, *(s.finding for s in result.suppressed)]}
    return [{"code": code, "slug": names[code][0], "severity": names[code][1], "count": found[code],
             "suppressed": suppressed[code]}
            for code in sorted(names, key=lambda code: (-found[code], -suppressed[code], code))]


def render_statistics(result: CheckResult, out: TextIO, as_json: bool, quiet: bool = False) -> None:
    table = rows(result)
    if as_json:
        out.write(json_text(table) + "\n")
        return
    for row in table:
        note = f"  ({row['suppressed']} suppressed)" if row["suppressed"] else ""
        out.write(f"{row['count']:>5}  {row['code']}  {row['severity']:<7}  {row['slug']}{note}\n")
    if not quiet:
        out.write(totals(result) + "\n")
