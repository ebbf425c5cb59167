"""Programs a script of the tree starts by name through Supervisor or systemd, where no
checked config defines them: ``supervisorctl start site`` in a deploy script whose
``[program:site]`` lives on the server only ("old school supervisord + uwsgis"). The tree
then does not show every app server, and a route no listener of it is near may go to one.

Only the text is read (``.sh`` and ``.bash`` files discovery did not take as a config, and
only those that name ``supervisorctl`` or ``systemctl``); nothing here runs a shell.
"""
from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING

from ..core.record import dataclass
from ..core.span import Span

if TYPE_CHECKING:
    from ..core.context import ReadContext
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


def unseen_programs(deployment: Deployment, ctx: ReadContext) -> list[ControlledProgram]:
    """The programs scripts of the tree start by name and no checked config defines."""
    defined = {section.label for config in deployment.supervisor
               for section in config.of_kind("program", "group", "fcgi-program")}
    defined |= {unit.name.removesuffix(".service") for unit in deployment.systemd_units}
    defined |= {manager.name for manager in deployment.managers if manager.kind in ("supervisor", "systemd")}
    found: list[ControlledProgram] = []
    for source in deployment.files:
        if source.kind or not source.path.endswith((".sh", ".bash")):
            continue
        text = ctx.scan(source.path).text
        if not text or ("supervisorctl" not in text and "systemctl" not in text):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            for manager, name, column, end in _in_line(line):
                if name in defined or name in _NOT_APP_SERVERS or not name:
                    continue
                found.append(ControlledProgram(name, manager, Span(source.display, number, column, end)))
    return found


__all__ = ["ControlledProgram", "unseen_programs"]
