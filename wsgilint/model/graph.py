"""The deployment graph: who starts what, where, as whom, and what reaches what.

Nodes are the servers of the model (nginx instances, app servers and their listeners,
process managers); this module adds the two things the files do not say directly:

- **places**: where a process runs. Processes in one place share its loopback and its
  file system; a place is the host the files describe or, for a container topology,
  one container. Everything a tree shows today runs on the one host, ``HOST``.
- **edges**: a ``Launch`` (a manager starts a server with a command line, as a user, in a
  place) and a ``Reach`` (an nginx route's target arrives at listeners).

Producers of the graph (the host builder today; container and socket-activation readers
next) set places and launches; rules ask ``Deployment.reached`` and never decide by
themselves whether an address in one place arrives at a listener in another.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.record import dataclass, field
from ..core.span import Setting, Span
from .address import Address, reaches

if TYPE_CHECKING:
    from . import AppServer, Listener, ProcessManager, Route, Target


@dataclass(frozen=True, slots=True)
class Published:
    """A container port that ``ports:`` publishes on the host (``[IP:][HOST:]CONTAINER``):
    the engine listens on the host's ``host_ip:host_port`` (docker-proxy) and forwards each
    connection to ``container_port`` of the container. TCP only (a ``/udp`` entry is not
    kept); ``expose:`` publishes nothing (topologies.md §5)."""

    container_port: int
    host_ip: str                  # "" = every interface (Compose's default 0.0.0.0)
    host_port: int                # 0 = a random port the engine picks
    at: Span | None = None

    @property
    def public(self) -> bool:
        return not (self.host_ip.startswith("127.") or self.host_ip in ("::1", "localhost"))

    @property
    def address(self) -> Address:
        """Where it listens on the host: every interface when no IP is given (or 0.0.0.0, ::)."""
        host = self.host_ip.strip("[]")
        return Address("inet", "" if host in ("0.0.0.0", "::") else host, self.host_port)


@dataclass(frozen=True, slots=True)
class BrowserUrl:
    """A URL a Compose service hands to the browser (a variable that frontend builds put in the
    code they ship: ``VITE_API_URL``, ``NEXT_PUBLIC_API_URL``, ``REACT_APP_API_URL``...) that
    names the loopback: ``localhost`` in a browser is the machine the browser runs on, so such a
    set-up works only where the browser and Docker share one machine, and it connects to the
    published ``port`` directly."""

    variable: str
    url: str
    port: int
    at: Span


@dataclass(frozen=True, slots=True)
class HostFolder:
    """A folder of the host that a Compose bind mount shares with containers (the store
    ``bind:<local>`` of ``Place.volumes``). A socket a container binds below its mount is a
    file of the host too. ``exact``: ``path`` is the folder's path on the target host (the
    mount's source is absolute, or the checked tree is this machine or a copy of its ``/``);
    else ``path`` is the folder's path in the checked tree ("" for its root), whose own place
    on the target host the files do not give: a host path ending in it is the folder only by
    assumption."""

    path: str
    exact: bool
    at: Span                      # the ``volumes:`` entry

    def host_path(self, inside: str) -> str:
        """Where ``inside`` (a path below the folder, as ``Place.locate`` gives it) is on the
        host: its full path when ``exact``, else the end of it."""
        return "/".join(part for part in (self.path, inside) if part)

    def holds(self, host_path: str, inside: str) -> bool:
        """Whether ``host_path`` (an absolute path on the host) is ``inside``, proved when
        ``exact``, else assumed from how it ends."""
        end = self.host_path(inside)
        return host_path == end if self.exact else bool(end) and host_path.endswith("/" + end)


def _under_run(path: str) -> str:
    # /var/run is a link to /run on every current distribution and in the images built on
    # them (Debian, Ubuntu, Alpine, RHEL): a socket or a volume under one is under the other.
    return "/run" + path[8:] if path == "/var/run" or path.startswith("/var/run/") else path


@dataclass(frozen=True, slots=True)
class Place:
    """Where processes run. ``network`` names the network namespace: places with the same
    one share loopback (a Compose service with ``network_mode: service:x``); ``mounts``
    the file system a unix socket path is looked up in, and ``volumes`` the directories
    of it that are shared stores (a Compose volume or bind mount: ``(directory, store)``),
    so a socket under one is the same file in every place that mounts the store.
    ``hostnames`` are the names other places resolve to it on the ``networks`` it is on
    (a Compose service name, alias, container_name, hostname); ``published`` the ports
    the host forwards into it. ``started_with`` names what starts the place as one: the
    Compose files merged into its project, or the Dockerfile of an image run alone (empty
    on the host). ``run_unseen``: an image that nothing in the files runs (no Compose
    service builds it), so its networks and volumes are unknown — a service may run it
    by image name, or ``docker run`` with ``--network`` and ``-v``. ``numbered``: the Compose
    service whose containers Compose names ``<project>-<service>-<n>`` (``_`` before Compose
    v2), names that resolve on the network too; empty when ``container_name`` names it."""

    name: str
    kind: str = "host"            # host | container
    network: str = ""
    mounts: str = ""
    volumes: tuple[tuple[str, str], ...] = ()
    networks: tuple[str, ...] = ()
    hostnames: tuple[str, ...] = ()
    published: tuple[Published, ...] = ()
    label: str = ""               # how findings name it: "Compose service app"
    started_with: str = ""        # "deploy/docker-compose.yml + deploy/docker-compose.override.yml"
    run_unseen: bool = False
    numbered: str = ""
    # Names the container's /etc/hosts gives beyond the places' own (`extra_hosts:`, the names of
    # `external_links:`), and why a name that no place answers to may still resolve there other
    # than through the host's DNS (an external network, `network_mode`, `dns:`...; "" when the
    # files show every way). Not part of the place's identity.
    extra_names: tuple[str, ...] = field(default=(), compare=False)
    names_open: str = field(default="", compare=False)
    # A devcontainer.json names this Compose service as the editor's development container:
    # that file, its `service` value, and a note for messages. Not part of the place's identity.
    dev_container: Setting[str] | None = field(default=None, compare=False)
    # The loopback URLs this service hands to browsers (its `environment:` and `build.args`).
    browser_urls: tuple[BrowserUrl, ...] = field(default=(), compare=False)

    @property
    def loopback(self) -> str:
        return self.network or self.name

    @property
    def filesystem(self) -> str:
        # A container's files as one way to deploy starts it: a Compose file run on its own
        # mounts what it names, not what another file of the same project name gives the
        # same container (``docker compose -f`` either one recreates it with its own mounts).
        container = self.container
        return f"{container} @ {self.started_with}" if self.kind == "container" and self.started_with else container

    @property
    def container(self) -> str:
        """The container as its runtime names it (a Compose project's service, an image's)."""
        return self.mounts or self.name

    def locate(self, path: str) -> tuple[str, str]:
        """The store and path a socket path is in: a shared volume's, else this place's own."""
        path = _under_run(path)
        best = ("", "")
        for directory, store in self.volumes:
            directory = _under_run(directory)
            inside = path == directory or path.startswith(directory.rstrip("/") + "/")
            if inside and len(directory) > len(best[0]):
                best = (directory, store)
        if best[1]:
            return best[1], path[len(best[0].rstrip("/")):].lstrip("/")
        return self.filesystem, path

    def resolves(self, host: str, other: Place) -> bool:
        """Whether ``host``, looked up from this place, names ``other`` (a common network)."""
        return bool(set(self.networks) & set(other.networks)) and other.answers(host)

    def answers(self, host: str) -> bool:
        """Whether ``host`` is one of this place's names on its networks."""
        return host in self.hostnames or bool(self.numbered and _numbered_name(host, self.numbered))

    def publishes(self, port: int) -> list[Published]:
        return [entry for entry in self.published if entry.container_port == port]

    def same_container(self, other: Place) -> bool:
        """Both are one container as its runtime names it: a Compose service of the same name
        in a project of the same name (``readers.compose.normalize_project_name``: by default
        the folder's base name), which another Compose file configures again; ``docker compose
        -f`` that file recreates the container."""
        return self.kind == other.kind == "container" and self.container == other.container


def alternatives(one: Place, other: Place) -> bool:
    """Started by different Compose projects or images run alone: a repository's ways to
    deploy, each chosen with its own ``docker compose -f`` or ``docker run``."""
    return bool(one.started_with and other.started_with and one.started_with != other.started_with)


HOST = Place("host")


def _numbered_name(host: str, service: str) -> bool:
    """``host`` is a name Compose gives a container of ``service``: the project comes from the
    directory, ``COMPOSE_PROJECT_NAME`` or ``-p``, none of which the files fix, so any project."""
    head, sep, number = host.rpartition(service)
    return bool(sep and number[:1] in ("-", "_") and number[1:].isdigit()
                and head[-1:] == number[:1] and len(head) > 1)


@dataclass(frozen=True, slots=True)
class Launch:
    """A manager starts a process: with this command line, as this user, in this place."""

    manager: ProcessManager
    program: str                       # what the command starts: uwsgi, gunicorn, nginx, ...
    argv: Setting[list[str]] | None
    user: Setting[str] | None          # None: the manager's own user (root for a system manager)
    place: Place
    server: AppServer | None           # the app server wsgilint read for it, when it is one


@dataclass(frozen=True, slots=True)
class Reach:
    """An nginx route's target and the listeners a connection to it arrives at."""

    route: Route
    target: Target
    listeners: tuple[Listener, ...]


def connects(source: Place, target: Target, listener: Listener) -> bool:
    """Whether a connection from ``source`` to an address that ``reaches`` ``listener``
    by its text also arrives there across places: a unix socket only in the same file
    system, a loopback address only in the same network namespace."""
    listener_place = listener.server.place
    address = target.address
    if address.family == "unix":
        return source.locate(address.path) == listener_place.locate(listener.address.path)
    if source == listener_place:
        return True
    if address.is_loopback or address.is_wildcard:
        return source.loopback == listener_place.loopback
    if listener_place.loopback != HOST.loopback and _public_ip(address.host):
        # A container on a network of its own has a private address there (Docker's bridges:
        # 172.16.0.0/12, 192.168.0.0/16): a public one is a host's, where only what that host
        # publishes arrives (``Deployment.published_at``).
        return False
    return not listener.address.is_loopback


def _public_ip(host: str) -> bool:
    """An IPv4 literal outside the ranges a container network takes its addresses from
    (RFC 1918's, which Docker's default pools and user-defined networks use, and CGNAT's)."""
    if not host or not host[0].isdigit():
        return False
    import ipaddress  # only for a route to an address literal
    try:
        address = ipaddress.IPv4Address(host)
    except ValueError:
        return False
    return not address.is_loopback and not any(address in ipaddress.IPv4Network(network) for network in
                                               ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"))


def binds_same(one: Listener, other: Listener) -> bool:
    """Whether two listeners ask for one socket: a unix path in one file store (a shared
    volume may mount it at another path in each place), or one port on overlapping
    addresses (an abstract unix name) in one network namespace. Each container has its
    own, so the same port in two containers is two sockets."""
    first, second = one.address, other.address
    here, there = one.server.place, other.server.place
    if first.family == second.family == "unix" and not first.is_abstract and not second.is_abstract:
        return here.locate(first.path) == there.locate(second.path)
    return (reaches(first, second) or reaches(second, first)) and here.loopback == there.loopback
