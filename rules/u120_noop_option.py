"""A uWSGI option that does nothing in the checked uWSGI version (2.0.31).

## What it checks
* `enable-threads` (`-T`): threads are always enabled since uWSGI 2.0.27;
* `fastrouter-subscription-slot`, `rawrouter-subscription-slot`: deprecated stubs;
* `fastrouter-post-buffering-dir`: a no-op (uWSGI's help: "noop, use TMPDIR env").

## What breaks in production
Nothing by itself, but the line says something the server does not do. Since 2.0.27
uWSGI sets threads on unconditionally at startup (sources.md §3.3): measured with
2.0.31, `enable-threads = false` (or `no`, `0`, `off`) still logs
`python threads support enabled`. So a configuration that relies on
`enable-threads = false` to keep threads off does not get that.

## How to fix
Remove the option. To keep one thread per worker, leave `threads` unset.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, Option
from wsgilint.model.uwsgi_options import handler, uwsgi_bool
from wsgilint.model.uwsgi_values import uwsgi_servers

CODE = "U120"
SLUG = "noop-option"
SEVERITY = "info"
SUMMARY = "A uWSGI option that does nothing in uWSGI 2.0.31 (enable-threads, deprecated stubs)."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nenable-threads = true\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\n"}


def _why(option: Option) -> str | None:
    if option.key == "enable-threads":
        if option.unresolved or uwsgi_bool(str(option.value)):
            return "threads are always enabled since uWSGI 2.0.27"
        return "threads are always enabled since uWSGI 2.0.27, so `false` does not turn them off"
    if handler(option.key) == "deprecated":
        return "it is a deprecated stub"
    if option.key == "fastrouter-post-buffering-dir":
        return "it is a no-op (set the TMPDIR environment variable instead)"
    return None


def check(deployment: Deployment) -> Iterator[Hit]:
    version = deployment.host.version("uwsgi")
    named = deployment.host.versions["uwsgi"].value
    for server in uwsgi_servers(deployment):
        for option in server.options:
            if option.key == "enable-threads" and version < (2, 0, 27):
                continue   # before 2.0.27 threads are off unless enabled (Debian 12 ships 2.0.21)
            why = _why(option)
            if why is not None:
                yield Hit(option.at, f"`{option.key}` does nothing in uWSGI {named}: {why}; remove it")
