"""A file is a template, not final configuration.

## What it checks
Jinja2 (`{{ var }}`, `{% if %}`), Go templates, ERB (`<%= %>`) and envsubst
(`${VAR}` in a `.template` file, or one whose name says template: `nginx.template.conf`)
are recognised, and so is an nginx file a shell script renders: a line that is only a
variable (`$RATE_LIMIT`, standing for whole directives), or backslash-escaped `$host` in a file
whose name says template, and `#name#` placeholders in an nginx directive's arguments
(`server_name #app#;`, which a deploy script replaces; nginx would read a comment there).
An nginx file anywhere with an upper-case `${NAME}` that is no variable of nginx's stock
modules nor one the file sets is an envsubst template as well: nginx looks a name up in
lower case (`${HOST}` is `$host`) and refuses any other (`unknown "dollar" variable` for the
`${DOLLAR}` that envsubst turns into `$`).
A `${name}` or `%(name)s` in a Supervisor, uWSGI or systemd section name is a template too:
none of them expands a section name. So is an nginx file that opens a block with `{{`
(`server {{`: text for Python's `str.format`, which doubles every brace), and a systemd, nginx,
uWSGI or Supervisor file that a shell script of the tree names and fills in with sed, where
the file holds the upper-case word the script replaces (`sed 's/UWSGIAPP/'"$UWSGIAPP"'/g'
flaskapp.service` beside `ExecStart=UWSGIAPP --ini app.ini`). Their final text is only known
after rendering, so they are listed and not checked.

## How to fix
Check the rendered files instead: render the templates into a folder and run
`wsgilint check` on it.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, problem_hits
from wsgilint.model import Deployment

CODE = "E006"
SLUG = "template-file"
SEVERITY = "info"
SUMMARY = "The file is a template; it was not checked."

BAD = {"deploy/nginx.conf": "server {\n    listen {{ port }};\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    yield from problem_hits(deployment, "template")
