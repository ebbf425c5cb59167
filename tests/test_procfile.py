"""Procfiles: the reader, Elastic Beanstalk's environment properties, and the platform as
the process manager of what a process type starts."""
from __future__ import annotations

from pathlib import Path

from conftest import write_tree

from wsgilint.api import check
from wsgilint.core.context import ReadContext
from wsgilint.readers.procfile import is_procfile_text, read_eb_environment, read_procfile


def test_a_procfile_is_name_colon_command_lines_and_keeps_positions(tmp_path: Path) -> None:
    text = "# processes\nweb: gunicorn --bind :8000 app:app  \n\nworker:celery -A app worker\nnot a line\n"
    assert is_procfile_text("web: gunicorn app:app\n# c\n")
    assert not is_procfile_text("[program:x]\ncommand=gunicorn\n") and not is_procfile_text("\n# only\n")
    path = tmp_path / "Procfile"
    path.write_text(text)
    procfile = read_procfile(str(path), ReadContext(mode="repository", root=str(tmp_path), cwd=str(tmp_path)))
    assert [(e.name, e.command, e.at.line, e.at.column) for e in procfile.entries] == [
        ("web", "gunicorn --bind :8000 app:app", 2, 6), ("worker", "celery -A app worker", 4, 8)]


def test_elastic_beanstalk_environment_properties_in_both_forms_later_files_win(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        ".ebextensions/01_env.config": "option_settings:\n  aws:elasticbeanstalk:application:environment:\n"
                                       "    PORT: 5000\n    DEBUG: 'false'\n",
        ".ebextensions/02_port.config": "option_settings:\n  - namespace: aws:elasticbeanstalk:application:environment\n"
                                        "    option_name: PORT\n    value: 5001\n"
                                        "  - namespace: aws:elasticbeanstalk:container:python\n"
                                        "    option_name: WSGIPath\n    value: app.py\n",
    })
    found = read_eb_environment(str(tmp_path), ReadContext(mode="repository", root=str(tmp_path), cwd=str(tmp_path)))
    assert {name: value for name, (value, _) in found.items()} == {"PORT": "5001", "DEBUG": "false"}


def _web(tmp_path: Path, files: dict[str, str]):   # type: ignore[no-untyped-def]
    deployment = check([str(write_tree(tmp_path, files))]).deployment
    return next(m for m in deployment.managers if m.kind == "procfile" and m.name == "web")


def test_on_elastic_beanstalk_port_defaults_to_8000_and_the_shell_expands_it(tmp_path: Path) -> None:
    web = _web(tmp_path, {"Procfile": "web: gunicorn --bind 127.0.0.1:$PORT app:app\n", ".platform/hooks/x": ""})
    assert web.environment["PORT"].value == "8000"
    assert [str(listener.address) for listener in web.runs.listeners] == ["127.0.0.1:8000"]


def test_elsewhere_port_is_the_platforms_and_gunicorn_reading_it_binds_an_unknown_address(tmp_path: Path) -> None:
    web = _web(tmp_path, {"Procfile": "web: gunicorn app:app\n"})
    assert web.runs.listeners == [] and web.runs.last("bind").unresolved
    assert web.stop_timeout is not None and web.stop_timeout.value == 30.0


def test_a_command_with_shell_operators_stays_a_shell_command(tmp_path: Path) -> None:
    web = _web(tmp_path, {"Procfile": "web: python manage.py migrate && gunicorn --bind :8000 app:app\n",
                          ".ebextensions/x.config": "option_settings: {}\n"})
    assert web.wrapper is not None and web.runs_program == "gunicorn" and web.argv.value[0] == "gunicorn"
