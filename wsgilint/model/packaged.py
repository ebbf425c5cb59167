"""Distribution-packaged uWSGI: who starts it and with what, when no file in /etc says so.

Debian and Ubuntu (package ``uwsgi``, read off 2.0.21-5.1 on Debian 12): ``/etc/init.d/uwsgi``
starts every app enabled in ``/etc/uwsgi/apps-enabled/`` as ::

    UWSGI_DEB_CONFNAMESPACE=app UWSGI_DEB_CONFNAME=NAME start-stop-daemon --start ... \\
        --exec /usr/bin/uwsgi -- --ini /usr/share/uwsgi/conf/default.ini \\
        --ini /etc/uwsgi/apps-enabled/NAME.ini --daemonize /var/log/uwsgi/app/NAME.log

(``/usr/share/uwsgi/init/specific_daemon``); the first ``--ini`` is ``INHERITED_CONFIG``
of ``/etc/default/uwsgi``. Before that it runs ``install -d -o UID -g GID -m 755
/run/uwsgi/app/NAME`` with the app's uid/gid, and it stops with
``start-stop-daemon --stop --retry=QUIT/30/KILL/5``. ``/usr/bin/uwsgi`` is ``uwsgi-core``
through the alternatives, which has no request plugin built in: measured, an app
without ``plugins = python3`` answers nothing (U121).

Fedora, RHEL and EPEL (spec 2.0.21-7): ``uwsgi.service`` runs ``/usr/sbin/uwsgi --ini
/etc/uwsgi.ini``, an Emperor in tyrant mode over ``/etc/uwsgi.d`` (``emperor.py`` reads
the vassals); ``tmpfiles.d/uwsgi.conf`` creates ``/run/uwsgi`` (0775 uwsgi:uwsgi) at boot.
The unit lives in ``/usr/lib/systemd/system``, which a snapshot of ``/etc`` lacks: when
no unit in the checked files starts ``/etc/uwsgi.ini``, the packaged one stands for it.
"""
from __future__ import annotations

import functools
import os
import posixpath
import re

from ..core.commands import Command
from ..core.context import ReadContext
from ..core.paths import absolute_path, relative_path
from ..core.sources import Discovery
from ..core.span import Setting, Span
from . import AppServer, Host, ProcessManager

_INIT_SCRIPT = "/etc/init.d/uwsgi"
_APPS_ENABLED = "/etc/uwsgi/apps-enabled"
_DEFAULT_INHERITED = "/usr/share/uwsgi/conf/default.ini"
_BY_INIT = "as /etc/init.d/uwsgi starts it (uwsgi package of Debian/Ubuntu)"


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _inherited() -> re.Pattern[str]:
    return re.compile(r"^\s*INHERITED_CONFIG=([^\s#]+)", re.M)


_RHEL_INI = "/etc/uwsgi.ini"
_BY_RHEL_UNIT = "the uwsgi.service the uwsgi package of Fedora/RHEL/EPEL ships"
RHEL_RUN_DIRECTORY = "/run/uwsgi"


def _target_path(local: str, ctx: ReadContext) -> str:
    """The path a discovered file has on the target host."""
    if ctx.mode == "snapshot":
        return "/" + relative_path(absolute_path(local), absolute_path(ctx.root)).replace(os.sep, "/")
    if ctx.mode == "live":
        return os.path.abspath(local)
    # A repository keeps the host's layout below some folder: etc/uwsgi/apps-enabled/x.ini.
    display = ctx.display(local).replace(os.sep, "/")
    for anchor in (_APPS_ENABLED.lstrip("/"), "uwsgi/apps-enabled", _RHEL_INI.lstrip("/")):
        index = display.find(anchor)
        if index >= 0 and (index == 0 or display[index - 1] == "/"):
            return "/etc/" + display[index:].removeprefix("etc/")
    return display


def _enabled_apps(discovery: Discovery, ctx: ReadContext) -> list[tuple[str, str]]:
    """(local path, name) of each enabled app, as the link in apps-enabled names it."""
    found: list[tuple[str, str]] = []
    if ctx.mode == "repository":
        for source in discovery.of_kind("uwsgi"):
            if posixpath.dirname(_target_path(source.path, ctx)) == _APPS_ENABLED and source.path.endswith(".ini"):
                found.append((source.path, os.path.basename(source.path)[:-len(".ini")]))
        return found
    directory = ctx.local(_APPS_ENABLED)
    if directory is None or not os.path.isdir(directory):
        return found
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return found
    discovered = {ctx.real(f.path) for f in discovery.of_kind("uwsgi")}
    for entry in entries:
        # The init script takes NAME.ini when it resolves to a regular file (find -xtype f);
        # the other formats it starts (xml, yaml, json) are not read by wsgilint.
        if not entry.name.endswith(".ini") or ctx.real(entry.path) not in discovered:
            continue
        found.append((entry.path, entry.name[:-len(".ini")]))
    return found


def debian_apps_not_enabled(discovery: Discovery, ctx: ReadContext) -> dict[str, str]:
    """Real path -> why, for each uWSGI ini in a ``uwsgi/apps-available`` folder that no entry
    of the ``apps-enabled`` folder beside it names. The init script starts what
    ``find /etc/uwsgi/apps-enabled -xtype f`` lists, and ``start NAME`` looks there too: an
    app that is only available never runs. Where no ``apps-enabled`` folder is in the tree
    (a repository keeping only ``apps-available/``) nothing is known, and the file is read
    as an app of its own as before."""
    enabled_in: dict[str, set[str]] = {}
    found: dict[str, str] = {}
    for source in discovery.of_kind("uwsgi"):
        folder = os.path.dirname(os.path.abspath(source.path))
        if os.path.basename(folder) != "apps-available" or os.path.basename(os.path.dirname(folder)) != "uwsgi":
            continue
        enabled_dir = os.path.join(os.path.dirname(folder), "apps-enabled")
        if enabled_dir not in enabled_in:
            try:
                names = sorted(os.listdir(enabled_dir)) if os.path.isdir(enabled_dir) else None
            except OSError:
                names = None
            if names is None:
                continue
            enabled_in[enabled_dir] = {ctx.real(os.path.join(enabled_dir, name)) for name in names}
        if ctx.real(source.path) not in enabled_in[enabled_dir]:
            found[ctx.real(source.path)] = (f"not enabled: no link in {ctx.display(enabled_dir)} names it, so "
                                            f"{_INIT_SCRIPT} does not start it; not checked as a running app")
    return found


def _inherited_config(ctx: ReadContext) -> tuple[str, str]:
    """INHERITED_CONFIG of /etc/default/uwsgi, or the package's default."""
    local = ctx.local("/etc/default/uwsgi") if ctx.mode != "repository" else None
    text = ctx.read(local, peek=True).text if local else None
    match = _inherited().search(text or "")
    if match:
        return match.group(1).strip("'\""), "INHERITED_CONFIG of /etc/default/uwsgi"
    return _DEFAULT_INHERITED, "the uwsgi package's default INHERITED_CONFIG"


def debian_init_script(discovery: Discovery, ctx: ReadContext) -> list[ProcessManager]:
    """One manager per app enabled in /etc/uwsgi/apps-enabled, started as the init script does."""
    managers: list[ProcessManager] = []
    apps = _enabled_apps(discovery, ctx)
    if not apps:
        return managers
    inherited, inherited_note = _inherited_config(ctx)
    for local, name in apps:
        at = Span(ctx.display(local))
        manager = ProcessManager("init.d", name, at)
        target = f"{_APPS_ENABLED}/{name}.ini"
        manager.argv = Setting(["/usr/bin/uwsgi", "--ini", inherited, "--ini", target,
                                "--daemonize", f"/var/log/uwsgi/app/{name}.log"], None, f"{_BY_INIT}; {inherited_note}")
        manager.runs_program = "uwsgi"
        # The init script's stop runs `rm -rf /run/uwsgi/app/NAME`: nothing of the app stays there.
        manager.removed_on_stop = (f"/run/uwsgi/app/{name}",)
        manager.environment = {"UWSGI_DEB_CONFNAMESPACE": Setting("app", None, _BY_INIT),
                               "UWSGI_DEB_CONFNAME": Setting(name, None, _BY_INIT)}
        manager.service_type = Setting("forking", None, "start-stop-daemon starts uwsgi with --daemonize")
        manager.stop_signal = Setting("QUIT", None, "/etc/init.d/uwsgi stops with --retry=QUIT/30/KILL/5")
        manager.stop_timeout = Setting(30.0, None, "/etc/init.d/uwsgi stops with --retry=QUIT/30/KILL/5")
        manager.kills_group = Setting(False, None, "start-stop-daemon signals the pid file's process")
        manager.runtime_directories = [Setting(f"uwsgi/app/{name}", None, "created by /etc/init.d/uwsgi before the "
                                               "start (install -d, owned by the app's uid/gid, mode 755)")]
        managers.append(manager)
    return managers


def rhel_emperor_unit(ctx: ReadContext, managers: list[ProcessManager],
                      servers: list[AppServer]) -> ProcessManager | None:
    """The packaged uwsgi.service for /etc/uwsgi.ini, when nothing in the checked files starts it."""
    emperor = next((s for s in servers if s.manager is None and s.sources and s.has("emperor")
                    and _target_path(s.sources[0], ctx) == _RHEL_INI), None)
    if emperor is None or any(m.runs is emperor for m in managers):
        return None
    manager = ProcessManager("systemd", "uwsgi", emperor.at)
    manager.argv = Setting(["/usr/sbin/uwsgi", "--ini", _RHEL_INI], None, _BY_RHEL_UNIT)
    manager.runs_program = "uwsgi"
    manager.service_type = Setting("notify", None, _BY_RHEL_UNIT)
    manager.stop_signal = Setting("INT", None, f"KillSignal=SIGINT of {_BY_RHEL_UNIT}")
    manager.stop_timeout = Setting(90.0, None, "systemd default")
    manager.kills_group = Setting(True, None, "systemd default")
    manager.runs, emperor.manager = emperor, manager
    emperor.binary_plugins = Setting((), None, "Fedora/RHEL's /usr/sbin/uwsgi embeds no language plugin (build "
                                     "profile: corerouter, echo, ping; derived from the spec, not run)")
    return manager


def rhel_boot_directories(ctx: ReadContext, servers: list[AppServer], host: Host) -> None:
    """tmpfiles.d/uwsgi.conf of the package: /run/uwsgi exists from boot on."""
    # Whether a server runs an Emperor is asked first: it answers from the server's index of
    # options, where its target path is worked out from its file's path.
    if any(s.has("emperor") and s.sources and _target_path(s.sources[0], ctx) == _RHEL_INI for s in servers):
        host.boot_directories.append(Setting(RHEL_RUN_DIRECTORY, None, "d /run/uwsgi 0775 uwsgi uwsgi, in "
                                             "tmpfiles.d/uwsgi.conf of the Fedora/RHEL/EPEL uwsgi package"))


def binary_plugins(manager: ProcessManager, host: Host, command: Command | None) -> Setting[tuple[str, ...]] | None:
    """The plugins the uWSGI binary a manager runs has without ``plugins =``; None when
    unknown (a uWSGI built by pip embeds Python). ``command`` is ``recognise`` of its argv."""
    argv = manager.argv.value if manager.argv else []
    if command is None or command.program != "uwsgi":
        return None
    word = posixpath.basename(argv[0])
    if manager.kind == "init.d":
        return Setting((), None, "Debian's /usr/bin/uwsgi is uwsgi-core, which has no request plugin built in")
    if word == "uwsgi-core" or command.plugins:
        return Setting(command.plugins, manager.argv.at if manager.argv else None,
                       f"Debian's {word} loads {', '.join(command.plugins) or 'no plugin'} by its name")
    installed = host.versions.get("uwsgi")
    if argv[0] == "/usr/bin/uwsgi" and installed is not None and "Debian package" in installed.note:
        return Setting((), None, "/usr/bin/uwsgi is Debian's uwsgi-core, which has no request plugin built in")
    return None


_PLUGIN_OPTIONS = ("plugins", "plugin", "need-plugin", "need-plugins")


def _loads_plugin(server: AppServer, name: str) -> bool | None:
    """Whether the plugin options (and ``UWSGI_PLUGINS``) load ``name``; None when one is
    only known on the host. A plugin is named bare (``http``) or by its file
    (``/usr/lib/uwsgi/plugins/http_plugin.so``)."""
    for option in server.all(*_PLUGIN_OPTIONS):
        if option.unresolved:
            return None
        for word in str(option.value).replace(",", " ").split():
            if posixpath.basename(word).removesuffix(".so").removesuffix("_plugin") == name:
                return True
    return False


def drop_unloaded_routers(server: AppServer) -> None:
    """``http =``/``https =`` belong to uWSGI's ``http`` plugin. A binary known to lack it
    (Debian's uwsgi-core embeds no plugin at all) without ``plugins = http`` does not know
    the option, and uWSGI ignores an unknown option of a config file without a word:
    measured with Debian 12's 2.0.21, nothing listens at the address, the log says nothing,
    and nginx passing there gets "Connection refused". Such a router is no listener.
    Only measured facts count: a plugin list derived from a build profile is left alone."""
    builtin = server.binary_plugins
    if builtin is None or "http" in builtin.value or "derived" in builtin.note:
        return
    if _loads_plugin(server, "http") is False:
        server.listeners = [listener for listener in server.listeners if not listener.is_router]

