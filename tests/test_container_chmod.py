"""What a Dockerfile's RUN chmod and COPY --chmod tell about the execute bit of the files
they name (model/container_images.py), which C107 trusts over the tree's own modes."""
import pytest

from wsgilint.model.container_images import Image, _gives_execute, _run_chmods, image_sets_executable


def _image(run: str, workdir: str = "/app") -> Image:
    from wsgilint.core.span import Setting

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
