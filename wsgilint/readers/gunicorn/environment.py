"""What Gunicorn reads from its environment: ``GUNICORN_CMD_ARGS``, ``WEB_CONCURRENCY``, ``PORT``."""
from __future__ import annotations

import shlex
from collections.abc import Mapping

from ...core.option import Option
from ...core.span import Problem, Span
from .argv import GunicornCommand, parse_gunicorn_argv


def parse_gunicorn_cmd_args(value: str, at: Span) -> GunicornCommand:
    """``GUNICORN_CMD_ARGS``: shlex-split, then read like the command line."""
    try:
        argv = shlex.split(value)
    except ValueError as error:
        command = GunicornCommand()
        command.problems.append(Problem("syntax", f"Gunicorn cannot split GUNICORN_CMD_ARGS: {error}", at))
        return command
    return parse_gunicorn_argv(argv, at)


def environment_defaults(env: Mapping[str, str], at: Span) -> tuple[list[Option], list[Problem]]:
    """Defaults Gunicorn computes from its environment when it imports its settings."""
    options: list[Option] = []
    problems: list[Problem] = []
    if "WEB_CONCURRENCY" in env:
        text = env["WEB_CONCURRENCY"]
        try:
            options.append(Option("workers", int(text), at, f"WEB_CONCURRENCY={text}"))
        except ValueError:
            problems.append(Problem("syntax", f"Gunicorn cannot start: WEB_CONCURRENCY={text!r} is not an integer", at))
    if "PORT" in env:
        # A platform may choose the port at start ($PORT): the bind is then unknown here.
        options.append(Option("bind", [f"0.0.0.0:{env['PORT']}"], at, f"PORT={env['PORT']}",
                              unresolved=env["PORT"].startswith("$")))
    return options, problems
