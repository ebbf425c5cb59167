"""``dataclass`` and ``field`` for wsgilint's value types, without dataclass's start-up cost.

The standard ``dataclass`` compiles each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` (and a frozen class's ``__setattr__``, ``__delattr__``) from source with ``exec``
when the class is created: about 4 M instructions a class, some 300 M for the ~110 classes
a check loads, more than the rest of checking a small tree. The first four are written out
once, as plain Python, in ``_record_methods.py`` (``python tools/gen_records.py`` writes it
from the declarations; a test fails when it is stale), so they load compiled from the
``.pyc``; a frozen class's ``__setattr__`` and ``__delattr__`` are the two functions below.

A module declares its types as before, importing ``dataclass`` and ``field`` from here
instead of ``dataclasses``; type checkers see the standard ``dataclass``. At run time a
written-out class does not go through the standard ``dataclass`` either: its class
processing (each field's ``Field``, with the annotation read for ``ClassVar`` and
``InitVar``; for ``slots=True`` a second class) cost about 0.3 M instructions a class,
28 M for a check of a small tree. The class gets what dataclass gives it from its shape, written out with
its methods: ``__match_args__``, ``__slots__`` (the class made once more, with them, as
dataclass does), class attributes for defaults. What follows from the shape alone (the
methods' qualified names, ``__match_args__``, the fields' names) is written out too, and
``__init__``'s annotations are those dataclass gives, so loading a class sets none of them. Its ``__dataclass_fields__`` and
``__dataclass_params__`` are made by the standard ``dataclass`` from the declaration when
first asked (``_Later``), so ``dataclasses.fields``, ``replace``, ``asdict``,
``is_dataclass`` and pickling work unchanged; a check asks for two classes' (``Finding``
and ``Rule``, which it ``replace``s). A class whose declaration differs from what
the written module was made from (a field added, a default made a factory, other options)
is made by the standard ``dataclass`` entirely: slower to start, never wrong.
tests/test_records.py compares every class, and an object of it, with what the standard
``dataclass`` makes.
"""
from __future__ import annotations

import abc
import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import field as field  # the standard one: it only describes a field
from typing import TYPE_CHECKING, Any

from ._record_methods import METHODS

if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass

# What decides the written-out methods of a class: the options and, per field in the
# order of ``__init__``, whether it has a default or a factory and its ``init``, ``repr``,
# ``compare`` and ``kw_only``; whether the class has ``__post_init__``; whether it has slots
# (a frozen one's ``__init__`` then sets them through their setters).
Shape = tuple[Any, ...]

# Options the written-out methods stand in for; any other option is left to dataclass.
_OPTIONS = frozenset({"frozen", "eq", "repr", "slots", "kw_only"})

# Every class declared through ``dataclass`` here, in the order they were made, with its
# options and whether its body has a docstring: what tools/gen_records.py writes out.
declared: list[tuple[type, dict[str, Any], bool]] = []


def shape(made: type, options: dict[str, Any]) -> Shape:
    """The shape of a class made by the standard dataclass (see ``Shape``)."""
    return _shape(options, hasattr(made, "__post_init__"), _fields(made))


def _declared_shape(cls: type, options: dict[str, Any]) -> Shape:
    """The shape dataclass would make of ``cls``, read from its declaration: the fields of
    its dataclass bases, then its own annotations (dataclass's order where no field is
    declared twice; anything else, a ``ClassVar`` say, shows as a different shape)."""
    fields = {field[0]: field for base in cls.__mro__[-2:0:-1] for field in _fields(base)}
    kw_only = bool(options.get("kw_only", False))
    own = cls.__dict__
    for name in own.get("__annotations__", {}):
        value = own.get(name, dataclasses.MISSING)
        if isinstance(value, dataclasses.Field):
            fields[name] = (name, value.default is not dataclasses.MISSING,
                            value.default_factory is not dataclasses.MISSING, bool(value.init), bool(value.repr),
                            bool(value.compare), kw_only if value.kw_only is dataclasses.MISSING else bool(value.kw_only))
        else:
            fields[name] = (name, value is not dataclasses.MISSING, False, True, True, True, kw_only)
    return _shape(options, hasattr(cls, "__post_init__"), list(fields.values()))


def _shape(options: dict[str, Any], post_init: bool, fields: list[tuple[Any, ...]]) -> Shape:
    """``fields``: a tuple per field, its name and its six flags as bools."""
    return (bool(options.get("frozen", False)), bool(options.get("eq", True)), bool(options.get("repr", True)),
            post_init, tuple(fields), bool(options.get("slots", False)))


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


def _slot_setters(made: type, names: Iterable[str]) -> tuple[Callable[[object, object], None], ...]:
    """The setter of the slot of each of ``names`` (fields, in their order) of a class made
    with slots."""
    return tuple(getattr(made, name).__set__ for name in names)   # a slot seen on the class is its descriptor


# Pickling a frozen class with slots (what dataclass adds to one): ``--jobs`` workers send
# what they read back to the main process. The fields' names are looked up once per class:
# ``dataclasses.fields`` walks the class's fields on every call, for each of the objects a
# fleet's files and findings are sent as. Loading sets each field through its slot's setter,
# found once per class, as ``__init__`` does: ``object.__setattr__`` looked each name up
# again (a third of loading discovery's results).
def _getstate(self: object) -> list[object]:
    return [getattr(self, name) for name in _field_names(type(self))]


def _setstate(self: object, state: list[object]) -> None:
    cls = type(self)
    setters = _STATE_SETTERS.get(cls)
    if setters is None:
        setters = _STATE_SETTERS[cls] = _slot_setters(cls, _field_names(cls))
    for setter, value in zip(setters, state, strict=True):
        setter(self, value)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_STATE_SETTERS: dict[type, tuple[Callable[[object, object], None], ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


class _Later:
    """``__dataclass_fields__`` or ``__dataclass_params__`` of a class made here, until first
    asked (``dataclasses.fields``, ``replace``, ``asdict``, ``is_dataclass``, pickling a
    frozen class with slots): then both are made by the standard ``dataclass`` and replace
    their two placeholders on the class."""

    __slots__ = ("made", "name")

    def __init__(self, made: _Made, name: str) -> None:
        self.made = made
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> object:
        return self.made.complete()[self.name]


class _Made:
    """What a class made here was declared with: its annotations, the values its body gave
    its fields (a default or a ``field``), its options and its shape's fields."""

    __slots__ = ("cls", "annotations", "values", "options", "fields", "defaults")

    def __init__(self, annotations: dict[str, Any], values: dict[str, object], options: dict[str, Any],
                 fields: tuple[tuple[Any, ...], ...]) -> None:
        self.cls: type = object
        self.defaults: dict[str, object] = {}
        self.annotations, self.values, self.options, self.fields = annotations, values, options, fields

    def complete(self) -> dict[str, Any]:
        """Give the class the fields and parameters the standard ``dataclass`` makes of its
        declaration: it processes a bare class with the same fields (the bases' ``Field``
        objects, then the body's), without methods, so nothing is compiled."""
        cls = self.cls
        annotations: dict[str, Any] = {}
        namespace: dict[str, Any] = {"__annotations__": annotations, "__doc__": "-",
                                     "__module__": cls.__module__, "__qualname__": cls.__qualname__}
        for base in cls.__mro__[-1:0:-1]:
            for f in getattr(base, "__dataclass_fields__", {}).values():
                annotations[f.name], namespace[f.name] = f.type, f
        for name, annotation in self.annotations.items():
            annotations[name] = annotation
            namespace.pop(name, None)
            if self.values[name] is not dataclasses.MISSING:
                namespace[name] = self.values[name]
        bare: Any = dataclasses.dataclass(type(cls.__name__, (), namespace), init=False, repr=False, eq=False,
                                     match_args=False, kw_only=self.options.get("kw_only", False))
        params = bare.__dataclass_params__
        params.init, params.repr, params.eq, params.frozen = (
            True, self.options.get("repr", True), self.options.get("eq", True), self.options.get("frozen", False))
        made = {"__dataclass_fields__": bare.__dataclass_fields__, "__dataclass_params__": params}
        for name, value in made.items():
            setattr(cls, name, value)
        return made


def _fields(cls: type) -> list[tuple[Any, ...]]:
    """A dataclass's fields as in a shape: from what a class made here was declared with,
    without completing it, else from ``__dataclass_fields__``."""
    later = cls.__dict__.get("__dataclass_fields__")
    if isinstance(later, _Later):
        return list(later.made.fields)
    return [(f.name, f.default is not dataclasses.MISSING, f.default_factory is not dataclasses.MISSING,
             bool(f.init), bool(f.repr), bool(f.compare), bool(f.kw_only))
            for f in getattr(cls, "__dataclass_fields__", {}).values()]


def _made(cls: type, options: dict[str, Any]) -> type:
    written = METHODS.get(f"{cls.__module__}.{cls.__qualname__}")
    own = dict(cls.__dict__)
    documented = bool(own.get("__doc__"))
    if (written is None or not options.keys() <= _OPTIONS or "__slots__" in own
            or _declared_shape(cls, options) != written[0]):
        # Not written out, or written from another declaration: the standard dataclass.
        made: type = dataclasses.dataclass(cls, **options)
        declared.append((made, options, documented))
        return made
    # What follows from the shape (its options, its fields' names, the fields with a default
    # or factory, ``__match_args__``) is written out with the methods.
    (frozen, eq, _, _, fields, slotted), doc, methods, given, match_args, names = written
    annotations = own.get("__annotations__", {})
    values = {name: own.get(name, dataclasses.MISSING) for name in annotations}
    record = _Made(annotations, values, options, fields)
    added: dict[str, Any] = {"__dataclass_params__": _Later(record, "__dataclass_params__"),
                             "__dataclass_fields__": _Later(record, "__dataclass_fields__")}
    if not documented:
        added["__doc__"] = doc    # what dataclass writes from the signature, with inspect
    record.defaults = defaults = _defaults(cls, values)
    written_methods = methods(*[defaults[name] for name in given])
    # A frozen class with slots: its ``__init__`` sets each field through the setter of its
    # slot, handed to ``_bind`` once the class is made (the slots exist only then).
    bind = written_methods.pop("_bind", None)
    # As dataclass: a method the class body defines stays; so does its ``__hash__``, unless
    # it is the None that Python sets for a body that defines ``__eq__`` alone.
    for name, method in written_methods.items():
        if name not in own:
            added[name] = method
    if eq and not frozen and not ("__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)):
        added["__hash__"] = None
    if frozen:
        added["__setattr__"], added["__delattr__"] = _frozen_setattr, _frozen_delattr
    if "__match_args__" not in own:
        added["__match_args__"] = match_args
    if slotted:
        # As dataclass: a new class, with a slot per field its bases have none for.
        bases = cls.__mro__[1:-1]
        inherited = {slot for base in bases for slot in _slots(base)} if bases else ()
        for name in names:
            own.pop(name, None)
        own.pop("__dict__", None)
        own.pop("__weakref__", None)
        own.update(added)
        own["__slots__"] = tuple(name for name in names if name not in inherited) if inherited else names
        own["__qualname__"] = cls.__qualname__
        if frozen:
            own.setdefault("__getstate__", _getstate)
            own.setdefault("__setstate__", _setstate)
        made = type(cls)(cls.__name__, cls.__bases__, own)
        if bind is not None:
            bind(_slot_setters(made, names))
    else:
        made = cls
        for name, value in values.items():
            if isinstance(value, dataclasses.Field):    # as dataclass: the default, or no attribute
                if value.default is dataclasses.MISSING:
                    delattr(made, name)
                else:
                    setattr(made, name, value.default)
        for name, method in added.items():
            setattr(made, name, method)
    record.cls = made
    abc.update_abstractmethods(made)
    declared.append((made, options, documented))
    return made


def _defaults(cls: type, values: dict[str, object]) -> dict[str, object]:
    """The defaults and factories of a class's fields by name, the bases' then the body's."""
    found: dict[str, object] = {}
    for base in cls.__mro__[-2:0:-1]:
        later = base.__dict__.get("__dataclass_fields__")
        if isinstance(later, _Later):
            found.update(later.made.defaults)
        elif later is not None:
            found.update((f.name, f.default if f.default is not dataclasses.MISSING else f.default_factory)
                         for f in later.values())
    for name, value in values.items():
        if isinstance(value, dataclasses.Field):
            found[name] = value.default_factory if value.default is dataclasses.MISSING else value.default
        elif value is not dataclasses.MISSING:
            found[name] = value
    return found


def _slots(cls: type) -> tuple[str, ...]:
    """The slots a class declares itself (dataclass's ``_get_slots``)."""
    slots = cls.__dict__.get("__slots__", ())
    return (slots,) if isinstance(slots, str) else tuple(slots)


if not TYPE_CHECKING:
    def dataclass(cls=None, /, **options):
        """The standard ``dataclass``, its methods compiled ahead (see the module's text)."""
        if cls is None:
            return lambda cls: _made(cls, options)
        return _made(cls, options)
