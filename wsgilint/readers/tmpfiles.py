"""systemd-tmpfiles lines (``tmpfiles.d/*.conf``): which directories are created at boot."""
from __future__ import annotations

import functools
import re

from ..core.context import ReadContext
from ..core.record import dataclass
from ..core.span import Span


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _line() -> re.Pattern[str]:
    return re.compile(r"^([a-zA-Z])[+!=~^-]*\s+(\S+)")


@dataclass(frozen=True, slots=True)
class TmpfilesEntry:
    type: str
    path: str
    at: Span


def is_tmpfiles_text(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    matches = [_line().match(line.strip()) for line in lines]
    return bool(lines) and all(match is not None and match.group(2).startswith("/") for match in matches)


def read_tmpfiles(local_path: str, ctx: ReadContext) -> list[TmpfilesEntry]:
    text = ctx.read(local_path).text or ""
    display = ctx.display(local_path)
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _line().match(line.strip())
        if match and not line.lstrip().startswith("#"):
            column = line.index(match.group(2)) + 1
            entries.append(TmpfilesEntry(match.group(1), match.group(2),
                                         Span(display, number, column, column + len(match.group(2)))))
    return entries
