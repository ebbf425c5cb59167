"""A uWSGI setting given twice with different effective values in one file, or `module` with `wsgi-file`.

## What it checks
* A scalar option (one value, not a list such as `socket` or `env`) set more than once
  in the same file or command line with different values, under the same name or an
  alias (`processes` and `workers`, `module` and `wsgi`, `chmod-socket` and `chmod`).
  Values are compared as uWSGI reads them: a flag is on for any value but
  `false`/`off`/`no`/`0`, so `memory-report = true` then `memory-report = True` is one
  setting said twice, not a conflict.
  Settings in an included or inherited file, and command-line options after `--ini`,
  are overrides by design and are not reported; nor are options inside logic blocks.
* `module` (or `wsgi`) together with `wsgi-file` (or `file`), as an info: which of
  them serves depends on the app's code, which the config files do not show.

## What breaks in production
uWSGI applies options in order and the last occurrence wins. Measured with uWSGI
2.0.31: `processes = 2` then `workers = 4` runs 4 workers; in the other order, 2. The
earlier line documents a value that is not used. With both `module` and `wsgi-file`,
uWSGI's Python plugin tries `module` first, whatever their order, and then `wsgi-file`
only if the module gave no callable (`mountpoint  already configured. skip.` otherwise).
Measured with uWSGI 2.0.31: a module with `application` serves and the file is skipped;
a package without it fails to load ("callable not found") and the file serves. Which
one runs is decided by code the config does not show, and a reader keeps the wrong one.

## How to fix
Keep one occurrence of each setting; keep whichever of `module` and `wsgi-file` names
the code that defines the callable, and remove the other.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, Option
from wsgilint.model.uwsgi_options import canonical, is_scalar, uwsgi_bool, value_kind
from wsgilint.model.uwsgi_values import ini_paths, uwsgi_servers

CODE = "U107"
SLUG = "conflicting-options"
SEVERITY = "warning"
SUMMARY = "A uWSGI setting set twice with different effective values, or both module and wsgi-file."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nprocesses = 2\nsocket = /run/app/app.sock\nworkers = 4\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nprocesses = 4\nsocket = /run/app/app.sock\n"}


def _overridden(server: AppServer, from_ini: set[str]) -> Iterator[tuple[Option, Option]]:
    """(earlier, winner) pairs of one scalar setting in one file with different values."""
    winners: dict[tuple[str, str], Option] = {}
    for option in reversed(server.options):
        if option.unresolved or not is_scalar(option.key):
            continue
        group = (canonical(option.key), option.at.path)
        winner = winners.setdefault(group, option)
        # One INI line repeated by a `for` block is not two settings (command-line options share one span).
        if winner is option or (winner.at == option.at and option.at.path in from_ini):
            continue
        if _effective(winner) != _effective(option):
            yield option, winner


def _effective(option: Option) -> object:
    """The value as uWSGI applies it: a flag's truth (uwsgi_opt_true), else the text."""
    if value_kind(option.key) == "bool":
        return uwsgi_bool(str(option.value))
    return str(option.value)


def check(deployment: Deployment) -> Iterator[Hit]:
    from_ini = ini_paths(deployment)
    for server in uwsgi_servers(deployment):
        for earlier, winner in _overridden(server, from_ini):
            alias = "" if earlier.key == winner.key else f" (`{earlier.key}` and `{winner.key}` are one setting)"
            yield Hit(earlier.at, f"`{earlier.key} = {earlier.value}` is overridden by `{winner.key} = "
                      f"{winner.value}` later{alias}: uWSGI uses the last value; remove one of them",
                      (Related(winner.at, f"the value uWSGI uses: {winner.key} = {winner.value}"),))
        module = server.last("module", "wsgi")
        wsgi_file = server.last("wsgi-file", "file")
        if module is not None and wsgi_file is not None:
            yield Hit(wsgi_file.at, f"both `{module.key} = {module.value}` and `{wsgi_file.key} = {wsgi_file.value}` "
                      f"are set: uWSGI serves the first of them that yields a callable, `{module.key}` first, "
                      f"then `{wsgi_file.key}` only if the module has none; keep the one that defines the "
                      "app's callable and remove the other",
                      (Related(module.at, f"{module.key}: tried first"),), severity="info")
