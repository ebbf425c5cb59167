"""Shell wrappers that start an app server: which line starts it, and does it ``exec``?

A wrapper that runs the server without ``exec`` stays its parent, so the stop signal
of Supervisor or systemd reaches the shell and the server is orphaned. Only the text
is read; nothing here runs a shell.

Only what the shell would run counts, read as POSIX sh reads it: ``#`` starts a comment
at the start of a word (``# uwsgi --ini x`` runs nothing, ``a#b`` is one word), a
backslash inside a comment continues nothing, and the body of a here-document is data.
"""
# Over 400 lines: one lexer of sh text (comments, here-documents, if/case branches) serves
# the server line, the development server a start runs, a script that execs its arguments,
# and the files a start writes before its server (`sed -i`, `envsubst > FILE`).
from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import replace

from ..core.commands import ALL_ARGUMENTS, dev_server, recognise
from ..core.context import ReadContext
from ..core.launchers import unwrap
from ..core.record import dataclass, field
from ..core.span import Span

SHELLS = ("sh", "bash", "dash", "ash", "zsh", "ksh")

# Whether ``SHELL -c TEXT`` replaces itself with the last simple command of TEXT when no trap
# is set, by the shell that runs it (not the name it is called by: Alpine's ``/bin/sh`` is
# busybox ash, Debian's is dash). Measured with bash 5.2.15, busybox 1.35.0 and Debian's dash
# 0.5.12 (docs/fidelity.md, "Shells and the last command of `sh -c`"): bash and busybox ash
# exec it, dash does not (Debian patches its main.c to ``evalstring(minusc, 0)``); none
# execs the last line of a script file, nor a command after which another follows, one
# started with ``&``, or any command once a ``trap`` is set.
EXECS_LAST_OF_C: dict[str, bool] = {"bash": True, "busybox": True, "dash": False}


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _assignment() -> re.Pattern[str]:
    return re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")


# Words that run the rest of the line as the command (nothing of their own to keep).
_PASS_THROUGH = ("nohup", "command", "env")
# A command that hands control to something whose text is not here: another script, the
# command line given to an entrypoint (``exec "$@"``), a process manager. What it starts
# cannot be seen, so the text is not all its start runs.
_MANAGERS = frozenset(("supervisord", "honcho", "circusd", "runsvdir", "s6-svscan", "systemctl", "service",
                       "foreman", "pm2", "xargs"))
_SUPERVISORD = "supervisord"
_PRINTS = frozenset(("echo", "printf", "logger", ":"))


@functools.cache
def _heredoc() -> re.Pattern[str]:
    return re.compile(r"(?<!<)<<(-?)[ \t]*(?:'([^']*)'|\"([^\"]*)\"|\\?([A-Za-z_][^\s;&|<>()]*))")


_WORD_START = " \t;&|()<>"


@dataclass(frozen=True, slots=True)
class ServerLine:
    """The command in a shell text that starts the server.

    ``execs`` is True when the shell is replaced by the server (``exec``, or a shell of
    ``EXECS_LAST_OF_C`` running it as the last simple command of ``-c``); ``last_of_c``
    says it is that last command, so a shell whose kind is not known may exec it; ``directory`` is the last ``cd`` before
    it (on line ``directory_line``); ``exports`` the variables exported (or assigned on the line) before it."""

    program: str                   # uwsgi | gunicorn | nginx | supervisord
    argv: list[str]
    line: int                      # 1-based line in the shell text
    column: int
    end_column: int
    execs: bool
    directory: str | None = None
    directory_line: int = 0
    exports: dict[str, str] = field(default_factory=dict)
    background: bool = False
    # No other server command in the text, and no command that hands control to a text not
    # here: the server is all the shell starts (a config none of its words names is not run).
    alone: bool = True
    # The text runs commands besides the server's (`migrate && gunicorn ...`, `envsubst ... && nginx`):
    # run without a shell, the server's own command would leave them out.
    others: bool = False
    # What the shell runs once the server line returns (a server that daemonizes returns at
    # once): the commands after it, and the first of them known to stay in the foreground
    # for good (`tail -f`, `sleep infinity`, `while true`), which keeps the shell alive.
    after: tuple[tuple[str, ...], ...] = ()   # each command's words
    held_by: str = ""
    last_of_c: bool = False
    # The tests (`if`/`elif`/`case` branches, `[ … ] &&`) the line runs under, each as its
    # words ("!" first: the test fails), and those of each `exec "$@"` before it: given
    # arguments, the script may run them instead (``runs_with``).
    guards: tuple[tuple[str, ...], ...] = ()
    passes: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # Those of each `exec "$@"` after it: where the line's branch is not taken, the script
    # goes on to them (``hands_over``).
    passes_after: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # uWSGI or Gunicorn lines started with `&` before this one (`uwsgi app.ini &` then
    # `nginx`): they run beside it, in the same place, and the text is not all they run.
    started_before: tuple[ServerLine, ...] = ()
    # uWSGI or Gunicorn lines run in the foreground before this one (`gunicorn -D ...` then
    # `exec nginx`): the text reaches this line once each returns, at once where it daemonizes.
    ran_before: tuple[ServerLine, ...] = ()
    # Files the text writes before this line runs (``sed -i``, ``envsubst < t > f``, ``tee``).
    writes: tuple[FileWrite, ...] = ()
    # Daemons the text starts through their init script (``service nginx restart``,
    # ``/etc/init.d/nginx start``): each runs beside the server, in the same place.
    services: tuple[StartedService, ...] = ()
    # supervisord lines run before this one (`supervisord -c x.ini` then `nginx`): it
    # daemonizes by default, so the text goes on while it runs its programs beside the server.
    managers_before: tuple[ServerLine, ...] = ()
    # The program of each other command run before this one (`unicorn` of `bundle exec unicorn
    # -D -p 8080`): what else the text starts, for whoever knows which of them serve.
    programs_before: tuple[StartedService, ...] = ()
    # The first command run with ``&`` that runs a text this one does not show (another
    # script, a variable's command line, ``su app -c "..."``): it may start a server beside this one.
    hands_off: HandOff | None = None
    # The signals a ``trap`` of the text handles (``TERM`` for ``trap _term SIGTERM``), and the
    # line of the first: the shell acts on them itself instead of ignoring them as PID 1.
    traps: tuple[str, ...] = ()
    trap_line: int = 0


@dataclass(frozen=True, slots=True)
class StartedService:
    """A daemon a shell text starts with ``service NAME start`` or ``/etc/init.d/NAME start``."""

    name: str
    line: int
    column: int
    end_column: int


@dataclass(frozen=True, slots=True)
class HandOff:
    """A command a shell text runs whose own text is not read here (``/bin/sh start.sh &``)."""

    command: str
    line: int
    column: int
    end_column: int


@dataclass(frozen=True, slots=True)
class FileWrite:
    """A file a shell text edits or writes: ``path`` as the text names it (joined to the last
    ``cd`` when relative), ``how`` the command that does it; ``source`` the file it is rendered
    from (``envsubst < source > path``), "" for an edit."""

    path: str
    how: str
    line: int
    column: int
    end_column: int
    source: str = ""


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


def _uncommented(line: str, quote: str = "") -> tuple[str, str]:
    """``line`` up to a ``#`` that starts a word outside quotes (sh's comment), without the
    command substitutions that hold nothing but a comment (`` `# the port` ``, a way to
    comment one argument of a long command line): they expand to nothing. And the quote the
    line ends inside ("" for none), whose string goes on over the newline; ``quote``: the one
    it starts inside."""
    index = 0
    while index < len(line):
        char = line[index]
        if char == "`" and not quote:
            close = line.find("`", index + 1)
            inside = line[index + 1:close].strip() if close != -1 else "-"
            if not inside or inside.startswith("#"):
                line = line[:index] + line[close + 1:]
                continue
        if quote == "'":
            quote = "" if char == "'" else quote
        elif char == "\\":
            index += 1
        elif quote == '"':
            quote = "" if char == '"' else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in _WORD_START):
            return line[:index], ""
        index += 1
    return line, quote


def _heredoc_ends(line: str) -> list[tuple[str, bool]]:
    """The delimiters of the here-documents a line opens, in order (``True``: ``<<-``, tabs stripped)."""
    return [(quoted or double or bare, dash == "-") for dash, quoted, double, bare in _heredoc().findall(line)]


def _logical_lines(text: str) -> list[tuple[int, int, int, str]]:
    """(line number, first column, end column on that line, text) with comments removed,
    backslash continuations joined and here-document bodies left out."""
    result = []
    physical = text.split("\n")
    index = 0
    while index < len(physical):
        number = index + 1
        raw = physical[index].rstrip("\r")
        end_column = len(raw.rstrip("\\").rstrip()) + 1
        part, quote = _uncommented(raw)
        parts = [part]     # joined once: a long run of continued lines costs its length, not its square
        index += 1
        while index < len(physical) and (quote or parts[-1].endswith("\\")):
            following = physical[index].rstrip("\r")
            if quote:
                # A quoted string goes on over the newline, which it keeps (`export ARGS="` and an
                # option a line): the command ends where the quote closes.
                part, quote = _uncommented(following, quote)
                parts += ["\n", part]
            else:
                parts[-1] = parts[-1][:-1]
                part, quote = _uncommented(following.lstrip())
                parts += [" ", part]
            index += 1
        line = "".join(parts)
        result.append((number, len(line) - len(line.lstrip()) + 1, end_column, line))
        for delimiter, tabs in _heredoc_ends(line):
            while index < len(physical):
                body = physical[index].rstrip("\r")
                index += 1
                if (body.lstrip("\t") if tabs else body) == delimiter:
                    break
    return result


def _words(command: str) -> list[str] | None:
    import shlex  # here, as below: a tree may have no script to lex

    lexer = shlex.shlex(command, posix=True, punctuation_chars=";&|")
    lexer.whitespace_split = True
    lexer.commenters = ""   # _logical_lines removed the comments, as sh reads them
    try:
        return _joined_redirections(list(lexer))
    except ValueError:
        return None


def _joined_redirections(words: list[str]) -> list[str]:
    """The lexer cuts ``2>&1``, ``>&2`` and ``&>log`` at their ``&``, which would then end the
    command as a background operator: put each back together as the one redirection it is."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        if word == "&" and following is not None and joined and _fd_redirect().fullmatch(joined[-1]):
            joined[-1] += "&" + following          # 2>&1, >&2
            index += 2
        elif word == "&" and following is not None and following.startswith(">"):
            joined.append("&" + following)         # &>log, &>>log
            index += 2
        else:
            joined.append(word)
            index += 1
    return joined


@functools.cache
def _fd_redirect() -> re.Pattern[str]:
    return re.compile(r"\d*[<>]")


@functools.cache
def _redirection() -> re.Pattern[str]:
    """A redirection word: its operator, then its target when the word holds it (``>>log``)."""
    return re.compile(r"(\d*(?:>>|>&|<&|>\||<<|[<>])|&>>?)(.*)", re.S)


# The operators that write standard output to the file they name.
_TO_FILE = (">>", ">|", ">", "1>>", "1>")


def _without_redirections(argv: list[str]) -> list[str]:
    """``argv`` as the program receives it: the shell takes redirections (``> log``, ``2>&1``,
    ``>>log``) and their targets out of the words before it runs the command."""
    kept: list[str] = []
    words = iter(argv)
    for word in words:
        match = _redirection().fullmatch(word)
        if match is None:
            kept.append(word)
        elif not match.group(2):
            next(words, None)                      # `> log`: the target is the next word
    return kept


def _commands(words: list[str]) -> list[tuple[list[str], str]]:
    """Simple commands with the operator that ends each (``;``, ``&&``, ``&``, ``|``, ``||`` or "").
    A group on the line, ``{ a; b; } &`` or ``(cd x && b) &``, is taken apart into its commands;
    with ``&`` after it, each of them runs in the background with the group."""
    commands: list[tuple[list[str], str]] = []
    current: list[str] = []
    for word in words:
        if word and all(c in ";&|" for c in word):
            commands.append((current, word))
            current = []
        else:
            current.append(word)
    commands.append((current, ""))
    return _ungrouped([(c, op) for c, op in commands if c])


def _ungrouped(commands: list[tuple[list[str], str]]) -> list[tuple[list[str], str]]:
    flat: list[tuple[list[str], str]] = []
    opened: list[int] = []   # where in ``flat`` each open group's commands start
    for command, operator in commands:
        if command[0] == "{" or command[0].startswith("(") and not command[0].startswith("(("):
            opened.append(len(flat))
            command = command[1:] if command[0] == "{" else [command[0][1:], *command[1:]]
            command = [word for word in command if word]
        closes = bool(opened) and (command == ["}"] or bool(command) and command[-1].endswith(")")
                                   and command[-1].count(")") > command[-1].count("("))
        if closes:
            start = opened.pop()
            command = [] if command == ["}"] else [*command[:-1], command[-1][:-1]]
            command = [word for word in command if word]
            if command:
                flat.append((command, operator))
            if operator == "&":
                flat[start:] = [(inner, "&") for inner, _ in flat[start:]]
            elif not command and flat[start:]:   # `{ a; b; }`: the group's operator ends its last command
                flat[-1] = (flat[-1][0], operator)
            continue
        if command:
            flat.append((command, operator))
    return flat


def _started(command: list[str]) -> str:
    """The server a command starts, or supervisord: a process manager in the foreground is
    what the shell waits on too, and what a stop signal must reach."""
    return program_of(command) or (_SUPERVISORD if os.path.basename(command[0]) == _SUPERVISORD else "")


def _hands_off(command: list[str]) -> bool:
    """A command (not a server) that may start what this text does not show: another script,
    a variable's command line, a process manager, or a server inside a word
    (``su app -c "uwsgi ..."``)."""
    name = os.path.basename(command[0])
    if command[0].startswith("$") or name in (".", "source") or name.endswith(".sh") or name in _MANAGERS:
        return True
    if name in SHELLS and len(command) > 1:
        return True
    if name in _PRINTS:
        return False
    # Each word, and each command inside one (``su app -c "cd /a; uwsgi ..."``), by its first token.
    heads = (os.path.basename(segment.split()[0]) for word in command[1:]
             for segment in re.split(r"[;&|()]+", word) if segment.split())
    return any(head in _MANAGERS or program_of([head]) in ("uwsgi", "gunicorn") for head in heads)


def written_files(command: list[str]) -> list[tuple[str, str]]:
    """(path, how) of each file a simple command writes: the target of a ``>`` or ``>>``
    redirection, the files ``sed -i`` edits in place and those ``tee`` writes."""
    found: list[tuple[str, str]] = []
    name = os.path.basename(command[0])
    words = iter(command[1:])
    for word in words:
        match = _redirection().fullmatch(word)
        if match is not None and match.group(1) in _TO_FILE:
            redirect = match.group(1)
            target = match.group(2) or next(words, "")
            if target and not target.startswith(("&", "/dev/")):
                found.append((target, f"`{name} {redirect} {target}`"))
    if name == "sed":
        found.extend((path, f"`sed -i` on {path}") for path in _sed_in_place(command[1:]))
    elif name == "tee":
        found.extend((path, f"`tee {path}`") for path in command[1:] if not path.startswith("-")
                     and _redirection().fullmatch(path) is None)
    return found


def rendered_from(command: list[str]) -> str:
    """The file ``envsubst`` reads (``envsubst '$A' < in > out``): what it writes is that text
    with the variables filled in. "" for another command, or one reading no file."""
    if os.path.basename(command[0]) != "envsubst":
        return ""
    words = iter(command[1:])
    for word in words:
        match = _redirection().fullmatch(word)
        if match is not None and match.group(1) in ("<", "0<"):
            return match.group(2) or next(words, "")
    return ""


def _sed_in_place(args: list[str]) -> list[str]:
    """The files ``sed`` edits in place (GNU and BSD: ``-i``, ``-i.bak``, ``-ri``, ``--in-place``);
    none without ``-i``."""
    in_place, script_given, takes_next = False, False, False
    operands: list[str] = []
    for word in args:
        if takes_next:
            takes_next = False
        elif word.startswith(("--expression", "--file")):
            script_given, takes_next = True, "=" not in word
        elif word.startswith("--in-place"):
            in_place = True
        elif word.startswith("-") and len(word) > 1 and not word.startswith("--"):
            for index, letter in enumerate(word[1:]):
                if letter == "i":      # -i[SUFFIX]: the rest is the backup suffix
                    in_place = True
                    break
                if letter in "ef":     # -e SCRIPT, -f FILE: the rest, or the next word, is its value
                    script_given, takes_next = True, index == len(word) - 2
                    break
        elif _redirection().fullmatch(word) is None:
            operands.append(word)
    return operands[0 if script_given else 1:] if in_place else []


def _stays(command: list[str], operator: str) -> bool:
    """A command that does not return: ``tail -f``, ``sleep infinity``, a ``while true`` loop,
    a Celery worker or beat left in the foreground (no ``-D``/``--detach``: celery's own
    ``worker --help``), a development server (daphne for the websockets beside uWSGI)."""
    if operator == "&" or not command:
        return False
    if dev_server(command) is not None:
        return True
    name, args = os.path.basename(command[0]), command[1:]
    if name == "celery":
        return any(arg in ("worker", "beat") for arg in args) and not any(
            arg in ("-D", "--detach") for arg in args)
    if name == "tail":
        return any(arg in ("-f", "-F") or arg.startswith("--follow")
                   or (arg.startswith("-") and not arg.startswith("--") and ("f" in arg or "F" in arg))
                   for arg in args)
    if name == "sleep":
        return any(arg in ("infinity", "inf") for arg in args)
    return name in ("while", "until") and bool(args) and args[0] in (("true", ":") if name == "while" else ("false",))


_ARGUMENT_WORDS = ("$1", "${1}", "${1:-", "${1-", "$#", "${#}", "$@", "${@}", "$*", "${*}")
_FIRST = frozenset(("$1", "${1}", "${1:-}", "${1-}"))
_COUNT = {"-gt": int.__gt__, "-ge": int.__ge__, "-eq": int.__eq__, "-ne": int.__ne__, "-lt": int.__lt__,
          "-le": int.__le__}
_ARGS_EXEC = ALL_ARGUMENTS
# Commands that set variables from their `NAME=value` words (`local service="${1:-web}"`).
_DECLARERS = ("local", "declare", "typeset", "readonly")


def _first_or(word: str) -> str | None:
    """The default a word that is the first argument gives where there is none (``$1`` and
    ``${1}``: "", ``${1:-web}``: web); None for any other word, or a default that is not
    written plainly."""
    if word in _FIRST:
        return ""
    for head in ("${1:-", "${1-"):
        if word.startswith(head) and word.endswith("}") and "$" not in word[len(head):-1] \
                and "}" not in word[len(head):-1]:
            return word[len(head):-1]
    return None


def _set_aliases(aliases: dict[str, str], assigned: dict[str, str]) -> None:
    """Keep in ``aliases`` the variables a command sets to the first argument
    (``service=${1:-web}``), each with the word a test of it stands for; one set to anything
    else is no longer one."""
    for name, value in assigned.items():
        if _first_or(value) is not None:
            aliases[name] = value
        else:
            aliases.pop(name, None)


def _aliased(guards: tuple[tuple[str, ...], ...], aliases: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    """The guards with each variable set to the first argument written as that argument
    (``[ "$service" = web ]`` after ``service=${1:-web}``), so that they can be evaluated."""
    if not aliases:
        return guards
    words = {**{f"${name}": value for name, value in aliases.items()},
             **{f"${{{name}}}": value for name, value in aliases.items()}}
    return tuple(tuple(words.get(word, word) for word in guard) for guard in guards)


class _Blocks:
    """The ``if``/``case`` branches a command is in, read command by command: each open
    block's tests so far and the guard of the branch being read."""

    def __init__(self) -> None:
        self.frames: list[tuple[str, list[tuple[str, ...]], list[tuple[str, ...]]]] = []   # kind, tests, branch
        self.pending: tuple[str, ...] | None = None   # `[ … ] &&`: the guard of the next command only
        self.next_pending: tuple[str, ...] | None = None

    def guards(self) -> tuple[tuple[str, ...], ...]:
        found = [guard for _, _, branch in self.frames for guard in branch]
        return tuple(found + ([self.pending] if self.pending else []))

    def strip(self, command: list[str], operator: str) -> list[str]:
        """The command without its keywords, the blocks updated by them."""
        self.pending, self.next_pending = self.next_pending, None
        while command:
            head = command[0]
            if head in ("if", "elif"):
                test = tuple(command[1:]) if operator in ("", ";") else ("?", *command[1:])
                if head == "if" or not self.frames:
                    self.frames.append(("if", [], []))
                _, tests, branch = self.frames[-1]
                branch[:] = [("!", *earlier) for earlier in tests] + [test]
                tests.append(test)
                return []
            if head == "else" and self.frames:
                _, tests, branch = self.frames[-1]
                branch[:] = [("!", *earlier) for earlier in tests]
            elif head == "case" and len(command) > 1:
                self.frames.append(("case:" + command[1], [], [("never",)]))
                return []
            elif head == "esac" or head == "fi":
                if self.frames:
                    self.frames.pop()
            elif head.endswith(")") and self.frames and self.frames[-1][0].startswith("case:"):
                kind, tests, branch = self.frames[-1]
                test = ("case", kind[len("case:"):], head[:-1].lstrip("("))
                branch[:] = [("!", *earlier) for earlier in tests] + [test]
                tests.append(test)
            elif head not in ("then", "do", "in"):
                break
            command = command[1:]
        if command and command[0] in ("[", "[[", "test") and operator in ("&&", "||"):
            self.next_pending = tuple(command) if operator == "&&" else ("!", *command)
        return command


def _test(words: tuple[str, ...], args: list[str]) -> bool | None:
    """Whether a guard holds when the script gets ``args``; None when the reader cannot
    tell. A test that does not read the arguments counts as holding, as before."""
    if words and words[0] == "!":
        inner = _test(words[1:], args)
        return None if inner is None else not inner
    if not any(marker in word for word in words for marker in _ARGUMENT_WORDS):
        return True
    first = args[0] if args else ""
    if words[:1] == ("case",) and len(words) == 3:
        import fnmatch

        default = _first_or(words[1])
        return fnmatch.fnmatchcase(first or default, words[2]) if default is not None and "$" not in words[2] \
            else None
    body = list(words)
    if body[:1] == ["test"]:
        body = body[1:]
    elif body[:1] in (["["], ["[["]) and body[-1:] in (["]"], ["]]"]):
        body = body[1:-1]
    else:
        return None
    if body[:1] == ["!"]:
        inner = _test(tuple(["test", *body[1:]]), args)
        return None if inner is None else not inner
    if len(body) == 3 and body[0] in ("$#", "${#}") and body[1] in _COUNT and body[2].isdigit():
        return bool(_COUNT[body[1]](len(args), int(body[2])))
    if len(body) == 2 and body[0] in ("-z", "-n") and body[1] in _FIRST:
        return (first == "") is (body[0] == "-z")
    if len(body) == 1 and body[0] in _FIRST:
        return first != ""
    left, right = _first_or(body[0]) if body else None, _first_or(body[2]) if len(body) == 3 else None
    if len(body) == 3 and body[1] in ("=", "==", "!=") and (left is None) != (right is None):
        other, default = (body[2], left) if left is not None else (body[0], right)
        return None if "$" in other else ((first or default) == other) is (body[1] != "!=")
    return None


def _all(guards: tuple[tuple[str, ...], ...], args: list[str]) -> bool | None:
    results = [_test(guard, args) for guard in guards]
    return False if False in results else None if None in results else True


def runs_with(server: ServerLine, args: list[str]) -> bool | None:
    """Whether the script reaches its server line when started with ``args``: False when an
    `exec "$@"` takes over first or the line's branch is not taken, None when the reader
    cannot tell (a test it does not evaluate)."""
    passed = [_all(guards, args) for guards in server.passes] if args else []
    reached = _all(server.guards, args)
    if True in passed or reached is False:
        return False
    return None if None in passed or reached is None else True


def hands_over(server: ServerLine, args: list[str]) -> bool:
    """Whether, started with ``args``, the script runs them (an `exec "$@"` whose tests hold,
    before the server line or after it where the line is not reached); False where it may
    run neither (`*) echo "unknown service"; exit 1`)."""
    return any(_all(guards, args) is True for guards in (*server.passes, *server.passes_after))


@functools.cache
def variable_reference() -> re.Pattern[str]:
    """``$NAME`` or ``${NAME}`` as sh expands it (group 1 or 2: the name)."""
    return re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})")


def _expanded(text: str, known: dict[str, str]) -> str | None:
    """``text`` with its ``$NAME`` and ``${NAME}`` replaced by the values the script gave them;
    None when anything is left that only the run shows (another variable, ``$(...)``, a
    backquote, a glob)."""
    result = variable_reference().sub(lambda m: known.get(m.group(1) or m.group(2), m.group(0)), text)
    return None if any(char in result for char in "$`*?[") else result


def _values(assigned: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    """Each assigned value as sh stores it: the variables the script set before the line
    expanded (`GUNICORN_CMD_ARGS="--bind=$BIND"`); as written where the run decides a part."""
    return {name: _expanded(value, known) or value for name, value in assigned.items()} if known else assigned


def _learn(known: dict[str, str], assigned: dict[str, str], guarded: bool) -> None:
    """Keep what the script surely sets: a plain value (or one made of values it set) outside
    any ``if``/``case`` branch; a variable set under a test, or to what the run decides, is
    no longer known."""
    for name, value in assigned.items():
        plain = None if guarded else _expanded(value, known)
        if plain is None or any(char.isspace() for char in plain):
            known.pop(name, None)
        else:
            known[name] = plain


def _find(lines: list[tuple[int, int, int, str]], shell: str, dash_c: bool) -> ServerLine | None:
    return _walk(lines, shell, dash_c)[0]


@functools.cache
def _subshell_cd() -> re.Pattern[str]:
    """A `cd` that opens a `( ... )` subshell on its line (not a `$(...)` substitution)."""
    return re.compile(r"(?:^|[^$])\(\s*cd\s")


def _walk(lines: list[tuple[int, int, int, str]], shell: str, dash_c: bool
          ) -> tuple[ServerLine | None, tuple[FileWrite, ...]]:
    """The server line, and the files the text writes before it (all it writes, without one)."""
    directory: str | None = None
    directory_line = 0
    exports: dict[str, str] = {}
    found: ServerLine | None = None
    found_last = False
    servers = 0
    handed_off = False
    after: list[tuple[str, ...]] = []
    held_by = ""
    trapped = False
    blocks = _Blocks()
    passes: list[tuple[tuple[str, ...], ...]] = []
    passes_after: list[tuple[tuple[str, ...], ...]] = []
    background: list[ServerLine] = []
    foreground: list[ServerLine] = []
    managers: list[ServerLine] = []
    programs: list[StartedService] = []
    writes: list[FileWrite] = []
    services: list[StartedService] = []
    hands_off: HandOff | None = None
    traps: list[str] = []
    trap_line = 0
    known: dict[str, str] = {}   # variables the script sets to a value the text shows
    aliases: dict[str, str] = {}   # variables set to the first argument (`service=${1:-web}`)
    commands = 0
    for number, column, end_column, line in lines:
        for command, operator in _commands(_words(line) or []):
            command = blocks.strip(command, operator)
            if not command:
                continue
            commands += 1
            found_last = False
            if found is not None and not found.execs and not program_of(command):
                after.append(tuple(command))
                held_by = held_by or (" ".join(command) if _stays(command[1:] if command[0] == "exec" else command,
                                                               operator) else "")
            execs = False
            assigned: dict[str, str] = {}
            while command and (command[0] in ("exec", *_PASS_THROUGH) or _assignment().match(command[0])):
                if command[0] == "exec":
                    execs = True
                elif _assignment().match(command[0]):
                    name, _, value = command[0].partition("=")
                    assigned[name] = value
                command = command[1:]
            if found is None and command and not program_of(command):
                source = rendered_from(command)
                writes.extend(FileWrite(posixpath.join(directory or "", path), how, number, column, end_column,
                                        posixpath.join(directory or "", source) if source and how.startswith("`envsubst")
                                        else "")
                              for path, how in written_files(command))
            service = _service_started(command)
            if service:
                services.append(StartedService(service, number, column, end_column))
            if not command or command[0] in _DECLARERS:
                declared = dict(w.split("=", 1) for w in command[1:] if "=" in w) if command else {}
                _set_aliases(aliases, {**assigned, **declared})
            if not command:
                exports.update(_values(assigned, known))   # VAR=x alone sets a shell variable
                _learn(known, assigned, bool(blocks.guards()))
            elif command[0] == "cd" and len(command) > 1 and not _subshell_cd().search(line):
                # A `(cd frontend && npm run build)` subshell's change of directory ends with it.
                directory, directory_line = _expanded(command[1], known) or command[1], number
            elif command[0] == "trap" and len(command) > 2 and command[1] != "-":
                trapped = True                    # a shell with a trap forks every command
                if command[1]:   # `trap '' TERM` ignores the signal: no handler
                    traps.extend(_signal_name(word) for word in command[2:])
                    trap_line = trap_line or number
            elif command[0] == "export":
                exported = dict(w.split("=", 1) for w in command[1:] if "=" in w)
                exports.update(_values(exported, known))
                _learn(known, exported, bool(blocks.guards()))
            elif _started(command):
                # sh expands the variables the script set before it runs the line.
                command = [_expanded(word, known) or word for word in command] if known else command
                if found is not None and found.program in ("uwsgi", "gunicorn"):
                    (background if found.background else foreground).append(found)
                elif found is not None and found.program == _SUPERVISORD:
                    managers.append(found)
                # nginx before another server: it daemonized (its default) or ran in the background.
                if found is not None and found.program == "nginx":
                    services.append(StartedService("nginx", found.line, found.column, found.end_column))
                servers += 1
                # supervisord runs programs from configs this text does not show.
                handed_off = handed_off or os.path.basename(command[0]) == _SUPERVISORD
                found = ServerLine(_started(command), _without_redirections(command), number, column, end_column,
                                   execs, directory, directory_line, {**exports, **assigned}, background=operator == "&",
                                   guards=_aliased(blocks.guards(), aliases), passes=tuple(passes),
                                   writes=tuple(writes))
                found_last = operator in ("", ";", "&&")
                after, held_by = [], ""
            else:
                ran = command[2:] if command[:2] == ["bundle", "exec"] else command
                if ran:
                    programs.append(StartedService(os.path.basename(ran[0]), number, column, end_column))
                if execs and command[0] in _ARGS_EXEC:
                    (passes if found is None else passes_after).append(_aliased(blocks.guards(), aliases))
                if _hands_off(command):
                    handed_off = True
                    # Run with `&`, the text goes on beside the server (a foreground one returns
                    # before the next line); a process manager's programs come from configs read as such.
                    if hands_off is None and operator == "&" and os.path.basename(command[0]) not in _MANAGERS \
                            and (found is None or not found.execs):
                        hands_off = HandOff(" ".join(command), number, column, end_column)
    if found and dash_c and found_last and not trapped and not found.execs:
        found = replace(found, last_of_c=True, execs=EXECS_LAST_OF_C.get(shell, False))
    if found and (servers > 1 or handed_off):
        found = replace(found, alone=False)
    if found and commands > 1:
        found = replace(found, others=True)
    if found and after:
        found = replace(found, after=tuple(after), held_by=held_by)
    if found and background:
        found = replace(found, started_before=tuple(background))
    if found and foreground:
        found = replace(found, ran_before=tuple(foreground))
    if found and services:
        found = replace(found, services=tuple(services))
    if found and managers:
        found = replace(found, managers_before=tuple(managers))
    if found and (before := tuple(program for program in programs if program.line < found.line)):
        found = replace(found, programs_before=before)
    if found and hands_off:
        found = replace(found, hands_off=hands_off)
    if found and traps:
        found = replace(found, traps=tuple(dict.fromkeys(traps)), trap_line=trap_line)
    if found and passes_after:
        found = replace(found, passes_after=tuple(passes_after))
    return found, tuple(writes)


def _signal_name(word: str) -> str:
    """A trap's signal as its name without SIG (``SIGTERM``, ``term``, ``15`` -> ``TERM``)."""
    name = word.upper().removeprefix("SIG")
    return {"15": "TERM", "2": "INT", "3": "QUIT", "1": "HUP"}.get(name, name)


def _service_started(command: list[str]) -> str:
    """The daemon ``service NAME start|restart`` or ``/etc/init.d/NAME start|restart`` starts
    (each runs the package's init script, which starts it in the background)."""
    if len(command) == 3 and os.path.basename(command[0]) == "service" and command[2] in ("start", "restart"):
        return command[1]
    if len(command) == 2 and command[0].startswith("/etc/init.d/") and command[1] in ("start", "restart"):
        return posixpath.basename(command[0])
    return ""


def server_line_of_shell_command(command: str, shell: str = "sh") -> ServerLine | None:
    """The server started by the text of ``sh -c "…"`` / ``bash -c "…"``; ``shell`` is the
    shell that runs it (bash, busybox, dash, or what the command names)."""
    return _find(_logical_lines(command), os.path.basename(shell), dash_c=True)


# A shell's options that take the next word as their value (`bash -o pipefail`, `--rcfile F`).
_SHELL_VALUED = frozenset(("-o", "+o", "-O", "+O", "--init-file", "--rcfile"))


def script_index(argv: list[str]) -> int | None:
    """Where in ``argv`` the script is that a shell given options runs (`bash -x ./start.sh`,
    `sh -e start.sh`, `bash -o pipefail run.sh`: after the options, as sh(1) takes them);
    0 when ``argv`` is no shell. None where the shell runs no script file: a `-c` text, `-s`
    (standard input), or options alone."""
    if os.path.basename(argv[0]) not in SHELLS:
        return 0
    index = 1
    while index < len(argv):
        word = argv[index]
        if word == "--" or word == "-":
            index += 1
            break
        if word in _SHELL_VALUED:
            index += 2
            continue
        if word.startswith("--"):
            index += 1
            continue
        if len(word) > 1 and word[0] in "-+" and word[1:].isalpha():
            if "c" in word[1:] or "s" in word[1:]:
                return None
            index += 1
            continue
        break
    return index if index < len(argv) else None


def script_call(command: str) -> tuple[list[str], bool] | None:
    """``sh -c "/entry_point.sh"``: the argv of the one command the text runs, when that is a
    path (a script the shell runs as its child) or a shell given a script (``/bin/bash
    ./start.sh``), and whether the text ``exec``s it. None for
    anything else (several commands, a server, a builtin): that text is read as a wrapper."""
    lines = _logical_lines(command)
    commands = [each for _, _, _, line in lines for each in _commands(_words(line) or [])]
    if len(commands) != 1 or commands[0][1] not in ("", ";"):
        return None
    argv, execs = commands[0][0], False
    if argv[0] == "exec":
        argv, execs = argv[1:], True
    script = script_index(argv) if len(argv) > 1 else 0
    if script and not argv[script].startswith("$"):
        return argv, execs   # `bash ./start.sh`: the shell runs the script
    if not argv or "/" not in argv[0] or argv[0].startswith("$") or program_of(argv):
        return None
    return argv, execs


@dataclass(frozen=True, slots=True)
class DevServerLine:
    """A command in a shell text that starts a development server (``core.commands.dev_server``)."""

    argv: list[str]
    line: int                      # 1-based line in the shell text
    column: int
    end_column: int
    exports: dict[str, str] = field(default_factory=dict)


def _find_dev_server(lines: list[tuple[int, int, int, str]]) -> DevServerLine | None:
    """The last command of the text that starts a development server in the foreground (one
    started with ``&`` returns at once and is not what the start stays in)."""
    found: DevServerLine | None = None
    exports: dict[str, str] = {}
    blocks = _Blocks()
    for number, column, end_column, line in lines:
        for command, operator in _commands(_words(line) or []):
            command = blocks.strip(command, operator)
            assigned: dict[str, str] = {}
            while command and (command[0] in ("exec", *_PASS_THROUGH) or _assignment().match(command[0])):
                if _assignment().match(command[0]):
                    name, _, value = command[0].partition("=")
                    assigned[name] = value
                command = command[1:]
            if not command:
                exports.update(assigned)
            elif command[0] == "export":
                exports.update(w.split("=", 1) for w in command[1:] if "=" in w)  # type: ignore[misc]
            elif operator != "&" and dev_server(command) is not None:
                found = DevServerLine(_without_redirections(command), number, column, end_column,
                                      {**exports, **assigned})
    return found


def dev_server_of_shell_command(command: str) -> DevServerLine | None:
    """The development server the text of ``sh -c "…"`` starts."""
    return _find_dev_server(_logical_lines(command))


def read_dev_server(local_path: str, ctx: ReadContext) -> tuple[DevServerLine, Span] | None:
    """The development server a script starts, and where in the script."""
    text = ctx.read(local_path, peek=True).text
    if text is None or shell_of(text) not in SHELLS:
        return None
    found = _find_dev_server(_logical_lines(text))
    if found is None:
        return None
    return found, Span(ctx.display(local_path), found.line, found.column, found.end_column)


@dataclass(frozen=True, slots=True)
class PassedArguments:
    """A script's ``exec "$@"`` under no test, and the runners and user switchers it runs the
    arguments through (``exec gosu app "$@"``: ``["gosu", "app"]``)."""

    through: tuple[str, ...]
    at: Span                       # the line in the script
    shifted: int = 0               # the arguments `shift` drops before it (`VENV=$1; shift; exec "$@"`)


def passes_arguments(local_path: str, ctx: ReadContext) -> PassedArguments | None:
    """A script with no server line that ends by running its arguments (``exec "$@"``, or
    through a user switcher or runner ``launchers.unwrap`` follows: ``exec gosu app "$@"``)
    under no test: started with a command line (a Dockerfile's CMD after its ENTRYPOINT),
    that command is what stays running, exec'd, as the switched user. None otherwise."""
    text = ctx.read(local_path, peek=True).text
    if text is None or shell_of(text) not in SHELLS:
        return None
    import shlex

    # Lexed as one text, so that a quoted argument over several lines (`python -c "…"`, whose
    # Python has `if` lines of its own) stays one word; a newline ends a command as `;` does.
    # Here-document bodies are data (`python << END` with Python's own `if` lines): left out.
    lines = _logical_lines(text)
    commands = "\n".join(line for _, _, _, line in lines)
    lexer = shlex.shlex(commands, posix=True, punctuation_chars=";&|\n")
    lexer.whitespace, lexer.whitespace_split = " \t\r", True
    try:
        words = [";" if word and set(word) <= {";", "\n"} else word.replace("\n", "") or ";" for word in lexer]
    except ValueError:
        return None
    blocks = _Blocks()
    # `exec gosu app "$0" "$@"` (under `[ "$(id -u)" = 0 ]` or not) runs this script again as
    # app, whose `exec "$@"` then runs the arguments as app: the docker-library pattern.
    again: tuple[tuple[str, ...], list[str]] | None = None
    shifted = 0
    # Variables set to the arguments (`cmd="$@"` ... `exec $cmd`: cookiecutter-django's old
    # entrypoint), with the arguments shifted off when they were set.
    holding: dict[str, int] = {}
    for command, operator in _commands(words):
        command = blocks.strip(command, operator)
        if command[:1] == ["shift"] and not blocks.guards() and operator in ("", ";"):
            count = command[1] if len(command) == 2 else "1" if len(command) == 1 else ""
            if not count.isdigit():
                return None   # `shift "$N"`: which arguments are left is not known
            shifted += int(count)
            continue
        if len(command) == 1 and _assignment().match(command[0]):
            name, _, value = command[0].partition("=")
            holding.pop(name, None)
            if value in _ARGS_EXEC and not blocks.guards() and operator in ("", ";"):
                holding[name] = shifted
            continue
        if command[:1] != ["exec"] or operator == "&":
            continue
        held = [holding.get(word[1:].strip("{}")) for word in command[1:] if word.startswith("$")]
        if command[-1].startswith("$") and held and held[-1] is not None and len(held) == 1:
            # `exec $cmd` splits the words the arguments were joined into: the arguments, as run.
            command, shifted = [*command[:-1], "$@"], held[-1]
        if len(command) > 3 and command[-2] in ("$0", "${0}") and again is None:
            through = _through([*command[1:-2], command[-1]])
            again = (through, command) if through else None
            continue
        through = _through(command[1:]) if not blocks.guards() else None
        if through is not None:
            through, command = (again if again is not None and not through else (through, command))
            return PassedArguments(through, _line_of(lines, command, ctx.display(local_path)), shifted)
    return None


def _through(command: list[str]) -> tuple[str, ...] | None:
    """The launcher words before the arguments word of ``exec … "$@"``, when every one of
    them is a launcher ``unwrap`` takes off (``tini --`` or ``python`` is not: None)."""
    if not command or command[-1] not in _ARGS_EXEC or any(word in _ARGS_EXEC for word in command[:-1]):
        return None
    through = command[:-1]
    if not through:
        return ()
    launchers, rest = unwrap([*through, "SERVER"])
    return tuple(through) if launchers and rest == ["SERVER"] else None


def _line_of(lines: list[tuple[int, int, int, str]], command: list[str], display: str) -> Span:
    """Where among the script's logical ``lines`` the command is, by its words (the whole-text
    lexer keeps no lines): its first line, or the file when no one line holds it (a
    continuation inside a function)."""
    for number, column, end_column, each in _line_commands(lines):
        if each == command:
            return Span(display, number, column, end_column)
    return Span(display)


def _line_commands(lines: list[tuple[int, int, int, str]]) -> Iterator[tuple[int, int, int, list[str]]]:
    """Each simple command of a script's logical ``lines``, with its line's number and columns,
    without the word that opens a block before it (``then``, ``do``, ``else``, ``{``)."""
    for number, column, end_column, line in lines:
        for command, _ in _commands(_words(line) or []):
            while command and command[0] in ("then", "do", "else", "{"):
                command = command[1:]
            yield number, column, end_column, command


def script_commands(local_path: str, ctx: ReadContext) -> list[tuple[list[str], Span]]:
    """The simple commands of a shell script, in the order written, each as the program gets
    its words (redirections taken out) and the line it is on: what a stop script runs."""
    text = ctx.read(local_path, peek=True).text
    if text is None or shell_of(text) not in SHELLS:
        return []
    display = ctx.display(local_path)
    return [(argv, Span(display, number, column, end_column))
            for number, column, end_column, command in _line_commands(_logical_lines(text))
            if (argv := _without_redirections(command))]


def text_commands(text: str) -> list[list[str]]:
    """The simple commands of a ``sh -c`` text, in order, as the programs get their words."""
    return [argv for *_, command in _line_commands(_logical_lines(text)) if (argv := _without_redirections(command))]


def commands_run(argv: list[str]) -> list[list[str]]:
    """The simple commands ``argv`` runs: those of its text where it is a shell's ``-c``, else itself."""
    if argv and os.path.basename(argv[0]) in SHELLS and "-c" in argv[1:-1]:
        return text_commands(argv[argv.index("-c", 1) + 1])
    return [argv]


def script_writes(local_path: str, ctx: ReadContext) -> tuple[tuple[FileWrite, ...], str]:
    """The files a script with no server line writes (an entrypoint that edits a config, then
    runs its arguments), and its display path."""
    text = ctx.read(local_path, peek=True).text
    if text is None or shell_of(text) not in SHELLS:
        return (), ""
    return _walk(_logical_lines(text), shell_of(text), dash_c=False)[1], ctx.display(local_path)


@dataclass(frozen=True, slots=True)
class DockerBuild:
    """An image a shell text builds: `docker build`, `docker buildx build` or `docker image
    build`, with the names it tags (`-t`, `--tag`), its Dockerfile as written (`-f`, `--file`;
    "" for the context's own) and its context folder as written."""

    tags: tuple[str, ...]
    dockerfile: str
    context: str
    line: int


# The options of `docker build` / `buildx build` that take the next word as their value.
_BUILD_VALUED = frozenset(("-t", "--tag", "-f", "--file", "--build-arg", "--platform", "--target", "--label",
                           "--network", "--progress", "--cache-from", "--cache-to", "--secret", "--ssh", "-o",
                           "--output", "--builder", "--iidfile", "--metadata-file", "--add-host", "--shm-size",
                           "--ulimit", "-m", "--memory", "--cgroup-parent", "--isolation", "--build-context",
                           "--annotation", "--attest", "--sbom", "--provenance", "--allow", "--call"))


def docker_builds(text: str) -> list[DockerBuild]:
    """The images a script (or a Makefile's recipe lines) builds, in order."""
    builds: list[DockerBuild] = []
    for number, _, _, line in _logical_lines(text):
        if "build" not in line or "docker" not in line:
            continue
        for command, _ in _commands(_words(line) or []):
            words = [word for word in command if word]
            while words and (words[0] in ("sudo", "exec", "time", *_PASS_THROUGH) or _assignment().match(words[0])):
                words = words[1:]
            if words[:2] == ["docker", "build"]:
                rest = words[2:]
            elif words[:3] in (["docker", "buildx", "build"], ["docker", "image", "build"]):
                rest = words[3:]
            else:
                continue
            tags: list[str] = []
            dockerfile, positional = "", []
            index = 0
            while index < len(rest):
                word = rest[index]
                name, equal, value = word.partition("=") if word.startswith("--") else (word, "", "")
                if name in _BUILD_VALUED and not equal:
                    value = rest[index + 1] if index + 1 < len(rest) else ""
                    index += 1
                if name in ("-t", "--tag"):
                    tags.append(value)
                elif name in ("-f", "--file"):
                    dockerfile = value
                elif not word.startswith("-"):
                    positional.append(word)
                index += 1
            if tags and len(positional) == 1:
                builds.append(DockerBuild(tuple(tags), dockerfile, positional[0], number))
    return builds


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
