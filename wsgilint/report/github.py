"""GitHub Actions workflow commands: one annotation per finding on the pull request.

Values are escaped as GitHub's toolkit does (``escapeData``/``escapeProperty`` of
@actions/core, undone by the runner), so a ``%``, newline, ``:`` or ``,`` in a file name
or message cannot end the command early or add a property. Text from the checked files
is first shown escaped (``_text.shown``), as in the console: its own newlines become
``\\n``, so the only line breaks in an annotation are the ones between a finding and its
related places, and no ``##[`` (the runner's legacy command syntax) is left in a line.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from ._text import shown

if TYPE_CHECKING:
    from ..api import CheckResult

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    for finding in result.findings:
        properties = [f"file={escape_property(shown(finding.at.path))}"]
        if finding.at.line:
            properties.append(f"line={finding.at.line}")
        if finding.at.column:
            properties.append(f"col={finding.at.column}")
        properties.append(f"title={escape_property(f'{finding.code} {finding.slug}')}")
        message = "\n".join([shown(finding.message)] +
                            [f"{shown(str(r.at))}: {shown(r.message)}" for r in finding.related])
        out.write(f"::{_LEVEL[finding.severity]} {','.join(properties)}::{escape_data(message)}\n")
