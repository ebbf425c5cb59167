"""``[include] files``: which files supervisord reads after the main one.

Patterns relative to the main file's directory are globbed there; absolute ones on
this machine (live), under the snapshot root, or — in a repository — matched against
the discovered files whose path ends like the pattern.
"""
from __future__ import annotations

import glob
import os

from ...core.paths import absolute_path
from ...core.span import Problem
from .expansion import expand, here_of
from .ini import IniReader, UnmatchedInclude


def _glob_here(pattern: str) -> list[str]:
    return sorted(glob.glob(pattern))


def read_includes(reader: IniReader, main: str) -> None:
    """Read the files ``[include]`` names into the reader's configuration."""
    config, ctx = reader.config, reader.ctx
    section = config.section("include")
    if section is None:
        return
    value = section.get("files")
    if value is None:
        config.problems.append(Problem(
            "syntax", ".ini file has [include] section, but no files setting", section.at))
        return
    main_path = absolute_path(main)
    main_dir = os.path.dirname(main_path)
    here = here_of(main, ctx) or main_dir
    expanded = expand(value.raw.replace("%(here)s", here), {"here": here}, "include.files")
    if expanded.error:
        config.problems.append(Problem("syntax", expanded.error, value.at))
        return
    for pattern in expanded.text.split():
        if "%(" in pattern:
            continue    # a run-time name (%(ENV_X)s): the files are not known here
        certain = True
        if not pattern.startswith("/"):
            matches = _glob_here(os.path.join(main_dir, pattern))
        elif ctx.mode == "live":
            matches = _glob_here(pattern)
        elif ctx.mode == "snapshot":
            matches = _glob_here(ctx.under_root(pattern))
        else:
            matches = ctx.glob(pattern)
            certain = False
        matches = [m for m in matches if absolute_path(m) != main_path]
        if not matches:
            config.unmatched_includes.append(UnmatchedInclude(pattern, value.at, certain))
        ctx.referenced(value.at, pattern, *matches)
        for match in matches:
            config.included_files.append(match)
            reader.read(match)
