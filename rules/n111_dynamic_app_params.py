"""nginx tells uWSGI which app to load per request (`uwsgi_param UWSGI_SCRIPT ...`).

## What it checks
A `uwsgi_param` that sends one of uWSGI's dynamic-app variables: `UWSGI_SCRIPT`,
`UWSGI_MODULE`, `UWSGI_CALLABLE`, `UWSGI_FILE`, `UWSGI_PYHOME`, `UWSGI_HOME`,
`UWSGI_CHDIR`, `UWSGI_SETENV`, `UWSGI_APPID`, `UWSGI_POSTFILE`, `UWSGI_TOUCH_RELOAD`
(old tutorials, and the "one uWSGI for many sites" `vhost` setups).

## What breaks in production
uWSGI 2.0 honours these variables in every uwsgi-protocol request and loads the named
app on the fly (`core/protocol.c`; `UWSGI_SETENV` calls `setenv()` in the worker,
`UWSGI_FILE=exec://...` runs a command); 2.0 has no switch to turn this off. The app
is imported at request time inside a worker, and the uWSGI socket becomes able to
run code for anyone who can send it these variables: any local user or process that
can connect to it, not only nginx.

## How to fix
Load the app in the uWSGI config (`chdir`, `module`, `home`/`virtualenv`), drop these
`uwsgi_param` lines, and run one uWSGI instance (or an Emperor vassal) per app.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "N111"
SLUG = "dynamic-app-params"
SEVERITY = "error"
SUMMARY = "nginx sends UWSGI_SCRIPT/UWSGI_FILE/UWSGI_CHDIR...: uWSGI loads apps chosen per request."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                            "        uwsgi_pass 127.0.0.1:9090;\n        uwsgi_param UWSGI_CHDIR /var/www/app;\n"
                            "        uwsgi_param UWSGI_SCRIPT app_wsgi;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                             "        uwsgi_pass 127.0.0.1:9090;\n    }\n}\n"}

DYNAMIC = frozenset({
    "UWSGI_SCRIPT", "UWSGI_MODULE", "UWSGI_CALLABLE", "UWSGI_FILE", "UWSGI_PYHOME", "UWSGI_HOME", "UWSGI_CHDIR",
    "UWSGI_SETENV", "UWSGI_APPID", "UWSGI_POSTFILE", "UWSGI_TOUCH_RELOAD",
})


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for directive in instance.directives:
            if directive.name != "uwsgi_param" or not directive.args:
                continue
            if directive.args[0] in DYNAMIC:   # uWSGI compares the names case-sensitively
                yield Hit(directive.at, f"`uwsgi_param {directive.args[0]}` makes uWSGI choose or change the app per "
                          "request (a dynamic app, imported in a worker at request time); uWSGI 2.0 takes these "
                          "variables from any client of the socket and cannot turn them off, so whoever reaches it "
                          "can load code; set chdir/module/home in the uWSGI config and remove this line")
