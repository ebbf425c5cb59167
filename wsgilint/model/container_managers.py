"""The runtime side of the containers (model/containers.py): the process manager the
container runtime is for what a container starts, and what that start runs.

Facts from the Compose specification and the Dockerfile reference
(``shared/reference/topologies.md`` §5–6): a non-null ``entrypoint`` drops the image's
``CMD``; an empty one keeps the image's ``CMD``; a shell-form ``ENTRYPOINT`` ignores ``CMD``;
``docker stop`` sends the stop signal to PID 1 only, waits 10 s by default, then SIGKILLs.
supervisord started in a container runs the programs of a Supervisor config of the tree
copied or mounted where it reads them, with the container's environment; a base image's own
supervisord runs the programs its stock files name. A container whose whole start the files
show runs that, and not a config merely copied beside it.
"""
from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.context import ReadContext
from ..core.launchers import COMPOSE_INIT
from ..core.span import Setting, Span
from . import HOST, AppServer, Deployment, ProcessManager
from .base_images import BaseImage, names_supervisord_config, stock_setting
from .container_images import NGINX_CONF, Image, bin_sh, image_sets_executable, shell_commands
from .container_services import command_words, duration_seconds, environment_entries
from .graph import Place
from .managers import _resolve_wrapper

# The Compose (YAML) reader is loaded only when such files are checked.
if TYPE_CHECKING:
    from ..readers.yaml_nodes import Node

_DOCKER_DEFAULT = "Docker default"

# Process managers a container may start, which run programs their own configs name.
_MANAGERS = frozenset({"supervisord", "circusd", "honcho", "runsvdir", "s6-svscan"})


def container_manager(kind: str, name: str, at: Span, place: Place, image: Image | None, node: Node | None,
                      directory: str | None, ctx: ReadContext) -> tuple[ProcessManager, bool]:
    """The runtime as the manager of what a container of ``image`` starts in ``place``
    (``node``: its Compose service, whose files are in ``directory``; None for an image no
    Compose service runs), and whether the files show all that start runs."""
    manager = ProcessManager(kind, name, at, place=place)
    seen = False

    def compose(key: str) -> Node | None:
        value = node.get(key) if node is not None else None
        return value if value is not None and value.tag != "!unresolved" else None

    entry_node, command_node = compose("entrypoint"), compose("command")
    entrypoint, command = command_words(entry_node), command_words(command_node)
    refused = any(n is not None and n.value is not None and w is None
                  for n, w in ((entry_node, entrypoint), (command_node, command)))
    argv: Setting[list[str]] | None
    arguments_at: Span | None = None   # where the words after an ENTRYPOINT are written, when elsewhere
    if refused:
        argv = None   # Compose refuses the project and starts nothing: no command is guessed
    elif entrypoint == [] and command is None and image is not None and image.cmd is not None:
        # `entrypoint: ""` or `[]` empties the image's ENTRYPOINT, and the engine then keeps the
        # image's CMD when no command is given (moby daemon/commit.go `merge`: an empty
        # Entrypoint with an empty Cmd takes the image's Cmd; docker/compose#5272).
        argv = image.cmd
    elif entrypoint is not None:
        argv = Setting(entrypoint + (command or []), entry_node.at)   # type: ignore[union-attr]
        arguments_at = command_node.at if command and command_node is not None else None
    else:
        image_entry = image.entrypoint if image else None
        if image is not None and image.base is not None and image.base.entrypoint_execs and \
                image_entry is not None and not image.entrypoint_shell and \
                image_entry.value == list(image.base.entrypoint or ()) and \
                not (image_entry.value and posixpath.normpath(image_entry.value[0]) in image.copies):
            # The base's own script execs its arguments: PID 1 is the command. A build that
            # copies its own script over it (`COPY entrypoint.sh /docker-entrypoint.sh`) runs that.
            image_entry = None
        image_cmd = image.cmd if image else None
        cmd = Setting(command, command_node.at) if command is not None else image_cmd   # type: ignore[union-attr]
        if image_entry is not None and image is not None and image.entrypoint_shell:
            argv = image_entry   # a shell-form ENTRYPOINT ignores CMD (DFR 2350-2376)
        elif image_entry is not None:
            argv = Setting(image_entry.value + (cmd.value if cmd else []), image_entry.at)
            arguments_at = cmd.at if cmd else None
        else:
            argv = cmd
    if argv is not None and argv.value:
        manager.argv = argv
        base = image.base if image is not None else None
        if entrypoint is None and image is not None and image.entrypoint is None and base is not None \
                and not base.known:
            manager.start_unseen = Setting(base.written, base.at, f"the base image {base.written} is not one "
                                           "wsgilint knows, and an ENTRYPOINT of its own would run this command")
    user = compose("user")
    userns = compose("userns_mode")
    if userns is not None and userns.text.startswith("keep-id"):
        manager.keeps_caller_uid = Setting(userns.text, userns.at, "Podman runs the container as the uid of the "
                                           "user who starts it (Docker refuses keep-id)")
    spec = Setting(user.text, user.at) if user is not None else image.user if image else None
    if spec is not None:
        # `user: app:app`, `USER 1000:1000`: the account, then the group it runs with.
        account, _, group = spec.value.partition(":")
        manager.user = Setting(account, spec.at, spec.note)
        if group:
            manager.group = Setting(group, spec.at, spec.note)
    workdir = compose("working_dir")
    manager.directory = Setting(workdir.text, workdir.at) if workdir is not None else \
        image.workdir if image else None
    if manager.directory is None and (node is None or node.get("working_dir") is None) and \
            image is not None and image.base is not None and image.base.known:
        # No WORKDIR in the build nor its known base: Docker starts the command in `/`.
        manager.directory = Setting("/", None, f"{_DOCKER_DEFAULT} (no WORKDIR in the image)")
    manager.environment = dict(image.env) if image else {}
    manager.accounts_added = tuple(image.accounts_added) if image else ()
    manager.image_groups = dict(image.groups) if image else {}
    if node is None and image is not None:   # an image alone: the platform that runs it is not shown
        manager.arbitrary_uid = image.arbitrary_uid
    manager.environment_unknown = dict(image.env_unknown) if image else {}
    if image is not None and image.base is not None and not image.base.known:
        manager.environment_unseen = Setting(image.base.written, image.base.at,
                                             f"the base image {image.base.written} may set variables the "
                                             "files do not show")
    if node is not None and directory is not None:
        _env_files(manager, node, directory, ctx)
    environment = compose("environment")
    for key, given, item in environment_entries(environment):
        if given is None or item.tag == "!unresolved":
            # `- KEY` alone, or a value Compose interpolates from the shell that runs it: that
            # variable's value is not known; no other name is set by it.
            manager.environment.pop(key, None)
            manager.environment_unknown[key] = Setting(
                key, item.at, f"{key} comes from the shell that runs Compose, which the files do not show")
        else:
            manager.environment[key] = Setting(given, item.at)
            manager.environment_unknown.pop(key, None)
    signal = compose("stop_signal")
    manager.stop_signal = Setting(signal.text.upper().removeprefix("SIG"), signal.at) if signal is not None else \
        (image.stop_signal if image and image.stop_signal else Setting("TERM", None, _DOCKER_DEFAULT))
    grace = compose("stop_grace_period")
    seconds = duration_seconds(grace.text) if grace is not None else None
    manager.stop_timeout = Setting(seconds, grace.at) if seconds is not None and grace is not None else \
        Setting(10.0, None, _DOCKER_DEFAULT)
    # `docker stop` signals PID 1 only; `init: true` puts an init there that forwards to its child
    # (one of the wrapper's launchers, below).
    manager.kills_group = Setting(False, None, "docker stop signals the container's PID 1 only")
    written_image = node.get("image") if node is not None else None
    options: dict[str, Setting[Any]] = {}
    if image is None or not image.dockerfile and written_image is not None:
        # The image's CMD, USER, STOPSIGNAL... are not in the checked files.
        shown = written_image.text if written_image is not None else "?"
        options["image"] = Setting(shown, written_image.at if written_image else None,
                                   "its Dockerfile is not among the checked files")
    for key in ("stop_signal", "stop_grace_period", "user", "init", "restart"):
        value = compose(key)
        if value is not None:
            options[key] = Setting(value.text, value.at)
    # Docker gives a container /dev/null as stdin unless the service keeps it open or has a tty
    # (a value from the shell's environment leaves it unknown).
    kept = [value for value in (node.get("stdin_open"), node.get("tty")) if value is not None] if node else []
    if node is not None and not kept:
        manager.stdin = Setting("null", None, f"Compose service {name} sets neither stdin_open nor tty")
    elif kept and all(value.tag != "!unresolved" and value.text.lower() == "false" for value in kept):
        manager.stdin = Setting("null", kept[0].at, f"Compose service {name} sets stdin_open and tty false")
    if manager.argv is not None:
        manager.start_not_executable = _not_executable(manager.argv, manager.directory, image, place, ctx)
        start_dir = manager.directory.value if manager.directory else None
        started = manager.argv.value
        with ctx.in_filesystem(place.filesystem):
            seen = _resolve_wrapper(manager, manager.argv.value, manager.argv.at, ctx, start_dir, bin_sh(image),
                                    arguments_at)
        if manager.wrapper is not None:
            options["command"] = Setting(" ".join(manager.argv.value), manager.argv.at)
            init = compose("init")
            if init is not None and init.text.lower() == "true":
                manager.wrapper_launchers = (COMPOSE_INIT, *manager.wrapper_launchers)
        _appended_daemon_off(manager, image, place)
        if manager.runs_program in ("uwsgi", "gunicorn") and image is not None and image.dockerfile:
            manager.program_missing = _program_missing(manager, started, image, ctx)
    manager.options = options
    return manager, seen


def _program_missing(manager: ProcessManager, started: list[str], image: Image,
                     ctx: ReadContext) -> Setting[str] | None:
    """Where the container's image is known to hold no uWSGI (or Gunicorn), as its start runs
    it: what the build installs (model/image_installs.py), and what the start runs before the
    server (a `sh -c` text, its scripts), which must install nothing either."""
    from ..readers.shell import SHELLS
    from .image_installs import missing_program, start_unread

    texts = [started[started.index("-c", 1) + 1]] if started and os.path.basename(started[0]) in SHELLS and \
        "-c" in started[1:-1] else []
    texts += [text for text in (ctx.read(path, peek=True).text for path in manager.start_scripts) if text is not None]
    why = start_unread(texts, shell_commands)
    launcher = os.path.basename(started[0]) if started else ""
    if not why and (launcher == "uvx" or launcher == "uv" and "run" in started[1:4]):
        why = f"its start runs `{' '.join(started[:3])}`, which installs the project's packages as it starts"
    unread = Setting(why, manager.argv.at if manager.argv else None) if why else image.installs_unread
    return missing_program(manager.runs_program, image.base, image.install_steps, unread, ctx)


def _not_executable(argv: Setting[list[str]], directory: Setting[str] | None, image: Image | None, place: Place,
                    ctx: ReadContext) -> Setting[str] | None:
    """The tree file a container's start executes by its path when it has no execute bit there
    and nothing gives it one in the container: the engine's exec fails (EACCES) and the
    container does not start. A bind mount shows the host's file as it is, whatever the build
    did; a copy keeps the tree's mode unless a RUN's chmod or the COPY's --chmod changes it."""
    program = argv.value[0]
    if "/" not in program or program.startswith("$") or (not program.startswith("/") and directory is None):
        return None
    path = posixpath.normpath(posixpath.join(directory.value if directory else "/", program))
    with ctx.in_filesystem(place.filesystem):
        local, bound = ctx.source_of(path)
    if local is None or not os.path.isfile(local) or os.stat(local).st_mode & 0o111:
        return None
    if not bound and (image is None or image_sets_executable(image, path)):
        return None
    shown = ctx.display(local)
    how = (f"`{program}` is the host's file, bind-mounted at {path}, so what the build does to its mode does not "
           "apply" if bound else f"the build copies it to {path} and gives it no execute bit (no chmod, no --chmod)")
    return Setting(shown, argv.at, how)


def _appended_daemon_off(manager: ProcessManager, image: Image | None, place: Place) -> None:
    """nginx started in ``place`` without -c reads /etc/nginx/nginx.conf, to which the image's
    build appended `daemon off;` (unless a volume puts another file there)."""
    argv = manager.argv.value if manager.argv else []
    if manager.runs_program == "nginx" and image is not None and image.nginx_daemon_off is not None and \
            not any(word == "-c" or word.startswith("-c/") for word in argv) and \
            not any(NGINX_CONF == target or NGINX_CONF.startswith(target.rstrip("/") + "/")
                    for target, _ in place.volumes):
        manager.stays_foreground = image.nginx_daemon_off


def _inherit_unseen(manager: ProcessManager, container: ProcessManager) -> None:
    """What supervisord in ``container`` passes on that the files do not show, under what
    the program sets itself."""
    manager.environment_unknown = {**{name: setting for name, setting in container.environment_unknown.items()
                                      if name not in manager.environment}, **manager.environment_unknown}
    manager.environment_unseen = manager.environment_unseen or container.environment_unseen


def _env_files(manager: ProcessManager, node: Node, directory: str, ctx: ReadContext) -> None:
    """``env_file:`` (a path, a list of paths or of ``{path, required}``), read as Compose
    reads ``.env`` when the checked tree holds it; one it does not hold may set anything."""
    from ..readers.compose import read_dotenv

    env_file = node.get("env_file")
    if env_file is None or env_file.value is None:
        return
    for entry in env_file.value if isinstance(env_file.value, list) else [env_file]:
        path = entry.get("path") if isinstance(entry.value, dict) else entry
        if path is None or not path.text:
            continue
        local = os.path.normpath(os.path.join(directory, path.text))
        readable = path.tag != "!unresolved" and ctx.inside(local) and os.path.isfile(local)
        text = ctx.read(local, peek=True).text if readable else None
        if text is None:
            manager.environment_unseen = manager.environment_unseen or Setting(
                path.text, path.at, f"env_file {path.text} is not in the checked files")
            continue
        variables = read_dotenv(text)
        manager.environment.update({key: Setting(value, path.at) for key, value in variables.items()})
        for key in variables:
            manager.environment_unknown.pop(key, None)


def supervisor_programs_moved_in(container: ProcessManager, image: Image | None, managers: list[ProcessManager],
                                 file_places: list[tuple[str, Place]], supervisor_files: dict[str, str]) -> bool:
    """A container whose command runs supervisord, with a Supervisor config of the tree
    copied or mounted in, runs that config's programs (as an nginx config copied into the
    service that runs nginx runs there): in its place, with its environment, which
    supervisord passes on under each program's own ``environment=``. ``managers``: every one
    so far; ``file_places``: each local file or folder in a place; ``supervisor_files``: display
    path -> local path of each Supervisor file. A supervisord its start script runs before its
    server's line counts as one its command runs."""
    argv = container.argv.value if container.argv else []
    words = [token for word in argv for token in re.split(r"[\s;&|()]+", word)] + \
        [word for before in container.supervisords_before for word in before.value]
    # The base image's own start script (tiangolo's /start.sh) execs supervisord without -c,
    # which reads a config the build copies over the image's stock one.
    start_script = image.base.supervisord_start if image is not None and image.base is not None else ""
    if not any(word.rsplit("/", 1)[-1] == "supervisord" or start_script and word == start_script
               for word in words):
        return False
    inside = [local for local, place in file_places if place is container.place]
    workdir = container.directory.value if container.directory else image.workdir.value if image and image.workdir else "/"
    read = _read_by_stock_supervisord(image, words, container.place, supervisor_files, workdir)
    moved = False
    for manager in managers:
        local = supervisor_files.get(manager.at.path)
        if manager.kind != "supervisor" or manager.place is not HOST or local is None or not any(
                local == path or local.startswith(path.rstrip(os.sep) + os.sep) for path in inside):
            continue
        if read is not None and not read(local):
            continue
        manager.place = container.place
        if manager.directory is None:
            # supervisord changes directory only when it daemonizes (supervisor/options.py,
            # _daemonize), never in a container's foreground: a program without directory=
            # starts where the container starts supervisord.
            manager.directory = container.directory
        manager.environment = {**container.environment, **manager.environment}
        _inherit_unseen(manager, container)
        if image is not None and image.base is not None:
            manager.stock_files = dict(image.base.files)
        _appended_daemon_off(manager, image, container.place)
        moved = True
    return moved


def _read_by_stock_supervisord(image: Image | None, words: list[str], place: Place,
                               supervisor_files: dict[str, str], workdir: str) -> Callable[[str], bool] | None:
    """Which tree files a ``supervisord`` started without ``-c`` reads in an image of a known
    base: a ``supervisord.conf`` where it searches (supervisor/options.py: beside its
    binary, the start directory, /etc, /etc/supervisor), and the folders the distributions'
    stock files include (Debian's /etc/supervisor/conf.d/*.conf, Red Hat's
    /etc/supervisord.d/*.ini). A Supervisor file copied elsewhere (``COPY . /code``) is
    not loaded. None: no limit known (``-c``, a tree ``supervisord.conf`` whose
    ``[include]`` may name any file, a base image whose files are not known)."""
    base = image.base if image is not None else None
    if image is None or base is None or not base.known or names_supervisord_config(words):
        return None
    targets: dict[str, list[str]] = {}
    mounts = [*image.copies.items(), *((target, store[len("bind:"):]) for target, store in place.volumes
                                       if store.startswith("bind:"))]
    for local in set(supervisor_files.values()):
        for target, source in mounts:
            source = os.path.abspath(source)
            if local == source or local.startswith(source.rstrip(os.sep) + os.sep):
                inner = os.path.relpath(local, source).replace(os.sep, "/")
                targets.setdefault(local, []).append(posixpath.normpath(posixpath.join(target, inner)))
    searched = _searched_configs(words, workdir)
    if any(path in searched for paths in targets.values() for path in paths):
        return None

    def loaded(local: str) -> bool:
        return any(posixpath.dirname(path) == "/etc/supervisor/conf.d" and path.endswith(".conf")
                   or posixpath.dirname(path) == "/etc/supervisord.d" and path.endswith(".ini")
                   for path in targets.get(local, ()))
    return loaded


def _searched_configs(words: list[str], workdir: str) -> set[str]:
    """Where ``supervisord`` without ``-c`` looks for its main config (supervisor/options.py,
    ``searchpaths``): beside the folder of its binary (``/usr/bin/supervisord``: /usr/etc and
    /usr; a bare name: Debian's /usr/bin or pip's /usr/local/bin), the start directory, /etc
    and /etc/supervisor. A ``supervisord.conf`` elsewhere (conf.d/) is at most included, and
    an included file's own ``[include]`` is not read."""
    binaries = [word for word in words if word.rsplit("/", 1)[-1] == "supervisord"]
    folders = {posixpath.dirname(word) for word in binaries if word.startswith("/")} or {"/usr/bin", "/usr/local/bin"}
    heres = {posixpath.dirname(folder) for folder in folders}
    return {"/etc/supervisord.conf", "/etc/supervisor/supervisord.conf",
            posixpath.join(workdir, "supervisord.conf"), posixpath.join(workdir, "etc", "supervisord.conf"),
            *(posixpath.join(here, "etc", "supervisord.conf") for here in heres),
            *(posixpath.join(here, "supervisord.conf") for here in heres)}


def stock_programs(container: ProcessManager, base: BaseImage) -> list[ProcessManager]:
    """The programs the base image's own supervisord starts in the container, with the
    container's environment (supervisord passes its own on) and the image's files."""
    programs: list[ProcessManager] = []
    for program in base.programs:
        manager = ProcessManager("supervisor", program.name, base.at or container.at, place=container.place)
        manager.argv = stock_setting(base, list(program.argv), f"[program:{program.name}] of {base.supervisord_config}")
        manager.environment = dict(container.environment)
        _inherit_unseen(manager, container)
        manager.stop_signal = stock_setting(base, program.stop_signal, f"stopsignal of [program:{program.name}]")
        manager.stop_timeout = stock_setting(base, program.stop_timeout, f"stopwaitsecs of [program:{program.name}]")
        manager.kills_group = Setting(False, None, "supervisord default (stopasgroup=false)")
        manager.stock_files = dict(base.files)
        if program.foreground:
            manager.stays_foreground = stock_setting(base, True, program.foreground)
        if base.supervisord_quits:
            manager.ends_container = stock_setting(base, True, base.supervisord_quits)
        _resolve_wrapper(manager, list(program.argv), None, None, None)
        programs.append(manager)
    return programs


def unrun_configs(deployment: Deployment, ctx: ReadContext, file_places: list[tuple[str, Place]],
                  seen_starts: set[Place]) -> dict[str, tuple[AppServer, str]]:
    """Real path -> (server, why) of each app-server config that no manager starts and that
    is only in containers whose whole start the files show, running something else: a
    config a build copies beside the script that starts Gunicorn does not run. Where the
    files cannot show what a place starts (a script not in the tree, a base image's start,
    an Emperor, supervisord) nothing is concluded, and the config stands alone as before."""
    unrun: dict[str, tuple[AppServer, str]] = {}
    placed = managers_by_place(deployment.managers)
    for server in deployment.app_servers:
        if server.manager is not None or not server.sources or server.unseen_base is not None:
            continue
        source = os.path.abspath(server.sources[0])
        places = sorted({place for local, place in file_places
                         if source == local or source.startswith(local.rstrip(os.sep) + os.sep)},
                        key=lambda place: place.name)
        found = [only_start(place, placed.get(place, []), seen_starts) for place in places]
        starts = [start for start in found if start is not None]
        if not starts or len(starts) < len(found):
            continue
        if server.kind == "gunicorn" and any(start.runs is not None and start.runs.kind == "gunicorn"
                                             and start.runs.start_directory is None for start in starts):
            continue   # a Gunicorn started in an unknown directory may load ./gunicorn.conf.py by itself
        place, start = places[0], starts[0]
        where = start.wrapper or (start.argv.at if start.argv else None) or start.at
        program = {"uwsgi": "uWSGI", "gunicorn": "Gunicorn"}.get(start.runs_program, start.runs_program)
        if start.dev_server is not None and start.runs is None:
            where = start.dev_server.at or where
            program = f"the development server `{' '.join(start.dev_server.value)}`"
        others = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
        unrun[ctx.real(server.sources[0])] = (server, (
            f"copied or mounted into {place.label or place.name}{others}, whose start ({where.path}:{where.line}) runs "
            f"{program}, not this file, and nothing else in the checked files starts it there"))
    return unrun


# Programs a container may run in its app server's stead that start no uWSGI or Gunicorn
# themselves: task queue workers and monitors, databases, caches, Node's runners.
_NO_APP_SERVER = frozenset({"celery", "flower", "rq", "rqworker", "dramatiq", "huey_consumer", "arq",
                            "redis-server", "memcached", "postgres", "mysqld", "mongod", "node", "npm", "npx",
                            "yarn", "pnpm"})


def managers_by_place(managers: list[ProcessManager]) -> dict[Place, list[ProcessManager]]:
    """Each place's managers, in the order given."""
    placed: dict[Place, list[ProcessManager]] = {}
    for manager in managers:
        placed.setdefault(manager.place, []).append(manager)
    return placed


def only_start(place: Place, placed: list[ProcessManager], seen_starts: set[Place]) -> ProcessManager | None:
    """The container manager of ``place`` when the files show everything it starts there
    (``placed``: every manager in it; ``seen_starts``: the places whose whole start
    the files show): one server, whose command line names every config
    it loads, or nginx, or a development server (a start that runs one runs no uWSGI nor
    Gunicorn: ``managers._dev_server``), or a program that starts none (a Celery worker)."""
    if len(placed) == 1 and placed[0].in_container and placed[0].runs is None and (
            placed[0].dev_server is not None or placed[0].runs_program in _NO_APP_SERVER):
        return placed[0]
    if place not in seen_starts or len(placed) != 1 or not placed[0].in_container:
        return None
    start, server = placed[0], placed[0].runs
    if server is None:
        return start if start.runs_program == "nginx" else None
    if server.has("emperor") or server.unread_configs or (server.has("config") and not server.sources):
        return None   # vassals, or a config its start names that the files do not show
    return start


def place_reached_configs(deployment: Deployment, placed: dict[Place, list[ProcessManager]],
                          seen_starts: set[Place]) -> None:
    """A config no manager starts, copied or mounted into a container that nginx reaches by
    that container's name and one of the config's ports (`uwsgi_pass web:8000` to the
    `socket = :8000` of the ini bind-mounted into service web), runs in that container: a
    Python app server is not left on a host that has none. Where several containers are
    reached so, which one runs it is unknown (``AppServer.places_unknown``). Only a
    container whose start may run it is one: a start the files do not show (then the
    assumption is kept in ``AppServer.place_assumed``) or a process manager; not one whose
    start the files show running another server (Gunicorn, a development server, nginx)."""
    # Not Deployment.routes: that list is kept once the model is complete, which it is not yet.
    wanted = {(host, port) for instance in deployment.nginx for route in instance.routes
              for target in route.targets
              for host, port in [(target.address.host, target.address.port)]
              if target.address.family == "inet" and host and not target.address.is_loopback}
    if not wanted:
        return
    for server in deployment.app_servers:
        if server.manager is not None or server.place is not HOST or not server.copied_into:
            continue
        ports = {listener.address.port for listener in server.listeners
                 if listener.address.family == "inet" and not listener.address.is_loopback}
        reached = [place for place in server.copied_into if place.kind == "container" and any(
            port in ports and place.answers(host) for host, port in wanted)]
        starts = {place: _may_start(place, placed.get(place, []), seen_starts) for place in reached}
        reached = [place for place in reached if starts[place] is not None]
        if len(reached) == 1:
            server.place = reached[0]
            note = starts[reached[0]]
            if note:
                server.place_assumed = Setting(reached[0].label or reached[0].name, server.at, note)
        elif reached:
            server.places_unknown = tuple(reached)


def _may_start(place: Place, placed: list[ProcessManager], seen_starts: set[Place]) -> str | None:
    """Whether the start of ``place`` may run a config nothing else starts: None when the
    files show all it starts and that is another server (``only_start``); "" when it is a
    process manager that may be told to; else the assumption made in running it there."""
    if only_start(place, placed, seen_starts) is not None:
        return None
    if any(manager.runs_program in _MANAGERS for manager in placed):
        return ""
    shown = next((manager.wrapper or (manager.argv.at if manager.argv else None)
                  for manager in placed if manager.wrapper or manager.argv), None)
    start = f"its start ({shown.path}:{shown.line})" if shown is not None else "its start"
    return (f"assumed: it runs in {place.label or place.name}, which nginx reaches by that name; "
            f"{start} is not all the checked files show, and may not run it")
