"""Runners and user switchers in front of a server: the recogniser sees through them, and
the model keeps what they change (the user; a parent that keeps the stop signal)."""
import shlex
from pathlib import Path

import pytest

from wsgilint.api import check
from wsgilint.core.commands import recognise
from wsgilint.readers.shell import server_line_of_shell_command


@pytest.mark.parametrize(("line", "program", "arguments", "launchers", "user"), [
    ("uv run gunicorn -c gunicorn.conf.py -b 127.0.0.1:5000 --daemon application:app", "gunicorn",
     ["-c", "gunicorn.conf.py", "-b", "127.0.0.1:5000", "--daemon", "application:app"], ["uv run"], ""),
    ("uv --directory /app run --with gunicorn --frozen gunicorn app:app", "gunicorn", ["app:app"], ["uv run"], ""),
    ("python -m uv run -m gunicorn app:app", "gunicorn", ["app:app"], ["uv run"], ""),
    # uv's tool runner: a child that passes TERM, INT and QUIT on, as uv run (measured, uvx 0.13.9).
    ("uvx --with-requirements requirements.txt gunicorn@23.0.0 -b :8000 app:app", "gunicorn", ["-b", ":8000", "app:app"],
     ["uvx"], ""),
    ("uvx --from 'gunicorn[gevent]' -p 3.12 gunicorn app:app", "gunicorn", ["app:app"], ["uvx"], ""),
    ("uv --directory /app tool run --with flask gunicorn app:app", "gunicorn", ["app:app"], ["uv tool run"], ""),
    ("gosu app uvx uwsgi --ini a.ini", "uwsgi", ["--ini", "a.ini"], ["gosu", "uvx"], "app"),
    ("poetry -C /app run gunicorn x", "gunicorn", ["x"], ["poetry run"], ""),
    ("pipenv run uwsgi --ini a.ini", "uwsgi", ["--ini", "a.ini"], ["pipenv run"], ""),
    ("pdm run -p . gunicorn x", "gunicorn", ["x"], ["pdm run"], ""),
    ("hatch -e prod run +py=3.12 prod:gunicorn x", "gunicorn", ["x"], ["hatch run"], ""),
    ("rye run gunicorn x", "gunicorn", ["x"], ["rye run"], ""),
    ("gosu app gunicorn x", "gunicorn", ["x"], ["gosu"], "app"),
    ("su-exec app:app uwsgi_python3 --ini x", "uwsgi", ["--ini", "x"], ["su-exec"], "app:app"),
    ("setpriv --reuid=app --regid=app --init-groups gunicorn x", "gunicorn", ["x"], ["setpriv"], "app:app"),
    ("chpst -u app gunicorn x", "gunicorn", ["x"], ["chpst"], "app"),
    ("runuser -u app -- gunicorn x", "gunicorn", ["x"], ["runuser -u"], "app"),
    ("sudo -u app -E gunicorn x", "gunicorn", ["x"], ["sudo"], "app"),
    ("sudo gunicorn x", "gunicorn", ["x"], ["sudo"], "root"),
    ("s6-setuidgid app env A=1 nohup gunicorn x", "gunicorn", ["x"], ["s6-setuidgid", "env", "nohup"], "app"),
    ("gosu app uv run nginx -g 'daemon off;'", "nginx", ["-g", "daemon off;"], ["gosu", "uv run"], "app"),
    # Waiting for a dependency first: wait-for-it execs what follows `--`, dockerize starts it as a child.
    ("./docker/wait-for-it.sh db:5432 -- gunicorn x", "gunicorn", ["x"], ["wait-for-it"], ""),
    ("wait-for-it -t 30 db:5432 --strict -- gosu app uwsgi --ini a.ini", "uwsgi", ["--ini", "a.ini"],
     ["wait-for-it", "gosu"], "app"),
    ("dockerize -wait tcp://db:5432 -timeout 60s -template a.tmpl:/etc/a.conf -poll gunicorn x", "gunicorn", ["x"],
     ["dockerize"], ""),
    ("dockerize --wait=tcp://db:5432 -- uwsgi --ini a.ini", "uwsgi", ["--ini", "a.ini"], ["dockerize"], ""),
    # envplate fills the files in, then execs the words after `--` (a path: no PATH search).
    ("/usr/local/bin/ep -v /etc/nginx/nginx.conf -- /usr/sbin/nginx -g 'daemon off;'", "nginx",
     ["-g", "daemon off;"], ["ep"], ""),
    # holdup (python-holdup) execs what follows the first `--`; the words before it are its own.
    ("holdup --verbose -t 30 tcp://pg:5432 unix:///run/a.sock -- uwsgi --ini a.ini", "uwsgi", ["--ini", "a.ini"],
     ["holdup"], ""),
    # New Relic's agent launcher execs the command after run-program (newrelic 14.1.0's source).
    ("newrelic-admin run-program uwsgi --ini /home/app/conf/uwsgi.ini", "uwsgi", ["--ini", "/home/app/conf/uwsgi.ini"],
     ["newrelic-admin run-program"], ""),
    ("gosu app newrelic-admin run-program gunicorn x", "gunicorn", ["x"], ["gosu", "newrelic-admin run-program"], "app"),
    # su's form: the user's shell runs the text, one simple command of plain words (options
    # before or after the user, as getopt_long permutes them; root when none is named).
    ("su vclamp -c 'gunicorn app:app'", "gunicorn", ["app:app"], ["su -c"], "vclamp"),
    ("su -s /bin/bash -c 'uwsgi --ini /etc/a.ini' app", "uwsgi", ["--ini", "/etc/a.ini"], ["su -c"], "app"),
    ("su --command='gunicorn -b :80 x' -m www", "gunicorn", ["-b", ":80", "x"], ["su -c"], "www"),
    ("su -c 'gunicorn x'", "gunicorn", ["x"], ["su -c"], "root"),
    ("runuser app -c 'gunicorn x'", "gunicorn", ["x"], ["runuser -c"], "app"),
])
def test_the_server_behind_runners_and_switchers(line, program, arguments, launchers, user):
    command = recognise(shlex.split(line))
    assert command is not None and (command.program, command.arguments) == (program, arguments)
    assert [launcher.name for launcher in command.launchers] == launchers
    assert next((launcher.user for launcher in reversed(command.launchers) if launcher.user), "") == user


@pytest.mark.parametrize("line", [
    # A text that is more than one simple command is a script of its own; a login shell
    # (`-`, `-l`) starts in the user's home; --session-command runs in another session.
    "su app -c 'cd /srv && gunicorn x'", "su app -c 'gunicorn $APP'", "su - app -c 'gunicorn x'",
    "su -l app -c 'gunicorn x'", "su --session-command='gunicorn x' app", "su app", "su app -c 'A=1 gunicorn x'",
    "sudo -b gunicorn x", "uv run", "gosu app", "uvx", "uv tool install gunicorn",
    "ep /etc/nginx/nginx.conf -- nginx", "ep /etc/uwsgi.ini uwsgi --ini /etc/uwsgi.ini", "uv pip install gunicorn",
    "hatch run test", "pdm run --venv prod gunicorn x", "wait-for-it.sh db:5432 gunicorn x",
    "wait-for-it.sh db:5432 --", "dockerize -wait tcp://db:5432", "holdup tcp://db:5432 uwsgi --ini a.ini",
    "holdup tcp://db:5432 --", "newrelic-admin run-python gunicorn x", "newrelic-admin run-program",
])
def test_what_is_not_a_server_behind_a_runner(line):
    assert recognise(shlex.split(line)) is None


def test_a_script_line_through_a_switcher_is_the_server_line():
    found = server_line_of_shell_command("cd /srv && exec gosu app uwsgi --ini app.ini")
    assert found is not None and found.program == "uwsgi" and found.execs and found.alone


def _manager(tree: Path, files: dict[str, str]):
    for name, text in files.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text)
    result = check([str(tree)])
    return result, next(m for m in result.deployment.managers if m.runs is not None)


def test_the_switchers_user_is_the_one_the_server_runs_as(tmp_path):
    result, manager = _manager(tmp_path, {"Dockerfile": 'FROM python:3.12-slim\nCMD ["gosu", "app:web", '
                                                        '"gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n'})
    assert (manager.user.value, manager.group.value) == ("app", "web")
    assert manager.argv.value[0] == "gunicorn" and manager.user.at == manager.argv.at
    assert not [f for f in result.findings if f.code == "C101"]


@pytest.mark.parametrize(("runner", "signal", "reaches"), [
    ("uv run", "TERM", True), ("uv run", "QUIT", True), ("pdm run", "TERM", True), ("pdm run", "QUIT", False),
    ("hatch run", "TERM", False), ("poetry run", "QUIT", True)])
def test_a_runner_that_stays_keeps_the_signals_it_does_not_pass_on(tmp_path, runner, signal, reaches):
    words = ", ".join(f'"{word}"' for word in [*runner.split(), "gunicorn", "-b", "0.0.0.0:8000", "app:app"])
    _, manager = _manager(tmp_path, {"Dockerfile": f"FROM python:3.12-slim\nUSER app\nSTOPSIGNAL SIG{signal}\n"
                                                   f"CMD [{words}]\n"})
    assert manager.stop_signal.value == signal
    assert manager.signals_server is reaches
    assert (manager.launcher_takes_signal is None) is reaches


@pytest.mark.parametrize(("waiter", "execs"), [
    (["./docker/wait-for-it.sh", "db:5432", "--"], True),
    (["dockerize", "-wait", "tcp://db:5432", "-timeout", "60s"], False),
    (["holdup", "--verbose", "tcp://db:5432", "--"], True)])
def test_a_compose_command_through_a_waiter_reaches_the_script_it_runs(tmp_path, waiter, execs):
    """Cloud-CV/Fabrik's shape: Compose -> wait-for-it.sh -> `sh container-start.sh`, whose
    `uwsgi ... &` the shell does not exec: the uWSGI behind it is modelled and X115 sees it."""
    command = ", ".join(f'"{word}"' for word in [*waiter, "sh", "/code/docker/start.sh"])
    result, manager = _manager(tmp_path, {
        "docker-compose.yml": "services:\n  django:\n    build: .\n    volumes:\n      - .:/code\n"
                              f"    command: [{command}]\n",
        "Dockerfile": "FROM python:3.12-slim\nWORKDIR /code\n",
        "docker/start.sh": "#!/bin/sh\ncd /code && python manage.py migrate --noinput\n"
                           "uwsgi --ini /code/uwsgi.ini & daphne -b 0.0.0.0 -p 8001 app.asgi:application\n",
        "uwsgi.ini": "[uwsgi]\nhttp-socket = 0.0.0.0:8000\nmodule = app.wsgi\nmaster = true\n"
                     "need-app = true\ndie-on-term = true\n",
    })
    assert manager.runs_program == "uwsgi"
    assert [launcher.name for launcher in manager.launchers][:1] == [waiter[0].rpartition("/")[2].removesuffix(".sh")]
    assert manager.launchers[0].stays is not execs
    x115 = [f for f in result.findings if f.code == "X115"]
    assert [(f.at.path, f.at.line) for f in x115] == [(str(tmp_path / "docker" / "start.sh"), 3)]
