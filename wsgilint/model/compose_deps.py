"""Which services a Compose service's ``depends_on`` names, and whether its project defines them.

compose-go (compose-spec/compose-go ``loader/validate.go`` ``checkConsistency``) refuses a
project where a service depends on a name that is no service of it: ``service "web" depends
on undefined service "users": invalid compose project``, for the list form and the map form
alike (``transform/dependson.go`` turns both into one map), ``required: false`` or not (it only
excuses a service that exists but is disabled by profiles: ``loader/validate_test.go``
``depends on unknown service``). The project is what Compose merges before that check: the
project file and its override (``readers/compose.py``), the services of every ``include:``
(``loader/include.go`` ``importResources``, checked with the including project), and the
``depends_on`` a service inherits through ``extends`` (``loader/extends_test.go``
``TestExtendsWithServiceRef``). Profiles do not matter here: a service behind a profile is
still a service of the project (``Project.GetService`` tells "disabled" from "not found").

What the files cannot show is said, not guessed: an include not in the checked tree, and
another Compose file of the tree that defines the name (``docker compose -f a.yml -f b.yml``
merges files the default names do not), in the same folder or, elsewhere, under a name that
is not a folder's own project (a ``compose.yaml`` of another folder is another project).
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..core.record import dataclass
from ..core.span import Span

if TYPE_CHECKING:   # the model imports this module for its type; the Compose reader (and YAML) only with Compose files
    from ..core.context import ReadContext
    from ..readers.compose import ComposeProject
    from ..readers.yaml_nodes import Node

_MAX_DEPTH = 10   # nested includes and extends chains followed, as a bound on the input


@dataclass(frozen=True, slots=True)
class ComposeDependency:
    """One ``depends_on`` entry of a Compose service, resolved against its project."""

    service: str                 # the service that depends
    name: str                    # the service it names
    at: Span                     # the entry, where it is written
    project: str                 # the files Compose merges: "compose.yaml + compose.override.yaml"
    defined: bool                # a service of the project (its includes, or a project including it) has the name
    elsewhere: str = ""          # another Compose file of the tree that defines the name (`-f` may merge it)
    unseen: str = ""             # what of the project the checked files do not show (an include)
    via: str = ""                # how the service inherits the entry: "extends base of common.yml"


class _Files:
    """Compose files read once each, as single-file projects (includes and extends bases)."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.read: dict[str, ComposeProject | None] = {}

    def project(self, path: str) -> ComposeProject | None:
        key = os.path.abspath(path)
        if key not in self.read:
            from ..readers.compose import read_project

            readable = self.ctx.inside(key) and os.path.isfile(key)
            self.read[key] = read_project([key], self.ctx) if readable else None
        return self.read[key]


def _include_paths(entry: Node) -> list[Node]:
    """The files of one ``include:`` entry: a string, or ``path:`` as a string or a list."""
    path = entry.get("path") if isinstance(entry.value, dict) else entry
    if path is None:
        return []
    return list(path.value) if isinstance(path.value, list) else [path]


def _included(project: ComposeProject, files: _Files, depth: int = 0) -> tuple[set[str], list[str], str]:
    """(names, local paths, unseen) of what ``project``'s includes bring in, recursively."""
    names: set[str] = set()
    paths: list[str] = []
    unseen = ""
    for entry in project.includes:
        for path in _include_paths(entry):
            local = os.path.normpath(os.path.join(project.directory, path.text))
            included = None if path.tag == "!unresolved" or "://" in path.text or depth >= _MAX_DEPTH \
                else files.project(local)
            if included is None:
                unseen = unseen or f"the include {path.text} ({path.at.path}:{path.at.line}) is not in the checked files"
                continue
            paths.append(os.path.abspath(local))
            names.update(included.services)
            more, more_paths, more_unseen = _included(included, files, depth + 1)
            names |= more
            paths += more_paths
            unseen = unseen or more_unseen
    return names, paths, unseen


def _entries(service: Node) -> list[tuple[str, Span]]:
    depends = service.get("depends_on")
    if depends is None:
        return []
    if isinstance(depends.value, dict):
        return [(name, node.key_at or node.at) for name, node in depends.value.items()]
    if isinstance(depends.value, list):
        return [(item.text, item.at) for item in depends.value if isinstance(item.value, str)]
    return []


def _inherited(service: Node, project: ComposeProject, files: _Files,
               bases: dict[str, list[str]]) -> list[tuple[str, Span, str]]:
    """The ``depends_on`` entries ``service`` inherits through its ``extends`` chain, each with
    how; ``bases`` collects each base file with the projects extending it."""
    found: list[tuple[str, Span, str]] = []
    current, where = service, project
    for _ in range(_MAX_DEPTH):
        extends = current.get("extends")
        if extends is None:
            break
        name = extends.text if isinstance(extends.value, str) else \
            (extends.get("service").text if extends.get("service") is not None else "")   # type: ignore[union-attr]
        file = extends.get("file") if isinstance(extends.value, dict) else None
        base_project: ComposeProject | None = where
        if file is not None:
            local = os.path.normpath(os.path.join(where.directory, file.text))
            base_project = None if file.tag == "!unresolved" else files.project(local)
            bases.setdefault(os.path.abspath(local), []).extend(project.files)
        if base_project is None or name not in base_project.services:
            break
        current, where = base_project.services[name], base_project
        shown = f"extends {name}" + (f" of {files.ctx.display(where.files[0])}" if file is not None else "")
        found += [(dependency, at, shown) for dependency, at in _entries(current)]
    return found


def _mergeable(path: str, project: ComposeProject, default_names: frozenset[str]) -> bool:
    """Whether ``-f`` plausibly merges ``path`` into ``project``: any file of its folder, or a
    file elsewhere that is no folder's own project (``deploy/prod.yml``). A default-named file
    of another folder is that folder's project: merged with this one by ``-f``, its relative
    paths would resolve from this folder (the first file's), so it is not taken to be a part of
    this one; unless this project's own relative paths resolve only from that folder (an
    overlay run as ``-f docker-compose.yml -f extensions/x/x-compose.yml`` from there, whose
    `build:` and bind mounts name the folders beside that file, not beside itself), or it
    cannot run alone (a service with neither `image` nor `build`: an overlay too)."""
    folder = os.path.dirname(path)
    return folder == project.directory or os.path.basename(path) not in default_names \
        or _resolves_only_from(project, folder) or _partial(project)


def _partial(project: ComposeProject) -> bool:
    """Whether a service of the project has neither `image` nor `build` (nor `extends`): Compose
    refuses such a project alone, so the file only adds to services another file defines (an
    overlay merged with `-f`)."""
    return any(isinstance(service.value, dict) and all(service.get(key) is None for key in ("image", "build", "extends"))
               for service in project.services.values())


def _relative_paths(project: ComposeProject) -> list[str]:
    """The relative paths the project's services name: build contexts and bind mounts' sources."""
    found: list[str] = []
    for service in project.services.values():
        build = service.get("build")
        if build is not None:
            context = build.get("context") if isinstance(build.value, dict) else build
            if context is not None and isinstance(context.value, str):
                found.append(context.text)
        volumes = service.get("volumes")
        for volume in volumes.value if volumes is not None and isinstance(volumes.value, list) else []:
            if isinstance(volume.value, dict):   # the long syntax: `type: bind`, `source: ./x`
                written = volume.get("source")
                source = written.text if written is not None and isinstance(written.value, str) else ""
            else:
                source = volume.text.split(":", 1)[0] if isinstance(volume.value, str) else ""
            if source.startswith("."):
                found.append(source)
    return [path for path in found if path and not os.path.isabs(path) and "$" not in path and "://" not in path]


def run_from_another_folder(project: ComposeProject, ctx: ReadContext) -> bool:
    """None of the project's bind mounts and other contexts is beside its file, and some are
    beside a folder above it in the checked tree: it is run from there (copied up, or with
    `--project-directory`), so its `build: .` is not its own folder either."""
    paths = [path for path in _relative_paths(project) if os.path.normpath(path) != "."]
    if not paths or any(os.path.exists(os.path.join(project.directory, path)) for path in paths):
        return False
    folder = os.path.dirname(project.directory)
    while ctx.inside(folder):
        if any(os.path.exists(os.path.join(folder, path)) for path in paths):
            return True
        if os.path.dirname(folder) == folder:
            break
        folder = os.path.dirname(folder)
    return False


def _resolves_only_from(project: ComposeProject, folder: str) -> bool:
    """No relative path of the project is there beside its own file, and one at least is
    beside ``folder``'s."""
    paths = _relative_paths(project)
    return bool(paths) and not any(os.path.exists(os.path.join(project.directory, path)) for path in paths) \
        and any(os.path.exists(os.path.join(folder, path)) for path in paths)


def compose_dependencies(projects: list[ComposeProject], ctx: ReadContext) -> list[ComposeDependency]:
    """Every ``depends_on`` entry of every project, resolved as above."""
    from ..readers.compose import MAIN_NAMES, OVERRIDE_NAMES
    default_names = frozenset(MAIN_NAMES + OVERRIDE_NAMES)
    files = _Files(ctx)
    for project in projects:
        if len(project.files) == 1:
            files.read.setdefault(os.path.abspath(project.files[0]), project)
    names: dict[int, set[str]] = {}
    unseen: dict[int, str] = {}
    related: dict[str, list[str]] = {}   # a file -> the files of projects including or extending it
    for index, project in enumerate(projects):
        included, paths, unseen[index] = _included(project, files)
        names[index] = set(project.services) | included
        for path in paths:
            related.setdefault(path, []).extend(project.files)
    defined_by: dict[str, list[str]] = {}   # a service name -> the files of each project defining it
    for index, project in enumerate(projects):
        for name in names[index]:
            defined_by.setdefault(name, []).extend(project.files)
    entries: list[tuple[int, str, str, Span, str]] = []
    bases: dict[str, list[str]] = {}
    for index, project in enumerate(projects):
        for service_name, service in project.services.items():
            entries += [(index, service_name, name, at, "") for name, at in _entries(service)]
            entries += [(index, service_name, name, at, via)
                        for name, at, via in _inherited(service, project, files, bases)]
    for path, users in bases.items():
        related.setdefault(path, []).extend(users)
    by_files = {tuple(project.files): index for index, project in enumerate(projects)}
    found: list[ComposeDependency] = []
    for index, service_name, name, at, via in entries:
        project = projects[index]
        if project.problems:
            continue   # Compose refuses the project for what E002 reports; its services are not all known
        including = {index_of for path in project.files for user in related.get(os.path.abspath(path), [])
                 for files_of, index_of in by_files.items() if user in files_of}
        defined = name in names[index] or any(name in names[user] for user in including)
        elsewhere = "" if defined else next(
            (ctx.display(path) for path in sorted(defined_by.get(name, []),
                                                  key=lambda p: os.path.dirname(p) != project.directory)
             if path not in project.files and _mergeable(path, project, default_names)), "")
        found.append(ComposeDependency(service_name, name, at, " + ".join(ctx.display(p) for p in project.files),
                                       defined, elsewhere, unseen[index], via))
    return found
