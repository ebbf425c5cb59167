"""What every reader shares: where the target host's paths are on this machine,
how files are named in findings, a cache so each file is read once, and the one
gate every read goes through.

The gate (``read``): a repository or a snapshot may be anyone's (a pull request in CI,
with secrets in the job), so nothing outside the checked trees is opened, whichever way
a config names it (``..``, an absolute path, a glob, a symbolic link); such a reference
is reported where it is written, never followed. On any host only regular files are
opened (a FIFO would hang the run, a device never ends), and on a live host nothing
under the kernel's pseudo filesystems.
"""
from __future__ import annotations

import fnmatch
import glob as globlib
import os
import posixpath
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from .gitignore import ignored_below
from .paths import absolute_path, relative_path
from .record import dataclass, field
from .span import Problem, Span
from .text import MAX_CONFIG_BYTES, Text, decode, read_text

if TYPE_CHECKING:
    import ast

    from .pipes import ForkedResults

# Kernel objects, not files: never read on a live host.
PSEUDO_FILESYSTEMS = ("/proc", "/sys", "/dev")
# A glob naming more files than this is cut: no real include or vassal directory comes near.
_MAX_GLOB = 10_000


class CopyGap(NamedTuple):
    """A file a container lacks because the folder its build copied there lacks it."""

    folder: str         # the local folder the build copied
    into: str           # where in the container it copied it
    missing: str        # the file's path below ``into``
    elsewhere: bool     # the image is one nothing in the files runs
    git_ignored: bool   # git ignores the file there: a build from a working copy may have it

    @property
    def assumption(self) -> str:
        """What a finding about the missing file adds: the assumption it rests on, or ""."""
        if self.git_ignored:
            return (f"; the repository's .gitignore leaves {self.missing} out of git, so a build from a working "
                    "copy rather than a checkout may have it: assumed it does")
        if self.elsewhere:
            return f"; assumed what runs the image (not in the checked files) mounts no host folder over {self.into}"
        return ""

    @property
    def severity(self) -> str:
        """The finding's severity where it differs from its rule's ("": the rule's)."""
        return "info" if self.git_ignored else "warning" if self.elsewhere else ""


@dataclass(frozen=True)
class Shipped:
    """What a container image's own package puts below one directory (``names``, relative
    paths): ``image`` as written, what the package ships there (``source``, said in
    findings), and ``unseen``: each container path below which something the checked files
    do not show may put more (a volume not in the tree, a ``RUN``), with why."""

    names: frozenset[str]
    image: str
    source: str
    unseen: tuple[tuple[str, str], ...] = ()

    def unseen_at(self, target: str) -> str:
        """Why a file at ``target`` may be there though the files do not show it (empty: it is not)."""
        return next((why for path, why in self.unseen if target == path or target.startswith(path.rstrip("/") + "/")), "")


@dataclass
class ReadContext:
    """``mode`` is ``live`` (checking this machine: target paths are real paths),
    ``snapshot`` (a copy of a host's ``/`` under ``root``) or ``repository`` (files
    name paths of a host that is not here; they are linked by path suffix)."""

    mode: str = "repository"
    root: str = "/"
    # A snapshot whose etc/ holds the host's own files (passwd, os-release...), not only the
    # services' folders a repository installs there: a path it lacks is missing on the host.
    whole_host: bool = True
    max_file_size: int = MAX_CONFIG_BYTES   # bytes; a larger file is not read (E001)
    cwd: str = field(default_factory=os.getcwd)
    known_files: list[str] = field(default_factory=list)   # local paths of every discovered file
    _texts: dict[str, Text] = field(default_factory=dict)
    _displays: dict[str, str] = field(default_factory=dict)
    _configs: dict[str, None] = field(default_factory=dict)   # an ordered set
    _reals: dict[str, str] = field(default_factory=dict)
    _by_name: dict[str, list[str]] = field(default_factory=dict)
    # Real paths of the checked trees; None (a reader used on its own) confines nothing.
    roots: list[str] | None = None
    # Where each path a reader resolved was written, to report a refusal there.
    _references: dict[str, tuple[Span, str]] = field(default_factory=dict)
    # Contents that stand in for files on disk, by real path: how --fix checks its edits
    # before (and without) writing them.
    overlay: dict[str, bytes] = field(default_factory=dict)
    # Paths inside a container image or mount -> the local file or directory they come from
    # (a Compose bind mount, a Dockerfile COPY), by the place's file system: configs name the
    # container's paths, and two images may each have their own ``/app``.
    container_paths: dict[str, dict[str, str]] = field(default_factory=dict)
    # By file system, the container paths above that are bind mounts: the folder there is the
    # host's source folder and nothing else, so a path below it that the source lacks is not a
    # namesake's elsewhere in the tree (a COPY only adds to what the image has).
    bind_mounts: dict[str, set[str]] = field(default_factory=dict)
    # By file system and what starts it (a Compose file, alternatives sharing one file system):
    # the container paths its image's COPY and ADD fill from folders of the tree, and those
    # below which something the checked files do not show may put files (a RUN or COPY --from
    # of the build, a volume or bind mount, a base image whose files are not known: "/").
    # Below a copied folder and nothing unseen, the container holds what the folder does.
    image_copies: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    unseen_below: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # The images of those that nothing in the checked files runs (a `docker run` or a platform
    # elsewhere), which may mount a host folder anywhere: what their copies lack is assumed missing.
    run_elsewhere: set[tuple[str, str]] = field(default_factory=set)
    start: str = ""   # what starts the file system being resolved (see ``in_filesystem``)
    # The file system whose container paths a lookup resolves (see ``in_filesystem``); None: a
    # config not yet known to run in one place, which takes the first place mapping the path.
    filesystem: str | None = None
    # By file system and directory (/etc/nginx): what the image's own package ships there, for
    # the images whose file lists are known (the official nginx image).
    shipped: dict[tuple[str, str], Shipped] = field(default_factory=dict)
    _first_claims: dict[str, str] = field(default_factory=dict)
    # Resolved directories, so a file's path costs one lstat and not one per component:
    # the real path of each absolute directory, and in a snapshot where ``confine`` got
    # to after a directory's components (None: they lead nowhere).
    _real_dirs: dict[str, str] = field(default_factory=dict)
    _confined_dirs: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    # Python modules discovery parsed to sniff them (Gunicorn configs), by text: the reader
    # takes the tree (``pop``) instead of parsing the same text a second time.
    sniffed_trees: dict[str, ast.Module] = field(default_factory=dict)
    # The nginx tokens of the files discovery found (what ``readers.nginx_lexer.tokenize`` gives
    # for each text), worked out by a forked child while the process managers are read
    # (``--jobs``); the nginx reader takes them, and the model ends the child once nginx is read.
    nginx_tokens: ForkedResults[Any] | None = None

    def __post_init__(self) -> None:
        known, self.known_files = self.known_files, []
        self.index(known)

    def index(self, local_paths: list[str]) -> None:
        """Make discovered files known, so paths of the target host resolve to them by suffix."""
        for path in local_paths:
            self.known_files.append(path)
            self._by_name.setdefault(path.rpartition(os.sep)[2], []).append(path)   # its base name

    def model_built(self) -> None:
        """The index of discovered files by name serves the readers and the model while they
        resolve paths; the rules never ask it, and it is about 2 MiB at 5000 apps."""
        self.known_files, self._by_name = [], {}

    def namesakes(self, name: str) -> list[str]:
        """The discovered files called ``name`` (local paths)."""
        return list(self._by_name.get(name, ()))

    def display(self, local_path: str) -> str:
        """Paths below the current directory are shown relative to it."""
        shown = self._displays.get(local_path)
        if shown is None:
            absolute = absolute_path(local_path)
            prefix = self.cwd.rstrip(os.sep) + os.sep
            shown = absolute.removeprefix(prefix)
            if shown == local_path:   # the same string, not a copy, for each file's path and its name
                shown = local_path
            self._displays[local_path] = shown
        return shown

    def read(self, local_path: str, peek: bool = False) -> Text:
        """Each file's bytes are read and decoded once per run. A ``peek`` (sniffing a
        file, looking into a program a unit starts) does not make it a config file whose
        reading problems are reported."""
        # A cached path is its own key (an absolute, normalised path): found without abspath.
        text = self._texts.get(local_path)
        key = local_path if text is not None else self._key(local_path)
        if text is None:
            text = self._texts.get(key)
        if text is None:
            text = self._open(key)
            if text is None:
                return self._refusal(key)   # not cached: each reference is reported where it is written
            self._texts[key] = text
        if not peek:
            self._configs.setdefault(key)
        return text

    def scan(self, local_path: str) -> Text:
        """A file's text without keeping it for the run: for files read once for a fact and
        never reported on (the app's own Python code), which would otherwise stay in memory."""
        key = self._key(local_path)
        text = self._texts.get(key)
        if text is None:
            text = self._open(key)
        return text if text is not None else self._refusal(key)

    @staticmethod
    def _key(local_path: str) -> str:
        """The absolute path that files are cached by: ``local_path`` itself when it is one, so
        the caches keep no second copy of the paths discovery holds."""
        key = absolute_path(local_path)
        return local_path if key == local_path else key

    def cached(self, local_path: str) -> Text | None:
        """The text already read for ``local_path``, if any (discovery's workers hand it back)."""
        return self._texts.get(self._key(local_path))

    def remember(self, local_path: str, text: Text, real: str | None = None) -> None:
        """Cache a text read for ``local_path`` by another process with the same context, and
        the real path it found for it."""
        key = self._key(local_path)
        self._texts.setdefault(key, text)
        if real is not None:
            self._reals.setdefault(key, real)

    def known_real(self, local_path: str) -> str | None:
        """The real path of ``local_path`` if it was already found (for ``remember``)."""
        return self._reals.get(self._key(local_path))

    def _open(self, key: str) -> Text | None:
        """The file's text, or None when it leads outside the checked trees."""
        display = self.display(key)
        target, plain = key, False
        root = absolute_path(self.root) if self.mode == "snapshot" else ""
        if root and self._below(key, root):
            # A snapshot's links resolve inside it, never on this machine. Not yet read, so not
            # known to ``_confined``'s cache of texts, and absolute: its own checks are skipped.
            confined, plain = self._confined_below(root, key)
            if confined is None:
                return Text(None, problems=(Problem("unreadable", "cannot read the file: it leads nowhere in the "
                                                    "snapshot (a missing file or a broken link)", Span(display)),))
            target = confined
        real = self.realpath(target, plain)
        # What ``real`` would find again for this file (discovery reads each file before the model asks).
        self._reals.setdefault(key, real)
        if self.roots is not None and not self._within_roots(real):   # ``inside``: a real path is its own
            return None
        if real in self.overlay:
            return decode(self.overlay[real], display)
        if self.mode == "live" and any(self._below(real, fs) for fs in PSEUDO_FILESYSTEMS):
            return Text(None, problems=(Problem("unreadable", "is a kernel pseudo file, not a config file: not read",
                                                Span(display)),))
        return read_text(real, display, self.max_file_size)

    def _refusal(self, key: str) -> Text:
        at, written = self._references.get(key, (Span(self.display(key)), self.display(key)))
        return Text(None, problems=(Problem(
            "outside-checked-tree", f"{written!r} leads outside the checked tree: not read (check the folder that "
            "holds it too, or give the path the target host will have)", at),))

    def limit_to(self, paths: list[str]) -> None:
        """Confine reading to the checked ``paths`` (a file's own folder counts) and the
        snapshot root. A live host is not confined: its real paths are what is checked."""
        if self.mode == "live":
            return
        roots = [os.path.realpath(self.root)] if self.mode == "snapshot" else []
        for path in paths:
            absolute = absolute_path(path)
            roots.append(os.path.realpath(absolute))
            if not os.path.isdir(absolute):
                roots.append(os.path.realpath(os.path.dirname(absolute)))
        self.roots = roots

    def inside(self, path: str) -> bool:
        """Whether reading ``path`` stays inside the checked trees (always, when not confined)."""
        if self.roots is None:
            return True
        return self._within_roots(self.realpath(path))

    def _within_roots(self, real: str) -> bool:
        for root in self.roots or ():   # ``_below`` inlined: asked for every file read
            if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
                return True
        return False

    @staticmethod
    def _below(path: str, directory: str) -> bool:
        return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)

    def referenced(self, at: Span | None, written: str, *local_paths: str | None) -> None:
        """A reader found ``written`` at ``at`` (an include, a ``-c``) and resolved it to
        ``local_paths``: if one of them leads outside the checked trees, that is reported
        at ``at``, naming what was written."""
        for path in local_paths:
            if path is not None and at is not None:
                self._references[self._key(path)] = (at, written)

    def references(self) -> dict[str, tuple[Span, str]]:
        """Each path a reader resolved (an include, an ``--ini``), by local path: where it was
        written and how."""
        return dict(self._references)

    def read_paths(self) -> list[str]:
        """The files read as configuration, in the order they were first read."""
        return list(self._configs)

    def problems_of(self, local_path: str) -> tuple[Problem, ...]:
        return self.read(local_path).problems

    def local(self, target_path: str, base_dir: str | None = None, named: bool = True) -> str | None:
        """Where a path written in a config (a path on the target host) is here.

        Relative paths are joined to ``base_dir`` (a local directory). Absolute paths
        are mapped under the snapshot root, used as they are on a live host, and in a
        repository linked to the one discovered file whose path ends with them.
        Returns None when the file is not here — which in a repository does not
        mean it is missing on the target host. ``named``: the config names this file,
        so in a repository the one file of its name may be it, wherever it is; a file a
        program only looks for (Gunicorn's ./gunicorn.conf.py) must also share its
        folder's name, or sit at the top of the checked tree (a checkout's root).
        """
        if not target_path:
            return None
        if not posixpath.isabs(target_path):
            if base_dir is None:
                return None
            if self.mode == "snapshot" and self._below(absolute_path(base_dir), absolute_path(self.root)):
                candidate = self._host_join(base_dir, target_path)
            else:
                candidate = os.path.normpath(os.path.join(base_dir, target_path))
            # A path that climbs out of the checked tree is returned whether or not something is
            # there, so ``read`` reports it and the run tells nothing about what lies outside.
            climbs_out = not self.inside(candidate) and self.inside(base_dir)
            # A relative path names its folders from where it is written: a namesake elsewhere
            # must share one of them (``./docker/worker/entrypoint.sh`` is not ``docker/backend/...``).
            return candidate if climbs_out or os.path.exists(candidate) else self._by_suffix(target_path, True)
        mapped, bound = self._container_source(target_path)
        if mapped is not None or bound:
            return mapped
        if self.mode == "live":
            return target_path if os.path.exists(target_path) else None
        if self.mode == "snapshot":
            found = self.confine(self.under_root(target_path))
            return found if found is not None else self._checked_out(target_path)
        found = self._by_suffix(target_path, named=named)
        if found is not None and self._placed_elsewhere(target_path, absolute_path(found)):
            return None
        return found

    def _placed_elsewhere(self, target_path: str, namesake: str) -> bool:
        """Whether the build copied the folder above ``target_path`` with ``namesake`` in it to
        another path of the container (`ADD . /app` puts docker/run.sh at /app/docker/run.sh,
        not at /app/run.sh), even from a build context further up than the one modelled (a
        Dockerfile in deploy/ built with `-f deploy/Dockerfile .` puts deploy/gunicorn.py at
        /app/deploy/gunicorn.py)."""
        paths = self._first_claims if self.filesystem is None else self.container_paths.get(self.filesystem, {})
        path = posixpath.normpath(target_path)
        probe = posixpath.dirname(path)
        while (local := paths.get(probe)) is None:
            if probe in ("", "/"):
                return False
            probe = posixpath.dirname(probe)
        folder = absolute_path(local)
        if not os.path.isdir(folder) or not self._below(namesake, folder):
            return False
        inside = posixpath.relpath(path, probe).replace("/", os.sep)
        context = namesake[:-len(inside)].rstrip(os.sep) if namesake.endswith(os.sep + inside) else None
        return context is None or not self._below(folder, context)

    def below_start_directory(self, relative: str, start_dir: str) -> str | None:
        """In a repository, where a path a program opens relative to a start directory the tree
        does not hold (``directory=/srv/app`` with ``uwsgi uwsgi/app.ini``) is: below the top of
        a checked tree, the checkout taken to be deployed there, else the one file whose path
        ends like the joined one with a folder and its name at least. Never by a bare name
        alone: a namesake in another folder is no more the file than any other."""
        if self.mode != "repository" or posixpath.isabs(relative):
            return None
        parts = [p for p in relative.split("/") if p and p != "."]
        if not parts or ".." in parts:
            return None
        for root in self.roots or ():
            candidate = os.path.join(root, *parts)
            if os.path.isfile(candidate):
                return candidate
        # As a relative path: the unique file of the name is not enough, a folder must match too.
        return self._by_suffix(posixpath.normpath(posixpath.join(start_dir, relative)), relative=True)

    def _checked_out(self, target_path: str) -> str | None:
        """A snapshot's file that a missing absolute path names from where the tree is checked
        out on the target host: `/home/deploy/site/etc/uwsgi/site.ini` for the tree's own
        `etc/uwsgi/site.ini`, in a repository whose `etc/` mirrors a host's (and so is read as
        a copy of /). Only where the path's leading folders are not in
        the snapshot (a folder that is there and lacks the file leaves it missing), and at
        least a folder and the name in common, never a bare name."""
        parts = [p for p in target_path.split("/") if p and p != "."]
        if ".." in parts:
            return None
        root = absolute_path(self.root)
        for cut in range(1, len(parts) - 1):
            if self.confine(os.path.join(root, *parts[:cut])) is not None:
                return None
            found = self.confine(os.path.join(root, *parts[cut:]))
            if found is not None and os.path.isfile(found):
                return found
        return None

    def map_container_path(self, filesystem: str, target_path: str, local: str, bind: bool = False) -> None:
        """Record that ``target_path`` in the file system ``filesystem`` comes from ``local``
        (``bind``: a bind mount, which holds exactly what ``local`` holds)."""
        paths = self.container_paths.setdefault(filesystem, {})
        if bind and target_path not in paths:
            self.bind_mounts.setdefault(filesystem, set()).add(target_path)
        paths.setdefault(target_path, local)
        self._first_claims.setdefault(target_path, local)

    def placements(self, local_path: str) -> list[tuple[str, str]]:
        """Where container builds and mounts put ``local_path`` (the file, or a directory
        holding it): (file system, path inside), in the order they were recorded."""
        absolute = absolute_path(local_path)
        found = []
        for filesystem, paths in self.container_paths.items():
            for target, local in paths.items():
                base = absolute_path(local)
                if absolute == base:
                    found.append((filesystem, target))
                elif self._below(absolute, base):
                    inside = os.path.relpath(absolute, base).replace(os.sep, "/")
                    found.append((filesystem, posixpath.join(target, inside)))
        return found

    @contextmanager
    def in_filesystem(self, filesystem: str | None, start: str = "") -> Iterator[None]:
        """Resolve container paths, while inside, by what ``filesystem``'s own COPY, ADD and
        mounts give (None: by the first place mapping each path); ``start``: what starts it."""
        outer = self.filesystem, self.start
        self.filesystem, self.start = filesystem, start
        try:
            yield
        finally:
            self.filesystem, self.start = outer

    def copied(self, target_path: str) -> str | None:
        """The local file a container's build copied or mounted at ``target_path``, if any."""
        return self._in_container(target_path)

    def copied_in(self, target_folder: str) -> dict[str, str]:
        """Files a container's build copied or mounted one by one into ``target_folder`` (a
        template rendered into conf.d): their names there -> the local files."""
        paths = self._first_claims if self.filesystem is None else self.container_paths.get(self.filesystem, {})
        folder = posixpath.normpath(target_folder)
        return {posixpath.basename(target): local for target, local in paths.items()
                if posixpath.dirname(target) == folder and os.path.isfile(local)}

    def missing_from_copy(self, target_path: str) -> CopyGap | None:
        """The folder a build copied above ``target_path`` in the file system being resolved,
        when that folder lacks the file and nothing unseen may add it: then the container has no
        such file (for an image run elsewhere, unless what runs it mounts a folder there). None
        when the files cannot tell (no COPY there, a bind mount, a RUN or volume or unknown base
        image below which it may be)."""
        key = (self.filesystem or "", self.start)
        copies = self.image_copies.get(key)
        path = posixpath.normpath(target_path)
        if not copies or any(path == unseen or path.startswith(unseen.rstrip("/") + "/")
                             for unseen in self.unseen_below.get(key, ())):
            return None
        probe = path
        while probe not in ("/", ""):
            local = copies.get(probe)
            if local is not None:
                wanted = os.path.join(local, posixpath.relpath(path, probe))
                if not os.path.isdir(local) or os.path.exists(wanted):
                    return None
                # A file the repository's .gitignore keeps out of git (`/uwsgi.ini`) may be in
                # the deployer's build context, which is not a checkout.
                return CopyGap(local, probe, posixpath.relpath(path, probe), key in self.run_elsewhere,
                               self.mode == "repository" and ignored_below(local, wanted))
            probe = posixpath.dirname(probe)
        return None

    def source_of(self, target_path: str) -> tuple[str | None, bool]:
        """The local file a container path comes from, and whether a bind mount puts it there
        (then the container sees the host's file as it is, whatever its build did)."""
        return self._container_source(target_path)

    def _in_container(self, target_path: str) -> str | None:
        """The local file a container path comes from, by the longest mapped prefix."""
        return self._container_source(target_path)[0]

    def _container_source(self, target_path: str) -> tuple[str | None, bool]:
        """The local file a container path comes from, by the longest mapped prefix, and
        whether that prefix is a bind mount of the file system being resolved: then the path is
        its source folder's or nothing (``.:/root`` in ``config/compose.yaml`` puts
        ``config/`` at ``/root``: ``/root/config/x`` is ``config/config/x``, not ``config/x``)."""
        paths = self._first_claims if self.filesystem is None else self.container_paths.get(self.filesystem)
        if not paths:
            return None, False
        path = posixpath.normpath(target_path)
        probe = path
        while True:
            local = paths.get(probe)
            if local is not None:
                inside = posixpath.relpath(path, probe)
                bound = self.filesystem is not None and probe in self.bind_mounts.get(self.filesystem, ())
                if inside == os.path.basename(local) and os.path.isfile(local):
                    # `COPY uwsgi.ini $APP_DIR` (no slash) of a file that a program looks for
                    # at $APP_DIR/uwsgi.ini: that folder existed (a RUN or the base made it),
                    # so the COPY put the file inside it, under its own name.
                    return local, bound
                candidate = os.path.normpath(os.path.join(local, inside))
                return candidate if os.path.exists(candidate) else None, bound
            if probe in ("/", ""):
                return None, False
            probe = posixpath.dirname(probe)

    def real(self, local_path: str) -> str:
        """The file's real path here, to tell two names of one file apart (cached: each
        lookup walks every component of the path)."""
        real = self._reals.get(local_path)
        if real is None:
            confined, plain = self._confined(local_path) if self.mode == "snapshot" else (None, False)
            real = self.realpath(confined, plain) if confined else self.realpath(local_path)
            self._reals[local_path] = real
        return real

    def realpath(self, path: str, plain: bool = False) -> str:
        """``os.path.realpath(path)``, with the real path of its directory taken from a cache:
        when the last component is no symbolic link, the real path of a file is the real
        path of its directory joined with its name. ``plain``: the caller has just seen
        that the last component is no link (``_confined``), so it is not asked again."""
        directory, _, name = path.rpartition(os.sep)
        if not name or absolute_path(path) != path:
            # realpath resolves a link before the ``..`` after it: only a normalised absolute path splits
            return os.path.realpath(path)
        directory = directory or os.sep   # a file in /
        real_directory = self._real_dirs.get(directory)
        if real_directory is None:
            real_directory = self._real_dirs[directory] = os.path.realpath(directory)
        candidate = real_directory.rstrip(os.sep) + os.sep + name
        return os.path.realpath(path) if not plain and os.path.islink(candidate) else candidate

    def under_root(self, target_path: str) -> str:
        """Where an absolute target-host path is in a snapshot (not checked to exist).
        ``..`` stops at the host's ``/``, as the kernel makes it. Paths that already point
        into the snapshot (configs written for where the tree is now) are kept as they are."""
        root = self.root.rstrip("/")
        host_path = absolute_path("/" + target_path.lstrip("/"))
        if host_path.startswith(root + "/"):
            return host_path
        return os.path.join(self.root, host_path.lstrip("/"))

    def confine(self, path: str) -> str | None:
        """In a snapshot, ``path`` with ``..`` and its symbolic links resolved inside the
        root: the snapshot's ``sites-enabled/x -> /etc/nginx/...`` points into the snapshot,
        never at this machine's /etc. Elsewhere the path itself. None when it leads nowhere."""
        if self.mode != "snapshot":
            return path if os.path.exists(path) else None
        return self._confined(path)[0]

    def _confined(self, path: str) -> tuple[str | None, bool]:
        """``confine`` in a snapshot, and whether the path's last component was seen to be
        no symbolic link (``realpath`` then need not look again)."""
        known = self._texts.get(path)
        if known is not None and known.text is not None and self._reals.get(path) == path:
            # Read already, and its own real path: no link on the way, and there (the model asks
            # again for most files discovery read; a run takes the tree as it first found it).
            return path, True
        root = absolute_path(self.root)
        absolute = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
        if not self._below(absolute, root):
            return (path if os.path.exists(path) else None), False
        return self._confined_below(root, absolute)

    def _confined_below(self, root: str, absolute: str) -> tuple[str | None, bool]:
        """``_confined`` of an absolute path below the snapshot's ``root``."""
        if absolute_path(absolute) == absolute:
            # No empty, `.` or `..` component to leave out (a walked path): cut, not split and rejoined.
            directory, _, name = absolute[len(root):].lstrip(os.sep).rpartition(os.sep)
        else:
            parts = [p for p in absolute[len(root):].split(os.sep) if p not in ("", ".")]
            directory, name = os.sep.join(parts[:-1]), parts[-1] if parts else ""
        if not name:
            return (root if os.path.exists(root) else None), False
        if directory not in self._confined_dirs:
            self._confined_dirs[directory] = _follow(root, root, 0, directory.split(os.sep) if directory else [])
        state = self._confined_dirs[directory]
        if state is None:
            return None, False
        if name != "..":
            # The usual last step, with one lstat where _follow's islink and then exists took two:
            # an entry that is there and no link exists; one lstat cannot see is not there.
            candidate = state[0].rstrip(os.sep) + os.sep + name   # a folder's path and a name: nothing to join
            try:
                mode = os.lstat(candidate).st_mode
            except (OSError, ValueError):
                return None, False
            if not stat.S_ISLNK(mode):
                return candidate, True
        end = _follow(root, *state, [name])
        return (end[0] if end is not None and os.path.exists(end[0]) else None), False

    def _host_join(self, base_dir: str, target_path: str) -> str:
        """``target_path`` relative to ``base_dir`` below the snapshot root, as the target
        host joins them: ``..`` stops at its ``/`` (links are left to ``confine``)."""
        root = absolute_path(self.root)
        base = os.path.relpath(absolute_path(base_dir), root).replace(os.sep, "/")
        return os.path.join(root, posixpath.normpath(f"/{base}/{target_path}").lstrip("/"))

    def target_path(self, local_path: str) -> str:
        """The path a local file has on the target host (in a repository, unknown: its path here)."""
        absolute = absolute_path(local_path)
        if self.mode == "snapshot":
            # Every file of a snapshot is below its root: cut, not os.path.relpath (once per uWSGI ini).
            root = absolute_path(self.root)
            if self._below(absolute, root):
                return "/" + relative_path(absolute, root).replace(os.sep, "/").lstrip("./")
        return absolute

    def opened_path(self, written: str, local_path: str) -> str | None:
        """The path on the target of the file a program opens as ``written`` (absolute), which
        is ``local_path`` here, when the files show it: what a path-derived expansion (uWSGI's
        ``%d``, Supervisor's ``%(here)s``) is made of. On a live host or in a snapshot, the
        file's target path. In a repository only where a container's COPY, ADD or mount puts
        the file at ``written``: the build makes real directories there, while a host's folder
        may be a link (uWSGI resolves links) that a repository does not show. So too in a
        snapshot of only the /etc folders a repository installs (not ``whole_host``), for a
        file of the repository found by its name rather than at ``written`` below the root.
        None: unknown."""
        if self.mode == "snapshot" and not self.whole_host and posixpath.isabs(written):
            below = self.confine(self.under_root(posixpath.normpath(written)))
            if below is None or absolute_path(below) != absolute_path(local_path):
                return None
        if self.mode != "repository":
            return self.target_path(local_path)
        if not posixpath.isabs(written):
            return None
        target = posixpath.normpath(written)
        mapped = self._in_container(target)
        return target if mapped is not None and absolute_path(mapped) == absolute_path(local_path) else None

    def local_directory(self, target_path: str) -> str | None:
        """Where a directory of the target host is here; in a repository, the folder of
        discovered files whose path ends like it (its name and the one above at least)."""
        if self.filesystem is not None:
            mapped, bound = self._container_source(target_path)
            if mapped is not None or bound:
                return mapped if mapped is not None and os.path.isdir(mapped) else None
        if self.mode == "live":
            return target_path if os.path.isdir(target_path) else None
        if self.mode == "snapshot":
            local = self.confine(self.under_root(target_path))
            return local if local and os.path.isdir(local) else None
        parts = [p for p in target_path.split("/") if p and p != "."]
        if not parts or ".." in parts:
            return None
        found = {os.path.dirname(f) for f in self.glob(posixpath.join(target_path, "*"), folders=2)}
        return found.pop() if len(found) == 1 else None

    def glob(self, pattern: str, base_dir: str | None = None, folders: int = 1) -> list[str]:
        """The local files a target host's glob (or plain path) names, sorted. In a
        repository an absolute pattern matches the discovered files whose path ends like
        it, the file name and at least ``folders`` directories above it (one:
        ``/etc/nginx/conf.d/*.conf`` finds ``deploy/nginx/conf.d/app.conf``; a folder a program
        enters whole, such as an Emperor's, takes two: ``/home/site/uwsgi/vassals/*.ini`` finds
        ``uwsgi/vassals/app.ini`` of a checkout deployed at /home/site, not any ``vassals/``),
        the deepest match winning; a hidden file matches only a hidden pattern. In a container's
        file system (``in_filesystem``), a folder its image or mounts put there holds what they
        hold."""
        directory, name = posixpath.split(pattern)
        mapped, bound = self._container_source(directory) if self.filesystem is not None and posixpath.isabs(
            pattern) and not globlib.has_magic(directory) else (None, False)
        if self.filesystem is not None and posixpath.isabs(pattern) and mapped is None and not bound \
                and not globlib.has_magic(directory):
            # Files the image's build copied one by one into a folder no COPY or mount gives
            # whole (`COPY app.ini /etc/uwsgi/apps-enabled/app.ini`) are what the folder holds.
            copied = self.copied_in(directory)
            if copied:
                return sorted(local for target, local in copied.items() if fnmatch.fnmatchcase(target, name))
        if not posixpath.isabs(pattern):
            if base_dir is None:
                return []
            local_pattern = os.path.join(base_dir, pattern)
        elif mapped is not None or bound:
            # A folder the container's image or mounts put there holds what they hold.
            if mapped is None or not os.path.isdir(mapped):
                return []
            local_pattern = os.path.join(mapped, name)
        elif self.mode == "live":
            local_pattern = pattern
        elif self.mode == "snapshot":
            local_dir = None if globlib.has_magic(directory) else self.confine(self.under_root(directory))
            local_pattern = os.path.join(local_dir, name) if local_dir else self.under_root(pattern)
        else:
            return self._glob_by_suffix(pattern, folders)
        found = []
        for match in sorted(globlib.glob(local_pattern))[:_MAX_GLOB]:
            confined = self.confine(match) if self.mode == "snapshot" else match
            if confined and os.path.isfile(confined):
                found.append(match)
        return found

    def _glob_by_suffix(self, pattern: str, folders: int) -> list[str]:
        parts = [p for p in pattern.split("/") if p and p != "."]
        if not parts or ".." in parts:
            return []
        # The deepest match wins: /etc/supervisor/conf.d/*.conf takes supervisor/conf.d/x.conf,
        # not nginx/conf.d/y.conf beside it.
        found: list[str] = []
        best = min(folders + 1, len(parts))
        for candidate in self.known_files:
            candidate_parts = absolute_path(candidate).split(os.sep)
            depth = 0
            while depth < len(parts) and depth < len(candidate_parts) and \
                    fnmatch.fnmatchcase(candidate_parts[-1 - depth], parts[-1 - depth]) and \
                    not (candidate_parts[-1 - depth].startswith(".") and not parts[-1 - depth].startswith(".")):
                depth += 1
            if depth > best:
                found, best = [], depth
            if depth == best:
                found.append(candidate)
        return sorted(set(found))

    def exists_on_target(self, target_path: str) -> bool | None:
        """True/False when this run can know whether the target host has the path; None when it cannot."""
        if self.mode == "repository":
            # Below a bind mount, the tree shows the source folder, but git-ignored or generated
            # files of the host's folder are not in it: found or unknown, never missing.
            mapped, bound = self._container_source(target_path)
            if bound:
                return True if mapped is not None else None
            return True if self._by_suffix(target_path) else None
        if self.local(target_path) is not None:
            return True
        return None if self.host_may_hold(target_path) else False

    def host_may_hold(self, target_path: str) -> bool:
        """Whether a path a snapshot lacks may still be on the host: the snapshot holds only
        the folders a repository installs in a host's /etc (not ``whole_host``), and the
        path's folder is not among them, or git ignores files in it (a `.gitignore` there:
        written on the host, never committed)."""
        if self.mode != "snapshot" or self.whole_host:
            return False
        folder = self.local_directory(posixpath.dirname(target_path))
        return folder is None or os.path.isfile(os.path.join(folder, ".gitignore"))

    def _by_suffix(self, target_path: str, relative: bool = False, named: bool = True) -> str | None:
        parts = [p for p in target_path.split("/") if p and p != "."]
        if not parts or ".." in parts:
            return None
        candidates = self._by_name.get(parts[-1], [])
        best: list[str] = []
        best_depth = 0
        for candidate in candidates:
            candidate_parts = absolute_path(candidate).split(os.sep)
            depth = 0
            while depth < len(parts) and depth < len(candidate_parts) and \
                    candidate_parts[-1 - depth] == parts[-1 - depth]:
                depth += 1
            if depth > best_depth:
                best, best_depth = [candidate], depth
            elif depth == best_depth and depth:
                best.append(candidate)
        # A bare file name matches too much; demand a directory in common unless it is unique.
        if len(best) == 1 and (best_depth >= 2 or len(parts) == 1 or (len(candidates) == 1 and not relative and (
                named or os.path.realpath(os.path.dirname(best[0])) in (self.roots or ())))):
            return best[0]
        return None


def _follow(root: str, resolved: str, links: int, parts: list[str]) -> tuple[str, int] | None:
    """Walk ``parts`` from ``resolved`` (a directory inside the snapshot ``root``, reached
    through ``links`` symbolic links) as the kernel would with ``root`` as ``/``: where it
    gets to and the links followed, or None past the kernel's limit of links or at one that
    cannot be read. Each link's target is walked before the parts after it, so where a
    directory's parts lead does not depend on what follows them."""
    parts = list(parts)
    while parts:
        part = parts.pop(0)
        if part == "..":
            resolved = os.path.dirname(resolved) if resolved != root else root
            continue
        candidate = os.path.join(resolved, part)
        if os.path.islink(candidate):
            links += 1
            if links > 40:   # the kernel's own limit (ELOOP)
                return None
            try:
                target = os.readlink(candidate)
            except OSError:
                return None
            if os.path.isabs(target):
                resolved = root
            parts = [p for p in target.split("/") if p not in ("", ".")] + parts
            continue
        resolved = candidate
    return resolved, links
