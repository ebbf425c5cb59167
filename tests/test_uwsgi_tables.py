"""The uWSGI option tables load from Python literals (tools/gen_uwsgi_tables.py) written from
the JSON tables: the written modules are current, and what the readers and the model see is
what the JSON says."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from wsgilint.model import uwsgi_options as model_options
from wsgilint.readers import uwsgi_options as reader_options
from wsgilint.readers._uwsgi_option_table import SHORT_FLAGS

PROJECT = Path(__file__).resolve().parent.parent


def _json(*parts: str) -> Any:
    return json.loads(PROJECT.joinpath("wsgilint", *parts).read_text(encoding="utf-8"))


def test_written_tables_are_current() -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "tools" / "gen_uwsgi_tables.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_reader_table_is_the_json_table_in_order() -> None:
    data = _json("readers", "uwsgi_options.json")
    assert list(reader_options.OPTIONS) == list(data["options"])
    assert SHORT_FLAGS == data["short_flags"]
    for name, entry in data["options"].items():
        info = reader_options.option_info(name)
        assert info == reader_options.OptionInfo(name, entry.get("short"), entry["takes_arg"],
                                                 tuple(entry.get("aliases", ())), bool(entry.get("immediate")))
    assert reader_options.option_info("no-such-option") is None
    assert reader_options.takes_arg("no-such-option") == "required"
    assert reader_options.by_short("p") == "processes"


def test_model_tables_are_the_json_tables() -> None:
    handlers = _json("model", "uwsgi_handlers.json")
    plugins = _json("model", "uwsgi_plugin_options.json")
    for handler, names in handlers["handlers"].items():
        for name in names:
            assert model_options.handler(name) == handler
    assert all(model_options.forces_master(name) for name in handlers["forces_master"])
    assert all(model_options.cosmetic_effect(name) == "the process names" for name in handlers["names_processes"])
    for name, plugin in plugins["options"].items():
        assert model_options.defined_elsewhere(name) == plugin
    assert model_options.defined_elsewhere("end") == "core"
    assert model_options.aliases_of("workers") == ("processes", "workers")
