"""Write docs/rules/CODE.md, docs/rules/README.md and the README's rule table from the
rules themselves, so the documentation cannot drift from the code.

    python tools/gen_docs.py          # write
    python tools/gen_docs.py --check  # exit 1 when a generated file is stale
"""
from __future__ import annotations

import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from wsgilint.engine import Rule, load_rules  # noqa: E402
from wsgilint.rule_docs import rule_page  # noqa: E402

TABLE_START = "<!-- rules:start -->"
TABLE_END = "<!-- rules:end -->"


def rule_table(rules: list[Rule], link_prefix: str) -> str:
    rows = ["| code | slug | severity | summary |", "|---|---|---|---|"]
    rows += [f"| [{r.code}]({link_prefix}{r.code}.md) | {r.slug} | {r.severity} | {r.summary} |" for r in rules]
    return "\n".join(rows)


def generated() -> dict[Path, str]:
    rules = load_rules()
    files = {PROJECT / "docs" / "rules" / f"{rule.code}.md": rule_page(rule) for rule in rules}
    files[PROJECT / "docs" / "rules" / "README.md"] = (
        "# Rules\n\nGenerated from the rule modules in `rules/` by `tools/gen_docs.py`.\n\n"
        + rule_table(rules, "") + "\n"
    )
    readme = (PROJECT / "README.md").read_text()
    if TABLE_START in readme:
        head, _, rest = readme.partition(TABLE_START)
        _, _, tail = rest.partition(TABLE_END)
        files[PROJECT / "README.md"] = f"{head}{TABLE_START}\n{rule_table(rules, 'docs/rules/')}\n{TABLE_END}{tail}"
    return files


def main() -> int:
    stale = [path for path, text in generated().items() if not path.exists() or path.read_text() != text]
    if "--check" in sys.argv:
        for path in stale:
            print(f"stale: {path.relative_to(PROJECT)} (run python tools/gen_docs.py)")
        return 1 if stale else 0
    for path, text in generated().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
