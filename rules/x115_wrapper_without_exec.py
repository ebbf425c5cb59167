"""A process manager runs a shell wrapper that does not `exec` the server.

## What it checks
A Supervisor program or systemd service whose command is a shell script, or
`sh -c "..."`, where the line that starts the server has no `exec`, unless the
manager signals the whole process group (`stopasgroup` + `killasgroup` in Supervisor;
`KillMode=control-group`, the default, in systemd). `bash -c` needs no `exec` for its
last command: bash replaces itself with it.

## What breaks in production
The stop signal goes to the shell, which dies; the server keeps running with PPID 1
and keeps serving and holding its port, so the next start fails (measured with dash
and Gunicorn 27 under Supervisor 4.3.0).

## How to fix
Start the server with `exec` in the script, or set `stopasgroup=true` and
`killasgroup=true`.
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
    for manager in deployment.managers:
        if manager.wrapper is None or manager.wrapper_execs is not False:
            continue
        if manager.kills_group is not None and manager.kills_group.value:
            continue
        fix = "set stopasgroup=true and killasgroup=true" if manager.kind == "supervisor" else "use KillMode=control-group"
        yield Hit(manager.wrapper, f"the server is started without `exec`, and {manager.kind} [{manager.name}] signals "
                  "only the shell: on stop the shell dies and the server keeps running orphaned, holding its port; "
                  f"start it with `exec`, or {fix}",
                  (Related(manager.argv.at if manager.argv and manager.argv.at else manager.at,
                           f"{manager.kind} runs the wrapper here"),))
