"""A Compose service depends on a service its project does not define.

## What it checks
Each name in a service's `depends_on` (the list form and the map form alike, and the
entries a service inherits through `extends`) against the services of its project: the
files Compose merges by default (`compose.yaml` or `docker-compose.yml` and the override
file beside it, `compose.override.yaml` / `docker-compose.override.yml`) and the services
every `include:` brings in. A service behind `profiles:` still counts: it is a service of the
project, enabled or not.

Where the files cannot show the whole project, it informs instead, naming the assumption:
an `include` of a file the checked tree does not hold, or another Compose file of the tree
that defines the name (`docker compose -f docker-compose.yml -f docker-compose.prod.yml`
merges files Compose does not read by default): one in the same folder, or one elsewhere
whose name is not a default project name (`deploy/docker-compose.prod.yml`). A
`compose.yaml` or `docker-compose.yml` (or its override) of another folder is that folder's
own project, not a part of this one: Compose reads only the default files of the folder it
runs in, and merging another folder's project with `-f` would resolve its relative paths
from this folder. The error stands then, unless this file's own relative paths (its `build:`
contexts and bind mounts) are none of them beside it and some beside that other file: an
overlay run from there (`-f docker-compose.yml -f extensions/x/x-compose.yml`), an info. So
is a file with a service that has neither `image` nor `build`: Compose refuses it alone, so it
only adds to services another file defines.

## What breaks in production
Compose checks the merged project before it does anything and refuses it whole:
`service "web" depends on undefined service "users": invalid compose project`
(compose-spec/compose-go `loader/validate.go`). `docker compose up`, `build`, `pull` and
`config` all stop there; no container of the project is created or restarted, so a
deployment that adds such a line stops deploying. `required: false` does not help: it
excuses only a service that exists but that no active profile enables.

What else is found in the files that only that project's services read (its Compose files,
their Dockerfiles, scripts, nginx and app server configs) describes containers that never
start: where it is an error, those findings are infos that name it. A file the host or
another project also reads keeps its findings.

## How to fix
Fix the name (a typo, or a service renamed), define the service, or remove the entry. If
the service lives in another Compose file, merge it in: `include:` it, or name both files
with `-f` (or `COMPOSE_FILE`) wherever Compose is run.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "C102"
SLUG = "depends-on-unknown-service"
SEVERITY = "error"
SUMMARY = "A Compose service depends on a service its project does not define."

BAD = {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - users\n"
                       "  app:\n    image: python:3.12-slim\n"}
GOOD = {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - app\n"
                        "  app:\n    image: python:3.12-slim\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    seen: set[tuple[str, int, int, str]] = set()   # an extends base's entry, checked in the base's file and its user's
    for dependency in deployment.compose_dependencies:
        at = dependency.at
        if dependency.defined or (at.path, at.line, at.column, dependency.name) in seen:
            continue
        seen.add((at.path, at.line, at.column, dependency.name))
        who = f"Compose service {dependency.service}" + (f" ({dependency.via})" if dependency.via else "")
        refusal = (f"Compose refuses the whole project (`service \"{dependency.service}\" depends on undefined "
                   f"service \"{dependency.name}\": invalid compose project`) and starts nothing")
        if dependency.elsewhere or dependency.unseen:
            assumption = (f"{dependency.elsewhere} defines it, which Compose merges only when run with `-f` "
                          "naming both files" if dependency.elsewhere else dependency.unseen)
            yield Hit(at, f"{who} depends on `{dependency.name}`, which no file of its project "
                      f"({dependency.project}) shown here defines; {assumption}. Without it {refusal}",
                      severity="info")
            continue
        yield Hit(at, f"{who} depends on `{dependency.name}`, which no service of its project "
                  f"({dependency.project}) defines: {refusal}; fix the name, define the service or drop the entry")
