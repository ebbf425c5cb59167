"""supervisord's unix control socket is open to other users, without credentials.

## What it checks
A `[unix_http_server]` whose `chmod` gives write permission to other users, or to a
group that `chown=` names (connecting to a unix socket needs write permission), with
neither `username` nor `password`. The default `chmod` is 0700; without `chown=` the
socket's group is supervisord's own, so `chmod=0770` alone lets no one else in.

## What breaks in production
Everyone allowed to connect can do what `supervisorctl` does: stop and start every
program, read their logs and supervisord's (the same XML-RPC interface measured for
S103). supervisord logs `CRIT Server 'unix_http_server' running without any HTTP
authentication checking` and nothing else.

## Known problems
A group-writable socket (`chmod=0770` with `chown=root:supervisor`) is a common,
deliberate setup; the finding then names the group so the choice can be confirmed.
The permissions of the socket's directory are not considered.

## How to fix
Keep `chmod=0700` (only the owner, usually root, can connect), or add `username` and
`password`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "S104"
SLUG = "unix-socket-open"
SEVERITY = "warning"
SUMMARY = "[unix_http_server] chmod lets other users control supervisord without credentials."

BAD = {"etc/supervisor/supervisord.conf": "[supervisord]\n[unix_http_server]\nfile=/run/supervisor.sock\nchmod=0777\n"}
GOOD = {"etc/supervisor/supervisord.conf": "[supervisord]\n[unix_http_server]\nfile=/run/supervisor.sock\nchmod=0700\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.supervisor:
        for server in config.control_servers:
            chmod = server.section.get("chmod")
            if server.section.kind != "unix_http_server" or chmod is None or server.has_credentials:
                continue
            mode = chmod.as_int()
            if mode is None:
                continue    # S107 reports a chmod supervisord cannot read
            if mode & 0o002:
                who = "every local user"
            elif mode & 0o020 and server.socket_group:
                # Without chown= the socket's group is supervisord's own (root's): not a way in.
                who = f"every member of the group {server.socket_group}"
            else:
                continue
            yield Hit(chmod.at, f"chmod={chmod.raw} without username/password: {who} can connect to supervisord "
                      "and stop, start and read the logs of every program; use chmod=0700 or set credentials")
