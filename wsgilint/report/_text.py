"""What every reporter does with text it did not write.

Findings quote the checked tree: file names, config values, directive names. That tree
may be hostile (a pull request, checked in a CI job that holds secrets), and the output
goes to two readers that obey what they read:

- a terminal, which obeys control characters: ESC and CSI/OSC sequences (colours, cursor
  moves, window titles, hyperlinks, clipboard writes), BEL, a CR that lets a later text
  hide a finding; and shows text reordered by Unicode bidi controls;
- the GitHub Actions runner, which reads every line a step prints (stdout and stderr) and
  runs the workflow commands in it: a line that starts with ``::`` after leading
  whitespace (``::add-mask::``, ``::stop-commands::``, ``::set-output``), or, in the
  legacy syntax, holds ``##[`` anywhere. Lines end at LF, CR or CRLF.

So outside text is shown escaped: each such character as a Python-style escape (``\\x1b``,
``\\n``, ``\\u202e``), a byte that was not UTF-8 in a file name (``os.fsdecode`` keeps it as a
lone surrogate) as the byte (``\\xff``), the second ``#`` of ``##[`` as ``\\x23``, and the
first ``:`` of a leading ``::`` as ``\\x3a``. With its newlines escaped, outside text never
starts a line of its own, so no line of output can be a workflow command that wsgilint
did not write.

Why escape rather than wrap the output in ``::stop-commands::<token>`` ... ``::<token>::``:
the wrapper lines would corrupt a JSON or SARIF report redirected to a file in a workflow
(``--format sarif > wsgilint.sarif``, the documented use); stderr is read by the runner
as a separate stream, so its lines are not reliably inside a wrapper printed on stdout;
and the log viewer still styles a raw ``##[error]`` line while commands are stopped.
Escaping works the same in every format and whether or not ``GITHUB_ACTIONS`` is set
(a report saved elsewhere may be printed in a workflow later); it changes only text that
holds these characters. In JSON and SARIF it is lossless: JSON escapes (``\\u0023``)
decode to the very same text; only non-UTF-8 bytes become the text ``\\xff``, as JSON
must be UTF-8.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TextIO

_C0 = "\x00-\x1f"
# DEL, C1 (0x9b is CSI on its own), the bidi marks and overrides, Unicode line separators.
_OTHER_CONTROLS = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"


# Compiled on first use (functools.cache): a small tree may never need them, and compiling
# costs start-up (the first one alone 4.5 M instructions: its ranges reach past Latin-1).
@functools.cache
def _unsafe() -> re.Pattern[str]:
    return re.compile(f"[{_C0}{_OTHER_CONTROLS}{_SURROGATES}]")


@functools.cache
def _leading_command() -> re.Pattern[str]:
    return re.compile(r"^(\s*):(?=:)")


# json.dumps already escapes C0 controls (and quotes and backslashes).
@functools.cache
def _json_unsafe() -> re.Pattern[str]:
    return re.compile(f"##\\[|[{_OTHER_CONTROLS}{_SURROGATES}]")


_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _code(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` from the checked files, safe to print in a line of wsgilint's own."""
    # Every character escaped below is one ``isprintable`` refuses (Cc, Cf, Zl, Zp, Cs), so
    # printable text (most text, and every line of most trees) needs only the two checks.
    if not text.isprintable():
        text = _unsafe().sub(lambda match: _code(match.group()), text)
    text = text.replace("##[", "#\\x23[")
    return _leading_command().sub(r"\1\\x3a", text, count=1) if "::" in text else text


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "##[":
        return "#\\u0023["
    if "\ud800" <= char <= "\udfff":  # UTF-8 cannot hold it: shown as the text \xff
        return "\\" + _code(char)
    return f"\\u{ord(char):04x}"


def json_text(document: object) -> str:
    """``document`` as one line of JSON with no character a terminal or the Actions runner obeys."""
    import json  # here: the console report, the usual one, writes no JSON

    # The C encoder: indent would make it ten times slower. The reports build each document
    # afresh from the findings, so no container holds itself: nothing to keep a record of ids for.
    text = json.dumps(document, ensure_ascii=False, check_circular=False)
    # Of what the pattern escapes, only DEL and ``##[`` are ASCII: an ASCII text without them
    # (nearly every report) is neither scanned by the pattern nor makes it compile.
    if text.isascii() and "\x7f" not in text and "##[" not in text:
        return text
    return _json_unsafe().sub(_json_escape, text)


def write_json(out: TextIO, document: object, streamed: dict[str, Iterable[object]]) -> None:
    """Write ``json_text(document)`` and a newline, where each placeholder string of
    ``streamed`` (a key, in the order the placeholders appear in ``document``) stands for
    the list of its items: the same bytes as the whole document, but a list of ten thousand
    findings is never held as one object and one string beside the findings themselves.
    Splitting at item boundaries is safe: no escape (``##[``) spans two JSON values."""
    import json

    text = json_text(document)
    for placeholder, items in streamed.items():
        head, found, text = text.partition(json.dumps(placeholder, ensure_ascii=False))
        if not found:
            raise ValueError(f"{placeholder!r} is not in the document")
        out.write(head)
        out.write("[")
        separator = ""
        # Some tens of items a call: json.dumps and the escapes cost per call as much as per item,
        # and a batch's objects and text are what the report adds to the peak (a batch of 256
        # SARIF results held about 3 MiB; 64 hold under 1 MiB at the same speed).
        for batch in _batches(items, 64):
            out.write(separator)
            out.write(json_text(batch)[1:-1])
            separator = ", "
        out.write("]")
    out.write(text)
    out.write("\n")


def _batches(items: Iterable[object], size: int) -> Iterator[list[object]]:
    batch: list[object] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
