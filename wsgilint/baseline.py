"""A baseline: the findings a project has accepted for now, so a check reports only new ones.

The baseline file is a JSON report (``wsgilint check ... --format json > baseline.json``).
Findings are matched by fingerprint (rule, file and message; not the line), so edits
that move lines keep them matched, and each baseline entry hides one finding: a second
finding with the same fingerprint is new. Paths in fingerprints are as displayed, so the
baseline is written and used from the same directory.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .core.text import read_regular
from .engine import Finding


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names it."""


# The largest baseline read: a JSON report of some 100 000 findings.
MAX_BASELINE_BYTES = 64 * 1024 * 1024


def load_baseline(path: Path) -> Counter[str]:
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
    return Counter(f["fingerprint"] for f in findings)


def new_findings(findings: list[Finding], baseline: Counter[str]) -> tuple[list[Finding], int]:
    """The findings the baseline does not account for, and how many it hid."""
    left = Counter(baseline)
    kept = []
    for finding in findings:
        if left[finding.fingerprint] > 0:
            left[finding.fingerprint] -= 1
        else:
            kept.append(finding)
    return kept, len(findings) - len(kept)
