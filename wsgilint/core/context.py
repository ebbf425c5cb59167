"""What every reader shares: where the target host's paths are on this machine,
how files are named in findings, and a cache so each file is read once."""
from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass, field

from .span import Problem
from .text import Text, read_text


@dataclass
class ReadContext:
    """``mode`` is ``live`` (checking this machine: target paths are real paths),
    ``snapshot`` (a copy of a host's ``/`` under ``root``) or ``repository`` (files
    name paths of a host that is not here; they are linked by path suffix)."""

    mode: str = "repository"
    root: str = "/"
    cwd: str = field(default_factory=os.getcwd)
    known_files: list[str] = field(default_factory=list)   # local paths of every discovered file
    _texts: dict[str, Text] = field(default_factory=dict)
    _displays: dict[str, str] = field(default_factory=dict)
    _configs: dict[str, None] = field(default_factory=dict)   # an ordered set
    _reals: dict[str, str] = field(default_factory=dict)
    _by_name: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index(self.known_files)

    def index(self, local_paths: list[str]) -> None:
        for path in local_paths:
            self._by_name.setdefault(os.path.basename(path), []).append(path)

    def display(self, local_path: str) -> str:
        """Paths below the current directory are shown relative to it."""
        shown = self._displays.get(local_path)
        if shown is None:
            absolute = os.path.abspath(local_path)
            prefix = self.cwd.rstrip(os.sep) + os.sep
            shown = absolute[len(prefix):] if absolute.startswith(prefix) else absolute
            self._displays[local_path] = shown
        return shown

    def read(self, local_path: str, peek: bool = False) -> Text:
        """Each file's bytes are read and decoded once per run. A ``peek`` (sniffing a
        file, looking into a program a unit starts) does not make it a config file whose
        reading problems are reported."""
        key = os.path.abspath(local_path)
        if key not in self._texts:
            self._texts[key] = read_text(key, self.display(key))
        if not peek:
            self._configs.setdefault(key)
        return self._texts[key]

    def read_paths(self) -> list[str]:
        """The files read as configuration, in the order they were first read."""
        return list(self._configs)

    def problems_of(self, local_path: str) -> tuple[Problem, ...]:
        return self.read(local_path).problems

    def local(self, target_path: str, base_dir: str | None = None) -> str | None:
        """Where a path written in a config (a path on the target host) is here.

        Relative paths are joined to ``base_dir`` (a local directory). Absolute paths
        are mapped under the snapshot root, used as they are on a live host, and in a
        repository linked to the one discovered file whose path ends with them.
        Returns None when the file is not here — which in a repository does not
        mean it is missing on the target host.
        """
        if not target_path:
            return None
        if not posixpath.isabs(target_path):
            if base_dir is None:
                return None
            candidate = os.path.normpath(os.path.join(base_dir, target_path))
            return candidate if os.path.exists(candidate) else self._by_suffix(target_path)
        if self.mode == "live":
            return target_path if os.path.exists(target_path) else None
        if self.mode == "snapshot":
            return self.confine(self.under_root(target_path))
        return self._by_suffix(target_path)

    def real(self, local_path: str) -> str:
        """The file's real path here, to tell two names of one file apart (cached: each
        lookup walks every component of the path)."""
        real = self._reals.get(local_path)
        if real is None:
            real = self.confine(local_path) if self.mode == "snapshot" else None
            real = os.path.realpath(real or local_path)
            self._reals[local_path] = real
        return real

    def under_root(self, target_path: str) -> str:
        """Where an absolute target-host path is in a snapshot (not checked to exist).
        Paths that already point into the snapshot (configs written for where the tree
        is now) are kept as they are."""
        root = self.root.rstrip("/")
        if target_path.startswith(root + "/"):
            return target_path
        return os.path.join(self.root, target_path.lstrip("/"))

    def confine(self, path: str) -> str | None:
        """In a snapshot, ``path`` with its symbolic links resolved inside the root: the
        snapshot's ``sites-enabled/x -> /etc/nginx/...`` points into the snapshot, never
        at this machine's /etc. Elsewhere the path itself. None when it leads nowhere."""
        if self.mode != "snapshot":
            return path if os.path.exists(path) else None
        root = os.path.abspath(self.root)
        relative = os.path.relpath(os.path.abspath(path), root)
        if relative.startswith(".."):
            return path if os.path.exists(path) else None
        parts = [p for p in relative.split(os.sep) if p not in ("", ".")]
        resolved, links = root, 0
        while parts:
            part = parts.pop(0)
            if part == "..":
                resolved = os.path.dirname(resolved) if resolved != root else root
                continue
            candidate = os.path.join(resolved, part)
            if os.path.islink(candidate):
                links += 1
                if links > 40:   # the kernel's own limit (ELOOP)
                    return None
                try:
                    target = os.readlink(candidate)
                except OSError:
                    return None
                if os.path.isabs(target):
                    resolved = root
                parts = [p for p in target.split("/") if p not in ("", ".")] + parts
                continue
            resolved = candidate
        return resolved if os.path.exists(resolved) else None

    def exists_on_target(self, target_path: str) -> bool | None:
        """True/False when this run can know whether the target host has the path; None when it cannot."""
        if self.mode == "repository":
            return True if self._by_suffix(target_path) else None
        return self.local(target_path) is not None

    def _by_suffix(self, target_path: str) -> str | None:
        parts = [p for p in target_path.split("/") if p and p != "."]
        if not parts or ".." in parts:
            return None
        candidates = self._by_name.get(parts[-1], [])
        best: list[str] = []
        best_depth = 0
        for candidate in candidates:
            candidate_parts = os.path.abspath(candidate).split(os.sep)
            depth = 0
            while depth < len(parts) and depth < len(candidate_parts) and \
                    candidate_parts[-1 - depth] == parts[-1 - depth]:
                depth += 1
            if depth > best_depth:
                best, best_depth = [candidate], depth
            elif depth == best_depth and depth:
                best.append(candidate)
        # A bare file name matches too much; demand a directory in common unless it is unique.
        if len(best) == 1 and (best_depth >= 2 or len(parts) == 1 or len(candidates) == 1):
            return best[0]
        return None
