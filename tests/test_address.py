"""Addresses: ``url_scheme`` finds what the regular expressions it stands for found; placeholders in socket paths."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsgilint.model.address import (
    _LETTERS,
    _SCHEME_CHARACTERS,
    parse_gunicorn_bind,
    parse_nginx_target,
    parse_uwsgi_socket,
    reaches,
    url_scheme,
)

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.I)
_LETTERS_ONLY = re.compile(r"^([a-z]+)://", re.I)


def _expected(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.match(text)
    return match.group(1) if match else None


def test_the_character_sets_are_what_ignorecase_matches() -> None:
    characters = [chr(code) for code in range(sys.maxunicode + 1)]
    letter, scheme = re.compile("[a-z]", re.I), re.compile("[a-z0-9+.-]", re.I)
    assert _LETTERS == {char for char in characters if letter.match(char)}
    assert _SCHEME_CHARACTERS == {char for char in characters if scheme.match(char)}


_CASES = ["http://a", "HTTPS://b:80", "uwsgi://unix:/run/a.sock", "grpc+s://x", "a.b-c://", "1http://x",
          "http:/x", "://x", "http//x", "ht tp://x", "http://a://b", "h:ttp://x", "\u212aey://x", "\u0130://",
          "unix:/run/a.sock", "", "h", "http:", "http:/", "suwsgi://127.0.0.1:3031", "a0://x"]


def test_examples_match_the_patterns() -> None:
    for text in _CASES:
        assert url_scheme(text) == _expected(_SCHEME, text), text
        assert url_scheme(text, letters_only=True) == _expected(_LETTERS_ONLY, text), text


@given(st.text(alphabet="aZ0+.-:/ \u017f\u0131\n", max_size=12))
def test_any_text_matches_the_patterns(text: str) -> None:
    assert url_scheme(text) == _expected(_SCHEME, text)
    assert url_scheme(text, letters_only=True) == _expected(_LETTERS_ONLY, text)


def test_a_quoted_uwsgi_host_binds_the_address_nobody_reaches() -> None:
    # uWSGI keeps the quotes: `"` cannot be resolved, inet_addr gives INADDR_NONE (measured on 2.0.31).
    for value in ('":5050"', "'127.0.0.1:5050'", '"0.0.0.0:5050"'):
        address = parse_uwsgi_socket(value)
        assert address is not None and address.family == "inet" and address.port == 5050
        assert address.is_unreachable and not address.is_wildcard and not address.is_loopback
    plain = parse_uwsgi_socket(":5050")
    assert plain is not None and plain.is_wildcard and not plain.is_unreachable
    target, quoted = parse_uwsgi_socket("127.0.0.1:5050"), parse_uwsgi_socket('":5050"')
    assert target is not None and quoted is not None and not reaches(target, quoted)


@pytest.mark.parametrize(("bound", "target", "filled"), [
    ("unix:/BASE_DIR/run/yats.sock", "unix:/var/web/yats/run/yats.sock", True),
    ("unix:/BASE_DIR/run/yats.sock", "unix:/var/web/yats/run/other.sock", False),
    ("unix:/home/{{ user }}/app.sock", "unix:/home/deploy/app.sock", True),
    ("unix:/srv/__APP__/app.sock", "unix:/srv/shop/app.sock", True),
    ("unix:/srv/<project>/app.sock", "unix:/srv/shop/app.sock", True),
    # A folder in upper case without an underscore is a name (/srv/APP), not a placeholder.
    ("unix:/srv/APP/app.sock", "unix:/srv/shop/app.sock", False),
    ("unix:/run/app.sock", "unix:/run/app.sock", False),   # no placeholder: an exact match is another question
    ("unix:/BASE_DIR/app.sock", "127.0.0.1:8000", False),
])
def test_a_placeholder_folder_of_a_socket_path_is_filled_by_any_folders(bound: str, target: str, filled: bool) -> None:
    assert parse_gunicorn_bind(bound).filled_by(parse_nginx_target(target)) is filled


def test_placeholders_are_the_folders_only() -> None:
    assert parse_gunicorn_bind("unix:/BASE_DIR/run/APP_NAME.sock").placeholders == ("BASE_DIR",)
    assert parse_gunicorn_bind("127.0.0.1:8000").placeholders == ()
