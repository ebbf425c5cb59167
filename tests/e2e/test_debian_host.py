"""A Debian host wired the Debian way, on this machine's real /etc: ``wsgilint check /etc``.

Needs root and Debian's packages ``nginx``, ``uwsgi`` and ``uwsgi-plugin-python3`` (``.ci/run``
installs them with services kept from starting). The test writes one app the Debian way
(``/etc/uwsgi/apps-available/NAME.ini`` with ``plugins = python3``, linked
from ``apps-enabled``; the socket ``/run/uwsgi/app/NAME/socket``, its owner and mode, ``uid``,
``gid`` and ``master`` come from the package's ``/usr/share/uwsgi/conf/default.ini``), starts
it with the package's own ``/etc/init.d/uwsgi start NAME``, adds an nginx site
(``sites-available/NAME`` linked from ``sites-enabled``) on a free loopback port and runs
nginx as Debian does (``nginx -c /etc/nginx/nginx.conf``, in the foreground so the test holds
its PID). The stock default site stays enabled, so port 80 must be free.

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
  reaches the app: X110.

The host is left as it was: nginx is stopped by its PID and the app by the init script's
``stop``; every file the test wrote under /etc, /run and /var/log is removed and
``/run/nginx.pid`` (which nginx deletes on exit) restored; the teardown then asserts that
the files under /etc/uwsgi, /etc/nginx/sites-*, /run/uwsgi and /var/log/uwsgi are those it
found.
"""
from __future__ import annotations

import json
import os
import secrets
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
    free_port,
    http_get,
    nginx_binary,
    port_accepts,
    process_cmdline,
    start_tracked,
    unix_accepts,
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
    uWSGI's run directory and its app logs."""
    found: list[str] = []
    for top in (UWSGI_ETC, SITES_AVAILABLE, SITES_ENABLED, RUN_UWSGI, UWSGI_LOGS):
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

    def nginx_errors(self) -> str:
        path = self.app_dir / "error.log"
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

    # --- leaving the machine as it was -------------------------------------------------------

    def remove(self) -> None:
        for path in (self.site_enabled, self.site_available, self.app_enabled, self.app_available, self.app_log):
            path.unlink(missing_ok=True)


def _kill_leftover_master(host: DebianHost) -> None:
    """If the init script's stop failed, the master by its pid file, when it runs this app's ini."""
    pid = _live_pid(host.run_dir / "pid")
    if pid is not None and host.app_enabled.name in process_cmdline(pid):
        os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def debian_host(need_debian_uwsgi: None) -> Iterator[DebianHost]:
    before = _listing()
    run_uwsgi_existed = RUN_UWSGI.exists()
    pid_file = NGINX_PID.stat() if NGINX_PID.exists() else None
    pid_text = NGINX_PID.read_bytes() if pid_file is not None else b""
    servers = Servers()
    app_dir = Path(tempfile.mkdtemp(prefix="wldeb-", dir="/tmp"))
    app_dir.chmod(0o755)   # uWSGI runs the app as www-data (default.ini's uid)
    (app_dir / "app.py").write_text(APP)
    (app_dir / "app.py").chmod(0o644)
    host = DebianHost(servers, app_dir)
    try:
        host.wire()
        host.start_app()
        host.start_nginx()
        yield host
    finally:
        try:
            servers.stop_all()
        finally:
            try:
                host.stop_app()
            finally:
                _kill_leftover_master(host)
                host.remove()
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
    assert _listing() == before, "the files under /etc/uwsgi, /etc/nginx/sites-*, /run/uwsgi or /var/log/uwsgi " \
                                 "differ from before the test"


@pytest.fixture
def host(debian_host: DebianHost) -> Iterator[DebianHost]:
    """The module's host, wired correctly again (and restarted) after a test broke it."""
    yield debian_host
    debian_host.wire()
    debian_host.restart()


def test_the_debian_wired_app_answers_200_and_wsgilint_reports_nothing(host: DebianHost) -> None:
    response = host.get()
    assert (response.status, response.body) == (200, b"ok probe=-"), (host.nginx_errors(), host.log())
    # Started the way Debian starts it: the package's default.ini first, then the enabled link.
    cmdline = process_cmdline(host.master_pid())
    assert f"--ini {DEFAULT_INI} --ini {host.app_enabled} --daemonize {host.app_log}" in cmdline, cmdline
    assert os.readlink(f"/proc/{host.master_pid()}/exe") == "/usr/bin/uwsgi-core"
    assert "setuid() to 33" in host.log()   # www-data, from default.ini

    assert host.check() == []


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
    assert "uWSGI http bound" not in host.log() and "spawned uWSGI master" in host.log()
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

    assert f"uWSGI http bound on 127.0.0.1:{host.router_port}" in host.log()
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
