"""A file includes itself, directly or through other files.

## What it checks
Include chains in nginx and uWSGI configs that come back to a file already being read.

## What breaks in production
nginx and uWSGI follow includes without cycle detection: the server fails at start
(nginx runs out of open files or reports the recursion; uWSGI loops until it fails).

## How to fix
Remove the include that closes the loop.
"""
from wsgilint.engine import problem_hits

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


def check(deployment):
    yield from problem_hits(deployment, "include-cycle")
