"""D105 against systemd's own parser: `systemd-analyze verify` (systemd 252) shows what it makes
of a `# comment` after a value, line by line, and each finding says the same."""
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check

UNIT = """[Unit]
Description=App server # free text
After=network.target # needs the network

[Service]
User=nobody # the app's user
Environment=DEBUG=0 # and TESTING=1
RuntimeDirectory=app # Requires systemd 211
ExecStart=/bin/true --ini app.ini # the ini
TimeoutStopSec=30 # graceful
"""


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_reads_the_comment_as_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"etc/systemd/system/app.service": UNIT})
    unit = tmp_path / "etc/systemd/system/app.service"
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", str(unit)],
                            capture_output=True, text=True, timeout=60, check=False)
    said = result.stderr
    # What systemd logs for the lines D105 names (a missing user is found only at start).
    assert f"{unit}:3: Failed to add dependency on #, ignoring" in said
    assert "Accepting user/group name 'nobody # the app's user'" in said
    assert f"{unit}:7: Invalid environment assignment, ignoring: #" in said
    assert f"{unit}:10: Failed to parse time value, ignoring: 30 # graceful" in said
    assert f"{unit}:8:" not in said and f"{unit}:2:" not in said   # extra directories and free text: silent
    monkeypatch.chdir(tmp_path)
    found = {f.at.line: (f.severity, f.message) for f in check(["."]).findings if f.code == "D105"}
    assert sorted(found) == [3, 6, 7, 8, 9, 10]
    assert found[3][0] == "info" and found[6][0] == "error"
    assert "sets TESTING=1 as well" in found[7][1]
    assert "`#`, `Requires`, `systemd`, `211`" in found[8][1]
    assert "/bin/true gets `#`, `the`, `ini` as 3 more arguments" in found[9][1]
