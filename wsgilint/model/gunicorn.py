"""A Gunicorn instance as Gunicorn 27 would configure it.

Precedence, lowest first (``gunicorn/app/base.py`` ``load_config``): setting defaults,
some read from the environment (``WEB_CONCURRENCY``, ``PORT``); the config file
(``-c`` on the command line, else ``-c`` in ``GUNICORN_CMD_ARGS``, else
``./gunicorn.conf.py`` in the directory Gunicorn starts in); ``GUNICORN_CMD_ARGS``;
the command line. ``AppServer.options`` lists every occurrence in that order, so
``last()`` is the value Gunicorn uses.
"""
from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from ..core.commands import Command, recognise
from ..core.context import ReadContext
from ..readers.gunicorn import (
    GunicornCommand,
    GunicornConfig,
    environment_defaults,
    parse_gunicorn_argv,
    parse_gunicorn_cmd_args,
    read_gunicorn_config,
)
from ..readers.uwsgi_ini import UnreadConfig
from . import AppServer, Listener, Option, Problem, Setting, Span
from .address import parse_gunicorn_bind
from .gunicorn_config import IMPLICIT_CONFIG_RAW

DEFAULT_BIND = "127.0.0.1:8000"
IMPLICIT_CONFIG = "gunicorn.conf.py"


def gunicorn_arguments(argv: list[str]) -> list[str] | None:
    """The arguments Gunicorn parses, after ``gunicorn``, ``gunicorn3``, ``gunicorn_django``,
    ``python -m gunicorn`` or ``python -m gunicorn.app.wsgiapp``; None when ``argv`` does
    not start Gunicorn."""
    command = recognise(argv)
    return command.arguments if command is not None and command.program == "gunicorn" else None


def _config_location(value: str) -> str | None:
    """The file a ``-c`` value names; None for ``python:module``."""
    if value.startswith("python:"):
        return None
    return value.removeprefix("file:")


def _module_config(value: str, cwd: str | None, ctx: ReadContext) -> str | None:
    """The local file of a ``-c python:package.module`` config: Gunicorn imports the module
    after putting its start directory first on sys.path (gunicorn/app/base.py: ``chdir()``,
    then ``importlib.import_module``), so a module of the tree is the file below that folder,
    or the package's ``__init__.py``. None where the start directory or the file is not known:
    the module may be an installed package's."""
    module = value.removeprefix("python:")
    if cwd is None or not module or not all(part.isidentifier() for part in module.split(".")):
        return None
    stem = module.replace(".", "/")
    for relative in (f"{stem}.py", f"{stem}/__init__.py"):
        local = _locate(relative, cwd, ctx)
        if local is not None:
            return local
    return None


def _target_path(path: str, cwd: str | None) -> str:
    if posixpath.isabs(path) or cwd is None:
        return path
    return posixpath.normpath(posixpath.join(cwd, path))


def _load_file(server: AppServer, local: str, ctx: ReadContext, problems: list[Problem],
               configs: list[GunicornConfig] | None, env: Mapping[str, str] | None = None) -> None:
    config = read_gunicorn_config(local, ctx, env)
    if configs is not None:
        configs.append(config)
    server.sources.append(config.path)
    server.options.extend(config.options)
    problems.extend(config.problems)


def _locate(path: str, cwd: str | None, ctx: ReadContext, named: bool = True) -> str | None:
    """The local copy of a config file Gunicorn opens relative to its start directory
    (``named``: the command line names it; else Gunicorn only looks for it there)."""
    if posixpath.isabs(path):
        return ctx.local(path, named=named)
    if cwd is None:
        return None
    if posixpath.isabs(cwd):
        return ctx.local(posixpath.join(cwd, path), named=named)
    return ctx.local(path, cwd)


def gunicorn_from_argv(argv: list[str], at: Span, ctx: ReadContext, cwd: str | None, env: Mapping[str, str],
                       configs: list[GunicornConfig] | None = None,
                       recognised: Command | None = None) -> tuple[AppServer, list[Problem]]:
    """The Gunicorn a command line starts. ``argv`` may begin with the program
    (``gunicorn``, ``python -m gunicorn``) or be Gunicorn's arguments alone; ``cwd`` is
    the start directory on the target host (None when unknown), ``env`` its environment.
    The config files read are added to ``configs``. ``recognised``, when given, is
    ``recognise(argv)`` as the caller found it (the model recognises each start once)."""
    if recognised is None:
        recognised = recognise(argv)
    arguments = recognised.arguments if recognised is not None and recognised.program == "gunicorn" else argv
    command = parse_gunicorn_argv(arguments, at)
    from_env = parse_gunicorn_cmd_args(env["GUNICORN_CMD_ARGS"], at) if "GUNICORN_CMD_ARGS" in env \
        else GunicornCommand()
    server = AppServer("gunicorn", command.app or "gunicorn", at)
    problems = [*command.problems, *from_env.problems]

    defaults, default_problems = environment_defaults(env, at)
    server.options.extend(defaults)
    problems.extend(default_problems)

    config_option = command.get("config") or from_env.get("config")
    if config_option is not None and config_option.value:
        path = _config_location(config_option.value)
        target = _target_path(path, cwd) if path is not None else ""
        # A folder the build copied there, which lacks the file, is all the container has there.
        gap = ctx.missing_from_copy(target) if posixpath.isabs(target) else None
        if path is not None and gap is not None:
            server.unread_configs = (UnreadConfig(path, config_option.at, False, _locate(path, cwd, ctx)),)
            problems.append(Problem(
                "include-not-found", f"Gunicorn config file {path!r} is not in the container: it has no {target}, "
                f"since the build fills {gap.into} from {ctx.display(gap.folder)}/, which holds no "
                f"{gap.missing}; Gunicorn exits at start (\"Error: '{path}' doesn't exist\"){gap.assumption}",
                config_option.at, gap.severity))
        elif path is None:
            local = _module_config(config_option.value, cwd, ctx)
            if local is not None:
                ctx.referenced(config_option.at, config_option.value, local)
                _load_file(server, local, ctx, problems, configs, env)
        else:
            local = _locate(path, cwd, ctx)
            ctx.referenced(config_option.at, path, local)
            if local is not None:
                _load_file(server, local, ctx, problems, configs, env)
            elif ctx.exists_on_target(_target_path(path, cwd)) is False and (posixpath.isabs(path) or cwd):
                problems.append(Problem(
                    "include-not-found", f"Gunicorn config file {path!r} does not exist: Gunicorn exits at start",
                    config_option.at))
    elif cwd is not None:
        local = _locate(IMPLICIT_CONFIG, cwd, ctx, named=False)
        if local is not None:
            server.options.append(Option("config", _target_path(IMPLICIT_CONFIG, cwd),
                                         Span(ctx.display(local)), IMPLICIT_CONFIG_RAW))
            _load_file(server, local, ctx, problems, configs, env)

    # ``config`` inside GUNICORN_CMD_ARGS or on the command line is applied as a setting too.
    server.options.extend(from_env.options)
    server.options.extend(command.options)
    server.app_spec = command.app or ""
    if command.app is None:
        _app_from_config(server)
    _finish(server, cwd)
    return server, problems


def gunicorn_from_config(local_path: str, ctx: ReadContext,
                         configs: list[GunicornConfig] | None = None) -> tuple[AppServer, list[Problem]]:
    """A Gunicorn config file that no checked command line is known to start (added to ``configs``)."""
    display = ctx.display(local_path)
    server = AppServer("gunicorn", posixpath.basename(display), Span(display))
    problems: list[Problem] = []
    _load_file(server, local_path, ctx, problems, configs)
    _app_from_config(server)
    _finish(server, None)
    return server, problems


def _app_from_config(server: AppServer) -> None:
    """The app a config's ``wsgi_app`` names, where no command line names one. Only a string
    names one: Gunicorn refuses any other value (its setting is validated as a string)."""
    wsgi_app = server.last("wsgi_app")
    if wsgi_app is not None and isinstance(wsgi_app.value, str) and wsgi_app.value and not wsgi_app.unresolved:
        server.name = server.app_spec = wsgi_app.value


def _setting(server: AppServer, key: str) -> Setting[Any] | None:
    option = server.last(key)
    if option is None or option.unresolved:
        return None
    return Setting(option.value, option.at)


def _finish(server: AppServer, cwd: str | None) -> None:
    proc_name = _setting(server, "proc_name")
    if proc_name is not None and proc_name.value:
        server.name = proc_name.value

    user = _setting(server, "user")
    if user is not None and user.value is not None:
        server.user = Setting(str(user.value), user.at)
    group = _setting(server, "group")
    if group is not None and group.value is not None:
        server.group = Setting(str(group.value), group.at)

    daemon = server.last("daemon")
    if daemon is None:
        server.daemonizes = Setting(False, note="Gunicorn default")
    elif daemon.unresolved:
        server.daemonizes = Setting(None, daemon.at, "computed at run time")
    else:
        server.daemonizes = Setting(bool(daemon.value), daemon.at)

    chdir = server.last("chdir")
    # A chdir that is no string (`bind, chdir = 1, 2`) is Gunicorn's to refuse, not a directory.
    if chdir is not None and not chdir.unresolved and isinstance(chdir.value, str) and chdir.value:
        server.start_directory = Setting(_target_path(chdir.value, cwd), chdir.at)
    elif cwd is not None:
        server.start_directory = Setting(cwd, note="the directory Gunicorn is started in")

    server.listeners = _listeners(server)


def _protocol(server: AppServer) -> str:
    protocol = server.last("protocol")
    if protocol is not None and not protocol.unresolved and protocol.value == "uwsgi":
        return "uwsgi"
    certfile = server.last("certfile")
    if certfile is not None and certfile.value and not certfile.unresolved:
        return "https"
    return "http"


def _socket_mode(server: AppServer) -> Setting[int] | None:
    umask = server.last("umask")
    if umask is None:
        return Setting(0o777, note="Gunicorn default umask 0: the socket is 0777, anyone can connect")
    if umask.unresolved or not isinstance(umask.value, int):
        return None
    return Setting(0o777 & ~umask.value, umask.at)


def _listeners(server: AppServer) -> list[Listener]:
    bind = server.last("bind")
    if bind is None:
        binds, at = [DEFAULT_BIND], Span(server.at.path)   # line 0: nothing sets it
    elif bind.unresolved or not isinstance(bind.value, list):
        return []
    else:
        binds, at = bind.value, bind.at
    protocol = _protocol(server)
    listeners = []
    for text in binds:
        if not isinstance(text, str):
            continue
        address = parse_gunicorn_bind(text.removeprefix("tcp://"))
        if address is None:
            continue
        listener = Listener(address, protocol, "bind", at, server)
        if address.family == "unix":
            listener.mode = _socket_mode(server)
            listener.owner = server.user
            listener.group = server.group
        listeners.append(listener)
    return listeners


__all__ = ["gunicorn_arguments", "gunicorn_from_argv", "gunicorn_from_config"]
