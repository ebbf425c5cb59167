from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wsgilint.core.context import ReadContext
from wsgilint.core.span import Span
from wsgilint.model.managers import managers_from_supervisor
from wsgilint.readers.supervisor import (
    expand,
    is_supervisor_text,
    parse_environment,
    read_supervisor,
    section_kind,
    split_command,
)
from wsgilint.readers.supervisor.expansion import _format, _has_bare_conversion
from wsgilint.readers.supervisor.ini import split_lines
from wsgilint.readers.supervisor.values import _plain_words, _shlex_words


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def read(tmp_path: Path, text: str, mode: str = "live"):
    path = write(tmp_path, "supervisord.conf", text)
    ctx = ReadContext(mode=mode, cwd=str(tmp_path))
    return read_supervisor(path, ctx), ctx


def test_value_positions_and_cut_comment(tmp_path):
    config, _ = read(tmp_path, "[program:web]\ncommand = /srv/bin/gunicorn app ; the app\n  --workers 2\n")
    value = config.section("program:web").keys["command"]
    assert value.raw == "/srv/bin/gunicorn app\n--workers 2"
    assert value.at == Span("supervisord.conf", 2, 11, 32)
    assert value.key_at == Span("supervisord.conf", 2, 1, 8)
    assert value.end_line == 3
    assert value.comment == "; the app"
    assert value.comments[0].at == Span("supervisord.conf", 2, 33, 42)


def test_comment_needs_whitespace_before_it(tmp_path):
    config, _ = read(tmp_path, "[program:a]\ncommand=/bin/sleep 1003;comment\ndirectory=/tmp #x\n")
    keys = config.section("program:a").keys
    assert keys["command"].raw == "/bin/sleep 1003;comment"
    assert keys["directory"].raw == "/tmp"


def test_quotes_do_not_protect_from_comments(tmp_path):
    config, ctx = read(tmp_path, '[program:q]\ncommand=/bin/sh -c "echo a ; echo b"\n')
    assert config.section("program:q").keys["command"].raw == '/bin/sh -c "echo a'
    manager, = managers_from_supervisor(config, ctx)
    assert manager.argv.value == []
    assert "No closing quotation" in manager.argv.note


def test_sections_merge_keys_lowercase_and_default(tmp_path):
    config, _ = read(tmp_path, "[DEFAULT]\nstopsignal=INT\n[program:a]\nCommand=/bin/a\n[program:a]\nUSER=app\n")
    section = config.section("program:a")
    assert set(section.keys) == {"command", "user"}
    assert len(section.headers) == 2
    assert section.get("stopsignal").raw == "INT"


def test_syntax_problems_are_located(tmp_path):
    config, _ = read(tmp_path, "stray=1\n[program:a]\ncommand=/bin/a\nno delimiter\n")
    located = sorted((p.at.line, p.kind) for p in config.problems)
    assert located == [(1, "syntax"), (4, "syntax")]


def test_section_kinds():
    assert section_kind("program:x") == "program"
    assert section_kind("fcgi-program:x") == "fcgi-program"
    assert section_kind("unix_http_server") == "unix_http_server"
    assert section_kind("programs:x") == "unknown"
    assert section_kind("program") == "unknown"
    assert section_kind("rpcinterface:supervisor") == "rpcinterface"


def test_is_supervisor_text():
    assert is_supervisor_text("; c\n[program:web]\ncommand=x\n")
    assert is_supervisor_text("[supervisord]\n")
    assert not is_supervisor_text("[uwsgi]\nsocket=/tmp/s\n")
    assert not is_supervisor_text("[Unit]\nDescription=x\n")
    # Supervisor's [include] names its files; Flow's .flowconfig has an [include] of paths alone.
    assert is_supervisor_text("[include]\nfiles = /etc/supervisor/conf.d/*.conf\n")
    assert not is_supervisor_text("[ignore]\n.*/node_modules/.*\n\n[include]\n\n[libs]\n\n[options]\n")


def test_expand_keeps_run_time_names_symbolic():
    result = expand("%(ENV_HOME)s/%(program_name)s-%(process_num)02d", {"program_name": "w", "process_num": 3})
    assert result.text == "%(ENV_HOME)s/w-03"
    assert result.unresolved == ("ENV_HOME",)
    assert not result.error


def test_expand_failures_are_recorded_not_raised():
    assert "incomplete format" in expand("printf 100%", {}).error
    assert "unsupported format character" in expand("date +%Y", {}).error
    assert "('nope')" in expand("%(nope)s", {"program_name": "x"}).error
    assert expand("date +%%s", {}).text == "date +%s"


def test_bare_percent_s_is_the_whole_environment():
    result = expand("/bin/date +%s", {"program_name": "x"})
    assert result.whole_environment
    assert not result.error


def test_environment_like_supervisor():
    assert parse_environment('A=1, B=x y').values == {"A": "1", "B": "x"}
    assert parse_environment('A=1, B=x y').dropped == ("y",)
    assert parse_environment('A="x y",B=\'z w\'').values == {"A": "x y", "B": "z w"}
    assert parse_environment("A=1 B=2").error.startswith("Unexpected end of key/value pairs")
    assert parse_environment("A=1;B=2").values == {"A": "1", "B": "2"}


@pytest.mark.parametrize(("text", "dropped"), [
    ("A=x&B=y", ()), ("A=1;B=2", ()), ("A=1|B=2", ()), ('A="x y",B=2', ()),
    ("A=1, B=x y", ("y",)), ("A=x y z=3", ("y",)),
])
def test_environment_separators_as_supervisord_reads_them(text, dropped):
    # Differential: supervisord's own parser gives the values; a word in a separator's place is
    # what it drops, a lone punctuation character between two pairs loses nothing.
    from supervisor.datatypes import dict_of_key_value_pairs

    parsed = parse_environment(text)
    assert parsed.values == dict_of_key_value_pairs(text)
    assert parsed.dropped == dropped


def test_split_command():
    assert split_command("/bin/sh -c 'a b'") == (["/bin/sh", "-c", "a b"], "")
    assert split_command("")[0] is None


def test_includes_relative_to_main_sorted_and_unmatched(tmp_path):
    write(tmp_path, "conf.d/b.conf", "[program:b]\ncommand=/bin/b\n[include]\nfiles=never.conf\n")
    write(tmp_path, "conf.d/a.conf", "[program:a]\ncommand=%(here)s/a\n")
    config, ctx = read(tmp_path, "[supervisord]\n[include]\nfiles = conf.d/*.conf none/*.conf\n")
    assert [Path(p).name for p in config.included_files] == ["a.conf", "b.conf"]
    assert [(u.pattern, u.at.line, u.certain) for u in config.unmatched_includes] == [("none/*.conf", 3, True)]
    managers = {m.name: m for m in managers_from_supervisor(config, ctx)}
    assert managers["a"].argv.value == [str(tmp_path / "conf.d") + "/a"]
    assert managers["a"].argv.at.path == "conf.d/a.conf"


def test_repository_include_by_suffix(tmp_path):
    fragment = write(tmp_path, "repo/etc/supervisor/conf.d/web.conf", "[program:web]\ncommand=gunicorn app\n")
    main = write(tmp_path, "repo/etc/supervisor/supervisord.conf",
                 "[supervisord]\n[include]\nfiles=/etc/supervisor/conf.d/*.conf /etc/other/*.conf\n")
    ctx = ReadContext(mode="repository", cwd=str(tmp_path), known_files=[fragment, main])
    config = read_supervisor(main, ctx)
    assert config.included_files == [fragment]
    assert [(u.pattern, u.certain) for u in config.unmatched_includes] == [("/etc/other/*.conf", False)]


def test_managers_defaults_and_values(tmp_path):
    config, ctx = read(tmp_path, (
        "[supervisord]\nenvironment=G=global\n"
        "[program:web]\ncommand=/srv/venv/bin/gunicorn -b :8000 app:app\nuser=app\ndirectory=/srv\n"
        "environment=A=1\n"
        "[program:worker]\ncommand=uwsgi --ini x.ini\nstopsignal=QUIT\nstopwaitsecs=30\nstopasgroup=true\n"
        "numprocs=2\nprocess_name=%(program_name)s_%(process_num)d\n"
    ))
    managers = {m.name: m for m in managers_from_supervisor(config, ctx)}
    assert set(managers) == {"web", "worker_0", "worker_1"}
    web = managers["web"]
    assert web.runs_program == "gunicorn"
    assert web.stop_signal.value == "TERM" and web.stop_signal.note == "Supervisor default"
    assert web.stop_timeout.value == 10.0 and web.stop_timeout.is_default
    assert web.kills_group.value is False
    assert web.user.value == "app" and web.user.at.line == 5
    assert {k: s.value for k, s in web.environment.items()} == {"G": "global", "A": "1"}
    assert web.environment["G"].at.line == 2 and web.environment["A"].at.line == 7
    assert set(web.options) >= {"command", "user", "directory", "environment"}
    worker = managers["worker_1"]
    assert worker.runs_program == "uwsgi"
    assert worker.stop_signal.value == "QUIT" and worker.stop_signal.at.line == 10
    assert worker.stop_timeout.value == 30.0
    assert worker.kills_group.value is True    # killasgroup follows stopasgroup


def test_invalid_values_are_syntax_problems_at_the_value(tmp_path):
    config, _ = read(tmp_path, "[program:b]\ncommand=/bin/b\nautostart=true#c\nstartsecs=abc\nstopsignal=NOPE\n")
    located = sorted((p.at.line, p.at.column) for p in config.problems)
    assert located == [(3, 11), (4, 11), (5, 12)]


def test_wrapper_script_is_followed(tmp_path):
    write(tmp_path, "bin/start.sh", "#!/bin/sh\ncd /srv/app\n/srv/venv/bin/gunicorn -w 2 app:app\n")
    config, ctx = read(tmp_path, f"[program:web]\ncommand={tmp_path}/bin/start.sh\n")
    manager, = managers_from_supervisor(config, ctx)
    assert manager.runs_program == "gunicorn"
    assert manager.wrapper_execs is False
    assert manager.wrapper == Span("bin/start.sh", 3, 1, 36)
    assert manager.argv.value == ["/srv/venv/bin/gunicorn", "-w", "2", "app:app"]
    assert manager.options["command"].value == f"{tmp_path}/bin/start.sh"


def test_shell_dash_c(tmp_path):
    config, ctx = read(tmp_path, '[program:web]\ncommand=/bin/bash -c "cd /srv && gunicorn app:app"\n'
                                 '[program:dash]\ncommand=/bin/sh -c "cd /srv; gunicorn app:app"\n')
    managers = {m.name: m for m in managers_from_supervisor(config, ctx)}
    assert managers["web"].wrapper_execs is True
    assert managers["dash"].wrapper_execs is False
    assert managers["web"].argv.value == ["gunicorn", "app:app"]
    assert managers["web"].wrapper.line == 2


def test_unreadable_file_does_not_raise(tmp_path):
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    config = read_supervisor(str(tmp_path / "missing.conf"), ctx)
    assert [p.kind for p in config.problems] == ["unreadable"]
    assert config.sections == []


def test_is_supervisor_text_with_crlf():
    assert is_supervisor_text("[program:keplerblog]\r\ncommand=uwsgi x.ini\r\n")


@settings(max_examples=2000, deadline=None)
@given(value=st.text(alphabet="%()sd ab0*\x00\n", max_size=16), number=st.integers(0, 3))
def test_expansion_shortcut_gives_what_formatting_gives(value: str, number: int) -> None:
    """A value that needs no formatting is returned as it is: the same as formatting it. NULs
    and digits around conversions are the text of expansion's own markers: they never raise."""
    names = {"program_name": "p", "process_num": number}
    assert expand(value, names, "command") == _format(value, names, "command")


@pytest.mark.parametrize("value", ["\x000\x00%(ENV_X)s", "\x000%a", "%(ENV_A)s\x00", "\x00%(ENV_B).1s"])
def test_a_value_holding_the_text_of_a_marker_stays_as_written(value: str) -> None:
    expanded = expand(value, {"program_name": "p"}, "command")
    assert expanded.text == value and expanded.unresolved and not expanded.error


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(["a", " ", "=", ";", "\n", "\r", "\x0b", "\x1c", "\u2028"])))
def test_lines_split_as_python_text_mode_reads_them(text: str) -> None:
    # ConfigParser reads a file opened in text mode: only \r\n, \r and \n end a line.
    assert split_lines(text) == io.StringIO(text, newline=None).readlines()


@pytest.mark.parametrize(("value", "bare"), [
    ("%(a)s", False), ("%(a(b)c)s %s", True), ("%(a(b)s", False), ("%(a))s%d", True), ("100%", False),
    ("%%s", False), ("%(a)s %(b(c(d)))s", False), ("%(x", False), ("%((()))s%(y)d %", False), ("%(a)s%", False)])
def test_bare_conversion_after_nested_names(value: str, bare: bool) -> None:
    assert _has_bare_conversion(value) is bare


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\t", "\r", "\n", "\x0b", ";", "&", "|", "2", ">"])))
def test_words_without_quotes_or_backslashes_are_all_plain(text: str) -> None:
    # shell_operators' shortcut for such a command: shlex's words are the runs of non-space.
    assert _plain_words(text) == (True,) * len(_shlex_words(text))
