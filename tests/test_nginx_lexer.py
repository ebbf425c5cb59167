r"""The nginx lexer against nginx and crossplane.

The reference is nginx 1.22's own tokenizer, ``ngx_conf_read_token`` (src/core/ngx_conf_file.c,
lines 503-817 of release-1.22.1), transcribed here as ``nginx_tokens``; crossplane's lexer
(0.5.8) is the reference for everything nginx does not decide (the line of a token, comments,
what is dropped at the end of a file, Lua blocks) and for the offsets the reader used to infer
from crossplane's progress through the text. ``test_nginx_differential`` runs the whole reader
against ``nginx -t``, on the corpus and on generated text that exercises the differences below.

On every corpus and packaged file and under fuzzing (``ci`` profile here; ``pytest -m fuzz
tests/test_nginx_lexer.py`` for the long run) the lexer gives nginx's words (escapes as
crossplane keeps them), and crossplane's exact token stream wherever the text holds none of
crossplane's departures from nginx. Where it holds one, the lexer follows nginx:

Departures from crossplane, where nginx is followed (each pinned in
``test_departures_from_crossplane_follow_nginx``, checked with ``nginx -t`` and a running nginx):
``}`` does not end a word (nginx reads ``return 200 a};`` as ``a}``; crossplane ended the word,
so wsgilint reported a missing ``;`` on a file nginx accepts). Only space, tab, CR and LF
separate words (nginx reads ``return 200 a<U+00A0>b;`` as two arguments; crossplane split at
any ``str.isspace()`` character: U+000B, U+00A0, U+0085...). A ``{`` right after an unescaped
``$`` does not end a word and nothing else about ``${`` is special (``set $a ${b} c;`` is three
arguments to nginx, as now to wsgilint; crossplane joined ``${b} c`` into one).

Known differences from nginx, crossplane's, kept (each pinned in ``test_crossplane_quirks_are_kept``):
backslash escapes are kept as written except ``\"`` (``\'``) inside a double- (single-)
quoted string; nginx also undoes ``\\``, ``\t``, ``\r``, ``\n`` and the other quote, in any
word: values differ, not where words split nor whether nginx accepts the file. A word cut by
the end of the file is dropped, and so is all that follows an unterminated quote (nginx stops
there with "unexpected end of file", which the reader reports). A word longer than nginx's
4096-byte buffer is read whole (nginx: "too long parameter"). A Lua block
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

from wsgilint.readers.nginx_lexer import tokenize, tokenize_to_send

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


SPACES = " \t\r\n"   # ngx_conf_file.c:633, 663, 753: the only characters between words


def nginx_tokens(text: str) -> tuple[list[tuple[str, bool]], bool]:
    """nginx 1.22's ngx_conf_read_token (ngx_conf_file.c:503-817) transcribed, over the whole
    text: its words as written (a quoted one with crossplane's unescaping of its own quote,
    the one unescaping the lexer keeps), with ``;``, ``{`` and ``}`` as tokens, and whether
    nginx stopped at a character its tokenizer refuses (``unexpected "x"`` after a closing
    quote). Where a directive may stand (an argument count, a ";" with no directive) is the
    parser's question, not the tokenizer's, and is left to the reader and ``nginx -t``."""
    tokens: list[tuple[str, bool]] = []
    need_space = sharp_comment = variable = quoted = False
    last_space = True
    quote = ""
    start = 0

    def statement_ends() -> None:   # a return from ngx_conf_read_token: the next call starts afresh
        nonlocal need_space, last_space, variable, quote
        need_space, last_space, variable, quote = False, True, False, ""

    for index, ch in enumerate(text):
        if ch == "\n" and sharp_comment:
            sharp_comment = False
        if sharp_comment:
            continue
        if quoted:
            quoted = False
            continue
        if need_space:
            if ch in SPACES:
                last_space, need_space = True, False
                continue
            if ch in ";{":
                tokens.append((ch, False))
                statement_ends()
                continue
            if ch != ")":
                return tokens, True
            last_space, need_space = True, False
        if last_space:
            start = index
            if ch in SPACES:
                continue
            if ch in ";{}":
                tokens.append((ch, False))
                statement_ends()
                continue
            if ch == "#":
                sharp_comment = True
                continue
            last_space = False
            if ch == "\\":
                quoted = True
            elif ch in "\"'":
                start, quote = index + 1, ch
            elif ch == "$":
                variable = True
            continue
        if ch == "{" and variable:
            continue
        variable = False
        if ch == "\\":
            quoted = True
            continue
        if ch == "$":
            variable = True
            continue
        if quote:
            if ch == quote:
                tokens.append((text[start:index].replace("\\" + quote, quote), True))
                need_space, quote = True, ""
        elif ch in SPACES or ch in ";{":
            tokens.append((text[start:index], False))
            last_space = True
            if ch in ";{":
                tokens.append((ch, False))
                statement_ends()
    return tokens, False


def departures(text: str) -> set[str]:
    """Which of crossplane's departures from nginx the text holds: a word (as nginx splits
    it; the text ended by two newlines, so that a word the end cuts counts, even after a
    backslash) with a "}" after its first character, with a space only str.isspace()
    knows, or with "${" (or ending with "$", before a "{" nginx ends it at)."""
    found = set()
    for value, _, quoted, *_ in tokenize(text + "\n\n")[0]:
        if quoted or value[:1] == "#":
            continue
        if "}" in value[1:]:
            found.add("brace-in-word")
        if any(ch.isspace() for ch in value):
            found.add("unicode-space")
        if "${" in value or value.endswith("$"):   # "\\${": crossplane's "${", nginx's end of a word
            found.add("parameter")
    return found


def assert_offsets_match_text(text: str, tokens) -> None:
    """Each token's offsets and span describe it where it is written (outside Lua blocks,
    whose ";" has crossplane's offsets of their closing brace)."""
    if "by_lua_block" in text:
        return
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for value, _, quoted, start, end, span_line, column, end_column in tokens:
        written = text[start:end]
        if quoted:
            assert written[:1] == written[-1:] and written[:1] in "\"'", (value, written)
        elif value[:1] != "#":
            assert written == value, (value, written)
        assert span_line == bisect.bisect_right(starts, start)
        assert column == start - starts[span_line - 1] + 1
        assert end_column in (0, end - starts[span_line - 1] + 1)


def assert_same_as_nginx(text: str) -> None:
    """The lexer's words are nginx's (comments aside), up to where nginx stops."""
    if "by_lua_block" in text:
        return   # OpenResty's Lua blocks are crossplane's extension, not nginx 1.22
    expected, refused = nginx_tokens(text)
    got = [(t[0], t[2]) for t in tokenize(text)[0] if t[2] or t[0][:1] != "#"]
    if refused:
        got = got[:len(expected)]
    assert got == expected


def assert_matches_references(text: str) -> None:
    """nginx's words; crossplane's tokens, offsets and lines unless the text holds a departure."""
    assert_same_as_nginx(text)
    tokens = tokenize(text)
    assert_offsets_match_text(text, tokens[0])
    if not departures(text):
        assert tokens == crossplane_tokens(text)


def corpus_files() -> list[Path]:
    files = [p for folder in (CORPUS / "nginx", CORPUS / "bundles") if folder.is_dir()
             for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()]
    stock = resources.files("wsgilint.readers").joinpath("stock")
    files += [Path(str(p)) for p in stock.iterdir()]
    files += [p for folder in ("examples", "tests/fixtures") for p in sorted((PROJECT / folder).rglob("*"))
              if p.is_file() and not p.is_symlink() and ("nginx" in str(p) or p.suffix == ".conf")]
    return files


def test_corpus_token_streams_are_nginxs_and_crossplanes():
    if not (CORPUS / "nginx").is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    files = corpus_files()
    assert len(files) > 300
    differ = []
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        assert_same_as_nginx(text)
        if tokenize(text) != crossplane_tokens(text):
            differ.append((str(path), departures(text)))
    assert all(found for _, found in differ), differ


# Pieces that steer each branch of both lexers: escapes before quotes, braces, newlines
# and the end of the text, ``${``, comments, Lua blocks with strings and ``--`` comments,
# and whitespace that str.isspace knows but nginx does not.
_PIECES = st.sampled_from([
    "a", "b", "$", "#", "{", "}", ";", "'", '"', "\\", " ", "\t", "\n", "\r", "-", "--", "${", "$x{", "\\\n",
    "\\\\", '\\"', "\\'", "\x0b", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "\xe9", ")", "a}", "${a}",
    "\\$", "$${", "\\{",
    "content_by_lua_block", "set_by_lua_block", "access_by_lua_block ", '"content_by_lua_block"',
    "set_by_lua_block $v {", "content_by_lua_block {", "ngx.say('}')", "-- }\n",
])
TRICKY_TEXT = st.lists(_PIECES, max_size=60).map("".join)
LEXER_TEXT = st.one_of(NGINX_TEXT, TRICKY_TEXT, st.text(max_size=200))


@settings.get_profile("ci")
@given(text=LEXER_TEXT)
def test_same_tokens_as_nginx_and_crossplane(text):
    assert_matches_references(text)


@pytest.mark.fuzz
@settings.get_profile("fuzz")
@given(text=LEXER_TEXT)
def test_same_tokens_as_nginx_and_crossplane_fuzz(text):
    assert_matches_references(text)


def values(text: str) -> list[tuple[str, int, bool]]:
    return [t[:3] for t in tokenize(text)[0]]


@pytest.mark.parametrize(("departure", "text", "crossplanes", "nginxs"), [
    # nginx ends a word at a space, ";" or "{" only (ngx_conf_file.c:753); crossplane also at "}".
    ("brace-in-word", "return 200 a};", ["return", "200", "a", "}", ";"], ["return", "200", "a}", ";"]),
    ("brace-in-word", "location / { return 200 a}}\n", ["location", "/", "{", "return", "200", "a", "}", "}"],
     ["location", "/", "{", "return", "200", "a}}"]),
    # Space, tab, CR and LF separate words (ngx_conf_file.c:663); crossplane splits at any str.isspace().
    ("unicode-space", "return 200 a\xa0b;", ["return", "200", "a", "b", ";"], ["return", "200", "a\xa0b", ";"]),
    ("unicode-space", "return\x0b200;", ["return", "200", ";"], ["return\x0b200", ";"]),
    # "{" after "$" stays in the word (ngx_conf_file.c:723); nothing else about "${" is special.
    ("parameter", "set $a ${b} c;", ["set", "$a", "${b} c", ";"], ["set", "$a", "${b}", "c", ";"]),
    ("parameter", "set $a ${b c};", ["set", "$a", "${b c", "}", ";"], ["set", "$a", "${b", "c}", ";"]),
    ("parameter", "set $a x\\${b;\n", ["set", "$a"], ["set", "$a", "x\\$", "{", "b", ";"]),
])
def test_departures_from_crossplane_follow_nginx(departure, text, crossplanes, nginxs):
    assert departure in departures(text)
    assert [t[0] for t in crossplane_tokens(text)[0]] == crossplanes
    assert [t[0] for t in tokenize(text)[0]] == nginxs
    assert [value for value, _ in nginx_tokens(text)[0]] == nginxs
    assert_offsets_match_text(text, tokenize(text)[0])


@pytest.mark.parametrize(("text", "expected"), [
    # Escapes stay as written outside quotes (nginx reads a"b).
    ('x a\\"b;', [("x", 1, False), ('a\\"b', 1, False), (";", 1, False)]),
    # Only the quote's own escape is undone inside a quoted string.
    ('x "a\\"b\\n";', [("x", 1, False), ('a"b\\n', 1, True), (";", 1, False)]),
    # An unterminated quote drops the rest of the file; so does a word cut by its end.
    ('a "b;\nc;', [("a", 1, False)]),
    ("a b", [("a", 1, False)]),
    # A comment ends at a newline, escaped or not; the backslash is not part of it.
    ("# x \\\ny;", [("# x ", 1, False), ("y", 2, False), (";", 2, False)]),
    # The line of a word that starts with an escaped newline is the next one.
    ("x \\\ny;", [("x", 1, False), ("\\\ny", 2, False), (";", 2, False)]),
    # A Lua block is one quoted token, its braces counted outside strings and comments.
    ("content_by_lua_block { ngx.say('}') -- }\n }",
     [("content_by_lua_block", 1, False), (" ngx.say('}') -- }\n ", 2, True), (";", 2, False)]),
])
def test_crossplane_quirks_are_kept(text, expected):
    assert values(text) == expected
    assert tokenize(text) == crossplane_tokens(text)


def test_malformed_lua_block_is_reported_at_its_line():
    tokens, _, error = tokenize("content_by_lua_block\n\n x;")
    assert [t[0] for t in tokens] == ["content_by_lua_block"]
    assert error == (3, "expected { to start Lua block")
    assert tokenize("content_by_lua_block\n\n x;") == crossplane_tokens("content_by_lua_block\n\n x;")


def test_tokens_to_send_are_the_tokens():
    # What the lexing child of a --jobs run pickles: each value interned, nothing else changed.
    files = corpus_files() if CORPUS.is_dir() else []
    for text in [path.read_text(errors="replace") for path in files] + ['a "b c" \\\n d; # e\n{ }', ""]:
        assert tokenize_to_send(text) == tokenize(text)
