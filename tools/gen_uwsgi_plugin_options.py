"""Write wsgilint/model/uwsgi_plugin_options.json: the options that uWSGI's sources
define but a given build may not have compiled in (routing needs PCRE; php, jvm,
pypy, webdav... are plugins). U101 must not call those typos.

    python tools/gen_uwsgi_plugin_options.py SOURCE_DIR
    python tools/gen_uwsgi_plugin_options.py --git-dir uwsgi/.git --ref uwsgi-2.0

SOURCE_DIR is a checkout of https://github.com/unbit/uwsgi (branch uwsgi-2.0).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BUILD_TABLE = PROJECT / "wsgilint" / "readers" / "uwsgi_options.json"
OUTPUT = PROJECT / "wsgilint" / "model" / "uwsgi_plugin_options.json"

# An entry of a `struct uwsgi_option x[] = { {"name", required_argument, ...}, ... }` table.
_ENTRY = re.compile(r'\{\s*"([a-z0-9][a-z0-9._-]*)"\s*,\s*(?:required_argument|no_argument|optional_argument)')


def _sources_from_dir(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(errors="replace")
            for pattern in ("core/*.c", "plugins/*/*.c") for p in root.glob(pattern)}


def _sources_from_git(git_dir: str, ref: str) -> dict[str, str]:
    names = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", ref],
                           capture_output=True, text=True, check=True).stdout.split()
    wanted = [n for n in names if re.fullmatch(r"core/[^/]+\.c|plugins/[^/]+/[^/]+\.c", n)]
    return {n: subprocess.run(["git", "--git-dir", git_dir, "show", f"{ref}:{n}"], capture_output=True,
                              text=True, errors="replace", check=True).stdout for n in wanted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?")
    parser.add_argument("--git-dir")
    parser.add_argument("--ref", default="uwsgi-2.0")
    args = parser.parse_args()
    sources = _sources_from_git(args.git_dir, args.ref) if args.git_dir else _sources_from_dir(Path(args.source))
    compiled = set(json.loads(BUILD_TABLE.read_text())["options"])
    found: dict[str, str] = {}
    for path, text in sorted(sources.items()):
        origin = "core" if path.startswith("core/") else path.split("/")[1]
        for name in _ENTRY.findall(text):
            if name not in compiled:
                found.setdefault(name, origin)
    OUTPUT.write_text(json.dumps({"source": f"unbit/uwsgi {args.ref}", "options": dict(sorted(found.items()))},
                                 indent=0, sort_keys=False) + "\n")
    print(f"{len(found)} options outside the build table -> {OUTPUT.relative_to(PROJECT)}")


if __name__ == "__main__":
    main()
