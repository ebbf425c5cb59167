"""sysctl.conf / sysctl.d (somaxconn) and pam_limits files."""
from __future__ import annotations

import os
from pathlib import Path

from wsgilint.core.context import ReadContext
from wsgilint.readers.limits import is_limits_text, read_limits, read_limits_text
from wsgilint.readers.sysctl import (
    is_sysctl_text,
    normalize_key,
    read_somaxconn,
    read_sysctl,
    read_sysctl_text,
    sysctl_order,
)


def write(root: Path, relative: str, text: str) -> str:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return str(path)


def test_sysctl_lines_keys_and_value_positions():
    text = "# comment\n; other\nnet.core.somaxconn = 1024\n-net/core/netdev_max_backlog=5000  \nbogus line\n" \
           "net.ipv4.conf.eth0/1.forwarding = 1\nnet/ipv4/conf/eth0.1/rp_filter = 2\n"
    assignments = read_sysctl_text(text, "s.conf")
    assert [(k, v) for k, v, _ in assignments] == [
        ("net.core.somaxconn", "1024"), ("net.core.netdev_max_backlog", "5000"),
        ("net.ipv4.conf.eth0/1.forwarding", "1"), ("net.ipv4.conf.eth0/1.rp_filter", "2")]
    at = assignments[0][2]
    assert (at.line, at.column, at.end_column) == (3, 22, 26)
    assert normalize_key("net/ipv4/conf/eth0.100/forwarding") == "net.ipv4.conf.eth0/100.forwarding"


def test_systemd_sysctl_order_masks_and_sorts(tmp_path):
    files = [
        write(tmp_path, "etc/sysctl.conf", ""),
        write(tmp_path, "usr/lib/sysctl.d/50-default.conf", ""),
        write(tmp_path, "etc/sysctl.d/50-default.conf", ""),
        write(tmp_path, "lib/sysctl.d/10-a.conf", ""),
        write(tmp_path, "run/sysctl.d/99-z.conf", ""),
        write(tmp_path, "usr/local/lib/sysctl.d/30-local.conf", ""),
    ]
    ordered = [os.path.relpath(p, tmp_path) for p in sysctl_order(files)]
    assert ordered == ["lib/sysctl.d/10-a.conf", "usr/local/lib/sysctl.d/30-local.conf",
                       "etc/sysctl.d/50-default.conf", "run/sysctl.d/99-z.conf", "etc/sysctl.conf"]


def test_debian_99_sysctl_link_is_read_once(tmp_path):
    main = write(tmp_path, "etc/sysctl.conf", "net.core.somaxconn = 1000\n")
    link = tmp_path / "etc/sysctl.d/99-sysctl.conf"
    link.parent.mkdir(parents=True)
    link.symlink_to("../sysctl.conf")
    assert sysctl_order([main, str(link)]) == [str(link)]


def test_somaxconn_last_assignment_wins_with_its_span(tmp_path):
    ctx = ReadContext(mode="snapshot", root=str(tmp_path), cwd=str(tmp_path))
    files = [
        write(tmp_path, "etc/sysctl.conf", "net.core.somaxconn = 65535\n"),
        write(tmp_path, "etc/sysctl.d/10-net.conf", "net/core/somaxconn=1024\n"),
        write(tmp_path, "etc/sysctl.d/20-bad.conf", "net.core.somaxconn = lots\n"),
    ]
    setting = read_somaxconn(ctx, files)
    assert setting.value == 65535 and setting.at.path == os.path.join("etc", "sysctl.conf")
    assert (setting.at.line, setting.at.column) == (1, 22)
    only_dropin = read_somaxconn(ctx, files[1:])
    assert only_dropin.value == 1024, "a value the kernel refuses leaves the previous one"


def test_somaxconn_kernel_default_and_live(tmp_path):
    snapshot = ReadContext(mode="snapshot", root=str(tmp_path), cwd=str(tmp_path))
    default = read_somaxconn(snapshot, [write(tmp_path, "etc/sysctl.conf", "vm.swappiness = 10\n")])
    assert default.value == 4096 and default.is_default and "5.4" in default.note
    live = read_somaxconn(ReadContext(mode="live", cwd=str(tmp_path)), [])
    proc = Path("/proc/sys/net/core/somaxconn")
    if proc.exists():
        assert live.value == int(proc.read_text()) and "live" in live.note


def test_read_sysctl_through_context_never_raises(tmp_path):
    ctx = ReadContext(cwd=str(tmp_path))
    assert read_sysctl(str(tmp_path / "missing.conf"), ctx) == []
    path = write(tmp_path, "sysctl.conf", "net.core.somaxconn = 10\n")
    assert read_sysctl(path, ctx)[0][2].path == "sysctl.conf"


def test_is_sysctl_text():
    assert is_sysctl_text("# tuning\nnet.core.somaxconn = 4096\nvm.overcommit_memory=1\n")
    assert is_sysctl_text("-net/core/somaxconn = 4096\n")
    assert not is_sysctl_text("# nothing\n")
    assert not is_sysctl_text("[program:x]\ncommand = gunicorn\n")
    assert not is_sysctl_text("workers = 4\nbind = '0.0.0.0:80'\n")
    assert not is_sysctl_text("[uwsgi]\nsocket = /tmp/x.sock\n")


def test_limits_lines():
    text = ("# <domain> <type> <item> <value>\n*    soft  nofile  65535\nwww-data hard nofile unlimited # web\n"
            "@staff - nproc 100\nbroken line here\n")
    lines = read_limits_text(text, "limits.conf")
    assert [(l.domain, l.type, l.item, l.value) for l in lines] == [
        ("*", "soft", "nofile", "65535"), ("www-data", "hard", "nofile", "unlimited"), ("@staff", "-", "nproc", "100")]
    assert (lines[0].at.line, lines[0].at.column, lines[0].at.end_column) == (2, 20, 25)


def test_read_limits_and_detection(tmp_path):
    ctx = ReadContext(cwd=str(tmp_path))
    path = write(tmp_path, "security/limits.d/90-nofile.conf", "* - nofile 100000\n")
    assert read_limits(path, ctx)[0].value == "100000"
    assert read_limits(str(tmp_path / "missing"), ctx) == []
    assert is_limits_text("# c\n*  soft nofile 1024\nroot hard core 0\n")
    assert not is_limits_text("# only comments\n")
    assert not is_limits_text("d /run/gunicorn 0755 www-data www-data -\n")
    assert not is_limits_text("net.core.somaxconn = 4096\n")
