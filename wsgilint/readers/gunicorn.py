"""Gunicorn: config modules read with ``ast`` (never imported), command lines, GUNICORN_CMD_ARGS.

Gunicorn executes its config file as a module and keeps every module-level name that
is exactly (case-sensitively) a setting name, passing the value through that setting's
validator; other names are ignored without a word. wsgilint parses the module instead
and follows the module-level statements in order, evaluating only what is fixed in the
text (literals, arithmetic on them, names bound to them earlier); everything else is
recorded as computed at run time. The command line is parsed with argparse's own rules
(abbreviated long flags, ``-bVALUE``, ``--bind=VALUE``, grouped short flags).
"""
from __future__ import annotations

import ast
import ipaddress
import json
import operator
import re
import shlex
import warnings
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable

from ..core.context import ReadContext
from ..core.option import Option
from ..core.span import Problem, Span

_TABLE = json.loads(resources.files(__package__).joinpath("gunicorn_settings.json").read_text("utf-8"))
GUNICORN_VERSION: str = _TABLE["gunicorn_version"]
SETTINGS: dict[str, dict[str, Any]] = _TABLE["settings"]

# The name Gunicorn gives the module it executes; `if __name__ == "__main__":` never runs.
_MODULE_NAME = "__config__"


@dataclass(frozen=True, slots=True)
class Hook:
    """A function bound at module level: a server hook when its name is a setting."""

    name: str
    arity: int | None          # positional parameters, as gunicorn.util.get_arity counts them
    at: Span
    decorated: bool = False    # a decorator may replace the function: arity unknown


@dataclass
class GunicornConfig:
    path: str                                                  # as shown in findings
    options: list[Option] = field(default_factory=list)        # setting names bound, in execution order
    other_names: list[Option] = field(default_factory=list)    # assigned names that are not settings
    annotations: list[Option] = field(default_factory=list)    # ``name: value`` without ``=``: sets nothing
    functions: list[Hook] = field(default_factory=list)        # every module-level def / lambda
    imports: list[str] = field(default_factory=list)           # module names imported at module level
    problems: list[Problem] = field(default_factory=list)


@dataclass
class GunicornCommand:
    """A parsed Gunicorn command line (the arguments after the program name)."""

    options: list[Option] = field(default_factory=list)   # one per setting given, its final value
    app: str | None = None                                 # the WSGI app, ``module:callable``
    positionals: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, key: str) -> Option | None:
        for option in self.options:
            if option.key == key:
                return option
        return None


# ---------------------------------------------------------------------------------------
# Validators: what Gunicorn's Setting.set() turns a value into, or why it refuses it.

class InvalidValue(ValueError):
    pass


def _pos_int(value: Any) -> int:
    if isinstance(value, int):
        number = int(value)
    elif isinstance(value, str):
        try:
            number = int(value, 0)
        except ValueError:
            raise InvalidValue(f"invalid literal for int() with base 0: {value!r}") from None
    else:
        raise InvalidValue("int() can't convert non-string with explicit base")
    if number < 0:
        raise InvalidValue(f"Value must be positive: {number}")
    return number


def _ranged_int(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        number = _pos_int(value)
        if not low <= number <= high:
            raise InvalidValue(f"must be between {low} and {high}, got {number}")
        return number
    return check


def _bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise InvalidValue(f"Invalid type for casting: {value}")
    word = value.lower().strip()
    if word in ("true", "false"):
        return word == "true"
    raise InvalidValue(f"Invalid boolean: {value}")


def _string(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidValue(f"Not a string: {value}")
    return value.strip()


def _list_string(value: Any) -> list:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset, dict)):
        raise InvalidValue(f"'{type(value).__name__}' object is not iterable")
    return [_string(item) for item in value]


def _string_to_list(value: Any) -> list[str]:
    text = _string(value)
    if not text:
        return []
    return [item.strip() for item in text.split(",") if item]


def _string_to_addr_list(value: Any) -> list[str]:
    items = _string_to_list(value)
    for item in items:
        if item != "*":
            try:
                ipaddress.ip_network(item)
            except ValueError as error:
                raise InvalidValue(str(error)) from None
    return items


def _dict(value: Any) -> dict:
    if not isinstance(value, dict):
        raise InvalidValue(f"Value is not a dictionary: {value} ")
    return value


def _user_or_group(value: Any) -> Any:
    # Names are looked up on the target host when Gunicorn starts; keep them as written.
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        if not value.isdigit():
            return value
        try:    # "²" is a digit to isdigit() but no number to int(): Gunicorn fails the same way
            return int(value)
        except ValueError as error:
            raise InvalidValue(str(error)) from None
    raise InvalidValue(f"'{type(value).__name__}' object has no attribute 'isdigit'")


def _class(value: Any) -> Any:
    return _string(value)


def _callable(value: Any) -> Any:
    if isinstance(value, str):
        if "." not in value:
            raise InvalidValue(f"Value '{value}' is not import string. Format: module[.submodules...].object")
        return value
    raise InvalidValue(f"Value is not callable: {value}")


def _choice(choices: dict[str, str], none: Any, message: str, *, accept_bool: dict[bool, str] | None = None):
    def check(value: Any) -> Any:
        if value is None:
            return none
        if accept_bool is not None and isinstance(value, bool):
            return accept_bool[value]
        if not isinstance(value, str):
            raise InvalidValue(f"Invalid type for casting: {value}")
        word = value.lower().strip()
        if word not in choices:
            raise InvalidValue(f"{message}: {value}")
        return choices[word]
    return check


def _same(*words: str) -> dict[str, str]:
    return {word: word for word in words}


def _http_protocols(value: Any) -> list[str]:
    if value is None:
        return ["h1"]
    if not isinstance(value, str):
        raise InvalidValue("http_protocols must be a string")
    protocols = [p.strip().lower() for p in value.strip().split(",") if p.strip()]
    if not protocols:
        return ["h1"]
    for protocol in protocols:
        if protocol not in ("h1", "h2"):
            raise InvalidValue(f"Invalid protocol '{protocol}'. Valid protocols: h1, h2")
    if len(protocols) != len(set(protocols)):
        raise InvalidValue("Duplicate protocols specified")
    return protocols


def _reload_engine(value: Any) -> Any:
    if value not in ("auto", "poll", "inotify"):
        raise InvalidValue(f"Invalid reload_engine: {value!r}")
    return value


def _statsd_address(value: Any) -> Any:
    """gunicorn.util.parse_address with port 8125: a unix path, or (host, port)."""
    text = _string(value)
    if text is None:
        return None
    legacy = re.fullmatch(r"unix:(\d+)", text)
    if legacy:
        return ("unix", int(legacy.group(1)))
    if re.match(r"unix:(//)?", text):
        return re.split(r"unix:(//)?", text)[-1]
    if text.startswith("fd://"):
        raise InvalidValue("Value must be one of ('host:port', 'unix://PATH')")
    if text.startswith("tcp://"):
        text = text.split("tcp://")[1]
    host, port = text, "8125"
    if "[" in text and "]" in text:
        host = text.split("]")[0][1:]
        port = (text.split("]:") + ["8125"])[1]
    elif ":" in text:
        host, port = (text.split(":") + ["8125"])[:2]
    elif text == "":
        host = "0.0.0.0"
    try:
        return (host.lower(), int(port))
    except ValueError:
        raise InvalidValue("Value must be one of ('host:port', 'unix://PATH')") from None


def _unchanged(value: Any) -> Any:
    return value


# Validators whose outcome depends on the machine Gunicorn runs on (files that must
# exist, directories to enter) keep the value as written.
_VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "pos_int": _pos_int,
    "http2_window_size": _ranged_int(0, 2 ** 31 - 1),
    "http2_stream_limit": _ranged_int(1, 2 ** 63),
    "http2_frame_size": _ranged_int(16384, 16777215),
    "bool": _bool,
    "string": _string,
    "chdir": _string,
    "statsd_address": _statsd_address,
    "list_string": _list_string,
    "list_of_files_or_patterns": _list_string,
    "string_to_list": _string_to_list,
    "string_to_addr_list": _string_to_addr_list,
    "dict": _dict,
    "user": _user_or_group,
    "group": _user_or_group,
    "class": _class,
    "callable": _callable,
    "asgi_lifespan": _choice(_same("auto", "on", "off"), "auto", "Invalid ASGI lifespan"),
    "asgi_loop": _choice(_same("auto", "asyncio", "uvloop"), "auto", "Invalid ASGI loop"),
    "http_parser": _choice(_same("auto", "fast", "python"), "auto", "http_parser must be one of: auto, fast, python"),
    "header_map_behaviour": _choice(_same("drop", "refuse", "dangerous"), None, "Invalid header map behaviour"),
    "http2_cleartext": _choice(_same("off", "prior-knowledge", "upgrade", "both"), "off", "Invalid http2_cleartext",
                               accept_bool={True: "prior-knowledge", False: "off"}),
    "proxy_protocol": _choice(
        {"false": "off", "off": "off", "0": "off", "none": "off", "true": "auto", "auto": "auto", "1": "auto",
         "v1": "v1", "v2": "v2"}, "off", "proxy_protocol must be: off, v1, v2, or auto",
        accept_bool={True: "auto", False: "off"}),
    "http_protocols": _http_protocols,
    "reload_engine": _reload_engine,
    "ssl_version": _unchanged,
}


def validate(name: str, value: Any) -> tuple[Any, str | None]:
    """What Gunicorn stores for ``name = value``, or the reason it refuses the value (exit 1)."""
    spec = SETTINGS.get(name)
    if spec is None:
        return value, None
    validator = _VALIDATORS.get(spec["validator"], _unchanged)
    if spec["validator"] == "callable" and isinstance(value, Hook):
        arities = spec.get("arity")
        allowed = arities if isinstance(arities, list) else [arities]
        if value.arity is not None and -1 not in allowed and value.arity not in allowed:
            return value, f"Value must have an arity of: {allowed[-1]}"
        return value, None
    try:
        return validator(value), None
    except InvalidValue as error:
        return value, str(error)


def default_value(name: str) -> Any:
    """A setting's default in a clean environment, as Gunicorn stores it."""
    value, _ = validate(name, SETTINGS[name]["default"])
    return value


# ---------------------------------------------------------------------------------------
# Static evaluation of module-level expressions.

class _Unknown(Exception):
    """The expression depends on run time."""


_MAX_TEXT = 100_000
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
_PURE_BUILTINS: dict[str, Callable[..., Any]] = {
    "int": int, "str": str, "float": float, "bool": bool, "min": min, "max": max, "abs": abs,
}
_LITERAL_TYPES = (str, bytes, int, float, complex, bool, type(None), list, tuple, dict, set, frozenset)


def _size(value: Any) -> int:
    if isinstance(value, (str, bytes, list, tuple, set, frozenset, dict)):
        return len(value)
    if isinstance(value, int):
        return value.bit_length() // 8
    return 0


class _Evaluator:
    """Evaluates literal expressions; names resolve to earlier unconditional literal bindings."""

    def __init__(self, names: dict[str, Any], shadowed: set[str]) -> None:
        self.names = names
        self.shadowed = shadowed

    def __call__(self, node: ast.AST) -> Any:
        value = self.eval(node)
        if _size(value) > _MAX_TEXT:
            raise _Unknown
        return value

    def eval(self, node: ast.AST) -> Any:
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise _Unknown
        return method(node)

    def _Constant(self, node: ast.Constant) -> Any:
        return node.value

    def _Name(self, node: ast.Name) -> Any:
        if node.id == "__name__" and node.id not in self.shadowed:
            return _MODULE_NAME
        if node.id in self.names:
            return _copy(self.names[node.id])
        raise _Unknown

    def _List(self, node: ast.List) -> list:
        return [self(item) for item in self._items(node.elts)]

    def _Tuple(self, node: ast.Tuple) -> tuple:
        return tuple(self(item) for item in self._items(node.elts))

    def _Set(self, node: ast.Set) -> set:
        return {self(item) for item in self._items(node.elts)}

    def _Dict(self, node: ast.Dict) -> dict:
        if any(key is None for key in node.keys):
            raise _Unknown
        return {self(key): self(value) for key, value in zip(node.keys, node.values)}

    def _items(self, items: list[ast.expr]) -> list[ast.expr]:
        if any(isinstance(item, ast.Starred) for item in items):
            raise _Unknown
        return items

    def _UnaryOp(self, node: ast.UnaryOp) -> Any:
        operand = self(node.operand)
        ops = {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_, ast.Invert: operator.invert}
        return self._apply(ops[type(node.op)], operand)

    def _BinOp(self, node: ast.BinOp) -> Any:
        left, right = self(node.left), self(node.right)
        op = type(node.op)
        if op not in _BIN_OPS:
            raise _Unknown
        if op is ast.Pow and (not isinstance(right, (int, float)) or abs(right) > 128):
            raise _Unknown
        if op is ast.LShift and (not isinstance(right, int) or right > 128):
            raise _Unknown
        if op is ast.Mult and _size(left) * (right if isinstance(right, int) else 1) > _MAX_TEXT:
            raise _Unknown
        if op is ast.Mult and _size(right) * (left if isinstance(left, int) else 1) > _MAX_TEXT:
            raise _Unknown
        return self._apply(_BIN_OPS[op], left, right)

    def _BoolOp(self, node: ast.BoolOp) -> Any:
        value = None
        for operand in node.values:
            value = self(operand)
            if isinstance(node.op, ast.And) and not value or isinstance(node.op, ast.Or) and value:
                return value
        return value

    def _Compare(self, node: ast.Compare) -> bool:
        left = self(node.left)
        for op, comparator in zip(node.ops, node.comparators):
            right = self(comparator)
            if not self._apply(_COMPARE_OPS[type(op)], left, right):
                return False
            left = right
        return True

    def _IfExp(self, node: ast.IfExp) -> Any:
        return self(node.body) if self(node.test) else self(node.orelse)

    def _JoinedStr(self, node: ast.JoinedStr) -> str:
        return "".join(self(part) if isinstance(part, ast.Constant) else self(part) for part in node.values)

    def _FormattedValue(self, node: ast.FormattedValue) -> str:
        value = self(node.value)
        conversion = {-1: lambda v: v, 115: str, 114: repr, 97: ascii}[node.conversion]
        spec = self(node.format_spec) if node.format_spec is not None else ""
        return self._apply(format, conversion(value), spec)

    def _Call(self, node: ast.Call) -> Any:
        if isinstance(node.func, ast.Name) and node.func.id in _PURE_BUILTINS \
                and node.func.id not in self.shadowed and not node.keywords:
            args = [self(arg) for arg in self._items(node.args)]
            return self._apply(_PURE_BUILTINS[node.func.id], *args)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join", "strip", "lower", "upper") \
                and isinstance(node.func.value, (ast.Constant, ast.Name, ast.JoinedStr)) and not node.keywords:
            target = self(node.func.value)
            if not isinstance(target, str):
                raise _Unknown
            args = [self(arg) for arg in self._items(node.args)]
            if node.func.attr == "format" and re.search(r"\{[^{}]*[.\[]", target):
                raise _Unknown  # attribute or item access inside the format string
            return self._apply(getattr(target, node.func.attr), *args)
        raise _Unknown

    @staticmethod
    def _apply(function: Callable[..., Any], *args: Any) -> Any:
        if not all(isinstance(arg, _LITERAL_TYPES) for arg in args):
            raise _Unknown
        try:
            result = function(*args)
        except Exception:  # the same expression would fail when Gunicorn runs it
            raise _Unknown from None
        if not isinstance(result, _LITERAL_TYPES):
            raise _Unknown
        return result


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(item) for item in value]
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, set):
        return set(value)
    return value


# ---------------------------------------------------------------------------------------
# The config module.

class _ModuleReader:
    def __init__(self, text: str, display: str) -> None:
        self.text = text
        self.lines = text.splitlines()
        self.display = display
        self.config = GunicornConfig(display)
        self.names: dict[str, Any] = {}           # name -> literal value, while known
        self.shadowed: set[str] = set()           # every name bound at module level, known or not
        self.evaluate = _Evaluator(self.names, self.shadowed)

    # Positions: ast columns count UTF-8 bytes; findings count characters.
    def column(self, line: int, byte_offset: int) -> int:
        if not 1 <= line <= len(self.lines):
            return byte_offset + 1
        prefix = self.lines[line - 1].encode("utf-8")[:byte_offset]
        return len(prefix.decode("utf-8", "replace")) + 1

    def span(self, node: ast.AST) -> Span:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return self.name_span(node)
        line = getattr(node, "lineno", 0)
        column = self.column(line, node.col_offset) if line else 0
        end_column = 0
        if line and getattr(node, "end_lineno", None) == line:
            end_column = self.column(line, node.end_col_offset)
        return Span(self.display, line, column, end_column)

    def source(self, node: ast.AST) -> str:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return self.lines[node.lineno - 1].strip() if node.lineno <= len(self.lines) else node.name
        return ast.get_source_segment(self.text, node) or ""

    def name_span(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> Span:
        """Where a ``def``/``class`` writes its name (the node itself spans the whole body)."""
        line_text = self.lines[node.lineno - 1] if node.lineno <= len(self.lines) else ""
        match = re.search(r"\b(?:def|class)\s+(" + re.escape(node.name) + r")\b", line_text)
        if not match:
            return Span(self.display, node.lineno)
        return Span(self.display, node.lineno, match.start(1) + 1, match.end(1) + 1)

    # Bindings.
    def bind(self, name: str, node: ast.AST, value: Any, known: bool, conditional: bool, raw_node: ast.AST,
             assignment: bool = True) -> None:
        self.shadowed.add(name)
        if known and not conditional:
            self.names[name] = value
        else:
            self.names.pop(name, None)
        unresolved = not known or conditional
        raw = self.source(raw_node)
        at = self.span(node)
        if name not in SETTINGS:
            if assignment:
                self.config.other_names.append(Option(name, value if known else None, at, raw, unresolved))
            return
        if known:
            stored, error = validate(name, value)
            if error and not conditional:
                shown = value.name if isinstance(value, Hook) else value
                self.config.problems.append(Problem(
                    "syntax", f"Gunicorn refuses to start: Invalid value for {name}: {shown} ({error})", at))
                stored = value
        else:
            stored = None
        self.config.options.append(Option(name, stored, at, raw, unresolved))

    def mutate(self, name: str, node: ast.AST) -> None:
        """A name changed in place (``bind.append(...)``, ``headers[k] = v``): its value is no longer known."""
        if name not in self.shadowed:
            return
        self.names.pop(name, None)
        if name in SETTINGS:
            self.config.options.append(Option(name, None, self.span(node), self.source(node), True))

    def assign_target(self, target: ast.expr, value_node: ast.AST, value: Any, known: bool,
                      conditional: bool, raw_node: ast.AST) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, value_node, value, known, conditional, raw_node)
        elif isinstance(target, (ast.Tuple, ast.List)):
            starred = any(isinstance(element, ast.Starred) for element in target.elts)
            unpackable = known and not starred and isinstance(value, (list, tuple)) and len(value) == len(target.elts)
            value_elts = getattr(value_node, "elts", None)
            for index, element in enumerate(target.elts):
                element_node = value_elts[index] if value_elts and len(value_elts) == len(target.elts) else value_node
                if isinstance(element, ast.Starred):
                    element = element.value
                self.assign_target(element, element_node, value[index] if unpackable else None, unpackable,
                                   conditional, raw_node if not unpackable else element_node)
        elif isinstance(target, (ast.Subscript, ast.Attribute)):
            base = target
            while isinstance(base, (ast.Subscript, ast.Attribute)):
                base = base.value
            if isinstance(base, ast.Name):
                self.mutate(base.id, raw_node)
        elif isinstance(target, ast.Starred):
            self.assign_target(target.value, value_node, None, False, conditional, raw_node)

    def value_of(self, node: ast.AST) -> tuple[Any, bool]:
        if isinstance(node, ast.Lambda):
            return Hook("<lambda>", _arity(node.args), self.span(node)), True
        try:
            return self.evaluate(node), True
        except (_Unknown, RecursionError):
            return None, False

    # Statements.
    def run(self, statements: list[ast.stmt], conditional: bool) -> None:
        for statement in statements:
            self.statement(statement, conditional)

    def statement(self, node: ast.stmt, conditional: bool) -> None:
        if isinstance(node, ast.Assign):
            value, known = self.value_of(node.value)
            for target in node.targets:
                self.assign_target(target, node.value, value, known, conditional, node.value)
            self.calls(node.value)
        elif isinstance(node, ast.AnnAssign):
            if node.value is None:
                if isinstance(node.target, ast.Name):
                    self.config.annotations.append(Option(
                        node.target.id, None, self.span(node.annotation), self.source(node)))
                return
            value, known = self.value_of(node.value)
            self.assign_target(node.target, node.value, value, known, conditional, node.value)
            self.calls(node.value)
        elif isinstance(node, ast.AugAssign):
            self.augmented(node, conditional)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            at = self.name_span(node)
            hook = Hook(node.name, _arity(node.args), at, bool(node.decorator_list))
            self.config.functions.append(hook)
            self.bind(node.name, node, hook, not hook.decorated, conditional, node, assignment=False)
        elif isinstance(node, ast.ClassDef):
            self.bind(node.name, node, None, False, conditional, node, assignment=False)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            self.imports(node, conditional)
        elif isinstance(node, ast.If):
            try:
                test = self.evaluate(node.test)
            except (_Unknown, RecursionError):
                self.calls(node.test)
                self.run(node.body, True)
                self.run(node.orelse, True)
                return
            self.run(node.body if test else node.orelse, conditional)
        elif isinstance(node, (ast.Try, getattr(ast, "TryStar", ast.Try))):
            self.run(node.body, True)
            for handler in node.handlers:
                if handler.name:
                    self.bind(handler.name, handler, None, False, True, handler, assignment=False)
                self.run(handler.body, True)
            self.run(node.orelse, True)
            self.run(node.finalbody, conditional)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            if isinstance(node, (ast.For, ast.AsyncFor)):
                self.assign_target(node.target, node.iter, None, False, True, node.iter)
            self.calls(getattr(node, "iter", None) or node.test)
            self.run(node.body, True)
            self.run(node.orelse, True)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                self.calls(item.context_expr)
                if item.optional_vars is not None:
                    self.assign_target(item.optional_vars, item.context_expr, None, False, conditional,
                                       item.context_expr)
            # A context manager may swallow an exception raised halfway through the body.
            self.run(node.body, True)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.bind(target.id, target, None, False, True, node)
                else:
                    self.assign_target(target, node, None, False, conditional, node)
        elif isinstance(node, ast.Match):
            self.calls(node.subject)
            for case in node.cases:
                self.run(case.body, True)
        elif isinstance(node, ast.Global):
            return
        else:
            self.calls(node)

    def augmented(self, node: ast.AugAssign, conditional: bool) -> None:
        target = node.target
        if not isinstance(target, ast.Name):
            self.assign_target(target, node.value, None, False, conditional, node)
            return
        name = target.id
        known = name in self.names
        value = None
        if known:
            synthetic = ast.BinOp(left=ast.Constant(self.names[name]), op=node.op, right=node.value)
            ast.copy_location(synthetic, node)
            value, known = self.value_of(synthetic)
        self.calls(node.value)
        self.bind(name, node.value, value, known, conditional, node)

    def imports(self, node: ast.Import | ast.ImportFrom, conditional: bool) -> None:
        for alias in node.names:
            if isinstance(node, ast.Import):
                self.config.imports.append(alias.name)
                bound = alias.asname or alias.name.split(".")[0]
            else:
                module = "." * node.level + (node.module or "")
                if module not in self.config.imports:
                    self.config.imports.append(module)
                if alias.name == "*":
                    continue
                bound = alias.asname or alias.name
            self.bind(bound, node, None, False, conditional, node, assignment=False)

    def calls(self, node: ast.AST | None) -> None:
        """Method calls on module names (``bind.append(x)``) change them in place."""
        if node is None:
            return
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute):
                base = call.func.value
                while isinstance(base, (ast.Attribute, ast.Subscript)):
                    base = base.value
                if isinstance(base, ast.Name) and not isinstance(self.names.get(base.id), str):
                    self.mutate(base.id, call)


def _arity(arguments: ast.arguments) -> int:
    return len(arguments.posonlyargs) + len(arguments.args)


def _syntax_problem(error: SyntaxError, display: str) -> Problem:
    line = error.lineno or 0
    column = error.offset or 0
    return Problem("syntax", f"not valid Python, Gunicorn cannot load it: {error.msg}",
                   Span(display, line, column))


def _parse_python(text: str, filename: str = "<unknown>") -> ast.Module:
    # Compiler warnings about the linted file ("invalid escape sequence") are Python's
    # to show when Gunicorn imports it, not wsgilint's output.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text, filename=filename)


def read_gunicorn_text(text: str, display: str) -> GunicornConfig:
    reader = _ModuleReader(text, display)
    try:
        module = _parse_python(text, display)
    except SyntaxError as error:
        reader.config.problems.append(_syntax_problem(error, display))
        return reader.config
    except (ValueError, RecursionError, MemoryError) as error:  # NUL bytes, absurd nesting
        reader.config.problems.append(Problem("syntax", f"not valid Python: {error}", Span(display)))
        return reader.config
    try:
        reader.run(module.body, False)
    except RecursionError:
        reader.config.problems.append(Problem("syntax", "expressions nested too deeply to read", Span(display)))
    return reader.config


def read_gunicorn_config(local_path: str, ctx: ReadContext) -> GunicornConfig:
    """Read a Gunicorn config module without importing or executing it."""
    display = ctx.display(local_path)
    text = ctx.read(local_path)
    if text.text is None:
        return GunicornConfig(display, problems=list(text.problems))
    config = read_gunicorn_text(text.text, display)
    config.problems[:0] = text.problems
    ctx.remember("gunicorn", config)
    return config


# Setting names that ordinary Python modules also use at module level; alone they do
# not make a file a Gunicorn config.
_COMMON_NAMES = frozenset({
    "config", "user", "group", "timeout", "daemon", "reload", "env", "chdir", "umask", "spew", "paste",
    "syslog", "initgroups", "keyfile", "certfile", "ciphers", "pidfile", "loglevel", "protocol", "sendfile",
    "capture_output", "check_config", "print_config", "ca_certs", "cert_reqs", "ssl_version", "pythonpath",
    "logconfig", "statsd_host", "statsd_prefix", "default_proc_name", "ssl_context",
})


def is_gunicorn_text(text: str) -> bool:
    """Python that binds at least one Gunicorn-specific setting or hook at module level."""
    try:
        module = _parse_python(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    for node in module.body:
        names: list[str] = []
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            names += [e.id for t in node.targets if isinstance(t, ast.Tuple) for e in t.elts
                      if isinstance(e, ast.Name)]
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = [node.name]
        if any(name in SETTINGS and name not in _COMMON_NAMES for name in names):
            return True
    return False


# ---------------------------------------------------------------------------------------
# The command line, as Gunicorn's argparse parser reads it (Python 3.11 argparse rules).

_FLAGS: dict[str, str] = {flag: name for name, spec in SETTINGS.items() for flag in spec["cli"]}
_EXITING_FLAGS = {"-h", "--help", "-v", "--version"}
_NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")


def _looks_like_option(token: str) -> bool:
    if not token.startswith("-") or token == "-" or _NEGATIVE_NUMBER.match(token):
        return False
    # argparse takes an unknown dashed word with a space in it for a positional.
    return " " not in token or bool(_match_long(token)[0]) or token.split("=", 1)[0] in _FLAGS \
        or token[:2] in _FLAGS


def _takes_value(name: str) -> bool:
    return SETTINGS[name]["action"] in ("store", "append")


def _match_long(flag: str) -> tuple[list[str], str | None]:
    """The flags ``--flag[=value]`` may mean: exact, or every long flag it abbreviates."""
    explicit = None
    if "=" in flag:
        flag, explicit = flag.split("=", 1)
    if flag in _FLAGS or flag in _EXITING_FLAGS:
        return [flag], explicit
    candidates = sorted({f for f in (*_FLAGS, "--help", "--version") if f.startswith("--") and f.startswith(flag)})
    return candidates, explicit


# Text a process manager replaces before Gunicorn sees it: Supervisor's %(ENV_X)s, a
# systemd or shell $VAR / ${VAR}.
_RUN_TIME = re.compile(r"%\(ENV_\w+\)s|\$\{?\w+")


def _convert(name: str, text: str, flag: str) -> tuple[Any, str | None]:
    """argparse's ``type=`` conversion (exit 2 on failure)."""
    kind = SETTINGS[name].get("type")
    try:
        if kind == "int":
            return int(text), None
        if kind == "auto_int":
            if re.match(r"0(\d)", text, re.IGNORECASE):
                text = text.replace("0", "0o", 1)
            return int(text, 0), None
    except ValueError:
        label = "/".join(SETTINGS[name]["cli"])
        type_name = "int" if kind == "int" else "auto_int"
        return None, f"argument {label}: invalid {type_name} value: {text!r}"
    return text, None


def parse_gunicorn_argv(argv: list[str], at: Span) -> GunicornCommand:
    """Parse Gunicorn's arguments (without the program name) the way its argparse parser does.

    Each setting given appears once in ``options`` with the value the command line
    hands to ``cfg.set``: repeated flags keep the last value, ``append`` flags collect
    a list. Anything argparse rejects (unknown or ambiguous flags, a missing or non-integer
    argument) becomes a ``syntax`` problem: Gunicorn exits with status 2.
    """
    command = GunicornCommand()
    values: dict[str, Any] = {}
    raws: dict[str, list[str]] = {}
    unresolved: set[str] = set()
    positional_chunks = 0
    in_positional_chunk = False
    index = 0
    only_positionals = False

    def fail(message: str) -> None:
        command.problems.append(Problem("syntax", f"Gunicorn refuses the command line: {message}", at))

    class Stop(Exception):
        """argparse stops at the first malformed flag; only unknown words are collected."""

    def stop(message: str) -> None:
        fail(message)
        raise Stop

    def store(name: str, flag: str, text: Any, raw: list[str]) -> None:
        action = SETTINGS[name]["action"]
        if action == "store_true":
            value: Any = True
        elif action == "store_false":
            value = False
        elif action == "store_const":
            value = SETTINGS[name].get("const")
        elif text is None:
            value = SETTINGS[name].get("const")
        elif _RUN_TIME.search(text):
            value = text   # filled in by the manager at start (%(ENV_X)s, $VAR): unknown here
            unresolved.add(name)
        else:
            value, error = _convert(name, text, flag)
            if error:
                stop(error)
        if action == "append":
            values.setdefault(name, []).append(value)
        else:
            values.pop(name, None)
            values[name] = value
        raws.setdefault(name, []).extend(raw)

    try:
        while index < len(argv):
            token = argv[index]
            index += 1
            if token == "--" and not only_positionals:
                only_positionals = True
                continue
            if only_positionals or not _looks_like_option(token):
                if not in_positional_chunk:
                    positional_chunks += 1
                    in_positional_chunk = True
                if positional_chunks > 1:
                    fail(f"unrecognized arguments: {token}")
                else:
                    command.positionals.append(token)
                continue
            in_positional_chunk = False

            # Which flag, and its value when written in the same token.
            steps: list[tuple[str, str | None]] = []
            if token.startswith("--"):
                candidates, explicit = _match_long(token)
                if not candidates:
                    fail(f"unrecognized arguments: {token}")
                    continue
                if len(candidates) > 1:
                    stop(f"ambiguous option: {token.split('=', 1)[0]} could match {', '.join(candidates)}")
                steps.append((candidates[0], explicit))
            else:
                flag, rest = token[:2], token[2:]
                if "=" in token and token.split("=", 1)[0] in _FLAGS:
                    flag, rest = token.split("=", 1)
                    steps.append((flag, rest))
                else:
                    # Grouped short flags: ``-Dw3`` is ``-D -w 3``.
                    while True:
                        if flag not in _FLAGS and flag not in _EXITING_FLAGS:
                            fail(f"unrecognized arguments: {token}")
                            steps = []
                            break
                        name = _FLAGS.get(flag)
                        if rest and name and not _takes_value(name) and SETTINGS[name].get("nargs") is None:
                            steps.append((flag, None))
                            flag, rest = "-" + rest[0], rest[1:]
                            continue
                        steps.append((flag, rest or None))
                        break
            for flag, explicit in steps:
                if flag in _EXITING_FLAGS:
                    continue
                name = _FLAGS[flag]
                spec = SETTINGS[name]
                if not _takes_value(name) and spec.get("nargs") is None:
                    if explicit is not None:
                        stop(f"argument {'/'.join(spec['cli'])}: ignored explicit argument {explicit!r}")
                    store(name, flag, None, [flag])
                    continue
                if explicit is not None:
                    store(name, flag, explicit, [token])
                    continue
                if index < len(argv) and not _looks_like_option(argv[index]) and argv[index] != "--":
                    store(name, flag, argv[index], [flag, argv[index]])
                    index += 1
                elif spec.get("nargs") == "?":
                    store(name, flag, None, [flag])
                else:
                    stop(f"argument {'/'.join(spec['cli'])}: expected one argument")
    except Stop:
        return command

    for name, value in values.items():
        raw = shlex.join(raws.get(name, []))
        if name in unresolved:
            command.options.append(Option(name, value, at, raw, unresolved=True))
            continue
        stored, error = validate(name, value)
        if error:
            fail(f"Invalid value for {name}: {value} ({error})")
            stored = value
        command.options.append(Option(name, stored, at, raw))
    if command.positionals:
        command.app = command.positionals[0]
    return command


def parse_gunicorn_cmd_args(value: str, at: Span) -> GunicornCommand:
    """``GUNICORN_CMD_ARGS``: shlex-split, then read like the command line."""
    try:
        argv = shlex.split(value)
    except ValueError as error:
        command = GunicornCommand()
        command.problems.append(Problem("syntax", f"Gunicorn cannot split GUNICORN_CMD_ARGS: {error}", at))
        return command
    return parse_gunicorn_argv(argv, at)
