"""A packaged uWSGI without Python built in loads a Python app without `plugins = python3`.

## What it checks
A uWSGI instance that loads a Python app (`module`, `wsgi-file`, `mount`, ...) with a
binary known to have no Python plugin built in, and no `plugins`/`plugin`/`need-plugin`
naming a Python plugin (`python3`, `python311`, ...), nor `UWSGI_PLUGINS` in its
environment. The binary is known from who starts it: Debian's and Ubuntu's init script
(`/etc/uwsgi/apps-enabled/`) and `/usr/bin/uwsgi` on a host with Debian's package run
`uwsgi-core`; the Fedora/RHEL/EPEL package's `/usr/sbin/uwsgi` embeds only `corerouter`,
`echo` and `ping` (derived from its build profile, not run: reported as a warning). A
suffixed binary (`uwsgi_python3`) loads the plugin its name says, and an Emperor's
vassals inherit it. A uWSGI installed by pip has Python built in and is never reported.

## What breaks in production
Measured on Debian 12 (packages `uwsgi` and `uwsgi-plugin-python3` 2.0.21-5.1, nginx
1.22.1), an app ini with `socket`, `wsgi-file` and `master` started as
`/usr/bin/uwsgi --ini app.ini`: uWSGI binds the socket, logs `no request plugin is
loaded, you will not be able to manage requests.`, silently ignores `wsgi-file` and
stays up; every request through nginx gets **502** (`upstream prematurely closed
connection while reading response header from upstream`; uWSGI logs `-- unavailable
modifier requested: 0 --`). The process manager sees a healthy process. The same ini
with `plugins = python3`, or started as `/usr/bin/uwsgi_python3`, answers 200.

## How to fix
Add `plugins = python3` to the app's ini (install `uwsgi-plugin-python3` on Debian,
`uwsgi-plugin-python3` on Fedora/RHEL).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment
from wsgilint.model.uwsgi_values import app_loader, uwsgi_servers

CODE = "U121"
SLUG = "python-plugin-missing"
SEVERITY = "error"
SUMMARY = "A packaged uWSGI without Python built in loads a Python app without plugins = python3."

BAD = {"etc/uwsgi/apps-enabled/app.ini": "[uwsgi]\nmodule = app.wsgi\nneed-app = true\n"}
GOOD = {"etc/uwsgi/apps-enabled/app.ini": "[uwsgi]\nplugins = python3\nmodule = app.wsgi\nneed-app = true\n"}

_PLUGIN_OPTIONS = ("plugins", "plugin", "need-plugin", "need-plugins")


def _plugin_words(server: AppServer) -> tuple[list[str], bool]:
    """The plugins the options load, and whether one of them is only known on the host."""
    words: list[str] = []
    unknown = False
    for option in server.all(*_PLUGIN_OPTIONS):
        unknown = unknown or option.unresolved
        words += [word.strip() for word in str(option.value).replace(",", " ").split()]
    return words, unknown


def _python(word: str) -> bool:
    name = word.rsplit("/", 1)[-1].removesuffix("_plugin.so")
    return name.startswith("python")


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        builtin = server.binary_plugins
        if builtin is None or any(_python(p) for p in builtin.value):
            continue
        loader = app_loader(server)
        if loader is None:
            continue
        words, unknown = _plugin_words(server)
        if unknown or any(_python(word) for word in words):
            continue
        derived = "derived" in builtin.note
        yield Hit(loader.at, f"`{loader.key}` needs the Python plugin, and {builtin.note}: uWSGI starts, logs \"no "
                  "request plugin is loaded\", ignores the app and closes every request unanswered (nginx answers "
                  "502); add `plugins = python3`",
                  (Related(server.at, "the app's uWSGI configuration"),),
                  severity="warning" if derived else None)
