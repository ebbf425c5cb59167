"""A uWSGI INI section header that uWSGI reads as another name: the section is skipped.

## What it checks
Every section header of a uWSGI INI file whose name, as uWSGI computes it, has a `]`
inside or spaces around it (`[uwsgi] ; main`, `[uwsgi]]`, `[ uwsgi ]`), and headers
that differ from the section uWSGI looks for only in letter case (`[uWSGI]`) when
that section is not found.

## What breaks in production
uWSGI takes the header line minus its first and last character as the name, whatever
they are, and compares names case-sensitively. `[uwsgi] ; main` names the section
`uwsgi] ; mai`; measured with uWSGI 2.0.31, every option below it is ignored and the
only sign is `*** WARNING: Can't find section "uwsgi" in INI configuration file ... ***`:
uWSGI then starts with no socket or app from that file, or refuses to start for lack
of them.

## How to fix
Write the header alone on its line, without spaces: `[uwsgi]`. Put comments on their
own line.
"""
from wsgilint.engine import Hit

CODE = "U104"
SLUG = "broken-section-header"
SEVERITY = "error"
SUMMARY = "A uWSGI section header with a comment or spaces names another section."

BAD = {"deploy/uwsgi.ini": "[uwsgi] ; application server\nmodule = app.wsgi\nsocket = /run/app/app.sock\n"}
GOOD = {"deploy/uwsgi.ini": "; application server\n[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\n"}


def _intended(name: str, wanted: str) -> str | None:
    """The name the author meant, when uWSGI reads another one."""
    meant = name.split("]", 1)[0].strip() if "]" in name else name.strip()
    if meant != name and meant:
        return meant
    if name.lower() == wanted.lower() and name != wanted:
        return wanted
    return None


def check(deployment):
    for reading in deployment.readings.get("uwsgi", []):
        for section in reading.sections:
            meant = _intended(section.name, reading.section)
            if meant is None:
                continue
            if meant == reading.section and not reading.section_found:
                effect = (f"uWSGI finds no [{meant}] section and skips every option of the file, with only the "
                          f"warning `Can't find section \"{meant}\"`")
            elif meant.lower() == section.name.lower():
                continue     # another section in another case: not looked for here
            else:
                effect = f"uWSGI ignores every option under it (`ini = file:{meant}` would not find it either)"
            yield Hit(section.at, f"uWSGI reads this header as section `{section.name}`, not `{meant}`: {effect}; "
                      f"write `[{meant}]` alone on its line")
