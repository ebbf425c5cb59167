"""Start real nginx, uWSGI and Gunicorn on loopback for end-to-end tests.

Every server is a child process of the test run: started with ``subprocess.Popen``
in its own session, waited for until its listener accepts connections, and stopped
by its PID (then its process group, if it does not go in time). Logs go to files
the tests can read when an assertion fails.
"""
from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

LOOPBACK = "127.0.0.1"
START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0

NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")
STOCK_UWSGI_PARAMS = Path("/etc/nginx/uwsgi_params")

APP_SOURCE = '''\
def application(environ, start_response):
    body = ("ok " + environ.get("PATH_INFO", "")).encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
'''


def nginx_binary() -> str | None:
    found = shutil.which("nginx")
    if found:
        return found
    return next((path for path in NGINX_CANDIDATES if os.access(path, os.X_OK)), None)


def uwsgi_binary() -> str | None:
    # A venv that is not activated still has its uwsgi next to its python.
    beside_python = Path(sys.executable).parent / "uwsgi"
    if os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which("uwsgi")


def gunicorn_available() -> bool:
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def free_port() -> int:
    """A loopback TCP port nobody listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def port_accepts(port: int, host: str = LOOPBACK) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    log_path: Path
    stop_signal: int = signal.SIGTERM
    _log_file: object = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def wait_for_port(self, port: int, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with code {self.process.returncode} before listening on "
                    f"{LOOPBACK}:{port}; its log:\n{self.log()}")
            if port_accepts(port):
                return
            time.sleep(0.05)
        raise TimeoutError(f"{self.name} did not listen on {LOOPBACK}:{port} within {timeout} s; "
                           f"its log:\n{self.log()}")

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        if self.process.poll() is None:
            try:
                self.process.send_signal(self.stop_signal)
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                # The process leads its own session, so its group holds its workers too.
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout)
        if self._log_file is not None:
            self._log_file.close()


def _spawn(name: str, argv: list[str], log_path: Path, cwd: Path, stop_signal: int,
           env: dict[str, str] | None = None) -> Server:
    log_file = open(log_path, "ab")
    process = subprocess.Popen(
        argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log_file,
        stderr=subprocess.STDOUT, start_new_session=True)
    return Server(name, process, log_path, stop_signal, log_file)


def write_app(directory: Path) -> Path:
    """A tiny WSGI app (module ``app``, callable ``application``) that answers 200."""
    path = directory / "app.py"
    path.write_text(APP_SOURCE)
    return path


def nginx_main_conf(http_body: str) -> str:
    """An nginx.conf that runs unprivileged-friendly inside a prefix directory.

    Logs and temp paths are relative, so they land in the ``-p`` prefix; ``include``
    is relative to the directory of nginx.conf itself. Workers of a root master
    would run as ``nobody`` and could not enter the 0700 temp directories tests
    run in, hence ``user root`` then.
    """
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}"
        "worker_processes 1;\n"
        "error_log error.log info;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    access_log access.log;\n"
        "    client_body_temp_path client_body_temp;\n"
        "    proxy_temp_path proxy_temp;\n"
        "    uwsgi_temp_path uwsgi_temp;\n"
        "    fastcgi_temp_path fastcgi_temp;\n"
        "    scgi_temp_path scgi_temp;\n"
        f"{http_body}"
        "}\n"
    )


def copy_uwsgi_params(directory: Path) -> Path:
    target = directory / "uwsgi_params"
    shutil.copyfile(STOCK_UWSGI_PARAMS, target)
    return target


class Servers:
    """Starts servers and remembers them so one finalizer stops them all."""

    def __init__(self) -> None:
        self.running: list[Server] = []

    def _track(self, server: Server, port: int) -> Server:
        self.running.append(server)
        server.wait_for_port(port)
        return server

    def nginx(self, conf: Path, prefix: Path, port: int) -> Server:
        """Runs ``conf`` in the foreground; pid file and logs stay inside ``prefix``."""
        binary = nginx_binary()
        if binary is None:
            raise RuntimeError("nginx is not installed")
        prefix.mkdir(parents=True, exist_ok=True)
        argv = [binary, "-p", f"{prefix}/", "-c", str(conf), "-e", str(prefix / "error.log"),
                "-g", f"daemon off; pid {prefix / 'nginx.pid'};"]
        # Startup messages on stderr and the runtime error_log end up in the same file.
        # SIGTERM is nginx's fast shutdown.
        return self._track(_spawn("nginx", argv, prefix / "error.log", prefix, signal.SIGTERM), port)

    def uwsgi(self, ini: Path, port: int, run_dir: Path) -> Server:
        binary = uwsgi_binary()
        if binary is None:
            raise RuntimeError("uwsgi is not installed")
        # uWSGI 2.0 treats SIGTERM as "reload" unless die-on-term is set; SIGINT always stops it.
        server = _spawn("uwsgi", [binary, "--ini", str(ini)], run_dir / "uwsgi.log", run_dir, signal.SIGINT)
        return self._track(server, port)

    def gunicorn(self, conf: Path, port: int, run_dir: Path) -> Server:
        # Without --no-control-socket Gunicorn >= 25.1 creates ~/.gunicorn/gunicorn.ctl.
        argv = [sys.executable, "-m", "gunicorn", "--no-control-socket", "-c", str(conf)]
        server = _spawn("gunicorn", argv, run_dir / "gunicorn.log", run_dir, signal.SIGTERM)
        return self._track(server, port)

    def stop_all(self) -> None:
        errors = []
        for server in reversed(self.running):
            try:
                server.stop()
            except Exception as error:  # keep stopping the others
                errors.append(f"{server.name} (pid {server.pid}): {error}")
        self.running.clear()
        if errors:
            raise RuntimeError("could not stop: " + "; ".join(errors))


@dataclass(frozen=True)
class Response:
    status: int
    elapsed: float
    body: bytes


def http_get(port: int, path: str = "/", timeout: float = 30.0, host: str = LOOPBACK) -> Response:
    """One GET; ``elapsed`` is wall time until the whole body is read."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return Response(response.status, time.monotonic() - started, body)
