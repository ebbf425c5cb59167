"""Compose and Dockerfile readers against their specifications, and the container places
the model builds from them (the rule fixtures under tests/fixtures/*/compose-* and
*/dockerfile-* show the findings)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.model import Deployment, Place
from wsgilint.model.base_images import base_image, image_name, names_supervisord_config
from wsgilint.model.container_images import image_of
from wsgilint.readers.compose import (
    command_refusal,
    interpolate,
    merge,
    normalize_project_name,
    read_dotenv,
    read_project,
    split_command,
)
from wsgilint.readers.compose_projects import projects_of
from wsgilint.readers.dockerfile import parse_dockerfile
from wsgilint.readers.yaml_nodes import load_yaml

ENV = {"SET": "x", "EMPTY": ""}


def _yaml(text: str) -> Any:
    """The root node, typed loosely: the tests index into it."""
    return load_yaml(text, "c.yaml")[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("$SET ${SET}", "x x"),
    ("${UNSET:-default}", "default"),
    ("${EMPTY:-default}", "default"),     # `:-` also replaces an empty value
    ("${EMPTY-default}", ""),             # `-` only an unset one
    ("${UNSET:-${SET}}", "x"),            # nested default
    ("$$SET", "$SET"),                    # `$$` is a literal `$`
    ("${SET:+alt}", "alt"),
    ("${UNSET:+alt}", ""),
])
def test_interpolation_follows_the_compose_specification(text: str, expected: str) -> None:
    assert interpolate(text, ENV) == (expected, [], "")


def test_an_unset_variable_stays_unknown_and_a_required_one_is_no_error_here() -> None:
    # The shell that runs Compose may set it: wsgilint cannot tell, so it is not a finding.
    assert interpolate("${UNSET}", ENV)[:2] == ("${UNSET}", ["UNSET"])
    assert interpolate("${UNSET?need it}", ENV)[1:] == (["UNSET"], "")
    assert interpolate("${", ENV)[2].startswith("invalid interpolation format")


def test_dotenv_quotes_comments_and_export() -> None:
    assert read_dotenv("export A=1 # note\nB=\"two words\"\nC='$A'\nD=${A}2\n# x\n") == \
        {"A": "1", "B": "two words", "C": "$A", "D": "12"}


@pytest.mark.parametrize(("text", "expected"), [
    ("gunicorn -b :8000 app:app", ["gunicorn", "-b", ":8000", "app:app"]),
    # A folded `command: >` keeps each line's `\` before the next: go-shellwords drops it even
    # inside double quotes, so bash sees `&&  uwsgi`, not a word " uwsgi".
    ('bash -c "a && \\ uwsgi --ini u.ini"', ["bash", "-c", "a &&  uwsgi --ini u.ini"]),
    ("sh -c 'a \\ b'", ["sh", "-c", "a \\ b"]),          # single quotes keep it
    ('say "" x', ["say", "", "x"]),                        # an empty quoted word is a word
    ("a\\tb c", ["a\tb", "c"]),                           # \t is a tab
    ("run a; b", ["run", "a"]),                            # an unquoted ; ends the command
    ("run a 2>err", ["run", "a"]),
    ("echo $(id -u) x", ["echo", "$(id -u)", "x"]),
    ("echo (x)", None), ('echo "open', None),             # Compose refuses these
])
def test_command_strings_split_like_compose_go(text: str, expected: list[str] | None) -> None:
    assert split_command(text) == expected


# go-shellwords' Parse (mattn/go-shellwords shellwords.go) fails with "invalid command line
# string" on each of these; compose-go's loader stops there.
@pytest.mark.parametrize(("text", "reason"), [
    ('gunicorn -b "0.0.0.0:8000 app:app', "an unclosed double quote"),
    ("sh -c 'uwsgi --ini u.ini", "an unclosed single quote"),
    ("run a\\", "a backslash at the end"),
    ("echo `id", "an unclosed backquote"),
    ("echo $(id", "an unclosed `$(`"),
    ("echo (x)", "a `(` not right after `$`"),
    ("echo x)", "a `)` that closes no `$(`"),
    ('sh -c "a \\" b"', ""), ("run 'a \"b' c", ""), ("run a; 'b", ""),   # escaped, inside '', after ;
])
def test_command_refusal_names_what_go_shellwords_stops_at(text: str, reason: str) -> None:
    assert command_refusal(text) == reason
    assert (split_command(text) is None) == bool(reason)


def test_a_command_compose_refuses_is_reported_and_not_guessed(tmp_path: Path) -> None:
    tree = write_tree(tmp_path, {
        "compose.yaml": "services:\n  app:\n    build: .\n    command: gunicorn -b \"0.0.0.0:8000 app:app\n"
                        "  ok:\n    image: python:3.12\n    command: gunicorn -b ':8001' app:app\n",
        "Dockerfile": "FROM python:3.12\nCMD [\"uwsgi\", \"--http\", \":8000\"]\n"})
    result = check([str(tree)])
    [problem] = [f for f in result.findings if f.code == "E002"]
    assert (problem.at.line, problem.at.column) == (4, 14)
    assert "an unclosed double quote" in problem.message
    assert "'services[app].command' invalid command line string" in problem.message
    argvs = {m.place.name: m.argv.value if m.argv else None for m in result.deployment.managers}
    # Neither split on whitespace nor the image's CMD: Compose starts nothing.
    assert argvs == {"app": None, "ok": ["gunicorn", "-b", ":8001", "app:app"]}


def test_a_relative_copy_destination_is_in_the_workdir_and_dot_is_a_directory(tmp_path: Path) -> None:
    write_tree(tmp_path, {"deploy/uwsgi.ini": "[uwsgi]\n", "app.py": "", "Dockerfile": (
        "FROM python:3.12\nWORKDIR /srv/app\nCOPY deploy/uwsgi.ini .\nCOPY app.py main.py\n"
        "WORKDIR conf\nCOPY deploy/uwsgi.ini ./\n")})
    dockerfile = parse_dockerfile((tmp_path / "Dockerfile").read_text(), "Dockerfile")
    assert image_of(dockerfile, str(tmp_path)).copies == {
        "/srv/app/uwsgi.ini": str(tmp_path / "deploy/uwsgi.ini"), "/srv/app/main.py": str(tmp_path / "app.py"),
        "/srv/app/conf/uwsgi.ini": str(tmp_path / "deploy/uwsgi.ini")}


def test_an_instruction_continues_across_windows_line_ends() -> None:
    """buildkit trims "\r\n" from each line before it looks for the escape at its end: a RUN
    written on Windows goes on to its last line (the chmod there makes the script executable)."""
    dockerfile = parse_dockerfile("FROM python:3.12\r\nWORKDIR /app\r\nRUN mkdir -p /a \\\r\n"
                                  "     && pip install uwsgi \\\r\n     && chmod +x run.sh\r\n", "Dockerfile")
    run = dockerfile.instructions[2]
    assert run.text.split() == ["mkdir", "-p", "/a", "&&", "pip", "install", "uwsgi", "&&", "chmod", "+x", "run.sh"]
    assert image_of(dockerfile, "/ctx").made_executable == [("/app/run.sh", False)]


def test_workdir_user_and_stopsignal_lose_their_quotes_as_buildkit_reads_them(tmp_path: Path) -> None:
    write_tree(tmp_path, {"Dockerfile": (
        "FROM python:3.12\nENV USER_PATH=/home/app\nWORKDIR \"$USER_PATH/app\"\nUSER \"app\"\n"
        "STOPSIGNAL 'SIGINT'\n")})
    image = image_of(parse_dockerfile((tmp_path / "Dockerfile").read_text(), "Dockerfile"), str(tmp_path))
    assert (image.workdir.value if image.workdir else None, image.user.value if image.user else None,
            image.stop_signal.value if image.stop_signal else None) == ("/home/app/app", "app", "INT")


def test_an_exec_form_in_single_quotes_is_the_shell_form_its_text_the_command(tmp_path: Path) -> None:
    """BuildKit's parseMaybeJSON: arguments that do not decode as a JSON array are the shell
    form, so ``ENTRYPOINT ['/x.sh']`` runs ``/bin/sh -c "['/x.sh']"`` and ignores CMD (and a
    Compose ``command:``); the list is kept, with what JSON would have said, for C104."""
    write_tree(tmp_path, {"entrypoint.sh": "#!/bin/sh\nexec gunicorn app:app\n", "Dockerfile": (
        "FROM python:3.12\nCOPY entrypoint.sh /x.sh\nENTRYPOINT ['/x.sh']\nCMD [\"gunicorn\", \"app:app\",]\n"
        "RUN [ -f /etc/os-release ] && echo [a]\n")})
    dockerfile = parse_dockerfile((tmp_path / "Dockerfile").read_text(), "Dockerfile")
    entrypoint, cmd, run = dockerfile.instructions[2:]
    assert (entrypoint.exec_form, entrypoint.lookalike and entrypoint.lookalike.fixed) == (None, '["/x.sh"]')
    assert (cmd.exec_form, cmd.lookalike and cmd.lookalike.fixed) == (None, '["gunicorn", "app:app"]')
    assert (run.exec_form, run.lookalike) == (None, None)     # a shell test, not a list of words
    image = image_of(dockerfile, str(tmp_path))
    assert image.entrypoint is not None and image.entrypoint.value == ["/bin/sh", "-c", "['/x.sh']"]
    assert image.entrypoint_shell


@pytest.mark.parametrize(("words", "named"), [
    (["-nc", "/etc/supervisor/supervisord.conf"], True), (["-n", "-c", "/etc/s.conf"], True),
    (["-c/etc/s.conf"], True), (["--configuration=/etc/s.conf"], True), (["-n"], False),
    (["-u", "cbot"], False), (["-ucbot"], False), (["--nodaemon"], False)])
def test_supervisord_names_its_config_as_getopt_reads_its_words(words: list[str], named: bool) -> None:
    """supervisord parses its options with getopt: `-nc FILE` is `-n -c FILE`, but in `-ucbot`
    the `c` is part of -u's value."""
    assert names_supervisord_config(words) is named


def test_supervisord_started_with_combined_flags_runs_the_config_it_names(tmp_path: Path) -> None:
    """`supervisord -nc /srv/app/deploy/supervisord.conf` reads the config the build copied there
    and runs its programs in the container."""
    write_tree(tmp_path, {
        "Dockerfile": "FROM python:3.8-buster\nRUN apt-get install -y supervisor\nWORKDIR /srv/app\nCOPY . /srv/app\n"
                      "CMD [\"bash\", \"deploy/start.sh\"]\n",
        "deploy/start.sh": "#!/bin/bash\nexec /usr/bin/supervisord -nc /srv/app/deploy/supervisord.conf\n",
        "deploy/supervisord.conf": "[supervisord]\nnodaemon=true\n\n[program:web]\n"
                                   "command = gunicorn app:app -b 127.0.0.1:8000\n",
        "app.py": "app = None\n"})
    [program] = [m for m in check([str(tmp_path)]).deployment.managers if m.kind == "supervisor"]
    assert program.place.kind != "host"


@pytest.mark.parametrize(("base", "copied"), [("python:3.8-buster", True), ("example.org/own/base:1", False)])
def test_a_copy_source_naming_an_undeclared_variable_reads_it_as_empty(tmp_path: Path, base: str, copied: bool) -> None:
    """BuildKit expands a variable no ARG or ENV declares to nothing: `COPY ${PWD}/supervisor/app.conf`
    copies the context's supervisor/app.conf. On a base image whose environment is not known,
    the base may declare it: the source stays unknown."""
    write_tree(tmp_path, {
        "Dockerfile": f"FROM {base}\nCOPY ${{PWD}}/supervisor/app.conf /etc/supervisor/conf.d/app.conf\n"
                      "CMD [\"/usr/bin/supervisord\", \"-n\"]\n",
        "supervisor/app.conf": "[program:web]\ncommand = gunicorn app:app -b 127.0.0.1:8000\n",
        "app.py": "app = None\n"})
    [program] = [m for m in check([str(tmp_path)]).deployment.managers if m.kind == "supervisor"]
    assert (program.place.kind != "host") is copied


def test_a_shell_form_copy_or_volume_names_the_words_docker_takes(tmp_path: Path) -> None:
    """BuildKit expands each word of a shell-form COPY or VOLUME as the shell would: the quotes
    go, the brackets and commas stay, so C104 names `[app,` and `[/data]`, not the text as written."""
    write_tree(tmp_path, {"app.py": "", "Dockerfile": "FROM python:3.12\nCOPY ['app.py', '/app/']\nVOLUME ['/data']\n"})
    messages = {f.at.line: f.message for f in check([str(tmp_path)], select=("C104",)).findings}
    assert "(`[app.py,`, `/app/]`)" in messages[2]
    assert "(`[/data]`)" in messages[3]


def test_a_copy_without_slash_to_a_directory_the_build_made_goes_inside(tmp_path: Path) -> None:
    """Docker copies one file into a destination that is a directory of the image, slash or
    not: a folder a RUN's ``mkdir`` made (or one above it), a WORKDIR, or a folder an earlier COPY
    filled. A path no build step made is the file's new name, and ``mkdir -m``'s mode is no
    folder."""
    write_tree(tmp_path, {"uwsgi.ini": "[uwsgi]\n", "uwsgi_params": "", "app.py": "", "Dockerfile": (
        "FROM ubuntu:16.04\nRUN mkdir -p /home/docker/uwsgi/log && \\\n\tmkdir -m 755 /opt/x\n"
        "COPY uwsgi.ini /home/docker/uwsgi\nCOPY uwsgi_params /home/docker/uwsgi\nCOPY app.py /opt/x\n"
        "COPY app.py 755\nWORKDIR /srv\nWORKDIR /\nCOPY uwsgi.ini /srv\nCOPY uwsgi.ini /etc/app.ini\n"
        "COPY conf/ /home/app/\nCOPY uwsgi.ini /home/app\n"), "conf/site.conf": ""})
    dockerfile = parse_dockerfile((tmp_path / "Dockerfile").read_text(), "Dockerfile")
    ini, params, app = (str(tmp_path / name) for name in ("uwsgi.ini", "uwsgi_params", "app.py"))
    assert image_of(dockerfile, str(tmp_path)).copies == {
        "/home/docker/uwsgi/uwsgi.ini": ini, "/home/docker/uwsgi/uwsgi_params": params, "/opt/x/app.py": app,
        "/755": app, "/srv/uwsgi.ini": ini, "/etc/app.ini": ini,
        "/home/app": str(tmp_path / "conf"), "/home/app/uwsgi.ini": ini}


def test_ln_cp_and_mv_of_a_copied_file_place_it_like_a_copy(tmp_path: Path) -> None:
    """``ln -s``, ``cp`` and ``mv`` of a file a COPY put in the image put that file at the
    destination (into it when it ends with ``/`` or is a folder the nginx packages create); a
    relative link target is relative to the link's folder; a source the tree does not hold
    stays an unseen write."""
    write_tree(tmp_path, {"conf/site.conf": "server {}\n", "conf/b.conf": "server {}\n", "Dockerfile": (
        "FROM ubuntu:22.04\nWORKDIR /code\nCOPY . .\n"
        "RUN ln -sf /code/conf/site.conf /etc/nginx/sites-enabled && cp conf/b.conf /etc/nginx/conf.d/b.conf\n"
        "RUN mkdir -p /etc/nginx/x && ln -s ../../../code/conf/site.conf /etc/nginx/x/\n"
        "RUN mv /code/conf/b.conf /etc/nginx/site-enabled\n"
        "RUN ln -s /opt/other.conf /etc/nginx/sites-enabled/other.conf\n")})
    dockerfile = parse_dockerfile((tmp_path / "Dockerfile").read_text(), "Dockerfile")
    image = image_of(dockerfile, str(tmp_path))
    site, b = str(tmp_path / "conf/site.conf"), str(tmp_path / "conf/b.conf")
    assert {path: local for path, local in image.copies.items() if path.startswith("/etc/")} == {
        "/etc/nginx/sites-enabled/site.conf": site, "/etc/nginx/conf.d/b.conf": b,
        "/etc/nginx/x/site.conf": site, "/etc/nginx/site-enabled": b}
    assert [path for path, _ in image.writes] == ["/etc/nginx/sites-enabled/other.conf"]


def test_a_shell_form_runs_under_the_shell_in_effect_in_its_stage_and_the_next() -> None:
    dockerfile = parse_dockerfile(
        "FROM python:3.12 AS base\nCMD gunicorn app:app\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        "ENTRYPOINT run.sh\nFROM base\nCMD uwsgi --ini u.ini\n", "Dockerfile")
    base = image_of(dockerfile, ".", "base").cmd   # written before the SHELL: still /bin/sh
    assert base is not None and base.value == ["/bin/sh", "-c", "gunicorn app:app"]
    image = image_of(dockerfile, ".")
    assert image.entrypoint is not None and image.entrypoint.value == ["/bin/bash", "-o", "pipefail", "-c", "run.sh"]
    assert image.cmd is not None and image.cmd.value == ["/bin/bash", "-o", "pipefail", "-c", "uwsgi --ini u.ini"]


def test_the_accounts_a_build_adds_are_the_names_its_useradd_and_adduser_create() -> None:
    """The login is the first word that is neither an option nor an option's value, in
    shadow-utils' useradd, Debian's adduser (``adduser app www-data`` adds app to a group)
    and busybox's; a later stage carries the accounts of the stage it starts from."""
    dockerfile = parse_dockerfile(
        "FROM python:3.12 AS base\nRUN groupadd -r app && useradd -r -g app -d /home/app -s /bin/false app\n"
        "FROM base\nRUN adduser --disabled-password --gecos \"\" --uid 1001 deploy \\\n && adduser deploy www-data\n"
        "RUN adduser -D -h /srv/web -s /sbin/nologin web; pip install uwsgi\n", "Dockerfile")
    image = image_of(dockerfile, ".")
    assert [(account.value, account.at.line if account.at else 0) for account in image.accounts_added] == [
        ("app", 2), ("deploy", 4), ("deploy", 4), ("web", 6)]


def test_yaml_is_read_as_yaml_1_2_with_positions() -> None:
    root: Any
    root, problems = load_yaml("ports:\n  - 8000:50\nflag: on\nbase: &b {user: app}\nsvc:\n  <<: *b\n", "c.yaml")
    assert not problems and root is not None
    assert root.get("ports").value[0].value == "8000:50"    # YAML 1.1 would read base 60
    assert root.get("flag").value == "on"
    assert root.get("svc").get("user").value == "app"       # merge key
    assert (root.get("flag").at.line, root.get("flag").at.column) == (3, 7)


def test_merge_replaces_commands_keys_volumes_by_target_and_appends_ports() -> None:
    base = _yaml("command: [a, b]\nvolumes: ['x:/data', './c:/conf']\nports: ['80:80']\nenvironment: [A=1, B=2]\n")
    over = _yaml("command: [c]\nvolumes: ['y:/data']\nports: ['443:443']\nenvironment: {B: '3'}\n")
    merged: Any = merge(base, over)
    assert [n.text for n in merged.get("command").value] == ["c"]
    assert [n.text for n in merged.get("volumes").value] == ["y:/data", "./c:/conf"]
    assert [n.text for n in merged.get("ports").value] == ["80:80", "443:443"]
    assert {k: v.text for k, v in merged.get("environment").value.items()} == {"A": "1", "B": "3"}


def test_reset_and_override_tags() -> None:
    base = _yaml("ports: ['80:80']\nuser: app\n")
    over = _yaml("ports: !override ['8443:443']\nuser: !reset null\n")
    merged: Any = merge(base, over)
    assert [n.text for n in merged.get("ports").value] == ["8443:443"]
    assert merged.get("user") is None     # back to the default: unset


def test_compose_picks_files_as_compose_does() -> None:
    files = ["p/docker-compose.yml", "p/compose.yaml", "p/compose.override.yaml", "p/docker-compose.prod.yml"]
    assert [grouped.files for grouped in projects_of(files)] == [
        ["p/compose.yaml", "p/compose.override.yaml"], ["p/docker-compose.yml"], ["p/docker-compose.prod.yml"]]


DOCKERFILES = [
    "# syntax=docker/dockerfile:1\nARG PY=3.12\nFROM python:${PY} AS build\nRUN echo hi \\\n  && echo there\n"
    "FROM python:3.12-slim\n# comment\nCOPY --chown=app a.ini /etc/a.ini\nUSER app\nENV A=1 B=\"two words\"\n"
    "CMD uwsgi --ini /etc/a.ini\nENTRYPOINT [\"uwsgi\", \"--ini\", \"x\"]\nRUN <<EOF\necho a\nEOF\nCMD [\"a\", 'b']\n",
    "# escape=`\nFROM windows\nRUN dir `\n   # inside\n   c:\\\nCMD [ \"x\" ,  \"y\" ]\n",
    "FROM a\nRUN a \\   \n\n b\nCMD x \\\n# c\n  y\n",
    # Windows line ends: buildkit trims "\r\n" before it looks for the escape.
    "FROM python:3.12\r\nWORKDIR /app\r\nRUN mkdir -p /a \\\r\n     && pip install uwsgi \\\r\n"
    "     && chmod +x run.sh\r\nCMD [\"./run.sh\"]\r\n",
]


@pytest.mark.parametrize("text", DOCKERFILES)
def test_dockerfile_reader_agrees_with_buildkit(text: str) -> None:
    buildkit = pytest.importorskip("dockerfile")
    ours = parse_dockerfile(text, "Dockerfile").instructions
    theirs = buildkit.parse_string(text)
    assert [(i.keyword, i.at.line, i.exec_form is not None) for i in ours] == \
        [(c.cmd, c.start_line, c.json) for c in theirs]
    for instruction, command in zip(ours, theirs, strict=True):
        if command.json:
            assert instruction.exec_form == list(command.value)
        elif command.cmd in ("RUN", "CMD", "ENTRYPOINT"):
            assert instruction.text == command.value[0]


def _places(tmp_path: Path, files: dict[str, str]) -> tuple[dict[str, Place], Deployment]:
    deployment = check([str(write_tree(tmp_path, files))]).deployment
    return {place.name: place for place in deployment.places}, deployment


def test_network_mode_service_shares_the_stack_and_host_joins_the_host(tmp_path: Path) -> None:
    places, _ = _places(tmp_path, {"compose.yaml": "services:\n  app:\n    image: a\n  side:\n    image: b\n"
                                                   "    network_mode: service:app\n  h:\n    image: c\n"
                                                   "    network_mode: host\n"})
    assert places["side"].loopback == places["app"].loopback != places["h"].loopback
    assert places["h"].loopback == "host"
    assert "side" not in places["side"].hostnames


def test_a_named_volume_is_one_store_wherever_it_is_mounted(tmp_path: Path) -> None:
    places, _ = _places(tmp_path, {"compose.yaml": "services:\n  a:\n    image: a\n    volumes: [s:/run/x]\n"
                                                   "  b:\n    image: b\n    volumes: [s:/sock]\nvolumes:\n  s:\n"})
    assert places["a"].locate("/run/x/app.sock") == places["b"].locate("/sock/app.sock")
    assert places["a"].locate("/tmp/app.sock") != places["b"].locate("/tmp/app.sock")


def test_ports_short_and_long_syntax(tmp_path: Path) -> None:
    places, _ = _places(tmp_path, {"compose.yaml": "services:\n  a:\n    image: a\n    ports:\n"
                                                   "      - '127.0.0.1:8080:80'\n      - '9000'\n"
                                                   "      - target: 3031\n        published: '3031'\n"})
    published = [(p.container_port, p.host_ip, p.host_port, p.public) for p in places["a"].published]
    assert published == [(80, "127.0.0.1", 8080, False), (9000, "", 0, True), (3031, "", 3031, True)]


def test_ports_ranges_ipv6_and_udp(tmp_path: Path) -> None:
    places, _ = _places(tmp_path, {"compose.yaml": "services:\n  a:\n    image: a\n    ports:\n"
                                                   "      - '127.0.0.1:5000-5001:6000-6001'\n      - '[::]:7000:70'\n"
                                                   "      - '53:53/udp'\n      - '54:54/tcp'\n"
                                                   "      - target: 55\n        published: 55\n        protocol: udp\n"})
    published = [(p.container_port, p.host_ip, p.host_port, str(p.address)) for p in places["a"].published]
    assert published == [(6000, "127.0.0.1", 5000, "127.0.0.1:5000"), (6001, "127.0.0.1", 5001, "127.0.0.1:5001"),
                          (70, "::", 7000, "*:7000"), (54, "", 54, "*:54")]


def test_a_host_nginx_arrives_at_ports_published_on_its_address(tmp_path: Path) -> None:
    """The engine listens on the host for a published port: a connection to 127.0.0.1 arrives
    at one published on 127.0.0.1 or on every interface, not at one on another address, nor
    at a random host port; `expose:` publishes nothing."""
    _, deployment = _places(tmp_path, {
        "compose.yaml": "services:\n  web:\n    image: nginx\n    expose: ['81']\n    ports:\n"
                        "      - '127.0.0.1:3000:80'\n      - '0.0.0.0:3001:80'\n      - '10.0.0.5:3002:80'\n"
                        "      - '3003:80'\n      - '80'\n",
        "nginx.conf": "events {}\nhttp {\n  server {\n" + "".join(
            f"    location /{port} {{ proxy_pass http://127.0.0.1:{port}; }}\n"
            for port in (3000, 3001, 3002, 3003, 80, 81)) + "  }\n}\n"})
    arrives = {target.address.port: [entry.host_port for _, entry in deployment.published_at(route, target)]
               for route in deployment.routes for target in route.targets}
    assert arrives == {3000: [3000], 3001: [3001], 3002: [], 3003: [3003], 80: [], 81: []}


def test_container_manager_takes_image_and_compose_settings(tmp_path: Path) -> None:
    _, deployment = _places(tmp_path, {
        "compose.yaml": "services:\n  app:\n    build: .\n    stop_grace_period: 1m30s\n    environment:\n"
                        "      - B=2\n",
        "Dockerfile": "FROM python:3.12\nENV A=1\nUSER app\nSTOPSIGNAL SIGINT\nWORKDIR /srv\nWORKDIR app\n"
                      "ENTRYPOINT [\"gunicorn\"]\nCMD [\"-b\", \":8000\", \"app:app\"]\n"})
    [manager] = deployment.managers
    assert manager.argv is not None and manager.user is not None and manager.directory is not None
    assert manager.stop_timeout is not None
    assert (manager.kind, manager.runs_program, manager.stop_signal.value, manager.stop_timeout.value) == \
        ("compose", "gunicorn", "INT", 90.0)
    assert manager.argv.value == ["gunicorn", "-b", ":8000", "app:app"]
    assert (manager.user.value, manager.directory.value) == ("app", "/srv/app")
    assert {k: v.value for k, v in manager.environment.items()} == {"A": "1", "B": "2"}
    assert manager.runs is not None and manager.runs.place.name == "app"


def test_a_non_null_entrypoint_drops_the_image_cmd(tmp_path: Path) -> None:
    _, deployment = _places(tmp_path, {
        "compose.yaml": "services:\n  app:\n    build: .\n    entrypoint: gunicorn app:app\n",
        "Dockerfile": "FROM python:3.12\nCMD [\"uwsgi\", \"--http\", \":8000\"]\n"})
    argv = deployment.managers[0].argv
    assert argv is not None and argv.value == ["gunicorn", "app:app"]


def test_suppression_comments_in_compose_and_dockerfile(tmp_path: Path) -> None:
    tree = write_tree(tmp_path, {
        "Dockerfile": "FROM python:3.12\n# wsgilint: ignore[C101] the entrypoint drops root\n"
                      "CMD [\"gunicorn\", \"-b\", \":8000\", \"app:app\"]\n",
        "compose/compose.yaml": "services:\n  web:\n    image: python:3.12\n    user: root\n"
                                "    command: uwsgi --http :8000 --master  # wsgilint: ignore[X108,C101] reason\n"})
    result = check([str(tree)])
    assert [f.code for f in result.findings if f.code in ("C101", "X108", "L101")] == []
    assert {s.at.path.rsplit("/", 1)[-1] for s in result.deployment.suppressions} == {"Dockerfile", "compose.yaml"}
    # In a Dockerfile a `#` after an instruction is an argument, not a comment.
    unsuppressed = write_tree(tmp_path / "b", {"Dockerfile": "FROM python:3.12\n"
                                               "CMD gunicorn app:app # wsgilint: ignore[C101] x\n"})
    assert [f.code for f in check([str(unsuppressed)]).findings if f.code == "C101"] == ["C101"]


def test_an_entrypoint_script_without_exec_is_named_as_a_script() -> None:
    from wsgilint.api import check

    case = Path(__file__).parent / "fixtures" / "X115" / "dockerfile-entrypoint-script-without-exec"
    [finding] = [f for f in check([str(case)]).findings if f.code == "X115"]
    assert "whose shell stays PID 1" in finding.message and "/bin/sh -c" not in finding.message
    assert "start the server with `exec` in the script" in finding.message


# --------------------------------------------------------------------------- base images


@pytest.mark.parametrize(("written", "name"), [
    ("python:3.12-slim", "python"),
    ("docker.io/library/python:3.12@sha256:abc", "python"),
    ("tiangolo/uwsgi-nginx:python3.9", "tiangolo/uwsgi-nginx"),
    ("registry.example.com:5000/team/base", "registry.example.com:5000/team/base"),
    # Mirrors and pull-through caches of the official images keep their `library/` namespace.
    ("public.ecr.aws/docker/library/python:3.11-slim", "python"),
    ("im.example.fun/dockerproxy/library/nginx:1.27", "nginx"),
])
def test_an_image_is_named_without_tag_digest_or_default_registry(written: str, name: str) -> None:
    assert image_name(written) == name


def test_a_known_base_image_brings_its_environment_and_its_flask_child_inherits_it() -> None:
    flask = base_image("tiangolo/uwsgi-nginx-flask:python3.12", None)
    assert flask.known and flask.env["UWSGI_INI"] == "/app/uwsgi.ini" and flask.env["STATIC_URL"] == "/static"
    assert flask.files == {"/etc/uwsgi/uwsgi.ini": "tiangolo-uwsgi-nginx-uwsgi.ini"}
    assert [p.name for p in flask.programs] == ["uwsgi", "nginx"]
    assert base_image("python:3.12", None).known and not base_image("python:3.12", None).programs
    assert not base_image("acme/uwsgi-base:1", None).known


def test_the_stock_ini_and_env_of_a_known_image_join_the_apps_ini(tmp_path: Path) -> None:
    files = {"Dockerfile": "FROM tiangolo/uwsgi-nginx:python3.11\nENV UWSGI_INI /app/deploy/uwsgi.ini\nCOPY . /app\n",
             "deploy/uwsgi.ini": "[uwsgi]\nmodule = main\nsocket = /tmp/uwsgi.sock\n"}
    deployment = check([str(write_tree(tmp_path, files))]).deployment
    [server] = deployment.app_servers
    sources = {option.key: option.at.path for option in server.options}
    assert sources["module"].endswith("/deploy/uwsgi.ini") and sources["need-app"] == "<stock>/etc/uwsgi/uwsgi.ini"
    assert server.last("cheaper") is not None and server.unseen_base is None
    # Both inis name /tmp/uwsgi.sock: uWSGI binds it once.
    assert [str(listener.address) for listener in server.listeners] == ["unix:/tmp/uwsgi.sock"]


def test_a_build_from_an_unknown_image_makes_missing_options_an_assumption(tmp_path: Path) -> None:
    files = {"Dockerfile": "FROM acme/uwsgi-base:1\nCOPY uwsgi.ini /srv/uwsgi.ini\n",
             "uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nprocesses = 4\n"}
    findings = check([str(write_tree(tmp_path, files))]).findings
    found = {f.code: f for f in findings if f.code in ("U110", "U111")}
    assert {code: f.severity for code, f in found.items()} == {"U110": "info", "U111": "info"}
    assert "acme/uwsgi-base:1 is not one wsgilint knows" in found["U111"].message
    bare = {"Dockerfile": "FROM python:3.12\nCOPY uwsgi.ini /srv/uwsgi.ini\n", "uwsgi.ini": files["uwsgi.ini"]}
    severities = {f.code: f.severity for f in check([str(write_tree(tmp_path / "bare", bare))]).findings}
    # python:3.12 starts no uWSGI and the Dockerfile has no CMD: nothing in the files starts the ini,
    # so whether a manager watches it (U111) is an assumption; a missing master (U110) is not.
    assert severities["U110"] == "warning" and severities["U111"] == "info"


def test_x101_beside_an_unknown_image_is_an_assumption_only_where_that_image_could_bind(tmp_path: Path) -> None:
    here = Path(__file__).parent / "fixtures" / "X101"
    same = check([str(here / "unknown-base-image-may-bind-the-socket")]).findings
    other = check([str(here / "unknown-base-image-in-another-container-still-errors")]).findings
    assert [f.severity for f in same if f.code == "X101"] == ["info"]
    assert [f.severity for f in other if f.code == "X101"] == ["error"]


def test_a_base_image_left_to_the_build_command_is_unknown_and_named_as_written(tmp_path: Path) -> None:
    files = {"Dockerfile": "ARG BASE\nFROM $BASE\nCOPY uwsgi.ini /srv/uwsgi.ini\n",
             "uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\n"}
    [finding] = [f for f in check([str(write_tree(tmp_path, files))]).findings if f.code == "U111"]
    assert finding.severity == "info" and "the base image $BASE is not one wsgilint knows" in finding.message


def test_each_container_reads_its_own_files_at_a_path_two_images_share(tmp_path: Path) -> None:
    """Both images copy their own folder to /app: each Gunicorn loads its own folder's
    config, and a bind mount over /app in one service leaves the other's alone."""
    dockerfile = "FROM python:3.12\nCOPY . /app\nWORKDIR /app\nCMD [\"gunicorn\", \"-c\", \"/app/gunicorn.conf.py\", \"w:app\"]\n"
    _, deployment = _places(tmp_path, {
        "compose.yaml": "services:\n  one:\n    build: ./one\n  two:\n    build: ./two\n"
                        "  three:\n    build: ./one\n    volumes: ['./three:/app']\n",
        "one/Dockerfile": dockerfile, "one/gunicorn.conf.py": "workers = 1\n",
        "two/Dockerfile": dockerfile, "two/gunicorn.conf.py": "workers = 2\n",
        "three/gunicorn.conf.py": "workers = 3\n"})
    sources = {server.place.name: [Path(source).parent.name for source in server.sources]
               for server in deployment.app_servers}
    assert sources == {"one": ["one"], "two": ["two"], "three": ["three"]}


_SITE = {"Dockerfile": "FROM python:3.12\nWORKDIR /app\nCOPY . /app\nCMD [\"/app/start.sh\"]\n",
         "uwsgi.ini": "[uwsgi]\nmodule = app.wsgi\nsocket = :8000\n",
         "compose.yaml": "services:\n  web:\n    build: .\n"}


def _servers(tmp_path: Path, start: str, **files: str) -> tuple[list[str], dict[str, str]]:
    result = check([str(write_tree(tmp_path, {**_SITE, "start.sh": start, **files}))])
    reasons = {Path(f.display).name: f.reason for f in result.files}
    return sorted(f"{s.kind}@{s.place.name}" for s in result.deployment.app_servers), reasons


def test_a_config_the_containers_start_does_not_run_is_no_app_server(tmp_path: Path) -> None:
    """The image's start script runs Gunicorn; its uWSGI line is commented out."""
    servers, reasons = _servers(tmp_path, "#!/bin/sh\n# uwsgi --ini /app/uwsgi.ini\nexec gunicorn app.wsgi -b :8000\n")
    assert servers == ["gunicorn@web"]
    assert "; copied or mounted into Compose service web, whose start (" in reasons["uwsgi.ini"]
    assert reasons["uwsgi.ini"].endswith(
        "start.sh:3) runs Gunicorn, not this file, and nothing else in the checked files starts it there; "
        "not checked as a running app")


def test_a_live_uwsgi_line_runs_the_config_in_the_container(tmp_path: Path) -> None:
    servers, reasons = _servers(tmp_path, "#!/bin/sh\ncd /app && exec uwsgi --ini uwsgi.ini\n")
    assert servers == ["uwsgi@web"] and "not checked" not in reasons["uwsgi.ini"]


@pytest.mark.parametrize("start", [
    "#!/bin/sh\n./before.sh\nexec gunicorn app.wsgi -b :8000\n",     # another script may start it
    "#!/bin/sh\nexec \"$@\"\n",                                      # the start is the command line given
])
def test_where_the_files_cannot_show_the_whole_start_the_config_stands_alone(tmp_path: Path, start: str) -> None:
    servers, reasons = _servers(tmp_path, start)
    assert "uwsgi@host" in servers and "not checked" not in reasons["uwsgi.ini"]


def test_a_config_in_no_container_stands_alone_as_before(tmp_path: Path) -> None:
    files = {"uwsgi.ini": _SITE["uwsgi.ini"], "compose.yaml": "services:\n  web:\n    build: ./image\n",
             "image/Dockerfile": "FROM python:3.12\nCMD [\"gunicorn\", \"app.wsgi\"]\n"}
    deployment = check([str(write_tree(tmp_path, files))]).deployment
    assert sorted(f"{s.kind}@{s.place.name}" for s in deployment.app_servers) == ["gunicorn@web", "uwsgi@host"]


def test_a_gunicorn_config_beside_a_gunicorn_started_in_an_unknown_directory_stands_alone(tmp_path: Path) -> None:
    """Gunicorn loads ./gunicorn.conf.py from where it starts: unknown there (a working_dir
    from the shell that runs Compose), so it may be this one."""
    files = {"Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"gunicorn\", \"app.wsgi\"]\n",
             "conf/gunicorn.conf.py": "workers = 3\n",
             "compose.yaml": "services:\n  web:\n    build: .\n    working_dir: ${APP_DIR}\n"}
    servers, reasons = _servers(tmp_path, "", **files)
    assert sorted(servers) == ["gunicorn@host", "gunicorn@web"]


def test_an_image_without_workdir_starts_its_command_in_the_root(tmp_path: Path) -> None:
    """No WORKDIR in the build nor in its known base: Docker starts the command in `/`, so
    Gunicorn looks for /gunicorn.conf.py, not the config copied to /app/conf."""
    files = {"Dockerfile": "FROM python:3.12\nCOPY . /app\nCMD [\"gunicorn\", \"app.wsgi\"]\n",
             "conf/gunicorn.conf.py": "workers = 3\n"}
    servers, _ = _servers(tmp_path, "", **files)
    assert servers == ["gunicorn@web"]


@pytest.mark.parametrize("written", ["nginx", "nginx:1.27-alpine", "docker.io/library/nginx:stable-perl",
                                     "nginx:mainline@sha256:" + "0" * 64])
def test_the_official_nginx_image_starts_nginx_through_a_script_that_execs_it(written: str) -> None:
    nginx = base_image(written, None)
    assert nginx.known and nginx.entrypoint == ("/docker-entrypoint.sh",) and nginx.entrypoint_execs
    assert (nginx.cmd, nginx.stop_signal, nginx.user) == (("nginx", "-g", "daemon off;"), "QUIT", "")
    unprivileged = base_image("nginxinc/nginx-unprivileged:1.27-alpine", None)
    assert (unprivileged.cmd, unprivileged.stop_signal, unprivileged.user) == (nginx.cmd, "QUIT", "101")


def _djangos(tmp_path: Path, base: str, dockerfile_extra: str = "") -> Deployment:
    """Two Gunicorn services on port 8000 and an nginx built from ``base`` routing to each by name
    (the shape of 86Ilya/DjangoCASExample)."""
    app = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nUSER app\n"
    _, deployment = _places(tmp_path, {
        "compose.yaml": "services:\n  djangoauth:\n    build: ./auth\n    command: gunicorn auth.wsgi -b 0.0.0.0:8000\n"
                        "  djangoapp:\n    build: ./app\n    command: gunicorn app.wsgi -b 0.0.0.0:8000\n"
                        "  nginx:\n    build: ./nginx\n    ports:\n      - \"8080:8080\"\n",
        "auth/Dockerfile": app, "app/Dockerfile": app,
        "nginx/Dockerfile": f"FROM {base}\nCOPY djangos.conf /etc/nginx/conf.d/\n{dockerfile_extra}",
        "nginx/djangos.conf": "server {\n  listen 8080;\n  location /accounts/ { proxy_pass http://djangoauth:8000; }\n"
                              "  location / { proxy_pass http://djangoapp:8000; }\n}\n"})
    return deployment


def _reached(deployment: Deployment) -> dict[str, list[str]]:
    return {str(reach.target.address): sorted(listener.server.place.name for listener in reach.listeners)
            for reach in deployment.reaches}


def test_a_build_from_the_nginx_image_without_cmd_runs_nginx_in_its_container(tmp_path: Path) -> None:
    deployment = _djangos(tmp_path, "nginx:1.25-alpine")
    [manager] = [m for m in deployment.managers if m.place.name == "nginx"]
    assert manager.argv is not None and manager.stop_signal is not None
    assert (manager.runs_program, manager.argv.value, manager.stop_signal.value) == \
        ("nginx", ["nginx", "-g", "daemon off;"], "QUIT")
    [instance] = deployment.nginx
    assert instance.place.name == "nginx"
    # Each service name reaches its own service's Gunicorn, not every listener on port 8000.
    assert _reached(deployment) == {"djangoauth:8000": ["djangoauth"], "djangoapp:8000": ["djangoapp"]}


def test_a_cmd_or_entrypoint_of_the_build_replaces_the_images_start(tmp_path: Path) -> None:
    debug = _djangos(tmp_path / "cmd", "nginx", 'CMD ["nginx-debug", "-g", "daemon off;"]\n')
    [manager] = [m for m in debug.managers if m.place.name == "nginx"]
    assert manager.argv is not None and manager.argv.value == ["nginx-debug", "-g", "daemon off;"]
    assert manager.argv.at is not None and manager.argv.at.path.endswith("nginx/Dockerfile") and manager.argv.at.line == 3
    own = _djangos(tmp_path / "entrypoint", "nginx", 'ENTRYPOINT ["/start.sh"]\n')
    [manager] = [m for m in own.managers if m.place.name == "nginx"]
    # Its own ENTRYPOINT drops the image's CMD, and what /start.sh starts is not in the files.
    assert manager.argv is not None and manager.argv.value == ["/start.sh"] and manager.runs_program != "nginx"
    assert own.nginx[0].place.kind == "host"


def test_the_unprivileged_nginx_image_runs_as_uid_101(tmp_path: Path) -> None:
    deployment = _djangos(tmp_path, "nginxinc/nginx-unprivileged:stable")
    [manager] = [m for m in deployment.managers if m.place.name == "nginx"]
    assert manager.user is not None and manager.user.value == "101" and manager.user.at is None
    assert manager.runs_program == "nginx" and deployment.nginx[0].place.name == "nginx"


@pytest.mark.parametrize(("base", "extra", "user"), [
    ("nginx:1.25-alpine", "", "nginx"),                       # `user  nginx;` of the image's nginx.conf
    ("nginxinc/nginx-unprivileged:stable", "", "nginx"),      # no `user`; USER 101, the image's nginx
    ("nginx", "USER 1000\n", "1000"),                         # a master that is not root keeps its workers
    ("nginx", "RUN sed -i '/user  nginx;/d' /etc/nginx/nginx.conf\n", ""),   # edited where the files cannot see
    ("nginx", "RUN rm /etc/nginx/conf.d/default.conf\n", "nginx"),
    ("nginx", 'CMD ["nginx", "-c", "/srv/nginx.conf", "-g", "daemon off;"]\n', ""),   # another nginx.conf runs
    ("registry.example.com/web/nginx-base:3", "", ""),        # an image whose nginx.conf is unknown
])
def test_a_fragment_in_the_image_runs_as_the_user_of_the_images_nginx_conf(tmp_path: Path, base: str, extra: str,
                                                                           user: str) -> None:
    [instance] = _djangos(tmp_path, base, extra).nginx
    assert instance.standalone and instance.user.value == user
    assert (instance.user.at is not None) is bool(user)


def test_a_fragment_under_the_trees_own_nginx_conf_keeps_its_user(tmp_path: Path) -> None:
    """The tree's nginx.conf copied over the image's: its own ``user`` runs, not the image's."""
    _, deployment = _places(tmp_path, {
        "compose.yaml": "services:\n  web:\n    build: ./nginx\n",
        "nginx/Dockerfile": "FROM nginx:1.25\nCOPY nginx.conf /etc/nginx/nginx.conf\nCOPY conf.d/ /etc/nginx/conf.d/\n",
        "nginx/nginx.conf": "user app;\nevents {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n",
        "nginx/conf.d/site.conf": "server {\n    listen 80;\n}\n"})
    assert [(i.standalone, i.user.value) for i in deployment.nginx] == [(False, "app")]


def test_a_build_from_an_unknown_image_leaves_nginx_where_it_was(tmp_path: Path) -> None:
    deployment = _djangos(tmp_path, "registry.example.com/web/nginx-base:3")
    [manager] = [m for m in deployment.managers if m.place.name == "nginx"]
    assert manager.argv is None and deployment.nginx[0].place.kind == "host"


def test_compose_image_nginx_takes_the_same_start(tmp_path: Path) -> None:
    _, deployment = _places(tmp_path, {"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n"
                                                       "    command: [nginx-debug, -g, 'daemon off;']\n"})
    [manager] = deployment.managers
    assert manager.argv is not None and manager.stop_signal is not None
    assert (manager.runs_program, manager.argv.value, manager.stop_signal.value) == \
        ("nginx", ["nginx-debug", "-g", "daemon off;"], "QUIT")   # the image's nginx built with --with-debug


@pytest.mark.parametrize(("host", "resolves"), [
    ("site-web-1", True), ("site_web_1", True), ("my-site-web-12", True),
    ("web", True), ("web-1", False), ("-web-1", False), ("site-web-", False), ("site-web_1", False),
    ("site-webapp-1", False), ("site-web-1x", False),
])
def test_compose_names_a_services_containers_by_project_service_and_number(host: str, resolves: bool) -> None:
    nginx = Place("nginx", "container", networks=("p/default",))
    web = Place("web", "container", networks=("p/default",), hostnames=("web",), numbered="web")
    assert nginx.resolves(host, web) is resolves
    named = Place("web", "container", networks=("p/default",), hostnames=("web", "api"))   # container_name: api
    assert not nginx.resolves("site-web-1", named)


@pytest.mark.parametrize(("written", "name"), [
    ("My.App", "myapp"), ("deploy", "deploy"), ("_Web-Site_2", "web-site_2"), ("--x", "x"), ("Ünï", "n"),
])
def test_a_project_name_is_normalized_as_compose_go_does(written: str, name: str) -> None:
    assert normalize_project_name(written) == name


@pytest.mark.parametrize(("files", "name", "given_by"), [
    ({"My.App/compose.yaml": "services: {}\n"}, "myapp", "directory"),
    ({"My.App/compose.yaml": "name: Shop\nservices: {}\n"}, "shop", "name:"),
    ({"My.App/compose.yaml": "name: ${APP}\nservices: {}\n", "My.App/.env": "APP=site\n"}, "site", "name:"),
    ({"My.App/compose.yaml": "name: shop\nservices: {}\n", "My.App/.env": "COMPOSE_PROJECT_NAME=portal\n"},
     "portal", "COMPOSE_PROJECT_NAME in .env"),
])
def test_the_project_name_follows_compose_precedence(tmp_path: Path, files: dict[str, str], name: str,
                                                      given_by: str) -> None:
    root = write_tree(tmp_path, files)
    project = read_project([str(root / "My.App" / "compose.yaml")], ReadContext())
    assert (project.name, project.name_from) == (name, given_by)


def test_networks_and_volumes_are_named_by_the_project_as_the_engine_names_them(tmp_path: Path) -> None:
    _, deployment = _places(tmp_path, {
        "a/docker/compose.yaml": "services:\n  web:\n    image: a\n    volumes: [s:/run/x]\n",
        "b/Docker/compose.yaml": "services:\n  proxy:\n    image: b\n    volumes: [s:/sock]\n",
        "c/docker/compose.yaml": "name: other\nservices:\n  web:\n    image: c\n    volumes: [s:/run/x]\n",
    })
    by_file = {Path(place.started_with).parent.parent.name: place for place in deployment.places}
    # Two folders Compose names alike (`docker`) are one project: one default network, one volume.
    assert by_file["a"].networks == by_file["b"].networks == ("network:docker_default",)
    assert by_file["a"].locate("/run/x/app.sock") == by_file["b"].locate("/sock/app.sock") == \
        ("volume:docker_s", "app.sock")
    assert by_file["c"].networks == ("network:other_default",)
    assert by_file["c"].locate("/run/x/app.sock")[0] == "volume:other_s"
    # A service of one name in projects of one name is one container.
    assert not by_file["a"].same_container(by_file["c"])


def _shipped(tmp_path: Path, files: dict[str, str]) -> Any:
    deployment = check([str(write_tree(tmp_path, files))]).deployment
    return {instance.main.path.split("/")[-1]: instance.stock_files for instance in deployment.nginx}


def test_a_folder_mounted_over_etc_nginx_or_conf_d_hides_the_images_files(tmp_path: Path) -> None:
    app = "server {\n    listen 80;\n    location / { proxy_pass http://app:8000; }\n}\n"
    shipped = _shipped(tmp_path / "all", {
        "compose.yaml": "services:\n  web:\n    image: nginx:1.25\n    volumes: ['./nginx:/etc/nginx']\n",
        "nginx/nginx.conf": "events {}\nhttp { include conf.d/*.conf; }\n", "nginx/conf.d/app.conf": app})
    assert shipped["nginx.conf"] == frozenset()
    shipped = _shipped(tmp_path / "conf.d", {
        "compose.yaml": "services:\n  web:\n    image: nginx:1.25\n    volumes: ['./conf.d:/etc/nginx/conf.d']\n",
        "conf.d/app.conf": app})
    assert "mime.types" in shipped["app.conf"] and "conf.d/default.conf" not in shipped["app.conf"]
    # Whatever the image: python with nginx installed by a RUN has only the mounted files there.
    shipped = _shipped(tmp_path / "other", {
        "compose.yaml": "services:\n  web:\n    build: .\n    command: nginx -g 'daemon off;'\n"
                        "    volumes: ['./nginx:/etc/nginx']\n",
        "Dockerfile": "FROM python:3.12\nRUN apt-get install -y nginx\n",
        "nginx/nginx.conf": "events {}\nhttp { include conf.d/*.conf; }\n", "nginx/conf.d/app.conf": app})
    assert shipped["nginx.conf"] == frozenset()


@pytest.mark.parametrize(("files", "runs"), [
    # BuildKit reads a lowercase `dockerfile` when `Dockerfile` is missing, named or not.
    ({"compose.yaml": "services:\n  web:\n    build: .\n"}, ["gunicorn@web"]),
    ({"compose.yaml": "services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile\n"},
     ["gunicorn@web"]),
    # Only for the name `Dockerfile`: `Dockerfile.prod` is read as named or not at all.
    ({"compose.yaml": "services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n"}, []),
    # `Dockerfile` comes first when both are there.
    ({"compose.yaml": "services:\n  web:\n    build: .\n",
      "Dockerfile": "FROM python:3.12\nCMD [\"uwsgi\", \"--http\", \":8000\"]\n"}, ["uwsgi@web"]),
])
def test_a_lowercase_dockerfile_is_the_build_buildkit_falls_back_to(
        tmp_path: Path, files: dict[str, str], runs: list[str]) -> None:
    lowercase = {"dockerfile": "FROM python:3.12\nCMD [\"gunicorn\", \"-b\", \":8000\", \"app.wsgi\"]\n",
                 "dockerfile.prod": "FROM python:3.12\nCMD [\"gunicorn\", \"-b\", \":8000\", \"app.wsgi\"]\n"}
    deployment = check([str(write_tree(tmp_path, {**lowercase, **files}))]).deployment
    # (A Dockerfile no service builds is a place of its own, named by its path.)
    assert sorted(f"{s.kind}@{s.place.name}" for s in deployment.app_servers if s.place.name == "web") == runs


@pytest.mark.parametrize(("run", "off"), [
    ('echo "daemon off;" >> /etc/nginx/nginx.conf', True),
    ('apt-get install -y nginx && echo "\\ndaemon off;" >> /etc/nginx//nginx.conf', True),
    ("printf 'user www;\\ndaemon off;\\n' >>/etc/nginx/nginx.conf", True),
    ('echo "#daemon off;" >> /etc/nginx/nginx.conf', False),          # a comment
    ('echo "daemon off;" > /etc/nginx/conf.d/x.conf', False),         # another file
    ('echo "daemon off;" >> /tmp/nginx.conf', False),
])
def test_a_run_that_appends_daemon_off_to_nginx_conf(tmp_path: Path, run: str, off: bool) -> None:
    dockerfile = parse_dockerfile(f"FROM python:3.12-slim\nRUN {run}\nCMD [\"nginx\"]\n", "Dockerfile")
    image = image_of(dockerfile, str(tmp_path))
    assert (image.nginx_daemon_off is not None) == off
    assert image.nginx_daemon_off is None or image.nginx_daemon_off.at is not None


_FIXTURES = Path(__file__).parent / "fixtures" / "X101"


def test_supervisord_without_c_runs_only_the_files_it_reads() -> None:
    """`COPY . /code/app` puts conf/supervisor.conf where a stock supervisord never looks
    (it reads /etc/supervisor/conf.d/*.conf): its programs stay on the host; copied into
    conf.d, they run in the image."""
    elsewhere = check([str(_FIXTURES / "near-miss-supervisor-config-copied-where-supervisord-does-not-read")])
    assert [m.place.kind for m in elsewhere.deployment.managers if m.kind == "supervisor"] == ["host"]
    into = check([str(_FIXTURES / "supervisor-config-copied-into-conf-d-host-nginx")])
    assert [m.place.kind for m in into.deployment.managers if m.kind == "supervisor"] == ["container"]


_SUBFOLDER_BUILD = {
    "docker/Dockerfile": "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y supervisor uwsgi\n"
                         "WORKDIR /srv/app\nCOPY . /srv/app\nCOPY supervisor-app.conf /etc/supervisor/conf.d/\n"
                         "CMD [\"supervisord\", \"-n\"]\n",
    "supervisor-app.conf": "[program:app]\ncommand=/usr/bin/uwsgi --ini /srv/app/uwsgi.ini\n",
    "uwsgi.ini": "[uwsgi]\nplugin = python3\nmodule = app.wsgi\nsocket = 127.0.0.1:8000\npidfile = app.pid\n",
    "app/wsgi.py": "application = None\n",
}


@pytest.mark.parametrize(("beside", "program"), [
    ({}, "container"),                                            # the sources are only at the top: built from there
    ({"docker/supervisor-app.conf": _SUBFOLDER_BUILD["supervisor-app.conf"]}, "host"),   # all beside it
])
def test_a_dockerfile_in_a_subfolder_is_built_from_the_nearest_folder_holding_its_sources(
        tmp_path: Path, beside: dict[str, str], program: str) -> None:
    """`docker build -f docker/Dockerfile .`: a build runs only from a context holding what it
    copies. Built from the top, supervisord runs the config's programs in the image, starting
    each where it starts itself (WORKDIR; it changes directory only when it daemonizes), so
    the relative pidfile lands in /srv/app (no U118). With everything beside the Dockerfile, its
    own folder is the context: the image holds docker/'s copy of the config, and the one at the
    top stays on the host."""
    tree = write_tree(tmp_path, {**_SUBFOLDER_BUILD, **beside})
    result = check([str(tree)])
    top = str(tree / "supervisor-app.conf")
    programs = [m for m in result.deployment.managers if m.kind == "supervisor" and m.at.path == top]
    assert [m.place.kind for m in programs] == [program]
    if program == "container":
        assert programs[0].directory is not None and programs[0].directory.value == "/srv/app"
        assert "U118" not in {f.code for f in result.findings}


def test_a_dockerfile_whose_sources_no_folder_holds_keeps_its_own_folder(tmp_path: Path) -> None:
    """Sources no folder of the tree holds (a build step makes them): the context is not
    known, and the Dockerfile's own folder stands for it, as before."""
    tree = write_tree(tmp_path, {**_SUBFOLDER_BUILD, "docker/Dockerfile": _SUBFOLDER_BUILD["docker/Dockerfile"]
                                 + "COPY dist/ /srv/app/static/\n"})
    result = check([str(tree)])
    programs = [m for m in result.deployment.managers if m.kind == "supervisor"]
    assert [m.place.kind for m in programs] == ["host"]


_SCRIPT_BUILT = {
    "docker-compose.yml": "services:\n  web:\n    image: acme/web-nginx:main\n    ports:\n      - \"80:80\"\n",
    "nginx/Dockerfile": "FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n",
    "nginx/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_pass http://app:8000;\n    }\n}\n",
}


@pytest.mark.parametrize(("script", "in_image"), [
    ("#!/bin/sh\ndocker buildx build --platform linux/amd64 \\\n    -t acme/web-nginx:latest -t acme/web-nginx:$1 --push nginx/\n",
     True),
    ("#!/bin/sh\ndocker build -t acme/web-nginx:latest -f nginx/Dockerfile nginx\n", True),
    ("#!/bin/sh\ndocker build -t acme/other:latest nginx/\n", False),      # another name
    ("#!/bin/sh\ndocker build -t $IMAGE nginx/\n", False),                  # a name only known when it runs
])
def test_a_compose_image_a_script_of_the_tree_builds_is_that_dockerfiles(tmp_path: Path, script: str,
                                                                          in_image: bool) -> None:
    """`image: acme/web-nginx:main` with no `build:`, where build.sh builds acme/web-nginx from
    nginx/: the service runs that Dockerfile's image, whose COPY puts nginx.conf in its nginx."""
    result = check([str(write_tree(tmp_path, {**_SCRIPT_BUILT, "build.sh": script}))])
    [instance] = result.deployment.nginx
    assert (instance.place.kind == "container" and instance.place.name == "web") is in_image


def test_x101_never_suggests_the_address_it_reports() -> None:
    result = check([str(_FIXTURES / "supervisor-config-copied-into-conf-d-host-nginx")], select=("X101",))
    [finding] = result.findings
    assert "did you mean" not in finding.message
    assert "listens at 127.0.0.1:5000 in the image of " in finding.message
    assert finding.message.endswith("/Dockerfile, not where this nginx runs (host)")


def _tree(root: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return [str(root / name) for name in files if name.endswith(".yml")]


def test_compose_file_in_dotenv_chooses_the_files(tmp_path: Path) -> None:
    """compose-go reads COMPOSE_FILE from the project's .env, split at COMPOSE_PATH_SEPARATOR
    (else ':'); it replaces the default names, and a file it does not name is its own project."""
    paths = _tree(tmp_path, {
        ".env": "COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=docker-compose.yml;docker-compose.devel.yml\n",
        "docker-compose.yml": "services:\n  web:\n    image: a\n",
        "docker-compose.devel.yml": "services:\n  web:\n    image: b\n",
        "docker-compose.prod.yml": "services:\n  web:\n    image: c\n"})
    grouped = projects_of(paths, ReadContext(cwd=str(tmp_path)))
    assert [[os.path.basename(p) for p in entry.files] for entry in grouped] == [
        ["docker-compose.yml", "docker-compose.devel.yml"], ["docker-compose.prod.yml"]]


def test_a_file_of_service_fragments_is_an_override_of_its_folders_project(tmp_path: Path) -> None:
    """A service with no image and no build cannot run alone: its file is merged over the
    project of the folder that defines the service (xeqthor/tut's docker-compose.devel.yml)."""
    paths = _tree(tmp_path, {
        "docker-compose.yml": "x-b: &b\n  build: .\nservices:\n  web:\n    <<: *b\n",
        "docker-compose.devel.yml": "services:\n  web:\n    volumes: ['.:/app']\n  extra:\n    image: x\n",
        "docker-compose.other.yml": "services:\n  db:\n    image: postgres\n"})
    grouped = projects_of(paths, ReadContext(cwd=str(tmp_path)))
    assert [([os.path.basename(p) for p in entry.files], entry.services) for entry in grouped] == [
        (["docker-compose.yml"], None), (["docker-compose.yml", "docker-compose.devel.yml"], {"web", "extra"}),
        (["docker-compose.other.yml"], None)]


@pytest.mark.parametrize(("entrypoint", "command", "expected"), [
    ('""', None, ["/start.sh"]),        # emptied: the engine keeps the image's CMD (moby merge)
    ("[]", None, ["/start.sh"]),
    ('""', '["nginx", "-g", "daemon off;"]', ["nginx", "-g", "daemon off;"]),
    ('["/init"]', None, ["/init"]),     # a non-empty one drops the image's CMD
])
def test_an_empty_entrypoint_keeps_the_image_cmd(tmp_path: Path, entrypoint: str, command: str | None,
                                                 expected: list[str]) -> None:
    _, deployment = _places(tmp_path, {
        "compose.yaml": f"services:\n  web:\n    build: .\n    entrypoint: {entrypoint}\n"
                        + (f"    command: {command}\n" if command else ""),
        "Dockerfile": 'FROM ubuntu:jammy\nENTRYPOINT ["holdup", "--"]\nCMD ["/start.sh"]\n'})
    [manager] = deployment.managers
    assert manager.argv is not None and manager.argv.value == expected


def _built_images(tmp_path: Path, compose: str, dockerfiles: dict[str, str]) -> dict[str, Any]:
    """Each Compose service's environment and its image's base, by service name."""
    files = {"compose.yaml": compose, **{f"{name}/Dockerfile": text for name, text in dockerfiles.items()}}
    _, deployment = _places(tmp_path, files)
    return {m.name: ({k: s.value for k, s in m.environment.items()}, m.environment_unseen is None)
            for m in deployment.managers}


def test_a_from_naming_a_build_of_the_project_inherits_its_layers(tmp_path: Path) -> None:
    # Compose tags service base's image `<project>_base` (v1) or `<project>-base` (v2), or
    # by its `image:`; a FROM of that name starts from that build, whatever the service order.
    compose = ("name: shop\nservices:\n  app:\n    build: app\n  web:\n    build: web\n"
               "  base:\n    build: base\n  tool:\n    build: tool\n    image: shop/tool:2\n"
               "  other:\n    build: other\n")
    found = _built_images(tmp_path, compose, {
        "base": "FROM python:3.12-slim\nENV A=1\n", "app": "FROM shop_base\nENV B=2\n",
        "web": "FROM shop-base:latest\n", "tool": "FROM python:3.12\nENV T=1\n",
        "other": "FROM shop/tool:2\nFROM elsewhere_base\n"})
    assert found["app"] == ({"A": "1", "B": "2"}, True)
    assert found["web"] == ({"A": "1"}, True)
    # The last stage is FROM an image another project tags: not this project's build.
    assert found["other"] == ({}, False)


def test_a_build_tag_under_a_folder_named_project_takes_any_prefix(tmp_path: Path) -> None:
    # Without `name:` or COMPOSE_PROJECT_NAME the project runs under a name the files do not
    # show (the checkout's folder, or `-p`): `fin_base` is taken as service base's build.
    found = _built_images(tmp_path, "services:\n  base:\n    build: base\n  app:\n    build: app\n", {
        "base": "FROM ubuntu:jammy\nENV A=1\n", "app": "FROM fin_base\n"})
    assert found["app"] == ({"A": "1"}, True)


def test_a_cycle_of_project_builds_ends(tmp_path: Path) -> None:
    # No engine builds it; the model stops and leaves each base unknown.
    found = _built_images(tmp_path, "name: p\nservices:\n  a:\n    build: a\n  b:\n    build: b\n", {
        "a": "FROM p_b\nENV A=1\n", "b": "FROM p_a\nENV B=1\n"})
    assert found["a"][1] is False or found["b"][1] is False


@pytest.mark.parametrize(("run", "debian"), [
    ("apt-get update && apt-get install -yq --no-install-recommends nginx-core", True),
    ("apt install -y nginx=1.18.0-6ubuntu14", True),
    ("apt-get install -y python3-nginx-helper", False),
    ("apk add nginx", False),
])
def test_nginx_installed_by_apt_has_debians_layout(tmp_path: Path, run: str, debian: bool) -> None:
    dockerfile = parse_dockerfile(f"FROM registry.example.com/base:1\nRUN {run}\n", "Dockerfile")
    base = image_of(dockerfile, str(tmp_path)).base
    assert base is not None and not base.known
    assert base.nginx_includes == (("/etc/nginx/conf.d/*.conf", "/etc/nginx/sites-enabled/*") if debian else None)


def test_browser_urls_are_loopback_urls_under_a_frontend_prefix(tmp_path: Path) -> None:
    places, deployment = _places(tmp_path, {"compose.yaml": (
        "services:\n"
        "  spa:\n"
        "    image: node:22\n"
        "    environment:\n"
        "      - NEXT_PUBLIC_API_URL=http://127.0.0.1:8001/api\n"
        "      - NEXT_PUBLIC_SITE=https://localhost\n"
        "      - NEXT_PUBLIC_CDN=https://cdn.example.com\n"
        "      - API_URL=http://localhost:8002\n"
        "      - VITE_FROM_SHELL=${UNSET_IN_FILES}\n"
        "  vite:\n"
        "    build:\n"
        "      context: .\n"
        "      args:\n"
        "        VITE_API_URL: ${VITE_API_URL:-http://localhost:5000/api}\n")})
    assert [(url.variable, url.port, url.at.line) for url in places["spa"].browser_urls] == [
        ("NEXT_PUBLIC_API_URL", 8001, 5), ("NEXT_PUBLIC_SITE", 443, 6)]
    assert [(url.variable, url.url, url.port) for url in places["vite"].browser_urls] == [
        ("VITE_API_URL", "http://localhost:5000/api", 5000)]
    found = deployment.browser_url_to(places["spa"], 5000)
    assert found is not None and found[0] is places["vite"]
    assert deployment.browser_url_to(places["spa"], 8002) is None


@pytest.mark.parametrize(("base", "runs", "groups"), [
    # busybox's adduser makes the user's own group with the uid as its gid (adduser.c).
    ("python:3.9-alpine3.18", ["adduser -D -u 1000 uwsgi", "addgroup nginx uwsgi"],
     {"uwsgi": ("1000", {"uwsgi", "nginx"})}),
    ("alpine:3.20", ["addgroup -g 2000 -S app", "adduser -S -G app app", "adduser nginx app"],
     {"app": ("2000", {"app", "nginx"})}),
    # Debian's adduser and shadow-utils: a group's id only where it is written.
    ("python:3.12-slim", ["groupadd -g 3000 web && useradd -g web -G web,www-data app",
                          "usermod -aG web www-data", "gpasswd -a nobody web"],
     {"web": ("3000", {"app", "www-data", "nobody"}), "www-data": (None, {"app"})}),
    ("python:3.12-slim", ["adduser --uid 1000 app", "usermod -a -G app $NGINX_USER"], {}),
    ("python:3.12-slim", ["usermod -G app,docker www-data"], {"app": (None, {"www-data"}), "docker": (None, {"www-data"})}),
])
def test_a_build_creates_groups_and_puts_users_in_them(base: str, runs: list[str],
                                                       groups: dict[str, tuple[str | None, set[str]]]) -> None:
    text = f"FROM {base}\n" + "".join(f"RUN {run}\n" for run in runs)
    image = image_of(parse_dockerfile(text, "Dockerfile"), "/ctx")
    assert {name: (group.gid, set(group.members)) for name, group in image.groups.items()} == groups


def test_a_compose_file_indented_as_a_whole_is_read(tmp_path: Path) -> None:
    """YAML lets a document's top mapping sit at any indentation (` version: '2'` / ` services:`):
    such a file is a Compose file, and its services run what they say (the `wiki` service's
    `npm start` is no app of the tree, so nginx's route to it is not checked as one)."""
    write_tree(tmp_path, {
        "docker-compose.yml": " # the stack\n version: '2'\n services:\n   wiki:\n      build: ./wiki/\n"
                              "      expose:\n        - \"3000\"\n   web:\n     build: ./web/\n"
                              "     command: gunicorn site.wsgi -b 0.0.0.0:8000 --user app\n",
        "wiki/Dockerfile": "FROM node:20-slim\nWORKDIR /app\nCOPY . /app\nCMD [\"npm\", \"start\"]\n",
        "web/Dockerfile": "FROM python:3.12-slim\nRUN pip install gunicorn\nCOPY . /srv\nWORKDIR /srv\n",
        "nginx/default.conf": "server {\n    listen 80;\n    location /wiki {\n        proxy_pass http://wiki:3000;\n"
                              "    }\n    location / {\n        proxy_set_header Host $host;\n"
                              "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                              "        proxy_pass http://web:8000;\n    }\n}\n",
    })
    result = check([str(tmp_path)])
    kinds = {source.display.rsplit("/", 1)[-1]: source.kind for source in result.files}
    assert kinds["docker-compose.yml"] == "compose"
    assert sorted(manager.name for manager in result.deployment.managers if manager.kind == "compose") == ["web", "wiki"]
    assert not [f for f in result.findings if f.code == "N102"]


def test_a_file_the_trees_commands_stack_is_read_with_the_files_they_name(tmp_path: Path) -> None:
    """`docker compose -f docker-compose.yml -f docker-compose.prod.yml up` in the file's own
    usage comment, a deploy script (run from the top of the tree) or a README: the prod file
    is read over its base, adding its services, though its service could run alone. A file a
    command names alone, or through a variable, stays a project of its own."""
    paths = _tree(tmp_path, {
        "docker-compose.yml": "services:\n  app:\n    build: .\n    command: sh -c 'gunicorn app:app'\n",
        "docker-compose.prod.yml": "# Usage: docker-compose -f docker-compose.yml -f docker-compose.prod.yml up -d\n"
                                   "services:\n  app:\n    image: app:latest\n    build: .\n",
        "docker-compose.staging.yml": "services:\n  app:\n    image: app:staging\n",
        "docker-compose.test.yml": "services:\n  app:\n    image: app:test\n",
        "deploy/up.sh": "cd \"$(dirname \"$0\")/..\"\n"
                        "docker compose --file docker-compose.yml --file=docker-compose.staging.yml up -d\n",
        "README.md": "Run `docker compose -f docker-compose.test.yml up` or `docker compose -f $BASE -f x.yml up`.\n"})
    texts = [str(tmp_path / name) for name in ("docker-compose.prod.yml", "deploy/up.sh", "README.md")]
    grouped = projects_of(paths, ReadContext(cwd=str(tmp_path), roots=[str(tmp_path)]), texts)
    assert [([os.path.basename(p) for p in entry.files], entry.services) for entry in grouped] == [
        (["docker-compose.yml"], None),
        (["docker-compose.yml", "docker-compose.prod.yml"], {"app"}),
        (["docker-compose.yml", "docker-compose.staging.yml"], {"app"}),
        (["docker-compose.test.yml"], None)]


def test_x115_weighs_the_nginx_conf_of_the_image_not_one_of_the_host() -> None:
    """The image's nginx.conf is Debian's (not in the files): nginx forks away there, whatever
    the host's nginx.conf beside it says, so `exec nginx` alone would not do."""
    result = check([str(_FIXTURES.parent / "X115" / "container-script-nginx-forks-beside-a-host-nginx-conf-with-daemon-off")],
                   select=("X115",))
    [finding] = result.findings
    assert finding.message.startswith("nginx forks away (daemon on by default;")
    assert "replace both lines with `exec nginx -g 'daemon off;'`" in finding.message


@pytest.mark.parametrize(("declared", "in_container"), [
    ("ENV APP_DIR /opt/app", True),
    ("ARG APP_DIR=/opt/app", True),
    ("ARG APP_DIR", False),   # `docker build --build-arg` gives it: which files the RUN links is not known
])
def test_a_run_links_copied_files_by_the_path_its_variables_give(tmp_path: Path, declared: str,
                                                                  in_container: bool) -> None:
    """`ln -s ${APP_DIR}/config/nginx/base.conf /etc/nginx/nginx.conf`: the RUN's shell sees
    the build's ENV and ARG values, so the image's nginx.conf is the tree's file, and the site it
    includes the one linked into sites-enabled (HEMARatings/hemaratings.submit)."""
    _, deployment = _places(tmp_path, {
        "Dockerfile": f"FROM python:3.12-slim\n{declared}\nRUN apt-get update && apt-get install -y nginx supervisor\n"
                      "COPY ./config /opt/app/config\n"
                      "RUN ln -s ${APP_DIR}/config/supervisord.conf /etc/supervisor/conf.d/app.conf \\\n"
                      "    && rm /etc/nginx/sites-enabled/default /etc/nginx/nginx.conf \\\n"
                      "    && ln -s ${APP_DIR}/config/dev/nginx.conf /etc/nginx/sites-enabled/default \\\n"
                      "    && ln -s ${APP_DIR}/config/nginx/base.conf /etc/nginx/nginx.conf\n"
                      "CMD [\"supervisord\", \"-n\"]\n",
        "compose.yaml": "services:\n  web:\n    build: .\n    ports: ['80:80']\n",
        "config/nginx/base.conf": "events {}\nhttp {\n    include /etc/nginx/sites-enabled/*;\n}\n",
        "config/dev/nginx.conf": "server {\n    listen 80;\n    location / {\n        return 200;\n    }\n}\n",
        "config/supervisord.conf": "[program:nginx]\ncommand=nginx -g \"daemon off;\"\n"})
    placed = {i.main.path.split("config/", 1)[1]: i.place.kind for i in deployment.nginx}
    assert placed == ({"nginx/base.conf": "container"} if in_container
                      else {"nginx/base.conf": "host", "dev/nginx.conf": "host"})
