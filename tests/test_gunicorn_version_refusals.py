"""A value only newer Gunicorn refuses: E002 follows the version the check is told.

Gunicorn 23.0.0 began checking each entry of forwarded_allow_ips and proxy_allow_ips as an
address (22.0.0 took any text), so `forwarded_allow_ips = "nginx"` stops 23.0+ at start and
is taken as written by older ones.
"""
from __future__ import annotations

from conftest import PROJECT

from wsgilint.api import check

CASE = PROJECT / "tests" / "fixtures" / "E002" / "gunicorn-forwarded-allow-ips-host-name-version-assumed"


def e002(versions: dict[str, str] | None = None) -> list[tuple[str, int, str, str]]:
    result = check([str(CASE)], select=("E002",), versions=versions, cwd=str(CASE))
    return [(f.at.path, f.at.line, f.severity, f.message) for f in result.findings]


def test_assumed_version_is_a_warning_that_names_it() -> None:
    found = e002()
    assert [(path, line, severity) for path, line, severity, _ in found] == [
        ("gunicorn.conf.py", 3, "warning"), ("supervisord.conf", 9, "warning")]
    assert all("from 23.0.0 on and Gunicorn 27.0.1 is assumed" in message for *_, message in found)


def test_a_version_that_checks_the_value_is_an_error() -> None:
    found = e002({"gunicorn": "23.0.0"})
    assert [(path, line, severity) for path, line, severity, _ in found] == [
        ("gunicorn.conf.py", 3, "error"), ("supervisord.conf", 9, "error")]
    assert not any("assumed" in message for *_, message in found)


def test_an_older_version_takes_the_value() -> None:
    assert e002({"gunicorn": "22.0.0"}) == []
