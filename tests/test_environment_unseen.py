"""What sets a process's environment beyond the files: systemd's EnvironmentFile= and
PassEnvironment=, Supervisor's %(ENV_X)s, a Dockerfile ARG without a value, an unknown base
image. A variable they may set is unknown, never its default."""
import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.readers.systemd_env import parse_environment_file

CONFIG = 'import os\nbind = os.getenv("BIND", "127.0.0.1:8000")\nworkers = 2\n'
START = "ExecStart=/srv/venv/bin/gunicorn -c /srv/app/deploy/gunicorn.conf.py app:app\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("A=1\nB = two words  \n", {"A": "1", "B": "two words"}),
    ("# comment\n; also\n  C=3\n", {"C": "3"}),
    ("D=a # not a comment\n", {"D": "a # not a comment"}),
    ("E='single $X \\n'\nF=\"dq \\\"q\\\" \\$ \\n\"\n", {"E": "single $X \\n", "F": 'dq "q" $ \\n'}),
    ("G=one\\\ntwo\n", {"G": "onetwo"}),
    ('H="a"  b c\n', {"H": "ab c"}),
    ("export I=1\n1J=2\nK\nL=\n", {"L": ""}),
    ("M=1\nM=2", {"M": "2"}),
    # systemd 252: a backslash ending a comment carries the comment onto the next line.
    ("# note \\\nN=1\nO=2\n", {"O": "2"}),
])
def test_systemd_environment_file_syntax(text, expected):
    assert parse_environment_file(text) == expected


def _bind(in_tmp, files):
    write_tree(in_tmp, {"deploy/gunicorn.conf.py": CONFIG, **files})
    (server,) = check([str(in_tmp)]).deployment.app_servers
    return server.last("bind"), server.manager


def test_environment_file_in_the_tree_is_read_and_overrides_environment(in_tmp):
    bind, manager = _bind(in_tmp, {
        "deploy/web.service": "[Service]\nEnvironment=BIND=:7000\nEnvironmentFile=/srv/app/deploy/web.env\n" + START,
        "deploy/web.env": "BIND=unix:/run/web/web.sock\n",
    })
    assert bind.value == ["unix:/run/web/web.sock"] and manager.environment_unseen is None


def test_environment_file_not_in_the_tree_makes_the_default_unknown(in_tmp):
    bind, manager = _bind(in_tmp, {"deploy/web.service": "[Service]\nEnvironmentFile=-/etc/web/web.env\n" + START})
    assert bind.unresolved
    assert manager.environment_unseen.note == "EnvironmentFile=-/etc/web/web.env is not in the checked files"


def test_environment_file_absent_from_a_host_snapshot_sets_nothing(in_tmp):
    write_tree(in_tmp, {
        "etc/systemd/system/web.service": "[Service]\nEnvironmentFile=-/etc/default/web\n"
                                          "ExecStart=/srv/venv/bin/gunicorn -c /srv/app/gunicorn.conf.py app:app\n",
        "etc/default/other": "X=1\n",
        "srv/app/gunicorn.conf.py": CONFIG,
    })
    (server,) = check([str(in_tmp)]).deployment.app_servers
    assert server.last("bind").value == ["127.0.0.1:8000"]


def test_pass_environment_and_unset_environment(in_tmp):
    bind, manager = _bind(in_tmp, {"deploy/web.service": "[Service]\nPassEnvironment=BIND LANG\n" + START})
    assert bind.unresolved and set(manager.environment_unknown) == {"BIND", "LANG"}
    bind, _ = _bind(in_tmp, {"deploy/web.service": "[Service]\nPassEnvironment=BIND\nEnvironment=BIND=:7000\n"
                                                   "UnsetEnvironment=BIND\n" + START})
    assert bind.value == ["127.0.0.1:8000"]


def test_supervisor_env_expansion(in_tmp):
    bind, manager = _bind(in_tmp, {"deploy/web.conf": (
        "[program:web]\ncommand=/srv/venv/bin/gunicorn -c /srv/app/deploy/gunicorn.conf.py app:app\n"
        'environment=BIND="%(ENV_WEB_BIND)s",OTHER="1"\n')})
    assert bind.unresolved and "BIND" not in manager.environment and manager.environment["OTHER"].value == "1"
    assert "%(ENV_WEB_BIND)s" in manager.environment_unknown["BIND"].note
    assert manager.environment_unseen is not None


def test_supervisor_without_env_expansion_keeps_the_default(in_tmp):
    bind, manager = _bind(in_tmp, {"deploy/web.conf": (
        "[program:web]\ncommand=/srv/venv/bin/gunicorn -c /srv/app/deploy/gunicorn.conf.py app:app\n"
        'environment=OTHER="%%(ENV_X)s"\n')})
    assert bind.value == ["127.0.0.1:8000"] and manager.environment_unseen is None


DOCKERFILE = ('FROM {base}\nARG BIND{default}\nENV BIND=$BIND OTHER=x\nCOPY . /srv/app\nWORKDIR /srv/app\n'
              'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "app:app"]\n')


@pytest.mark.parametrize(("base", "default", "args", "known"), [
    ("python:3.12-slim", "", "", False),
    ("python:3.12-slim", "=:7000", "", True),
    ("python:3.12-slim", "", "      args:\n        BIND: ':7000'\n", True),
    ("python:3.12-slim", "=:7000", "      args:\n        - BIND\n", False),
    ("registry.example.com/base:1", "=:7000", "", True),
])
def test_dockerfile_arg_and_base_image(in_tmp, base, default, args, known):
    compose = "services:\n  web:\n    build:\n      context: .\n" + args
    bind, manager = _bind(in_tmp, {"Dockerfile": DOCKERFILE.format(base=base, default=default),
                                   "compose.yaml": compose})
    assert (bind.value == [":7000"]) is known and bind.unresolved is not known
    assert manager.environment["OTHER"].value == "x"
    assert (manager.environment_unseen is not None) is base.startswith("registry")


def test_unknown_base_image_makes_a_default_unknown(in_tmp):
    bind, manager = _bind(in_tmp, {"Dockerfile": "FROM registry.example.com/base:1\nCOPY . /srv/app\n"
                                                 'WORKDIR /srv/app\nCMD ["gunicorn", "-c", "deploy/gunicorn.conf.py",'
                                                 ' "app:app"]\n'})
    assert bind.unresolved and "registry.example.com/base:1" in manager.environment_unseen.note
