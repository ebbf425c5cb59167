"""X115's words for a container: an exec-form `["sh", "-c", ...]` is not called a shell-form
command, the fix names the server the shell wraps, and for uWSGI 2.0 with a master and no
die-on-term it says that `exec` alone does not make SIGTERM stop it (X108)."""
from pathlib import Path

import pytest

from wsgilint.api import check

FIXTURES = Path(__file__).parent / "fixtures" / "X115"


def x115(case: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(FIXTURES / case)
    return [f.message for f in check(["."]).findings if f.code == "X115"]


def test_exec_form_sh_c_names_uwsgi_and_die_on_term(monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = x115("exec-form-sh-c-uwsgi-without-die-on-term", monkeypatch)
    assert "shell-form" not in message
    assert '`CMD ["uwsgi", ...]`' in message and "YAML" not in message
    assert "`exec` alone is not enough" in message and "die-on-term" in message


def test_compose_command_names_a_yaml_list_and_no_die_on_term_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    [message] = x115("compose-sh-c-command", monkeypatch)
    assert '`command: ["uwsgi", ...]`, a YAML list' in message
    assert "die-on-term" not in message   # die-on-term is set: SIGTERM stops it once it gets there


def test_background_server_held_by_tail_is_moved_to_the_end_not_exec_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """`uwsgi ... &`, then `service nginx restart`, then `tail -f`: `exec` on the `&` line would
    run nothing after it, so the fix puts the server last, in the foreground."""
    [message] = x115("container-script-uwsgi-in-background-then-service-nginx-and-tail", monkeypatch)
    assert "`exec uwsgi ...` in place of its `&` line and of `tail -f /dev/null`" in message
    assert "with `service nginx restart` moved before it" in message


def test_a_runner_that_stays_in_front_of_the_script_is_pid_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """`dockerize ... /start.sh`: dockerize is PID 1 and passes SIGTERM to the shell, which dies;
    dockerize then exits and the container stops with the server SIGKILLed at once."""
    [message] = x115("dockerize-runs-the-script-without-exec", monkeypatch)
    assert "through dockerize" in message and "whose shell stays PID 1" not in message
    assert "sends its signal to dockerize, PID 1, which passes it to the shell" in message
    assert "SIGKILLed at once" in message and "start the server with `exec` in the script" in message


def test_a_text_with_other_commands_asks_for_exec_not_the_servers_own_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """`sh -c "python manage.py migrate && gunicorn ..."`: run as the YAML list of Gunicorn's own
    command, the migration would not run; `exec` in the text keeps it."""
    [message] = x115("compose-sh-c-migrate-then-gunicorn", monkeypatch)
    assert "start it with `exec` (`... && exec gunicorn ...`)" in message
    assert "the other commands of the text would not run" in message
    [alone] = x115("compose-sh-c-command", monkeypatch)
    assert "run it without a shell" in alone and "other commands" not in alone
