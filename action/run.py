"""Action step "Run wsgilint": annotations, totals in the log, a job summary, SARIF.

Run by the runner's Python as ``python -I action/run.py`` in the checkout. The inputs
arrive as environment variables (never pasted into a script). The installed ``wsgilint``
console script runs, next to this interpreter: ``python -m wsgilint`` in the checkout
would import a planted ``crossplane.py`` first.

Each output comes from wsgilint's own renderer, so its escaping lives in one place: one
run prints ``--format github`` (one annotation per finding, the exit code), one reads
``--format json`` for the totals and the summary, and with ``sarif`` one writes
``--format sarif`` for code scanning. A run over a deploy folder takes well under a
second; the runs see the same files.

This step never fails because of findings: it writes ``exit-code`` (and the totals) to
``$GITHUB_OUTPUT`` so the SARIF upload still happens, and the "Verdict" step fails the job.
A usage or internal error (exit 2) fails this step at once.

The job summary quotes file names and messages from the checked files, which a pull
request controls. GitHub renders the summary as Markdown with some HTML, so a file name
could otherwise add links, images (a request to any server on every view), mentions or
a forged table. The tables are an HTML block: no Markdown is parsed inside it, every
quoted text is HTML-escaped inside ``<code>`` (where GitHub links no mention, issue or
URL), and control and bidi characters are shown as escapes, so no quoted text can end
the block or hide behind a reordered line.
"""
from __future__ import annotations

import html
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

REPOSITORY = "https://github.com/wsgilint/wsgilint"
SEVERITIES = ("error", "warning", "info")
DETAIL_ROWS = 100           # findings listed one by one in the summary; the table counts them all
_CODE = re.compile(r"[A-Z][0-9]{3}")
_VERSION = re.compile(r"[0-9][0-9A-Za-z.+]*")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class ActionError(Exception):
    """A mistake in the step's inputs: one line, exit 2."""


def wsgilint_script() -> str:
    """The console script pip installed for this interpreter."""
    name = "wsgilint.exe" if os.name == "nt" else "wsgilint"
    script = Path(sysconfig.get_path("scripts")) / name
    if script.is_file():
        return str(script)
    found = shutil.which("wsgilint")
    if found is None:
        raise ActionError("wsgilint is not installed for this Python (the install step did not run?)")
    return found


def command(env: dict[str, str]) -> list[str]:
    """``wsgilint check`` with the inputs; paths and args split as a shell would, without expansion."""
    paths = shlex.split(env.get("WSGILINT_PATH", "")) or ["."]
    args = shlex.split(env.get("WSGILINT_ARGS", ""))
    if any(arg == "--format" or arg.startswith("--format=") for arg in args):
        raise ActionError("args: the action chooses the formats (annotations, summary, sarif); remove --format")
    settings = []
    if env.get("WSGILINT_CONFIG"):
        settings += ["--config", env["WSGILINT_CONFIG"]]
    if env.get("WSGILINT_ISOLATED", "false") == "true":
        settings.append("--isolated")
    return [wsgilint_script(), "check", *paths, *settings, *args]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def totals(report: dict[str, Any]) -> str:
    counts = report["summary"]
    files = len(report["files"])
    return (", ".join(plural(int(counts.get(severity, 0)), severity) for severity in SEVERITIES)
            + f" in {plural(files, 'file')}")


def quoted(text: object) -> str:
    """Text from the checked files, inert in the HTML block of a job summary."""
    visible = _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", str(text))
    return f"<code>{html.escape(visible, quote=True)}</code>"


def rule_link(code: str, version: str) -> str:
    if not _CODE.fullmatch(code):
        return quoted(code)
    ref = f"v{version}" if _VERSION.fullmatch(version) else "main"
    return f'<a href="{REPOSITORY}/blob/{ref}/docs/rules/{code}.md"><code>{code}</code></a>'


def summary(report: dict[str, Any], exit_code: int) -> str:
    findings: list[dict[str, Any]] = report["findings"]
    version = str(report.get("version", ""))
    verdict = "a finding reaches `--fail-on`: the job fails" if exit_code else "nothing reaches `--fail-on`"
    lines = ["## wsgilint", "", f"**{totals(report)}**: {verdict}.", ""]
    if not findings:
        return "\n".join(lines) + "\n"
    per_code: dict[tuple[str, str, str], int] = {}
    for finding in findings:
        key = (str(finding["code"]), str(finding["slug"]), str(finding["severity"]))
        per_code[key] = per_code.get(key, 0) + 1
    order = sorted(per_code, key=lambda k: (SEVERITIES.index(k[2]) if k[2] in SEVERITIES else 3, k[0]))
    lines.append("<table><thead><tr><th>code</th><th>rule</th><th>severity</th><th>findings</th></tr></thead><tbody>")
    for code, slug, severity in order:
        lines.append(f"<tr><td>{rule_link(code, version)}</td><td>{quoted(slug)}</td>"
                     f"<td>{quoted(severity)}</td><td>{per_code[(code, slug, severity)]}</td></tr>")
    lines += ["</tbody></table>", ""]
    shown = findings[:DETAIL_ROWS]
    more = f" (the first {len(shown)} of {len(findings)})" if len(findings) > len(shown) else ""
    lines.append(f"<details><summary>Findings{more}</summary><table><thead><tr><th>where</th><th>code</th>"
                 "<th>message</th></tr></thead><tbody>")
    for finding in shown:
        where = f"{finding['path']}:{finding['line']}" if finding.get("line") else str(finding["path"])
        lines.append(f"<tr><td>{quoted(where)}</td><td>{quoted(finding['code'])}</td>"
                     f"<td>{quoted(finding['message'])}</td></tr>")
    lines += ["</tbody></table></details>", ""]
    return "\n".join(lines) + "\n"


def append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(text)


def main(env: dict[str, str]) -> int:
    try:
        base = command(env)
    except (ActionError, ValueError) as error:   # shlex: an unclosed quote
        print(f"wsgilint action: {error}", file=sys.stderr)
        return 2
    sys.stdout.flush()
    exit_code = subprocess.run([*base, "--format", "github"], check=False).returncode
    append(env.get("GITHUB_OUTPUT"), f"exit-code={exit_code}\n")
    if exit_code not in (0, 1):
        return exit_code
    # The annotations run has shown wsgilint's messages on stderr; these runs would repeat them.
    run = subprocess.run([*base, "--format", "json"], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        sys.stderr.write(run.stderr)
        return run.returncode
    report = json.loads(run.stdout)
    counts = report["summary"]
    outputs = {f"{severity}s": int(counts.get(severity, 0)) for severity in SEVERITIES}   # errors, warnings, infos
    print(f"wsgilint: {totals(report)}", flush=True)
    if env.get("WSGILINT_SUMMARY", "true") == "true":
        append(env.get("GITHUB_STEP_SUMMARY"), summary(report, exit_code))
    sarif_file = ""
    if env.get("WSGILINT_SARIF", "false") == "true":
        target = Path(env.get("RUNNER_TEMP") or ".") / "wsgilint.sarif"
        with open(target, "w", encoding="utf-8") as out:
            written = subprocess.run([*base, "--format", "sarif"], stdout=out, stderr=subprocess.PIPE, text=True,
                                     check=False)
        if written.returncode not in (0, 1):
            sys.stderr.write(written.stderr)
            return written.returncode
        sarif_file = str(target)
        print(f"wsgilint: SARIF written to {sarif_file}", flush=True)
    append(env.get("GITHUB_OUTPUT"), "".join(f"{name}={value}\n" for name, value in outputs.items())
           + f"sarif-file={sarif_file}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(dict(os.environ)))
