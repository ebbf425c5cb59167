"""Files a start script rewrites before nginx reads them.

An image's entrypoint often edits its nginx.conf at start (``sed -i "s/server
127.0.0.1:8000/server ${UWSGI_ADDR}/" /etc/nginx/nginx.conf``) or renders it (``envsubst <
nginx.conf.template > /app/nginx.conf``, then ``nginx -c /app/nginx.conf``). What the checked
copy says of the rewritten parts is then not what nginx reads. The writes come from the
shell reader's one walk of each start (``ProcessManager.rewrites``); here each is mapped to
the checked file it lands on, where the start runs (the container's COPY and mounts, or the
host), and the facts go where rules read them: ``Route.rewritten`` and, for nginx started
with ``-c``, ``ProcessManager.unseen_config``.
"""
from __future__ import annotations

import posixpath

from ..core.context import ReadContext
from ..core.span import Setting
from . import HOST, Deployment, FileRewrite, Place, ProcessManager


def _where(place: Place) -> str | None:
    return place.filesystem if place.kind == "container" else None


def start_path(path: str, manager: ProcessManager) -> str | None:
    """The absolute path a start names, joined to the directory it starts in when relative."""
    if "$" in path:
        return None    # a variable's value is not read here
    if posixpath.isabs(path):
        return posixpath.normpath(path)
    directory = manager.directory.value if manager.directory else ""
    return posixpath.normpath(posixpath.join(directory, path)) if posixpath.isabs(directory) else None


def config_argument(argv: list[str]) -> str:
    """The file of nginx's ``-c FILE`` (or ``-cFILE``); "" without one."""
    for index, word in enumerate(argv[1:], 1):
        if word == "-c":
            return argv[index + 1] if index + 1 < len(argv) else ""
        if word.startswith("-c") and len(word) > 2:
            return word[2:]
    return ""


def apply_rewrites(deployment: Deployment, ctx: ReadContext) -> None:
    # Per place: the absolute path a start writes -> the first write, and the checked file
    # (display path) it lands on -> that write.
    written: dict[Place, dict[str, FileRewrite]] = {}
    landed: dict[Place, dict[str, FileRewrite]] = {}
    for manager in deployment.managers:
        for rewrite in manager.rewrites:
            target = start_path(rewrite.path, manager)
            if target is None:
                continue
            written.setdefault(manager.place, {}).setdefault(target, rewrite)
            with ctx.in_filesystem(_where(manager.place)):
                local = ctx.local(target)
            if local is not None:
                landed.setdefault(manager.place, {}).setdefault(ctx.display(local), rewrite)
    for instance in deployment.nginx:
        files = landed.get(instance.place, {})
        if not files:
            continue
        for route in instance.routes:
            paths = [route.handler.at.path, *(target.at.path for target in route.targets)]
            route.rewritten = next((files[path] for path in paths if path in files), None)
    for manager in deployment.managers:
        if manager.runs_program != "nginx" or manager.argv is None:
            continue
        config = config_argument(manager.argv.value)
        if not config:
            # Its own default file, rendered by the start from a file not read as nginx's
            # (`j2 /nginx.tmpl > /etc/nginx/nginx.conf`); an envsubst template is read as it.
            writes = written.get(manager.place, {})
            if not writes:
                continue
            from .container_images import NGINX_CONF  # here: that module loads shlex, which a small check need not

            found = writes.get(NGINX_CONF)
            if found is not None and not found.source:
                manager.unseen_config = Setting(NGINX_CONF, manager.argv.at, f"which {found.at.path}:{found.at.line} "
                                                f"writes before nginx starts ({found.how})")
            continue
        path = start_path(config, manager) if posixpath.isabs(config) else None
        found = written.get(manager.place, {}).get(path or "")
        with ctx.in_filesystem(_where(manager.place)):
            local = ctx.local(path) if path else None
        if found is not None:
            why = f"which {found.at.path}:{found.at.line} writes before nginx starts ({found.how})"
        elif local is None:
            where = "" if manager.place is HOST else f" in {manager.place.label or manager.place.name}"
            why = f"which the checked files do not hold{where}"
        else:
            continue
        manager.unseen_config = Setting(config, manager.argv.at, why)
