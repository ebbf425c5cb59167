"""N102 does not ask for `Host $host` where the app pins its host name to the Host nginx
sends by default ($proxy_host): shown with real Flask, whose SERVER_NAME makes the Host the
request came with change nothing the app builds (3.1 and later) or turns it into a 404
(before 3.1). Flask is not a dependency of wsgilint: the test uses a Python that has it."""
from __future__ import annotations

import shutil
import subprocess

import pytest

_APP = """
import flask
app = flask.Flask(__name__)
app.config["SERVER_NAME"] = "web:8000"      # what nginx sends for proxy_pass http://web:8000

@app.route("/")
def index():
    return flask.url_for("index", _external=True)

client = app.test_client()
for host in ("web:8000", "example.com"):
    response = client.get("/", headers={"Host": host})
    print(host, response.status_code, response.get_data(as_text=True) if response.status_code == 200 else "")
"""


def test_flask_with_server_name_ignores_or_refuses_another_host():
    python = shutil.which("python3")
    if python is None or subprocess.run([python, "-c", "import flask"], capture_output=True).returncode:
        pytest.skip("no python3 with Flask here")
    lines = subprocess.run([python, "-c", _APP], capture_output=True, text=True, timeout=60,
                           check=True).stdout.splitlines()
    assert lines[0] == "web:8000 200 http://web:8000/"
    # Flask 3.1 builds from SERVER_NAME whatever Host says; before 3.1 another host is a 404.
    assert lines[1] in ("example.com 200 http://web:8000/", "example.com 404 ")
