"""Golden outputs: the findings wsgilint reports on fixed workloads, kept so that a change
in the model, a reader or a rule shows every finding it adds or removes.

Workloads: each tree under ``examples/``, the shared corpus (whole, and each bundle alone)
and the benchmark fleet of 1000 apps. Findings are stored as sorted JSON lines with the
workload's own location replaced by a placeholder, so the files do not depend on where the
checkout is.

    python tools/golden.py            # compare, print what changed, exit 1 on a difference
    python tools/golden.py --update   # write tests/golden/*.jsonl.gz from this commit
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GOLDEN = PROJECT / "tests" / "golden"
SHARED = PROJECT.parent / "shared"
CORPUS = SHARED / "corpus"
FLEET = SHARED / "bench" / "gen_fleet.py"
FLEET_APPS = 1000


def workloads() -> Iterator[tuple[str, Path]]:
    """(name, tree) for every workload that exists here."""
    for example in sorted((PROJECT / "examples").iterdir()):
        if example.is_dir():
            yield f"example-{example.name}", example
    if CORPUS.is_dir():
        yield "corpus", CORPUS
        for bundle in sorted((CORPUS / "bundles").iterdir()):
            yield f"bundle-{bundle.name}", bundle


def findings_of(tree: Path) -> list[str]:
    """The findings of ``wsgilint check TREE`` as sorted JSON lines, ``TREE`` spelt ``<tree>``.
    It runs from an empty directory, so every displayed path is absolute and normalised."""
    from wsgilint.api import check

    previous = os.getcwd()
    with tempfile.TemporaryDirectory() as cwd:
        os.chdir(cwd)
        try:
            result = check([str(tree)])
        finally:
            os.chdir(previous)
    lines = []
    for f in result.findings:
        record = {"code": f.code, "severity": f.severity, "message": f.message,
                  "at": [f.at.path, f.at.line, f.at.column, f.at.end_column],
                  "related": [[r.at.path, r.at.line, r.at.column, r.message] for r in f.related]}
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True).replace(str(tree), "<tree>"))
    return sorted(lines)


def fleet_findings() -> list[str]:
    """The fleet is generated under a path of fixed length: a unix socket path longer than
    the kernel's 108 bytes is a finding, so a longer temporary directory changes them."""
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        fleet = Path(tmp) / "fleet"
        subprocess.run([sys.executable, str(FLEET), str(fleet), "--apps", str(FLEET_APPS)], check=True,
                       stdout=subprocess.DEVNULL)
        return findings_of(fleet.resolve())


def current() -> Iterator[tuple[str, list[str]]]:
    for name, tree in workloads():
        yield name, findings_of(tree.resolve())
    if FLEET.is_file():
        yield f"fleet-{FLEET_APPS}", fleet_findings()


def stored(name: str) -> list[str] | None:
    path = GOLDEN / f"{name}.jsonl.gz"
    if not path.is_file():
        return None
    return gzip.decompress(path.read_bytes()).decode().splitlines()


def differences(name: str, now: list[str]) -> list[str]:
    before = stored(name)
    if before is None:
        return [f"{name}: no golden file"]
    gone = sorted(set(before) - set(now))
    new = sorted(set(now) - set(before))
    return [f"{name}: - {line}" for line in gone] + [f"{name}: + {line}" for line in new]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="write the golden files from this commit")
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT))
    for needed in (CORPUS, FLEET):
        if not needed.exists():
            print(f"golden: {needed} is missing; its workloads are not compared", file=sys.stderr)
    changed = 0
    for name, now in current():
        if args.update:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            data = ("\n".join(now) + "\n").encode() if now else b""
            (GOLDEN / f"{name}.jsonl.gz").write_bytes(gzip.compress(data, mtime=0))
            print(f"{name}: {len(now)} findings written")
            continue
        for line in differences(name, now):
            changed += 1
            print(line)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
