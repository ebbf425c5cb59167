"""The facts the model computes once about uWSGI configs, for the rules about its INI lexer
and option names: section headers, comments, inline-comment cuts, stray `%`, option meaning."""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.model import Span, UwsgiConfig
from wsgilint.model.uwsgi import uwsgi_from_argv, uwsgi_from_ini
from wsgilint.model.uwsgi_options import (
    aliases_of,
    canonical,
    defined_elsewhere,
    forces_master,
    handler,
    is_option,
    is_scalar,
    suggest,
    uwsgi_bool,
    value_kind,
)
from wsgilint.model.uwsgi_values import changed_ini_values, ini_paths, unquoted


def config_of(tmp_path: Path, text: str) -> UwsgiConfig:
    path = tmp_path / "site.ini"
    path.write_text(text)
    server, _ = uwsgi_from_ini(str(path), ReadContext(mode="live", cwd=str(tmp_path)))
    assert server.uwsgi_config is not None
    return server.uwsgi_config


def test_headers_and_the_section_meant(tmp_path: Path) -> None:
    config = config_of(tmp_path, "[uwsgi] ; main\nmaster = true\n[ app ]\n[UWSGI]\n[other]\n")
    assert (config.section, config.section_found) == ("uwsgi", False)
    assert [(h.name, h.meant) for h in config.headers] == [
        ("uwsgi] ; mai", "uwsgi"), (" app ", "app"), ("UWSGI", "uwsgi"), ("other", None)]
    assert config.headers[0].at == Span("site.ini", 1, 1, 15)
    assert config.ini_files == frozenset({"site.ini"})
    assert config.changed_values == ()


def test_comments_that_join_the_next_line(tmp_path: Path) -> None:
    config = config_of(tmp_path, "[uwsgi]\n# below 80%\nharakiri = 30\n; plain\n")
    assert [(c.text, c.joins_next_line) for c in config.comments] == [
        ("# below 80harakiri = 30", True), ("; plain", False)]


def test_inline_comment_cut(tmp_path: Path) -> None:
    config = config_of(tmp_path, "[uwsgi]\nmaster = false # off\nsocket = /run/a#b.sock\nprocesses = ;4\n")
    cuts = [(v.option.key, v.written, v.inline_comment) for v in config.changed_values]
    # `#` inside a word is part of the path: the socket's value is not changed.
    assert [(key, written) for key, written, _ in cuts] == [("master", "false # off"), ("processes", ";4")]
    master = cuts[0][2]
    assert master is not None and (master.text, master.before) == ("# off", "false")
    assert master.at == Span("site.ini", 2, 16, 21)
    processes = cuts[1][2]
    assert processes is not None and (processes.text, processes.before) == (";4", "")


def test_stray_percent(tmp_path: Path) -> None:
    config = config_of(tmp_path, "[uwsgi]\nlog-date = %Y-%%m\nchdir = %d/app 50%q\nx = 100%\ny = end\nz = %(x)\n")
    strays = {v.option.key: v.stray_percent for v in config.changed_values}
    log_date = strays["log-date"]
    assert log_date is not None and log_date.strftime and log_date.written == ("%Y",)
    assert log_date.at == Span("site.ini", 2, 12, 14)
    chdir = strays["chdir"]
    assert chdir is not None and not chdir.strftime and chdir.written == ("%q",) and not chdir.joins_next_line
    joined = strays["x"]
    assert joined is not None and joined.joins_next_line
    assert "z" not in strays                       # a placeholder is no stray


def test_command_line_options_are_no_ini_values(tmp_path: Path) -> None:
    (tmp_path / "blog.ini").write_text("[uwsgi]\nsocket = :3031 # tcp\n")
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    server, _ = uwsgi_from_argv(["--ini", "blog.ini", "--master", "--processes", "2 # two"], Span("cmd", 1), ctx,
                                str(tmp_path), {})
    assert [v.option.key for v in changed_ini_values(server)] == ["socket"]
    assert server.uwsgi_config is not None and server.uwsgi_config.section_found


def test_deployment_keeps_every_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "base.ini").write_text("[uwsgi]\nprocesses = 2\n")
    (tmp_path / "app.ini").write_text("[uwsgi] ; app\n[uwsgi]\ninclude = base.ini\nmodule = app.wsgi\n")
    monkeypatch.chdir(tmp_path)
    deployment = check(["."]).deployment
    assert sorted(c.path for c in deployment.uwsgi_configs) == ["app.ini", "base.ini"]
    assert [s.name for s in deployment.app_servers] == ["app"]     # base.ini folds into app.ini
    assert ini_paths(deployment) == {"app.ini", "base.ini"}


def test_option_meaning() -> None:
    assert uwsgi_bool("false") is False and uwsgi_bool("false # x") is True and uwsgi_bool(None) is True
    assert is_option("http-socket") and not is_option("http_socket")
    assert canonical("workers") == "processes" and aliases_of("chmod") == ("chmod-socket", "chmod")
    assert suggest("vaccum") == "vacuum" and suggest("vacuum") is None
    # `server = /var/run/nginx.sock` meant `socket`; `no-server` is the flag that turns it off.
    assert suggest("server") is None and suggest("enable-thread") == "enable-threads"
    assert defined_elsewhere("php-docroot") == "php" and defined_elsewhere("end") == "core"
    assert defined_elsewhere("vacuum") is None
    assert (handler("master"), value_kind("master"), value_kind("processes")) == ("true", "bool", "int")
    assert value_kind("chmod-socket") == "chmod" and value_kind("my-placeholder") == "unknown"
    assert is_scalar("processes") and not is_scalar("socket")
    assert forces_master("stats") and not forces_master("processes")
    assert unquoted('"4"') == "4" and unquoted("'a\"") is None and unquoted('"') is None
