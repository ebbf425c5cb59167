"""A baseline: the findings a project has accepted for now, so a check reports only new ones.

The baseline file is a JSON report (``wsgilint check ... --format json > baseline.json``).
Findings are matched by fingerprint: the rule, the file relative to the checked root and
the offending line's text (``Finding.fingerprint``), not the line number nor the message.
So moving lines, editing another file (a cross-file message quotes the other end) or
running from another directory keeps them matched; editing the offending line makes the
finding new, as it should. Each baseline entry hides one finding: a second finding with
the same fingerprint is new.

Where two findings of one run share the rule, the file and the line's text (one `proxy_pass`
line in several locations, one script run by two Compose services), their fingerprints also
hold what tells them apart, and the report gives each its ``line_fingerprint`` (the one
without it). A finding no entry matches exactly is matched by that: an entry written before
its line was shared (or after the other finding went) still hides it, one entry one finding.

A report written before fingerprint version 2 (it has no ``fingerprint_version``) is still
read: its entries are matched by the first fingerprint (rule, displayed path, message), with
that fingerprint's weaknesses; ``load_baseline`` says so, and rewriting the file upgrades it.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .core.record import dataclass, field
from .core.text import read_regular
from .engine import FINGERPRINT_VERSION, Finding


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names it."""


# The largest baseline read: a JSON report of some 100 000 findings.
MAX_BASELINE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Baseline:
    fingerprints: Counter[str]
    legacy: bool = False     # written before fingerprint version 2: matched the old way
    lines: dict[str, str] = field(default_factory=dict)   # fingerprint -> its line_fingerprint, where they differ

    def key(self, finding: Finding) -> str:
        return finding.legacy_fingerprint if self.legacy else finding.fingerprint


def load_baseline(path: Path) -> Baseline:
    import json  # here: a check without a baseline (most) need not load it

    try:
        document = json.loads(read_regular(str(path), MAX_BASELINE_BYTES).decode("utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a JSON report ({error}); write one with --format json") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a JSON report (nested too deeply); write one with --format json") from None
    findings = document.get("findings") if isinstance(document, dict) else None
    if not isinstance(findings, list) or not all(isinstance(f, dict) and isinstance(f.get("fingerprint"), str)
                                                 for f in findings):
        raise BaselineError(f"{path}: not a wsgilint JSON report (no findings with fingerprints); "
                            "write one with --format json")
    assert isinstance(document, dict)
    version = document.get("fingerprint_version", 1)
    if not isinstance(version, int) or version > FINGERPRINT_VERSION:
        raise BaselineError(f"{path}: written by a newer wsgilint (fingerprint version {version!r}); "
                            "upgrade wsgilint or rewrite the baseline")
    lines = {f["fingerprint"]: f["line_fingerprint"] for f in findings if isinstance(f.get("line_fingerprint"), str)}
    return Baseline(Counter(f["fingerprint"] for f in findings), legacy=version < FINGERPRINT_VERSION, lines=lines)


def new_findings(findings: list[Finding], baseline: Baseline) -> tuple[list[Finding], int]:
    """The findings the baseline does not account for, and how many it hid."""
    left = Counter(baseline.fingerprints)
    unmatched = []
    for finding in findings:
        key = baseline.key(finding)
        if left[key] > 0:
            left[key] -= 1
        else:
            unmatched.append(finding)
    by_line: dict[str, list[str]] = {}
    if not baseline.legacy:
        for key in left:
            by_line.setdefault(baseline.lines.get(key, key), []).append(key)
    kept: list[Finding] = []
    for finding in unmatched:
        match = next((each for each in by_line.get(finding.line_fingerprint, ()) if left[each] > 0), None)
        if match is None:
            kept.append(finding)
        else:
            left[match] -= 1
    return kept, len(findings) - len(kept)
