"""The release of a package the tree pins (model.python_packages.pinned_version)."""
import json
from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.core.sources import SourceFile
from wsgilint.model.python_packages import pinned_version


def _pinned(tmp_path: Path, files: dict[str, str]) -> tuple[int, ...] | None:
    sources = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        sources.append(SourceFile(str(path), name, ""))
    found = pinned_version(sources, ReadContext(cwd=str(tmp_path)), "django")
    return found.value if found is not None else None


@pytest.mark.parametrize(("files", "expected"), [
    ({"requirements.txt": "Django==3.1.6\ngunicorn==20.0.4\n"}, (3, 1, 6)),
    ({"requirements/base.txt": "django[argon2] == 4.2.1 ; python_version >= '3.8'\n"}, (4, 2, 1)),
    ({"requirements.txt": "# Django==2.2\nDjango>=3.2,<4\n"}, None),        # a range is no pin
    ({"requirements.txt": "django-environ==0.11\n"}, None),                 # another package
    ({"Pipfile.lock": json.dumps({"default": {"django": {"version": "==3.1.6"}}})}, (3, 1, 6)),
    ({"poetry.lock": '[[package]]\nname = "django"\nversion = "4.1.3"\n'}, (4, 1, 3)),
    ({"requirements.txt": "Django==3.2\n", "requirements-dev.txt": "Django==4.2\n"}, None),   # two pins
    ({"docs/notes.txt": "Django==3.2\n"}, None),                            # not a requirements file
])
def test_pinned_version(tmp_path: Path, files: dict[str, str], expected: tuple[int, ...] | None) -> None:
    assert _pinned(tmp_path, files) == expected
