"""N110's hint names the nearest directive that takes as many arguments as the line has."""
from pathlib import Path

import pytest

from wsgilint.api import check
from wsgilint.model.nginx_scope import takes_arguments


@pytest.mark.parametrize(("name", "count", "expected"), [
    ("uwsgi_pass", 1, True), ("uwsgi_pass", 2, False), ("uwsgi_param", 2, True), ("uwsgi_param", 1, False),
    ("gzip", 1, True), ("gzip", 0, False), ("internal", 0, True), ("server_name", 5, True),
    ("no_such_directive", 1, None),
])
def test_takes_arguments(name: str, count: int, expected: bool | None) -> None:
    assert takes_arguments(name, count) is expected


@pytest.mark.parametrize(("line", "meant"), [
    ("uwsgi_params flask:8080;", "uwsgi_pass"),
    ("uwsgi_params SCRIPT_NAME /app;", "uwsgi_param"),
])
def test_hint_fits_the_arguments(tmp_path: Path, line: str, meant: str) -> None:
    (tmp_path / "nginx.conf").write_text(f"server {{\n    listen 80;\n    location / {{\n        {line}\n    }}\n}}\n")
    [finding] = check([str(tmp_path)], select=("N110",)).findings
    assert finding.message.endswith(f"did you mean `{meant}`?")
