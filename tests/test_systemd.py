from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.core.span import Span
from wsgilint.model.managers import manager_from_unit
from wsgilint.readers.systemd import (
    RLIM_INFINITY,
    find_dropins,
    is_systemd_text,
    parse_environment,
    parse_exec,
    parse_limit,
    parse_timespan,
    read_unit,
)

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

UNIT = """\
[Unit]
Description=web
# comment
[Service]
Type=notify
User=app
Group=www-data
WorkingDirectory=-/srv/app
Environment="A=b c" D=e
Environment=F=g
EnvironmentFile=-/etc/default/web
ExecStart=/srv/venv/bin/gunicorn \\
    --bind unix:/run/web/web.sock app:app
KillSignal=SIGQUIT
KillMode=process
TimeoutStopSec=5min 20s
PrivateTmp=yes
RuntimeDirectory=web other
LimitNOFILE=4096:8192
[Install]
WantedBy=multi-user.target
"""


def unit_at(tmp_path: Path, name: str, text: str, dropins: dict[str, str] | None = None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    for dropin, body in (dropins or {}).items():
        target = tmp_path / f"{name}.d" / dropin
        target.parent.mkdir(exist_ok=True)
        target.write_text(body, encoding="utf-8")
    ctx = ReadContext(mode="repository", cwd=str(tmp_path))
    return read_unit(str(path), ctx, find_dropins(str(path), ctx)), ctx


def test_reads_keys_positions_and_continuations(tmp_path):
    unit, _ = unit_at(tmp_path, "web.service", UNIT)
    command, = unit.exec_start
    assert command.argv == ["/srv/venv/bin/gunicorn", "--bind", "unix:/run/web/web.sock", "app:app"]
    assert command.at.line == 12 and command.at.column == 11
    assert unit.last("Service", "User").at == Span("web.service", 6, 6, 9)
    assert {k: v for k, (v, _) in unit.environment.items()} == {"A": "b c", "D": "e", "F": "g"}
    assert [e.value for e in unit.environment_files] == ["-/etc/default/web"]
    assert [w for w, _ in unit.runtime_directories] == ["web", "other"]
    assert unit.problems == []


def test_manager_from_unit(tmp_path):
    unit, ctx = unit_at(tmp_path, "web.service", UNIT)
    manager = manager_from_unit(unit, ctx)
    assert manager.kind == "systemd" and manager.name == "web.service"
    assert manager.runs_program == "gunicorn"
    assert manager.user.value == "app" and manager.group.value == "www-data"
    assert manager.directory.value == "/srv/app"
    assert manager.service_type.value == "notify"
    assert manager.stop_signal.value == "QUIT"
    assert manager.stop_timeout.value == 320.0
    assert manager.kills_group.value is False
    assert manager.private_tmp.value is True
    assert [s.value for s in manager.runtime_directories] == ["web", "other"]
    assert manager.limit_nofile.value == 4096
    assert manager.options["Install.WantedBy"].value == "multi-user.target"


def test_manager_defaults(tmp_path):
    unit, _ = unit_at(tmp_path, "app.service", "[Service]\nExecStart=uwsgi --ini /etc/app.ini\n")
    manager = manager_from_unit(unit)
    assert manager.service_type.value == "simple" and manager.service_type.note == "systemd default"
    assert manager.stop_signal.value == "TERM" and manager.stop_signal.is_default
    assert manager.stop_timeout.value == 90.0
    assert manager.kills_group.value is True
    assert manager.private_tmp.value is False
    assert manager.limit_nofile is None


def test_no_manager_without_exec_start_or_for_sockets(tmp_path):
    unit, _ = unit_at(tmp_path, "web.socket", "[Socket]\nListenStream=/run/web.sock\n")
    assert manager_from_unit(unit) is None
    assert [e.value for e in unit.listen_streams] == ["/run/web.sock"]


def test_empty_assignment_resets_and_dropins_apply_in_name_order(tmp_path):
    unit, _ = unit_at(tmp_path, "web.service", "[Service]\nExecStart=/usr/bin/uwsgi --ini a.ini\nUser=a\n", {
        "20-user.conf": "[Service]\nUser=c\n",
        "10-exec.conf": "[Service]\nExecStart=\nExecStart=/usr/bin/gunicorn app\nUser=b\n",
    })
    assert [Path(p).name for p in unit.dropins] == ["10-exec.conf", "20-user.conf"]
    command, = unit.exec_start
    assert command.argv == ["/usr/bin/gunicorn", "app"]
    assert command.at.path.endswith("10-exec.conf")
    assert unit.last("Service", "User").value == "c"


def test_wrapper_shell_in_exec_start(tmp_path):
    unit, ctx = unit_at(tmp_path, "u.service",
                        "[Service]\nExecStart=/usr/bin/bash -c 'cd /app; source venv/bin/activate; uwsgi --ini a.ini'\n")
    manager = manager_from_unit(unit, ctx)
    assert manager.runs_program == "uwsgi"
    assert manager.wrapper_execs is True
    assert manager.argv.value == ["uwsgi", "--ini", "a.ini"]
    assert manager.options["command"].value.startswith("/usr/bin/bash -c")


def test_exec_prefixes_and_variables():
    command = parse_exec("-!!@/usr/bin/gunicorn gunicorn ${OPTS} $X", Span("u", 1))
    assert command.prefixes == "-!!@"
    assert command.argv == ["/usr/bin/gunicorn", "gunicorn", "${OPTS}", "$X"]
    assert command.unresolved
    assert parse_exec('/bin/x "unclosed', Span("u", 1)).error


@pytest.mark.parametrize("text, seconds", [
    ("90", 90.0), ("5min 20s", 320.0), ("1h", 3600.0), ("500ms", 0.5), ("infinity", float("inf")),
    ("2 min", 120.0), ("bogus", None),
])
def test_timespans(text, seconds):
    assert parse_timespan(text) == seconds


def test_limits_and_environment():
    assert parse_limit("infinity") == RLIM_INFINITY
    assert parse_limit("1024:4096") == 1024
    assert parse_limit("lots") is None
    assert parse_environment('"A=b c" D=e NOEQUALS') == {"A": "b c", "D": "e"}


def test_is_systemd_text():
    assert is_systemd_text("# x\n[Unit]\nDescription=d\n[Service]\nExecStart=/bin/x\n")
    assert not is_systemd_text("#!/bin/sh\nexec nginx -g 'daemon off;'\n[Service]\nExecStart=x\n")
    assert not is_systemd_text("[uwsgi]\nsocket=x\n")
    assert not is_systemd_text("[Unit]\nfoo=bar\n")
    # systemd ignores a key above the first section and loads the unit.
    assert is_systemd_text("Description=gunicorn socket\n\n[Socket]\nListenStream=/run/gunicorn.sock\n")
    assert not is_systemd_text("Description=x\n[uwsgi]\nsocket=x\n")
    assert not is_systemd_text("socket=x\n[Service]\nExecStart=x\n")
    assert not is_systemd_text("A=1\nB=2\nC=3\nD=4\n[Service]\nExecStart=x\n")
    assert not is_systemd_text("Description=x\nUser=y\n")


def test_line_without_equals_is_ignored_not_refused(tmp_path):
    # systemd-analyze verify (252): "Missing '=', ignoring line." and the unit loads.
    unit, _ = unit_at(tmp_path, "u.service", "[Service]\nExecStart=/bin/uwsgi\n    --die-on-term\n")
    assert unit.problems == []
    assert [(text, at.line, at.column) for text, at in unit.ignored] == [("--die-on-term", 3, 5)]
    assert unit.exec_start[0].argv == ["/bin/uwsgi"]


def test_corpus_units_read_without_raising():
    files = sorted((CORPUS / "systemd").glob("*")) if (CORPUS / "systemd").is_dir() else []
    if not files:
        pytest.skip(f"the config corpus is not at {CORPUS}")
    ctx = ReadContext(mode="repository")
    managers = [manager_from_unit(read_unit(str(f), ctx, []), ctx) for f in files]
    programs = {m.runs_program for m in managers if m}
    assert {"gunicorn", "uwsgi", "nginx"} <= programs


def test_instance_dropins_come_before_the_templates_in_each_unit_directory(tmp_path):
    """systemd's unit_file_find_dirs: per unit directory, ``app@one.service.d`` then
    ``app@.service.d``; a file name met first hides the same name later (also across
    directories: /etc's template folder hides /usr/lib's instance folder)."""
    from conftest import write_tree

    from wsgilint.readers.systemd import read_instance

    root = tmp_path / "host"
    write_tree(root, {
        "etc/systemd/system/app@.service": "[Service]\nExecStart=/usr/bin/gunicorn -b unix:/run/%i.sock app:app\n",
        "etc/systemd/system/app@.service.d/10-user.conf": "[Service]\nUser=template\n",
        "etc/systemd/system/app@.service.d/20-limit.conf": "[Service]\nLimitNOFILE=1024\n",
        "etc/systemd/system/app@one.service.d/10-user.conf": "[Service]\nUser=one\n",
        "etc/systemd/system/app@two.service.d/10-user.conf": "[Service]\nUser=two\n",
        "usr/lib/systemd/system/app@one.service.d/20-limit.conf": "[Service]\nLimitNOFILE=8\n",
        "usr/lib/systemd/system/app@one.service.d/30-group.conf": "[Service]\nGroup=www-data\n",
    })
    ctx = ReadContext(mode="snapshot", root=str(root), cwd=str(tmp_path))
    template_path = str(root / "etc/systemd/system/app@.service")
    template = read_unit(template_path, ctx, find_dropins(template_path, ctx))
    one = read_instance(template, "app@one.service", ctx)

    shown = [str(Path(p).relative_to(root)) for p in one.dropins]
    assert shown == ["etc/systemd/system/app@one.service.d/10-user.conf",
                     "etc/systemd/system/app@.service.d/20-limit.conf",
                     "usr/lib/systemd/system/app@one.service.d/30-group.conf"]
    assert [(e.key, e.value) for e in one.entries if e.key in ("User", "Group", "LimitNOFILE", "ExecStart")] == [
        ("ExecStart", "/usr/bin/gunicorn -b unix:/run/one.sock app:app"), ("User", "one"),
        ("LimitNOFILE", "1024"), ("Group", "www-data")]
    # The template as written keeps only its own drop-ins.
    assert template.last("Service", "User").value == "template"
    assert read_instance(template, "app@three.service", ctx).last("Service", "User").value == "template"


def test_drop_ins_found_with_the_listed_folders_are_those_asked_for_one_by_one(tmp_path: Path) -> None:
    # The build lists each unit directory once (``folders_with_dropins``) and asks for NAME.d
    # only where an entry ends with .d: the same drop-ins, in the same order, as asking always.
    root = tmp_path / "host"
    system = root / "etc/systemd/system"
    system.mkdir(parents=True)
    (root / "run/systemd").mkdir(parents=True)
    (root / "run/systemd/system").write_text("a file where a folder would be\n")
    (root / "usr/lib/systemd/system/web.service.d").mkdir(parents=True)
    (root / "usr/lib/systemd/system/web.service.d/10-a.conf").write_text("[Service]\n")
    (root / "usr/lib/systemd/system/web.service.d/20-b.conf").write_text("[Service]\n")
    (root / "lib").mkdir()
    (root / "lib/systemd").symlink_to(root / "usr/lib/systemd")
    (system / "web.service.d").mkdir()
    (system / "web.service.d/10-a.conf").write_text("[Service]\n")
    (system / "api.service.d").write_text("a file named like a drop-in folder\n")
    (system / "OTHER.D").mkdir()
    (system / "app@.service.d").mkdir()
    (system / "app@.service.d/x.conf").write_text("[Service]\n")
    (system / "linked.service.d").symlink_to(root / "usr/lib/systemd/system/web.service.d")
    (system / "dangling.service.d").symlink_to(root / "nowhere")
    names = ["web.service", "api.service", "linked.service", "dangling.service", "other.service", "OTHER",
             "app@one.service", "none.service"]
    for mode in ("snapshot", "repository"):
        ctx = ReadContext(mode=mode, root=str(root), cwd=str(tmp_path))
        listed: dict[str, bool] = {}
        for name in names:
            unit = str(system / name)
            assert find_dropins(unit, ctx, None, listed) == find_dropins(unit, ctx), (mode, name)
            assert find_dropins(unit, ctx, name, listed) == find_dropins(unit, ctx, name), (mode, name)
        if mode == "snapshot":
            assert listed[str(root / "run/systemd/system")] is False and listed[str(system)] is True
