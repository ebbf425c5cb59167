"""Encodings and line endings: values are read right whatever the bytes, and a file
that is not UTF-8 is reported once (E005) at its first offending line.

Every format gets the same three-line head — a header, a comment holding non-ASCII
text, the option under test on line 3 — written in each encoding.
"""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.core.context import ReadContext

COMMENT_TEXT = "项目路径 café"

# format: (path in the tree, comment prefix, the lines, option key, expected value)
FORMATS = {
    "uwsgi": ("etc/uwsgi/app.ini", "#", ["[uwsgi]", None, "processes = 4", "socket = /run/app.sock",
                                         "vacuum = true", "master = true"], "processes", "4"),
    "nginx": ("etc/nginx/conf.d/app.conf", "#", ["server {", None, "    listen 8080;",
                                                 "    location / { uwsgi_pass unix:/run/app.sock; }", "}"],
              "listen", "8080"),
    "supervisor": ("etc/supervisor/conf.d/app.conf", ";", ["[program:app]", None,
                                                           "command=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini",
                                                           "stopsignal=QUIT"],
                   "command", "/usr/bin/uwsgi --ini /etc/uwsgi/app.ini"),
    "systemd": ("etc/systemd/system/app.service", "#", ["[Service]", None, "User=www-data",
                                                        "ExecStart=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini"],
                "User", "www-data"),
    "gunicorn": ("srv/app/gunicorn.conf.py", "#", ["import os", None, "workers = 4",
                                                   "bind = 'unix:/run/gunicorn.sock'"], "workers", 4),
}


def encoded(lines: list[str], variant: str) -> tuple[bytes, int | None]:
    """The file's bytes and the line E005 must name (None: no E005)."""
    newline = "\r\n" if variant == "crlf" else "\n"
    text = newline.join(lines) + ("" if variant == "no-final-newline" else newline)
    if variant in ("utf-8", "crlf", "no-final-newline"):
        return text.encode("utf-8"), None
    if variant == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8"), None
    if variant == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le"), 1
    if variant == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be"), 1
    if variant in ("gbk", "gb18030"):
        return text.encode(variant, "replace"), 2
    if variant == "latin-1":
        return text.encode("latin-1", "replace"), 2
    raise ValueError(variant)


VARIANTS = ["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gbk", "gb18030", "latin-1", "crlf", "no-final-newline"]


def read_option(kind: str, path: Path, key: str, cwd: Path):
    """(value, line, column) of ``key`` as the format's reader gives it."""
    ctx = ReadContext(mode="repository", cwd=str(cwd))
    if kind == "uwsgi":
        from wsgilint.readers.uwsgi_ini import read_ini
        option = [o for o in read_ini(str(path), ctx).options if o.key == key][-1]
        return option.value, option.at.line, option.at.column
    if kind == "nginx":
        from wsgilint.readers.nginx import read_nginx_fragment
        pending, found = list(read_nginx_fragment(str(path), ctx).root.statements), []
        while pending:
            stmt = pending.pop()
            found += [stmt] if stmt.directive == key else []
            pending += stmt.block or []
        return found[0].args[0], found[0].value_at.line, found[0].value_at.column
    if kind == "supervisor":
        from wsgilint.readers.supervisor import read_supervisor
        value = read_supervisor(str(path), ctx).section("program:app").keys[key]
        return value.raw, value.at.line, value.at.column
    if kind == "systemd":
        from wsgilint.readers.systemd import read_unit
        entry = read_unit(str(path), ctx, []).last("Service", key)
        return entry.value, entry.at.line, entry.at.column
    from wsgilint.readers.gunicorn import read_gunicorn_config
    option = [o for o in read_gunicorn_config(str(path), ctx).options if o.key == key][-1]
    return option.value, option.at.line, option.at.column


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_value_and_undecodable_line(kind, variant, in_tmp):
    relative, prefix, lines, key, value = FORMATS[kind]
    lines = [line if line is not None else f"{prefix} {COMMENT_TEXT}" for line in lines]
    data, bad_line = encoded(lines, variant)
    write_tree(in_tmp, {relative: data})

    option_line = lines[2]
    column = option_line.index(str(value).split()[0]) + 1
    assert read_option(kind, in_tmp / relative, key, in_tmp) == (value, 3, column)

    result = check([str(in_tmp)])
    assert [f.kind for f in result.files] == [kind], result.files
    undecodable = [(f.at.path, f.at.line) for f in result.findings if f.code == "E005"]
    assert undecodable == ([(relative, bad_line)] if bad_line else [])
    assert not [f for f in result.findings if f.code in ("E001", "E002")], result.findings
    # Only the comment is beyond ASCII: harmless to a program that passes over a comment whole
    # (Supervisor decodes the whole file); a UTF-16 file is unreadable to all of them.
    harmless = variant in ("gbk", "gb18030", "latin-1") and kind != "supervisor"
    assert [f.severity for f in result.findings if f.code == "E005"] == (
        ["info" if harmless else "warning"] if bad_line else [])


def test_python_passes_over_a_comment_in_a_legacy_encoding_but_not_a_value():
    """What the Gunicorn config's E005 rests on: Python 3.11's compiler, which Gunicorn's
    config loader runs, decodes the code of a file without a coding line as UTF-8 but skips a
    comment's bytes."""
    namespace: dict[str, object] = {}
    exec(compile("# 启动配置\nworkers = 2\n".encode("gbk"), "gunicorn.conf.py", "exec"), namespace)
    assert namespace["workers"] == 2
    with pytest.raises(SyntaxError):
        compile('proc_name = "门户"\n'.encode("gbk"), "gunicorn.conf.py", "exec")


def test_undecodable_line_is_the_first_bad_one(in_tmp):
    """Several bad lines, in a file read through an include: one E005, at the first."""
    write_tree(in_tmp, {
        "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app.sock\ninclude = extra.ini\nvacuum = true\n",
        "etc/uwsgi/extra.ini": b"[uwsgi]\nprocesses = 2\n# \xe9t\xe9\nthreads = 2\n# \xff\xfe\n",
    })
    result = check([str(in_tmp)])
    assert [(f.at.path, f.at.line) for f in result.findings if f.code == "E005"] == [("etc/uwsgi/extra.ini", 3)]


def test_crlf_leaves_no_carriage_return_in_values(in_tmp):
    write_tree(in_tmp, {"etc/uwsgi/app.ini": b"[uwsgi]\r\nchdir = /srv/app\r\nenv = A=b\r\n",
                        "etc/supervisor/conf.d/app.conf": b"[program:app]\r\ncommand=/bin/app\r\n  --flag\r\n"})
    from wsgilint.readers.supervisor import read_supervisor
    from wsgilint.readers.uwsgi_ini import read_ini

    ctx = ReadContext(cwd=str(in_tmp))
    options = {o.key: o.value for o in read_ini(str(in_tmp / "etc/uwsgi/app.ini"), ctx).options}
    assert options == {"chdir": "/srv/app", "env": "A=b"}
    command = read_supervisor(str(in_tmp / "etc/supervisor/conf.d/app.conf"), ctx).section("program:app").keys["command"]
    assert "\r" not in command.raw and command.raw.split() == ["/bin/app", "--flag"]
