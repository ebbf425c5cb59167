"""U107 on `module` beside `wsgi-file`: real uWSGI tries the module first and falls back to
the file when the module yields no callable, so which one serves depends on the app's code.
The finding is an info that says so, and never claims the module is what runs."""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Servers, free_port, http_get, start_uwsgi

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]


def _app(body: str) -> str:
    return ("def application(environ, start_response):\n"
            f"    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            f"    return [b'{body}']\n")


def _serve(servers: Servers, tmp_path: Path) -> tuple[bytes, str]:
    """(what uWSGI answers, U107's severity) for the tree in ``tmp_path``, with both loaders."""
    port = free_port()
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(f"[uwsgi]\nchdir = {tmp_path}\nhttp-socket = 127.0.0.1:{port}\nmodule = mysite\n"
                   "wsgi-file = mysite/wsgi.py\nmaster = true\nprocesses = 1\n")
    server = start_uwsgi(servers, ini, tmp_path)
    server.wait_for_port(port)
    response = http_get(port)
    server.stop()
    assert response.status == 200, server.log()
    hits = [f for f in check([str(ini)]).findings if f.code == "U107"]
    assert len(hits) == 1, hits
    assert "loads the module and skips" not in hits[0].message
    return response.body, hits[0].severity


def test_a_module_without_a_callable_falls_back_to_the_file(servers: Servers, tmp_path: Path) -> None:
    # An empty package beside the file that defines the app (Django's layout): the module has
    # no `application`, uWSGI logs "callable not found" and loads wsgi-file, which serves.
    (tmp_path / "mysite").mkdir()
    (tmp_path / "mysite" / "__init__.py").write_text("")
    (tmp_path / "mysite" / "wsgi.py").write_text(_app("from the file"))
    body, severity = _serve(servers, tmp_path)
    assert body == b"from the file" and severity == "info"


def test_a_module_with_a_callable_is_served_and_the_file_skipped(servers: Servers, tmp_path: Path) -> None:
    (tmp_path / "mysite").mkdir()
    (tmp_path / "mysite" / "__init__.py").write_text(_app("from the module"))
    (tmp_path / "mysite" / "wsgi.py").write_text(_app("from the file"))
    body, severity = _serve(servers, tmp_path)
    assert body == b"from the module" and severity == "info"
