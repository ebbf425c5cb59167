"""The shipped examples produce exactly the findings their README promises.

Each example folder holds ``expected.txt``: one ``path:line CODE`` per finding, paths
relative to the example. A new rule that finds more there must say so here.
"""
from pathlib import Path

import pytest

from wsgilint.api import check

EXAMPLES = sorted(p for p in (Path(__file__).resolve().parent.parent / "examples").iterdir() if p.is_dir())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_findings(example, monkeypatch):
    monkeypatch.chdir(example)
    expected = sorted(l.strip() for l in (example / "expected.txt").read_text().splitlines() if l.strip())
    found = sorted(f"{f.at.path}:{f.at.line} {f.code}" for f in check(["."]).findings)
    assert found == expected
