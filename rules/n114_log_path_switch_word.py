"""`error_log off;` or `access_log on;`: a log file named after a switch word.

## What it checks
An `access_log` or `error_log` whose path is a word that reads like a switch (`on`,
`off`, `none`, `no`, `false`, `disable`...), where nginx does not take it as one. The only
switch nginx knows here is `access_log off;`, written in lower case; every other such word
is a file name.

## What breaks in production
nginx opens a file with that name relative to its prefix (`nginx -V`: `--prefix`,
`/usr/share/nginx` with Debian's nginx). Measured with nginx 1.22:
- `error_log off;` does not switch the error log off (error_log has no `off`): the errors
  go on being written, to a file named `off` that nobody reads, that no logrotate rule
  rotates, and that grows until the disk is full;
- `access_log on;` logs every request, to a file named `on` instead of the access log the
  operators read;
- `access_log OFF;` and `access_log none;` log every request, to files `OFF` and `none`.

## How to fix
For no access log, write `access_log off;`. To discard errors, write
`error_log /dev/null crit;`. Otherwise name a real file: `access_log /var/log/nginx/access.log;`, `error_log /var/log/nginx/error.log warn;`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "N114"
SLUG = "log-path-switch-word"
SEVERITY = "warning"
SUMMARY = "A log path that reads like a switch (`error_log off;`, `access_log on;`): nginx writes a file of that name."

BAD = {"deploy/nginx.conf": "error_log off;\nevents {}\nhttp {\n    access_log on;\n    server {\n        listen 80;\n"
                            "        location / {\n            proxy_pass http://127.0.0.1:8000;\n        }\n"
                            "    }\n}\n"}
GOOD = {"deploy/nginx.conf": BAD["deploy/nginx.conf"].replace("error_log off;", "error_log /dev/null crit;")
        .replace("access_log on;", "access_log off;")}

# Words people write to switch a log on or off; compared in lower case. nginx's only
# switch among them is `access_log off;` exactly (ngx_http_log_set_log compares with
# strcmp); error_log has none (ngx_log_set_log opens any word but stderr, syslog:, memory:).
_SWITCH_WORDS = frozenset({"on", "off", "none", "no", "yes", "true", "false", "disable", "disabled",
                           "enable", "enabled"})


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for directive in instance.log_directives:
            if not directive.args:
                continue
            word = directive.args[0]
            if word.lower() not in _SWITCH_WORDS or (directive.name == "access_log" and word == "off"):
                continue
            written = f"`{directive.name} {word};`"
            if directive.name == "error_log":
                yield Hit(directive.value_at, f"{written} is not a switch (error_log has no on or off): nginx writes its errors to a file named `{word}` under its prefix "
                          f"(/usr/share/nginx/{word} with Debian's nginx), which nobody reads and which fills the "
                          "disk; write `error_log /dev/null crit;` to discard errors, or a real path such as "
                          "`error_log /var/log/nginx/error.log;`")
            else:
                yield Hit(directive.value_at, f"{written} is not a switch: nginx logs every request to a file "
                          f"named `{word}` under its prefix (/usr/share/nginx/{word} with Debian's nginx); write "
                          "`access_log off;` for no access log, or a real path such as "
                          "`access_log /var/log/nginx/access.log;`")
