"""The regular expressions wsgilint compiles, handed to ``re`` already compiled.

Compiling a pattern is Python code in ``re`` (parsing it, then generating the matcher's
code): for the ~50 patterns a check of a small tree compiles, about 33 M instructions of its
512 M, an eighth of what wsgilint adds to typer's start-up. ``_compiled_patterns.py`` holds,
for each, what ``re`` compiles it to (written by ``tools/gen_patterns.py``, checked current
and equal to what ``re`` makes by tests/test_patterns.py); ``preload`` builds the pattern
objects from that code with ``_sre.compile`` (what ``re`` itself does last) and puts them in
``re``'s cache, where ``re.compile`` finds them. The code is only used by the Python that
wrote it (same version and matcher), so a pattern is always what ``re`` would have made;
with any other Python, or a pattern not in the table, ``re`` compiles as usual.
"""
from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's matcher: no stubs
import re
import sys


def preload() -> None:
    """Put the table's patterns in ``re``'s cache, when this Python wrote the table."""
    from ._compiled_patterns import CODESIZE, MAGIC, PATTERNS, PYTHON

    cache = getattr(re, "_cache", None)
    if (sys.version_info[:3] != PYTHON or _sre.MAGIC != MAGIC or _sre.CODESIZE != CODESIZE
            or not isinstance(cache, dict)):
        return
    for pattern, flags, compiled_flags, code, groups, groupindex, indexgroup in PATTERNS:
        cache.setdefault((type(pattern), pattern, flags),
                         _sre.compile(pattern, compiled_flags, list(code), groups, groupindex, indexgroup))
