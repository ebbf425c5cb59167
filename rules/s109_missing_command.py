"""A Supervisor program section without `command`.

## What it checks
A `[program:x]`, `[fcgi-program:x]` or `[eventlistener:x]` section with no `command`
key (a `[DEFAULT]` section's `command` counts).

## What breaks in production
supervisord refuses the whole configuration: `program section program:x does not
specify a command`, and none of its programs start (Supervisor 4.3.0,
`options.py` `processes_from_section`). A misspelt key (`comand=`) has the same
effect, since supervisord ignores keys it does not know.

## How to fix
Add `command=` with the absolute path of the program to run.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import did_you_mean

CODE = "S109"
SLUG = "missing-command"
SEVERITY = "error"
SUMMARY = "A Supervisor program has no command: supervisord refuses to start."

BAD = {"etc/supervisor/conf.d/app.conf": "[program:app]\ncomand=/srv/venv/bin/gunicorn app:app\n"}
GOOD = {"etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for section in config.sections:
            if not section.is_program or section.get("command") is not None:
                continue
            typo = next((key for key in section.keys if did_you_mean(key, ["command"], 0.8)), None)
            hint = f" (`{typo}` is not `command`)" if typo else ""
            yield Hit(section.at, f"[{section.name}] has no `command`{hint}: supervisord refuses to start with "
                      "\"does not specify a command\"; add `command=`")
