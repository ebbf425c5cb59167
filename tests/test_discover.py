import csv
import os

from conftest import write_tree

from wsgilint.api import check, host_layout
from wsgilint.core.context import ReadContext
from wsgilint.discover import classify, discover, location_hints


def kinds(tree):
    ctx = ReadContext(mode="repository")
    return {os.path.relpath(f.path, tree): f.kind for f in discover([str(tree)], ctx).files}


def test_conf_d_is_nginx_under_nginx_and_supervisor_under_supervisor(tmp_path):
    write_tree(tmp_path, {
        "nginx/conf.d/app.conf": "server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n",
        "supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app\n",
    })
    assert kinds(tmp_path) == {"nginx/conf.d/app.conf": "nginx", "supervisor/conf.d/app.conf": "supervisor"}


def test_template_markers_in_comments_do_not_make_a_template(tmp_path):
    """A ``{{ }}`` in a comment of the file's own syntax is not rendered into it; one in a
    value is, and so is ``#`` inside quotes or where the kind keeps it as part of a value."""
    write_tree(tmp_path, {
        "docker-compose.yml": "# docker service ps web --format '{{.ID}}'\nservices:\n  web:\n    build: .\n"
                              "    command: gunicorn app:app  # ps --format '{{.Names}}'\n",
        "compose-value/docker-compose.yml": "services:\n  web:\n    image: \"app:{{ tag }}\"\n",
        "compose-quoted-hash/docker-compose.yml": "services:\n  web:\n    command: echo ' # {{ x }}'\n",
        "uwsgi/app.ini": "[uwsgi]\n; socket = {{ sock }}\nmodule = app:app\nsocket = :3031\n",
        "uwsgi-inline/app.ini": "[uwsgi]\nmodule = app:app # {{ name }}\nsocket = :3031\n",
        "supervisor/conf.d/app.conf": "[program:app]\ncommand=/srv/venv/bin/gunicorn app:app ; {{ opts }}\n",
        "Dockerfile": "# {{ base }} in the CI template\nFROM python:3.12\nCMD [\"gunicorn\", \"app:app\"]\n",
    })
    assert kinds(tmp_path) == {
        "docker-compose.yml": "compose", "compose-value/docker-compose.yml": "template",
        "compose-quoted-hash/docker-compose.yml": "template", "uwsgi/app.ini": "uwsgi",
        "uwsgi-inline/app.ini": "template", "supervisor/conf.d/app.conf": "supervisor", "Dockerfile": "dockerfile"}


def test_compose_files_by_the_names_a_dash_f_is_given(tmp_path):
    """Compose's own names and those `docker compose -f` is given (dev-compose.yml,
    cookiecutter-django's production.yml), by content: a top-level `services:`."""
    project = "services:\n  web:\n    build: .\n"
    write_tree(tmp_path, {"dev-compose.yml": project, "docker_compose.yaml": project, "compose.prod.yml": project,
                          "production.yml": project, "local.yml": project, "staging.yaml": project,
                          ".github/workflows/ci.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
                          "production-notes.yml": project, "deploy/local.yml": "hosts: all\n",
                          # Named for its app server, a Compose file all the same; a uWSGI YAML is uWSGI's.
                          "uwsgi.docker-compose.yml": project, "uwsgi/app.yml": "uwsgi:\n  socket: :3031\n",
                          # Named for Docker: a `-f` file or a swarm stack, by content; a workflow is none.
                          "docker-nginx-uwsgi.yaml": project, "docker-stack.yml": project,
                          ".github/workflows/docker.yml": "on: push\njobs:\n  build:\n    services:\n"
                                                          "      redis:\n        image: redis\n"})
    assert kinds(tmp_path) == {"dev-compose.yml": "compose", "docker_compose.yaml": "compose",
                               "compose.prod.yml": "compose", "production.yml": "compose", "local.yml": "compose",
                               "staging.yaml": "compose", "uwsgi.docker-compose.yml": "compose", "uwsgi/app.yml": "uwsgi",
                               "docker-nginx-uwsgi.yaml": "compose", "docker-stack.yml": "compose"}


def test_percent_name_placeholders_make_a_template(tmp_path):
    """`%ROOT%` is a deploy tool's placeholder (a fabric task, a sed over the file): supervisord
    refuses a `%` not followed by `(name)s` or `%`, and nginx and uWSGI would read it as text.
    Supervisor's own `%(here)s` and uWSGI's `%d` are no placeholders."""
    write_tree(tmp_path, {
        "supervisor/app.conf": "[program:app]\ncommand = %ROOT%/bin/gunicorn_start.sh\nuser = django\n",
        "supervisor/own.conf": "[program:own]\ncommand = %(here)s/bin/start.sh\nstdout_logfile = /var/log/app-%%d.log\n",
        "nginx/site.conf": "server {\n    listen 80;\n    root %ROOT%/static;\n}\n",
        "uwsgi/app.ini": "[uwsgi]\nchdir = %d\nmodule = app:app\nsocket = :3031\n",
    })
    assert kinds(tmp_path) == {"supervisor/app.conf": "template", "supervisor/own.conf": "supervisor",
                               "nginx/site.conf": "template", "uwsgi/app.ini": "uwsgi"}


def test_python_format_placeholders_make_a_systemd_unit_or_nginx_file_a_template(tmp_path):
    """`%(venv)s` in a unit or an nginx file is filled in by a deploy script (fabric's
    upload_template): systemd's specifiers are `%` and one letter, nginx has no `%(`. A unit's
    `%%(x)s` is a literal percent sign, and Supervisor's own `%(here)s` is no placeholder."""
    write_tree(tmp_path, {
        "deploy/app.service": "[Service]\nExecStart=%(venv)s/bin/uwsgi --ini %(root)s/uwsgi.ini\n",
        "deploy/literal.service": "[Service]\nExecStart=/usr/bin/printf %%(x)s\n",
        "deploy/nginx/site.conf": "server {\n    listen 80;\n    server_name %(host)s;\n}\n",
        "deploy/supervisor/app.conf": "[program:app]\ncommand = %(here)s/bin/start.sh\n",
    })
    assert kinds(tmp_path) == {"deploy/app.service": "template", "deploy/literal.service": "systemd",
                               "deploy/nginx/site.conf": "template", "deploy/supervisor/app.conf": "supervisor"}


def test_dockerfiles_by_their_usual_names(tmp_path):
    """The names `docker build -f` is given, sniffed by content like the plain one."""
    image = "FROM python:3.12\nCMD [\"gunicorn\", \"app:app\"]\n"
    write_tree(tmp_path, {"Dockerfile.prod": image, "Dockerfile-dev": image, "Dockerfile_nginx": image,
                          "nginx.Dockerfile": image, "app-dockerfile": image, "dockerfiles/notes_dockerfile.md": image})
    assert kinds(tmp_path) == {"Dockerfile.prod": "dockerfile", "Dockerfile-dev": "dockerfile",
                               "Dockerfile_nginx": "dockerfile", "nginx.Dockerfile": "dockerfile",
                               "app-dockerfile": "dockerfile"}


def test_shell_and_envsubst_rendered_nginx_templates(tmp_path):
    """A line that is only a variable stands for directives a script fills in; `\\$host` and
    `${VAR}` make a template of a file whose name says template; a `$host` of nginx's own,
    or `${VAR}` in a file named as final config, do not."""
    site = "server {\n    listen 80;\n    location / {\n        proxy_pass http://app;\n%s    }\n}\n"
    write_tree(tmp_path, {
        "nginx/placeholder.conf": site % "        $RATE_LIMIT\n",
        "nginx/nginx_template.conf": site % "        proxy_set_header Host \\$host;\n",
        "nginx/escaped.conf": site % "        proxy_set_header Host \\$host;\n",
        "nginx/nginx.template.conf": site % "        proxy_read_timeout ${TIMEOUT};\n",
        "nginx/final.conf": site % "        proxy_set_header Host $host;\n",
    })
    assert kinds(tmp_path) == {
        "nginx/placeholder.conf": "template", "nginx/nginx_template.conf": "template",
        "nginx/escaped.conf": "nginx", "nginx/nginx.template.conf": "template", "nginx/final.conf": "nginx"}


def test_a_name_ending_in_template_is_a_template_whatever_it_holds(tmp_path):
    """`nginx.conf-template` is filled in and copied by hand, as `nginx.conf.template` is, even
    with no placeholder left to show it (a project skeleton's site); `template.conf` and a site
    named `nginx-templates.conf` are read as what they hold."""
    site = "upstream django {\n    server unix:///mnt/data/site/app.sock;\n}\nserver {\n    listen 80;\n}\n"
    write_tree(tmp_path, {"uwsgi/nginx.conf-template": site, "uwsgi/nginx.conf_TEMPLATE": site,
                          "nginx/template.conf": site, "nginx/nginx-templates.conf": site})
    assert kinds(tmp_path) == {"uwsgi/nginx.conf-template": "template", "uwsgi/nginx.conf_TEMPLATE": "template",
                               "nginx/template.conf": "nginx", "nginx/nginx-templates.conf": "nginx"}


def test_other_programs_brace_configs_are_not_nginx(tmp_path):
    """BIND's named.conf and DRBD's resource file have nginx's shape (`name value;`, blocks in
    braces, even `allow-transfer`), but their blocks are named as no nginx directive is
    (`options {`, `view "x" {`, `resource r0 {`): nginx would refuse each. dhcpd's keys have
    hyphens (`default-lease-time 600;`), which no nginx directive has. A site whose brace
    stands on its own line, with a map block of entries, stays nginx, as does a types block
    of hyphenated mime types and a map whose keys have hyphens."""
    write_tree(tmp_path, {
        "bind/named.conf": 'options {\n    directory "/var/named";\n    allow-transfer { none; };\n};\n'
                           'include "etc/rndc.key";\nview "edu" {\n    match-clients {\n        edu;\n    };\n'
                           '    zone "." IN {\n        type hint;\n        file "named.ca";\n    };\n};\n',
        "drbd/drbd.conf": "global {\n    usage-count yes;\n}\ncommon {\n    protocol C;\n    syncer { rate 10M; }\n}\n"
                          "resource r0 {\n    on host1 {\n        device /dev/drbd0;\n        disk /dev/vdb;\n"
                          "        address 192.168.1.1:7898;\n    }\n}\n",
        "site/app.conf": "map $http_upgrade $connection_upgrade {\n    default upgrade;\n    '' close;\n}\nserver\n{\n"
                         "    listen 80;\n    location /\n    {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n",
        "dhcp/dhcpd.conf": 'option domain-name "example.org";\ndefault-lease-time 600;\nmax-lease-time 7200;\n'
                           "authoritative;\nsubnet 10.5.5.0 netmask 255.255.255.224 {\n  range 10.5.5.26 10.5.5.30;\n"
                           "  allow unknown-clients;\n}\n",
        "nginx/mime.types": "types {\n    application/vnd.ms-excel xls;\n    application/x-javascript js;\n"
                            "    font-woff woff;\n    image-x-icon ico;\n    text-plain txt;\n}\n",
        "nginx/conf.d/bots.conf": "map $http_user_agent $bot {\n    default 0;\n    bad-bot 1;\n    evil-crawler 1;\n"
                                  "    spam-agent 1;\n}\nserver {\n    listen 80;\n}\n",
    })
    assert kinds(tmp_path) == {"site/app.conf": "nginx", "nginx/mime.types": "nginx", "nginx/conf.d/bots.conf": "nginx"}


def test_content_decides_not_the_name(tmp_path):
    write_tree(tmp_path, {
        "systemd/nginx.service": "#!/bin/sh\nexec /usr/sbin/nginx -g 'daemon off;'\n",
        "gunicorn/gunicorn.conf": "d /run/gunicorn 0755 someuser somegroup -\n",
        "uwsgi/lesson.cpp": "[uwsgi]\nsocket = 127.0.0.1:8001\nchdir = /srv/app\nmodule = app.wsgi\n",
        "deploy/supervisord.ini": "[supervisord]\nnodaemon=true\n\n[program:web]\ncommand=uwsgi --ini uwsgi.ini\n",
    })
    assert kinds(tmp_path) == {"uwsgi/lesson.cpp": "uwsgi", "deploy/supervisord.ini": "supervisor"}


def test_development_tools_configs_are_theirs_by_name(tmp_path):
    """coverage.py's keys `include` and `plugins` are uWSGI options too: by its content alone
    a .coveragerc read as a uWSGI ini (a public repository's, round 31); its name says whose it is."""
    write_tree(tmp_path, {
        ".coveragerc": "[run]\ninclude = app/*\nomit = *migrations*, *tests*\nplugins =\n    django_coverage_plugin\n",
        "tox.ini": "[tox]\nenvlist = py311\n\n[testenv]\ncommands = pytest\n",
        "deploy/uwsgi.cfg": "[run]\nsocket = :3031\nmodule = app.wsgi\nmaster = true\n",
    })
    assert kinds(tmp_path) == {"deploy/uwsgi.cfg": "uwsgi"}


def test_location_hints_order():
    assert location_hints("/etc/supervisor/conf.d/x.conf")[0] == "supervisor"
    assert location_hints("/etc/nginx/conf.d/x.conf")[0] == "nginx"
    assert location_hints("/etc/sysctl.d/99-x.conf")[0] == "sysctl"
    assert location_hints("/etc/security/limits.d/app.conf")[0] == "limits"
    assert location_hints("/etc/systemd/system/app.service.d/override.conf")[0] == "systemd"
    assert location_hints("/home/me/README.md") == []


def test_symlinked_site_is_read_once(in_tmp):
    write_tree(in_tmp, {
        "etc/nginx/nginx.conf": "events {}\nhttp {\n    include /etc/nginx/sites-enabled/*;\n}\n",
        "etc/nginx/sites-available/app": "server {\n    listen 80;\n    location / {\n        uwsgi_pass unix:/run/app.sock;\n    }\n}\n",
        "etc/nginx/sites-available/unused": "server {\n    listen 81;\n    location / {\n        uwsgi_pass unix:/run/x.sock;\n    }\n}\n",
        "etc/nginx/sites-enabled/app": "@link:../sites-available/app",
    })
    result = check(["."])
    routes = result.deployment.routes
    assert [r.handler.args for r in routes] == [("unix:/run/app.sock",)]
    assert [f.code for f in result.findings].count("N101") == 1


def test_host_layout(tmp_path):
    (tmp_path / "snap" / "etc" / "nginx").mkdir(parents=True)
    (tmp_path / "repo").mkdir()
    # A repository's own etc/ folder of app configs is not a host's /etc.
    (tmp_path / "app" / "etc").mkdir(parents=True)
    (tmp_path / "app" / "etc" / "uwsgi.ini").write_text("[uwsgi]\n")
    (tmp_path / "app" / "etc" / "nginx.conf").write_text("events {}\n")
    assert host_layout([str(tmp_path / "snap")], None) == ("snapshot", str(tmp_path / "snap"))
    assert host_layout([str(tmp_path / "snap" / "etc")], None) == ("snapshot", str(tmp_path / "snap"))
    assert host_layout([str(tmp_path / "repo")], None) == ("repository", "/")
    assert host_layout([str(tmp_path / "app")], None) == ("repository", "/")
    assert host_layout([str(tmp_path / "app" / "etc")], None) == ("repository", "/")
    assert host_layout([str(tmp_path / "repo")], str(tmp_path / "snap")) == ("snapshot", str(tmp_path / "snap"))
    assert host_layout(["/etc"], None) == ("live", "/")


def _manifest(corpus):
    with open(corpus / "MANIFEST.tsv", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_corpus_trap_files_are_not_read_as_their_names_say(corpus):
    ctx = ReadContext(mode="repository")
    shell_script = classify(str(corpus / "systemd" / next(
        n for n in os.listdir(corpus / "systemd") if "consul-template-demo" in n)), ctx)
    tmpfiles_line = classify(str(corpus / "gunicorn" / "myems__myems-api__gunicorn.conf"), ctx)
    assert shell_script.kind != "systemd"
    assert tmpfiles_line.kind != "gunicorn"


# Files the manifest files under a kind that wsgilint rightly does not read as that kind.
NOT_THAT_KIND = {
    "bundles/benoitc__gunicorn/examples/gunicorn_rc": "a shell script that starts gunicorn",
    "bundles/benoitc__gunicorn/examples/logging.conf": "a Python logging config (--log-config), not settings",
    "nginx/nginxinc__crossplane__tests__configs__includes-globbed__servers__locations__not-included.conf":
        "crossplane's deliberately invalid fixture: one line of garbage",
    "uwsgi/rdo-common__uwsgi__fedora.ini": "a uWSGI build profile (bin_name, embedded_plugins), not a runtime config",
    "nginx/nginxinc__crossplane__tests__configs__quote-behavior__nginx.conf":
        "crossplane's lexer fixture: quoted words, no directive",
}
UWSGI_OTHER_FORMATS = (".xml", ".json", ".js", ".lua")   # not read; YAML is


def test_corpus_is_classified_as_its_manifest_says(corpus):
    """Every final config is read as its kind; every template is recognised as one.

    The manifest counts `<placeholder>`, `PROJECT_NAME` and Python `%(name)s` tokens as
    templates too; wsgilint reads those files as final config (their syntax is valid),
    so for templates it is enough that they are not read as another kind.
    """
    ctx = ReadContext(mode="repository")
    wrong = []
    for row in _manifest(corpus):
        if row["kind"] == "app":
            continue
        if row["notes"].startswith("NOT a"):   # the manifest's negative examples
            assert classify(str(corpus / row["local_path"]), ctx).kind != row["kind"], row["local_path"]
            continue
        found = classify(str(corpus / row["local_path"]), ctx)
        if row["local_path"] in NOT_THAT_KIND:
            ok = found.kind != row["kind"]
        elif row["kind"] == "uwsgi" and row["local_path"].endswith(UWSGI_OTHER_FORMATS):
            ok = found.kind == "" and "other than ini or YAML" in found.reason
        elif row["is_template"] == "yes":
            ok = found.kind in (row["kind"], "template", "")
        else:
            ok = found.kind == row["kind"]
        if not ok:
            wrong.append((row["local_path"], row["kind"], found.kind, found.reason))
    assert not wrong, "\n".join(map(str, wrong))


def test_a_repository_link_to_its_deploy_hosts_path_is_the_checkouts_own_file(in_tmp):
    """`uwsgi.ini -> /home/ubuntu/web2/shop/deploy/uwsgi.ini` names the checkout's own
    deploy/uwsgi.ini where the host has it: read once, as that file, not a broken link. A
    link to an absolute path the tree does not hold is still reported as broken."""
    write_tree(in_tmp, {
        "deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/shop/uwsgi.sock\nmodule = shop.wsgi\n",
        "uwsgi.ini": "@link:/home/ubuntu/web2/shop/deploy/uwsgi.ini",
        "nginx.conf": "@link:/home/ubuntu/web2/shop/deploy/nginx/shop.conf",
    })
    result = check(["."])
    assert [(f.code, f.at.path) for f in result.findings if f.code == "E001"] == [("E001", "nginx.conf")]
    skipped = {source.display: source.reason for source in result.files if not source.kind}
    assert "read once, as that file" in skipped["uwsgi.ini"] and "deploy/uwsgi.ini" in skipped["uwsgi.ini"]
    assert [server.at.path for server in result.deployment.app_servers] == ["deploy/uwsgi.ini"]


def test_a_repository_link_to_a_host_path_this_machine_has_is_still_the_hosts(in_tmp, tmp_path_factory):
    """A copy of /etc/nginx whose `sites-enabled/default -> /etc/nginx/sites-available/default`:
    the link names the deploy host's file, the tree's own nginx/sites-available/default, whether
    or not the checking machine has a file at that path (a runner with nginx installed does).
    A link to a host path the tree does not hold is a broken link there, even where this
    machine has a file at that path: never read, never E008's link out of the tree."""
    elsewhere = tmp_path_factory.mktemp("machine") / "unrelated.conf"
    elsewhere.write_text("server { listen 81; }\n")
    write_tree(in_tmp, {
        "nginx/sites-available/default": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                                         "        uwsgi_pass unix:/run/shop.sock;\n    }\n}\n",
        "nginx/sites-enabled/default": "@link:/etc/nginx/sites-available/default",
        "nginx/sites-enabled/other": f"@link:{elsewhere}",
    })
    result = check(["."])
    assert [(f.code, f.at.path) for f in result.findings if f.code in ("E001", "E008")] == \
        [("E001", "nginx/sites-enabled/other")]
    skipped = {source.display: source.reason for source in result.files if not source.kind}
    assert "nginx/sites-available/default" in skipped["nginx/sites-enabled/default"]
    assert [route.handler.args for route in result.deployment.routes] == [("unix:/run/shop.sock",)]


def test_a_virtualenv_of_any_name_is_not_walked(in_tmp):
    """`django_env/` with its pyvenv.cfg: its `bin/python -> /usr/bin/python3` is no config of the tree."""
    write_tree(in_tmp, {
        "django_env/pyvenv.cfg": "home = /usr/bin\n",
        "django_env/bin/python": "@link:/usr/bin/python3-nowhere",
        "django_env/bin/uwsgi": "@link:/usr/local/bin/uwsgi-nowhere",
        "deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/shop/uwsgi.sock\nmodule = shop.wsgi\n",
    })
    result = check(["."])
    assert not [f for f in result.findings if f.at.path.startswith("django_env")]
    assert [server.at.path for server in result.deployment.app_servers] == ["deploy/uwsgi.ini"]


def test_a_virtualenv_made_before_virtualenv_20_is_not_walked(in_tmp):
    """`myenv/` as virtualenv 16 made it, committed: no pyvenv.cfg, but bin/activate_this.py,
    and lib/python3.6/orig-prefix.txt beside links to the author's Python."""
    write_tree(in_tmp, {
        "myenv/bin/activate_this.py": "# virtualenv's\n",
        "myenv/include/python3.6m": "@link:/usr/include",
        "myenv/lib/python3.6/orig-prefix.txt": "/usr",
        "myenv/lib/python3.6/encodings": "@link:/usr/lib",
        "deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/shop/uwsgi.sock\nmodule = shop.wsgi\n",
    })
    result = check(["."])
    assert not [f for f in result.findings if f.at.path.startswith("myenv")]
    assert [server.at.path for server in result.deployment.app_servers] == ["deploy/uwsgi.ini"]


def test_a_bin_folder_without_activate_this_is_walked(in_tmp):
    """A project's own bin/ beside lib/ is no virtualenv: its link out of the tree is still reported."""
    write_tree(in_tmp, {
        "app/bin/start": "@link:/usr/lib",
        "app/lib/helpers.py": "X = 1\n",
        "deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/shop/uwsgi.sock\nmodule = shop.wsgi\n",
    })
    result = check(["."])
    assert [f.at.path for f in result.findings if f.at.path.startswith("app/")] == ["app/bin/start"]


def test_the_folders_a_checkout_lives_in_give_its_links_no_kind(tmp_path, monkeypatch):
    """A checkout in `docker_nginx_flask/`: its broken link `lib/weakref.py` names no nginx file,
    as classify's hints read only the path inside the checked tree."""
    tree = write_tree(tmp_path / "docker_nginx_flask", {
        "lib/weakref.py": "@link:/Library/Frameworks/Python.framework/Versions/3.6/lib/python3.6/weakref.py",
        "nginx/sites-enabled/shop": "@link:/opt/nowhere/shop",
        "deploy/uwsgi.ini": "[uwsgi]\nsocket = /run/shop/uwsgi.sock\nmodule = shop.wsgi\n",
    })
    monkeypatch.chdir(tree)
    result = check(["."])
    assert [f.at.path for f in result.findings if f.code == "E001"] == ["nginx/sites-enabled/shop"]


def test_a_snapshots_link_to_its_checkouts_own_file_is_that_file(in_tmp):
    """A repository read as a copy of / (it holds etc/nginx): `sites-enabled/shop` links to the
    author's checkout of it, whose etc/nginx/sites-available/shop the tree holds."""
    write_tree(in_tmp, {
        "etc/nginx/sites-available/shop": "server {\n    listen 80;\n    location / {\n        include uwsgi_params;\n"
                                          "        uwsgi_pass unix:/run/shop.sock;\n    }\n}\n",
        "etc/nginx/sites-enabled/shop": "@link:/home/me/Documents/shop-1/etc/nginx/sites-available/shop",
    })
    result = check(["."])
    assert [f.code for f in result.findings if f.code in ("E001", "E008")] == []
    assert [route.handler.args for route in result.deployment.routes] == [("unix:/run/shop.sock",)]


def test_configs_a_script_fills_in_with_sed_are_templates(tmp_path):
    """`sed -i "s|DOMAIN|$1|g" nginx/site.conf` and `sed 's;SOCKET;...;'` name the file and the
    word; a config the script does not name, or whose text lacks the word, is read as it is."""
    site = "server {\n    listen 80;\n    server_name DOMAIN;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n"
    ini = "[uwsgi]\nsocket = SOCKET\nmodule = app.wsgi\n"
    write_tree(tmp_path, {
        "nginx/site.conf": site,
        "nginx/other.conf": site,
        "uwsgi/app.ini": ini,
        "uwsgi/plain.ini": "[uwsgi]\nsocket = /run/app.sock\nmodule = app.wsgi\n",
        "deploy.sh": "#!/bin/sh\nsed -i \"s|DOMAIN|$1|g\" nginx/site.conf\n"
                     "sed 's;SOCKET;/run/app.sock;' uwsgi/app.ini > /etc/uwsgi/app.ini\n"
                     "sed -i 's/SOCKET/x/' uwsgi/plain.ini\n",
    })
    assert kinds(tmp_path) == {"nginx/site.conf": "template", "nginx/other.conf": "nginx",
                               "uwsgi/app.ini": "template", "uwsgi/plain.ini": "uwsgi"}
