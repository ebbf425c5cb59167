"""A Compose build COPYs a file its build context does not hold, though the tree has it elsewhere.

## What it checks
Each `COPY` and `ADD` of a Dockerfile that a Compose service builds (`build:` with its
`context` and `dockerfile`), in the stages that make the image: a plain source path (not a
glob, a URL, a variable or `--from` another stage) that is not in the build context. A source
that climbs out of the context (`COPY ../../requirements.txt .`) is read at the context's root,
as BuildKit reads it (the classic builder refuses it: "forbidden path outside the build
context"); the file two folders up is not what the build copies. Only
where the checked tree holds a file of that name elsewhere (`django/uwsgi.ini` for `COPY
uwsgi.ini /app/` with `context: .`): then the tree is no partial copy that left the file out,
and the source most likely names that file from the wrong folder. A file a step the checked
files do not show puts into the context before the build (a Makefile's `cp`) is not seen:
the message says so.

## What breaks in production
BuildKit resolves every source inside the context and stops the build (`failed to compute
cache key: "/uwsgi.ini": not found`; the classic builder: `COPY failed: file not found in
build context`). `docker compose up --build` starts nothing of that service, and whatever
the file configures never runs.

What else is found in that Dockerfile (who the image runs as, how it starts) describes an
image that no build makes while every Compose service that builds it stops there: those
findings are infos that name this step. So is what is found in the files that only the
services of that Compose project read (its Compose files, their nginx and app server configs,
scripts and Dockerfiles): `docker compose up` builds every image before it starts any
container, so none of them starts. A file the host or another project also reads keeps its
findings. A Dockerfile no Compose file builds, wherever it sits, whose `COPY` or `ADD` names a
source the tree holds nowhere (`COPY src/ /app/` in a checkout without any `src`) is not reported: the
files cannot show whether a step outside them makes it. But the build stops there unless one
does, so what is found in the files only that image reads is an info that names the step,
unless a pipeline, Makefile or shell script of the tree names the source outside a comment (a
Jenkinsfile that checks another repository out into `src/` before `docker build`). A
source a step before the build usually makes (`dist/`, `build/`, `static/`, a wheel), or one the
repository's `.gitignore` keeps out of git (`secret.py`, which the deployer's working copy
holds), leaves them as they are. A service behind `profiles:` is built only when one of its profiles is active (or
it is named on the command line), which the files do not say: where its build stops, only
that service is known not to start, and the project's other services keep their findings.

## How to fix
Point the service's `build.context` at the folder that holds the file (and `dockerfile:` at
the Dockerfile relative to it), or write the source as its path inside the context
(`COPY django/uwsgi.ini /app/`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, MissingCopySource

CODE = "C105"
SLUG = "copy-source-not-in-context"
SEVERITY = "warning"
SUMMARY = "A Compose build COPYs a file its build context lacks (the tree holds it in another folder)."

BAD = {
    "docker-compose.yml": "services:\n  app:\n    build:\n      context: .\n      dockerfile: django/Dockerfile\n",
    "django/Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY uwsgi.ini /app/\n"
                         "CMD [\"uwsgi\", \"--ini\", \"/app/uwsgi.ini\"]\n",
    "django/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nhttp-socket = :8000\n",
}
GOOD = {
    "docker-compose.yml": "services:\n  app:\n    build:\n      context: ./django\n",
    "django/Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY uwsgi.ini /app/\n"
                         "CMD [\"uwsgi\", \"--ini\", \"/app/uwsgi.ini\"]\n",
    "django/uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nhttp-socket = :8000\n",
}


def check(deployment: Deployment) -> Iterator[Hit]:
    # One cause, one finding: every source a Dockerfile's build misses from one context.
    groups: dict[tuple[str, str], list[MissingCopySource]] = {}
    for missing in deployment.copy_sources_missing:
        groups.setdefault((missing.at.path, missing.context), []).append(missing)
    for (_, context), found in groups.items():
        first = found[0]
        names = ", ".join(dict.fromkeys(f"`{missing.source}`" for missing in found))
        elsewhere = ", ".join(dict.fromkeys(path for missing in found for path in missing.namesakes))
        yield Hit(first.at, f"{names} {'is' if len(found) == 1 else 'are'} not in the build context `{context}` that "
                  "the Compose service builds this Dockerfile from, so the build stops here (\"not found\") and the "
                  f"service never starts; the tree has {elsewhere}: point `build.context` at that folder or name "
                  "the files by their paths in the context (unless a step the checked files do not show puts them "
                  "there first)",
                  (*(Related(missing.at, f"`{missing.source}` is missing too") for missing in found[1:]),
                   Related(first.service, "the service that builds it")),
                  key=context)
