"""Process managers for the model: Supervisor programs and systemd services, and what they start.

Each program or service becomes a ``ProcessManager`` with the values the manager
itself would use (its defaults where the file says nothing). When the command is a
shell — ``sh -c "…"`` or a wrapper script found in the checked tree — the server's
own command line from that shell text becomes ``argv``, ``wrapper`` points at the
line that starts it, and the command as written stays in ``options["command"]``.
"""
from __future__ import annotations

import functools
import os
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..core.commands import Command, dev_server, given_arguments, recognise
from ..core.context import ReadContext
from ..core.launchers import Launcher, unwrap
from ..core.span import Setting, Span
from ..readers import supervisor, systemd
from . import FileRewrite, ProcessManager, SupervisorConfig, SupervisorValue
from .services import UNREAD_SERVER_RUNTIMES
from .supervisor import supervisor_config

if TYPE_CHECKING:
    # Imported where a start is a shell or a script (each function that reads one): a server
    # started by its own command, as most are, needs none of it, and loading it cost 3 M
    # instructions of every start.
    from ..readers import shell

_SUPERVISOR_DEFAULT = "Supervisor default"
_SYSTEMD_DEFAULT = "systemd default"
# A host's /bin/sh is not in the files: taken as dash, Debian's and Ubuntu's, which does not
# exec the last command of `sh -c` (the assumption X115 states).
_HOST_SH = Setting("dash", None, "the host's /bin/sh, taken as dash (Debian, Ubuntu)")


def _program_argv(argv: list[str]) -> list[str]:
    """The argv without a leading ``env`` and its ``VAR=x`` words."""
    index = 0
    if argv and os.path.basename(argv[0]) == "env":
        index = 1
        while index < len(argv) and ("=" in argv[index] or argv[index].startswith("-")):
            index += 1
    return argv[index:]


def _resolve_wrapper(manager: ProcessManager, argv: list[str], command_at: Span | None,
                     ctx: ReadContext | None, start_dir: str | None,
                     bin_sh: Setting[str] = _HOST_SH, arguments_at: Span | None = None) -> bool:
    """Fill runs_program, and for shells the wrapper facts and the server's argv. True when
    the files show all the start runs: a server's own command, or a shell text whose one
    server command is the only thing it starts (``shell.ServerLine.alone``). ``bin_sh`` is
    what ``sh`` is where it runs (a container's image says; "": not known); ``arguments_at``
    is where the words after the first are written when not at ``command_at`` (a Compose
    ``command:`` or a CMD after an ENTRYPOINT script that runs them)."""
    argv = _program_argv(argv)
    command = recognise(argv)   # shell.program_of's answer, kept for _launched
    program = command.program if command else ""
    if program or not argv:
        manager.runs_program = program or (os.path.basename(argv[0]) if argv else "")
        _launched(manager, command, command_at)
        return bool(program)
    launchers, own = unwrap(argv)
    if launchers and own is not argv:
        # `gosu app supervisord …`, `uv run python x.py`: what runs is the command behind the
        # launchers, as the user they switch to; read it as written without them.
        resolved = _resolve_wrapper(manager, own, command_at, ctx, start_dir, bin_sh)
        if manager.wrapper is not None:
            manager.wrapper_launchers = launchers
        if not manager.launchers:
            _switched(manager, launchers, command_at)
        return resolved
    from ..readers import shell

    name = os.path.basename(argv[0])
    manager.runs_program = name
    server: shell.ServerLine | None = None
    wrapper: shell.WrapperScript | None = None
    wrapper_at: Span | None = None
    runs_c: Setting[str] | None = None
    arguments: list[str] | None = None   # what a script's "$@" is, where the start gives it
    if name in shell.SHELLS and "-c" in argv[1:-1]:
        text = argv[argv.index("-c", 1) + 1]
        runs_c = bin_sh if name in ("sh", "ash") else Setting(name, None, f"`{name} -c`")
        server = shell.server_line_of_shell_command(text, runs_c.value or name)
        wrapper_at = command_at
        call = shell.script_call(text) if server is None and ctx is not None else None
        script = _script_of(call[0]) if call is not None else []
        wrapper = _script(script[0], ctx, start_dir) if script else None
        if call is not None and wrapper is not None:
            taken = _taken(manager, wrapper, script[1:], command_at, ctx, start_dir)
            if taken is not None:
                return taken
            # `sh -c "/entry_point.sh"`: the script is what runs. A shell that execs the last
            # command of -c (bash, busybox: measured) hands over to it; dash, or a shell whose
            # kind is not known, stays the script's parent unless told to exec.
            outer_execs = call[1] or shell.EXECS_LAST_OF_C.get(runs_c.value or name, False)
            if not outer_execs and runs_c.value in shell.EXECS_LAST_OF_C:
                # The `-c` shell stays PID 1 in front of the script, whatever the script's own line does.
                manager.wrapper_outer = Setting(wrapper.server.execs, command_at)
            execs = wrapper.server.execs and outer_execs
            server, wrapper_at, arguments = replace(wrapper.server, execs=execs), wrapper.at, script[1:]
    elif ctx is not None and (script_at := shell.script_index(argv)) is not None:
        given = script_at + 1   # the words after the script are its arguments
        wrapper = _script(argv[given - 1], ctx, start_dir)
        passed = _passes_arguments(argv[given - 1], ctx, start_dir) if wrapper is None and argv[given:] else None
        if passed is not None and len(argv) > given + passed.shifted:
            # An entrypoint script that ends in `exec "$@"`: its arguments (the CMD) are what runs,
            # in its place; `exec gosu app "$@"` runs them through the switcher, as app.
            entrypoint = _local_script(argv[given - 1], ctx, start_dir)
            manager.start_scripts += (entrypoint,) if entrypoint else ()
            argv = [*argv[:given], *argv[given + passed.shifted:]]
            manager.argv = Setting(argv[given:], manager.argv.at if manager.argv else command_at)
            resolved = _resolve_wrapper(manager, [*passed.through, *argv[given:]], arguments_at or command_at, ctx,
                                        start_dir, bin_sh)
            if passed.through and manager.user is not None and manager.user.at is command_at:
                manager.user = Setting(manager.user.value, passed.at, manager.user.note)
                if manager.group is not None and manager.group.at is command_at:
                    manager.group = Setting(manager.group.value, passed.at, manager.group.note)
            writes, display = shell.script_writes(entrypoint, ctx) if entrypoint else ((), "")
            manager.rewrites = tuple(FileRewrite(write.path, write.how, Span(display, write.line, write.column,
                                                                             write.end_column), write.source)
                                     for write in writes) + manager.rewrites
            return resolved
        if wrapper is not None:
            taken = _taken(manager, wrapper, argv[given:], command_at, ctx, start_dir)
            if taken is not None:
                return taken
            server, wrapper_at, arguments = wrapper.server, wrapper.at, argv[given:]
    if server is None:
        _dev_server(manager, argv, runs_c is not None, command_at, ctx, start_dir)
        return False
    manager.runs_program = server.program
    manager.wrapper = wrapper_at
    moved_into = _moved_into(server.directory, start_dir) if server.directory else None
    if moved_into is not None:
        manager.server_directory = Setting(moved_into, wrapper_at if wrapper_at is None or wrapper_at is command_at
                                           else Span(wrapper_at.path, server.directory_line))
    if wrapper is not None and wrapper_at is wrapper.at:
        manager.start_scripts += (wrapper.path,)
    # A last command that a shell of unknown kind may exec: whether the shell stays is not known.
    manager.wrapper_execs = None if server.last_of_c and runs_c is not None and not runs_c.value else server.execs
    manager.wrapper_shell = runs_c
    manager.wrapper_after, manager.wrapper_held_by = server.after, server.held_by
    manager.wrapper_background = server.background
    manager.wrapper_others = server.others
    # A script's lines have their own spans; a `-c` text is one word of the command.
    manager.background_starts, manager.daemon_starts = (tuple(
        Setting(line.argv, wrapper_at if wrapper_at is None or wrapper_at is command_at
                else Span(wrapper_at.path, line.line, line.column, line.end_column))
        for line in lines) for lines in (server.started_before, server.ran_before))
    manager.also_serves = _dev_server_beside(server, wrapper if wrapper_at is not command_at else None, ctx)
    manager.services_started = tuple(
        Setting(service.name, wrapper_at if wrapper_at is None or wrapper_at is command_at
                else Span(wrapper_at.path, service.line, service.column, service.end_column))
        for service in server.services)
    manager.supervisords_before = tuple(
        Setting(line.argv, wrapper_at if wrapper_at is None or wrapper_at is command_at
                else Span(wrapper_at.path, line.line, line.column, line.end_column))
        for line in server.managers_before)
    manager.servers_beside = [
        Setting(program.name, wrapper_at if wrapper_at is None or wrapper_at is command_at
                else Span(wrapper_at.path, program.line, program.column, program.end_column))
        for program in server.programs_before if program.name in UNREAD_SERVER_RUNTIMES]
    if server.traps:
        manager.wrapper_traps = Setting(server.traps, wrapper_at if wrapper_at is None or wrapper_at is command_at
                                        else Span(wrapper_at.path, server.trap_line))
    if server.hands_off is not None:
        hand = server.hands_off
        manager.hands_off = Setting(hand.command, wrapper_at if wrapper_at is None or wrapper_at is command_at
                                    else Span(wrapper_at.path, hand.line, hand.column, hand.end_column))
    # The lines of a script are its own; a `-c` text is one place, the command that holds it.
    in_text = wrapper_at is command_at
    manager.rewrites = tuple(FileRewrite(write.path, write.how, (wrapper_at or manager.at) if in_text or wrapper_at is None
                                         else Span(wrapper_at.path, write.line, write.column, write.end_column),
                                         write.source)
                             for write in server.writes)
    server_argv = server.argv if arguments is None else given_arguments(server.argv, arguments)
    manager.argv = Setting(server_argv, wrapper_at)
    _launched(manager, recognise(server_argv), wrapper_at)
    return server.alone


def _moved_into(directory: str, start_dir: str | None) -> str | None:
    """The folder `cd DIRECTORY` moves a shell into from ``start_dir``; None where its words
    do not show it (a variable the script did not set, `~`, `cd -`, a command's output)."""
    if "$" in directory or "`" in directory or directory.startswith("~") or directory == "-":
        return None
    if directory.startswith("/"):
        return posixpath.normpath(directory)
    return posixpath.normpath(posixpath.join(start_dir, directory)) if start_dir else None


def _dev_server_beside(server: shell.ServerLine, wrapper: shell.WrapperScript | None,
                      ctx: ReadContext | None) -> tuple[Setting[list[str]], ...]:
    """The development server a wrapper script starts on another line than its server's."""
    from ..readers import shell

    if wrapper is None or ctx is None:
        return ()
    found = shell.read_dev_server(wrapper.path, ctx)
    return (Setting(found[0].argv, found[1]),) if found is not None and found[1].line != server.line else ()


def _launched(manager: ProcessManager, command: Command | None, at: Span | None) -> None:
    """A server started through runners and user switchers (``uv run``, ``gosu app``): its
    own command line (``command``, what ``recognise`` found in the start's argv) becomes the
    manager's argv, the launchers are kept, and the user the innermost switcher names is
    the one it runs as."""
    if command is None or not command.launchers:
        return
    manager.argv = Setting(command.server_argv, at)
    _switched(manager, command.launchers, at)


def _switched(manager: ProcessManager, launchers: tuple[Launcher, ...], at: Span | None) -> None:
    """The launchers kept, and the user the innermost switcher names as the one it runs as."""
    manager.launchers = launchers
    switcher = next((launcher for launcher in reversed(launchers) if launcher.user), None)
    if switcher is not None:
        user, _, group = switcher.user.partition(":")
        note = f"`{switcher.name} {switcher.user}` runs it as {user}"
        manager.user = Setting(user, at, note)
        if group:
            manager.group = Setting(group, at, note)


def _dev_server(manager: ProcessManager, argv: list[str], dash_c: bool, command_at: Span | None,
                ctx: ReadContext | None, start_dir: str | None) -> None:
    """A start that runs no uWSGI nor Gunicorn may run a development server: as its own
    command, in its ``sh -c`` text, or in a script of the tree it runs."""
    from ..readers import shell

    if dev_server(argv) is not None:
        manager.dev_server = Setting(argv, command_at)
        return
    if dash_c:
        text = argv[argv.index("-c", 1) + 1]
        line = shell.dev_server_of_shell_command(text)
        if line is not None:
            manager.dev_server = Setting(line.argv, command_at)
        call = shell.script_call(text) if line is None else None
        script = _script_of(call[0]) if call is not None else []
        local = _local_script(script[0], ctx, start_dir) if script else None
    else:
        script_at = shell.script_index(argv)
        local = _local_script(argv[script_at], ctx, start_dir) if script_at is not None else None
    found = shell.read_dev_server(local, ctx) if local is not None and ctx is not None else None
    if found is not None:
        manager.dev_server = Setting(found[0].argv, found[1])
    elif manager.dev_server is None and ctx is not None:
        _server_in_script(manager, shell.commands_run(argv), command_at, ctx, start_dir)


def _server_in_script(manager: ProcessManager, commands: list[list[str]], command_at: Span | None,
                      ctx: ReadContext, start_dir: str | None) -> None:
    """A command that runs a Python script of the tree (``python3 server.py``) whose own code
    starts a server (``app.run(...)``, ``uvicorn.run(...)``): that command runs a development
    server, which listens where the call says."""
    from ..core.commands import python_script
    from ..readers.python_server import script_server

    for command in commands:
        script = python_script(command)
        local = _local_script(script, ctx, start_dir) if script else None
        if local is None and script and start_dir and posixpath.isabs(start_dir) and ctx.filesystem is None:
            # A host folder the tree is checked out to (`WorkingDirectory=/home/ubuntu/app`): the
            # tree's one file that ends with the script's path there. (A container's files are
            # the ones its build copies and its mounts show.)
            found_at = ctx.local(posixpath.join(start_dir, script))
            local = found_at if found_at is not None and os.path.isfile(found_at) else None
        text = ctx.read(local, peek=True).text if local is not None else None
        found = script_server(text) if text is not None else None
        if found is not None and local is not None:
            manager.dev_server = Setting(command, command_at)
            at = Span(ctx.display(local), found.line, found.column, found.end_column)
            manager.dev_server_in_code = Setting(found, at)
            return


def _script_of(call: list[str]) -> list[str]:
    """The script a ``sh -c`` text runs, with its arguments: the first word, or the word after
    a shell that runs it after its options (``/bin/bash -x ./start.sh``); none for a shell that
    runs no script file (``bash -c TEXT``)."""
    from ..readers import shell

    index = shell.script_index(call)
    return call[index:] if index is not None else []


def _taken(manager: ProcessManager, wrapper: shell.WrapperScript, args: list[str], command_at: Span | None,
           ctx: ReadContext | None, start_dir: str | None) -> bool | None:
    """A script started with arguments may run them (`exec "$@"`) instead of its server line
    (``if [ $# -gt 0 ]; then exec "$@"; else exec uwsgi …; fi``): then what runs is the
    arguments, resolved like any command; where the reader cannot tell which branch runs,
    or the arguments take no branch that runs a server or them (a dispatcher's `web` case
    given another word), the start is not all the files show and the server line is not
    claimed. None: the server line runs, as read."""
    from ..readers import shell

    if not args:
        return None
    runs = shell.runs_with(wrapper.server, args)
    if runs is True:
        return None
    if runs is False and shell.hands_over(wrapper.server, args):
        manager.runs_program = os.path.basename(args[0])
        return _resolve_wrapper(manager, args, command_at, ctx, start_dir)
    # Neither the server line nor the arguments: what runs (an exit, another branch) is not a
    # start the files show.
    manager.runs_program = os.path.basename(wrapper.path)
    return False


# The PATH runc gives a container whose image sets none (the official Python images keep it,
# with /usr/local/bin first); a bare command name is looked up in it, not in the workdir.
_CONTAINER_PATH = ("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")


def _local_script(script: str, ctx: ReadContext | None, start_dir: str | None) -> str | None:
    """Where the checked tree holds the script ``script`` names; in a container, a bare name
    (``ENTRYPOINT ["entrypoint.sh"]``) also where the build copied it into a PATH folder."""
    if ctx is None:
        return None
    local_dir = ctx.local(start_dir) if start_dir else None
    local = ctx.local(script, local_dir)
    if local and os.path.isfile(local):
        return local
    if ctx.filesystem is None:
        return None
    if start_dir and not posixpath.isabs(script):
        # A WORKDIR the build filled file by file (`COPY docker/start.sh start.sh`) has no
        # local twin, but what it copied there does.
        in_place = ctx.copied(posixpath.normpath(posixpath.join(start_dir, script)))
        if in_place and os.path.isfile(in_place):
            return in_place
    if "/" in script:
        return None
    found = (ctx.copied(f"{folder}/{script}") for folder in _CONTAINER_PATH)
    return next((path for path in found if path and os.path.isfile(path)), None)


def _script(script: str, ctx: ReadContext | None, start_dir: str | None) -> shell.WrapperScript | None:
    """The wrapper script ``script`` names, when the checked tree holds it."""
    from ..readers import shell

    local = _local_script(script, ctx, start_dir)
    return shell.read_wrapper(local, ctx) if local is not None and ctx is not None else None


def _passes_arguments(script: str, ctx: ReadContext, start_dir: str | None) -> shell.PassedArguments | None:
    from ..readers import shell

    local = _local_script(script, ctx, start_dir)
    return shell.passes_arguments(local, ctx) if local is not None else None


# ------------------------------------------------------------------ supervisor


def _setting(value: supervisor.SupervisorValue | None, converted: Any, default: Any) -> Setting[Any]:
    if value is None or converted is None:
        return Setting(default, None, _SUPERVISOR_DEFAULT)
    return Setting(converted, value.at)


def _typed(value: supervisor.SupervisorValue | None, expanded: supervisor.Expanded | None, convert: Any) -> Any:
    if value is None or expanded is None or expanded.error or expanded.unresolved:
        return None
    try:
        return convert(expanded.text)
    except ValueError:
        return None


def _supervisor_stderr_file(section: supervisor.SupervisorSection, process: supervisor.SupervisorProcess,
                            names: dict[str, str]) -> Setting[str] | None:
    """Where supervisord writes the program's stderr: ``stderr_logfile``, or ``stdout_logfile``
    with ``redirect_stderr=true`` (supervisord then ignores ``stderr_logfile``: options.py).
    ``AUTO``, ``NONE``, ``syslog`` and a relative name are no file the configs show."""
    redirect_value, redirect_expanded = _value_of(section, process, names, "redirect_stderr")
    redirected = _typed(redirect_value, redirect_expanded, supervisor.parse_boolean)
    value, expanded = _value_of(section, process, names, "stdout_logfile" if redirected else "stderr_logfile")
    if value is None or expanded is None or expanded.error or expanded.unresolved \
            or not expanded.text.startswith("/"):
        return None
    return Setting(posixpath.normpath(expanded.text), value.at)


def _value_of(section: supervisor.SupervisorSection, process: supervisor.SupervisorProcess, names: dict[str, str],
              key: str) -> tuple[supervisor.SupervisorValue | None, supervisor.Expanded | None]:
    """A program key as read, and as supervisord expands it for this process."""
    value = section.get(key)
    if value is None:
        return None, None
    if key in process.values:
        return value, process.values[key]
    return value, supervisor.expand(value.raw, names, f"{section.name}.{key}")


class SupervisorKeys(Mapping[str, Setting[Any]]):
    """A program section's keys as its manager's ``options``: each key's text where it is
    written, made when asked from the model's section, which holds them already (a Setting
    per key of every program was 30 000 objects and 3 MiB at 5000 apps)."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, SupervisorValue]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> Setting[Any]:
        value = self._values[key]
        return Setting(value.raw, value.at)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return repr(dict(self))


def managers_from_supervisor(config: supervisor.SupervisorConfig, ctx: ReadContext,
                             model: SupervisorConfig | None = None) -> list[ProcessManager]:
    """One manager per process of each ``[program:x]``/``[fcgi-program:x]`` (``numprocs`` gives several);
    ``model`` is the model's view of ``config`` (made here when not given), whose keys the
    managers' ``options`` show."""
    supervisord = config.section("supervisord")
    global_environment = supervisord.get("environment") if supervisord else None
    inherited = _reads_supervisord_environment(config)
    sections = {section.name: section for section in (model or supervisor_config(config, ctx)).sections}
    managers = []
    for process in config.processes:
        section = process.section
        if section.kind not in ("program", "fcgi-program"):
            continue
        # The keys supervisord reads before its per-process loop know no process_num.
        names = {"program_name": section.label, "group_name": process.group}

        manager = ProcessManager("supervisor", process.name, section.at)
        manager.options = SupervisorKeys(sections[section.name].effective)

        command, command_expanded = _value_of(section, process, names, "command")
        if command is not None and command_expanded is not None:
            if process.argv is not None:
                manager.argv = Setting(process.argv, command.at)
            else:
                manager.argv = Setting([], command.at, process.argv_error or command_expanded.error)

        user, user_expanded = _value_of(section, process, names, "user")
        if user is not None and user_expanded is not None and not user_expanded.error:
            manager.user = Setting(user_expanded.text, user.at)
        directory, directory_expanded = _value_of(section, process, names, "directory")
        if directory is not None and directory_expanded is not None and not directory_expanded.error:
            manager.directory = Setting(directory_expanded.text, directory.at)

        manager.stderr_file = _supervisor_stderr_file(section, process, names)

        for name, env_value in process.environment.items():
            source = section.get("environment") if name in process.own_environment else global_environment
            run_time = _run_time_name().search(env_value)
            if run_time is None:
                manager.environment[name] = Setting(env_value, source.at if source else None)
            else:
                manager.environment_unknown[name] = Setting(
                    name, source.at if source else None,
                    f"{name} is expanded from {run_time.group(0)}, which the files do not show")
        manager.environment_unseen = inherited

        signal_value, signal_expanded = _value_of(section, process, names, "stopsignal")
        manager.stop_signal = _setting(signal_value, _typed(signal_value, signal_expanded, supervisor.parse_signal),
                                       "TERM")
        wait_value, wait_expanded = _value_of(section, process, names, "stopwaitsecs")
        wait = _typed(wait_value, wait_expanded, int)
        manager.stop_timeout = _setting(wait_value, float(wait) if wait is not None else None, 10.0)
        stop_group_value, stop_group_expanded = _value_of(section, process, names, "stopasgroup")
        kill_group_value, kill_group_expanded = _value_of(section, process, names, "killasgroup")
        stop_group = _typed(stop_group_value, stop_group_expanded, supervisor.parse_boolean)
        kill_group = _typed(kill_group_value, kill_group_expanded, supervisor.parse_boolean)
        if kill_group is not None:
            manager.kills_group = Setting(kill_group, kill_group_value.at)   # type: ignore[union-attr]
        elif stop_group is not None:   # killasgroup defaults to stopasgroup
            manager.kills_group = Setting(stop_group, stop_group_value.at)   # type: ignore[union-attr]
        else:
            manager.kills_group = Setting(False, None, _SUPERVISOR_DEFAULT)

        if manager.argv is not None and manager.argv.value:
            start_dir = manager.directory.value if manager.directory else None
            _resolve_wrapper(manager, manager.argv.value, command.at if command else None, ctx, start_dir)
        managers.append(manager)
    return managers


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
# A name supervisord expands only at run time, left in an expanded value as written.
@functools.cache
def _run_time_name() -> re.Pattern[str]:
    return re.compile(r"%\((?:ENV_\w+|here|host_node_name)\)s")


@functools.cache
def _reads_env() -> re.Pattern[str]:
    return re.compile(r"(?<!%)%\(ENV_\w+\)")


def _reads_supervisord_environment(config: supervisor.SupervisorConfig) -> Setting[str] | None:
    """supervisord passes its own environment to every program. Started by the
    distribution's unit it holds nothing of the app's, and the programs get what the files
    show; a config that expands ``%(ENV_X)s`` shows that supervisord is started with
    variables the files do not show, and any of them reaches the programs."""
    for section in config.sections:
        for key, value in section.keys.items():
            # Only a value holding "%(ENV_" can match: most hold none, and the pattern is not compiled.
            found = _reads_env().search(value.raw) if "%(ENV_" in value.raw else None
            if found is not None:
                return Setting(found.group(0), value.at, f"supervisord passes on its own environment, which the "
                               f"files do not show ([{section.name}] {key} reads {found.group(0)}s from it)")
    return None


# --------------------------------------------------------------------- systemd


def _made_before_start(commands: list[systemd.ExecCommand]) -> tuple[Setting[str], ...]:
    """The absolute directories `mkdir` makes in ``ExecStartPre=`` lines, run as written or in
    a shell's `-c` text (`bash -c 'mkdir -p /run/uwsgi; chown nginx /run/uwsgi'`)."""
    from ..readers.shell import commands_run

    made: list[Setting[str]] = []
    for command in commands:
        for words in commands_run(command.argv):
            if words and os.path.basename(words[0]) == "mkdir":
                made.extend(Setting(posixpath.normpath(word), command.at) for word in words[1:]
                            if word.startswith("/") and "$" not in word)
    return tuple(made)


def manager_from_unit(unit: systemd.SystemdUnit, ctx: ReadContext | None = None) -> ProcessManager | None:
    """A ``.service`` unit with ``ExecStart=``; ``ctx`` lets a wrapper script in the tree be read."""
    if unit.kind != "service":
        return None
    commands = unit.exec_start
    if not commands:
        return None
    header = next((at for name, at in unit.sections if name == "Service"), Span(unit.display or unit.path))
    manager = ProcessManager("systemd", unit.name, header)
    first = commands[0]
    manager.argv = Setting(first.argv, first.at, first.error)

    def setting(key: str, convert: Any, default: Any = None) -> Setting[Any] | None:
        entry = unit.last("Service", key)
        converted = convert(entry.value) if entry is not None else None
        if converted is None:
            return None if default is None else Setting(default, None, _SYSTEMD_DEFAULT)
        return Setting(converted, entry.at)   # type: ignore[union-attr]

    manager.user = setting("User", str)
    manager.group = setting("Group", str)
    manager.directory = setting("WorkingDirectory", lambda v: v.lstrip("-"))
    manager.service_type = setting("Type", str, "simple")
    manager.stop_signal = setting("KillSignal", systemd.normalise_signal, "TERM")   # type: ignore[assignment]
    timeout = unit.last("Service", "TimeoutStopSec") or unit.last("Service", "TimeoutSec")
    seconds = systemd.parse_timespan(timeout.value) if timeout else None
    manager.stop_timeout = Setting(seconds, timeout.at) if seconds is not None and timeout else \
        Setting(systemd.DEFAULT_TIMEOUT_STOP, None, _SYSTEMD_DEFAULT)
    kill_mode = setting("KillMode", str, "control-group")
    manager.kills_group = Setting(kill_mode.value in ("control-group", "mixed"), kill_mode.at, kill_mode.note)  # type: ignore[union-attr]
    manager.private_tmp = setting("PrivateTmp", systemd.parse_bool, False)
    manager.stdin = setting("StandardInput", str, "null")
    manager.runtime_directories = [Setting(word, entry.at) for word, entry in unit.runtime_directories]
    manager.start_creates = _made_before_start(unit.exec_start_pre)
    manager.runtime_directory_mode = setting("RuntimeDirectoryMode", _octal, 0o755)
    _dynamic_user(manager, unit, setting("DynamicUser", systemd.parse_bool))
    manager.limit_nofile = setting("LimitNOFILE", systemd.parse_limit)
    manager.stderr_file = _systemd_stderr_file(unit)
    _systemd_environment(manager, unit, ctx)
    options: dict[str, Setting[Any]] = {}
    for entry in unit.entries:
        if not entry.section:   # before any section: systemd ignores it
            continue
        key = entry.key if entry.section == "Service" else f"{entry.section}.{entry.key}"
        options[key] = Setting(entry.value, entry.at)
    start_dir = manager.directory.value if manager.directory else None
    _stop_command(manager, unit, ctx, start_dir)
    _resolve_wrapper(manager, first.argv, first.at, ctx, start_dir)
    if manager.wrapper is not None:
        options["command"] = Setting(" ".join(first.argv), first.at)
    manager.options = options
    return manager


def _stop_command(manager: ProcessManager, unit: systemd.SystemdUnit, ctx: ReadContext | None,
                  start_dir: str | None) -> None:
    """systemd runs ExecStop= first and sends KillSignal= only to what is left: the signal the
    first ExecStop= command that signals the server sends (`kill -INT $MAINPID`, `uwsgi
    --stop PIDFILE`, also inside a `sh -c` text or a script of the tree) is the stop signal;
    an ExecStop= that shows none leaves the stop's first step unknown."""
    from ..readers import shell

    stops = [stop for stop in unit.exec_stop if stop.argv]   # systemd ignores a line it cannot split
    for stop in stops:
        sent = _signal_sent(stop.argv)
        if sent:
            manager.stop_signal = Setting(sent, stop.at, f"ExecStop={' '.join(stop.argv)}")
            manager.stop_command = Setting(" ".join(stop.argv), stop.at)
            return
        if os.path.basename(stop.argv[0]) in shell.SHELLS and "-c" in stop.argv[1:-1]:
            commands = [(argv, stop.at) for argv in shell.text_commands(stop.argv[stop.argv.index("-c", 1) + 1])]
        else:
            script = _script_of(stop.argv)
            local = _local_script(script[0], ctx, start_dir) if script else None
            commands = shell.script_commands(local, ctx) if local is not None and ctx is not None else []
        for argv, at in commands:
            sent = _signal_sent(argv)
            if sent:
                manager.stop_signal = Setting(sent, at, f"ExecStop={' '.join(stop.argv)} runs `{' '.join(argv)}`")
                manager.stop_command = Setting(" ".join(stop.argv), stop.at)
                return
    if stops:
        manager.stop_command_unseen = Setting(" ".join(stops[0].argv), stops[0].at)


def _signal_sent(argv: list[str]) -> str:
    """The signal a stop command sends the service's server: `kill` to $MAINPID, `pkill` or
    `killall` of uWSGI or Gunicorn (`pkill -F` of a pidfile's process), `uwsgi --stop`
    (SIGINT: core/uwsgi.c); "" for any other command."""
    if not argv:
        return ""
    program = os.path.basename(argv[0])
    words = argv[1:]
    if program.startswith("uwsgi"):
        return "INT" if any(word == "--stop" or word.startswith("--stop=") for word in words) else ""
    if program not in _SIGNAL_OPTIONS:
        return ""
    sent, targets = "TERM", []
    index = 0
    while index < len(words):
        word = words[index]
        if index + 1 < len(words) and (word in _SIGNAL_OPTIONS[program] or (word == "-F" and program == "pkill")):
            if word == "-F":
                targets.append(word)
            else:
                sent = systemd.normalise_signal(words[index + 1])
            index += 2
            continue
        if word.startswith("--signal="):
            sent = systemd.normalise_signal(word.partition("=")[2])
        elif word[:1] == "-" and (word[1:].isdigit() or (word[1:].isalpha() and word[1:].isupper())):
            sent = systemd.normalise_signal(word[1:])
        elif word[:1] != "-":
            targets.append(word)
        index += 1
    if program == "kill":
        reaches = any(target in ("$MAINPID", "${MAINPID}") for target in targets)
    else:
        reaches = any(target == "-F" or "uwsgi" in target or "gunicorn" in target for target in targets)
    return sent if reaches else ""


# The options that name the signal, by program (pkill's -s is a session, its -n the newest process).
_SIGNAL_OPTIONS = {"kill": ("-s", "-n", "--signal"), "pkill": ("--signal",), "killall": ("-s", "--signal")}


def _systemd_stderr_file(unit: systemd.SystemdUnit) -> Setting[str] | None:
    """Where systemd writes the service's stderr: ``StandardError=file:PATH`` (or ``append:``,
    ``truncate:``), or by its default ``inherit`` where ``StandardOutput=`` goes (systemd.exec(5))."""
    entry = unit.last("Service", "StandardError")
    if entry is None or entry.value.strip() == "inherit":
        entry = unit.last("Service", "StandardOutput")
    if entry is None:
        return None
    how, _, path = entry.value.strip().partition(":")
    if how not in ("file", "append", "truncate") or not path.startswith("/") or "%" in path:
        return None   # the journal, a socket, a terminal; or a path with specifiers
    return Setting(posixpath.normpath(path), entry.at)


def _systemd_environment(manager: ProcessManager, unit: systemd.SystemdUnit, ctx: ReadContext | None) -> None:
    """The service's environment in systemd's order (execute.c): ``PassEnvironment=`` (the
    service manager's own variables, which the files do not show), then ``Environment=``,
    then each ``EnvironmentFile=``; ``UnsetEnvironment=`` last. An environment file is read
    when it is a regular file inside the checked tree; one the tree does not hold may set
    anything."""
    for entry in unit.values("Service", "PassEnvironment"):
        for name in entry.value.split():
            manager.environment_unknown[name] = Setting(
                name, entry.at, f"PassEnvironment={name} passes the service manager's own {name}, which the files "
                "do not show")
    for name, (value, entry) in unit.environment.items():
        manager.environment[name] = Setting(value, entry.at)
        manager.environment_unknown.pop(name, None)
    for entry in unit.environment_files:
        written = entry.value.strip()
        path = written.removeprefix("-")
        if not path.startswith("/"):
            continue   # systemd ignores a relative path
        text = None
        if ctx is not None and not any(c in path for c in "%*?["):
            local = ctx.local(path)
            if local and ctx.inside(local) and os.path.isfile(local):
                text = ctx.read(local, peek=True).text
            elif ctx.exists_on_target(path) is False and ctx.local_directory(posixpath.dirname(path)) is not None:
                continue   # the host the files show has its folder but no such file: it sets nothing
        if text is None:
            manager.environment_unseen = manager.environment_unseen or Setting(
                path, entry.at, f"EnvironmentFile={written} is not in the checked files")
            continue
        from ..readers.systemd_env import parse_environment_file  # here: only a unit with a file read needs it

        for name, value in parse_environment_file(text).items():
            manager.environment[name] = Setting(value, entry.at)
            manager.environment_unknown.pop(name, None)
    for entry in unit.values("Service", "UnsetEnvironment"):
        for word in entry.value.split():
            name, equals, value = word.partition("=")
            if not equals or (name in manager.environment and manager.environment[name].value == value):
                manager.environment.pop(name, None)
                manager.environment_unknown.pop(name, None)


def _octal(value: str) -> int | None:
    text = value.strip()
    return int(text, 8) if text and len(text) <= 4 and all(c in "01234567" for c in text) else None


def _dynamic_user(manager: ProcessManager, unit: systemd.SystemdUnit, dynamic: Setting[Any] | None) -> None:
    """``DynamicUser=yes``: a user allocated at start, named by ``User=`` or after the unit,
    never root; it implies ``PrivateTmp=yes``, which cannot be turned off (systemd.exec(5))."""
    manager.dynamic_user = dynamic
    if dynamic is None or not dynamic.value:
        return
    if manager.user is None:
        name = unit.name.rsplit(".", 1)[0]
        manager.user = Setting(name, dynamic.at, f"DynamicUser=yes: a user named {name}, allocated at start")
    manager.private_tmp = Setting(True, dynamic.at, "DynamicUser=yes implies PrivateTmp=yes")
