"""``wsgilint graph``: the deployment graph as a tree, Mermaid and DOT, with broken edges
marked and every name from the checked files escaped for its output."""
from __future__ import annotations

import io
import re
from pathlib import Path

from conftest import write_tree
from typer.testing import CliRunner

from wsgilint.api import check
from wsgilint.cli import app
from wsgilint.report._graph import deployment_graph, dot_string, mermaid_label, render_graph

TREE = {
    "etc/nginx/nginx.conf": "user www-data;\nevents {}\nhttp {\n    server {\n        listen 80;\n"
                            "        location / {\n            proxy_pass http://unix:/run/app.sock;\n        }\n"
                            "        location /old {\n            proxy_pass http://127.0.0.1:9999;\n        }\n"
                            "    }\n}\n",
    "etc/systemd/system/app.socket": "[Socket]\nListenStream=/run/app.sock\nSocketUser=www-data\nSocketMode=0600\n",
    "etc/systemd/system/app.service": "[Service]\nUser=app\nExecStart=/srv/venv/bin/gunicorn app:app\n",
    "etc/uwsgi/lonely.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\n",
}
HOSTILE = {
    "deploy/nginx.conf": 'server {\n    listen 80;\n    location /x"y<z>|w#q`\x1b[31m {\n'
                         '        proxy_pass http://127.0.0.1:8000;\n    }\n}\n',
    "deploy/gunicorn.conf.py": 'bind = "127.0.0.1:8000"\nproc_name = "a\\\\"b"\n',
}


def _render(tmp_path: Path, files: dict[str, str], output_format: str) -> str:
    deployment = check([str(write_tree(tmp_path, files))]).deployment
    out = io.StringIO()
    render_graph(deployment, output_format, out)
    return out.getvalue()


def test_graph_edges_and_broken_ends(tmp_path):
    graph = deployment_graph(check([str(write_tree(tmp_path, TREE))]).deployment)
    labels = {node.id: node for node in graph.nodes}
    edges = {(labels[e.source].label.split(" (")[0], e.label, labels[e.target].label.split(" (")[0], e.broken)
             for e in graph.edges}
    assert ("systemd app.service, user app", "starts", "Gunicorn app:app", False) in edges
    assert ("systemd app.socket", "starts", "systemd app.service, user app", False) in edges
    assert ("systemd app.socket", "binds", "http unix:/run/app.sock", False) in edges
    assert ("nginx location / proxy_pass unix:/run/app.sock", "reaches", "http unix:/run/app.sock", False) in edges
    assert ("nginx location /old proxy_pass 127.0.0.1:9999", "reaches nothing", "nothing listens at 127.0.0.1:9999",
            True) in edges
    broken = {node.label.split(" (")[0]: node.broken for node in graph.nodes if node.broken}
    assert broken["uWSGI lonely"] == "no manager in the checked files starts it"
    assert "reaches no listener" in broken["nginx location /old proxy_pass 127.0.0.1:9999"]


def test_tree_shows_who_starts_what_and_marks_broken_edges(tmp_path):
    text = _render(tmp_path, TREE, "tree")
    assert "systemd app.service, user app" in text
    assert "Gunicorn app:app (user app, host)" in text
    assert "http unix:/run/app.sock (www-data:root 0600, bound by app.socket)" in text
    assert "← nginx location / proxy_pass unix:/run/app.sock" in text
    assert "✗ uWSGI lonely" in text and "✗ nginx location /old" in text


def test_mermaid_and_dot_outputs(tmp_path):
    mermaid = _render(tmp_path, TREE, "mermaid")
    assert mermaid.startswith("flowchart LR\n")
    assert re.search(r'^    n\d+ -\.->\|"reaches nothing"\| n\d+$', mermaid, re.M)
    assert "class " in mermaid and "classDef broken" in mermaid
    dot = _render(tmp_path, TREE, "dot")
    assert dot.startswith("digraph wsgilint {") and dot.rstrip().endswith("}")
    assert re.search(r'-> n\d+ \[label="reaches nothing", style=dashed, color=red', dot)


def _mermaid_labels(text: str) -> list[str]:
    return re.findall(r'"([^"]*)"', text)


def test_names_from_the_files_are_escaped(tmp_path):
    for output_format in ("tree", "mermaid", "dot"):
        text = _render(tmp_path / output_format, HOSTILE, output_format)
        assert "\x1b" not in text and "\\x1b[31m" in text
    mermaid = _render(tmp_path / "m", HOSTILE, "mermaid")
    [route] = [line for line in mermaid.splitlines() if "location" in line]
    assert route.count('"') == 2 and "<" not in route and "|" not in route.split('"')[1]
    assert "#quot;" in route and "#lt;" in route and "#35;" in route and "#96;" in route
    dot = _render(tmp_path / "d", HOSTILE, "dot")
    for line in dot.splitlines()[2:-1]:
        # Every quoted string ends where it should: no label text can close it early.
        assert re.fullmatch(r'    n\d+ (-> n\d+ )?\[(\w+=("(\\.|[^"\\])*"|[\w]+)(, )?)+\];', line), line


def test_escapes_alone():
    assert mermaid_label('a"b<c>#d`e|f') == '"a#quot;b#lt;c#gt;#35;d#96;e#124;f"'
    assert dot_string('a"b\\c', "next") == '"a\\"b\\\\c\\nnext"'


def test_graph_command(tmp_path):
    tree = write_tree(tmp_path, TREE)
    runner = CliRunner()
    for output_format in ("tree", "mermaid", "dot"):
        result = runner.invoke(app, ["graph", str(tree), "--format", output_format])
        assert result.exit_code == 0, result.output
        assert "app.socket" in result.output
    assert runner.invoke(app, ["graph", str(tree), "--format", "svg"]).exit_code == 2
    assert runner.invoke(app, ["graph", str(tmp_path / "missing")]).exit_code == 2


def test_containers_are_hosts_with_their_published_ports_and_shared_volumes() -> None:
    from wsgilint.api import check
    from wsgilint.report._graph import render_graph

    result = check([str(Path(__file__).resolve().parent.parent / "examples" / "compose-django")])
    out = io.StringIO()
    render_graph(result.deployment, "tree", out)
    text = " ".join(out.getvalue().split())
    assert "(Compose service nginx; publishes 80->80; shares /etc/nginx/conf.d/default.conf" in text
    assert "uWSGI app (user app, Compose service app)" in text
    assert "uwsgi_pass app:8000" in text and "Compose service nginx)" in text


def test_graph_draws_a_development_server_a_route_reaches(tmp_path):
    """A route that reaches `manage.py runserver` in a Compose service points at its listener,
    drawn under the service that starts it (it once had no node and the command failed)."""
    files = {
        "docker-compose.yml": "services:\n  nginx:\n    image: nginx:stable\n    volumes:\n"
                              "      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n"
                              "  django:\n    image: example/portal\n"
                              "    command: python manage.py runserver 0.0.0.0:8000\n",
        "nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_pass http://django:8000;\n"
                      "    }\n}\n",
    }
    text = _render(tmp_path, files, "tree")
    assert re.search(r"compose django.*\n.*development server manage\.py runserver.*\n.*http \*:8000\n.*← nginx", text)
