"""What the app's own Python code shows about its deployment, read without running it.

What follows, from one read of each Python file of the tree that is no config of its own:

- the app takes the request's scheme from ``X-Forwarded-Proto`` itself, whatever Gunicorn's
  ``forwarded_allow_ips`` says. Gunicorn ignores the header for ``wsgi.url_scheme`` from an
  address it does not trust, but passes it on to the app (measured:
  shared/reference/lab-supervisor-gunicorn.md §20, "header still visible"), and these read
  it from there: Django's ``SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")``;
  werkzeug's ``ProxyFix`` (``x_proto`` is 1 unless set to 0); uvicorn's
  ``ProxyHeadersMiddleware`` given ``trusted_hosts`` (its default trusts only 127.0.0.1,
  which is what Gunicorn's default does too);
- the URL prefixes under which a Django app's settings put its static and media files
  (``STATIC_URL``, ``MEDIA_URL``, written as a string): nginx usually serves those itself,
  and what it proxies there is no view of the app (N102);
- whether the app's code is in the tree at all (the module its server loads, and for a Django
  project the settings module its wsgi.py names), where it reads the host name the client
  asked for or the client's address (N102, N112: without them, nginx's missing headers change
  nothing the app does), and where it does something the request's scheme changes (X113:
  absolute URLs, scheme tests, CSRF origin checks, templates, routes ending in `/`), and where
  it waits on something outside the process (an outbound call, a mail, a subprocess, a sleep,
  an upload or a streamed response: X117, a request that may outlast a stop).

A file is parsed with ``ast`` (never imported or run) only when its text names a marker of
the first two, and searched as text for the third; only up to a size: a file that does not
parse says nothing.
"""
from __future__ import annotations

import ast
import functools
import itertools
import os
import posixpath
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..core.context import ReadContext
from ..core.sources import SourceFile
from ..core.span import Setting, Span

if TYPE_CHECKING:
    from . import AppServer

_MAX_BYTES = 512 * 1024
_MARKERS = ("SECURE_PROXY_SSL_HEADER", "ProxyFix", "ProxyHeadersMiddleware")
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


class AppCode:
    """The facts of the app's Python code, each file read once. A plain class: built once and
    read by attribute, it needs nothing of a ``NamedTuple``, whose ``__new__``
    ``collections.namedtuple`` compiles with ``eval`` at every start (0.85 M instructions)."""

    __slots__ = ("forwarded_scheme", "scheme_headers", "asset_urls", "requests", "env_defaults")

    def __init__(self, forwarded_scheme: list[Setting[str]], scheme_headers: list[Setting[str]],
                 asset_urls: list[AssetUrl], requests: RequestReaders, env_defaults: dict[str, list[Setting[str]]]) -> None:
        self.forwarded_scheme = forwarded_scheme   # where it reads the forwarded scheme itself (value: what does)
        # The request headers Django's SECURE_PROXY_SSL_HEADER names (`X-Forwarded-Protocol` for
        # `("HTTP_X_FORWARDED_PROTOCOL", "https")`), where each is set.
        self.scheme_headers = scheme_headers
        self.asset_urls = asset_urls
        self.requests = requests
        # The environment the code gives itself by default: `os.environ.setdefault("NAME", "value")`
        # written with literal strings (Django's wsgi.py and manage.py), by name.
        self.env_defaults = env_defaults


def read_app_code(files: list[SourceFile], ctx: ReadContext) -> AppCode:
    """Each Python file of the tree that is no config of its own (not too large) read once:
    parsed where its text names a marker of the scheme or of the asset settings, and searched
    as text for the readers of the request's origin."""
    scheme: list[Setting[str]] = []
    scheme_headers: list[Setting[str]] = []
    assets: list[AssetUrl] = []
    seen: set[str] = set()
    host: list[Setting[str]] = []
    address: list[Setting[str]] = []
    allowed: list[Setting[tuple[str, ...]]] = []
    env_defaults: dict[str, list[Setting[str]]] = {}
    host_files: set[str] = set()
    address_files: set[str] = set()
    scheme_files: set[str] = set()
    csrf_files: set[str] = set()   # whose use of the scheme is Django's CSRF origin check
    template_files: set[str] = set()   # that render Flask templates
    pagination_files: set[str] = set()   # that set DRF's default pagination
    pagination_host_files: set[str] = set()   # whose only reader of the host is that setting
    paginates = False   # whether any view of the tree paginates
    trusts_https = False
    origins_unseen: Setting[str] | None = None   # CSRF_TRUSTED_ORIGINS read from the environment
    waiting_files: set[str] = set()
    blocking_files: set[str] = set()
    upload_only_files: set[str] = set()   # of those, the ones whose only wait is an upload's body
    upload_django_files: set[str] = set()   # of those, the ones that use Django too
    django_only_files: set[str] = set()   # of those, the ones that block only by using Django (its ORM)
    engines: set[str] = set()   # the ENGINE of every database a Django settings file names
    names: dict[str, tuple[_Named, ...]] = {}
    package_names: dict[str, frozenset[str]] = {}
    loose = _beside_manage(files)
    naming = _naming(frozenset(loose)) if loose else None
    named_loose: set[str] = set()
    for source, text in _texts(files, ctx):
        shown = posixpath.normpath(source.display)
        seen.add(shown)
        if naming is not None:
            for match in naming.finditer(text):
                stem = next(filter(None, match.groups()))
                if loose[stem] != shown:
                    named_loose.add(stem)
        reads_host, reads_address = _scan_readers(source, text, host, address, allowed)
        if reads_host == "other":
            host_files.add(shown)
        elif reads_host == "pagination":
            pagination_host_files.add(shown)
        if reads_address:
            address_files.add(shown)
        uses_scheme = _scan_scheme_readers(text)
        if "other" in uses_scheme:
            scheme_files.add(shown)
        if "csrf" in uses_scheme:
            csrf_files.add(shown)
        if "templates" in uses_scheme:
            template_files.add(shown)
        if "pagination" in uses_scheme:
            pagination_files.add(shown)
        if not paginates and any(marker in text for marker in _PAGINATING_VIEWS):
            paginates = True
        if "CSRF_TRUSTED_ORIGINS" in text:
            if _trusts_https_origins(text):
                trusts_https = True
            elif origins_unseen is None:
                origins_unseen = _origins_from_environment(text, shown)
        # An import the file never uses (`import requests` and no call) waits on nothing.
        unused = _unused_imports(text)
        used_text = _without_lines(text, unused.values()) if unused else text
        if _waits(used_text):
            waiting_files.add(shown)
            blocking_files.add(shown)
            if not _waits_beyond_uploads(used_text) and \
                    not any(marker in used_text for marker in _BLOCKING_MARKERS if marker not in ("django", "databases")):
                upload_only_files.add(shown)
                if "django" in used_text or "databases" in used_text:
                    upload_django_files.add(shown)   # and on Django's ORM, unless it is on SQLite
        elif any(marker in used_text for marker in _BLOCKING_MARKERS):
            blocking_files.add(shown)
            # `databases` is also the anchor of Django's settings docs, in every settings.py.
            if not any(marker in used_text for marker in _BLOCKING_MARKERS if marker not in ("django", "databases")):
                django_only_files.add(shown)
        if "DATABASES" in text or "DATABASE_URL" in text:
            literal, key = _django_engine()
            found = literal.findall(text)
            written = len(key.findall(text))
            # An ENGINE from the environment, or a database URL, may name any database.
            engines.update(found if written == len(found) and not any(
                marker in text for marker in _DATABASE_URLS) else ["unknown"])
        names[shown] = _named_modules(text, posixpath.dirname(shown), frozenset(unused))
        if shown.endswith("/__init__.py") or shown == "__init__.py":
            package_names[shown] = frozenset(_identifier().findall(text))
        if "setdefault" in text:
            for match in _env_default().finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                env_defaults.setdefault(match["name"], []).append(Setting(match["value"], Span(source.display, line)))
        reads_scheme = any(marker in text for marker in _MARKERS)
        sets_assets = any(marker in text for marker in _ASSET_SETTINGS)
        if not (reads_scheme or sets_assets):
            continue
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        if reads_scheme:
            scheme += [Setting(what, Span(source.display, line, column + 1)) for what, line, column in _markers_in(tree)]
            scheme_headers += [Setting(header, Span(source.display, line, column + 1))
                               for header, line, column in _ssl_headers_in(tree)]
        if sets_assets:
            assets += _assets_in(source, tree)
    # Django's ORM on SQLite alone waits for a lock at most its timeout (5 s), as sqlite3 does.
    django_on_sqlite = bool(engines) and all(engine.endswith(".sqlite3") for engine in engines)
    if django_on_sqlite:
        blocking_files -= django_only_files
    else:
        upload_only_files -= upload_django_files
    if template_files and _templates_use_scheme(files, ctx):
        scheme_files |= template_files
    if paginates:
        scheme_files |= pagination_files
        host_files |= pagination_host_files
    else:
        host = [reader for reader in host if reader.value != _DRF_PAGINATION]
    return AppCode(scheme, scheme_headers, sorted(assets, key=lambda each: (each.at.path, each.at.line)),
                   RequestReaders(frozenset(seen), host, address, _top(files),
                                  {each.at.path: each.value for each in env_defaults.get("DJANGO_SETTINGS_MODULE", ())
                                   if each.at is not None}, tuple(allowed), frozenset(host_files),
                                  frozenset(address_files),
                                  frozenset(scheme_files if trusts_https or origins_unseen is not None
                                            or _before_origin_check(files, ctx) else scheme_files | csrf_files),
                                  frozenset(waiting_files), frozenset(blocking_files),
                                  names, package_names,
                                  frozenset(path for stem, path in loose.items() if stem not in named_loose),
                                  django_on_sqlite, None if trusts_https or not csrf_files else origins_unseen,
                                  frozenset(upload_only_files)),
                   env_defaults)


def _before_origin_check(files: list[SourceFile], ctx: ReadContext) -> bool:
    """Whether the tree pins a Django older than 4.0, whose CSRF check compares no Origin and
    checks the Referer only on requests it sees as https: one seen as http behind nginx passes."""
    from .python_packages import pinned_version

    django = pinned_version(files, ctx, "django")
    return django is not None and django.value < (4, 0)


@functools.cache
def _env_default() -> re.Pattern[str]:
    return re.compile(r"""os\.environ\.setdefault\(\s*(['"])(?P<name>[A-Za-z_][A-Za-z0-9_]*)\1\s*,\s*"""
                      r"""(['"])(?P<value>[^'"\n]*)\3\s*\)""")


_ASSET_SETTINGS = ("STATIC_URL", "MEDIA_URL")


class AssetUrl(NamedTuple):
    """A Django setting that puts files under a URL prefix: ``path`` has a leading and a
    trailing ``/`` (Django prefixes a relative one with the script's prefix)."""

    setting: str    # STATIC_URL | MEDIA_URL
    path: str
    at: Span


def _assets_in(source: SourceFile, tree: ast.Module) -> list[AssetUrl]:
    """Each ``STATIC_URL = "..."`` and ``MEDIA_URL = "..."`` of a file; a value that is no plain
    string says nothing."""
    found: list[AssetUrl] = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or not isinstance(node.value, ast.Constant):
            continue
        value = node.value.value
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        name = next((_name(t) for t in targets if _name(t) in _ASSET_SETTINGS), "")
        if not name or not isinstance(value, str) or "://" in value or not value.strip("/"):
            continue   # a site of its own (a CDN), or the root: no prefix of the app's
        path = "/" + value.strip("/") + "/"
        found.append(AssetUrl(name, path, Span(source.display, node.lineno, node.col_offset + 1)))
    return found


# Text that reads the host name the client asked for, or builds an absolute URL from it: Django's
# get_host() and what calls it (build_absolute_uri, get_current_site without the sites app, the
# password-reset views, DRF's pagination links), Flask's and Starlette's absolute URLs.
_HOST_MARKERS = ("get_host(", "build_absolute_uri", "_external=True", "host_url", "url_root", "request.host",
                 "request.url_for(", "request.base_url", "request.url", "HTTP_HOST", "X_FORWARDED_HOST",
                 "X-Forwarded-Host", "get_current_site(", "PasswordResetView", "password_reset",
                 "django.contrib.auth.urls", "DEFAULT_PAGINATION_CLASS", "USE_X_FORWARDED_HOST")
# Text that reads the client's address: the peer's (REMOTE_ADDR, Flask's remote_addr, Starlette's
# request.client) or a forwarding header's, or a middleware or limiter keyed on it.
# A line is kept once, by its first marker in this order: a forwarding header's before the
# peer's (`environ.get("HTTP_X_FORWARDED_FOR", environ["REMOTE_ADDR"])` reads the header).
_ADDRESS_MARKERS = ("access_route", "X_FORWARDED_FOR", "X-Forwarded-For", "X_REAL_IP", "X-Real-IP", "get_client_ip",
                    "get_remote_address", "ProxyFix", "ProxyHeadersMiddleware", "DEFAULT_THROTTLE", "ratelimit",
                    "remote_addr", "REMOTE_ADDR", "client.host")
_MAX_READERS = 3


class AppScope(NamedTuple):
    """Which of the tree's Python files are an app's code: those under ``roots`` (shown
    folders; "" for the whole tree) and, where ``files`` is given, only those (the module its
    server loads and what that imports, file by file)."""

    roots: tuple[str, ...]
    files: frozenset[str] | None = None
    left_out: frozenset[str] = frozenset()

    def covers(self, path: str) -> bool:
        return _is_under(path, self.roots) and (self.files is None or path in self.files) and path not in self.left_out


class MissingModule(NamedTuple):
    """A module an app server loads its app from that the tree shows it cannot import."""

    module: str          # as written (`server.uwsgi`)
    package: str         # the tree's package (shown folder) Python imports first; "" where it holds none
    renamed: str = ""    # the tree's Django project package that holds the module's file instead (`Scouts`)


class RequestReaders(NamedTuple):
    """What the app's own Python code in the tree shows of the request's origin: the tree's
    Python files (shown paths), and where the code reads the host name and the client's address
    (the first few places of each)."""

    files: frozenset[str]
    host: list[Setting[str]]
    address: list[Setting[str]]
    top: str = ""      # the folder every checked file is under, as shown ("" for the working folder)
    # Files that name a Django settings module by default (wsgi.py's setdefault): shown path -> module.
    django_settings: dict[str, str] | None = None
    # The ALLOWED_HOSTS among ``host`` written as a list of names, with those names.
    allowed_hosts: tuple[Setting[tuple[str, ...]], ...] = ()
    # Every file (shown path) that reads the host name, and every one that reads the client's address.
    host_files: frozenset[str] = frozenset()
    address_files: frozenset[str] = frozenset()
    scheme_files: frozenset[str] = frozenset()   # and every one that does something the scheme changes
    waiting_files: frozenset[str] = frozenset()  # and every one that waits on something outside the process
    # and every one a request may hang in (it waits, or uses a database, cache, socket, lock, file or queue)
    blocking_files: frozenset[str] = frozenset()
    # The modules each file names (imports; Django's ROOT_URLCONF and `include("app.urls")`), and
    # the names each package's __init__.py holds: whether the tree holds all of an app's code.
    named_modules: dict[str, tuple[_Named, ...]] | None = None
    package_names: dict[str, frozenset[str]] | None = None
    # Modules beside a Django project's manage.py that no Python file of the tree names (an
    # import, a dotted path in the settings): a copy left lying there, not the app's code.
    unnamed_beside_manage: frozenset[str] = frozenset()
    # Every database the tree's Django settings name is SQLite: Django waits on nothing else
    # by itself (its sessions, admin and ORM use that database).
    django_on_sqlite: bool = False
    # Where the settings read CSRF_TRUSTED_ORIGINS from the environment, whose value the files do
    # not show, while Django's CSRF check is the app's use of the scheme: taken as trusting the
    # https origin (Django's origin check is left out of ``scheme_files``), which a finding says.
    csrf_origins_unseen: Setting[str] | None = None
    # Files whose only wait is an upload's body (``FileField``, ``request.files``): none where
    # nginx buffers request bodies in front of the app.
    upload_only_files: frozenset[str] = frozenset()

    def app_scope(self, servers: list[AppServer]) -> AppScope:
        """The code of these servers' apps, where the tree holds their modules: the folders it
        lives under (where the module's top package is: `backend/shop/wsgi.py` of `shop.wsgi`:
        backend; a `wsgi-file`'s own folder) and, unless an app is a Django project (whose
        settings load middleware, apps and views by name), only the files its module imports,
        file by file: a tutorial script beside `wsgi.py` that nothing imports is not the app."""
        modules = [(server, module) for server in servers if (module := self.module_of(server)) is not None]
        roots = tuple(_app_root(server, module) for server, module in modules)
        if not modules:
            return AppScope(roots)
        if any(module in (self.django_settings or {}) for _, module in modules):
            # The settings load middleware, apps and views by name: everything under the project
            # is its code but a loose module beside manage.py that nothing names.
            loaded = {module for _, module in modules}
            return AppScope(roots, left_out=self.unnamed_beside_manage - loaded)
        present, folders = self._present(roots)
        files: set[str] = set()
        for _, module in modules:
            files |= self._imported_from(module, roots, present, folders)
        # Only where the tree holds every module and name those files import from the app's own
        # packages (a partial checkout's `from app import create_app` without app/__init__.py does not).
        scope = AppScope(roots, frozenset(files))
        return scope if self.holds_all_of(scope) else AppScope(roots)

    def _present(self, roots: Sequence[str]) -> tuple[set[str], set[str]]:
        """The tree's Python files under ``roots``, and the folders that hold them."""
        present = {path for path in self.files if _is_under(path, roots)}
        return present, {folder for path in present for folder in _folders(path)}

    def _imported_from(self, module: str, roots: Sequence[str], present: set[str], folders: set[str]) -> set[str]:
        """``module`` and the files of the tree under ``roots`` (``present``, in ``folders``) it
        imports, directly or through each other (with the packages' ``__init__.py`` that
        importing runs)."""
        named_modules = self.named_modules or {}
        reached, todo = {module}, [module]
        while todo:   # each file enters once: bounded by the tree's Python files
            for named in named_modules.get(todo.pop(), ()):
                base = named.base if named.base is not None else _local_module(named.dotted, roots, present, folders)
                if base is None:
                    continue   # another distribution's module, or the standard library's
                stems = [base, *(posixpath.join(base, name) if base else name for name in named.names)]
                packages = [posixpath.join(folder, "__init__.py") for folder in _folders(posixpath.join(base, "x"))]
                for path in (*(f"{stem}{tail}" for stem in stems for tail in (".py", "/__init__.py")), *packages):
                    if path in present and path not in reached:
                        reached.add(path)
                        todo.append(path)
        return reached

    def reads_in(self, scope: AppScope) -> tuple[bool, bool]:
        """Whether the app's code (``scope``) reads the host name, and the client's address."""
        return _any_covered(self.host_files, scope), _any_covered(self.address_files, scope)

    def places_in(self, scope: AppScope) -> tuple[list[Setting[str]], list[Setting[str]]]:
        """Of the first few places that read the host name, and the client's address, those
        in the app's code (``scope``)."""
        return ([each for each in self.host if each.at is not None and scope.covers(each.at.path)],
                [each for each in self.address if each.at is not None and scope.covers(each.at.path)])

    def uses_scheme_in(self, scope: AppScope) -> bool:
        """Whether the app's code (``scope``) does something the request's scheme changes."""
        return _any_covered(self.scheme_files, scope)

    def waits_in(self, scope: AppScope) -> bool:
        """Whether the app's code (``scope``) waits on something outside the process, which
        can hold a request for long: an outbound call, a mail, a subprocess, a sleep, an upload
        or a streamed response."""
        return _any_covered(self.waiting_files, scope)

    def nothing_to_wait_on(self, server: AppServer, bodies_buffered: bool = False) -> str | None:
        """Where the tree holds all of the app's code (the module ``server`` loads and every
        module of the app it names) and none of it does anything a request can hang in
        (``may_hang_in``): that module, which the findings name; else None. ``bodies_buffered``:
        nginx reads every request body whole before the app does, so an upload waits on nothing."""
        module = self.module_of(server)
        if module is None or module in self._blocking(bodies_buffered):
            return None   # (the module's own file decides most apps at once, before the app's scope is built)
        scope = self.app_scope([server])
        return module if self.holds_all_of(scope) and not self.may_hang_in(scope, bodies_buffered) else None

    def _blocking(self, bodies_buffered: bool) -> frozenset[str]:
        return self.blocking_files - self.upload_only_files if bodies_buffered else self.blocking_files

    @staticmethod
    def waits_on_nothing_said(module: str) -> str:
        """What ``nothing_to_wait_on`` found, in the words of a finding."""
        return (f"the app's code is in the checked tree ({module}, the module its server loads, and every module of "
                "the app it names) and none of it calls out, uses a database other than SQLite (whose queries wait at "
                "most their timeout for a lock), a cache, socket, lock, device or pipe, or sleeps")

    def may_hang_in(self, scope: AppScope, bodies_buffered: bool = False) -> bool:
        """Whether the app's code (``scope``) does anything a request can hang in for ever:
        what ``waits_in`` finds, or a database, a cache, a socket, a lock, a queue, a device or a pipe;
        or imports a module that is neither the app's own, nor the standard library's, nor a
        web framework's that waits on nothing by itself (``from app import app`` where the tree
        lacks ``app``: what it does is not known)."""
        if _any_covered(self._blocking(bodies_buffered), scope):
            return True
        present, folders = self._present(scope.roots)
        for path, named in (self.named_modules or {}).items():
            if not scope.covers(path):
                continue
            for each in named:
                top = each.dotted.split(".")[0]
                if each.base is None and each.used and top not in _QUIET_MODULES \
                        and top not in sys.stdlib_module_names \
                        and not (top in ("django", "rest_framework") and self.django_on_sqlite) \
                        and _local_module(each.dotted, scope.roots, present, folders) is None:
                    return True
        return False

    def holds_all_of(self, scope: AppScope) -> bool:
        """Whether the tree holds every module of the app (``scope``) that its code names:
        each module it imports from its own packages (or names as Django's ROOT_URLCONF or an
        `include()`) is a file or package here, and each name imported from one is a module of
        it or a name its file defines. A tree of a few config files and the app's wsgi.py,
        without the views, does not: what the app does is then not known."""
        roots = scope.roots
        present, folders = self._present(roots)
        inits = self.package_names or {}
        for path in (present if scope.files is None else present & scope.files):
            for named in (self.named_modules or {}).get(path, ()):
                base = named.base if named.base is not None else _local_module(named.dotted, roots, present, folders)
                if base is None:
                    continue   # another distribution's module (django, flask...), or a stdlib one
                if base and f"{base}.py" not in present and base not in folders:
                    return False
                for name in named.names:
                    module = posixpath.join(base, name) if base else name
                    if f"{module}.py" in present or module in folders or f"{base}.py" in present or \
                            name in inits.get(posixpath.join(base, "__init__.py") if base else "__init__.py", ()):
                        continue
                    return False
        return True

    def accepts_default_host(self, proxy_host: str) -> bool:
        """Whether the code reads the host name only where Django checks it against
        ALLOWED_HOSTS, and every list of them written matches ``proxy_host`` (nginx's Host when
        no `proxy_set_header Host` is set, `web` or `web:8000`) as Django's ``validate_host``
        does: then that Host passes, and nothing else is built from it. Not known (False)
        where more readers were found than kept."""
        if not self.host or len(self.host) >= _MAX_READERS:
            return False
        written = {each.at: each.value for each in self.allowed_hosts}
        name = _host_name(proxy_host)
        return all(reader.value == "ALLOWED_HOSTS" and reader.at in written
                   and any(_host_matches(name, pattern) for pattern in written[reader.at]) for reader in self.host)

    def missing_module(self, server: AppServer) -> MissingModule | None:
        """A dotted module ``server`` loads its app from (`server.uwsgi`) that no file of the tree
        is, where the server starts (in the folder of a file that configures or starts it, or at
        the top), while the tree holds its package there, with an ``__init__.py``: Python imports
        that package and stops there, so the import fails. Or while the tree holds nothing of its
        top package's name anywhere, but a Django project beside a manage.py there whose package
        holds the module's file (`PomarinaScouts.wsgi` where the project is `Scouts/`): the project
        was renamed, and the import fails at its first name."""
        if self.module_of(server) is not None or _extra_import_path(server):
            return None
        folders = _start_folders(server, self.top)
        for module in _module_specs(server):
            parts = module.split(".")
            stem = "/".join(parts)
            if len(parts) < 2 or any(path == wanted or path.endswith("/" + wanted) for path in self.files
                                     for wanted in (f"{stem}.py", f"{stem}/__init__.py")):
                continue
            package = "/".join(parts[:-1])
            for folder in folders:
                found = posixpath.join(folder, package) if folder else package
                if f"{found}/__init__.py" in self.files:
                    return MissingModule(module, found)
            # Only for a start that surely runs (a container's command, a systemd unit): a leftover
            # template's ini names the template's project.
            renamed = self._renamed_project(parts, folders) if len(parts) == 2 and server.manager is not None \
                and server.manager.kind in ("compose", "docker", "systemd") else None
            if renamed is not None:
                return MissingModule(module, "", renamed)
        return None

    def _renamed_project(self, parts: list[str], folders: Iterable[str]) -> str | None:
        """The one Django project package (shown folder) beside a manage.py of ``folders`` that
        holds ``parts[1]``'s file, where no file or folder of the tree has ``parts[0]``'s name."""
        top, leaf = parts
        if any(f"/{top}/" in f"/{path}" or posixpath.basename(path) == f"{top}.py" for path in self.files):
            return None
        for folder in folders:
            if posixpath.join(folder, "manage.py") not in self.files:
                continue
            found = [posixpath.dirname(path) for path in self.files
                     if posixpath.basename(path) == f"{leaf}.py"
                     and posixpath.dirname(posixpath.dirname(path)) == folder
                     and posixpath.join(posixpath.dirname(path), "__init__.py") in self.files]
            if len(found) == 1:
                return found[0]
        return None

    def module_of(self, server: AppServer) -> str | None:
        """The tree's file that holds the module ``server`` loads the app from: one whose path
        ends with the module's package path (`shop/wsgi.py`), or a lone module (`app.py`)
        beside a file that configures or starts the server, or at the top of the tree; None
        where the tree does not hold it, so what the app reads is not known."""
        if server.app_module:
            return self._with_settings(server.app_module)
        folders = _start_folders(server, self.top)
        for wanted in _module_files(server):
            wanted = wanted.lstrip("/")
            if "/" not in wanted:
                found = next((path for folder in folders
                              if (path := posixpath.join(folder, wanted) if folder else wanted) in self.files), None)
                # The folder it is started in, as the tree holds it (`WorkingDirectory=/srv/app/src`:
                # the tree's src/main.py for `main:app`).
                start = server.start_directory.value if server.start_directory is not None else ""
                below = posixpath.join(posixpath.basename(start.rstrip("/")), wanted) if start else ""
                if found is None and below and not below.startswith("/"):
                    found = next((path for path in sorted(self.files)
                                  if path == below or path.endswith("/" + below)), None)
                if found is not None:
                    return self._with_settings(found)
                continue
            for path in self.files:
                if path == wanted or path.endswith("/" + wanted):
                    return self._with_settings(path)
        return None

    def _with_settings(self, module: str) -> str | None:
        """A Django project's wsgi.py shows its app only with the settings module it names
        (ALLOWED_HOSTS, the middleware, the installed apps): without it, what the app does is
        not known."""
        settings = (self.django_settings or {}).get(module)
        if settings is None:
            return module
        stem = settings.replace(".", "/")
        wanted = (f"{stem}.py", f"{stem}/__init__.py")
        shown = any(path == each or path.endswith("/" + each) for path in self.files for each in wanted)
        return module if shown else None


def _is_under(path: str, roots: Sequence[str]) -> bool:
    return any(not root or path.startswith(root + "/") for root in roots)


def _any_covered(files: frozenset[str], scope: AppScope) -> bool:
    return any(scope.covers(path) for path in files)


def locate_app_modules(servers: list[AppServer], shown: frozenset[str], ctx: ReadContext) -> None:
    """Set ``app_module`` where a container's server finds its module from where it starts: its
    start directory joined with the module's path, in the container's file system (`--chdir
    /app/src` with the tree's backend/ mounted there: backend/wsgi.py), when the tree's Python
    files (``shown``) hold it."""
    for server in servers:
        start = server.start_directory.value if server.start_directory is not None else ""
        # On a host, ``module_of`` finds the module by its path below the start directory's name.
        if not start.startswith("/") or server.place.kind != "container":
            continue
        with ctx.in_filesystem(server.place.filesystem):
            for wanted in _module_files(server):
                local = ctx.local(posixpath.join(start, wanted), named=False)
                if local is not None and os.path.isfile(local) and \
                        (display := posixpath.normpath(ctx.display(local))) in shown:
                    server.app_module = display
                    break


def _app_root(server: AppServer, module: str) -> str:
    for spec in _module_specs(server):
        stem = spec.replace(".", "/")
        for tail in (f"{stem}.py", f"{stem}/__init__.py"):
            if module == tail or module.endswith("/" + tail):
                return module[:-len(tail)].rstrip("/")
    return posixpath.dirname(module)


def _start_folders(server: AppServer, top: str) -> dict[str, None]:
    """The folders ``server`` may start in: those of the files that configure or start it, and
    the checkout's top folder, where a manager's `directory=` usually starts it."""
    return dict.fromkeys([*(posixpath.dirname(posixpath.normpath(path)) for path in _written_in(server)), top])


def _written_in(server: AppServer) -> list[str]:
    """The files that configure or start ``server`` (shown paths), each once."""
    written_in = dict.fromkeys([server.at.path, *(option.at.path for option in server.options)])
    if server.manager is not None:
        written_in[server.manager.at.path] = None
    return list(written_in)


def _extra_import_path(server: AppServer) -> bool:
    """Whether the server may look for modules in more folders than where it starts: it adds
    some (uWSGI's `pythonpath`, Gunicorn's `--pythonpath`, PYTHONPATH), or its environment is
    not all in the files (no manager, an env_file out of the tree)."""
    if server.has("pythonpath", "python-path", "pp"):
        return True
    manager = server.manager
    return manager is None or manager.environment_unseen is not None or "PYTHONPATH" in manager.environment


def _module_specs(server: AppServer) -> list[str]:
    specs = [str(o.value) for o in server.all("module", "wsgi") if not o.unresolved] if server.kind == "uwsgi" \
        else [server.app_spec] if server.kind == "gunicorn" else []
    modules = [spec.split(":", 1)[0].strip() for spec in specs]
    return [module for module in modules if module and all(part.isidentifier() for part in module.split("."))]


def _module_files(server: AppServer) -> list[str]:
    """The file paths the module of ``server``'s app may be at: relative to where it starts for
    a dotted module (`shop.wsgi:application`: shop/wsgi.py or shop/wsgi/__init__.py), as written
    for a `wsgi-file`."""
    paths = [str(o.value) for o in server.all("wsgi-file", "file") if not o.unresolved] \
        if server.kind == "uwsgi" else []
    for module in _module_specs(server):
        stem = module.replace(".", "/")
        paths += [f"{stem}.py", f"{stem}/__init__.py"]
    return [posixpath.normpath(path) for path in paths if path.endswith(".py")]


def _scan_readers(source: SourceFile, text: str, host: list[Setting[str]], address: list[Setting[str]],
                  allowed: list[Setting[tuple[str, ...]]]) -> tuple[str, bool]:
    """Whether ``text`` reads the host name ("other"; "pagination" where only DRF's default
    pagination does, which counts where a view paginates; "" where nothing does) and the
    client's address, adding the places it does up to the first few of each: the markers above
    as text, and Django's ALLOWED_HOSTS unless it is exactly ``['*']`` (Django answers 400 to a
    Host it does not list)."""
    if "ALLOWED_HOSTS" not in text and not any(marker in text for marker in _HOST_MARKERS + _ADDRESS_MARKERS):
        return "", False   # most files: one search of the whole text, no line by line
    reads_host = ""
    reads_address = False
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith("#"):
            continue   # commented out: `# url = request.url` reads nothing
        if not (reads_host == "other" and len(host) >= _MAX_READERS):
            marker = next((each for each in _HOST_MARKERS if _names(line, each)), None)
            if marker is None and "ALLOWED_HOSTS" in line and \
                    not _allows_any_host(line, following := lines[number:number + _MAX_LIST_LINES]):
                marker = "ALLOWED_HOSTS"
                names = _allowed_hosts(line, following)
                if names == () and _debug_set_true(lines):
                    names = _DEBUG_ALLOWED_HOSTS
                if names is not None and len(host) < _MAX_READERS:
                    allowed.append(Setting(names, Span(source.display, number, line.index(marker) + 1)))
            if marker is not None:
                reads_host = "pagination" if marker == _DRF_PAGINATION and reads_host != "other" else "other"
                if len(host) < _MAX_READERS:
                    host.append(Setting(marker, Span(source.display, number, line.index(marker) + 1)))
        if not (reads_address and len(address) >= _MAX_READERS):
            marker = next((each for each in _ADDRESS_MARKERS if _names(line, each)), None)
            if marker is not None:
                reads_address = True
                if len(address) < _MAX_READERS:
                    address.append(Setting(marker, Span(source.display, number, line.index(marker) + 1)))
    return reads_host, reads_address


# Text whose outcome depends on the request's scheme: absolute URLs built from the request
# (Django, DRF's hyperlinks and pagination, Flask's _external, Starlette's request.url_for,
# templates rendered with it), scheme tests and HTTPS redirects, CSRF origin checks (Django's
# middleware, its admin's login form), the password-reset mail's links. Flask's own url_for
# builds a path, and Werkzeug (2.1 on) sends a redirect to it as it is, relative. The scheme
# test is the request's (Flask's property, Django's method), not any name `is_secure`.
_SCHEME_MARKERS = ("build_absolute_uri", "_external=True", "host_url", "url_root", "request.url", "request.base_url",
                   "request.url_for(", "request.is_secure", ".is_secure(", "request.scheme", "SECURE_SSL_REDIRECT",
                   "CsrfViewMiddleware", "django.contrib.admin", "DEFAULT_PAGINATION_CLASS", "Hyperlinked", "PasswordResetView",
                   "password_reset", "django.contrib.auth.urls", "TemplateResponse", "Jinja2Templates",
                   "render_template(")

# DRF's default pagination builds its next and previous links with `build_absolute_uri`, but
# only for a view that paginates: a generic list view or viewset, or one that calls the
# paginator itself. Function views and plain APIViews never do.
_DRF_PAGINATION = "DEFAULT_PAGINATION_CLASS"
_PAGINATING_VIEWS = ("ListAPIView", "ListCreateAPIView", "ListModelMixin", "ModelViewSet", "paginate_queryset",
                     "pagination_class", "get_paginated_response")

# Flask's render_template: the scheme counts only where a template builds from it (Flask's
# url_for in a template makes a path, unless `_external=True`; the request's own URL parts).
_FLASK_RENDER = "render_template("
_TEMPLATE_SCHEME_MARKERS = ("_external=True", "_external = True", "request.url", "request.host_url",
                            "request.base_url", "request.scheme", "request.is_secure", "url_root")
_TEMPLATE_SUFFIXES = (".html", ".htm", ".jinja", ".jinja2", ".j2", ".xml", ".txt")


@functools.cache
def _slash_route() -> re.Pattern[str]:
    # A route whose path ends in "/" (Flask's strict slashes, Starlette's redirect_slashes): a
    # request without the slash is redirected to an absolute URL built with the request's scheme.
    return re.compile(r"""\.(?:route|get|post|put|patch|delete|api_route|websocket)\(\s*(['"])/[^'"\s]*/\1""")


@functools.cache
def _root_route() -> re.Pattern[str]:
    return re.compile(r"""\.(?:route|get|post|put|patch|delete|api_route)\(\s*(['"])/\1""")


# Markers whose dependence on the scheme is Django's CSRF origin check alone (the admin's
# login form is a CSRF-checked POST): an https origin in CSRF_TRUSTED_ORIGINS passes it.
_CSRF_MARKERS = frozenset({"CsrfViewMiddleware", "django.contrib.admin"})


_ALWAYS = frozenset({"other"})


def _scan_scheme_readers(text: str) -> frozenset[str]:
    """What in ``text`` the request's scheme changes, each a condition for it to count: "other"
    (always), "csrf" (Django's CSRF origin check), "templates" (what Flask's templates build),
    "pagination" (DRF's default pagination); none where nothing does."""
    has_marker = any(marker in text for marker in _SCHEME_MARKERS)
    if not has_marker and ("/'" not in text and '/"' not in text):
        return frozenset()
    # A router or blueprint, mounted under a prefix (here or where it is included): its "/"
    # route is "/prefix/".
    prefixed = "prefix=" in text or "APIRouter(" in text or "Blueprint(" in text
    found: set[str] = set()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue   # commented out: `# 'django.middleware.csrf.CsrfViewMiddleware',` runs nothing
        marker = next((each for each in _SCHEME_MARKERS if _names(line, each)), None) if has_marker else None
        if marker == _FLASK_RENDER:
            found.add("templates")
        elif marker == _DRF_PAGINATION:
            found.add("pagination")
        elif marker is not None:
            if marker not in _CSRF_MARKERS:
                return _ALWAYS
            found.add("csrf")
        if ("/'" in line or '/"' in line) and (_slash_route().search(line) or prefixed and _root_route().search(line)):
            return _ALWAYS
    return frozenset(found)


def _origins_assignments(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` that assigns Django's CSRF_TRUSTED_ORIGINS: where it starts, and
    what follows its ``=`` on that line."""
    start = text.find("CSRF_TRUSTED_ORIGINS")
    while start != -1:
        line_end = text.find("\n", start)
        name, equals, value = text[start:line_end if line_end != -1 else len(text)].partition("=")
        if equals and name.strip() == "CSRF_TRUSTED_ORIGINS":
            yield start + len(name) + 1, value
        start = text.find("CSRF_TRUSTED_ORIGINS", start + 1)


def _origins_from_environment(text: str, shown: str) -> Setting[str] | None:
    """Where ``text`` sets CSRF_TRUSTED_ORIGINS from the environment
    (`os.environ.get("CSRF_TRUSTED_ORIGINS").split()`, `env.list(...)`, `config(...)`): what is
    written, at its line; None where it does not. A list written with its scheme
    (`[f"http://{x}:81" for x in env(...)]`) says which origins it trusts."""
    for at, value in _origins_assignments(text):
        if "://" not in value and any(reader in value for reader in ("environ", "getenv", "env(", "env.", "config(")):
            return Setting(f"CSRF_TRUSTED_ORIGINS ={value}", Span(shown, text.count("\n", 0, at) + 1))
    return None


def _trusts_https_origins(text: str) -> bool:
    """Whether ``text`` sets Django's CSRF_TRUSTED_ORIGINS to a list written with an
    ``https://`` origin (not one read from the environment: its value is not known)."""
    for at, value in _origins_assignments(text):
        if value.strip()[:1] in ("[", "("):
            # The list, up to its closing bracket (a few lines at most).
            written = text[at:at + 2000]
            closing = written.find("]" if value.strip()[0] == "[" else ")")
            if "https://" in written[:closing if closing != -1 else len(written)]:
                return True
    return False


# Text that waits on something outside the process, which a request can take long for: HTTP
# clients and the SDKs of remote services (cloud storage, payments, messaging, language
# models), mail, subprocesses, sleeps, uploads read from the request (``_UPLOAD_MARKERS``), and
# responses streamed or sent from a file (a slow client holds the worker until the last byte).
_WAITING_MARKERS = ("import requests", "from requests ", "requests.get(", "requests.post(", "requests.request(",
                    "httpx", "urlopen", "urllib3", "aiohttp", "http.client", "pycurl", "grpc",
                    "boto3", "botocore", "google.cloud", "azure.", "openai", "anthropic", "langchain", "ollama",
                    "genai", "generativeai", "twilio", "stripe", "smtplib", "send_mail", "EmailMessage", "flask_mail",
                    "fastapi_mail", "subprocess", "os.system(", "os.popen(", "sleep(", "send_file(", "send_from_directory(",
                    "FileResponse", "StreamingHttpResponse", "StreamingResponse", "stream_with_context",
                    "EventSourceResponse", "static.serve", "django.views.static", ".result(",
                    "AsyncResult", "paramiko", "ftplib", "selenium", "playwright")


# What else a request can hang in for ever (a stuck query, a lock never released, a socket never
# answered): databases and their ORMs, caches, sockets, locks, queues and brokers, devices and
# pipes (a serial port, a FIFO, whose read waits for the other end). Not Python's sqlite3: a
# query waits at most its connection's timeout (5 s unless set) for a lock another process
# holds, then fails with "database is locked" (measured). Not a plain file the app reads or
# writes (`open("data/notes.json")`): a local disk answers at once. `select` is the module,
# not an SQL query's first word.
@functools.cache
def _django_engine() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`"ENGINE": "django.db.backends.sqlite3"` in a settings file's DATABASES, and any ENGINE key."""
    return re.compile(r"""["']ENGINE["']\s*:\s*["']([\w.]+)["']"""), re.compile(r"""["']ENGINE["']\s*:""")


_DATABASE_URLS = ("DATABASE_URL", "dj_database_url", "db_url(", "env.db(", "DB_ENGINE", "DATABASE_ENGINE")

_BLOCKING_MARKERS = ("django", "sqlalchemy", "psycopg", "pymysql", "MySQLdb", "mysql", "oracledb",
                     "cx_Oracle", "pyodbc", "peewee", "pony", "tortoise", "asyncpg", "databases", "redis", "pymongo",
                     "motor", "mongo", "cassandra", "elasticsearch", "memcache", "socket", "threading",
                     "multiprocessing", "Lock(", "Semaphore", "Queue", "queue", "celery", "kombu", "pika", "kafka",
                     "zmq", "/dev/", "mkfifo", "import serial\n", "import serial ", "import serial,", "from serial import",
                     "serial.Serial(", "input(", "import select", "select.select(", "select.poll(",
                     "select.epoll(", "selectors", "fcntl", "flock", "TCPStatsClient")

# Web frameworks and what they are built on, which wait on nothing a request does not ask them
# to; libraries that only read settings (python-decouple, python-dotenv, django-environ) or
# render forms (django-crispy-forms and its template packs, django-widget-tweaks); and the
# statsd client, whose StatsClient sends each metric as one UDP datagram and waits for no
# answer (its TCPStatsClient connects, a blocking marker); BeautifulSoup and Markdown, which
# parse or render the text they are given and fetch nothing; django-admin-bootstrap, templates
# and static files for Django's admin; and sqlitedict, a dict kept in an SQLite file (a query
# waits at most SQLite's lock timeout, as Python's sqlite3 does).
_QUIET_MODULES = frozenset(("flask", "werkzeug", "jinja2", "markupsafe", "itsdangerous", "click", "bottle", "falcon",
                            "webob", "pyramid", "cherrypy", "flask_restful", "flask_restx", "flask_cors",
                            "decouple", "dotenv", "environ", "crispy_forms", "crispy_bootstrap4",
                            "crispy_bootstrap5", "widget_tweaks", "statsd", "bs4", "markdown", "bootstrap_admin",
                            "sqlitedict"))

_LONG_LIVED = ("socketio", "websocket")   # connections held open, written in any case (SocketIO, WebSocket)

# An upload read from the request: it waits on the client sending the body, unless nginx in
# front buffers the body whole first (its `*_request_buffering`, on by default), and the app
# then reads it from the local socket at once.
_UPLOAD_MARKERS = ("request.files", "request.FILES", "UploadFile", "FileField", "ImageField", "FileStorage")


def _waits(text: str) -> bool:
    """Whether ``text`` waits on something outside the process, or holds a connection open."""
    return _waits_beyond_uploads(text) or any(marker in text for marker in _UPLOAD_MARKERS)


def _waits_beyond_uploads(text: str) -> bool:
    """Whether ``text`` waits on something outside the process that is no upload's body."""
    if any(marker in text for marker in _WAITING_MARKERS):
        return True
    lowered = text.lower()
    return any(marker in lowered for marker in _LONG_LIVED)


def _names(line: str, marker: str) -> bool:
    """Whether ``line`` holds ``marker`` as a whole name: `request.url` is not the start of
    `urllib.request.urlopen`."""
    start = line.find(marker)
    while start != -1:
        end = start + len(marker)
        whole = not marker[-1].isidentifier() or end == len(line) or not (line[end].isalnum() or line[end] == "_")
        # `request.url.query`, `request.url.path`: a part of the URL that is neither host nor scheme.
        if whole and not line.startswith(_URL_PARTS, end) and not (marker in _CLASS_SETTINGS and _no_class(line, end)):
            return True
        start = line.find(marker, start + 1)
    return False


# DRF settings that do something only when their value names a class: `None`, or a list (a
# module named in brackets), builds no links; DRF calls what it imports to make a paginator.
_CLASS_SETTINGS = ("DEFAULT_PAGINATION_CLASS",)


def _no_class(line: str, end: int) -> bool:
    """Whether the setting whose name ends at ``end`` is given, on this line, a value that is
    not a string: `"DEFAULT_PAGINATION_CLASS": None`. A value on the next line, or a use of the
    setting, is not known to be one."""
    rest = line[end:].lstrip("'\"] \t")
    if not rest.startswith((":", "=")) or rest.startswith("=="):
        return False
    value = rest[1:].strip()
    return bool(value) and not value.startswith(("'", '"', "#"))


_URL_PARTS = (".query", ".path", ".fragment", ".params")


def _allows_any_host(line: str, following: Sequence[str] = ()) -> bool:
    """Whether a line that names ALLOWED_HOSTS is no assignment, or assigns exactly ``['*']``."""
    name, equals, _ = line.partition("=")
    if not equals or name.strip() != "ALLOWED_HOSTS":
        return not equals or "ALLOWED_HOSTS" not in name   # a use, not the setting
    return _allowed_hosts(line, following) == ("*",)


# How many lines a list written over several lines (`ALLOWED_HOSTS = [` and one name a line)
# is looked for in.
_MAX_LIST_LINES = 40


def _allowed_hosts(line: str, following: Sequence[str] = ()) -> tuple[str, ...] | None:
    """The names a line assigning ALLOWED_HOSTS writes as a list of strings, on that line or
    over the ``following`` ones up to the list's end; None where they come from the
    environment or code."""
    name, equals, value = line.partition("=")
    if not equals or name.strip() != "ALLOWED_HOSTS":
        return None
    written = _literal(value)
    if written is None and value.strip()[:1] in ("[", "("):
        text = value
        for more in following:
            text += "\n" + more
            written = _literal(text)
            if written is not None:
                break
    if not isinstance(written, (list, tuple)) or not all(isinstance(each, str) for each in written):
        return None
    return tuple(written)


# What Django (1.10.3 on) checks Host against where ALLOWED_HOSTS is empty and DEBUG is True.
_DEBUG_ALLOWED_HOSTS = (".localhost", "127.0.0.1", "[::1]")


def _debug_set_true(lines: Sequence[str]) -> bool:
    """Whether a settings module sets ``DEBUG = True`` at its top level, as a literal."""
    return any(line.startswith("DEBUG") and line.partition("=")[0].strip() == "DEBUG"
               and line.partition("=")[2].split("#", 1)[0].strip() == "True" for line in lines)


def _literal(text: str) -> object:
    """A Python literal's value, its comments left out; None where the text is none."""
    source = "\n".join(part.split("#", 1)[0] for part in text.split("\n")).strip()
    try:
        return ast.literal_eval(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _host_name(host: str) -> str:
    """A Host header's name as Django's ``split_domain_port`` leaves it: lower case, without the
    port (an IPv6 address keeps its brackets), without a trailing dot."""
    host = host.lower()
    if host.startswith("["):
        return host[:host.find("]") + 1] if "]" in host else ""
    return host.rsplit(":", 1)[0].rstrip(".")


def _host_matches(name: str, pattern: str) -> bool:
    """Django's ``is_same_domain``: `*` any host, `.example.com` the domain and its subdomains,
    else the same name (case does not count)."""
    pattern = pattern.lower()
    if pattern == "*":
        return True
    if pattern.startswith("."):
        return name.endswith(pattern) or name == pattern[1:]
    return name == pattern


class _Named(NamedTuple):
    """A module a file names: ``base`` is its path (shown, no `.py`) for a relative import, else
    None and ``dotted`` is its absolute name; ``names`` are those imported from it."""

    base: str | None
    dotted: str
    names: tuple[str, ...]
    used: bool = True     # False: a module imported whole whose name the file never uses again


# More modules than this named in one file are not followed (a generated file).
_MAX_NAMED = 200


def _beside_manage(files: list[SourceFile]) -> dict[str, str]:
    """The modules (stem -> shown path) in the folder of a Django project's manage.py, itself and
    packages left out: where a Python file of the tree names one, it is the project's code."""
    shown = [posixpath.normpath(source.display) for source in files if source.path.endswith(".py") and not source.kind]
    projects = {posixpath.dirname(path) for path in shown if posixpath.basename(path) == "manage.py"}
    return {stem: path for path in shown if posixpath.dirname(path) in projects
            and (stem := posixpath.basename(path)[:-3]) != "manage" and stem.isidentifier()}


@functools.lru_cache(maxsize=8)   # one set of stems a check: a process checking many trees keeps few
def _naming(stems: frozenset[str]) -> re.Pattern[str]:
    """Where a text names one of ``stems`` as a module: an import, a dotted path (`'ctx.debug'`),
    or a whole string that is no dictionary key (`ROOT_URLCONF = 'urls'`, not `'urls': ...`)."""
    alternatives = "|".join(map(re.escape, sorted(stems)))
    return re.compile(rf"""\b(?:from|import)[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*({alternatives})\b"""
                      rf"""|(?<![\w.])({alternatives})\.[A-Za-z_]"""
                      rf"""|['"]({alternatives})['"](?![ \t]*:)""")


@functools.cache
def _import_line() -> re.Pattern[str]:
    return re.compile(r"""^[ \t]*(?:from[ \t]+(?P<dots>\.*)(?P<from>[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#;]*)"""
                      r"""|import[ \t]+(?P<modules>[\w. \t,]+))"""
                      r"""|(?:ROOT_URLCONF[ \t]*=[ \t]*|\binclude\([ \t]*)(?P<quote>['"])(?P<string>[\w.]+)(?P=quote)""",
                      re.M)


@functools.cache
def _triple_quoted() -> re.Pattern[str]:
    return re.compile(r"""(\"\"\"|''')[\s\S]*?\1""")


@functools.cache
def _identifier() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _named_modules(text: str, folder: str, unused: frozenset[str] = frozenset()) -> tuple[_Named, ...]:
    """The modules ``text`` (a file in ``folder``) names, read from its text, never run. Not in
    its docstrings: Django's stock urls.py shows `include('blog.urls')` as an example there.
    ``unused``: the modules the file imports whole and never uses (``_unused_imports``)."""
    found: list[_Named] = []
    if '"""' in text or "'''" in text:
        text = _triple_quoted().sub("", text)
    for match in _import_line().finditer(text):
        if len(found) >= _MAX_NAMED:
            break
        if match["string"]:
            found.append(_Named(None, match["string"], ()))
        elif match["modules"]:
            found += [_Named(None, word.split()[0], (), word.split()[0] not in unused)
                      for word in match["modules"].split(",") if word.strip()]
        elif match["dots"]:
            base = folder
            for _ in range(len(match["dots"]) - 1):
                base = posixpath.dirname(base)
            base = posixpath.join(base, *match["from"].split(".")) if match["from"] else base
            found.append(_Named(base, match["from"], _imported(match["names"])))
        elif match["from"]:
            found.append(_Named(None, match["from"], _imported(match["names"])))
    return tuple(found)


def _unused_imports(text: str) -> dict[str, list[tuple[int, int]]]:
    """The modules a file imports whole (`import requests`, `import a.b as c`) where no name an
    import of them binds shows anywhere else in the text, with the spans of those imports: what
    the file never uses. A name in a comment or a string counts as a use. Not `from x import y`:
    the names it binds are the module's own to others (`from views import application`, which
    uWSGI loads by name)."""
    if "import" not in text:
        return {}
    spans: dict[str, list[tuple[int, int]]] = {}
    used: set[str] = set()
    # Each import looked at searches the whole text once: the first few, as _named_modules
    # takes; a module imported after them counts as used.
    for match in itertools.islice(_import_line().finditer(text), _MAX_NAMED):
        if not match["modules"]:
            continue
        bound = [(word.split()[0], _bound(word)) for word in match["modules"].split(",") if word.strip()]
        start, end = match.span()
        for module, name in bound:
            if _used_outside(text, name, start, end):
                used.add(module)
            else:
                spans.setdefault(module, []).append((start, end))
    return {module: found for module, found in spans.items() if module not in used}


def _bound(word: str) -> str:
    """The name an import binds: `a.b` binds `a`, `a as b` binds `b`."""
    parts = word.split()
    return parts[2] if len(parts) == 3 and parts[1] == "as" else parts[0].split(".")[0] if parts else ""


def _used_outside(text: str, name: str, start: int, end: int) -> bool:
    """Whether ``name`` shows as a whole word in ``text`` outside ``start``-``end``."""
    if not name.isidentifier():
        return True
    position = text.find(name)
    while position >= 0:
        after = position + len(name)
        if not start <= position < end and (position == 0 or not _word_char(text[position - 1])) \
                and (after == len(text) or not _word_char(text[after])):
            return True
        position = text.find(name, position + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _without_lines(text: str, spans: Iterable[list[tuple[int, int]]]) -> str:
    """``text`` with the given spans blanked (newlines kept, so line numbers stay)."""
    chars = list(text)
    for found in spans:
        for start, end in found:
            for index in range(start, end):
                if chars[index] != "\n":
                    chars[index] = " "
    return "".join(chars)


def _imported(names: str) -> tuple[str, ...]:
    """The names of `from X import a, b as c` (or a parenthesised list over lines), `*` left out."""
    return tuple(word.split()[0] for word in names.strip("()").replace("\n", ",").split(",")
                 if word.strip() and word.split()[0] != "*")


def _folders(path: str) -> Iterator[str]:
    """The folders above ``path``, innermost first; an absolute path's end at ``/``."""
    folder = posixpath.dirname(path)
    while folder:
        yield folder
        parent = posixpath.dirname(folder)
        if parent == folder:
            return
        folder = parent


def _local_module(dotted: str, roots: Sequence[str], present: set[str], folders: set[str]) -> str | None:
    """The path (shown, no `.py`) ``dotted`` names below one of ``roots`` where its top
    package or module is there; None where it is not the app's own."""
    top = dotted.split(".")[0]
    for root in roots:
        start = posixpath.join(root, top) if root else top
        if f"{start}.py" in present or start in folders:
            return posixpath.join(root, *dotted.split(".")) if root else posixpath.join(*dotted.split("."))
    return None


def _top(files: list[SourceFile]) -> str:
    """The folder every checked file is under, as paths are shown ("" for the working folder)."""
    folders = {posixpath.dirname(posixpath.normpath(source.display)) for source in files}
    if not folders or any(folder.startswith("/") for folder in folders) != all(
            folder.startswith("/") for folder in folders):
        return ""
    top = posixpath.commonpath(list(folders))
    return "" if top in (".", "/") else top


def _templates_use_scheme(files: list[SourceFile], ctx: ReadContext) -> bool:
    """Whether a template of the tree (a file under a `templates` folder) builds from the
    request's scheme: an absolute URL (`url_for(..., _external=True)`) or the request's URL."""
    for source in files:
        if source.kind or not source.path.lower().endswith(_TEMPLATE_SUFFIXES) \
                or f"{os.sep}templates{os.sep}" not in source.path:
            continue
        text = ctx.scan(source.path).text
        if text and any(marker in text for marker in _TEMPLATE_SCHEME_MARKERS):
            return True
    return False


def _texts(files: list[SourceFile], ctx: ReadContext) -> Iterator[tuple[SourceFile, str]]:
    """Each Python file of the tree that is no config of its own (not too large), with its text."""
    for source in files:
        if source.kind or not source.path.endswith(".py"):
            continue
        try:
            if os.stat(source.path).st_size > _MAX_BYTES:
                continue
        except OSError:
            continue
        text = ctx.scan(source.path).text
        if text is not None:   # an empty module (an `__init__.py`) is part of the app's code too
            yield source, text


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _markers_in(tree: ast.Module) -> list[tuple[str, int, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            if value is not None and not (isinstance(value, ast.Constant) and value.value is None) and any(
                    _name(target) == "SECURE_PROXY_SSL_HEADER" for target in targets):
                found.append(("SECURE_PROXY_SSL_HEADER", node.lineno, node.col_offset))
        elif isinstance(node, ast.Call):
            called = _name(node.func)
            if called != "add_middleware" and called not in ("ProxyFix", "ProxyHeadersMiddleware"):
                continue
            if called == "add_middleware":   # Starlette: app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=...)
                called = _name(node.args[0]) if node.args else ""
            keywords = {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
            if called == "ProxyFix" and not _is_zero(keywords.get("x_proto")):
                found.append(("werkzeug ProxyFix", node.lineno, node.col_offset))
            elif called == "ProxyHeadersMiddleware" and _trusts_others(keywords.get("trusted_hosts")):
                found.append(("uvicorn ProxyHeadersMiddleware", node.lineno, node.col_offset))
    return sorted(found, key=lambda marker: (marker[1], marker[2]))


def _ssl_headers_in(tree: ast.Module) -> list[tuple[str, int, int]]:
    """The header each ``SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTOCOL", "https")`` names,
    as a request header (``X-Forwarded-Protocol``): Django reads ``request.META`` under that key."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, (ast.Tuple, ast.List)) and any(
                _name(target) == "SECURE_PROXY_SSL_HEADER"
                for target in (node.targets if isinstance(node, ast.Assign) else [node.target])):
            first = node.value.elts[0] if node.value.elts else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.startswith("HTTP_"):
                header = "-".join(part.capitalize() for part in first.value[len("HTTP_"):].split("_"))
                found.append((header, node.lineno, node.col_offset))
    return found


def _is_zero(value: ast.expr | None) -> bool:
    return isinstance(value, ast.Constant) and value.value in (0, False)


def _trusts_others(value: ast.expr | None) -> bool:
    """``trusted_hosts`` given, and not only loopback written out (that is the default)."""
    if value is None:
        return False
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return any(host.strip() not in _LOOPBACK for host in value.value.split(","))
    if isinstance(value, (ast.List, ast.Tuple)):
        return not all(isinstance(item, ast.Constant) and item.value in _LOOPBACK for item in value.elts)
    return True
