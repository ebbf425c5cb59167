"""Meaning of an nginx tree: worker settings, the scope tree, listening sockets and the
routes to app servers, built in one walk.

Includes are expanded where they stand, as nginx reads them: a file included in two
places is walked in each (its statements become one NginxDirective each, shared by
every place). The walk keeps an explicit stack, so nesting costs no Python frames.
A route's directives are the ones in effect in its location after nginx's inheritance
(see ``nginx_scope``).

One module over the usual size: the walk, the listening sockets and the routes share one
stack and its per-scope state, and splitting them would pass that state between modules.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..core.commands import recognise
from ..core.numbers import decimal
from ..core.record import dataclass
from ..readers.nginx import NginxFile, NginxStatement, NginxTree, pass_target_without_host, refused_in_main
from . import NginxDirective, NginxInstance, Problem, ProcessManager, Route, Setting, Span, Target
from .address import Address, parse_nginx_target, url_scheme
from .nginx_scope import (
    PASS_DIRECTIVES,
    NginxHttp,
    NginxLocation,
    NginxScope,
    NginxServer,
    NginxUpstream,
    known_directives,
    passed_over_servers,
    refused_listen,
)

__all__ = ["DEFAULT_USER_NOTE", "UNKNOWN_USER_NOTE", "apply_command_line_user", "nginx_instance"]

_DEFAULT_PROTOCOL = {
    "uwsgi_pass": "uwsgi", "proxy_pass": "http", "fastcgi_pass": "fastcgi", "grpc_pass": "grpc",
    "scgi_pass": "scgi",
}
_SCHEME_PROTOCOL = {"http": "http", "https": "https", "uwsgi": "uwsgi", "suwsgi": "uwsgi", "grpc": "grpc",
                    "grpcs": "grpc"}
_DEFAULT_PORT = {"http": 80, "https": 443, "grpc": 80}

# Blocks whose lines are values handed to the module (map entries, MIME types), not directives.
_VALUE_BLOCKS = frozenset({"map", "types", "geo", "split_clients", "charset_map", "match"})

_HANDLERS = frozenset(PASS_DIRECTIVES)

# Directives that name a log file (NginxInstance.log_directives).
_LOG_DIRECTIVES = frozenset({"access_log", "error_log"})

DEFAULT_USER_NOTE = "nginx binary default; Debian's nginx.conf sets www-data"
UNKNOWN_USER_NOTE = ("unknown: this file is included by an nginx.conf that is not among the checked files, "
                     "which sets the user")

# Directives walked per configuration, counting each place an include puts them: at least
# MAX_PLACES (a thousand sites each including a 50-line snippet are 50 000), and up to
# PLACES_PER_STATEMENT for each statement of the configuration's files, so a host of ten
# thousand sites each including uwsgi_params is walked whole while files that include each
# other over and over stay bounded by what they hold. What is built per place stays within
# tens of megabytes per ten thousand sites.
MAX_PLACES = 100_000
PLACES_PER_STATEMENT = 16

# What a block's lines mean to the model.
_MAIN, _EVENTS, _HTTP, _SERVER, _LOCATION, _UPSTREAM, _OTHER = range(7)


def _directive_of(stmt: NginxStatement, arguments: dict[tuple[str, ...], tuple[str, ...]]) -> NginxDirective:
    """``at`` ends at the end of the last argument on the name's line. Equal argument
    tuples are one object (``arguments``): a fleet repeats ``20m``, ``/``, ``60s``..."""
    at = stmt.at
    line = at.line
    end = at.end_column
    places = stmt.arg_places
    for arg_line, _, arg_end in reversed(places):   # a token that goes on below is the last on its line
        if arg_line == line and arg_end:
            end = arg_end
            break
    args = tuple(stmt.args)
    args = arguments.setdefault(args, args)
    if not places:
        return NginxDirective(stmt.directive, args, at, end)
    arg_line, column, arg_end = places[0]
    if arg_line == line and column:
        return NginxDirective(stmt.directive, args, at, end, column, arg_end)
    return NginxDirective(stmt.directive, args, at, end, value_elsewhere=Span(at.path, arg_line, column, arg_end))


def _statements(files: list[NginxFile]) -> int:
    """The statements the files hold, blocks' inner ones too (each counted once, however often
    it is included)."""
    count = 0
    pending = [file.statements for file in files]
    while pending:
        statements = pending.pop()
        count += len(statements)
        pending.extend(statement.block for statement in statements if statement.block)
    return count


def _int(directive: NginxDirective) -> int | None:
    return decimal(directive.args[0]) if directive.args and directive.args[0].isdecimal() else None


@dataclass(slots=True)
class _Frame:
    """The statements of one block or file being walked (or the file indices of one include)."""

    items: Iterator[NginxStatement | int]
    role: int
    scope: NginxScope | None       # where this block's simple directives go
    block: str                     # the innermost enclosing block ("" at the top of the tree)
    upstreams: bool                # upstream blocks here name route targets (the top, or http)
    checked: bool                  # nginx reads names here as directives (not values, not an unknown block)
    recorded: bool                 # listed in NginxInstance.directives (an included file once, no stock text)
    upstream: NginxUpstream | None = None
    # The scope's directives while its block is read; they become its ``own`` (as tuples,
    # exactly sized: most names occur once) when the frame that opened the block ends.
    own: dict[str, list[NginxDirective]] | None = None
    opened: bool = True            # this frame opened the block (False: an include continuing it)
    # Nothing here is kept: values or an unknown block's lines (not ``checked``), outside any
    # scope, in text not ``recorded`` (stock, or walked before). Its lines need no directive.
    unkept: bool = False

    def inner(self, items: Iterator[NginxStatement | int], recorded: bool) -> _Frame:
        """The same block continued by included statements (or an include's files)."""
        return _Frame(items, self.role, self.scope, self.block, self.upstreams, self.checked, recorded, self.upstream,
                      self.own, opened=False)

    def close(self) -> None:
        if self.opened and self.scope is not None and self.own is not None:
            self.scope.own = {name: tuple(found) for name, found in self.own.items()}


# The names ``simple`` does more with than list them in their scope.
_NOTED = frozenset({"listen", "server", "user", "worker_rlimit_nofile", "daemon", "worker_connections",
                    *_LOG_DIRECTIVES, *_HANDLERS})


@dataclass(slots=True)
class _Replay:
    """A file of simple directives, as each place that includes it again takes them: those
    ``known_directives`` lacks (unless stock), and, where none has a name in ``_NOTED``,
    the directives by name in their order (``simple`` only lists such names in the scope)."""

    directives: list[NginxDirective]
    unknown: list[NginxDirective]
    by_name: tuple[tuple[str, list[NginxDirective]], ...] | None


class _Builder:
    def __init__(self, tree: NginxTree, standalone: bool) -> None:
        self.tree = tree
        self.instance = NginxInstance(
            main=Span(tree.root.display),
            standalone=standalone,
            user=Setting("", note=UNKNOWN_USER_NOTE) if standalone else Setting("nobody", note=DEFAULT_USER_NOTE),
            worker_connections=Setting(512, note="nginx default"),
            worker_rlimit_nofile=None,
            daemon=Setting(True, note="nginx default"),
            files=list(dict.fromkeys(f.display for f in tree.files if not f.stock)),
            assumed={**tree.assumed, **tree.templates},
        )
        self.known = known_directives()
        self.directive_of: dict[NginxStatement, NginxDirective] = {}
        self.arguments: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.simple_files: dict[int, _Replay | None] = {}   # see ``simple_directives``
        self.expansion_cut = False
        self.place_limit: int | None = None   # sized once MAX_PLACES is passed, by what the files hold
        # Includes nginx cannot open (the reader's include-not-found, at the include's value),
        # and where each stands: a Route keeps those of its location and the levels around it.
        self.missing_at = {p.at for p in tree.problems if p.kind == "include-not-found"}
        self.unread: dict[int, list[NginxDirective]] = {}
        # Levels with an include that reads no file here (not found, or outside what is read):
        # what it adds there (a listen, a server_name) is not known.
        self.unshown: set[int] = set()
        # Of those in a location, the ones whose file may be on the target host, which the
        # files do not show (an absolute path outside the checked tree): what they set there
        # is not known.
        self.unseen: dict[int, list[NginxDirective]] = {}
        self.events_seen = False
        self.top_include_unread = False   # an include at the main level reads no file here

    def build(self) -> NginxInstance:
        self.walk(self.top())
        # nginx refuses a configuration with a syntax error and routes nothing; what it
        # would route once fixed depends on how the text goes on, so no route is guessed.
        if not self.tree.refused:
            servers = self.instance.servers
            passed_over_servers(servers, [server for server in servers if id(server) in self.unshown])
            self.add_routes()
            if self.tree.context == () and self.instance.http and not self.events_seen and not self.top_include_unread:
                self.instance.events_missing = self.instance.http[0].at
        self.count_listens()
        return self.instance

    def top(self) -> _Frame:
        """The frame of the file asked for, in the context it is read in."""
        root = self.tree.root
        context = self.tree.context
        statements = iter(root.statements)
        if context == ():
            return _Frame(statements, _MAIN, None, "", True, True, True)
        at = Span(root.display)
        http = NginxHttp(at=at, block=None, parent=None)
        self.instance.http.append(http)
        if context == ("http",):
            first = next((stmt for stmt in root.statements if refused_in_main(stmt.directive)), None)
            self.instance.refused_in_main = Setting(first.directive, first.at) if first is not None else None
            return _Frame(statements, _HTTP, http, "", True, True, True, own={})
        server = NginxServer(at=at, block=None, parent=http)
        http.servers.append(server)
        if context == ("http", "server"):
            return _Frame(statements, _SERVER, server, "", True, True, True, own={})
        location = NginxLocation(at=at, block=None, parent=server)
        server.locations = [location]
        return _Frame(statements, _LOCATION, location, "", True, True, True, own={})

    # The walk -----------------------------------------------------------------

    def walk(self, top: _Frame) -> None:
        """Every statement once per place it is read, in reading order."""
        files = self.tree.files
        directive_of, arguments = self.directive_of, self.arguments
        recorded_directives = self.instance.directives
        known = self.known
        seen = {0}
        walked = {0}          # files walked at least once
        places = 0
        stack = [top]
        while stack:
            frame = stack[-1]
            # A frame's items are walked until one opens a frame of its own; the walk goes on
            # inside it and comes back here, to the same iterator, when it is done.
            for item in frame.items:
                if isinstance(item, int):    # one file of an include
                    recorded = frame.recorded and item not in seen and not files[item].stock
                    if recorded:
                        seen.add(item)
                    elif item in walked and not frame.unkept:
                        replay = self.simple_directives(item)
                        if replay is not None:
                            # A file of simple directives walked before (uwsgi_params in each
                            # location): its directives, as the statements' walk would take them.
                            places += len(replay.directives)
                            if frame.checked:
                                self.instance.unknown_directives.extend(replay.unknown)
                            if replay.by_name is None:
                                inner = frame.inner(iter(()), False)
                                for replayed in replay.directives:
                                    self.simple(replayed, inner)
                            elif frame.own is not None:   # all ``simple`` does with them: list them by name
                                own = frame.own
                                for name, found in replay.by_name:
                                    listed = own.get(name)
                                    if listed is None:
                                        own[name] = list(found)
                                    else:
                                        listed.extend(found)
                            continue
                    walked.add(item)
                    stack.append(frame.inner(iter(files[item].statements), recorded))
                    break
                if item.directive == "#":
                    continue
                places += 1
                if frame.unkept and item.block is None and item.directive != "include":
                    continue
                directive = directive_of.get(item)
                if directive is None:   # one NginxDirective per statement, however many places include it
                    directive = directive_of[item] = _directive_of(item, arguments)
                if frame.recorded:
                    recorded_directives.append(directive)
                if frame.checked and directive.name not in known and not directive.stock:
                    self.instance.unknown_directives.append(directive)
                if item.block is not None:
                    stack.append(self.enter(item, directive, frame))
                    break
                if item.directive == "include":
                    included: list[int] = item.includes or []
                    if not included and frame.role == _MAIN:
                        self.top_include_unread = True
                    if not included and frame.scope is not None:
                        self.unshown.add(id(frame.scope))
                        if item.value_at in self.missing_at:
                            self.unread.setdefault(id(frame.scope), []).append(directive)
                        elif frame.scope.block is not None and frame.scope.block.name in _REQUEST_LEVELS:
                            self.unseen.setdefault(id(frame.scope), []).append(directive)
                    if places > MAX_PLACES and self.place_limit is None:
                        self.place_limit = max(MAX_PLACES, PLACES_PER_STATEMENT * _statements(files))
                    if self.place_limit is not None and places > self.place_limit:
                        included = [index for index in included if index not in walked]
                        if len(included) < len(item.includes or ()):
                            self.stop_expanding(item)
                            if frame.scope is not None:   # what those files set is not known here
                                self.unread.setdefault(id(frame.scope), []).append(directive)
                                self.unshown.add(id(frame.scope))
                    stack.append(frame.inner(iter(included), frame.recorded))
                    break
                self.simple(directive, frame)
            else:
                stack.pop().close()

    def simple_directives(self, index: int) -> _Replay | None:
        """The directives of a file that holds neither a block nor an include (None where it
        does), made once however many places include it."""
        if index not in self.simple_files:
            statements = [s for s in self.tree.files[index].statements if s.directive != "#"]
            if any(s.block is not None or s.directive == "include" for s in statements):
                self.simple_files[index] = None
            else:
                directives = [self.directive_of.get(s) or self.directive_of.setdefault(s, _directive_of(s, self.arguments))
                              for s in statements]
                by_name: dict[str, list[NginxDirective]] = {}
                for directive in directives:
                    by_name.setdefault(directive.name, []).append(directive)
                self.simple_files[index] = _Replay(
                    directives, [d for d in directives if d.name not in self.known and not d.stock],
                    None if _NOTED.intersection(by_name) else tuple(by_name.items()))
        return self.simple_files[index]

    def stop_expanding(self, include: NginxStatement) -> None:
        if not self.expansion_cut:
            self.expansion_cut = True
            self.tree.problems.append(Problem(
                "limit", f"includes expand this configuration to more than {self.place_limit} directives; "
                "from here on a file already read is not expanded again, so what it sets in later places is "
                "not checked", include.value_at))

    def simple(self, directive: NginxDirective, frame: _Frame) -> None:
        name = directive.name
        scope = frame.scope
        own = frame.own
        if own is not None:
            found = own.get(name)
            if found is None:
                own[name] = [directive]
            else:
                found.append(directive)
        if name == "listen" and frame.block == "server" and not refused_listen(directive):
            self.instance.server_listens.append(directive)
        elif name in _LOG_DIRECTIVES and frame.checked and frame.recorded:
            self.instance.log_directives.append(directive)
        role = frame.role
        if role == _LOCATION:
            if name in _HANDLERS and isinstance(scope, NginxLocation):
                scope.handler = directive
        elif role == _UPSTREAM and frame.upstream is not None:
            if name == "server" and directive.args:
                frame.upstream.servers.append(directive)
        elif role == _MAIN:
            self.main_setting(directive)
        elif role == _EVENTS and name == "worker_connections":
            connections = _int(directive)
            if connections is not None:
                self.instance.worker_connections = Setting(connections, directive.at)

    def main_setting(self, directive: NginxDirective) -> None:
        name, instance = directive.name, self.instance
        if name == "user" and directive.args:
            instance.user = Setting(directive.args[0], directive.at)
            instance.group = Setting(directive.args[1], directive.at) if len(directive.args) > 1 else None
        elif name == "worker_rlimit_nofile":
            number = _int(directive)
            if number is not None:
                instance.worker_rlimit_nofile = Setting(number, directive.at)
        elif name == "daemon" and directive.args:
            instance.daemon = Setting(directive.args[0].lower() == "on", directive.at)

    def enter(self, stmt: NginxStatement, directive: NginxDirective, frame: _Frame) -> _Frame:
        """The frame of a block, and its scope when it is one of the tree."""
        name = directive.name
        role = _OTHER
        scope: NginxScope | None = None
        upstream: NginxUpstream | None = None
        outer = frame.scope
        if frame.role == _MAIN and name == "events":
            role = _EVENTS
            self.events_seen = True
        elif frame.role == _MAIN and name == "http":
            http = NginxHttp(at=directive.at, block=directive, parent=None)
            role, scope = _HTTP, http
            self.instance.http.append(http)
        elif frame.role == _HTTP and name == "server" and isinstance(outer, NginxHttp):
            server = NginxServer(at=directive.at, block=directive, parent=outer)
            role, scope = _SERVER, server
            outer.servers.append(server)
        elif (name == "location" and frame.role == _SERVER and isinstance(outer, NginxServer)) or \
                (name in ("location", "if") and frame.role == _LOCATION and isinstance(outer, NginxLocation)):
            location = NginxLocation(at=directive.at, block=directive, parent=outer)
            role, scope = _LOCATION, location
            if isinstance(outer.locations, list):
                outer.locations.append(location)
            else:
                outer.locations = [location]
        elif frame.upstreams and name == "upstream" and directive.args \
                and directive.args[0] not in self.instance.upstreams:
            role, upstream = _UPSTREAM, NginxUpstream(directive.args[0], directive)
            self.instance.upstreams[upstream.name] = upstream
        checked = frame.checked and name not in _VALUE_BLOCKS and name in self.known
        # The lines of such a block would each become a directive that ``simple`` then drops:
        # Debian's stock mime.types, which most nginx.conf include, is about 100 of them.
        unkept = role == _OTHER and not checked and not frame.recorded and name != "server"
        return _Frame(iter(stmt.block or ()), role, scope, name, frame.upstreams and name == "http", checked,
                      frame.recorded, upstream, {} if scope is not None else None, unkept=unkept)

    # Routes -------------------------------------------------------------------

    def add_routes(self) -> None:
        """One route per location (or ``if``) with a handler: servers in order, each
        location before the ones inside it."""
        fragment_location = self.tree.context == ("http", "location")
        for server in self.instance.servers:
            if server.passed_over is not None:
                continue   # nginx sends no request there (N117 says why)
            pending = list(reversed(server.locations))
            while pending:
                scope = pending.pop()
                pending.extend(reversed(scope.locations))
                if scope.handler is not None:
                    self.add_route(scope, scope.handler, None if fragment_location else server)

    def add_route(self, scope: NginxLocation, handler: NginxDirective, server: NginxServer | None) -> None:
        location: NginxScope = scope
        while isinstance(location, NginxLocation) and location.is_if and location.parent is not None:
            location = location.parent
        if isinstance(location, NginxLocation) and location.always_returns:
            return
        # A named location its server never enters (no try_files or error_page names it) takes
        # no request from a client: only an upstream's X-Accel-Redirect could send one there.
        if isinstance(location, NginxLocation) and location.block is not None and location.path.startswith("@") \
                and server is not None and not server.enters(location.path):
            return
        if isinstance(location, NginxLocation) and location.never_matches:
            return   # no request's path can select it (N118, N119)
        route = Route(
            handler=handler,
            protocol=_protocol(handler),
            location=location.written if isinstance(location, NginxLocation) and location.block is not None else "",
            location_at=location.at,
            server=server,
            in_if=scope.is_if,
            directives=scope.in_effect(),
            unread_includes=_around(self.unread, scope),
            unseen_includes=_around(self.unseen, scope),
        )
        self.resolve_targets(route)
        self.instance.routes.append(route)

    def resolve_targets(self, route: Route) -> None:
        """An upstream block gives one target per ``server``; a name without a block and
        without a port is a host name for proxy_pass and grpc_pass, unknown otherwise."""
        handler = route.handler
        # Every *_pass takes exactly one argument: nginx refuses `uwsgi_pass unix: /run/a.sock;`
        # ("invalid number of arguments"), so it sends nowhere; so does one naming no host
        # (`proxy_pass http://;`: "no host in upstream"), which is not the wildcard address.
        if len(handler.args) != 1:
            return
        value = handler.args[0]
        if "$" in value or pass_target_without_host(value) is not None:
            return
        scheme, _, rest = value.partition("://") if "://" in value else ("", "", value)
        host = rest.split("/", 1)[0] if not rest.startswith("unix:") else ""
        if host and ":" not in host and not host.startswith("["):
            route.upstream = host
            upstream = self.instance.upstreams.get(host)
            if upstream is not None:
                for server in upstream.servers:
                    if pass_target_without_host(server.args[0]) is not None:
                        continue
                    address = parse_nginx_target(server.args[0], 80)
                    if address is not None:
                        route.targets.append(Target(address, server.value_at, "resolve" in server.args[1:]))
                return
            if handler.name not in ("proxy_pass", "grpc_pass"):
                return
        default_port = _DEFAULT_PORT.get(scheme.lower(), 0) if scheme else 0
        address = parse_nginx_target(value, default_port)
        if address is not None:
            route.targets.append(Target(address, handler.value_at))

    def count_listens(self) -> None:
        """``listen_count``: the distinct listens of the http servers (``*:80`` where one has none)."""
        listens: set[tuple[str | int, ...]] = set()
        for server in self.instance.servers:
            listens.update(_listen_key(listen) for listen in server.listens)
            if server.block is not None and "listen" not in server.own:
                listens.add(("inet", "", 80))
        self.instance.listen_count = len(listens)


def _protocol(handler: NginxDirective) -> str:
    value = handler.args[0] if handler.args else ""
    scheme = (url_scheme(value, letters_only=True) or "").lower()
    if scheme in _SCHEME_PROTOCOL:
        return _SCHEME_PROTOCOL[scheme]
    return _DEFAULT_PROTOCOL[handler.name]




def _listen_key(listen: NginxDirective) -> tuple[str | int, ...]:
    """One key per listening socket: ``80``, ``*:80`` and ``0.0.0.0:80`` are the same one."""
    value = listen.args[0] if listen.args else "80"
    port = decimal(value)
    if port is not None:
        return ("inet", "", port)
    if value.startswith("unix:"):
        return ("unix", value[5:])
    address: Address | None = parse_nginx_target(value, 80)
    if address is None:
        return ("text", value)
    ipv6 = value.startswith("[")
    return ("inet6" if ipv6 else "inet", address.host, address.port)


def nginx_instance(tree: NginxTree, standalone: bool | None = None) -> NginxInstance:
    """The model of one nginx tree; ``standalone`` (a fragment no checked nginx.conf
    includes) defaults to how the tree was read."""
    return _Builder(tree, tree.standalone if standalone is None else standalone).build()


def _global_directives(arguments: list[str]) -> list[list[str]]:
    """The main-context directives of nginx's ``-g`` (``-g 'user nginx nginx; daemon off;'`` or
    ``-g'...'``), each as its words; nginx applies them as if written in nginx.conf."""
    directives: list[list[str]] = []
    for index, word in enumerate(arguments):
        if not word.startswith("-g"):
            continue
        text = word[2:] or (arguments[index + 1] if index + 1 < len(arguments) else "")
        directives.extend(words for statement in text.split(";") if (words := statement.split()))
    return directives


def _command_line_user(manager: ProcessManager) -> Setting[str] | None:
    if manager.runs_program != "nginx" or manager.argv is None:
        return None
    argv = manager.argv.value
    command = next((found for index in range(len(argv)) if (found := recognise(argv[index:])) is not None), None)
    if command is None or command.program != "nginx":
        return None
    users = [words[1] for words in _global_directives(command.arguments) if words[0] == "user" and len(words) > 1]
    if not users:
        return None
    return Setting(users[-1].strip("'\""), manager.argv.at, f"nginx -g on the command line of {manager.kind} [{manager.name}]")


def apply_command_line_user(instances: list[NginxInstance], managers: list[ProcessManager]) -> None:
    """``nginx -g 'user nginx nginx;'`` names the workers' user where no nginx.conf does (nginx
    refuses a second ``user``). Applied when every nginx the managers start names the same one:
    to the one nginx.conf, or to the fragments when no nginx.conf is here."""
    nginx_managers = [manager for manager in managers if manager.runs_program == "nginx"]
    users = [_command_line_user(manager) for manager in nginx_managers]
    named = [user for user in users if user is not None]
    if not named or len(named) != len(users) or len({user.value for user in named}) != 1:
        return
    mains = [instance for instance in instances if not instance.standalone]
    if len(mains) > 1:
        return   # which nginx.conf each command line starts is not known
    for instance in mains or instances:
        if instance.user.at is None:
            instance.user = named[0]


# Levels where an include beside a pass sets how it passes (a proxy snippet); one at the
# server level more often sets its listen, names or TLS (`listen_ssl.active`, `ssl.conf`).
_REQUEST_LEVELS = frozenset(("location", "if", "limit_except"))

def _around(includes: dict[int, list[NginxDirective]], scope: NginxScope) -> tuple[NginxDirective, ...]:
    """The includes of ``scope`` and of each level around it, innermost first."""
    if not includes:
        return ()
    found: list[NginxDirective] = []
    level: NginxScope | None = scope
    while level is not None:
        found.extend(includes.get(id(level), ()))
        level = level.parent
    return tuple(found)
