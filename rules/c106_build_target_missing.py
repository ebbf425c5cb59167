"""A Compose build's `target` names a stage its Dockerfile does not have.

## What it checks
`build.target` of each Compose service that builds a Dockerfile of the checked tree, against
the names its stages are given (`FROM python:3.12-slim AS production`; names compare without
case). A target written with a variable the Compose file does not resolve is left alone, as
is a Compose file run from another folder (its build context is not known) and a `build:`
that names neither `context` nor `dockerfile` (an override merged over another file with `-f`,
whose base says which Dockerfile is built).

## What breaks in production
BuildKit stops before it builds anything: `failed to solve: target stage "production" could
not be found` (the classic builder: `failed to reach build target production in Dockerfile`).
`docker compose up --build` starts nothing of that service, nor anything that waits for it
(`depends_on` with `condition: service_healthy`), and whatever its files configure never runs.
A Dockerfile whose stages were merged or renamed after the Compose file was written is the
usual cause.

What else is found in that Dockerfile (who the image runs as, how it starts) describes an
image that no build makes while every Compose service that builds it stops there: those
findings are infos that name this step. So is what is found in the files that only the
services of that Compose project read (its Compose files, their nginx and app server configs,
scripts and Dockerfiles): `docker compose up` builds every image before it starts any
container, so none of them starts. A file the host or another project also reads keeps its
findings. A service behind `profiles:` is built only when one of its profiles is active (or
it is named on the command line), which the files do not say: where its build stops, only
that service is known not to start, and the project's other services keep their findings.

## How to fix
Name one of the Dockerfile's stages in `target:`, or give the stage the Compose file builds
that name (`FROM ... AS production`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment

CODE = "C106"
SLUG = "build-target-missing"
SEVERITY = "error"
SUMMARY = "A Compose build's target names no stage of its Dockerfile."

BAD = {
    "docker-compose.yml": "services:\n  app:\n    build:\n      context: .\n      target: production\n",
    "Dockerfile": "FROM python:3.12-slim AS builder\nRUN pip wheel -w /wheels gunicorn\n"
                  "FROM python:3.12-slim\nCOPY --from=builder /wheels /wheels\n"
                  "CMD [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n",
}
GOOD = {
    "docker-compose.yml": "services:\n  app:\n    build:\n      context: .\n      target: production\n",
    "Dockerfile": "FROM python:3.12-slim AS builder\nRUN pip wheel -w /wheels gunicorn\n"
                  "FROM python:3.12-slim AS production\nCOPY --from=builder /wheels /wheels\n"
                  "CMD [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    for missing in deployment.build_targets_missing:
        named = ", ".join(f"`{stage}`" for stage in missing.stages) if missing.stages else "none (no `FROM ... AS`)"
        yield Hit(missing.at, f"`target: {missing.target}` names no stage of {missing.dockerfile} (its named stages: "
                  f"{named}): the build stops (`target stage \"{missing.target}\" could not be found`) and the "
                  "service never starts, nor what waits for it; name one of its stages, or call the stage to build "
                  f"`{missing.target}` (`FROM ... AS {missing.target}`)",
                  (Related(missing.service, "the service that builds it"),))
