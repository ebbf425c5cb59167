"""A `%` in a uWSGI INI file that is not a magic variable: uWSGI deletes it, or joins lines.

## What it checks
In uWSGI INI files: a `%` followed by a character that is no magic variable (`%Y`,
`%H`, `50% off`), a `%` at the end of a line (in a value or a comment), and any `%X`
but `%%` in `logdate`/`log-date`/`log-prefix`, whose strftime formats uWSGI expands
as magic variables before strftime sees them. Values given on the command line are
not substituted and not checked.

## What breaks in production
uWSGI replaces every `%` and the character after it in the whole file text before
reading lines (sources.md §2.3). Measured with uWSGI 2.0.31: an unknown `%X` becomes an
empty string (`50%qoff` is `50off`; `%Y-%m-%d %H:%M` is `--/path/of/the/config/ :`,
because `%d` is the config directory), and a `%` at the end of a line swallows the
newline: `x5 = 100%` followed by `x6 = end` gave the value `100x6 = end` and `x6`
disappeared. Likewise a comment ending with `%` swallows the option on the next line
(checked with `uwsgi --get`: `# below 80%` followed by `harakiri = 30` leaves no
`harakiri`).

## Known problems
A value that starts with a `%X` that becomes empty is reported from its next `%`
only (the reader keeps its text from the first character that survives).

## How to fix
Write `%%` for a literal percent sign (`logdate = %%Y-%%m-%%d`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.uwsgi_values import changed_ini_values, uwsgi_servers

CODE = "U105"
SLUG = "stray-percent"
SEVERITY = "warning"
SUMMARY = "A `%` in a uWSGI INI file that uWSGI deletes or that joins two lines."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nlog-date = %Y-%m-%d %H:%M:%S\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nlog-date = %%Y-%%m-%%d %%H:%%M:%%S\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        for value in changed_ini_values(server):
            stray, option = value.stray_percent, value.option
            if stray is None:
                continue
            # A value holding a path of the checked tree would make the message differ between machines.
            becomes = "" if option.unresolved else f" (the value becomes `{option.value}`)"
            if stray.joins_next_line:
                yield Hit(stray.at, f"`{option.key}`: a `%` at the end of the line makes uWSGI join the next line to "
                          f"this value{becomes}, and the option written there is lost; write `%%`")
                continue
            shown = ", ".join(f"`{written}`" for written in stray.written)
            if stray.strftime:
                why = ": uWSGI replaces `%X` while reading the file, before strftime sees the format: unknown " \
                      "letters become empty and magic ones (`%d`, `%n`, `%S`...) become parts of the config file's path"
            else:
                why = " is no uWSGI magic variable and becomes empty" if len(stray.written) == 1 else \
                    " are no uWSGI magic variables and become empty"
            yield Hit(stray.at, f"`{option.key}`: {shown} {why}{becomes}; write `%%` for a literal percent sign")
    for config in deployment.uwsgi_configs:
        for comment in config.comments:
            if comment.joins_next_line:
                yield Hit(comment.at, "this comment ends with `%`: uWSGI joins the next line to the comment and the "
                          "option written there is lost; write `%%`")
