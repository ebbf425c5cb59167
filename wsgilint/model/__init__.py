"""The shared model: one Deployment built from every reader.

Readers turn files into plain, position-carrying data; the builders in this package
give that data meaning once (listeners, routes, who runs whom), and rules read only
what is here.
"""
# Over 400 lines on purpose: these are the types every rule imports (Deployment and the
# servers, listeners, routes, managers it links); the per-format views live in modules of
# their own and are re-exported here so that a rule imports only ``wsgilint.model``.
from __future__ import annotations

import functools
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from itertools import groupby
from typing import TYPE_CHECKING, Any

from ..core.commands import DEVELOPMENT_ONLY
from ..core.launchers import Launcher
from ..core.numbers import decimal
from ..core.option import Option
from ..core.record import dataclass, field
from ..core.sources import SourceFile
from ..core.span import Problem, Setting, Span
from ..readers.uwsgi_ini import UnreadConfig
from .address import Address, reaches
from .app_code import AssetUrl, RequestReaders
from .controlled import ControlledProgram, ScriptStart
from .graph import HOST, BrowserUrl, HostFolder, Launch, Place, Published, Reach, alternatives, connects
from .gunicorn_config import GunicornAnnotation, GunicornConfigFile, GunicornName
from .nginx_scope import NginxHttp, NginxLocation, NginxScope, NginxServer, NginxUpstream, listening_sockets
from .supervisor import (
    SupervisorComment,
    SupervisorConfig,
    SupervisorControlServer,
    SupervisorEnvironment,
    SupervisorExpansion,
    SupervisorProcess,
    SupervisorSection,
    SupervisorUnmatchedInclude,
    SupervisorValue,
)
from .suppressions import Suppression
from .systemd import ExecLine, SystemdUnit, UnitEntry, UnitSection
from .uwsgi_config import UwsgiComment, UwsgiConfig, UwsgiHeader, UwsgiIniValue, UwsgiInlineComment, UwsgiStrayPercent
from .uwsgi_options import uwsgi_bool

if TYPE_CHECKING:
    from ..readers.dockerfile import ExecLookalike
    from ..readers.python_server import ScriptServer
    from .compose_deps import ComposeDependency
    from .fronting import Fronting

__all__ = [
    "Address",
    "AppServer",
    "BrowserUrl",
    "ComposeDependency",
    "HOST",
    "Launch",
    "Launcher",
    "ControlledProgram",
    "ScriptStart",
    "Deployment",
    "ExecLine",
    "FileRewrite",
    "GunicornAnnotation",
    "GunicornConfigFile",
    "GunicornName",
    "Host",
    "HostFolder",
    "ImageGroup",
    "Listener",
    "NginxDirective",
    "NginxHttp",
    "NginxInstance",
    "NginxLocation",
    "NginxScope",
    "NginxServer",
    "NginxUpstream",
    "Option",
    "Place",
    "Problem",
    "ProcessManager",
    "Published",
    "Reach",
    "Route",
    "ServerBlock",
    "Setting",
    "SourceFile",
    "Span",
    "SupervisorComment",
    "SupervisorConfig",
    "SupervisorControlServer",
    "SupervisorEnvironment",
    "SupervisorExpansion",
    "SupervisorProcess",
    "SupervisorSection",
    "SupervisorUnmatchedInclude",
    "SupervisorValue",
    "Suppression",
    "SystemdUnit",
    "Target",
    "UnitEntry",
    "UnitSection",
    "UwsgiComment",
    "UwsgiConfig",
    "UwsgiHeader",
    "UwsgiIniValue",
    "UwsgiInlineComment",
    "UwsgiStrayPercent",
]


@dataclass(eq=False, slots=True)
class Listener:
    address: Address
    protocol: str          # uwsgi | http | https | fastcgi | scgi | raw
    option: str            # the setting that created it: socket, http-socket, http, bind, ...
    at: Span
    server: AppServer
    mode: Setting[int] | None = None     # unix sockets: permission bits of the socket file
    owner: Setting[str] | None = None
    group: Setting[str] | None = None
    # The systemd .socket unit that binds it and hands it over (socket activation): then the
    # server binds nothing itself, and owner, group and mode are the socket unit's.
    bound_by: str = ""
    # uWSGI: the `protocol` option that decides what this socket speaks (a `socket` has no
    # protocol of its own and takes uWSGI's default one), when one does.
    protocol_at: Span | None = None
    # A unix socket written relative (``socket = app.sock``, kept in ``address.text``): the start
    # directory its path was resolved against, and where that directory is decided.
    resolved_in: Setting[str] | None = None

    @property
    def label(self) -> str:
        """How findings name it: ``uWSGI http-socket 127.0.0.1:8001``."""
        program = {"uwsgi": "uWSGI", "gunicorn": "Gunicorn", "dev-server": "development server"}.get(
            self.server.kind, self.server.kind)
        if self.bound_by:
            return f"{program} {self.address} from {self.bound_by}"
        return f"{program} {self.option} {self.address}"

    @property
    def is_router(self) -> bool:
        """uWSGI's ``http=``/``https=`` start a separate router process in front of the workers."""
        return self.server.kind == "uwsgi" and self.option in ("http", "https", "http2")


@dataclass(eq=False, slots=True)
class AppServer:
    """One uWSGI or Gunicorn instance as it would run."""

    kind: str                          # uwsgi | gunicorn | dev-server (only in Deployment.dev_servers)
    name: str
    at: Span                           # where it is defined: its config file, or the command line
    options: list[Option] = field(default_factory=list)
    listeners: list[Listener] = field(default_factory=list)
    user: Setting[str] | None = None
    group: Setting[str] | None = None
    daemonizes: Setting[Any] | None = None
    sources: list[str] = field(default_factory=list)
    manager: ProcessManager | None = None
    start_directory: Setting[str] | None = None
    placeholders_used: set[str] = field(default_factory=set)   # uWSGI: names referenced as %(name) or set-placeholder
    uwsgi_config: UwsgiConfig | None = None    # uWSGI: its config files as the INI lexer read them
    place: Place = HOST                        # where it runs (model/graph.py)
    # uWSGI: the plugins its binary has without `plugins =` (Debian's uwsgi-core none,
    # uwsgi_python3 python3); None when unknown or a full build (pip's embeds Python).
    binary_plugins: Setting[tuple[str, ...]] | None = None
    # The image it runs in (or whose build copies its config) when that image's own files
    # and ENV may add options the checked files do not show: rules that miss an option
    # then say they assumed the image sets none (model/base_images.py).
    unseen_base: Setting[str] | None = None
    # Gunicorn: the app it loads as written (`shop.wsgi:application`): its command line's APP,
    # else `wsgi_app`; `name` may be the proc_name instead.
    app_spec: str = ""
    # A config nothing in the files starts stands alone (on the host), but a build copies or
    # mounts it into these containers: a Compose service name reaches it there if it runs. A
    # managed server's: the images nothing in the files runs that it is copied into.
    copied_into: tuple[Place, ...] = ()
    # Such a config that nginx reaches by the names of several of those containers: it runs
    # in one of them, which one the files do not say (a single one is its ``place``).
    places_unknown: tuple[Place, ...] = ()
    # Such a config run in the one container nginx reaches, whose start the files do not show
    # whole: that container's label, and the assumption (rules depending on it say so, as info).
    place_assumed: Setting[str] | None = None
    # Config files this start loads that the checked files do not hold, or that uWSGI cannot
    # load at all (it then exits at start); Gunicorn's: a `-c` file its container lacks.
    unread_configs: tuple[UnreadConfig, ...] = ()
    # The Compose service bind-mounts from the host the folder this server loads its app from,
    # and the server reloads on change: a development stack (model/dev_stacks.py). Value: the
    # mount's target; at: its `volumes:` entry; note: for messages.
    dev_stack: Setting[str] | None = None
    # In a container, where it loads the app from when no bind mount of the host's files
    # covers it: the code its image copied (or a volume filled from it), which only a new
    # container changes (model/dev_stacks.py). Value: that folder; note: for messages.
    code_from_image: Setting[str] | None = None
    # Started with `&` by a manager's wrapper shell before the line that shell runs on (`uwsgi
    # app.ini &` then `nginx`): nothing waits on its exit. That manager, and where the line is.
    started_in_background: Setting[ProcessManager] | None = None
    # The tree's file (shown path) that holds the module it loads its app from, found where it
    # starts: its start directory in its place's file system (a container's bind mount or COPY
    # of the tree's folder). "": not found that way (model/app_code.py then looks by name).
    app_module: str = ""

    @property
    def started_on_record(self) -> bool:
        """Something in the checked files starts it (a manager, the Emperor of a vassal, a
        wrapper's line in the background); a config nothing starts stands alone."""
        return self.manager is not None or self.started_in_background is not None

    @property
    def detaches(self) -> bool:
        """It daemonizes: uWSGI ``daemonize``/``daemonize2``, Gunicorn ``daemon``."""
        setting = self.daemonizes
        return setting is not None and setting.value not in (False, "", None, "0", "false", "off", "no")

    @property
    def development_only(self) -> bool:
        """A server made for development alone (Django's runserver, `flask run`), not one that
        also serves production (uvicorn, daphne, hypercorn; uWSGI, Gunicorn)."""
        return self.kind == "dev-server" and self.name in DEVELOPMENT_ONLY

    @property
    def static_mounts(self) -> list[Setting[str]]:
        """uWSGI: the URL prefixes ``static-map``/``static-map2`` (``/static=/srv/files``) answer
        with files of their own before the app sees the request (uwsgi's static.c compares the
        request's path with each mountpoint; a file that is not there falls through to the app)."""
        if self.kind != "uwsgi":
            return []
        return [Setting(mount, option.at) for option in self.all("static-map", "static-map2")
                if not option.unresolved and (mount := str(option.value).partition("=")[0].strip()).startswith("/")]

    @property
    def exits_at_start(self) -> bool:
        """uWSGI refuses a config file its start loads, and exits: it binds and runs nothing."""
        return any(config.exits for config in self.unread_configs)

    # Where each key last occurs in ``options``, for ``last`` and ``has`` (the rules ask them
    # some 80 000 times at 3000 apps). Options are only ever appended, so the list indexed and
    # its length tell when to index again.
    _last_at: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _indexed: tuple[list[Option] | None, int] = field(default=(None, 0), init=False, repr=False)

    def _last_positions(self) -> dict[str, int]:
        options = self.options
        indexed, done = self._indexed
        if indexed is options and done == len(options):
            return self._last_at
        if indexed is not options or done > len(options):
            self._last_at, done = {}, 0
        if done < len(options):
            positions = self._last_at
            for index in range(done, len(options)):
                positions[options[index].key] = index
            self._indexed = (options, len(options))
        return self._last_at

    def all(self, *keys: str) -> list[Option]:
        positions = self._last_positions()
        for key in keys:
            if key in positions:   # most keys asked for are set nowhere: no scan of the options
                return [o for o in self.options if o.key in keys]
        return []

    def last(self, *keys: str) -> Option | None:
        """The occurrence that wins for a scalar setting (any of its aliases)."""
        positions = self._last_positions()
        found = -1
        for key in keys:
            at = positions.get(key, -1)
            if at > found:
                found = at
        return self.options[found] if found >= 0 else None

    def has(self, *keys: str) -> bool:
        positions = self._last_positions()
        return any(key in positions for key in keys)

    def enabled(self, *keys: str) -> bool:
        """A boolean setting as this server reads it; False when nothing sets it.

        uWSGI takes every value as true but ``false``/``off``/``no``/``0`` (so
        ``master = false # x`` is true); Gunicorn's values are Python objects.
        """
        option = self.last(*keys)
        if option is None:
            return False
        if self.kind == "uwsgi":
            return uwsgi_bool(str(option.value))
        return bool(option.value)

    def gunicorn_worker_class(self) -> str | None:
        """The Gunicorn worker class written (sync, gthread, gevent, tornado, asgi, or the class's
        own name in lower case), sync where none is; None where code or the environment gives it."""
        option = self.last("worker_class")
        if option is None:
            return "sync"
        if option.unresolved or not isinstance(option.value, str):
            return None
        name = option.value.rsplit(".", 1)[-1].lower()
        if name.startswith("gevent"):
            return "gevent"
        return _GUNICORN_WORKERS.get(name, name)

    def gunicorn_worker(self) -> str | None:
        """The worker Gunicorn runs: the class written, except that the sync class with
        ``threads`` above 1 runs gthread (Gunicorn switches it, measured: it logs `Using worker:
        gthread`); None where the class, or with the sync class the thread count, comes from
        code or the environment (``threads = cpu_count() * 4``)."""
        written = self.gunicorn_worker_class()
        if written != "sync":
            return written
        threads = self.last("threads")
        if threads is None:
            return written
        count = threads.value if isinstance(threads.value, int) else \
            int(threads.value) if isinstance(threads.value, str) and threads.value.isdigit() else None
        if threads.unresolved or count is None:
            return None
        return "gthread" if count > 1 else written


# Gunicorn's worker classes by the last part of their name, lower case (gunicorn/workers/__init__.py).
_GUNICORN_WORKERS = {
    "sync": "sync", "syncworker": "sync", "gthread": "gthread", "threadworker": "gthread", "tornado": "tornado",
    "tornadoworker": "tornado", "asgi": "asgi", "asgiworker": "asgi",
}


@dataclass(frozen=True, slots=True)
class MissingCopySource:
    """A file a Compose build's COPY or ADD names that its build context does not hold, while
    the checked tree holds a file of that name elsewhere: the build stops there."""

    source: str                        # as written, variables expanded
    at: Span                           # the COPY or ADD
    context: str                       # the build context's display path
    namesakes: tuple[str, ...]         # display paths of the tree's files of that name
    service: Span                      # the Compose service that builds it


@dataclass(frozen=True, slots=True)
class MissingBuildTarget:
    """A Compose build's ``target`` that no stage of its Dockerfile is named: the build stops."""

    target: str                        # as written
    at: Span                           # the ``target:`` value
    dockerfile: str                    # the Dockerfile's display path
    stages: tuple[str, ...]            # the names its stages have (``FROM ... AS name``)
    service: Span                      # the Compose service that builds it


@dataclass(frozen=True, slots=True)
class ImagelessService:
    """A service of a Compose project that `docker compose` in its folder reads whole, with
    neither ``image`` nor ``build`` (nor ``extends``): Compose refuses the project."""

    service: str                       # its name
    at: Span                           # its key in the Compose file
    project: str                       # the project's files, as ``Place.started_with`` names them


@dataclass(frozen=True, slots=True)
class ImageGroup:
    """A group a RUN of an image creates or adds members to: its id where the command gives
    or implies one (busybox's `adduser -u 1000 app` makes group app with gid 1000), the users
    the build puts in it (`addgroup nginx app`, `usermod -aG app www-data`), and the first RUN
    that names it."""

    name: str
    gid: str | None
    members: frozenset[str]
    at: Span


@dataclass(frozen=True, slots=True)
class FileRewrite:
    """A file a start script edits or writes before the server starts (``sed -i``, ``envsubst
    < t > f``, ``tee``): what the checked copy says of it is not what is read."""

    path: str                          # as the start names it, absolute where it runs when known
    how: str                           # the command, for messages: "`sed -i` on /etc/nginx/nginx.conf"
    at: Span                           # the script line
    source: str = ""                   # the file it is rendered from (`envsubst < source > path`)

    def assumption(self) -> str:
        """What a finding on a target in the rewritten file assumes, as a clause to append."""
        return f"; {self.how} rewrites this file before nginx starts: assumed the rewrite leaves this target"


@dataclass(eq=False, slots=True)
class ProcessManager:
    """A Supervisor program, a systemd service or a container, and what it runs."""

    kind: str                          # supervisor | systemd | compose (a service) | docker (an image alone)
    name: str
    at: Span                           # the section header ([program:x], the unit file)
    place: Place = HOST                # where what it starts runs (model/graph.py)
    argv: Setting[list[str]] | None = None
    user: Setting[str] | None = None
    group: Setting[str] | None = None
    directory: Setting[str] | None = None
    # The folder a wrapper script (or a `sh -c` text) `cd`s into before it starts the server,
    # where its relative paths resolve: the server's start directory (``server_start``).
    server_directory: Setting[str] | None = None
    environment: dict[str, Setting[str]] = field(default_factory=dict)
    # What may set variables the files do not show (an env_file not in the tree, a base image
    # wsgilint does not know): a default read from the environment is then unknown.
    environment_unseen: Setting[str] | None = None
    # Variables the manager sets to a value the files do not show (systemd PassEnvironment=,
    # Supervisor's %(ENV_X)s, a Dockerfile ARG without a value, a Compose value interpolated
    # from the shell or a bare `- KEY`): name -> where and why.
    environment_unknown: dict[str, Setting[str]] = field(default_factory=dict)
    # The signal's name as the readers give it, upper case and without "SIG" (`TERM`, `QUIT`).
    stop_signal: Setting[str] = field(default_factory=lambda: Setting("TERM"))
    # A systemd ExecStop= command that sends the stop signal (`kill -INT $MAINPID`): where it is.
    stop_command: Setting[str] | None = None
    # A systemd ExecStop= that runs something other than a signal the files show (a script
    # with no kill or `uwsgi --stop` in it): the stop's first step is not known.
    stop_command_unseen: Setting[str] | None = None
    stop_timeout: Setting[float] | None = None
    kills_group: Setting[bool] | None = None
    service_type: Setting[str] | None = None       # systemd Type=
    private_tmp: Setting[bool] | None = None
    # What the started program reads as stdin, where the manager says: systemd StandardInput=
    # (null by default), a Compose service's stdin_open/tty (none: /dev/null). None: not known.
    stdin: Setting[str] | None = None
    runtime_directories: list[Setting[str]] = field(default_factory=list)
    # Directories a command run before the server at each start makes (`ExecStartPre=mkdir -p
    # /run/app`): they exist when it binds, whoever owns them.
    start_creates: tuple[Setting[str], ...] = ()
    removed_on_stop: tuple[str, ...] = ()     # directories the manager deletes when it stops the program
    runtime_directory_mode: Setting[int] | None = None    # systemd RuntimeDirectoryMode= (default 0755)
    dynamic_user: Setting[bool] | None = None             # systemd DynamicUser=
    limit_nofile: Setting[int] | None = None
    runs: AppServer | None = None
    # A development server (manage.py runserver, flask run, uvicorn...) the start runs where it
    # runs no uWSGI or Gunicorn: its command line, where it is written.
    dev_server: Setting[list[str]] | None = None
    # Where that development server listens when its script's code says so, not its command line
    # (`python server.py`, whose `app.run(host="0.0.0.0")` binds): the server read, at the call.
    dev_server_in_code: Setting[ScriptServer] | None = None
    launched_by: AppServer | None = None   # the server that is this manager: a uWSGI Emperor for its vassals
    # A program of a container's supervisord: the container's start that runs that supervisord
    # (a shell that keeps `docker stop`'s signal from it keeps it from every program).
    supervisord_start: ProcessManager | None = None
    runs_program: str = ""             # basename of what the command starts: uwsgi, gunicorn, nginx, ...
    # Servers of runtimes wsgilint does not read that its start script runs before the line of
    # its server (`bundle exec unicorn -D -p 8080`): each program, where.
    servers_beside: list[Setting[str]] = field(default_factory=list)
    # supervisord command lines its start script runs before the line of its server (it
    # daemonizes, and the script goes on): each argv, where.
    supervisords_before: tuple[Setting[list[str]], ...] = ()
    # A container's start executes a tree file directly (`./start.sh`) that has no execute bit
    # there and that its build does not chmod: exec refuses it. Value: the file; note: how it
    # gets there. Only where the command names a path.
    start_not_executable: Setting[str] | None = None
    # A container's start runs uWSGI or Gunicorn, which its image is known not to hold
    # (model/image_installs.py): the program is not found and the container does not start.
    # Value: the program (uwsgi, gunicorn); at: the image's FROM line; note: why.
    program_missing: Setting[str] | None = None
    # The scripts (local paths) a start runs on its way to its server: an entrypoint that execs
    # its arguments, the wrapper whose line starts the server.
    start_scripts: tuple[str, ...] = ()
    wrapper: Span | None = None        # the shell line that starts the server, when a wrapper is used
    # A `sh -c` (a shell-form CMD, `command: sh -c ...`) that runs the wrapper script without
    # `exec` and stays in front of it, where it is written; value: the script's own line execs.
    wrapper_outer: Setting[bool] | None = None
    wrapper_execs: bool | None = None  # that line replaces the shell (exec), so signals reach the server
    # The shell that runs a `-c` wrapper text (bash, dash, busybox; "" when the image's /bin/sh is
    # not known, and then wrapper_execs is None for a last command such a shell may exec), its note why.
    wrapper_shell: Setting[str] | None = None
    # What the wrapper shell runs after the server line, and the first of those commands that
    # never returns (`tail -f /dev/null`): it keeps the shell, the process the manager
    # watches, alive when the server daemonizes.
    wrapper_after: tuple[tuple[str, ...], ...] = ()   # each command's words
    wrapper_held_by: str = ""
    wrapper_background: bool = False   # the line starts the server with `&`: the shell does not wait on it
    wrapper_others: bool = False   # the shell runs commands besides the server's (`migrate && gunicorn`)
    # uWSGI or Gunicorn command lines the wrapper starts with `&` before the line it waits on
    # (`uwsgi app.ini &` then `nginx`), where each is written: they run in the same place.
    background_starts: tuple[Setting[list[str]], ...] = ()
    # Those it runs in the foreground before that line (`gunicorn -D ...` then `exec nginx`): each
    # runs beside it only where it daemonizes, since the shell goes on once it returns.
    daemon_starts: tuple[Setting[list[str]], ...] = ()
    # A development server the same wrapper starts besides its uWSGI or Gunicorn (daphne for the
    # websockets after `uwsgi app.ini`), where it is written: it listens in the same place.
    also_serves: tuple[Setting[list[str]], ...] = ()
    # Daemons the wrapper starts through their init script (``service nginx restart``), each
    # where it is written: they run in the same place.
    services_started: tuple[Setting[str], ...] = ()
    # The first command the wrapper runs in the background whose text is not read here
    # (``/bin/sh start.sh &``), where it is written: what it starts, beside the server, is not known.
    hands_off: Setting[str] | None = None
    # The signals the wrapper shell traps (its own handler runs on them), where the first trap is.
    wrapper_traps: Setting[tuple[str, ...]] | None = None
    options: Mapping[str, Setting[Any]] = field(default_factory=dict)   # every key as read, for format rules
    # Files of its image that the checked files do not hold (target path -> packaged copy):
    # a base image's stock /etc/uwsgi/uwsgi.ini.
    stock_files: dict[str, str] = field(default_factory=dict)
    # The program stays in the foreground for a reason outside the checked files (the nginx.conf
    # a base image's entrypoint writes says `daemon off;`).
    stays_foreground: Setting[bool] | None = None
    # When the program ends, its container stops (an image's supervisord that quits when any of
    # its programs ends: tiangolo/uwsgi-nginx); None: not known to.
    ends_container: Setting[bool] | None = None
    # The command runners and user switchers the server is started through (``uv run``,
    # ``gosu app``), outermost first; the user one switches to is in ``user``.
    launchers: tuple[Launcher, ...] = ()
    # The tools the command runs its wrapper script through (``dockerize ... ./start.sh``),
    # outermost first: one that stays is PID 1 of a container, in the shell's place.
    wrapper_launchers: tuple[Launcher, ...] = ()
    # Files its start script writes before the server line (model/rewrites.py maps them).
    rewrites: tuple[FileRewrite, ...] = ()
    # nginx started with `-c PATH` where PATH is not a checked file, or one a start writes:
    # what that configuration says is not known. The path, where it is named, and why.
    unseen_config: Setting[str] | None = None
    # A container's: the accounts its image's build adds (``RUN useradd NAME``), each where.
    accounts_added: tuple[Setting[str], ...] = ()
    # A container's: the groups its image's build creates or adds members to, by name.
    image_groups: dict[str, ImageGroup] = field(default_factory=dict)
    # An image nothing in the files runs, built for a platform that starts it as an arbitrary
    # non-root uid in group 0 (OpenShift's recipe: `chgrp -R 0 DIR && chmod -R g=u DIR`): the
    # RUN that says so. Where the files do not show the runtime, its uid is not assumed to be root.
    arbitrary_uid: Setting[str] | None = None
    # A Compose service that runs as the uid of whoever starts it (Podman's `userns_mode:
    # keep-id`, which Docker refuses): without `user:` its processes are not root.
    keeps_caller_uid: Setting[str] | None = None
    # The file the manager appends the program's stderr to, an absolute path as its files
    # name it (Supervisor's stderr_logfile, systemd's StandardError=file:); None for a log
    # it names at start (Supervisor's AUTO), the journal, syslog or nothing.
    stderr_file: Setting[str] | None = None
    # A container's start that a base image wsgilint does not know may wrap: the image sets a
    # CMD and no ENTRYPOINT, so the base's ENTRYPOINT, which the files do not show, runs it.
    # What is PID 1, and where `docker stop`'s signal goes, are then not known. A manager the
    # container starts (its supervisord's programs) has its container's.
    start_unseen: Setting[str] | None = None

    def setting_name(self, fact: str) -> str:
        """How this manager's files spell a setting: ``stop_signal``, ``stop_timeout``, ``user``."""
        if fact == "stop_signal" and self.stop_command is not None:
            return "the signal of ExecStop="
        return _MANAGER_SETTINGS[fact].get(self.kind, fact)

    @property
    def server_start(self) -> Setting[str] | None:
        """The directory the server it runs starts in, where known."""
        return self.server_directory or self.directory

    @property
    def in_container(self) -> bool:
        """The container runtime starts it (``docker stop`` signals PID 1 only)."""
        return self.kind in ("compose", "docker")

    @property
    def outermost(self) -> ProcessManager:
        """The manager whose stop decides this one's: itself, or for a uWSGI Emperor's vassal
        the manager that starts the Emperor (a container's start, a Supervisor program)."""
        manager = self
        for _ in range(_MAX_LAUNCH_DEPTH):
            emperor = manager.launched_by
            if emperor is None or emperor.manager is None or emperor.manager is manager:
                break
            manager = emperor.manager
        return manager

    @property
    def shell_takes_signal(self) -> bool:
        """A shell wrapper that does not ``exec`` the server gets the stop signal in its place,
        unless the manager signals the whole group (Supervisor's stopasgroup/killasgroup,
        systemd's control group)."""
        return self.wrapper is not None and self.wrapper_execs is False and not (
            self.kills_group is not None and self.kills_group.value)

    @property
    def shell_may_take_signal(self) -> bool:
        """As ``shell_takes_signal``, for a `sh -c` whose /bin/sh the files do not show: whether
        it execs the server (busybox ash, bash) or stays its parent (Debian's dash) is unknown."""
        return self.wrapper is not None and self.wrapper_execs is None and not (
            self.kills_group is not None and self.kills_group.value)

    @property
    def launcher_takes_signal(self) -> Launcher | None:
        """A runner that stays the server's parent and does not pass the stop signal on
        (``hatch run``; ``pdm run`` and ``runuser`` with SIGINT or SIGQUIT, measured): the
        signal stops at it, unless the manager signals the whole group."""
        if self.kills_group is not None and self.kills_group.value:
            return None
        return next((launcher for launcher in self.launchers
                     if launcher.stays and self.stop_signal.value not in launcher.forwards), None)

    @property
    def daemon_ends_container(self) -> bool:
        """A container's start runs a server that daemonizes, and nothing the start runs after
        it holds the main process (no wrapper shell, one that execs it, or one with nothing
        after it): the main process exits once the daemon has forked, and the container stops
        with the daemon in it (X107)."""
        return self.in_container and self.runs is not None and self.runs.detaches and not (
            self.wrapper is not None and self.wrapper_execs is False and self.wrapper_after)

    @property
    def signals_server(self) -> bool:
        """Whether the stop signal reaches the server it runs. A server that daemonizes leaves
        the process the manager started for a session of its own (uWSGI's daemonize calls
        setsid(): measured with 2.0.31, a SIGTERM to the starting shell's process group
        leaves it running); only systemd's control group still holds it."""
        if self.shell_takes_signal or self.shell_may_take_signal or self.launcher_takes_signal is not None:
            return False
        if self.runs is not None and self.runs.detaches and self.kind != "uwsgi-emperor":
            return self.kind == "systemd" and self.kills_group is not None and bool(self.kills_group.value)
        return True


# Emperors of Emperors (a vassal that is itself an Emperor) as deep as followed.
_MAX_LAUNCH_DEPTH = 8

_MANAGER_SETTINGS = {
    "stop_signal": {"supervisor": "stopsignal", "systemd": "KillSignal", "compose": "stop_signal",
                    "docker": "STOPSIGNAL"},
    "stop_timeout": {"supervisor": "stopwaitsecs", "systemd": "TimeoutStopSec", "compose": "stop_grace_period",
                     "docker": "docker stop --time"},
    "user": {"supervisor": "user=", "systemd": "User=", "compose": "user:", "docker": "USER"},
}


@dataclass(frozen=True, slots=True)
class NginxDirective:
    """One directive as nginx reads it. ``at`` spans the name to the end of its last
    argument on that line; it is built when asked from the name's span (kept, not a
    copy, from the reader) and that end column, which saves a Span per directive. So is
    the first argument's span when it is on the name's line (nearly always): its columns."""

    name: str
    args: tuple[str, ...]
    name_at: Span                      # the name alone, as written
    end_column: int = 0                # where ``at`` ends
    value_column: int = 0              # the first argument on the name's line: its columns
    value_end: int = 0
    value_elsewhere: Span | None = None   # the first argument, when not on the name's line

    @property
    def value_span(self) -> Span | None:
        """The first argument, as written."""
        if self.value_column:
            name_at = self.name_at
            return Span(name_at.path, name_at.line, self.value_column, self.value_end)
        return self.value_elsewhere

    @property
    def at(self) -> Span:
        name_at = self.name_at
        if self.end_column == name_at.end_column:
            return name_at
        return Span(name_at.path, name_at.line, name_at.column, self.end_column)

    @property
    def value_at(self) -> Span:
        """The first argument, or the name when there is none."""
        return self.value_span or self.name_at

    @property
    def stock(self) -> bool:
        """Read from the packaged copy of a stock file (``<stock>/uwsgi_params``, the reader's
        STOCK_PREFIX) that an include stands for: not the user's text."""
        return self.name_at.path.startswith("<stock>/")


@dataclass(frozen=True, slots=True)
class Target:
    """One address a route sends to (an upstream block contributes one per ``server``)."""

    address: Address
    at: Span
    # An upstream `server ... resolve`: nginx looks the name up while it runs, not only at start.
    resolved_later: bool = False


# A route's server is the server scope of the nginx model: listens, server_names, locations.
ServerBlock = NginxServer


# Files nginx serves as they are (no script a server runs: not php, py, cgi).
_STATIC_EXTENSIONS = frozenset((
    "jpg", "jpeg", "png", "gif", "ico", "svg", "webp", "avif", "bmp", "tif", "tiff", "css", "js", "map", "woff",
    "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "ogg", "wav", "flac", "txt", "pdf", "zip", "gz"))


@functools.cache
def _static_extensions() -> re.Pattern[str]:
    # `\.(jpg|jpeg|png)$`, `\.(?:css|js)$`, `\.css$`: an extension, or a list of them, at the end;
    # also after `.*` or `^.*`, and followed by `(.*)` or `.*` (`.*\.(gif|css|js)(.*)`).
    return re.compile(r"(?:\^?\.\*)?\\\.(?:\((?:\?:)?(?P<list>[A-Za-z0-9]+(?:\|[A-Za-z0-9]+)*)\)|(?P<one>[A-Za-z0-9]+))"
                      r"(?:\(\.\*\)|\.\*)?\$?")


@dataclass(eq=False, slots=True)
class Route:
    """A location that hands requests to an upstream."""

    handler: NginxDirective            # uwsgi_pass / proxy_pass / fastcgi_pass / grpc_pass / scgi_pass
    protocol: str                      # uwsgi | http | https | fastcgi | grpc | scgi
    location: str
    location_at: Span
    server: ServerBlock | None
    targets: list[Target] = field(default_factory=list)
    upstream: str = ""                 # the upstream block name, when the target is one
    in_if: bool = False
    place: Place = HOST                # where its nginx runs (model/graph.py)
    directives: dict[str, tuple[NginxDirective, ...]] = field(default_factory=dict)  # in effect, after inheritance
    # Includes in its location or a level around it whose file nginx cannot open (E003): what
    # they were meant to set is unknown, and nginx does not start until they are fixed.
    unread_includes: tuple[NginxDirective, ...] = ()
    # Includes in its location (not the server or http level) whose file may be on the target
    # host but is not among the checked files (an absolute path outside the tree, a proxy
    # snippet): what they set is not known.
    unseen_includes: tuple[NginxDirective, ...] = ()
    # A start script rewrites the file of its pass or of its upstream's servers before nginx
    # reads it (model/rewrites.py): the targets read may not be those nginx uses.
    rewritten: FileRewrite | None = None

    def effective(self, name: str) -> tuple[NginxDirective, ...]:
        return self.directives.get(name, ())

    @property
    def buffers_bodies(self) -> bool:
        """Whether nginx reads each request body whole before it passes the request on: its
        module's `*_request_buffering`, on unless set off (gRPC has none: it streams)."""
        module = self.handler.name.partition("_")[0]
        if module not in ("uwsgi", "proxy", "fastcgi", "scgi"):
            return False
        setting = self.effective(f"{module}_request_buffering")
        return not setting or setting[-1].args[:1] != ("off",)

    @property
    def files_folder(self) -> bool:
        """Its location's path is one segment named for files (`/uploads/`, `/assets/`): what
        answers there serves a file, or a 404, and reads nothing of the client's request. A
        nested path (`/api/uploads/`) is the app's own route, and `/static/` and `/media/` are
        what the app's settings say they are."""
        segment = self._last_segment()
        return segment in _FILES_SEGMENTS and self.location.split()[-1].strip("/") == segment

    @property
    def probe(self) -> bool:
        """Its location's path names a health probe (`/health`, `= /api/healthz/`): what answers
        there is a load balancer's or orchestrator's check, which returns at once and reads
        nothing of the client's request."""
        return self._last_segment() in _PROBE_SEGMENTS

    def _last_segment(self) -> str:
        """The last segment of a prefix or exact location's path, lowercase; "" for a regular
        expression or a named location."""
        words = self.location.split()
        if len(words) == 2 and words[0] in ("=", "^~"):
            words = words[1:]
        if len(words) != 1 or not words[0].startswith("/"):
            return ""
        return words[0].strip("/").rsplit("/", 1)[-1].lower()


    @property
    def static_files(self) -> bool:
        """Its location is a regex for file extensions only (`~* \\.(jpg|css|js)$`): what answers
        there is a file, or a 404, at once."""
        words = self.location.split()
        found = _static_extensions().fullmatch(words[1]) if len(words) == 2 and words[0] in ("~", "~*") else None
        if found is None or not (words[1].endswith("$") or words[1].endswith("*)") or words[1].endswith(".*")):
            return False
        extensions = (found.group("list") or found.group("one")).split("|")
        return all(extension.lower() in _STATIC_EXTENSIONS for extension in extensions)

    @property
    def terminates_tls(self) -> bool:
        """Its nginx serves TLS itself in the route's server: a `listen ... ssl` (or `quic`), or
        `ssl on` in effect. A bare `listen 443` serves plain HTTP ($scheme is http, $https empty)."""
        if self.server is None:
            return False
        return any(map(_serves_tls, self.server.listens)) or self._ssl_on

    @property
    def only_tls(self) -> bool:
        """Every request of the route's server arrives over TLS: each of its `listen` lines is
        `ssl` (or `quic`), or `ssl on` is in effect. There $scheme is always https."""
        if self.server is None:
            return False
        listens = self.server.listens
        return bool(listens) and all(map(_serves_tls, listens)) or self._ssl_on

    @property
    def _ssl_on(self) -> bool:
        ssl = self.effective("ssl")
        return bool(ssl and ssl[-1].args[:1] == ("on",))


def _serves_tls(listen: NginxDirective) -> bool:
    """A `listen` line that takes TLS: `ssl`, or `quic` (HTTP/3)."""
    return "ssl" in listen.args[1:] or "quic" in listen.args[1:]


# The one path segment of a location named for the files it serves.
_FILES_SEGMENTS = frozenset({"uploads", "assets"})
# The last path segment of a location that answers load balancers' and orchestrators' probes.
_PROBE_SEGMENTS = frozenset({"health", "healthz", "healthcheck", "health-check", "health_check", "ping",
                             "ready", "readyz", "livez", "liveness", "readiness"})


@dataclass(eq=False, slots=True)
class NginxInstance:
    """One nginx configuration: a main nginx.conf with its includes, or a standalone fragment."""

    main: Span                         # nginx.conf, or the fragment itself
    standalone: bool
    user: Setting[str]
    worker_connections: Setting[int]
    worker_rlimit_nofile: Setting[int] | None
    daemon: Setting[bool]
    routes: list[Route] = field(default_factory=list)
    place: Place = HOST                # where it runs (model/graph.py); its routes carry the same
    directives: list[NginxDirective] = field(default_factory=list)   # every directive read, in file order
    files: list[str] = field(default_factory=list)
    listen_count: int = 0
    http: list[NginxHttp] = field(default_factory=list)    # the scope tree: http -> server -> location
    upstreams: dict[str, NginxUpstream] = field(default_factory=dict)
    server_listens: list[NginxDirective] = field(default_factory=list)   # of every server block: http, stream, mail
    # Names nginx does not know where it reads directives (not inside map/types... values,
    # nor inside a block it does not know), in the user's files.
    unknown_directives: list[NginxDirective] = field(default_factory=list)
    # ``access_log`` and ``error_log`` lines where nginx reads directives, in the user's files.
    log_directives: list[NginxDirective] = field(default_factory=list)
    # Files read only on a guess of where an include leads (display path -> the note naming
    # it): what is found in them is reported as that assumption.
    assumed: dict[str, str] = field(default_factory=dict)
    # A main nginx.conf with an `http` block and no `events` block, and no include at its top
    # level that the files do not show: where the `http` block is (nginx refuses to start).
    events_missing: Span | None = None
    # What the nginx package of the image it runs in puts in /etc/nginx (relative paths, the
    # official image: no proxy_params); None where that is not known (a host, another image).
    stock_files: frozenset[str] | None = None
    # Folders of its container above an alias that hold nothing but volume mount points (folder ->
    # (why, those mount points)): a stock image has nothing there and no COPY puts anything else.
    mount_only_parents: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # The group `user USER GROUP;` gives the workers; None where only the user is named (nginx
    # then takes the group of that name).
    group: Setting[str] | None = None
    # A fragment read at http level: its first top-level directive that nginx refuses in the
    # main context (`upstream`, `server`), where nginx stops if it reads the file as nginx.conf.
    refused_in_main: Setting[str] | None = None
    # A container this config is copied into (below /etc/nginx) whose start the files do not
    # show, where no start the files show runs it: that container may run nginx on it beside
    # what else its start runs. Value: the container's label; at: where it is defined.
    start_unseen: Setting[str] | None = None

    @property
    def servers(self) -> list[NginxServer]:
        return [server for http in self.http for server in http.servers]

    @property
    def locations(self) -> Iterator[NginxLocation]:
        """Every ``location`` of every server nginx may pick, nested ones included (no ``if``
        blocks); a server block nginx never picks (``passed_over``) answers nothing."""
        for server in self.servers:
            if server.passed_over is None:
                yield from server.all_locations()

    def listening_sockets(self) -> dict[tuple[str, ...], NginxDirective | None]:
        """The sockets nginx opens, each with the first listen asking for it (computed when
        asked: one rule needs it, for main configs only)."""
        return listening_sockets(self.server_listens, self.servers)


# Rules ask a version per app server and manager (3 000 times at 3000 apps) of a text that
# is the same for the whole check: the answer depends on the text alone.
@functools.lru_cache(maxsize=64)
def _version_numbers(text: str) -> tuple[int, ...]:
    # The runs of decimal digits, as ``re.findall(r"\d+")`` finds them (``\d`` is
    # ``str.isdecimal``), without compiling a pattern at every start.
    runs = ["".join(run) for digits, run in groupby(text, str.isdecimal) if digits]
    return tuple(decimal(part) or 0 for part in runs[:3])


@dataclass(eq=False, slots=True)
class Host:
    """Facts about the machine the files will run on."""

    mode: str                          # live (this machine) | snapshot (a copy of /) | repository
    somaxconn: Setting[int]
    users: dict[str, tuple[int, int]] = field(default_factory=dict)      # name -> (uid, gid), when known
    groups: dict[str, set[str]] = field(default_factory=dict)            # group -> member names
    nofile_limits: list[Setting[str]] = field(default_factory=list)      # limits.conf nofile lines
    boot_directories: list[Setting[str]] = field(default_factory=list)   # tmpfiles.d d/D lines: created at boot
    versions: dict[str, Setting[str]] = field(default_factory=dict)      # uwsgi, gunicorn, supervisor, nginx
    # Programs whose version above is only the default stand-in: no option, settings file,
    # package database or image tag names it, so a rule true only for some versions informs.
    assumed_versions: set[str] = field(default_factory=set)
    # The version an image tag names for a program that runs in the tree's containers
    # (``FROM nginx:1.27.3``), where the host's own is only assumed: it speaks for those
    # containers, not for the host.
    container_versions: dict[str, Setting[str]] = field(default_factory=dict)
    # Programs whose container version names a release line only (the image tag ``nginx:1.25``,
    # which pulls the newest 1.25 release): compared as the newest release of that line.
    newest_of_line: set[str] = field(default_factory=set)
    # A snapshot of the whole host, not only the folders of its /etc a repository installs
    # (``ReadContext.whole_host``): what its files do not start, nothing starts.
    whole_host: bool = True

    @property
    def partial(self) -> bool:
        """The files do not show the whole host: a repository, or the /etc folders one
        installs. What they do not start may be started by hand or by files not here."""
        return self.mode == "repository" or not self.whole_host

    def version(self, program: str, in_container: bool = False) -> tuple[int, ...]:
        """The program's version as numbers, for comparisons: ``(2, 0, 31)``; ``in_container``:
        the version its containers run, where an image tag names one."""
        if in_container and program in self.container_versions:
            numbers = _version_numbers(self.container_versions[program].value)
            return (*numbers, sys.maxsize) if program in self.newest_of_line and len(numbers) == 2 else numbers
        return _version_numbers(self.versions[program].value)

    def runs_before(self, program: str, version: str) -> bool:
        """Whether the program's version is older than ``version`` (``"23.0.0"``)."""
        return self.version(program) < _version_numbers(version)

    def directory_owner(self, path: str) -> tuple[int, int, int] | None:
        """(uid, gid, mode) of a directory on this machine; None unless checking it live."""
        if self.mode != "live":
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        return info.st_uid, info.st_gid, info.st_mode


@dataclass(eq=False)
class Deployment:
    files: list[SourceFile]
    host: Host
    nginx: list[NginxInstance] = field(default_factory=list)
    app_servers: list[AppServer] = field(default_factory=list)
    managers: list[ProcessManager] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    # What every uWSGI start read, also of a config that another one includes (its server folds into that one).
    uwsgi_configs: list[UwsgiConfig] = field(default_factory=list)
    supervisor: list[SupervisorConfig] = field(default_factory=list)   # each supervisord configuration
    gunicorn_configs: list[GunicornConfigFile] = field(default_factory=list)   # each config file once
    systemd_units: list[SystemdUnit] = field(default_factory=list)
    # Development servers a start runs (kind "dev-server"): HTTP listeners a route may reach,
    # kept apart from app_servers, whose rules read uWSGI's and Gunicorn's settings.
    dev_servers: list[AppServer] = field(default_factory=list)
    # Configs that nothing in the files runs, where they show every start (the container runs
    # something else): no app server, kept apart with why, for the rules that name them.
    unrun_servers: list[tuple[AppServer, str]] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)    # the places besides HOST: containers (model/containers.py)
    # Host folders that Compose bind-mounts into containers, by store (``bind:<local>``): where
    # a container's socket below one is on the host (model/containers.py).
    host_folders: dict[str, HostFolder] = field(default_factory=dict)
    # Programs scripts start by name (supervisorctl start x) that no checked config defines (model/controlled.py).
    unseen_programs: list[ControlledProgram] = field(default_factory=list)
    # Gunicorn or uWSGI started directly by a line of a script no manager of the files runs (model/controlled.py).
    script_starts: list[ScriptStart] = field(default_factory=list)
    # Where the app's Python code takes the scheme from X-Forwarded-Proto itself (Django's
    # SECURE_PROXY_SSL_HEADER, ProxyFix...): read only where nginx has routes.
    app_reads_forwarded_scheme: list[Setting[str]] = field(default_factory=list)
    # The request headers the app's SECURE_PROXY_SSL_HEADER names (`X-Forwarded-Protocol`), where set.
    app_scheme_headers: list[Setting[str]] = field(default_factory=list)
    # Django's STATIC_URL / MEDIA_URL as the tree's settings write them: read only with nginx routes.
    app_asset_urls: list[AssetUrl] = field(default_factory=list)
    # Whether the app's code is in the tree, and where it reads the request's host and client
    # address: read only with nginx routes (None without them).
    app_request_readers: RequestReaders | None = None
    # The environment the app's code gives itself by default (os.environ.setdefault), by name.
    app_env_defaults: dict[str, list[Setting[str]]] = field(default_factory=dict)
    compose_dependencies: list[ComposeDependency] = field(default_factory=list)   # every `depends_on` entry
    # Containers that publish ports and run nginx alone, whose files show all its configuration
    # (model/compose_ports.py): what listens there is exactly that nginx's listens.
    listeners_shown: dict[Place, NginxInstance] = field(default_factory=dict)
    # The nginx files (as shown) of containers whose nginx's version the files do not name, each
    # with why: the distribution's package their build installs (value "apt", the step), whose
    # version is the base image's release, or an image that is not nginx's own (value "image",
    # its FROM). Not the current stable release assumed elsewhere.
    packaged_nginx: dict[str, Setting[str]] = field(default_factory=dict)
    # Dockerfile arguments written like the exec form that are not JSON (``CMD ['/x.sh']``):
    # BuildKit runs them as the shell form. Each once, however many builds read its file.
    exec_lookalikes: list[ExecLookalike] = field(default_factory=list)
    # A CMD or ENTRYPOINT of an image a script builds that another Dockerfile of the tree builds
    # FROM and replaces (its own ENTRYPOINT, or CMD for a CMD): where it is -> the replacing line.
    replaced_starts: dict[Span, Span] = field(default_factory=dict)
    # COPY/ADD sources a Compose build's context lacks, named by a file elsewhere in the tree.
    copy_sources_missing: list[MissingCopySource] = field(default_factory=list)
    build_targets_missing: list[MissingBuildTarget] = field(default_factory=list)
    imageless_services: list[ImagelessService] = field(default_factory=list)
    # An ECS task definition of the tree (Terraform, CloudFormation or JSON) whose containers
    # share one network namespace (`awsvpc`): where the images also run as Compose services,
    # which of the two runs in production is not in the files.
    shared_loopback_task: Setting[str] | None = None
    # Files (shown path) of containers that never start because a build stops (C105, C106): a
    # Dockerfile every Compose service building it fails to build, and what only the services
    # of a Compose project with such a build read. Why, and the lines where a build stops.
    unstarted_files: dict[str, tuple[str, tuple[int, ...]]] = field(default_factory=dict)
    # Lines (shown path -> line -> why, and the code of the rule that reports the cause) of a
    # Compose service that never starts, in a Compose file other services that do start share.
    unstarted_lines: dict[str, dict[int, tuple[str, str]]] = field(default_factory=dict)
    # Where a start executes a file without an execute bit, how far the tree's modes can be
    # trusted: ``modes_unshown`` says why they may have been lost on the way here (no file has an
    # execute bit and nothing shows a checkout: a copy or an archive); ``modes_all_plain`` why a
    # checkout without any executable file may run elsewhere (committed from Windows, where
    # Docker Desktop shows every file executable). Both "" where some file has an execute bit
    # (or on a host): the modes are as installed.
    modes_unshown: str = ""
    modes_all_plain: str = ""
    # Tree files an image's build edits in place after copying them in (`RUN sed -i ...`), by
    # shown path: how, and the RUN. The program in that image reads the edited text.
    build_rewrites: dict[str, Setting[str]] = field(default_factory=dict)

    @cached_property
    def _listener_index(self) -> tuple[dict[str, list[Listener]], dict[int, list[Listener]]]:
        by_path: dict[str, list[Listener]] = defaultdict(list)
        by_port: dict[int, list[Listener]] = defaultdict(list)
        for server in [*self.app_servers, *self.dev_servers]:
            for listener in server.listeners:
                if listener.address.family == "unix":
                    by_path[listener.address.path].append(listener)
                elif listener.address.family == "inet":
                    by_port[listener.address.port].append(listener)
        return by_path, by_port

    # Built once, when a rule first asks (the model is complete by then): rules used to
    # rebuild them per call, per route in X101, which made a fleet's check quadratic.
    @cached_property
    def listeners(self) -> list[Listener]:
        return [listener for server in self.app_servers for listener in server.listeners]

    @cached_property
    def bound_ports(self) -> frozenset[int]:
        """The TCP ports some app server of the tree binds, in any place."""
        return frozenset(listener.address.port for listener in self.listeners if listener.address.family == "inet")

    @cached_property
    def fronting(self) -> Fronting:
        """Which routes reach the tree's apps, and which server blocks front another app."""
        from .fronting import Fronting
        return Fronting(self)

    @cached_property
    def assumed_files(self) -> dict[str, str]:
        """Files read only on a guess of where an nginx include leads (display path -> the
        note naming the guess); a file some configuration surely reads is not one."""
        certain = {path for instance in self.nginx for path in instance.files if path not in instance.assumed}
        return {path: note for instance in self.nginx for path, note in instance.assumed.items()
                if path not in certain}

    # While the rules run (``settled``): the answers of ``reached``, by route and target, kept
    # with them so that their ids stay theirs.
    _reached: dict[tuple[int, int], tuple[Route, Target, tuple[Listener, ...]]] | None = field(
        default=None, init=False, repr=False)

    @contextmanager
    def settled(self) -> Iterator[None]:
        """The model does not change in this block (the rules run): a dozen rules ask
        ``reached`` about every route, and each answer is worked out once. A block inside
        another (the ``--jobs`` child runs its rules one at a time) keeps the outer one's."""
        if self._reached is not None:
            yield
            return
        self._reached = {}
        try:
            yield
        finally:
            self._reached = None

    def started_nowhere(self, server: AppServer) -> bool:
        """In a repository (or the folders of a host's /etc one installs), nothing in the checked
        files starts this server (no Supervisor program, systemd unit, Emperor, container command
        or start script runs it): whether and how it runs, and what watches it, the files do not
        show."""
        return self.host.partial and server.manager is None

    def reached(self, route: Route, target: Target) -> list[Listener]:
        """The listeners a connection from ``route``'s nginx to ``target`` arrives at, across
        places (a container's loopback is its own)."""
        if self._reached is None:
            return self._arrives(route, target)
        key = (id(route), id(target))
        known = self._reached.get(key)
        if known is None:
            known = self._reached[key] = (route, target, tuple(self._arrives(route, target)))
        return list(known[2])

    def _arrives(self, route: Route, target: Target) -> list[Listener]:
        address = target.address
        if not self.places:
            return [listener for listener in self.listeners_at(address) if connects(route.place, target, listener)]
        if address.family == "unix":   # a socket under a shared volume may have another path in each place
            key = route.place.locate(address.path)
            return [listener for listener in self.listeners if listener.address.family == "unix"
                    and listener.server.place.locate(listener.address.path) == key]
        if address.family != "inet":
            return []
        by_port = self._listener_index[1]
        named = self.target_places(route, target)
        if named:   # a service name: the listeners of that container that are not on its own loopback
            return [listener for listener in by_port.get(address.port, ())
                    if (listener.server.place in named or any(p in named for p in listener.server.copied_into))
                    and not listener.address.is_loopback]
        found = [listener for listener in self.listeners_at(address) if connects(route.place, target, listener)]
        # The pattern is compiled when first used (re caches it): most trees have no container.
        if route.place.kind == "container" and address.host and not re.fullmatch(r"[0-9.]+|.*:.*", address.host) \
                and not address.is_loopback:
            # A name nothing on its networks answers to: Docker's DNS asks outside, not another
            # container; and a one-word name that nothing in the files gives the container
            # (extra_hosts, an external network...) reaches no server of the files at all.
            one_word = "." not in address.host and address.host not in route.place.extra_names \
                and not route.place.names_open
            found = [] if one_word else [listener for listener in found if listener.server.place.kind != "container"]
        # A port the host forwards into a container (Compose ``ports:``): it arrives at what
        # the container binds on its own network, not on its loopback.
        found += [listener for place, entry in self.published_at(route, target)
                  for listener in by_port.get(entry.container_port, ())
                  if listener.server.place == place and not listener.address.is_loopback]
        return found

    @cached_property
    def _published_index(self) -> dict[int, list[tuple[Place, Published]]]:
        by_port: dict[int, list[tuple[Place, Published]]] = defaultdict(list)
        for place in self.places:
            for entry in place.published:
                if entry.host_port:
                    by_port[entry.host_port].append((place, entry))
        return by_port

    def fitting_alternative(self, route: Route, target: Target) -> Listener | None:
        """A listener the connection to ``target`` arrives at that speaks ``route``'s protocol
        (uwsgi for uwsgi_pass, HTTP for proxy_pass), for a route that also arrives at one that does
        not: servers bound to one address cannot all run at once, so the files hold alternatives
        (a Gunicorn and a uWSGI set-up sharing a socket path), and the one that fits may be the
        one that runs."""
        spoken = ("http", "https") if route.protocol in ("http", "https") else (route.protocol,)
        return next((listener for listener in self.reached(route, target) if listener.protocol in spoken), None)

    def published_at(self, route: Route, target: Target) -> list[tuple[Place, Published]]:
        """The Compose ``ports:`` entries a connection from ``route``'s nginx to ``target``
        arrives at: the engine listens on the host's port and forwards into that container.
        Only from the host's own network namespace (nginx on the host, or in a container
        with ``network_mode: host``); a random host port (``ports: ["8000"]``) is never one."""
        address = target.address
        if address.family != "inet" or route.place.loopback != HOST.loopback or \
                not (address.is_loopback or address.is_wildcard):
            return []
        return [(place, entry) for place, entry in self._published_index.get(address.port, ())
                if reaches(address, entry.address) and self.run_together(route.place, place)]

    @property
    def reaches(self) -> list[Reach]:
        """Every route target with the listeners it arrives at (the graph's reach edges)."""
        return [Reach(route, target, tuple(self.reached(route, target)))
                for route in self.routes for target in route.targets]

    @property
    def launches(self) -> list[Launch]:
        """Every manager's start of a process (the graph's launch edges)."""
        return [Launch(m, m.runs_program, m.argv, m.user, m.place, m.runs) for m in self.managers]

    def browser_url_to(self, place: Place, port: int) -> tuple[Place, BrowserUrl] | None:
        """A loopback URL that a service of ``place``'s Compose project hands to browsers at the
        host port ``port``: the project sends browsers to that published port directly."""
        return self._browser_urls.get((place.started_with, port)) if place.started_with else None

    @cached_property
    def _browser_urls(self) -> dict[tuple[str, int], tuple[Place, BrowserUrl]]:
        found: dict[tuple[str, int], tuple[Place, BrowserUrl]] = {}
        for place in self.places:
            for url in place.browser_urls:
                found.setdefault((place.started_with, url.port), (place, url))
        return found

    def may_serve_itself(self, place: Place) -> bool:
        """Whether a container may answer a connection itself rather than through a Python
        server of the tree: it runs none (phpMyAdmin, a Go or Node program, a static nginx),
        something besides them (supervisord's other programs), or an image whose start the
        files do not show."""
        servers = [server for server in [*self.app_servers, *self.dev_servers]
                   if server.place == place or place in server.copied_into]
        managers = [manager for manager in self.managers if manager.place == place]
        return (not servers or not managers
                or any(manager.runs is None and manager.dev_server is None for manager in managers))

    def namespace_neighbour(self, route: Route, address: Address) -> Place | None:
        """A container in the network namespace of the route's nginx (Compose's `network_mode:
        host` for an nginx on the host, `network_mode: service:x`) that may serve a loopback
        port itself (``may_serve_itself``), with ports the files do not show."""
        if address.family != "inet" or not (address.is_loopback or address.is_wildcard):
            return None
        return next((place for place in self.places if place != route.place and place.kind == "container"
                     and place.loopback == route.place.loopback and self.may_serve_itself(place)), None)

    def other_servers_beside(self, place: Place) -> list[tuple[ProcessManager, str, Span]]:
        """The servers in ``place``'s network namespace of a runtime wsgilint does not read, with
        the manager that starts them and where: what a manager runs (`node websocket/daemon.js`
        under Supervisor, a JVM), and what a container's start script starts before its last
        command (`bundle exec unicorn -D -p 8080`). What listens on a loopback port no app
        server of the tree binds may be theirs."""
        return self._other_servers_by_namespace.get(place.loopback, [])

    # Rules ask per route; gathered once, a fleet's check stays linear.
    @cached_property
    def _other_servers_by_namespace(self) -> dict[str, list[tuple[ProcessManager, str, Span]]]:
        from .services import UNREAD_SERVER_RUNTIMES

        found: dict[str, list[tuple[ProcessManager, str, Span]]] = defaultdict(list)
        for manager in self.managers:
            beside = found[manager.place.loopback]
            if manager.runs is None and manager.dev_server is None and manager.runs_program in UNREAD_SERVER_RUNTIMES:
                beside.append((manager, manager.runs_program, manager.argv.at if manager.argv and manager.argv.at
                               else manager.at))
            beside.extend((manager, started.value, started.at or manager.at) for started in manager.servers_beside)
        return found

    def unrun_image_serving(self) -> list[tuple[Place, str]]:
        """The images nothing in the files runs that serve HTTP themselves (an nginx their start
        runs, an app server bound to a port), with what does: `docker run -p HOST:CONTAINER`,
        which the files do not hold, may publish them on any port of the host."""
        found: dict[Place, str] = {}
        for manager in self.managers:
            place = manager.place
            if place.kind != "container" or not place.run_unseen or place in found:
                continue
            if manager.runs_program == "nginx":
                found[place] = f"{manager.kind} [{manager.name}] runs nginx"
            elif manager.runs is not None and any(listener.address.family == "inet" and not listener.address.is_loopback
                                                  for listener in manager.runs.listeners):
                # One bound to the container's own loopback is reached by nothing a port maps.
                found[place] = f"{manager.runs.name} listens on a port"
        return list(found.items())

    def run_together(self, one: Place, other: Place) -> bool:
        """Whether processes in two places can run at the same time. Two configurations of one
        container never do (it runs as the one it was last created from); in a repository, each
        Compose project and each image run alone is one way to deploy, so only the places of one
        of them, and the host, run together."""
        if alternatives(one, other):
            return not (one.same_container(other) or self.host.mode == "repository")
        return True

    def named(self, source: Place, host: str) -> list[Place]:
        """The places ``host`` names from ``source``. Compose files of one directory share its
        project name, so a service both configure (same service name: one container, one
        ``container_name``) is one container: beside ``source`` it runs as ``source``'s own
        project configures it, not as another file does (``docker compose -f`` that file
        would recreate it)."""
        named = [place for place in self.places if source.resolves(host, place)]
        own = [place for place in named if place.started_with == source.started_with]
        if not own or len(own) == len(named):
            return named
        return [place for place in named if place in own or not any(place.same_container(o) for o in own)]

    def target_places(self, route: Route, target: Target) -> list[Place]:
        """The places a route's one-word host (`web:8000`) names: those it resolves to from the
        route's place; from a place on no Compose network (nginx the files do not put in a
        container), the services of that name anywhere in the tree. Only their listeners
        answer, never another service's on the same port."""
        host = target.address.host
        if target.address.family != "inet" or not host or target.address.is_loopback:
            return []
        named = self.named(route.place, host)
        if named or route.place.networks:
            return named
        return [place for place in self.places if place.answers(host)]

    def hostnames(self, source: Place) -> set[str]:
        """The names that resolve to a place from ``source`` (Compose service names, aliases...)."""
        return {name for place in self.places for name in place.hostnames if source.resolves(name, place)}

    def container_user(self, place: Place) -> Setting[str] | None:
        """The user a container's start runs as where the files name it (Compose `user:`,
        `docker run --user`): what runs in it without switching users runs as that user."""
        start = self._container_start_naming_user(place)
        return start.user if start is not None else None

    def container_group(self, place: Place) -> Setting[str] | None:
        """The group a container's start runs with where the files name one (`user: "1001:100"`)."""
        start = self._container_start_naming_user(place)
        return start.group if start is not None else None

    def _container_start_naming_user(self, place: Place) -> ProcessManager | None:
        if place.kind != "container":
            return None
        return next((m for m in self.managers if m.in_container and m.place is place and m.user is not None), None)

    def templates_of(self, *kinds: str) -> list[SourceFile]:
        """The templates of the tree (listed, not checked) that render into config of one of ``kinds``."""
        return [source for source in self.files if source.kind == "template" and source.renders in kinds]

    def resolves(self, source: Place, host: str) -> bool:
        """Whether ``host`` names a place from ``source``: one of its names, or a name Compose
        gives a service's containers."""
        return any(source.resolves(host, place) for place in self.places)

    def listeners_at(self, target: Address) -> list[Listener]:
        """The listeners a connection to ``target`` reaches (indexed, never a full scan)."""
        by_path, by_port = self._listener_index
        if target.family == "unix":
            return list(by_path.get(target.path, ()))
        if target.family == "inet":
            return [listener for listener in by_port.get(target.port, ()) if reaches(target, listener.address)]
        return []

    @cached_property
    def routes(self) -> list[Route]:
        return [route for instance in self.nginx for route in instance.routes]


def __getattr__(name: str) -> Any:
    # Compose's dependency type is loaded when first named: a tree without Compose files never needs it.
    if name == "ComposeDependency":
        from .compose_deps import ComposeDependency
        return ComposeDependency
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
