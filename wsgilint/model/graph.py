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

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.span import Setting

if TYPE_CHECKING:
    from . import AppServer, Listener, ProcessManager, Route, Target


@dataclass(frozen=True, slots=True)
class Place:
    """Where processes run. ``network`` names the network namespace: places with the same
    one share loopback (a Compose service with ``network_mode: service:x``); ``mounts``
    the file system a unix socket path is looked up in."""

    name: str
    kind: str = "host"            # host | container
    network: str = ""
    mounts: str = ""

    @property
    def loopback(self) -> str:
        return self.network or self.name

    @property
    def filesystem(self) -> str:
        return self.mounts or self.name


HOST = Place("host")


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
    if source == listener_place:
        return True
    address = target.address
    if address.family == "unix":
        return source.filesystem == listener_place.filesystem
    if address.is_loopback or address.is_wildcard:
        return source.loopback == listener_place.loopback
    return not listener.address.is_loopback
