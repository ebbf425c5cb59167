"""A socket under `/run/NAME/` that nothing creates at boot.

## What it checks
A unix socket in a directory below `/run` (or `/var/run`) when nothing in the checked
files creates that directory: no `RuntimeDirectory=` in the unit that starts the
server, no `mkdir` in its `ExecStartPre=` lines (run before every start), no `tmpfiles.d`
line, not Debian's uWSGI init script (which creates `/run/uwsgi/app/NAME`). `/run` is a
tmpfs, emptied at every boot. Not checked in a container, whose `/run` is its image's or a
mount's. It is checked for servers a process
manager starts, or when checking a host or a snapshot. A socket that a systemd `.socket`
unit binds is left alone: systemd creates its missing parent directories.

## What breaks in production
It works until the next reboot, when the directory is gone: uWSGI fails with
`bind(): No such file or directory`, Gunicorn with `[Errno 2]`, and nginx answers 502.

## How to fix
Add `RuntimeDirectory=NAME` to the systemd unit (with `User=`), or a `tmpfiles.d`
line `d /run/NAME 0755 app app -`.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import AppServer, Deployment

CODE = "X119"
SLUG = "runtime-dir-missing"
SEVERITY = "warning"
SUMMARY = "Socket under /run/NAME/ with nothing creating that directory at boot."

BAD = {
    "etc/systemd/system/app.service": "[Service]\nUser=app\nExecStart=/srv/venv/bin/gunicorn -b unix:/run/app/app.sock app:app\n",
}
GOOD = {
    "etc/systemd/system/app.service": "[Service]\nUser=app\nRuntimeDirectory=app\n"
                                      "ExecStart=/srv/venv/bin/gunicorn -b unix:/run/app/app.sock app:app\n",
}


def _run_relative(path: str) -> str | None:
    for prefix in ("/run/", "/var/run/"):
        if path.startswith(prefix):
            return path[len(prefix):]
    return None


def _created(deployment: Deployment, server: AppServer, directory: str) -> bool:
    relative = _run_relative(directory)
    if relative is None:
        return False
    manager = server.manager
    if manager is not None:
        for runtime in manager.runtime_directories:
            for name in str(runtime.value).split():
                if relative == name or relative.startswith(name.rstrip("/") + "/"):
                    return True
        # `mkdir -p` before each start makes it, and any folder on the way to what it makes.
        for made in manager.start_creates:
            made_relative = _run_relative(made.value)   # /var/run is a link to /run
            if made_relative is not None and (made_relative == relative.rstrip("/")
                                              or made_relative.startswith(relative.rstrip("/") + "/")):
                return True
    for boot in deployment.host.boot_directories:
        created = _run_relative(boot.value)
        if created is not None and (relative == created or relative.startswith(created.rstrip("/") + "/")):
            return True
    debian_app = server.kind == "uwsgi" and relative.startswith("uwsgi/app/") and \
        any("apps-enabled" in source for source in server.sources)
    return debian_app


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        if server.manager is None and deployment.host.mode == "repository":
            continue
        if server.place.kind == "container":
            continue   # a container's /run comes from its image or a mount, not a tmpfs emptied at boot
        for listener in server.listeners:
            address = listener.address
            # A .socket unit creates the socket's missing parent directories itself (DirectoryMode=).
            if address.family != "unix" or address.is_abstract or listener.bound_by:
                continue
            directory = posixpath.dirname(address.path)
            relative = _run_relative(directory + "/")
            if not relative or _created(deployment, server, directory):
                continue
            name = relative.split("/")[0]
            yield Hit(listener.at, f"nothing creates {directory} at boot (/run is emptied at every reboot): after a "
                      "reboot the server cannot bind its socket and nginx answers 502; add RuntimeDirectory="
                      f"{name} to the unit or a tmpfiles.d line `d /run/{name} 0755 ...`")
