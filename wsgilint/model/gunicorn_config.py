"""Gunicorn config files as the rules see them: the settings each file binds, and the
names that only look like settings (Gunicorn ignores them without a word).

A name is judged once here: whether it is a setting of Gunicorn 27.0.1's table, which
setting it most likely stands for when it is not, and whether the file uses it as a
helper variable.
"""
from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..core.option import Option
from ..core.record import dataclass
from ..core.span import Span

if TYPE_CHECKING:
    from ..readers.gunicorn import GunicornConfig

# What an ``Option("config")`` added for a command's implicitly loaded ./gunicorn.conf.py says in
# ``raw`` (rule G108 looks for it).
IMPLICIT_CONFIG_RAW = "./gunicorn.conf.py in the start directory (loaded without -c)"


@dataclass(frozen=True, slots=True)
class GunicornName:
    """A module-level name assigned in a config file that is no Gunicorn setting."""

    name: str
    at: Span
    unresolved: bool        # its value is computed at run time
    referenced: bool        # another module-level value's expression names it: a helper variable
    meant: str | None       # the setting it most likely stands for: a flag's spelling, another case, a near miss
    value: object = None    # the literal value assigned (``False`` for ``debug = False``); None when unresolved
    # Its literal value is the default of the setting it stands for (``error_logfile = "-"``,
    # errorlog's default): binding that setting would change nothing.
    meant_default: bool = False

    @property
    def differs_only_in_case(self) -> bool:
        return self.meant is not None and self.meant == self.name.lower()


@dataclass(frozen=True, slots=True)
class GunicornAnnotation:
    """``name: value`` at module level without ``=``: an annotation, which binds nothing."""

    name: str
    at: Span                # the annotation, what was meant as the value
    source: str             # the statement as written: ``bind: '0.0.0.0:80'``
    written: str            # what follows the colon: ``'0.0.0.0:80'``
    default: str | None     # the default Gunicorn keeps, as findings show it; None when ``name`` is no setting


@dataclass(frozen=True, slots=True)
class GunicornConfigFile:
    path: str
    settings: tuple[Option, ...]            # setting names bound, in execution order
    other_names: tuple[GunicornName, ...]   # assigned names that are no setting
    annotations: tuple[GunicornAnnotation, ...]


@cache
def _settings() -> dict[str, dict[str, Any]]:
    """Gunicorn's setting table, loaded with its reader when a tree has Gunicorn files."""
    from ..readers.gunicorn import SETTINGS
    return SETTINGS


@cache
def _flag_spellings() -> dict[str, str]:
    """``--access-logfile`` written as a name: ``access_logfile`` -> ``accesslog``."""
    spellings: dict[str, str] = {}
    for name, spec in _settings().items():
        for flag in spec.get("cli", []):
            if flag.startswith("--") and flag[2:].replace("-", "_") != name:
                spellings.setdefault(flag[2:].replace("-", "_"), name)
    return spellings


def _meant(option: Option) -> str | None:
    name = option.key
    spellings = _flag_spellings()
    # A one-word flag spelling (`preload`) is also a common variable name: only a literal value counts.
    if name in spellings and ("_" in name or not option.unresolved):
        return spellings[name]
    if name.lower() in _settings():
        return name.lower()
    return _close_setting(name)


@functools.lru_cache(maxsize=4096)
def _close_setting(name: str) -> str | None:
    # Only settings whose length allows a ratio of 0.8 (difflib's real_quick_ratio) can
    # match: comparing with those alone gives the same answer, without a module of many
    # names costing a comparison with every setting each.
    near = [setting for setting in _settings() if 2 * min(len(setting), len(name)) >= 0.8 * (len(setting) + len(name))]
    # Settings are lower case: a name that shouts a part (`limit_request_fields_SIZE`) is
    # compared as written in lower case, which finds `limit_request_field_size`.
    close = difflib.get_close_matches(name.lower(), near, n=1, cutoff=0.8)
    return close[0] if close else None


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
# A name inside a plain string literal (`loglevel = 'debug'`) is only text, not a use.
@functools.cache
def _plain_string() -> re.Pattern[str]:
    return re.compile(r"""(?<![fFrRbBuU])(['"])(?:\\.|(?!\1).)*\1""")


@functools.cache
def _word() -> re.Pattern[str]:
    return re.compile(r"\w+")


def _default_shown(name: str) -> str | None:
    spec = _settings().get(name)
    if spec is None:
        return None
    default = spec.get("default")
    return ", ".join(map(str, default)) if isinstance(default, list) else repr(default)


# Settings whose default the table writes as what Gunicorn computes on the machine (its uid,
# its working directory), or which a config file cannot set (config).
_DEFAULT_NOT_A_VALUE = frozenset({"chdir", "user", "group", "control_socket", "config"})


def _is_meant_default(meant: str | None, option: Option) -> bool:
    """Whether ``option``'s literal value is the default of ``meant``. A default the
    environment can change (bind from PORT, workers from WEB_CONCURRENCY: the table's
    ``env_default``) or that depends on the machine is never taken as known, and a value
    counts only in the default's own type (``1`` is no ``True``)."""
    spec = _settings().get(meant) if meant is not None else None
    if spec is None or option.unresolved or meant in _DEFAULT_NOT_A_VALUE or spec.get("env_default"):
        return False
    default = spec.get("default")
    return type(option.value) is type(default) and option.value == default


def gunicorn_config_file(config: GunicornConfig) -> GunicornConfigFile:
    # A name is used where it is a whole word of some value: the words are collected once,
    # so a module with many names is read in linear time.
    words = {word for option in (*config.options, *config.other_names)
             for word in _word().findall(_plain_string().sub("", option.raw))}
    names = [GunicornName(option.key, option.at, option.unresolved, option.key in words, meant,
                          None if option.unresolved else option.value, _is_meant_default(meant, option))
             for option in config.other_names for meant in (_meant(option),)]
    annotations = [
        GunicornAnnotation(option.key, option.at, option.raw,
                           option.raw.split(":", 1)[1].strip() if ":" in option.raw else "",
                           _default_shown(option.key))
        for option in config.annotations
    ]
    return GunicornConfigFile(config.path, tuple(config.options), tuple(names), tuple(annotations))


def gunicorn_config_files(configs: Iterable[GunicornConfig]) -> list[GunicornConfigFile]:
    """One view per file: a file that several commands load is read for each, shown once."""
    files: dict[str, GunicornConfigFile] = {}
    for config in configs:
        if config.path not in files:
            files[config.path] = gunicorn_config_file(config)
    return list(files.values())


def setting_names() -> list[str]:
    """Every setting of Gunicorn's table: what a misspelt name is compared with."""
    return list(_settings())
