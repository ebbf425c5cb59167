"""Compose services a devcontainer.json declares as a development container: the editor
starts that service of those Compose files for a developer to work in, so what it runs is
a development set-up, whatever a rule would say of it in production."""
from __future__ import annotations

import os

from ..core.context import ReadContext
from ..core.sources import Discovery
from ..core.span import Setting
from . import Deployment

# (local path of a Compose file, service name) -> the declaration, where its `service` is written.
Declared = dict[tuple[str, str], Setting[str]]


def declared_dev_containers(discovery: Discovery, ctx: ReadContext, deployment: Deployment) -> Declared:
    from ..readers.devcontainer import read_devcontainer

    declared: Declared = {}
    for source in discovery.of_kind("devcontainer"):
        found = read_devcontainer(source.path, ctx)
        deployment.problems.extend(found.problems)
        if not found.service:
            continue
        files = ", ".join(ctx.display(path) for path in found.compose_files)
        setting = Setting(found.path, found.service_at,
                          f"{found.path} names it the dev container (dockerComposeFile {files}, service "
                          f"{found.service})")
        for path in found.compose_files:
            declared.setdefault((path, found.service), setting)
    return declared


def dev_container_of(declared: Declared, compose_files: list[str], service: str) -> Setting[str] | None:
    """The declaration naming ``service`` of the project merged from ``compose_files``."""
    return next((declared[key] for path in compose_files
                 if (key := (os.path.normpath(os.path.abspath(path)), service)) in declared), None)
