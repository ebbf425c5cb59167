"""Snippets count the cells of ideographs as rich does, without loading rich's tables."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich._unicode_data._versions import VERSIONS
from rich.cells import cell_len, get_character_cell_size

from wsgilint.report._source import _WIDE_FIRST, _WIDE_LAST, _cells

_WIDE = [chr(code) for code in range(ord(_WIDE_FIRST), ord(_WIDE_LAST) + 1)]


def test_every_table_of_rich_gives_the_counted_characters_their_cells() -> None:
    for version in VERSIONS:
        assert {get_character_cell_size(char, version) for char in _WIDE} == {2}, version
        assert {get_character_cell_size(chr(code), version) for code in range(0x20, 0x7F)} == {1}, version
        assert get_character_cell_size("…", version) == 1, version


def test_a_snippet_line_counts_as_rich_counts_it() -> None:
    line = "listen=2048 # 和系统配置有关"
    assert _cells(line) == cell_len(line) == 28
    for text in ("…" + line[-10:], "é 和", "ｈ和", "和\u200d和", "☕ x", "\u0301a"):
        assert _cells(text) == cell_len(text), text


@given(st.text(alphabet=st.sampled_from(["a", " ", "~", "…", "和", "\u9fbb", "\u9fbc", "é", "\u3000", "\u200d"]),
               max_size=10))
def test_any_text(text: str) -> None:
    assert _cells(text) == cell_len(text)
