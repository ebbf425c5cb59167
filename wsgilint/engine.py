"""The rule engine: finds the rules, runs them over a Deployment, orders the findings."""
from __future__ import annotations

import dataclasses
import difflib
import functools
import importlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from types import ModuleType
from typing import Any, NamedTuple

from .core.paths import load_module, module_names
from .core.record import dataclass, field
from .core.span import PROBLEM_KINDS
from .model import Deployment, Span, Suppression

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Related(NamedTuple):
    """The other end of a cross-check: where the value a finding was compared with is set."""

    at: Span
    message: str


FIX_SAFETIES = ("safe", "unsafe")


class Edit(NamedTuple):
    """One change to one file, as data: wsgilint/fix.py applies it.

    - ``replace``: the text at ``at`` (columns ``column`` to ``end_column`` of its line)
      becomes ``text``. With ``at.column == 0`` the place is the line's first word, which
      must be ``old`` (a key whose column the model does not keep). A non-empty ``old`` is
      what must be there, or the fix is not applied (the file changed since it was read).
    - ``insert``: ``text`` becomes a new line before line ``at.line`` (one past the last
      line appends). With ``at.column`` set, the line is indented like line ``at.line``,
      and only when ``at`` starts that line (a directive after others on its line is not
      split).
    - ``delete``: line ``at.line`` goes, its line break with it.
    """

    at: Span
    text: str = ""
    kind: str = "replace"
    old: str = ""

    @classmethod
    def replacement(cls, at: Span, text: str, old: str = "") -> Edit:
        return cls(at, text, "replace", old)

    @classmethod
    def key_rename(cls, path: str, line: int, old: str, new: str) -> Edit:
        return cls(Span(path, line), new, "replace", old)

    @classmethod
    def insertion(cls, path: str, line: int, text: str) -> Edit:
        return cls(Span(path, line), text, "insert")

    @classmethod
    def line_before(cls, at: Span, text: str) -> Edit:
        return cls(at, text, "insert")

    @classmethod
    def deletion(cls, path: str, line: int, old: str = "") -> Edit:
        return cls(Span(path, line), "", "delete", old)


class Fix(NamedTuple):
    """What a finding's fix does: ``title`` says it in a few words ("add `vacuum = true`");
    ``safe`` fixes are applied by ``--fix``, ``unsafe`` ones only with ``--unsafe-fixes``."""

    title: str
    edits: tuple[Edit, ...]
    safety: str = "safe"


def _one_typo_apart(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@lru_cache(maxsize=16_384)   # the candidates are the programs' tables of names, the same each time
def _folded(text: str) -> str:
    return text.lower().replace("_", "").replace("-", "")


def sole_candidate(word: str, candidates: Iterable[str]) -> str | None:
    """The one name ``word`` can stand for: the only candidate equal to it but for case,
    ``_`` and ``-``, or else the only one a single typo away. None when none or several are:
    a fix renames a key only when there is no doubt which one was meant."""
    folded = _folded(word)
    names = [(name, _folded(name)) for name in candidates]
    # Only a name within one letter of the word's length can be one typo away: the others
    # (most of a table of hundreds) are not called on.
    size = len(folded)
    found = [name for name, other in names if other == folded] or \
        [name for name, other in names if size - 1 <= len(other) <= size + 1 and _one_typo_apart(other, folded)]
    return found[0] if len(found) == 1 else None
FINGERPRINT_VERSION = 2


def _digest(key: str) -> str:
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes (any other text is UTF-8).
    digest: str = _sha256()(key.encode("utf-8", "surrogateescape")).hexdigest()
    return digest[:16]


@functools.cache
def _sha256() -> Callable[[bytes], Any]:
    """Python's own SHA-256, loaded by the reports that print fingerprints only. ``hashlib``
    maps OpenSSL's libcrypto for it, 3.5 MiB of resident memory for one hash function (a
    fleet's JSON and SARIF reports peaked there); the same digest comes from the module
    CPython builds in (``_sha2`` from 3.12 on, ``_sha256`` before), and from ``hashlib``
    where a build has neither."""
    try:
        from _sha2 import sha256  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found, no-redef, unused-ignore]
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment, unused-ignore]
    return sha256    # type: ignore[no-any-return, unused-ignore]


def normalised_line(text: str) -> str:
    """A line as the fingerprint sees it: indentation and runs of blanks do not count."""
    return " ".join(text.split())


def fingerprint_key(code: str, relative_path: str, line_text: str) -> str:
    """What a fingerprint without ``distinct`` is the digest of: findings share one exactly when they share this."""
    return f"v{FINGERPRINT_VERSION}\0{code}\0{relative_path}\0{normalised_line(line_text)}"


def fingerprint(code: str, relative_path: str, line_text: str, distinct: str = "") -> str:
    """The identity of a finding across runs (see ``Finding.fingerprint``)."""
    key = fingerprint_key(code, relative_path, line_text)
    return _digest(f"{key}\0{distinct}" if distinct else key)


class Hit(NamedTuple):
    """What a rule's check yields; the engine adds the rule's identity."""

    at: Span
    message: str
    related: tuple[Related, ...] = ()
    severity: str | None = None     # only for rules whose severity depends on the case
    fix: Fix | None = None          # the edits that make the finding go, when they are certain
    # What tells this finding apart from another of its rule on the same line (the location,
    # the address, the Compose service): in the fingerprint only where two of a run share a
    # line. A Span counts as its file (relative to the checked root) and its line's text.
    key: str | Span = ""


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    slug: str
    severity: str
    message: str
    at: Span
    related: tuple[Related, ...] = ()
    fix: Fix | None = field(default=None, compare=False)
    # What the fingerprint is made of besides the code: the file's path relative to the
    # checked root and the offending line's text; the pipeline sets it (``api.check``).
    # Without it (a Finding made by hand) the displayed path and an empty line stand in.
    anchor: tuple[str, str] | None = field(default=None, compare=False, repr=False)
    key: str | Span = field(default="", compare=False, repr=False)        # the Hit's
    # Set by the pipeline only where another finding of the run has the same rule, file and
    # line text: what tells them apart (``api._distinguished``). Empty, the fingerprint is
    # the one every earlier wsgilint gave.
    distinct: str = field(default="", compare=False, repr=False)

    @property
    def fingerprint(self) -> str:
        """Stable across line shifts, edits of other files and the working directory: the
        rule, the file relative to the checked root and the offending line's text, with
        its whitespace collapsed. Never the message: it quotes the other end of a
        cross-check, which another file's edit changes."""
        path, line = self.anchor or (self.at.path, "")
        return fingerprint(self.code, path, line, self.distinct)

    @property
    def line_fingerprint(self) -> str:
        """The fingerprint without ``distinct``: what a baseline written before two findings
        shared the line (or after one of them went) holds for it."""
        path, line = self.anchor or (self.at.path, "")
        return fingerprint(self.code, path, line)

    def anchored(self, anchor: tuple[str, str]) -> Finding:
        """The finding with its ``anchor`` set, as ``dataclasses.replace`` makes it without its
        walk over the fields (the pipeline anchors every finding: thousands in a fleet)."""
        return Finding(self.code, self.slug, self.severity, self.message, self.at, self.related, self.fix, anchor,
                       self.key, self.distinct)

    @property
    def legacy_fingerprint(self) -> str:
        """The first fingerprint (rule, displayed path, message), to read baselines written with it."""
        return _digest(f"{self.code}\0{self.at.path}\0{self.message}")

    def sort_key(self) -> tuple[str, int, int, str, str, tuple[tuple[str, int, int, str], ...]]:
        # The related places decide between findings that differ only there: the order of a
        # run never depends on hashing.
        return (self.at.path, self.at.line, self.at.column, self.code, self.message,
                tuple((r.at.path, r.at.line, r.at.column, r.message) for r in self.related))


@dataclass(frozen=True)
class SuppressionOutcome:
    """What the suppression comments did in one run."""

    unused: tuple[Suppression, ...]                 # matched no finding of the rules they name
    unknown: tuple[tuple[Suppression, str], ...]    # a pattern that names no rule ("" for an empty list)
    without_reason: tuple[Suppression, ...]
    reason_required: bool                           # --require-reason, or require-reason in the settings


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding a suppression comment turned off, kept for statistics and SARIF."""

    finding: Finding
    by: Suppression


def _nothing(deployment: Deployment) -> Iterable[Hit]:
    return ()


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
    # Rules about suppression comments judge what the others' findings made of them.
    check_suppressions: Callable[[SuppressionOutcome], Iterable[Hit]] | None = None
    fixes: tuple[str, ...] = ()     # the safeties of the fixes its findings may carry (FIXES)

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        # The optional names are looked up in the module's namespace: a missing attribute
        # asked of a module raises (and formats) an AttributeError inside ``getattr`` twice,
        # about 2 M instructions of every start for the rules without FIXES or
        # check_suppressions. A rule module has no ``__getattr__``, so both say the same.
        names = module.__dict__
        if module.SEVERITY not in SEVERITIES:
            raise ValueError(f"{module.__name__}: severity {module.SEVERITY!r} is not one of {SEVERITIES}")
        fixes = tuple(names.get("FIXES", ()))
        if any(safety not in FIX_SAFETIES for safety in fixes):
            raise ValueError(f"{module.__name__}: FIXES {fixes!r} names a safety that is not one of {FIX_SAFETIES}")
        return cls(
            code=module.CODE,
            slug=module.SLUG,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            doc=(module.__doc__ or "").strip(),
            check=names.get("check", _nothing),
            bad=names.get("BAD", {}),
            good=names.get("GOOD", {}),
            module=module.__name__,
            check_suppressions=names.get("check_suppressions"),
            fixes=fixes,
        )


def load_rules() -> list[Rule]:
    return list(_registry())


@functools.cache
def _registry() -> tuple[Rule, ...]:
    # Once a run: the command line checks --select and --ignore against it before the check.
    package = importlib.import_module("wsgilint.rules")
    rules = []
    for name in module_names(package.__path__[0]):
        module = load_module(package, name)
        if "CODE" in module.__dict__:
            rules.append(Rule.from_module(module))
    codes = [rule.code for rule in rules]
    duplicates = {code for code in codes if codes.count(code) > 1}
    if duplicates:
        raise ValueError(f"rule codes used twice: {', '.join(sorted(duplicates))}")
    return tuple(sorted(rules, key=lambda rule: rule.code))


def matches(code: str, slug: str, patterns: Iterable[str]) -> bool:
    """Rule patterns are codes, code prefixes (``X1``) or slugs, like ruff's."""
    return any(code.startswith(p.upper()) or slug == p for p in patterns)


_LOOKALIKE_DIGITS = str.maketrans("lIiOo", "11100")


def unknown_pattern(pattern: str, rules: list[Rule]) -> str | None:
    """A message when ``pattern`` (a code, prefix or slug) names no rule, with the nearest
    name; None when it names at least one."""
    if pattern and any(matches(rule.code, rule.slug, (pattern,)) for rule in rules):
        return None
    written = pattern
    names = [rule.code for rule in rules] + [rule.slug for rule in rules]
    if pattern[:1].isalpha() and pattern[1:2].isdigit():
        # A code: the letters that pass for digits (X10l, N1O2) are read as those digits.
        pattern = pattern[0].upper() + pattern[1:].translate(_LOOKALIKE_DIGITS)
    near = difflib.get_close_matches(pattern, names, n=1, cutoff=0.6)
    hint = f" (did you mean {near[0]}?)" if near else " (`wsgilint rules` lists them)"
    return f"no rule is named {written!r}{hint}"


def select_rules(rules: list[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    select, ignore = list(select), list(ignore)
    return [r for r in rules if (not select or matches(r.code, r.slug, select))
            and not matches(r.code, r.slug, ignore)]


def run_rules(deployment: Deployment, rules: Iterable[Rule]) -> list[Finding]:
    """Every rule's findings, ordered."""
    return ordered(rule_findings(deployment, rules))


def rule_findings(deployment: Deployment, rules: Iterable[Rule]) -> set[Finding]:
    """The findings of ``rules``, taken one at a time as the iterable gives them (the
    ``--jobs`` split hands each process the next rule no process has taken yet)."""
    findings = set()
    # What is found in a file read only on a guess holds only if the guess is right: said as such.
    assumed = deployment.assumed_files
    # What is found in a file of containers that never start (a Dockerfile no build succeeds
    # with, the files of a Compose project whose build stops) describes what never runs: said
    # as such, except at the step that stops the build.
    unstarted = deployment.unstarted_files
    unstarted_lines = deployment.unstarted_lines
    with deployment.settled():
        for rule in rules:
            for hit in rule.check(deployment):
                if hit.fix is not None and hit.fix.safety not in rule.fixes:
                    raise ValueError(f"{rule.code}: a {hit.fix.safety} fix that FIXES does not declare")
                note = assumed.get(hit.at.path)
                # A line marked with the failure it is the cause of keeps the finding of the rule
                # that reports the failure; every other line of a file marked whole is noted.
                marked = unstarted_lines[hit.at.path].get(hit.at.line) \
                    if note is None and unstarted_lines and hit.at.path in unstarted_lines else None
                if marked is not None:
                    note = marked[0] if marked[1] != rule.code else None
                elif note is None and unstarted and hit.at.path in unstarted \
                        and hit.at.line not in unstarted[hit.at.path][1]:
                    note = unstarted[hit.at.path][0]
                findings.add(Finding(
                    code=rule.code,
                    slug=rule.slug,
                    severity="info" if note else hit.severity or rule.severity,
                    message=f"{hit.message}; {note}" if note else hit.message,
                    at=hit.at,
                    related=tuple(hit.related),
                    fix=hit.fix,
                    key=hit.key,
                ))
    return _once_per_place(findings)


def _once_per_place(findings: set[Finding]) -> set[Finding]:
    """One finding where a rule says the same thing at the same place more than once: one
    script that two Compose files each run as their service, one ini two managers start. The
    user fixes that one line, so it is reported once, with the other ends of every cross-check
    as related places."""
    by_place: dict[tuple[str, str, str, Span], list[Finding]] = {}
    for finding in findings:
        by_place.setdefault((finding.code, finding.severity, finding.message, finding.at), []).append(finding)
    if len(by_place) == len(findings):
        return findings
    for same in by_place.values():
        if len(same) < 2:
            continue
        same.sort(key=Finding.sort_key)
        related = tuple(dict.fromkeys(place for finding in same for place in finding.related))
        findings.difference_update(same)
        findings.add(dataclasses.replace(same[0], related=related))
    return findings


def ordered(findings: set[Finding]) -> list[Finding]:
    """The findings in report order. Where a specific rule reports a line the real program
    refuses (Supervisor's invalid values, say), the generic E002 for that line is dropped:
    one finding per problem, the one that names it best. A refusal is an error: a warning or
    an info there (a directive with no effect, an assumption about something else on the
    line) names no refusal, and drops nothing."""
    specific = {(f.at.path, f.at.line) for f in findings if not f.code.startswith("E") and f.severity == "error"}
    # A list, not another set: the findings are distinct already, and hashing each again costs.
    return sorted((f for f in findings if f.code != "E002" or (f.at.path, f.at.line) not in specific),
                  key=Finding.sort_key)


def problem_hits(deployment: Deployment, kind: str) -> Iterable[Hit]:
    """The E-rules report what the readers could not read, one Hit per located problem."""
    if kind not in PROBLEM_KINDS:   # a misspelt kind would make its rule silently never fire
        raise ValueError(f"{kind!r} is not a reader problem kind: {', '.join(PROBLEM_KINDS)}")
    for problem in deployment.problems:
        if problem.kind == kind:
            yield Hit(problem.at, problem.message, tuple(Related(at, note) for at, note in problem.related),
                      severity=problem.severity or None)


def suppress(deployment: Deployment, findings: list[Finding], ran: list[Rule], known: list[Rule],
             require_reason: bool = False) -> tuple[list[Finding], list[Suppressed]]:
    """Drop the findings a suppression comment covers (at either end of a cross-file finding),
    then report what the comments themselves got wrong through the rules that judge them."""
    suppressions = deployment.suppressions
    if not suppressions:
        return findings, []
    by_path: dict[str, list[Suppression]] = {}
    for suppression in suppressions:
        by_path.setdefault(suppression.at.path, []).append(suppression)
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    used: set[Suppression] = set()
    for finding in findings:
        places = (finding.at, *(related.at for related in finding.related))
        cover = next((s for at in places for s in by_path.get(at.path, ())
                      if s.covers(at) and matches(finding.code, finding.slug, s.patterns)), None)
        if cover is None:
            kept.append(finding)
        else:
            used.add(cover)
            suppressed.append(Suppressed(finding, cover))
    ran_codes = {rule.code for rule in ran}
    unknown = tuple((s, p) for s in suppressions for p in (s.patterns or ("",))
                    if not p or not any(matches(rule.code, rule.slug, (p,)) for rule in known))
    # A suppression is unused only when every rule it names ran: with --select, the others did not look.
    unused = tuple(s for s in suppressions if s not in used and s.patterns and all(
        rule.code in ran_codes for p in s.patterns for rule in known if matches(rule.code, rule.slug, (p,)))
        and not any(u is s for u, _ in unknown))
    outcome = SuppressionOutcome(unused, unknown, tuple(s for s in suppressions if not s.reason), require_reason)
    judged: list[Finding] = []
    for rule in ran:
        if rule.check_suppressions is not None:
            judged.extend(Finding(rule.code, rule.slug, hit.severity or rule.severity, hit.message, hit.at,
                                  tuple(hit.related)) for hit in rule.check_suppressions(outcome))
    return sorted(kept + judged, key=Finding.sort_key), suppressed
