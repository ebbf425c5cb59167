"""GitHub Actions workflow commands: one annotation per finding on the pull request."""
from __future__ import annotations

from ..engine import Finding

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding]) -> str:
    lines = []
    for finding in findings:
        properties = [f"file={_escape_property(finding.at.path)}"]
        if finding.at.line:
            properties.append(f"line={finding.at.line}")
        if finding.at.column:
            properties.append(f"col={finding.at.column}")
        properties.append(f"title={_escape_property(f'{finding.code} {finding.slug}')}")
        message = finding.message
        if finding.related:
            message += "\n" + "\n".join(f"{r.at}: {r.message}" for r in finding.related)
        lines.append(f"::{_LEVEL[finding.severity]} {','.join(properties)}::{_escape_data(message)}")
    return "\n".join(lines)
