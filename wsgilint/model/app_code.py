"""What the app's own Python code shows about its deployment, read without running it.

Only one fact so far: the app takes the request's scheme from ``X-Forwarded-Proto``
itself, whatever Gunicorn's ``forwarded_allow_ips`` says. Gunicorn ignores the header
for ``wsgi.url_scheme`` from an address it does not trust, but passes it on to the app
(measured: shared/reference/lab-supervisor-gunicorn.md §20, "header still visible"), and
these read it from there:
- Django: ``SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")``;
- werkzeug's ``ProxyFix`` (``x_proto`` is 1 unless set to 0);
- uvicorn's ``ProxyHeadersMiddleware`` given ``trusted_hosts`` (its default trusts only
  127.0.0.1, which is what Gunicorn's default does too).

A second fact: the URL prefixes under which a Django app's settings put its static and
media files (``STATIC_URL``, ``MEDIA_URL``, written as a string): nginx usually serves those
itself, and what it proxies there is no view of the app (N102).

Each file is parsed with ``ast`` (never imported or run), only when its text names one of
these, and only up to a size: a file that does not parse says nothing.
"""
from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from typing import NamedTuple

from ..core.context import ReadContext
from ..core.sources import SourceFile
from ..core.span import Setting, Span

_MAX_BYTES = 512 * 1024
_MARKERS = ("SECURE_PROXY_SSL_HEADER", "ProxyFix", "ProxyHeadersMiddleware")
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def forwarded_scheme_readers(files: list[SourceFile], ctx: ReadContext) -> list[Setting[str]]:
    """Where the tree's Python code reads the forwarded scheme itself (value: what does)."""
    return [Setting(what, Span(source.display, line, column + 1))
            for source, tree in _parsed(files, ctx, _MARKERS) for what, line, column in _markers_in(tree)]


_ASSET_SETTINGS = ("STATIC_URL", "MEDIA_URL")


class AssetUrl(NamedTuple):
    """A Django setting that puts files under a URL prefix: ``path`` has a leading and a
    trailing ``/`` (Django prefixes a relative one with the script's prefix)."""

    setting: str    # STATIC_URL | MEDIA_URL
    path: str
    at: Span


def asset_urls(files: list[SourceFile], ctx: ReadContext) -> list[AssetUrl]:
    """Each ``STATIC_URL = "..."`` and ``MEDIA_URL = "..."`` of the tree's Python code; a value
    that is no plain string says nothing."""
    found: list[AssetUrl] = []
    for source, tree in _parsed(files, ctx, _ASSET_SETTINGS):
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or not isinstance(node.value, ast.Constant):
                continue
            value = node.value.value
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            name = next((_name(t) for t in targets if _name(t) in _ASSET_SETTINGS), "")
            if not name or not isinstance(value, str) or "://" in value or not value.strip("/"):
                continue   # a site of its own (a CDN), or the root: no prefix of the app's
            path = "/" + value.strip("/") + "/"
            found.append(AssetUrl(name, path, Span(source.display, node.lineno, node.col_offset + 1)))
    return sorted(found, key=lambda each: (each.at.path, each.at.line))


def _parsed(files: list[SourceFile], ctx: ReadContext, markers: tuple[str, ...]) -> Iterator[tuple[SourceFile, ast.Module]]:
    """Each Python file of the tree (not too large) whose text names one of ``markers``, parsed."""
    for source in files:
        if source.kind or not source.path.endswith(".py"):
            continue
        try:
            if os.stat(source.path).st_size > _MAX_BYTES:
                continue
        except OSError:
            continue
        text = ctx.scan(source.path).text
        if not text or not any(marker in text for marker in markers):
            continue
        try:
            yield source, ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _markers_in(tree: ast.Module) -> list[tuple[str, int, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            if value is not None and not (isinstance(value, ast.Constant) and value.value is None) and any(
                    _name(target) == "SECURE_PROXY_SSL_HEADER" for target in targets):
                found.append(("SECURE_PROXY_SSL_HEADER", node.lineno, node.col_offset))
        elif isinstance(node, ast.Call):
            called = _name(node.func)
            if called != "add_middleware" and called not in ("ProxyFix", "ProxyHeadersMiddleware"):
                continue
            if called == "add_middleware":   # Starlette: app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=...)
                called = _name(node.args[0]) if node.args else ""
            keywords = {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
            if called == "ProxyFix" and not _is_zero(keywords.get("x_proto")):
                found.append(("werkzeug ProxyFix", node.lineno, node.col_offset))
            elif called == "ProxyHeadersMiddleware" and _trusts_others(keywords.get("trusted_hosts")):
                found.append(("uvicorn ProxyHeadersMiddleware", node.lineno, node.col_offset))
    return sorted(found, key=lambda marker: (marker[1], marker[2]))


def _is_zero(value: ast.expr | None) -> bool:
    return isinstance(value, ast.Constant) and value.value in (0, False)


def _trusts_others(value: ast.expr | None) -> bool:
    """``trusted_hosts`` given, and not only loopback written out (that is the default)."""
    if value is None:
        return False
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return any(host.strip() not in _LOOPBACK for host in value.value.split(","))
    if isinstance(value, (ast.List, ast.Tuple)):
        return not all(isinstance(item, ast.Constant) and item.value in _LOOPBACK for item in value.elts)
    return True
