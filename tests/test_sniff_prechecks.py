"""Discovery's sniffers and template markers look for a pattern's words before running it:
each answers as the plain search did (the reference versions below are the ones they replaced)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from crossplane.analyzer import DIRECTIVES
from hypothesis import given
from hypothesis import strategies as st

from wsgilint import discover
from wsgilint.readers import nginx_sniff, uwsgi_ini
from wsgilint.readers.nginx_sniff import is_nginx_text
from wsgilint.readers.uwsgi_ini import OPTIONS, is_uwsgi_ini_text

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# The sniffer's patterns as they were: it now tests the first with str methods and runs the
# second only on a line with one of its signs.
_BLOCK_OPENER = re.compile(
    r"^(?:(?:http|events|server|upstream|location|map|types|stream|mail|geo|limit_except)\b|if\s*\().*\{$")
_OTHER_CONFIG = re.compile(
    r"^(?:\[[^\]]*\]$|[\w.-]+\s*[=:](?!:)|(?:def|class|import|from|return|async)\s|export\s|(?:ExecStart|WantedBy)=)")


def _corpus_texts() -> list[str]:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the checkout")
    return [path.read_text("utf-8", "replace") for path in sorted(CORPUS.rglob("*")) if path.is_file()]


def _reference_statement(line: str) -> bool:
    if _BLOCK_OPENER.match(line):
        return True
    if not line.endswith((";", "{", "}")):
        return False
    name = line.split(None, 1)[0].strip("\"'").rstrip(";{")
    if name == "if":
        return False
    return name in DIRECTIVES or name.endswith("_by_lua_block")


def _reference_nginx(text: str, blocks_only: bool = False) -> bool:
    if nginx_sniff._vcl().search(text):
        return False
    signal, meaningful, foreign, closer, quote, lua_depth, continued = False, 0, 0, "", "", 0, False
    entries = 0      # braces open in a map or types block
    for raw in text.splitlines():
        line = raw.strip()
        if closer:
            closer = "" if closer in line else closer
            continue
        if quote:
            if line.count(quote) % 2:
                quote = ""
            continue
        if lua_depth:
            lua_depth = max(lua_depth + line.count("{") - line.count("}"), 0)
            continue
        if line.startswith("#!"):
            return False
        if not line or line.startswith("#"):
            continue
        opener = next((pair for pair in nginx_sniff._TEMPLATE_SPANS if line.startswith(pair[0])), None)
        if opener is not None:
            closer = "" if opener[1] in line else opener[1]
            continue
        if nginx_sniff._placeholder_line().fullmatch(line):
            continue
        if "#" in line:
            line = nginx_sniff._without_comment(line)
        meaningful += 1
        in_entries = entries > 0
        braces = line.count("{") - line.count("}")
        first = line.split(None, 1)[0]
        opens = nginx_sniff._open_quote(line) if "'" in line or '"' in line else ""
        lua = "_by_lua_block" in line and nginx_sniff._lua_block().search(line) is not None
        if in_entries:
            entries = max(entries + braces, 0)
        if lua or _reference_statement(line):
            signal = signal or not blocks_only or bool(_BLOCK_OPENER.match(line))
            lua_depth = int(lua)
            if not in_entries and first in ("map", "types", "geo", "split_clients", "charset_map"):
                entries = max(braces, 0)
        elif first in nginx_sniff._SHELL_WORDS:
            foreign += 1
            opens = ""
        elif opens and (first in DIRECTIVES or line[0] in "\"'"):
            pass
        elif _OTHER_CONFIG.match(line):
            foreign += 1
            opens = ""
        elif line.endswith("{") and line[0].isalpha():
            foreign += 1
            opens = ""
        elif (not in_entries and line.endswith((";", "{", "}"))
              and re.fullmatch(r"[a-z][a-z0-9_]*(?:-[a-z0-9_]+)+[;{]?", first)):
            foreign += 1
            opens = ""
        elif line.endswith((";", "{", "}")) or line.startswith("}"):
            pass
        elif continued or (nginx_sniff._directive_name().fullmatch(first) and not line.endswith((".", ":", "!", "?"))
                           and (first in DIRECTIVES or "_" in first)):
            continued = True
            quote = opens
            continue
        else:
            foreign += 1
            opens = ""
        continued = False
        quote = "" if lua_depth else opens
    return signal and foreign * 4 < meaningful and (foreign <= 2 or foreign * 10 < meaningful)


def _reference_uwsgi(text: str) -> bool:
    if uwsgi_ini._build_profile_key().search(text):
        return False
    if re.search(r"^[ \t]*\[uwsgi\]", text, re.MULTILINE):
        return True
    keys = uwsgi_ini._sniff_key_line().findall(text)
    return len(keys) >= 3 and sum(1 for key in keys if key in OPTIONS) / len(keys) >= 0.6


def _reference_marker(text: str, kind_hint: str, name: str, folder: str = "") -> tuple[str, int] | None:
    envsubst_place = name.endswith(discover._TEMPLATE_SUFFIXES) or bool(
        re.search(r"(?:^|[._-])templates?(?:[._-]|$)", name.lower())) or (
        kind_hint == "nginx" and folder.lower() in discover._TEMPLATE_FOLDERS)
    for label, pattern, _ in discover._TEMPLATE_MARKERS:
        if label.startswith("shell") and (kind_hint != "nginx" or label == "shell-escaped template"
                                          and not envsubst_place):
            continue
        if label.startswith("envsubst") and (kind_hint in ("systemd", "gunicorn") or not envsubst_place):
            continue
        if kind_hint not in discover._MARKER_KINDS.get(label, (kind_hint,)):
            continue
        match = discover._outside_comments(text, re.finditer(pattern, text), kind_hint)
        if match:
            return label, text.count("\n", 0, match.start()) + 1
    if name.endswith(discover._TEMPLATE_SUFFIXES):
        return f"{name.rsplit('.', 1)[1]} template", 1
    return None


_KINDS = ("nginx", "uwsgi", "supervisor", "systemd", "gunicorn", "compose", "sysctl")
_NAMES = ("site.conf", "nginx.conf.j2", "app_template.conf", "templates.ini", "x.template", "contemplate.conf")


def test_the_corpus_is_sniffed_and_marked_as_before() -> None:
    for text in _corpus_texts():
        for blocks_only in (False, True):
            assert is_nginx_text(text, blocks_only) == _reference_nginx(text, blocks_only), text[:200]
        assert is_uwsgi_ini_text(text) == _reference_uwsgi(text), text[:200]
        for kind in _KINDS:
            for name in _NAMES:
                assert discover.template_marker(text, kind, name, "templates") == \
                    _reference_marker(text, kind, name, "templates"), (kind, name, text[:200])


_NGINX_LINES = st.sampled_from([
    "server {", "}", "listen 80;", "location / {", "if ($x) {", "if [ -f x ]; then", "$HOST", "${LISTEN};", "$",
    "{{ x }}", "{% if a %}", "%}", "<% x %>", "{# c", "#}", "# c", "#!/bin/sh", "vcl 4.0;", "sub vcl_recv {",
    "content_by_lua_block {", "access_by_lua_block { x }", "return 200 \"a", "b\";", "'q' x;", "sudo nginx -t",
    "key = value", "[uwsgi]", "a_list", "server_name a.b", "c.d;", "Hello, world.", "types {", "text/html html;",
    "listen 80; # c", "add_header X 'a # b';", "  ", "", "\tgzip on;", "vclx;", "   {", "x {", "server{",
    # A known name ending the line otherwise than with ";" (the directive table's shortcut).
    "if;", "if x;", "listen;", "\"listen\" 80;", "gzip on {", "http {", "http;", "server }", "location{", "a_by_lua_block;",
])


@given(st.lists(_NGINX_LINES, max_size=12), st.sampled_from(["\n", "\r\n", "\r", "\x0c"]))
def test_nginx_like_texts(lines: list[str], end: str) -> None:
    text = end.join(lines)
    for blocks_only in (False, True):
        assert is_nginx_text(text, blocks_only) == _reference_nginx(text, blocks_only)


@given(st.lists(st.sampled_from(["[uwsgi]", " [uwsgi]", "[uwsgi ]", "bin_name = x", " main_plugin=python",
                                 "xbin_name = y", "embedded_plugins", "module = a", "socket = b", "master = 1",
                                 "nope = 1", "\t", "malloc_implementation\t=", "; [uwsgi]"]), max_size=8))
def test_uwsgi_like_texts(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert is_uwsgi_ini_text(text) == _reference_uwsgi(text)


@given(st.text(alphabet="{}%$#<>=()[]\\ \nabAB_;:.", max_size=40), st.sampled_from(_KINDS), st.sampled_from(_NAMES),
       st.sampled_from(["", "templates", "conf.d"]))
def test_template_markers(text: str, kind: str, name: str, folder: str) -> None:
    assert discover.template_marker(text, kind, name, folder) == _reference_marker(text, kind, name, folder)
