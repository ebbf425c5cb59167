"""`user root;` in nginx.conf: nginx's workers run as root.

## What it checks
A `user root;` (or `user root root;`, also given as `nginx -g 'user root;'`) in the main
context of an nginx configuration. Where every manager that starts this nginx runs it as
another user (a container's `USER`, systemd's `User=`, `gosu`), the line is ignored: info.

## What breaks in production
nginx's master starts as root to bind ports 80 and 443 and then runs its workers as the
`user` it names; the workers are the processes that parse every request from the network.
Measured with nginx 1.22: with `user root;` and a root master the workers run as root (`ps`
shows `root ... nginx: worker process`), so a flaw in nginx, a module or a Lua/njs script
gives the attacker root, and every `alias` or `root` mistake can serve any file of the host
(/etc/shadow, /root/.ssh). nginx accepts the line without a word. A master that is not root
cannot switch users: nginx logs `[warn] the "user" directive makes sense only if the master
process runs with super-user privileges, ignored` and the workers run as the master's user.

## How to fix
Delete the line (the workers then run as `nobody`; the distributions' nginx.conf names
`www-data` or `nginx`), or name an unprivileged user: `user www-data;`. If `user root;` was
there to let nginx read a socket or static files under /root, give that user access instead:
`chmod-socket = 660` with the socket's group nginx's, static files outside /root.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, NginxInstance, ProcessManager, Setting

CODE = "N116"
SLUG = "workers-run-as-root"
SEVERITY = "warning"
SUMMARY = "`user root;` in nginx.conf: the workers that parse every request run as root."

_MAIN = "events {\n    worker_connections 1024;\n}\nhttp {\n    server {\n        listen 80;\n" \
        "        location / {\n            proxy_pass http://127.0.0.1:8000;\n        }\n    }\n}\n"
BAD = {"deploy/nginx.conf": "user root;\nworker_processes auto;\n" + _MAIN}
GOOD = {"deploy/nginx.conf": "user www-data;\nworker_processes auto;\n" + _MAIN}

_ROOT = ("root", "0")


def _master_user(manager: ProcessManager) -> tuple[str, Setting[str] | None]:
    """The user nginx's master runs as under ``manager`` ("root" when nothing else is named),
    with where that is set."""
    switcher = next((launcher for launcher in reversed(manager.launchers) if launcher.user), None)
    if switcher is not None:
        return switcher.user.split(":", 1)[0], None
    if manager.dynamic_user is not None and manager.dynamic_user.value:
        return "a dynamic user", None
    if manager.user is not None:
        return manager.user.value.strip(), manager.user
    return "root", None


def _unprivileged_master(deployment: Deployment, instance: NginxInstance
                         ) -> tuple[str, Setting[str] | None, ProcessManager] | None:
    """The master's user when every manager the files show starting nginx where this
    configuration runs names the same user and it is not root."""
    managers = [m for m in deployment.managers if m.runs_program == "nginx" and m.place is instance.place]
    users = [(*_master_user(manager), manager) for manager in managers]
    if not users or len({name for name, _, _ in users}) != 1 or users[0][0] in _ROOT:
        return None
    return users[0]


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        user = instance.user
        if user.at is None or user.value.strip() not in _ROOT:
            continue
        master = _unprivileged_master(deployment, instance)
        if master is not None:
            name, at, manager = master
            where = f"{manager.kind} [{manager.name}]"
            yield Hit(user.at, f"`user {user.value}` is ignored: {where} runs nginx as {name}, not root, so nginx "
                      "logs `[warn] the \"user\" directive makes sense only if the master process runs with "
                      f"super-user privileges, ignored` and its workers run as {name}; delete the line",
                      (Related(at.at, f"nginx runs as {name}"),) if at is not None and at.at is not None else (),
                      severity="info")
            continue
        yield Hit(user.at, f"`user {user.value}`: nginx's master starts as root and runs its workers as root "
                  "too (nginx accepts it silently), so the processes that parse every request hold root: a flaw "
                  "in nginx or a module, or an alias mistake, exposes the whole host; delete the line (workers "
                  "run as nobody) or name an unprivileged user such as `user www-data;`, and give that user "
                  "access to the sockets and files nginx needs")
