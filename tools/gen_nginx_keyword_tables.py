"""Write ``wsgilint/readers/_nginx_keyword_table.py``: the words nginx accepts for each
directive whose value is one of a fixed list (read by ``ngx_conf_set_enum_slot``, or a list of
them by ``ngx_conf_set_bitmask_slot``: ``gzip_proxied``, ``proxy_next_upstream``,
``ssl_protocols``...), from nginx's own sources in a git checkout of nginx:

    python tools/gen_nginx_keyword_tables.py /path/to/nginx.git [FIRST_TAG]

Every release tag from FIRST_TAG (default release-1.22.1, the version the reference files
measure) to the newest is read, and a word any of them accepts is kept: a configuration
written for a newer nginx is not called wrong for using a word an older one lacks. Each
context (http, stream, mail, the main level) has its own table, as nginx's modules do.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TABLE = PROJECT / "wsgilint" / "readers" / "_nginx_keyword_table.py"

_COMMAND = re.compile(r'\{\s*ngx_string\("([a-z0-9_]+)"\),\s*[A-Z0-9_|\s]+?,\s*ngx_conf_set_(bitmask|enum)_slot,'
                      r'[^{}]*?&(\w+)\s*\}', re.S)
_WORDS = re.compile(r'(?:static\s+)?ngx_conf_(?:bitmask|enum)_t\s+(\w+)\[\]\s*=\s*\{(.*?)\n\};', re.S)
_CONTEXTS = {"src/http/": "http", "src/stream/": "stream", "src/mail/": "mail", "src/core/": "main"}


def _git(repository: str, *arguments: str) -> str:
    return subprocess.run(["git", "-C", repository, *arguments], capture_output=True, text=True, errors="replace",
                          check=True).stdout


def _release(tag: str) -> tuple[int, ...]:
    return tuple(int(part) for part in tag.removeprefix("release-").split("."))


def _read(repository: str, tag: str, table: dict[str, dict[str, dict[str, None]]]) -> None:
    sources = [path for path in _git(repository, "ls-tree", "-r", "--name-only", tag, "src").split()
               if path.endswith(".c")]
    texts = {path: _git(repository, "show", f"{tag}:{path}") for path in sources}
    lists = {name: re.findall(r'ngx_string\("([^"]*)"\)', body) for text in texts.values()
             for name, body in _WORDS.findall(text)}
    for path, text in texts.items():
        context = next((name for prefix, name in _CONTEXTS.items() if path.startswith(prefix)), None)
        if context is None:
            continue
        for directive, _, words in _COMMAND.findall(text):
            accepted = table.setdefault(context, {}).setdefault(directive, {})
            accepted.update(dict.fromkeys(lists[words]))


def main(argv: list[str]) -> int:
    repository = argv[1]
    first = _release(argv[2] if len(argv) > 2 else "release-1.22.1")
    tags = sorted((tag for tag in _git(repository, "tag").split() if re.fullmatch(r"release-\d+\.\d+\.\d+", tag)
                   and _release(tag) >= first), key=_release)
    table: dict[str, dict[str, dict[str, None]]] = {}
    for tag in tags:
        _read(repository, tag, table)
    lines = [f'"""Written by tools/gen_nginx_keyword_tables.py from nginx\'s sources, releases {tags[0][8:]} to '
             f"{tags[-1][8:]}; do not edit.",
             "KEYWORDS: context -> directive -> the words nginx accepts for it, compared without case",
             '(ngx_conf_set_enum_slot, ngx_conf_set_bitmask_slot); any other word stops nginx at start."""',
             "# ruff: noqa", "KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {"]
    for context in sorted(table):
        lines.append(f"    {context!r}: {{")
        lines += [f"        {directive!r}: {tuple(words)!r}," for directive, words in sorted(table[context].items())]
        lines.append("    },")
    lines.append("}")
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
