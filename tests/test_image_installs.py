"""What a build installs, read from its RUN lines (model/image_installs.py): uWSGI is known to be
missing from an image (C108) only where every step is read and none names it."""
import pytest
from conftest import write_tree

from wsgilint.api import check

CMD = 'CMD ["uwsgi", "--http-socket", ":8000", "--module", "app:app", "--master", "--need-app", "--die-on-term"]\n'


def _c108(tmp_path, monkeypatch, dockerfile: str, files: dict | None = None) -> list[str]:
    write_tree(tmp_path, {"Dockerfile": dockerfile + CMD, "app.py": "app = None\n", **(files or {})})
    monkeypatch.chdir(tmp_path)
    return [f.message for f in check(["."]).findings if f.code == "C108"]


MISSING = {
    "nothing installed": ("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n", {}),
    "pip names others": ("FROM python:3.12\nRUN pip3 install --no-cache-dir -U pip 'flask==3.0' gunicorn\n", {}),
    "python -m pip with options taking values": (
        "FROM python:3.12\nWORKDIR /app\nCOPY req.txt .\n"
        "RUN python3 -m pip install --index-url https://pypi.org/simple -c constraints.txt -r req.txt\n",
        {"req.txt": "flask\n# uwsgi was here once\n"}),
    "a requirements include cycle": (
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r a.txt\n",
        {"a.txt": "-r b.txt\nflask\n", "b.txt": "--requirement=a.txt\ngunicorn\n"}),
    "pip install of the project whose pyproject writes its dependencies": (
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -e '.[prod]'\n",
        {"pyproject.toml": '[project]\nname = "shop"\nversion = "1"\ndependencies = ["django"]\n'
                           '[project.optional-dependencies]\nprod = ["gunicorn"]\n'}),
    "uv sync": ("FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\n"
                "RUN uv sync --frozen --no-dev\n",
                {"pyproject.toml": '[project]\nname = "x"\nversion = "1"\ndependencies = ["flask"]\n',
                 "uv.lock": "version = 1\n"}),
    "apk and apt without uwsgi": ("FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip && mkdir -p /run/app\n", {}),
    "uv copied from its image, a venv from a stage that installs no uwsgi": (
        "FROM python:3.12 AS build\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\nRUN uv venv /venv && "
        "uv pip install --python /venv flask\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n"
        "ENV PATH=/venv/bin:$PATH\n", {}),
}


@pytest.mark.parametrize("name", MISSING)
def test_image_known_to_lack_uwsgi(name, tmp_path, monkeypatch):
    dockerfile, files = MISSING[name]
    assert len(_c108(tmp_path, monkeypatch, dockerfile, files)) == 1


MAY_HOLD = {
    "pyuwsgi": ("FROM python:3.12\nRUN pip install pyuwsgi flask\n", {}),
    "pip's general options before install": ("FROM python:3.12\nRUN pip --no-cache-dir --cache-dir /c install uwsgi\n", {}),
    "uWSGI in mixed case, in a requirements file": (
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n",
        {"requirements.txt": "flask\nuWSGI==2.0.28  # server\n"}),
    "uwsgi in the project's pyproject": (
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install .\n",
        {"pyproject.toml": '[project]\nname = "shop"\nversion = "1"\ndependencies = ["django", "uwsgi"]\n'}),
    "dynamic dependencies": (
        "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install .\n",
        {"pyproject.toml": '[project]\nname = "shop"\nversion = "1"\ndynamic = ["dependencies"]\n'}),
    "a requirements file the image does not hold": ("FROM python:3.12\nRUN pip install -r /tmp/req.txt\n", {}),
    "packages a variable names": ("FROM python:3.12\nARG PACKAGES\nRUN pip install $PACKAGES\n", {}),
    "curl piped to a shell": ("FROM python:3.12\nRUN curl -sSL https://example.com/install | sh\n", {}),
    "a heredoc": ("FROM python:3.12\nRUN <<EOF\npip install uwsgi\nEOF\n", {}),
    "conda environment file": ("FROM continuumio/miniconda3\nCOPY env.yml .\nRUN conda env create -f env.yml\n",
                               {"env.yml": "dependencies: [uwsgi]\n"}),
    "find -exec": ("FROM python:3.12\nRUN find /wheels -name '*.whl' -exec pip install {} +\n", {}),
    "alpine's uwsgi package": ("FROM alpine:3.20\nRUN apk add --no-cache uwsgi-python3\n", {}),
    "a base image not known to be bare": ("FROM myorg/python-base:1\nRUN pip install flask\n", {}),
    "a build that downloads uwsgi": ("FROM python:3.12\nRUN wget https://example.com/uwsgi-2.0.28.tar.gz\n", {}),
    "a venv from a stage built on an image not known to be bare": (
        "FROM myorg/python-base:1 AS build\nRUN pip install flask\nFROM python:3.12-slim\n"
        "COPY --from=build /venv /venv\n", {}),
    "files from another project's image": ("FROM python:3.12-slim\nCOPY --from=myorg/servers:1 /opt /opt\n", {}),
}


@pytest.mark.parametrize("name", MAY_HOLD)
def test_image_that_may_hold_uwsgi_is_left_alone(name, tmp_path, monkeypatch):
    dockerfile, files = MAY_HOLD[name]
    assert _c108(tmp_path, monkeypatch, dockerfile, files) == []


def test_message_names_the_base_image_and_what_was_read(tmp_path, monkeypatch):
    found = _c108(tmp_path, monkeypatch, "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r req.txt\n",
                  {"req.txt": "-r base.txt\n", "base.txt": "django\n"})
    assert len(found) == 1
    assert "python:3.12-slim ships no uWSGI" in found[0]
    assert "`pip install -r req.txt` at Dockerfile:4, from req.txt, base.txt" in found[0]


def test_onbuild_image_installs_what_its_own_instructions_say(tmp_path, monkeypatch):
    assert _c108(tmp_path, monkeypatch, "FROM python:3.4-onbuild\n", {"requirements.txt": "uwsgi\n"}) == []


START_INSTALLS = {
    "a -c text that installs before the server": 'bash -c "poetry update --no-interaction && uwsgi --ini uwsgi.ini"',
    "a script that installs before the server": "sh ./start.sh",
}


@pytest.mark.parametrize("name", START_INSTALLS)
def test_start_that_installs_before_the_server_is_left_alone(name, tmp_path, monkeypatch):
    write_tree(tmp_path, {
        "docker-compose.yml": f"services:\n  web:\n    build: .\n    command: {START_INSTALLS[name]}\n",
        "Dockerfile": "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install poetry\n",
        "start.sh": "#!/bin/sh\npip install -r requirements.txt\nexec uwsgi --ini uwsgi.ini\n",
        "uwsgi.ini": "[uwsgi]\nhttp-socket = :8000\nmodule = app:app\n",
        "app.py": "app = None\n",
    })
    monkeypatch.chdir(tmp_path)
    findings = check(["."]).findings
    assert [f for f in findings if f.code == "X115" or f.code.startswith("U")], "the server is not modelled"
    assert [f.message for f in findings if f.code == "C108"] == []
