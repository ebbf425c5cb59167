"""Write ``wsgilint/readers/gunicorn/settings.json`` from the installed Gunicorn.

A development tool: wsgilint never imports Gunicorn at run time, so the setting
table it needs (names, command-line flags, argparse actions, value kinds, hook
arities, defaults) is generated here once per Gunicorn release and shipped as data.

    python tools/gen_gunicorn_settings.py [OUTPUT]
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

# Some defaults are computed from the environment when gunicorn.config is imported;
# the table must hold the values of a clean environment.
for _name in ("PORT", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "SENDFILE", "GUNICORN_CMD_ARGS"):
    os.environ.pop(_name, None)

import gunicorn  # type: ignore[import-untyped]
from gunicorn import config

OUTPUT = Path(__file__).resolve().parent.parent / "wsgilint" / "readers" / "gunicorn" / "settings.json"

# Environment variables some defaults read (gunicorn/config.py); recorded so the
# model can compute them for the target's environment.
ENV_DEFAULTS = {
    "bind": {"PORT": "0.0.0.0:{}"},
    "workers": {"WEB_CONCURRENCY": "int"},
    "forwarded_allow_ips": {"FORWARDED_ALLOW_IPS": "string"},
    "sendfile": {"SENDFILE": "bool"},
}


def _validator(setting: Any) -> tuple[str, object]:
    """The validator's name without ``validate_``, and a hook's arity (None otherwise)."""
    validator = setting.validator
    name = getattr(validator, "__name__", "")
    if name == "_validate_callable":
        arity = validator.__closure__[0].cell_contents if validator.__closure__ else -1
        return "callable", arity
    if name == "validate_post_request":
        return "callable", [2, 3, 4]
    return name.removeprefix("validate_"), None


def _argument_type(setting: Any) -> str | None:
    """How argparse converts the flag's text before the validator sees it."""
    if not setting.cli or (setting.action or "store") != "store":
        return None
    kind = setting.type
    if kind is int:
        return "int"
    if kind is config.auto_int:
        return "auto_int"
    return "str"


def _default(value: object) -> object:
    if callable(value):
        return f"<{getattr(value, '__qualname__', type(value).__name__)}()>"
    try:
        json.dumps(value)
    except TypeError:
        return repr(value)
    return value


# Defaults computed from the generating machine (its cwd, uid, home); the table
# keeps Gunicorn's own description of them instead.
MACHINE_DEFAULTS = {"chdir", "user", "group", "control_socket"}


def build() -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for setting in config.KNOWN_SETTINGS:
        validator, arity = _validator(setting)
        if setting.name in MACHINE_DEFAULTS:
            default = setting.default_doc.strip("`")
        else:
            default = _default(setting.default)
        entry: dict[str, Any] = {
            "section": setting.section,
            "cli": list(setting.cli or []),
            "action": setting.action or "store",
            "validator": validator,
            "default": default,
        }
        argument_type = _argument_type(setting)
        if argument_type:
            entry["type"] = argument_type
        if arity is not None:
            entry["arity"] = arity
        if setting.nargs is not None:
            entry["nargs"] = setting.nargs
        if setting.const is not None:
            entry["const"] = setting.const
        if setting.name in ENV_DEFAULTS:
            entry["env_default"] = ENV_DEFAULTS[setting.name]
        settings[setting.name] = entry
    return {"gunicorn_version": gunicorn.__version__, "count": len(settings), "settings": settings}


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    output.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{output}: {len(config.KNOWN_SETTINGS)} settings of Gunicorn {gunicorn.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
