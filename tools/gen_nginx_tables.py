"""Write crossplane's nginx directive tables as Python literals:
``wsgilint/readers/_nginx_directive_table.py`` from crossplane's ``analyzer`` (each
directive's argument and context masks, the block contexts) and Lua extension (the
``*_by_lua_block`` names its lexer reads as one block), with the names of
``wsgilint/readers/nginx_extra_directives.json``.

    python tools/gen_nginx_tables.py          # write
    python tools/gen_nginx_tables.py --check  # exit 1 when the written module is stale

crossplane and the JSON stay the source. Importing ``crossplane.analyzer`` runs the
package's ``__init__``, which loads its parser, lexer, builder and formatter and, through
``crossplane.compat``, ``json`` (or ``simplejson``): about 14 M instructions of a small
tree's start, for a table and a 40-line function (``readers.nginx._analyze``).
tests/test_nginx_tables.py fails when the module is stale or the function departs from
crossplane's.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from crossplane.analyzer import CONTEXTS, DIRECTIVES
from crossplane.ext.lua import LuaBlockPlugin
from written_tables import write_or_check  # beside this script

PROJECT = Path(__file__).resolve().parent.parent
READERS = PROJECT / "wsgilint" / "readers"
TABLE = READERS / "_nginx_directive_table.py"

_HEAD = '''"""Written by tools/gen_nginx_tables.py from crossplane's ``analyzer`` and Lua extension and
from ``nginx_extra_directives.json``; do not edit (run ``python tools/gen_nginx_tables.py``
after changing the JSON or crossplane). DIRECTIVES: crossplane's masks (nginx's argument and
context flags) of each directive; CONTEXTS: each block context's flag; LUA_BLOCKS: the
directives whose block crossplane's Lua extension reads as one word; EXTRA_DIRECTIVES: the
JSON's names. The names are words of one string, split when loaded: 2 100 string constants
cost twice as much to unmarshal."""
# Over 400 lines on purpose: it is generated, one line per entry.
# ruff: noqa
'''


def table() -> str:
    if any(not masks for masks in DIRECTIVES.values()):
        raise SystemExit("crossplane's table has a directive without masks: readers.nginx._analyze assumes none")
    extra = json.loads((READERS / "nginx_extra_directives.json").read_text(encoding="utf-8"))["directives"]
    if any(not name.isprintable() or " " in name for name in [*DIRECTIVES, *extra]):
        raise SystemExit("a directive name with a space or control character cannot be listed in words")
    names = "".join(f"{name}\n" for name in DIRECTIVES)
    masks = "".join(f"    ({''.join(f'0x{mask:08x}, ' for mask in masks)[:-1]}),   # {name}\n"
                    for name, masks in DIRECTIVES.items())
    contexts = "".join(f"    {ctx!r}: 0x{flag:08x},\n" for ctx, flag in CONTEXTS.items())
    extra_names = "".join(f"{name}\n" for name in extra)
    return (_HEAD
            + f'\n_NAMES = """\n{names}""".split()\n'
            + f"\n_MASKS = (\n{masks})\n"
            + "\nDIRECTIVES: dict[str, tuple[int, ...]] = dict(zip(_NAMES, _MASKS))\n"
            + f"\nCONTEXTS: dict[tuple[str, ...], int] = {{\n{contexts}}}\n"
            + f"\nLUA_BLOCKS: frozenset[str] = frozenset({tuple(LuaBlockPlugin.directives)!r})\n"
            + f'\nEXTRA_DIRECTIVES: frozenset[str] = frozenset("""\n{extra_names}""".split())\n')


def main(argv: list[str]) -> int:
    return write_or_check([(TABLE, table())], argv, PROJECT, "gen_nginx_tables.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
