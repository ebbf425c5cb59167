"""Property tests for bounded work: whatever include graph or expansion a tree holds, one
check of it stays within a time and memory budget.

Generated: nginx and uWSGI include graphs (chains, diamonds, cycles, fan-out; each file
included any number of times from anywhere), Supervisor values full of ``%(...)s``
expansions with numprocs up to ten million, and uWSGI placeholders that refer to each
other (doubling chains, self-references, loops). Each example is checked through
``wsgilint.api.check`` on a temporary tree; its CPU time (``time.process_time``: the test
machine is shared, and waiting for a core is not slow code) must stay under 1 s and its
peak allocation (``tracemalloc``) under 50 MB.

Profiles as in ``test_fuzz.py``: a few examples per generator in the default run, many
under ``pytest -m fuzz`` (``WSGILINT_FUZZ_EXAMPLES``).
"""
from __future__ import annotations

import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wsgilint.api import check

MAX_SECONDS = 1.0
MAX_MB = 50

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
PROFILES = {
    "ci": settings(max_examples=8, deadline=None, suppress_health_check=_SLOW_OK),
    "fuzz": settings(max_examples=int(os.environ.get("WSGILINT_FUZZ_EXAMPLES", "2000")), deadline=None,
                     suppress_health_check=_SLOW_OK, database=None),
}

# Each file: the files it includes, in order (repeats and cycles allowed).
Graph = list[list[int]]


@st.composite
def include_graphs(draw: st.DrawFn) -> Graph:
    size = draw(st.integers(1, 26))
    shape = draw(st.sampled_from(["random", "chain", "diamond", "cycle"]))
    if shape == "random":
        return [draw(st.lists(st.integers(0, size - 1), max_size=4)) for _ in range(size)]
    fan = 2 if shape == "diamond" else 1
    graph = [[index + 1] * fan if index + 1 < size else [] for index in range(size)]
    if shape == "cycle":
        graph[-1].append(draw(st.integers(0, size - 1)))
    return graph


_warm: list[bool] = []


def within_budget(files: dict[str, str]) -> None:
    """One timed check, then one traced: ``tracemalloc`` slows allocation-heavy code many
    times over. The first check of the process (imports, rule loading) is not counted."""
    with tempfile.TemporaryDirectory() as folder:
        tree = write_tree(Path(folder), files)
        if not _warm:
            check([str(tree)])
            _warm.append(True)
        started = time.process_time()
        check([str(tree)])
        seconds = time.process_time() - started
        tracemalloc.start()
        try:
            check([str(tree)])
            peak = tracemalloc.get_traced_memory()[1] / 2 ** 20
        finally:
            tracemalloc.stop()
    assert seconds <= MAX_SECONDS, seconds
    assert peak <= MAX_MB, peak


def nginx_files(graph: Graph) -> dict[str, str]:
    files = {"etc/nginx/nginx.conf": "events {}\nhttp {\n    include d0.conf;\n"
                                     "    server { listen 80; location / { uwsgi_pass unix:/run/a.sock; } }\n}\n"}
    for index, targets in enumerate(graph):
        includes = "".join(f"include d{target}.conf;\n" for target in targets)
        files[f"etc/nginx/d{index}.conf"] = f"add_header X-{index} on;\n{includes}location /l{index} {{ }}\n"
    return files


def uwsgi_files(graph: Graph) -> dict[str, str]:
    files = {"etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/a.sock\ninclude = u0.ini\n"}
    for index, targets in enumerate(graph):
        includes = "".join(f"include = u{target}.ini\n" for target in targets)
        files[f"etc/uwsgi/u{index}.ini"] = f"[uwsgi]\nenv = X{index}=1\n{includes}for-times = 3\nenv = Y=%(_)\nendfor =\n"
    return files


_EXPANSION = st.one_of(
    st.integers(0, 40).map(lambda n: f"%(ENV_X{n})s"), st.just("%(program_name)s"), st.just("%(process_num)02d"),
    st.just("%(numprocs)d"), st.just("%(here)s"), st.just("%%"), st.just("%s"), st.just("%(nope)s"),
    st.text(alphabet="ab /-=", max_size=4),
)


@st.composite
def supervisor_files(draw: st.DrawFn) -> dict[str, str]:
    def value() -> str:
        return "".join(draw(st.lists(_EXPANSION, max_size=draw(st.sampled_from([5, 50, 3000])))))
    numprocs = draw(st.sampled_from([1, 2, 100, 1025, 10 ** 6, 10 ** 7]))
    return {"etc/supervisor/supervisord.conf": (
        f"[supervisord]\nenvironment = A=\"{value()}\"\n[program:app]\ncommand = /bin/echo {value()}\n"
        f"numprocs = {numprocs}\nprocess_name = %(program_name)s_%(process_num)d\n"
        f"environment = B=\"{value()}\"\nstdout_logfile = /var/log/{value()}.log\n")}


@st.composite
def uwsgi_placeholder_files(draw: st.DrawFn) -> dict[str, str]:
    count = draw(st.integers(1, 40))
    lines = []
    for index in range(count):
        refs = draw(st.lists(st.integers(0, count - 1), max_size=4))
        text = "".join(f"%(p{ref})" for ref in refs) + draw(st.sampled_from(["", "x", "$(HOME)", "%(_)"]))
        lines.append(f"{draw(st.sampled_from(['set-placeholder', 'set-ph']))} = p{index}={text}")
    lines.append("socket = /run/%(p0).sock")
    lines.append("chdir = %(p" + str(count - 1) + ")")
    return {"etc/uwsgi/app.ini": "[uwsgi]\n" + "\n".join(lines) + "\n"}


def _graph_test(files: Callable[[Graph], dict[str, str]], profile: str) -> Callable[..., None]:
    @PROFILES[profile]
    @given(graph=include_graphs())
    def test(graph: Graph) -> None:
        within_budget(files(graph))
    return test


def _files_test(strategy: st.SearchStrategy[dict[str, str]], profile: str) -> Callable[..., None]:
    @PROFILES[profile]
    @given(files=strategy)
    def test(files: dict[str, str]) -> None:
        within_budget(files)
    return test


for _profile in PROFILES:
    _marks = [pytest.mark.fuzz] if _profile == "fuzz" else []
    _tests = {"nginx_include_graph": _graph_test(nginx_files, _profile),
              "uwsgi_include_graph": _graph_test(uwsgi_files, _profile),
              "supervisor_expansions": _files_test(supervisor_files(), _profile),
              "uwsgi_placeholders": _files_test(uwsgi_placeholder_files(), _profile)}
    for _name, _test in _tests.items():
        for _mark in _marks:
            _test = _mark(_test)
        globals()[f"test_{_name}_{_profile}"] = _test
