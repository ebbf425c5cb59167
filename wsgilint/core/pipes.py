"""What the ``--jobs`` processes (discovery's workers, the rules' child) send their results through."""
from __future__ import annotations

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
