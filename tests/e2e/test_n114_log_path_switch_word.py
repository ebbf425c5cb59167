"""N114 against a real nginx: `error_log off;` and `access_log on;` name files.

nginx opens both paths relative to its prefix (`-p`): the errors are still written, to a
file named `off`, and every request is logged to a file named `on`. `access_log off;`, the
one switch nginx knows, logs nothing.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from .servers import Servers, findings_with_code, free_port, http_get, line_with, nginx_main_conf, place, wsgilint_json

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

SERVER = """\
    server {{
        listen 127.0.0.1:{port};
        location /quiet {{
            access_log off;
            return 200 "quiet\\n";
        }}
        location / {{
            return 404;
        }}
        location /missing-file {{
        }}
    }}
"""


def logged(path: Path, needle: str, timeout: float = 10.0) -> str:
    """``path``'s text once it holds ``needle`` (nginx writes the access log after the response)."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = path.read_text() if path.exists() else ""
        if needle in text:
            break
        time.sleep(0.05)
    return text


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, Path, int]:
    """(the linted tree's nginx.conf, nginx's prefix, nginx's port) with nginx running."""
    tree, prefix = tmp_path / "tree", tmp_path / "prefix"
    tree.mkdir()
    port = free_port()
    conf = tree / "nginx.conf"
    text = nginx_main_conf(SERVER.format(port=port))
    text = text.replace("error_log error.log info;", "error_log off;").replace("access_log access.log;", "access_log on;")
    conf.write_text(text)
    servers.nginx(conf, prefix, port)
    return conf, prefix, port


def test_error_log_off_writes_the_errors_to_a_file_named_off(deployment: tuple[Path, Path, int]) -> None:
    _, prefix, port = deployment
    assert http_get(port, "/missing-file").status == 404
    assert "/missing-file" in logged(prefix / "off", "/missing-file")   # open() "<prefix>/html/missing-file" failed


def test_access_log_on_logs_to_a_file_named_on_and_access_log_off_logs_nothing(
        deployment: tuple[Path, Path, int]) -> None:
    _, prefix, port = deployment
    assert http_get(port, "/quiet").status == 200
    assert http_get(port, "/elsewhere").status == 404
    text = logged(prefix / "on", "/elsewhere")
    assert '"GET /elsewhere HTTP/1.1" 404' in text
    assert "/quiet" not in text
    assert not (prefix / "access.log").exists()


def test_n114_warns_at_both_words_and_not_at_access_log_off(deployment: tuple[Path, Path, int]) -> None:
    conf, _, _ = deployment
    tree = conf.parent
    findings = findings_with_code(wsgilint_json(tree), "N114")
    assert {place(f, tree): f["severity"] for f in findings} == {
        (conf.resolve(), line_with(conf, "error_log off;")): "warning",
        (conf.resolve(), line_with(conf, "access_log on;")): "warning",
    }
