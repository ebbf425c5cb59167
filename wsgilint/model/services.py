"""What a Compose service that an nginx route names runs: a Python app server, something
else the files show (a Node dev server, nginx serving built files, Redis), or unknown.

A one-word upstream host (`proxy_pass http://frontend:80`) names a service; when no checked
listener answers there, rules that assume "proxied to the app" ask this first: a service
whose start the files show is not a Python app server is not the app.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import Deployment
    from .graph import Place

# Runtimes of other languages whose programs serve HTTP themselves: JavaScript's and its
# package runners, a JVM.
SERVER_RUNTIMES = frozenset({"node", "nodejs", "npm", "npx", "yarn", "pnpm", "bun", "deno", "java"})

# Programs a container's start runs that are never a WSGI/ASGI app server: those runtimes and
# JavaScript's dev servers, web servers and proxies, data stores.
NOT_APP_PROGRAMS = SERVER_RUNTIMES | frozenset({
    "next", "nuxt", "vite", "serve", "http-server",
    "nginx", "openresty", "httpd", "apache2", "apache2ctl", "caddy", "traefik", "haproxy", "envoy",
    "redis-server", "redis-stack-server", "postgres", "mysqld", "mongod", "memcached", "php-fpm",
})

# Server runtimes whose ports wsgilint does not read, as a manager starts them beside an nginx:
# those runtimes, .NET, Ruby's servers, PHP's built-in server.
UNREAD_SERVER_RUNTIMES = SERVER_RUNTIMES | frozenset({"dotnet", "puma", "rails", "unicorn", "php"})


def runs_app(deployment: Deployment, place: Place) -> bool | None:
    """True when an app server (or development server) of the files runs in ``place`` or is
    copied there; False when every start in it is known and runs a program of
    ``NOT_APP_PROGRAMS``; None when the files cannot tell (an image whose start is unknown)."""
    servers = [*deployment.app_servers, *deployment.dev_servers]
    if any(server.place is place or place in server.copied_into for server in servers):
        return True
    starts = [manager for manager in deployment.managers if manager.place is place]
    if any(manager.runs is not None or manager.dev_server is not None for manager in starts):
        return True
    if starts and all(manager.argv is not None and _program(manager.runs_program) in NOT_APP_PROGRAMS
                      for manager in starts):
        return False
    return None


def _program(name: str) -> str:
    """``php-fpm8.2`` -> ``php-fpm``, ``node18`` -> ``node``: versioned binary names."""
    base = os.path.basename(name)
    return base.rstrip("0123456789.") or base
