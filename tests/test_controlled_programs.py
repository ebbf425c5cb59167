"""Programs a script starts by name through supervisorctl or systemctl (model/controlled.py)."""
from wsgilint.model.controlled import _in_line


def names(line: str) -> list[tuple[str, str]]:
    return [(manager, name) for manager, name, _, _ in _in_line(line)]


def test_supervisorctl_start_and_restart_with_options_and_sudo() -> None:
    assert names("sudo supervisorctl -c /etc/supervisord.conf restart site web:*") == [
        ("supervisor", "site"), ("supervisor", "web")]
    assert names("supervisorctl start group:app1") == [("supervisor", "app1")]


def test_systemctl_units_lose_their_suffix() -> None:
    assert names("systemctl --no-pager restart site.service") == [("systemd", "site")]


def test_commands_that_start_nothing_by_name() -> None:
    assert names("# supervisorctl start site") == []
    assert names("supervisorctl status site") == []
    assert names("supervisorctl stop site") == []
    assert names("echo supervisorctl start site") == []
    assert names('supervisorctl start "$PROGRAM"') == []


def test_each_command_of_a_line_and_the_column_of_the_name() -> None:
    found = _in_line("cd /srv && supervisorctl restart site; systemctl start app")
    assert [(name, column) for _, name, column, _ in found] == [("site", 34), ("app", 56)]
