"""Programs a script of the tree starts by name through Supervisor or systemd, where no
checked config defines them: ``supervisorctl start site`` in a deploy script whose
``[program:site]`` lives on the server only ("old school supervisord + uwsgis"). The tree
then does not show every app server, and a route no listener of it is near may go to one.
Likewise a script that nothing in the files runs may start Gunicorn or uWSGI itself
(``gunicorn -b 0.0.0.0:8000 app.wsgi`` at the end of a set-up script): its command line
names where that server listens.

Only the text is read (``.sh`` and ``.bash`` files discovery did not take as a config, and
only those that name ``supervisorctl``, ``systemctl``, ``gunicorn`` or ``uwsgi``); nothing
here runs a shell.
"""
from __future__ import annotations

import fnmatch
import functools
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..core.launchers import unwrap
from ..core.record import dataclass
from ..core.span import Span

if TYPE_CHECKING:
    from ..core.context import ReadContext
    from ..core.sources import SourceFile
    from . import Deployment

_VERBS = ("start", "restart", "reload-or-restart", "try-restart")
# Options of supervisorctl that take a value (-c FILE, -s URL, -u USER, -p PASSWORD, -r FILE).
_VALUED = ("-c", "-s", "-u", "-p", "-r")
# Services a script starts besides the app: never an app server wsgilint would read.
_NOT_APP_SERVERS = {"nginx", "apache2", "httpd", "supervisor", "supervisord", "docker", "containerd", "postgresql",
                    "postgres", "mysql", "mysqld", "mariadb", "redis", "redis-server", "memcached", "rabbitmq-server",
                    "cron", "crond", "ssh", "sshd", "ufw", "firewalld", "fail2ban", "certbot", "all"}


# Compiled on first use: most trees start no program a script names.
@functools.cache
def _command() -> re.Pattern[str]:
    return re.compile(r"[^;&|<>()`]+")


@dataclass(frozen=True, slots=True)
class ControlledProgram:
    """A program a script starts by name (``manager``: supervisor or systemd) that no checked
    Supervisor config or unit defines; ``at`` is its name in the script."""

    name: str
    manager: str
    at: Span


@dataclass(frozen=True, slots=True)
class ScriptStart:
    """An app server (``program``: gunicorn or uwsgi) a line of a script of the tree starts
    directly, with the words of its command line; ``at`` is that line."""

    program: str
    argv: tuple[str, ...]
    at: Span


_APP_SERVERS = ("gunicorn", "uwsgi")
# Words before a program that leave it the program run: `sudo`, `exec`, `nohup`.
_PREFIXES = ("sudo", "exec", "nohup")


def _started_server(words: list[str]) -> tuple[str, ...] | None:
    """The words from an app server's name on, when one command's words start Gunicorn or uWSGI."""
    position = 0
    while position < len(words) and (words[position] in _PREFIXES or "=" in words[position].split("/")[0]
                                       and not words[position].startswith("-")):
        position += 1
    if position < len(words) and os.path.basename(words[position]) in _APP_SERVERS:
        return tuple(words[position:])
    return None


def _names(words: list[str]) -> tuple[str, list[int]] | None:
    """The manager and the positions of the program names in one command's words."""
    if not words:
        return None
    program = os.path.basename(words[0])
    if program == "sudo" and len(words) > 1:
        return _shifted(_names(words[1:]), 1)
    if program not in ("supervisorctl", "systemctl"):
        return None
    position = 1
    while position < len(words) and words[position].startswith("-"):
        position += 2 if program == "supervisorctl" and words[position] in _VALUED else 1
    if position >= len(words) or words[position] not in _VERBS:
        return None
    return ("supervisor" if program == "supervisorctl" else "systemd"), list(range(position + 1, len(words)))


def _shifted(found: tuple[str, list[int]] | None, by: int) -> tuple[str, list[int]] | None:
    return None if found is None else (found[0], [position + by for position in found[1]])


def _program(word: str, manager: str) -> str:
    """``group:*`` is the group, ``group:name`` the name in it; ``site.service`` is ``site``."""
    if manager == "systemd":
        return word.removesuffix(".service")
    group, _, name = word.partition(":")
    return group if name in ("", "*") else name


def _in_line(line: str) -> list[tuple[str, str, int, int]]:
    """(manager, name, column, end column) of each program a line of sh starts by name."""
    found: list[tuple[str, str, int, int]] = []
    code = re.sub(r"(^|\s)#.*", "", line)
    for command in _command().finditer(code):
        words = [(match.group(), command.start() + match.start()) for match in re.finditer(r"\S+", command.group())]
        names = _names([word for word, _ in words])
        if names is None:
            continue
        manager, positions = names
        for position in positions:
            word, start = words[position]
            if word.startswith(("-", "$")) or not re.fullmatch(r"[\w.:*@-]+", word):
                break   # an option or a variable: the rest is not a plain name
            found.append((manager, _program(word, manager), start + 1, start + 1 + len(word)))
    return found


def _script_starts(line: str, at: Span) -> list[ScriptStart]:
    code = re.sub(r"(^|\s)#.*", "", line)
    starts = []
    for command in _command().finditer(code):
        argv = _started_server(command.group().split())
        if argv is not None:
            starts.append(ScriptStart(os.path.basename(argv[0]), argv, at))
    return starts


def started_by_scripts(deployment: Deployment, ctx: ReadContext) -> tuple[list[ControlledProgram], list[ScriptStart]]:
    """The programs scripts of the tree start by name and no checked config defines, and the
    app servers they start directly where no manager the files show runs the script."""
    defined = {section.label for config in deployment.supervisor
               for section in config.of_kind("program", "group", "fcgi-program")}
    defined |= {unit.name.removesuffix(".service") for unit in deployment.systemd_units}
    defined |= {manager.name for manager in deployment.managers if manager.kind in ("supervisor", "systemd")}
    run = {os.path.abspath(script) for manager in deployment.managers for script in manager.start_scripts}
    found: list[ControlledProgram] = []
    starts: list[ScriptStart] = []
    for source in deployment.files:
        if source.kind or not source.path.endswith((".sh", ".bash")):
            continue
        text = ctx.scan(source.path).text
        if not text:
            continue
        controls = "supervisorctl" in text or "systemctl" in text
        serves = os.path.abspath(source.path) not in run and any(name in text for name in _APP_SERVERS)
        if not controls and not serves:
            continue
        lines = text.splitlines()
        if serves:
            for number, line, first in _commands(lines):
                starts.extend(_script_starts(line, Span(source.display, number, 1, len(first.rstrip()) + 1)))
        if not controls:
            continue
        for number, line in enumerate(lines, 1):
            for manager, name, column, end in _in_line(line):
                if name in defined or name in _NOT_APP_SERVERS or not name:
                    continue
                found.append(ControlledProgram(name, manager, Span(source.display, number, column, end)))
    return found, starts


# What `systemctl --user` does that hands a unit to the user's manager.
_USER_VERBS = ("enable", "start", "restart", "reenable", "link")


def handed_to_user_managers(files: list[SourceFile], ctx: ReadContext) -> frozenset[str]:
    """The unit names (``django.service``) a script of the tree hands to a user's systemd:
    ``systemctl --user enable django``, or a copy into ``~/.config/systemd/user/``. Such a unit
    runs as the user whose manager loads it, wherever the tree keeps its file."""
    names: set[str] = set()
    for source in files:
        if source.kind or not source.path.endswith((".sh", ".bash")):
            continue
        text = ctx.scan(source.path).text
        if not text or ("--user" not in text and "systemd/user" not in text):
            continue
        for line in text.splitlines():
            code = re.sub(r"(^|\s)#.*", "", line)
            for command in _command().finditer(code):
                # Behind `sudo -u pi`, `env`, `nohup`: the command they run.
                words = unwrap(command.group().split())[1]
                if not words:
                    continue
                program = os.path.basename(words[0])
                if program == "systemctl" and "--user" in words:
                    plain = [word for word in words[1:] if not word.startswith("-")]
                    if plain and plain[0] in _USER_VERBS:
                        names.update(_unit_name(word) for word in plain[1:] if re.fullmatch(r"[\w.:@-]+", word))
                elif program in ("cp", "install", "ln") and len(words) >= 3 and "systemd/user" in words[-1]:
                    target = words[-1].rstrip("/")
                    units = [word for word in words[1:-1] if not word.startswith("-")]
                    if target.endswith((".service", ".socket")):
                        names.add(os.path.basename(target))
                    else:
                        names.update(_copied(word) for word in units if word.endswith((".service", ".socket")))
    return frozenset(names)


_GLOB = re.compile(r"[*?[]")


def _copied(word: str) -> str:
    """The unit a copy names: its file name, or for a glob (`deploy/*.service`) the pattern
    from its last folder the tree can show (not `$DIR`, `~`, `.` or `..`)."""
    if not _GLOB.search(word):
        return os.path.basename(word)
    parts = word.split("/")
    kept: list[str] = []
    for part in reversed(parts):
        if not part or part in (".", "..") or part.startswith("~") or "$" in part:
            break
        kept.insert(0, part)
    return "/".join(kept)


def handed_to_user(unit_path: str, name: str, handed: frozenset[str]) -> bool:
    """Whether the unit ``name`` at ``unit_path`` is among what ``handed_to_user_managers``
    found: by its name, or by a glob that its path's last folders and name match."""
    if name in handed:
        return True
    tail = unit_path.split("/")
    for pattern in handed:
        if not _GLOB.search(pattern):
            continue
        parts = pattern.split("/")
        if len(parts) <= len(tail) and all(fnmatch.fnmatchcase(part, glob)
                                           for part, glob in zip(tail[-len(parts):], parts, strict=True)):
            return True
    return False


def _unit_name(word: str) -> str:
    """`django` is `django.service`, as systemctl reads a name without a suffix."""
    return word if "." in word else f"{word}.service"


def _commands(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    """Each command line of a script with the lines a trailing backslash continues it on
    joined (`gunicorn app.wsgi \\` / `    --bind unix:app.sock`): its first line's number, the
    whole command, and its first line."""
    index = 0
    while index < len(lines):
        number, first = index + 1, lines[index]
        parts = [first]
        while parts[-1].endswith("\\") and index + 1 < len(lines):
            parts[-1] = parts[-1][:-1]
            index += 1
            parts.append(lines[index])
        index += 1
        yield number, " ".join(parts), first


__all__ = ["ControlledProgram", "ScriptStart", "handed_to_user", "handed_to_user_managers", "started_by_scripts"]
