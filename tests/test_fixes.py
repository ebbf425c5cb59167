"""Every fix proves itself on its fixture cases, and the applier keeps its promises.

A fix case is a fixture case (``tests/fixtures/<CODE>/<case>/``, see test_rules.py) with a
``fixed/`` folder holding the files as ``--fix`` must leave them; every other file stays as
it is. A case named ``unsafe-*`` needs ``--unsafe-fixes``: ``--fix`` alone changes nothing.
``not-fixed.txt`` lists (``path:line``) the findings whose fix must be refused. After the
fix the case's other findings of that code are gone and no finding is new.
"""
from __future__ import annotations

import codecs
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import write_tree
from typer.testing import CliRunner

from wsgilint.api import check
from wsgilint.cli import app
from wsgilint.engine import Edit, Finding, Fix, Hit, Related, Rule, load_rules, run_rules, sole_candidate
from wsgilint.fix import plan
from wsgilint.model import Deployment, Host, Setting, Span
from wsgilint.rule_docs import rule_page

FIXTURES = Path(__file__).parent / "fixtures"
FIX_CASES = sorted(p.parent for p in FIXTURES.glob("*/*/fixed"))
RULES = {rule.code: rule for rule in load_rules()}


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def copy_case(case: Path, tree: Path) -> Path:
    shutil.copytree(case, tree, symlinks=True,
                    ignore=lambda folder, names: ["fixed", "expected.txt", "not-fixed.txt"] if Path(folder) == case else [])
    return tree


def run(*args: str) -> object:
    return CliRunner().invoke(app, ["check", *args], catch_exceptions=False)


@pytest.mark.parametrize("case", FIX_CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fix_case(case, tmp_path, monkeypatch):
    code = case.parent.name
    assert RULES[code].fixes, f"{code} has fix cases but declares no FIXES"
    tree = copy_case(case, tmp_path / "tree")
    monkeypatch.chdir(tree)
    before = check(["."]).findings
    untouched = files_of(tree)
    unsafe = case.name.startswith("unsafe-")
    if unsafe:
        done = run(".", "--fix", "--fail-on", "never")
        assert files_of(tree) == untouched, "an unsafe fix was applied without --unsafe-fixes"
        assert "more with --unsafe-fixes" in done.stderr

    diff = run(".", "--diff", *(["--unsafe-fixes"] if unsafe else []))
    assert diff.exit_code == 1 and diff.stdout.startswith("--- a/"), diff.stderr
    assert files_of(tree) == untouched, "--diff wrote"

    done = run(".", "--fix", "--fail-on", "never", *(["--unsafe-fixes"] if unsafe else []))
    listed = case / "not-fixed.txt"
    not_fixed = sorted(listed.read_text().split()) if listed.exists() else []
    refused = sorted(line.split(": ")[2].rsplit(":", 1)[0] for line in done.stderr.splitlines() if "not fixed" in line)
    assert refused == not_fixed, done.stderr
    expected = {**untouched, **files_of(case / "fixed")}
    assert files_of(tree) == expected
    for name in files_of(case / "fixed"):
        assert f"--- a/{name}" in diff.stdout

    after = check(["."]).findings
    # (lines may have moved: the refused ones are counted)
    assert len([f for f in after if f.code == code and f.fix is not None]) == len(not_fixed), \
        "a fixed finding is still reported"
    had = {f.fingerprint for f in before}
    assert [f for f in after if f.fingerprint not in had] == [], "the fix brought a new finding"
    again = run(".", "--fix", "--fail-on", "never", *(["--unsafe-fixes"] if unsafe else []))
    assert files_of(tree) == expected and "fixed 0 findings" in again.stderr


def test_rules_with_fixes_document_them():
    for rule in RULES.values():
        assert bool(rule.fixes) == ("## Fix safety" in rule.doc), rule.code
        if rule.fixes:
            assert "**Fix:**" in rule_page(rule)
            assert any(p.parent.name == rule.code for p in FIX_CASES), f"{rule.code} has no fix case"
    assert "**Fix:**" not in rule_page(RULES["E001"])


def test_explain_says_whether_a_fix_is_safe():
    assert "**Fix:** safe, applied by `--fix`" in CliRunner().invoke(app, ["explain", "U106"]).stdout
    assert "**Fix:** unsafe" in CliRunner().invoke(app, ["explain", "X102"]).stdout


def test_a_fix_that_brings_a_new_finding_is_not_kept(tmp_path, monkeypatch):
    """Pointing nginx at the only socket makes the app server reachable, so X111 (buffer-size
    below nginx's headers) would appear: the fix is reported and dropped."""
    case = FIXTURES / "X101" / "unsafe-fix-retarget"
    tree = copy_case(case, tmp_path / "tree")
    ini = tree / "deploy/uwsgi.ini"
    ini.write_text(ini.read_text().replace("buffer-size = 32768\n", ""))
    monkeypatch.chdir(tree)
    untouched = files_of(tree)
    done = run(".", "--fix", "--unsafe-fixes", "--fail-on", "never")
    assert "not fixed: deploy/nginx.conf:5:20: X101: the fixed files would get a new finding" in done.stderr
    assert "X111" in done.stderr
    assert files_of(tree) == untouched


def test_fix_keeps_mode_and_writes_through_a_link_inside_the_tree(tmp_path, monkeypatch):
    tree = write_tree(tmp_path / "tree", {"conf/app.ini": "[uwsgi]\nsocket = /run/app/app.sock\nmodule = app\n",
                                          "deploy/uwsgi.ini": "@link:../conf/app.ini"})
    os.chmod(tree / "conf/app.ini", 0o640)
    monkeypatch.chdir(tree)
    run(".", "--fix", "--select", "U106")
    assert (tree / "deploy/uwsgi.ini").is_symlink()
    assert (tree / "conf/app.ini").read_text().endswith("module = app\nvacuum = true\n")
    assert stat.S_IMODE(os.stat(tree / "conf/app.ini").st_mode) == 0o640
    assert sorted(p.name for p in (tree / "conf").iterdir()) == ["app.ini"], "a temporary file was left"


def test_a_link_out_of_the_tree_is_never_written(tmp_path, monkeypatch):
    outside = tmp_path / "outside.ini"
    outside.write_text("[uwsgi]\nsocket = /run/app/app.sock\n")
    tree = write_tree(tmp_path / "tree", {"uwsgi.ini": f"@link:{outside}"})
    monkeypatch.chdir(tree)
    run(".", "--fix")
    assert outside.read_text() == "[uwsgi]\nsocket = /run/app/app.sock\n"
    assert (tree / "uwsgi.ini").is_symlink()


def _finding(fix: Fix, path: str = "a.ini") -> Finding:
    return Finding("U106", "missing-vacuum", "warning", "m", Span(path, 1), fix=fix)


def _plan(tmp_path: Path, text: str | bytes, *fixes: Fix):
    from wsgilint.core.sources import SourceFile

    target = tmp_path / "a.ini"
    target.write_bytes(text if isinstance(text, bytes) else text.encode())
    findings = [Finding("U106", "missing-vacuum", "warning", f"m{i}", Span("a.ini", 1), fix=fix)
                for i, fix in enumerate(fixes)]
    files = [SourceFile(str(target), "a.ini", "uwsgi")]
    return plan(findings, findings, files, [str(tmp_path)], lambda overlay: [], unsafe=True)


def test_edits_keep_line_breaks_bom_and_a_missing_final_newline(tmp_path):
    fixed = _plan(tmp_path, codecs.BOM_UTF8 + b"[uwsgi]\r\nsocket = x\r\nmaster = false",
                  Fix("t", (Edit.insertion("a.ini", 4, "vacuum = true"),)),
                  Fix("t", (Edit.insertion("a.ini", 2, "# added"),)))
    assert fixed.fixed["a.ini"] == "[uwsgi]\r\n# added\r\nsocket = x\r\nmaster = false\r\nvacuum = true\r\n"
    assert fixed.originals["a.ini"].encoded(fixed.fixed["a.ini"]).startswith(codecs.BOM_UTF8)


def test_edits_that_overlap_wait_for_the_next_round_and_stale_text_is_refused(tmp_path):
    fixed = _plan(tmp_path, "[uwsgi]\nvaccum = true\n",
                  Fix("t", (Edit.key_rename("a.ini", 2, "vaccum", "vacuum"),)),
                  Fix("t", (Edit.deletion("a.ini", 2),)),
                  Fix("t", (Edit.replacement(Span("a.ini", 2, 10, 14), "x", "nope"),)))
    assert fixed.fixed["a.ini"] == "[uwsgi]\nvacuum = true\n"
    assert [r.reason for r in fixed.rejected] == ["a.ini:2:10 no longer reads 'nope'"]


def test_a_new_line_goes_with_its_indentation_and_a_word_must_match(tmp_path):
    fixed = _plan(tmp_path, "x {\n\t  uwsgi_pass a;\n}\n",
                  Fix("t", (Edit.line_before(Span("a.ini", 2, 4), "include uwsgi_params;"),)),
                  Fix("t", (Edit.key_rename("a.ini", 2, "uwsgi", "proxy"),)))
    assert fixed.fixed["a.ini"] == "x {\n\t  include uwsgi_params;\n\t  uwsgi_pass a;\n}\n"
    assert "does not start with 'uwsgi'" in fixed.rejected[0].reason


def test_a_rule_cannot_carry_a_fix_it_does_not_declare():
    rule = Rule("Z999", "z", "info", "z.", "", lambda d: [Hit(Span("a"), "m", fix=Fix("t", (), "unsafe"))],
                fixes=("safe",))
    with pytest.raises(ValueError, match="does not declare"):
        run_rules(Deployment(files=[], host=Host(mode="repository", somaxconn=Setting(4096))), [rule])


def test_a_key_is_renamed_only_when_one_name_is_near():
    assert sole_candidate("vaccum", ["vacuum", "master"]) == "vacuum"
    assert sole_candidate("autorestrat", ["autorestart", "autostart"]) == "autorestart"
    assert sole_candidate("Descrption", ["Description", "Documentation"]) == "Description"
    assert sole_candidate("mastr", ["master", "maste"]) is None
    assert sole_candidate("harakiri_verbose", ["harakiri-verbose"]) == "harakiri-verbose"
    assert sole_candidate("zzz", ["vacuum"]) is None



def test_hits_of_one_rule_at_one_place_with_one_message_are_one_finding():
    """The other ends of every cross-check become its related places, in report order."""
    def check(deployment: Deployment) -> list[Hit]:
        return [Hit(Span("a.ini", 2), "m", (Related(Span("c.conf", 3), "other end"),)),
                Hit(Span("a.ini", 2), "m", (Related(Span("b.conf", 1), "one end"),)),
                Hit(Span("a.ini", 2), "another message", (Related(Span("b.conf", 1), "one end"),))]
    rule = Rule("Z999", "z", "info", "z.", "", check)
    found = run_rules(Deployment(files=[], host=Host(mode="repository", somaxconn=Setting(4096))), [rule])
    assert [(f.message, [r.at.path for r in f.related]) for f in found] == [
        ("another message", ["b.conf"]), ("m", ["b.conf", "c.conf"])]
