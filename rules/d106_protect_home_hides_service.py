"""`ProtectHome=` hides the folder the service starts in or runs from.

## What it checks
A `.service` unit with `ProtectHome=yes` (or another true value) or `ProtectHome=tmpfs`
whose `WorkingDirectory=` (without the `-` that makes a missing folder no error) or whose
`ExecStart=` program lies under `/home`, `/root` or `/run/user`, the three folders the
setting hides (systemd.exec(5), "ProtectHome="): a Django app checked out in the deploy
user's home and run from its virtualenv there, under a unit hardened with settings copied
from a guide.

`yes` makes the three folders empty and inaccessible: no other setting brings a path below
them back, as there is no mount point left to put one on (`ReadWritePaths=/home/app` does
not, systemd/systemd#7153; the manual says the same of `BindPaths=`). `tmpfs` mounts an
empty file system there, on which `BindPaths=` or `BindReadOnlyPaths=` can put the folder
back: a path such a bind covers is left alone. `read-only` keeps the folders readable and
the programs in them runnable, and is never reported. A unit with `RootDirectory=` or
`RootImage=` runs in a file system the checked files do not show, and a command prefixed
with `+` runs without the unit's namespacing: both are left alone.

What else is found in the unit, its drop-ins and the configs only its server loads describes
a server that never runs: those findings are infos that name this line.

## What breaks in production
The service never starts: systemd cannot enter the working folder (status 200/CHDIR,
"Changing to the requested working directory failed: No such file or directory") or find
the program (status 203/EXEC), and with `Restart=` it fails again until its start limit.
Everything in front of it (nginx) answers 502.

## How to fix
Set `ProtectHome=read-only` (the app stays readable, nothing in the homes is writable), or
`ProtectHome=tmpfs` with `BindReadOnlyPaths=` for the app's folder, or install the app
outside the homes (`/srv/app`, `/opt/app`) and point the unit there.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "D106"
SLUG = "protect-home-hides-service"
SEVERITY = "error"
SUMMARY = "ProtectHome= hides the folder the service starts in or its program, so it never starts."

BAD = {"etc/systemd/system/shop.service": (
    "[Service]\nUser=shop\nWorkingDirectory=/home/shop/app\nProtectHome=true\n"
    "ExecStart=/home/shop/app/venv/bin/gunicorn shop.wsgi\n")}
GOOD = {"etc/systemd/system/shop.service": (
    "[Service]\nUser=shop\nWorkingDirectory=/home/shop/app\nProtectHome=read-only\n"
    "ExecStart=/home/shop/app/venv/bin/gunicorn shop.wsgi\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for unit in deployment.systemd_units:
        hidden = unit.hidden_start
        if hidden is None:
            continue
        setting = hidden.setting
        back = ("and no other setting puts a path below it back (ReadWritePaths= and BindPaths= need a mount "
                "point there)" if hidden.mode == "yes" else
                "and no BindPaths= or BindReadOnlyPaths= puts this path back")
        yield Hit(hidden.entry.at, f"{hidden.entry.key}={hidden.path} is under {hidden.folder}, which "
                  f"ProtectHome={setting.value} hides from the service "
                  f"({'empty and inaccessible' if hidden.mode == 'yes' else 'an empty tmpfs'}), {back}: the start "
                  f"fails with status {hidden.status} every time and the app never runs; set ProtectHome=read-only, "
                  "or tmpfs with BindReadOnlyPaths= for the app's folder, or install it outside the homes",
                  (Related(setting.at, f"ProtectHome={setting.value} is set here"),))
