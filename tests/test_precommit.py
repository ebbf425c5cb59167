"""The pre-commit hook as users get it: pre-commit installs this project from a git repo and runs it."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit, part of the test extra")

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__",
    ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache")

NGINX_CONF = """\
events {}
http {
    server {
        listen 127.0.0.1:8080;
        location / {
            include uwsgi_params;
            uwsgi_pass 127.0.0.1:8001;
        }
    }
}
"""
UWSGI_PARAMS = """\
uwsgi_param  QUERY_STRING    $query_string;
uwsgi_param  REQUEST_METHOD  $request_method;
uwsgi_param  CONTENT_TYPE    $content_type;
uwsgi_param  CONTENT_LENGTH  $content_length;
uwsgi_param  REQUEST_URI     $request_uri;
uwsgi_param  PATH_INFO       $document_uri;
uwsgi_param  SERVER_PROTOCOL $server_protocol;
uwsgi_param  REMOTE_ADDR     $remote_addr;
uwsgi_param  SERVER_NAME     $server_name;
uwsgi_param  SERVER_PORT     $server_port;
"""
UWSGI_INI = """\
[uwsgi]
module = app.wsgi:application
master = true
processes = 2
need-app = true
die-on-term = true
%s = 127.0.0.1:8001
"""


def hook(name: str = "wsgilint") -> dict:
    return next(entry for entry in yaml.safe_load(HOOKS.read_text()) if entry["id"] == name)


def test_two_hooks():
    assert [entry["id"] for entry in yaml.safe_load(HOOKS.read_text())] == ["wsgilint", "wsgilint-files"]


@pytest.mark.parametrize("path", [
    "nginx.conf", "deploy/etc/nginx/sites-enabled/example", "deploy/etc/nginx/conf.d/app.conf",
    "uwsgi.ini", "deploy/etc/uwsgi/apps-enabled/app.ini", "gunicorn.conf.py", "etc/gunicorn/app.conf.py",
    "supervisor/conf.d/app.conf", "etc/systemd/system/app.service", "etc/systemd/system/app.socket",
    "etc/sysctl.d/99-net.conf", "etc/sysctl.conf", "etc/security/limits.conf", "nginx/uwsgi_params",
])
def test_files_pattern_triggers_on_config_kinds(path: str):
    assert re.search(hook()["files"], path)
    assert re.search(hook("wsgilint-files")["files"], path)


@pytest.mark.parametrize("path", ["app/views.py", "README.md", "setup.py", "requirements.txt"])
def test_files_pattern_ignores_other_files(path: str):
    assert not re.search(hook()["files"], path)
    assert not re.search(hook("wsgilint-files")["files"], path)


@pytest.mark.parametrize("path", ["pyproject.toml", "deploy/wsgilint.toml", ".wsgilint.toml"])
def test_a_settings_change_reruns_the_whole_check_only(path: str):
    assert re.search(hook()["files"], path)
    assert re.search(hook("wsgilint-files")["exclude"], path)


def test_hook_checks_the_whole_tree():
    assert hook()["entry"] == "wsgilint check"
    assert hook()["language"] == "python"
    assert hook()["pass_filenames"] is False


def test_files_hook_checks_the_staged_files_with_their_own_rules():
    files = hook("wsgilint-files")
    assert files["entry"] == "wsgilint check --extend-ignore X"
    assert files["language"] == "python"
    assert files.get("pass_filenames", True) is True


def test_extend_ignore_keeps_the_settings_ignore(tmp_path: Path):
    """The files hook turns the X rules off without dropping the project's own ignores."""
    (tmp_path / "pyproject.toml").write_text('[tool.wsgilint]\nignore = ["U112"]\n')
    (tmp_path / "uwsgi.ini").write_text("[uwsgi]\nmodule = app:application\nprocesses = 2 # two\n")
    wsgilint = Path(sys.executable).parent / "wsgilint"
    out = subprocess.run([str(wsgilint), "check", "uwsgi.ini", "--extend-ignore", "X", "--format", "json"],
                         cwd=tmp_path, capture_output=True, text=True, check=False).stdout
    codes = {finding["code"] for finding in json.loads(out)["findings"]}
    assert "U102" in codes and "U112" not in codes


def git(cwd: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=wsgilint tests", "-c", "user.email=tests@wsgilint.invalid",
         "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, capture_output=True, text=True, timeout=60, check=True)
    return completed.stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_run_fails_on_a_broken_tree_and_passes_once_fixed(tmp_path: Path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the test extra)")
    # pre-commit clones hook repositories by revision, so it needs a commit: this working
    # tree, as it is now, committed into a throwaway repository.
    hook_repo = tmp_path / "wsgilint"
    shutil.copytree(ROOT, hook_repo, symlinks=True, ignore=NOT_SOURCES)
    git(hook_repo, "init", "-q")
    git(hook_repo, "add", "-A")
    git(hook_repo, "commit", "-q", "-m", "snapshot")
    revision = git(hook_repo, "rev-parse", "HEAD")

    project = tmp_path / "project"
    (project / "deploy").mkdir(parents=True)
    git(project, "init", "-q")
    (project / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {hook_repo}\n"
        f"    rev: {revision}\n"
        "    hooks:\n"
        "      - id: wsgilint\n"
        "        args: [--fail-on, error]\n"
        "      - id: wsgilint-files\n"
        "        args: [--fail-on, error]\n")
    (project / "deploy" / "nginx.conf").write_text(NGINX_CONF)
    (project / "deploy" / "uwsgi_params").write_text(UWSGI_PARAMS)
    ini = project / "deploy" / "uwsgi.ini"

    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PRE_COMMIT_COLOR"] = "never"

    def pre_commit_run(*args: str, stage: bool = True) -> subprocess.CompletedProcess:
        if stage:
            git(project, "add", "-A")
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", *(args or ("--all-files",))],
            cwd=project, env=env, capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)

    def status(output: str, name: str) -> str:
        found = re.search(rf"^{re.escape(name)}\.+(Passed|Failed|\(no files to check\)Skipped)$", output, re.M)
        assert found, output
        return found.group(1)

    ini.write_text(UWSGI_INI % "http-socket")
    broken = pre_commit_run()
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "X102" in broken.stdout, broken.stdout
    assert "nginx.conf" in broken.stdout
    # The mismatch joins two files: only the whole-tree hook can see it.
    assert status(broken.stdout, "wsgilint") == "Failed"
    assert status(broken.stdout, "wsgilint (staged files)") == "Passed"

    ini.write_text(UWSGI_INI % "socket")
    fixed = pre_commit_run()
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "X102" not in fixed.stdout

    # The files hook reads the staged files only: a broken file that is not staged is not read.
    ini.write_text(UWSGI_INI.replace("[uwsgi]", "[uwsgi] # main") % "socket")
    git(project, "add", "deploy/uwsgi.ini")
    (project / "deploy" / "legacy.ini").write_text("[uwsgi]\nmodule = app:application\nhttp = 0.0.0.0:80\nhttp = :81\n"
                                                   .replace("[uwsgi]", "[uwsgi ]"))
    staged = pre_commit_run("wsgilint-files", stage=False)
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert "deploy/uwsgi.ini:1:1: error U104" in staged.stdout
    assert "legacy.ini" not in staged.stdout
    assert "X1" not in staged.stdout
    named = pre_commit_run("wsgilint-files", "--files", "deploy/legacy.ini", stage=False)
    assert "deploy/legacy.ini:1:1: error U104" in named.stdout, named.stdout + named.stderr
    assert "deploy/uwsgi.ini" not in named.stdout
