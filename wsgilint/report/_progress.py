"""A progress bar on stderr for a run that takes more than a second, on a terminal only:
never when stderr is a pipe or a file, nor in CI (``CI`` set), where it would only fill
the log with redraws."""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

DELAY = 1.0


def wanted() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """Yields the callback for ``api.check(progress=...)`` (None when no bar is wanted).
    The bar appears only once the run has taken ``DELAY`` seconds, and is gone at the end."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                   console=Console(stderr=True), transient=True, auto_refresh=False)
    task = bar.add_task("check", total=None)
    started = time.monotonic()
    shown = False

    def update(done: int, total: int) -> None:
        nonlocal shown
        if not shown and time.monotonic() - started >= DELAY:
            bar.start()
            shown = True
        bar.update(task, completed=done, total=total)
        if shown:
            bar.refresh()
    try:
        yield update
    finally:
        if shown:
            bar.stop()
