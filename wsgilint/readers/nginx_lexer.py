"""nginx's tokens, as nginx's ``ngx_conf_read_token`` splits them (with crossplane's
Lua-block extension for ``*_by_lua_block``).

crossplane reads a file one character at a time through three nested generators,
which made tokenizing the largest part of reading a fleet. This lexer matches a
whole token with one regular expression and falls back to character steps only for
the rare Lua blocks. Where crossplane's lexer (0.5.8) splits the text as nginx 1.22
does, its token stream (value, line, quoted flag) and the offsets the reader derived
from crossplane's progress are this lexer's too; where crossplane departs from
nginx, this lexer follows nginx (``src/core/ngx_conf_file.c``, ngx_conf_read_token):

* a word ends at a space, tab, CR, LF, ";" or "{" only, so ``}`` inside a word is part
  of it (``return 200 a};`` answers ``a}``); crossplane ends the word at ``}``;
* those four are the only spaces: a vertical tab or U+00A0 is part of a word; crossplane
  splits at every ``str.isspace()`` character;
* a "{" right after an unescaped ``$`` (``${name}``) does not end the word, and nothing
  else about ``${`` is special; crossplane also joins the character after the "}",
  even a space (``${b} c`` was one word; nginx reads two).

``tests/test_nginx_lexer.py`` checks the token stream against a transcription of
ngx_conf_read_token and against crossplane, where every difference must be one of
these; ``docs/fidelity.md`` lists them and what crossplane (and so this lexer) still
does otherwise than nginx: a word or comment cut by the end of the file is dropped,
and so is all that follows an unterminated quote; escapes stay as written except
``\\"`` (``\\'``) in a string of that quote; the line of a word is that of its first
character after an escaped newline.
"""
from __future__ import annotations

import bisect
import functools
import re
import sys

from ._nginx_directive_table import LUA_BLOCKS

__all__ = ["LexError", "Lexed", "Token", "tokenize", "tokenize_to_send"]

# (value, line as crossplane counts it, quoted, start, end, span line, column, end column).
# ``start``/``end`` are offsets (end exclusive) as the reader has always derived them
# from crossplane's progress; the span fields are 1-based (end column 0 when the token
# continues on a later line).
Token = tuple[str, int, bool, int, int, int, int, int]
LexError = tuple[int, str]   # (line, reason) of a malformed *_by_lua_block
Lexed = tuple[list[Token], int, LexError | None]   # what ``tokenize`` gives

# After optional space (space, tab, CR, LF: nginx's four), one of: a word, a brace or
# ";", a comment, a double- or single-quoted string. A word is ended only by a space,
# ";" or "{" (not "}", not a quote or "#" after its start); "\\" and the next character
# (any, as nginx and crossplane pair them) and a "$" with the "{"s right after it
# (nginx's ``variable`` flag) are parts of it. Group 1 is the last newline of the space
# before the token, so that lines are counted only where the space has one.
_TOKEN = re.compile(r"""(?:[ \t\r\n]*(\n))?[ \t\r]*(?:
    ((?:[^ \t\r\n{};\\"'\#$]|\\.|\$\{*)[^ \t\r\n{;\\$]*(?:(?:\\.|\$\{*)[^ \t\r\n{;\\$]*)*)
  | ([{};])
  | (\#[^\n]*)
  | "([^"\\]*(?:\\.[^"\\]*)*)"
  | '([^'\\]*(?:\\.[^'\\]*)*)'
)""", re.S | re.X)


class _End(Exception):
    """The text ends where crossplane stops yielding (a cut token or an unterminated quote)."""


class _LuaError(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Lexer:
    """One text. Offsets of newlines are found once, when a token over several lines or a
    Lua block first needs them, and looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.tokens: list[Token] = []

    @functools.cached_property
    def newlines(self) -> list[int]:
        return [match.start() for match in re.finditer("\n", self.text)]

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
        line = 1
        line_start = 0
        while True:
            found = match_token(text, pos)
            if found is None:
                return
            newline_end = found.end(1)
            if newline_end > 0:
                line += count("\n", pos, newline_end)
                line_start = newline_end
            kind = found.lastindex or 0
            start, end = found.span(kind)
            if kind == 2:    # a word
                # It stops before the end of the text, or before a backslash that ends it.
                if end >= size or text[end] == "\\":
                    return
                value = text[start:end]
                if "\\" in value and "\n" in value:   # an escaped newline: the word goes on below
                    token_line = line + 1 if value.startswith("\\\n") else line
                    if find("\n", start, end - 1) < 0:
                        append((value, token_line, False, start, end, line, start - line_start + 1,
                                end - line_start + 1))
                    else:
                        append((value, token_line, False, start, end, *self.span_fields(start, end)))
                    line += count("\n", start, end)
                    line_start = rfind("\n", start, end) + 1
                else:
                    append((value, line, False, start, end, line, start - line_start + 1, end - line_start + 1))
                pos = end
                # Before "{" or ";" the next token is that one, which makes the next word a directive.
                if directive_next and value in LUA_BLOCKS and text[end] not in "{;":   # the space after it is read
                    pos = self.lua(value, end + 1)
                    line, line_start = self.line_after(end, pos, line, line_start)
                else:
                    directive_next = False
            elif kind == 3:      # { } ;
                column = start - line_start + 1
                append((text[start], line, False, start, end, line, column, column + 1))
                directive_next = True
                pos = end
            elif kind == 4:    # a comment, yielded when its newline is read
                if end >= size:
                    return
                value = text[start:end]
                if value[-1] == "\\":
                    backslashes = len(value) - len(value.rstrip("\\"))
                    if backslashes % 2:   # "\<newline>" ends it and is not part of it
                        value = value[:-1]
                column = end - len(value) - line_start + 1
                append((value, line, False, end - len(value), end, line, column, end - line_start + 1))
                pos = end
            else:              # a quoted string
                start -= 1
                end += 1
                quote = text[start]
                value = found.group(kind)
                if "\\" in value:
                    value = value.replace("\\" + quote, quote)
                if "\n" in value:
                    append((value, line, True, start, end, *self.span_fields(start, end)))
                    line += count("\n", start, end)
                    line_start = rfind("\n", start, end) + 1
                else:
                    append((value, line, True, start, end, line, start - line_start + 1, end - line_start + 1))
                pos = end
                if directive_next and value in LUA_BLOCKS:
                    pos = self.lua(value, pos)
                    line, line_start = self.line_after(end, pos, line, line_start)
                else:
                    directive_next = False

    def line_after(self, start: int, end: int, line: int, line_start: int) -> tuple[int, int]:
        """The line and its start offset at ``end``, from those at ``start``."""
        newlines = self.text.count("\n", start, end)
        if newlines:
            return line + newlines, self.text.rfind("\n", start, end) + 1
        return line, line_start

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


def tokenize(text: str) -> Lexed:
    """Tokens, the end offset of the last one, and a Lua-block error (line, reason)."""
    lexer = _Lexer(text)
    last_end, error = lexer.run()
    return lexer.tokens, last_end, error


def tokenize_to_send(text: str) -> Lexed:
    """``tokenize``, each value interned, for a process that pickles the tokens: a batch of a
    fleet's files then holds each repeated value (``uwsgi_param``, ``/``) once, and loads a
    fifth faster. The reader interns the values it keeps anyway."""
    tokens, last_end, error = tokenize(text)
    intern = sys.intern
    return [(intern(value), line, quoted, start, end, span_line, column, end_column)
            for value, line, quoted, start, end, span_line, column, end_column in tokens], last_end, error
