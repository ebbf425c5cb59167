"""A file or directory in the checked tree could not be read.

## What it checks
Files that cannot be opened (permissions), directories where a file was expected,
binary files, files too large to be configuration, and symbolic links that point
nowhere or loop, where a file's name or folder says it is configuration. The rest of the
tree is still checked. A file encrypted with git-crypt is an info: the machines that deploy
it hold the decrypted text, only the check cannot see it. Images, fonts, archives, compiled
modules, editors' swap files and macOS's dot files (`.DS_Store`, `._name`) are no
configuration wherever they sit (a maintenance page's images in `nginx/`, an nginx module's
`.so`), nor is a binary named after one of the programs (`uwsgi` built into a repository),
nor a certificate or key (`.pem`, `.key`, `.crt`): nginx reads those as key material, and a
private key only its owner may read, or Let's Encrypt's `live/` links into an `archive/` the
repository leaves out, is how they are kept. None is reported. In a repository, a link to an absolute path names a path of the host it
is deployed to (`uwsgi.ini -> /home/ubuntu/web2/shop/deploy/uwsgi.ini`): where the tree holds
a file whose path ends like it (the checkout's own `deploy/uwsgi.ini`), the link is read once,
as that file, and is not reported. A link to where packages install their files, where a
configuration folder holds it (`nginx/modules -> /usr/lib/nginx/modules`, copied from a
packaged /etc/nginx), is an info: the
host or image the folder is deployed to holds that path, whatever the checking machine does.

## What breaks in production
If the server's own user cannot read the file either, the server refuses to start or
silently runs without that part of its configuration. If only wsgilint cannot read it,
the checks that depend on it were not made.

## How to fix
Fix the permissions or the link, or exclude the path from the check.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E001"
SLUG = "unreadable-file"
SEVERITY = "error"
SUMMARY = "A file could not be read (permissions, binary, too large, broken link)."

BAD = {"etc/nginx/sites-enabled/app": "@link:missing-target"}
GOOD = {"etc/nginx/sites-enabled/app": "server { listen 80; }\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "unreadable")
