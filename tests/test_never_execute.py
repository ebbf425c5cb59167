"""Configs that would run commands, import modules or read the environment when the
real programs load them: checking them must do none of that.

Every trick writes a marker file named after its source into one watched directory;
the directory must stay empty. In-process, every way to start a program is replaced
by a function that records the call and raises; the CLI runs in a child under an
audit hook that records process starts and imports.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import PROJECT, write_tree

from wsgilint.api import check

CANARIES = ("wsgilint_canary_gunicorn", "wsgilint_canary_hook", "wsgilint_canary_uwsgi")


def hostile_tree(root: Path, watched: Path) -> Path:
    def touch(name: str) -> str:
        return f"touch {watched / name}"

    write_tree(root, {
        "etc/uwsgi/apps-enabled/app.ini": textwrap.dedent(f"""\
            [uwsgi]
            socket = /run/app.sock
            chdir = @(exec://{touch('uwsgi-value')})
            pythonpath = $(shell {touch('uwsgi-env')})
            processes = %(exec://{touch('uwsgi-placeholder')})
            logto = %(@(exec://{touch('uwsgi-nested')}))
            include = exec://{touch('uwsgi-include')}
            include = @(exec://{touch('uwsgi-include-value')})
            ini = exec://{touch('uwsgi-ini')}
            inherit = exec://{touch('uwsgi-inherit')}
            for-readline = exec://{touch('uwsgi-readline')}
            env = LINE=%(_)
            endfor =
            if-exists = exec://{touch('uwsgi-if-exists')}
            module = wsgilint_canary_uwsgi
            endif =
            if-file = @(exec://{touch('uwsgi-if-file')})
            endif =
            exec-asap = {touch('uwsgi-exec-asap')}
            hook-asap = exec:{touch('uwsgi-hook')}
            import = wsgilint_canary_uwsgi
            shared-import = wsgilint_canary_uwsgi
            wsgi-file = wsgilint_canary_uwsgi.py
            """),
        "etc/uwsgi/apps-enabled/wsgilint_canary_uwsgi.py": f"import os\nos.system({touch('uwsgi-module')!r})\n",
        "srv/app/gunicorn.conf.py": textwrap.dedent(f"""\
            import os
            import subprocess
            import wsgilint_canary_gunicorn
            from wsgilint_canary_hook import *
            __import__("wsgilint_canary_hook")
            os.system({touch('gunicorn-import')!r})
            subprocess.run({touch('gunicorn-subprocess')!r}, shell=True)
            exec(compile("os.system({touch('gunicorn-exec')!r})", "x", "exec"))
            bind = "unix:/run/gunicorn.sock"
            workers = int(os.popen({touch('gunicorn-popen')!r}).read() or 3)
            timeout: int = os.system({touch('gunicorn-annotated')!r})
            wsgi_app = f"{{os.system({touch('gunicorn-fstring')!r})}}:app"

            def on_starting(server):
                os.system({touch('gunicorn-on-starting')!r})

            def post_fork(server, worker):
                os.system({touch('gunicorn-post-fork')!r})

            def when_ready(server):
                os.system({touch('gunicorn-when-ready')!r})

            class Anything:
                os.system({touch('gunicorn-class')!r})

            pre_fork = lambda server, worker: os.system({touch('gunicorn-lambda')!r})
            if os.system({touch('gunicorn-if')!r}) == 0:
                worker_class = "sync"
            """),
        "srv/app/wsgilint_canary_gunicorn.py": f"import os\nos.system({touch('gunicorn-module')!r})\n",
        "srv/app/wsgilint_canary_hook.py": f"import os\nos.system({touch('gunicorn-hook-module')!r})\n",
        "etc/supervisor/supervisord.conf": textwrap.dedent("""\
            [supervisord]
            environment = A="%(ENV_WSGILINT_CANARY)s"
            [include]
            files = conf.d/*.conf
            """),
        "etc/supervisor/conf.d/app.conf": textwrap.dedent(f"""\
            [program:shell]
            command=/bin/sh -c "{touch('supervisor-command')}"
            environment=HOME="%(ENV_HOME)s",X="$({touch('supervisor-env')})"
            directory=%(ENV_WSGILINT_CANARY)s
            [program:wrapped]
            command=/srv/app/start.sh
            [program:uwsgi]
            command=/usr/bin/uwsgi --ini /etc/uwsgi/apps-enabled/app.ini --exec-asap "{touch('supervisor-argv')}"
            [eventlistener:x]
            command=/bin/sh -c "{touch('supervisor-listener')}"
            events=PROCESS_STATE
            """),
        "srv/app/start.sh": textwrap.dedent(f"""\
            #!/bin/sh
            {touch('wrapper-line')}
            $({touch('wrapper-substitution')})
            exec gunicorn -c /srv/app/gunicorn.conf.py "app:$({touch('wrapper-argv')})"
            """),
        "etc/nginx/nginx.conf": textwrap.dedent(f"""\
            events {{}}
            http {{
                server {{
                    listen 80;
                    location / {{
                        content_by_lua_block {{ os.execute("{touch('nginx-lua')}") }}
                        uwsgi_pass unix:/run/app.sock;
                    }}
                    location /p {{
                        perl 'sub {{ system("{touch('nginx-perl')}") }}';
                        proxy_pass http://unix:/run/gunicorn.sock;
                    }}
                }}
                init_by_lua 'os.execute("{touch('nginx-init-lua')}")';
            }}
            """),
        "etc/systemd/system/app.service": textwrap.dedent(f"""\
            [Service]
            ExecStartPre=/bin/touch {watched / 'systemd-pre'}
            ExecStartPre=-/bin/sh -c "{touch('systemd-sh')}"
            ExecStart=/srv/app/start.sh
            ExecStartPost=@/bin/touch {watched / 'systemd-post'} touch
            ExecReload=/bin/kill -HUP $MAINPID
            Environment="X=$({touch('systemd-env')})"
            EnvironmentFile=-/etc/default/app
            """),
    })
    return root


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    watched = tmp_path / "watched"
    watched.mkdir()
    tree = hostile_tree(tmp_path / "tree", watched)
    monkeypatch.setenv("WSGILINT_CANARY", f"$(touch {watched / 'env'})")
    # Importable if anything tried: the test must prove nothing does.
    monkeypatch.syspath_prepend(str(tree / "srv/app"))
    monkeypatch.syspath_prepend(str(tree / "etc/uwsgi/apps-enabled"))
    return tree, watched


def test_check_in_process_starts_nothing_imports_nothing(hostile, monkeypatch):
    tree, watched = hostile
    calls: list[str] = []

    def refuse(name):
        def refused(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"{name} called while checking")
        return refused

    check([str(PROJECT / "examples/seed-django")])   # the pipeline's own modules load first
    for name in ("system", "popen", "fork", "forkpty", "execv", "execve", "execvp", "execvpe", "execl",
                 "execle", "execlp", "execlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe",
                 "posix_spawn", "posix_spawnp"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse(f"os.{name}"))
    monkeypatch.setattr(subprocess, "Popen", refuse("subprocess.Popen"))
    before = set(sys.modules)
    result = check([str(tree)])
    added = set(sys.modules) - before

    assert calls == []
    assert sorted(os.listdir(watched)) == []
    assert not added & set(CANARIES), added
    allowed = sys.stdlib_module_names | {"wsgilint", "crossplane", "typer", "click", "rich"}   # and runtime deps
    assert {name for name in added if name.split(".")[0] not in allowed} == set()
    # The configs were read, not skipped: each kind is in the result.
    kinds = {f.kind for f in result.files}
    assert {"uwsgi", "gunicorn", "supervisor", "nginx", "systemd"} <= kinds, result.files


_AUDITED_CLI = textwrap.dedent("""\
    import json, runpy, sys
    events = []
    CANARIES = set(sys.argv[2].split(","))

    def hook(event, args):
        if event in ("subprocess.Popen", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork",
                     "os.forkpty", "pty.spawn", "ctypes.dlopen"):
            events.append([event, repr(args)[:200]])
        elif event == "import" and args[0].split(".")[0] in CANARIES:
            events.append([event, args[0]])

    sys.addaudithook(hook)
    sys.argv = ["wsgilint", "check", sys.argv[1], "--format", "json", "--fail-on", "never"]
    try:
        runpy.run_module("wsgilint", run_name="__main__", alter_sys=True)
    except SystemExit as done:
        code = done.code
    sys.stderr.write("\\nAUDIT " + json.dumps({"events": events, "code": code}) + "\\n")
""")


def test_cli_under_an_audit_hook_starts_nothing(hostile):
    tree, watched = hostile
    env = {**os.environ, "WSGILINT_CANARY": f"$(touch {watched / 'env'})",
           "PYTHONPATH": os.pathsep.join([str(PROJECT), str(tree / "srv/app"), str(tree / "etc/uwsgi/apps-enabled")])}
    done = subprocess.run([sys.executable, "-c", _AUDITED_CLI, str(tree), ",".join(CANARIES)], cwd=str(tree),
                          env=env, capture_output=True, text=True, timeout=120)
    audit = json.loads(done.stderr.rsplit("AUDIT ", 1)[1])
    assert audit["code"] == 0, done.stderr
    assert audit["events"] == []
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["files"]
    assert sorted(os.listdir(watched)) == []


@pytest.mark.parametrize("output_format", ["console", "json", "github"])
def test_plain_cli_run_leaves_no_marker(hostile, output_format):
    tree, watched = hostile
    env = {**os.environ, "WSGILINT_CANARY": f"$(touch {watched / 'env'})",
           "PYTHONPATH": os.pathsep.join([str(PROJECT), str(tree / "srv/app")])}
    done = subprocess.run([sys.executable, "-m", "wsgilint", "check", str(tree), "--format", output_format],
                          cwd=str(tree), env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert sorted(os.listdir(watched)) == []
