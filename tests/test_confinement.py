"""A checked tree may be hostile (a pull request in CI, with secrets in the job): nothing
outside it is ever read or shown, and no special file (FIFO, device, pseudo file) hangs
or feeds the run.

A canary string sits in files next to the tree; the tree names them in every way a
config can (``..``, an absolute path under a snapshot with ``/../..``, a glob, uWSGI
``include``/``ini``/``--ini``, Gunicorn ``-c`` from a Supervisor command, a symbolic
link, a link to ``/``). Whatever the output format, the canary never appears.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.core.context import ReadContext
from wsgilint.core.text import read_text
from wsgilint.discover import discover

CANARY = "SECRET-CANARY-7f3a9c"
NGINX_SECRET = f"server {{ listen 80; server_name {CANARY}; {CANARY} on; }}\n"


def _outside(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "outside", {
        "secret.conf": NGINX_SECRET,
        "glob/a.conf": NGINX_SECRET,
        "secret.ini": f"[uwsgi]\nsocket = /run/{CANARY}.sock\n{CANARY} = 1\n",
        "gunicorn_secret.py": f'bind = "{CANARY}:80"\n{CANARY} = 1\n',
        "sup/x.ini": f"[program:{CANARY}]\ncommand={CANARY}\n",
    })


def _repository(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "tree", {
        "nginx/site.conf": "server {\n    listen 80;\n    include ../../outside/secret.conf;\n"
                           "    include ../../outside/glob/*.conf;\n}\n",
        "nginx/linked.conf": "@link:../../outside/secret.conf",
        "hostroot": "@link:/",
        "uwsgi/app.ini": "[uwsgi]\ninclude = ../../outside/secret.ini\nini = ../../outside/secret.ini\n"
                         "module = app.wsgi\n",
        "supervisor/app.conf": "[program:web]\ncommand=gunicorn -c ../outside/gunicorn_secret.py app:app\n"
                               "directory=.\n",
        "supervisord.conf": "[supervisord]\n[include]\nfiles = ../outside/sup/*.ini\n",
    })


def _snapshot(tmp_path: Path) -> Path:
    snap = tmp_path / "snap"
    write_tree(snap, {
        "etc/nginx/nginx.conf": (
            "events {}\nhttp {\n"
            "    include /../../outside/secret.conf;\n"
            "    include ../../../../outside/secret.conf;\n"
            f"    include {snap}/../outside/secret.conf;\n"
            "    include /../../outside/glob/*.conf;\n"
            "    include links/out.conf;\n}\n"),
        "etc/nginx/links/out.conf": f"@link:{tmp_path}/outside/secret.conf",
        "etc/supervisor/conf.d/app.conf": (
            "[program:web]\ncommand=/usr/bin/gunicorn -c /../../outside/gunicorn_secret.py app:app\n"
            "directory=/srv/app\n"
            "[program:uw]\ncommand=/usr/bin/uwsgi --ini ../../../../../outside/secret.ini\ndirectory=/srv/app\n"),
        "etc/uwsgi/apps-enabled/app.ini": "[uwsgi]\ninclude = /../../outside/secret.ini\n"
                                          "ini = ../../../../../../outside/secret.ini\nmodule = app\n",
        "srv/app/wsgi.py": "application = None\n",
    })
    return snap


def _run(args: list[str], cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wsgilint", "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, check=False)


FORMATS = ["console", "json", "github", "sarif"]


@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "verbose"])
@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("layout", ["repository", "snapshot"])
def test_canary_outside_the_tree_is_never_shown(tmp_path: Path, layout: str, output_format: str,
                                                verbose: bool) -> None:
    _outside(tmp_path)
    if layout == "repository":
        cwd, args = _repository(tmp_path), ["."]
    else:
        cwd, args = tmp_path, ["snap", "--root", "snap"]
        _snapshot(tmp_path)
    result = _run([*args, "--format", output_format, *(["--verbose"] if verbose else [])], cwd)
    assert CANARY not in result.stdout
    assert CANARY not in result.stderr
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert "E008" in result.stdout or "outside-checked-tree" in result.stdout


def test_each_reference_out_of_a_repository_is_reported_where_it_is_written(tmp_path: Path) -> None:
    _outside(tmp_path)
    tree = _repository(tmp_path)
    result = _run([".", "--select", "E008"], tree)
    found = {line.split(": ")[0] for line in result.stdout.splitlines() if "E008" in line}
    assert found == {"hostroot", "nginx/linked.conf", "nginx/site.conf:3:13", "nginx/site.conf:4:13",
                     "uwsgi/app.ini:2:11", "uwsgi/app.ini:3:7", "supervisor/app.conf:2:9", "supervisord.conf:3:9"}
    assert "'../../outside/glob/*.conf' leads outside the checked tree" in result.stdout


def test_absolute_paths_and_dotdot_stay_inside_a_snapshot(tmp_path: Path) -> None:
    """On the target host ``/..`` is ``/``: such paths name files of the snapshot, and
    here they are missing (E003); the link to this machine's file is not followed (E008)."""
    _outside(tmp_path)
    _snapshot(tmp_path)
    (tmp_path / "snap/outside").mkdir()
    (tmp_path / "snap/outside/secret.conf").write_text("server { listen 81; }\n")
    result = _run(["snap", "--root", "snap", "--select", "E003,E008"], tmp_path)
    lines = [line.split(": ")[0] for line in result.stdout.splitlines() if ": error" in line]
    # Lines 3 and 4 name the snapshot's own /outside/secret.conf, which exists; line 5
    # names this machine's path, which the snapshot does not hold.
    assert "snap/etc/nginx/nginx.conf:3:13" not in lines
    assert "snap/etc/nginx/nginx.conf:4:13" not in lines
    assert "snap/etc/nginx/nginx.conf:5:13" in lines
    assert "snap/etc/nginx/links/out.conf" in lines


def test_file_argument_reads_its_own_folder_only(tmp_path: Path) -> None:
    _outside(tmp_path)
    tree = _repository(tmp_path)
    result = _run(["nginx/site.conf"], tree)
    assert CANARY not in result.stdout + result.stderr
    assert "nginx/site.conf:3:13" in result.stdout


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def test_a_fifo_named_by_an_include_does_not_hang(tmp_path: Path) -> None:
    # A main nginx.conf: its relative include surely names the pipe (from a fragment it would
    # be an assumption, reported as info).
    tree = write_tree(tmp_path / "tree", {"nginx/nginx.conf": "events {}\nhttp {\n    include pipe.conf;\n}\n"})
    _fifo(tree / "nginx/pipe.conf")
    result = _run(["."], tree, timeout=30)
    assert "nginx/pipe.conf: error E001" in result.stdout
    assert "named pipe" in result.stdout
    assert result.returncode == 1


def test_a_fifo_in_the_tree_or_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    tree = write_tree(tmp_path / "tree", {"nginx/site.conf": "server { listen 80; }\n"})
    _fifo(tree / "nginx/other.conf")
    _fifo(tree / "uwsgi/app.ini")
    result = _run([".", "nginx/other.conf"], tree, timeout=30)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


def test_read_text_refuses_special_files(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "pipe")
    text = read_text(str(fifo), "pipe")
    assert text.text is None and "named pipe" in text.problems[0].message
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "pipe")
    assert read_text(str(link), "link").text is None   # a final link is never followed
    assert read_text("/dev/null", "/dev/null").problems[0].message.startswith("is a character device")


def test_live_host_never_reads_pseudo_files(tmp_path: Path) -> None:
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    for path in ("/proc/self/environ", "/proc/self/cmdline", "/sys/kernel/hostname", "/dev/zero"):
        text = ctx.read(path)
        assert text.text is None, path


def test_live_walk_skips_pseudo_filesystems(tmp_path: Path) -> None:
    """``check /`` does not walk /proc, /sys, /dev or /run (here: links to them)."""
    tree = write_tree(tmp_path / "host", {"proc": "@link:/proc", "dev": "@link:/dev",
                                          "nginx/site.conf": "server { listen 80; }\n"})
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    found = discover([str(tree)], ctx)
    assert [f.display for f in found.files] == ["host/nginx/site.conf"]


def test_a_reader_used_alone_is_not_confined(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a/x.conf": "server { listen 80; }\n", "b/y.conf": "server { listen 81; }\n"})
    assert ReadContext(mode="repository", cwd=str(tmp_path)).read(str(tmp_path / "a/x.conf")).text is not None
    confined = ReadContext(mode="repository", cwd=str(tmp_path))
    confined.limit_to([str(tmp_path / "b")])
    assert confined.read(str(tmp_path / "a/x.conf")).problems[0].kind == "outside-checked-tree"


@pytest.fixture
def mounts():
    """``mount(kind, where)``; every mount made is undone after the test. Needs root."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount(8) to mount file systems in a test tree")
    made: list[Path] = []

    def mount(kind: str, where: Path) -> None:
        where.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", kind, kind, str(where)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount {kind} here: {done.stderr.strip()}")
        made.append(where)

    try:
        yield mount
    finally:
        for where in reversed(made):
            subprocess.run(["umount", str(where)], check=True)


def test_checking_a_host_root_skips_pseudo_filesystems_and_other_mounts(tmp_path: Path, mounts) -> None:
    """``check /`` on a controlled tree (a snapshot's root: the same walk as this machine's /):
    a proc mounted at proc/, a tmpfs at run/ and another file system at mnt/backup are not
    walked; the same configs in a folder of the root's file system are (near miss)."""
    site = "server { listen 80; location / { uwsgi_pass 127.0.0.1:1; } }\n"
    root = write_tree(tmp_path / "host", {"etc/nginx/sites-enabled/app": site, "srv/backup/nginx/old.conf": site})
    mounts("proc", root / "proc")
    mounts("tmpfs", root / "run")
    mounts("tmpfs", root / "mnt/backup")
    (root / "run/nginx").mkdir()
    (root / "run/nginx/app.conf").write_text(site)
    (root / "mnt/backup/nginx").mkdir()
    (root / "mnt/backup/nginx/app.conf").write_text(site)

    ctx = ReadContext(mode="snapshot", root=str(root), cwd=str(tmp_path))
    found = discover([str(root)], ctx)

    assert [f.display for f in found.files] == ["host/etc/nginx/sites-enabled/app", "host/srv/backup/nginx/old.conf"]
    assert not any(f.display.startswith("host/proc/") for f in found.skipped)
    # A folder below the root, not the root itself: nothing is left out.
    inner = discover([str(root / "mnt")], ReadContext(mode="snapshot", root=str(root), cwd=str(tmp_path)))
    assert [f.display for f in inner.files] == ["host/mnt/backup/nginx/app.conf"]


def test_cached_resolution_gives_what_a_fresh_one_gives(tmp_path: Path) -> None:
    """ReadContext caches where each directory resolves: every path resolves as it does in
    a context that never saw another (links relative and absolute, to directories and
    files, ``..`` above the root, a loop, a dangling link), and ``realpath`` is
    ``os.path.realpath``."""
    root = write_tree(tmp_path / "host", {"etc/app/a.conf": "a\n", "srv/b.conf": "b\n", "outside.conf": "o\n"})
    links = {
        "etc/abs": "/srv", "etc/rel": "../srv", "etc/app/up": "../..", "etc/file": "/etc/app/a.conf",
        "etc/loop": "loop", "etc/dangling": "/nowhere", "etc/climb": "../../../../srv", "srv/back": "/etc/app",
    }
    for name, target in links.items():
        os.symlink(target, root / name)
    names = ["a.conf", "b.conf", "x", "..", "abs", "rel", "up", "file", "loop", "dangling", "climb", "back", "app"]
    directories = ["etc", "etc/app", "etc/abs", "etc/rel", "etc/app/up/srv", "etc/loop", "etc/climb",
                   "srv/back", "etc/dangling", "etc/../..", "srv/back/up/etc"]
    paths = [str(root / d / n) for d in directories for n in names]
    warm = ReadContext(mode="snapshot", root=str(root))
    for path in paths + paths[::-1]:
        fresh = ReadContext(mode="snapshot", root=str(root))
        assert warm.confine(path) == fresh.confine(path), path
        assert warm.realpath(path) == os.path.realpath(path), path
