"""The files a run found: what discovery hands to the model builder."""
from __future__ import annotations

from .record import dataclass, field
from .span import Problem


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file found by discovery. ``path`` is where it is on this machine, ``display``
    how findings name it, ``kind`` what it was read as (or "" when skipped)."""

    path: str
    display: str
    kind: str
    reason: str = ""
    # For a template: the kind of config it renders into (what its content sniffed as).
    renders: str = ""


@dataclass
class Discovery:
    files: list[SourceFile] = field(default_factory=list)       # read as a kind
    skipped: list[SourceFile] = field(default_factory=list)     # kind "" with the reason
    problems: list[Problem] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[SourceFile]:
        return [f for f in self.files if f.kind == kind]
