"""The regular expressions handed to ``re`` compiled ahead (wsgilint/core/patterns.py): the
table is current, each entry is what ``re`` compiles its pattern to on this Python, and a
check reports the same with and without them."""
from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's matcher: no stubs
import re
import subprocess
import sys
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

from wsgilint.core import _compiled_patterns as table

PROJECT = Path(__file__).resolve().parent.parent
SAME_PYTHON = sys.version_info[:3] == table.PYTHON and _sre.MAGIC == table.MAGIC

# Every example tree checked and reported as JSON, with the table preloaded or not.
REPORT = r'''
import io, os, sys
if sys.argv[1] == "preload":
    from wsgilint.core.patterns import preload
    preload()
from wsgilint.api import check
from wsgilint.report import renderer
for example in sorted(os.listdir("examples")):
    out = io.StringIO()
    renderer("json")(check([os.path.join("examples", example)]), out, False)
    print(out.getvalue())
'''


def test_table_is_current() -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "tools" / "gen_patterns.py"), "--check"],
                          capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(not SAME_PYTHON, reason="the table is for the Python that wrote it")
def test_each_entry_is_what_re_compiles() -> None:
    assert table.PATTERNS
    for pattern, flags, compiled_flags, code, groups, groupindex, indexgroup in table.PATTERNS:
        parsed = _parser.parse(pattern, flags)
        assert tuple(int(op) for op in _compiler._code(parsed, flags)) == code, pattern
        assert compiled_flags == flags | parsed.state.flags
        assert (groups, groupindex) == (parsed.state.groups - 1, dict(parsed.state.groupdict))
        assert len(indexgroup) == parsed.state.groups
        made = re.compile(pattern, flags)
        assert (made.pattern, made.flags, made.groups, made.groupindex) == (
            _compiler.compile(pattern, flags).pattern, compiled_flags, groups, groupindex)


def test_a_check_reports_the_same_with_the_patterns_compiled_ahead() -> None:
    runs = [subprocess.run([sys.executable, "-c", REPORT, how], capture_output=True, text=True, cwd=PROJECT,
                           check=True).stdout for how in ("preload", "compile")]
    assert runs[0] == runs[1]
    assert runs[0].count('"findings"') >= 7
