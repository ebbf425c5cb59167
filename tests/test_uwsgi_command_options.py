"""``is_command_option`` answers as the regular expression it replaced."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wsgilint.model.uwsgi_options import is_command_option
from wsgilint.readers.uwsgi_options import OPTIONS

_PATTERN = re.compile(r"^(exec-|hook-|call-|attach-|smart-attach-|legion-|cron|unique-cron|"
                      r"unique-legion-cron|mule|farm|spooler-|touch-exec|eval|pyeval|python-eval|"
                      r"pyexec|pyrun|py-run|python-run|print|iprint|log-format|logformat|"
                      r"log-req-encoder|log-encoder|route|response-route|final-route|error-route|"
                      r"if-|for|env$|declare-option)")


def test_every_option_name_and_its_neighbours() -> None:
    for name in OPTIONS:
        for key in (name, name[:-1], name[1:], name + "\n", name + "x", "x" + name, name.upper()):
            assert is_command_option(key) == bool(_PATTERN.match(key)), key
    for key in ("env", "env\n", "env\n\n", "envx", "en", "", "for", "form", "if", "if-x"):
        assert is_command_option(key) == bool(_PATTERN.match(key)), key


@given(st.text(alphabet="enviforx-\n", max_size=8))
def test_any_key(key: str) -> None:
    assert is_command_option(key) == bool(_PATTERN.match(key))
