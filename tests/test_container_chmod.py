"""What a Dockerfile's RUN chmod and COPY --chmod tell about the execute bit of the files
they name (model/container_images.py), which C107 trusts over the tree's own modes."""
import subprocess

import pytest
from conftest import write_tree

from wsgilint.api import check
from wsgilint.core.span import Setting
from wsgilint.model.container_images import Image, _gives_execute, _run_chmods, image_sets_executable


def _image(run: str, workdir: str = "/app") -> Image:
    image = Image("Dockerfile", workdir=Setting(workdir))
    _run_chmods(run, image)
    return image


@pytest.mark.parametrize(("mode", "executable"), [
    ("+x", True), ("u+x", True), ("a+x", True), ("go-w,u+x", True), ("=rwx", True), ("755", True),
    ("0700", True), ("4755", True), ("644", False), ("0644", False), ("-x", False), ("a+X", False),
    ("u+rw", False), ("", False),
])
def test_mode_gives_execute_bit(mode, executable):
    assert _gives_execute(mode) is executable


def test_chmod_of_a_relative_path_is_below_the_workdir():
    image = _image("chmod +x start.sh && echo done")
    assert image_sets_executable(image, "/app/start.sh")
    assert not image_sets_executable(image, "/app/other.sh")


def test_recursive_chmod_covers_the_folder_below():
    image = _image("chmod -R 755 /srv/bin")
    assert image_sets_executable(image, "/srv/bin/tools/run.sh")
    assert not image_sets_executable(image, "/srv/binary")


def test_chmod_without_execute_bit_makes_nothing_executable():
    image = _image("chmod 644 /app/start.sh")
    assert not image.made_executable and not image.modes_unknown


@pytest.mark.parametrize("run", [
    "chmod +x /app/*.sh",
    "chmod +x $APP_HOME/start.sh",
    "find /app -name '*.sh' -exec chmod +x {} \\;",
    "ls /app/*.sh | xargs chmod +x",
    "chmod --reference=/bin/ls /app/start.sh",
])
def test_chmod_the_words_do_not_spell_out_leaves_modes_unknown(run):
    image = _image(run)
    assert image.modes_unknown
    assert image_sets_executable(image, "/app/start.sh")


def test_sudo_chmod_is_read_as_chmod():
    assert image_sets_executable(_image("sudo chmod u+x /opt/app/entry.sh"), "/opt/app/entry.sh")


_STACK = {
    "docker-compose.yml": "services:\n  web:\n    build: .\n    command: ./start.sh\n    volumes:\n      - .:/app\n",
    "Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nRUN pip install gunicorn flask\nCOPY . /app\n",
    "start.sh": "#!/bin/sh\nexec gunicorn --bind 0.0.0.0:8000 app:app\n",
    "tools/lint.sh": "#!/bin/sh\nexit 0\n",
}


def _c107(root):
    return [(f.severity, f.message) for f in check([str(root)]).findings if f.code == "C107"]


def test_start_without_execute_bit_where_another_file_has_one_is_an_error(tmp_path):
    tree = write_tree(tmp_path / "repo", _STACK)
    (tree / "tools/lint.sh").chmod(0o755)
    (tree / "start.sh").chmod(0o644)
    assert [severity for severity, _ in _c107(tree)] == ["error"]


def test_checkout_without_any_executable_file_is_a_warning_naming_windows(tmp_path):
    tree = write_tree(tmp_path / "repo", _STACK)
    (tree / ".git").mkdir()
    found = _c107(tree)
    assert [severity for severity, _ in found] == ["warning"]
    assert "Windows" in found[0][1]


def test_tree_without_modes_or_checkout_is_an_info(tmp_path):
    found = _c107(write_tree(tmp_path / "copy", _STACK))
    assert [severity for severity, _ in found] == ["info"]
    assert "may have dropped" in found[0][1]


def test_the_kernel_refuses_to_exec_a_script_without_an_execute_bit(tmp_path):
    """What C107 says happens: the engine starts the command with execve, which refuses a file
    without an execute bit (EACCES, `permission denied`) whatever its #! line says."""
    script = tmp_path / "start.sh"
    script.write_text("#!/bin/sh\necho started\n")
    script.chmod(0o644)
    with pytest.raises(PermissionError):
        subprocess.run([str(script)], check=False)
    script.chmod(0o755)
    assert subprocess.run([str(script)], capture_output=True, text=True, check=True).stdout == "started\n"
