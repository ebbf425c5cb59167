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
import re

from wsgilint.engine import Hit
from wsgilint.model import Span
from wsgilint.model.manager_facts import supervisor_keys
from wsgilint.readers.supervisor import PROGRAM_KINDS, expand

CODE = "S110"
SLUG = "stray-percent"
SEVERITY = "error"
SUMMARY = "A % in a Supervisor value is not written %%."

BAD = {"etc/supervisor/conf.d/backup.conf": "[program:backup]\ncommand=/usr/local/bin/backup --stamp %Y-%m-%d\n"}
GOOD = {"etc/supervisor/conf.d/backup.conf": "[program:backup]\ncommand=/usr/local/bin/backup --stamp %%Y-%%m-%%d\n"}

_CONVERSION = re.compile(r"[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]")


def _stray(raw: str) -> int | None:
    """Offset of the first ``%`` that is not ``%%`` nor ``%(name)`` + a conversion."""
    index = 0
    while (index := raw.find("%", index)) != -1:
        if raw.startswith("%%", index):
            index += 2
            continue
        if not raw.startswith("%(", index) or ")" not in raw[index:]:
            return index
        close = raw.index(")", index)
        conversion = _CONVERSION.match(raw, close + 1)
        if conversion is None:
            return index
        index = conversion.end()
    return None


def _names(section) -> dict:
    if section.kind in PROGRAM_KINDS:
        return {"program_name": section.label, "group_name": section.label, "process_num": 0, "numprocs": 1}
    return {}


def _at(value, offset: int, length: int) -> Span:
    if "\n" in value.raw[:offset]:
        return value.at
    column = value.at.column + offset
    return Span(value.at.path, value.at.line, column, column + length)


def check(deployment):
    tables = supervisor_keys()
    for config in deployment.readings.get("supervisor", []):
        for section in config.sections:
            if section.kind == "unknown":
                continue
            twice = section.kind == "supervisord"
            known = tables.get(section.kind)
            for key, value in section.keys.items():
                if known is not None and key not in known:
                    continue    # supervisord never reads (nor formats) a key it does not know: S101
                first = expand(value.raw, _names(section))
                result = expand(first.text, {}) if twice and key == "environment" and not first.error else first
                if result.error and "badly formatted" in result.error:
                    # In a value formatted twice, the `%` that fails may be a `%%` of the first pass.
                    offset = _stray(value.raw) if first is result else value.raw.find("%")
                    at = _at(value, offset, 2) if offset is not None and offset >= 0 else value.at
                    doubled = " (this value is formatted twice: write `%%%%`)" if result is not first else ""
                    detail = re.sub(r" at index \d+$", "", result.error.rsplit(": ", 1)[-1])
                    what = "a `%(name)` without its letter `s`" if offset is None else "a `%` that is not `%%`"
                    yield Hit(at, f"{what} in `{key}`: supervisord %-formats the value and refuses to start "
                              f"({detail}); write `%%` for a literal percent sign, `%(name)s` for a name{doubled}")
                elif result.whole_environment and not result.error:
                    offset = _stray(value.raw)
                    at = _at(value, offset, 2) if offset is not None else value.at
                    where = "the program's argv (visible in `ps` and the logs)" if key == "command" else "the value"
                    yield Hit(at, f"a bare `%s` in `{key}`: supervisord replaces it by its whole expansion table, "
                              f"every environment variable's value included, and puts that into {where}; "
                              "write `%%s`", severity="warning")
