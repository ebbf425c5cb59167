"""D102 against the real systemd 252 unit loader (``systemd-analyze verify``): a relative
program path and a relative ``WorkingDirectory=`` are each a fatal error, so a unit whose
bare word roots both is refused as written; D102 says so as an error when the word is a
top-level directory (a missing leading ``/``) and as an info when the word can only stand
for a directory an installer fills in.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wsgilint.api import check

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                                                  reason="systemd-analyze is not installed here")]

FIXTURES = Path(__file__).parent.parent / "fixtures" / "D102"
CASES = {
    "near-miss-template-placeholder-root/systemd/gunicorn.service": ("info", "app_template_path/src"),
    "leading-slash-missing/deploy/gunicorn.service": ("error", "srv/app"),
}


@pytest.mark.parametrize("unit", sorted(CASES))
def test_systemd_refuses_the_unit_as_written_and_d102_grades_it(unit: str, tmp_path: Path) -> None:
    severity, directory = CASES[unit]
    copy = tmp_path / "app.service"
    shutil.copyfile(FIXTURES / unit, copy)
    verify = subprocess.run(["systemd-analyze", "verify", "--man=no", str(copy)], capture_output=True, text=True,
                            timeout=60)
    assert f"WorkingDirectory= path is not absolute: {directory}" in verify.stderr, verify.stderr
    assert "Unit configuration has fatal error, unit will not be started" in verify.stderr, verify.stderr
    # Without the WorkingDirectory= line, the program path is what systemd refuses.
    copy.write_text("".join(line for line in (FIXTURES / unit).read_text().splitlines(keepends=True)
                            if not line.startswith("WorkingDirectory=")))
    verify = subprocess.run(["systemd-analyze", "verify", "--man=no", str(copy)], capture_output=True, text=True,
                            timeout=60)
    assert "Neither a valid executable name nor an absolute path" in verify.stderr, verify.stderr
    found = [f for f in check([str(FIXTURES / unit.split("/", 1)[0])]).findings if f.code == "D102"]
    assert [f.severity for f in found] == [severity]
