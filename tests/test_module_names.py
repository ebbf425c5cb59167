"""The rules and the report formats are found by listing their folders (``module_names``),
not with ``pkgutil``: both list the same modules. The rules are loaded from their files
(``load_module``) as ``import`` loads them."""
from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import wsgilint.report
import wsgilint.rules
from wsgilint.core.paths import load_module, module_names
from wsgilint.engine import load_rules
from wsgilint.report import formats


def _pkgutil(path: list[str]) -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(path) if not info.name.startswith("_"))


def test_rule_and_report_folders_list_as_pkgutil_lists_them() -> None:
    for package in (wsgilint.rules, wsgilint.report):
        assert module_names(package.__path__[0]) == _pkgutil(list(package.__path__))
    assert formats() == _pkgutil(list(wsgilint.report.__path__))
    assert len(load_rules()) == len(_pkgutil(list(wsgilint.rules.__path__)))


# In a fresh process: each rule module as load_rules left it, then as import makes it.
_LOADED = r"""
import importlib, json, sys
import wsgilint.rules as package
from wsgilint.engine import load_rules
def seen(module):
    return [module.__name__, module.__file__, module.__package__, module.__spec__.name, module.__spec__.origin,
            module.__cached__, type(module.__loader__).__name__, getattr(package, module.__name__.rsplit(".", 1)[1]) is module]
names = [rule.module for rule in load_rules()]
loaded = {name: seen(sys.modules[name]) for name in names}
for name in names:
    del sys.modules[name]
    delattr(package, name.rsplit(".", 1)[1])
print(json.dumps([loaded, {name: seen(importlib.import_module(name)) for name in names}]))
"""


def test_rules_are_loaded_as_import_loads_them() -> None:
    done = subprocess.run([sys.executable, "-c", _LOADED], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    loaded, imported = json.loads(done.stdout)
    assert len(loaded) == len(load_rules()) and loaded == imported


def test_a_module_loaded_twice_is_the_same_and_a_failing_one_is_not_kept(tmp_path: Path) -> None:
    rule = importlib.import_module("wsgilint.rules.x109_timeout_order")
    assert load_module(wsgilint.rules, "x109_timeout_order") is rule
    (tmp_path / "broken.py").write_text("raise RuntimeError('broken')\n")
    package = types.ModuleType("wsgilint_test_package")
    package.__path__ = [str(tmp_path)]
    with pytest.raises(RuntimeError):
        load_module(package, "broken")
    assert "wsgilint_test_package.broken" not in sys.modules and not hasattr(package, "broken")
