"""One recogniser of server command lines, used by every producer."""
import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.core.commands import recognise


@pytest.mark.parametrize(("argv", "program", "arguments", "plugins"), [
    (["/usr/bin/uwsgi", "--ini", "a.ini"], "uwsgi", ["--ini", "a.ini"], ()),
    (["uwsgi-core", "--ini", "a.ini"], "uwsgi", ["--ini", "a.ini"], ()),
    (["/usr/bin/uwsgi_python3", "--ini", "a.ini"], "uwsgi", ["--ini", "a.ini"], ("python3",)),
    (["uwsgi_python311"], "uwsgi", [], ("python311",)),
    (["uwsgi_python3_gevent", "-s", ":1"], "uwsgi", ["-s", ":1"], ("python3", "gevent")),
    (["/srv/venv/bin/gunicorn", "app:app"], "gunicorn", ["app:app"], ()),
    (["gunicorn3", "app:app"], "gunicorn", ["app:app"], ()),
    (["python3", "-u", "-m", "gunicorn", "app:app"], "gunicorn", ["app:app"], ()),
    (["/srv/venv/bin/python", "-m", "gunicorn.app.wsgiapp", "app:app"], "gunicorn", ["app:app"], ()),
    (["python3.11", "-mgunicorn", "app:app"], "gunicorn", ["app:app"], ()),
    (["python3", "/root/.pyenv/versions/3.6.3/bin/gunicorn", "app:app", "--config", "/app/g.py"], "gunicorn",
     ["app:app", "--config", "/app/g.py"], ()),
    (["/usr/sbin/nginx", "-g", "daemon off;"], "nginx", ["-g", "daemon off;"], ()),
])
def test_recognised(argv, program, arguments, plugins):
    command = recognise(argv)
    assert command is not None
    assert (command.program, command.arguments, command.plugins) == (program, arguments, plugins)


@pytest.mark.parametrize("argv", [[], ["python3", "manage.py", "runserver"], ["uwsgitop"], ["uwsgi_"], ["celery"],
                                  ["python3", "gunicorn.py"], ["python3", "-c", "gunicorn"]])
def test_not_a_server(argv):
    assert recognise(argv) is None


@pytest.mark.parametrize("command", ["/usr/bin/uwsgi_python3 --ini /etc/uwsgi/app.ini",
                                     "/usr/bin/uwsgi-core --ini /etc/uwsgi/app.ini"])
def test_suffixed_binaries_under_supervisor_and_systemd(in_tmp, command):
    write_tree(in_tmp, {
        "etc/supervisor/conf.d/app.conf": f"[program:app]\ncommand={command}\nuser=www-data\n",
        "etc/systemd/system/other.service": f"[Service]\nExecStart={command.replace('app.ini', 'other.ini')}\n",
        "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app/app.sock\n",
        "etc/uwsgi/other.ini": "[uwsgi]\nsocket = /run/other/other.sock\n",
    })
    deployment = check([str(in_tmp)]).deployment
    assert sorted((m.kind, m.runs_program, m.runs.name) for m in deployment.managers) == \
        [("supervisor", "uwsgi", "app"), ("systemd", "uwsgi", "other")]
    assert len(deployment.app_servers) == 2


def test_python_m_gunicorn_app_wsgiapp_under_systemd(in_tmp):
    write_tree(in_tmp, {"etc/systemd/system/web.service":
                        "[Service]\nExecStart=/srv/venv/bin/python -m gunicorn.app.wsgiapp -b 127.0.0.1:8001 app:app\n"})
    deployment = check([str(in_tmp)]).deployment
    (server,) = deployment.app_servers
    assert server.kind == "gunicorn" and [str(listener.address) for listener in server.listeners] == ["127.0.0.1:8001"]
