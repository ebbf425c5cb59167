"""The app's Python code read for the forwarded scheme: parsed, never run, bounded."""
from __future__ import annotations

from pathlib import Path

import pytest

from wsgilint.core.context import ReadContext
from wsgilint.core.sources import SourceFile
from wsgilint.core.span import Span
from wsgilint.model import AppServer
from wsgilint.model.app_code import AppScope, RequestReaders, read_app_code


def readers(tmp_path: Path, text: str, kind: str = "") -> list[tuple[str, int]]:
    path = tmp_path / "code.py"
    path.write_text(text)
    found = read_app_code([SourceFile(str(path), "code.py", kind)], ReadContext()).forwarded_scheme
    return [(read.value, read.at.line if read.at else 0) for read in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n", [("SECURE_PROXY_SSL_HEADER", 1)]),
    ("x = 1\nSECURE_PROXY_SSL_HEADER: tuple = ('HTTP_X_FORWARDED_PROTO', 'https')\n",
     [("SECURE_PROXY_SSL_HEADER", 2)]),
    ("SECURE_PROXY_SSL_HEADER = None\n", []),
    ("# SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n", []),
    ("app.wsgi_app = ProxyFix(app.wsgi_app)\n", [("werkzeug ProxyFix", 1)]),
    ("app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=0)\n", []),
    ("app = ProxyHeadersMiddleware(app)\n", []),   # trusts only 127.0.0.1, like Gunicorn's default
    ("app = ProxyHeadersMiddleware(app, trusted_hosts='127.0.0.1')\n", []),
    ("app = ProxyHeadersMiddleware(app, trusted_hosts='*')\n", [("uvicorn ProxyHeadersMiddleware", 1)]),
    ("app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=['10.0.0.2'])\n",
     [("uvicorn ProxyHeadersMiddleware", 1)]),
    ("SECURE_PROXY_SSL_HEADER = (\n", []),          # does not parse: says nothing, raises nothing
    ("x = " + "(" * 200 + ")" * 200 + "\nProxyFix(a)\n", [("werkzeug ProxyFix", 2)]),
])
def test_markers(tmp_path: Path, text: str, expected: list[tuple[str, int]]) -> None:
    assert readers(tmp_path, text) == expected


def test_deep_nesting_or_huge_file_is_nothing_not_a_traceback(tmp_path: Path) -> None:
    assert readers(tmp_path, "ProxyFix(a)\nx = " + "[" * 100_000 + "]" * 100_000 + "\n") == []
    assert readers(tmp_path, "ProxyFix(a)\n" + "#" * 600_000 + "\n") == []


def test_config_files_and_other_files_are_not_app_code(tmp_path: Path) -> None:
    assert readers(tmp_path, "ProxyFix(a)\n", kind="gunicorn") == []


def test_app_code_is_not_kept_for_the_run(tmp_path: Path) -> None:
    """Each .py file is scanned once for its markers; its text does not stay in the
    context's cache (a large repository's code would stay in memory to the end)."""
    path = tmp_path / "settings.py"
    path.write_text("SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n", encoding="utf-8")
    ctx = ReadContext(cwd=str(tmp_path))
    found = read_app_code([SourceFile(str(path), "settings.py", "")], ctx).forwarded_scheme
    assert [setting.value for setting in found] == ["SECURE_PROXY_SSL_HEADER"]
    assert ctx.cached(str(path)) is None


def request_reading(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "views.py"
    path.write_text(text)
    found = read_app_code([SourceFile(str(path), "views.py", "")], ReadContext()).requests
    return [read.value for read in found.host], [read.value for read in found.address]


@pytest.mark.parametrize(("text", "expected"), [
    ("app = Flask(__name__)\n@app.get('/')\ndef home():\n    return {'ok': True}\n", ([], [])),
    ("ALLOWED_HOSTS = ['*']\n", ([], [])),
    ("ALLOWED_HOSTS = [\"*\"]  # any\n", ([], [])),
    ("ALLOWED_HOSTS = ['shop.example.org']\n", (["ALLOWED_HOSTS"], [])),
    ("ALLOWED_HOSTS = os.environ['HOSTS'].split(',')\n", (["ALLOWED_HOSTS"], [])),
    ("if host in settings.ALLOWED_HOSTS:\n    pass\n", ([], [])),
    ("link = request.build_absolute_uri('/r/1')\n", (["build_absolute_uri"], [])),
    ("url_for('home', _external=True)\n", (["_external=True"], [])),
    ("ip = request.remote_addr\n", ([], ["remote_addr"])),
    ("ip = request.META.get('HTTP_X_FORWARDED_FOR')\n", ([], ["X_FORWARDED_FOR"])),
    ("app = FastAPI()\nasync def who(request):\n    return request.client.host\n", ([], ["client.host"])),
    # A marker is a whole name: urllib's request.urlopen reads nothing of the request.
    ("from urllib import request\ndata = request.urlopen(url).read()\n", ([], [])),
    ("log.info(request.url)\n", (["request.url"], [])),
    ("query = request.url.query or ''\n", ([], [])),
])
def test_request_readers(tmp_path: Path, text: str, expected: tuple[list[str], list[str]]) -> None:
    assert request_reading(tmp_path, text) == expected


def test_request_readers_keep_the_first_few_places(tmp_path: Path) -> None:
    _, address = request_reading(tmp_path, "x = request.remote_addr\n" * 50)
    assert address == ["remote_addr"] * 3


def accepts(tmp_path: Path, text: str, proxy_host: str) -> bool:
    path = tmp_path / "settings.py"
    path.write_text(text)
    return read_app_code([SourceFile(str(path), "settings.py", "")], ReadContext()).requests.accepts_default_host(
        proxy_host)


@pytest.mark.parametrize(("text", "proxy_host", "expected"), [
    ("ALLOWED_HOSTS = ['web']\n", "web", True),
    ("ALLOWED_HOSTS = ['web', 'localhost']\n", "web:8000", True),      # Django drops the port
    ("ALLOWED_HOSTS = ['WEB']\n", "web", True),                        # and the case
    ("ALLOWED_HOSTS = ['.internal']\n", "app.internal:8000", True),    # a domain and its subdomains
    ("ALLOWED_HOSTS = ['.internal']\n", "internal", True),
    ("ALLOWED_HOSTS = ['.internal']\n", "appinternal", False),
    ("ALLOWED_HOSTS = ['shop.example.org']\n", "web", False),
    ("ALLOWED_HOSTS = []\n", "web", False),
    ("ALLOWED_HOSTS = os.environ['HOSTS'].split(',')\n", "web", False),   # which names is not known
    ("ALLOWED_HOSTS = ['*']\n", "web", False),                           # no reader of the host at all
    ("ALLOWED_HOSTS = ['web']\nALLOWED_HOSTS = ['shop.example.org']\n", "web", False),   # every list must name it
    ("ALLOWED_HOSTS = ['web']\nlink = request.build_absolute_uri()\n", "web", False),  # and nothing else reads it
    ("ALLOWED_HOSTS = ['[::1]']\n", "[::1]:8000", True),
])
def test_app_accepts_the_host_nginx_sends_by_default(tmp_path: Path, text: str, proxy_host: str,
                                                     expected: bool) -> None:
    assert accepts(tmp_path, text, proxy_host) is expected


def test_a_list_of_allowed_hosts_over_several_lines(tmp_path: Path) -> None:
    assert accepts(tmp_path, "ALLOWED_HOSTS = [\n    'django',  # nginx's $proxy_host\n]\nDEBUG = False\n", "django")
    assert not accepts(tmp_path, "ALLOWED_HOSTS = [\n    'shop.example.org',\n]\n", "django")
    assert not accepts(tmp_path, "ALLOWED_HOSTS = [\n    os.environ['HOST'],\n]\n", "django")
    assert request_reading(tmp_path, "ALLOWED_HOSTS = [\n    '*',\n]\n") == ([], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("rows = db.execute('select 1').fetchall()\n", False),
    ("# Handles many requests.\nreturn render(request, 'home.html')\n", False),
    ("import requests\nrequests.get(url, timeout=30)\n", True),
    ("import requests as http\nhttp.get(url, timeout=30)\n", True),
    ("import requests\n\nsoup = parse(page)\n", False),     # imported, never used: it waits on nothing
    ("client = httpx.AsyncClient()\n", True),
    ("from openai import OpenAI\n", True),
    ("send_mail('Hi', body, sender, [to])\n", True),
    ("subprocess.run(['convert', path])\n", True),
    ("time.sleep(5)\n", True),
    ("upload = request.files['file']\n", True),
    ("return StreamingResponse(chunks())\n", True),
    ("socketio = SocketIO(app)\n", True),
])
def test_code_that_waits_outside_the_process(tmp_path: Path, text: str, expected: bool) -> None:
    path = tmp_path / "views.py"
    path.write_text(text)
    assert read_app_code([SourceFile(str(path), "views.py", "")], ReadContext()).requests.waits_in(AppScope(("",))) is expected


def tree_readers(tmp_path: Path, files: dict[str, str]) -> RequestReaders:
    sources = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        sources.append(SourceFile(str(path), name, ""))
    return read_app_code(sources, ReadContext()).requests


def holds_all(tmp_path: Path, files: dict[str, str], roots: list[str]) -> bool:
    return tree_readers(tmp_path, files).holds_all_of(AppScope(tuple(roots)))


@pytest.mark.parametrize(("files", "expected"), [
    ({"shop/wsgi.py": "from django.core.wsgi import get_wsgi_application\n"}, True),
    # Django names its URL module in the settings: without it, no view is in the tree.
    ({"shop/wsgi.py": "import os\n", "shop/settings.py": "ROOT_URLCONF = 'shop.urls'\n"}, False),
    ({"shop/settings.py": "ROOT_URLCONF = 'shop.urls'\n", "shop/urls.py": "from . import views\n"}, False),
    ({"shop/settings.py": "ROOT_URLCONF = 'shop.urls'\n", "shop/urls.py": "from . import views\n",
      "shop/views.py": "def home(request):\n    pass\n"}, True),
    ({"shop/urls.py": "from django.urls import include\nurlpatterns = [include('orders.urls')]\n"}, True),
    ({"shop/urls.py": "urlpatterns = [include('shop.orders.urls')]\n"}, False),
    ({"app/main.py": "from app.routers import (\n    ai,\n    chunk,\n)\n", "app/routers/chunk.py": ""}, False),
    ({"app/main.py": "from app.routers import ai, chunk\n", "app/routers/chunk.py": "", "app/routers/ai.py": ""}, True),
    # A name a package's __init__.py defines is no module of its own.
    ({"app/main.py": "from app import create_app\n", "app/__init__.py": "def create_app():\n    pass\n"}, True),
    ({"app/main.py": "from app import create_app\n", "app/__init__.py": ""}, False),
    ({"app/main.py": "from .models import Note\n", "app/models.py": "class Note:\n    pass\n"}, True),
])
def test_whether_the_tree_holds_all_of_the_app(tmp_path: Path, files: dict[str, str], expected: bool) -> None:
    assert holds_all(tmp_path, files, [""]) is expected


def gunicorn_loading(spec: str) -> AppServer:
    server = AppServer("gunicorn", "app", Span("deploy/gunicorn.conf.py"))
    server.app_spec = spec
    return server


@pytest.mark.parametrize(("files", "expected"), [
    # What the module imports, through each other, relative or not, with the packages' __init__.py.
    ({"wsgi.py": "from site_app import app\n", "site_app.py": "from .views import bp\nimport helpers.text\n",
      "views.py": "from site_app import app\n", "helpers/__init__.py": "", "helpers/text.py": "",
      "lesson_6.py": "print(request.remote_addr)\n"},
     ("wsgi.py", "site_app.py", "views.py", "helpers/__init__.py", "helpers/text.py")),
    # A partial checkout (create_app is nowhere): the app's files are not known, the folder stands for them.
    ({"wsgi.py": "from app import create_app\n", "app/views.py": "", "lesson_6.py": ""}, None),
    # Django's settings load middleware, apps and views by name: the folder stands for the app.
    ({"wsgi.py": "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\n",
      "settings.py": "MIDDLEWARE = ['realip.Middleware']\n", "realip.py": ""}, None),
])
def test_the_app_is_what_its_module_imports(tmp_path: Path, files: dict[str, str],
                                             expected: tuple[str, ...] | None) -> None:
    scope = tree_readers(tmp_path, files).app_scope([gunicorn_loading("wsgi:app")])
    assert scope.roots == ("",)
    assert scope.files == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize("fixture", ["X117/app-code-waits-on-nothing-is-an-info", "U112/app-that-waits-on-nothing-is-info"])
def test_an_app_checked_by_its_absolute_path_from_elsewhere_is_read_to_the_end(fixture, tmp_path):
    """Checked from another folder, the tree's files are shown by their absolute paths: the app's
    scope walks each file's folders up to `/` and stops there (it looped at `/` for ever)."""
    import json
    import subprocess
    import sys

    tree = Path(__file__).parent / "fixtures" / fixture
    expected = {line.strip() for line in (tree / "expected.txt").read_text().splitlines() if line.strip()}
    code = fixture.split("/")[0]
    # In a process of its own with a deadline, so that a loop fails the test instead of hanging it.
    done = subprocess.run([sys.executable, "-m", "wsgilint", "check", str(tree), "--format", "json", "--fail-on",
                           "never", "--select", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    findings = json.loads(done.stdout)["findings"]
    assert {f"{Path(f['path']).relative_to(tree)}:{f['line']} {f['severity']}" for f in findings} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("from rest_framework import serializers\n", False),   # no pyserial: `import serial` is its own word
    ("import serial\nport = serial.Serial('COM3')\n", True),
    ("import serial as s\nport = s.Serial('COM3')\n", True),
    ("from serial import Serial\n", True),
])
def test_pyserial_is_its_own_import(tmp_path: Path, text: str, expected: bool) -> None:
    readers = tree_readers(tmp_path, {"views.py": text})
    assert ("views.py" in readers.blocking_files) is expected
