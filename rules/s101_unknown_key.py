"""A Supervisor key or section type that supervisord does not know.

## What it checks
Every key of a `[supervisord]`, `[supervisorctl]`, `[unix_http_server]`,
`[inet_http_server]`, `[program:x]`, `[fcgi-program:x]`, `[eventlistener:x]`,
`[group:x]` and `[include]` section that supervisord 4.3 does not read there, and
every section whose type it does not know (`[programs:x]`, `[foo]`). Keys are
compared after supervisord lower-cases them; section names are case-sensitive.
`[rpcinterface:x]` and `[ctlplugin:x]` pass their keys to a factory and are not
checked; keys that come from `[DEFAULT]` are not either. A key written in several
sections of one type in a file (`group=` in each of twelve programs) is one mistake:
one finding at its first place, the other sections as related places. A program key
written on a `[group:x]` whose every program sets that key itself changes nothing: an info.
So is a key of another section set to the default it has there (`loglevel=info` in a
program: [supervisord]'s loglevel is info), and a misspelt key set to the default of the key
it stands for (`audostart=true`:
autostart is true when not written), read as supervisord reads that key; another value
(`audostart=false`) stays a warning, since the program then starts all the same.

## What breaks in production
Nothing is logged: supervisord only fetches the keys it knows, so `autorestrat=true`,
`stop_as_group=true` or `stdout_logfile_maxbyte=1MB` leave the default in force and a
`[programs:x]` section defines no program at all (measured with Supervisor 4.3.0).

## How to fix
Use the name the message suggests, or move the key to the section it belongs to.

## Fix safety
When exactly one key of the section is near, `--fix` renames the key (`autorestrat`
becomes `autorestart`). Safe: supervisord ignored the key, and the name it now has is
the only one it can have meant. Section types are left to you.
"""
from collections.abc import Iterator, Mapping

from wsgilint.engine import Edit, Fix, Hit, Related, sole_candidate
from wsgilint.model import Deployment, SupervisorConfig, SupervisorSection, SupervisorValue
from wsgilint.model.manager_facts import did_you_mean, supervisor_keys

CODE = "S101"
SLUG = "unknown-key"
SEVERITY = "warning"
SUMMARY = "A Supervisor key or section type that supervisord silently ignores."
FIXES = ("safe",)

BAD = {"etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nautorestrat=true\n"}
GOOD = {"etc/supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\nautorestart=true\n"}

_SECTION_TYPES = ("program:", "group:", "fcgi-program:", "eventlistener:", "rpcinterface:", "ctlplugin:",
                  "supervisord", "supervisorctl", "unix_http_server", "inet_http_server", "include")


def _section_hint(name: str) -> str:
    prefix, colon, rest = name.partition(":")
    guess = did_you_mean(prefix + colon, [t for t in _SECTION_TYPES if t.endswith(":") == bool(colon)])
    return f"; did you mean `[{guess}{rest}]`?" if guess else ""


def _key_hint(key: str, kind: str, tables: Mapping[str, frozenset[str]]) -> str:
    guess = did_you_mean(key, tables[kind])
    if guess:
        return f"; did you mean `{guess}`?"
    owner = _owner(key, kind, tables)
    return f"; it is a key of [{owner}]" if owner else ""


def _owner(key: str, kind: str, tables: Mapping[str, frozenset[str]]) -> str | None:
    """The section kind ``key`` belongs to, [program:x] first: where a program key was most
    likely meant to go."""
    owners = sorted((k for k, keys in tables.items() if key in keys and k != kind), key=lambda k: k != "program")
    return owners[0] if owners else None


def check(deployment: Deployment) -> Iterator[Hit]:
    tables = supervisor_keys()
    for config in deployment.supervisor:
        # One unknown key written in several sections of a file is one mistake to fix: one
        # finding at its first place, the other sections as related places.
        places: dict[tuple[str, str], list[tuple[SupervisorSection, SupervisorValue]]] = {}
        for section in config.sections:
            if section.kind == "unknown":
                yield Hit(section.at, f"supervisord does not know the section type `[{section.name}]` and ignores "
                          f"it silently, with every key in it{_section_hint(section.name)}")
                continue
            if section.kind not in tables:
                continue
            for key, value in section.keys.items():
                if key not in tables[section.kind]:
                    places.setdefault((section.kind, key), []).append((section, value))
        for (kind, key), found in places.items():
            guess = did_you_mean(key, tables[kind])
            edits = tuple(Edit.replacement(value.key_at, guess) for section, value in found
                          if guess and guess not in section.keys and sole_candidate(key, tables[kind]) == guess)
            fix = Fix(f"rename `{key}` to `{guess}`", edits) if edits else None
            section, value = found[0]
            others = found[1:]
            where = f"[{section.name}]"
            if others:
                where += f" and {len(others)} other [{kind}:…] section{'s' if len(others) > 1 else ''}"
            related = tuple(Related(other.key_at, f"`{key}` again, in [{other_section.name}]")
                            for other_section, other in others)
            if kind == "group" and all(_members_set(config, each, key) for each, _ in found):
                yield Hit(value.key_at, f"`{key}` is not a key of {where}: supervisord ignores it silently, and each "
                          f"program of the group sets `{key}` itself, so nothing changes: remove it from the group",
                          fix=fix, related=related, severity="info")
                continue
            owner = _owner(key, kind, tables)
            if owner is not None and not guess and all(each.reads_as_default_of(owner, key) for _, each in found):
                yield Hit(value.key_at, f"`{key}` is not a key of {where}: supervisord ignores it silently; it is a key "
                          f"of [{owner}], where `{key}={value.raw}` is the default anyway: nothing changes; remove it, "
                          f"or move it to [{owner}] to change it", fix=fix, related=related, severity="info")
                continue
            if guess and all(each.reads_as_default_of(kind, guess) for _, each in found):
                yield Hit(value.key_at, f"`{key}` is not a key of {where}: supervisord ignores it silently and keeps "
                          f"`{guess}` at its default, which is what `{key}={value.raw}` asks for: nothing changes until "
                          f"the value is edited; did you mean `{guess}`?",
                          fix=fix, related=related, severity="info")
                continue
            yield Hit(value.key_at, f"`{key}` is not a key of {where}: supervisord ignores it silently and keeps "
                      f"the default{_key_hint(key, kind, tables)}", fix=fix, related=related)


def _members_set(config: SupervisorConfig, group: SupervisorSection, key: str) -> bool:
    """Whether every program of the group (as supervisord groups its processes) sets ``key``
    in its own section: a group's key that each member already sets has no effect to miss."""
    members = {id(p.section): p.section for p in config.processes if p.group == group.label}
    return bool(members) and all(key in member.keys for member in members.values())
