"""A systemd ``EnvironmentFile=``, read as systemd 252 reads it.

The state machine of ``parse_env_file_internal`` (src/basic/env-file.c): ``#`` or ``;``
where a key would start opens a comment; a key runs to ``=`` (a line without one is
dropped) and loses trailing blanks; a value loses leading and trailing blanks, keeps a
``#`` inside it, and a backslash escapes the next character (before a newline it joins
the next line); single quotes are literal, double quotes unescape only ``"``, ``\\``,
`````` and ``$`` (any other backslash stays, a backslash-newline is dropped); quoted
and unquoted pieces join (``"a"b`` is ``ab``). No ``$VAR`` is expanded. A backslash at
the end of a comment continues the comment onto the next line (systemd 254 changed
that: the next line is then read). ``exec_context_load_environment`` then drops
assignments whose name is not a valid variable name (``export X=1``).
"""
from __future__ import annotations

import functools
import re

_WHITESPACE = " \t\n\r"
_NEEDS_ESCAPE = '"\\`$'


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _name() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def parse_environment_file(text: str) -> dict[str, str]:
    """The variables a ``EnvironmentFile=`` sets, later lines winning."""
    result: dict[str, str] = {}
    state = "pre-key"
    key: list[str] = []
    value: list[str] = []
    key_blank = value_blank = -1   # where trailing blanks of the key / an unquoted value start

    def push() -> None:
        name = "".join(key[:key_blank] if key_blank >= 0 else key)
        if _name().fullmatch(name):
            result[name] = "".join(value)

    for char in text:
        newline = char in "\n\r"
        if state == "pre-key":
            if char in "#;":
                state = "comment"
            elif char not in _WHITESPACE:
                state, key, key_blank = "key", [char], -1
        elif state == "key":
            if newline:
                state, key = "pre-key", []
            elif char == "=":
                state, value, value_blank = "pre-value", [], -1
            else:
                if char not in _WHITESPACE:
                    key_blank = -1
                elif key_blank < 0:
                    key_blank = len(key)
                key.append(char)
        elif state == "pre-value":
            if newline:
                push()
                state, key = "pre-key", []
            elif char == "'":
                state = "single"
            elif char == '"':
                state = "double"
            elif char == "\\":
                state = "escape"
            elif char not in _WHITESPACE:
                state = "value"
                value.append(char)
        elif state == "value":
            if newline:
                if value_blank >= 0:
                    del value[value_blank:]
                push()
                state, key = "pre-key", []
            elif char == "\\":
                state, value_blank = "escape", -1
            else:
                if char not in _WHITESPACE:
                    value_blank = -1
                elif value_blank < 0:
                    value_blank = len(value)
                value.append(char)
        elif state == "escape":
            state = "value"
            if not newline:
                value.append(char)
        elif state == "single":
            if char == "'":
                state = "pre-value"
            else:
                value.append(char)
        elif state == "double":
            if char == '"':
                state = "pre-value"
            elif char == "\\":
                state = "double-escape"
            else:
                value.append(char)
        elif state == "double-escape":
            state = "double"
            if char in _NEEDS_ESCAPE:
                value.append(char)
            elif char != "\n":
                value.extend(("\\", char))
        elif state == "comment":
            if char == "\\":
                state = "comment-escape"
            elif newline:
                state = "pre-key"
        else:   # comment-escape: systemd 252 stays in the comment whatever follows
            state = "comment"
    if state not in ("pre-key", "key", "comment", "comment-escape"):
        if state == "value" and value_blank >= 0:
            del value[value_blank:]
        push()
    return result
