"""Containers in the deployment graph: each Compose service (or a Dockerfile's image on
its own) is a place with its own loopback and file system, and the container runtime is
the process manager of what it starts.

Facts from the Compose specification and the Dockerfile reference
(``shared/reference/topologies.md`` §5–6): names resolve on a common network only;
``network_mode`` joins another stack; a unix socket is shared only through a store
mounted in both places; ``ports:`` forwards host ports in; ``command``/``entrypoint``
strings are split into words without a shell; a non-null ``entrypoint`` drops the
image's ``CMD``; a shell-form ``CMD``/``ENTRYPOINT`` runs under ``/bin/sh -c`` (or the
``SHELL`` set before it); the last build stage (or ``build.target``) is the image;
``docker stop`` sends the stop signal to PID 1, waits 10 s by default, then SIGKILLs.
A ``FROM`` that names the image another service of the project builds starts from that
build's layers (``_ProjectBuilds``), and nginx installed with apt is Debian's package.

Over 400 lines on purpose: image stages, services, places and the runtime's managers are
one producer whose parts feed each other (a service's place needs its image's COPYs, its
manager the image's CMD and USER); split, each part would import the others' privates.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import functools
import os
import posixpath
import re
import shlex
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from ..core.context import ReadContext, Shipped
from ..core.numbers import decimal
from ..core.record import dataclass, field
from ..core.sources import Discovery
from ..core.span import Setting, Span
from . import HOST, AppServer, Deployment, NginxInstance, ProcessManager
from .base_images import BaseImage, base_image, starts_stock_supervisord, stock_setting, with_apt_nginx
from .graph import HostFolder, Place, Published
from .managers import _resolve_wrapper

# readers/nginx_includes.py's ETC_NGINX, where the official image's nginx keeps its
# configuration; not imported, so that a tree without nginx does not load that reader.
ETC_NGINX = "/etc/nginx"

# The Compose (YAML) and Dockerfile readers are loaded only when such files are checked.
if TYPE_CHECKING:
    from ..readers.compose import ComposeProject
    from ..readers.dockerfile import Dockerfile, Instruction
    from ..readers.yaml_nodes import Node

_DOCKER_DEFAULT = "Docker default"

# Process managers a container may start, which run programs their own configs name.
_MANAGERS = frozenset({"supervisord", "circusd", "honcho", "runsvdir", "s6-svscan"})


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _duration() -> re.Pattern[str]:
    return re.compile(r"(\d+(?:\.\d+)?)(us|ms|s|m|h)")


_MAX_PORT_RANGE = 64


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
    # SHELL's exec form: what runs a shell-form RUN, CMD and ENTRYPOINT after it (None: /bin/sh -c).
    shell: list[str] | None = None
    # A RUN appended `daemon off;` to /etc/nginx/nginx.conf (`echo "daemon off;" >> …`) and no
    # later COPY replaced that file: nginx started without -c stays in the foreground.
    nginx_daemon_off: Setting[bool] | None = None
    # Directories the build makes (WORKDIR, `mkdir` and their parents): a COPY of one file to
    # such a path without a trailing slash puts it inside, as into any directory that exists.
    directories: set[str] = field(default_factory=set)


def _bin_sh(image: Image | None) -> Setting[str]:
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
                 nginx_daemon_off=inherited.nginx_daemon_off, directories=set(inherited.directories))


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
        _apply(image, instruction, context_dir, global_args, arguments)
    if target and image is not None and target.lower() in stages:
        return stages[target.lower()]
    return image or Image(dockerfile.path)


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


def _apply(image: Image, instruction: Instruction, context_dir: str, global_args: dict[str, str],
           arguments: _Arguments | None = None) -> None:
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
        image.user = Setting(_expand(instruction.text.strip(), variables), at)
    elif keyword == "STOPSIGNAL":
        image.stop_signal = Setting(_expand(instruction.text.strip(), variables).upper().removeprefix("SIG"), at)
    elif keyword == "WORKDIR":
        path = _expand(instruction.text.strip(), variables)
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
        _run_directories(instruction.text, image)
        placed = _run_placements(instruction.text, image)
        image.writes.extend((path, f"the RUN at {at.path}:{at.line} (it writes to {path})")
                            for path in _run_writes(instruction.text, placed))
        if image.base is not None and image.base.nginx_includes is None and _apt_installs_nginx(instruction.text):
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
        sources, written = [_expand(w, variables) for w in words[:-1]], _expand(words[-1], variables)
        # A relative destination is relative to the WORKDIR in effect; `.` or a trailing slash
        # names a directory to copy into (DFR "ADD ... Destination"; buildkit's dispatchCopy).
        workdir = image.workdir.value if image.workdir else "/"
        destination = posixpath.join(workdir, written)
        where = f"the {keyword} at {at.path}:{at.line} (of {' '.join(words[:-1])} into {written})"
        if "from" in instruction.flags:   # another stage's or image's files: not in the tree
            image.writes.append((posixpath.normpath(destination), f"{where[:-1]} from {instruction.flags['from']})"))
            return
        for source in sources:
            if "://" in source or any(c in source for c in "*?["):
                image.writes.append((posixpath.normpath(destination), where))
                continue
            # A source is inside the build context even when written absolute (`COPY /nginx.conf`).
            local = os.path.normpath(os.path.join(context_dir, source.lstrip("/")))
            into_dir = written in ("", ".") or written.endswith("/") or len(sources) > 1 or os.path.isdir(local) \
                or posixpath.normpath(destination) in image.directories or posixpath.normpath(destination) in _NGINX_DIRS
            if into_dir and not os.path.isdir(local):
                image.copies[posixpath.normpath(posixpath.join(destination, posixpath.basename(source)))] = local
            else:
                image.copies[posixpath.normpath(destination)] = local
        if NGINX_CONF in image.copies and image.copies[NGINX_CONF] in (
                os.path.normpath(os.path.join(context_dir, source.lstrip("/"))) for source in sources):
            image.nginx_daemon_off = None   # this COPY replaced the file the text was appended to


# Commands of a RUN that leave a directory's set of files as it was (or only remove some).
_KEEPS_FILES = frozenset({"rm", "chmod", "chown", "mkdir", "ls", "test", "[", "cat", "grep", "nginx"})


# Directories the distributions' nginx packages create below /etc/nginx: `ln -s x DIR` (no
# trailing slash) puts the link inside them, as into any directory that exists.
_NGINX_DIRS = frozenset(ETC_NGINX + "/" + name for name in ("conf.d", "sites-enabled", "sites-available",
                                                               "snippets", "http.d", "default.d"))


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


def _made_directory(image: Image, path: str) -> None:
    """``path`` and every directory above it exist in the image."""
    while path not in ("/", "") and path not in image.directories:
        image.directories.add(path)
        path = posixpath.dirname(path)


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


def _run_placements(text: str, image: Image) -> set[int]:
    """``ln [-s] SRC DST``, ``cp SRC DST`` and ``mv SRC DST`` of a RUN whose source is a file
    of the tree a COPY already put in the image: a placement like a COPY, recorded in
    ``image.copies`` (a link is opened as the file it names). Returns the indexes of the
    commands so read, which add nothing unseen. A ``-t``, a glob or a source the tree does
    not hold leaves the command to ``_run_writes``."""
    handled: set[int] = set()
    for index, command in enumerate(_commands(text)):
        words = [word.strip("'\"") for word in command.split()]
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
        into = paths[-1].endswith("/") or len(paths) > 2 or destination in _NGINX_DIRS
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


def _appended_to_nginx_conf(text: str) -> str:
    """What a RUN's ``echo``/``printf`` commands append to /etc/nginx/nginx.conf (``>>``), as
    the shell passes it: quotes removed, ``\\n`` as a new line."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|>")
    lexer.whitespace_split = True
    try:
        words = list(lexer)
    except ValueError:
        return ""
    appended: list[str] = []
    command: list[str] = []
    for word in [*words, ";"]:
        if word not in (";", "&&", "||", "|", "&"):
            command.append(word)
            continue
        if len(command) >= 3 and posixpath.basename(command[0]) in ("echo", "printf") and \
                command[-2] == ">>" and posixpath.normpath(command[-1]) == NGINX_CONF:
            appended.extend(w for w in command[1:-2] if not w.startswith("-"))
        command = []
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


# --------------------------------------------------------------------------- compose services


def _words(node: Node | None) -> list[str] | None:
    """``command``/``entrypoint``: a list verbatim, a string split like go-shellwords (no shell)."""
    if node is None or node.value is None:
        return None
    if isinstance(node.value, list):
        return [item.text for item in node.value]
    from ..readers.compose import split_command

    return split_command(node.text)   # None where Compose refuses it (the reader reports it)


def _environment_entries(node: Node | None) -> list[tuple[str, str | None, Node]]:
    """``environment:`` as (name, value, node); the value is None where the shell that runs
    Compose gives it (``- KEY`` alone, ``KEY:`` with no value)."""
    if node is not None and isinstance(node.value, dict):
        return [(key, child.text if child.value is not None else None, child) for key, child in node.value.items()]
    if node is not None and isinstance(node.value, list):
        return [(key, value if sep else None, item)
                for item in node.value for key, sep, value in [item.text.partition("=")]]
    return []


def _seconds(text: str) -> float | None:
    """A Compose duration (``1m30s``, ``10s``; a bare number is seconds)."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    parts = _duration().findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    scale = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(number) * scale[unit] for number, unit in parts)


def _ports(node: Node | None) -> list[Published]:
    """The TCP ports ``ports:`` publishes, short (``[IP:][HOST:]CONTAINER[/proto]``, ranges
    included) and long syntax (``target``, ``published``, ``host_ip``, ``protocol``)."""
    found: list[Published] = []
    for entry in node.value if node is not None and isinstance(node.value, list) else []:
        if isinstance(entry.value, dict):
            target, published, host_ip = entry.get("target"), entry.get("published"), entry.get("host_ip")
            protocol = entry.get("protocol")
            if protocol is not None and protocol.text.lower() not in ("", "tcp"):
                continue
            if target is not None and str(target.text).isdigit():
                host = published.text if published else ""
                found.append(Published(int(target.text), host_ip.text if host_ip else "",
                                       int(host) if host.isdigit() else 0, entry.at))
            continue
        text, _, protocol_text = entry.text.partition("/")
        if protocol_text.lower() not in ("", "tcp"):
            continue
        host_ip = ""
        if text.startswith("["):
            host_ip, _, text = text[1:].partition("]")
            text = text.lstrip(":")
        parts = text.split(":")
        if len(parts) == 3:
            host_ip, parts = parts[0], parts[1:]
        host_part, container_part = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
        container_ports = _range(container_part)
        host_ports = _range(host_part) if host_part else [0] * len(container_ports)
        if len(host_ports) == 1 and len(container_ports) > 1:
            host_ports = host_ports * len(container_ports)
        for host_port, container_port in zip(host_ports, container_ports, strict=False):
            found.append(Published(container_port, host_ip, host_port, entry.at))
    return found


def _range(text: str) -> list[int]:
    low_text, _, high_text = text.partition("-")
    low = decimal(low_text) if low_text.isdigit() else None
    high = decimal(high_text) if high_text.isdigit() else None
    if low is None or (high_text and high is None):
        return []
    end = high if high is not None else low
    return list(range(low, min(end, low + _MAX_PORT_RANGE) + 1))


def _network(project: ComposeProject, network: str) -> str:
    """The name a service's network has on the engine: ``<project>_<network>`` (the project
    name as Compose makes it: ``ComposeProject.name``), so a project's own networks are its
    alone unless another project names the same; a network declared ``external: true`` or
    with its own ``name:`` is that name, shared by every project that declares it
    (topologies.md §5). An external ``myapp_default`` is so the default network of the
    project Compose names ``myapp``."""
    return "network:" + _engine_name(project.networks.get(network), network, project.name)


def _engine_name(declared: Node | None, name: str, project: str) -> str:
    """The engine's name of a top-level network or volume ``name`` of ``project``."""
    external = declared.get("external") if declared is not None else None
    named = declared.get("name") if declared is not None else None
    if external is not None and named is None:
        named = external.get("name")   # the older ``external: {name: x}``
    if named is not None and named.text:
        return named.text
    if external is not None and external.value is True:
        return name
    return f"{project}_{name}"


def _below_any(path: str, folders: list[str]) -> bool:
    return any(path == folder or path.startswith(folder.rstrip("/") + "/") for folder in folders)


@dataclass
class _Service:
    name: str
    node: Node
    key: str                                   # project/service: its own namespace and file system
    image: Image | None = None
    volumes: list[tuple[str, str]] = field(default_factory=list)
    networks: tuple[str, ...] = ()
    hostnames: tuple[str, ...] = ()
    lookup: tuple[tuple[str, ...], str] = ((), "")    # Place.extra_names and Place.names_open


def _name_lookup(node: Node, project: ComposeProject, networks: list[str]) -> tuple[tuple[str, ...], str]:
    """The names a service's ``/etc/hosts`` gets from ``extra_hosts:`` and ``external_links:``,
    and why a name no service of the files answers to may resolve there all the same: a network
    other projects' containers may join (``external: true`` or a fixed ``name:``), a resolver or
    search domain of its own (``dns:``, ``dns_search:``), a definition partly in other files
    (``extends:``, the project's ``include:``), ``network_mode``. "" when none: its names are then
    the files' services' and whatever the host's DNS answers, to which Docker's embedded DNS
    forwards every other name (topologies.md §5)."""
    names: list[str] = []
    for key in ("extra_hosts", "external_links"):
        entries = node.get(key)
        if entries is not None and isinstance(entries.value, dict):
            names += list(entries.value)
        elif entries is not None and isinstance(entries.value, list):
            for entry in entries.value:
                name, _, rest = entry.text.replace("=", ":", 1).partition(":")
                names += [name] if key == "extra_hosts" else [name, rest]
    set_here = [key for key in ("network_mode", "dns", "dns_search", "extends")
                if (value := node.get(key)) is not None and value.value not in (None, "", [])]
    why = f"its {set_here[0]}" if set_here else ""
    for network in networks if not why else []:
        declared = project.networks.get(network)
        external = declared.get("external") if declared is not None else None
        if declared is not None and (declared.get("name") is not None
                                     or external is not None and external.value not in (False, None)):
            why = f"its network {network} is one other projects' containers may join (external or named)"
            break
    if not why and project.includes:
        why = "its project includes other Compose files"
    return tuple(name for name in names if name), why


class _ProjectBuilds:
    """The images a Compose project builds, each once, and the names Compose tags them with:
    a service's ``image:`` when it also has ``build:``, else ``<project>_<service>`` (Compose
    v1) or ``<project>-<service>`` (v2). A Dockerfile ``FROM`` one of those names starts from
    that build, as the project's own ``depends_on`` on the base service arranges. Where the
    project name is only the checked folder's (no ``name:``, no COMPOSE_PROJECT_NAME in a
    .env the tree holds), the name it runs under is not known, so any prefix is taken.
    Bounded: a build is made once, a cycle of FROMs (which no engine builds) breaks off, and
    a chain is at most ``_MAX_DEPTH`` builds deep."""

    _MAX_DEPTH = 8

    def __init__(self, project: ComposeProject,
                 build: Callable[[Node, ComposeProject, Callable[[str], Image | None]], Image | None]) -> None:
        self.project, self.build = project, build
        self.images: dict[str, Image | None] = {}
        self.building: list[str] = []

    def image(self, service: str) -> Image | None:
        if service in self.images:
            return self.images[service]
        if service in self.building or len(self.building) >= self._MAX_DEPTH:
            return None
        self.building.append(service)
        try:
            image = self.build(self.project.services[service], self.project, self.tagged)
        finally:
            self.building.pop()
        self.images[service] = image
        return image

    def tagged(self, written: str) -> Image | None:
        """The image of the service whose build Compose tags ``written``; None if none does."""
        name = written.lower().removesuffix(":latest")
        for service, node in self.project.services.items():
            if node.get("build") is None:
                continue
            given = node.get("image")
            if given is not None:
                matches = given.text.lower().removesuffix(":latest") == name
            elif self.project.name_from == "directory":
                matches = len(name) > len(service) + 1 and name.endswith(service.lower()) and \
                    name[-len(service) - 1] in "_-" and "/" not in name and ":" not in name
            else:
                matches = name in (f"{self.project.name}_{service}".lower(), f"{self.project.name}-{service}".lower())
            if matches:
                return self.image(service)
        return None


def _below(real: str, root: str) -> str | None:
    """``real``'s path below ``root`` ("" for the root itself), None outside it."""
    inside = os.path.relpath(real, root)
    if inside == ".." or inside.startswith(".." + os.sep):
        return None
    return "" if inside == "." else inside.replace(os.sep, "/")


def _appended_daemon_off(manager: ProcessManager, image: Image | None, place: Place) -> None:
    """nginx started in ``place`` without -c reads /etc/nginx/nginx.conf, to which the image's
    build appended `daemon off;` (unless a volume puts another file there)."""
    argv = manager.argv.value if manager.argv else []
    if manager.runs_program == "nginx" and image is not None and image.nginx_daemon_off is not None and \
            not any(word == "-c" or word.startswith("-c/") for word in argv) and \
            not any(NGINX_CONF == target or NGINX_CONF.startswith(target.rstrip("/") + "/")
                    for target, _ in place.volumes):
        manager.stays_foreground = image.nginx_daemon_off


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


def _inherit_unseen(manager: ProcessManager, container: ProcessManager) -> None:
    """What supervisord in ``container`` passes on that the files do not show, under what
    the program sets itself."""
    manager.environment_unknown = {**{name: setting for name, setting in container.environment_unknown.items()
                                      if name not in manager.environment}, **manager.environment_unknown}
    manager.environment_unseen = manager.environment_unseen or container.environment_unseen


class ContainerBuilder:
    """Reads Compose projects and Dockerfiles into places and managers, and afterwards
    places the nginx instances and app servers they run."""

    def __init__(self, ctx: ReadContext, deployment: Deployment) -> None:
        self.ctx = ctx
        self.deployment = deployment
        self.file_places: list[tuple[str, Place]] = []   # a local file or directory inside a place
        self.read_dockerfiles: set[str] = set()
        self.nginx_images: dict[str, Span] = {}   # nginx image tag -> where an image names it
        self.bases: list[tuple[Place, BaseImage]] = []   # each container's image base
        self.supervisor_files: dict[str, str] = {}       # display path -> local path of each Supervisor file
        self.seen_starts: set[Place] = set()   # containers whose files show all their start runs
        # Per container of an image whose nginx files are known: (path, why) where the build or
        # a volume may put files the checked tree does not hold.
        self.unseen_writes: dict[Place, list[tuple[str, str]]] = {}
        self.place_images: dict[Place, Image] = {}   # each container's image, where the files build one
        # Compose services a devcontainer.json names (model/dev_containers.py), read before the projects.
        self.dev_containers: dict[tuple[str, str], Setting[str]] = {}

    def read(self, discovery: Discovery) -> None:
        self.supervisor_files.update({self.ctx.display(source.path): os.path.abspath(source.path)
                                      for source in discovery.of_kind("supervisor")})
        compose_files = [source.path for source in discovery.of_kind("compose")]
        if discovery.of_kind("devcontainer"):
            from .dev_containers import declared_dev_containers
            self.dev_containers = declared_dev_containers(discovery, self.ctx, self.deployment)
        if compose_files:
            from ..readers.compose import read_project
            from ..readers.compose_projects import projects_of
            from .compose_deps import compose_dependencies

            projects = []
            for grouped in projects_of(compose_files, self.ctx):
                project = read_project(grouped.files, self.ctx)
                if grouped.services is not None:
                    # An override over its base: the base's own files are read as the base's
                    # project already; what this one adds is the override's services.
                    shown = self.ctx.display(grouped.files[-1])
                    project.problems = [p for p in project.problems if p.at.path == shown]
                else:
                    projects.append(project)
                self.deployment.problems.extend(project.problems + grouped.notes)
                self._project(project, grouped.services)
            self.deployment.compose_dependencies = compose_dependencies(projects, self.ctx)
        for source in discovery.of_kind("dockerfile"):
            if self.ctx.real(source.path) in self.read_dockerfiles:
                continue
            display = self.ctx.display(source.path)
            image = self._image(source.path, os.path.dirname(source.path))
            place = Place(display, "container", network=f"image:{display}", mounts=f"image:{display}",
                          label=f"the image of {display}", started_with=display, run_unseen=True)
            self._mount(place, image.copies)
            self._manager("docker", display, Span(display, 1), place, image, None)
        self._nginx_version()

    def _nginx_version(self) -> None:
        """An nginx image tag says which nginx runs (``nginx:1.19.0-alpine``): it stands in for an
        assumed version, never for one given on the command line or installed on the host."""
        host = self.deployment.host
        tags = {tag.split("-", 1)[0]: (tag, at) for tag, at in self.nginx_images.items()
                if re.fullmatch(r"\d+\.\d+(\.\d+)?(-[\w.]+)?", tag)}
        if "nginx" not in host.assumed_versions or len(tags) != 1:
            return
        version, (tag, at) = next(iter(tags.items()))
        host.versions["nginx"] = Setting(version, at, f"the image nginx:{tag} in {at.path}")
        host.assumed_versions.discard("nginx")

    def _image(self, path: str, context_dir: str, target: str = "",
               build_args: dict[str, str | None] | None = None,
               built: Callable[[str], Image | None] | None = None) -> Image:
        from ..readers.dockerfile import read_dockerfile

        self.read_dockerfiles.add(self.ctx.real(path))
        dockerfile = read_dockerfile(path, self.ctx)
        self.deployment.problems.extend(dockerfile.problems)
        for instruction in dockerfile.instructions:
            words = instruction.words
            if instruction.keyword == "FROM" and words and words[0].rsplit("/", 1)[-1].startswith("nginx:"):
                self.nginx_images.setdefault(words[0].rsplit("/", 1)[-1].split(":", 1)[1], instruction.at)
        return image_of(dockerfile, context_dir, target, build_args, built)

    def _build(self, service: Node, project: ComposeProject,
               built: Callable[[str], Image | None] | None = None) -> Image | None:
        build = service.get("build")
        if build is None:
            return None
        context, dockerfile, target = build.text, "Dockerfile", ""
        build_args: dict[str, str | None] = {}
        if isinstance(build.value, dict):
            # `- KEY` alone or a value interpolated from the shell: the shell that runs Compose gives it.
            build_args = {key: None if given is None or item.tag == "!unresolved" else given
                          for key, given, item in _environment_entries(build.get("args"))}
            context = build.get("context").text if build.get("context") else "."   # type: ignore[union-attr]
            dockerfile = build.get("dockerfile").text if build.get("dockerfile") else dockerfile   # type: ignore[union-attr]
            target = build.get("target").text if build.get("target") else ""   # type: ignore[union-attr]
        if "://" in context or not self.ctx.inside(os.path.join(project.directory, context)):
            return None
        context_dir = os.path.normpath(os.path.join(project.directory, context))
        path = os.path.normpath(os.path.join(context_dir, dockerfile))
        if not os.path.isfile(path) and os.path.basename(path) == "Dockerfile":
            # BuildKit reads a lowercase `dockerfile` when `Dockerfile` is missing (moby/moby#10858;
            # ReadEntrypointFiles in moby/buildkit frontend/dockerui/config.go).
            path = os.path.join(os.path.dirname(path), "dockerfile")
        return self._image(path, context_dir, target, build_args, built) if os.path.isfile(path) else None

    def _project(self, project: ComposeProject, only: frozenset[str] | None = None) -> None:
        """The containers of a project's services (``only``: of those services alone)."""
        services: dict[str, _Service] = {}
        builds = _ProjectBuilds(project, self._build)
        for name, node in project.services.items():
            # Compose names a container by project name and service, not by folder: two files
            # of one project name configure one container (graph.Place.same_container).
            service = _Service(name, node, f"{project.name}/{name}", builds.image(name))
            networks = node.get("networks")
            names = list(networks.value) if networks is not None and isinstance(networks.value, dict) else \
                [item.text for item in networks.value] if networks is not None and isinstance(networks.value, list) \
                else ["default"]
            service.networks = tuple(_network(project, network) for network in names)
            hostnames = [name] + [node.get(k).text for k in ("container_name", "hostname")   # type: ignore[union-attr]
                                  if node.get(k) is not None]
            if networks is not None and isinstance(networks.value, dict):
                for entry in networks.value.values():
                    aliases = entry.get("aliases")
                    if aliases is not None and isinstance(aliases.value, list):
                        hostnames += [alias.text for alias in aliases.value]
            service.hostnames = tuple(hostnames)
            service.lookup = _name_lookup(node, project, names)
            service.volumes = self._volumes(node, project)
            services[name] = service
        for node in project.services.values():
            # `links: [web:app]`: the linking service reaches web as `app` too (taken as a name of web).
            links = node.get("links")
            for item in links.value if links is not None and isinstance(links.value, list) else []:
                linked, _, alias = item.text.partition(":")
                if alias and linked in services and alias not in services[linked].hostnames:
                    services[linked].hostnames += (alias,)
        places: dict[str, Place] = {}
        modelled = {name: service for name, service in services.items() if only is None or name in only}
        for name, service in modelled.items():
            places[name] = self._place(service, services, project)
        for name, service in modelled.items():
            image = service.image
            written = service.node.get("image")
            if written is not None and written.text.rsplit("/", 1)[-1].startswith("nginx:") and written.at is not None:
                self.nginx_images.setdefault(written.text.rsplit("/", 1)[-1].split(":", 1)[1], written.at)
            if image is None and written is not None and service.node.get("build") is None:
                image = image_from_base("", base_image(written.text, written.at))
            if image is not None:
                self._mount(places[name], image.copies)
            self._manager("compose", name, service.node.key_at or service.node.at, places[name], image, service.node,
                          project.directory)

    def _volumes(self, node: Node, project: ComposeProject) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        volumes = node.get("volumes")
        for entry in volumes.value if volumes is not None and isinstance(volumes.value, list) else []:
            if isinstance(entry.value, dict):
                source_node, target_node = entry.get("source"), entry.get("target")
                source = source_node.text if source_node is not None else ""
                target = target_node.text if target_node is not None else ""
            else:
                parts = entry.text.split(":")
                source, target = (parts[0], parts[1]) if len(parts) >= 2 else ("", parts[0])
            if not target or not source:
                continue   # an anonymous volume: this container's alone
            if source.startswith((".", "/", "~")):
                local = os.path.normpath(os.path.join(project.directory, source))
                found.append((posixpath.normpath(target), f"bind:{local}"))
                folder = self._host_folder(source, local, entry.at)
                if folder is not None:
                    self.deployment.host_folders.setdefault(f"bind:{local}", folder)
            else:
                # A named volume is the engine's ``<project>_<volume>`` (or its ``name:``, or the
                # external one): one store for every service, and project, that mounts it.
                engine = _engine_name(project.volumes.get(source), source, project.name)
                found.append((posixpath.normpath(target), f"volume:{engine}"))
        return found

    def _host_folder(self, source: str, local: str, at: Span) -> HostFolder | None:
        """Where a bind mount's source is on the target host: its written path when absolute,
        the local one on this machine (or below a snapshot's root); in a repository, its path
        in the checked tree, whose place on the target host is unknown. ``~`` is some user's
        home: unknown."""
        if source.startswith("/"):
            return HostFolder(posixpath.normpath(source), True, at)
        if source.startswith("~"):
            return None
        real = os.path.realpath(local)
        if self.ctx.mode == "live":
            return HostFolder(real, True, at)
        if self.ctx.mode == "snapshot":
            root = os.path.realpath(self.ctx.root)
            inside = _below(real, root)
            return None if inside is None else HostFolder("/" + inside, True, at)
        for root in self.ctx.roots or ():
            inside = _below(real, root)
            if inside is not None:
                return HostFolder(inside, False, at)
        return None

    def _place(self, service: _Service, services: dict[str, _Service], project: ComposeProject) -> Place:
        mode = service.node.get("network_mode")
        network, networks, hostnames = service.key, service.networks, service.hostnames
        if mode is not None and mode.value:
            networks, hostnames = (), ()
            kind, _, other = mode.text.partition(":")
            joined = services.get(other) if kind == "service" else next(
                (s for s in services.values() if kind == "container" and other in s.hostnames[1:2]), None)
            if mode.text == "host":
                network = HOST.loopback
            elif joined is not None:
                network, networks = joined.key, joined.networks
        volumes = list(service.volumes)
        volumes_from = service.node.get("volumes_from")
        for item in volumes_from.value if volumes_from is not None and isinstance(volumes_from.value, list) else []:
            other_service = services.get(item.text.split(":")[0])
            if other_service is not None:
                volumes += other_service.volumes
        published = tuple(_ports(service.node.get("ports"))) if network != HOST.loopback else ()
        place = Place(service.name, "container", network=network, mounts=service.key, volumes=tuple(volumes),
                      networks=networks, hostnames=hostnames, published=published,
                      label=f"Compose service {service.name}",
                      numbered="" if service.node.get("container_name") is not None else service.name,
                      started_with=" + ".join(self.ctx.display(path) for path in project.files),
                      extra_names=service.lookup[0], names_open=service.lookup[1],
                      dev_container=self._dev_container(project, service.name))
        self.deployment.places.append(place)
        for target, store in service.volumes:
            if store.startswith("bind:"):
                self._mount(place, {target: store[len("bind:"):]}, bind=True)
        return place

    def _dev_container(self, project: ComposeProject, service: str) -> Setting[str] | None:
        if not self.dev_containers:
            return None
        from .dev_containers import dev_container_of
        return dev_container_of(self.dev_containers, project.files, service)

    def _mount(self, place: Place, paths: dict[str, str], bind: bool = False) -> None:
        for target, local in paths.items():
            if os.path.exists(local) and self.ctx.inside(local):
                self.ctx.map_container_path(place.filesystem, target, local, bind)
                self.file_places.append((os.path.abspath(local), place))

    def _manager(self, kind: str, name: str, at: Span, place: Place, image: Image | None, node: Node | None,
                 directory: str | None = None) -> None:
        manager = ProcessManager(kind, name, at, place=place)
        self._shipped(place, image)

        def compose(key: str) -> Node | None:
            value = node.get(key) if node is not None else None
            return value if value is not None and value.tag != "!unresolved" else None

        entry_node, command_node = compose("entrypoint"), compose("command")
        entrypoint, command = _words(entry_node), _words(command_node)
        refused = any(n is not None and n.value is not None and w is None
                      for n, w in ((entry_node, entrypoint), (command_node, command)))
        argv: Setting[list[str]] | None
        if refused:
            argv = None   # Compose refuses the project and starts nothing: no command is guessed
        elif entrypoint == [] and command is None and image is not None and image.cmd is not None:
            # `entrypoint: ""` or `[]` empties the image's ENTRYPOINT, and the engine then keeps the
            # image's CMD when no command is given (moby daemon/commit.go `merge`: an empty
            # Entrypoint with an empty Cmd takes the image's Cmd; docker/compose#5272).
            argv = image.cmd
        elif entrypoint is not None:
            argv = Setting(entrypoint + (command or []), entry_node.at)   # type: ignore[union-attr]
        else:
            image_entry = image.entrypoint if image else None
            if image is not None and image.base is not None and image.base.entrypoint_execs and \
                    image_entry is not None and not image.entrypoint_shell and \
                    image_entry.value == list(image.base.entrypoint or ()):
                image_entry = None   # the image's script execs its arguments: PID 1 is the command
            image_cmd = image.cmd if image else None
            cmd = Setting(command, command_node.at) if command is not None else image_cmd   # type: ignore[union-attr]
            if image_entry is not None and image is not None and image.entrypoint_shell:
                argv = image_entry   # a shell-form ENTRYPOINT ignores CMD (DFR 2350-2376)
            elif image_entry is not None:
                argv = Setting(image_entry.value + (cmd.value if cmd else []), image_entry.at)
            else:
                argv = cmd
        if argv is not None and argv.value:
            manager.argv = argv
        user = compose("user")
        manager.user = Setting(user.text, user.at) if user is not None else image.user if image else None
        workdir = compose("working_dir")
        manager.directory = Setting(workdir.text, workdir.at) if workdir is not None else \
            image.workdir if image else None
        if manager.directory is None and (node is None or node.get("working_dir") is None) and \
                image is not None and image.base is not None and image.base.known:
            # No WORKDIR in the build nor its known base: Docker starts the command in `/`.
            manager.directory = Setting("/", None, f"{_DOCKER_DEFAULT} (no WORKDIR in the image)")
        manager.environment = dict(image.env) if image else {}
        manager.environment_unknown = dict(image.env_unknown) if image else {}
        if image is not None and image.base is not None and not image.base.known:
            manager.environment_unseen = Setting(image.base.written, image.base.at,
                                                 f"the base image {image.base.written} may set variables the "
                                                 "files do not show")
        if node is not None and directory is not None:
            self._env_files(manager, node, directory)
        environment = compose("environment")
        for key, given, item in _environment_entries(environment):
            if given is None or item.tag == "!unresolved":
                # `- KEY` alone, or a value Compose interpolates from the shell that runs it.
                manager.environment.pop(key, None)
                manager.environment_unknown.pop(key, None)
                manager.environment_unseen = manager.environment_unseen or Setting(
                    key, item.at, f"{key} comes from the shell that runs Compose, which the files do not show")
            else:
                manager.environment[key] = Setting(given, item.at)
                manager.environment_unknown.pop(key, None)
        if image is not None and image.base is not None:
            self.bases.append((place, image.base))
        signal = compose("stop_signal")
        manager.stop_signal = Setting(signal.text.upper().removeprefix("SIG"), signal.at) if signal is not None else \
            (image.stop_signal if image and image.stop_signal else Setting("TERM", None, _DOCKER_DEFAULT))
        grace = compose("stop_grace_period")
        seconds = _seconds(grace.text) if grace is not None else None
        manager.stop_timeout = Setting(seconds, grace.at) if seconds is not None and grace is not None else \
            Setting(10.0, None, _DOCKER_DEFAULT)
        # `docker stop` signals PID 1 only; `init: true` puts an init there that forwards to its child.
        manager.kills_group = Setting(False, None, "docker stop signals the container's PID 1 only")
        written_image = node.get("image") if node is not None else None
        options: dict[str, Setting[Any]] = {}
        if image is None or not image.dockerfile and written_image is not None:
            # The image's CMD, USER, STOPSIGNAL... are not in the checked files.
            shown = written_image.text if written_image is not None else "?"
            options["image"] = Setting(shown, written_image.at if written_image else None,
                                       "its Dockerfile is not among the checked files")
        for key in ("stop_signal", "stop_grace_period", "user", "init", "restart"):
            value = compose(key)
            if value is not None:
                options[key] = Setting(value.text, value.at)
        if manager.argv is not None:
            start_dir = manager.directory.value if manager.directory else None
            with self.ctx.in_filesystem(place.filesystem):
                if _resolve_wrapper(manager, manager.argv.value, manager.argv.at, self.ctx, start_dir,
                                    _bin_sh(image)):
                    self.seen_starts.add(place)
            if manager.wrapper is not None:
                options["command"] = Setting(" ".join(manager.argv.value), manager.argv.at)
            _appended_daemon_off(manager, image, place)
        manager.options = options
        self.deployment.managers.append(manager)
        if manager.argv is None:
            return
        moved = self._supervisor_programs_moved_in(manager, image)
        if not moved and image is not None and image.base is not None and \
                starts_stock_supervisord(image.base, manager.argv.value, set(image.copies)):
            self._stock_programs(manager, image.base)

    def _shipped(self, place: Place, image: Image | None) -> None:
        """Record what the image's own nginx package puts in /etc/nginx (the official nginx
        image), with each place below which something the files do not show may add files:
        a volume whose contents are not in the checked tree, a RUN or a COPY of files not in
        it, and for an image no Compose service runs, a volume ``docker run`` may mount.
        A bind mount of a tree folder over /etc/nginx (or a folder of it, such as conf.d)
        hides what the image has there: only the folder's own files are there, whatever
        the image (the engine mounts over the image's file system at start)."""
        if image is not None:
            self.place_images[place] = image
        base = image.base if image is not None else None
        covered = ""   # the widest bind mount of a checked folder at or above /etc/nginx
        hidden: list[str] = []   # folders below /etc/nginx that such a mount replaces
        for target, store in place.volumes:
            local = store[len("bind:"):] if store.startswith("bind:") else ""
            if not (local and os.path.isdir(local) and self.ctx.inside(local)):
                continue
            if ETC_NGINX == target or ETC_NGINX.startswith(target.rstrip("/") + "/"):
                covered = target if not covered or len(target) < len(covered) else covered
            elif target.startswith(ETC_NGINX + "/"):
                hidden.append(target)
        if image is None or (base is None or base.nginx_files is None) and not covered:
            return
        names = base.nginx_files if base is not None and base.nginx_files is not None else frozenset()
        source = (f"its nginx package puts only {', '.join(sorted(names))} there" if names else
                  "what its nginx package puts there is not known")
        if covered:
            names = frozenset()
            source = f"{self._mounted_over(place, covered)}, hiding the image's own files"
        elif hidden:
            names = frozenset(name for name in names if not any(
                posixpath.join(ETC_NGINX, name).startswith(folder.rstrip("/") + "/") for folder in hidden))
            source += "; " + ", ".join(f"{self._mounted_over(place, folder)}, hiding the image's files there"
                                       for folder in hidden)
        # What a RUN or COPY of the build put below a mounted folder is hidden too.
        unseen = [(path, why) for path, why in (image.writes if image is not None else [])
                  if not _below_any(path, [covered] if covered else hidden)]
        for target, store in place.volumes:
            local = store[len("bind:"):] if store.startswith("bind:") else ""
            if local and os.path.exists(local) and self.ctx.inside(local):
                continue   # its files are the checked ones, found where nginx opens them
            shown = self.ctx.display(local) if local else store.partition(":")[2]
            unseen.append((target, f"{shown} (mounted at {target}, not in the checked files)"))
        self.unseen_writes[place] = list(unseen)
        if place.run_unseen:
            unseen.append(("/", f"a volume of `docker run` (nothing in the checked files runs {place.label})"))
        written = base.written if base is not None else "?"
        self.ctx.shipped[(place.filesystem, ETC_NGINX)] = Shipped(
            names, written, source, tuple((path, f"{why} puts it there") for path, why in unseen))

    def _mounted_over(self, place: Place, target: str) -> str:
        local = next(store[len("bind:"):] for path, store in place.volumes if path == target)
        return f"{self.ctx.display(local) or '.'} is mounted over {target}"

    def _env_files(self, manager: ProcessManager, node: Node, directory: str) -> None:
        """``env_file:`` (a path, a list of paths or of ``{path, required}``), read as Compose
        reads ``.env`` when the checked tree holds it; one it does not hold may set anything."""
        from ..readers.compose import read_dotenv

        env_file = node.get("env_file")
        if env_file is None or env_file.value is None:
            return
        for entry in env_file.value if isinstance(env_file.value, list) else [env_file]:
            path = entry.get("path") if isinstance(entry.value, dict) else entry
            if path is None or not path.text:
                continue
            local = os.path.normpath(os.path.join(directory, path.text))
            readable = path.tag != "!unresolved" and self.ctx.inside(local) and os.path.isfile(local)
            text = self.ctx.read(local, peek=True).text if readable else None
            if text is None:
                manager.environment_unseen = manager.environment_unseen or Setting(
                    path.text, path.at, f"env_file {path.text} is not in the checked files")
                continue
            variables = read_dotenv(text)
            manager.environment.update({key: Setting(value, path.at) for key, value in variables.items()})
            for key in variables:
                manager.environment_unknown.pop(key, None)

    def _supervisor_programs_moved_in(self, container: ProcessManager, image: Image | None) -> bool:
        """A container whose command runs supervisord, with a Supervisor config of the tree
        copied or mounted in, runs that config's programs (as an nginx config copied into the
        service that runs nginx runs there): in its place, with its environment, which
        supervisord passes on under each program's own ``environment=``."""
        argv = container.argv.value if container.argv else []
        words = [token for word in argv for token in re.split(r"[\s;&|()]+", word)]
        if not any(word.rsplit("/", 1)[-1] == "supervisord" for word in words):
            return False
        inside = [local for local, place in self.file_places if place is container.place]
        read = self._read_by_stock_supervisord(container, image, words)
        moved = False
        for manager in self.deployment.managers:
            local = self.supervisor_files.get(manager.at.path)
            if manager.kind != "supervisor" or manager.place is not HOST or local is None or not any(
                    local == path or local.startswith(path.rstrip(os.sep) + os.sep) for path in inside):
                continue
            if read is not None and not read(local):
                continue
            manager.place = container.place
            manager.environment = {**container.environment, **manager.environment}
            _inherit_unseen(manager, container)
            if image is not None and image.base is not None:
                manager.stock_files = dict(image.base.files)
            _appended_daemon_off(manager, image, container.place)
            moved = True
        return moved

    def _read_by_stock_supervisord(self, container: ProcessManager, image: Image | None,
                                   words: list[str]) -> Callable[[str], bool] | None:
        """Which tree files a ``supervisord`` started without ``-c`` reads in an image of a known
        base: a ``supervisord.conf`` where it searches (supervisor/options.py: beside its
        binary, the start directory, /etc, /etc/supervisor), and the folders the distributions'
        stock files include (Debian's /etc/supervisor/conf.d/*.conf, Red Hat's
        /etc/supervisord.d/*.ini). A Supervisor file copied elsewhere (``COPY . /code``) is
        not loaded. None: no limit known (``-c``, a tree ``supervisord.conf`` whose
        ``[include]`` may name any file, a base image whose files are not known)."""
        base = image.base if image is not None else None
        if image is None or base is None or not base.known or any(
                word == "-c" or word.startswith(("-c", "--configuration")) for word in words):
            return None
        targets: dict[str, list[str]] = {}
        mounts = [*image.copies.items(), *((target, store[len("bind:"):]) for target, store in container.place.volumes
                                           if store.startswith("bind:"))]
        for local in set(self.supervisor_files.values()):
            for target, source in mounts:
                source = os.path.abspath(source)
                if local == source or local.startswith(source.rstrip(os.sep) + os.sep):
                    inner = os.path.relpath(local, source).replace(os.sep, "/")
                    targets.setdefault(local, []).append(posixpath.normpath(posixpath.join(target, inner)))
        if any(posixpath.basename(path) == "supervisord.conf" for paths in targets.values() for path in paths):
            return None

        def loaded(local: str) -> bool:
            return any(posixpath.dirname(path) == "/etc/supervisor/conf.d" and path.endswith(".conf")
                       or posixpath.dirname(path) == "/etc/supervisord.d" and path.endswith(".ini")
                       for path in targets.get(local, ()))
        return loaded

    def _stock_programs(self, container: ProcessManager, base: BaseImage) -> None:
        """The programs the base image's own supervisord starts in the container, with the
        container's environment (supervisord passes its own on) and the image's files."""
        for program in base.programs:
            manager = ProcessManager("supervisor", program.name, base.at or container.at, place=container.place)
            manager.argv = stock_setting(base, list(program.argv), f"[program:{program.name}] of {base.supervisord_config}")
            manager.environment = dict(container.environment)
            _inherit_unseen(manager, container)
            manager.stop_signal = stock_setting(base, program.stop_signal, f"stopsignal of [program:{program.name}]")
            manager.stop_timeout = stock_setting(base, program.stop_timeout, f"stopwaitsecs of [program:{program.name}]")
            manager.kills_group = Setting(False, None, "supervisord default (stopasgroup=false)")
            manager.stock_files = dict(base.files)
            if program.foreground:
                manager.stays_foreground = stock_setting(base, True, program.foreground)
            _resolve_wrapper(manager, list(program.argv), None, None, None)
            self.deployment.managers.append(manager)

    def place_servers(self) -> None:
        """After the app servers are built: each runs where its manager starts it; an nginx
        config mounted or copied into a container runs there."""
        unknown = [(place, base) for place, base in self.bases if not base.known or base.computed]
        for manager in self.deployment.managers:
            if manager.runs is not None and manager.place is not HOST:
                manager.runs.place = manager.place
            base = next((base for place, base in unknown if place is manager.place), None)
            if manager.runs is not None and base is not None:
                manager.runs.unseen_base = Setting(base.written, base.at, base.unknown_note())
        for server in self.deployment.app_servers:
            # A config copied into an image that nothing in the files starts: the base's own start may.
            if server.manager is not None or not server.sources or server.unseen_base is not None:
                continue
            source = os.path.abspath(server.sources[0])
            base = next((base for local, file_place in self.file_places for place, base in unknown
                         if place is file_place and (source == local or source.startswith(local.rstrip(os.sep) + os.sep))),
                        None)
            if base is not None:
                server.unseen_base = Setting(base.written, base.at, base.unknown_note())
        # A container whose start the files show running another server (a development server,
        # Gunicorn, nginx) runs that, not a config copied in.
        placed: dict[Place, list[ProcessManager]] = {}
        for manager in self.deployment.managers:
            placed.setdefault(manager.place, []).append(manager)
        running_other = {place for place, managers in placed.items() if self._only_start(place, managers) is not None}
        for server in self.deployment.app_servers:
            if server.sources and server.place is HOST:
                # A managed server's files copied into an image nothing runs: the image may run
                # its manager too (supervisord starting nginx and Gunicorn in one container).
                source = os.path.abspath(server.sources[0])
                server.copied_into = tuple(dict.fromkeys(
                    place for local, place in self.file_places if place not in running_other
                    and (server.manager is None or place.run_unseen)
                    and (source == local or source.startswith(local.rstrip(os.sep) + os.sep))))
        # nginx as the started program, or a daemon its start script starts (`service nginx restart`).
        nginx_places = {manager.place for manager in self.deployment.managers if manager.runs_program == "nginx"
                        or any(service.value == "nginx" for service in manager.services_started)}
        dropped: dict[str, str] = {}
        for instance in self.deployment.nginx:
            main = os.path.abspath(instance.main.path)
            places = dict.fromkeys(place for local, place in self.file_places if place in nginx_places and
                                   (main == local or main.startswith(local.rstrip(os.sep) + os.sep)))
            # The first container whose nginx loads it; a container's nginx that does not read
            # the file there does not make it part of that container.
            place, note, left_out = None, "", ""
            for candidate in places:
                loads, why = self._stock_nginx_loads(instance, candidate)
                if loads:
                    place, note = candidate, why
                    break
                left_out = left_out or why
            if place is None:
                if left_out:   # the tree's own nginx.conf runs there and leaves it out: nothing runs it
                    dropped[self.ctx.real(instance.main.path)] = left_out
                continue
            if note:
                instance.assumed.setdefault(instance.main.path, note)
            instance.place = place
            instance.mount_only_parents = self._mount_only_parents(instance, place)
            shipped = self.ctx.shipped.get((place.filesystem, ETC_NGINX))
            instance.stock_files = shipped.names if shipped is not None else None
            for route in instance.routes:
                route.place = place
            if instance.standalone and instance.user.at is None:
                instance.user = self._stock_nginx_user(place) or instance.user
        if dropped:
            self.deployment.nginx = [instance for instance in self.deployment.nginx
                                     if self.ctx.real(instance.main.path) not in dropped]
            self.deployment.files = [dataclasses.replace(f, reason=f"{f.reason}; {dropped[self.ctx.real(f.path)]}")
                                     if f.kind == "nginx" and self.ctx.real(f.path) in dropped else f
                                     for f in self.deployment.files]
        self._place_reached_configs(placed)
        from .compose_ports import listeners_shown
        self.deployment.listeners_shown = listeners_shown(self.deployment, self.ctx, self.seen_starts,
                                                          self.unseen_writes)

    def _place_reached_configs(self, placed: dict[Place, list[ProcessManager]]) -> None:
        """A config no manager starts, copied or mounted into a container that nginx reaches by
        that container's name and one of the config's ports (`uwsgi_pass web:8000` to the
        `socket = :8000` of the ini bind-mounted into service web), runs in that container: a
        Python app server is not left on a host that has none. Where several containers are
        reached so, which one runs it is unknown (``AppServer.places_unknown``). Only a
        container whose start may run it is one: a start the files do not show (then the
        assumption is kept in ``AppServer.place_assumed``) or a process manager; not one whose
        start the files show running another server (Gunicorn, a development server, nginx)."""
        # Not Deployment.routes: that list is kept once the model is complete, which it is not yet.
        wanted = {(host, port) for instance in self.deployment.nginx for route in instance.routes
                  for target in route.targets
                  for host, port in [(target.address.host, target.address.port)]
                  if target.address.family == "inet" and host and not target.address.is_loopback}
        if not wanted:
            return
        for server in self.deployment.app_servers:
            if server.manager is not None or server.place is not HOST or not server.copied_into:
                continue
            ports = {listener.address.port for listener in server.listeners
                     if listener.address.family == "inet" and not listener.address.is_loopback}
            reached = [place for place in server.copied_into if place.kind == "container" and any(
                port in ports and place.answers(host) for host, port in wanted)]
            starts = {place: self._may_start(place, placed.get(place, [])) for place in reached}
            reached = [place for place in reached if starts[place] is not None]
            if len(reached) == 1:
                server.place = reached[0]
                note = starts[reached[0]]
                if note:
                    server.place_assumed = Setting(reached[0].label or reached[0].name, server.at, note)
            elif reached:
                server.places_unknown = tuple(reached)

    def _may_start(self, place: Place, placed: list[ProcessManager]) -> str | None:
        """Whether the start of ``place`` may run a config nothing else starts: None when the
        files show all it starts and that is another server (``_only_start``); "" when it is a
        process manager that may be told to; else the assumption made in running it there."""
        if self._only_start(place, placed) is not None:
            return None
        if any(manager.runs_program in _MANAGERS for manager in placed):
            return ""
        shown = next((manager.wrapper or (manager.argv.at if manager.argv else None)
                      for manager in placed if manager.wrapper or manager.argv), None)
        start = f"its start ({shown.path}:{shown.line})" if shown is not None else "its start"
        return (f"assumed: it runs in {place.label or place.name}, which nginx reaches by that name; "
                f"{start} is not all the checked files show, and may not run it")

    def _stock_nginx_loads(self, instance: NginxInstance, place: Place) -> tuple[bool, str]:
        """Whether the nginx of ``place`` loads the site ``instance`` (a fragment copied, linked or
        mounted into it), and the assumption made when that is not known (when it does not:
        why it is not checked, where the tree's own nginx.conf runs there). An nginx started
        without ``-c`` reads the image's stock nginx.conf, unless the files put another there
        or may (a RUN, a volume they do not show); that file includes what its package's list
        says (base_images.json ``nginx_includes``), and nothing else: a site linked to
        ``/etc/nginx/site-enabled/`` or only copied beside the app is not loaded there."""
        image = self.place_images.get(place)
        base = image.base if image is not None else None
        managers = [m for m in self.deployment.managers if m.place is place and m.runs_program == "nginx"]
        if not instance.standalone or not managers:
            return True, ""
        confs = {_main_config(m.argv.value) if m.argv is not None else None for m in managers}
        conf = confs.pop() if len(confs) == 1 else None
        if conf is None:
            return True, ""   # started in a way the files do not show, or with several configurations
        with self.ctx.in_filesystem(place.filesystem):
            placed = self.ctx.copied(conf)
        if placed is not None:
            return self._placed_main_loads(instance, place, conf, placed)
        if conf != ETC_NGINX + "/nginx.conf" or image is None or base is None:
            return True, ""
        unseen = [path for path, _ in image.writes] + [
            target for target, store in place.volumes
            if not (store.startswith("bind:") and os.path.exists(store[len("bind:"):])
                    and self.ctx.inside(store[len("bind:"):]))]
        if any(path == ETC_NGINX or _below_any(path, [ETC_NGINX]) or _below_any(ETC_NGINX, [path]) for path in unseen):
            return True, ""   # something the files do not show may change what nginx includes
        targets = [target for filesystem, target in self.ctx.placements(instance.main.path)
                   if filesystem == place.filesystem]
        if base.nginx_includes is not None:
            return any(_included(target, base.nginx_includes) for target in targets), ""
        below = [target for target in targets if target.startswith(ETC_NGINX + "/")]
        if not below or any(_included(target, _COMMON_INCLUDES) for target in below):
            return True, ""
        return True, (f"assumed: the nginx of {place.label} loads it at {below[0]}, but which files the stock "
                      f"nginx.conf of {base.written} includes is not known (Debian's includes conf.d/*.conf and "
                      "sites-enabled/*, the official nginx image's only conf.d/*.conf)")

    def _placed_main_loads(self, instance: NginxInstance, place: Place, conf: str, local: str) -> tuple[bool, str]:
        """Whether the tree's own main configuration, copied or mounted at ``conf`` where the
        nginx of ``place`` reads it, loads the fragment ``instance``: nginx reads only what its
        ``include`` directives open (relative ones from the directory of ``conf``), so a
        server block in a file none of them names does not run there. Where that file is not
        read as a main configuration (a template filled in at start), say what is assumed."""
        real = self.ctx.real(local)
        main = next((other for other in self.deployment.nginx
                     if not other.standalone and self.ctx.real(other.main.path) == real), None)
        if main is None:
            return True, (f"assumed: the nginx of {place.label} loads it, but {conf} there is "
                          f"{self.ctx.display(local)}, which is not read as an nginx.conf (a template filled in "
                          "at start, or no http block), so what it includes is not known")
        with self.ctx.in_filesystem(place.filesystem):
            targets = [target for filesystem, target in self.ctx.placements(instance.main.path)
                       if filesystem == place.filesystem]
        patterns = [posixpath.join(posixpath.dirname(conf), directive.args[0])
                    for directive in main.directives if directive.name == "include" and directive.args]
        # Such an include opens what the files cannot show: it may name the fragment.
        if any("$" in pattern or _glob_dir(pattern) for pattern in patterns) or any(
                _included(target, (pattern,)) for target in targets for pattern in patterns):
            return True, ""
        return False, (f"the nginx of {place.label} reads {conf}, which is {self.ctx.display(local)}, and no include "
                       "there opens this file, so nginx does not load it: not checked")

    def _mount_only_parents(self, instance: NginxInstance, place: Place) -> dict[str, tuple[str, tuple[str, ...]]]:
        """The folders above an ``alias`` that hold nothing but volume mount points in ``place``,
        with those mount points: the image is one whose own files are known to be elsewhere (the
        official nginx image fills /etc, /usr, /var..., not /opt), the alias folder is a volume's
        target, and no COPY or RUN puts anything at, above or beside it there, nor a volume at or
        above it. Docker creates the folders above a mount point empty. Other volumes beside the
        alias are listed, not judged: whether the server serves them anyway is the rule's to ask.
        An image nothing in the files runs may get any volume from ``docker run``: nothing is
        said of it."""
        image = self.place_images.get(place)
        base = image.base if image is not None else None
        if image is None or base is None or base.populated_roots is None or place.run_unseen:
            return {}
        mounts = {posixpath.normpath(target): store for target, store in place.volumes}
        built = [*image.copies, *(path for path, _ in image.writes)]
        found: dict[str, tuple[str, tuple[str, ...]]] = {}
        for location in instance.locations:
            alias = location.alias
            if alias is None or not alias.args or not alias.args[0].startswith("/"):
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
                f"{path} ({self._volume_source(mounts[path]) or 'a volume'} mounted there"
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

    def _volume_source(self, store: str) -> str:
        return self.ctx.display(store[len("bind:"):]) if store.startswith("bind:") else store.partition(":")[2]

    def _stock_nginx_user(self, place: Place) -> Setting[str] | None:
        """The workers' user of a fragment that the image's own nginx.conf loads: that file
        runs when the files put no other nginx.conf at /etc/nginx/nginx.conf (nor may, by a
        volume or RUN they do not show) and nginx is started without ``-c``. A root master
        runs its workers as that file's ``user`` (the official image: ``nginx``, uid 101);
        another master as itself (nginx-unprivileged: USER 101, its ``nginx``)."""
        base = next((base for where, base in self.bases if where is place), None)
        conf = ETC_NGINX + "/nginx.conf"
        # A volume `docker run` may add (an image no Compose service runs) is not assumed to
        # replace nginx.conf: a tree that brings its own nginx.conf holds it.
        if base is None or place not in self.unseen_writes or any(
                conf == path or conf.startswith(path.rstrip("/") + "/") for path, _ in self.unseen_writes[place]):
            return None
        with self.ctx.in_filesystem(place.filesystem):
            if self.ctx.copied(conf) is not None:
                return None
        managers = [m for m in self.deployment.managers if m.place is place and m.runs_program == "nginx"]
        if len(managers) != 1 or managers[0].argv is None or any(
                word == "-c" or word.startswith("-c/") for word in managers[0].argv.value):
            return None
        master = managers[0].user
        name = master.value.split(":", 1)[0] if master is not None else "root"
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

    def unrun_configs(self) -> dict[str, tuple[AppServer, str]]:
        """Real path -> (server, why) of each app-server config that no manager starts and that
        is only in containers whose whole start the files show, running something else: a
        config a build copies beside the script that starts Gunicorn does not run. Where the
        files cannot show what a place starts (a script not in the tree, a base image's start,
        an Emperor, supervisord) nothing is concluded, and the config stands alone as before."""
        unrun: dict[str, tuple[AppServer, str]] = {}
        placed: dict[Place, list[ProcessManager]] = {}
        for manager in self.deployment.managers:
            placed.setdefault(manager.place, []).append(manager)
        for server in self.deployment.app_servers:
            if server.manager is not None or not server.sources or server.unseen_base is not None:
                continue
            source = os.path.abspath(server.sources[0])
            places = sorted({place for local, place in self.file_places
                             if source == local or source.startswith(local.rstrip(os.sep) + os.sep)},
                            key=lambda place: place.name)
            found = [self._only_start(place, placed.get(place, [])) for place in places]
            starts = [start for start in found if start is not None]
            if not starts or len(starts) < len(found):
                continue
            if server.kind == "gunicorn" and any(start.runs is not None and start.runs.kind == "gunicorn"
                                                 and start.runs.start_directory is None for start in starts):
                continue   # a Gunicorn started in an unknown directory may load ./gunicorn.conf.py by itself
            place, start = places[0], starts[0]
            where = start.wrapper or (start.argv.at if start.argv else None) or start.at
            program = {"uwsgi": "uWSGI", "gunicorn": "Gunicorn"}.get(start.runs_program, start.runs_program)
            if start.dev_server is not None and start.runs is None:
                where = start.dev_server.at or where
                program = f"the development server `{' '.join(start.dev_server.value)}`"
            others = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
            unrun[self.ctx.real(server.sources[0])] = (server, (
                f"copied or mounted into {place.label or place.name}{others}, whose start ({where.path}:{where.line}) runs "
                f"{program}, not this file, and nothing else in the checked files starts it there; "
                "not checked as a running app"))
        return unrun

    def _only_start(self, place: Place, placed: list[ProcessManager]) -> ProcessManager | None:
        """The container manager of ``place`` when the files show everything it starts there
        (``placed``: every manager in it): one server, whose command line names every config
        it loads, or nginx, or a development server (a start that runs one runs no uWSGI nor
        Gunicorn: ``managers._dev_server``)."""
        if len(placed) == 1 and placed[0].in_container and placed[0].dev_server is not None \
                and placed[0].runs is None:
            return placed[0]
        if place not in self.seen_starts or len(placed) != 1 or not placed[0].in_container:
            return None
        start, server = placed[0], placed[0].runs
        if server is None:
            return start if start.runs_program == "nginx" else None
        if server.has("emperor") or server.unread_configs or (server.has("config") and not server.sources):
            return None   # vassals, or a config its start names that the files do not show
        return start

