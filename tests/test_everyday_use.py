"""The command line as people use it every day: help, mistakes that stop the run, the
console's quoted lines and totals, --statistics, --quiet, --output-file, concise output,
standard input, colour, the progress bar, and baselines that survive edits elsewhere."""
from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, write_tree

EXAMPLE = PROJECT / "examples" / "seed-django"
# The console's width and colour follow these: each test sets what it needs.
BASE_ENV = {key: value for key, value in os.environ.items()
            if key not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "CI")}


def run(*args: str, cwd: Path = PROJECT, env: dict[str, str] | None = None,
        stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "wsgilint", *args], capture_output=True, cwd=cwd, input=stdin,
                          env={**BASE_ENV, "PYTHONPATH": str(PROJECT), **(env or {})}, timeout=120, check=False)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(), done.stderr.decode())


# --------------------------------------------------------------------------- help and mistakes

def test_dash_h_is_help_and_shows_what_to_type() -> None:
    short, long = run("check", "-h"), run("check", "--help")
    assert short.returncode == 0 and short.stdout == long.stdout
    assert "<bool>" not in short.stdout and "<str>" not in short.stdout and "list[" not in short.stdout
    assert "--baseline FILE" in short.stdout and "--uwsgi-version VERSION" in short.stdout
    assert "pyproject.toml with [tool.wsgilint]" in " ".join(short.stdout.split())
    assert run("-h").returncode == 0 and "Commands:" in run("-h").stdout


@pytest.mark.parametrize("option, value", [("--uwsgi-version", "2.O"), ("--nginx-version", "latest"),
                                           ("--gunicorn-version", "x"), ("--supervisor-version", "4.")])
def test_a_malformed_version_is_one_line_and_exit_2(option: str, value: str) -> None:
    result = run("check", "examples/seed-django", option, value)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"wsgilint: {option} {value!r} is not a version like 2.0.31\n"


def test_a_malformed_version_in_the_settings_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "wsgilint.toml").write_text('uwsgi-version = "two"\n')
    result = run("check", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr == "wsgilint: uwsgi-version in the settings 'two' is not a " \
                                                       "version like 2.0.31\n"


def test_well_formed_versions_run() -> None:
    for version in ("2.0.31", "2.1", "1.25.3", "2.0.28-debian", "4.3.0.1"):
        assert run("check", "examples/seed-django", "--uwsgi-version", version).returncode == 1


# --------------------------------------------------------------------------- the console

def test_the_console_quotes_both_ends_with_the_value_underlined() -> None:
    text = run("check", "examples/seed-django").stdout
    block = text[text.index("error X101"):].split("\n\n")[0].splitlines()
    assert block[2:] == [
        "    24 |         uwsgi_pass  0.0.0.0:8001;",
        "       |                     ^^^^^^^^^^^^",
        "    --> examples/seed-django/opt/cmdb/uwsgi.ini:2:8: uWSGI socket *:18001 is the nearest listener",
        "     2 | socket=0.0.0.0:18001",
        "       |        ^^^^^^^^^^^^^",
    ]
    assert text.splitlines()[-1] == "3 errors, 3 warnings, 3 info in 7 files"


def test_messages_wrap_to_the_width_with_a_hanging_indent() -> None:
    text = run("check", "examples/seed-django", env={"COLUMNS": "60"}).stdout
    lines = text.splitlines()
    from rich.cells import cell_len

    # Messages wrap; the header line and the quoted source lines are never cut.
    messages = [line for line in lines if line.startswith("    ") and " | " not in line]
    assert messages and all(cell_len(line) <= 60 for line in messages)
    at = lines.index("examples/seed-django/opt/cmdb/uwsgi.ini:10:9: warning U106 missing-vacuum")
    assert lines[at + 1:at + 3] == ["    no `vacuum`: the pidfile /opt/cmdb/uwsgi/uwsgi.pid stays",
                                    "    behind after uWSGI stops; add `vacuum = true`"]


def test_colour_follows_force_color_and_no_color() -> None:
    assert "\x1b[" not in run("check", "examples/seed-django").stdout
    assert "\x1b[" in run("check", "examples/seed-django", env={"FORCE_COLOR": "1"}).stdout
    both = run("check", "examples/seed-django", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[31" not in both and "\x1b[33" not in both   # no colour, at most bold


def test_no_findings_say_so() -> None:
    result = run("check", "examples/seed-django", "--select", "X114")
    assert result.returncode == 0 and result.stdout == "no findings in 7 files\n"


# --------------------------------------------------------------------------- the options

def test_statistics_count_each_rule_and_what_was_suppressed(tmp_path: Path) -> None:
    write_tree(tmp_path, {"etc/uwsgi/app.ini": "[uwsgi]\n# wsgilint: ignore[U101] kept for the old launcher\n"
                                               "processe = 4\nthreadz = 2\nsocket = /run/app.sock\n"})
    result = run("check", str(tmp_path), "--statistics")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "    1  U101  warning  unknown-option  (1 suppressed)",
        "    1  U106  warning  missing-vacuum",
        "2 warnings in 1 file (1 suppressed)",
    ]
    rows = json.loads(run("check", str(tmp_path), "--statistics", "--format", "json").stdout)
    assert rows[0] == {"code": "U101", "slug": "unknown-option", "severity": "warning", "count": 1, "suppressed": 1}


def test_quiet_prints_the_findings_and_nothing_else(tmp_path: Path) -> None:
    loud = run("check", "examples/seed-django")
    quiet = run("check", "examples/seed-django", "-q")
    assert quiet.returncode == 1 and quiet.stderr == ""
    assert quiet.stdout == loud.stdout.removesuffix("3 errors, 3 warnings, 3 info in 7 files\n")


def test_concise_is_one_line_a_finding() -> None:
    lines = run("check", "examples/seed-django", "--format", "concise", "-q").stdout.splitlines()
    assert len(lines) == 9
    assert ("examples/seed-django/etc/nginx/conf.d/cmdb.conf:24:21: error X101 uwsgi_pass sends to "
                        "0.0.0.0:8001, where no app server in the checked files listens: nginx answers 502 and logs "
                        "\"connect() failed (111: Connection refused)\"; did you mean *:18001, where uwsgi listens? "
                        "[--> examples/seed-django/opt/cmdb/uwsgi.ini:2:8]") in lines


def test_output_file_holds_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = run("check", "examples/seed-django", "--format", "json", "--output-file", str(target))
    assert result.returncode == 1 and result.stdout == ""
    assert len(json.loads(target.read_text())["findings"]) == 9
    refused = run("check", "examples/seed-django", "-o", str(tmp_path / "no" / "such" / "dir" / "r.txt"))
    assert refused.returncode == 2 and refused.stderr.startswith("wsgilint: --output-file ")
    assert len(refused.stderr.splitlines()) == 1


def test_standard_input_is_classified_by_the_name_given(tmp_path: Path) -> None:
    ini = (EXAMPLE / "opt" / "cmdb" / "uwsgi.ini").read_bytes()
    before = sorted(tmp_path.rglob("*"))
    result = run("check", "-", "--stdin-filename", "deploy/uwsgi.ini", "--format", "json", cwd=tmp_path, stdin=ini)
    document = json.loads(result.stdout)
    assert document["files"] == [{"path": "deploy/uwsgi.ini", "kind": "uwsgi"}]
    assert {f["code"] for f in document["findings"]} == {"U106", "U108", "U111", "U112", "U102"}
    assert all(f["path"] == "deploy/uwsgi.ini" for f in document["findings"])
    assert sorted(tmp_path.rglob("*")) == before          # nothing written where it runs
    # The same text named as an nginx file is not read as uWSGI.
    as_nginx = run("check", "-", "--stdin-filename", "etc/nginx/conf.d/a.conf", "--format", "json",
                   cwd=tmp_path, stdin=b"server {\n    listen 80;\n    uwsgi_pass 127.0.0.1:9;\n}\n")
    assert json.loads(as_nginx.stdout)["files"] == [{"path": "etc/nginx/conf.d/a.conf", "kind": "nginx"}]
    with_paths = run("check", "-", "examples/seed-django", stdin=b"")
    assert with_paths.returncode == 2 and len(with_paths.stderr.splitlines()) == 1


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """What the command writes to a pseudo-terminal standing in for stderr and stdout."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "wsgilint", *args], stdout=follower, stderr=follower,
                               cwd=PROJECT, env={**BASE_ENV, "PYTHONPATH": str(PROJECT), **env})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode(errors="replace")


def test_the_progress_bar_shows_on_a_terminal_after_a_second_and_never_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    # A run made slow on purpose: the fleet of the golden tests is too big to keep here.
    from wsgilint.report import _progress

    monkeypatch.setattr(_progress, "DELAY", 0.0)
    updates: list[tuple[int, int]] = []
    with _progress.progress_bar(True) as progress:
        assert progress is not None
        from wsgilint.api import check

        def told(done: int, total: int) -> None:
            updates.append((done, total))
            progress(done, total)

        check([str(EXAMPLE)], progress=told)
    assert updates[-1][0] == updates[-1][1] and len(updates) == updates[-1][1] > 2
    with _progress.progress_bar(False) as nothing:
        assert nothing is None
    monkeypatch.setenv("CI", "true")
    assert not _progress.wanted()
    on_terminal = _on_a_terminal(["check", "examples/seed-django", "-q"], {"CI": "true"})
    assert "checking" not in on_terminal and "X101" in on_terminal


# --------------------------------------------------------------------------- the baseline

@pytest.fixture
def accepted(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "deploy")
    report = run("check", "deploy", "--format", "json", cwd=tmp_path)
    (tmp_path / "baseline.json").write_text(report.stdout)
    return tmp_path


def test_an_edit_in_another_file_keeps_the_baseline(accepted: Path) -> None:
    # X101's message names the nearest listener, which lives in uwsgi.ini: moving that port
    # changed the message and brought X101 back with the old fingerprint.
    ini = accepted / "deploy/opt/cmdb/uwsgi.ini"
    ini.write_text(ini.read_text().replace("socket=0.0.0.0:18001", "socket=0.0.0.0:18002"))
    result = run("check", "deploy", "--baseline", "baseline.json", "--format", "json", cwd=accepted)
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["U108"]   # only the edited line is new


def test_the_baseline_works_from_another_directory(accepted: Path) -> None:
    (accepted / "elsewhere").mkdir()
    result = run("check", "../deploy", "--baseline", "../baseline.json", "--format", "json",
                 cwd=accepted / "elsewhere")
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == []


def test_an_old_baseline_is_still_matched_the_old_way(accepted: Path) -> None:
    from wsgilint.engine import Finding
    from wsgilint.model import Span

    document = json.loads((accepted / "baseline.json").read_text())
    del document["fingerprint_version"]
    for entry in document["findings"]:
        entry["fingerprint"] = Finding(entry["code"], entry["slug"], entry["severity"], entry["message"],
                                       Span(entry["path"])).legacy_fingerprint
    (accepted / "old.json").write_text(json.dumps(document))
    result = run("check", "deploy", "--baseline", "old.json", "--format", "json", cwd=accepted)
    assert result.returncode == 0 and json.loads(result.stdout)["findings"] == []
    assert "fingerprints of an older wsgilint" in result.stderr.splitlines()[0]
