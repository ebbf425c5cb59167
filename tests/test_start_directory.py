"""The folder a server starts in when the shell that starts it `cd`s first: its relative
paths (a socket, a pidfile) resolve there, not in the manager's own directory."""
from pathlib import Path

import pytest

from wsgilint.api import check


@pytest.mark.parametrize(("command", "expected"), [
    ('/bin/sh -c "cd app && exec uwsgi --ini app.ini"', "/srv/app"),
    ('/bin/sh -c "cd /opt/site; exec uwsgi --ini /srv/app/app.ini"', "/opt/site"),
    ('/bin/sh -c "cd ../srv/./app && exec uwsgi --ini app.ini"', "/srv/app"),
    # Where the words do not show the folder, the program's `directory=` stays the start.
    ('/bin/sh -c "cd $APP_HOME && exec uwsgi --ini /srv/app/app.ini"', "/srv"),
    ('/bin/sh -c "cd ~ && exec uwsgi --ini /srv/app/app.ini"', "/srv"),
    ('/bin/sh -c "exec uwsgi --ini /srv/app/app.ini"', "/srv"),
    # A subshell's cd ends with it; a folder a command prints is not known.
    ('/bin/sh -c "(cd /opt/frontend && npm run build); exec uwsgi --ini /srv/app/app.ini"', "/srv"),
    ("/bin/sh -c 'cd \"$(dirname \"$0\")\" && exec uwsgi --ini /srv/app/app.ini'", "/srv"),
])
def test_a_cd_before_the_server_is_where_it_starts(tmp_path: Path, command: str, expected: str) -> None:
    conf = tmp_path / "etc" / "supervisor" / "conf.d"
    conf.mkdir(parents=True)
    (conf / "app.conf").write_text(f"[program:app]\ncommand={command}\ndirectory=/srv\nuser=app\n")
    app = tmp_path / "srv" / "app"
    app.mkdir(parents=True)
    (app / "app.ini").write_text("[uwsgi]\nsocket = app.sock\nmodule = wsgi:app\n")
    result = check([str(tmp_path)], root=str(tmp_path))
    [server] = result.deployment.app_servers
    assert server.start_directory is not None and server.start_directory.value == expected
