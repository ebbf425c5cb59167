"""The Supervisor and systemd rules' tables and validators agree with the real programs."""
import ast
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from wsgilint.model.manager_facts import did_you_mean, supervisor_keys, systemd_directives
from wsgilint.model.supervisor import _PROGRAM_DEFAULTS, _SUPERVISORD_DEFAULTS, VALUE_TYPES

PROJECT = Path(__file__).resolve().parent.parent


def _parser(kind, key):
    """The parser S107 validates ``key`` of a ``kind`` section with (the model's table)."""
    return VALUE_TYPES[kind][key][1]


VALUES = ["true", "TRUE", "Yes", "on", "1", "0", "off", "ture", "true#c", "", "2", "unexpected", "UNEXPECTED",
          "50MB", "50M", "1.5MB", "10 MB", "10xb", "0", "-5", "abc", "022", "089", "TERM", "sigint", "15", "HUP",
          "TERMINATE", "0,2", "0,256", "0, 2", "warn", "warning", "BLATHER", "9001", "127.0.0.1:9001", "*:",
          "70000"]


@pytest.mark.parametrize("key,datatype", [
    ("autostart", "boolean"), ("autorestart", "auto_restart"), ("startsecs", "integer"),
    ("stdout_logfile_maxbytes", "byte_size"), ("umask", "octal_type"), ("stopsignal", "signal_number"),
    ("exitcodes", "list_of_exitcodes"),
])
def test_program_validators_agree_with_supervisor(key, datatype):
    datatypes = pytest.importorskip("supervisor.datatypes")
    ours = _parser("program", key)
    for value in VALUES:
        try:
            getattr(datatypes, datatype)(value)
            accepted = True
        except (ValueError, OverflowError):
            accepted = False
        try:
            ours(value)
            agreed = accepted
        except (ValueError, OverflowError):
            agreed = not accepted
        assert agreed, f"{key}={value!r}: supervisor {'accepts' if accepted else 'refuses'} it"


def test_loglevel_and_port_agree_with_supervisor():
    datatypes = pytest.importorskip("supervisor.datatypes")
    for value in VALUES:
        for ours, theirs in ((_parser("supervisord", "loglevel"), datatypes.logging_level),
                             (_parser("inet_http_server", "port"), datatypes.inet_address)):
            outcomes = []
            for convert in (ours, theirs):
                try:
                    convert(value)
                    outcomes.append(True)
                except (ValueError, OverflowError):
                    outcomes.append(False)
            assert outcomes[0] == outcomes[1], f"{convert.__name__}({value!r})"


def test_every_key_supervisord_fetches_is_in_the_table():
    supervisor = pytest.importorskip("supervisor")
    source = Path(supervisor.__file__).with_name("options.py").read_text()
    fetched = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("get", "saneget"):
            strings = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if len(node.args) >= 2 and strings and strings[0] == getattr(node.args[1], "value", None):
                fetched.add(strings[0])
    known = set().union(*supervisor_keys().values())
    assert fetched and fetched <= known | {"supervisor.rpcinterface_factory", "supervisor.ctl_factory"}, \
        fetched - known


@pytest.mark.skipif(shutil.which("systemd-analyze") is None or not Path("/lib/systemd/systemd").exists(),
                    reason="systemd is not installed here")
def test_systemd_table_matches_the_installed_systemd():
    table = systemd_directives()
    version = subprocess.run(["/lib/systemd/systemd", "--version"], capture_output=True, text=True).stdout.split()[1]
    if version != table["systemd"]:
        pytest.skip(f"the table is for systemd {table['systemd']}, this is {version}")
    dump = subprocess.run(["/lib/systemd/systemd", "--dump-configuration-items"], capture_output=True,
                          text=True).stdout
    assert "ExecStart" in table["sections"]["Service"] and "ListenStream" in table["sections"]["Socket"]
    assert all(f"{key}=" in dump for keys in table["sections"].values() for key in keys)


def test_data_files_are_valid_json():
    for name in ("supervisor_keys.json", "systemd_directives.json"):
        json.loads((PROJECT / "wsgilint" / "readers" / name).read_text())


@pytest.mark.parametrize("word,candidates,expected", [
    ("autorestrat", ["autorestart", "autostart"], "autorestart"),
    ("stop_as_group", ["stopasgroup", "killasgroup"], "stopasgroup"),
    ("install", ["Unit", "Service", "Install"], "Install"),
    ("zzz", ["Unit", "Service", "Install"], None),
])
def test_did_you_mean(word, candidates, expected):
    assert did_you_mean(word, candidates) == expected


def _supervisord_programs(tmp_path: Path, lines: str) -> list:
    options_module = pytest.importorskip("supervisor.options")
    config = tmp_path / "supervisord.conf"
    config.write_text(f"[supervisord]\nlogfile={tmp_path}/s.log\npidfile={tmp_path}/s.pid\n\n"
                      f"[program:web]\ncommand=/bin/true\nprocess_name=%(program_name)s_%(process_num)s\n{lines}")
    options = options_module.ServerOptions()
    options.configfile = str(config)
    options.process_config(do_usage=False)
    return options.process_group_configs[0].process_configs


@pytest.mark.parametrize("key", sorted(_PROGRAM_DEFAULTS))
def test_program_defaults_are_supervisords(tmp_path, key):
    """Writing a key at the default S101 assumes changes nothing supervisord 4.3 makes."""
    unwritten = _supervisord_programs(tmp_path, "")
    written = _supervisord_programs(tmp_path, f"{key}={_PROGRAM_DEFAULTS[key]}\n")
    assert [p.name for p in written] == [p.name for p in unwritten]
    if hasattr(unwritten[0], key):
        assert getattr(written[0], key) == getattr(unwritten[0], key)


@pytest.mark.parametrize(("written", "kept"), [
    ("PYTHONPATH=%(ENV_ROOT)s:%(ENV_ROOT)s/app", {"PYTHONPATH": "/srv:/srv/app"}),   # nothing dropped
    ("PYTHONPATH=%(ENV_ROOT)s %(ENV_ROOT)s/app", {"PYTHONPATH": "/srv"}),            # /srv/app dropped
])
def test_environment_with_run_time_names_drops_what_supervisord_drops(written, kept):
    """S112's fixtures of `environment=` with `%(ENV_X)s`: supervisord expands, then splits."""
    datatypes = pytest.importorskip("supervisor.datatypes")
    assert datatypes.dict_of_key_value_pairs(written.replace("%(ENV_ROOT)s", "/srv")) == kept


def _supervisord_options(tmp_path: Path, lines: str):
    options_module = pytest.importorskip("supervisor.options")
    config = tmp_path / "supervisord.conf"
    config.write_text(f"[supervisord]\nlogfile={tmp_path}/s.log\npidfile={tmp_path}/s.pid\n{lines}"
                      "\n[program:web]\ncommand=/bin/true\n")
    options = options_module.ServerOptions()
    options.configfile = str(config)
    options.process_config(do_usage=False)
    return options


@pytest.mark.parametrize("key", sorted(_SUPERVISORD_DEFAULTS))
def test_supervisord_defaults_are_supervisords(tmp_path, key):
    """Writing a [supervisord] key at the default S101 assumes changes nothing supervisord 4.3 reads."""
    unwritten = _supervisord_options(tmp_path, "")
    written = _supervisord_options(tmp_path, f"{key}={_SUPERVISORD_DEFAULTS[key]}\n")
    assert getattr(written, key) == getattr(unwritten, key)


@pytest.mark.parametrize(("group", "left"), [("", True), ("stopasgroup=true\n", False), ("killasgroup=true\n", False)])
def test_x108_says_workers_may_outlive_the_stop_only_where_the_sigkill_misses_the_group(
        tmp_path: Path, group: str, left: bool) -> None:
    from conftest import write_tree

    from wsgilint.api import check

    tree = write_tree(tmp_path, {
        "supervisor.conf": f"[program:app]\ncommand=/usr/bin/uwsgi --ini /srv/app/uwsgi.ini\nuser=app\n{group}",
        "uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = 127.0.0.1:8000\nmaster = true\nneed-app = true\n"})
    [finding] = check([str(tree)], select=("X108",)).findings
    assert ("workers may be left holding the port" in finding.message) is left


@pytest.mark.parametrize(("manager", "left"), [
    ({"supervisor.conf": "[program:app]\ncommand=/usr/bin/uwsgi --ini /srv/app/uwsgi.ini\nuser=app\n"}, True),
    ({"supervisor.conf": "[program:app]\ncommand=/usr/bin/uwsgi --ini /srv/app/uwsgi.ini\nuser=app\nstopasgroup=true\n"},
     False),
    ({"app.service": "[Service]\nExecStart=/usr/bin/uwsgi --ini /srv/app/uwsgi.ini\nUser=app\n"}, False),
    ({"app.service": "[Service]\nExecStart=/usr/bin/uwsgi --ini /srv/app/uwsgi.ini\nUser=app\nKillMode=process\n"},
     True),
])
def test_u110_says_workers_keep_the_port_only_where_the_stop_signals_the_first_process(
        tmp_path: Path, manager: dict[str, str], left: bool) -> None:
    from conftest import write_tree

    from wsgilint.api import check

    tree = write_tree(tmp_path, {**manager, "uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = 127.0.0.1:8000\n"
                                                          "processes = 4\nneed-app = true\n"})
    [finding] = check([str(tree)], select=("U110",)).findings
    assert finding.message.startswith("`processes = 4` without `master`: a worker that dies is not respawned")
    assert ("the others keep the port" in finding.message) is left


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed here")
def test_a_key_under_another_section_is_what_systemd_ignores_and_names_its_section():
    from wsgilint.api import check
    case = PROJECT / "tests/fixtures/D104/key-under-another-section"
    unit = case / "etc/systemd/system/app.service"
    verified = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True).stderr
    ignored = {int(line.split(":")[1]) for line in verified.splitlines() if "Unknown key" in line}
    findings = [f for f in check([str(case)], select=("D104",)).findings]
    assert ignored == {f.at.line for f in findings} == {10}
    assert "it is a key of [Unit]: move it there" in findings[0].message
