"""N103 against a real nginx: what `/prefix../x` reads through a prefix location without a
trailing slash whose alias has one, with and without `internal;`, and with a `try_files`
that names only a fixed file.

nginx replaces the matched prefix with the alias, so `/public../secret.txt` opens
`<alias>/../secret.txt`, the file one directory above the alias. A location marked
`internal;` answers 404 to every outside request, that one too: only an internal redirect
(X-Accel-Redirect, error_page, rewrite ... last) reaches it, so N103 says info there. A
`try_files` without variables serves its fixed file whatever path is asked for: info too.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .servers import Servers, findings_with_code, free_port, http_get, nginx_main_conf, place, wsgilint_json

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("need_nginx")]

LOCATIONS = """\
        location /internal-resource {{
            internal;
            alias {files}/;
        }}
        location /public {{
            alias {files}/;
        }}
        location /calendar.ics {{
            alias {files}/;
            try_files /inside.txt =404;
        }}
        location /shared/ {{
            alias {shared}/;
        }}
        location /resources {{
            alias {shared}/main/;
        }}
"""


@pytest.fixture
def deployment(tmp_path: Path, servers: Servers) -> tuple[Path, int]:
    """(the linted tree's nginx.conf, nginx's port) with nginx running."""
    tree, run, data = tmp_path / "tree", tmp_path / "run", tmp_path / "data"
    files = data / "files"
    files.mkdir(parents=True)
    tree.mkdir()
    (files / "inside.txt").write_text("inside\n")
    (data / "secret.txt").write_text("above the alias\n")
    shared = data / "shared"
    (shared / "main").mkdir(parents=True)
    (shared / "public.txt").write_text("public\n")
    port = free_port()
    conf = tree / "nginx.conf"
    conf.write_text(nginx_main_conf(
        f"    server {{\n        listen 127.0.0.1:{port};\n{LOCATIONS.format(files=files, shared=shared)}    }}\n"))
    servers.nginx(conf, run, port)
    return conf, port


def test_traversal_reads_above_the_alias_of_a_public_location(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    assert http_get(port, "/public/inside.txt").body == b"inside\n"
    response = http_get(port, "/public../secret.txt")
    assert (response.status, response.body) == (200, b"above the alias\n")


def test_an_internal_location_answers_404_to_the_same_traversal(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    assert http_get(port, "/internal-resource/inside.txt").status == 404
    assert http_get(port, "/internal-resource../secret.txt").status == 404


def test_a_try_files_of_a_fixed_file_serves_only_that_file(deployment: tuple[Path, int]) -> None:
    _, port = deployment
    assert http_get(port, "/calendar.ics").body == b"inside\n"
    response = http_get(port, "/calendar.ics../secret.txt")
    assert (response.status, response.body) == (200, b"inside\n")


def test_a_traversal_reaches_only_the_folder_above_which_another_location_serves(
        deployment: tuple[Path, int]) -> None:
    """One directory above `/resources`' alias is what `location /shared/` serves anyway; a
    second `/..` is folded out of the path, which then matches no location of the server."""
    _, port = deployment
    assert http_get(port, "/shared/public.txt").body == b"public\n"
    assert http_get(port, "/resources../public.txt").body == b"public\n"
    assert http_get(port, "/resources../../secret.txt").body != b"above the alias\n"


def test_n103_is_an_error_for_the_public_location_and_info_for_the_internal_one(
        deployment: tuple[Path, int]) -> None:
    conf, _ = deployment
    findings = findings_with_code(wsgilint_json(conf.parent), "N103")
    severities = {place(f, conf.parent): f["severity"] for f in findings}
    aliases = [number for number, line in enumerate(conf.read_text().splitlines(), 1) if "alias " in line]
    assert severities == {(conf.resolve(), aliases[0]): "info", (conf.resolve(), aliases[1]): "error",
                          (conf.resolve(), aliases[2]): "info", (conf.resolve(), aliases[4]): "info"}
