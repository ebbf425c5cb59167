"""Which files an nginx ``include`` opens.

nginx joins a relative include to its configuration prefix, the directory of the main
nginx.conf, and never to the directory of the file the include is written in:
``ngx_conf_include`` calls ``ngx_conf_full_name(cf->cycle, &file, 1)``, which joins
``cycle->conf_prefix`` (nginx/nginx ``src/core/ngx_conf_file.c``), and
``ngx_process_options`` sets ``conf_prefix`` to the directory of the file ``-c`` names,
``/etc/nginx/nginx.conf`` by default in the distributions' packages and the official
image (``src/core/nginx.c``). Measured with nginx 1.22 (``nginx -t -p P -c
P/etc/nginx/nginx.conf``): ``include uwsgi_params;`` in ``etc/nginx/conf.d/app.conf`` opens
``etc/nginx/uwsgi_params``, and a ``uwsgi_params`` beside ``app.conf`` is never read.

So each configuration's prefix is placed first (``Prefix``): the directory of a main
nginx.conf where it is read (in a repository, on a host, or where a Dockerfile ``COPY``
or a Compose mount puts it in a container), and for a fragment copied or mounted below
``/etc/nginx`` of a container, that image's ``/etc/nginx``. An include is then, in order:

1. the file at the place nginx opens, when the checked files show that place;
2. the package's stock copy of a file every nginx package ships (``uwsgi_params``,
   ``mime.types``...): nginx finds it at its prefix, where no checked file is shown —
   except in a container whose image's own package is known not to ship it (the official
   nginx image has no ``proxy_params`` nor ``snippets/``: ``ReadContext.shipped``), where
   it is missing, an error when the files show everything that could put it there;
3. otherwise what a repository suggests (a file beside the configuration, or one whose
   path ends like the include) — a guess, carried as a note: what is found in such a
   file holds only if nginx reads it, and is reported as that assumption (info).

An absolute include is at the place nginx opens (step 1) on a host, in a snapshot, where a
container's ``COPY`` or mount puts a file at that path, or where the repository holds the
whole path (``rootfs/etc/nginx/x.conf``); a repository file that only ends like it
(``deploy/nginx/x.conf`` for ``/etc/nginx/x.conf``) is step 3's guess. Each file a glob
include matches is placed the same way.
"""
from __future__ import annotations

import fnmatch
import glob
import os
import posixpath

from ..core.context import ReadContext
from ..core.record import dataclass
from ..core.span import Problem, Span

# What distribution packages ship next to nginx.conf, keyed by how includes name them;
# the value is the data file holding Debian 12's copy.
STOCK_FILES = {
    "uwsgi_params": "uwsgi_params",
    "fastcgi_params": "fastcgi_params",
    "fastcgi.conf": "fastcgi.conf",
    "scgi_params": "scgi_params",
    "proxy_params": "proxy_params",
    "mime.types": "mime.types",
    "snippets/fastcgi-php.conf": "fastcgi-php.conf",
}

# Where the distributions' packages and the official nginx images keep nginx.conf: a
# fragment copied below it in a container is included by that image's nginx.conf.
ETC_NGINX = "/etc/nginx"

# What the stock nginx.conf of the official image and the distributions' packages loads
# from conf.d (nginxinc/docker-nginx, Debian's and Alpine's nginx.conf).
CONF_D_SITES = ETC_NGINX + "/conf.d/*.conf"

_UNKNOWN = ("nginx joins a relative include to the directory of its main nginx.conf, which the checked files do "
            "not show")


def stock_name(pattern: str) -> str | None:
    normal = posixpath.normpath(pattern)
    for name in STOCK_FILES:
        if normal == name or normal.endswith("/" + name):
            return name
    return None


@dataclass(frozen=True)
class Prefix:
    """Where nginx joins one configuration's relative includes.

    ``local``: the prefix as a directory here. ``filesystem``/``target``: the container
    file system the configuration is copied or mounted into and the prefix there
    (``target`` None when the configuration is in a container but its prefix is not
    known). Neither: unknown, and ``guess_dir`` (the checked file's own directory) is
    where a repository suggests looking."""

    guess_dir: str
    local: str | None = None
    filesystem: str | None = None
    target: str | None = None


def prefix_of(local_path: str, ctx: ReadContext, main: bool) -> Prefix:
    """The prefix of the configuration whose main file (``main``) or standalone fragment
    is ``local_path``."""
    directory = os.path.dirname(os.path.abspath(local_path))
    placements = ctx.placements(local_path)
    # The image's own nginx reads from /etc/nginx: a copy there is the one that runs.
    placed = next((p for p in placements if p[1].startswith(ETC_NGINX + "/")), None)
    if placed is None and main and placements:
        placed = placements[0]
    if placed is not None:
        filesystem, target = placed
        return Prefix(directory, filesystem=filesystem, target=posixpath.dirname(target) if main else ETC_NGINX)
    if main:
        return Prefix(directory, local=directory)
    if ctx.mode != "repository":
        return Prefix(directory, local=ctx.local_directory(ETC_NGINX))
    return Prefix(directory)


def unread_in_container(local_path: str, ctx: ReadContext) -> str:
    """Why the nginx of the containers a file is copied or mounted into does not load it
    unless a checked configuration includes it (empty: it may load it): every copy below
    /etc/nginx is in conf.d under a name the image's nginx.conf (``include
    /etc/nginx/conf.d/*.conf;``) does not match, such as ``conf.d/uwsgi_params``."""
    placed = [target for _, target in ctx.placements(local_path) if target.startswith(ETC_NGINX + "/")]
    if not placed or any(posixpath.dirname(t) != posixpath.dirname(CONF_D_SITES) or t.endswith(".conf")
                         for t in placed):
        return ""
    return (f"copied to {placed[0]} in a container, whose nginx.conf loads {CONF_D_SITES}, and no checked nginx "
            "file includes it, so nginx does not load it: not checked")


@dataclass(frozen=True, slots=True)
class Included:
    """One file an include opens: a local path or, ``stock``, the name of a packaged copy;
    ``assumed`` says why it is only a guess that nginx reads it (empty: it does)."""

    path: str
    stock: bool = False
    assumed: str = ""


class IncludeResolver:
    """Resolves the includes of one configuration; within it the same path and include
    resolve alike (a fleet's thousand ``include uwsgi_params;`` cost one confinement walk)."""

    def __init__(self, ctx: ReadContext, prefix: Prefix, standalone: bool) -> None:
        self.ctx = ctx
        self.prefix = prefix
        self.standalone = standalone
        self.local_paths: dict[tuple[str, str], str | None] = {}

    def resolve(self, pattern: str, at: Span) -> tuple[list[Included], list[Problem]]:
        """The files ``include pattern`` written at ``at`` opens, and what is missing."""
        if "$" in pattern:
            return [], []
        if glob.has_magic(pattern):
            found = self._glob_included(pattern, at)
            self.ctx.referenced(at, pattern, *(i.path for i in found))
            return found, []
        exact = self._exact(pattern)
        if exact is not None:
            self.ctx.referenced(at, pattern, exact)
            return [Included(exact)], []
        stock = stock_name(pattern)
        if stock:
            missing = self._not_shipped(pattern, at)
            if missing is not None:
                return [], [missing]
            return [Included(STOCK_FILES[stock], stock=True)], []
        local = self._local(pattern, self.prefix.guess_dir)
        self.ctx.referenced(at, pattern, local)
        if local is not None:
            # Not at the place nginx opens, found by how its path ends: a guess. (On a host or
            # in a snapshot an absolute path is where it is: read as the host's file.)
            guess = self.ctx.mode == "repository" or not posixpath.isabs(pattern)
            return [Included(local, assumed=self._note(pattern, at) if guess else "")], []
        if self.ctx.mode != "repository" and (not self.standalone or posixpath.isabs(pattern)):
            target = pattern if posixpath.isabs(pattern) else posixpath.join(ETC_NGINX, pattern)
            if self.ctx.host_may_hold(target):
                return [], [Problem("include-not-found", f'include "{pattern}": not in the checked files, which hold '
                                    "only the folders of a host's /etc that a repository installs (no passwd, "
                                    "os-release or fstab), not this file's: assumed the host has it (certbot writes "
                                    "/etc/letsencrypt/options-ssl-nginx.conf, a deploy step may write others); "
                                    "without it nginx will not start", at, severity="info")]
            return [], [Problem("include-not-found", f'include "{pattern}": no such file, so nginx will not start: '
                                "fix the path or create the file", at)]
        return [], []

    def _not_shipped(self, pattern: str, at: Span) -> Problem | None:
        """A stock name (``proxy_params``, ``snippets/fastcgi-php.conf``) in a container whose
        image's own nginx package does not ship it and where the checked files put nothing
        at that place (step 1 found no copy): nginx stops at the include. An error when the
        files show the whole container; info naming what could still put it there otherwise."""
        prefix = self.prefix
        if prefix.filesystem is None or (prefix.target is None and not posixpath.isabs(pattern)):
            return None
        shipped = self.ctx.shipped.get((prefix.filesystem, ETC_NGINX))
        target = posixpath.normpath(pattern if posixpath.isabs(pattern) else posixpath.join(prefix.target or "", pattern))
        if shipped is None or not target.startswith(ETC_NGINX + "/") or \
                posixpath.relpath(target, ETC_NGINX) in shipped.names:
            return None
        # nginx 1.22, `nginx -t` (tests/test_nginx_include_prefix.py): [emerg] open() "..." failed (2: ...)
        message = (f'include "{pattern}": the image {shipped.image} has no {target} ({shipped.source}) and the '
                   "checked files copy or mount nothing there, so nginx refuses to start (\"open() "
                   f'\"{target}\" failed (2: No such file or directory)\"); copy the file into the image or write '
                   "its directives out")
        unseen = shipped.unseen_at(target)
        if unseen:
            return Problem("include-not-found", f"{message} — unless {unseen}", at, severity="info")
        return Problem("include-not-found", message, at)

    def _note(self, pattern: str, at: Span, target: str = "") -> str:
        """Why a file is read only on a guess; ``target``: where a glob's match would be."""
        where = f"{at.path}:{at.line}"
        if posixpath.isabs(pattern):
            why = (f"the checked files do not put it at {target or pattern}, it was matched by how its path ends" if
                   self.prefix.filesystem is None else
                   f"the checked files copy or mount nothing at {target or pattern} in the container nginx runs in")
        elif self.prefix.target is not None:
            why = (f"nginx opens {posixpath.join(self.prefix.target, pattern)} in the container, and the checked "
                   "files copy or mount nothing there")
        else:
            why = _UNKNOWN
        return f"only if nginx reads this file for `include {pattern}` ({where}): {why}"

    def _exact(self, pattern: str) -> str | None:
        """The file at the place nginx opens, when the checked files show that place."""
        prefix = self.prefix
        if prefix.filesystem is not None:
            if posixpath.isabs(pattern):
                target = pattern
            elif prefix.target is not None:
                target = posixpath.join(prefix.target, pattern)
            else:
                return None
            with self.ctx.in_filesystem(prefix.filesystem):
                copied = self.ctx.copied(target)
            return copied if copied is not None and os.path.isfile(copied) else None
        if posixpath.isabs(pattern):
            local = self._local(pattern, prefix.guess_dir)
            return local if local is not None and self._shown_at(pattern, local) else None
        if prefix.local is None:
            return None
        local = self._local(pattern, prefix.local)
        # A repository's file found by its name elsewhere is a guess, not the place nginx opens.
        joined = os.path.normpath(os.path.join(prefix.local, pattern))
        return local if local is not None and (self.ctx.mode == "snapshot" or local == joined) else None

    def _shown_at(self, pattern: str, local: str) -> bool:
        """Whether the checked files put ``local`` at the absolute path ``pattern`` of the
        file system nginx runs in: always on a live host or in a snapshot; in a repository
        where the build or mount of nginx's own container copies it there, or where the tree
        holds the whole path (``rootfs/etc/nginx/x.conf`` for ``/etc/nginx/x.conf``). A file
        that only ends like it (``deploy/nginx/x.conf``) is a guess, and so is another
        container's copy for an nginx on the host: a mount shows that container's file system,
        not the host's."""
        if self.ctx.mode != "repository":
            return True
        if self.prefix.filesystem is not None:
            with self.ctx.in_filesystem(self.prefix.filesystem):
                if self.ctx.copied(pattern) == local:
                    return True
        parts = [part for part in posixpath.normpath(pattern).split("/") if part]
        return os.path.abspath(local).split(os.sep)[-len(parts):] == parts

    def _local(self, target: str, base_dir: str) -> str | None:
        key = (target, base_dir)
        if key not in self.local_paths:
            self.local_paths[key] = self._resolve_local(target, base_dir)
        return self.local_paths[key]

    def _resolve_local(self, target: str, base_dir: str) -> str | None:
        if self.ctx.mode == "snapshot":
            if posixpath.isabs(target):
                return self.ctx.confine(self.ctx.under_root(target))
            return self.ctx.confine(os.path.join(base_dir, target))
        return self.ctx.local(target, base_dir)

    def _glob_included(self, pattern: str, at: Span) -> list[Included]:
        """The files a glob include opens. As for a single include, a file found only by how
        its path ends (``deploy/sites/app.conf`` for ``/etc/nginx/sites/*.conf``) is a guess."""
        prefix = self.prefix
        absolute = posixpath.isabs(pattern)
        # In a container, a relative pattern is joined to the prefix there (`conf.d/*.conf` of a
        # main file mounted at /etc/nginx/nginx.conf opens /etc/nginx/conf.d/*.conf).
        in_container = pattern if absolute else posixpath.join(prefix.target, pattern) if prefix.target else None
        if in_container is not None and prefix.filesystem is not None:
            # The folder a COPY or a mount puts at that path, when there is one.
            with self.ctx.in_filesystem(prefix.filesystem):
                directory = self.ctx.copied(posixpath.dirname(in_container))
                one_by_one = self.ctx.copied_in(posixpath.dirname(in_container))
            # The folder holds what it holds: an empty one opens nothing (no repository-wide
            # match by name, which could find the including file itself).
            in_folder = {os.path.basename(path): path
                         for path in sorted(glob.glob(os.path.join(glob.escape(directory),
                                                                   posixpath.basename(in_container))))
                         if os.path.isfile(path)} if directory is not None and os.path.isdir(directory) else {}
            # Files put there one by one (a COPY of one file, a template the image renders) too,
            # over what a copied folder holds under the same name; nginx opens them in name order.
            in_folder.update((name, local) for name, local in one_by_one.items()
                             if fnmatch.fnmatchcase(name, posixpath.basename(in_container)))
            if in_folder or directory is not None and os.path.isdir(directory):
                return [Included(in_folder[name]) for name in sorted(in_folder)]
        if absolute or prefix.local is not None:
            found = self._glob(pattern, prefix.local or prefix.guess_dir)
            if self.ctx.mode != "repository":
                return [Included(path) for path in found]
            included = []
            for path in found:
                target = posixpath.join(posixpath.dirname(pattern), os.path.basename(path)) if absolute else ""
                if target and prefix.filesystem is None and self.ctx.copied(target) == path:
                    continue   # a container's file at that path (its nginx reads it), not the host's
                shown = self._shown_at(target, path) if absolute else \
                    self._at_prefix(path, pattern, prefix.local or prefix.guess_dir)
                included.append(Included(path, assumed="" if shown else self._note(pattern, at, target)))
            return included
        note = self._note(pattern, at)
        return [Included(path, assumed=note) for path in self._glob(pattern, prefix.guess_dir)]

    @staticmethod
    def _at_prefix(path: str, pattern: str, directory: str) -> bool:
        """A relative glob's match at the prefix, not one of the repository's files found
        elsewhere by how its path ends (``_glob``'s fallback)."""
        return fnmatch.fnmatchcase(os.path.relpath(path, directory).replace(os.sep, "/"), posixpath.normpath(pattern))

    def _glob(self, pattern: str, base_dir: str) -> list[str]:
        if posixpath.isabs(pattern):
            if self.ctx.mode == "repository":
                return self._repository_glob(pattern)
            local_pattern = pattern if self.ctx.mode == "live" else self.ctx.under_root(pattern)
        else:
            local_pattern = os.path.join(base_dir, pattern)
        found = []
        for candidate in sorted(glob.glob(local_pattern)):
            match = self.ctx.confine(candidate) if self.ctx.mode == "snapshot" else candidate
            if match and os.path.isfile(match):
                found.append(match)
        if not found and not posixpath.isabs(pattern) and self.ctx.mode == "repository":
            return self._repository_glob(pattern)
        return found

    def _repository_glob(self, pattern: str) -> list[str]:
        """Discovered nginx files whose path ends like the pattern (its file name and
        at least one directory), the way a repository holds what gets installed."""
        from .nginx import is_nginx_text  # the reader imports this module

        found = []
        for candidate in self.ctx.glob(pattern if posixpath.isabs(pattern) else "/" + pattern):
            text = self.ctx.read(candidate, peek=True).text
            if text is not None and is_nginx_text(text):
                found.append(candidate)
        return found
