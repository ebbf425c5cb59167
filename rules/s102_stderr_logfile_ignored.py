"""`redirect_stderr=true` together with a `stderr_logfile`: the file is never written.

## What it checks
A `[program:x]` or `[fcgi-program:x]` with `redirect_stderr=true` that also names a
`stderr_logfile` (anything but `AUTO`, `NONE`, `OFF` or `syslog`).

## What breaks in production
Measured with Supervisor 4.3.0: stderr goes into the stdout log, the stderr file is
never created and `supervisorctl tail x stderr` answers `ERROR (no log file)`. The
only trace is a WARN line in supervisord's own log; whoever reads the named file for
tracebacks finds nothing.

## How to fix
Remove `stderr_logfile` (stderr then lands in `stdout_logfile`), or remove
`redirect_stderr=true` to keep two files.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "S102"
SLUG = "stderr-logfile-ignored"
SEVERITY = "warning"
SUMMARY = "stderr_logfile is ignored because redirect_stderr=true."

BAD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nredirect_stderr=true\n"
    "stdout_logfile=/var/log/app/out.log\nstderr_logfile=/var/log/app/err.log\n")}
GOOD = {"etc/supervisor/conf.d/app.conf": (
    "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nredirect_stderr=true\n"
    "stdout_logfile=/var/log/app/out.log\n")}

_NOT_A_FILE = ("auto", "none", "off", "syslog")


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for section in config.of_kind("program", "fcgi-program"):
            redirect, logfile = section.get("redirect_stderr"), section.get("stderr_logfile")
            if redirect is None or logfile is None or redirect.as_bool() is not True:
                continue
            if logfile.raw.lower() in _NOT_A_FILE:
                continue
            yield Hit(logfile.at, f"[{section.name}] sets redirect_stderr=true, so supervisord ignores "
                      f"`stderr_logfile`: {logfile.raw} is never written (stderr goes to the stdout log); "
                      "remove one of the two", (Related(redirect.at, "redirect_stderr=true"),))
