"""A process's environment as the files show it: what a manager hands the app server it starts.

Shared by the uWSGI and Gunicorn readers (``$(VAR)``, ``os.environ``), so that linking a
uWSGI instance does not load Gunicorn's reader.
"""
from __future__ import annotations

from collections.abc import Mapping


class Environment(dict[str, str]):
    """A process's environment as the files show it. ``unseen`` names what may set other
    variables (an env_file the tree does not hold): a variable not here is then unknown,
    not unset. ``unknown`` names variables that are set to a value the files do not show
    (name -> why)."""

    def __init__(self, known: Mapping[str, str], unseen: str = "", unknown: Mapping[str, str] | None = None) -> None:
        super().__init__(known)
        self.unseen = unseen
        self.unknown = dict(unknown or {})

    def is_open(self, name: str) -> bool:
        """Whether ``name``, absent here, may still be set when the process starts."""
        return bool(self.unseen) or name in self.unknown
