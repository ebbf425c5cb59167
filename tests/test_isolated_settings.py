"""``--isolated``: no settings file is searched for, so a checked-out pull request cannot
switch checks off with its own pyproject.toml; ``--config`` still applies."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import write_tree

from wsgilint.config import settings_for

TREE = {
    "deploy/nginx/site.conf": "server {\n    listen 80;\n    location / { uwsgi_pass 127.0.0.1:9000; }\n}\n",
    "pyproject.toml": '[tool.wsgilint]\nfail-on = "never"\n',
}


def test_isolated_searches_for_no_settings_file(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    assert settings_for(None, tmp_path).fail_on == "never"
    assert settings_for(None, tmp_path, isolated=True).fail_on is None
    trusted = tmp_path / "trusted.toml"
    trusted.write_text('fail-on = "error"\n')
    assert settings_for(str(trusted), tmp_path, isolated=True).fail_on == "error"


def test_isolated_on_the_command_line(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)

    def exit_code(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "wsgilint", "check", "deploy", *args], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False).returncode

    assert exit_code() == 0
    assert exit_code("--isolated") == 1
