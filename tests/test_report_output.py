"""The bytes each output format prints, kept in tests/report_output/: a change to a reporter
or to the command line that alters what users and their tools read shows here.

Two workloads: the seed example (cross-file findings with related places) and a small tree
whose file name holds the characters the formats escape (``%``, ``,``, ``:``, a space, a
non-ASCII letter). Only the rules that fire there run, so a new rule elsewhere does not
change SARIF's rule list. What depends on the machine or on the rules' documentation is
replaced before comparing: the version, the working directory in SARIF's ``%SRCROOT%``,
and SARIF's rule descriptors (checked by tests/test_sarif.py; only their codes are kept).

A change that means to alter the output rewrites the files with
``WSGILINT_UPDATE_REPORT_OUTPUT=1 python -m pytest tests/test_report_output.py`` and says why
in its commit message.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, write_tree

from wsgilint import __version__
from wsgilint.report import formats

EXPECTED = PROJECT / "tests" / "report_output"
ODD_TREE = {
    "tree/etc/uwsgi/50%,a:b é.ini": "[uwsgi]\nsocket = /run/app.sock\nprocesse = 4\n",
    "tree/etc/nginx/conf.d/site.conf": "server {\n    listen 80;\n"
                                       "    location / { uwsgi_pass unix:/run/other.sock; include uwsgi_params; }\n}\n",
}


# The console's width and colour follow these; the kept output is the plain, unwrapped one.
PLAIN_ENVIRONMENT = {key: value for key, value in os.environ.items()
                     if key not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")}


def run(cwd: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "wsgilint", "check", *args], check=False, capture_output=True,
                          cwd=cwd, env={**PLAIN_ENVIRONMENT, "PYTHONPATH": str(PROJECT)}, timeout=120)
    assert done.returncode == 1 and done.stderr == b"", done.stderr
    return done.stdout.decode()


def output(tree: str, output_format: str, cwd: Path) -> str:
    codes = sorted({finding["code"] for finding in json.loads(run(cwd, tree, "--format", "json"))["findings"]})
    text = run(cwd, tree, "--format", output_format, "--select", ",".join(codes))
    if output_format == "sarif":
        driver = json.loads(text)["runs"][0]["tool"]["driver"]
        descriptors = json.dumps(driver["rules"], ensure_ascii=False)
        assert descriptors in text
        text = text.replace(descriptors, json.dumps([rule["id"] for rule in driver["rules"]]))
        text = text.replace(json.dumps("file://" + str(cwd).rstrip("/") + "/"), '"<cwd>"')
    return text.replace(json.dumps(__version__), '"<version>"')


def compare(name: str, actual: str) -> None:
    path = EXPECTED / name
    if os.environ.get("WSGILINT_UPDATE_REPORT_OUTPUT"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode())
    assert actual == path.read_bytes().decode()


def test_every_format_is_kept() -> None:
    assert sorted(path.suffix[1:] for path in EXPECTED.glob("seed-django.*")) == formats()


@pytest.mark.parametrize("output_format", formats())
def test_the_seed_example(output_format: str) -> None:
    compare(f"seed-django.{output_format}", output("examples/seed-django", output_format, PROJECT))


@pytest.mark.parametrize("output_format", formats())
def test_a_file_name_with_characters_that_are_escaped(output_format: str, tmp_path: Path) -> None:
    write_tree(tmp_path, ODD_TREE)
    compare(f"odd-name.{output_format}", output("tree", output_format, tmp_path))
