"""Is a text a Supervisor file? Discovery asks before choosing a reader."""
from __future__ import annotations

# Sections only Supervisor uses: a kind and a name after ":", or a section of its own.
_NAMED_KINDS = ("program:", "group:", "fcgi-program:", "eventlistener:")
_OWN_SECTIONS = ("supervisord]", "unix_http_server]")
_INCLUDE = "include]"


def _names_files(lines: list[str], start: int) -> bool:
    """Whether the ``[include]`` section whose lines begin at ``start`` has a ``files`` option,
    as Supervisor's must (it refuses one without): an ``[include]`` of paths alone is another
    program's (Flow's ``.flowconfig``)."""
    for line in lines[start:]:
        head = line.lstrip(" \t")
        if head.startswith("["):
            return False
        if head.startswith("files") and head[5:].lstrip(" \t")[:1] in ("=", ":"):
            return True
    return False


def is_supervisor_text(text: str) -> bool:
    """True when the text has a section only Supervisor uses: a line of ``[program:NAME]``
    (``group``, ``fcgi-program``, ``eventlistener``; a name without spaces), ``[supervisord]``,
    ``[unix_http_server]`` or ``[include]`` with a ``files`` option, after spaces or tabs, with
    nothing after it but spaces, tabs, a carriage return and a ``;`` or ``#`` comment. String tests instead of one
    multi-line pattern, whose compiling cost 1.3 M instructions of every start
    (tests/test_startup_patterns.py compares the two)."""
    if "[" not in text:
        return False
    lines = text.split("\n")
    for index, line in enumerate(lines):
        head = line.lstrip(" \t")
        if not head.startswith("["):
            continue
        if head.startswith(_OWN_SECTIONS, 1):
            rest = head[head.index("]") + 1:]
        elif head.startswith(_INCLUDE, 1):
            rest = head[len(_INCLUDE) + 1:]
            if rest.lstrip(" \t\r")[:1] not in ("", ";", "#") or not _names_files(lines, index + 1):
                continue
        elif head.startswith(_NAMED_KINDS, 1):
            name_start = head.index(":") + 1
            end = head.find("]", name_start)
            if end <= name_start or any(char.isspace() for char in head[name_start:end]):
                continue
            rest = head[end + 1:]
        else:
            continue
        rest = rest.lstrip(" \t\r")
        if not rest or rest[0] in ";#":
            return True
    return False
