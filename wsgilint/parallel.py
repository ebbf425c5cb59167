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
    costs time: the rules it took and did not send run again here, so the result, or the
    exception a rule raises, is the one a single process gives."""
    # pickle is loaded here, before the fork, and not at import: a small tree never splits,
    # and loading it (with struct) took 6 M instructions of every check's start.
    import pickle  # noqa: F401  (for the child and _Received, which import it again from sys.modules)

    from .core.pipes import widen

    queue_read, queue_write = os.pipe()
    os.write(queue_write, b"".join(index.to_bytes(2, "big") for index in range(len(rules))))
    os.close(queue_write)   # once the queue is empty, a read gets end of file, never waits
    results_read, results_write = os.pipe()
    widen(results_write)
    try:
        pid = os.fork()
    except OSError:
        pid = -1
    if pid == 0:
        os.close(results_read)
        _child(deployment, rules, queue_read, results_write)
    os.close(results_write)
    mine: list[int] = []
    theirs = _Received(results_read, done)
    try:
        findings = rule_findings(deployment, _taken(queue_read, rules, mine, done, theirs.take_sent))
    except BaseException:
        os.close(results_read)
        if pid > 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        raise
    finally:
        os.close(queue_read)
    theirs.take_rest()
    if pid > 0:
        os.waitpid(pid, 0)
    findings.update(theirs.findings)
    ran = {*mine, *theirs.ran}
    # The rules the child took but did not send (or all, where there was no child).
    findings.update(rule_findings(deployment, _counted(
        [rule for index, rule in enumerate(rules) if index not in ran], done)))
    return ordered(findings)


def _taken(queue: int, rules: list[Rule], taken: list[int], done: Callable[[], None] | None,
           between: Callable[[], None] = lambda: None) -> Iterator[Rule]:
    """The rules this process takes from the queue, noted in ``taken`` as it takes them;
    ``between`` runs after each. A read of two bytes is atomic, so no rule is taken twice;
    the queue holds each once."""
    while chunk := os.read(queue, 2):
        index = int.from_bytes(chunk, "big")
        taken.append(index)
        yield rules[index]
        if done is not None:
            done()
        between()


def _counted(rules: list[Rule], done: Callable[[], None] | None) -> Iterator[Rule]:
    for rule in rules:
        yield rule
        if done is not None:
            done()


def _child(deployment: Deployment, rules: list[Rule], queue: int, results: int) -> None:
    """In the child: each rule's findings, pickled with the rule's place in the queue and
    prefixed by their length, to ``results`` as soon as the rule is through, so that
    pickling, sending and loading them overlap the rules still running. It never returns: it
    ends with ``os._exit``, which flushes nothing the parent buffered (its output would be
    written twice) and runs no clean-up of the parent's; it writes nothing but the pipe."""
    import pickle

    from .core.pipes import send

    code = 1
    try:
        taken: list[int] = []
        with deployment.settled():   # one block: the rules share ``reached``'s answers
            for rule in _taken(queue, rules, taken, None):
                send(results, pickle.dumps((taken[-1], list(rule_findings(deployment, [rule]))),
                                           protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    except BaseException:   # any failure is the parent's to redo, never a traceback here
        pass
    finally:
        try:
            os.close(results)   # end of file for the parent now, not once this process is torn down
        finally:
            os._exit(code)


class _Received:
    """The child's messages: each rule's findings, taken as they arrive."""

    def __init__(self, pipe: int, done: Callable[[], None] | None) -> None:
        self.pipe, self.done = pipe, done
        self.buffer = bytearray()
        self.ran: list[int] = []
        self.findings: list[Finding] = []
        self.broken = False   # a message that did not load: nothing after it is trusted

    def take_sent(self) -> None:
        """Between this process's own rules: what the child has sent so far, without waiting."""
        from .core.pipes import take_available

        take_available(self.pipe, self.buffer)
        self._load()

    def take_rest(self) -> None:
        """Everything up to the child's end (of file)."""
        from .core.pipes import take_to_end

        take_to_end(self.pipe, self.buffer)
        self._load()

    def _load(self) -> None:
        import pickle

        while not self.broken and len(self.buffer) >= 8:
            size = int.from_bytes(self.buffer[:8], "big")
            if len(self.buffer) < 8 + size:
                return
            try:
                index, found = pickle.loads(self.buffer[8:8 + size])
            except Exception:   # a message cut short: its rule, and those after it, run here
                self.broken = True
                return
            del self.buffer[:8 + size]
            self.ran.append(index)
            self.findings.extend(found)
            if self.done is not None:
                self.done()
