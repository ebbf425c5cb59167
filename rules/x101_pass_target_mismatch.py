"""An nginx `*_pass` goes to an address where no app server of the tree listens.

## What it checks
Every `uwsgi_pass`, `proxy_pass`, `fastcgi_pass`, `scgi_pass` and `grpc_pass` whose
target is local (a unix socket, a loopback or wildcard address), or an upstream
`server` behind it, is matched against the listeners of every uWSGI and Gunicorn
instance found in the checked files. It runs only when app servers were found, and
names the nearest listener: the same socket directory, another port on the same
host, or a unix socket where a TCP port was written.

A `fastcgi_pass`, `scgi_pass` or `grpc_pass` is matched only when an app server of
the tree speaks that protocol: otherwise it goes to something else (PHP-FPM). When an
app server of the tree binds nothing in the checked files (its socket comes from the
command line, the environment or an ini that is not here), a listener's socket path is
relative to a start directory the files do not show, or a managed program that is no
app server wsgilint reads names the port on its command line, the files cannot show
where it listens: the finding is then an info that names that assumption.

## What breaks in production
nginx cannot connect and answers **502 Bad Gateway** to every request of that
location, logging `connect() failed (111: Connection refused)` for a TCP port or
`(2: No such file or directory)` for a unix socket.

## How to fix
Point the `*_pass` at the address the app server binds, or bind the app server where
nginx sends.
"""
import posixpath
import re
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Address, Deployment, Listener, ProcessManager

CODE = "X101"
SLUG = "pass-target-mismatch"
SEVERITY = "error"
SUMMARY = "nginx passes requests to an address no app server listens on."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                         "        uwsgi_pass 0.0.0.0:8001;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 0.0.0.0:18001\nmodule = app.wsgi\n",
}
GOOD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                         "        uwsgi_pass 127.0.0.1:18001;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:18001\nmodule = app.wsgi\n",
}


def _port_text(address: Address) -> str:
    return str(address.port).rjust(_PORT_WIDTH)


_PORT_WIDTH = 6


def _distance(target: Address, listener: Listener) -> tuple[int, ...]:
    address = listener.address
    if target.family == "unix":
        same_dir = address.family == "unix" and address.path.rsplit("/", 1)[0] == target.path.rsplit("/", 1)[0]
        return (0 if same_dir else 1 if address.family == "unix" else 2,)
    if address.family == "inet":
        same_host = address.host == target.host or address.is_wildcard or (address.is_loopback and target.is_loopback)
        digits = sum(a != b for a, b in zip(_port_text(address), _port_text(target), strict=False))
        return (0 if same_host else 1, digits)
    return (3,)


class _Listeners:
    """Indexes of the deployment's listeners, built once per run, so that each unmatched
    target costs a few lookups rather than a pass over every listener (a fleet has
    thousands of both). Each query answers what ``min(listeners, key=_distance)`` and a
    first-match scan answer: the first listener, in model order, at the least distance."""

    def __init__(self, listeners: list[Listener]) -> None:
        self.listeners = listeners
        self.first_unix: int | None = None
        self.unix_by_dir: dict[str, int] = {}
        self.relative_by_name: dict[str, int] = {}
        self.inet: list[int] = []
        for index, listener in enumerate(listeners):
            address = listener.address
            if address.family == "unix":
                self.first_unix = index if self.first_unix is None else self.first_unix
                self.unix_by_dir.setdefault(address.path.rsplit("/", 1)[0], index)
                if not address.path.startswith("/"):
                    self.relative_by_name.setdefault(posixpath.basename(address.path), index)
            elif address.family == "inet":
                self.inet.append(index)
        self._ports: dict[tuple[str, int, str], int] | None = None

    def relative_namesake(self, name: str) -> Listener | None:
        index = self.relative_by_name.get(name)
        return None if index is None else self.listeners[index]

    def nearest(self, target: Address) -> Listener | None:
        if not self.listeners:
            return None
        if target.family == "unix":
            index = self.unix_by_dir.get(target.path.rsplit("/", 1)[0], self.first_unix)
            return self.listeners[0 if index is None else index]
        if not self.inet:
            return self.listeners[0]
        if len(_port_text(target)) > _PORT_WIDTH or any(
                len(_port_text(self.listeners[i].address)) > _PORT_WIDTH for i in self.inet):
            return min(self.listeners, key=lambda listener: _distance(target, listener))  # ports no index holds
        same_host = ["wildcard", "host " + target.host] + (["loopback"] if target.is_loopback else [])
        index = self._closest_port(same_host, _port_text(target))
        return self.listeners[index if index is not None else self._closest_port(["any"], _port_text(target)) or 0]

    def _closest_port(self, groups: list[str], port: str) -> int | None:
        """The first listener of ``groups`` whose port differs from ``port`` in the fewest
        digit places: each listener is filed under its port with every set of places
        masked, so the masks with ``d`` places find exactly those at distance ``d``."""
        ports = self._port_index()
        for places in range(_PORT_WIDTH + 1):
            found = [ports[key] for mask in _MASKS[places] for group in groups
                     if (key := (group, mask, _masked(port, mask))) in ports]
            if found:
                return min(found)
        return None

    def _port_index(self) -> dict[tuple[str, int, str], int]:
        if self._ports is None:
            self._ports = {}
            for index in self.inet:
                address = self.listeners[index].address
                groups = ["any", "host " + address.host]
                if address.is_wildcard:
                    groups.append("wildcard")
                if address.is_loopback:
                    groups.append("loopback")
                port = _port_text(address)
                for mask in range(1 << _PORT_WIDTH):
                    masked = _masked(port, mask)
                    for group in groups:
                        self._ports.setdefault((group, mask, masked), index)
        return self._ports


def _masked(port: str, mask: int) -> str:
    return "".join("?" if mask >> place & 1 else char for place, char in enumerate(port))


# The masks of the port's digit places, by how many places they hide.
_MASKS: list[list[int]] = [[mask for mask in range(1 << _PORT_WIDTH) if bin(mask).count("1") == places]
                           for places in range(_PORT_WIDTH + 1)]


_ONLY_IF_SPOKEN = ("fastcgi", "scgi", "grpc")


def _relative_namesake(listeners: _Listeners, target: Address) -> Listener | None:
    """A listener on a relative socket path with the target's file name (``socket = app.sock``
    is relative to the start directory, which Compose's working_dir or a unit may set)."""
    if target.family != "unix":
        return None
    return listeners.relative_namesake(posixpath.basename(target.path))


def _other_program_naming(others: list[ProcessManager], target: Address) -> ProcessManager | None:
    """A managed program that is no app server wsgilint reads (Flower, Daphne, a Node app)
    whose command line names the target's port or socket."""
    wanted = target.path if target.family == "unix" else str(target.port)
    if not wanted or wanted == "0":
        return None
    pattern = re.compile(rf"(?<![\w/.-]){re.escape(wanted)}(?![\w/.-])")
    return next((manager for manager in others if manager.argv is not None
                 and any(pattern.search(word) for word in manager.argv.value)), None)


def check(deployment: Deployment) -> Iterator[Hit]:
    if not deployment.app_servers:
        return
    spoken = {listener.protocol for listener in deployment.listeners}
    unbound = [server for server in deployment.app_servers if not server.listeners]
    listeners = _Listeners(deployment.listeners)
    others = [manager for manager in deployment.managers if manager.runs is None and manager.argv is not None]
    for route in deployment.routes:
        if route.protocol in _ONLY_IF_SPOKEN and route.protocol not in spoken:
            continue
        for target in route.targets:
            address = target.address
            local = address.family == "unix" or address.is_loopback or address.is_wildcard
            placeholder = "<" in address.text   # `unix:<path_to_app>/app.sock`, filled in at deploy time
            if not local or placeholder or deployment.listeners_at(address):
                continue
            written = address.text or str(address)
            relative = _relative_namesake(listeners, address)
            if relative is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}; {relative.label} is relative to the "
                          "directory its server starts in, which the checked files do not show: assumed it is this "
                          "socket", (Related(relative.at, f"{relative.label}"),), severity="info")
                continue
            other = _other_program_naming(others, address)
            if other is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {other.kind} [{other.name}] starts a program that names it on its command "
                          "line: assumed that program listens there", (Related(other.argv.at or other.at if other.argv
                                                                                else other.at, "started here"),),
                          severity="info")
                continue
            if unbound:
                server = max(unbound, key=lambda s: len(posixpath.commonpath([s.at.path, target.at.path])))
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {server.name} binds nothing in them (its socket may come from the "
                          "command line, the environment or another ini): assumed it binds there",
                          (Related(server.at, f"{server.name} binds nothing here"),), severity="info")
                continue
            nearest = listeners.nearest(address)
            hint = f"; did you mean {nearest.address}, where {nearest.server.name} listens?" if nearest else ""
            failure = "(2: No such file or directory)" if address.family == "unix" else "(111: Connection refused)"
            yield Hit(
                target.at,
                f"{route.handler.name} sends to {written}, where no app server in the checked files listens: "
                f"nginx answers 502 and logs \"connect() failed {failure}\"{hint}",
                (Related(nearest.at, f"{nearest.label} is the nearest listener"),) if nearest else (),
            )
