"""The check stopped where the configuration multiplies its own size.

## What it checks
Includes, loops and counts can make a few lines stand for millions: a chain of nginx
files each including the next twice, uWSGI includes that repeat, a Supervisor
`numprocs = 1000000`. wsgilint reads each file once and follows such repetition up to
a bound (see docs/security.md, "Bounded work"); where it stops, this finding says what
was left unchecked.

## What breaks in production
The real program does the work wsgilint refused: nginx reads every included copy (a
22-file include chain took nginx 12 s and 1 GB to test), supervisord forks each of the
processes. Such a configuration is slow to load or exhausts the machine; more often it
is a mistake (an include listed twice, a count with extra zeros) or an attack in a pull
request.

## How to fix
Include a file once where it is needed; set counts to what the machine can run.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E009"
SLUG = "check-limit"
SEVERITY = "warning"
SUMMARY = "Includes, loops or counts multiply the configuration past what is checked."

BAD = {
    "etc/nginx/nginx.conf": "events {}\nhttp {\n    include d0.conf;\n}\n",
    **{f"etc/nginx/d{level}.conf": f"add_header X-Level-{level} on;\n"
       + (f"include d{level + 1}.conf;\ninclude d{level + 1}.conf;\n" if level < 17 else "")
       for level in range(18)},
}
GOOD = {
    "etc/nginx/nginx.conf": "events {}\nhttp {\n    include d0.conf;\n}\n",
    **{f"etc/nginx/d{level}.conf": f"add_header X-Level-{level} on;\n"
       + (f"include d{level + 1}.conf;\n" if level < 17 else "")
       for level in range(18)},
}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "limit")
