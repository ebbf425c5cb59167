"""Command runners and user switchers in front of a server: ``uv run gunicorn ...``, ``gosu app uwsgi ...``.

``unwrap`` takes them off a command line, the way each tool parses its own options, and says
what each does to the server behind it: the user it runs it as, and whether it stays the
server's parent (it starts a child) or replaces itself with it (exec), and then which stop
signals it passes on. The recogniser (``commands.recognise``) calls it, so every producer sees
through them alike.

Measured with ``tools/measure_runners.py`` (as root on Debian 12; a stand-in server started
through the tool notes its pid, uid and each signal; the signal goes to the tool's pid only,
as Supervisor, systemd with KillMode=process and ``docker stop`` send it); the table, with
the versions, is in docs/design.md ("Runners and user switchers"). Not installable here:
su-exec (ncopa/su-exec su-exec.c@0231008: ``execvp`` after ``setuid``) and rye (astral-sh/rye
rye/src/cli/run.rs@a4553dd: ``exec_spawn``, ``CommandExt::exec`` on Unix), both exec; so does
envplate's ``ep files... -- command`` once it has filled the files in from the environment
(kreuzwerker/envplate bin/ep.go@ec00ede: ``syscall.Exec`` of the words after the first ``--``,
with no PATH search, so only a command given by its path starts).

Tools that wait for a dependency and then start the command, read from their source (not
installed here): ``wait-for-it.sh host:port -- CMD`` (vishnubob/wait-for-it, copied into many
trees) ends with ``exec "${WAITFORIT_CLI[@]}"`` (``exec $CLI`` in older copies), and the
home-made scripts of that name that take ``--`` end with ``exec "$@"``: the command replaces it.
``dockerize [-wait URL ...] CMD`` (jwilder/dockerize exec.go) starts CMD as a child
(``exec.Command``), passes SIGHUP, SIGINT and SIGTERM on and kills it 10 s after one.
``holdup [options] SERVICE... -- CMD`` (ionelmc/python-holdup, src/holdup/cli.py at 5.1.1)
takes the words before the first ``--`` as its own and ``os.execvp``s the words after it;
without ``--`` it runs nothing.

An agent's launcher, read from its source: ``newrelic-admin run-program CMD ...`` (newrelic
14.1.0, newrelic/admin/run_program.py) puts its bootstrap on ``PYTHONPATH`` and ``os.execl``s
CMD with the words after it, found on PATH; ``run-program`` takes no options of its own.

Inits put in front of a container's command, measured like the runners: tini (``ENTRYPOINT
["tini", "--"]``; Docker's ``--init`` and Compose's ``init: true`` run their copy of it as
``docker-init --``) and dumb-init start it as their child and pass every stop signal on; when
that child ends they end, and with PID 1 gone the kernel SIGKILLs what is left in the
container.
"""
from __future__ import annotations

import posixpath

from .record import dataclass

_EVERY_STOP = ("TERM", "INT", "QUIT")


@dataclass(frozen=True, slots=True)
class Launcher:
    """A tool the command runs the server through."""

    name: str                      # as findings name it: "uv run", "gosu", "runuser -u"
    user: str = ""                 # the user (``user:group``) it runs the server as; "": its own
    stays: bool = False            # it starts the server as its child and stays (no exec)
    forwards: tuple[str, ...] = ()  # the stop signals it passes to that child (TERM, INT, QUIT)
    # Seconds after passing a stop signal on that it SIGKILLs the child: util-linux's runuser
    # (login-utils/su-common.c: kill(child, SIGTERM); sleep(2); kill(child, SIGKILL)), measured:
    # a stand-in that takes 3 s to stop is killed.
    kills_after: float | None = None


# What each tool does, as measured (module docstring): (stays, signals passed on).
_BEHAVIOUR: dict[str, tuple[bool, tuple[str, ...]]] = {
    "uv run": (True, _EVERY_STOP),
    "uvx": (True, _EVERY_STOP),
    "uv tool run": (True, _EVERY_STOP),
    "poetry run": (False, ()),
    "pipenv run": (False, ()),
    "pdm run": (True, ("TERM",)),
    "hatch run": (True, ()),
    "rye run": (False, ()),
    "gosu": (False, ()),
    "su-exec": (False, ()),
    "setpriv": (False, ()),
    "chpst": (False, ()),
    "s6-setuidgid": (False, ()),
    "runuser -u": (True, ("TERM",)),
    "su -c": (True, ("TERM",)),
    "runuser -c": (True, ("TERM",)),
    "sudo": (True, _EVERY_STOP),
    "env": (False, ()),
    "nohup": (False, ()),
    "wait-for-it": (False, ()),
    "holdup": (False, ()),
    "dockerize": (True, ("TERM", "INT")),
    "ep": (False, ()),
    "newrelic-admin run-program": (False, ()),
    "tini": (True, _EVERY_STOP),
    "dumb-init": (True, _EVERY_STOP),
}

# Options that take the next word as their value, per tool (the others are flags).
_UV_GLOBAL = frozenset(("--cache-dir", "--color", "--allow-insecure-host", "--directory", "--project",
                        "--config-file"))
_UV_RUN = _UV_GLOBAL | frozenset((
    "--extra", "--no-extra", "--group", "--no-group", "--only-group", "--no-editable-package", "--env-file",
    "-w", "--with", "--with-editable", "--with-requirements", "--package", "--python-platform", "--index",
    "--default-index", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--index-strategy",
    "--keyring-provider", "-P", "--upgrade-package", "--upgrade-group", "--resolution", "--prerelease",
    "--prerelease-package", "--fork-strategy", "--exclude-newer", "--exclude-newer-package",
    "--no-sources-package", "--reinstall-package", "--link-mode", "-C", "--config-setting",
    "--config-settings-package", "--no-build-isolation-package", "--no-build-package", "--no-binary-package",
    "--refresh-package", "-p", "--python"))
# `uvx` (`uv tool run`) takes uv run's options and these; its command may name a version
# (`gunicorn@23.0.0`, `gunicorn@latest`).
_UVX = _UV_RUN | frozenset(("--from", "-c", "--constraints", "--overrides", "-b", "--build-constraints"))
_POETRY = frozenset(("-C", "--directory", "-P", "--project"))
_PIPENV = frozenset(("--python", "--pypi-mirror"))
_PDM_GLOBAL = frozenset(("-c", "--config"))
_PDM_RUN = frozenset(("-p", "--project", "-k", "--skip", "--env", "--env-file", "--working-dir"))
_HATCH = frozenset(("-e", "--env", "-p", "--project", "--data-dir", "--cache-dir", "--config"))
_SETPRIV = frozenset(("--ruid", "--euid", "--reuid", "--rgid", "--egid", "--regid", "--groups", "--inh-caps",
                      "--ambient-caps", "--bounding-set", "--securebits", "--pdeathsig", "--selinux-label",
                      "--apparmor-profile", "--landlock-access", "--landlock-rule", "--seccomp-filter"))
_CHPST = frozenset(("-u", "-U", "-b", "-e", "-/", "-C", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c",
                    "-r", "-t"))
_RUNUSER = frozenset(("-u", "--user", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment",
                      "-s", "--shell"))
_SUDO = frozenset(("-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host",
                   "-p", "--prompt", "-r", "--role", "-t", "--type", "-T", "--command-timeout", "-U",
                   "--other-user", "-R", "--chroot"))
_ENV = frozenset(("-u", "--unset", "-C", "--chdir"))
# su's options (util-linux 2.38 su(1); runuser without -u takes the same) that take a value;
# getopt_long permutes, so they may follow the user (`su app -c "…"`).
_SU = frozenset(("-c", "--command", "--session-command", "-s", "--shell", "-g", "--group", "-G", "--supp-group",
                 "-w", "--whitelist-environment"))
# What makes a `-c` text more than one simple command of plain words: quotes, expansions,
# operators, redirections, globs, comments. Such a text is a script of its own, not followed.
_SHELL_SYNTAX = frozenset("'\"\\$`;&|<>(){}*?[]#~\n")
# tini's and dumb-init's options that take a value (tini.c's getopt string "sp:vwgle:hV";
# dumb-init's getopt_long table: -r/--rewrite s:r).
_TINI = frozenset(("-p", "-e"))
_DUMB_INIT = frozenset(("-r", "--rewrite"))
# dockerize's flags that take a value (Go's flag package: `-name v`, `-name=v`, one dash or two).
_DOCKERIZE = frozenset(("template", "stdout", "stderr", "delims", "wait-http-header", "wait", "timeout",
                        "wait-retry-interval"))


def _options(words: list[str], start: int, valued: frozenset[str]) -> tuple[int, dict[str, str]]:
    """Where the options from ``start`` end (after ``--``), and the value of each valued one
    (``--opt v``, ``--opt=v``, ``-ov``)."""
    values: dict[str, str] = {}
    index = start
    while index < len(words):
        word = words[index]
        if word == "--":
            return index + 1, values
        if not word.startswith("-") or word == "-":
            break
        if word.startswith("--") and "=" in word:
            name, _, value = word.partition("=")
            values[name] = value
        elif word in valued:
            values[word] = words[index + 1] if index + 1 < len(words) else ""
            index += 1
        elif not word.startswith("--") and word[:2] in valued:
            values[word[:2]] = word[2:]
        index += 1
    return index, values


def _subcommand(words: list[str], valued: frozenset[str], name: str) -> int | None:
    """The index after ``name`` (``run``) once the tool's global options are skipped."""
    index, _ = _options(words, 1, valued)
    return index + 1 if index < len(words) and words[index] == name else None


def _go_flags(words: list[str], valued: frozenset[str]) -> int:
    """Where a Go program's flags end (``flag.Parse``): at the first word that is not one, or
    after ``--``."""
    index = 1
    while index < len(words):
        word = words[index]
        if word == "--":
            return index + 1
        if not word.startswith("-") or word == "-":
            break
        name, equals, _ = word.lstrip("-").partition("=")
        index += 2 if name in valued and not equals else 1
    return index


def _one(words: list[str]) -> tuple[str, str, int] | None:
    """The launcher ``words`` start with: (its name, the user it switches to, where the
    command it runs starts); None when they start with none that ``unwrap`` follows."""
    tool = posixpath.basename(words[0])
    if tool in ("wait-for-it.sh", "wait-for-it"):
        # Its own arguments (host:port, -t 30, --strict) end at `--`; without one it runs nothing.
        return ("wait-for-it", "", words.index("--") + 1) if "--" in words[1:] else None
    if tool == "holdup":
        return ("holdup", "", words.index("--") + 1) if "--" in words[1:] else None
    if tool == "dockerize":
        return "dockerize", "", _go_flags(words, _DOCKERIZE)
    if tool in ("tini", "tini-static", "docker-init", "dumb-init"):
        index, _ = _options(words, 1, _DUMB_INIT if tool == "dumb-init" else _TINI)
        return ("dumb-init" if tool == "dumb-init" else "tini"), "", index
    if tool in ("gosu", "su-exec", "s6-setuidgid"):
        return (tool, words[1], 2) if len(words) > 2 and not words[1].startswith("-") else None
    if tool == "ep":
        start = words.index("--") + 1 if "--" in words[1:] else len(words)
        return ("ep", "", start) if words[start:start + 1] and words[start].startswith("/") else None
    if tool == "newrelic-admin":
        return ("newrelic-admin run-program", "", 2) if words[1:2] == ["run-program"] else None
    if tool == "nohup":
        return "nohup", "", 1 if words[1:2] != ["--"] else 2
    if tool == "env":
        index, _ = _options(words, 1, _ENV)
        while index < len(words) and "=" in words[index] and not words[index].startswith("="):
            index += 1
        return None if any(word in ("-S", "--split-string") or word.startswith("-S") for word in words[1:index]) \
            else ("env", "", index)
    after_tool = _subcommand(words, _UV_GLOBAL, "tool") if tool == "uv" else None
    if tool == "uvx" or after_tool is not None:
        if after_tool is not None and words[after_tool:after_tool + 1] != ["run"]:
            return None
        index, _ = _options(words, 1 if after_tool is None else after_tool + 1, _UVX)
        return ("uvx" if after_tool is None else "uv tool run"), "", index
    if tool in ("uv", "poetry", "pipenv", "pdm", "hatch", "rye"):
        valued = {"uv": _UV_GLOBAL, "poetry": _POETRY, "pipenv": _PIPENV, "pdm": _PDM_GLOBAL, "hatch": _HATCH,
                  "rye": frozenset()}[tool]
        after_run = _subcommand(words, valued, "run")
        if after_run is None:
            return None
        index, _ = _options(words, after_run, {"uv": _UV_RUN, "pdm": _PDM_RUN}.get(tool, frozenset()))
        if tool == "uv" and any(word in ("-m", "--module") for word in words[after_run:index]):
            return "uv run -m", "", index   # `uv run -m gunicorn`: python -m gunicorn
        if tool == "hatch":
            while index < len(words) and words[index][:1] in "+-":
                index += 1   # matrix selectors (+py=3.12)
        return f"{tool} run", "", index
    if tool == "setpriv":
        index, values = _options(words, 1, _SETPRIV)
        user = values.get("--reuid") or values.get("--ruid") or values.get("--euid") or ""
        group = values.get("--regid") or values.get("--rgid") or values.get("--egid") or ""
        return "setpriv", user + (":" + group if user and group else ""), index
    if tool == "chpst":
        index, values = _options(words, 1, _CHPST)
        return "chpst", values.get("-u", "").lstrip(":"), index
    if tool == "runuser":
        index, values = _options(words, 1, _RUNUSER)
        named = values.get("-u") or values.get("--user")
        # Without -u, runuser is su's form: `runuser app -c "…"` runs a shell with the text.
        return ("runuser -u", named, index) if named else None
    if tool == "sudo":
        index, values = _options(words, 1, _SUDO)
        if any(word in ("-b", "--background", "-l", "--list", "-e", "--edit", "-v", "--validate", "-K", "-k")
               for word in words[1:index]):
            return None
        return "sudo", values.get("-u") or values.get("--user") or "root", index
    return None


def _su_command(words: list[str]) -> tuple[str, str, list[str]] | None:
    """``su app -c "gunicorn app:app"`` (or runuser's su form): (the launcher's name, the user,
    the words of the text) when the text is one simple command of plain words, which the
    user's shell runs; None for anything else. The user is root when none is named."""
    tool = posixpath.basename(words[0])
    if tool not in ("su", "runuser"):
        return None
    text: str | None = None
    user = ""
    index = 1
    while index < len(words):
        word = words[index]
        if word == "--":
            user = user or (words[index + 1] if index + 1 < len(words) else "")
            break
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if word.startswith("-") and word != "-":
            if name in _SU and not equals:
                value = words[index + 1] if index + 1 < len(words) else ""
                index += 1
            elif name[:2] in _SU and not name.startswith("--") and len(name) > 2:
                name, value = name[:2], name[2:]
            if name in ("-c", "--command"):
                text = value
            elif name in ("--session-command", "-u", "--user", "-l", "--login"):
                # Another session's command; `runuser -u` is the exec form; a login shell
                # starts in the user's home, a folder the files do not show.
                return None
        elif word == "-":
            return None
        elif not user:
            user = word
        index += 1
    if text is None or any(char in _SHELL_SYNTAX for char in text):
        return None
    command = text.split()
    if not command or "=" in command[0]:
        return None
    return f"{tool} -c", user or "root", command


def unwrap(argv: list[str]) -> tuple[tuple[Launcher, ...], list[str]]:
    """The launchers ``argv`` starts with, outermost first, and the command behind them
    (``argv`` itself when it starts with none). ``python -m uv run …`` is uv's."""
    launchers: list[Launcher] = []
    words = argv
    for _ in range(len(argv)):   # each launcher takes at least its own name
        if not words:
            break
        if posixpath.basename(words[0]).startswith("python") and words[1:3] == ["-m", "uv"]:
            words = ["uv", *words[3:]]
        su = _su_command(words)
        if su is not None:
            launchers.append(_launcher(su[0], su[1]))
            words = su[2]
            continue
        found = _one(words)
        if found is None or found[2] >= len(words):
            break
        name, user, start = found
        launchers.append(_launcher(name.removesuffix(" -m"), user))
        words = (["python", "-m"] if name == "uv run -m" else []) + words[start:]
        if name in ("uvx", "uv tool run") and "@" in words[0] and "/" not in words[0]:
            words = [words[0].partition("@")[0], *words[1:]]   # `uvx gunicorn@23.0.0`: gunicorn
        environment, colon, command = words[0].partition(":")
        if name == "hatch run" and colon and environment and "/" not in environment and command:
            words = [command, *words[1:]]   # `hatch run prod:gunicorn`: gunicorn in the prod environment
    return tuple(launchers), words


# What Compose's `init: true` puts in front of a service's command: Docker's copy of tini.
COMPOSE_INIT = Launcher("docker-init (`init: true`)", "", True, _EVERY_STOP)


def _launcher(name: str, user: str) -> Launcher:
    stays, forwards = _BEHAVIOUR[name]
    return Launcher(name, user, stays, forwards, {"runuser -u": 2.0, "su -c": 2.0, "runuser -c": 2.0,
                                                  "dockerize": 10.0}.get(name))
