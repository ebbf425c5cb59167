"""A Supervisor `command=` written as a shell command line, which supervisord does not run in a shell.

## What it checks
A `[program:x]` (or `[fcgi-program:x]`, `[eventlistener:x]`) `command` that, split as
supervisord splits it (`shlex.split` after `%(...)s` expansion), starts with a shell
builtin or keyword (`source`, `.`, `cd`, `export`, `ulimit`, `exec`, `if`, ...), or has
a shell operator as a word of its own: `&&`, `||`, `|`, `;`, `&`, `>`, `>>`, `<`,
`2>&1`. A quoted or escaped operator (`find ... -exec rm {} \\;`) is an argument meant as
one and is not reported, and neither is anything inside `sh -c "..."`.

## What breaks in production
supervisord runs no shell: it execs the first word with the rest as its arguments
(Supervisor 4.3.0, `options.py` `get_execv_args`). A builtin is no program:
`command=source /srv/env.sh && uwsgi --ini app.ini` fails at every spawn with
`can't find command 'source'`, and after `startretries` the program is FATAL; the server
never starts (where a distribution ships a stub such as `/usr/bin/cd`, it runs, exits at
once, and the end is the same). An operator is passed to the program as a literal
argument: `sleep 30 > /tmp/log` makes sleep refuse its arguments and the program go
FATAL; Gunicorn reads only its first positional argument, so `gunicorn app:app > log`
runs but writes nowhere near `log`, and the command after `&&` or `|` never runs. The
first is an error; an operator alone is a warning, as what it breaks depends on the
program.

## How to fix
Run the line in a shell and `exec` the server, so that it is the process supervisord
signals: `command=/bin/sh -c ". /srv/env.sh && exec /usr/local/bin/uwsgi --ini app.ini"`
(`/bin/sh` is dash on Debian, which has `.` but no `source`), or a wrapper script that
ends with `exec`. For a directory use `directory=`, for variables `environment=`, and for
output `stdout_logfile=`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "S114"
SLUG = "shell-syntax-in-command"
SEVERITY = "error"
SUMMARY = "A Supervisor command uses shell syntax; supervisord runs no shell (the builtin is not found)."

BAD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=source /srv/app/env.sh && /srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n")}
GOOD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/bin/sh -c \". /srv/app/env.sh && exec /srv/venv/bin/gunicorn -b 127.0.0.1:8000 "
    "app:app\"\n")}

# Shell builtins and keywords that no distribution installs as a program a shell-less exec
# could run in their place (RHEL's /usr/bin/cd and the like run and exit at once: the same end).
_BUILTINS = frozenset({
    "source", ".", "cd", "export", "set", "unset", "alias", "ulimit", "umask", "exec", "eval", "trap",
    "declare", "typeset", "local", "readonly", "shopt", "pushd", "popd",
    "if", "for", "while", "until", "case", "{", "(", "[[", "!",
})
# Programs that join their arguments into a command line a shell reads: there an operator works.
_SHELL_JOINERS = frozenset({"ssh", "watch", "tmux", "screen"})


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        seen: set[str] = set()
        for process in config.processes:
            section = process.section
            value = section.get("command")
            # numprocs makes one process per number from one command: one finding for the section.
            if process.argv is None or value is None or section.name in seen:
                continue
            seen.add(section.name)
            first = process.argv[0]
            program = first.rsplit("/", 1)[-1]
            operators = () if program in _SHELL_JOINERS else process.shell_operators()
            listed = ", ".join(f"`{word}`" for word in dict.fromkeys(operators))
            fix = ("run it in a shell and exec the server (`command=/bin/sh -c \"... && exec server ...\"`, "
                   "`.` in place of `source`), or use a wrapper script that ends with `exec`")
            if first in _BUILTINS:
                also = f", and {listed} {'is' if len(operators) == 1 else 'are'} passed as arguments" if listed else ""
                yield Hit(value.at, f"[{section.name}] command starts with `{first}`, a shell builtin, not a program: "
                          f"supervisord runs no shell and execs the first word{also}, so every spawn fails "
                          f"(\"can't find command '{first}'\"), the program ends FATAL and the server never "
                          f"starts; {fix}")
            elif operators:
                yield Hit(value.at, f"[{section.name}] command has the shell operator{'s' if len(operators) > 1 else ''} "
                          f"{listed}, but supervisord runs no shell: `{program}` gets "
                          f"{'it' if len(operators) == 1 else 'them'} as literal arguments (a program that "
                          "refuses them never starts; one that ignores them runs without the redirection or the "
                          f"other command); {fix}", severity="warning")
