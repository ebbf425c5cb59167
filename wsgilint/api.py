"""The pipeline in one call: discover → read → model → rules → findings."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from .core.context import ReadContext
from .core.text import MAX_CONFIG_BYTES
from .discover import discover
from .engine import Finding, Rule, Suppressed, load_rules, matches, run_rules, select_rules, suppress
from .model import Deployment, SourceFile, Span
from .model.build import build_deployment


@dataclass
class CheckResult:
    findings: list[Finding]
    files: list[SourceFile]
    deployment: Deployment
    rules: list[Rule]          # the rules that ran
    suppressed: list[Suppressed] = field(default_factory=list)   # what suppression comments turned off


def host_layout(paths: list[str], root: str | None) -> tuple[str, str]:
    """How target-host paths map here: (mode, root).

    Checking ``/`` or ``/etc`` of this machine is ``live``; a tree that holds ``etc/``
    (or ``--root``) is a ``snapshot`` of a host's ``/``; anything else is a
    ``repository`` whose paths name a host that is not here.
    """
    if root is not None:
        real = os.path.realpath(root)
        return ("live", "/") if real == "/" else ("snapshot", real)
    for path in paths:
        real = os.path.realpath(path)
        if real in ("/", "/etc"):
            return "live", "/"
        if os.path.isdir(os.path.join(real, "etc")):
            return "snapshot", real
        if os.path.basename(real) == "etc" and os.path.isdir(real):
            return "snapshot", os.path.dirname(real)
    return "repository", "/"


def check(paths: list[str], root: str | None = None, select: tuple[str, ...] = (),
          ignore: tuple[str, ...] = (), versions: dict[str, str] | None = None,
          ignored_in: Callable[[Span], tuple[str, ...]] | None = None,
          require_reason: bool = False, max_file_size: int = MAX_CONFIG_BYTES) -> CheckResult:
    """``versions`` maps uwsgi / gunicorn / supervisor to the version to check against;
    ``ignored_in`` gives the rule patterns turned off for a file (per-file ignores);
    ``require_reason`` makes a suppression comment without a reason an error;
    ``max_file_size`` (bytes) is the largest file read."""
    mode, host_root = host_layout(paths, root)
    ctx = ReadContext(mode=mode, root=host_root, max_file_size=max_file_size)
    discovery = discover(paths, ctx)
    deployment = build_deployment(discovery, ctx, versions)
    known = load_rules()
    rules = select_rules(known, select, ignore)
    # Suppression comments first: a finding that per-file ignores also hide still uses its comment.
    findings, suppressed = suppress(deployment, run_rules(deployment, rules), rules, known, require_reason)
    if ignored_in is not None:
        findings = [f for f in findings if not matches(f.code, f.slug, ignored_in(f.at))]
    return CheckResult(findings, deployment.files, deployment, rules, suppressed)
