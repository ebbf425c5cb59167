"""``--format sarif``: the same findings as the JSON report, in SARIF 2.1.0, accepted by
the SARIF Multitool's validator with the rules GitHub code scanning applies on upload.

The validator comes from npm (``@microsoft/sarif-multitool``; ``.ci/run`` installs it and
names it in ``WSGILINT_SARIF_MULTITOOL``). Without it the validation tests are skipped,
except in CI, where a missing validator is a failure.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, unavailable, write_tree

from wsgilint.engine import Finding, Related, load_rules
from wsgilint.model import Span
from wsgilint.report.sarif import FINGERPRINT_KEY, SECURITY_RULES, document


def unescaped(text: str) -> str:
    """SARIF message text without the backslashes before brackets that are no link."""
    return re.sub(r"\\([\\\[\]])", r"\1", text)

EXAMPLES = sorted(path.name for path in (PROJECT / "examples").iterdir() if path.is_dir())
# The examples with findings to map (examples/compose-django checks clean).
WITH_FINDINGS = [name for name in EXAMPLES if (PROJECT / "examples" / name / "expected.txt").read_text().strip()]


def run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wsgilint", *args], check=False, capture_output=True, text=True,
                          cwd=str(cwd),
                          env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=120)


def sarif_and_json(*args: str, cwd: Path = PROJECT) -> tuple[dict[str, Any], dict[str, Any]]:
    sarif = run("check", *args, "--format", "sarif", cwd=cwd)
    plain = run("check", *args, "--format", "json", cwd=cwd)
    assert sarif.returncode == plain.returncode, sarif.stderr
    return json.loads(sarif.stdout), json.loads(plain.stdout)


def region_of(location: dict[str, Any]) -> tuple[str, int, int, int]:
    physical = location["physicalLocation"]
    region = physical["region"]
    return (physical["artifactLocation"]["uri"], region["startLine"], region.get("startColumn", 0),
            region.get("endColumn", 0))


@pytest.mark.parametrize("example", WITH_FINDINGS)
def test_results_are_the_findings_of_the_json_report(example: str) -> None:
    sarif, plain = sarif_and_json(f"examples/{example}")
    run_ = sarif["runs"][0]
    results, findings = run_["results"], plain["findings"]
    assert len(results) == len(findings)
    # A clean example (examples/socket-activation) has nothing to compare; the others must.
    assert findings or not (PROJECT / "examples" / example / "expected.txt").read_text().strip()
    rules = run_["tool"]["driver"]["rules"]
    for result, finding in zip(results, findings, strict=True):
        assert result["ruleId"] == finding["code"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert unescaped(result["message"]["text"]).startswith(finding["message"])
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: finding["fingerprint"]}
        end = finding["end_column"] if finding["end_column"] > finding["column"] else 0
        assert region_of(result["locations"][0]) == (finding["path"], finding["line"], finding["column"], end)
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        related = [(r["path"], r["line"], r["message"]) for r in finding["related"] if not r["path"].startswith("<")]
        assert [(region_of(r)[0], region_of(r)[1], r["message"]["text"])
                for r in result.get("relatedLocations", [])] == related


def test_a_cross_file_finding_keeps_the_place_it_was_checked_against() -> None:
    sarif, _ = sarif_and_json("examples/seed-django")
    x101 = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "X101")
    assert region_of(x101["locations"][0])[0] == "examples/seed-django/etc/nginx/conf.d/cmdb.conf"
    assert [region_of(r)[0] for r in x101["relatedLocations"]] == ["examples/seed-django/opt/cmdb/uwsgi.ini"]
    assert [r["id"] for r in x101["relatedLocations"]] == [1]
    # The related place is linked from the message (an embedded link to relatedLocations id 1).
    assert x101["message"]["text"].endswith(
        " ([examples/seed-django/opt/cmdb/uwsgi.ini:2:8](1): uWSGI socket *:18001 is the nearest listener)")
    x107 = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "X107")
    assert "supervisor \\[cmdb\\] expects" in x107["message"]["text"]


def test_rules_carry_tags_a_page_and_help_only_when_they_fired() -> None:
    sarif, plain = sarif_and_json("examples/seed-django")
    fired = {finding["code"] for finding in plain["findings"]}
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) > len(fired)
    for rule in rules:
        assert rule["helpUri"] == f"https://github.com/wsgilint/wsgilint/blob/main/docs/rules/{rule['id']}.md"
        assert (PROJECT / "docs" / "rules" / f"{rule['id']}.md").is_file()
        assert (rule["help"]["text"].startswith(rule["shortDescription"]["text"] + " Its page: ")) == \
            (rule["id"] not in fired)
        assert rule["properties"]["tags"][0] in {"systemd", "input", "gunicorn", "suppression", "nginx",
                                                 "supervisor", "uwsgi", "cross-file", "container"}
        assert ("security-severity" in rule["properties"]) == (rule["id"] in SECURITY_RULES)
    u108 = next(rule for rule in rules if rule["id"] == "U108")
    assert u108["properties"]["security-severity"] == "8.0" and "security" in u108["properties"]["tags"]
    # A rule that did not fire carries its summary, not its docs page: about 1 KB each.
    assert all(len(json.dumps(rule)) < 1_200 for rule in rules if rule["id"] not in fired)


def test_a_suppressed_finding_is_a_result_marked_in_source(tmp_path: Path) -> None:
    write_tree(tmp_path, {"tree/etc/uwsgi/app.ini": "[uwsgi]\n# wsgilint: ignore[U101] kept for the old launcher\n"
                                                    "processe = 4\nsocket = /run/app.sock\nvacuum = true\n"})
    sarif, plain = sarif_and_json("tree", cwd=tmp_path)
    assert "U101" not in {finding["code"] for finding in plain["findings"]}
    [u101] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "U101"]
    assert u101["suppressions"] == [{"kind": "inSource", "justification": "kept for the old launcher"}]
    assert region_of(u101["locations"][0])[:2] == ("tree/etc/uwsgi/app.ini", 3)
    assert all("suppressions" not in r for r in sarif["runs"][0]["results"] if r["ruleId"] != "U101")
    assert validate(json.dumps(sarif), tmp_path) == []


def test_the_rules_listed_are_the_ones_that_ran() -> None:
    sarif, _ = sarif_and_json("examples/seed-django", "--select", "X1", "--ignore", "X110")
    listed = [rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert listed and all(code.startswith("X1") for code in listed) and "X110" not in listed
    rule = sarif["runs"][0]["tool"]["driver"]["rules"][listed.index("X101")]
    assert rule["name"] == "PassTargetMismatch" and rule["properties"]["slug"] == "pass-target-mismatch"
    assert rule["defaultConfiguration"]["level"] == "error"


def test_paths_are_uris_relative_to_the_checkout_or_absolute(tmp_path: Path) -> None:
    tree = tmp_path / "dépôt avec espaces"
    write_tree(tree, {"etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/usr/bin/uwsgi --ini /x.ini\n"
                                                         "stopsignal=NOPE\n"})
    inside, _ = sarif_and_json(tree.name, cwd=tmp_path)
    result = next(r for r in inside["runs"][0]["results"] if r["ruleId"] == "S107")
    assert region_of(result["locations"][0])[:2] == (
        "d%C3%A9p%C3%B4t%20avec%20espaces/etc/supervisor/conf.d/app.conf", 3)
    base = inside["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    outside, _ = sarif_and_json(str(tree), cwd=PROJECT)
    result = next(r for r in outside["runs"][0]["results"] if r["ruleId"] == "S107")
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file://" + str(tree).replace(" ", "%20").replace("é", "%C3%A9").replace("ô", "%C3%B4")
                        + "/etc/supervisor/conf.d/app.conf"}


def test_whole_file_findings_and_places_outside_the_tree() -> None:
    rules = load_rules()
    whole = Finding("E001", "unreadable-file", "error", "binary", Span("etc/nginx/nginx.conf"))
    stock = Finding("N101", "x", "warning", "stock", Span("<stock>/uwsgi_params", 3, 1, 5),
                    (Related(Span("etc/nginx/site.conf", 7, 2, 9), "included here"),
                     Related(Span("<stock>/mime.types", 1), "and here")))
    results = document([whole, stock], rules, "/srv")["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert region_of(results[1]["locations"][0]) == ("etc/nginx/site.conf", 7, 2, 9)
    assert "relatedLocations" not in results[1]
    assert results[1]["message"]["text"] == \
        "stock (at <stock>/uwsgi_params:3:1) (<stock>/mime.types:1: and here)"
    # A finding whose related place in a file became its location is not linked to it twice.


# --------------------------------------------------------------------------- the validator

def multitool() -> str:
    found = os.environ.get("WSGILINT_SARIF_MULTITOOL") or shutil.which("Sarif.Multitool")
    if not (found and os.access(found, os.X_OK)):
        unavailable("the SARIF Multitool is not installed (npm @microsoft/sarif-multitool)")
    assert found  # unavailable() has skipped or failed the test otherwise
    return found


# Only one note is expected: the tool has no public web page to name as informationUri.
_ALLOWED = {"SARIF2005"}


def validate(sarif_text: str, work: Path) -> list[str]:
    log, report = work / "wsgilint.sarif", work / "validation.sarif"
    log.write_text(sarif_text)
    done = subprocess.run([multitool(), "validate", "--rule-kind", "Sarif;Gh", "-o", str(report), str(log)],
                          check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Analysis completed successfully" in done.stdout, done.stdout
    found = [re.search(r": (?:error|warning|note) ([A-Z]+\d+):", line) for line in done.stdout.splitlines()]
    return [match.string for match in found if match and match.group(1) not in _ALLOWED]


def test_the_validator_rejects_what_code_scanning_rejects(tmp_path: Path) -> None:
    # A result without a location is refused on upload (GH1015): the validator must say so.
    document = json.loads(run("check", "examples/seed-django", "--format", "sarif").stdout)
    document["runs"][0]["results"][0]["locations"] = []
    assert any("GH1015" in line for line in validate(json.dumps(document), tmp_path))


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_validator_accepts_the_examples(example: str, tmp_path: Path) -> None:
    assert validate(run("check", f"examples/{example}", "--format", "sarif").stdout, tmp_path) == []


def test_the_validator_accepts_broken_and_oddly_named_files(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    write_tree(tree, {
        "etc/nginx/nginx.conf": b"\x00\x01\x02binary\xff",
        "etc/nginx/conf.d/caf\u00e9 site.conf": "server {\n listen 80;\n location / { uwsgi_pass unix:/run/a.sock; }\n",
        os.fsdecode(b"etc/nginx/conf.d/latin1-caf\xe9.conf"): "server {\n listen 81;\n location / { uwsgi_pass a; }\n",
        "etc/uwsgi/apps-enabled/a.ini": "[uwsgi]\nsocket = /run/b.sock\nprocesse = 4\n",
        "etc/supervisor/conf.d/a.conf": "[program:a]\ncommand=/usr/bin/uwsgi --ini /etc/uwsgi/apps-enabled/a.ini\n"
                                        "# \xe4\xb8\xad\xe6\x96\x87\n",
    })
    text = run("check", "tree", "--format", "sarif", cwd=tmp_path).stdout
    assert len(json.loads(text)["runs"][0]["results"]) >= 3
    assert validate(text, tmp_path) == []
