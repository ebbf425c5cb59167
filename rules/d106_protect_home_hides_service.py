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
from wsgilint.model import Deployment, SystemdUnit, UnitEntry

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

_HIDDEN = ("/home", "/root", "/run/user")


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _hidden(path: str) -> str | None:
    """The hidden folder ``path`` lies under, if any."""
    return next((folder for folder in _HIDDEN if _under(path, folder)), None)


def _bound(unit: SystemdUnit, path: str) -> bool:
    """Whether a ``BindPaths=``/``BindReadOnlyPaths=`` destination covers ``path``."""
    for entry in unit.entries:
        if entry.section != "Service" or entry.key not in ("BindPaths", "BindReadOnlyPaths"):
            continue
        for word in entry.value.split():
            source, _, rest = word.lstrip("-").partition(":")
            destination = rest.split(":", 1)[0] if rest else source
            if destination and _under(path, destination):
                return True
    return False


def check(deployment: Deployment) -> Iterator[Hit]:
    for unit in deployment.systemd_units:
        if unit.kind != "service" or unit.user_unit:
            continue
        setting = unit.last("Service", "ProtectHome")
        if setting is None or unit.last("Service", "RootDirectory") or unit.last("Service", "RootImage"):
            continue
        mode = "tmpfs" if setting.value.strip() == "tmpfs" else "yes" if setting.boolean else None
        if mode is None:
            continue
        hit = _first_hidden(unit, mode)
        if hit is None:
            continue
        entry, path, folder, status = hit
        back = ("and no other setting puts a path below it back (ReadWritePaths= and BindPaths= need a mount "
                "point there)" if mode == "yes" else "and no BindPaths= or BindReadOnlyPaths= puts this path back")
        yield Hit(entry.at, f"{entry.key}={path} is under {folder}, which ProtectHome={setting.value} hides from the "
                  f"service ({'empty and inaccessible' if mode == 'yes' else 'an empty tmpfs'}), {back}: the start "
                  f"fails with status {status} every time and the app never runs; set ProtectHome=read-only, or "
                  "tmpfs with BindReadOnlyPaths= for the app's folder, or install it outside the homes",
                  (Related(setting.at, f"ProtectHome={setting.value} is set here"),))


def _first_hidden(unit: SystemdUnit, mode: str) -> tuple[UnitEntry, str, str, str] | None:
    """The first of the unit's start paths the setting hides: (entry, path, folder, status)."""
    working = unit.last("Service", "WorkingDirectory")
    if working is not None and not working.value.startswith("-"):
        folder = _hidden(working.value)
        if folder is not None and not (mode == "tmpfs" and _bound(unit, working.value)):
            return working, working.value, folder, "200/CHDIR"
    for entry, command in unit.commands:
        program = command.program
        if entry.key != "ExecStart" or program is None or "+" in command.prefixes:
            continue
        folder = _hidden(program)
        if folder is not None and not (mode == "tmpfs" and _bound(unit, program)):
            return entry, program, folder, "203/EXEC"
    return None
