"""A Gunicorn setting the chosen worker class does not use.

## What it checks
The worker class Gunicorn will really run against:
- `worker_connections` with the sync (or tornado) worker: ignored;
- `keepalive` with the sync worker: ignored (sync closes every connection);
- `threads > 1` with `worker_class = "sync"` (also the default): Gunicorn silently
  runs the gthread worker instead;
- `threads > 1` with gevent, tornado or asgi workers: ignored.

A config file that no checked command line starts, and that names no worker class,
is left alone (the command line may pass `-k`); so is `--paste`.

## What breaks in production
Nothing fails; the setting just does not do what it says. Measured with Gunicorn
27.0.1 (4 concurrent 1 s requests, 1 worker): sync with `worker_connections = 1`
took 4.0 s like the default; `threads = 4` logged `Using worker: gthread` and took
1.0 s, and there `worker_connections = 2` did matter (2.0 s, plus a warning).

## How to fix
Drop the setting, or pick the worker class that uses it (`worker_class = "gthread"`
with `threads`, gevent with `worker_connections`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import AppServer, Deployment, Option

CODE = "G104"
SLUG = "setting-ignored-by-worker"
SEVERITY = "info"
SUMMARY = "A Gunicorn setting the worker class ignores (worker_connections/keepalive with sync, threads)."

BAD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nworker_class = 'sync'\nworker_connections = 1000\n"}
GOOD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nworker_class = 'gthread'\nthreads = 4\n"
                                   "worker_connections = 1000\n"}

def _known(server: AppServer, key: str) -> Option | None:
    option = server.last(key)
    return option if option is not None and not option.unresolved and isinstance(option.value, int) else None


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        if server.kind != "gunicorn":
            continue
        chosen = server.last("worker_class")
        if chosen is None and (server.manager is None or server.has("paste")):
            continue   # the command line (or a paste ini) may choose the class: not known here
        written, running = server.gunicorn_worker_class(), server.gunicorn_worker()
        if written is None or running is None:
            continue   # the class, or the thread count that may switch it, comes from code
        threads = _known(server, "threads")
        named = f"worker_class {chosen.value!r}" if chosen is not None else "the sync worker (Gunicorn default)"
        if running == "gthread" and written == "sync" and threads is not None:
            yield Hit(threads.at, f"threads = {threads.value} with {named}: Gunicorn runs the gthread worker "
                      "instead (it logs `Using worker: gthread`); write worker_class = 'gthread' to say so")
        elif threads is not None and threads.value > 1 and running in ("gevent", "tornado", "asgi"):
            yield Hit(threads.at, f"threads = {threads.value} is ignored by {named}; drop it")
        connections = _known(server, "worker_connections")
        if connections is not None and running in ("sync", "tornado"):
            yield Hit(connections.at, f"worker_connections = {connections.value} is ignored by {named}: it takes one "
                      "request at a time per worker; drop it, or use gthread/gevent")
        keepalive = _known(server, "keepalive")
        if keepalive is not None and running == "sync":
            yield Hit(keepalive.at, f"keepalive = {keepalive.value} is ignored by {named}, which closes every "
                      "connection after its response; drop it, or use gthread")
