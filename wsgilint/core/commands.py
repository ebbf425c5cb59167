"""Which server a command line starts, whatever the binary is called.

One recogniser for every producer (Supervisor ``command=``, systemd ``ExecStart=``, a
wrapper script's line, an Emperor's vassals), so a packaged or suffixed binary is
known everywhere or nowhere:

- uWSGI: ``uwsgi``, ``/usr/bin/uwsgi``, Debian's ``uwsgi-core`` and its suffixed names
  ``uwsgi_python3``, ``uwsgi_python311``, ``uwsgi_python3_gevent``. uWSGI loads the words
  after ``uwsgi_`` in the name as plugins (``core/init.c:231-260``, measured with
  Debian's 2.0.21: ``uwsgi_python3 --plugins-list`` shows the python request plugin,
  ``uwsgi-core`` none).
- Gunicorn: ``gunicorn``, ``gunicorn3`` (Debian before 12), ``gunicorn_django``,
  ``python -m gunicorn``, ``python -m gunicorn.app.wsgiapp`` (interpreter flags such
  as ``-u`` before ``-m`` are skipped).
- nginx: ``nginx``, ``nginx-debug``.

Behind command runners and user switchers (``uv run``, ``poetry run``, ``gosu app``,
``runuser -u app --`` ...: ``launchers.unwrap``), whose effect the command keeps.
"""
from __future__ import annotations

import functools
import posixpath
import re

from .launchers import Launcher, unwrap
from .record import dataclass, field


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _python_name() -> re.Pattern[str]:
    return re.compile(r"^python[0-9.]*$")


# A shell script's arguments as one word each: "$@" (quoted or not, the quotes are gone by
# the time a line is read) and $* are every argument the script was given, not a word of its own.
ALL_ARGUMENTS = frozenset(("$@", "${@}", "$*", "${*}"))


def given_arguments(argv: list[str], arguments: list[str]) -> list[str]:
    """``argv`` of a script's line with its ``"$@"`` replaced by the arguments the script is
    run with (none: the word goes, as the shell drops an empty ``"$@"``)."""
    return [word for item in argv for word in (arguments if item in ALL_ARGUMENTS else (item,))]


_GUNICORN = ("gunicorn", "gunicorn3", "gunicorn_django")
# nginx-debug: the same nginx built with --with-debug, shipped beside it by nginx.org's packages
# and so by the official image, whose entrypoint treats it like nginx (nginx/pkg-oss
# debian/debian/nginx.install; nginxinc/docker-nginx mainline/debian/docker-entrypoint.sh).
_NGINX = ("nginx", "nginx-debug")
_GUNICORN_MODULES = ("gunicorn", "gunicorn.app.wsgiapp")
_UWSGI = ("uwsgi", "uwsgi-core")


@dataclass(frozen=True, slots=True)
class Command:
    program: str                  # uwsgi | gunicorn | nginx
    arguments: list[str]          # what the program parses: the words after it
    plugins: tuple[str, ...] = ()  # uWSGI: plugins the binary's name loads (uwsgi_python3 -> python3)
    launchers: tuple[Launcher, ...] = ()   # what runs it (uv run, gosu app), outermost first
    server_argv: list[str] = field(default_factory=list)   # the argv from the server's binary on


def uwsgi_name_plugins(name: str) -> tuple[str, ...] | None:
    """The plugins a uWSGI binary named ``name`` loads by itself; None when the name is
    not a uWSGI binary's."""
    base = posixpath.basename(name)
    if base in _UWSGI:
        return ()
    if base.startswith("uwsgi_") and len(base) > len("uwsgi_"):
        return tuple(word for word in base[len("uwsgi_"):].split("_") if word)
    return None


def recognise(argv: list[str]) -> Command | None:
    """The server ``argv`` starts, or None when it starts none of them."""
    launchers, own = unwrap(argv) if argv else ((), argv)
    command = _recognise(own)
    if command is None:
        return None
    return Command(command.program, command.arguments, command.plugins, launchers, own)


def _recognise(argv: list[str]) -> Command | None:
    if not argv:
        return None
    name = posixpath.basename(argv[0])
    plugins = uwsgi_name_plugins(name)
    if plugins is not None:
        return Command("uwsgi", argv[1:], plugins)
    if name in _GUNICORN:
        return Command("gunicorn", argv[1:])
    if name in _NGINX:
        return Command("nginx", argv[1:])
    if _python_name().match(name):
        rest = argv[1:]
        while rest and rest[0].startswith("-") and not rest[0].startswith("-m"):
            if rest[0].startswith("-c"):
                return None   # a program text, not a module or a script
            rest = rest[1:]   # interpreter flags such as -u, -O
        if len(rest) >= 2 and rest[0] == "-m" and rest[1] in _GUNICORN_MODULES:
            return Command("gunicorn", rest[2:])
        if rest and rest[0].startswith("-m") and rest[0][2:] in _GUNICORN_MODULES:
            return Command("gunicorn", rest[1:])
        # `python3 /srv/venv/bin/gunicorn ...`: the console script is Python, run by the
        # interpreter named (the one whose site-packages then hold Gunicorn).
        if rest and not rest[0].startswith("-") and posixpath.basename(rest[0]) in _GUNICORN:
            return Command("gunicorn", rest[1:])
    return None


# Development servers: HTTP listeners that a start may run in place of uWSGI or Gunicorn
# (Django's and Flask's own servers, or an ASGI server). Each is (the program as findings
# name it, its default host, its default port); the options that set the address are read
# the way each program's command line parses them.
_DEV_DEFAULTS = {
    "manage.py runserver": ("127.0.0.1", 8000),   # django/core/management/commands/runserver.py
    "flask run": ("127.0.0.1", 5000),             # flask/cli.py run_command
    "uvicorn": ("127.0.0.1", 8000),               # uvicorn/main.py
    "daphne": ("127.0.0.1", 8000),                # daphne/cli.py
    "hypercorn": ("127.0.0.1", 8000),             # hypercorn/config.py bind
}
# Of those, the servers made for development only; uvicorn, daphne and hypercorn serve production too.
# Werkzeug's development server, started from a script's own code (``readers.python_server``).
FLASK_APP_RUN = "Flask app.run"
DEVELOPMENT_ONLY = frozenset(("manage.py runserver", "flask run", FLASK_APP_RUN))
_DJANGO_SCRIPTS = ("manage.py", "django-admin", "django-admin.py")


@dataclass(frozen=True, slots=True)
class DevServer:
    program: str                  # a key of _DEV_DEFAULTS
    host: str
    port: int
    reloads: bool = False         # restarts itself when a source file changes


def _option_values(words: list[str], names: tuple[str, ...]) -> list[str]:
    """The values given to any of ``names`` (``--port 80``, ``--port=80``, ``-p80``), in order."""
    values = []
    for index, word in enumerate(words):
        for name in names:
            if word == name and index + 1 < len(words):
                values.append(words[index + 1])
            elif name.startswith("--") and word.startswith(name + "="):
                values.append(word[len(name) + 1:])
            elif not name.startswith("--") and word.startswith(name) and len(word) > len(name):
                values.append(word[len(name):])
    return values


def _host_port(text: str) -> tuple[str, str]:
    """``host:port``, ``[::]:port`` or ``port`` alone as (host, port); host "" when not given."""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        return host, rest.removeprefix(":")
    host, colon, port = text.rpartition(":")
    return (host, port) if colon else ("", text)


def _dev_program(argv: list[str]) -> tuple[str, list[str]] | None:
    """The development server ``argv`` starts and the words it parses."""
    name = posixpath.basename(argv[0])
    rest = argv[1:]
    if _python_name().match(name):
        while rest and rest[0].startswith("-") and not rest[0].startswith("-m"):
            rest = rest[1:]
        if len(rest) >= 2 and rest[0] == "-m":
            name, rest = rest[1], rest[2:]
        elif rest and rest[0].startswith("-m") and len(rest[0]) > 2:
            name, rest = rest[0][2:], rest[1:]
        elif rest:
            name, rest = posixpath.basename(rest[0]), rest[1:]
        else:
            return None
    if name in _DJANGO_SCRIPTS or name == "django":
        words = [word for word in rest if not word.startswith("-")]
        return ("manage.py runserver", rest[rest.index("runserver") + 1:]) if words[:1] == ["runserver"] else None
    if name == "flask":
        return ("flask run", rest[rest.index("run") + 1:]) if "run" in rest else None
    if name in ("uvicorn", "daphne", "hypercorn"):
        return name, rest
    return None


def python_script(argv: list[str]) -> str:
    """The script file a Python interpreter runs (``python3 -u server.py``: ``server.py``); ""
    for a module (``-m``), a command (``-c``) or no script."""
    own = unwrap(argv)[1] if argv else argv
    if not own or not _python_name().match(posixpath.basename(own[0])):
        return ""
    for word in own[1:]:
        if word.startswith(("-m", "-c")):
            return ""
        if not word.startswith("-"):
            return word if word.endswith(".py") else ""
    return ""


def dev_program(argv: list[str]) -> str:
    """The development server ``argv`` starts (its key in ``_DEV_DEFAULTS``), wherever it
    listens; "" when it starts none."""
    own = unwrap(argv)[1] if argv else argv
    found = _dev_program(own) if own else None
    return found[0] if found else ""


def dev_server(argv: list[str], env: dict[str, str] | None = None) -> DevServer | None:
    """The development server ``argv`` starts and the TCP address it listens on; None when it
    starts none, or listens where the words do not show (a ``$VAR``, a unix socket, an fd)."""
    own = unwrap(argv)[1] if argv else argv
    found = _dev_program(own) if own else None
    if found is None:
        return None
    program, words = found
    host, port = _DEV_DEFAULTS[program]
    env = env or {}
    given_host: list[str] = []
    given_port: list[str] = []
    if program == "manage.py runserver":
        address = [word for word in words if not word.startswith("-")][:1]
        if "-6" in words or "--ipv6" in words:
            host = "::1"
        if address:
            written_host, written_port = _host_port(address[0])
            given_host, given_port = [written_host] if written_host else [], [written_port]
    elif program in ("flask run", "uvicorn"):
        prefix = "FLASK_RUN_" if program == "flask run" else "UVICORN_"
        if any(word in ("--uds", "--fd") or word.startswith(("--uds=", "--fd=")) for word in words):
            return None
        given_host = [env[prefix + "HOST"]] if prefix + "HOST" in env else []
        given_port = [env[prefix + "PORT"]] if prefix + "PORT" in env else []
        given_host += _option_values(words, ("--host", "-h") if program == "flask run" else ("--host",))
        given_port += _option_values(words, ("--port", "-p") if program == "flask run" else ("--port",))
    elif program == "daphne":
        if _option_values(words, ("-u", "--unix-socket", "--fd", "-e", "--endpoint")):
            return None
        given_host, given_port = _option_values(words, ("-b", "--bind")), _option_values(words, ("-p", "--port"))
    else:   # hypercorn: --bind HOST:PORT (the last one counted; several binds are rare in a dev start)
        binds = _option_values(words, ("-b", "--bind"))
        if binds and (binds[-1].startswith(("unix:", "fd://")) or ":" not in binds[-1]):
            return None
        if binds:
            bound_host, bound_port = _host_port(binds[-1])
            given_host, given_port = [bound_host], [bound_port]
    chosen_host = given_host[-1] if given_host else host
    chosen_port = given_port[-1] if given_port else str(port)
    if "$" in chosen_host or not chosen_port.isdigit() or not 0 < int(chosen_port) < 65536:
        return None
    return DevServer(program, chosen_host or host, int(chosen_port), _reloads(program, own, words, env))


def _reloads(program: str, argv: list[str], words: list[str], env: dict[str, str]) -> bool:
    """Whether the development server restarts on a source change: runserver unless told not
    to (django/core/management/commands/runserver.py), ``flask run`` in debug mode or with
    ``--reload`` (flask/cli.py), uvicorn and hypercorn with ``--reload``; daphne never."""
    if program == "manage.py runserver":
        return "--noreload" not in words
    if program == "flask run":
        debug = "--debug" in argv or env.get("FLASK_DEBUG", "").lower() in ("1", "true")
        return "--no-reload" not in words and ("--reload" in words or debug)
    return program in ("uvicorn", "hypercorn") and "--reload" in words
