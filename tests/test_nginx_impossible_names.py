"""N110 on a directive name no nginx module can have, against the real ``nginx -t``.

nginx stops at such a name with ``unknown directive "NAME"`` whatever modules it was
built with; wsgilint reports it as an error with the same words. A template's
placeholder in the same place is left alone (its file is not what nginx will read).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import nginx_test_http

from wsgilint.api import check

_EMERG = re.compile(r"\[emerg\] (.*?) in ")


def _site(name: str) -> str:
    return (f"server {{\n    listen 18150;  {name} 80 is the http port\n    server_name example.com;\n"
            "    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n")


def _nginx_says(tmp_path: Path, site: Path) -> str:
    result = nginx_test_http(tmp_path, f"include {site};")
    match = _EMERG.search(result.stderr)
    assert result.returncode == 1 and match, result.stderr
    return match.group(1)


@pytest.mark.parametrize("name", ["//", "--", "端口", "listen:", "!listen"])
def test_a_name_no_module_has_is_nginx_s_own_error(tmp_path, name):
    site = tmp_path / "sites" / "app.conf"
    site.parent.mkdir()
    site.write_text(_site(name))
    said = _nginx_says(tmp_path, site)
    assert said == f'unknown directive "{name}"'
    found = [f for f in check([str(site.parent)]).findings if f.code == "N110"]
    assert [(f.severity, f.at.line) for f in found] == [("error", 2)]
    assert found[0].message.startswith(said + ":")


@pytest.mark.parametrize("name", ["${COMMENT}", "@COMMENT@"])
def test_a_placeholder_is_left_to_the_template_it_belongs_to(tmp_path, name):
    site = tmp_path / "sites" / "app.conf"
    site.parent.mkdir()
    site.write_text(_site(name))
    assert _nginx_says(tmp_path, site) == f'unknown directive "{name}"'
    assert [f for f in check([str(site.parent)]).findings if f.code == "N110"] == []
