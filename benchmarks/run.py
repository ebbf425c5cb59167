#!/usr/bin/env python3
"""Time wsgilint against crossplane, gixy-next and nginx -t on generated fleets, in one run.

    python benchmarks/run.py [--sizes 1000 5000 10000] [--repeat 3] [--no-docs] [--startup-only]

Each fleet comes from ``../shared/bench/gen_fleet.py`` (an /etc-like tree of N apps).
Every measurement runs the tool in a fresh child of a small launcher process, which
reports the wall time of that child and its peak RSS (``ru_maxrss`` of
RUSAGE_CHILDREN, which then covers that one child and whatever it waited for).
Each figure is the best wall time of ``--repeat`` runs and the highest RSS seen. The runs go
in rounds, each tool once per round, so that the load of a shared machine falls on all the
tools compared alike.
A tool that is missing or fails is reported as such; the other figures still count.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GENERATOR = ROOT.parent / "shared" / "bench" / "gen_fleet.py"
DOCS = ROOT / "docs" / "performance.md"
ANALYSIS_MARKER = "<!-- analysis: kept when the tables are measured again -->"

LAUNCHER = """\
import json, resource, subprocess, sys, time
out_path, err_path, *command = sys.argv[1:]
with open(out_path, "wb") as out, open(err_path, "wb") as err:
    started = time.perf_counter()
    code = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err).returncode
    elapsed = time.perf_counter() - started
print(json.dumps({"code": code, "seconds": elapsed,
                  "maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""

# Parses each main file with its includes, as a crossplane-based linter would before any check.
CROSSPLANE_PARSE = """\
import sys, crossplane
for path in sys.argv[1:]:
    crossplane.parse(path)
"""

# The targets this project holds itself to (issue "Fast at fleet scale"; benchmarks/README.md).
CROSSPLANE_FACTOR = 3.0          # whole check vs crossplane.parse of the nginx part (stretch 1.5)
NGINX_PART_FACTOR = 1.5          # wsgilint on the nginx part alone vs crossplane.parse
GIXY_SPEEDUP = 2.0               # gixy-next / check, at every size (stretch 4)
DOUBLING_LIMIT = 2.1             # time(2n) / time(n)
RSS_LIMIT_MIB = 140.0            # peak RSS at 5000 apps, every format
RSS_AT = 5000
CHECK_STARTUP_FACTOR = 1.5       # check examples/seed-django vs import typer, rich
VERSION_STARTUP_FACTOR = 1.1     # wsgilint --version vs import typer, rich
FORMATS = ("json", "console", "sarif")


@dataclass
class Measurement:
    tool: str
    apps: int | None
    seconds: float | None = None
    rss_mib: float | None = None
    failure: str = ""
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.failure


def beside_python(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if os.access(candidate, os.X_OK) else shutil.which(name)


def wsgilint_command() -> list[str]:
    found = beside_python("wsgilint")
    return [found] if found else [sys.executable, "-m", "wsgilint"]


@dataclass
class Spec:
    """One measurement to take: a tool's command, how many runs, which exit codes are fine."""

    tool: str
    apps: int | None
    command: list[str]
    repeat: int
    accept: tuple[int, ...] = (0,)


def measure_all(specs: list[Spec], work: Path) -> list[Measurement]:
    """Each spec's best time and highest RSS over its runs, taken in rounds: each round runs
    every spec that has runs left once, in turn, so that a change in the machine's load falls
    on all the tools compared, not on whichever ran while it lasted."""
    results = [Measurement(spec.tool, spec.apps) for spec in specs]
    out, err = work / "out", work / "err"
    for round_number in range(max((spec.repeat for spec in specs), default=0)):
        for spec, result in zip(specs, results, strict=True):
            if round_number >= spec.repeat or result.failure:
                continue
            launched = subprocess.run([sys.executable, "-c", LAUNCHER, str(out), str(err), *spec.command],
                                      capture_output=True, text=True, stdin=subprocess.DEVNULL)
            if launched.returncode != 0:
                result.failure = f"could not start: {launched.stderr.strip().splitlines()[-1:]}"
                continue
            report = json.loads(launched.stdout)
            if report["code"] not in spec.accept:
                tail = err.read_text(errors="replace").strip().splitlines()[-1:] or ["(no stderr)"]
                result.failure = f"exit {report['code']}: {tail[0][:160]}"
                continue
            rss = report["maxrss_kib"] / 1024
            result.seconds = report["seconds"] if result.seconds is None else min(result.seconds, report["seconds"])
            result.rss_mib = rss if result.rss_mib is None else max(result.rss_mib, rss)
            if spec.tool == "wsgilint check" and not result.note:
                try:
                    summary = json.loads(out.read_text())["summary"]
                    result.note = ", ".join(f"{count} {severity}" for severity, count in summary.items())
                except (ValueError, KeyError, TypeError) as error:
                    result.failure = f"output is not the JSON report: {error}"
    return results


def generate(generator: Path, apps: int, into: Path) -> Path:
    fleet = into / f"fleet-{apps}"
    subprocess.run([sys.executable, str(generator), str(fleet), "--apps", str(apps)], check=True,
                   stdin=subprocess.DEVNULL)
    return fleet


def bench_fleet(fleet: Path, apps: int, repeat: int, work: Path, jobs: list[int]) -> list[Measurement]:
    main_confs = sorted(str(path) for path in fleet.rglob("nginx.conf"))
    # Exit 1 only says findings were reported; a fleet is built to have some.
    check = [*wsgilint_command(), "check", str(fleet)]
    specs = [Spec("wsgilint check", apps, [*check, "--format", "json"], repeat, (0, 1))]
    # The other formats once each: their peak RSS (the time differs by the rendering only).
    specs += [Spec(f"wsgilint check --format {name}", apps, [*check, "--format", name], 1, (0, 1))
              for name in FORMATS[1:]]
    specs += [Spec(f"wsgilint check --jobs {n}", apps, [*check, "--format", "json", "--jobs", str(n)], repeat, (0, 1))
              for n in jobs]
    # The nginx part alone: discovery, reading and the model of etc/nginx, and one rule.
    specs.append(Spec("wsgilint nginx part", apps, [*wsgilint_command(), "check", str(fleet / "etc" / "nginx"),
                                                    "--root", str(fleet), "--select", "E002", "--format", "json"],
                      repeat, (0, 1)))
    specs.append(Spec("crossplane parse (nginx only)", apps, [sys.executable, "-c", CROSSPLANE_PARSE, *main_confs],
                      repeat))
    missing: list[Measurement] = []
    gixy = beside_python("gixy")
    if gixy is None:
        missing.append(Measurement("gixy-next (nginx only)", apps, failure="not installed (pip install -e '.[bench]')"))
    else:
        # gixy exits 1 when it reports issues.
        specs.append(Spec("gixy-next (nginx only)", apps, [gixy, "-f", "json", *main_confs], repeat, (0, 1)))
    nginx = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
    if nginx is None:
        missing.append(Measurement("nginx -t (nginx only)", apps, failure="nginx is not installed"))
    else:
        # Exit 1 from 5000 apps on: the fleet's 1024 worker_connections are too few for its
        # listening sockets (a finding of wsgilint too); nginx has read the whole tree by then.
        specs += [Spec("nginx -t (nginx only)", apps, [nginx, "-t", "-q", "-c", conf], repeat, (0, 1))
                  for conf in main_confs[:1]]
    measured = {result.tool: result for result in measure_all(specs, work) + missing}
    order = ["wsgilint check", *(f"wsgilint check --format {name}" for name in FORMATS[1:]),
             *(f"wsgilint check --jobs {n}" for n in jobs), "wsgilint nginx part", "crossplane parse (nginx only)",
             "gixy-next (nginx only)", "nginx -t (nginx only)"]
    return [measured[tool] for tool in order if tool in measured]


def bench_startup(repeat: int, work: Path) -> list[Measurement]:
    # Start-up takes tens of milliseconds; more runs keep the best time out of the noise.
    repeat = max(repeat, 10)
    seed = ROOT / "examples" / "seed-django"
    return measure_all([
        Spec("wsgilint --version", None, [*wsgilint_command(), "--version"], repeat),
        Spec("wsgilint check examples/seed-django", None, [*wsgilint_command(), "check", str(seed)], repeat, (0, 1)),
        Spec("python -c 'import typer, rich'", None, [sys.executable, "-c", "import typer, rich"], repeat),
    ], work)


@dataclass
class Target:
    name: str
    measured: str
    limit: str
    passed: bool | None      # None: could not be measured in this run


def find(results: list[Measurement], tool: str, apps: int | None) -> Measurement | None:
    found = next((m for m in results if m.tool == tool and m.apps == apps), None)
    return found if found and found.ok else None


def targets(results: list[Measurement], sizes: list[int]) -> list[Target]:
    out = []

    def ratio(name: str, top: Measurement | None, bottom: Measurement | None, limit: float, at_most: bool) -> None:
        sign = "≤" if at_most else "≥"
        if top is None or bottom is None or not bottom.seconds or top.seconds is None:
            out.append(Target(name, "n/a", f"{sign} {limit:g}×", None))
            return
        value = top.seconds / bottom.seconds
        out.append(Target(name, f"{value:.2f}×", f"{sign} {limit:g}×", value <= limit if at_most else value >= limit))

    for apps in sizes:
        check = find(results, "wsgilint check", apps)
        crossplane = find(results, "crossplane parse (nginx only)", apps)
        ratio(f"check / crossplane, {apps} apps", check, crossplane, CROSSPLANE_FACTOR, True)
        ratio(f"nginx part / crossplane, {apps} apps", find(results, "wsgilint nginx part", apps), crossplane,
              NGINX_PART_FACTOR, True)
        ratio(f"gixy-next / check, {apps} apps", find(results, "gixy-next (nginx only)", apps), check, GIXY_SPEEDUP,
              False)
    for apps in sizes:
        if apps * 2 in sizes:
            ratio(f"check {apps * 2} / check {apps} apps", find(results, "wsgilint check", apps * 2),
                  find(results, "wsgilint check", apps), DOUBLING_LIMIT, True)
    if RSS_AT in sizes:
        for name in FORMATS:
            tool = "wsgilint check" if name == "json" else f"wsgilint check --format {name}"
            m = find(results, tool, RSS_AT)
            out.append(Target(f"peak RSS, {RSS_AT} apps, --format {name}",
                              f"{m.rss_mib:.0f} MiB" if m and m.rss_mib is not None else "n/a",
                              f"≤ {RSS_LIMIT_MIB:g} MiB", m.rss_mib <= RSS_LIMIT_MIB if m and m.rss_mib else None))
    imports = find(results, "python -c 'import typer, rich'", None)
    ratio("check examples/seed-django / import typer, rich", find(results, "wsgilint check examples/seed-django", None),
          imports, CHECK_STARTUP_FACTOR, True)
    ratio("wsgilint --version / import typer, rich", find(results, "wsgilint --version", None), imports,
          VERSION_STARTUP_FACTOR, True)
    return out


def speedups(results: list[Measurement], sizes: list[int], jobs: list[int]) -> str:
    rows = []
    for apps in sizes:
        runs = [find(results, f"wsgilint check --jobs {n}", apps) for n in jobs]
        base = runs[0]
        rows.append([str(apps)] + [
            f"{m.seconds:.2f} s ({base.seconds / m.seconds:.2f}×)" if m and m.seconds and base and base.seconds
            else "—" for m in runs])
    return table(["apps", *[f"--jobs {n}" for n in jobs]], rows)


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def results_table(results: list[Measurement]) -> str:
    rows = []
    for m in results:
        rows.append([
            m.tool, "" if m.apps is None else str(m.apps),
            f"{m.seconds:.3f}" if m.seconds is not None else "—",
            f"{m.rss_mib:.0f}" if m.rss_mib is not None else "—",
            f"FAILED: {m.failure}" if m.failure else m.note,
        ])
    return table(["tool", "apps", "best wall time (s)", "peak RSS (MiB)", "notes"], rows)


def targets_table(found: list[Target]) -> str:
    verdict = {True: "pass", False: "**FAIL**", None: "not measured"}
    return table(["target", "measured", "limit", "verdict"],
                 [[t.name, t.measured, t.limit, verdict[t.passed]] for t in found])


def version_of(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    except OSError:
        return "not installed"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0] if done.returncode == 0 and text else "not available"


def machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    gixy = beside_python("gixy")
    return [
        ("date (UTC)", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")),
        ("system", platform.platform()),
        ("CPU", f"{cpu}, {os.cpu_count()} logical CPUs"),
        ("memory", memory or "unknown"),
        ("Python", sys.version.split()[0]),
        ("wsgilint", version_of([*wsgilint_command(), "--version"])),
        ("crossplane", version_of([sys.executable, "-c", "import crossplane; print(crossplane.__version__)"])),
        ("gixy-next", version_of([gixy, "--version"]) if gixy else "not installed"),
        ("nginx", version_of([nginx, "-v"]) if (nginx := shutil.which("nginx") or shutil.which("/usr/sbin/nginx"))
         else "not installed"),
        ("commit", version_of(["git", "-C", str(ROOT), "describe", "--always", "--dirty"])),
    ]


def write_docs(path: Path, sizes: list[int], repeat: int, results: list[Measurement],
               found: list[Target], jobs: list[int]) -> None:
    about = "\n".join(f"- {name}: {value}" for name, value in machine())
    path.parent.mkdir(parents=True, exist_ok=True)
    # The hand-written analysis below the marker outlives a new measurement.
    previous = path.read_text() if path.exists() else ""
    analysis = previous[previous.index(ANALYSIS_MARKER):] if ANALYSIS_MARKER in previous else ""
    path.write_text(f"""# Performance

Measured by `python benchmarks/run.py --sizes {' '.join(map(str, sizes))} --repeat {repeat}`
(see `benchmarks/README.md` for the method). Fleets come from `gen_fleet.py`: per app an
nginx server block and either a uWSGI vassal with a Supervisor program or a Gunicorn config
with a systemd unit; about one app in ten has a defect. wsgilint reads the whole tree;
crossplane and gixy-next read only the nginx part.

{about}

## Results

Best wall time of {repeat} runs, taken in rounds (each tool once per round); peak RSS is the
highest seen in those runs.

{results_table(results)}

## Targets

{targets_table(found)}

## Processes (`--jobs`)

Best wall time of the JSON check with N processes for discovery and the rules, and the
speed-up over one.

{speedups(results, sizes, jobs)}

{analysis}""".rstrip() + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000], help="apps per fleet")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    parser.add_argument("--generator", type=Path, default=DEFAULT_GENERATOR, help="path of gen_fleet.py")
    parser.add_argument("--no-docs", action="store_true", help=f"do not write {DOCS.relative_to(ROOT)}")
    parser.add_argument("--startup-only", action="store_true",
                        help="measure only start-up (no fleet, no generator needed); implies --no-docs")
    args = parser.parse_args(argv)
    if args.startup_only:
        args.sizes, args.no_docs = [], True
    elif not args.generator.is_file():
        parser.error(f"{args.generator} not found; pass --generator")
    sizes = sorted(set(args.sizes))
    jobs = sorted({1, 2, os.cpu_count() or 1})

    results: list[Measurement] = []
    with tempfile.TemporaryDirectory(prefix="wsgilint-bench-") as scratch:
        work = Path(scratch)
        for apps in sizes:
            fleet = generate(args.generator, apps, work)
            results += bench_fleet(fleet, apps, args.repeat, work, jobs)
            shutil.rmtree(fleet)
        results += bench_startup(args.repeat, work)

    found = targets(results, sizes)
    print(results_table(results))
    print()
    print(targets_table(found))
    if sizes:
        print()
        print(speedups(results, sizes, jobs))
    if not args.no_docs:
        write_docs(DOCS, sizes, args.repeat, results, found, jobs)
        print(f"\nwrote {DOCS}")
    return 1 if any(not m.ok for m in results if m.tool.startswith("wsgilint")) else 0


if __name__ == "__main__":
    sys.exit(main())
