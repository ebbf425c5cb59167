"""A file includes itself, directly or through other files.

## What it checks
Include chains in nginx and uWSGI configs that come back to a file already being read.

## What breaks in production
nginx follows includes without cycle detection: measured with nginx 1.22, `nginx -t`
on such a file was still recursing after 10 s, so neither a test, a start nor a reload
completes. uWSGI likewise loads the files again and again until it fails.

## How to fix
Remove the include that closes the loop.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E004"
SLUG = "include-cycle"
SEVERITY = "error"
SUMMARY = "Includes form a cycle."

BAD = {
    "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/a.conf;\n}\n",
    "etc/nginx/a.conf": "include /etc/nginx/b.conf;\n",
    "etc/nginx/b.conf": "include /etc/nginx/a.conf;\n",
}
GOOD = {
    "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/a.conf;\n}\n",
    "etc/nginx/a.conf": "include /etc/nginx/b.conf;\n",
    "etc/nginx/b.conf": "server_tokens off;\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "include-cycle")
