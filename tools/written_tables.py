"""What the table generators (``gen_*_tables.py``) share: write each table, or with ``--check``
say which is stale, so a test fails when a source changed and its table was not written again."""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(tables: list[tuple[Path, str]], argv: list[str], project: Path, script: str) -> int:
    """Write each (path, text); with ``--check`` in ``argv`` write nothing and return 1 when one
    differs from its text."""
    if "--check" not in argv:
        for path, text in tables:
            path.write_text(text, encoding="utf-8")
        return 0
    stale = [path for path, text in tables if not path.exists() or path.read_text(encoding="utf-8") != text]
    for path in stale:
        print(f"{path.relative_to(project)} is stale: run python tools/{script}", file=sys.stderr)
    return 1 if stale else 0
