"""devcontainer.json: a development container the editor (VS Code, Codespaces, the
devcontainer CLI) starts from the repository.

Read where the Dev Containers specification looks: ``.devcontainer/devcontainer.json``,
``.devcontainer/<folder>/devcontainer.json`` and ``.devcontainer.json``. Only what names
a Compose service as the dev container is kept: ``dockerComposeFile`` (one path or a
list, relative to the devcontainer.json's folder, merged in order as ``docker compose -f``
does) and ``service``. The file is JSON with comments (JSONC): ``//`` and ``/* */``
comments and trailing commas are allowed, as the editor's parser allows them.
"""
from __future__ import annotations

import json
import os
import re

from ..core.context import ReadContext
from ..core.record import dataclass, field
from ..core.span import Problem, Span

_WHITESPACE = re.compile(r"[ \t\n\r]*")   # JSON's whitespace


def is_devcontainer_path(path: str) -> bool:
    """``.devcontainer.json`` anywhere, ``devcontainer.json`` in ``.devcontainer/`` or one
    folder below it (the specification's places)."""
    parts = path.replace(os.sep, "/").split("/")
    if parts[-1] == ".devcontainer.json":
        return True
    return parts[-1] == "devcontainer.json" and ".devcontainer" in parts[-3:-1]


@dataclass
class DevContainer:
    path: str                                   # display path of the devcontainer.json
    compose_files: list[str] = field(default_factory=list)   # local paths, as dockerComposeFile names them
    service: str = ""
    service_at: Span | None = None              # the ``service`` value
    problems: list[Problem] = field(default_factory=list)


def _blank_comments(text: str) -> str:
    """``text`` with JSONC comments and trailing commas turned into spaces (newlines kept),
    so offsets, lines and columns stay those of the file. One pass over the text."""
    out = list(text)
    index, length = 0, len(text)
    in_string = False
    last_comma = -1                      # a comma not yet followed by a value
    while index < length:
        char = text[index]
        if in_string:
            if char == "\\":
                index += 2
                continue
            in_string = char != '"'
        elif char == '"':
            in_string, last_comma = True, -1
        elif text.startswith("//", index):
            end = text.find("\n", index)
            end = length if end < 0 else end
            out[index:end] = " " * (end - index)
            index = end
            continue
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            if end < 0:
                break            # an unclosed comment stays, and the JSON parse rejects it
            end += 2
            out[index:end] = [c if c == "\n" else " " for c in text[index:end]]
            index = end
            continue
        elif char == ",":
            last_comma = index
        elif char in "}]":
            if last_comma >= 0:
                out[last_comma] = " "
            last_comma = -1
        elif not char.isspace():
            last_comma = -1
        index += 1
    return "".join(out)


def _span(display: str, text: str, start: int, end: int) -> Span:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(display, line, column, column + (end - start))


def _top_level(text: str) -> dict[str, tuple[object, int, int]]:
    """The top-level members of a JSON object text: name -> (value, start, end offset).
    Raises ValueError (json.JSONDecodeError) on anything that is not one JSON object."""
    decoder = json.JSONDecoder()
    whole, end = decoder.raw_decode(text, _skip(text, 0))
    if not isinstance(whole, dict):
        raise ValueError("a devcontainer.json is a JSON object")
    if text[end:].strip():
        raise json.JSONDecodeError("Extra data", text, _skip(text, end))
    members: dict[str, tuple[object, int, int]] = {}
    index = text.index("{") + 1
    # Every member moves ``index`` past its value: at most one pass over the text.
    while True:
        index = _skip(text, index)
        if text.startswith("}", index):
            return members
        name, index = json.decoder.scanstring(text, index + 1)   # type: ignore[attr-defined]
        start = _skip(text, text.index(":", index) + 1)
        value, index = decoder.raw_decode(text, start)
        members[name] = (value, start, index)
        index = _skip(text, index)
        if text.startswith(",", index):
            index += 1


def _skip(text: str, index: int) -> int:
    """The offset of the first character at or after ``index`` that is not JSON whitespace."""
    match = _WHITESPACE.match(text, index)
    return match.end() if match else index


def read_devcontainer(local_path: str, ctx: ReadContext) -> DevContainer:
    display = ctx.display(local_path)
    read = ctx.read(local_path)
    found = DevContainer(display, problems=list(read.problems))
    if read.text is None:
        return found
    text = _blank_comments(read.text)
    try:
        members = _top_level(text)
    except ValueError as error:
        at = _span(display, text, error.pos, error.pos + 1) if isinstance(error, json.JSONDecodeError) \
            else Span(display, 1)
        # The devcontainer CLI's parser (jsonc-parser) recovers from some errors: what the
        # editor makes of the file is not certain, so the finding informs.
        found.problems.append(Problem("syntax", f"not JSON with comments (JSONC): {error}; which Compose service, "
                                      "if any, it declares as the dev container is unknown (the editor's parser may "
                                      "recover from the error)", at, "info"))
        return found
    compose = members.get("dockerComposeFile")
    service = members.get("service")
    if compose is None or service is None:
        return found             # an image or a Dockerfile dev container: no Compose service named
    files = compose[0] if isinstance(compose[0], list) else [compose[0]]
    if not isinstance(service[0], str) or not all(isinstance(each, str) for each in files):
        found.problems.append(Problem("syntax", "`dockerComposeFile` is a path or a list of paths and `service` a "
                                      "service name: with other values no Compose service is read as the dev container",
                                      _span(display, text, service[1], service[2]), "info"))
        return found
    directory = os.path.dirname(os.path.abspath(local_path))
    # Written on Windows as `..\\docker-compose.yml`, which the editor there resolves: a
    # backslash in a Compose file's path is a separator, never part of a name.
    found.compose_files = [os.path.normpath(os.path.join(directory, str(each).replace("\\", "/")))
                           for each in files]
    found.service, found.service_at = service[0], _span(display, text, service[1], service[2])
    return found
