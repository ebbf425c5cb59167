"""The program that reads this file would reject it.

## What it checks
Syntax errors located at the line the real program reports: an unbalanced brace or a
missing `;` in nginx, an invalid Python config for Gunicorn, a line Supervisor's
parser rejects, an unknown option on a uWSGI or Gunicorn command line.

An nginx directive whose value is a word of a fixed list (`gzip_proxied`,
`proxy_next_upstream`, `proxy_cache_use_stale`, `ssl_protocols`, `server_tokens`, `satisfy`...)
with a word that list lacks: nginx stops at start with `invalid value "must-revalidate"`. The
lists are nginx's own (its sources from 1.22.1 to the newest release, a word any of them takes;
compared without case, as nginx does), and a template's placeholder (`${VALUE}`) is left alone.

An nginx file is checked where nginx opens it: a relative `include` is joined to the
directory of the main nginx.conf, not to the including file's. When the checked files do
not show where that is (a fragment with no nginx.conf and no container), a file found
beside the include is read on that assumption, and its errors are reported as info that
names it. A directive in a context nginx refuses (`"x" directive is not allowed here`) is
reported in a main nginx.conf and inside the server blocks of a site file (a fragment
whose top level is what an http block holds, with a server that has locations: it runs in
http > server wherever it is included); elsewhere in a fragment the context is not known.
The directives of one file refused in one context are one finding, at the first, with the
others as related places: they have one cause (a file of locations included at `http`
level as well, a block closed too early), and nginx stops at the first anyway. Where the
file is read through an include written in another file, the message names that include
and points at it: the fix may be there.
Where a container's nginx loads a file in the wrong place, so is the place: a site file
(`server` at its top) mounted over the image's nginx.conf, and a whole nginx.conf (`events`,
`http`) mounted or copied where the image's stock nginx.conf includes sites, inside its
`http` block (`/etc/nginx/conf.d/*.conf` of the official image; measured with nginx 1.22 in
tests/e2e/test_e002_nginx_conf_as_a_site.py). A whole nginx.conf a build copies below
/etc/nginx of such an image where its stock nginx.conf opens nothing (`COPY default.conf
/etc/nginx/default.conf`; the official image's nginx.conf includes only `conf.d/*.conf`) is
never read there: what is wrong in it is an info that says so. An nginx directive with too many arguments
because one is a template's blank (`ssl_certificate <path to fullchain.pem>;`, words in
angle brackets) is an info: the file is a template, to be filled in before use, and what
any rule finds in it is an info too, said of the file as written. So is what is found in a
file of a repository that nothing in it loads (no nginx file includes it, no build or mount
puts it anywhere) and that no nginx could load as written: an `http` block with no `events`
in a file not named nginx.conf (nginx needs `events` in the file it starts with, and refuses
`http` inside another `http`), or a value in the manual's notation for a choice
(`real_ip_header X-Real-IP | X-Forwarded-For;`, `client_body_buffer_size 8k|16k;`, refused by
nginx 1.22 in tests/test_nginx_manual_notation.py). Such a file is notes or a cheat sheet.

A Compose file with a key written twice in one mapping (a service's `ports:` twice, often a
service indented into the one above it) is refused by Compose v2, whose YAML parser says
`mapping key "ports" already defined at line 17`; PyYAML and Compose v1 keep the last one.

A main nginx.conf (the file nginx starts with, here or where a container puts it) with an
`http` block and no `events` block is refused as a whole (`no "events" section in
configuration`), unless an include at its top level reads files the checked tree does not
show, or another nginx.conf includes it at its own top level.

A value that only newer versions of the program refuse (Gunicorn checks each entry of
`forwarded_allow_ips` and `proxy_allow_ips` as an address from 23.0.0 on; older ones take a
host name as written, and it never matches a peer) follows the version checked against: none
before that version, an error from it, and a warning that names the assumption where the
version is only assumed (no `--gunicorn-version`, no package database).

## What breaks in production
The server refuses to start or to reload (`nginx -t` fails, supervisord exits with
code 2, uWSGI exits with `unrecognized option`). A reload that fails keeps the old
configuration running, so the change never takes effect.

## How to fix
Correct the line named in the message.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E002"
SLUG = "syntax-error"
SEVERITY = "error"
SUMMARY = "The file has a syntax error its program would refuse."

BAD = {"etc/nginx/nginx.conf": "events {}\nhttp {\n    server {\n        listen 80;\n}\n"}
GOOD = {"etc/nginx/nginx.conf": "events {}\nhttp {\n    server {\n        listen 80;\n    }\n}\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "syntax")
