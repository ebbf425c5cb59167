"""`numprocs` above 1 without `%(process_num)` in `process_name`: supervisord refuses to start.

## What it checks
A `[program:x]`, `[fcgi-program:x]` or `[eventlistener:x]` with `numprocs` greater
than 1 whose `process_name` (default `%(program_name)s`) does not contain
`%(process_num)`.

## What breaks in production
Measured with Supervisor 4.3.0: `Error: %(process_num) must be present within
process_name when numprocs > 1 in section 'program:w'`, exit code 2 — supervisord
does not start, and none of its programs run. A `supervisorctl reread` keeps the old
configuration.

## How to fix
Add `process_name=%(program_name)s_%(process_num)02d`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "S106"
SLUG = "numprocs-without-process-num"
SEVERITY = "error"
SUMMARY = "numprocs > 1 without %(process_num) in process_name: supervisord refuses to start."

BAD = {"etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/venv/bin/celery worker\nnumprocs=4\n"}
GOOD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/celery worker\nnumprocs=4\nprocess_name=%(program_name)s_%(process_num)02d\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for section in filter(lambda s: s.is_program, config.sections):
            numprocs, name = section.get("numprocs"), section.get("process_name")
            count = numprocs.as_int() if numprocs is not None else None    # None also when S107 reports it
            if numprocs is None or count is None or count <= 1 or (name is not None and "%(process_num)" in name.raw):
                continue
            written = f"process_name={name.raw}" if name is not None else "the default process_name=%(program_name)s"
            related = (Related(name.at, "process_name without %(process_num)"),) if name is not None else ()
            yield Hit(numprocs.at, f"numprocs={count} but {written} has no `%(process_num)`: "
                      "supervisord refuses to start (exit code 2); add "
                      "`process_name=%(program_name)s_%(process_num)02d`", related)
