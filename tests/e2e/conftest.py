from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import unavailable

from .servers import (
    STOCK_UWSGI_PARAMS,
    Orphans,
    Servers,
    add_throwaway_user,
    delete_throwaway_user,
    gunicorn_available,
    nginx_binary,
    supervisor_available,
    uwsgi_binary,
)


@pytest.fixture
def servers():
    """Starts real servers for one test and stops each by its PID afterwards."""
    started = Servers()
    try:
        yield started
    finally:
        started.stop_all()


@pytest.fixture
def need_nginx() -> None:
    if nginx_binary() is None:
        unavailable("nginx is not installed (apt-get install nginx)")
    if not STOCK_UWSGI_PARAMS.is_file():
        unavailable(f"{STOCK_UWSGI_PARAMS} is missing (it ships with the nginx package)")


@pytest.fixture
def need_uwsgi() -> None:
    if uwsgi_binary() is None:
        unavailable("uwsgi is not installed (pip install -e '.[test]' builds it)")


@pytest.fixture
def need_gunicorn() -> None:
    if not gunicorn_available():
        unavailable("gunicorn is not installed (pip install -e '.[test]')")


@pytest.fixture
def need_supervisor() -> None:
    if not supervisor_available():
        unavailable("supervisor is not installed (pip install -e '.[test]')")


@pytest.fixture
def need_root() -> None:
    """Other users, mount namespaces and /run need root; the harness never asks for sudo."""
    if os.geteuid() != 0:
        pytest.skip("needs root (throwaway users, mount namespaces, /run)")
    missing = [tool for tool in ("useradd", "userdel", "groupdel", "unshare", "mount") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")


@pytest.fixture
def orphans(servers: Servers):
    """Processes a test expects to outlive their parent; killed after every tracked server stopped."""
    found = Orphans()
    try:
        yield found
    finally:
        try:
            servers.stop_all()
        finally:
            found.kill_all()


@pytest.fixture
def open_dir(servers: Servers, orphans: Orphans):
    """A short 0755 directory under /tmp: socket paths stay under 108 bytes, and users other
    than root can enter it (pytest's tmp_path is 0700). Removed after its servers stopped."""
    path = Path(tempfile.mkdtemp(prefix="wle2e-", dir="/tmp"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        try:
            servers.stop_all()
            orphans.kill_all()
        finally:
            shutil.rmtree(path)


@pytest.fixture
def throwaway_users(need_root, servers: Servers, orphans: Orphans):
    """``add(role)`` creates a system user (with its own group); all are deleted once their processes stopped."""
    created: list[str] = []

    def add(role: str) -> str:
        created.append(add_throwaway_user(role))
        return created[-1]

    try:
        yield add
    finally:
        try:
            servers.stop_all()
            orphans.kill_all()
        finally:
            for name in created:
                delete_throwaway_user(name)
