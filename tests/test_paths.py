"""Path helpers that stand in for os.path functions must give what those give."""
from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wsgilint.core.context import ReadContext
from wsgilint.core.paths import absolute_path, folder_name, relative_path

_PARTS = st.sampled_from(["a", "b", "ab", "a.b", "..", ".", "", "//", "a/", "é"])
_ABSOLUTE = st.lists(_PARTS, max_size=6).map(lambda parts: os.path.abspath("/" + "/".join(parts)))


@settings(max_examples=3000, deadline=None)
@given(absolute=_ABSOLUTE, top=_ABSOLUTE)
def test_relative_path_is_relpath(absolute: str, top: str) -> None:
    assert relative_path(absolute, top) == os.path.relpath(absolute, top)


def test_relative_path_below_and_beside() -> None:
    assert relative_path("/srv/app/etc/x.conf", "/srv/app") == "etc/x.conf"
    assert relative_path("/srv/app", "/srv/app") == "."
    assert relative_path("/srv/application", "/srv/app") == "../application"
    assert relative_path("//srv/a", "/") == "srv/a"


@settings(max_examples=3000, deadline=None)
@given(path=st.lists(_PARTS, max_size=6).map("/".join), leading=st.sampled_from(["", "/", "//", "///"]))
def test_absolute_path_is_abspath(path: str, leading: str) -> None:
    assert absolute_path(leading + path) == os.path.abspath(leading + path)


@settings(max_examples=3000, deadline=None)
@given(path=st.lists(_PARTS, max_size=6).map("/".join), leading=st.sampled_from(["", "/", "//"]))
def test_folder_name_is_basename_of_dirname(path: str, leading: str) -> None:
    assert folder_name(leading + path) == os.path.basename(os.path.dirname(leading + path))


def test_a_normalised_absolute_path_is_its_own_absolute_path() -> None:
    path = "/srv/app/etc/nginx.conf"
    assert absolute_path(path) is path


def test_a_snapshot_path_is_confined_and_resolved_as_its_unnormalised_spellings(tmp_path: Path) -> None:
    """The read gate cuts a normalised path's folder and name instead of splitting it: the same
    place as the general route, which an unnormalised spelling takes."""
    root = tmp_path / "host"
    (root / "etc" / "nginx" / "sites-available").mkdir(parents=True)
    (root / "etc" / ".hidden").mkdir()
    (root / "etc" / "nginx" / "sites-available" / "a").write_text("x")
    (root / "etc" / ".hidden" / "b").write_text("x")
    (root / "top").write_text("x")
    (root / "etc" / "nginx" / "sites-enabled").symlink_to("/etc/nginx/sites-available")
    (root / "etc" / "nginx" / "up").symlink_to("..")
    (root / "etc" / "nginx" / "c").symlink_to("/etc/.hidden/b")
    for relative in ("etc/nginx/sites-available/a", "etc/nginx/sites-enabled/a", "etc/nginx/up/nginx/c",
                     "etc/.hidden/b", "etc/nginx/c", "etc/nginx/missing", "etc/nginx/sites-enabled/..", "etc",
                     "top", ""):
        plain = os.path.join(str(root), relative).rstrip("/")
        spellings = [plain, f"{root}/./{relative}", f"{root}//{relative}"]
        confined = {ReadContext(mode="snapshot", root=str(root)).confine(spelling) for spelling in spellings}
        assert len(confined) == 1, (relative, confined)
        real = {ReadContext(mode="snapshot", root=str(root)).real(spelling) for spelling in spellings}
        assert len(real) == 1, (relative, real)
        texts = {ReadContext(mode="snapshot", root=str(root)).read(spelling).text for spelling in spellings}
        assert len(texts) == 1, (relative, texts)
