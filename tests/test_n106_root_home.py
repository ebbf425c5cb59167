"""N106 in root's home: the 403 that a closed /root gives is said only when nginx's
workers are not root themselves (`user root;` opens every file there)."""
from pathlib import Path

import pytest
from conftest import write_tree

from wsgilint.api import check

SERVER = ("    server {\n        listen 80;\n        location / {\n            proxy_pass http://127.0.0.1:8000;\n"
          "        }\n        location /files/ {\n            alias /root/blog/;\n        }\n    }\n")


def n106_messages(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(root)
    return [f.message for f in check(["."]).findings if f.code == "N106"]


@pytest.mark.parametrize(("user", "says_403"), [("user root;\n", False), ("user www-data;\n", True), ("", True)])
def test_403_only_when_workers_are_not_root(user: str, says_403: bool, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, {"nginx.conf": f"{user}events {{}}\nhttp {{\n{SERVER}}}\n"})
    [message] = n106_messages(tmp_path, monkeypatch)
    assert "/root/blog, a project directory in root's home" in message
    assert ("403" in message) is says_403
