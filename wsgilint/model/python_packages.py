"""The release of a Python package the tree pins for its app: a requirements file's
``Django==3.1.6``, a Pipfile.lock's ``"version": "==3.1.6"``, a poetry.lock's or uv.lock's
``[[package]]`` entry, a Dockerfile's ``RUN pip install gunicorn==17.5``. Read as text, never
installed; only exact pins count, and a tree that pins two releases pins none that can be
said to run."""
from __future__ import annotations

import functools
import posixpath
import re
from typing import TYPE_CHECKING

from ..core.span import Setting, Span

if TYPE_CHECKING:
    from ..core.context import ReadContext
    from ..core.sources import SourceFile

_LOCKS = ("Pipfile.lock", "poetry.lock", "uv.lock")


@functools.cache
def _requirement(package: str) -> re.Pattern[str]:
    # `Django==3.1.6`, `django[argon2] == 3.1.6 ; python_version >= "3.8"`, `Django===3.1.6`
    return re.compile(rf"^[ \t]*{re.escape(package)}[ \t]*(?:\[[^\]\n]*\])?[ \t]*===?[ \t]*(\d+(?:\.\d+)*)\b",
                      re.IGNORECASE | re.MULTILINE)


@functools.cache
def _locked(package: str) -> re.Pattern[str]:
    return re.compile(rf'^name[ \t]*=[ \t]*"{re.escape(package)}"[ \t]*\r?\nversion[ \t]*=[ \t]*"(\d+(?:\.\d+)*)"',
                      re.IGNORECASE | re.MULTILINE)


@functools.cache
def _installed(package: str) -> re.Pattern[str]:
    # A RUN line's `pip install ... gunicorn==17.5` (quoted or not, with extras), continued
    # lines included: the words after `pip install` up to the end of the shell command.
    return re.compile(rf"\bpip[\d.]*(?:[ \t]+--?[\w-]+(?:=\S*)?)*[ \t]+install\b(?:[^\n&;|]|\\\n)*?(?<![\w.-]){re.escape(package)}"
                      rf"(?:\[[^\]\s]*\])?===?(\d+(?:\.\d+)*)\b", re.IGNORECASE)


def _is_requirements(path: str) -> bool:
    name = posixpath.basename(path)
    return name.endswith(".txt") and (name.startswith("requirements")
                                       or posixpath.basename(posixpath.dirname(path)) == "requirements")


def pinned_version(files: list[SourceFile], ctx: ReadContext, package: str) -> Setting[tuple[int, ...]] | None:
    """The one release of ``package`` (lower case, as PyPI normalises it) the tree's
    requirement and lock files pin, with where; None where none or more than one is pinned."""
    found: dict[tuple[int, ...], Span] = {}
    for source in files:
        name = posixpath.basename(source.path)
        if not (source.kind == "dockerfile" or not source.kind and (name in _LOCKS or _is_requirements(source.path))):
            continue
        text = ctx.scan(source.path).text
        if not text or package not in text.lower():
            continue
        for version, offset in _versions(name, source.kind, text, package):
            numbers = tuple(int(part) for part in version.split("."))
            found.setdefault(numbers, Span(source.display, text.count("\n", 0, offset) + 1))
    if len(found) != 1:
        return None
    (pinned, at), = found.items()
    return Setting(pinned, at)


def _versions(name: str, kind: str, text: str, package: str) -> list[tuple[str, int]]:
    if name == "Pipfile.lock":
        import json  # here: most trees hold no Pipfile.lock, and a check need not load json

        try:
            data = json.loads(text)
        except ValueError:
            return []
        entry = data.get("default", {}).get(package) if isinstance(data, dict) else None
        version = entry.get("version", "") if isinstance(entry, dict) else ""
        if not isinstance(version, str) or not re.fullmatch(r"==\d+(?:\.\d+)*", version):
            return []
        return [(version[2:], max(text.lower().find(f'"{package}"'), 0))]
    if kind == "dockerfile":   # not on a comment line (`# RUN pip install gunicorn==19.9.0`, kept from before)
        return [(match.group(1), match.start()) for match in _installed(package).finditer(text)
                if not text[text.rfind("\n", 0, match.start()) + 1:match.start()].lstrip().startswith("#")]
    pattern = _locked(package) if name in _LOCKS else _requirement(package)
    return [(match.group(1), match.start()) for match in pattern.finditer(text)]


__all__ = ["pinned_version"]
