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
from wsgilint.engine import Hit

CODE = "G105"
SLUG = "annotation-not-assignment"
SEVERITY = "error"
SUMMARY = "`name: value` in a Gunicorn config is an annotation: the setting keeps its default."

BAD = {"deploy/gunicorn.conf.py": "bind: '0.0.0.0:80'\nworkers = 4\n"}
GOOD = {"deploy/gunicorn.conf.py": "bind = '0.0.0.0:80'\nworkers = 4\n"}


def check(deployment):
    from wsgilint.readers.gunicorn import SETTINGS

    for config in deployment.readings.get("gunicorn", []):
        for annotation in config.annotations:
            spec = SETTINGS.get(annotation.key)
            if spec is None:
                continue
            default = spec.get("default")
            shown = ", ".join(map(str, default)) if isinstance(default, list) else repr(default)
            written = annotation.raw.split(":", 1)[1].strip() if ":" in annotation.raw else ""
            yield Hit(annotation.at, f"`{annotation.raw}` is a type annotation, not an assignment: `{annotation.key}` "
                      f"is never set and Gunicorn keeps its default ({shown}); write "
                      f"`{annotation.key} = {written}`")
