"""S102 against real Supervisor and Gunicorn: with ``redirect_stderr = true`` supervisord
writes nothing to ``stderr_logfile``, but Gunicorn's ``errorlog`` set to that path does
(measured with supervisord 4.3 and Gunicorn 27): so the finding says what supervisord
does, and is only an info when the program writes the file itself."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from .servers import (
    Orphans,
    Servers,
    findings_with_code,
    free_port,
    start_supervisord,
    supervisord_conf,
    write_app,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_gunicorn", "need_supervisor")]

PROGRAM = """\
[program:app]
command = {python} -m gunicorn --no-control-socket -c {conf} app:application
directory = {run}
redirect_stderr = true
stdout_logfile = {run}/out.log
stderr_logfile = {run}/err.log
"""


@pytest.mark.parametrize("errorlog", [True, False])
def test_stderr_file_written_only_by_the_program(
        tmp_path: Path, open_dir: Path, orphans: Orphans, servers: Servers, errorlog: bool) -> None:
    tree, run = tmp_path / "tree", tmp_path / "run"
    tree.mkdir()
    run.mkdir()
    write_app(run)
    port = free_port()
    conf = tree / "gunicorn.conf.py"
    conf.write_text(f"bind = '127.0.0.1:{port}'\nworkers = 1\n" + (f"errorlog = '{run}/err.log'\n" if errorlog else ""))
    supervisor_conf = tree / "supervisord.conf"
    control = open_dir / "supervisor.sock"
    supervisor_conf.write_text(supervisord_conf(control, run, PROGRAM.format(python=sys.executable, conf=conf, run=run)))
    orphans.watch(str(conf), port=port)
    supervisord = start_supervisord(servers, supervisor_conf, control, run)
    supervisord.wait_for_state("app", ("RUNNING",))
    deadline = time.monotonic() + 20
    logs = run / ("err.log" if errorlog else "out.log")
    while time.monotonic() < deadline and not (logs.exists() and "Listening at" in logs.read_text()):
        time.sleep(0.1)
    assert "Listening at" in logs.read_text()
    assert (run / "err.log").exists() is errorlog
    assert "ERROR (no log file)" in supervisord.ctl("tail", "app", "stderr").stdout
    assert "has also been set to a filename, the filename has been ignored" in (run / "supervisord.log").read_text()

    findings = findings_with_code(wsgilint_json(tree), "S102")
    assert len(findings) == 1, findings
    assert findings[0]["severity"] == ("info" if errorlog else "warning")
    assert "writes nothing to" in findings[0]["message"]
