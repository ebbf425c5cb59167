"""Rules whose truth depends on a program's version follow the version they are given."""
from conftest import PROJECT

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.model.build import _installed_versions

X108_CASE = PROJECT / "tests" / "fixtures" / "X108" / "supervisor-default-term"


def codes(**versions):
    return [f.code for f in check([str(X108_CASE)], versions=versions).findings]


def test_uwsgi_2_0_reloads_on_term_and_2_1_does_not():
    assert "X108" in codes()
    assert "X108" in codes(uwsgi="2.0.21")
    assert "X108" not in codes(uwsgi="2.1.0")


def test_default_versions_are_noted():
    host = check([str(X108_CASE)]).deployment.host
    assert host.versions["uwsgi"].value == "2.0.31"
    assert host.version("gunicorn") == (27, 0, 1)
    assert "assumed" in host.versions["supervisor"].note


def test_installed_versions_come_from_the_package_database(tmp_path, monkeypatch):
    status = tmp_path / "status"
    status.write_text(
        "Package: uwsgi-core\nStatus: install ok installed\nVersion: 2.0.21-5.1\n\n"
        "Package: supervisor\nStatus: deinstall ok config-files\nVersion: 4.2.5-1\n\n"
        "Package: python3-gunicorn\nStatus: install ok installed\nVersion: 20.1.0-6\n\n"
    )
    ctx = ReadContext(mode="live")
    monkeypatch.setattr(ctx, "local", lambda path, base_dir=None: str(status) if path == "/var/lib/dpkg/status" else None)
    found = _installed_versions(ctx)
    assert {k: v.value for k, v in found.items()} == {"uwsgi": "2.0.21", "gunicorn": "20.1.0"}


def test_enable_threads_matters_before_2_0_27_and_exposure_is_milder_in_2_1(tmp_path):
    (tmp_path / "uwsgi.ini").write_text("[uwsgi]\nsocket = 0.0.0.0:3031\nenable-threads = true\nvacuum = true\n")
    by_code = lambda **v: {f.code: f for f in check([str(tmp_path)], versions=v).findings}
    assert "U120" in by_code() and "U120" not in by_code(uwsgi="2.0.21")
    assert by_code()["U108"].severity == "error"
    assert by_code(uwsgi="2.1.0")["U108"].severity == "warning"
