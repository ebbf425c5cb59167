"""S114 against real Supervisor 4.3: supervisord runs no shell, so `command=source x && sleep 30`
fails at every spawn ("can't find command 'source'") and ends FATAL; `sleep 30 > log` passes
`>` and `log` to sleep, which refuses them, so it ends FATAL too; the same line in
`/bin/sh -c "... && exec ..."` runs, and is not reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import Servers, findings_with_code, start_supervisord, supervisord_conf, wsgilint_json

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_supervisor")]

# (command, state supervisord ends in, severity of S114 or None)
CASES = [
    ("source {env} && sleep 30", "FATAL", "error"),
    ("sleep 30 > {run}/sleep.log", "FATAL", "warning"),
    ('/bin/sh -c ". {env} && exec sleep 30"', "RUNNING", None),
]


@pytest.mark.parametrize(("command", "state", "severity"), CASES)
def test_supervisord_runs_no_shell(tmp_path: Path, open_dir: Path, servers: Servers,
                                   command: str, state: str, severity: str | None) -> None:
    tree, run = tmp_path / "tree", tmp_path / "run"
    tree.mkdir()
    run.mkdir()
    env = run / "env.sh"
    env.write_text("APP_SETTING=1\n")
    program = f"[program:app]\ncommand = {command.format(env=env, run=run)}\nstartsecs = 1\nstartretries = 1\n"
    control = open_dir / "supervisor.sock"
    conf = tree / "supervisord.conf"
    conf.write_text(supervisord_conf(control, run, program))
    supervisord = start_supervisord(servers, conf, control, run)

    line = supervisord.wait_for_state("app", ("RUNNING", "FATAL") if state == "RUNNING" else ("FATAL",))
    assert line.split()[1] == state, line
    if command.startswith("source"):
        assert "can't find command 'source'" in (run / "supervisord.log").read_text()
    findings = findings_with_code(wsgilint_json(tree), "S114")
    if severity is None:
        assert findings == []
    else:
        assert [finding["severity"] for finding in findings] == [severity], findings
