"""A name in a Gunicorn config file that is not a setting: Gunicorn ignores it.

## What it checks
Module-level names of a Gunicorn config file that look meant as settings but are
not one of Gunicorn's (27.0.1's table): a different case (`Workers`), a near spelling
(`bnd`, `worker`, `limit_request_field`), a command-line flag's spelling (`preload`
for `preload_app`, `access_logfile` for `accesslog`, `log_level`), or a setting of old
releases (`logfile`, `debug`). Names used later in the file (helper variables), and
names starting with `_`, are left alone.

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
"""
import difflib
import re

from wsgilint.engine import Hit

CODE = "G101"
SLUG = "unknown-setting"
SEVERITY = "warning"
SUMMARY = "A Gunicorn config name that is not a setting (typo, CLI spelling, old name): silently ignored."

BAD = {"deploy/gunicorn.conf.py": "bnd = '127.0.0.1:8000'\nworkers = 3\npreload = True\n"}
GOOD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nworkers = 3\npreload_app = True\n"}

# Names of earlier releases and common inventions, with what to write instead.
_OLD_NAMES = {
    "logfile": "did you mean `errorlog`?",
    "debug": "for debug output set `loglevel = 'debug'`; for code reloading, `reload = True`",
    "command": "the command that starts Gunicorn belongs in the Supervisor program or the systemd unit",
}


def _flag_spellings() -> dict[str, str]:
    """``--access-logfile`` written as a name: ``access_logfile`` -> ``accesslog``."""
    from wsgilint.readers.gunicorn import SETTINGS

    spellings = {}
    for name, spec in SETTINGS.items():
        for flag in spec.get("cli", []):
            if flag.startswith("--") and flag[2:].replace("-", "_") != name:
                spellings.setdefault(flag[2:].replace("-", "_"), name)
    return spellings


def _suggestion(option, spellings: dict[str, str]) -> str | None:
    from wsgilint.readers.gunicorn import SETTINGS

    name = option.key
    if name in _OLD_NAMES:
        return _OLD_NAMES[name]
    if name in spellings and ("_" in name or not option.unresolved):
        return f"did you mean `{spellings[name]}`?"
    if name.lower() in SETTINGS:
        return f"did you mean `{name.lower()}`? (names are case-sensitive)"
    close = difflib.get_close_matches(name, list(SETTINGS), n=1, cutoff=0.8)
    return f"did you mean `{close[0]}`?" if close else None


_PLAIN_STRING = re.compile(r"""(?<![fFrRbBuU])(['"])(?:\\.|(?!\1).)*\1""")


def check(deployment):
    spellings = _flag_spellings()
    for config in deployment.readings.get("gunicorn", []):
        # A name another value's expression refers to is a helper variable; inside a plain
        # string literal (`loglevel = 'debug'`) it is only text.
        texts = [_PLAIN_STRING.sub("", o.raw) for o in (*config.options, *config.other_names)]
        for option in config.other_names:
            if option.key.startswith("_"):
                continue
            used = re.compile(rf"\b{re.escape(option.key)}\b")
            if any(used.search(text) for text in texts):
                continue
            suggestion = _suggestion(option, spellings)
            if suggestion is None:
                continue
            yield Hit(option.at, f"`{option.key}` is not a Gunicorn setting: Gunicorn ignores it without a word; "
                      f"{suggestion}")
