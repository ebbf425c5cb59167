"""nginx's worker user may not connect to the app's unix socket.

## What it checks
For a route to a unix socket, the socket's owner, group and mode as the app server
creates it, against the user nginx's workers run as:
- uWSGI creates sockets with mode 0755 under the usual umask 022 unless
  `chmod-socket` is set, owned by the user it runs as (`uid`/`gid` are applied before
  it binds, unless `chown-socket` is set);
- Gunicorn applies its `umask` (default 0, so mode 0777);
- nginx's workers run as its `user` (the binary's default is `nobody`; Debian's
  nginx.conf sets `www-data`), in the group its second word names (`user nginx www-data;`:
  group www-data; without it, the group named like the user); a site in a container of the
  official nginx image, whose own nginx.conf the tree does not replace, runs under that file's `user  nginx;` (uid
  101), and in nginx-unprivileged as the image's `USER 101` (its `nginx`);
- in a container started as another user than root (Compose `user: "1000"`), nginx's
  master cannot switch users, so its workers run as that user, and so does an app server
  started without switching users (a Supervisor program without `user=`, no `uid`); with
  `user: "1001:1500"` the workers' group is 1500, the image's group of that id
  (`groupadd --gid 1500 web`).
Connecting to a unix socket needs write permission on it. In a container, the groups its
image's build creates or fills count as the host's /etc/group does: `addgroup nginx app`,
`adduser nginx app`, `usermod -aG app www-data`, `gpasswd -a nginx app`, and the ids
`addgroup -g`/`groupadd -g` give (busybox's `adduser -u 1000 app`, an Alpine image's, also
makes group app with gid 1000, so uWSGI's `gid = 1000` is that group). When the answer
depends on group membership the checked files do not show, the finding is a warning that
says so.
Where nginx's `user` is not in the checked files (a site fragment without nginx.conf), a
socket whose mode and owner are written is reported, as a warning naming the assumption,
only when none of the usual worker users (`www-data` on Debian, `nginx` on RHEL, `nobody`
by default) could connect. A server running as root (started without a user, setting
none itself) creates its socket in group root, which holds no other user on Debian and
RHEL unless the checked files say so: `chmod-socket = 664` then lets only root connect
(measured with uWSGI 2.0.21 started as root: the socket is `srw-rw-r-- root root` and
`connect()` as www-data fails with EACCES).

A socket whose owner is only assumed to be root because its server sets no user, where
nothing in the checked files starts that server (an Emperor or a unit the files do not show
may start it with `--uid`), is an info naming that assumption.

An image made for a platform that runs it as an arbitrary uid in group 0 (OpenShift's recipe:
`chgrp -R 0 DIR && chmod -R g=u DIR`), which nothing in the checked files runs, runs nginx and
uWSGI there as that one uid: a socket whose owner is only assumed to be root is an info.

## What breaks in production
Every request gets **502** and nginx logs
`connect() to unix:/run/app.sock failed (13: Permission denied)` (measured with nginx
1.22 and uWSGI 2.0.31: mode 0600 for another user, and the default 0755).

## How to fix
Let the socket's group be one nginx's user belongs to and set `chmod-socket = 660`
(uWSGI, with `chown-socket = app:www-data`), or run the app as nginx's user.
Avoid 666: any local user could then talk to the app (see U115).
"""
from collections.abc import Iterator, Mapping

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, ImageGroup, Listener, NginxInstance, Setting
from wsgilint.model.manager_facts import ROOT_NAMES

CODE = "X104"
SLUG = "socket-permission-denied"
SEVERITY = "error"
SUMMARY = "nginx's user cannot connect to the app's unix socket (mode, owner, group)."

BAD = {
    "etc/nginx/nginx.conf": "user www-data;\nevents {}\nhttp {\n    server {\n        listen 80;\n"
                            "        location / {\n            include uwsgi_params;\n"
                            "            uwsgi_pass unix:/run/app/app.sock;\n        }\n    }\n}\n",
    "etc/uwsgi/app.ini": "[uwsgi]\nuid = app\ngid = app\nsocket = /run/app/app.sock\nvacuum = true\n",
}
GOOD = {
    "etc/nginx/nginx.conf": BAD["etc/nginx/nginx.conf"],
    "etc/uwsgi/app.ini": "[uwsgi]\nuid = app\ngid = app\nsocket = /run/app/app.sock\n"
                                      "chown-socket = app:www-data\nchmod-socket = 660\nvacuum = true\n",
}


def _owner(listener: Listener) -> tuple[str | None, str | None]:
    """(user, group) of the socket file, as far as the files tell."""
    server = listener.server
    # An owner only assumed (no uid, no chown-socket) is whoever the manager starts it as.
    user = listener.owner.value if listener.owner and listener.owner.at is not None else None
    group = listener.group.value if listener.group else None
    if user is None and server.manager is not None and server.manager.user is not None:
        user = server.manager.user.value
    if user is None and listener.owner is not None:
        user = listener.owner.value
    if group is None and server.manager is not None and server.manager.group is not None:
        group = server.manager.group.value
    if group is None and user in ROOT_NAMES and not server.has("gid"):
        group = "root"   # a server running as root without gid creates its socket in root's group
    return user, group


def _verdict(deployment: Deployment, nginx_user: str, mode: int, user: str | None,
             group: str | None, nginx_group: str | None = None,
             image_groups: Mapping[str, ImageGroup] | None = None) -> tuple[str | None, str]:
    """('error'|'warning'|None, reason); ``nginx_group``: the group `user USER GROUP;` names;
    ``image_groups``: those the build of nginx's container creates or fills (its /etc/group)."""
    if mode & 0o002:
        return None, ""
    if user is not None and user == nginx_user:
        return (None, "") if mode & 0o200 else ("error", f"the socket's owner {user} has no write permission")
    # A numeric gid (uWSGI's `gid = 1000`, Compose's `user: "1001:100"`) is the group the image
    # gave that id, by name.
    if image_groups and nginx_group is not None:
        nginx_group = next((each.name for each in image_groups.values() if each.gid == nginx_group), nginx_group)
    if image_groups and group is not None:
        group = next((each.name for each in image_groups.values() if each.gid == group), group)
        built = image_groups.get(group)
        if built is not None and nginx_user in built.members and mode & 0o020:
            return None, ""
    members = deployment.host.groups.get(group) if group else None
    if members is None and group in ROOT_NAMES:
        members = set()   # root's group holds no other user on Debian and RHEL unless the files say so
    primary = deployment.host.users.get(nginx_user)
    group_gid = deployment.host.users.get(group, (None, None))[1] if group else None
    in_group = group in (nginx_user, nginx_group) or (members is not None and nginx_user in members) or \
        (primary is not None and group_gid is not None and primary[1] == group_gid)
    if mode & 0o020:
        if in_group:
            return None, ""
        if group is None:
            return "warning", "only the socket's group may write to it, and the files do not show that group"
        if members is None:
            return "warning", f"only group {group} may write to it, and the files do not show whether {nginx_user} is in it"
        if group in ROOT_NAMES and group not in deployment.host.groups:
            return "error", (f"only root and group root may write to it (mode {mode:04o}), and root's group holds "
                             "no other user on Debian and RHEL")
        return "error", f"only group {group} may write to it and {nginx_user} is not a member"
    if user is None:
        return "warning", f"only the socket's owner may write to it (mode {mode:04o}), and who starts the app is not in the files"
    return "error", f"only its owner {user} may write to it (mode {mode:04o})"


_USUAL_NGINX_USERS = ("www-data", "nginx", "nobody")


def _unknown_user_verdict(deployment: Deployment, mode: int, user: str | None,
                          group: str | None) -> tuple[str | None, str]:
    """A warning only when no usual worker user could connect; the reason names the assumption."""
    if any(_verdict(deployment, candidate, mode, user, group)[0] != "error" for candidate in _USUAL_NGINX_USERS):
        return None, ""
    # Every candidate is refused for the same reason; it is said of nginx's user, whoever that is.
    return "warning", _verdict(deployment, "nginx's user", mode, user, group)[1]


def _arbitrary_uid(deployment: Deployment, listener: Listener) -> Setting[str] | None:
    """The image's arbitrary-uid recipe, when the socket's owner is only assumed to be root and
    the server runs in an image nothing in the files runs, made for such a platform."""
    server = listener.server
    if listener.owner is None or listener.owner.at is not None or server.place.kind != "container":
        return None
    return next((m.arbitrary_uid for m in deployment.managers if m.place is server.place and m.in_container
                 and m.arbitrary_uid is not None and m.user is None), None)


def _image_groups(deployment: Deployment, instance: NginxInstance) -> dict[str, ImageGroup]:
    """The groups the build of the container nginx runs in creates or fills, by name."""
    if instance.place.kind != "container":
        return {}
    groups: dict[str, ImageGroup] = {}
    for manager in deployment.managers:
        if manager.place is instance.place:
            groups.update(manager.image_groups)
    return groups


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        unknown_user = instance.user.at is None and instance.standalone   # a fragment: no nginx.conf here
        words = instance.user.value.split()
        if not words and not unknown_user:
            continue   # `user "";` is refused by nginx itself
        nginx_user = ("a user the checked files do not name (www-data on Debian, nginx on RHEL, nobody by default)"
                      if unknown_user else words[0])
        for route in instance.routes:
            for target in route.targets:
                if target.address.family != "unix":
                    continue
                for listener in deployment.reached(route, target):
                    if listener.mode is None:
                        continue
                    user, group = _owner(listener)
                    if unknown_user:
                        if listener.mode.at is None or listener.owner is None and listener.server.user is None:
                            continue   # neither the mode nor the owner is written: too much is assumed
                        severity, reason = _unknown_user_verdict(deployment, listener.mode.value, user, group)
                    else:
                        severity, reason = _verdict(deployment, nginx_user, listener.mode.value, user, group,
                                                    instance.group.value if instance.group else None,
                                                    _image_groups(deployment, instance))
                    if severity is None:
                        continue
                    assumed = f" ({listener.mode.note})" if listener.mode.note else ""
                    if listener.owner is not None and listener.owner.at is None and not listener.server.started_on_record:
                        # Whose socket it is rests on who starts it, which nothing in the files shows.
                        severity = "info"
                        assumed += (f"; nothing in the checked files starts this {listener.label.split()[0]} and "
                                    f"the socket's owner is {listener.owner.value} only by assumption "
                                    f"({listener.owner.note}): started by one that sets a user (an Emperor or unit "
                                    "with --uid), it is that user's")
                    arbitrary = _arbitrary_uid(deployment, listener)
                    if arbitrary is not None:
                        # Its image is made to run as a random uid nothing in the files pins: there
                        # uWSGI and nginx's workers run as that one uid, which owns the socket.
                        severity = "info"
                        assumed += (f"; unless the platform that runs the image picks the uid ({arbitrary.note}; "
                                    "nothing in the files runs the image): then uWSGI and nginx's workers are one "
                                    "user and connect")
                    yield Hit(target.at,
                              f"nginx's workers run as {nginx_user} but {reason}{assumed}: nginx answers 502 "
                              "(\"connect() ... failed (13: Permission denied)\"); give the socket a group nginx is in "
                              "and mode 660 (uWSGI: chown-socket, chmod-socket)",
                              (Related(listener.at, f"{listener.label} is created here"),)
                              + (() if unknown_user else (Related(instance.user.at or instance.main,
                                                                  f"nginx runs as {nginx_user}" + (
                                                                      f" ({instance.user.note})"
                                                                      if instance.user.note else "")),)),
                              severity=severity)
