"""A directive whose value is a word of nginx's fixed list (``gzip_proxied``,
``proxy_next_upstream``, ``ssl_protocols``, ``server_tokens``...), against the real
``nginx -t``: a word nginx refuses stops it at start with `invalid value "WORD"`, and
wsgilint reports it as a syntax error (E002) in the same words; a word it accepts, in any
case, is no finding. The table is tools/gen_nginx_keyword_tables.py's, from nginx's sources.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import NGINX, unavailable

from wsgilint.api import check
from wsgilint.readers._nginx_keyword_table import KEYWORDS

_EMERG = re.compile(r"\[emerg\] (.*?) in ")

# (a line in a location, the word nginx refuses or None)
LINES = [
    ("gzip_proxied expired no-cache no-store private must-revalidate auth;", "must-revalidate"),
    ("gzip_proxied expired no-cache no-store private no_last_modified no_etag auth;", None),
    ("proxy_next_upstream error timeout http_502 http_503;", None),
    ("proxy_next_upstream error timeout http_501;", "http_501"),
    ("proxy_cache_use_stale error timeout updating http_500;", None),
    ("uwsgi_next_upstream error timeout invalid_header http_500;", None),
    ("uwsgi_next_upstream error timeout invalid_headers;", "invalid_headers"),
    ("server_tokens build;", None),
    ("server_tokens OFF;", None),
    ("satisfy some;", "some"),
    ("keepalive_disable msie6 safari;", None),
    ("gzip_http_version 1.1;", None),
    ("gzip_http_version 2.0;", "2.0"),
]


def _nginx_refuses(tmp_path: Path, line: str) -> str | None:
    if NGINX is None:
        unavailable("nginx is not installed (apt-get install nginx)")
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
                    f"http {{\n    access_log off;\n    server {{\n        listen 127.0.0.1:18180;\n"
                    f"        location / {{\n            {line}\n            proxy_pass http://127.0.0.1:8000;\n"
                    f"        }}\n    }}\n}}\n")
    result = subprocess.run([str(NGINX), "-t", "-q", "-p", f"{tmp_path}/", "-e", f"{tmp_path}/error.log",
                             "-c", str(main)], capture_output=True, text=True, timeout=60)
    match = _EMERG.search(result.stderr)
    assert (result.returncode == 0) == (match is None), result.stderr
    return match.group(1) if match else None


@pytest.mark.parametrize(("line", "refused"), LINES)
def test_a_word_nginx_refuses_is_its_own_error(tmp_path, line, refused):
    said = _nginx_refuses(tmp_path, line)
    assert said == (None if refused is None else f'invalid value "{refused}"')
    found = [f for f in check([str(tmp_path / "nginx.conf")]).findings if f.code == "E002"]
    if refused is None:
        assert found == []
    else:
        assert [(f.severity, f.at.line) for f in found] == [("error", 9)]
        assert found[0].message.startswith(f'{said} in "{line.split()[0]}" directive: nginx stops at start; it accepts ')
        assert found[0].at.column == 13 + line.index(refused)


def test_a_template_placeholder_is_left_to_the_template(tmp_path):
    site = tmp_path / "default.conf.template"
    site.write_text("server {\n    listen 80;\n    gzip_proxied ${GZIP_PROXIED};\n    server_tokens @TOKENS@;\n}\n")
    assert [f for f in check([str(tmp_path)]).findings if f.code == "E002"] == []


def test_the_table_holds_the_words_of_nginx_1_22_and_later():
    http = KEYWORDS["http"]
    assert http["ssl_protocols"] == ("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")
    assert "non_idempotent" in http["proxy_next_upstream"] and "updating" in http["proxy_cache_use_stale"]
    assert KEYWORDS["stream"]["ssl_verify_client"] == ("off", "on", "optional", "optional_no_ca")
