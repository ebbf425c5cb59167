"""A Gunicorn config module, read with ``ast`` and never imported or executed.

Gunicorn executes its config file as a module and keeps every module-level name that
is exactly (case-sensitively) a setting name, passing the value through that setting's
validator; other names are ignored without a word. Here the module-level statements
are followed in order, evaluating only what is fixed in the text (``evaluate.py``);
everything else is recorded as computed at run time. Statements inside ``if`` (unless
the test is fixed), ``try``, loops and ``with`` may not run: their bindings are
conditional, and their values unknown.
"""
from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Mapping
from typing import Any, cast

from ...core.context import ReadContext
from ...core.option import Option
from ...core.record import dataclass, field
from ...core.span import Problem, Span
from .evaluate import Evaluator, Fails, Unknown
from .settings import SETTINGS, Hook, refused_since, validate


@dataclass
class GunicornConfig:
    path: str                                                  # as shown in findings
    options: list[Option] = field(default_factory=list)        # setting names bound, in execution order
    other_names: list[Option] = field(default_factory=list)    # assigned names that are not settings
    annotations: list[Option] = field(default_factory=list)    # ``name: value`` without ``=``: sets nothing
    functions: list[Hook] = field(default_factory=list)        # every module-level def / lambda
    imports: list[str] = field(default_factory=list)           # module names imported at module level
    problems: list[Problem] = field(default_factory=list)

# ``try`` and, from Python 3.11, ``try``/``except*``.
_TRY_STATEMENTS: tuple[type[ast.stmt], ...] = (ast.Try, getattr(ast, "TryStar", ast.Try))


class _ModuleReader:
    def __init__(self, text: str, display: str, env: Mapping[str, str] | None = None) -> None:
        self.text = text
        self.lines = text.splitlines()
        # Lines as ``ast`` counts them (only CR, LF and CRLF end a line), each as UTF-8, for
        # source segments: ``ast.get_source_segment`` splits the whole text on every call,
        # which made reading a long module quadratic.
        self.source_lines = [line.encode("utf-8") for line in _source_lines(text)]
        # In ASCII text a byte offset is a character offset: no line is encoded to count them.
        self.ascii = text.isascii()
        self.display = display
        self.config = GunicornConfig(display)
        self.names: dict[str, Any] = {}           # name -> literal value, while known
        self.shadowed: set[str] = set()           # every name bound at module level, known or not
        self.modules: dict[str, str] = {}         # imported name -> what it is: os, os.environ
        self.evaluate = Evaluator(self.names, self.shadowed, self.modules, env)

    # Positions: ast columns count UTF-8 bytes; findings count characters.
    def column(self, line: int, byte_offset: int) -> int:
        if not 1 <= line <= len(self.lines):
            return byte_offset + 1
        if self.ascii:
            return min(byte_offset, len(self.lines[line - 1])) + 1
        prefix = self.lines[line - 1].encode("utf-8")[:byte_offset]
        return len(prefix.decode("utf-8", "replace")) + 1

    def span(self, node: ast.AST) -> Span:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return self.name_span(node)
        line = getattr(node, "lineno", 0)
        column = self.column(line, getattr(node, "col_offset", 0)) if line else 0
        end_column = 0
        if line and getattr(node, "end_lineno", None) == line:
            end_column = self.column(line, getattr(node, "end_col_offset", 0))
        return Span(self.display, line, column, end_column)

    def source(self, node: ast.AST) -> str:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return self.lines[node.lineno - 1].strip() if node.lineno <= len(self.lines) else node.name
        return self.segment(node)

    def segment(self, node: ast.AST) -> str:
        """``ast.get_source_segment`` on the lines split once."""
        first: int | None = getattr(node, "lineno", None)
        last: int | None = getattr(node, "end_lineno", None)
        start: int | None = getattr(node, "col_offset", None)
        end: int | None = getattr(node, "end_col_offset", None)
        if first is None or last is None or start is None or end is None or not 1 <= first <= last \
                or last > len(self.source_lines):
            return ""
        if first == last:
            return self.source_lines[first - 1][start:end].decode("utf-8", "replace")
        lines = [self.source_lines[first - 1][start:], *self.source_lines[first:last - 1],
                 self.source_lines[last - 1][:end]]
        return b"".join(lines).decode("utf-8", "replace")

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
                    "syntax", f"Gunicorn refuses to start: Invalid value for {name}: {shown} ({error})", at,
                    since=refused_since(name)))
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
            base: ast.expr = target
            while isinstance(base, (ast.Subscript, ast.Attribute)):
                base = base.value
            if isinstance(base, ast.Name):
                self.mutate(base.id, raw_node)
        elif isinstance(target, ast.Starred):
            self.assign_target(target.value, value_node, None, False, conditional, raw_node)

    def value_of(self, node: ast.AST, conditional: bool) -> tuple[Any, bool]:
        if isinstance(node, ast.Lambda):
            return Hook("<lambda>", _arity(node.args), self.span(node)), True
        try:
            return self.evaluate(node), True
        except Fails as failure:
            if not conditional:
                self.config.problems.append(Problem(
                    "syntax", f"Gunicorn cannot load this file: the value needs about {failure.size:.1e} bytes, "
                    "more than a process can address, so Python raises MemoryError or OverflowError here",
                    self.span(node)))
            return None, False
        except (Unknown, RecursionError):
            return None, False

    # Statements.
    def run(self, statements: list[ast.stmt], conditional: bool) -> None:
        for statement in statements:
            self.statement(statement, conditional)

    def statement(self, node: ast.stmt, conditional: bool) -> None:
        if isinstance(node, ast.Assign):
            value, known = self.value_of(node.value, conditional)
            for target in node.targets:
                self.assign_target(target, node.value, value, known, conditional, node.value)
            self.calls(node.value)
        elif isinstance(node, ast.AnnAssign):
            if node.value is None:
                if isinstance(node.target, ast.Name):
                    self.config.annotations.append(Option(
                        node.target.id, None, self.span(node.annotation), self.source(node)))
                return
            value, known = self.value_of(node.value, conditional)
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
            except (Unknown, RecursionError):
                self.calls(node.test)
                self.run(node.body, True)
                self.run(node.orelse, True)
                return
            self.run(node.body if test else node.orelse, conditional)
        elif isinstance(node, _TRY_STATEMENTS):
            node = cast(ast.Try, node)   # ``try``/``except*`` (TryStar) have the same fields
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
            self.calls(node.test if isinstance(node, ast.While) else node.iter)
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
            value, known = self.value_of(synthetic, conditional)
        self.calls(node.value)
        self.bind(name, node.value, value, known, conditional, node)

    def imports(self, node: ast.Import | ast.ImportFrom, conditional: bool) -> None:
        for alias in node.names:
            if isinstance(node, ast.Import):
                self.config.imports.append(alias.name)
                bound = alias.asname or alias.name.split(".")[0]
                self.modules[bound] = alias.name if alias.asname else bound
            else:
                module = "." * node.level + (node.module or "")
                if module not in self.config.imports:
                    self.config.imports.append(module)
                if alias.name == "*":
                    continue
                bound = alias.asname or alias.name
                if not conditional:
                    self.modules[bound] = f"{module}.{alias.name}"
            self.bind(bound, node, None, False, conditional, node, assignment=False)

    def calls(self, node: ast.AST | None) -> None:
        """Method calls on module names (``bind.append(x)``) change them in place."""
        if node is None or isinstance(node, ast.Constant):   # a literal holds no call
            return
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute):
                base = call.func.value
                while isinstance(base, (ast.Attribute, ast.Subscript)):
                    base = base.value
                if isinstance(base, ast.Name) and not isinstance(self.names.get(base.id), str):
                    self.mutate(base.id, call)


def _source_lines(text: str) -> list[str]:
    """The lines as ``ast`` counts them (only CR, LF and CRLF end one), each with its end, and
    an empty last one after a final end."""
    if "\r" not in text:   # most files: split at LF by ``str.split``, not by the pattern
        lines = text.split("\n")
        return [line + "\n" for line in lines[:-1]] + lines[-1:]
    return re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text)


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


def read_gunicorn_text(text: str, display: str, env: Mapping[str, str] | None = None,
                       module: ast.Module | None = None) -> GunicornConfig:
    """``env``: the environment the process manager gives Gunicorn (``os.environ.get`` reads it);
    ``module``: ``text`` already parsed (by the sniffer)."""
    reader = _ModuleReader(text, display, env)
    try:
        module = module if module is not None else _parse_python(text, display)
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


def read_gunicorn_config(local_path: str, ctx: ReadContext, env: Mapping[str, str] | None = None) -> GunicornConfig:
    """Read a Gunicorn config module without importing or executing it."""
    display = ctx.display(local_path)
    text = ctx.read(local_path)
    if text.text is None:
        return GunicornConfig(display, problems=list(text.problems))
    config = read_gunicorn_text(text.text, display, env, ctx.sniffed_trees.pop(text.text, None))
    config.problems[:0] = text.problems
    return config


# Setting names that ordinary Python modules also use at module level; alone they do
# not make a file a Gunicorn config.
_COMMON_NAMES = frozenset({
    "config", "user", "group", "timeout", "daemon", "reload", "env", "chdir", "umask", "spew", "paste",
    "syslog", "initgroups", "keyfile", "certfile", "ciphers", "pidfile", "loglevel", "protocol", "sendfile",
    "capture_output", "check_config", "print_config", "ca_certs", "cert_reqs", "ssl_version", "pythonpath",
    "logconfig", "statsd_host", "statsd_prefix", "default_proc_name", "ssl_context",
})


def is_gunicorn_text(text: str, at_least: int = 1, trees: dict[str, ast.Module] | None = None) -> bool:
    """Python that binds ``at_least`` Gunicorn-specific settings or hooks at module level (a
    module that only a `.py` name proposes needs two: `threads = []` or a WSGI function named
    `wsgi_app` alone is any program's). ``trees`` keeps the module of a text that is one, for the reader."""
    module = trees.get(text) if trees is not None else None
    if module is None:
        try:
            module = _parse_python(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False
    if not _binds_settings(module, at_least):
        return False
    if trees is not None:
        trees[text] = module
    return True


def _binds_settings(module: ast.Module, at_least: int) -> bool:
    found: set[str] = set()
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
        found.update(name for name in names if name in SETTINGS and name not in _COMMON_NAMES)
        if len(found) >= at_least:
            return True
    return False


