"""X101's listener indexes answer exactly what a scan of every listener answers (the scan
was quadratic on a fleet: one pass over all listeners per unmatched target)."""
from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from wsgilint.model import Address, Listener, Span
from wsgilint.rules.x101_pass_target_mismatch import _distance, _Listeners

HOSTS = st.sampled_from(["", "127.0.0.1", "127.0.1.1", "::1", "localhost", "10.0.0.5", "192.168.1.2"])
PORTS = st.one_of(st.integers(0, 70000), st.sampled_from([8000, 8001, 8010, 18001, 9000]),
                  st.integers(999_999, 10_000_000))
PATHS = st.sampled_from(["/run/a/app.sock", "/run/a/other.sock", "/run/b/app.sock", "app.sock", "run/app.sock",
                         "@abstract", "/tmp/x.sock"])
ADDRESSES = st.one_of(st.builds(lambda h, p: Address("inet", host=h, port=p), HOSTS, PORTS),
                      st.builds(lambda p: Address("unix", path=p), PATHS),
                      st.just(Address("fd", text="fd://3")))


def listener(address: Address) -> Listener:
    server: Any = None   # the index reads addresses only
    return Listener(address, "uwsgi", "socket", Span("x.ini", 1), server)


@settings(max_examples=400, deadline=None)
@given(st.lists(ADDRESSES, max_size=12), ADDRESSES)
def test_nearest_is_the_first_listener_at_the_least_distance(addresses: list[Address], target: Address) -> None:
    listeners = [listener(address) for address in addresses]
    expected = min(listeners, key=lambda one: _distance(target, one)) if listeners else None
    assert _Listeners(listeners).nearest(target) is expected


@settings(max_examples=200, deadline=None)
@given(st.lists(ADDRESSES, max_size=12), PATHS)
def test_relative_namesake_is_the_first_relative_socket_of_that_name(addresses: list[Address], path: str) -> None:
    listeners = [listener(address) for address in addresses]
    name = path.rsplit("/", 1)[-1]
    expected = next((one for one in listeners if one.address.family == "unix" and not one.address.path.startswith("/")
                     and one.address.path.rsplit("/", 1)[-1] == name), None)
    assert _Listeners(listeners).relative_namesake(name) is expected
