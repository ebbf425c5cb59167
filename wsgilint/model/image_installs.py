"""What a container image's build installs, as far as its RUN lines tell, for one question:
whether the image holds the app server its container starts (uWSGI or Gunicorn) at all.

A RUN's commands are read one by one (model/container_images.py hands each RUN here as the
build reaches it): pip (also `python -m pip`, `uv pip`, pipx), pipenv, poetry, uv and pdm,
with the packages their command lines name and the files they install from (requirements
files and the ones those include, a Pipfile, a pyproject.toml), and the distribution
package managers (apt, apk, dnf/yum, zypper, conda). Commands known to install nothing
(`mkdir`, `apt-get update`, `python manage.py collectstatic`...) are passed by. Anything
else (a script, `curl ... | sh`, `make`, `pip install .` of a project whose dependencies
are not written out in its pyproject.toml, a COPY from another stage or image) leaves what
the image holds unknown, and no claim is made.

The answer "no uWSGI" (or "no Gunicorn") is given only where everything was read and the build
starts from a bare image (an operating system or a language runtime, which ships neither:
base_images.json). It assumes no package the build installs depends on the server itself
(none of the common ones depends on uWSGI; the few known to depend on Gunicorn are taken as
installing it, and so is a package file or a URL, whose dependencies the files do not show);
a package the files name as the server's (`uwsgi`, `pyuwsgi`, Debian's `uwsgi-core`, Alpine's
`uwsgi-python3`, `gunicorn[gevent]`, Debian's `python3-gunicorn`) is taken as installing it
whatever its version or marker says.
"""
from __future__ import annotations

import os
import posixpath
import re
import sys
from collections.abc import Callable
from typing import Any, TypeGuard

from ..core.context import ReadContext
from ..core.record import dataclass
from ..core.span import Setting, Span
from .base_images import BaseImage

# How the files name a package that brings the program: PyPI's uwsgi and pyuwsgi, and the
# distributions' packages (Debian's uwsgi, uwsgi-core, uwsgi-plugin-python3; Alpine's
# uwsgi-python3; conda-forge's uwsgi), all of which have "uwsgi" in their names; Gunicorn's the
# same way (gunicorn, python3-gunicorn, py3-gunicorn), and the PyPI packages that require
# Gunicorn (uvicorn-worker; mlflow, apache-superset and apache-airflow for their web servers).
_MARKERS = {"uwsgi": ("uwsgi",), "gunicorn": ("gunicorn", "uvicorn-worker", "mlflow", "apache-superset",
                                              "apache-airflow")}
_SHOWN = {"uwsgi": "uWSGI", "gunicorn": "Gunicorn"}


# Bare images whose Python distribution ships packages of its own: Anaconda's is large and
# not listed here, so uWSGI is not known to be absent from it.
_FULL_DISTRIBUTIONS = frozenset({"continuumio/anaconda3"})


@dataclass(frozen=True, slots=True)
class InstallStep:
    """One command of a RUN that installs packages: what it names, and the files it installs
    from (format, local path; "" where the image holds no such file)."""

    at: Span
    command: str                       # as shown in messages: `pip install -r requirements.txt`
    names: tuple[str, ...] = ()
    reads: tuple[tuple[str, str], ...] = ()   # (format, local path)


@dataclass(frozen=True, slots=True)
class RunInstalls:
    """What one RUN installs: its steps, or why that is not known ("")."""

    steps: tuple[InstallStep, ...] = ()
    unread: str = ""


# Commands that put no program on the PATH: files, accounts, package indexes, downloads and
# the shell's built-ins.
_INSTALLS_NOTHING = frozenset({
    "mkdir", "rm", "rmdir", "cp", "mv", "ln", "chmod", "chown", "chgrp", "touch", "echo", "printf", "cat", "sed",
    "awk", "grep", "ls", "cd", "export", "set", "unset", "true", "false", ":", "test", "[", "sleep", "useradd",
    "adduser", "addgroup", "groupadd", "usermod", "userdel", "groupmod", "passwd", "chpasswd", "locale-gen",
    "update-locale", "localedef", "dpkg-reconfigure", "ldconfig", "update-ca-certificates", "tee", "envsubst",
    "git", "curl", "wget", "tar", "unzip", "gzip", "gunzip", "find", "tr", "cut", "sort", "head", "tail", "wc", "id",
    "whoami", "date", "uname", "which", "ssh-keygen", "openssl", "crontab", "systemctl", "npm", "yarn", "pnpm",
    "node", "corepack", "rsync", "mktemp", "readlink", "realpath", "dirname", "basename", "ulimit", "umask",
    "getent", "virtualenv",
})
# Words before the command that leave it the same command.
_PREFIXES = frozenset({"sudo", "nice", "time", "nohup", "exec", "builtin", "command", "env"})
_PIP = re.compile(r"pip(?:\d+(?:\.\d+)?)?")
_PYTHON = re.compile(r"python(?:\d+(?:\.\d+)?)?|pypy3?")
# pip's options that take a value as the next word (or after `=`); `-r` and `-e` are read.
_PIP_VALUE_OPTIONS = frozenset({
    "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
    "-f", "--find-links", "--trusted-host", "-t", "--target", "--prefix", "--root", "--platform",
    "--python-version", "--implementation", "--abi", "--no-binary", "--only-binary", "--progress-bar",
    "--cache-dir", "--src", "--upgrade-strategy", "--global-option", "--install-option", "-C", "--config-settings",
    "--log", "--timeout", "--retries", "--proxy", "--cert", "--client-cert", "--exists-action", "--report",
    "--python", "-p", "--root-user-action", "--use-feature", "--use-deprecated", "--keyring-provider", "--group",
    "--extra", "--index", "--default-index",
})
# The distributions' package managers and the verbs that add packages with them.
_SYSTEM_INSTALLS = {"apt-get": ("install",), "apt": ("install",), "aptitude": ("install",), "apk": ("add",),
                    "yum": ("install",), "dnf": ("install",), "microdnf": ("install",), "zypper": ("install", "in"),
                    "conda": ("install", "create"), "mamba": ("install", "create"),
                    "micromamba": ("install", "create")}
_SYSTEM_VALUE_OPTIONS = frozenset({"-t", "--target-release", "-o", "--option", "--virtual", "--repository", "-X",
                                   "-c", "--channel", "-n", "--name", "-p", "--prefix", "--setopt", "--enablerepo",
                                   "--disablerepo", "--releasever", "--installroot"})
# A package file pip installs by its path: its name says which package it is.
_PACKAGE_FILES = (".whl", ".tar.gz", ".zip")


def run_installs(commands: list[list[str]], at: Span, workdir: str,
                 in_image: Callable[[str], str | None]) -> RunInstalls:
    """What a RUN's simple commands install. ``in_image`` gives the local file (or folder) a
    COPY put at an absolute path of the image (None: the image holds none there)."""
    steps: list[InstallStep] = []
    for words in commands:
        words = _without_prefixes(words)
        if not words:
            continue
        name = posixpath.basename(words[0])
        shown = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
        if name in _INSTALLS_NOTHING and not (name == "find" and ("-exec" in words or "-execdir" in words)):
            if any(server in word.lower() for word in words[1:] for server in _MARKERS) and \
                    name in ("curl", "wget", "tar", "unzip", "git"):
                return RunInstalls(unread=f"the RUN at {at.path}:{at.line} fetches or unpacks an app server "
                                          f"(`{shown}`)")
            continue
        if any(c in word for word in words for c in "$`"):
            return RunInstalls(unread=f"the RUN at {at.path}:{at.line} runs `{shown}`, whose words a variable gives")
        step, installs_nothing = _read_command(name, words, at, f"`{shown}`", workdir, in_image)
        if step is not None:
            steps.append(step)
        elif not installs_nothing:
            return RunInstalls(unread=f"the RUN at {at.path}:{at.line} runs `{shown}`, whose installs are not read")
    return RunInstalls(tuple(steps))


def start_unread(texts: list[str], commands_of: Callable[[str], list[list[str]]]) -> str:
    """Why what a container's start runs before its server may install programs, or "" when
    each command of its shell texts (a `-c` text, the scripts it runs) installs nothing: the
    server's own line, `exec "$@"`, and commands known to install nothing."""
    for text in texts:
        for line in _logical_lines(text):
            for words in commands_of(line):
                words = _without_prefixes(words)
                if not words or words[0] in ('"$@"', "$@", "$*"):
                    continue
                name = posixpath.basename(words[0])
                if name.startswith("uwsgi") or name in ("gunicorn", "nginx") or \
                        _PYTHON.fullmatch(name) and len(words) > 1 and posixpath.basename(words[1]) == "manage.py":
                    continue
                if name in _INSTALLS_NOTHING and name != "find":
                    continue
                shown = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
                return f"its start runs `{shown}` before the server, whose installs are not read"
    return ""


def _logical_lines(text: str) -> list[str]:
    """A script's lines, a backslash at the end of one joining the next."""
    return text.replace("\\\n", " ").splitlines()


def _without_prefixes(words: list[str]) -> list[str]:
    while words and (words[0] in _PREFIXES or ("=" in words[0] and not words[0].startswith(("-", "/", "=")))):
        words = words[1:]   # `sudo`, `exec`, a `VAR=value` before the command
    return words


def _read_command(name: str, words: list[str], at: Span, shown: str, workdir: str,
                  in_image: Callable[[str], str | None]) -> tuple[InstallStep | None, bool]:
    """The step a command is, or (None, whether it is known to install nothing)."""
    verb = words[1] if len(words) > 1 else ""
    if _PIP.fullmatch(name):
        return _pip(words[1:], at, shown, workdir, in_image)
    if _PYTHON.fullmatch(name):
        if words[1:3] == ["-m", "pip"]:
            return _pip(words[3:], at, shown, workdir, in_image)
        if words[1:3] and words[1] == "-m" and words[2] in ("pipenv", "poetry", "pdm", "uv"):
            return _read_command(words[2], words[2:], at, shown, workdir, in_image)
        # A virtualenv, bytecode, or one of Django's management commands (collectstatic...).
        return None, words[1:3] in (["-m", "venv"], ["-m", "compileall"], ["-m", "virtualenv"]) or \
            len(words) > 1 and posixpath.basename(words[1]) == "manage.py"
    if name == "uv":
        if verb == "pip":
            return _pip(words[2:], at, shown, workdir, in_image)
        if verb == "tool" and words[2:3] == ["install"]:
            return InstallStep(at, shown, _names(words[3:])), False
        if verb == "add":
            return InstallStep(at, shown, _names(words[2:])), False
        if verb == "sync":
            return _project(at, shown, workdir, in_image), False
        return None, verb in ("venv", "lock", "export", "cache", "python")
    if name == "pipx":
        return (InstallStep(at, shown, _names(words[2:])), False) if verb == "install" else (None, True)
    if name == "pipenv":
        if verb in ("install", "sync"):
            pipfile = posixpath.join(workdir, "Pipfile")
            return InstallStep(at, shown, _names(words[2:]), (("pipfile", in_image(pipfile) or ""),)), False
        return None, verb in ("lock", "requirements", "--version")
    if name in ("poetry", "pdm"):
        if verb == "add":
            return InstallStep(at, shown, _names(words[2:])), False
        if verb in ("install", "sync"):
            return _project(at, shown, workdir, in_image), False
        return None, verb in ("config", "lock", "export", "self", "--version", "build")
    if name in _SYSTEM_INSTALLS:
        return _system(name, words, at, shown)
    if name == "dpkg":
        return (InstallStep(at, shown, tuple(posixpath.basename(w) for w in words[2:])), False) \
            if verb in ("-i", "--install") else (None, True)
    return None, False


def _names(words: list[str]) -> tuple[str, ...]:
    return tuple(word for word in words if not word.startswith("-"))


def _pip(args: list[str], at: Span, shown: str, workdir: str,
         in_image: Callable[[str], str | None]) -> tuple[InstallStep | None, bool]:
    """``pip install`` (and ``uv pip install``/``uv pip sync``, whose arguments are requirements files)."""
    args = _after_general_options(args)
    if not args or args[0] not in ("install", "sync"):
        return None, True    # uninstall, download, wheel, freeze...: nothing on the PATH
    names: list[str] = []
    reads: list[tuple[str, str]] = []

    def requirements(value: str) -> None:
        reads.append(("requirements", in_image(posixpath.normpath(posixpath.join(workdir, value))) or ""))

    index = 1
    while index < len(args):
        word = args[index]
        index += 1
        option, equals, value = word.partition("=")
        if option in _PIP_VALUE_OPTIONS:
            if not equals:
                if index >= len(args):
                    break
                value = args[index]
                index += 1
            if option in ("-r", "--requirement"):
                requirements(value)
            elif option in ("-e", "--editable"):
                names.append(value)
        elif not word.startswith("-"):
            if args[0] == "sync":
                requirements(word)
            else:
                names.append(word)
    for name in [name for name in names if _is_local_path(name)]:
        names.remove(name)
        if not name.endswith(_PACKAGE_FILES):
            folder = posixpath.normpath(posixpath.join(workdir, name.split("[", 1)[0]))
            reads.append(_pyproject_of(folder, in_image))
        else:
            names.append(name)
    return InstallStep(at, shown, tuple(names), tuple(reads)), False


def _after_general_options(args: list[str]) -> list[str]:
    """pip's words from its command on: its general options may come first
    (`pip --no-cache-dir install x`, `pip --cache-dir /c install x`)."""
    index = 0
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in _PIP_VALUE_OPTIONS else 1
    return args[index:]


def _is_local_path(word: str) -> bool:
    """A folder or package file pip installs from, not a requirement (`.[dev]`, `./app`, `x.whl`)."""
    path = word.split("[", 1)[0]
    return "://" not in word and "@" not in word and (path in (".", "..") or path.startswith(("./", "../", "/"))
                                                     or path.endswith(_PACKAGE_FILES))


def _pyproject_of(folder: str, in_image: Callable[[str], str | None]) -> tuple[str, str]:
    return "pyproject", in_image(posixpath.join(folder, "pyproject.toml")) or ""


def _project(at: Span, shown: str, workdir: str, in_image: Callable[[str], str | None]) -> InstallStep:
    """`poetry install`, `uv sync`, `pdm install`: the project of the WORKDIR."""
    return InstallStep(at, shown, (), (_pyproject_of(workdir, in_image),))


def _system(name: str, words: list[str], at: Span, shown: str) -> tuple[InstallStep | None, bool]:
    verbs = _SYSTEM_INSTALLS[name]
    if not any(word in verbs for word in words[1:]):
        return None, True   # update, clean, upgrade, remove: nothing new on the PATH
    if any(word in ("-f", "--file") or word.startswith("--file=") for word in words):
        return None, False  # conda's environment file: not read
    packages = [word for word in operands(words[1:], _SYSTEM_VALUE_OPTIONS) if word not in verbs]
    return InstallStep(at, shown, tuple(packages)), False


def operands(words: list[str], value_options: frozenset[str]) -> list[str]:
    """The words of a command line that are neither an option nor the value ``value_options``
    take (`apt-get install -t bookworm nginx` -> install, nginx)."""
    found: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = word in value_options
        else:
            found.append(word)
    return found


def missing_program(program: str, base: BaseImage | None, steps: list[InstallStep], unread: Setting[str] | None,
                    ctx: ReadContext) -> Setting[str] | None:
    """Where the image is known to hold no ``program`` (``uwsgi``, ``gunicorn``): at its FROM
    line, the note saying why (the bare base image, and what the build installs). None where
    it holds one or may."""
    if not bare(base) or unread is not None:
        return None
    shown: list[str] = []
    for step in steps:
        if any(_may_install(name, program) for name in step.names):
            return None
        files: list[str] = []
        for kind, local in step.reads:
            if not local:
                return None   # the build reads a file the files do not put there: it stops, or it is not known
            found = _installs(program, kind, local, ctx, files, set())
            if found is not False:
                return None
        shown.append(f"{step.command} at {step.at.path}:{step.at.line}" + (f", from {', '.join(files)}" if files else ""))
    name = _SHOWN[program]
    installs = (f"what its build installs names none ({'; '.join(shown)}; assumed none of those packages "
                f"depends on {name})") if shown else "its build installs no packages"
    return Setting(program, base.at, f"{base.written} ships no {name}, and {installs}")


def bare(base: BaseImage | None) -> TypeGuard[BaseImage]:
    """Whether a build starts from an image that ships no app server: a bare image is known and
    has no facts of its own read from somewhere (base_images.json). An ONBUILD image
    (`python:3.4-onbuild`) installs the project's requirements in the build that uses it:
    what those are, its own instructions say, not the files."""
    return base is not None and base.known and not base.source and base.name not in _FULL_DISTRIBUTIONS \
        and "onbuild" not in base.written.lower()


def _may_install(name: str, program: str) -> bool:
    """Whether a package the build names may bring ``program``: one named as it, and for
    Gunicorn, which applications' own packages often require, a package file or a URL."""
    lowered = name.lower()
    if any(marker in lowered for marker in _MARKERS[program]):
        return True
    return program == "gunicorn" and (lowered.endswith(_PACKAGE_FILES) or "://" in lowered or "@" in lowered)


# Requirements files that include others (`-r base.txt`): at most this many are followed.
_MAX_INCLUDES = 16


def _installs(program: str, kind: str, local: str, ctx: ReadContext, files: list[str],
              seen: set[str]) -> bool | None:
    """Whether what ``local`` lists names ``program``'s package (None: not known); ``files``
    gets the files read, ``seen`` the requirements files already followed (an include cycle
    adds nothing)."""
    if kind == "pyproject":
        return _pyproject_installs(program, local, ctx, files)
    markers = _MARKERS[program]
    if local in seen:
        return False
    seen.add(local)
    text = ctx.scan(local).text if len(seen) <= _MAX_INCLUDES and os.path.isfile(local) else None
    if text is None:
        return None
    files.append(ctx.display(local))
    if kind == "pipfile":   # any table naming the server (packages, dev-packages, other categories)
        return None if _toml(text) is None else any(marker in text.lower() for marker in markers)
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if any(marker in line.lower() for marker in markers):
            return True
        option, _, value = line.replace("=", " ", 1).partition(" ") if line.startswith("-") else (line, "", "")
        value = value.strip()
        if option in ("-r", "--requirement"):
            nested = os.path.normpath(os.path.join(os.path.dirname(local), value))
            found = _installs(program, "requirements", nested, ctx, files, seen)
            if found is not False:
                return found
        else:
            project = value if option in ("-e", "--editable") else "" if line.startswith("-") else line
            if project and _may_install(project, program):
                return None   # a URL, VCS or package-file requirement: its dependencies are not written here
            if project and _is_local_path(project) and not project.endswith(_PACKAGE_FILES):
                folder = os.path.join(os.path.dirname(local), project.split("[", 1)[0])
                found = _pyproject_installs(program, os.path.normpath(os.path.join(folder, "pyproject.toml")), ctx,
                                            files)
                if found is not False:
                    return found
    return False


def _pyproject_installs(program: str, path: str, ctx: ReadContext, files: list[str]) -> bool | None:
    """A project installed from its folder, by its pyproject.toml: None where the dependencies
    are not written there (no `[project]` or Poetry table: setup.py; `dynamic` dependencies) or
    the file is not read; else whether the file names the server anywhere (its dependency tables,
    groups and extras included)."""
    text = ctx.scan(path).text if os.path.isfile(path) else None
    document = _toml(text) if text is not None else None
    if text is None or document is None:
        return None
    files.append(ctx.display(path))
    project = document.get("project")
    tool = document.get("tool")
    poetry = isinstance(tool, dict) and isinstance(tool.get("poetry"), dict)
    if not poetry and not (isinstance(project, dict) and "dependencies" not in str(project.get("dynamic", ""))):
        return None
    return any(marker in text.lower() for marker in _MARKERS[program])


def _toml(text: str) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, TypeError):
        return None
