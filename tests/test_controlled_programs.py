"""Programs a script starts by name through supervisorctl or systemctl (model/controlled.py)."""
from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.core.sources import SourceFile
from wsgilint.model.controlled import _in_line, handed_to_user, handed_to_user_managers


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


@pytest.mark.parametrize(("script", "expected"), [
    ("systemctl --user enable django\n", {"django.service"}),
    ("systemctl enable --user --now web api.socket\n", {"web.service", "api.socket"}),
    ("sudo -u pi systemctl --user start cam.service\n", {"cam.service"}),
    ("sudo -u pi -H cp cam.service /home/pi/.config/systemd/user/\n", {"cam.service"}),
    ("cp deploy/django.service ~/.config/systemd/user/\n", {"django.service"}),
    ("install -m 644 app.unit ~/.config/systemd/user/app.service\n", {"app.service"}),
    ("# systemctl --user enable django\nsystemctl --user daemon-reload\n", set()),
    ("sudo systemctl enable django\ncp django.service /etc/systemd/system/\n", set()),
])
def test_units_a_script_hands_to_a_users_manager(tmp_path: Path, script: str, expected: set[str]) -> None:
    path = tmp_path / "install.sh"
    path.write_text(script)
    assert handed_to_user_managers([SourceFile(str(path), "install.sh", "")], ReadContext()) == expected


@pytest.mark.parametrize(("script", "unit", "handed"), [
    ("cp *.service ~/.config/systemd/user/\n", "deploy/web.service", True),
    ("cp deploy/user/*.service $HOME/.config/systemd/user/\n", "deploy/user/web.service", True),
    ("cp $DIR/user/web-*.service ~/.config/systemd/user/\n", "deploy/user/web-api.service", True),
    # Near misses: another folder, another suffix, a copy into the system's folder.
    ("cp deploy/user/*.service ~/.config/systemd/user/\n", "deploy/system/web.service", False),
    ("cp *.socket ~/.config/systemd/user/\n", "deploy/web.service", False),
    ("cp *.service /etc/systemd/system/\n", "deploy/web.service", False),
])
def test_a_glob_copied_to_a_users_manager_hands_it_the_units_it_matches(tmp_path: Path, script: str, unit: str,
                                                                        handed: bool) -> None:
    path = tmp_path / "install.sh"
    path.write_text(script)
    found = handed_to_user_managers([SourceFile(str(path), "install.sh", "")], ReadContext())
    assert handed_to_user(unit, unit.rpartition("/")[2], found) is handed
