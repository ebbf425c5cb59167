"""What ``core/launchers.py`` says each runner and user switcher does, measured again with
the real tool where it is installed (tools/measure_runners.py; a tool not here is skipped)."""
import os
import sys
import tempfile
from pathlib import Path

import pytest

from wsgilint.core.launchers import unwrap

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import measure_runners  # noqa: E402

PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else os.path.realpath(sys.executable)
CASES = measure_runners.cases(Path(sys.executable).parent, PYTHON)


@pytest.mark.skipif(os.geteuid() != 0, reason="the user switchers need root")
@pytest.mark.parametrize("name", ["uv run", "uvx", "uv tool run", "poetry run", "pipenv run", "pdm run", "hatch run", "gosu", "setpriv",
                                  "chpst -u", "runuser -u", "su -c", "runuser -c", "sudo -u", "s6-setuidgid", "python -m uv run", "tini",
                                  "dumb-init"])
@pytest.mark.parametrize("sent", ["SIGTERM", "SIGQUIT"])
def test_the_measured_behaviour_is_the_modelled_one(name, sent):
    if name not in CASES:
        pytest.skip(f"{name} is not installed here")
    prefix = CASES[name]
    # uvx's prefix ends with the command it runs (`python`): the launcher is what comes before.
    words = prefix[:-1] if prefix[-1] == "python" else prefix
    launchers, rest = unwrap([os.path.basename(words[0]), *words[1:], "gunicorn"])
    assert rest == ["gunicorn"] and launchers
    launcher = launchers[-1]
    with tempfile.TemporaryDirectory() as directory:
        measure_runners.prepare(Path(directory))
        outcome = measure_runners.measure(prefix, PYTHON, sent, Path(directory))
    if outcome is None:
        pytest.skip(f"{name} did not start the stand-in here (an offline install may lack what it needs)")
    assert outcome.execs is not launcher.stays
    assert outcome.forwarded is (not launcher.stays or sent.removeprefix("SIG") in launcher.forwards)
    assert outcome.cut is (outcome.forwarded and launcher.kills_after is not None)
    assert (outcome.user != 0) is bool(launcher.user)
