from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.core.span import Span
from wsgilint.readers.shell import (
    ServerLine,
    WrapperScript,
    docker_builds,
    hands_over,
    program_of,
    read_wrapper,
    runs_with,
    script_call,
    script_index,
    script_writes,
    server_line_of_shell_command,
)


def maybe_wrapper(tmp_path: Path, text: str, name: str = "start.sh") -> WrapperScript | None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_wrapper(str(path), ReadContext(mode="repository", cwd=str(tmp_path)))


def wrapper(tmp_path: Path, text: str, name: str = "start.sh") -> WrapperScript:
    script = maybe_wrapper(tmp_path, text, name)
    assert script is not None
    return script


def line_of(text: str, shell: str = "sh") -> ServerLine:
    line = server_line_of_shell_command(text, shell)
    assert line is not None
    return line


def test_exec_line_with_continuation_exports_and_cd(tmp_path: Path) -> None:
    script = wrapper(tmp_path, (
        "#!/bin/bash\n"
        "set -e\n"
        "export GUNICORN_CMD_ARGS='--workers 3'\n"
        "cd /srv/app\n"
        "# exec gunicorn commented\n"
        "exec /srv/venv/bin/gunicorn \\\n"
        "    --bind unix:/run/app.sock app:app\n"
    ))
    assert script.shell == "bash"
    assert script.server.program == "gunicorn"
    assert script.server.argv == ["/srv/venv/bin/gunicorn", "--bind", "unix:/run/app.sock", "app:app"]
    assert script.server.execs is True
    assert script.server.directory == "/srv/app"
    assert script.server.exports == {"GUNICORN_CMD_ARGS": "--workers 3"}
    assert script.at == Span("start.sh", 6, 1, 28)


def test_a_substitution_holding_only_a_comment_expands_to_nothing(tmp_path: Path) -> None:
    # `# ...` comments one argument of a long command line (wemake-django-template's start
    # script); bash and dash run it and pass nothing, checked here with the shell itself.
    text = ("#!/bin/sh\n"
            "exec /usr/local/bin/gunicorn server.wsgi \\\n"
            "  --workers=4 `# Sync worker settings` \\\n"
            "  --bind='0.0.0.0:8000' `# Run Django on 8000 port` `` \\\n"
            "  --log-file=-\n")
    script = wrapper(tmp_path, text)
    assert script.server.argv == ["/usr/local/bin/gunicorn", "server.wsgi", "--workers=4", "--bind=0.0.0.0:8000",
                                  "--log-file=-"]
    shell = shutil.which("sh")
    if shell is not None:
        printed = subprocess.run([shell, "-c", "printf '%s\\n' a `# b c` `` d"], capture_output=True, text=True)
        assert printed.stdout.split() == ["a", "d"]


def test_a_quoted_value_over_several_lines_is_one_assignment_with_the_script_s_values(tmp_path: Path) -> None:
    # A double-quoted string goes on over newlines; sh expands the variables set before it.
    script = wrapper(tmp_path, (
        "#!/bin/bash\n"
        'BIND_ADDRESS="unix:/tmp/gunicorn.sock"   # the socket nginx reaches\n'
        'export GUNICORN_CMD_ARGS="\n'
        "  --workers=3   # not a comment inside the quotes\n"
        '  --bind=$BIND_ADDRESS"\n'
        "gunicorn app.wsgi:application\n"
    ))
    assert script.server.argv == ["gunicorn", "app.wsgi:application"]
    assert script.server.line == 6
    assert script.server.exports["GUNICORN_CMD_ARGS"] == \
        "\n  --workers=3   # not a comment inside the quotes\n  --bind=unix:/tmp/gunicorn.sock"
    shell = shutil.which("bash")
    if shell is not None:
        printed = subprocess.run([shell, "-c", 'B=x; A="\n  --w=3 # c\n  --b=$B"; printf %s "$A"'],
                                 capture_output=True, text=True)
        assert printed.stdout == "\n  --w=3 # c\n  --b=x"


def test_the_server_line_gets_the_values_the_script_set(tmp_path: Path) -> None:
    # The start script of the much-copied Gunicorn + Supervisor guide: sh expands what it set.
    script = wrapper(tmp_path, (
        "#!/bin/bash\n"
        "NAME=\"hello_app\"\n"
        "DJANGODIR=/webapps/hello/hello\n"
        "SOCKFILE=/webapps/hello/run/gunicorn.sock\n"
        "RUNDIR=$(dirname $SOCKFILE)\n"
        "MODULE=hello.wsgi\n"
        "cd $DJANGODIR\n"
        "exec ../bin/gunicorn ${MODULE}:application --name $NAME --bind=unix:$SOCKFILE --pid $RUNDIR/g.pid\n"
    ))
    assert script.server.argv == ["../bin/gunicorn", "hello.wsgi:application", "--name", "hello_app",
                                  "--bind=unix:/webapps/hello/run/gunicorn.sock", "--pid", "$RUNDIR/g.pid"]
    assert script.server.directory == "/webapps/hello/hello"


def test_a_value_set_under_a_test_or_only_for_one_command_is_not_known(tmp_path: Path) -> None:
    script = wrapper(tmp_path, (
        "#!/bin/sh\n"
        "PORT=8000\n"
        "if [ -n \"$DEV\" ]; then\n"
        "  PORT=9000\n"
        "fi\n"
        "HOST=0.0.0.0 gunicorn -b $HOST:$PORT app:app\n"
    ))
    assert script.server.argv == ["gunicorn", "-b", "$HOST:$PORT", "app:app"]


def test_without_exec_and_env_prefix(tmp_path: Path) -> None:
    script = wrapper(tmp_path, "#!/bin/sh\nDJANGO_SETTINGS_MODULE=x uwsgi --ini /etc/u.ini\n")
    assert script.server.execs is False
    assert script.server.exports == {"DJANGO_SETTINGS_MODULE": "x"}
    assert script.server.line == 2


def test_env_assignment_before_exec(tmp_path: Path) -> None:
    script = wrapper(tmp_path, "#!/bin/sh\nVAR=x exec python3 -m gunicorn app\n")
    assert script.server.program == "gunicorn"
    assert script.server.execs is True


def test_script_without_server_or_not_shell(tmp_path: Path) -> None:
    assert maybe_wrapper(tmp_path, "#!/bin/sh\necho hello\n") is None
    assert maybe_wrapper(tmp_path, "#!/usr/bin/env python\nimport gunicorn\n", "x.py") is None


def test_shell_dash_c_exec_rules() -> None:
    assert line_of("cd /a; gunicorn app", "bash").execs is True
    assert line_of("cd /a; gunicorn app", "sh").execs is False
    assert line_of("gunicorn app; echo done", "bash").execs is False
    background = line_of("nginx -g 'daemon off;' & wait", "bash")
    assert background.background and not background.execs
    assert line_of("cd /a && exec uwsgi --ini x", "sh").directory == "/a"


def test_program_of() -> None:
    assert program_of(["/srv/venv/bin/gunicorn", "app"]) == "gunicorn"
    assert program_of(["python3.11", "-m", "gunicorn", "app"]) == "gunicorn"
    assert program_of(["/usr/sbin/nginx"]) == "nginx"
    assert program_of(["python", "manage.py"]) == ""
    assert program_of([]) == ""


def test_only_what_sh_runs_counts_comments_and_here_documents(tmp_path: Path) -> None:
    """Checked against dash and bash: `#` starts a comment only at the start of a word, a
    backslash ending a comment continues nothing, and a here-document's body is data."""
    script = wrapper(tmp_path, (
        "#!/bin/sh\n"
        "#uwsgi --ini /app/uwsgi.ini\n"
        "# old start: \\\n"
        "cat > /tmp/note <<-'END'\n"
        "\tuwsgi --ini /app/uwsgi.ini\n"
        "\tEND\n"
        "exec gunicorn app:app --access-logfile=-#all  # the server\n"
    ))
    assert script.server.argv == ["gunicorn", "app:app", "--access-logfile=-#all"]
    assert script.server.line == 7 and script.server.alone
    assert maybe_wrapper(tmp_path, "#!/bin/sh\n# uwsgi --ini a.ini\n# gunicorn app\n") is None
    # The line after a comment that ends in a backslash runs (dash and bash print "hi" for it).
    after = wrapper(tmp_path, "#!/bin/sh\n# was: \\\nuwsgi --ini a.ini\n")
    assert after.server.program == "uwsgi" and after.server.line == 3


def test_a_server_behind_and_and_semicolon_is_the_command() -> None:
    line = line_of("cd /app; python manage.py migrate && exec uwsgi --ini uwsgi.ini # ok")
    assert line.argv == ["uwsgi", "--ini", "uwsgi.ini"] and line.execs and line.directory == "/app"
    assert line.alone


@pytest.mark.parametrize("text", [
    "uwsgi --ini a.ini & exec gunicorn app",            # a second server
    "./migrate.sh; exec gunicorn app",                  # another script: what it starts is not here
    "sh /app/other; exec gunicorn app",
    ". ./env; exec gunicorn app",
    "supervisord -c /etc/s.conf; exec gunicorn app",
    "gosu app uwsgi --ini a.ini & exec gunicorn app",   # a server the recogniser does not follow
    "su app -c 'cd /a; uwsgi --ini a.ini' & exec gunicorn app",
    "exec \"$@\"; gunicorn app",
])
def test_a_start_that_may_run_more_than_its_server_is_not_alone(text: str) -> None:
    assert not line_of(text).alone


def test_words_about_a_server_are_not_a_start_of_one() -> None:
    assert line_of("echo 'starting uwsgi'; echo uwsgi; exec gunicorn app").alone


@pytest.mark.skipif(not shutil.which("dash") or not shutil.which("bash"), reason="needs dash and bash")
@pytest.mark.parametrize("shell", ["dash", "bash"])
@pytest.mark.parametrize("body", [
    "#uwsgi --ini /app/uwsgi.ini\ncd /tmp && gunicorn app.wsgi -b 0.0.0.0:8000 --timeout 300\n",
    "# was: \\\nuwsgi --ini a.ini\n",
    "cat > \"$NOTE\" <<-'END'\n\tuwsgi --ini /app/uwsgi.ini\n\tEND\nexec gunicorn app:app --log-file=-#all # x\n",
    "cd /tmp; python manage.py migrate && exec uwsgi --ini uwsgi.ini # the app server\n",
])
def test_the_server_command_is_the_one_the_shell_runs(tmp_path: Path, shell: str, body: str) -> None:
    """Run the script with stand-ins for the servers that record their argv: what the shell
    runs is what the reader names (the script is the test's own text, not a checked file)."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for name in ("uwsgi", "gunicorn", "python"):
        stub = stubs / name
        stub.write_text(f"#!/bin/sh\nprintf '%s\\n' \"{name} $*\" >> \"$RAN\"\n")
        stub.chmod(0o755)
    script = tmp_path / "start.sh"
    script.write_text(f"#!/bin/{shell}\n{body}")
    ran = tmp_path / "ran"
    subprocess.run([shell, str(script)], check=True, timeout=10,
                   env={"PATH": f"{stubs}:/usr/bin:/bin", "RAN": str(ran), "NOTE": str(tmp_path / "note")})
    servers = [line for line in ran.read_text().splitlines() if not line.startswith("python ")]
    read = wrapper(tmp_path, script.read_text())
    assert servers == [" ".join(read.server.argv)]


def test_what_the_shell_runs_after_the_server_line(tmp_path: Path) -> None:
    # A daemonizing server returns at once: what follows decides whether the shell stays.
    held = server_line_of_shell_command("python manage.py migrate\nuwsgi --ini app.ini\ntail -f /dev/null")
    assert held is not None and (held.after, held.held_by) == ((("tail", "-f", "/dev/null"),), "tail -f /dev/null")
    loop = server_line_of_shell_command("uwsgi --ini app.ini; while true; do sleep 60; done")
    assert loop is not None and loop.held_by == "while true"
    forever = server_line_of_shell_command("uwsgi --ini app.ini && exec sleep infinity")
    assert forever is not None and forever.held_by == "exec sleep infinity"
    returns = server_line_of_shell_command("uwsgi --ini app.ini && echo started")
    assert returns is not None and (returns.after, returns.held_by) == ((("echo", "started"),), "")
    background = server_line_of_shell_command("uwsgi --ini app.ini; tail -f /var/log/app.log &")
    assert background is not None and background.held_by == ""
    last = server_line_of_shell_command("migrate; uwsgi --ini app.ini")
    assert last is not None and last.after == ()
    script = wrapper(tmp_path, "#!/bin/sh\nuwsgi --ini app.ini\ntail -F /srv/app/log\n")
    assert script is not None and script.server.held_by == "tail -F /srv/app/log"



def test_daemons_started_through_their_init_script() -> None:
    line = line_of("uwsgi --ini a.ini &\nservice nginx restart\n/etc/init.d/redis-server start\n"
                   "service cron stop\n/etc/init.d/memcached status\ntail -f /dev/null")
    assert [(service.name, service.line) for service in line.services] == [("nginx", 2), ("redis-server", 3)]
    assert line_of("uwsgi --ini a.ini").services == ()


def test_nginx_started_before_the_server_is_a_daemon_of_that_start() -> None:
    # nginx daemonizes by default: the script goes on to the next line, and nginx runs beside the server.
    line = line_of("ln -s /app/site.conf /etc/nginx/conf.d/\nnginx\nexec uwsgi --ini a.ini")
    assert line.program == "uwsgi" and [(service.name, service.line) for service in line.services] == [("nginx", 2)]
    assert line_of("nginx -g 'daemon off;'").services == ()

_C_TEXTS = ("uwsgi --ini app.ini", "/bin/true; uwsgi --ini app.ini", "/bin/true && uwsgi --ini app.ini",
            "uwsgi --ini app.ini & wait", "trap 'exit 0' TERM; uwsgi --ini app.ini", "uwsgi --ini app.ini; /bin/true")


def _replaced_by_last_command(argv: list[str]) -> bool:
    """Run ``argv`` (a shell whose server is ``sleep 30``) and see whether the shell process
    itself became ``sleep``: the shell exec'd it. The processes started are killed by id."""
    import os
    import signal
    import time
    process = subprocess.Popen(argv, start_new_session=True)
    try:
        for _ in range(50):
            time.sleep(0.05)
            comm = Path(f"/proc/{process.pid}/comm").read_text().strip()
            children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
            if comm == "sleep" or children:
                return comm == "sleep"
        return False
    finally:
        os.killpg(process.pid, signal.SIGKILL)   # its own session: the shell and what it started
        process.wait()


@pytest.mark.parametrize("shell", ["busybox", "dash", "bash"])
@pytest.mark.parametrize("text", _C_TEXTS)
def test_the_exec_of_the_last_command_of_c_follows_the_real_shell(shell: str, text: str) -> None:
    """busybox ash and bash replace themselves with the last simple command of ``-c`` (unless
    a trap is set); Debian's dash does not. The reader says so for each shell."""
    binary = shutil.which(shell)
    if binary is None:
        pytest.skip(f"{shell} is not installed")
    argv = [binary, "sh", "-c"] if shell == "busybox" else [binary, "-c"]
    real = _replaced_by_last_command([*argv, text.replace("uwsgi --ini app.ini", "sleep 30")])
    line = server_line_of_shell_command(text, shell)
    assert line is not None and line.execs is real


def test_an_unknown_sh_leaves_the_last_command_of_c_marked_not_exec() -> None:
    line = server_line_of_shell_command("/bin/true; uwsgi --ini app.ini", "sh")
    assert line is not None and line.last_of_c and not line.execs
    trapped = server_line_of_shell_command("trap 'exit 0' TERM; uwsgi --ini app.ini", "sh")
    assert trapped is not None and not trapped.last_of_c


def test_a_dash_c_text_that_runs_one_script_names_it() -> None:
    assert script_call("/entry_point.sh") == (["/entry_point.sh"], False)
    assert script_call("exec ./start.sh web") == (["./start.sh", "web"], True)
    for text in ("/entry_point.sh; echo done", "cd /app && ./start.sh", "uwsgi --ini x", "echo hi", "$CMD",
                 "/start.sh &"):
        assert script_call(text) is None, text


@pytest.mark.parametrize("shell", ["bash", "dash"])
def test_which_shell_stays_the_parent_of_its_one_script(tmp_path: Path, shell: str) -> None:
    """What ``script_call``'s users assume: bash -c replaces itself with its one command, dash does not."""
    if shutil.which(shell) is None:
        pytest.skip(f"no {shell}")
    script = tmp_path / "entry_point.sh"
    script.write_text("#!/bin/sh\nps -o comm= -p $PPID\n", encoding="utf-8")
    script.chmod(0o755)
    parent = subprocess.run([shell, "-c", str(script)], capture_output=True, text=True, timeout=10,
                            check=True).stdout.strip()
    assert (parent == shell) is (shell == "dash")


_ENTRYPOINTS = {
    "if-args": 'if [ $# -gt 0 ]; then\n  exec "$@"\nelse\n  exec uwsgi --ini /app/uwsgi.ini\nfi\n',
    "and-exec": '[ $# -gt 0 ] && exec "$@"\nexec uwsgi --ini /app/uwsgi.ini\n',
    "bare-exec": 'echo setup\nexec "$@"\nexec uwsgi --ini /app/uwsgi.ini\n',
    "first-is-uwsgi": 'if [ "$1" = \'uwsgi\' ]; then\n  exec uwsgi --ini /app/uwsgi.ini\nfi\nexec "$@"\n',
    "case": 'case "$1" in\n  web) exec uwsgi --ini /app/uwsgi.ini ;;\n  *) exec "$@" ;;\nesac\n',
    "empty-first": 'if [ -z "$1" ]; then\n  exec uwsgi --ini /app/uwsgi.ini\nfi\nexec "$@"\n',
    "setup-then-server": 'echo setup\nexec uwsgi --ini /app/uwsgi.ini\n',
    # A dispatcher that names its first argument (round 29's JLPT-Mock-System): given another
    # word it runs neither the server nor its arguments.
    "dispatcher": 'service="${1:-web}"\nif [ "$service" = "web" ]; then\n  exec uwsgi --ini /app/uwsgi.ini\n'
                  'else\n  echo "unknown service: $service"\n  exit 1\nfi\n',
    "local-in-main": 'main() {\n  local service="${1:-web}"\n  if [ "$service" = "web" ]; then\n'
                     '    exec uwsgi --ini /app/uwsgi.ini\n  fi\n  exec "$@"\n}\nmain "$@"\n',
    # Set again to a word: no longer the argument.
    "alias-set-again": 'service="${1:-web}"\nservice=web\nif [ "$service" = "web" ]; then\n'
                       '  exec uwsgi --ini /app/uwsgi.ini\nfi\nexec "$@"\n',
    "case-of-alias": 'role=${1-web}\ncase "$role" in\n  web) exec uwsgi --ini /app/uwsgi.ini ;;\n'
                     '  *) exec "$@" ;;\nesac\n',
}


@pytest.mark.parametrize("args", [["python", "manage.py", "qcluster"], ["uwsgi"], ["web"], []])
@pytest.mark.parametrize("name", sorted(_ENTRYPOINTS))
def test_which_branch_an_entrypoint_runs_given_arguments_is_what_dash_runs(tmp_path: Path, name: str,
                                                                         args: list[str]) -> None:
    """runs_with against dash itself: a fake `uwsgi` and `python` on PATH say which one ran."""
    if shutil.which("dash") is None:
        pytest.skip("no dash")
    script = wrapper(tmp_path, "#!/bin/sh\n" + _ENTRYPOINTS[name], "entrypoint.sh")
    for program in ("uwsgi", "python", "web"):
        fake = tmp_path / program
        fake.write_text(f"#!/bin/sh\necho {program} \"$@\"\n", encoding="utf-8")
        fake.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin"}
    ran = subprocess.run(["dash", script.path, *args], capture_output=True, text=True, timeout=10, env=env,
                         check=False).stdout
    runs = runs_with(script.server, args)
    assert runs is ("uwsgi --ini" in ran), ran
    if runs is False and args:
        # Where the server line is not reached, the script runs its arguments, or nothing the files show.
        ran_args = any(line.split()[:1] == [os.path.basename(args[0])] for line in ran.splitlines())
        assert hands_over(script.server, args) is ran_args, ran


def test_an_argument_test_the_reader_cannot_evaluate_is_unknown(tmp_path: Path) -> None:
    script = wrapper(tmp_path, '#!/bin/sh\nif [ "$1" = "$ROLE" ]; then\n  exec uwsgi --ini x\nfi\nexec "$@"\n')
    assert runs_with(script.server, ["web"]) is None
    # A test that does not read the arguments is taken as before.
    script = wrapper(tmp_path, '#!/bin/sh\nif [ "$DEBUG" ]; then\n  echo debug\nfi\nexec uwsgi --ini x\n')
    assert runs_with(script.server, ["web"]) is True


@pytest.mark.parametrize(("text", "before", "last"), [
    ("uwsgi uwsgi.ini &\nnginx", [["uwsgi", "uwsgi.ini"]], "nginx"),
    ("gunicorn app:app -b :8000 & exec nginx -g 'daemon off;'", [["gunicorn", "app:app", "-b", ":8000"]], "nginx"),
    ("uwsgi a.ini\nnginx", [], "nginx"),                  # not in the background: it returned before nginx
    ("nginx &\nuwsgi a.ini", [], "uwsgi"),                # only app servers are kept
    ("uwsgi a.ini &\n/usr/bin/supervisord -n", [["uwsgi", "a.ini"]], "supervisord"),
])
def test_servers_started_in_the_background_before_the_last(text: str, before: list[list[str]], last: str) -> None:
    line = server_line_of_shell_command(text)
    assert line is not None and line.program == last
    assert [each.argv for each in line.started_before] == before


@pytest.mark.parametrize(("text", "ran"), [
    ("gunicorn -D -c conf.py app:app\nexec nginx -g 'daemon off;'", [["gunicorn", "-D", "-c", "conf.py", "app:app"]]),
    ("uwsgi --ini a.ini && nginx -g 'daemon off;'", [["uwsgi", "--ini", "a.ini"]]),
    ("uwsgi a.ini &\nnginx", []),                         # in the background: started_before
    ("echo start\nexec gunicorn app:app", []),           # the server is the last line
])
def test_servers_run_in_the_foreground_before_the_last(text: str, ran: list[list[str]]) -> None:
    line = server_line_of_shell_command(text)
    assert line is not None
    assert [each.argv for each in line.ran_before] == ran


def test_files_written_before_the_server_line() -> None:
    text = ("cd /etc/nginx\n"
            "sed -i -e \"s/server a:1/server $B/\" nginx.conf\n"
            "sed -ie s/x/y/ conf.d/a.conf\n"          # GNU: -i with the backup suffix "e"
            "sed -n 's/x/y/p' conf.d/b.conf > /tmp/out\n"
            "envsubst '$PORT' < /t/site.template | tee -a conf.d/site.conf >/dev/null\n"
            "echo ready >&2 2>/dev/null\n"
            "exec nginx -g 'daemon off;' > /var/log/nginx.out\n"
            "sed -i s/a/b/ /etc/nginx/after.conf\n")
    server = server_line_of_shell_command(text)
    assert server is not None and server.program == "nginx"
    assert [(w.path, w.line) for w in server.writes] == [
        ("/etc/nginx/nginx.conf", 2), ("/etc/nginx/conf.d/a.conf", 3), ("/tmp/out", 4),
        ("/etc/nginx/conf.d/site.conf", 5)]
    assert server.writes[0].how == "`sed -i` on nginx.conf"


def test_envsubst_writes_carry_the_file_they_render() -> None:
    text = ("cd /srv\n"
            "envsubst '${PROCESSES}' < uwsgi.default.ini > /tmp/uwsgi.ini\n"
            "envsubst >/tmp/b.ini <a.ini\n"
            "envsubst < /t/site.template | tee conf.d/site.conf\n"
            "cat /srv/c.ini > /tmp/c.ini\n"
            "exec uwsgi --ini /tmp/uwsgi.ini\n")
    server = server_line_of_shell_command(text)
    assert server is not None and server.program == "uwsgi"
    # Only envsubst's own output is a render of its input; a pipe's tee and cat are writes alone.
    assert [(w.path, w.source) for w in server.writes] == [
        ("/tmp/uwsgi.ini", "/srv/uwsgi.default.ini"), ("/tmp/b.ini", "/srv/a.ini"),
        ("/srv/conf.d/site.conf", ""), ("/tmp/c.ini", "")]


def test_sed_without_in_place_edits_nothing() -> None:
    server = server_line_of_shell_command("sed s/a/b/ /etc/nginx/nginx.conf; exec nginx")
    assert server is not None and server.writes == ()


def test_writes_of_a_script_that_runs_its_arguments(tmp_path: Path) -> None:
    script = tmp_path / "entry.sh"
    script.write_text("#!/bin/sh\nset -e\nenvsubst < /t.conf > /etc/nginx/nginx.conf\nexec \"$@\"\n")
    writes, display = script_writes(str(script), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert display == "entry.sh" and [(w.path, w.line) for w in writes] == [("/etc/nginx/nginx.conf", 3)]


@pytest.mark.parametrize(("text", "argv", "background"), [
    # A group with `&` after it runs all it holds in the background, the server too.
    ("{ service nginx start; uwsgi --ini ./deploy/uwsgi.ini; } &\nwine app.exe", ["uwsgi", "--ini", "./deploy/uwsgi.ini"],
     True),
    ("(cd /app && uwsgi --ini a.ini) &\nsleep infinity", ["uwsgi", "--ini", "a.ini"], True),
    ("{ uwsgi --ini a.ini; }", ["uwsgi", "--ini", "a.ini"], False),
    ("(cd /app; exec gunicorn app:app)", ["gunicorn", "app:app"], False),   # `)` is no part of the argument
])
def test_a_group_on_a_line_is_its_commands_with_its_background(text: str, argv: list[str], background: bool) -> None:
    line = server_line_of_shell_command(text)
    assert line is not None and line.argv == argv and line.background is background


@pytest.mark.parametrize(("text", "argv", "background"), [
    ("exec uwsgi --ini /etc/uwsgi/app.ini > /var/log/uwsgi.log 2>&1", ["uwsgi", "--ini", "/etc/uwsgi/app.ini"], False),
    ("exec gunicorn app:app >>/var/log/g.log 2>/dev/null", ["gunicorn", "app:app"], False),
    ("uwsgi --ini a.ini &>/tmp/log", ["uwsgi", "--ini", "a.ini"], False),
    ("uwsgi --ini a.ini >&2", ["uwsgi", "--ini", "a.ini"], False),
    ("uwsgi --ini a.ini > log 2>&1 &", ["uwsgi", "--ini", "a.ini"], True),   # a real `&` still backgrounds
])
def test_redirections_are_not_the_servers_arguments(text: str, argv: list[str], background: bool) -> None:
    # `2>&1` was cut at its `&`, which then ended the command as a background operator, and the
    # redirection words reached uWSGI's argv as config files ("unable to load configuration from >").
    line = server_line_of_shell_command(text)
    assert line is not None and line.argv == argv and line.background is background


def test_a_redirected_server_in_sh_c_gives_no_config_errors(tmp_path: Path) -> None:
    from wsgilint.api import check
    (tmp_path / "supervisor").mkdir()
    (tmp_path / "supervisor" / "app.conf").write_text(
        '[program:app]\ncommand=/bin/sh -c "cd /srv && exec uwsgi --ini /srv/app.ini > /var/log/u.log 2>&1"\n')
    codes = [f.code for f in check([str(tmp_path)]).findings if f.severity == "error"]
    assert "E002" not in codes


@pytest.mark.parametrize(("argv", "index"), [
    (["./start.sh"], 0),
    (["bash", "./start.sh", "web"], 1),
    (["bash", "-x", "./compose/django/gunicorn.sh"], 2),   # round 31: a Compose command traced with -x
    (["/bin/sh", "-eu", "start.sh"], 2),
    (["bash", "-o", "pipefail", "+x", "--norc", "run.sh"], 5),
    (["sh", "--", "-weird.sh"], 2),
    (["sh", "-c", "exec uwsgi"], None),
    (["bash", "-s"], None),
    (["bash", "-x"], None),
])
def test_the_script_a_shell_runs_comes_after_its_options(argv: list[str], index: int | None) -> None:
    assert script_index(argv) == index


def test_the_images_a_script_builds_with_their_names_file_and_context() -> None:
    text = ("#!/bin/sh\nset -e\ndocker buildx build --platform linux/amd64,linux/arm64 \\\n"
            "    -t org/api:latest -t \"org/api:$1\" --push .\n"
            "DOCKER_BUILDKIT=1 docker build --tag=org/web -f docker/web.Dockerfile --build-arg X=1 web\n"
            "docker image build -t org/worker worker && docker push org/worker\n"
            "echo docker build -t not/this .\n"          # words about a build
            "docker build .\n")                          # no name: nothing to run it by
    assert [(b.tags, b.dockerfile, b.context, b.line) for b in docker_builds(text)] == [
        (("org/api:latest", "org/api:$1"), "", ".", 3),
        (("org/web",), "docker/web.Dockerfile", "web", 5),
        (("org/worker",), "", "worker", 6),
    ]



def test_what_a_script_starts_before_its_server_line(tmp_path):
    """A supervisord the text runs first daemonizes and goes on beside the server; the other
    commands before the server's line are kept by program, `bundle exec` seen through."""
    wrapper = maybe_wrapper(tmp_path, "#!/bin/bash\nsupervisord -c /srv/api/supervisord.ini\ncd /srv/web\n"
                                      "bundle exec unicorn -D -p 8080\nexec nginx\necho done\n")
    assert wrapper is not None and wrapper.server.program == "nginx"
    assert [line.argv for line in wrapper.server.managers_before] == [["supervisord", "-c", "/srv/api/supervisord.ini"]]
    assert [(program.name, program.line) for program in wrapper.server.programs_before] == [("unicorn", 4)]
