"""nginx refuses, ignores or warns about a directive in the version that will run the file.

## What it checks
Directives and `listen` parameters whose fate changed between nginx releases (from
nginx's CHANGES and source), against the nginx version wsgilint assumes: the installed
Debian package (`nginx`, `nginx-core`, `nginx-light`, `nginx-full`, `nginx-extras`) when
checking this machine, `--nginx-version`, or else the stable release 1.30.4.

| written | deprecated | refused (`nginx -t` fails) | instead |
|---|---|---|---|
| `ssl on;` / `ssl off;` | 1.15.0 | 1.25.1: `unknown directive "ssl"` | `listen 443 ssl;` |
| `listen ... spdy` | 1.9.5 (ignored) | 1.19.7: `invalid parameter "spdy"` | `http2` |
| `spdy_*` | 1.9.5 (ignored) | 1.19.7: `unknown directive` | remove |
| `limit_zone` | 1.1.8 | 1.7.6: `unknown directive` | `limit_conn_zone` |
| `http2_push`, `http2_push_preload`, `http2_max_concurrent_pushes` | 1.25.1 (ignored: server push removed) | | remove |
| `http2_recv_timeout`, `http2_idle_timeout`, `http2_max_requests`, `http2_max_field_size`, `http2_max_header_size` | 1.19.7 (ignored) | | `client_header_timeout`, `keepalive_timeout`, `keepalive_requests`, `large_client_header_buffers` |
| `listen ... http2` | 1.25.1 (still works) | | `http2 on;` |
| `http2 on;` | | before 1.25.1: `unknown directive` | `listen ... http2` |
| `http3`, `quic_*`, `listen ... quic` | | before 1.25.0 | upgrade |

An error when that version refuses the file, a warning when it still starts with it.
When no version is given (`--nginx-version`, the settings), installed on the checked
host, or named by an nginx image tag (`FROM nginx:1.27.3`; a tag naming a release line only,
`nginx:1.25-alpine`, pulls the newest release of that line, and is compared as it), the current stable is assumed,
and the message names the assumption: a refusal is then a warning, and a deprecation whose
fix is wrong on older nginx (`listen ... http2`, `http2_push*`, the `http2_*` timeouts and
sizes) is an info. On nginx before 1.25.1 `listen 443 ssl http2;` is right and `http2 on;`
is refused, and Ubuntu 22.04 and 24.04 ship nginx 1.18 and 1.24: the files cannot tell.
It stays a warning when the files themselves use a directive that older nginx refuses
(`http2 on;` shows 1.25.1 or later). `ssl on;`, `spdy` and `limit_zone` stay warnings:
their fixes are right on every nginx still shipped (the oldest, under extended support,
are 1.10.3 of Ubuntu 16.04 and 1.14 of Ubuntu 18.04 and RHEL 8; `listen ... ssl` dates
from 0.7.14, `http2` replaced `spdy` in 1.9.5, `limit_conn_zone` came in 1.1.8).
In a container whose build installs the distribution's nginx (`apt-get install nginx`) and
no version is given, its nginx is the base image's release, which the files do not name:
Debian 12, Ubuntu 24.04 and older ship nginx before 1.25.1, Debian 13 and Ubuntu 25.04 ship
1.26, so each finding on the files it reads or its build puts below /etc/nginx is an info. So is
each finding on the files of a container whose image starts from one that is not nginx's own
(`smebberson/alpine-nginx:3.0.0`, `tiangolo/uwsgi-nginx`): its tag names that image's release,
not nginx's (`smebberson/alpine-nginx:3.0.0` installs nginx 1.8.1, which takes `ssl on;`).
So is a finding on the files of an nginx image that no Compose service of the tree builds
while its Compose files run others (a Dockerfile the project no longer uses); an image alone
in its tree is taken to be what the tree deploys.
Versions are those of nginx's CHANGES; where CHANGES is silent (`listen ... spdy` and
`spdy_*` refused from 1.19.7, commit e82939206; `http2_push*` only warned about from
1.25.1 on) they come from the source at the release tags.

## What breaks in production
A refused directive stops `nginx -t`, every start and every reload (measured with nginx
1.22: `listen ... spdy` gives `[emerg] invalid parameter "spdy"` and `spdy_chunk_size`
`[emerg] unknown directive`); after a distribution upgrade, nginx does not come back.
A deprecated one is accepted with a `[warn]`: `ssl on;` turns TLS on for every `listen`
of the server, port 80 too (measured with nginx 1.22: plain HTTP there is answered
`400 The plain HTTP request was sent to HTTPS port`); ignored ones silently do nothing.

## Known problems
Names inside `map`-like blocks are values, yet are checked too. Directives that N110
reports as unknown whatever the version (`optimize_server_names`, `satisfy_any`,
`open_file_cache_retest`, `connections`, `imap`, all removed in 1.9.1) are left to it.

## How to fix
Use the replacement in the table, or check against the nginx that runs the file
(`--nginx-version`).
"""
import sys
from collections.abc import Iterator

from wsgilint.engine import Hit
from wsgilint.model import Deployment, NginxDirective, Place, Setting, Span

CODE = "N113"
SLUG = "directive-version-mismatch"
SEVERITY = "warning"
SUMMARY = "A directive or listen parameter that the nginx version checked against removed, deprecated or lacks."

BAD = {"deploy/nginx.conf": "server {\n    listen 443;\n    ssl on;\n    ssl_certificate /etc/ssl/app.pem;\n"
                            "    ssl_certificate_key /etc/ssl/app.key;\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/app.pem;\n"
                             "    ssl_certificate_key /etc/ssl/app.key;\n}\n"}

Version = tuple[int, ...]


# A plain class, not a NamedTuple, whose ``__new__`` is compiled when the rule is loaded,
# at every start (0.4 M instructions).
class _Change:
    __slots__ = ("deprecated", "refused", "added", "effect", "fix", "older")

    def __init__(self, deprecated: Version | None, refused: Version | None, added: Version | None, effect: str,
                 fix: str, older: str = "") -> None:
        self.deprecated = deprecated    # from here nginx warns (and may ignore it)
        self.refused = refused          # from here nginx -t fails
        self.added = added              # before this nginx -t fails
        self.effect = effect            # while deprecated
        self.fix = fix
        # What nginx before `deprecated` does with it, when the fix is wrong there: the finding
        # then holds only for newer nginx. Empty when the fix is right on every nginx still
        # shipped (the docstring gives the dates).
        self.older = older


_IGNORED = "nginx ignores it"
_PUSH = _Change((1, 25, 1), None, None, f"{_IGNORED}: HTTP/2 server push was removed in 1.25.1", "remove it",
                "it pushes")
_SPDY = _Change((1, 9, 5), (1, 19, 7), None, f"{_IGNORED}: HTTP/2 replaced SPDY in 1.9.5", "remove it")
_HTTP3 = _Change(None, None, (1, 25, 0), "", "remove it, or run nginx 1.25.0 or later")
_DIRECTIVES = {
    "ssl": _Change((1, 15, 0), (1, 25, 1), None, "it turns TLS on for every `listen` of the server, port 80 too",
                   "remove it and write `ssl` on the listen lines that serve TLS (`listen 443 ssl;`)"),
    "limit_zone": _Change((1, 1, 8), (1, 7, 6), None, "", "use `limit_conn_zone`"),
    "http2_push": _PUSH, "http2_push_preload": _PUSH, "http2_max_concurrent_pushes": _PUSH,
    **{name: _SPDY for name in ("spdy_chunk_size", "spdy_headers_comp", "spdy_keepalive_timeout",
                                "spdy_max_concurrent_streams", "spdy_pool_size", "spdy_recv_buffer_size",
                                "spdy_recv_timeout", "spdy_streams_index_size")},
    **{name: _Change((1, 19, 7), None, None, _IGNORED, f"use `{instead}`",
                     f"it is the one in effect for HTTP/2 connections, not `{instead}`") for name, instead in (
        ("http2_recv_timeout", "client_header_timeout"), ("http2_idle_timeout", "keepalive_timeout"),
        ("http2_max_requests", "keepalive_requests"), ("http2_max_field_size", "large_client_header_buffers"),
        ("http2_max_header_size", "large_client_header_buffers"))},
    "http2": _Change(None, None, (1, 25, 1), "", "before 1.25.1 write `http2` on the listen line (`listen 443 ssl http2;`)"),
    **{name: _HTTP3 for name in ("http3", "http3_hq", "http3_max_concurrent_streams", "http3_stream_buffer_size",
                                 "quic_active_connection_id_limit", "quic_bpf", "quic_gso", "quic_host_key",
                                 "quic_retry")},
}
_LISTEN_PARAMETERS = {
    "spdy": _Change((1, 9, 5), (1, 19, 7), None, f"{_IGNORED} and serves HTTP/1.1 (SPDY was replaced by HTTP/2)",
                    "write `http2` in its place"),
    "http2": _Change((1, 25, 1), None, None, "it still enables HTTP/2",
                     "remove `http2` from the listen line and write `http2 on;` in the server",
                     "this line is right and nginx refuses `http2 on;` as an unknown directive"),
    "quic": _Change(None, None, (1, 25, 0), "", "remove it, or run nginx 1.25.0 or later"),
}


def _dotted(version: Version) -> str:
    # The newest release of a line (an image tag `nginx:1.27`) ends in sys.maxsize: shown as x.
    return ".".join("x" if part == sys.maxsize else str(part) for part in version)


def _verdict(change: _Change, version: Version, refusal: str) -> tuple[str, str] | None:
    """(severity, what happens) for ``version``, or None when it has no objection."""
    running = _dotted(version)
    if change.added and version < change.added:
        return "error", f"was added in nginx {_dotted(change.added)}: nginx {running} refuses to start ({refusal})"
    if change.refused and version >= change.refused:
        since = f" (deprecated since {_dotted(change.deprecated)})" if change.deprecated else ""
        return "error", (f"was removed in nginx {_dotted(change.refused)}{since}: nginx {running} refuses to start "
                         f"({refusal})")
    if change.deprecated and version >= change.deprecated:
        later = f", refused from {_dotted(change.refused)}" if change.refused else ""
        effect = f"; {change.effect}" if change.effect else ""
        return "warning", (f"is deprecated since nginx {_dotted(change.deprecated)}{later}: nginx {running} starts "
                           f"with a warning{effect}")
    return None


def _changes(directive: NginxDirective) -> Iterator[tuple[str, str, _Change]]:
    """(what nginx reports, what is written, its change) for the directive and its listen parameters."""
    if directive.name == "listen":
        for parameter in directive.args[1:]:
            if parameter in _LISTEN_PARAMETERS:
                yield f'invalid parameter "{parameter}"', f"listen ... {parameter}", _LISTEN_PARAMETERS[parameter]
    elif directive.name in _DIRECTIVES:
        change = _DIRECTIVES[directive.name]
        if directive.name == "ssl" and directive.args != ("on",):
            # `ssl off;` turns nothing on
            change = _Change(change.deprecated, change.refused, change.added, "", change.fix, change.older)
        written = f"ssl {' '.join(directive.args)}" if directive.name == "ssl" else directive.name
        yield f'unknown directive "{directive.name}"', written, change


def check(deployment: Deployment) -> Iterator[Hit]:
    host = deployment.host
    if "nginx" not in host.versions:
        return
    # An image tag speaks for the nginx of the tree's containers, not for a host's: the
    # configurations are judged in two groups, each by its own version.
    in_image = "nginx" in host.container_versions
    # A container's nginx that its build installs from the distribution's packages runs the
    # base image's release, where no version is named: judged apart, each finding an info.
    packaged = deployment.packaged_nginx if "nginx" in host.assumed_versions else {}
    groups: dict[tuple[bool, Setting[str] | None], list[NginxDirective]] = {}
    # The image a directive's nginx runs in where nothing in the files runs it while Compose
    # files of the tree run others (a Dockerfile their services no longer build), unless
    # another nginx that reads it does run. An image alone in its tree is what it deploys.
    composed = any(place.kind == "container" and place.started_with and not place.run_unseen
                   for place in deployment.places)
    unrun: dict[int, Place] = {}
    run: set[int] = set()
    for instance in deployment.nginx:
        for directive in instance.directives:
            if directive.name == "listen" or directive.name in _DIRECTIVES:
                installed = packaged.get(directive.at.path)
                key = (in_image and installed is None and instance.place.kind == "container", installed)
                groups.setdefault(key, []).append(directive)
                if instance.place.run_unseen and composed:
                    unrun.setdefault(id(directive), instance.place)
                else:
                    run.add(id(directive))
    reported: set[tuple[Span, str]] = set()   # a file both groups read is judged once, by the first
    for (in_container, installed), found in groups.items():
        setting = host.container_versions["nginx"] if in_container else host.versions["nginx"]
        assumed = not in_container and "nginx" in host.assumed_versions
        version = host.version("nginx", in_container)
        # Only the directives some nginx version changed, each once (an instance may read a file another reads too).
        directives = list(dict.fromkeys(found))
        # A directive of the group's files that older nginx refuses (`http2 on;`) shows that
        # the nginx accepting them is at least that new.
        at_least = max((change.added for directive in directives for _, _, change in _changes(directive)
                        if change.added), default=(0,))
        for directive in directives:
            for refusal, written, change in _changes(directive):
                if (directive.at, written) in reported:
                    continue
                reported.add((directive.at, written))
                verdict = _verdict(change, version, refusal)
                if verdict is None:
                    continue
                severity, what = verdict
                note = setting.note
                if installed is not None and installed.value == "apt":
                    severity = "info"
                    note += (f"; but this nginx is the distribution's package ({installed.note}), whose version "
                             "is the base image's release: Debian 12, Ubuntu 24.04 and older ship nginx before "
                             "1.25.1, Debian 13 and Ubuntu 25.04 ship 1.26: give --nginx-version")
                elif installed is not None:
                    severity = "info"
                    note += (f"; but this nginx is the one of {installed.note}, which is not nginx's own image "
                             "and whose tag names no nginx release: give --nginx-version")
                # A refusal by a version nobody named is likely, not proven: a warning.
                elif severity == "error" and assumed:
                    severity = "warning"
                # A deprecation whose fix is wrong on an older nginx, which may well be the one
                # that runs (Ubuntu 22.04 ships 1.18, 24.04 1.24): the files cannot tell.
                elif severity == "warning" and assumed and change.older and change.deprecated \
                        and change.deprecated > at_least:
                    severity = "info"
                    note += (f", the current stable release; on nginx before {_dotted(change.deprecated)} "
                             f"{change.older}: give --nginx-version")
                image = unrun.get(id(directive)) if id(directive) not in run else None
                if image is not None and severity != "info":
                    severity = "info"
                    note += (f"; no Compose service of the checked files builds {image.label or image.name}: "
                             "assumed it runs (a `docker run` or a platform the files do not show)")
                yield Hit(directive.at, f"`{written}` {what}; {change.fix} ({note})", severity=severity)
