"""Dockerfiles, read as BuildKit's parser reads them (the Dockerfile reference).

Parser directives (``# escape=``) only before the first other line; comment lines are
dropped, also inside a continued instruction; the escape character at the end of a
line (spaces after it allowed) continues the instruction; ``<<EOF`` heredocs of
``RUN``/``COPY``/``ADD`` take the lines up to their delimiter; an argument that is a
JSON array of strings is the exec form, anything else the shell form (BuildKit's
``parseMaybeJSON``: text that starts with ``[`` but does not decode as JSON falls back to the
shell form, so ``CMD ['/x.sh']`` runs ``/bin/sh -c "['/x.sh']"``; such a list is kept as an
``ExecLookalike``). The
``dockerfile`` package on PyPI wraps BuildKit's own parser, but ships wheels for few
platforms (none for Linux on ARM), so it is the tests' oracle, not a dependency.
"""
from __future__ import annotations

import json
import re
import shlex

from ..core.context import ReadContext
from ..core.record import dataclass, field
from ..core.span import Problem, Span

_DIRECTIVE = re.compile(r"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$")
_HEREDOC = re.compile(r"<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\2")
_HEREDOC_COMMANDS = ("RUN", "COPY", "ADD")
_JSON_COMMANDS = ("CMD", "ENTRYPOINT", "RUN", "SHELL", "VOLUME", "COPY", "ADD")


@dataclass(frozen=True, slots=True)
class ExecLookalike:
    """Arguments written as a list of quoted words (``['/x.sh']``, ``["a", "b",]``) that are
    not a JSON array: BuildKit reads them as the shell form."""

    keyword: str                       # CMD, ENTRYPOINT, RUN, ...
    text: str                          # the arguments as written
    fixed: str                         # the same words as a JSON array (the exec form meant)
    at: Span                           # the arguments on their line; column 0 when they span lines


@dataclass(frozen=True, slots=True)
class Instruction:
    keyword: str                       # upper case: FROM, CMD, ...
    text: str                          # the arguments, continuation lines joined
    at: Span                           # the keyword's line, the whole first line
    flags: dict[str, str] = field(default_factory=dict)   # --from=build, --chown=app
    exec_form: list[str] | None = None # the JSON array, when the arguments are one
    lookalike: ExecLookalike | None = None   # a list of quoted words that is not JSON (shell form)

    @property
    def words(self) -> list[str]:
        """The arguments split as the builder splits them (quotes, the escape character)."""
        try:
            return shlex.split(self.text)
        except ValueError:
            return self.text.split()


@dataclass
class Dockerfile:
    path: str
    instructions: list[Instruction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def is_dockerfile_text(text: str) -> bool:
    """The first instruction (after directives, comments and ARGs) is FROM."""
    for line in text.splitlines()[:200]:
        word = line.strip().split(None, 1)[0].upper() if line.strip() else ""
        if not word or word.startswith("#") or word == "ARG":
            continue
        return word == "FROM"
    return False


def _flags(text: str) -> tuple[dict[str, str], str]:
    flags: dict[str, str] = {}
    while text.startswith("--"):
        word, _, rest = text.partition(" ")
        name, _, value = word[2:].partition("=")
        flags[name] = value
        text = rest.lstrip()
    return flags, text


def _exec_form(text: str) -> list[str] | None:
    if not text.startswith("["):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, list) and all(isinstance(word, str) for word in value) else None


# One word of a list written with either quote: '...' or "..." (a backslash escapes the next character).
_QUOTED_WORD = r"""\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*"""
_WORD_LIST = re.compile(rf"\[(?:{_QUOTED_WORD}(?:,{_QUOTED_WORD})*,?\s*)?\]")
_WORD = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


def _lookalike(keyword: str, text: str, at: Span) -> ExecLookalike | None:
    """A list of quoted words, comma-separated, that JSON refuses (single quotes, a trailing
    comma, an escape JSON lacks). A shell-form line that merely starts with ``[`` (``RUN [ -f
    x ] && y``) or holds brackets is not one: its words are not a comma-separated list."""
    if not _WORD_LIST.fullmatch(text):
        return None
    words = [re.sub(r"\\(.)", r"\1", single if single is not None else double)
             for single, double in ((m.group(1), m.group(2)) for m in _WORD.finditer(text))]
    return ExecLookalike(keyword, text, json.dumps(words), at)


def parse_dockerfile(text: str, display: str) -> Dockerfile:
    result = Dockerfile(display)
    # Lines end at "\n", without a "\r" before it (buildkit's trimNewline): an escape before a
    # Windows line end continues the instruction too.
    lines = [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]
    escape = "\\"
    index = 0
    # Parser directives: only at the very top, each once.
    while index < len(lines):
        match = _DIRECTIVE.match(lines[index].strip())
        if not match:
            break
        if match.group(1).lower() == "escape":
            if match.group(2) not in ("\\", "`"):
                result.problems.append(Problem("syntax", f"invalid escape token {match.group(2)!r}: only \\ or `",
                                               Span(display, index + 1)))
            else:
                escape = match.group(2)
        index += 1
    continuation = re.compile(re.escape(escape) + r"[ \t]*$")
    while index < len(lines):
        start = index
        line = lines[index].strip()
        index += 1
        if not line or line.startswith("#"):
            continue
        parts: list[str] = []
        while continuation.search(line) and index < len(lines):
            parts.append(continuation.sub("", line))
            line = lines[index]
            index += 1
            while index < len(lines) and (not line.strip() or line.strip().startswith("#")):
                line = lines[index]
                index += 1
            if not line.strip() or line.strip().startswith("#"):
                line = ""
        parts.append(continuation.sub("", line))
        joined = "".join(parts).strip()
        keyword, _, rest = joined.partition(" ")
        keyword = keyword.upper()
        rest = rest.strip()
        if keyword in _HEREDOC_COMMANDS:
            for heredoc in _HEREDOC.finditer(rest):
                delimiter = heredoc.group(3)
                while index < len(lines) and (lines[index].lstrip("\t") if heredoc.group(1) else lines[index]) \
                        != delimiter:
                    index += 1
                index += 1
        flags, rest = _flags(rest) if keyword in ("COPY", "ADD", "FROM", "RUN") else ({}, rest)
        exec_form = _exec_form(rest) if keyword in _JSON_COMMANDS else None
        lookalike = None
        if exec_form is None and keyword in _JSON_COMMANDS and rest.startswith("["):
            column = lines[start].find(rest) + 1 if index == start + 1 else 0
            lookalike = _lookalike(keyword, rest, Span(display, start + 1, column,
                                                       column + len(rest) if column else 0))
        result.instructions.append(Instruction(keyword, rest, Span(display, start + 1, 1,
                                                                   len(lines[start].rstrip()) + 1), flags, exec_form,
                                               lookalike))
    return result


def read_dockerfile(path: str, ctx: ReadContext) -> Dockerfile:
    text = ctx.read(path).text
    if text is None:
        return Dockerfile(ctx.display(path))
    return parse_dockerfile(text, ctx.display(path))
