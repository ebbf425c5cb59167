"""``.gitignore`` files, read as git reads them (gitignore(5)), without running git.

Running ``git`` in a checked repository would run whatever its config names
(``core.fsmonitor``), so the patterns are read here: one file per directory, applying to
what lies below it; later lines win; ``!`` re-includes; a trailing ``/`` matches
directories only; a pattern with a ``/`` before its end is anchored to its directory,
one without matches a name at any depth; ``**`` spans directories. A file under an
ignored directory stays ignored (git does not look inside it).

When the checked folder lies inside a repository, the ``.gitignore`` files of the folders
from the repository's root down to it apply too, and ``$GIT_DIR/info/exclude`` (below every
``.gitignore``, as in git). These ignore files are the only thing read above the checked
folder (a ``.git`` file's ``gitdir:``, a worktree's ``commondir``, followed as git does),
regular files only, and they can only leave files out. The global excludes file
(``core.excludesFile``) is not read: it is the user's, not the repository's.
"""
from __future__ import annotations

import os
import re
import stat

from .record import dataclass

_MAX_PATTERNS = 10_000
_MAX_IGNORE_BYTES = 1 << 20


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


def _small_text(path: str) -> str | None:
    """A regular file's text below 1 MiB, else None: opened without blocking or following a
    final link and checked on the descriptor (a FIFO named ``.gitignore`` must not hang the run)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return None
            data = handle.read(_MAX_IGNORE_BYTES + 1)
        except OSError:
            return None
    return data.decode("utf-8", errors="replace") if len(data) <= _MAX_IGNORE_BYTES else None


def _read_patterns(path: str) -> list[_Pattern]:
    """The patterns of an ignore file."""
    text = _small_text(path)
    return parse(text) if text is not None else []


def repository_root(directory: str) -> str | None:
    """The nearest folder at or above ``directory`` that holds ``.git`` (a folder, or the
    file a worktree or a submodule has)."""
    current = os.path.abspath(directory)
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _git_dir(root: str) -> str | None:
    """``$GIT_DIR`` of the repository at ``root`` as git finds it: ``.git``, or the folder a
    ``.git`` file names (``gitdir: ...``), whose ``commondir`` holds ``info/`` for a worktree."""
    dot_git = os.path.join(root, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    first = (_small_text(dot_git) or "").splitlines()[:1]
    if not first or not first[0].startswith("gitdir:"):
        return None
    git_dir = os.path.join(root, first[0][len("gitdir:"):].strip())
    common = (_small_text(os.path.join(git_dir, "commondir")) or "").strip()
    return os.path.normpath(os.path.join(git_dir, common)) if common else git_dir


class Ignores:
    """The ``.gitignore`` files met on a walk, asked about each entry below them."""

    def __init__(self) -> None:
        self._by_dir: dict[str, list[_Pattern]] = {}
        self._excludes: dict[str, list[_Pattern]] = {}   # repository root -> $GIT_DIR/info/exclude

    def enter(self, directory: str) -> None:
        """Read ``directory/.gitignore`` (a regular file only) before its entries are asked about."""
        self._by_dir[os.path.abspath(directory)] = _read_patterns(os.path.join(directory, ".gitignore"))

    def enter_repository(self, top: str) -> None:
        """Before walking ``top``: the ignore files of the repository that holds it, from its
        root down to ``top``'s parent, and its ``info/exclude``."""
        top = os.path.abspath(top)
        root = repository_root(top)
        if root is None:
            return
        if root not in self._excludes:
            git_dir = _git_dir(root)
            self._excludes[root] = _read_patterns(os.path.join(git_dir, "info", "exclude")) if git_dir else []
        directory = os.path.dirname(top)
        above: list[str] = []
        while top != root and directory not in self._by_dir:
            above.append(directory)
            if directory == root:
                break
            directory = os.path.dirname(directory)
        for folder in reversed(above):
            self.enter(folder)

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether git ignores ``path``, by the .gitignore files of the directories above it
        that were entered (the deepest, then the last matching line, wins)."""
        decision = False
        path = os.path.abspath(path)   # the walk may name it relative to here; the repository's folders are absolute
        directory = os.path.dirname(path)
        chain: list[str] = []
        while directory in self._by_dir:
            chain.append(directory)
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
        # info/exclude first: any .gitignore that matches decides over it.
        bases = [(root, self._excludes[root]) for root in chain if root in self._excludes][:1]
        bases += [(base, self._by_dir[base]) for base in reversed(chain)]
        for base, patterns in bases:
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            for pattern in patterns:
                if pattern.directory_only and not is_dir:
                    continue
                if pattern.regex.match(relative):
                    decision = not pattern.negated
        return decision


def ignored_below(folder: str, path: str) -> bool:
    """Whether git ignores ``path``, a file below ``folder``, by the ignore files of the
    repository holding ``folder`` and of the folders from it down to the file's (a file a
    build copies from there that the tree lacks may be one the deployer keeps out of git)."""
    folder, path = os.path.abspath(folder), os.path.abspath(path)
    ignores = Ignores()
    ignores.enter_repository(folder)
    directory = folder
    for part in os.path.relpath(os.path.dirname(path), folder).split(os.sep):
        if part in ("", "."):
            continue
        if part == "..":
            return False
        ignores.enter(directory)
        directory = os.path.join(directory, part)
        if ignores.ignored(directory, True):
            return True
    ignores.enter(directory)
    return ignores.ignored(path, False)

