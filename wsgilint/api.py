"""The pipeline in one call: discover → read → model → rules → findings."""
from __future__ import annotations

import dataclasses
import gc
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

from .core.context import ReadContext
from .core.paths import relative_path
from .core.record import dataclass, field
from .core.text import MAX_CONFIG_BYTES
from .discover import discover
from .engine import (
    Finding,
    Hit,
    Rule,
    Suppressed,
    fingerprint_key,
    load_rules,
    matches,
    run_rules,
    select_rules,
    suppress,
)
from .model import Deployment, SourceFile, Span
from .model.build import build_deployment
from .parallel import can_split, run_rules_split


@dataclass
class CheckResult:
    findings: list[Finding]
    files: list[SourceFile]
    deployment: Deployment
    rules: list[Rule]          # the rules that ran
    suppressed: list[Suppressed] = field(default_factory=list)   # what suppression comments turned off
    # The text of every file read as configuration, by displayed path: reporters quote the
    # offending lines from it and never open a file themselves.
    texts: dict[str, str] = field(default_factory=dict)
    # Files read because another one names them (an include, an --ini, the stock default.ini
    # Debian's init script merges), with what that reading adds to discovery's reason; for
    # --verbose, where they replace discovery's entry of the same file (``check(explain=True)``).
    read_through: list[SourceFile] = field(default_factory=list)


# What a copy of a host's /etc holds and a repository's own etc/ folder of app configs
# (etc/uwsgi.ini, etc/nginx.conf, etc/app.service) does not: the folders and files the
# programs and the system read there.
_HOST_ETC_ENTRIES = frozenset({
    "nginx", "supervisor", "supervisord.d", "systemd", "uwsgi", "uwsgi.d", "uwsgi-emperor", "default", "init.d",
    "sysctl.d", "sysctl.conf", "security", "tmpfiles.d", "passwd", "group", "os-release", "hostname", "hosts",
    "fstab", "apt", "yum.repos.d", "alternatives", "profile.d", "logrotate.d", "cron.d"})


# What only a host's own /etc holds: a tree whose etc/ has none of these holds the services'
# folders a repository installs there (etc/nginx/sites-available, etc/systemd/system), not the
# host's whole /etc, and a file missing from it may still be on the host.
_WHOLE_HOST_ETC_ENTRIES = frozenset({"passwd", "group", "shadow", "os-release", "fstab", "hostname", "machine-id"})


def _holds_host_etc(etc: str, entries: frozenset[str] = _HOST_ETC_ENTRIES) -> bool:
    try:
        return any(name in entries for name in os.listdir(etc))
    except OSError:
        return False


def host_layout(paths: list[str], root: str | None) -> tuple[str, str]:
    """How target-host paths map here: (mode, root).

    Checking ``/`` or ``/etc`` of this machine is ``live``; a tree whose ``etc/`` holds
    what a host's /etc does (``nginx/``, ``supervisor/``, ``systemd/``, ``passwd``...), or
    ``--root``, is a ``snapshot`` of a host's ``/``; anything else is a ``repository``
    whose paths name a host that is not here, including one that keeps its app's configs
    in a folder it calls ``etc/``.
    """
    if root is not None:
        real = os.path.realpath(root)
        return ("live", "/") if real == "/" else ("snapshot", real)
    for path in paths:
        real = os.path.realpath(path)
        if real in ("/", "/etc"):
            return "live", "/"
        if os.path.isdir(os.path.join(real, "etc")) and _holds_host_etc(os.path.join(real, "etc")):
            return "snapshot", real
        if os.path.basename(real) == "etc" and os.path.isdir(real) and _holds_host_etc(real):
            return "snapshot", os.path.dirname(real)
    return "repository", "/"


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Reading builds millions of small objects that all live until the run ends (the
    model, its spans): every collection walks them and frees nothing, about a tenth of a
    fleet's run even at a gen-0 threshold of 50 000 (docs/performance.md). A check makes
    next to no reference cycles (25 objects at 5000 apps), so the collector is off while
    it runs; reference counting frees the rest as before. Objects from before the run
    (modules, rules) are frozen out of the collections while it runs; after it, what it
    made joins them in the oldest generation (frozen, then thawed), so the report's first
    young collection does not walk the whole model."""
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def check(paths: list[str], root: str | None = None, select: tuple[str, ...] = (),
          ignore: tuple[str, ...] = (), versions: dict[str, str] | None = None,
          ignored_in: Callable[[Span], tuple[str, ...]] | None = None,
          require_reason: bool = False, cwd: str | None = None,
          progress: Callable[[int, int], None] | None = None,
          overlay: Mapping[str, bytes] | None = None, no_ignore: bool = False, jobs: int = 1,
          max_file_size: int = MAX_CONFIG_BYTES, explain: bool = False) -> CheckResult:
    """``versions`` maps uwsgi / gunicorn / supervisor to the version to check against;
    ``ignored_in`` gives the rule patterns turned off for a file (per-file ignores);
    ``require_reason`` makes a suppression comment without a reason an error; findings
    name files relative to ``cwd`` (default: the working directory); ``progress`` is
    told (steps done, steps in all) as the run goes; ``overlay`` gives contents (by real
    path) that are read instead of those files (what ``--fix`` re-lints); ``max_file_size``
    (bytes) is the largest file read; ``no_ignore``
    reads in a repository also what its ``.gitignore`` files ignore; ``jobs`` processes read a
    large tree's files and run its rules (the result is the same whatever it is); ``explain`` fills
    ``read_through`` (what ``--verbose`` lists besides discovery)."""
    with _fewer_collections():
        return _check(paths, root, select, ignore, versions, ignored_in, require_reason, cwd, progress, overlay,
                      no_ignore, jobs, max_file_size, explain)


def _check(paths: list[str], root: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
           versions: dict[str, str] | None, ignored_in: Callable[[Span], tuple[str, ...]] | None,
           require_reason: bool, cwd: str | None, progress: Callable[[int, int], None] | None,
           overlay: Mapping[str, bytes] | None, no_ignore: bool, jobs: int, max_file_size: int,
           explain: bool) -> CheckResult:
    mode, host_root = host_layout(paths, root)
    ctx = ReadContext(mode=mode, root=host_root, cwd=cwd or os.getcwd(), overlay=dict(overlay or {}),
                      max_file_size=max_file_size,
                      whole_host=mode != "snapshot" or root is not None
                      or _holds_host_etc(os.path.join(host_root, "etc"), _WHOLE_HOST_ETC_ENTRIES))
    known = load_rules()
    rules = select_rules(known, select, ignore)
    tick = _ticker(progress, len(rules) + 2)
    discovery = discover(paths, ctx, no_ignore, jobs)
    tick()
    deployment = build_deployment(discovery, ctx, versions)
    ctx.model_built()
    tick()
    # Suppression comments first: a finding that per-file ignores also hide still uses its comment.
    # Without a progress bar nothing counts the rules: they run as they are.
    if can_split(len(deployment.files), jobs, len(rules)):
        found = run_rules_split(deployment, rules, None if progress is None else tick)
    else:
        found = run_rules(deployment, rules if progress is None else _ticking(rules, tick))
    findings, suppressed = suppress(deployment, found, rules, known, require_reason)
    del found   # each finding is replaced by its anchored copy below: the first is not kept beside it
    if ignored_in is not None:
        findings = [f for f in findings if not matches(f.code, f.slug, ignored_in(f.at))]
    texts = {ctx.display(path): text for path in ctx.read_paths() if (text := ctx.read(path).text) is not None}
    anchor = _anchors(paths, ctx, texts)
    for index, finding in enumerate(findings):
        findings[index] = finding.anchored(anchor(finding.at))
    findings = _distinguished(findings, anchor)
    suppressed = [Suppressed(s.finding.anchored(anchor(s.finding.at)), s.by) for s in suppressed]
    return CheckResult(findings, deployment.files, deployment, rules, suppressed, texts,
                       _read_through(ctx, deployment) if explain else [])


def _distinguished(findings: list[Finding], anchor: Callable[[Span], tuple[str, str]]) -> list[Finding]:
    """The findings, each of those that share a fingerprint given what tells it apart (its
    rule's key, a place as its file and line text; else its related places'; the n-th of identical ones its
    number too), so that a baseline, SARIF and GitLab see one finding each. A finding alone
    on its line keeps the fingerprint it always had. The findings are grouped by what their
    fingerprint is the digest of: the reports hash each finding once, not here too."""
    groups: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        groups.setdefault(fingerprint_key(finding.code, *(finding.anchor or anchor(finding.at))), []).append(index)
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        marks = [_mark(findings[i], anchor) for i in indexes]
        counts = Counter(marks)
        seen: Counter[str] = Counter()
        for index, mark in zip(indexes, marks, strict=True):
            seen[mark] += 1
            distinct = f"{mark}\0#{seen[mark]}" if counts[mark] > 1 else mark
            findings[index] = dataclasses.replace(findings[index], distinct=distinct)
    return findings


def _mark(finding: Finding, anchor: Callable[[Span], tuple[str, str]]) -> str:
    if isinstance(finding.key, Span):
        return "\0".join(anchor(finding.key))
    return finding.key or "\0".join("\0".join(anchor(r.at)) for r in finding.related)


def _read_through(ctx: ReadContext, deployment: Deployment) -> list[SourceFile]:
    """Each file another one names (an include, a command line), with what it was read as and
    where it was named: the model says which configuration it is part of, the readers where
    it was named. A file discovery skipped says that too; one it read as its kind keeps
    discovery's reason first."""
    kinds: dict[str, str] = {}   # displayed path -> kind, from the model
    for instance in deployment.nginx:
        kinds.update(dict.fromkeys(instance.files, "nginx"))
    for config in deployment.supervisor:
        kinds.update(dict.fromkeys(config.files, "supervisor"))
    for unit in deployment.systemd_units:
        kinds.update(dict.fromkeys(unit.dropins, "systemd"))
    launched: dict[str, str] = {}   # displayed path -> the manager whose command line names it
    for server in deployment.app_servers:
        for source in server.sources:
            kinds.setdefault(ctx.display(source), server.kind)
            if server.manager is not None and server.manager.argv is not None:
                note = f" ({server.manager.argv.note})" if server.manager.argv.note else ""
                launched.setdefault(ctx.display(source), f"{server.manager.kind} {server.manager.name}{note}")
    by_path = {entry.path: entry for entry in deployment.files}
    discovered: dict[str, SourceFile] = {}   # by real path: an entry read as a kind, else a link's name skipped
    for entry in deployment.files:
        if ctx.real(entry.path) not in discovered or (entry.kind and not discovered[ctx.real(entry.path)].kind):
            discovered[ctx.real(entry.path)] = entry
    written = {ctx.real(path): (*reference, ctx.display(path)) for path, reference in ctx.references().items()}
    stock = [source for server in deployment.app_servers for source in server.sources if source.startswith("<stock>")]
    found: dict[str, SourceFile] = {}
    for path in [*stock, *ctx.read_paths(), *(f.path for f in deployment.files if f.kind)]:
        display = ctx.display(path)
        alone = None if path in stock else by_path.get(path) or discovered.get(ctx.real(path))
        read_as = alone.kind if alone is not None and alone.kind not in ("", "unreadable") else None
        kind = kinds.get(display) or read_as
        reference = None if path in stock else written.get(ctx.real(path))
        if kind is None or (alone.path if read_as is not None and alone is not None else path) in found:
            continue
        if display in launched:
            reason = f"on the command line of {launched[display]}"
        elif reference is not None:
            at, name, named_as = reference
            reason = f"included by {at.path}:{at.line} ({name!r})" if at.line else f"named by {at.path} ({name!r})"
            if named_as != display:
                reason += f" as {named_as}"
        elif read_as is not None:
            continue   # discovery said all there is
        else:
            reason = f"part of the {kind} configuration"
        if path in stock:
            reason = f"the package's stock copy of {path.removeprefix('<stock>')}, absent from the checked tree; {reason}"
        elif read_as is not None and alone is not None:
            path, display, reason = alone.path, alone.display, f"{alone.reason}; {reason}"
        elif alone is not None:
            reason += f"; on its own: {alone.reason}"
        found[path] = SourceFile(path, display, kind, reason)
    return list(found.values())


def _ticker(progress: Callable[[int, int], None] | None, total: int) -> Callable[[], None]:
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)
    return tick


def _ticking(rules: list[Rule], tick: Callable[[], None]) -> list[Rule]:
    """The rules, each telling ``tick`` when its check is through."""
    def counted(check: Callable[[Deployment], Iterable[Hit]]) -> Callable[[Deployment], Iterable[Hit]]:
        def run(deployment: Deployment) -> Iterator[Hit]:
            yield from check(deployment)
            tick()
        return run
    return [dataclasses.replace(rule, check=counted(rule.check)) for rule in rules]


def _anchors(paths: list[str], ctx: ReadContext, texts: dict[str, str]) -> Callable[[Span], tuple[str, str]]:
    """What a finding's fingerprint is made of: its file relative to the checked root (the
    snapshot's ``/``, else the checked directory that holds it, or a checked file's folder),
    so neither the working directory nor the way the tree was named changes it, and the
    text of its line."""
    bases = [ctx.root] if ctx.mode == "snapshot" else []
    for path in paths:
        absolute = os.path.abspath(path)
        bases.append(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))
    bases = sorted({os.path.abspath(base) for base in bases}, key=len, reverse=True)
    relatives: dict[str, str] = {}
    # The lines of one file at a time: findings come sorted by path, so each file is split
    # once, and a fleet's files are never all held as lines.
    split_path: str = ""
    split_lines: list[str] = []

    # By folder, what its files' paths are cut to: a file's base and whether its path is
    # normalised follow from its folder when its name is a plain one (a fleet's findings are
    # in a few folders).
    folder_cuts: dict[str, str | None] = {}

    def relative_of(at: Span) -> str:
        relative = at.path
        if at.in_a_file:
            absolute = os.path.join(ctx.cwd, at.path)
            folder, _, name = absolute.rpartition(os.sep)
            if folder in ("", os.sep) or name in ("", os.curdir, os.pardir):
                return relative_in(absolute, relative)
            if folder not in folder_cuts:
                # None: under no base, or not normalised (then each path is worked out alone).
                below = relative_in(folder + os.sep + "x", "")
                folder_cuts[folder] = below[:-1] if below and os.path.normpath(folder) == folder else None
            cut = folder_cuts[folder]
            relative = cut + name if cut is not None else relative_in(absolute, relative)
        return relative

    def relative_in(absolute: str, relative: str) -> str:
        base = next((b for b in bases if absolute.startswith(b.rstrip(os.sep) + os.sep)), None)
        if base is not None:
            # Cut, not split and rejoined, where the path is already normalised (a displayed path is).
            relative = relative_path(absolute, base) if os.path.normpath(absolute) == absolute \
                else os.path.relpath(absolute, base)
        return relative

    def anchor(at: Span) -> tuple[str, str]:
        nonlocal split_path, split_lines
        relative = relatives.get(at.path)
        if relative is None:
            relative = relatives[at.path] = relative_of(at)
        if split_path != at.path:
            split_path, split_lines = at.path, texts.get(at.path, "").splitlines()
        return relative, split_lines[at.line - 1] if 0 < at.line <= len(split_lines) else ""
    return anchor
