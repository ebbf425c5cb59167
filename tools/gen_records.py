"""Write wsgilint/core/_record_methods.py: the methods the standard ``dataclass`` would
compile with ``exec`` for each class declared through ``wsgilint.core.record``, as plain
Python, so they load from the ``.pyc`` (see wsgilint/core/record.py).

    python tools/gen_records.py          # write
    python tools/gen_records.py --check  # exit 1 when the written file is stale

A class with a ``ClassVar`` or ``InitVar`` annotation (in ``__dataclass_fields__`` but
not a field) is left out: record.py makes the rest of a class (``__slots__``,
``__match_args__``) from the fields of its shape, so it stays with the standard
``dataclass``.

The methods are those of Python 3.11's dataclasses: ``__init__`` (``object.__setattr__`` for
frozen classes, or for one with slots each slot's setter, which does the same; defaults and ``default_factory`` as given, ``__post_init__`` called),
``__repr__`` guarded against recursion, ``__eq__`` comparing the tuples of the compared
fields of two objects of one class, ``__hash__`` hashing that tuple.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import wsgilint  # noqa: E402
from wsgilint.core import _record_methods, record  # noqa: E402

TARGET = PROJECT / "wsgilint" / "core" / "_record_methods.py"

HEAD = '''"""Written by tools/gen_records.py from the classes declared through wsgilint.core.record;
do not edit (run ``python tools/gen_records.py`` after changing a declaration).

For each class, by module and name: its shape (what the methods below depend on), the text
dataclass gives it as ``__doc__`` when it has none, a function that makes its ``__init__``,
``__repr__``, ``__eq__`` and ``__hash__`` (those its options ask for, by name) from its
defaults and factories, the fields that have one, its ``__match_args__`` and its fields'
names."""
# Over 400 lines on purpose: it is generated, one short block per class.
# ruff: noqa
# mypy: ignore-errors
# Without ``from __future__ import annotations``: the annotations are written as the strings
# dataclass gives ``__init__`` (with ``"return": None``), so none is set on load.
from collections.abc import Callable
from reprlib import recursive_repr
from typing import Any

_set = object.__setattr__


class _Factory:
    def __repr__(self):
        return "<factory>"


_FACTORY = _Factory()    # the default of a field made by a factory
'''


def _methods(index: int, made: type, options: dict[str, Any]) -> list[str]:
    fields = list(made.__dataclass_fields__.values())    # type: ignore[attr-defined]
    frozen, eq, show = (options.get(option, default) for option, default in
                        (("frozen", False), ("eq", True), ("repr", True)))
    # A frozen class with slots sets each field through its slot's own setter (record.py
    # hands them to ``_bind`` once the class is made): a call, where ``object.__setattr__``
    # would look the slot up by name for each field of each object.
    by_slot = frozen and options.get("slots", False)
    given = [f for f in fields if f.default is not MISSING or f.default_factory is not MISSING]
    names = {f.name: f"_d{n}" if f.default is not MISSING else f"_f{n}" for n, f in enumerate(given)}
    params: list[str] = ["self"]
    keywords: list[str] = []
    body: list[str] = []
    for number, f in enumerate(fields):
        if f.init:
            annotation = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", repr(f.type))
            param = f"{f.name}: {annotation!r}"
            if f.default is not MISSING:
                param += f" = {names[f.name]}"
            elif f.default_factory is not MISSING:
                param += " = _FACTORY"
            (keywords if f.kw_only else params).append(param)
            value = f"{names[f.name]}() if {f.name} is _FACTORY else {f.name}" \
                if f.default_factory is not MISSING else f.name
        elif f.default_factory is not MISSING:
            value = f"{names[f.name]}()"
        elif f.default is not MISSING:
            value = names[f.name]
        else:
            continue
        if by_slot:
            body.append(f"_s{number}(self, {value})")
        else:
            body.append(f"_set(self, {f.name!r}, {value})" if frozen else f"self.{f.name} = {value}")
    if hasattr(made, "__post_init__"):
        body.append("self.__post_init__()")
    if keywords:
        params += ["*", *keywords]
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
    compared = "".join(f"self.{f.name}," for f in fields if f.compare)
    other = "".join(f"other.{f.name}," for f in fields if f.compare)
    setters = [f"_s{number}" for number in range(len(fields))] if by_slot else []
    lines = [
        f"def _m{index}({', '.join(names.values())}):",
        *([f"    {' = '.join(setters)} = None"] if setters else []),
        f"    def __init__({', '.join(params)}) -> None:",
        *(f"        {line}" for line in body or ["pass"]),
    ]
    if setters:
        lines += [
            "",
            "    def _bind(setters):",
            f"        nonlocal {', '.join(setters)}",
            f"        {', '.join(setters)}, = setters",
        ]
    if show:
        lines += [
            "",
            "    @recursive_repr()",
            "    def __repr__(self):",
            f"        return self.__class__.__qualname__ + f\"({shown})\"",
        ]
    if eq:
        lines += [
            "",
            "    def __eq__(self, other):",
            "        if other.__class__ is self.__class__:",
            f"            return ({compared}) == ({other})",
            "        return NotImplemented",
        ]
    if eq and frozen:
        lines += [
            "",
            "    def __hash__(self):",
            f"        return hash(({compared}))",
        ]
    made_here = ["__init__", *(["__repr__"] if show else []), *(["__eq__"] if eq else []),
                 *(["__hash__"] if eq and frozen else [])]
    returned = [*made_here, *(["_bind"] if setters else [])]
    return [*lines, "", *(f"    {name}.__qualname__ = {made.__qualname__ + '.' + name!r}" for name in made_here),
            f"    return {{{', '.join(f'{name!r}: {name}' for name in returned)}}}"]


def _doc(made: type, lines: list[str]) -> str:
    """dataclass's text for a class without a docstring: its name and its ``__init__``'s
    signature, which the written function has."""
    namespace: dict[str, Any] = {}
    # Compiled without this file's ``from __future__ import annotations``, as the written one.
    exec(compile("\n".join([HEAD, *lines]), str(TARGET), "exec", dont_inherit=True), namespace)    # noqa: S102
    init = namespace[lines[0].split("(")[0][4:]](*record.defaults(made))["__init__"]
    signature = inspect.signature(init)
    signature = signature.replace(parameters=list(signature.parameters.values())[1:],
                                  return_annotation=inspect.Signature.empty)
    return made.__name__ + str(signature)


def generated() -> str:
    # Every class made by the standard dataclass, so that a written file of an older form
    # (or a stale one) has no part in what is written.
    _record_methods.METHODS.clear()
    for info in pkgutil.walk_packages(wsgilint.__path__, "wsgilint."):
        importlib.import_module(info.name)
    blocks, entries = [HEAD], []
    declared = sorted(record.declared, key=lambda entry: f"{entry[0].__module__}.{entry[0].__qualname__}")
    declared = [entry for entry in declared if len(fields(entry[0])) == len(entry[0].__dataclass_fields__)]    # type: ignore[attr-defined]
    for index, (made, options, documented) in enumerate(declared):
        lines = _methods(index, made, options)
        doc = None if documented else _doc(made, lines)
        blocks.append("\n" + "\n".join(lines) + "\n")
        key = f"{made.__module__}.{made.__qualname__}"
        shape = record.shape(made, options)
        given = tuple(name for name, default, factory, *_ in shape[4] if default or factory)
        match_args = tuple(name for name, _, _, init, _, _, kw_only in shape[4] if init and not kw_only)
        names = tuple(name for name, *_ in shape[4])
        entries.append(f"    {key!r}: ({shape!r}, {doc!r}, _m{index}, {given!r}, {match_args!r}, {names!r}),")
    return ("\n".join(blocks) + "\n\nMETHODS: dict[str, tuple[Any, str | None, Callable[..., dict[str, Any]], "
            "tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {\n" + "\n".join(entries) + "\n}\n")


def main() -> int:
    text = generated()
    if "--check" in sys.argv:
        if not TARGET.exists() or TARGET.read_text() != text:
            print(f"stale: {TARGET.relative_to(PROJECT)} (run python tools/gen_records.py)")
            return 1
        return 0
    TARGET.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
