"""supervisord's %-expansion of values (``value % names``), never raising.

Names this run cannot know (the environment supervisord starts with, the host name,
``here`` when the target directory is unknown) stay in the text as ``%(name)s``.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping

from ...core.context import ReadContext
from ...core.paths import absolute_path, relative_path
from ...core.record import dataclass

_SYMBOLIC_NAMES = ("here", "host_node_name")
_MARK = "\x00"


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _marker() -> re.Pattern[str]:
    return re.compile(f"{_MARK}(\\d+|\\*){_MARK}")


# A conversion padded or cut to 100 000 characters or more (``%10000000s``): Python builds
# it, once per process and log file; wsgilint leaves such a value unexpanded.
@functools.cache
def _wide() -> re.Pattern[str]:
    return re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\d{6,}|\d*\.\d{6,})")


WIDE = "%width"   # in ``unresolved``: the value was too wide to expand


@dataclass(frozen=True, slots=True)
class Expanded:
    """A value after supervisord's ``value % names``.

    Names this run cannot know stay in ``text`` as ``%(name)s`` and are listed in
    ``unresolved``. ``error`` is supervisord's own complaint when it would refuse the
    value; ``whole_environment`` marks a bare ``%s``, which supervisord silently
    replaces by the repr of every name it knows — every environment variable included.
    """

    text: str
    unresolved: tuple[str, ...] = ()
    error: str = ""
    whole_environment: bool = False


class _Names(dict[str, object]):
    """The expansion names; unknown run-time names answer with a marker to put back later."""

    def __init__(self, names: Mapping[str, object]) -> None:
        super().__init__(names)
        self.symbolic: list[str] = []
        self.index: dict[str, int] = {}   # of each symbolic name: a list search made many names quadratic
        self.marks = 0                    # markers handed out

    def __missing__(self, key: str) -> str:
        if key.startswith("ENV_") or key in _SYMBOLIC_NAMES:
            if key not in self.index:
                self.index[key] = len(self.symbolic)
                self.symbolic.append(key)
            self.marks += 1
            return f"{_MARK}{self.index[key]}{_MARK}"
        raise KeyError(key)

    def __str__(self) -> str:
        self.marks += 1
        return f"{_MARK}*{_MARK}"

    __repr__ = __str__


def _has_bare_conversion(value: str) -> bool:
    """True when a ``%`` conversion has no ``(name)``: Python then formats the mapping itself."""
    index = 0
    while True:
        index = value.find("%", index)
        if index == -1 or index + 1 >= len(value):
            return False
        following = value[index + 1]
        if following == "%":
            index += 2
            continue
        if following != "(":
            return True
        depth, index = 1, index + 2
        while depth:
            closing = value.find(")", index)
            if closing == -1:
                return False   # the name runs to the end: no conversion follows
            opening = value.find("(", index, closing)
            depth, index = (depth + 1, opening + 1) if opening != -1 else (depth - 1, closing + 1)


def is_literal(value: str) -> bool:
    """Whether expansion leaves ``value`` as it is: it has no ``%``."""
    return "%" not in value


def expand(value: str, names: Mapping[str, object], label: str = "value") -> Expanded:
    """``value % names`` as supervisord's ``expand()`` does it, never raising."""
    if is_literal(value):
        return Expanded(value)   # what formatting gives, without copying the text and the names
    return _format(value, names, label)


def _format(value: str, names: Mapping[str, object], label: str) -> Expanded:
    lookup = _Names(names)
    # Only a value with a digit can be that wide: most (the default process name
    # ``%(program_name)s``) have none, and are not searched.
    if any(map(str.isdecimal, value)) and _wide().search(value):
        return Expanded(value, (WIDE,))
    try:
        text = value % lookup
    except KeyError as error:
        available = ", ".join(sorted(set(names) | {n for n in _SYMBOLIC_NAMES if n not in names} | {"ENV_…"}))
        return Expanded(value, error=f"Format string {value!r} for {label!r} contains names ({error}) which "
                                     f"cannot be expanded. Available names: {available}")
    except Exception as error:   # noqa: BLE001 - supervisord catches every error of %-formatting too
        return Expanded(value, error=f"Format string {value!r} for {label!r} is badly formatted: {error}")

    def restore(match: re.Match[str]) -> str:
        token = match.group(1)
        return "%s" if token == "*" else f"%({lookup.symbolic[int(token)]})s"

    if not lookup.marks:
        return Expanded(text)
    whole = _has_bare_conversion(value)
    tokens = _marker().findall(text)
    handed_out = {str(index) for index in range(len(lookup.symbolic))} | {"*"}
    if (_MARK in value or len(tokens) != lookup.marks or text.count(_MARK) != 2 * lookup.marks
            or not handed_out.issuperset(tokens)):
        # A NUL of the value or of a name's value, or a precision that cut a marker: which text
        # stood for which name cannot be told, so the value stays as written, unresolved.
        return Expanded(value, tuple(lookup.symbolic) + (("*",) if whole else ()), whole_environment=whole)
    text = _marker().sub(restore, text)
    return Expanded(text, tuple(lookup.symbolic) + (("*",) if whole else ()), whole_environment=whole)


def here_of(local_file: str, ctx: ReadContext) -> str | None:
    """``%(here)s`` for a file: its directory on the target host, None when that is unknown
    (a repository, or a file outside the snapshot root)."""
    directory = os.path.dirname(absolute_path(local_file))
    if ctx.mode == "live":
        return directory
    if ctx.mode == "snapshot":
        # Cut below the root (every program's file is there), not split and rejoined by relpath.
        relative = relative_path(directory, absolute_path(ctx.root))
        if relative.startswith(".."):
            return None
        return "/" if relative == "." else "/" + relative.replace(os.sep, "/")
    return None
