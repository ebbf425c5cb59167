"""crossplane's directive tables load from Python literals (tools/gen_nginx_tables.py), and the
reader checks a directive by ``readers.nginx._analyze`` over them instead of crossplane's
``analyze``, so that reading a tree does not import crossplane: the written module is current,
and the function answers as crossplane's on every directive, context, terminator and count."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import PROJECT
from crossplane.analyzer import CONTEXTS, DIRECTIVES, analyze, enter_block_ctx
from crossplane.errors import NgxParserDirectiveArgumentsError, NgxParserDirectiveContextError
from crossplane.ext.lua import LuaBlockPlugin

from wsgilint.readers import _nginx_directive_table as table
from wsgilint.readers.nginx import _analyze, _ArgumentsRefused, _ContextRefused, _enter_block_ctx

# Each count of plain words, and the one-word values whose on/off test or %-formatting differs.
_ARGS = [["x"] * count for count in range(10)] + [
    [value] for value in ("on", "OFF", "On", "", "%", "%s", "%%", "%d", "%(a)s", "%z", "50%")]
_CONTEXTS = [*CONTEXTS, ("http", "server", "location"), ("stream", "upstream", "x")]
_NAMES = [*DIRECTIVES, "no_such_directive", "content_by_lua_block"]


def test_written_table_is_current() -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "tools" / "gen_nginx_tables.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_table_is_crossplanes_and_the_json() -> None:
    assert list(table.DIRECTIVES) == list(DIRECTIVES)
    assert {name: list(masks) for name, masks in table.DIRECTIVES.items()} == DIRECTIVES
    assert table.CONTEXTS == CONTEXTS
    assert table.LUA_BLOCKS == frozenset(LuaBlockPlugin.directives)
    extra = json.loads((PROJECT / "wsgilint" / "readers" / "nginx_extra_directives.json").read_text())
    assert table.EXTRA_DIRECTIVES == frozenset(extra["directives"])


def _crossplanes(name: str, args: list[str], term: str, ctx: tuple[str, ...], check_ctx: bool) -> object:
    try:
        analyze("f", {"directive": name, "args": args, "line": 1}, term, ctx, strict=False, check_ctx=check_ctx)
    except NgxParserDirectiveContextError as error:
        return "context", error.strerror
    except NgxParserDirectiveArgumentsError as error:
        return "arguments", error.strerror
    except (ValueError, TypeError) as error:
        return type(error)
    return None


def _ours(name: str, args: list[str], term: str, ctx: tuple[str, ...], check_ctx: bool) -> object:
    try:
        _analyze(name, args, term, ctx, check_ctx)
    except _ContextRefused as error:
        return "context", error.strerror
    except _ArgumentsRefused as error:
        return "arguments", error.strerror
    except (ValueError, TypeError) as error:
        return type(error)
    return None


@pytest.mark.parametrize("ctx", _CONTEXTS, ids=lambda ctx: " > ".join(ctx) or "main")
def test_analyze_is_crossplanes(ctx: tuple[str, ...]) -> None:
    for name in _NAMES:
        for args in _ARGS:
            for term in ("{", ";"):
                for check_ctx in (True, False):
                    assert _ours(name, args, term, ctx, check_ctx) == _crossplanes(name, args, term, ctx, check_ctx), \
                        (name, args, term, check_ctx)


def test_enter_block_ctx_is_crossplanes() -> None:
    for ctx in _CONTEXTS:
        for name in ("location", "server", "if", "http", "limit_except", "upstream"):
            assert _enter_block_ctx(name, ctx) == enter_block_ctx({"directive": name}, ctx)

