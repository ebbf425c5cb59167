"""An `Exec*=` command that systemd cannot run as written.

## What it checks
The program (first word) of `ExecStart=` and the other `Exec*=` lines of `.service`
and `.socket` units, by systemd 252's rules (Debian 12; systemd.service(5),
"Command lines"):
- an absolute path is run as is;
- a plain name (no `/`) is looked up in a fixed list of directories
  (`/usr/local/sbin`, `/usr/local/bin`, `/usr/sbin`, `/usr/bin`, or `ExecSearchPath=`),
  never in `Environment=PATH=`;
- a relative path with a `/` (`venv/bin/gunicorn`, `./run.sh`, `${VENV}/bin/gunicorn`:
  variables are not expanded in the program name) is refused.

Reported: relative paths with a `/` and names that start with `$` (error), and a
plain name in a unit that sets `Environment=PATH=` without `ExecSearchPath=`, which
shows the program was expected in that PATH (warning).

## What breaks in production
Measured with `systemd-analyze verify` of systemd 252: `Neither a valid executable
name nor an absolute path: venv/bin/gunicorn` / `Unit configuration has fatal error,
unit will not be started`. A plain name found in none of the fixed directories makes
the start fail with status 203/EXEC. systemd before v239 refused every path that was
not absolute.

## Known problems
Placeholders (`<path_to_app>/bin/x`, `{{ venv }}/bin/x`) are left alone. A plain name without `Environment=PATH=` is not reported: whether the program is in
`/usr/bin` or `/usr/local/bin` on the target host is not in the checked files.

A bare word that begins both the program and `WorkingDirectory=`
(`WorkingDirectory=app_path/src`, `ExecStart=app_path/env/bin/gunicorn`) stands for an
absolute directory the unit does not name: systemd takes only an absolute
`WorkingDirectory=` as well, so the author meant the word as a root, not a folder
relative to anything. Such a unit is read as a template whose word an installer fills in,
and the finding is an info naming that assumption; installed as written, systemd refuses
it. A word that is a top-level directory (`srv/app/venv/bin/gunicorn`) is a missing
leading `/`, still an error.

## How to fix
Write the absolute path (`ExecStart=/srv/app/venv/bin/gunicorn ...`).
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, SystemdUnit, UnitEntry

CODE = "D102"
SLUG = "relative-exec"
SEVERITY = "error"
SUMMARY = "An Exec*= program is not an absolute path systemd can run."

BAD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nWorkingDirectory=/srv/app\nExecStart=venv/bin/gunicorn app:app\n")}
GOOD = {"etc/systemd/system/app.service": (
    "[Service]\nUser=www-data\nWorkingDirectory=/srv/app\nExecStart=/srv/app/venv/bin/gunicorn app:app\n")}

_FIXED_PATH = "/usr/local/sbin, /usr/local/bin, /usr/sbin and /usr/bin"
# The top-level directories of a Linux file system (FHS 3.0, plus lib64 and the API file
# systems): a program path starting with one of them lacks its leading `/`.
_ROOT_DIRECTORIES = frozenset({"bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc",
                               "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var"})


def _placeholder_root(unit: SystemdUnit, section: str, program: str) -> UnitEntry | None:
    """The ``WorkingDirectory=`` that begins with the program's first word, when that word
    is no directory name a path could be relative to: the unit uses it as the root of its
    absolute paths, so it is a template placeholder (``app_path/env/bin/gunicorn``)."""
    word = program.split("/", 1)[0]
    if word in ("", ".", "..") or word in _ROOT_DIRECTORIES or word.startswith(("~", "$")):
        return None
    working = unit.last(section, "WorkingDirectory")
    directory = working.value.removeprefix("-") if working is not None else ""
    return working if directory == word or directory.startswith(f"{word}/") else None


def check(deployment: Deployment) -> Iterator[Hit]:
    for unit in deployment.systemd_units:
        path_entry = unit.path_environment
        for entry, command in unit.commands:
            program = command.program
            if program is None or program.startswith("/"):
                continue
            if "<" in program or "{{" in program:
                continue    # a placeholder to fill in (`<path_to_app>/venv/bin/gunicorn`), not a path
            root = _placeholder_root(unit, entry.section, program) if "/" in program else None
            if root is not None:
                word = program.split("/", 1)[0]
                yield Hit(entry.at, f"{entry.key}={program} ...: `{word}` also begins {root.key}={root.value}, "
                          "which systemd takes only as an absolute path, so the unit is read as a template whose "
                          f"`{word}` is replaced by an absolute directory before it is installed (assumed); "
                          f"installed as written, systemd 252 refuses the unit (\"{root.key}= path is not absolute\", "
                          "and the program's path as well)", (Related(root.at, f"{root.key}= begins with `{word}` too"),),
                          severity="info")
            elif "/" in program:
                why = ("systemd does not expand variables in the program name"
                       if "$" in program else "systemd takes a plain name or an absolute path, nothing in between")
                yield Hit(entry.at, f"{entry.key}={program} ...: {why}; systemd 252 refuses the unit (\"Neither a "
                          "valid executable name nor an absolute path\") and never starts it; write the absolute "
                          "path")
            elif program.startswith("$"):
                yield Hit(entry.at, f"{entry.key}={program} ...: systemd does not expand variables in the program "
                          f"name, it looks for a program literally named `{program}` and the start fails with status "
                          "203/EXEC; write the absolute path")
            elif path_entry is not None and not unit.has_exec_search_path:
                yield Hit(entry.at, f"{entry.key} runs `{program}` by name: systemd looks it up only in "
                          f"{_FIXED_PATH}, not in Environment=PATH, so a program installed elsewhere (a virtualenv) "
                          "fails to start with status 203/EXEC; write the absolute path",
                          (Related(path_entry.at, "Environment=PATH is not used to find the program"),),
                          severity="warning")
