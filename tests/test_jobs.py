"""``--jobs``: reading a tree's files in several processes changes nothing in the output."""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from conftest import PROJECT

from wsgilint import api, discover, parallel
from wsgilint.api import check
from wsgilint.engine import Hit, Rule, load_rules
from wsgilint.model import Deployment

FLEET = PROJECT.parent / "shared" / "bench" / "gen_fleet.py"


def findings(tree: Path, jobs: int) -> list[tuple[object, ...]]:
    result = check([str(tree)], jobs=jobs)
    return [(f.code, f.message, f.at, f.related, f.fingerprint) for f in result.findings] + \
        [(source.path, source.kind, source.reason) for source in result.files]


def test_the_corpus_reads_the_same_in_two_processes(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = findings(corpus, 1)
    monkeypatch.setattr(discover, "PARALLEL_FROM_FILES", 1)   # the corpus is below the threshold
    assert findings(corpus, 2) == one


def test_a_fleet_prints_the_same_bytes_whatever_jobs(tmp_path: Path) -> None:
    if not FLEET.is_file():
        pytest.skip(f"the fleet generator is not at {FLEET}")
    fleet = tmp_path / "fleet"
    subprocess.run([sys.executable, str(FLEET), str(fleet), "--apps", "800"], check=True, stdout=subprocess.DEVNULL)
    assert sum(len(files) for _, _, files in os.walk(fleet)) >= discover.PARALLEL_FROM_FILES   # really in parallel
    outputs = [subprocess.run([sys.executable, "-m", "wsgilint", "check", str(fleet), "--format", "json", "--jobs", jobs],
                              capture_output=True, cwd=tmp_path, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(PROJECT)}).stdout for jobs in ("1", "2")]
    assert outputs[0] and outputs[0] == outputs[1]


def with_rules(monkeypatch: pytest.MonkeyPatch, wrap: Callable[[Rule], Rule]) -> None:
    """Every check runs ``wrap``'s rules, and the rules of any tree run in two processes."""
    rules = [wrap(rule) for rule in load_rules()]
    monkeypatch.setattr(api, "load_rules", lambda: rules)
    monkeypatch.setattr(parallel, "SPLIT_FROM_FILES", 1)


def in_child(action: Callable[[], None]) -> Callable[[Rule], Rule]:
    """Rules that do ``action`` when they run in a forked child, and that take a little
    longer in this process, so the child surely takes some."""
    parent = os.getpid()

    def wrap(rule: Rule) -> Rule:
        def check(deployment: Deployment) -> Iterable[Hit]:
            if os.getpid() != parent:
                action()
            else:
                time.sleep(0.002)
            return rule.check(deployment)
        return dataclasses.replace(rule, check=check)
    return wrap


def test_the_rules_split_over_two_processes_find_the_same(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = findings(corpus, 1)
    forks = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            forks.append(pid)
        return pid
    monkeypatch.setattr(os, "fork", counted)
    monkeypatch.setattr(parallel, "SPLIT_FROM_FILES", 1)
    assert findings(corpus, 2) == one
    assert len(forks) == 1   # the rules' child; discovery stays in one process below its threshold


@pytest.mark.parametrize("how", ["raises", "killed"])
def test_a_failing_child_costs_only_time(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capfd: pytest.CaptureFixture[str], how: str) -> None:
    one = findings(corpus, 1)
    marker = tmp_path / "child-failed"

    def fail() -> None:
        marker.touch()
        if how == "killed":
            os.kill(os.getpid(), signal.SIGKILL)
        raise RuntimeError("a rule failed in the child")
    with_rules(monkeypatch, in_child(fail))
    capfd.readouterr()
    assert findings(corpus, 2) == one
    assert marker.exists()   # the child did take rules, and failed
    assert capfd.readouterr() == ("", "")   # no traceback, nothing printed twice


def test_a_rule_that_fails_fails_the_check_as_in_one_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(rule: Rule) -> Rule:
        def check(deployment: Deployment) -> Iterable[Hit]:
            raise RuntimeError(f"{rule.code} is broken")
        return dataclasses.replace(rule, check=check)
    with_rules(monkeypatch, broken)
    with pytest.raises(RuntimeError, match="is broken"):
        check([str(corpus)], jobs=2)


def test_the_progress_counts_every_rule_once(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_rules(monkeypatch, in_child(lambda: None))
    seen: list[tuple[int, int]] = []
    check([str(corpus)], jobs=2, progress=lambda done, total: seen.append((done, total)))
    total = len(load_rules()) + 2
    assert seen == [(done, total) for done in range(1, total + 1)]


@pytest.mark.parametrize("how", ["raises", "killed", "cut short"])
def test_a_failing_discovery_worker_costs_only_time(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capfd: pytest.CaptureFixture[str], how: str) -> None:
    one = findings(corpus, 1)
    batch = discover._classify_batch
    parent = os.getpid()

    def failing(paths: list[tuple[str, str]], ctx: object) -> bytes:
        assert os.getpid() != parent   # only the worker classifies a batch this way
        (tmp_path / "worker-ran").touch()
        if how == "killed":
            os.kill(os.getpid(), signal.SIGKILL)
        if how == "raises":
            raise RuntimeError("a worker failed")
        message = batch(paths, ctx)   # type: ignore[arg-type]
        return message[:len(message) // 2]
    monkeypatch.setattr(discover, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(discover, "_BATCH_FILES", 2)   # batches for the worker too, however fast this process is
    monkeypatch.setattr(discover, "_classify_batch", failing)
    capfd.readouterr()
    assert findings(corpus, 2) == one
    assert (tmp_path / "worker-ran").exists()
    assert capfd.readouterr() == ("", "")   # no traceback, nothing printed twice


def test_a_child_that_fails_after_sending_some_rules_costs_only_time(corpus: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The child sends each rule's findings as it is through, and dies in its third rule:
    the findings are still one process's."""
    one = findings(corpus, 1)
    ran = tmp_path / "child-ran"

    def fail_on_the_third() -> None:
        with ran.open("a") as log:
            log.write("x")
        if len(ran.read_text()) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
    with_rules(monkeypatch, in_child(fail_on_the_third))
    assert findings(corpus, 2) == one
    assert len(ran.read_text()) == 3   # two rules sent, the third cut short by the signal


def lexed_ahead(monkeypatch: pytest.MonkeyPatch, ahead: int = 3) -> list[str]:
    """Every check lexes its nginx files in a child (in batches of two, taken at most ``ahead``
    texts past those arrived); returns the texts this process lexes itself."""
    from wsgilint.core import pipes
    from wsgilint.readers import nginx

    monkeypatch.setattr(discover, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(discover, "_LEX_AHEAD_FROM_FILES", 1)
    monkeypatch.setattr(pipes, "_BATCH", 2)
    monkeypatch.setattr(pipes, "_AHEAD", ahead)
    here: list[str] = []

    def counted(text: str) -> object:
        here.append(text)
        return tokenize(text)
    tokenize = nginx.tokenize
    monkeypatch.setattr(nginx, "tokenize", counted)
    return here


@pytest.mark.parametrize("ahead", [3, 100_000])
def test_nginx_files_lexed_by_a_child_read_the_same(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                    ahead: int) -> None:
    """The corpus's nginx.conf files are read first, out of discovery's order: most come more
    than three texts ahead of what has arrived, and are lexed here."""
    from wsgilint.core import pipes

    lexed_here = lexed_ahead(monkeypatch, ahead)
    one = findings(corpus, 1)
    alone = len(lexed_here)
    take = pipes.ForkedResults.take

    def waiting(results: pipes.ForkedResults[object], text: str) -> object:
        os.set_blocking(results.pipe, True)   # however busy the machine, the child's tokens arrive in time
        return take(results, text)
    monkeypatch.setattr(pipes.ForkedResults, "take", waiting)
    assert findings(corpus, 2) == one
    if ahead > alone:
        # The child's tokens were taken; stock files and those a second tree reads again are lexed here.
        assert len(lexed_here) - alone < alone / 2


@pytest.mark.parametrize("how", ["raises", "killed", "slow"])
def test_a_failing_lexing_child_costs_only_time(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                capfd: pytest.CaptureFixture[str], how: str) -> None:
    from wsgilint.readers import nginx_lexer

    one = findings(corpus, 1)
    lexed_ahead(monkeypatch)
    parent = os.getpid()
    tokenize, lexed = nginx_lexer.tokenize, []

    def failing(text: str) -> object:
        assert os.getpid() != parent   # only the child lexes through nginx_lexer's name
        lexed.append(text)
        if how == "slow":   # this process reads nginx long before the child is through: it never waits
            time.sleep(0.05)
        elif len(lexed) == 3:   # after its first message
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            raise RuntimeError("the child failed")
        return tokenize(text)
    monkeypatch.setattr(nginx_lexer, "tokenize", failing)
    capfd.readouterr()
    assert findings(corpus, 2) == one
    assert capfd.readouterr() == ("", "")
