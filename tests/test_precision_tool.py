"""The precision tool's bookkeeping of rounds and halves, on local data only (the tool itself
fetches repositories and is never run by the suite)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

from wsgilint.core.gitignore import tracked_paths

sys.path.insert(0, str(PROJECT / "tools"))
import precision  # noqa: E402


def _write_set(tmp_path: Path, repos: list[dict[str, object]]) -> Path:
    path = tmp_path / "set.json"
    path.write_text(json.dumps({"rounds": [{"round": 1}, {"round": 2}], "repos": repos}), encoding="utf-8")
    return path


def _repo(name: str, round_: object, half: str = "tune") -> dict[str, object]:
    return {"repo": name, "commit": "0" * 40, "round": round_, "half": half, "paths": ["deploy/nginx.conf"]}


def test_load_set_keeps_each_repository_round_and_half(tmp_path: Path) -> None:
    entries = precision.load_set(_write_set(tmp_path, [_repo("a/one", 1, "held-back"), _repo("b/two", 2)]))
    assert [(e.repo, e.round, e.half) for e in entries] == [("a/one", 1, "held-back"), ("b/two", 2, "tune")]


@pytest.mark.parametrize("round_", [3, None])
def test_load_set_refuses_a_round_the_set_does_not_declare(tmp_path: Path, round_: object) -> None:
    with pytest.raises(SystemExit, match="has round"):
        precision.load_set(_write_set(tmp_path, [_repo("a/one", round_)]))


def test_load_set_refuses_a_repository_in_two_rounds(tmp_path: Path) -> None:
    # Judgments are keyed by repository: a repository in two rounds would carry one round's verdicts into the other.
    with pytest.raises(SystemExit, match="listed twice"):
        precision.load_set(_write_set(tmp_path, [_repo("a/one", 1), _repo("a/one", 2)]))


def test_write_doc_replaces_only_its_own_round_and_half(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "precision.md"
    doc.write_text("# head\n\n<!-- round:1 half:tune -->\nold round 1\n<!-- /round:1 half:tune -->\n\n"
                   "<!-- round:2 half:tune -->\nold round 2\n<!-- /round:2 half:tune -->\n", encoding="utf-8")
    monkeypatch.setattr(precision, "DOC", doc)
    precision.write_doc(2, "tune", "<!-- round:2 half:tune -->\nnew round 2\n<!-- /round:2 half:tune -->")
    precision.write_doc(2, "held-back", "<!-- round:2 half:held-back -->\nheld\n<!-- /round:2 half:held-back -->")
    text = doc.read_text(encoding="utf-8")
    assert "old round 1" in text and "old round 2" not in text and "new round 2" in text
    assert text.index("new round 2") < text.index("held")


def test_section_is_marked_and_titled_by_round_and_half() -> None:
    text = precision.section(2, "held-back", [], ["| rule |"], [], [], [])
    assert text.startswith("<!-- round:2 half:held-back -->\n## Round 2, held-back half\n")
    assert text.endswith("<!-- /round:2 half:held-back -->")


def test_load_set_takes_a_whole_tree_instead_of_paths(tmp_path: Path) -> None:
    whole = {"repo": "a/one", "commit": "0" * 40, "round": 1, "half": "tune", "whole_tree": True}
    (entry,) = precision.load_set(_write_set(tmp_path, [whole]))
    assert entry.whole_tree and entry.paths == ()
    for wrong in ({**whole, "paths": ["nginx.conf"]}, {**whole, "whole_tree": False}):
        with pytest.raises(SystemExit, match="either paths or whole_tree"):
            precision.load_set(_write_set(tmp_path, [wrong]))


def test_a_whole_tree_is_checked_out_as_a_clone_with_credentials_redacted(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / "deploy").mkdir(parents=True)
    (source / "deploy" / "nginx.conf").write_text("server { listen 80; }\n", encoding="utf-8")
    (source / "start.sh").write_text("#!/bin/sh\nexec gunicorn app:app\n", encoding="utf-8")
    (source / "start.sh").chmod(0o755)
    (source / ".env").write_text("DATABASE_URL=postgres://app:hunter2@db:5432/app\n", encoding="utf-8")
    (source / "conf").symlink_to("deploy")

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=source,
                              capture_output=True, text=True, check=True)
        return done.stdout.strip()

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "one")
    commit = git("rev-parse", "HEAD")
    mirror = tmp_path / "mirror"
    (mirror / "a+one").mkdir(parents=True)
    (source / ".git").rename(mirror / "a+one" / "repo")
    entry = precision.Entry("a/one", commit, 1, "tune", (), whole_tree=True)

    tree = precision.materialise(entry, tmp_path / "cache", mirror)

    assert (tree / "deploy" / "nginx.conf").read_text(encoding="utf-8") == "server { listen 80; }\n"
    assert os.access(tree / "start.sh", os.X_OK)
    assert (tree / "conf").is_symlink() and os.readlink(tree / "conf") == "deploy"
    assert (tree / ".env").read_text(encoding="utf-8") == "DATABASE_URL=postgres://app:<redacted>@db:5432/app\n"
    # The .git folder holds only the index, which lists every file of the commit, as a clone's does.
    assert sorted(p.name for p in (tree / ".git").iterdir()) == ["index"]
    assert tracked_paths(str(tree / ".git")) == {".env", "conf", "deploy/nginx.conf", "start.sh"}
    assert sorted(p.name for p in tree.parent.iterdir()) == [commit, f"{commit}.json"]


def test_a_verdict_goes_by_fingerprint_before_place_and_message() -> None:
    """Two findings of one script line (two images run it) share the place and the message's
    start: each takes the verdict of its own fingerprint, whatever the judgments' order."""
    start = "the server is started by a shell without `exec` (docker [com"
    judgments = [precision.Judgment("o/r", "X115", "invoke.sh", 7, start, fp, verdict, "")
                 for fp, verdict in (("aaaa", "false"), ("bbbb", "true"))]
    found = [precision.Found("o/r", "X115", "warning", "invoke.sh", 7, start + "pose/Dockerfile] ...", fp)
             for fp in ("aaaa", "bbbb")]
    assert [precision.verdict_of(f, judgments).verdict for f in found] == ["false", "true"]
    moved = precision.Found("o/r", "X115", "warning", "invoke.sh", 7, start + "...", "cccc")   # the line's text changed
    assert precision.verdict_of(moved, judgments).verdict == "false"
