"""A file is not UTF-8.

## What it checks
Bytes that are not UTF-8, such as GBK comments saved by a Chinese editor, or a file
saved as UTF-16. wsgilint reads the file in the encoding it most likely has and
reports the first line that is not UTF-8, once per file.

A file whose only lines beyond ASCII are comments is an info, where its program passes over a
comment whole whatever its bytes: nginx, uWSGI, Docker, systemd, and Python's compiler for a
Gunicorn config (it decodes the code as UTF-8 and skips the comments; tests/test_encodings.py).
Supervisor and Compose's YAML decode the whole text, comments too, and keep the warning.

## What breaks in production
nginx and uWSGI read bytes, so a GBK comment is harmless to them, but a non-ASCII
value reaches the application in an encoding it does not expect. systemd ignores
assignments that are not UTF-8. Python refuses a Gunicorn config whose code (a string) is not
UTF-8, and Gunicorn exits. A UTF-16 file is unreadable to all of them.

## How to fix
Save the file as UTF-8.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E005"
SLUG = "undecodable-file"
SEVERITY = "warning"
SUMMARY = "The file is not UTF-8 (GBK comments, UTF-16)."

BAD = {"etc/uwsgi/app.ini": b"[uwsgi]\n# \xc6\xf4\xb6\xaf\nsocket = /run/app.sock\nvacuum = true\n"}
GOOD = {"etc/uwsgi/app.ini": "[uwsgi]\n# 启动\nsocket = /run/app.sock\nvacuum = true\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "undecodable")
