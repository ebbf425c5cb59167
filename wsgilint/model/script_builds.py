"""Images the tree's own scripts build: `docker build -t NAME [-f FILE] CONTEXT` in a shell
script or a Makefile (a release script, a CI step). A Compose service that runs such an image
by name (`image: NAME:tag`, no `build:`) runs what that Dockerfile builds: the script pushes it
under that name, whatever tag it gives.
"""
from __future__ import annotations

import os

from ..core.context import ReadContext
from ..core.sources import Discovery
from .base_images import image_name


def script_builds(discovery: Discovery, ctx: ReadContext) -> dict[str, tuple[str, str]]:
    """Image name -> (Dockerfile, context folder), here, of each image a script builds whose
    Dockerfile is among the checked files. A script runs its `docker build` from its own folder
    or from the top of the tree (a CI job's workspace): the first where the context is a folder
    holding the Dockerfile. A name two scripts build from different Dockerfiles is left out."""
    from ..readers.shell import docker_builds

    dockerfiles = {ctx.real(source.path) for source in discovery.of_kind("dockerfile")}
    if not dockerfiles:
        return {}
    found: dict[str, tuple[str, str] | None] = {}
    for source in discovery.files + discovery.skipped:
        name = os.path.basename(source.path)
        if not (name.endswith((".sh", ".mk")) or name in ("Makefile", "makefile", "GNUmakefile")):
            continue
        text = ctx.scan(source.path).text
        if not text or "docker" not in text:
            continue
        for build in docker_builds(text):
            local = _located(build.dockerfile, build.context, os.path.dirname(source.path), ctx, dockerfiles)
            if local is None:
                continue
            for tag in build.tags:
                if "$" in tag.split(":", 1)[0]:
                    continue   # a name only known when the script runs
                key = image_name(tag)
                found[key] = local if found.get(key, local) == local else None
    return {key: value for key, value in found.items() if value is not None}


def _located(dockerfile: str, context: str, script_folder: str, ctx: ReadContext,
             dockerfiles: set[str]) -> tuple[str, str] | None:
    if "$" in context or "://" in context or os.path.isabs(context) or (dockerfile and os.path.isabs(dockerfile)):
        return None
    for base in (script_folder, *(ctx.roots or ())):
        folder = os.path.normpath(os.path.join(base, context))
        # `-f` names the file from where docker runs; without it, the context's own Dockerfile.
        path = os.path.normpath(os.path.join(base, dockerfile)) if dockerfile else os.path.join(folder, "Dockerfile")
        if os.path.isdir(folder) and ctx.inside(folder) and ctx.real(path) in dockerfiles:
            return path, folder
    return None
