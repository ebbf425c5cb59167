"""`limit-as` so low that allocations fail, threads silently do not start, or uWSGI cannot start.

## What it checks
`limit-as` (megabytes of address space per process) below 256, or at 256 with
`threads` above 1.

## What breaks in production
`limit-as` limits virtual address space (VSZ), not memory in use: every thread
reserves its stack (8 MB by default) and glibc reserves malloc arenas per thread.
Threads are always enabled in uWSGI since 2.0.27, even without `enable-threads`.
Measured with uWSGI 2.0.31 (glibc 2.36, Python 3.11, a trivial app of 55 MB VSZ):
* `limit-as = 48`: uWSGI cannot start (`mmap(): Cannot allocate memory`);
* `limit-as = 64` with `threads = 4`: the log says `cores: 4` but only 2 threads exist
  (`pthread_create()` fails silently);
* `limit-as = 128` with `threads = 4`: a 60 MB allocation raises `MemoryError`
  (it succeeds without threads);
* `limit-as = 256` with `threads = 4`: the same allocation failed in some runs.
A real application's VSZ is larger than this test app's, so the limits bite sooner.

## How to fix
Limit resident memory instead: `reload-on-rss` (graceful) or `evil-reload-on-rss`;
if `limit-as` is needed, set it well above the VSZ the workers reach under load.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.uwsgi_values import integer, uwsgi_servers

CODE = "U116"
SLUG = "limit-as-too-low"
SEVERITY = "warning"
SUMMARY = "uWSGI's limit-as is so low that threads or allocations fail."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nthreads = 4\nlimit-as = 128\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nthreads = 4\n"
                            "reload-on-rss = 300\n"}

_SAFE_MB = 256


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        option = server.last("limit-as")
        megabytes = integer(option)
        if option is None or megabytes is None or megabytes <= 0:
            continue
        threads = integer(server.last("threads")) or 1
        if megabytes > _SAFE_MB or (megabytes == _SAFE_MB and threads <= 1):
            continue
        with_threads = f" with `threads = {threads}`" if threads > 1 else ""
        yield Hit(option.at, f"`limit-as = {option.value}` caps each process's address space (VSZ) at {megabytes} MB"
                  f"{with_threads}: measured with a trivial app, allocations failed at 128 MB with 4 threads, threads "
                  "silently did not start at 64 MB and uWSGI could not start at 48 MB; limit memory with "
                  "`reload-on-rss` instead")
