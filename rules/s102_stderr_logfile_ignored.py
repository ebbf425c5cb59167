"""`redirect_stderr=true` together with a `stderr_logfile`: supervisord writes nothing there.

## What it checks
A `[program:x]` or `[fcgi-program:x]` with `redirect_stderr=true` that also names a
`stderr_logfile` (anything but `AUTO`, `NONE`, `OFF` or `syslog`).

## What breaks in production
Measured with Supervisor 4.3.0: stderr goes into the stdout log, the stderr file is
never created and `supervisorctl tail x stderr` answers `ERROR (no log file)`. The
only trace is a WARN line in supervisord's own log; whoever reads the named file for
tracebacks finds nothing.

The file can still be written by the program itself: Gunicorn's `errorlog`
(`--error-logfile`) or uWSGI's `logto`/`logger = file:` set to the same path. Then
its log lands there and nothing is lost; the key still does nothing for supervisord
(`tail x stderr` has no log file), which is only an info. So is a `stderr_logfile` of
`/dev/stderr` beside a `stdout_logfile` of `/dev/stdout`: both are supervisord's own
output, which Docker (or the journal) collects as one log, so the lines still reach it.
And so is a `stderr_logfile` that names the `stdout_logfile` itself: stderr lands in that
file either way (measured with supervisord 4.3).

## How to fix
Remove `stderr_logfile` (stderr then lands in `stdout_logfile`), or remove
`redirect_stderr=true` to keep two files.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, Option, ProcessManager

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
# supervisord's own standard streams, the usual targets in a container.
_OWN_STDOUT = ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
_OWN_STDERR = ("/dev/stderr", "/dev/fd/2", "/proc/self/fd/2")


# The app server's own log file settings, which write to a path of their own.
_OWN_LOGS = {"gunicorn": ("errorlog",), "uwsgi": ("logto", "logto2", "logger", "req-logger")}


def _written_by_program(logfile: str, managers: list[ProcessManager]) -> Option | None:
    """The setting of the program started by this section that writes its log to ``logfile``
    (both relative to the program's ``directory``, where the program resolves its own)."""
    for manager in managers:
        server = manager.runs
        if server is None or server.kind not in _OWN_LOGS or "%(" in logfile:
            continue
        base = manager.directory.value if manager.directory is not None else ""
        path = posixpath.normpath(posixpath.join(base, logfile))
        for option in server.all(*_OWN_LOGS[server.kind]):
            value = option.value
            if option.unresolved or not isinstance(value, str):
                continue
            value = value.removeprefix("file:")
            if value and posixpath.normpath(posixpath.join(base, value)) == path:
                return option
    return None


def check(deployment: Deployment) -> Iterator[Hit]:
    by_section: dict[object, list[ProcessManager]] = {}
    for manager in deployment.managers:
        if manager.kind == "supervisor":
            by_section.setdefault(manager.at, []).append(manager)
    for config in deployment.supervisor:
        for section in config.of_kind("program", "fcgi-program"):
            redirect, logfile = section.get("redirect_stderr"), section.get("stderr_logfile")
            if redirect is None or logfile is None or redirect.as_bool() is not True:
                continue
            if logfile.raw.lower() in _NOT_A_FILE:
                continue
            said = (f"[{section.name}] sets redirect_stderr=true, so supervisord ignores `stderr_logfile` and writes "
                    f"nothing to {logfile.raw}: the program's stderr goes to its stdout log")
            related = (Related(redirect.at, "redirect_stderr=true"),)
            stdout = section.get("stdout_logfile")
            if logfile.raw in _OWN_STDERR and stdout is not None and stdout.raw in _OWN_STDOUT:
                yield Hit(logfile.at, f"{said}, {stdout.raw}, which is supervisord's own output like {logfile.raw}: "
                          "both reach the same place (the container's log under Docker, the journal under "
                          "systemd), so nothing is lost; only the two streams are no longer apart; remove "
                          "`stderr_logfile`", (*related, Related(stdout.at, "stdout_logfile: supervisord's own stdout")),
                          severity="info")
                continue
            if stdout is not None and stdout.raw.strip() == logfile.raw.strip():
                yield Hit(logfile.at, f"{said}, which is this very file: nothing is lost; remove `stderr_logfile`",
                          (*related, Related(stdout.at, "stdout_logfile: the same file")), severity="info")
                continue
            own = _written_by_program(logfile.raw, by_section.get(section.at, []))
            if own is not None:
                yield Hit(logfile.at, f"{said}; the program writes its own log there ({own.key} at {own.at}), so "
                          "nothing is lost, but `supervisorctl tail` has no stderr log; remove `stderr_logfile`",
                          (*related, Related(own.at, f"{own.key}: the program's own log file")), severity="info")
                continue
            yield Hit(logfile.at, f"{said}; whoever reads that file for tracebacks finds nothing: remove one of the "
                      "two", related)
