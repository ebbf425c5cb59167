"""A systemd unit section or key that systemd does not know, or a misspelt target.

## What it checks
In `.service` and `.socket` units and their drop-ins: sections other than `[Unit]`,
`[Install]` and the unit type's own (`[Service]`, `[Socket]`), keys that systemd
252's unit-file parser does not accept in their section (names are case-sensitive;
`X-` names are left alone), and `WantedBy=`/`RequiredBy=` targets that are a near
miss of a target systemd ships (`multiuser.target`). A line above the first section
(`Description=gunicorn socket` before `[Socket]`) is reported too: systemd logs
`Assignment outside of section. Ignoring.` and loads the unit without it (info when the
line is a `Description=` or `Documentation=`, which changes nothing the unit does), and so
is a line inside a section without `=`: systemd logs `Missing '=', ignoring line.` (info when
the line holds no letter or digit, `//` or `---` meant as a separator: no setting is lost).

## What breaks in production
systemd logs `Unknown section 'install'. Ignoring.` or `Unknown key 'Descrption' in
section [Unit], ignoring.` (measured with `systemd-analyze verify`, systemd 252) and
goes on with the default: a lowercase `[install]` leaves the unit without install
information, so `systemctl enable` does not start it at boot; `Users=www-data` leaves
the service running as root; `WantedBy=multiuser.target` links it into a target that
nothing starts.

## How to fix
Use the name the message suggests; a key written under the wrong section of its unit
(`StartLimitIntervalSec=` under `[Service]`, where systemd 252 takes it only under `[Unit]`)
moves to the section the message names.

## Fix safety
`--fix` renames a section that differs from a known one only in case (`[install]`), a
key when exactly one key of its section is near (`Descrption=`), and a target of
`WantedBy=`/`RequiredBy=` when it is the only one on the line. Safe: systemd ignored
what was written, and the name it now has is the only one it can have meant.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, sole_candidate
from wsgilint.model import Deployment, Span, UnitEntry
from wsgilint.model.manager_facts import systemd_directives

CODE = "D104"
SLUG = "unknown-key"
SEVERITY = "warning"
SUMMARY = "A systemd section or key systemd ignores (typo or wrong case)."
FIXES = ("safe",)

BAD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nExecStart=/srv/venv/bin/gunicorn app:app\n\n[install]\nWantedBy=multi-user.target\n")}
GOOD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nExecStart=/srv/venv/bin/gunicorn app:app\n\n[Install]\nWantedBy=multi-user.target\n")}


def _rename(at: Span, old: str, new: str | None) -> Fix | None:
    return Fix(f"rename `{old}` to `{new}`", (Edit.replacement(at, new, old),)) if new else None


def _outside_section(entry: UnitEntry, keys: dict[str, list[str]]) -> Hit:
    """A line above the first section: systemd logs "Assignment outside of section. Ignoring."
    and loads the unit without it. Losing a description changes nothing the unit does."""
    homes = [section for section, names in keys.items() if entry.key in names]
    hint = f"; move it under [{homes[0]}]" if homes else ""
    return Hit(entry.key_at, f"`{entry.key}` comes before any [section]: systemd ignores the line and loads "
               f"the unit without it{hint}",
               severity="info" if entry.key in ("Description", "Documentation") else None)


def check(deployment: Deployment) -> Iterator[Hit]:
    keys = systemd_directives()["sections"]
    for unit in deployment.systemd_units:
        version = unit.systemd_version
        for section in unit.sections:
            if section.known is False:
                hint = f"; did you mean `[{section.meant}]`?" if section.meant else ""
                meant = section.meant if section.meant and section.meant.lower() == section.name.lower() else None
                yield Hit(section.at, f"systemd {version} does not know the section [{section.name}] in a "
                          f".{unit.kind} unit and ignores it with every key in it{hint}",
                          fix=_rename(section.at, f"[{section.name}]", meant and f"[{meant}]"))
        for text, at in unit.ignored_lines:
            if not any(char.isalnum() for char in text):
                # `//` or `---` between two parts of a unit: a separator meant as a comment.
                yield Hit(at, f"systemd {version} ignores this line: it has no `=` (\"Missing '=', ignoring line.\"); "
                          f"it holds no setting, so nothing is lost; start it with `#` to make it a comment "
                          f"({text[:60]!r})", severity="info")
                continue
            yield Hit(at, f"systemd {version} ignores this line: it has no `=` (\"Missing '=', ignoring line.\") and "
                      f"reads the rest of the unit without it; write it as `Key=value` or remove it ({text[:60]!r})")
        for entry in unit.entries:
            if not entry.section:
                yield _outside_section(entry, keys)
            elif entry.known is False:
                homes = [section for section in ("Unit", unit.kind.capitalize(), "Install")
                         if entry.key in keys.get(section, ())]
                hint = (f"; it is a key of [{homes[0]}]: move it there" if homes
                        else f"; did you mean `{entry.meant}`?" if entry.meant else "")
                sure = not homes and entry.meant and sole_candidate(entry.key, keys.get(entry.section, ())) == entry.meant
                yield Hit(entry.key_at, f"`{entry.key}` is not a key of [{entry.section}] in systemd {version}: "
                          f"systemd ignores it and keeps the default{hint}",
                          fix=_rename(entry.key_at, entry.key, entry.meant if sure else None))
            for target, meant in entry.misspelt_targets:
                alone = entry.value == target and len(entry.misspelt_targets) == 1
                yield Hit(entry.at, f"{entry.key}={target} is not a target systemd ships: enabling the unit links "
                          f"it into a target nothing starts; did you mean `{meant}`?",
                          fix=_rename(entry.at, target, meant if alone else None))
