"""A quoted stats address against real uWSGI 2.0.31: uWSGI keeps the quotes, sees the `:` and
binds TCP, cannot resolve the host `"` and binds 255.255.255.255, where no client connects. So
the quotes are the one cause (U103, which names 255.255.255.255), not an exposed stats server
(U109) nor a relative unix socket path (U118). Without the quotes it listens on every interface
and U109 stands.

The quoted run is in a private network namespace (``unshare -n``): resolving `"` may ask the
configured DNS server otherwise.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Servers, free_port, port_accepts, start_uwsgi, wait_for_log, write_app

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]

INI = "[uwsgi]\nmaster = true\nprocesses = 1\nhttp-socket = 127.0.0.1:{http}\nwsgi-file = {app}\nstats = {stats}\n"
# lo up, so that a refused connection is uWSGI's address and not a network that is down.
_PRIVATE_NETWORK = ("unshare", "-n", "--", "sh", "-c", 'ip link set lo up && exec "$@"', "sh")


def _listening(pid: int, port: int) -> set[str]:
    """The IPv4 addresses ``pid``'s network namespace listens on at ``port`` (kernel hex, as /proc shows)."""
    rows = Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]
    return {fields[1].split(":")[0] for fields in (row.split() for row in rows)
            if fields[3] == "0A" and int(fields[1].split(":")[1], 16) == port}


def _connects_inside(pid: int, port: int) -> bool:
    probe = f"import socket\ntry:\n socket.create_connection(('127.0.0.1', {port}), 2)\nexcept OSError:\n exit(1)"
    return subprocess.run(["nsenter", f"--net=/proc/{pid}/ns/net", "python3", "-c", probe],
                          check=False, timeout=30).returncode == 0


def _codes(tree: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in check([str(tree)]).findings:
        found.setdefault(finding.code, []).append(finding.message)
    return found


def test_a_quoted_stats_address_binds_no_reachable_address(servers: Servers, tmp_path: Path) -> None:
    if not (shutil.which("unshare") and shutil.which("nsenter") and shutil.which("ip")):
        pytest.skip("unshare, nsenter and ip are needed for a private network namespace")
    stats = free_port()
    write_app(tmp_path)
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(INI.format(http=free_port(), app=tmp_path / "app.py", stats=f'":{stats}"'))
    server = start_uwsgi(servers, ini, tmp_path, wrapper=_PRIVATE_NETWORK)
    wait_for_log(server, "Stats server enabled")
    assert _listening(server.pid, stats) == {"FFFFFFFF"}     # 255.255.255.255
    assert not _connects_inside(server.pid, stats)
    server.stop()

    codes = _codes(tmp_path)
    assert "U109" not in codes and "U118" not in codes
    assert any("255.255.255.255" in message for message in codes["U103"])


def test_without_quotes_the_stats_server_answers_on_every_interface(servers: Servers, tmp_path: Path) -> None:
    stats = free_port()
    write_app(tmp_path)
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(INI.format(http=free_port(), app=tmp_path / "app.py", stats=f":{stats}"))
    server = start_uwsgi(servers, ini, tmp_path)
    wait_for_log(server, "Stats server enabled")
    assert _listening(server.pid, stats) == {"00000000"}     # 0.0.0.0
    assert port_accepts(stats)
    server.stop()

    codes = _codes(tmp_path)
    assert len(codes["U109"]) == 1 and "every interface" in codes["U109"][0]
    assert "U118" not in codes and "U103" not in codes
