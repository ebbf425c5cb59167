"""The Compose side of the containers (model/containers.py): each service's words,
environment, ports, networks, volumes and place, and the images a project builds.

Facts from the Compose specification (``shared/reference/topologies.md`` §5): names resolve
on a common network only; ``network_mode`` joins another stack (or the host); a project's
networks and named volumes are the engine's ``<project>_<name>`` unless declared external or
named; ``ports:`` forwards host ports in; ``command``/``entrypoint`` strings are split into
words without a shell; a ``FROM`` that names the image another service of the project builds
starts from that build's layers (``ProjectBuilds``).
"""
from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core.context import ReadContext
from ..core.numbers import decimal
from ..core.record import dataclass, field
from ..core.span import Setting, Span
from . import HOST
from .container_images import Image
from .graph import BrowserUrl, HostFolder, Place, Published

# The Compose (YAML) reader is loaded only when such files are checked.
if TYPE_CHECKING:
    from ..readers.compose import ComposeProject
    from ..readers.yaml_nodes import Node


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _duration() -> re.Pattern[str]:
    return re.compile(r"(\d+(?:\.\d+)?)(us|ms|s|m|h)")


_MAX_PORT_RANGE = 64


def command_words(node: Node | None) -> list[str] | None:
    """``command``/``entrypoint``: a list verbatim, a string split like go-shellwords (no shell)."""
    if node is None or node.value is None:
        return None
    if isinstance(node.value, list):
        return [item.text for item in node.value]
    from ..readers.compose import split_command

    return split_command(node.text)   # None where Compose refuses it (the reader reports it)


def environment_entries(node: Node | None) -> list[tuple[str, str | None, Node]]:
    """``environment:`` as (name, value, node); the value is None where the shell that runs
    Compose gives it (``- KEY`` alone, ``KEY:`` with no value)."""
    if node is not None and isinstance(node.value, dict):
        return [(key, child.text if child.value is not None else None, child) for key, child in node.value.items()]
    if node is not None and isinstance(node.value, list):
        return [(key, value if sep else None, item)
                for item in node.value for key, sep, value in [item.text.partition("=")]]
    return []


def duration_seconds(text: str) -> float | None:
    """A Compose duration (``1m30s``, ``10s``; a bare number is seconds)."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    parts = _duration().findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    scale = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(number) * scale[unit] for number, unit in parts)


def _ports(node: Node | None) -> list[Published]:
    """The TCP ports ``ports:`` publishes, short (``[IP:][HOST:]CONTAINER[/proto]``, ranges
    included) and long syntax (``target``, ``published``, ``host_ip``, ``protocol``)."""
    found: list[Published] = []
    for entry in node.value if node is not None and isinstance(node.value, list) else []:
        if isinstance(entry.value, dict):
            target, published, host_ip = entry.get("target"), entry.get("published"), entry.get("host_ip")
            protocol = entry.get("protocol")
            if protocol is not None and protocol.text.lower() not in ("", "tcp"):
                continue
            if target is not None and str(target.text).isdigit():
                host = published.text if published else ""
                found.append(Published(int(target.text), host_ip.text if host_ip else "",
                                       int(host) if host.isdigit() else 0, entry.at))
            continue
        text, _, protocol_text = entry.text.partition("/")
        if protocol_text.lower() not in ("", "tcp"):
            continue
        host_ip = ""
        if text.startswith("["):
            host_ip, _, text = text[1:].partition("]")
            text = text.lstrip(":")
        parts = text.split(":")
        if len(parts) == 3:
            host_ip, parts = parts[0], parts[1:]
        host_part, container_part = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
        container_ports = _range(container_part)
        host_ports = _range(host_part) if host_part else [0] * len(container_ports)
        if len(host_ports) == 1 and len(container_ports) > 1:
            host_ports = host_ports * len(container_ports)
        for host_port, container_port in zip(host_ports, container_ports, strict=False):
            found.append(Published(container_port, host_ip, host_port, entry.at))
    return found


def _range(text: str) -> list[int]:
    low_text, _, high_text = text.partition("-")
    low = decimal(low_text) if low_text.isdigit() else None
    high = decimal(high_text) if high_text.isdigit() else None
    if low is None or (high_text and high is None):
        return []
    end = high if high is not None else low
    return list(range(low, min(end, low + _MAX_PORT_RANGE) + 1))


def _network(project: ComposeProject, network: str) -> str:
    """The name a service's network has on the engine: ``<project>_<network>`` (the project
    name as Compose makes it: ``ComposeProject.name``), so a project's own networks are its
    alone unless another project names the same; a network declared ``external: true`` or
    with its own ``name:`` is that name, shared by every project that declares it
    (topologies.md §5). An external ``myapp_default`` is so the default network of the
    project Compose names ``myapp``."""
    return "network:" + _engine_name(project.networks.get(network), network, project.name)


def _engine_name(declared: Node | None, name: str, project: str) -> str:
    """The engine's name of a top-level network or volume ``name`` of ``project``."""
    external = declared.get("external") if declared is not None else None
    named = declared.get("name") if declared is not None else None
    if external is not None and named is None:
        named = external.get("name")   # the older ``external: {name: x}``
    if named is not None and named.text:
        return named.text
    if external is not None and external.value is True:
        return name
    return f"{project}_{name}"


@dataclass
class Service:
    """A Compose service, as far as its place is made from it and from the others."""

    name: str
    node: Node
    key: str                                   # project/service: its own namespace and file system
    image: Image | None = None
    volumes: list[tuple[str, str]] = field(default_factory=list)
    networks: tuple[str, ...] = ()
    hostnames: tuple[str, ...] = ()
    lookup: tuple[tuple[str, ...], str] = ((), "")    # Place.extra_names and Place.names_open


def _name_lookup(node: Node, project: ComposeProject, networks: list[str]) -> tuple[tuple[str, ...], str]:
    """The names a service's ``/etc/hosts`` gets from ``extra_hosts:`` and ``external_links:``,
    and why a name no service of the files answers to may resolve there all the same: a network
    other projects' containers may join (``external: true`` or a fixed ``name:``), a resolver or
    search domain of its own (``dns:``, ``dns_search:``), a definition partly in other files
    (``extends:``, the project's ``include:``), ``network_mode``. "" when none: its names are then
    the files' services' and whatever the host's DNS answers, to which Docker's embedded DNS
    forwards every other name (topologies.md §5)."""
    names: list[str] = []
    for key in ("extra_hosts", "external_links"):
        entries = node.get(key)
        if entries is not None and isinstance(entries.value, dict):
            names += list(entries.value)
        elif entries is not None and isinstance(entries.value, list):
            for entry in entries.value:
                name, _, rest = entry.text.replace("=", ":", 1).partition(":")
                names += [name] if key == "extra_hosts" else [name, rest]
    set_here = [key for key in ("network_mode", "dns", "dns_search", "extends")
                if (value := node.get(key)) is not None and value.value not in (None, "", [])]
    why = f"its {set_here[0]}" if set_here else ""
    for network in networks if not why else []:
        declared = project.networks.get(network)
        external = declared.get("external") if declared is not None else None
        if declared is not None and (declared.get("name") is not None
                                     or external is not None and external.value not in (False, None)):
            why = f"its network {network} is one other projects' containers may join (external or named)"
            break
    if not why and project.includes:
        why = "its project includes other Compose files"
    return tuple(name for name in names if name), why


class ProjectBuilds:
    """The images a Compose project builds, each once, and the names Compose tags them with:
    a service's ``image:`` when it also has ``build:``, else ``<project>_<service>`` (Compose
    v1) or ``<project>-<service>`` (v2). A Dockerfile ``FROM`` one of those names starts from
    that build, as the project's own ``depends_on`` on the base service arranges. Where the
    project name is only the checked folder's (no ``name:``, no COMPOSE_PROJECT_NAME in a
    .env the tree holds), the name it runs under is not known, so any prefix is taken.
    Bounded: a build is made once, a cycle of FROMs (which no engine builds) breaks off, and
    a chain is at most ``_MAX_DEPTH`` builds deep."""

    _MAX_DEPTH = 8

    def __init__(self, project: ComposeProject,
                 build: Callable[[Node, ComposeProject, Callable[[str], Image | None]], Image | None]) -> None:
        self.project, self.build = project, build
        self.images: dict[str, Image | None] = {}
        self.building: list[str] = []

    def image(self, service: str) -> Image | None:
        if service in self.images:
            return self.images[service]
        if service in self.building or len(self.building) >= self._MAX_DEPTH:
            return None
        self.building.append(service)
        try:
            image = self.build(self.project.services[service], self.project, self.tagged)
        finally:
            self.building.pop()
        self.images[service] = image
        return image

    def tagged(self, written: str) -> Image | None:
        """The image of the service whose build Compose tags ``written``; None if none does."""
        name = written.lower().removesuffix(":latest")
        for service, node in self.project.services.items():
            if node.get("build") is None:
                continue
            given = node.get("image")
            if given is not None:
                matches = given.text.lower().removesuffix(":latest") == name
            elif self.project.name_from == "directory":
                matches = len(name) > len(service) + 1 and name.endswith(service.lower()) and \
                    name[-len(service) - 1] in "_-" and "/" not in name and ":" not in name
            else:
                matches = name in (f"{self.project.name}_{service}".lower(), f"{self.project.name}-{service}".lower())
            if matches:
                return self.image(service)
        return None


def _below(real: str, root: str) -> str | None:
    """``real``'s path below ``root`` ("" for the root itself), None outside it."""
    inside = os.path.relpath(real, root)
    if inside == ".." or inside.startswith(".." + os.sep):
        return None
    return "" if inside == "." else inside.replace(os.sep, "/")


def build_of(service: Node, project: ComposeProject,
             ctx: ReadContext) -> tuple[str, str, str, dict[str, str | None]] | None:
    """What the ``build:`` of ``service`` builds, when its context and Dockerfile are in the
    checked tree: the Dockerfile, the context folder, the target stage and the arguments
    (None: a value the shell that runs Compose gives). A plain tuple: a NamedTuple class
    costs start-up."""
    build = service.get("build")
    if build is None:
        return None
    # A variable the files do not set (`${PWD}`: the folder Compose is run from) leaves the
    # folder unknown; read as written, it would name one that is not where the build runs.
    if build.tag == "!unresolved" or isinstance(build.value, dict) and any(
            (node := build.get(key)) is not None and node.tag == "!unresolved" for key in ("context", "dockerfile")):
        return None
    context, dockerfile, target = build.text, "Dockerfile", ""
    build_args: dict[str, str | None] = {}
    if isinstance(build.value, dict):
        # `- KEY` alone or a value interpolated from the shell: the shell that runs Compose gives it.
        build_args = {key: None if given is None or item.tag == "!unresolved" else given
                      for key, given, item in environment_entries(build.get("args"))}
        context = build.get("context").text if build.get("context") else "."   # type: ignore[union-attr]
        dockerfile = build.get("dockerfile").text if build.get("dockerfile") else dockerfile   # type: ignore[union-attr]
        target = build.get("target").text if build.get("target") else ""   # type: ignore[union-attr]
    if "://" in context or not ctx.inside(os.path.join(project.directory, context)):
        return None
    context_dir = os.path.normpath(os.path.join(project.directory, context))
    path = os.path.normpath(os.path.join(context_dir, dockerfile))
    if not os.path.isfile(path) and os.path.basename(path) == "Dockerfile":
        # BuildKit reads a lowercase `dockerfile` when `Dockerfile` is missing (moby/moby#10858;
        # ReadEntrypointFiles in moby/buildkit frontend/dockerui/config.go).
        path = os.path.join(os.path.dirname(path), "dockerfile")
    return (path, context_dir, target, build_args) if os.path.isfile(path) else None


def services_of(project: ComposeProject, image: Callable[[str], Image | None], ctx: ReadContext,
                host_folders: dict[str, HostFolder]) -> dict[str, Service]:
    """Each service of ``project`` with its image (``image``: by service name), networks, names
    and volumes; the host folders its bind mounts name are added to ``host_folders``."""
    services: dict[str, Service] = {}
    for name, node in project.services.items():
        # Compose names a container by project name and service, not by folder: two files
        # of one project name configure one container (graph.Place.same_container).
        service = Service(name, node, f"{project.name}/{name}", image(name))
        networks = node.get("networks")
        names = list(networks.value) if networks is not None and isinstance(networks.value, dict) else \
            [item.text for item in networks.value] if networks is not None and isinstance(networks.value, list) \
            else ["default"]
        service.networks = tuple(_network(project, network) for network in names)
        hostnames = [name] + [node.get(k).text for k in ("container_name", "hostname")   # type: ignore[union-attr]
                              if node.get(k) is not None]
        if networks is not None and isinstance(networks.value, dict):
            for entry in networks.value.values():
                aliases = entry.get("aliases")
                if aliases is not None and isinstance(aliases.value, list):
                    hostnames += [alias.text for alias in aliases.value]
        service.hostnames = tuple(hostnames)
        service.lookup = _name_lookup(node, project, names)
        service.volumes = _volumes(node, project, ctx, host_folders)
        services[name] = service
    for node in project.services.values():
        # `links: [web:app]`: the linking service reaches web as `app` too (taken as a name of web).
        links = node.get("links")
        for item in links.value if links is not None and isinstance(links.value, list) else []:
            linked, _, alias = item.text.partition(":")
            if alias and linked in services and alias not in services[linked].hostnames:
                services[linked].hostnames += (alias,)
    return services


def place_of(service: Service, services: dict[str, Service], project: ComposeProject, ctx: ReadContext,
             dev_container: Setting[str] | None) -> Place:
    """The container of ``service`` (``services``: every service of its project, which
    ``network_mode`` and ``volumes_from`` name); ``dev_container``: the devcontainer.json that
    names it."""
    mode = service.node.get("network_mode")
    network, networks, hostnames = service.key, service.networks, service.hostnames
    if mode is not None and mode.value:
        networks, hostnames = (), ()
        kind, _, other = mode.text.partition(":")
        joined = services.get(other) if kind == "service" else next(
            (s for s in services.values() if kind == "container" and other in s.hostnames[1:2]), None)
        if mode.text == "host":
            network = HOST.loopback
        elif joined is not None:
            network, networks = joined.key, joined.networks
    volumes = list(service.volumes)
    volumes_from = service.node.get("volumes_from")
    for item in volumes_from.value if volumes_from is not None and isinstance(volumes_from.value, list) else []:
        other_service = services.get(item.text.split(":")[0])
        if other_service is not None:
            volumes += other_service.volumes
    published = tuple(_ports(service.node.get("ports"))) if network != HOST.loopback else ()
    return Place(service.name, "container", network=network, mounts=service.key, volumes=tuple(volumes),
                 networks=networks, hostnames=hostnames, published=published,
                 label=f"Compose service {service.name}",
                 numbered="" if service.node.get("container_name") is not None else service.name,
                 started_with=" + ".join(ctx.display(path) for path in project.files),
                 extra_names=service.lookup[0], names_open=service.lookup[1],
                 dev_container=dev_container, browser_urls=_browser_urls(service.node))


# The prefixes under which frontend builds put a variable into the code they ship to the
# browser: Vite, Next.js, Create React App, Vue CLI, Nuxt, Gatsby, Expo, SvelteKit, Angular
# (@ngx-env). A variable without one stays on the server.
_BROWSER_PREFIXES = ("VITE_", "NEXT_PUBLIC_", "REACT_APP_", "VUE_APP_", "NUXT_PUBLIC_", "GATSBY_", "EXPO_PUBLIC_",
                     "PUBLIC_", "NG_APP_")


@functools.cache
def _loopback_url() -> re.Pattern[str]:
    return re.compile(r"(https?|wss?)://(?:localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?(?:[/?#]|$)", re.I)


def _browser_urls(node: Node) -> tuple[BrowserUrl, ...]:
    """The loopback URLs in the service's ``environment:`` and ``build.args`` under a browser
    prefix (a value the shell that runs Compose gives is not known, so not one)."""
    build = node.get("build")
    sources = [node.get("environment"), build.get("args") if build is not None and isinstance(build.value, dict)
               else None]
    found: list[BrowserUrl] = []
    for source in sources:
        for name, value, item in environment_entries(source):
            if value is None or item.tag == "!unresolved" or not name.upper().startswith(_BROWSER_PREFIXES):
                continue
            match = _loopback_url().match(value.strip())
            if match is None:
                continue
            scheme, port = match.group(1).lower(), match.group(2)
            number = int(port) if port else 443 if scheme in ("https", "wss") else 80
            if 0 < number < 65536:
                found.append(BrowserUrl(name, value.strip(), number, item.at))
    return tuple(found)


def _volumes(node: Node, project: ComposeProject, ctx: ReadContext,
             host_folders: dict[str, HostFolder]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    volumes = node.get("volumes")
    for entry in volumes.value if volumes is not None and isinstance(volumes.value, list) else []:
        if isinstance(entry.value, dict):
            source_node, target_node = entry.get("source"), entry.get("target")
            source = source_node.text if source_node is not None else ""
            target = target_node.text if target_node is not None else ""
        else:
            parts = entry.text.split(":")
            source, target = (parts[0], parts[1]) if len(parts) >= 2 else ("", parts[0])
        if not target or not source:
            continue   # an anonymous volume: this container's alone
        if source.startswith((".", "/", "~")):
            local = os.path.normpath(os.path.join(project.directory, source))
            found.append((posixpath.normpath(target), f"bind:{local}"))
            folder = _host_folder(source, local, entry.at, ctx)
            if folder is not None:
                host_folders.setdefault(f"bind:{local}", folder)
        else:
            # A named volume is the engine's ``<project>_<volume>`` (or its ``name:``, or the
            # external one): one store for every service, and project, that mounts it.
            engine = _engine_name(project.volumes.get(source), source, project.name)
            found.append((posixpath.normpath(target), f"volume:{engine}"))
    return found


def _host_folder(source: str, local: str, at: Span, ctx: ReadContext) -> HostFolder | None:
    """Where a bind mount's source is on the target host: its written path when absolute,
    the local one on this machine (or below a snapshot's root); in a repository, its path
    in the checked tree, whose place on the target host is unknown. ``~`` is some user's
    home: unknown."""
    if source.startswith("/"):
        return HostFolder(posixpath.normpath(source), True, at)
    if source.startswith("~"):
        return None
    real = os.path.realpath(local)
    if ctx.mode == "live":
        return HostFolder(real, True, at)
    if ctx.mode == "snapshot":
        root = os.path.realpath(ctx.root)
        inside = _below(real, root)
        return None if inside is None else HostFolder("/" + inside, True, at)
    for root in ctx.roots or ():
        inside = _below(real, root)
        if inside is not None:
            return HostFolder(inside, False, at)
    return None
