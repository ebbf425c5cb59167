"""A Debian host wired the Debian way, on this machine's real /etc: ``wsgilint check /etc``.

Needs root and Debian's packages ``nginx``, ``uwsgi`` and ``uwsgi-plugin-python3`` (``.ci/run``
installs them with services kept from starting), and Gunicorn in the test's own environment.
The test writes one app the Debian way
(``/etc/uwsgi/apps-available/NAME.ini`` with ``plugins = python3``, linked
from ``apps-enabled``; the socket ``/run/uwsgi/app/NAME/socket``, its owner and mode, ``uid``,
``gid`` and ``master`` come from the package's ``/usr/share/uwsgi/conf/default.ini``), starts
it with the package's own ``/etc/init.d/uwsgi start NAME``, adds an nginx site
(``sites-available/NAME`` linked from ``sites-enabled``) on a free loopback port and runs
nginx as Debian does (``nginx -c /etc/nginx/nginx.conf``, in the foreground so the test holds
its PID). The stock default site stays enabled, so port 80 must be free.

Beside it, a Gunicorn app the systemd way: a system user of its own, a unit
``/etc/systemd/system/NAME.service`` (``User=NAME``, ``Group=www-data``, ``WorkingDirectory=``,
``RuntimeDirectory=NAME``, ``ExecStart=.../gunicorn --bind unix:/run/NAME/gunicorn.sock --umask
0o007``) and a site ``proxy_pass``-ing to that socket. PID 1 here is not systemd, so the test
starts the unit as systemd would, from the unit file itself: it creates ``/run/NAME`` owned by
``User=``:``Group=`` with mode 0755 (``RuntimeDirectory=``), and runs ``ExecStart=`` in
``WorkingDirectory=`` with umask 0022 as ``User=``/``Group=`` with the user's supplementary
groups (``setpriv --init-groups``). When the test's Python lives below a directory other users
cannot enter (pyenv under a 0700 /root), that directory is covered, in a private mount
namespace of the Gunicorn process only, by an empty one with the Python's folder bound back,
so that ``User=`` can run the interpreter; nothing changes outside that namespace.

A second Gunicorn app, of a user of its own (two Gunicorns of one user share one control
socket: G107), is started by its socket unit, Gunicorn's documented pair:
``NAME-api.socket`` (``ListenStream=/run/NAME-api.sock``, ``SocketUser=``/``SocketGroup=``
www-data, ``SocketMode=0600``, enabled by a link in ``sockets.target.wants``) and
``NAME-api.service`` (no ``--bind``: Gunicorn takes the inherited socket). As systemd does,
root binds the socket and sets its owner and mode, and the first connection starts the
service, as above, with the socket as fd 3 and ``LISTEN_FDS``/``LISTEN_PID`` set
(``systemd-socket-activate``, which execs in place).

Measured here (Debian 12, nginx 1.22.1, uwsgi 2.0.21-5.1), and asserted below:
- the app answers 200 through nginx, and ``wsgilint check /etc`` reports no error and no
  warning;
- nginx passing to ``.../NAME/sock``: 502 at once, ``connect() ... (2: No such file or
  directory)``: X101 on the site;
- ``http = 127.0.0.1:R`` written where generic docs say ``socket`` and nginx passing there:
  Debian's ``uwsgi-core`` has no plugin built in, so without ``plugins = http`` uWSGI ignores
  the option without a word and nothing listens on R: 502 at once, ``(111: Connection
  refused)``: X101 (nothing listens there), not X102;
- the same with ``plugins = python3, http``: the HTTP router listens on R, reads nginx's
  uwsgi packet as an HTTP request that never ends and closes it at its ``http-timeout``: 502,
  ``upstream prematurely closed connection``: X102;
- ``proxy_set_header``/``proxy_read_timeout`` under ``uwsgi_pass``: 200, and the header never
  reaches the app: X110;
- an ini only in ``apps-available`` (no link in ``apps-enabled``): ``/etc/init.d/uwsgi start
  NAME`` does not find it and nothing runs; wsgilint does not check it as a running app, and
  ``--verbose`` says so (and that ``/usr/share/uwsgi/conf/default.ini`` was read because the
  init script's command line names it);
- the Gunicorn sites answer 200 through the unit's socket and through the socket unit's, and ``proxy_pass`` to a socket
  path the unit does not bind (``.../app.sock``): 502, ``(2: No such file or directory)``: X101
  on that site.

The host is left as it was: nginx and Gunicorn are stopped by their PIDs and the uWSGI app
by the init script's ``stop``; every file the test wrote under /etc, /run and /var/log is
removed, the Gunicorn user deleted (and the backups ``useradd`` left, ``/etc/passwd-`` and its
kin, restored), and ``/run/nginx.pid`` (which nginx deletes on exit) restored; the teardown
then asserts that the files under /etc/uwsgi, /etc/nginx/sites-*, /etc/systemd/system,
/run/uwsgi and /var/log/uwsgi, the Gunicorn run directory and the account files are those
it found.
"""
from __future__ import annotations

import grp
import json
import os
import pwd
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import unavailable

from .servers import (
    Response,
    Server,
    Servers,
    add_throwaway_user,
    delete_throwaway_user,
    free_port,
    http_get,
    nginx_binary,
    port_accepts,
    process_cmdline,
    start_tracked,
    unix_accepts,
    wait_for_log,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

INIT_SCRIPT = Path("/etc/init.d/uwsgi")
DEFAULT_INI = Path("/usr/share/uwsgi/conf/default.ini")
PYTHON3_PLUGIN = Path("/usr/lib/uwsgi/plugins/python3_plugin.so")
NGINX_CONF = Path("/etc/nginx/nginx.conf")
UWSGI_ETC = Path("/etc/uwsgi")
SITES_AVAILABLE = Path("/etc/nginx/sites-available")
SITES_ENABLED = Path("/etc/nginx/sites-enabled")
RUN_UWSGI = Path("/run/uwsgi")
UWSGI_LOGS = Path("/var/log/uwsgi")
NGINX_PID = Path("/run/nginx.pid")
SYSTEMD_ETC = Path("/etc/systemd/system")
SOCKETS_WANTS = SYSTEMD_ETC / "sockets.target.wants"
# useradd/userdel rewrite these; the ones ending in "-" are the backups they leave behind.
ACCOUNT_FILES = tuple(Path(f"/etc/{name}{suffix}") for name in ("passwd", "group", "shadow", "gshadow")
                      for suffix in ("", "-"))
GUNICORN = Path(sys.executable).parent / "gunicorn"
# The stock default site (sites-enabled/default) listens on port 80 of every address.
DEFAULT_SITE_PORT = 80
START_TIMEOUT = 20.0
# The init script's own PATH and settings; its LSB functions hand over to systemctl when
# /run/systemd/system exists unless told not to, and the test means the script itself.
INIT_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C", "_SYSTEMCTL_SKIP_REDIRECT": "1"}

APP = '''\
def application(environ, start_response):
    body = ("ok probe=" + environ.get("HTTP_X_PROBE", "-")).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
'''

# What a correct app adds to Debian's default.ini; the socket, uid/gid and master come from there.
APP_INI = """\
[uwsgi]
plugins = {plugins}
chdir = {app_dir}
module = app:application
need-app = true
vacuum = true
harakiri = 30
buffer-size = 32768
{extra}"""

SITE = """\
server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    access_log {app_dir}/access.log;
    error_log {app_dir}/error.log;

    location / {{
        include uwsgi_params;
        uwsgi_pass {target};
{extra}    }}
}}
"""

# A Gunicorn app as a systemd service; the test starts it from this file (see the docstring).
GUNICORN_UNIT = """\
[Unit]
Description=wsgilint e2e: a Gunicorn app
After=network.target

[Service]
User={user}
Group=www-data
WorkingDirectory={app_dir}
RuntimeDirectory={user}
ExecStart={gunicorn} --bind unix:/run/{user}/gunicorn.sock --umask 0o007 --workers 2 app:application
KillMode=mixed
TimeoutStopSec=35

[Install]
WantedBy=multi-user.target
"""

# A second Gunicorn app, started by its .socket unit (Gunicorn's own deploy docs' pair).
API_SOCKET_UNIT = """\
[Unit]
Description=wsgilint e2e: the API's socket

[Socket]
ListenStream=/run/{name}.sock
SocketUser=www-data
SocketGroup=www-data
SocketMode=0600

[Install]
WantedBy=sockets.target
"""

API_SERVICE_UNIT = """\
[Unit]
Description=wsgilint e2e: a Gunicorn API started by its socket
Requires={name}.socket
After=network.target

[Service]
User={user}
Group={user}
WorkingDirectory={app_dir}
ExecStart={gunicorn} --workers 2 app:application
KillMode=mixed
TimeoutStopSec=35
"""

GUNICORN_SITE = """\
server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    access_log {app_dir}/gunicorn-access.log;
    error_log {app_dir}/gunicorn-error.log;

    location / {{
        include proxy_params;
        proxy_pass {target};
    }}
}}
"""

# Covers "$1" (a directory other users cannot enter) with an empty tmpfs and binds "$2" (the
# Python's folder below it) back, in the private mount namespace `unshare -m` made; then runs the rest.
_ENTERABLE_PYTHON = ('exec 9<"$2" || exit 1; mount -t tmpfs -o mode=755 tmpfs "$1" || exit 1; '
                     'mkdir -p "$2" && mount --no-canonicalize --bind /proc/self/fd/9 "$2" || exit 1; '
                     'exec 9<&-; shift 2; exec "$@"')


def _enterable_python() -> tuple[str, ...]:
    """A command prefix that lets another user run this Python when one of its folders is closed
    to others (pyenv under a 0700 /root); nothing when every folder on its path can be entered."""
    real = Path(os.path.realpath(sys.executable))
    for depth in range(1, len(real.parts) - 1):
        closed = Path(*real.parts[:depth])
        if not closed.stat().st_mode & 0o001:
            return ("unshare", "-m", "--propagation", "private", "--", "sh", "-c", _ENTERABLE_PYTHON, "sh",
                    str(closed), str(Path(*real.parts[:depth + 1])))
    return ()


def unit_settings(unit: Path, wanted: str = "Service") -> dict[str, str]:
    """The settings of one section of a unit file the test wrote (one line each)."""
    settings: dict[str, str] = {}
    section = ""
    for line in unit.read_text().splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif section == wanted and "=" in line:
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


@pytest.fixture(scope="module")
def need_debian_uwsgi() -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root: it writes under /etc and /run and starts the init script")
    missing = [str(path) for path in (INIT_SCRIPT, DEFAULT_INI, PYTHON3_PLUGIN, NGINX_CONF) if not path.exists()]
    if missing:
        unavailable(f"Debian's packages are not installed ({', '.join(missing)} missing: apt-get install "
                    "uwsgi uwsgi-plugin-python3 nginx)")
    if nginx_binary() is None:
        unavailable("nginx is not installed (apt-get install nginx)")
    running = _live_pid(NGINX_PID)
    if running is not None:
        unavailable(f"an nginx service runs (pid {running} in {NGINX_PID}); this test starts nginx itself")
    if port_accepts(DEFAULT_SITE_PORT):
        unavailable(f"port {DEFAULT_SITE_PORT} is taken: the stock default site of /etc/nginx/nginx.conf needs it")


def _live_pid(pidfile: Path) -> int | None:
    try:
        pid = int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if Path(f"/proc/{pid}").exists() else None


def _listing() -> list[str]:
    """What the teardown compares: every path under /etc/uwsgi, nginx's site directories,
    /etc/systemd/system, uWSGI's run directory and its app logs."""
    found: list[str] = []
    for top in (UWSGI_ETC, SITES_AVAILABLE, SITES_ENABLED, SYSTEMD_ETC, RUN_UWSGI, UWSGI_LOGS):
        if top.is_dir():
            found += [str(top), *sorted(str(path) for path in top.rglob("*"))]
    return found


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    path: str            # as wsgilint shows it: absolute, the enabled link's name (not resolved)
    line: int


class DebianHost:
    """One app wired the Debian way on the real /etc, and the servers that run it."""

    def __init__(self, servers: Servers, app_dir: Path) -> None:
        self.servers = servers
        self.app_dir = app_dir
        self.name = f"wle2e{secrets.token_hex(3)}"
        self.port = free_port()
        self.router_port = next(port for port in iter(free_port, None) if port != self.port)
        self.app_available = UWSGI_ETC / "apps-available" / f"{self.name}.ini"
        self.app_enabled = UWSGI_ETC / "apps-enabled" / f"{self.name}.ini"
        self.site_available = SITES_AVAILABLE / self.name
        self.site_enabled = SITES_ENABLED / self.name
        self.run_dir = RUN_UWSGI / "app" / self.name
        self.socket = self.run_dir / "socket"
        self.app_log = UWSGI_LOGS / "app" / f"{self.name}.log"
        self.nginx: Server | None = None
        self.app_started = False
        # The Gunicorn app under its systemd unit (named after its user, as its run directory).
        self.gunicorn_user = ""
        self.gunicorn_port = next(port for port in iter(free_port, None) if port not in (self.port, self.router_port))
        self.gunicorn: Server | None = None
        self.api_port = next(port for port in iter(free_port, None)
                             if port not in (self.port, self.router_port, self.gunicorn_port))
        self.api_server: Server | None = None
        # A user of its own: Gunicorn instances of one user share $HOME/.gunicorn/gunicorn.ctl (G107).
        self.api_user = ""

    @property
    def unit(self) -> Path:
        return SYSTEMD_ETC / f"{self.gunicorn_user}.service"

    @property
    def gunicorn_run_dir(self) -> Path:
        return Path("/run") / self.gunicorn_user

    @property
    def gunicorn_socket(self) -> Path:
        return self.gunicorn_run_dir / "gunicorn.sock"

    @property
    def gunicorn_site_available(self) -> Path:
        return SITES_AVAILABLE / self.gunicorn_user

    @property
    def gunicorn_site_enabled(self) -> Path:
        return SITES_ENABLED / self.gunicorn_user

    @property
    def api(self) -> str:
        """The socket-activated app's units and site are named after it."""
        return f"{self.gunicorn_user}-api"

    @property
    def api_socket(self) -> Path:
        return Path("/run") / f"{self.api}.sock"

    @property
    def api_files(self) -> tuple[Path, ...]:
        """Its .socket unit, its enabling link, its .service unit and its site (available, enabled)."""
        return (SYSTEMD_ETC / f"{self.api}.socket", SOCKETS_WANTS / f"{self.api}.socket",
                SYSTEMD_ETC / f"{self.api}.service", SITES_AVAILABLE / self.api, SITES_ENABLED / self.api)

    # --- the files ---------------------------------------------------------------------------

    def wire(self, ini_extra: str = "", plugins: str = "python3", target: str = "", site_extra: str = "") -> None:
        """Writes the app's ini and the nginx site; links them once, as a Debian admin does."""
        self.app_available.write_text(APP_INI.format(plugins=plugins, app_dir=self.app_dir, extra=ini_extra))
        self.site_available.write_text(SITE.format(port=self.port, app_dir=self.app_dir,
                                                   target=target or f"unix:{self.socket}", extra=site_extra))
        if not self.app_enabled.is_symlink():
            self.app_enabled.symlink_to(f"../apps-available/{self.app_available.name}")
        if not self.site_enabled.is_symlink():
            self.site_enabled.symlink_to(f"../sites-available/{self.site_available.name}")

    def wire_gunicorn(self, target: str = "") -> None:
        """The Gunicorn app's unit and its nginx site (``proxy_pass`` to ``target``, by default
        the socket the unit binds)."""
        self.unit.write_text(GUNICORN_UNIT.format(user=self.gunicorn_user, app_dir=self.app_dir, gunicorn=GUNICORN))
        self.gunicorn_site_available.write_text(GUNICORN_SITE.format(
            port=self.gunicorn_port, app_dir=self.app_dir, target=target or f"http://unix:{self.gunicorn_socket}"))
        if not self.gunicorn_site_enabled.is_symlink():
            self.gunicorn_site_enabled.symlink_to(f"../sites-available/{self.gunicorn_site_available.name}")
        socket_unit, wanted, service_unit, site, site_link = self.api_files
        socket_unit.write_text(API_SOCKET_UNIT.format(name=self.api))
        service_unit.write_text(API_SERVICE_UNIT.format(name=self.api, user=self.api_user, app_dir=self.app_dir,
                                                        gunicorn=GUNICORN))
        site.write_text(GUNICORN_SITE.format(port=self.api_port, app_dir=self.app_dir,
                                             target=f"http://unix:{self.api_socket}"))
        SOCKETS_WANTS.mkdir(exist_ok=True)   # systemctl enable
        for link, target in ((wanted, f"../{socket_unit.name}"), (site_link, f"../sites-available/{site.name}")):
            if not link.is_symlink():
                link.symlink_to(target)

    def line_of(self, path: Path, needle: str) -> int:
        return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)

    # --- the servers -------------------------------------------------------------------------

    def init_script(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(INIT_SCRIPT), command, self.name], env=INIT_ENV, capture_output=True,
                              text=True, timeout=60, stdin=subprocess.DEVNULL)

    def start_app(self, listening: bool = True) -> None:
        """``/etc/init.d/uwsgi start NAME``; waits for the Debian socket to accept."""
        if self.app_log.exists():
            self.app_log.write_text("")
        done = self.init_script("start")
        self.app_started = True
        assert done.returncode == 0, (done.stdout, done.stderr, self.log())
        deadline = time.monotonic() + START_TIMEOUT
        while listening and not unix_accepts(self.socket):
            assert time.monotonic() < deadline, f"{self.socket} accepts nothing; uWSGI log:\n{self.log()}"
            time.sleep(0.05)

    def stop_app(self) -> None:
        if not self.app_started:
            return
        done = self.init_script("stop")
        assert done.returncode == 0, (done.stdout, done.stderr)
        self.app_started = False

    def master_pid(self) -> int:
        return int((self.run_dir / "pid").read_text().strip())

    def log(self) -> str:
        try:
            return self.app_log.read_text(errors="replace")
        except OSError:
            return ""

    def log_once(self, text: str) -> str:
        """The log once it holds ``text`` (uWSGI writes its log after the socket accepts), or as
        it is when START_TIMEOUT runs out."""
        deadline = time.monotonic() + START_TIMEOUT
        while text not in self.log() and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.log()

    def start_gunicorn(self) -> Server:
        """The unit started as systemd starts it, read from the unit file (see the docstring)."""
        unit = unit_settings(self.unit)
        run_dir = Path("/run") / unit["RuntimeDirectory"]
        run_dir.mkdir(mode=0o755)
        shutil.chown(run_dir, unit["User"], unit["Group"])
        run_dir.chmod(0o755)
        as_user = ["setpriv", "--reuid", unit["User"], "--regid", unit["Group"], "--init-groups", "--"]
        argv = [*_enterable_python(), *as_user, *shlex.split(unit["ExecStart"])]
        self.gunicorn = start_tracked(self.servers, "gunicorn", argv, self.app_dir / "gunicorn.log",
                                      Path(unit["WorkingDirectory"]), signal.SIGTERM)
        deadline = time.monotonic() + START_TIMEOUT
        while not unix_accepts(self.gunicorn_socket):
            assert self.gunicorn.process.poll() is None and time.monotonic() < deadline, self.gunicorn.log()
            time.sleep(0.05)
        return self.gunicorn

    def start_api(self) -> Server:
        """The socket unit as systemd runs it: root binds ``ListenStream=`` and gives it
        ``SocketUser=``/``SocketGroup=``/``SocketMode=``; the first connection starts the
        service's ``ExecStart=`` (as for the other app) with the socket as fd 3, ``LISTEN_FDS=1``
        and ``LISTEN_PID`` its own (``systemd-socket-activate``, which execs in place)."""
        socket_unit, _, service_unit, _, _ = self.api_files
        listen, service = unit_settings(socket_unit, "Socket"), unit_settings(service_unit)
        as_user = ["setpriv", "--reuid", service["User"], "--regid", service["Group"], "--init-groups", "--"]
        argv = ["systemd-socket-activate", "-l", listen["ListenStream"], *_enterable_python(), *as_user,
                *shlex.split(service["ExecStart"])]
        self.api_server = start_tracked(self.servers, "api", argv, self.app_dir / "api.log",
                                        Path(service["WorkingDirectory"]), signal.SIGTERM)
        wait_for_log(self.api_server, f"Listening on {listen['ListenStream']}")
        shutil.chown(listen["ListenStream"], listen["SocketUser"], listen["SocketGroup"])
        os.chmod(listen["ListenStream"], int(listen["SocketMode"], 8))
        return self.api_server

    def stop_gunicorn(self) -> None:
        """Both by their PIDs, then what systemd does at stop: the RuntimeDirectory= goes (the
        socket unit's socket stays while the unit exists: it goes with the unit)."""
        for server in (self.gunicorn, self.api_server):
            if server is not None:
                server.stop()
                self.servers.running.remove(server)
        self.gunicorn = self.api_server = None
        if self.gunicorn_user:
            shutil.rmtree(self.gunicorn_run_dir, ignore_errors=True)

    def start_nginx(self) -> Server:
        """The Debian layout in the foreground: the test holds the master's PID."""
        binary = nginx_binary()
        assert binary is not None
        argv = [binary, "-c", str(NGINX_CONF), "-e", str(self.app_dir / "nginx-start.log"), "-g", "daemon off;"]
        self.nginx = start_tracked(self.servers, "nginx", argv, self.app_dir / "nginx.out", self.app_dir,
                                   signal.SIGTERM)
        self.nginx.wait_for_port(self.port)
        return self.nginx

    def stop_nginx(self) -> None:
        if self.nginx is not None:
            self.nginx.stop()
            self.servers.running.remove(self.nginx)
            self.nginx = None

    def restart(self, app_listening: bool = True) -> None:
        """Both servers anew, so each reads the files as they are now."""
        self.stop_nginx()
        self.stop_app()
        self.start_app(app_listening)
        self.start_nginx()

    def get(self, timeout: float = 30.0) -> Response:
        return http_get(self.port, "/", timeout=timeout)

    def get_gunicorn(self, timeout: float = 30.0) -> Response:
        return http_get(self.gunicorn_port, "/", timeout=timeout)

    def nginx_errors(self, log: str = "error.log") -> str:
        path = self.app_dir / log
        return path.read_text(errors="replace") if path.exists() else ""

    # --- wsgilint ----------------------------------------------------------------------------

    def check(self) -> list[Finding]:
        """``wsgilint check /etc`` as a user runs it (live mode); errors and warnings only."""
        completed = subprocess.run(
            [sys.executable, "-m", "wsgilint", "check", "/etc", "--format", "json", "--fail-on", "error",
             "--isolated"], cwd=self.app_dir, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert completed.returncode in (0, 1) and completed.stdout, completed.stderr
        report = json.loads(completed.stdout)
        found = [Finding(f["code"], f["severity"], f["path"], f["line"]) for f in report["findings"]]
        assert completed.returncode == int(any(f.severity == "error" for f in found)), (completed.returncode, found)
        return [f for f in found if f.severity in ("error", "warning")]

    def verbose(self) -> str:
        """What ``wsgilint check /etc --verbose`` says it read each file as."""
        completed = subprocess.run([sys.executable, "-m", "wsgilint", "check", "/etc", "--verbose", "--isolated",
                                    "--format", "concise"], cwd=self.app_dir, capture_output=True, text=True,
                                   timeout=120, stdin=subprocess.DEVNULL)
        assert completed.returncode in (0, 1), completed.stderr
        return completed.stderr

    # --- leaving the machine as it was -------------------------------------------------------

    def remove(self) -> None:
        for path in (self.site_enabled, self.site_available, self.app_enabled, self.app_available, self.app_log):
            path.unlink(missing_ok=True)
        if self.gunicorn_user:
            for path in (self.gunicorn_site_enabled, self.gunicorn_site_available, self.unit, *self.api_files,
                         self.api_socket):
                path.unlink(missing_ok=True)


# The names this module gives what it wires on the machine: a host's app, site, run directory
# and log, and the throwaway accounts with their units, run directories and sockets.
_OWN_NAME = re.compile(r"wle2e[0-9a-f]{6}(gu|api)?(-api)?(\.ini|\.service|\.socket|\.sock|\.log)?")
_OWN_ACCOUNT = re.compile(r"wle2e[0-9a-f]{6}(gu|api)")


def _sweep_leftovers() -> None:
    """What a run stopped before its teardown left wired (a killed test process skips the
    fixture's `finally`): each path of this module's naming in the folders it writes, and its
    throwaway accounts. Left there, a later run lists them and its assertions fail on them."""
    for folder in (UWSGI_ETC / "apps-available", UWSGI_ETC / "apps-enabled", SITES_AVAILABLE, SITES_ENABLED,
                   SYSTEMD_ETC, SOCKETS_WANTS, RUN_UWSGI / "app", UWSGI_LOGS / "app", Path("/run")):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if not _OWN_NAME.fullmatch(path.name):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
    for account in pwd.getpwall():
        if _OWN_ACCOUNT.fullmatch(account.pw_name):
            delete_throwaway_user(account.pw_name)


def _kill_leftover_master(host: DebianHost) -> None:
    """If the init script's stop failed, the master by its pid file, when it runs this app's ini."""
    pid = _live_pid(host.run_dir / "pid")
    if pid is not None and host.app_enabled.name in process_cmdline(pid):
        os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def debian_host(need_debian_uwsgi: None) -> Iterator[DebianHost]:
    if shutil.which("systemd-socket-activate") is None:
        unavailable("systemd-socket-activate is not installed (apt-get install systemd)")
    _sweep_leftovers()
    before = _listing()
    wants_existed = SOCKETS_WANTS.exists()
    run_uwsgi_existed = RUN_UWSGI.exists()
    pid_file = NGINX_PID.stat() if NGINX_PID.exists() else None
    pid_text = NGINX_PID.read_bytes() if pid_file is not None else b""
    accounts = {path: path.read_bytes() for path in ACCOUNT_FILES if path.exists()}
    servers = Servers()
    app_dir = Path(tempfile.mkdtemp(prefix="wldeb-", dir="/tmp"))
    app_dir.chmod(0o755)   # uWSGI runs the app as www-data (default.ini's uid)
    (app_dir / "app.py").write_text(APP)
    (app_dir / "app.py").chmod(0o644)
    host = DebianHost(servers, app_dir)
    try:
        host.gunicorn_user = add_throwaway_user("gu")
        host.api_user = add_throwaway_user("api")
        host.wire()
        host.wire_gunicorn()
        host.start_app()
        host.start_gunicorn()
        host.start_api()
        host.start_nginx()
        yield host
    finally:
        try:
            host.stop_gunicorn()
            servers.stop_all()
        finally:
            try:
                host.stop_app()
            finally:
                _kill_leftover_master(host)
                host.remove()
                if not wants_existed and SOCKETS_WANTS.is_dir() and not any(SOCKETS_WANTS.iterdir()):
                    SOCKETS_WANTS.rmdir()
                for user in (host.gunicorn_user, host.api_user):
                    if user:
                        delete_throwaway_user(user)
                for path, content in accounts.items():
                    if path.name.endswith("-") and path.read_bytes() != content:
                        path.write_bytes(content)   # the backups useradd and userdel made
                shutil.rmtree(host.run_dir, ignore_errors=True)
                if not run_uwsgi_existed:
                    shutil.rmtree(RUN_UWSGI, ignore_errors=True)
                if pid_file is not None and not NGINX_PID.exists():   # nginx deletes its pid file on exit
                    NGINX_PID.write_bytes(pid_text)
                    NGINX_PID.chmod(pid_file.st_mode & 0o7777)
                    os.utime(NGINX_PID, ns=(pid_file.st_atime_ns, pid_file.st_mtime_ns))
                elif pid_file is None:
                    NGINX_PID.unlink(missing_ok=True)
                shutil.rmtree(app_dir, ignore_errors=True)
    assert _listing() == before, "the files under /etc/uwsgi, /etc/nginx/sites-*, /etc/systemd/system, /run/uwsgi " \
                                 "or /var/log/uwsgi differ from before the test"
    assert not host.gunicorn_run_dir.exists()
    assert {path: path.read_bytes() for path in ACCOUNT_FILES if path.exists()} == accounts


@pytest.fixture
def host(debian_host: DebianHost) -> Iterator[DebianHost]:
    """The module's host, wired correctly again (and restarted) after a test broke it."""
    yield debian_host
    debian_host.wire()
    debian_host.wire_gunicorn()
    debian_host.restart()


def test_the_debian_wired_app_answers_200_and_wsgilint_reports_nothing(host: DebianHost) -> None:
    response = host.get()
    assert (response.status, response.body) == (200, b"ok probe=-"), (host.nginx_errors(), host.log())
    # Started the way Debian starts it: the package's default.ini first, then the enabled link.
    cmdline = process_cmdline(host.master_pid())
    assert f"--ini {DEFAULT_INI} --ini {host.app_enabled} --daemonize {host.app_log}" in cmdline, cmdline
    assert os.readlink(f"/proc/{host.master_pid()}/exe") == "/usr/bin/uwsgi-core"
    assert "setuid() to 33" in host.log_once("setuid() to 33")   # www-data, from default.ini

    assert host.check() == []


def test_an_app_only_in_apps_available_is_not_started_and_not_checked_as_running(host: DebianHost) -> None:
    # processes without master: U110, were it a running app.
    available = UWSGI_ETC / "apps-available" / f"{host.name}old.ini"
    available.write_text("[uwsgi]\nplugins = python3\nmodule = app:application\nprocesses = 4\n")
    try:
        started = subprocess.run([str(INIT_SCRIPT), "start", available.stem], env=INIT_ENV, capture_output=True,
                                 text=True, timeout=60, stdin=subprocess.DEVNULL)
        # The init script looks in apps-enabled only; "?" is its log_progress_not_found.
        assert started.returncode == 0 and "uwsgi -> ? done." in started.stdout, started.stdout
        assert not (RUN_UWSGI / "app" / available.stem).exists()

        assert host.check() == []
        said = host.verbose()
        assert (f"uwsgi  {available}  (uwsgi by place and content; not enabled: no link in /etc/uwsgi/apps-enabled "
                "names it, so /etc/init.d/uwsgi does not start it; not checked as a running app)") in said, said
        # The package's default.ini, outside /etc, read because the init script names it.
        assert f"uwsgi  {DEFAULT_INI}  (on the command line of init.d {host.name} (" in said, said
        # The enabled site under both of its names; a stock file no config includes is not loaded.
        includes = host.line_of(NGINX_CONF, "include /etc/nginx/sites-enabled/*")
        assert (f"nginx  {host.site_available}  (nginx by place and content; included by {NGINX_CONF}:{includes} "
                f"('/etc/nginx/sites-enabled/*') as {host.site_enabled})") in said, said
        assert ("nginx  /etc/nginx/koi-utf  (nginx by place and content; no nginx.conf above it includes it, so "
                "nginx does not load it: not checked)") in said, said
    finally:
        available.unlink(missing_ok=True)


def test_the_gunicorn_app_under_its_unit_answers_200_and_wsgilint_reports_nothing(host: DebianHost) -> None:
    response = host.get_gunicorn()
    assert (response.status, response.body) == (200, b"ok probe=-"), (host.nginx_errors("gunicorn-error.log"),
                                                                      host.gunicorn.log() if host.gunicorn else "")
    # Running as the unit says: its user, Group=www-data, in WorkingDirectory=, from ExecStart=.
    assert host.gunicorn is not None
    status = Path(f"/proc/{host.gunicorn.pid}/status").read_text()
    uid = next(line.split()[1] for line in status.splitlines() if line.startswith("Uid:"))
    gid = next(line.split()[1] for line in status.splitlines() if line.startswith("Gid:"))
    assert (int(uid), int(gid)) == (pwd.getpwnam(host.gunicorn_user).pw_uid, grp.getgrnam("www-data").gr_gid)
    assert os.readlink(f"/proc/{host.gunicorn.pid}/cwd") == str(host.app_dir)
    assert f"--bind unix:{host.gunicorn_socket}" in process_cmdline(host.gunicorn.pid)
    socket_stat = host.gunicorn_socket.stat()
    assert (socket_stat.st_gid, socket_stat.st_mode & 0o777) == (grp.getgrnam("www-data").gr_gid, 0o770)
    # The API, started by its socket unit: it serves on the inherited socket, owned as the unit says.
    api = http_get(host.api_port, "/", timeout=30.0)
    assert (api.status, api.body) == (200, b"ok probe=-"), host.nginx_errors("gunicorn-error.log")
    assert host.api_server is not None and "gunicorn" in process_cmdline(host.api_server.pid)
    api_stat = host.api_socket.stat()
    assert (api_stat.st_uid, api_stat.st_mode & 0o777) == (pwd.getpwnam("www-data").pw_uid, 0o600)

    assert host.check() == []


def test_proxy_pass_to_a_socket_the_unit_does_not_bind_is_502_and_x101(host: DebianHost) -> None:
    host.wire_gunicorn(target=f"http://unix:{host.gunicorn_run_dir}/app.sock")
    host.restart()

    response = host.get_gunicorn()

    assert response.status == 502
    assert "(2: No such file or directory) while connecting to upstream" in host.nginx_errors("gunicorn-error.log")
    assert host.check() == [Finding("X101", "error", str(host.gunicorn_site_enabled),
                                    host.line_of(host.gunicorn_site_available, "proxy_pass"))]


def test_a_wrong_socket_name_in_nginx_is_502_and_x101(host: DebianHost) -> None:
    host.wire(target=f"unix:{host.run_dir}/sock")
    host.restart()

    response = host.get()

    assert response.status == 502
    assert "(2: No such file or directory) while connecting to upstream" in host.nginx_errors()
    assert host.check() == [Finding("X101", "error", str(host.site_enabled),
                                    host.line_of(host.site_available, "uwsgi_pass"))]


def test_http_in_place_of_socket_without_the_http_plugin_listens_nowhere_502_and_x101(host: DebianHost) -> None:
    host.wire(ini_extra=f"http = 127.0.0.1:{host.router_port}\n", target=f"127.0.0.1:{host.router_port}")
    host.restart()

    response = host.get()

    # uwsgi-core has no http router built in: the option is ignored, and the log says nothing of it.
    assert not port_accepts(host.router_port)
    log = host.log_once("spawned uWSGI master")
    assert "uWSGI http bound" not in log and "spawned uWSGI master" in log
    assert response.status == 502
    assert "(111: Connection refused) while connecting to upstream" in host.nginx_errors()
    assert host.check() == [Finding("X101", "error", str(host.site_enabled),
                                    host.line_of(host.site_available, "uwsgi_pass"))]


def test_http_in_place_of_socket_with_the_http_plugin_is_the_router_502_and_x102(host: DebianHost) -> None:
    # http-timeout: the router gives up on the never-ending "request" after 2 s instead of 60 s.
    host.wire(plugins="python3, http", ini_extra=f"http = 127.0.0.1:{host.router_port}\nhttp-timeout = 2\n",
              target=f"127.0.0.1:{host.router_port}")
    host.restart()

    response = host.get()

    bound = f"uWSGI http bound on 127.0.0.1:{host.router_port}"
    assert bound in host.log_once(bound)
    assert response.status == 502
    assert "upstream prematurely closed connection while reading response header" in host.nginx_errors()
    assert host.check() == [Finding("X102", "error", str(host.site_enabled),
                                    host.line_of(host.site_available, "uwsgi_pass"))]


def test_proxy_directives_under_uwsgi_pass_do_nothing_and_x110(host: DebianHost) -> None:
    host.wire(site_extra="        proxy_set_header X-Probe on;\n        proxy_read_timeout 300s;\n")
    host.restart()

    response = host.get()

    # 200, and the header proxy_set_header names never reaches the app.
    assert (response.status, response.body) == (200, b"ok probe=-"), host.nginx_errors()
    assert host.check() == [Finding("X110", "warning", str(host.site_enabled),
                                    host.line_of(host.site_available, "proxy_set_header"))]
