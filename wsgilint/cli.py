"""Command line. Only typer is imported at start-up; the pipeline loads on demand.

Every line written to stderr that quotes the checked files, the command line or the
settings (file names, the baseline path, error messages) passes them through ``shown``:
the same escapes as the reports, so no such line can be a terminal escape or a GitHub
Actions workflow command (see wsgilint/report/_text.py).

No ``from __future__ import annotations`` here: typer reads the options from the annotations,
and as strings it would compile and evaluate each of them again on every run."""
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .report import formats, renderer, shown

if TYPE_CHECKING:
    from .core.sources import SourceFile
    from .engine import Finding


def _text_options(params: list[Any]) -> list[Any]:
    """typer (from 0.2x) converts each option's value through a pydantic model, and importing
    pydantic takes longer than checking a small tree: the text options are converted here."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None:    # only that typer has it
            param._runtime_param = _TextConversion()
    return params


class _Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _text_options(super().get_params(ctx))


class _Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _text_options(super().get_params(ctx))


class _TextConversion:
    """What typer's conversion returns for a ``str``, ``list[str]`` or ``Literal`` option:
    click's own value (its ``None`` when not given, ``()`` for a list); anything else is
    typer's to convert."""

    def coerce(self, value: object, param: Any, ctx: Any) -> object:
        multiple = param.multiple or param.nargs == -1
        annotation = param.type_descriptor.annotation
        if value is None:
            return () if multiple else None
        if annotation is str and isinstance(value, str):
            return value
        if get_origin(annotation) is Literal and isinstance(value, str) and value in get_args(annotation):
            return value      # a choice click has checked (--fail-on, graph's --format)
        if (annotation == list[str] and isinstance(value, (list, tuple))
                and all(isinstance(item, str) for item in value)):
            return list(value)
        from typer._coercion import build_runtime_param

        return build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)


# Plain click help: its metavars are what to type (PATH..., FILE), not Python types, and no
# help text is read as rich markup (the ``[tool.wsgilint]`` in --config's help stays as written).
app = typer.Typer(cls=_Group, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
                  help="Check a Python web deployment across nginx, uWSGI, Gunicorn, Supervisor, systemd and sysctl.")


FailOn = Literal["error", "warning", "info", "never"]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"wsgilint {__version__}")
        raise typer.Exit()


def _known_format(value: str) -> str:
    # The formats are the modules of wsgilint/report, so they are checked here rather than
    # listed in an Enum that a new format would have to be added to.
    if value not in formats():
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(formats())}")
    return value


def _job_count(value: str | None) -> str | None:
    # Read as text and checked here: typer converts an `int` with `min` through pydantic,
    # which costs 350 M instructions to import on every run that gives --jobs.
    if value is not None and not (value.isascii() and value.isdigit() and int(value) >= 1):
        raise typer.BadParameter(f"{value!r} is not a whole number of at least 1")
    return value


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """wsgilint checks each config file and, above all, the links between them."""


def _refuse_unknown_rules(*pattern_lists: tuple[str, ...]) -> None:
    """A rule pattern that names no rule would silently select or ignore nothing."""
    from .engine import load_rules, unknown_pattern

    rules = load_rules()
    for patterns in pattern_lists:
        for pattern in patterns:
            unknown = unknown_pattern(pattern, rules)
            if unknown:
                typer.echo(f"wsgilint: --select/--ignore: {shown(unknown)}", err=True)
                raise typer.Exit(2)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _refuse_malformed_versions(given: dict[str, str | None], settings: dict[str, str]) -> None:
    """A version that is no version would compare as something else (``2.O`` as 2)."""
    for program, version in [*given.items(), *settings.items()]:
        # Compiled only when a version is given (re caches it): most runs give none.
        if version is not None and not re.fullmatch(r"\d+(\.\d+){1,3}([-+.~]?[0-9A-Za-z][0-9A-Za-z.]*)?", version):
            origin = f"--{program}-version" if given.get(program) == version else f"{program}-version in the settings"
            typer.echo(f"wsgilint: {origin} {shown(repr(version))} is not a version like 2.0.31", err=True)
            raise typer.Exit(2)


def _stdin_copy(name: str, directory: str) -> str:
    """The piped file written under ``directory`` (a private temporary folder, never the
    checked tree) at ``name``, so discovery classifies it by that name; its path."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".", "..")]
    path = os.path.join(directory, *(parts or ["stdin"]))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as copy:
        copy.write(sys.stdin.buffer.read())
    return path


@app.command(cls=_Command)
def check(
    # No help here: typer would print the Python type beside it; the docstring says it.
    paths: Annotated[list[str] | None, typer.Argument(metavar="PATH", hidden=True)] = None,
    output_format: Annotated[str, typer.Option(
        "--format", callback=_known_format, metavar=f"[{'|'.join(formats())}]", help="Output format.")] = "console",
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", metavar="[error|warning|info|never]",
        help="Exit 1 when a finding has this severity or worse. Default: warning.")] = None,
    root: Annotated[str | None, typer.Option(
        "--root", metavar="DIR",
        help="Treat DIR as the target host's / (absolute paths in configs resolve under it).")] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", metavar="RULES", help="Only these rules: codes, prefixes (X1) or slugs; comma-separated.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="RULES", help="Skip these rules: codes, prefixes or slugs; comma-separated.")] = None,
    extend_ignore: Annotated[list[str] | None, typer.Option(
        "--extend-ignore", metavar="RULES", help="Skip these rules too, keeping --ignore or the settings' ignore.")] = None,
    uwsgi_version: Annotated[str | None, typer.Option(
        "--uwsgi-version", metavar="VERSION",
        help="uWSGI version to check against (default 2.0.31, or the installed one on this host).")] = None,
    gunicorn_version: Annotated[str | None, typer.Option(
        "--gunicorn-version", metavar="VERSION", help="Gunicorn version to check against (default 27.0.1).")] = None,
    supervisor_version: Annotated[str | None, typer.Option(
        "--supervisor-version", metavar="VERSION",
        help="Supervisor version to check against (default 4.3.0).")] = None,
    nginx_version: Annotated[str | None, typer.Option(
        "--nginx-version", metavar="VERSION",
        help="nginx version to check against (default 1.30.4, or the installed one on this host).")] = None,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", metavar="FILE",
        help="A JSON report of accepted findings: only findings not in it are reported.")] = None,
    config: Annotated[str | None, typer.Option(
        "--config", metavar="FILE", help="Settings file (default: the nearest wsgilint.toml, .wsgilint.toml or "
                                         "pyproject.toml with [tool.wsgilint]).")] = None,
    isolated: Annotated[bool, typer.Option(
        "--isolated", help="Use no settings file found in or above the current directory (only --config, if given).")] = False,
    require_reason: Annotated[bool, typer.Option(
        "--require-reason", help="A suppression comment without a reason is an error (L102).")] = False,
    statistics: Annotated[bool, typer.Option(
        "--statistics", help="Instead of the findings, how many each rule reported and how many were suppressed "
                          "(a JSON list with --format json).")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="The findings and nothing else: no totals line, no notes, no progress bar.")] = False,
    output_file: Annotated[str | None, typer.Option(
        "--output-file", "-o", metavar="FILE", help="Write the report to FILE instead of standard output.")] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", metavar="PATH",
        help="The name of the file read from standard input (-): it is classified and reported by this name.")] = None,
    no_ignore: Annotated[bool, typer.Option(
        "--no-ignore", help="In a repository, also check what its .gitignore files ignore.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List every file with the kind it was read as, or why it was skipped.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the safe fixes to the checked files, then report what is left. Nothing is written "
                      "without it.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option(
        "--unsafe-fixes", help="With --fix or --diff, the unsafe fixes too (they may change behaviour).")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Show the fixes --fix would apply as unified diffs instead of the report; write nothing "
                       "(even with --fix).")] = False,
    jobs: Annotated[str | None, typer.Option(
        "--jobs", "-j", callback=_job_count, metavar="INTEGER RANGE [x>=1]", help="Processes that read the files of a large tree (default: the CPUs, at most 8). "
                                    "The output is the same whatever it is.")] = None,
) -> None:
    """Check config files and report findings.

    PATH: directories (an /etc-like tree or a repository) and files (default: .);
    - reads one file from standard input, classified by --stdin-filename.
    """
    import io
    from pathlib import Path

    from .config import ConfigError, settings_for
    from .report._progress import progress_bar, wanted

    try:
        settings = settings_for(config, Path.cwd(), isolated)
    except ConfigError as error:
        typer.echo(f"wsgilint: {shown(str(error))}", err=True)
        raise typer.Exit(2) from None
    baseline_path = Path(baseline) if baseline else settings.baseline
    accepted = None
    if baseline_path:
        # Here: most checks have no baseline, and its module is loaded only for one.
        from .baseline import BaselineError, load_baseline, new_findings

        try:
            accepted = load_baseline(baseline_path)
        except BaselineError as error:
            typer.echo(f"wsgilint: {shown(str(error))}", err=True)
            raise typer.Exit(2) from None
    # Options given on the command line win over the settings file.
    selected = _split(select) if select else settings.select
    ignored = (_split(ignore) if ignore else settings.ignore) + _split(extend_ignore)
    _refuse_unknown_rules(selected, ignored)
    targets = list(paths or ["."])
    from_stdin = "-" in targets
    if from_stdin and len(targets) > 1:
        typer.echo("wsgilint: - (standard input) is checked on its own, without other paths", err=True)
        raise typer.Exit(2)
    if from_stdin and (fix or diff):
        typer.echo("wsgilint: --fix and --diff change files of the checked tree, not standard input", err=True)
        raise typer.Exit(2)
    missing = [path for path in targets if path != "-" and not os.path.lexists(path)]
    if missing:
        typer.echo(f"wsgilint: {shown(missing[0])}: no such file or directory", err=True)
        raise typer.Exit(2)
    if root is not None and not os.path.isdir(root):
        typer.echo(f"wsgilint: --root {shown(root)}: no such directory", err=True)
        raise typer.Exit(2)
    failing_at = fail_on or settings.fail_on or "warning"
    given = {"uwsgi": uwsgi_version, "gunicorn": gunicorn_version, "supervisor": supervisor_version,
             "nginx": nginx_version}
    _refuse_malformed_versions(given, settings.versions)
    versions = {**settings.versions, **{k: v for k, v in given.items() if v}}
    report = io.StringIO()
    try:
        from .api import check as run_check
        from .engine import severity_rank

        with _stdin_directory(from_stdin) as piped, \
                progress_bar(wanted() and not quiet) as progress:
            if piped:
                targets = [_stdin_copy(stdin_filename or "stdin", piped)]
            result = run_check(targets, root=root, select=selected, ignore=ignored, versions=versions,
                               ignored_in=settings.ignored_in,
                               require_reason=require_reason or settings.require_reason,
                               cwd=piped or None, progress=progress, no_ignore=no_ignore,
                               jobs=int(jobs) if jobs else min(os.cpu_count() or 1, 8),
                               max_file_size=settings.max_file_size, explain=verbose)
        everything = list(result.findings)
        if accepted is not None:
            result.findings, hidden = new_findings(result.findings, accepted)
            if accepted.legacy and not quiet:
                typer.echo(f"wsgilint: the baseline {shown(str(baseline_path))} has fingerprints of an older "
                           "wsgilint (rule, path and message): matched that way; write it again with --format json "
                           "to match by the offending line", err=True)
            if hidden and not quiet:
                typer.echo(f"wsgilint: {hidden} finding{'s' if hidden != 1 else ''} of the baseline "
                           f"{shown(str(baseline_path))} not shown", err=True)
        if verbose:
            # A file read through an include replaces what discovery alone made of it.
            listed = {source.display: source for source in [*result.files, *result.read_through]}
            for source in sorted(listed.values(), key=lambda f: f.display):
                label = source.kind or "skipped"
                typer.echo(f"{label:>10}  {shown(source.display)}  ({shown(source.reason)})", err=True)
        diff_exit: int | None = None    # --diff (and a failed --fix) decide the exit status themselves
        if fix or diff:
            from functools import partial

            relint = partial(run_check, targets, root=root, select=selected, ignore=ignored, versions=versions,
                             ignored_in=settings.ignored_in, require_reason=require_reason or settings.require_reason,
                             no_ignore=no_ignore)
            remaining, diff_exit = _fix(result.findings, everything, result.files,
                                        [*targets, *([root] if root else [])],
                                        lambda overlay: relint(overlay=overlay).findings, unsafe_fixes, write=not diff)
            result.findings = new_findings(remaining, accepted)[0] if accepted is not None else remaining
        out = report if output_file else sys.stdout
        if diff:
            pass
        elif statistics:
            from .report._statistics import render_statistics

            render_statistics(result, out, as_json=output_format == "json", quiet=quiet)
        else:
            renderer(output_format)(result, out, quiet)
    except Exception as error:  # one clear line, never a traceback unless asked
        if debug:
            raise
        typer.echo(f"wsgilint: internal error: {type(error).__name__}: {shown(str(error))} "
                   "(run with --debug for the traceback)", err=True)
        raise typer.Exit(2) from None
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as written:
                written.write(report.getvalue())
        except OSError as error:
            typer.echo(f"wsgilint: --output-file {shown(output_file)}: {shown(error.strerror or str(error))}",
                       err=True)
            raise typer.Exit(2) from None
    if diff_exit is not None:
        raise typer.Exit(diff_exit)
    threshold = None if failing_at == "never" else severity_rank(failing_at)
    failing = threshold is not None and any(severity_rank(f.severity) >= threshold for f in result.findings)
    raise typer.Exit(1 if failing else 0)


def _fix(reported: list["Finding"], everything: list["Finding"], files: list["SourceFile"], roots: list[str],
         relint: Callable[[Mapping[str, bytes]], list["Finding"]], unsafe: bool,
         write: bool) -> tuple[list["Finding"], int | None]:
    """--fix: write the fixes; --diff: print them. Says what was fixed and what was not;
    returns the findings left, and the exit status when it is not the findings' (--diff:
    1 when there is something to fix; 2 when writing failed)."""
    from .fix import plan

    fixes = plan(reported, everything, files, roots, relint, unsafe)
    for rejected in fixes.rejected:
        finding = rejected.finding
        typer.echo(f"wsgilint: not fixed: {shown(str(finding.at))}: {finding.code}: {shown(rejected.reason)}", err=True)
    if not write:
        # Tabs stay tabs in a diff; every other control character is escaped, as in the reports.
        for line in fixes.diff().splitlines():
            typer.echo("\t".join(shown(part) for part in line.split("\t")))
    else:
        try:
            fixes.write()
        except OSError as error:
            typer.echo(f"wsgilint: {shown(str(error))}", err=True)
            return fixes.after, 2
    count = len(fixes.applied)
    verb = "fixed" if write else "would fix"
    hint = (f"; {fixes.unsafe_left} more with --unsafe-fixes" if fixes.unsafe_left else "")
    typer.echo(f"wsgilint: {verb} {count} finding{'s' if count != 1 else ''} in {len(fixes.fixed)} "
               f"file{'s' if len(fixes.fixed) != 1 else ''}{hint}", err=True)
    return fixes.after, None if write else (1 if fixes.fixed else 0)


@contextmanager
def _stdin_directory(wanted: bool) -> Iterator[str]:
    """A temporary folder for the text read from standard input; "" when none is read.
    ``tempfile`` (with ``random`` and its hashes) is loaded only then."""
    if not wanted:
        yield ""
        return
    import tempfile

    with tempfile.TemporaryDirectory(prefix="wsgilint-stdin-") as piped:
        yield piped


GraphFormat = Literal["tree", "mermaid", "dot"]


@app.command(cls=_Command)
def graph(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Directories (an /etc-like tree or a repository) and files. Default: .")] = None,
    output_format: Annotated[GraphFormat, typer.Option("--format", help="Output format.")] = "tree",
    root: Annotated[str | None, typer.Option(
        "--root", help="Treat DIR as the target host's / (absolute paths in configs resolve under it).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Show what wsgilint understood: who starts which server, as whom, where it listens, which
    nginx routes reach it; broken edges marked."""
    targets = list(paths or ["."])
    missing = [path for path in targets if not os.path.lexists(path)]
    if missing or (root is not None and not os.path.isdir(root)):
        typer.echo(f"wsgilint: {shown(missing[0] if missing else '--root ' + str(root))}: no such file or directory",
                   err=True)
        raise typer.Exit(2)
    try:
        from .api import check as run_check
        from .report._graph import render_graph

        render_graph(run_check(targets, root=root, select=("E",)).deployment, output_format, sys.stdout)
    except Exception as error:  # one clear line, never a traceback unless asked
        if debug:
            raise
        typer.echo(f"wsgilint: internal error: {type(error).__name__}: {shown(str(error))} "
                   "(run with --debug for the traceback)", err=True)
        raise typer.Exit(2) from None


@app.command("rules", cls=_Command)
def list_rules() -> None:
    """List every rule: code, severity, slug and summary."""
    from .engine import load_rules

    for rule in load_rules():
        typer.echo(f"{rule.code}  {rule.severity:<7}  {rule.slug:<32}  {rule.summary}")


@app.command(cls=_Command)
def explain(
    rules: Annotated[list[str], typer.Argument(metavar="RULE", hidden=True)],
) -> None:
    """Show a rule's page: what it checks, what breaks in production, how to fix it, an example.

    RULE: a rule code (X101) or slug (pass-target-mismatch); a slug several rules share shows each.
    """
    from .engine import Rule, load_rules
    from .rule_docs import rule_page

    known = load_rules()
    by_code = {rule.code: rule for rule in known}

    def named(name: str) -> list[Rule]:
        # A slug may name rules of several kinds (unknown-key: D104 for systemd, S101 for
        # Supervisor): every one of them is shown.
        name = name.strip()
        if name.upper() in by_code:
            return [by_code[name.upper()]]
        return [rule for rule in known if rule.slug == name.lower()]

    wanted = [(name, named(name)) for name in rules]
    unknown = [name for name, found in wanted if not found]
    if unknown:
        typer.echo(f"wsgilint: no rule {shown(', '.join(unknown))} (`wsgilint rules` lists them)", err=True)
        raise typer.Exit(2)
    typer.echo("\n".join(rule_page(rule) for _, found in wanted for rule in found), nl=False)


def main() -> None:
    # typer builds a click command, with each of its options, for every registered command
    # before parsing: 2.3 M instructions for the three a run does not name. When the first
    # word names a command, only that one is built (the group and its callback stay, so
    # usage lines, errors and ``wsgilint check --help`` read the same); ``--help``, no word
    # or an unknown one builds them all, to list them or suggest one. Named as typer names
    # them (``typer.main.get_command_from_info``).
    registered = app.registered_commands
    word = sys.argv[1] if len(sys.argv) > 1 else None
    named = [info for info in registered
             if (info.name or (info.callback.__name__ if info.callback else "").lower().replace("_", "-")) == word]
    if named:
        app.registered_commands = named
    try:
        app()
    finally:
        app.registered_commands = registered
