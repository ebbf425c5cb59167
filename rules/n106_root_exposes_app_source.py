"""nginx serves static files from the app's own directory: its source and secrets.

## What it checks
A directory nginx serves files from (an `alias`; a `root` at the server level when no
`location /` catches the rest, or in a prefix location, plus that location's path) in
a location that does not hand every request to `*_pass`/`return` (or uses
`try_files`), when it is:
- a checked app server's directory, or one above it: uWSGI/Gunicorn `chdir` (or the
  directory the manager starts it in), the directory of its `wsgi-file`, its
  `pythonpath`, or the package of its `module`;
- a project directory in root's home (`root /root/DjangoBlog/;`): a folder straight
  in `/root/`, where a project is checked out, whose name is not a static-files
  directory (`static`, `media`, `collectstatic`, `collectedstatic`, `static_collected`,
  `staticroot`, `public`, `dist`...). A folder below it (`/root/imgsize/_include/`) is
  one the project serves, not its code, unless a checked app names it as above.

An `alias` without a trailing slash in a location with one (`location /static/ { alias
/srv/app; }`) joins the rest of the URL to the folder's own name (`/srv/appx`, measured with
nginx 1.22): nothing inside the folder is served, and N104 reports the mismatch.

## What breaks in production
Every file under that directory is downloadable by URL: settings modules with
`SECRET_KEY` and database passwords, `.env`, `db.sqlite3`, `.git/`. (nginx serves
what the worker user can read; measured with nginx 1.22 in N103's case: a
`settings.py` under an alias was answered with 200 and its contents.) Root's home is
closed to other users on Debian and RHEL (modes 0700 and 0550): there nginx's worker
cannot open the files (nginx answers 403) until someone opens `/root` to it, which
exposes everything in it; workers running as root (`user root;`) read them at once.

## Known problems
An nginx in one container and an app in another share a directory only through a volume or
bind mount both have there: the app's directory in its own container's file system is not
matched by an nginx elsewhere, which finds nothing at that path. Regex and exact (`=`)
locations are not checked. Directories of apps that are not
among the checked files are not known, except under
`/root/`. A `location ~ \\.py$ { return 403; }` guard is not taken into account: it
leaves `.env`, databases and `.git` readable anyway.

## How to fix
Collect static files into their own directory outside the code (`STATIC_ROOT =
/var/www/app/static`), serve only that with `location /static/ { alias ...; }`, and
pass everything else to the app; keep the app out of `/root`.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, NginxDirective, NginxInstance, NginxLocation, NginxScope, Span

CODE = "N106"
SLUG = "root-exposes-app-source"
SEVERITY = "error"
SUMMARY = "nginx serves files from the app's source directory (or /root): code and secrets can be downloaded."

BAD = {
    "deploy/nginx.conf": "server {\n    listen 80;\n    root /srv/blog;\n    location / {\n"
                         "        try_files $uri @app;\n    }\n    location @app {\n"
                         "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
    "deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nchdir = '/srv/blog'\nwsgi_app = 'blog.wsgi:application'\n",
}
GOOD = {
    "deploy/nginx.conf": BAD["deploy/nginx.conf"].replace("root /srv/blog;", "root /var/www/blog-static;"),
    "deploy/gunicorn.conf.py": BAD["deploy/gunicorn.conf.py"],
}

_PROGRAM = {"uwsgi": "uWSGI", "gunicorn": "Gunicorn"}
# The last part of a directory that holds only what is meant to be served: the names
# projects give Django's STATIC_ROOT / MEDIA_ROOT (``collectstatic`` after the command that
# fills it, ``static_collected``, ``staticroot``...) and the usual build outputs; spelt with
# ``-`` or ``_``, which are compared as one.
_STATIC_NAMES = frozenset({
    "static", "statics", "staticfiles", "static_files", "static_root", "staticroot", "collectstatic",
    "collectedstatic", "collected_static", "static_collected", "static_dist", "static_build",
    "media", "mediafiles", "media_root", "uploads", "public", "assets", "dist", "build", "html", "www",
    "htdocs", "files", "site",
})


def _directory(path: str) -> str:
    return posixpath.normpath(path) if path.startswith("/") and "$" not in path else ""


def _app_directories(server: AppServer) -> list[tuple[str, Span]]:
    """(directory, where it is set) holding the app's code."""
    found = []
    base = server.start_directory.value if server.start_directory is not None else ""
    if server.start_directory is not None and (directory := _directory(str(base))):
        found.append((directory, server.start_directory.at or server.at))
    for option in server.all("wsgi-file", "file", "pythonpath", "python-path", "pp", "module", "wsgi", "w",
                             "wsgi_app"):
        values = option.value if isinstance(option.value, list) else [option.value]
        for value in values:
            if not isinstance(value, str) or option.unresolved or not value:
                continue
            if option.key in ("module", "wsgi", "w", "wsgi_app"):
                package = value.split(":", 1)[0].split(".", 1)[0]
                path = posixpath.join(base, package) if base and "/" not in package else ""
            elif option.key in ("wsgi-file", "file"):
                path = posixpath.dirname(posixpath.join(base, value) if base else value)
            else:
                path = posixpath.join(base, value) if base else value
            if directory := _directory(path):
                found.append((directory, option.at))
    return found


def _served_directories(instance: NginxInstance) -> Iterator[tuple[NginxDirective, str]]:
    """(root/alias directive, directory) for every place nginx serves files from: an
    alias, the root itself at the server level and in ``location /``, root plus the
    prefix in other prefix locations. Regex and exact locations serve a few file
    names only and are left out."""
    for server in instance.servers:
        if server.passed_over is not None:
            continue   # nginx serves nothing from a block it never picks
        locations = list(server.all_locations())
        scopes: list[NginxScope] = [s for s in locations if not s.hands_off and s.is_prefix]
        catch_all = any(s.is_prefix and s.path == "/" for s in locations)
        if server.block is not None and not catch_all:
            scopes.append(server)
        for scope in scopes:
            alias = scope.alias if isinstance(scope, NginxLocation) else None
            roots = scope.effective("root")
            directive = alias or (roots[0] if roots else None)
            served = _directory(directive.args[0]) if directive is not None and directive.args else ""
            if directive is None or not served:
                continue
            if isinstance(scope, NginxLocation) and alias is not None and scope.path.endswith("/") \
                    and not alias.args[0].endswith("/"):
                continue   # `/static/x` maps to `<alias>x`, a sibling's name: nothing inside the folder
            if alias is None and isinstance(scope, NginxLocation) and scope.path != "/":
                served = posixpath.normpath(posixpath.join(served, scope.path.lstrip("/")))
            yield directive, served


def _project_in_root_home(served: str, root_is_app: bool) -> bool:
    """A folder checked out straight into root's home (``/root/DjangoBlog``) is taken for a
    project; a folder below one (``/root/imgsize/_include``) is a folder the project serves,
    not its code, and so is every folder of ``/root`` when an app runs from ``/root`` itself.
    (A project folder the checked apps name is matched before, whatever its depth.)"""
    parts = served.split("/")
    return (len(parts) == 3 and parts[1] == "root" and not root_is_app
            and parts[2].lower().replace("-", "_") not in _STATIC_NAMES)


def check(deployment: Deployment) -> Iterator[Hit]:
    # Every directory that holds an app's code, under each of its ancestors: one lookup per
    # served directory, whatever the number of apps.
    # Keyed by the file system the directory is in (``Place.locate``: a container's own, a
    # volume it shares, the host's): an app's directory in its own container is no file of an
    # nginx in another, which serves nothing there.
    holding: dict[tuple[str, str], tuple[AppServer, str, Span]] = {}
    for server in deployment.app_servers:
        for path, at in _app_directories(server):
            store, ancestor = server.place.locate(path)
            # A directory already held has its ancestors held too (the first app keeps them).
            while (store, ancestor) not in holding:
                holding[store, ancestor] = (server, path, at)
                parent = posixpath.dirname(ancestor)
                if parent == ancestor:
                    break
                ancestor = parent
    root_is_app = any(path == "/root" for _server, path, _at in holding.values())
    for instance in deployment.nginx:
        for directive, served in _served_directories(instance):
            store, inside = instance.place.locate(served.rstrip("/") or "/")
            exposed = holding.get((store, inside))
            if exposed:
                server, path, at = exposed
                which = "the directory of" if path == served else f"a directory above {path}, the code of"
                app = f"{_PROGRAM.get(server.kind, server.kind)} app {server.name}"
                yield Hit(directive.value_at, f"nginx serves files from {served}, {which} {app}: its source and "
                          "secrets (settings, .env, databases, .git) can be downloaded by URL; serve only a "
                          "collected static directory outside the code",
                          (Related(at, f"{app} lives in {path}"),))
            elif _project_in_root_home(served, root_is_app):
                # nginx's workers running as root open /root whatever its mode: no 403 then.
                closed = ("" if instance.user.value == "root" else
                          " (or, while /root stays closed to nginx's user, every file answers 403)")
                yield Hit(directive.value_at, f"nginx serves files from {served}, a project directory in root's "
                          f"home: any readable file there (settings, .env, databases, .git) can be downloaded by "
                          f"URL{closed}; serve only a static directory outside /root")
