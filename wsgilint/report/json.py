"""Machine-readable output. Keys may be added over time, never renamed.

Strings hold the checked files' text as it is (JSON escapes), except bytes of a file name
that are not UTF-8, shown as the text ``\\xff`` (see ``_text``)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__
from ..engine import SEVERITIES, Finding
from ._text import write_json

if TYPE_CHECKING:
    from ..api import CheckResult


# Stand-ins for the two long lists, written item by item (``_text.write_json``).
_FILES, _FINDINGS = "\0files\0", "\0findings\0"


def _findings(findings: list[Finding]) -> Iterator[dict[str, Any]]:
    for f in findings:
        yield {
            "code": f.code,
            "slug": f.slug,
            "severity": f.severity,
            "message": f.message,
            "path": f.at.path,
            "line": f.at.line,
            "column": f.at.column,
            "end_column": f.at.end_column,
            "fingerprint": f.fingerprint,
            "related": [
                {"path": r.at.path, "line": r.at.line, "column": r.at.column, "message": r.message}
                for r in f.related
            ],
        }


def render(result: CheckResult, out: TextIO) -> None:
    summary = {severity: 0 for severity in reversed(SEVERITIES)}
    for finding in result.findings:
        summary[finding.severity] += 1
    document = {"version": __version__, "files": _FILES, "findings": _FINDINGS, "summary": summary}
    write_json(out, document, {
        _FILES: ({"path": f.display, "kind": f.kind} for f in result.files if f.kind),
        _FINDINGS: _findings(result.findings),
    })
