"""Write ``wsgilint/readers/supervisor_keys.json``: the keys supervisord 4.3 reads, by section kind.

A development tool. The source is the curated table ``supervisor-keys.json`` of the
project's reference notes (built from ``supervisor/options.py`` 4.3.0, one entry per
key with its validator and source line); this script keeps only what the rules need
at run time: the key names per section kind. ``tests/test_supervisor_keys.py`` holds
the result to the installed supervisor's own source.

    python tools/gen_supervisor_keys.py [REFERENCE_JSON] [OUTPUT]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
REFERENCE = PROJECT.parent / "shared" / "reference" / "supervisor-keys.json"
OUTPUT = PROJECT / "wsgilint" / "readers" / "supervisor_keys.json"

# Section kinds whose extra keys supervisord hands to a factory as keyword arguments:
# any key is accepted by the parser, so no key list applies.
OPEN_KINDS = ("rpcinterface", "ctlplugin")


def build(reference: dict) -> dict:
    by_name = {name.split(":")[0]: [k["key"] for k in section["keys"]]
               for name, section in reference["sections"].items()}
    program = by_name["program"]
    sections = {
        "supervisord": by_name["supervisord"],
        "supervisorctl": by_name["supervisorctl"],
        "unix_http_server": by_name["unix_http_server"],
        "inet_http_server": by_name["inet_http_server"],
        "program": program,
        "fcgi-program": program + by_name["fcgi-program"],
        "eventlistener": program + [k for k in by_name["eventlistener"] if k not in program],
        "group": by_name["group"],
        "include": by_name["include"],
    }
    return {
        "supervisor": "4.3.0",
        "source": "supervisor/options.py via the reference table supervisor-keys.json",
        "sections": {kind: sorted(set(keys)) for kind, keys in sections.items()},
        "open_sections": list(OPEN_KINDS),
    }


def main() -> None:
    reference = Path(sys.argv[1]) if len(sys.argv) > 1 else REFERENCE
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else OUTPUT
    table = build(json.loads(reference.read_text()))
    output.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    print(f"wrote {output}: {sum(len(k) for k in table['sections'].values())} keys")


if __name__ == "__main__":
    main()
