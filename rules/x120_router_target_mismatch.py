"""uWSGI's HTTP router forwards to a socket where no app server of the tree listens.

## What it checks
`http-to` (and `https-to`), the addresses uWSGI's HTTP router (`http = ...`) forwards
requests to in the uwsgi protocol, matched against the listeners of every uWSGI and
Gunicorn instance found in the checked files, as X101 matches nginx's `*_pass`. Only local
targets are matched (a unix socket, loopback, a wildcard). When an app server of the tree
binds nothing in the checked files, the finding is an info naming that assumption.

## What breaks in production
The router accepts the client's connection, cannot reach the backend, and closes the
connection without an answer (measured with uWSGI 2.0.31: `curl` reports "Empty reply from
server"; behind nginx, "upstream prematurely closed connection" and **502**). Nothing is
logged by default.

## How to fix
Point `http-to` at the `socket` the app instance binds (in the uwsgi protocol: a `socket`,
not an `http-socket`), or bind the app there.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment
from wsgilint.model.address import parse_uwsgi_socket

CODE = "X120"
SLUG = "router-target-mismatch"
SEVERITY = "error"
SUMMARY = "uWSGI's HTTP router (http-to) forwards to a socket no app server binds."

BAD = {"deploy/router.ini": "[uwsgi]\nhttp = :8080\nhttp-to = /run/app/app.sock\n",
       "deploy/app.ini": "[uwsgi]\nsocket = /run/app/uwsgi.sock\nmodule = app.wsgi\nmaster = true\n"}
GOOD = {"deploy/router.ini": "[uwsgi]\nhttp = :8080\nhttp-to = /run/app/uwsgi.sock\n",
        "deploy/app.ini": "[uwsgi]\nsocket = /run/app/uwsgi.sock\nmodule = app.wsgi\nmaster = true\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    unbound = [s for s in deployment.app_servers if not s.listeners and s.kind == "uwsgi" and not s.has("http-to")]
    for router in deployment.app_servers:
        if router.kind != "uwsgi":
            continue
        for option in router.all("http-to", "https-to"):
            if option.unresolved:
                continue
            address = parse_uwsgi_socket(str(option.value))
            if address is None or not (address.family == "unix" or address.is_loopback or address.is_wildcard):
                continue
            if any(listener.protocol == "uwsgi" for listener in deployment.listeners_at(address)):
                continue
            if unbound:
                yield Hit(option.at, f"`{option.key} = {option.value}`: no app server in the checked files binds it; "
                          f"{unbound[0].name} binds nothing in them (its socket may come from the command line or "
                          "the environment): assumed it binds there",
                          (Related(unbound[0].at, f"{unbound[0].name} binds nothing here"),), severity="info")
                continue
            others = deployment.listeners_at(address)
            said = (f"only the {others[0].label} is there, which does not speak the uwsgi protocol" if others
                    else "no app server in the checked files binds it")
            yield Hit(option.at, f"`{option.key} = {option.value}`: {said}: the router closes every connection without "
                      "an answer (502 behind nginx); point it at the app's `socket`",
                      tuple(Related(listener.at, listener.label) for listener in others[:1]))
