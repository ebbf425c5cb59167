r"""The nginx lexer against crossplane's (0.5.8, the reference): the same token stream
(value, line, quoted flag) and the same offsets the reader used to infer from
crossplane's progress through the text, on every corpus and packaged file and under
fuzzing (``ci`` profile here; ``pytest -m fuzz tests/test_nginx_lexer.py`` for the long
run). ``test_nginx_differential`` runs the whole reader against ``nginx -t``.

The lexer and crossplane differ nowhere. Where crossplane reads differently from nginx
1.22, the lexer reads as crossplane, so that findings stay as they were; each case is
pinned in ``test_crossplane_quirks_are_kept`` and was checked with ``nginx -t``.

Known differences from nginx: ``}`` ends a word (nginx accepts ``return 200 a};``, wsgilint reports
a missing ``;``). A word splits at any character ``str.isspace()`` knows (U+000B, U+00A0,
U+0085...); nginx only at space, tab, CR and LF (``return<U+00A0>200;`` is an unknown
directive to nginx). ``${b} c`` is one word (nginx: two, so ``set $a ${b} c;`` has too many
arguments for nginx). Backslash escapes are kept as written except ``\"`` (``\'``) inside
a double- (single-) quoted string; nginx also undoes ``\\``, ``\t``, ``\r``, ``\n`` and the
other quote, in any word: values differ, not whether nginx accepts the file. A Lua block
(``*_by_lua_block``) is one token, as in OpenResty.
"""
from __future__ import annotations

import bisect
import re
from importlib import resources
from pathlib import Path

import crossplane  # noqa: F401  (registers crossplane's *_by_lua_block lexer)
import pytest
from crossplane.errors import NgxParserBaseException
from crossplane.lexer import _lex_file_object
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fuzz import NGINX_TEXT

from wsgilint.readers.nginx_lexer import tokenize

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = PROJECT.parent / "shared" / "corpus"


class _Consumed:
    """How far crossplane's lazy lexer has read when it yields a token."""

    def __init__(self) -> None:
        self.offset = 0

    def chars(self, text: str):
        for index, char in enumerate(text):
            self.offset = index + 1
            yield char


def crossplane_tokens(text: str):
    """crossplane's tokens with the offsets and spans the reader derived from them
    (the reader's tokenizer before it had its own lexer)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def span(start: int, end: int) -> tuple[int, int, int]:
        line = bisect.bisect_right(starts, start)
        end_line = bisect.bisect_right(starts, max(end - 1, start))
        return line, start - starts[line - 1] + 1, end - starts[line - 1] + 1 if end_line == line else 0

    consumed = _Consumed()
    tokens = []
    last_end = 0
    try:
        for value, line, quoted in _lex_file_object(consumed.chars(text)):
            offset = consumed.offset
            if quoted:
                end = offset
                start = last_end
                while start < end and text[start].isspace():
                    start += 1
            elif value in ("{", "}", ";"):
                end = offset
                start = end - 1
            else:   # a word or comment, ended by the character just read
                end = offset - 1
                start = max(end - len(value), 0)
            tokens.append((value, line, quoted, start, end, *span(start, end)))
            last_end = max(last_end, end)
    except NgxParserBaseException as error:
        return tokens, last_end, (error.lineno or 1, error.strerror)
    return tokens, last_end, None


def assert_same_as_crossplane(text: str) -> None:
    expected = crossplane_tokens(text)
    got = tokenize(text)
    assert [t[:3] for t in got[0]] == [t[:3] for t in expected[0]], "token stream (value, line, quoted)"
    assert got == expected, "offsets, spans, end or Lua error"


def corpus_files() -> list[Path]:
    files = [p for folder in (CORPUS / "nginx", CORPUS / "bundles") if folder.is_dir()
             for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()]
    stock = resources.files("wsgilint.readers").joinpath("stock")
    files += [Path(str(p)) for p in stock.iterdir()]
    files += [p for folder in ("examples", "tests/fixtures") for p in sorted((PROJECT / folder).rglob("*"))
              if p.is_file() and not p.is_symlink() and ("nginx" in str(p) or p.suffix == ".conf")]
    return files


def test_corpus_token_streams_are_crossplanes():
    if not (CORPUS / "nginx").is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    files = corpus_files()
    assert len(files) > 300
    differ = []
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        if tokenize(text) != crossplane_tokens(text):
            differ.append(str(path))
    assert differ == []


# Pieces that steer each branch of both lexers: escapes before quotes, braces, newlines
# and the end of the text, ``${``, comments, Lua blocks with strings and ``--`` comments,
# and whitespace that str.isspace knows but nginx does not.
_PIECES = st.sampled_from([
    "a", "b", "$", "#", "{", "}", ";", "'", '"', "\\", " ", "\t", "\n", "\r", "-", "--", "${", "$x{", "\\\n",
    "\\\\", '\\"', "\\'", "\x0b", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "\xe9",
    "content_by_lua_block", "set_by_lua_block", "access_by_lua_block ", '"content_by_lua_block"',
    "set_by_lua_block $v {", "content_by_lua_block {", "ngx.say('}')", "-- }\n",
])
TRICKY_TEXT = st.lists(_PIECES, max_size=60).map("".join)
LEXER_TEXT = st.one_of(NGINX_TEXT, TRICKY_TEXT, st.text(max_size=200))


@settings.get_profile("ci")
@given(text=LEXER_TEXT)
def test_same_tokens_as_crossplane(text):
    assert_same_as_crossplane(text)


@pytest.mark.fuzz
@settings.get_profile("fuzz")
@given(text=LEXER_TEXT)
def test_same_tokens_as_crossplane_fuzz(text):
    assert_same_as_crossplane(text)


def values(text: str) -> list[tuple[str, int, bool]]:
    return [t[:3] for t in tokenize(text)[0]]


@pytest.mark.parametrize(("text", "expected"), [
    # nginx ends a word at a space, ";" or "{" only; crossplane also at "}".
    ("return 200 a}\n", [("return", 1, False), ("200", 1, False), ("a", 1, False), ("}", 1, False)]),
    # Any str.isspace() character separates words; nginx splits at space, tab, CR, LF only.
    ("return\xa0200;", [("return", 1, False), ("200", 1, False), (";", 1, False)]),
    # Escapes stay as written outside quotes (nginx reads a"b).
    ('x a\\"b;', [("x", 1, False), ('a\\"b', 1, False), (";", 1, False)]),
    # "${...}" keeps the next character, even a space (nginx ends the word there).
    ("set $a ${b} c;", [("set", 1, False), ("$a", 1, False), ("${b} c", 1, False), (";", 1, False)]),
    # Only the quote's own escape is undone inside a quoted string.
    ('x "a\\"b\\n";', [("x", 1, False), ('a"b\\n', 1, True), (";", 1, False)]),
    # An unterminated quote drops the rest of the file; so does a word cut by its end.
    ('a "b;\nc;', [("a", 1, False)]),
    ("a b", [("a", 1, False)]),
    # A comment ends at a newline, escaped or not; the backslash is not part of it.
    ("# x \\\ny;", [("# x ", 1, False), ("y", 2, False), (";", 2, False)]),
    # A Lua block is one quoted token, its braces counted outside strings and comments.
    ("content_by_lua_block { ngx.say('}') -- }\n }",
     [("content_by_lua_block", 1, False), (" ngx.say('}') -- }\n ", 2, True), (";", 2, False)]),
])
def test_crossplane_quirks_are_kept(text, expected):
    assert values(text) == expected
    assert_same_as_crossplane(text)


def test_malformed_lua_block_is_reported_at_its_line():
    tokens, _, error = tokenize("content_by_lua_block\n\n x;")
    assert [t[0] for t in tokens] == ["content_by_lua_block"]
    assert error == (3, "expected { to start Lua block")
    assert_same_as_crossplane("content_by_lua_block\n\n x;")
