"""Project settings: ``[tool.wsgilint]`` in ``pyproject.toml``, or the top level of
``wsgilint.toml`` / ``.wsgilint.toml``.

The nearest such file from the working directory upwards is used (a ``pyproject.toml``
without ``[tool.wsgilint]`` does not count), unless ``--config`` names one;
``--isolated`` searches for none. Command-line options override the file's values.
Unknown keys and wrong types are errors, so a typo in the settings cannot silently
switch a rule back on.

    [tool.wsgilint]
    select = ["X", "U1"]
    ignore = ["U119"]
    fail-on = "error"
    baseline = "wsgilint-baseline.json"
    require-reason = true
    uwsgi-version = "2.0.28"
    [tool.wsgilint.per-file-ignores]
    "deploy/legacy/*" = ["X108"]
    "uwsgi-dev.ini" = ["U108"]

``per-file-ignores`` patterns are relative to the settings file's directory and match a
finding's file path, or its file name for patterns without ``/``.
"""
from __future__ import annotations

import difflib
import fnmatch
import os
import re
import sys
from pathlib import Path
from typing import Any

from .core.record import dataclass, field
from .core.text import MAX_CONFIG_BYTES, read_regular
from .engine import load_rules, unknown_pattern
from .model import Span

FILE_NAMES = ("wsgilint.toml", ".wsgilint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
_LISTS = ("select", "ignore")
_VERSIONS = {"uwsgi-version": "uwsgi", "gunicorn-version": "gunicorn", "supervisor-version": "supervisor",
             "nginx-version": "nginx"}
KEYS = (*_LISTS, "per-file-ignores", "fail-on", "baseline", "require-reason", "max-file-size", *_VERSIONS)
# A settings file is a few lines; one larger than this is not one (and is never read whole).
MAX_SETTINGS_BYTES = 1024 * 1024


class ConfigError(Exception):
    """A settings file that cannot be used; the message names the file and the key."""


@dataclass
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str | None = None
    versions: dict[str, str] = field(default_factory=dict)
    baseline: Path | None = None
    require_reason: bool = False      # a suppression comment without a reason is an error (L102)
    max_file_size: int = MAX_CONFIG_BYTES   # bytes; a larger config file is not read (E001)
    path: Path | None = None          # the file they were read from

    def ignored_in(self, at: Span) -> tuple[str, ...]:
        """Rule patterns ``per-file-ignores`` turns off for a finding's file."""
        if not self.per_file_ignores or self.path is None or not at.in_a_file:
            return ()
        relative = os.path.relpath(os.path.abspath(at.path), self.path.parent).replace(os.sep, "/")
        name = relative.rsplit("/", 1)[-1]
        return tuple(code for pattern, codes in self.per_file_ignores
                     if fnmatch.fnmatchcase(relative, pattern.removeprefix("./"))
                     or ("/" not in pattern and fnmatch.fnmatchcase(name, pattern))
                     for code in codes)


def find_settings(start: Path) -> Settings | None:
    """The settings of the nearest settings file from ``start`` upwards."""
    for folder in (start, *start.parents):
        for name in FILE_NAMES:
            candidate = folder / name
            try:
                if not candidate.is_file():
                    continue
            except OSError:          # a folder above that cannot be searched
                continue
            if name == "pyproject.toml" and not _may_name_wsgilint(candidate):
                continue
            document = _parse(candidate)
            if name != "pyproject.toml" or "wsgilint" in document.get("tool", {}):
                return _settings(candidate, document)
    return None


def _may_name_wsgilint(pyproject: Path) -> bool:
    """Whether a ``pyproject.toml`` could hold ``[tool.wsgilint]``. TOML can put a key there
    only through a dotted key or header that goes from ``tool`` to ``wsgilint``, a ``[tool]``
    table, an inline ``tool = {...}``, or an escape in a quoted key (``"\\u0077sgilint"``); a
    file with none of them is not parsed. Another project's file, the usual one above a checked
    tree (wsgilint's own names wsgilint as its project and command), then costs a read, not
    loading the TOML parser; one that cannot be read is parsed, for its error."""
    try:
        data = read_regular(str(pyproject), MAX_SETTINGS_BYTES)
    except OSError:
        return True
    if b"\\u" in data or b"\\U" in data:
        return True
    return b"wsgilint" in data and _TOOL_TABLE.search(data) is not None


# ``tool . "wsgilint"`` in a header or dotted key, or a line opening ``[tool]`` or ``tool =``.
_TOOL_TABLE = re.compile(rb"""tool["']?[ \t]*\.[ \t]*["']?wsgilint|^[ \t]*(?:\[[ \t]*["']?tool["']?[ \t]*\]|["']?tool["']?[ \t]*=)""", re.M)


def _parse(path: Path) -> dict[str, Any]:
    # The TOML parser is loaded only when there is a settings file to read.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = read_regular(str(path), MAX_SETTINGS_BYTES)
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: tables or arrays nested too deeply") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read it: {error.strerror}") from None


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {key} must be a list of rule codes, prefixes or slugs, like [\"X101\", \"U1\"]")
    rules = load_rules()
    for pattern in value:
        unknown = unknown_pattern(pattern, rules)
        if unknown:
            raise ConfigError(f"{path}: {key}: {unknown}")
    return tuple(value)


def load_settings(path: Path) -> Settings:
    return _settings(path, _parse(path))


def _settings(path: Path, document: dict[str, Any]) -> Settings:
    table = document.get("tool", {}).get("wsgilint", {}) if path.name == "pyproject.toml" else document
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.wsgilint] must be a table")
    settings = Settings(path=path)
    for key, value in table.items():
        if key not in KEYS:
            near = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {near[0]}?)" if near else f"; known keys: {', '.join(KEYS)}"
            raise ConfigError(f"{path}: unknown key {key!r}{hint}")
        if key in _LISTS:
            setattr(settings, key, _strings(path, key, value))
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: per-file-ignores must be a table of \"glob\" = [rule codes]")
            settings.per_file_ignores = tuple((pattern, _strings(path, f"per-file-ignores.{pattern!r}", codes))
                                              for pattern, codes in value.items())
        elif key == "baseline":
            if not isinstance(value, str):
                raise ConfigError(f"{path}: baseline must be the path of a JSON report, relative to this file")
            settings.baseline = path.parent / value
        elif key == "require-reason":
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: require-reason must be true or false")
            settings.require_reason = value
        elif key == "max-file-size":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"{path}: max-file-size must be a number of bytes, like {MAX_CONFIG_BYTES}")
            settings.max_file_size = value
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{path}: fail-on must be one of {', '.join(FAIL_ON)}, not {value!r}")
            settings.fail_on = value
        else:
            if not isinstance(value, str):
                raise ConfigError(f"{path}: {key} must be a version string like \"2.0.31\"")
            settings.versions[_VERSIONS[key]] = value
    return settings


def settings_for(explicit: str | None, start: Path, isolated: bool = False) -> Settings:
    """The settings ``--config`` names, or the nearest file's, or none. ``isolated``
    (``--isolated``) searches for no file: settings in a checked-out pull request could
    turn every rule off or set ``fail-on = "never"``."""
    if explicit is not None:
        path = Path(explicit)
        try:
            found = path.is_file()
        except OSError as error:
            raise ConfigError(f"{explicit}: cannot read it: {error.strerror}") from None
        if not found:
            raise ConfigError(f"{explicit}: no such settings file")
        return load_settings(path)
    if isolated:
        return Settings()
    return find_settings(start.resolve()) or Settings()
