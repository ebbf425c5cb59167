"""Compose services that are a development stack by what they run: the service bind-mounts
from the host the very folder its app server loads the app from, its image does not copy
that source in, and the service's own command turns on reloading on change (uWSGI
`--py-autoreload`, Gunicorn `--reload`) over the config files the server reads, which do not.
Edited on the host, reloaded in the container, with the reload kept out of the config:
that is a developer's loop, and the reload is what it is for.

A reload written in the config file itself is not read so: that file is the deployment's
(the only Compose deployment of a tree is taken for production unless it says otherwise),
and so is any other start that reads it. An image that copies the source runs without the
mount, so its service is not read as development either. Except where the service says it
is development (Flask's debug mode in its environment) and mounts the folder the server
loads the app from: the mount hides what the image copied while it runs, and the reload,
wherever written, is that service's developer's loop.

The opposite case is marked too: a container whose app folder no bind mount of the host's
files covers runs the code its image copied (or a volume filled from it), which only a new
container changes (``AppServer.code_from_image``)."""
from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Mapping

from ..core.context import ReadContext
from ..core.option import Option
from ..core.span import Setting
from . import AppServer, Deployment, ProcessManager
from .graph import Place
from .uwsgi_values import integer

_AUTORELOAD = ("py-autoreload", "python-autoreload", "py-auto-reload", "python-auto-reload")
_PATH_LOADERS = ("wsgi-file", "file")      # uWSGI: a file path
_MODULE_LOADERS = ("module", "wsgi")       # uWSGI: a dotted module, `pkg.mod:callable`


def mark_dev_stacks(deployment: Deployment, ctx: ReadContext, copies: Mapping[Place, Iterable[str]]) -> None:
    """Set ``dev_stack`` on each app server such a service runs. ``copies``: each container
    place's image paths that its build copies in."""
    for server in deployment.app_servers:
        manager = server.manager
        if manager is None or manager.kind != "compose" or manager.argv is None or server.place is not manager.place:
            continue
        reload = _reload(server)
        command = manager.argv.at
        declared = _declares_development(manager.environment)
        if reload is not None and declared is not None:
            # The service says it is development (Flask's debug mode), and runs the host's source.
            stack = _mounted_source(deployment, server, ctx, (), f"and declares itself development ({declared})")
            if stack is not None:
                server.dev_stack = stack
                continue
        # The reload on the service's own command line, over settings read from a file.
        if reload is None or command is None or reload.at.path != command.path or \
                not any(option.at.path != command.path for option in server.options):
            continue
        configs = sorted({option.at.path for option in server.options if option.at.path != command.path})
        server.dev_stack = _mounted_source(deployment, server, ctx, copies.get(server.place, ()),
                                           f"and only its command turns the reload on ({', '.join(configs)} "
                                           f"{'does' if len(configs) == 1 else 'do'} not)")


def mark_code_from_image(deployment: Deployment) -> None:
    """Set ``code_from_image`` on each app server a container runs whose app folder no bind
    mount from the host covers: no deploy copies files under it while it runs."""
    for server in deployment.app_servers:
        manager = server.manager
        if manager is None or not manager.in_container or server.place is not manager.place:
            continue
        paths = _app_paths(server)
        mounts = [target for target, store in server.place.volumes if store.startswith("bind:")]
        if not paths or any(_within(path, target) or _within(target, path) for path in paths for target in mounts):
            continue
        volumes = [target for target, _ in server.place.volumes if any(_within(path, target) for path in paths)]
        held = f"a volume at {volumes[0]} that its image fills" if volumes else "what its image copied"
        server.code_from_image = Setting(paths[0], None, f"{server.place.label or server.place.name} loads the app "
                                         f"from {paths[0]}, in {held}, and no bind mount of the host's files "
                                         "covers it")


# Environment a service sets to say it runs in development: Flask's (FLASK_ENV until Flask 2.3,
# FLASK_DEBUG) debug mode, and a stage named development (`ENVIRONMENT=dev`, `APP_ENV=local`).
_STAGES = ("development", "dev", "local")
_DEVELOPMENT = {"FLASK_ENV": ("development",), "FLASK_DEBUG": ("1", "true", "True"),
                **{name: _STAGES for name in ("ENVIRONMENT", "ENV", "APP_ENV", "APP_ENVIRONMENT", "DJANGO_ENV",
                                              "PYTHON_ENV", "DEPLOY_ENV")}}


def declared_development(manager: ProcessManager) -> str | None:
    """What says a container runs a development set-up, as written: a variable of its
    environment (``FLASK_ENV=development``, ``ENVIRONMENT=dev``) or the name of a Compose
    file that starts it (``docker-compose-dev.yml``, ``compose.local.yaml``); None where
    nothing does."""
    if not manager.in_container:
        return None
    declared = _declares_development(manager.environment)
    if declared is not None:
        return declared
    for path in manager.place.started_with.split(" + ") if manager.kind == "compose" else ():
        if development_named(path):
            return f"its Compose file {posixpath.basename(path)}"
    return None


# Words of a file's name that make it a development one.
DEVELOPMENT_WORDS = frozenset(("dev", "development", "local", "debug"))


def development_named(path: str) -> bool:
    """Whether a file's name says it is for development: one of its words, split at ``.``,
    ``-`` and ``_``, is dev, development or local (``docker-compose-dev.yml``,
    ``dev.nginx.conf``, ``nginx.local.conf``)."""
    name = posixpath.basename(path).lower()
    return not DEVELOPMENT_WORDS.isdisjoint(name.replace("-", ".").replace("_", ".").split("."))


def _declares_development(environment: Mapping[str, Setting[str]]) -> str | None:
    for name, values in _DEVELOPMENT.items():
        setting = environment.get(name)
        if setting is not None and str(setting.value) in values:
            return f"{name}={setting.value}"
    # An application's own stage variable (`HORILLA_ENV=development`, `MYAPP_ENVIRONMENT=local`).
    for name, setting in environment.items():
        if name.endswith(("_ENV", "_ENVIRONMENT")) and str(setting.value).lower() in _STAGES:
            return f"{name}={setting.value}"
    return None


def _reload(server: AppServer) -> Option | None:
    if server.kind == "uwsgi":
        option = server.last(*_AUTORELOAD)
        return option if option is not None and (integer(option) or 0) > 0 else None
    if server.kind == "gunicorn" and server.enabled("reload"):
        return server.last("reload")
    return None


def _app_paths(server: AppServer) -> list[str]:
    """Where, inside its container, the server loads the app's code from (absolute paths);
    empty when the files do not say."""
    base = server.start_directory.value if server.start_directory is not None else ""
    files: list[str] = []
    if server.kind == "uwsgi":
        specs = [str(o.value) for o in server.all(*_MODULE_LOADERS) if not o.unresolved]
        files = [str(o.value) for o in server.all(*_PATH_LOADERS) if not o.unresolved]
    else:
        specs = [server.app_spec] if ":" in server.app_spec else []
    for spec in specs:
        module = spec.split(":", 1)[0].strip()
        if module.endswith(".py") or "/" in module:
            files.append(module)
        elif module:
            files.append(module.split(".", 1)[0])   # the top package (or module) holds the rest
    paths = [posixpath.normpath(posixpath.join(base, path)) for path in files if path]
    return [path for path in paths if path.startswith("/")]


def _mounted_source(deployment: Deployment, server: AppServer, ctx: ReadContext, copied: Iterable[str],
                    why: str) -> Setting[str] | None:
    """The bind mount that holds every folder the server loads its app from, when the image
    copies none of that source in (then the image runs without the mount); ``why`` ends the
    note: what makes the service a development stack besides the mount."""
    paths = _app_paths(server)
    if not paths or any(_within(path, target) for target in copied for path in paths):
        return None
    mounts = [(target, store) for target, store in server.place.volumes if store.startswith("bind:")]
    holding = [next((mount for mount in mounts if _within(path, mount[0])), None) for path in paths]
    first = holding[0]
    if first is None or any(mount is None for mount in holding):
        return None
    target, store = first
    host_folder = deployment.host_folders.get(store)
    local = store[len("bind:"):]
    # The folder checked from is shown as `.`, as its files are shown relative to it.
    shown = "." if os.path.abspath(local) == os.path.abspath(ctx.cwd) else ctx.display(local)
    program = "uWSGI" if server.kind == "uwsgi" else "Gunicorn"
    return Setting(target, host_folder.at if host_folder is not None else None,
                   f"{server.place.label or server.place.name} mounts {shown} from "
                   f"the host over {target}, where {program} loads the app, {why}")


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")
