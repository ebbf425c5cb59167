"""The app server loads its app from a module of a package of the tree that the package lacks.

## What it checks
A dotted module a uWSGI instance (`module`, `wsgi`) or Gunicorn (`server.wsgi:application`)
loads its app from, where the checked tree holds the module's package, with its
`__init__.py`, in the folder the server starts in (that of a file that configures or starts
it, or the top of the tree) and no file of the tree is that module (`server/uwsgi.py` nor
`server/uwsgi/__init__.py` anywhere). Python finds the tree's package first and looks for
the module there only. A server that adds folders to the import path (`pythonpath`,
PYTHONPATH), or whose environment the files do not show whole, is left alone: the module may
be found there. The app's code is read where nginx in the checked files routes requests, so
this rule looks at those trees only.

So is a module of a renamed Django project: `PomarinaScouts.wsgi`, where no Python file of
the tree has the name `PomarinaScouts` (no module, no package), but a manage.py in the folder
the server starts in has beside it the one project package that holds a `wsgi.py`
(`Scouts/`), for a server whose start surely runs (a container's command, a systemd unit); a
Supervisor program's ini may be a template's leftover, which names the template's project.
The import fails at its first name.

## What breaks in production
The import fails. uWSGI logs `ModuleNotFoundError: No module named 'server.uwsgi'` and
`*** no app loaded. going in full dynamic mode ***`, stays up and answers every request
with 500 (measured with uWSGI 2.0.31; with `need-app` it logs `*** no app loaded. GAME OVER
***` and exits). Gunicorn's workers fail to boot and the master exits with status 3
(`Reason: Worker failed to boot.`, measured with Gunicorn 27). The manager restarts it over
and over, or a uWSGI without `need-app` looks up while nothing is served.

## How to fix
Name the module the tree holds (`module = server.wsgi`), or add it to the package.
"""
import posixpath
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, Span

CODE = "X121"
SLUG = "app-module-missing"
SEVERITY = "error"
SUMMARY = "The app server loads its app from a module its package in the tree does not hold."

BAD = {"shop/__init__.py": "", "shop/wsgi.py": "application = None\n",
       "uwsgi.ini": "[uwsgi]\nsocket = /run/shop.sock\nmodule = shop.uwsgi\nmaster = true\n",
       "supervisor.conf": "[program:shop]\ncommand=uwsgi --ini uwsgi.ini\ndirectory=/srv/shop\n",
       "nginx.conf": "events {}\nhttp { server { listen 80; location / { include uwsgi_params; "
                     "uwsgi_pass unix:/run/shop.sock; } } }\n"}
GOOD = {"shop/__init__.py": "", "shop/wsgi.py": "application = None\n",
        "uwsgi.ini": "[uwsgi]\nsocket = /run/shop.sock\nmodule = shop.wsgi\nmaster = true\n",
        "supervisor.conf": "[program:shop]\ncommand=uwsgi --ini uwsgi.ini\ndirectory=/srv/shop\n",
        "nginx.conf": "events {}\nhttp { server { listen 80; location / { include uwsgi_params; "
                      "uwsgi_pass unix:/run/shop.sock; } } }\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    readers = deployment.app_request_readers
    if readers is None:
        return
    for server in deployment.app_servers:
        missing = readers.missing_module(server)
        if missing is None:
            continue
        module, package, renamed = missing
        option = next((o for o in server.all("module", "wsgi") if str(o.value).split(":", 1)[0].strip() == module),
                      None) if server.kind == "uwsgi" else None
        at = option.at if option is not None else server.at
        failure = ("uWSGI loads no app and answers every request with 500 (with `need-app`, it exits)"
                   if server.kind == "uwsgi" else "Gunicorn's workers fail to boot and it exits")
        top, file = module.split(".", 1)[0], module.rsplit(".", 1)[1]
        if renamed:
            yield Hit(at, f"the app is loaded from `{module}`, but no module or package of the tree is named {top}: "
                      f"its Django project beside manage.py is {renamed}/, which holds {file}.py; the import fails "
                      f"(\"No module named '{top}'\"), {failure}; name "
                      f"`{posixpath.basename(renamed)}.{file}`",
                      (Related(Span(f"{renamed}/{file}.py"), "the module the project holds"),))
            continue
        yield Hit(at, f"the app is loaded from `{module}`, but the tree's package {package}/ holds no {file}.py "
                  f"(nor {file}/__init__.py) and no file of the tree is that module: the import fails "
                  f"(\"No module named '{module}'\"), {failure}; name a module the tree holds",
                  (Related(Span(f"{package}/__init__.py"), "the package Python imports first"),))
