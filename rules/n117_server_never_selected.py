"""A server block nginx never picks: another block has its names on its addresses.

## What it checks
Each `server` block of `http`, among all the blocks one nginx reads (its nginx.conf and
every file included, in include order), on every address it listens on: whether it is the
default server there (the first block on that address, unless another one says
`default_server`) or has a name no block written before it on that address has. A block that
is neither, on each of its addresses, answers no request. Addresses are told apart as nginx
tells them: `listen 127.0.0.1:80` is another address than `listen 80`. A block without
`server_name` has the name `""`, so two blocks without names on one address are such a pair.
A block with a regular expression or a variable among its names, or a `server`-level include
the files do not show, is not judged. Nor is a block without `listen`: nginx puts it on `*:80`
when it runs as root and on `*:8000` when it does not (an image with `USER nginx`), so where it
is, and which block it comes before, is left open.

Rules that judge what a location does with requests (a pass, an alias, a root) leave such a
block alone: nothing reaches it.

## What breaks in production
nginx starts and logs `conflicting server name "example.com" on 0.0.0.0:80, ignored` once per
name, a warning few read (measured with nginx 1.22): every request for that name on that
address goes to the first block, and a request for an unknown name goes to the default server.
Whatever the later block says (a `proxy_pass` to the app, TLS settings, an alias for static
files) is never used. It is often a copy left by an edit (Certbot's, a name added to the first
block later): the site serves what the first block says while the file reads as if the second
one worked (a redirect of `www` that never runs).

## How to fix
Remove the block, or give it its own address (`listen 443 ssl;`) or its own names; merge what
it should do into the block that answers.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "N117"
SLUG = "server-never-selected"
SEVERITY = "warning"
SUMMARY = "A server block nginx never picks: a block before it has its names on its addresses."

BAD = {"deploy/nginx/site.conf": (
    "server {\n    listen 80;\n    server_name example.com www.example.com;\n"
    "    return 301 https://$server_name$request_uri;\n}\n\n"
    "server {\n    listen 80;\n    server_name www.example.com;\n    return 301 http://example.com$request_uri;\n}\n")}
GOOD = {"deploy/nginx/site.conf": BAD["deploy/nginx/site.conf"].replace(
    "    server_name example.com www.example.com;\n", "    server_name example.com;\n")}


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for server in instance.servers:
            lost = server.passed_over
            if lost is None or server.block is None:
                continue
            names = server.own.get("server_name")
            at = names[0].at if names else server.block.at
            related = (Related(lost.at, f"this block comes first for {lost.value}"),) if lost.at is not None else ()
            yield Hit(at, f"nginx never picks this server block: a block before it has {lost.value}, and it is the "
                      "default server on none of its addresses (nginx logs `conflicting server name ... ignored`), "
                      "so none of its locations answers a request; remove it, or give it its own `listen` or names",
                      related)
