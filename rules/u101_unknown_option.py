"""A uWSGI config key that is not a uWSGI option.

## What it checks
Every key of a uWSGI ini that is neither an option of uWSGI 2.0 (the options of the
pip build, plus those its sources define for other builds and plugins: `route*` with
PCRE, `php-*`, `webdav-*`...) nor used elsewhere as a `%(placeholder)`, nor declared as a
custom option (`declare-option = name=...`). A `set-placeholder`/`set-ph` name is never an
option. Keys are matched exactly, as uWSGI does: `harakiri_verbose` is not `harakiri-verbose`.

A key that only commented-out lines use as `%(key)` (`base = /srv/app` beside
`#chdir = %(base)`) is the author's own placeholder, not a typo: an info, since uWSGI
reading it changes nothing.

## What breaks in production
uWSGI ignores unknown keys without a word: `vaccum = true` leaves sockets behind,
`proceses = 4` runs one worker, `guid = www-data` keeps the root group. (With
`strict = true` uWSGI refuses to start instead.)

## How to fix
Use the option's real name (the message suggests the nearest one), or declare a
custom placeholder with `set-placeholder`.

## Fix safety
When exactly one option is near the key, `--fix` renames the key in the INI file
(`vaccum = true` becomes `vacuum = true`). Safe: uWSGI ignored the key, and the name
it now has is the only one it can have meant. Not offered when that option (or an alias of
it) is set already: `worker = 8` beside `processes = 4` would become a second worker count,
which changes what uWSGI runs with.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related, sole_candidate
from wsgilint.model import Deployment, Span
from wsgilint.model.uwsgi_config import UwsgiComment
from wsgilint.model.uwsgi_options import aliases_of, defined_elsewhere, is_option, option_names, suggest
from wsgilint.model.uwsgi_values import uwsgi_servers

CODE = "U101"
SLUG = "unknown-option"
SEVERITY = "warning"
SUMMARY = "A uWSGI key is not an option (typo): uWSGI ignores it silently."
FIXES = ("safe",)

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/app.sock\nvaccum = true\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/app.sock\nvacuum = true\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        seen: set[tuple[str, Span]] = set()
        # declare-option name=... makes `name` an option of this instance (a custom option).
        declared = {str(o.value).split("=", 1)[0].strip() for o in server.all("declare-option", "declare-option2")}
        commented: dict[str, UwsgiComment] | None = None
        for option in server.options:
            key = option.key
            if is_option(key) or defined_elsewhere(key) or key in server.placeholders_used or key in declared \
                    or (key, option.at) in seen:
                continue
            seen.add((key, option.at))
            if commented is None:
                commented = server.uwsgi_config.commented_out_uses() if server.uwsgi_config is not None else {}
            use = commented.get(key)
            if use is not None:
                yield Hit(option.at, f"`{key}` is no uWSGI option, and only a commented-out line uses it as "
                          f"`%({key})`: uWSGI keeps it as a placeholder that nothing reads, which changes nothing; "
                          "remove it with the line that used it", severity="info",
                          related=(Related(use.at, f"the commented-out use of `%({key})`"),))
                continue
            guess = suggest(key)
            hint = f"; did you mean `{guess}`?" if guess else ""
            # The option meant is set already (as itself or an alias): the rename would change its value.
            already = next((o for name in aliases_of(guess) for o in server.all(name)), None) if guess else None
            if already is not None:
                hint += (f" (`{already.key} = {already.raw}` is set already, at line {already.at.line}: renaming "
                         "this key would change what uWSGI runs with)")
            fix = None
            in_ini = server.uwsgi_config is not None and option.at.path in server.uwsgi_config.ini_files
            if guess and in_ini and already is None and sole_candidate(key, option_names()) == guess:
                fix = Fix(f"rename `{key}` to `{guess}`", (Edit.key_rename(option.at.path, option.at.line, key, guess),))
            yield Hit(option.at, f"`{key}` is not a uWSGI option: uWSGI ignores it silently{hint}", fix=fix)
