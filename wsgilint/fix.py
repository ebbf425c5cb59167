"""Fixes: the edits rules attach to their findings (``Hit.fix``), checked and applied.

Planning reads the files to change and computes their new text; nothing is written
until ``FixPlan.write`` is called, which only ``--fix`` does. A fix is kept only when
the whole run, repeated on the fixed text (read from memory, not from disk), no longer
reports its finding and reports nothing it did not report before; otherwise it is
dropped with the reason. Only regular, UTF-8 files that discovery classified under the
checked paths are changed, through their real path, which must stay inside those paths:
a symbolic link that leads out of the tree is never followed to write.

Each edit becomes a replacement of a character range of the original text; the ranges
of the fixes kept do not overlap, and they are applied from the end of the file
backwards, so every position still refers to the text the rules read.
"""
from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from .core.record import dataclass, field
from .core.sources import SourceFile
from .engine import Edit, Finding

# A key ends where a character that cannot be part of it starts (`vaccum = x`, `bnd=x`, `User:`).
_KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")

Relint = Callable[[Mapping[str, bytes]], list[Finding]]


@dataclass(frozen=True)
class Original:
    """A file as read for fixing."""

    display: str
    real: str
    data: bytes
    text: str
    bom: bool
    line_starts: tuple[int, ...]

    def line(self, number: int) -> tuple[int, int] | None:
        """Where line ``number``'s text starts and ends (without its line break)."""
        if not 1 <= number <= len(self.line_starts):
            return None
        start = self.line_starts[number - 1]
        end = self.line_starts[number] - 1 if number < len(self.line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    @property
    def line_count(self) -> int:
        return len(self.line_starts) - (1 if self.text.endswith("\n") else 0)

    @property
    def line_break(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\n"

    def encoded(self, text: str) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")


class Refused(Exception):
    """A fix that cannot be applied as written; the message says why."""


@dataclass(frozen=True)
class Change:
    start: int
    end: int
    text: str


@dataclass
class Rejected:
    finding: Finding
    reason: str


@dataclass
class FixPlan:
    """What the fixes do: the findings fixed, those left with the reason, each changed file."""

    applied: list[Finding] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    unsafe_left: int = 0                                    # unsafe fixes not tried (no --unsafe-fixes)
    originals: dict[str, Original] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)      # display path -> new text
    after: list[Finding] = field(default_factory=list)       # the findings of the fixed tree

    def diff(self) -> str:
        """Unified diffs of every changed file, as ``git diff`` names them."""
        parts: list[str] = []
        for display in sorted(self.fixed):
            original = self.originals[display]
            lines = difflib.unified_diff(_lines(original.text), _lines(self.fixed[display]),
                                         f"a/{display}", f"b/{display}")
            parts.extend(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                         for line in lines)
        return "".join(parts)

    def write(self) -> list[str]:
        """Write the fixed files in place, atomically; the displays of the files written.
        A file that changed on disk since it was read is left alone (OSError says so)."""
        written = []
        for display in sorted(self.fixed):
            original = self.originals[display]
            current = _read_bytes(original.real)
            if current != original.data:
                raise OSError(f"{display} changed while it was being fixed: not written")
            _replace_atomically(original.real, original.encoded(self.fixed[display]))
            written.append(display)
        return written


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True) if "\n" in text else ([text] if text else [])


def _read_bytes(real: str) -> bytes:
    """A regular file's bytes, without following a final symbolic link."""
    descriptor = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError("not a regular file")
        return handle.read()


def _replace_atomically(real: str, data: bytes) -> None:
    """A temporary file beside the target, with its mode (and owner, where allowed), renamed
    over it: a reader sees the old file or the new one, never half of one."""
    info = os.stat(real, follow_symlinks=False)
    directory, name = os.path.split(real)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".wsgilint-fix", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
            try:
                os.fchown(handle.fileno(), info.st_uid, info.st_gid)
            except PermissionError:
                pass   # not root: the file is then owned by the user who fixes it
            os.fsync(handle.fileno())
        os.replace(temporary, real)
    except BaseException:
        os.unlink(temporary)
        raise


class _Files:
    """The files fixes may change, read once; ``texts`` holds what earlier rounds made of them."""

    def __init__(self, files: Iterable[SourceFile], roots: Sequence[str]) -> None:
        self.local = {f.display: f.path for f in files if f.kind}
        self.roots = [os.path.realpath(root) for root in roots]
        self.disk: dict[str, Original] = {}
        self.texts: dict[str, str] = {}

    def get(self, display: str) -> Original:
        """The file as the current round sees it."""
        original = self.original(display)
        text = self.texts.get(display)
        if text is None:
            return original
        starts = (0, *(index + 1 for index, char in enumerate(text) if char == "\n"))
        return Original(display, original.real, original.data, text, original.bom, starts)

    def original(self, display: str) -> Original:
        """The file as it is on disk."""
        if display in self.disk:
            return self.disk[display]
        local = self.local.get(display)
        if local is None:
            raise Refused(f"{display} is not a checked file")
        real = os.path.realpath(local)
        if not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots):
            raise Refused(f"{display} leads outside the checked tree")
        try:
            data = _read_bytes(real)
        except OSError as error:
            raise Refused(f"{display} cannot be read: {error.strerror or error}") from None
        bom = data.startswith(codecs.BOM_UTF8)
        try:
            text = data[len(codecs.BOM_UTF8) if bom else 0:].decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(f"{display} is not UTF-8") from None
        starts = (0, *(index + 1 for index, char in enumerate(text) if char == "\n"))
        self.disk[display] = Original(display, real, data, text, bom, starts)
        return self.disk[display]


def _first_word(original: Original, number: int, word: str) -> tuple[int, int]:
    line = original.line(number)
    if line is None or not word:
        raise Refused(f"line {number} is not in {original.display}")
    start, end = line
    content = original.text[start:end]
    indent = len(content) - len(content.lstrip(" \t"))
    after = content[indent + len(word):indent + len(word) + 1]
    if not content[indent:].startswith(word) or (after and after in _KEY_CHARACTERS):
        raise Refused(f"{original.display}:{number} does not start with {word!r}")
    return start + indent, start + indent + len(word)


def _change(edit: Edit, original: Original) -> Change:
    at, number = edit.at, edit.at.line
    if "\n" in edit.text or "\r" in edit.text:
        raise Refused("an edit writes one line at a time")
    if edit.kind == "replace":
        if not at.column:
            start, end = _first_word(original, number, edit.old)
            return Change(start, end, edit.text)
        line = original.line(number)
        if line is None or not at.column <= at.end_column <= line[1] - line[0] + 1:
            raise Refused(f"{at} is not in the file as it is now")
        start, end = line[0] + at.column - 1, line[0] + at.end_column - 1
        if edit.old and original.text[start:end] != edit.old:
            raise Refused(f"{at} no longer reads {edit.old!r}")
        return Change(start, end, edit.text)
    if edit.kind == "insert":
        if number == original.line_count + 1:
            lead = original.line_break if original.text and not original.text.endswith("\n") else ""
            return Change(len(original.text), len(original.text), lead + edit.text + original.line_break)
        line = original.line(number)
        if line is None:
            raise Refused(f"line {number} is not in {original.display}")
        indent = ""
        if at.column:
            before = original.text[line[0]:line[0] + at.column - 1]
            if before.strip(" \t"):
                raise Refused("the new line would go before something that does not start its line")
            indent = before
        return Change(line[0], line[0], indent + edit.text + original.line_break)
    if edit.kind == "delete":
        if edit.old:
            _first_word(original, number, edit.old)
        line = original.line(number)
        if line is None:
            raise Refused(f"line {number} is not in {original.display}")
        following = original.line_starts[number] if number < len(original.line_starts) else len(original.text)
        return Change(line[0], following, "")
    raise Refused(f"unknown edit kind {edit.kind!r}")


def _overlap(a: Change, b: Change) -> bool:
    if a.start == a.end and b.start == b.end:
        return False          # two new lines at one place: both go in, in order
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return max(a.start, b.start) < min(a.end, b.end)


def _apply(text: str, changes: list[tuple[int, Change]]) -> str:
    # From the end backwards; at one place, a deletion goes before the lines inserted there,
    # and lines inserted at one place keep their order.
    for _, change in sorted(changes, key=lambda item: (item[1].start, item[1].end, item[0]), reverse=True):
        text = text[:change.start] + change.text + text[change.end:]
    return text


@dataclass
class _Candidate:
    finding: Finding
    changes: dict[str, list[Change]]


def _texts(candidates: list[_Candidate], files: _Files) -> dict[str, str]:
    by_file: dict[str, list[tuple[int, Change]]] = {}
    order = 0
    for candidate in candidates:
        for display, changes in candidate.changes.items():
            for change in changes:
                by_file.setdefault(display, []).append((order, change))
                order += 1
    return {display: _apply(files.get(display).text, changes) for display, changes in by_file.items()}


def _judge(candidates: list[_Candidate], files: _Files, before: list[Finding],
           relint: Relint) -> tuple[dict[str, str], list[Finding], str]:
    """The texts with the candidates' fixes (and the earlier rounds'), the findings of the tree
    with them, and why the candidates fail together ("" when they do not): a finding they fix
    is still reported, or the fixed tree reports something it did not report before."""
    texts = {**files.texts, **_texts(candidates, files)}
    overlay = {files.original(display).real: files.original(display).encoded(text) for display, text in texts.items()}
    after = relint(overlay)
    remaining = Counter(f.fingerprint for f in after)
    had = Counter(f.fingerprint for f in before)
    expected = had.copy()
    expected.subtract(c.finding.fingerprint for c in candidates)
    new = next((f for f in after if remaining[f.fingerprint] > had[f.fingerprint]), None)
    if new is not None:
        return texts, after, f"the fixed files would get a new finding: {new.at} {new.code} {new.message}"
    if any(remaining[c.finding.fingerprint] > max(expected[c.finding.fingerprint], 0) for c in candidates):
        return texts, after, "the finding is still reported after the fix"
    return texts, after, ""


# Fixes are applied in rounds, each re-checked; the findings of a round's result bring the
# next round's fixes. Renames and deletions go first: a key renamed to `vacuum` makes the
# fix that would add a second `vacuum` line unnecessary, and its finding goes away.
_ROUNDS = 4


def plan(findings: Sequence[Finding], before: list[Finding], files: Iterable[SourceFile], roots: Sequence[str],
         relint: Relint, unsafe: bool = False) -> FixPlan:
    """Which fixes of ``findings`` (those reported) apply, checked against ``before`` (every
    finding of the run, as ``relint`` returns them) by running ``relint`` on the fixed texts."""
    result = FixPlan(after=list(before))
    checked = _Files(files, roots)
    reported = {finding.fingerprint for finding in findings}
    refused: set[str] = set()
    unsafe_left: set[str] = set()
    current = list(findings)
    for _ in range(_ROUNDS):
        candidates = _candidates(current, checked, unsafe, result, refused, unsafe_left)
        if any(all(edit.kind != "insert" for edit in c.finding.fix.edits) for c in candidates if c.finding.fix):
            candidates = [c for c in candidates if c.finding.fix and all(e.kind != "insert" for e in c.finding.fix.edits)]
        kept = _verified(candidates, checked, result.after, relint, result)
        refused.update(r.finding.fingerprint for r in result.rejected)
        if not kept:
            break
        result.applied.extend(candidate.finding for candidate in kept)
        current = [finding for finding in result.after if finding.fingerprint in reported]
    result.unsafe_left = len(unsafe_left)
    result.originals = {display: checked.original(display) for display in checked.texts}
    result.fixed = {display: text for display, text in checked.texts.items()
                    if text != result.originals[display].text}
    return result


def _candidates(findings: Sequence[Finding], checked: _Files, unsafe: bool, result: FixPlan, refused: set[str],
                unsafe_left: set[str]) -> list[_Candidate]:
    """The fixes of this round that can be applied as written and change no text another one changes."""
    candidates: list[_Candidate] = []
    taken: dict[str, list[Change]] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None or finding.fingerprint in refused:
            continue
        if fix.safety == "unsafe" and not unsafe:
            unsafe_left.add(finding.fingerprint)
            continue
        try:
            changes: dict[str, list[Change]] = {}
            for edit in fix.edits:
                changes.setdefault(edit.at.path, []).append(_change(edit, checked.get(edit.at.path)))
        except Refused as refusal:
            result.rejected.append(Rejected(finding, str(refusal)))
            refused.add(finding.fingerprint)
            continue
        if any(_overlap(mine, other) for path, own in changes.items() for mine in own for other in taken.get(path, ())):
            continue   # the next round, on the text this one leaves
        for path, own in changes.items():
            taken.setdefault(path, []).extend(own)
        candidates.append(_Candidate(finding, changes))
    return candidates


def _verified(candidates: list[_Candidate], files: _Files, before: list[Finding], relint: Relint,
              result: FixPlan) -> list[_Candidate]:
    """The candidates whose fixes hold together: all at once when that passes; otherwise each
    one alone, then those that passed added one at a time (one re-check per step, so at most
    twice the number of fixes in all). What is kept becomes the files' texts and the findings."""
    if not candidates:
        return []
    texts, after, failure = _judge(candidates, files, before, relint)
    if not failure:
        files.texts, result.after = texts, after
        return candidates
    alone = []
    for candidate in candidates:
        _, _, own = _judge([candidate], files, before, relint)
        if own:
            result.rejected.append(Rejected(candidate.finding, own))
        else:
            alone.append(candidate)
    kept: list[_Candidate] = []
    best: tuple[dict[str, str], list[Finding]] | None = None
    for candidate in alone:
        texts_with, after_with, together = _judge([*kept, candidate], files, before, relint)
        if together:
            result.rejected.append(Rejected(candidate.finding, f"not with the other fixes: {together}"))
        else:
            kept.append(candidate)
            best = texts_with, after_with
    if best is not None:
        files.texts, result.after = best
    return kept
