"""Facts the Supervisor and systemd rules share: the key tables of the two managers,
did-you-mean suggestions, whether the server a manager starts drops root itself, whether
the program it starts forks away from the process the manager started, whether the
server's options are all read, and whether Gunicorn's forwarded_allow_ips keeps its
default in the environment the manager gives it. Light on imports (no reader): rules of
trees without Gunicorn load it too."""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..core.paths import home_folder
from . import (
    AppServer,
    Deployment,
    Host,
    ProcessManager,
    Setting,
    Span,
    SupervisorConfig,
    SupervisorSection,
    SupervisorValue,
)
from ._manager_key_tables import SUPERVISOR_SECTIONS, SYSTEMD_DIRECTIVES
from .rewrites import config_argument
from .uwsgi_values import master_on

# uWSGI options that load another config file; when one of them was not read, the
# server's own settings are not all known.
_UWSGI_CONFIG_KEYS = ("ini", "xml", "xmlconfig", "yaml", "yml", "json", "js", "include", "inherit", "config")
# Config formats wsgilint does not read (discovery lists them, "not read yet"): what they set is unknown.
_UWSGI_UNREAD_FORMATS = ("xml", "xmlconfig", "yaml", "yml", "json", "js")
ROOT_NAMES = ("root", "0")
# supervisord's short options that take a value (supervisor/options.py, 4.3): in a cluster
# such as `-nc FILE` the letters after one of them are its value, not flags.
_SUPERVISORD_VALUED = frozenset("cumdlyzejiqa")


@cache
def supervisor_keys() -> dict[str, frozenset[str]]:
    """Section kind → the keys supervisord 4.3 reads there (``supervisor_keys.json``, written
    out in ``_manager_key_tables``)."""
    return {kind: frozenset(keys) for kind, keys in SUPERVISOR_SECTIONS.items()}


def systemd_directives() -> dict[str, Any]:
    """``{"systemd": version, "sections": {section: keys}, "targets": [...]}`` (``systemd_directives.json``,
    written out in ``_manager_key_tables``)."""
    return SYSTEMD_DIRECTIVES


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate ``word`` was most likely meant to be: same letters in another case first."""
    candidates = list(candidates)
    for candidate in candidates:
        if candidate.lower() == word.lower():
            return candidate
    folded = {c.lower().replace("_", "").replace("-", ""): c for c in candidates}
    squashed = word.lower().replace("_", "").replace("-", "")
    if squashed in folded:
        return folded[squashed]
    close = difflib.get_close_matches(word.lower(), [c.lower() for c in candidates], 1, cutoff)
    if not close:
        return None
    return next(c for c in candidates if c.lower() == close[0])


def _config_unread(server: AppServer) -> bool:
    """True when a config file the server loads was not in the checked files."""
    if server.kind == "uwsgi":
        # `ini = :base` loads a section of the file it is written in: read with it, no file more.
        # One file named twice (`--ini /app/uwsgi.ini` and UWSGI_INI=/app/uwsgi.ini) is one source.
        loaders = {str(o.value) for o in server.all(*_UWSGI_CONFIG_KEYS) if not str(o.value).startswith(":")}
        return bool(server.unread_configs) or len(loaders) > len(server.sources) or \
            bool(server.all(*_UWSGI_UNREAD_FORMATS))
    return server.has("config") and not server.sources


def unread_config(server: AppServer) -> str | None:
    """The config file a server loads that the checked files do not hold, as written (or as
    the option naming it says); None when every config file it loads was read."""
    if not _config_unread(server):
        return None
    if server.unread_configs:
        return server.unread_configs[0].spec
    loaders = server.all(*_UWSGI_CONFIG_KEYS) if server.kind == "uwsgi" else server.all("config")
    return str(loaders[-1].value) if loaders else "a config file"


def options_unseen(server: AppServer, with_image: bool = False) -> Setting[str] | None:
    """Why options this server runs with may be missing from the checked files, for rules that
    report an option's absence (an absence is asserted only for what was read): a config file
    it loads that was not read, and, ``with_image``, the image it runs in (``unseen_base``).
    The value labels where (``loads x.ini here``, ``built FROM img``), ``at`` is that place,
    ``note`` the clause that names it. None when every file it loads was read (and, asked, its
    image adds nothing unseen).

    An image wsgilint does not know is nearly always an OS or runtime image that configures no
    uWSGI (bitnami/python, ypcs/debian): only U110 and U111 count it, as they did before; the
    other missing-option rules keep their severity there (their findings on such images were
    judged true in round 7's held-back half)."""
    unread = unread_config(server)
    if unread is not None:
        at = server.unread_configs[0].at if server.unread_configs else server.at
        return Setting(f"loads {unread} here", at,
                       f"its options in {unread}, which is not among the checked files, are not known")
    base = server.unseen_base
    if with_image and base is not None:
        return Setting(f"built FROM {base.value}", base.at, base.note)
    return None


def drops_privileges(manager: ProcessManager) -> bool | None:
    """Whether the server a manager starts switches away from root by itself.

    True for nginx (its master stays root by design, its workers run as ``user``),
    a uWSGI Emperor (each vassal sets its own ``uid``), uWSGI with ``uid`` and
    Gunicorn with ``user`` other than root; False when the server's settings are all
    known and none of them does it; None when wsgilint cannot tell (another program,
    an unread config file, a value only known at run time).
    """
    if manager.runs_program == "nginx":
        return True
    server = manager.runs
    if server is None:
        return None
    if server.kind == "uwsgi" and server.has("emperor"):
        return True
    user = server.user
    if user is not None:
        return None if any(o.unresolved for o in server.all("uid", "user")) else str(user.value) not in ROOT_NAMES
    if _config_unread(server) or any(o.unresolved for o in server.options if o.key in _UWSGI_CONFIG_KEYS):
        return None
    return False


def switched_to_root(manager: ProcessManager) -> bool:
    """The innermost user switcher on the command line (``sudo``, ``gosu root``) runs the
    server as root, whatever the manager's own user."""
    switcher = next((launcher for launcher in reversed(manager.launchers) if launcher.user), None)
    return switcher is not None and switcher.user.split(":", 1)[0] in ROOT_NAMES


def unused_configs(deployment: Deployment) -> set[int]:
    """The ids of the servers a repository's files neither start nor pass requests to, where
    its nginx configs pass to others: an old config beside the one deployed, or one deployed in
    a way the files do not show; or where every nginx config of the tree is a template (listed,
    not read: where it passes is not known). A finding about what such a server would do is an
    assumption."""
    if not deployment.routes and not (deployment.templates_of("nginx") and not deployment.nginx):
        return set()
    served = {id(listener.server) for route in deployment.routes for target in route.targets
              for listener in deployment.reached(route, target)}
    return {id(server) for server in deployment.app_servers
            if deployment.started_nowhere(server) and id(server) not in served}


def stop_reloads(manager: ProcessManager, deployment: Deployment) -> bool:
    """Whether the manager's stop signal makes the uWSGI 2.0 master it runs reload instead of
    exit (SIGTERM without die-on-term, SIGQUIT with it), so the stop ends in SIGKILL. uWSGI
    2.1 exits on SIGTERM; `exit-on-reload` makes a reload an exit."""
    server = manager.runs
    if deployment.host.version("uwsgi") >= (2, 1) or server is None or server.kind != "uwsgi" \
            or not master_on(server) or server.enabled("exit-on-reload"):
        return False
    signal = manager.stop_signal.value
    return (signal == "TERM" and not server.enabled("die-on-term") and not _term_shuts_down(server)) \
        or (signal == "QUIT" and server.enabled("die-on-term"))


def stop_kills_outright(manager: ProcessManager) -> str | None:
    """Why the manager's stop signal ends the uWSGI it runs without its exit handlers (vacuum
    among them), or None: SIGKILL always; SIGQUIT where there is no master, because the lone
    worker installs no handler for it and dies by the default action (measured with uWSGI
    2.0.31 under Supervisor 4.3.0: "terminated by SIGQUIT", the socket left even with vacuum)."""
    server = manager.runs
    if server is None or server.kind != "uwsgi":
        return None
    signal = manager.stop_signal.value
    if signal == "KILL":
        return "SIGKILL, which no process can handle"
    if signal == "QUIT" and not master_on(server) and options_unseen(server) is None:
        return "SIGQUIT, for which uWSGI without `master` installs no handler: the signal's default action kills it"
    return None


# The master functions a `unix_signal` hook may run that end the instance (core/hooks.c).
_SHUTDOWNS = frozenset({"gracefully_kill_them_all", "kill_them_all"})


def _term_shuts_down(server: AppServer) -> bool:
    """``hook-master-start = unix_signal:15 gracefully_kill_them_all``: the master's own SIGTERM
    handler replaced by one that shuts the instance down (measured with uWSGI 2.0.31: SIGTERM
    ends it, exit 0, as `die-on-term` does)."""
    for option in server.all("hook-master-start"):
        words = str(option.value).split()
        if len(words) == 2 and words[0] == "unix_signal:15" and words[1] in _SHUTDOWNS:
            return True
    return False


def keeps_root(manager: ProcessManager) -> tuple[str, Span | None, str]:
    """How the server a manager starts as root stays root, for a message that says so: it sets
    no `uid` (uWSGI) or `user` (Gunicorn), or sets it to root itself. The clause, where to point
    (the setting, else the server's config) and that place's label."""
    name = server_label(manager)
    setting = "uid" if manager.runs_program == "uwsgi" else "user"
    server = manager.runs
    user = server.user if server is not None else None
    if server is not None and user is not None and str(user.value) in ROOT_NAMES:
        return f"{name}'s `{setting} = {user.value}` keeps root", user.at or server.at, f"{setting} = {user.value} keeps root"
    return f"{name} sets no `{setting}`", server.at if server is not None else None, f"{name} sets no {setting}"


def server_label(manager: ProcessManager) -> str:
    return {"uwsgi": "uWSGI", "gunicorn": "Gunicorn", "nginx": "nginx"}.get(manager.runs_program,
                                                                           manager.runs_program)


def nginx_daemonizes(manager: ProcessManager, deployment: Deployment) -> Setting[bool] | None:
    """nginx's own `daemon` setting, unless the command line turns it off."""
    argv = manager.argv.value if manager.argv else []
    if any("daemon off" in arg for arg in argv) or manager.stays_foreground is not None:
        return None
    if manager.unseen_config is not None:
        # `-c FILE` that the files do not hold, or that a start script writes: nginx's default
        # holds unless that file turns it off, which the checked files cannot show.
        unseen = manager.unseen_config
        named = f"`-c {unseen.value}`" if config_argument(argv) else f"its {unseen.value}"
        return Setting(True, None, f"assumed: {named}, {unseen.note}, does not set daemon off")
    # The nginx.conf this start reads is one where it runs: a container's, or the host's.
    instances = [i for i in deployment.nginx if not i.standalone and i.place == manager.place]
    if not instances:
        # No nginx.conf of its place in the checked files: nginx's default (daemon on) holds
        # unless a file that is here turns it off.
        written = [d for i in deployment.nginx if i.place == manager.place for d in i.directives if d.name == "daemon"]
        return None if written else Setting(True, None, "nginx default; no nginx.conf of where it runs is in the checked files")
    if len(instances) != 1 or not instances[0].daemon.value:
        return None
    return instances[0].daemon


def _supervisord_nodaemon_flag(argv: list[str]) -> bool:
    """`-n`, `--nodaemon` (or a prefix getopt takes for it), or `n` in a cluster of flags."""
    for arg in argv[1:]:
        if arg == "--":
            return False
        if arg.startswith("--"):
            if len(arg) > 4 and "--nodaemon".startswith(arg):
                return True
        elif arg.startswith("-"):
            for letter in arg[1:]:
                if letter == "n":
                    return True
                if letter in _SUPERVISORD_VALUED:
                    break
    return False


def config_programs(deployment: Deployment, config: SupervisorConfig) -> list[ProcessManager]:
    """The managers of a supervisord configuration's ``[program:x]`` and ``[fcgi-program:x]``
    sections, in the deployment's order."""
    headers = {section.at for section in config.of_kind("program", "fcgi-program")}
    return [manager for manager in deployment.managers if manager.kind == "supervisor" and manager.at in headers]


def entrypoint_section(config: SupervisorConfig) -> SupervisorSection | None:
    """The ``[supervisord]`` section of a configuration written to be a container's
    entrypoint: in the foreground (``nodaemon=true``) or logging to ``/dev/stdout``, where
    only a container's runtime collects the output. None for any other."""
    section = config.section("supervisord")
    if section is None:
        return None
    nodaemon, logfile = section.get("nodaemon"), section.get("logfile")
    if (nodaemon is not None and nodaemon.as_bool() is True) or (logfile is not None and logfile.raw.startswith("/dev/")):
        return section
    return None


# Where supervisord writes its own files; in an account's home, they say who starts it.
_SUPERVISORD_OWN_FILES = (("supervisord", "logfile"), ("supervisord", "pidfile"), ("supervisord", "childlogdir"),
                          ("unix_http_server", "file"))


def supervisord_files_in_home(config: SupervisorConfig) -> tuple[SupervisorValue, str] | None:
    """The first of supervisord's own files (its log, pidfile, child log folder, control
    socket) written in an account's home folder (``/home/NAME/``, macOS's ``/Users/NAME/``),
    and that folder: the mark of a supervisord its account starts (`supervisord -c` from a
    shell, a user's service), where root's goes to /var or /run. None when there is none."""
    for kind, key in _SUPERVISORD_OWN_FILES:
        section = config.section(kind)
        value = section.get(key) if section is not None else None
        if value is None or value.expanded.unresolved:
            continue
        home = home_folder(value.expanded.text.strip())
        if home and home != "/root":   # root's supervisord is the usual one, whoever starts it
            return value, home
    return None


def supervisord_daemonizes(manager: ProcessManager, deployment: Deployment) -> Setting[bool] | None:
    """Whether the supervisord a manager's command starts forks away (no `-n`, no
    `nodaemon=true` in the config it reads): where that is written, or an assumption
    named in the note when the config it reads is not in the checked files; None when it
    stays in the foreground or what it reads is the image's own (a base image's stock
    supervisord configuration)."""
    argv = manager.argv.value if manager.argv else []
    if manager.stays_foreground is not None or _supervisord_nodaemon_flag(argv):
        return None
    # The config it reads: the tree's Supervisor files that run where it runs (copied or
    # mounted into the container); an included file's [supervisord] merges into the main one.
    here = {m.at.path for m in deployment.managers if m.kind == "supervisor" and m.place is manager.place}
    configs = [config for config in deployment.supervisor if here.intersection(config.files)]
    if len(here) > len({path for config in configs for path in config.files if path in here}):
        return None   # programs of the image's own supervisord configuration: what it says is the image's
    sections = [section for config in configs for section in config.of_kind("supervisord")]
    values = [value for section in sections if (value := section.get("nodaemon")) is not None]
    if any(value.as_bool() is not False for value in values):
        return None   # nodaemon=true (or a value only known at run time)
    if values:
        return Setting(True, values[0].at, "nodaemon=false")
    if sections:
        return Setting(True, sections[0].at, f"[supervisord] of {sections[0].at.path} does not set nodaemon")
    return Setting(True, None, "assumed: the config supervisord reads is not in the checked files, and sets no "
                               "nodaemon (Debian's and Ubuntu's stock /etc/supervisor/supervisord.conf does not)")


def forks_away(manager: ProcessManager, deployment: Deployment) -> Setting[bool] | None:
    """The program a manager's command starts daemonizes (nginx with `daemon on`,
    supervisord without nodaemon, uWSGI with `daemonize`, Gunicorn with `daemon`): the
    process the manager started, or its shell, does not stay in front of it. Where it says
    so, or the assumption, as in the two above."""
    if manager.runs_program == "nginx":
        return nginx_daemonizes(manager, deployment)
    if manager.runs_program == "supervisord":
        return supervisord_daemonizes(manager, deployment)
    server = manager.runs
    if server is not None and server.detaches and server.daemonizes is not None and manager.kind != "uwsgi-emperor":
        option = server.last("daemonize", "daemonize2") if server.kind == "uwsgi" else server.last("daemon")
        said = f"`{option.key} = {option.value}`" if option is not None else "its daemon setting"
        return Setting(True, server.daemonizes.at, said)
    return None


def default_forwarded_allow_ips(host: Host) -> str:
    """Gunicorn's default ``forwarded_allow_ips`` for the release the files run: ``::1``
    joined ``127.0.0.1`` in 23.0.0 (its changelog; gunicorn/config.py)."""
    return "127.0.0.1" if host.runs_before("gunicorn", "23.0.0") else "127.0.0.1,::1"


def trusts_only_loopback(server: AppServer) -> bool | None:
    """Whether Gunicorn's ``forwarded_allow_ips`` keeps its default (loopback only): no
    setting, and no ``FORWARDED_ALLOW_IPS`` (the default's source) in an environment the files
    show whole. Its HTTP parser (sync, gthread, gevent, eventlet workers; gunicorn/http/message.py)
    then takes the scheme from X-Forwarded-Proto (``secure_scheme_headers``) only from those
    addresses, and the Uvicorn worker hands the setting to uvicorn, which likewise takes the
    client's address from X-Forwarded-For; the headers still reach the app's own code.
    False when it is set, or not known (no manager: the environment is not shown); None when
    only an environment the files do not show whole (``environment_unseen``, an env_file not in
    the tree) may set it."""
    manager = server.manager
    if (server.kind != "gunicorn" or server.last("forwarded_allow_ips") is not None or manager is None
            or "FORWARDED_ALLOW_IPS" in manager.environment or "FORWARDED_ALLOW_IPS" in manager.environment_unknown):
        return False
    return True if manager.environment_unseen is None else None
