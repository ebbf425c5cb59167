"""Write into README.md what ``wsgilint check examples/seed-django`` prints, so the README
shows the console as it really is (run from the repository's root, 100 columns, no colour).

    python tools/readme_output.py          # write
    python tools/readme_output.py --check  # exit 1 when the README's copy is stale
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
START = "<!-- seed-output:start -->"
END = "<!-- seed-output:end -->"
COMMAND = ["wsgilint", "check", "examples/seed-django"]
WIDTH = "100"


def console_output() -> str:
    env = {key: value for key, value in os.environ.items()
           if key not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "CI")}
    done = subprocess.run([sys.executable, "-m", "wsgilint", *COMMAND[1:]], capture_output=True, text=True,
                          cwd=PROJECT, env={**env, "COLUMNS": WIDTH, "PYTHONPATH": str(PROJECT)}, timeout=120,
                          check=False)
    if done.returncode not in (0, 1) or done.stderr:
        raise SystemExit(f"{' '.join(COMMAND)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def with_output(readme: str) -> str:
    head, found, rest = readme.partition(START)
    if not found:
        raise SystemExit(f"README.md has no {START} marker")
    _, _, tail = rest.partition(END)
    block = f"```console\n$ {' '.join(COMMAND)}\n{console_output()}```\n"
    return f"{head}{START}\n{block}{END}{tail}"


def main() -> int:
    path = PROJECT / "README.md"
    readme = path.read_text(encoding="utf-8")
    wanted = with_output(readme)
    if "--check" in sys.argv[1:]:
        if wanted != readme:
            print("README.md: the seed example's output is stale; run python tools/readme_output.py")
            return 1
        return 0
    path.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
