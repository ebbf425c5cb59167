from __future__ import annotations

from pathlib import Path

from wsgilint.core.context import ReadContext
from wsgilint.core.span import Span
from wsgilint.readers.shell import program_of, read_wrapper, server_line_of_shell_command


def wrapper(tmp_path: Path, text: str, name: str = "start.sh"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_wrapper(str(path), ReadContext(mode="repository", cwd=str(tmp_path)))


def test_exec_line_with_continuation_exports_and_cd(tmp_path):
    script = wrapper(tmp_path, (
        "#!/bin/bash\n"
        "set -e\n"
        "export GUNICORN_CMD_ARGS='--workers 3'\n"
        "cd /srv/app\n"
        "# exec gunicorn commented\n"
        "exec /srv/venv/bin/gunicorn \\\n"
        "    --bind unix:/run/app.sock app:app\n"
    ))
    assert script.shell == "bash"
    assert script.server.program == "gunicorn"
    assert script.server.argv == ["/srv/venv/bin/gunicorn", "--bind", "unix:/run/app.sock", "app:app"]
    assert script.server.execs is True
    assert script.server.directory == "/srv/app"
    assert script.server.exports == {"GUNICORN_CMD_ARGS": "--workers 3"}
    assert script.at == Span("start.sh", 6, 1, 28)


def test_without_exec_and_env_prefix(tmp_path):
    script = wrapper(tmp_path, "#!/bin/sh\nDJANGO_SETTINGS_MODULE=x uwsgi --ini /etc/u.ini\n")
    assert script.server.execs is False
    assert script.server.exports == {"DJANGO_SETTINGS_MODULE": "x"}
    assert script.server.line == 2


def test_env_assignment_before_exec(tmp_path):
    script = wrapper(tmp_path, "#!/bin/sh\nVAR=x exec python3 -m gunicorn app\n")
    assert script.server.program == "gunicorn"
    assert script.server.execs is True


def test_script_without_server_or_not_shell(tmp_path):
    assert wrapper(tmp_path, "#!/bin/sh\necho hello\n") is None
    assert wrapper(tmp_path, "#!/usr/bin/env python\nimport gunicorn\n", "x.py") is None


def test_shell_dash_c_exec_rules():
    assert server_line_of_shell_command("cd /a; gunicorn app", "bash").execs is True
    assert server_line_of_shell_command("cd /a; gunicorn app", "sh").execs is False
    assert server_line_of_shell_command("gunicorn app; echo done", "bash").execs is False
    background = server_line_of_shell_command("nginx -g 'daemon off;' & wait", "bash")
    assert background.background and not background.execs
    assert server_line_of_shell_command("cd /a && exec uwsgi --ini x", "sh").directory == "/a"


def test_program_of():
    assert program_of(["/srv/venv/bin/gunicorn", "app"]) == "gunicorn"
    assert program_of(["python3.11", "-m", "gunicorn", "app"]) == "gunicorn"
    assert program_of(["/usr/sbin/nginx"]) == "nginx"
    assert program_of(["python", "manage.py"]) == ""
    assert program_of([]) == ""


def test_what_the_shell_runs_after_the_server_line(tmp_path):
    # A daemonizing server returns at once: what follows decides whether the shell stays.
    held = server_line_of_shell_command("python manage.py migrate\nuwsgi --ini app.ini\ntail -f /dev/null")
    assert held is not None and (held.after, held.held_by) == (("tail -f /dev/null",), "tail -f /dev/null")
    loop = server_line_of_shell_command("uwsgi --ini app.ini; while true; do sleep 60; done")
    assert loop is not None and loop.held_by == "while true"
    forever = server_line_of_shell_command("uwsgi --ini app.ini && exec sleep infinity")
    assert forever is not None and forever.held_by == "exec sleep infinity"
    returns = server_line_of_shell_command("uwsgi --ini app.ini && echo started")
    assert returns is not None and (returns.after, returns.held_by) == (("echo started",), "")
    background = server_line_of_shell_command("uwsgi --ini app.ini; tail -f /var/log/app.log &")
    assert background is not None and background.held_by == ""
    last = server_line_of_shell_command("migrate; uwsgi --ini app.ini")
    assert last is not None and last.after == ()
    script = wrapper(tmp_path, "#!/bin/sh\nuwsgi --ini app.ini\ntail -F /srv/app/log\n")
    assert script is not None and script.server.held_by == "tail -F /srv/app/log"
