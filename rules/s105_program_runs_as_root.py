"""A Supervisor program runs its app server as root.

## What it checks
A `[program:x]` that starts uWSGI or Gunicorn without `user=`, under a supervisord
that runs as root (its `[supervisord]` section has no `user=`, or `user=root`), where the server
does not switch user itself (uWSGI `uid`, Gunicorn `user`). A program that says `user=root`
itself runs as root whoever starts supervisord (a supervisord that is not root cannot
switch to it and does not start the program at all), so it is reported in a `conf.d`
fragment too; when the server's own config is not among the checked files, as an info
that assumes it sets no `user`/`uid`. nginx is never reported:
its master runs as root by design. A uWSGI Emperor is not either (each vassal sets
its own `uid`).

A user switcher in front of the server (`gosu app`, `su-exec app`, `setpriv --reuid=app`,
`chpst -u app`, `runuser -u app --`, `su app -c "…"`, `sudo -u app`, `s6-setuidgid app`) sets the user it runs
as: `gosu app gunicorn ...` does not run Gunicorn as root, `sudo gunicorn ...` does.

An image made for a platform that runs it as an arbitrary uid in group 0 (OpenShift's recipe:
`chgrp -R 0 DIR && chmod -R g=u DIR`), which nothing in the checked files runs, may never run as
root: then it is an info naming that assumption.

## What breaks in production
Measured with Supervisor 4.3.0: a program without `user=` runs as root (`ps` shows
the child as `root`); supervisord only logs `CRIT Supervisor is running as root`.
The application and every worker then run with root's rights: any bug that lets a
request run code or write files (a template injection, a path traversal, an unsafe
deserialisation) is a root compromise.

## Known problems
Programs without `user=` are checked only in a configuration whose `[supervisord]`
section is among the checked files (a `conf.d` file alone does not say who starts
supervisord); `user=root` written in the program is checked everywhere. A
section with `nodaemon=true` or a log to `/dev/stdout` is a container's entrypoint: it
runs as the image's `USER` (a Dockerfile), which is root unless the image sets one:
the finding is then an info that says that assumption. So is a `[supervisord]` without
`user=` that keeps its own files (log, pidfile, child logs, control socket) in an account's
home (`/home/NAME/`, `/Users/NAME/`): the mark of a supervisord that account starts from a
shell, where nothing runs as root.
supervisord started as another user by its service has no problem either. Where the
files show the container that runs supervisord (its Dockerfile's `CMD supervisord -n`, the
config copied into it), its user is known: no `USER` (in an image whose own files are
known) and no `user:` is root, and a program without `user=` is reported as a warning,
with or without a `[supervisord]` section among the checked files. Other
programs than uWSGI and Gunicorn are not checked, nor is a server whose config
file is not among the checked files.

## How to fix
Add `user=www-data` (or the app's own account) to the program, or set `uid`
(uWSGI) / `user` (Gunicorn) in the server's config.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, Place, SupervisorConfig
from wsgilint.model.manager_facts import (
    ROOT_NAMES,
    config_programs,
    drops_privileges,
    entrypoint_section,
    keeps_root,
    server_label,
    supervisord_files_in_home,
    switched_to_root,
    unread_config,
)

CODE = "S105"
SLUG = "program-runs-as-root"
SEVERITY = "warning"
SUMMARY = "A Supervisor program runs uWSGI or Gunicorn as root."

BAD = {"etc/supervisor/supervisord.conf": (
    "[supervisord]\nlogfile=/var/log/supervisor/supervisord.log\n\n"
    "[program:app]\ncommand=/srv/venv/bin/gunicorn -b 127.0.0.1:8000 app:app\n")}
GOOD = {"etc/supervisor/supervisord.conf": BAD["etc/supervisor/supervisord.conf"] + "user=www-data\n"}


def _supervisord_as_root(config: SupervisorConfig) -> tuple[bool, str, Related | None, str | None]:
    """Whether supervisord runs as root, how the message says so, where it is set, and the
    severity when that is an assumption (an info)."""
    section = config.section("supervisord")
    if section is None:
        return False, "", None, None     # a conf.d file alone: who starts supervisord is not known
    user = section.get("user")
    if user is None and entrypoint_section(config) is not None:
        # A container's entrypoint: it runs as the image's USER, root unless the image says otherwise.
        # In a container the image's USER decides, and the image is not among the files.
        return True, ("supervisord runs in the foreground as a container's entrypoint (as root unless the image "
                      "sets USER)"), Related(section.at, "[supervisord] in the foreground, without user="), "info"
    home = supervisord_files_in_home(config) if user is None else None
    if home is not None:
        value, folder = home
        return True, (f"[supervisord] sets no `user=` (assumed: root starts it, though it keeps its `{value.key}` in "
                      f"{folder}, an account's home, as when that account starts it: then nothing runs as root)"), \
            Related(value.at, f"supervisord's {value.key}, in {folder}"), "info"
    if user is None:
        return True, "[supervisord] sets no `user=`", Related(section.at, "[supervisord] without user="), None
    if user.raw.strip() in ROOT_NAMES:
        return True, "[supervisord] runs as root", Related(user.at, "supervisord runs as root"), None
    return False, "", None, None


def _explicit_root(deployment: Deployment) -> Iterator[Hit]:
    """Programs that say ``user=root``: root whatever the ``[supervisord]`` section says."""
    for manager in deployment.managers:
        if manager.kind != "supervisor" or manager.user is None or manager.user.at is None:
            continue
        if manager.user.value.strip() not in ROOT_NAMES or manager.runs_program not in ("uwsgi", "gunicorn"):
            continue
        drops = drops_privileges(manager)
        if drops:
            continue
        name = server_label(manager)
        setting = "uid" if manager.runs_program == "uwsgi" else "user"
        unknown = drops is None
        unread = unread_config(manager.runs) if manager.runs is not None else None
        clause, kept_at, kept_label = keeps_root(manager)
        said = (f"and {name}'s own settings are not all known ({unread or 'its config'} is not read; assumed: no "
                f"`{setting}`)" if unknown else f"and {clause}")
        related = (Related(kept_at or manager.runs.at, kept_label),) if manager.runs is not None and not unknown \
            else ()
        yield Hit(manager.user.at, f"[program:{manager.name}] runs {name} as root: `user={manager.user.value}` here, "
                  f"{said}: the app and its workers run with root's rights (any bug that lets a request run code "
                  "or write files acts as root); set `user=` to the app's account", related,
                  severity="info" if unknown else None)


def _container_supervisord(deployment: Deployment, place: Place) -> tuple[str, Related, str | None] | None:
    """How a container whose start runs supervisord as root says so, and where: no `USER` in an
    image whose own files are known, no `user:` (or root named there). None when it is not root,
    or when the image's USER is not known; an info where the image is made for a platform that
    picks an arbitrary uid and nothing in the files runs it."""
    if place.kind != "container":
        return None
    start = next((m for m in deployment.managers if m.in_container and m.place is place
                  and m.runs_program == "supervisord" and m.argv is not None), None)
    if start is None:
        return None
    user = start.user
    image = start.options.get("image")
    if user is None and image is not None and image.note:
        return None   # an image whose Dockerfile was not read: its USER is unknown
    if user is not None and user.value not in ROOT_NAMES:
        return None
    said = f"`{start.setting_name('user')} {user.value}`" if user is not None else \
        f"no `{start.setting_name('user')}`"
    at = user.at if user is not None and user.at is not None else start.argv.at if start.argv else None
    arbitrary = start.arbitrary_uid if user is None else None
    unless = "" if arbitrary is None else (f" unless the platform that runs it picks the uid ({arbitrary.note}; "
                                           "nothing in the files runs the image)")
    return (f"supervisord runs as root in {place.label or place.name} ({said}){unless}",
            Related(at or start.at, "supervisord starts here as root"), None if arbitrary is None else "info")


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from _explicit_root(deployment)
    for config in deployment.supervisor:
        as_root, why, where, severity = _supervisord_as_root(config)
        main = config.section("supervisord")
        # Moved into a container that starts supervisord as root: the image's USER is known.
        container_root = main is None or main.get("user") is None
        if not as_root and not container_root:
            continue
        for manager in config_programs(deployment, config):
            if manager.user is not None and not switched_to_root(manager):
                continue
            shown = _container_supervisord(deployment, manager.place) if container_root else None
            if shown is None and not as_root:
                continue
            said, there, level = shown if shown is not None else (why, where, severity)
            if manager.runs is None or drops_privileges(manager) is not False:
                continue
            name = server_label(manager)
            clause, kept_at, kept_label = keeps_root(manager)
            related = (Related(kept_at or manager.runs.at, kept_label),) + ((there,) if there else ())
            yield Hit(manager.at, f"[program:{manager.name}] runs {name} as root: no `user=` here, {said}, and "
                      f"{clause}: the app and its workers run with root's rights (any bug that lets "
                      f"a request run code or write files acts as root); add `user=` with the app's account", related,
                      severity=level)
