"""C101's words name the setting that made the container root where it is written: the image's
`USER root` under a Compose service that sets no `user:`, the service's `user: root` where it does."""
import pytest
from conftest import write_tree

from wsgilint.api import check

_DOCKERFILE = ("FROM python:3.12-slim\nRUN pip install uwsgi\nWORKDIR /srv\nCOPY deploy/uwsgi.ini /etc/uwsgi/app.ini\n"
               "USER root\nCMD [\"uwsgi\", \"--ini\", \"/etc/uwsgi/app.ini\"]\n")


@pytest.mark.parametrize(("service", "override", "said"), [
    ("services:\n  app:\n    build: .\n", None, "`USER root`"),
    ("services:\n  app:\n    build: .\n    user: root\n", None, "`user: root`"),
    # compose.override.yaml, which Compose merges in, sets more of the service: `user:` is still
    # the service's own, written in compose.yaml.
    ("services:\n  app:\n    build: .\n    user: root\n", "services:\n  app:\n    environment:\n      A: '1'\n",
     "`user: root`"),
])
def test_the_root_setting_is_named_where_it_is_written(in_tmp, service: str, override: str | None,
                                                       said: str) -> None:
    write_tree(in_tmp, {"Dockerfile": _DOCKERFILE, "compose.yaml": service,
                        "deploy/uwsgi.ini": "[uwsgi]\nsocket = :3031\nmodule = app.wsgi\n",
                        **({"compose.override.yaml": override} if override else {})})
    [message] = [f.message for f in check(["."]).findings if f.code == "C101"]
    assert f"runs uWSGI as root: {said} and" in message
