"""Shell wrappers that start an app server: which line starts it, and does it ``exec``?

A wrapper that runs the server without ``exec`` stays its parent, so the stop signal
of Supervisor or systemd reaches the shell and the server is orphaned. Only the text
is read; nothing here runs a shell.
"""
from __future__ import annotations

import os
import re
import shlex
from dataclasses import replace

from ..core.commands import recognise
from ..core.context import ReadContext
from ..core.record import dataclass, field
from ..core.span import Span

SHELLS = ("sh", "bash", "dash", "ash", "zsh", "ksh")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# Words that run the rest of the line as the command (nothing of their own to keep).
_PASS_THROUGH = ("nohup", "command", "env")


@dataclass(frozen=True, slots=True)
class ServerLine:
    """The command in a shell text that starts the server.

    ``execs`` is True when the shell is replaced by the server (``exec``, or ``bash -c``
    running it as its last simple command); ``directory`` is the last ``cd`` before
    it; ``exports`` the variables exported (or assigned on the line) before it."""

    program: str                   # uwsgi | gunicorn | nginx
    argv: list[str]
    line: int                      # 1-based line in the shell text
    column: int
    end_column: int
    execs: bool
    directory: str | None = None
    exports: dict[str, str] = field(default_factory=dict)
    background: bool = False


@dataclass(frozen=True, slots=True)
class WrapperScript:
    path: str
    shell: str                     # from the #! line: sh, bash, …; "sh" when there is none
    server: ServerLine
    at: Span                       # the server line in the script


def program_of(argv: list[str]) -> str:
    """The server an argv starts (``/srv/venv/bin/gunicorn``, ``python -m gunicorn``,
    ``uwsgi_python3`` ...), by the one recogniser every producer uses."""
    command = recognise(argv)
    return command.program if command else ""


def _logical_lines(text: str) -> list[tuple[int, int, int, str]]:
    """(line number, first column, end column on that line, text) with backslash continuations joined."""
    result = []
    physical = text.split("\n")
    index = 0
    while index < len(physical):
        number = index + 1
        line = physical[index].rstrip("\r")
        end_column = len(line.rstrip("\\").rstrip()) + 1
        index += 1
        while line.endswith("\\") and index < len(physical):
            line = line[:-1] + " " + physical[index].rstrip("\r").lstrip()
            index += 1
        result.append((number, len(line) - len(line.lstrip()) + 1, end_column, line))
    return result


def _words(command: str) -> list[str] | None:
    lexer = shlex.shlex(command, posix=True, punctuation_chars=";&|")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        return list(lexer)
    except ValueError:
        return None


def _commands(words: list[str]) -> list[tuple[list[str], str]]:
    """Simple commands with the operator that ends each (``;``, ``&&``, ``&``, ``|``, ``||`` or "")."""
    commands: list[tuple[list[str], str]] = []
    current: list[str] = []
    for word in words:
        if word and all(c in ";&|" for c in word):
            commands.append((current, word))
            current = []
        else:
            current.append(word)
    commands.append((current, ""))
    return [(c, op) for c, op in commands if c]


def _find(lines: list[tuple[int, int, int, str]], shell: str, dash_c: bool) -> ServerLine | None:
    directory: str | None = None
    exports: dict[str, str] = {}
    found: ServerLine | None = None
    found_last = False
    for number, column, end_column, line in lines:
        for command, operator in _commands(_words(line) or []):
            found_last = False
            execs = False
            assigned: dict[str, str] = {}
            while command and (command[0] in ("exec", *_PASS_THROUGH) or _ASSIGNMENT.match(command[0])):
                if command[0] == "exec":
                    execs = True
                elif _ASSIGNMENT.match(command[0]):
                    name, _, value = command[0].partition("=")
                    assigned[name] = value
                command = command[1:]
            if not command:
                exports.update(assigned)          # VAR=x alone sets a shell variable
            elif command[0] == "cd" and len(command) > 1:
                directory = command[1]
            elif command[0] == "export":
                exports.update(w.split("=", 1) for w in command[1:] if "=" in w)  # type: ignore[misc]
            elif program_of(command):
                found = ServerLine(program_of(command), command, number, column, end_column,
                                   execs, directory, {**exports, **assigned}, background=operator == "&")
                found_last = operator in ("", ";", "&&")
    if found and dash_c and shell == "bash" and found_last and not found.execs:
        # bash -c replaces itself with its last simple command (measured with bash 5.2; dash does not)
        found = replace(found, execs=True)
    return found


def server_line_of_shell_command(command: str, shell: str = "sh") -> ServerLine | None:
    """The server started by the text of ``sh -c "…"`` / ``bash -c "…"`` (``shell`` names which)."""
    return _find(_logical_lines(command), os.path.basename(shell), dash_c=True)


def shell_of(text: str) -> str:
    first = text.split("\n", 1)[0]
    if first.startswith("#!"):
        words = first[2:].split()
        if words:
            name = os.path.basename(words[0])
            if name == "env" and len(words) > 1:
                name = os.path.basename(words[1])
            return name
    return "sh"


def read_wrapper(local_path: str, ctx: ReadContext) -> WrapperScript | None:
    """The wrapper's server line, or None when the file starts no known server (or is unreadable)."""
    text = ctx.read(local_path, peek=True).text
    if text is None:
        return None
    shell = shell_of(text)
    if shell not in SHELLS:
        return None
    server = _find(_logical_lines(text), shell, dash_c=False)
    if server is None:
        return None
    return WrapperScript(local_path, shell, server,
                         Span(ctx.display(local_path), server.line, server.column, server.end_column))
