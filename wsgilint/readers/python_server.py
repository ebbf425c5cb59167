"""The server a Python script starts from its own code (``python server.py`` whose last lines
are ``app.run(host="0.0.0.0")``), read with ``ast`` and never run.

Two calls are read, at the module's top level or under ``if __name__ == "__main__":``, the
statements that run when the file is the script Python was given:

- ``X.run(...)`` where ``X`` is bound at the top level to ``Flask(...)`` or to an app
  factory's result (``create_app()``): Werkzeug's development server, at
  ``run(host=None, port=None, debug=None, ...)``'s defaults 127.0.0.1 and 5000, reloading
  when ``debug`` (or ``use_reloader``) is true (flask/app.py ``Flask.run``);
- ``uvicorn.run(app, host=..., port=...)``: 127.0.0.1 and 8000, reloading with
  ``reload=True`` (uvicorn/main.py ``run``).

Only what is written as a literal counts: a host or port computed at run time
(``port=int(os.environ["PORT"])``), a ``SERVER_NAME`` that may give Flask the host or port
run() is not given, or uvicorn's ``uds``/``fd`` leaves the address unknown, and no server is
read. Flask's reloader counts as on only where ``debug=True`` or ``use_reloader=True`` is
written (``FLASK_DEBUG`` and the app's config are not read).
"""
from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass

from ..core.commands import FLASK_APP_RUN as FLASK_RUN

# The server's name as findings give it, and its defaults.
UVICORN_RUN = "uvicorn.run"
_DEFAULTS = {FLASK_RUN: ("127.0.0.1", 5000), UVICORN_RUN: ("127.0.0.1", 8000)}
# Flask.run's and uvicorn.run's positional parameters after the receiver's own.
_POSITIONAL = {FLASK_RUN: ("host", "port", "debug"), UVICORN_RUN: ("app",)}


@dataclass(frozen=True, slots=True)
class ScriptServer:
    program: str        # FLASK_RUN | UVICORN_RUN
    host: str
    port: int
    reloads: bool
    app_in_script: bool  # the app served is this script's (uvicorn.run("main:app") names another module)
    line: int
    column: int         # 1-based, of the call
    end_column: int


def script_server(text: str) -> ScriptServer | None:
    """The server the script ``text`` starts when run as ``python script.py``; None when it
    starts none this reader knows, or where it listens is not written in it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    flask_apps = _flask_apps(module)
    imports_uvicorn = any(isinstance(node, ast.Import) and any(alias.name == "uvicorn" and alias.asname is None
                                                               for alias in node.names) for node in module.body)
    for statement in _run_as_script(module):
        if not isinstance(statement, ast.Expr) or not isinstance(statement.value, ast.Call):
            continue
        call = statement.value
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr != "run" or not isinstance(func.value, ast.Name):
            continue
        if func.value.id in flask_apps:
            program = FLASK_RUN
        elif func.value.id == "uvicorn" and imports_uvicorn:
            program = UVICORN_RUN
        else:
            continue
        return _server(program, call, "SERVER_NAME" in text)
    return None


def _run_as_script(module: ast.Module) -> list[ast.stmt]:
    """The top-level statements, and those of ``if __name__ == "__main__":``."""
    statements: list[ast.stmt] = []
    for node in module.body:
        statements.append(node)
        if isinstance(node, ast.If) and _is_main_test(node.test):
            statements.extend(node.body)
    return statements


def _is_main_test(test: ast.expr) -> bool:
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(side, ast.Name) and side.id == "__name__" for side in sides) and \
        any(isinstance(side, ast.Constant) and side.value == "__main__" for side in sides)


def _flask_apps(module: ast.Module) -> set[str]:
    """Names bound at the top level to ``Flask(...)``, ``flask.Flask(...)`` or an app factory's
    result (``create_app()``, ``make_app()``)."""
    names: set[str] = set()
    for node in module.body:
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Call):
            continue
        func = node.value.func
        called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if called == "Flask" or called in ("create_app", "make_app"):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return names


def _server(program: str, call: ast.Call, server_name_written: bool) -> ScriptServer | None:
    given: dict[str, ast.expr] = dict(zip(_POSITIONAL[program], call.args, strict=False))
    given.update((keyword.arg, keyword.value) for keyword in call.keywords if keyword.arg is not None)
    if any(keyword.arg is None for keyword in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        return None   # `**options`, `*args`: what they hold is not written here
    host, port = _DEFAULTS[program]
    if program == UVICORN_RUN and ("uds" in given or "fd" in given):
        return None
    if program == FLASK_RUN and server_name_written and not ("host" in given and "port" in given):
        return None   # Flask takes the host and port of SERVER_NAME that run() is not given
    # `host=None`, `port=None`: the default, as not given.
    given = {name: value for name, value in given.items() if not (isinstance(value, ast.Constant) and value.value is None)}
    if "host" in given:
        written = given["host"]
        if not isinstance(written, ast.Constant) or not isinstance(written.value, str):
            return None
        host = written.value or host
    if "port" in given:
        written = given["port"]
        value = written.value if isinstance(written, ast.Constant) else None
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 5:
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 65536:
            return None
        port = value
    if program == FLASK_RUN:
        reloads = _true(given.get("use_reloader", given.get("debug")))
    else:
        reloads = _true(given.get("reload"))
    served = given.get("app")
    in_script = not (isinstance(served, ast.Constant) and isinstance(served.value, str))
    end = call if call.end_lineno == call.lineno else call.func   # a span stays on one line
    return ScriptServer(program, host, port, reloads, in_script, call.lineno, call.col_offset + 1,
                        (end.end_col_offset or call.col_offset) + 1)


def _true(value: ast.expr | None) -> bool:
    return isinstance(value, ast.Constant) and value.value is True
