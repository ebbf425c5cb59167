"""Fuzzing every reader: no input makes wsgilint raise.

Each reader gets a generator that speaks its format (with the pieces that are hard
to read right: quotes, braces, continuations, ``%`` and ``$`` expansions, includes,
comments) and raw bytes (random binary, truncated UTF-8, UTF-16, GBK). Every example
is written to a temporary tree and read through the real entry points: the reader
function, then ``check()`` on the whole tree. The property: nothing raises, and every
problem and finding names a path and a line ≥ 0.

Profiles: ``ci`` (a few hundred examples per reader, part of the default run) and
``fuzz`` (``WSGILINT_FUZZ_EXAMPLES``, 100 000 by default; ``pytest -m fuzz -k nginx``
runs one reader; ``make fuzz`` runs each reader in its own process with a log for
``tools/fidelity_report.py``).
"""
from __future__ import annotations

import codecs
import os
import shlex
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from conftest import write_tree
from hypothesis import HealthCheck, event, given, reject, settings
from hypothesis import strategies as st

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.model import Problem, Span

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
            HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=120, deadline=None, suppress_health_check=_SLOW_OK)
settings.register_profile("fuzz", max_examples=int(os.environ.get("WSGILINT_FUZZ_EXAMPLES", "100000")),
                          deadline=None, suppress_health_check=_SLOW_OK, database=None)

# ------------------------------------------------------------------------ raw bytes

_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@st.composite
def _truncated_utf8(draw) -> bytes:
    wide = st.characters(min_codepoint=128, codec="utf-8", exclude_categories=("Cs",))
    data = (draw(_TEXT) + draw(wide) + draw(_TEXT)).encode("utf-8")
    return data[:draw(st.integers(0, len(data)))]


RAW_BYTES = st.one_of(
    st.binary(max_size=600),
    _truncated_utf8(),
    _TEXT.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    _TEXT.map(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    _TEXT.map(lambda t: t.encode("utf-16-le")),            # no BOM
    _TEXT.map(lambda t: t.encode("gbk", "ignore")),
    _TEXT.map(lambda t: t.encode("latin-1", "ignore")),
    _TEXT.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
)


def lines_of(pieces: st.SearchStrategy[str], max_size: int = 25) -> st.SearchStrategy[str]:
    return st.tuples(st.lists(pieces, max_size=max_size), st.sampled_from(["\n", "\r\n", "\r"]),
                     st.booleans()).map(lambda t: t[1].join(t[0]) + (t[1] if t[2] else ""))


def document(structured: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """The format's own text (mostly), arbitrary text, or raw bytes."""
    return st.one_of(structured.map(lambda text: text.encode("utf-8", "surrogatepass")),
                     structured.map(lambda text: text.encode("utf-8", "surrogatepass")),
                     structured.map(lambda text: text.encode("utf-8", "surrogatepass")),
                     _TEXT.map(str.encode), RAW_BYTES)


_WORD = st.text(alphabet="abcxyz019_-./:@$%(){}[];#'\"\\ =*~^&,\t", min_size=1, max_size=12)

# ------------------------------------------------------------------------ nginx

_NGINX_NAMES = ["listen", "server_name", "include", "uwsgi_pass", "proxy_pass", "fastcgi_pass", "grpc_pass",
                "uwsgi_param", "proxy_set_header", "set", "return", "rewrite", "root", "alias", "user",
                "worker_connections", "worker_rlimit_nofile", "daemon", "client_max_body_size", "uwsgi_read_timeout",
                "proxy_read_timeout", "keepalive_timeout", "ssl_certificate", "error_page", "try_files", "server",
                "add_header", "charset", "nosuch_directive", "if", "map", "types", "upstream", "load_module"]
_NGINX_BLOCKS = ["http", "events", "server", "location", "location ~ ^/(a|b)$", "location = /x", "location @named",
                 "upstream app", "if ($request_method = POST)", "if ($x ~* \"{\")", "map $uri $v", "types",
                 "limit_except GET", "geo $g", "stream", "mail", "split_clients $x $y", "unknown_block arg"]
_NGINX_ARGS = st.one_of(
    st.sampled_from(["80", "443 ssl http2", "unix:/run/app.sock", "127.0.0.1:8000", "http://app", "[::]:80",
                     "http://unix:/run/g.sock:/", "$host", "${host}x", "'single quoted'", '"double quoted"',
                     '"esc\\"aped"', "'a;b'", '"{"', "\\;", "\\{", "inc.conf", "/etc/nginx/inc.conf", "*.conf",
                     "nginx.conf", "missing.conf", "uwsgi_params", "on", "off", "10m", "1k", "-1", "",
                     "'unterminated", '"unterminated', "#notcomment", "a#b", "$", "${", "${}", "\"\"", "''"]),
    _WORD,
)


def _nginx_directive(args: list[str], name: str) -> str:
    return f"{name} {' '.join(args)};"


_NGINX_LEAF = st.one_of(
    st.builds(_nginx_directive, st.lists(_NGINX_ARGS, max_size=4), st.sampled_from(_NGINX_NAMES)),
    st.sampled_from(["# comment", "#", "# {", ";", "}", "{", "", "   ", "content_by_lua_block { ngx.say('}') }",
                     "set $a \"b\nc\";", "return 200 'x\ny';", "listen 80", "include inc.conf;",
                     "include /etc/nginx/*.conf;", "include nginx.conf;", "include missing.conf;"]),
    _WORD,
)
NGINX_TEXT = st.recursive(
    st.lists(_NGINX_LEAF, max_size=6).map("\n".join),
    lambda inner: st.lists(st.one_of(_NGINX_LEAF, st.builds(lambda head, body, close: f"{head} {{\n{body}\n{close}",
                                                            st.sampled_from(_NGINX_BLOCKS), inner,
                                                            st.sampled_from(["}", "}", "}", "", "}}", "};"]))),
                           max_size=5).map("\n".join),
    max_leaves=40,
)

# ------------------------------------------------------------------------ uWSGI ini

_UWSGI_KEYS = ["socket", "http-socket", "http", "uwsgi-socket", "processes", "workers", "threads", "master",
               "module", "wsgi-file", "chdir", "home", "virtualenv", "vacuum", "chmod-socket", "chown-socket",
               "uid", "gid", "pidfile", "daemonize", "logto", "harakiri", "listen", "max-requests", "env",
               "include", "ini", "inherit", "set-ph", "set-placeholder", "set", "for", "for-times", "for-glob",
               "for-readline", "endfor", "if-env", "if-not-env", "if-exists", "if-file", "if-dir", "if-opt",
               "endif", "print", "custom", "declare-option", "plugins", "shared-socket", "die-on-term",
               "enable-threads", "buffer-size", "post-buffering", "not-an-option", "exec-asap"]
_UWSGI_VALUES = st.one_of(
    st.sampled_from(["/run/app.sock", "127.0.0.1:8000", ":0", "=0", "4", "true", "false", "0", "", "%d", "%n",
                     "%p", "%s", "%c", "%x", "%0", "%9", "%%", "%", "100%", "%(base)", "%(processes + 1)",
                     "%(processes * 2 - 1 / 0)", "%(x ++)", "%(", "%()", "%(%(base))", "%(_)", "$(HOME)", "$(",
                     "$()", "$(UNSET)/x", "@(inc.ini)", "@(missing)", "@(", "@(exec://true)", "@(file://inc.ini)",
                     "inc.ini", "app.ini", "app.ini:other", ":other", "missing.ini", "exec://true",
                     "http://127.0.0.1/x.ini", "\"quoted\"", "a # comment", "b ; comment", "a b c", "x=y=z",
                     "*.ini", "%(base)/*.ini"]),
    _WORD,
)
_UWSGI_LINE = st.one_of(
    st.builds(lambda k, sep, v: f"{k}{sep}{v}", st.sampled_from(_UWSGI_KEYS),
              st.sampled_from(["=", " = ", "\t=\t", " =", "= "]), _UWSGI_VALUES),
    st.sampled_from(["[uwsgi]", "[uwsgi]", "[other]", "[ uwsgi ]", "[uwsgi", "[]", "[uwsgi] ; c", "; comment",
                     "# comment", "", "   ", "master", "=value", "key", "\t\tindented = 1", "base = /srv"]),
    _WORD,
)
UWSGI_TEXT = lines_of(_UWSGI_LINE, 30)
# uWSGI's YAML (its own line parser): the section key, indented `key: value` lines, and what
# ends the reading (a list item, a flow collection, a line without ": ").
_UWSGI_YAML_LINE = st.one_of(
    st.builds(lambda indent, k, sep, v: f"{indent}{k}{sep}{v}", st.sampled_from(["  ", "\t", "    ", "", " \r"]),
              st.sampled_from([*_UWSGI_KEYS, "yaml", "yml"]), st.sampled_from([": ", ":\t", ":", ":  "]),
              _UWSGI_VALUES),
    st.sampled_from(["uwsgi:", "uwsgi:", "other:", "uwsgi: x", "  uwsgi:", "[uwsgi]", "- item", "  - item",
                     "  [a, b]", "  {a: b}", "# comment", "  # comment", "", "   ", "\"uwsgi\":", "uwsgi :"]),
    _WORD,
)
UWSGI_YAML_TEXT = lines_of(_UWSGI_YAML_LINE, 30)

_UWSGI_ARGS = st.lists(st.one_of(
    st.sampled_from(["--socket", "-s", ":0", "--ini", "app.ini", "app.ini:other", "inc.ini", "-M", "-p4", "-p",
                     "--processes", "x", "4", "--", "-", "--chmod-socket=660", "--env", "X=$(HOME)", "--processe",
                     "--master", "--no-such", "--http=:8000", "--ini=app.ini", "-C", "-Mp8", "--yaml", "x.yml",
                     "--vacuum", "--socket=", "=", "--set-ph", "a=b", "%(a)", "--for", "--endfor", "@(inc.ini)"]),
    _WORD), max_size=12)

# ------------------------------------------------------------------------ Supervisor

_SUPERVISOR_KEYS = ["command", "environment", "directory", "user", "numprocs", "numprocs_start", "process_name",
                    "stopsignal", "stopwaitsecs", "killasgroup", "stopasgroup", "autostart", "autorestart",
                    "files", "programs", "priority", "stdout_logfile", "stdout_logfile_maxbytes", "redirect_stderr",
                    "umask", "events", "serverurl", "socket", "file", "chmod", "nodaemon", "logfile", "minfds",
                    "exitcodes", "startsecs", "unknown_key", "Command"]
_SUPERVISOR_VALUES = st.one_of(
    st.sampled_from(["/usr/bin/uwsgi --ini app.ini", "gunicorn app:app -b 127.0.0.1:8000",
                     "/bin/sh -c \"exec gunicorn app:app\"", "start.sh", "%(program_name)s",
                     "%(process_num)02d", "%(ENV_HOME)s", "%(ENV_UNSET)s", "%(here)s/x", "%(group_name)s",
                     "%(host_node_name)s", "%(nope)s", "%(program_name)", "%%", "%", "100%", "A=1,B=\"x y\"",
                     "A=1 B=2", "A=", "=", "true", "false", "yes", "maybe", "TERM", "SIGQUIT", "9", "KILL", "10",
                     "-1", "50MB", "1GB", "x", "", "conf.d/*.conf", "*.conf", "app.conf", "missing/*.conf",
                     "a,b", "022", "0o22", "'quoted ; x'", "\"q # y\"", "a ;comment", "a#b", "a ; b # c"]),
    _WORD,
)
_SUPERVISOR_LINE = st.one_of(
    st.builds(lambda k, sep, v: f"{k}{sep}{v}", st.sampled_from(_SUPERVISOR_KEYS),
              st.sampled_from(["=", " = ", ":", ": ", "=  "]), _SUPERVISOR_VALUES),
    st.sampled_from(["[supervisord]", "[program:app]", "[program:app]", "[program:b]", "[group:g]", "[include]",
                     "[DEFAULT]", "[eventlistener:e]", "[unix_http_server]", "[inet_http_server]",
                     "[rpcinterface:supervisor]", "[supervisorctl]", "[fcgi-program:f]", "[program:]", "[program",
                     "[a]b]", "  continued line", "\tcontinued ; c", "   ; indented comment", "; comment",
                     "# comment", "", "   ", "no delimiter", "=novalue"]),
    _SUPERVISOR_VALUES.map(lambda v: "  " + v),
    _WORD,
)
SUPERVISOR_TEXT = lines_of(_SUPERVISOR_LINE, 30)

# ------------------------------------------------------------------------ systemd

_SYSTEMD_KEYS = ["ExecStart", "ExecStartPre", "ExecStartPost", "ExecReload", "ExecStop", "Environment",
                 "EnvironmentFile", "User", "Group", "WorkingDirectory", "KillSignal", "KillMode", "TimeoutStopSec",
                 "TimeoutSec", "Type", "LimitNOFILE", "RuntimeDirectory", "RuntimeDirectoryMode", "PrivateTmp",
                 "ListenStream", "SocketUser", "SocketMode", "Restart", "Description", "After", "WantedBy",
                 "Unknown", "execstart", "Accept"]
_SYSTEMD_VALUES = st.one_of(
    st.sampled_from(["/usr/bin/uwsgi --ini /etc/uwsgi/app.ini", "/srv/venv/bin/gunicorn app:app --bind unix:/run/g.sock",
                     "-/bin/true", "@/bin/true true", ":/bin/x $A", "+/bin/x", "!!/bin/x", "!/bin/x",
                     "-@:+!/bin/x", "/bin/sh -c 'exec gunicorn app:app'", "/bin/x ${A} $B %i %n %%", "\"A=1\" B=2",
                     "\"A=1 2\"", "A", "=", "", "QUIT", "SIGINT", "15", "mixed", "control-group", "5min 3s",
                     "infinity", "90", "x", "notify", "forking", "simple", "65536", "1024:4096", "infinity",
                     "app app/sub", "0755", "yes", "no", "/run/app.sock", "127.0.0.1:8000", "8000",
                     "/bin/x \\", "/bin/x ; /bin/y", "/bin/x \"unterminated", "'a b' \"c d\" e\\ f"]),
    _WORD,
)
_SYSTEMD_LINE = st.one_of(
    st.builds(lambda k, sep, v: f"{k}{sep}{v}", st.sampled_from(_SYSTEMD_KEYS),
              st.sampled_from(["=", " = ", "=  "]), _SYSTEMD_VALUES),
    st.sampled_from(["[Unit]", "[Service]", "[Service]", "[Install]", "[Socket]", "[X-Custom]", "[service]",
                     "[Service", "# comment", "; comment", "", "   ", "no equals", "  continued", "\\",
                     "ExecStart=", "Environment="]),
    _WORD,
)
SYSTEMD_TEXT = lines_of(_SYSTEMD_LINE, 25)

# ------------------------------------------------------------------------ Gunicorn

_GUNICORN_NAMES = ["bind", "workers", "threads", "timeout", "graceful_timeout", "keepalive", "worker_class",
                   "preload_app", "accesslog", "errorlog", "loglevel", "raw_env", "umask", "backlog", "daemon",
                   "pidfile", "user", "group", "chdir", "wsgi_app", "max_requests", "forwarded_allow_ips",
                   "worker_connections", "limit_request_line", "reload", "debug", "preload", "x", "_private"]
_GUNICORN_HOOKS = ["on_starting", "post_fork", "when_ready", "pre_fork", "worker_exit", "on_exit", "pre_request",
                   "post_request", "child_exit", "nworkers_changed", "helper"]
_GUNICORN_EXPR = st.recursive(
    st.one_of(
        st.sampled_from(["1", "0", "-1", "2**100", "9**9**9", "'x' * 10**9", "1 << 200000", "True", "None",
                         "'127.0.0.1:8000'", "\"unix:/run/g.sock\"", "['0.0.0.0:80', '[::]:80']", "('a',)",
                         "{'a': 1}", "os.environ.get('PORT', '8000')", "os.environ['X']", "os.getenv('W')",
                         "multiprocessing.cpu_count() * 2 + 1", "f'0.0.0.0:{port}'", "f'{x!r:>10}'",
                         "'%s:%d' % ('h', 80)", "'{}:{}'.format('h', 80)", "int('3')", "str(1)", "workers",
                         "undefined_name", "lambda s, w: None", "b'bytes'", "1.5", "0o22", "0x1F", "1e308 * 10",
                         "1 / 0", "[] + []", "[x for x in range(3)]", "not True", "1 if a else 2", "a and b",
                         "(yield)", "await x", "...", "'a' 'b'", "r'\\d'", "u'x'", "[*a]", "{**d}"]),
        st.integers().map(str),
        st.text(max_size=10).map(repr),
    ),
    lambda inner: st.one_of(
        st.builds(lambda a, op, b: f"({a} {op} {b})", inner, st.sampled_from(["+", "-", "*", "/", "//", "%", "**",
                                                                              "<<", "|", "&", "==", "or"]), inner),
        st.lists(inner, max_size=3).map(lambda xs: f"[{', '.join(xs)}]"),
        st.builds(lambda f, a: f"{f}({a})", st.sampled_from(["int", "str", "len", "max", "os.path.join", "list"]),
                  inner),
    ),
    max_leaves=8,
)


def _indent(body: str) -> str:
    return "\n".join("    " + line for line in body.split("\n"))


_GUNICORN_STATEMENT = st.one_of(
    st.builds(lambda n, e: f"{n} = {e}", st.sampled_from(_GUNICORN_NAMES), _GUNICORN_EXPR),
    st.builds(lambda n, t, e: f"{n}: {t} = {e}", st.sampled_from(_GUNICORN_NAMES),
              st.sampled_from(["int", "str", "list[str]", "'T'"]), _GUNICORN_EXPR),
    st.builds(lambda n, t: f"{n}: {t}", st.sampled_from(_GUNICORN_NAMES), st.sampled_from(["int", "str"])),
    st.builds(lambda n, op, e: f"{n} {op}= {e}", st.sampled_from(_GUNICORN_NAMES),
              st.sampled_from(["+", "-", "*", "|", "**"]), _GUNICORN_EXPR),
    st.builds(lambda n, args: f"def {n}({args}):\n    pass", st.sampled_from(_GUNICORN_HOOKS),
              st.sampled_from(["", "server", "server, worker", "*args", "server, worker, req=None", "**kw"])),
    st.builds(lambda n: f"async def {n}(server):\n    await x", st.sampled_from(_GUNICORN_HOOKS)),
    st.builds(lambda n: f"@decorator\ndef {n}(server):\n    return 1", st.sampled_from(_GUNICORN_HOOKS)),
    st.builds(lambda n, e: f"{n} = lambda server, worker: {e}", st.sampled_from(_GUNICORN_HOOKS), _GUNICORN_EXPR),
    st.builds(lambda a, b: f"{a}, {b} = 1, 2", st.sampled_from(_GUNICORN_NAMES), st.sampled_from(_GUNICORN_NAMES)),
    st.builds(lambda a, b: f"{a} = {b} = 3", st.sampled_from(_GUNICORN_NAMES), st.sampled_from(_GUNICORN_NAMES)),
    st.builds(lambda n, m: f"{n}.{m}('x')", st.sampled_from(_GUNICORN_NAMES + ["raw_env"]),
              st.sampled_from(["append", "extend", "update", "pop"])),
    st.sampled_from(["import os", "import multiprocessing", "from os import environ", "from x import *",
                     "import os.path as p", "global workers", "del workers", "pass", "print('x')",
                     "os.system('true')", "exec('x = 1')", "__import__('os')", "with open('x') as f:\n    bind = f.read()",
                     "class Config:\n    workers = 2", "try:\n    workers = 2\nexcept Exception:\n    workers = 3",
                     "for i in range(3):\n    workers = i", "while False:\n    pass", "x = y = z", "# comment",
                     "\"\"\"docstring\"\"\"", "if True:", "    indented = 1", "return 1", "match x:\n    case 1:\n        pass",
                     "bind = ['a'] + ['b']", "raw_env = ['A=1']", "raw_env.append('B=2')", "workers = workers + 1",
                     "globals()['workers'] = 5", "locals().update(workers=5)", "vars()['bind'] = 'x'",
                     "if os.environ.get('X'):\n    workers = 8\nelse:\n    workers = 2"]),
)
GUNICORN_TEXT = st.one_of(
    lines_of(_GUNICORN_STATEMENT, 15),
    st.lists(st.builds(lambda cond, body: f"if {cond}:\n{_indent(body)}", _GUNICORN_EXPR, _GUNICORN_STATEMENT),
             max_size=5).map("\n".join),
    _TEXT,
)
_GUNICORN_ARGS = st.lists(st.one_of(
    st.sampled_from(["-c", "gunicorn.conf.py", "--config", "python:mod", "-b", "--bind", "127.0.0.1:8000",
                     "unix:/run/g.sock", "-w", "4", "--workers", "x", "--workers=3", "-k", "gevent", "--threads",
                     "--timeout", "-t", "--preload", "--daemon", "-D", "--env", "A=1", "-e", "app:app",
                     "app:create_app()", "--", "-", "--bin", "--no-such", "--chdir", "/srv", "--pythonpath",
                     "--check-config", "--print-config", "-wx", "--log-level", "debug", "-b0.0.0.0:80"]),
    _WORD), max_size=12)

# ------------------------------------------------------------------------ kernel files

_SYSCTL_LINE = st.one_of(
    st.builds(lambda k, sep, v: f"{k}{sep}{v}",
              st.sampled_from(["net.core.somaxconn", "net/core/somaxconn", "-net.core.somaxconn", "net.core.*",
                               "net.ipv4.tcp_max_syn_backlog", "fs.file-max", "kernel.x", "", " net.core.somaxconn"]),
              st.sampled_from(["=", " = ", " =", "=\t"]),
              st.one_of(st.integers(-2**70, 2**70).map(str), st.sampled_from(["", "x", "1 2", "4096 # c", "0x10"]))),
    st.sampled_from(["# comment", "; comment", "", "   ", "no equals", "=", "net.core.somaxconn"]),
    _WORD,
)
SYSCTL_TEXT = lines_of(_SYSCTL_LINE)

_LIMITS_LINE = st.one_of(
    st.builds(lambda *f: " ".join(f),
              st.sampled_from(["*", "root", "www-data", "@www-data", "%", "%group", "1000:", ":1000", "1:2", "@"]),
              st.sampled_from(["soft", "hard", "-", "Soft", "x"]),
              st.sampled_from(["nofile", "nproc", "core", "memlock", "NOFILE", "x"]),
              st.one_of(st.integers(-2**40, 2**70).map(str), st.sampled_from(["unlimited", "infinity", "-1", "x",
                                                                            "", "1 # c", "65536 extra"]))),
    st.sampled_from(["# comment", "", "   ", "* soft", "a b c d e"]),
    _WORD,
)
LIMITS_TEXT = lines_of(_LIMITS_LINE)

_TMPFILES_LINE = st.one_of(
    st.builds(lambda *f: " ".join(x for x in f if x),
              st.sampled_from(["d", "D", "v", "q", "Q", "f", "F", "L", "L+", "d!", "D-", "z", "x", "r", "R", "?", "dd"]),
              st.sampled_from(["/run/app", "/run/uwsgi/app", "/tmp/x", "relative", "/run/%i", "\"/run/a b\"", "/"]),
              st.sampled_from(["0755", "-", "", "1777", "x"]),
              st.sampled_from(["www-data", "-", "", "root"]),
              st.sampled_from(["www-data", "-", ""]),
              st.sampled_from(["-", "10d", "", "x"])),
    st.sampled_from(["# comment", "", "   "]),
    _WORD,
)
TMPFILES_TEXT = lines_of(_TMPFILES_LINE)

_PROCFILE_LINE = st.one_of(
    st.builds(lambda name, command: f"{name}: {command}",
              st.sampled_from(["web", "worker", "release", "w-1", "", "a b", "WEB"]),
              st.sampled_from(["gunicorn app:app", "gunicorn --bind :$PORT app:app", "uwsgi --http :${PORT} -w app",
                               "sh -c 'exec gunicorn app:app'", "cd src && gunicorn app:app", "'unclosed", "", ":"])),
    st.sampled_from(["# comment", "", "   ", "web:", "::"]),
    _WORD,
)
PROCFILE_TEXT = lines_of(_PROCFILE_LINE)

_SHELL_LINE = st.one_of(
    st.sampled_from(["#!/bin/sh", "#!/bin/bash", "#!/usr/bin/env bash", "#!/bin/zsh", "#!/usr/bin/python3",
                     "set -e", "cd /srv/app", "cd \"$DIR\"", "export A=b", "A=1 B=2", "source venv/bin/activate",
                     ". ./env.sh", "exec uwsgi --ini /etc/uwsgi/app.ini", "uwsgi --ini app.ini &",
                     "exec gunicorn app:app -b 0.0.0.0:8000 -w 4", "gunicorn -c gunicorn.conf.py app:app",
                     "exec /srv/venv/bin/gunicorn \\", "  --bind unix:/run/g.sock \\", "  app:app",
                     "nohup uwsgi --socket :0 > log 2>&1", "exec env A=1 uwsgi --ini x.ini", "exec nginx -g 'daemon off;'",
                     "exec \"$@\"", "exec $CMD", "if [ -f x ]; then exec uwsgi --ini a.ini; fi",
                     "cat <<EOF", "exec uwsgi --ini inside-heredoc.ini", "EOF", "uwsgi --ini a.ini && echo ok",
                     "uwsgi --ini a.ini | tee log", "`uwsgi --ini x`", "$(gunicorn app:app)", "echo 'unterminated",
                     "echo \"unterminated", "exec python -m gunicorn app:app", "exec python3 -m uwsgi --ini x",
                     "function f() { exec gunicorn app:app; }", "# comment", "", "\\", "exec", "exec ''"]),
    _WORD,
)
SHELL_TEXT = lines_of(_SHELL_LINE, 15)

# ------------------------------------------------------------------------ the property


def assert_located(items: Iterable[object]) -> None:
    for item in items:
        at = item.at
        assert isinstance(at, Span), item
        assert isinstance(at.path, str) and at.path, item
        assert isinstance(at.line, int) and at.line >= 0, item
        assert at.column >= 0 and at.end_column >= 0, item
        if isinstance(item, Problem):
            assert item.message, item


def problems_of(result: object) -> list[object]:
    return list(getattr(result, "problems", None) or [])


def check_tree(root: str) -> None:
    result = check([root])
    assert_located(result.findings)
    assert_located(result.deployment.problems)
    for finding in result.findings:
        assert_located(finding.related)


class Case:
    """One reader: where its file goes in a tree, and how to read it directly."""

    def __init__(self, main: str, read: Callable[[str, ReadContext, str], Iterable[object]],
                 extra: tuple[str, ...] = ()):
        self.main, self.read, self.extra = main, read, extra

    def run(self, main: bytes, other: bytes) -> None:
        with tempfile.TemporaryDirectory(prefix="wsgilint-fuzz-") as root:
            write_tree(Path(root), {self.main: main, **{name: other for name in self.extra}})
            ctx = ReadContext(mode="snapshot", root=root, cwd=root)
            ctx.index([os.path.join(root, name) for name in (self.main, *self.extra)])
            assert_located(self.read(os.path.join(root, self.main), ctx, root))
            check_tree(root)


def _read_nginx(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.model.nginx import nginx_instance
    from wsgilint.readers.nginx import parse_nginx_text, read_nginx_fragment, read_nginx_main

    main = read_nginx_main(path, ctx)
    fragment = read_nginx_fragment(path, ReadContext(mode="snapshot", root=root, cwd=root))
    nginx_instance(main, standalone=False)
    nginx_instance(fragment, standalone=True)
    statements, problems = parse_nginx_text(ctx.read(path).text or "")
    return [*main.problems, *fragment.problems, *problems, *(s for s in statements)]


def _read_uwsgi(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.model.uwsgi import uwsgi_from_ini
    from wsgilint.readers.uwsgi_ini import read_ini

    ini = read_ini(path, ctx, env={"HOME": "/home/x"}, cwd=os.path.dirname(path))
    other = read_ini(path, ctx, section="other")
    server, problems = uwsgi_from_ini(path, ctx)
    return [*ini.problems, *other.problems, *problems, *ini.options, *server.listeners]


def _read_uwsgi_argv(argv: list[str]) -> Callable[[str, ReadContext, str], list[object]]:
    def read(path: str, ctx: ReadContext, root: str) -> list[object]:
        from wsgilint.model.uwsgi import uwsgi_from_argv
        from wsgilint.readers.uwsgi_argv import parse_argv

        command = parse_argv(argv, Span("cmd", 1), ctx, root, {"UWSGI_PROCESSES": "2", "HOME": "/h"})
        server, problems = uwsgi_from_argv(argv, Span("cmd", 1), ctx, root, {})
        return [*command.problems, *command.options, *problems, *server.listeners]
    return read


def _read_gunicorn_argv(argv: list[str]) -> Callable[[str, ReadContext, str], list[object]]:
    def read(path: str, ctx: ReadContext, root: str) -> list[object]:
        from wsgilint.model.gunicorn import gunicorn_from_argv
        from wsgilint.readers.gunicorn import parse_gunicorn_argv, parse_gunicorn_cmd_args

        command = parse_gunicorn_argv(argv, Span("cmd", 1))
        from_env = parse_gunicorn_cmd_args(shlex.join(argv), Span("env", 1))
        server, problems = gunicorn_from_argv(["gunicorn", *argv], Span("cmd", 1), ctx, root,
                                              {"GUNICORN_CMD_ARGS": shlex.join(argv[:3])})
        return [*command.problems, *command.options, *from_env.problems, *problems, *server.listeners]
    return read


def _read_supervisor(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.model.managers import managers_from_supervisor
    from wsgilint.readers.supervisor import read_supervisor

    config = read_supervisor(path, ctx)
    managers_from_supervisor(config, ctx)
    return config.problems


def _read_systemd(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.model.managers import manager_from_unit
    from wsgilint.readers.systemd import find_dropins, read_unit

    unit = read_unit(path, ctx, find_dropins(path, ctx))
    manager_from_unit(unit, ctx)
    return unit.problems


def _read_gunicorn(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.model.gunicorn import gunicorn_from_config
    from wsgilint.readers.gunicorn import is_gunicorn_text, read_gunicorn_config, read_gunicorn_text

    config = read_gunicorn_config(path, ctx)
    text = ctx.read(path).text or ""
    is_gunicorn_text(text)
    direct = read_gunicorn_text(text, "conf.py")
    server, problems = gunicorn_from_config(path, ctx)
    return [*config.problems, *config.options, *direct.problems, *problems, *server.listeners]


def _read_sysctl(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.readers.sysctl import read_somaxconn, read_sysctl

    entries = read_sysctl(path, ctx)
    somaxconn = read_somaxconn(ctx, [path])
    return [type("Entry", (), {"at": at})() for _, _, at in entries] + ([somaxconn] if somaxconn.at else [])


def _read_limits(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.readers.limits import is_limits_text, read_limits

    is_limits_text(ctx.read(path).text or "")
    return read_limits(path, ctx)


def _read_tmpfiles(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.readers.tmpfiles import is_tmpfiles_text, read_tmpfiles

    is_tmpfiles_text(ctx.read(path).text or "")
    return read_tmpfiles(path, ctx)


def _read_procfile(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.readers.procfile import is_procfile_text, read_eb_environment, read_procfile

    is_procfile_text(ctx.read(path).text or "")
    read_eb_environment(os.path.dirname(path), ctx)
    return [*read_procfile(path, ctx).entries, *read_procfile(path, ctx).problems]


def _read_script(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.readers.python_server import script_server

    found = script_server(ctx.read(path).text or "")
    if found is not None:
        assert found.line >= 1 and 1 <= found.column <= found.end_column, found
        assert 0 < found.port < 65536, found
    return []


def _read_shell(path: str, ctx: ReadContext, root: str) -> list[object]:
    from wsgilint.readers.shell import read_wrapper, server_line_of_shell_command

    text = ctx.read(path).text or ""
    server_line_of_shell_command(text)
    server_line_of_shell_command(text, "bash")
    wrapper = read_wrapper(path, ctx)
    return [wrapper] if wrapper else []



# ------------------------------------------------------------------------ a script that starts its own server

_SCRIPT_STATEMENT = st.one_of(
    st.sampled_from(["from flask import Flask", "import flask", "import uvicorn", "app = Flask(__name__)",
                     "site = flask.Flask('x')", "app = create_app()", "app.run()", "app.run(**options)",
                     "app.run(*args)", "app.run(host='0.0.0.0', port=5000, debug=True)", "app.run('', '5001')",
                     "app.run(port='\u00b2')", "app.run(port=99999999999999999999)", "app.run(host=1, port=None)",
                     "app.config['SERVER_NAME'] = 'x:1'", "uvicorn.run(app, host='::', port=8000, reload=True)",
                     "uvicorn.run('main:app', uds='/run/a.sock')", "uvicorn.run(app, 1, 2)",
                     "if __name__ == '__main__':\n    app.run(port=8001)", "if '__main__' == __name__: app.run()",
                     "def main():\n    app.run()", "app.run(port=int(os.environ['PORT']))", "(((", "app.run(",
                     "\0"]),
    _TEXT,
)
SCRIPT_TEXT = st.one_of(lines_of(_SCRIPT_STATEMENT, 12), _TEXT)

CASES = {
    "nginx": (Case("etc/nginx/nginx.conf", _read_nginx, ("etc/nginx/inc.conf", "etc/nginx/conf.d/a.conf")),
              NGINX_TEXT),
    "uwsgi_ini": (Case("etc/uwsgi/apps-enabled/app.ini", _read_uwsgi, ("etc/uwsgi/apps-enabled/inc.ini",)),
                  UWSGI_TEXT),
    "uwsgi_yaml": (Case("etc/uwsgi/vassals/app.yaml", _read_uwsgi, ("etc/uwsgi/vassals/x.yml",)), UWSGI_YAML_TEXT),
    "supervisor": (Case("etc/supervisor/supervisord.conf", _read_supervisor,
                        ("etc/supervisor/conf.d/app.conf", "etc/supervisor/conf.d/b.conf")), SUPERVISOR_TEXT),
    "systemd": (Case("etc/systemd/system/app.service", _read_systemd,
                     ("etc/systemd/system/app.service.d/override.conf",)), SYSTEMD_TEXT),
    "gunicorn": (Case("srv/app/gunicorn.conf.py", _read_gunicorn), GUNICORN_TEXT),
    "sysctl": (Case("etc/sysctl.d/60-app.conf", _read_sysctl, ("etc/sysctl.conf",)), SYSCTL_TEXT),
    "limits": (Case("etc/security/limits.d/app.conf", _read_limits, ("etc/security/limits.conf",)), LIMITS_TEXT),
    "tmpfiles": (Case("etc/tmpfiles.d/app.conf", _read_tmpfiles), TMPFILES_TEXT),
    "shell": (Case("srv/app/start.sh", _read_shell), SHELL_TEXT),
    "python_script": (Case("srv/app/server.py", _read_script), SCRIPT_TEXT),
    "procfile": (Case("srv/app/Procfile", _read_procfile, ("srv/app/.ebextensions/01.config",)), PROCFILE_TEXT),
}


def run_file_case(name: str, main: bytes, other: bytes) -> None:
    case = CASES[name][0]
    if name in ("shell", "python_script"):
        # A wrapper, or a script that starts its own server, is read when a process manager starts it.
        start = "/srv/app/start.sh" if name == "shell" else "/usr/bin/python3 server.py"
        with tempfile.TemporaryDirectory(prefix="wsgilint-fuzz-") as root:
            write_tree(Path(root),
                       {case.main: main,
                        "etc/supervisor/conf.d/app.conf": f"[program:app]\ncommand={start}\ndirectory=/srv/app\n",
                        "etc/systemd/system/app.service": f"[Service]\nWorkingDirectory=/srv/app\nExecStart={start}\n"})
            ctx = ReadContext(mode="snapshot", root=root, cwd=root)
            assert_located(case.read(os.path.join(root, case.main), ctx, root))
            check_tree(root)
        return
    case.run(main, other)


def run_argv_case(program: str, argv: list[str], ini: bytes) -> None:
    read = _read_uwsgi_argv(argv) if program == "uwsgi" else _read_gunicorn_argv(argv)
    command = shlex.join([f"/usr/bin/{program}", *argv])
    with tempfile.TemporaryDirectory(prefix="wsgilint-fuzz-") as root:
        write_tree(Path(root), {
            "app.ini": ini, "inc.ini": ini, "gunicorn.conf.py": ini,
            "etc/supervisor/conf.d/app.conf": f"[program:app]\ncommand={command.replace('%', '%%')}\ndirectory={root}\n",
            "etc/systemd/system/app.service": f"[Service]\nExecStart={command.replace('%', '%%')}\n"})
        ctx = ReadContext(mode="snapshot", root=root, cwd=root)
        assert_located(read("", ctx, root))
        check_tree(root)


# ------------------------------------------------------------------------ known failures

# Exceptions found by fuzzing and not fixed yet, by the innermost wsgilint function they
# escape from, each with a strict xfail regression test; fuzzing counts them as rejected
# examples so it can go on looking for others. Fixed ones keep their regression test below.
KNOWN_FAILURES: dict[tuple[str, str], tuple[str, tuple[type[Exception], ...]]] = {}


def known_failure(error: Exception) -> str | None:
    if isinstance(error, AssertionError):
        return None
    innermost = None
    trace = error.__traceback__
    while trace is not None:
        module = trace.tb_frame.f_globals.get("__name__", "")
        if module.startswith("wsgilint."):
            innermost = (module, trace.tb_frame.f_code.co_name)
        trace = trace.tb_next
    test, types = KNOWN_FAILURES.get(innermost, ("", ()))
    return test if isinstance(error, types) else None


def tolerating_known_failures(run: Callable[[], None]) -> None:
    try:
        run()
    except Exception as error:
        test = known_failure(error)
        if test is None:
            raise
        event(f"known failure ({test})")
        reject()


def test_gunicorn_chdir_assigned_by_unpacking(tmp_path):
    write_tree(tmp_path, {"srv/app/gunicorn.conf.py": "bind, chdir = 1, 2\n"})
    check_tree(str(tmp_path))


def test_gunicorn_user_that_is_a_digit_but_no_number(tmp_path):
    write_tree(tmp_path, {"srv/app/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nuser = '\u00b2'\n"})
    # Gunicorn 27: Config.set("user", "²") raises ValueError, so it refuses to start.
    refused = [f for f in check([str(tmp_path)]).findings if f.code.startswith(("E", "G"))]
    assert [(f.code, f.at.line) for f in refused] == [("E002", 2)], refused
    assert "Invalid value for user: ² (invalid literal for int() with base 10: '²')" in refused[0].message



def test_gunicorn_wsgi_app_that_is_no_string(tmp_path):
    # X121 asked the app's module of a server whose app was the number 1.
    write_tree(tmp_path, {"srv/app/gunicorn.conf.py": "bind = '127.0.0.1:8000'\nwsgi_app = 1\n"})
    refused = [f for f in check([str(tmp_path)]).findings if f.code.startswith(("E", "G", "X"))]
    assert [(f.code, f.at.line) for f in refused] == [("E002", 2)], refused
    assert "Invalid value for wsgi_app: 1 (Not a string: 1)" in refused[0].message

@pytest.mark.parametrize("text", ["daemon %;\n", 'daemon "%*";\n'])
def test_nginx_percent_in_a_flag_argument(tmp_path, text):
    write_tree(tmp_path, {"etc/nginx/conf.d/a.conf": text})
    check_tree(str(tmp_path))


def test_nginx_empty_user(tmp_path):
    write_tree(tmp_path, {"etc/nginx/nginx.conf": 'user "";\n'})
    check_tree(str(tmp_path))


# ------------------------------------------------------------------------ the tests

def _file_test(name: str, profile: str):
    strategy = document(CASES[name][1])

    @settings.get_profile(profile)
    @given(main=strategy, other=strategy)
    def test(main: bytes, other: bytes) -> None:
        tolerating_known_failures(lambda: run_file_case(name, main, other))

    return test


def _argv_test(program: str, profile: str):
    argv = _UWSGI_ARGS if program == "uwsgi" else _GUNICORN_ARGS
    config = document(UWSGI_TEXT if program == "uwsgi" else GUNICORN_TEXT)

    @settings.get_profile(profile)
    @given(argv=argv, config=config)
    def test(argv: list[str], config: bytes) -> None:
        words = [word.replace("\0", "") for word in argv]
        tolerating_known_failures(lambda: run_argv_case(program, words, config))

    return test


for _name in CASES:
    globals()[f"test_{_name}_ci"] = _file_test(_name, "ci")
    globals()[f"test_{_name}_fuzz"] = pytest.mark.fuzz(_file_test(_name, "fuzz"))
for _program in ("uwsgi", "gunicorn"):
    globals()[f"test_{_program}_argv_ci"] = _argv_test(_program, "ci")
    globals()[f"test_{_program}_argv_fuzz"] = pytest.mark.fuzz(_argv_test(_program, "fuzz"))
