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

YAML files are run as ``uwsgi --yaml F`` and read by the same reader (uWSGI's own line
parser's rules).

Corpus files: each INI- or YAML-format uWSGI file of ``../shared/corpus`` (MANIFEST kind
``uwsgi``, not a template; ``.xml``/``.json``/``.js``/``.lua`` left out) is
copied alone into a temporary directory and run there as ``uwsgi --ini NAME --set
vacuum=false --logto /dev/stderr --show-config --clock wsgilint-no-such-clock``.
Before printing, uWSGI parses (immediate options act), expands, applies every option,
runs the ``*-asap`` hooks and opens the log (``daemonize``, ``logto``); at the exit that
follows it runs ``*-as-user-atexit`` hooks, legion death hooks and ``fallback-config``,
flushes loggers and, with ``vacuum``, unlinks the pidfile; later hooks (``exec-pre-app``,
``hook-master-start``, ``cron``, ``attach-daemon``) never run
(``test_skip_list_matches_what_show_config_runs``). The two appended options win over
the file's. A file is not run (``skip_reason``) if it has ``@(`` or a scheme
(``exec://``, ``call://``, ``sym://``...), a loader or logic option naming ``://``,
stdin or a file of this machine, a ``SKIP_KEYS`` key (those hooks, ``daemonize``,
``exit``, ``for-readline``, pidfile signals, ``dlopen``, ``flock``...), a logger other
than ``stdio``, a ``spooler`` outside the copy's directory, or a plugin by path. The
lists are compared key by key, in order. By design: a host-dependent ``%X`` wsgilint
leaves as written (``%h``, ``%k``, ``%v``...) matches uWSGI's value on this machine
(``%t``, inodes, hashes by form); a ``%(...)`` it could not compute (``%(%k * 2)``)
matches any text; a conditional block's body, which wsgilint keeps and marks
unresolved, is in uWSGI's list whole or not at all; ``cron2 = key=val command`` is
printed cut at the space, as its handler ends the stored string there
(``core/cron.c:86-92``). A file uWSGI stops on must have a wsgilint problem on the
line of the option uWSGI names.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.model import Span
from wsgilint.readers.uwsgi_argv import parse_argv
from wsgilint.readers.uwsgi_ini import read_ini

# The uWSGI pip built into this environment, next to its python; never one on PATH, which may
# be Debian's /usr/bin/uwsgi (uwsgi-core, no Python: its --show-config differs).
_BESIDE_PYTHON = Path(sys.executable).parent / "uwsgi"
UWSGI = str(_BESIDE_PYTHON) if os.access(_BESIDE_PYTHON, os.X_OK) else None
pytestmark = pytest.mark.skipif(UWSGI is None, reason=f"no uwsgi at {_BESIDE_PYTHON} (pip install -e '.[test]')")

NO_CLOCK = "wsgilint-no-such-clock"
BEGIN = ";uWSGI instance configuration"
END = ";end of configuration"


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/home/wsgilint", "LANG": "C"}
    env.update(extra or {})
    return env


def real_options(argv: list[str], cwd: str, env: dict[str, str]) -> list[tuple[str, str]]:
    done = subprocess.run([UWSGI, *argv, "--show-config", "--clock", NO_CLOCK], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=20)
    # Decoded without newline translation: a value may keep a carriage return (a CRLF YAML file).
    output = (done.stdout + done.stderr).decode("utf-8", errors="replace")
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
    "int64-math": {"app.ini": """
        [uwsgi]
        big = 9223372036854775807
        huge = 99999999999999999999999
        wrap = %(big + 1)
        saturated = %(huge + 0)
        doubled = %(big * 2)
        below = %(0 - big - 2)
        truncated = %(0 - 7 / 2)
        by-zero = %(big / 0)
        decremented = %(0 - big - 1 --)
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


# YAML as uWSGI 2.0.31's own line parser reads it (core/yaml.c, pip's build has no libyaml).
YAML_CASES = {
    "lexing": {"app.yaml": """
        [uwsgi]
        # the INI header above is no YAML: skipped, as any line before the section
        other:
          hidden: 1
        uwsgi:
          socket: :80
          chdir: /srv/app # a comment anywhere ends the line
          quoted: "4"
          single: '4'
          spaced:   x y  \t
          	tabbed:	value
          deeper:
              nested: kept
          empty: \n          processes: 4
          name: %n %x
          after: %(processes) $(WSGILINT_VAR)
        later: 1
          unread: 1
        """},
    "a list ends the reading": {"app.yaml": """
        uwsgi:
          processes: 2
          - item
          threads: 4
        """},
    "a line without a colon and a space ends it": {"app.yaml": """
        uwsgi:
          master: true
          vacuum:
          threads: 4
        """},
    "crlf": {"app.yaml": "uwsgi:\r\n  socket: :80\r\n  processes: 4 \r\n"},
    "loads between formats": {
        "app.yaml": """
            uwsgi:
              first: 1
              ini: base.ini
              include: more.yml
              last: %(from-ini)
            """,
        "base.ini": """
            [uwsgi]
            from-ini = yes
            yaml = third.yaml:other
            """,
        "more.yml": """
            uwsgi:
              from-yml: %n
            """,
        "third.yaml": """
            uwsgi:
              not-this: 1
            other:
              from-other: %x
            """,
    },
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_yaml_matches_uwsgi(case, workdir):
    for name, text in YAML_CASES[case].items():
        write(workdir, name, text)
    env = environment({"WSGILINT_VAR": "from-env"})
    real = real_options(["--yaml", "app.yaml"], workdir, env)
    assert real[0] == ("yaml", "app.yaml")
    assert ours(workdir, "app.yaml", env) == real[1:]


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


# ----------------------------------------------------------------------------- the corpus

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
_NOT_READ = (".xml", ".json", ".js", ".lua")
_YAML = (".yml", ".yaml")
# Appended after ``--ini F``, so they win over the file: vacuum would unlink the file's pidfile
# at the exit that follows --show-config, and logto would create the file's log file.
NEUTRALIZERS = ["--set", "vacuum=false", "--logto", "/dev/stderr"]
_NEUTRALIZED = [("set", "vacuum=false"), ("vacuum", "false"), ("logto", "/dev/stderr")]

# Keys whose handler acts before --show-config prints, or at the exit(1) that follows it.
SKIP_KEYS = {
    **dict.fromkeys(("hook-asap", "exec-asap", "call-asap", "mount-asap", "umount-asap"),
                    "runs right after the config is applied, before --show-config prints"),
    **dict.fromkeys(("hook-as-user-atexit", "exec-as-user-atexit", "call-as-user-atexit"),
                    "runs at uWSGI's exit, which follows --show-config"),
    "fallback-config": "re-executes uWSGI with another config when it exits with status 1",
    **dict.fromkeys(("stop", "reload", "pause", "suspend", "resume", "signal"),
                    "signals the process named by a pidfile while the config is parsed"),
    **dict.fromkeys(("connect-and-read", "resolve"), "uses the network while the config is parsed"),
    **dict.fromkeys(("dlopen", "config-py", "build-plugin", "print-sym", "print-symbol"),
                    "loads or runs code while the config is parsed"),
    **dict.fromkeys(("extract", "binary-append-data"), "writes files while the config is parsed"),
    **dict.fromkeys(("flock", "flock-wait", "flock2", "flock-wait2"), "creates and locks a file"),
    **dict.fromkeys(("immediate-uid", "immediate-gid"), "changes the user while the config is parsed"),
    **dict.fromkeys(("declare-option", "declare-option2"), "defines options whose expansion is not vetted here"),
    "daemonize": "forks and logs to its file before --show-config prints",
    "for-readline": "turns the lines of a host file into options",
    "exit": "uWSGI exits while parsing, before --show-config prints",
    **dict.fromkeys(("log-syslog", "log-socket"), "sends the log (the --show-config output) off the machine"),
}
# The loggers flush at exit: only ``stdio`` writes nowhere but the captured output.
_LOGGER_KEYS = ("logger", "req-logger", "logger-req")
_LOADER_KEYS = ("ini", "include", "inherit", "config", "xml", "xmlconfig", "yaml", "yml", "json", "js",
                "ini-paste", "ini-paste-logged", "inject-before", "inject-after")
_LOGIC_KEYS = ("for", "for-glob", "for-times", "if-opt", "if-not-opt", "if-env", "if-not-env", "ifenv",
               "if-exists", "if-not-exists", "ifexists", "if-file", "if-not-file", "if-dir", "if-not-dir", "ifdir",
               "if-directory", "if-plugin", "if-not-plugin", "ifplugin", "if-hostname", "if-not-hostname",
               "if-reload", "if-not-reload")
_SCHEMES = ("exec://", "call://", "callint://", "sym://", "section://", "fd://", "data://", "emperor://")


def corpus_files() -> list[str]:
    """MANIFEST rows of kind ``uwsgi``, not templates, in uWSGI's INI or YAML format."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    with open(manifest, encoding="utf-8", newline="") as handle:
        return [row["local_path"] for row in csv.DictReader(handle, delimiter="\t")
                if row["kind"] == "uwsgi" and row["is_template"] == "no"
                and not row["local_path"].endswith(_NOT_READ)]


def skip_reason(path: Path) -> str | None:
    """Why uWSGI must not load this file, or None. Conservative: every section counts,
    and comments too for the scheme check. The text is also checked with every ``%X``
    pair removed, as a ``%`` at the end of a line joins it to the next one."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.name.endswith(_YAML):   # `key: value` lines checked as `key = value`
        text = re.sub(r"^([ \t]*)([^\s:#]+):[ \t]", r"\1\2 = ", text, flags=re.M)
    joined = re.sub(r"%.", "", text, flags=re.S)
    for marker in ("@(", *_SCHEMES):
        if marker in text or marker in joined:
            return f"contains `{marker}` (executes or reads at config-load time)"
    for line in text.split("\n") + joined.split("\n"):
        line = line.strip(" \t\r")
        if not line or line[0] in "[;#":
            continue
        key, _, value = (part.strip(" \t\r") for part in line.partition("="))
        if key in ("set", "set-ph", "set-placeholder"):
            key, _, value = (part.strip(" \t\r") for part in value.partition("="))
        if key in SKIP_KEYS:
            return f"`{key}`: {SKIP_KEYS[key]}"
        if key.startswith("legion"):
            return f"`{key}`: a legion's death hooks run at exit"
        if key in _LOGGER_KEYS and value.split()[-1:] != ["stdio"]:
            return f"`{key} = {value}`: a logger that writes outside the captured output at exit"
        if key in _LOADER_KEYS + _LOGIC_KEYS and ("://" in value or value == "-"):
            return f"`{key} = {value}`: loads a configuration through a scheme or stdin"
        if key in _LOADER_KEYS and re.search(r"%\((?!_\))", value):
            return f"`{key} = {value}`: loads a file named by a placeholder (``inherit`` expands them)"
        if key in _LOADER_KEYS and os.path.isabs(value) and os.path.exists(value):
            return f"`{key} = {value}`: would read this machine's own file"
        if key in ("plugin", "plugins", "need-plugin", "need-plugins") and "/" in value:
            return f"`{key} = {value}`: loads a shared object by path"
        if key in ("plugin-dir", "plugins-dir") and os.path.isdir(value):
            return f"`{key} = {value}`: would load plugins of this machine"
    for line in text.split("\n"):
        key, _, value = (part.strip(" \t\r") for part in line.partition("="))
        # Created while the config is applied: only inside the copy's directory (%d) or below the start one.
        expanded = re.sub(r"\$\(([^()]*)\)", lambda m: environment().get(m.group(1), m.group(0)), value)
        inside = expanded.startswith(("%d", "%D")) or not expanded.startswith(("/", "%"))
        if key in ("spooler", "spooler-external") and (not inside or ".." in value):
            return f"`{key} = {value}`: uWSGI creates the spool directory while applying the config"
    return None


@dataclass
class CorpusOutcome:
    verdict: str          # "agreed" (same option list) or "refused" (both refuse the file)
    options: int          # options compared
    note: str = ""


_HOST_MAGIC = {
    "h": re.escape(socket.gethostname()),
    "k": str(os.sysconf("SC_NPROCESSORS_ONLN")),
    "u": str(os.getuid()),
    "g": str(os.getgid()),
    "V": re.escape("2.0.31"),
    "[": "\x1b",
    "t": r"\d+", "T": r"\d+", "i": r"\d+", "I": r"\d+", "j": "[0-9a-f]+", "J": "[0-9a-f]+", "b": ".*",
    "U": ".*", "G": ".*",
}


def _same(mine, theirs: tuple[str, str], cwd: str) -> bool:
    """One option alike. Where wsgilint left a host-dependent ``%X`` in place, the value
    uWSGI gave it on this machine is accepted (``%t``, inodes, hashes by their form), and a
    ``%(...)`` it could not compute (``%(%k * 2)``) stands for any text."""
    if mine.key != theirs[0]:
        return False
    if mine.value == theirs[1] or _cut_in_place(mine.key, mine.value) == theirs[1]:
        return True
    if not mine.unresolved:
        return False
    host = dict(_HOST_MAGIC, v=re.escape(cwd))

    def piece_pattern(piece: str) -> str:
        if piece.startswith("%("):
            return ".*"
        return host.get(piece[1:], re.escape(piece)) if piece.startswith("%") else re.escape(piece)
    pattern = "".join(piece_pattern(piece) for piece in re.split(r"(%\([^()]*\)|%.)", mine.value, flags=re.S))
    return re.fullmatch(pattern, theirs[1], re.S) is not None


def _cut_in_place(key: str, value: str) -> str:
    """What --show-config prints for a value its handler cut while applying it: the
    ``cron2`` handler ends ``key=val,... command`` at the space (``core/cron.c:86-92``)."""
    if key == "cron2" and "=" in value.split(" ", 1)[0]:
        return value.split(" ", 1)[0]
    return value


def _blocks(options: list) -> list[tuple[list, bool]]:
    """wsgilint's options cut into runs; a conditional block's body (which wsgilint keeps
    and marks unresolved, as the condition is decided on the host) is optional."""
    runs: list[tuple[list, bool]] = [([], False)]
    inside = False
    for option in options:
        if inside and option.key in ("end", "endif", "end-if", "endfor", "end-for"):
            inside = False
            runs.append(([], False))
        runs[-1][0].append(option)
        if not inside and option.key in _LOGIC_KEYS and not option.key.startswith("for"):
            inside = True
            runs.append(([], True))
    return runs


def _align(options: list, real: list[tuple[str, str]], cwd: str) -> str | None:
    """None when uWSGI's list is wsgilint's, each conditional body taken whole or not at all."""
    position = 0
    for run, optional in _blocks(options):
        window = real[position:position + len(run)]
        if len(window) == len(run) and all(_same(m, r, cwd) for m, r in zip(run, window, strict=False)):
            position += len(run)
            continue
        if optional:
            continue
        for offset, mine in enumerate(run):
            theirs = real[position + offset] if position + offset < len(real) else None
            if theirs is None or not _same(mine, theirs, cwd):
                return (f"option {position + offset} (line {mine.at.line}): wsgilint {(mine.key, mine.value)!r}, "
                        f"uWSGI {theirs!r}")
    if position != len(real):
        return f"uWSGI has {len(real) - position} more options, first {real[position]!r}"
    return None


def run_uwsgi(argv: list[str], cwd: str, env: dict[str, str]) -> tuple[list[tuple[str, str]] | None, str]:
    """uWSGI's option list (None when it stopped before printing it) and its whole output.
    A ``log-date`` prefix (as long on every line as on the first) and the empty lines a
    ``log-encoder = nl`` adds are removed."""
    done = subprocess.run([UWSGI, *argv, "--show-config", "--clock", NO_CLOCK], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace", timeout=20)
    output = done.stdout + done.stderr
    if BEGIN not in output:
        return None, output
    before, after = output.split(BEGIN, 1)
    # The listing is logged as one message per option, the first starting with a newline.
    prefix = len(before[:-1].rsplit("\n", 1)[-1])
    lines = after.split(END, 1)[0].split("\n")
    assert lines[1] == "[uwsgi]", lines[:3]
    return [tuple(line[prefix:].partition(" = ")[::2]) for line in lines[2:-1] if line.strip()], output


def compare_corpus_file(local_path: str, directory: str) -> CorpusOutcome:
    """Copy the file alone into ``directory`` (uWSGI's start directory, so ``%d`` and
    relative includes stay there), run uWSGI on it and read it with wsgilint."""
    name = os.path.basename(local_path)
    copy = os.path.join(directory, name)
    shutil.copyfile(CORPUS / local_path, copy)
    env = environment()
    loader = "yaml" if name.endswith(_YAML) else "ini"
    real, output = run_uwsgi([f"--{loader}", name, *NEUTRALIZERS], directory, env)
    ctx = ReadContext(mode="live", cwd=directory)
    ini = read_ini(copy, ctx, env=env, cwd=directory)
    if real is None:
        return _refused(output, ini)
    assert real[0] == (loader, name), real[0]
    added = [*_NEUTRALIZED, ("show-config", "true"), ("clock", NO_CLOCK)]
    # The command line's own options follow the file's; only inherited files come after them.
    start = max(i for i in range(len(real)) if real[i:i + len(added)] == added)
    mine = real[1:start] + real[start + len(added):]
    difference = _align(ini.options, mine, directory)
    assert difference is None, difference
    return CorpusOutcome("agreed", len(mine))


_REFUSALS = (  # uWSGI's message when it stops on a file, and what it names: an option's value or its key
    (re.compile(r"realpath\(\) of (.+) failed"), "value"),
    (re.compile(r"unable to load configuration from (.+)"), "value"),
    (re.compile(r"open\(\"(.+)\"\): No such file or directory"), "value"),
    (re.compile(r"\[strict-mode\] unknown config directive: (.+)"), "key"),
)


def _refused(output: str, ini) -> CorpusOutcome:
    """uWSGI stopped before printing: wsgilint must report a problem on the line uWSGI stopped at."""
    last = output.strip().split("\n")[-1]
    for pattern, part in _REFUSALS:
        match = pattern.search(output)
        if match is None:
            continue
        named = [o for o in ini.options if (o.value if part == "value" else o.key) == match.group(1)]
        assert named, f"uWSGI stops at {match.group(0)!r}; wsgilint has no option with that {part}"
        at = named[0].at
        assert any((p.at.path, p.at.line) == (at.path, at.line) for p in ini.problems), \
            f"uWSGI stops at {match.group(0)!r} (line {at.line}); wsgilint's problems: {ini.problems}"
        return CorpusOutcome("refused", 0, f"line {at.line}: {match.group(0)}")
    assert ini.problems, f"uWSGI refuses the file ({last}); wsgilint reports no problem"
    return CorpusOutcome("refused", 0, last)


@pytest.mark.parametrize("local_path", corpus_files() or ["(no corpus)"])
def test_corpus_ini_matches_uwsgi(local_path, workdir):
    if not (CORPUS / "MANIFEST.tsv").is_file():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    reason = skip_reason(CORPUS / local_path)
    if reason:
        pytest.skip(f"not run through uWSGI: {reason}")
    outcome = compare_corpus_file(local_path, workdir)
    assert outcome.verdict in ("agreed", "refused")


def test_skip_list_matches_what_show_config_runs(workdir):
    """The phases --show-config reaches: ``*-asap`` and ``*-as-user-atexit`` run, vacuum
    unlinks the pidfile and logto writes its file -- unless the neutralizers are given --
    and every later hook does not run."""
    later = ["exec-pre-app = touch M-exec-pre-app", "exec-as-root = touch M-exec-as-root",
             "exec-pre-jail = touch M-exec-pre-jail", "exec-post-app = touch M-exec-post-app",
             "hook-pre-app = exec:touch M-hook-pre-app", "hook-master-start = exec:touch M-hook-master-start",
             "hook-post-fork = exec:touch M-hook-post-fork", "hook-accepting = exec:touch M-hook-accepting",
             "attach-daemon = touch M-attach-daemon", "cron = -1 -1 -1 -1 -1 touch M-cron",
             "cron2 = minute=-1 touch M-cron2"]
    early = ["exec-asap = touch M-exec-asap", "hook-as-user-atexit = exec:touch M-hook-atexit",
             "exec-as-user-atexit = touch M-exec-atexit"]
    write(workdir, "app.ini", "\n".join(["[uwsgi]", *later, *early, "vacuum = true", "pidfile = %dM-pidfile",
                                         "logto = %dM-logto", "master = true"]) + "\n")
    ran = ["M-exec-asap", "M-exec-atexit", "M-hook-atexit"]
    for neutralizers, left, printed in (([], ["M-logto"], False), (NEUTRALIZERS, ["M-pidfile"], True)):
        with open(os.path.join(workdir, "M-pidfile"), "w"):
            pass
        real, _ = run_uwsgi(["--ini", "app.ini", *neutralizers], workdir, environment())
        made = sorted(name for name in os.listdir(workdir) if name.startswith("M-"))
        assert made == sorted(ran + left)
        assert (real is not None) == printed    # without neutralizers the listing goes to the logto file
        for name in made:
            os.remove(os.path.join(workdir, name))
    assert {key.split(" =")[0] for key in early} <= set(SKIP_KEYS)
    assert not {key.split(" =")[0] for key in later} & set(SKIP_KEYS)


@pytest.mark.parametrize("text, reason", [
    ("[uwsgi]\nprocesses = 4\nvacuum = true\nlogto = /var/log/x.log\n", None),
    ("[uwsgi]\nmodule = @(exec://cat app)\n", "@("),
    ("[other]\nini = http://example.com/app.ini\n", "scheme"),
    ("[uwsgi]\nexec-%\nasap = touch x\n", "exec-asap"),
    ("[uwsgi]\nset = exec-as-user-atexit=touch x\n", "exec-as-user-atexit"),
    ("[uwsgi]\nlogger = file:/var/log/x.log\n", "logger"),
    ("[uwsgi]\nlogger = app stdio\n", None),
    ("[uwsgi]\nspooler = /var/spool/x\n", "spool"),
    ("[uwsgi]\nspooler = %d/spool\n", None),
    ("[uwsgi]\nspooler = $(HOME)/spool\n", "spool"),
    ("[uwsgi]\nbase = http://example.com/app.ini\ninherit = %(base)\n", "placeholder"),
    ("[uwsgi]\nif-file = /nonexistent/override.ini\nini = %(_)\nendif =\n", None),
    ("[uwsgi]\nlegion-death = lg exec:touch x\n", "legion"),
])
def test_skip_reason(text, reason, tmp_path):
    path = tmp_path / "app.ini"
    path.write_text(text)
    found = skip_reason(path)
    assert (found is None) if reason is None else (found is not None and reason in found), found


def test_value_starting_with_empty_magic(workdir):
    """``%Y`` expands to nothing: the value is the rest, its raw text and column start at ``%Y``;
    a ``%(...)`` over a run-time ``%k`` stays as written, where uWSGI computes it."""
    write(workdir, "app.ini", "[uwsgi]\nlogdate = %Y-%m\nprocesses = %(%k * 2)\n")
    real, _ = run_uwsgi(["--ini", "app.ini"], workdir, environment())
    ctx = ReadContext(mode="live", cwd=workdir)
    logdate, processes = read_ini(os.path.join(workdir, "app.ini"), ctx, env=environment(), cwd=workdir).options
    assert real[1] == ("logdate", logdate.value) == ("logdate", "-")
    assert (logdate.raw, logdate.at.column, logdate.at.end_column) == ("%Y-%m", 11, 16)
    assert (processes.value, processes.unresolved) == ("%(%k * 2)", True)
    assert real[2] == ("processes", str(2 * os.sysconf("SC_NPROCESSORS_ONLN")))
    assert _same(processes, real[2], workdir)


@pytest.mark.parametrize("text, line", [
    ("[uwsgi]\nprocesses = 2\ninclude = other.ini:extra\n", 3),    # the loader is chosen by the whole value
    ("[uwsgi]\nprocesses = 2\n\nini = nothere.ini\n", 4),
    ("[uwsgi]\nyaml = nothere.yml\n", 2),
    ("[uwsgi]\ninclude = base.conf\n", 2),
])
def test_refused_files_have_a_problem_on_that_line(text, line, workdir):
    write(workdir, "app.ini", text)
    write(workdir, "other.ini", "[extra]\nx = 1\n")
    real, output = run_uwsgi(["--ini", "app.ini"], workdir, environment())
    assert real is None
    ini = read_ini(os.path.join(workdir, "app.ini"), ReadContext(mode="live", cwd=workdir), env=environment(),
                   cwd=workdir)
    assert _refused(output, ini).note.startswith(f"line {line}: ")
