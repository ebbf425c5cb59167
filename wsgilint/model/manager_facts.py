"""Facts the Supervisor and systemd rules share: the key tables of the two managers,
did-you-mean suggestions, and whether the server a manager starts drops root itself."""
from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from . import AppServer, ProcessManager

_READERS = Path(__file__).resolve().parent.parent / "readers"
# uWSGI options that load another config file; when one of them was not read, the
# server's own settings are not all known.
_UWSGI_CONFIG_KEYS = ("ini", "xml", "xmlconfig", "yaml", "yml", "json", "js", "include", "inherit", "config")
# Config formats wsgilint does not read (discovery lists them, "not read yet"): what they set is unknown.
_UWSGI_UNREAD_FORMATS = ("xml", "xmlconfig", "yaml", "yml", "json", "js")
ROOT_NAMES = ("root", "0")


@cache
def supervisor_keys() -> dict[str, frozenset[str]]:
    """Section kind → the keys supervisord 4.3 reads there (``supervisor_keys.json``)."""
    table = json.loads((_READERS / "supervisor_keys.json").read_text())
    return {kind: frozenset(keys) for kind, keys in table["sections"].items()}


@cache
def systemd_directives() -> dict[str, Any]:
    """``{"systemd": version, "sections": {section: keys}, "targets": [...]}`` (``systemd_directives.json``)."""
    table: dict[str, Any] = json.loads((_READERS / "systemd_directives.json").read_text())
    return table


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate ``word`` was most likely meant to be: same letters in another case first."""
    candidates = list(candidates)
    for candidate in candidates:
        if candidate.lower() == word.lower():
            return candidate
    folded = {c.lower().replace("_", "").replace("-", ""): c for c in candidates}
    squashed = word.lower().replace("_", "").replace("-", "")
    if squashed in folded:
        return folded[squashed]
    close = difflib.get_close_matches(word.lower(), [c.lower() for c in candidates], 1, cutoff)
    if not close:
        return None
    return next(c for c in candidates if c.lower() == close[0])


def _config_unread(server: AppServer) -> bool:
    """True when a config file the server loads was not in the checked files."""
    if server.kind == "uwsgi":
        return bool(server.unread_configs) or len(server.all(*_UWSGI_CONFIG_KEYS)) > len(server.sources) or \
            bool(server.all(*_UWSGI_UNREAD_FORMATS))
    return server.has("config") and not server.sources


def unread_config(server: AppServer) -> str | None:
    """The config file a server loads that the checked files do not hold, as written (or as
    the option naming it says); None when every config file it loads was read."""
    if not _config_unread(server):
        return None
    if server.unread_configs:
        return server.unread_configs[0].spec
    loaders = server.all(*_UWSGI_CONFIG_KEYS) if server.kind == "uwsgi" else server.all("config")
    return str(loaders[-1].value) if loaders else "a config file"


def drops_privileges(manager: ProcessManager) -> bool | None:
    """Whether the server a manager starts switches away from root by itself.

    True for nginx (its master stays root by design, its workers run as ``user``),
    a uWSGI Emperor (each vassal sets its own ``uid``), uWSGI with ``uid`` and
    Gunicorn with ``user`` other than root; False when the server's settings are all
    known and none of them does it; None when wsgilint cannot tell (another program,
    an unread config file, a value only known at run time).
    """
    if manager.runs_program == "nginx":
        return True
    server = manager.runs
    if server is None:
        return None
    if server.kind == "uwsgi" and server.has("emperor"):
        return True
    user = server.user
    if user is not None:
        return None if any(o.unresolved for o in server.all("uid", "user")) else str(user.value) not in ROOT_NAMES
    if _config_unread(server) or any(o.unresolved for o in server.options if o.key in _UWSGI_CONFIG_KEYS):
        return None
    return False


def switched_to_root(manager: ProcessManager) -> bool:
    """The innermost user switcher on the command line (``sudo``, ``gosu root``) runs the
    server as root, whatever the manager's own user."""
    switcher = next((launcher for launcher in reversed(manager.launchers) if launcher.user), None)
    return switcher is not None and switcher.user.split(":", 1)[0] in ROOT_NAMES


def server_label(manager: ProcessManager) -> str:
    return {"uwsgi": "uWSGI", "gunicorn": "Gunicorn", "nginx": "nginx"}.get(manager.runs_program,
                                                                           manager.runs_program)
