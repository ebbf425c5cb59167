"""Debian's packaged uWSGI: only what apps-enabled names runs (/etc/init.d/uwsgi lists
``find /etc/uwsgi/apps-enabled -xtype f``, and ``start NAME`` looks there too)."""
from __future__ import annotations

import shutil
from pathlib import Path

from wsgilint.api import check

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).parent.parent / "examples" / "debian-host"


def test_an_app_only_in_apps_available_does_not_run(in_tmp):
    shutil.copytree(FIXTURES / "X101" / "debian-app-available-not-enabled", in_tmp / "host", symlinks=True)
    result = check(["host"])

    assert [s.name for s in result.deployment.app_servers] == ["blog"]
    # nginx passing to the app that never starts: an error, not the info that assumes it binds there.
    assert [(f.code, f.severity, f.at.path) for f in result.findings] == [
        ("X101", "error", "host/etc/nginx/sites-available/shop")]
    reason = next(f.reason for f in result.files if f.display == "host/etc/uwsgi/apps-available/shop.ini")
    assert "not enabled: no link in host/etc/uwsgi/apps-enabled names it" in reason


def test_linking_it_from_apps_enabled_makes_it_run(in_tmp):
    shutil.copytree(FIXTURES / "X101" / "debian-app-available-not-enabled", in_tmp / "host", symlinks=True)
    (in_tmp / "host/etc/uwsgi/apps-enabled/shop.ini").symlink_to("../apps-available/shop.ini")
    result = check(["host"])

    assert sorted(s.name for s in result.deployment.app_servers) == ["blog", "shop"]
    assert result.findings == []
    assert not any("not enabled" in f.reason for f in result.files)


def test_a_repository_without_apps_enabled_reads_apps_available_as_before(in_tmp):
    """Nothing tells whether a deploy step links it: the ini is an app of its own."""
    shutil.copytree(EXAMPLE / "etc/uwsgi/apps-available", in_tmp / "deploy/uwsgi/apps-available")
    result = check(["deploy"])
    assert [s.name for s in result.deployment.app_servers] == ["shop"]
    assert not any("not enabled" in f.reason for f in result.files)
