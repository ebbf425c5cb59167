"""wsgilint's static reading of Gunicorn configs against Gunicorn 27 itself.

Gunicorn runs only in a subprocess: a temporary HOME and working directory, a scrubbed
environment and a time limit. The corpus configs are executed there by Gunicorn's own
loader (``Application.get_config_from_filename``) and each name is passed to
``cfg.set`` on its own, so one refused value does not hide the others. Settings whose
validator depends on the machine (user and group names, directories and files that
must exist) are not compared.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.model import Span
from wsgilint.model.gunicorn import gunicorn_from_argv
from wsgilint.readers.gunicorn import Hook, read_gunicorn_config

pytest.importorskip("gunicorn")

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MACHINE_DEPENDENT = {"user", "group", "chdir", "reload_extra_files", "control_socket"}

_LOADER = textwrap.dedent("""\
    import json, sys, traceback
    from gunicorn.app.base import Application

    class Probe(Application):
        def init(self, parser, opts, args):
            pass
        def load(self):
            pass
        def load_config(self):
            pass

    config_path, output = sys.argv[1], sys.argv[2]
    probe = Probe()
    result = {"loaded": False, "values": {}, "errors": {}, "error": ""}
    try:
        names = probe.get_config_from_filename(config_path)
    except SystemExit:
        result["error"] = "load failed"
    else:
        result["loaded"] = True
        for key, value in names.items():
            if key not in probe.cfg.settings:
                continue
            try:
                probe.cfg.set(key.lower(), value)
            except Exception as error:
                result["errors"][key] = repr(error)
                continue
            stored = probe.cfg.settings[key].value
            if callable(stored):
                stored = "<callable>"
            result["values"][key] = json.loads(json.dumps(stored, default=repr))
    with open(output, "w") as handle:
        json.dump(result, handle)
""")


def _sandbox_env(home: Path) -> dict[str, str]:
    return {"PATH": os.path.dirname(sys.executable) + ":/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


def gunicorn_reading(config: Path, tmp_path: Path) -> tuple[dict, str]:
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir(exist_ok=True)
    copy = sandbox / config.name
    shutil.copyfile(config, copy)
    (sandbox / "loader.py").write_text(_LOADER)
    output = sandbox / "result.json"
    completed = subprocess.run(
        [sys.executable, "-I", str(sandbox / "loader.py"), str(copy), str(output)],
        cwd=sandbox, env=_sandbox_env(sandbox), capture_output=True, text=True, timeout=30)
    if not output.exists():
        return {"loaded": False, "values": {}, "errors": {}, "error": completed.stderr[-500:]}, completed.stderr
    return json.loads(output.read_text()), completed.stderr


def _corpus_configs() -> list[str]:
    if not CORPUS.is_dir():
        return []
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as handle:
        return [row["local_path"] for row in csv.DictReader(handle, delimiter="\t")
                if row["kind"] == "gunicorn" and row["is_template"] == "no"]


AGREEMENT: dict[str, list[int]] = {"compared": [0], "agreed": [0]}


@dataclass
class GunicornComparison:
    verdict: str                      # compared | both-refuse | cannot-execute
    compared: int = 0
    disagreements: list[tuple] = field(default_factory=list)
    unseen: set[str] = field(default_factory=set)   # settings Gunicorn took that wsgilint did not see
    reason: str = ""


def compare_with_gunicorn(path: Path, tmp_path: Path) -> GunicornComparison:
    """Every resolved literal wsgilint reads in ``path`` against what Gunicorn's own loader sets."""
    config = read_gunicorn_config(str(path), ReadContext(cwd=str(CORPUS)))
    real, stderr = gunicorn_reading(path, tmp_path)
    syntax_problem = any(p.kind == "syntax" and "not valid Python" in p.message for p in config.problems)
    if not real["loaded"]:
        # Gunicorn could not execute the module. When wsgilint says it is not Python the
        # two agree; otherwise the module needs something the sandbox lacks (gevent, ...).
        if "SyntaxError" in stderr or "IndentationError" in stderr:
            assert syntax_problem
            return GunicornComparison("both-refuse")
        assert not syntax_problem
        return GunicornComparison("cannot-execute",
                                  reason=stderr.strip().splitlines()[-1] if stderr.strip() else "")
    assert not syntax_problem
    last = {option.key: option for option in config.options}
    result = GunicornComparison("compared")
    for key, option in last.items():
        if option.unresolved or key in MACHINE_DEPENDENT or isinstance(option.value, Hook):
            continue
        result.compared += 1
        refused = any(p.at == option.at and p.kind == "syntax" for p in config.problems)
        if key in real["errors"]:
            if not refused:
                result.disagreements.append((key, option.value, "Gunicorn refuses: " + real["errors"][key]))
            continue
        if refused:
            result.disagreements.append((key, option.value, "wsgilint says refused, Gunicorn accepts"))
            continue
        mine = json.loads(json.dumps(option.value, default=repr))
        if mine != real["values"].get(key):
            result.disagreements.append((key, mine, real["values"].get(key)))
    result.unseen = (set(real["values"]) | set(real["errors"])) - set(last)
    return result


@pytest.mark.parametrize("local_path", _corpus_configs() or ["(no corpus)"])
def test_resolved_literals_agree_with_gunicorn(local_path, tmp_path):
    if local_path == "(no corpus)":
        pytest.skip("../shared/corpus is not here: the differential test needs it")
    result = compare_with_gunicorn(CORPUS / local_path, tmp_path)
    if result.verdict == "cannot-execute":
        pytest.skip(f"Gunicorn cannot execute it here: {result.reason}")
    AGREEMENT["compared"][0] += result.compared
    AGREEMENT["agreed"][0] += result.compared - len(result.disagreements)
    print(f"{local_path}: {result.compared - len(result.disagreements)}/{result.compared} resolved settings agree")
    assert result.disagreements == []
    # Every setting Gunicorn took must be one wsgilint saw (resolved or not).
    assert result.unseen == set()


def test_agreement_rate_is_printed():
    compared, agreed = AGREEMENT["compared"][0], AGREEMENT["agreed"][0]
    if not compared:
        pytest.skip("no corpus config was compared (run the whole module)")
    print(f"Gunicorn differential: {agreed}/{compared} resolved literals agree ({100 * agreed / compared:.1f} %)")
    assert agreed == compared


# --- precedence against `gunicorn --print-config` --------------------------------------

def print_config(tmp_path: Path, args: list[str], env: dict[str, str]) -> dict[str, str]:
    (tmp_path / "tinyapp.py").write_text("def app(environ, start_response):\n    return []\n")
    gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which("gunicorn")
    if gunicorn is None:
        pytest.skip("no gunicorn executable")
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    completed = subprocess.run([gunicorn, "--print-config", *args, "tinyapp:app"], cwd=tmp_path,
                               env={**_sandbox_env(home), **env}, capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    values = {}
    for line in completed.stdout.splitlines():
        key, sep, value = line.partition(" = ")
        if sep:
            values[key.strip()] = value.strip()
    return values


@pytest.mark.parametrize("args, env", [
    (["-c", "conf.py"], {}),
    (["-c", "conf.py"], {"GUNICORN_CMD_ARGS": "--workers 3 --timeout 10"}),
    (["-c", "conf.py", "--workers", "4", "--timeout", "11"], {"GUNICORN_CMD_ARGS": "--workers 3"}),
    ([], {"GUNICORN_CMD_ARGS": "-c conf.py --bind 127.0.0.1:18999"}),
    ([], {"WEB_CONCURRENCY": "5"}),
    (["-c", "conf.py"], {"WEB_CONCURRENCY": "5"}),
    ([], {}),   # ./gunicorn.conf.py is loaded implicitly
    ([], {"PORT": "18998", "GUNICORN_CMD_ARGS": "-c conf.py"}),
])
def test_precedence_matches_print_config(tmp_path, args, env):
    (tmp_path / "conf.py").write_text("workers = 2\ntimeout = 45\nbind = ['127.0.0.1:18975']\numask = 0o22\n")
    (tmp_path / "gunicorn.conf.py").write_text("workers = 7\nbacklog = 100\n")
    real = print_config(tmp_path, args, env)
    server, problems = gunicorn_from_argv(["gunicorn", *args, "tinyapp:app"], Span("cmd", 1),
                                          ReadContext(mode="live", cwd=str(tmp_path)), str(tmp_path), env)
    assert problems == []
    for key, default in (("workers", 1), ("timeout", 30), ("backlog", 2048), ("umask", 0)):
        option = server.last(key)
        assert str(option.value if option else default) == real[key], key
    assert str([str(l.address.text) for l in server.listeners]) == real["bind"]


@pytest.mark.parametrize("location, files", [
    ("python:deploy.gunconf", {"deploy/gunconf.py": "workers = 3\ntimeout = 21\nbind = ['127.0.0.1:18976']\n"}),
    ("python:gunpkg", {"gunpkg/__init__.py": "workers = 4\nbacklog = 64\n"}),
])
def test_a_config_module_is_the_file_gunicorn_imports(tmp_path, location, files):
    """``-c python:MODULE`` imports the module from the start directory, first on sys.path:
    the settings are the file's, and ./gunicorn.conf.py is not read."""
    (tmp_path / "gunicorn.conf.py").write_text("workers = 7\n")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    real = print_config(tmp_path, ["-c", location], {})
    server, problems = gunicorn_from_argv(["gunicorn", "-c", location, "tinyapp:app"], Span("cmd", 1),
                                          ReadContext(mode="live", cwd=str(tmp_path)), str(tmp_path), {})
    assert problems == []
    assert server.sources == list(files)
    for key, default in (("workers", 1), ("timeout", 30), ("backlog", 2048)):
        option = server.last(key)
        assert str(option.value if option else default) == real[key], key
    assert str([str(l.address.text) for l in server.listeners]) == real["bind"]


def test_misspelt_name_is_info_exactly_where_gunicorn_keeps_its_value_anyway(tmp_path):
    """G101 informs on a misspelt name whose value Gunicorn has without it, and warns where
    Gunicorn's value differs (access_logfile = "-": accesslog stays None, no access log)."""
    from wsgilint.api import check
    conf = tmp_path / "gunicorn.conf.py"
    conf.write_text('access_logfile = "-"\nerror_logfile = "-"\nlog_level = "info"\nWorkers = 1\n'
                    'bind = "127.0.0.1:8000"\n')
    real = print_config(tmp_path, ["-c", str(conf)], {})
    severities = {f.at.line: f.severity for f in check([str(conf)]).findings if f.code == "G101"}
    assert (real["accesslog"], real["errorlog"], real["loglevel"]) == ("None", "-", "info")
    # workers' default comes from WEB_CONCURRENCY: not taken as known.
    assert severities == {1: "warning", 2: "info", 3: "info", 4: "warning"}


# --- never executes --------------------------------------------------------------------

def test_reading_never_executes_or_imports(tmp_path, monkeypatch):
    marker = tmp_path / "MARKER"
    imported_marker = tmp_path / "IMPORTED"
    (tmp_path / "canary_module_for_wsgilint.py").write_text(
        f"open({str(imported_marker)!r}, 'w').close()\n")
    config = tmp_path / "gunicorn.conf.py"
    config.write_text(textwrap.dedent(f"""\
        import os
        import canary_module_for_wsgilint
        from canary_module_for_wsgilint import *
        os.system("touch {marker}")
        __import__("os").system("touch {marker}")
        workers = int(os.system("touch {marker}")) + 2
        bind = f"{{os.system('touch {marker}')}}"

        def on_starting(server):
            os.system("touch {marker}")

        class Anything:
            os.system("touch {marker}")

        post_fork = lambda server, worker: os.system("touch {marker}")
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    server, _ = gunicorn_from_argv(["gunicorn", "app:app"], Span("cmd", 1), ctx, str(tmp_path), {})
    read_gunicorn_config(str(config), ctx)
    assert not marker.exists() and not imported_marker.exists()
    assert "canary_module_for_wsgilint" not in sys.modules
    assert set(sys.modules) - before == set()
    assert server.last("workers").unresolved and server.last("on_starting").value.arity == 1
