"""uWSGI runs as root: `uid = root`, or an Emperor started as root runs a vassal without `uid`.

## What it checks
* `uid = root` / `uid = 0`: uWSGI switches to root, that is, stays root. Where its manager
  starts it as another user (`user=`, `User=`, a container's user), it cannot switch to root
  and passes a uid of 0 over (measured with uWSGI 2.0.21 started as nobody with `uid = root`:
  master and worker run as nobody, nothing logged): an info that the line does nothing.
  In an Emperor's own config it is an info: an Emperor runs as root to start each vassal
  under the account the vassal sets, so where the app runs is the vassals' to say.
* A vassal of a uWSGI Emperor (an INI file matched by the Emperor's `emperor = dir`
  or glob) that sets no `uid`, when the Emperor is started as root (by a systemd
  service without `User=`, or a Supervisor program without `user=`, assuming
  supervisord runs as root as its system service does) and neither `emperor-tyrant`
  nor `vassals-inherit`/`vassal-set` may give the vassal a user.

An app server that Supervisor or systemd starts directly without a user is reported
by S105 and D101, not here; a lone INI file with no manager is not reported, because
nothing in the checked files says who starts it.

## What breaks in production
Measured with uWSGI 2.0.31: started as root without `uid`, uWSGI prints
`uWSGI running as root, you can use --uid/--gid/--chroot options` and
`*** WARNING: you are running uWSGI as root !!! (use the --uid flag) ***`, is not
stopped by it, and the master and every worker run as root; with `uid = root` the
warning is still printed. The Emperor spawns each vassal with its own rights, so a
vassal without `uid` inherits root. Any bug that lets a request run code or write
files then acts as root.

## How to fix
Set `uid` and `gid` to the app's account in the vassal (or `vassal-set = uid=...` in
the Emperor), or run the Emperor with `emperor-tyrant`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment
from wsgilint.model.uwsgi_values import uwsgi_servers

CODE = "U114"
SLUG = "runs-as-root"
SEVERITY = "warning"
SUMMARY = "uWSGI runs as root (uid = root, or a vassal without uid under a root Emperor)."

BAD = {
    "etc/systemd/system/emperor.uwsgi.service": (
        "[Service]\nExecStart=/usr/bin/uwsgi --emperor /etc/uwsgi/vassals\nKillSignal=SIGQUIT\n\n"
        "[Install]\nWantedBy=multi-user.target\n"),
    "etc/uwsgi/vassals/app.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\n",
}
GOOD = {
    "etc/systemd/system/emperor.uwsgi.service": BAD["etc/systemd/system/emperor.uwsgi.service"],
    "etc/uwsgi/vassals/app.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nuid = www-data\n"
                                 "gid = www-data\n",
}

_ROOT = ("root", "0")


def _started_as_root(server: AppServer) -> str | None:
    """How an Emperor is started as root, or None when it is not (or may not be)."""
    manager = server.manager
    if manager is None or manager.kind not in ("systemd", "supervisor") or server.has("emperor-tyrant"):
        return None
    if any(o.key.startswith(("vassal-", "vassals-")) for o in server.options):
        return None
    if (server.user is not None and server.user.value not in _ROOT) or \
            (manager.user is not None and manager.user.value not in _ROOT):
        return None
    if manager.kind == "systemd" and "/systemd/user/" in manager.at.path:
        return None
    return ("systemd starts it without `User=`" if manager.kind == "systemd" else
            "Supervisor starts it without `user=` (assumed: supervisord runs as root)")


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        uid = server.last("uid")
        if uid is not None and str(uid.value).strip() in _ROOT:
            manager = server.manager
            user = manager.user if manager is not None and manager.runs is server else None
            if manager is not None and user is not None and user.value not in _ROOT:
                # Started as another user, uWSGI cannot switch to root and leaves a uid of 0 alone.
                yield Hit(uid.at, f"`uid = {uid.value}` does nothing here: {manager.kind} [{manager.name}] starts "
                          f"uWSGI as {user.value}, which cannot switch to root, and uWSGI passes a uid of 0 "
                          "over; remove it", (Related(user.at, f"starts uWSGI as {user.value}"),)
                          if user.at else (), severity="info")
            elif server.has("emperor"):
                # An Emperor runs as root to start each vassal under the account the vassal sets:
                # where the app runs is the vassals' to say (reported on each vassal).
                yield Hit(uid.at, f"`uid = {uid.value}` keeps this uWSGI Emperor running as root, as an Emperor that "
                          "starts its vassals under their own accounts must; the app's account is set in each "
                          "vassal (`uid`/`gid`), or for all of them with `vassal-set = uid=...`", severity="info")
            else:
                yield Hit(uid.at, f"`uid = {uid.value}` keeps uWSGI and every worker running as root (uWSGI still "
                          "warns \"you are running uWSGI as root\"); set `uid`/`gid` to the app's account")
    for launch in deployment.launches:
        emperor, vassal = launch.manager.launched_by, launch.server
        if launch.manager.kind != "uwsgi-emperor" or emperor is None or vassal is None or vassal.user is not None:
            continue
        started = _started_as_root(emperor)
        if started is not None:
            yield Hit(vassal.at, f"this vassal sets no `uid` and its Emperor runs as root ({started}): the vassal "
                      "and its workers run as root; set `uid`/`gid` to the app's account (or run the Emperor "
                      "with `emperor-tyrant`)", (Related(launch.manager.at, "the Emperor's vassal directory"),))
