"""Reading a config file's bytes into text the way a linter must: never failing.

The programs we imitate read bytes (nginx, uWSGI) or UTF-8 (systemd, Python). A file
that is not UTF-8 is still read — as GB18030 (Chinese comments are common) or
Latin-1 — and the first offending line is reported once.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat

from .record import dataclass
from .span import Problem, Span

MAX_CONFIG_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Text:
    text: str | None                  # None when the file could not be read at all
    encoding: str = "utf-8"
    problems: tuple[Problem, ...] = ()


_GIT_CRYPT_MAGIC = b"\0GITCRYPT\0"


def _first_bad_line(data: bytes) -> int:
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return 1


# The first bytes of the texts ``decode`` treats apart: one test for most files, which have none.
_SPECIAL_STARTS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, _GIT_CRYPT_MAGIC)


def decode(data: bytes, display: str) -> Text:
    if data.startswith(_SPECIAL_STARTS):
        return _decode_marked(data, display)
    if b"\0" in data[:8192]:
        return Text(None, "binary", (Problem("unreadable", "binary file (NUL bytes), not a config file", Span(display)),))
    try:
        return Text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, display)


def _decode_marked(data: bytes, display: str) -> Text:
    """A text with a byte order mark, or encrypted by git-crypt."""
    if data.startswith(codecs.BOM_UTF8):
        return Text(data[len(codecs.BOM_UTF8):].decode("utf-8", "replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
        return Text(text, "utf-16", (Problem(
            "undecodable",
            "the file is UTF-16; nginx, uWSGI and Supervisor read bytes and will not understand it: save it as UTF-8",
            Span(display, 1)),))
    # The one other start: git-crypt's. Encrypted in the repository, decrypted on the machines
    # that deploy it: nothing is wrong with the file, only its text is not here to check.
    return Text(None, "binary", (Problem(
        "unreadable", "encrypted with git-crypt: its text is not in this checkout, so nothing in it was checked "
        "(run `git-crypt unlock` before the check to include it)", Span(display), severity="info"),))


def _decode_legacy(data: bytes, display: str) -> Text:
    """A text that is not UTF-8."""
    line = _first_bad_line(data)
    for encoding in ("gb18030", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return Text(text, encoding, (Problem(
            "undecodable",
            f"line {line} is not UTF-8; read the file as {encoding.upper()}: save it as UTF-8",
            Span(display, line)),))
    raise AssertionError("latin-1 decodes every byte string")


_KINDS_OF_FILE = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                  (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _not_regular(mode: int, display: str) -> Problem | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Problem("unreadable", "is a directory, expected a file", Span(display))
    kind = next((name for test, name in _KINDS_OF_FILE if test(mode)), "a special file")
    return Problem("unreadable", f"is {kind}, not a regular file: not read", Span(display))


def read_text(path: str, display: str, limit: int = MAX_CONFIG_BYTES) -> Text:
    """Read and decode a regular file; every failure becomes a located Problem, never an exception.

    The file is opened without blocking and without following a final symbolic link
    (callers pass the real path), and its type is checked on the open descriptor before
    a byte is read: opening a FIFO nobody writes to would hang, a device may never end,
    and a path checked first could be swapped before it is opened.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as error:
        reason = "it is a symbolic link" if error.errno == errno.ELOOP else error.strerror or str(error)
        return Text(None, problems=(Problem("unreadable", f"cannot read the file: {reason}", Span(display)),))
    status = os.fstat(descriptor)
    problem = _not_regular(status.st_mode, display)
    if problem is not None:
        os.close(descriptor)
        return Text(None, problems=(problem,))
    try:
        data = _read_up_to(descriptor, status.st_size, limit + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        return Text(None, problems=(Problem("unreadable", f"cannot read the file: {reason}", Span(display)),))
    finally:
        os.close(descriptor)
    if len(data) > limit:
        return Text(None, problems=(Problem(
            "unreadable", f"file is larger than {shown_size(limit)} (max-file-size); not read", Span(display)),))
    return decode(data, display)


def _read_up_to(descriptor: int, size: int, most: int) -> bytes:
    """At most ``most`` bytes of a regular file of ``size`` bytes (by ``fstat``), until its
    end. The first read asks for ``size`` plus one, to see a file that grew: a buffered
    ``read(most)`` allocates ``most`` bytes for every file, which cost a fleet's discovery
    a fifth of its time (docs/performance.md). A read of a regular file that returns less
    than it asked for is at the end of the file, so no second read is made to see it."""
    want = min(size + 1, most)
    chunks: list[bytes] = []
    total = 0
    while total < most:
        chunk = os.read(descriptor, want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if len(chunk) < want:
            break
        want = min(65536, most - total)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def shown_size(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB" if size % (1024 * 1024) == 0 else f"{size} bytes"


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, for wsgilint's own inputs
    (settings, a baseline): opened as ``read_text`` opens a config file, so a FIFO or a
    device named there cannot hang or flood the run. Raises OSError with a reason."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as handle:
        problem = _not_regular(os.fstat(descriptor).st_mode, path)
        if problem is not None:
            raise OSError(errno.EINVAL, problem.message.split(":")[0])
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {shown_size(limit)}")
    return data
