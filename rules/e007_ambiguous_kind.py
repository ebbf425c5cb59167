"""A file's content fits more than one kind; its place decided which.

## What it checks
Files whose content passes for more than one kind of configuration (an ini file with
keys that both uWSGI and Supervisor accept, say) and whose folder and name do not
settle it. wsgilint reads the file as the kind its place suggests first and says so.

A Compose file whose services lack an image and a build is an override, merged over the
project of its folder that defines them; where more than one file of the folder does,
wsgilint merges it over the folder's own project (the default names or `COMPOSE_FILE` in
`.env`) and says which.

## What breaks in production
Nothing by itself; but if the guess is wrong, the findings for this file are about
the wrong program, and the checks it should get are missing.

## How to fix
Put the file where its program's files live (`uwsgi/`, `supervisor/`, `nginx/`), or
give it a name that says what it is (`uwsgi.ini`, `supervisord.conf`). For a Compose
override, name the files in `COMPOSE_FILE` in the folder's `.env`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E007"
SLUG = "ambiguous-kind"
SEVERITY = "info"
SUMMARY = "A file's content fits more than one kind; wsgilint guessed from its place."

BAD = {"deploy/app.ini": "[uwsgi]\nsocket = /run/app.sock\nvacuum = true\n\n[program:app]\ncommand=/usr/bin/uwsgi --ini /srv/app/deploy/app.ini\n"}
GOOD = {"deploy/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app.sock\nvacuum = true\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "ambiguous")
