"""``.gitignore`` files, read as git reads them (gitignore(5)), without running git.

Running ``git`` in a checked repository would run whatever its config names
(``core.fsmonitor``), so the patterns are read here: one file per directory, applying to
what lies below it; later lines win; ``!`` re-includes; a trailing ``/`` matches
directories only; a pattern with a ``/`` before its end is anchored to its directory,
one without matches a name at any depth; ``**`` spans directories. A file under an
ignored directory stays ignored (git does not look inside it). ``.git/info/exclude`` and
the global excludes file are not read: they are the checkout's, not the repository's.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

_MAX_PATTERNS = 10_000


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    negated: bool
    directory_only: bool


def _translate(pattern: str) -> str:
    """A gitignore glob as a regular expression over a path relative to its directory."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("/**", index) and index + 3 == len(pattern):
            out.append("/.*")
            index += 3
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index + 1)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = pattern[index + 1:end].replace("\\", "\\\\")
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                index = end
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def parse(text: str) -> list[_Pattern]:
    patterns: list[_Pattern] = []
    for line in text.splitlines()[:_MAX_PATTERNS]:
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        if not line.endswith("\\ "):
            line = line.rstrip(" ")
        negated = line.startswith("!")
        if negated or line.startswith("\\!") or line.startswith("\\#"):
            line = line[1:]
        directory_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        body = _translate(line.lstrip("/"))
        regex = ("^" if anchored else "^(?:.*/)?") + body + "$"
        try:
            patterns.append(_Pattern(re.compile(regex), negated, directory_only))
        except re.error:
            continue
    return patterns


class Ignores:
    """The ``.gitignore`` files met on a walk, asked about each entry below them."""

    def __init__(self) -> None:
        self._by_dir: dict[str, list[_Pattern]] = {}

    def enter(self, directory: str) -> None:
        """Read ``directory/.gitignore`` (a regular file only) before its entries are asked about."""
        path = os.path.join(directory, ".gitignore")
        patterns: list[_Pattern] = []
        try:
            if os.path.isfile(path) and not os.path.islink(path) and os.path.getsize(path) < 1 << 20:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    patterns = parse(handle.read())
        except OSError:
            patterns = []
        self._by_dir[directory] = patterns

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether git ignores ``path``, by the .gitignore files of the directories above it
        that were entered (the deepest, then the last matching line, wins)."""
        decision = False
        directory = os.path.dirname(path)
        chain: list[str] = []
        while directory in self._by_dir:
            chain.append(directory)
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
        for base in reversed(chain):
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            for pattern in self._by_dir[base]:
                if pattern.directory_only and not is_dir:
                    continue
                if pattern.regex.match(relative):
                    decision = not pattern.negated
        return decision
