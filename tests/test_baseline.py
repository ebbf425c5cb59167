"""--baseline: a JSON report of accepted findings; only new findings are reported."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import PROJECT

from wsgilint.baseline import Baseline, new_findings
from wsgilint.engine import Finding
from wsgilint.model import Span


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wsgilint", "check", *args], capture_output=True, text=True,
                          cwd=str(cwd), env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=120)


@pytest.fixture
def accepted(tmp_path) -> Path:
    """The seed example with its findings written to baseline.json."""
    shutil.copytree(PROJECT / "examples" / "seed-django", tmp_path / "deploy")
    report = run(tmp_path, "deploy", "--format", "json")
    assert json.loads(report.stdout)["findings"]
    (tmp_path / "baseline.json").write_text(report.stdout)
    return tmp_path


def findings(result: subprocess.CompletedProcess) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def test_the_accepted_findings_are_not_reported(accepted):
    result = run(accepted, "deploy", "--baseline", "baseline.json", "--format", "json")
    assert result.returncode == 0 and findings(result) == []
    total = len(json.loads((accepted / "baseline.json").read_text())["findings"])
    assert result.stderr.strip() == f"wsgilint: {total} findings of the baseline baseline.json not shown"


def test_moved_lines_stay_accepted_and_a_new_finding_is_reported(accepted):
    conf = accepted / "deploy/etc/nginx/conf.d/cmdb.conf"
    conf.write_text("# a comment that moves every line down\n\n" + conf.read_text())
    ini = accepted / "deploy/opt/cmdb/uwsgi.ini"
    ini.write_text(ini.read_text() + "processe = 4\n")
    result = run(accepted, "deploy", "--baseline", "baseline.json", "--format", "json")
    assert result.returncode == 1
    assert [(f["code"], f["path"]) for f in findings(result)] == [("U101", "deploy/opt/cmdb/uwsgi.ini")]


def test_each_entry_accepts_one_finding():
    def finding(line: int) -> Finding:
        return Finding("U101", "unknown-option", "error", "unknown option `processe`", Span("a.ini", line))

    once = Finding("U101", "unknown-option", "error", "unknown option `processe`", Span("a.ini", 1)).fingerprint
    kept, hidden = new_findings([finding(1), finding(9)], Baseline(Counter({once: 1})))
    assert (kept, hidden) == ([finding(9)], 1)


def test_the_settings_file_names_the_baseline_relative_to_itself(accepted):
    (accepted / "reports").mkdir()
    os.rename(accepted / "baseline.json", accepted / "reports" / "base.json")
    (accepted / "config").mkdir()
    (accepted / "config" / "wsgilint.toml").write_text('baseline = "../reports/base.json"\n')
    result = run(accepted, "deploy", "--config", "config/wsgilint.toml", "--format", "json")
    assert result.returncode == 0 and findings(result) == [], result.stderr


@pytest.mark.parametrize("content, message", [
    (None, "cannot read the baseline: No such file or directory"),
    ("not json", "not a JSON report"),
    ('{"findings": [{"code": "X101"}]}', "not a wsgilint JSON report"),
    (b"\xff\xfe", "not a JSON report"),
])
def test_an_unusable_baseline_is_one_line_and_exit_2(accepted, content, message):
    target = accepted / "given.json"
    if isinstance(content, bytes):
        target.write_bytes(content)
    elif content is not None:
        target.write_text(content)
    result = run(accepted, "deploy", "--baseline", "given.json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("wsgilint: given.json: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
