"""A config names a file outside the checked tree, or the tree links out of itself.

## What it checks
An nginx `include`, a uWSGI `include`/`ini`, a Gunicorn `-c`, a Supervisor `[include]`
or a symbolic link in the tree whose file lies outside the checked folders: through
`..` (`include ../../../x;`), a glob, or a link (`sites -> /etc/nginx/sites`). In a
snapshot (`--root`, or a tree holding `etc/`) an absolute path is the target host's and
maps inside the snapshot, with `..` stopping at its `/` as on the host. Checking `/` or
`/etc` of this machine reads its real paths and is not limited. In a repository, a link to a
file at an absolute path (`sites-enabled/default -> /etc/nginx/sites-available/default`) names
the deploy host's file, whatever the checking machine holds at that path: the tree's file whose
path ends like it is read once, as that file, and one the tree does not hold is a broken link
(E001). A link to a folder out of the tree is reported here.

wsgilint does not read such a file: the tree may come from anyone (a pull request runs
in CI with the job's secrets), and a config naming `../../.ssh/id_rsa` must not make the
linter show a single byte of it. The finding names the reference, never the content.

## What breaks in production
Nothing yet, but the check is incomplete: what that file configures (an upstream, a
socket, a user) was not checked, and the deployment depends on a file the repository
does not hold. On a server the path resolves against a different directory, so it
often names nothing there (nginx refuses to start on a missing include).

## How to fix
Check the folder that holds the file as well (`wsgilint check deploy/ shared/`), or
write the path the target host will have (`include /etc/nginx/snippets/x.conf;`),
which a repository links to its own copy by path suffix.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E008"
SLUG = "outside-checked-tree"
SEVERITY = "error"
SUMMARY = "A reference or symbolic link leads outside the checked tree; the file is not read."

BAD = {"deploy/nginx/site.conf": "server {\n    listen 80;\n    include ../../../shared/params.conf;\n}\n"}
GOOD = {
    "deploy/nginx/site.conf": "server {\n    listen 80;\n    include ../shared/params.conf;\n}\n",
    "deploy/shared/params.conf": "client_max_body_size 10m;\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "outside-checked-tree")
