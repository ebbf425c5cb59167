"""Build ``wsgilint/model/uwsgi_handlers.json``: how uWSGI 2.0 applies each option's value.

The rules about values need to know which C handler an option has (``uwsgi_opt_true``
reads a boolean, ``uwsgi_opt_set_int`` an ``atoi`` that refuses negatives, ...),
which options switch the master on by themselves (``UWSGI_OPT_MASTER`` and the
log-master flags) and which only name the processes (``UWSGI_OPT_PROCNAME``). Neither is visible from the binary; both are in the reference
table extracted from the uWSGI 2.0 sources (``uwsgi-options.json``).

Usage: python tools/gen_uwsgi_handlers.py [--reference JSON] [--out JSON]
"""
from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from typing import Any

# The shared reference folder sits beside the project.
DEFAULT_REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "reference",
                                 "uwsgi-options.json")
DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "wsgilint", "model", "uwsgi_handlers.json")
MASTER_FLAGS = ("UWSGI_OPT_MASTER", "UWSGI_OPT_LOG_MASTER", "UWSGI_OPT_REQ_LOG_MASTER")
PROCNAME_FLAG = "UWSGI_OPT_PROCNAME"
PREFIX = "uwsgi_opt_"


def build(reference: dict[str, Any]) -> dict[str, Any]:
    by_handler: dict[str, list[str]] = defaultdict(list)
    master: list[str] = []
    procname: list[str] = []
    for option in reference["options"]:
        source = option["source"]
        by_handler[source["func"].removeprefix(PREFIX)].append(option["name"])
        flags = {flag.strip() for flag in source["flags"].split("|")}
        if flags & set(MASTER_FLAGS):
            master.append(option["name"])
        if PROCNAME_FLAG in flags:
            procname.append(option["name"])
    return {
        "uwsgi_version": reference["uwsgi_version"],
        "handlers": {handler: sorted(by_handler[handler]) for handler in sorted(by_handler)},
        "forces_master": sorted(master),
        "names_processes": sorted(procname),
    }


def dump(table: dict[str, Any]) -> str:
    """One handler per line keeps the committed file small and its diffs readable."""
    rows = [f"    {json.dumps(h)}: {json.dumps(names)}" for h, names in table["handlers"].items()]
    return "\n".join([
        "{",
        f'  "uwsgi_version": {json.dumps(table["uwsgi_version"])},',
        '  "handlers": {',
        ",\n".join(rows),
        "  },",
        f'  "forces_master": {json.dumps(table["forces_master"])},',
        f'  "names_processes": {json.dumps(table["names_processes"])}',
        "}",
    ]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    with open(args.reference, encoding="utf-8") as handle:
        reference = json.load(handle)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(dump(build(reference)))


if __name__ == "__main__":
    main()
