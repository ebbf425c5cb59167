"""Development servers a start runs: Django's ``runserver``, ``flask run``, uvicorn, daphne,
hypercorn, or a script of the tree that starts one itself (``app.run()``). Each speaks HTTP
at the address its command line gives (``core.commands``), the one its script's code gives
(``readers.python_server``), or at the socket a Supervisor ``[fcgi-program]`` binds and
hands it, so a route to it reaches a listener; no rule reads their settings."""
from __future__ import annotations

from ..core.commands import dev_program, dev_server
from ..core.span import Setting
from . import AppServer, Deployment, Listener, ProcessManager
from .address import parse_gunicorn_bind


def add_dev_servers(deployment: Deployment) -> None:
    """One server, with its one listener, for each manager whose start runs a development
    server; it runs where its manager starts it."""
    for manager in deployment.managers:
        starts = (*((manager.dev_server,) if manager.dev_server is not None and manager.runs is None else ()),
                  *manager.also_serves)
        for start in starts:
            _add(deployment, manager, start)
        if manager.kind == "supervisor" and "socket" in manager.options and manager.runs is None:
            _add_fcgi_socket(deployment, manager, manager.options["socket"])


def _add_fcgi_socket(deployment: Deployment, manager: ProcessManager, socket: Setting[str]) -> None:
    """An ``[fcgi-program]`` whose command is a development server (``daphne --fd 0``):
    supervisord binds the section's ``socket`` and hands it to the program, which serves
    there (Supervisor's ``socket = tcp://localhost:8000`` or ``unix:///run/app.sock``)."""
    program = dev_program(manager.argv.value) if manager.argv is not None else ""
    text = str(socket.value)
    if not program or "%(" in text:
        return
    scheme, _, rest = text.partition("://")
    address = parse_gunicorn_bind(rest if scheme == "tcp" else f"unix:{rest}" if scheme == "unix" else "")
    if address is None or address.family == "inet" and not address.port:
        return
    at = socket.at or manager.at
    server = AppServer("dev-server", program, at, manager=manager, place=manager.place)
    server.start_directory = manager.directory
    server.listeners.append(Listener(address, "http", f"[{manager.name}] socket", at, server))
    deployment.dev_servers.append(server)


def _add(deployment: Deployment, manager: ProcessManager, start: Setting[list[str]]) -> None:
    env = {name: setting.value for name, setting in manager.environment.items()}
    in_code = manager.dev_server_in_code if start is manager.dev_server else None
    found = in_code.value if in_code is not None else dev_server(start.value, env)
    if found is None:
        return
    host = f"[{found.host}]" if ":" in found.host else found.host
    address = parse_gunicorn_bind(f"{host}:{found.port}")
    if address is None:
        return
    at = (in_code.at if in_code is not None else start.at) or manager.at
    server = AppServer("dev-server", found.program, at, manager=manager, place=manager.place)
    server.start_directory = manager.directory
    if in_code is not None and in_code.at is not None and in_code.value.app_in_script:
        server.app_module = in_code.at.path   # the script is the app's module
    server.listeners.append(Listener(address, "http", found.program, at, server))
    if found.reloads and manager.kind == "compose":
        server.dev_stack = _mounted_start_directory(deployment, server, found.program)
    deployment.dev_servers.append(server)


def _mounted_start_directory(deployment: Deployment, server: AppServer, program: str) -> Setting[str] | None:
    """The bind mount from the host over the folder a reloading development server starts
    in: a developer's loop (edited on the host, reloaded in the container), whatever the
    image copies in, since the mount hides it while this service runs."""
    start = server.start_directory.value if server.start_directory is not None else ""
    if not start.startswith("/"):
        return None
    mount = next(((target, store) for target, store in server.place.volumes if store.startswith("bind:")
                  and (start == target or start.startswith(target.rstrip("/") + "/"))), None)
    if mount is None:
        return None
    target, store = mount
    folder = deployment.host_folders.get(store)
    return Setting(target, folder.at if folder is not None else None,
                   f"{server.place.label or server.place.name} runs {program} (which reloads on change) from the "
                   f"host's folder mounted over {target}")


__all__ = ["add_dev_servers"]
