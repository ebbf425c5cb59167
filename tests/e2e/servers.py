"""Start real nginx, uWSGI and Gunicorn on loopback for end-to-end tests.

Every server is a child process of the test run: started with ``subprocess.Popen``
in its own session, waited for until its listener accepts connections, and stopped
by its PID (then its process group, if it does not go in time). Logs go to files
the tests can read when an assertion fails.

Over 400 lines on purpose: it is the one place every e2e test takes its servers from,
in sections (starters, processes that outlive their parent, an app behind nginx,
wsgilint as users run it, a uwsgi protocol client), so a test never starts a server
its own way.
"""
from __future__ import annotations

import grp
import http.client
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

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
    """The uWSGI pip built into this environment (Python built in), next to its python.

    Never one found on PATH: where Debian's ``uwsgi`` package is installed (.ci/run installs it
    for tests/e2e/test_debian_host.py), ``/usr/bin/uwsgi`` is ``uwsgi-core``, which loads no
    app without ``plugins = python3`` and would fail every other test."""
    beside_python = Path(sys.executable).parent / "uwsgi"
    return str(beside_python) if os.access(beside_python, os.X_OK) else None


def gunicorn_available() -> bool:
    return importlib.util.find_spec("gunicorn") is not None


def free_port() -> int:
    """A loopback TCP port nobody listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def port_accepts(port: int, host: str = LOOPBACK) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    stop_signal: int = signal.SIGTERM
    _log_file: IO[bytes] | None = field(default=None, repr=False)

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


def write_app(directory: Path, source: str = APP_SOURCE) -> Path:
    """A tiny WSGI app (module ``app``, callable ``application``); by default it answers 200
    with ``ok`` and the path asked for."""
    path = directory / "app.py"
    path.write_text(source)
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


def _nginx_argv(conf: Path, prefix: Path) -> list[str]:
    """nginx in the foreground on ``conf``, its pid file and logs in ``prefix`` (made if missing)."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed")
    prefix.mkdir(parents=True, exist_ok=True)
    return [binary, "-p", f"{prefix}/", "-c", str(conf), "-e", str(prefix / "error.log"),
            "-g", f"daemon off; pid {prefix / 'nginx.pid'};"]


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
        # Startup messages on stderr and the runtime error_log end up in the same file.
        # SIGTERM is nginx's fast shutdown.
        return self._track(_spawn("nginx", _nginx_argv(conf, prefix), prefix / "error.log", prefix,
                                  signal.SIGTERM), port)

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


# --- Processes that outlive their parent, other users, private namespaces -------------------------

# systemd's UMask= and supervisord's umask default: uWSGI's default socket mode (0755) comes from it.
SERVICE_UMASK = 0o022
SUPERVISOR_READY_TIMEOUT = 20.0


def supervisor_available() -> bool:
    return importlib.util.find_spec("supervisor") is not None


def unix_accepts(path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(0.5)
            probe.connect(str(path))
            return True
    except OSError:
        return False


def _wait_until(server: Server, ready: Callable[[], bool], what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with code {server.process.returncode} before {what}; "
                               f"its log:\n{server.log()}")
        time.sleep(0.05)
    raise TimeoutError(f"{server.name}: no {what} within {timeout} s; its log:\n{server.log()}")


def wait_for_unix_socket(server: Server, path: Path, timeout: float = START_TIMEOUT) -> None:
    _wait_until(server, lambda: unix_accepts(path), f"connection accepted on {path}", timeout)


def wait_for_log(server: Server, text: str, timeout: float = START_TIMEOUT) -> None:
    _wait_until(server, lambda: text in server.log(), f"log line containing {text!r}", timeout)


def catches_signal(pid: int, signum: int) -> bool:
    """Whether process ``pid`` has a handler installed for ``signum`` (its SigCgt mask in /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    for line in status.splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False


def wait_for_signal_handler(server: Server, signum: int, timeout: float = START_TIMEOUT) -> None:
    """Waits until the server catches ``signum``: before that, the signal kills it with no cleanup
    (uWSGI's master binds its sockets long before its loop installs the SIGINT handler)."""
    _wait_until(server, lambda: catches_signal(server.pid, signum),
                f"handler for signal {signal.Signals(signum).name}", timeout)


def wait_for_exit(server: Server, timeout: float = START_TIMEOUT) -> int:
    try:
        return server.process.wait(timeout)
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"{server.name} still runs after {timeout} s; its log:\n{server.log()}") from None


def start_tracked(servers: Servers, name: str, argv: list[str], log_path: Path, cwd: Path,
                  stop_signal: int = signal.SIGTERM) -> Server:
    """Like the ``Servers`` starters, with the umask a service manager gives, and without waiting:
    the caller decides what "started" means (a port, a unix socket, a log line, an exit)."""
    log_file = open(log_path, "ab")
    process = subprocess.Popen(
        argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log_file,
        stderr=subprocess.STDOUT, start_new_session=True, umask=SERVICE_UMASK)
    server = Server(name, process, log_path, stop_signal, log_file)
    servers.running.append(server)
    return server


def start_uwsgi(servers: Servers, ini: Path, run_dir: Path, log_name: str = "uwsgi.log",
                wrapper: tuple[str, ...] = ()) -> Server:
    """uWSGI in the foreground, stopped with SIGINT (SIGTERM would make 2.0 reload)."""
    binary = uwsgi_binary()
    if binary is None:
        raise RuntimeError("uwsgi is not installed")
    return start_tracked(servers, "uwsgi", [*wrapper, binary, "--ini", str(ini)], run_dir / log_name,
                         run_dir, signal.SIGINT)


# Sets PYTHONHOME to a bind mount of the Python home inside a private mount namespace, then runs the rest.
_READABLE_PYTHON = 'mount --bind "$1" "$2" || exit 1; export PYTHONHOME="$2"; shift 2; exec "$@"'


def readable_python_wrapper(mount_point: Path) -> tuple[str, ...]:
    """A command prefix that lets a uWSGI which drops to another ``uid`` load its Python.

    uWSGI embeds the harness's Python; when that lives under a 0700 home (pyenv under
    /root), the app user cannot read the standard library and Python dies with
    "No module named 'encodings'" right after ``setuid()``. The wrapper bind-mounts the
    Python home at ``mount_point`` (a directory every user can enter) in a private
    mount namespace and points PYTHONHOME at it: nothing changes outside that
    namespace, and it ends with the process. Needs root and ``unshare``.
    """
    mount_point.mkdir(exist_ok=True)
    return ("unshare", "-m", "--propagation", "private", "--", "sh", "-c", _READABLE_PYTHON, "sh",
            sys.base_prefix, str(mount_point))


# Covers /tmp with an empty tmpfs, as systemd's PrivateTmp= does, and mounts one directory back.
_PRIVATE_TMP = ('exec 9<"$1" || exit 1; mount -t tmpfs -o mode=1777 tmpfs /tmp || exit 1; '
                'mkdir -p "$1" && mount --no-canonicalize --bind /proc/self/fd/9 "$1" || exit 1; '
                'exec 9<&-; shift; exec "$@"')


def private_tmp_wrapper(keep: Path) -> tuple[str, ...]:
    """A command prefix that runs a program with its own empty /tmp (systemd ``PrivateTmp=yes``).

    PID 1 here need not be systemd, so the mount namespace is made by ``unshare -m``
    and a fresh tmpfs is mounted over /tmp. ``keep`` (the directory with the program's
    config, logs and pid file) is opened before /tmp is covered and bind-mounted back
    at the same path; everything else under /tmp, such as an app's socket, is gone for
    the program and only for it. Needs root and ``unshare``.
    """
    return ("unshare", "-m", "--propagation", "private", "--", "sh", "-c", _PRIVATE_TMP, "sh", str(keep))


def start_nginx(servers: Servers, conf: Path, prefix: Path, port: int, wrapper: tuple[str, ...] = ()) -> Server:
    """``Servers.nginx`` with a command prefix (e.g. ``private_tmp_wrapper``)."""
    argv = [*wrapper, *_nginx_argv(conf, prefix)]
    server = start_tracked(servers, "nginx", argv, prefix / "error.log", prefix, signal.SIGTERM)
    server.wait_for_port(port)
    return server


def nginx_main_conf_as(user: str, http_body: str) -> str:
    """``nginx_main_conf`` whose workers run as ``user`` (and its group of the same name)."""
    return f"user {user};\n" + nginx_main_conf(http_body).removeprefix("user root;\n")


@dataclass
class Supervisord:
    server: Server
    conf: Path

    def ctl(self, *args: str, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "supervisor.supervisorctl", "-c", str(self.conf), *args],
                              capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)

    def status(self, program: str) -> str:
        """The status line of one program: ``app  RUNNING  pid 12, uptime 0:00:02``."""
        return self.ctl("status", program).stdout.strip()

    def wait_for_state(self, program: str, states: tuple[str, ...], timeout: float = START_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        line = ""
        while time.monotonic() < deadline:
            line = self.status(program)
            words = line.split()
            if len(words) >= 2 and words[1] in states:
                return line
            time.sleep(0.2)
        raise TimeoutError(f"{program} did not reach {states} within {timeout} s: {line!r}; "
                           f"supervisord log:\n{self.server.log()}")


def supervisord_conf(socket_path: Path, run_dir: Path, programs: str) -> str:
    """A supervisord.conf with its own control socket, pid file and logs; ``programs`` is appended."""
    return (
        "[unix_http_server]\n"
        f"file = {socket_path}\n"
        "\n"
        "[supervisord]\n"
        f"logfile = {run_dir / 'supervisord.log'}\n"
        f"pidfile = {run_dir / 'supervisord.pid'}\n"
        f"childlogdir = {run_dir}\n"
        "\n"
        "[rpcinterface:supervisor]\n"
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
        "\n"
        "[supervisorctl]\n"
        f"serverurl = unix://{socket_path}\n"
        "\n"
        f"{programs}"
    )


def start_supervisord(servers: Servers, conf: Path, socket_path: Path, run_dir: Path) -> Supervisord:
    """supervisord in the foreground (``-n``), so the PID the harness holds is supervisord's own.

    ``conf`` must give it its own ``[unix_http_server] file`` (``socket_path``), pidfile and
    logs. SIGTERM makes it stop its programs (each within its ``stopwaitsecs``) and exit.
    """
    argv = [sys.executable, "-m", "supervisor.supervisord", "-n", "-c", str(conf)]
    server = start_tracked(servers, "supervisord", argv, run_dir / "supervisord.out", run_dir, signal.SIGTERM)
    wait_for_unix_socket(server, socket_path, SUPERVISOR_READY_TIMEOUT)
    return Supervisord(server, conf)


def _socket_inodes_listening_on(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) > 9 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    return inodes


def pids_listening_on(port: int) -> set[int]:
    """Every process holding a listening TCP socket on ``port`` (a uWSGI master and its workers)."""
    wanted = {f"socket:[{inode}]" for inode in _socket_inodes_listening_on(port)}
    found: set[int] = set()
    if not wanted:
        return found
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) in wanted for fd in (entry / "fd").iterdir()):
                found.add(int(entry.name))
        except OSError:
            continue
    return found


def process_cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def parent_pid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def namespace_pid1(unshare_pid: int, timeout: float = 10.0) -> int:
    """The host PID of the PID 1 of a namespace ``unshare --pid --fork`` made: its child.
    SIGKILL to it ends everything in the namespace."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for entry in os.listdir("/proc"):
            if entry.isdigit() and parent_pid(int(entry)) == unshare_pid:
                return int(entry)
        time.sleep(0.05)
    raise TimeoutError("unshare started no child")


@contextmanager
def dash_as_pid1(script: Path, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``unshare --pid --fork --mount-proc dash SCRIPT``: the script's shell is PID 1 of a new
    PID namespace, as a container's command is (its host PID: ``namespace_pid1(process.pid)``).
    Whatever still runs at the end is SIGKILLed through that PID 1, which ends the namespace."""
    with open(log_path, "ab") as out:
        process = subprocess.Popen(["unshare", "--pid", "--fork", "--mount-proc", "dash", str(script)],
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            yield process
        finally:
            if process.poll() is None:
                try:
                    os.kill(namespace_pid1(process.pid, 1.0), signal.SIGKILL)
                except (TimeoutError, ProcessLookupError):
                    pass
                process.wait(10)


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class Orphans:
    """Processes no harness PID leads any more: a uWSGI that daemonized itself, workers left
    behind when a manager SIGKILLed their master. They are found by the pid file and the port
    a test names, and killed only if their command line holds the test's ``marker`` (its own
    ini path), so nothing else on the machine is touched."""

    def __init__(self) -> None:
        self.watched: list[tuple[str, int | None, Path | None]] = []

    def watch(self, marker: str, port: int | None = None, pidfile: Path | None = None) -> None:
        self.watched.append((marker, port, pidfile))

    def find(self) -> set[int]:
        found: set[int] = set()
        for marker, port, pidfile in self.watched:
            candidates = pids_listening_on(port) if port is not None else set()
            if pidfile is not None:
                try:
                    candidates.add(int(pidfile.read_text().strip()))
                except (OSError, ValueError):
                    pass
            found.update(pid for pid in candidates if alive(pid) and marker in process_cmdline(pid))
        return found

    def kill_all(self, timeout: float = STOP_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            left = self.find()
            if not left:
                return
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.1)
        raise RuntimeError(f"could not kill orphaned processes {sorted(self.find())}")


def _run_checked(argv: list[str]) -> None:
    completed = subprocess.run(argv, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({completed.returncode}): {completed.stderr.strip()}")


def add_throwaway_user(role: str) -> str:
    """A system user with its own group of the same name, no home, no login shell."""
    name = f"wle2e{secrets.token_hex(3)}{role}"[:32]
    _run_checked(["useradd", "--system", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name])
    return name


def delete_throwaway_user(name: str) -> None:
    _run_checked(["userdel", name])
    try:
        grp.getgrnam(name)
    except KeyError:
        return
    _run_checked(["groupdel", name])


# --- a uWSGI app behind nginx, both on loopback ---------------------------------------------------

def tree_and_run(base: Path) -> tuple[Path, Path]:
    """``base/tree`` (what wsgilint checks) and ``base/run`` (the app, logs, pid files), made."""
    tree, run = base / "tree", base / "run"
    tree.mkdir()
    run.mkdir()
    return tree, run


def distinct_ports(count: int) -> list[int]:
    """``count`` free loopback ports, no two the same."""
    ports: list[int] = []
    while len(ports) < count:
        port = free_port()
        if port not in ports:
            ports.append(port)
    return ports


def uwsgi_app_ini(run: Path, *lines: str, load: str = "wsgi-file = app.py") -> str:
    """A uWSGI ini for one small app in ``run``: one worker under a master, no start without
    the app, SIGTERM stops it; ``lines`` (listeners, users, socket options) follow in order."""
    head = ("[uwsgi]", f"chdir = {run}", load, "master = true", "processes = 1", "need-app = true",
            "die-on-term = true")
    return "".join(f"{line}\n" for line in (*head, *lines))


def loopback_server(port: int, locations: str) -> str:
    """An nginx ``server`` block that listens on ``LOOPBACK:port``; ``locations`` are indented by 8."""
    return f"    server {{\n        listen {LOOPBACK}:{port};\n{locations}    }}\n"


def write_nginx_conf(path: Path, http_body: str, user: str | None = None) -> Path:
    """``nginx_main_conf`` (workers as ``user`` if given) at ``path``, with the stock uwsgi_params
    beside it when the config includes it, as a packaged nginx has it."""
    path.write_text(nginx_main_conf(http_body) if user is None else nginx_main_conf_as(user, http_body))
    if "include uwsgi_params;" in http_body:
        copy_uwsgi_params(path.parent)
    return path


@dataclass(frozen=True)
class AppBehindNginx:
    """A uWSGI app behind nginx as a test wrote it: uWSGI runs ``ini`` and listens on ``app`` (a
    loopback port or a unix socket), nginx runs ``conf`` on ``nginx_port``. Both start in ``run``
    (the app, logs, pid files); ``tree`` is what wsgilint checks."""
    tree: Path
    run: Path
    ini: Path
    conf: Path
    nginx_port: int
    app: int | Path

    def start(self, servers: Servers, uwsgi_wrapper: tuple[str, ...] = (),
              nginx_wrapper: tuple[str, ...] = ()) -> tuple[Server, Server]:
        """(uWSGI, nginx), each once it accepts connections; ``servers`` stops both by PID."""
        uwsgi = start_uwsgi(servers, self.ini, self.run, wrapper=uwsgi_wrapper)
        if isinstance(self.app, Path):
            wait_for_unix_socket(uwsgi, self.app)
        else:
            uwsgi.wait_for_port(self.app)
        return uwsgi, start_nginx(servers, self.conf, self.run, self.nginx_port, wrapper=nginx_wrapper)


def start_app_behind_nginx(base: Path, servers: Servers, app_source: str, locations: str) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's port) with nginx and uWSGI running: ``app_source``
    as the app, served by uWSGI on a loopback uwsgi ``socket``, behind an nginx server whose
    ``locations`` (indented by 8) name that socket's port as ``{port}``."""
    tree, run = tree_and_run(base)
    write_app(run, app_source)
    nginx_port, app_port = distinct_ports(2)
    conf = write_nginx_conf(tree / "nginx.conf", loopback_server(nginx_port, locations.format(port=app_port)))
    ini = tree / "uwsgi.ini"
    ini.write_text(uwsgi_app_ini(run, f"socket = 127.0.0.1:{app_port}"))
    AppBehindNginx(tree, run, ini, conf, nginx_port, app_port).start(servers)
    return conf, nginx_port


# --- wsgilint as users run it --------------------------------------------------------------------

def wsgilint_json(tree: Path, *options: str) -> dict[str, Any]:
    """``wsgilint check TREE --format json --fail-on error``: exit 1 exactly when an error is found."""
    completed = subprocess.run(
        [sys.executable, "-m", "wsgilint", "check", str(tree), "--format", "json", "--fail-on", "error", *options],
        cwd=tree, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert completed.returncode in (0, 1) and completed.stdout, completed.stderr
    report: dict[str, Any] = json.loads(completed.stdout)
    has_errors = any(finding["severity"] == "error" for finding in report["findings"])
    assert completed.returncode == int(has_errors), (completed.returncode, report["findings"])
    return report


def findings_with_code(report: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [finding for finding in report["findings"] if finding["code"] == code]


def errors_of(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [finding for finding in report["findings"] if finding["severity"] == "error"]


def place(entry: dict[str, Any], tree: Path) -> tuple[Path, int]:
    """(absolute file, line) of a finding or a related location; paths are shown relative to the cwd (the tree)."""
    return (tree / entry["path"]).resolve(), entry["line"]


def line_with(path: Path, needle: str) -> int:
    """The first line of ``path`` that contains ``needle`` (1-based)."""
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def at(path: Path, needle: str) -> tuple[Path, int]:
    return path.resolve(), line_with(path, needle)


# --- a client for the uwsgi protocol -------------------------------------------------------------

def uwsgi_get(socket_path: Path, path: str = "/", timeout: float = 10.0) -> Response:
    """One GET sent as a uwsgi packet to a uWSGI ``socket``, as nginx's uwsgi_pass would send it."""
    variables = {"REQUEST_METHOD": "GET", "REQUEST_URI": path, "PATH_INFO": path, "QUERY_STRING": "",
                 "SERVER_PROTOCOL": "HTTP/1.1", "SERVER_NAME": "localhost", "SERVER_PORT": "80",
                 "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "localhost"}
    body = b"".join(struct.pack("<H", len(k)) + k + struct.pack("<H", len(v)) + v
                    for k, v in ((k.encode(), v.encode()) for k, v in variables.items()))
    started = time.monotonic()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        connection.connect(str(socket_path))
        connection.sendall(struct.pack("<BHB", 0, len(body), 0) + body)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    raw = b"".join(chunks)
    head, _, content = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return Response(status, time.monotonic() - started, content)


# --- an app that shows its environ, reached over TLS ----------------------------------------------

ENVIRON_APP = '''\
import json


def application(environ, start_response):
    body = json.dumps({k: v for k, v in environ.items() if isinstance(v, str)}).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
'''


def self_signed_certificate(directory: Path, name: str) -> tuple[Path, Path]:
    """(certificate, key) for ``name``, made by openssl in ``directory``, valid for a day."""
    cert, key = directory / f"{name}.pem", directory / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


def tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def tls_environ(port: int, target: str, host: str | None) -> dict[str, str]:
    """ENVIRON_APP's environ for one request over TLS, sent as written: ``target`` is the
    request line's target (an absolute URI names a host), ``host`` the Host header (None:
    an HTTP/1.0 request without one)."""
    version, header = ("HTTP/1.1", f"Host: {host}\r\nConnection: close\r\n") if host else ("HTTP/1.0", "")
    with socket.create_connection((LOOPBACK, port), timeout=30) as raw, \
            tls_context().wrap_socket(raw) as connection:
        connection.sendall(f"GET {target} {version}\r\n{header}\r\n".encode())
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    assert head.split()[1] == b"200", head
    environ: dict[str, str] = json.loads(body)
    return environ
