"""``cli.main`` has typer build only the command the first word names: every command line
reads and ends as it does with all the commands built (``cli.app``)."""
import sys
from collections.abc import Callable

import pytest
from conftest import PROJECT

from wsgilint import cli

EXAMPLE = str(PROJECT / "examples" / "seed-django")

LINES = [
    [], ["--help"], ["-h"], ["chek"], ["check", "--help"], ["check", "--bogus"],
    ["check", "--format", "nope", EXAMPLE], ["check", "--select", "ZZZ9", EXAMPLE], ["check", "-q", EXAMPLE],
    ["rules"], ["rules", "--help"], ["explain", "X101"], ["explain"], ["graph", EXAMPLE], ["graph", "--help"],
    ["--version", "rules"],
]


def _ran(entry: Callable[[], object], args: list[str], monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> tuple[object, str, str]:
    monkeypatch.setattr(sys, "argv", ["wsgilint", *args])
    with pytest.raises(SystemExit) as finished:
        entry()
    out, err = capsys.readouterr()
    return finished.value.code, out, err


@pytest.mark.parametrize("args", LINES, ids=lambda args: " ".join(args) or "(none)")
def test_same_as_with_every_command_built(args: list[str], monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert _ran(cli.main, args, monkeypatch, capsys) == _ran(cli.app, args, monkeypatch, capsys)


def test_every_command_registered_again_afterwards(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = list(cli.app.registered_commands)
    _ran(cli.main, ["rules"], monkeypatch, capsys)
    assert cli.app.registered_commands == before
    assert len(before) == 4
