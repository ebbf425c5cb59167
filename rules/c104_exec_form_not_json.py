"""A Dockerfile's exec form is not JSON (`CMD ['/entrypoint.sh']`), so it runs as the shell form.

## What it checks
The arguments of `CMD`, `ENTRYPOINT`, `RUN`, `SHELL`, `COPY`, `ADD` and `VOLUME` written as a
list of quoted words, comma-separated, that is not a JSON array: words in single quotes
(`['/entrypoint.sh']`), a trailing comma (`["gunicorn", "app:app",]`), an escape JSON does not
have. A line that is valid JSON is the exec form and is left alone, as is a shell-form line
that merely starts with or holds brackets (`RUN [ -f x ] && y`, `CMD echo [a]`).

## What breaks in production
BuildKit reads the arguments as JSON only when they decode as a JSON array of strings
(`parseMaybeJSON` in moby/buildkit `frontend/dockerfile/parser/line_parsers.go`); anything else
is the shell form, taken as it is written. `ENTRYPOINT ['/entrypoint.sh']` then runs
`/bin/sh -c "['/entrypoint.sh']"`: the shell removes the quotes and looks for a command named
`[/entrypoint.sh]`, prints `not found` and exits 127, and the container exits with it (a
restart policy restarts it in a loop). A shell-form `ENTRYPOINT` also ignores `CMD` and a
Compose `command:`, so no command given elsewhere helps. A `RUN` written so fails the build the
same way. A `COPY`, `ADD` or `VOLUME` splits the text on spaces and expands each word as the
shell would, which removes the quotes and keeps the brackets and commas: `COPY ['app', '/app']`
looks for a source named `[app,`, and `VOLUME ['/data']` declares `[/data]`.
The build itself reports nothing about the quotes. Where another Dockerfile of the tree builds
FROM the image (a script tags it: `docker build -f Dockerfile.base -t org/base .`) and sets its
own start (an `ENTRYPOINT` replaces both, a `CMD` the `CMD`), the start written so is replaced
before anything runs: an info naming the assumption that nothing runs the base image itself.

## How to fix
Write the list as JSON: double quotes around every word, no trailing comma
(`ENTRYPOINT ["/entrypoint.sh"]`).

## Fix safety
`--fix` writes the same words as a JSON array, when the arguments are on one line. Safe: the
list was written as the exec form and can only have meant those words; the shell form it ran
as finds no command.
"""
from collections.abc import Iterator

from wsgilint.engine import Edit, Fix, Hit, Related
from wsgilint.model import Deployment

CODE = "C104"
SLUG = "exec-form-not-json"
SEVERITY = "error"
SUMMARY = "A Dockerfile's exec form is not JSON (single quotes, a trailing comma): it runs as the shell form."
FIXES = ("safe",)

BAD = {"Dockerfile": "FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ['/entrypoint.sh']\n",
       "entrypoint.sh": "#!/bin/sh\nexec gunicorn -b 0.0.0.0:8000 app:app\n"}
GOOD = {"Dockerfile": "FROM python:3.12-slim\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
        "entrypoint.sh": "#!/bin/sh\nexec gunicorn -b 0.0.0.0:8000 app:app\n"}

# What the shell form does instead of the exec form meant, by instruction.
_EFFECT = {
    "CMD": "the container runs `/bin/sh -c \"{text}\"`, which finds no command `{first}` and exits",
    "ENTRYPOINT": "the container runs `/bin/sh -c \"{text}\"`, which finds no command `{first}` and exits; a "
                  "shell-form ENTRYPOINT also ignores CMD and a Compose `command:`",
    "RUN": "the build runs `/bin/sh -c \"{text}\"`, which finds no command `{first}`: the build fails",
    "SHELL": "SHELL takes only the JSON form: the build fails",
}
_SPLIT = ("the words are split on spaces and lose their quotes but keep the brackets and commas ({words}): "
          "the build does not do what was meant")


def _docker_words(text: str) -> str:
    """The words Docker takes from a shell-form COPY, ADD or VOLUME: split on spaces, each
    expanded as a shell word (BuildKit's ``ProcessWord``), so its quotes go."""
    import shlex

    words = []
    for word in text.split():
        try:
            words.append("".join(shlex.split(word)))
        except ValueError:          # a quote left open: the word as written
            words.append(word)
    return ", ".join(f"`{word}`" for word in words)


def check(deployment: Deployment) -> Iterator[Hit]:
    if not deployment.exec_lookalikes:
        return
    import shlex  # here: only a Dockerfile's lookalike needs it, and loading it costs every start

    for lookalike in deployment.exec_lookalikes:
        try:   # the command the shell looks for: the first word, its quotes removed
            first = shlex.split(lookalike.text)[0]
        except (ValueError, IndexError):
            first = lookalike.text.split()[0]
        if lookalike.keyword in _EFFECT:
            effect = _EFFECT[lookalike.keyword].format(text=lookalike.text, first=first)
        else:
            effect = _SPLIT.format(words=_docker_words(lookalike.text))
        message = (f"{lookalike.keyword} {lookalike.text} is not a JSON array, so Docker reads it as the shell "
                   f"form: {effect}; write it as JSON: {lookalike.keyword} {lookalike.fixed}")
        fix = None
        if lookalike.at.column:   # the arguments are on one line: replaced there
            fix = Fix(f"write `{lookalike.fixed}`", (Edit.replacement(lookalike.at, lookalike.fixed, lookalike.text),))
        replacing = deployment.replaced_starts.get(lookalike.at)
        if replacing is not None:
            message += (f"; {replacing.path} builds FROM this image and replaces it (line {replacing.line}): "
                        "assumed nothing runs this image itself")
            yield Hit(lookalike.at, message, (Related(replacing, "replaced here"),), fix=fix, severity="info")
            continue
        yield Hit(lookalike.at, message, fix=fix)
