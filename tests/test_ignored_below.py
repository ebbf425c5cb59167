"""``ignored_below``: whether git leaves a file a build copies out of a checkout, asked as git
would answer (compared with `git check-ignore` where git is installed)."""
import shutil
import subprocess

import pytest

from wsgilint.core.gitignore import ignored_below

CASES = {
    "uwsgi.ini": True,                 # /uwsgi.ini, anchored at the top
    "sub/uwsgi.ini": False,            # ...so not below it
    "config/local.py": True,           # config/ ignores the whole folder
    "config/keep/settings.py": True,   # git does not look inside an ignored folder
    "app/settings.py": False,
    "app/secrets.env": True,           # *.env at any depth
    "app/public.env": False,           # re-included by the later !app/public.env
}


def _tree(tmp_path):
    (tmp_path / ".gitignore").write_text("/uwsgi.ini\nconfig/\n*.env\n!app/public.env\n")
    (tmp_path / "app").mkdir()
    return tmp_path


@pytest.mark.parametrize("relative,expected", sorted(CASES.items()))
def test_ignored_below(tmp_path, relative, expected):
    assert ignored_below(str(_tree(tmp_path)), str(tmp_path / relative)) is expected


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed here")
def test_agrees_with_git(tmp_path):
    tree = _tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    for relative, expected in CASES.items():
        answered = subprocess.run(["git", "-C", str(tree), "check-ignore", "-q", "--no-index", relative])
        assert (answered.returncode == 0) is expected, relative
