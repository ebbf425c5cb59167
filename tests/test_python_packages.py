"""The release of a package the tree pins (model.python_packages.pinned_version)."""
import json
from pathlib import Path

import pytest

from wsgilint.api import check
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


@pytest.mark.parametrize(("dockerfile", "expected"), [
    ("FROM python:3.6\nRUN pip --no-cache-dir install django==1.11.29 gunicorn\n", (1, 11, 29)),
    ("FROM python:3.12\nRUN pip install -r req.txt \\\n    'Django[bcrypt]==4.2.1'\n", (4, 2, 1)),
    ("FROM python:3.12\n# RUN pip install django==3.2\nRUN pip install django==4.2\n", (4, 2)),   # comment kept from before
    ("FROM python:3.12\nRUN echo django==3.2 && pip install flask\n", None),    # not pip's word
    ("FROM python:3.12\nRUN pip install django-environ==0.11\n", None),          # another package
])
def test_pinned_in_a_dockerfile(tmp_path: Path, dockerfile: str, expected: tuple[int, ...] | None) -> None:
    (tmp_path / "Dockerfile").write_text(dockerfile, encoding="utf-8")
    found = pinned_version([SourceFile(str(tmp_path / "Dockerfile"), "Dockerfile", "dockerfile")],
                           ReadContext(cwd=str(tmp_path)), "django")
    assert (found.value if found is not None else None) == expected


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


# X113's remote-gunicorn-default-allow-ips: nginx on TLS sends the header to a Gunicorn on another host.
REMOTE_GUNICORN = {
    "deploy/gunicorn.conf.py": "bind = '0.0.0.0:8000'\n",
    "deploy/nginx.conf": ("server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/app.pem;\n"
                          "    ssl_certificate_key /etc/ssl/app.key;\n    location / {\n"
                          "        proxy_set_header X-Forwarded-Proto $scheme;\n"
                          "        proxy_pass http://10.0.0.5:8000;\n    }\n}\n"),
}


def test_a_pinned_gunicorn_is_the_version_checked(tmp_path: Path) -> None:
    tree = _tree(tmp_path, {**REMOTE_GUNICORN, "requirements.txt": "Django==4.2.1\ngunicorn==20.1.0\n"})
    result = check([str(tree)], cwd=str(tree))
    version = result.deployment.host.versions["gunicorn"]
    assert (version.value, version.note) == ("20.1.0", "pinned at requirements.txt:2")
    assert "gunicorn" not in result.deployment.host.assumed_versions
    x113, = (f for f in result.findings if f.code == "X113")
    # Gunicorn before 23.0 trusts only 127.0.0.1 by default; ::1 joined it in 23.0.0.
    assert "forwarded_allow_ips is 127.0.0.1 (Gunicorn default)" in x113.message


def test_without_a_pin_the_current_default_is_named(tmp_path: Path) -> None:
    result = check([str(_tree(tmp_path, REMOTE_GUNICORN))])
    assert "gunicorn" in result.deployment.host.assumed_versions
    x113, = (f for f in result.findings if f.code == "X113")
    assert "forwarded_allow_ips is 127.0.0.1,::1 (Gunicorn default)" in x113.message


def test_a_version_given_on_the_command_line_wins_over_the_pin(tmp_path: Path) -> None:
    tree = _tree(tmp_path, {**REMOTE_GUNICORN, "requirements.txt": "gunicorn==20.1.0\n"})
    version = check([str(tree)], versions={"gunicorn": "23.0.0"}).deployment.host.versions["gunicorn"]
    assert (version.value, version.note) == ("23.0.0", "--gunicorn-version 23.0.0")


def test_a_pinned_uwsgi_is_the_version_checked_and_two_pins_are_none(tmp_path: Path) -> None:
    tree = _tree(tmp_path, {"requirements.txt": "uWSGI==2.0.18\n", "requirements/dev.txt": "gunicorn==21.2.0\n",
                            "requirements/prod.txt": "gunicorn==22.0.0\n"})
    host = check([str(tree)]).deployment.host
    assert host.versions["uwsgi"].value == "2.0.18"
    assert "uwsgi" not in host.assumed_versions
    assert "gunicorn" in host.assumed_versions     # two releases pinned: none can be said to run
