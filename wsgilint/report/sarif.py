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

Each related place in a file is linked from the message (``[path:line](1)``, SARIF's
embedded links, so viewers make it clickable); brackets of the message itself are escaped
as the format asks. Every rule that ran is listed with its summary, tags, a
``security-severity`` for the rules about exposure, and ``helpUri``: its page,
``docs/rules/CODE.md`` under the repository named in the package metadata
(``project.urls`` in pyproject.toml). Only the rules that reported carry their whole page
as ``help``; the others a line and the link, so the log stays small. A finding a suppression comment turned off is a
result too, with ``suppressions: [{"kind": "inSource", "justification": reason}]``: code
scanning shows it as dismissed, not gone.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..engine import Finding, Rule, Suppressed
from ..model import Span
from ._text import write_json

if TYPE_CHECKING:
    from ..api import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# v2: the fingerprint is made of the rule, the path relative to the checked root and the line's text.
FINGERPRINT_KEY = "wsgilint/v2"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# The rules about who can reach or run what. GitHub ranks a result with a security-severity
# as a security alert (7.0 and up: high), so the other rules carry none.
SECURITY_RULES = frozenset({"C101", "D101", "E008", "G103", "G106", "N103", "N106", "N111", "S103", "S104", "S105",
                            "U108", "U109", "U113", "U114", "U115"})
_SECURITY_SEVERITY = {"error": "8.0", "warning": "5.0", "info": "2.0"}
_FAMILY = {"D": "systemd", "E": "input", "G": "gunicorn", "L": "suppression", "N": "nginx", "S": "supervisor",
           "U": "uwsgi", "X": "cross-file", "C": "container"}


@cache
def repository_url() -> str | None:
    """The repository named in the package metadata (``project.urls``), without a trailing slash."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("wsgilint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    named = dict(tuple(part.strip() for part in url.split(",", 1)) for url in urls if "," in url)
    url = named.get("Repository") or named.get("Source")
    return url.rstrip("/") if url else None


def rule_url(code: str) -> str | None:
    """The stable address of a rule's page: ``docs/rules/CODE.md`` on the main branch."""
    base = repository_url()
    return f"{base}/blob/main/docs/rules/{code}.md" if base else None


def escaped(text: str) -> str:
    # SARIF message text: a bracket that does not delimit an embedded link is escaped.
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


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


def _result(finding: Finding, rule_index: dict[str, int], suppressed_by: str | None = None) -> dict[str, Any]:
    in_files = [related for related in finding.related if related.at.in_a_file]
    elsewhere = [related for related in finding.related if not related.at.in_a_file]
    text = escaped(finding.message)
    primary: dict[str, Any] | None
    if finding.at.in_a_file:
        primary = _location(finding.at)
    else:
        # Code scanning refuses a result without a location: it is shown at the first
        # related place in a file, and says where it really is.
        text += escaped(f" (at {finding.at})")
        primary = _location(in_files.pop(0).at) if in_files else None
    text += "".join(f" ([{escaped(str(r.at))}]({number}): {escaped(r.message)})"
                    for number, r in enumerate(in_files, start=1))
    text += "".join(escaped(f" ({related.at}: {related.message})") for related in elsewhere)
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
    if suppressed_by is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": suppressed_by}] if suppressed_by else \
            [{"kind": "inSource"}]
    return result


def _pascal(slug: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in slug.split("-"))


def _descriptor(rule: Rule, fired: bool) -> dict[str, Any]:
    paragraphs = [p.strip() for p in rule.doc.split("\n\n") if p.strip()]
    tags = [_FAMILY.get(rule.code[:1], "other")] + (["security"] if rule.code in SECURITY_RULES else [])
    properties: dict[str, Any] = {"slug": rule.slug, "tags": tags}
    if rule.code in SECURITY_RULES:
        properties["security-severity"] = _SECURITY_SEVERITY[rule.severity]
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": _pascal(rule.slug),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": paragraphs[0] if paragraphs and fired else rule.summary},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": properties,
    }
    url = rule_url(rule.code)
    if url:
        descriptor["helpUri"] = url
    if fired:
        descriptor["help"] = {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary}
    else:
        # Code scanning wants help on every rule: a rule that did not report points to its page.
        # Plain text only: a reader of the markdown has helpUri one click away, and the
        # document stays small however many rules there are.
        page = f" Its page: {url}" if url else ""
        descriptor["help"] = {"text": rule.summary + page}
    return descriptor


_RESULTS = "\0results"


def _log(findings: list[Finding], rules: list[Rule], working_directory: str,
         suppressed: list[Suppressed] | None) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """The SARIF log with a placeholder for its results, and the results one by one."""
    rule_index = {rule.code: number for number, rule in enumerate(rules)}
    fired = {f.code for f in findings} | {s.finding.code for s in suppressed or ()}
    base = working_directory.rstrip("/") + "/"
    results = chain((_result(finding, rule_index) for finding in findings),
                    (_result(s.finding, rule_index, s.by.reason) for s in suppressed or ()))
    driver: dict[str, Any] = {
        "name": "wsgilint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_descriptor(rule, rule.code in fired) for rule in rules],
    }
    if repository_url():
        driver["informationUri"] = repository_url()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + _uri_path(base)}},
            "columnKind": "unicodeCodePoints",
            "results": _RESULTS,
        }],
    }, results


def document(findings: list[Finding], rules: list[Rule], working_directory: str,
             suppressed: list[Suppressed] | None = None) -> dict[str, Any]:
    """The SARIF log of ``findings`` (and of the ``suppressed`` ones, marked so), paths
    relative to ``working_directory``."""
    log, results = _log(findings, rules, working_directory, suppressed)
    log["runs"][0]["results"] = list(results)
    return log


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    # The results are written one by one: a fleet's log is never held whole, as objects or as text.
    log, results = _log(result.findings, result.rules, os.getcwd(), result.suppressed)
    write_json(out, log, {_RESULTS: results})
