"""Gunicorn runs with `loglevel = 'debug'`.

## What it checks
A Gunicorn instance whose `loglevel` is `debug`.

## What breaks in production
At start Gunicorn logs `Current configuration:` with the value of every setting
(`arbiter.py`), `raw_env` included, so secrets passed with `-e`/`raw_env` land in the
error log; connection-level messages follow for every client that disconnects early.
Real problems are harder to find in the noise.

## How to fix
Use `loglevel = 'info'` (the default) or `warning` in production.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "G106"
SLUG = "debug-logging"
SEVERITY = "info"
SUMMARY = "Gunicorn logs at debug level: its whole configuration (raw_env too) goes to the log."

BAD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nloglevel = 'debug'\n"}
GOOD = {"deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nloglevel = 'info'\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in deployment.app_servers:
        if server.kind != "gunicorn":
            continue
        level = server.last("loglevel")
        if level is None or level.unresolved or not isinstance(level.value, str):
            continue
        if level.value.strip().lower() == "debug":
            yield Hit(level.at, "loglevel debug: Gunicorn writes its whole configuration (raw_env values included) "
                      "and connection-level chatter to the error log; use 'info' in production")
