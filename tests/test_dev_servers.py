"""Development servers a start runs (core.commands.dev_server) and entrypoint scripts that
exec their arguments (readers.shell.passes_arguments)."""
import subprocess

import pytest

from wsgilint.core.commands import DevServer, dev_server
from wsgilint.core.context import ReadContext
from wsgilint.readers.shell import passes_arguments, read_dev_server


@pytest.mark.parametrize(("command", "expected"), [
    ("python manage.py runserver 0.0.0.0:8000", DevServer("manage.py runserver", "0.0.0.0", 8000, True)),
    ("python ${ROOT}/manage.py runserver --noasgi 0.0.0.0:8000", DevServer("manage.py runserver", "0.0.0.0", 8000, True)),
    ("./manage.py runserver", DevServer("manage.py runserver", "127.0.0.1", 8000, True)),
    ("./manage.py runserver --noreload", DevServer("manage.py runserver", "127.0.0.1", 8000)),
    ("django-admin runserver 9000", DevServer("manage.py runserver", "127.0.0.1", 9000, True)),
    ("python manage.py runserver [::]:8000", DevServer("manage.py runserver", "::", 8000, True)),
    ("flask run --host 0.0.0.0 --port=5001", DevServer("flask run", "0.0.0.0", 5001)),
    ("flask --app x run -h 0.0.0.0", DevServer("flask run", "0.0.0.0", 5000)),
    ("flask --app x --debug run -h 0.0.0.0", DevServer("flask run", "0.0.0.0", 5000, True)),
    ("flask run --reload", DevServer("flask run", "127.0.0.1", 5000, True)),
    ("uvicorn app:app --host 0.0.0.0 --port 80", DevServer("uvicorn", "0.0.0.0", 80)),
    ("uvicorn app:app --reload", DevServer("uvicorn", "127.0.0.1", 8000, True)),
    ("daphne -b 0.0.0.0 -p 8001 x.asgi:app", DevServer("daphne", "0.0.0.0", 8001)),
    ("hypercorn -b 0.0.0.0:8000 app:app", DevServer("hypercorn", "0.0.0.0", 8000)),
    ("hypercorn app:app", DevServer("hypercorn", "127.0.0.1", 8000)),
    # Where the words do not show the address, or nothing listens on TCP: not claimed.
    ("uvicorn app:app --port $PORT", None),
    ("python -m uvicorn app:app --uds /tmp/app.sock", None),
    ("python manage.py runserver --settings prod", None),
    ("python manage.py migrate", None),
    ("gunicorn app:app", None),
])
def test_dev_server_address(command: str, expected: DevServer | None) -> None:
    assert dev_server(command.split()) == expected


def test_flask_reads_its_environment() -> None:
    assert dev_server(["flask", "run"], {"FLASK_RUN_HOST": "0.0.0.0", "FLASK_RUN_PORT": "5002"}) == \
        DevServer("flask run", "0.0.0.0", 5002)
    assert dev_server(["flask", "run"], {"FLASK_DEBUG": "1"}) == DevServer("flask run", "127.0.0.1", 5000, True)


def test_script_runs_the_last_foreground_dev_server(tmp_path) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "run_dev_server.sh"
    script.write_text("#!/bin/sh\npython manage.py migrate\npython manage.py runserver 0.0.0.0:8000\nexec \"$@\"\n")
    found = read_dev_server(str(script), ReadContext())
    assert found is not None and found[0].argv[-1] == "0.0.0.0:8000" and found[1].line == 3


@pytest.mark.parametrize(("text", "passes"), [
    # A multi-line `python -c` string holds Python `if` lines: one shell word, no shell test.
    ("#!/bin/bash\nmain() {\n  python -c \"\nif x:\n    pass\n\"\n  exec \"$@\"\n}\nmain \"$@\"\n", True),
    ("#!/bin/sh\nset -e\nexec \"$@\"\n", True),
    # A here-document's body is data: its Python `if` opens no shell test (round 29's ismaina/mlb).
    ("#!/bin/bash\npython << END\nif time.time() - start > limit:\n    pass\nEND\nexec \"$@\"\n", True),
    ("#!/bin/bash\ncat <<-'EOF'\n\tif [ x ]; then\n\tEOF\nexec \"$@\"\n", True),
    ("#!/bin/sh\nif [ \"$1\" = shell ]; then\n  exec \"$@\"\nfi\n", False),   # only under a test
    ("#!/bin/sh\necho ready\n", False),
])
def test_script_passes_its_arguments(tmp_path, text: str, passes: bool) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "entrypoint.sh"
    script.write_text(text)
    assert (passes_arguments(str(script), ReadContext()) is not None) is passes


@pytest.mark.parametrize(("text", "through", "line"), [
    ("#!/bin/sh\nset -e\nchown -R app /data\nexec gosu app \"$@\"\n", ("gosu", "app"), 4),
    ("#!/bin/sh\nexec su-exec app:app \"$@\"\n", ("su-exec", "app:app"), 2),
    # The docker-library pattern: as root, run the script again as app; its `exec "$@"` then runs as app.
    ("#!/bin/sh\nif [ \"$(id -u)\" = '0' ]; then\n  exec gosu app \"$0\" \"$@\"\nfi\nexec \"$@\"\n", ("gosu", "app"), 3),
    ("#!/bin/sh\nexec \"$@\"\n", (), 2),
    ("#!/bin/sh\nexec tini -- \"$@\"\n", ("tini", "--"), 2),
    ("#!/bin/sh\nexec catatonit -- \"$@\"\n", None, 0),   # not a launcher unwrap follows
    ("#!/bin/sh\nexec python \"$@\"\n", None, 0),
])
def test_script_passes_its_arguments_through(tmp_path, text: str, through: tuple[str, ...] | None,  # type: ignore[no-untyped-def]
                                             line: int) -> None:
    script = tmp_path / "entrypoint.sh"
    script.write_text(text)
    passed = passes_arguments(str(script), ReadContext())
    assert (passed.through, passed.at.line) == (through, line) if passed is not None else through is None


@pytest.mark.parametrize(("text", "shifted"), [
    # NYPL's runinvenv (round 30): the first argument names a virtualenv, the rest run in it.
    ('#!/bin/sh\nVENV=$1\nif [ -z "$VENV" ]; then\n  exit 1\nfi\nshift 1\nexec "$@"\n', 1),
    ('#!/bin/sh\nshift\nshift 2\nexec "$@"\n', 3),
    ('#!/bin/sh\nexec "$@"\n', 0),
])
def test_shift_drops_arguments_before_they_run(tmp_path, text: str, shifted: int) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "runinvenv"
    script.write_text(text)
    passed = passes_arguments(str(script), ReadContext())
    assert passed is not None and passed.shifted == shifted
    # What sh itself runs: the words after the ones shifted away.
    args = ["a", "b", "c"][:shifted] + ["echo", "ran"]
    ran = subprocess.run(["sh", str(script), *args], capture_output=True, text=True, timeout=10, check=False)
    assert ran.stdout == "ran\n"


def test_a_shift_of_a_variable_count_is_not_followed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "run"
    script.write_text('#!/bin/sh\nshift "$N"\nexec "$@"\n')
    assert passes_arguments(str(script), ReadContext()) is None


@pytest.mark.parametrize(("text", "shifted"), [
    # cookiecutter-django's old entrypoint (round 31): the arguments kept in a variable, run unquoted.
    ('#!/bin/bash\nset -e\ncmd="$@"\nexport DATABASE_URL=postgres://db\nexec $cmd\n', 0),
    ('#!/bin/sh\ncmd="$*"\nexec ${cmd}\n', 0),
    ('#!/bin/sh\nshift\nrun="$@"\nexec $run\n', 1),
])
def test_arguments_kept_in_a_variable_run_as_given(tmp_path, text: str, shifted: int) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "entrypoint.sh"
    script.write_text(text)
    passed = passes_arguments(str(script), ReadContext())
    assert passed is not None and passed.shifted == shifted
    args = ["skipped"][:shifted] + ["echo", "ran"]
    shell = "bash" if text.startswith("#!/bin/bash") else "sh"
    ran = subprocess.run([shell, str(script), *args], capture_output=True, text=True, timeout=10, check=False)
    assert ran.stdout == "ran\n"


@pytest.mark.parametrize("text", [
    '#!/bin/sh\ncmd="$@"\ncmd=uwsgi\nexec $cmd\n',                  # set again to a word
    '#!/bin/sh\nif [ -n "$1" ]; then\n  cmd="$@"\nfi\nexec $cmd\n',  # set only under a test
    '#!/bin/sh\ncmd="$@"\nexec $other\n',
])
def test_a_variable_not_surely_the_arguments_is_not_followed(tmp_path, text: str) -> None:  # type: ignore[no-untyped-def]
    script = tmp_path / "entrypoint.sh"
    script.write_text(text)
    assert passes_arguments(str(script), ReadContext()) is None
