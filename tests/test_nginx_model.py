"""The nginx part of the model: worker settings, listeners, routes, targets, inheritance."""
from __future__ import annotations

from pathlib import Path

from conftest import write_tree

from wsgilint.api import build_deployment, discover
from wsgilint.core.context import ReadContext
from wsgilint.model import Deployment, NginxInstance, Route
from wsgilint.model.nginx import DEFAULT_USER_NOTE, UNKNOWN_USER_NOTE, nginx_instance
from wsgilint.readers.nginx import read_nginx_fragment, read_nginx_main


def main_instance(tmp_path: Path, files: dict[str, str]) -> NginxInstance:
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content)
    ctx = ReadContext(mode="repository", cwd=str(tmp_path))
    tree = read_nginx_main(str(tmp_path / "nginx.conf"), ctx)
    assert tree.problems == []
    return nginx_instance(tree, standalone=False)


def fragment_instance(tmp_path: Path, text: str) -> NginxInstance:
    (tmp_path / "site.conf").write_text(text)
    tree = read_nginx_fragment(str(tmp_path / "site.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert tree.problems == []
    return nginx_instance(tree, standalone=True)


def values(route: Route, name: str) -> list[tuple[str, ...]]:
    return [d.args for d in route.effective(name)]


def test_defaults_of_an_empty_main_config(tmp_path):
    instance = main_instance(tmp_path, {"nginx.conf": "events {}\nhttp {}\n"})
    assert (instance.user.value, instance.user.note, instance.user.at) == ("nobody", DEFAULT_USER_NOTE, None)
    assert instance.worker_connections.value == 512 and instance.worker_connections.is_default
    assert instance.worker_rlimit_nofile is None
    assert instance.daemon.value is True
    assert instance.listen_count == 0 and instance.routes == []
    assert not instance.standalone and instance.files == ["nginx.conf"]


def test_main_settings_are_located(tmp_path):
    instance = main_instance(tmp_path, {"nginx.conf": (
        "user www-data;\nworker_rlimit_nofile 4096;\ndaemon off;\n"
        "events {\n  worker_connections 9000;\n}\nhttp {}\n")})
    assert (instance.user.value, instance.user.at.line, instance.user.at.column) == ("www-data", 1, 1)
    assert instance.worker_rlimit_nofile.value == 4096
    assert instance.daemon.value is False and instance.daemon.at.line == 3
    assert (instance.worker_connections.value, instance.worker_connections.at.line) == (9000, 5)


def test_fragment_user_is_unknown(tmp_path):
    instance = fragment_instance(tmp_path, "server { listen 80; }\n")
    assert instance.standalone
    assert instance.user.value == "" and instance.user.note == UNKNOWN_USER_NOTE


def test_listen_count_counts_distinct_sockets(tmp_path):
    instance = fragment_instance(tmp_path, (
        "server { listen 80; }\nserver { listen *:80; listen [::]:80; }\nserver { listen 0.0.0.0:80; }\n"
        "server { listen 127.0.0.1:8080; listen unix:/run/n.sock; }\nserver { server_name nolisten; }\n"))
    assert instance.listen_count == 4


def test_a_listen_nginx_refuses_opens_no_socket(tmp_path):
    site = tmp_path / "site.conf"
    site.write_text("server { listen :80; }\nserver { listen 127.0.0.1:8080; }\n")
    tree = read_nginx_fragment(str(site), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert [(p.kind, p.at.line, p.message.split(": ")[0]) for p in tree.problems] == [
        ("syntax", 1, 'no host in ":80" of the "listen" directive')]
    sockets = nginx_instance(tree, standalone=True).listening_sockets()
    assert list(sockets) == [("tcp", "ipv4", "127.0.0.1", "8080")]


def test_a_listen_nginx_refuses_is_not_a_listen_of_its_server(tmp_path):
    # nginx 1.22: `nginx -t` stops with 'no host in ":443" of the "listen" directive' and
    # 'invalid port in "70000" of the "listen" directive' (test_nginx_differential.py runs
    # both values): no server serves TLS on :443 or port 70000, so no rule may read them.
    site = tmp_path / "site.conf"
    site.write_text("server {\n listen :443 ssl;\n listen 70000;\n listen 8443 ssl;\n}\n"
                    "server {\n listen :80;\n}\n")
    tree = read_nginx_fragment(str(site), ReadContext(mode="repository", cwd=str(tmp_path)))
    assert [(p.kind, p.at.line) for p in tree.problems] == [("syntax", 2), ("syntax", 3), ("syntax", 7)]
    instance = nginx_instance(tree, standalone=True)
    first, second = instance.servers
    assert [listen.args for listen in first.listens] == [("8443", "ssl")]
    assert second.listens == ()
    assert [listen.at.line for listen in first.own["listen"]] == [2, 3, 4]   # as written, for the reader's findings
    # A server whose only listen is refused does not fall back to nginx's default *:80.
    assert list(instance.listening_sockets()) == [("tcp", "ipv4", "*", "8443")]


def test_routes_protocols_and_servers(tmp_path):
    instance = fragment_instance(tmp_path, (
        "server {\n listen 80;\n server_name a.example b.example;\n"
        " location / { uwsgi_pass unix:///run/app.sock; }\n"
        " location /s { uwsgi_pass suwsgi://127.0.0.1:9000; }\n"
        " location /p { proxy_pass http://127.0.0.1:8000/api/; }\n"
        " location /t { proxy_pass https://backend.example; }\n"
        " location /f { fastcgi_pass 127.0.0.1:9001; }\n"
        " location /g { grpc_pass grpcs://127.0.0.1:50051; }\n"
        " location /c { scgi_pass unix:/run/scgi.sock; }\n"
        " location /v { proxy_pass http://$backend; }\n"
        "}\n"))
    got = [(r.location, r.protocol, [str(t.address) for t in r.targets]) for r in instance.routes]
    assert got == [
        ("/", "uwsgi", ["unix:/run/app.sock"]),
        ("/s", "uwsgi", ["127.0.0.1:9000"]),
        ("/p", "http", ["127.0.0.1:8000"]),
        ("/t", "https", ["backend.example:443"]),
        ("/f", "fastcgi", ["127.0.0.1:9001"]),
        ("/g", "grpc", ["127.0.0.1:50051"]),
        ("/c", "scgi", ["unix:/run/scgi.sock"]),
        ("/v", "http", []),
    ]
    route = instance.routes[0]
    assert route.server.server_names == ["a.example", "b.example"]
    assert [d.args for d in route.server.listens] == [("80",)]
    assert all(r.server is route.server for r in instance.routes)
    assert (route.handler.at.line, route.handler.at.column) == (4, 15)
    target = route.targets[0].at
    assert (target.line, target.column, target.end_column) == (4, 26, 46)
    assert route.location_at.line == 4


def test_upstream_blocks_give_one_target_per_server(tmp_path):
    instance = fragment_instance(tmp_path, (
        "server {\n location / { uwsgi_pass app; }\n location /h { proxy_pass http://web/x; }\n"
        " location /n { proxy_pass http://named; }\n location /u { uwsgi_pass unknown; }\n}\n"
        "upstream app {\n server unix:/run/a.sock;\n server 127.0.0.1:9000 backup;\n}\n"
        "upstream web {\n server 10.0.0.1;\n}\n"))
    by_location = {r.location: r for r in instance.routes}
    app = by_location["/"]
    assert app.upstream == "app"
    assert [(str(t.address), t.at.line) for t in app.targets] == [("unix:/run/a.sock", 8), ("127.0.0.1:9000", 9)]
    assert [str(t.address) for t in by_location["/h"].targets] == ["10.0.0.1:80"]
    assert (by_location["/n"].upstream, [str(t.address) for t in by_location["/n"].targets]) == \
        ("named", ["named:80"])
    assert (by_location["/u"].upstream, by_location["/u"].targets) == ("unknown", [])


def test_array_directives_inherit_only_when_the_level_sets_none(tmp_path):
    instance = fragment_instance(tmp_path, (
        "proxy_set_header X-Http a;\nproxy_read_timeout 10s;\nclient_max_body_size 5m;\n"
        "server {\n proxy_set_header X-Server b;\n proxy_set_header X-Server2 c;\n"
        " location /inherit { proxy_pass http://a:1; }\n"
        " location /own { proxy_set_header X-Own d; proxy_read_timeout 99s; proxy_pass http://a:1; }\n"
        "}\n"
        "server {\n location / { proxy_pass http://a:1; }\n}\n"))
    inherit, own, other = instance.routes
    assert values(inherit, "proxy_set_header") == [("X-Server", "b"), ("X-Server2", "c")]
    assert values(own, "proxy_set_header") == [("X-Own", "d")]
    assert values(other, "proxy_set_header") == [("X-Http", "a")]
    assert values(inherit, "proxy_read_timeout") == [("10s",)]
    assert values(own, "proxy_read_timeout") == [("99s",)]
    assert values(own, "client_max_body_size") == [("5m",)]
    assert own.effective("proxy_read_timeout")[0].at.line == 8


def test_included_and_stock_params_are_in_effect(tmp_path):
    instance = fragment_instance(tmp_path, (
        "server {\n uwsgi_param SERVER_LEVEL x;\n"
        " location / { include uwsgi_params; uwsgi_pass unix:/s; }\n"
        " location /bare { uwsgi_pass unix:/s; }\n}\n"))
    with_params, bare = instance.routes
    names = [args[0] for args in values(with_params, "uwsgi_param")]
    assert "REQUEST_METHOD" in names and "SERVER_LEVEL" not in names
    assert with_params.effective("uwsgi_param")[0].at.path == "<stock>/uwsgi_params"
    assert values(bare, "uwsgi_param") == [("SERVER_LEVEL", "x")]
    assert not any(d.at.path.startswith("<stock>") for d in instance.directives)


def test_routes_in_if_and_nested_locations(tmp_path):
    instance = fragment_instance(tmp_path, (
        "server {\n location /a {\n  uwsgi_read_timeout 5s;\n  uwsgi_pass unix:/a;\n"
        "  if ($request_method = POST) { uwsgi_pass unix:/post; }\n"
        "  location /a/b { uwsgi_pass unix:/b; }\n }\n}\n"))
    outer, in_if, nested = instance.routes
    assert (outer.location, outer.in_if) == ("/a", False)
    assert (in_if.location, in_if.in_if, str(in_if.targets[0].address)) == ("/a", True, "unix:/post")
    assert (nested.location, nested.in_if) == ("/a/b", False)
    assert values(in_if, "uwsgi_read_timeout") == values(nested, "uwsgi_read_timeout") == [("5s",)]
    assert [d.args for d in nested.effective("uwsgi_pass")] == [("unix:/b",)]


def test_fragments_of_server_and_location_context(tmp_path):
    server = fragment_instance(tmp_path, "listen 8000;\nlocation / { proxy_pass http://127.0.0.1:1; }\n")
    assert server.routes[0].server is not None
    assert [d.args for d in server.routes[0].server.listens] == [("8000",)]
    location = fragment_instance(tmp_path, "uwsgi_read_timeout 3s;\nuwsgi_pass 127.0.0.1:3031;\n")
    route = location.routes[0]
    assert (route.server, str(route.targets[0].address)) == (None, "127.0.0.1:3031")
    assert values(route, "uwsgi_read_timeout") == [("3s",)]


def test_directives_are_flattened_in_reading_order(tmp_path):
    instance = main_instance(tmp_path, {
        "nginx.conf": "events {}\nhttp {\n include a.conf;\n server { include a.conf; listen 80; }\n}\n",
        "a.conf": "server_tokens off;\n",
    })
    assert [(d.name, d.at.path) for d in instance.directives] == [
        ("events", "nginx.conf"), ("http", "nginx.conf"), ("include", "nginx.conf"), ("server_tokens", "a.conf"),
        ("server", "nginx.conf"), ("include", "nginx.conf"), ("server_tokens", "a.conf"), ("listen", "nginx.conf"),
    ]
    assert instance.files == ["nginx.conf", "a.conf"]
    listen = instance.directives[-1].at
    assert (listen.line, listen.column, listen.end_column) == (4, 27, 36)


def _deep_tree(tmp_path, depth: int):
    files = {"nginx.conf": "events {}\nhttp {\nserver {\n" + "location / {\n" * depth + "uwsgi_pass unix:/s;\n"
             + "}\n" * depth + "include chain0.conf;\n}\n}\n"}
    for number in range(depth):
        files[f"chain{number}.conf"] = f"include chain{number + 1}.conf;\n"
    files[f"chain{depth}.conf"] = "location /end { uwsgi_pass unix:/end; }\n"
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    return read_nginx_main(str(tmp_path / "nginx.conf"), ReadContext(mode="repository", cwd=str(tmp_path)))


def test_deep_nesting_and_long_include_chains_are_read_whole(tmp_path):
    tree = _deep_tree(tmp_path, 500)
    assert tree.problems == []
    assert [route.location for route in nginx_instance(tree).routes] == ["/", "/end"]


def test_nesting_deeper_than_the_reader_goes_is_cut_with_a_located_note(tmp_path):
    tree = _deep_tree(tmp_path, 1200)
    assert [(p.kind, p.at.path, p.at.line) for p in tree.problems] == [
        ("unreadable", "nginx.conf", 1002),      # after http, server and 998 locations
        ("unreadable", "chain997.conf", 1),      # chain0.conf is read 3 deep, chain997.conf 1000 deep
    ]
    assert nginx_instance(tree).routes == []


def deployment_of(tmp_path: Path, files: dict[str, str]) -> Deployment:
    write_tree(tmp_path, files)
    ctx = ReadContext(mode="repository", cwd=str(tmp_path))
    return build_deployment(discover([str(tmp_path)], ctx), ctx)


NGINX_UNIT = "[Service]\nExecStart=/usr/sbin/nginx -g 'daemon on; master_process on; user app app;'\n"


def test_command_line_user_names_the_workers_user_where_nginx_conf_does_not(tmp_path):
    deployment = deployment_of(tmp_path, {"etc/nginx/nginx.conf": "events {}\nhttp {}\n",
                                          "etc/systemd/system/nginx.service": NGINX_UNIT})
    (instance,) = deployment.nginx
    assert instance.user.value == "app"
    assert instance.user.at is not None and instance.user.at.path.endswith("nginx.service")
    assert instance.user.at.line == 2


def test_command_line_user_leaves_nginx_conf_user_alone(tmp_path):
    # nginx refuses the pair ("user" directive is duplicate); the file's line stays the one shown.
    deployment = deployment_of(tmp_path, {"etc/nginx/nginx.conf": "user www-data;\nevents {}\nhttp {}\n",
                                          "etc/systemd/system/nginx.service": NGINX_UNIT})
    assert deployment.nginx[0].user.value == "www-data"


def test_command_line_users_that_differ_leave_the_default(tmp_path):
    deployment = deployment_of(tmp_path, {
        "etc/nginx/nginx.conf": "events {}\nhttp {}\n",
        "etc/systemd/system/nginx.service": NGINX_UNIT,
        "etc/supervisor/conf.d/nginx.conf": "[program:nginx]\ncommand=nginx -g 'daemon off; user www-data;'\n"})
    assert (deployment.nginx[0].user.value, deployment.nginx[0].user.at) == ("nobody", None)


def test_command_line_user_applies_to_a_fragment_without_nginx_conf(tmp_path):
    deployment = deployment_of(tmp_path, {
        "site.conf": "server {\n    listen 80;\n}\n",
        "supervisord.conf": "[program:nginx]\ncommand=/usr/sbin/nginx -g'daemon off; user www-data www-data;'\n"})
    (instance,) = deployment.nginx
    assert instance.user.value == "www-data" and instance.user.at is not None


def _walked(instance: NginxInstance) -> list[object]:
    """What the walk leaves in an instance, each scope's own directives in reading order."""
    scopes: list[object] = []
    for http in instance.http:
        scopes.append(("http", http.at, http.own))
        for server in http.servers:
            pending = [server]
            while pending:
                scope = pending.pop()
                scopes.append((scope.at, scope.own, getattr(scope, "handler", None)))
                pending.extend(reversed(scope.locations or ()))
    return [scopes, instance.directives, instance.unknown_directives, instance.server_listens,
            instance.log_directives, [(u.name, u.servers) for u in instance.upstreams.values()],
            [(r.location_at, r.handler, r.directives, r.targets) for r in instance.routes], instance.user, instance.worker_connections,
            instance.worker_rlimit_nofile, instance.daemon]


def test_a_simple_file_included_again_is_taken_as_its_statements_walk_takes_it(tmp_path, monkeypatch):
    # A file of simple directives walked before is replayed from its directives
    # (``_Builder.simple_directives``): the instance is the one walking its statements gives.
    from wsgilint.model import nginx as nginx_model

    simple = "uwsgi_param A $a;\n# note\nfoo_unknown 1;\nlisten 81;\naccess_log /var/log/x.log;\nuwsgi_pass 127.0.0.1:1;\n"
    files = {
        "nginx.conf": "user www-data;\ninclude main.inc;\ninclude main.inc;\nevents { include ev.inc; }\n"
                      "http {\n  include params;\n  include empty;\n  include params;\n"
                      "  types { include params; include params; }\n"
                      "  upstream up { include ups.inc; }\n  upstream up2 { include ups.inc; }\n"
                      "  server {\n    include params;\n    location / { include params; include params; }\n"
                      "    location /b { include blocky; include blocky; if ($x) { include params; } }\n"
                      "  }\n  include params;\n}\n",
        "main.inc": "worker_rlimit_nofile 100;\ndaemon off;\n",
        "ev.inc": "worker_connections 10;\n",
        "params": simple,
        "empty": "# only a comment\n",
        "ups.inc": "server 127.0.0.1:2;\n",
        "blocky": "uwsgi_param B 1;\nif ($y) { uwsgi_param C 2; }\n",
    }
    # No name here that ``simple`` notes: replayed by name (``_Replay.by_name``), names interleaved.
    valid = {**files, "params": "uwsgi_param A $a;\n# note\nfoo_unknown 1;\nuwsgi_param B $b;\nproxy_set_header X y;\n"
                                "uwsgi_param C $c;\n", "listens": "listen 81;\n",
             "nginx.conf": "events {}\nhttp {\n  include params;\n  types { include params; include params; }\n"
                           "  upstream up { include ups.inc; }\n"
                           "  server {\n    include listens;\n    include params;\n"
                           "    location / { include params; uwsgi_pass up; include params; }\n"
                           "    location /b { include blocky; include blocky; uwsgi_pass 127.0.0.1:3;"
                           " if ($x) { include params; } }\n"
                           "  }\n  server { include listens; location / { include params; uwsgi_pass up; } }\n}\n"}
    write_tree(tmp_path, {**{f"odd/{name}": text for name, text in files.items()},
                          **{f"valid/{name}": text for name, text in valid.items()}})

    def walked(folder: str) -> list[object]:
        ctx = ReadContext(mode="repository", cwd=str(tmp_path / folder))
        return _walked(nginx_instance(read_nginx_main(str(tmp_path / folder / "nginx.conf"), ctx), standalone=False))

    replayed = [walked("odd"), walked("valid")]
    assert replayed[1][6]   # routes were made
    monkeypatch.setattr(nginx_model._Builder, "simple_directives", lambda self, index: None)
    assert replayed == [walked("odd"), walked("valid")]
