"""A Procfile as a process manager: the platform that reads it (Heroku, AWS Elastic
Beanstalk, Dokku, foreman) starts each process type's command.

The platform runs the command through a shell: bash on Heroku, and on Elastic Beanstalk
each process is a service of the instance. A single simple command is exec'd by that
shell (bash's ``-c`` runs its last simple command in place of itself), so the command is
the server's own command line once the shell has expanded the variables it knows; a
command with shell operators stays ``/bin/sh -c TEXT`` and goes through the wrapper
recognition every manager uses.

The environment is the platform's: the ``web`` process gets ``PORT``. Elastic Beanstalk's
Python platform sets it to 8000 unless an ``.ebextensions/*.config`` sets the ``PORT``
environment property (AWS documentation, "Configuring the WSGI server with a Procfile" and
"Reverse proxy configuration"); Heroku and the others choose it when the process starts,
so it is unknown here and a server that binds ``$PORT`` (or Gunicorn without ``--bind``,
which reads ``PORT``) has no address the files show.
"""
from __future__ import annotations

import functools
import os
import re
import shlex

from ..core.context import ReadContext
from ..core.sources import Discovery
from ..core.span import Setting
from ..readers.procfile import read_eb_environment, read_procfile
from ..readers.shell import variable_reference
from . import Deployment, ProcessManager
from .managers import _resolve_wrapper


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _shell_syntax() -> re.Pattern[str]:
    return re.compile(r"[;&|<>`()]|\$\(")


_EB_DIRECTORIES = (".ebextensions", ".platform")
EB_DEFAULT_PORT = "8000"
UNKNOWN_PORT = "$PORT"


def _environment(directory: str, ctx: ReadContext, elastic_beanstalk: bool) -> dict[str, Setting[str]]:
    if not elastic_beanstalk:
        return {"PORT": Setting(UNKNOWN_PORT, None, "PORT is chosen by the platform when the web process starts "
                                "(Heroku and the like): unknown here")}
    environment = {name: Setting(value, at) for name, (value, at) in read_eb_environment(directory, ctx).items()}
    environment.setdefault("PORT", Setting(EB_DEFAULT_PORT, None, "Elastic Beanstalk's Python platform default "
                                           "(no PORT environment property in .ebextensions)"))
    return environment


def _expand(command: str, environment: dict[str, Setting[str]]) -> str:
    """What the shell makes of ``$NAME``/``${NAME}`` the platform gives; others stay as written."""
    def value(match: re.Match[str]) -> str:
        setting = environment.get(match.group(1) or match.group(2))
        return setting.value if setting is not None and setting.value != UNKNOWN_PORT else match.group(0)
    return variable_reference().sub(value, command)


def procfile_managers(discovery: Discovery, ctx: ReadContext, deployment: Deployment) -> None:
    for source in discovery.of_kind("procfile"):
        procfile = read_procfile(source.path, ctx)
        deployment.problems.extend(procfile.problems)
        directory = os.path.dirname(os.path.abspath(source.path))
        elastic_beanstalk = any(os.path.isdir(os.path.join(directory, name)) for name in _EB_DIRECTORIES)
        environment = _environment(directory, ctx, elastic_beanstalk)
        for entry in procfile.entries:
            manager = ProcessManager("procfile", entry.name, entry.name_at)
            manager.environment = dict(environment) if entry.name == "web" else \
                {name: setting for name, setting in environment.items() if name != "PORT"}
            command = _expand(entry.command, manager.environment)
            try:
                argv = ["/bin/sh", "-c", command] if _shell_syntax().search(command) else shlex.split(command)
            except ValueError:
                argv = ["/bin/sh", "-c", command]
            if not argv:
                continue
            manager.argv = Setting(argv, entry.at)
            manager.stop_signal = Setting("TERM", None, "the platform stops a process with SIGTERM")
            if not elastic_beanstalk:
                manager.stop_timeout = Setting(30.0, None, "Heroku sends SIGKILL 30 s after SIGTERM")
                manager.kills_group = Setting(True, None, "Heroku signals every process of the dyno")
            _resolve_wrapper(manager, argv, entry.at, ctx, None)
            deployment.managers.append(manager)
