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


def test_a_path_is_cut_by_its_folder_as_it_was_cut_alone(tmp_path) -> None:
    # _anchors works a file's relative path out once per folder: each path, tricky ones too,
    # gets what the per-path computation (relpath below the longest base holding it) gave.
    import os

    from wsgilint.api import _anchors
    from wsgilint.core.context import ReadContext
    from wsgilint.core.paths import relative_path

    root = tmp_path / "tree"
    (root / "etc" / "nginx").mkdir(parents=True)
    (root / "etc" / "app.ini").write_text("x\n")
    checked = [str(root), str(root / "etc" / "app.ini"), str(root / "etc")]
    bases = sorted({os.path.abspath(b if os.path.isdir(b) else os.path.dirname(b)) for b in checked},
                   key=len, reverse=True)

    def alone(path: str) -> str:
        if path.startswith("<"):
            return path
        absolute = os.path.join(str(tmp_path), path)
        base = next((b for b in bases if absolute.startswith(b.rstrip(os.sep) + os.sep)), None)
        if base is None:
            return path
        return relative_path(absolute, base) if os.path.normpath(absolute) == absolute \
            else os.path.relpath(absolute, base)

    names = ["app.ini", ".", "..", "", ".hidden", "x..y"]
    folders = ["tree", "tree/etc", "tree/etc/nginx", "tree/etc/../etc", "tree//etc", "tree/./etc", "elsewhere",
               "/", "", str(root), str(root) + "/etc", str(root) + "//etc", "/abs/else", "tree/etcx", "tre"]
    paths = [f"{folder}/{name}" if folder else name for folder in folders for name in names]
    paths += ["<stock>/uwsgi_params", "tree", str(root), "/", "//x", "//x/y"]
    anchor = _anchors(checked, ReadContext(cwd=str(tmp_path)), {})
    for path in paths:
        assert anchor(Span(path, 1))[0] == alone(path), path
