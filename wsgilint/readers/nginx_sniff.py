"""Does a text look like nginx configuration? Discovery asks this of every file its name or
place proposes as nginx.

A file nginx loads holds nothing but statements, block braces and comments: each other
line stops nginx (``unknown directive``). So a line is counted as foreign when it is none
of these (a statement named with a hyphen, as dhcpd's ``default-lease-time 600;``, is none:
nginx names no directive so, though a map's or a types block's entries may be), nor part of
a statement that spans lines (a quoted value, a list of names, a Lua block), nor template
syntax (``{{ }}``, ``{% %}``, ``<% %>``, a lone ``$VAR``). A few such lines in a config are
typos worth reporting; many are a how-to with pasted snippets: prose, numbered steps, and
the shell lines that install the snippet (``sudo nano /etc/nginx/nginx.conf``).
"""
from __future__ import annotations

import functools
import re

from ._nginx_directive_table import DIRECTIVES

__all__ = ["is_nginx_text"]

_BLOCK_WORDS = ("http", "events", "server", "upstream", "location", "map", "types", "stream", "mail", "geo",
                "limit_except")


def _block_opener(line: str) -> bool:
    """Whether a line (without a newline) opens a block: one of ``_BLOCK_WORDS`` as a whole
    word, or ``if`` and ``(``, first, and ``{`` last. String tests instead of the pattern
    ``^(?:(?:http|...)\\b|if\\s*\\().*\\{$``, whose compiling cost 1.1 M instructions of every
    start (tests/test_startup_patterns.py compares the two)."""
    if not line.endswith("{"):
        return False
    if line.startswith("if") and line[2:].lstrip().startswith("("):
        return True
    if not line.startswith(_BLOCK_WORDS):
        return False
    for word in _BLOCK_WORDS:
        if line.startswith(word):
            after = line[len(word)]     # there is one: the line ends with "{"
            if not (after.isalnum() or after == "_"):
                return True
    return False


# An ini section, `key = value`, Python, a systemd unit: another kind of config. Compiled on
# first use, and tried only on a line that has one of its signs (``_OTHER_CONFIG_SIGNS``, a
# ``=`` or a ``:``): most lines of an nginx file have none.
@functools.cache
def _other_config() -> re.Pattern[str]:
    return re.compile(r"^(?:\[[^\]]*\]$|[\w.-]+\s*[=:](?!:)|(?:def|class|import|from|return|async)\s|export\s"
                      r"|(?:ExecStart|WantedBy)=)")


_OTHER_CONFIG_SIGNS = ("[", "def", "class", "import", "from", "return", "async", "export")

# Commands a how-to runs around a snippet. No nginx directive has one of these names.
_SHELL_WORDS = frozenset({
    "sudo", "su", "apt", "apt-get", "aptitude", "yum", "dnf", "apk", "brew", "snap", "systemctl", "service",
    "journalctl", "cd", "cp", "mv", "ln", "rm", "mkdir", "chmod", "chown", "touch", "ls", "cat", "less", "tail",
    "head", "grep", "nano", "vim", "vi", "emacs", "curl", "wget", "docker", "docker-compose", "podman", "pip",
    "pip3", "python", "python3", "git", "npm", "yarn", "certbot", "ufw", "nginx", "uwsgi", "gunicorn",
    "supervisorctl", "source", "$",
})
# Template syntax that spans lines: the opener starts a line, the closer ends the span.
_TEMPLATE_SPANS = (("{{", "}}"), ("{%", "%}"), ("<%", "%>"), ("{#", "#}"))
_TEMPLATE_OPENERS = tuple(opener for opener, _ in _TEMPLATE_SPANS)
_STATEMENT_ENDS = (";", "{", "}")

# Blocks whose lines are entries, not directives: a mime type or a map key may hold a hyphen.
_DATA_BLOCKS = frozenset({"map", "types", "geo", "split_clients", "charset_map"})


# The patterns below are compiled on first use: each is needed only for some kind of line
# (quoted, ``$``, a Lua block, one that ends no statement), which a small tree may not have.
@functools.cache
def _placeholder_line() -> re.Pattern[str]:
    return re.compile(r"\$\{?\w+\}?;?")   # envsubst's `$NGINX_LISTEN` standing for lines


@functools.cache
def _quoted() -> re.Pattern[str]:
    return re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""")


@functools.cache
def _lua_block() -> re.Pattern[str]:
    return re.compile(r"_by_lua_block\b[\"']?(?:\s+\$\w+)?\s*\{")


# A module's directive (`brotli_types`) is not in the table; words of prose have no underscore.
@functools.cache
def _directive_name() -> re.Pattern[str]:
    return re.compile(r"[a-z][a-z0-9_]*")


# More foreign lines than this are a document, unless they are under a tenth of the text.
_STRAY_LINES = 2


@functools.cache
def _vcl() -> re.Pattern[str]:
    # Varnish's VCL shares nginx's shape (`set ...;`, `if (...) {`, `return (pass);`), but
    # opens with its version line (required since VCL 4.0) and names its subroutines vcl_*.
    return re.compile(r"^\s*(?:vcl\s+\d+\.\d+\s*;|sub\s+vcl_\w+\s*\{)", re.M)


def _is_nginx_statement(line: str, first: str) -> bool:
    """``line`` ends a statement (``;``, ``{`` or ``}``); ``first`` is its first word."""
    # A block opener ends with `{` (a stripped line holds no newline for `$` to stop before).
    if _block_opener(line):
        return True
    name = first.strip("\"'").rstrip(";{")
    if name == "if":   # a shell's "if [ ... ]; then" is not nginx's "if (...) {"
        return False
    return name in DIRECTIVES or name.endswith("_by_lua_block")


def _without_comment(line: str) -> str:
    """The line without a comment after it (``80 E282AC; # euro``); a ``#`` inside quotes stays."""
    blanked = _quoted().sub(lambda quoted: "x" * len(quoted.group()), line) if "'" in line or '"' in line else line
    # The first "#" after a space (\s, str.isspace): what the pattern \s# finds, without
    # compiling it (tests/test_startup_patterns.py compares the two).
    hash_at = blanked.find("#", 1)
    while hash_at > 0 and not blanked[hash_at - 1].isspace():
        hash_at = blanked.find("#", hash_at + 1)
    return line[:hash_at - 1].rstrip() if hash_at > 0 else line


def _open_quote(line: str) -> str:
    """The quote a line leaves open ('' when none): nginx's quoted values may span lines."""
    rest = _quoted().sub("", line) if "\\" in line or line.count('"') > 1 or line.count("'") > 1 else line
    quotes = [rest.find(q) for q in "\"'" if q in rest]
    return rest[min(quotes)] if quotes else ""


def _hyphenated_name(word: str) -> bool:
    """``max-lease-time``: letters, digits and ``_`` joined by hyphens, as another program's
    keys are written."""
    return word[:1].isalpha() and "--" not in word and not word.endswith("-") \
        and _directive_name().fullmatch(word.replace("-", "_")) is not None


def is_nginx_text(text: str, blocks_only: bool = False) -> bool:
    """True when at least one line is a known nginx directive ending in ``;`` or ``{`` (or a
    block such as ``server {``), fewer than a quarter of the other lines are foreign (see the
    module doc), and more than two only when under a tenth. Comment lines are not counted.
    ``blocks_only`` (for a file neither its name nor its place calls nginx) takes only a block
    such as ``server {`` as the sign: nftables' ``type filter hook input priority 0;`` or
    monit's ``set daemon 60`` are directive-shaped too.
    """
    if "vcl" in text and _vcl().search(text):   # both of its signs hold "vcl"
        return False
    signal = False
    meaningful = 0
    foreign = 0
    closer = ""        # the end of a template span being skipped
    quote = ""         # the quote a value spanning lines is open with
    lua_depth = 0      # braces open in a Lua block: its lines are Lua
    continued = False  # the previous line began a statement that has not ended
    data_depth = 0     # braces open in a block of entries (map, types)
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
        if not line:
            continue
        head = line[0]
        if head == "#":
            if line.startswith("#!"):
                return False
            continue
        if head in "{<" and line.startswith(_TEMPLATE_OPENERS):
            closing = next(end for start, end in _TEMPLATE_SPANS if line.startswith(start))
            closer = "" if closing in line else closing
            continue
        if head == "$" and _placeholder_line().fullmatch(line):
            continue
        if "#" in line:
            line = _without_comment(line)
        meaningful += 1
        entry = data_depth > 0
        if entry:
            data_depth = max(data_depth + line.count("{") - line.count("}"), 0)
        first = line.split(None, 1)[0]
        opens = _open_quote(line) if "'" in line or '"' in line else ""
        lua = "_by_lua_block" in line and _lua_block().search(line) is not None
        last = line[-1]   # the comment cut leaves a line that still starts with ``head``: not empty
        statement = last in _STATEMENT_ENDS
        # A directive the table knows, which the name's quotes and ";{" would not change, first:
        # most lines of a config (``_is_nginx_statement`` gives the same for them).
        if lua or (statement and ((first in DIRECTIVES and first != "if" and last != "{")
                                  or _is_nginx_statement(line, first))):
            signal = signal or not blocks_only or _block_opener(line)
            lua_depth = int(lua)
            if first in _DATA_BLOCKS and not entry:
                data_depth = max(line.count("{") - line.count("}"), 0)
        elif first in _SHELL_WORDS:
            foreign += 1
            opens = ""
        elif opens and (first in DIRECTIVES or line[0] in "\"'"):
            pass                     # `return 200 "` (or a quoted name) and the lines of its value
        elif ("=" in line or ":" in line or line.startswith(_OTHER_CONFIG_SIGNS)) and _other_config().match(line):
            foreign += 1
            opens = ""
        elif last == "{" and head.isalpha():
            foreign += 1             # a block nginx has no directive for (BIND's `options {`, DRBD's `resource r0 {`)
            opens = ""
        elif statement and not entry and "-" in first and _hyphenated_name(first[:-1] if first[-1] in ";{" else first):
            foreign += 1             # no nginx directive has a hyphen (dhcpd's `default-lease-time 600;`)
            opens = ""
        elif statement or line.startswith("}"):
            pass                     # map and types entries, `}` closing a block
        elif continued or (_directive_name().fullmatch(first) and not line.endswith((".", ":", "!", "?"))
                           and (first in DIRECTIVES or "_" in first)):
            continued = True         # a list of names on the lines that follow
            quote = opens
            continue
        else:
            foreign += 1             # a sentence's apostrophe opens no value
            opens = ""
        continued = False
        quote = "" if lua_depth else opens
    return signal and foreign * 4 < meaningful and (foreign <= _STRAY_LINES or foreign * 10 < meaningful)
