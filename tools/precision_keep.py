"""The keep test of the precision set's rounds (round 27 on), run on a snapshot's git directory.

    python tools/precision_keep.py GITDIR [COMMIT]

prints one JSON object: the commit (COMMIT, default HEAD, resolved), the verdict (``kept`` or
``skipped: <reasons>``) and ``deploy``, the blob ids of the deployment files found, which the
copy check of a round compares between candidates. The test is the one each round's
``selection`` in ``tests/precision/set.json`` writes down: outside vendored trees, virtualenvs
and node_modules, the tree holds an nginx config (a file with nginx in its path that is not a
script, YAML, ini, Markdown or template file, whose text has a server, upstream, http or events
block and an nginx directive), a uWSGI or Gunicorn config or a manager file or start script
naming one, a manager (a systemd unit, a Supervisor program, a Compose file, a Dockerfile or an
Emperor ini) and a .py file. Only git's own objects are read: nothing is checked out or run.
"""
from __future__ import annotations

import json
import posixpath
import re
import subprocess
import sys

_SKIP_DIRS = frozenset({"node_modules", "vendor", "venv", ".venv", "virtualenv", "site-packages",
                        "bower_components", ".tox", "env"})
_NGINX_NOT_CONFIG = (".py", ".sh", ".yml", ".yaml", ".ini", ".md", ".j2", ".template", ".tmpl")
_BLOCK = re.compile(r"\b(server|upstream|http|events)\s*\{")
_NGINX_WORD = re.compile(r"\b(listen|proxy_pass|uwsgi_pass|server_name|include|worker_processes)\b")
_UWSGI_SECTION = re.compile(r"^\s*\[uwsgi\]", re.M)
_EMPEROR = re.compile(r"^\s*emperor\s*=", re.M)
_UNIT_SECTION = re.compile(r"^\s*\[(Service|Socket|Unit)\]", re.M)
_PROGRAM_SECTION = re.compile(r"^\s*\[program:[^\]]+\]", re.M)
_SERVER_NAMED = re.compile(r"uwsgi|gunicorn", re.I)
# A text longer than this is read only this far.
_MAX_TEXT = 200_000


def _git(git_dir: str, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], input=data, capture_output=True,
                          check=True).stdout


def _tree(git_dir: str, commit: str) -> list[tuple[str, str]]:
    """(path, blob id) of the commit's regular files outside vendored trees."""
    entries = []
    for raw in _git(git_dir, "ls-tree", "-r", "-z", "--full-tree", commit).split(b"\0"):
        if not raw:
            continue
        meta, path = raw.split(b"\t", 1)
        mode, kind, blob = meta.split()
        shown = path.decode("utf-8", "replace")
        if kind == b"blob" and mode != b"120000" and not set(shown.split("/")[:-1]) & _SKIP_DIRS:
            entries.append((shown, blob.decode()))
    return entries


def _texts(git_dir: str, blobs: list[str]) -> dict[str, str]:
    """The blobs' texts, from one ``cat-file --batch``."""
    if not blobs:
        return {}
    out = _git(git_dir, "cat-file", "--batch", data="".join(blob + "\n" for blob in blobs).encode())
    texts, pos = {}, 0
    for blob in blobs:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].split()
        if header[1] == b"missing":
            pos = header_end + 1
            continue
        size = int(header[2])
        texts[blob] = out[header_end + 1:header_end + 1 + size][:_MAX_TEXT].decode("utf-8", "replace")
        pos = header_end + 1 + size + 1
    return texts


def _is_dockerfile(name: str) -> bool:
    low = name.lower()
    return low.startswith("dockerfile") or low.endswith(".dockerfile")


def _is_compose(name: str) -> bool:
    low = name.lower()
    return low.startswith(("docker-compose", "compose")) and low.endswith((".yml", ".yaml"))


def _may_matter(path: str) -> bool:
    name = posixpath.basename(path)
    return ("nginx" in path.lower() and not path.lower().endswith(_NGINX_NOT_CONFIG)) \
        or path.endswith((".ini", ".conf", ".service", ".socket", ".sh", ".cfg", ".py")) \
        or _is_dockerfile(name) or _is_compose(name) or "gunicorn" in name.lower() \
        or "/bin/" in "/" + path or "/scripts/" in "/" + path or name == "Procfile"


def keep(git_dir: str, commit: str = "HEAD") -> dict[str, object]:
    sha = _git(git_dir, "rev-parse", commit + "^{commit}").decode().strip()
    entries = _tree(git_dir, sha)
    candidates = [(path, blob) for path, blob in entries if _may_matter(path)]
    # Python files are judged by name alone (a gunicorn*.py is a config), so only those are read.
    texts = _texts(git_dir, list(dict.fromkeys(
        blob for path, blob in candidates if not path.endswith(".py") or "gunicorn" in posixpath.basename(path).lower())))
    nginx, app_configs, managers, naming = [], [], [], []
    for path, blob in candidates:
        name = posixpath.basename(path)
        low = name.lower()
        text = texts.get(blob, "")
        if "nginx" in path.lower() and not path.lower().endswith(_NGINX_NOT_CONFIG) \
                and _BLOCK.search(text) and _NGINX_WORD.search(text):
            nginx.append(blob)
        if low.endswith(".ini") and _UWSGI_SECTION.search(text):
            app_configs.append(blob)
            if _EMPEROR.search(text):
                managers.append(blob)
        if low.startswith("gunicorn") and (low.endswith((".py", ".conf")) or ".conf." in low or ".py." in low):
            app_configs.append(blob)
        is_manager = bool((low.endswith((".service", ".socket")) and _UNIT_SECTION.search(text))
                          or _PROGRAM_SECTION.search(text) or _is_compose(name) or _is_dockerfile(name))
        if is_manager:
            managers.append(blob)
        is_script = low.endswith(".sh") or name == "Procfile" or text.startswith("#!")
        if (is_manager or is_script) and _SERVER_NAMED.search(text):
            naming.append(blob)
    reasons = []
    if not nginx:
        reasons.append("no nginx config")
    if not app_configs and not naming:
        reasons.append("no uWSGI or Gunicorn config or manager file naming one")
    if not managers:
        reasons.append("no manager")
    if not any(path.endswith(".py") for path, _ in entries):
        reasons.append("no .py file")
    return {"commit": sha, "verdict": "kept" if not reasons else "skipped: " + ", ".join(reasons),
            "deploy": sorted(set(nginx + app_configs + managers + naming))}


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2].strip())
    print(json.dumps(keep(*sys.argv[1:])))
