"""The nginx of the official images in the containers (model/containers.py): what the
image's nginx package puts in /etc/nginx and what may add files there unseen, whether the
nginx of a container loads a site copied or mounted into it, which folders above an
``alias`` hold only volume mount points, and the workers' user of the stock nginx.conf.

An nginx started without ``-c`` reads the image's stock nginx.conf (base_images.json), which
includes only what its package's list says; the tree's own nginx.conf, copied or mounted
where nginx reads it, includes only what its ``include`` directives open. Docker creates the
folders above a mount point empty, and a bind mount hides what the image has below it.
"""
from __future__ import annotations

import fnmatch
import os
import posixpath

from ..core.context import ReadContext, Shipped
from ..core.span import Problem, Setting
from . import Deployment, NginxInstance, ProcessManager
from .base_images import BaseImage
from .container_images import ETC_NGINX, Image
from .graph import Place

# What the stock nginx.conf of any package base_images.json knows includes: a site placed
# below /etc/nginx elsewhere, in an image whose package is not known, is an assumption.
_COMMON_INCLUDES = (ETC_NGINX + "/conf.d/*.conf", ETC_NGINX + "/sites-enabled/*")


def _included(target: str, patterns: tuple[str, ...]) -> bool:
    """Whether nginx's ``include`` of one of ``patterns`` opens ``target``: glob(3) matches
    within one directory, and ``*`` does not match a leading dot."""
    name = posixpath.basename(target)
    return not name.startswith(".") and any(
        posixpath.dirname(pattern) == posixpath.dirname(target) and fnmatch.fnmatchcase(name, posixpath.basename(pattern))
        for pattern in patterns)


def _main_config(argv: list[str]) -> str | None:
    """The main configuration an nginx command line reads: its ``-c`` file when absolute,
    else the packages' /etc/nginx/nginx.conf; None when ``-c`` names a relative path."""
    for index, word in enumerate(argv):
        if word == "-c" or word.startswith(("-c/", "-c.")):
            path = word[2:] or (argv[index + 1] if index + 1 < len(argv) else "")
            return posixpath.normpath(path) if path.startswith("/") else None
    return ETC_NGINX + "/nginx.conf"


def _glob_dir(pattern: str) -> bool:
    """Whether an include pattern has glob characters in its directory part, where
    ``_included`` does not look."""
    return any(c in posixpath.dirname(pattern) for c in "*?[")


# Debian's and Ubuntu's nginx packages ship sites-enabled/default as a link to
# sites-available/default: a file written over the latter is read through the former.
_PACKAGED_LINKS = {ETC_NGINX + "/sites-available/default": ETC_NGINX + "/sites-enabled/default"}


def _linked(target: str, includes: tuple[str, ...]) -> str:
    """The path nginx opens ``target`` by, where the package's own link points at it."""
    link = _PACKAGED_LINKS.get(target)
    return link if link is not None and _included(link, includes) else target


def _below_any(path: str, folders: list[str]) -> bool:
    return any(path == folder or path.startswith(folder.rstrip("/") + "/") for folder in folders)


def shipped(place: Place, image: Image | None, ctx: ReadContext) -> list[tuple[str, str]] | None:
    """Record what the image's own nginx package puts in /etc/nginx (the official nginx
    image), with each place below which something the files do not show may add files:
    a volume whose contents are not in the checked tree, a RUN or a COPY of files not in
    it, and for an image no Compose service runs, a volume ``docker run`` may mount.
    A bind mount of a tree folder over /etc/nginx (or a folder of it, such as conf.d)
    hides what the image has there: only the folder's own files are there, whatever
    the image (the engine mounts over the image's file system at start). Returns the
    (path, why) where the build or a volume may put files the checked tree does not hold;
    None where the image's nginx files are not known (nor hidden by a mount)."""
    base = image.base if image is not None else None
    covered = ""   # the widest bind mount of a checked folder at or above /etc/nginx
    hidden: list[str] = []   # folders below /etc/nginx that such a mount replaces
    for target, store in place.volumes:
        local = store[len("bind:"):] if store.startswith("bind:") else ""
        if not (local and os.path.isdir(local) and ctx.inside(local)):
            continue
        if ETC_NGINX == target or ETC_NGINX.startswith(target.rstrip("/") + "/"):
            covered = target if not covered or len(target) < len(covered) else covered
        elif target.startswith(ETC_NGINX + "/"):
            hidden.append(target)
    if image is None or (base is None or base.nginx_files is None) and not covered:
        return None
    names = base.nginx_files if base is not None and base.nginx_files is not None else frozenset()
    source = (f"its nginx package puts only {', '.join(sorted(names))} there" if names else
              "what its nginx package puts there is not known")
    if covered:
        names = frozenset()
        source = f"{_mounted_over(ctx, place, covered)}, hiding the image's own files"
    elif hidden:
        names = frozenset(name for name in names if not any(
            posixpath.join(ETC_NGINX, name).startswith(folder.rstrip("/") + "/") for folder in hidden))
        source += "; " + ", ".join(f"{_mounted_over(ctx, place, folder)}, hiding the image's files there"
                                   for folder in hidden)
    # What a RUN or COPY of the build put below a mounted folder is hidden too.
    unseen = [(path, why) for path, why in (image.writes if image is not None else [])
              if not _below_any(path, [covered] if covered else hidden)]
    for target, store in place.volumes:
        local = store[len("bind:"):] if store.startswith("bind:") else ""
        if local and os.path.exists(local) and ctx.inside(local):
            continue   # its files are the checked ones, found where nginx opens them
        shown = ctx.display(local) if local else store.partition(":")[2]
        unseen.append((target, f"{shown} (mounted at {target}, not in the checked files)"))
    run = [("/", f"a volume of `docker run` (nothing in the checked files runs {place.label})")] \
        if place.run_unseen else []
    written = base.written if base is not None else "?"
    ctx.shipped[(place.filesystem, ETC_NGINX)] = Shipped(
        names, written, source, tuple((path, f"{why} puts it there") for path, why in [*unseen, *run]))
    return unseen


def _mounted_over(ctx: ReadContext, place: Place, target: str) -> str:
    local = next(store[len("bind:"):] for path, store in place.volumes if path == target)
    return f"{ctx.display(local) or '.'} is mounted over {target}"


def stock_nginx_loads(instance: NginxInstance, place: Place, image: Image | None, deployment: Deployment,
                      ctx: ReadContext) -> tuple[bool, str]:
    """Whether the nginx of ``place`` loads the site ``instance`` (a fragment copied, linked or
    mounted into it), and the assumption made when that is not known (when it does not:
    why it is not checked, where the tree's own nginx.conf runs there). An nginx started
    without ``-c`` reads the image's stock nginx.conf, unless the files put another there
    or may (a RUN, a volume they do not show); that file includes what its package's list
    says (base_images.json ``nginx_includes``), and nothing else: a site linked to
    ``/etc/nginx/site-enabled/`` or only copied beside the app is not loaded there (and,
    loaded by no other nginx of the files, is not checked: the reason says why)."""
    base = image.base if image is not None else None
    if not any(m.place is place and m.runs_program == "nginx" for m in deployment.managers):
        return True, ""
    if not instance.standalone:
        return _main_loads(instance, place, image, deployment, ctx)
    conf = _started_main_config(place, deployment)
    if conf is None:
        return True, ""   # started in a way the files do not show, or with several configurations
    with ctx.in_filesystem(place.filesystem):
        placed = ctx.copied(conf)
    if placed is not None:
        return _placed_main_loads(instance, place, conf, placed, deployment, ctx)
    if conf != ETC_NGINX + "/nginx.conf" or image is None or base is None or _nginx_files_unseen(place, image, ctx):
        return True, ""
    targets = [target for filesystem, target in ctx.placements(instance.main.path)
               if filesystem == place.filesystem]
    below = [target for target in targets if target.startswith(ETC_NGINX + "/")]
    if base.nginx_includes is not None:
        if not targets or any(_included(_linked(target, base.nginx_includes), base.nginx_includes)
                              for target in targets):
            return bool(targets), ""
        if not below:
            return False, ""   # only there inside a folder mounted or copied whole (the checkout)
        # Put among nginx's files where the image's nginx.conf does not look: nothing the files run reads it.
        return False, (f"not loaded by the nginx of {place.label}: the stock nginx.conf of {base.written} includes "
                       f"only {', '.join(base.nginx_includes)}, not {below[0]}")
    if not below or any(_included(target, _COMMON_INCLUDES) for target in below):
        return True, ""
    return True, (f"assumed: the nginx of {place.label} loads it at {below[0]}, but which files the stock "
                  f"nginx.conf of {base.written} includes is not known (Debian's includes conf.d/*.conf and "
                  "sites-enabled/*, the official nginx image's only conf.d/*.conf)")


def _nginx_files_unseen(place: Place, image: Image, ctx: ReadContext) -> bool:
    """Whether something the files do not show (a RUN's write, a volume from outside the tree)
    may change what is in /etc/nginx of ``place``, and so what its nginx includes."""
    unseen = [path for path, _ in image.writes] + [
        target for target, store in place.volumes
        if not (store.startswith("bind:") and os.path.exists(store[len("bind:"):])
                and ctx.inside(store[len("bind:"):]))]
    return any(path == ETC_NGINX or _below_any(path, [ETC_NGINX]) or _below_any(ETC_NGINX, [path]) for path in unseen)


def _main_loads(instance: NginxInstance, place: Place, image: Image | None, deployment: Deployment,
                ctx: ReadContext) -> tuple[bool, str]:
    """Whether the nginx of ``place`` loads a configuration with `http` (read as an nginx.conf)
    that builds put below /etc/nginx there: not where that nginx starts with the image's stock
    nginx.conf and the file is at none of the paths it opens (`COPY default.conf
    /etc/nginx/default.conf`, where the official image's nginx.conf includes only
    conf.d/*.conf): nginx never reads it. Put where the stock nginx.conf includes it, it is
    read as a site (``main_read_as_site``)."""
    base = image.base if image is not None else None
    conf = _started_main_config(place, deployment)
    if image is None or base is None or base.nginx_includes is None or conf != ETC_NGINX + "/nginx.conf":
        return True, ""
    with ctx.in_filesystem(place.filesystem):
        if ctx.copied(conf) is not None:
            return True, ""   # the tree's own nginx.conf runs there: what it includes is its own
    if _nginx_files_unseen(place, image, ctx):
        return True, ""
    targets = [target for filesystem, target in ctx.placements(instance.main.path) if filesystem == place.filesystem]
    below = [target for target in targets if target.startswith(ETC_NGINX + "/")]
    # Only where a build puts it among nginx's files: a copy of the whole checkout is no sign of
    # where nginx was meant to read it.
    if not below or any(target == conf or _included(_linked(target, base.nginx_includes), base.nginx_includes)
                        for target in targets):
        return True, ""
    return False, (f"not loaded by the nginx of {place.label}: it starts with the stock {conf} of {base.written}, "
                   f"which includes only {', '.join(base.nginx_includes)}, not {below[0]}")


def _started_main_config(place: Place, deployment: Deployment) -> str | None:
    """The main configuration the nginx of ``place`` starts with; None where no nginx is
    started there, it is started in a way the files do not show, or with several."""
    confs = {_main_config(m.argv.value) if m.argv is not None else None
             for m in deployment.managers if m.place is place and m.runs_program == "nginx"}
    return confs.pop() if len(confs) == 1 else None


def fragment_read_as_main(instance: NginxInstance, place: Place, deployment: Deployment,
                          ctx: ReadContext) -> Problem | None:
    """A site file (server blocks at its top) that the nginx of ``place`` reads as its main
    configuration, mounted or copied over the nginx.conf it starts with: nginx allows no
    ``server`` (nor ``upstream``, ``map``...) in the main context and exits at start, at the
    first such directive (the container stops with it)."""
    conf = _started_main_config(place, deployment) if instance.standalone else None
    if conf is None:
        return None
    with ctx.in_filesystem(place.filesystem):
        placed = ctx.copied(conf)
    if placed is None or ctx.real(placed) != ctx.real(instance.main.path):
        return None
    refused = instance.refused_in_main
    if refused is None or refused.at is None:
        return None
    return Problem("syntax", f'"{refused.value}" directive is not allowed here (the main context): the nginx of '
                   f"{place.label or place.name} reads this file as its {conf}, where `{refused.value}` must sit "
                   "inside `http { }`; nginx refuses it ([emerg]) and does not start; put the file in "
                   f"{ETC_NGINX}/conf.d/ (which the image's nginx.conf includes), or wrap it in `events {{}}` and "
                   "`http { ... }`", refused.at)


def main_read_as_site(instance: NginxInstance, place: Place, image: Image | None, deployment: Deployment,
                      ctx: ReadContext) -> Problem | None:
    """A file with `http` or `events` blocks (read as an nginx.conf) that the image's stock
    nginx.conf loads as a site, from a folder it includes inside `http { }`: nginx allows
    neither there and exits at start (measured with nginx 1.22: `"http" directive is not
    allowed here`), and the container stops with it."""
    base = image.base if image is not None else None
    if instance.standalone or base is None or base.nginx_includes is None:
        return None
    conf = _started_main_config(place, deployment)
    if conf != ETC_NGINX + "/nginx.conf":
        return None
    with ctx.in_filesystem(place.filesystem):
        if ctx.copied(conf) is not None:
            return None   # the tree's own nginx.conf runs there: it says what it includes, and where
    site = next((target for filesystem, target in ctx.placements(instance.main.path)
                 if filesystem == place.filesystem and target != conf and _included(target, base.nginx_includes)),
                None)
    block = next((directive for directive in instance.directives if directive.name in ("http", "events")
                  and directive.name_at.path == instance.main.path), None)
    if site is None or block is None:
        return None
    return Problem("syntax", f'"{block.name}" directive is not allowed here: the nginx of {place.label or place.name} '
                   f"loads this file as {site}, which the stock {conf} of {base.written} includes inside `http {{ }}`; "
                   "nginx refuses it ([emerg]) and does not start; keep only what belongs inside `http` (the "
                   f"`server` blocks, `upstream`s, `map`s) in it, or mount it over {conf} instead", block.name_at)


def _placed_main_loads(instance: NginxInstance, place: Place, conf: str, local: str, deployment: Deployment,
                       ctx: ReadContext) -> tuple[bool, str]:
    """Whether the tree's own main configuration, copied or mounted at ``conf`` where the
    nginx of ``place`` reads it, loads the fragment ``instance``: nginx reads only what its
    ``include`` directives open (relative ones from the directory of ``conf``), so a
    server block in a file none of them names does not run there. Where that file is not
    read as a main configuration (a template filled in at start), say what is assumed."""
    real = ctx.real(local)
    main = next((other for other in deployment.nginx
                 if not other.standalone and ctx.real(other.main.path) == real), None)
    if main is None and real == ctx.real(instance.main.path):
        return True, ""   # this site file is that nginx.conf: it runs there, and fails (fragment_read_as_main)
    if main is None:
        return True, (f"assumed: the nginx of {place.label} loads it, but {conf} there is "
                      f"{ctx.display(local)}, which is not read as an nginx.conf (a template filled in "
                      "at start, or no http block), so what it includes is not known")
    with ctx.in_filesystem(place.filesystem):
        targets = [target for filesystem, target in ctx.placements(instance.main.path)
                   if filesystem == place.filesystem]
    patterns = [posixpath.join(posixpath.dirname(conf), directive.args[0])
                for directive in main.directives if directive.name == "include" and directive.args]
    # Such an include opens what the files cannot show: it may name the fragment.
    if any("$" in pattern or _glob_dir(pattern) for pattern in patterns) or any(
            _included(target, (pattern,)) for target in targets for pattern in patterns):
        return True, ""
    return False, (f"the nginx of {place.label} reads {conf}, which is {ctx.display(local)}, and no include "
                   "there opens this file, so nginx does not load it: not checked")


def mount_only_parents(instance: NginxInstance, place: Place, image: Image | None,
                       ctx: ReadContext) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The folders above an ``alias`` that hold nothing but volume mount points in ``place``,
    with those mount points: the image is one whose own files are known to be elsewhere (the
    official nginx image fills /etc, /usr, /var..., not /opt), the alias folder is a volume's
    target, and no COPY or RUN puts anything at, above or beside it there, nor a volume at or
    above it. Docker creates the folders above a mount point empty. Other volumes beside the
    alias are listed, not judged: whether the server serves them anyway is the rule's to ask.
    An image nothing in the files runs may get any volume from ``docker run``: nothing is
    said of it."""
    base = image.base if image is not None else None
    if image is None or base is None or base.populated_roots is None or place.run_unseen:
        return {}
    mounts = {posixpath.normpath(target): store for target, store in place.volumes}
    built = [*image.copies, *(path for path, _ in image.writes)]
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    for location in instance.locations:
        alias = location.alias
        if alias is None or not alias.args[0].startswith("/"):
            continue
        folder = posixpath.normpath(alias.args[0])
        parent = posixpath.dirname(folder)
        own = base.own_entries(parent)
        if folder not in mounts or own is None:
            continue
        if any(_below_any(parent, [fill]) or _below_any(fill, [parent]) and not _below_any(fill, [folder])
               for fill in built) or any(_below_any(parent, [mount]) for mount in mounts):
            continue
        # The image's own entries there that no volume covers are reached too: listed like a volume.
        shown = [posixpath.join(parent, entry) for entry in own if posixpath.join(parent, entry) not in mounts]
        held = tuple(sorted([*(mount for mount in mounts if _below_any(mount, [parent])), *shown]))
        described = ", ".join(
            f"{path} (the image's own files)" if path in shown else
            f"{path} ({_volume_source(ctx, mounts[path]) or 'a volume'} mounted there"
            f"{', over the image' + chr(39) + 's own' if path.rpartition('/')[2] in own else ''})"
            for path in held)
        if own:
            found[parent] = (f"in {place.label}, {parent} holds only {described}: the image {base.written} "
                             f"keeps only its own {', '.join(own)} there and the files copy nothing there", held)
            continue
        found[parent] = (f"in {place.label}, {parent} holds only the mount point{'s' if len(held) > 1 else ''} "
                         f"{described}: the image {base.written} keeps none of its own files in "
                         f"/{parent.split('/')[1]} and the files copy nothing there", held)
    return found


def _volume_source(ctx: ReadContext, store: str) -> str:
    return ctx.display(store[len("bind:"):]) if store.startswith("bind:") else store.partition(":")[2]


def stock_nginx_user(place: Place, base: BaseImage | None, unseen: list[tuple[str, str]] | None,
                     managers: list[ProcessManager], ctx: ReadContext) -> Setting[str] | None:
    """The workers' user of a fragment that the image's own nginx.conf loads: that file
    runs when the files put no other nginx.conf at /etc/nginx/nginx.conf (nor may, by a
    volume or RUN they do not show) and nginx is started without ``-c``. A root master
    runs its workers as that file's ``user`` (the official image: ``nginx``, uid 101);
    another master as itself (nginx-unprivileged: USER 101, its ``nginx``). ``base``: the
    image's base; ``unseen``: what ``shipped`` returned for ``place``; ``managers``: every one."""
    conf = ETC_NGINX + "/nginx.conf"
    # A volume `docker run` may add (an image no Compose service runs) is not assumed to
    # replace nginx.conf: a tree that brings its own nginx.conf holds it.
    if base is None or unseen is None or any(
            conf == path or conf.startswith(path.rstrip("/") + "/") for path, _ in unseen):
        return None
    with ctx.in_filesystem(place.filesystem):
        if ctx.copied(conf) is not None:
            return None
    starts = [m for m in managers if m.place is place and m.runs_program == "nginx"]
    if len(starts) != 1 or starts[0].argv is None or any(
            word == "-c" or word.startswith("-c/") for word in starts[0].argv.value):
        return None
    master = starts[0].user
    name = master.value if master is not None else "root"
    if name in ("root", "0"):
        if not base.nginx_conf_user:
            return None
        return Setting(base.nginx_conf_user, base.at, f"`user {base.nginx_conf_user};` of the stock "
                       f"{conf} of the image {base.written}, which the checked files do not replace")
    if master is not None and master.at is None and name == base.user and not base.nginx_conf_user:
        # The image's own USER, whose name in its /etc/passwd is nginx (useradd --uid 101 nginx).
        return Setting("nginx", base.at, f"the image {base.written} runs nginx as USER {name} (its user nginx), "
                       f"and its {conf} has no `user`")
    return Setting(name, master.at or base.at if master is not None else base.at,
                   "a master that is not root runs its workers as itself")
