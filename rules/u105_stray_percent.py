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
from wsgilint.engine import Hit
from wsgilint.core.span import Span
from wsgilint.model.uwsgi_values import MAGIC_LETTERS, handler, ini_paths, uwsgi_servers

CODE = "U105"
SLUG = "stray-percent"
SEVERITY = "warning"
SUMMARY = "A `%` in a uWSGI INI file that uWSGI deletes or that joins two lines."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nlog-date = %Y-%m-%d %H:%M:%S\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nlog-date = %%Y-%%m-%%d %%H:%%M:%%S\n"}


def _strays(raw: str, strftime: bool) -> tuple[list[int], bool]:
    """Offsets of the stray ``%`` in ``raw``, and whether one of them ends a line."""
    found: list[int] = []
    joins = False
    index = 0
    while index < len(raw):
        if raw[index] != "%":
            index += 1
            continue
        after = raw[index + 1] if index + 1 < len(raw) else ""
        if after in ("\n", ""):
            found.append(index)
            joins = joins or after == "\n"
        elif after not in "%(" and (strftime or after not in MAGIC_LETTERS):
            found.append(index)
        index += 2
    return found, joins


def check(deployment):
    from_ini = ini_paths(deployment)
    for server in uwsgi_servers(deployment):
        for option in server.options:
            if option.at.path not in from_ini or "%" not in option.raw:
                continue
            strftime = handler(option.key) == "log_date"
            found, joins = _strays(option.raw, strftime)
            if not found:
                continue
            column = option.at.column + found[0] if option.at.column else 0
            at = Span(option.at.path, option.at.line, column, column + 2 if column else 0)
            # A value holding a path of the checked tree would make the message differ between machines.
            becomes = "" if option.unresolved else f" (the value becomes `{option.value}`)"
            if joins:
                yield Hit(at, f"`{option.key}`: a `%` at the end of the line makes uWSGI join the next line to this "
                          f"value{becomes}, and the option written there is lost; write `%%`")
                continue
            shown = ", ".join(f"`{option.raw[i:i + 2]}`" for i in found)
            if strftime:
                why = ": uWSGI replaces `%X` while reading the file, before strftime sees the format: unknown " \
                      "letters become empty and magic ones (`%d`, `%n`, `%S`...) become parts of the config file's path"
            else:
                why = " is no uWSGI magic variable and becomes empty" if len(found) == 1 else \
                    " are no uWSGI magic variables and become empty"
            yield Hit(at, f"`{option.key}`: {shown} {why}{becomes}; write `%%` for a literal percent sign")
    for reading in deployment.readings.get("uwsgi", []):
        for comment in reading.comments:
            if comment.at.column and not comment.at.end_column:
                yield Hit(comment.at, "this comment ends with `%`: uWSGI joins the next line to the comment and the "
                          "option written there is lost; write `%%`")
