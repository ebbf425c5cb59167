"""The typed Supervisor view: expanded values, parsed environment and types, each with its span."""
from __future__ import annotations

from pathlib import Path

from wsgilint.core.context import ReadContext
from wsgilint.model import Setting, Span, SupervisorConfig
from wsgilint.model.supervisor import supervisor_config
from wsgilint.readers.supervisor import read_supervisor


def view(tmp_path: Path, text: str) -> SupervisorConfig:
    path = tmp_path / "supervisord.conf"
    path.write_text(text, encoding="utf-8")
    ctx = ReadContext(mode="live", cwd=str(tmp_path))
    return supervisor_config(read_supervisor(str(path), ctx), ctx)


def test_process_command_expanded_before_splitting_and_environment_with_spans(tmp_path: Path) -> None:
    config = view(tmp_path, "[supervisord]\nenvironment=HOME=/srv\n"
                            "[program:web]\ncommand=%(ENV_HOME)s/bin/run %(program_name)s %(here)s\n"
                            "environment=A=1, B=\"x y\"\n")
    [process] = config.processes
    assert process.name == "web" and process.section is config.section("program:web")
    assert process.argv == ("/srv/bin/run", "web", str(tmp_path))
    assert process.environment == {"HOME": Setting("/srv", Span("supervisord.conf", 2, 13, 22)),
                                   "A": Setting("1", Span("supervisord.conf", 5, 13, 25)),
                                   "B": Setting("x y", Span("supervisord.conf", 5, 13, 25))}


def test_values_keep_raw_spans_and_comments_and_parse_types(tmp_path: Path) -> None:
    config = view(tmp_path, "[DEFAULT]\nautostart=no\n[program:w]\ncommand=/bin/w ; the app\n"
                            "numprocs=2\nautorestart=ture\nenvironment=A=1 B\n")
    section = config.section("program:w")
    assert section is not None and section.is_program
    command = section.keys["command"]
    assert (command.raw, command.at, command.key_at) == ("/bin/w", Span("supervisord.conf", 4, 9, 15),
                                                           Span("supervisord.conf", 4, 1, 8))
    assert [(c.text, c.at) for c in command.comments] == [("; the app", Span("supervisord.conf", 4, 16, 25))]
    assert section.keys["numprocs"].as_int() == 2
    autostart = section.get("autostart")
    assert "autostart" not in section.keys and autostart is not None
    assert autostart.from_default and autostart.as_bool() is False
    restart = section.keys["autorestart"]
    assert restart.datatype == "autorestart" and restart.parsed is None and "ture" in restart.error
    environment = section.keys["environment"].environment
    assert environment is not None and environment.values == {"A": "1"} and environment.dropped == ("B",)


def test_expansion_failures_and_control_servers(tmp_path: Path) -> None:
    config = view(tmp_path, "[supervisord]\n[unix_http_server]\nfile=/var/run/s.sock\nchmod=0770\nchown=root:ops\n"
                            "[supervisorctl]\nserverurl=unix:///run/s.sock\n[program:d]\ncommand=date +%Y\n")
    command = config.section("program:d").keys["command"]   # type: ignore[union-attr]
    assert command.expanded.bad_format.startswith("unsupported format character 'Y'")
    assert command.stray_percent == 6 and command.span_at(6, 2) == Span("supervisord.conf", 9, 15, 17)
    [server] = config.control_servers
    assert server.address is not None and server.address.path == "/run/s.sock" and server.socket_group == "ops"
    assert config.client_target == server.address and not server.has_credentials


def test_values_shared_between_sections_are_what_each_section_makes_alone(tmp_path: Path) -> None:
    # The same text under the same key in sections of one kind is typed once a configuration
    # (values without %): it must equal what each section gives when read on its own, errors,
    # [DEFAULT] keys and expansions included; a section of another kind types it its own way.
    defaults = "[DEFAULT]\nautorestart=true\n"
    bodies = {"supervisord": "nodaemon=true\nautostart=true\n", "unix_http_server": "file=/run/s.sock\nchmod=0700\n"}
    bodies.update({f"program:p{n}": f"command=/bin/p{n}\nautostart=true\nstopsignal=QUIT\nnumprocs=x\n"
                                    "startsecs=%(program_name)s\nstdout_logfile=/var/log/%(program_name)s.log\n"
                   for n in range(3)})
    together = view(tmp_path, defaults + "".join(f"[{name}]\n{body}" for name, body in bodies.items()))
    for number, (name, body) in enumerate(bodies.items()):
        folder = tmp_path / str(number)
        folder.mkdir()
        alone, shared = view(folder, f"{defaults}[{name}]\n{body}").section(name), together.section(name)
        assert alone is not None and shared is not None
        assert [(v.key, v.raw, v.expanded, v.datatype, v.parsed, v.error, v.from_default)
                for v in shared.effective.values()] == \
            [(v.key, v.raw, v.expanded, v.datatype, v.parsed, v.error, v.from_default)
             for v in alone.effective.values()]
