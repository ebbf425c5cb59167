"""Where the checked files cannot show the whole picture, a finding says what it assumes and
is not an error: its severity follows what the files prove."""
from pathlib import Path

from wsgilint.api import check

FIXTURES = Path(__file__).parent / "fixtures"


def _severities(case: str, code: str) -> list[str]:
    return [f.severity for f in check([str(FIXTURES / case)]).findings if f.code == code]


def test_a_pass_to_an_ini_that_binds_nothing_is_an_info():
    assert _severities("X101/ini-that-binds-nothing-is-an-assumption", "X101") == ["info"]


def test_a_misnumbered_pass_with_every_server_bound_is_an_error():
    assert _severities("X101/fastcgi-to-a-uwsgi-fastcgi-socket-misnumbered", "X101") == ["error"]


def test_nginx_under_supervisor_without_its_conf_is_an_info():
    assert _severities("X107/nginx-under-supervisor-without-nginx-conf", "X107") == ["info"]


def test_a_socket_no_usual_nginx_user_may_open_is_a_warning_behind_a_fragment():
    assert _severities("X104/fragment-socket-only-its-owner-may-open", "X104") == ["warning"]


def test_no_harakiri_is_a_warning_behind_nginx_and_reported_once():
    findings = check([str(FIXTURES / "U112/behind-nginx")]).findings
    assert [f.severity for f in findings if f.code == "U112"] == ["warning"]
    assert not [f for f in findings if f.code == "X109"]


def test_a_slow_timeout_is_one_finding_naming_the_location_that_gives_up_first():
    [finding] = [f for f in check([str(FIXTURES / "X109/two-locations-one-finding-at-the-setting")]).findings
                 if f.code == "X109"]
    assert "uwsgi_read_timeout 30 s" in finding.message
    assert len(finding.related) == 3


def test_a_relative_socket_or_another_programs_port_is_an_info():
    assert _severities("X101/relative-socket-under-a-start-directory", "X101") == ["info"]
    assert _severities("X101/other-program-names-the-port", "X101") == ["info"]


def test_a_program_of_a_container_entrypoint_without_user_is_an_info():
    assert _severities("S105/container-entrypoint-as-root", "S105") == ["info"]


def test_a_fragment_without_uwsgi_params_is_a_warning():
    assert _severities("N101/fragment-without-params", "N101") == ["warning"]


def test_an_upload_behind_nginx_request_buffering_is_named_in_the_assumption():
    [buffered] = [f for f in check([str(FIXTURES / "U112/django-upload-form-behind-nginx-buffering-is-info")]).findings
                  if f.code == "U112"]
    assert buffered.severity == "info" and "nginx reads each upload whole" in buffered.message
    [quiet] = [f for f in check([str(FIXTURES / "U112/django-project-on-sqlite-is-info")]).findings if f.code == "U112"]
    assert "upload" not in quiet.message
