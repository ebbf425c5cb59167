"""Containers whose files show every socket that listens in them.

A port ``ports:`` publishes is forwarded into the container's own network namespace
(topologies.md §5); what answers there is whatever listens in that container. The files
show all of it only for a container that runs nginx alone, with the whole configuration
in the checked files: its nginx.conf copied or mounted at ``/etc/nginx/nginx.conf``, every
include found there, and nothing the files do not show (a volume, a RUN, a COPY of files
outside the tree: ``ContainerBuilder.unseen_writes``) writing where that configuration
reads. Anything less (an app server beside it, another container joining its network, an
image whose nginx files are not known) and no conclusion is drawn.
"""
from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.context import ReadContext
    from . import Deployment, NginxInstance
    from .graph import Place

_ETC_NGINX = "/etc/nginx"   # readers/nginx_includes.py ETC_NGINX: the official image's prefix


def _overlaps(path: str, folder: str) -> bool:
    """One is at or below the other: a write there can change what is read there."""
    path, folder = path.rstrip("/") or "/", folder.rstrip("/") or "/"
    return path == folder or path.startswith(folder.rstrip("/") + "/") or folder.startswith(path.rstrip("/") + "/")


def _shown_config(instance: NginxInstance, place: Place, ctx: ReadContext, unseen: list[str]) -> bool:
    from ..readers.nginx_includes import stock_name

    if instance.standalone or instance.assumed:
        return False
    with ctx.in_filesystem(place.filesystem):
        main = ctx.copied(_ETC_NGINX + "/nginx.conf")
        if main is None or ctx.display(main) != instance.main.path:
            return False
        read_from = [_ETC_NGINX + "/nginx.conf"]
        for directive in instance.directives:
            if directive.name != "include" or directive.stock or not directive.args:
                continue
            pattern = directive.args[0]
            if "$" in pattern:
                return False
            target = posixpath.normpath(posixpath.join(_ETC_NGINX, pattern))
            if any(char in pattern for char in "*?["):
                read_from.append(posixpath.dirname(target))
            elif ctx.copied(target) is None and stock_name(pattern) is None:
                return False   # an include the files do not put where nginx opens it
            else:
                read_from.append(target)
    return not any(_overlaps(written, folder) for written in unseen for folder in read_from)


def listeners_shown(deployment: Deployment, ctx: ReadContext, seen_starts: set[Place],
                    unseen_writes: dict[Place, list[tuple[str, str]]]) -> dict[Place, NginxInstance]:
    """Each container that publishes ports, runs nginx alone and whose files show all of its
    configuration, with that nginx."""
    shown: dict[Place, NginxInstance] = {}
    for place in deployment.places:
        if not place.published or place not in seen_starts or place not in unseen_writes:
            continue
        if any(other is not place and other.loopback == place.loopback for other in deployment.places):
            continue   # another container shares its network namespace (network_mode: service:)
        managers = [manager for manager in deployment.managers if manager.place is place]
        instances = [instance for instance in deployment.nginx if instance.place is place]
        servers = [server for server in [*deployment.app_servers, *deployment.dev_servers] if server.place is place]
        if len(managers) != 1 or len(instances) != 1 or servers:
            continue
        manager = managers[0]
        argv = manager.argv.value if manager.argv is not None else []
        if not manager.in_container or manager.runs_program != "nginx" or manager.runs is not None or \
                manager.dev_server is not None or any(word.startswith(("-c", "-p")) for word in argv[1:]):
            continue
        # What its start writes before nginx reads it (`cat > conf.d/site.conf`, `envsubst`, `sed -i`)
        # is not what the checked files say.
        written = [path for path, _ in unseen_writes[place]] + [rewrite.path for rewrite in manager.rewrites]
        if _shown_config(instances[0], place, ctx, written):
            shown[place] = instances[0]
    return shown
