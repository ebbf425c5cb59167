"""A process manager runs a shell wrapper that does not `exec` the server.

## What it checks
A Supervisor program or systemd service whose command is a shell script, or
`sh -c "..."`, where the line that starts the server has no `exec`, unless the
manager signals the whole process group (`stopasgroup` + `killasgroup` in Supervisor;
`KillMode=control-group`, the default, in systemd). `bash -c` needs no `exec` for its
last command: bash replaces itself with it.

A container whose `CMD`/`ENTRYPOINT` is in shell form (or whose Compose `command` runs
`sh -c`) is the same case: the runtime signals only PID 1.

## What breaks in production
The stop signal goes to the shell, which dies; the server keeps running with PPID 1
and keeps serving and holding its port, so the next start fails (measured with dash
and Gunicorn 27 under Supervisor 4.3.0). In a container the shell is PID 1, which the
kernel shields from signals it has no handler for: `docker stop` waits (10 s by
default), then SIGKILLs everything (Dockerfile reference: the shell-form example stops
in 10.19 s); dash, Debian's `/bin/sh`, stays the parent of `sh -c 'cmd'`.

## How to fix
Start the server with `exec` in the script, or set `stopasgroup=true` and
`killasgroup=true`; in a container, use the exec form (`CMD ["uwsgi", "--ini", "app.ini"]`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "X115"
SLUG = "wrapper-without-exec"
SEVERITY = "warning"
SUMMARY = "A shell wrapper starts the server without exec (orphans on stop)."

BAD = {
    "etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/app/start.sh\n",
    "srv/app/start.sh": "#!/bin/sh\ncd /srv/app\n/srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n",
}
GOOD = {
    "etc/supervisor/conf.d/app.conf": BAD["etc/supervisor/conf.d/app.conf"],
    "srv/app/start.sh": "#!/bin/sh\ncd /srv/app\nexec /srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    kinds = {source.display: source.kind for source in deployment.files}
    for manager in deployment.managers:
        if manager.wrapper is None or not manager.shell_takes_signal:
            continue
        if manager.in_container:
            # A shell-form command's line is in a Dockerfile or compose file; otherwise the shell
            # is a script the command runs (an entrypoint.sh).
            shell_form = kinds.get(manager.wrapper.path) in ("compose", "dockerfile")
            how = ("`/bin/sh -c`, a shell-form command" if shell_form
                   else f"the script {manager.wrapper.path}, whose shell stays PID 1")
            fix = ("use the exec form (`CMD [\"uwsgi\", ...]`, a YAML list) or start it with `exec`" if shell_form
                   else "start the server with `exec` in the script")
            message = (f"the server is started by a shell without `exec` ({manager.kind} [{manager.name}] runs "
                       f"{how}): `docker stop` sends its signal to the shell, PID 1, "
                       "which ignores it, so the server never hears of the stop and is SIGKILLed after "
                       f"{manager.stop_timeout.value if manager.stop_timeout else 10:g} s, cutting the requests in "
                       f"flight; {fix}")
        else:
            fix = "set stopasgroup=true and killasgroup=true" if manager.kind == "supervisor" else \
                "use KillMode=control-group"
            message = (f"the server is started without `exec`, and {manager.kind} [{manager.name}] signals only the "
                       "shell: on stop the shell dies and the server keeps running orphaned, holding its port; "
                       f"start it with `exec`, or {fix}")
        yield Hit(manager.wrapper, message,
                  (Related(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                           f"{manager.kind} runs the wrapper here"),))
