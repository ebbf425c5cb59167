"""Path arithmetic that runs once per file, where ``os.path`` splits and joins too much."""
from __future__ import annotations

import os


def relative_path(absolute: str, top: str) -> str:
    """``os.path.relpath(absolute, top)`` for two normalised absolute paths; a path below
    ``top`` (every file a walk of it finds) is cut, not split and rejoined."""
    prefix = top.rstrip(os.sep) + os.sep
    if absolute.startswith(prefix) and absolute[len(prefix):len(prefix) + 1] not in ("", os.sep):
        return absolute[len(prefix):]
    return os.path.relpath(absolute, top)
