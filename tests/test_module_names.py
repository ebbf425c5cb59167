"""The rules and the report formats are found by listing their folders (``module_names``),
not with ``pkgutil``: both list the same modules."""
from __future__ import annotations

import pkgutil

import wsgilint.report
import wsgilint.rules
from wsgilint.core.paths import module_names
from wsgilint.engine import load_rules
from wsgilint.report import formats


def _pkgutil(path: list[str]) -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(path) if not info.name.startswith("_"))


def test_rule_and_report_folders_list_as_pkgutil_lists_them() -> None:
    for package in (wsgilint.rules, wsgilint.report):
        assert module_names(package.__path__[0]) == _pkgutil(list(package.__path__))
    assert formats() == _pkgutil(list(wsgilint.report.__path__))
    assert len(load_rules()) == len(_pkgutil(list(wsgilint.rules.__path__)))
