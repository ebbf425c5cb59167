"""Path helpers that stand in for os.path functions must give what those give."""
from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from wsgilint.core.paths import relative_path

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
