"""The model's typed views of Gunicorn config files and systemd units, built once per deployment."""
from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import write_tree

from wsgilint.api import check
from wsgilint.model import Span

_PROGRAM = "[program:{0}]\ncommand=/srv/venv/bin/gunicorn -c /srv/app/gunicorn.conf.py {0}:app\n"


def test_gunicorn_config_view_judges_each_name_once(in_tmp: Path) -> None:
    write_tree(in_tmp, {
        "etc/supervisor/conf.d/apps.conf": _PROGRAM.format("one") + _PROGRAM.format("two"),
        "srv/app/gunicorn.conf.py": textwrap.dedent("""\
            import os
            port = 8000
            bind = f"127.0.0.1:{port}"
            Workers = 3
            access_logfile = "-"
            preload = os.environ.get("PRELOAD")
            bnd = "x"
            backlog: 64
            mystery: int
        """),
    })
    config, = check(["."]).deployment.gunicorn_configs    # loaded by two programs, shown once
    assert config.path == "srv/app/gunicorn.conf.py"
    assert [(o.key, o.value) for o in config.settings] == [("bind", ["127.0.0.1:8000"])]
    names = {n.name: n for n in config.other_names}
    assert names["port"].referenced and not names["Workers"].referenced
    assert names["Workers"].meant == "workers" and names["Workers"].differs_only_in_case
    assert names["access_logfile"].meant == "accesslog" and not names["access_logfile"].differs_only_in_case
    assert names["preload"].unresolved and names["preload"].meant == "reload"   # not --preload: a run-time value
    assert names["bnd"].meant == "bind" and names["bnd"].at.line == 7
    backlog, mystery = config.annotations
    assert (backlog.name, backlog.source, backlog.written, backlog.default) == ("backlog", "backlog: 64", "64", "2048")
    assert backlog.at == Span("srv/app/gunicorn.conf.py", 8, 10, 12)
    assert mystery.default is None     # not a setting


def test_systemd_unit_view_judges_entries_once(in_tmp: Path) -> None:
    write_tree(in_tmp, {
        "etc/systemd/system/web.service": (
            "[Unit]\nDescrption=web\n[Service]\nDynamicUser=yes\nEnvironment=PATH=/srv/venv/bin\n"
            "ExecStart=-gunicorn 'app:app'\nX-Custom=1\n[Install]\nWantedBy=multiuser.target\n[Servce]\nUser=x\n"),
        "etc/systemd/system/web.service.d/override.conf": "[Service]\nDynamicUser=no\n",
    })
    unit, = check(["."]).deployment.systemd_units
    assert (unit.name, unit.kind, unit.path, unit.user_unit) == (
        "web.service", "service", "etc/systemd/system/web.service", False)
    assert unit.dropins == ("etc/systemd/system/web.service.d/override.conf",)
    assert unit.manager is not None and unit.manager.name == "web.service"
    assert [(s.name, s.known, s.meant) for s in unit.sections] == [
        ("Unit", True, None), ("Service", True, None), ("Install", True, None), ("Servce", False, "Service"),
        ("Service", True, None)]
    entries = {(e.section, e.key): e for e in unit.entries}
    typo = entries["Unit", "Descrption"]
    assert (typo.known, typo.meant, typo.key_at) == (False, "Description", Span(typo.at.path, 2, 1, 11))
    assert entries["Service", "X-Custom"].known is None and entries["Servce", "User"].known is None
    assert [e.boolean for e in unit.entries if e.key == "DynamicUser"] == [True, False]   # the drop-in's wins
    assert unit.flag("Service", "DynamicUser") is False and unit.flag("Service", "Environment") is None
    (entry, command), = unit.commands
    assert entry.key == "ExecStart" and command.prefixes == "-"
    assert command.argv == ("gunicorn", "app:app") and command.program == "gunicorn"
    assert unit.path_environment is entries["Service", "Environment"] and not unit.has_exec_search_path
    assert entries["Install", "WantedBy"].misspelt_targets == (("multiuser.target", "multi-user.target"),)
