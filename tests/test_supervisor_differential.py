"""wsgilint's Supervisor reader against the real thing.

Two references:

* ``configparser.RawConfigParser(inline_comment_prefixes=(';', '#'), strict=False)``,
  which supervisord uses, on every non-template Supervisor file of the corpus and on
  generated inputs: sections, keys and raw values must be identical, and wsgilint
  reports a ``syntax`` problem exactly when ConfigParser raises.
* supervisord 4.3's own loader (``ServerOptions.process_config``), run in a
  subprocess on a small main file that includes the corpus file. Host facts the
  corpus cannot have are neutralised there: directories and users are accepted as
  written, ``host_node_name`` and every ``%(ENV_X)s`` the file names are given their
  own ``%(…)s`` text (which is how wsgilint keeps them), and rpcinterface factories
  are not imported. Program names, argv, users, directories, stop signals,
  stopwaitsecs, environments, the file each program's stderr goes to and include
  results are compared.

Known disagreements, by design:

* supervisord reports the first refusal only and names no line; wsgilint reports
  every refusal it can see, at the value's line. The test asserts that each refused
  file has a wsgilint problem in the refused section.
* wsgilint does not validate values whose meaning depends on the host (users,
  directories, ``[rpcinterface:x]`` factories, ``[*_http_server]`` keys).
"""
from __future__ import annotations

import configparser
import json
import os
import posixpath
import re
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wsgilint.core.context import ReadContext
from wsgilint.core.launchers import unwrap
from wsgilint.model.managers import managers_from_supervisor
from wsgilint.readers.supervisor import IniReader, SupervisorConfig, read_supervisor

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        return []
    files = []
    for row in (CORPUS / "MANIFEST.tsv").read_text().splitlines()[1:]:
        columns = row.split("\t")
        if len(columns) > 5 and columns[4] == "supervisor" and columns[5] != "yes":
            files.append(CORPUS / columns[0])
    return files


def need_corpus() -> list[Path]:
    files = corpus_files()
    if not files:
        pytest.skip(f"the config corpus is not at {CORPUS}")
    return files


# --------------------------------------------------------------- vs ConfigParser


def ours(path: str) -> tuple[dict, dict, bool]:
    config = SupervisorConfig(path)
    IniReader(config, ReadContext(mode="live")).read(path)
    sections = {s.name: {k: v.raw for k, v in s.keys.items()} for s in config.sections}
    return sections, {k: v.raw for k, v in config.defaults.items()}, \
        any(p.kind == "syntax" for p in config.problems)


def theirs(path: str) -> tuple[dict, dict, bool]:
    parser = configparser.RawConfigParser(inline_comment_prefixes=(";", "#"), strict=False)
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error:
        return {}, {}, True
    sections = {name: dict(parser._sections[name]) for name in parser.sections()}
    return sections, dict(parser._defaults), False


def compare_with_configparser(path: str) -> None:
    mine, reference = ours(path), theirs(path)
    assert mine[2] == reference[2], f"syntax problem disagreement on {path}"
    if not reference[2]:
        assert mine[:2] == reference[:2]


def test_corpus_reads_like_configparser():
    files = need_corpus()
    for path in files:
        compare_with_configparser(str(path))
    print(f"{len(files)} corpus Supervisor files read exactly like ConfigParser")


_PIECES = st.sampled_from([
    "[program:a]", "[program:b]", "[DEFAULT]", "[supervisord]", " [x] trailing ; c", "[a]b]",
    "command=/bin/x", "command = /bin/x ; comment", "command=/bin/x;no-space", "k=v #hash",
    "k=a#b ;c", "k=a;b #c", 'k="quoted ; inside"', "k='a #b'", "K=Upper", "key: colon", "a:b=c",
    "  continued", "\tcontinued ; c", "   ; indented comment", "; comment", "# comment", "",
    "   ", "no delimiter here", "=novalue", "k=", "k =  spaced  ", "k=%(here)s/x", "k=100%%",
    "dup=1", "dup=2", "x=1 ;a #b", "y=a#b c;d #e", "z=\u00e9t\u00e9 ; \u00e9",
])
_NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_PIECES, max_size=14), newline=_NEWLINES)
def test_generated_files_read_like_configparser(lines, newline, tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "gen.conf"
    path.write_bytes(newline.join(lines).encode("utf-8"))
    compare_with_configparser(str(path))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(alphabet=" \t;#ab=:\"'%()", max_size=20))
def test_generated_values_read_like_configparser(value, tmp_path_factory):
    path = tmp_path_factory.mktemp("val") / "val.conf"
    path.write_text(f"[program:x]\nk={value}\n  {value}\n", encoding="utf-8")
    compare_with_configparser(str(path))


# --------------------------------------------------------------- vs supervisord

_HARNESS = r"""
import json, os, platform, sys
platform.node = lambda: "%(host_node_name)s"
from supervisor import datatypes, options
datatypes.existing_dirpath = lambda value: value
options.existing_directory = lambda value: value
options.existing_dirpath = lambda value: value
options.name_to_uid = lambda value: value
options.gid_for_uid = lambda uid: 0
options.ServerOptions.get_plugins = lambda self, *args, **kwargs: []
options.ServerOptions.import_spec = lambda self, spec: None
opts = options.ServerOptions()
opts.configfile = sys.argv[1]
try:
    opts.process_config(do_usage=False)
except ValueError as error:
    print(json.dumps({"error": str(error)}))
    sys.exit(0)
processes = []
for group in opts.process_group_configs:
    if type(group).__name__ == "EventListenerPoolConfig":
        continue   # event listeners are not process managers of an app server
    for process in group.process_configs:
        processes.append({
            "name": process.name, "command": process.command, "user": process.uid,
            "directory": process.directory, "stopsignal": process.stopsignal,
            "stopwaitsecs": process.stopwaitsecs, "killasgroup": process.killasgroup,
            "environment": process.environment,
            "stderr_file": (process.stdout_logfile if process.redirect_stderr else process.stderr_logfile)
            if isinstance(process.stdout_logfile if process.redirect_stderr else process.stderr_logfile, str) else None,
        })
print(json.dumps({"processes": processes, "warnings": opts.parse_warnings, "infos": opts.parse_infos}))
"""

_ENV_NAME = re.compile(r"%\(ENV_(\w+)\)s")


def supervisord_reads(main: Path, text: str) -> dict:
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/root"}
    for name in _ENV_NAME.findall(text):
        environment.setdefault(name, f"%(ENV_{name})s")
    done = subprocess.run([sys.executable, "-c", _HARNESS, str(main)], capture_output=True, text=True,
                          timeout=60, env=environment, cwd=str(main.parent))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def main_file_for(path: Path, folder: Path) -> Path:
    """The corpus file itself when it is a main file, else a main file that includes it."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if re.search(r"^\s*\[supervisord\]", text, re.M):
        return path
    main = folder / "supervisord.conf"
    main.write_text(f"[supervisord]\n\n[include]\nfiles = {path}\n", encoding="utf-8")
    return main


def _signal_name(number: int) -> str:
    return signal.Signals(number).name[3:]


def compare_with_supervisord(path: Path, folder: Path) -> str:
    """``agreed`` or ``refused`` (by both); an AssertionError names the disagreement."""
    main = main_file_for(path, folder)
    text = main.read_text(encoding="utf-8", errors="replace") + path.read_text(encoding="utf-8", errors="replace")
    reference = supervisord_reads(main, text)
    ctx = ReadContext(mode="live")
    config = read_supervisor(str(main), ctx)
    if "error" in reference:
        section = re.search(r"in section '([^']+)'", reference["error"])
        problems = [p for p in config.problems if p.kind == "syntax"]
        assert problems, f"{path.name}: supervisord refuses ({reference['error']}), wsgilint saw nothing"
        if section:
            assert any(section.group(1) in p.message for p in problems), (path.name, reference["error"])
        return "refused"
    assert not [p for p in config.problems if p.kind == "syntax"], (path.name, config.problems)
    managers = {m.name: m for m in managers_from_supervisor(config, ctx)}
    expected = {p["name"]: p for p in reference["processes"]}
    assert set(managers) == set(expected), path.name
    for name, process in expected.items():
        manager = managers[name]
        command = manager.options["command"].value if manager.wrapper else None
        argv = manager.argv.value if manager.argv else None
        if command is None:
            # Supervisor's split, less the runners in front of a server (`newrelic-admin
            # run-program gunicorn`, `gosu app uwsgi`), which the model keeps apart
            # (tests/test_launchers.py); in front of another program they stay in the command.
            words = shlex.split(process["command"])
            launchers, server = unwrap(words)
            assert argv in (words, server), (path.name, name)
            if argv != words:
                assert [each.name for each in manager.launchers] == [each.name for each in launchers], (path.name, name)
        assert (manager.user.value if manager.user else None) == process["user"], (path.name, name)
        assert (manager.directory.value if manager.directory else None) == process["directory"], (path.name, name)
        assert manager.stop_signal.value == _signal_name(process["stopsignal"]), (path.name, name)
        assert manager.stop_timeout.value == process["stopwaitsecs"], (path.name, name)
        assert manager.kills_group.value == process["killasgroup"], (path.name, name)
        assert {k: s.value for k, s in manager.environment.items()} == process["environment"], (path.name, name)
        # wsgilint keeps only an absolute path (a relative one depends on supervisord's working folder).
        stderr_file = process["stderr_file"]
        assert (manager.stderr_file.value if manager.stderr_file else None) == (
            posixpath.normpath(stderr_file) if stderr_file and stderr_file.startswith("/") else None), (path.name, name)
    included = [line.split('"')[1] for line in reference["infos"] if line.startswith("Included extra file")]
    assert [os.path.abspath(p) for p in config.included_files] == included, path.name
    unmatched = [line.split('"')[1] for line in reference["warnings"] if line.startswith("No file matches")]
    assert len(config.unmatched_includes) == len(unmatched), path.name
    return "agreed"


def test_corpus_agrees_with_supervisord(tmp_path):
    files = need_corpus()
    verdicts = []
    for index, path in enumerate(files):
        folder = tmp_path / str(index)
        folder.mkdir()
        verdicts.append(compare_with_supervisord(path, folder))
    agreed, refused = verdicts.count("agreed"), verdicts.count("refused")
    print(f"supervisord agreement: {agreed} files read alike, {refused} refused by both, of {len(files)}")
    assert agreed + refused == len(files)


_TRICKY = {
    "quotes.conf": '[supervisord]\n[program:q]\ncommand=/bin/sh -c "echo a ; echo b"\n',
    "semicolon.conf": "[supervisord]\n[program:s]\ncommand=/bin/sleep 1003;comment\n",
    "percent.conf": "[supervisord]\n[program:p]\ncommand=/bin/date +%%s\nstopsignal=QUIT ; quit\n",
    "here.conf": "[supervisord]\n[program:h]\ncommand=%(here)s/run.sh %(program_name)s\ndirectory=%(here)s\n",
    "continued.conf": "[supervisord]\n[program:c]\ncommand=/bin/echo\n  one\n\n  two ; c\nstopwaitsecs = 3\n",
    "duplicate.conf": "[supervisord]\n[program:d]\ncommand=/bin/a\n[program:d]\ncommand=/bin/b\nuser=nobody\n",
    "numprocs.conf": "[supervisord]\n[program:n]\ncommand=/bin/sleep 10%(process_num)d\nnumprocs=3\n"
                     "process_name=%(program_name)s_%(process_num)02d\nkillasgroup=true\n",
    "environment.conf": '[supervisord]\nenvironment=G="g",H=h\n[program:e]\ncommand=/bin/env\n'
                        'environment=A=1, B=x y,C="p q"\n',
    "env-expansion.conf": '[supervisord]\nenvironment=FOO="from supervisord"\n[program:e]\n'
                          "command=/bin/echo %(ENV_FOO)s\n",
    "default.conf": "[DEFAULT]\nstopsignal=INT\n[supervisord]\n[program:x]\ncommand=/bin/x\n",
    "group.conf": "[supervisord]\n[group:g]\nprograms=a,b\n[program:a]\ncommand=/bin/a %(group_name)s\n"
                  "[program:b]\ncommand=/bin/b\n",
    "include.conf": "[supervisord]\n[include]\nfiles = conf.d/*.conf missing/*.conf\n",
    "stderr-files.conf": "[supervisord]\n[program:a]\ncommand=/bin/a\nredirect_stderr=true\n"
                         "stdout_logfile=/var/log/%(program_name)s/../a.log\nstderr_logfile=/var/log/ignored.log\n"
                         "[program:b]\ncommand=/bin/b\nstdout_logfile=/var/log/b.out\nstderr_logfile=/var/log/b.err\n"
                         "[program:c]\ncommand=/bin/c\nstderr_logfile=Auto\n[program:d]\ncommand=/bin/d\n"
                         "stderr_logfile=NONE\n[program:e]\ncommand=/bin/e\nstderr_logfile=relative.log\n"
                         "[program:f]\ncommand=/bin/f\nstdout_logfile=/var/log/f.log\n",
    "bad-bool.conf": "[supervisord]\n[program:b]\ncommand=/bin/b\nautostart=true#c\n",
    "bad-format.conf": "[supervisord]\n[program:b]\ncommand=/bin/echo %(program_name)\n",
    "bad-percent.conf": "[supervisord]\n[program:b]\ncommand=printf 100%\n",
    "unknown-name.conf": "[supervisord]\n[program:b]\ncommand=/bin/echo %(nope)s\n",
    "numprocs-no-num.conf": "[supervisord]\n[program:w]\ncommand=/bin/w\nnumprocs=2\n",
    "bad-env.conf": "[supervisord]\n[program:b]\ncommand=/bin/b\nenvironment=A=1 B=2\n",
    "no-header.conf": "command=/bin/x\n[supervisord]\n",
    "inet-server-without-port.conf": "[supervisord]\n[inet_http_server]\n;port=127.0.0.1:9010\n;username=a\n"
                                     "[program:a]\ncommand=/bin/a\n",
    "unix-server-without-file.conf": "[supervisord]\n[unix_http_server]\nchmod=0700\n[program:a]\ncommand=/bin/a\n",
    "server-port-from-default.conf": "[DEFAULT]\nport=127.0.0.1:9010\n[supervisord]\n[inet_http_server]\n"
                                     "username=a\npassword=b\n[program:a]\ncommand=/bin/a\n",
}


@pytest.mark.parametrize("name", sorted(_TRICKY))
def test_tricky_inputs_agree_with_supervisord(name, tmp_path):
    main = tmp_path / name
    main.write_text(_TRICKY[name], encoding="utf-8")
    (tmp_path / "conf.d").mkdir()
    (tmp_path / "conf.d" / "b.conf").write_text("[program:inc_b]\ncommand=/bin/b %(here)s\n[include]\nfiles=x\n")
    (tmp_path / "conf.d" / "a.conf").write_text("[program:inc_a]\ncommand=/bin/a\n")
    reference = supervisord_reads(main, _TRICKY[name])
    ctx = ReadContext(mode="live")
    config = read_supervisor(str(main), ctx)
    problems = [p for p in config.problems if p.kind == "syntax"]
    if "error" in reference:
        assert problems, reference["error"]
        return
    assert not problems
    managers = {m.name: m for m in managers_from_supervisor(config, ctx)}
    assert set(managers) == {p["name"] for p in reference["processes"]}
    for process in reference["processes"]:
        manager = managers[process["name"]]
        try:
            expected_argv = shlex.split(process["command"])
        except ValueError:
            expected_argv = []
        assert manager.argv.value == expected_argv
        assert manager.stop_signal.value == _signal_name(process["stopsignal"])
        assert manager.stop_timeout.value == process["stopwaitsecs"]
        assert manager.kills_group.value == process["killasgroup"]
        assert {k: s.value for k, s in manager.environment.items()} == process["environment"]
        assert (manager.directory.value if manager.directory else None) == process["directory"]
        assert (manager.user.value if manager.user else None) == process["user"]
        stderr_file = process["stderr_file"]
        assert (manager.stderr_file.value if manager.stderr_file else None) == (
            posixpath.normpath(stderr_file) if stderr_file and stderr_file.startswith("/") else None)


def test_one_program_name_in_two_included_files_is_one_program(tmp_path):
    """Two included files that both define ``[program:dup]``: supervisord keeps one program,
    with the later file's command (which X114 relies on: variants of one program in
    sibling files never run as two processes), and wsgilint reads the same."""
    main = tmp_path / "supervisord.conf"
    main.write_text("[supervisord]\n[include]\nfiles = conf.d/*.conf\n", encoding="utf-8")
    (tmp_path / "conf.d").mkdir()
    (tmp_path / "conf.d" / "a.conf").write_text("[program:dup]\ncommand=/bin/a\n", encoding="utf-8")
    (tmp_path / "conf.d" / "b.conf").write_text("[program:dup]\ncommand=/bin/b\n", encoding="utf-8")
    reference = supervisord_reads(main, main.read_text(encoding="utf-8"))
    assert [(p["name"], p["command"]) for p in reference["processes"]] == [("dup", "/bin/b")]
    ctx = ReadContext(mode="live")
    managers = managers_from_supervisor(read_supervisor(str(main), ctx), ctx)
    assert [(m.name, m.argv.value if m.argv else None) for m in managers] == [("dup", ["/bin/b"])]


# --------------------------------------------------------------- command= splitting


def supervisord_argv(command: str) -> tuple[list[str] | None, str]:
    """argv as supervisord 4.3 splits ``command=`` when it spawns (``Subprocess.get_execv_args``),
    or its complaint; the program is not looked up (no file is asked about)."""
    from supervisor.process import BadCommand, Subprocess

    class Options:
        def stat(self, filename: str) -> None:
            raise OSError

        def check_execv_args(self, filename: str, argv: list[str], st: object) -> None:
            pass

    class Config:
        options = Options()

        def __init__(self) -> None:
            self.command = command

        def get_path(self) -> list[str]:
            return []

    try:
        return Subprocess(Config()).get_execv_args()[1], ""
    except BadCommand as error:
        return None, error.args[0]


# Every character shlex.split treats specially (its whitespace, quotes, the escape, and the
# comment sign it turns off), whitespace it does not split on, and plain text.
_COMMAND_CHARACTERS = " \t\r\n\x0b\x0c\x1c\x85\xa0\u2003'\"\\#;|&$%()=ab/-é\x00"


@pytest.mark.parametrize("command", [
    "", " ", "\t\r\n", "/bin/app --ini /etc/app.ini", "  /bin/a\tb\r\nc  ", "a\x0bb c\x0c", "a\xa0b\u2003c",
    "a#b # c", "/bin/sh -c 'a b'", 'x "y z" w', "a\\ b", "'", '"', "\\", "a 'b", "a\\", "x''y", '""',
])
def test_command_splits_as_supervisord_splits_it(command):
    from wsgilint.readers.supervisor import split_command

    assert split_command(command) == supervisord_argv(command)


@settings(max_examples=3000, deadline=None)
@given(command=st.text(alphabet=_COMMAND_CHARACTERS, max_size=30) | st.text(max_size=30))
def test_generated_commands_split_as_supervisord_splits_them(command):
    from wsgilint.readers.supervisor import split_command

    assert split_command(command) == supervisord_argv(command)
