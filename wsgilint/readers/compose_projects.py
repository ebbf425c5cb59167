"""Which Compose files make one project, as ``docker compose`` run in their folder reads them.

compose-go (``cli/options.go``) takes the files from ``-f``, else from ``COMPOSE_FILE`` (the
shell's, else the project folder's ``.env``; split at ``COMPOSE_PATH_SEPARATOR``, else at the
platform's list separator, ``:`` on Linux), else the first of the default names in the folder
with the first default override merged over it. ``-f`` and the shell are not in the files; the
``.env`` is. Any other Compose file is read as ``docker compose -f`` reads it alone, except a
file one of whose services has neither ``image`` nor ``build`` (nor ``extends``): Compose refuses
to run such a service alone ("has neither an image nor a build context specified"), so where
another project of the folder defines that service fully, the file is an override meant for
``-f base -f file`` (compose-spec ``13-merge.md``): it makes a project of its own, the base's
files and then it, whose services it names are the ones it adds (the base's others are the
base project's). Two such files beside one base are alternatives (a prod and a test
override), never stacked. When more than one project of the folder could be its base, the
one merged over is named in an info.

A file the tree's own texts run stacked over others (`docker compose -f docker-compose.yml -f
docker-compose.prod.yml up` in a deploy script, a Makefile, a README or the file's own usage
comment) is read the same way, as the files that command names: it is not run alone, whatever
its services define.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable

from ..core.context import ReadContext
from ..core.record import dataclass, field
from ..core.span import Problem
from .compose import MAIN_NAMES, OVERRIDE_NAMES, read_dotenv
from .yaml_nodes import Node, load_yaml

_DEFINING = ("image", "build", "extends")


@dataclass
class ProjectFiles:
    files: list[str]                     # local paths, in merge order
    notes: list[Problem] = field(default_factory=list)   # infos on how they were grouped
    # An override file merged over its base: the services it names, the only ones this
    # project adds (None: every service of the files).
    services: frozenset[str] | None = None


def projects_of(paths: list[str], ctx: ReadContext | None = None, texts: Iterable[str] = ()) -> list[ProjectFiles]:
    """Group Compose files into projects. Without ``ctx`` only the file names are used; ``texts``
    are the local paths of the files whose commands may stack Compose files (`stacked_files`)."""
    by_dir: dict[str, dict[str, str]] = {}
    others: list[str] = []
    for path in paths:
        name = os.path.basename(path)
        if name in MAIN_NAMES or name in OVERRIDE_NAMES:
            by_dir.setdefault(os.path.dirname(path), {})[name] = path
        else:
            others.append(path)
    chosen = _compose_file_lists(paths, ctx) if ctx is not None else {}
    taken = {os.path.normpath(path) for files in chosen.values() for path in files}
    projects: list[list[str]] = list(chosen.values())
    for directory, names in by_dir.items():
        if directory in chosen:      # COMPOSE_FILE replaces the default names
            projects.extend([path] for path in names.values() if os.path.normpath(path) not in taken)
            continue
        main = next((names[n] for n in MAIN_NAMES if n in names), None)
        override = next((names[n] for n in OVERRIDE_NAMES if n in names), None)
        if main is None:
            projects.extend([names[n]] for n in OVERRIDE_NAMES if n in names)   # an override alone
            continue
        projects.append([main] + ([override] if override else []))
        # A second default name beside the chosen one is not read by Compose (it warns and uses the first).
        projects.extend([names[n]] for n in MAIN_NAMES if n in names and names[n] != main)
    projects += [[path] for path in others if os.path.normpath(path) not in taken]
    grouped = [ProjectFiles(files) for files in projects]
    if ctx is None:
        return grouped
    _stack(grouped, stacked_files(texts, paths, ctx), ctx)
    return _merge_fragments(grouped, ctx)


@functools.cache
def _compose_call() -> re.Pattern[str]:
    return re.compile(r"docker[- ]compose\b([^\n;&|`]*)")


@functools.cache
def _file_flag() -> re.Pattern[str]:
    return re.compile(r"(?:^|\s)(?:-f|--file)(?:=|\s+)(\"[^\"\n]+\"|'[^'\n]+'|[^\s\"']+)")


def stacked_files(texts: Iterable[str], paths: list[str], ctx: ReadContext) -> list[list[str]]:
    """The lists of two or more Compose files that a command in one of ``texts`` (local paths
    of scripts, Makefiles, documents, Compose files) names with `-f`, in order, each a file of
    ``paths``: resolved from the text's folder, else from the top of the tree, as the command
    may be run from either."""
    compose = {ctx.real(path): path for path in paths}
    stacks: list[list[str]] = []
    for text_path in texts:
        text = ctx.scan(text_path).text
        if not text or "compose" not in text or "-f" not in text:
            continue
        for call in _compose_call().finditer(text):
            named = [word.strip("\"'") for word in _file_flag().findall(call.group(1))]
            if len(named) < 2 or any("$" in word for word in named):
                continue
            for base in (os.path.dirname(text_path), *(ctx.roots or ())):
                candidates = [os.path.normpath(os.path.join(base, word)) for word in named]
                found = [compose.get(ctx.real(path)) if ctx.inside(path) else None for path in candidates]
                if all(found) and len(set(found)) == len(found):
                    stack = [path for path in found if path is not None]
                    if stack not in stacks:
                        stacks.append(stack)
                    break
    return stacks


def _stack(grouped: list[ProjectFiles], stacks: list[list[str]], ctx: ReadContext) -> None:
    """Each file read alone that a command runs last over others becomes that command's project,
    adding the services it names (the base's others are the base project's); the first command
    found decides where two name it over different files."""
    alone = {os.path.normpath(entry.files[0]): index for index, entry in enumerate(grouped) if len(entry.files) == 1}
    done: set[int] = set()
    for stack in stacks:
        index = alone.get(os.path.normpath(stack[-1]))
        if index is None or index in done:
            continue
        added = frozenset(name for path in stack[1:] for name in _services(path, ctx))
        grouped[index] = ProjectFiles(stack, services=added)
        done.add(index)


def _compose_file_lists(paths: list[str], ctx: ReadContext) -> dict[str, list[str]]:
    """Folder -> the files its ``.env`` names in ``COMPOSE_FILE`` (those that exist)."""
    chosen: dict[str, list[str]] = {}
    for directory in dict.fromkeys(os.path.dirname(path) for path in paths):
        dotenv = os.path.join(directory, ".env")
        if not os.path.isfile(dotenv):
            continue
        text = ctx.read(dotenv, peek=True).text
        env = read_dotenv(text) if text is not None else {}
        separator = env.get("COMPOSE_PATH_SEPARATOR") or ":"
        files = [os.path.normpath(os.path.join(directory, part))
                 for part in env.get("COMPOSE_FILE", "").split(separator) if part.strip()]
        files = [path for path in dict.fromkeys(files) if ctx.inside(path) and os.path.isfile(path)]
        if files:
            chosen[directory] = files
    return chosen


def _services(path: str, ctx: ReadContext) -> dict[str, Node]:
    text = ctx.read(path, peek=True).text
    root = load_yaml(text, ctx.display(path))[0] if text is not None else None
    services = root.get("services") if root is not None else None
    if services is None or not isinstance(services.value, dict):
        return {}
    return {name: node for name, node in services.value.items() if isinstance(node.value, dict)}


def _merge_fragments(grouped: list[ProjectFiles], ctx: ReadContext) -> list[ProjectFiles]:
    """A lone file whose services lack an image and a build, merged over the project of its
    folder that defines them (see the module's docstring)."""
    by_dir: dict[str, list[int]] = {}
    for index, entry in enumerate(grouped):
        by_dir.setdefault(os.path.dirname(entry.files[0]), []).append(index)
    read: dict[str, dict[str, Node]] = {}

    def services(path: str) -> dict[str, Node]:
        if path not in read:
            read[path] = _services(path, ctx)
        return read[path]

    merged: set[int] = set()
    for indexes in by_dir.values():
        if len(indexes) < 2:
            continue
        for index in indexes:
            files = grouped[index].files
            if len(files) != 1 or os.path.basename(files[0]) in MAIN_NAMES:
                continue
            fragments = {name: node for name, node in services(files[0]).items()
                         if not any(node.get(key) is not None for key in _DEFINING)}
            bases = [other for other in indexes if other != index and other not in merged and any(
                         name in services(path) and any(services(path)[name].get(key) is not None for key in _DEFINING)
                         for path in grouped[other].files for name in fragments)]
            if not bases:
                continue
            # The folder's own project (default names or COMPOSE_FILE) first, then by name.
            bases.sort(key=lambda other: (len(grouped[other].files) == 1
                                          and os.path.basename(grouped[other].files[0]) not in MAIN_NAMES,
                                          grouped[other].files))
            base = grouped[bases[0]]
            merged.add(index)
            grouped[index] = ProjectFiles([*base.files, files[0]], services=frozenset(services(files[0])))
            if len(bases) > 1:
                name, node = next(iter(fragments.items()))
                shown = ctx.display(files[0])
                others = ", ".join(ctx.display(grouped[other].files[-1]) for other in bases[1:])
                grouped[index].notes.append(Problem(
                    "ambiguous", f"service {name} has no image and no build, so Compose cannot run {shown} alone: "
                    f"it is read as an override of {ctx.display(base.files[0])}, but {others} defines "
                    f"{name} too; if {shown} is run over that, the findings on {name} may differ",
                    node.key_at or node.at, severity="info"))
    return grouped
