"""``Finding.anchored`` is ``dataclasses.replace(finding, anchor=...)`` without its walk over the fields."""
import dataclasses

from wsgilint.engine import Edit, Finding, Fix, Related
from wsgilint.model import Span


def _fields(finding: Finding) -> dict[str, object]:
    # Every field, those left out of comparisons (anchor, key, distinct, fix) too.
    return {f.name: getattr(finding, f.name) for f in dataclasses.fields(Finding)}


def test_anchored_keeps_every_other_field() -> None:
    at = Span("etc/uwsgi/app.ini", 3, 1, 8)
    finding = Finding("U101", "unknown-option", "warning", "`vaccum` is not a uWSGI option", at,
                      (Related(Span("etc/nginx/app.conf", 2), "here"),),
                      Fix("rename", (Edit.key_rename(at.path, 3, "vaccum", "vacuum"),)),
                      key=Span("etc/uwsgi/app.ini", 4), distinct="\0#2")
    anchor = ("etc/uwsgi/app.ini", "vaccum = true")
    assert _fields(finding.anchored(anchor)) == _fields(dataclasses.replace(finding, anchor=anchor))
