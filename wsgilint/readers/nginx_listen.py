"""The parameters after a ``listen`` address, refused as nginx refuses them.

nginx's ngx_http_core_listen (src/http/ngx_http_core_module.c) compares each word after
the address with the parameters it knows and stops on the first it does not know
(``invalid parameter "server_name"``), before anything is served. The usual cause is a
``;`` missing at the end of the ``listen`` line: the next line's words become parameters.

Names are taken from every nginx release, not only from one: ``spdy`` (refused since
1.19.7), ``quic`` (1.25.0) and ``multipath`` (1.29.7) depend on the version, which rule N113
judges; ``setfib=`` is FreeBSD's only and ``accept_filter=`` is only warned about elsewhere.
In a fragment whose context is a guess, ``udp`` (the stream module's ``listen``) is taken
too. Values are checked where nginx checks them with ``ngx_atoi`` (``backlog=``,
``fastopen=``) or by its two words (``ipv6only=``); sizes and times (``rcvbuf=``,
``so_keepalive=``) are not. A word with a ``$`` is left alone: it is a template's.
"""
from __future__ import annotations

__all__ = ["listen_parameter_error", "ngx_atoi"]

_WORDS = frozenset({"default_server", "default", "bind", "deferred", "reuseport", "ssl", "http2", "quic", "spdy",
                    "multipath", "proxy_protocol"})
_PREFIXES = ("setfib=", "rcvbuf=", "sndbuf=", "accept_filter=", "so_keepalive=")
_STREAM_WORDS = frozenset({"udp"})
_NGX_MAX_INT = 2 ** 63 - 1


def ngx_atoi(text: str) -> int | None:
    """nginx's ngx_atoi: ASCII digits only, not empty, no overflow; None for its NGX_ERROR."""
    if not text or text.strip("0123456789") or len(text.lstrip("0")) > 19:
        return None
    number = int(text)
    return number if number <= _NGX_MAX_INT else None


_UNKNOWN_HINT = ("remove it, or write one nginx knows (default_server, ssl, http2, proxy_protocol, reuseport, "
                 "backlog=N, ipv6only=on|off...)")


def _one_error(word: str, guessed_context: bool) -> tuple[str, str] | None:
    """nginx's words for a parameter it refuses, and how to fix it."""
    if "$" in word or word in _WORDS or word.startswith(_PREFIXES):
        return None
    if guessed_context and word in _STREAM_WORDS:
        return None
    if word.startswith("backlog="):
        return None if ngx_atoi(word[8:]) else (f'invalid backlog "{word}"', "write a number above 0 (backlog=511)")
    if word.startswith("fastopen="):
        return None if ngx_atoi(word[9:]) is not None else (f'invalid fastopen "{word}"', "write a number (fastopen=256)")
    if word.startswith("ipv6only=o"):
        return None if word[10:] in ("n", "ff") else (f'invalid ipv6only flags "{word[9:]}"',
                                                      "write ipv6only=on or ipv6only=off")
    return f'invalid parameter "{word}"', _UNKNOWN_HINT


def listen_parameter_error(parameters: list[str], guessed_context: bool) -> tuple[int, str, str] | None:
    """The index of the first parameter (the words after the address) nginx refuses,
    nginx's words for it and how to fix it; None when nginx takes them all."""
    for index, word in enumerate(parameters):
        error = _one_error(word, guessed_context)
        if error is not None:
            return index, *error
    return None
