"""A relative ``include`` opens the file at nginx's configuration prefix (the directory of the
main nginx.conf), not the one beside the including file: shown with the real ``nginx -t``
and compared with what wsgilint reads.

The trees are written twice from one description: as the repository wsgilint checks (a
Dockerfile ``COPY``-ing files into the official image) and as the container's /etc/nginx
that nginx reads (the image's nginx.conf, with ``include conf.d/*.conf``, its stock files,
then each copy at its target).
"""
from __future__ import annotations

import subprocess
from importlib import resources
from pathlib import Path

import pytest
from conftest import NGINX, write_tree

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.readers.nginx import read_nginx_fragment, read_nginx_main

needs_nginx = pytest.mark.skipif(not NGINX, reason="nginx is not installed")

# A saved web page in place of the params file (seen in a real repository).
WEB_PAGE = ("<!DOCTYPE html>\n<html>\n<head><title>uwsgi_params</title></head>\n<body>\n"
            "<pre>uwsgi_param  QUERY_STRING  $query_string;</pre>\n</body>\n</html>\n")
SITE = ("server {\n    listen 127.0.0.1:18089;\n    location / {\n        include uwsgi_params;\n"
        "        uwsgi_pass 127.0.0.1:8000;\n    }\n}\n")
# The official image's nginx.conf as it matters here (nginxinc/docker-nginx: `include
# /etc/nginx/conf.d/*.conf;`), with its includes written relative to the prefix so that
# nginx reads this copy's files and not this machine's /etc/nginx.
IMAGE_NGINX_CONF = "events {}\nhttp {\n    include mime.types;\n    include conf.d/*.conf;\n}\n"


def stock(name: str) -> str:
    return resources.files("wsgilint.readers").joinpath("stock", name).read_text(encoding="utf-8")


def image_root(tmp: Path, repository: dict[str, str], copies: dict[str, str]) -> Path:
    """The container's file system as nginx sees it: the image's files, then each COPY."""
    root = tmp / "image"
    files = {"etc/nginx/nginx.conf": IMAGE_NGINX_CONF, "etc/nginx/uwsgi_params": stock("uwsgi_params"),
             "etc/nginx/mime.types": stock("mime.types")}
    files.update({target.lstrip("/"): repository[f"nginx/{source}"] for source, target in copies.items()})
    return write_tree(root, files)


def nginx_t(root: Path) -> tuple[bool, str]:
    """Whether ``nginx -t`` accepts the configuration at ``root``/etc/nginx, and what it said."""
    assert NGINX is not None
    run = subprocess.run([NGINX, "-t", "-q", "-p", f"{root}/", "-e", "stderr", "-c", f"{root}/etc/nginx/nginx.conf"],
                         capture_output=True, text=True, timeout=30)
    return run.returncode == 0, run.stderr


def repository(copies: dict[str, str]) -> dict[str, str]:
    files = {"nginx/site.conf": SITE, "nginx/uwsgi_params": WEB_PAGE,
             "nginx/Dockerfile": "FROM nginx:1.25\nRUN rm /etc/nginx/conf.d/default.conf\n"
             + "".join(f"COPY {source} {target}\n" for source, target in copies.items())}
    return files


CASES = {
    # The site and the page side by side in conf.d: nginx opens /etc/nginx/uwsgi_params, the image's.
    "beside the site": ({"site.conf": "/etc/nginx/conf.d/site.conf",
                         "uwsgi_params": "/etc/nginx/conf.d/uwsgi_params"}, True),
    # The page copied over the image's own file: nginx opens it and refuses to start.
    "at the prefix": ({"site.conf": "/etc/nginx/conf.d/site.conf", "uwsgi_params": "/etc/nginx/uwsgi_params"}, False),
}


@needs_nginx
@pytest.mark.parametrize("name", sorted(CASES))
def test_what_nginx_t_reads_in_the_image_is_what_wsgilint_reads(name: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    copies, accepted = CASES[name]
    files = repository(copies)
    ok, said = nginx_t(image_root(tmp_path, files, copies))
    assert ok is accepted, said
    if not ok:
        assert "etc/nginx/uwsgi_params" in said   # the prefix's file, not the one beside the site
    tree = write_tree(tmp_path / "repo", files)
    monkeypatch.chdir(tree)
    errors = [f for f in check(["."]).findings if f.severity == "error"]
    assert [f"{f.code} {f.at.path}" for f in errors] == ([] if accepted else ["E002 nginx/uwsgi_params"])


@needs_nginx
@pytest.mark.parametrize("broken", [False, True])
def test_a_host_site_reads_the_params_at_the_prefix(broken: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """/etc/nginx/nginx.conf includes sites-enabled/app, which includes ``uwsgi_params``:
    nginx opens /etc/nginx/uwsgi_params, never sites-available/uwsgi_params beside the site."""
    at_prefix, beside = (WEB_PAGE, stock("uwsgi_params")) if broken else (stock("uwsgi_params"), WEB_PAGE)
    host = write_tree(tmp_path / "host", {
        "etc/nginx/nginx.conf": "events {}\nhttp {\n    include mime.types;\n    include sites-enabled/*;\n}\n",
        "etc/nginx/mime.types": stock("mime.types"),
        "etc/nginx/uwsgi_params": at_prefix,
        "etc/nginx/sites-available/app": SITE,
        "etc/nginx/sites-available/uwsgi_params": beside,
        "etc/nginx/sites-enabled/app": "@link:../sites-available/app",
    })
    ok, said = nginx_t(host)
    assert ok is not broken, said
    tree = read_nginx_main(str(host / "etc/nginx/nginx.conf"), ReadContext(mode="snapshot", root=str(host)))
    read = [f.display.removeprefix(str(host) + "/") for f in tree.files]
    assert "etc/nginx/uwsgi_params" in read and "etc/nginx/sites-available/uwsgi_params" not in read
    monkeypatch.chdir(host)
    errors = [f"{f.code} {f.at.path}" for f in check(["."]).findings if f.severity == "error"]
    assert errors == (["E002 etc/nginx/uwsgi_params"] if broken else [])


def test_a_fragment_whose_main_config_is_unknown_reads_the_stock_params(tmp_path: Path) -> None:
    """No nginx.conf and no container: the prefix is unknown, so ``uwsgi_params`` is the
    package's file nginx finds there, not the page beside the fragment."""
    tree = write_tree(tmp_path, {"conf.d/site.conf": SITE, "conf.d/uwsgi_params": WEB_PAGE})
    read = read_nginx_fragment(str(tree / "conf.d/site.conf"), ReadContext())
    assert [f.display for f in read.files[1:]] == ["<stock>/uwsgi_params"]
    assert not read.problems and not read.assumed


def test_another_name_beside_a_fragment_is_read_as_an_assumption(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name no package ships: the file beside the fragment is the likeliest one, so it is
    read, and what is wrong in it is said as the assumption it rests on."""
    tree = write_tree(tmp_path, {"conf.d/site.conf": SITE.replace("uwsgi_params", "app_params"),
                                 "conf.d/app_params": WEB_PAGE})
    read = read_nginx_fragment(str(tree / "conf.d/site.conf"), ReadContext(cwd=str(tree)))
    assert list(read.assumed) == ["conf.d/app_params"]
    assert "conf.d/site.conf:4" in read.assumed["conf.d/app_params"]
    monkeypatch.chdir(tree)
    findings = [f for f in check(["."]).findings if f.at.path == "conf.d/app_params"]
    assert findings and all(f.severity == "info" and "only if nginx reads this file" in f.message for f in findings)


def test_a_file_copied_into_conf_d_under_another_name_is_not_loaded(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The image's nginx.conf loads conf.d/*.conf: a params file with an error copied to
    conf.d/uwsgi_params is never read by that nginx, so its error is not reported."""
    copies = {"site.conf": "/etc/nginx/conf.d/site.conf", "uwsgi_params": "/etc/nginx/conf.d/uwsgi_params"}
    files = repository(copies)
    files["nginx/uwsgi_params"] = "uwsgi_param  QUERY_STRING  $query_string\nuwsgi_param  HTTPS $https;\n"
    if NGINX:
        ok, said = nginx_t(image_root(tmp_path, files, copies))
        assert ok, said
    monkeypatch.chdir(write_tree(tmp_path / "repo", files))
    result = check(["."])
    assert not [f for f in result.findings if f.at.path == "nginx/uwsgi_params"]
    assert "nginx does not load it" in next(f.reason for f in result.files if f.display == "nginx/uwsgi_params")


@needs_nginx
@pytest.mark.parametrize("copied", [False, True])
def test_a_debian_include_the_image_does_not_ship(copied: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``include proxy_params;`` (Debian's file) in a site copied into the official image,
    which ships no proxy_params: nginx refuses to start at the include, and wsgilint says so
    (E003, an error: a Compose file builds and runs the image, so every place a file could
    come from is seen), quoting nginx's message. With the file copied in, both accept it."""
    copies = {"site.conf": "/etc/nginx/conf.d/site.conf"} | ({"proxy_params": "/etc/nginx/proxy_params"} if copied else {})
    files = repository(copies)
    del files["nginx/uwsgi_params"]
    files["nginx/site.conf"] = SITE.replace("uwsgi_params", "proxy_params").replace("uwsgi_pass", "proxy_pass http://")\
        .replace("http:// 127", "http://127")
    files["nginx/proxy_params"] = stock("proxy_params")
    files["compose.yaml"] = "services:\n  web:\n    build: ./nginx\n"
    ok, said = nginx_t(image_root(tmp_path, files, copies))
    assert ok is copied, said
    if not copied:
        assert 'open() "' in said and 'etc/nginx/proxy_params" failed (2: No such file or directory)' in said
    monkeypatch.chdir(write_tree(tmp_path / "repo", files))
    found = [(f.severity, f.at.path, f.at.line) for f in check(["."]).findings if f.code == "E003"]
    assert found == ([] if copied else [("error", "nginx/site.conf", 4)])


# An absolute include in a repository: the tree's file that ends like the path is read, and
# it is certain only where the files put it at that path (a COPY or a mount, or the whole
# path in the tree); otherwise what is wrong in it is said as an assumption. (A file that
# reads as nginx on its own is also checked as a fragment for its own sake, as before: the
# saved web page is not.)
BROKEN_PARAMS = WEB_PAGE
ABSOLUTE_SITE = SITE.replace("include uwsgi_params;", "include /etc/nginx/snippets/app_params;")


@needs_nginx
@pytest.mark.parametrize("copied", [False, True])
def test_an_absolute_include_is_certain_only_where_the_files_put_it(copied: bool, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    copies = {"site.conf": "/etc/nginx/conf.d/site.conf"}
    if copied:
        copies["snippets/app_params"] = "/etc/nginx/snippets/app_params"
    files = repository(copies)
    files.update({"nginx/site.conf": ABSOLUTE_SITE, "nginx/snippets/app_params": BROKEN_PARAMS})
    del files["nginx/uwsgi_params"]
    # nginx -t in the image (the absolute path taken below the image's root): with the COPY it
    # stops in the tree's file; without it, the tree's file is not what nginx opens.
    root = image_root(tmp_path, files, copies)
    site = root / "etc/nginx/conf.d/site.conf"
    site.write_text(site.read_text().replace("/etc/nginx/", f"{root}/etc/nginx/"))
    ok, said = nginx_t(root)
    assert not ok
    assert ("snippets/app_params:" in said) is copied and ("No such file" in said) is not copied, said
    monkeypatch.chdir(write_tree(tmp_path / "repo", files))
    [finding] = [f for f in check(["."]).findings if f.at.path == "nginx/snippets/app_params"]
    assert finding.code == "E002"
    if copied:
        assert finding.severity == "error" and "only if nginx reads" not in finding.message
    else:
        assert finding.severity == "info"
        assert finding.message.endswith(
            "; only if nginx reads this file for `include /etc/nginx/snippets/app_params` (nginx/site.conf:4): "
            "the checked files copy or mount nothing at /etc/nginx/snippets/app_params in the container nginx "
            "runs in")


@pytest.mark.parametrize(("place", "certain"), [
    ("deploy/nginx/snippets/app_params", False),   # ends like the path: a guess
    ("deploy/rootfs/etc/nginx/snippets/app_params", True),   # the tree holds the whole path
])
def test_an_absolute_include_matched_by_how_it_ends_is_a_guess(place: str, certain: bool, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_tree(tmp_path, {"deploy/site.conf": ABSOLUTE_SITE, place: BROKEN_PARAMS}))
    result = check(["."])
    assert result.deployment.assumed_files == ({} if certain else {place: (
        "only if nginx reads this file for `include /etc/nginx/snippets/app_params` (deploy/site.conf:4): the "
        "checked files do not put it at /etc/nginx/snippets/app_params, it was matched by how its path ends")})
    [finding] = [f for f in result.findings if f.at.path == place]
    assert (finding.code, finding.severity) == ("E002", "error" if certain else "info")


def test_an_absolute_include_on_a_host_is_the_hosts_file(tmp_path: Path) -> None:
    """A snapshot (and a live host) reads the file at the path: no assumption, as before."""
    host = write_tree(tmp_path, {"etc/nginx/conf.d/site.conf": ABSOLUTE_SITE,
                                 "etc/nginx/snippets/app_params": BROKEN_PARAMS})
    read = read_nginx_fragment(str(host / "etc/nginx/conf.d/site.conf"), ReadContext(mode="snapshot", root=str(host)))
    assert [f.display.removeprefix(str(host) + "/") for f in read.files][1:] == ["etc/nginx/snippets/app_params"]
    assert not read.assumed


def test_an_absolute_stock_name_not_put_there_is_the_packages_file(tmp_path: Path) -> None:
    """`include /etc/nginx/uwsgi_params;` with a copy elsewhere in the tree: nginx opens the
    package's file, as for the relative name."""
    tree = write_tree(tmp_path, {"deploy/site.conf": SITE.replace("include uwsgi_params;",
                                                                  "include /etc/nginx/uwsgi_params;"),
                                 "deploy/nginx/uwsgi_params": WEB_PAGE})
    read = read_nginx_fragment(str(tree / "deploy/site.conf"), ReadContext(cwd=str(tree)))
    assert [f.display for f in read.files[1:]] == ["<stock>/uwsgi_params"]
    assert not read.problems and not read.assumed


GLOB_MAIN = "events {}\nhttp {\n    include /etc/nginx/sites-enabled/*.conf;\n}\n"
GLOB_SITE = SITE.replace("include uwsgi_params;\n", "")   # N101: no uwsgi_param in effect


@pytest.mark.parametrize(("place", "certain"), [
    ("deploy/sites-enabled/app.conf", False),   # ends like the path: a guess, as for one file
    ("deploy/rootfs/etc/nginx/sites-enabled/app.conf", True),   # the tree holds the whole path
])
def test_an_absolute_glob_matched_by_how_it_ends_is_a_guess(place: str, certain: bool, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_tree(tmp_path, {"deploy/nginx/nginx.conf": GLOB_MAIN, place: GLOB_SITE}))
    result = check(["."])
    assert result.deployment.assumed_files == ({} if certain else {place: (
        "only if nginx reads this file for `include /etc/nginx/sites-enabled/*.conf` (deploy/nginx/nginx.conf:3): "
        "the checked files do not put it at /etc/nginx/sites-enabled/app.conf, it was matched by how its path ends")})
    [finding] = [f for f in result.findings if f.at.path == place]
    assert (finding.code, finding.severity) == ("N101", "error" if certain else "info")


def test_an_absolute_glob_in_a_container_reads_the_folder_mounted_there(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder a Compose service mounts at the glob's directory is what nginx reads there,
    not another file of the repository that ends like it."""
    monkeypatch.chdir(write_tree(tmp_path, {
        "compose.yaml": "services:\n  web:\n    image: nginx:1.25\n    volumes:\n"
                        "      - ./nginx.conf:/etc/nginx/nginx.conf\n      - ./sites:/etc/nginx/sites-enabled\n",
        "nginx.conf": GLOB_MAIN, "sites/app.conf": GLOB_SITE, "old/sites-enabled/old.conf": GLOB_SITE}))
    result = check(["."])
    [instance] = [i for i in result.deployment.nginx if i.main.path == "nginx.conf"]
    assert instance.files == ["nginx.conf", "sites/app.conf"] and not instance.assumed
    assert {(f.at.path, f.severity) for f in result.findings if f.code == "N101"} >= {("sites/app.conf", "error")}


def test_a_relative_glob_found_only_elsewhere_in_the_repository_is_a_guess(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_tree(tmp_path, {"deploy/nginx.conf": GLOB_MAIN.replace("/etc/nginx/", ""),
                                            "other/sites-enabled/app.conf": GLOB_SITE}))
    [instance] = [i for i in check(["."]).deployment.nginx if i.main.path == "deploy/nginx.conf"]
    assert list(instance.assumed) == ["other/sites-enabled/app.conf"]
