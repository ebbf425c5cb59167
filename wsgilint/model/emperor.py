"""The uWSGI Emperor as a producer of the deployment graph: it launches one vassal per file.

Facts (topologies.md §1, uWSGI 2.0 source and measured): ``emperor`` is a list option,
each value a watcher: ``dir://D`` or a bare directory watches ``D``, ``glob://P`` or any
other bare value is a glob (a missing path watches nothing, silently). Vassals are
``*.ini`` (and xml/yaml/json, which wsgilint does not read) files; in dir mode the
Emperor ``chdir``s into the directory and the vassal's name is its file name, in glob
mode the path as globbed and the cwd the Emperor's own. Each vassal is a fresh exec of

    BINARY [--inherit T].. [--include T].. [--set K=V].. --ini NAME [--inherit T].. [--include T]..

from ``vassals-inherit-before``, ``vassals-include-before``, ``vassal-set``, then
``vassals-inherit``/``vassals-include``; its environment is the Emperor's (minus
``NOTIFY_SOCKET``) with ``UWSGI_VASSAL_X=v`` as ``UWSGI_X=v``, and the binary name's
plugins through ``UWSGI_ORIGINAL_PROC_NAME``. Identity: a root Emperor lets a vassal's
own ``uid``/``gid`` apply; a non-root Emperor's vassals run as the Emperor (a ``uid`` by
name is silently ignored); ``emperor-tyrant`` runs each vassal as its file's owner (root
files refused). An Emperor in a container watches the folders its image and mounts put there.
The Emperor stops a vassal through a pipe, not a signal (SIGKILL after
``emperor-curse-tolerance``, 30 s), and under it ``daemonize`` only redirects the log.
"""
from __future__ import annotations

import glob
import os
import posixpath

from ..core.context import ReadContext
from ..core.span import Setting, Span
from . import AppServer, Deployment, Place, ProcessManager
from .uwsgi import uwsgi_from_argv

_VASSAL_SETS = ("vassal-set", "vassals-set")
# The vassal files read here, by the loader the Emperor starts each with (core/emperor.c:
# `--ini` for .ini, `--yaml` for .yml and .yaml); .xml and .json vassals are not read.
_VASSAL_PATTERNS = ("*.ini", "*.yml", "*.yaml")
_VASSAL_SUFFIXES = (".ini", ".yml", ".yaml")
_BEFORE = (("vassals-inherit-before", "--inherit"), ("vassals-include-before", "--include"))
_AFTER = (("vassals-inherit", "--inherit"), ("vassals-include", "--include"))
_ROOT = ("root", "0")
_CURSE_TOLERANCE = 30.0
_STOP_NOTE = ("the Emperor stops a vassal through its pipe, not a signal, and SIGKILLs it after "
              "emperor-curse-tolerance (30 s)")


def _watched(value: str, base: str | None, ctx: ReadContext) -> tuple[str, list[str], str | None]:
    """(mode, local vassal files, local directory for dir mode) of one ``emperor`` value."""
    scheme, sep, rest = value.partition("://")
    if sep and scheme not in ("dir", "glob"):
        return "other", [], None     # pg://, amqp://, zmq://: vassals come from elsewhere
    path = rest if sep else value
    if not posixpath.isabs(path) and base is not None:
        path = posixpath.join(base, path)
    if (sep and scheme == "dir") or (not sep and not glob.has_magic(path)):
        directory = ctx.local_directory(path)
        if directory is not None:
            return "dir", [p for pattern in _VASSAL_PATTERNS
                           for p in ctx.glob(posixpath.join(path, pattern), folders=2)], directory
        # A container's folder its image's build fills file by file: the files copied there,
        # from one folder of the tree, which stands for the folder the Emperor enters.
        copied = sorted({p for pattern in _VASSAL_PATTERNS for p in ctx.glob(posixpath.join(path, pattern))}) \
            if ctx.filesystem is not None else []
        folders = {os.path.dirname(p) for p in copied}
        if len(folders) == 1:
            return "dir", copied, folders.pop()
        if sep:
            return "dir", [], None
    return "glob", [p for p in ctx.glob(path, folders=2) if p.endswith(_VASSAL_SUFFIXES)], None


def _owner(local: str, deployment: Deployment, nofollow: bool) -> str | None:
    """The owner of a vassal file, when this run checks the live host."""
    if deployment.host.mode != "live":
        return None
    try:
        uid = (os.lstat(local) if nofollow else os.stat(local)).st_uid
    except OSError:
        return None
    return next((name for name, (number, _) in deployment.host.users.items() if number == uid), str(uid))


def _arguments(emperor: AppServer, target: str) -> list[str]:
    words: list[str] = []
    for key, flag in _BEFORE:
        for option in emperor.all(key):
            words += [flag, str(option.value)]
    for option in emperor.all(*_VASSAL_SETS):
        words += ["--set", str(option.value)]
    words += ["--ini" if target.endswith(".ini") else "--yaml", target]
    for key, flag in _AFTER:
        for option in emperor.all(key):
            words += [flag, str(option.value)]
    return words


def _environment(emperor: AppServer) -> dict[str, str]:
    env = {name: setting.value for name, setting in (emperor.manager.environment if emperor.manager else {}).items()
           if name != "NOTIFY_SOCKET"}
    for name in list(env):
        if name.startswith("UWSGI_VASSAL_"):
            env["UWSGI_" + name[len("UWSGI_VASSAL_"):]] = env.pop(name)
    return env


def _identity(emperor: AppServer, vassal: AppServer, manager: ProcessManager, local: str,
              deployment: Deployment) -> None:
    """Who the vassal runs as, and so who owns the sockets it binds."""
    runs_as = emperor.manager.user if emperor.manager and emperor.manager.user else None
    emperor_user = emperor.user or runs_as
    if emperor.enabled("emperor-tyrant"):
        owner = _owner(local, deployment, emperor.enabled("emperor-tyrant-nofollow"))
        note = "emperor-tyrant: a vassal runs as the owner of its file (root-owned files are refused)"
        manager.user = Setting(owner or "the owner of its file", None, note)
        if owner is None:
            return
        user: Setting[str] | None = Setting(owner, None, note)
        group: Setting[str] | None = None
    elif emperor_user is not None and emperor_user.value not in _ROOT:
        note = "a non-root Emperor's vassals run as the Emperor: their own uid/gid by name do not apply"
        user = Setting(emperor_user.value, emperor_user.at, note)
        group = emperor.group
        manager.user = user
    else:
        manager.user = vassal.user
        return
    vassal.user, vassal.group = user, group
    if not vassal.has("chown-socket"):
        for listener in vassal.listeners:
            if listener.owner is not None:
                listener.owner, listener.group = user, group


def _place(emperor: AppServer) -> Place:
    """Where the Emperor runs: its manager's place (a container's servers are placed after
    the Emperor's vassals are read), else its own."""
    return emperor.manager.place if emperor.manager is not None else emperor.place


def _vassal(emperor: AppServer, watcher_at: Span, local: str, directory: str | None, ctx: ReadContext,
            deployment: Deployment) -> tuple[ProcessManager, AppServer]:
    name = os.path.basename(local)
    target = name if directory is not None else ctx.target_path(local)
    binary = (emperor.manager.argv.value[0] if emperor.manager and emperor.manager.argv
              and emperor.manager.argv.value else "uwsgi")
    arguments = _arguments(emperor, target)
    env = _environment(emperor)
    cwd = directory if directory is not None else (ctx.local(emperor.start_directory.value)
                                                   if emperor.start_directory else None)
    vassal, problems = uwsgi_from_argv(arguments, watcher_at, ctx, cwd, env)
    deployment.problems.extend(problems)
    vassal.name = name.rsplit(".", 1)[0]
    vassal.binary_plugins = emperor.binary_plugins
    vassal.place = _place(emperor)
    manager = ProcessManager("uwsgi-emperor", vassal.name, watcher_at, place=vassal.place)
    manager.argv = Setting([binary, *arguments], watcher_at)
    manager.runs_program = "uwsgi"
    manager.launched_by = emperor
    manager.environment = {key: Setting(value, None, "inherited from the Emperor") for key, value in env.items()}
    if emperor.manager is not None:
        manager.environment_unseen = emperor.manager.environment_unseen
        manager.environment_unknown = dict(emperor.manager.environment_unknown)
    manager.stop_signal = Setting("emperor pipe", None, _STOP_NOTE)
    manager.stop_timeout = Setting(_CURSE_TOLERANCE, None, _STOP_NOTE)
    manager.kills_group = Setting(False, None, _STOP_NOTE)
    if directory is not None:
        manager.directory = Setting(posixpath.dirname(ctx.target_path(local)), watcher_at)
    _identity(emperor, vassal, manager, local, deployment)
    manager.runs, vassal.manager = vassal, manager
    return manager, vassal


def add_vassals(deployment: Deployment, ctx: ReadContext) -> None:
    """A manager and an app server per vassal of every Emperor; a vassal file read on its
    own before (as a standalone config) is replaced by the vassal."""
    emperors = [s for s in deployment.app_servers if s.kind == "uwsgi" and s.has("emperor")]
    vassal_files: set[str] = set()
    for emperor in emperors:
        base = emperor.start_directory.value if emperor.start_directory else None
        if base is None and emperor.sources and ctx.mode != "live":
            base = posixpath.dirname(ctx.target_path(emperor.sources[0]))
        for watcher in emperor.all("emperor"):
            if watcher.unresolved or not isinstance(watcher.value, str) or not watcher.value:
                continue
            # In a container the watched folder is the one its image and mounts put there
            # (`../uwsgi:/etc/uwsgi` makes /etc/uwsgi/vassals the tree's uwsgi/vassals).
            place = _place(emperor)
            with ctx.in_filesystem(place.filesystem if place.kind == "container" else None):
                _, files, directory = _watched(watcher.value, base, ctx)
            for local in files[:10_000]:
                if ctx.real(local) in vassal_files or any(ctx.real(local) == ctx.real(s) for s in emperor.sources):
                    continue
                vassal_files.add(ctx.real(local))
                manager, vassal = _vassal(emperor, watcher.at, local, directory, ctx, deployment)
                deployment.managers.append(manager)
                deployment.app_servers.append(vassal)
                if vassal.uwsgi_config is not None:
                    deployment.uwsgi_configs.append(vassal.uwsgi_config)
    if not vassal_files:
        return
    replaced = [s for s in deployment.app_servers
                if s.manager is None and s.sources and ctx.real(s.sources[0]) in vassal_files]
    # A tree's uwsgi/apps-enabled/x.ini reads as Debian's layout, which the host's init script
    # would start; one an image copies into a container whose Emperor starts it is that vassal.
    in_containers = {ctx.real(s.sources[0]) for s in deployment.app_servers
                     if s.manager is not None and s.manager.kind == "uwsgi-emperor" and s.place.kind == "container"
                     and s.sources}
    packaged = [s for s in deployment.app_servers if s.manager is not None and s.manager.kind == "init.d"
                and s.sources and ctx.real(s.sources[-1]) in in_containers]
    if packaged:
        replaced += packaged
        deployment.managers = [m for m in deployment.managers if not any(m is s.manager for s in packaged)]
    deployment.app_servers = [s for s in deployment.app_servers if not any(s is r for r in replaced)]
    configs = [s.uwsgi_config for s in replaced]
    deployment.uwsgi_configs = [c for c in deployment.uwsgi_configs if not any(c is r for r in configs)]
