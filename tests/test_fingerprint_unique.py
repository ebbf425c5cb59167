"""No two findings of one run share a fingerprint: a baseline, SARIF's alerts and GitLab's
issues tell findings apart by it alone. Checked on every golden workload (the examples, the
shared corpus whole and each bundle, the 1000-app fleet) and on the patterns that collided:
one rule reporting one line for several places (several `location`s with the same
`proxy_pass` line, one `socket` line binding several addresses)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import PROJECT, unavailable

from wsgilint.api import check

sys.path.insert(0, str(PROJECT / "tools"))
import golden  # noqa: E402

WORKLOADS = dict(golden.workloads())


def _shared(tree: Path) -> list[str]:
    previous = os.getcwd()
    with tempfile.TemporaryDirectory() as cwd:
        os.chdir(cwd)
        try:
            findings = check([str(tree.resolve())]).findings
        finally:
            os.chdir(previous)
    counts = Counter(f.fingerprint for f in findings)
    return sorted(f"{f.code} {f.at.path}:{f.at.line} {f.message[:80]}" for f in findings if counts[f.fingerprint] > 1)


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_fingerprints_are_unique_in_each_golden_run(name):
    assert _shared(WORKLOADS[name]) == []


def test_fingerprints_are_unique_in_the_fleet():
    if not golden.FLEET.is_file():
        unavailable(f"the benchmark generator is not at {golden.FLEET}")
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        fleet = Path(tmp) / "fleet"
        subprocess.run([sys.executable, str(golden.FLEET), str(fleet), "--apps", str(golden.FLEET_APPS)],
                       check=True, stdout=subprocess.DEVNULL)
        assert _shared(fleet) == []


_LOCATIONS = ("server {\n    listen 80;\n    location /a/ {\n        proxy_pass http://127.0.0.1:8000;\n    }\n"
              "    location /b/ {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n")
_ALONE = "server {\n    listen 80;\n    location /a/ {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"


def _report(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wsgilint", "check", *args], capture_output=True, text=True,
                          cwd=str(cwd), env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=120)


def _findings(tree: Path) -> list[tuple[str, int, str, str | None]]:
    result = _report(tree.parent, tree.name, "--format", "json")
    return [(f["code"], f["line"], f["fingerprint"], f.get("line_fingerprint"))
            for f in json.loads(result.stdout)["findings"]]


def test_one_proxy_pass_line_in_two_locations_gives_two_fingerprints(tmp_path):
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy/nginx.conf").write_text(_LOCATIONS)
    shared = _findings(tmp_path / "deploy")
    assert [(code, line) for code, line, _, _ in shared] == [("N102", 4), ("N102", 7)]
    assert shared[0][2] != shared[1][2] and shared[0][3] == shared[1][3]
    (tmp_path / "deploy/nginx.conf").write_text(_ALONE)
    [(_, _, alone, line_fingerprint)] = _findings(tmp_path / "deploy")
    # A finding alone on its line keeps the fingerprint it had before any was told apart.
    assert line_fingerprint is None and alone == shared[0][3]


def test_one_image_run_by_two_compose_files_gives_two_fingerprints(tmp_path):
    app = tmp_path / "app"
    (app / "prod").mkdir(parents=True)
    (app / "Dockerfile").write_text('FROM python:3.12-slim\nCOPY . /srv\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "a:app"]\n')
    (app / "docker-compose.yml").write_text("services:\n  web:\n    build: .\n")
    (app / "prod/docker-compose.yml").write_text("services:\n  app:\n    build: ..\n")
    found = [f for f in _findings(app) if f[0] == "C101"]
    assert len(found) == 2 and found[0][2] != found[1][2]


@pytest.mark.parametrize("written_with", ["one location", "two locations"])
def test_a_baseline_matches_across_a_line_becoming_shared_or_not(tmp_path, written_with):
    """A baseline written while the line was someone's alone still hides both findings it
    now has (one entry each), and one written while it was shared hides the one left."""
    (tmp_path / "deploy").mkdir()
    conf = tmp_path / "deploy/nginx.conf"
    before, after = (_ALONE, _LOCATIONS) if written_with == "one location" else (_LOCATIONS, _ALONE)
    conf.write_text(before)
    (tmp_path / "baseline.json").write_text(_report(tmp_path, "deploy", "--format", "json").stdout)
    conf.write_text(after)
    result = _report(tmp_path, "deploy", "--baseline", "baseline.json", "--format", "json")
    new = json.loads(result.stdout)["findings"]
    if written_with == "one location":
        assert [f["line"] for f in new] == [7]     # one entry hides one finding; the other is new
    else:
        assert new == [] and result.returncode == 0
