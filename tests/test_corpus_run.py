"""The whole corpus, and each bundle alone, is checked to the end: no traceback, no
internal error, and every file is given a kind or a reason."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import CORPUS, PROJECT

from wsgilint.api import check

BUNDLES = sorted(p.name for p in (CORPUS / "bundles").iterdir()) if (CORPUS / "bundles").is_dir() else []


@pytest.fixture
def corpus_root():
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.skip(f"the shared corpus is not at {CORPUS} (../shared/corpus from the project root)")
    return CORPUS


def test_whole_corpus_through_the_cli(corpus_root, tmp_path):
    done = subprocess.run([sys.executable, "-m", "wsgilint", "check", str(corpus_root), "--format", "json"],
                          cwd=str(tmp_path), capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    assert len(report["files"]) >= 500
    assert all(f["path"] and f["line"] >= 0 for f in report["findings"])


@pytest.mark.parametrize("bundle", BUNDLES or ["(no corpus)"])
def test_each_bundle_alone(corpus_root, bundle):
    result = check([str(corpus_root / "bundles" / bundle)])
    assert result.files
    assert all(f.kind or f.reason for f in result.files)
    assert all(f.at.path and f.at.line >= 0 for f in result.findings)
