"""A Gunicorn config that reads its bind from the environment: the default, or the manager's value."""
import pytest
from conftest import write_tree

from wsgilint.api import check

CONFIG = 'import os\nbind = {expression}\nworkers = 2\n'


@pytest.mark.parametrize("expression", ['os.environ.get("BIND", "127.0.0.1:8000")', 'os.getenv("BIND", "127.0.0.1:8000")'])
def test_the_default_is_read(in_tmp, expression):
    write_tree(in_tmp, {"deploy/gunicorn.conf.py": CONFIG.format(expression=expression)})
    (server,) = check([str(in_tmp)]).deployment.app_servers
    assert [str(listener.address) for listener in server.listeners] == ["127.0.0.1:8000"]


def test_the_environment_the_manager_sets_wins(in_tmp):
    write_tree(in_tmp, {
        "deploy/gunicorn.conf.py": CONFIG.format(expression='os.environ.get("BIND", "127.0.0.1:8000")'),
        "deploy/web.service": "[Service]\nEnvironment=BIND=unix:/run/web/web.sock\n"
                              "ExecStart=/srv/venv/bin/gunicorn -c /srv/app/deploy/gunicorn.conf.py app:app\n",
    })
    servers = check([str(in_tmp)]).deployment.app_servers
    assert [[str(listener.address) for listener in server.listeners] for server in servers] == \
        [["unix:/run/web/web.sock"]]


def test_from_os_import_and_no_default(in_tmp):
    write_tree(in_tmp, {"deploy/gunicorn.conf.py": 'from os import environ\nbind = environ.get("BIND", ":9000")\n'
                                                   'workers = int(environ.get("WORKERS", "3"))\n',
                        "other/gunicorn.conf.py": 'import os\nbind = os.environ.get("BIND")\nworkers = 2\n'})
    servers = {server.sources[0]: server for server in check([str(in_tmp)]).deployment.app_servers}
    first = servers["deploy/gunicorn.conf.py"]
    assert [str(listener.address) for listener in first.listeners] == ["*:9000"]
    assert first.last("workers").value == 3
    # Without a default the value is only known at run time: never read as "no bind".
    assert servers["other/gunicorn.conf.py"].last("bind").unresolved


def test_a_default_is_unknown_where_something_unseen_may_set_the_variable():
    from wsgilint.readers.gunicorn import Environment, read_gunicorn_text

    text = CONFIG.format(expression='os.getenv("BIND", "127.0.0.1:8000")')
    closed = read_gunicorn_text(text, "g.py", Environment({}))
    opened = read_gunicorn_text(text, "g.py", Environment({}, "env_file prod.env is not in the checked files"))
    given = read_gunicorn_text(text, "g.py", Environment({"BIND": ":9000"}, "env_file prod.env is not here"))
    assert [o.value for o in closed.options if o.key == "bind"] == [["127.0.0.1:8000"]]
    assert [o.unresolved for o in opened.options if o.key == "bind"] == [True]
    assert [o.value for o in given.options if o.key == "bind"] == [[":9000"]]
