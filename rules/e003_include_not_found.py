"""An include names a file that does not exist on the target host.

## What it checks
nginx `include`, uWSGI `include`/`inherit`/`ini`, Gunicorn `-c` and similar references
to a file that is not there. A glob that matches nothing is not reported (nginx and
Supervisor accept it). In a repository, a path of the target host that is not in the
tree is never reported as missing: it may exist there. So, as an info naming that
assumption, in a copy of a host's folders whose etc/ holds only what a repository installs
there (`etc/nginx/sites-available`, `etc/systemd/system`; no `passwd`, `os-release` or
`fstab`, which a copy of the whole host has), a file whose folder the copy lacks (certbot
writes `/etc/letsencrypt/options-ssl-nginx.conf` on the host) or whose folder git ignores
files in (a `.gitignore` there). A container is the exception
where its image's files are known: the official nginx image has no Debian `proxy_params`
or `snippets/`, so `include proxy_params;` in a site copied into it, with nothing in the
tree putting that file there, is reported — an error when a Compose file runs the image
and nothing unseen (a volume outside the tree, a `RUN` or `COPY --from` writing below
/etc/nginx) could supply it, otherwise an info naming what might. Likewise a config a
container's command names (`uwsgi --ini docker/uwsgi.ini` or `gunicorn -c
docker/gunicorn.conf.py` in WORKDIR /app) below a folder its
build fills with `COPY app .` from a folder of the tree that lacks the file: the image holds
that folder's files and no others there, unless a `RUN`, a `COPY --from`, a volume or a base
image whose files are not known may put more. The file the command meant is then not checked
as if it ran; this one finding stands for it. Where the repository's `.gitignore` leaves that
file out of git (`/uwsgi.ini`), a build from the deployer's working copy rather than a
checkout may have it: an info naming that assumption.

## What breaks in production
nginx refuses to start (`open() ... failed (2: No such file or directory)`); uWSGI
exits at start; Gunicorn exits with `Error: 'x.py' doesn't exist`.

## How to fix
Correct the path, or add the file.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E003"
SLUG = "include-not-found"
SEVERITY = "error"
SUMMARY = "An include or config reference points at a file that does not exist."

BAD = {"etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/sites/app.conf;\n}\n"}
GOOD = {
    "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/sites/app.conf;\n}\n",
    "etc/nginx/sites/app.conf": "server { listen 80; }\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "include-not-found")
