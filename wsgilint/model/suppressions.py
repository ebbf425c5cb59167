"""Suppression comments: ``# wsgilint: ignore[X102,U101] reason`` and ``ignore-file[...]``.

Where a suppression may stand follows each format's own comment rules, because a comment
the real program does not strip is part of a value:
- on the line above the finding, as a line of its own, in every format (``#``, and ``;``
  where the format takes it);
- at the end of the finding's line only where the program strips a trailing comment:
  nginx and Python (``#``), Supervisor (``;`` after a space), YAML of Compose files (``#``
  after a space). uWSGI keeps a trailing ``#`` in the value (U102 reports that); systemd,
  sysctl, limits.conf and Dockerfiles take comments only at the start of a line (in a
  Dockerfile a ``#`` later on the line is an argument).
``ignore-file[...]`` anywhere in a comment line covers the whole file.
"""
from __future__ import annotations

import functools
import re

from ..core.record import dataclass
from ..core.span import Span


# Compiled when a file first holds "wsgilint:" (most trees hold none; compiling the five
# patterns cost 2.7 M instructions at each start).
@functools.cache
def _directive() -> re.Pattern[str]:
    return re.compile(r"wsgilint:\s*(ignore-file|ignore)\[([^\]]*)\]\s*(.*)$")


# Trailing comment markers of the formats whose programs strip a comment after a value.
_TRAILING = {"nginx": r"#\s*wsgilint:", "gunicorn": r"#\s*wsgilint:", "supervisor": r"[ \t];\s*wsgilint:",
             "compose": r"[ \t]#\s*wsgilint:"}


@functools.cache
def _trailing(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
_LINE_COMMENT = {"supervisor": ("#", ";"), "uwsgi": ("#", ";"), "systemd": ("#", ";"), "sysctl": ("#", ";")}


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment. ``line`` is the line it covers (0: the whole file)."""

    patterns: tuple[str, ...]      # rule codes, prefixes or slugs, as written
    reason: str
    at: Span                       # the comment itself
    line: int

    @property
    def whole_file(self) -> bool:
        return self.line == 0

    def covers(self, at: Span) -> bool:
        return at.path == self.at.path and (self.whole_file or at.line == self.line)


def _suppression(match: re.Match[str], at: Span, line: int) -> Suppression:
    kind, patterns, reason = match.groups()
    return Suppression(tuple(p.strip() for p in patterns.split(",") if p.strip()), reason.strip(), at,
                       0 if kind == "ignore-file" else line)


def suppressions_in(text: str, display: str, kind: str) -> list[Suppression]:
    """Every suppression comment of one file, read as the format ``kind`` reads comments."""
    if "wsgilint:" not in text:
        return []
    markers = _LINE_COMMENT.get(kind, ("#",))
    trailing = _TRAILING.get(kind)
    lines = text.split("\n")
    found: list[Suppression] = []
    for number, line in enumerate(lines, 1):
        if "wsgilint:" not in line:
            continue
        stripped = line.lstrip()
        if stripped.startswith(markers):
            match = _directive().search(stripped)
            if match:
                column = len(line) - len(stripped) + 1
                # A comment line covers the next line that is not itself a comment, so that
                # suppressions and other comments can stack above one line.
                target = number + 1
                while target <= len(lines) and lines[target - 1].lstrip().startswith(markers):
                    target += 1
                found.append(_suppression(match, Span(display, number, column), target))
            continue
        if trailing is not None:
            marker = _trailing(trailing).search(line)
            match = _directive().search(line, marker.start()) if marker else None
            if marker and match:
                found.append(_suppression(match, Span(display, number, marker.start() + 1), number))
    return found
