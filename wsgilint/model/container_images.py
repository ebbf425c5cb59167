"""The image side of the containers (model/containers.py): what a Dockerfile's build leaves
for a container to run, followed stage by stage.

Facts from the Dockerfile reference (``shared/reference/topologies.md`` §6): the last build
stage (or ``build.target``) is the image; ``FROM`` an earlier stage (or an image another
build of the project makes: ``container_services.ProjectBuilds`` gives it) carries that
state on; a shell-form ``CMD``/``ENTRYPOINT`` runs under ``/bin/sh -c`` (or the ``SHELL``
set before it); setting ``ENTRYPOINT`` resets a ``CMD`` from the base image; ``ARG`` values
come from the build's arguments, else the default written. A ``RUN`` is read only as far
as its words tell: the directories it makes, the tree files it links or copies, where it
may write files the tree does not hold, nginx installed with apt (Debian's package),
``daemon off;`` appended to nginx.conf, and the packages it installs (model/image_installs.py).

Over 400 lines on purpose: one interpreter of the Dockerfile instructions, each of which
updates the one ``Image`` state the next reads (a COPY's destination needs the WORKDIR and
the directories made before it, a RUN's link the COPYs before it).
"""
from __future__ import annotations

import os
import posixpath
import re
import shlex
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from ..core.record import dataclass, field
from ..core.span import Setting, Span
from ..readers.shell import written_files
from . import ImageGroup
from .base_images import BaseImage, base_image, stock_setting, with_apt_nginx
from .image_installs import InstallStep, operands, run_installs

# readers/nginx_includes.py's ETC_NGINX, where the official image's nginx keeps its
# configuration; not imported, so that a tree without nginx does not load that reader.
ETC_NGINX = "/etc/nginx"


# The Dockerfile reader is loaded only when such files are checked.
if TYPE_CHECKING:
    from ..readers.dockerfile import Dockerfile, Instruction


@dataclass
class Image:
    """What the last build stage leaves for the container to run."""

    dockerfile: str                                    # its display path
    cmd: Setting[list[str]] | None = None
    cmd_shell: bool = False
    entrypoint: Setting[list[str]] | None = None
    entrypoint_shell: bool = False
    user: Setting[str] | None = None
    stop_signal: Setting[str] | None = None
    workdir: Setting[str] | None = None
    env: dict[str, Setting[str]] = field(default_factory=dict)
    args: dict[str, str] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)   # image path -> local path
    base: BaseImage | None = None                      # the image the first stage of the build starts from
    cmd_from_base: bool = False                        # cmd is the base image's, which an ENTRYPOINT resets
    # ENV variables whose value the build command gives (an ARG without a value in the files).
    env_unknown: dict[str, Setting[str]] = field(default_factory=dict)
    open_args: set[str] = field(default_factory=set)   # ARGs the files give no value
    # (image path, why): where the build puts files the checked tree does not hold (a RUN that
    # writes there, a COPY --from another stage or of a glob or URL).
    writes: list[tuple[str, str]] = field(default_factory=list)
    # Tree files a COPY placed that a later RUN edits in place (`sed -i`, `envsubst > FILE`):
    # local path -> how, where. What the tree's copy says is not what the image holds.
    rewrites: dict[str, Setting[str]] = field(default_factory=dict)
    # SHELL's exec form: what runs a shell-form RUN, CMD and ENTRYPOINT after it (None: /bin/sh -c).
    shell: list[str] | None = None
    # A RUN appended `daemon off;` to /etc/nginx/nginx.conf (`echo "daemon off;" >> …`) and no
    # later COPY replaced that file: nginx started without -c stays in the foreground.
    nginx_daemon_off: Setting[bool] | None = None
    # Directories the build makes (WORKDIR, `mkdir` and their parents): a COPY of one file to
    # such a path without a trailing slash puts it inside, as into any directory that exists.
    directories: set[str] = field(default_factory=set)
    # Accounts a RUN adds (`useradd NAME`, `adduser NAME`), each where: as written, so a name
    # given by a variable stays one no process is known to run as.
    accounts_added: list[Setting[str]] = field(default_factory=list)
    # The groups RUN lines create or add members to (``addgroup nginx app``), by name.
    groups: dict[str, ImageGroup] = field(default_factory=dict)
    # A RUN gives folders to group 0 and the group the owner's rights (`chgrp -R 0 DIR && chmod
    # -R g=u DIR`): the image is made to run as an arbitrary uid in group 0 (OpenShift).
    arbitrary_uid: Setting[str] | None = None
    # COPY/ADD sources (as written, expanded) that the build context does not hold: (source,
    # its local path, the instruction, the context folder). Only plain paths, not globs, URLs
    # or other stages.
    missing_sources: list[tuple[str, str, Span, str]] = field(default_factory=list)
    # The ``build.target`` a Compose build names that no stage of the Dockerfile is called
    # (the build stops), and the stage names it has.
    target_missing: str = ""
    stage_names: tuple[str, ...] = ()
    # Paths a RUN's `chmod` or a COPY's `--chmod` gives an execute bit: (path, and below it).
    made_executable: list[tuple[str, bool]] = field(default_factory=list)
    # A RUN changes modes in a way its words do not show (a glob, a variable, `find -exec chmod`).
    modes_unknown: bool = False
    # What the RUN lines install (model/image_installs.py), and the first step whose installs
    # are not read (a script, a COPY from another stage): after it, what the image holds is unknown.
    install_steps: list[InstallStep] = field(default_factory=list)
    installs_unread: Setting[str] | None = None
    # A RUN installs nginx from the distribution's packages (`apt-get install nginx`): its
    # version is that of the base image's release, which the files do not name.
    distribution_nginx: Setting[str] | None = None


def bin_sh(image: Image | None) -> Setting[str]:
    """What ``/bin/sh`` is in a container of ``image`` (base_images.json ``bin_sh``), with the
    image that says so; "" when its base image is not one known."""
    base = image.base if image is not None else None
    if base is None:
        return Setting("", None, "the image's /bin/sh is not in the checked files")
    names = {"busybox": "busybox ash", "dash": "dash", "bash": "bash"}
    if not base.bin_sh:
        return Setting("", base.at, f"the /bin/sh of {base.written} is not known")
    return Setting(base.bin_sh, base.at, f"{base.written}'s /bin/sh is {names[base.bin_sh]}")


def image_from_base(dockerfile: str, base: BaseImage) -> Image:
    """The state a build starts in: what its base image sets."""
    image = Image(dockerfile, base=base)
    if base.entrypoint:
        image.entrypoint = stock_setting(base, list(base.entrypoint), "ENTRYPOINT")
    if base.cmd:
        image.cmd, image.cmd_from_base = stock_setting(base, list(base.cmd), "CMD"), True
    if base.workdir:
        image.workdir = stock_setting(base, base.workdir, "WORKDIR")
    if base.stop_signal:
        image.stop_signal = stock_setting(base, base.stop_signal, "STOPSIGNAL")
    if base.user:
        image.user = stock_setting(base, base.user, "USER")
    image.env = {name: stock_setting(base, value, "ENV") for name, value in base.env.items()}
    return image


def _expand(text: str, variables: dict[str, str]) -> str:
    from ..readers.compose import interpolate

    return interpolate(text, variables)[0]


def _continued(dockerfile: str, inherited: Image, other_build: bool = False) -> Image:
    """A stage built FROM ``inherited`` (an earlier stage, or an image another build of the
    project makes: then its CMD is a base image's, which an ENTRYPOINT resets)."""
    return Image(dockerfile, inherited.cmd, inherited.cmd_shell, inherited.entrypoint, inherited.entrypoint_shell,
                 inherited.user, inherited.stop_signal, inherited.workdir, dict(inherited.env), dict(inherited.args),
                 dict(inherited.copies), inherited.base, other_build and inherited.cmd is not None,
                 env_unknown=dict(inherited.env_unknown),
                 open_args=set(inherited.open_args), writes=list(inherited.writes), shell=inherited.shell,
                 nginx_daemon_off=inherited.nginx_daemon_off, directories=set(inherited.directories),
                 accounts_added=list(inherited.accounts_added), groups=dict(inherited.groups),
                 arbitrary_uid=inherited.arbitrary_uid,
                 missing_sources=[] if other_build else list(inherited.missing_sources),
                 made_executable=list(inherited.made_executable), modes_unknown=inherited.modes_unknown,
                 install_steps=list(inherited.install_steps), installs_unread=inherited.installs_unread)


def image_of(dockerfile: Dockerfile, context_dir: str, target: str = "",
             build_args: dict[str, str | None] | None = None,
             built: Callable[[str], Image | None] | None = None) -> Image:
    """Follow the stages; the image is ``target``'s stage or the last one. ``build_args``
    are Compose's ``build.args`` (None: a value the shell that runs Compose gives);
    ``built`` gives the image another build of the same project tags with a name (None:
    not one of those)."""
    stages: dict[str, Image] = {}
    global_args: dict[str, str] = {}
    arguments = _Arguments(build_args or {})
    image: Image | None = None
    for instruction in dockerfile.instructions:
        keyword = instruction.keyword
        if keyword == "FROM":
            if target and image is not None and stages.get(target.lower()) is image:
                break   # the target stage is complete: later stages are not built
            words = instruction.words
            base = _expand(words[0], global_args) if words else ""
            inherited = stages.get(base.lower())
            other = built(base) if inherited is None and base and built is not None else None
            # An ARG without a value leaves the name to the build command: shown as written.
            image = image_from_base(dockerfile.path, base_image(base or (words[0] if words else ""), instruction.at))
            source = inherited if inherited is not None else other
            if source is not None:   # FROM an earlier stage or a build of the project: its state carries on
                image = _continued(dockerfile.path, source, inherited is None)
            name = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else str(len(stages))
            stages[name] = image
            stages[str(len(stages) - 1)] = image
            continue
        if image is None:
            if keyword == "ARG":
                for word in instruction.words:
                    key, sep, value = word.partition("=")
                    global_args[key] = arguments.value(key, sep, value)
            continue
        _apply(image, instruction, context_dir, global_args, arguments, stages)
    if target and image is not None and target.lower() in stages:
        return stages[target.lower()]
    image = image or Image(dockerfile.path)
    if target and "$" not in target:
        # BuildKit: `target stage "x" could not be found` (stage names compare lowercased).
        image.target_missing = target
        image.stage_names = tuple(name for name in stages if not name.isdigit())
    return image


# Images that hold one tool's binaries and nothing else (uv's, from which its documentation
# copies `/uv /uvx`): what a COPY takes from them brings no app server.
_TOOL_IMAGES = ("ghcr.io/astral-sh/uv", "astral/uv")


def _copied_installs(image: Image, stage: Image | None, origin: str, why: str, at: Span) -> None:
    """What a COPY --from may bring onto the PATH: from an earlier stage of the Dockerfile, at
    most what that stage holds (its base image and what its RUN lines install); from an image
    of a tool, nothing; from anything else, what is not known."""
    from .image_installs import bare

    if stage is not None and stage is not image:
        if stage.installs_unread is not None:
            image.installs_unread = stage.installs_unread
        elif not bare(stage.base):
            image.installs_unread = Setting(f"{why} may bring programs of {stage.base.written if stage.base else origin}",
                                            at)
        else:
            image.install_steps.extend(step for step in stage.install_steps if step not in image.install_steps)
    elif origin.split("@", 1)[0].rsplit(":", 1)[0].lower() not in _TOOL_IMAGES:
        image.installs_unread = Setting(f"{why} may bring programs", at)


class _Arguments:
    """What gives each ARG its value: the build's arguments, else the default written."""

    def __init__(self, given: dict[str, str | None]) -> None:
        self.given = given
        self.open_global: set[str] = set()   # ARGs before the first FROM with no value

    def value(self, key: str, sep: str, written: str, image: Image | None = None,
              global_args: dict[str, str] | None = None) -> str:
        """The value an ``ARG key[=written]`` takes, recording in ``image`` (or the global
        ARGs) whether the files show it."""
        open_args = image.open_args if image is not None else self.open_global
        if key in self.given:
            given = self.given[key]
            known, value = given is not None, given or ""
        elif sep:
            known, value = True, written
        elif global_args is not None and key in global_args:
            known, value = key not in self.open_global, global_args[key]
        elif image is not None and key in image.args:
            known, value = key not in image.open_args, image.args[key]
        else:   # no default: `docker build --build-arg` gives it, else it is empty
            known, value = False, ""
        if known:
            open_args.discard(key)
        else:
            open_args.add(key)
        return value


def _one_word(instruction: Instruction) -> str:
    """The argument of an instruction that takes one (WORKDIR, USER, STOPSIGNAL) as BuildKit
    reads it: its quotes removed (``WORKDIR "$HOME/app"`` is $HOME/app), the words joined
    again by a space (``WORKDIR /my app``)."""
    return " ".join(instruction.words) if instruction.words else instruction.text.strip()


def _apply(image: Image, instruction: Instruction, context_dir: str, global_args: dict[str, str],
           arguments: _Arguments | None = None, stages: dict[str, Image] | None = None) -> None:
    keyword = instruction.keyword
    variables = {**image.args, **{name: setting.value for name, setting in image.env.items()}}
    at = instruction.at
    if keyword == "SHELL" and instruction.exec_form:
        image.shell = list(instruction.exec_form)
    elif keyword in ("CMD", "ENTRYPOINT"):
        # A shell form runs under the SHELL in effect, `/bin/sh -c` by default (DFR "SHELL").
        shell = instruction.exec_form is None
        words = [*(image.shell or ["/bin/sh", "-c"]), instruction.text] if shell else \
            list(instruction.exec_form or [])
        if keyword == "CMD":
            image.cmd, image.cmd_shell, image.cmd_from_base = Setting(words, at), shell, False
        else:   # setting ENTRYPOINT resets a CMD from the base image (DFR 2372-2375)
            image.entrypoint, image.entrypoint_shell = Setting(words, at), shell
            if image.cmd_from_base:
                image.cmd, image.cmd_from_base = None, False
    elif keyword == "USER":
        image.user = Setting(_expand(_one_word(instruction), variables), at)
    elif keyword == "STOPSIGNAL":
        image.stop_signal = Setting(_expand(_one_word(instruction), variables).upper().removeprefix("SIG"), at)
    elif keyword == "WORKDIR":
        path = _expand(_one_word(instruction), variables)
        base = image.workdir.value if image.workdir else "/"
        image.workdir = Setting(posixpath.normpath(posixpath.join(base, path)), at)
        _made_directory(image, image.workdir.value)
    elif keyword == "ARG":
        for word in instruction.words:
            key, sep, value = word.partition("=")
            image.args[key] = (arguments or _Arguments({})).value(key, sep, value, image, global_args)
    elif keyword == "ENV":
        words = instruction.words
        pairs = [(words[0], " ".join(words[1:]))] if words and "=" not in words[0] else \
            [tuple(word.split("=", 1)) for word in words if "=" in word]
        for key, value in pairs:
            _set_env(image, key, value, variables, at)
    elif keyword == "RUN":
        _run_installs(image, instruction)
        _run_directories(instruction.text, image)
        _run_chmods(instruction.text, image)
        image.accounts_added.extend(Setting(name, at) for name in _run_accounts(instruction.text))
        _run_groups(instruction.text, image, at)
        if image.arbitrary_uid is None and _GROUP_ZERO.search(instruction.text) and _GROUP_AS_OWNER.search(instruction.text):
            image.arbitrary_uid = Setting("0", at, f"the RUN at {at.path}:{at.line} gives its folders to group 0 "
                                          "with the owner's rights, as OpenShift's arbitrary-uid recipe does")
        placed = _run_placements(instruction.text, image, _known_values(image, variables))
        image.writes.extend((path, f"the RUN at {at.path}:{at.line} (it writes to {path})")
                            for path in _run_writes(instruction.text, placed))
        for target, how in _run_edits(instruction.text):
            local = _copied_from(image, posixpath.normpath(target)) if target.startswith("/") else None
            if local is not None:
                image.rewrites.setdefault(local, Setting(how, at))
        if _apt_installs_nginx(instruction.text):
            image.distribution_nginx = image.distribution_nginx or Setting(
                "apt", at, f"the RUN at {at.path}:{at.line} installs it with apt")
            if image.base is not None and image.base.nginx_includes is None:
                image.base = with_apt_nginx(image.base, at)
        appended = _appended_to_nginx_conf(instruction.text)
        if appended:
            off = _DAEMON_OFF.search(appended) is not None
            image.nginx_daemon_off = Setting(True, at, f"the RUN at {at.path}:{at.line} appends `daemon off;` to "
                                             f"{NGINX_CONF}") if off else image.nginx_daemon_off
    elif keyword in ("COPY", "ADD"):
        words = instruction.exec_form or instruction.words
        if len(words) < 2:
            return
        # A source naming an ARG the files give no value (`COPY ./nginx/$ENV/site.conf`, ENV from
        # the shell that runs the build) stays as written: which file it is, is not known.
        known = _known_values(image, variables)
        if image.base is not None and image.base.known:
            # A variable no ARG or ENV declares, here or in the base image, is empty to BuildKit:
            # `COPY ${PWD}/nginx.conf` copies the context's nginx.conf.
            known = {**dict.fromkeys(_undeclared(words[:-1], image, variables), ""), **known}
        sources = [_expanded_word(w, known) for w in words[:-1]]
        written = _expand(words[-1], variables)
        # A relative destination is relative to the WORKDIR in effect; `.` or a trailing slash
        # names a directory to copy into (DFR "ADD ... Destination"; buildkit's dispatchCopy).
        workdir = image.workdir.value if image.workdir else "/"
        destination = posixpath.join(workdir, written)
        where = f"the {keyword} at {at.path}:{at.line} (of {' '.join(words[:-1])} into {written})"
        if _gives_execute(instruction.flags.get("chmod", "")):
            image.made_executable.append((posixpath.normpath(destination), True))
        if "from" in instruction.flags:   # another stage's or image's files: not in the tree
            origin = instruction.flags["from"]
            why = f"{where[:-1]} from {origin})"
            if not posixpath.normpath(destination).startswith("/etc/") and image.installs_unread is None:
                _copied_installs(image, (stages or {}).get(origin.lower()), origin, why, at)
            into = written in ("", ".") or written.endswith("/") or len(sources) > 1
            for source in sources:
                # A file (a name with an extension) copied into a folder lands under its own name;
                # a folder's contents, or a glob's matches, anywhere in the destination.
                name = posixpath.basename(source)
                single = into and "." in name.strip(".") and not any(c in source for c in "*?[")
                image.writes.append((posixpath.normpath(posixpath.join(destination, name) if single else destination),
                                     why))
            return
        for source in sources:
            # A URL, a glob, or a local archive ADD unpacks: what lands there the tree does not show.
            if "://" in source or any(c in source for c in "*?[") or (keyword == "ADD" and source.endswith(_ARCHIVES)):
                image.writes.append((posixpath.normpath(destination), where))
                if keyword == "ADD" and image.installs_unread is None and not any(c in source for c in "*?["):
                    image.installs_unread = Setting(f"{where} may bring programs", at)
                continue
            # A source is inside the build context even when written absolute (`COPY /nginx.conf`)
            # or climbing out of it: BuildKit resolves `..` at the context's root as at `/`
            # (`COPY ../../requirements.txt .` reads the context's requirements.txt).
            local = os.path.normpath(os.path.join(context_dir, posixpath.normpath("/" + source).lstrip("/")))
            if "$" not in source and not os.path.lexists(local):
                image.missing_sources.append((source, local, at, context_dir))
            into_dir = written in ("", ".") or written.endswith("/") or len(sources) > 1 or os.path.isdir(local) \
                or posixpath.normpath(destination) in image.directories or posixpath.normpath(destination) in _NGINX_DIRS \
                or posixpath.normpath(destination) in _BASE_DIRS \
                or posixpath.normpath(destination) in _PACKAGE_DIRS
            if into_dir and not os.path.isdir(local):
                image.copies[posixpath.normpath(posixpath.join(destination, posixpath.basename(source)))] = local
            elif os.path.isdir(local):
                image.copies[posixpath.normpath(destination)] = local
                _made_directory(image, posixpath.normpath(destination))   # a later COPY of a file there goes inside
            else:
                image.copies[posixpath.normpath(destination)] = local
        if NGINX_CONF in image.copies and image.copies[NGINX_CONF] in (
                os.path.normpath(os.path.join(context_dir, source.lstrip("/"))) for source in sources):
            image.nginx_daemon_off = None   # this COPY replaced the file the text was appended to


# What ADD unpacks into the destination instead of copying (DFR "ADD": a local tar archive,
# compressed with gzip, bzip2 or xz).
_ARCHIVES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")

_GROUP_ZERO = re.compile(r"\bchgrp\s+(-\w+\s+)*(0|root)\s")
_GROUP_AS_OWNER = re.compile(r"\bchmod\s+(-\w+\s+)*g(=u|\+rw)")


# Commands of a RUN that leave a directory's set of files as it was (or only remove some).
_KEEPS_FILES = frozenset({"rm", "chmod", "chown", "mkdir", "ls", "test", "[", "cat", "grep", "nginx"})


# Directories the distributions' nginx packages create below /etc/nginx: `ln -s x DIR` (no
# trailing slash) puts the link inside them, as into any directory that exists.
_NGINX_DIRS = frozenset(ETC_NGINX + "/" + name for name in ("conf.d", "sites-enabled", "sites-available",
                                                               "snippets", "http.d", "default.d")) | {ETC_NGINX}
# Directories the distributions' Supervisor and uWSGI packages create, read by their programs:
# Debian's /etc/supervisor/conf.d (its supervisord.conf includes conf.d/*.conf), RHEL's
# /etc/supervisord.d, Alpine's /etc/supervisor.d, Debian's uWSGI apps folders. A config copied
# there without a trailing slash (`COPY uwsgi.conf /etc/supervisor/conf.d`) lands inside.
_PACKAGE_DIRS = frozenset({"/etc/supervisor", "/etc/supervisor/conf.d", "/etc/supervisord.d", "/etc/supervisor.d",
                           "/etc/uwsgi", "/etc/uwsgi/apps-enabled", "/etc/uwsgi/apps-available"})
# Directories every Linux base image has (Debian's and Alpine's base files): a file copied
# there without a trailing slash lands inside, under its own name.
_BASE_DIRS = frozenset({"/", "/bin", "/etc", "/home", "/opt", "/root", "/run", "/srv", "/tmp", "/usr", "/usr/bin",
                        "/usr/local", "/usr/local/bin", "/var", "/var/log"})


def _commands(text: str) -> list[str]:
    return re.split(r"&&|\|\||[;|\n]", text)


# Debian's and Ubuntu's nginx packages: each installs (or depends on) nginx-common, whose
# /etc/nginx/nginx.conf is the stock one (packages.debian.org, source package nginx).
_APT_NGINX = frozenset({"nginx", "nginx-core", "nginx-full", "nginx-light", "nginx-extras", "nginx-common"})


def _apt_installs_nginx(text: str) -> bool:
    """Whether a RUN installs nginx with apt (``apt-get install -y nginx-core``): apt installs
    Debian's or Ubuntu's package, whatever image the build starts from."""
    for command in _commands(text):
        words = [word.strip("'\"") for word in command.split()]
        tools = [i for i, word in enumerate(words) if posixpath.basename(word) in ("apt-get", "apt", "aptitude")]
        if tools and "install" in words[tools[0]:] and any(
                word.split("=", 1)[0] in _APT_NGINX for word in words[words.index("install", tools[0]) + 1:]):
            return True
    return False


def _run_installs(image: Image, instruction: Instruction) -> None:
    """The packages a RUN installs (model/image_installs.py), until one whose installs are not read."""
    if image.installs_unread is not None:
        return
    at = instruction.at
    commands = [list(instruction.exec_form)] if instruction.exec_form else shell_commands(instruction.text)
    if not commands or "<<" in instruction.text:
        image.installs_unread = Setting(f"the RUN at {at.path}:{at.line} is not read as simple commands", at)
        return
    found = run_installs(commands, at, image.workdir.value if image.workdir else "/",
                         lambda path: _copied_from(image, path))
    image.install_steps.extend(found.steps)
    if found.unread:
        image.installs_unread = Setting(found.unread, at)


def _made_directory(image: Image, path: str) -> None:
    """``path`` and every directory above it exist in the image."""
    while path not in ("/", "") and path not in image.directories:
        image.directories.add(path)
        path = posixpath.dirname(path)


def _run_chmods(text: str, image: Image) -> None:
    """The paths a RUN's ``chmod`` gives an execute bit. A chmod whose words do not say which
    paths (a glob, a variable, ``--reference``, run by ``find -exec`` or ``xargs``) leaves the
    image's modes unknown."""
    if "chmod" not in text:
        return
    workdir = image.workdir.value if image.workdir else "/"
    parsed = 0
    for command in _commands(text):
        words = [word.strip("'\"") for word in command.split()]
        if words[:1] == ["sudo"]:
            words = words[1:]
        if not words or posixpath.basename(words[0]) != "chmod":
            continue
        parsed += 1
        options = [word for word in words[1:] if word.startswith("-") and not _MODE.fullmatch(word)]
        rest = [word for word in words[1:] if word not in options and word not in ("", "\\")]
        if any(option.startswith("--reference") for option in options) or len(rest) < 2 or \
                any(c in word for word in rest[1:] for c in "*?[${}~`"):
            image.modes_unknown = True
            continue
        if not _gives_execute(rest[0]):
            continue
        recursive = any(option in ("-R", "--recursive") or not option.startswith("--") and "R" in option
                        for option in options)
        image.made_executable.extend((posixpath.normpath(posixpath.join(workdir, word)), recursive)
                                     for word in rest[1:])
    if parsed < text.count("chmod"):
        image.modes_unknown = True   # chmod run some other way (find -exec, xargs, a function)


# A chmod mode: octal, or symbolic clauses (`u+x,go-w`, `-x`).
_MODE = re.compile(r"[0-7]{1,4}|[ugoa]*[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*")


def _gives_execute(mode: str) -> bool:
    """Whether ``mode`` sets an execute bit on a regular file (``X`` does only where one is set)."""
    if mode.isdigit():
        return any(int(digit) & 1 for digit in mode[-3:])
    return any(op in "+=" and "x" in perms for _, op, perms in re.findall(r"([ugoa]*)([-+=])([rwxXst]*)", mode))


def image_sets_executable(image: Image, path: str) -> bool:
    """Whether the build gives ``path`` an execute bit, or may (modes it cannot read)."""
    return image.modes_unknown or any(
        path == made or recursive and path.startswith(made.rstrip("/") + "/") for made, recursive in image.made_executable)


def _run_directories(text: str, image: Image) -> None:
    """The directories a RUN's ``mkdir`` commands make (a path with a variable or a glob is left out)."""
    workdir = image.workdir.value if image.workdir else "/"
    for command in _commands(text):
        words = [word.strip("'\"") for word in command.split()]
        if not words or posixpath.basename(words[0]) != "mkdir":
            continue
        for before, word in zip(words, words[1:], strict=False):
            if before in ("-m", "--mode") or word.startswith("-") or word in ("", "\\") or \
                    any(c in word for c in "*?[${}~"):
                continue   # an option, its value, a line continuation or a path known only when it runs
            _made_directory(image, posixpath.normpath(posixpath.join(workdir, word)))


# Options of useradd (shadow-utils), Debian's adduser and busybox's adduser that take a value.
_ACCOUNT_VALUE_OPTIONS = frozenset({"-b", "-c", "-d", "-e", "-f", "-g", "-G", "-h", "-k", "-K", "-p", "-P", "-R", "-s",
                                    "-u", "-Z", "--base-dir", "--comment", "--home", "--home-dir", "--expiredate",
                                    "--inactive", "--gid", "--groups", "--skel", "--key", "--password", "--root",
                                    "--prefix", "--shell", "--uid", "--selinux-user", "--ingroup", "--gecos",
                                    "--firstuid", "--lastuid", "--firstgid", "--lastgid", "--conf"})


def _run_accounts(text: str) -> list[str]:
    """The accounts a RUN's ``useradd``/``adduser`` commands add: the first word that is
    neither an option nor an option's value (``adduser app www-data`` adds app to a group)."""
    found = []
    for command in _commands(text):
        words = [word.strip("'\"") for word in command.split() if word != "\\"]
        if not words or posixpath.basename(words[0]) not in ("useradd", "adduser"):
            continue
        found.extend(operands(words[1:], _ACCOUNT_VALUE_OPTIONS)[:1])
    return found


# The options of addgroup/groupadd (busybox, Debian, shadow-utils) and usermod/gpasswd that take a value.
_GROUP_VALUE_OPTIONS = frozenset({"-g", "--gid", "-K", "--key", "-p", "--password", "-R", "--root", "-P", "--prefix",
                                  "--conf", "--firstgid", "--lastgid"})


def _run_groups(text: str, image: Image, at: Span) -> None:
    """The groups a RUN's commands create or add members to: ``addgroup USER GROUP`` and
    ``adduser USER GROUP`` (busybox and Debian: an existing user joins a group), ``usermod
    [-a] -G G1,G2 USER``, ``gpasswd -a USER GROUP``, ``useradd``/``adduser -G GROUP NAME``;
    ``addgroup``/``groupadd [-g GID] GROUP`` create one, and busybox's ``adduser [-u UID] NAME``
    (an Alpine image's) makes group NAME with the user's uid as its gid (adduser.c:
    ``new gid = uid``). A name or id given by a variable is left out."""
    busybox = bin_sh(image).value == "busybox"
    for command in _commands(text):
        words = [word.strip("'\"") for word in command.split() if word != "\\"]
        if not words:
            continue
        program = posixpath.basename(words[0])
        if program in ("addgroup", "groupadd"):
            named = operands(words[1:], _GROUP_VALUE_OPTIONS)
            if len(named) == 2 and program == "addgroup":
                _group(image, named[1], at, member=named[0])
            elif len(named) == 1:
                _group(image, named[0], at, gid=_option_value(words, ("-g", "--gid")))
        elif program in ("adduser", "useradd"):
            named = operands(words[1:], _ACCOUNT_VALUE_OPTIONS)
            if len(named) == 2 and program == "adduser":
                _group(image, named[1], at, member=named[0])
                continue
            if len(named) != 1:
                continue
            listed = _option_value(words, ("-G", "--groups", "--ingroup"))
            for group in (listed or "").split(","):
                if group:
                    _group(image, group, at, member=named[0])
            if busybox and program == "adduser" and listed is None:
                uid = _option_value(words, ("-u", "--uid"))
                _group(image, named[0], at, gid=uid, member=named[0])
        elif program == "usermod":
            # With -a the groups are added, without it they replace the others: in either case
            # the user is in each one listed.
            named = operands(words[1:], _ACCOUNT_VALUE_OPTIONS)
            listed = _option_value(words, ("-G", "--groups")) or \
                next((words[i + 1] for i, w in enumerate(words[:-1]) if w.startswith("-a") and w.endswith("G")), None)
            if listed and named:
                for group in listed.split(","):
                    if group:
                        _group(image, group, at, member=named[-1])
        elif program == "gpasswd" and len(words) == 4 and words[1] in ("-a", "--add"):
            _group(image, words[3], at, member=words[2])


def _option_value(words: list[str], names: tuple[str, ...]) -> str | None:
    """The value of the first option of ``names`` (``-u 1000``, ``--uid=1000``), where it is
    written plainly (no variable)."""
    for index, word in enumerate(words):
        value = None
        if word in names and index + 1 < len(words):
            value = words[index + 1]
        elif word.startswith("--") and word.partition("=")[0] in names:
            value = word.partition("=")[2]
        if value is not None:
            return None if "$" in value else value
    return None


def _group(image: Image, name: str, at: Span, gid: str | None = None, member: str | None = None) -> None:
    """Record group ``name`` (its id, where written plainly) and ``member`` in it; the first RUN
    that names it stays its place. A name given by a variable is not known: left out."""
    if "$" in name or member is not None and "$" in member:
        return
    known = image.groups.get(name)
    image.groups[name] = ImageGroup(name, gid if gid and gid.isdigit() else (known.gid if known else None),
                                    (known.members if known else frozenset()) | ({member} if member else set()),
                                    known.at if known else at)


def _run_placements(text: str, image: Image, known: dict[str, str]) -> set[int]:
    """``ln [-s] SRC DST``, ``cp SRC DST`` and ``mv SRC DST`` of a RUN whose source is a file
    of the tree a COPY already put in the image: a placement like a COPY, recorded in
    ``image.copies`` (a link is opened as the file it names). Returns the indexes of the
    commands so read, which add nothing unseen. A ``-t``, a glob or a source the tree does
    not hold leaves the command to ``_run_writes``; so does a variable ``known`` (the ENV and
    ARG values the files give, which the RUN's shell sees) does not hold."""
    handled: set[int] = set()
    for index, command in enumerate(_commands(text)):
        words = [_expanded_word(word.strip("'\""), known) for word in command.split()]
        if not words or posixpath.basename(words[0]) not in ("ln", "cp", "mv"):
            continue
        options = [word for word in words[1:] if word.startswith("-")]
        paths = [word for word in words[1:] if not word.startswith("-")]
        if len(paths) < 2 or any(o == "-t" or o.startswith("--target") for o in options) or \
                any(c in word for word in paths for c in "*?[$"):
            continue
        symbolic = words[0].endswith("ln") and any(o == "--symbolic" or not o.startswith("--") and "s" in o
                                                    for o in options)
        workdir = image.workdir.value if image.workdir else "/"
        destination = posixpath.normpath(posixpath.join(workdir, paths[-1]))
        into = paths[-1].endswith("/") or len(paths) > 2 or destination in _NGINX_DIRS or destination in _BASE_DIRS
        found: list[tuple[str, str]] = []
        for source in paths[:-1]:
            target = posixpath.join(destination, posixpath.basename(source.rstrip("/"))) if into else destination
            # A relative link target is relative to the link's own directory.
            base = posixpath.dirname(target) if symbolic else workdir
            local = _copied_from(image, posixpath.normpath(posixpath.join(base, source)))
            if local is None:
                break
            found.append((target, local))
        else:
            image.copies.update(found)
            handled.add(index)
    return handled


def _known_values(image: Image, variables: dict[str, str]) -> dict[str, str]:
    """The ENV and ARG values the files give, leaving out those the build command or the
    shell that runs the build gives."""
    return {name: value for name, value in variables.items()
            if name not in image.open_args and name not in image.env_unknown}


def _undeclared(words: list[str], image: Image, variables: dict[str, str]) -> set[str]:
    """The variables ``words`` name that no ARG or ENV of the build declares."""
    if not any("$" in word for word in words):
        return set()
    from ..readers.compose import interpolate

    named = {name for word in words for name in interpolate(word, variables)[1]}
    return {name for name in named if name not in image.open_args and name not in image.env_unknown}


def _expanded_word(word: str, known: dict[str, str]) -> str:
    """A RUN's word with its variables expanded (the shell sees the build's ENV and ARG
    values); as written where one is not known."""
    if "$" not in word:
        return word
    from ..readers.compose import interpolate

    value, missing, _ = interpolate(word, known)
    return word if missing else value


def _run_edits(text: str) -> list[tuple[str, str]]:
    """(path, how) of each file a RUN's commands write: ``sed -i`` targets, ``>`` and ``tee``
    targets."""
    return [written for command in shell_commands(text) for written in written_files(command)]


def _copied_from(image: Image, path: str) -> str | None:
    """The local file a COPY of the build put at ``path`` (itself, or in a folder it copied)."""
    probe = path
    while True:
        local = image.copies.get(probe)
        if local is not None:
            candidate = os.path.normpath(os.path.join(local, posixpath.relpath(path, probe)))
            return candidate if os.path.exists(candidate) else None
        if probe == "/":
            return None
        probe = posixpath.dirname(probe)


def _run_writes(text: str, placed: Collection[int] = ()) -> list[str]:
    """Where a ``RUN`` may create files the checked tree does not show, as far as its words
    tell: each path below /etc/nginx a command other than ``rm``, ``chown``... names or
    redirects into (``sed -i`` included: it may not create, but it may rename), and ``/`` for
    a script it runs (which may write anywhere). Only /etc/nginx is asked about so far.
    ``placed``: the commands ``_run_placements`` read, which put tree files there."""
    found: list[str] = []
    for index, command in enumerate(_commands(text)):
        if index in placed:
            continue
        words = command.replace(">", " > ").split()
        while words and "=" in words[0] and not words[0].startswith(("-", "/")):
            words = words[1:]   # VAR=value before the command
        if not words:
            continue
        name = posixpath.basename(words[0])
        if name in ("sh", "bash", "ash", "dash") and len(words) > 1 and not words[1].startswith("-") or \
                words[0].endswith(".sh") or words[0].startswith("./"):
            found.append("/")
            continue
        paths = [word.strip("'\"") for word in words[1:] if "etc/nginx" in word]
        if paths and (name not in _KEEPS_FILES or ">" in words):
            found.extend(posixpath.normpath("/" + path.lstrip("/").rstrip("*")) for path in paths)
    return found


NGINX_CONF = ETC_NGINX + "/nginx.conf"
# `daemon off;` as a directive of the appended text: not after a `#` on its line.
_DAEMON_OFF = re.compile(r"(?:^|[;\n])[ \t]*daemon[ \t]+off[ \t]*;")


def shell_commands(text: str) -> list[list[str]]:
    """A shell text's simple commands (a RUN's, a line of a start script) as the shell splits
    them: quotes removed and kept whole (a `;` inside `python3 -c "..."` splits nothing), ``>``
    and ``>>`` words of their own; none where the quoting does not close."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|>")
    lexer.whitespace_split = True
    try:
        words = list(lexer)
    except ValueError:
        return []
    commands: list[list[str]] = []
    command: list[str] = []
    for word in [*words, ";"]:
        if word not in (";", "&&", "||", "|", "&"):
            command.append(word)
        elif command:
            commands.append(command)
            command = []
    return commands


def _appended_to_nginx_conf(text: str) -> str:
    """What a RUN's ``echo``/``printf`` commands append to /etc/nginx/nginx.conf (``>>``), as
    the shell passes it: quotes removed, ``\\n`` as a new line."""
    appended: list[str] = []
    for command in shell_commands(text):
        if len(command) >= 3 and posixpath.basename(command[0]) in ("echo", "printf") and \
                command[-2] == ">>" and posixpath.normpath(command[-1]) == NGINX_CONF:
            appended.extend(w for w in command[1:-2] if not w.startswith("-"))
    return "\n".join(appended).replace("\\n", "\n")


def _set_env(image: Image, key: str, value: str, variables: dict[str, str], at: Span) -> None:
    """``ENV key=value``; a value built from an ARG the files give no value (or from such an
    ENV) is the build command's, unknown here."""
    from ..readers.compose import interpolate

    shown = {name: text for name, text in variables.items() if name in image.env or name not in image.open_args}
    unset = interpolate(value, shown)[1]
    cause = next((name for name in unset if name in image.open_args or name in image.env_unknown), None)
    if cause is None:
        image.env[key] = Setting(_expand(value, variables), at)
        image.env_unknown.pop(key, None)
        return
    image.env.pop(key, None)
    image.env_unknown[key] = Setting(key, at, f"ENV {key} takes {cause}, an ARG without a value in the files: "
                                     "the build command gives it")
