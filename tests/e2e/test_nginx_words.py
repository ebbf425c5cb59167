"""How nginx splits words, shown by a running nginx answering them back with ``return``.

Where crossplane's lexer departs from nginx (``}`` inside a word, a space only Python
knows, ``${...}``), wsgilint reads as nginx does: the words each location answers are
the arguments wsgilint's reader gives its ``return``, and the file has no syntax problem.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.readers.nginx import read_nginx_main

from .servers import LOOPBACK, Servers, free_port, http_get, nginx_main_conf

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

# location -> the return line as written, its text as wsgilint reads it, and nginx's answer.
CASES = {
    "/brace": ("return 200 a};", "a}", "a}"),
    "/nbsp": ("return 200 a\u00a0b;", "a\u00a0b", "a\u00a0b"),
    "/vtab": ("return 200 a\x0bb;", "a\x0bb", "a\x0bb"),
    "/parameter": ("return 200 ${uri}x;", "${uri}x", "/parameterx"),
    "/dollar-brace": ("return 200 a${uri}};", "a${uri}}", "a/dollar-brace}"),
}


def test_running_nginx_answers_the_words_wsgilint_reads(tmp_path: Path, servers: Servers) -> None:
    port = free_port()
    locations = "".join(f"        location = {path} {{ {line} }}\n" for path, (line, _, _) in CASES.items())
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_main_conf(f"    server {{\n        listen {LOOPBACK}:{port};\n{locations}    }}\n"),
                    encoding="utf-8")
    tree = read_nginx_main(str(conf), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert [p for p in tree.problems if p.kind == "syntax"] == []
    answers = {}
    pending = list(tree.root.statements)
    while pending:
        stmt = pending.pop()
        pending.extend(stmt.block or [])
        if stmt.directive == "location":
            answers[stmt.args[-1]] = next(inner.args for inner in stmt.block or [] if inner.directive == "return")
    assert answers == {path: ["200", text] for path, (_, text, _) in CASES.items()}
    servers.nginx(conf, tmp_path / "prefix", port)
    for path, (_, _, body) in CASES.items():
        response = http_get(port, path)
        assert response.status == 200
        assert response.body.decode("utf-8") == body
