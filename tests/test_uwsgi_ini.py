"""The uWSGI INI reader follows uWSGI 2.0's own parser, quirks included."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wsgilint.core.context import ReadContext
from wsgilint.core.environment import Environment
from wsgilint.core.span import Span
from wsgilint.model import uwsgi_options as option_meaning
from wsgilint.model.uwsgi_options import uwsgi_bool
from wsgilint.readers import uwsgi_options
from wsgilint.readers.uwsgi_argv import parse_argv
from wsgilint.readers.uwsgi_ini import UwsgiIni, read_ini


def write(directory: Path, name: str, text: str) -> str:
    path = os.path.join(str(directory), name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(textwrap.dedent(text).lstrip("\n"))
    return path


def read(tmp_path: Path, text: str, **kwargs: Any) -> UwsgiIni:
    path = write(tmp_path, "app.ini", text)
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    return read_ini(path, ctx, cwd=str(tmp_path), **kwargs)


def pairs(ini: UwsgiIni) -> list[tuple[str, str]]:
    return [(o.key, o.value) for o in ini.options]


def test_inline_comments_are_part_of_the_value(tmp_path: Path) -> None:
    ini = read(tmp_path, """
        [uwsgi]
        processes = 4 # four workers
        threads = 2 ; two
        # a whole-line comment
          ; another
        """)
    assert pairs(ini) == [("processes", "4 # four workers"), ("threads", "2 ; two")]
    assert [c.text for c in ini.comments] == ["# a whole-line comment", "; another"]
    assert (ini.comments[1].at.line, ini.comments[1].at.column) == (5, 3)


def test_value_span_columns(tmp_path: Path) -> None:
    ini = read(tmp_path, "[uwsgi]\n  socket   =  /run/app.sock  \nmaster\nempty =\n")
    socket, master, empty = ini.options
    assert (socket.at.line, socket.at.column, socket.at.end_column) == (2, 15, 28)
    line = "  socket   =  /run/app.sock  "
    assert line[socket.at.column - 1:socket.at.end_column - 1] == "/run/app.sock"
    assert (master.key, master.value, master.at.column, master.at.end_column) == ("master", "", 7, 7)
    assert (empty.value, empty.at.column, empty.at.end_column) == ("", 8, 8)


def test_lines_trimmed_of_space_tab_and_cr_only(tmp_path: Path) -> None:
    # Pinned from the character-by-character line reader the split-and-strip one replaced.
    path = tmp_path / "app.ini"
    path.write_bytes(b"\t[uwsgi]\r\n \t\r\n\tsocket\t= \t:8000 \r\n= orphan\n\r; note\t\n[other]x\nlost = 1\n"
                     b"[uwsgi]\n  master  \t\nkey=a=b\nlast =  end")
    ini = read_ini(str(path), ReadContext(mode="live", cwd=str(tmp_path)), cwd=str(tmp_path))
    assert [(o.key, o.value, o.at.line, o.at.column, o.at.end_column) for o in ini.options] == [
        ("socket", ":8000", 3, 12, 17), ("", "orphan", 4, 3, 9), ("master", "", 9, 9, 9), ("key", "a=b", 10, 5, 8),
        ("last", "end", 11, 9, 12)]
    assert [(s.name, s.at.line, s.at.column, s.at.end_column) for s in ini.sections] == [
        ("uwsgi", 1, 2, 9), ("other]", 6, 1, 9), ("uwsgi", 8, 1, 8)]
    assert [(c.text, c.at.line, c.at.column, c.at.end_column) for c in ini.comments] == [("; note", 5, 2, 8)]


def test_broken_section_header_is_not_found(tmp_path: Path) -> None:
    ini = read(tmp_path, "[uwsgi] ; main\nprocesses = 4\n")
    assert ini.options == []
    assert ini.section_found is False
    assert [s.name for s in ini.sections] == ["uwsgi] ; mai"]
    assert ini.sections[0].at.line == 1


def test_section_names_are_case_sensitive_and_other_sections_skipped(tmp_path: Path) -> None:
    ini = read(tmp_path, "[UWSGI]\na = 1\n[uwsgi]\nb = 2\n[other]\nc = 3\n[uwsgi]\nd = 4\n")
    assert pairs(ini) == [("b", "2"), ("d", "4")]
    assert ini.section_found
    ini = read(tmp_path, "[app]\na = 1\n", section="app")
    assert pairs(ini) == [("a", "1")]


def test_quotes_equals_and_repeats_are_literal(tmp_path: Path) -> None:
    ini = read(tmp_path, """
        [uwsgi]
        chdir = "/srv/app"
        env = A=B=C
        socket = /a.sock
        socket = /b.sock
        """)
    assert pairs(ini) == [("chdir", '"/srv/app"'), ("env", "A=B=C"), ("socket", "/a.sock"), ("socket", "/b.sock")]


def test_magic_directory_has_trailing_slash_and_file_names(tmp_path: Path) -> None:
    ini = read(tmp_path, """
        [uwsgi]
        wsgi-file = %d/app.py
        name = %n
        file = %s
        ext = %e
        dir = %c
        full = %p
        """)
    values = dict(pairs(ini))
    directory = os.path.abspath(str(tmp_path))
    assert values["wsgi-file"] == directory + "//app.py"
    assert values["name"] == "app"
    assert values["file"] == "app.ini"
    assert values["ext"] == "ini"
    assert values["dir"] == os.path.basename(directory)
    assert values["full"] == os.path.join(directory, "app.ini")
    assert not any(o.unresolved for o in ini.options)


def test_percent_escapes_unknown_letters_and_runtime_magic(tmp_path: Path) -> None:
    ini = read(tmp_path, """
        [uwsgi]
        logdate = %%Y-%Y-%q
        host = %h-app
        """)
    logdate, host = ini.options
    assert logdate.value == "%Y--"
    assert logdate.raw == "%%Y-%Y-%q"
    assert not logdate.unresolved
    assert host.value == "%h-app" and host.unresolved


def test_trailing_percent_joins_the_next_line(tmp_path: Path) -> None:
    ini = read(tmp_path, "[uwsgi]\nx5 = 100%\nx6 = end\ny = 1\n")
    assert pairs(ini) == [("x5", "100x6 = end"), ("y", "1")]
    assert ini.options[0].at.end_column == 0


def test_percent_ending_the_file_vanishes(tmp_path: Path) -> None:
    path = write(tmp_path, "app.ini", "[uwsgi]\nratio = 50%")
    ini = read_ini(path, ReadContext(mode="live", cwd=str(tmp_path)))
    assert pairs(ini) == [("ratio", "50")]


def test_placeholders_and_math(tmp_path: Path) -> None:
    ini = read(tmp_path, """
        [uwsgi]
        base = /srv
        processes = 4
        chdir = %(base)/app
        workers2 = %(processes + 1)
        cat = %(base processes)
        later = %(defined_below)
        missing = %(nosuch)
        defined_below = x
        """)
    values = dict(pairs(ini))
    assert values["chdir"] == "/srv/app"
    assert values["workers2"] == "5"
    assert values["cat"] == "/srv4"
    assert values["later"] == "x"          # the first occurrence anywhere, not only above
    assert values["missing"] == "%(nosuch)"
    assert {"base", "processes", "defined_below", "nosuch"} <= ini.placeholders_used
    missing = next(o for o in ini.options if o.key == "missing")
    assert missing.unresolved


def test_env_and_at_file(tmp_path: Path) -> None:
    ini = read(tmp_path, "[uwsgi]\nhome = $(HOME)/venv\nother = $(NOPE)\nsecret = @(exec://cat /etc/shadow)\n",
               env={"HOME": "/home/app"})
    home, other, secret = ini.options
    assert (home.value, home.unresolved) == ("/home/app/venv", False)
    assert (other.value, other.unresolved) == ("$(NOPE)", True)
    assert (secret.value, secret.unresolved) == ("@(exec://cat /etc/shadow)", True)


def test_unset_env_variable_is_kept_as_written_and_known_where_the_environment_is_whole(tmp_path: Path) -> None:
    # uWSGI 2.0 keeps an unset $(VAR) as its text (`--show-config` prints `harakiri = $(NOPE)`).
    text = "[uwsgi]\nharakiri = $(NOPE)\nhome = $(HOME)/venv\nopen = $(PASSED)\n"
    whole = read(tmp_path, text, env=Environment({"HOME": "/h"}, unknown={"PASSED": "PassEnvironment=PASSED"}))
    harakiri, home, passed = whole.options
    assert (harakiri.value, harakiri.unresolved, harakiri.env_missing) == ("$(NOPE)", False, ("NOPE",))
    assert (home.value, home.env_missing) == ("/h/venv", ())
    assert (passed.value, passed.unresolved, passed.env_missing) == ("$(PASSED)", True, ("PASSED",))
    unseen = read(tmp_path, text, env=Environment({"HOME": "/h"}, "an env_file not in the tree")).options[0]
    assert (unseen.value, unseen.unresolved, unseen.env_missing) == ("$(NOPE)", True, ("NOPE",))
    plain = read(tmp_path, text, env={"HOME": "/h"}).options[0]   # not shown whole: an assumption
    assert (plain.unresolved, plain.env_missing) == (True, ("NOPE",))


def test_include_is_inserted_in_place_and_inherit_comes_last(tmp_path: Path) -> None:
    write(tmp_path, "inc.ini", "[uwsgi]\nprocesses = 2\nfrom = inc\n")
    write(tmp_path, "base.ini", "[uwsgi]\nprocesses = 9\nlate = $(HOME) %(from)\n")
    ini = read(tmp_path, """
        [uwsgi]
        first = 1
        inherit = base.ini
        include = inc.ini
        processes = 3
        """, env={"HOME": "/h"})
    assert pairs(ini) == [("first", "1"), ("inherit", "base.ini"), ("include", "inc.ini"), ("processes", "2"),
                          ("from", "inc"), ("processes", "3"), ("processes", "9"),
                          ("late", "$(HOME) %(from)")]
    assert [os.path.basename(f) for f in ini.files] == ["app.ini", "inc.ini", "base.ini"]
    assert ini.options[3].at.path == "inc.ini"


def test_ini_colon_section_rereads_the_same_file(tmp_path: Path) -> None:
    ini = read(tmp_path, "[uwsgi]\na = 1\nini = :extra\nb = 2\n[extra]\nz = 9\n")
    assert pairs(ini) == [("a", "1"), ("ini", ":extra"), ("z", "9"), ("b", "2")]
    assert ini.options[2].at.line == 6


def test_include_with_a_section_suffix_is_fatal(tmp_path: Path) -> None:
    write(tmp_path, "other.ini", "[x]\na = 1\n")
    ini = read(tmp_path, "[uwsgi]\ninclude = other.ini:x\n")
    assert [p.kind for p in ini.problems] == ["syntax"]
    assert ini.problems[0].at.line == 2


def test_missing_include_and_cycles(tmp_path: Path) -> None:
    ini = read(tmp_path, "[uwsgi]\ninclude = nothere.ini\n")
    assert [(p.kind, p.at.line, p.at.column) for p in ini.problems] == [("include-not-found", 2, 11)]
    write(tmp_path, "b.ini", "[uwsgi]\ninclude = app.ini\nb = 1\n")
    ini = read(tmp_path, "[uwsgi]\ninclude = b.ini\na = 1\n")
    assert [p.kind for p in ini.problems] == ["include-cycle"]
    assert ini.problems[0].at.path == "b.ini"
    assert pairs(ini) == [("include", "b.ini"), ("include", "app.ini"), ("b", "1"), ("a", "1")]


def test_repository_mode_absolute_include_is_not_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "app.ini", "[uwsgi]\ninclude = /etc/uwsgi/base.ini\n")
    ini = read_ini(path, ReadContext(mode="repository", cwd=str(tmp_path)))
    assert ini.problems == []


def test_repository_mode_marks_location_magic_unresolved(tmp_path: Path) -> None:
    path = write(tmp_path, "app.ini", "[uwsgi]\nsocket = %d/app.sock\nname = %n\n")
    ini = read_ini(path, ReadContext(mode="repository", cwd=str(tmp_path)))
    assert [o.unresolved for o in ini.options] == [True, False]


def test_location_magic_is_the_path_a_container_copy_gives(tmp_path: Path) -> None:
    """``--ini /home/docker/uwsgi/uwsgi.ini`` of a file a COPY put there: uWSGI makes ``%d``,
    ``%p``, ``%n``... of that path (as it does on a host: tests/test_uwsgi_differential.py's
    "magic" case), ``ini = :base`` re-reads the file as that path, and a COPY that renames the
    file renames ``%n``. A path no COPY or mount gives stays unknown."""
    (tmp_path / "deploy").mkdir()
    path = write(tmp_path, "deploy/uwsgi.ini",
                 "[uwsgi]\nini = :base\nname = %n %s %c\n[base]\nsocket = %dapp.sock\nlogto = %p\n")
    ctx = ReadContext(mode="repository", cwd=str(tmp_path), known_files=[path])
    ctx.map_container_path("image:Dockerfile", "/home/docker/uwsgi/app.ini", path)

    def options(argv: list[str], filesystem: str | None) -> dict[str, tuple[str, bool]]:
        with ctx.in_filesystem(filesystem):
            command = parse_argv(argv, Span("supervisor.conf", 2), ctx, None, {})
        return {o.key: (o.value, o.unresolved) for o in command.options if o.key not in ("ini",)}

    assert options(["--ini", "/home/docker/uwsgi/app.ini"], "image:Dockerfile") == {
        "socket": ("/home/docker/uwsgi/app.sock", False), "logto": ("/home/docker/uwsgi/app.ini", False),
        "name": ("app app.ini uwsgi", False)}
    # Found by its name's end, on a host: the folder may be a link there, which uWSGI resolves.
    host = options(["--ini", "/srv/app/deploy/uwsgi.ini"], None)
    assert host["socket"][1] and host["logto"][1]


def test_logic_blocks(tmp_path: Path) -> None:
    ini = read(tmp_path, """
        [uwsgi]
        for = a b
        mount = /%(_)=%(_).py
        endfor =
        if-exists = /etc/flag
        touch-reload = %(_)
        endif =
        after = 1
        """)
    assert pairs(ini) == [("for", "a b"), ("mount", "/a=a.py"), ("mount", "/b=b.py"), ("endfor", ""),
                          ("if-exists", "/etc/flag"), ("touch-reload", "/etc/flag"), ("endif", ""), ("after", "1")]
    assert [o.unresolved for o in ini.options] == [False, False, False, False, False, True, False, False]


def test_set_placeholder(tmp_path: Path) -> None:
    ini = read(tmp_path, "[uwsgi]\nset-ph = base=/srv\nchdir = %(base)\n")
    assert pairs(ini) == [("set-ph", "base=/srv"), ("base", "/srv"), ("chdir", "/srv")]
    assert ini.options[1].at.column == 15


def test_unreadable_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    ini = read_ini(str(tmp_path), ctx)
    assert [p.kind for p in ini.problems] == ["unreadable"]
    assert ini.options == []


@pytest.mark.parametrize("value,expected", [
    ("false", False), ("OFF", False), ("No", False), ("0", False),
    ("", True), ("true", True), ("0 # off", True), ("false # x", True), ("00", True), ("n", True),
])
def test_uwsgi_bool(value: str, expected: bool) -> None:
    assert uwsgi_bool(value) is expected


def test_option_table() -> None:
    assert option_meaning.canonical("workers") == "processes"
    assert option_meaning.canonical("processes") == "processes"
    assert option_meaning.canonical("inherit") == "inherit"       # not an alias of include
    assert uwsgi_options.by_short("s") == "socket"
    assert uwsgi_options.by_short("p") == "processes"
    assert uwsgi_options.takes_arg("master") == "none"
    assert uwsgi_options.takes_arg("chmod-socket") == "optional"
    assert uwsgi_options.takes_arg("socket") == "required"
    assert option_meaning.suggest("harakiri_verbose") == "harakiri-verbose"
    assert option_meaning.suggest("procesess") == "processes"
    assert option_meaning.suggest("socket") is None
    assert option_meaning.is_option("http-socket") and not option_meaning.is_option("http_socket")
    assert len(uwsgi_options.OPTIONS) == 943


CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")


def corpus_uwsgi_files() -> list[str]:
    manifest = os.path.join(CORPUS, "MANIFEST.tsv")
    if not os.path.exists(manifest):
        return []
    with open(manifest, encoding="utf-8") as handle:
        rows = [line.rstrip("\n").split("\t") for line in handle][1:]
    return [os.path.join(CORPUS, row[0]) for row in rows if len(row) > 4 and row[4] == "uwsgi"]


def test_reader_survives_every_corpus_uwsgi_file() -> None:
    files = corpus_uwsgi_files()
    if not files:
        pytest.skip("the shared corpus (../shared/corpus) is not available")
    ctx = ReadContext(mode="repository", cwd=CORPUS, known_files=files)
    read_with_options = 0
    for path in files:
        ini = read_ini(path, ctx)
        read_with_options += bool(ini.options)
        for option in ini.options:
            assert option.at.line >= 1
    assert read_with_options > 50


def test_loops_times_includes_stop_at_a_bound_with_a_located_problem(tmp_path: Path) -> None:
    from wsgilint.readers.uwsgi_ini import MAX_REPEATED

    write(tmp_path, "inc.ini", "[uwsgi]\nfor-times = 1000\nsocket = /run/%(_).sock\nendfor =\n")
    ini = read(tmp_path, "[uwsgi]\nfor-times = 1000\ninclude = inc.ini\nendfor =\n")
    # Repetition (iterations after the first, a file read again) stops at its own bound.
    assert MAX_REPEATED < len(ini.options) < MAX_REPEATED + 1010
    assert [(p.kind, os.path.basename(p.at.path), p.at.line) for p in ini.problems] == [("limit", "inc.ini", 3)]
    assert f"more than {MAX_REPEATED} options" in ini.problems[0].message
    # What was read before the bound is read as uWSGI reads it.
    assert pairs(ini)[:3] == [("for-times", "1000"), ("include", "inc.ini"), ("for-times", "1000")]


def test_placeholders_that_double_each_line_stop_growing(tmp_path: Path) -> None:
    lines = ["[uwsgi]", "a0 = xx"] + [f"a{n} = %(a{n - 1})%(a{n - 1})" for n in range(1, 41)]
    ini = read(tmp_path, "\n".join(lines) + "\n")
    values = dict(pairs(ini))
    assert values["a3"] == "x" * 16
    assert max(len(value) for value in values.values()) <= 1 << 16
    last = next(o for o in ini.options if o.key == "a40")
    assert last.unresolved


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=" \t\r\n=[]#;:ab\u00e9", max_size=60))
def test_text_without_magic_reads_as_with_magic(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A file without "%" skips magic substitution: its options, spans and sections are
    those the substitution gives once a "%%" comment line makes it run."""
    directory = tmp_path_factory.mktemp("ini")
    body = "[uwsgi]\n" + text
    plain = read(directory, body)
    magic = read(directory, body + "\n#%%\n")
    assert [(o.key, o.value, o.raw, o.at, o.unresolved) for o in plain.options] == \
        [(o.key, o.value, o.raw, o.at, o.unresolved) for o in magic.options]
    assert plain.sections == magic.sections
    assert plain.comments == magic.comments[:len(plain.comments)]
