"""A systemd service runs its app server as root.

## What it checks
A system `.service` unit that starts uWSGI or Gunicorn without `User=` (or
`DynamicUser=yes`), where the server does not switch user itself (uWSGI `uid`,
Gunicorn `user`). nginx is never reported (its master runs as root by design), nor is
a uWSGI Emperor (each vassal sets its own `uid`), nor a user unit (under
`systemd/user/`, or one a script of the tree hands to a user's manager: `systemctl --user
enable app`, a copy into `~/.config/systemd/user/`), which runs as its user.

A user switcher in front of the server (`gosu app`, `su-exec app`, `setpriv --reuid=app`,
`chpst -u app`, `runuser -u app --`, `su app -c "…"`, `sudo -u app`, `s6-setuidgid app`) sets the user it runs
as: `gosu app gunicorn ...` does not run Gunicorn as root, `sudo gunicorn ...` does.

## What breaks in production
systemd starts services of the system manager as root unless `User=` says otherwise
(systemd.exec(5)). The application and every worker run with root's rights: any bug
that lets a request run code or write files acts as root.

When the server loads a config file that is not among the checked files (`--ini
/home/app/.config/uwsgi.ini`, `-c /etc/gunicorn.conf.py`), or one uWSGI cannot load,
whether it switches user is unknown: the finding is then an info naming that file.

## Known problems
Programs other than uWSGI and Gunicorn are not checked.

## How to fix
Add `User=www-data` (and `Group=`) in `[Service]`, or set `uid` (uWSGI) / `user`
(Gunicorn) in the server's config.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import drops_privileges, keeps_root, server_label, switched_to_root, unread_config

CODE = "D101"
SLUG = "service-runs-as-root"
SEVERITY = "warning"
SUMMARY = "A systemd service runs uWSGI or Gunicorn as root."

BAD = {"etc/systemd/system/app.service": (
    "[Service]\nExecStart=/srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n\n[Install]\nWantedBy=multi-user.target\n")}
GOOD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nExecStart=/srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n\n"
    "[Install]\nWantedBy=multi-user.target\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for unit in deployment.systemd_units:
        manager = unit.manager
        if manager is None or unit.user_unit or manager.user is not None and not switched_to_root(manager):
            continue
        if unit.flag("Service", "DynamicUser"):
            continue
        server = manager.runs
        if server is None:
            continue
        name = server_label(manager)
        setting = "uid" if manager.runs_program == "uwsgi" else "user"
        drops = drops_privileges(manager)
        unread = unread_config(server) if drops is None and server.user is None else None
        if unread is not None:
            yield Hit(manager.at, f"{manager.name} has no `User=` and starts {name} with {unread}, which is not "
                      f"among the checked files: whether {name} sets `{setting}` is unknown (assumed it does; "
                      "without it the app and its workers run as root); `User=` with the app's account makes it "
                      "certain", (Related(server.at, f"{name} loads {unread} here"),), severity="info")
            continue
        if drops is not False:
            continue
        clause, where, label = keeps_root(manager)
        yield Hit(manager.at, f"{manager.name} runs {name} as root: no `User=` in [Service] and {clause}, so the "
                  "app and its workers run with root's rights (any bug that lets a request run code or write files "
                  "acts as root); add `User=` with the app's account", (Related(where or server.at, label),))
