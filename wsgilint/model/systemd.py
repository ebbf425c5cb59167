"""systemd units as the rules see them: sections and entries with their places, drop-ins
applied, ``Exec*=`` lines split as systemd splits them, booleans parsed, and which names
systemd 252 knows (``systemd_directives.json``), each judged once here.
"""
from __future__ import annotations

import dataclasses
from functools import cache
from typing import TYPE_CHECKING

from ..core.record import dataclass
from ..core.span import Span
from ..readers import systemd as reader

if TYPE_CHECKING:
    from . import ProcessManager

# The command lines of each section (systemd.service(5), systemd.socket(5)).
EXEC_KEYS: dict[str, tuple[str, ...]] = {
    "Service": ("ExecStart", "ExecStartPre", "ExecStartPost", "ExecCondition", "ExecReload", "ExecStop",
                "ExecStopPost"),
    "Socket": ("ExecStartPre", "ExecStartPost", "ExecStopPre", "ExecStopPost"),
}
# The unit kinds whose sections and keys are checked, and the section of their own.
_OWN_SECTION = {"service": "Service", "socket": "Socket"}


@dataclass(frozen=True, slots=True)
class ExecLine:
    """An ``Exec*=`` value: its special prefixes (``-@:+!``) and the argv systemd makes of it.

    ``$VAR``/``${VAR}`` stay as written (``unresolved``): the environment is a run-time fact."""

    prefixes: str
    argv: tuple[str, ...]
    at: Span
    error: str              # why systemd cannot split it (unbalanced quoting), or ""
    unresolved: bool

    @property
    def program(self) -> str | None:
        """The executable as written: systemd expands no variable in it."""
        return self.argv[0] if self.argv else None


@dataclass(frozen=True, slots=True)
class UnitSection:
    name: str
    at: Span
    known: bool | None      # systemd reads it in this kind of unit; None: not judged (other kinds, ``X-``)
    meant: str | None       # the section it most likely stands for, when unknown


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """One ``Key=value`` line of the unit or a drop-in, in the order systemd applies them."""

    section: str            # "" for a line before any section, which systemd ignores
    key: str
    value: str
    at: Span                # the value
    key_column: int         # the key, on the line of ``at``: ``key_at`` is built when asked
    key_end: int
    known: bool | None      # systemd accepts the key in its section; None: not judged (see UnitSection)
    meant: str | None       # the key it most likely stands for, when unknown
    boolean: bool | None    # the value as a systemd boolean (yes/no, on/off, 1/0...); None when it is none
    command: ExecLine | None                    # ``Exec*=`` lines of [Service] and [Socket], split
    misspelt_targets: tuple[tuple[str, str], ...]   # WantedBy/RequiredBy: (written, the shipped target meant)

    @property
    def key_at(self) -> Span:
        return Span(self.at.path, self.at.line, self.key_column, self.key_end)


@dataclass(frozen=True, slots=True)
class HiddenStart:
    """A start path of a service that ``ProtectHome=`` hides from it: the start fails every time
    (status 200/CHDIR for the working folder, 203/EXEC for the program)."""

    entry: UnitEntry        # the WorkingDirectory= or ExecStart= line
    path: str               # the hidden path it names
    folder: str             # /home, /root or /run/user
    status: str             # the exit status systemd reports
    setting: UnitEntry      # the ProtectHome= line
    mode: str               # yes | tmpfs


@dataclass(frozen=True, slots=True)
class SystemdUnit:
    """A ``.service`` or ``.socket`` unit (or any other unit file read), with its drop-ins."""

    name: str               # the file name: gunicorn.service
    kind: str               # service | socket | ...
    path: str               # the unit file, as findings name it
    systemd_version: str    # whose unit-file parser ``known`` follows
    # Run by a user's manager, as that user: under systemd/user/, or handed to one by a script
    # of the tree (`systemctl --user enable`, a copy into ~/.config/systemd/user/).
    user_unit: bool
    sections: tuple[UnitSection, ...]
    entries: tuple[UnitEntry, ...]
    dropins: tuple[str, ...]
    manager: ProcessManager | None      # the service it defines, when it starts a program
    ignored_lines: tuple[tuple[str, Span], ...] = ()   # lines of a section without '=': skipped
    hidden_start: HiddenStart | None = None   # a service that never starts: ProtectHome= hides its start

    def last(self, section: str, key: str) -> UnitEntry | None:
        """The assignment that wins for a scalar setting (an empty one means the default)."""
        found = [entry for entry in self.entries if entry.section == section and entry.key == key]
        return found[-1] if found and found[-1].value else None

    def values(self, section: str, key: str) -> list[UnitEntry]:
        """Every assignment in effect, in order; an empty one resets a list setting
        (`ExecStart=` in a drop-in before its own), as the reader's ``values``."""
        found: list[UnitEntry] = []
        for entry in self.entries:
            if entry.section == section and entry.key == key:
                found = [] if entry.value == "" and key in reader.LIST_KEYS else [*found, entry]
        return found

    def flag(self, section: str, key: str) -> bool | None:
        """A boolean setting as systemd reads it; None when unset, reset or not a boolean."""
        entry = self.last(section, key)
        return entry.boolean if entry is not None else None

    @property
    def commands(self) -> list[tuple[UnitEntry, ExecLine]]:
        """Every ``Exec*=`` line with a value, in order."""
        return [(entry, entry.command) for entry in self.entries if entry.command is not None and entry.value]

    @property
    def path_environment(self) -> UnitEntry | None:
        """The last ``Environment=`` line of [Service]/[Socket] that mentions ``PATH=``."""
        return next((entry for entry in reversed(self.entries) if entry.section in EXEC_KEYS
                     and entry.key == "Environment" and "PATH=" in entry.value), None)

    @property
    def has_exec_search_path(self) -> bool:
        return any(entry.key == "ExecSearchPath" and entry.value for entry in self.entries)


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed: ``multiuser`` / ``multi-user``, ``socket`` / ``sockets``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=False)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@cache
def _known_keys() -> dict[str, frozenset[str]]:
    """Each section's keys as a set: a unit's every entry is looked up (the table's lists hold
    up to 262 keys)."""
    from .manager_facts import systemd_directives  # manager_facts imports this package

    return {section: frozenset(keys) for section, keys in systemd_directives()["sections"].items()}


def systemd_unit(unit: reader.SystemdUnit, manager: ProcessManager | None,
                 dropins: list[str], user_managed: bool = False) -> SystemdUnit:
    """The view of a unit as read; ``dropins`` are its drop-ins as findings name them;
    ``user_managed``: a script of the tree hands it to a user's manager."""
    from .manager_facts import did_you_mean, systemd_directives  # manager_facts imports this package

    table = systemd_directives()
    known_keys = _known_keys()
    own = _OWN_SECTION.get(unit.kind)
    allowed: tuple[str, ...] = ("Unit", own, "Install") if own else ()
    sections = []
    for name, at in unit.sections:
        known = None if not allowed or name.startswith("X-") else name in allowed
        sections.append(UnitSection(name, at, known, did_you_mean(name, allowed) if known is False else None))
    entries = []
    for entry in unit.entries:
        known = None
        meant = None
        targets: list[tuple[str, str]] = []
        if not entry.section:   # before any section: systemd ignores the line
            known = False
        elif entry.section in allowed and not entry.key.startswith("X-"):
            known = entry.key in known_keys[entry.section]
            if not known:
                meant = did_you_mean(entry.key, table["sections"][entry.section], 0.8)
            elif entry.section == "Install" and entry.key in ("WantedBy", "RequiredBy"):
                for target in entry.value.split():
                    if target.endswith(".target") and target not in table["targets"]:
                        guess = next((t for t in table["targets"] if _one_edit_apart(target, t)), None)
                        if guess:
                            targets.append((target, guess))
        command = None
        if entry.key in EXEC_KEYS.get(entry.section, ()):
            parsed = reader.parse_exec(entry.value, entry.at)
            command = ExecLine(parsed.prefixes, tuple(parsed.argv), parsed.at, parsed.error, parsed.unresolved)
        entries.append(UnitEntry(entry.section, entry.key, entry.value, entry.at, entry.key_column, entry.key_end, known, meant,
                                 reader.parse_bool(entry.value), command, tuple(targets)))
    display = unit.display or unit.path
    view = SystemdUnit(unit.name, unit.kind, display, table["systemd"], user_managed or "/systemd/user/" in display,
                       tuple(sections), tuple(entries), tuple(dropins), manager, tuple(unit.ignored))
    hidden = _hidden_start(view) if any(entry.key == "ProtectHome" for entry in entries) else None
    return dataclasses.replace(view, hidden_start=hidden) if hidden is not None else view


# What ProtectHome= hides (systemd.exec(5)).
_HIDDEN = ("/home", "/root", "/run/user")


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _hidden(path: str) -> str | None:
    """The hidden folder ``path`` lies under, if any."""
    return next((folder for folder in _HIDDEN if _under(path, folder)), None)


def _bound(unit: SystemdUnit, path: str) -> bool:
    """Whether a ``BindPaths=``/``BindReadOnlyPaths=`` destination covers ``path``."""
    for entry in unit.entries:
        if entry.section != "Service" or entry.key not in ("BindPaths", "BindReadOnlyPaths"):
            continue
        for word in entry.value.split():
            source, _, rest = word.lstrip("-").partition(":")
            destination = rest.split(":", 1)[0] if rest else source
            if destination and _under(path, destination):
                return True
    return False


def _hidden_start(unit: SystemdUnit) -> HiddenStart | None:
    """The first start path of a system service that its ``ProtectHome=yes``/``tmpfs`` hides.
    ``yes`` leaves no mount point below the folders, so nothing puts a path back
    (systemd/systemd#7153); on ``tmpfs`` a bind may. ``read-only`` hides nothing; a unit with
    its own root (``RootDirectory=``, ``RootImage=``) runs in a file system the files do not
    show, and a ``+`` command runs outside the namespace."""
    if unit.kind != "service" or unit.user_unit:
        return None
    setting = unit.last("Service", "ProtectHome")
    if setting is None or unit.last("Service", "RootDirectory") or unit.last("Service", "RootImage"):
        return None
    mode = "tmpfs" if setting.value.strip() == "tmpfs" else "yes" if setting.boolean else None
    if mode is None:
        return None
    working = unit.last("Service", "WorkingDirectory")
    if working is not None and not working.value.startswith("-"):
        folder = _hidden(working.value)
        if folder is not None and not (mode == "tmpfs" and _bound(unit, working.value)):
            return HiddenStart(working, working.value, folder, "200/CHDIR", setting, mode)
    for entry, command in unit.commands:
        program = command.program
        if entry.key != "ExecStart" or program is None or "+" in command.prefixes:
            continue
        folder = _hidden(program)
        if folder is not None and not (mode == "tmpfs" and _bound(unit, program)):
            return HiddenStart(entry, program, folder, "203/EXEC", setting, mode)
    return None
