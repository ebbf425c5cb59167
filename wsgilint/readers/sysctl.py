"""Kernel settings from sysctl.conf and sysctl.d, as systemd-sysctl applies them at boot.

Only ``net.core.somaxconn`` matters to the rules (it caps every listen backlog), but
the files are read in full. Order (sysctl.d(5)): every ``*.conf`` of ``/etc/sysctl.d``,
``/run/sysctl.d``, ``/usr/local/lib/sysctl.d``, ``/usr/lib/sysctl.d`` and
``/lib/sysctl.d``, merged by file name (the first of those directories to hold a name
wins) and sorted by name; ``/etc/sysctl.conf`` (which Debian links into sysctl.d as
``99-sysctl.conf``) comes last. A later assignment wins.
"""
from __future__ import annotations

import fnmatch
import os
import posixpath

from ..core.context import ReadContext
from ..core.numbers import decimal
from ..core.span import Setting, Span

SOMAXCONN = "net.core.somaxconn"
KERNEL_DEFAULT_SOMAXCONN = 4096
_KERNEL_DEFAULT_NOTE = "kernel default since Linux 5.4 (128 before)"
_LIVE_PATH = "/proc/sys/net/core/somaxconn"

# Earlier directories mask files of the same name in later ones.
_DIRECTORY_PRIORITY = ("etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d", "usr/lib/sysctl.d", "lib/sysctl.d")
_KEY_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.*?[]/-")
_TOP_LEVELS = ("net.", "kernel.", "vm.", "fs.", "dev.", "user.", "abi.", "debug.", "sunrpc.", "crypto.")


def normalize_key(key: str) -> str:
    """``net/core/somaxconn`` is ``net.core.somaxconn``: when the first separator is a
    slash, slashes and dots swap roles (a dot may then be part of a name)."""
    key = key.strip()
    slash, dot = key.find("/"), key.find(".")
    if slash >= 0 and (dot < 0 or slash < dot):
        key = key.translate(str.maketrans("/.", "./"))
    return key


def _assignment(line: str) -> tuple[str, str, int] | None:
    """(key, value, the value's offset) of ``key = value`` in a line without a line break,
    spaces around both cut; None without ``=``. String methods instead of the pattern
    ``^(?P<key>[^=]*?)\\s*=\\s*(?P<value>.*?)\\s*$``, whose compiling cost 0.45 M instructions of
    every start (tests/test_startup_patterns.py compares the two)."""
    key, found, rest = line.partition("=")
    if not found:
        return None
    value = rest.lstrip()
    return key.rstrip(), value.rstrip(), len(line) - len(value)


def read_sysctl_text(text: str, display: str) -> list[tuple[str, str, Span]]:
    assignments = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        assignment = _assignment(line)
        if assignment is None or not assignment[0].strip():
            continue  # systemd-sysctl warns and skips lines without "="
        key, value, start = assignment
        key = key.strip()
        if key.startswith("-"):    # "-key = v": a failure to write it is not an error
            key = key[1:].strip()
        column = start + 1
        assignments.append((normalize_key(key), value, Span(display, number, column, column + len(value))))
    return assignments


def read_sysctl(local_path: str, ctx: ReadContext) -> list[tuple[str, str, Span]]:
    """Every ``key = value`` of one file, keys normalised to dots, with the value's position."""
    text = ctx.read(local_path)
    if text.text is None:
        return []
    return read_sysctl_text(text.text, ctx.display(local_path))


def is_sysctl_text(text: str) -> bool:
    """Every line is a comment or ``key = value`` with a kernel key, and one key at least."""
    keys = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        assignment = _assignment(stripped)
        if assignment is None:
            return False
        key = normalize_key(assignment[0].lstrip("-"))
        if not key or not _KEY_CHARACTERS.issuperset(key) or not key.startswith(_TOP_LEVELS):
            return False
        keys += 1
    return keys > 0


def _priority(local_path: str) -> int:
    directory = posixpath.dirname(os.path.abspath(local_path).replace(os.sep, "/"))
    for rank, suffix in enumerate(_DIRECTORY_PRIORITY):
        # "/usr/lib/sysctl.d" also ends with "/lib/sysctl.d"; the tuple lists it first.
        if directory == "/" + suffix or directory.endswith("/" + suffix):
            return rank
    return 0


def sysctl_order(files: list[str]) -> list[str]:
    """The files in the order systemd-sysctl applies them, masked names removed."""
    main_files = []
    by_name: dict[str, tuple[int, str]] = {}
    loose: list[str] = []
    for path in files:
        name = os.path.basename(path)
        if name == "sysctl.conf":
            main_files.append(path)
            continue
        if "sysctl.d" not in path.replace(os.sep, "/").split("/")[-2:-1]:
            loose.append(path)
            continue
        rank = _priority(path)
        if name not in by_name or rank < by_name[name][0]:
            by_name[name] = (rank, path)
    ordered = [by_name[name][1] for name in sorted(by_name)]
    ordered += sorted(loose)
    seen = {os.path.realpath(path) for path in ordered}
    ordered += [path for path in main_files if os.path.realpath(path) not in seen]
    return ordered


def _assigns(key: str, wanted: str) -> bool:
    return key == wanted or any(ch in key for ch in "*?[") and fnmatch.fnmatchcase(wanted, key)


def read_somaxconn(ctx: ReadContext, files: list[str]) -> Setting[int]:
    """``net.core.somaxconn`` on the target: the live value when checking this machine,
    else the last valid assignment in the sysctl files, else the kernel default."""
    winner: Setting[int] | None = None
    for path in sysctl_order(files):
        for key, value, at in read_sysctl(path, ctx):
            number = decimal(value.strip()) if _assigns(key, SOMAXCONN) else None
            if number is not None:
                # The kernel refuses what is not an integer and keeps the previous value.
                winner = Setting(number, at)
    if ctx.mode == "live":
        live = _read_live()
        if live is not None:
            if winner is not None and winner.value == live:
                return Setting(live, winner.at, f"live value from {_LIVE_PATH}")
            note = f"live value from {_LIVE_PATH}"
            if winner is not None:
                note += f"; {winner.at} sets {winner.value}, not applied yet"
            return Setting(live, None, note)
    if winner is not None:
        return winner
    return Setting(KERNEL_DEFAULT_SOMAXCONN, None, _KERNEL_DEFAULT_NOTE)


def _read_live() -> int | None:
    try:
        with open(_LIVE_PATH, encoding="ascii") as handle:
            return int(handle.read().strip())
    except (OSError, ValueError):
        return None
