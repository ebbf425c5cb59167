"""A systemd value with a `# comment` after it: systemd keeps the comment as part of the value.

## What it checks
A `Key=value` line of a unit or drop-in whose value has a `#` after a blank
(`RuntimeDirectory=uwsgi # Requires systemd 211`). systemd reads a comment only on a line of
its own (systemd.syntax(7): lines starting with `#` or `;`); after a value the `#` and every
word behind it are more value. A `#` inside a word (`Environment=COLOR=#fff`) or inside
quotes is left alone, and so is `Description=`, which is free text.

## What breaks in production
What the words do depends on the setting (measured with `systemd-analyze verify`, systemd 252):
- a list of names or paths takes each word as one more entry: `RuntimeDirectory=uwsgi #
  Requires systemd 211` makes systemd create /run/#, /run/Requires, /run/systemd and /run/211
  and hand them to the service (uwsgi-docs#289); `SupplementaryGroups=`, `ReadWritePaths=`...
  the same;
- `ExecStart=` and the other command lines pass the words to the program as more arguments
  (`gunicorn app:app # the app` runs with `#`, `the`, `app` on its command line);
- `Environment=A=1 # sets B=2` sets `B=2` too, and logs "Invalid environment assignment,
  ignoring" for the other words (info when no word of the comment holds `=`);
- a dependency (`After=network.target # needs network`) logs "Failed to add dependency on #,
  ignoring" for each word and keeps the real one (info), unless a word is a unit name;
- a single value is the whole text: `TimeoutStopSec=5 # five` fails to parse ("Failed to
  parse time value, ignoring") and the default applies; `User=app # the app's user` names a
  user that does not exist, and `EnvironmentFile=` or `WorkingDirectory=` a path that does
  not: the service does not start (an error).

## How to fix
Put the comment on a line of its own, above the setting.
"""
import re
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, Span, UnitEntry

CODE = "D105"
SLUG = "inline-comment"
SEVERITY = "warning"
SUMMARY = "A `# comment` after a systemd value is part of the value (extra entries, arguments or a wrong value)."

BAD = {"etc/systemd/system/uwsgi.service": (
    "[Service]\nUser=www-data\nRuntimeDirectory=uwsgi # Requires systemd 211\n"
    "ExecStart=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini\n")}
GOOD = {"etc/systemd/system/uwsgi.service": (
    "[Service]\nUser=www-data\n# Requires systemd 211\nRuntimeDirectory=uwsgi\n"
    "ExecStart=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini\n")}

_COMMENT = re.compile(r"\s#")
# Settings whose words are a list of names or paths, each made into one entry (systemd.exec(5)).
_ENTRIES = frozenset({
    "RuntimeDirectory", "StateDirectory", "CacheDirectory", "LogsDirectory", "ConfigurationDirectory",
    "ReadWritePaths", "ReadOnlyPaths", "InaccessiblePaths", "ExecPaths", "NoExecPaths", "BindPaths",
    "BindReadOnlyPaths", "TemporaryFileSystem", "SupplementaryGroups", "PassEnvironment", "UnsetEnvironment",
})
# Settings whose words are unit names: a word that is none is logged and ignored.
_UNITS = frozenset({
    "After", "Before", "Wants", "Requires", "Requisite", "BindsTo", "PartOf", "Conflicts", "Upholds",
    "OnFailure", "OnSuccess", "PropagatesReloadTo", "ReloadPropagatedFrom", "JoinsNamespaceOf",
    "WantedBy", "RequiredBy", "Also", "Alias",
})
# Single values naming something that must exist for the service to start.
_MUST_EXIST = {"User": "a user", "Group": "a group", "EnvironmentFile": "a file", "WorkingDirectory": "a folder"}
_UNIT_SUFFIXES = (".service", ".socket", ".target", ".mount", ".path", ".timer", ".slice", ".device", ".swap",
                  ".automount", ".scope")
_FREE_TEXT = frozenset({"Description"})


def check(deployment: Deployment) -> Iterator[Hit]:
    for unit in deployment.systemd_units:
        for entry in unit.entries:
            if not entry.section or entry.key in _FREE_TEXT:
                continue
            found = _COMMENT.search(entry.value)
            if found is None or any(quote in entry.value[:found.start()] for quote in "\"'"):
                continue   # a quoted value may hold `#` on purpose: not judged
            comment = entry.value[found.start() + 1:]
            hit = _judge(entry, comment)
            if hit is not None:
                message, severity = hit
                yield Hit(_comment_at(entry, found.start() + 1), f"`{entry.key}=` has `{comment[:40]}` after its "
                          f"value, but systemd has no comments after a value: {message}; put the comment on a "
                          "line of its own", severity=severity)


def _judge(entry: UnitEntry, comment: str) -> tuple[str, str | None] | None:
    words = comment.split()
    shown = ", ".join(f"`{word}`" for word in words[:4]) + (", ..." if len(words) > 4 else "")
    if entry.command is not None:
        return (f"{entry.command.program or 'the program'} gets {shown} as {len(words)} more "
                f"argument{'s' if len(words) > 1 else ''}"), None
    if entry.key in _ENTRIES:
        return f"each word is one more entry ({shown})", None
    if entry.key in _UNITS:
        named = [word for word in words if word.endswith(_UNIT_SUFFIXES)]
        if named:
            return f"{', '.join(named)} becomes one more {entry.key}= unit", None
        return f"systemd logs each word ({shown}) as an invalid unit name and ignores it", "info"
    if entry.key == "Environment":
        set_too = [word for word in words if "=" in word and not word.startswith("=")]
        if set_too:
            return f"it sets {', '.join(set_too)} as well", None
        return f"systemd logs each word ({shown}) as an invalid assignment and ignores it", "info"
    what = _MUST_EXIST.get(entry.key)
    optional = entry.key in ("EnvironmentFile", "WorkingDirectory") and entry.value.startswith("-")
    if what is not None and not optional:
        return f"the value is `{entry.value[:60]}`, {what} that does not exist, so the service does not start", "error"
    return (f"the value is the whole `{entry.value[:60]}` (one systemd cannot parse is logged and ignored, "
            "and the default applies)"), None


def _comment_at(entry: UnitEntry, offset: int) -> Span:
    at = entry.at
    if at.column and at.end_column - at.column == len(entry.value):   # the value is on one line as read
        return Span(at.path, at.line, at.column + offset, at.end_column)
    return at
