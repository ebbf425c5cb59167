"""The rules of a large tree run in two processes (``--jobs`` 2 or more).

Why the rules and not the reading: what crosses from one process to another must be cheap
to pickle, and only findings are (about 0.5 MB for a 5000-app fleet). A parsed file or a
piece of the model costs the parent about as much to load as parsing it does
(docs/performance.md, "Fleet CPU"). So the model is built once, here; then a child forked
with it (sharing its memory page by page, copied only where either process writes) and
this process take the rules one at a time from one queue, and the child sends back only its
findings. Taking rules as each process gets free balances the two without a table of
costs, which would depend on the tree. The findings are one set ordered as one process
orders them, so the output is the same whatever ran where.
"""
from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator

from .engine import Finding, Rule, ordered, rule_findings
from .model import Deployment

# Below this many files the rules take tens of milliseconds, less than forking a process
# and loading what it sends back saves (docs/performance.md, "Processes").
SPLIT_FROM_FILES = 2000

# A rule's place in the queue is two bytes; the queue is one write into a pipe, which holds
# 64 KiB, so a registry past this size runs in one process rather than block.
_MAX_QUEUED = 30_000


def can_split(files: int, jobs: int, rules: int) -> bool:
    """Whether ``run_rules_split`` is worth it for a tree of ``files`` files."""
    return jobs > 1 and files >= SPLIT_FROM_FILES and 1 < rules <= _MAX_QUEUED and hasattr(os, "fork")


def run_rules_split(deployment: Deployment, rules: list[Rule],
                    done: Callable[[], None] | None = None) -> list[Finding]:
    """What ``engine.run_rules`` returns, with a forked child running part of the rules.
    ``done`` is called here once per rule through (the child's, when its findings arrive).
    A child that fails in any way (a rule's exception, a signal, a message cut short) only
    costs time: the rules it took run again here, so the result, or the exception a rule
    raises, is the one a single process gives."""
    # pickle is loaded here, before the fork, and not at import: a small tree never splits,
    # and loading it (with struct) took 6 M instructions of every check's start.
    import pickle  # noqa: F401  (for _child and _collect, which import it again from sys.modules)

    queue_read, queue_write = os.pipe()
    os.write(queue_write, b"".join(index.to_bytes(2, "big") for index in range(len(rules))))
    os.close(queue_write)   # once the queue is empty, a read gets end of file, never waits
    results_read, results_write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        pid = -1
    if pid == 0:
        os.close(results_read)
        _child(deployment, rules, queue_read, results_write)
    os.close(results_write)
    mine: list[int] = []
    try:
        findings = rule_findings(deployment, _taken(queue_read, rules, mine, done))
    except BaseException:
        os.close(results_read)
        if pid > 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        raise
    finally:
        os.close(queue_read)
    theirs = _collect(pid, results_read)
    if theirs is not None:
        findings.update(theirs[1])
        for _ in theirs[0]:
            if done is not None:
                done()
    ran = {*mine, *(theirs[0] if theirs is not None else ())}
    # The rules the child took but did not finish (or all, where there was no child).
    findings.update(rule_findings(deployment, _counted(
        [rule for index, rule in enumerate(rules) if index not in ran], done)))
    return ordered(findings)


def _taken(queue: int, rules: list[Rule], taken: list[int], done: Callable[[], None] | None) -> Iterator[Rule]:
    """The rules this process takes from the queue, noted in ``taken`` as it takes them.
    A read of two bytes is atomic, so no rule is taken twice; the queue holds each once."""
    while chunk := os.read(queue, 2):
        index = int.from_bytes(chunk, "big")
        taken.append(index)
        yield rules[index]
        if done is not None:
            done()


def _counted(rules: list[Rule], done: Callable[[], None] | None) -> Iterator[Rule]:
    for rule in rules:
        yield rule
        if done is not None:
            done()


def _child(deployment: Deployment, rules: list[Rule], queue: int, results: int) -> None:
    """In the child: its rules' findings, pickled, to ``results``. It never returns: it ends
    with ``os._exit``, which flushes nothing the parent buffered (its output would be
    written twice) and runs no clean-up of the parent's; it writes nothing but the pipe."""
    import pickle

    code = 1
    try:
        taken: list[int] = []
        found = rule_findings(deployment, _taken(queue, rules, taken, None))
        data = memoryview(pickle.dumps((taken, list(found)), protocol=pickle.HIGHEST_PROTOCOL))
        while data:
            data = data[os.write(results, data):]
        code = 0
    except BaseException:   # any failure is the parent's to redo, never a traceback here
        pass
    finally:
        os._exit(code)


def _collect(pid: int, results: int) -> tuple[list[int], list[Finding]] | None:
    """What the child sent, or None where there was no child or it did not finish."""
    import pickle

    chunks = []
    try:
        while chunk := os.read(results, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(results)
    if pid <= 0:
        return None
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        taken, found = pickle.loads(b"".join(chunks))
    except Exception:   # a message cut short: its rules run here instead
        return None
    return taken, found
