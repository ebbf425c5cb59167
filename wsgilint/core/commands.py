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
"""
from __future__ import annotations

import functools
import posixpath
import re

from .record import dataclass


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _python_name() -> re.Pattern[str]:
    return re.compile(r"^python[0-9.]*$")


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
            rest = rest[1:]   # interpreter flags such as -u, -O
        if len(rest) >= 2 and rest[0] == "-m" and rest[1] in _GUNICORN_MODULES:
            return Command("gunicorn", rest[2:])
        if rest and rest[0].startswith("-m") and rest[0][2:] in _GUNICORN_MODULES:
            return Command("gunicorn", rest[1:])
    return None
