"""``--format junit`` and ``--format gitlab``: reports that CI servers read.

JUnit: the output is checked against the rules of the JUnit schema that Jenkins' xUnit
plugin publishes (junit-10.xsd) and GitLab's parser reads: which element may hold which,
which attributes each may carry and which it must, and the time format. GitLab names a
test by classname and name and drops a repeat, so those pairs must be unique.

GitLab Code Quality: the fields GitLab requires on each issue, its severity names, and one
issue per fingerprint (GitLab keeps one of two issues with the same fingerprint).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from conftest import PROJECT, write_tree

# element: (children it may hold, attributes it may carry, attributes it must carry)
SCHEMA = {
    "testsuites": ({"testsuite"}, {"name", "time", "tests", "failures", "errors"}, set()),
    "testsuite": ({"testsuite", "properties", "testcase", "system-out", "system-err"},
                  {"name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id",
                   "package", "file", "log", "url"}, {"name", "tests", "failures", "errors"}),
    "testcase": ({"skipped", "error", "failure", "rerunFailure", "rerunError", "flakyFailure", "flakyError",
                  "system-out", "system-err"}, {"name", "time", "classname", "group"}, {"name"}),
    "failure": (set(), {"type", "message"}, set()),
}
SUREFIRE_TIME = re.compile(r"(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?")


def run(*args: str, cwd: Path = PROJECT) -> str:
    done = subprocess.run([sys.executable, "-m", "wsgilint", "check", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    return done.stdout


def schema_errors(element: ElementTree.Element) -> list[str]:
    children, allowed, required = SCHEMA[element.tag]
    errors = [f"{element.tag}: attribute {name}" for name in set(element.attrib) - allowed]
    errors += [f"{element.tag}: missing {name}" for name in required - set(element.attrib)]
    errors += [f"{element.tag}: time {element.get('time')!r}" for _ in [0]
               if element.tag != "testcase" and "time" in element.attrib
               and not SUREFIRE_TIME.fullmatch(element.attrib["time"])]
    for child in element:
        errors += [f"{element.tag} holds {child.tag}"] if child.tag not in children else schema_errors(child)
    return errors


def test_junit_follows_the_schema_with_a_case_per_finding_and_per_clean_file(tmp_path: Path) -> None:
    report = ElementTree.fromstring(run("examples/seed-django", "--format", "junit").encode())
    assert report.tag == "testsuites" and schema_errors(report) == []
    cases = report.findall("testsuite/testcase")
    failing = [case for case in cases if case.find("failure") is not None]
    assert len(failing) == 9 == int(report.get("failures", ""))
    assert len(cases) == int(report.get("tests", "")) == 9 + 5   # five of the seven files have no finding
    x101 = next(case for case in failing if case.get("name", "").startswith("X101"))
    assert x101.get("name") == "X101 pass-target-mismatch at 24:21"
    assert x101.get("classname") == "examples/seed-django/etc/nginx/conf.d/cmdb.conf"
    failure = x101.find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "--> examples/seed-django/opt/cmdb/uwsgi.ini:2:8" in (failure.text or "")
    names = [(case.get("classname"), case.get("name")) for case in cases]
    assert len(names) == len(set(names))


def test_junit_holds_no_character_xml_refuses(tmp_path: Path) -> None:
    write_tree(tmp_path, {"etc/uwsgi/a\x01b.ini": "[uwsgi]\nprocesse\x02 = 4\nsocket = /run/x.sock\nx = \ufffe\n"})
    text = run(".", "--format", "junit", cwd=tmp_path)
    report = ElementTree.fromstring(text.encode())
    assert schema_errors(report) == [] and "\\x01" in text


def test_gitlab_code_quality_issues() -> None:
    issues = json.loads(run("examples/seed-django", "--format", "gitlab"))
    assert len(issues) == 9
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert set(issue["location"]) == {"path", "lines"} and issue["location"]["lines"]["begin"] >= 1
        assert not os.path.isabs(issue["location"]["path"])
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    x101 = next(issue for issue in issues if issue["check_name"] == "X101")
    assert x101["severity"] == "critical" and x101["location"] == {
        "path": "examples/seed-django/etc/nginx/conf.d/cmdb.conf", "lines": {"begin": 24}}
    assert x101["description"].startswith("X101 pass-target-mismatch: uwsgi_pass sends to 0.0.0.0:8001")


def test_gitlab_gives_repeated_findings_their_own_fingerprint(tmp_path: Path) -> None:
    # The same unknown option twice in one file: two lines with the same text.
    write_tree(tmp_path, {"etc/uwsgi/a.ini": "[uwsgi]\nprocesse = 4\nsocket = /run/x.sock\nprocesse = 4\n"})
    issues = [i for i in json.loads(run(".", "--format", "gitlab", cwd=tmp_path)) if i["check_name"] == "U101"]
    assert len(issues) == 2 and issues[0]["fingerprint"] != issues[1]["fingerprint"]
