"""One app-server option as read: what readers of uWSGI and Gunicorn configs produce."""
from __future__ import annotations

from typing import Any

from .record import dataclass
from .span import Span


@dataclass(frozen=True, slots=True)
class Option:
    """One occurrence of an app-server option, in the order the server applies them.

    ``value`` is what the server ends up with after its own substitutions; ``raw`` is
    the text as written; ``unresolved`` marks values that depend on run time
    (``$(ENV)``, ``@(...)``, ``%h``, a Python expression). ``env_missing``: uWSGI's
    ``$(VAR)`` names the environment the files show does not set, which uWSGI keeps as
    written; surely unset when the value is not ``unresolved``, else an assumption.
    """

    key: str
    value: Any
    at: Span
    raw: str = ""
    unresolved: bool = False
    env_missing: tuple[str, ...] = ()
