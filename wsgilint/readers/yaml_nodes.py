"""YAML as Compose reads it, with a position on every value.

PyYAML's composer builds the node graph (nothing is constructed, so no tag can run
code); the conversion here then types plain scalars by the YAML 1.2 core schema that
Compose's Go parser uses, not PyYAML's YAML 1.1: ``8000:50`` stays the string it is
(1.1 reads a base-60 number) and ``on``/``yes`` stay strings. Aliases are converted
once and shared, so an alias bomb costs its size, not its expansion. A key written twice in
one mapping is refused, as Compose's parser refuses the file, where PyYAML keeps the last.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from ..core.numbers import decimal
from ..core.record import dataclass
from ..core.span import Problem, Span

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_MAX_NODES = 200_000


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value: ``str``/``int``/``float``/``bool``/``None``, ``list[Node]`` or
    ``dict[str, Node]``. ``key_at`` is the key's position for a mapping entry;
    ``tag`` a local tag such as Compose's ``!reset``/``!override``."""

    value: Any
    at: Span
    key_at: Span | None = None
    tag: str = ""
    quoted: bool = False

    def get(self, key: str) -> Node | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    @property
    def text(self) -> str:
        """A scalar as a string (``8000`` → ``"8000"``, ``true`` → ``"true"``)."""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        return "" if self.value is None else str(self.value)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.style:   # quoted or block: always a string
        return node.value
    text = node.value
    if node.tag.startswith("!"):
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        if text[:2] in ("0o", "0x"):
            return int(text, 0)
        number = decimal(text)
        return text if number is None else number
    if _FLOAT.match(text):
        return float(text)
    return text


def _span(display: str, mark: Any, end: Any = None) -> Span:
    end_column = end.column + 1 if end is not None and end.line == mark.line else 0
    return Span(display, mark.line + 1, mark.column + 1, end_column)


class _Converter:
    def __init__(self, display: str) -> None:
        self.display = display
        self.done: dict[int, Node] = {}
        self.busy: set[int] = set()
        self.count = 0
        self.problems: list[Problem] = []
        self.duplicate: Problem | None = None   # the first key written twice in one mapping

    def convert(self, node: yaml.Node, key_at: Span | None = None) -> Node:
        self.count += 1
        at = _span(self.display, node.start_mark, node.end_mark)
        tag = node.tag if node.tag.startswith("!") and not node.tag.startswith("!!") else ""
        if id(node) in self.busy or self.count > _MAX_NODES:
            self.problems.append(Problem("syntax", "a recursive or oversized YAML structure: not read", at))
            return Node(None, at, key_at, tag)
        done = self.done.get(id(node))
        if done is not None:
            return Node(done.value, done.at, key_at, done.tag, done.quoted)
        self.busy.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            result = Node(_scalar(node), at, key_at, tag, bool(node.style))
        elif isinstance(node, yaml.SequenceNode):
            result = Node([self.convert(item) for item in node.value], at, key_at, tag)
        else:
            result = Node(self._mapping(node), at, key_at, tag)  # type: ignore[arg-type]
        self.busy.discard(id(node))
        self.done[id(node)] = result
        return result

    def _mapping(self, node: yaml.MappingNode) -> dict[str, Node]:
        merged: dict[str, Node] = {}
        own: dict[str, Node] = {}
        merge_at: Span | None = None
        for key_node, value_node in node.value:
            key_at = _span(self.display, key_node.start_mark, key_node.end_mark)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:merge":
                if merge_at is not None:
                    self._twice("<<", merge_at, key_at)
                merge_at = key_at
                # `<<: *base` (or a list of them): the entries of the mapping(s), below own keys.
                value = self.convert(value_node)
                sources = value.value if isinstance(value.value, list) else [value]
                for source in sources:
                    if isinstance(source.value, dict):
                        for name, entry in source.value.items():
                            merged.setdefault(name, entry)
                continue
            key = self.convert(key_node)
            first = own.get(key.text)
            if first is not None and first.key_at is not None:
                self._twice(key.text, first.key_at, key_at)
            own[key.text] = self.convert(value_node, key_at)
        return {**merged, **own}

    def _twice(self, key: str, first: Span, again: Span) -> None:
        """Compose v2's parser (Go's yaml.v3) refuses a key written twice in one mapping, a merge
        key `<<` too, where PyYAML (and Compose v1) let the last one win: the first one found."""
        if self.duplicate is None:
            self.duplicate = Problem("syntax", f'mapping key "{key}" already defined at line {first.line}: Compose '
                                     "refuses the file and starts nothing of it", again)


def load_yaml(text: str, display: str, as_compose: bool = True) -> tuple[Node | None, list[Problem]]:
    """The document's root node, or None with a ``syntax`` problem where YAML stops (or, read
    ``as_compose``, where Compose's parser refuses a key written twice)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = Span(display, mark.line + 1, mark.column + 1) if mark else Span(display)
        return None, [Problem("syntax", f"not valid YAML: {error.problem or error.context}", at)]
    except (yaml.YAMLError, RecursionError) as error:
        return None, [Problem("syntax", f"not valid YAML: {error}", Span(display))]
    if root is None:
        return None, []
    converter = _Converter(display)
    try:
        node = converter.convert(root)
    except RecursionError:
        return None, [Problem("syntax", "YAML nested too deeply to read", Span(display))]
    if as_compose and converter.duplicate is not None:
        return None, [converter.duplicate]
    return node, converter.problems
