"""Run the full-size fuzzing of each reader and keep one log per reader.

Each reader's ``test_<name>_fuzz`` runs in its own pytest process (``--jobs`` at a
time); its log gets the Hypothesis statistics and a last line
``rc=<exit code> seconds=<wall time> commit=<HEAD>`` (``-dirty`` when the working tree
has changes), which ``tools/fidelity_report.py --fuzz-logs DIR`` turns into the
table in ``docs/fidelity.md``.

    python tools/fuzz_readers.py --logs build/fuzz --jobs 2            # every reader
    python tools/fuzz_readers.py --logs build/fuzz nginx uwsgi_argv    # some of them
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))


def readers() -> list[str]:
    import test_fuzz

    return sorted(name[len("test_"):-len("_fuzz")] for name in vars(test_fuzz)
                  if name.startswith("test_") and name.endswith("_fuzz"))


def commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True)
    if head.returncode != 0:
        return "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=PROJECT,
                           capture_output=True, text=True).stdout.strip()
    return head.stdout.strip() + ("-dirty" if dirty else "")


def fuzz(name: str, logs: Path, revision: str) -> int:
    log = logs / f"{name}.log"
    started = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/test_fuzz.py", "-m", "fuzz", "-k", f"test_{name}_fuzz", "-q",
             "-p", "no:cacheprovider", "--hypothesis-show-statistics"],
            cwd=PROJECT, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT).returncode
    with open(log, "a") as out:
        out.write(f"rc={code} seconds={round(time.monotonic() - started)} commit={revision}\n")
    print(f"{name}: {'passed' if code == 0 else f'exit {code}'} ({log})", flush=True)
    return code


def main() -> None:
    known = readers()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="reader", help=f"default: all of {', '.join(known)}")
    parser.add_argument("--logs", type=Path, required=True)
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    unknown = sorted(set(options.names) - set(known))
    if unknown:
        parser.error(f"no fuzz test for {', '.join(unknown)}; readers: {', '.join(known)}")
    options.logs.mkdir(parents=True, exist_ok=True)
    revision = commit()
    os.environ.setdefault("WSGILINT_FUZZ_EXAMPLES", "100000")
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        codes = list(pool.map(lambda name: fuzz(name, options.logs, revision), options.names or known))
    sys.exit(1 if any(codes) else 0)


if __name__ == "__main__":
    main()
