"""The uWSGI part of the model: listeners, socket permissions, identity."""
from __future__ import annotations

from wsgilint.core.context import ReadContext
from wsgilint.model import Span
from wsgilint.model.uwsgi import uwsgi_from_argv, uwsgi_from_ini
from wsgilint.readers.uwsgi_ini import is_uwsgi_ini_text

AT = Span("cmd", 1, 1)


def from_ini(tmp_path, text: str):
    path = tmp_path / "site.ini"
    path.write_text(text)
    return uwsgi_from_ini(str(path), ReadContext(mode="live", cwd=str(tmp_path)))


def test_listeners_and_protocols(tmp_path):
    server, problems = from_ini(tmp_path, """[uwsgi]
socket = /run/app.sock
http-socket = :8000
https-socket = 0.0.0.0:8443,cert.pem,key.pem
http = 127.0.0.1:9090
fastcgi-socket = /run/fcgi.sock
scgi-socket = :4000
""")
    assert problems == []
    assert server.kind == "uwsgi" and server.name == "site"
    found = [(l.option, l.protocol, str(l.address), l.is_router) for l in server.listeners]
    assert found == [
        ("socket", "uwsgi", "unix:/run/app.sock", False),
        ("http-socket", "http", "*:8000", False),
        ("https-socket", "https", "*:8443", False),
        ("http", "http", "127.0.0.1:9090", True),
        ("fastcgi-socket", "fastcgi", "unix:/run/fcgi.sock", False),
        ("scgi-socket", "scgi", "*:4000", False),
    ]
    assert server.listeners[0].at.line == 2


def test_a_tcp_port_is_read_as_atoi_reads_it(tmp_path):
    # Measured on uWSGI 2.0.31: the value is split at its last `:`, the port read with atoi;
    # a comment after the port is logged with the address but not bound.
    server, _ = from_ini(tmp_path, "[uwsgi]\nsocket = 0.0.0.0:8000  ; web\nhttp = :8080 # router\n"
                                   "socket = 127.0.0.1:9000 # note: x\nsocket = /run/a.sock # main\n")
    assert [str(l.address) for l in server.listeners] == ["*:8000", "*:8080", "unix:/run/a.sock # main"]  # no port at " x"


def test_default_socket_mode_and_owner(tmp_path):
    server, _ = from_ini(tmp_path, "[uwsgi]\nsocket = /run/app.sock\n")
    listener = server.listeners[0]
    assert listener.mode.value == 0o755 and listener.mode.is_default and "0755" in listener.mode.note
    assert listener.owner.value == "root" and listener.owner.is_default


def test_chmod_and_chown(tmp_path):
    server, _ = from_ini(tmp_path, "[uwsgi]\nsocket = /run/a.sock\nchmod-socket = 660\nuid = app\n"
                                   "chown-socket = app:www-data\n")
    listener = server.listeners[0]
    assert listener.mode.value == 0o660 and listener.mode.at.line == 3
    assert (listener.owner.value, listener.group.value) == ("app", "www-data")
    server, _ = from_ini(tmp_path, "[uwsgi]\nsocket = /run/a.sock\nchmod = 1\nuid = app\ngid = app\n")
    listener = server.listeners[0]
    assert listener.mode.value == 0o666
    assert (listener.owner.value, listener.group.value) == ("app", "app")
    assert server.user.value == "app" and server.user.at.line == 4


def test_invalid_chmod_is_noted(tmp_path):
    server, _ = from_ini(tmp_path, "[uwsgi]\nsocket = /run/a.sock\nchmod-socket = 0660\n")
    assert "invalid" in server.listeners[0].mode.note


def test_aliases_and_daemonize(tmp_path):
    server, _ = from_ini(tmp_path, "[uwsgi]\nprocesses = 2\nworkers = 6\ndaemonize = /var/log/u.log\n")
    assert server.last("processes", "workers").value == "6"
    assert server.daemonizes.value == "/var/log/u.log"


def test_unresolved_socket_makes_no_listener(tmp_path):
    server, _ = from_ini(tmp_path, "[uwsgi]\nsocket = $(SOCKET_PATH)\nhttp-socket = %h:80\n")
    assert server.listeners == []


def test_shared_socket_takes_the_protocol_of_its_user():
    server, _ = uwsgi_from_argv(["--shared-socket", ":80", "--http-socket", "=0"], AT, ReadContext(), None, {})
    assert [(l.option, l.protocol, str(l.address)) for l in server.listeners] == [("shared-socket", "http", "*:80")]


def test_from_argv_name(tmp_path):
    (tmp_path / "blog.ini").write_text("[uwsgi]\nsocket = :3031\n")
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    server, problems = uwsgi_from_argv(["--ini", "blog.ini", "-M"], AT, ctx, str(tmp_path), {})
    assert problems == [] and server.name == "blog"
    assert [str(l.address) for l in server.listeners] == ["*:3031"]
    assert [s.endswith("blog.ini") for s in server.sources] == [True]
    server, _ = uwsgi_from_argv(["-s", ":1"], AT, ctx, None, {})
    assert server.name == "uwsgi" and server.at == AT


def test_is_uwsgi_ini_text():
    assert is_uwsgi_ini_text("[uwsgi]\nfoo = 1\n")
    assert is_uwsgi_ini_text("; hi\n[uwsgi] ; main\n")
    assert is_uwsgi_ini_text("socket = :80\nmaster = true\nprocesses = 4\n")
    assert not is_uwsgi_ini_text("[program:app]\ncommand = uwsgi\nautostart = true\n")
    assert not is_uwsgi_ini_text("[Unit]\nDescription=x\n[Service]\nExecStart=/bin/uwsgi\nUser=app\n")
