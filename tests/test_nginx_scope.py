"""The nginx scope tree: http -> server -> location, inheritance, includes in place, and
the facts rules ask it for (aliases, served roots, listening sockets, unknown names)."""
from __future__ import annotations

from pathlib import Path

from wsgilint.core.context import ReadContext
from wsgilint.model import NginxInstance, NginxLocation, NginxServer
from wsgilint.model.nginx import nginx_instance
from wsgilint.model.nginx_scope import known_directives
from wsgilint.readers.nginx import read_nginx_fragment, read_nginx_main


def read(tmp_path: Path, files: dict[str, str], main: bool = False) -> NginxInstance:
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    ctx = ReadContext(mode="repository", cwd=str(tmp_path))
    first = str(tmp_path / next(iter(files)))
    tree = read_nginx_main(first, ctx) if main else read_nginx_fragment(first, ctx)
    assert tree.problems == []
    return nginx_instance(tree)


def by_path(server: NginxServer) -> dict[str, NginxLocation]:
    return {location.path: location for location in server.all_locations()}


def args(location: NginxLocation, name: str) -> list[tuple[str, ...]]:
    return [d.args for d in location.effective(name)]


def test_a_location_inherits_the_server_timeout_unless_it_sets_its_own(tmp_path: Path) -> None:
    instance = read(tmp_path, {"site.conf": (
        "server {\n listen 80;\n uwsgi_read_timeout 30s;\n"
        " location / { uwsgi_pass unix:/a.sock; }\n"
        " location /slow { uwsgi_read_timeout 300s; uwsgi_pass unix:/a.sock; }\n}\n")})
    (server,) = instance.servers
    locations = by_path(server)
    assert args(locations["/"], "uwsgi_read_timeout") == [("30s",)]
    assert args(locations["/slow"], "uwsgi_read_timeout") == [("300s",)]
    assert locations["/"].own.get("uwsgi_read_timeout") is None          # inherited, not written there
    assert [[d.args for d in r.effective("uwsgi_read_timeout")] for r in instance.routes] == [[("30s",)], [("300s",)]]


def test_list_directives_and_handlers_follow_nginx_inheritance(tmp_path: Path) -> None:
    instance = read(tmp_path, {"site.conf": (
        "server {\n proxy_set_header A 1;\n proxy_set_header B 2;\n"
        " location /own { proxy_set_header C 3; proxy_pass http://a:1; location /own/inner { } }\n"
        " location /bare { }\n}\n")})
    locations = by_path(instance.servers[0])
    assert args(locations["/own"], "proxy_set_header") == [("C", "3")]        # one line hides the server's list
    assert args(locations["/bare"], "proxy_set_header") == [("A", "1"), ("B", "2")]
    inner = locations["/own/inner"]
    assert inner.parent is locations["/own"] and args(inner, "proxy_set_header") == [("C", "3")]
    assert inner.effective("proxy_pass") == () and inner.handler is None   # a handler applies only where written
    assert list(inner.in_effect()) == ["proxy_set_header"]


def test_an_include_inside_a_location_is_expanded_in_place(tmp_path: Path) -> None:
    instance = read(tmp_path, {
        "nginx.conf": ("events {}\nhttp {\n server {\n  listen 80;\n  location / {\n"
                       "   uwsgi_param BEFORE 1;\n   include snippets/app.conf;\n   uwsgi_param AFTER 2;\n"
                       "  }\n }\n}\n"),
        "snippets/app.conf": "uwsgi_param INCLUDED 3;\nuwsgi_pass unix:/run/app.sock;\nlocation /nested { }\n",
    }, main=True)
    (http,) = instance.http
    assert http.block is not None and http.block.name == "http"
    location = by_path(http.servers[0])["/"]
    params = location.own["uwsgi_param"]
    assert [d.args[0] for d in params] == ["BEFORE", "INCLUDED", "AFTER"]
    assert [d.at.path for d in params] == ["nginx.conf", "snippets/app.conf", "nginx.conf"]
    assert location.handler is not None and location.handler.at.path == "snippets/app.conf"
    assert [child.path for child in location.locations] == ["/nested"]
    assert location.locations[0].parent is location
    (route,) = instance.routes
    assert route.handler is location.handler and route.location == "/"


def test_the_tree_has_servers_with_listens_names_and_ifs(tmp_path: Path) -> None:
    instance = read(tmp_path, {"site.conf": (
        "server {\n listen 80;\n listen 443 ssl;\n server_name a.example b.example;\n"
        " location = /exact { }\n location ~ \\.php$ { }\n location @named { }\n"
        " location / {\n  if ($x) { proxy_pass http://127.0.0.1:1; }\n }\n}\n"
        "server {\n server_name other;\n}\n")})
    first, second = instance.servers
    assert [d.args for d in first.listens] == [("80",), ("443", "ssl")]
    assert first.server_names == ["a.example", "b.example"] and second.server_names == ["other"]
    assert first.parent is instance.http[0] and instance.http[0].block is None   # a fragment read in http
    shapes = [(loc.path, loc.modifier, loc.is_prefix) for loc in first.all_locations()]
    assert shapes == [("/exact", "=", False), ("\\.php$", "~", False), ("@named", "", False), ("/", "", True)]
    catch_all = by_path(first)["/"]
    (condition,) = catch_all.locations
    assert condition.is_if and condition.handler is not None
    (route,) = instance.routes
    assert (route.location, route.in_if, route.server) == ("/", True, first)


def test_fragments_of_server_and_location_context(tmp_path: Path) -> None:
    server_fragment = read(tmp_path / "s", {"site.conf": "listen 8000;\nroot /srv/www;\nlocation /x { }\n"})
    (server,) = server_fragment.servers
    assert server.block is None and server.at.path == "site.conf"
    assert [d.args for d in server.listens] == [("8000",)]
    assert by_path(server)["/x"].effective("root")[0].args == ("/srv/www",)
    location_fragment = read(tmp_path / "l", {"site.conf": "alias /srv/static/;\nlocation /deeper { }\n"})
    (fragment,) = location_fragment.servers[0].locations
    assert fragment.block is None and not fragment.is_prefix
    assert fragment.alias is not None and fragment.alias.value_at.column == 7
    assert [loc.path for loc in location_fragment.locations] == ["", "/deeper"]


def test_what_a_location_serves_from(tmp_path: Path) -> None:
    instance = read(tmp_path, {"site.conf": (
        "server {\n"
        " location /static/ { alias /srv/static/; }\n"
        " location /files { try_files $uri =404; proxy_pass http://a:1; }\n"
        " location /app { proxy_pass http://a:1; }\n"
        " location /gone { return 410; }\n"
        " location /private { deny all; }\n}\n")})
    locations = by_path(instance.servers[0])
    alias = locations["/static/"].alias
    assert alias is not None and alias.args == ("/srv/static/",)
    assert (alias.name_at.column, alias.value_at.column, alias.value_at.end_column) == (22, 28, 40)
    assert (alias.at.column, alias.at.end_column) == (22, 40)
    hands_off = {path: location.hands_off for path, location in locations.items()}
    assert hands_off == {"/static/": False, "/files": False, "/app": True, "/gone": True, "/private": True}


def test_upstreams_and_stock_directives(tmp_path: Path) -> None:
    instance = read(tmp_path, {"site.conf": (
        "upstream app {\n server unix:/run/a.sock;\n server 127.0.0.1:9000 backup;\n}\n"
        "server {\n location / { include uwsgi_params; uwsgi_pass app; }\n}\n")})
    upstream = instance.upstreams["app"]
    assert [d.args[0] for d in upstream.servers] == ["unix:/run/a.sock", "127.0.0.1:9000"]
    location = by_path(instance.servers[0])["/"]
    params = location.own["uwsgi_param"]
    assert all(d.stock for d in params) and params[0].at.path == "<stock>/uwsgi_params"
    assert location.handler is not None and not location.handler.stock
    assert not any(d.stock for d in instance.directives)


def test_listening_sockets_fold_like_nginx(tmp_path: Path) -> None:
    instance = read(tmp_path, {"nginx.conf": (
        "events {}\n"
        "http {\n server { listen 80; listen 127.0.0.1:80; }\n server { listen 10.0.0.1:80 bind; }\n"
        " server { server_name no-listen; }\n}\n"
        "stream {\n server { listen 5000; }\n}\n")}, main=True)
    sockets = instance.listening_sockets()
    assert sorted(sockets) == [("tcp", "ipv4", "*", "5000"), ("tcp", "ipv4", "*", "80"),
                               ("tcp", "ipv4", "10.0.0.1", "80")]
    first = sockets[("tcp", "ipv4", "*", "80")]
    assert first is not None and (first.args, first.at.line) == (("80",), 3)
    assert instance.listen_count == 3   # the http servers' distinct listens, *:80 counted once


def test_unknown_directives_leave_out_values_unknown_blocks_and_stock_text(tmp_path: Path) -> None:
    instance = read(tmp_path, {"site.conf": (
        "map $uri $x {\n default 0;\n ~^/a 1;\n}\n"
        "server {\n client_max__body_siz 10m;\n more_clear_headers Server;\n"
        " mystery_block {\n  inner_thing on;\n }\n"
        " location / { include uwsgi_params; uwsgi_pass unix:/s; }\n}\n")})
    assert [(d.name, d.name_at.line) for d in instance.unknown_directives] == [
        ("client_max__body_siz", 6), ("mystery_block", 8)]
    assert "more_clear_headers" in known_directives() and "proxy_pass" in known_directives()


def test_a_digit_that_is_no_number_is_not_read(tmp_path: Path) -> None:
    instance = read(tmp_path, {"nginx.conf": (
        "worker_rlimit_nofile \u00b2;\nevents { worker_connections \u00b2; }\nhttp {\n server { listen \u00b2; }\n}\n")},
        main=True)
    assert instance.worker_rlimit_nofile is None and instance.worker_connections.is_default
    assert instance.listen_count == 1
