"""X115 on a container script that starts nginx without `daemon off;` and then holds the
shell with `tail -f /dev/null`: run as PID 1 of a new PID namespace (as in a container),
nginx forks away, dash stays PID 1 in `tail`, and the SIGTERM `docker stop` sends it is
dropped: nginx keeps serving until the SIGKILL after the grace period ends it. `exec nginx`
alone would make PID 1 exit at once; `exec nginx -g 'daemon off;'` makes nginx PID 1, and
the SIGTERM stops it. wsgilint reports the first with that fix, not the second."""
from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import alive, dash_as_pid1, free_port, namespace_pid1, nginx_binary, nginx_main_conf, port_accepts

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_root")]


def _after_sigterm(tmp_path: Path, start: str) -> tuple[bool, bool, bool]:
    """Run ``start`` (the script's nginx lines) under dash as PID 1; once nginx serves, send
    PID 1 SIGTERM as `docker stop` does. Returns (PID 1 alive, nginx serving) 2 s later, and
    whether nginx still serves once PID 1 is SIGKILLed (the end of the grace period)."""
    if shutil.which("dash") is None:
        pytest.skip("needs dash (Debian's /bin/sh)")
    port = free_port()
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_main_conf(f"    server {{ listen 127.0.0.1:{port}; return 200 \"ok\\n\"; }}\n"))
    nginx = f"{nginx_binary()} -p {prefix}/ -c {conf} -e {prefix}/error.log"
    script = tmp_path / "start.sh"
    script.write_text("#!/bin/sh\n/bin/true\n" + start.format(nginx=nginx, pid=f"pid {prefix}/nginx.pid;") + "\n")
    with dash_as_pid1(script, tmp_path / "out.log") as process:
        pid1 = namespace_pid1(process.pid)
        deadline = time.monotonic() + 20
        while not port_accepts(port):
            assert time.monotonic() < deadline, (tmp_path / "out.log").read_text()
            time.sleep(0.1)
        os.kill(pid1, signal.SIGTERM)      # docker stop: SIGTERM to PID 1 only
        time.sleep(2)
        pid1_alive, serving = alive(pid1), port_accepts(port)
        if pid1_alive:
            os.kill(pid1, signal.SIGKILL)  # the grace period is over: the kernel ends the namespace
        process.wait(10)
        return pid1_alive, serving, port_accepts(port)


def _x115(tmp_path: Path, start: str) -> list[str]:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "Dockerfile").write_text('FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n'
                                     'COPY start.sh /start.sh\nCMD ["/bin/sh", "/start.sh"]\n')
    (tree / "nginx.conf").write_text('events {}\nhttp {\n    server {\n        listen 80;\n'
                                     '        return 200 "ok";\n    }\n}\n')
    (tree / "start.sh").write_text("#!/bin/sh\n/bin/true\n" + start.format(nginx="nginx", pid="") + "\n")
    return [f.message for f in check([str(tree)]).findings if f.code == "X115"]


HELD = "{nginx} -g '{pid}'\ntail -f /dev/null"
FIXED = "exec {nginx} -g 'daemon off; {pid}'"


def test_forked_nginx_behind_tail_ignores_docker_stop(tmp_path: Path) -> None:
    alive, serving, after_kill = _after_sigterm(tmp_path, HELD)
    assert alive and serving and not after_kill
    messages = _x115(tmp_path, HELD)
    assert len(messages) == 1
    assert "nginx forks away" in messages[0] and "`exec nginx -g 'daemon off;'`" in messages[0]


def test_exec_nginx_daemon_off_stops_on_sigterm(tmp_path: Path) -> None:
    alive, serving, _ = _after_sigterm(tmp_path, FIXED)
    assert not alive and not serving
    assert _x115(tmp_path, FIXED) == []
