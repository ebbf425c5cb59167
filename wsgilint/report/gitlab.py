"""GitLab Code Quality report: a JSON array of issues, each with a description, the
rule as ``check_name``, a fingerprint, a severity and the file and line
(``location.path``, ``location.lines.begin``), for a job's ``artifacts:reports:codequality``.

Paths are as displayed: relative to the working directory, which in a GitLab job is the
checkout, as GitLab wants. GitLab keeps one issue per fingerprint, so a repeated finding
(the same rule on the same text in one file) gets the occurrence number in its
fingerprint. A finding on no file of the host (``<stock>/uwsgi_params``) is placed at
its first related place in a file and says where it is. Strings are JSON-escaped so no
terminal or Actions command can hide in them (``_text.json_text``).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from ..engine import Finding
from ._text import json_text

if TYPE_CHECKING:
    from ..api import CheckResult

# GitLab's scale is info, minor, major, critical, blocker; blocker is left for what stops a merge.
SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def _issue(finding: Finding, occurrence: int) -> dict[str, Any]:
    at = finding.at
    description = f"{finding.code} {finding.slug}: {finding.message}"
    if not at.in_a_file:
        in_file = next((related.at for related in finding.related if related.at.in_a_file), None)
        description += f" (at {at})"
        at = in_file or at
    description += "".join(f" ({related.at}: {related.message})" for related in finding.related)
    fingerprint = finding.fingerprint
    if occurrence:
        fingerprint = hashlib.sha256(f"{fingerprint}\0{occurrence}".encode()).hexdigest()[:16]
    return {
        "description": description,
        "check_name": finding.code,
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "location": {"path": at.path, "lines": {"begin": at.line or 1}},
    }


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    seen: Counter[str] = Counter()
    issues = []
    for finding in result.findings:
        issues.append(_issue(finding, seen[finding.fingerprint]))
        seen[finding.fingerprint] += 1
    out.write(json_text(issues) + "\n")
