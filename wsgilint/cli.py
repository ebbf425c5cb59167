"""Command line. Only typer is imported at start-up; the pipeline loads on demand.

Every line written to stderr that quotes the checked files, the command line or the
settings (file names, the baseline path, error messages) passes them through ``shown``:
the same escapes as the reports, so no such line can be a terminal escape or a GitHub
Actions workflow command (see wsgilint/report/_text.py)."""
from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated

import typer

from . import __version__
from .report import formats, renderer, shown

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Check a Python web deployment across nginx, uWSGI, Gunicorn, Supervisor, systemd and sysctl.")


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


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


@app.command()
def check(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Directories (an /etc-like tree or a repository) and files. Default: .")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", callback=_known_format, metavar=f"[{'|'.join(formats())}]", help="Output format.")] = "console",
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Exit 1 when a finding has this severity or worse. Default: warning.")] = None,
    root: Annotated[str | None, typer.Option(
        "--root", help="Treat DIR as the target host's / (absolute paths in configs resolve under it).")] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rules: codes, prefixes (X1) or slugs; comma-separated.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rules: codes, prefixes or slugs; comma-separated.")] = None,
    uwsgi_version: Annotated[str | None, typer.Option(
        "--uwsgi-version",
        help="uWSGI version to check against (default 2.0.31, or the installed one on this host).")] = None,
    gunicorn_version: Annotated[str | None, typer.Option(
        "--gunicorn-version", help="Gunicorn version to check against (default 27.0.1).")] = None,
    supervisor_version: Annotated[str | None, typer.Option(
        "--supervisor-version", help="Supervisor version to check against (default 4.3.0).")] = None,
    nginx_version: Annotated[str | None, typer.Option(
        "--nginx-version",
        help="nginx version to check against (default 1.30.4, or the installed one on this host).")] = None,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", help="A JSON report of accepted findings: only findings not in it are reported.")] = None,
    config: Annotated[str | None, typer.Option(
        "--config", help="Settings file (default: the nearest wsgilint.toml, .wsgilint.toml or pyproject.toml "
                         "with [tool.wsgilint]).")] = None,
    isolated: Annotated[bool, typer.Option(
        "--isolated", help="Use no settings file found in or above the current directory (only --config, if given).")] = False,
    require_reason: Annotated[bool, typer.Option(
        "--require-reason", help="A suppression comment without a reason is an error (L102).")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List every file with the kind it was read as, or why it was skipped.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Check config files and report findings."""
    from pathlib import Path

    from .baseline import BaselineError, load_baseline, new_findings
    from .config import ConfigError, settings_for

    try:
        settings = settings_for(config, Path.cwd(), isolated)
        baseline_path = Path(baseline) if baseline else settings.baseline
        accepted = load_baseline(baseline_path) if baseline_path else None
    except (ConfigError, BaselineError) as error:
        typer.echo(f"wsgilint: {shown(str(error))}", err=True)
        raise typer.Exit(2) from None
    # Options given on the command line win over the settings file.
    selected = _split(select) if select else settings.select
    ignored = _split(ignore) if ignore else settings.ignore
    _refuse_unknown_rules(selected, ignored)
    targets = list(paths or ["."])
    missing = [path for path in targets if not os.path.lexists(path)]
    if missing:
        typer.echo(f"wsgilint: {shown(missing[0])}: no such file or directory", err=True)
        raise typer.Exit(2)
    if root is not None and not os.path.isdir(root):
        typer.echo(f"wsgilint: --root {shown(root)}: no such directory", err=True)
        raise typer.Exit(2)
    failing_at = fail_on.value if fail_on is not None else settings.fail_on or FailOn.warning.value
    given = {"uwsgi": uwsgi_version, "gunicorn": gunicorn_version, "supervisor": supervisor_version,
             "nginx": nginx_version}
    versions = {**settings.versions, **{k: v for k, v in given.items() if v}}
    try:
        from .api import check as run_check
        from .engine import severity_rank

        result = run_check(targets, root=root, select=selected, ignore=ignored, versions=versions,
                           ignored_in=settings.ignored_in, require_reason=require_reason or settings.require_reason,
                           max_file_size=settings.max_file_size)
        if accepted is not None:
            result.findings, hidden = new_findings(result.findings, accepted)
            if hidden:
                typer.echo(f"wsgilint: {hidden} finding{'s' if hidden != 1 else ''} of the baseline "
                           f"{shown(str(baseline_path))} not shown", err=True)
        if verbose:
            for source in sorted(result.files, key=lambda f: f.display):
                label = source.kind or "skipped"
                typer.echo(f"{label:>10}  {shown(source.display)}  ({shown(source.reason)})", err=True)
        renderer(output_format)(result, sys.stdout)
    except Exception as error:  # one clear line, never a traceback unless asked
        if debug:
            raise
        typer.echo(f"wsgilint: internal error: {type(error).__name__}: {shown(str(error))} "
                   "(run with --debug for the traceback)", err=True)
        raise typer.Exit(2) from None
    threshold = None if failing_at == FailOn.never.value else severity_rank(failing_at)
    failing = threshold is not None and any(severity_rank(f.severity) >= threshold for f in result.findings)
    raise typer.Exit(1 if failing else 0)


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, severity, slug and summary."""
    from .engine import load_rules

    for rule in load_rules():
        typer.echo(f"{rule.code}  {rule.severity:<7}  {rule.slug:<32}  {rule.summary}")


@app.command()
def explain(
    rules: Annotated[list[str], typer.Argument(help="Rule codes (X101) or slugs (pass-target-mismatch).")],
) -> None:
    """Show a rule's page: what it checks, what breaks in production, how to fix it, an example."""
    from .engine import load_rules
    from .rule_docs import rule_page

    known = load_rules()
    by_name = {**{rule.code: rule for rule in known}, **{rule.slug: rule for rule in known}}
    wanted = [by_name.get(name.strip().upper(), by_name.get(name.strip().lower())) for name in rules]
    unknown = [name for name, rule in zip(rules, wanted, strict=True) if rule is None]
    if unknown:
        typer.echo(f"wsgilint: no rule {shown(', '.join(unknown))} (`wsgilint rules` lists them)", err=True)
        raise typer.Exit(2)
    typer.echo("\n".join(rule_page(rule) for rule in wanted if rule is not None), nl=False)


def main() -> None:
    app()
