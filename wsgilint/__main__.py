"""The ``wsgilint`` command, and ``python -m wsgilint``.

``wsgilint --version`` alone is answered here, before the command line (typer) is loaded:
it needs nothing else. Every other command line, ``--help`` and errors included, is typer's."""
import sys

from . import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"wsgilint {__version__}")
        return
    from .cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
