"""``.gitignore`` files, read as git reads them (gitignore(5)), without running git.

Running ``git`` in a checked repository would run whatever its config names
(``core.fsmonitor``), so the patterns are read here: one file per directory, applying to
what lies below it; later lines win; ``!`` re-includes; a trailing ``/`` matches
directories only; a pattern with a ``/`` before its end is anchored to its directory,
one without matches a name at any depth; ``**`` spans directories. A file under an
ignored directory stays ignored (git does not look inside it) unless the index lists it.

When the checked folder lies inside a repository, the ``.gitignore`` files of the folders
from the repository's root down to it apply too, and ``$GIT_DIR/info/exclude`` (below every
``.gitignore``, as in git). These ignore files and the index (below) are the only things
read above the checked folder (a ``.git`` file's ``gitdir:``, a worktree's ``commondir``,
followed as git does), regular files only; the ignore files can only leave files out, and the
index only keeps in what git tracks. The global excludes file (``core.excludesFile``) is not
read: it is the user's, not the repository's.

As in git, the patterns apply to untracked files only: a file the repository's index lists
(committed, or added with ``git add -f``, before a pattern came to match it) is the
repository's whatever ``.gitignore`` says, and a clone holds it. The index (``$GIT_DIR/index``,
versions 2 to 4, a regular file of at most 64 MiB) is read for the names it lists; a split or
sparse index's other entries are not, so those files stay ignored as the patterns say.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator

from .record import dataclass

_MAX_PATTERNS = 10_000
_MAX_IGNORE_BYTES = 1 << 20
_MAX_INDEX_BYTES = 64 << 20


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


def _small_bytes(path: str, limit: int) -> bytes | None:
    """A regular file's bytes up to ``limit``, else None: opened without blocking or following a
    final link and checked on the descriptor (a FIFO named ``.gitignore`` must not hang the run)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return None
            data = handle.read(limit + 1)
        except OSError:
            return None
    return data if len(data) <= limit else None


def _small_text(path: str) -> str | None:
    """A regular file's text below 1 MiB, else None."""
    data = _small_bytes(path, _MAX_IGNORE_BYTES)
    return data.decode("utf-8", errors="replace") if data is not None else None


def tracked_paths(git_dir: str) -> frozenset[str]:
    """The paths (relative to the work tree, with ``/``) the index at ``git_dir`` lists, as
    git's read-cache.c lays it out: a 12-byte header (``DIRC``, the version, the count), then
    per entry 62 bytes of stat data, object id and flags (64 with version 3's extended flags),
    and the name: NUL-terminated and padded to a multiple of 8 bytes in versions 2 and 3; in
    version 4, the number of bytes to drop from the previous name (a varint) and the rest,
    NUL-terminated, unpadded. Empty where the file is missing, too large, or not an index."""
    data = _small_bytes(os.path.join(git_dir, "index"), _MAX_INDEX_BYTES)
    if data is None or len(data) < 12 or data[:4] != b"DIRC":
        return frozenset()
    version, count = int.from_bytes(data[4:8], "big"), int.from_bytes(data[8:12], "big")
    if version not in (2, 3, 4):
        return frozenset()
    names: set[str] = set()
    offset, previous = 12, b""
    for _ in range(min(count, len(data) // 62)):
        if offset + 62 > len(data):
            break
        flags = int.from_bytes(data[offset + 60:offset + 62], "big")
        start = offset + 62 + (2 if version >= 3 and flags & 0x4000 else 0)
        if version == 4:
            drop, start = _varint(data, start)
            end = data.find(b"\0", start)
            if end < 0 or drop > len(previous):
                break
            name = previous[:len(previous) - drop] + data[start:end]
            offset = end + 1
        else:
            end = data.find(b"\0", start)
            if end < 0:
                break
            name = data[start:end]
            offset += ((start - offset) + len(name) + 8) & ~7
        previous = name
        names.add(name.decode("utf-8", errors="surrogateescape"))
    return frozenset(names)


def _varint(data: bytes, offset: int) -> tuple[int, int]:
    """git's offset varint (varint.c) at ``offset``: its value and the offset after it."""
    value, end = 0, min(len(data), offset + 10)   # 10 bytes hold any 64-bit value
    while offset < end:
        byte = data[offset]
        offset += 1
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
        value += 1
    return value, offset


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


def _git_dirs(root: str) -> tuple[str, str] | None:
    """``$GIT_DIR`` of the repository at ``root`` as git finds it (``.git``, or the folder a
    ``.git`` file names, ``gitdir: ...``), which holds a worktree's own index, and its common
    folder (``commondir``), which holds ``info/`` for every worktree."""
    dot_git = os.path.join(root, ".git")
    if os.path.isdir(dot_git):
        return dot_git, dot_git
    first = (_small_text(dot_git) or "").splitlines()[:1]
    if not first or not first[0].startswith("gitdir:"):
        return None
    git_dir = os.path.join(root, first[0][len("gitdir:"):].strip())
    common = (_small_text(os.path.join(git_dir, "commondir")) or "").strip()
    return git_dir, os.path.normpath(os.path.join(git_dir, common)) if common else git_dir


class Ignores:
    """The ``.gitignore`` files met on a walk, asked about each entry below them."""

    def __init__(self) -> None:
        self._by_dir: dict[str, list[_Pattern]] = {}
        self._excludes: dict[str, list[_Pattern]] = {}   # repository root -> $GIT_DIR/info/exclude
        # Repository root -> its $GIT_DIR, whose index is read when a pattern first matches.
        self._index_dirs: dict[str, str | None] = {}
        # Repository root -> the paths its index lists, and the folders that hold them.
        self._tracked: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        # Ignored folders walked only for the tracked files they hold: the rest of them stays ignored.
        self._entered_for_tracked: set[str] = set()

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
            dirs = _git_dirs(root)
            self._excludes[root] = _read_patterns(os.path.join(dirs[1], "info", "exclude")) if dirs else []
            self._index_dirs[root] = dirs[0] if dirs else None
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
        that were entered (the deepest, then the last matching line, wins), unless the index
        lists it (a folder: holds something it lists). Such an ignored folder is remembered as
        let through: below it, only what the index lists is not ignored."""
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
        roots = [root for root in chain if root in self._excludes][:1]
        bases = [(root, self._excludes[root]) for root in roots]
        bases += [(base, self._by_dir[base]) for base in reversed(chain)]
        for base, patterns in bases:
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            for pattern in patterns:
                if pattern.directory_only and not is_dir:
                    continue
                if pattern.regex.match(relative):
                    decision = not pattern.negated
        if self._entered_for_tracked and any(folder in self._entered_for_tracked for folder in chain):
            decision = True   # in an ignored folder, git sees only what it tracks
        if not decision or not roots:
            return decision
        # git ignores untracked files only: what the index lists stays, and so does a folder holding some.
        names, folders = self._tracked_in(roots[0])
        relative = os.path.relpath(path, roots[0]).replace(os.sep, "/")
        if relative in (folders if is_dir else names):
            if is_dir:
                self._entered_for_tracked.add(path)
            return False
        return True

    def _tracked_in(self, root: str) -> tuple[frozenset[str], frozenset[str]]:
        """What the index of the repository at ``root`` lists, and the folders holding it: read
        once, when a pattern first matches there."""
        found = self._tracked.get(root)
        if found is None:
            git_dir = self._index_dirs.get(root)
            names = tracked_paths(git_dir) if git_dir else frozenset()
            found = self._tracked[root] = (names, frozenset(folder for name in names for folder in _folders_of(name)))
        return found


def _folders_of(name: str) -> Iterator[str]:
    """Each folder above a path relative to its repository: `a/b/c` gives `a/b` and `a`."""
    folder = name.rpartition("/")[0]
    while folder:
        yield folder
        folder = folder.rpartition("/")[0]


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

