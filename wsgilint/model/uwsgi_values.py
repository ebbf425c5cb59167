"""What uWSGI 2.0 makes of an option's text, for the rules about uWSGI values.

What an option is from its name (its handler, kind, aliases) is in ``uwsgi_options``;
this module answers questions about one server's values.
"""
from __future__ import annotations

from collections.abc import Iterator

from . import AppServer, Deployment, Option, UwsgiIniValue
from .units import c_atoi
from .uwsgi_options import forces_master

# Options that make uWSGI load a Python application at start.
APP_LOADERS = ("module", "wsgi", "wsgi-file", "file", "mount", "paste", "ini-paste", "ini-paste-logged", "pecan")


def templated(value: object) -> bool:
    """A value still holding a template's placeholder (envsubst's ``${NAME}`` or ``$NAME``,
    Jinja2): not what uWSGI will read. uWSGI's own ``$(NAME)`` is not one: uWSGI expands it."""
    text = str(value)
    if "{{" in text or "{%" in text:
        return True
    return any(after[:1] == "{" or after[:1] == "_" or after[:1].isalpha() for after in text.split("$")[1:])


def unquoted(value: object) -> str | None:
    """The text inside the quotes of a value wrapped in ``"..."`` or ``'...'``, which uWSGI keeps
    as part of the value; None for a value that is not quoted."""
    text = str(value)
    if len(text) < 2 or text[0] not in "\"'" or text[-1] != text[0]:
        return None
    return text[1:-1]


def uwsgi_servers(deployment: Deployment) -> Iterator[AppServer]:
    return (server for server in deployment.app_servers if server.kind == "uwsgi")


def master_on(server: AppServer) -> bool:
    """``master`` as uWSGI ends up with it: options such as ``stats`` or ``cheaper`` switch it on."""
    return server.enabled("master") or any(forces_master(o.key) for o in server.options)


def app_loader(server: AppServer) -> Option | None:
    """The option that loads the instance's Python app, when it loads one at start."""
    return server.last(*APP_LOADERS)


# Loaders that end uWSGI (code 22, UWSGI_FAILED_APP_CODE) when the app fails to load, with
# or without need-app: uwsgi_paste_loader and uwsgi_pecan_loader in plugins/python/pyloader.c.
EXITING_LOADERS = frozenset({"paste", "ini-paste", "ini-paste-logged", "pecan"})


def loads_only_exiting_apps(server: AppServer) -> bool:
    """Every app the instance loads at start goes through a loader that exits on failure."""
    loaders = server.all(*APP_LOADERS)
    return bool(loaders) and all(option.key in EXITING_LOADERS for option in loaders)


def changed_ini_values(server: AppServer) -> tuple[UwsgiIniValue, ...]:
    """The server's options written in INI files that uWSGI's INI lexer changes, with what it does to them."""
    return server.uwsgi_config.changed_values if server.uwsgi_config else ()


def ini_paths(deployment: Deployment) -> set[str]:
    """Display paths of the uWSGI INI files read: options from them went through the INI lexer
    and its ``%`` substitution (command-line values did not)."""
    return {path for config in deployment.uwsgi_configs for path in config.ini_files}


def integer(option: Option | None) -> int | None:
    """The number uWSGI reads from an option; None when unknown at check time or not a number."""
    if option is None or option.unresolved:
        return None
    return c_atoi(option.value)



def new_option_line(server: AppServer, key: str, value: str) -> tuple[str, int, str] | None:
    """Where a fix adds ``key = value`` to the server's own INI section, as (file, line to
    insert before, line text): after the last option written in it (or after its header),
    spelt like that option (``key=value`` when it is written so). None when the server's
    options are not in an INI file here."""
    config = server.uwsgi_config
    if config is None or server.at.path not in config.ini_files:
        return None
    written = [option for option in config.ini_options if option.at.path == server.at.path and option.at.line]
    if written:
        last = max(written, key=lambda option: option.at.line)
        line = last.at.line + last.raw.count("\n") + 1
        tight = last.at.column == len(last.key) + 2    # `key=value` from the first column
        return server.at.path, line, f"{key}={value}" if tight else f"{key} = {value}"
    headers = [h for h in config.headers if h.at.path == server.at.path and h.name == config.section and h.at.line]
    if not headers:
        return None
    return server.at.path, headers[-1].at.line + 1, f"{key} = {value}"
