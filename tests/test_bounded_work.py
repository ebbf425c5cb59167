"""Bounded work: each input of the hostile-input issue that multiplied wsgilint's work
finishes within 1 s and 50 MB over a clean run, with the finding that says where it stopped.

Each case runs ``wsgilint.api.check`` in a fresh Python: a clean tree first (imports,
rule loading), then the case, best of two runs. The bound is on the CPU time the run
takes (``time.process_time``): the test machine is shared, and a run that waits for a
core is not slower code; the wall time (``time.perf_counter``) has a looser bound that
still catches a hang. The peak memory of the case is measured with ``tracemalloc`` in a
third run. The numbers before the
bounds (docs/security.md, "Bounded work") were minutes and gigabytes.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, write_tree

MAX_SECONDS = 1.0
MAX_WALL_SECONDS = 5.0
MAX_MB = 50

_MEASURE = textwrap.dedent("""\
    import json, sys, time, tracemalloc
    from wsgilint.api import check
    clean, case = sys.argv[1], sys.argv[2]
    def timed(path):
        wall, cpu = time.perf_counter(), time.process_time()
        check([path])
        return time.process_time() - cpu, time.perf_counter() - wall
    clean_cpu, clean_wall = min(timed(clean) for _ in range(2))
    cpu, wall = min(timed(case) for _ in range(2))
    tracemalloc.start()
    check([clean])
    clean_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    result = check([case])
    peak = tracemalloc.get_traced_memory()[1]
    print(json.dumps({"seconds": cpu - clean_cpu, "wall": wall - clean_wall, "mb": (peak - clean_peak) / 2 ** 20,
                      "findings": [[f.code, f.at.path, f.at.line, f.message] for f in result.findings]}))
""")

CLEAN = {
    "etc/nginx/nginx.conf": "events {}\nhttp {\n    server {\n        listen 80;\n"
                            "        location / { include uwsgi_params; uwsgi_pass unix:/run/app.sock; }\n    }\n}\n",
    "etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app.sock\nmodule = app.wsgi\nmaster = true\n",
}


def measured(tmp_path: Path, files: dict[str, str]) -> dict[str, Any]:
    clean = write_tree(tmp_path / "clean", CLEAN)
    case = write_tree(tmp_path / "case", files)
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(clean), str(case)], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    run: dict[str, Any] = json.loads(done.stdout)
    print(f"{run['seconds']:.2f} s CPU, {run['wall']:.2f} s, {run['mb']:.1f} MB over a clean run")
    assert run["seconds"] <= MAX_SECONDS, run["seconds"]
    assert run["wall"] <= MAX_WALL_SECONDS, run["wall"]
    assert run["mb"] <= MAX_MB, run["mb"]
    return run


def codes(run: dict[str, Any], code: str) -> list[tuple[str, int, str]]:
    return [(os.path.basename(path), line, message) for found, path, line, message in run["findings"]
            if found == code]


# --------------------------------------------------------------------------- generators

def nginx_diamond(levels: int) -> dict[str, str]:
    """Each file includes the next twice: 2 ** (levels - 1) places for the last one."""
    files = {"etc/nginx/nginx.conf": "events {}\nhttp {\n    include d0.conf;\n}\n"}
    for level in range(levels):
        following = f"include d{level + 1}.conf;\ninclude d{level + 1}.conf;\n" if level < levels - 1 else ""
        files[f"etc/nginx/d{level}.conf"] = f"add_header X-Level-{level} on;\n{following}"
    return files


def uwsgi_diamond(levels: int) -> dict[str, str]:
    files = {"etc/uwsgi/app.ini": "[uwsgi]\nsocket = /run/app.sock\ninclude = u0.ini\n"}
    for level in range(levels):
        following = f"include = u{level + 1}.ini\ninclude = u{level + 1}.ini\n" if level < levels - 1 else ""
        files[f"etc/uwsgi/u{level}.ini"] = f"[uwsgi]\nenv = LEVEL_{level}=1\n{following}"
    return files


HUGE_EXPRESSIONS = "\n".join([
    "bind = '127.0.0.1:8000'",
    "workers = 10 ** 10 ** 10",
    "a = ((10 ** 100) ** 100) ** 100",
    "b = '-'.join(['a' * 100000] * 100000)",
    "c = [[0] * 100000] * 100000",
    "d = f'{1:>1000000000}'",
    "e = '{:>1000000000}'.format(1)",
    "f = '%01000000000d' % 1",
    "g = 1 << 10 ** 12",
    "x = 'a' * 10 ** 20",
    "try:",
    "    y = 'a' * 10 ** 30",
    "except MemoryError:",
    "    pass",
    "timeout = 30",
    "",
])


# --------------------------------------------------------------------------- cases

def test_nginx_include_diamond_of_22_files(tmp_path: Path) -> None:
    run = measured(tmp_path, nginx_diamond(22))
    ((name, line, message),) = codes(run, "E009")
    assert name.startswith("d") and line in (2, 3) and "100000 directives" in message, run["findings"]


def test_nginx_diamond_below_the_bound_is_expanded_in_place(tmp_path: Path) -> None:
    """Every place an include stands is walked (nginx's semantics) while the bound allows."""
    from wsgilint.api import check
    tree = write_tree(tmp_path, nginx_diamond(8))
    result = check([str(tree)])
    assert not [f for f in result.findings if f.code == "E009"]
    (instance,) = result.deployment.nginx
    http = instance.http[0]
    assert len(http.own["add_header"]) == 2 ** 8 - 1     # level k is read 2 ** k times


def test_nginx_many_sites_including_one_params_file_are_walked_whole(tmp_path: Path) -> None:
    """Past 100 000 places, the bound grows with what the files hold: 4 000 sites each including
    a 25-line params file (120 000 places, 20 000 statements) are walked whole, so no site
    loses the params it includes (N101 would call each one's uwsgi_pass bare)."""
    from wsgilint.api import check
    params = "".join(f"uwsgi_param P{n} $request_uri;\n" for n in range(25))
    files = {"etc/nginx/nginx.conf": "events {}\nhttp {\n    include sites/*.conf;\n}\n",
             "etc/nginx/app_params": params}
    for site in range(4000):
        files[f"etc/nginx/sites/s{site:04}.conf"] = (
            f"server {{\n    listen {20000 + site};\n    location / {{\n        include app_params;\n"
            f"        uwsgi_pass unix:/run/s{site}.sock;\n    }}\n}}\n")
    result = check([str(write_tree(tmp_path, files))])
    assert not [f for f in result.findings if f.code in ("E009", "N101")]
    (instance,) = result.deployment.nginx
    last = instance.servers[-1].locations[0]
    assert len(last.own["uwsgi_param"]) == 25


def test_nginx_include_cut_by_the_bound_leaves_what_it_sets_unknown(tmp_path: Path) -> None:
    """Past the bound a file already walked is not expanded again: a site including the params
    file after that has them unread, not missing (E009 says so; N101 does not call it bare)."""
    from wsgilint.api import check
    files = nginx_diamond(22)
    site = ("server {{\n    listen {port};\n    location / {{\n        include app_params;\n"
            "        uwsgi_pass unix:/run/app{port}.sock;\n    }}\n}}\n")
    files["etc/nginx/nginx.conf"] = ("events {}\nhttp {\n    include first.conf;\n    include d0.conf;\n"
                                     "    include second.conf;\n}\n")
    files["etc/nginx/first.conf"] = site.format(port=8001)
    files["etc/nginx/second.conf"] = site.format(port=8002)
    files["etc/nginx/app_params"] = "uwsgi_param QUERY_STRING $query_string;\n"
    result = check([str(write_tree(tmp_path, files))])
    assert [f.code for f in result.findings if f.code in ("E009", "N101")] == ["E009"]


def test_uwsgi_include_diamond_of_25_files(tmp_path: Path) -> None:
    run = measured(tmp_path, uwsgi_diamond(25))
    cut = codes(run, "E009")
    assert cut and all(line > 0 for _, line, _ in cut), run["findings"]


def test_uwsgi_diamond_below_the_bound_repeats_options_as_uwsgi_does(tmp_path: Path) -> None:
    from wsgilint.core.context import ReadContext
    from wsgilint.readers.uwsgi_ini import read_ini
    tree = write_tree(tmp_path, uwsgi_diamond(6))
    ini = read_ini(str(tree / "etc/uwsgi/app.ini"), ReadContext())
    assert [o.value for o in ini.options if o.key == "env"].count("LEVEL_5=1") == 2 ** 5
    assert not [p for p in ini.problems if p.kind == "limit"]


def test_gunicorn_conf_of_4000_lines(tmp_path: Path) -> None:
    lines = "".join(f"setting_{i} = {i}\n" for i in range(4000))
    run = measured(tmp_path, {"app/gunicorn.conf.py": f"bind = '127.0.0.1:8000'\n{lines}workers = 4\n"})
    assert not codes(run, "E002"), run["findings"]


def test_gunicorn_huge_expressions_are_unresolved_or_the_failure_python_gives(tmp_path: Path) -> None:
    run = measured(tmp_path, {"app/gunicorn.conf.py": HUGE_EXPRESSIONS})
    # Only the line Python itself cannot run (at module level, outside try) is an error.
    assert [(name, line) for name, line, _ in codes(run, "E002")] == [("gunicorn.conf.py", 10)], run["findings"]


def test_gunicorn_budgets_leave_ordinary_values_known() -> None:
    from wsgilint.readers.gunicorn.conf import read_gunicorn_text
    config = read_gunicorn_text(HUGE_EXPRESSIONS + "keepalive = 2 ** 3\nproc_name = '-'.join(['a', 'b'])\n", "g.py")
    values = {o.key: (o.value, o.unresolved) for o in config.options}
    assert values["timeout"] == (30, False)
    assert values["keepalive"] == (8, False)
    assert values["proc_name"] == ("a-b", False)
    assert values["workers"] == (None, True)


def test_supervisor_numprocs_of_a_million(tmp_path: Path) -> None:
    run = measured(tmp_path, {"etc/supervisor/supervisord.conf":
                              "[supervisord]\n[program:app]\ncommand = /bin/true\nnumprocs = 1000000\n"
                              "process_name = %(program_name)s_%(process_num)d\n"})
    assert [(name, line) for name, line, _ in codes(run, "E009")] == [("supervisord.conf", 4)], run["findings"]


@pytest.mark.parametrize("distinct", [False, True], ids=["one-name", "distinct-names"])
def test_supervisor_many_env_expansions(tmp_path: Path, distinct: bool) -> None:
    names = " ".join(f"%(ENV_X{i if distinct else ''})s" for i in range(10_000))
    run = measured(tmp_path, {"etc/supervisor/supervisord.conf":
                              f"[supervisord]\n[program:app]\ncommand = /bin/echo {names}\n"})
    assert not codes(run, "E002"), run["findings"]


def test_max_file_size_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = write_tree(tmp_path, {"etc/nginx/nginx.conf": "events {}\n" + "# padding\n" * 200,
                                 "wsgilint.toml": "max-file-size = 1000\n"})
    monkeypatch.chdir(tree)
    done = subprocess.run([sys.executable, "-m", "wsgilint", "check", ".", "--format", "json"], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    findings = json.loads(done.stdout)["findings"]
    assert [(f["code"], f["message"]) for f in findings] == [
        ("E001", "file is larger than 1000 bytes (max-file-size); not read")], findings


@pytest.mark.parametrize("case", ["dev-zero", "fifo", "huge", "not-json", "deep-json", "deep-toml", "deep-inline-toml",
                                  "huge-settings"])
def test_settings_and_baseline_errors_are_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    tree = write_tree(tmp_path, {"etc/nginx/nginx.conf": "events {}\n"})
    settings = tree / "pyproject.toml"
    settings.write_text('[tool.wsgilint]\nbaseline = "base.json"\n')
    baseline = tree / "base.json"
    if case == "dev-zero":
        settings.write_text('[tool.wsgilint]\nbaseline = "/dev/zero"\n')
    elif case == "fifo":
        os.mkfifo(baseline)
    elif case == "huge":
        with open(baseline, "wb") as handle:
            handle.truncate(65 * 2 ** 20)
    elif case == "not-json":
        baseline.write_text("[[[[")
    elif case == "deep-json":
        baseline.write_text("[" * 100_000 + "]" * 100_000)
    elif case == "deep-toml":
        settings.write_text("[tool.wsgilint]\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    elif case == "deep-inline-toml":
        settings.write_text("[tool.wsgilint]\na = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n")
    else:
        settings.write_text("[tool.wsgilint]\n" + "# padding\n" * 200_000)
    done = subprocess.run([sys.executable, "-m", "wsgilint", "check", "."], cwd=tree, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(PROJECT)}, timeout=60)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("wsgilint: ") and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_supervisor_widths_that_numprocs_builds_into_a_log_file_name(tmp_path: Path) -> None:
    # The log file name is expanded twice: "%%%(numprocs)d" becomes "%10000000a", padding
    # each process's name to ten million characters (found by test_bounded_properties).
    run = measured(tmp_path, {"etc/supervisor/supervisord.conf":
                              "[supervisord]\n[program:app]\ncommand = /bin/true\nnumprocs = 10000000\n"
                              "process_name = %(program_name)s_%(process_num)d\n"
                              "stdout_logfile = /var/log/%%%(numprocs)d%(program_name)s.log\n"})
    assert [(name, line) for name, line, _ in codes(run, "E009")] == [("supervisord.conf", 4)], run["findings"]


def test_supervisor_wide_conversion_stays_unexpanded() -> None:
    from wsgilint.readers.supervisor.expansion import WIDE, expand
    assert expand("%(x)100000s", {"x": "a"}).unresolved == (WIDE,)
    assert expand("%(x).1000000s", {"x": "a"}).unresolved == (WIDE,)
    assert expand("%(x)99999s", {"x": "a"}).text == " " * 99_998 + "a"


def test_app_code_of_many_unused_imports(tmp_path: Path) -> None:
    """A 500 KB module of imports nothing uses, behind nginx: each import looked at searches the
    text once, and only the first few are."""
    module = "".join(f"import module_{index}\n" for index in range(24000))
    run = measured(tmp_path, {"app.py": module, "uwsgi.ini": "[uwsgi]\nsocket = 127.0.0.1:9000\nwsgi-file = app.py\n",
                              "nginx.conf": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                                            "        uwsgi_pass 127.0.0.1:9000;\n    }\n}\n"})
    assert codes(run, "U112"), run["findings"]


def test_many_scripts_filling_many_configs_with_sed(tmp_path: Path) -> None:
    """200 scripts that each replace 200 words with sed in each of 200 uWSGI files they name,
    whose text holds 400 other upper-case words: each text is read through once, and a file is
    matched with the first few scripts that name it."""
    names = [f"app{index}.ini" for index in range(200)]
    script = f"for file in {' '.join(names)}; do\n" + \
        "".join(f"    sed -i 's/WORD{word}/x/' \"$file\"\n" for word in range(200)) + "done\n"
    config = "[uwsgi]\nsocket = /run/app.sock\n" + "".join(f"env = OTHER{word}=1\n" for word in range(400))
    files = {f"deploy/step{index}.sh": script for index in range(200)}
    files.update({f"uwsgi/{name}": config for name in names})
    run = measured(tmp_path, files)
    assert not codes(run, "E006"), run["findings"][:3]
