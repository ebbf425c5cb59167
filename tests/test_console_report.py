"""The console report is written without rich where rich would print the text as it is
(no terminal, no colour forced, no width): the bytes must be the ones rich prints."""
from __future__ import annotations

import dataclasses
import io
import os

import pytest
from conftest import PROJECT

from wsgilint.api import CheckResult, check
from wsgilint.engine import Finding, Related
from wsgilint.model import Span
from wsgilint.report import console

HOSTILE_TEXT = "x\n::warning::y\x1b[31m [bold]a[/bold] :smile: \u202e\t宽字符 …  "


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


def results() -> list[CheckResult]:
    trees = [check([str(PROJECT / "examples" / name)]) for name in sorted(os.listdir(PROJECT / "examples"))]
    trees.append(check([str(PROJECT / "tests" / "fixtures")]))
    finding = Finding("U101", "unknown-option", "warning", HOSTILE_TEXT, Span(f"a{HOSTILE_TEXT}.ini", 1, 3, 9),
                      (Related(Span("b.ini", 2, 1), HOSTILE_TEXT), Related(Span("c.ini", 9, 1), "no such line")))
    texts = {finding.at.path: f"[宽]\t{HOSTILE_TEXT}\n", "b.ini": "\n\t\x1b[2Jz\r\n"}
    trees.append(dataclasses.replace(trees[0], findings=[finding], texts=texts, suppressed=[]))
    return trees


@pytest.mark.parametrize("quiet", [False, True])
def test_written_lines_are_the_bytes_rich_prints(quiet: bool) -> None:
    compared = 0
    for result in results():
        written, printed = io.StringIO(), io.StringIO()
        console._write(console._lines(result, quiet), written)
        console._print(console._lines(result, quiet), printed)
        assert written.getvalue() == printed.getvalue()
        compared += written.getvalue().count("\n")
    assert compared > 500


@pytest.mark.parametrize(("name", "value", "sign"), [("FORCE_COLOR", "1", "\x1b["), ("COLUMNS", "40", "\n    ")])
def test_rich_prints_where_it_would_style_or_wrap(monkeypatch: pytest.MonkeyPatch, name: str, value: str,
                                                  sign: str) -> None:
    result = check([str(PROJECT / "examples" / "seed-django")])
    plain = io.StringIO()
    console.render(result, plain)
    monkeypatch.setenv(name, value)
    styled = io.StringIO()
    console.render(result, styled)
    assert sign in styled.getvalue() and styled.getvalue() != plain.getvalue()
