"""Same output before and after a change to the model, a reader or a rule: the findings on
the examples, the shared corpus and the 1000-app benchmark fleet match tests/golden/.

A change that means to alter findings rewrites the golden files with
``python tools/golden.py --update`` and names each changed finding, with its reason, in the
commit message."""
from __future__ import annotations

import sys

import pytest
from conftest import PROJECT, unavailable

sys.path.insert(0, str(PROJECT / "tools"))
import golden  # noqa: E402

WORKLOADS = dict(golden.workloads())


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_findings_match_the_golden_file(name):
    now = golden.findings_of(WORKLOADS[name].resolve())
    assert golden.differences(name, now) == []


def test_the_shared_workloads_are_compared():
    for needed in (golden.CORPUS, golden.FLEET):
        if not needed.exists():
            unavailable(f"{needed} is missing (../shared beside the project)")


def test_fleet_findings_match_the_golden_file():
    if not golden.FLEET.is_file():
        unavailable(f"the benchmark generator is not at {golden.FLEET}")
    now = golden.fleet_findings()
    assert len(now) > 1000
    assert golden.differences(f"fleet-{golden.FLEET_APPS}", now) == []


def test_a_changed_finding_is_reported():
    name = "example-seed-django"
    now = golden.findings_of(WORKLOADS[name].resolve())
    changed = [now[0].replace('"severity": "', '"severity": "x')] + now[1:]
    assert len(golden.differences(name, changed)) == 2
