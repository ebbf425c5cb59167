"""The deployment graph: launch edges from the managers, reach edges from nginx routes to
listeners, and places deciding what a loopback address or a socket path can reach."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from conftest import write_tree

from wsgilint.api import check
from wsgilint.model import HOST, Deployment, Place

NGINX = ("server {{\n    listen 80;\n    location / {{\n        include uwsgi_params;\n"
         "        uwsgi_pass {target};\n    }}\n}}\n")


def _deployment(tmp_path: Path, target: str, socket: str) -> Deployment:
    tree = write_tree(tmp_path, {"deploy/nginx.conf": NGINX.format(target=target),
                                 "deploy/uwsgi.ini": f"[uwsgi]\nsocket = {socket}\nmodule = app.wsgi\n",
                                 "deploy/supervisord.conf": "[program:app]\ncommand=uwsgi --ini /srv/deploy/uwsgi.ini\n"
                                                            "user=app\n"})
    return check([str(tree)]).deployment


def _move_app(deployment: Deployment, place: Place) -> None:
    for server in deployment.app_servers:
        server.place = place


def test_on_one_host_a_route_reaches_the_listener_it_names(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "127.0.0.1:3031")
    [reach] = deployment.reaches
    assert [listener.option for listener in reach.listeners] == ["socket"]
    assert all(server.place == HOST for server in deployment.app_servers)


def test_loopback_of_another_place_is_not_reached(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "127.0.0.1:3031")
    _move_app(deployment, Place("app", "container"))
    assert [reach.listeners for reach in deployment.reaches] == [()]


def test_places_sharing_a_network_share_loopback(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "127.0.0.1:3031")
    _move_app(deployment, Place("app", "container", network="host"))
    assert len(deployment.reaches[0].listeners) == 1


def test_a_unix_socket_is_reached_only_through_a_shared_file_system(tmp_path):
    deployment = _deployment(tmp_path, "unix:/run/app/app.sock", "/run/app/app.sock")
    _move_app(deployment, Place("app", "container"))
    assert deployment.reaches[0].listeners == ()
    _move_app(deployment, Place("app", "container", mounts="host"))
    assert len(deployment.reaches[0].listeners) == 1


def test_a_wildcard_listener_of_another_place_is_reached_by_name_not_by_loopback(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "0.0.0.0:3031")
    _move_app(deployment, Place("app", "container"))
    assert deployment.reaches[0].listeners == ()
    route = deployment.routes[0]
    named = dataclasses.replace(route.targets[0], address=dataclasses.replace(route.targets[0].address, host="app"))
    assert len(deployment.reached(route, named)) == 1


def test_a_loopback_listener_of_another_place_is_not_reached_by_name(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "127.0.0.1:3031")
    _move_app(deployment, Place("app", "container"))
    route = deployment.routes[0]
    named = dataclasses.replace(route.targets[0], address=dataclasses.replace(route.targets[0].address, host="app"))
    assert deployment.reached(route, named) == []


def test_a_public_address_is_a_hosts_not_a_containers_own(tmp_path):
    """A container on its own network has an RFC 1918 (or CGNAT) address there: a route to a
    public address reaches what a host publishes, not the container's own port of that number."""
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "0.0.0.0:3031")
    _move_app(deployment, Place("app", "container"))
    route = deployment.routes[0]

    def at(host: str) -> list:
        target = dataclasses.replace(route.targets[0], address=dataclasses.replace(route.targets[0].address, host=host))
        return deployment.reached(route, target)

    assert at("207.216.46.125") == [] and at("203.0.113.7") == []
    assert len(at("172.18.0.5")) == 1 and len(at("10.0.3.2")) == 1 and len(at("192.168.1.20")) == 1
    _move_app(deployment, Place("app", "container", network="host"))   # the host's own network
    assert len(at("207.216.46.125")) == 1


def test_launch_edges_say_what_starts_what_and_as_whom(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "127.0.0.1:3031")
    [launch] = deployment.launches
    assert launch.manager.kind == "supervisor" and launch.program == "uwsgi"
    assert launch.user is not None and launch.user.value == "app"
    assert launch.place == HOST


def test_two_compose_files_of_one_directory_configure_one_container_run_alone_in_any_mode(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "127.0.0.1:3031")
    prod = Place("app", "container", network="deploy/app", mounts="deploy/app", started_with="deploy/docker-compose.yml")
    test = dataclasses.replace(prod, started_with="deploy/docker-compose.test.yml")
    for mode in ("repository", "snapshot"):
        deployment.host.mode = mode
        assert not deployment.run_together(prod, test)
        assert deployment.run_together(prod, prod) and deployment.run_together(prod, HOST)


def test_other_compose_projects_are_alternatives_only_in_a_repository(tmp_path):
    deployment = _deployment(tmp_path, "127.0.0.1:3031", "127.0.0.1:3031")
    shop = Place("app", "container", network="shop/app", mounts="shop/app", started_with="shop/compose.yaml")
    blog = Place("app", "container", network="blog/app", mounts="blog/app", started_with="blog/compose.yaml")
    deployment.host.mode = "repository"
    assert not deployment.run_together(shop, blog)
    deployment.host.mode = "snapshot"
    assert deployment.run_together(shop, blog)
