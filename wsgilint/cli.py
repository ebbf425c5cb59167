"""Command line. Only typer is imported at start-up; the pipeline loads on demand."""
from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Check a Python web deployment across nginx, uWSGI, Gunicorn, Supervisor, systemd and sysctl.")


class OutputFormat(str, Enum):
    console = "console"
    json = "json"
    github = "github"
    sarif = "sarif"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"wsgilint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """wsgilint checks each config file and, above all, the links between them."""


def _split(values: Optional[List[str]]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Directories (an /etc-like tree or a repository) and files. Default: ."),
    output_format: OutputFormat = typer.Option(OutputFormat.console, "--format", help="Output format."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding has this severity or worse. Default: warning."),
    root: Optional[str] = typer.Option(None, "--root", help="Treat DIR as the target host's / (absolute paths in configs resolve under it)."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules: codes, prefixes (X1) or slugs; comma-separated."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules: codes, prefixes or slugs; comma-separated."),
    uwsgi_version: Optional[str] = typer.Option(None, "--uwsgi-version", help="uWSGI version to check against (default 2.0.31, or the installed one on this host)."),
    gunicorn_version: Optional[str] = typer.Option(None, "--gunicorn-version", help="Gunicorn version to check against (default 27.0.1)."),
    supervisor_version: Optional[str] = typer.Option(None, "--supervisor-version", help="Supervisor version to check against (default 4.3.0)."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="A JSON report of accepted findings: only findings not in it are reported."),
    config: Optional[str] = typer.Option(None, "--config", help="Settings file (default: the nearest wsgilint.toml, .wsgilint.toml or pyproject.toml with [tool.wsgilint])."),
    isolated: bool = typer.Option(False, "--isolated", help="Use no settings file found in or above the current directory (only --config, if given)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every file with the kind it was read as, or why it was skipped."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
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
        typer.echo(f"wsgilint: {error}", err=True)
        raise typer.Exit(2)
    # Options given on the command line win over the settings file.
    selected = _split(select) if select else settings.select
    ignored = _split(ignore) if ignore else settings.ignore
    failing_at = fail_on.value if fail_on is not None else settings.fail_on or FailOn.warning.value
    given = {"uwsgi": uwsgi_version, "gunicorn": gunicorn_version, "supervisor": supervisor_version}
    versions = {**settings.versions, **{k: v for k, v in given.items() if v}}
    try:
        from .api import check as run_check
        from .engine import severity_rank

        result = run_check(list(paths or ["."]), root=root, select=selected, ignore=ignored, versions=versions,
                           ignored_in=settings.ignored_in)
        if accepted is not None:
            result.findings, hidden = new_findings(result.findings, accepted)
            if hidden:
                typer.echo(f"wsgilint: {hidden} finding{'s' if hidden != 1 else ''} of the baseline "
                           f"{baseline_path} not shown", err=True)
        if verbose:
            for source in sorted(result.files, key=lambda f: f.display):
                label = source.kind or "skipped"
                typer.echo(f"{label:>10}  {source.display}  ({source.reason})", err=True)
        if output_format is OutputFormat.json:
            from .report.json_report import render
            typer.echo(render(result.findings, result.files))
        elif output_format is OutputFormat.sarif:
            from .report.sarif import render as render_sarif
            typer.echo(render_sarif(result.findings, result.rules, str(Path.cwd())))
        elif output_format is OutputFormat.github:
            from .report.github import render as render_github
            text = render_github(result.findings)
            if text:
                typer.echo(text)
        else:
            from .report.console import render as render_console
            render_console(result.findings, sum(1 for f in result.files if f.kind), sys.stdout)
    except Exception as error:  # one clear line, never a traceback unless asked
        if debug:
            raise
        typer.echo(f"wsgilint: internal error: {type(error).__name__}: {error} (run with --debug for the traceback)", err=True)
        raise typer.Exit(2)
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
    rules: List[str] = typer.Argument(..., help="Rule codes (X101) or slugs (pass-target-mismatch)."),
) -> None:
    """Show a rule's page: what it checks, what breaks in production, how to fix it, an example."""
    from .engine import load_rules
    from .rule_docs import rule_page

    known = load_rules()
    by_name = {**{rule.code: rule for rule in known}, **{rule.slug: rule for rule in known}}
    wanted = [by_name.get(name.strip().upper(), by_name.get(name.strip().lower())) for name in rules]
    unknown = [name for name, rule in zip(rules, wanted) if rule is None]
    if unknown:
        typer.echo(f"wsgilint: no rule {', '.join(unknown)} (`wsgilint rules` lists them)", err=True)
        raise typer.Exit(2)
    typer.echo("\n".join(rule_page(rule) for rule in wanted), nl=False)


def main() -> None:
    app()
