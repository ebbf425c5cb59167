"""The nginx version N113 checks against: assumed, installed (dpkg's database), or given."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.model.build import _installed_versions

FIXTURES = PROJECT / "tests" / "fixtures" / "N113"


def n113(case: str, *options: str) -> list[tuple[int, str]]:
    """(line, severity) of N113's findings from the command line as users run it."""
    completed = subprocess.run(
        [sys.executable, "-m", "wsgilint", "check", ".", "--format", "json", "--fail-on", "never", *options],
        cwd=FIXTURES / case, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert completed.returncode == 0, completed.stderr
    return [(f["line"], f["severity"]) for f in json.loads(completed.stdout)["findings"] if f["code"] == "N113"]


def test_nginx_version_option_changes_the_severity() -> None:
    assert n113("ssl-directive") == [(5, "warning"), (16, "warning")]   # the version is only assumed
    assert n113("ssl-directive", "--nginx-version", "1.30.4") == [(5, "error"), (16, "error")]
    assert n113("ssl-directive", "--nginx-version", "1.22.1") == [(5, "warning"), (16, "warning")]
    assert n113("ssl-directive", "--nginx-version", "1.14.2") == []
    assert n113("listen-spdy-and-spdy-directives", "--nginx-version", "1.18.0") == [
        (2, "warning"), (6, "warning"), (7, "warning")]


def test_a_directive_newer_than_the_version_is_an_error() -> None:
    assert n113("http2-directive-and-current-settings") == []
    assert n113("http2-directive-and-current-settings", "--nginx-version", "1.22.1") == [
        (3, "error"), (4, "error"), (5, "error")]
    assert n113("listen-http2-parameter", "--nginx-version", "1.22.1") == []


def test_the_assumed_version_is_the_stable_release_and_said_so() -> None:
    result = check([str(FIXTURES / "ssl-directive")])
    assert result.deployment.host.versions["nginx"].note == "assumed: nginx 1.30.4"
    assert "nginx" in result.deployment.host.assumed_versions
    assert all("(assumed: nginx 1.30.4)" in f.message for f in result.findings if f.code == "N113")


def test_a_deprecation_older_nginx_disagrees_with_informs_while_the_version_is_assumed() -> None:
    # Ubuntu 22.04 and 24.04 ship nginx 1.18 and 1.24: `listen ... http2` is right there and
    # `http2 on;` is refused; only a version that someone names makes it a warning.
    assert n113("listen-http2-parameter") == [(2, "info"), (3, "info")]
    assert n113("listen-http2-parameter", "--nginx-version", "1.30.4") == [(2, "warning"), (3, "warning")]
    [finding, _] = [f for f in check([str(FIXTURES / "listen-http2-parameter")]).findings if f.code == "N113"]
    assert "assumed: nginx 1.30.4, the current stable release; on nginx before 1.25.1" in finding.message
    assert "refuses `http2 on;`" in finding.message and "--nginx-version" in finding.message
    # The files' own `http2 on;` shows an nginx of 1.25.1 or later: server push is ignored there.
    assert {severity for _, severity in n113("http2-server-push")} == {"warning"}
    # Broken on every nginx still shipped (SPDY gave way to HTTP/2 in 1.9.5): kept as it was.
    assert {severity for _, severity in n113("listen-spdy-and-spdy-directives")} == {"warning"}


def test_a_version_someone_names_is_not_assumed() -> None:
    assert "nginx" not in check([str(FIXTURES / "ssl-directive")], versions={"nginx": "1.22.1"}).deployment.host.assumed_versions
    # An image tag names the version of the containers' nginx; a host's stays assumed.
    host = check([str(FIXTURES / "listen-http2-with-a-current-nginx-image")]).deployment.host
    assert "nginx" in host.container_versions and "nginx" in host.assumed_versions


def test_installed_nginx_comes_from_the_package_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    status = tmp_path / "status"
    status.write_text(
        "Package: nginx-common\nStatus: install ok installed\nVersion: 1.22.1-9+deb12u9\n\n"
        "Package: nginx\nStatus: install ok installed\nVersion: 1.22.1-9+deb12u9\n\n")
    ctx = ReadContext(mode="live")
    monkeypatch.setattr(ctx, "local", lambda path, base_dir=None: str(status) if path == "/var/lib/dpkg/status" else None)
    found = _installed_versions(ctx)
    assert (found["nginx"].value, found["nginx"].note) == ("1.22.1", "installed Debian package nginx")


def test_older_debian_flavour_packages_count_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    status = tmp_path / "status"
    status.write_text("Package: nginx-full\nStatus: install ok installed\nVersion: 1.18.0-6.1+deb11u3\n\n")
    ctx = ReadContext(mode="live")
    monkeypatch.setattr(ctx, "local", lambda path, base_dir=None: str(status) if path == "/var/lib/dpkg/status" else None)
    assert _installed_versions(ctx)["nginx"].value == "1.18.0"


def test_nginx_version_in_the_settings_file(tmp_path: Path) -> None:
    (tmp_path / "nginx.conf").write_text((FIXTURES / "ssl-directive" / "nginx.conf").read_text())
    (tmp_path / "wsgilint.toml").write_text('nginx-version = "1.22.1"\n')
    result = subprocess.run([sys.executable, "-m", "wsgilint", "check", ".", "--format", "json", "--fail-on", "never"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(PROJECT)})
    severities = {f["severity"] for f in json.loads(result.stdout)["findings"] if f["code"] == "N113"}
    assert severities == {"warning"}


def test_an_nginx_image_tag_stands_in_for_the_assumed_version() -> None:
    result = check([str(FIXTURES / "listen-http2-with-an-older-nginx-image")])
    version = result.deployment.host.container_versions["nginx"]
    assert version.at is not None and version.at.path.endswith("docker/proxy/Dockerfile")
    assert version.value == "1.19.0" and version.note == "the image nginx:1.19.0-alpine in " + version.at.path
    assert not [f for f in result.findings if f.code == "N113"]


def test_an_image_tag_naming_a_release_line_is_its_newest_release() -> None:
    """`nginx:1.27-alpine` pulls the newest 1.27 release: past 1.25.1, so `listen ... http2` is
    deprecated there, and the message names the line, not a release number it cannot know."""
    result = check([str(FIXTURES / "listen-http2-with-a-release-line-image-tag")])
    assert "nginx" in result.deployment.host.newest_of_line
    (finding,) = [f for f in result.findings if f.code == "N113"]
    assert finding.severity == "warning"
    assert "nginx 1.27.x starts with a warning" in finding.message
    assert "the newest 1.27 release" in finding.message and str(sys.maxsize) not in finding.message


def test_an_image_tag_does_not_speak_for_a_host_site_beside_it() -> None:
    """The container's nginx is the image's 1.27; the host's site beside it runs on the host's
    nginx, which the files do not name (Ubuntu 22.04 ships 1.18, where `listen ... http2` is right)."""
    result = check([str(FIXTURES / "host-site-beside-a-container-nginx-image")])
    severities = {f.at.path.split("/")[-3]: f.severity for f in result.findings if f.code == "N113"}
    assert severities == {"infra": "warning", "deploy": "info"}, severities
