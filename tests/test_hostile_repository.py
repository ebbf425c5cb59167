"""One hostile repository holding every attack of the hostile-input issue at once.

A pull request may be an attack: include diamonds, a FIFO named by an include, a link to
``/``, ``..`` includes, a numprocs bomb, a huge Gunicorn expression, control characters
and workflow commands in values, rich markup, a file name that is not UTF-8, and
settings that try to silence the check (used with ``--isolated``). ``wsgilint check``
on it must end quickly and small, with a finding for each attack, exit 1, no traceback.

The tree is generated (FIFOs, links and byte names cannot live in the repository).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, write_tree
from test_bounded_work import HUGE_EXPRESSIONS, nginx_diamond, uwsgi_diamond

MAX_CPU_SECONDS = 5.0
MAX_WALL_SECONDS = 30.0       # a shared machine; CPU time is what the bound is about
MAX_RSS_MB = 200

_MEASURE = textwrap.dedent("""\
    import json, resource, subprocess, sys, time
    started = time.perf_counter()
    done = subprocess.run(sys.argv[1:], capture_output=True, timeout=120)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"code": done.returncode, "wall": time.perf_counter() - started,
                      "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
                      "stdout": done.stdout.decode("utf-8", "replace"),
                      "stderr": done.stderr.decode("utf-8", "replace")}))
""")


def hostile_tree(root: Path) -> Path:
    outside = write_tree(root / "outside", {"secret.conf": "server { server_name SECRET; }\n"})
    tree = root / "pr"
    diamond = {path.replace("etc/nginx/", "nginx/"): text for path, text in nginx_diamond(22).items()}
    diamond["nginx/nginx.conf"] = (
        "events {}\nhttp {\n    include d0.conf;\n    include pipe.conf;\n    include ../../outside/secret.conf;\n"
        "    server {\n        listen 80;\n"
        "        include \"../../x\n::set-output name=token::stolen\n\x1b]0;pwned\x07\";\n"
        "        location / { include uwsgi_params; uwsgi_pass unix:/run/app.sock; }\n    }\n}\n")
    write_tree(tree, {
        **diamond,
        **{path.replace("etc/uwsgi/", "uwsgi/"): text for path, text in uwsgi_diamond(25).items()},
        "uwsgi/escape.ini": "[uwsgi]\nsocket = /run/app.sock\ninclude = ../../outside/secret.ini\n"
                            "include = ../[bold]hi[/bold][/nope] ##[error].ini\n",
        "supervisor/supervisord.conf": "[supervisord]\n[program:bomb]\ncommand = /usr/bin/true\n"
                                       "numprocs = 1000000\nprocess_name = %(program_name)s_%(process_num)d\n",
        "app/gunicorn.conf.py": HUGE_EXPRESSIONS,
        "host": "@link:/",
        "outside-link": f"@link:{outside}",
        "wsgilint.toml": 'fail-on = "never"\nignore = ["E", "N", "U", "G", "S", "X", "L", "D"]\n',
    })
    os.mkfifo(tree / "nginx" / "pipe.conf")
    (tree / "nginx").joinpath(os.fsdecode(b"caf\xe9.conf")).write_text(
        "server {\n    listen 81;\n    bogus_directive on;\n}\n")
    return tree


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return hostile_tree(tmp_path)


def run(tree: Path, *options: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "GITHUB_ACTIONS": "true"}
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "wsgilint", "check", "--isolated", ".", *options]
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, timeout=300)
    result: dict[str, Any] = json.loads(done.stdout)
    print(f"{result['cpu']:.1f} s CPU, {result['wall']:.1f} s, peak RSS {result['rss_mb']:.0f} MB")
    return result


def test_hostile_repository_ends_fast_small_and_reports_every_attack(hostile: Path) -> None:
    result = run(hostile, "--format", "json")
    assert "Traceback" not in result["stderr"], result["stderr"][-3000:]
    assert result["code"] == 1, (result["code"], result["stderr"][-2000:])   # --isolated: fail-on = never ignored
    assert result["cpu"] < MAX_CPU_SECONDS and result["wall"] < MAX_WALL_SECONDS, result
    assert result["rss_mb"] < MAX_RSS_MB, result["rss_mb"]
    findings = json.loads(result["stdout"])["findings"]
    found = {(f["code"], os.path.basename(f["path"])) for f in findings}
    messages = " ".join(f["message"] for f in findings)
    assert ("E009", "supervisord.conf") in found                      # numprocs bomb
    assert any(code == "E009" and name.startswith("d") for code, name in found)    # nginx diamond
    assert any(code == "E009" and name.startswith("u") for code, name in found)    # uWSGI diamond
    assert ("E002", "gunicorn.conf.py") in found                      # an expression Python cannot run
    assert ("E001", "pipe.conf") in found and "FIFO" in messages      # a FIFO is never opened
    assert ("E008", "nginx.conf") in found                            # ../ out of the tree
    assert ("E008", "escape.ini") in found
    assert any(code == "E008" and name in ("host", "outside-link") for code, name in found)   # links out
    assert any("caf" in name for _, name in found)                    # the byte name is reported, escaped
    assert "set-output name=token" in messages and "[bold]hi[/bold][/nope]" in messages   # quoted as data
    assert "SECRET" not in result["stdout"] + result["stderr"]
    assert not any(line.lstrip().startswith("::") or "##[" in line
                   for line in (result["stdout"] + result["stderr"]).splitlines())


@pytest.mark.parametrize("output_format", ["console", "github", "sarif"])
def test_hostile_repository_in_every_format(hostile: Path, output_format: str) -> None:
    result = run(hostile, "--format", output_format)
    assert result["code"] == 1 and "Traceback" not in result["stderr"], result["stderr"][-3000:]
    output = result["stdout"] + result["stderr"]
    assert "\x1b" not in output and "\x07" not in output
    commands = [line for line in output.splitlines() if line.lstrip().startswith("::") or "##[" in line]
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in commands), commands
    if output_format == "console":
        assert "[bold]hi[/bold][/nope]" in output
