"""systemd socket activation, unit templates and service identity in the model: which
listeners a .socket unit gives the server it starts, with whose owner and mode, and what
User=, DynamicUser=, RuntimeDirectory= and drop-ins make of a service."""
from __future__ import annotations

from pathlib import Path

from conftest import write_tree

from wsgilint.api import check
from wsgilint.model import Deployment
from wsgilint.model.activation import parse_listen_stream
from wsgilint.model.runtime_dirs import runtime_directory
from wsgilint.readers.systemd import expand_specifiers

SOCKET = "[Socket]\nListenStream={listen}\n{extra}"


def _deployment(tmp_path: Path, files: dict[str, str]) -> Deployment:
    return check([str(write_tree(tmp_path, files))]).deployment


def _listeners(deployment: Deployment) -> list[tuple[str, str, str]]:
    return sorted((str(listener.address), listener.protocol, listener.bound_by)
                  for listener in deployment.listeners)


def test_gunicorn_uses_only_the_inherited_sockets(tmp_path):
    deployment = _deployment(tmp_path, {
        "etc/systemd/system/app.socket": SOCKET.format(listen="/run/app.sock", extra="ListenStream=127.0.0.1:8001\n"),
        "etc/systemd/system/app.service": "[Service]\nUser=app\nExecStart=/srv/venv/bin/gunicorn -b unix:/run/o.sock "
                                          "-b 127.0.0.1:9000 app:app\n"})
    assert _listeners(deployment) == [("127.0.0.1:8001", "http", "app.socket"),
                                      ("unix:/run/app.sock", "http", "app.socket")]


def test_uwsgi_adopts_its_own_socket_and_still_binds_another(tmp_path):
    deployment = _deployment(tmp_path, {
        "etc/systemd/system/app.socket": SOCKET.format(listen="/run/app.sock", extra=""),
        "etc/systemd/system/app.service": "[Service]\nExecStart=/usr/bin/uwsgi --ini /etc/uwsgi/app.ini\n",
        "etc/uwsgi/app.ini": "[uwsgi]\nhttp-socket = /run/app.sock\nsocket = /run/other.sock\n"})
    assert _listeners(deployment) == [("unix:/run/app.sock", "http", "app.socket"),
                                      ("unix:/run/other.sock", "uwsgi", "")]


def test_the_socket_unit_sets_owner_group_and_mode_with_systemd_defaults(tmp_path):
    deployment = _deployment(tmp_path, {
        "etc/systemd/system/a.socket": SOCKET.format(listen="/run/a.sock", extra="SocketGroup=www-data\nSocketMode=0660\n"),
        "etc/systemd/system/a.service": "[Service]\nExecStart=/usr/bin/uwsgi --ini /etc/uwsgi/a.ini\n",
        "etc/uwsgi/a.ini": "[uwsgi]\nchmod-socket = 600\nuid = app\n"})
    [listener] = deployment.listeners
    assert listener.mode is not None and listener.mode.value == 0o660
    assert listener.owner is not None and (listener.owner.value, listener.owner.at) == ("root", None)
    assert listener.group is not None and listener.group.value == "www-data"
    assert "from a.socket" in listener.label


def test_service_named_by_service_and_accept_yes(tmp_path):
    deployment = _deployment(tmp_path, {
        "etc/systemd/system/web.socket": SOCKET.format(listen="8000", extra="Service=app.service\n"),
        "etc/systemd/system/each.socket": SOCKET.format(listen="8001", extra="Accept=yes\n"),
        "etc/systemd/system/app.service": "[Service]\nExecStart=/srv/venv/bin/gunicorn app:app\n",
        "etc/systemd/system/each@.service": "[Service]\nExecStart=/srv/venv/bin/gunicorn -b 127.0.0.1:9001 x:app\n"})
    assert ("*:8000", "http", "web.socket") in _listeners(deployment)
    assert not any(bound_by == "each.socket" for _, _, bound_by in _listeners(deployment))


def test_template_instances_come_from_wants_links(tmp_path):
    tree = write_tree(tmp_path, {
        "etc/systemd/system/app@.socket": SOCKET.format(listen="/run/uwsgi/%i.socket", extra="SocketUser=www-%i\n"),
        "etc/systemd/system/app@.service": "[Service]\nUser=www-%i\nExecStart=/usr/bin/uwsgi --ini /etc/uwsgi/%i.ini\n",
        "etc/uwsgi/one.ini": "[uwsgi]\nmodule = one.wsgi\n", "etc/uwsgi/two.ini": "[uwsgi]\nmodule = two.wsgi\n"})
    wants = tree / "etc/systemd/system/sockets.target.wants"
    wants.mkdir()
    for name in ("one", "two"):
        (wants / f"app@{name}.socket").symlink_to("../app@.socket")
    deployment = check([str(tree)]).deployment
    assert sorted(manager.name for manager in deployment.managers) == ["app@one.service", "app@two.service"]
    assert _listeners(deployment) == [("unix:/run/uwsgi/one.socket", "uwsgi", "app@one.socket"),
                                      ("unix:/run/uwsgi/two.socket", "uwsgi", "app@two.socket")]
    owners = sorted(listener.owner.value for listener in deployment.listeners if listener.owner)
    assert owners == ["www-one", "www-two"]
    # The template is one unit file: rules about its text see it once.
    assert [unit.name for unit in deployment.systemd_units].count("app@.service") == 1


def test_listen_stream_values():
    assert str(parse_listen_stream("/run/a.sock")) == "unix:/run/a.sock"
    assert str(parse_listen_stream("8000")) == "*:8000"
    assert str(parse_listen_stream("127.0.0.1:8000")) == "127.0.0.1:8000"
    assert str(parse_listen_stream("[::1]:8000")) == "[::1]:8000"
    assert parse_listen_stream("@abstract") is not None and parse_listen_stream("@abstract").is_abstract
    assert parse_listen_stream("/run/%i.sock") is None
    assert parse_listen_stream("vsock:2:1234") is None


def test_specifiers():
    assert expand_specifiers("/run/%i/%p/%n/%N/%I/%%", "uwsgi-app@a-b.socket") == \
        "/run/a-b/uwsgi-app/uwsgi-app@a-b.socket/uwsgi-app@a-b/a/b/%"
    assert expand_specifiers("%j %H", "my-app@x.service") == "app %H"


def test_dynamic_user_is_not_root_and_implies_private_tmp(tmp_path):
    deployment = _deployment(tmp_path, {
        "etc/systemd/system/app.service": "[Service]\nDynamicUser=yes\nPrivateTmp=no\n"
                                          "ExecStart=/srv/venv/bin/gunicorn app:app\n"})
    [manager] = deployment.managers
    assert manager.user is not None and manager.user.value == "app"
    assert manager.private_tmp is not None and manager.private_tmp.value is True


def test_runtime_directory_owned_by_user_from_a_dropin(tmp_path):
    deployment = _deployment(tmp_path, {
        "etc/systemd/system/app.service": "[Service]\nRuntimeDirectory=app/sub\nRuntimeDirectoryMode=0750\n"
                                          "ExecStart=/srv/venv/bin/gunicorn app:app\n",
        "etc/systemd/system/app.service.d/user.conf": "[Service]\nUser=app\nGroup=www-data\n"})
    [manager] = deployment.managers
    inner = runtime_directory(manager, "/run/app/sub")
    assert inner is not None and (inner.owner.value, inner.mode.value) == ("app", 0o750)
    assert inner.writable_by("app", None) and inner.writable_by("www-data", "www-data") is False
    parent = runtime_directory(manager, "/run/app")
    assert parent is not None and parent.owner.value == "root"
    assert runtime_directory(manager, "/run/other") is None
