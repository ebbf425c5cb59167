"""Settings files: ``[tool.wsgilint]`` in pyproject.toml, wsgilint.toml, .wsgilint.toml."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

X108_CASE = PROJECT / "tests" / "fixtures" / "X108" / "supervisor-default-term"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wsgilint", "check", *args], capture_output=True, text=True,
                          cwd=str(cwd), env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=120)


def codes(cwd: Path, *args: str) -> list[str]:
    result = run(cwd, *args, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return sorted({f["code"] for f in json.loads(result.stdout)["findings"]})


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with the seed example in deploy/ and a working directory below it."""
    shutil.copytree(PROJECT / "examples" / "seed-django", tmp_path / "deploy")
    (tmp_path / "work").mkdir()
    return tmp_path


def test_the_nearest_pyproject_with_a_wsgilint_table_applies(project):
    everything = codes(project / "work", "../deploy")
    assert {"X101", "X110", "U106"} <= set(everything)
    (project / "pyproject.toml").write_text('[tool.wsgilint]\nignore = ["X110", "U1"]\nfail-on = "never"\n')
    configured = run(project / "work", "../deploy", "--format", "json")
    assert configured.returncode == 0          # fail-on = "never"
    found = {f["code"] for f in json.loads(configured.stdout)["findings"]}
    assert found == {c for c in everything if c != "X110" and not c.startswith("U1")}


def test_a_pyproject_without_the_table_is_passed_over(project):
    (project / "wsgilint.toml").write_text('select = ["X101"]\n')
    (project / "work" / "pyproject.toml").write_text('[project]\nname = "app"\n')
    assert codes(project / "work", "../deploy") == ["X101"]


def test_another_projects_pyproject_is_not_parsed_and_an_escaped_name_is(project):
    # Not naming wsgilint, even a file that is not TOML is another tool's business.
    (project / "wsgilint.toml").write_text('select = ["X101"]\n')
    (project / "work" / "pyproject.toml").write_text('[project\nname = "app"\n')
    assert codes(project / "work", "../deploy") == ["X101"]
    (project / "work" / "pyproject.toml").write_text('[tool."\\u0077sgilint"]\nselect = ["X110"]\n')
    assert codes(project / "work", "../deploy") == ["X110"]
    (project / "work" / "pyproject.toml").write_text('[tool."\\u0077sgilint"\n')
    assert "not valid TOML" in run(project / "work", "../deploy").stderr


def test_a_pyproject_naming_wsgilint_only_as_a_project_is_not_parsed(project):
    (project / "wsgilint.toml").write_text('select = ["X101"]\n')
    (project / "work" / "pyproject.toml").write_text('[project\nname = "wsgilint"\n[project.scripts]\nwsgilint = "x"\n')
    assert codes(project / "work", "../deploy") == ["X101"]


@pytest.mark.parametrize("text", [
    'tool.wsgilint.select = ["X110"]\n',
    '[ tool . "wsgilint" ]\nselect = ["X110"]\n',
    "[tool]\nwsgilint = { select = ['X110'] }\n",
    "tool = { wsgilint = { select = ['X110'] } }\n",
    '[project]\nname = "app"\n\n[tool]\n"wsgilint".select = ["X110"]\n',
])
def test_every_toml_spelling_of_the_table_is_read(project, text):
    (project / "wsgilint.toml").write_text('select = ["X101"]\n')
    (project / "work" / "pyproject.toml").write_text(text)
    assert codes(project / "work", "../deploy") == ["X110"]


def test_the_command_line_wins_over_the_file(project):
    (project / ".wsgilint.toml").write_text('select = ["X101"]\nfail-on = "never"\n')
    assert codes(project, "deploy", "--select", "X110") == ["X110"]
    assert run(project, "deploy").returncode == 0
    assert run(project, "deploy", "--fail-on", "error").returncode == 1


def test_config_names_a_file_anywhere(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("settings") / "team.toml"
    elsewhere.write_text('select = ["X110"]\n')
    (project / "wsgilint.toml").write_text('select = ["X101"]\n')
    assert codes(project, "deploy", "--config", str(elsewhere)) == ["X110"]


def test_per_file_ignores_by_path_from_the_settings_file_or_by_name(project):
    everything = run(project / "work", "../deploy", "--format", "json")
    in_conf_d = {f["code"] for f in json.loads(everything.stdout)["findings"] if "/conf.d/" in f["path"]}
    in_ini = {f["code"] for f in json.loads(everything.stdout)["findings"] if f["path"].endswith("uwsgi.ini")}
    assert "X110" in in_conf_d and "U106" in in_ini
    (project / "pyproject.toml").write_text(
        '[tool.wsgilint.per-file-ignores]\n"deploy/etc/nginx/conf.d/*.conf" = ["X110"]\n"uwsgi.ini" = ["U106"]\n')
    result = json.loads(run(project / "work", "../deploy", "--format", "json").stdout)["findings"]
    assert not any(f["code"] == "X110" and "/conf.d/" in f["path"] for f in result)
    assert not any(f["code"] == "U106" and f["path"].endswith("uwsgi.ini") for f in result)
    assert any(f["code"] == "X101" for f in result)


def test_versions_in_the_file_act_like_the_options(tmp_path):
    shutil.copytree(X108_CASE, tmp_path / "tree")
    assert "X108" in codes(tmp_path, "tree")
    assert "X108" not in codes(tmp_path, "tree", "--uwsgi-version", "2.1.0")
    (tmp_path / "wsgilint.toml").write_text('uwsgi-version = "2.1.0"\n')
    assert "X108" not in codes(tmp_path, "tree")
    assert "X108" in codes(tmp_path, "tree", "--uwsgi-version", "2.0.31")


@pytest.mark.parametrize("text, message", [
    ('[tool.wsgilint]\nignroe = ["X110"]\n', "unknown key 'ignroe' (did you mean ignore?)"),
    ('[tool.wsgilint]\nselect = "X101"\n', "select must be a list of rule codes"),
    ('[tool.wsgilint]\nfail-on = "errors"\n', "fail-on must be one of error, warning, info, never, not 'errors'"),
    ('[tool.wsgilint]\nuwsgi-version = 2.0\n', "uwsgi-version must be a version string"),
    ('[tool.wsgilint.per-file-ignores]\n"a/*" = "X101"\n', "per-file-ignores.'a/*' must be a list"),
    ('[tool.wsgilint\n', "not valid TOML: Expected ']'"),
    ('[tool.wsgilint]\nselect = ["X10l"]\n', "select: no rule is named 'X10l' (did you mean X101?)"),
    ('[tool.wsgilint]\nignore = ["pass-target-mismach"]\n', "(did you mean pass-target-mismatch?)"),
    ('[tool.wsgilint.per-file-ignores]\n"a/*" = ["Q1"]\n', "no rule is named 'Q1'"),
    ('[tool.wsgilint]\nrequire-reason = "yes"\n', "require-reason must be true or false"),
])
def test_a_broken_settings_file_is_one_line_and_exit_2(project, text, message):
    (project / "pyproject.toml").write_text(text)
    result = run(project / "work", "../deploy")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"wsgilint: {project / 'pyproject.toml'}: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_config_file_is_exit_2(project):
    result = run(project, "deploy", "--config", "nope.toml")
    assert result.returncode == 2 and result.stderr.strip() == "wsgilint: nope.toml: no such settings file"
