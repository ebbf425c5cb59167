"""The ``wsgilint`` command, and ``python -m wsgilint``.

``wsgilint --version`` alone is answered here, before the command line (typer) is loaded:
it needs nothing else. Every other command line, ``--help`` and errors included, is typer's.

The ``wsgilint`` command (``main``) ends the process with ``os._exit`` once the command has
finished and its output is flushed: tearing the interpreter down (freeing every module and
object one by one) cost more instructions than checking a small tree. Nothing is left to do
by then: files are closed and ``--jobs`` workers joined inside the command, and wsgilint
registers no ``atexit`` handler. Where flushing fails (a closed pipe), the usual exit reports
it as before. It also runs without the cyclic garbage collector: loading typer and wsgilint
makes objects (modules, functions, classes) that all live until the end, and each collection
walks them again and frees nothing (18 M instructions of a small tree's 555 M); the check
itself already runs without it (``api.check``), and what a run makes is freed by reference
counting. ``python -m wsgilint`` (and ``runpy``, which tests run under audit hooks) exits
the usual way, with a ``SystemExit`` its caller may catch."""
import gc
import os
import sys

from . import __version__


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"wsgilint {__version__}")
        return
    from .cli import main as command_line

    command_line()


def main() -> None:
    gc.disable()
    try:
        run()
    except SystemExit as finished:
        code = finished.code
        if code is not None and not isinstance(code, int):
            raise                   # a message for Python to print
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise finished from None
        os._exit(code or 0)


if __name__ == "__main__":
    run()
