"""The Supervisor and systemd key tables load from Python literals (tools/gen_manager_tables.py)
written from the JSON tables: the written module is current, and what the model and the rules
see is what the JSON says."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import PROJECT

from wsgilint.model.manager_facts import supervisor_keys, systemd_directives


def _json(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((PROJECT / "wsgilint" / "readers" / name).read_text(encoding="utf-8"))
    return loaded


def test_written_table_is_current() -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "tools" / "gen_manager_tables.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_tables_are_the_json_tables() -> None:
    sections = _json("supervisor_keys.json")["sections"]
    assert isinstance(sections, dict)
    assert supervisor_keys() == {kind: frozenset(keys) for kind, keys in sections.items()}
    assert systemd_directives() == _json("systemd_directives.json")
