"""Write wsgilint/core/_compiled_patterns.py: the regular expressions wsgilint's start-up and
checks compile, as the compiled code Python's ``re`` makes of them (see wsgilint/core/patterns.py).

    python tools/gen_patterns.py          # write
    python tools/gen_patterns.py --check  # exit 1 when the written file is stale

The patterns are found by running what a start-up runs: every wsgilint module imported, and
each tree of examples/ checked and reported in every format, with ``re``'s compilation watched.
A pattern is kept when it is written in the code: compiled by a module's body, or a constant
of the function that compiles it (not one made from the checked files, such as a glob or a
port), by wsgilint or a library its checks load (``_OWNERS``).
The code is ``re``'s for the Python running this tool, and is used only by that Python.
"""
from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's matcher: no stubs
import importlib
import io
import os
import pkgutil
import re
import sys
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
TARGET = PROJECT / "wsgilint" / "core" / "_compiled_patterns.py"
# Whose patterns are kept: wsgilint's, and those of the libraries its checks load. Not the
# command line's framework (typer, rich), nor what other modules of the standard library
# happen to compile, which depends on where the tool runs (a terminal, a test).
_OWNERS = frozenset({"wsgilint", "crossplane", "json", "glob", "shlex", "yaml"})

HEAD = '''"""Written by tools/gen_patterns.py; do not edit (run ``python tools/gen_patterns.py`` after
changing a regular expression). For the Python below: each pattern wsgilint compiles, its
flags, and what ``re`` compiles it to (see wsgilint/core/patterns.py)."""
# Over 400 lines on purpose: it is generated.
# ruff: noqa
# mypy: ignore-errors
'''


def _watched() -> list[tuple[str | bytes, int]]:
    import rich  # noqa: F401  (their own patterns are compiled before the watch starts)
    import typer  # noqa: F401

    seen: dict[tuple[type, str | bytes, int], None] = {}
    compile_now = re._compile    # type: ignore[attr-defined]

    def watch(pattern: Any, flags: Any) -> Any:
        flags = flags.value if isinstance(flags, re.RegexFlag) else flags
        frame = sys._getframe(2)     # the frame that called re.compile / re.match / ...
        caller = frame.f_code
        package = str(frame.f_globals.get("__name__", "")).split(".")[0]
        if isinstance(pattern, (str, bytes)) and package in _OWNERS and (
                caller.co_name == "<module>" or pattern in caller.co_consts):
            seen.setdefault((type(pattern), pattern, flags), None)
        return compile_now(pattern, flags)

    re._compile = watch    # type: ignore[attr-defined]
    try:
        import wsgilint
        from wsgilint.api import check
        from wsgilint.report import formats, renderer

        for info in pkgutil.walk_packages(wsgilint.__path__, "wsgilint."):
            importlib.import_module(info.name)
        examples = PROJECT / "examples"
        for example in sorted(os.listdir(examples)):
            result = check([str(examples / example)])
            for name in formats():
                renderer(name)(result, io.StringIO(), False)
    finally:
        re._compile = compile_now    # type: ignore[attr-defined]
    return [(pattern, flags) for _, pattern, flags in seen]


def _compiled(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    # What re._compiler.compile hands to _sre.compile.
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return pattern, flags, int(flags | parsed.state.flags), tuple(code), parsed.state.groups - 1, groupindex, \
        tuple(indexgroup)


def text() -> str:
    entries = "".join(f"    {_compiled(pattern, flags)!r},\n" for pattern, flags in _watched())
    return (HEAD + f"\nPYTHON = {tuple(sys.version_info[:3])!r}\nMAGIC = {_sre.MAGIC!r}\n"
            f"CODESIZE = {_sre.CODESIZE!r}\n\nPATTERNS = (\n{entries})\n")


def main(argv: list[str]) -> int:
    written = text()
    if "--check" in argv:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != written:
            print(f"{TARGET.relative_to(PROJECT)} is stale: run python tools/gen_patterns.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(written, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
