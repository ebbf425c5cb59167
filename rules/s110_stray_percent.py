"""A `%` in a Supervisor value that is not written `%%`.

## What it checks
supervisord applies Python %-formatting to the values it reads, with names such as
`%(program_name)s`, `%(here)s` and `%(ENV_HOME)s`. This rule reports a `%` that is
neither `%%` nor a complete `%(name)s`-style reference, in every key supervisord
reads (keys it does not know are never formatted) (`[supervisord] environment=` is formatted twice, so a literal `%` needs
`%%%%` there).

## What breaks in production
Measured with Supervisor 4.3.0:
- `%Y`, `%d`, a trailing `%`, `%(program_name)` without its `s`: supervisord refuses
  to start (`Format string ... is badly formatted: unsupported format character
  'Y'`, exit code 2) — an error.
- A bare `%s` is no error: supervisord replaces it by the text of its whole
  expansion table, every environment variable's value included. In `command` that
  goes into the program's argv, visible in `ps` and supervisord's log
  (`date +%s` became `date +{ENV_PATH: ..., ENV_HOME: ...}`) — a warning.

## How to fix
Write a literal percent sign as `%%` (`date +%%s`), `%%%%` in `[supervisord]
environment=`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, SupervisorValue
from wsgilint.model.manager_facts import supervisor_keys

CODE = "S110"
SLUG = "stray-percent"
SEVERITY = "error"
SUMMARY = "A % in a Supervisor value is not written %%."

BAD = {"etc/supervisor/conf.d/backup.conf": "[program:backup]\ncommand=/usr/local/bin/backup --stamp %Y-%m-%d\n"}
GOOD = {"etc/supervisor/conf.d/backup.conf": "[program:backup]\ncommand=/usr/local/bin/backup --stamp %%Y-%%m-%%d\n"}


def _refused(key: str, value: SupervisorValue) -> Hit:
    # In a value formatted twice, the `%` that fails may be a `%%` of the first pass.
    offset = value.first_percent if value.formatted_twice else value.stray_percent
    at = value.span_at(offset, 2) if offset is not None else value.at
    doubled = " (this value is formatted twice: write `%%%%`)" if value.formatted_twice else ""
    what = "a `%(name)` without its letter `s`" if offset is None else "a `%` that is not `%%`"
    return Hit(at, f"{what} in `{key}`: supervisord %-formats the value and refuses to start "
               f"({value.expanded.bad_format}); write `%%` for a literal percent sign, `%(name)s` for a name{doubled}")


def check(deployment: Deployment) -> Iterator[Hit]:
    tables = supervisor_keys()
    for config in deployment.supervisor:
        for section in config.sections:
            if section.kind == "unknown":
                continue
            known = tables.get(section.kind)
            for key, value in section.keys.items():
                if known is not None and key not in known:
                    continue    # supervisord never reads (nor formats) a key it does not know: S101
                if value.expanded.bad_format:
                    yield _refused(key, value)
                elif value.expanded.whole_environment and not value.expanded.error:
                    offset = value.stray_percent
                    at = value.span_at(offset, 2) if offset is not None else value.at
                    where = "the program's argv (visible in `ps` and the logs)" if key == "command" else "the value"
                    yield Hit(at, f"a bare `%s` in `{key}`: supervisord replaces it by its whole expansion table, "
                              f"every environment variable's value included, and puts that into {where}; "
                              "write `%%s`", severity="warning")
