"""Supervisor configuration, read the way supervisord 4.3 reads it — with positions.

One module per step supervisord takes: ``ini`` reads the file format as ConfigParser
does (and ``includes`` the files ``[include]`` names), ``expansion`` applies its
%-formatting, ``values`` holds its value types, ``processes`` expands each program
into the processes it starts; ``sniff`` tells discovery whether a text is Supervisor's.
``tests/test_supervisor_differential.py`` holds the result to ConfigParser and to
supervisord's own loader.
"""
from __future__ import annotations

from ...core.context import ReadContext
from .expansion import Expanded, expand
from .includes import read_includes
from .ini import IniReader, SupervisorConfig, SupervisorSection, SupervisorValue, section_kind
from .processes import SupervisorProcess, expand_programs
from .sniff import is_supervisor_text
from .values import parse_boolean, parse_environment, parse_signal, shell_operators, split_command

# What the model builders, discovery and the tests import from the package.
__all__ = [
    "Expanded", "IniReader", "SupervisorConfig", "SupervisorProcess", "SupervisorSection", "SupervisorValue",
    "expand", "is_supervisor_text", "parse_boolean", "parse_environment", "parse_signal", "read_supervisor",
    "section_kind", "shell_operators", "split_command",
]


def read_supervisor(local_path: str, ctx: ReadContext) -> SupervisorConfig:
    """Read a Supervisor file as the main configuration: its ``[include]`` files are
    read after it (their own ``[include]`` is ignored, as supervisord ignores it)."""
    config = SupervisorConfig(local_path)
    reader = IniReader(config, ctx)
    reader.read(local_path)
    read_includes(reader, local_path)
    expand_programs(config, ctx)
    return config
