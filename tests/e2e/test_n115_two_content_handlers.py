"""N115 against a real nginx and uWSGI: which of two handlers in one location answers.

One uWSGI instance listens with the uwsgi protocol (`socket`) and HTTP (`http-socket`); its
app answers with the marker the winning handler sent (`uwsgi_param X_VIA uwsgi` or
`proxy_set_header X-Via http`). Measured with nginx 1.22:
- `uwsgi_pass` then `proxy_pass`: HTTP answers; the other order: the uwsgi protocol answers
  (the last handler written wins, and the loser's params are never sent);
- a `return` answers first wherever it is written, unless a `break` comes before it;
- the same pass twice is refused by `nginx -t` ("directive is duplicate").
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .servers import (
    AppBehindNginx,
    Servers,
    distinct_ports,
    findings_with_code,
    free_port,
    http_get,
    loopback_server,
    nginx_binary,
    place,
    tree_and_run,
    uwsgi_app_ini,
    write_app,
    write_nginx_conf,
    wsgilint_json,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx", "need_uwsgi")]

APP = '''\
def application(environ, start_response):
    body = (environ.get("X_VIA") or environ.get("HTTP_X_VIA") or "none").encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
'''

LOCATIONS = """\
        location /uwsgi-then-proxy {{
            uwsgi_param X_VIA uwsgi;
            uwsgi_pass 127.0.0.1:{uwsgi_port};
            proxy_set_header X-Via http;
            proxy_pass http://127.0.0.1:{http_port};
        }}
        location /proxy-then-uwsgi {{
            proxy_set_header X-Via http;
            proxy_pass http://127.0.0.1:{http_port};
            uwsgi_param X_VIA uwsgi;
            uwsgi_pass 127.0.0.1:{uwsgi_port};
        }}
        location /pass-then-return {{
            proxy_set_header X-Via http;
            proxy_pass http://127.0.0.1:{http_port};
            return 200 "returned";
        }}
        location /break-then-return {{
            break;
            return 200 "returned";
            proxy_set_header X-Via http;
            proxy_pass http://127.0.0.1:{http_port};
        }}
"""


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted nginx.conf, nginx's port) with nginx and uWSGI running."""
    tree, run = tree_and_run(tmp_path)
    write_app(run, APP)
    nginx_port, uwsgi_port, http_port = distinct_ports(3)
    ini = run / "uwsgi.ini"   # outside the linted tree: only nginx's lines matter here
    ini.write_text(uwsgi_app_ini(run, f"socket = 127.0.0.1:{uwsgi_port}", f"http-socket = 127.0.0.1:{http_port}"))
    conf = write_nginx_conf(tree / "nginx.conf",
                            loopback_server(nginx_port, LOCATIONS.format(uwsgi_port=uwsgi_port, http_port=http_port)))
    AppBehindNginx(tree, run, ini, conf, nginx_port, uwsgi_port).start(servers)
    return conf, nginx_port


def test_the_last_pass_written_answers_and_a_return_answers_before_any(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    answers = {path: http_get(port, path).body for path in
               ("/uwsgi-then-proxy", "/proxy-then-uwsgi", "/pass-then-return", "/break-then-return")}
    assert answers == {"/uwsgi-then-proxy": b"http", "/proxy-then-uwsgi": b"uwsgi",
                       "/pass-then-return": b"returned", "/break-then-return": b"http"}


def test_n115_names_each_losing_handler_with_its_dead_lines(deployment: tuple[Path, int]) -> None:
    conf, _ = deployment
    report = wsgilint_json(conf.parent)
    findings = findings_with_code(report, "N115")
    lines = conf.read_text().splitlines()

    def line_of(text: str, after: str) -> tuple[Path, int]:
        start = next(n for n, line in enumerate(lines, 1) if after in line)
        return conf.resolve(), next(n for n, line in enumerate(lines, 1) if n > start and text in line)

    losers = {place(f, conf.parent): {place(r, conf.parent) for r in f["related"]} for f in findings}
    assert losers == {
        line_of("uwsgi_pass", "/uwsgi-then-proxy"): {line_of("proxy_pass", "/uwsgi-then-proxy"),
                                                     line_of("uwsgi_param", "/uwsgi-then-proxy")},
        line_of("proxy_pass", "/proxy-then-uwsgi"): {line_of("uwsgi_pass", "/proxy-then-uwsgi"),
                                                     line_of("proxy_set_header", "/proxy-then-uwsgi")},
        line_of("proxy_pass", "/pass-then-return"): {line_of("return", "/pass-then-return"),
                                                     line_of("proxy_set_header", "/pass-then-return")},
    }
    assert {f["severity"] for f in findings} == {"warning"}
    # The losing module's lines are N115's related places, not X110 findings of their own.
    assert not findings_with_code(report, "X110")


def test_the_same_pass_twice_is_refused_by_nginx_and_an_n115_error(tmp_path: Path) -> None:
    conf = tmp_path / "nginx.conf"
    write_nginx_conf(conf, loopback_server(free_port(), (
        "        location / {\n"
        "            proxy_pass http://127.0.0.1:8000;\n            proxy_pass http://127.0.0.1:8001;\n"
        "        }\n")))
    completed = subprocess.run([str(nginx_binary()), "-t", "-p", f"{tmp_path}/", "-c", str(conf), "-e",
                                str(tmp_path / "error.log")], capture_output=True, text=True, timeout=60)
    assert completed.returncode != 0
    assert '"proxy_pass" directive is duplicate' in completed.stderr
    findings = findings_with_code(wsgilint_json(tmp_path), "N115")
    second = next(n for n, line in enumerate(conf.read_text().splitlines(), 1) if "8001" in line)
    assert [(place(f, tmp_path), f["severity"]) for f in findings] == [((conf.resolve(), second), "error")]
