"""Discovery by content, not by name (where the checkout lives, .py names, alternatives, .gitignore)."""
import os
import shutil
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.cli import app

FIXTURES = Path(__file__).parent / "fixtures"


def kinds(result):
    return {f.display: f.kind for f in result.files}


def test_a_checkout_under_a_folder_named_uwsgi_gets_no_kind_from_it(tmp_path, monkeypatch):
    for case in ("folder-decides", "content-fits-two-kinds"):
        copy = tmp_path / "uwsgi" / "supervisor" / case
        shutil.copytree(FIXTURES / "E007" / case, copy)
        monkeypatch.chdir(copy)
        expected = sorted(line.strip() for line in (copy / "expected.txt").read_text().splitlines() if line.strip())
        found = sorted(f"{f.at.path}:{f.at.line}" for f in check([str(copy)]).findings if f.code == "E007")
        assert found == expected, case


def test_python_files_are_never_read_as_uwsgi_ini(in_tmp):
    ini_like = "[uwsgi]\nsocket = :3031\nmodule = app\nmaster = true\n"
    write_tree(in_tmp, {"tests/test_uwsgi.py": ini_like, "uwsgi_app.py": ini_like,
                        "deploy/uwsgi/app.ini": ini_like, "deploy/gunicorn.conf.py": "bind = '127.0.0.1:8000'\n"})
    found = kinds(check([str(in_tmp)]))
    assert found == {"deploy/uwsgi/app.ini": "uwsgi", "deploy/gunicorn.conf.py": "gunicorn",
                     "tests/test_uwsgi.py": "", "uwsgi_app.py": ""}


def test_alternatives_links_to_programs_and_man_pages_are_skipped(tmp_path, monkeypatch):
    root = tmp_path / "host"
    (root / "etc/alternatives").mkdir(parents=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/uwsgi-core").write_bytes(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64)
    (root / "usr/share/man/man1").mkdir(parents=True)
    (root / "usr/share/man/man1/uwsgi-core.1.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 32)
    os.symlink("/usr/bin/uwsgi-core", root / "etc/alternatives/uwsgi")
    os.symlink("/usr/share/man/man1/uwsgi-core.1.gz", root / "etc/alternatives/uwsgi.1.gz")
    monkeypatch.chdir(root)
    result = check([str(root / "etc")], root=str(root))
    assert [f for f in result.findings if f.code == "E001"] == []
    assert sum("/etc/alternatives link" in f.reason for f in result.files) == 2


def test_repository_mode_honours_gitignore_and_no_ignore(in_tmp):
    write_tree(in_tmp, {
        ".gitignore": "build/\n*.local.ini\n!keep.local.ini\n/top-only.ini\n",
        "build/uwsgi/app.ini": "[uwsgi]\nprocesse = 4\n",
        "deploy/uwsgi/dev.local.ini": "[uwsgi]\nprocesse = 4\n",
        "deploy/uwsgi/keep.local.ini": "[uwsgi]\nprocesse = 4\n",
        "top-only.ini": "[uwsgi]\nprocesse = 4\n",
        "deploy/top-only.ini": "[uwsgi]\nprocesse = 4\n",
        "deploy/uwsgi/.gitignore": "generated.ini\n",
        "deploy/uwsgi/generated.ini": "[uwsgi]\nprocesse = 4\n",
    })
    shown = {f.at.path for f in check([str(in_tmp)]).findings if f.code == "U101"}
    assert shown == {"deploy/uwsgi/keep.local.ini", "deploy/top-only.ini"}
    everything = {f.at.path for f in check([str(in_tmp)], no_ignore=True).findings if f.code == "U101"}
    assert len(everything) == 6


def test_verbose_says_what_each_file_was_read_as_and_why(in_tmp):
    from typer.testing import CliRunner

    write_tree(in_tmp, {"deploy/uwsgi/app.ini": "[uwsgi]\nsocket = :3031\n", "test_uwsgi.py": "x = 1\n"})
    result = CliRunner().invoke(app, ["check", str(in_tmp), "--verbose"])
    assert "uwsgi  deploy/uwsgi/app.ini  (uwsgi by place and content)" in result.output
    assert "skipped  test_uwsgi.py  (content is not gunicorn config" in result.output


def _git_untracked(repo, subdir):
    """What git itself lists under ``subdir`` (untracked, not ignored), without anyone's global config;
    initialises the repository first."""
    import subprocess

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo)}
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=repo / subdir, check=True,
                            env=env, capture_output=True, text=True).stdout.split()
    return {name for name in listed if name.endswith(".ini")}


def test_a_checked_folder_inside_a_repository_honours_parent_gitignores_and_info_exclude(in_tmp):
    """As git does: info/exclude below every .gitignore, the .gitignore files from the
    repository's root down to the checked folder, deeper ones deciding (``git ls-files`` is the oracle)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    ini = "[uwsgi]\nprocesse = 4\n"
    write_tree(in_tmp, {
        ".gitignore": "*.local.ini\n",
        "deploy/.gitignore": "!keep.local.ini\nold/\n",
        "deploy/uwsgi/dev.local.ini": ini,
        "deploy/uwsgi/keep.local.ini": ini,
        "deploy/uwsgi/secret.ini": ini,
        "deploy/uwsgi/app.ini": ini,
        "deploy/uwsgi/old/app.ini": ini,
        "deploy/uwsgi/excluded-but-kept.ini": ini,
    })
    _git_untracked(in_tmp, "deploy/uwsgi")   # git init
    # git init wrote an info/exclude with comments only; patterns are added after it.
    with open(in_tmp / ".git/info/exclude", "a") as exclude:
        exclude.write("secret.ini\nexcluded-but-kept.ini\n")
    (in_tmp / "deploy/uwsgi/.gitignore").write_text("!excluded-but-kept.ini\n")
    expected = _git_untracked(in_tmp, "deploy/uwsgi")
    assert expected == {"app.ini", "keep.local.ini", "excluded-but-kept.ini"}

    shown = {f.at.path for f in check([str(in_tmp / "deploy/uwsgi")]).findings if f.code == "U101"}
    assert shown == {f"deploy/uwsgi/{name}" for name in expected}
    everything = {f.at.path for f in check([str(in_tmp / "deploy/uwsgi")], no_ignore=True).findings
                  if f.code == "U101"}
    assert len(everything) == 6


def test_ignore_files_above_a_folder_that_is_no_repository_are_not_read(in_tmp):
    """Near miss: without a .git folder above, a .gitignore above the checked folder is no
    repository's and leaves nothing out (git would not read it either)."""
    write_tree(in_tmp, {".gitignore": "*.ini\n", "deploy/uwsgi/app.ini": "[uwsgi]\nprocesse = 4\n"})
    assert {f.at.path for f in check([str(in_tmp / "deploy")]).findings if f.code == "U101"} == \
        {"deploy/uwsgi/app.ini"}


def _verbose(*arguments):
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["check", *arguments, "--verbose", "--isolated"])
    return {line.split()[1]: line.strip() for line in result.output.splitlines() if "  (" in line}


def test_verbose_says_what_a_file_read_only_through_an_include_was_read_as(in_tmp):
    write_tree(in_tmp, {
        "deploy/nginx/site.conf": "server {\n    listen 80;\n    include ../common/params.txt;\n"
                                  "    location / { include uwsgi_params; uwsgi_pass 127.0.0.1:3031; }\n}\n",
        "deploy/common/params.txt": "client_max_body_size 10m;\n",
        "deploy/common/spare.txt": "client_max_body_size 10m;\n",    # near miss: nothing includes it
        "deploy/uwsgi/app.ini": "[uwsgi]\nini = base.ini:app\nsocket = 127.0.0.1:3031\nmodule = app:application\n",
        "deploy/uwsgi/base.ini": "[app]\nmaster = true\n",
    })
    lines = _verbose(str(in_tmp))
    assert lines["deploy/common/params.txt"] == ("nginx  deploy/common/params.txt  (included by deploy/nginx/site.conf:3 "
                                                 "('../common/params.txt'); on its own: no known kind for this name "
                                                 "or place)")
    assert lines["deploy/uwsgi/base.ini"].startswith("uwsgi  deploy/uwsgi/base.ini  (included by "
                                                     "deploy/uwsgi/app.ini:2 ('base.ini'); on its own: content is not")
    assert lines["deploy/common/spare.txt"].startswith("skipped  deploy/common/spare.txt  (no known kind")


def test_verbose_names_the_stock_default_ini_debian_merges(in_tmp):
    shutil.copytree(Path(__file__).parent.parent / "examples" / "debian-host", in_tmp / "host", symlinks=True)
    lines = _verbose("host")
    assert lines["<stock>/usr/share/uwsgi/conf/default.ini"].startswith(
        "uwsgi  <stock>/usr/share/uwsgi/conf/default.ini  (the package's stock copy of "
        "/usr/share/uwsgi/conf/default.ini, absent from the checked tree; on the command line of "
        "init.d shop (as /etc/init.d/uwsgi starts it")
    # The enabling links are one file with what they name, which is read as nginx includes it.
    assert lines["host/etc/nginx/sites-enabled/shop"] == (
        "skipped  host/etc/nginx/sites-enabled/shop  (a link to host/etc/nginx/sites-available/shop: read once, "
        "as that file)")
    assert lines["host/etc/nginx/sites-available/shop"] == (
        "nginx  host/etc/nginx/sites-available/shop  (nginx by place and content; included by "
        "host/etc/nginx/nginx.conf:60 ('/etc/nginx/sites-enabled/*'))")
    assert lines["host/etc/nginx/nginx.conf"] == "nginx  host/etc/nginx/nginx.conf  (nginx by place and content)"


def test_verbose_says_a_site_no_nginx_conf_includes_is_not_loaded(in_tmp):
    shutil.copytree(Path(__file__).parent.parent / "examples" / "debian-host", in_tmp / "host", symlinks=True)
    (in_tmp / "host/etc/nginx/sites-available/old").write_text("server {\n    listen 8080;\n}\n")
    lines = _verbose("host")
    assert lines["host/etc/nginx/sites-available/old"] == (
        "nginx  host/etc/nginx/sites-available/old  (nginx by place and content; no nginx.conf above it includes "
        "it, so nginx does not load it: not checked)")
    assert lines["host/etc/nginx/sites-available/shop"].endswith("included by host/etc/nginx/nginx.conf:60 "
                                                                 "('/etc/nginx/sites-enabled/*'))")


def test_verbose_names_supervisor_includes_outside_the_checked_folder(in_tmp):
    """On a live host includes are read wherever they are (``check /etc`` reads /usr/share...)."""
    write_tree(in_tmp, {
        "etc/supervisor/supervisord.conf": f"[supervisord]\n[include]\nfiles = {in_tmp}/elsewhere/*.ini\n",
        "elsewhere/app.ini": "[program:app]\ncommand = /usr/bin/sleep 100\n",
    })
    lines = _verbose(str(in_tmp / "etc/supervisor"), "--root", "/")
    assert lines["elsewhere/app.ini"] == (f"supervisor  elsewhere/app.ini  (included by "
                                          f"etc/supervisor/supervisord.conf:3 ('{in_tmp}/elsewhere/*.ini'))")


def test_a_worktree_honours_the_info_exclude_of_its_common_git_dir(tmp_path, monkeypatch):
    """A worktree's ``.git`` is a file (``gitdir: .../worktrees/NAME``) whose ``commondir``
    leads to the main repository's git dir, where ``info/exclude`` lives (oracle: git)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    import subprocess

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(tmp_path), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    main, worktree = tmp_path / "main", tmp_path / "wt"
    for argv in (["git", "init", "-q", str(main)], ["git", "-C", str(main), "commit", "-q", "--allow-empty", "-m", "x"],
                 ["git", "-C", str(main), "worktree", "add", "-q", str(worktree)]):
        subprocess.run(argv, check=True, env=env)
    (main / ".git/info/exclude").write_text("secret.ini\n")
    write_tree(worktree, {"uwsgi/secret.ini": "[uwsgi]\nprocesse = 4\n", "uwsgi/app.ini": "[uwsgi]\nprocesse = 4\n"})
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=worktree, check=True, env=env,
                            capture_output=True, text=True).stdout.split()
    assert listed == ["uwsgi/app.ini"]
    monkeypatch.chdir(worktree)
    assert {f.at.path for f in check(["uwsgi"]).findings if f.code == "U101"} == {"uwsgi/app.ini"}


def test_fifos_named_like_git_files_do_not_hang_discovery(in_tmp):
    """A hostile tree: ``.git`` and ``.gitignore`` as FIFOs nobody writes to are no ignore files."""
    write_tree(in_tmp, {"deploy/uwsgi/app.ini": "[uwsgi]\nprocesse = 4\n"})
    os.mkfifo(in_tmp / ".git")
    os.mkfifo(in_tmp / "deploy/.gitignore")
    assert {f.at.path for f in check([str(in_tmp / "deploy")]).findings if f.code == "U101"} == \
        {"deploy/uwsgi/app.ini"}


def test_program_sources_and_documents_are_never_configs(in_tmp):
    # Each of these passed a content sniff before: PHP's `return`, Rust's `use`, a README in a
    # supervisor/ folder, a how-to named after nginx (seen in public repositories).
    php = "<?php\nnamespace App;\nuse Illuminate\\Console\\Command;\nclass Reminders {\n    return $x;\n}\n"
    rust = "use std::io;\nmod terrain;\nfn main() {\n    return;\n}\n"
    readme = "[program:app]\ncommand = gunicorn app:app\n"
    # A deployment README (no suffix) that quotes a `[uwsgi]` block amid shell commands.
    guide = "Install uWSGI.\n\nCreate /etc/default/uwsgi.ini with:\n[uwsgi]\nsocket = 127.0.0.1:9001\n\n" \
            "Configure NGINX\nlocation / {\n    uwsgi_pass 127.0.0.1:9001;\n}\n"
    howto = "server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n"
    site = "server {\n    listen 80;\n    server_name example.pl;\n}\n"
    write_tree(in_tmp, {"app/Console/Reminders.php": php, "src/lib.rs": rust,
                        "supervisor/README.md": readme, "doc/nginx-deploy.md": howto,
                        "deployment/README": guide, "deploy/uwsgi/INSTALL.txt": guide,
                        "deploy/nginx/sites-enabled/example.pl": site, "deploy/example.pl": site,
                        "deploy/mediacms.io": site, "notes/uwsgi.cpp": "[uwsgi]\nsocket = 127.0.0.1:3031\n",
                        "pkg/queue.go": "package queue\nimport (\n)\nsocket = 1\nmodule = 2\nmaster = 3\n"})
    found = kinds(check([str(in_tmp)]))
    assert found == {"app/Console/Reminders.php": "", "src/lib.rs": "", "supervisor/README.md": "",
                     "deployment/README": "", "deploy/uwsgi/INSTALL.txt": "",
                     "doc/nginx-deploy.md": "", "deploy/example.pl": "",
                     "deploy/nginx/sites-enabled/example.pl": "nginx", "deploy/mediacms.io": "nginx",
                     "notes/uwsgi.cpp": "uwsgi", "pkg/queue.go": ""}
    assert not [f for f in check([str(in_tmp)]).findings if f.severity == "error"]


def test_a_kind_no_name_or_place_proposes_needs_a_stronger_sign(in_tmp):
    # Seen in public repositories: nftables and monit files read as nginx, a monitor script and a
    # WSGI example read as Gunicorn configs (each then an E002 or N110 error).
    nft = "table inet edge {\n  chain input {\n    type filter hook input priority 0;\n  }\n}\n"
    monit = "set daemon 60\nset logfile syslog\ncheck process web with pidfile /run/web.pid\n"
    script = "import threading\nthreads = []\ndef run():\n    pass\n"
    wsgi = "def wsgi_app(e, s):\n    return [b'']\n"
    site = "server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n"
    snippet = "proxy_set_header Host $host;\n"
    config = "bind = '127.0.0.1:8000'\nworkers = 3\n"
    write_tree(in_tmp, {"configs/nftables/edge.nft": nft, "monit/monitrc": monit, "monitor/run_all.py": script,
                        "examples/multiapp.py": wsgi, "deploy/mysite": site, "deploy/proxy.conf": snippet,
                        "deploy/settings.py": config})
    assert kinds(check([str(in_tmp)])) == {
        "configs/nftables/edge.nft": "", "monit/monitrc": "", "monitor/run_all.py": "", "examples/multiapp.py": "",
        "deploy/mysite": "nginx", "deploy/proxy.conf": "nginx", "deploy/settings.py": "gunicorn"}


def test_images_modules_swap_files_and_the_program_itself_are_no_unreadable_configs(in_tmp):
    binary = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
    for path in ("deploy/nginx/maintenance/images/logo.png", "usr/lib/nginx/modules/ngx_http_x_module.so",
                 "config/nginx/.nginx.conf.swp", "python_scripts/uwsgi"):
        (in_tmp / path).parent.mkdir(parents=True, exist_ok=True)
        (in_tmp / path).write_bytes(binary)
    # A site nginx includes wholesale with NUL bytes in it is refused by nginx too: that stays an error.
    (in_tmp / "deploy/nginx/sites-enabled").mkdir(parents=True)
    (in_tmp / "deploy/nginx/sites-enabled/app").write_bytes(b"server {\x00 listen 80; }\n")
    # macOS's dot files beside the configs (Finder's, AppleDouble's), which no `include dir/*` matches.
    for path in ("deploy/nginx/.DS_Store", "deploy/nginx/sites-enabled/._app"):
        (in_tmp / path).write_bytes(b"\x00\x00\x00\x01Bud1" + b"\x00" * 32)
    result = check([str(in_tmp)])
    assert sorted(f.at.path for f in result.findings if f.code == "E001") == ["deploy/nginx/sites-enabled/app"]
    assert kinds(result)["python_scripts/uwsgi"] == ""
    assert kinds(result)["deploy/nginx/.DS_Store"] == kinds(result)["deploy/nginx/sites-enabled/._app"] == ""


def test_a_uwsgi_yaml_config_is_read_by_its_section(in_tmp):
    """uWSGI's YAML loader reads the `uwsgi:` section at the start of a line: a file named for
    uWSGI holding one is its config; one without it (a Compose file, a list) is not; XML and
    JSON configs are still not read."""
    write_tree(in_tmp, {
        "deploy/uwsgi.yaml": "# app\nuwsgi:\n  socket: /run/app.sock\n  module: app:app\n",
        "deploy/uwsgi.yml": "services:\n  web:\n    image: app\n",
        "deploy/uwsgi-nested.yml": "config:\n  uwsgi:\n    socket: :8000\n",
        "deploy/uwsgi.xml": "<uwsgi><socket>:3031</socket></uwsgi>\n",
    })
    result = check([str(in_tmp)])
    assert kinds(result) == {"deploy/uwsgi.yaml": "uwsgi", "deploy/uwsgi.yml": "", "deploy/uwsgi-nested.yml": "",
                             "deploy/uwsgi.xml": ""}
    server = next(s for s in result.deployment.app_servers if s.kind == "uwsgi")
    assert [(o.key, o.value, o.at.path, o.at.line) for o in server.options] == [
        ("socket", "/run/app.sock", "deploy/uwsgi.yaml", 3), ("module", "app:app", "deploy/uwsgi.yaml", 4)]


def _git(repo, *args):
    import subprocess

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo)}
    return subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True, text=True).stdout


@pytest.mark.parametrize("version", [2, 3, 4])
def test_a_file_the_index_tracks_is_read_though_a_gitignore_matches_it(in_tmp, version):
    """As git does: .gitignore leaves out untracked files only. A file committed (or added
    with `git add -f`) before a pattern matched it is in every clone; an untracked file beside
    it in the ignored folder stays out (`git ls-files --cached --others --exclude-standard` is
    the oracle), whatever the index's version (4 compresses the names; 3 has an entry with
    extended flags, an intent-to-add)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    ini = "[uwsgi]\nprocesse = 4\n"
    write_tree(in_tmp, {
        ".gitignore": "build\n*.local.ini\n",
        "build/compose/app.ini": ini,
        "build/compose/untracked.ini": ini,
        "build/other/untracked.ini": ini,
        "deploy/dev.local.ini": ini,
        "deploy/other.local.ini": ini,
        "deploy/app.ini": ini,
        "deploy/new.ini": ini,
    })
    _git(in_tmp, "init", "-q")
    _git(in_tmp, "add", "-f", "build/compose/app.ini", "deploy/dev.local.ini", "deploy/app.ini")
    if version == 3:
        _git(in_tmp, "add", "-N", "deploy/new.ini")
    _git(in_tmp, "update-index", "--index-version", str(version))
    assert (in_tmp / ".git/index").read_bytes()[4:8] == version.to_bytes(4, "big")
    listed = _git(in_tmp, "ls-files", "--cached", "--others", "--exclude-standard").split()
    expected = {name for name in listed if name.endswith(".ini")}
    assert expected == {"build/compose/app.ini", "deploy/dev.local.ini", "deploy/app.ini", "deploy/new.ini"}

    shown = {f.at.path for f in check([str(in_tmp)]).findings if f.code == "U101"}
    assert shown == expected


def test_a_worktree_reads_its_own_index(in_tmp):
    """A linked worktree's `.git` is a file naming its own git folder, which holds its index
    (its `commondir` holds the shared info/exclude): what that index lists is read there too."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo, ini = in_tmp / "repo", "[uwsgi]\nprocesse = 4\n"
    write_tree(repo, {".gitignore": "build\n", "build/app.ini": ini, "deploy/app.ini": ini})
    _git(repo, "init", "-q")
    _git(repo, "add", "-f", ".gitignore", "build/app.ini", "deploy/app.ini")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
    _git(repo, "worktree", "add", "-q", str(in_tmp / "linked"))
    assert (in_tmp / "linked/.git").is_file()
    # Added in the worktree only: its own index lists it, the main one does not.
    (in_tmp / "linked/build/new.ini").write_text(ini)
    _git(in_tmp / "linked", "add", "-f", "build/new.ini")
    shown = {f.at.path for f in check([str(in_tmp / "linked")]).findings if f.code == "U101"}
    assert shown == {"linked/build/app.ini", "linked/build/new.ini", "linked/deploy/app.ini"}


def test_an_index_that_is_not_one_tracks_nothing(in_tmp):
    """Near miss: a `.git/index` that is no index (or truncated) leaves the patterns as they are."""
    write_tree(in_tmp, {".gitignore": "build\n", "build/app.ini": "[uwsgi]\nprocesse = 4\n",
                        ".git/index": "DIRC\x00\x00\x00\x02\x00\x00\x00\x09build/app.ini\x00"})
    assert {f.at.path for f in check([str(in_tmp)]).findings if f.code == "U101"} == set()


def test_a_garbled_index_never_stops_the_walk(tmp_path):
    """Whatever bytes follow an index's header, reading it ends with a set of names."""
    import random

    from wsgilint.core.gitignore import tracked_paths

    chance = random.Random(20261207)
    (tmp_path / ".git").mkdir()
    for version in (2, 3, 4):
        for _ in range(200):
            body = bytes(chance.randrange(256) for _ in range(chance.randrange(0, 400)))
            header = b"DIRC" + version.to_bytes(4, "big") + chance.randrange(1 << 32).to_bytes(4, "big")
            (tmp_path / ".git/index").write_bytes(header + body)
            assert isinstance(tracked_paths(str(tmp_path / ".git")), frozenset)
