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
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "U104"
SLUG = "broken-section-header"
SEVERITY = "error"
SUMMARY = "A uWSGI section header with a comment or spaces names another section."

BAD = {"deploy/uwsgi.ini": "[uwsgi] ; application server\nmodule = app.wsgi\nsocket = /run/app/app.sock\n"}
GOOD = {"deploy/uwsgi.ini": "; application server\n[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.uwsgi_configs:
        for header in config.headers:
            meant = header.meant
            if meant is None:
                continue
            if meant == config.section and not config.section_found:
                effect = (f"uWSGI finds no [{meant}] section and skips every option of the file, with only the "
                          f"warning `Can't find section \"{meant}\"`")
            elif meant.lower() == header.name.lower():
                continue     # another section in another case: not looked for here
            else:
                effect = f"uWSGI ignores every option under it (`ini = file:{meant}` would not find it either)"
            yield Hit(header.at, f"uWSGI reads this header as section `{header.name}`, not `{meant}`: {effect}; "
                      f"write `[{meant}]` alone on its line")
