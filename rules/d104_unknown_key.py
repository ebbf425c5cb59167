"""A systemd unit section or key that systemd does not know, or a misspelt target.

## What it checks
In `.service` and `.socket` units and their drop-ins: sections other than `[Unit]`,
`[Install]` and the unit type's own (`[Service]`, `[Socket]`), keys that systemd
252's unit-file parser does not accept in their section (names are case-sensitive;
`X-` names are left alone), and `WantedBy=`/`RequiredBy=` targets that are a near
miss of a target systemd ships (`multiuser.target`).

## What breaks in production
systemd logs `Unknown section 'install'. Ignoring.` or `Unknown key 'Descrption' in
section [Unit], ignoring.` (measured with `systemd-analyze verify`, systemd 252) and
goes on with the default: a lowercase `[install]` leaves the unit without install
information, so `systemctl enable` does not start it at boot; `Users=www-data` leaves
the service running as root; `WantedBy=multiuser.target` links it into a target that
nothing starts.

## How to fix
Use the name the message suggests.
"""
from wsgilint.engine import Hit
from wsgilint.model.manager_facts import did_you_mean, systemd_directives

CODE = "D104"
SLUG = "unknown-key"
SEVERITY = "warning"
SUMMARY = "A systemd section or key systemd ignores (typo or wrong case)."

BAD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nExecStart=/srv/venv/bin/gunicorn app:app\n\n[install]\nWantedBy=multi-user.target\n")}
GOOD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nExecStart=/srv/venv/bin/gunicorn app:app\n\n[Install]\nWantedBy=multi-user.target\n")}

_OWN_SECTION = {"service": "Service", "socket": "Socket"}


def _sections_of(unit) -> tuple[str, ...]:
    own = _OWN_SECTION.get(unit.kind)
    return ("Unit", own, "Install") if own else ()


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed: ``multiuser`` / ``multi-user``, ``socket`` / ``sockets``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _target_hint(target: str, targets: list[str]) -> str | None:
    return next((t for t in targets if _one_edit_apart(target, t)), None)


def _hint(guess: str | None, brackets: bool = False) -> str:
    if not guess:
        return ""
    return f"; did you mean `[{guess}]`?" if brackets else f"; did you mean `{guess}`?"


def check(deployment):
    table = systemd_directives()
    version = table["systemd"]
    for unit in deployment.readings.get("systemd", []):
        allowed = _sections_of(unit)
        if not allowed:
            continue
        for name, at in unit.sections:
            if name not in allowed and not name.startswith("X-"):
                guess = did_you_mean(name, allowed)
                yield Hit(at, f"systemd {version} does not know the section [{name}] in a .{unit.kind} unit and "
                          f"ignores it with every key in it{_hint(guess, True)}")
        for entry in unit.entries:
            if entry.section not in allowed or entry.key.startswith("X-"):
                continue
            keys = table["sections"][entry.section]
            if entry.key not in keys:
                guess = did_you_mean(entry.key, keys, 0.8)
                yield Hit(entry.key_at, f"`{entry.key}` is not a key of [{entry.section}] in systemd {version}: "
                          f"systemd ignores it and keeps the default{_hint(guess)}")
            elif entry.section == "Install" and entry.key in ("WantedBy", "RequiredBy"):
                for target in entry.value.split():
                    if target.endswith(".target") and target not in table["targets"]:
                        guess = _target_hint(target, table["targets"])
                        if guess:
                            yield Hit(entry.at, f"{entry.key}={target} is not a target systemd ships: enabling the "
                                      f"unit links it into a target nothing starts; did you mean `{guess}`?")
