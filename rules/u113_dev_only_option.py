"""A uWSGI option meant for development: auto-reload, stdin, or tracebacks sent to clients.

## What it checks
* `py-autoreload` (and its spellings `python-autoreload`, `py-auto-reload`,
  `python-auto-reload`) above 0;
* `honour-stdin`;
* `catch-exceptions`.

## What breaks in production
* `py-autoreload = N` makes the master scan the modules of the app every N seconds and
  reload the whole instance when one changes: a deploy that copies files one by one
  triggers reloads while the tree is half written.
* `honour-stdin` keeps the stdin uWSGI was started with instead of `/dev/null`: a
  leftover `breakpoint()` or `input()` waits on it instead of failing.
* `catch-exceptions` sends every Python traceback to the client in the HTTP response
  (uWSGI's help: "report exception as http output (discouraged, use only for
  testing)"): file paths, source lines and local values leak to anyone who can make a
  request fail.

A uWSGI that runs in a Compose service which a `devcontainer.json`
(`.devcontainer/devcontainer.json`, `.devcontainer/<folder>/devcontainer.json` or
`.devcontainer.json`) names with `dockerComposeFile` and `service` is the editor's
development container: there these options are what a developer wants, and the finding
is an info that names the file assuming the same configuration also serves production.
So is a Compose service that bind-mounts from the host the folder uWSGI loads the app
from (`./api:/src/api` with `module = api:create_app()` in `/src`), whose image copies
none of that source in, and whose own command adds `--py-autoreload` to an ini that has
none: a developer's stack, edited on the host and reloaded in the container. The warning
stays where the reload is written in the ini (the file a deployment runs, whatever else
reads it: a systemd unit, a Supervisor program, the only Compose file of the tree), and
where the image copies the source and so runs without the mount, unless the service says
it runs in development (Flask's debug mode: `FLASK_ENV=development`, `FLASK_DEBUG=1` in
its environment) and bind-mounts the folder uWSGI loads the app from: then the mount hides
what the image copied while it runs, and the reload, wherever it is written, serves that
developer's loop (an info).

Where the manager that starts uWSGI gives it /dev/null as stdin anyway (a systemd unit
without `StandardInput=`, which defaults to null; a Compose service with neither `stdin_open`
nor `tty`), `honour-stdin` keeps /dev/null and changes nothing: an info.

In a container whose app folder no bind mount of the host's files covers (the code its
image copied, or a named volume filled from it), `py-autoreload` is an info: only a new
container changes that code, so no deploy copies files under the running server.

A uWSGI whose config file is named for development (`uwsgi_local.yml`, `dev.ini`) and whose
container says it runs one (a Compose file so named, `local-docker-compose.yml`; a stage
variable such as `FLASK_ENV=development`) is a developer's stack beside the production one: an
info.

A development option under a comment of its own file that marks it so (`# DO NOT USE IN
PRODUCTION`, `# Development settings (remove in production)`: the comment lines between it
and the line written before it) is an info too: the author says this file is not what
production runs.

## How to fix
Remove these options from the production configuration (keep them in a development
file that includes it).
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import AppServer, Deployment, Span
from wsgilint.model.dev_stacks import declared_development, development_named
from wsgilint.model.uwsgi_config import UwsgiConfig
from wsgilint.model.uwsgi_values import integer, uwsgi_servers

CODE = "U113"
SLUG = "dev-only-option"
SEVERITY = "warning"
SUMMARY = "A uWSGI development option (auto-reload, stdin, tracebacks to clients) is set."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\npy-autoreload = 1\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\n"}

_AUTORELOAD = ("py-autoreload", "python-autoreload", "py-auto-reload", "python-auto-reload")


def _declared(server: AppServer) -> str | None:
    """What says the container that runs this uWSGI is a development set-up (its environment,
    its Compose file's name), where its config file's own name says so too: the pair is what
    a developer's stack looks like beside a production one."""
    manager = server.manager
    if manager is None or manager.runs is not server or not development_named(server.at.path):
        return None
    declared = declared_development(manager)
    return f"{declared}, with the config file {posixpath.basename(server.at.path)}," if declared else None


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        dev, stack = server.place.dev_container, server.dev_stack
        # In a declared dev container, or a service that runs the host's source and reloads it,
        # the option is in place; only reuse in production would hurt.
        tail = "" if dev is None else (f"; assumed this configuration also serves production, but {dev.note}, a "
                                       "development set-up where that is what it is for: keep it out of production")
        if dev is None and stack is not None:
            tail = (f", and here it serves that: {stack.note}, so an edit on the host reloads it; read as a "
                    "development stack (if this service also deploys the app, remove it there)")
        declared = _declared(server) if dev is None and stack is None else None
        if declared is not None:
            tail = (f"; here {declared} says this is a development set-up, where that is what it is for: keep it "
                    "out of production")
        severity = None if dev is None and stack is None and declared is None else "info"
        related = (() if dev is None or dev.at is None else (Related(dev.at, "the dev container is declared here"),)) \
            or (() if stack is None or stack.at is None else (Related(stack.at, "the source is mounted here"),))
        reload = server.last(*_AUTORELOAD)
        if reload is not None and (integer(reload) or 0) > 0:
            image = server.code_from_image
            marked, mark = _marked(server.uwsgi_config, reload.at, tail)
            if marked:
                yield Hit(reload.at, f"`{reload.key} = {reload.value}` reloads the whole instance whenever a Python "
                          f"module changes{marked}", (*related, *mark), severity="info")
            elif image is not None and not tail:
                # Only a new container changes that code: no deploy copies files under it.
                yield Hit(reload.at, f"`{reload.key} = {reload.value}` reloads the whole instance whenever a Python "
                          f"module changes; here {image.note}, so a deploy replaces the container rather than "
                          "copying files under it, and the reload only costs its scans: it is meant for development, "
                          "remove it", related, severity="info")
            else:
                yield Hit(reload.at, f"`{reload.key} = {reload.value}` reloads the whole instance whenever a Python "
                          "module changes (a deploy copying files reloads it while the tree is half written); it is "
                          f"meant for development{tail or ': remove it'}", related, severity=severity)
        honour = server.last("honour-stdin")
        if honour is not None and server.enabled("honour-stdin"):
            marked, mark = _marked(server.uwsgi_config, honour.at, tail)
            manager = server.manager
            stdin = manager.stdin if manager is not None and manager.runs is server else None
            if stdin is not None and stdin.value == "null":
                # What it keeps is /dev/null itself: a `breakpoint()` reads end of file and fails as without it.
                why = f" ({stdin.note})" if stdin.note else ""
                yield Hit(honour.at, f"`honour-stdin` keeps the stdin uWSGI was started with instead of /dev/null, "
                          f"but here that is /dev/null too{why}, so it changes nothing; it is meant for debugging: "
                          "remove it",
                          (Related(stdin.at, "stdin is /dev/null"),) if stdin.at else (), severity="info")
            else:
                yield Hit(honour.at, "`honour-stdin` keeps the stdin uWSGI was started with "
                          "instead of /dev/null, so a leftover `breakpoint()` or `input()` waits on it instead of "
                          f"failing; it is meant for debugging{marked or tail or ': remove it'}", (*related, *mark),
                          severity="info" if marked else severity)
        catch = server.last("catch-exceptions")
        if catch is not None and server.enabled("catch-exceptions"):
            marked, mark = _marked(server.uwsgi_config, catch.at, tail)
            yield Hit(catch.at, "`catch-exceptions` sends Python tracebacks (paths, source, "
                      "local values) to the client in the response; uWSGI marks it for testing only"
                      f"{marked or tail or ': remove it'}", (*related, *mark), severity="info" if marked else severity)


def _marked(config: UwsgiConfig | None, at: Span, tail: str) -> tuple[str, tuple[Related, ...]]:
    """What to say, and where, when the file itself marks the option as a development setting
    (nothing where ``tail`` already says the set-up is a development one)."""
    heading = None if tail or config is None else config.development_heading(at)
    if heading is None:
        return "", ()
    return (f"; the file marks it as a development setting (`{heading.text}`): assumed this configuration is "
            "not the one production runs (if it is, remove it)", (Related(heading.at, "marked for development here"),))
