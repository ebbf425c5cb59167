"""A Compose service has neither `image:` nor `build:`, so Compose refuses the project.

## What it checks
Each service of a project that `docker compose` run in its folder reads as it is (its
`compose.yaml` or `docker-compose.yml`, with the override file beside it merged over it), after
that merge: one with no `image`, no `build` and no `extends` to take them from. A service
behind `profiles:` is left alone (a run may not enable it), and so is every service of a
Compose file of another name, which may be an overlay that `-f base.yml -f file.yml` merges
over a base that has them, of an override file with no main file beside it (Compose reads
none there), and of a `.devcontainer` folder's Compose file (devcontainer.json's
`dockerComposeFile` merges it over the project's own).

## What breaks in production
Compose checks the merged project before it does anything and refuses it whole:
`service "celery" has neither an image nor a build context specified: invalid compose project`
(compose-spec/compose-go `loader/validate.go`, `checkConsistency`). `docker compose up`,
`build`, `pull` and `config` all stop there; no container of the project is created or
restarted, so a deployment that drops a service's `build:` stops deploying. What else is found
in the files only that project reads describes containers that never start: those findings are
infos that name this.

## How to fix
Give the service its `image:` or `build:` back (a service that runs the app's image with
another command usually repeats the app service's `build:` or names its `image:`), or remove it.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment

CODE = "C109"
SLUG = "service-without-image"
SEVERITY = "error"
SUMMARY = "A Compose service has neither image nor build: Compose refuses the project."

BAD = {"compose.yaml": "services:\n  web:\n    build: .\n  worker:\n    command: celery -A shop worker\n",
       "Dockerfile": "FROM python:3.12-slim\nRUN pip install celery\n"}
GOOD = {"compose.yaml": "services:\n  web:\n    build: .\n  worker:\n    build: .\n    command: celery -A shop worker\n",
        "Dockerfile": "FROM python:3.12-slim\nRUN pip install celery\n"}


def check(deployment: Deployment) -> Iterator[Hit]:
    for imageless in deployment.imageless_services:
        yield Hit(imageless.at, f"Compose service {imageless.service} has neither `image:` nor `build:`: Compose "
                  f"refuses the whole project ({imageless.project}: `service \"{imageless.service}\" has neither an "
                  "image nor a build context specified: invalid compose project`) and starts nothing; give it "
                  "`image:` or `build:`, or remove it")
