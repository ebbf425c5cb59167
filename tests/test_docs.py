"""The docs say what the code does: generated pages are fresh, every code named exists,
the Action and hooks are named as they are published."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

import wsgilint
from wsgilint.engine import load_rules

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PROJECT = Path(__file__).resolve().parent.parent


def test_generated_docs_are_fresh() -> None:
    result = subprocess.run([sys.executable, str(PROJECT / "tools" / "gen_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

RULES = {rule.code: rule for rule in load_rules()}
WRITTEN = [PROJECT / "README.md", PROJECT / "action.yml", PROJECT / ".pre-commit-hooks.yaml",
           *sorted((PROJECT / "docs").rglob("*.md")), *sorted((PROJECT / "examples").glob("*/README.md"))]
REPOSITORY = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["urls"]["Repository"]


@pytest.mark.parametrize("path", WRITTEN, ids=lambda path: str(path.relative_to(PROJECT)))
def test_every_code_named_in_the_docs_exists(path: Path) -> None:
    named = set(re.findall(r"\b[A-Z][0-9]{3}\b", path.read_text()))
    assert named <= set(RULES), f"no such rule: {sorted(named - set(RULES))}"


def test_every_rule_sharing_a_slug_is_explained() -> None:
    slugs: dict[str, list[str]] = {}
    for rule in RULES.values():
        slugs.setdefault(rule.slug, []).append(rule.code)
    shared = {slug: codes for slug, codes in slugs.items() if len(codes) > 1}
    assert shared, "no slug is shared today: this test would check nothing"
    wsgilint_script = Path(sys.executable).parent / "wsgilint"
    for slug, codes in shared.items():
        page = subprocess.run([str(wsgilint_script), "explain", slug], capture_output=True, text=True,
                              check=True).stdout
        assert re.findall(r"^# ([A-Z][0-9]{3}) ", page, re.M) == sorted(codes), slug


def test_the_action_and_hooks_are_named_as_published() -> None:
    """One address and one release tag everywhere: uses: lines, pre-commit repo/rev, pip URLs."""
    owner_name = REPOSITORY.removeprefix("https://github.com/")
    tag = f"v{wsgilint.__version__}"
    text = "\n".join(path.read_text() for path in WRITTEN)
    uses = re.findall(r"uses: ([\w.-]+/wsgilint)@([\w.-]+)", text)
    assert uses and set(uses) == {(owner_name, tag)}
    assert re.findall(r"repo: (https://\S+)\n\s+rev: (\S+)", text) == [(REPOSITORY, tag)]
    for url in re.findall(r"git\+(https://\S+?)@(v[\d.]+)", text):
        assert url == (REPOSITORY, tag)
    assert "owner/" not in text
    assert not re.search(r"pip install (-U )?wsgilint\b", text), "wsgilint is not on PyPI yet"
    summary_links = re.search(r'^REPOSITORY = "(.+)"$', (PROJECT / "action" / "run.py").read_text(), re.M)
    assert summary_links is not None and summary_links.group(1) == REPOSITORY


def test_readme_says_the_test_install_compiles_uwsgi() -> None:
    test_extra = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    assert any(requirement.startswith("uwsgi") for requirement in test_extra)
    readme = (PROJECT / "README.md").read_text()
    assert "C compiler" in readme and "apt install build-essential python3-dev" in readme


def test_release_workflow_publishes_what_it_built_with_trusted_publishing() -> None:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "release.yml").read_text())
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
    assert "password" not in publish["steps"][-1].get("with", {})
    assert "--sdist --wheel" in str(workflow["jobs"]["build"]["steps"])
