"""Files and directories the checking user cannot read: each is reported once, where
it is, and everything else is still checked.

Root reads everything, so the check runs in a child that loads every module as root
and then drops to nobody (65534) before reading the tree.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from conftest import PROJECT, write_tree

pytestmark = pytest.mark.skipif(not hasattr(os, "setuid") or os.geteuid() != 0,
                                reason="needs root to drop privileges to nobody (as a normal user, run as root)")

WITNESS = {"etc/uwsgi/witness.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nvaccum = true\n"}

_AS_NOBODY = textwrap.dedent("""\
    import json, os, sys
    from wsgilint.api import check
    tree = sys.argv[1]
    check([tree])                      # every module loads while still root
    os.setgroups([]); os.setgid(65534); os.setuid(65534)
    result = check([tree])
    print(json.dumps([(f.code, f.at.path, f.at.line, f.message) for f in result.findings]))
""")


@pytest.fixture
def world_tree():
    """A tree under /tmp that nobody can walk (pytest's own tmp_path is root-only)."""
    root = Path(tempfile.mkdtemp(prefix="wsgilint-perm-"))
    yield root
    for path in [root, *root.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(root)


def open_up(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


def check_as_nobody(root: Path) -> list[tuple[str, str, int, str]]:
    done = subprocess.run([sys.executable, "-c", _AS_NOBODY, str(root)], cwd=str(root), capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return [tuple(f) for f in json.loads(done.stdout)]


def codes_at(found, code: str, path_end: str) -> list[int]:
    return [line for c, path, line, _ in found if c == code and path.endswith(path_end)]


def assert_witness(found) -> None:
    assert codes_at(found, "U101", "witness.ini") == [3], found


def test_unreadable_files_of_every_kind(world_tree):
    files = {
        "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n",
        "etc/nginx/conf.d/secret.conf": "server { listen 80; }\n",
        "etc/uwsgi/secret.ini": "[uwsgi]\nsocket = /run/s.sock\n",
        "etc/supervisor/conf.d/secret.conf": "[program:x]\ncommand=/bin/true\n",
        "etc/systemd/system/secret.service": "[Service]\nExecStart=/bin/true\n",
        "srv/app/gunicorn.conf.py": "workers = 2\n",
    }
    write_tree(world_tree, {**WITNESS, **files})
    open_up(world_tree)
    for relative in files:
        if "secret" in relative or relative.endswith(".py"):
            (world_tree / relative).chmod(0)
    found = check_as_nobody(world_tree)
    for relative in files:
        if "secret" in relative or relative.endswith(".py"):
            assert len([1 for c, path, _, _ in found if c == "E001" and path.endswith(relative)]) == 1, \
                (relative, found)
    assert_witness(found)


def test_unreadable_and_untraversable_directories(world_tree):
    write_tree(world_tree, {**WITNESS,
                            "etc/supervisor/conf.d/hidden.conf": "[program:h]\ncommand=/bin/true\n",
                            "etc/nginx/sites-enabled/app": "server { listen 80; }\n",
                            "etc/systemd/system/app.service": "[Service]\nExecStart=/usr/bin/uwsgi --ini /x.ini\n",
                            "etc/systemd/system/app.service.d/override.conf": "[Service]\nUser=www\n"})
    open_up(world_tree)
    (world_tree / "etc/supervisor/conf.d").chmod(0)          # cannot list, cannot enter
    (world_tree / "etc/nginx/sites-enabled").chmod(0o311)     # can enter, cannot list
    (world_tree / "etc/systemd/system/app.service.d").chmod(0o644)   # can list, cannot enter
    found = check_as_nobody(world_tree)
    unreadable = {path: line for code, path, line, _ in found if code == "E001"}
    assert any(path.endswith("etc/supervisor/conf.d") for path in unreadable), found
    assert any(path.endswith("etc/nginx/sites-enabled") for path in unreadable), found
    assert any("app.service.d" in path for path in unreadable), found
    assert_witness(found)


def test_unreadable_include_targets(world_tree):
    write_tree(world_tree, {**WITNESS,
                            "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/locked.conf;\n}\n",
                            "etc/nginx/locked.conf": "server { listen 80; }\n",
                            "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/a.sock\nvacuum = true\ninclude = locked.ini\n",
                            "etc/uwsgi/locked.ini": "[uwsgi]\nprocesses = 2\n",
                            "etc/supervisor/supervisord.conf": "[supervisord]\n[include]\nfiles = locked/*.conf\n",
                            "etc/supervisor/locked/p.conf": "[program:p]\ncommand=/bin/true\n"})
    open_up(world_tree)
    for relative in ("etc/nginx/locked.conf", "etc/uwsgi/locked.ini", "etc/supervisor/locked/p.conf"):
        (world_tree / relative).chmod(0)
    found = check_as_nobody(world_tree)
    for relative in ("locked.conf", "locked.ini", "p.conf"):
        hits = [(path, line) for code, path, line, _ in found if code == "E001" and path.endswith(relative)]
        assert len(hits) == 1, (relative, found)
    assert_witness(found)
