"""Measure how often wsgilint's errors and warnings are true on repositories nobody here wrote.

The set (``tests/precision/set.json``) pins, for each public repository, a commit and the
config files taken from it (from round 27 on, its whole tree, as a clone checks it out), and puts the repository in a round and, within it, in the "tune"
or the "held-back" half. A round is a set built afresh once the previous round's held-back
half has been looked at (a half measured once is no longer unseen).
The files are materialised at that commit into a cache outside the checkout (paths kept as
in the repository), ``wsgilint check . --format json`` is run inside each repository's
copy, and every error and warning is joined with its hand judgment from
``tests/precision/judgments/`` (one file per round). Precision per rule is true / (true + false); "unsure"
findings and findings nobody has judged yet are counted apart.

    python tools/precision.py [--round N] [--half tune|held-back] [--write-doc] [--findings]

``--round`` defaults to the newest round of the set.

Files come from the snapshot store's git directories (``--mirror``, default $WSGILINT_PRECISION_MIRROR)
when they hold the commit, otherwise from raw.githubusercontent.com; once materialised, a
repository is read from the cache ($XDG_CACHE_HOME/wsgilint-precision). A whole tree is
taken from the snapshot store only (GitHub's raw files do not list a tree). The test suite never
runs this: it needs the network or the mirror.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PROJECT = Path(__file__).resolve().parent.parent
SET = PROJECT / "tests" / "precision" / "set.json"
JUDGMENTS = PROJECT / "tests" / "precision" / "judgments"
DOC = PROJECT / "docs" / "precision.md"
# Where a snapshot store keeps its git directories, if one is at hand (else GitHub is asked).
MIRROR = Path(os.environ.get("WSGILINT_PRECISION_MIRROR", ".mirror"))
SEVERITIES = ("error", "warning")
VERDICTS = ("true", "false", "unsure")
# A last guard: the set lists no file with a secret, but should one slip in, a key block or a
# URL with a password in it (``mysql://user:pw@host``, not ``${VAR}``) must never land on disk.
# The scheme starts a run of scheme characters and is short: on a minified or binary file a
# scheme that may start anywhere in a long run made the search quadratic.
SECRET = re.compile(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----|(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}://[^/\s:@'\"$]{1,200}:[^@\s'\"/$<]{1,200}@", re.I)


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wsgilint-precision"


@dataclass(frozen=True)
class Entry:
    """One repository of the set."""

    repo: str
    commit: str
    round: int
    half: str
    paths: tuple[str, ...]
    # path -> regex whose first group is kept and the rest of the match replaced by <redacted>
    redact: tuple[tuple[str, str], ...] = ()
    # The repository's whole tree, as a clone checks it out, instead of ``paths`` (round 27 on).
    whole_tree: bool = False


@dataclass(frozen=True)
class Found:
    """One error or warning wsgilint reported in a repository's copy."""

    repo: str
    code: str
    severity: str
    path: str
    line: int
    message: str
    fingerprint: str


@dataclass(frozen=True)
class Judgment:
    repo: str
    code: str
    path: str
    line: int
    message_prefix: str
    fingerprint: str
    verdict: str
    reason: str

    def matches(self, f: Found) -> bool:
        """By fingerprint (the rule, the file and the text of its line: a reworded message keeps
        it, and so its verdict), or else by place and the start of the message (where the line's
        text changed, the place and the message's first words still name the finding)."""
        if f.repo != self.repo or f.code != self.code:
            return False
        if self.fingerprint and f.fingerprint == self.fingerprint:
            return True
        return (f.path, f.line) == (self.path, self.line) and f.message.startswith(self.message_prefix)


def load_set(path: Path) -> list[Entry]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rounds = {r["round"] for r in data["rounds"]}
    entries = []
    seen: set[str] = set()
    for r in data["repos"]:
        if r["half"] not in ("tune", "held-back"):
            raise SystemExit(f"{path}: {r['repo']} has half {r['half']!r}")
        if r.get("round") not in rounds:
            raise SystemExit(f"{path}: {r['repo']} has round {r.get('round')!r}, not one of {sorted(rounds)}")
        # Judgments name a repository, not a round: one repository in two rounds would share them.
        if r["repo"] in seen:
            raise SystemExit(f"{path}: {r['repo']} is listed twice")
        seen.add(r["repo"])
        whole_tree = bool(r.get("whole_tree"))
        if whole_tree == bool(r.get("paths")):
            raise SystemExit(f"{path}: {r['repo']}: give either paths or whole_tree, not both or neither")
        for p in r.get("paths", []):
            pure = PurePosixPath(p)
            if pure.is_absolute() or ".." in pure.parts:
                raise SystemExit(f"{path}: {r['repo']}: path {p!r} leaves the repository")
        redact = tuple(sorted(r.get("redact", {}).items()))
        if any(p not in r.get("paths", []) for p, _ in redact):
            raise SystemExit(f"{path}: {r['repo']}: a redacted path is not among its paths")
        entries.append(Entry(r["repo"], r["commit"], r["round"], r["half"], tuple(r.get("paths", [])), redact,
                             whole_tree))
    return entries


def load_judgments(path: Path) -> list[Judgment]:
    """The judgments of a file, or of every round's file in a folder (``round-NN.json``)."""
    files = sorted(path.glob("round-*.json")) if path.is_dir() else [path] if path.exists() else []
    out = []
    for each in files:
        for j in json.loads(each.read_text(encoding="utf-8"))["judgments"]:
            if j["verdict"] not in VERDICTS:
                raise SystemExit(f"{each}: verdict {j['verdict']!r} for {j['repo']} {j['code']} is not one of "
                                 f"{VERDICTS}")
            out.append(Judgment(j["repo"], j["code"], j["path"], int(j["line"]), j.get("message_prefix", ""),
                                j.get("fingerprint", ""), j["verdict"], j["reason"]))
    return out


def mirror_git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+", 1) / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "objects").is_dir():
            return candidate
    return None


def blob(entry: Entry, path: str, mirror: Path) -> bytes:
    """The file's bytes at the pinned commit: from the mirror when it has the commit, else GitHub."""
    git_dir = mirror_git_dir(mirror, entry.repo)
    if git_dir is not None:
        shown = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{entry.commit}:{path}"],
                               capture_output=True, check=False)
        if shown.returncode == 0:
            return shown.stdout
    quoted = urllib.parse.quote(path)
    url = f"https://raw.githubusercontent.com/{entry.repo}/{entry.commit}/{quoted}"
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            data: bytes = response.read()
    except OSError as error:  # URLError and HTTPError are OSErrors
        raise SystemExit(f"{entry.repo}: {path}: not in the mirror at {entry.commit[:12]}, and {url}: {error}") from None
    return data


def executable(entry: Entry, path: str, mirror: Path) -> bool:
    """Whether git records the file as executable (mode 100755) at the pinned commit, as a
    checkout would make it; False where the mirror does not have the commit."""
    git_dir = mirror_git_dir(mirror, entry.repo)
    if git_dir is None:
        return False
    listed = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", entry.commit, "--", path],
                            capture_output=True, check=False, text=True)
    return listed.returncode == 0 and listed.stdout.startswith("100755 ")


def checkout(entry: Entry, tree: Path, mirror: Path) -> None:
    """The whole tree at the pinned commit, written as ``git checkout`` writes it (modes,
    symlinks; a submodule an empty folder), with every credential ``SECRET`` matches replaced
    by <redacted>. A blob the snapshot store lacks (it keeps no file of 4 MiB or more) is left
    out, as are paths that would leave the tree. The store is only read."""
    git_dir = mirror_git_dir(mirror, entry.repo)
    if git_dir is None:
        raise SystemExit(f"{entry.repo}: a whole tree needs the snapshot store (--mirror), which lacks it")
    git = ["git", f"--git-dir={git_dir}"]
    listed = subprocess.run([*git, "ls-tree", "-r", "-z", "--full-tree", entry.commit],
                            capture_output=True, check=False)
    if listed.returncode != 0:
        raise SystemExit(f"{entry.repo}: git ls-tree at {entry.commit[:12]}: {listed.stderr.decode().strip()}")
    items = []
    for record in filter(None, listed.stdout.split(b"\0")):
        meta, name = record.split(b"\t", 1)
        mode, _, sha = meta.decode().split()
        path = PurePosixPath(os.fsdecode(name))
        if not path.is_absolute() and ".." not in path.parts and ".git" not in path.parts:
            items.append((mode, sha, path))
    blobs = [sha for mode, sha, _ in items if mode != "160000"]
    batch = subprocess.run([*git, "cat-file", "--batch"], input="".join(f"{sha}\n" for sha in blobs).encode(),
                           capture_output=True, check=True).stdout
    contents: dict[str, bytes] = {}
    at = 0
    for sha in blobs:
        header_end = batch.index(b"\n", at)
        header = batch[at:header_end].split()
        at = header_end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        contents[sha] = batch[at:at + size]
        at += size + 1
    tree.mkdir(parents=True)
    for mode, sha, path in items:
        target = tree / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "160000":
            target.mkdir(exist_ok=True)
        elif sha not in contents:
            continue
        elif mode == "120000":
            target.symlink_to(os.fsdecode(contents[sha]))
        else:
            target.write_bytes(SECRET.sub(_redacted, contents[sha]))
            target.chmod(0o755 if mode == "100755" else 0o644)
    # As in a clone, a `.git` folder tells wsgilint it reads a repository, and its index lists
    # every file of the commit: what a .gitignore matches but git tracks is the repository's.
    (tree / ".git").mkdir()
    subprocess.run([*git, "read-tree", entry.commit], env={**os.environ, "GIT_INDEX_FILE": str(tree / ".git" / "index")},
                   capture_output=True, check=True)


def _redacted(match: re.Match[bytes]) -> bytes:
    """A URL keeps its scheme and user (``mysql://app:<redacted>@``), so it still reads as one."""
    text = match.group(0)
    return text[:text.rindex(b":") + 1] + b"<redacted>@" if b"://" in text else b"<redacted>"


def materialise(entry: Entry, cache: Path, mirror: Path) -> Path:
    """The repository's config files (or whole tree) at the pinned commit, under ``cache``; fetched once.
    The marker sits beside the tree, not in it, so wsgilint never sees it; when the set's
    entry changed, the tree is made anew (a file dropped from the set must not stay)."""
    tree = cache / entry.repo.replace("/", "+", 1) / entry.commit
    marker = tree.with_suffix(".json")
    # "modes": the files carry git's execute bit, as in a checkout (trees made before did not);
    # "index": a whole tree's .git holds the commit's index, as a clone's does.
    wanted = {"paths": list(entry.paths), "redact": [list(r) for r in entry.redact], "modes": 2,
              "whole_tree": entry.whole_tree, "index": 1}
    if marker.exists() and json.loads(marker.read_text(encoding="utf-8")) == wanted:
        return tree
    marker.unlink(missing_ok=True)
    shutil.rmtree(tree, ignore_errors=True)
    if entry.whole_tree:
        checkout(entry, tree, mirror)
        marker.write_text(json.dumps(wanted), encoding="utf-8")
        return tree
    redact = dict(entry.redact)
    for path in entry.paths:
        data = blob(entry, path, mirror)
        if path in redact:
            data, n = re.subn(redact[path].encode(), lambda m: m.group(1) + b"<redacted>", data)
            if not n:
                raise SystemExit(f"{entry.repo}: {path}: the redact pattern matches nothing; fix the set")
        if SECRET.search(data):
            raise SystemExit(f"{entry.repo}: {path} holds a secret; list it under left_out, not paths")
        target = tree / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        target.chmod(0o755 if executable(entry, path, mirror) else 0o644)
    # A checkout's modes are git's, which the files now carry: a `.git` folder says so to
    # wsgilint as it does in a clone (it reads nothing in it).
    (tree / ".git").mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps(wanted), encoding="utf-8")
    return tree


def run_wsgilint(entry: Entry, tree: Path) -> list[Found]:
    """Errors and warnings of ``wsgilint check .`` run inside the copy, so every path reads as
    it does in the repository (and fingerprints, which include the path, are stable)."""
    result = subprocess.run([sys.executable, "-m", "wsgilint", "check", ".", "--format", "json", "--fail-on", "never"],
                            cwd=tree, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONPATH": str(PROJECT)})
    if result.returncode != 0:
        raise SystemExit(f"{entry.repo}: wsgilint exited {result.returncode}: {result.stderr.strip()[-2000:]}")
    report = json.loads(result.stdout)
    return [Found(entry.repo, f["code"], f["severity"], f["path"], int(f["line"]), f["message"], f["fingerprint"])
            for f in report["findings"] if f["severity"] in SEVERITIES]


def verdict_of(finding: Found, judgments: list[Judgment]) -> Judgment | None:
    """The judgment of the finding's fingerprint; else one by place and message, which two
    findings of one line (one script two images run) share: only when no fingerprint decides."""
    same = next((j for j in judgments if j.fingerprint and j.fingerprint == finding.fingerprint
                 and (j.repo, j.code) == (finding.repo, finding.code)), None)
    return same or next((j for j in judgments if j.matches(finding)), None)


def table(findings: list[Found], judgments: list[Judgment]) -> tuple[list[str], list[Found]]:
    """Markdown rows of per-rule precision (with a total), and the findings nobody judged."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    unjudged = []
    for f in findings:
        j = verdict_of(f, judgments)
        counts.setdefault((f.code, f.severity), Counter())["unjudged" if j is None else j.verdict] += 1
        if j is None:
            unjudged.append(f)
    rows = ["| rule | severity | findings | true | false | unsure | unjudged | precision |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    total: Counter[str] = Counter()
    for (code, severity), c in sorted(counts.items(), key=lambda kv: (SEVERITIES.index(kv[0][1]), kv[0][0])):
        rows.append(row(code, severity, c))
        total.update(c)
    rows.append(row("**all**", "", total))
    return rows, unjudged


def row(code: str, severity: str, c: Counter[str]) -> str:
    judged = c["true"] + c["false"]
    precision = f"{c['true'] / judged:.0%}" if judged else "n/a"
    return (f"| {code} | {severity} | {sum(c.values())} | {c['true']} | {c['false']} | {c['unsure']} "
            f"| {c['unjudged']} | {precision} |")


def wsgilint_commit() -> str:
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, text=True, check=False)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "wsgilint", "rules"], cwd=PROJECT,
                           capture_output=True, text=True, check=False)
    commit = head.stdout.strip() or "unknown"
    return commit + (" (with uncommitted changes to wsgilint/ or rules/)" if dirty.stdout.strip() else "")


def marker(round_: int, half: str) -> str:
    return f"round:{round_} half:{half}"


def section(round_: int, half: str, entries: list[Entry], rows: list[str], findings: list[Found],
            judgments: list[Judgment], unjudged: list[Found]) -> str:
    title = f"Round {round_}, " + ("tune half" if half == "tune" else "held-back half")
    lines = [f"<!-- {marker(round_, half)} -->", f"## {title}", "",
             f"Measured at wsgilint commit `{wsgilint_commit()}` on the {len(entries)} repositories of round "
             f"{round_}'s {half} half.", "", *rows, ""]
    for verdict in ("false", "unsure"):
        judged = [(f, j) for f in findings if (j := verdict_of(f, judgments)) is not None and j.verdict == verdict]
        if judged:
            lines += [f"Judged {verdict} ({len(judged)}), with the reason:", ""]
            lines += [f"- `{f.repo}` {f.code} {f.path}:{f.line}: {j.reason}" for f, j in judged]
            lines.append("")
    if unjudged:
        lines += [f"Unjudged ({len(unjudged)}):", ""]
        lines += [f"- `{f.repo}` {f.code} {f.path}:{f.line}: {f.message[:120]}" for f in unjudged]
        lines.append("")
    lines.append(f"<!-- /{marker(round_, half)} -->")
    return "\n".join(lines)


HEADER = """# Precision on unseen repositories

How often wsgilint's errors and warnings are true on public repositories that nobody working
on wsgilint wrote (the set: `tests/precision/set.json`; the hand judgments, one line of reason
each: `tests/precision/judgments/`). Precision is true / (true + false); "unsure" and
unjudged findings are counted apart. Each round's set was split at random (seed recorded in
the set) into a **tune** half, whose findings are judged and used to find and fix false
patterns, and a **held-back** half, measured once at the end so the tuning cannot have fitted
it. Once a held-back half has been looked at it is no longer unseen, and the next round is a
fresh set. A half with no section below has not been measured yet. Every reported error and
warning counts, so one mismatch reported once per linked instance counts once per instance.

Regenerate a half's section with `python tools/precision.py --round 2 --half tune --write-doc`.
"""


def write_doc(round_: int, half: str, text: str) -> None:
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    name = re.escape(marker(round_, half))
    pattern = re.compile(rf"<!-- {name} -->.*?<!-- /{name} -->", re.S)
    doc = pattern.sub(lambda _: text, doc) if pattern.search(doc) else doc.rstrip("\n") + "\n\n" + text
    DOC.write_text(doc.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--round", type=int, help="the round to measure (default: the newest)")
    parser.add_argument("--half", choices=("tune", "held-back"), default="tune")
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--cache", type=Path, default=cache_root())
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--write-doc", action="store_true", help=f"write the half's section of {DOC.name}")
    parser.add_argument("--findings", action="store_true",
                        help="also print every error and warning with its verdict, as JSON lines")
    args = parser.parse_args(argv)

    every = load_set(args.set)
    round_ = args.round if args.round is not None else max(e.round for e in every)
    entries = [e for e in every if e.round == round_ and e.half == args.half]
    if not entries:
        raise SystemExit(f"{args.set}: round {round_} has no {args.half} half")
    judgments = load_judgments(args.judgments)
    findings: list[Found] = []
    for entry in entries:
        findings += run_wsgilint(entry, materialise(entry, args.cache, args.mirror))
    rows, unjudged = table(findings, judgments)
    if args.findings:
        for f in findings:
            j = verdict_of(f, judgments)
            print(json.dumps({**vars(f), "verdict": j.verdict if j else None, "reason": j.reason if j else None},
                             ensure_ascii=False))
    print("\n".join(rows))
    if unjudged:
        print(f"\nunjudged: {len(unjudged)}")
        for f in unjudged:
            print(f"  {f.repo} {f.code} {f.path}:{f.line} [{f.fingerprint}] {f.message[:100]}")
    if args.write_doc:
        write_doc(round_, args.half, section(round_, args.half, entries, rows, findings, judgments, unjudged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
