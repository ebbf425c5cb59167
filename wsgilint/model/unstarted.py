"""Which starts read each file, for the files of starts that never happen: a Compose project
whose build stops, a container whose start cannot be executed (model/containers.py), a
systemd service ProtectHome= keeps from starting; copies kept aside: backups beside the
file that runs, files in a folder of retired copies (`old/`); and alternative set-ups: a
config nothing starts whose address a started server holds. What is found in a file only
such starts read describes what never runs; the engine makes those findings infos naming why."""
from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from typing import NamedTuple

from ..core.context import ReadContext
from ..core.sources import SourceFile
from . import AppServer, Deployment, Listener, ProcessManager
from .address import Address, reaches
from .graph import HOST, Place


class Reader(NamedTuple):
    """A start that reads a file: where it runs, and its manager (None for an nginx, or a
    config nothing starts that builds copy into containers)."""

    place: Place
    manager: ProcessManager | None


def file_readers(deployment: Deployment, ctx: ReadContext,
                 dockerfiles: Mapping[Place, str] | None = None) -> dict[str, set[Reader]]:
    """Each file (shown path) and the starts that read it: nginx instances their files, app
    servers their configs, managers their own lines and wrapper scripts, development servers
    the scripts that start them, systemd units their drop-ins, containers the Dockerfiles their
    images are built from (``dockerfiles``)."""
    readers: dict[str, set[Reader]] = {}
    for instance in deployment.nginx:
        for path in instance.files:
            readers.setdefault(path, set()).add(Reader(instance.place, None))
    for server in deployment.app_servers:
        # A config nothing starts that builds copy into containers is read there, if anywhere.
        starts = {Reader(place, None) for place in server.copied_into} \
            if server.manager is None and server.copied_into else {Reader(server.place, server.manager)}
        for path in _files(server, ctx):
            readers.setdefault(path, set()).update(starts)
    for manager in deployment.managers:
        for span in (manager.at, manager.wrapper):
            if span is not None:
                readers.setdefault(span.path, set()).add(Reader(manager.place, manager))
    for server in deployment.dev_servers:
        # A script that starts its own server (`app.run()`) is read by the start that runs it.
        if server.manager is not None:
            readers.setdefault(server.at.path, set()).add(Reader(server.place, server.manager))
    for unit in deployment.systemd_units:
        if unit.manager is not None:
            for path in unit.dropins:
                readers.setdefault(path, set()).add(Reader(unit.manager.place, unit.manager))
    for place, dockerfile in (dockerfiles or {}).items():
        readers.setdefault(dockerfile, set()).add(Reader(place, None))
    return readers


def mark_hidden_starts(deployment: Deployment, ctx: ReadContext) -> None:
    """Files that only services ProtectHome= keeps from starting read (D106: their unit files
    and drop-ins, the configs their servers load). A file something else also reads keeps its
    findings."""
    stopped = {id(unit.manager): (unit, unit.hidden_start) for unit in deployment.systemd_units
               if unit.hidden_start is not None and unit.manager is not None}
    for path, readers in file_readers(deployment, ctx).items():
        if path in deployment.unstarted_files or not all(
                reader.manager is not None and id(reader.manager) in stopped for reader in readers):
            continue
        hides = sorted((stopped[id(reader.manager)] for reader in readers), key=lambda hide: hide[0].path)
        unit, hidden = hides[0]
        deployment.unstarted_files[path] = (
            f"{unit.name} never starts: ProtectHome={hidden.setting.value} hides {hidden.path} "
            f"({hidden.entry.at.path}:{hidden.entry.at.line}), so nothing here runs until that is fixed",
            tuple(sorted({hidden.entry.at.line for _, hidden in hides if hidden.entry.at.path == path})))


def mark_alternative_setups(deployment: Deployment, ctx: ReadContext) -> None:
    """A config nothing starts whose every socket one that something starts binds too (a uWSGI
    ini beside a Gunicorn set-up of the same socket path, an ini a deployed one superseded):
    two servers cannot hold one address at once, so the one on record is what runs, and this
    config an alternative kept in the files. Its files, where nothing else reads them."""
    held = _Held()
    for server in deployment.app_servers:
        if server.started_on_record:
            for listener in server.listeners:
                held.add(listener)
    alternatives: list[tuple[AppServer, Listener]] = []
    for server in deployment.app_servers:
        if server.started_on_record or not server.listeners or not held:
            continue
        holders = [held.holder(listener) for listener in server.listeners]
        if holders[0] is not None and all(holders):
            alternatives.append((server, holders[0]))
    if not alternatives:
        return
    kept = {id(server) for server, _ in alternatives}
    others = {path for server in deployment.app_servers if id(server) not in kept for path in _files(server, ctx)}
    for server, holder in alternatives:
        background = holder.server.started_in_background
        runs = holder.server.manager or (background.value if background is not None else None)
        by = f"{runs.kind} [{runs.name}]" if runs is not None else "a start in the files"
        for path in _files(server, ctx) - others:
            deployment.unstarted_files.setdefault(path, (
                f"{holder.label} ({holder.at.path}:{holder.at.line}), started by {by}, binds the same address as "
                "this config, which nothing in the files starts; two servers cannot hold one address at once: "
                "assumed this config is an alternative set-up, not what runs", ()))


class _Held:
    """The addresses started servers bind: a socket file (by the store it is in), a port of a
    network, and the host's port where a container publishes the server's (docker-proxy holds
    it on the host, so no server there can bind it)."""

    def __init__(self) -> None:
        self.sockets: dict[tuple[str, str], Listener] = {}
        self.ports: dict[tuple[str, int], list[tuple[Address, Listener]]] = {}

    def __bool__(self) -> bool:
        return bool(self.sockets or self.ports)

    def add(self, listener: Listener) -> None:
        address, place = listener.address, listener.server.place
        if address.family == "unix":
            self.sockets.setdefault(place.locate(address.path), listener)
        elif address.family == "inet" and address.port:
            self.ports.setdefault((place.network or place.name, address.port), []).append((address, listener))
            for published in place.publishes(address.port) if place.kind == "container" else ():
                if published.host_port:
                    self.ports.setdefault((HOST.network or HOST.name, published.host_port), []).append(
                        (published.address, listener))

    def holder(self, listener: Listener) -> Listener | None:
        """The started server's listener at this one's address: the same socket file, or the
        same port of one network where the hosts are one (`localhost` the loopback) or either
        binds every interface."""
        address, place = listener.address, listener.server.place
        if address.family == "unix":
            return self.sockets.get(place.locate(address.path))
        if address.family != "inet" or not address.port:
            return None
        # `localhost:8001` and `127.0.0.1:8001` are one address, as a client reaching either finds.
        return next((other for bound, other in self.ports.get((place.network or place.name, address.port), ())
                     if not address.host or reaches(address, bound)), None)


def _started_by_name(shown: str, deployment: Deployment, ctx: ReadContext) -> bool:
    """Whether a file of the tree starts supervisord with the configuration ``shown`` (`supervisord
    -c /usr/src/app/supervisor.conf`), whether or not wsgilint reads that file as a start: a
    Compose file in the version 1 format, a deploy script, a README's steps."""
    name = re.escape(shown.rpartition("/")[2])
    starts = re.compile(rf"\bsupervisord\b[^\n]*?(?:-c|--configuration)[ =]?\S*?(?<![\w.-]){name}(?![\w.-])")
    for source in deployment.files:
        if source.display == shown:
            continue
        text = ctx.scan(source.path).text
        if text and "supervisord" in text and starts.search(text):
            return True
    return False


def _set_aside_servers(deployment: Deployment, ctx: ReadContext, programs: list[ProcessManager], note: str) -> None:
    """The app servers that only ``programs`` start (those of a configuration kept aside, which
    ``note`` says why). One whose files a start that runs loads as well is dropped: a copy of a
    base image's stock supervisord.conf beside the Dockerfile, whose `uwsgi --ini
    /etc/uwsgi/uwsgi.ini` the image's own supervisord runs, is the same app, counted once where
    it runs. The files of any other are marked with ``note``: what is found in them describes
    what never runs."""
    aside = [server for server in deployment.app_servers if any(server.manager is program for program in programs)]
    if not aside:
        return
    elsewhere: set[str] = set()
    for server in deployment.app_servers:
        if not any(server is each for each in aside):
            elsewhere |= _files(server, ctx)
    copies = [server for server in aside if _files(server, ctx) <= elsewhere]
    for server in aside:
        for path in _files(server, ctx) - elsewhere:
            deployment.unstarted_files.setdefault(path, (note, ()))
    if copies:
        deployment.app_servers = [server for server in deployment.app_servers
                                  if not any(server is copy for copy in copies)]
        configs = [copy.uwsgi_config for copy in copies]
        deployment.uwsgi_configs = [config for config in deployment.uwsgi_configs
                                    if not any(config is each for each in configs)]


def _files(server: AppServer, ctx: ReadContext) -> set[str]:
    """The files (shown paths) a server reads: where it is defined, and its sources, which
    Gunicorn's reader gives as shown paths (GunicornConfig.path) and uWSGI's as local ones."""
    shown = server.sources if server.kind == "gunicorn" else [ctx.display(source) for source in server.sources]
    return {server.at.path, *shown}


# What editors and hand-made copies append to a file kept as a backup (`la.backup` beside `la`,
# `gunicorn.conf.py_old` beside `gunicorn.conf.py`).
_BACKUP_SUFFIXES = (".backup", ".bak", ".orig", ".old", ".save", "~", "_old", "-old", "_bak", "-bak", "_backup")
# What an editor leaves beside a file it was editing (nano's emergency `.save`, a `~` backup):
# a leftover even where the original was renamed or removed since.
_EDITOR_LEFTOVERS = (".save", "~")


def _backup_original(path: str) -> str | None:
    """The file ``path`` is named as a backup of: the name without a backup suffix, at its end
    (`nginx.conf.bak`, `la~`) or before the extension (`docker-compose_old.yml`,
    `nginx.old.conf`); None where the name is no backup's."""
    for suffix in _BACKUP_SUFFIXES:
        if path.endswith(suffix) and len(path) > len(suffix) and not path[:-len(suffix)].endswith("/"):
            return path[:-len(suffix)]
    stem, extension = posixpath.splitext(path)
    if extension:
        for suffix in _BACKUP_SUFFIXES:
            if suffix != "~" and stem.endswith(suffix) and not stem[:-len(suffix)].endswith("/"):
                return stem[:-len(suffix)] + extension
    return None


def _marked(deployment: Deployment, shown: str) -> bool:
    """Whether a file is already said not to run for every line of it. One marked only because
    its Compose project is refused keeps the refusing line an error; a copy kept aside is a copy
    at that line too, so it is marked again."""
    marked = deployment.unstarted_files.get(shown)
    return marked is not None and not marked[1]


def mark_backup_copies(deployment: Deployment, ctx: ReadContext) -> None:
    """A file named as a backup of one beside it (`la.backup` beside `la`, `nginx.conf.bak`
    beside `nginx.conf`), named as an example (`nginx.conf.example`), kept in a folder of
    retired copies (`old/`, `config/old/`, `backups/`) or of examples (`examples/`), or still
    holding an example's `/path/to/` placeholder, or a container's supervisord configuration no
    image uses, that nothing includes, names or puts into a container: a copy kept aside, not
    what runs; what is found in it is said of the copy."""
    from .manager_facts import config_programs, entrypoint_section

    copies = [(source, original) for source in deployment.files
              if source.kind and (original := _backup_original(source.path)) is not None]
    # An nginx config for development beside its production twin (`django_nginx_local.conf`
    # beside `django_nginx.conf`), a Compose file for tests beside its twin
    # (`docker-compose-test.yml` beside `docker-compose.yml`): what production runs is the twin.
    twins = _purpose_twins(deployment)
    # A file its name calls an example (`nginx.conf.example`, `uwsgi.ini.sample`): copied and
    # edited before use, like a folder of examples.
    examples = [source for source in deployment.files if source.kind and _example_name(source.path)]
    # A file that still holds a documentation placeholder (`root /path/to/app/current/public;`,
    # Gunicorn's example nginx.conf as its docs print it): an example, until edited.
    placeholders = {source.display: line for source in deployment.files
                    if source.kind and (line := _placeholder(source.path, ctx)) is not None}
    # A supervisord configuration kept with a tree's container files (a `docker/` folder, or
    # beside a Dockerfile or Compose file) and written as a container's main process
    # (`nodaemon=true`): it runs where an image puts it, and none may. (In the foreground alone
    # it may be a developer's, started by hand.)
    containerized = []
    if any(manager.in_container for manager in deployment.managers):
        container_folders = {source.display.rpartition("/")[0] for source in deployment.files
                             if source.kind in ("dockerfile", "compose")}
        containerized = [config for config in deployment.supervisor
                         if _with_container_files(config.path, container_folders)
                         and entrypoint_section(config) is not None]
    # Any file there, also one discovery left unclassified that a retired unit's `-c` reads.
    retired = [(source, found) for source in deployment.files
               if (found := _retired_folder(source.path, ctx)) is not None]
    if not copies and not retired and not examples and not placeholders and not containerized and not twins:
        return
    discovered = {source.path for source in deployment.files}
    # Loaded after all: named by another file that is not kept aside itself (an include,
    # `--ini`), or put into a container as itself (a folder that holds it is not: nginx's
    # `*.conf` and Supervisor's globs pass the copy by, and `.:/app` the old/ folder).
    aside = {source.display for source, _ in copies} | {source.display for source, _ in retired} | \
        {source.display for source in examples} | placeholders.keys() | {source.display for source, _, _ in twins}
    loaded = _loaded(ctx, aside)
    for source, original in copies:
        if _marked(deployment, source.display) or ctx.real(source.path) in loaded:
            continue
        if original in discovered:
            deployment.unstarted_files[source.display] = (
                f"this file is a backup copy of {ctx.display(original)}, kept beside it, and nothing in the files "
                "loads the copy: what runs is the original", ())
        elif source.path.endswith(_EDITOR_LEFTOVERS):
            deployment.unstarted_files[source.display] = (
                "this file's name marks an editor's leftover copy (nano's `.save`, a `~` backup), and nothing in "
                "the files loads it: assumed it is not what runs", ())
    for source, twin, purpose in twins:
        if _marked(deployment, source.display) or ctx.real(source.path) in loaded:
            continue
        deployment.unstarted_files[source.display] = (
            f"this file's name says it is for {purpose}, beside {ctx.display(twin)}, the same name without that "
            "word, and nothing in the files loads it: assumed production runs the other", ())
    for source in examples:
        if _marked(deployment, source.display) or ctx.real(source.path) in loaded:
            continue
        deployment.unstarted_files[source.display] = (
            "this file's name calls it an example, to copy and edit before use, and nothing in the files loads it: "
            "assumed it is not what runs", ())
    for source, (folder, kind) in retired:
        if _marked(deployment, source.display) or ctx.real(source.path) in loaded or ctx.real(folder) in loaded:
            continue
        deployment.unstarted_files[source.display] = (
            f"this file is kept in {ctx.display(folder)}/, a folder of {kind}, and nothing in the files "
            "loads it: assumed it is not what runs", ())
    local = {source.display: source.path for source in deployment.files}
    for config in containerized:
        if _marked(deployment, config.path) or config.path not in local or \
                any(ctx.real(local.get(shown, shown)) in loaded for shown in config.files) or \
                any(manager.place.kind == "container" for manager in config_programs(deployment, config)) or \
                _started_by_name(config.path, deployment, ctx):
            continue
        section = entrypoint_section(config)
        line = section.at.line if section is not None else 0
        note = (f"{config.path} is written for a container's supervisord (its [supervisord] section, line {line}, "
                "keeps it in the foreground as a container's main process), and no image or Compose service of "
                "the files puts it in a container: assumed it is not what runs")
        for shown in config.files:
            deployment.unstarted_files.setdefault(shown, (note, ()))
        _set_aside_servers(deployment, ctx, config_programs(deployment, config), note)
    for source in deployment.files:
        line = placeholders.get(source.display)
        if line is None or _marked(deployment, source.display) or ctx.real(source.path) in loaded:
            continue
        deployment.unstarted_files[source.display] = (
            f"this file still holds the placeholder `/path/to/` of an example (line {line}), to copy and edit before "
            "use, and nothing in the files loads it: assumed it is not what runs", ())


# What the top of an app's source holds, where a platform that reads a Procfile builds from.
_APP_TOP_FILES = ("requirements.txt", "requirements", "Pipfile", "pyproject.toml", "setup.py", "setup.cfg",
                  "manage.py", "runtime.txt", ".python-version", "app.json", "package.json")


def mark_unread_procfiles(deployment: Deployment, ctx: ReadContext) -> None:
    """A Procfile in a folder that is no app's top (`docker/Procfile`, beside no requirements
    file): Heroku, Dokku and Elastic Beanstalk read the one at the top of the source they build,
    so it runs only where a runner is pointed at it (`honcho -f`, a COPY into an image), which
    nothing in the files does."""
    procfiles = [source for source in deployment.files if source.kind == "procfile"
                 and not _app_top(os.path.dirname(source.path), ctx)]
    if not procfiles:
        return
    loaded = _loaded(ctx, set())
    for source in procfiles:
        if _marked(deployment, source.display) or ctx.real(source.path) in loaded \
                or ctx.real(os.path.dirname(source.path)) in loaded:
            continue
        deployment.unstarted_files[source.display] = (
            "this Procfile's folder is no app's top (it holds no project file: requirements.txt, pyproject.toml, "
            "setup.py, manage.py...), where Heroku, Dokku and Elastic Beanstalk read one, and nothing in the files points a "
            "runner at it (`honcho -f`, a COPY into an image): assumed it is not what runs", ())


def _loaded(ctx: ReadContext, aside: set[str]) -> set[str]:
    """The real paths something loads: a file another names (an include, `--ini`) unless that
    one is kept aside itself, and what a build or mount puts into a container."""
    return {ctx.real(path) for path, (at, _) in ctx.references().items() if at is None or at.path not in aside} | \
        {ctx.real(local) for paths in ctx.container_paths.values() for local in paths.values()}


def _app_top(folder: str, ctx: ReadContext) -> bool:
    return os.path.realpath(folder) in (ctx.roots or ()) or \
        any(os.path.exists(os.path.join(folder, name)) for name in _APP_TOP_FILES)


# Folder names that say their files were put aside (`old`, `old_configs`, `nginx-old`, `backups`).
_RETIRED_NAMES = frozenset({"old", "backup", "backups", "bak", "deprecated", "obsolete", "unused", "retired"})


# Folders of samples a project shows its users (a library's `examples/nginx.conf`): what its
# own deployment runs is elsewhere, unless something loads them.
_EXAMPLE_NAMES = frozenset({"example", "examples", "sample", "samples"})
# A piece of every name ``_retired_kind`` takes.
_RETIRED_PARTS = ("old", "backup", "bak", "deprecated", "obsolete", "unused", "retired", "example", "sample")


def _may_keep_aside(folder: str) -> bool:
    """Whether a folder's path holds a piece of a name ``_retired_kind`` takes: a loop,
    not ``any`` over a generator (half the cost, run once per file of the tree)."""
    for part in _RETIRED_PARTS:
        if part in folder:
            return True
    return False


def _retired_kind(name: str) -> str:
    """What a folder of this name keeps aside ("retired copies", "examples"), or ""."""
    lowered = name.lower()
    if lowered in _RETIRED_NAMES or lowered[:4] in ("old-", "old_", "old.") or lowered[-4:] in ("-old", "_old", ".old"):
        return "retired copies"
    return "examples" if lowered in _EXAMPLE_NAMES else ""


# What a file to copy and edit before use ends in (`nginx.conf.example`, `supervisord.conf.dist`).
# Not a name that only holds the word (`ssl-sample.conf` is often the site deployed), unless it
# is a text file (`nginx-example.txt`).
_EXAMPLE_SUFFIXES = (".example", ".sample", ".dist")


def _purpose_twins(deployment: Deployment) -> list[tuple[SourceFile, str, str]]:
    """Each nginx, uWSGI or Gunicorn config whose name holds a development word (dev,
    development, local, debug), and each Compose file whose name holds a word for tests (test,
    testing, ci), whose folder holds a file of its kind named the same without it: with that file
    and what the name says it is for. (A Compose file for development is modelled as such:
    model/dev_stacks.py.)"""
    by_name = {(source.kind, os.path.dirname(source.path), os.path.basename(source.path).lower()): source.path
               for source in deployment.files if source.kind in _PURPOSE_KINDS}
    twins = []
    for source in deployment.files:
        if source.kind not in _PURPOSE_KINDS:
            continue
        words, purpose = _purpose_words(source.kind)
        stripped = _without_word(os.path.basename(source.path).lower(), words)
        twin = by_name.get((source.kind, os.path.dirname(source.path), stripped)) if stripped else None
        if twin is not None:
            twins.append((source, twin, purpose))
    return twins


_PURPOSE_KINDS = ("nginx", "uwsgi", "gunicorn", "compose")


def _purpose_words(kind: str) -> tuple[frozenset[str], str]:
    """The words a name of this kind holds to say what it is for, and that purpose."""
    if kind != "compose":
        from .dev_stacks import DEVELOPMENT_WORDS  # here: a tree without such configs never loads it
        return DEVELOPMENT_WORDS, "development"
    return _TEST_WORDS, "tests"


# The words a Compose file's name holds when it runs a project's tests (`docker-compose.test.yml`,
# `docker-compose-ci.yml`): CI runs its services' tests, not the app for users.
_TEST_WORDS = frozenset(("test", "tests", "testing", "ci"))


def _without_word(name: str, words: frozenset[str]) -> str:
    """The name with its one word of ``words`` and the separator before it removed
    (`django_nginx_local.conf` -> `django_nginx.conf`), or "" where it holds none."""
    if not any(word in name for word in words):
        return ""
    parts = re.split(r"([._-])", name)
    for index in range(2, len(parts), 2):
        if parts[index] in words:
            return "".join(parts[:index - 1] + parts[index + 1:])
    if parts and parts[0] in words and len(parts) > 2:
        return "".join(parts[2:])
    return ""


def _example_name(path: str) -> bool:
    lowered = path.lower()
    if lowered.endswith(_EXAMPLE_SUFFIXES):
        return True
    # A text file the README points to (`nginx-example.txt`): no config is named .txt to be loaded.
    name = posixpath.basename(lowered)
    return name.endswith(".txt") and any(word in ("example", "sample")
                                         for word in name[:-4].replace("-", ".").replace("_", ".").split("."))


def _with_container_files(path: str, container_folders: set[str]) -> bool:
    """Whether a file is kept with container files: in a folder of them (`docker/`,
    `docker-prod/`), or in one of ``container_folders``, those that hold a Dockerfile or a
    Compose file (the tiangolo images' stock supervisord.conf copied beside the Dockerfile)."""
    return path.rpartition("/")[0] in container_folders or \
        any(folder.lower().startswith("docker") for folder in path.split("/")[:-1])


# The path documentation writes for one the reader fills in (`/path/to/app`).
_PLACEHOLDER = "/path/to/"


def _placeholder(path: str, ctx: ReadContext) -> int | None:
    """The first line where a config file uses the documentation placeholder `/path/to/`
    outside a comment, or None."""
    text = ctx.scan(path).text
    if not text or _PLACEHOLDER not in text:
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if _PLACEHOLDER in line.split("#", 1)[0] and not line.lstrip().startswith(";"):
            return number
    return None


def _retired_folder(path: str, ctx: ReadContext) -> tuple[str, str] | None:
    """The folder of retired copies or examples ``path`` is in, below the checked folder that
    holds it (one checked itself is what the user asked about), and what it keeps; or None."""
    real = ctx.real(path)
    if not _may_keep_aside(real.rpartition(os.sep)[0].lower()):
        return None   # most paths: one look at the string, no relpath
    for root in ctx.roots or ():
        if real.startswith(root.rstrip(os.sep) + os.sep):
            folders = os.path.relpath(os.path.dirname(real), root).split(os.sep)
            for depth, name in enumerate(folders):
                kind = _retired_kind(name)
                if kind:
                    return os.path.join(root, *folders[:depth + 1]), kind
            return None
    return None
