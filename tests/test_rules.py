"""Every rule proves itself on its own examples and on its fixture cases.

A fixture case is a folder ``tests/fixtures/<CODE>/<case>/`` holding a small tree of
config files and ``expected.txt``: one ``path:line`` per finding of that code the
tree must produce (paths relative to the case folder), optionally followed by the
severity it must have (``uwsgi.ini:4 info``, for a near miss that only informs); an
empty file means the case is a near miss the rule must leave alone.
"""
import shutil
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.engine import load_rules

RULES = load_rules()
FIXTURES = Path(__file__).parent / "fixtures"


def _codes(tree: Path, code: str) -> list:
    result = check([str(tree)])
    return [f for f in result.findings if f.code == code]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_self_documenting(rule):
    assert rule.slug and rule.slug == rule.slug.lower() and " " not in rule.slug
    assert rule.summary.endswith(".")
    assert "## What it checks" in rule.doc
    assert "## How to fix" in rule.doc
    assert rule.bad and rule.good, "a rule documents a bad and a good example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_bad_example_is_caught(rule, in_tmp):
    found = _codes(write_tree(in_tmp / "bad", rule.bad), rule.code)
    assert found, f"{rule.code} did not fire on its own BAD example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_example_is_left_alone(rule, in_tmp):
    found = _codes(write_tree(in_tmp / "good", rule.good), rule.code)
    assert not found, f"{rule.code} fired on its own GOOD example: {found}"


CASES = sorted(p.parent for p in FIXTURES.glob("*/*/expected.txt"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_case(case, monkeypatch, tmp_path):
    code = case.parent.name
    if (case / "fixed").is_dir():
        # The expected result of --fix (tests/test_fixes.py) is no part of the tree checked.
        tree = tmp_path / case.name
        shutil.copytree(case, tree, symlinks=True, ignore=lambda folder, names:
                        ["fixed"] if Path(folder) == case else [])
        case = tree
    monkeypatch.chdir(case)
    expected = sorted(line.strip() for line in (case / "expected.txt").read_text().splitlines() if line.strip())
    with_severity = {line.split()[0] for line in expected if " " in line}
    found = sorted(f"{f.at.path}:{f.at.line}" + (f" {f.severity}" if f"{f.at.path}:{f.at.line}" in with_severity else "")
                   for f in check(["."]).findings if f.code == code)
    assert found == expected


def test_every_rule_has_a_catch_and_a_near_miss():
    def kinds(rule):
        return {bool(p.read_text().strip()) for p in (FIXTURES / rule.code).glob("*/expected.txt")}

    incomplete = [rule.code for rule in RULES if kinds(rule) != {True, False}]
    assert not incomplete, f"rules without both a case to catch and a near miss: {incomplete}"
