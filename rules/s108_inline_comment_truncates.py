"""A ` ;` or ` #` inside a Supervisor value cuts it off, even inside quotes.

## What it checks
- A value that supervisord cuts at ` ;` or ` #` (a `;`/`#` after whitespace starts
  an inline comment) where the part that is kept leaves a quote open: the comment
  was meant to be part of the value (`command=sh -c "a ; b"`).
- A `command` with a `;` outside quotes and without a space before it: it is kept
  as text and handed to the program inside an argument (`/bin/sleep 10;comment`).

## What breaks in production
Measured with Supervisor 4.3.0: `command=/bin/sh -c "echo first ; exec ..."` passes
the config check, then every spawn fails with `can't parse command '/bin/sh -c "echo
first': No closing quotation` and the program ends FATAL. `command=/bin/sleep
1003;comment` runs `sleep` with the argument `1003;comment` (supervisord runs no
shell, so `;` does not separate commands either).

## How to fix
Keep `;` and `#` without a space before them inside a value (`a;b`), or move the
shell text into a script. To write a comment, put whitespace before the `;`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "S108"
SLUG = "inline-comment-truncates"
SEVERITY = "warning"
SUMMARY = "An inline ; or # cuts a Supervisor value (quotes do not protect it)."

BAD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/bin/sh -c \"cd /srv/app ; exec /srv/venv/bin/gunicorn app:app\"\n")}
GOOD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/bin/sh -c \"cd /srv/app;exec /srv/venv/bin/gunicorn app:app\" ; start the app\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for section in config.sections:
            for key, value in section.keys.items():
                if value.comments and value.leaves_quote_open:
                    cut = value.comments[0]
                    effect = (": every start then fails with \"No closing quotation\"" if key == "command"
                              else "")
                    yield Hit(cut.at, f"`{key}` is cut at `{cut.text[:1]}` (a `;` or `#` after a space starts a "
                              f"comment, even inside quotes): supervisord keeps `{value.raw}` and drops "
                              f"`{cut.text}`{effect}; remove the space before `{cut.text[:1]}` or use a script")
                elif key == "command" and section.is_program and "\n" not in value.raw:
                    offset = value.attached_semicolon
                    if offset is None:
                        continue
                    yield Hit(value.span_at(offset, 1),
                              "the `;` in `command` is not a comment (it has no space before it) and supervisord "
                              "runs no shell: the program gets it inside an argument; put a space before `;` for "
                              "a comment, or use `sh -c` / a script for several commands")
