"""``--jobs``: reading a tree's files in several processes changes nothing in the output."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

from wsgilint import discover
from wsgilint.api import check

FLEET = PROJECT.parent / "shared" / "bench" / "gen_fleet.py"


def findings(tree: Path, jobs: int) -> list[tuple[object, ...]]:
    result = check([str(tree)], jobs=jobs)
    return [(f.code, f.message, f.at, f.related, f.fingerprint) for f in result.findings] + \
        [(source.path, source.kind, source.reason) for source in result.files]


def test_the_corpus_reads_the_same_in_two_processes(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = findings(corpus, 1)
    monkeypatch.setattr(discover, "PARALLEL_FROM_FILES", 1)   # the corpus is below the threshold
    assert findings(corpus, 2) == one


def test_a_fleet_prints_the_same_bytes_whatever_jobs(tmp_path: Path) -> None:
    if not FLEET.is_file():
        pytest.skip(f"the fleet generator is not at {FLEET}")
    fleet = tmp_path / "fleet"
    subprocess.run([sys.executable, str(FLEET), str(fleet), "--apps", "800"], check=True, stdout=subprocess.DEVNULL)
    assert sum(len(files) for _, _, files in os.walk(fleet)) >= discover.PARALLEL_FROM_FILES   # really in parallel
    outputs = [subprocess.run([sys.executable, "-m", "wsgilint", "check", str(fleet), "--format", "json", "--jobs", jobs],
                              capture_output=True, cwd=tmp_path, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(PROJECT)}).stdout for jobs in ("1", "2")]
    assert outputs[0] and outputs[0] == outputs[1]
