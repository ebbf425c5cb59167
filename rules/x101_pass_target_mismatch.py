"""An nginx `*_pass` goes to an address where no app server of the tree listens.

## What it checks
Every `uwsgi_pass`, `proxy_pass`, `fastcgi_pass`, `scgi_pass` and `grpc_pass` whose
target is local (a unix socket, a loopback or wildcard address), or an upstream
`server` behind it, is matched against the listeners of every uWSGI and Gunicorn
instance found in the checked files. It runs only when app servers were found, and
names the nearest listener: the same socket directory, another port on the same
host, or a unix socket where a TCP port was written.

Across containers (Docker Compose), `127.0.0.1` is each container's own loopback, a
service name reaches only what that container binds on a non-loopback address, and a
unix socket only through a volume mounted in both (and from nginx on the host, through a bind
mount of a host folder: `./run:/app/run` puts the container's `/app/run/app.sock` at the
checkout's `run/app.sock`); a name that no service on nginx's
Compose network answers to, but one nearly does, is reported as misspelt. A one-word name
(no dot) that nothing in the files answers to (no service, alias, `container_name`,
`extra_hosts:` or `external_links:` entry), written literally in a `*_pass` or an upstream
`server` without `resolve`, from an nginx whose Compose service shows every way a name
resolves there (its networks the project's own, not `external` or fixed by `name:`; no
`network_mode`, `dns:`, `dns_search:`, `extends:`, nor a project `include:`), is a warning
once per name, the other routes to it related: Docker's embedded DNS forwards such a name to
the host's resolvers, and nginx starts only if they answer it. An image that
nothing in the files runs (a Dockerfile no Compose service builds) has unknown networks
and volumes: a service may run it by image name (`image: org/web`), or `docker run` with
`--network` and `-v`. A service name or a unix socket in another container is then an
info that assumes they meet, and so is, for an nginx on the host or in such an image, a
socket path that ends in the file name of that image's socket (a `-v` of its folder may put
it there); so is a loopback address where the other image binds that
very port: an ECS/Fargate task (`awsvpc`), a Kubernetes pod or `network_mode: service:x`
gives the containers it holds one loopback. Two Compose services the files show have
their own loopbacks, and that stays the error, unless the tree also defines an ECS task in
`awsvpc` mode (a Terraform `aws_ecs_task_definition`, a CloudFormation
`AWS::ECS::TaskDefinition`, a task definition's JSON): which of the two runs in production
is then not in the files, and the finding is an info that names the task. A repository's nginx file that nothing in the files runs (no
host process manager starts nginx, and the tree's own nginx runs in a container that does
not load it) is taken to run on a host; where it sends to the very address a container's
server binds, it is an info naming that assumption: a copy meant for a Fargate task or a
Kubernetes pod shares the app's loopback and reaches it.

A port that Compose publishes on the host (`ports: ["127.0.0.1:3000:80"]`, short or long
syntax, ranges; not `expose:`, not `/udp`) is listened on by the container engine, which
forwards each connection into the container: from nginx on the host it arrives at what
that container binds on its network. When the container runs something else (nginx
serving a web build, Node, an image whose start the files do not show) the route is not to
an app server and nothing is reported; when it runs only app servers of the tree, none
on the published port, that is the error. A Compose service name is matched the same way:
a route to `phpmyadmin:80` on nginx's network reaches that service (Apache in the
`phpmyadmin/phpmyadmin` image), not an app server of the tree.

A route in a server block that answers every request with a `return` written at the block's
own level (`return 301 https://$host$request_uri;` beside the locations) never runs: nginx runs
that `return` before it picks a location. It is an info.

A server of an upstream where nothing listens, beside another of its servers where an app
server does, is a warning: nginx's `*_next_upstream` defaults to `error timeout`, so a refused
connection sends the request on to the next server and clients are answered (measured with
nginx 1.22 in the e2e test); only the error log shows it, and the dead server is tried again
every `fail_timeout` (10 s). Where `*_next_upstream` leaves out `error` (`off`), it stays the
error.

A `fastcgi_pass`, `scgi_pass` or `grpc_pass` is matched only when an app server of
the tree speaks that protocol: otherwise it goes to something else (PHP-FPM). When an
app server of the tree binds nothing in the checked files (its socket comes from the
command line, the environment or an ini that is not here; not a uWSGI that exits at start
because it cannot load the config file it is given), a listener's socket path is
relative to a start directory the files do not show, a managed program that is no
app server wsgilint reads names the port on its command line or in its environment
(`Environment=PORT=8080` for a script whose Flask `app.run` reads it), an app server runs on
a base image whose contents wsgilint does not know (its own ini or `UWSGI_*` environment
may bind more), or every app server of the tree is reached from `server` blocks of the
same nginx with other server names (or, where a block has none, on other ports) while this one reaches none (a second virtual host
fronting another project of the host, or a Compose service name that another project's
container answers on a shared network), or from a block of another nginx config of the tree,
wherever it runs, that names a host this block names too (a staging site beside production's,
a host's nginx site beside the nginx container of a Compose set-up of the same site: one nginx
never picks both for that name), the files cannot show where it listens: the
finding is then an info that names that assumption. For that last case, a server no route
reaches still counts as the one this route may have meant, unless the files start other
servers and not that one (an old config beside the deployed ones) or it is configured where
a reached one is (one Dockerfile's command run by a development and a production Compose
file) or loads the Gunicorn app a reached one loads from the same folder (a development
instance of it beside the one nginx reaches). A pass to supervisord's own control socket (its web interface: a checked
`[unix_http_server] file=`, or Debian's `/var/run/supervisor.sock` where the tree holds only
conf.d programs) is no app's and is left alone (S103/S104 judge its access). A port that a
managed program other than an app server listens on by default (Celery's Flower, 5555;
Glances' web server, `glances -w`, 61208; Kibana, 5601; Elasticsearch, 9200) is an info, as one its command line names. A
host's nginx passing to a loopback port that an image nothing in the files runs binds on
every address is an info naming the assumption that what runs the image publishes the port
on the host. So is a target no listener answers while the tree holds a template of a uWSGI,
Gunicorn, Supervisor or systemd file (E006: rendered by a deploy tool before use, so not
checked) that may start the app server listening there. So is a pass in a location whose
`try_files` ends in a named location or a status code (`try_files $uri @app;`): it handles
only requests for files that exist under the root, and those are assumed to be none. So is a
route in a file that a start script rewrites before nginx starts (`sed -i` on it, or `envsubst` writing it): the target nginx reads may not be the one written.
So is a loopback target where a container in the nginx's network namespace (Compose's
`network_mode: host` beside a host's nginx, `network_mode: service:x`) runs a program wsgilint
does not read (a Go or Node API), whose ports the files do not show, or a manager beside the
nginx starts a server runtime wsgilint does not read (`node events/daemon.js` under
Supervisor, or a container's start script before its last command: `bundle exec unicorn -D
-p 8080`, then `nginx`), and no app server of the tree is near the address. A supervisord that
such a script starts before its last command (`supervisord -c /srv/api/supervisord.ini`, which
goes on as a daemon) runs its programs in that container, as one the command starts does. So is a loopback target of a
host's nginx where an image that nothing in the files runs serves HTTP itself (an nginx its
start runs, an app server bound to a port): the `docker run -p HOST:CONTAINER` that runs it,
not in the files, may publish it there.
So is a target that a line of a script no manager of the files runs names as it starts
Gunicorn or uWSGI (`gunicorn -b 0.0.0.0:8000 app.wsgi` at the end of a set-up script, a
command continued over lines with `\\` read whole), or a unix socket whose last parts such a
line binds relative to the folder it starts in (`--bind unix:app.sock` for `/code/app/app.sock`).
So is a route of an nginx config that a build copies below `/etc/nginx` of an image whose
start the files do not show (no `CMD` nor `ENTRYPOINT` in the build, no Compose `command:`;
Kubernetes or `docker run` give it): that start may run nginx there, and what runs beside it
is not known. Where every image that copies the config there has a start the files show
whole and none starts nginx (`CMD ["uwsgi", "--ini", ...]` in an image that installs nginx),
no nginx the files show loads it: its routes are not checked, and what reading it found is
an info that says so. A start script that goes on after its server's line to run nginx or an
init system (`exec /usr/sbin/init`, whose systemd starts the services the build enables with
`systemctl enable nginx`) runs nginx in that container.
So is a server whose address is only known at start: a Procfile's `web`
process binding `$PORT` (or Gunicorn without `--bind`, which reads `PORT`) on Heroku and
the like, where the platform chooses the port; on Elastic Beanstalk `PORT` is 8000 unless
`.ebextensions` sets it. Two more infos: a host nginx's socket path that ends in the path of
a bind-mounted folder of the checked tree plus the socket's name (where the checkout is on
the host is not in the files: assumed it is there), and a target no listener of the tree is
near while a script of the tree starts a program by name (`supervisorctl start site`,
`systemctl start site`) that no checked config defines: assumed that program listens there.
A host nginx is never pointed at a path inside a container. A target near no listener of
the files, in a server block whose other route reaches the app here, while every listener of
the files is reached and they start no other program that listens a digit of the port away
(a development server, Flower or Daphne on a port their command or default shows; a program
whose port the files do not show may be the one there; a Celery worker or beat listens
nowhere) is an info too: the block's
author shows where the app listens, and the other target is taken to be a program the files do
not hold (a Next.js front end, a search service). On real repositories nearly every X101
error of that shape was another program's port. So is a target near no listener in an nginx
config whose name says it is for development (`dev.nginx.conf`, `nginx.local.conf`: a word
dev, development or local): what it passes to is taken to be a development server started by
hand (on real repositories, each such error was judged false).

## What breaks in production
nginx cannot connect and answers **502 Bad Gateway** to every request of that
location, logging `connect() failed (111: Connection refused)` for a TCP port or
`(2: No such file or directory)` for a unix socket. A host name nginx cannot resolve
stops it from starting at all: `[emerg] host not found in upstream`.

## How to fix
Point the `*_pass` at the address the app server binds, or bind the app server where
nginx sends.

## Fix safety
When exactly one listener of the tree speaks the `*_pass`'s protocol, `--unsafe-fixes`
points the target at it (`uwsgi_pass 127.0.0.1:8001;` becomes `uwsgi_pass
unix:/run/app.sock;`; a wildcard bind is reached through 127.0.0.1), keeping a scheme and
a URI part. Unsafe: nginx may have been right and the app server wrong, or the target may
be another program the checked files do not show.
"""
# Over 400 lines: each way the files may not show where an app server listens is an exit of
# one loop, and the indexes that keep it linear in a fleet's size belong with it.
import functools
import posixpath
import re
from collections.abc import Iterator
from itertools import combinations, product
from math import prod

from wsgilint.engine import Edit, Fix, Hit, Related
from wsgilint.model import (
    Address,
    AppServer,
    ControlledProgram,
    Deployment,
    HostFolder,
    Listener,
    NginxDirective,
    Place,
    ProcessManager,
    Published,
    Route,
    ScriptStart,
    ServerBlock,
    Span,
    Target,
)
from wsgilint.model.dev_stacks import development_named
from wsgilint.model.fronting import Fronting, could_reach
from wsgilint.model.manager_facts import did_you_mean
from wsgilint.model.supervisor import control_socket_paths

CODE = "X101"
SLUG = "pass-target-mismatch"
SEVERITY = "error"
SUMMARY = "nginx passes requests to an address no app server listens on."
FIXES = ("unsafe",)

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                         "        uwsgi_pass 0.0.0.0:8001;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 0.0.0.0:18001\nmodule = app.wsgi\n",
}
GOOD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                         "        uwsgi_pass 127.0.0.1:18001;\n    }\n}\n",
    "deploy/uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:18001\nmodule = app.wsgi\n",
}


def _port_digits(port: int) -> str:
    return str(port).rjust(6)


def _distance(target: Address, listener: Listener) -> tuple[int, ...]:
    address = listener.address
    if target.family == "unix":
        same_dir = address.family == "unix" and address.path.rsplit("/", 1)[0] == target.path.rsplit("/", 1)[0]
        return (0 if same_dir else 1 if address.family == "unix" else 2,)
    if address.family == "inet":
        same_host = address.host == target.host or address.is_wildcard or (address.is_loopback and target.is_loopback)
        digits = sum(a != b for a, b in zip(_port_digits(address.port), _port_digits(target.port), strict=False))
        return (0 if same_host else 1, digits)
    return (3,)


_ONLY_IF_SPOKEN = ("fastcgi", "scgi", "grpc")


class _Listeners:
    """The deployment's listeners and unmanaged programs, indexed once per run: a fleet has
    a finding per hundred routes, and a look through every listener for each made the rule
    quadratic in the fleet's size."""

    def __init__(self, deployment: Deployment) -> None:
        self.listeners = deployment.listeners
        self._unix_in: dict[str, Listener] = {}        # a directory -> its first unix listener
        self._relative: dict[str, Listener] = {}       # a file name -> the first relative unix listener
        self._inet: dict[str, list[tuple[int, Listener]]] = {}   # port digits -> (position, listener)
        self.speaking: dict[str, list[Listener]] = {}
        for position, listener in enumerate(self.listeners):
            address = listener.address
            self.speaking.setdefault(listener.protocol, []).append(listener)
            if address.family == "unix":
                self._unix_in.setdefault(address.path.rsplit("/", 1)[0], listener)
                if not address.path.startswith("/"):
                    self._relative.setdefault(posixpath.basename(address.path), listener)
            elif address.family == "inet":
                self._inet.setdefault(_port_digits(address.port), []).append((position, listener))
        self._first_unix = next((listener for listener in self.listeners if listener.address.family == "unix"), None)
        # Sockets whose path an install step fills in (`unix:/BASE_DIR/run/app.sock`): few, if any.
        self._placeholders = [listener for listener in self.listeners if listener.address.placeholders]
        inet = [listener.address for listener in self.listeners if listener.address.family == "inet"]
        self._hosts = {address.host for address in inet}
        self._wildcard = any(address.is_wildcard for address in inet)
        self._loopback = any(address.is_loopback for address in inet)
        self._regular = all(len(port) == 6 for port in self._inet)
        # The digits each position of a listened port has, to list the ports a few digits away.
        self._digits = [sorted({port[i] for port in self._inet}) for i in range(6)] if self._regular else []
        self.unmanaged = [(manager, manager.argv.value) for manager in deployment.managers
                          if manager.runs is None and manager.argv is not None]
        # A container's socket below a bind-mounted host folder, by file name: a host nginx reaches it there.
        self._on_host: dict[str, list[tuple[Listener, HostFolder, str]]] = {}
        for listener in self.listeners:
            mounted = _host_side(deployment, listener)
            if mounted is not None:
                self._on_host.setdefault(posixpath.basename(listener.address.path), []).append((listener, *mounted))

    def filled(self, target: Address) -> Listener | None:
        """A socket written with a placeholder folder that ``target``'s path fills in."""
        return next((listener for listener in self._placeholders if listener.address.filled_by(target)), None)

    def on_host(self, target: Address) -> tuple[Listener, HostFolder, str] | None:
        """The container's socket that a bind mount puts at ``target``'s host path, a proved one first."""
        if target.family != "unix":
            return None
        found = [(listener, folder, inside) for listener, folder, inside in
                 self._on_host.get(posixpath.basename(target.path), ()) if folder.holds(target.path, inside)]
        return min(found, key=lambda each: not each[1].exact) if found else None

    def nearest(self, target: Address) -> Listener | None:
        """The listener at the least ``_distance`` from ``target``, the first listed on a tie."""
        if not self.listeners:
            return None
        if target.family == "unix":
            return self._unix_in.get(target.path.rsplit("/", 1)[0]) or self._first_unix or self.listeners[0]
        if target.family != "inet":
            return min(self.listeners, key=lambda listener: _distance(target, listener))
        if not self._inet:
            return self.listeners[0]   # every listener is as far
        return self._nearest_port(target)

    def _nearest_port(self, target: Address) -> Listener:
        """Among inet listeners, those on the same host first, then the fewest differing port
        digits: the ports no, one, two... digits away are looked up while they are fewer
        than the ports listened on, else every listener is measured."""
        digits = _port_digits(target.port)
        if self._regular and len(digits) == 6:
            same_host = target.host in self._hosts or self._wildcard or (target.is_loopback and self._loopback)
            for changed in range(7):
                ports = self._ports_away(digits, changed)
                if ports is None:
                    break
                found = [(position, listener) for port in ports for position, listener in self._inet.get(port, ())
                         if not same_host or _distance(target, listener)[0] == 0]
                if found:
                    return min(found, key=lambda pair: pair[0])[1]
        return min(self.listeners, key=lambda listener: _distance(target, listener))

    def _ports_away(self, digits: str, changed: int) -> list[str] | None:
        """The listened ports whose digits differ from ``digits`` at exactly ``changed``
        positions; None when listing them would take longer than looking at every port."""
        choices = [[d for d in self._digits[i] if d != digits[i]] for i in range(6)]
        count = sum(prod(len(choices[i]) for i in positions) for positions in combinations(range(6), changed))
        if count > len(self._inet):
            return None
        ports = []
        for positions in combinations(range(6), changed):
            for replaced in product(*(choices[i] for i in positions)):
                port = list(digits)
                for i, digit in zip(positions, replaced, strict=True):
                    port[i] = digit
                ports.append("".join(port))
        return ports

    def relative_namesake(self, target: Address) -> Listener | None:
        """A listener on a relative socket path with the target's file name (``socket = app.sock``
        is relative to the start directory, which Compose's working_dir or a unit may set)."""
        if target.family != "unix":
            return None
        return self._relative.get(posixpath.basename(target.path))

    def other_program_naming(self, target: Address) -> tuple[ProcessManager, str] | None:
        """A managed program that is no app server wsgilint reads (Flower, Daphne, a Node app)
        whose command line or environment names the target's port or socket, or whose own
        default port it is; with how it does."""
        wanted = target.path if target.family == "unix" else str(target.port)
        if not wanted or wanted == "0":
            return None
        for manager, argv in self.unmanaged:
            if any(_names(word, wanted) for word in argv):
                return manager, "names it on its command line"
            # `Environment=PORT=8080` for a script that reads its port from there (Flask's app.run)
            named = next((name for name, value in manager.environment.items() if _names(value.value, wanted)), None)
            if named is not None:
                return manager, f"names it in its environment ({named})"
            if target.family != "unix" and _default_port(argv) == target.port:
                return manager, f"listens on port {target.port} by default and names no other"
        return None


def _names(word: str, wanted: str) -> bool:
    """Whether ``wanted`` stands in ``word`` with no word character (``\\w``, as
    ``str.isalnum`` and ``_``), ``/``, ``.`` or ``-`` against it: what the pattern
    ``(?<![\\w/.-])WANTED(?![\\w/.-])`` finds, without compiling one per port
    (tests/test_startup_patterns.py compares the two)."""
    start = word.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        if not (start and _joins(word[start - 1])) and not (end < len(word) and _joins(word[end])):
            return True
        start = word.find(wanted, start + 1)
    return False


def _joins(char: str) -> bool:
    return char.isalnum() or char in "_/.-"


# Programs beside the app that listen on a port of their own when their command names none:
# Celery's Flower web UI (`flower`, `celery flower`) on 5555; Glances' web server (`glances -w`)
# on 61208 (its `--help`: "-p PORT, --port PORT ... (default: 61208)"); Kibana on 5601 (its
# `server.port` default; `kibana --port`); Elasticsearch's REST interface on 9200 (its
# `http.port` default, given as `-E http.port=...`).
_DEFAULT_PORTS = {"flower": 5555, "glances": 61208, "kibana": 5601, "elasticsearch": 9200}
# The options that give each another port.
_PORT_OPTIONS = {"flower": ("--port",), "glances": ("--port", "-p"), "kibana": ("--port", "-p"),
                 "elasticsearch": ("-Ehttp.port", "http.port")}   # `-E http.port=9201` is two words


def _default_port(argv: list[str]) -> int | None:
    """The port a program of ``_DEFAULT_PORTS`` that ``argv`` runs listens on, where it names
    no port of its own (Glances only as a web server, `-w`)."""
    program = next((posixpath.basename(word) for word in argv if posixpath.basename(word) in _DEFAULT_PORTS), None)
    if program is None or any(word.startswith(_PORT_OPTIONS[program]) for word in argv):
        return None
    if program == "glances" and not any(word in ("-w", "--webserver") for word in argv):
        return None
    return _DEFAULT_PORTS[program]


def _host_side(deployment: Deployment, listener: Listener) -> tuple[HostFolder, str] | None:
    """The host folder a container's unix socket is in through a bind mount, and the socket's
    path below it."""
    place, address = listener.server.place, listener.address
    if place.kind != "container" or address.family != "unix" or not address.path.startswith("/"):
        return None
    store, inside = place.locate(address.path)
    folder = deployment.host_folders.get(store)
    return (folder, inside) if folder is not None else None


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _ip() -> re.Pattern[str]:
    return re.compile(r"^[0-9.]+$|:")


def _unresolved_name(deployment: Deployment, route: Route, target: Target, fronting: Fronting) -> Hit | None:
    """From a container, a host name that no place on its networks answers to but one nearly does."""
    address = target.address
    if route.place.kind != "container" or address.family != "inet" or not address.host or _ip().search(address.host):
        return None
    if deployment.resolves(route.place, address.host):
        return None
    names = deployment.hostnames(route.place)
    elsewhere = [place for place in deployment.places if address.host in place.hostnames]
    if elsewhere and route.place.run_unseen:
        # Which image a service pulls by name (`image: org/frontend`) is not in the files: it
        # may be this Dockerfile's, on that network.
        return Hit(target.at, f"{route.handler.name} sends to {address.text or address}, a name {elsewhere[0].label} "
                   f"answers to on its Compose network; nothing in the checked files runs {route.place.label} (a "
                   "service may run it by image name, or `docker run --network` join it there): assumed it runs "
                   "where the name resolves", severity="info")
    if elsewhere:
        return Hit(target.at, f"{route.handler.name} sends to {address.text or address}, but {elsewhere[0].label} "
                   f"shares no Compose network with {route.place.label}: the name does not resolve there and nginx "
                   "refuses to start (\"host not found in upstream\"); put both services on one network")
    meant = did_you_mean(address.host, names, cutoff=0.6)
    if meant is None:
        return None   # another host, outside the checked files
    other_host = fronting.other_servers(route)
    if other_host is not None:
        # Another Compose project's container may join this network (an external network, or a
        # project of the same name): the files hold one app, and this virtual host is another's.
        return Hit(target.at, f"{route.handler.name} sends to {address.text or address}, a name no service of the "
                   f"checked Compose files answers to on the network of {route.place.name}; every app server here "
                   f"is reached from another server block ({_server_label(other_host.server)}) and this one reaches "
                   "none: assumed it fronts an app outside the checked files, whose container joins this network "
                   "(where none does, nginx refuses to start: \"host not found in upstream\")",
                   (Related(other_host.handler.at, "the app here is reached from this route"),), severity="info")
    return Hit(target.at, f"{route.handler.name} sends to {address.text or address}, a name nothing on the Compose "
               f"network of {route.place.name} answers to: nginx refuses to start (\"host not found in upstream\"); "
               f"did you mean {meant}?")


# The names Docker writes into every container's /etc/hosts besides its own (moby
# libnetwork etchosts.go): they resolve without DNS.
_DOCKER_HOSTS = frozenset({"localhost", "ip6-localhost", "ip6-loopback", "ip6-localnet", "ip6-mcastprefix",
                           "ip6-allnodes", "ip6-allrouters"})


@functools.cache
def _label() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


def _unknown_label(deployment: Deployment, route: Route, target: Target, fragments: set[int]) -> str:
    """The host of a target that nginx, in a Compose service whose every way of naming is in the
    files, can resolve only if the host's DNS knows it: one word (no dot), no IP, not a name
    Docker's /etc/hosts gives, no name of a place of the tree (any case), of ``extra_hosts:`` or
    ``external_links:``, and written literally in a ``*_pass`` or an upstream ``server`` without
    ``resolve`` (nginx then looks it up once, at start). Docker's embedded DNS answers the names
    of the container's networks and forwards every other name, one word too, to the host's
    resolvers (moby libnetwork resolver.go ``ServeDNS``); "" otherwise. A word the route's
    nginx may take for an upstream block (``proxy_pass http://backend;``) is left alone in a
    fragment, whose other files may hold that block."""
    place, address = route.place, target.address
    host = address.host.lower() if address.family == "inet" else ""
    if place.kind != "container" or place.run_unseen or not place.networks or place.names_open \
            or not host or not _label().fullmatch(host) or host.isdigit() or address.is_loopback \
            or host in _DOCKER_HOSTS or target.resolved_later or route.rewritten is not None \
            or route.unread_includes or "<" in address.text:
        return ""
    if route.upstream == address.host and target.at == route.handler.value_at and id(route) in fragments:
        return ""
    if host in {name.lower() for name in place.extra_names} or any(
            each.answers(host) or host in (name.lower() for name in each.hostnames) for each in deployment.places):
        return ""
    return host


def _unknown_label_hit(deployment: Deployment, host: str, found: list[tuple[Route, Target]]) -> Hit:
    route, target = found[0]
    place = route.place
    names = sorted(deployment.hostnames(place) - set(place.hostnames))
    known = f" (the names there: {', '.join(names[:4])}{', ...' if len(names) > 4 else ''})" if names else ""
    return Hit(target.at, f"{route.handler.name} sends to {target.address.text or target.address}, a one-word name no "
               f"service of the checked Compose files answers to on the networks of {place.label or place.name}"
               f"{known}: Docker's DNS asks the host's resolvers for it, and unless they answer it nginx refuses to "
               f"start ([emerg] host not found in upstream \"{target.address.host}\"); assumed the host's DNS "
               "does not know it: name a service (or a network alias) so, or send to one",
               tuple(Related(at, f"{name} to {host} here") for at, name in dict.fromkeys(
                   (other.at, each.handler.name) for each, other in found) if at != target.at),
               severity="warning", key=host)


def _apart_from_unseen_run(deployment: Deployment, route: Route, address: Address) -> Listener | None:
    """A unix socket bound at the target's path, or a loopback port bound on that very port,
    in another container, where one of the two is an image that nothing in the files runs (for
    a host's nginx, a port such an image binds on every address, which its run may publish on
    the host):
    the volumes and the network namespace it gets are unknown (an ECS/Fargate task in
    `awsvpc` mode, a Kubernetes pod and `network_mode: service:x` give two images one
    loopback; so does an ECS task of the tree in awsvpc mode). Two Compose services the files
    show keep their own loopbacks otherwise, and a container's loopback is never the host's:
    the error."""
    loopback = address.family != "unix"
    if loopback and not address.is_loopback:
        return None
    if loopback and route.place.kind != "container":
        # A host's nginx: the `docker run` not in the files may publish the image's port on the
        # host's loopback (`-p 127.0.0.1:8000:8000`), which reaches a server bound to every
        # address of the container (not one bound to the container's own loopback).
        return next((listener for listener in deployment.listeners_at(address)
                     if listener.server.place.kind == "container" and listener.server.place.run_unseen
                     and listener.address.is_wildcard), None)
    # An ECS task of the tree in awsvpc mode gives the containers it runs one loopback.
    task = loopback and deployment.shared_loopback_task is not None
    return next((listener for listener in deployment.listeners_at(address)
                 if listener.server.place != route.place
                 and (not loopback or listener.server.place.kind == "container")
                 and (listener.server.place.run_unseen or route.place.run_unseen or task)), None)


def _sockets_in_unseen_runs(deployment: Deployment) -> dict[str, list[Listener]]:
    """The unix sockets of containers nothing in the files runs, by file name."""
    found: dict[str, list[Listener]] = {}
    for listener in deployment.listeners:
        if listener.server.place.kind == "container" and listener.server.place.run_unseen \
                and listener.address.family == "unix" and not listener.address.is_abstract:
            found.setdefault(posixpath.basename(listener.address.path), []).append(listener)
    return found


def _namesake_in_unseen_run(unseen_sockets: dict[str, list[Listener]], route: Route,
                            address: Address) -> Listener | None:
    """A unix socket of the same file name in a container that nothing in the files runs, for
    an nginx on the host or in a container nothing runs either: the `docker run -v` the files
    do not show may bind-mount the socket's folder at the path nginx names."""
    if address.family != "unix" or address.is_abstract or not (route.place.kind == "host" or route.place.run_unseen):
        return None
    return next((listener for listener in unseen_sockets.get(posixpath.basename(address.path), ())
                 if listener.server.place != route.place), None)


def _container_hint(deployment: Deployment, route: Route, target: Address, nearest: Listener) -> str:
    """Why a listener in another container is not reached: whose loopback the address is."""
    place = nearest.server.place
    # The wording is about containers: only for two different ones (a host's server binding its
    # loopback is reached by an nginx on that host).
    if place == route.place or place.kind != "container" or route.place.kind != "container":
        return ""
    if nearest.address.is_loopback and nearest.address.family == "inet":
        return (f"; {nearest.server.name} binds {nearest.address} inside {place.label or place.name}, its own "
                f"loopback, which no other container reaches: bind it to 0.0.0.0:{nearest.address.port}")
    names = [name for name in place.hostnames if route.place.resolves(name, place)]
    if target.family == "inet" and nearest.address.family == "inet" and names:
        own = (f"; {target.host} is the loopback of {route.place.label or route.place.name} itself"
               if target.is_loopback else "")
        return (f"{own}; did you mean {names[0]}:{nearest.address.port or target.port}, where "
                f"{nearest.server.name} listens?")
    if target.family == "unix":
        return (f"; {nearest.label} is in {place.label or place.name}: a unix socket is shared only through a "
                "volume mounted in both containers")
    return ""


def _mounted_hit(route: Route, target: Target, written: str, listener: Listener, folder: HostFolder,
                 inside: str) -> Hit:
    """A host nginx's socket path that ends where a bind mount puts a container's socket on the
    host, from a folder of the checked tree whose own host path the files do not give."""
    place = listener.server.place
    end = folder.host_path(inside)
    checkout = target.address.path[:-len(end) - 1] or "/"
    return Hit(target.at, f"{route.handler.name} sends to {written}; {listener.label} in {place.label or place.name} "
               f"is {end} of the checked tree on the host (a bind mount of {folder.path or 'the tree'}/), whose own "
               f"path there the checked files do not give: assumed the tree is checked out at {checkout}",
               (Related(listener.at, listener.label), Related(folder.at, "bind-mounted here")), severity="info")


def _from_host_hint(deployment: Deployment, route: Route, nearest: Listener) -> str:
    """For a host nginx, where a container's unix socket is on the host, never its path inside
    the container (a host nginx does not see the container's file system)."""
    place = nearest.server.place
    if route.place.kind != "host" or place.kind != "container" or nearest.address.family != "unix":
        return ""
    mounted = _host_side(deployment, nearest)
    if mounted is not None and mounted[0].exact:
        return (f"; did you mean unix:{mounted[0].host_path(mounted[1])}, where {nearest.server.name} in "
                f"{place.label or place.name} listens through a bind mount?")
    if mounted is not None:
        return (f"; {nearest.label} in {place.label or place.name} is {mounted[0].host_path(mounted[1])} of the "
                "checked tree on the host (a bind mount)")
    return (f"; {nearest.label} is inside {place.label or place.name}, whose file system a host nginx does not see: "
            "bind-mount its folder from the host")


def _unrun_beside_container_nginx(deployment: Deployment, route: Route, target: Address,
                                  nearest: Listener | None) -> Place | None:
    """The container whose server binds the very address an nginx file sends to, in a repository
    (or the /etc folders one installs),
    when nothing in the files runs that file (no host manager starts nginx, and the tree's
    nginx runs in a container that does not load it): the file is for a place the files do not
    show, and "on a host" is only the default (a copy meant for a task or pod that shares the
    app's loopback: ``server localhost:8001; # for fargate``)."""
    if nearest is None or route.place.kind != "host" or not deployment.host.partial \
            or nearest.server.place.kind != "container" or not _elsewhere_hint(route, target, nearest):
        return None
    if any(manager.place.kind == "host" and manager.runs_program == "nginx" for manager in deployment.managers):
        return None
    if not any(instance.place.kind == "container" for instance in deployment.nginx):
        return None
    return nearest.server.place


def _same_address(bound: Address, target: Address) -> bool:
    """A listener binds the address a pass names: the same socket file, or the same port on
    that host or on every interface."""
    if bound.family != target.family:
        return False
    if bound.family == "unix":
        return bound.path == target.path
    return bound.port == target.port and (bound.host == target.host or bound.is_wildcard)


def _elsewhere_hint(route: Route, target: Address, nearest: Listener) -> str:
    """The nearest listener binds the very address written, in another place (a container
    the route's nginx does not share a loopback or file system with): "did you mean" it would
    name the address reported, so say where it is."""
    if not _same_address(nearest.address, target):
        return ""
    place, here = nearest.server.place, route.place
    return (f"; {nearest.server.name} listens at {nearest.address} in {place.label or place.name}, not where this "
            f"nginx runs ({here.label or here.name})")


def _near(route: Route, target: Address, nearest: Listener | None) -> bool:
    """A listener the route could reach in the same socket directory, or on the same host a
    digit of the port away: a slip of the pen more than another server."""
    if nearest is None or not could_reach(route, target, nearest.server.place):
        return False
    distance = _distance(target, nearest)
    return distance[0] == 0 and (target.family == "unix" or distance[1] <= 1)


def _unseen_program(deployment: Deployment, route: Route, target: Target) -> ControlledProgram | None:
    """A program a script of the tree starts that no checked config defines, the one whose name
    the target spells first (``run/site.sock`` for program ``site``), then the one written
    nearest the route's file."""
    if not deployment.unseen_programs:
        return None
    spelt = re.sub(r"\W|_", "", target.address.text or str(target.address)).lower()
    return max(deployment.unseen_programs, key=lambda program: (
        re.sub(r"\W|_", "", program.name).lower() in spelt,
        len(posixpath.commonpath([program.at.path, route.handler.at.path]))
        if program.at.path.startswith("/") == route.handler.at.path.startswith("/") else 0))


def _script_start_naming(deployment: Deployment, address: Address) -> tuple[ScriptStart, str] | None:
    """The first app server a script no manager runs starts with the target's port or socket
    on its command line, and how the line names it: the socket's path, or its last parts
    relative to the start folder (``--bind unix:app.sock``), which the files do not show."""
    wanted = address.path if address.family == "unix" else str(address.port)
    if not wanted or wanted == "0":
        return None
    for start in deployment.script_starts:
        if any(_names(word, wanted) for word in start.argv[1:]):
            return start, "naming it"
    if address.family != "unix":
        return None
    for start in deployment.script_starts:
        relative = next((value for value in map(_relative_socket, start.argv[1:])
                         if value and wanted.endswith("/" + value)), None)
        if relative is not None:
            folder = wanted[:-len(relative) - 1] or "/"
            return start, f"binding `{relative}`, relative to a start folder the files do not show ({folder} makes it this path)"
    return None


def _relative_socket(word: str) -> str:
    """The relative unix socket path a command-line word binds (`unix:app.sock`,
    `--socket=run/app.sock`), or ""."""
    value = word.rsplit("=", 1)[-1]
    value = value[5:] if value.startswith("unix:") else value
    return value if value and not value.startswith(("/", "@", "-")) and value.endswith(".sock") else ""


def _server_label(server: ServerBlock | None) -> str:
    names = server.server_names if server is not None else []
    return f"server_name {names[0]}" if names else "without server_name"


def check(deployment: Deployment) -> Iterator[Hit]:
    """One finding per target line: routes that share an upstream's `server` line (a
    `proxy_pass` and a `uwsgi_pass` to one upstream) are one cause, reported at its most
    severe."""
    kept: dict[tuple[str, int, int], Hit] = {}
    for hit in _route_hits(deployment):
        key = (hit.at.path, hit.at.line, hit.at.column)
        first = kept.get(key)
        if first is None or (first.severity == "info" and hit.severity != "info"):
            kept[key] = hit
    yield from kept.values()


def _route_hits(deployment: Deployment) -> Iterator[Hit]:
    if not deployment.app_servers and not deployment.dev_servers:
        return
    index = _Listeners(deployment)
    spoken = set(index.speaking)
    # A uWSGI that exits at start (a config file it cannot load) binds nothing anywhere.
    unbound = [server for server in deployment.app_servers if not server.listeners and not server.exits_at_start]
    fronting = deployment.fronting
    control_sockets = control_socket_paths(deployment.supervisor)
    fragments = {id(route) for instance in deployment.nginx if instance.standalone for route in instance.routes}
    # Asked for each target no server listens at: found once, not by a scan of the tree per target.
    on_unseen_base = [server for server in deployment.app_servers if server.unseen_base is not None]
    templates = deployment.templates_of("uwsgi", "gunicorn", "supervisor", "systemd")
    handing_off = [manager for manager in deployment.managers if manager.hands_off is not None]
    unseen_sockets: dict[str, list[Listener]] | None = None   # built when a route first needs it
    in_unstarted = {id(route): instance.start_unseen for instance in deployment.nginx
                    if instance.start_unseen is not None for route in instance.routes}
    # One finding per unknown one-word host of an nginx: fixing the name fixes every route to it.
    unknown_hosts: dict[tuple[str, str], list[tuple[Route, Target]]] = {}
    for route in deployment.routes:
        if route.protocol in _ONLY_IF_SPOKEN and route.protocol not in spoken:
            continue
        for target in route.targets:
            address = target.address
            misspelt = _unresolved_name(deployment, route, target, fronting)
            if misspelt is not None:
                yield misspelt
                continue
            host = _unknown_label(deployment, route, target, fragments)
            if host:
                unknown_hosts.setdefault((route.place.filesystem, host), []).append((route, target))
                continue
            local = address.family == "unix" or address.is_loopback or address.is_wildcard or \
                (address.family == "inet" and deployment.resolves(route.place, address.host))
            # `unix:<path_to_app>/app.sock`, `unix:/BASE_DIR/app.sock`: filled in at deploy time
            placeholder = "<" in address.text or bool(address.placeholders)
            if not local or placeholder or deployment.reached(route, target):
                continue
            if route.rewritten is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {address.text or address}, where no app server "
                          f"in the checked files listens{route.rewritten.assumption()}",
                          (Related(route.rewritten.at, "rewritten here"),), severity="info")
                continue
            written = address.text or str(address)
            answered = _answered_first(route)
            if answered is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens, but this server block answers every request with `return "
                          f"{' '.join(answered.args)}` before it picks a location: the pass never runs",
                          (Related(answered.at, "answers every request of the block"),), severity="info")
                continue
            files_first = _files_first(route)
            if files_first is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens, but `try_files {' '.join(files_first.args)}` here sends every request for a "
                          f"file that does not exist under the root to {files_first.args[-1]}: this pass gets only "
                          "requests for files that do; assumed the root holds none (where it does, nginx answers 502 "
                          "for them)", (Related(files_first.at, "try_files here"),), severity="info")
                continue
            published = deployment.published_at(route, target)
            if published:
                mismatch = _published_to_app_elsewhere(deployment, published)
                if mismatch is not None:
                    yield _published_hit(route, target, written, mismatch)
                continue   # the engine listens there for a container that serves it itself (nginx, Node...)
            if address.family == "unix" and address.path in control_sockets:
                continue   # supervisord's own web interface (S103/S104 judge its access), not an app
            named = deployment.named(route.place, address.host) if address.family == "inet" and address.host else []
            if any(deployment.may_serve_itself(place) for place in named):
                continue   # a service of its own (phpMyAdmin, Node, a static nginx) answers to that name
            mounted = index.on_host(address) if route.place.kind == "host" else None
            if mounted is not None:
                if mounted[1].exact:
                    continue   # the bind mount puts the container's socket at that host path
                yield _mounted_hit(route, target, written, *mounted)
                continue
            relative = index.relative_namesake(address)
            if relative is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}; {relative.label} is relative to the "
                          "directory its server starts in, which the checked files do not show: assumed it is this "
                          "socket", (Related(relative.at, f"{relative.label}"),), severity="info")
                continue
            naming = index.other_program_naming(address)
            if naming is not None:
                other, how = naming
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {other.kind} [{other.name}] starts a program that {how}: assumed that "
                          "program listens there", (Related(other.argv.at or other.at if other.argv
                                                            else other.at, "started here"),),
                          severity="info")
                continue
            scripted_start = _script_start_naming(deployment, address)
            if scripted_start is not None:
                scripted, how = scripted_start
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; a line of {scripted.at.path} starts {scripted.program} {how}, in a "
                          "script no manager of the checked files runs: assumed the deployment runs that line",
                          (Related(scripted.at, f"starts {scripted.program} here"),), severity="info")
                continue
            if unbound:
                server = max(unbound, key=lambda s: len(posixpath.commonpath([s.at.path, target.at.path])))
                later = next((o for o in server.options if o.unresolved and o.key in _BINDS), None)
                why = (f"its {later.key} is only known at start: {later.raw or later.value}" if later else
                       "its socket may come from the command line, the environment or another ini")
                environment = server.manager.environment_unseen if server.manager else None
                unknown = [setting for name, setting in (server.manager.environment_unknown if server.manager
                                                         else {}).items() if later and name in str(later.raw)]
                if later and environment is not None:
                    why += f"; {environment.note}"
                elif unknown:
                    why += f"; {unknown[0].note}"
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {server.name} binds nothing in them ({why}): assumed it binds there",
                          (Related(server.at, f"{server.name} binds nothing here"),), severity="info")
                continue
            built_on = [server for server in on_unseen_base if could_reach(route, address, server.place)]
            if built_on:
                server = max(built_on, key=lambda s: len(posixpath.commonpath([s.at.path, target.at.path])))
                base = server.unseen_base
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {server.name} runs on an image that may bind more than its files say "
                          f"({base.note if base else ''}): assumed the image binds it there",
                          (Related(server.at, f"{server.name}"),), severity="info")
                continue
            other_host = fronting.other_servers(route)
            if other_host is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; every app server here is reached from another server block "
                          f"({_server_label(other_host.server)}) and this one reaches none: assumed it fronts an "
                          "app outside the checked files", (Related(other_host.handler.at, "the app here is "
                                                                    "reached from this route"),), severity="info")
                continue
            apart = _apart_from_unseen_run(deployment, route, address)
            if apart is not None:
                place = apart.server.place
                unseen = " or ".join(each.label for each in (route.place, place) if each.run_unseen)
                if address.family == "unix":
                    yield Hit(target.at, f"{route.handler.name} sends to {written}, the path of {apart.label} in "
                              f"{place.label or place.name}; whether a volume shares it with "
                              f"{route.place.label or 'nginx'} is not in the checked files (nothing in them runs "
                              f"{unseen}): assumed a shared volume", (Related(apart.at, f"{apart.label}"),),
                              severity="info")
                elif route.place.kind != "container":
                    yield Hit(target.at, f"{route.handler.name} sends to {written}, the host's loopback, and "
                              f"{apart.label} listens on that port in {place.label or place.name}; nothing in the "
                              "checked files runs that image, so whether it publishes the port on the host "
                              "(`-p 127.0.0.1:PORT:PORT`) is not known: assumed it does; run without it, nginx "
                              "answers 502",
                              (Related(apart.at, f"{apart.label}"),), severity="info")
                elif not unseen and deployment.shared_loopback_task is not None:
                    task = deployment.shared_loopback_task
                    yield Hit(target.at, f"{route.handler.name} sends to {written}, the loopback of "
                              f"{route.place.label or 'nginx'}, and {apart.label} listens on that port in "
                              f"{place.label or place.name}; run as these Compose services, each has its own "
                              "loopback and nginx answers 502, but the tree also defines an ECS task in awsvpc "
                              "mode, whose containers share one: assumed that is where the two run together",
                              (Related(apart.at, f"{apart.label}"),
                               *((Related(task.at, "an ECS task in awsvpc mode"),) if task.at else ())),
                              severity="info")
                else:
                    yield Hit(target.at, f"{route.handler.name} sends to {written}, the loopback of "
                              f"{route.place.label or 'nginx'}, and {apart.label} listens on that port in "
                              f"{place.label or place.name}; nothing in the checked files runs {unseen}, so whether "
                              "the two share one network namespace is not known: assumed they do (one ECS/Fargate "
                              "task in awsvpc mode, one Kubernetes pod, `network_mode: service:...`); run apart, "
                              "each has its own loopback and nginx answers 502", (Related(apart.at, f"{apart.label}"),),
                              severity="info")
                continue
            if unseen_sockets is None:
                unseen_sockets = _sockets_in_unseen_runs(deployment)
            namesake = _namesake_in_unseen_run(unseen_sockets, route, address)
            if namesake is not None:
                place = namesake.server.place
                yield Hit(target.at, f"{route.handler.name} sends to {written}; {namesake.label} in "
                          f"{place.label or place.name} has the same file name, and nothing in the checked files runs "
                          f"{place.label or place.name}: a bind mount (`docker run -v FOLDER:"
                          f"{posixpath.dirname(namesake.address.path)}`) may put it at this path: assumed it does; "
                          "without one, nginx answers 502", (Related(namesake.at, namesake.label),), severity="info")
                continue
            if templates:
                more = f" (and {len(templates) - 1} more)" if len(templates) > 1 else ""
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {templates[0].display}{more} is a template of {templates[0].renders} "
                          "config, rendered before use and not checked here, which may start the app server that "
                          "listens there: assumed it does",
                          tuple(Related(Span(each.display), f"template of {each.renders} config, not checked")
                                for each in templates), severity="info")
                continue
            unstarted = in_unstarted.get(id(route))
            if unstarted is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {unstarted.value} holds this nginx config, but {unstarted.note}, so what "
                          "runs beside its nginx is not known: assumed that start runs the app server there",
                          tuple(Related(at, "the config is copied into this image") for at in (unstarted.at,) if at),
                          severity="info")
                continue
            nearest = index.nearest(address)
            started = _unseen_program(deployment, route, target) if not _near(route, address, nearest) else None
            if started is not None:
                manager = "Supervisor program" if started.manager == "supervisor" else "systemd unit"
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {started.at.path} starts the {manager} {started.name}, which no checked "
                          "config defines: assumed it listens there", (Related(started.at, "started here"),),
                          severity="info")
                continue
            beside = next((manager for manager in handing_off
                           if manager.place == route.place or manager.runs_program == "nginx"), None)
            if beside is not None and beside.hands_off is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {beside.kind} [{beside.name}] runs `{beside.hands_off.value}` in the "
                          f"background beside its {beside.runs_program}, a text not read here that may start the app "
                          "server that listens there: assumed it does", (Related(beside.hands_off.at or beside.at,
                                                                      "runs a text not read here"),),
                          severity="info")
                continue
            unrun = next(((listener, why) for server, why in deployment.unrun_servers for listener in server.listeners
                          if _same_address(listener.address, address)), None)
            if unrun is not None:
                binding, why = unrun
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server the checked files "
                          f"run listens (nginx answers 502 as they stand); {binding.at.path} binds it, but it is "
                          f"{why}: assumed the deployment runs it (a production start the files do not show)",
                          (Related(binding.at, binding.label),), severity="info")
                continue
            filled = index.filled(address)
            if filled is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}; {filled.label} is written with "
                          f"{' and '.join(filled.address.placeholders)} in its path, a placeholder that a step the "
                          "checked files do not show fills in (a script's `sed`, a template's rendering): assumed it "
                          "becomes this path", (Related(filled.at, filled.label),), severity="info")
                continue
            runs_elsewhere = _unrun_beside_container_nginx(deployment, route, address, nearest)
            if runs_elsewhere is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens on a host; {nearest.server.name if nearest else ''} listens at "
                          f"{nearest.address if nearest else ''} in {runs_elsewhere.label or runs_elsewhere.name}, and "
                          "no nginx the files run loads this file (theirs runs in a container): assumed it runs on a "
                          "host, where nginx would answer 502; where it runs beside the app in one network "
                          "namespace (a Fargate task, a Kubernetes pod, `network_mode: service:...`), it reaches it",
                          (Related(nearest.at, f"{nearest.label}"),) if nearest else (), severity="info")
                continue
            beside_app = _beside_the_app(deployment, index, route, address, nearest)
            if beside_app is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          "files listens; this server block reaches the app here from another route, every listener "
                          "of the files is reached, and none is near this address: assumed a program of the host "
                          "the files do not hold listens there (a front end, another service); if the app was meant, "
                          "nginx answers 502", (Related(beside_app.handler.at, "the app here is reached from this "
                                                        "route"),), severity="info")
                continue
            if development_named(route.handler.at.path) and not _near(route, address, nearest):
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; the name of {route.handler.at.path} says it is for development, and no "
                          "server of the files is near that address: assumed a development server started by hand "
                          "listens there", severity="info")
                continue
            # Another program beside nginx may serve an address no app server of the tree is near.
            far = not _near(route, address, nearest)
            neighbour = deployment.namespace_neighbour(route, address) if far else None
            if neighbour is not None:
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {neighbour.label or neighbour.name} shares this nginx's network namespace "
                          "(its loopback is this nginx's) and runs a program wsgilint does not read, whose ports the "
                          "files do not show: assumed it listens there", severity="info")
                continue
            others = deployment.other_servers_beside(route.place) if far and address.family == "inet" else []
            if others:
                runner, program, start = others[0]
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; {runner.kind} [{runner.name}] runs {program} beside this nginx, a server "
                          "wsgilint does not read, whose ports the files do not show: assumed it listens there",
                          (Related(start, "started here"),), severity="info")
                continue
            image = next(iter(deployment.unrun_image_serving()), None) \
                if far and address.family == "inet" and address.is_loopback and route.place.kind == "host" else None
            if image is not None:
                place, serving = image
                yield Hit(target.at, f"{route.handler.name} sends to {written}, where no app server in the checked "
                          f"files listens; in {place.label or place.name}, which nothing in the files runs, {serving}, "
                          f"and what runs it (`docker run -p {address.port}:...`, not in the checked files) may "
                          "publish it on this port: assumed it does", severity="info")
                continue
            live = next((other for other in route.targets if other is not target and deployment.reached(route, other)),
                        None) if route.upstream and _retries_next(route) else None
            if live is not None:
                listener = deployment.reached(route, live)[0]
                yield Hit(target.at, f"{route.handler.name} sends to {written}, one of the servers of upstream "
                          f"{route.upstream}, where no app server in the checked files listens: nginx's connect fails "
                          f"(\"connect() failed {_connect_failure(address)}\" in its error log), nginx marks the "
                          f"server down for fail_timeout (10 s by default) and passes the request to the next one, "
                          f"{live.address.text or live.address} ({listener.label}), so clients are answered; "
                          "remove this server line, or start the app it names",
                          (Related(live.at, f"{listener.label} listens here"),),
                          severity="warning")
                continue
            hint = _container_hint(deployment, route, address, nearest) if nearest else ""
            if nearest and not hint:
                hint = _from_host_hint(deployment, route, nearest) or _elsewhere_hint(route, address, nearest) or \
                    f"; did you mean {nearest.address}, where {nearest.server.name} listens?"
            yield Hit(
                target.at,
                f"{route.handler.name} sends to {written}, where no app server in the checked files listens: "
                f"nginx answers 502 and logs \"connect() failed {_connect_failure(address)}\"{hint}",
                (Related(nearest.at, f"{nearest.label} is the nearest listener"),) if nearest else (),
                fix=_retarget(index, route, target),
            )
    for (_, host), found in unknown_hosts.items():
        yield _unknown_label_hit(deployment, host, found)


# Celery's commands that start no listener (`celery -A proj worker`, `beat`, `multi start`);
# `flower` does listen.
_CELERY_UNLISTENING = frozenset({"worker", "beat", "multi"})


def _beside_the_app(deployment: Deployment, index: _Listeners, route: Route, address: Address,
                    nearest: Listener | None) -> Route | None:
    """The route of the same server block that reaches the app, where this target is near no
    listener, every listener of the files is reached, and no other program the files start
    listens a digit away from it (a development server, Flower, Daphne): a target of the block's
    author that is none of the tree's is another program's (X101 was judged false 63 times in 78 on real
    repositories, mostly so)."""
    if _near(route, address, nearest) or any(could_reach(route, listener.address, server.place)
                                             and _may_listen_at(listener.address, address)
                                             for server in deployment.dev_servers for listener in server.listeners):
        return None
    # A development server's listeners are known (the clause above weighs them). Another program
    # (or one a start script runs beside the app) whose port the files show a digit from the
    # target is the one it meant; one whose port they do not show may well be what listens there.
    others = [(manager, argv) for manager, argv in index.unmanaged if manager.dev_server is None]
    others += [(manager, served.value) for manager in deployment.managers for served in manager.also_serves]
    for manager, argv in others:
        if could_reach(route, address, manager.place) and not _celery_unlistening(argv) and \
                address.family == "inet" and any(_digit_apart(port, address.port) for port in _shown_ports(argv)):
            return None
    return deployment.fronting.same_block(route)


_PORT_FLAGS = ("-p", "--port", "-b", "--bind", "--listen")


def _shown_ports(argv: list[str]) -> set[int]:
    """The ports a command line names (`-p 9000`, `--port=5556`, `-b 0.0.0.0:8001`, `:8002`)
    or, naming none, the program's default one."""
    ports = set()
    for before, word in zip(["", *argv], argv, strict=False):
        if word.startswith("-") and "=" in word:
            option, _, value = word.partition("=")           # `--port=5556`, `--bind=0.0.0.0:8001`
            given = option in _PORT_FLAGS
        elif word.startswith("-p") and word[2:].isdigit():
            value, given = word[2:], True                    # `-p9000`
        else:
            value, given = word, before in _PORT_FLAGS       # `-p 9000`, or an address anywhere
        tail = value.rpartition(":")[2]
        if tail.isdigit() and (given or ":" in value) and 0 < int(tail) < 65536:
            ports.add(int(tail))
    default = _default_port(argv)
    return ports or ({default} if default else set())


def _digit_apart(port: int, target: int) -> bool:
    return bool(target) and sum(a != b for a, b in zip(_port_digits(port), _port_digits(target), strict=True)) <= 1


def _may_listen_at(listening: Address, target: Address) -> bool:
    """Whether a development server bound at ``listening`` may be the one ``target`` meant: a
    port its command names is the only one it listens on (`runserver 127.0.0.1:8000` is never
    at 9999); a slip of a digit counts, as in ``_near``."""
    if listening.family != "inet" or target.family != "inet" or not listening.port or not target.port:
        return True
    return _digit_apart(listening.port, target.port)


def _celery_unlistening(argv: list[str]) -> bool:
    words = " ".join(argv).lower().split()
    return any("celery" in word for word in words) and "flower" not in words and \
        not _CELERY_UNLISTENING.isdisjoint(words)


def _connect_failure(address: Address) -> str:
    """What nginx's error log says of a connect to an address where nothing listens."""
    return "(2: No such file or directory)" if address.family == "unix" else "(111: Connection refused)"


def _answered_first(route: Route) -> NginxDirective | None:
    """The `return` written at the level of the route's server block, which nginx runs for
    every request before it picks a location (the server rewrite phase), where no `rewrite` of
    that level may end the phase first."""
    if route.server is None or route.server.own.get("rewrite"):
        return None
    written = route.server.own.get("return", ())
    return written[0] if written else None


def _retries_next(route: Route) -> bool:
    """Whether nginx passes a request whose connection to one server of an upstream fails to
    the next server: `*_next_upstream` names `error` (its default is `error timeout`)."""
    written = route.effective(f"{route.handler.name.removesuffix('_pass')}_next_upstream")
    return not written or "error" in written[-1].args


def _files_first(route: Route) -> NginxDirective | None:
    """A `try_files` of the route's location that ends in a named location or a status code:
    only a request for a file that exists under the root stays in the location, where its
    pass handles it; every other one goes to that last argument."""
    return next((d for d in route.effective("try_files") if d.args and d.args[-1].startswith(("@", "="))), None)


def _published_to_app_elsewhere(deployment: Deployment, published: list[tuple[Place, Published]]
                                ) -> tuple[Place, Published, list[AppServer]] | None:
    """The first ``ports:`` entry the target arrives at, when the container of each runs only
    app servers of the tree, each binding in the files, none where the port forwards
    (``reached`` found none). A container that runs anything else (nginx serving a web build,
    Node, supervisord, an image whose start the files do not show) may serve the port itself:
    None."""
    found: list[tuple[Place, Published, list[AppServer]]] = []
    for place, entry in published:
        servers = [server for server in deployment.app_servers if server.place == place]
        managers = [manager for manager in deployment.managers if manager.place == place]
        if not servers or not managers or any(manager.runs is None for manager in managers):
            return None
        if any(not server.listeners or server.unseen_base is not None or server.exits_at_start
               for server in servers):
            return None
        found.append((place, entry, servers))
    return found[0] if found else None


def _published_hit(route: Route, target: Target, written: str,
                   mismatch: tuple[Place, Published, list[AppServer]]) -> Hit:
    place, entry, servers = mismatch
    listeners = [listener for server in servers for listener in server.listeners]
    inside = next((listener for listener in listeners if listener.address.family == "inet"
                   and listener.address.port == entry.container_port and listener.address.is_loopback), None)
    if inside is not None:
        why = (f"{inside.server.name} binds {inside.address} there, the container's own loopback, which the "
               f"forwarded connection does not reach: bind 0.0.0.0:{entry.container_port}")
    else:
        bound = ", ".join(str(listener.address) for listener in listeners[:3])
        why = f"{servers[0].name} binds {bound} there; publish that port, or bind port {entry.container_port}"
    nearest = inside or listeners[0]
    return Hit(target.at, f"{route.handler.name} sends to {written}, which {place.label or place.name} publishes from "
               f"its port {entry.container_port}, where no app server listens: nginx answers 502; {why}",
               tuple(Related(at, note) for at, note in ((entry.at, "published here"),
                                                         (nearest.at, f"{nearest.label}")) if at is not None))


_BINDS = ("bind", "socket", "http-socket", "http", "uwsgi-socket", "fastcgi-socket")
_SPEAKS = {"uwsgi_pass": ("uwsgi",), "proxy_pass": ("http",), "fastcgi_pass": ("fastcgi",), "scgi_pass": ("scgi",)}


def _retarget(index: _Listeners, route: Route, target: Target) -> Fix | None:
    """The target rewritten to the one listener that speaks the handler's protocol."""
    # Only whether exactly one listener speaks it matters: two of each list tell.
    candidates = [listener for protocol in _SPEAKS.get(route.handler.name, ())
                  for listener in index.speaking.get(protocol, ())[:2]]
    if len(candidates) != 1 or target.at.path.startswith("<"):
        return None
    address = candidates[0].address
    if address.family == "unix" and not could_reach(route, address, candidates[0].server.place):
        return None   # a path of another file system (a container's, from a host nginx)
    if address.family == "unix" and address.path.startswith("/"):
        where = f"unix:{address.path}"
    elif address.family == "inet" and address.port:
        host = "127.0.0.1" if address.is_wildcard else address.host
        where = f"[{host}]:{address.port}" if ":" in host else f"{host}:{address.port}"
    else:
        return None
    written = target.address.text
    scheme, found, rest = written.partition("://")
    if not found:
        new = where
    elif rest.startswith("unix:") or address.family == "unix" and "/" in rest:
        return None   # `http://unix:/p:/uri` is spelt differently: left to the author
    else:
        uri = rest[len(rest.split("/", 1)[0]):]
        new = f"{scheme}://{where}{uri}"
    return Fix(f"send to {where}", (Edit.replacement(target.at, new, written),), "unsafe")
