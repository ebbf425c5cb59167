"""The uWSGI command-line reader: getopt_long as uWSGI 2.0 uses it."""
from __future__ import annotations

import os

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.model import Span
from wsgilint.readers.uwsgi_argv import parse_argv

AT = Span("supervisord.conf", 12, 9)


def parse(argv: str | list[str], tmp_path=None, env=None):
    cwd = str(tmp_path) if tmp_path else None
    ctx = ReadContext(mode="live", cwd=cwd or os.getcwd())
    words = argv.split() if isinstance(argv, str) else argv
    return parse_argv(words, AT, ctx, cwd, env or {})


def pairs(command) -> list[tuple[str, str]]:
    return [(o.key, o.value) for o in command.options]


def test_short_and_long_flags():
    command = parse("-s :9090 -w myapp -M -p 4 -t 30 --limit-as 128 -R 10000 -d uwsgi.log --socket=/run/a.sock")
    assert pairs(command) == [
        ("socket", ":9090"), ("module", "myapp"), ("master", "true"), ("processes", "4"), ("harakiri", "30"),
        ("limit-as", "128"), ("max-requests", "10000"), ("daemonize", "uwsgi.log"), ("socket", "/run/a.sock"),
    ]
    assert all(o.at == AT for o in command.options)
    assert command.problems == []


def test_clustered_and_attached_short_flags():
    assert pairs(parse("-Mp8 -p4 -TM")) == [("master", "true"), ("processes", "8"), ("processes", "4"),
                                          ("enable-threads", "true"), ("master", "true")]


def test_optional_argument_needs_the_equals_form():
    command = parse("--chmod-socket=660 -C --master")
    assert pairs(command) == [("chmod-socket", "660"), ("chmod-socket", "true"), ("master", "true")]


def test_unique_prefix_is_accepted_and_ambiguous_or_unknown_is_fatal():
    assert pairs(parse("--processe 3")) == [("processes", "3")]
    command = parse("--proc 3 --no-such-thing=1 --master=1 -q")
    messages = [p.message for p in command.problems]
    assert all(p.kind == "syntax" and p.at == AT for p in command.problems)
    assert "'--proc' is ambiguous" in messages[0]
    assert "unrecognized option '--no-such-thing=1'" in messages[1]
    assert "doesn't allow an argument" in messages[2]
    assert "invalid option -- 'q'" in messages[3]


def test_environment_variables_come_first():
    command = parse("--processes 2", env={"UWSGI_HTTP_SOCKET": ":8000", "UWSGI_RELOADS": "3", "PATH": "/bin"})
    assert pairs(command) == [("http-socket", ":8000"), ("processes", "2")]


def test_ini_is_inserted_at_its_place_and_positionals_load_last(tmp_path):
    (tmp_path / "app.ini").write_text("[uwsgi]\nprocesses = 4\n[other]\nthreads = 2\n")
    (tmp_path / "late.ini").write_text("[uwsgi]\nharakiri = 60\n")
    command = parse(["late.ini", "--master", "--ini", "app.ini:other", "--ini", "app.ini", "-p", "1"], tmp_path)
    assert pairs(command) == [("master", "true"), ("ini", "app.ini:other"), ("threads", "2"), ("ini", "app.ini"),
                              ("processes", "4"), ("processes", "1"), ("harakiri", "60")]
    assert [os.path.basename(f) for f in command.config_files] == ["app.ini", "late.ini"]
    assert command.first_config == "app.ini:other"
    assert command.options[2].at == Span("app.ini", 4, 11, 12)


def test_missing_ini_on_the_command_line(tmp_path):
    command = parse("--ini nothere.ini", tmp_path)
    assert [p.kind for p in command.problems] == ["include-not-found"]


def test_positional_that_is_not_a_config_is_fatal(tmp_path):
    command = parse("app.py", tmp_path)
    assert [p.kind for p in command.problems] == ["syntax"]


def test_config_files_not_read_here_are_named():
    # In a repository, a path of the target host that no checked file ends with is not read.
    ctx = ReadContext(mode="repository")
    command = parse_argv(["-i", "/srv/app/.config/uwsgi.ini>", "--ini", "/home/app/site.ini", "/etc/uwsgi/b.ini",
                          "--ini", "$(CONF)"], AT, ctx, None, {})
    unread = [(config.spec, config.exits) for config in command.unread_configs]
    # -i is single-interpreter: the path is a positional, loaded by its extension, which `.ini>` is not.
    assert unread == [("/home/app/site.ini", False), ("$(CONF)", False), ("/srv/app/.config/uwsgi.ini>", True),
                      ("/etc/uwsgi/b.ini", False)]


def test_a_positional_xml_config_is_loaded_but_not_known(tmp_path):
    """`uwsgi app.xml` loads the file (by its extension): it is the start's config, and what it
    sets is not known here, as for `--xml app.xml`; a positional .ini is read."""
    (tmp_path / "app.xml").write_text("<uwsgi><uid>app</uid></uwsgi>\n")
    (tmp_path / "app.ini").write_text("[uwsgi]\nsocket = :8000\n")
    command = parse("app.xml", tmp_path)
    assert command.config_files == [str(tmp_path / "app.xml")]
    assert [(config.spec, config.exits) for config in command.unread_configs] == [("app.xml", False)]
    assert parse("app.ini", tmp_path).unread_configs == []


@pytest.mark.parametrize("written", [["app.yml"], ["app.yaml"], ["--yaml", "app.yaml"], ["--yml", "app.yml"]])
def test_a_yaml_config_is_read(tmp_path, written):
    """`uwsgi app.yml` (the loader by the extension) and `--yaml app.yml` read the file's
    `uwsgi:` section, as uWSGI's own YAML parser does."""
    (tmp_path / written[-1]).write_text("uwsgi:\n  uid: app\n  socket: :8000\n")
    command = parse(written, tmp_path)
    assert command.config_files == [str(tmp_path / written[-1])]
    assert command.unread_configs == []
    assert [(o.key, o.value) for o in command.options if o.at.path.endswith((".yml", ".yaml"))] == \
        [("uid", "app"), ("socket", ":8000")]


def test_a_scripts_arguments_word_is_open_ended_not_a_file(tmp_path):
    """`exec uwsgi --ini app.ini "$@"` whose caller is not known: "$@" may add any options or
    config files, so the command line is open-ended (an unread config), never a file name."""
    (tmp_path / "app.ini").write_text("[uwsgi]\nsocket = :8000\n")
    command = parse(["--ini", "app.ini", "$@", "-p", "2"], tmp_path)
    assert command.problems == []
    assert ("processes", "2") in pairs(command)
    assert [config.spec for config in command.unread_configs] == ['the arguments the script is run with ("$@")']


def test_an_unexpanded_variable_is_open_ended_not_a_file(tmp_path):
    """`uwsgi --ini app.ini $EXTRA` with no value for EXTRA in the files: sh splits the value
    into any number of words (none when it is empty), so no file named `$EXTRA` is loaded."""
    (tmp_path / "app.ini").write_text("[uwsgi]\nsocket = :8000\n")
    command = parse(["--ini", "app.ini", "$EXTRA", "${MORE:-}", "$1"], tmp_path)
    assert command.problems == []
    assert [config.spec for config in command.unread_configs] == [
        "the words $EXTRA expands to", "the words ${MORE:-} expands to", "the words $1 expands to"]
    assert [p.kind for p in parse(["$EXTRA.py"], tmp_path).problems] == ["syntax"]


def test_a_value_holding_a_shell_variable_is_known_only_at_run_time(tmp_path):
    # A wrapper's `uwsgi --ini "${UWSGI_INI_PATH}"` whose value the script takes from the image's ENV.
    command = parse(["--ini", "${UWSGI_INI_PATH}", "--socket", "/run/$NAME.sock"], tmp_path)
    assert command.problems == []
    assert [(config.spec, config.exits) for config in command.unread_configs] == [("${UWSGI_INI_PATH}", False)]


def test_supervisord_passes_a_dollar_on_as_written(tmp_path):
    # supervisord runs a command without a shell: uWSGI gets `$APP_INI` itself, loads it as a
    # config by its name, and exits (it names no .ini, .xml, .yaml or .yml file).
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    command = parse_argv(["$APP_INI"], AT, ctx, str(tmp_path), {}, shell_words=False)
    assert [p.message.split(":")[0] for p in command.problems] == ["uwsgi"]
    assert "unable to load configuration from $APP_INI" in command.problems[0].message
