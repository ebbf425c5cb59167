"""Containers in the deployment graph: each Compose service (or a Dockerfile's image on
its own) is a place with its own loopback and file system, and the container runtime is
the process manager of what it starts.

``ContainerBuilder`` joins the parts, each in its own module, depending one way
(images <- services <- managers; the nginx of the images on the images alone):
``container_images`` follows a Dockerfile's stages into the ``Image`` a container runs;
``container_services`` reads a Compose service's words, networks, volumes and place, and
the images a project builds; ``container_managers`` makes the runtime the manager of a
container's start (entrypoint and command, user, environment, stop signal, PID 1) and
says what that start runs; ``container_nginx`` says what the nginx of an official image
loads there. The builder holds what the parts share across one run: the places of the
files copied or mounted in, each place's image and base, the places whose whole start the
files show and where files the tree does not hold may appear.
"""
from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core.context import ReadContext
from ..core.gitignore import ignored_below
from ..core.sources import Discovery, SourceFile
from ..core.span import Setting, Span
from . import (
    HOST,
    AppServer,
    Deployment,
    ImagelessService,
    MissingBuildTarget,
    MissingCopySource,
    NginxInstance,
    ProcessManager,
)
from .base_images import BaseImage, base_image, image_name, starts_stock_supervisord
from .container_images import ETC_NGINX, Image, image_from_base, image_of
from .container_managers import (
    container_manager,
    managers_by_place,
    only_start,
    place_reached_configs,
    stock_programs,
    supervisor_programs_moved_in,
    unrun_configs,
)
from .container_nginx import (
    fragment_read_as_main,
    main_read_as_site,
    mount_only_parents,
    shipped,
    stock_nginx_loads,
    stock_nginx_user,
)
from .container_services import ProjectBuilds, Service, build_of, place_of, services_of
from .graph import Place
from .manager_facts import ROOT_NAMES
from .script_builds import script_builds

# The Compose (YAML) and Dockerfile readers are loaded only when such files are checked.
if TYPE_CHECKING:
    from ..readers.compose import ComposeProject
    from ..readers.dockerfile import Dockerfile
    from ..readers.yaml_nodes import Node


class ContainerBuilder:
    """Reads Compose projects and Dockerfiles into places and managers, and afterwards
    places the nginx instances and app servers they run."""

    def __init__(self, ctx: ReadContext, deployment: Deployment) -> None:
        self.ctx = ctx
        self.deployment = deployment
        self.file_places: list[tuple[str, Place]] = []   # a local file or directory inside a place
        self.nginx_places: list[tuple[str, Place]] = []   # those placed below /etc/nginx
        self.read_dockerfiles: dict[str, Dockerfile] = {}   # by real path: each parsed once
        self.missing_seen: set[tuple[Span, str, str]] = set()   # (COPY, source, context) reported
        self.targets_seen: set[Span] = set()
        # Each Compose build of a Dockerfile (display path): the step that stops it, or None.
        self.builds: dict[str, list[tuple[Span, str] | None]] = {}
        # Each Compose project (its places' started_with) with a build that stops: the first
        # such service and its stop. `docker compose up` builds every image before it starts
        # anything, so no service of that project starts.
        self.stopped_projects: dict[str, tuple[str, Span, str]] = {}
        # Each service behind `profiles:` whose build stops, with the stop and the code of the
        # rule that reports it: `docker compose up` builds only the services it starts, and
        # which profiles a deployment activates the files do not say, so only that service is
        # known not to start.
        self.stopped_services: dict[Place, tuple[Span, str, str]] = {}
        # Images of Dockerfiles built alone from the top of the tree whose COPY names a source the
        # tree holds nowhere: where that step is, and the source.
        self.unbuilt_images: dict[Place, tuple[Span, str]] = {}
        # Images of Dockerfiles no Compose service builds whose service a Compose file of the
        # tree keeps commented out: where that line is.
        self.retired_images: dict[Place, Span] = {}
        self.unexecutable: list[str] = []   # local files a container's start executes without an execute bit
        self.nginx_images: dict[str, Span] = {}   # nginx image tag -> where an image names it
        self.bases: list[tuple[Place, BaseImage]] = []   # each container's image base
        self.supervisor_files: dict[str, str] = {}       # display path -> local path of each Supervisor file
        self.seen_starts: set[Place] = set()   # containers whose files show all their start runs
        # Per container of an image whose nginx files are known: (path, why) where the build or
        # a volume may put files the checked tree does not hold.
        self.unseen_writes: dict[Place, list[tuple[str, str]]] = {}
        self.place_images: dict[Place, Image] = {}   # each container's image, where the files build one
        # Each Compose service's lines in its Compose file: (shown path, first line, last line).
        self.service_lines: dict[Place, tuple[str, int, int]] = {}
        # Compose services a devcontainer.json names (model/dev_containers.py), read before the projects.
        self.dev_containers: dict[tuple[str, str], Setting[str]] = {}
        # Image name -> (Dockerfile, context) of each image a script of the tree builds (`docker build -t`).
        self.script_builds: dict[str, tuple[str, str]] = {}

    def read(self, discovery: Discovery) -> None:
        self.script_builds = script_builds(discovery, self.ctx)
        self.supervisor_files.update({self.ctx.display(source.path): os.path.abspath(source.path)
                                      for source in discovery.of_kind("supervisor")})
        compose_files = [source.path for source in discovery.of_kind("compose")]
        if discovery.of_kind("devcontainer"):
            from .dev_containers import declared_dev_containers
            self.dev_containers = declared_dev_containers(discovery, self.ctx, self.deployment)
        if compose_files:
            from ..readers.compose import read_project
            from ..readers.compose_projects import projects_of
            from .compose_deps import compose_dependencies

            projects = []
            for grouped in projects_of(compose_files, self.ctx, _command_texts(discovery)):
                project = read_project(grouped.files, self.ctx)
                if grouped.services is not None:
                    # An override over its base: the base's own files are read as the base's
                    # project already; what this one adds is the override's services.
                    shown = self.ctx.display(grouped.files[-1])
                    project.problems = [p for p in project.problems if p.at.path == shown]
                else:
                    projects.append(project)
                self.deployment.problems.extend(project.problems + grouped.notes)
                self._project(project, grouped.services)
            self.deployment.compose_dependencies = compose_dependencies(projects, self.ctx)
        built, scripted = self._built_texts(), self._script_built()
        for source in discovery.of_kind("dockerfile"):
            if self.ctx.real(source.path) in self.read_dockerfiles:
                continue
            display = self.ctx.display(source.path)
            twin = built.get(self.ctx.read(source.path).text or "") \
                if self.ctx.real(source.path) not in scripted else None
            if twin is not None:
                # A copy left beside the Dockerfile Compose builds (`Dockerfile.prod` beside the
                # `Dockerfile` of the same text) is no other image: what it describes runs, and is
                # said, as that service. Its own lines are noted as the copy's.
                self.deployment.unstarted_files.setdefault(display, (
                    f"this Dockerfile is byte for byte {twin}, which a Compose service builds, and nothing in the "
                    "files builds this copy: assumed what runs is that service's image", ()))
                continue
            if os.path.basename(source.path) == "dockerfile" and \
                    os.path.lexists(os.path.join(os.path.dirname(source.path), "Dockerfile")):
                # docker build reads `dockerfile` only when lstat finds no `Dockerfile` (docker/cli).
                self.deployment.unstarted_files[display] = (
                    "`docker build` takes the Dockerfile beside it: this lower-case `dockerfile` is read only "
                    "where no `Dockerfile` exists, so it is built only when named with `-f`, which nothing in "
                    "the checked files does", ())
            image = self._standalone_image(source.path)
            place = Place(display, "container", network=f"image:{display}", mounts=f"image:{display}",
                          label=f"the image of {display}", started_with=display, run_unseen=True)
            self._mount(place, image.copies)
            if os.path.realpath(os.path.dirname(source.path)) in (self.ctx.roots or ()):
                # Built from the top of the checked tree, its context is that folder (`docker build
                # .`); one in a subfolder is as often built from the top (`-f deploy/Dockerfile .`),
                # so what its copies lack is not known.
                self._unseen_in_image(place, image)
                self.ctx.run_elsewhere.add((place.filesystem, place.started_with))
            # A source the tree holds nowhere is missing from whichever folder the build runs in.
            absent = self._absent_source(image)
            if absent is not None:
                self.unbuilt_images[place] = absent
            retired = _commented_out_build(source.path, compose_files, self.ctx) if compose_files else None
            if retired is not None:
                self.retired_images[place] = retired
            self._manager("docker", display, Span(display, 1), place, image, None)
        self._nginx_version()
        if self.script_builds and self.deployment.exec_lookalikes:
            self._replaced_starts(discovery)
        if self.unexecutable:
            self._trust_modes(discovery)
        for dockerfile, builds in self.builds.items():
            stops = [stop for stop in builds if stop is not None]
            if len(stops) == len(builds):   # every Compose build of it stops
                at, what = stops[0]
                self.deployment.unstarted_files[dockerfile] = (
                    f"no image is built from this Dockerfile: {what} ({at.path}:{at.line}), so nothing it would run "
                    "starts until that is fixed", tuple(sorted({stop.line for stop, _ in stops if stop.path == dockerfile})))

    def rendered_templates(self, discovery: Discovery, is_main: Callable[[str], bool]) -> list[SourceFile]:
        """The nginx templates an image's entrypoint renders into the config its nginx loads
        (the official nginx image: /etc/nginx/templates/x.conf.template to
        /etc/nginx/conf.d/x.conf), each mapped where it lands and offered as the nginx file it
        becomes. Only a template whose rendering is its own text: every `$name` in it is an
        nginx variable (lower case), none the name of an environment variable, which the
        entrypoint would replace with a value the files may not show. Where the start sets
        the entrypoint's NGINX_ENVSUBST_* variables, where it puts them is not assumed. A
        template with `http` or `events` blocks (``is_main``) lands inside the `http` of the
        image's nginx.conf, where nginx refuses them: that is not modelled, so it stays a
        template."""
        renderers = []
        for place, base in self.bases:
            starts = [m for m in self.deployment.managers if m.place is place and m.runs_program == "nginx"]
            if base.renders_templates and starts and not any(
                    name.startswith("NGINX_ENVSUBST_") for m in starts for name in m.environment):
                renderers.append((place, base))
        templates = [source for source in discovery.of_kind("template") if source.renders == "nginx"
                     and source.path.endswith(_TEMPLATE_SUFFIX) and _as_written(self.ctx.read(source.path).text)
                     and not is_main(source.path)] if renderers else []
        rendered: dict[str, SourceFile] = {}
        for place, base in renderers:
            for source in templates:
                for filesystem, target in self.ctx.placements(source.path):
                    if filesystem != place.filesystem or not target.startswith(_TEMPLATE_DIR + "/"):
                        continue
                    output = _RENDERED_DIR + "/" + target[len(_TEMPLATE_DIR) + 1:-len(_TEMPLATE_SUFFIX)]
                    self.ctx.map_container_path(filesystem, output, source.path)
                    rendered[source.path] = SourceFile(
                        source.path, source.display, "nginx",
                        f"an nginx template that {base.written}'s entrypoint writes to {output} in "
                        f"{place.label or place.name} as it is (nothing for it to fill in): read as that file")
        for place, base in renderers:
            if place in self.unseen_writes:
                self._unread_renderings(place, base, rendered)
        return list(rendered.values())

    def _unread_renderings(self, place: Place, base: BaseImage, rendered: dict[str, SourceFile]) -> None:
        """A template the entrypoint renders with values the files do not show (`${NGINX_HOST}`)
        becomes a conf.d file nginx loads but the checked files do not hold: a write the files
        do not show, where nginx reads."""
        for path in self.ctx.known_files:
            if not path.endswith(_TEMPLATE_SUFFIX) or path in rendered:
                continue
            for filesystem, target in self.ctx.placements(path):
                if filesystem == place.filesystem and target.startswith(_TEMPLATE_DIR + "/"):
                    output = _RENDERED_DIR + "/" + target[len(_TEMPLATE_DIR) + 1:-len(_TEMPLATE_SUFFIX)]
                    self.unseen_writes[place].append((output, f"{base.written}'s entrypoint renders "
                                                      f"{self.ctx.display(path)} there, filling in values"))

    def _nginx_version(self) -> None:
        """An nginx image tag says which nginx runs in the containers (``nginx:1.19.0-alpine``):
        it stands in for an assumed version there, never for one given on the command line or
        installed on the host, and never for an nginx of the host."""
        host = self.deployment.host
        tags = {tag.split("-", 1)[0]: (tag, at) for tag, at in self.nginx_images.items()
                if re.fullmatch(r"\d+\.\d+(\.\d+)?(-[\w.]+)?", tag)}
        if "nginx" not in host.assumed_versions or len(tags) != 1:
            return
        version, (tag, at) = next(iter(tags.items()))
        line_only = version.count(".") == 1
        host.container_versions["nginx"] = Setting(version, at, f"the image nginx:{tag} in {at.path}"
                                                   + (f", the newest {version} release" if line_only else ""))
        if line_only:
            host.newest_of_line.add("nginx")

    def _image(self, path: str, context_dir: str, target: str = "",
               build_args: dict[str, str | None] | None = None,
               built: Callable[[str], Image | None] | None = None) -> Image:
        return self._registered(image_of(self._dockerfile(path), context_dir, target, build_args, built))

    def _built_texts(self) -> dict[str, str]:
        """The text of each Dockerfile a Compose service builds -> its shown path. Read by its
        real path (the reader's text, cached, where the tree holds no link on the way), as a peek:
        no second config file where a link makes the two paths differ."""
        texts: dict[str, str] = {}
        for real in self.read_dockerfiles:
            text = self.ctx.read(real, peek=True).text
            if text:
                texts.setdefault(text, self.ctx.display(real))
        return texts

    def _script_built(self) -> set[str]:
        """The real paths of the Dockerfiles the tree's scripts build."""
        return {self.ctx.real(dockerfile) for dockerfile, _ in self.script_builds.values()}

    def _standalone_image(self, path: str) -> Image:
        """The image of a Dockerfile no Compose file builds. Its context is its own folder, or,
        where the sources its COPY and ADD name are not all there but are all in a folder
        above it in the checked tree, the nearest such folder (`docker build -f
        docker/Dockerfile .` from the top): a build runs only from a context that holds them."""
        dockerfile = self._dockerfile(path)
        own = folder = os.path.dirname(path)
        roots = self.ctx.roots or ()
        image = image_of(dockerfile, own)
        if roots and image.missing_sources:
            while os.path.realpath(folder) not in roots:
                parent = os.path.dirname(folder)
                if parent == folder or not self.ctx.inside(parent):
                    break
                folder = parent
                above = image_of(dockerfile, folder)
                if not above.missing_sources:
                    return self._registered(above)
        return self._registered(image)

    def _replaced_starts(self, discovery: Discovery) -> None:
        """The CMD and ENTRYPOINT of an image a script of the tree builds (`docker build -f
        Dockerfile.base -t org/base .`) that another Dockerfile of the tree builds FROM and
        replaces: its own ENTRYPOINT replaces both, its own CMD the CMD."""
        from ..readers.dockerfile import read_dockerfile

        def parsed(path: str) -> Dockerfile:
            known = self.read_dockerfiles.get(self.ctx.real(path))
            return known if known is not None else read_dockerfile(path, self.ctx)

        for source in discovery.of_kind("dockerfile"):
            instructions = parsed(source.path).instructions
            froms = [each for each in instructions if each.keyword == "FROM"]
            base = self.script_builds.get(image_name(froms[0].words[0])) \
                if len(froms) == 1 and froms[0].words else None
            if base is None:
                continue
            own = {each.keyword: each for each in instructions if each.keyword in ("CMD", "ENTRYPOINT")}
            for each in parsed(base[0]).instructions:
                replacing = own.get("ENTRYPOINT") or (own.get("CMD") if each.keyword == "CMD" else None)
                if each.lookalike is not None and each.keyword in ("CMD", "ENTRYPOINT") and replacing is not None:
                    self.deployment.replaced_starts[each.lookalike.at] = replacing.at

    def _dockerfile(self, path: str) -> Dockerfile:
        from ..readers.dockerfile import read_dockerfile

        dockerfile = self.read_dockerfiles[self.ctx.real(path)] = read_dockerfile(path, self.ctx)
        self.deployment.problems.extend(dockerfile.problems)
        for instruction in dockerfile.instructions:
            if instruction.lookalike is not None and instruction.lookalike not in self.deployment.exec_lookalikes:
                self.deployment.exec_lookalikes.append(instruction.lookalike)
            words = instruction.words
            if instruction.keyword == "FROM" and words and words[0].rsplit("/", 1)[-1].startswith("nginx:"):
                self.nginx_images.setdefault(words[0].rsplit("/", 1)[-1].split(":", 1)[1], instruction.at)
        return dockerfile

    def _registered(self, image: Image) -> Image:
        """The image, with the files its build rewrites noted for the model."""
        for local, how in image.rewrites.items():
            self.deployment.build_rewrites.setdefault(self.ctx.display(local), how)
        return image

    def _build(self, service: Node, project: ComposeProject,
               built: Callable[[str], Image | None] | None = None) -> Image | None:
        spec = build_of(service, project, self.ctx)
        if spec is not None:
            return self._image(*spec, built)
        named = service.get("image") if service.get("build") is None else None
        if named is None or named.tag == "!unresolved" or not self.script_builds:
            return None
        # Run by the name a script of the tree builds it under: that Dockerfile's image.
        script = self.script_builds.get(image_name(named.text))
        return self._image(*script) if script is not None else None

    def _project(self, project: ComposeProject, only: frozenset[str] | None = None) -> None:
        """The containers of a project's services (``only``: of those services alone)."""
        builds = ProjectBuilds(project, self._build)
        services = services_of(project, builds.image, self.ctx, self.deployment.host_folders)
        places: dict[str, Place] = {}
        modelled = {name: service for name, service in services.items() if only is None or name in only}
        for name, service in modelled.items():
            place = place_of(service, services, project, self.ctx, self._dev_container(project, service.name))
            self.deployment.places.append(place)
            for target, store in service.volumes:
                if store.startswith("bind:"):
                    self._mount(place, {target: store[len("bind:"):]}, bind=True)
            for target, _ in place.volumes:
                self._unseen(place, target)
            places[name] = place
        self._imageless(project, modelled, places, only)
        # A Compose file run from a folder above it builds from there: what its images copy is not known.
        from .compose_deps import run_from_another_folder
        elsewhere = run_from_another_folder(project, self.ctx)
        for name, service in modelled.items():
            image = service.image
            written = service.node.get("image")
            if written is not None and written.text.rsplit("/", 1)[-1].startswith("nginx:") and written.at is not None:
                self.nginx_images.setdefault(written.text.rsplit("/", 1)[-1].split(":", 1)[1], written.at)
            if image is None and written is not None and service.node.get("build") is None:
                image = image_from_base("", base_image(written.text, written.at))
            if image is not None:
                self._mount(places[name], image.copies)
                if not elsewhere:
                    self._unseen_in_image(places[name], image)
                    stops, code = self._missing_sources(service.node, image), "C105"
                    if stops is None:
                        stops, code = self._missing_target(service.node, image), "C106"
                    if service.node.get("build") is not None:
                        self.builds.setdefault(image.dockerfile, []).append(stops)
                        if stops is not None and _behind_profiles(service.node):
                            self.stopped_services.setdefault(places[name], (*stops, code))
                        elif stops is not None:
                            self.stopped_projects.setdefault(places[name].started_with, (name, *stops))
            self._manager("compose", name, service.node.key_at or service.node.at, places[name], image, service.node,
                          project.directory)
            first = service.node.key_at or service.node.at
            self.service_lines[places[name]] = (first.path, first.line, _last_line(service.node))

    def _imageless(self, project: ComposeProject, modelled: dict[str, Service], places: dict[str, Place],
                   only: frozenset[str] | None) -> None:
        """The services with neither ``image`` nor ``build`` (nor ``extends``) of a project that
        `docker compose` run in its folder reads as it is (its default files): Compose refuses
        it whole (compose-go ``checkConsistency``). A service behind ``profiles`` may be one no
        run enables, and a file of another name may be an overlay for ``-f``: neither is counted.
        Nor is a folder's override file without the main file it goes over (Compose reads none
        there), nor the Compose file of a `.devcontainer` folder, which devcontainer.json's
        ``dockerComposeFile`` merges over the project's own."""
        from ..readers.compose import MAIN_NAMES, OVERRIDE_NAMES
        names = [os.path.basename(path) for path in project.files]
        if only is not None or not any(name in MAIN_NAMES for name in names) or \
                not all(name in MAIN_NAMES + OVERRIDE_NAMES for name in names) or \
                any(os.path.basename(os.path.dirname(path)) == ".devcontainer" for path in project.files):
            return
        for name, service in modelled.items():
            if all(service.node.get(key) is None for key in ("image", "build", "extends", "profiles")):
                self.deployment.imageless_services.append(
                    ImagelessService(name, service.node.key_at or service.node.at, places[name].started_with))

    def _dev_container(self, project: ComposeProject, service: str) -> Setting[str] | None:
        if not self.dev_containers:
            return None
        from .dev_containers import dev_container_of
        return dev_container_of(self.dev_containers, project.files, service)

    def _mount(self, place: Place, paths: dict[str, str], bind: bool = False) -> None:
        for target, local in paths.items():
            if os.path.exists(local) and self.ctx.inside(local):
                self.ctx.map_container_path(place.filesystem, target, local, bind)
                self.file_places.append((os.path.abspath(local), place))
                if target == ETC_NGINX or target.startswith(ETC_NGINX + "/"):
                    self.nginx_places.append((os.path.abspath(local), place))

    def _missing_sources(self, service: Node, image: Image) -> tuple[Span, str] | None:
        """The files a service's build copies that its context lacks, where the tree holds a file
        of that name elsewhere (so the tree is no partial copy that left it out); the first, and
        what stops there."""
        stops: tuple[Span, str] | None = None
        for source, local, at, context_dir in image.missing_sources:
            # Shown as its files are (relative to the working folder): the folder of a file in it.
            context = os.path.dirname(self.ctx.display(os.path.join(context_dir, "Dockerfile"))) or "."
            namesakes = tuple(self.ctx.display(path) for path in self.ctx.namesakes(os.path.basename(local))
                              if os.path.isfile(path)) or self._folder_above(context_dir, source)
            if namesakes and stops is None:
                stops = (at, f"`{source}` is not in its build context `{context}`")
            if namesakes and (at, source, context) not in self.missing_seen:   # several services, one build
                self.missing_seen.add((at, source, context))
                self.deployment.copy_sources_missing.append(
                    MissingCopySource(source, at, context, namesakes, service.key_at or service.at))
        return stops

    def _absent_source(self, image: Image) -> tuple[Span, str] | None:
        """The first source an image's COPY or ADD names that the checked tree holds nowhere (no
        file or folder of that name), but for what a build step outside the files usually makes
        first (``dist/``, ``build/``, a wheel): where it is copied, and the source."""
        for source, local, at, context_dir in image.missing_sources:
            written = posixpath.normpath(source).lstrip("/")
            first = written.split("/", 1)[0]
            if first in _MADE_BEFORE_BUILD or first.startswith(".") or written.endswith(_MADE_BEFORE_BUILD_SUFFIXES):
                continue    # a bundle, a wheel, or a local file a checkout leaves out on purpose (`.env`)
            if self.ctx.mode == "repository" and ignored_below(context_dir, local):
                continue    # kept out of git on purpose (`secret.py`): the deployer's working copy has it
            name = os.path.basename(local.rstrip(os.sep))
            if not self.ctx.namesakes(name) and not any(f"{os.sep}{name}{os.sep}" in path
                                                        for path in self.ctx.known_files) \
                    and not self._named_by_a_build_step(name):
                return at, source
        return None

    def _named_by_a_build_step(self, name: str) -> bool:
        """Whether a pipeline, Makefile or shell script of the tree names ``name`` (a Jenkinsfile
        that checks another repository out into `app/` before `docker build`): the step that
        makes it may be there."""
        word = re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w-])")
        for path in self.ctx.known_files:
            base = os.path.basename(path)
            if base.startswith(_BUILD_STEP_NAMES) or base.endswith(_BUILD_STEP_SUFFIXES) \
                    or f"{os.sep}.github{os.sep}workflows{os.sep}" in path:
                text = self.ctx.read(path, peek=True).text
                # A comment (`# run app`) names no step.
                if text and word.search(text) and any(
                        word.search(line) and not line.lstrip().startswith(("#", "//")) for line in text.splitlines()):
                    return True
        return False

    def _folder_above(self, context_dir: str, source: str) -> tuple[str, ...]:
        """A folder the source names from a folder above the context (``COPY app/backend ./``
        with `context: docker`, where the tree has ``app/backend/`` beside ``docker/``), found
        by the files in it: the source was written from the wrong folder."""
        written = posixpath.normpath(source.lstrip("/"))
        if written in (".", "") or written.startswith(".."):
            return ()
        folder = os.path.dirname(context_dir)
        while self.ctx.inside(folder):
            candidate = os.path.join(folder, written) + os.sep
            if any(path.startswith(candidate) for path in self.ctx.known_files):
                return (self.ctx.display(candidate.rstrip(os.sep)) + "/",)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        return ()

    def _missing_target(self, service: Node, image: Image) -> tuple[Span, str] | None:
        """A build ``target:`` that names no stage of the Dockerfile, and what stops there."""
        build = service.get("build")
        if build is None or not isinstance(build.value, dict):
            return None
        target = build.get("target")
        if not image.target_missing or target is None or target.tag or target.at is None:
            return None
        if build.get("context") is None and build.get("dockerfile") is None:
            return None   # a file merged over another (`-f base.yml -f dev.yml`): which Dockerfile is not its to say
        stops = (target.at, f"its `target: {image.target_missing}` names no stage")
        if target.at not in self.targets_seen:   # two Compose files of one project name the same build
            self.targets_seen.add(target.at)
            self.deployment.build_targets_missing.append(MissingBuildTarget(
                image.target_missing, target.at, image.dockerfile, image.stage_names,
                service.key_at or service.at))
        return stops

    def _rendered(self, manager: ProcessManager, place: Place) -> None:
        """A file the start renders from another in the container (`envsubst < a.ini > b.ini`,
        then `uwsgi --ini b.ini`) holds that file's text, its placeholders filled in at start:
        a server started with it is configured there (and the rewrite says the values differ)."""
        from .rewrites import start_path
        for rewrite in manager.rewrites:
            source = start_path(rewrite.source, manager) if rewrite.source else None
            target = start_path(rewrite.path, manager)
            if source is None or target is None:
                continue
            with self.ctx.in_filesystem(place.filesystem):
                local, already = self.ctx.local(source), self.ctx.local(target)
            if local is not None and already is None and os.path.isfile(local):
                self.ctx.map_container_path(place.filesystem, target, local)

    def _unseen(self, place: Place, target: str) -> None:
        self.ctx.unseen_below.setdefault((place.filesystem, place.started_with), []).append(posixpath.normpath(target))

    def _unseen_in_image(self, place: Place, image: Image) -> None:
        copies = self.ctx.image_copies.setdefault((place.filesystem, place.started_with), {})
        for target, local in image.copies.items():
            copies.setdefault(target, local)
        for target, _ in image.writes:
            self._unseen(place, target)
        if image.base is None or not image.base.known:   # its files are not known
            self._unseen(place, "/")

    def _manager(self, kind: str, name: str, at: Span, place: Place, image: Image | None, node: Node | None,
                 directory: str | None = None) -> None:
        if image is not None:
            self.place_images[place] = image
        unseen = shipped(place, image, self.ctx)
        if unseen is not None:
            self.unseen_writes[place] = unseen
        manager, seen = container_manager(kind, name, at, place, image, node, directory, self.ctx)
        if manager.start_not_executable is not None:
            self.unexecutable.append(os.path.join(self.ctx.cwd, manager.start_not_executable.value))
        if image is not None and image.base is not None:
            self.bases.append((place, image.base))
        if seen:
            self.seen_starts.add(place)
        self.deployment.managers.append(manager)
        self._rendered(manager, place)
        if manager.argv is None:
            return
        moved = supervisor_programs_moved_in(manager, image, self.deployment.managers, self.file_places,
                                             self.supervisor_files)
        if not moved and image is not None and image.base is not None and \
                starts_stock_supervisord(image.base, manager.argv.value, set(image.copies)):
            self.deployment.managers.extend(stock_programs(manager, image.base))

    def _trust_modes(self, discovery: Discovery) -> None:
        """How far the checked files' modes are as installed: a host's are; a tree where some file
        has an execute bit keeps them; a git checkout (a `.git` folder in the checked tree at or
        above a file a start executes) holds git's, where a repository without any executable
        file was likely committed from Windows; anything else may be a copy that lost them."""
        if self.ctx.mode != "repository":
            return
        for source in discovery.files + discovery.skipped:
            try:
                if os.lstat(source.path).st_mode & 0o111:
                    return
            except OSError:
                continue
        for local in self.unexecutable if self.ctx.roots is not None else ():
            folder = os.path.dirname(os.path.abspath(local))
            while self.ctx.inside(folder):
                if os.path.isdir(os.path.join(folder, ".git")):
                    self.deployment.modes_all_plain = (
                        "no file of this checkout has an execute bit, as in a repository committed from Windows, "
                        "where Docker Desktop shows bind-mounted and build-context files as executable: it fails "
                        "where Docker runs on Linux (a server, CI)")
                    return
                parent = os.path.dirname(folder)
                if parent == folder:
                    break
                folder = parent
        self.deployment.modes_unshown = (
            "no file of the checked tree has an execute bit and no .git folder shows it to be a checkout: "
            "assumed its modes are the repository's (a copy or an archive may have dropped them)")

    def mark_stopped_projects(self) -> None:
        """Files that only containers that never start read (their Compose files, the
        Dockerfiles, scripts, nginx and app server configs): what is found there describes what
        never runs. The services of a Compose project whose build stops, or that Compose refuses,
        never start (``_stopped_projects``). Nor does a container whose start executes a file
        without an execute bit (where the tree shows modes), nor one that starts uWSGI its image
        does not hold. A file the host or a container that starts also reads is left as it is,
        but for the lines of a service that never starts in a Compose file other services share."""
        refused = self._refused_starts()
        stopped = self._stopped_projects()
        if not stopped and not refused:
            return
        from .unstarted import file_readers
        readers = file_readers(self.deployment, self.ctx,
                               {place: image.dockerfile for place, image in self.place_images.items()})
        unstarted = self.deployment.unstarted_files
        for path, starts in readers.items():
            places = {start.place for start in starts}
            if path in unstarted:
                continue
            if not all(place in refused or place.started_with in stopped for place in places):
                self._mark_service_lines(path, places, refused)
                continue
            projects = sorted({place.started_with for place in places if place.started_with in stopped})
            kept_lines = {at.line for at, _ in stopped.values() if at.path == path} | {
                imageless.at.line for imageless in self.deployment.imageless_services if imageless.at.path == path}
            if projects:
                why, certain = (f"no service of {'this Compose project' if len(projects) == 1 else 'these Compose projects'} "
                                f"starts: {stopped[projects[0]][1]}"), True
            else:
                _, why, _, certain = refused[min(places, key=lambda each: each.label or each.name)]
            unstarted[path] = (_until_fixed(why, "nothing here runs", certain), tuple(sorted(kept_lines)))
            # The line a start fails at keeps the finding of the rule that reports the failure;
            # what another rule finds there describes what never runs, as the rest of the file.
            for place in places & refused.keys():
                at, failure, code, certain = refused[place]
                if at is not None and at.path == path:
                    self.deployment.unstarted_lines.setdefault(path, {}).setdefault(
                        at.line, (_until_fixed(failure, "nothing here runs", certain), code))

    def mark_units_copied_where_systemd_does_not_run(self) -> None:
        """A systemd unit the builds copy into images whose whole start the files show, none of
        which runs systemd (`CMD ["sh", "./start.sh"]`): the copy says where it was meant to run,
        and no systemd there loads it. What is found in it describes what never runs."""
        placed = managers_by_place(self.deployment.managers)
        from ..readers.systemd import in_unit_directory

        locals_by_display = {self.ctx.display(local): local for local in self.ctx.read_paths()}
        by_filesystem = {place.filesystem: place for place in placed if place.kind == "container"}
        for unit in self.deployment.systemd_units:
            local = locals_by_display.get(unit.path)
            if unit.manager is None or local is None or unit.path in self.deployment.unstarted_files:
                continue
            # Only a copy where systemd looks for units (`COPY app.service /etc/systemd/system/`)
            # says where the unit was meant to run; the whole tree copied to /app says nothing.
            places = list(dict.fromkeys(by_filesystem[filesystem] for filesystem, target in self.ctx.placements(local)
                                        if filesystem in by_filesystem and in_unit_directory(target)))
            starts = [start for place in places
                      if (start := only_start(place, placed.get(place, []), self.seen_starts)) is not None
                      and start.argv is not None and not _starts_init(start)]
            if not places or len(starts) != len(places):
                continue
            place, start = places[0], starts[0]
            self.deployment.unstarted_files[unit.path] = (
                f"the build copies this unit into {place.label or place.name}, whose start runs "
                f"{start.runs_program}, not systemd: nothing loads it there (assumed it is not also installed on a "
                "host, which the files do not show)", ())

    def _stopped_projects(self) -> dict[str, tuple[Span, str]]:
        """The Compose projects (their files, as ``Place.started_with`` names them) that start
        no container: where that is decided, and why. A build that stops (C105, C106) stops
        `docker compose up` before it starts any; a `depends_on` naming a service the project
        does not define (C102) makes Compose refuse the project whole."""
        stopped = {project: (at, f"`docker compose up` builds every image before it starts any, and the build of "
                                 f"service {service} stops: {what} ({at.path}:{at.line})")
                   for project, (service, at, what) in self.stopped_projects.items()}
        for dependency in self.deployment.compose_dependencies:
            if not dependency.defined and not dependency.elsewhere and not dependency.unseen:
                at = dependency.at
                stopped.setdefault(dependency.project, (at, f"Compose refuses the project, whose service "
                                                            f"{dependency.service} depends on `{dependency.name}`, "
                                                            f"a service it does not define ({at.path}:{at.line})"))
        for imageless in self.deployment.imageless_services:
            at = imageless.at
            stopped.setdefault(imageless.project, (at, f"Compose refuses the project, whose service {imageless.service} "
                                                       f"has neither `image:` nor `build:` ({at.path}:{at.line})"))
        return stopped

    def _refused_starts(self) -> dict[Place, tuple[Span | None, str, str, bool]]:
        """The containers whose start fails: where the failing start is written, why, the code
        of the rule that reports it, and whether that is certain (an image that may never be
        built or run says what it assumes in its why)."""
        refused: dict[Place, tuple[Span | None, str, str, bool]] = {}
        modes_shown = not self.deployment.modes_unshown and not self.deployment.modes_all_plain
        for place, (at, what, code) in self.stopped_services.items():
            refused[place] = (at, f"{place.label or place.name} never starts: its build stops, {what} "
                                  f"({at.path}:{at.line})", code, True)
        for place, line in self.retired_images.items():
            refused[place] = (line, f"{place.label or place.name} is built by a Compose service that "
                                    f"{line.path}:{line.line} keeps commented out, and by nothing else in the files; "
                                    "assumed the project no longer runs it", "", False)
        for place, (at, source) in self.unbuilt_images.items():
            refused[place] = (at, f"{place.label or place.name} may never be built: its build copies `{source}` "
                                  f"({at.path}:{at.line}), which the checked tree holds nowhere, and no step in the "
                                  "files makes it; assumed what is found here describes an image no build makes",
                              "C105", False)
        for manager in self.deployment.managers:
            place = manager.place
            name = place.label or place.name
            start = manager.start_not_executable
            if start is not None and modes_shown:
                where = f" ({start.at.path}:{start.at.line})" if start.at is not None else ""
                refused[place] = (start.at, f"{name} never starts: its start executes {start.value}, which has no "
                                            f"execute bit{where}", "C107", True)
            elif manager.daemon_ends_container and manager.runs is not None:
                daemonizes = manager.runs.daemonizes.at if manager.runs.daemonizes is not None else None
                at = daemonizes or (manager.argv.at if manager.argv else None) or manager.at
                program = "uWSGI" if manager.runs.kind == "uwsgi" else "Gunicorn"
                refused[place] = (at, f"{name} never stays up: {program} daemonizes as its main process, which then "
                                      f"exits and the container with it ({at.path}:{at.line})", "X107", True)
            elif manager.program_missing is not None and manager.argv is not None:
                at = manager.wrapper or manager.argv.at or manager.at
                program, code = ("uWSGI", "C108") if manager.program_missing.value == "uwsgi" else ("Gunicorn", "C110")
                refused[place] = (at, f"{name} never starts: it starts {program}, which its image does not hold "
                                      f"({at.path}:{at.line})", code, True)
        return refused

    def _mark_service_lines(self, path: str, places: set[Place],
                            refused: dict[Place, tuple[Span | None, str, str, bool]]) -> None:
        """In a Compose file services that start share with ones that never do: the lines of
        each that never starts (where its start fails, for every rule but the one reporting that)."""
        for place in places & refused.keys():
            lines = self.service_lines.get(place)
            if lines is None or lines[0] != path:
                continue
            _, why, code, certain = refused[place]
            marked = self.deployment.unstarted_lines.setdefault(path, {})
            for line in range(lines[1], lines[2] + 1):
                marked.setdefault(line, (_until_fixed(why, "nothing of this service runs", certain), code))

    def place_servers(self) -> None:
        """After the app servers are built: each runs where its manager starts it; an nginx
        config mounted or copied into a container runs there."""
        unknown = [(place, base) for place, base in self.bases if not base.known or base.computed]
        starts_unseen = {id(manager.place): manager.start_unseen for manager in self.deployment.managers
                         if manager.in_container and manager.start_unseen is not None}
        supervisords: dict[int, list[ProcessManager]] = {}
        for manager in self.deployment.managers:
            if manager.in_container and manager.runs_program == "supervisord":
                supervisords.setdefault(id(manager.place), []).append(manager)
        for manager in self.deployment.managers:
            if not manager.in_container and manager.start_unseen is None:
                manager.start_unseen = starts_unseen.get(id(manager.place))
            started = supervisords.get(id(manager.place), ())
            if manager.kind == "supervisor" and len(started) == 1:
                manager.supervisord_start = started[0]
            if manager.runs is not None and manager.place is not HOST:
                manager.runs.place = manager.place
            base = next((base for place, base in unknown if place is manager.place), None)
            if manager.runs is not None and base is not None:
                manager.runs.unseen_base = Setting(base.written, base.at, base.unknown_note())
        for server in self.deployment.app_servers:
            # A config copied into an image that nothing in the files starts: the base's own start may.
            if server.manager is not None or not server.sources or server.unseen_base is not None:
                continue
            source = os.path.abspath(server.sources[0])
            base = next((base for local, file_place in self.file_places for place, base in unknown
                         if place is file_place and (source == local or source.startswith(local.rstrip(os.sep) + os.sep))),
                        None)
            if base is not None:
                server.unseen_base = Setting(base.written, base.at, base.unknown_note())
        # A container whose start the files show running another server (a development server,
        # Gunicorn, nginx) runs that, not a config copied in.
        placed = managers_by_place(self.deployment.managers)
        running_other = {place for place, managers in placed.items() if only_start(place, managers, self.seen_starts) is not None}
        for server in self.deployment.app_servers:
            if server.sources and server.place is HOST:
                # A managed server's files copied into an image nothing runs: the image may run
                # its manager too (supervisord starting nginx and Gunicorn in one container).
                source = os.path.abspath(server.sources[0])
                server.copied_into = tuple(dict.fromkeys(
                    place for local, place in self.file_places if place not in running_other
                    and (server.manager is None or place.run_unseen)
                    and (source == local or source.startswith(local.rstrip(os.sep) + os.sep))))
        # nginx as the started program, or a daemon its start script starts (`service nginx restart`).
        nginx_places = {manager.place for manager in self.deployment.managers if manager.runs_program == "nginx"
                        or any(service.value == "nginx" for service in manager.services_started)
                        or any(_runs_nginx_or_init(words) for words in manager.wrapper_after)}
        # Containers whose start the files do not show (no CMD nor ENTRYPOINT in the image, no
        # Compose command): they may run nginx on the config copied into them, and what else is not known.
        unstarted = {manager.place: manager for manager in self.deployment.managers
                     if manager.in_container and manager.argv is None}
        dropped: dict[str, str] = {}
        for instance in self.deployment.nginx:
            main = os.path.abspath(instance.main.path)
            places = dict.fromkeys(place for local, place in self.file_places if place in nginx_places and
                                   (main == local or main.startswith(local.rstrip(os.sep) + os.sep)))
            # The first container whose nginx loads it; a container's nginx that does not read
            # the file there does not make it part of that container.
            place, note, left_out = None, "", ""
            for candidate in places:
                loads, why = stock_nginx_loads(instance, candidate, self.place_images.get(candidate),
                                                self.deployment, self.ctx)
                if loads:
                    place, note = candidate, why
                    break
                left_out = left_out or why
            if place is None:
                # Copied where nginx reads it into containers whose whole start the files show, none
                # of which starts nginx (the image's command runs uWSGI alone): nothing runs it. A
                # script that goes on after its server's line (`exec /usr/sbin/init`, whose systemd
                # starts the services the image enables) may start it.
                copied_to = list(dict.fromkeys(where for local, where in self.nginx_places
                                               if main == local or main.startswith(local.rstrip(os.sep) + os.sep)))
                starts = [start.argv for where in copied_to
                          if (start := only_start(where, placed.get(where, []), self.seen_starts)) is not None
                          and start.argv is not None and not start.wrapper_after]
                if not left_out and copied_to and len(starts) == len(copied_to):
                    left_out = (f"the build copies it where nginx reads it in {copied_to[0].label or copied_to[0].name}, "
                                f"but that container starts `{' '.join(starts[0].value[:3])}` and no nginx: no nginx "
                                "the files show loads it")
                if left_out:   # the tree's own nginx.conf runs there and leaves it out: nothing runs it
                    dropped[self.ctx.real(instance.main.path)] = left_out
                else:
                    instance.start_unseen = next((
                        Setting(where.label or where.name, unstarted[where].at,
                                "its build sets no CMD nor ENTRYPOINT and nothing in the files gives "
                                "it a command")
                        for local, where in self.nginx_places if where in unstarted
                        and (main == local or main.startswith(local.rstrip(os.sep) + os.sep))), None)
                continue
            if note:
                instance.assumed.setdefault(instance.main.path, note)
            instance.place = place
            instance.mount_only_parents = mount_only_parents(instance, place, self.place_images.get(place), self.ctx)
            refused = fragment_read_as_main(instance, place, self.deployment, self.ctx) or main_read_as_site(
                instance, place, self.place_images.get(place), self.deployment, self.ctx)
            if refused is not None:
                # nginx does not start: nothing it would pass requests to is checked until it does.
                self.deployment.problems.append(refused)
                instance.routes = []
            shipped = self.ctx.shipped.get((place.filesystem, ETC_NGINX))
            instance.stock_files = shipped.names if shipped is not None else None
            for route in instance.routes:
                route.place = place
            if instance.standalone and instance.user.at is None:
                instance.user = self._stock_nginx_user(place) or instance.user
        _user_of_the_containers_nginx_conf(self.deployment)
        if dropped:
            self.deployment.nginx = [instance for instance in self.deployment.nginx
                                     if self.ctx.real(instance.main.path) not in dropped]
            self.deployment.files = [dataclasses.replace(f, reason=f"{f.reason}; {dropped[self.ctx.real(f.path)]}")
                                     if f.kind == "nginx" and self.ctx.real(f.path) in dropped else f
                                     for f in self.deployment.files]
            # What reading such a file found (a syntax error) stops no nginx, unless another
            # nginx of the files reads it (a glob it includes): said, as an info.
            read = {self.ctx.real(path) for instance in self.deployment.nginx for path in instance.files}
            unloaded = {f.display: dropped[self.ctx.real(f.path)] for f in self.deployment.files
                        if f.kind == "nginx" and self.ctx.real(f.path) in dropped and self.ctx.real(f.path) not in read}
            self.deployment.problems = [
                dataclasses.replace(problem, severity="info", message=f"{problem.message}; {unloaded[problem.at.path]}")
                if problem.at.path in unloaded and problem.severity != "info" else problem
                for problem in self.deployment.problems]
        place_reached_configs(self.deployment, placed, self.seen_starts)
        _run_as_container_user(self.deployment)
        self._packaged_nginx()
        from .compose_ports import listeners_shown
        self.deployment.listeners_shown = listeners_shown(self.deployment, self.ctx, self.seen_starts,
                                                          self.unseen_writes)

    def _packaged_nginx(self) -> None:
        """The nginx files of each container whose nginx's version the files do not name: those
        its nginx reads, and those the build copies below /etc/nginx (a site into sites-available
        that a stock nginx.conf the tree does not hold includes). Its build installs the
        distribution's nginx, or its image starts from one that is not nginx's own, whose tag
        names no nginx release (`smebberson/alpine-nginx:3.0.0` runs nginx 1.8.1)."""
        for place, image in self.place_images.items():
            shown = [self.ctx.display(path) for instance in self.deployment.nginx if instance.place is place
                     for path in instance.files]
            for target, local in image.copies.items():
                if target == ETC_NGINX or target.startswith(ETC_NGINX + "/"):
                    folder = local.rstrip(os.sep) + os.sep
                    shown.extend(self.ctx.display(path) for path in self.ctx.known_files
                                 if path == local or path.startswith(folder))
            installed = image.distribution_nginx
            if installed is None and shown and image.base is not None and image.base.written \
                    and not _names_nginx_release(image.base.written):
                at = image.base.at
                installed = Setting("image", at, f"the image {image.base.written}"
                                    + (f" ({at.path}:{at.line})" if at is not None else ""))
            if installed is None:
                continue
            for path in shown:
                self.deployment.packaged_nginx.setdefault(path, installed)

    def _stock_nginx_user(self, place: Place) -> Setting[str] | None:
        base = next((base for where, base in self.bases if where is place), None)
        return stock_nginx_user(place, base, self.unseen_writes.get(place), self.deployment.managers, self.ctx)

    def unrun_configs(self) -> dict[str, tuple[AppServer, str]]:
        """Real path -> (server, why) of each app-server config that no manager starts and that
        is only in containers whose whole start the files show, running something else
        (``container_managers.unrun_configs``)."""
        return unrun_configs(self.deployment, self.ctx, self.file_places, self.seen_starts)


# The official nginx image's template rendering (base_images.json, "renders_templates").
_TEMPLATE_DIR = ETC_NGINX + "/templates"
_TEMPLATE_SUFFIX = ".template"
_RENDERED_DIR = ETC_NGINX + "/conf.d"
# A `$NAME` or `${NAME}` with a capital: the entrypoint replaces it where the environment
# defines the name. nginx's own variables are lower case.
_ENV_REFERENCE = re.compile(r"\$\{?[A-Za-z_0-9]*[A-Z]")


def _as_written(text: str | None) -> bool:
    """A template the entrypoint leaves as it is: no name it could fill from the environment."""
    return text is not None and not _ENV_REFERENCE.search(text)


def _user_of_the_containers_nginx_conf(deployment: Deployment) -> None:
    """A fragment placed in a container is loaded by the one nginx there, whose workers run as
    that container's nginx.conf says: where that is the tree's own nginx.conf (placed there by
    a COPY or a RUN cp), the fragment's routes run as its `user`, not an unknown one."""
    mains: dict[int, list[NginxInstance]] = {}
    for instance in deployment.nginx:
        if not instance.standalone and instance.place.kind == "container":
            mains.setdefault(id(instance.place), []).append(instance)
    for instance in deployment.nginx:
        placed = mains.get(id(instance.place), [])
        if instance.standalone and instance.user.at is None and len(placed) == 1:
            main = placed[0]
            instance.user = Setting(main.user.value, main.user.at,
                                    main.user.note or f"the user of {main.main.path}, the nginx.conf of "
                                    f"{instance.place.label or instance.place.name}, which loads this file")


def _run_as_container_user(deployment: Deployment) -> None:
    """In a container started as a user other than root (Compose `user: "1000"`) no process
    can switch users: nginx's master ignores `user` and runs its workers as itself, and an app
    server that sets no uid creates its sockets as that user, not as root."""
    for instance in deployment.nginx:
        user = _non_root_user(deployment, instance.place)
        # A `user` written in nginx.conf stays what the instance says (N116 reports it ignored there).
        if user is not None and instance.user.at is None:
            instance.user = user
            group = deployment.container_group(instance.place)
            if group is not None and group.value.strip():   # `user: "1001:100"`: the workers' group too
                gid = group.value.strip()
                instance.group = Setting(gid, group.at, f"the container runs in group {gid}")
    for server in deployment.app_servers:
        user = _non_root_user(deployment, server.place)
        if user is None:
            continue
        for listener in server.listeners:
            owner = listener.owner
            if owner is not None and owner.at is None and owner.value in ROOT_NAMES:   # assumed, not written
                listener.owner = user


def _non_root_user(deployment: Deployment, place: Place) -> Setting[str] | None:
    """The user the container ``place`` runs as, when the files name one other than root."""
    setting = deployment.container_user(place)
    if setting is None:
        return None
    name = setting.value.strip()
    if not name or name in ROOT_NAMES:
        return None
    return Setting(name, setting.at, f"the container runs as {name}, and a process that is not root cannot "
                   "switch users")


def _behind_profiles(service: Node) -> bool:
    """Whether a Compose service lists `profiles:`: it starts only when one of them is active
    or it is named on the command line (compose-go ``Project.WithProfiles``)."""
    profiles = service.get("profiles")
    return profiles is not None and isinstance(profiles.value, list) and bool(profiles.value)


def _last_line(node: Node) -> int:
    """The last line a Compose node's values are written on (an alias's node, shared with its
    anchor, is walked once)."""
    last = node.at.line
    stack, seen = [node], {id(node)}
    while stack:
        item = stack.pop()
        last = max(last, item.at.line)
        values = item.value.values() if isinstance(item.value, dict) else item.value if isinstance(item.value, list) \
            else ()
        for value in values:
            if id(value) not in seen:
                seen.add(id(value))
                stack.append(value)
    return last


# Where a tree writes the commands that run its Compose files: scripts, Makefiles, documents,
# CI workflows and the Compose files' own usage comments.
_COMMAND_SUFFIXES = (".sh", ".bash", ".mk", ".md", ".rst", ".txt", ".yml", ".yaml")
_COMMAND_NAMES = frozenset({"makefile", "gnumakefile", "justfile"})


def _command_texts(discovery: Discovery) -> list[str]:
    return [source.path for source in (*discovery.files, *discovery.skipped)
            if source.path.lower().endswith(_COMMAND_SUFFIXES)
            or os.path.basename(source.path).lower() in _COMMAND_NAMES]


def _names_nginx_release(written: str) -> bool:
    """Whether an image as written is nginx's own (`nginx:1.27-alpine`, `bitnami/nginx`), whose
    tag is the nginx release it runs (``_nginx_version`` reads it), or a variable's value."""
    return written.rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0] == "nginx" or "$" in written


# An init system run as a container's last command starts the services its image enables
# (`systemctl enable nginx` in the build, then `exec /usr/sbin/init`).
_INITS = frozenset({"init", "systemd", "/sbin/init", "/usr/sbin/init", "/lib/systemd/systemd",
                    "/usr/lib/systemd/systemd"})


def _starts_init(start: ProcessManager) -> bool:
    """Whether a container's start is an init system, or runs one after its server's line."""
    argv = start.argv.value if start.argv is not None else []
    return (bool(argv) and argv[0] in _INITS) or any(
        words[:2] in ((init,), ("exec", init)) for words in start.wrapper_after for init in _INITS)


def _runs_nginx_or_init(words: tuple[str, ...]) -> bool:
    """Whether a command a start script runs after its server's line starts nginx or an init."""
    if words[:1] == ("exec",):
        words = words[1:]
    return bool(words) and (words[0] in _INITS or os.path.basename(words[0]) == "nginx")


def _commented_out_build(dockerfile: str, compose_files: list[str], ctx: ReadContext) -> Span | None:
    """The first commented-out line of a Compose file that builds ``dockerfile`` (`#  dockerfile:
    ./dockerfile.nginx`, `#  build: ./nginx` where the Dockerfile is nginx/Dockerfile),
    relative to the Compose file's folder."""
    folder, name = os.path.split(os.path.abspath(dockerfile))
    for compose in compose_files:
        here = os.path.dirname(os.path.abspath(compose))
        lines = (ctx.read(compose, peek=True).text or "").splitlines()
        for number, line in enumerate(lines[:_MAX_COMPOSE_LINES], 1):
            match = _COMMENTED_BUILD.match(line)
            if match is None:
                continue
            key, value = match.group(1), match.group(2).strip("'\"")
            if key == "dockerfile" and os.path.basename(value) == name and name != "Dockerfile" or \
                    key in ("build", "context") and os.path.normpath(os.path.join(here, value)) == folder:
                return Span(ctx.display(compose), number)
    return None


# `#   build: ./nginx`, `#  dockerfile: ./dockerfile.nginx`: a Compose key kept in a comment.
_COMMENTED_BUILD = re.compile(r"^\s*#+\s*(build|context|dockerfile)\s*:\s*(\S+)\s*$")
_MAX_COMPOSE_LINES = 10000


def _until_fixed(why: str, what: str, certain: bool) -> str:
    """A start's failure and what follows from it; one only assumed says what it assumes."""
    return f"{why}, so {what} until that is fixed" if certain else why


# What a step before `docker build` usually makes in the context (a front end's bundle, a
# package's wheel, collected static files): a source of these names missing from a checkout
# says nothing about the build.
_MADE_BEFORE_BUILD = frozenset({"dist", "build", "target", "out", "public", "static", "staticfiles", "node_modules",
                                "vendor", "wheels", ".next", "bin", "release", "artifacts"})
_MADE_BEFORE_BUILD_SUFFIXES = (".whl", ".jar", ".war", ".tar.gz", ".zip", ".tgz", ".env")


# Files whose steps run before or around `docker build`: pipelines, make, scripts.
_BUILD_STEP_NAMES = ("Jenkinsfile", "Makefile", "makefile", "GNUmakefile", ".gitlab-ci", ".travis", "azure-pipelines",
                     "bitbucket-pipelines", "cloudbuild", "Taskfile", "justfile", ".gitmodules")
_BUILD_STEP_SUFFIXES = (".sh", ".bash", ".mk")
