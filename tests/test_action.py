"""The composite GitHub Action: its inputs, and its steps' scripts run here as the runner runs them.

A pull request is checked out into the working directory and may plant modules there
(``pip.py``, ``pip/``, ``crossplane.py``) that would run with the job's token if
anything imported from it; a planted module writes a marker file, which must never
appear. The install step installs into a throwaway virtual environment (wsgilint only,
built with the setuptools it already has), so the test environment is left as it is.
The steps that use other actions (actions/cache, upload-sarif) are GitHub's; here the
wheel folder is simply kept between two runs, and the SARIF file is checked as written.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import write_tree

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit, part of the test extra")

PROJECT = Path(__file__).resolve().parent.parent
ACTION = PROJECT / "action.yml"
sys.path.insert(0, str(PROJECT / "action"))
import run as run_script  # noqa: E402
import verdict as verdict_script  # noqa: E402
import wheels as wheels_script  # noqa: E402

Action = dict[str, Any]
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
STEP_SCRIPT = re.compile(r'python -I "\$WSGILINT_ACTION_PATH/action/(\w+\.py)"')
NGINX_SITE = "server {\n    listen 80;\n    location / { uwsgi_pass 127.0.0.1:9000; }\n}\n"


@pytest.fixture(scope="module")
def action() -> Action:
    loaded: Action = yaml.safe_load(ACTION.read_text())
    return loaded


def _step(action: Action, name: str) -> Action:
    return next(step for step in action["runs"]["steps"] if step.get("name") == name)


@pytest.fixture(scope="module")
def runner_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh Python, standing in for the one actions/setup-python provides."""
    venv = tmp_path_factory.mktemp("runner") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    return venv / "bin"


class Runner:
    """Runs steps of the action as a runner does: expressions filled in, the step's env,
    bash -e, in its working-directory or else the workspace; outputs read back from
    $GITHUB_OUTPUT; a job summary file; $RUNNER_TEMP."""

    def __init__(self, action: Action, workspace: Path, temp: Path, inputs: dict[str, str] | None = None,
                 python: Path | None = None) -> None:
        self.action, self.workspace, self.temp = action, workspace, temp
        self.values = {f"inputs.{name}": spec.get("default", "") for name, spec in action["inputs"].items()}
        self.values.update({f"inputs.{name}": value for name, value in (inputs or {}).items()})
        self.values["github.action_path"] = str(PROJECT)
        self.python = python or Path(sys.executable).parent
        self.summary = temp / "step-summary.md"
        self.runner_temp = temp / "runner-temp"
        self.runner_temp.mkdir(parents=True, exist_ok=True)

    def fill(self, text: str) -> str:
        return EXPRESSION.sub(lambda match: str(self.values.get(match.group(1), "")), text)

    def run(self, name: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        step = _step(self.action, name)
        output = self.temp / f"output-{step.get('id', 'step')}"
        output.write_text("")
        env = {**os.environ, "PATH": f"{self.python}{os.pathsep}{os.environ['PATH']}",
               "PYTHONDONTWRITEBYTECODE": "1", "PIP_NO_DEPS": "1", "PIP_NO_BUILD_ISOLATION": "1",
               "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(self.summary),
               "RUNNER_TEMP": str(self.runner_temp)}
        env.update({key: self.fill(str(value)) for key, value in step.get("env", {}).items()})
        directory = cwd or (Path(self.fill(step["working-directory"])) if "working-directory" in step
                            else self.workspace)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", self.fill(step["run"])],
                                cwd=directory, env=env, capture_output=True, text=True, timeout=600, check=False)
        for line in output.read_text().splitlines():
            key, _, value = line.partition("=")
            self.values[f"steps.{step.get('id')}.outputs.{key}"] = value
        return result

    def output(self, step_id: str, key: str) -> str:
        return str(self.values.get(f"steps.{step_id}.outputs.{key}", ""))


def _pull_request(tmp_path: Path, extra: dict[str, str] | None = None) -> tuple[Path, Path]:
    """A checkout with modules planted where `python -m ...` would import them first."""
    marker = tmp_path / "planted-code-ran"
    plant = f"open({str(marker)!r}, 'w').write('ran')\n"
    workspace = write_tree(tmp_path / "workspace", {
        "pip.py": plant, "pip/__init__.py": plant, "pip/__main__.py": plant, "crossplane.py": plant,
        "deploy/nginx/site.conf": NGINX_SITE,
        # The site's nginx.conf is checked too, so the missing uwsgi_params is an error, not an assumption.
        "deploy/nginx/nginx.conf": "events {}\nhttp {\n    include site.conf;\n}\n",
        "pyproject.toml": '[tool.wsgilint]\nfail-on = "never"\nignore = ["E", "X", "N", "U"]\n',
        **(extra or {}),
    })
    return workspace, marker


def test_inputs_have_defaults(action: Action) -> None:
    defaults = {name: spec["default"] for name, spec in action["inputs"].items()}
    assert defaults == {"path": ".", "args": "", "config": "", "isolated": "false", "sarif": "false",
                        "summary": "true", "cache": "true"}


def test_every_script_step_runs_a_file_of_the_action_isolated(action: Action) -> None:
    """No inline shell to drift from the tests: each step runs one script of action/ with -I."""
    assert action["runs"]["using"] == "composite"
    scripts = set()
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        assert step.get("shell") == "bash"
        assert "${{" not in step["run"], "expressions pasted into a script can inject shell code"
        (script,) = STEP_SCRIPT.fullmatch(step["run"].strip()).groups()  # type: ignore[union-attr]
        assert (PROJECT / "action" / script).is_file()
        assert step["env"]["WSGILINT_ACTION_PATH"] == "${{ github.action_path }}"
        scripts.add(script)
    assert scripts == {path.name for path in (PROJECT / "action").glob("*.py")}


def test_every_input_is_used(action: Action) -> None:
    text = ACTION.read_text()
    for name in action["inputs"]:
        assert f"inputs.{name}" in text.partition("runs:")[2], name


def test_install_runs_where_the_checkout_is_not(action: Action) -> None:
    for name in ("Locate wheels", "Install wsgilint"):
        assert _step(action, name)["working-directory"] == "${{ github.action_path }}"


def test_other_actions_are_pinned_to_a_major_and_conditional(action: Action) -> None:
    cache = _step(action, "Restore wheels")
    assert cache["uses"] == "actions/cache@v5" and cache["if"] == "inputs.cache == 'true'"
    assert cache["with"] == {"path": "${{ steps.wheels.outputs.dir }}", "key": "${{ steps.wheels.outputs.key }}"}
    upload = _step(action, "Upload SARIF")
    assert upload["uses"] == "github/codeql-action/upload-sarif@v4"
    assert upload["if"] == "inputs.sarif == 'true' && steps.run.outputs.sarif-file != ''"
    assert upload["with"]["sarif_file"] == "${{ steps.run.outputs.sarif-file }}"
    names = [step["name"] for step in action["runs"]["steps"]]
    assert names.index("Run wsgilint") < names.index("Upload SARIF") < names.index("Verdict"), \
        "SARIF is uploaded before the verdict fails the job"


def test_planted_pip_would_run_without_isolation(tmp_path: Path) -> None:
    """The plant works: a plain `python -m pip` in the checkout runs it."""
    workspace, marker = _pull_request(tmp_path)
    subprocess.run([sys.executable, "-m", "pip", "--version"], cwd=workspace, capture_output=True, timeout=60,
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, check=False)
    assert marker.exists()


@pytest.mark.parametrize("where", ["declared", "checkout"])
def test_install_builds_once_then_installs_the_cached_wheel(action: Action, tmp_path: Path, where: str,
                                                            runner_python: Path) -> None:
    """As declared (in the action's directory), and even if run in the checkout: no planted
    code runs, nothing is written into the action, and a second job installs the wheel
    the first one built (the folder actions/cache would restore) without building."""
    uninstall = [str(runner_python / "python"), "-m", "pip", "uninstall", "-y", "-q", "wsgilint"]
    subprocess.run(uninstall, capture_output=True, check=False)   # the venv is shared by both cases
    workspace, marker = _pull_request(tmp_path)
    before = sorted(path.name for path in PROJECT.iterdir())
    runner = Runner(action, workspace, tmp_path, python=runner_python)
    cwd = workspace if where == "checkout" else None
    located = runner.run("Locate wheels", cwd=cwd)
    assert located.returncode == 0, located.stderr
    wheels = Path(runner.output("wheels", "dir"))
    assert wheels.parent == runner.runner_temp
    assert runner.output("wheels", "key").startswith("wsgilint-wheels-")

    first = runner.run("Install wsgilint", cwd=cwd)
    assert first.returncode == 0, first.stderr
    assert " wheel --wheel-dir " in first.stdout
    assert "Successfully installed wsgilint" in first.stdout
    assert (runner_python / "wsgilint").exists()
    assert list(wheels.glob("wsgilint-*-py3-none-any.whl"))

    subprocess.run(uninstall, check=True)
    second = runner.run("Install wsgilint", cwd=cwd)
    assert second.returncode == 0, second.stderr
    assert "from the cache" in second.stdout and " wheel --wheel-dir " not in second.stdout
    assert "--no-index" in second.stdout and "Successfully installed wsgilint" in second.stdout
    assert not marker.exists()
    assert sorted(path.name for path in PROJECT.iterdir()) == before, "the build wrote into the action"


def test_cache_key_follows_the_build_inputs(tmp_path: Path) -> None:
    copy = tmp_path / "action"
    copy.mkdir()
    for name in wheels_script.BUILD_INPUTS:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, symlinks=False, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, copy / name)
    (copy / "action").mkdir()
    shutil.copy2(PROJECT / wheels_script.CONSTRAINTS, copy / wheels_script.CONSTRAINTS)
    key = wheels_script.cache_key(copy)
    assert key == wheels_script.cache_key(PROJECT), "the rules link is hashed as the files it points to"
    (copy / "tests-only-file.txt").write_text("not a build input")
    assert wheels_script.cache_key(copy) == key
    rule = next((copy / "wsgilint" / "rules").glob("x101_*.py"))
    rule.write_text(rule.read_text() + "\n")
    assert wheels_script.cache_key(copy) != key
    pins = copy / wheels_script.CONSTRAINTS
    changed = wheels_script.cache_key(copy)
    pins.write_text(pins.read_text().replace("rich==", "rich==0."))
    assert wheels_script.cache_key(copy) != changed, "new pins are new wheels"


def _run(action: Action, tmp_path: Path, inputs: dict[str, str],
         extra: dict[str, str] | None = None) -> tuple[Runner, subprocess.CompletedProcess[str], Path]:
    workspace, marker = _pull_request(tmp_path, extra)
    runner = Runner(action, workspace, tmp_path, inputs)
    return runner, runner.run("Run wsgilint"), marker


def test_run_step_never_imports_from_the_checkout(action: Action, tmp_path: Path) -> None:
    runner, result, marker = _run(action, tmp_path, {"path": "deploy", "isolated": "true"})
    assert not marker.exists()
    assert result.returncode == 0, result.stderr   # the findings fail the Verdict step, after the upload
    assert "::error file=deploy/nginx/site.conf,line=3" in result.stdout
    assert runner.output("run", "exit-code") == "1"


def test_totals_in_the_log_and_the_outputs(action: Action, tmp_path: Path) -> None:
    runner, result, _ = _run(action, tmp_path, {"path": "deploy", "isolated": "true"})
    report = json.loads(subprocess.run([run_script.wsgilint_script(), "check", "deploy", "--isolated",
                                        "--format", "json"], cwd=runner.workspace, capture_output=True,
                                       text=True, check=False).stdout)
    errors, warnings, infos = (report["summary"][s] for s in ("error", "warning", "info"))
    assert errors >= 1
    assert f"wsgilint: {errors} error{'s' if errors != 1 else ''}, " in result.stdout
    assert result.stdout.rstrip().endswith("in 2 files")
    assert (runner.output("run", "errors"), runner.output("run", "warnings"), runner.output("run", "infos")) == \
        (str(errors), str(warnings), str(infos))
    assert runner.output("run", "sarif-file") == ""


def test_verdict_fails_the_job_on_findings(action: Action, tmp_path: Path) -> None:
    runner, _, _ = _run(action, tmp_path, {"path": "deploy", "isolated": "true"})
    failed = runner.run("Verdict")
    assert failed.returncode == 1
    assert "a finding reaches --fail-on" in failed.stderr
    runner, _, _ = _run(action, tmp_path / "passing", {"path": "deploy", "args": "--fail-on never"})
    assert runner.run("Verdict").returncode == 0


def test_verdict_without_a_run() -> None:
    assert verdict_script.main({}) == 2
    assert verdict_script.main({"WSGILINT_EXIT_CODE": "0"}) == 0


def test_usage_error_fails_the_run_step(action: Action, tmp_path: Path) -> None:
    _, result, _ = _run(action, tmp_path, {"path": "deploy", "args": "--select X10l"})
    assert result.returncode == 2
    assert "X10l" in result.stderr
    _, result, _ = _run(action, tmp_path / "format", {"path": "deploy", "args": "--format json"})
    assert result.returncode == 2 and "remove --format" in result.stderr


def test_isolated_ignores_the_settings_of_the_checkout(action: Action, tmp_path: Path) -> None:
    runner, _, _ = _run(action, tmp_path / "a", {"path": "deploy"})
    assert runner.output("run", "exit-code") == "0"    # the PR turned checks off
    runner, _, _ = _run(action, tmp_path / "b", {"path": "deploy", "isolated": "true"})
    assert runner.output("run", "exit-code") == "1"
    trusted = tmp_path / "trusted.toml"
    trusted.write_text('fail-on = "never"\n')
    runner, result, _ = _run(action, tmp_path / "c", {"path": "deploy", "isolated": "true", "config": str(trusted)})
    assert runner.output("run", "exit-code") == "0", result.stderr


def test_paths_split_like_words_and_quotes_keep_spaces(action: Action, tmp_path: Path) -> None:
    extra = {"other place/nginx/app.conf": NGINX_SITE}
    runner, result, _ = _run(action, tmp_path, {"path": "deploy 'other place'", "isolated": "true"}, extra)
    assert "file=deploy/nginx/site.conf" in result.stdout
    assert "file=other place/nginx/app.conf" in result.stdout


def test_sarif_is_written_for_the_upload(action: Action, tmp_path: Path) -> None:
    runner, result, _ = _run(action, tmp_path, {"path": "deploy", "isolated": "true", "sarif": "true"})
    assert result.returncode == 0, result.stderr
    sarif = Path(runner.output("run", "sarif-file"))
    assert sarif == runner.runner_temp / "wsgilint.sarif"
    log = json.loads(sarif.read_text())
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert len(results) == int(runner.output("run", "errors")) + int(runner.output("run", "warnings")) + \
        int(runner.output("run", "infos"))
    assert not (runner.workspace / "wsgilint.sarif").exists(), "nothing is written into the checked tree"


def test_job_summary_has_totals_and_a_table_per_code(action: Action, tmp_path: Path) -> None:
    runner, _, _ = _run(action, tmp_path, {"path": "deploy", "isolated": "true"})
    text = runner.summary.read_text()
    assert text.startswith("## wsgilint\n\n**")
    assert "a finding reaches `--fail-on`: the job fails" in text
    assert re.search(r'<tr><td><a href="https://github.com/wsgilint/wsgilint/blob/v[0-9.]+/docs/rules/N101.md">'
                     r"<code>N101</code></a></td><td><code>uwsgi-pass-without-params</code></td>"
                     r"<td><code>error</code></td><td>1</td></tr>", text)
    assert "<td><code>deploy/nginx/site.conf:3</code></td>" in text


def test_no_summary_when_turned_off(action: Action, tmp_path: Path) -> None:
    runner, _, _ = _run(action, tmp_path, {"path": "deploy", "isolated": "true", "summary": "false"})
    assert not runner.summary.exists() or runner.summary.read_text() == ""


HOSTILE = ('<img src="https://tracker.example/p.gif">@octocat #1 :tada: [x](https://evil.example) '
           "| <!-- `**www.evil.example**` \u202egnp.exe")
OUR_TAGS = re.compile(r'</?(?:table|thead|tbody|tr|th|td|code|details|summary)>|'
                      r'<a href="https://github\.com/wsgilint/wsgilint/blob/[\w.]+/docs/rules/[A-Z][0-9]{3}\.md">|</a>')


def test_summary_quotes_hostile_names_and_messages_as_inert_text() -> None:
    """A pull request names its files: nothing it writes becomes markup, a link, an image
    or a mention, and a newline cannot end the HTML block (a blank line would)."""
    report = {"version": "0.1.0", "files": [{"path": "x", "kind": "nginx"}],
              "summary": {"error": 1, "warning": 0, "info": 0},
              "findings": [{"code": "N101<b>", "slug": HOSTILE, "severity": "error", "path": f"deploy/{HOSTILE}",
                            "line": 3, "message": f"{HOSTILE}\n\n## forged heading\r\n</table>"}]}
    text = run_script.summary(report, 1)
    block = text[text.index("<table>"):]
    lines = block.rstrip("\n").split("\n")
    for before, line in zip(lines, lines[1:], strict=False):   # a blank line ends an HTML block: only ours do
        assert line.startswith("<") or (line == "" and before.endswith(("</table>", "</details>"))), line
    assert not re.search("[<>]", OUR_TAGS.sub("", block)), "only the tables' own tags are markup"
    assert "\u202e" not in text and "\\u202e" in text
    assert "&lt;img src=&quot;https://tracker.example/p.gif&quot;&gt;" in text
    for cell in re.findall(r"<td>(.*?)</td>", block):
        assert cell.startswith("<code>") or cell.isdigit() or cell.startswith("<a href="), cell
    assert 'docs/rules/N101' not in text, "a code that is not one is not linked"


def test_summary_lists_a_bounded_number_of_findings() -> None:
    finding = {"code": "U101", "slug": "unknown-option", "severity": "warning", "path": "a.ini", "line": 1,
               "message": "m"}
    report = {"version": "0.1.0", "files": [], "summary": {"warning": 250},
              "findings": [finding] * 250}
    text = run_script.summary(report, 1)
    assert "Findings (the first 100 of 250)" in text
    assert text.count("<td><code>a.ini:1</code></td>") == 100
    assert "<td>250</td>" in text
