"""wsgilint's uWSGI readers against the real uWSGI 2.0.31, option by option.

How the real option list is obtained: ``uwsgi --ini F --show-config --clock
wsgilint-no-such-clock``. ``--show-config`` prints every recorded option, in order,
as ``key = value`` between ``;uWSGI instance configuration`` and ``;end of
configuration`` (on stderr), after the ``$()``/``@()``/``%()`` passes and after
``inherit`` files were loaded; this is uWSGI's own ordered list, unlike ``--get KEY``
which prints only the first occurrence. uWSGI would then start, but an unknown clock
name makes it exit with status 1 right after printing, before it binds any socket or
forks. The command-line entries that only drive the test (``ini = F``, ``show-config``,
``clock``) are removed before comparing. The inputs are small files written here,
with harmless keys; uWSGI runs in the test's temporary directory with a fixed
environment and a timeout.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import textwrap

import pytest

from wsgilint.context import ReadContext
from wsgilint.model import Span
from wsgilint.readers.uwsgi_argv import parse_argv
from wsgilint.readers.uwsgi_ini import read_ini

UWSGI = shutil.which("uwsgi")
pytestmark = pytest.mark.skipif(UWSGI is None, reason="uwsgi is not on PATH (pip install uwsgi==2.0.31)")

NO_CLOCK = "wsgilint-no-such-clock"
BEGIN = ";uWSGI instance configuration"
END = ";end of configuration"


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/home/wsgilint", "LANG": "C"}
    env.update(extra or {})
    return env


def real_options(argv: list[str], cwd: str, env: dict[str, str]) -> list[tuple[str, str]]:
    done = subprocess.run([UWSGI, *argv, "--show-config", "--clock", NO_CLOCK], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", timeout=20)
    output = done.stdout + done.stderr
    assert BEGIN in output, output
    lines = output.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n").split("\n")
    assert lines[0] == "[uwsgi]"
    pairs = []
    for line in lines[1:]:
        key, _, value = line.partition(" = ")
        pairs.append((key, value))
    pairs.remove(("show-config", "true"))
    pairs.remove(("clock", NO_CLOCK))
    return pairs


def write(directory: str, name: str, text: str) -> str:
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(textwrap.dedent(text).lstrip("\n"))
    return path


def ours(directory: str, name: str, env: dict[str, str]) -> list[tuple[str, str]]:
    ctx = ReadContext(mode="live", cwd=directory)
    ini = read_ini(os.path.join(directory, name), ctx, env=env, cwd=directory)
    assert not ini.problems, ini.problems
    return [(o.key, o.value) for o in ini.options]


@pytest.fixture
def workdir(tmp_path) -> str:
    return os.path.realpath(str(tmp_path))   # uWSGI reports real paths in %d/%p


CASES = {
    "lexing": {"app.ini": """
        ; comment
        [uwsgi]
        processes = 4 # four
        threads = 2 ; two
        chdir = "/srv/app"
        env = A=B=C
        master
        empty =
        	tabbed	=	value with tab	
        custom = 1
        custom = 2
        [other]
        hidden = 1
        [uwsgi]
        again = yes
        """},
    "broken-header": {"app.ini": """
        [uwsgi] ; main
        processes = 4
        [ uwsgi ]
        threads = 2
        """},
    "magic": {"app.ini": """
        [uwsgi]
        dir = %d
        file = %s
        name = %n
        ext = %e
        parent = %c
        full = %p
        first = %0 %1
        section = %x
        upper = %D%N
        percent = 100%% %Y-%m-%q
        joined = 100%
        swallowed = gone
        after = ok
        ends = 50%"""},
    "placeholders": {"app.ini": """
        [uwsgi]
        base = /srv
        processes = 4
        chdir = %(base)/app
        more = %(processes + 1)
        math = %(processes * 3 - 2 / 5)
        cat = %(base processes)
        incr = %(processes ++)
        forward = %(later)
        chain = %(c1)
        c1 = %(c2)-x
        c2 = deep
        unknown = %(nosuch) and %(nosuch + 1)
        empty = %() %(unclosed
        nested = %(base (x))
        env = $(WSGILINT_VAR)/x $(WSGILINT_UNSET)
        later = defined-later
        """},
    "include-inherit": {
        "app.ini": """
            [uwsgi]
            first = 1
            inherit = base.ini
            include = inc.ini
            processes = 3
            ini = :extra
            tail = $(WSGILINT_VAR)
            [extra]
            from-extra = %(first)
            """,
        "inc.ini": """
            [uwsgi]
            processes = 2
            from-inc = %n
            """,
        "base.ini": """
            [uwsgi]
            processes = 9
            late = $(WSGILINT_VAR) %(first) %n
            include = deeper.ini
            """,
        "deeper.ini": """
            [uwsgi]
            deepest = %s
            """,
    },
    "logic": {"app.ini": """
        [uwsgi]
        for = a b c
        item = /%(_)/x
        endfor =
        for-times = 2
        n = %(_)
        endfor =
        if-env = WSGILINT_VAR
        envval = %(_)
        endif =
        set-ph = ph=placeholder
        set = custom=set-value
        uses = %(ph) %(custom)
        """},
    "crlf": {"app.ini": "[uwsgi]\r\nprocesses = 4\r\n; c\r\nname = %n\r\n"},
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_ini_matches_uwsgi(case, workdir):
    for name, text in CASES[case].items():
        write(workdir, name, text)
    env = environment({"WSGILINT_VAR": "from-env"})
    real = real_options(["--ini", "app.ini"], workdir, env)
    assert real[0] == ("ini", "app.ini")
    assert ours(workdir, "app.ini", env) == real[1:]


def test_command_line_matches_uwsgi(workdir):
    write(workdir, "app.ini", "[uwsgi]\nprocesses = 4\n[second]\nthreads = 2\n")
    write(workdir, "late.ini", "[uwsgi]\nharakiri = 60\n")
    argv = ["late.ini", "-Mp8", "--ini", "app.ini:second", "--socket=/tmp/x.sock", "-C", "--processe", "3",
            "--ini", "app.ini", "-s", ":0", "--chmod-socket=660", "--env", "X=$(WSGILINT_VAR)"]
    env = environment({"UWSGI_MY_PLACEHOLDER": "from-env", "WSGILINT_VAR": "v"})
    real = real_options(argv, workdir, env)
    ctx = ReadContext(mode="live", cwd=workdir)
    command = parse_argv(argv, Span("cmd"), ctx, workdir, env)
    assert command.problems == []
    assert [(o.key, o.value) for o in command.options] == real
