"""A number too long for Python's int() (over 4300 digits) is an out-of-range value, as it is to
nginx, systemd, the kernel and Supervisor, never an internal error. Each tree below is a rule
fixture whose numbers are made 5000 digits long; together they reach every place a number is
read: nginx listen, times and sizes, uWSGI and Gunicorn binds, Supervisor ports, sysctl, systemd
limits, passwd and group, Compose ports and YAML integers, app-server versions."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from wsgilint.api import check
from wsgilint.core.numbers import decimal

FIXTURES = Path(__file__).parent / "fixtures"
TREES = [
    "X120/router-to-missing-socket", "U110/fix-adds-master", "N107/host-without-unit-assumes-1024",
    "X107/near-miss-tiangolo-image-nginx-conf-says-daemon-off", "X104/shared-group-660",
    "S103/inet-with-auth", "D104/valid-units", "U111/near-miss-compose-tiangolo-image-with-bind-mount",
    "X106/sysctl-raised", "X111/seed-002-64k", "X111/small-nginx-buffers",
    "X101/compose-env-in-image-binds-loopback", "X101/elastic-beanstalk-procfile-binds-the-upstream",
    "X109/harakiri-above-read-timeout",
]


@pytest.mark.parametrize("name", TREES)
def test_numbers_of_5000_digits_are_read_without_an_internal_error(name: str, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES / name, tree, symlinks=True)
    inflated = 0
    for path in tree.rglob("*"):
        if path.is_file() and not path.is_symlink():
            text = path.read_text(errors="surrogateescape")
            longer = re.sub(r"\d+", lambda match: match.group(0) + "9" * 5000, text)
            inflated += longer != text
            path.write_text(longer, errors="surrogateescape")
    assert inflated
    assert check([str(tree)]).files


def test_decimal_reads_what_c_parsers_read() -> None:
    assert decimal("0080") == 80 and decimal("-5") == -5 and decimal("+7") == 7
    assert decimal("0" * 5000 + "1") == 1                   # leading zeros are no magnitude
    assert decimal("1" * 4300) == int("1" * 4300)
    assert decimal("1" * 4301) is None                      # out of every program's range
    assert decimal("٣") is None and decimal("²") is None    # digits to Python, not to C
    assert decimal("") is None and decimal("8k") is None


@pytest.mark.parametrize("expression", ["1 << 200000", "0x" + "f" * 5000, "10 ** 5000"])
def test_a_gunicorn_number_too_long_to_print_is_unknown_not_an_internal_error(expression: str, tmp_path: Path) -> None:
    (tmp_path / "gunicorn.conf.py").write_text("".join(f"{name} = {expression}\n"
                                                       for name in ("reload", "workers", "bind", "timeout")))
    result = check([str(tmp_path)])
    assert [source.kind for source in result.files] == ["gunicorn"]
