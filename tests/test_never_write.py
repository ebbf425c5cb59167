"""A check leaves the checked tree exactly as it was: no new file, no cache, no
changed time, size or mode — with every output format, and with ``--diff``. Only
``--fix`` writes, and only the files of the checked tree it fixes.

The tree is a copy of the seed example plus, when the corpus is here, its bundles
(which hold Python files that an importing tool would leave ``__pycache__`` beside).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import CORPUS, PROJECT


def snapshot(root: Path) -> dict[str, tuple]:
    """Every path under root (root included) with what a write would change."""
    found = {}
    for directory, dirs, files in os.walk(root):
        for name in [".", *dirs, *files]:
            path = os.path.normpath(os.path.join(directory, name))
            info = os.lstat(path)
            found[os.path.relpath(path, root)] = (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    return found


@pytest.fixture(scope="module")
def checked_tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("never-write")
    tree = root / "tree"
    shutil.copytree(PROJECT / "examples/seed-django", tree / "seed-django", symlinks=True)
    if (CORPUS / "bundles").is_dir():
        shutil.copytree(CORPUS / "bundles", tree / "bundles", symlinks=True)
    return tree


def run_cli(tree: Path, home: Path, *args: str, env_extra: dict[str, str] | None = None,
            code: str | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
           "PYTHONPATH": str(PROJECT), **(env_extra or {})}
    command = [sys.executable, "-c", code, str(tree), *args] if code else \
        [sys.executable, "-m", "wsgilint", "check", str(tree), *args]
    return subprocess.run(command, cwd=str(tree), env=env, capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize("output_format", ["console", "json", "github"])
def test_each_format_leaves_the_tree_untouched(checked_tree, tmp_path, output_format):
    home = tmp_path / "home"
    home.mkdir()
    before = snapshot(checked_tree)
    done = run_cli(checked_tree, home, "--format", output_format, "--verbose")
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    after = snapshot(checked_tree)
    assert sorted(set(after) - set(before)) == []
    assert sorted(set(before) - set(after)) == []
    assert {p: v for p, v in after.items() if before[p] != v} == {}
    assert list(home.iterdir()) == []
    assert not [p for p in checked_tree.rglob("*") if p.name in ("__pycache__", ".wsgilint", ".wsgilint_cache")]


_AUDITED_CLI = textwrap.dedent("""\
    import json, os, runpy, sys
    writes = []
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (flags or 0) & WRITE_FLAGS:
                writes.append([event, str(path)])
        elif event in ("os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.truncate", "os.chmod", "os.chown",
                       "os.utime", "os.symlink", "os.link", "shutil.copyfile", "shutil.rmtree"):
            writes.append([event, repr(args)[:200]])

    sys.addaudithook(hook)
    sys.argv = ["wsgilint", "check", sys.argv[1], "--format", "json", "--fail-on", "never", *sys.argv[2:]]
    try:
        runpy.run_module("wsgilint", run_name="__main__", alter_sys=True)
    except SystemExit as done:
        code = done.code
    sys.stderr.write("\\nAUDIT " + json.dumps({"writes": writes, "code": code}) + "\\n")
""")


def test_no_write_is_even_attempted(checked_tree, tmp_path):
    """Not only in the tree: the run opens nothing for writing anywhere (bytecode writing off)."""
    home = tmp_path / "home"
    home.mkdir()
    done = run_cli(checked_tree, home, code=_AUDITED_CLI, env_extra={"PYTHONDONTWRITEBYTECODE": "1"})
    audit = json.loads(done.stderr.rsplit("AUDIT ", 1)[1])
    assert audit["code"] == 0, done.stderr
    assert audit["writes"] == []


@pytest.mark.parametrize("args", [["--diff"], ["--diff", "--unsafe-fixes"], ["--unsafe-fixes"]])
def test_only_fix_writes(checked_tree, tmp_path, args):
    """--diff shows the fixes and --unsafe-fixes alone selects them: neither opens a file for writing."""
    home = tmp_path / "home"
    home.mkdir()
    before = snapshot(checked_tree)
    done = run_cli(checked_tree, home, *args, code=_AUDITED_CLI, env_extra={"PYTHONDONTWRITEBYTECODE": "1"})
    audit = json.loads(done.stderr.rsplit("AUDIT ", 1)[1])
    assert audit["code"] in (0, 1), done.stderr
    assert audit["writes"] == []
    assert snapshot(checked_tree) == before
    if "--diff" in args:
        assert done.stdout.startswith("--- a/"), "the seed example has something to fix"


def test_fix_writes_only_the_files_it_fixes(tmp_path):
    """The tree holds one file to fix beside others; the run writes a temporary file beside
    it and renames it over it, and touches nothing else, in the tree or out of it."""
    tree = tmp_path / "tree"
    shutil.copytree(PROJECT / "tests/fixtures/U106/fix-adds-vacuum", tree,
                    ignore=shutil.ignore_patterns("fixed", "expected.txt"))
    (tree / "other.ini").write_text("[uwsgi]\nsocket = 127.0.0.1:3031\nvacuum = true\n")
    home = tmp_path / "home"
    home.mkdir()
    before = snapshot(tree)
    done = run_cli(tree, home, "--fix", code=_AUDITED_CLI, env_extra={"PYTHONDONTWRITEBYTECODE": "1"})
    audit = json.loads(done.stderr.rsplit("AUDIT ", 1)[1])
    assert audit["code"] == 0, done.stderr
    # (the second open is of the temporary file's descriptor, by number)
    opened = [path for event, path in audit["writes"] if event == "open" and not path.isdigit()]
    assert len(opened) == 1 and os.path.dirname(opened[0]) == str(tree)
    assert os.path.basename(opened[0]).startswith(".uwsgi.ini.")
    assert [event for event, _ in audit["writes"]] == ["open", "open", "os.chmod", "os.chown", "os.rename"]
    assert str(tree / "uwsgi.ini") in audit["writes"][-1][1]
    after = snapshot(tree)
    assert sorted(after) == sorted(before)
    assert {p for p in after if after[p] != before[p]} == {".", "uwsgi.ini"}   # the folder's times: the rename
    assert list(home.iterdir()) == []
