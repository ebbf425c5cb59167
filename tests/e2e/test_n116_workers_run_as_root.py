"""N116 against a real nginx: which user its workers run as under `user root;`.

Measured with nginx 1.22:
- a root master with `user root;` runs its workers as root (uid 0), silently; without a
  `user` line they run as nobody;
- a master that is not root ignores the line: `nginx -t` as nobody says `[warn] the "user"
  directive makes sense only if the master process runs with super-user privileges, ignored`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .servers import Servers, findings_with_code, free_port, nginx_binary, nginx_main_conf, place, wsgilint_json

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx"),
              pytest.mark.skipif(os.geteuid() != 0, reason="a root master is what this measures")]

SERVER = "    server {{\n        listen 127.0.0.1:{port};\n        location / {{\n            return 200 ok;\n" \
         "        }}\n    }}\n"
UNIT = """\
[Unit]
Description=nginx as an unprivileged user

[Service]
User=nobody
ExecStart=/usr/sbin/nginx -c /srv/site/nginx.conf -g "daemon off;"

[Install]
WantedBy=multi-user.target
"""


def conf_text(user: str | None, port: int) -> str:
    """``nginx_main_conf`` with ``user`` as its first line (or none)."""
    body = nginx_main_conf(SERVER.format(port=port)).removeprefix("user root;\n")
    return (f"user {user};\n" if user else "") + body


def worker_uids(master: int) -> set[int]:
    """The real uids of the master's children (its workers), read from /proc."""
    uids = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields.get("PPid", "0").strip()) == master:
            uids.add(int(fields["Uid"].split()[0]))
    return uids


@pytest.mark.parametrize(("user", "uid"), [("root", 0), (None, 65534)])
def test_a_root_master_runs_its_workers_as_the_user_line_says(user: str | None, uid: int, tmp_path: Path,
                                                              servers: Servers) -> None:
    tree, run = tmp_path / "tree", tmp_path / "run"
    tree.mkdir()
    port = free_port()
    conf = tree / "nginx.conf"
    conf.write_text(conf_text(user, port))
    master = servers.nginx(conf, run, port)

    # The master listens before it forks its workers: a connection can be accepted into the
    # backlog while none is there yet.
    deadline = time.monotonic() + 10
    while not worker_uids(master.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker_uids(master.pid) == {uid}
    findings = findings_with_code(wsgilint_json(tree), "N116")
    expected = [((conf.resolve(), 1), "warning")] if user else []
    assert [(place(f, tree), f["severity"]) for f in findings] == expected


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory nobody can write to: nginx -t opens its logs there."""
    path = Path(tempfile.mkdtemp(prefix="n116-", dir="/tmp"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        shutil.rmtree(path)


def test_a_master_that_is_not_root_ignores_user_root_and_n116_says_info(shared_dir: Path) -> None:
    conf = shared_dir / "nginx.conf"
    conf.write_text(conf_text("root", free_port()))
    conf.chmod(0o644)
    completed = subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", str(nginx_binary()), "-t",
         "-p", f"{shared_dir}/", "-c", str(conf), "-e", str(shared_dir / "error.log"),
         "-g", f"pid {shared_dir / 'nginx.pid'};"],
        capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert ('the "user" directive makes sense only if the master process runs with super-user privileges, '
            f"ignored in {conf}:1") in completed.stderr

    (shared_dir / "nginx.service").write_text(UNIT)
    findings = findings_with_code(wsgilint_json(shared_dir), "N116")
    assert [(place(f, shared_dir), f["severity"]) for f in findings] == [((conf.resolve(), 1), "info")]
    assert [place(r, shared_dir) for r in findings[0]["related"]] == [((shared_dir / "nginx.service").resolve(), 5)]
