"""The nginx reader: structure, positions, includes in every mode, and syntax errors."""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fuzz import NGINX_TEXT
from test_nginx_lexer import TRICKY_TEXT

from wsgilint.core.context import ReadContext
from wsgilint.core.text import read_text
from wsgilint.readers.nginx import (
    NginxStatement,
    NginxTree,
    is_nginx_text,
    parse_nginx_text,
    read_nginx_fragment,
    read_nginx_main,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)


def walk(statements: list[NginxStatement]):
    for stmt in statements:
        yield stmt
        if stmt.block:
            yield from walk(stmt.block)


def find(tree: NginxTree, directive: str) -> list[NginxStatement]:
    return [s for f in tree.files for s in walk(f.statements) if s.directive == directive]


def syntax(tree: NginxTree) -> list[tuple[str, int]]:
    return [(p.at.path, p.at.line) for p in tree.problems if p.kind == "syntax"]


def kinds(tree: NginxTree) -> list[str]:
    return [p.kind for p in tree.problems]


# ----------------------------------------------------------------- structure and positions

def test_statements_blocks_comments_and_columns():
    text = 'http {\n    server {  listen  8080;  # web\n        location / { uwsgi_pass "unix:/s.sock"; }\n    }\n}\n'
    statements, problems = parse_nginx_text(text, "f.conf")
    assert problems == []
    http = statements[0]
    server = http.block[0]
    listen, comment, location = server.block
    assert (listen.directive, listen.args) == ("listen", ["8080"])
    assert (listen.at.line, listen.at.column, listen.at.end_column) == (2, 15, 21)
    assert (listen.value_at.column, listen.value_at.end_column) == (23, 27)
    assert comment.is_comment and comment.comment == " web" and comment.at.line == 2
    uwsgi_pass = location.block[0]
    line = text.splitlines()[2]
    assert line[uwsgi_pass.at.column - 1:uwsgi_pass.at.end_column - 1] == "uwsgi_pass"
    assert line[uwsgi_pass.value_at.column - 1:uwsgi_pass.value_at.end_column - 1] == '"unix:/s.sock"'
    assert uwsgi_pass.args == ["unix:/s.sock"]


def test_multiline_argument_and_if_parentheses():
    statements, problems = parse_nginx_text('if ($request_method = POST ) {\n return 405;\n}\nlog_format x\n  a\n  b;\n')
    assert problems == []
    if_stmt, log_format = statements
    assert if_stmt.args == ["$request_method", "=", "POST"]
    assert log_format.args == ["x", "a", "b"]
    assert (log_format.at.line, log_format.end_line) == (4, 6)
    assert log_format.arg_spans[2].line == 6


def test_lua_block_body_is_one_argument():
    statements, problems = parse_nginx_text(
        'location / {\n  content_by_lua_block {\n    ngx.say("{")  -- }\n  }\n  return 200;\n}\n')
    assert problems == []
    lua, ret = statements[0].block
    assert lua.directive == "content_by_lua_block" and "ngx.say" in lua.args[0]
    assert ret.directive == "return" and ret.at.line == 5


# ----------------------------------------------------------------- syntax errors

@pytest.mark.parametrize("text, line, wording", [
    ("server {\n listen 80;\n", 3, 'expecting "}"'),
    ("server {\n listen 80;", 2, 'expecting "}"'),
    ("server {\n listen 80\n}\n", 3, 'not terminated by ";"'),
    ("server {\n listen 80;\n}\n}\n", 4, 'unexpected "}"'),
    (";\n", 1, 'unexpected ";"'),
    ('server {\n return 200 "ok"x;\n}\n', 2, 'unexpected "x" after a quoted string: put a space'),
    ('"""\nThe main config.\n"""\nevents {}\n', 1, 'nginx has no triple-quoted strings'),
    ("events {}\nworker_processes 1", 2, 'expecting ";" or "}"'),
    ('log_format x "open\n', 2, 'expecting ";" or "}"'),
])
def test_syntax_errors_have_nginx_lines(text, line, wording):
    _, problems = parse_nginx_text(text)
    assert [(p.kind, p.at.line) for p in problems][:1] == [("syntax", line)]
    assert wording in problems[0].message


def test_reading_stops_at_the_first_syntax_error_as_nginx_does(tmp_path):
    write(tmp_path, {"site.conf": "server {\n listen 80;\n }\n}\nserver {\n listen 81;\n location / { proxy_pass http://a:1; }\n}\n"})
    tree = read_nginx_fragment(str(tmp_path / "site.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert syntax(tree) == [("site.conf", 4)]
    assert "nginx stops reading the file here" in tree.problems[0].message
    assert [s.args for s in find(tree, "listen")] == [["80"]]
    assert find(tree, "proxy_pass") == []
    assert tree.refused and tree.root.syntax_error == tree.problems[0]


def test_lines_commented_out_with_semicolons_are_one_error_and_not_read():
    text = ("server {\n listen 80;\n}\n; upstream app {\n;   server 127.0.0.1:9;\n; }\n"
            "; server {\n;   location / { uwsgi_read_timeout 2; }\n; }\n")
    statements, problems = parse_nginx_text(text)
    assert [(p.kind, p.at.line, p.at.column) for p in problems] == [("syntax", 4, 1)]
    assert problems[0].message.startswith('unexpected ";"') and 'comments start with "#"' in problems[0].message
    assert [s.directive for s in statements] == ["server"]


@pytest.mark.parametrize("text, kept", [
    # The statement the error is in is not read either: nginx has not finished it.
    ("server {\n listen 80;\n server_name a }\n}\n", ["server", "listen"]),
    ('server {\n listen 80;\n return 200 "ok"x;\n root /srv;\n}\n', ["server", "listen"]),
    ("server {\n listen 80;\n root /srv", ["server", "listen"]),
    ("server {\n listen 80;\n content_by_lua_block return;\n root /srv;\n}\n", ["server", "listen"]),
    ("map $a $b {\n default 0;\n x { }\n}\nserver { }\n", ["map", "default"]),
])
def test_what_follows_a_syntax_error_is_not_read(text, kept):
    statements, problems = parse_nginx_text(text)
    assert [p.kind for p in problems] == ["syntax"]
    assert [s.directive for s in walk(statements)] == kept


@settings.get_profile("ci")
@given(text=st.one_of(NGINX_TEXT, TRICKY_TEXT))
def test_one_syntax_error_per_text_and_nothing_read_after_it(text):
    statements, problems = parse_nginx_text(text)
    errors = [p for p in problems if p.kind == "syntax"]
    assert len(errors) <= 1
    if errors:
        assert all(s.end_line <= errors[0].at.line for s in walk(statements))


def test_argument_count_and_flag_errors_are_syntax(tmp_path):
    write(tmp_path, {"nginx.conf": "events {}\nhttp {\n  keepalive_timeout;\n  sendfile maybe;\n}\n"})
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert syntax(tree) == [("nginx.conf", 3), ("nginx.conf", 4)]
    assert "invalid number of arguments" in tree.problems[0].message


def test_unknown_directives_are_not_errors(tmp_path):
    write(tmp_path, {"s.conf": "server {\n more_set_headers 'X: y';\n foo_bar { baz 1 2 3; }\n}\n"})
    tree = read_nginx_fragment(str(tmp_path / "s.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert tree.problems == []


def test_five_hundred_nested_blocks_are_read_as_nginx_reads_them(tmp_path):
    depth = 500
    text = "events {}\nhttp {\nserver {\n" + "location / {\n" * depth + "return 200;\n" + "}\n" * depth + "}\n}\n"
    write(tmp_path, {"deep.conf": text})
    tree = read_nginx_main(str(tmp_path / "deep.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert tree.problems == []
    block = tree.statements[1].block[0].block
    for _ in range(depth):
        block = block[0].block
    assert [(s.directive, s.args, s.at.line) for s in block] == [("return", ["200"], depth + 4)]


def test_non_utf8_is_reported_and_still_parsed(tmp_path):
    write(tmp_path, {"s.conf": b"server {\n # caf\xe9\n listen 80;\n}\n"})
    tree = read_nginx_fragment(str(tmp_path / "s.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert [(p.kind, p.at.line) for p in tree.problems] == [("undecodable", 2)]
    assert find(tree, "listen")[0].at.line == 3


# ----------------------------------------------------------------- contexts

def test_context_errors_reported_from_a_main_config_only(tmp_path):
    write(tmp_path, {
        "nginx.conf": "events {}\nhttp {\n  include site.conf;\n}\n",
        "site.conf": "listen 80;\n",
    })
    ctx = ReadContext(mode="repository", cwd=str(tmp_path))
    main = read_nginx_main(str(tmp_path / "nginx.conf"), ctx)
    assert syntax(main) == [("site.conf", 1)]
    assert "not allowed here" in main.problems[0].message
    fragment = read_nginx_fragment(str(tmp_path / "site.conf"), ctx)
    assert fragment.problems == [] and fragment.context == ("http", "server")


@pytest.mark.parametrize("text, context", [
    ("server { listen 80; }\nupstream a { server b:1; }\n", ("http",)),
    ("listen 80;\nserver_name a;\nlocation / { return 200; }\n", ("http", "server")),
    ("uwsgi_pass unix:/s;\ninclude uwsgi_params;\n", ("http", "location")),
    ("user www-data;\nevents {}\nhttp {}\n", ()),
    ("proxy_set_header Host $host;\n", ("http",)),
])
def test_fragment_context_is_the_first_that_fits(tmp_path, text, context):
    write(tmp_path, {"f.conf": text})
    tree = read_nginx_fragment(str(tmp_path / "f.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert tree.context == context
    assert tree.problems == []


def test_include_inside_if_is_accepted(tmp_path):
    write(tmp_path, {
        "nginx.conf": "events {}\nhttp { server { location / {\n if ($x) { include extra.conf; }\n} } }\n",
        "extra.conf": "return 403;\n",
    })
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert tree.problems == []
    assert find(tree, "return")[0].at.path == "extra.conf"


def test_errors_are_named_in_the_file_they_are_in(tmp_path):
    write(tmp_path, {
        "nginx.conf": "events {}\nhttp {\n server {\n  include inc.conf;\n  listen 80 default_server reuseport deferred bind backlog=511 rcvbuf=8k sndbuf=8k proxy_protocol;\n  keepalive_timeout;\n }\n}\n",
        "inc.conf": "listen 8080;\n",
    })
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert syntax(tree) == [("nginx.conf", 6)]


# ----------------------------------------------------------------- includes

def test_relative_includes_join_the_main_directory_and_globs_are_sorted(tmp_path):
    write(tmp_path, {
        "etc/nginx.conf": "events {}\nhttp {\n include conf.d/*.conf;\n include nothing/*.conf;\n}\n",
        "etc/conf.d/b.conf": "server { listen 2; include snippets/common.conf; }\n",
        "etc/conf.d/a.conf": "server { listen 1; }\n",
        "etc/snippets/common.conf": "server_tokens off;\n",
        "etc/conf.d/snippets/common.conf": "this is not where nginx looks;\n",
    })
    tree = read_nginx_main(str(tmp_path / "etc/nginx.conf"), ReadContext(mode="live", cwd=str(tmp_path)))
    assert tree.problems == []
    assert [f.display for f in tree.files] == [
        "etc/nginx.conf", "etc/conf.d/a.conf", "etc/conf.d/b.conf", "etc/snippets/common.conf"]
    assert tree.files[3].context == ("http", "server")
    include = find(tree, "include")[0]
    assert include.includes == [1, 2]


def test_each_file_is_parsed_once_per_context(tmp_path):
    write(tmp_path, {
        "nginx.conf": "events {}\nhttp {\n include common.conf;\n server {\n  include common.conf;\n"
                      "  location / { include common.conf; }\n  location /b { include common.conf; }\n }\n}\n",
        "common.conf": "proxy_set_header X-A b;\n",
    })
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="live", cwd=str(tmp_path)))
    assert [f.context for f in tree.files[1:]] == [("http",), ("http", "server"), ("http", "location")]
    locations = find(tree, "location")
    assert locations[0].block[0].includes == locations[1].block[0].includes == [3]


def test_missing_include_live_is_reported_glob_is_silent(tmp_path):
    write(tmp_path, {"nginx.conf": "events {}\nhttp {\n include missing.conf;\n include none/*.conf;\n}\n"})
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="live", cwd=str(tmp_path)))
    assert [(p.kind, p.at.line, p.at.column) for p in tree.problems] == [("include-not-found", 3, 10)]


def test_repository_mode_links_absolute_includes_by_suffix(tmp_path):
    write(tmp_path, {
        "deploy/nginx/nginx.conf": "events {}\nhttp {\n include /etc/nginx/conf.d/*.conf;\n"
                                   " include /etc/nginx/missing.conf;\n include /etc/nginx/site.conf;\n}\n",
        "deploy/nginx/conf.d/app.conf": "server { listen 80; }\n",
        "deploy/supervisor/conf.d/app.conf": "[program:app]\ncommand=gunicorn app\n",
        "deploy/nginx/site.conf": "server { listen 81; }\n",
    })
    known = [str(p) for p in tmp_path.rglob("*") if p.is_file()]
    ctx = ReadContext(mode="repository", cwd=str(tmp_path), known_files=known)
    tree = read_nginx_main(str(tmp_path / "deploy/nginx/nginx.conf"), ctx)
    assert tree.problems == []
    assert [f.display for f in tree.files[1:]] == ["deploy/nginx/conf.d/app.conf", "deploy/nginx/site.conf"]


def test_snapshot_includes_resolve_under_the_root(tmp_path):
    root = tmp_path / "snap"
    write(root, {
        "etc/nginx/nginx.conf": "events {}\nhttp {\n include /etc/nginx/conf.d/*.conf;\n"
                                " include /etc/nginx/sites-enabled/*;\n include mime.types;\n}\n",
        "etc/nginx/conf.d/app.conf": "upstream app { server unix:/run/app.sock; }\n",
        "etc/nginx/sites-available/default": "server { listen 8080; }\n",
        "etc/nginx/mime.types": "types { text/html html; }\n",
    })
    (root / "etc/nginx/sites-enabled").mkdir()
    os.symlink("/etc/nginx/sites-available/default", root / "etc/nginx/sites-enabled/default")
    ctx = ReadContext(mode="snapshot", root=str(root), cwd=str(tmp_path))
    tree = read_nginx_main(str(root / "etc/nginx/nginx.conf"), ctx)
    assert tree.problems == []
    assert [f.display for f in tree.files[1:]] == [
        "snap/etc/nginx/conf.d/app.conf", "snap/etc/nginx/sites-available/default", "snap/etc/nginx/mime.types"]
    assert all(f.path.startswith(str(root)) for f in tree.files)


def test_snapshot_missing_include_is_reported_stock_files_stand_in(tmp_path):
    root = tmp_path / "snap"
    write(root, {"etc/nginx/nginx.conf": "events {}\nhttp {\n include /etc/nginx/uwsgi_params;\n"
                                         " include /etc/nginx/site.conf;\n}\n"})
    ctx = ReadContext(mode="snapshot", root=str(root), cwd=str(tmp_path))
    tree = read_nginx_main(str(root / "etc/nginx/nginx.conf"), ctx)
    # This machine has /etc/nginx/uwsgi_params; the snapshot has neither file.
    assert [(p.kind, p.at.line) for p in tree.problems] == [("include-not-found", 4)]
    assert [f.display for f in tree.files[1:]] == ["<stock>/uwsgi_params"]


def test_stock_files_stand_in_when_absent(tmp_path):
    write(tmp_path, {"site.conf": "server {\n location / {\n  include uwsgi_params;\n  uwsgi_pass unix:/s;\n }\n"
                                  " location ~ \\.php$ { include snippets/fastcgi-php.conf; }\n"
                                  " include /etc/nginx/proxy_params;\n}\n"})
    tree = read_nginx_fragment(str(tmp_path / "site.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert tree.problems == []
    stock = {f.display: f for f in tree.files if f.stock}
    assert set(stock) == {"<stock>/uwsgi_params", "<stock>/snippets/fastcgi-php.conf", "<stock>/fastcgi.conf",
                          "<stock>/proxy_params"}
    params = [s.args[0] for s in stock["<stock>/uwsgi_params"].statements if s.directive == "uwsgi_param"]
    assert "REQUEST_METHOD" in params and "HTTP_HOST" in params
    assert tree.local_paths == [str(tmp_path / "site.conf")]


def test_include_cycle(tmp_path):
    write(tmp_path, {
        "nginx.conf": "events {}\nhttp {\n include a.conf;\n}\n",
        "a.conf": "include b.conf;\n",
        "b.conf": "include a.conf;\n",
    })
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="live", cwd=str(tmp_path)))
    assert [(p.kind, p.at.path, p.at.line) for p in tree.problems] == [("include-cycle", "b.conf", 1)]


def test_unreadable_include_is_reported(tmp_path):
    write(tmp_path, {"nginx.conf": "events {}\nhttp {\n include d;\n}\n"})
    (tmp_path / "d").mkdir()
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="live", cwd=str(tmp_path)))
    assert kinds(tree) == ["unreadable"]


# ----------------------------------------------------------------- sniffing

@pytest.mark.parametrize("text", [
    "#!/bin/sh\nset -e\nexec nginx -g 'daemon off;'\n",
    "[uwsgi]\nsocket = /run/app.sock\nmaster = true\n",
    "[Unit]\nDescription=app\n[Service]\nExecStart=/usr/bin/gunicorn app:app\n",
    "bind = '0.0.0.0:8000'\nworkers = 3\ndef on_starting(server):\n    pass\n",
    "d /run/myapp 0755 www-data www-data -\n",
    "",
    # Varnish's VCL: nginx-shaped statements, but its version line and vcl_* subroutines.
    "vcl 4.0;\nimport std;\nbackend app {\n  .host = \"web\";\n  .port = \"8000\";\n}\n"
    "sub vcl_recv {\n  if (req.url ~ \"^/admin\") {\n    return (pass);\n  }\n  set req.http.X-Seen = \"1\";\n}\n",
    "sub vcl_recv {\n  unset req.http.Cookie;\n  return (hash);\n}\n",
])
def test_sniffing_rejects_other_kinds(text):
    assert not is_nginx_text(text)


@pytest.mark.parametrize("text", [
    "server {\n listen 80;\n}\n",
    "location / {\n uwsgi_pass unix:/s;\n}\n",
    "upstream app {\n server 127.0.0.1:8000;\n}\n",
    "proxy_set_header Host $host;\nproxy_read_timeout 30s;\n",
    # Statements that span lines: a module's list of types, a quoted value, a Lua block.
    "server {\n brotli_types\n  text/plain\n  text/css;\n gzip_types\n  text/css\n  application/json;\n}\n",
    "location / {\n return 200 \"\n <html><body>\n No backend: try later.\n </body></html>\";\n}\n",
    "server {\n content_by_lua_block {\n  local a = 1\n  local b = { 1, 2 }\n  ngx.say(a + 2)\n }\n}\n",
    "charset_map koi8-r utf-8 {\n A3 D191;\t# small yo\n A4 D194;\t# small ye\n B3 D081;\t# capital YO\n}\n",
    # A quoted name spanning lines is one token, whatever its lines hold (E002 tells the rest).
    "events {}\nhttp {\n    \"x\n::set-output name=x::y\n::add-mask::secret\"\n}\n",
    # One stray line is a typo nginx reports, not a document.
    "server {\n listen 80;\n Proxy everything to the app\n location / {\n  proxy_pass http://a;\n }\n}\n",
])
def test_sniffing_accepts_nginx(text):
    assert is_nginx_text(text)


def test_sniffing_rejects_a_howto_with_pasted_snippets():
    snippet = "server {\n    listen 80;\n    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"
    steps = ["1. Install nginx\nsudo apt-get install nginx\n", "2. Open the site:\nsudo nano /etc/nginx/sites-available/app\n",
             "3. Reload it\nsudo systemctl reload nginx\n", "Then check the site in a browser\n"]
    text = "".join(step + snippet for step in steps)
    assert not is_nginx_text(text)
    assert is_nginx_text(snippet * 4)


# Two crossplane test fixtures are deliberately not nginx-looking: one line of junk,
# and quote-parsing probes.
SNIFF_EXCEPTIONS = {
    "nginx/nginxinc__crossplane__tests__configs__includes-globbed__servers__locations__not-included.conf",
    "nginx/nginxinc__crossplane__tests__configs__quote-behavior__nginx.conf",
}


def test_sniffing_agrees_with_the_corpus_manifest():
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    wrong = []
    with open(CORPUS / "MANIFEST.tsv", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["local_path"] in SNIFF_EXCEPTIONS:
                continue
            text = read_text(str(CORPUS / row["local_path"]), row["local_path"]).text
            if text is not None and is_nginx_text(text) != (row["kind"] == "nginx"):
                wrong.append((row["kind"], row["local_path"]))
    assert wrong == []


def test_every_corpus_nginx_file_reads_without_raising():
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    ctx = ReadContext(mode="repository", cwd=str(CORPUS))
    with open(CORPUS / "MANIFEST.tsv", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["kind"] == "nginx"]
    for row in rows:
        tree = read_nginx_fragment(str(CORPUS / row["local_path"]), ctx)
        assert tree.files[0].display == row["local_path"]


def test_files_are_listed_in_reading_order(tmp_path):
    write(tmp_path, {
        "nginx.conf": "events {}\nhttp {\n server {\n  location / { include one.conf; }\n }\n"
                      " include two.conf;\n server { include three.conf; }\n}\n",
        "one.conf": "return 200;\n", "two.conf": "gzip on;\n", "three.conf": "listen 80;\n",
    })
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="live", cwd=str(tmp_path)))
    assert tree.problems == []
    assert [f.display for f in tree.files] == ["nginx.conf", "one.conf", "two.conf", "three.conf"]
