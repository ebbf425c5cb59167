"""`bind: '0.0.0.0:80'` in a Gunicorn config file sets nothing.

## What it checks
A module-level line of a Gunicorn config file that names a setting with a colon and
no `=`: `bind: '0.0.0.0:80'`, `workers: 4` (YAML or dict habits).

## What breaks in production
Python reads it as a type annotation: the name is never bound, so Gunicorn keeps the
setting's default without a word (here `bind` stays `127.0.0.1:8000`, so nginx or
clients that expect port 80 get no answer from Gunicorn).

## How to fix
Write an assignment: `bind = '0.0.0.0:80'`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "G105"
SLUG = "annotation-not-assignment"
SEVERITY = "error"
SUMMARY = "`name: value` in a Gunicorn config is an annotation: the setting keeps its default."

BAD = {"deploy/gunicorn.conf.py": "bind: '0.0.0.0:80'\nworkers = 4\n"}
GOOD = {"deploy/gunicorn.conf.py": "bind = '0.0.0.0:80'\nworkers = 4\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for config in deployment.gunicorn_configs:
        for annotation in config.annotations:
            if annotation.default is None:
                continue   # not a setting
            yield Hit(annotation.at, f"`{annotation.source}` is a type annotation, not an assignment: "
                      f"`{annotation.name}` is never set and Gunicorn keeps its default ({annotation.default}); "
                      f"write `{annotation.name} = {annotation.written}`")
