"""G107 holds only for Gunicorn 25.1 and later, which open a control socket by default."""
from pathlib import Path

from wsgilint.api import check

APPS = ("[program:shop]\ncommand=/srv/shop/venv/bin/gunicorn -b 127.0.0.1:8001 shop.wsgi\n\n"
        "[program:blog]\ncommand=/srv/blog/venv/bin/gunicorn -b 127.0.0.1:8002 blog.wsgi\n")


def _g107(tmp_path: Path, versions: dict[str, str] | None) -> list:
    conf = tmp_path / "etc" / "supervisor" / "conf.d" / "apps.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text(APPS)
    return [f for f in check([str(tmp_path)], select=("G107",), versions=versions).findings]


def test_a_named_current_gunicorn_is_a_warning(tmp_path):
    found = _g107(tmp_path, {"gunicorn": "25.1.0"})
    assert [f.severity for f in found] == ["warning", "warning"]
    assert all("assumed" not in f.message for f in found)


def test_an_older_gunicorn_opens_no_socket(tmp_path):
    assert _g107(tmp_path, {"gunicorn": "23.0.0"}) == []


def test_no_version_named_is_an_info_that_says_so(tmp_path):
    found = _g107(tmp_path, None)
    assert [f.severity for f in found] == ["info", "info"]
    assert all("the files name no Gunicorn version: assumed 27.0.1" in f.message for f in found)
