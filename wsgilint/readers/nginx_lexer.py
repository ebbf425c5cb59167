"""nginx's tokens, as crossplane's lexer (0.5.8, with its Lua-block extension) yields them.

crossplane reads a file one character at a time through three nested generators,
which made tokenizing the largest part of reading a fleet. This lexer matches a
whole token with one regular expression and falls back to character steps only for
the rare constructs (``${`` in a word, ``*_by_lua_block``). Its token stream (value,
line, quoted flag) is crossplane's, quirks included, and the offsets are those the
reader derived from crossplane's progress through the text: ``tests/test_nginx_lexer.py``
compares both on the whole corpus and under fuzzing; ``docs/fidelity.md`` says where
crossplane (and so this lexer) reads differently from nginx.

What crossplane does that nginx does not, kept here so that findings do not change:
``}`` ends a word; a word or comment cut by the end of the file is dropped, and so is
all that follows an unterminated quote; in a quoted string only ``\\`` before the
same quote is unescaped; ``${...}`` keeps the character after its ``}``, even a space;
the line of a word is that of its first character after an escaped newline.
"""
from __future__ import annotations

import bisect
import re

from crossplane.ext.lua import LuaBlockPlugin

__all__ = ["LexError", "Token", "tokenize"]

LUA_BLOCKS = frozenset(LuaBlockPlugin.directives)

# (value, line as crossplane counts it, quoted, start, end, span line, column, end column).
# ``start``/``end`` are offsets (end exclusive) as the reader has always derived them
# from crossplane's progress; the span fields are 1-based (end column 0 when the token
# continues on a later line).
Token = tuple[str, int, bool, int, int, int, int, int]
LexError = tuple[int, str]   # (line, reason) of a malformed *_by_lua_block

# After optional whitespace (``\s`` is str.isspace, as in crossplane): a word, a brace
# or ";", a comment, a double- or single-quoted string (an escape is a backslash and
# any character, as crossplane pairs them).
_TOKEN = re.compile(r"""\s*(?:
    ((?:[^\s{};\\"'\#]|\\.)[^\s{};\\]*(?:\\.[^\s{};\\]*)*)
  | ([{};])
  | (\#[^\n]*)
  | "([^"\\]*(?:\\.[^"\\]*)*)"
  | '([^'\\]*(?:\\.[^'\\]*)*)'
)""", re.S | re.X)
_WORD_REST = re.compile(r"(?:[^\s{};\\]|\\.)*", re.S)
# crossplane's ``${``: characters up to one that ends with "}" or a space.
_PARAMETER = re.compile(r"\{(?:[^\s}\\]|\\[^}])*(?:\}|\\\})?")


class _End(Exception):
    """The text ends where crossplane stops yielding (a cut token or an unterminated quote)."""


class _LuaError(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Lexer:
    """One text. Offsets of newlines are found once and looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.newlines = [match.start() for match in re.finditer("\n", text)]
        self.tokens: list[Token] = []

    def line_of(self, offset: int) -> int:
        """1 + the newlines before ``offset``."""
        return bisect.bisect_left(self.newlines, offset) + 1

    def span_fields(self, start: int, end: int) -> tuple[int, int, int]:
        newlines = self.newlines
        index = bisect.bisect_left(newlines, start)
        line_start = newlines[index - 1] + 1 if index else 0
        last = end - 1 if end - 1 > start else start
        single = index == len(newlines) or newlines[index] >= last
        return index + 1, start - line_start + 1, end - line_start + 1 if single else 0

    def add(self, value: str, line: int, quoted: bool, start: int, end: int) -> None:
        self.tokens.append((value, line, quoted, start, end, *self.span_fields(start, end)))

    def unit(self, offset: int) -> str:
        """The character (or backslash and character) at ``offset``, as crossplane pairs them."""
        text = self.text
        if offset >= self.size or (text[offset] == "\\" and offset + 1 >= self.size):
            raise _End
        return text[offset:offset + 2] if text[offset] == "\\" else text[offset]

    def unit_line(self, offset: int, unit: str) -> int:
        """crossplane's line for a character: a newline (or an escaped one) counts itself."""
        return self.line_of(offset + len(unit))

    def run(self) -> tuple[int, LexError | None]:
        """Lex the text; returns the end of the last token and a Lua-block error."""
        try:
            self.lex()
        except _End:
            pass
        except _LuaError as error:
            return self.last_end(), (error.line, "expected { to start Lua block")
        return self.last_end(), None

    def last_end(self) -> int:
        return self.tokens[-1][4] if self.tokens else 0

    def lex(self) -> None:
        text, size, tokens = self.text, self.size, self.tokens
        append = tokens.append
        match_token = _TOKEN.match
        count, rfind, find = text.count, text.rfind, text.find
        directive_next = True
        pos = 0
        counted = 0          # newlines before ``counted`` are in ``line``
        line = 1
        line_start = 0
        while True:
            found = match_token(text, pos)
            if found is None:
                return
            kind = found.lastindex or 0
            start = found.start(kind)
            if start > counted:
                newlines = count("\n", counted, start)
                if newlines:
                    line += newlines
                    line_start = rfind("\n", counted, start) + 1
                counted = start
            end = found.end()
            if kind == 1:    # a word
                if end >= size:
                    return
                stop = text[end]
                if stop == "\\" or (stop == "{" and text[end - 1] == "$"):
                    end = self.word_tail(end)
                    stop = text[end]
                value = text[start:end]
                token_line = line + 1 if value.startswith("\\\n") else line
                column = start - line_start + 1
                if find("\n", start, end - 1) < 0:
                    append((value, token_line, False, start, end, line, column, end - line_start + 1))
                else:
                    append((value, token_line, False, start, end, *self.span_fields(start, end)))
                if stop in "{};":
                    pos = end
                else:          # crossplane has read the space that ends the word
                    pos = end + 1
                    if directive_next and value in LUA_BLOCKS:
                        pos = self.lua(value, pos)
                    else:
                        directive_next = False
            elif kind == 2:      # { } ;
                column = start - line_start + 1
                append((found.group(2), line, False, start, end, line, column, column + 1))
                directive_next = True
                pos = end
            elif kind == 3:    # a comment, yielded when its newline is read
                if end >= size:
                    return
                value = found.group(3)
                if value.endswith("\\"):
                    backslashes = len(value) - len(value.rstrip("\\"))
                    if backslashes % 2:   # "\<newline>" ends it and is not part of it
                        value = value[:-1]
                column = end - len(value) - line_start + 1
                append((value, line, False, end - len(value), end, line, column, end - line_start + 1))
                pos = end + 1
            else:              # a quoted string
                quote = text[start - 1]
                value = found.group(kind)
                if "\\" in value:
                    value = value.replace("\\" + quote, quote)
                start -= 1
                column = start - line_start + 1
                if find("\n", start, end - 1) < 0:
                    append((value, line, True, start, end, line, column, end - line_start + 1))
                else:
                    append((value, line, True, start, end, *self.span_fields(start, end)))
                pos = end
                if directive_next and value in LUA_BLOCKS:
                    pos = self.lua(value, pos)
                else:
                    directive_next = False

    def word_tail(self, pos: int) -> int:
        """The end of a word that continues past ``pos`` (a ``${`` or a backslash):
        crossplane's steps, one construct at a time."""
        text = self.text
        while True:
            if pos >= self.size or text[pos] == "\\" and pos + 1 >= self.size:
                raise _End
            if text[pos] != "{" or text[pos - 1] != "$":
                return pos   # a space, a brace or ";": the word patterns stop only there
            pos = _PARAMETER.match(text, pos).end()   # type: ignore[union-attr]  # "{" always matches
            self.unit(pos)   # raises _End where the text ends inside the parameter
            if text[pos] in "{};":
                return pos
            pos += len(self.unit(pos))   # the character after the parameter joins the word
            pos = _WORD_REST.match(text, pos).end()   # type: ignore[union-attr]  # matches ""

    def lua(self, directive: str, pos: int) -> int:
        """crossplane's Lua extension: the block after ``*_by_lua_block`` is one quoted
        token (its braces balanced, its strings and ``--`` comments skipped), then ";"."""
        if directive == "set_by_lua_block":   # the one that takes an argument first
            start = pos
            while True:
                unit = self.unit(pos)
                if unit.isspace():
                    if pos > start:
                        argument = self.text[start:pos]
                        line = self.unit_line(pos, unit)
                        if argument in ("{", "}", ";"):   # offsets as for a brace, one character
                            self.add(argument, line, False, pos, pos + 1)
                        else:
                            self.add(argument, line, False, start, pos)
                        pos += 1
                        break
                    pos += 1
                    start = pos
                    continue
                pos += len(unit)
        while True:
            unit = self.unit(pos)
            if not unit.isspace():
                break
            pos += 1
        if unit != "{":
            raise _LuaError(self.unit_line(pos, unit))
        pos += 1
        depth = 1
        body: list[str] = []
        while True:
            unit = self.unit(pos)
            if unit == "-" and self.unit(pos + 1) == "-":
                body.append("-")
                pos += 1
                while (unit := self.unit(pos)) != "\n":
                    body.append(unit)
                    pos += len(unit)
            elif unit == "{":
                depth += 1
            elif unit == "}":
                depth -= 1
                if depth == 0:
                    line = self.line_of(pos)
                    start = self.last_end()
                    while start < pos + 1 and self.text[start].isspace():
                        start += 1
                    self.add("".join(body), line, True, start, pos + 1)
                    self.add(";", line, False, pos, pos + 1)
                    return pos + 1
            elif unit in ("'", '"'):
                body.append(unit)
                pos += 1
                while (inner := self.unit(pos)) != unit:
                    body.append(inner)
                    pos += len(inner)
            body.append(unit)
            pos += len(unit)


def tokenize(text: str) -> tuple[list[Token], int, LexError | None]:
    """Tokens, the end offset of the last one, and a Lua-block error (line, reason)."""
    lexer = _Lexer(text)
    last_end, error = lexer.run()
    return lexer.tokens, last_end, error
