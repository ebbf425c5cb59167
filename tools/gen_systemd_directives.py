"""Write ``wsgilint/readers/systemd_directives.json``: the keys systemd accepts, by section.

A development tool, run on a machine with the systemd the table should describe
(Debian 12: systemd 252). ``systemd --dump-configuration-items`` prints the unit-file
parser's own table (``load-fragment-gperf``); the ``[Install]`` keys it lists are the
ones ``src/shared/install.c`` reads. Only the sections of the unit types wsgilint
reads are kept. ``targets`` lists the ``.target`` units the systemd package installs
(``/lib/systemd/system``), so a misspelt ``WantedBy=multiuser.target`` can be told
from a target of the admin's own.

    python tools/gen_systemd_directives.py [SYSTEMD_BINARY] [OUTPUT] [UNIT_DIRECTORY]
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "wsgilint" / "readers" / "systemd_directives.json"
SECTIONS = ("Unit", "Service", "Socket", "Install")


def parse_dump(text: str) -> dict[str, list[str]]:
    sections: dict[str, set[str]] = {}
    current = None
    for line in text.splitlines():
        header = re.fullmatch(r"\[(\w+)\]", line.strip())
        if header:
            current = header.group(1)
            continue
        if current and "=" in line:
            sections.setdefault(current, set()).add(line.split("=", 1)[0].strip())
    return {name: sorted(sections.get(name, ())) for name in SECTIONS}


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else "/lib/systemd/systemd"
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else OUTPUT
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
    dump = subprocess.run([binary, "--dump-configuration-items"], capture_output=True, text=True, check=True).stdout
    unit_dir = Path(sys.argv[3]) if len(sys.argv) > 3 else Path("/lib/systemd/system")
    targets = sorted(p.name for p in unit_dir.glob("*.target") if "@" not in p.name)
    table = {"systemd": version, "sections": parse_dump(dump), "targets": targets}
    output.write_text(json.dumps(table, indent=1) + "\n")
    print(f"wrote {output}: systemd {version}, " + ", ".join(f"{k} {len(v)}" for k, v in table["sections"].items()))


if __name__ == "__main__":
    main()
