"""The indexes rules build once per run find what a look through everything finds.

A fleet's cross-file rules ask about thousands of places; they look things up in indexes
built once per run instead of going through every listener for each finding. These tests
hold each index to the plain search it replaces, on random deployments."""
from __future__ import annotations

import random

import pytest

from wsgilint.model import Address, AppServer, Deployment, Host, Listener, Option, Setting, Span
from wsgilint.rules.x101_pass_target_mismatch import _distance, _Listeners

_HOSTS = ["127.0.0.1", "", "10.0.0.7", "localhost", "::1", "app.internal"]
_DIRECTORIES = ["/run/uwsgi", "/run", "/tmp", "run", ""]


def _address(rnd: random.Random, ports: list[int]) -> Address:
    kind = rnd.random()
    if kind < 0.6:
        return Address("inet", host=rnd.choice(_HOSTS), port=rnd.choice(ports))
    if kind < 0.95:
        directory = rnd.choice(_DIRECTORIES)
        return Address("unix", path=f"{directory}/app{rnd.randrange(5)}.sock" if directory else "app.sock")
    return Address("fd", text="fd://3")


def _deployment(addresses: list[Address]) -> Deployment:
    deployment = Deployment(files=[], host=Host(mode="repository", somaxconn=Setting(4096)))
    for number, address in enumerate(addresses, start=1):
        server = AppServer("uwsgi", f"app{number}", Span("app.ini", number))
        server.listeners.append(Listener(address, "uwsgi", "socket", Span("app.ini", number, 1, 7), server))
        deployment.app_servers.append(server)
    return deployment


@pytest.mark.parametrize("seed", range(40))
def test_x101_nearest_listener_is_the_one_every_listener_measured_gives(seed: int) -> None:
    rnd = random.Random(seed)
    # Dense ports (a fleet's 20000 + n) and a few anywhere, up to ports longer than the
    # six digits the distance compares.
    ports = [20000 + n for n in range(rnd.randrange(1, 300))] + [rnd.randrange(0, 70000) for _ in range(5)] \
        + ([1234567] if seed % 5 == 0 else [])
    listeners = [_address(rnd, ports) for _ in range(rnd.randrange(0, 200))]
    index = _Listeners(_deployment(listeners))
    for _ in range(50):
        target = _address(rnd, ports + [rnd.randrange(0, 70000), 1234568])
        expected = min(index.listeners, key=lambda listener: _distance(target, listener)) if listeners else None
        assert index.nearest(target) is expected, target


@pytest.mark.parametrize("seed", range(30))
def test_last_and_has_find_what_a_scan_finds_as_options_are_appended(seed):
    """``AppServer.last`` and ``has`` answer from an index of each key's last place, and ``all``
    scans only when it holds one of the keys; options appended between two questions
    (Gunicorn's config, environment, command line, one after another) are seen, and of
    several aliases the one written last wins."""
    rnd = random.Random(seed)
    keys = ["socket", "uwsgi-socket", "master", "workers", "processes", "chdir"]
    server = AppServer("uwsgi", "app", Span("app.ini"))
    for step in range(rnd.randrange(1, 25)):
        server.options.append(Option(rnd.choice(keys), str(step), Span("app.ini", step + 1)))
        asked = tuple(rnd.sample(keys, rnd.randrange(1, 3)))
        scanned = next((option for option in reversed(server.options) if option.key in asked), None)
        assert server.last(*asked) is scanned
        assert server.has(*asked) == (scanned is not None)
        assert server.all(*asked) == [option for option in server.options if option.key in asked]
    server.options = [Option("master", "true", Span("other.ini"))]   # a list of its own: indexed anew
    assert server.last("master") is server.options[0] and not server.has("socket")
    assert server.all("master") == server.options and server.all("socket", "chdir") == []
