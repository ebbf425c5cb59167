"""The processes the program sections start, with every value expanded as supervisord does.

A ``[program:x]`` with ``numprocs=N`` starts N processes, each with its own
``process_num`` for %-expansion. ``[supervisord] environment=`` gives ``%(ENV_X)s`` names
to every program; a program's own ``environment=`` to its later keys. Values that
supervisord would refuse become ``syntax`` problems at the value's position.
"""
from __future__ import annotations

from collections.abc import Mapping

from ...core.context import ReadContext
from ...core.record import dataclass, field
from ...core.span import Problem
from .expansion import Expanded, expand, here_of, is_literal
from .ini import PROGRAM_KINDS, SupervisorConfig, SupervisorSection, SupervisorValue
from .values import (
    PROCESS_TYPES,
    PROGRAM_TYPES,
    SUPERVISORD_TYPES,
    Parser,
    parse_environment,
    parse_process_name,
    split_command,
)

_SUPERVISORD_KEYS = (*SUPERVISORD_TYPES, "directory", "user", "logfile", "pidfile", "identifier",
                     "childlogdir", "environment")


@dataclass(eq=False)
class SupervisorProcess:
    """One process a ``[program:x]`` (or fcgi-program, eventlistener) section starts,
    with every value supervisord reads expanded the way it expands it."""

    section: SupervisorSection
    name: str
    group: str
    number: int
    values: dict[str, Expanded] = field(default_factory=dict)
    environment: dict[str, str] = field(default_factory=dict)        # [supervisord] environment + the program's
    own_environment: dict[str, str] = field(default_factory=dict)    # the program's environment= alone
    environment_dropped: tuple[str, ...] = ()
    argv: list[str] | None = None
    argv_error: str = ""


# Processes listed per program. supervisord has no limit of its own (it builds one process
# config per number when it reads the file: numprocs = 1000000 takes minutes and gigabytes,
# in supervisord as it did here); each running process holds three pipes, so a default
# minfds = 1024 runs out of descriptors near 300 processes.
MAX_PROCESSES = 1024


class _Expander:
    """Expansion names of one configuration, and where its refusals are recorded."""

    def __init__(self, config: SupervisorConfig, ctx: ReadContext, text_here: bool) -> None:
        self.config = config
        self.ctx = ctx
        self.text_here = text_here
        self.environment: dict[str, str] = {}
        self._here: dict[str, str | None] = {}   # of each file: every value of a program asks

    def here(self, file: str) -> str | None:
        if file not in self._here:
            self._here[file] = here_of(file, self.ctx)
        return self._here[file]

    def expand(self, value: SupervisorValue, names: Mapping[str, object], label: str, times: int = 1) -> Expanded:
        text = value.raw
        if is_literal(text):
            return Expanded(text)   # no name is asked for: the names need not be gathered
        here = self.here(value.file)
        names = dict(names)
        if here is not None:
            if self.text_here:
                text = text.replace("%(here)s", here)
            names["here"] = here
        for name, env_value in self.environment.items():
            names.setdefault(f"ENV_{name}", env_value)
        result = Expanded(text)
        for _ in range(times):
            result = expand(result.text, names, label)
            if result.error:
                break
        return result

    def fail(self, value: SupervisorValue | None, section: SupervisorSection, message: str) -> None:
        at = value.at if value else section.at
        self.config.problems.append(Problem("syntax", f"{message} in section {section.name!r}", at))


def _check(expander: _Expander, section: SupervisorSection, key: str, expanded: Expanded,
           convert: Parser) -> object:
    """The typed value, or None after recording supervisord's refusal."""
    value = section.get(key)
    if expanded.error:
        expander.fail(value, section, expanded.error)
        return None
    if expanded.unresolved:
        return None
    try:
        return convert(expanded.text)
    except ValueError as error:
        expander.fail(value, section, str(error))
        return None


def _supervisord_environment(expander: _Expander) -> None:
    section = expander.config.section("supervisord")
    if section is None:
        return
    for key in _SUPERVISORD_KEYS:
        value = section.get(key)
        if value is None:
            continue
        # [supervisord] environment= goes through expand() twice (options.py:649-651).
        expanded = expander.expand(value, {}, f"supervisord.{key}", times=2 if key == "environment" else 1)
        if key == "environment":
            if expanded.error:
                expander.fail(value, section, expanded.error)
                continue
            environment = parse_environment(expanded.text)
            # A name known only at run time (%(ENV_X)s) may hold pairs: its text proves nothing.
            if environment.error and not expanded.unresolved:
                expander.fail(value, section, environment.error)
            expander.environment.update(environment.values)
        elif key in SUPERVISORD_TYPES:
            _check(expander, section, key, expanded, SUPERVISORD_TYPES[key])
        elif expanded.error:
            expander.fail(value, section, expanded.error)


def _group_of(config: SupervisorConfig, expander: _Expander) -> dict[str, str]:
    groups: dict[str, str] = {}
    for group in config.of_kind("group"):
        value = group.get("programs")
        if value is None:
            continue
        expanded = expander.expand(value, {}, f"{group.name}.programs")
        if expanded.error:
            expander.fail(value, group, expanded.error)
            continue
        for program in (p.strip() for p in expanded.text.split(",")) if expanded.text else ():
            if not (config.section(f"program:{program}") or config.section(f"fcgi-program:{program}")):
                expander.fail(value, group, f"[{group.name}] names unknown program or fcgi-program {program}")
            groups[program] = group.label
    return groups


def _program_checks(expander: _Expander, section: SupervisorSection, common: dict[str, object]) -> tuple[int, int]:
    """Check what supervisord reads once per section; ``(numprocs, numprocs_start)``."""
    typed: dict[str, object] = {}
    # section.get of each of the ~20 typed keys: one dict, looked up once a key (the section's own
    # when no [DEFAULT] key is inherited).
    values = section.effective() if section.defaults else section.keys
    for key, convert in PROGRAM_TYPES.items():
        value = values.get(key)
        if value is not None:
            typed[key] = _check(expander, section, key, expander.expand(value, common, f"{section.name}.{key}"),
                                convert)
    for key in ("user", "serverurl"):
        value = section.get(key)
        if value is not None:
            expanded = expander.expand(value, common, f"{section.name}.{key}")
            if expanded.error:
                expander.fail(value, section, expanded.error)
    numprocs, start = typed.get("numprocs"), typed.get("numprocs_start")
    numprocs = numprocs if isinstance(numprocs, int) else 1
    name_value = section.get("process_name")
    if numprocs > 1 and "%(process_num)" not in (name_value.raw if name_value else "%(program_name)s"):
        expander.fail(name_value, section, "%(process_num) must be present within process_name when numprocs > 1")
    if typed.get("stopasgroup") and typed.get("killasgroup", True) is False:
        expander.fail(section.get("killasgroup") or section.get("stopasgroup"), section,
                      "Cannot set stopasgroup=true and killasgroup=false")
    if section.get("command") is None:
        expander.fail(None, section, f"program section {section.name} does not specify a command")
    return numprocs, start if isinstance(start, int) else 0


def _process(expander: _Expander, section: SupervisorSection, process: SupervisorProcess,
             names: dict[str, object]) -> None:
    """Fill one process's environment and per-process values."""
    environment_value = section.get("environment")
    if environment_value is not None:
        expanded = expander.expand(environment_value, names, "environment")
        process.values["environment"] = expanded
        if expanded.error:
            expander.fail(environment_value, section, expanded.error)
        else:
            parsed = parse_environment(expanded.text)
            if parsed.error and not expanded.unresolved:
                expander.fail(environment_value, section, parsed.error)
            process.own_environment = parsed.values
            process.environment_dropped = parsed.dropped
    process.environment = {**expander.environment, **process.own_environment}
    names.update({f"ENV_{k}": v for k, v in process.own_environment.items()})
    values = section.effective() if section.defaults else section.keys   # section.get, as above
    for key in ("directory", "stdout_logfile", "stderr_logfile", "command", *PROCESS_TYPES):
        value = values.get(key)
        if value is None:
            continue
        # The log file names go through expand() twice (saneget, then options.py:970).
        times = 2 if key.endswith("_logfile") else 1
        expanded = expander.expand(value, names, f"{section.name}.{key}" if times == 1 else key, times)
        process.values[key] = expanded
        if key in PROCESS_TYPES:
            _check(expander, section, key, expanded, PROCESS_TYPES[key])
        elif expanded.error:
            expander.fail(value, section, expanded.error)
    name_value = section.get("process_name")
    name_template = name_value.raw if name_value else "%(program_name)s"
    name_expanded = expand(name_template, {**names, "here": expander.here(section.file) or ""},
                           "process_name")
    if name_expanded.error:
        expander.fail(name_value, section, name_expanded.error)
    else:
        process.name = name_expanded.text
    command = process.values.get("command")
    if command is not None and not command.error:
        process.argv, process.argv_error = split_command(command.text)


def _processes(expander: _Expander, section: SupervisorSection, group: str) -> list[SupervisorProcess]:
    try:
        program_name = parse_process_name(section.label)
    except ValueError as error:
        expander.fail(None, section, str(error))
        return []
    common: dict[str, object] = {"program_name": program_name, "group_name": group}
    numprocs, start = _program_checks(expander, section, common)
    processes = []
    if numprocs > MAX_PROCESSES:
        value = section.get("numprocs")
        expander.config.problems.append(Problem(
            "limit", f"numprocs = {numprocs}: only the first {MAX_PROCESSES} processes are checked; supervisord "
            "itself builds every one when it reads the file and opens pipes for each when it starts them",
            value.at if value is not None else section.at))
    for number in range(start, start + min(numprocs, MAX_PROCESSES)):
        process = SupervisorProcess(section, program_name, group, number)
        _process(expander, section, process, {**common, "process_num": number, "numprocs": numprocs})
        processes.append(process)
    return processes


def expand_programs(config: SupervisorConfig, ctx: ReadContext) -> None:
    """Check the [supervisord] and [group:x] values and list every process the programs start."""
    # With an [include] section supervisord replaces "%(here)s" as plain text, file by
    # file, before any %-formatting (UnhosedConfigParser.expand_here); without one,
    # "here" is an ordinary expansion name. Only "%%(here)s" tells the two apart.
    expander = _Expander(config, ctx, text_here=config.section("include") is not None)
    _supervisord_environment(expander)
    _server_addresses(config)
    groups = _group_of(config, expander)
    for section in config.of_kind(*PROGRAM_KINDS):
        config.processes.extend(_processes(expander, section, groups.get(section.label, section.label)))


def _server_addresses(config: SupervisorConfig) -> None:
    """supervisord exits at start on a control server section with no address to serve
    (ServerOptions.server_configs_from_parser): `[inet_http_server]` without `port`,
    `[unix_http_server]` without `file`."""
    for kind, key in (("inet_http_server", "port"), ("unix_http_server", "file")):
        for section in config.of_kind(kind):
            if section.get(key) is None:
                config.problems.append(Problem(
                    "syntax", f"section [{section.name}] has no {key} value: supervisord exits at start "
                    f"(\"Error: section [{section.name}] has no {key} value\"); set `{key}` or remove the section",
                    section.at))
