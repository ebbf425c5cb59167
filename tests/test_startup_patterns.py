"""Patterns no longer compiled at start-up: what replaced each finds what the pattern found
(docs/performance.md, start-up)."""
from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from wsgilint.core.numbers import decimal
from wsgilint.model import Host
from wsgilint.model.build import _opens_main_block
from wsgilint.model.supervisor import _socket
from wsgilint.model.units import c_atoi, leading_digits, nginx_seconds, nginx_size
from wsgilint.model.uwsgi_config import _comment_start
from wsgilint.readers.nginx_sniff import _BLOCK_WORDS, _block_opener, _without_comment
from wsgilint.readers.supervisor.ini import _option, _section_header
from wsgilint.readers.supervisor.sniff import is_supervisor_text
from wsgilint.readers.supervisor.values import _is_operator, _plain, _shlex_words
from wsgilint.readers.sysctl import _KEY_CHARACTERS, _assignment, normalize_key
from wsgilint.readers.systemd import _SYSTEMD_KEYS, _names_a_unit_key, _words
from wsgilint.readers.uwsgi_ini import _section_header as _uwsgi_section_header
from wsgilint.readers.uwsgi_ini import placeholder_names
from wsgilint.rules.u117_invalid_value import _left_to_others
from wsgilint.rules.x101_pass_target_mismatch import _names


def test_version_numbers_are_the_runs_of_decimal_digits() -> None:
    for text in ["2.0.31", "1.24", "nginx/1.25.3 (Ubuntu)", "", "x", "v٣.٤", "2²3.1", "10.0.0.1.2", "  7 "]:
        host = Host.__new__(Host)
        object.__setattr__(host, "versions", {"p": type("V", (), {"value": text})()})
        object.__setattr__(host, "newest_of_line", set())
        expected = tuple(decimal(part) or 0 for part in re.findall(r"\d+", text)[:3])
        assert host.version("p") == expected, text


def test_sysctl_key_swaps_roles_when_a_slash_comes_first() -> None:
    for key in ["net/core/somaxconn", "net.core.somaxconn", "net/ipv4/conf/eth0.100/rp_filter",
                "net.ipv4.conf.eth0/100.rp_filter", "", "plain", " /a.b ", "a.b/c"]:
        stripped = key.strip()
        first = re.search(r"[./]", stripped)
        expected = stripped.translate(str.maketrans("/.", "./")) if first and first.group() == "/" else stripped
        assert normalize_key(key) == expected, key


def test_var_run_socket_is_the_run_socket() -> None:
    for path in ["/var/run/app.sock", "/run/app.sock", "/var/run", "/var/running/x", "x/var/run/y"]:
        assert _socket(path) == _socket(re.sub(r"^/var/run/", "/run/", path)), path


_BLOCK_OPENER = re.compile(
    r"^(?:(?:http|events|server|upstream|location|map|types|stream|mail|geo|limit_except)\b|if\s*\().*\{$")
_SUPERVISOR = re.compile(
    r"^[ \t]*\[(?:(?:program|group|fcgi-program|eventlistener):[^\]\s]+|supervisord|unix_http_server)\]"
    r"[ \t\r]*(?:[;#].*)?$"
    r"|^[ \t]*\[include\][ \t\r]*(?:[;#].*)?\n(?:(?![ \t]*\[).*\n)*?[ \t]*files[ \t]*[=:]", re.MULTILINE)
_OPERATOR = re.compile(r"(?:&&|\|\||\|&?|;|&|&>>?|\d*(?:>>?|<<?)|\d*[<>]&(?:\d+|-))\Z")

# The words and characters each pattern turns on, with spaces, word characters, digits of
# other scripts and whitespace \\s has beyond ASCII.
_WORDS = st.sampled_from([*_BLOCK_WORDS, "if", "(", "{", " ", "\t", "_", "x", "\u00a0", "\u3000", "٣", "é", "-", ";"])
_SECTIONS = st.sampled_from(["[", "]", "program:", "group:", "fcgi-program:", "eventlistener:", "supervisord",
                             "unix_http_server", "include", "inet_http_server", "files", "=", " ", "\t", "\r", "\n", ";", "#",
                             "a", "\u00a0", "\x0b", "\x1c", ":"])
_OPERATOR_PARTS = st.sampled_from(["&", "|", ";", "<", ">", "-", "1", "2", "٣", "x", " "])


@given(st.lists(_WORDS, max_size=8).map("".join))
@example("server {")
@example("if ($x) {")
@example("geoip_country {")
@example("location{")
@example("if\u3000({")
def test_block_opener_is_the_pattern(line: str) -> None:
    assert _block_opener(line) == bool(_BLOCK_OPENER.match(line)), line


@given(st.lists(_SECTIONS, max_size=12).map("".join))
@example("[program:app]\n")
@example("  [program:a b]")
@example("[program:]")
@example("[include] ; x\r")
@example("[include] ; x\r\nfiles = a.conf")
@example("[include]\n.*/x\n[libs]\nfiles=")
@example("x\n\t[supervisord]\r\r#c")
@example("[group:a\u00a0b]")
def test_supervisor_sniff_is_the_pattern(text: str) -> None:
    assert is_supervisor_text(text) == bool(_SUPERVISOR.search(text)), text


@given(st.lists(_OPERATOR_PARTS, max_size=5).map("".join))
@example("2>&1")
@example(">&-")
@example("٣>>")
@example("&>>")
@example("1<&")
def test_shell_operator_is_the_pattern(word: str) -> None:
    assert _is_operator(word) == bool(_OPERATOR.match(word)), word


_SYSCTL_LINE = re.compile(r"^(?P<key>[^=]*?)\s*=\s*(?P<value>.*?)\s*$")


@given(st.lists(st.sampled_from(["net.core.x", "=", " ", "\t", "\u00a0", "\u3000", "a", "-", "1", "#"]), max_size=8)
       .map("".join))
@example(" net.core.somaxconn = 1024 ")
@example("a==b")
@example("= ")
@example("k =\u00a0")
def test_sysctl_assignment_is_the_pattern(line: str) -> None:
    match = _SYSCTL_LINE.match(line)
    expected = (match.group("key"), match.group("value"), match.start("value")) if match else None
    assert _assignment(line) == expected, line


@given(st.text(alphabet="az09_.*?[]/-\\ é٣", max_size=6))
def test_sysctl_key_characters_are_the_pattern(key: str) -> None:
    assert bool(key and _KEY_CHARACTERS.issuperset(key)) == bool(re.fullmatch(r"[A-Za-z0-9_.*?\[\]/-]+", key)), key


# What numbers.decimal and model.units replaced: the patterns, with decimal's old body.
def _old_decimal(text: str) -> int | None:
    match = re.fullmatch(r"([+-]?)0*([0-9]+)", text)
    if match is None or len(match.group(2)) > 4300:
        return None
    return int(match.group(1) + match.group(2))


def _old_seconds(text: str) -> float | None:
    total, position = 0.0, 0
    times = {"ms": 0.001, "": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "M": 2592000, "y": 31536000}
    for match in re.finditer(r"(\d+)(ms|[smhdwMy]?)", text):
        if match.start() != position:
            return None
        number = _old_decimal(match.group(1))
        if number is None:
            return None
        total += number * times[match.group(2)]
        position = match.end()
    return total if text and position == len(text) else None


def _old_size(text: str) -> int | None:
    match = re.fullmatch(r"(\d+)([kKmMgG]?)", text.strip())
    number = _old_decimal(match.group(1)) if match else None
    sizes = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
    return number * sizes[match.group(2).lower()] if match and number is not None else None


def _old_atoi(value: str) -> int | None:
    match = re.match(r"\s*([+-]?\d+)", value)
    return _old_decimal(match.group(1)) if match else None


_NUMBER_PARTS = st.sampled_from(["0", "1", "9", "00", "+", "-", " ", "\t", "\u3000", "٣", "²", "ms", "m", "s", "h",
                                 "d", "w", "M", "y", "k", "K", "g", "G", "x", "\n"])


@given(st.lists(_NUMBER_PARTS, max_size=8).map("".join))
@example("1m30s")
@example("500ms")
@example("0" * 4400 + "7")
@example("8k")
@example(" -0012 # x")
def test_numbers_are_the_patterns(text: str) -> None:
    assert decimal(text) == _old_decimal(text), text
    assert nginx_seconds(text) == _old_seconds(text), text
    assert nginx_size(text) == _old_size(text), text
    assert c_atoi(text) == _old_atoi(text), text
    match = re.match(r"\s*(\d+)", text)
    assert leading_digits(text) == (match.group(1) if match else ""), text


@given(st.lists(st.sampled_from(["a", "b", " ", "\t", "\r", "\n", "\u00a0", "\x0b", "'", '"', "\\"]), max_size=8)
       .map("".join))
def test_plain_words_are_the_patterns(text: str) -> None:
    assert _plain(text) == (re.search(r"['\"\\]", text) is None), text
    assert _shlex_words(text) == re.findall(r"[^ \t\r\n]+", text), text
    if _plain(text):
        assert _words(text) == (re.findall(r"[^ \t\n]+", text), ""), text


@given(st.lists(st.sampled_from(["8001", "80", "1", ":", "/", ".", "-", "_", "a", "é", " ", "="]), max_size=6)
       .map("".join), st.sampled_from(["8001", "80", "/run/a.sock", "1"]))
@example("--port=8001", "8001")
@example("80018001", "8001")
@example("a8001 8001", "8001")
def test_port_named_in_a_word_is_the_pattern(word: str, wanted: str) -> None:
    expected = re.search(rf"(?<![\w/.-]){re.escape(wanted)}(?![\w/.-])", word) is not None
    assert _names(word, wanted) == expected, (word, wanted)


@given(st.lists(st.sampled_from(["[uwsgi]", "[", "]", "uwsgi", " ", "\t", "\n", "\r", "x", "\u00a0"]), max_size=8)
       .map("".join))
def test_uwsgi_section_header_is_the_pattern(text: str) -> None:
    assert _uwsgi_section_header(text) == (re.search(r"^[ \t]*\[uwsgi\]", text, re.MULTILINE) is not None), text


@given(st.lists(st.sampled_from(["%(", "(", ")", "a", "b", " ", "+", "1", "%"]), max_size=8).map("".join))
@example("%(a%(b)")
@example("%(chdir)/x %(a + 1)")
def test_uwsgi_placeholders_are_the_pattern(value: str) -> None:
    expected = {word for match in re.finditer(r"%\(([^()]*)\)", value) for word in match.group(1).split(" ")
                if word and word not in ("+", "-", "*", "/", "++", "--") and not word.isdigit()}
    assert placeholder_names(value) == expected, value


@given(st.lists(st.sampled_from(["[", "]", "=", ":", " ", "\t", "\u00a0", "\x0b", "\r", "a", "b"]), max_size=8)
       .map("".join).map(str.strip))
@example("[program:app]")
@example("[]")
@example("[a]]")
@example("key = a=b")
@example("a b : c")
def test_supervisor_ini_lines_are_configparsers_patterns(content: str) -> None:
    # The reader matches a line's content stripped of its spaces, so with no line break in it.
    header = re.match(r"\[(?P<header>.+)\]", content)
    assert _section_header(content) == (header.group("header") if header else None), content
    option = re.match(r"(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$", content)
    expected = (option.group("option"), option.group("value"), option.end("vi")) if option else None
    assert _option(content) == expected, content


@given(st.text(alphabet=st.characters(blacklist_characters="'\"\\"), max_size=12))
def test_shlex_refuses_only_text_with_a_quote_or_a_backslash(text: str) -> None:
    # SupervisorValue.leaves_quote_open answers False for such text without shlex.
    import shlex

    shlex.split(text)


@given(st.lists(st.sampled_from(["ExecStart", "User", "Exec", "x", "=", " ", "\t", "\r", "\n", "\u00a0", "#"]),
                max_size=8).map("".join))
@example("  ExecStart = /bin/app")
@example("ExecStart\r=x")
def test_unit_key_lines_are_the_pattern(text: str) -> None:
    assert all(key.isascii() and key.isalpha() for key in _SYSTEMD_KEYS)
    expected = any(match.group(1) in _SYSTEMD_KEYS for match in re.finditer(r"^[ \t]*([A-Za-z]+)[ \t]*=", text, re.M))
    assert _names_a_unit_key(text) == expected, text


@given(st.lists(st.sampled_from(["#", ";", " ", "\t", "\u00a0", "a", "x#", "\n"]), max_size=8).map("".join))
def test_uwsgi_inline_comment_start_is_the_pattern(written: str) -> None:
    match = re.search(r"(?:^|[ \t])([#;])", written)
    assert _comment_start(written) == (match.start(1) if match else -1), written


@given(st.lists(st.sampled_from(["http", "events", "httpx", "{", " ", "\t", "\n", "\r", "\u00a0", "x", ";"]),
                max_size=8).map("".join))
@example("user x;\n\n  http\n  {")
@example("x http {")
def test_nginx_main_block_is_the_pattern(text: str) -> None:
    assert _opens_main_block(text) == bool(re.search(r"^\s*(http|events)\s*\{", text, re.M)), text


@given(st.lists(st.sampled_from(["#", ";", "'", '"', " ", "\t", "\n", "\u00a0", "a"]), max_size=8).map("".join))
@example("'a'\n")
@example("\"")
def test_u117_left_to_others_is_the_pattern(value: str) -> None:
    assert _left_to_others(value) == bool(re.search(r"(?:^|[ \t])[#;]|^[\"'].*[\"']$", value)), value


@given(st.lists(st.sampled_from(["#", " ", "\t", "\u00a0", "a", ";"]), max_size=8).map("".join))
def test_nginx_sniff_comment_is_the_pattern(line: str) -> None:
    comment = re.search(r"\s#", line)
    assert _without_comment(line) == (line[:comment.start()].rstrip() if comment else line), line
