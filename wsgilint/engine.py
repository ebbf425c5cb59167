"""The rule engine: finds the rules, runs them over a Deployment, orders the findings."""
from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import NamedTuple

from .model import Deployment, Span

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Related(NamedTuple):
    """The other end of a cross-check: where the value a finding was compared with is set."""

    at: Span
    message: str


class Hit(NamedTuple):
    """What a rule's check yields; the engine adds the rule's identity."""

    at: Span
    message: str
    related: tuple[Related, ...] = ()
    severity: str | None = None     # only for rules whose severity depends on the case


@dataclass(frozen=True)
class Finding:
    code: str
    slug: str
    severity: str
    message: str
    at: Span
    related: tuple[Related, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Stable across line shifts: the rule, the file and what was said about it."""
        key = f"{self.code}\0{self.at.path}\0{self.message}"
        # surrogateescape: a file name that is not UTF-8 hashes as its bytes (any other text is UTF-8).
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.at.path, self.at.line, self.at.column, self.code, self.message)


@dataclass(frozen=True)
class Rule:
    """One rule module of the ``rules`` package, seen through its module-level names."""

    code: str
    slug: str
    severity: str
    summary: str
    doc: str
    check: Callable[[Deployment], Iterable[Hit]]
    bad: dict[str, str] = field(default_factory=dict)
    good: dict[str, str] = field(default_factory=dict)
    module: str = ""

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        if module.SEVERITY not in SEVERITIES:
            raise ValueError(f"{module.__name__}: severity {module.SEVERITY!r} is not one of {SEVERITIES}")
        return cls(
            code=module.CODE,
            slug=module.SLUG,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            doc=(module.__doc__ or "").strip(),
            check=module.check,
            bad=getattr(module, "BAD", {}),
            good=getattr(module, "GOOD", {}),
            module=module.__name__,
        )


def load_rules() -> list[Rule]:
    package = importlib.import_module("wsgilint.rules")
    rules = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(module, "CODE"):
            rules.append(Rule.from_module(module))
    codes = [rule.code for rule in rules]
    duplicates = {code for code in codes if codes.count(code) > 1}
    if duplicates:
        raise ValueError(f"rule codes used twice: {', '.join(sorted(duplicates))}")
    return sorted(rules, key=lambda rule: rule.code)


def matches(code: str, slug: str, patterns: Iterable[str]) -> bool:
    """Rule patterns are codes, code prefixes (``X1``) or slugs, like ruff's."""
    return any(code.startswith(p.upper()) or slug == p for p in patterns)


def select_rules(rules: list[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    select, ignore = list(select), list(ignore)
    return [r for r in rules if (not select or matches(r.code, r.slug, select))
            and not matches(r.code, r.slug, ignore)]


def run_rules(deployment: Deployment, rules: Iterable[Rule]) -> list[Finding]:
    """Every rule's findings, ordered. Where a specific rule reports a line the real program
    refuses (Supervisor's invalid values, say), the generic E002 for that line is dropped:
    one finding per problem, the one that names it best."""
    findings = set()
    for rule in rules:
        for hit in rule.check(deployment):
            findings.add(Finding(
                code=rule.code,
                slug=rule.slug,
                severity=hit.severity or rule.severity,
                message=hit.message,
                at=hit.at,
                related=tuple(hit.related),
            ))
    specific = {(f.at.path, f.at.line) for f in findings if not f.code.startswith("E")}
    findings = {f for f in findings if f.code != "E002" or (f.at.path, f.at.line) not in specific}
    return sorted(findings, key=Finding.sort_key)


def problem_hits(deployment: Deployment, kind: str) -> Iterable[Hit]:
    """The E-rules report what the readers could not read, one Hit per located problem."""
    for problem in deployment.problems:
        if problem.kind == kind:
            yield Hit(problem.at, problem.message)
