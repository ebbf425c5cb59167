"""A Supervisor `environment=` that supervisord reads differently from what is written.

## What it checks
`environment=` in `[program:x]` (and the other program sections) and in
`[supervisord]`, read as supervisord 4.3 reads it (a shell-like tokenizer that takes
`KEY=value` triples, each followed by one token it skips: a comma, or any other character
the tokenizer takes alone, so `A=1&B=2` sets both): words it skips without a message are
reported.

## What breaks in production
Measured with Supervisor 4.3.0: `environment=A=1, B=x y` gives the program
`A=1 B=x` — the ` y` is dropped, silently (`A=x y z=3` even gives `A=x z=3`). The
program starts with a truncated value (a cut-off `DJANGO_SETTINGS_MODULE`, a
password missing its second half). (Layouts that do not line up at all, like
`A=1 B=2`, make supervisord refuse the file; the reader reports those.)

## How to fix
Quote values that contain spaces (`B="x y"`) and separate the pairs with commas.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "S112"
SLUG = "environment-parse"
SEVERITY = "warning"
SUMMARY = "environment= parses to something other than what is written (words dropped)."

BAD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nenvironment=LANG=en_US.UTF-8, GREETING=hello world\n")}
GOOD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nenvironment=LANG=en_US.UTF-8, GREETING=\"hello world\"\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for section in config.sections:
            value = section.get("environment")
            parsed = value.environment if value is not None else None   # None: the value does not expand
            if value is None or parsed is None or parsed.error or not parsed.dropped:
                continue
            # Values are not repeated in the message: environments hold secrets.
            count = len(parsed.dropped)
            yield Hit(value.at, f"supervisord keeps only the first word of an unquoted value with spaces and "
                      f"silently drops {count} word{'s' if count > 1 else ''} here (it reads only "
                      f"{', '.join(parsed.values)}); quote values that contain spaces (`KEY=\"a b\"`) and "
                      "separate pairs with commas")
