"""Docker Compose projects: which files make one, ``.env`` interpolation, and merging.

Follows the Compose specification (compose-spec ``12-interpolation.md``,
``13-merge.md``) and compose-go's choice of files (``compose_projects.py``: the default names, ``COMPOSE_FILE``
in ``.env``, an override file beside its base). Variables come from the project's ``.env``
only: the shell environment of the machine that will run Compose is not in the files,
so a variable neither there nor given a default stays unresolved and its value is
left as written (the model treats it as unknown). The one exception is ``PWD``, which every
shell sets to the folder Compose is run from: it is read as the project's folder, where a
deploy script runs it (``cd docker/prod && docker compose up``), so that
``context: ${PWD}/../..`` is the folder two above the Compose file.
"""
from __future__ import annotations

import os
import re
from dataclasses import replace

from ..core.context import ReadContext
from ..core.record import dataclass, field
from ..core.span import Problem, Span
from .yaml_nodes import Node, load_yaml

MAIN_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")
OVERRIDE_NAMES = ("compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml",
                  "docker-compose.override.yml")
_NAME = r"[_a-zA-Z][_a-zA-Z0-9]*"
_VARIABLE = re.compile(rf"\$(?:(\$)|({_NAME})|\{{({_NAME})(?:(:?[-?+])|(?=\}}))|(\{{))")
# Attributes a later file replaces instead of merging (13-merge.md "Shell commands").
_REPLACED = ("command", "entrypoint")
# Sequences whose entries are unique by a key: a later entry with the key replaces the earlier.
_UNIQUE = {"volumes", "ports", "secrets", "configs"}
_AS_MAPPING = ("environment", "labels", "extra_hosts", "sysctls")


@dataclass
class ComposeProject:
    files: list[str]                        # local paths, in merge order
    directory: str                          # the project directory (relative paths resolve here)
    services: dict[str, Node] = field(default_factory=dict)
    volumes: dict[str, Node] = field(default_factory=dict)
    networks: dict[str, Node] = field(default_factory=dict)   # the top-level ``networks:``
    name: str = ""                          # the project name (``project_name``)
    name_from: str = ""                     # what gives it: "COMPOSE_PROJECT_NAME in .env", "name:", "directory"
    env_file: str | None = None             # the .env read, when there is one
    problems: list[Problem] = field(default_factory=list)
    unresolved: dict[str, Span] = field(default_factory=dict)   # variable -> where first used unset
    includes: list[Node] = field(default_factory=list)   # the entries of ``include:``, every file's


# ----------------------------------------------------------------------------- interpolation


def interpolate(text: str, env: dict[str, str], depth: int = 0) -> tuple[str, list[str], str]:
    """``text`` with ``$VAR``/``${VAR…}`` replaced: (result, unset names, error)."""
    out: list[str] = []
    unset: list[str] = []
    position = 0
    while position < len(text):
        match = _VARIABLE.search(text, position)
        if match is None:
            out.append(text[position:])
            break
        out.append(text[position:match.start()])
        dollar, bare, braced, operator, invalid = match.groups()
        if dollar:
            out.append("$")
            position = match.end()
            continue
        if bare:
            if bare in env:
                out.append(env[bare])
            else:
                unset.append(bare)
                out.append(match.group(0))
            position = match.end()
            continue
        if invalid or depth > 10:
            return text, unset, f"invalid interpolation format for {text!r}"
        end = _closing_brace(text, match.end())
        if end < 0:
            return text, unset, f"invalid interpolation format for {text!r}: missing }}"
        argument = text[match.end():end]
        value = env.get(braced)
        is_set = braced in env and (value != "" or not (operator or "").startswith(":"))
        if operator in (":-", "-"):
            if is_set:
                out.append(value or "")
            else:
                default, inner_unset, error = interpolate(argument, env, depth + 1)
                if error:
                    return text, unset, error
                unset.extend(inner_unset)
                out.append(default)
        elif operator in (":?", "?"):
            # Unset here, it may still come from the shell that runs Compose: unknown, not an error.
            if not is_set:
                unset.append(braced)
            out.append(value or "" if is_set else text[match.start():end + 1])
        elif operator in (":+", "+"):
            if is_set:
                replacement, inner_unset, error = interpolate(argument, env, depth + 1)
                unset.extend(inner_unset)
                out.append(replacement)
        elif braced in env:
            out.append(env[braced])
        else:
            unset.append(braced)
            out.append(text[match.start():end + 1])
        position = end + 1
    return "".join(out), unset, ""


def _closing_brace(text: str, start: int) -> int:
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return -1


def read_dotenv(text: str) -> dict[str, str]:
    """``KEY=VALUE`` lines as Compose reads ``.env``: ``export`` prefix, ``#`` comments,
    single quotes literal, double quotes with escapes, ``${X}`` from earlier lines."""
    env: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").lstrip()
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", key):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == "'":
            env[key] = value[1:-1]
            continue
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")
        else:
            value = re.split(r"\s+#", value, maxsplit=1)[0].strip()
        env[key] = interpolate(value, env)[0]
    return env


def _interpolated(node: Node, env: dict[str, str], project: ComposeProject) -> Node:
    """Every string value interpolated (keys are not, as in Compose)."""
    if isinstance(node.value, dict):
        return replace(node, value={key: _interpolated(child, env, project) for key, child in node.value.items()})
    if isinstance(node.value, list):
        return replace(node, value=[_interpolated(child, env, project) for child in node.value])
    if not isinstance(node.value, str) or "$" not in node.value:
        return node
    text, unset, error = interpolate(node.value, env)
    if error:
        project.problems.append(Problem("syntax", f"Compose refuses this value: {error}", node.at))
        return replace(node, value=None)
    for name in unset:
        project.unresolved.setdefault(name, node.at)
    return replace(node, value=text, tag="!unresolved" if unset else node.tag)


# ------------------------------------------------------------------------------ shell commands


def split_command(text: str) -> list[str] | None:
    """A ``command:``/``entrypoint:`` string split into argv as compose-go does it, with
    go-shellwords' ``Parse`` (no shell): a backslash outside single quotes escapes the next
    character, inside double quotes too (``\\t`` and ``\\n`` become a tab and a newline);
    an unquoted ``;``, ``&``, ``|``, ``<`` or ``>`` ends the command (the rest is dropped,
    with a digit word before ``>``). None where Compose refuses the file (``command_refusal``)."""
    words, refusal = _split(text)
    return None if refusal else words


def command_refusal(text: str) -> str:
    """Why go-shellwords' ``Parse`` refuses a command string ("" when it does not): an
    unclosed quote, backquote or ``$(``, a backslash at the end, a ``(`` not after ``$`` or
    a ``)`` that closes no ``$(``. Its error is always "invalid command line string"
    (mattn/go-shellwords ``shellwords.go``), and compose-go's loader stops on it, so Compose
    runs nothing of the project: ``'services[web].command' invalid command line string``."""
    return _split(text)[1]


def _split(text: str) -> tuple[list[str], str]:
    words: list[str] = []
    buf: list[str] = []
    got = escaped = single = double = backquote = dollar = False
    for char in text:
        if escaped:
            escaped = False
            if backquote or dollar:
                buf += ["\\", char]
            else:
                buf.append({"t": "\t", "n": "\n"}.get(char, char))
            got = True
            continue
        if char == "\\":
            if single:
                buf.append(char)
            else:
                escaped = True
            continue
        if char in " \t\r\n":
            if single or double or backquote or dollar:
                buf.append(char)
            elif got:
                words.append("".join(buf))
                buf, got = [], False
            continue
        if char == "`" and not single and not double and not dollar:
            backquote = not backquote
        elif char == ")" and not single and not double and not backquote:
            if not dollar:
                return words, "a `)` that closes no `$(`"
            dollar = False
        elif char == "(" and not single and not double and not backquote:
            if dollar or not buf or buf[-1] != "$":
                return words, "a `(` not right after `$`"
            dollar = True
        elif char == '"' and not single and not dollar and not backquote:
            got, double = got or double, not double
            continue
        elif char == "'" and not double and not dollar and not backquote:
            got, single = got or single, not single
            continue
        elif char in ";&|<>" and not (single or double or backquote or dollar):
            if char == ">" and buf and all(c.isdigit() for c in buf):
                got = False
            break
        got = True
        buf.append(char)
    unclosed = ("a backslash at the end" if escaped else "an unclosed single quote" if single else
                "an unclosed double quote" if double else "an unclosed backquote" if backquote else
                "an unclosed `$(`" if dollar else "")
    return words + (["".join(buf)] if got else []), unclosed


# ------------------------------------------------------------------------------------ merging


def _volume_target(node: Node) -> str:
    if isinstance(node.value, dict):
        target = node.get("target")
        return target.text if target else ""
    parts = node.text.split(":")
    return parts[1] if len(parts) > 1 else parts[0]


def _unique_key(name: str, node: Node) -> str:
    if name == "volumes":
        return _volume_target(node)
    if isinstance(node.value, dict):
        return repr(sorted((k, v.text) for k, v in node.value.items() if not isinstance(v.value, (dict, list))))
    return node.text


def _as_mapping(node: Node) -> Node:
    """``environment: [A=1, B]`` as the mapping Compose merges it as."""
    if not isinstance(node.value, list):
        return node
    entries: dict[str, Node] = {}
    for item in node.value:
        key, sep, value = item.text.partition("=")
        entries[key] = Node(value if sep else None, item.at, item.at)
    return replace(node, value=entries)


def merge(base: Node, over: Node, name: str = "") -> Node:
    if over.tag == "!reset":
        return replace(over, value=None, tag="")
    if over.tag == "!override" or name in _REPLACED:
        return over
    if name in _AS_MAPPING:
        base, over = _as_mapping(base), _as_mapping(over)
    if isinstance(base.value, dict) and isinstance(over.value, dict):
        merged = dict(base.value)
        for key, child in over.value.items():
            merged[key] = merge(merged[key], child, key) if key in merged else child
        merged = {key: child for key, child in merged.items() if child.value is not None or child.tag != ""
                  or key not in over.value or over.value[key].tag != "!reset"}
        return replace(over, value=merged)
    if isinstance(base.value, list) and isinstance(over.value, list):
        if name in _UNIQUE:
            keyed = {_unique_key(name, item): item for item in base.value}
            keyed.update((_unique_key(name, item), item) for item in over.value)
            return replace(over, value=list(keyed.values()))
        return replace(over, value=base.value + over.value)
    return over


# ------------------------------------------------------------------------------------ projects


def is_compose_text(text: str) -> bool:
    """Whether the document's top mapping has a `services` key. YAML lets the whole document be
    indented (` version: '2'` / ` services:`), and Compose reads it so: the top keys are those at
    the indentation of its first key."""
    first = re.search(r"^([ \t]*)[^\s#]", text, re.M)
    indent = re.escape(first.group(1)) if first else ""
    return bool(re.search(rf"^{indent}services[ \t]*:", text, re.M))


def read_project(files: list[str], ctx: ReadContext) -> ComposeProject:
    directory = os.path.dirname(files[0])
    project = ComposeProject(files=files, directory=directory)
    env: dict[str, str] = {}
    dotenv = os.path.join(directory, ".env")
    if os.path.isfile(dotenv):
        text = ctx.read(dotenv).text
        if text is not None:
            env = read_dotenv(text)
            project.env_file = dotenv
    env.setdefault("PWD", os.path.abspath(directory))
    merged: Node | None = None
    for path in files:
        text = ctx.read(path).text
        if text is None:
            continue
        root, problems = load_yaml(text, ctx.display(path))
        project.problems.extend(problems)
        if root is None:
            continue
        if not isinstance(root.value, dict):
            project.problems.append(Problem("syntax", "a Compose file is a YAML mapping", root.at))
            continue
        root = _interpolated(root, env, project)
        merged = root if merged is None else merge(merged, root)
    if merged is not None:
        for key, target in (("services", project.services), ("volumes", project.volumes),
                            ("networks", project.networks)):
            section = merged.get(key)
            if section is not None and isinstance(section.value, dict):
                target.update({name: node for name, node in section.value.items() if isinstance(node.value, dict)
                               or (key == "volumes" and node.value is None)})
        included = merged.get("include")
        if included is not None and isinstance(included.value, list):
            project.includes = list(included.value)
        named = merged.get("name")
        if named is not None and isinstance(named.value, str) and normalize_project_name(named.text):
            project.name, project.name_from = normalize_project_name(named.text), "name:"
        project.problems.extend(_refused_commands(project.services))
    if normalize_project_name(env.get("COMPOSE_PROJECT_NAME", "")):
        project.name = normalize_project_name(env["COMPOSE_PROJECT_NAME"])
        project.name_from = "COMPOSE_PROJECT_NAME in .env"
    if not project.name:
        project.name = normalize_project_name(os.path.basename(os.path.abspath(directory)))
        project.name_from = "directory"
    return project


def normalize_project_name(text: str) -> str:
    """The project name Compose makes of ``text``: lower-cased, every character outside
    ``[a-z0-9_-]`` dropped, leading ``_`` and ``-`` trimmed (compose-go ``loader.NormalizeProjectName``).
    Compose takes ``-p``, else ``COMPOSE_PROJECT_NAME`` (the shell's, else the project's
    ``.env``), else the top-level ``name:``, else the base name of the project directory
    (compose-go ``cli/options.go`` ``withNamePrecedenceLoad``, ``loader.projectName``); the
    shell's variable and ``-p`` are not in the files."""
    return re.sub(r"[^a-z0-9_-]", "", text.lower()).lstrip("_-")


def _refused_commands(services: dict[str, Node]) -> list[Problem]:
    """A ``command:``/``entrypoint:`` string go-shellwords cannot split: Compose stops loading
    the project there. Checked once merged, as a later file replaces the whole value; a value
    with a variable the files do not give is left alone (its text is not known)."""
    problems = []
    for name, service in services.items():
        for key in _REPLACED:
            node = service.get(key)
            if node is None or not isinstance(node.value, str) or node.tag == "!unresolved":
                continue
            refusal = command_refusal(node.value)
            if refusal:
                problems.append(Problem(
                    "syntax", f"Compose refuses this {key}: it splits a {key} string into words with "
                    f"go-shellwords, which stops at {refusal} (`docker compose` says: 'services[{name}].{key}' "
                    f"invalid command line string) and starts nothing; close it, or write the {key} as a "
                    "YAML list of words", node.at))
    return problems
