"""Discovery: walk the checked paths and decide what each file is.

A file's kind comes from where it lives *and* what it holds: the location proposes
kinds in order of likelihood, the content decides. A shell script named
``nginx.service`` is not a unit, and ``conf.d/*.conf`` is nginx under ``nginx/`` but
Supervisor under ``supervisor/``.

Over 400 lines on purpose: the walk, the hints a place gives, what is never a config (program
source, documents), template markers and the parallel classification all decide one thing,
a file's kind, from one table of hints; split, each part would need the others' tables.
"""
from __future__ import annotations

import functools
import os
import posixpath
import re
import signal
import stat
import sys
from collections.abc import Callable, Iterator

from .core.context import PSEUDO_FILESYSTEMS, ReadContext
from .core.gitignore import Ignores
from .core.paths import folder_name, relative_path
from .core.sources import Discovery, SourceFile
from .core.span import Problem, Span

_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox",
                 "site-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
_TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".tpl", ".tmpl", ".erb", ".template", ".m4", ".mustache")
# A name that ends in the word as `.template` does (`nginx.conf-template`): a file to copy and fill in.
_TEMPLATE_NAME_ENDINGS = ("-template", "_template")
_MAX_SNIFF_BYTES = 8 * 1024 * 1024
# A file whose name and place say nothing is still sniffed (a site saved as
# ``mediacms.io``), unless its extension says it is something else entirely.
_NOT_CONFIG_SUFFIXES = (".md", ".rst", ".txt", ".html", ".htm", ".css", ".js", ".json", ".yml", ".yaml", ".xml",
                        ".toml", ".lock", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".gz", ".zip", ".tar",
                        ".pem", ".key", ".crt", ".csv", ".sql", ".sh", ".bash", ".pyc", ".so", ".po", ".mo", ".log")
_UNHINTED_KINDS = ["nginx", "supervisor", "uwsgi"]
_MAX_UNHINTED_BYTES = 256 * 1024
# Not walked when checking ``/`` of this machine (or a snapshot's root): kernel objects, and
# runtime state (sockets, FIFOs, pid files) that is no configuration.
_NOT_WALKED = (*PSEUDO_FILESYSTEMS, "/run")
# uWSGI reads these formats too; wsgilint reads its ini and YAML formats only.
_UWSGI_UNREAD_FORMATS = (".xml", ".json", ".js", ".lua")
_UWSGI_YAML = (".yml", ".yaml")
# Program source is no config whatever its folder or name: PHP's `return $x;` or Rust's
# `use std::io;` reads as an nginx directive. Only uWSGI's own `[uwsgi]` header, which no
# program carries, makes one a config (an ini saved as `.cpp` in a `uwsgi/` folder).
_SOURCE_SUFFIXES = (
    ".php", ".phtml", ".c", ".h", ".cpp", ".cxx", ".hpp", ".hh", ".m", ".mm", ".ts", ".tsx", ".jsx", ".mjs",
    ".cjs", ".vue", ".svelte", ".astro", ".jade", ".pug", ".hbs", ".handlebars", ".ejs", ".twig", ".liquid",
    ".njk", ".go", ".java", ".kt", ".kts", ".scala", ".groovy", ".gradle", ".cs", ".fs", ".vb", ".swift",
    ".dart", ".cj", ".pm", ".t", ".psgi", ".rb", ".r", ".jl", ".ex", ".exs", ".erl", ".hrl", ".hs", ".clj",
    ".elm", ".sol", ".glsl", ".frag", ".vert", ".hlsl", ".wgsl", ".ps1", ".psm1", ".psd1", ".bat", ".cmd",
    ".asm", ".s", ".patch", ".diff", ".scss", ".sass", ".less", ".styl", ".css", ".proto", ".graphql",
    ".gql", ".hcl", ".nix", ".sql",
)
# Also top-level domains (Poland, Serbia, Cocos Islands, Mali, French Southern Territories): a
# site file named after its domain in sites-enabled/ is nginx; elsewhere these are source files.
_SOURCE_UNLESS_NAMED_SUFFIXES = (".pl", ".rs", ".cc", ".ml", ".tf")
# A README in supervisor/ or a how-to named after nginx is prose about a config, never one loaded.
_DOCUMENT_SUFFIXES = (".md", ".markdown", ".mdx", ".rst", ".adoc", ".tex", ".ipynb", ".html", ".htm")
# Prose by its name, with no suffix or `.txt` (a deployment README that quotes a `[uwsgi]`
# block among shell commands is read by nobody but people).
_DOCUMENT_NAMES = frozenset({"readme", "install", "howto", "notes", "changelog", "changes", "todo", "license"})
# The configs of Python's development tools, by the names they read: an ini whose keys uWSGI
# also has (coverage.py's `include`, `plugins`) is theirs, never a server's.
_TOOL_CONFIG_NAMES = frozenset({".coveragerc", "setup.cfg", "tox.ini", "pytest.ini", "mypy.ini", ".flake8",
                                ".pylintrc", "pylintrc", ".isort.cfg", ".bumpversion.cfg", ".editorconfig",
                                "alembic.ini", ".pydocstyle", ".pep8"})
# What macOS leaves beside files (Finder's folder data, AppleDouble `._name` copies of their
# attributes). Dot files: no `include dir/*` of nginx matches them (glob(3) without GLOB_PERIOD).
_FOLDER_METADATA = frozenset({".ds_store"})
# Binary by nature wherever they sit (a maintenance page's images in nginx/, a module's .so in
# usr/lib/nginx/modules/, an editor's swap file of nginx.conf): no program reads them as its config.
_BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".bmp", ".tif", ".tiff", ".woff", ".woff2",
                    ".ttf", ".otf", ".eot", ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".so", ".o", ".a",
                    ".dll", ".dylib", ".exe", ".pyc", ".pyo", ".class", ".jar", ".swp", ".swo", ".mp3", ".mp4",
                    ".webm", ".db", ".sqlite", ".sqlite3", ".wasm", ".der", ".p12", ".pfx")
# Certificates and keys: nginx reads them as key material (ssl_certificate), no program as its
# config. A private key only its owner may read, or Let's Encrypt's `live/` links into an
# `archive/` the repository leaves out, is how they are kept, not a file missing.
_KEY_SUFFIXES = (".pem", ".key", ".crt", ".cer", ".csr")
# A binary named after one of the programs is the program itself (a uWSGI built into the repository).
_PROGRAM_FILES = frozenset({"uwsgi", "nginx", "gunicorn", "supervisord", "supervisorctl"})


@functools.cache
def _sniffer(kind: str) -> Callable[[str], bool]:
    if kind == "nginx":
        from .readers.nginx import is_nginx_text
        return is_nginx_text
    if kind == "uwsgi":
        from .readers.uwsgi_ini import is_uwsgi_ini_text
        return is_uwsgi_ini_text
    if kind == "supervisor":
        from .readers.supervisor import is_supervisor_text
        return is_supervisor_text
    if kind == "systemd":
        from .readers.systemd import is_systemd_text
        return is_systemd_text
    if kind == "gunicorn":
        from .readers.gunicorn import is_gunicorn_text
        return is_gunicorn_text
    if kind == "sysctl":
        from .readers.sysctl import is_sysctl_text
        return is_sysctl_text
    if kind == "compose":
        from .readers.compose import is_compose_text
        return is_compose_text
    if kind == "dockerfile":
        from .readers.dockerfile import is_dockerfile_text
        return is_dockerfile_text
    if kind == "procfile":
        from .readers.procfile import is_procfile_text
        return is_procfile_text
    if kind == "tmpfiles":
        from .readers.tmpfiles import is_tmpfiles_text
        return is_tmpfiles_text
    from .readers.limits import is_limits_text
    return is_limits_text


def _sniff(kind: str, text: str, named: bool, ctx: ReadContext) -> bool:
    """Whether ``text`` is ``kind``'s; with a stronger sign for nginx and Gunicorn when no name
    or place says so (only an extension, or nothing, proposed the kind)."""
    try:
        if not named and kind == "nginx":
            from .readers.nginx import is_nginx_text
            return is_nginx_text(text, blocks_only=True)
        if kind == "gunicorn":
            from .readers.gunicorn import is_gunicorn_text
            return is_gunicorn_text(text, at_least=1 if named else 2, trees=ctx.sniffed_trees)
        if not named and kind == "supervisor":
            # Deployment notes quote a [program:x] block amid prose; a file only its content
            # calls Supervisor's is one only when it opens as supervisord reads one.
            return _opens_with_section(text) and _sniffer(kind)(text)
        return _sniffer(kind)(text)
    except RecursionError:
        return False


def _opens_with_section(text: str) -> bool:
    """Whether the first line that is not blank or a comment is a ``[section]`` header, as an
    ini file must start (anything else before it makes supervisord refuse the file)."""
    for line in text.split("\n", 200):
        head = line.strip()
        if head and head[0] not in "#;":
            return head.startswith("[")
    return False


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _compose_name() -> re.Pattern[str]:
    # Compose's default names and their variants (docker-compose.prod.yml, compose-dev.yaml),
    # the names a `-f` picks (dev-compose.yml, docker_compose.yml), and cookiecutter-django's
    # local.yml and production.yml, and any YAML named for Docker (docker-nginx-uwsgi.yaml,
    # docker-stack.yml); the text must still have a top-level `services:`.
    return re.compile(r"[\w.-]*(?:compose|docker)[\w.-]*\.ya?ml|(?:local|production|staging)\.ya?ml")


def _is_devcontainer(folders: str, name: str) -> bool:
    from .readers.devcontainer import is_devcontainer_path
    return is_devcontainer_path(f"{folders}/{name}")


def location_hints(path: str, named_only: bool = False) -> list[str]:
    """Kinds the file's place and name suggest, most likely first; ``named_only`` keeps
    those that a folder or file name states, leaving out guesses from the extension."""
    hints, named = _hints(path)
    return hints[:named] if named_only else hints


@functools.lru_cache(maxsize=4096)
def _folder_hints(folders: str) -> tuple[bool, ...]:
    """What the folders of a path (lower case, joined by ``/``) say, once per folder: a tree
    has a few folders and many files."""
    dirs = folders.split("/") if folders else []
    return ("sysctl.d" in dirs, "tmpfiles.d" in dirs, "limits.d" in dirs, "security" in dirs,
            any(d.endswith((".service.d", ".socket.d")) for d in dirs), "systemd" in dirs,
            any("supervisor" in d for d in dirs),
            any("nginx" in d for d in dirs) or any(d in ("sites-available", "sites-enabled", "snippets") for d in dirs),
            any("uwsgi" in d for d in dirs) or "apps-enabled" in folders,
            any("gunicorn" in d for d in dirs))


def _hints(path: str) -> tuple[list[str], int]:
    """``location_hints`` of ``path`` and how many of them come first from names."""
    folders, _, name = path.replace(os.sep, "/").lower().rpartition("/")
    (sysctl_d, tmpfiles_d, limits_d, security, dropin, systemd, supervisor, nginx, uwsgi,
     gunicorn) = _folder_hints(folders)
    stem, _, ext = name.rpartition(".") if "." in name else (name, "", "")
    hints: list[str] = []

    def add(*kinds: str) -> None:
        for kind in kinds:
            if kind not in hints:
                hints.append(kind)

    # Every name the pattern takes ends in .yml or .yaml.
    if name.endswith((".yml", ".yaml")) and _compose_name().fullmatch(name):
        add("compose")
    if name.endswith("devcontainer.json") and _is_devcontainer(folders, name):
        add("devcontainer")
    # Dockerfile.prod, Dockerfile-dev, Dockerfile_nginx, nginx.Dockerfile, app-dockerfile: `-f` names them all.
    if "file" in name and (name in ("dockerfile", "containerfile")
                           or name.startswith(("dockerfile.", "dockerfile-", "dockerfile_"))
                           or name.endswith((".dockerfile", "-dockerfile", "_dockerfile"))):
        add("dockerfile")
    if name == "procfile":
        add("procfile")
    if sysctl_d or name == "sysctl.conf":
        add("sysctl")
    if tmpfiles_d:
        add("tmpfiles")
    if limits_d or (name == "limits.conf" and security):
        add("limits")
    if dropin or ext in ("service", "socket"):
        add("systemd")
    if systemd:
        add("systemd")
    if supervisor or "supervisor" in name:
        add("supervisor")
    if nginx or "nginx" in name or name == "uwsgi_params":
        add("nginx")
    if uwsgi or "uwsgi" in name:
        add("uwsgi")
    if gunicorn or "gunicorn" in name:
        add("gunicorn")
    if ext == "py" and ("conf" in stem or "gunicorn" in stem):
        add("gunicorn")
    named = len(hints)
    if ext in ("ini",):
        add("uwsgi", "supervisor")
    if ext in ("conf", "cfg", ""):
        add("nginx", "supervisor", "uwsgi")
    if ext == "py":
        add("gunicorn")
    return hints, named


# Each with the texts one of its matches must hold: most files hold none, and looking for a
# few characters costs far less than a search with each pattern. A pattern is compiled when
# a text first holds them (``_compiled``): most trees never need one.
_TEMPLATE_MARKERS = [
    ("Jinja2/Go template", r"\{\{.*?\}\}|\{%.*?%\}", ("{{", "{%")),
    ("ERB template", r"<%=?.*?%>", ("<%",)),
    ("envsubst template", r"\$\{[A-Z][A-Z0-9_]*\}", ("${",)),
    # Neither supervisord nor uWSGI expands a section name: %(name)s there is a Python
    # %-format template a deploy script fills in (`[group:%(project_name)s]`).
    # ")s" rather than "%(": uWSGI's own %(name) has no "s" after it.
    ("Python %-format template", r"(?m)^[ \t]*\[[^\]\n]*%\([A-Za-z_][A-Za-z0-9_]*\)s[^\]\n]*\]", (")s",)),
    # Nor ${name}, which a deploy tool's string.Template or a shell here-document fills in
    # (`[program:${user}]`); supervisord would run the command with `${port}` left in it.
    ("placeholder template", r"(?m)^[ \t]*\[[^\]\n]*\$\{[A-Za-z_][A-Za-z0-9_]*\}[^\]\n]*\]", ("${",)),
    # nginx: `#name#` in a directive's arguments is a placeholder a deploy script replaces
    # (`server_name #app#;`); nginx itself would read a comment from there to the line's end.
    ("#name# placeholder template", r"(?m)^[ \t]*[a-z_]+[ \t]+[^#;\n]*#[A-Za-z_][A-Za-z0-9_]*#", ("#",)),
    # nginx: a line that is only a variable stands for whole directives a script fills in
    # (nginx itself refuses a directive named `$X`); shell-escaped `\$host` in a template-named
    # file is text an `eval "echo ..."` or a here-document renders.
    # `%ROOT%/bin/start.sh`: a deploy tool's placeholder (fabric, a sed over the file); no program
    # reads it so (supervisord refuses a `%` not followed by `(name)s` or `%`).
    ("%NAME% placeholder template", r"%[A-Z][A-Z0-9_]*%", ("%",)),
    # systemd's specifiers are `%` and one letter, and nginx has no `%(`: `%(venv)s` there is a
    # Python %-format placeholder a deploy script fills in (fabric's upload_template); `%%` is a
    # literal percent sign in a unit.
    ("%(name)s placeholder template", r"(?<!%)%\([A-Za-z_][A-Za-z0-9_]*\)s", ("%(",)),
    # nginx: a block opened with `{{` (`server {{`) is text for Python's str.format, which
    # doubles every literal brace; nginx itself refuses a second `{` there.
    ("str.format template", r"(?m)^[ \t]*[a-z_][^{};#\n]*\{\{[ \t]*$", ("{{",)),
    ("shell-rendered template", r"(?m)^[ \t]*\$\{?[A-Za-z_][A-Za-z0-9_]*\}?[ \t]*;?[ \t]*$", ("$",)),
    ("shell-escaped template", r"\\\$[a-z_]", ("\\$",)),
]


# Markers that only one syntax makes sure: a line that starts with `[` is a section name in
# the kinds made of [sections]; `#` starts an nginx comment wherever a word does.
_MARKER_KINDS = {"placeholder template": ("supervisor", "uwsgi", "systemd"), "#name# placeholder template": ("nginx",),
                 "%NAME% placeholder template": ("supervisor", "uwsgi", "nginx"),
                 "%(name)s placeholder template": ("systemd", "nginx"), "str.format template": ("nginx",)}


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Folders whose files are rendered before use: the official nginx image runs envsubst on
# /etc/nginx/templates/*.template, and repositories keep `docker/template/nginx.conf` for an
# `envsubst < template/nginx.conf > nginx.conf` in their start script.
_TEMPLATE_FOLDERS = ("template", "templates")


# Comment syntax by kind: what starts a comment line, and what starts one after a value
# (after a blank, outside quotes). A marker in a comment is not rendered into the config
# (`# docker service ps --format '{{.ID}}'` in a Compose file). uWSGI keeps `#` after a value
# as part of it, Supervisor only ` ;`, systemd, sysctl, Dockerfile and the rest no inline one.
_LINE_COMMENTS = {"uwsgi": ("#", ";"), "supervisor": ("#", ";"), "systemd": ("#", ";"), "sysctl": ("#", ";")}
_INLINE_COMMENTS = {"compose": "#", "nginx": "#", "gunicorn": "#", "procfile": "#", "supervisor": ";"}


def _comment_start(line: str, kind: str) -> int | None:
    """Where a comment of ``kind``'s syntax starts in ``line``, or None."""
    if line.lstrip().startswith(_LINE_COMMENTS.get(kind, ("#",))):
        return 0
    mark = _INLINE_COMMENTS.get(kind)
    if mark is None or mark not in line:
        return None
    quote = ""
    for index, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == mark and index > 0 and line[index - 1] in " \t":
            return index
    return None


def _outside_comments(text: str, matches: Iterator[re.Match[str]], kind: str) -> re.Match[str] | None:
    """The first match not inside a comment. The matches come in order, so each line is
    looked for from the previous match on, and scanned once."""
    line_start, comment, scanned = 0, None, -1
    for match in matches:
        newline = text.rfind("\n", line_start, match.start())
        if newline >= 0:
            line_start = newline + 1
        if scanned != line_start:
            line_end = text.find("\n", line_start)
            start = _comment_start(text[line_start:line_end if line_end >= 0 else len(text)], kind)
            comment, scanned = None if start is None else line_start + start, line_start
        if comment is None or match.start() < comment:
            return match
    return None


def _template_name(name: str) -> bool:
    """A file name that says template (``nginx.template.conf``, ``nginx_template.conf``)."""
    lowered = name.lower()
    return "template" in lowered and bool(re.search(r"(?:^|[._-])templates?(?:[._-]|$)", lowered))


@functools.cache
def _markers_of(kind_hint: str, envsubst_place: bool) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The template markers that can show in a file of ``kind_hint``: chosen once per kind and
    place, not for each file."""
    markers = []
    for label, pattern, needed in _TEMPLATE_MARKERS:
        if label.startswith("shell") and (kind_hint != "nginx" or label == "shell-escaped template"
                                          and not envsubst_place):
            continue
        # ${VAR} is systemd's own syntax, and valid nginx/Python text (nginx reads `${b}` as a
        # variable in some places): only a template file name, or a template folder for nginx,
        # makes it envsubst.
        if label.startswith("envsubst") and (kind_hint in ("systemd", "gunicorn") or not envsubst_place):
            continue
        if kind_hint in _MARKER_KINDS.get(label, (kind_hint,)):
            markers.append((label, pattern, needed))
    return tuple(markers)


@functools.cache
def _marker_signs(kind_hint: str, envsubst_place: bool) -> tuple[str, ...]:
    """Every text one of the markers of ``_markers_of`` needs: a file holding none of them
    (most do not) is found no template at once, not marker by marker."""
    return tuple(dict.fromkeys(text for _, _, needed in _markers_of(kind_hint, envsubst_place) for text in needed))


# The variables of nginx's stock modules (nginx.org "Alphabetical index of variables"), and the
# prefixes of those it makes from a request's parts, by the lower-case name nginx looks up.
_NGINX_VARIABLES = frozenset((
    "ancient_browser", "args", "binary_remote_addr", "body_bytes_sent", "bytes_sent", "connection",
    "connection_requests", "connection_time", "connections_active", "connections_reading", "connections_waiting",
    "connections_writing", "content_length", "content_type", "date_gmt", "date_local", "document_root",
    "document_uri", "fastcgi_path_info", "fastcgi_script_name", "gzip_ratio", "host", "hostname", "http2",
    "https", "invalid_referer", "is_args", "limit_rate", "memcached_key", "modern_browser", "msec", "msie",
    "nginx_version", "pid", "pipe", "query_string", "realpath_root", "remote_addr", "remote_port", "remote_user",
    "request", "request_body", "request_body_file", "request_completion", "request_filename", "request_id",
    "request_length", "request_method", "request_time", "request_uri", "scheme", "server_addr", "server_name",
    "server_port", "server_protocol", "slice_range", "spdy", "spdy_request_priority", "status", "time_iso8601",
    "time_local", "uri", "proxy_add_x_forwarded_for", "proxy_host", "proxy_port"))
_NGINX_VARIABLE_PREFIXES = ("arg_", "cookie_", "http_", "sent_http_", "sent_trailer_", "upstream_", "ssl_",
                            "geoip", "proxy_protocol_", "realip_", "tcpinfo_", "limit_", "uid_", "secure_link",
                            "jwt_", "mqtt_", "otel_")
# Compiled when a text first holds "${" (``_compiled``), not at start-up.
_UPPER_PLACEHOLDER = r"\$\{([A-Z][A-Z0-9_]*)\}"
_DEFINED_VARIABLE = (r"(?m)^[ \t]*(?:set|map[ \t]+\S+|geo(?:[ \t]+\S+)?|split_clients[ \t]+\S+|perl_set"
                     r"|js_set|auth_jwt_claim_set|auth_request_set)[ \t]+\$([A-Za-z_][A-Za-z0-9_]*)")


def _nginx_placeholder(text: str) -> re.Match[str] | None:
    """An upper-case ``${NAME}`` outside comments that is no variable of nginx's stock modules
    (nginx looks names up in lower case: ``${HOST}`` is ``$host``) nor one the file sets: nginx
    refuses such a file (``unknown "name" variable``), so envsubst fills it in first
    (``${DOLLAR}`` for a literal ``$``, ``${APP_HOSTNAME}``)."""
    defined = {name.lower() for name in _compiled(_DEFINED_VARIABLE).findall(text)}
    unknown = (match for match in _compiled(_UPPER_PLACEHOLDER).finditer(text)
               if (lowered := match.group(1).lower()) not in _NGINX_VARIABLES and lowered not in defined
               and not lowered.startswith(_NGINX_VARIABLE_PREFIXES))
    return _outside_comments(text, unknown, "nginx")


def template_marker(text: str, kind_hint: str, name: str, folder: str = "") -> tuple[str, int] | None:
    """The kind of template and the first line that shows it outside a comment, or None
    for final config. ``folder`` is the name of the folder the file lives in."""
    envsubst_place = name.endswith(_TEMPLATE_SUFFIXES) or _template_name(name) or (
        kind_hint == "nginx" and folder.lower() in _TEMPLATE_FOLDERS)
    if any(map(text.__contains__, _marker_signs(kind_hint, envsubst_place))):
        for label, pattern, needed in _markers_of(kind_hint, envsubst_place):
            if not any(map(text.__contains__, needed)):
                continue
            match = _outside_comments(text, _compiled(pattern).finditer(text), kind_hint)
            if match:
                return label, text.count("\n", 0, match.start()) + 1
    if kind_hint == "nginx" and not envsubst_place and "${" in text and (match := _nginx_placeholder(text)):
        return "envsubst template", text.count("\n", 0, match.start()) + 1
    if name.endswith(_TEMPLATE_SUFFIXES):
        return f"{name.rsplit('.', 1)[1]} template", 1
    if name.lower().endswith(_TEMPLATE_NAME_ENDINGS):
        return "named template", 1
    return None


def _host_root(top: str, ctx: ReadContext) -> str | None:
    """The checked host's ``/`` when ``top`` is it: ``/`` of this machine, or a snapshot's root
    (a mounted image or a chroot, which may have its own /proc mounted)."""
    real = os.path.realpath(top)
    if ctx.mode == "live" and real == "/":
        return real
    if ctx.mode == "snapshot" and real == os.path.realpath(ctx.root):
        return real
    return None


def _config_devices(root: str) -> set[int]:
    """The filesystems ``check /`` walks: the root's and those holding the places configs
    live in; another mount (a backup disk, a network share, a tmpfs) is not walked."""
    devices = set()
    for place in ("", "etc", "usr", "srv", "opt", "var", "home"):
        try:
            devices.add(os.stat(os.path.join(root, place)).st_dev)
        except OSError:
            continue
    return devices


def _is_virtualenv(directory: str, entries: list[os.DirEntry[str]]) -> bool:
    """A virtualenv, whatever its folder's name (`django_env/`), holds a Python and packages, no
    deployment config: its links to the system's interpreter are not the tree's. venv and
    virtualenv 20 write pyvenv.cfg; virtualenv before 20.0 wrote none, but put
    bin/activate_this.py in it, and orig-prefix.txt in its lib/pythonX.Y (which links each
    module of the standard library to the author's Python)."""
    bin_folder = None
    for entry in entries:
        if entry.name in ("pyvenv.cfg", "orig-prefix.txt"):
            return True
        if entry.name == "bin" and entry.is_dir(follow_symlinks=False):
            bin_folder = entry.path
    if bin_folder is None:
        return False
    try:
        return stat.S_ISREG(os.lstat(os.path.join(bin_folder, "activate_this.py")).st_mode)
    except OSError:
        return False


def _walk(top: str, discovery: Discovery, ctx: ReadContext, seen_dirs: set[tuple[int, int]],
          ignores: Ignores | None, host_links: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every regular file under ``top`` (its path, and the path it was found as: a link's own
    name); symlinked directories are followed once; what a ``.gitignore`` below ``top``
    ignores is left out when ``ignores`` is given. A link in a checked-out tree (a repository,
    or a snapshot of one) to an absolute path that is nothing here names a path of the host it
    is deployed to: it goes to ``host_links`` (the link, its target) for ``discover`` to match
    against the tree."""
    found: list[tuple[str, str]] = []
    stack = [top]
    host_root = _host_root(top, ctx)
    devices = _config_devices(host_root) if host_root is not None else None
    not_walked = {os.path.join(host_root, place.lstrip("/")) for place in _NOT_WALKED} if host_root else set()
    if ctx.mode == "live":
        not_walked.update(_NOT_WALKED)

    def hint_path(path: str) -> str:
        # What classify's hints read: the folders the checked tree lives in say nothing
        # (a checkout in `~/src/docker_nginx_flask/` makes none of its links nginx's).
        return path if ctx.mode == "live" else relative_path(path, top)

    while stack:
        directory = stack.pop()
        try:
            info = os.stat(directory)
        except OSError as error:
            discovery.problems.append(Problem("unreadable", f"cannot enter the directory: {error.strerror}",
                                              Span(ctx.display(directory))))
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs or (devices is not None and info.st_dev not in devices):
            continue
        seen_dirs.add(key)
        if ignores is not None:
            ignores.enter(directory)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as error:
            discovery.problems.append(Problem("unreadable", f"cannot list the directory: {error.strerror}",
                                              Span(ctx.display(directory))))
            continue
        if directory != top and _is_virtualenv(directory, entries):
            continue
        subdirs = []
        for entry in entries:
            path = entry.path
            if ctx.mode == "snapshot" and entry.is_symlink():
                path = ctx.confine(entry.path) or entry.path   # never follow a snapshot's link onto this machine
            try:
                is_dir = os.path.isdir(path) if path != entry.path else entry.is_dir(follow_symlinks=True)
                is_file = os.path.isfile(path) if path != entry.path else entry.is_file(follow_symlinks=True)
            except OSError:
                is_dir = is_file = False
            if is_dir and (entry.name in _SKIPPED_DIRS or (not_walked and os.path.realpath(path) in not_walked)):
                continue
            if ignores is not None and (is_dir or is_file) and ignores.ignored(entry.path, is_dir):
                continue
            if (ctx.mode == "repository" or (ctx.mode == "snapshot" and not ctx.whole_host)) and entry.is_symlink() and \
                    (package_path := _link_target(entry.path) or "").startswith(_PACKAGE_TREES) and \
                    (is_dir or location_hints(hint_path(entry.path), named_only=True)):
                # Copied from a packaged /etc/nginx (`modules -> /usr/lib/nginx/modules`): the packages'
                # own files where the tree is deployed, whatever this machine holds at that path. So in
                # the /etc folders a repository installs, which hold no package's files.
                discovery.problems.append(Problem(
                    "unreadable", f"a link to {package_path!r}, where packages install their files on the host or "
                    "in the image it is deployed to, which the checked files do not hold: not read",
                    Span(ctx.display(entry.path)), severity="info"))
                continue
            if entry.is_symlink() and not is_dir and entry.name.lower().endswith(_KEY_SUFFIXES):
                continue    # passed by as classify passes a certificate or key, wherever its link leads
            if is_file and entry.is_symlink() and not ctx.inside(path) and ctx.mode == "repository" and \
                    location_hints(hint_path(entry.path), named_only=True) and posixpath.isabs(host_target := _link_target(entry.path) or ""):
                # A repository's link to an absolute path names its deploy host's file, whatever this
                # machine has there (`sites-enabled/default -> /etc/nginx/sites-available/default`).
                host_links.append((entry.path, host_target))
            elif (is_dir or is_file) and entry.is_symlink() and not ctx.inside(path):
                # A link out of a repository (``etc -> /etc``, ``secrets -> ~/.ssh``) is not followed.
                if is_dir or location_hints(hint_path(entry.path)):
                    discovery.problems.append(Problem(
                        "outside-checked-tree", f"symbolic link to {os.readlink(entry.path)!r} leads outside the "
                        "checked tree: not followed", Span(ctx.display(entry.path))))
            elif is_dir:
                subdirs.append(path)
            elif is_file:
                found.append((path, entry.path))
            elif entry.is_symlink() and location_hints(hint_path(entry.path), named_only=True):
                target = _link_target(entry.path)
                if ctx.mode != "live" and target is not None and posixpath.isabs(target):
                    host_links.append((entry.path, target))
                    continue
                discovery.problems.append(_broken_link(entry.path, ctx))
        stack.extend(reversed(subdirs))
    return found


# Where packages install their files (`/usr/lib/nginx/modules`); a repository never holds them.
_PACKAGE_TREES = ("/usr/lib/", "/usr/lib64/", "/usr/share/", "/lib/", "/lib64/")


def _link_target(path: str) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


def _host_link(link: str, target: str, ctx: ReadContext, discovery: Discovery) -> None:
    """A repository's link to an absolute path of its deploy host (``uwsgi.ini ->
    /home/ubuntu/web2/app/deploy/uwsgi.ini``): the tree's file whose path ends like the target
    (the checkout's own file, at the place it is deployed), read once as that file; else a
    broken link, as anywhere."""
    local = ctx.local(target)
    if local is not None and ctx.inside(local) and os.path.abspath(local) != os.path.abspath(link):
        discovery.skipped.append(SourceFile(link, ctx.display(link), "",
                                            f"a link to {target!r}, on the host it is deployed to the "
                                            f"checkout's {ctx.display(local)}: read once, as that file"))
        return
    discovery.problems.append(_broken_link(link, ctx))


def _broken_link(link: str, ctx: ReadContext) -> Problem:
    return Problem("unreadable", "broken symbolic link or link loop: it points nowhere readable",
                   Span(ctx.display(link)))


def classify(path: str, ctx: ReadContext, hint_path: str | None = None) -> SourceFile:
    """``hint_path`` is the path the location hints read: relative to the checked folder, so
    the folders a checkout happens to live in (``/home/me/uwsgi/...``) say nothing."""
    display = ctx.display(path)
    hint_path = path if hint_path is None else hint_path
    hints, named_count = _hints(hint_path)
    named_hints = hints[:named_count]
    file_name = path.rpartition(os.sep)[2]
    name = file_name.lower()
    if name.endswith(".py"):
        # A Python file is a Gunicorn config or nothing: never an ini (test_uwsgi.py, uwsgi_app.py).
        hints = [kind for kind in hints if kind == "gunicorn"]
        if not hints:
            return SourceFile(path, display, "", "a Python file that is not a Gunicorn config by its name or place")
    if "devcontainer" in named_hints:
        # Its name and place say what it is; the reader reports content that is not JSON.
        return SourceFile(path, display, "devcontainer", "dev container definition by name and place")
    # A Compose file named for its app server (uwsgi.docker-compose.yml) is read by its content.
    # A uWSGI YAML config is read by its content (a `uwsgi:` section), like an ini.
    uwsgi_yaml = "uwsgi" in hints and "compose" not in hints and name.endswith(_UWSGI_YAML)
    if "uwsgi" in hints and "compose" not in hints and name.endswith(_UWSGI_UNREAD_FORMATS):
        return SourceFile(path, display, "", "a uWSGI config in a format other than ini or YAML: not read")
    if name.endswith(_DOCUMENT_SUFFIXES) or name.removesuffix(".txt") in _DOCUMENT_NAMES:
        return SourceFile(path, display, "", "a document, not a config")
    if name in _TOOL_CONFIG_NAMES:
        return SourceFile(path, display, "", "a development tool's config (coverage.py, setuptools, tox...) by its name")
    if name in _FOLDER_METADATA or name.startswith("._"):
        return SourceFile(path, display, "", "macOS's metadata of a folder or file, not a config")
    if name.endswith(_BINARY_SUFFIXES) and not _in_alternatives(hint_path):
        return SourceFile(path, display, "", "an image, font, archive, compiled or swap file, not a config")
    if name.endswith(_KEY_SUFFIXES):
        return SourceFile(path, display, "", "a certificate or key, not a config")
    source = name.endswith(_SOURCE_SUFFIXES) or (name.endswith(_SOURCE_UNLESS_NAMED_SUFFIXES) and not named_hints)
    try:
        size = os.stat(path).st_size
    except OSError as error:
        return SourceFile(path, display, "unreadable", error.strerror or "cannot stat")
    # Only a folder or a name that says "config" makes a binary or huge file worth a finding;
    # /etc/alternatives names programs and man pages after what they are for.
    named = bool(named_hints) and not _in_alternatives(hint_path) and not source
    if not hints:
        if name.endswith(_NOT_CONFIG_SUFFIXES) or size > _MAX_UNHINTED_BYTES:
            return SourceFile(path, display, "", "no known kind for this name or place")
        hints = _UNHINTED_KINDS
    if size > _MAX_SNIFF_BYTES:
        return SourceFile(path, display, "unreadable" if named else "",
                          f"{size // (1024 * 1024)} MiB, too large for a config file")
    text = ctx.read(path, peek=True)
    if text.text is None:
        reason = text.problems[0].message if text.problems else "unreadable"
        # Nothing said this file was configuration: a binary or a locked file is not our business.
        if _in_alternatives(hint_path):
            reason = f"an /etc/alternatives link to a program or a man page ({reason})"
        elif name in _PROGRAM_FILES and reason.startswith("binary"):
            return SourceFile(path, display, "", f"the {name} program itself ({reason})")
        return SourceFile(path, display, "unreadable" if named else "", reason)
    if source:
        from .readers.uwsgi_ini import has_uwsgi_section
        if not has_uwsgi_section(text.text):
            return SourceFile(path, display, "", "program source, not a config")
        hints, named_hints = ["uwsgi"], ["uwsgi"]
    if uwsgi_yaml:
        from .readers.uwsgi_ini import has_yaml_uwsgi_section
        if not has_yaml_uwsgi_section(text.text):
            return SourceFile(path, display, "", "a YAML file without uWSGI's `uwsgi:` section")
        hints, named_hints = ["uwsgi"], ["uwsgi"]
    # A `.conf` file is most often a site or a snippet: its extension is as good as a name.
    loose = name.endswith(".conf")
    kind = next((kind for kind in hints if _sniff(kind, text.text, kind in named_hints or loose, ctx)), None) \
        if not uwsgi_yaml else "uwsgi"
    if kind is not None:
        marker = template_marker(text.text, kind, file_name, folder_name(hint_path))
        if marker:
            return SourceFile(path, display, "template", f"{marker[0]} of {kind} config (line {marker[1]})", kind)
        # The other kinds the content fits matter only when no name states this one.
        others = [] if kind in named_hints else \
            [other for other in hints[hints.index(kind) + 1:] if _sniff(other, text.text, other in named_hints or loose, ctx)]
        if others:
            return SourceFile(path, display, kind, f"{kind} by place; the content could also be {' or '.join(others)}")
        return SourceFile(path, display, kind, sys.intern(f"{kind} by place and content"))   # one per kind, not file
    marker = template_marker(text.text, hints[0], file_name)
    if marker and file_name.endswith(_TEMPLATE_SUFFIXES):
        return SourceFile(path, display, "template", f"{marker[0]} of {hints[0]} config (line {marker[1]})",
                          hints[0])
    return SourceFile(path, display, "", f"content is not {' / '.join(hints)} config")


# The config kinds a deploy script fills in with sed before installing them.
_SED_FILLED_KINDS = ("systemd", "nginx", "uwsgi", "supervisor")


# Compiled on first use: a tree whose scripts run no sed never needs it.
@functools.cache
def _sed_placeholder() -> re.Pattern[str]:
    # sed's `s` command on an upper-case word (`s/UWSGIAPP/`, `s|DOMAIN|`): a placeholder.
    return re.compile(r"""(?:^|[\s'"])s([/|#,:@;])([A-Z][A-Z0-9_]{2,})\1""", re.M)


def _sed_filled(sources: list[SourceFile], ctx: ReadContext) -> list[SourceFile]:
    """Each config that a script of the tree names and fills in with sed (`sed
    's/UWSGIAPP/'"$UWSGIAPP"'/g' flaskapp.service`) where its text holds that upper-case word, as
    a template: what it says there is replaced before any program reads it. Each text is read
    through once; a file is matched with the first few scripts that name it."""
    configs = {os.path.basename(source.path) for source in sources if source.kind in _SED_FILLED_KINDS}
    scripts: list[tuple[str, frozenset[str]]] = []   # each: its name, the words its sed replaces
    naming: dict[str, list[int]] = {}                 # a config's file name: the scripts that name it
    for source in sources:
        if source.kind or not source.path.endswith((".sh", ".bash")):
            continue
        text = ctx.scan(source.path).text
        if not text or "sed" not in text:
            continue
        words = frozenset(m.group(2) for m in _sed_placeholder().finditer(text))
        if not words:
            continue
        scripts.append((source.display, words))
        for name in {token.rsplit("/", 1)[-1] for token in _script_word().findall(text)} & configs:
            named_by = naming.setdefault(name, [])
            if len(named_by) < _SED_SCRIPTS_A_FILE:
                named_by.append(len(scripts) - 1)
    if not naming:
        return sources
    filled = []
    for source in sources:
        indexes = naming.get(os.path.basename(source.path)) if source.kind in _SED_FILLED_KINDS else None
        found = _first_placeholder(ctx.read(source.path).text or "", [scripts[i] for i in indexes]) \
            if indexes else None
        if found is None:
            filled.append(source)
            continue
        number, word, script = found
        filled.append(SourceFile(source.path, source.display, "template",
                                 f"sed-filled template ({script} replaces `{word}`) of {source.kind} config "
                                 f"(line {number})", source.kind))
    return filled


_SED_SCRIPTS_A_FILE = 8


# Compiled on first use, with _sed_placeholder: a script's words, where a file name may be one.
@functools.cache
def _script_word() -> re.Pattern[str]:
    return re.compile(r"""[^\s'"`<>|;&()=]+""")


@functools.cache
def _upper_word() -> re.Pattern[str]:
    return re.compile(r"(?<![\w])[A-Z][A-Z0-9_]{2,}(?![\w])")


def _first_placeholder(text: str, scripts: list[tuple[str, frozenset[str]]]) -> tuple[int, str, str] | None:
    """The first line of ``text`` holding, as a whole word, a word one of ``scripts`` replaces
    with sed: its number, the word and that script."""
    for match in _upper_word().finditer(text):
        script = next((name for name, words in scripts if match.group() in words), None)
        if script is not None:
            return text.count("\n", 0, match.start()) + 1, match.group(), script
    return None


def _in_alternatives(hint_path: str) -> bool:
    if "alternatives" not in hint_path:
        return False
    parts = hint_path.replace(os.sep, "/").split("/")
    return "alternatives" in parts[:-1]


# Below this many files one process is faster: starting workers and sending the texts
# back costs more than reading (docs/performance.md).
PARALLEL_FROM_FILES = 2000
# Files taken from the queue at a time, and sent back as one message: small enough that the
# processes finish within a batch's time of each other, large enough that the messages cost
# little. The parent loads one message at a time, so it never holds a large share's pickled
# texts and their copies together (docs/performance.md, "Processes").
_BATCH_FILES = 50
# A batch's place in the queue is two bytes, and the queue is one write into a pipe before any
# process reads it: within a page, which a pipe holds even past the user's limit on pipes.
_MAX_BATCHES = 2_000


def _classify_batch(paths: list[tuple[str, str]], ctx: ReadContext) -> bytes:
    """In a forked worker: each file's kind, the text it was read as and its real path (for
    the parent's caches), pickled as one message."""
    import pickle

    return pickle.dumps([(classify(path, ctx, hint), ctx.cached(path), ctx.known_real(path)) for path, hint in paths],
                        protocol=pickle.HIGHEST_PROTOCOL)


def _fork_worker(batches: list[list[tuple[str, str]]], queue: int, ctx: ReadContext) -> _Worker | None:
    """A worker forked with the context as it is, classifying the batches it takes from
    ``queue`` and sending each as it is through, with its place in the queue; None where no
    process could be forked."""
    from .core.pipes import fork_child, send  # here: a small tree starts no worker

    def work(pipe: int) -> None:
        while chunk := os.read(queue, 2):
            index = int.from_bytes(chunk, "big")
            send(pipe, _classify_batch(batches[index], ctx), index.to_bytes(2, "big"))

    forked = fork_child(work)
    return _Worker(*forked) if forked is not None else None


class _Worker:
    """A discovery worker and the batches it has sent, taken as they arrive."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self.pipe = pid, pipe
        self.buffer = bytearray()
        self.broken = False   # a message that did not load: nothing after it is trusted

    def take_sent(self, found: dict[int, list[SourceFile]], ctx: ReadContext,
                  batches: list[list[tuple[str, str]]]) -> None:
        """Between the parent's own batches: what the worker has sent so far, without waiting."""
        from .core.pipes import take_available

        take_available(self.pipe, self.buffer)
        self._load(found, ctx, batches)

    def take_rest(self, found: dict[int, list[SourceFile]], ctx: ReadContext,
                  batches: list[list[tuple[str, str]]]) -> None:
        """Everything up to the worker's end."""
        from .core.pipes import take_to_end

        take_to_end(self.pipe, self.buffer)
        os.waitpid(self.pid, 0)
        self._load(found, ctx, batches)   # what a failed worker sent whole counts

    def _load(self, found: dict[int, list[SourceFile]], ctx: ReadContext,
              batches: list[list[tuple[str, str]]]) -> None:
        import pickle

        while not self.broken and len(self.buffer) >= 10:
            size = int.from_bytes(self.buffer[:8], "big")
            if len(self.buffer) < 10 + size:
                return
            index = int.from_bytes(self.buffer[8:10], "big")
            try:
                results = pickle.loads(self.buffer[10:10 + size])
            except Exception:   # a message cut short: its batch, and those after it, are redone
                self.broken = True
                return
            del self.buffer[:10 + size]
            if index >= len(batches) or len(results) != len(batches[index]):
                self.broken = True
                return
            for (path, _), (_, text, real) in zip(batches[index], results, strict=True):
                if text is not None:
                    ctx.remember(path, text, real)
            found[index] = [source for source, _, _ in results]

    def stop(self) -> None:
        os.close(self.pipe)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def _classify_all(paths: list[tuple[str, str]], ctx: ReadContext, jobs: int) -> list[SourceFile]:
    """``classify`` each path, in ``jobs`` processes for a large tree: the paths are cut into
    batches whose places go into one queue (a pipe), from which workers forked with the
    context as it is and this process take a batch each time they are free, so the processes
    finish together whatever each file costs (an nginx file costs twice what a uWSGI one
    does to sniff, and forked workers run slower at first); between its own batches this
    process loads what the workers have sent (each file's kind, decoded text and real path)
    and caches the texts, so the result and everything read later are the same whatever
    ``jobs`` is. A batch a failed worker took and did not send is classified here."""
    jobs = min(jobs, len(paths))
    if jobs <= 1 or len(paths) < PARALLEL_FROM_FILES or not hasattr(os, "fork"):
        return [classify(path, ctx, hint) for path, hint in paths]
    size = max(_BATCH_FILES, -(-len(paths) // _MAX_BATCHES))
    batches = [paths[start:start + size] for start in range(0, len(paths), size)]
    queue_read, queue_write = os.pipe()
    os.write(queue_write, b"".join(index.to_bytes(2, "big") for index in range(len(batches))))
    os.close(queue_write)   # once the queue is empty, a read gets end of file, never waits
    workers: list[_Worker] = []
    found: dict[int, list[SourceFile]] = {}
    try:
        workers.extend(worker for worker in (_fork_worker(batches, queue_read, ctx) for _ in range(jobs - 1))
                       if worker is not None)
        while chunk := os.read(queue_read, 2):
            index = int.from_bytes(chunk, "big")
            found[index] = [classify(path, ctx, hint) for path, hint in batches[index]]
            for worker in workers:
                worker.take_sent(found, ctx, batches)
    except BaseException:
        for worker in workers:
            worker.stop()
        raise
    finally:
        os.close(queue_read)
    for worker in workers:
        worker.take_rest(found, ctx, batches)
    return [source for index, batch in enumerate(batches)
            for source in (found[index] if index in found else [classify(path, ctx, hint) for path, hint in batch])]


# Fewer nginx files than this take less time to lex than forking a child and loading its tokens.
_LEX_AHEAD_FROM_FILES = 100


def _lex_nginx_ahead(sources: list[SourceFile], ctx: ReadContext) -> None:
    """With ``--jobs``, the nginx files lexed by a child while this process goes on: it stays
    ahead of the nginx reader, which parses each file as its tokens arrive (with container
    files, the model reads the process managers first) (``ReadContext.nginx_tokens``)."""
    texts = [text.text for source in sources
             if source.kind == "nginx" and (text := ctx.cached(source.path)) is not None and text.text is not None]
    if len(texts) >= _LEX_AHEAD_FROM_FILES:
        from .core.pipes import fork_results
        from .readers.nginx_lexer import tokenize_to_send
        ctx.nginx_tokens = fork_results(texts, tokenize_to_send)


def discover(paths: list[str], ctx: ReadContext, no_ignore: bool = False, jobs: int = 1) -> Discovery:
    """``no_ignore``: in a repository, also what its ``.gitignore`` files ignore; ``jobs``:
    processes that read and sniff the files of a large tree (the result is the same)."""
    discovery = Discovery()
    ctx.limit_to(paths)
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    # (absolute path, the path location hints read, the name it was found as)
    candidates: list[tuple[str, str, str]] = []
    ignores = Ignores() if ctx.mode == "repository" and not no_ignore else None
    host_links: list[tuple[str, str]] = []
    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            discovery.problems.append(Problem("unreadable", f"cannot read: {error.strerror}", Span(ctx.display(path))))
            continue
        if stat.S_ISDIR(mode):
            top = os.path.abspath(path)
            if ignores is not None:
                ignores.enter_repository(top)
            if ctx.mode == "live":   # the hints read the paths as they were given
                candidates.extend((os.path.abspath(found), named, named)
                                  for found, named in _walk(path, discovery, ctx, seen_dirs, ignores, host_links))
            else:
                # Walked from its absolute path, the walk names each file by an absolute, normalised
                # path (a snapshot's link resolved to one too): none is made absolute again.
                candidates.extend((found, relative_path(named, top), named)
                                  for found, named in _walk(top, discovery, ctx, seen_dirs, ignores, host_links))
        else:
            candidates.append((os.path.abspath(path), path if not os.path.isabs(path) else os.path.relpath(path, ctx.cwd),
                               path))
    unique: list[tuple[str, str]] = []
    for absolute, hint_path, named in candidates:
        if absolute not in seen_files:
            seen_files.add(absolute)
            unique.append((absolute, hint_path))
        elif os.path.abspath(named) != absolute:
            # A snapshot's link (sites-enabled/x -> ../sites-available/x) resolved inside it: one file.
            discovery.skipped.append(SourceFile(named, ctx.display(named), "",
                                                f"a link to {ctx.display(absolute)}: read once, as that file"))
    ctx.index([absolute for absolute, _ in unique])
    for link, target in host_links:
        _host_link(link, target, ctx, discovery)
    sources = _sed_filled(_classify_all(unique, ctx, jobs), ctx)
    if jobs > 1 and len(unique) >= PARALLEL_FROM_FILES and hasattr(os, "fork"):
        _lex_nginx_ahead(sources, ctx)
    for (absolute, _), source in zip(unique, sources, strict=True):
        (discovery.files if source.kind else discovery.skipped).append(source)
        if source.kind == "template":
            marker = re.search(r"line (\d+)", source.reason)
            line = int(marker.group(1)) if marker else 1
            discovery.problems.append(Problem("template", f"{source.reason.split(' (line')[0]}: "
                                              "not final config, so it is not checked", Span(source.display, line)))
        elif "could also be" in source.reason:
            discovery.problems.append(Problem("ambiguous", f"read as {source.kind} config; its content could also be "
                                              f"{source.reason.split('could also be ', 1)[1]}: move it to a folder "
                                              f"named after its program (e.g. {source.kind}/) to make it certain",
                                              Span(source.display)))
        elif source.kind == "unreadable":
            discovery.problems.extend(ctx.problems_of(absolute) or
                                      (Problem("unreadable", source.reason, Span(source.display)),))
    return discovery
