"""Suppression comments, in each format's own comment syntax."""
from __future__ import annotations

from pathlib import Path

from conftest import write_tree

from wsgilint.api import check

X101_NGINX = "server {{\n    listen 80;\n    location / {{\n        include uwsgi_params;\n{above}" \
             "        uwsgi_pass 0.0.0.0:8001;{trailing}\n    }}\n}}\n"
X101_INI = "[uwsgi]\nsocket = 0.0.0.0:18001\nmodule = app.wsgi\n"


def _codes(tree: Path, **options: object) -> list[str]:
    return [f.code for f in check([str(tree)], **options).findings]  # type: ignore[arg-type]


def _x101(tmp_path: Path, above: str = "", trailing: str = "", ini: str = X101_INI) -> Path:
    return write_tree(tmp_path, {"deploy/nginx.conf": X101_NGINX.format(above=above, trailing=trailing),
                                 "deploy/uwsgi.ini": ini})


def test_without_a_comment_the_finding_is_reported(tmp_path):
    assert "X101" in _codes(_x101(tmp_path))


def test_nginx_trailing_comment_suppresses_its_line(tmp_path):
    codes = _codes(_x101(tmp_path, trailing="  # wsgilint: ignore[X101] bound by the Emperor"))
    assert "X101" not in codes and "L101" not in codes


def test_nginx_comment_above_suppresses_the_next_line(tmp_path):
    result = check([str(_x101(tmp_path, above="        # wsgilint: ignore[pass-target-mismatch] known\n"))])
    assert "X101" not in [f.code for f in result.findings]
    assert [s.finding.code for s in result.suppressed] == ["X101"]


def test_a_cross_file_finding_is_suppressed_at_its_other_end(tmp_path):
    # X101's related place is the nearest listener, in uwsgi.ini: a comment there covers it.
    ini = "[uwsgi]\n# wsgilint: ignore[X101] nginx reaches it through a tunnel\nsocket = 0.0.0.0:18001\nmodule = app.wsgi\n"
    assert "X101" not in _codes(_x101(tmp_path, ini=ini))


def test_uwsgi_keeps_a_trailing_comment_so_it_suppresses_nothing(tmp_path):
    tree = write_tree(tmp_path, {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app.sock\n"
                                                     "master = true # wsgilint: ignore[U110] reason\n"})
    codes = _codes(tree)
    assert "U102" in codes      # the comment is part of the value, as uWSGI reads it


def test_uwsgi_comment_above_suppresses(tmp_path):
    tree = write_tree(tmp_path, {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\n"
                                                     "# wsgilint: ignore[U106] the socket is abstract in production\n"
                                                     "socket = /run/app.sock\nmaster = true\nharakiri = 30\n"})
    assert "U106" in _codes(write_tree(tmp_path / "plain", {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\n"
                                                             "socket = /run/app.sock\nmaster = true\nharakiri = 30\n"}))
    assert "U106" not in _codes(tree / "deploy")


def test_supervisor_semicolon_after_a_space_suppresses_its_line(tmp_path):
    conf = "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app -D ; wsgilint: ignore[X107] a test fixture\n"
    plain = "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app -D\n"
    assert "X107" in _codes(write_tree(tmp_path / "a", {"supervisor/conf.d/app.conf": plain}))
    assert "X107" not in _codes(write_tree(tmp_path / "b", {"supervisor/conf.d/app.conf": conf}))


def test_ignore_file_covers_every_line(tmp_path):
    codes = _codes(_x101(tmp_path, above="        # wsgilint: ignore-file[X1] a generated example\n"))
    assert not [c for c in codes if c.startswith("X1")]


def test_unknown_code_is_reported(tmp_path):
    result = check([str(_x101(tmp_path, trailing="  # wsgilint: ignore[X1O1] typo"))])
    [l101] = [f for f in result.findings if f.code == "L101"]
    assert "`X1O1` names no rule" in l101.message
    assert "X101" in [f.code for f in result.findings]


def test_unused_suppression_is_reported_unless_its_rule_did_not_run(tmp_path):
    tree = write_tree(tmp_path, {"deploy/nginx.conf": "server {\n    listen 80;\n"
                                                      "    # wsgilint: ignore[N102] nothing here\n"
                                                      "    location / {\n        return 200;\n    }\n}\n"})
    assert "L101" in _codes(tree)
    assert "L101" not in _codes(tree, select=("X", "L"))


def test_a_reason_is_required_when_asked(tmp_path):
    tree = _x101(tmp_path, trailing="  # wsgilint: ignore[X101]")
    assert [f.severity for f in check([str(tree)]).findings if f.code == "L102"] == ["info"]
    assert [f.severity for f in check([str(tree)], require_reason=True).findings if f.code == "L102"] == ["error"]
