"""Write the Supervisor and systemd key tables as Python literals,
``wsgilint/model/_manager_key_tables.py``, from ``wsgilint/readers/supervisor_keys.json``
(the keys of each section kind) and ``wsgilint/readers/systemd_directives.json`` (the
whole table: version, the keys of each section, the targets).

    python tools/gen_manager_tables.py          # write
    python tools/gen_manager_tables.py --check  # exit 1 when the written module is stale

The JSON stays the source (``gen_supervisor_keys.py`` and ``gen_systemd_directives.py``
write it). Reading it at every check of a tree with Supervisor or systemd files imported
``json`` (4.4 M instructions) for two small tables. tests/test_manager_tables.py fails when
the module is stale.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from written_tables import write_or_check  # beside this script

PROJECT = Path(__file__).resolve().parent.parent
READERS = PROJECT / "wsgilint" / "readers"
TABLE = PROJECT / "wsgilint" / "model" / "_manager_key_tables.py"

_HEAD = '''"""Written by tools/gen_manager_tables.py from ``supervisor_keys.json`` and
``systemd_directives.json``; do not edit (run ``python tools/gen_manager_tables.py`` after
changing them). SUPERVISOR_SECTIONS: the keys supervisord reads in each section kind;
SYSTEMD_DIRECTIVES: the systemd table as its JSON holds it."""
# ruff: noqa
from typing import Any
'''


def _load(name: str) -> Any:
    return json.loads((READERS / name).read_text(encoding="utf-8"))


def _rows(entries: dict[str, list[str]], indent: str) -> str:
    return "".join(f"{indent}{key!r}: {value!r},\n" for key, value in entries.items())


def table() -> str:
    supervisor = _load("supervisor_keys.json")["sections"]
    systemd = _load("systemd_directives.json")
    if set(systemd) != {"systemd", "sections", "targets"}:
        raise SystemExit("systemd_directives.json has other entries than systemd, sections, targets: write them out")
    return (_HEAD
            + f"\nSUPERVISOR_SECTIONS: dict[str, list[str]] = {{\n{_rows(supervisor, '    ')}}}\n"
            + "\nSYSTEMD_DIRECTIVES: dict[str, Any] = {\n"
            + f"    'systemd': {systemd['systemd']!r},\n"
            + f"    'sections': {{\n{_rows(systemd['sections'], '        ')}    }},\n"
            + f"    'targets': {systemd['targets']!r},\n"
            + "}\n")


def main(argv: list[str]) -> int:
    return write_or_check([(TABLE, table())], argv, PROJECT, "gen_manager_tables.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
