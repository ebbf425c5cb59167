"""Bad input gets a located finding and the rest of the tree is still checked."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check

# Every tree also holds this file; its U101 proves the run went on past the bad input.
WITNESS = {"etc/uwsgi/witness.ini": "[uwsgi]\nsocket = 127.0.0.1:3031\nvaccum = true\n"}


def findings(tree):
    return [(f.code, f.at.path, f.at.line) for f in check([str(tree)]).findings]


def assert_witness(found):
    assert any(code == "U101" and path.endswith("witness.ini") for code, path, _ in found), found


def test_binary_file(in_tmp):
    write_tree(in_tmp, {**WITNESS, "etc/nginx/conf.d/blob.conf": b"server {\x00\x01\x02 listen 80; }\n"})
    found = findings(in_tmp)
    assert ("E001", "etc/nginx/conf.d/blob.conf", 0) in found
    assert_witness(found)


def test_git_crypt_file_is_an_info_not_an_error(in_tmp):
    # git-crypt's header, then ciphertext with NUL bytes: the deployed copy is decrypted.
    secret = b"\x00GITCRYPT\x00\xc6\t\xf9\x16j9\xa4\xfa\x00\x01" + bytes(range(256))
    write_tree(in_tmp, {**WITNESS, "nginx/uwsgi_params": secret, "nginx/conf.d/blob.conf": b"server {\x00 }\n"})
    result = check([str(in_tmp)])
    e001 = {f.at.path: (f.severity, f.message) for f in result.findings if f.code == "E001"}
    assert e001["nginx/uwsgi_params"][0] == "info" and "git-crypt" in e001["nginx/uwsgi_params"][1]
    assert e001["nginx/conf.d/blob.conf"][0] == "error"
    assert_witness([(f.code, f.at.path, f.at.line) for f in result.findings])


def test_gbk_comments(in_tmp):
    write_tree(in_tmp, {**WITNESS, "etc/uwsgi/app.ini": b"[uwsgi]\n" + "# 项目路径\n".encode("gbk")
                        + b"socket = /run/app.sock\nvacuum = true\n"})
    found = findings(in_tmp)
    assert ("E005", "etc/uwsgi/app.ini", 2) in found
    assert_witness(found)


def test_empty_files(in_tmp):
    write_tree(in_tmp, {**WITNESS, "etc/nginx/nginx.conf": "", "etc/uwsgi/empty.ini": "",
                        "etc/supervisor/conf.d/empty.conf": ""})
    found = findings(in_tmp)
    assert not [f for f in found if f[0].startswith("E")], found
    assert_witness(found)


def test_huge_file_is_bounded(in_tmp):
    write_tree(in_tmp, WITNESS)
    big = in_tmp / "etc/nginx/conf.d/huge.conf"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as handle:
        line = b"# " + b"x" * 1021 + b"\n"
        for _ in range(50 * 1024):
            handle.write(line)
    started = time.monotonic()
    found = findings(in_tmp)
    assert time.monotonic() - started < 20
    assert ("E001", "etc/nginx/conf.d/huge.conf", 0) in found
    assert_witness(found)


def test_symlink_loops(in_tmp):
    write_tree(in_tmp, WITNESS)
    (in_tmp / "etc/nginx/conf.d").mkdir(parents=True)
    os.symlink("..", in_tmp / "etc/nginx/conf.d/up")            # a directory loop: followed once
    os.symlink("b.conf", in_tmp / "etc/nginx/conf.d/a.conf")     # a file loop: a → b → a
    os.symlink("a.conf", in_tmp / "etc/nginx/conf.d/b.conf")
    (in_tmp / "etc/modules-load.d").mkdir()
    os.symlink("gone.conf", in_tmp / "etc/modules-load.d/modules.conf")   # not a kind wsgilint reads: silent
    found = findings(in_tmp)
    assert ("E001", "etc/nginx/conf.d/a.conf", 0) in found
    assert not [f for f in found if "modules-load.d" in f[1]]
    assert_witness(found)


def test_missing_include_and_cycle(in_tmp):
    write_tree(in_tmp, {**WITNESS,
                        "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/gone.conf;\n"
                                                "    include /etc/nginx/a.conf;\n}\n",
                        "etc/nginx/a.conf": "include /etc/nginx/a.conf;\n"})
    found = findings(in_tmp)
    assert ("E003", "etc/nginx/nginx.conf", 3) in found
    assert any(code == "E004" and path == "etc/nginx/a.conf" for code, path, _ in found)
    assert_witness(found)


def test_directory_where_a_file_was_expected(in_tmp):
    write_tree(in_tmp, {**WITNESS, "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/sites;\n}\n",
                        "etc/nginx/sites/app": "server { listen 80; }\n"})
    found = findings(in_tmp)
    assert any(code == "E001" and (path, line) in (("etc/nginx/nginx.conf", 3), ("etc/nginx/sites", 0))
               for code, path, line in found), found
    assert_witness(found)


@pytest.mark.skipif(not hasattr(os, "setuid") or os.geteuid() != 0, reason="needs root to drop privileges")
def test_unreadable_file_as_an_unprivileged_user():
    """Root reads everything, so the check runs in a child that drops to nobody."""
    tmp_path = Path(tempfile.mkdtemp(prefix="wsgilint-perm-"))
    try:
        _check_as_nobody(tmp_path)
    finally:
        shutil.rmtree(tmp_path)


def _check_as_nobody(tmp_path):
    write_tree(tmp_path, {**WITNESS, "etc/nginx/nginx.conf": "events {}\nhttp {}\n"})
    secret = tmp_path / "etc/supervisor/conf.d/secret.conf"
    write_tree(tmp_path, {"etc/supervisor/conf.d/secret.conf": "[program:x]\ncommand=/bin/true\n"})
    secret.chmod(0)
    for directory in [tmp_path, *tmp_path.rglob("*")]:
        if directory.is_dir():
            directory.chmod(0o755)
    for file in tmp_path.rglob("*"):
        if file.is_file() and file != secret:
            file.chmod(0o644)
    tmp_path.chmod(0o755)
    child = textwrap.dedent(f"""
        import json, os
        from wsgilint.api import check
        check([{str(tmp_path)!r}])        # load every module while still root
        os.setgid(65534); os.setuid(65534)
        result = check([{str(tmp_path)!r}])
        print(json.dumps([(f.code, f.at.path) for f in result.findings]))
    """)
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert ["E001", str(secret)] in found
    assert any(code == "U101" for code, _ in found)
