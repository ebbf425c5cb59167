"""The server a Python script starts from its own code (``readers.python_server``): what the
reader takes from the text; ``tests/e2e/test_python_server_real.py`` starts the real ones."""
from __future__ import annotations

import textwrap

import pytest

from wsgilint.readers.python_server import FLASK_RUN, UVICORN_RUN, script_server


def read(source: str):
    return script_server(textwrap.dedent(source))


FLASK_HEAD = "from flask import Flask\napp = Flask(__name__)\n"


@pytest.mark.parametrize(("call", "host", "port"), [
    ("app.run()", "127.0.0.1", 5000),
    ("app.run(host='0.0.0.0')", "0.0.0.0", 5000),
    ("app.run('0.0.0.0', 8080)", "0.0.0.0", 8080),
    ("app.run(port='5001')", "127.0.0.1", 5001),
    ("app.run(host=None, port=None)", "127.0.0.1", 5000),
    ("app.run(host='', port=7000)", "127.0.0.1", 7000),
])
def test_flask_run_address(call: str, host: str, port: int) -> None:
    found = read(FLASK_HEAD + f"if __name__ == '__main__':\n    {call}\n")
    assert found is not None
    assert (found.program, found.host, found.port, found.app_in_script) == (FLASK_RUN, host, port, True)
    assert found.line == 4


def test_the_reloader_is_on_only_where_written() -> None:
    assert read(FLASK_HEAD + "app.run(debug=True)\n").reloads
    assert not read(FLASK_HEAD + "app.run(debug=True, use_reloader=False)\n").reloads
    assert not read(FLASK_HEAD + "app.run()\n").reloads


@pytest.mark.parametrize("call", [
    "app.run(port=int(os.environ['PORT']))",     # computed at run time
    "app.run(host=HOST)",
    "app.run(**options)",
    "app.run(*address)",
    "app.run(port=0)",                            # a port the kernel picks
    "app.run(port=70000)",
    "app.run(port='\u00b2')",                     # a digit to str.isdigit, not to int()
])
def test_an_address_not_written_is_unknown(call: str) -> None:
    assert read(FLASK_HEAD + f"import os\n{call}\n") is None


def test_server_name_may_give_the_address() -> None:
    assert read(FLASK_HEAD + "app.config['SERVER_NAME'] = 'shop.test:8000'\napp.run()\n") is None
    found = read(FLASK_HEAD + "app.config['SERVER_NAME'] = 'shop.test:8000'\napp.run('127.0.0.1', 5002)\n")
    assert found is not None and found.port == 5002


def test_only_what_runs_as_the_script() -> None:
    # Inside a function nothing calls, or under another test: not read.
    assert read(FLASK_HEAD + "def main():\n    app.run(port=5001)\n") is None
    assert read(FLASK_HEAD + "if DEBUG:\n    app.run(port=5001)\n") is None
    assert read(FLASK_HEAD + "if '__main__' == __name__:\n    app.run(port=5001)\n") is not None


def test_only_a_flask_app_or_factory_result() -> None:
    assert read("import threading\nworker = threading.Thread()\nworker.run()\n") is None
    assert read("from shop import create_app\napp = create_app()\napp.run(port=5003)\n").port == 5003
    assert read("import flask\nsite = flask.Flask('x')\nsite.run()\n").port == 5000


def test_uvicorn_run() -> None:
    found = read("import uvicorn\nfrom fastapi import FastAPI\napp = FastAPI()\n"
                 "if __name__ == '__main__':\n    uvicorn.run(app, host='0.0.0.0', port=8001, reload=True)\n")
    assert found is not None
    assert (found.program, found.host, found.port, found.reloads, found.app_in_script) == \
        (UVICORN_RUN, "0.0.0.0", 8001, True, True)
    named = read("import uvicorn\nuvicorn.run('main:app')\n")
    assert named is not None and (named.host, named.port, named.app_in_script) == ("127.0.0.1", 8000, False)
    assert read("import uvicorn\nuvicorn.run(app, uds='/run/app.sock')\n") is None
    assert read("from somewhere import uvicorn\nuvicorn.run(app)\n") is None


@pytest.mark.parametrize("text", ["def (:\n", "x = '\0'\n", "(" * 500 + ")" * 500 + "\n"])
def test_text_that_is_not_python_is_no_server(text: str) -> None:
    assert script_server(text) is None
