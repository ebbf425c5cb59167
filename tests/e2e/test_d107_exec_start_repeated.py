"""D107 against the real systemd 252 unit loader (``systemd-analyze verify``): two
``ExecStart=`` lines make it refuse a service that is not ``Type=oneshot``, and D107 reports
exactly the units it refuses."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wsgilint.api import check

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                                                  reason="systemd-analyze is not installed here")]

FIXTURES = Path(__file__).parent.parent / "fixtures" / "D107"
REFUSED = "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing."
CASES = {
    "two-exec-starts-in-a-simple-service/app.service": True,
    "notify-service-with-two-exec-starts/app.service": True,
    "near-miss-oneshot-runs-each-in-turn/app-setup.service": False,
}


@pytest.mark.parametrize("unit", sorted(CASES))
def test_systemd_refuses_exactly_the_units_d107_reports(unit: str, tmp_path: Path) -> None:
    copy = tmp_path / (Path(unit).name)
    shutil.copyfile(FIXTURES / unit, copy)
    verify = subprocess.run(["systemd-analyze", "verify", "--man=no", str(copy)], capture_output=True, text=True,
                            timeout=60)
    assert (REFUSED in verify.stderr) is CASES[unit], verify.stderr
    found = [f for f in check([str(FIXTURES / unit.split("/", 1)[0])]).findings if f.code == "D107"]
    assert [f.severity for f in found] == (["error"] if CASES[unit] else [])
