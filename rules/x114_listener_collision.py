"""Two app servers, or an app server and the supervisord that starts it, bind one address.

## What it checks
Listeners of different app-server instances that run at the same time and ask for one
socket: the same unix socket path in one file system (a container's own, or a volume
that several containers mount), or the same TCP port on overlapping addresses (a
wildcard overlaps every address) in one network namespace. Each container has its own
loopback and ports, so the same port in two containers is no collision unless one joins
the other's stack (`network_mode: service:app`, or `host` beside the host's servers).

What runs together:
- on a host, every server;
- in a repository, alternative configs often sit side by side (`deploy/docker/`,
  `deploy/local/`): only instances that a process manager starts and that are configured
  in the same folder are compared, or that one Compose project starts;
- each Compose project (`compose.yaml`/`docker-compose.yml` with its `*.override.*`, or
  another Compose file read alone with `docker compose -f`) and each image run alone is
  one way to deploy a repository: servers of two of them are not compared. A service
  that two Compose files of one directory both define is one container (the project is
  named after the directory), configured two ways: its two servers never run at once.
- two systemd units, or a unit and a Supervisor program, of a repository that start one app
  (the same server, or the same config file) are ways offered to run it: a host enables one
  (two Supervisor programs are not: supervisord runs every file of its `conf.d` glob).
- a config nothing starts that says all that a started server's config says (a copy of
  /etc kept in /root, a backup beside it) is that app again, not a second instance.
- Supervisor runs one program per name: two files that define `[program:x]` are
  variants kept side by side (a deploy script copies one into conf.d), or, both
  included, the later section replaces the earlier (measured with supervisord 4.3: one
  `x`, the later file's command). Either way one process binds, never two.

An app server that a Supervisor program starts, on the port of that supervisord's own
`[inet_http_server]` (a wildcard overlaps every address): supervisord binds its web
interface before it starts a program, so the server never gets the port. Gunicorn retries
for five seconds and exits, past `startsecs`, so supervisord starts it again without end (a
uWSGI that exits at once ends `FATAL`), and the port answers with supervisord's web interface
(measured with supervisord 4.3 and Gunicorn 27 in the e2e test).

## What breaks in production
For a TCP port the second server fails to start (`Address already in use`). For a
unix socket it is worse: a second uWSGI on the same path silently takes the socket
over (it unlinks and rebinds it), and requests go to whichever app bound last
(measured with uWSGI 2.0.31).

## How to fix
Give each instance its own socket or port.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, Listener
from wsgilint.model.address import reaches
from wsgilint.model.graph import binds_same
from wsgilint.model.manager_facts import config_programs

CODE = "X114"
SLUG = "listener-collision"
SEVERITY = "error"
SUMMARY = "Two app servers, or an app server and its supervisord, bind the same address or socket path."

BAD = {
    "etc/uwsgi/apps-enabled/blog.ini": "[uwsgi]\nsocket = /run/uwsgi/app.sock\nvacuum = true\nmodule = blog.wsgi\n",
    "etc/uwsgi/apps-enabled/shop.ini": "[uwsgi]\nsocket = /run/uwsgi/app.sock\nvacuum = true\nmodule = shop.wsgi\n",
}
GOOD = {
    "etc/uwsgi/apps-enabled/blog.ini": BAD["etc/uwsgi/apps-enabled/blog.ini"],
    "etc/uwsgi/apps-enabled/shop.ini": BAD["etc/uwsgi/apps-enabled/shop.ini"].replace("app.sock", "shop.sock"),
}


def _folder(server: AppServer) -> str:
    return posixpath.dirname(server.sources[0] if server.sources else server.at.path)


def _one_supervisor_program(one: AppServer, other: AppServer) -> bool:
    first, second = one.manager, other.manager
    return (first is not None and second is not None and first.kind == second.kind == "supervisor"
            and first.name == second.name and first.at.path != second.at.path)


def _copy_of_a_started_one(one: AppServer, other: AppServer) -> bool:
    """A config nothing starts that says all a started server's config says (a copy of /etc
    kept in /root, a backup): one app, of which the copy runs nowhere."""
    unstarted, started = (one, other) if one.manager is None else (other, one)
    return unstarted.manager is None and started.manager is not None and unstarted.kind == started.kind \
        and unstarted.name == started.name and _written(unstarted) == _written(started)


def _written(server: AppServer) -> list[tuple[str, str]]:
    """The options its config file itself writes (not its command line's `--ini`)."""
    return [(option.key, str(option.value)) for option in server.options if option.at.path == server.at.path]


def _one_app_two_managers(one: AppServer, other: AppServer) -> bool:
    """Two systemd units, or a unit and a Supervisor program, that start one app (the same
    server, or the same config file): a repository offering ways to run it, of which a host
    uses one."""
    first, second = one.manager, other.manager
    # Two Supervisor programs are not such a choice: supervisord runs every file its conf.d glob
    # includes, while each unit is enabled on its own.
    if first is None or second is None or not {first.kind, second.kind} <= {"systemd", "supervisor"} or \
            first.kind == second.kind == "supervisor":
        return False
    return one.kind == other.kind and (one.name == other.name or bool(set(one.sources) & set(other.sources)))


def _run_together(deployment: Deployment, one: AppServer, other: AppServer) -> bool:
    """On a host every server runs together. A repository often keeps variants side by
    side (deploy/docker/ and deploy/local/): there only servers that one Compose project
    starts, or that are configured in one folder, are one deployment."""
    here, there = one.place, other.place
    if not deployment.run_together(here, there) or _one_supervisor_program(one, other) \
            or _copy_of_a_started_one(one, other):
        return False
    if deployment.host.mode != "repository":
        return True
    if _one_app_two_managers(one, other):
        return False
    if here.started_with and here.started_with == there.started_with:
        return True
    return _folder(one) == _folder(other)


def _group_key(listener: Listener) -> tuple[str, ...]:
    """Listeners that may ask for one socket: a unix socket by the file store it is in (a
    shared volume may mount it at another path in each place), an inet one by its port."""
    address = listener.address
    if address.family == "unix" and not address.is_abstract:
        return ("unix", *listener.server.place.locate(address.path))
    if address.family == "unix":
        return ("abstract", address.path)
    return ("inet", str(address.port))


def check(deployment: Deployment) -> Iterator[Hit]:
    groups: dict[tuple[str, ...], list[Listener]] = {}
    for server in deployment.app_servers:
        if deployment.host.mode == "repository" and server.manager is None:
            continue
        for listener in server.listeners:
            address = listener.address
            if address.family == "unix" or (address.family == "inet" and address.port):
                groups.setdefault(_group_key(listener), []).append(listener)
    for listeners in groups.values():
        for index, listener in enumerate(listeners):
            first = next((earlier for earlier in listeners[:index] if earlier.server is not listener.server
                          and binds_same(earlier, listener)
                          and _run_together(deployment, earlier.server, listener.server)), None)
            if first is None:
                continue
            consequence = ("the later one silently takes the socket over and requests go to whichever bound last"
                           if listener.address.family == "unix" else "the later one fails with \"Address already in use\"")
            other = first.server.name if first.server.place == listener.server.place else \
                f"{first.server.name} in {first.server.place.label or first.server.place.name}"
            yield Hit(listener.at, f"{listener.label} is also bound by {other}: {consequence}; give each "
                      "instance its own socket", (Related(first.at, f"{first.label} of {other}"),))
    yield from _on_supervisords_port(deployment)


def _on_supervisords_port_message(listener: Listener, port: str) -> str:
    # Line 0: nothing sets it, the server binds its default (Gunicorn's 127.0.0.1:8000).
    bound = listener.label if listener.at.line else f"{listener.label} (its default: nothing sets it)"
    # What each logs as it fails: Gunicorn retries and then gives up, uWSGI's bind() fails at once.
    logged = "Connection in use" if listener.server.kind == "gunicorn" else "Address already in use"
    return (f"{bound} is also the port of the [inet_http_server] of the supervisord that starts "
            f"{listener.server.name} ({port}): supervisord binds it first, so {listener.server.name} fails at every "
            f"start (\"{logged}\"), supervisord starts it again or gives up on it (FATAL), and the port answers "
            "with supervisord's web interface; give one of them another port")


def _on_supervisords_port(deployment: Deployment) -> Iterator[Hit]:
    """An app server started by a supervisord on the port that supervisord's own web interface
    binds before it starts any program."""
    for config in deployment.supervisor:
        ports = [(server.address, server.value) for server in config.control_servers
                 if server.address is not None and server.address.family == "inet" and server.value is not None]
        if not ports:
            continue
        for manager in config_programs(deployment, config):
            if manager.runs is None:
                continue
            for listener in manager.runs.listeners:
                address = listener.address
                if address.family != "inet" or not address.port:
                    continue
                taken = next((value for port, value in ports if reaches(address, port) or reaches(port, address)), None)
                if taken is not None:
                    command = manager.argv.at if manager.argv is not None and manager.argv.at is not None else None
                    where = listener.at if listener.at.line or command is None else command
                    yield Hit(where, _on_supervisords_port_message(listener, taken.raw),
                              (Related(taken.at, "supervisord's web interface binds this port"),))
