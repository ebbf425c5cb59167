"""The uWSGI stats server listens on a non-loopback address.

## What it checks
`stats` / `stats-server` with a TCP address that is a wildcard (`:1717`,
`0.0.0.0:1717`) or another non-loopback address. A quoted value (`":1717"`) is not one:
uWSGI keeps the quotes, cannot resolve the host and binds 255.255.255.255, which no client
reaches (measured with uWSGI 2.0.31); U103 reports the quotes.

An ini that nothing in the checked files starts, copied into an image whose start runs
something else (`CMD python entrypoint.py`), is an info: whether that start runs it, and
whether the port is published, is not in the files.

## What breaks in production
The stats server has no authentication: the master answers every connection with a
JSON dump of the instance (`uwsgi_master_generate_stats`: the uWSGI version, pids,
uid and gid, working directory, sockets, listen queue, and each worker's state and
request counters). Anyone who reaches the port learns how the host and the app are
laid out, and can poll it as fast as the master answers.

## How to fix
Bind it to loopback (`stats = 127.0.0.1:1717`) or a unix socket
(`stats = /run/app/stats.sock`), and read it there (`uwsgitop`, a local exporter).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment
from wsgilint.model.address import parse_uwsgi_socket
from wsgilint.model.uwsgi_values import uwsgi_servers

CODE = "U109"
SLUG = "stats-exposed"
SEVERITY = "warning"
SUMMARY = "The uWSGI stats server answers anyone on a public address."

BAD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nstats = :1717\n"}
GOOD = {"deploy/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = /run/app/app.sock\nstats = 127.0.0.1:1717\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for server in uwsgi_servers(deployment):
        for option in server.all("stats", "stats-server"):
            if option.unresolved:
                continue
            address = parse_uwsgi_socket(str(option.value))
            # A quoted host binds 255.255.255.255, which nobody reaches: U103 reports the quotes.
            if address is None or address.family != "inet" or address.is_loopback or address.is_unreachable:
                continue
            where = "every interface" if address.is_wildcard else str(address)
            message = (f"the stats server listens on {where} (`{option.value}`) without authentication: anyone who "
                       "reaches it gets a JSON dump of the instance (version, pids, uid/gid, working directory, "
                       "sockets, workers); bind it to 127.0.0.1 or a unix socket")
            images = [place for place in server.copied_into if place.kind == "container"]
            if server.manager is None and images:
                # Copied into an image whose start the files do not show running it: whether it runs
                # there, and whether a `-p` publishes the port, is outside the checked files.
                yield Hit(option.at, f"{message}; nothing in the checked files starts it, and {images[0].label} "
                          "that it is copied into starts something else: assumed that start runs it and publishes "
                          "the port", severity="info")
                continue
            yield Hit(option.at, message)
