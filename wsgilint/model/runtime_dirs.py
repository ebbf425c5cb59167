"""Directories systemd creates for a service before it starts it (``RuntimeDirectory=``).

systemd.exec(5): each relative name is created under ``/run/``; the innermost directory
is owned by the service's ``User=`` and ``Group=`` (root when unset; the dynamic user with
``DynamicUser=yes``) with ``RuntimeDirectoryMode=`` (0755), the directories above it by
root with 0755. They exist before ``ExecStart=`` runs, so a server that binds after
dropping privileges can create its socket there only if that user may write to it.
"""
from __future__ import annotations

import posixpath

from ..core.record import dataclass
from . import ProcessManager, Setting

_RUN = ("/run/", "/var/run/")
_DEFAULT_MODE = 0o755


@dataclass(frozen=True, slots=True)
class CreatedDirectory:
    path: str
    owner: Setting[str]
    group: Setting[str] | None      # None: the owner's primary group
    mode: Setting[int]
    created_by: Setting[str]        # the RuntimeDirectory= word

    def writable_by(self, user: str, group: str | None) -> bool | None:
        """Whether ``user`` (with primary ``group``, when known) may create a file in it;
        None when it turns on a group the files do not show."""
        mode = self.mode.value
        if mode & 0o002 or (user == self.owner.value and mode & 0o200):
            return True
        if not mode & 0o020:
            return False
        if self.group is None or group is None:
            return None
        return group == self.group.value


def runtime_directory(manager: ProcessManager | None, directory: str) -> CreatedDirectory | None:
    """``directory`` as ``manager``'s ``RuntimeDirectory=`` creates it, or None when none does."""
    if manager is None:
        return None
    relative = next((directory[len(prefix):] for prefix in _RUN if directory.startswith(prefix)), None)
    if not relative:
        return None
    relative = posixpath.normpath(relative)
    for word in manager.runtime_directories:
        name = posixpath.normpath(str(word.value))
        if relative == name:
            owner = manager.user or Setting("root", None, "systemd default: no User=, root")
            mode = manager.runtime_directory_mode or Setting(_DEFAULT_MODE, None, "systemd default 0755")
            return CreatedDirectory(directory, owner, manager.group, mode, word)
        if name.startswith(relative + "/"):   # a parent of the innermost one: root's
            return CreatedDirectory(directory, Setting("root", None, "systemd: parents of a RuntimeDirectory= are "
                                                                   "root's"), None,
                                    Setting(_DEFAULT_MODE, None, "systemd: 0755"), word)
    return None
