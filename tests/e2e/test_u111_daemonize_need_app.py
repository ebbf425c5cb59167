"""U111 against the real uWSGI 2.0: who sees a failed import when uWSGI daemonizes.

With `daemonize`, the command that starts uWSGI forks and returns 0 before the app is
imported; with `need-app` the daemon then exits on its own (`no app loaded. GAME OVER`),
and nothing that started it is told. With `daemonize2`, uWSGI loads the app first: with
`need-app` the start command itself exits 22, which whoever started it sees, unless the
app is loaded later, in each worker (`lazy-apps`), where it again returns 0 first.
wsgilint makes the first and the last an info and keeps the warning for the second.
"""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from wsgilint.api import check

from .servers import Orphans, alive, free_port, uwsgi_binary

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_uwsgi")]


_ENDS = ("no app loaded. GAME OVER", "need-app requested, destroying the instance")


def _ini(directory: Path, *lines: str) -> Path:
    ini = directory / "uwsgi.ini"
    ini.write_text("\n".join(["[uwsgi]", f"chdir = {directory}", "module = no_such_module", "master = true",
                              "need-app = true", f"socket = 127.0.0.1:{free_port()}",
                              f"pidfile = {directory}/uwsgi.pid", *lines]) + "\n")
    return ini


def _start(tmp_path: Path, orphans: Orphans, *lines: str) -> tuple[int, str]:
    """The start command's exit code, and the log once the daemon (if any) has gone."""
    ini = _ini(tmp_path, *lines)
    orphans.watch(str(ini), pidfile=tmp_path / "uwsgi.pid")
    binary = uwsgi_binary()
    assert binary is not None
    code = subprocess.run([binary, "--ini", str(ini)], cwd=tmp_path, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, timeout=60).returncode
    log = tmp_path / "uwsgi.log"
    # A daemon, if one was left, ends by itself once need-app finds no app.
    deadline = time.monotonic() + 20
    while code == 0 and time.monotonic() < deadline and (
            orphans.find() or not log.exists() or not any(end in log.read_text() for end in _ENDS)):
        time.sleep(0.1)
    return code, log.read_text() if log.exists() else ""


def test_daemonize_returns_0_and_the_daemon_exits_unseen(tmp_path: Path, orphans: Orphans) -> None:
    code, log = _start(tmp_path, orphans, f"daemonize = {tmp_path}/uwsgi.log")
    assert code == 0
    assert "no app loaded. GAME OVER" in log
    assert not any(alive(pid) for pid in orphans.find())


def test_daemonize2_exits_22_before_detaching(tmp_path: Path, orphans: Orphans) -> None:
    code, log = _start(tmp_path, orphans, f"daemonize2 = {tmp_path}/uwsgi.log")
    assert code == 22
    assert log == ""   # it never got as far as opening the daemon's log


def test_daemonize2_with_lazy_apps_returns_0(tmp_path: Path, orphans: Orphans) -> None:
    code, log = _start(tmp_path, orphans, f"daemonize2 = {tmp_path}/uwsgi.log", "lazy-apps = true")
    assert code == 0
    assert "need-app requested, destroying the instance" in log


@pytest.mark.parametrize(("option", "severity"), [("daemonize", "info"), ("daemonize2", "warning")])
def test_u111_follows_what_the_start_command_sees(tmp_path: Path, option: str, severity: str) -> None:
    (tmp_path / "uwsgi.ini").write_text(f"[uwsgi]\nmodule = app.wsgi\nsocket = 127.0.0.1:5000\n"
                                        f"{option} = /var/log/uwsgi/app.log\n")
    _started_by_supervisor(tmp_path)
    [finding] = [f for f in check([str(tmp_path)]).findings if f.code == "U111"]
    assert finding.severity == severity


def _runs_on(tmp_path: Path, orphans: Orphans, loading: str) -> tuple[int | None, str]:
    """uWSGI in the foreground with need-app and an app that fails to import: its exit code
    within 8 s (None: still running, then stopped here), and its log."""
    ini = _ini(tmp_path, f"{loading} = true", "processes = 2", f"logto = {tmp_path}/uwsgi.log")
    orphans.watch(str(ini), pidfile=tmp_path / "uwsgi.pid")
    binary = uwsgi_binary()
    assert binary is not None
    process = subprocess.Popen([binary, "--ini", str(ini)], cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        code: int | None = process.wait(timeout=8)
    except subprocess.TimeoutExpired:
        code = None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in orphans.find():
            subprocess.run(["kill", "-9", str(pid)], check=False)
    log = tmp_path / "uwsgi.log"
    return code, log.read_text() if log.exists() else ""


def test_need_app_with_lazy_respawns_for_ever(tmp_path: Path, orphans: Orphans) -> None:
    code, log = _runs_on(tmp_path, orphans, "lazy")
    assert code is None
    assert log.count("ModuleNotFoundError") > 2   # each respawned worker fails the import again


def test_need_app_with_lazy_apps_exits_22(tmp_path: Path, orphans: Orphans) -> None:
    code, _ = _runs_on(tmp_path, orphans, "lazy-apps")
    assert code == 22


def test_u111_under_lazy_names_lazy_apps(tmp_path: Path) -> None:
    (tmp_path / "uwsgi.ini").write_text("[uwsgi]\nlazy = true\nmodule = app.wsgi\nsocket = 127.0.0.1:5000\n")
    _started_by_supervisor(tmp_path)
    [finding] = [f for f in check([str(tmp_path)]).findings if f.code == "U111"]
    assert finding.severity == "warning" and "replace `lazy` with `lazy-apps`" in finding.message


def test_paste_loader_exits_22_without_need_app(tmp_path: Path, orphans: Orphans) -> None:
    """uwsgi_paste_loader ends uWSGI itself when the app fails to load: U111 leaves it alone."""
    pytest.importorskip("paste.deploy")
    (tmp_path / "app.ini").write_text("[app:main]\npaste.app_factory = no_such_module:factory\n")
    ini = tmp_path / "uwsgi.ini"
    ini.write_text(f"[uwsgi]\nmaster = true\npaste = config:{tmp_path}/app.ini\n"
                   f"socket = 127.0.0.1:{free_port()}\npidfile = {tmp_path}/uwsgi.pid\n")
    orphans.watch(str(ini), pidfile=tmp_path / "uwsgi.pid")
    binary = uwsgi_binary()
    assert binary is not None
    code = subprocess.run([binary, "--ini", str(ini)], cwd=tmp_path, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, timeout=60).returncode
    assert code == 22
    _started_by_supervisor(tmp_path)
    assert [f for f in check([str(tmp_path)]).findings if f.code == "U111"] == []


def _started_by_supervisor(tmp_path: Path) -> None:
    """A program that starts the ini: in a repository whose files start it nowhere, U111 is an
    info whatever the ini says."""
    (tmp_path / "supervisor").mkdir()
    (tmp_path / "supervisor" / "app.conf").write_text("[program:app]\ncommand = uwsgi --ini /srv/app/uwsgi.ini\n")
