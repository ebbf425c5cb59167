"""Which nginx routes front the tree's apps, and which front something the files do not hold.

A server block that reaches none of the tree's app servers, in an nginx whose other virtual
hosts do reach them, fronts another app of the host or network: what it sends to is not in
the checked files, so what is said about it (nothing listens there, the app reads this
header) is an assumption. So does one in another nginx config of the tree that names a host
a reaching block also names (a staging site beside production's, or a host's nginx beside the
nginx container of a Compose set-up of the same site): one nginx would never pick both for
that name, so the two are set-ups of different machines. Asked by more than one rule; worked
out once per model.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .address import Address
from .graph import Place

if TYPE_CHECKING:
    from . import AppServer, Deployment, Listener, Route, ServerBlock


def could_reach(route: Route, address: Address, place: Place) -> bool:
    """Whether a server in ``place`` could be listening at ``address`` for this route, were
    it bound there: the same file system for a unix socket, the same loopback, or a name
    that resolves to that place."""
    if address.family == "unix":
        return route.place.locate(address.path) == place.locate(address.path)
    if route.place == place:
        return True
    if address.is_loopback or address.is_wildcard:
        return route.place.loopback == place.loopback
    return route.place.resolves(address.host, place)


def _app_of(server: AppServer) -> tuple[str, str, str] | None:
    """The Gunicorn app a server loads, from where (`main:app` in /srv/site): two servers that
    load one app from one folder are that app run two ways (a development instance beside the
    one nginx reaches). None where that is not known."""
    if server.kind != "gunicorn" or not server.app_spec or server.start_directory is None:
        return None
    return server.kind, server.app_spec, server.start_directory.value


def _routes_by_listener(deployment: Deployment) -> dict[int, list[Route]]:
    """The routes that reach each listener of the tree (by ``id``); a listener no route
    reaches has no entry."""
    served: dict[int, list[Route]] = {}
    for route in deployment.routes:
        for target in route.targets:
            for listener in deployment.reached(route, target):
                served.setdefault(id(listener), []).append(route)
    return served


class Fronting:
    """The routes that reach the tree's apps, and the listeners the files run that no route reaches."""

    def __init__(self, deployment: Deployment) -> None:
        served = _routes_by_listener(deployment)
        self._routes = [other for reaching in served.values() for other in reaching]
        self._config_of = {id(route): index for index, instance in enumerate(deployment.nginx)
                           for route in instance.routes}
        self._servers = {id(other.server) for other in self._routes}
        self._unplaced = any(other.server is None for other in self._routes)
        reached_at = {listener.server.at for listener in deployment.listeners if id(listener) in served}
        reached_apps = {_app_of(listener.server) for listener in deployment.listeners if id(listener) in served}
        # Where the files start some servers, one they start nowhere is an old config beside the
        # deployed ones; one configured where a reached server is (one Dockerfile's command run by
        # a development and a production Compose file), or loading the app a reached server loads
        # from the same folder, is the same app run another way.
        starts_some = any(not deployment.started_nowhere(server) for server in deployment.app_servers)
        self._unreached = [listener for listener in deployment.listeners
                           if id(listener) not in served and listener.server.at not in reached_at
                           and not (starts_some and deployment.started_nowhere(listener.server))
                           and ((app := _app_of(listener.server)) is None or app not in reached_apps)]

    def other_servers(self, route: Route) -> Route | None:
        """A route of another virtual host of the same nginx, or of a block of another nginx
        config (wherever it runs) that names a host ``route``'s block names, that reaches the tree's apps, where
        ``route``'s own server block reaches none and no listener the files run is left
        unreached where ``route`` could find it: that block then fronts another app of the host
        or network, which the files do not hold."""
        if route.server is None or not self._routes or self._unplaced or id(route.server) in self._servers:
            return None
        if any(_reachable(route, listener) for listener in self._unreached):
            return None   # a listener no route reaches may be the one this route misses
        return next((other for other in self._routes if other.server is not None
                     and (other.place == route.place and _other_virtual_host(route.server, other.server)
                          or self._config_of.get(id(route)) != self._config_of.get(id(other))
                          and _named_alike(route.server, other.server))), None)

    def same_block(self, route: Route) -> Route | None:
        """Another route of ``route``'s own server block that reaches the tree's apps, where no
        listener the files run is left unreached where ``route`` could find it: the block's
        author shows where the app listens, so another target of it may be another program."""
        if route.server is None or id(route.server) not in self._servers:
            return None
        if any(_reachable(route, listener) for listener in self._unreached):
            return None
        return next((other for other in self._routes if other.server is route.server and other is not route), None)


def _other_virtual_host(server: ServerBlock, other: ServerBlock) -> bool:
    """Whether no request for one of the two server blocks is ever one for the other: they have
    server names and none in common, or they share no name and listen on different ports (nginx
    picks the block by the port a request came in on first)."""
    names, other_names = set(server.server_names), set(other.server_names)
    if names & other_names:
        return False
    if names and other_names:
        return True
    ports, other_ports = server.listen_ports, other.listen_ports
    return bool(ports) and bool(other_ports) and not ports & other_ports


def _named_alike(server: ServerBlock, other: ServerBlock) -> bool:
    """Whether the two blocks name a host in common (exact names only: a wildcard or a regular
    expression may match hosts the other does not name)."""
    return bool({name for name in server.server_names if name[:1] not in ("*", "~", ".") and name != "_"}
                & set(other.server_names))


def _reachable(route: Route, listener: Listener) -> bool:
    """Whether ``route``'s nginx could connect to ``listener`` at all: the same file system for
    a unix socket, the same loopback, or a network on which a name of its place resolves."""
    place, address = listener.server.place, listener.address
    return could_reach(route, address, place) or (
        address.family != "unix" and any(route.place.resolves(name, place) for name in place.hostnames))
