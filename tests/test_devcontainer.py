"""devcontainer.json: where discovery finds it, what the JSONC reader keeps, and a finding
(never a traceback) for anything else."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.readers.devcontainer import DevContainer, is_devcontainer_path, read_devcontainer


def _read(tmp_path: Path, text: str, name: str = ".devcontainer/devcontainer.json") -> DevContainer:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return read_devcontainer(str(path), ReadContext(mode="repository", root=str(tmp_path), cwd=str(tmp_path)))


@pytest.mark.parametrize(("path", "is_one"), [
    (".devcontainer/devcontainer.json", True),
    ("app/.devcontainer/python/devcontainer.json", True),
    (".devcontainer.json", True),
    ("sub/.devcontainer.json", True),
    ("devcontainer.json", False),
    ("config/devcontainer.json", False),
    (".devcontainer/a/b/devcontainer.json", False),
])
def test_the_places_the_specification_names(path: str, is_one: bool) -> None:
    assert is_devcontainer_path(path) is is_one


def test_jsonc_comments_and_trailing_commas(tmp_path: Path) -> None:
    found = _read(tmp_path, '// top\n{\n  "name": "a // not a comment /* nor this */",\n'
                            '  /* a block\n     comment */ "dockerComposeFile": ["../compose.yaml", "../dev.yaml",],\n'
                            '  "service": "web", // the one to open\n  "features": {"x": {},},\n}\n')
    assert found.problems == []
    assert found.service == "web"
    assert found.compose_files == [str(tmp_path / "compose.yaml"), str(tmp_path / "dev.yaml")]
    assert found.service_at is not None
    assert (found.service_at.line, found.service_at.column, found.service_at.end_column) == (6, 14, 19)


def test_an_image_dev_container_declares_no_service(tmp_path: Path) -> None:
    found = _read(tmp_path, '{"image": "mcr.microsoft.com/devcontainers/python:3.12"}', ".devcontainer.json")
    assert (found.service, found.compose_files, found.problems) == ("", [], [])


@pytest.mark.parametrize("text", ["", "[]", '{"service": "web"', '{"a": 1} /* open', '{"dockerComposeFile": 3, '
                                  '"service": "web"}', '{"dockerComposeFile": "c.yml", "service": ["web"]}'])
def test_bad_input_is_an_info_finding(tmp_path: Path, text: str) -> None:
    found = _read(tmp_path, text)
    assert found.service == ""
    assert [(p.kind, p.severity) for p in found.problems] == [("syntax", "info")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='{}[]",:/*\\ \nabc01', max_size=60))
def test_any_text_reads_without_a_traceback(text: str) -> None:
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        found = _read(Path(tmp), text)
        assert found.service == "" or found.service_at is not None


def test_discovered_and_reported_in_a_tree(tmp_path: Path) -> None:
    (tmp_path / ".devcontainer").mkdir()
    (tmp_path / ".devcontainer/devcontainer.json").write_text('{"service": "web",\n "dockerComposeFile": }\n')
    findings = check([str(tmp_path)]).findings
    assert [(f.code, f.severity, f.at.line) for f in findings] == [("E002", "info", 2)]


def test_a_windows_path_names_the_same_file(tmp_path: Path) -> None:
    # As written in a repository edited on Windows (round 6: nekoGorilla168/django-leaning).
    found = _read(tmp_path, '{"dockerComposeFile": "..\\\\docker-compose.yml", "service": "web"}')
    assert found.compose_files == [str(tmp_path / "docker-compose.yml")]
