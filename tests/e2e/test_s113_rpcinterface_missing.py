"""S113 against real Supervisor: without `[rpcinterface:supervisor]` supervisord 4.3 starts
and serves its socket, but every supervisorctl command fails (`status` exits 4, `restart`
exits 3); the same section in a file that `[include]` reads is enough, as supervisord reads
included files into the same sections."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .servers import Servers, findings_with_code, start_supervisord, supervisord_conf, wsgilint_json

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_supervisor")]

RPC = ("[rpcinterface:supervisor]\n"
       "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n")
PROGRAM = f"[program:app]\ncommand = {sys.executable} -c \"import time; time.sleep(600)\"\nstartsecs = 0\n"


@pytest.mark.parametrize("included", [False, True])
def test_supervisorctl_needs_the_supervisor_interface(
        tmp_path: Path, open_dir: Path, servers: Servers, included: bool) -> None:
    tree, run = tmp_path / "tree", tmp_path / "run"
    (tree / "conf.d").mkdir(parents=True)
    run.mkdir()
    control = open_dir / "supervisor.sock"
    text = supervisord_conf(control, run, PROGRAM)
    assert RPC in text
    text = text.replace(RPC, "")
    if included:
        (tree / "conf.d" / "rpc.conf").write_text(RPC)
        text += "\n[include]\nfiles = conf.d/*.conf\n"
    conf = tree / "supervisord.conf"
    conf.write_text(text)
    supervisord = start_supervisord(servers, conf, control, run)

    status = supervisord.ctl("status", "app")
    restart = supervisord.ctl("restart", "app")
    findings = findings_with_code(wsgilint_json(tree), "S113")
    if included:
        supervisord.wait_for_state("app", ("RUNNING",))
        assert restart.returncode == 0, restart.stdout + restart.stderr
        assert findings == []
    else:
        refused = "did not recognize the supervisor namespace commands"
        assert (status.returncode, restart.returncode) == (4, 3)
        assert refused in status.stdout and refused in restart.stdout
        assert len(findings) == 1, findings
        assert findings[0]["severity"] == "warning"
        assert "[rpcinterface:supervisor]" in findings[0]["message"]
