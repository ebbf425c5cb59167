"""Procfile: the processes a platform starts (Heroku, AWS Elastic Beanstalk, Dokku, foreman).

One process type a line, ``name: command`` (the name letters, digits, ``_`` and ``-``);
lines of any other shape are ignored, as Heroku's and Elastic Beanstalk's parsers do. The
command is kept as written: the platform hands it to a shell, which the model reproduces.
"""
from __future__ import annotations

import functools
import os
import re

from ..core.context import ReadContext
from ..core.record import dataclass, field
from ..core.span import Problem, Span


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _line() -> re.Pattern[str]:
    return re.compile(r"^([A-Za-z0-9_-]+):[ \t]*(\S.*?)[ \t]*$")


_MAX_EB_FILES = 200


@dataclass(frozen=True)
class ProcfileEntry:
    name: str
    command: str
    name_at: Span
    at: Span                  # the command


@dataclass
class Procfile:
    path: str
    entries: list[ProcfileEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def is_procfile_text(text: str) -> bool:
    """Every line that is not blank or a comment is ``name: command``, and there is one."""
    lines = [line for line in text.splitlines()[:200] if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and all(_line().match(line) for line in lines)


def read_procfile(local_path: str, ctx: ReadContext) -> Procfile:
    display = ctx.display(local_path)
    text = ctx.read(local_path)
    procfile = Procfile(display, problems=list(text.problems))
    for number, line in enumerate((text.text or "").splitlines(), 1):
        match = _line().match(line)
        if match is None:
            continue
        procfile.entries.append(ProcfileEntry(
            match.group(1), match.group(2), Span(display, number, 1, len(match.group(1)) + 1),
            Span(display, number, match.start(2) + 1, match.end(2) + 1)))
    return procfile


EB_ENVIRONMENT = "aws:elasticbeanstalk:application:environment"


def read_eb_environment(local_dir: str, ctx: ReadContext) -> dict[str, tuple[str, Span]]:
    """Environment properties that ``.ebextensions/*.config`` files set (``option_settings``
    in the ``aws:elasticbeanstalk:application:environment`` namespace, as a mapping or as
    a list of namespace/option_name/value), applied in file name order as Elastic Beanstalk
    does."""
    from .yaml_nodes import load_yaml

    directory = os.path.join(local_dir, ".ebextensions")
    found: dict[str, tuple[str, Span]] = {}
    if not os.path.isdir(directory) or not ctx.inside(directory):
        return found
    for name in sorted(os.listdir(directory))[:_MAX_EB_FILES]:
        if not name.endswith(".config"):
            continue
        local = os.path.join(directory, name)
        text = ctx.read(local, peek=True).text if os.path.isfile(local) else None
        root = load_yaml(text, ctx.display(local), as_compose=False)[0] if text else None
        settings = root.get("option_settings") if root is not None else None
        if settings is None:
            continue
        if isinstance(settings.value, dict):
            namespace = settings.get(EB_ENVIRONMENT)
            for key, node in (namespace.value.items() if namespace and isinstance(namespace.value, dict) else ()):
                if node.value is not None:
                    found[key] = (node.text, node.at)
        elif isinstance(settings.value, list):
            for item in settings.value:
                option, value = item.get("option_name"), item.get("value")
                namespace = item.get("namespace")
                if namespace is not None and namespace.text == EB_ENVIRONMENT and option and value \
                        and value.value is not None:
                    found[option.text] = (value.text, value.at)
    return found
