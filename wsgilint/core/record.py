"""``dataclass`` and ``field`` for wsgilint's value types, without dataclass's start-up cost.

The standard ``dataclass`` compiles each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` (and a frozen class's ``__setattr__``, ``__delattr__``) from source with ``exec``
when the class is created: about 4 M instructions a class, some 300 M for the ~110 classes
a check loads, more than the rest of checking a small tree. The first four are written out
once, as plain Python, in ``_record_methods.py`` (``python tools/gen_records.py`` writes it
from the declarations; a test fails when it is stale), so they load compiled from the
``.pyc``; a frozen class's ``__setattr__`` and ``__delattr__`` are the two functions below.

A module declares its types as before, importing ``dataclass`` and ``field`` from here
instead of ``dataclasses``; type checkers see the standard ``dataclass``. At run time the
class still goes through the standard ``dataclass`` for what it does without ``exec`` (its
fields, ``__slots__``, ``__match_args__``), so ``dataclasses.fields``, ``replace``,
``is_dataclass`` and pickling work unchanged. A class whose declaration differs from what
the written module was made from (a field added, a default made a factory, other options)
is made by the standard ``dataclass`` entirely: slower to start, never wrong.
tests/test_records.py compares every class, and an object of it, with what the standard
``dataclass`` makes.
"""
from __future__ import annotations

import dataclasses
from dataclasses import field as field  # the standard one: it only describes a field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass

# What decides the written-out methods of a class: the options and, per field in the
# order of ``__init__``, whether it has a default or a factory and its ``init``, ``repr``,
# ``compare`` and ``kw_only``; whether the class has ``__post_init__``.
Shape = tuple[Any, ...]

# Options the written-out methods stand in for; any other option is left to dataclass.
_OPTIONS = frozenset({"frozen", "eq", "repr", "slots", "kw_only"})

# Every class declared through ``dataclass`` here, in the order they were made, with its
# options and whether its body has a docstring: what tools/gen_records.py writes out.
declared: list[tuple[type, dict[str, Any], bool]] = []


def shape(made: type, options: dict[str, Any]) -> Shape:
    """The shape of a class made by the standard dataclass (see ``Shape``)."""
    fields = made.__dataclass_fields__    # type: ignore[attr-defined]
    return _shape(options, hasattr(made, "__post_init__"), [
        (f.name, f.default is not dataclasses.MISSING, f.default_factory is not dataclasses.MISSING,
         f.init, f.repr, f.compare, f.kw_only) for f in fields.values()])


def _declared_shape(cls: type, options: dict[str, Any]) -> Shape:
    """The shape dataclass would make of ``cls``, read from its declaration: the fields of
    its dataclass bases, then its own annotations (dataclass's order where no field is
    declared twice; anything else, a ``ClassVar`` say, shows as a different shape)."""
    fields = [(f.name, f.default is not dataclasses.MISSING, f.default_factory is not dataclasses.MISSING,
               f.init, f.repr, f.compare, f.kw_only)
              for base in cls.__mro__[-1:0:-1] for f in getattr(base, "__dataclass_fields__", {}).values()]
    kw_only = options.get("kw_only", False)
    for name in cls.__dict__.get("__annotations__", {}):
        value = cls.__dict__.get(name, dataclasses.MISSING)
        if isinstance(value, dataclasses.Field):
            fields.append((name, value.default is not dataclasses.MISSING,
                           value.default_factory is not dataclasses.MISSING, value.init, value.repr,
                           value.compare, kw_only if value.kw_only is dataclasses.MISSING else value.kw_only))
        else:
            fields.append((name, value is not dataclasses.MISSING, False, True, True, True, kw_only))
    return _shape(options, hasattr(cls, "__post_init__"), fields)


def _shape(options: dict[str, Any], post_init: bool, fields: list[tuple[Any, ...]]) -> Shape:
    return (bool(options.get("frozen", False)), bool(options.get("eq", True)), bool(options.get("repr", True)),
            post_init, tuple((name, *(bool(flag) for flag in flags)) for name, *flags in fields))


def defaults(made: type) -> list[object]:
    """The defaults and factories of a made class, in field order: what the written-out
    ``methods`` function of the class is called with."""
    found: list[object] = []
    for f in made.__dataclass_fields__.values():    # type: ignore[attr-defined]
        if f.default is not dataclasses.MISSING:
            found.append(f.default)
        elif f.default_factory is not dataclasses.MISSING:
            found.append(f.default_factory)
    return found


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


# Pickling a frozen class with slots (what dataclass adds to one): ``--jobs`` workers send
# what they read back to the main process.
def _getstate(self: object) -> list[object]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]    # type: ignore[arg-type]


def _setstate(self: object, state: list[object]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=True):    # type: ignore[arg-type]
        object.__setattr__(self, f.name, value)


def _made(cls: type, options: dict[str, Any]) -> type:
    from ._record_methods import METHODS

    written = METHODS.get(f"{cls.__module__}.{cls.__qualname__}")
    documented = bool(cls.__doc__)
    if written is None or not options.keys() <= _OPTIONS or _declared_shape(cls, options) != written[0]:
        # Not written out, or written from another declaration: the standard dataclass.
        made: type = dataclasses.dataclass(cls, **options)
        declared.append((made, options, documented))
        return made
    frozen, eq, show = options.get("frozen", False), options.get("eq", True), options.get("repr", True)
    if not documented:
        cls.__doc__ = written[1]    # what dataclass writes from the signature, with inspect
    made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=options.get("slots", False),
                                 kw_only=options.get("kw_only", False))
    declared.append((made, options, documented))
    own = made.__dict__
    # As dataclass: a method the class body defines stays; so does its ``__hash__``, unless
    # it is the None that Python sets for a body that defines ``__eq__`` alone.
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    init, represent, equal, hashed = written[2](*defaults(made))
    init.__annotations__["return"] = None    # dataclass's; the written module keeps annotations as text
    methods: dict[str, Any] = {}
    for name, method in (("__init__", init), ("__repr__", represent if show else None),
                         ("__eq__", equal if eq else None), ("__hash__", hashed if eq and frozen else None)):
        if method is not None and name not in own:
            method.__qualname__ = f"{made.__qualname__}.{name}"
            methods[name] = method
    if eq and not frozen and not explicit_hash:
        methods["__hash__"] = None
    if frozen:
        methods.update(__setattr__=_frozen_setattr, __delattr__=_frozen_delattr)
        if options.get("slots", False):
            methods.update(__getstate__=_getstate, __setstate__=_setstate)
    for name, method in methods.items():
        setattr(made, name, method)
    params = made.__dataclass_params__    # type: ignore[attr-defined]
    params.init, params.repr, params.eq, params.frozen = True, show, eq, frozen
    return made


if not TYPE_CHECKING:
    def dataclass(cls=None, /, **options):
        """The standard ``dataclass``, its methods compiled ahead (see the module's text)."""
        if cls is None:
            return lambda cls: _made(cls, options)
        return _made(cls, options)
