"""What the ``--jobs`` processes (discovery's workers, the child lexing nginx files, the rules'
child) send their results through."""
from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

R = TypeVar("R")

# /proc/sys/fs/pipe-max-size's default, the most an unprivileged process may ask for.
_PIPE_BYTES = 1 << 20


def widen(pipe: int) -> None:
    """A pipe that holds a fleet's findings (about 1 MB at 5000 apps), or what discovery's
    workers send between two reads, where Linux lets an unprivileged process have one: a
    child then sends each result (a rule's findings, a batch of files) as it is through
    without waiting for the parent to read between its own."""
    import fcntl

    if hasattr(fcntl, "F_SETPIPE_SZ"):
        try:
            fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        except OSError:   # a lower limit: the child's writes wait a little more
            pass


def send(pipe: int, message: bytes, tag: bytes = b"") -> None:
    """Writes ``message`` whole, prefixed by its length in 8 bytes and then ``tag`` (the
    framing every child's reader takes apart)."""
    import os

    data = memoryview(len(message).to_bytes(8, "big") + tag + message)
    while data:
        data = data[os.write(pipe, data):]


def fork_child(work: Callable[[int], None]) -> tuple[int, int] | None:
    """A child forked to run ``work`` with the write end of a widened pipe, and (its pid, the
    read end) here; None where no process could be forked. The child ends with ``os._exit``
    (status 1 where ``work`` failed in any way: the parent redoes what it did not send): it
    flushes nothing this process buffered and runs none of its clean-up."""
    import os

    read, write = os.pipe()
    widen(write)
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:
        code = 1
        try:
            os.close(read)
            work(write)
            code = 0
        except BaseException:   # any failure is the parent's to redo, never a traceback here
            pass
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def take_available(pipe: int, buffer: bytearray) -> None:
    """Adds to ``buffer`` what ``pipe`` holds now, without waiting for more."""
    import os

    os.set_blocking(pipe, False)
    try:
        while chunk := os.read(pipe, _PIPE_BYTES):
            buffer += chunk
    except BlockingIOError:
        pass
    finally:
        os.set_blocking(pipe, True)


def take_to_end(pipe: int, buffer: bytearray) -> None:
    """Adds to ``buffer`` all ``pipe`` sends until its writer ends, then closes it."""
    import os

    try:
        while chunk := os.read(pipe, _PIPE_BYTES):
            buffer += chunk
    finally:
        os.close(pipe)


class ForkedResults(Generic[R]):
    """``compute(text)`` of each text, worked out by a forked child while this process goes on
    with other work, and taken here when a reader asks (``take``). The child sends its results
    in order, a batch at a time; this process reads only as far as the text asked for, so it
    holds few results at once, and never waits for the child. What has not arrived when it is
    asked for (the child is behind, failed, or the text comes too far ahead of what has
    arrived) is None: the caller works it out itself, so the result is the same whether or not
    a child ran, and a child slowed by other work on the machine costs no waiting here."""

    def __init__(self, pid: int, pipe: int, texts: list[str]) -> None:
        import os
        import weakref

        self.index = {text: place for place, text in enumerate(texts)}
        self.pipe = pipe
        self.buffer = bytearray()
        self.results: dict[int, R] = {}
        self.received = 0         # results arrived so far (they come in the texts' order)
        self.ended = False        # end of the child's messages, or one that did not load
        self.skipped: set[int] = set()   # worked out here before they arrived: dropped when they do
        self.finish = weakref.finalize(self, _stop, pid, pipe)
        os.set_blocking(pipe, False)

    def take(self, text: str) -> R | None:
        place = self.index.get(text)
        if place is None:
            return None
        if place >= self.received and (self.ended or place >= self.received + _AHEAD):
            self.skipped.add(place)
            return None
        while place >= self.received and not self.ended:
            if not self._receive():
                self.skipped.add(place)
                return None
        return self.results.pop(place, None)

    def _receive(self) -> bool:
        """One more message, if the child has sent it whole; False when it has not (yet)."""
        import os
        import pickle

        while len(self.buffer) < 8 or len(self.buffer) < 8 + int.from_bytes(self.buffer[:8], "big"):
            try:
                chunk = os.read(self.pipe, _PIPE_BYTES)
            except BlockingIOError:
                return False
            if not chunk:
                self.ended = True
                return False
            self.buffer += chunk
        size = int.from_bytes(self.buffer[:8], "big")
        try:
            batch: list[R] = pickle.loads(self.buffer[8:8 + size])
        except Exception:   # a message cut short: what it and later ones held is worked out here
            self.ended = True
            return False
        del self.buffer[:8 + size]
        for place, result in enumerate(batch, self.received):
            if place not in self.skipped:
                self.results[place] = result
        self.received += len(batch)
        return True


# How far past the results arrived a text may be for ``take`` to load the messages up to it:
# a reader takes the files mostly in the order discovery found them, and one far ahead (a
# file every site includes, sorted last) is worked out here rather than after holding all
# the results before it.
_AHEAD = 100
# Texts in one message of the child.
_BATCH = 50


def fork_results(texts: list[str], compute: Callable[[str], R]) -> ForkedResults[R] | None:
    """A child forked to work out ``compute`` of each distinct text, sent a batch at a time;
    None where no process could be forked."""
    import pickle

    distinct = list(dict.fromkeys(texts))

    def work(pipe: int) -> None:
        for start in range(0, len(distinct), _BATCH):
            send(pipe, pickle.dumps([compute(text) for text in distinct[start:start + _BATCH]],
                                    protocol=pickle.HIGHEST_PROTOCOL))

    forked = fork_child(work)
    return ForkedResults(*forked, distinct) if forked is not None else None


def _stop(pid: int, pipe: int) -> None:
    """The child ended (killed if it is still at work) and its pipe closed."""
    import os
    import signal

    os.close(pipe)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):   # already reaped (a caller's os.wait)
        pass
