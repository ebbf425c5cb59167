"""Static evaluation of a Gunicorn config's module-level expressions, never running them.

Only what is fixed in the text is evaluated: literals, arithmetic and comparisons on
them, f-strings, a few pure builtins and string methods, and names bound to such values
earlier in the module. Anything else raises ``Unknown``: the value is computed when
Gunicorn runs the file. Results are bounded in size, so a config cannot make wsgilint
build a huge value (``"x" * 10 ** 9``).
"""
from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

from ...core.environment import Environment

# The name Gunicorn gives the module it executes; `if __name__ == "__main__":` never runs.
_MODULE_NAME = "__config__"


class Unknown(Exception):
    """The expression depends on run time (or is too big to evaluate here)."""


class Fails(Unknown):
    """Evaluating the expression fails in Python itself: its result cannot fit in memory."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


MAX_SIZE = 100_000
MAX_STEPS = 500_000
# No process can allocate more: user space is 128 TiB on x86-64 and arm64 (4-level pages).
_ADDRESS_SPACE = 1 << 47
# An int of more bits has over 4300 decimal digits, which Python's str() refuses to write.
_PRINTABLE_BITS = 14_000
_BIN_OPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
    ast.BitOr: operator.or_, ast.BitAnd: operator.and_, ast.BitXor: operator.xor,
    ast.LShift: operator.lshift, ast.RShift: operator.rshift,
}
_COMPARE_OPS: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_, ast.IsNot: operator.is_not,
}
_UNARY_OPS: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_, ast.Invert: operator.invert,
}
_PURE_BUILTINS: dict[str, Callable[..., Any]] = {
    "int": int, "str": str, "float": float, "bool": bool, "min": min, "max": max, "abs": abs,
}
_LITERAL_TYPES = (str, bytes, int, float, complex, bool, type(None), list, tuple, dict, set, frozenset)


def _flat_size(value: Any) -> int:
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, int):
        return value.bit_length() // 8
    return 1


def _digits_over(text: str, limit: int) -> bool:
    """Does a number written in ``text`` exceed ``limit`` (a width or precision in a format)?"""
    return any(len(digits) > len(str(limit)) or int(digits) > limit for digits in re.findall(r"\d+", text))


class Evaluator:
    """Evaluates literal expressions; names resolve to earlier unconditional literal bindings."""

    def __init__(self, names: dict[str, Any], shadowed: set[str], modules: dict[str, str] | None = None,
                 env: Mapping[str, str] | None = None) -> None:
        self.names = names
        self.shadowed = shadowed
        # Imported names and what they are (``os``, ``environ`` -> ``os.environ``), and the
        # environment the process manager gives: ``os.environ.get("BIND", "x")`` reads it.
        self.modules = modules if modules is not None else {}
        self.env = env if env is not None else {}
        self.steps = MAX_STEPS    # left for the whole module

    def __call__(self, node: ast.AST) -> Any:
        value = self.eval(node)
        self.bounded(self.size(value))
        if isinstance(value, int) and value.bit_length() > _PRINTABLE_BITS:
            raise Unknown   # no message could show it: Python refuses to print it
        return value

    def charge(self, steps: int) -> None:
        self.steps -= steps
        if self.steps < 0:
            raise Unknown

    @staticmethod
    def bounded(size: int) -> None:
        """Refuse a value of this (predicted) size."""
        if size >= _ADDRESS_SPACE:
            raise Fails(size)
        if size > MAX_SIZE:
            raise Unknown

    def size(self, value: Any) -> int:
        """The deep size of a value, counted until it passes MAX_SIZE; each item counted is a step."""
        total = 0
        pending = [value]
        while pending and total <= MAX_SIZE:
            item = pending.pop()
            self.charge(1)
            total += _flat_size(item)
            if isinstance(item, dict):
                pending.extend(item.keys())
                pending.extend(item.values())
            elif isinstance(item, (list, tuple, set, frozenset)):
                pending.extend(item)
        return total

    def eval(self, node: ast.AST) -> Any:
        self.charge(1)
        method = _METHODS.get(type(node))
        if method is None:
            raise Unknown
        return method(self, node)

    def _constant(self, node: ast.Constant) -> Any:
        return node.value

    def _name(self, node: ast.Name) -> Any:
        if node.id == "__name__" and node.id not in self.shadowed:
            return _MODULE_NAME
        if node.id in self.names:
            value = self.names[node.id]
            self.bounded(self.size(value))   # charges the copy
            return copy_value(value)
        raise Unknown

    def _list(self, node: ast.List) -> list[Any]:
        return [self(item) for item in self._items(node.elts)]

    def _tuple(self, node: ast.Tuple) -> tuple[Any, ...]:
        return tuple(self(item) for item in self._items(node.elts))

    def _set(self, node: ast.Set) -> set[Any]:
        return {self(item) for item in self._items(node.elts)}

    def _dict(self, node: ast.Dict) -> dict[Any, Any]:
        if any(key is None for key in node.keys):
            raise Unknown
        return {self(key): self(value) for key, value in zip(node.keys, node.values, strict=True) if key is not None}

    def _items(self, items: list[ast.expr]) -> list[ast.expr]:
        if any(isinstance(item, ast.Starred) for item in items):
            raise Unknown
        return items

    def _unary_op(self, node: ast.UnaryOp) -> Any:
        operand = self(node.operand)
        return self._apply(_UNARY_OPS[type(node.op)], operand)

    def _bin_op(self, node: ast.BinOp) -> Any:
        left, right = self(node.left), self(node.right)
        op = type(node.op)
        if op not in _BIN_OPS:
            raise Unknown
        self.bounded(self._predicted(op, left, right))
        return self._apply(_BIN_OPS[op], left, right)

    def _predicted(self, op: type, left: Any, right: Any) -> int:
        """The size of ``left op right``, known before computing it (0: no more than the operands)."""
        if type(left) is bool or type(right) is bool:   # True ** n, [x] * True: as 1
            left, right = (int(v) if type(v) is bool else v for v in (left, right))
        if op is ast.Pow and isinstance(left, int) and isinstance(right, int) and right > 0:
            return max(left.bit_length() - 1, 1) * right // 8 if abs(left) > 1 else 0
        if op is ast.LShift and isinstance(left, int) and isinstance(right, int) and left:
            return (left.bit_length() + right) // 8
        if op is ast.Mult:
            for sequence, count in ((left, right), (right, left)):
                if isinstance(count, int) and not isinstance(sequence, (int, float, complex)):
                    return self.size(sequence) * max(count, 0)
        if op is ast.Mod and isinstance(left, str) and (_digits_over(left, MAX_SIZE) or "*" in left and any(
                isinstance(arg, int) and arg > MAX_SIZE for arg in (right if isinstance(right, tuple) else (right,)))):
            raise Unknown   # a width or precision that pads to megabytes
        return 0

    def _bool_op(self, node: ast.BoolOp) -> Any:
        value = None
        for operand in node.values:
            value = self(operand)
            if isinstance(node.op, ast.And) and not value or isinstance(node.op, ast.Or) and value:
                return value
        return value

    def _compare(self, node: ast.Compare) -> bool:
        left = self(node.left)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = self(comparator)
            if not self._apply(_COMPARE_OPS[type(op)], left, right):
                return False
            left = right
        return True

    def _if_exp(self, node: ast.IfExp) -> Any:
        return self(node.body) if self(node.test) else self(node.orelse)

    def _joined_str(self, node: ast.JoinedStr) -> str:
        return "".join(self(part) for part in node.values)

    def _formatted_value(self, node: ast.FormattedValue) -> Any:
        value = self(node.value)
        conversions: dict[int, Callable[[Any], Any]] = {-1: lambda v: v, 115: str, 114: repr, 97: ascii}
        conversion = conversions[node.conversion]
        spec = self(node.format_spec) if node.format_spec is not None else ""
        if isinstance(spec, str) and _digits_over(spec, MAX_SIZE):
            raise Unknown   # a width that pads to megabytes
        return self._apply(format, conversion(value), spec)

    def _dotted(self, node: ast.expr) -> str | None:
        """``os.environ.get`` for a call's function, through the names imports bound."""
        words: list[str] = []
        while isinstance(node, ast.Attribute):
            words.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id not in self.modules:
            return None
        return ".".join([self.modules[node.id], *reversed(words)])

    def _environment(self, node: ast.Call) -> Any:
        """``os.environ.get(NAME, DEFAULT)`` / ``os.getenv(NAME, DEFAULT)``: the manager's value
        when it sets one, else the default (without a default the value is run time's)."""
        args = self._items(node.args)
        if node.keywords or not 1 <= len(args) <= 2:
            raise Unknown
        name = self(args[0])
        if not isinstance(name, str):
            raise Unknown
        if name in self.env:
            return self.env[name]
        if isinstance(self.env, Environment) and self.env.is_open(name):
            raise Unknown   # something the files do not show may set it: the default may not apply
        default = self(args[1]) if len(args) == 2 else None
        if default is None:
            raise Unknown   # None (the variable unset) is never what a deployment means to run with
        return default

    def _call(self, node: ast.Call) -> Any:
        if self._dotted(node.func) in ("os.environ.get", "os.getenv"):
            return self._environment(node)
        if isinstance(node.func, ast.Name) and node.func.id in _PURE_BUILTINS \
                and node.func.id not in self.shadowed and not node.keywords:
            args = [self(arg) for arg in self._items(node.args)]
            return self._apply(_PURE_BUILTINS[node.func.id], *args)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join", "strip", "lower", "upper") \
                and isinstance(node.func.value, (ast.Constant, ast.Name, ast.JoinedStr)) and not node.keywords:
            target = self(node.func.value)
            if not isinstance(target, str):
                raise Unknown
            args = [self(arg) for arg in self._items(node.args)]
            if node.func.attr == "format" and re.search(r"\{[^{}]*[.\[]", target):
                raise Unknown  # attribute or item access inside the format string
            if node.func.attr == "format" and (_digits_over(target, MAX_SIZE) or re.search(
                    r"\{[^{}]*\{", target) and any(isinstance(arg, int) and arg > MAX_SIZE for arg in args)):
                raise Unknown  # a width, given or nested (``{:{}}``), that pads to megabytes
            if node.func.attr == "join" and args:
                parts = args[0] if isinstance(args[0], (list, tuple, set, frozenset, dict, str)) else ()
                self.bounded(self.size(parts) + len(target) * len(parts))
            return self._apply(getattr(target, node.func.attr), *args)
        raise Unknown

    @staticmethod
    def _apply(function: Callable[..., Any], *args: Any) -> Any:
        if not all(isinstance(arg, _LITERAL_TYPES) for arg in args):
            raise Unknown
        try:
            result = function(*args)
        except Exception:  # noqa: BLE001 -- the same expression would fail when Gunicorn runs it
            raise Unknown from None
        if not isinstance(result, _LITERAL_TYPES):
            raise Unknown
        return result


# Every expression kind that may be evaluated; any other kind is Unknown. A table of the
# class's functions, not of one evaluator's bound methods: those would make each evaluator
# a reference cycle, garbage only the collector frees.
_METHODS: dict[type[ast.AST], Callable[[Evaluator, Any], Any]] = {
    ast.Constant: Evaluator._constant, ast.Name: Evaluator._name, ast.List: Evaluator._list,
    ast.Tuple: Evaluator._tuple, ast.Set: Evaluator._set, ast.Dict: Evaluator._dict,
    ast.UnaryOp: Evaluator._unary_op, ast.BinOp: Evaluator._bin_op, ast.BoolOp: Evaluator._bool_op,
    ast.Compare: Evaluator._compare, ast.IfExp: Evaluator._if_exp, ast.JoinedStr: Evaluator._joined_str,
    ast.FormattedValue: Evaluator._formatted_value, ast.Call: Evaluator._call,
}


def copy_value(value: Any) -> Any:
    if isinstance(value, list):
        return [copy_value(item) for item in value]
    if isinstance(value, dict):
        return {key: copy_value(item) for key, item in value.items()}
    if isinstance(value, set):
        return set(value)
    return value

