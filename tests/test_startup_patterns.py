"""Three patterns no longer compiled at start-up: what replaced each finds what the pattern
found (docs/performance.md, start-up)."""
from __future__ import annotations

import re

from wsgilint.core.numbers import decimal
from wsgilint.model import Host
from wsgilint.model.supervisor import _socket
from wsgilint.readers.sysctl import normalize_key


def test_version_numbers_are_the_runs_of_decimal_digits() -> None:
    for text in ["2.0.31", "1.24", "nginx/1.25.3 (Ubuntu)", "", "x", "v٣.٤", "2²3.1", "10.0.0.1.2", "  7 "]:
        host = Host.__new__(Host)
        object.__setattr__(host, "versions", {"p": type("V", (), {"value": text})()})
        expected = tuple(decimal(part) or 0 for part in re.findall(r"\d+", text)[:3])
        assert host.version("p") == expected, text


def test_sysctl_key_swaps_roles_when_a_slash_comes_first() -> None:
    for key in ["net/core/somaxconn", "net.core.somaxconn", "net/ipv4/conf/eth0.100/rp_filter",
                "net.ipv4.conf.eth0/100.rp_filter", "", "plain", " /a.b ", "a.b/c"]:
        stripped = key.strip()
        first = re.search(r"[./]", stripped)
        expected = stripped.translate(str.maketrans("/.", "./")) if first and first.group() == "/" else stripped
        assert normalize_key(key) == expected, key


def test_var_run_socket_is_the_run_socket() -> None:
    for path in ["/var/run/app.sock", "/run/app.sock", "/var/run", "/var/running/x", "x/var/run/y"]:
        assert _socket(path) == _socket(re.sub(r"^/var/run/", "/run/", path)), path
