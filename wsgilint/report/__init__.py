"""Reporters: one module per output format, named as the format (``--format sarif`` is
``sarif.py``), each with ``render(result, out, quiet=False)`` (``quiet``: the findings and
nothing else, for the formats that print more). Helper modules start with ``_``;
``shown`` escapes text from the checked files for any line wsgilint prints.

Formats are found by listing this package, without importing them, so that the command line
can offer ``--format`` choices at start-up without loading the pipeline.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, TextIO

from ..core.paths import module_names
from ._text import shown

if TYPE_CHECKING:
    from ..api import CheckResult

__all__ = ["Render", "formats", "renderer", "shown"]

class Render(Protocol):
    def __call__(self, result: CheckResult, out: TextIO, quiet: bool = False) -> None: ...


def formats() -> list[str]:
    """The names of the output formats, sorted."""
    return module_names(__path__[0])


def renderer(name: str) -> Render:
    """The ``render`` function of the format ``name`` (one of ``formats()``)."""
    if name not in formats():
        raise ValueError(f"no output format {name!r}")
    render: Render = importlib.import_module(f"{__name__}.{name}").render
    return render
