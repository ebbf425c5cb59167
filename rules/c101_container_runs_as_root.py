"""A container runs uWSGI or Gunicorn as root.

## What it checks
A Compose service, or a Dockerfile's image, whose command starts uWSGI or Gunicorn
with no user: no Compose `user:`, no `USER` in the image's last build stage, and the
server does not switch user itself (uWSGI `uid`, Gunicorn `user`). nginx is never
reported (its master runs as root by design, its workers as `user`), nor is a uWSGI
Emperor (each vassal sets its own `uid`), nor an image whose Dockerfile is not among
the checked files (its `USER` is unknown). A build without `USER` runs as its base image's
user: root for the official images, `nonroot` (uid 65532) for Chainguard's python.

A user switcher in front of the server (`gosu app`, `su-exec app`, `setpriv --reuid=app`,
`chpst -u app`, `runuser -u app --`, `su app -c "…"`, `sudo -u app`, `s6-setuidgid app`) sets the user it runs
as: `gosu app gunicorn ...` does not run Gunicorn as root, `sudo gunicorn ...` does.

A Compose service with Podman's `userns_mode: keep-id` and no user runs as the uid of the user
who starts it, not root (Docker refuses the mode), and is not reported.

A Dockerfile that is byte for byte the one a Compose service builds, and that nothing in the
files builds itself (`Dockerfile.prod` left beside the `Dockerfile` Compose builds), is no
other image: what it would run is reported once, as that service.

An image made for a platform that runs it as an arbitrary uid in group 0 (OpenShift's recipe:
`chgrp -R 0 DIR && chmod -R g=u DIR`), which nothing in the checked files runs, is an info:
where it runs the platform picks a random non-root uid.

## What breaks in production
A container's process runs as root unless `user:` or the image's `USER` says otherwise
(Compose specification, `user`; Dockerfile reference, `USER`). Root in a container is
the host's uid 0, held back only by the runtime's confinement: any bug that lets a
request run code or write files acts as root on every mounted volume, and one escape
from the container is root on the host.

## How to fix
Add `USER app` (an account the image creates) after the last `FROM`, or `user:` to the
service, or set `uid` (uWSGI) / `user` (Gunicorn) in the server's config.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.manager_facts import ROOT_NAMES, drops_privileges, keeps_root, server_label

CODE = "C101"
SLUG = "container-runs-as-root"
SEVERITY = "warning"
SUMMARY = "A container runs uWSGI or Gunicorn as root."

BAD = {"Dockerfile": "FROM python:3.12-slim\nCOPY . /srv\nCMD [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n"}
GOOD = {"Dockerfile": "FROM python:3.12-slim\nCOPY . /srv\nRUN useradd app\nUSER app\n"
                      "CMD [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for manager in deployment.managers:
        if not manager.in_container or manager.runs is None or manager.argv is None:
            continue
        user = manager.user
        if user is not None and user.value not in ROOT_NAMES:
            continue
        if user is None and manager.keeps_caller_uid is not None:
            continue   # Podman's keep-id: the caller's uid, not root
        image = manager.options.get("image")
        if user is None and image is not None and image.note:
            continue   # an image whose Dockerfile was not read: its USER is unknown
        if drops_privileges(manager) is not False:
            continue
        name = server_label(manager)
        switched = next((launcher for launcher in reversed(manager.launchers) if launcher.user), None)
        setting = manager.setting_name("user")
        if manager.kind == "compose" and user is not None and user.at is not None and \
                user.at.path not in manager.place.started_with.split(" + "):
            setting = "USER"   # the image's, where no Compose file of the service sets one
        why = f"`{switched.name} {switched.user}`" if switched is not None else \
            f"`{setting} {user.value}`" if user is not None else f"no `{setting}`"
        clause, where, label = keeps_root(manager)
        related = [Related(where or manager.runs.at, label)]
        if user is not None and user.at is not None:
            related.append(Related(user.at, "runs as root"))
        arbitrary = manager.arbitrary_uid if user is None else None
        if arbitrary is not None and arbitrary.at is not None:
            related.append(Related(arbitrary.at, "made for an arbitrary uid"))
        yield Hit(manager.argv.at or manager.at,
                  f"{manager.kind} [{manager.name}] runs {name} as root: {why} and {clause}, so the "
                  "app and its workers run as uid 0 (any bug that lets a request run code or write files acts as "
                  "root on every mounted volume); add `USER` with the app's account to the image, or `user:` to "
                  "the service" + (f"; unless the platform that runs it picks the uid: {arbitrary.note}, and "
                                   "nothing in the files runs the image, so where it runs as a random non-root uid "
                                   "this does not apply" if arbitrary is not None else ""),
                  tuple(related), key=manager.at, severity="info" if arbitrary is not None else None)
