"""Large and deep inputs: bounded time and memory, located findings, no traceback.

Each case runs the CLI in a fresh child of a fresh Python, so the peak RSS that
``getrusage(RUSAGE_CHILDREN)`` reports is the check's own. The bounds are generous
(a slow two-core machine); what they catch is a quadratic walk or a runaway
recursion, which would take minutes or gigabytes.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import PROJECT

MAX_SECONDS = 60
MAX_RSS_MB = 500

_MEASURE = textwrap.dedent("""\
    import json, resource, subprocess, sys, time
    started = time.monotonic()
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    seconds = time.monotonic() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"code": done.returncode, "seconds": seconds, "rss_mb": peak_kb / 1024,
                      "stdout": done.stdout, "stderr": done.stderr}))
""")


def measured_check(tree: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "wsgilint", "check", str(tree),
               "--format", "json", "--fail-on", "never"]
    done = subprocess.run(command, cwd=str(tree), env=env, capture_output=True, text=True, timeout=MAX_SECONDS * 3)
    run = json.loads(done.stdout)
    assert run["code"] == 0, run["stderr"][-3000:]
    assert "Traceback" not in run["stderr"] and "RecursionError" not in run["stderr"], run["stderr"][-3000:]
    assert run["seconds"] < MAX_SECONDS, run["seconds"]
    assert run["rss_mb"] < MAX_RSS_MB, run["rss_mb"]
    print(f"{tree.name}: {run['seconds']:.1f} s, peak RSS {run['rss_mb']:.0f} MB")
    report = json.loads(run["stdout"])
    report["seconds"], report["rss_mb"] = run["seconds"], run["rss_mb"]
    return report


def located(report: dict, code: str, path_end: str) -> list[int]:
    return [f["line"] for f in report["findings"] if f["code"] == code and f["path"].endswith(path_end)]


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)


def test_fifty_megabyte_files(tmp_path):
    chunk = (b"# " + b"x" * 1021 + b"\n") * 1024          # 1 MiB of comment lines
    for relative in ("etc/nginx/conf.d/huge.conf", "etc/uwsgi/huge.ini", "etc/supervisor/conf.d/huge.conf",
                     "srv/app/gunicorn.conf.py", "data/unhinted"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            for _ in range(50):
                handle.write(chunk)
    report = measured_check(tmp_path)
    for relative in ("huge.conf", "huge.ini", "gunicorn.conf.py"):
        assert located(report, "E001", relative) == [0] * len(located(report, "E001", relative))
        assert located(report, "E001", relative), (relative, report["findings"])


_UWSGI_LINES = [
    "processes = 4", "threads = 2", "harakiri = 30", "max-requests = 5000", "buffer-size = 32768",
    "env = DJANGO_SETTINGS_MODULE=app.settings", "pythonpath = /srv/app", "post-buffering = 8192",
    "listen = 128", "master = true", "enable-threads = true", "die-on-term = true", "vacuum = true",
    "chdir = /srv/app", "module = app.wsgi:application", "reload-on-rss = 512", "worker-reload-mercy = 30",
    "logto = /var/log/uwsgi/app.log", "log-maxsize = 1000000", "stats = 127.0.0.1:9191",
]


def test_hundred_thousand_line_uwsgi_ini(tmp_path):
    body = "\n".join(_UWSGI_LINES[i % len(_UWSGI_LINES)] for i in range(99_997))
    write(tmp_path / "etc/uwsgi/app.ini", f"[uwsgi]\nsocket = /run/app.sock\n{body}\nnot-an-option = 1\n")
    report = measured_check(tmp_path)
    assert any(f["path"].endswith("app.ini") for f in report["findings"])
    # The unknown option on the last line is found where it is.
    assert 100_000 in [f["line"] for f in report["findings"] if f["path"].endswith("app.ini")], \
        [f for f in report["findings"] if f["path"].endswith("app.ini")][:5]


def _nested_locations(depth: int, closed: bool) -> str:
    """Locations nested ``depth`` deep, each inside its parent's prefix (nginx 1.22 accepts 500)."""
    opening = "".join(f"location {''.join(f'/l{j}' for j in range(i + 1))} {{\n" for i in range(depth))
    closing = "}\n" * depth if closed else ""
    return f"events {{}}\nhttp {{\n server {{\n  listen 80;\n{opening}uwsgi_pass unix:/run/app.sock;\n{closing} }}\n}}\n"


def _include_chain(root: Path, cycle: bool) -> None:
    write(root / "etc/nginx/nginx.conf", "events {}\nhttp {\n    include /etc/nginx/chain/c000.conf;\n}\n")
    for i in range(100):
        following = f"include /etc/nginx/chain/c{i + 1:03d}.conf;\n" if i < 99 else \
            "include /etc/nginx/chain/c000.conf;\n" if cycle else \
            "server { listen 80; location / { uwsgi_pass unix:/run/a.sock; } }\n"
        write(root / f"etc/nginx/chain/c{i:03d}.conf", f"# link {i}\n{following}")


def _depth_notes(report: dict) -> list[tuple[str, int]]:
    return [(f["path"], f["line"]) for f in report["findings"] if f["code"] == "E001" and "deep" in f["message"]]


@pytest.mark.parametrize("closed", [True, False])
def test_nginx_nested_five_hundred_blocks(tmp_path, closed):
    write(tmp_path / "etc/nginx/nginx.conf", _nested_locations(500, closed))
    report = measured_check(tmp_path)
    syntax = located(report, "E002", "nginx.conf")
    assert all(line > 0 for _, line in _depth_notes(report))
    if closed:
        assert syntax == []
    else:
        assert syntax and all(line > 0 for line in syntax), report["findings"]


@pytest.mark.parametrize("cycle", [False, True])
def test_nginx_include_chain_of_a_hundred(tmp_path, cycle):
    _include_chain(tmp_path, cycle)
    report = measured_check(tmp_path)
    cycles = located(report, "E004", ".conf")
    notes = _depth_notes(report)
    assert all(line > 0 for line in cycles) and all(line > 0 for _, line in notes)
    if cycle:
        assert cycles or notes, report["findings"]
    else:
        assert cycles == []


@pytest.mark.parametrize("shape", ["500 nested locations", "100 chained includes"])
def test_nginx_reads_what_nginx_accepts_however_deep(tmp_path, shape):
    if shape == "500 nested locations":
        write(tmp_path / "etc/nginx/nginx.conf", _nested_locations(500, closed=True))
    else:
        _include_chain(tmp_path, cycle=False)
    report = measured_check(tmp_path)
    assert _depth_notes(report) == []
    # The route at the bottom was reached: it lacks uwsgi_params.
    assert [f["code"] for f in report["findings"]] == ["N101"], report["findings"]


def test_nginx_deeper_than_the_reader_goes_is_said_once_where_it_starts(tmp_path):
    depth = 1500
    write(tmp_path / "etc/nginx/nginx.conf", "events {}\nhttp {\n server {\n  listen 80;\n"
          + "location /a {\n" * depth + "uwsgi_pass unix:/run/app.sock;\n" + "}\n" * depth + " }\n}\n")
    report = measured_check(tmp_path)
    # A thousand blocks are read (http, server, 998 locations); the next location, line 1003, is not.
    assert _depth_notes(report) == [("etc/nginx/nginx.conf", 1003)], report["findings"]
    assert located(report, "E002", "nginx.conf") == []


@pytest.mark.parametrize("cycle", [False, True])
def test_uwsgi_include_chain_of_a_hundred(tmp_path, cycle):
    write(tmp_path / "etc/uwsgi/app.ini", "[uwsgi]\nsocket = /run/app.sock\nvacuum = true\ninclude = chain/i000.ini\n")
    for i in range(100):
        last = i == 99
        following = ("include = i000.ini\n" if cycle else "") if last else f"include = i{i + 1:03d}.ini\n"
        write(tmp_path / f"etc/uwsgi/chain/i{i:03d}.ini", f"[uwsgi]\nprocesses = {i + 1}\n{following}")
    report = measured_check(tmp_path)
    cycles = located(report, "E004", ".ini")
    if cycle:
        assert cycles and all(line > 0 for line in cycles), report["findings"]
    else:
        assert cycles == []


def test_uwsgi_loops_times_includes_are_bounded(tmp_path):
    # 1000 × 1000 × 1000 options as uWSGI would expand them; the reader stops at its bound.
    write(tmp_path / "etc/uwsgi/app.ini", "[uwsgi]\nfor-times = 1000\ninclude = mid.ini\nendfor =\n")
    write(tmp_path / "etc/uwsgi/mid.ini", "[uwsgi]\nfor-times = 1000\ninclude = leaf.ini\nendfor =\n")
    write(tmp_path / "etc/uwsgi/leaf.ini", "[uwsgi]\nfor-times = 1000\nsocket = /run/%(_).sock\nendfor =\n")
    report = measured_check(tmp_path)
    cut = [(f["path"], f["line"]) for f in report["findings"] if f["code"] == "E009" and "repeat" in f["message"]]
    assert cut and all(line > 0 for _, line in cut), report["findings"]


def test_ten_thousand_files_in_one_directory(tmp_path):
    directory = tmp_path / "etc/supervisor/conf.d"
    directory.mkdir(parents=True)
    for i in range(10_000):
        with open(directory / f"p{i:05d}.conf", "w") as handle:
            handle.write(f"[program:p{i:05d}]\ncommand=/usr/bin/uwsgi --socket /run/p{i:05d}.sock --vacuum\n"
                         + ("stopsignal=NOPE\n" if i == 9_999 else ""))
    report = measured_check(tmp_path)
    assert len(report["files"]) == 10_000
    # supervisord refuses stopsignal=NOPE: S107 names the value (and E002 yields to it).
    assert [(f["code"], f["line"]) for f in report["findings"] if f["path"].endswith("p09999.conf")] \
        == [("S107", 3)], [f for f in report["findings"] if f["path"].endswith("p09999.conf")]


def test_directory_of_a_thousand_symlinks_to_itself(tmp_path):
    directory = tmp_path / "etc/uwsgi/loop"
    directory.mkdir(parents=True)
    for i in range(1000):
        os.symlink(".", directory / f"self{i:04d}")
    write(directory / "app.ini", "[uwsgi]\nsocket = /run/app.sock\nvaccum = true\n")
    report = measured_check(tmp_path)
    assert located(report, "U101", "app.ini") == [3]
