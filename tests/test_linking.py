"""The model links each process manager to the app server it starts."""
from conftest import write_tree

from wsgilint.api import check


def deployment(tree):
    return check([str(tree)]).deployment


def test_supervisor_runs_uwsgi_ini_in_a_snapshot(in_tmp):
    write_tree(in_tmp, {
        "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini\nuser=www-data\n",
        "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app/app.sock\nprocesses = 4\n",
    })
    d = deployment(in_tmp)
    assert len(d.app_servers) == 1
    server = d.app_servers[0]
    assert server.manager is d.managers[0] and d.managers[0].runs is server
    assert [str(l.address) for l in server.listeners] == ["unix:/run/app/app.sock"]
    assert server.last("processes").value == "4"


def test_repository_links_by_path_suffix(in_tmp):
    write_tree(in_tmp, {
        "deploy/supervisor.conf": "[program:web]\ncommand=/srv/venv/bin/uwsgi --ini /srv/app/deploy/uwsgi.ini\n",
        "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\n",
    })
    d = deployment(in_tmp)
    assert len(d.app_servers) == 1 and d.app_servers[0].manager is not None


def test_a_relative_ini_under_a_start_directory_the_tree_does_not_hold(in_tmp):
    """`directory=/home/u/app` with `uwsgi uwsgi/prod.ini`: the checkout's top is taken to be
    deployed there, so its uwsgi/prod.ini is the file; a bare `uwsgi.ini` is not matched by name
    to a namesake in another folder (deploy/uwsgi.ini), which stays unread."""
    write_tree(in_tmp / "a", {
        "supervisor.conf": "[program:web]\ndirectory=/home/u/app\ncommand=/home/u/env/bin/uwsgi uwsgi/prod.ini\n",
        "uwsgi/prod.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nmodule = app.wsgi\n",
        ".git/HEAD": "ref: refs/heads/main\n",
    })
    [server] = [s for s in deployment(in_tmp / "a").app_servers if s.manager is not None]
    assert [str(l.address) for l in server.listeners] == ["127.0.0.1:3031"] and not server.unread_configs
    write_tree(in_tmp / "b", {
        "supervisor.conf": "[program:web]\ndirectory=/home/u/app\ncommand=/home/u/env/bin/uwsgi uwsgi.ini\n",
        "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nmodule = app.wsgi\n",
        ".git/HEAD": "ref: refs/heads/main\n",
    })
    [started] = [s for s in deployment(in_tmp / "b").app_servers if s.manager is not None]
    assert not started.listeners and [u.spec for u in started.unread_configs] == ["uwsgi.ini"]


def test_inline_flags_without_a_config_file(in_tmp):
    write_tree(in_tmp, {"deploy/supervisor.conf":
                        "[program:web]\ncommand=uwsgi -s :9090 -w myapp -M -p 4 -t 30 --limit-as 128 -R 10000\n"})
    server = deployment(in_tmp).app_servers[0]
    assert [str(l.address) for l in server.listeners] == ["*:9090"]
    assert server.last("processes", "workers").value == "4"
    assert server.last("module", "wsgi").value == "myapp"


def test_gunicorn_config_named_with_c(in_tmp):
    write_tree(in_tmp, {
        "etc/systemd/system/app.service": "[Service]\nUser=app\nWorkingDirectory=/srv/app\n"
                                          "ExecStart=/srv/venv/bin/gunicorn -c /srv/app/gunicorn.conf.py app.wsgi\n",
        "srv/app/gunicorn.conf.py": "bind = 'unix:/run/app/gunicorn.sock'\nworkers = 3\n",
    })
    d = deployment(in_tmp)
    assert len(d.app_servers) == 1
    assert [str(l.address) for l in d.app_servers[0].listeners] == ["unix:/run/app/gunicorn.sock"]
    assert d.app_servers[0].manager.kind == "systemd"


def test_wrapper_script_exec_line(in_tmp):
    write_tree(in_tmp, {
        "etc/supervisor/conf.d/blog.conf": "[program:blog]\ncommand=/srv/blog/bin/start.sh\nuser=blog\n",
        "srv/blog/bin/start.sh": "#!/bin/bash\ncd /srv/blog\nexport DJANGO_SETTINGS_MODULE=blog.settings\n"
                                 "exec /srv/venv/bin/gunicorn blog.wsgi:application --bind 127.0.0.1:8001 --workers 3\n",
    })
    d = deployment(in_tmp)
    manager = d.managers[0]
    assert manager.runs_program == "gunicorn" and manager.wrapper_execs is True
    assert manager.wrapper.path.endswith("start.sh") and manager.wrapper.line == 4
    assert [str(l.address) for l in manager.runs.listeners] == ["127.0.0.1:8001"]


def test_unstarted_configs_stand_alone_and_included_ones_do_not(in_tmp):
    write_tree(in_tmp, {
        "deploy/uwsgi.ini": "[uwsgi]\ninclude = base.ini\nsocket = 127.0.0.1:3031\n",
        "deploy/base.ini": "[uwsgi]\nmaster = true\nprocesses = 2\n",
        "deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\n",
    })
    d = deployment(in_tmp)
    assert sorted(s.kind for s in d.app_servers) == ["gunicorn", "uwsgi"]
    uwsgi = next(s for s in d.app_servers if s.kind == "uwsgi")
    assert uwsgi.last("master").value == "true"


def test_a_relative_path_links_only_to_a_namesake_sharing_a_folder(tmp_path):
    from wsgilint.core.context import ReadContext

    script = tmp_path / "docker" / "backend" / "entrypoint.sh"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\nexec gunicorn app:app\n")
    ctx = ReadContext(mode="repository", known_files=[str(script)])
    # Written relative to the project: another folder's entrypoint.sh is not it.
    assert ctx.local("./docker/celery-worker/entrypoint.sh", str(tmp_path)) is None
    assert ctx.local("docker/backend/entrypoint.sh", str(tmp_path / "elsewhere")) == str(script)
    # An installed path names the host's folders: the repository's one namesake stands for it.
    assert ctx.local("/srv/app/entrypoint.sh") == str(script)
