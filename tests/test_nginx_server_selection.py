"""Which server blocks nginx never picks (``NginxServer.passed_over``, N117), against the
real nginx: started on loopback ports, asked with every name the configuration writes and
one it does not, each block answering with its own line number. The blocks no request
reaches are the ones the model says nginx passes over, no more and no fewer.
"""
from __future__ import annotations

import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import NGINX, unavailable

from wsgilint.api import check

# Each case: server blocks as (listen, server_name or None); the addresses are loopback only.
CASES = {
    "two blocks without names": [("127.0.0.1:18161", None), ("127.0.0.1:18161", None)],
    "a second name keeps the block": [("127.0.0.1:18162", "a.test"), ("127.0.0.1:18162", "a.test b.test")],
    "a name taken by the block before": [("127.0.0.1:18163", "a.test"), ("127.0.0.1:18163", "a.test")],
    "names are compared in lower case": [("127.0.0.1:18164", "a.test"), ("127.0.0.1:18164", "A.TEST")],
    "a later default server still answers": [("127.0.0.1:18165", "c.test"),
                                             ("127.0.0.1:18165 default_server", "c.test")],
    "the default server wins no name": [("127.0.0.1:18166 default_server", "d.test"), ("127.0.0.1:18166", "d.test")],
    "another address is another choice": [("127.0.0.1:18167", "e.test"), ("127.0.0.2:18167", "e.test")],
    "a dotted name is the name and its wildcard": [("127.0.0.1:18168", ".f.test"), ("127.0.0.1:18168", "f.test"),
                                                   ("127.0.0.1:18168", "*.f.test")],
    "a block on two addresses answers on the one it wins": [("127.0.0.1:18169", "g.test"),
                                                            ("127.0.0.1:18169", "g.test", "127.0.0.1:18170")],
}


def _config(blocks: list[tuple[str, ...]]) -> tuple[str, list[int]]:
    """The site's text, each block answering with its first line's number, and those numbers."""
    lines: list[str] = []
    starts: list[int] = []
    for listen, names, *more in blocks:
        start = len(lines) + 1
        starts.append(start)
        lines.append("server {")
        lines += [f"    listen {each};" for each in (listen, *more)]
        if names is not None:
            lines.append(f"    server_name {names};")
        lines += [f'    location / {{ return 200 "{start}"; }}', "}"]
    return "\n".join(lines) + "\n", starts


def _answering_blocks(tmp_path: Path, site: Path, blocks: list[tuple[str, ...]]) -> set[str]:
    """The answers (block first lines) nginx gives to every name written, and an unknown one,
    on every address the blocks listen on."""
    if NGINX is None:
        unavailable("nginx is not installed (apt-get install nginx)")
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\ndaemon off;\nevents {{}}\n"
                    f"http {{\n    access_log off;\n    include {site};\n}}\n")
    names = {name.lstrip(".").replace("*", "x").lower() for _, written, *_ in blocks if written
             for name in written.split()} | {"unknown.invalid"}
    addresses = {each.split()[0] for listen, _, *more in blocks for each in (listen, *more)}
    process = subprocess.Popen([str(NGINX), "-p", f"{tmp_path}/", "-e", f"{tmp_path}/error.log", "-c", str(main)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))   # no proxy from the environment
    try:
        answers: set[str] = set()
        for address in sorted(addresses):
            for name in sorted(names):
                request = urllib.request.Request(f"http://{address}/", headers={"Host": name})
                for _ in range(50):
                    try:
                        with direct.open(request, timeout=5) as response:
                            answers.add(response.read().decode())
                        break
                    except OSError:
                        time.sleep(0.1)
                else:
                    pytest.fail(f"nginx did not answer on {address}")
        return answers
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=30)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_blocks_nginx_passes_over_are_those_no_request_reaches(tmp_path, case):
    blocks = CASES[case]
    site = tmp_path / "sites" / "site.conf"
    site.parent.mkdir()
    text, starts = _config(blocks)
    site.write_text(text)
    reached = _answering_blocks(tmp_path, site, blocks)
    deployment = check([str(site)]).deployment
    passed_over = {str(server.block.at.line) for instance in deployment.nginx for server in instance.servers
                   if server.block is not None and server.passed_over is not None}
    assert {str(line) for line in starts} - reached == passed_over, text


def test_a_block_passed_over_is_reported_once_with_the_block_that_wins(tmp_path):
    site = tmp_path / "site.conf"
    site.write_text("server {\n    listen 127.0.0.1:18171;\n    server_name example.test;\n    return 301 https://x;\n}\n"
                    "server {\n    listen 127.0.0.1:18171;\n    server_name example.test;\n    location / {\n"
                    "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n")
    result = check([str(site)])
    found = [f for f in result.findings if f.code == "N117"]
    assert [(f.at.line, f.severity) for f in found] == [(8, "warning")]
    assert '"example.test" on 127.0.0.1:18171' in found[0].message
    assert [r.at.line for r in found[0].related] == [3]
    # Nothing reaches its location: no rule judges its pass (X101, N102 would otherwise).
    assert not [f for f in result.findings if f.code in ("X101", "N102")]


def test_nginx_warns_of_each_name_a_passed_over_block_loses(tmp_path):
    if NGINX is None:
        unavailable("nginx is not installed (apt-get install nginx)")
    site = tmp_path / "site.conf"
    site.write_text("server {\n    listen 80;\n    server_name www.example.test;\n    return 301 https://$host;\n}\n"
                    "server {\n    listen 80;\n    server_name www.example.test;\n    return 404;\n}\n"
                    "server {\n    listen [::]:80;\n    server_name example.test;\n}\n"
                    "server {\n    listen [::]:80;\n    server_name example.test;\n}\n")
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
                    f"http {{\n    access_log off;\n    include {site};\n}}\n")
    said = subprocess.run([str(NGINX), "-t", "-p", f"{tmp_path}/", "-e", f"{tmp_path}/error.log", "-c", str(main)],
                          capture_output=True, text=True, timeout=60).stderr
    warned = set(re.findall(r'conflicting server name "([^"]*)" on (\S+), ignored', said))
    servers = check([str(site)]).deployment.nginx[0].servers
    assert {server.passed_over.value for server in servers if server.passed_over is not None} == \
        {f'"{name}" on {address}' for name, address in warned}


def test_a_block_without_listen_is_left_out_as_nginx_s_user_decides_its_port(tmp_path):
    # As root both are on *:80 and the second loses; as `USER nginx` (an image's) the first is
    # on *:8000 and the second, alone on *:80, answers: neither is judged.
    site = tmp_path / "site.conf"
    site.write_text("server {\n    server_name example.test;\n    return 301 https://$host;\n}\n"
                    "server {\n    listen 80;\n    server_name example.test;\n    return 404;\n}\n"
                    "server {\n    server_name example.test;\n    return 404;\n}\n")
    servers = check([str(site)]).deployment.nginx[0].servers
    assert [server.passed_over for server in servers] == [None, None, None]
