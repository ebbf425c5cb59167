"""GitHub Actions workflow commands: one annotation per finding on the pull request."""
from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..api import CheckResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult, out: TextIO) -> None:
    for finding in result.findings:
        properties = [f"file={_escape_property(finding.at.path)}"]
        if finding.at.line:
            properties.append(f"line={finding.at.line}")
        if finding.at.column:
            properties.append(f"col={finding.at.column}")
        properties.append(f"title={_escape_property(f'{finding.code} {finding.slug}')}")
        message = finding.message
        if finding.related:
            message += "\n" + "\n".join(f"{r.at}: {r.message}" for r in finding.related)
        out.write(f"::{_LEVEL[finding.severity]} {','.join(properties)}::{_escape_data(message)}\n")
