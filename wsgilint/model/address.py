"""Socket addresses, normalised once so every rule compares like with like.

``unix:/p``, ``unix:///p`` and ``/p`` are one socket; ``:8000``, ``0.0.0.0:8000``,
``*:8000`` and ``[::]:8000`` are wildcards that a route to ``127.0.0.1:8000`` reaches;
``localhost`` may resolve to ``127.0.0.1`` or ``::1``.
"""
from __future__ import annotations

import functools
import posixpath
import re
import sys

from ..core import paths
from ..core.numbers import decimal
from ..core.record import dataclass
from .units import leading_digits

_WILDCARD_HOSTS = {"", "*", "0.0.0.0", "::", "[::]"}
# INADDR_NONE, inet_addr's answer for a text that is no address.
_NO_ADDRESS = "255.255.255.255"
_LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost", "ip6-localhost", "localhost.localdomain"}


@dataclass(frozen=True, slots=True)
class Address:
    """A listening or connecting address. ``family`` is ``unix``, ``inet`` or ``fd``."""

    family: str
    host: str = ""          # inet: normalised host, "" for the wildcard
    port: int = 0           # inet: 0 when unknown
    path: str = ""          # unix: normalised path; "@name" for abstract sockets
    text: str = ""          # as written

    @property
    def is_wildcard(self) -> bool:
        return self.family == "inet" and self.host == ""

    @property
    def is_loopback(self) -> bool:
        return self.family == "unix" or (
            self.family == "inet" and (self.host in _LOOPBACK_HOSTS or self.host.startswith("127."))
        )

    @property
    def is_unreachable(self) -> bool:
        """Bound on 255.255.255.255, where no client connects: what uWSGI binds for a host it
        cannot read (see ``parse_uwsgi_socket``)."""
        return self.family == "inet" and self.host == _NO_ADDRESS

    @property
    def is_abstract(self) -> bool:
        return self.family == "unix" and self.path.startswith("@")

    @property
    def home_folder(self) -> str:
        """For a unix socket in an account's home (``/home/NAME/app.sock``, ``/root/...``):
        that folder, whose mode decides who may reach the socket at all; else ""."""
        return paths.home_folder(self.path) if self.family == "unix" else ""

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The folders of a unix socket's path written as a placeholder that an install step
        fills in before the server starts (``unix:/BASE_DIR/run/app.sock`` and a script's
        ``sed -i s/BASE_DIR/.../``, ``{{ app_root }}``, ``__APP__``): what the path becomes
        the files do not say."""
        if self.family != "unix" or not any(c in self.path for c in "_{<"):
            return ()
        return tuple(part for part in self.path.split("/")[:-1] if _placeholder().fullmatch(part))

    def filled_by(self, other: Address) -> bool:
        """Whether ``other`` is this socket's path with each placeholder folder filled in by
        one or more folders."""
        if other.family != "unix" or not self.placeholders:
            return False
        parts = self.path.split("/")
        pattern = "/".join(".+" if index < len(parts) - 1 and _placeholder().fullmatch(part) else re.escape(part)
                           for index, part in enumerate(parts))
        return re.fullmatch(pattern, other.path) is not None

    def __str__(self) -> str:
        if self.family == "unix":
            return f"unix:{self.path}"
        if self.family == "fd":
            return self.text
        host = self.host if self.host else "*"
        if ":" in host:
            host = f"[{host}]"
        return f"{host}:{self.port}" if self.port else host


@functools.cache
def _placeholder() -> re.Pattern[str]:
    # Upper case words joined by underscores (a shell or Makefile variable's name written bare),
    # Jinja's braces, double underscores, angle brackets.
    return re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|\{\{.*\}\}|__[A-Za-z0-9_]+__|<[^>]*>")


def _unix(path: str, text: str) -> Address:
    if not path.startswith("@"):
        lead = "/" if path.startswith("/") else ""
        path = lead + posixpath.normpath(path).lstrip("/") if path else path
    # nginx and the app server name one socket: one string for both (a fleet has thousands).
    return Address("unix", path=sys.intern(path), text=text)


def _split_host_port(hostport: str) -> tuple[str, str | None]:
    if hostport.startswith("["):
        host, _, rest = hostport[1:].partition("]")
        return host, rest[1:] if rest.startswith(":") else None
    if hostport.count(":") > 1:  # a bare IPv6 address has no port
        return hostport, None
    host, sep, port = hostport.rpartition(":")
    if not sep:
        return hostport, None
    return host, port


def inet_host(host: str) -> str:
    """A host as an Address holds it: lower case, "" for every way of writing all interfaces."""
    host = host.strip().lower()
    return "" if host in _WILDCARD_HOSTS else host


def _inet(host: str, port: str | None, default_port: int, text: str) -> Address | None:
    host = inet_host(host)
    if port is None or port == "":
        number = default_port
    else:
        parsed = decimal(port) if port.isdigit() else None
        if parsed is None:
            return None
        number = parsed
    return Address("inet", host=host, port=number, text=text)


def parse_uwsgi_socket(value: str) -> Address | None:
    """A uWSGI ``socket``/``http-socket``/``http`` value: ``/p``, ``@abstract``, ``host:port``, ``:port``."""
    text = value.strip()
    if not text:
        return None
    if "," in text and not text.startswith("/"):
        text = text.split(",", 1)[0]  # "addr,key" subscription suffixes
    if text.startswith(("/", "@", ".")) or ":" not in text:
        return _unix(text, value)
    # uWSGI splits at the last `:` (an IPv6 host is bracketed) and reads the port with atoi:
    # the digits it starts with, whatever follows them (`:8000 # web` binds port 8000).
    host, port = _split_host_port(text) if text.startswith("[") else text.rpartition(":")[::2]
    digits = leading_digits(port) if port is not None else ""
    if "\"" in host or "'" in host:
        # uWSGI keeps quotes in a value, resolves the host with them, fails, and falls back to
        # inet_addr, which gives INADDR_NONE: `":5050"` binds 255.255.255.255:5050 (measured
        # with uWSGI 2.0.31, shared/reference/lab-uwsgi-nginx.md), where nothing connects.
        host = _NO_ADDRESS
    return _inet(host, digits or port, 0, value)


def parse_gunicorn_bind(value: str) -> Address | None:
    """A Gunicorn bind: ``unix:/p``, ``fd://3``, ``host:port``, ``host`` (port 8000)."""
    text = value.strip()
    if text.startswith("tcp://"):
        text = text[len("tcp://"):]
    if text.startswith("unix:"):
        return _unix(text[5:], value)  # a relative path stays relative: Gunicorn binds it in its chdir
    if text.startswith("fd://"):
        return Address("fd", text=value)
    host, port = _split_host_port(text)
    return _inet(host, port, 8000, value)


# What ``[a-z]`` matches with ``re.IGNORECASE``: the ASCII letters and the four that fold to one
# of them (İ ı ſ K); tests/test_address.py compares both sets with re's over every character.
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u0130\u0131\u017f\u212a")
_SCHEME_CHARACTERS = _LETTERS | frozenset("0123456789+.-")


def url_scheme(text: str, letters_only: bool = False) -> str | None:
    """The scheme before ``://`` at the start of ``text``, as
    ``re.match(r"^([a-z][a-z0-9+.-]*)://", text, re.I)`` finds it (``letters_only``:
    ``^([a-z]+)://``); None without one. Written out: compiling the two patterns cost
    4.4 M instructions at every start."""
    end = text.find("://")
    if end < 1 or text[0] not in _LETTERS:
        return None
    return text[:end] if (_LETTERS if letters_only else _SCHEME_CHARACTERS).issuperset(text[1:end]) else None


def parse_nginx_target(value: str, default_port: int = 0) -> Address | None:
    """An nginx ``*_pass`` or upstream ``server`` target after any scheme is removed.

    Returns None for variables and names that may be upstream blocks (no port).
    """
    text = value.strip()
    found = None if text.startswith("unix:") else url_scheme(text)
    if found:
        scheme = found.lower()
        text = text[len(found) + 3:]
        default_port = {"http": 80, "https": 443}.get(scheme, default_port)
    if "$" in text:
        return None
    if text.startswith("unix:"):
        path = text[5:]
        if found:  # proxy_pass http://unix:/path:/uri — the path ends at the next colon
            path = path.split(":", 1)[0]
        return _unix(path, value)
    if "/" in text:
        text = text.split("/", 1)[0]
    host, port = _split_host_port(text)
    if port is None and not default_port:
        return None
    return _inet(host, port, default_port, value)


def reaches(target: Address, listener: Address) -> bool:
    """True when a client connecting to ``target`` arrives at ``listener``."""
    if target.family != listener.family:
        return False
    if target.family == "unix":
        return target.path == listener.path
    if target.family != "inet" or target.port != listener.port or not target.port:
        return False
    if listener.is_wildcard or target.host == listener.host:
        return True
    if target.is_wildcard:
        # Linux sends a connect() to 0.0.0.0 or [::] to this host's loopback.
        return listener.is_loopback
    return target.is_loopback and listener.is_loopback and (
        "localhost" in (target.host, listener.host) or target.host == listener.host
    )
