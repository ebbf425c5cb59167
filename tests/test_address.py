"""``url_scheme`` finds what the regular expressions it stands for found."""
from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from wsgilint.model.address import _LETTERS, _SCHEME_CHARACTERS, url_scheme

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
