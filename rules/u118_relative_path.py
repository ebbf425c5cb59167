"""A relative socket, pidfile or log path that uWSGI resolves against its start directory.

## What it checks
Relative paths in `socket` (and the other unix-socket options), `stats`, `pidfile`,
`pidfile2`, `safe-pidfile`, `logto`, `logto2` and `daemonize`, where the directory
they resolve against is not fixed by the checked files:
* `pidfile`, `logto`, `logto2` and `daemonize` are opened before `chdir` is applied,
  so always against the start directory;
* sockets, `stats`, `pidfile2` and `safe-pidfile` are created after `chdir`, so they
  are reported only when there is no `chdir`.

The start directory is Supervisor's `directory=` or systemd's `WorkingDirectory=`; when
a manager starts uWSGI without one, it is the manager's own (`/` for a system
service). Without a manager it is wherever uWSGI is started from, not the INI file's
directory; when no unit, Supervisor program or container of the checked files starts
uWSGI, that directory is not in them (it may be the one the paths are meant in), and the
finding is an info that says so. So it is for a container whose image sets no WORKDIR and
is built on a base image whose own WORKDIR is not known.

## What breaks in production
Measured with uWSGI 2.0.31, started from `start/` with `chdir = /srv/sub`:
`pidfile`, `logto`, `logto2` and `daemonize` files appeared in `start/`; `socket`,
`http-socket`, `http`, `stats`, `pidfile2` and `safe-pidfile` in `/srv/sub`. A
socket created in `/` (or wherever a shell happened to be) is not where nginx's
`uwsgi_pass` looks, and nginx answers 502; a pidfile there is not where the
scripts that signal uWSGI look for it.

## How to fix
Use absolute paths, or `%d` (the INI file's directory, with its trailing slash):
`socket = %drun/app.sock`.
"""
import functools
import re
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, Span
from wsgilint.model.uwsgi_values import ini_paths, templated, uwsgi_servers

CODE = "U118"
SLUG = "relative-path"
SEVERITY = "warning"
SUMMARY = "A relative uWSGI socket, pidfile or log path depends on the start directory."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = app.sock\npidfile = app.pid\n",
       "deploy/app.service": "[Service]\nExecStart=/usr/bin/uwsgi --ini /srv/app/deploy/uwsgi.ini\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\npidfile = /run/app/app.pid\n",
        "deploy/app.service": BAD["deploy/app.service"]}

_BEFORE_CHDIR = ("pidfile", "logto", "logto2", "daemonize")
# No unit, Supervisor program or container of the checked files starts this uWSGI: where it
# is started from is not in them, and may well be the folder the relative paths are meant in.
_BY_HAND = "the directory uWSGI is started from (not the INI file's directory)"
# A container without a WORKDIR of its own or of a base image that is known.
_IMAGE_WORKDIR = "the directory its container starts in, the WORKDIR of a base image the checked files do not show"
_STATS = ("stats", "stats-server")
_AFTER_CHDIR = (*_STATS, "pidfile2", "safe-pidfile")


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
# logto/daemonize also take a UDP address
@functools.cache
def _udp() -> re.Pattern[str]:
    return re.compile(r"^[^/]*:\d+$")


def _start_directory(server: AppServer) -> tuple[str, tuple[Related, ...]] | None:
    """How the message names the start directory, and where it is decided; None when it is fixed."""
    manager = server.manager
    if manager is None:
        return _BY_HAND, ()
    if manager.server_start is not None:
        return None
    if manager.in_container:
        return _IMAGE_WORKDIR, (Related(manager.at, "the image, built on a base the checked files do not show"),)
    if manager.kind == "systemd":
        return (f"`/`, as systemd starts {manager.name} without `WorkingDirectory=`",
                (Related(manager.at, "no WorkingDirectory="),))
    where = f"supervisord's own directory (`/` for a system service), as [program:{manager.name}] has no `directory=`"
    return where, (Related(manager.at, "no directory="),)


def _relative_paths(server: AppServer) -> Iterator[tuple[Span, str, str, bool]]:
    """(where, option name, path, created after chdir) for each relative path."""
    for listener in server.listeners:
        address = listener.address
        if address.family == "unix" and not address.is_abstract and not address.path.startswith("/") \
                and not templated(address.path):
            yield listener.at, listener.option, address.path, True
    for option in server.all(*_BEFORE_CHDIR, *_AFTER_CHDIR):
        value = str(option.value)
        if option.unresolved or not value or value.startswith(("/", "@")) or templated(value):
            continue
        # The master binds the stats server on TCP when the value has a `:` (core/master.c), a
        # quoted `":5050"` too; logto and daemonize take a UDP `host:port`.
        if (":" in value) if option.key in _STATS else _udp().match(value):
            continue
        yield option.at, option.key, value, option.key in _AFTER_CHDIR


def check(deployment: Deployment) -> Iterator[Hit]:
    from_ini = ini_paths(deployment)
    for server in uwsgi_servers(deployment):
        start = _start_directory(server)
        if start is None:
            continue
        where, related = start
        has_chdir = server.has("chdir")
        for at, key, path, after_chdir in _relative_paths(server):
            if after_chdir and has_chdir:
                continue
            when = " and opened before `chdir` applies" if has_chdir else ""
            fix = "an absolute path or `%d` (the INI file's directory)" if at.path in from_ini else "an absolute path"
            message = f"`{key} = {path}` is relative{when}: uWSGI resolves it against {where}; use {fix}"
            if where == _BY_HAND:
                # Started by hand or by something the files do not show: right if started in the
                # folder meant, so an info naming that assumption, not a warning.
                yield Hit(at, f"{message}; no unit, Supervisor program or container in the checked files starts "
                          "this uWSGI: the path is right only if it is always started from the folder it is meant "
                          "in", related, severity="info")
            elif where == _IMAGE_WORKDIR:
                yield Hit(at, f"{message}; the path is right only if that WORKDIR is the folder it is meant in",
                          related, severity="info")
            else:
                yield Hit(at, message, related)
