"""A service that is not `Type=oneshot` has more than one `ExecStart=`.

## What it checks
The `ExecStart=` lines of a `.service` unit and its drop-ins, in the order systemd applies
them: an empty `ExecStart=` clears the ones before it (the usual drop-in override), and what
is left must be a single command unless `Type=oneshot` (the last `Type=` of `[Service]`;
`simple` by default). One finding per unit, at the second command, with the others as related
places.

## What breaks in production
systemd refuses the whole unit: `Service has more than one ExecStart= setting, which is only
allowed for Type=oneshot services. Refusing.` and `Unit app.service has a bad unit file
setting` (measured with `systemd-analyze verify` of systemd 252, also with `Type=notify`).
`systemctl start` then fails, and nothing of the unit runs: not the first command either. Two
copies of a unit pasted into one file, or a drop-in that adds an `ExecStart=` without the empty
one before it, do this.

## How to fix
Keep one `ExecStart=`. Run what must come first with `ExecStartPre=`; in a drop-in, write an
empty `ExecStart=` before the new one to clear the unit's.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "D107"
SLUG = "exec-start-repeated"
SEVERITY = "error"
SUMMARY = "A service that is not Type=oneshot has more than one ExecStart=: systemd refuses the unit."

BAD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nExecStart=/srv/app/venv/bin/python manage.py migrate\n"
    "ExecStart=/srv/app/venv/bin/gunicorn -b 127.0.0.1:8000 app.wsgi\n")}
GOOD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nExecStartPre=/srv/app/venv/bin/python manage.py migrate\n"
    "ExecStart=/srv/app/venv/bin/gunicorn -b 127.0.0.1:8000 app.wsgi\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for unit in deployment.systemd_units:
        if unit.kind != "service":
            continue
        starts = unit.values("Service", "ExecStart")
        kind = unit.last("Service", "Type")
        if len(starts) < 2 or (kind is not None and kind.value.strip() == "oneshot"):
            continue
        said = f"Type={kind.value.strip()}" if kind is not None else "Type=simple by default"
        yield Hit(starts[1].at, f"{unit.name} has {len(starts)} ExecStart= lines and is not Type=oneshot ({said}): "
                  "systemd refuses the whole unit (\"Service has more than one ExecStart= setting, which is only "
                  "allowed for Type=oneshot services. Refusing.\") and runs none of them; keep one ExecStart= "
                  "(ExecStartPre= for what must run first, an empty ExecStart= before a drop-in's own)",
                  tuple(Related(entry.at, "ExecStart= here too") for entry in starts if entry is not starts[1]))
