"""Relative unix sockets, resolved against the directory their server starts in.

uWSGI creates ``socket = app.sock`` after applying ``chdir`` (measured with uWSGI 2.0.31,
rules/u118_relative_path.py) and Gunicorn binds ``unix:app.sock`` in its ``chdir``: the
socket is in ``AppServer.start_directory``. That is the ``chdir`` when one is set, else the
directory its manager starts it in: Supervisor's ``directory=``, systemd's
``WorkingDirectory=``, a container's Compose ``working_dir``, else its image's last ``WORKDIR``,
else ``/`` for an image whose base is known to set none (model/container_managers.py). Where
none of these is known (a Supervisor program without ``directory=`` runs in supervisord's
own directory; an unknown base image may set a WORKDIR) the socket stays relative, and the
rules say what they assume.
"""
from __future__ import annotations

import dataclasses
import posixpath

from . import Deployment


def _directory(value: object) -> str | None:
    """An absolute directory written plainly: no placeholder or variable left to expand."""
    text = str(value)
    if not text.startswith("/") or any(mark in text for mark in ("$", "%", "{{", "{%")):
        return None
    return posixpath.normpath(text)


def resolve_relative_sockets(deployment: Deployment) -> None:
    """Make each relative unix socket absolute where its server's start directory is known,
    keeping that directory (with where it is decided) on the listener."""
    for server in deployment.app_servers:
        start = server.start_directory
        directory = _directory(start.value) if start is not None else None
        if start is None or directory is None:
            continue
        for listener in server.listeners:
            address = listener.address
            if address.family != "unix" or not address.path or address.path.startswith(("/", "@")) or \
                    _directory("/" + address.path) is None:
                continue
            path = posixpath.normpath(posixpath.join(directory, address.path))
            listener.address = dataclasses.replace(address, path=path)
            listener.resolved_in = start
