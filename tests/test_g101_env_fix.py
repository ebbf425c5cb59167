"""G101 offers to rename `env` to `raw_env` only where the value is what raw_env takes:
Gunicorn refuses `raw_env = {...}` at start ("environment setting 'NAME' invalid")."""
from pathlib import Path

import pytest

from wsgilint.api import check


@pytest.mark.parametrize(("value", "fixable"), [
    ("{'DJANGO_SETTINGS_MODULE': 'shop.settings'}", False),
    ("['DJANGO_SETTINGS_MODULE=shop.settings']", True),
])
def test_rename_only_for_name_value_strings(tmp_path: Path, value: str, fixable: bool) -> None:
    (tmp_path / "gunicorn.conf.py").write_text(f"bind = '127.0.0.1:8000'\nenv = {value}\n")
    [finding] = check([str(tmp_path)], select=("G101",)).findings
    assert (finding.fix is not None) is fixable
