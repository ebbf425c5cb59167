"""The Gunicorn reader (config modules, command lines) and the Gunicorn part of the model."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.model import Span
from wsgilint.model.gunicorn import (
    gunicorn_arguments,
    gunicorn_from_argv,
    gunicorn_from_config,
)
from wsgilint.model.gunicorn_config import IMPLICIT_CONFIG_RAW
from wsgilint.readers.gunicorn import (
    GUNICORN_VERSION,
    SETTINGS,
    Hook,
    is_gunicorn_text,
    parse_gunicorn_argv,
    parse_gunicorn_cmd_args,
    read_gunicorn_config,
    read_gunicorn_text,
    validate,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
AT = Span("supervisord.conf", 7, 9, 40)


def read(text: str):
    return read_gunicorn_text(textwrap.dedent(text), "gunicorn.conf.py")


def effective(config, key):
    return [o for o in config.options if o.key == key][-1]


# --- settings table -----------------------------------------------------------------

def test_settings_table_matches_the_reference_table():
    reference = json.loads((CORPUS.parent / "reference" / "gunicorn-settings.json").read_text()) \
        if (CORPUS.parent / "reference").is_dir() else None
    assert GUNICORN_VERSION == "27.0.1"
    assert len(SETTINGS) == 120
    assert SETTINGS["bind"]["cli"] == ["-b", "--bind"] and SETTINGS["bind"]["action"] == "append"
    assert SETTINGS["post_fork"]["arity"] == 2 and SETTINGS["post_request"]["arity"] == [2, 3, 4]
    assert SETTINGS["umask"]["type"] == "auto_int" and SETTINGS["workers"]["type"] == "int"
    if reference is None:
        pytest.skip("../shared/reference is not here")
    for entry in reference["settings"]:
        mine = SETTINGS[entry["name"]]
        assert mine["cli"] == entry["cli"], entry["name"]
        assert mine["action"] == (entry["action"] or "store"), entry["name"]


def test_settings_table_is_what_the_generator_writes_for_the_installed_gunicorn(tmp_path):
    pytest.importorskip("gunicorn")
    import subprocess
    root = Path(__file__).resolve().parents[1]
    output = tmp_path / "settings.json"
    subprocess.run([sys.executable, str(root / "tools" / "gen_gunicorn_settings.py"), str(output)],
                   check=True, capture_output=True, timeout=60, cwd=tmp_path)
    assert json.loads(output.read_text())["settings"] == SETTINGS


# --- config modules -------------------------------------------------------------------

def test_literals_positions_and_order():
    config = read("""\
        bind = ["0.0.0.0:80", "unix:/run/app.sock"]
        workers = 2 * 4 + 1
        timeout = -1 + 31
        raw_env = ("A=1",)
        secure_scheme_headers = {"X-PROTO": "https"}
        umask = 0o027
        workers = 3
    """)
    assert [o.key for o in config.options] == [
        "bind", "workers", "timeout", "raw_env", "secure_scheme_headers", "umask", "workers"]
    bind = config.options[0]
    assert bind.value == ["0.0.0.0:80", "unix:/run/app.sock"]
    assert (bind.at.line, bind.at.column, bind.at.end_column) == (1, 8, 44)
    assert config.options[1].value == 9 and config.options[2].value == 30
    assert config.options[3].value == ["A=1"]
    assert effective(config, "workers").value == 3
    assert effective(config, "umask").value == 0o027
    assert config.problems == []


def test_values_go_through_gunicorns_validators():
    config = read("""\
        bind = "127.0.0.1:9000"
        workers = "4"
        forwarded_allow_ips = "127.0.0.1, 10.0.0.1"
        daemon = "True"
        proc_name = "  app  "
    """)
    assert effective(config, "bind").value == ["127.0.0.1:9000"]
    assert effective(config, "workers").value == 4
    assert effective(config, "forwarded_allow_ips").value == ["127.0.0.1", "10.0.0.1"]
    assert effective(config, "daemon").value is True
    assert effective(config, "proc_name").value == "app"


@pytest.mark.parametrize("line, fragment", [
    ('workers = "four"', "invalid literal for int() with base 0: 'four'"),
    ('workers = "08"', "base 0"),
    ("timeout = -5", "Value must be positive"),
    ("workers = 2.5", "can't convert non-string"),
    ('daemon = "yes"', "Invalid boolean"),
    ("forwarded_allow_ips = ['127.0.0.1']", "Not a string"),
    ("secure_scheme_headers = ['X']", "not a dictionary"),
    ("post_fork = 3", "not callable"),
])
def test_values_gunicorn_refuses_are_syntax_problems(line, fragment):
    config = read(line)
    assert [p.kind for p in config.problems] == ["syntax"]
    assert fragment in config.problems[0].message
    assert config.problems[0].at.line == 1 and config.problems[0].at.column > 1


def test_run_time_values_are_unresolved_with_their_source_text():
    config = read("""\
        import multiprocessing, os
        workers = multiprocessing.cpu_count() * 2 + 1
        bind = os.environ.get('PORT', '8000')
        port = 8000
        host = "0.0.0.0"
        backlog_name = f"{host}:{port}"
        accesslog = f"/var/log/{os.getpid()}.log"
    """)
    workers = effective(config, "workers")
    assert workers.unresolved and workers.value is None
    assert workers.raw == "multiprocessing.cpu_count() * 2 + 1"
    assert effective(config, "bind").raw == "os.environ.get('PORT', '8000')"
    assert effective(config, "accesslog").unresolved
    assert config.imports == ["multiprocessing", "os"]
    other = {o.key: o for o in config.other_names}
    assert other["backlog_name"].value == "0.0.0.0:8000" and not other["backlog_name"].unresolved


def test_names_bound_to_literals_resolve_later_expressions():
    config = read("""\
        port = 8000
        cores = 4
        bind = "0.0.0.0:%d" % port
        workers = cores * 2 + 1
        threads = min(cores, 2)
        accesslog = "{}/access.log".format("/var/log")
        workers += 1
    """)
    assert effective(config, "bind").value == ["0.0.0.0:8000"]
    assert effective(config, "workers").value == 10
    assert effective(config, "threads").value == 2
    assert effective(config, "accesslog").value == "/var/log/access.log"


def test_tuple_targets_and_augmented_assignment_of_unknowns():
    config = read("""\
        workers, threads = 2, 4
        import os
        timeout = 30
        timeout += int(os.environ["EXTRA"])
        bind = ["a:1"]
        bind.append("b:2")
    """)
    assert effective(config, "workers").value == 2 and effective(config, "threads").value == 4
    assert effective(config, "workers").at.column == 20
    assert effective(config, "timeout").unresolved
    assert effective(config, "bind").unresolved, "a method call may have changed the list"


def test_module_level_if_and_try_are_conditional():
    config = read("""\
        import os
        if os.environ.get("PROD"):
            workers = 8
        else:
            workers = 2
        try:
            import gevent
            worker_class = "gevent"
        except ImportError:
            worker_class = "sync"
        DEBUG = False
        if DEBUG:
            loglevel = "debug"
        else:
            loglevel = "warning"
        if __name__ == "__main__":
            daemon = True
    """)
    workers = [o for o in config.options if o.key == "workers"]
    assert [(o.value, o.unresolved) for o in workers] == [(8, True), (2, True)]
    assert all(o.unresolved for o in config.options if o.key == "worker_class")
    loglevel = effective(config, "loglevel")
    assert loglevel.value == "warning" and not loglevel.unresolved, "a test on literals is decided statically"
    assert not any(o.key == "daemon" for o in config.options), "__name__ is '__config__' under Gunicorn"


def test_annotations_without_value_set_nothing():
    config = read("""\
        bind: '0.0.0.0:80'
        workers: int = 3
    """)
    assert [o.key for o in config.options] == ["workers"]
    assert [(o.key, o.at.line) for o in config.annotations] == [("bind", 1)]


def test_unknown_names_are_kept_for_did_you_mean_case_sensitively():
    config = read("""\
        Workers = 4
        worker = 2
        preload = True
        _helper = 1
    """)
    assert config.options == []
    assert [o.key for o in config.other_names] == ["Workers", "worker", "preload", "_helper"]
    assert config.other_names[0].at.line == 1


def test_hooks_with_arity_and_wrong_arity_is_refused():
    config = read("""\
        def post_fork(server, worker):
            pass

        def when_ready(server, extra):
            pass

        def when_ready(server):
            pass

        def post_request(worker, req):
            pass

        pre_fork = lambda server, worker: None

        def after_fork(server, worker):
            pass
    """)
    hooks = {o.key: o for o in config.options}
    assert isinstance(hooks["post_fork"].value, Hook) and hooks["post_fork"].value.arity == 2
    assert (hooks["post_fork"].at.line, hooks["post_fork"].at.column, hooks["post_fork"].at.end_column) == (1, 5, 14)
    assert effective(config, "when_ready").value.arity == 1
    assert hooks["pre_fork"].value.arity == 2
    assert [f.name for f in config.functions] == ["post_fork", "when_ready", "when_ready", "post_request", "after_fork"]
    assert [p.at.line for p in config.problems] == [4]
    assert "arity of: 1" in config.problems[0].message
    assert "after_fork" not in {o.key for o in config.options}


def test_syntax_error_is_located():
    config = read("""\
        bind = "127.0.0.1:8000"
        workers = (
    """)
    assert [p.kind for p in config.problems] == ["syntax"]
    assert config.problems[0].at.line == 2
    assert config.options == []


def test_columns_count_characters_not_bytes():
    config = read('proc_name = "名前"; workers = 3\n')
    workers = effective(config, "workers")
    assert (workers.at.column, workers.at.end_column) == (29, 30)
    assert effective(config, "proc_name").at.end_column == 17


def test_reader_reads_through_context_and_never_raises(tmp_path):
    (tmp_path / "bad.py").write_bytes(b"workers = 2\x00\n")
    (tmp_path / "latin.py").write_bytes("proc_name = 'caf\xe9'\n".encode("latin-1"))
    ctx = ReadContext(cwd=str(tmp_path))
    assert read_gunicorn_config(str(tmp_path / "bad.py"), ctx).problems[0].kind == "unreadable"
    latin = read_gunicorn_config(str(tmp_path / "latin.py"), ctx)
    assert latin.problems[0].kind == "undecodable"
    assert effective(latin, "proc_name").value == "café"
    assert read_gunicorn_config(str(tmp_path / "missing.py"), ctx).problems[0].kind == "unreadable"
    deep = read_gunicorn_text("workers = " + "(" * 5000 + "1" + ")" * 5000, "deep.py")
    assert deep.problems and deep.problems[0].kind == "syntax"
    huge = read_gunicorn_text("x = 'a' * 10 ** 9\nworkers = 2 ** 10 ** 10\n", "huge.py")
    assert huge.options[0].unresolved and huge.problems == []


@pytest.mark.parametrize("text, expected", [
    ("bind = '0.0.0.0:8000'\n", True),
    ("workers = 2\ntimeout = 30\n", True),
    ("def post_fork(server, worker):\n    pass\n", True),
    ("d /run/gunicorn 0755 www-data www-data -\n", False),
    ("timeout = 30\nuser = 'x'\n", False),
    ("import os\nfrom django.core.wsgi import get_wsgi_application\n"
     "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'x.settings')\napplication = get_wsgi_application()\n", False),
    ("DEBUG = False\nINSTALLED_APPS = ['django.contrib.admin']\nALLOWED_HOSTS = ['*']\n", False),
    ("[program:x]\ncommand=gunicorn app:app\n", False),
    ("{% if prod %}\nbind = '0.0.0.0:80'\n{% endif %}\n", False),
])
def test_is_gunicorn_text(text, expected):
    assert is_gunicorn_text(text) is expected


def _manifest() -> list[dict[str, str]]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here: corpus tests need it")
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_discovery_on_the_corpus():
    rows = _manifest()
    ctx = ReadContext(cwd=str(CORPUS))
    wrong = []
    for row in rows:
        text = ctx.read(str(CORPUS / row["local_path"])).text or ""
        verdict = is_gunicorn_text(text)
        if row["kind"] == "gunicorn":
            if row["is_template"] == "yes":
                continue   # either verdict is acceptable: template detection comes first
            python = not row["local_path"].endswith(("gunicorn_rc", "logging.conf")) \
                and "NOT a gunicorn" not in row["notes"]
            if verdict != python:
                wrong.append(("missed" if python else "false positive", row["local_path"]))
        elif verdict:
            wrong.append(("false positive", row["local_path"]))
    assert wrong == []


def test_every_corpus_file_reads_without_raising():
    rows = _manifest()
    ctx = ReadContext(cwd=str(CORPUS))
    for row in rows:
        read_gunicorn_config(str(CORPUS / row["local_path"]), ctx)


def test_corpus_annotation_case():
    _manifest()
    ctx = ReadContext(cwd=str(CORPUS))
    config = read_gunicorn_config(str(CORPUS / "gunicorn" / "nightttt7__shiqingqi.no__gunicorn_conf.py"), ctx)
    assert "bind" in [o.key for o in config.annotations]
    assert "bind" not in [o.key for o in config.options]


# --- command lines ---------------------------------------------------------------------

@pytest.mark.parametrize("argv, expected, app", [
    (["-w", "3", "app:app"], {"workers": 3}, "app:app"),
    (["-w3", "--bind", "a:1", "--bind=b:2", "-bc:3", "-b=d:4", "m:a"], {"workers": 3, "bind": ["a:1", "b:2", "c:3", "d:4"]}, "m:a"),
    (["-Dw", "2", "m:a"], {"daemon": True, "workers": 2}, "m:a"),
    (["--timeout", "5", "--timeout=7", "x:y"], {"timeout": 7}, "x:y"),
    (["--work", "3"], None, None),
    (["--worker-con", "10", "x:y"], {"worker_connections": 10}, "x:y"),
    (["-k", "gevent", "-c", "conf.py", "x:y"], {"worker_class": "gevent", "config": "conf.py"}, "x:y"),
    (["--no-control-socket", "--no-sendfile", "x:y"], {"control_socket_disable": True, "sendfile": False}, "x:y"),
    (["-m", "007", "--umask", "0x12"], {"umask": 0x12}, None),
    (["--proxy-protocol", "--preload", "x:y"], {"proxy_protocol": "auto", "preload_app": True}, "x:y"),
    (["--", "-w"], {}, "-w"),
])
def test_argv_follows_argparse(argv, expected, app):
    command = parse_gunicorn_argv(argv, AT)
    if expected is None:
        assert command.problems and "ambiguous option" in command.problems[0].message
        return
    assert command.problems == []
    assert {o.key: o.value for o in command.options} == expected
    assert command.app == app
    assert all(o.at == AT for o in command.options)


@pytest.mark.parametrize("argv, fragment", [
    (["--bnd", "x"], "unrecognized arguments: --bnd"),
    (["-x"], "unrecognized arguments: -x"),
    (["-w", "four"], "invalid int value: 'four'"),
    (["-w", "0x10"], "invalid int value"),
    (["--bind"], "expected one argument"),
    (["-D=1"], "ignored explicit argument"),
    (["app:app", "-w", "2", "other"], "unrecognized arguments: other"),
    (["--timeout", "-3"], "Value must be positive"),
])
def test_argv_gunicorn_rejects(argv, fragment):
    problems = parse_gunicorn_argv(argv, AT).problems
    assert [p.kind for p in problems] == ["syntax"]
    assert fragment in problems[0].message
    assert problems[0].at == AT


@pytest.mark.parametrize("argv", [
    ["--acess-logfile", "-", "--workers", "3", "--bind", "unix:/run/g.sock", "app.wsgi:application"],
    ["--bnd", "x", "-x", "app:app"],
    ["--bnd", "x", "--bind"],
    ["--bnd", "x", "--timeout", "-3", "app:app"],
])
def test_argv_refusal_is_the_one_gunicorn_prints(argv):
    """Measured with the real Gunicorn (it exits while parsing, before it binds anything):
    argparse refuses every argument it does not recognise in one message, after the rest is
    parsed; an error met while parsing comes first, and alone."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        pytest.skip("Gunicorn is not installed beside this Python (.ci/run installs it)")
    done = subprocess.run([str(gunicorn), *argv], capture_output=True, text=True, timeout=30,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    printed = done.stderr.strip().splitlines()[-1].removeprefix("gunicorn: error: ")
    assert [p.message for p in parse_gunicorn_argv(argv, AT).problems] == \
        [f"Gunicorn refuses the command line: {printed}"]


def test_cmd_args_are_shlex_split():
    command = parse_gunicorn_cmd_args("--bind '127.0.0.1:9000' --access-logformat '%(h)s %(r)s'", AT)
    assert command.get("bind").value == ["127.0.0.1:9000"]
    assert command.get("access_log_format").value == "%(h)s %(r)s"
    assert parse_gunicorn_cmd_args("--bind 'open", AT).problems[0].kind == "syntax"


@pytest.mark.parametrize("argv, rest", [
    (["/srv/venv/bin/gunicorn", "-w", "2", "a:b"], ["-w", "2", "a:b"]),
    (["python3", "-u", "-m", "gunicorn", "a:b"], ["a:b"]),
    (["/usr/bin/python3.11", "-m", "gunicorn", "-c", "x.py"], ["-c", "x.py"]),
    (["gunicorn_django", "-b", "x"], ["-b", "x"]),
    (["uwsgi", "--ini", "x"], None),
    (["python", "manage.py", "runserver"], None),
])
def test_program_prefixes(argv, rest):
    assert gunicorn_arguments(argv) == rest


# --- the model ------------------------------------------------------------------------

def _ctx(tmp_path: Path) -> ReadContext:
    return ReadContext(mode="live", cwd=str(tmp_path))


def test_precedence_defaults_file_env_cli(tmp_path):
    (tmp_path / "conf.py").write_text("workers = 3\ntimeout = 45\nkeepalive = 9\n")
    env = {"WEB_CONCURRENCY": "5", "GUNICORN_CMD_ARGS": "--workers 6 --timeout 10"}
    server, problems = gunicorn_from_argv(
        ["gunicorn", "-c", "conf.py", "--timeout", "11", "app:app"], AT, _ctx(tmp_path), str(tmp_path), env)
    assert problems == []
    assert [(o.key, o.value) for o in server.all("workers")] == [("workers", 5), ("workers", 3), ("workers", 6)]
    assert server.last("workers").value == 6
    assert server.last("timeout").value == 11
    assert server.last("keepalive").value == 9 and server.last("keepalive").at.path == "conf.py"
    assert server.name == "app:app" and server.sources == ["conf.py"]


def test_config_from_cmd_args_when_not_on_the_command_line(tmp_path):
    (tmp_path / "conf.py").write_text("workers = 2\n")
    (tmp_path / "gunicorn.conf.py").write_text("workers = 9\n")
    server, _ = gunicorn_from_argv(["gunicorn", "app:app"], AT, _ctx(tmp_path), str(tmp_path),
                                   {"GUNICORN_CMD_ARGS": "-c conf.py"})
    assert server.last("workers").value == 2


def test_implicit_gunicorn_conf_py_in_start_directory(tmp_path):
    (tmp_path / "gunicorn.conf.py").write_text("backlog = 5000\n")
    server, _ = gunicorn_from_argv(["gunicorn", "app:app"], AT, _ctx(tmp_path), str(tmp_path), {})
    assert server.last("backlog").value == 5000
    marker = server.last("config")
    assert marker.raw == IMPLICIT_CONFIG_RAW and marker.value == str(tmp_path / "gunicorn.conf.py")
    elsewhere, _ = gunicorn_from_argv(["gunicorn", "app:app"], AT, _ctx(tmp_path), "/nonexistent-dir", {})
    assert elsewhere.last("backlog") is None


def test_missing_config_only_when_known_missing(tmp_path):
    live = _ctx(tmp_path)
    _, problems = gunicorn_from_argv(["gunicorn", "-c", "/nope/conf.py", "a:b"], AT, live, None, {})
    assert [p.kind for p in problems] == ["include-not-found"]
    repository = ReadContext(mode="repository", cwd=str(tmp_path))
    _, problems = gunicorn_from_argv(["gunicorn", "-c", "/etc/app/conf.py", "a:b"], AT, repository, None, {})
    assert problems == []
    _, problems = gunicorn_from_argv(["gunicorn", "-c", "python:app.conf", "a:b"], AT, live, None, {})
    assert problems == []


def test_listeners_defaults_and_port(tmp_path):
    server, _ = gunicorn_from_argv(["gunicorn", "a:b"], AT, _ctx(tmp_path), None, {})
    [listener] = server.listeners
    assert str(listener.address) == "127.0.0.1:8000" and listener.protocol == "http"
    assert listener.at.line == 0, "nothing sets bind"
    assert server.daemonizes.value is False and server.daemonizes.note
    with_port, _ = gunicorn_from_argv(["gunicorn", "a:b"], AT, _ctx(tmp_path), None, {"PORT": "5000"})
    assert str(with_port.listeners[0].address) == "*:5000"


def test_unix_socket_mode_owner_protocol(tmp_path):
    (tmp_path / "g.py").write_text("bind = ['unix:/run/a.sock', 'tcp://0.0.0.0:81']\nprotocol = 'uwsgi'\nuser = 'www'\n")
    server, _ = gunicorn_from_config(str(tmp_path / "g.py"), _ctx(tmp_path))
    unix, tcp = server.listeners
    assert unix.address.path == "/run/a.sock" and unix.protocol == "uwsgi"
    assert unix.mode.value == 0o777 and unix.mode.is_default and "0777" in unix.mode.note
    assert unix.owner.value == "www" and server.user.at.line == 3
    assert tcp.address.port == 81 and tcp.address.is_wildcard
    server, _ = gunicorn_from_argv(["gunicorn", "-c", "g.py", "--umask", "0077", "-D", "a:b"], AT,
                                   _ctx(tmp_path), str(tmp_path), {})
    assert server.listeners[0].mode.value == 0o700
    assert server.daemonizes.value is True


def test_unresolved_bind_gives_no_listener(tmp_path):
    (tmp_path / "g.py").write_text("import os\nbind = os.environ['BIND']\ncertfile = '/c.pem'\n")
    server, _ = gunicorn_from_config(str(tmp_path / "g.py"), _ctx(tmp_path))
    assert server.listeners == []
    server, _ = gunicorn_from_argv(["gunicorn", "-c", "g.py", "-b", ":9"], AT, _ctx(tmp_path), str(tmp_path), {})
    assert server.listeners[0].protocol == "https"


def test_validate_is_gunicorns():
    assert validate("workers", "0o10") == (8, None)
    assert validate("bind", "") == ([], None)
    assert validate("proxy_protocol", True) == ("auto", None)
    assert validate("not_a_setting", 1) == (1, None)


def test_argv_values_the_manager_fills_in_are_unresolved_not_refused():
    from wsgilint.model import Span
    from wsgilint.readers.gunicorn import parse_gunicorn_argv

    command = parse_gunicorn_argv(["-w", "%(ENV_MAX_WORKER_NUM)s", "--timeout", "$TIMEOUT", "app:app"], Span("x", 1))
    assert not command.problems
    assert {o.key: o.unresolved for o in command.options} == {"workers": True, "timeout": True}
    refused = parse_gunicorn_argv(["-w", "`grep", "-c", "processor`", "app:app"], Span("x", 1))
    assert refused.problems and "invalid int value" in refused.problems[0].message


def test_compiler_warnings_about_the_config_are_not_wsgilints_output(tmp_path):
    config = tmp_path / "gunicorn.conf.py"
    config.write_text("bind = '127.0.0.1:8000'\naccess_log_format = '\\d %(h)s'\n")
    done = subprocess.run([sys.executable, "-W", "always", "-m", "wsgilint", "check", str(tmp_path),
                           "--format", "json"], capture_output=True, text=True, timeout=120)
    assert "Warning" not in done.stderr and done.returncode in (0, 1), done.stderr
    assert not [f for f in json.loads(done.stdout)["findings"] if f["code"].startswith("E")]


def test_gunicorn_reader_loads_only_for_a_tree_with_gunicorn(tmp_path):
    # Start-up of a small tree: a deployment without Gunicorn does not import its reader and table.
    (tmp_path / "uwsgi").mkdir()
    (tmp_path / "uwsgi/app.ini").write_text("[uwsgi]\nsocket = 127.0.0.1:3031\nmodule = app.wsgi\n")
    (tmp_path / "both").mkdir()
    (tmp_path / "both/app.ini").write_text("[uwsgi]\nsocket = 127.0.0.1:3031\nmodule = app.wsgi\n")
    (tmp_path / "both/gunicorn.conf.py").write_text("bnd = '127.0.0.1:8000'\nworkers = 3\n")
    child = ("import sys; from wsgilint.api import check\n"
             "result = check([sys.argv[1]])\n"
             "print('wsgilint.readers.gunicorn' in sys.modules, sorted({f.kind for f in result.files}),\n"
             "      sorted(f.code for f in result.findings if f.code.startswith('G')))")

    def run(tree: str) -> str:
        done = subprocess.run([sys.executable, "-c", child, str(tmp_path / tree)], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert run("uwsgi") == "False ['uwsgi'] []\n"
    assert run("both") == "True ['gunicorn', 'uwsgi'] ['G101']\n"


def test_source_lines_split_as_the_pattern_splits() -> None:
    # The reader splits text without CR by str.split; ast's line ends (CR, LF, CRLF) by a pattern.
    import itertools
    import re

    from wsgilint.readers.gunicorn.conf import _source_lines

    pieces = ["", "a", "é", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "b = 1"]
    for count in range(4):
        for parts in itertools.product(pieces, repeat=count):
            text = "".join(parts)
            assert _source_lines(text) == re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text), repr(text)


@pytest.mark.parametrize("text", [
    'bind = "127.0.0.1:8000"\nworkers = 3\n',
    'x = 1\x0cworkers = 2\n',          # a form feed ends a line for str.splitlines, not for ast
    'workers = (\n  2)\nbind = "a"; timeout = 5\n',
    'raw_env = ["A=é"]\nworkers = 2\n',
])
def test_columns_of_ascii_text_are_its_byte_offsets(text: str) -> None:
    # A column of ASCII text is its byte offset, bounded by the line as the encoding path bounds it.
    from wsgilint.readers.gunicorn.conf import _ModuleReader

    reader = _ModuleReader(text, "g.py")
    for line in range(1, len(reader.lines) + 1):
        for offset in range(len(reader.lines[line - 1].encode("utf-8")) + 3):
            prefix = reader.lines[line - 1].encode("utf-8")[:offset]
            assert reader.column(line, offset) == len(prefix.decode("utf-8", "replace")) + 1


@pytest.mark.parametrize("text", [
    'bind = "127.0.0.1:8000"\nworkers = 3\n',
    'import os\nworkers = int(os.environ.get("W", 2))\nbind = ["a"]\nbind.append("b")\n',
    'def on_starting(server):\n    pass\nthreads = 4\nworkers += 1\n',
    'x = "\\d"\nworkers = 2\ntimeout = 5\n',       # an invalid escape: a warning, not shown
    'workers = 2\n',                                  # one setting: not enough with at_least=2
    'threads = []\n',
    'def f(:\n',                                      # not Python
    "",
])
def test_the_sniffer_s_tree_reads_as_a_parse_of_the_text(text: str) -> None:
    # Discovery keeps the module it parsed to sniff a config (ReadContext.sniffed_trees) and the
    # reader takes it: the same verdicts, the tree kept only for a config, and the same reading.
    from wsgilint.readers.gunicorn.conf import is_gunicorn_text, read_gunicorn_text

    for at_least in (1, 2):
        trees: dict = {}
        verdict = is_gunicorn_text(text, at_least, trees)
        assert verdict == is_gunicorn_text(text, at_least)
        assert list(trees) == ([text] if verdict else [])
        assert is_gunicorn_text(text, at_least, trees) == verdict   # from the kept tree
        if verdict:
            assert read_gunicorn_text(text, "g.py", {"W": "3"}, trees.pop(text)) == \
                read_gunicorn_text(text, "g.py", {"W": "3"})


def test_a_check_reads_each_sniffed_config_from_its_tree(tmp_path, monkeypatch) -> None:
    from conftest import write_tree

    from wsgilint.api import check
    from wsgilint.readers.gunicorn import conf

    parsed: list[str] = []
    parse = conf._parse_python
    monkeypatch.setattr(conf, "_parse_python", lambda text, *name: parsed.append(text) or parse(text, *name))
    write_tree(tmp_path, {
        "etc/gunicorn/app.conf.py": 'bind = "127.0.0.1:8000"\nworkers = 3\n',
        "etc/systemd/system/app.service": "[Service]\nExecStart=/usr/bin/gunicorn -c /etc/gunicorn/app.conf.py app:app\n",
    })
    result = check([str(tmp_path)])
    [config] = result.deployment.gunicorn_configs
    assert [option.key for option in config.settings] == ["bind", "workers"]
    assert parsed == ['bind = "127.0.0.1:8000"\nworkers = 3\n']   # once, by discovery's sniffer
