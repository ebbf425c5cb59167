"""Build ``wsgilint/readers/uwsgi_options.json`` from an installed uWSGI binary.

Names and short flags come from ``uwsgi --help``. Whether an option takes an argument
is not printed there, so each option is probed against the binary's own getopt table:

* ``uwsgi --NAME=x --help`` answers "doesn't allow an argument"  -> ``none``
* ``uwsgi --iprint=M1 --NAME --iprint=M2 --help`` prints M2 on its own line only
  when ``--NAME`` did not swallow the next word                  -> ``optional``
* otherwise                                                       -> ``required``

Options whose mere parsing has side effects (signalling a running instance, building
a plugin, changing uid, ...) are not probed; their kind comes from the reference table
when it is present, else ``required``. Alias groups cannot be seen from outside the
binary either, so they are taken from the reference table when present.

Usage: python tools/gen_uwsgi_options.py [--uwsgi PATH] [--reference JSON] [--out JSON]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HELP_LINE = re.compile(r"^    (?:-(.)\|)?--(\S+)(?: +(.*))?$")
# The shared reference folder sits beside the project.
DEFAULT_REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "reference",
                                 "uwsgi-options.json")
DEFAULT_OUT = os.path.join(os.path.dirname(__file__), "..", "wsgilint", "readers", "uwsgi_options.json")

# Parsing these acts at once (they are immediate options): they would signal or
# stop a running instance, run code, change identity or write files.
SIDE_EFFECTS = frozenset({
    "resolve", "stop", "reload", "pause", "suspend", "resume", "connect-and-read", "extract",
    "help", "usage", "print-sym", "print-symbol", "signal", "immediate-uid", "immediate-gid",
    "dlopen", "binary-append-data", "iprint", "exit", "build-plugin",
})
PROBE_TIMEOUT = 10


def _clean_env() -> dict[str, str]:
    # UWSGI_* variables are read as options and would change every probe.
    return {k: v for k, v in os.environ.items() if not k.startswith("UWSGI_")}


def _run(binary: str, args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run([binary, *args], cwd=cwd, env=_clean_env(), stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, errors="replace", timeout=PROBE_TIMEOUT)
    except subprocess.TimeoutExpired as timeout:
        out = timeout.stdout or ""
        err = timeout.stderr or ""
        return (out.decode(errors="replace") if isinstance(out, bytes) else out) + \
            (err.decode(errors="replace") if isinstance(err, bytes) else err)
    return done.stdout + done.stderr


def read_help(binary: str) -> tuple[list[tuple[str, str | None]], str]:
    with tempfile.TemporaryDirectory() as cwd:
        text = _run(binary, ["--help"], cwd)
        version = _run(binary, ["--version"], cwd).strip()
    options = []
    for line in text.splitlines():
        match = HELP_LINE.match(line)
        if match:
            options.append((match.group(2), match.group(1)))
    return options, version


def probe(binary: str, name: str) -> str:
    # Each probe gets its own directory: some options create or lock files named by their argument.
    with tempfile.TemporaryDirectory() as cwd:
        if "doesn't allow an argument" in _run(binary, [f"--{name}=x", "--help"], cwd):
            return "none"
        output = _run(binary, ["--iprint=M1", f"--{name}", "--iprint=M2", "--help"], cwd)
    return "optional" if "M2" in output.splitlines() else "required"


def load_reference(path: str) -> dict | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def build(binary: str, reference_path: str, jobs: int) -> dict:
    listed, version = read_help(binary)
    reference = load_reference(reference_path)
    ref_options = {o["name"]: o for o in reference["options"]} if reference else {}

    probed_names = [name for name, _ in listed if name not in SIDE_EFFECTS]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        kinds = dict(zip(probed_names, pool.map(lambda n: probe(binary, n), probed_names), strict=False))

    options: dict[str, dict] = {}
    short_flags: dict[str, list[str]] = {}
    for name, short in listed:
        entry: dict = {}
        if short:
            entry["short"] = short
            short_flags.setdefault(short, []).append(name)
        if name in kinds:
            entry["takes_arg"] = kinds[name]
        else:
            entry["takes_arg"] = ref_options.get(name, {}).get("takes_arg", "required")
            entry["probed"] = False
        aliases = [a for a in ref_options.get(name, {}).get("aliases", []) if a != name]
        if aliases:
            entry["aliases"] = aliases
        if ref_options.get(name, {}).get("immediate"):
            entry["immediate"] = True
        options[name] = entry

    mismatches = sorted(n for n in kinds if n in ref_options and ref_options[n]["takes_arg"] != kinds[n])
    return {
        "uwsgi_version": version,
        "count": len(options),
        "takes_arg_source": "probed from the binary's getopt table; options with side effects from "
                            + ("the reference table" if reference else "the default 'required'"),
        "aliases_source": ("reference table " + os.path.basename(reference_path)
                           + " (alias groups are not visible from --help)") if reference else "none available",
        "probe_mismatches_with_reference": mismatches,
        "short_flags": short_flags,
        "options": options,
    }


def dump(table: dict) -> str:
    """One option per line keeps the committed file small and its diffs readable."""
    head = {k: v for k, v in table.items() if k != "options"}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, separators=(',', ':'))},")
    lines.append('  "options": {')
    rows = [f"    {json.dumps(n)}: {json.dumps(e, separators=(',', ':'))}" for n, e in table["options"].items()]
    lines.append(",\n".join(rows))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uwsgi", default="uwsgi")
    parser.add_argument("--reference", default=DEFAULT_REFERENCE)
    parser.add_argument("--out", default=os.path.normpath(DEFAULT_OUT))
    parser.add_argument("--jobs", type=int, default=16)
    args = parser.parse_args(argv)
    table = build(args.uwsgi, args.reference, args.jobs)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(dump(table))
    print(f"{table['count']} options from uWSGI {table['uwsgi_version']} -> {args.out}", file=sys.stderr)
    if table["probe_mismatches_with_reference"]:
        print(f"differs from the reference: {table['probe_mismatches_with_reference']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
