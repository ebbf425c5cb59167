"""A uWSGI instance as the model sees it: its options in order, what it listens on,
who it runs as and how it is started."""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from ..core.context import ReadContext
from ..readers.uwsgi_argv import FLAG_VALUE, parse_argv
from ..readers.uwsgi_ini import STOCK_PREFIX, UnreadConfig, read_ini, split_spec
from . import AppServer, Listener, Option, Problem, Setting, Span
from .address import parse_uwsgi_socket
from .uwsgi_config import UwsgiConfig, uwsgi_config
from .uwsgi_options import aliases_of

# option -> protocol of the listener it creates
LISTENER_OPTIONS = {
    "socket": "uwsgi",
    "uwsgi-socket": "uwsgi",
    "shared-socket": "uwsgi",
    "http-socket": "http",
    "http11-socket": "http",
    "https-socket": "https",
    "http": "http",
    "httprouter": "http",
    "https": "https",
    "fastcgi-socket": "fastcgi",
    "scgi-socket": "scgi",
    "raw-socket": "raw",
    "suwsgi-socket": "uwsgi",
    "ssl-socket": "uwsgi",
}
_ROUTER_NAMES = {"httprouter": "http"}
# `socket` (and a socket inherited from systemd) names no protocol: uWSGI gives
# them its default one, `protocol`/`socket-protocol` (the last one written), at setup
# (core/socket.c uwsgi_set_sockets_protocols; measured with 2.0.31: `socket` with
# `protocol = http` answers HTTP). Its names as uwsgi_protocols_register() registers them.
_PROTOCOL_NAMES = {"uwsgi": "uwsgi", "puwsgi": "uwsgi", "suwsgi": "uwsgi", "http": "http", "http11": "http",
                   "https": "https", "fastcgi": "fastcgi", "fastcgi-nph": "fastcgi", "scgi": "scgi",
                   "scgi-nph": "scgi", "raw": "raw"}
DEFAULT_SOCKET_MODE = 0o755
DEFAULT_MODE_NOTE = "assumed: uWSGI creates sockets 0755 under umask 022"


def socket_mode(option: Option) -> int | None:
    """``chmod-socket``: exactly three octal digits, or ``1`` meaning 0666; None when uWSGI
    refuses it (``invalid chmod value``, exit 1) — an empty value in an ini included."""
    value = option.value.strip() if isinstance(option.value, str) else ""
    # The argv reader records a flag given without a value as FLAG_VALUE with no written
    # text: `--chmod-socket` alone means 0666; an ini keeps its written text in raw.
    if value == "1" or (option.raw == "" and value == FLAG_VALUE):
        return 0o666
    if len(value) == 3 and all(c in "01234567" for c in value):
        return int(value, 8)
    return None


def default_protocol(server: AppServer) -> tuple[str, Option] | None:
    """What a socket that names no protocol speaks, and the option that says so; None when
    nothing sets it (the uwsgi protocol) or its value is unknown here."""
    option = server.last(*aliases_of("protocol"))
    if option is None or option.unresolved or not isinstance(option.value, str):
        return None
    protocol = _PROTOCOL_NAMES.get(option.value.strip())
    return (protocol, option) if protocol else None


def uwsgi_server(name: str, at: Span, options: list[Option], sources: list[str],
                 placeholders_used: set[str], config: UwsgiConfig,
                 unread_configs: Iterable[UnreadConfig] = ()) -> AppServer:
    server = AppServer(kind="uwsgi", name=name, at=at, options=list(options), sources=list(sources),
                       placeholders_used=set(placeholders_used), uwsgi_config=config,
                       unread_configs=tuple(unread_configs))
    uid = server.last("uid")
    gid = server.last("gid")
    if uid is not None:
        server.user = Setting(str(uid.value), uid.at)
    if gid is not None:
        server.group = Setting(str(gid.value), gid.at)
    daemon = server.last("daemonize", "daemonize2")
    if daemon is not None:
        server.daemonizes = Setting(daemon.value, daemon.at)
    chdir = server.last("chdir")
    if chdir is not None:
        server.start_directory = Setting(str(chdir.value), chdir.at)

    mode = _socket_mode_setting(server.last(*aliases_of("chmod-socket")))
    owner, group = _socket_owner(server)
    default = default_protocol(server)
    # Only a shared-socket asks which option uses it (most servers have none).
    shared_protocols = _shared_socket_protocols(options, default) \
        if any(option.key == "shared-socket" for option in options) else {}
    shared_index = 0
    bound: set[tuple[str, str]] = set()
    for option in options:
        protocol, protocol_at = _protocol_of(option.key, default)
        if protocol is None or not isinstance(option.value, str):
            continue
        # uWSGI binds a socket written twice once (measured: a stock ini and the app's ini
        # both saying `socket = /tmp/uwsgi.sock` give one "uwsgi socket 0 bound").
        if (option.key, option.value) in bound:
            continue
        bound.add((option.key, option.value))
        if option.key == "shared-socket":
            protocol, protocol_at = shared_protocols.get(shared_index, (protocol, None))
            shared_index += 1
        # A value only known on the target host would make a listener at a made-up address.
        if option.unresolved or option.value.startswith("="):
            continue
        for value in _socket_values(option):
            address = parse_uwsgi_socket(value)
            if address is None:
                continue
            listener = Listener(address=address, protocol=protocol, option=_ROUTER_NAMES.get(option.key, option.key),
                                at=option.at, server=server, protocol_at=protocol_at)
            if address.family == "unix" and not address.is_abstract:
                listener.mode = mode
                listener.owner = owner
                listener.group = group
            server.listeners.append(listener)
    return server


def _protocol_of(key: str, default: tuple[str, Option] | None) -> tuple[str | None, Span | None]:
    """What a listener option's socket speaks, and the `protocol` option that decides it."""
    if key == "socket" and default is not None:
        return default[0], default[1].at
    return LISTENER_OPTIONS.get(key), None


def _shared_socket_protocols(options: list[Option],
                             default: tuple[str, Option] | None) -> dict[int, tuple[str, Span | None]]:
    """``shared-socket`` binds early; the option that uses it as ``=N`` decides the protocol."""
    protocols: dict[int, tuple[str, Span | None]] = {}
    for option in options:
        protocol, protocol_at = _protocol_of(option.key, default)
        # `https = =0,cert,key` and `http = =0,key`: the address comes first, as for a bound one.
        value = _socket_values(option)[0] if isinstance(option.value, str) else ""
        if protocol and option.key != "shared-socket" and value[1:].isdigit() and value.startswith("="):
            protocols.setdefault(int(value[1:]), (protocol, protocol_at))
    return protocols


def _socket_values(option: Option) -> list[str]:
    # The http router takes "addr,key" subscriptions, and https "addr,cert,key[,...]": the address comes first.
    if option.key in ("https", "https-socket", "suwsgi-socket", "ssl-socket"):
        return [option.value.split(",", 1)[0]]
    return [option.value]


def _socket_mode_setting(option: Option | None) -> Setting[int]:
    if option is None:
        return Setting(DEFAULT_SOCKET_MODE, None, DEFAULT_MODE_NOTE)
    mode = socket_mode(option)
    if mode is None:
        return Setting(DEFAULT_SOCKET_MODE, option.at, f"invalid chmod-socket {option.value!r}: uWSGI refuses it")
    return Setting(mode, option.at)


def _socket_owner(server: AppServer) -> tuple[Setting[str], Setting[str] | None]:
    chown = server.last("chown-socket")
    if chown is not None:
        user, _, group = str(chown.value).partition(":")
        return Setting(user, chown.at), (Setting(group, chown.at) if group else None)
    # Without chown-socket the socket belongs to whoever binds it: uWSGI drops to uid/gid first.
    if server.user is not None:
        return server.user, server.group
    return Setting("root", None, "assumed: started as root, no uid= set"), server.group


def _display_name(path: str) -> str:
    return os.path.splitext(os.path.basename(split_spec(path)[0]))[0]


def uwsgi_from_ini(local_path: str, ctx: ReadContext) -> tuple[AppServer, list[Problem]]:
    ini = read_ini(local_path, ctx)
    # The instance is defined where its section starts: defaults are reported there.
    header = next((s.at for s in (*ini.sections, *ini.yaml_sections) if s.name == ini.section), Span(ini.path))
    config = uwsgi_config(ini.path, ini.section, ini.section_found, ini.sections, ini.comments, ini.options)
    server = uwsgi_server(_display_name(local_path), header, ini.options, ini.files, ini.placeholders_used, config,
                          ini.unread)
    return server, ini.problems


def uwsgi_from_argv(argv: list[str], at: Span, ctx: ReadContext, cwd: str | None,
                    env: Mapping[str, str], stock: Mapping[str, str] | None = None,
                    start_dir: str | None = None, shell_words: bool = True) -> tuple[AppServer, list[Problem]]:
    """``argv`` is what follows the program name; ``stock`` the files its image ships;
    ``start_dir`` the start directory on the target, ``cwd`` its local twin; ``shell_words``
    as ``parse_argv``'s."""
    command = parse_argv(argv, at, ctx, cwd, env, stock, start_dir, shell_words)
    name = _display_name(command.first_config) if command.first_config else "uwsgi"
    # With a config file, the instance is defined where its section starts (defaults are
    # reported there, where an option would be added); otherwise on the command line.
    # A package's stock file (Debian's default.ini) is not where the user defines the instance.
    loaded = [o.at for o in command.options if o.at.path != at.path and not o.at.path.startswith(STOCK_PREFIX)]
    header = next((s.at for s in (*command.sections, *command.yaml_sections)
                   if loaded and s.at.path == loaded[0].path), at)
    config = uwsgi_config(at.path, "uwsgi", command.section_found, command.sections, command.comments,
                          command.options)
    server = uwsgi_server(name, header, command.options, command.config_files, command.placeholders_used, config,
                          command.unread_configs)
    return server, command.problems
