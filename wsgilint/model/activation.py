"""systemd socket activation and unit templates: a producer of the deployment graph.

- **Templates.** ``app@.service`` runs once per enabled instance: ``systemctl enable
  app@one.socket`` links ``sockets.target.wants/app@one.socket``. Each instance is the
  template with ``%i`` and the other unit-name specifiers expanded (systemd.unit(5)); a
  socket instance starts the service instance of the same name. A template with no
  enabled instance stays as written.
- **Activation.** A ``.socket`` unit binds its ``ListenStream=`` addresses itself, as root,
  with ``SocketUser=``/``SocketGroup=`` (default root) and ``SocketMode=`` (default 0666),
  creating missing parent directories, and hands them to ``Service=`` (default: the
  service of the same name) as fds 3... with ``LISTEN_PID``/``LISTEN_FDS``.
  uWSGI adopts them with no option (``core/setup_utils.c`` ``uwsgi_setup_systemd``): an
  inherited socket with the address of one of its own ``socket`` options becomes that
  socket and is not bound again, any other ``socket`` is bound as well (it then listens
  on both); ``chmod-socket`` leaves the inherited socket alone. Gunicorn uses only the
  inherited sockets and ignores every ``bind`` (``gunicorn/sock.py`` ``create_sockets``).
  ``Accept=yes`` starts one ``app@.service`` per connection with only that connection:
  neither server can work that way, so no listener is made of it.

So the socket unit's address becomes a listener of the server it activates, with the
socket unit's owner, group and mode, and the pass-target and permission rules see it
without knowing about systemd. See ../shared/reference/topologies.md §4.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..core.context import ReadContext
from ..readers import systemd as reader
from . import Address, AppServer, Deployment, Listener, Setting
from .address import parse_uwsgi_socket, reaches
from .uwsgi import default_protocol

SOCKET_MODE_DEFAULT = 0o666
_DEFAULT = "systemd default"


def running_units(units: list[reader.SystemdUnit], enabled: set[str],
                  ctx: ReadContext) -> dict[str, list[reader.SystemdUnit]]:
    """For each template that has enabled instances (``enabled``: names linked from
    ``*.wants/``), the instance units with their own drop-ins; a socket instance brings its
    service instance."""
    templates = {unit.name: unit for unit in units if unit.name.rpartition(".")[0].endswith("@")}
    wanted = {name for name in enabled if reader.template_of(name) in templates}
    for name in sorted(wanted):
        if name.endswith(".socket"):
            socket = reader.read_instance(templates[reader.template_of(name) or ""], name, ctx)
            service = activated_service(socket)
            if service is not None and reader.template_of(service) in templates:
                wanted.add(service)
    instances: dict[str, list[reader.SystemdUnit]] = {}
    for name in sorted(wanted):
        template = reader.template_of(name)
        if template is not None:
            instances.setdefault(template, []).append(reader.read_instance(templates[template], name, ctx))
    return instances


def activated_service(socket: reader.SystemdUnit) -> str | None:
    """The service a ``.socket`` unit starts: ``Service=``, else the one of the same name;
    None with ``Accept=yes`` (a service instance per connection)."""
    accept = socket.last("Socket", "Accept")
    if accept is not None and reader.parse_bool(accept.value):
        return None
    named = socket.last("Socket", "Service")
    if named is not None:
        return named.value
    return socket.name.rsplit(".", 1)[0] + ".service"


def parse_listen_stream(value: str) -> Address | None:
    """A ``ListenStream=`` value: ``/path`` (AF_UNIX), ``@name`` (abstract), a port (every
    address, IPv6 dual-stack), ``a.b.c.d:port`` or ``[a:b::c]:port``; None for anything
    else (a specifier left unexpanded, ``vsock:``, a network interface suffix)."""
    text = value.strip()
    if not text or "%" in text:
        return None
    if text.isdigit():
        return Address("inet", host="", port=int(text), text=value)
    if text.startswith(("/", "@")):
        return parse_uwsgi_socket(text)
    if ":" in text and "%" not in text:
        host, _, port = text.rpartition(":")
        # systemd wants the whole port to be digits and an IPv6 host in brackets; uWSGI's
        # reading is looser (atoi, the last colon), so check first (`vsock:2:1234`).
        if not port.isdigit() or (":" in host and not host.startswith("[")):
            return None
        address = parse_uwsgi_socket(text)
        return address if address is not None and address.family == "inet" and address.port else None
    return None


def _octal(entry: reader.UnitEntry | None) -> Setting[int]:
    if entry is None:
        return Setting(SOCKET_MODE_DEFAULT, None, f"{_DEFAULT} SocketMode=0666")
    text = entry.value.strip()
    if text and all(char in "01234567" for char in text) and len(text) <= 4:
        return Setting(int(text, 8), entry.at)
    return Setting(SOCKET_MODE_DEFAULT, entry.at, f"invalid SocketMode={text!r}: systemd keeps 0666")


def _named(entry: reader.UnitEntry | None, key: str) -> Setting[str]:
    if entry is None:
        return Setting("root", None, f"{_DEFAULT}: no {key}=, root")
    return Setting(entry.value, entry.at)


def _same(a: Address, b: Address) -> bool:
    return reaches(a, b) and reaches(b, a) if a.family == "inet" else a == b or (
        a.family == b.family == "unix" and a.path == b.path)


def _adopt(server: AppServer, inherited: list[Listener]) -> None:
    """The server's listeners once it inherits ``inherited``."""
    own = [listener for listener in server.listeners if not listener.bound_by]
    adopted = [listener for listener in server.listeners if listener.bound_by]
    if server.kind == "gunicorn":
        protocol = own[0].protocol if own else "http"
        for listener in inherited:
            listener.protocol = protocol
        server.listeners = adopted + inherited
        return
    default = default_protocol(server)
    for listener in inherited:
        declared = next((mine for mine in own if _same(mine.address, listener.address)), None)
        if declared is not None:   # uWSGI names the inherited fd by its address: that socket, not bound again
            own.remove(declared)
            listener.protocol, listener.option = declared.protocol, declared.option
            listener.protocol_at = declared.protocol_at
        elif default is not None:
            listener.protocol, listener.protocol_at = default[0], default[1].at
    server.listeners = own + adopted + inherited


def activate(deployment: Deployment, sockets: Iterable[reader.SystemdUnit]) -> None:
    """Give each app server that a ``.socket`` unit starts the socket unit's listeners."""
    services = {manager.name: manager for manager in deployment.managers if manager.kind == "systemd"}
    for socket in sockets:
        name = activated_service(socket)
        manager = services.get(name) if name else None
        server = manager.runs if manager is not None else None
        if server is None:
            continue
        mode = _octal(socket.last("Socket", "SocketMode"))
        owner = _named(socket.last("Socket", "SocketUser"), "SocketUser")
        group = _named(socket.last("Socket", "SocketGroup"), "SocketGroup")
        inherited = []
        for entry in socket.listen_streams:
            address = parse_listen_stream(entry.value)
            if address is None:
                continue
            listener = Listener(address, "uwsgi", "ListenStream", entry.at, server, bound_by=socket.name)
            if address.family == "unix" and not address.is_abstract:
                listener.mode, listener.owner, listener.group = mode, owner, group
            inherited.append(listener)
        if inherited:
            _adopt(server, inherited)
