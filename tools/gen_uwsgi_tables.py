"""Write the uWSGI option tables as Python literals, from the JSON tables they are made from:

* ``wsgilint/readers/_uwsgi_option_table.py`` from ``wsgilint/readers/uwsgi_options.json``
  (names, short flags, whether each takes an argument, aliases, immediate options);
* ``wsgilint/model/_uwsgi_handler_table.py`` from ``wsgilint/model/uwsgi_handlers.json`` and
  ``wsgilint/model/uwsgi_plugin_options.json`` (each option's handler, the options that force
  the master, name processes, or come from other builds and plugins).

    python tools/gen_uwsgi_tables.py          # write
    python tools/gen_uwsgi_tables.py --check  # exit 1 when a written module is stale

The JSON stays the source (``gen_uwsgi_options.py``, ``gen_uwsgi_handlers.py`` and
``gen_uwsgi_plugin_options.py`` write it). A module of literals loads from its ``.pyc``
without parsing: parsing the 57 KB option table and the handler tables at every start cost
more than a small tree's uWSGI reading. tests/test_uwsgi_tables.py fails when one is stale.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from written_tables import write_or_check  # beside this script

PROJECT = Path(__file__).resolve().parent.parent
READERS = PROJECT / "wsgilint" / "readers"
MODEL = PROJECT / "wsgilint" / "model"
OPTION_TABLE = READERS / "_uwsgi_option_table.py"
HANDLER_TABLE = MODEL / "_uwsgi_handler_table.py"

_HEAD = '''"""Written by tools/gen_uwsgi_tables.py from {sources}; do not edit
(run ``python tools/gen_uwsgi_tables.py`` after changing {them}). {what}"""
# Over 400 lines on purpose: it is generated, one line per entry.
# ruff: noqa
'''


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _lines(name: str, entries: list[tuple[str, Any]], annotation: str) -> str:
    body = "".join(f"    {key!r}: {value!r},\n" for key, value in entries)
    return f"{name}: {annotation} = {{\n{body}}}\n"


def option_table() -> str:
    data = _load(READERS / "uwsgi_options.json")
    rows = [(name, (entry.get("short"), entry["takes_arg"], tuple(entry.get("aliases", ())),
                    bool(entry.get("immediate"))))
            for name, entry in data["options"].items()]
    return (_HEAD.format(sources="``uwsgi_options.json``", them="it",
                         what="Each option by name, in the table's order\n(it decides which option a "
                              "shared short flag means): short flag, takes_arg, aliases, immediate.")
            + "\n" + _lines("ROWS", rows, "dict[str, tuple[str | None, str, tuple[str, ...], bool]]")
            + "\n" + _lines("SHORT_FLAGS", list(data["short_flags"].items()), "dict[str, list[str]]"))


def handler_table() -> str:
    handlers = _load(MODEL / "uwsgi_handlers.json")
    plugins = _load(MODEL / "uwsgi_plugin_options.json")
    return (_HEAD.format(sources="``uwsgi_handlers.json`` and\n``uwsgi_plugin_options.json``", them="them",
                         what="What ``wsgilint.model.uwsgi_options`` reads from them.")
            + "\n" + _lines("HANDLERS", list(handlers["handlers"].items()), "dict[str, list[str]]")
            + f"\nFORCES_MASTER: tuple[str, ...] = {tuple(handlers['forces_master'])!r}\n"
            + f"\nNAMES_PROCESSES: tuple[str, ...] = {tuple(handlers['names_processes'])!r}\n"
            + "\n" + _lines("ELSEWHERE", list(plugins["options"].items()), "dict[str, str]"))


def main(argv: list[str]) -> int:
    return write_or_check([(OPTION_TABLE, option_table()), (HANDLER_TABLE, handler_table())], argv, PROJECT,
                          "gen_uwsgi_tables.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
