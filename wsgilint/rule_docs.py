"""A rule's documentation page, from the rule module alone: its docstring, severity,
summary and BAD/GOOD trees. ``docs/rules/CODE.md`` and ``wsgilint explain CODE`` are
this same text."""
from __future__ import annotations

from .engine import Rule


def _tree(files: dict[str, str]) -> str:
    blocks = []
    for path, content in files.items():
        if isinstance(content, bytes):
            content = content.decode("utf-8", "replace")
        if content.startswith("@link:"):
            content = f"(a symbolic link to {content[len('@link:'):]})\n"
        blocks.append(f"`{path}`\n```\n{content.rstrip()}\n```")
    return "\n\n".join(blocks)


_FIX_LINES = {
    ("safe",): "safe, applied by `--fix`",
    ("unsafe",): "unsafe, applied by `--fix --unsafe-fixes`",
    ("safe", "unsafe"): "safe (`--fix`) or unsafe (`--fix --unsafe-fixes`), by case",
}


def fix_line(rule: Rule) -> str:
    """`` · **Fix:** ...`` when the rule's findings can carry a fix, saying how safe it is;
    "" for a rule without fixes."""
    return f" · **Fix:** {_FIX_LINES[tuple(sorted(set(rule.fixes)))]}" if rule.fixes else ""


def rule_page(rule: Rule) -> str:
    title, _, body = rule.doc.partition("\n")
    return (
        f"# {rule.code} {rule.slug}\n\n"
        f"**Severity:** {rule.severity}{fix_line(rule)} · **Summary:** {rule.summary}\n\n"
        f"{title}\n{body}\n\n"
        f"## Example\n\nThis tree is reported:\n\n{_tree(rule.bad)}\n\n"
        f"This one is not:\n\n{_tree(rule.good)}\n"
    )
