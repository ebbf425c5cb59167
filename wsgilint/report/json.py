"""Machine-readable output. Keys may be added over time, never renamed.

Strings hold the checked files' text as it is (JSON escapes), except bytes of a file name
that are not UTF-8, shown as the text ``\\xff`` (see ``_text``)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__
from ..engine import FINGERPRINT_VERSION, SEVERITIES
from ._text import write_json

if TYPE_CHECKING:
    from ..api import CheckResult


_FILES = "\0files"
_FINDINGS = "\0findings"


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    summary = {severity: 0 for severity in reversed(SEVERITIES)}
    for finding in result.findings:
        summary[finding.severity] += 1
    document: dict[str, Any] = {
        "version": __version__,
        # Read by --baseline: a report without it has fingerprints of the first kind.
        "fingerprint_version": FINGERPRINT_VERSION,
        "files": _FILES,
        "findings": _FINDINGS,
        "summary": summary,
    }
    # The files and the findings are written a few at a time: a fleet's lists (15 000 files,
    # 9 000 findings at 5000 apps) are never held whole, as objects or as one string.
    files = ({"path": f.display, "kind": f.kind} for f in result.files if f.kind)
    write_json(out, document, {_FILES: files, _FINDINGS: (
            {
                "code": f.code,
                "slug": f.slug,
                "severity": f.severity,
                "message": f.message,
                "path": f.at.path,
                "line": f.at.line,
                "column": f.at.column,
                "end_column": f.at.end_column,
                "fingerprint": f.fingerprint,
                # Only where another finding shares the line (see wsgilint.baseline).
                **({"line_fingerprint": f.line_fingerprint} if f.distinct else {}),
                "related": [
                    {"path": r.at.path, "line": r.at.line, "column": r.at.column, "message": r.message}
                    for r in f.related
                ],
            }
            for f in result.findings)})
