import json
import os
import subprocess
import sys

import pytest
from conftest import PROJECT, write_tree

EXAMPLE = PROJECT / "examples" / "seed-django"


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "wsgilint", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=120)


def test_version():
    from wsgilint import __version__
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"wsgilint {__version__}"


def test_version_alone_answers_as_the_command_line_does():
    # `--version` alone is answered before typer is loaded; followed by a command, typer answers.
    alone, through_typer = run("--version"), run("--version", "rules")
    assert (alone.returncode, alone.stdout, alone.stderr) == (through_typer.returncode, through_typer.stdout,
                                                              through_typer.stderr)


def test_text_options_are_converted_as_typer_converts_them():
    coercion = pytest.importorskip("typer._coercion")
    import typer.main

    from wsgilint.cli import app

    group = typer.main.get_command(app)
    for command in [group, *group.commands.values()]:
        context = command.make_context(command.name, ["--help"], resilient_parsing=True)
        for param in command.get_params(context):
            for value in (None, "json", ("a", "b,c"), [], ("1",), "3"):
                ours, typers = [], []
                for conversion, into in ((param.get_runtime_param(), ours),
                                         (coercion.build_runtime_param(param.type_descriptor), typers)):
                    try:
                        into.append(conversion.coerce(value, param=param, ctx=context))
                    except Exception as error:  # the same error, or the same value
                        into.append((type(error), str(error)))
                assert ours == typers, (command.name, param.name, value)


def test_json_shape_and_relative_paths():
    result = run("check", "examples/seed-django", "--format", "json", cwd=PROJECT)
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert set(document) >= {"version", "files", "findings", "summary"}
    assert {"path", "kind"} <= set(document["files"][0])
    finding = next(f for f in document["findings"] if f["code"] == "X101")
    assert {"code", "slug", "severity", "message", "path", "line", "column", "related"} <= set(finding)
    assert finding["path"] == "examples/seed-django/etc/nginx/conf.d/cmdb.conf"
    assert finding["related"] and finding["related"][0]["path"] == "examples/seed-django/opt/cmdb/uwsgi.ini"
    assert document["summary"]["error"] == sum(f["severity"] == "error" for f in document["findings"])


def test_seed_example_findings():
    result = run("check", str(EXAMPLE), "--format", "json")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert {"X101", "X107", "U106"} <= codes
    assert "X106" not in codes  # listen=2048 equals the somaxconn the seed sets


def test_github_format():
    result = run("check", "examples/seed-django", "--format", "github", cwd=PROJECT)
    line = next(text for text in result.stdout.splitlines() if "X101" in text)
    assert line.startswith("::error file=examples/seed-django/etc/nginx/conf.d/cmdb.conf,line=")
    assert ",title=X101 pass-target-mismatch::" in line


def test_console_is_plain_without_a_terminal():
    result = run("check", "examples/seed-django", cwd=PROJECT)
    assert "\x1b[" not in result.stdout
    assert "X101 pass-target-mismatch" in result.stdout
    assert "-->" in result.stdout
    assert result.stdout.splitlines()[-1] == "3 errors, 3 warnings, 3 info in 7 files"


def test_fail_on_threshold(tmp_path):
    write_tree(tmp_path, {"uwsgi.ini": "[uwsgi]\nsocket = /run/app.sock\n"})  # U106, a warning
    assert run("check", str(tmp_path)).returncode == 1
    assert run("check", str(tmp_path), "--fail-on", "error").returncode == 0
    assert run("check", str(tmp_path), "--fail-on", "never").returncode == 0


@pytest.mark.parametrize("args, code", [
    (["check", "--fail-on", "info"], 1), (["check", "--fail-on", "never"], 0), (["graph", "--format", "dot"], 0),
    (["check", "--jobs", "1"], 1), (["check", "-j", "0"], 2)])
def test_a_choice_given_is_taken_without_pydantic(args, code):
    # typer converts an option it does not know through pydantic, whose import costs more than
    # checking a small tree: the choices (Literal) are click's value as it is.
    child = ("import sys; from wsgilint.cli import main\n"
             "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
             "print('pydantic' in sys.modules, code, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", child, *args, str(EXAMPLE)], capture_output=True, text=True,
                          timeout=120)
    assert done.stderr.splitlines()[-1] == f"False {code}"


def test_a_console_check_of_the_example_loads_no_crossplane_json_or_shlex():
    # Each costs start-up: crossplane's tables are written out (tools/gen_nginx_tables.py),
    # JSON is read or written only for a baseline, a JSON report or a table not written out,
    # and shlex lexes only commands with quotes or backslashes (this tree has none).
    child = ("import sys; from wsgilint.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(name for name in sys.modules if name.split('.')[0] in ('crossplane', 'json', "
             "'simplejson', 'shlex')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", child, "check", str(EXAMPLE)], capture_output=True, text=True,
                          timeout=120)
    assert done.stderr.splitlines()[-1] == "[]"


@pytest.mark.parametrize("value", ["0", "-1", "x", "1.5", "\u0663", ""])
def test_jobs_must_be_a_whole_number_of_at_least_one(value):
    done = run("check", "--jobs", value, str(EXAMPLE))
    assert done.returncode == 2 and "--jobs" in done.stderr and "at least 1" in done.stderr


def test_select_and_ignore(tmp_path):
    write_tree(tmp_path, {"uwsgi.ini": "[uwsgi]\nsocket = /run/app.sock\nvaccum = true\n"})
    def codes(*a):
        return {f["code"] for f in json.loads(run("check", str(tmp_path), "--format", "json", *a).stdout)["findings"]}

    assert codes() >= {"U101", "U106"}
    assert codes("--select", "U101") == {"U101"}
    assert "U101" not in codes("--ignore", "unknown-option")


def test_verbose_lists_kinds_and_skips(tmp_path):
    write_tree(tmp_path, {"uwsgi.ini": "[uwsgi]\nsocket = :3031\n", "notes.txt": "hello\n",
                          "nginx.service": "#!/bin/sh\nexec nginx\n"})
    result = run("check", str(tmp_path), "--verbose")
    assert "uwsgi" in result.stderr and "uwsgi.ini" in result.stderr
    skipped = [text for text in result.stderr.splitlines() if "nginx.service" in text]
    assert skipped and "skipped" in skipped[0]


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path):
    result = run("check", str(tmp_path / "nope"), "--format", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == f"wsgilint: {tmp_path / 'nope'}: no such file or directory"


def test_a_root_that_does_not_exist_is_a_usage_error(tmp_path):
    result = run("check", str(tmp_path), "--root", str(tmp_path / "nope"))
    assert result.returncode == 2 and "--root" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("option, pattern, hint", [
    ("--select", "X10l", "did you mean X101?"),
    ("--ignore", "pass-target-mismach", "did you mean pass-target-mismatch?"),
])
def test_a_rule_pattern_that_names_no_rule_is_a_usage_error(tmp_path, option, pattern, hint):
    result = run("check", str(tmp_path), option, pattern)
    assert result.returncode == 2 and hint in result.stderr and len(result.stderr.splitlines()) == 1


def test_usage_error_exits_2():
    result = run("check", "--format", "yaml")
    assert result.returncode == 2


def test_internal_error_is_one_line(tmp_path):
    # A rule module that raises must not print a traceback: one line, exit 2.
    sitecustomize = tmp_path / "sitecustomize.py"
    sitecustomize.write_text(
        "import wsgilint.engine as e\n"
        "def boom(*a, **k):\n    raise RuntimeError('rule exploded')\n"
        "e.run_rules = boom\n"
    )
    env = {"PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = run("check", str(tmp_path), env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == ["wsgilint: internal error: RuntimeError: rule exploded (run with --debug for the traceback)"]
    assert "Traceback" in run("check", str(tmp_path), "--debug", env=env).stderr


def test_explain_prints_the_rules_page_by_code_or_slug():
    page = (PROJECT / "docs" / "rules" / "X102.md").read_text()
    by_code = run("explain", "x102")
    assert by_code.returncode == 0 and by_code.stdout == page
    both = run("explain", "uwsgi-pass-to-http-listener", "N101")
    assert both.stdout == page + "\n" + (PROJECT / "docs" / "rules" / "N101.md").read_text()


def test_explain_an_unknown_rule_exits_2_and_names_it():
    result = run("explain", "X101", "X999")
    assert result.returncode == 2 and result.stdout == ""
    assert "no rule X999" in result.stderr and "Traceback" not in result.stderr
