"""`chmod-socket` lets every local user connect to uWSGI's unix socket.

## What it checks
`chmod-socket` (or `chmod`, `-C`) that makes the unix sockets writable by others:
`666`, `777`, any mode with the others' write bit, `1`, or `--chmod-socket` without a
value (both mean 666). A socket that a systemd `.socket` unit binds and hands over keeps
the unit's `SocketMode=`: `chmod-socket` does not change it, so it is not counted.

"Every local user" is every account that can reach the file. Where uWSGI runs in a Compose
service (as its start, as a program of the supervisord it starts beside nginx, or with `&` from
its start's shell before nginx: `uwsgi --ini app.ini & nginx -g 'daemon off;'`) and the
socket is in that container's own layer, or in a named volume that only containers running
this uWSGI or nginx mount, the accounts are the app's and nginx's (and root); on the host the
file is under Docker's root-only `/var/lib/docker`. Where no build of those containers adds
another account (`RUN useradd`), the finding is an info naming that assumption. So is a
socket in the own layer of an image that nothing in the files runs (a `docker run` or a pod
spec elsewhere), where uWSGI runs beside nginx under the supervisord the image starts or in
the background of its start's shell: the
message names the assumption that what runs it mounts no host folder over the socket's
directory. So is a socket of a uWSGI that a supervisord written as a container's entrypoint
(`nodaemon=true`, or its log on `/dev/stdout`) runs beside nginx and nothing else, where the
files show no container at all (an image built elsewhere): the message names the assumption
that the image adds no other account. A process of uWSGI's own container that runs as root
(whom no mode stops) or as an account that reaches the socket already (a `tail -f` of a log,
the script that starts supervisord) adds no account; a program of another user does. A
container that mounts the volume and runs an image whose start the files do not show (`image:
registry/app-nginx:tag`, built elsewhere) is taken to add no account either, and the message
names it. A socket on a host in an account's home folder (`/home/deploy/app.sock`, `/root/...`)
is an info that names the assumption that the folder lets every account through: nginx must
pass through it too, and a home opened to nginx's group alone (mode 710 with nginx in the
owner's group, as the CentOS guides set it up) lets no other account reach the socket
whatever its mode. A socket in a bind-mounted host folder, or on a host, stays a warning, unless
nothing in a repository's files starts the instance and none of its nginx routes passes to it
(an old config beside the one deployed; or its nginx configs are all templates, not read):
then it is an info naming that assumption.

## What breaks in production
Connecting to a unix socket needs write permission on it. With the others' write bit,
every account on the host (a compromised service, a CI job, a shell user) can talk to
the app directly, past nginx and its access rules. On a uwsgi-protocol socket it can
also set `UWSGI_FILE`/`UWSGI_SCRIPT` and make a worker import and run code, as
measured with uWSGI 2.0.31 (see U108).

## How to fix
Use `chmod-socket = 660` and give the socket the web server's group
(`chown-socket = app:www-data`, or `gid = www-data`), so only nginx can connect.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, Listener, ProcessManager, SupervisorSection
from wsgilint.model.manager_facts import ROOT_NAMES, config_programs, entrypoint_section, unused_configs
from wsgilint.model.uwsgi import socket_mode
from wsgilint.model.uwsgi_options import aliases_of
from wsgilint.model.uwsgi_values import uwsgi_servers

CODE = "U115"
SLUG = "world-writable-socket"
SEVERITY = "warning"
SUMMARY = "uWSGI's unix socket is writable by every local user (chmod-socket = 666)."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nchmod-socket = 666\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nchmod-socket = 660\n"
                            "chown-socket = app:www-data\n"}


def _account(manager: ProcessManager) -> str:
    """The account a manager's process runs as, root where nothing names another."""
    return "root" if manager.user is None or manager.user.value in ROOT_NAMES else manager.user.value


def _confined(deployment: Deployment, server: AppServer, sockets: list[Listener]) -> str | None:
    """Where every container that sees the sockets runs only this uWSGI or nginx, and no build
    of theirs adds another account: how the finding names them; else None."""
    manager, place = server.manager, server.place
    background = server.started_in_background
    if manager is None and background is not None and background.value.in_container:
        manager = background.value   # the container's start runs it with `&` (beside nginx, say)
    elif manager is None or manager.runs is not server:
        return None
    if place.kind != "container" or not (manager.in_container or manager.kind == "supervisor"):
        return None   # a container's start, or a Supervisor program of the supervisord it starts
    if not all(sock.address.path.startswith("/") for sock in sockets):
        return None   # relative to a directory the finding would have to resolve first
    stores = {place.locate(sock.address.path)[0] for sock in sockets}
    store = stores.pop()
    if stores or store.startswith("bind:"):
        return None   # a folder of the host (or more than one store): the host's accounts reach it
    # An image run alone is no place of the deployment's own list: its server's place is one.
    seers = list(dict.fromkeys([place, *(each for each in deployment.places
                                         if each.filesystem == store or any(shared == store for _, shared in each.volumes))]))
    accounts = {"root"} | {setting.value for setting in (server.user, manager.user) if setting is not None}
    accounts |= {nginx.user.value for nginx in deployment.nginx if nginx.place in seers}
    labels: dict[str, None] = {}
    for each in seers:
        running = [m for m in deployment.managers if m.place == each]
        unseen = [m for m in running if m.runs is not server and not m.runs_program and m.argv is None]
        # Another process of uWSGI's own container (a `tail -f` of a log, the script that starts
        # supervisord) adds no account when it runs as root, whom no mode stops, or as an account
        # that reaches the socket already; in another container its image's user is not known.
        if not running or any(m.runs is not server and m.runs_program not in ("nginx", "supervisord")
                              and m not in unseen and not (each == place and _account(m) in accounts)
                              for m in running):
            return None
        if any(added.value not in accounts for m in running for added in m.accounts_added):
            return None
        # A service whose image starts what the files do not show (an image built elsewhere):
        # the assumption the message names covers it too.
        role = "uWSGI" if each == place else "its image's own start, not in the files" if unseen else "nginx"
        labels[f"{each.label or each.name} ({role})"] = None
    if store == place.filesystem and place.run_unseen:
        # An image run alone: the `docker run -v` (or pod volume) that could put a host folder
        # there is not in the files either.
        folder = posixpath.dirname(sockets[0].address.path) or "/"
        return (f"it is in the own layer of {next(iter(labels))}, assuming what runs that image (not in the checked "
                f"files) mounts no host folder over {folder}") if len(labels) == 1 else None
    if store == place.filesystem:
        return f"it is in the own layer of {next(iter(labels))}" if len(labels) == 1 else None
    return f"only {' and '.join(labels)} mount the volume it is in (on the host, below Docker's root-only " \
           "/var/lib/docker, assuming no volume driver binds it to a host folder)"


def _entrypoint_beside_nginx(deployment: Deployment, server: AppServer) -> SupervisorSection | None:
    """The ``[supervisord]`` of a configuration written as a container's entrypoint whose
    programs are this uWSGI and nginx alone, where the files show no container for it (an
    image built elsewhere): only root, uWSGI's and nginx's accounts run there."""
    manager = server.manager
    if manager is None or manager.kind != "supervisor" or server.place.kind != "host":
        return None
    for config in deployment.supervisor:
        programs = config_programs(deployment, config)
        if not any(program is manager for program in programs):
            continue
        if {m.runs_program for m in programs} == {"uwsgi", "nginx"} and \
                all(m.runs is server or m.runs_program == "nginx" for m in programs):
            return entrypoint_section(config)
    return None


def check(deployment: Deployment) -> Iterator[Hit]:
    unused = unused_configs(deployment)
    for server in uwsgi_servers(deployment):
        option = server.last(*aliases_of("chmod-socket"))
        if option is None or option.unresolved:
            continue
        mode = socket_mode(option)
        if mode is None or not mode & 0o002:
            continue
        # chmod-socket leaves a socket that systemd binds and hands over (bound_by) alone.
        sockets = [sock for sock in server.listeners if sock.address.family == "unix" and not sock.address.is_abstract
                   and not sock.bound_by]
        if not sockets:
            continue
        uwsgi = [sock for sock in sockets if sock.protocol == "uwsgi"]
        risk = (" and, over the uwsgi protocol, make a worker load and run code (`UWSGI_FILE`)" if uwsgi else "")
        written = f"`{option.key} = {option.value}`" if option.raw else f"`--{option.key}` without a value"
        related = tuple(Related(sock.at, sock.label) for sock in sockets)
        if id(server) in unused:
            yield Hit(option.at, f"{written} makes {sockets[0].address.path} mode {mode:o}: every local user could "
                      f"connect to the app past nginx{risk}, but nothing in the checked files starts this config and "
                      "no nginx route passes to it: assumed it runs somewhere with other local users; use "
                      "`chmod-socket = 660` with the web server's group", related, severity="info")
            continue
        confined = _confined(deployment, server, sockets)
        if confined is not None:
            yield Hit(option.at, f"{written} makes {sockets[0].address.path} mode {mode:o}, but {confined}: "
                      "assumed no other account runs in these containers (their builds add none); "
                      "`chmod-socket = 660` with the web server's group would not depend on that", related,
                      severity="info")
            continue
        entrypoint = _entrypoint_beside_nginx(deployment, server)
        if entrypoint is not None:
            yield Hit(option.at, f"{written} makes {sockets[0].address.path} mode {mode:o}, but the supervisord that "
                      "runs it runs only uWSGI and nginx, in the foreground as a container's entrypoint does: assumed "
                      "it is one, whose image (not in the checked files) adds no other account; `chmod-socket = 660` "
                      "with the web server's group would not depend on that",
                      (*related, Related(entrypoint.at, "[supervisord] written as a container's entrypoint")),
                      severity="info")
            continue
        home = sockets[0].address.home_folder if server.place.kind == "host" else ""
        if home:
            yield Hit(option.at, f"{written} makes {sockets[0].address.path} mode {mode:o}, but it is in the home "
                      f"folder {home}: every local user can connect to the app past nginx{risk} only where that "
                      "folder lets every account through (a home opened to nginx's group alone, mode 710 with nginx "
                      "in the owner's group, lets no one else in; Debian 12's adduser makes homes 700): assumed it "
                      "does; "
                      "`chmod-socket = 660` with the web server's group would not depend on that", related,
                      severity="info")
            continue
        yield Hit(option.at, f"{written} makes {sockets[0].address.path} mode {mode:o}: every local user can "
                  f"connect to the app past nginx{risk}; use `chmod-socket = 660` with the web server's group",
                  related)
