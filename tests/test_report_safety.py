"""Nothing wsgilint prints can act on the terminal or on the GitHub Actions runner.

The checked tree may be hostile (a pull request checked in a workflow that holds secrets):
its file names and config values reach the output. ``commands()`` reads output the way the
runner does (actions/runner ``ActionCommand.TryParseV2`` and ``TryParse``): lines end at LF,
CR or CRLF; a line is a command when it starts with ``::`` after leading whitespace, or
holds the legacy ``##[`` anywhere. The promises are listed in docs/security.md.
"""
from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, write_tree
from typer.testing import CliRunner

from wsgilint.api import CheckResult, check
from wsgilint.cli import app
from wsgilint.core.sources import SourceFile
from wsgilint.engine import Finding, Related
from wsgilint.model import Span
from wsgilint.report import formats, renderer, shown
from wsgilint.report._text import _json_escape, _json_unsafe, _unsafe, json_text
from wsgilint.report.github import escape_data, escape_property
from wsgilint.report.sarif import escaped as sarif_escaped

INJECTION = "\n::set-output name=x::y\n::add-mask::secret\n##[error]fake\r::warning::after a CR"
TERMINAL = "\x1b]0;title\x07\x1b[2J\x9b31m\u202eevil\x08"
MESSAGE = f"value `x{INJECTION}{TERMINAL}` is wrong"
NOT_UTF8 = os.fsdecode(b"etc/uwsgi/caf\xe9.ini")  # a Latin-1 name: the byte 0xe9 as a lone surrogate
RAW_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def lines_of(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def commands(text: str) -> list[str]:
    """The lines the Actions runner would take for a workflow command."""
    return [line for line in lines_of(text) if line.lstrip().startswith("::") or "##[" in line]


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """A ``::command k=v,...::data`` line as the runner reads it (TryParseV2), unescaped."""
    line = line.lstrip()
    end = line.index("::", 2)
    name, _, properties = line[2:end].partition(" ")
    unescape = {"%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ",", "%25": "%"}
    values = {}
    for pair in properties.split(","):
        key, _, value = pair.partition("=")
        for escaped, char in unescape.items():
            value = value.replace(escaped, char)
        values[key] = value
    data = line[end + 2:]
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        data = data.replace(escaped, char)
    return name, values, data


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    return check([str(tmp_path_factory.mktemp("empty"))])


def result_with(empty: CheckResult, *findings: Finding, files: tuple[str, ...] = ()) -> CheckResult:
    return dataclasses.replace(empty, findings=list(findings),
                               files=[SourceFile(path, path, "uwsgi") for path in files])


def rendered(output_format: str, result: CheckResult) -> str:
    out = io.StringIO()
    renderer(output_format)(result, out)
    text = out.getvalue()
    text.encode("utf-8")  # a strict UTF-8 stream takes it
    return text


HOSTILE = Finding("U101", "unknown-option", "warning", MESSAGE, Span(f"etc/a{INJECTION}.ini", 3, 1, 4),
                  (Related(Span(NOT_UTF8, 2, 1), f"set here{INJECTION}"),))


# --------------------------------------------------------------------------- the escapes

def test_shown_escapes_controls_bidi_and_bytes_that_are_not_utf8() -> None:
    assert shown("a\tb\nc\rd") == "a\\tb\\nc\\rd"
    assert shown("\x1b[31m\x07\x7f\x9b\u202e\u2066") == "\\x1b[31m\\x07\\x7f\\x9b\\u202e\\u2066"
    assert shown(NOT_UTF8) == "etc/uwsgi/caf\\xe9.ini"
    assert shown("café ☕ \\ [bold] 50% a:b, c") == "café ☕ \\ [bold] 50% a:b, c"


def test_every_escaped_character_is_one_isprintable_refuses() -> None:
    # shown() leaves printable text to the two workflow-command checks alone.
    escaped = _unsafe()
    assert not [hex(code) for code in range(sys.maxunicode + 1)
                if escaped.match(chr(code)) and chr(code).isprintable()]


def test_shown_breaks_workflow_commands() -> None:
    assert shown("x ##[error]y ###[z") == "x #\\x23[error]y ##\\x23[z"
    assert shown("::add-mask::x") == "\\x3a:add-mask::x"
    assert shown(" \u00a0::set-output name=a::b") == " \u00a0\\x3a:set-output name=a::b"
    assert shown("a ::b") == "a ::b"
    assert commands(shown(MESSAGE)) == []


def test_json_text_is_lossless_except_bytes_that_are_not_utf8() -> None:
    document = {"message": MESSAGE + "\u0085\u2028", "path": NOT_UTF8}
    text = json_text(document)
    assert "\n" not in text and commands(text) == [] and not RAW_TERMINAL.search(text)
    assert json.loads(text) == {"message": document["message"], "path": "etc/uwsgi/caf\\xe9.ini"}


def test_json_text_skips_the_pattern_only_where_it_would_change_nothing() -> None:
    # json_text returns ASCII text without DEL and ``##[`` as json.dumps gave it: every ASCII
    # character and every character the pattern escapes, alone and between others, gives what
    # the pattern alone gives.
    singles = [chr(code) for code in range(0x100)] + ["\u061c", "\u200e", "\u2028", "\u202e", "\u2069",
                                                      "\ud800", "\udcff", "\ufeff", "é", "☕"]
    texts = [*singles, *(f"a{char}b" for char in singles), "##[", "x##[y", "#[", "##", "# #[", "###[", "a\x7f"]
    for text in texts:
        dumped = json.dumps([text], ensure_ascii=False)
        assert json_text([text]) == _json_unsafe().sub(_json_escape, dumped), repr(text)


def test_github_escapes_as_the_actions_toolkit() -> None:
    # @actions/core escapeData and escapeProperty
    assert escape_data("50%\r\n:,") == "50%25%0D%0A:,"
    assert escape_property("50%\r\n:,") == "50%25%0D%0A%3A%2C"


# --------------------------------------------------------------------------- each format

def test_github_annotations_carry_hostile_text_as_data(empty: CheckResult) -> None:
    text = rendered("github", result_with(empty, HOSTILE))
    assert not RAW_TERMINAL.search(text)
    [line] = commands(text)
    assert "##[" not in line
    name, properties, data = parse_command(line)
    assert name == "warning"
    assert properties == {"file": shown(HOSTILE.at.path), "line": "3", "col": "1", "title": "U101 unknown-option"}
    assert data.split("\n") == [shown(MESSAGE), f"{shown(NOT_UTF8)}:2:1: {shown('set here' + INJECTION)}"]


def test_console_shows_hostile_text_escaped_on_its_own_lines(empty: CheckResult) -> None:
    text = rendered("console", result_with(empty, HOSTILE, files=("a.ini",)))
    assert commands(text) == [] and not RAW_TERMINAL.search(text)
    assert lines_of(text) == [
        f"{shown(HOSTILE.at.path)}:3:1: warning U101 unknown-option",
        f"    {shown(MESSAGE)}",
        f"    --> etc/uwsgi/caf\\xe9.ini:2:1: {shown('set here' + INJECTION)}",
        "",
        "1 warning in 1 file",
        "",
    ]


def test_the_quoted_source_line_is_escaped_and_underlined_where_the_value_is(empty: CheckResult) -> None:
    # The line as read holds a tab, terminal controls and an injection; the caret stays under the value.
    line = "\tkey = \x1b[2J" + "::add-mask::x ##[error] value"
    finding = Finding("U101", "unknown-option", "warning", "bad", Span("a.ini", 2, line.index("value") + 1,
                                                                       line.index("value") + 6))
    result = dataclasses.replace(result_with(empty, finding), texts={"a.ini": "[uwsgi]\n" + line + "\n"})
    text = rendered("console", result)
    assert commands(text) == [] and not RAW_TERMINAL.search(text)
    source, underline = lines_of(text)[2:4]
    assert source == "    2 |     key = \\x1b[2J::add-mask::x #\\x23[error] value"
    assert underline == "      | " + " " * (source.index("value") - len("    2 | ")) + "^^^^^"


def test_no_source_line_is_quoted_from_a_file_the_run_did_not_read(empty: CheckResult, tmp_path: Path) -> None:
    secret = tmp_path / "secret.ini"
    secret.write_text("[uwsgi]\npassword = hunter2\n")
    finding = Finding("U101", "unknown-option", "warning", "bad", Span(str(secret), 2, 1, 9))
    assert "hunter2" not in rendered("console", result_with(empty, finding))


@pytest.mark.parametrize("text", ["[bold]\nvalue[/bold]", "[/bold]", "[/]", "x [bold", "]", "\\", "[link=x]y",
                                  ":smile: :red_circle:", "[bold]\\"])
def test_console_never_reads_text_as_markup(empty: CheckResult, text: str) -> None:
    finding = Finding("U101", "unknown-option", "warning", f"`{text}`", Span(f"{text}.ini", 1),
                      (Related(Span(text, 2), text),))
    lines = lines_of(rendered("console", result_with(empty, finding)))
    assert lines[:3] == [f"{shown(text)}.ini:1: warning U101 unknown-option", f"    `{shown(text)}`",
                         f"    --> {shown(text)}:2: {shown(text)}"]


def test_json_keeps_hostile_text_exactly_in_one_line(empty: CheckResult) -> None:
    text = rendered("json", result_with(empty, HOSTILE, files=(NOT_UTF8,)))
    assert lines_of(text) == [text.rstrip("\n"), ""] and commands(text) == [] and not RAW_TERMINAL.search(text)
    document = json.loads(text)
    [finding] = document["findings"]
    assert finding["message"] == MESSAGE and finding["path"] == HOSTILE.at.path
    assert finding["related"][0]["path"] == document["files"][0]["path"] == "etc/uwsgi/caf\\xe9.ini"
    assert finding["fingerprint"] == HOSTILE.fingerprint


def test_sarif_names_a_file_that_is_not_utf8_by_its_bytes(empty: CheckResult) -> None:
    finding = dataclasses.replace(HOSTILE, at=Span(NOT_UTF8, 3, 1, 4))
    text = rendered("sarif", result_with(empty, finding))
    assert lines_of(text) == [text.rstrip("\n"), ""] and commands(text) == [] and not RAW_TERMINAL.search(text)
    [result] = json.loads(text)["runs"][0]["results"]
    assert result["message"]["text"].startswith(sarif_escaped(MESSAGE) + " ([etc/uwsgi/caf\\xe9.ini:2:1](1): ")
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "etc/uwsgi/caf%E9.ini"
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "etc/uwsgi/caf%E9.ini"


# --------------------------------------------------------------------------- the registry

def test_formats_are_the_modules_of_the_report_package() -> None:
    assert {"console", "github", "json", "sarif"} <= set(formats())
    with pytest.raises(ValueError, match="no output format"):
        renderer("_text")  # a helper module, not a format


def test_the_command_line_offers_the_formats_of_the_registry(tmp_path: Path) -> None:
    runner = CliRunner()
    for name in formats():
        done = runner.invoke(app, ["check", str(tmp_path), "--format", name])
        assert done.exit_code == 0 and done.exception is None, (name, done.output)
    assert runner.invoke(app, ["check", str(tmp_path), "--format", "yaml"]).exit_code == 2


# --------------------------------------------------------------------------- the command line

def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wsgilint", *args], check=False, capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(PROJECT), "GITHUB_ACTIONS": "true",
                                        **(env or {})}, timeout=120)


@pytest.fixture
def hostile_tree(tmp_path: Path) -> Path:
    """A tree whose file name and nginx directive hold commands, escapes and a byte that is not UTF-8."""
    return write_tree(tmp_path, {
        f"tree/etc/uwsgi/apps-enabled/a{INJECTION}{TERMINAL}\udce9.ini": "[uwsgi]\nsocket = /run/a.sock\nprocesse = 4\n",
        "tree/etc/nginx/nginx.conf": f'events {{}}\nhttp {{\n    "x{INJECTION}{TERMINAL}"\n}}\n',
    })


def assert_inert(text: str, own_annotations: bool = False) -> None:
    assert not RAW_TERMINAL.search(text), text
    found = commands(text)
    if own_annotations:  # --format github: every command is an annotation of wsgilint's
        assert found == text.splitlines()
        assert all(parse_command(line)[0] in ("error", "warning", "notice") and "##[" not in line for line in found)
        found = []
    assert found == [], found


@pytest.mark.parametrize("output_format", formats())
def test_no_output_of_a_hostile_tree_is_a_command(hostile_tree: Path, output_format: str) -> None:
    done = run(hostile_tree, "check", "tree", "--format", output_format, "--verbose")
    assert done.returncode == 1, done.stderr
    assert "E002" in done.stdout and "U101" in done.stdout
    assert_inert(done.stdout, own_annotations=output_format == "github")
    assert_inert(done.stderr)
    assert "a\\n::set-output name=x::y\\n::add-mask::secret\\n#\\x23[error]fake\\r::warning::after a CR" \
           "\\x1b]0;title\\x07\\x1b[2J\\x9b31m\\u202eevil\\x08\\xe9.ini" in done.stderr


def test_the_escapes_do_not_depend_on_github_actions(hostile_tree: Path) -> None:
    inside = run(hostile_tree, "check", "tree", "--format", "json")
    outside = run(hostile_tree, "check", "tree", "--format", "json", env={"GITHUB_ACTIONS": ""})
    assert inside.stdout == outside.stdout


def test_baseline_lines_are_inert(hostile_tree: Path) -> None:
    name = f"baseline{INJECTION}{TERMINAL}.json"
    missing = run(hostile_tree, "check", "tree", "--baseline", name)
    assert missing.returncode == 2 and "cannot read the baseline" in missing.stderr
    assert_inert(missing.stderr)
    (hostile_tree / name).write_text(run(hostile_tree, "check", "tree", "--format", "json").stdout)
    hidden = run(hostile_tree, "check", "tree", "--baseline", name)
    assert hidden.returncode == 0 and "of the baseline" in hidden.stderr
    assert_inert(hidden.stderr)


def test_an_internal_error_line_is_inert(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(
        "import wsgilint.engine as e\n"
        f"def boom(*a, **k):\n    raise RuntimeError({INJECTION + TERMINAL!r})\n"
        "e.run_rules = boom\n")
    done = run(tmp_path, "check", ".", env={"PYTHONPATH": f"{tmp_path}{os.pathsep}{PROJECT}"})
    assert done.returncode == 2 and "internal error: RuntimeError" in done.stderr
    assert_inert(done.stderr)
    assert len(done.stderr.splitlines()) == 1
