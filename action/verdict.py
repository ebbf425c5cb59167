"""Action step "Verdict": fails the job when the run step found what ``--fail-on`` names.

Runs after the optional SARIF upload, so code scanning gets the findings that fail the
job. Only numbers reach this step (the run step's outputs), never text from the checked files.
"""
from __future__ import annotations

import os
import sys


def main(env: dict[str, str]) -> int:
    code = env.get("WSGILINT_EXIT_CODE", "")
    if not code.isdigit():
        print("wsgilint action: the run step left no exit code", file=sys.stderr)
        return 2
    labels = {"WSGILINT_ERRORS": "errors", "WSGILINT_WARNINGS": "warnings", "WSGILINT_INFOS": "info"}
    counts = ", ".join(f"{int(env[name]) if env.get(name, '').isdigit() else '?'} {label}"
                       for name, label in labels.items())
    if int(code) == 1:
        print(f"wsgilint: {counts}: a finding reaches --fail-on", file=sys.stderr)
    return int(code)


if __name__ == "__main__":
    sys.exit(main(dict(os.environ)))
