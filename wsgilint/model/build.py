"""Build the Deployment: read every discovered file once, then link the pieces —
which nginx files belong to which nginx.conf, which app server each process
manager starts, and which app-server configs nobody starts (they stand alone)."""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.commands import Command, recognise
from ..core.context import ReadContext
from ..core.environment import Environment
from ..core.numbers import decimal
from ..core.sources import Discovery, SourceFile
from ..core.text import Text
from ..readers.systemd import SystemdUnit as SystemdUnitFile
from . import AppServer, Deployment, Host, Problem, ProcessManager, Setting, Span
from .controlled import handed_to_user, handed_to_user_managers
from .suppressions import suppressions_in

if TYPE_CHECKING:
    from ..readers.gunicorn import GunicornConfig
    from ..readers.nginx import NginxTree
    from . import NginxInstance



def _is_nginx_main(path: str, ctx: ReadContext) -> bool:
    """A main config has the top-level blocks; a file named nginx.conf that holds only
    ``server`` blocks is a site fragment (common in repositories)."""
    return _opens_main_block(ctx.read(path, peek=True).text or "")


def _opens_main_block(text: str) -> bool:
    """Whether ``http`` or ``events`` starts a line, after spaces (which, as in
    ``^\\s*(http|events)\\s*\\{`` multi-line, may be blank lines), and ``{`` follows it after
    spaces. String methods instead of the pattern, whose compiling cost 0.36 M instructions
    (tests/test_startup_patterns.py compares the two)."""
    for word in ("http", "events"):
        start = text.find(word)
        while start >= 0:
            line = start    # back over the spaces before the word, to a line's start or not
            while line > 0 and text[line - 1] != "\n" and text[line - 1].isspace():
                line -= 1
            after = start + len(word)
            while after < len(text) and text[after].isspace():
                after += 1
            if (line == 0 or text[line - 1] == "\n") and text.startswith("{", after):
                return True
            start = text.find(word, start + 1)
    return False


def _read_nginx(discovery: Discovery, ctx: ReadContext, deployment: Deployment,
                rendered: Sequence[SourceFile] = ()) -> None:
    from ..readers.nginx import read_nginx_fragment, read_nginx_main
    from ..readers.nginx_includes import unread_in_container
    from .nginx import nginx_instance

    # Rules read nginx through the model only: each reader tree is dropped once its
    # instance is built.
    files = discovery.of_kind("nginx") + list(rendered)
    mains = [f for f in files if _is_nginx_main(f.path, ctx)]
    covered: set[str] = set()
    # Both ask where container builds and mounts put each file: nowhere, without containers.
    containers = bool(ctx.container_paths)
    left_behind = _left_behind(files, ctx) if containers else {}
    included_by: set[str] = set()   # real paths of the files a main nginx.conf includes
    read_mains = []
    read: list[tuple[SourceFile, NginxTree, NginxInstance]] = []
    for main in mains:
        tree = read_nginx_main(main.path, ctx)
        covered.update(ctx.real(p) for p in tree.local_paths)
        included_by.update(ctx.real(p) for p in tree.local_paths if p != main.path)
        instance = nginx_instance(tree, standalone=False)
        if main.path in left_behind:
            instance.assumed.setdefault(ctx.display(main.path), left_behind[main.path])
        deployment.nginx.append(instance)
        deployment.problems.extend(tree.problems)   # the reader's, then the model's
        read_mains.append((main, instance))
        read.append((main, tree, instance))
    for main, instance in read_mains:
        # A file with `http` and no `events` that another nginx.conf includes at its top is part of that one;
        # only a file nginx starts with (its nginx.conf, here or where a container puts it) needs `events`.
        if instance.events_missing is None or ctx.real(main.path) in included_by:
            continue
        if os.path.basename(main.path) == "nginx.conf" or any(
                target.endswith("/nginx.conf") for _, target in ctx.placements(main.path)):
            deployment.problems.append(Problem(
                "syntax", "no `events` block: nginx refuses to start with this file as its nginx.conf (nginx -t: "
                "no \"events\" section in configuration); add `events {}` at the top level", instance.events_missing))
    main_dirs = [os.path.dirname(m.path) + os.sep for m in mains]
    paths = {f.path for f in files}
    unloaded: dict[str, str] = {}
    included = set(covered)   # every file some nginx tree read
    # A container's nginx loads a file copied into it only if a configuration includes it.
    unread = {fragment.path: why for fragment in files if (why := unread_in_container(fragment.path, ctx))} \
        if containers else {}
    for fragment in sorted(files, key=lambda f: f.path in unread):
        real = ctx.real(fragment.path)
        if real in covered:
            continue
        if fragment.path in unread and real not in included:
            unloaded[real] = unread[fragment.path]
            continue
        # On a host, a file below nginx.conf's directory that it does not include is not
        # loaded by nginx (a site in sites-available without a link). A repository may
        # keep unrelated sites side by side: each is read on its own.
        if ctx.mode != "repository" and any(fragment.path.startswith(d) for d in main_dirs):
            unloaded[real] = "no nginx.conf above it includes it, so nginx does not load it: not checked"
            continue
        enabled = _enabled_copy(fragment.path, paths)
        if enabled is not None:
            unloaded[real] = (f"{ctx.display(enabled)} is the site of this name nginx loads (Debian's nginx.conf "
                              "includes sites-enabled/*, not sites-available): not checked")
            continue
        covered.add(real)
        tree = read_nginx_fragment(fragment.path, ctx)
        included.update(ctx.real(p) for p in tree.local_paths)
        instance = nginx_instance(tree)
        if fragment.path in left_behind:
            instance.assumed.setdefault(ctx.display(fragment.path), left_behind[fragment.path])
        deployment.nginx.append(instance)
        deployment.problems.extend(tree.problems)
        read.append((fragment, tree, instance))
    if ctx.mode == "repository":
        _written_as_notes(read, ctx)
    if ctx.nginx_tokens is not None:   # every nginx file is read: the child that lexed them is done
        ctx.nginx_tokens.finish()
        ctx.nginx_tokens = None
    _explain(deployment, ctx, "nginx", unloaded)


def _enabled_copy(path: str, paths: set[str]) -> str | None:
    """The site of ``path``'s name in the sites-enabled folder beside its sites-available
    folder, where the tree holds one as a file of its own (a copy, or a link that leads
    elsewhere): nginx loads that one, and this is its source or an older copy."""
    folder, name = os.path.split(path)
    if os.path.basename(folder) != "sites-available":
        return None
    enabled = os.path.join(os.path.dirname(folder), "sites-enabled", name)
    return enabled if enabled in paths else None


def _written_as_notes(read: Sequence[tuple[SourceFile, NginxTree, NginxInstance]], ctx: ReadContext) -> None:
    """Files that nothing in the repository reads (no nginx file of it includes them, no build
    or mount puts them anywhere) and that no nginx could load as written: an `http` block and no
    `events` (nginx needs `events` in the file it starts with, and refuses `http` inside another's
    `http`), or a value in the manual's notation (`8k|16k`). Such a file is notes, a cheat sheet,
    or part of a configuration the files do not show: what is found in it is said of the file as
    written, as an info. A file named nginx.conf is the one nginx starts with, and its missing
    `events` is an error of its own."""
    from ..readers.nginx import manual_notation

    elsewhere = {ctx.real(path) for _, tree, _ in read for path in tree.local_paths[1:]}
    for source, tree, instance in read:
        display = ctx.display(source.path)
        if display in instance.assumed or ctx.real(source.path) in elsewhere or ctx.placements(source.path):
            continue
        top = {stmt.directive: stmt for stmt in tree.statements}
        if "http" in top and "events" not in top and "include" not in top \
                and os.path.basename(source.path) != "nginx.conf":
            why = (f"it has an `http` block (line {top['http'].at.line}) and no `events`, so no nginx starts with "
                   "it, and none includes it inside its own `http`")
        elif (written := manual_notation(tree.statements)) is not None:
            value = " ".join(written.args)
            why = (f"`{written.directive} {value if len(value) <= 60 else value[:57] + '...'}` (line "
                   f"{written.at.line}) is the nginx manual's notation for a choice of values, which nginx does not "
                   "read")
        else:
            continue
        instance.assumed[display] = (f"nothing in the checked files loads this file, and no nginx could load it as "
                                     f"written: {why}; assumed to be notes, so this is said of the file as written")


def _left_behind(files: Sequence[SourceFile], ctx: ReadContext) -> dict[str, str]:
    """nginx files that no build or mount puts anywhere, beside one that a container's nginx
    gets (``COPY nginx/nginx.conf /etc/nginx/``, not ``nginx/nginx_old.conf``): the folder
    is that image's, and no nginx the files show loads them (path -> the note saying so)."""
    from ..readers.nginx_includes import ETC_NGINX

    placements = {source.path: ctx.placements(source.path) for source in files}
    placed: dict[str, str] = {}   # folder -> a file of it placed below /etc/nginx
    for source in files:
        if any(target.startswith(ETC_NGINX + "/") for _, target in placements[source.path]):
            placed.setdefault(os.path.dirname(source.path), source.display)
    return {source.path: f"no image or mount of the checked files puts it where nginx reads it, though "
                         f"{placed[os.path.dirname(source.path)]} beside it is copied into one: assumed it is not "
                         "loaded as it stands (a leftover, or a copy meant for another host)"
            for source in files if os.path.dirname(source.path) in placed and not placements[source.path]}


def _as_rendered(deployment: Deployment, rendered: list[SourceFile]) -> None:
    """Templates an image renders as they are: listed as the nginx files they become, and no
    longer reported as templates left unchecked."""
    by_path = {source.path: source for source in rendered}
    shown = {source.display for source in rendered}
    deployment.files = [by_path.get(f.path, f) for f in deployment.files]
    deployment.problems = [p for p in deployment.problems if not (p.kind == "template" and p.at.path in shown)]


def _explain(deployment: Deployment, ctx: ReadContext, kind: str, why: dict[str, str]) -> None:
    """Add to the reason of each file of ``kind`` (by real path) why it is not part of what runs."""
    if why:
        deployment.files = [dataclasses.replace(f, reason=f"{f.reason}; {why[ctx.real(f.path)]}")
                            if f.kind == kind and ctx.real(f.path) in why else f for f in deployment.files]


def _read_managers(discovery: Discovery, ctx: ReadContext, deployment: Deployment) -> list[SystemdUnitFile]:
    """Supervisor programs and systemd services; returns the .socket units that run."""
    from ..readers.supervisor import read_supervisor
    from ..readers.systemd import enabled_names, find_dropins, in_unit_directory, linked_from_unit_directory, read_unit
    from .managers import manager_from_unit, managers_from_supervisor
    from .packaged import debian_init_script
    from .supervisor import supervisor_config
    from .systemd import systemd_unit

    supervisor_files = discovery.of_kind("supervisor")
    # A supervisord.conf reads its [include] files itself; read those mains first so
    # the included files are seen in context and not a second time alone.
    supervisor_files.sort(key=lambda f: "[include]" not in (ctx.read(f.path, peek=True).text or ""))
    included: set[str] = set()
    for source in supervisor_files:
        if ctx.real(source.path) in included:
            continue
        config = read_supervisor(source.path, ctx)
        included.update(ctx.real(p) for p in config.included_files)
        deployment.problems.extend(config.problems)
        deployment.supervisor.append(supervisor_config(config, ctx))
        deployment.managers.extend(managers_from_supervisor(config, ctx, deployment.supervisor[-1]))

    units = []
    folders_with_dropins: dict[str, bool] = {}
    for source in discovery.of_kind("systemd"):
        directory = os.path.basename(os.path.dirname(source.path))
        if directory.endswith((".service.d", ".socket.d")):
            continue  # drop-ins are read with their unit
        if directory.endswith((".wants", ".requires", ".upholds")) and os.path.islink(source.path):
            continue  # `systemctl enable` made it: the unit is read where it lives, the link names an instance
        units.append(read_unit(source.path, ctx, find_dropins(source.path, ctx, None, folders_with_dropins)))
    # A template with enabled instances runs as those instances (model/activation.py).
    instances: dict[str, list[SystemdUnitFile]] = {}
    if any(unit.name.rpartition(".")[0].endswith("@") for unit in units):
        from .activation import running_units  # only a template unit has instances
        instances = running_units(units, enabled_names([unit.path for unit in units], ctx), ctx)
    sockets: list[SystemdUnitFile] = []
    user_managed: frozenset[str] = frozenset()
    if any("/systemd/user/" not in (unit.display or unit.path) for unit in units):
        user_managed = handed_to_user_managers(discovery.skipped, ctx)   # scripts are read as no kind
    for unit in units:
        deployment.problems.extend(unit.problems)
        # On a host, systemd loads a unit only from its unit directories (a link there to a file
        # elsewhere is read as that file, where discovery found it through the link).
        loaded = ctx.mode == "repository" or in_unit_directory(ctx.target_path(unit.path)) \
            or linked_from_unit_directory(unit.path, ctx)
        running = instances.get(unit.name, [unit]) if loaded else []
        managers = [manager for manager in (manager_from_unit(each, ctx) for each in running) if manager is not None]
        deployment.managers.extend(managers)
        sockets.extend(each for each in running if each.kind == "socket")
        deployment.systemd_units.append(systemd_unit(unit, managers[0] if managers else None,
                                                     [ctx.display(p) for p in unit.dropins],
                                                     handed_to_user(unit.display or unit.path, unit.name, user_managed)))
    deployment.managers.extend(debian_init_script(discovery, ctx))
    return sockets


def _local_start_directory(manager: ProcessManager, ctx: ReadContext) -> str | None:
    """The start directory here, when the tree holds it (relative paths resolve against it)."""
    if manager.server_start is None:
        return None
    local = ctx.local(manager.server_start.value)
    return local if local and os.path.isdir(local) else None


def _server_of(manager: ProcessManager, program: str, argv: Setting[list[str]], command: Command | None,
               ctx: ReadContext, gunicorn_configs: list[GunicornConfig]) -> tuple[AppServer, list[Problem]]:
    """The uWSGI or Gunicorn ``argv`` starts, as ``manager`` starts it (its directory,
    environment, files); ``command`` is ``recognise(argv.value)``."""
    from .uwsgi import uwsgi_from_argv

    unseen = manager.environment_unseen
    env = Environment({name: setting.value for name, setting in manager.environment.items()},
                      unseen.note if unseen is not None else "",
                      {name: setting.note for name, setting in manager.environment_unknown.items()})
    start = argv.at or manager.at
    # A container's paths are its own image's and mounts', not another container's namesakes.
    container = manager.place.kind == "container"
    # A wrapper script may write files (a config rendered from a template) by means not followed
    # here: only a command that starts the server itself is held to what the build copied.
    held_to = manager.place.started_with if manager.wrapper is None else ""
    with ctx.in_filesystem(manager.place.filesystem if container else None, held_to):
        if program == "uwsgi":
            if manager.place.run_unseen and not env.unseen:
                # An image nothing in the files runs: `docker run -e` may set any variable.
                env = Environment(env, f"{manager.place.label} is run by a command the files do not show",
                                  env.unknown)
            # What follows the uwsgi program (``/usr/bin/uwsgi``, ``uwsgi_python3``).
            arguments = command.arguments if command is not None else argv.value
            # A shell (a wrapper, `sh -c`, a shell-form CMD), Compose and systemd expand `$NAME`;
            # supervisord and an exec-form CMD run the command as written: a `$` reaches uWSGI.
            shell_words = manager.wrapper is not None or manager.kind in ("compose", "systemd")
            return uwsgi_from_argv(arguments, start, ctx, _local_start_directory(manager, ctx),
                                   env, manager.stock_files, manager.server_start.value if manager.server_start else None,
                                   shell_words)
        from .gunicorn import gunicorn_from_argv  # Gunicorn's reader only for a tree that starts one
        directory = manager.server_start.value if manager.server_start else None
        return gunicorn_from_argv(argv.value, start, ctx, directory, env, gunicorn_configs, command)


def _link_app_servers(discovery: Discovery, ctx: ReadContext, deployment: Deployment) -> None:
    from .gunicorn_config import gunicorn_config_files
    from .packaged import (
        binary_plugins,
        debian_apps_not_enabled,
        drop_unloaded_routers,
        rhel_boot_directories,
        rhel_emperor_unit,
    )
    from .uwsgi import uwsgi_from_ini

    gunicorn_configs: list[GunicornConfig] = []   # every config file a Gunicorn loads
    claimed: set[str] = set()
    # Real paths of the files a container's command means but the container lacks: no start
    # of their own, so each is reported once, where the command names it.
    unreachable: dict[str, str] = {}
    # Debian's init script starts an enabled app only when no manager in the files starts
    # that file itself (Supervisor or systemd running apps-enabled/x.ini directly).
    deployment.managers.sort(key=lambda m: m.kind == "init.d")
    superseded: set[int] = set()   # ids of init.d apps; removed after the loop, not one list scan each
    for manager in deployment.managers:
        if manager.argv is None or manager.runs_program not in ("uwsgi", "gunicorn"):
            continue
        if manager.kind == "init.d" and ctx.real(ctx.local(manager.argv.value[4]) or "") in claimed:
            superseded.add(id(manager))
            continue
        command = recognise(manager.argv.value)   # once for the server and its binary's plugins
        server, problems = _server_of(manager, manager.runs_program, manager.argv, command, ctx, gunicorn_configs)
        deployment.problems.extend(problems)
        if server.uwsgi_config is not None:
            deployment.uwsgi_configs.append(server.uwsgi_config)
        server.manager, manager.runs = manager, server
        if server.start_directory is None:
            server.start_directory = manager.server_start
        if server.kind == "uwsgi":
            server.binary_plugins = binary_plugins(manager, deployment.host, command)
            if manager.kind == "init.d":   # the enabled app, defined in its file, not in the package's default.ini
                server.name = manager.name
                server.at = next((h.at for h in reversed(server.uwsgi_config.headers) if h.name == "uwsgi"),
                                 server.at) if server.uwsgi_config else server.at
        claimed.update(ctx.real(source) for source in server.sources)
        deployment.app_servers.append(server)
        kind = "uWSGI" if server.kind == "uwsgi" else "Gunicorn"
        unreachable.update({ctx.real(unread.meant): f"{manager.place.label or manager.name}'s {kind} is started "
                            f"with it, but its container does not hold it (E003)"
                            for unread in server.unread_configs if unread.meant is not None})
    deployment.managers[:] = [manager for manager in deployment.managers if id(manager) not in superseded]
    # A server a wrapper starts with `&` beside the one it waits on runs where that manager
    # runs, with its environment; no manager watches or signals it, so it has none. So does one
    # it runs in the foreground before that line, where it daemonizes (else the shell waits on it).
    for manager in deployment.managers:
        for argv, daemon in [*((argv, False) for argv in manager.background_starts),
                             *((argv, True) for argv in manager.daemon_starts)]:
            program = recognise(argv.value)
            if program is None:
                continue
            server, problems = _server_of(manager, program.program, argv, program, ctx, gunicorn_configs)
            if daemon and not server.detaches:
                continue
            deployment.problems.extend(problems)
            if server.uwsgi_config is not None:
                deployment.uwsgi_configs.append(server.uwsgi_config)
            server.place, server.start_directory = manager.place, server.start_directory or manager.server_start
            server.started_in_background = Setting(manager, argv.at)
            claimed.update(ctx.real(source) for source in server.sources)
            deployment.app_servers.append(server)

    # Debian's apps-available/x.ini that nothing enables (and no manager above starts) never runs.
    not_enabled = {real: why for real, why in {**unreachable, **debian_apps_not_enabled(discovery, ctx)}.items()
                   if real not in claimed}
    _explain(deployment, ctx, "uwsgi", not_enabled)
    _explain(deployment, ctx, "gunicorn", not_enabled)
    standalone: list[AppServer] = []

    def gunicorn_standalone(local_path: str, ctx: ReadContext) -> tuple[AppServer, list[Problem]]:
        from .gunicorn import gunicorn_from_config  # Gunicorn's reader only for a tree that has its files
        return gunicorn_from_config(local_path, ctx, configs=gunicorn_configs)

    for kind, build_one in (("uwsgi", uwsgi_from_ini), ("gunicorn", gunicorn_standalone)):
        for source in discovery.of_kind(kind):
            if ctx.real(source.path) in claimed or ctx.real(source.path) in not_enabled:
                continue
            server, problems = build_one(source.path, ctx)
            deployment.problems.extend(problems)
            if server.uwsgi_config is not None:
                deployment.uwsgi_configs.append(server.uwsgi_config)
            standalone.append(server)
    # A config that another one includes or inherits is part of that server, not one of its own.
    used_by_others = {src for server in standalone for src in server.sources[1:]}
    deployment.app_servers.extend(s for s in standalone if not s.sources or s.sources[0] not in used_by_others)
    deployment.gunicorn_configs = gunicorn_config_files(gunicorn_configs)
    packaged = rhel_emperor_unit(ctx, deployment.managers, deployment.app_servers)
    if packaged is not None:
        deployment.managers.append(packaged)
    rhel_boot_directories(ctx, deployment.app_servers, deployment.host)
    if any(server.kind == "uwsgi" and server.has("emperor") for server in deployment.app_servers):
        from .emperor import add_vassals  # the Emperor's model only for a tree that runs one
        add_vassals(deployment, ctx)
    for server in deployment.app_servers:   # vassals included: they inherit the Emperor's binary
        drop_unloaded_routers(server)


def _drop_unrun(deployment: Deployment, ctx: ReadContext, unrun: dict[str, tuple[AppServer, str]]) -> None:
    """A config that nothing in the files starts where they show every start does not run: like
    Debian's apps-available file nothing enables, it is no app server, and --verbose says why."""
    if not unrun:
        return
    dropped = [server for server, _ in unrun.values()]
    deployment.unrun_servers = list(unrun.values())
    deployment.app_servers = [s for s in deployment.app_servers if not any(s is d for d in dropped)]
    configs = [server.uwsgi_config for server in dropped]
    deployment.uwsgi_configs = [c for c in deployment.uwsgi_configs if not any(c is d for d in configs)]
    kept = {source for server in deployment.app_servers for source in server.sources}
    deployment.gunicorn_configs = [c for c in deployment.gunicorn_configs
                                   if c.path in kept or not any(c.path in s.sources for s in dropped)]
    for kind in ("uwsgi", "gunicorn"):
        _explain(deployment, ctx, kind, {real: f"{why}; not checked as a running app"
                                         for real, (server, why) in unrun.items() if server.kind == kind})


# The versions the rules were measured against (for nginx, whose rules about removed
# directives follow releases, the stable release of nginx.org's CHANGES: 1.30.4 of
# 2026-07-15); a version given on the command line, or installed on the host being
# checked, replaces them.
DEFAULT_VERSIONS = {"uwsgi": "2.0.31", "gunicorn": "27.0.1", "supervisor": "4.3.0", "nginx": "1.30.4"}
_DEBIAN_PACKAGES = {"uwsgi-core": "uwsgi", "uwsgi": "uwsgi", "gunicorn": "gunicorn",
                    "python3-gunicorn": "gunicorn", "supervisor": "supervisor",
                    "nginx": "nginx", "nginx-core": "nginx", "nginx-light": "nginx", "nginx-full": "nginx",
                    "nginx-extras": "nginx"}


def _installed_versions(ctx: ReadContext) -> dict[str, Setting[str]]:
    """Versions Debian's package database records on a live host (nothing is run)."""
    status = ctx.local("/var/lib/dpkg/status") if ctx.mode == "live" else None
    found: dict[str, Setting[str]] = {}
    if not status:
        return found
    package = installed = None
    for line in (ctx.read(status).text or "").splitlines() + [""]:
        if line.startswith("Package: "):
            package = line[len("Package: "):].strip()
        elif line.startswith("Status: "):
            installed = line.endswith(" installed")
        elif line.startswith("Version: ") and installed and package in _DEBIAN_PACKAGES:
            version = line[len("Version: "):].split(":")[-1].split("-")[0].split("+")[0]
            found[_DEBIAN_PACKAGES[package]] = Setting(version, None, f"installed Debian package {package}")
    return found


# Programs installed with pip into the app's environment: a release the tree's requirement or
# lock files pin is the one that runs (Supervisor and nginx come from the system's packages).
_PIP_INSTALLED = ("gunicorn", "uwsgi")


def _pinned_versions(files: list[SourceFile], ctx: ReadContext) -> dict[str, Setting[str]]:
    from .python_packages import pinned_version

    found: dict[str, Setting[str]] = {}
    for program in _PIP_INSTALLED:
        pinned = pinned_version(files, ctx, program)
        if pinned is not None:
            found[program] = Setting(".".join(map(str, pinned.value)), pinned.at, f"pinned at {pinned.at}")
    return found


def _versions(ctx: ReadContext, given: dict[str, str],
              files: list[SourceFile]) -> tuple[dict[str, Setting[str]], set[str]]:
    """Each program's version, and the programs for which it is only the default."""
    named = _pinned_versions(files, ctx)
    named.update(_installed_versions(ctx))
    named.update({program: Setting(version, None, f"--{program}-version {version}")
                  for program, version in given.items() if version})
    versions = {program: named.get(program) or Setting(version, None, f"assumed: {program} {version}")
                for program, version in DEFAULT_VERSIONS.items()}
    return versions, set(DEFAULT_VERSIONS) - set(named)


def _read_host(discovery: Discovery, ctx: ReadContext, versions: dict[str, str]) -> Host:
    from ..readers.sysctl import read_somaxconn

    somaxconn = read_somaxconn(ctx, [f.path for f in discovery.of_kind("sysctl")])
    known, assumed = _versions(ctx, versions, discovery.files + discovery.skipped)
    host = Host(mode=ctx.mode, somaxconn=somaxconn, versions=known, assumed_versions=assumed, whole_host=ctx.whole_host)
    # The limits and tmpfiles readers are loaded only for a tree that has such files.
    for source in discovery.of_kind("limits"):
        from ..readers.limits import read_limits

        for line in read_limits(source.path, ctx):
            if line.item == "nofile":
                host.nofile_limits.append(Setting(f"{line.domain} {line.type} nofile {line.value}", line.at))
    for source in discovery.of_kind("tmpfiles"):
        from ..readers.tmpfiles import read_tmpfiles

        for entry in read_tmpfiles(source.path, ctx):
            if entry.type in "dDvqQ":
                host.boot_directories.append(Setting(entry.path, entry.at))
    if ctx.mode in ("live", "snapshot"):
        _read_accounts(ctx, host)
    return host


def _read_accounts(ctx: ReadContext, host: Host) -> None:
    """Users and group members, so socket permission rules need not guess."""
    passwd = ctx.local("/etc/passwd")
    group = ctx.local("/etc/group")
    primary: dict[int, list[str]] = {}
    if passwd:
        for line in (ctx.read(passwd).text or "").splitlines():
            fields = line.split(":")
            uid, gid = (decimal(field) for field in fields[2:4]) if len(fields) >= 4 else (None, None)
            if uid is not None and gid is not None and uid >= 0 and gid >= 0:
                host.users[fields[0]] = (uid, gid)
                primary.setdefault(gid, []).append(fields[0])
    if group:
        for line in (ctx.read(group).text or "").splitlines():
            fields = line.split(":")
            gid = decimal(fields[2]) if len(fields) >= 4 else None
            if gid is not None and gid >= 0:
                members = {m for m in fields[3].split(",") if m}
                members.update(primary.get(gid, []))
                host.groups[fields[0]] = members


def build_deployment(discovery: Discovery, ctx: ReadContext, versions: dict[str, str] | None = None) -> Deployment:
    deployment = Deployment(files=discovery.files + discovery.skipped, host=_read_host(discovery, ctx, versions or {}),
                            problems=list(discovery.problems))
    # Compose and Dockerfiles are the only source of places other than the host: without
    # them the container model (and its base-image table) is not loaded.
    with_containers = discovery.of_kind("compose") or discovery.of_kind("dockerfile") \
        or discovery.of_kind("devcontainer")
    if not with_containers:
        # On a host alone nothing the managers say changes what nginx reads (a start's
        # `-g 'user ...;'` is applied to the model after), so nginx comes first: its reader's tree,
        # about 28 MiB for an nginx.conf of 5000 includes, is freed before the managers' model
        # is built rather than beside it (a tenth of a large tree's peak memory).
        _read_nginx(discovery, ctx, deployment, [])
    sockets = _read_managers(discovery, ctx, deployment)
    containers = None
    if with_containers:
        from .containers import ContainerBuilder
        containers = ContainerBuilder(ctx, deployment)
        containers.read(discovery)
        # After the containers: nginx resolves includes where a COPY or mount puts its files,
        # and an image's entrypoint may render a template into the config its nginx loads.
        rendered = containers.rendered_templates(discovery, lambda path: _is_nginx_main(path, ctx))
        if rendered:
            _as_rendered(deployment, rendered)
        _read_nginx(discovery, ctx, deployment, rendered)
    if discovery.of_kind("procfile"):    # its model and reader (and shlex) only for a tree with one
        from .procfile import procfile_managers
        procfile_managers(discovery, ctx, deployment)
    from .nginx import apply_command_line_user
    apply_command_line_user(deployment.nginx, deployment.managers)
    _link_app_servers(discovery, ctx, deployment)
    if containers is not None:
        containers.place_servers()
        _drop_unrun(deployment, ctx, containers.unrun_configs())
        if any(store.startswith("bind:") for place in deployment.places for _, store in place.volumes):
            from .dev_stacks import mark_dev_stacks  # only for a tree whose Compose mounts host folders
            mark_dev_stacks(deployment, ctx, {place: image.copies for place, image in containers.place_images.items()})
        from .dev_stacks import mark_code_from_image
        mark_code_from_image(deployment)
    if any(manager.rewrites or manager.runs_program == "nginx" for manager in deployment.managers):
        from .rewrites import apply_rewrites
        apply_rewrites(deployment, ctx)   # after place_servers: where each start runs is final
    from .start_directories import resolve_relative_sockets
    resolve_relative_sockets(deployment)   # after place_servers and the rewrites: start directories are final
    if any(manager.dev_server is not None or manager.also_serves or "socket" in manager.options
           for manager in deployment.managers):
        from .dev_servers import add_dev_servers  # only for a tree that starts a development server
        add_dev_servers(deployment)   # after place_servers: a manager's place is final
    if sockets:
        from .activation import activate  # socket activation only for a tree with a .socket unit that runs
        activate(deployment, sockets)
    if containers is not None:
        containers.mark_stopped_projects()   # after every start is placed: who reads which file is final
        if deployment.systemd_units:
            containers.mark_units_copied_where_systemd_does_not_run()
    if any(unit.hidden_start is not None for unit in deployment.systemd_units):
        from .unstarted import mark_hidden_starts
        mark_hidden_starts(deployment, ctx)
    from .unstarted import mark_alternative_setups, mark_backup_copies, mark_unread_procfiles
    mark_backup_copies(deployment, ctx)
    mark_unread_procfiles(deployment, ctx)
    mark_alternative_setups(deployment, ctx)
    # Read only where N102, X113 (nginx routes) or G101 (a Gunicorn config) can ask.
    if any(instance.routes for instance in deployment.nginx) or deployment.gunicorn_configs:
        from .app_code import locate_app_modules, read_app_code
        code = read_app_code(deployment.files, ctx)
        locate_app_modules(deployment.app_servers, code.requests.files, ctx)
        deployment.app_reads_forwarded_scheme = code.forwarded_scheme
        deployment.app_scheme_headers = code.scheme_headers
        deployment.app_asset_urls = code.asset_urls
        deployment.app_request_readers = code.requests
        deployment.app_env_defaults = code.env_defaults
    if deployment.nginx and deployment.app_servers:   # read only where X101 can ask
        from .controlled import started_by_scripts
        deployment.unseen_programs, deployment.script_starts = started_by_scripts(deployment, ctx)
        if containers is not None:
            deployment.shared_loopback_task = _shared_loopback_task(discovery, ctx)
    # Decoding problems surface from whichever reader opened the file; report each once.
    kinds = {source.path: source.kind for source in discovery.files}
    legacy: dict[str, tuple[Text, str]] = {}   # display path -> a text in a legacy encoding, and its kind
    for path in ctx.read_paths():
        read = ctx.read(path)
        deployment.problems.extend(read.problems)
        if read.text:
            deployment.suppressions.extend(suppressions_in(read.text, ctx.display(path), kinds.get(path, "")))
        if read.encoding in ("gb18030", "latin-1"):
            legacy[ctx.display(path)] = (read, kinds.get(path, ""))
    weighed = [_weighed(_encoding_weighed(problem, *legacy[problem.at.path])
                        if problem.kind == "undecodable" and problem.at.path in legacy else problem, deployment.host)
               for problem in set(deployment.problems)]
    deployment.problems = sorted((problem for problem in weighed if problem is not None),
                                 key=lambda p: (p.at.path, p.at.line, p.kind, p.message))
    return deployment


# How each format writes an ECS task's network mode, and what says the file defines a task.
_AWSVPC = ('"awsvpc"', "'awsvpc'", ": awsvpc")
_TASK_MARKS = ("aws_ecs_task_definition", "AWS::ECS::TaskDefinition", '"containerDefinitions"')


def _shared_loopback_task(discovery: Discovery, ctx: ReadContext) -> Setting[str] | None:
    """The first ECS task definition in awsvpc mode among the tree's Terraform files and the
    JSON or YAML files named for a task or ECS: its containers share one loopback."""
    for source in discovery.files + discovery.skipped:
        name = os.path.basename(source.path).lower()
        if source.kind or not (name.endswith(".tf") or name.endswith((".json", ".yml", ".yaml"))
                               and ("task" in name or "ecs" in name)):
            continue
        text = ctx.scan(source.path).text
        if not text or "awsvpc" not in text or not any(mark in text for mark in _TASK_MARKS):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if "awsvpc" in line and any(mark in line for mark in _AWSVPC):
                return Setting("awsvpc", Span(source.display, number, line.index("awsvpc") + 1))
    return None


_PROGRAM_NAMES = {"gunicorn": "Gunicorn", "uwsgi": "uWSGI", "supervisor": "Supervisor", "nginx": "nginx"}


# The programs that pass over a comment line whole, whatever its bytes, and what starts one.
# Python's compiler decodes a Gunicorn config's code but not its comments (3.11, measured in
# tests/test_encodings.py); YAML (Compose) and Supervisor decode the whole text.
_BYTE_READERS = {"nginx": ("nginx", ("#",)), "uwsgi": ("uWSGI", ("#", ";")), "dockerfile": ("Docker", ("#",)),
                 "systemd": ("systemd", ("#", ";")), "gunicorn": ("Python", ("#",))}


def _encoding_weighed(problem: Problem, read: Text, kind: str) -> Problem:
    """A text in a legacy encoding (GBK comments) whose every line beyond ASCII is a comment,
    in a file its program reads as bytes: nothing changes when it runs (an info)."""
    reader = _BYTE_READERS.get(kind)
    if reader is None or read.text is None:
        return problem
    if kind == "systemd":
        problem = dataclasses.replace(problem, message=f"{problem.message} (systemd ignores lines that are not UTF-8)")
    program, marks = reader
    if any(not line.lstrip().startswith(marks) for line in read.text.splitlines() if not line.isascii()):
        return problem
    return dataclasses.replace(problem, severity="info", message=(
        f"{problem.message}; only its comment lines hold such bytes, and {program} passes over a comment whole, "
        "whatever its bytes: nothing changes when it runs"))


def _weighed(problem: Problem, host: Host) -> Problem | None:
    """A refusal that only a program's newer versions make: none where the files run an older
    one; where its version is only assumed, a warning that says so (older ones take the value).
    A refusal of what the table of options does not know: an info where the files run a
    release older than those the table speaks for, which may have known it."""
    if problem.known_to:
        program, release = problem.known_to
        if program in host.assumed_versions or not host.runs_before(program, release):
            return problem
        name, running = _PROGRAM_NAMES[program], host.versions[program]
        return Problem(problem.kind, f"{problem.message} (as {name} {release} and later do); the files run {name} "
                       f"{running.value} ({running.note}), whose options may have included it: check it against "
                       "that release's settings", problem.at, "info", problem.related)
    if not problem.since:
        return problem
    program, since = problem.since
    if host.runs_before(program, since):
        return None
    if program not in host.assumed_versions:
        return problem
    name = _PROGRAM_NAMES[program]
    return Problem(problem.kind, f"{problem.message}; {name} checks this from {since} on and {name} "
                   f"{host.versions[program].value} is assumed (name yours with --{program}-version): an older "
                   "one starts, and takes the value as written", problem.at, "warning", problem.related, problem.since)

