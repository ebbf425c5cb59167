from __future__ import annotations

import pytest

from .servers import Servers, STOCK_UWSGI_PARAMS, gunicorn_available, nginx_binary, uwsgi_binary


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
        pytest.skip("nginx is not installed (apt-get install nginx)")
    if not STOCK_UWSGI_PARAMS.is_file():
        pytest.skip(f"{STOCK_UWSGI_PARAMS} is missing (it ships with the nginx package)")


@pytest.fixture
def need_uwsgi() -> None:
    if uwsgi_binary() is None:
        pytest.skip("uwsgi is not installed (pip install -e '.[test]' builds it)")


@pytest.fixture
def need_gunicorn() -> None:
    if not gunicorn_available():
        pytest.skip("gunicorn is not installed (pip install -e '.[test]')")
