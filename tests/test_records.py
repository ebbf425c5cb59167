"""The value types declared through wsgilint.core.record behave as the standard dataclass
makes them: compared on every class, in a process where the written-out methods and class
processing are used and in one where they are not (the standard dataclass makes every
class)."""
from __future__ import annotations

import copy
import functools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent

# Imports every module, makes one object of each declared class from placeholder values
# (types are not checked at run time) and reports what the class and the object show.
OBSERVE = r'''
import copy, dataclasses, importlib, inspect, json, pickle, pkgutil, sys, weakref
import wsgilint.core._record_methods as written
if sys.argv[1] == "standard":
    written.METHODS.clear()
import wsgilint
from wsgilint.core import record
for info in pkgutil.walk_packages(wsgilint.__path__, "wsgilint."):
    importlib.import_module(info.name)

def made(cls, mark):
    required = {f.name: f"{mark}-{f.name}" for f in dataclasses.fields(cls)
                if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    return cls(**required)

def attempt(action):
    try:
        return repr(action())
    except Exception as error:
        return f"{type(error).__name__}: {error}"

# Before anything asks for them: made here, a class's fields wait to be made.
waiting = {f"{cls.__module__}.{cls.__qualname__}": type(vars(cls)["__dataclass_fields__"]).__name__
           for cls, options, documented in record.declared}
seen = {}
for cls, options, documented in record.declared:
    one, same, other = made(cls, "a"), made(cls, "a"), made(cls, "b")
    first = dataclasses.fields(cls)[0].name if dataclasses.fields(cls) else None
    seen[f"{cls.__module__}.{cls.__qualname__}"] = {
        "from": "written" if cls.__init__.__code__.co_filename.endswith("_record_methods.py") else "standard",
        "doc": cls.__doc__, "signature": str(inspect.signature(cls)),
        "params": repr(cls.__dataclass_params__), "match_args": getattr(cls, "__match_args__", None),
        "fields": [(f.name, f.type, f.default is dataclasses.MISSING, f.default_factory is dataclasses.MISSING,
                    f.init, f.repr, f.compare, f.hash, f.kw_only) for f in dataclasses.fields(cls)], "slots": getattr(cls, "__slots__", None),
        "repr": repr(one), "eq": [one == same, one == other, one != same, one == "x"],
        "hash": attempt(lambda: hash(one) == hash(same)),
        "assign": attempt(lambda: setattr(one, first, 1)) if first else None,
        "delete": attempt(lambda: delattr(same, first)) if first else None,
        "replace": attempt(lambda: repr(dataclasses.replace(other, **({first: "c"} if first else {})))),
        "pickle": attempt(lambda: pickle.loads(pickle.dumps(other)) == other),
        "methods": sorted(name for name in vars(cls) if name.startswith("__")),
        "qualnames": [getattr(vars(cls).get(name), "__qualname__", None)
                      for name in ("__init__", "__repr__", "__eq__", "__hash__")],
        "class_values": {f.name: repr(getattr(cls, f.name, "absent")) for f in dataclasses.fields(cls)},
        "is_dataclass": [dataclasses.is_dataclass(cls), dataclasses.is_dataclass(one)],
        "asdict": attempt(lambda: dataclasses.asdict(other)),
        "copy": attempt(lambda: copy.copy(other) == other),
        "dict": hasattr(one, "__dict__"), "weakref": attempt(lambda: weakref.ref(one) is not None),
        "bases": [base.__qualname__ for base in cls.__mro__],
    }
print(json.dumps({"seen": seen, "waiting": waiting}))
'''


@functools.cache
def _observation(mode: str) -> dict[str, dict[str, Any]]:
    result = subprocess.run([sys.executable, "-c", OBSERVE, mode], capture_output=True, text=True,
                            cwd=PROJECT, check=True)
    observation: dict[str, dict[str, Any]] = json.loads(result.stdout)
    return observation


def _observed(mode: str) -> dict[str, dict[str, object]]:
    return copy.deepcopy(_observation(mode)["seen"])


def test_fields_are_made_when_first_asked() -> None:
    waiting = _observation("written")["waiting"]
    assert len(waiting) > 100
    assert {name for name, kind in waiting.items() if kind != "_Later"} == set()


def test_written_methods_are_current() -> None:
    result = subprocess.run([sys.executable, str(PROJECT / "tools" / "gen_records.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_class_uses_the_written_methods_and_behaves_as_a_dataclass() -> None:
    fast, standard = _observed("written"), _observed("standard")
    assert fast.keys() == standard.keys()
    assert len(fast) > 100
    assert [name for name, seen in fast.items() if seen["from"] != "written"] == []
    for name in fast:
        fast[name]["from"] = standard[name]["from"]
        assert fast[name] == standard[name], name


def test_a_declaration_that_changed_since_gets_the_standard_dataclass() -> None:
    from wsgilint.core import _record_methods
    from wsgilint.core.record import dataclass, field

    # Written with one field less than it has now (a field added without running the tool).
    key = f"{__name__}.{test_a_declaration_that_changed_since_gets_the_standard_dataclass.__name__}.<locals>.Grown"
    shape = (True, True, True, False, (("a", False, False, True, True, True, False),), True)
    _record_methods.METHODS[key] = (shape, None, lambda: (None, None, None, None))
    try:
        @dataclass(frozen=True, slots=True)
        class Grown:
            a: str
            b: list[str] = field(default_factory=list)
    finally:
        del _record_methods.METHODS[key]
    grown = Grown("x")
    assert repr(grown) == "test_a_declaration_that_changed_since_gets_the_standard_dataclass.<locals>.Grown(a='x', b=[])"
    assert grown == Grown("x", []) and Grown("x", ["y"]).b == ["y"] and Grown("x").b is not grown.b


def test_a_dataclass_made_on_a_written_one_sees_its_fields() -> None:
    import dataclasses

    from wsgilint.core.record import dataclass
    from wsgilint.core.span import Span

    # A subclass not written out: the standard dataclass reads Span's fields and frozen-ness.
    @dataclass(frozen=True, slots=True)
    class Marked(Span):
        mark: str = "m"

    assert [f.name for f in dataclasses.fields(Marked)] == ["path", "line", "column", "end_column", "mark"]
    marked = Marked("a.conf", 3)
    assert repr(marked).endswith("Marked(path='a.conf', line=3, column=0, end_column=0, mark='m')")
    assert dataclasses.replace(marked, mark="n").mark == "n"
    try:
        marked.line = 4    # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("assigned to a frozen field")
