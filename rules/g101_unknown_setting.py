"""A name in a Gunicorn config file that is not a setting: Gunicorn ignores it.

## What it checks
Module-level names of a Gunicorn config file that look meant as settings but are
not one of Gunicorn's (27.0.1's table): a different case (`Workers`), a near spelling
(`bnd`, `worker`, `limit_request_field`), a command-line flag's spelling (`preload`
for `preload_app`, `access_logfile` for `accesslog`, `log_level`), or a setting of old
releases (`logfile`, `debug`). Names used later in the file (helper variables), and
names starting with `_`, are left alone. An old name set to what Gunicorn does without
it (`debug = False`; Gunicorn 0.x's `logfile = '-'`, stderr, where `errorlog` writes by
default), or a misspelt name set to the default of the setting it stands for
(`error_logfile = "-"`: errorlog's default is `-`, stderr), or a name meant as `proc_name`
(`name`, `process_name`: it only names the processes in `ps`, through the optional setproctitle
package), changes nothing the server does: an info, as
is `debug = True`: in Gunicorn 0.x it meant one worker and tracebacks sent to the client,
which nothing replaced and no production server wants (the debug output it also gave is
`loglevel = 'debug'`, named in the message). A
misspelling whose value differs from that default stays a warning: `access_logfile = "-"`
leaves accesslog at its default, None, so no access log is written at all. So is an
environment written as `env = {...}` or `env = "NAME=value"` (meant as `raw_env`) where the app's Python code in the
tree gives itself every one of those variables with the same value by default
(`os.environ.setdefault("DJANGO_SETTINGS_MODULE", "...")`, as Django's wsgi.py does): an
info naming where; the code is read as text, never run. `command` (the tutorials'
gunicorn.conf.py names the binary there) is an info too: nothing ever read it, as the
command that starts Gunicorn is the manager's. So is an error log path under an ignored name
(`logfile`, `log_file`) where every manager that starts Gunicorn with the file sends the
server's stderr to that same file (Supervisor's `stderr_logfile`, or `stdout_logfile` with
`redirect_stderr=true`; systemd's `StandardError=` or, inherited, `StandardOutput=` set to
`file:`, `append:` or `truncate:`): Gunicorn writes its error log to stderr without the
setting, so the file gets it anyway. So is a name whose setting the file also sets, to the same value, under its
right name (`logfile` beside `errorlog` naming the same file): the right one is in effect
(with another value, what the ignored line asks for is lost: a warning).
`x_forwarded_for_header`, Gunicorn 18's header for the client's address in `REMOTE_ADDR`,
was removed in 19.0 with nothing in its place: the message says so instead of suggesting a
near spelling, and it is an info where the app's code reads X-Forwarded-For itself.

## What breaks in production
Gunicorn keeps only names that exactly equal a setting and drops the rest without a
word. Measured with Gunicorn 27.0.1: with `logfile`, `debug`, `bnd`, `worker` and
`Workers`, `--check-config` printed nothing and exited 0, and `--print-config` showed
`bind = ['127.0.0.1:8000']` and `workers = 1`.

## Known problems
A helper variable used only inside a function is not seen as used.

## How to fix
Use the setting's name (the message suggests it); `gunicorn --print-config -c FILE
APP` shows what Gunicorn took.

## Fix safety
When the name is a setting in another case, a flag's spelling, or a near miss of exactly
one setting, `--fix` renames it at the start of its line (`bnd = ...` becomes `bind =
...`). Safe: Gunicorn ignored the name, and the setting it now names is the only one it
can have meant. Old names (`logfile`, `debug`) are left to you: their meaning changed. So is
a true `deamon` (or any spelling of `daemon`): named right, it makes Gunicorn fork away,
which stops the app under Supervisor, systemd or a container (X107); deleting the line is
what such a deployment needs.
"""
import difflib
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related, sole_candidate
from wsgilint.model import Deployment, GunicornName, Option, ProcessManager, Setting
from wsgilint.model.gunicorn_config import setting_names

CODE = "G101"
SLUG = "unknown-setting"
SEVERITY = "warning"
SUMMARY = "A Gunicorn config name that is not a setting (typo, CLI spelling, old name): silently ignored."
FIXES = ("safe",)

BAD = {"deploy/gunicorn.conf.py": "bnd = '127.0.0.1:8000'\nworkers = 3\npreload = True\n"}
GOOD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nworkers = 3\npreload_app = True\n"}

# Names of earlier releases and common inventions, with what to write instead.
_OLD_NAMES = {
    "logfile": "did you mean `errorlog`?",
    "debug": "for debug output set `loglevel = 'debug'`; for code reloading, `reload = True`",
    # Gunicorn 18 took the client's address from this header into REMOTE_ADDR; 19.0 dropped
    # the setting, and the app reads X-Forwarded-For itself (HTTP_X_FORWARDED_FOR).
    "x_forwarded_for_header": "Gunicorn 19.0 removed it (it put that header's address in REMOTE_ADDR): read "
                              "X-Forwarded-For in the app (Werkzeug's ProxyFix, Django's HTTP_X_FORWARDED_FOR)",
}
# The setting an old name stood for, where one does its work now.
_OLD_SETTING = {"logfile": "errorlog"}
# Old names set to what Gunicorn does without them: dropping them changes nothing
# (Gunicorn 0.x's `logfile = '-'` is stderr, where `errorlog` writes by default).
_OFF: dict[str, object] = {"debug": False, "logfile": "-"}


def _suggestion(name: GunicornName) -> str | None:
    if name.name in _OLD_NAMES:
        return _OLD_NAMES[name.name]
    if name.meant is None:
        return None
    suggestion = f"did you mean `{name.meant}`?" + (" (names are case-sensitive)" if name.differs_only_in_case else "")
    if name.meant == "daemon" and name.value not in (False, None, 0, ""):
        suggestion += (" Named right it forks Gunicorn away, which stops the app under Supervisor, systemd or a "
                       "container: there, delete the line")
    return suggestion


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.gunicorn_configs:
        for name in config.other_names:
            if name.name.startswith("_") or name.referenced:
                continue   # a helper variable
            if name.name == "command":
                # The tutorials' gunicorn.conf.py names the binary here: nothing ever read it.
                yield Hit(name.at, "`command` is not a Gunicorn setting: Gunicorn ignores it, which loses nothing (the "
                          "command that starts Gunicorn is the manager's, not the config's); remove the line",
                          severity="info")
                continue
            suggestion = _suggestion(name)
            if suggestion is None:
                continue
            if name.name in _OFF and type(name.value) is type(_OFF[name.name]) and name.value == _OFF[name.name]:
                yield Hit(name.at, f"`{name.name}` is not a Gunicorn setting: Gunicorn ignores it, which changes "
                          f"nothing here ({name.name} = {name.value!r} is what Gunicorn does anyway); remove the line",
                          severity="info")
                continue
            loglevel = next((setting for setting in config.settings if setting.key == "loglevel"), None)
            if name.name == "debug" and name.value is True and loglevel is not None \
                    and str(loglevel.value).lower() == "debug":
                yield Hit(name.at, "`debug` is not a Gunicorn setting: Gunicorn ignores it, which loses nothing here: "
                          "the file already asks for debug output with `loglevel = 'debug'`; remove the line",
                          (Related(loglevel.at, "loglevel = 'debug'"),), severity="info")
                continue
            if name.name == "debug":
                yield Hit(name.at, "`debug` is not a Gunicorn setting since 19.0: Gunicorn ignores it, which loses "
                          "nothing a production server keeps (in 0.x it meant one worker and tracebacks sent to "
                          "clients); remove the line, or " + _OLD_NAMES["debug"], severity="info")
                continue
            if name.meant_default:
                yield Hit(name.at, f"`{name.name}` is not a Gunicorn setting: Gunicorn ignores it, which changes "
                          f"nothing here ({name.meant} = {name.value!r} is its default anyway); {suggestion}",
                          severity="info", fix=_fix(name, config.settings))
                continue
            captured = _captured_anyway(name, config.path, deployment)
            if captured:
                first = captured[0][0]
                yield Hit(name.at, f"`{name.name}` is not a Gunicorn setting: Gunicorn ignores it and writes its error "
                          f"log to stderr, which loses nothing here: {first.kind} [{first.name}] writes that stderr "
                          "to the same file; remove the line",
                          tuple(Related(file.at, f"{manager.kind} [{manager.name}] writes the server's stderr to "
                                        f"{file.value}") for manager, file in captured if file.at is not None),
                          severity="info")
                continue
            given_anyway = _given_anyway(name, deployment)
            if given_anyway:
                yield Hit(name.at, f"`{name.name}` is not a Gunicorn setting: Gunicorn ignores it, which loses "
                          f"nothing here: the app's code sets {given_anyway} itself by default; remove the line, "
                          f"or {suggestion}", severity="info", fix=_fix(name, config.settings))
                continue
            if name.meant in _COSMETIC:
                yield Hit(name.at, f"`{name.name}` is not a Gunicorn setting: Gunicorn ignores it, which loses only "
                          f"{_COSMETIC[name.meant]}; {suggestion}", severity="info", fix=_fix(name, config.settings))
                continue
            header_reader = _reads_forwarded_for(deployment) if name.name == "x_forwarded_for_header" else None
            if header_reader is not None:
                yield Hit(name.at, "`x_forwarded_for_header` is not a Gunicorn setting since 19.0: Gunicorn ignores it, "
                          "which loses nothing here: the app reads X-Forwarded-For itself; remove the line",
                          (Related(header_reader.at, "the app reads the header here"),) if header_reader.at else (),
                          severity="info")
                continue
            meant = _OLD_SETTING.get(name.name, name.meant)
            written = next((setting for setting in config.settings if setting.key == meant), None)
            if written is not None and written.value == name.value:
                yield Hit(name.at, f"`{name.name}` is not a Gunicorn setting: Gunicorn ignores it, which loses nothing "
                          f"here: the file sets `{meant}` itself; remove the line",
                          (Related(written.at, f"{meant} is set here"),), severity="info")
                continue
            yield Hit(name.at, f"`{name.name}` is not a Gunicorn setting: Gunicorn ignores it without a word; "
                      f"{suggestion}", fix=_fix(name, config.settings))


# What in the app's code reads the forwarding header (not the peer's address).
_FORWARDED_FOR_READERS = ("X_FORWARDED_FOR", "X-Forwarded-For", "access_route", "ProxyFix", "ProxyHeadersMiddleware")


def _reads_forwarded_for(deployment: Deployment) -> Setting[str] | None:
    readers = deployment.app_request_readers
    return next((place for place in readers.address if place.value in _FORWARDED_FOR_READERS), None) \
        if readers is not None else None


def _captured_anyway(name: GunicornName, path: str,
                     deployment: Deployment) -> list[tuple[ProcessManager, Setting[str]]]:
    """For an error log path under a name Gunicorn ignores (`logfile`, `log_file` meant as
    errorlog), where every manager that starts a Gunicorn with this config sends its stderr,
    where Gunicorn then writes its error log, to that same file: each manager and where it
    says so; else none."""
    if not (name.name == "logfile" or name.meant == "errorlog") or not isinstance(name.value, str) \
            or not name.value.startswith("/"):
        return []
    wanted = posixpath.normpath(name.value)
    captured = []
    for server in deployment.app_servers:
        if server.kind != "gunicorn" or path not in server.sources:
            continue
        manager = server.manager
        if manager is None or manager.stderr_file is None or manager.stderr_file.value != wanted:
            return []
        captured.append((manager, manager.stderr_file))
    return captured


def _given_anyway(name: GunicornName, deployment: Deployment) -> str:
    """For an environment written under a name Gunicorn ignores (`env = {...}` meant as
    raw_env), where the app's code gives itself every variable of it with the same value by
    default (`os.environ.setdefault`, as Django's wsgi.py does): those places; else ""."""
    if name.meant != "raw_env":
        return ""
    value = name.value
    if isinstance(value, dict):
        pairs = [(str(key), str(each)) for key, each in value.items()]
    elif isinstance(value, (list, tuple)) and all(isinstance(each, str) and "=" in each for each in value):
        pairs = [(key, each) for key, _, each in (item.partition("=") for item in value)]
    elif isinstance(value, str) and "=" in value:   # raw_env takes one "NAME=value" string as a list of it
        key, _, each = value.partition("=")
        pairs = [(key, each)]
    else:
        return ""
    places = []
    for key, wanted in pairs:
        given = next((each for each in deployment.app_env_defaults.get(key, ()) if each.value == wanted), None)
        if given is None:
            return ""
        places.append(f"{key}={wanted} ({given.at})")
    return ", ".join(places)


# Settings whose loss changes nothing the server does, and what it does lose.
_COSMETIC = {"proc_name": "the name its processes show in `ps` and `top` (and only where the setproctitle "
                          "package is installed)"}


def _fix(name: GunicornName, settings: tuple[Option, ...]) -> Fix | None:
    meant = name.meant
    if meant is None or name.name in _OLD_NAMES or any(setting.key == meant for setting in settings):
        return None   # a setting the file binds already: renaming would bind it twice
    if meant == "daemon" and name.value not in (False, None, 0, ""):
        return None   # named right it forks Gunicorn away: under a manager (X107) the app stops (the message says so)
    if meant == "raw_env" and not (isinstance(name.value, (list, tuple))
                                   and all(isinstance(each, str) and "=" in each for each in name.value)):
        return None   # raw_env takes "NAME=value" strings: Gunicorn refuses a dict there at start
    # The model's guess is another case or a flag's spelling (one answer each; difflib finds
    # nothing near), or a near miss: then only when it is the one setting a typo away.
    close = difflib.get_close_matches(name.name, setting_names(), 2, 0.8)
    flag = not close and not name.differs_only_in_case
    if not (name.differs_only_in_case or flag or sole_candidate(name.name, setting_names()) == meant):
        return None
    return Fix(f"rename `{name.name}` to `{meant}`", (Edit.key_rename(name.at.path, name.at.line, name.name, meant),))
