"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Each finding is a result at its file and line, with the places it was cross-checked
against as related locations and wsgilint's line-independent fingerprint. Paths under
the working directory are relative to ``%SRCROOT%`` (the checkout, for code scanning);
others are absolute ``file:`` URIs. A location that is no file of the host, such as
nginx's packaged ``<stock>/uwsgi_params``, is named in the message instead. Columns
count characters, as wsgilint's do (``columnKind`` says so). The output passes the SARIF
Multitool's validation with its GitHub ingestion rules (``tests/test_sarif.py``).

A file name that is not UTF-8 keeps its bytes in URIs (``%FF``); in messages, which must
be UTF-8 text, such a byte is shown as ``\\xff`` (``_text.json_text``).
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..engine import Finding, Rule
from ..model import Span
from ._text import write_json

if TYPE_CHECKING:
    from ..api import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "wsgilint/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri_path(path: str) -> str:
    # The bytes of the name: a byte that is not UTF-8 (kept by os.fsdecode as a lone
    # surrogate) is percent-encoded as itself, so the URI names the very file.
    return quote(path.encode("utf-8", "surrogateescape"))


def _artifact(path: str) -> dict[str, Any]:
    if os.path.isabs(path):
        return {"uri": "file://" + _uri_path(path)}
    return {"uri": _uri_path(path), "uriBaseId": "%SRCROOT%"}


def _location(at: Span, message: str | None = None) -> dict[str, Any]:
    # A finding about a whole file (line 0: a binary or unreadable file) starts at line 1,
    # the form SARIF viewers expect for the whole artifact.
    region = {"startLine": at.line or 1}
    if at.line and at.column:
        region["startColumn"] = at.column
        if at.end_column > at.column:
            region["endColumn"] = at.end_column
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": _artifact(at.path), "region": region}}
    if message:
        location["message"] = {"text": message}
    return location


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    in_files = [related for related in finding.related if related.at.in_a_file]
    elsewhere = [related for related in finding.related if not related.at.in_a_file]
    text = finding.message
    primary: dict[str, Any] | None
    if finding.at.in_a_file:
        primary = _location(finding.at)
    else:
        # Code scanning refuses a result without a location: it is shown at the first
        # related place in a file, and says where it really is.
        text += f" (at {finding.at})"
        primary = _location(in_files.pop(0).at) if in_files else None
    text += "".join(f" ({related.at}: {related.message})" for related in elsewhere)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [primary] if primary else [],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if in_files:
        result["relatedLocations"] = [dict(_location(r.at, r.message), id=number)
                                      for number, r in enumerate(in_files, start=1)]
    return result


def _pascal(slug: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in slug.split("-"))


def _descriptor(rule: Rule) -> dict[str, Any]:
    paragraphs = [p.strip() for p in rule.doc.split("\n\n") if p.strip()]
    return {
        "id": rule.code,
        "name": _pascal(rule.slug),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": paragraphs[0] if paragraphs else rule.summary},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"slug": rule.slug},
    }


def document(findings: list[Finding], rules: list[Rule], working_directory: str) -> dict[str, Any]:
    """The SARIF log of ``findings``, paths relative to ``working_directory``."""
    rule_index = {rule.code: number for number, rule in enumerate(rules)}
    log = _log(rules, working_directory, [])
    log["runs"][0]["results"] = [_result(finding, rule_index) for finding in findings]
    return log


def _log(rules: list[Rule], working_directory: str, results: object) -> dict[str, Any]:
    base = working_directory.rstrip("/") + "/"
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "wsgilint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(rule) for rule in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + _uri_path(base)}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(result: CheckResult, out: TextIO) -> None:
    # Results are written one by one (``_text.write_json``), not held as one document.
    rule_index = {rule.code: number for number, rule in enumerate(result.rules)}
    placeholder = "\0results\0"
    write_json(out, _log(result.rules, os.getcwd(), placeholder),
               {placeholder: (_result(finding, rule_index) for finding in result.findings)})
