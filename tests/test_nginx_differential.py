"""The nginx reader against the real ``nginx -t`` (1.22) on every final corpus nginx file.

Each file is read by wsgilint the way discovery would read a lone file
(``read_nginx_fragment``: in the context that suits it, or as a main nginx.conf). nginx is then run on a copy placed in that same context:

* http:     ``events {} http { include FILE; }``
* server:   ``events {} http { server { include FILE; } }``
* location: ``events {} http { server { location / { include FILE; } } }``
* main:     the file itself as ``-c``.

The temporary directory holds the stock files (``uwsgi_params``, ``mime.types``...)
so relative includes resolve as on Debian; ``-p`` and ``-e`` point into it. nginx
stops at its first error, so when that error is not a syntax error and its
statement fits on one line, the line is rewritten in the copy and nginx runs again,
up to a limit: an unknown upstream host becomes ``127.0.0.1:9``, a missing
certificate a self-signed one made for the run, an empty upstream gets a server,
anything else is commented out.
Line numbers never move.

How nginx's ``[emerg]`` messages are classified:

* **syntax** (wsgilint must report a ``syntax`` Problem at that line, or on the
  statement that ends there): ``unexpected ...`` (brace, ``;``, end of file, a
  character after a quoted string), ``directive "x" is not terminated by ";"``,
  ``directive "x" has no opening "{"``, ``invalid number of arguments in "x"
  directive``, ``invalid value "v" in "x" directive, it must be "on" or "off"``,
  ``no host in upstream "..."`` (a ``*_pass`` naming no host), and ``"x" directive is not allowed here`` in a main configuration.
* **not syntax** (commented out and retried): ``unknown directive`` (a module that
  is not built in), ``"x" directive is not allowed here`` in a fragment (its real
  context is not known; wsgilint reports it only inside the server blocks of a site file,
  which are in http > server wherever the file is included), missing files and certificates, unknown hosts, users,
  variables, duplicates, bad values and regular expressions — rules or the runtime
  deal with those, not the reader.
* Errors nginx gives without a line: a certificate it could not load is found by its
  path and rewritten; log files it cannot open and a missing ``events`` block come
  after the whole file was read (accepted); an unknown variable is found when the
  ``http`` block closes, which for a wrapped fragment is after the whole fragment
  (accepted) but not for a main file (not compared).
* An error in another file (a stock or system include) ends the run and the file is
  not compared.

Agreement: nginx accepts the file (or stopped for reasons that are not syntax) and
wsgilint reports no syntax Problem on the lines nginx had read; or nginx reports a
syntax error and wsgilint reports one on the same statement, and none before it.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
from conftest import NGINX

from wsgilint.core.context import ReadContext
from wsgilint.readers.nginx import STOCK_FILES, NginxTree, read_nginx_fragment, read_nginx_main

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
MAX_RETRIES = 25

WRAPPERS = {
    ("http",): "events {{}}\nhttp {{\n include {file};\n}}\n",
    ("http", "server"): "events {{}}\nhttp {{\n server {{\n  include {file};\n }}\n}}\n",
    ("http", "location"): "events {{}}\nhttp {{\n server {{\n  location / {{\n   include {file};\n  }}\n }}\n}}\n",
}

_EMERG = re.compile(r"\[emerg\] (?P<message>.*?)(?: in (?P<file>/\S+):(?P<line>\d+))?\nnginx: ", re.S)
# Said once the whole configuration was read (log and pid files are opened later).
_AFTER_READING = re.compile(r'^(open\(\) "[^"]*" failed|no "events" section in configuration)')
_CERTIFICATE = re.compile(r'^cannot load certificate(?: key)? "([^"]+)"')
_SYNTAX = re.compile(
    r'^(unexpected |directive "[^"]+" is not terminated by ";"|directive "[^"]+" has no opening "\{"'
    r'|invalid number of arguments in |invalid value "[^"]*" in "[^"]+" directive, it must be "on" or "off"'
    r'|no host in upstream '
    r'|(no host|invalid host|invalid port|invalid port range|no path in the unix domain socket'
    r'|too long path in the unix domain socket) in "[^"]*" of the "listen" directive)')
_CONTEXT = re.compile(r'^"[^"]+" directive is not allowed here')
# The words ngx_http_core_listen refuses a parameter with; they name no directive, so they
# count as syntax only on the lines of a ``listen``.
_LISTEN_PARAMETER = re.compile(r'^invalid (parameter|backlog|fastopen|ipv6only flags) "[^"]*"$')

# Errors nginx reports at the line that opens or closes a block; the fix goes just
# inside that brace.
BLOCK_FIXES = {
    'no "ssl_certificate" is defined': "ssl_certificate {cert}; ssl_certificate_key {key};",
    "no servers are": "server 127.0.0.1:9;",
}

# Files where nginx and wsgilint disagree on purpose, with the reason.
KNOWN_DIVERGENCES: dict[str, str] = {}


@dataclass
class Outcome:
    local_path: str
    verdict: str          # accepted | syntax | stopped | elsewhere | unlocated
    line: int = 0         # nginx's error line (syntax), or the first line it did not read (stopped)
    message: str = ""
    agrees: bool = True
    ours: tuple = ()


def corpus_rows() -> list[dict[str, str]]:
    with open(CORPUS / "MANIFEST.tsv", newline="") as handle:
        return [r for r in csv.DictReader(handle, delimiter="\t") if r["kind"] == "nginx" and r["is_template"] == "no"]


def read_like_discovery(path: Path) -> NginxTree:
    return read_nginx_fragment(str(path), ReadContext(mode="repository", cwd=str(path.parent)))


def statement_end_lines(tree: NginxTree, listen_lines: set[int] | None = None) -> dict[int, tuple[int, bool]]:
    """Start line -> (line of its ``;`` or ``{``, opens a block), for the root file; the
    lines of every ``listen`` go into ``listen_lines``."""
    ends: dict[int, tuple[int, bool]] = {}
    pending = [tree.root.statements]
    while pending:
        for stmt in pending.pop():
            if stmt.directive == "listen" and listen_lines is not None:
                listen_lines.update(range(stmt.at.line, stmt.end_line + 1))
            if not stmt.is_comment:
                ends.setdefault(stmt.at.line, (stmt.end_line, stmt.block is not None))
                if stmt.block:
                    pending.append(stmt.block)
    return ends


def run_nginx(directory: str, config: str) -> tuple[int, str]:
    result = subprocess.run(
        [NGINX, "-t", "-q", "-p", directory + "/", "-e", os.path.join(directory, "error.log"), "-c", config],
        capture_output=True, text=True, errors="replace", timeout=30)   # nginx quotes a byte it refuses
    return result.returncode, result.stderr


def rewrite(line_text: bytes, message: str, cert: str, key: str) -> bytes:
    """A stand-in for a line nginx refused for a reason that is not syntax."""
    indent = line_text[:len(line_text) - len(line_text.lstrip())]
    words = line_text.split()
    directive = words[0] if words else b""
    if message.startswith(("host not found in upstream", "no port in upstream")) and directive == b"server":
        return indent + b"server 127.0.0.1:9;"
    if message.startswith("cannot load certificate key") and directive == b"ssl_certificate_key":
        return indent + b"ssl_certificate_key " + key.encode() + b";"
    if message.startswith("cannot load certificate") and directive == b"ssl_certificate":
        return indent + b"ssl_certificate " + cert.encode() + b";"
    if message.startswith('no "ssl_certificate" is defined') and b";" in line_text:
        head, _, tail = line_text.partition(b";")
        return head + b"; ssl_certificate " + cert.encode() + b"; ssl_certificate_key " + key.encode() + b";" + tail
    return b"#" + line_text


def check_file(name: str, source: Path, cert: str = "", key: str = "") -> Outcome:
    tree = read_like_discovery(source)
    display = tree.root.display
    ours = sorted({p.at.line for p in tree.problems if p.kind == "syntax" and p.at.path == display})
    listen_lines: set[int] = set()
    ends = statement_end_lines(tree, listen_lines)
    with tempfile.TemporaryDirectory(prefix="wsgilint-nginx-") as directory:
        for stock_name, data_file in STOCK_FILES.items():
            target = os.path.join(directory, stock_name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            target_text = resources.files("wsgilint.readers").joinpath("stock", data_file).read_bytes()
            Path(target).write_bytes(target_text)
        copy = os.path.join(directory, "checked.conf")
        lines = source.read_bytes().split(b"\n")
        if tree.context == ():
            config = copy
        else:
            config = os.path.join(directory, "wrapper.conf")
            Path(config).write_text(WRAPPERS[tree.context].format(file=copy))
        verdict, line, message = "accepted", 0, ""
        for _ in range(MAX_RETRIES):
            Path(copy).write_bytes(b"\n".join(lines))
            code, stderr = run_nginx(directory, config)
            match = _EMERG.search(stderr)
            if code == 0 or match is None:
                verdict, line, message = "accepted", 0, stderr.strip()
                break
            message, where = match.group("message"), match.group("file")
            if match.group("line") is None:
                # Said without a line once a block or the whole configuration was read.
                certificate = _CERTIFICATE.match(message)
                found = [i for i, text in enumerate(lines) if certificate and certificate.group(1).encode() in text
                         and text.strip().startswith(b"ssl_certificate")]
                if found:
                    line, where = found[0] + 1, copy
                elif _AFTER_READING.match(message) or (tree.context != () and message.startswith("unknown \"")):
                    verdict, line = "accepted", 0
                    break
                else:
                    verdict = "unlocated"
                    break
            else:
                line = int(match.group("line"))
            if where != copy:
                verdict = "elsewhere"
                break
            if _SYNTAX.match(message) or (_CONTEXT.match(message) and tree.context == ()) \
                    or (_LISTEN_PARAMETER.match(message) and line in listen_lines):
                verdict = "syntax"
                break
            opener = BLOCK_FIXES.get(message.split(" for ")[0].split(" inside ")[0])
            if opener is not None and (b"{" in lines[line - 1] or b"}" in lines[line - 1]):
                fix = opener.format(cert=cert, key=key).encode()
                text = lines[line - 1]
                if b"{" in text:
                    head, _, tail = text.partition(b"{")
                    lines[line - 1] = head + b"{ " + fix + tail
                else:
                    head, _, tail = text.partition(b"}")
                    lines[line - 1] = head + fix + b" }" + tail
                continue
            start = next((s for s, (end, _) in ends.items() if s <= line <= end), None)
            if start is None or ends[start][0] != start or ends[start][1] or start != line:
                verdict = "stopped"
                break
            lines[line - 1] = rewrite(lines[line - 1], message, cert, key)
        else:
            verdict = "stopped"
    outcome = Outcome(name, verdict, line, message, ours=tuple(ours))
    if verdict == "accepted":
        outcome.agrees = not ours
    elif verdict == "syntax":
        hit = [ln for ln in ours if ln == line or (ln in ends and ln <= line <= ends[ln][0])]
        outcome.agrees = bool(hit) and all(ln >= hit[0] for ln in ours)
    elif verdict == "stopped":
        outcome.agrees = all(ln >= line for ln in ours)
    else:
        outcome.agrees = True
    return outcome


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[str, str]:
    directory = tmp_path_factory.mktemp("cert")
    cert, key = str(directory / "cert.pem"), str(directory / "key.pem")
    if shutil.which("openssl") is None:
        return "", ""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=wsgilint.test",
                    "-days", "2", "-keyout", key, "-out", cert], capture_output=True, timeout=60, check=True)
    return cert, key


def mutations(text: bytes) -> dict[str, bytes]:
    """Line-preserving breakages people make: a lost ";", a lost or extra brace."""
    lines = text.split(b"\n")
    found: dict[str, bytes] = {}

    def changed(index: int, new: bytes) -> bytes:
        return b"\n".join(lines[:index] + [new] + lines[index + 1:])

    middle = len(lines) // 2
    for index in list(range(middle, len(lines))) + list(range(middle)):
        stripped = lines[index].strip()
        if stripped.endswith(b";") and not stripped.startswith(b"#") and stripped.count(b";") == 1 \
                and b"{" not in stripped and b"}" not in stripped and b"'" not in stripped and b'"' not in stripped:
            found["drop-semicolon"] = changed(index, lines[index].rstrip()[:-1])
            break
    closers = [i for i, line in enumerate(lines) if line.strip() == b"}"]
    if closers:
        found["drop-close-brace"] = changed(closers[len(closers) // 2], b"")
    openers = [i for i, line in enumerate(lines) if line.strip().startswith(b"location") and line.rstrip().endswith(b"{")]
    if openers:
        found["drop-open-brace"] = changed(openers[0], lines[openers[0]].rstrip()[:-1])
    found["extra-close-brace"] = text + b"\n}\n"
    return found


def run_all(cases: list[tuple[str, Path]], cert: str, key: str) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=min(16, (os.cpu_count() or 2) * 2)) as pool:
        return list(pool.map(lambda case: check_file(case[0], case[1], cert, key), cases))


def report(title: str, outcomes: list[Outcome]) -> list[Outcome]:
    compared = [o for o in outcomes if o.verdict not in ("elsewhere", "unlocated")]
    agreeing = [o for o in compared if o.agrees]
    counts = {v: sum(o.verdict == v for o in outcomes)
              for v in ("accepted", "syntax", "stopped", "elsewhere", "unlocated")}
    print(f"\n{title}: {len(agreeing)}/{len(compared)} agree "
          f"({100 * len(agreeing) / max(len(compared), 1):.1f}%); nginx verdicts {counts}")
    disagreeing = [o for o in compared if not o.agrees and o.local_path not in KNOWN_DIVERGENCES]
    for o in disagreeing:
        print(f"  {o.local_path}: nginx {o.verdict} at {o.line} ({o.message}); wsgilint syntax at {list(o.ours)}")
    return disagreeing


needs_nginx = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")


@needs_nginx
def test_reader_agrees_with_nginx_t(certificate):
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    cases = [(row["local_path"], CORPUS / row["local_path"]) for row in corpus_rows()]
    assert report("nginx -t on the corpus", run_all(cases, *certificate)) == []


@needs_nginx
def test_reader_agrees_with_nginx_t_on_broken_copies(certificate, tmp_path):
    if not (CORPUS / "MANIFEST.tsv").exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    cases = []
    for row in corpus_rows():
        for kind, text in mutations((CORPUS / row["local_path"]).read_bytes()).items():
            folder = tmp_path / f"{len(cases)}"
            folder.mkdir()
            path = folder / os.path.basename(row["local_path"])
            path.write_bytes(text)
            cases.append((f"{row['local_path']} [{kind}]", path))
    outcomes = run_all(cases, *certificate)
    assert sum(o.verdict == "syntax" for o in outcomes) > len(cases) // 2
    assert report("nginx -t on broken copies of the corpus", outcomes) == []


# Broken files as people write them; nginx -t must stop at the one syntax error wsgilint reports.
FIRST_ERROR_CASES = {
    "semicolon-comments": "server {\n listen 80;\n location / { uwsgi_pass 127.0.0.1:3031; }\n}\n\n"
                          "; upstream app {\n;   server 127.0.0.1:9;\n; }\n; server {\n;\n"
                          ";   location / { uwsgi_read_timeout 2; }\n; }\n",
    "stray-close-brace": "server {\n listen 80;\n }\n}\nserver {\n listen 81;\n}\n",
    "missing-semicolon-before-brace": "server {\n listen 80;\n server_name a }\n location / { }\n}\n",
    "character-after-quote": 'server {\n listen 80;\n return 200 "ok"x;\n}\n}\n',
    "block-in-map": "map $a $b {\n default 0;\n x { }\n}\nserver { ; }\n",
    "unclosed-block-ending-in-comment": "server {\n listen 80;\n # the end",
    "unfinished-directive": "server {\n listen 80;\n}\nserver {\n root /srv",
}


@needs_nginx
@pytest.mark.parametrize("name", sorted(FIRST_ERROR_CASES))
def test_the_one_syntax_error_is_the_one_nginx_t_stops_at(name, tmp_path):
    site = tmp_path / "site.conf"
    site.write_text(FIRST_ERROR_CASES[name])
    tree = read_like_discovery(site)
    assert tree.context == ("http",)
    ours = [problem for problem in tree.problems if problem.kind == "syntax"]
    assert len(ours) == 1 and tree.refused
    main = tmp_path / "nginx.conf"
    main.write_text(WRAPPERS[("http",)].format(file=site))
    code, stderr = run_nginx(str(tmp_path), str(main))
    match = _EMERG.search(stderr)
    assert code != 0 and match is not None and match.group("file") == str(site)
    assert _SYNTAX.match(match.group("message"))
    assert ours[0].at.line == int(match.group("line"))
    assert ours[0].message.startswith(match.group("message"))


@needs_nginx
def test_a_block_given_to_a_directive_is_the_one_error_nginx_t_stops_at(tmp_path):
    """`server_name { NAME };` (a template's braces, round 31): nginx handles server_name at
    its `{` and stops there; the `}` after NAME, which a parse of the whole text meets, is
    never read and is not a second error."""
    site = tmp_path / "site.conf"
    site.write_text("server {\n listen 80;\n server_name { FRONTEND_DOMAIN };\n}\n")
    tree = read_like_discovery(site)
    ours = [problem for problem in tree.problems if problem.kind == "syntax"]
    main = tmp_path / "nginx.conf"
    main.write_text(WRAPPERS[("http",)].format(file=site))
    code, stderr = run_nginx(str(tmp_path), str(main))
    match = _EMERG.search(stderr)
    assert code != 0 and match is not None and match.group("file") == str(site)
    assert [(problem.at.line, problem.message.split(":")[0]) for problem in ours] == \
        [(int(match.group("line")), match.group("message"))]


PASS_WITHOUT_HOST = {
    "proxy-pass-scheme-only": "proxy_pass http://;",
    "proxy-pass-port-only": "proxy_pass http://:8001/api/;",
    "uwsgi-pass-scheme-only": "uwsgi_pass suwsgi://;",
    "uwsgi-pass-port-only": "uwsgi_pass :8000;",
    "grpc-pass-scheme-only": "grpc_pass grpcs://;",
    "fastcgi-pass-port-only": "fastcgi_pass :9000;",
}


@needs_nginx
@pytest.mark.parametrize("name", sorted(PASS_WITHOUT_HOST))
def test_a_pass_without_host_is_reported_as_nginx_t_words_it(name, tmp_path):
    site = tmp_path / "site.conf"
    site.write_text(f"server {{\n listen 80;\n location / {{\n  {PASS_WITHOUT_HOST[name]}\n }}\n}}\n")
    ours = [problem for problem in read_like_discovery(site).problems if problem.kind == "syntax"]
    main = tmp_path / "nginx.conf"
    main.write_text(WRAPPERS[("http",)].format(file=site))
    code, stderr = run_nginx(str(tmp_path), str(main))
    match = _EMERG.search(stderr)
    assert code != 0 and match is not None and _SYNTAX.match(match.group("message"))
    assert len(ours) == 1 and ours[0].at.line == int(match.group("line"))
    assert ours[0].message.startswith(match.group("message") + ":")


# Generated text where crossplane's lexer and nginx's part ways (a "}" inside a word, a
# space only Python knows, "${"), mixed with what else ends words in nginx: wsgilint must
# stop where nginx -t stops, and accept what it accepts. ``env`` takes exactly one argument
# and does not read it, so a word split differently is an "invalid number of arguments";
# ``return`` compiles its text, so only variables nginx knows appear in it. One statement a
# line, as ``check_file`` retries by commenting out the line of an error that is not syntax.
_WORD_PIECES = ["a", "b", "}", "a}", "}}", "${uri}", "$uri", "${", "$", "\\$", "\\{", "{", "\xa0", "\x0b", "\x0c",
                "\x85", "\u2028", "\u3000", "\\", '"', "'", ")"]
_SPACES = [" ", "\t", "\xa0", "\x0b", "\u3000"]


def departure_config(pick) -> str:
    """One nginx.conf from ``pick(choices)`` (random.choice, or a Hypothesis draw)."""
    def word() -> str:
        return "a" + "".join(pick(_WORD_PIECES) for _ in range(pick([1, 2, 3])))

    lines = []
    for _ in range(pick([1, 2, 3])):
        form = pick(["env", "env", "env2", "return", "events"])
        indent = pick(["", " ", "\xa0"])
        if form == "env":
            lines.append(f"{indent}env {word()};")
        elif form == "env2":
            lines.append(f"{indent}env {word()}{pick(_SPACES)}{word()};")
        elif form == "return":
            lines.append(f"{indent}http {{\n server {{\n  listen 127.0.0.1:9;\n  location / {{\n   return 200 "
                         + word().replace("a", "${uri}", 1) + ";\n  }\n }\n}")
        else:
            lines.append(f"{indent}events {{{pick(_SPACES)}}}")
    return "\n".join(lines) + pick(["\n", ""])


# Each departure alone, and a U+00A0 where nginx wants one of its spaces (after a closing
# quote; at the end of the file, where it is an unfinished word).
PINNED_DEPARTURES = ["env a};\n", "env a}}b};\n", "env a }\n", "env a\xa0b;\n", "env a\x0bb c;\n",
                     "env ${uri} a;\n", "env ${uri}a;\n", "env a\\${uri};\n", 'env "a"\xa0;\n', "env a;\n\xa0",
                     "http {\n server {\n  location / {\n   return 200 a};\n  }\n }\n}\n"]


def _departure_outcome(text: str, directory: Path) -> Outcome:
    """nginx -t and wsgilint on the text as a main nginx.conf (its first line, a directive
    only the main context takes, makes it one even when the text is cut short)."""
    path = directory / "nginx.conf"
    path.write_text("worker_processes 1;\n" + text, encoding="utf-8")
    outcome = check_file(repr(text), path)
    assert read_like_discovery(path).context == ()
    return outcome


@needs_nginx
def test_generated_departures_from_crossplane_agree_with_nginx_t(tmp_path):
    import random

    chooser = random.Random(14)
    texts = PINNED_DEPARTURES + sorted({departure_config(chooser.choice) for _ in range(240)} - set(PINNED_DEPARTURES))
    outcomes = []
    for index, text in enumerate(texts):
        folder = tmp_path / str(index)
        folder.mkdir()
        outcomes.append(_departure_outcome(text, folder))
    verdicts = {o.verdict for o in outcomes}
    assert {"accepted", "syntax"} <= verdicts
    assert report("nginx -t on generated departures from crossplane", outcomes) == []


@pytest.mark.fuzz
@needs_nginx
def test_generated_departures_agree_with_nginx_t_fuzz():
    import test_fuzz  # noqa: F401  (registers the Hypothesis profiles)
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings.get_profile("fuzz")
    @given(data=st.data())
    def run(data):
        text = departure_config(lambda choices: data.draw(st.sampled_from(choices)))
        with tempfile.TemporaryDirectory(prefix="wsgilint-nginx-") as directory:
            outcome = _departure_outcome(text, Path(directory))
        assert outcome.agrees or outcome.verdict in ("elsewhere", "unlocated"), outcome

    run()


# ``listen`` addresses nginx parses as it reads the line (ngx_parse_url): the ones it refuses
# whatever the machine, the ones it takes, and a name it must resolve (not wsgilint's to judge).
LISTEN_VALUES = [":80", ":8081", "*:8081", "[::]:8081", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "0",
                 "65535", "65536", "080", "00000000000000000000080", "8000-8001", "8001-8000", "127.0.0.1:8000-8001",
                 "127.0.0.1:8001-8000", "8000-0", "80-a", "a-80", "unix:", "UNIX:", "unix:/tmp/a.sock",
                 "unix:/" + "a" * 107, "unix:/" + "a" * 106, "[::1]", "[::1]:", "[]:80", "[::1]x", "[::1]:80/",
                 "127.0.0.1/80", "127.0.0.1?", "1.2.3.4:80x", "127.0.0.1:+80", "::1:80", "*", "localhost:8081",
                 "nosuchhost.invalid:80", "99999999999999999999", ":443 ssl", "70000"]


@needs_nginx
@pytest.mark.parametrize("value", LISTEN_VALUES)
def test_listen_address_refused_as_nginx_t_refuses_it(value, tmp_path):
    site = tmp_path / "site.conf"
    site.write_text(f"server {{\n listen {value};\n}}\n")
    ours = [problem for problem in read_like_discovery(site).problems if problem.kind == "syntax"]
    main = tmp_path / "nginx.conf"
    main.write_text(WRAPPERS[("http",)].format(file=site))
    code, stderr = run_nginx(str(tmp_path), str(main))
    match = _EMERG.search(stderr)
    if code == 0 or match is None or not _SYNTAX.match(match.group("message")):
        assert ours == [], (stderr, ours)
    else:
        assert len(ours) == 1 and ours[0].at.line == int(match.group("line")) == 2
        assert ours[0].message.startswith(match.group("message") + ":")


# ``listen`` parameters nginx 1.22 reads with the line (ngx_http_core_listen): the ones it
# knows, values it refuses, words it does not know (a ``;`` missing at the end of the line
# above all), and the ones left to rule N113 or to the platform (``spdy``, ``quic``,
# ``setfib=``), which wsgilint does not report here although this nginx refuses them.
LISTEN_LINES = {
    "missing-semicolon": "listen [::]:7070\n  server_name x;",
    "missing-semicolon-v4": "listen 8000 default_server\n  root /srv;",
    "unknown-word": "listen 80 default_server sslx;",
    "upper-case": "listen 80 SSL;",
    "known-words": "listen [::]:80 default_server ipv6only=on reuseport deferred bind backlog=511 fastopen=0 "
                   "rcvbuf=64k sndbuf=1m so_keepalive=30m::10 proxy_protocol;",
    "old-default": "listen 80 default;",
    "multi-line": "listen 80\n  default_server\n  reuseport;",
    "ipv6only-yes": "listen [::]:80 ipv6only=yes;",
    "ipv6only-ox": "listen [::]:80 ipv6only=ox;",
    "backlog-zero": "listen 80 backlog=0;",
    "backlog-word": "listen 80 backlog=many;",
    "fastopen-word": "listen 80 fastopen=x;",
    "udp-in-http": "listen 80 udp;",
    "spdy": "listen 80 spdy;",
    "setfib": "listen 80 setfib=1;",
    "address-first": "listen :80 server_name;",
}
# Parameters this nginx refuses that another nginx takes: N113 judges the version, the
# platform is not known.
ELSEWHERE_KNOWN = {"spdy", "setfib"}


@needs_nginx
@pytest.mark.parametrize("name", sorted(LISTEN_LINES))
def test_listen_parameters_refused_as_nginx_t_refuses_them(name: str, tmp_path: Path) -> None:
    site = tmp_path / "site.conf"
    site.write_text(f"server {{\n  {LISTEN_LINES[name]}\n}}\n")
    main = tmp_path / "nginx.conf"
    main.write_text(WRAPPERS[("http",)].format(file="site.conf"))   # relative: read from the checked tree
    tree = read_nginx_main(str(main), ReadContext(mode="repository", cwd=str(tmp_path)))
    ours = [problem for problem in tree.problems if problem.kind == "syntax"]
    code, stderr = run_nginx(str(tmp_path), str(main))
    match = _EMERG.search(stderr)
    if name in ELSEWHERE_KNOWN:
        assert code != 0 and match is not None and _LISTEN_PARAMETER.match(match.group("message"))
        assert ours == []
        return
    if code == 0 or match is None:
        assert ours == [], (stderr, ours)
        return
    message = match.group("message")
    assert _LISTEN_PARAMETER.match(message) or _SYNTAX.match(message), stderr
    assert len(ours) == 1 and ours[0].message.startswith(message + ":")
    # nginx names the line it had read up to: the one of the ``;``; wsgilint points at the word.
    assert ours[0].at.path.endswith("site.conf") and ours[0].at.line <= int(match.group("line"))
    assert ours[0].at.line >= 2
