"""What a container image's base brings that the checked files do not show.

A Dockerfile ``FROM tiangolo/uwsgi-nginx`` inherits that image's ``ENV`` (``UWSGI_INI``,
``UWSGI_CHEAPER``...), its ``ENTRYPOINT``/``CMD``, its own files (``/etc/uwsgi/uwsgi.ini``)
and the programs its stock supervisord starts: the repository's ini is one layer of the
configuration uWSGI ends up with. The official nginx image starts nginx through an entrypoint
script that execs its arguments, with the stop signal QUIT (TERM for the tags of releases built
before November 2020: ``stopsignal_term_tags``): a ``FROM nginx`` build without
its own ``CMD`` runs nginx in its container, like a Compose ``image: nginx``; its nginx package
ships a stock nginx.conf (``user  nginx;``, uid 101) and some include files below /etc/nginx, not
Debian's ``proxy_params`` or ``snippets/``; that nginx.conf includes only ``conf.d/*.conf``
(Debian's and Ubuntu's package, installed in a bare Debian-family image, also
``sites-enabled/*``: ``nginx_includes``). The facts of
the images read so far are package data (``base_images.json``, each with the commit of the
Dockerfile they were read from), like Debian's ``default.ini`` (``packaged.py``). An
operating system or language image brings nothing of the kind; any other image is one whose
contents are unknown, and what the files then cannot show is said as an assumption, not
asserted.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re
import sys
from typing import Any

from ..core.numbers import decimal
from ..core.paths import packaged_text
from ..core.record import dataclass, field
from ..core.span import Setting, Span

_FACTS: dict[str, Any] = json.loads(packaged_text(__file__, "base_images.json"))
_BARE: frozenset[str] = frozenset(_FACTS["bare"])
_IMAGES: dict[str, dict[str, Any]] = _FACTS["images"]


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _default_registry() -> re.Pattern[str]:
    return re.compile(r"^(?:(?:index\.)?docker\.io/)?(?:library/)?")


@dataclass(frozen=True)
class StockProgram:
    """A ``[program:x]`` of the image's own supervisord configuration."""

    name: str
    argv: tuple[str, ...]
    stop_signal: str
    stop_timeout: float
    foreground: str = ""        # why it stays in the foreground, when its config says so outside the files


@dataclass(frozen=True)
class BaseImage:
    """The image a build starts from, as written (tag included), and what is known of it."""

    written: str
    at: Span | None
    known: bool                                   # bare, or its stock facts are package data
    source: str = ""                              # where the facts were read (repository, commit, files)
    env: dict[str, str] = field(default_factory=dict)
    entrypoint: tuple[str, ...] | None = None
    cmd: tuple[str, ...] | None = None
    workdir: str = ""
    files: dict[str, str] = field(default_factory=dict)    # target path -> packaged copy (readers/stock)
    supervisord_config: str = ""                  # its stock supervisord's program file
    supervisord_start: str = ""                   # the script of the image that execs supervisord
    programs: tuple[StockProgram, ...] = ()
    supervisord_quits: str = ""                   # why its supervisord exits when any program ends ("": it does not)
    computed: str = ""                            # settings its start computes at run time
    stop_signal: str = ""                         # its STOPSIGNAL, without SIG
    user: str = ""                                # its USER
    entrypoint_execs: str = ""                    # why its ENTRYPOINT ends by exec-ing its arguments
    # What its own nginx package puts below /etc/nginx (relative paths), None: not known to ship
    # nginx; where that list was read; the ``user`` of its stock nginx.conf (empty: none).
    nginx_files: frozenset[str] | None = None
    nginx_source: str = ""
    nginx_conf_user: str = ""
    # How its entrypoint renders nginx templates into conf.d at start (where that was read); "": it does not.
    renders_templates: str = ""
    bin_sh: str = ""                              # what its /bin/sh is: busybox | dash | bash | "" (not known)
    # What the stock nginx.conf of its nginx package includes (glob patterns), with where that
    # was read; None: not known (an Alpine or Red Hat package, an unknown image).
    nginx_includes: tuple[str, ...] | None = None
    nginx_includes_source: str = ""
    # The entries of / that hold the image's own files (None: not known), and where that was read.
    populated_roots: frozenset[str] | None = None
    populated_source: str = ""
    # Folders inside a populated root whose whole content is known: each with the image's own
    # files in it (relative paths), and where that was read.
    known_folders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    known_folders_source: str = ""

    @property
    def name(self) -> str:
        return image_name(self.written)

    def own_entries(self, folder: str) -> tuple[str, ...] | None:
        """The entries directly in the absolute, normalised ``folder`` that hold the image's own
        files: none in a top folder the image leaves empty (/opt, /app), those of a known folder
        (the official nginx image's /usr/share/nginx: ``html``) or of a folder below one; None
        where that is not known (elsewhere in /usr, /etc...)."""
        if self.populated_roots is None or folder == "/":
            return None
        if folder.split("/")[1] not in self.populated_roots:
            return ()
        for known, files in self.known_folders.items():
            if folder == known or folder.startswith(known + "/"):
                inner = folder[len(known) + 1:]
                below = [f[len(inner) + 1:] if inner else f for f in files
                         if not inner or f.startswith(inner + "/")]
                return tuple(sorted({f.split("/", 1)[0] for f in below}))
        return None

    def unknown_note(self) -> str:
        """Why a server built on this image may have settings the checked files do not show."""
        if self.computed:
            return f"the base image {self.written} decides settings at start ({self.computed})"
        return (f"the base image {self.written} is not one wsgilint knows: its own ini and ENV are not in the "
                "checked files")


def image_name(written: str) -> str:
    """``docker.io/library/python:3.12-slim@sha256:...`` -> ``python``; a registry host stays,
    except before the official images' ``library/`` namespace that mirrors and pull-through
    caches keep (``public.ecr.aws/docker/library/python``, ``mirror.example/hub/library/nginx``):
    the same image."""
    name = written.split("@", 1)[0]
    slash = name.rfind("/")
    colon = name.rfind(":")
    if colon > slash:
        name = name[:colon]
    name = _default_registry().sub("", name.lower())
    mirrored = name.rfind("/library/")
    return name[mirrored + len("/library/"):] if mirrored >= 0 else name


def base_image(written: str, at: Span | None) -> BaseImage:
    """What is known of the image ``FROM written`` (or a Compose ``image:``)."""
    name = image_name(written)
    if name in _BARE:
        shell = bin_sh_of(written)
        return BaseImage(written, at, known=True, bin_sh=shell,
                         **_nginx_includes(_FACTS["nginx_includes"]["bin_sh"].get(shell, "")))
    chain: list[dict[str, Any]] = []
    names: list[str] = []
    while name in _IMAGES and len(chain) < len(_IMAGES):
        chain.append(_IMAGES[name])
        names.append(name)
        name = _IMAGES[name].get("from", "")
    if not chain:
        return BaseImage(written, at, known=False)
    merged: dict[str, Any] = {}
    env: dict[str, str] = {}
    for facts in reversed(chain):   # the image's own facts over those of the one it is built on
        env.update(facts.get("env", {}))
        merged.update({key: value for key, value in facts.items() if key != "env"})
    supervisord = merged.get("supervisord", {})
    programs = tuple(StockProgram(p["name"], tuple(p["argv"]), p["stopsignal"], float(p["stopwaitsecs"]),
                                  p.get("foreground", "")) for p in supervisord.get("programs", ()))
    entrypoint, cmd = merged.get("entrypoint"), merged.get("cmd")
    source, stop_signal = chain[0]["source"], merged.get("stopsignal", "")
    older = merged.get("stopsignal_term_tags")
    if older is not None and names[0] == "nginx" and _stops_with_term(written, older):
        source, stop_signal = f"{source}; for this tag, {older['source']}", "TERM"
    return BaseImage(written, at, known=True, source=source, env=env,
                     entrypoint=tuple(entrypoint) if entrypoint else None, cmd=tuple(cmd) if cmd else None,
                     workdir=merged.get("workdir", ""), files=dict(merged.get("files", {})),
                     supervisord_config=supervisord.get("config", ""), supervisord_start=supervisord.get("start", ""),
                     programs=programs, supervisord_quits=supervisord.get("quits_when_a_program_ends", ""),
                     computed=merged.get("computed", ""),
                     stop_signal=stop_signal, user=merged.get("user", ""),
                     entrypoint_execs=merged.get("entrypoint_execs", ""),
                     nginx_files=frozenset(merged["nginx_files"]) if "nginx_files" in merged else None,
                     nginx_source=merged.get("nginx_source", ""), nginx_conf_user=merged.get("nginx_conf_user", ""),
                     renders_templates=merged.get("renders_templates", ""),
                     bin_sh=bin_sh_of(written),
                     populated_roots=frozenset(merged["populated_roots"]) if "populated_roots" in merged else None,
                     populated_source=merged.get("populated_source", ""),
                     known_folders={folder: tuple(files) for folder, files in merged.get("known_folders", {}).items()},
                     known_folders_source=merged.get("known_folders_source", ""),
                     **_nginx_includes(next((_FACTS["nginx_includes"]["images"][n] for n in names
                                             if n in _FACTS["nginx_includes"]["images"]), "")))


def _stops_with_term(written: str, older: dict[str, str]) -> bool:
    """Whether the release a tag names (`nginx:1.13.8-alpine`, `nginx:1.16`) is one whose image
    was built while the official Dockerfiles said `STOPSIGNAL SIGTERM`; False for a tag that
    names none (`latest`, `alpine`, `stable`)."""
    tag = written.split("@", 1)[0].rsplit("/", 1)[-1].partition(":")[2].split("-", 1)[0]
    if not re.fullmatch(r"\d+\.\d+(\.\d+)?", tag):
        return False
    version = _release(tag)
    return version < _release(older["below"]) or _release(older["from"]) <= version <= _release(older["to"])


def _release(text: str) -> tuple[int, ...]:
    # A part too long to hold (a 5000-digit tag) is past every release, as no tag names one.
    return tuple(number if (number := decimal(part)) is not None else sys.maxsize for part in text.split("."))


def _nginx_includes(family: str) -> dict[str, Any]:
    """The ``nginx_includes`` fields of an image whose nginx package is of ``family``."""
    facts = _FACTS["nginx_includes"]["families"].get(family)
    if facts is None:
        return {}
    return {"nginx_includes": tuple(facts["patterns"]), "nginx_includes_source": facts["source"]}


def with_apt_nginx(base: BaseImage, at: Span) -> BaseImage:
    """``base`` with the nginx a RUN at ``at`` installs with apt: Debian's package, whose
    stock nginx.conf includes what the ``debian`` family lists."""
    facts = _nginx_includes("debian")
    facts["nginx_includes_source"] = f"the RUN at {at.path}:{at.line} installs it with apt: " + \
        facts["nginx_includes_source"]
    return dataclasses.replace(base, **facts)


def bin_sh_of(written: str) -> str:
    """The shell an image's ``/bin/sh`` is: ``busybox`` (ash) for Alpine-based tags and
    busybox, ``dash`` for Debian and Ubuntu based ones, ``bash`` for the Red Hat family;
    "" when the image is not one ``bin_sh`` of base_images.json names."""
    tag = written.split("@", 1)[0].rsplit("/", 1)[-1].partition(":")[2].lower()
    table: dict[str, dict[str, str]] = _FACTS["bin_sh"]
    for part in tag.split("-"):   # `3.12-alpine3.19`, `3.12-slim-bookworm`: the variant says the distribution
        for word, shell in table["tags"].items():
            if part.startswith(word):
                return shell
    return table["images"].get(image_name(written), "")


def stock_setting(base: BaseImage, value: Any, what: str) -> Setting[Any]:
    """A value the image sets, noted with where it was read."""
    return Setting(value, None, f"{what} of the image {base.written} ({base.source})")


# supervisord's short options that take no value (supervisor/options.py: -h, -?, and
# ServerOptions' -n, -s, -k, -t, -v): getopt reads `-nc FILE` as `-n -c FILE`.
_SUPERVISORD_FLAGS = frozenset("h?nsktv")


def names_supervisord_config(words: list[str]) -> bool:
    """Whether supervisord's words name its config file: ``-c FILE``, ``-cFILE``,
    ``--configuration=FILE``, or ``-c`` after flags in one word (``-nc FILE``)."""
    for word in words:
        if word.startswith("--configuration"):
            return True
        if word.startswith("-") and not word.startswith("--"):
            for letter in word[1:]:
                if letter == "c":
                    return True
                if letter not in _SUPERVISORD_FLAGS:
                    break
    return False


def starts_stock_supervisord(base: BaseImage, argv: list[str], copied: set[str]) -> bool:
    """Whether a container's command runs the image's own supervisord programs: it runs
    the image's start script or ``supervisord`` without ``-c``, and no ``COPY`` replaced
    the stock program file."""
    if not base.programs or base.supervisord_config in copied:
        return False
    words = [token for word in argv for token in re.split(r"[\s;&|()]+", word) if token]
    for index, word in enumerate(words):
        if word == base.supervisord_start:
            return True
        if word.rsplit("/", 1)[-1] == "supervisord":
            following = words[index + 1:index + 3]
            return not names_supervisord_config(following)
    return False
