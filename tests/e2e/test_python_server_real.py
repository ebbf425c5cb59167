"""The address ``readers.python_server`` reads from a script is where the real script listens:
each script is run as ``python script.py`` with Flask 3.1 or uvicorn 0.55, and the test
connects where the reader says. A script the reader finds no server in starts none."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import unavailable

from wsgilint.readers.python_server import script_server

from .servers import LOOPBACK, Servers, free_port, port_accepts, start_tracked, wait_for_exit

ASGI_APP = '''
async def app(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})
'''


def _need(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        unavailable(f"{module} is not installed (pip install -e '.[test]')")


def _flask(call: str) -> str:
    return f"from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == '__main__':\n    {call}\n"


def _uvicorn(call: str) -> str:
    return f"import uvicorn\n{ASGI_APP}\nif __name__ == '__main__':\n    {call}\n"


CASES = {
    "flask keywords": ("flask", lambda port: _flask(f"app.run(host='127.0.0.1', port={port})")),
    "flask positional": ("flask", lambda port: _flask(f"app.run('127.0.0.1', {port})")),
    "flask port as text": ("flask", lambda port: _flask(f"app.run(port='{port}')")),
    "flask factory": ("flask", lambda port: "from flask import Flask\n\ndef create_app():\n    return Flask('x')\n\n"
                      f"app = create_app()\napp.run(port={port})\n"),
    "uvicorn": ("uvicorn", lambda port: _uvicorn(f"uvicorn.run(app, host='127.0.0.1', port={port})")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_script_listens_where_read(case: str, tmp_path: Path, servers: Servers) -> None:
    module, source = CASES[case]
    _need(module)
    port = free_port()
    script = tmp_path / "server.py"
    script.write_text(source(port))
    found = script_server(script.read_text())
    assert found is not None and (found.host, found.port) == (LOOPBACK, port)
    server = start_tracked(servers, case, [sys.executable, str(script)], tmp_path / "server.log", tmp_path)
    server.wait_for_port(port)


@pytest.mark.parametrize(("module", "source", "default"), [
    ("flask", _flask("app.run()"), 5000),
    ("uvicorn", _uvicorn("uvicorn.run(app)"), 8000),
])
def test_the_defaults_are_the_programs(module: str, source: str, default: int, tmp_path: Path,
                                       servers: Servers) -> None:
    _need(module)
    if port_accepts(default):
        pytest.skip(f"port {default} is taken on this machine")
    script = tmp_path / "server.py"
    script.write_text(source)
    found = script_server(source)
    assert found is not None and (found.host, found.port) == (LOOPBACK, default)
    server = start_tracked(servers, module, [sys.executable, str(script)], tmp_path / "server.log", tmp_path)
    server.wait_for_port(default)


def test_a_run_the_script_never_reaches_starts_nothing(tmp_path: Path, servers: Servers) -> None:
    _need("flask")
    port = free_port()
    source = f"from flask import Flask\n\napp = Flask(__name__)\n\ndef main():\n    app.run(port={port})\n"
    assert script_server(source) is None
    script = tmp_path / "server.py"
    script.write_text(source)
    server = start_tracked(servers, "no server", [sys.executable, str(script)], tmp_path / "server.log", tmp_path)
    assert wait_for_exit(server) == 0
    assert not port_accepts(port)
