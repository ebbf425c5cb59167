"""A prefix location without a trailing slash uses an alias that has one: path traversal.

## What it checks
A prefix `location` (no `=`, `~`, `~*`) whose path does not end in `/`, with an `alias`
that does: `location /static { alias /srv/app/static/; }`.
A location no request can select (N118, N119) is left to those rules.

## What breaks in production
nginx replaces the matched prefix with the alias, so `/static../app/settings.py`
becomes `/srv/app/static/../app/settings.py`: one directory above the alias is
readable by anyone. Measured with nginx 1.22: `GET /static../app/settings.py`
answered 200 with the file's contents.

A location marked `internal;` answers 404 to every outside request, the traversal too
(measured with nginx 1.22 in tests/e2e/test_n103_alias_traversal.py): only an internal
redirect reaches it (`X-Accel-Redirect` from the app, `error_page`, `rewrite ... last`,
`try_files`). That is reported as info: the files above the alias are exposed only if
such a redirect is built from what a client sends (an app answering
`X-Accel-Redirect: /internal-resource` + a path from the request).

In a container of the official nginx image, an alias folder that is only a volume's mount
point (`./static:/opt/app/static`) has nothing above it: the image keeps none of its own files
in /opt (or /srv, /app, /usr/src...), and Docker creates the folders above a mount point empty. Where
no COPY or other volume puts anything at, above or beside the alias there, the traversal
reaches no file: info, naming that. The same holds where the only other things there are
volumes that this server serves to anyone anyway (`/app/staticfiles` and `/app/media`, each
with its own public `location`), or, in the image's /usr/share/nginx, its own `html/` (only
index.html and 50x.html, from the nginx.org package) or a volume mounted over it, served by
`location /`: the traversal reaches nothing that is not public (a warning
when it lists with `autoindex` a folder whose own location does not). A mount of the project
above it, an app image that holds the app there, or a host keeps the error. Where the only
things there are other volumes, one of them not served, what the traversal reaches is what
that volume holds at run time (certificates, uploads, keys nginx's workers may not read),
which the files do not show: a warning naming it, where those are named volumes no location
of the server names (a volume of the tree's folder bound in, or one the server guards or serves
only internally, keeps the error).

An alias that is an app's folder in an installed package's `static/` folder
(`alias /usr/local/lib/python3.11/site-packages/rest_framework/static/rest_framework/;`,
Django admin's `.../django/contrib/admin/static/admin/`) has above it only that folder: a
Django app ships its static files in `static/<app>/`, which is all `static/` holds in Django's
and Django REST framework's wheels, and nginx folds a further `/..` out of the request's path
(which then no longer matches the location). That is reported as info, naming the assumption.

Where another location of the same server serves the folder above the alias to anyone
anyway (`location /static/ { alias /srv/app/static/; }` beside `location /resources { alias
/srv/app/static/main/; }`: a prefix location, not internal, behind no access check, passing
nothing to an app), the traversal reaches only files that are public already: nginx folds a
second `/..` out of the request's path, which then no longer matches the location (measured
with nginx 1.22). That is reported as info; a warning where this location lists the folder
with `autoindex` and the other does not (anyone can list its file names).

A location whose own `try_files` names only fixed files (no variable in any argument:
`location /kristine.ics { alias /srv/nas/; try_files /kristine.ics =404; }`) serves one of
those whatever path is asked for: nginx tries them below the alias and never the request's
own path (measured with nginx 1.22). That is reported as info.

## How to fix
End both with `/` (`location /static/ { alias /srv/app/static/; }`), or use
`root` when the last directory has the location's name. A location that names one
file (`location /robots.txt { alias /srv/static/; }`, which also serves the folder
instead of the file) wants an exact match and the file: `location = /robots.txt
{ alias /srv/static/robots.txt; }`.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, NginxLocation, NginxScope, NginxServer, Span

CODE = "N103"
SLUG = "alias-traversal"
SEVERITY = "error"
SUMMARY = "A prefix location without a trailing slash uses an alias with one: files above the alias can be read."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /static {\n        alias /srv/app/static/;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location /static/ {\n        alias /srv/app/static/;\n    }\n}\n"}


def _fixed_files(location: NginxLocation) -> str | None:
    """The files a location's own `try_files` names, where none of its arguments holds a
    variable (`try_files /kristine.ics =404;`): nginx then serves only those, whatever path was
    asked for. None where it has none, or one built from the request."""
    written = location.own.get("try_files", ())
    directive = written[-1] if written else None
    if directive is None or not directive.args or any("$" in arg for arg in directive.args):
        return None
    return ", ".join(directive.args[:-1]) or directive.args[0]


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for location in instance.locations:
            alias = location.alias
            if alias is None or not location.is_prefix or location.block is None or location.never_matches:
                continue
            if location.path.endswith("/") or not alias.args[0].endswith("/"):
                continue
            traversal = f"{location.path}../"
            opening = f"`location {location.path}` has no trailing slash but `alias {alias.args[0]}` has one"
            reads, fix = f"`{traversal}x` reads {alias.args[0]}../x", _fix(location.path, alias.args[0])
            if location.own.get("internal"):
                yield Hit(alias.value_at, f"{opening}"
                          f"; it is `internal`, so a client asking for `{traversal}x` gets "
                          f"404, but an internal redirect to `{traversal}x` (an app's X-Accel-Redirect, error_page, "
                          f"rewrite ... last built from the request) reads {alias.args[0]}../x; "
                          f"{fix}",
                          (Related(location.block.name_at, f"location {location.path}"),), severity="info")
                continue
            fixed = _fixed_files(location)
            if fixed is not None:
                yield Hit(alias.value_at, f"{opening}; its `try_files` names only fixed files ({fixed}), no "
                          f"part of the request's path: `{traversal}x` gets one of those, never {alias.args[0]}../x; "
                          f"{fix} before the location serves the request's own path",
                          (Related(location.block.name_at, f"location {location.path}"),), severity="info")
                continue
            folder = posixpath.normpath(alias.args[0])
            if _package_static(folder):
                yield Hit(alias.value_at, f"{opening}: {reads}, but one directory above the alias is "
                          f"{posixpath.dirname(folder)}, the static folder of an installed package, which ships only "
                          f"its app's own folder there (Django's convention, static/<app>/): assuming the package "
                          f"keeps it, the traversal reaches nothing that is not public; {fix}",
                          (Related(location.block.name_at, f"location {location.path}"),), severity="info")
                continue
            parent = posixpath.dirname(folder)
            public = _served(location, [parent])
            if public:
                yield _public_anyway(location, alias.value_at, f"{opening}: {reads}",
                                     f"one directory above the alias is {parent}", public, traversal, fix)
                continue
            why, held = instance.mount_only_parents.get(parent, ("", ()))
            beside = [mount for mount in held if mount != folder and not mount.startswith(folder + "/")]
            servers = _served(location, beside) if why else None
            if servers is not None:
                yield _public_anyway(location, alias.value_at, f"{opening}: {reads}", why, servers, traversal, fix,
                                     " before something is put there")
                continue
            if why and beside and _unknown_volumes(location, beside, instance.place.volumes):
                # Only other volumes there: what they hold (and whether nginx's workers may read it)
                # is filled in at run time, not shown by the files.
                yield Hit(alias.value_at, f"{opening}"
                          f": {reads}, and {why}, among "
                          f"them {', '.join(beside)}, which this server does not serve: anyone can download what "
                          f"nginx's workers may read there, which the files do not show; "
                          f"{fix}",
                          (Related(location.block.name_at, f"location {location.path}"),), severity="warning")
                continue
            yield Hit(alias.value_at, f"{opening}"
                      f": {reads}, so anyone can download files one "
                      f"directory above the alias; {fix}",
                      (Related(location.block.name_at, f"location {location.path}"),))


def _public_anyway(location: NginxLocation, at: Span, opening: str, why: str,
                   servers: list[tuple[str, NginxLocation]], traversal: str, fix: str, later: str = "") -> Hit:
    """What the traversal reaches is only folders other locations of the server serve to anyone
    (``servers``: each folder and the location serving it; ``why``: what is above the alias):
    an info (``later``: when the fix still matters), or a warning where this location lists them
    with `autoindex` and one of those locations does not."""
    related = (*((Related(location.block.name_at, f"location {location.path}"),) if location.block else ()),
               *(Related(other.block.name_at, f"location {other.path} serves {folder} anyway")
                 for folder, other in servers if other.block is not None))
    folders = ", ".join(folder for folder, _ in servers)
    unlisted = [other.path for _, other in servers if not _lists(other)]
    if unlisted and _lists(location):
        return Hit(at, f"{opening}, but {why}; this server serves {folders} to anyone anyway, yet this location's "
                   f"`autoindex on` lists them through `{traversal}`, which `location {unlisted[0]}` does not: "
                   f"anyone can list its file names; {fix}", related, severity="warning")
    served = f"; this server serves {folders} to anyone anyway" if servers else ""
    return Hit(at, f"{opening}, but {why}{served}, so it reaches no file that is not public; {fix}{later}", related,
               severity="info")


# Directives that keep a location's files from anyone who asks: a sibling served only behind
# one of them is not public, so reading it through the traversal is a leak.
_GUARDS = ("deny", "auth_basic", "auth_request", "auth_jwt", "secure_link", "valid_referers")


def _served(location: NginxLocation, mounts: list[str]) -> list[tuple[str, NginxLocation]] | None:
    """For each of ``mounts``, a location of the same server that serves it (or a folder above
    it) from disk to anyone: a prefix location, not internal, not handing requests off, behind
    no access check, whose alias (or root + path) is that folder. None when one is not served."""
    folders: list[tuple[str, NginxLocation]] = []
    for other in _server_locations(location):
        if not other.is_prefix or other.own.get("internal") or other.hands_off or any(
                directive.args != ("off",) for guard in _GUARDS for directive in other.effective(guard)):
            continue
        served = _folder(other)
        if served:
            folders.append((served, other))
    found: list[tuple[str, NginxLocation]] = []
    for mount in mounts:
        match = next(((mount, other) for served, other in folders
                      if mount == served or mount.startswith(served.rstrip("/") + "/")), None)
        if match is None:
            return None
        found.append(match)
    return found


def _unknown_volumes(location: NginxLocation, mounts: list[str], volumes: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``mounts`` are named volumes (not a folder of the tree bound in) that no location
    of the server names, public or not: what they hold at run time the files do not show."""
    stores = dict(volumes)
    named = [_folder(other) for other in _server_locations(location)]
    return all(mount in stores and not stores[mount].startswith("bind:")
               and not any(folder and (mount == folder or mount.startswith(folder.rstrip("/") + "/")
                                       or folder.startswith(mount.rstrip("/") + "/")) for folder in named)
               for mount in mounts)


def _server_locations(location: NginxLocation) -> list[NginxLocation]:
    """Every location of the server block ``location`` is in (none outside a server)."""
    scope: NginxScope | None = location.parent
    while scope is not None and not isinstance(scope, NginxServer):
        scope = scope.parent
    return list(scope.all_locations()) if scope is not None else []


def _folder(location: NginxLocation) -> str:
    """The folder a prefix location serves files from, "" where a variable decides it."""
    alias = location.alias
    if alias is not None:
        written = alias.args[0] if alias.args else ""
    else:
        roots = location.effective("root")
        written = roots[-1].args[0] + "/" + location.path if roots and roots[-1].args else ""
    if not written.startswith("/") or "$" in written:
        return ""
    return posixpath.normpath(written)


def _lists(location: NginxLocation) -> bool:
    return any(directive.args == ("on",) for directive in location.effective("autoindex"))


def _package_static(folder: str) -> bool:
    """Whether ``folder`` is the app's own folder in an installed package's `static/`
    (`.../site-packages/rest_framework/static/rest_framework`)."""
    parent = posixpath.dirname(folder)
    return posixpath.basename(parent) == "static" and any(
        part in ("site-packages", "dist-packages") for part in parent.split("/"))


def _fix(path: str, alias: str) -> str:
    last = path.rpartition("/")[2]
    if "." in last.strip("."):   # /robots.txt names a file: the folder alias was never meant
        return f"write `location = {path}` with `alias {alias}{last}`"
    return f"write `location {path}/`"
