"""The nginx manual's notation for a choice of values (`real_ip_header X-Real-IP |
X-Forwarded-For;`, `client_body_buffer_size 8k|16k;`) marks a file as notes when nothing in
the repository loads it. Against the real ``nginx -t``: every line taken as notation is one
nginx refuses, and every `|` left alone (a regex alternative, a map's key) is one it takes.
"""
from __future__ import annotations

import pytest
from conftest import nginx_test_http

from wsgilint.readers.nginx import manual_notation, parse_nginx_text

# (the http-level text, whether it is the manual's notation)
TEXTS = [
    ("real_ip_header X-Real-IP | X-Forwarded-For | proxy_protocol;", True),
    ("client_body_buffer_size 8k|16k;", True),
    ("connection_pool_size 256|512;", True),
    ("gzip on|off;", True),
    ("server { listen 127.0.0.1:18181; location / { proxy_buffer_size 4k|8k; } }", True),
    ("server { listen 127.0.0.1:18181; location ~* \\.(jpg|png)$ { return 404; } }", False),
    ("server { listen 127.0.0.1:18181; set $n 1; if ($n ~ 1|2) { return 403; } }", False),
    ("map $uri $tier { default 0; 1|2 1; }", False),
    ("log_format piped '$remote_addr | $status';", False),
]


@pytest.mark.parametrize(("text", "notation"), TEXTS)
def test_what_is_taken_for_the_manuals_notation_nginx_refuses(tmp_path, text, notation):
    statements, problems = parse_nginx_text(text)
    assert problems == []
    assert (manual_notation(statements) is not None) == notation
    assert (nginx_test_http(tmp_path, text).returncode == 0) != notation
