"""JUnit XML, for the test report views of GitLab (``artifacts:reports:junit``), Jenkins
and other CI servers: one test suite per checked file, one failing test case per finding
in it, and one passing test case for a file without findings, so the report also shows
what was checked.

The elements and attributes are the ones the JUnit schema that Jenkins' xUnit plugin and
GitLab read allows (``testsuites`` > ``testsuite`` [name, file, tests, failures, errors,
skipped, time] > ``testcase`` [name, classname, time] > ``failure`` [type, message]);
``tests/test_junit.py`` checks the output against those rules. GitLab names a test by its
classname (the file) and name, and keeps only the first of two equal ones, so a name
carries the code, slug and place, and a repeat gets a number.

Text from the checked files is shown escaped (``_text.shown``): XML 1.0 cannot hold most
control characters at all, and the escapes keep terminals and the Actions runner safe
when the report is printed.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from ..engine import Finding
from ._text import shown

if TYPE_CHECKING:
    from ..api import CheckResult


# The characters XML 1.0 cannot hold that ``shown`` leaves as they are.
_NOT_XML = re.compile("[\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", shown(text))


def _failure_text(finding: Finding) -> str:
    lines = [f"{_xml(str(finding.at))}: {finding.severity} {finding.code} {finding.slug}", _xml(finding.message)]
    lines += [f"--> {_xml(str(related.at))}: {_xml(related.message)}" for related in finding.related]
    return "\n".join(lines)


def render(result: CheckResult, out: TextIO, quiet: bool = False) -> None:
    by_file: dict[str, list[Finding]] = {f.display: [] for f in result.files if f.kind}
    for finding in result.findings:
        by_file.setdefault(finding.at.path, []).append(finding)
    root = ElementTree.Element("testsuites", name="wsgilint", tests="0", failures="0", errors="0", time="0")
    total = failed = 0
    for path, findings in by_file.items():
        name = _xml(path)
        suite = ElementTree.SubElement(root, "testsuite", name=name, file=name, tests=str(max(len(findings), 1)),
                                       failures=str(len(findings)), errors="0", skipped="0", time="0")
        if not findings:
            ElementTree.SubElement(suite, "testcase", name="no findings", classname=name, time="0")
        seen: Counter[str] = Counter()
        for finding in findings:
            place = f"{finding.at.line}:{finding.at.column}" if finding.at.column else str(finding.at.line)
            case_name = f"{finding.code} {finding.slug} at {place}"
            seen[case_name] += 1
            if seen[case_name] > 1:
                case_name += f" ({seen[case_name]})"
            case = ElementTree.SubElement(suite, "testcase", name=case_name, classname=name, time="0")
            failure = ElementTree.SubElement(case, "failure", type=finding.severity, message=_xml(finding.message))
            failure.text = _failure_text(finding)
        total += max(len(findings), 1)
        failed += len(findings)
    root.set("tests", str(total))
    root.set("failures", str(failed))
    ElementTree.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n")
