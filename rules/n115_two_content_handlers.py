"""Two handlers in one location (`uwsgi_pass` and `proxy_pass`, or a pass and `return`).

## What it checks
A location (or an `if` block) that writes two `*_pass` directives of different modules,
as in `uwsgi_pass django:8000;` ... `proxy_pass http://django:8000;`, or a `*_pass` beside a
`return` that ends every request there. One finding per location, at the handler that loses;
the other dead lines (a second losing pass, the losing module's timeouts, params and headers
written in that location) are its related places. The same pass written twice is an error.

## What breaks in production
Measured with nginx 1.22 (the location's body is what the app answered):
- nginx accepts passes of different modules in one location and uses the **last one
  written**: with `uwsgi_pass` then `proxy_pass` requests go over HTTP, the other order over
  the uwsgi protocol. The losing pass, and its `uwsgi_read_timeout`, `uwsgi_param`...
  lines, do nothing: the timeouts and parameters the author tuned are not the ones in use;
- a `return` at the location's level answers every request in the rewrite phase, before or
  after the pass in the text alike, so the pass never runs (unless a `break` stops the
  rewrite directives first, which is left alone);
- the same pass twice (`proxy_pass` and `proxy_pass`) is refused at start:
  `"proxy_pass" directive is duplicate`.

## How to fix
Keep one handler per location and delete the other one with its module's directives; to
send some requests elsewhere, give them a location of their own.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, Related
from wsgilint.model import Deployment, NginxDirective, NginxLocation

CODE = "N115"
SLUG = "two-content-handlers"
SEVERITY = "warning"
SUMMARY = "Two handlers in one location (uwsgi_pass and proxy_pass, or a pass and return): one of them is dead."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        uwsgi_pass 127.0.0.1:3031;\n"
                            "        uwsgi_read_timeout 300;\n        proxy_pass http://127.0.0.1:8000;\n"
                            "        proxy_set_header Host $host;\n        proxy_set_header X-Forwarded-For "
                            "$proxy_add_x_forwarded_for;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        proxy_read_timeout 300;\n"
                             "        proxy_pass http://127.0.0.1:8000;\n        proxy_set_header Host $host;\n"
                             "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n}\n"}

# The handlers of nginx's upstream modules; each sets the location's content handler, the last wins.
PASS_DIRECTIVES = ("uwsgi_pass", "proxy_pass", "fastcgi_pass", "grpc_pass", "scgi_pass")


def _order(directive: NginxDirective) -> tuple[str, int, int]:
    # Where its name starts, which is where it starts: the name's span is kept, ``at`` is made when asked.
    at = directive.name_at
    return at.path, at.line, at.column


def _scopes(location: NginxLocation) -> Iterator[NginxLocation]:
    """The location and the ``if`` blocks inside it (each has a handler of its own)."""
    yield location
    pending = [inner for inner in location.locations if inner.is_if]
    while pending:
        scope = pending.pop()
        yield scope
        pending.extend(inner for inner in scope.locations if inner.is_if)


def _module_lines(scope: NginxLocation, passes: list[NginxDirective]) -> list[NginxDirective]:
    """The lines written in ``scope`` for the modules of ``passes`` (``uwsgi_*`` for uwsgi_pass),
    not counting the packaged files' (uwsgi_params): the author's own lines that go dead with them."""
    prefixes = tuple(p.name[:-len("pass")] for p in passes)
    return [d for name, found in scope.own.items() if name.startswith(prefixes) and name not in PASS_DIRECTIVES
            for d in found if not d.stock]


def _check_scope(scope: NginxLocation, assumed: dict[str, str]) -> Iterator[Hit]:
    # A pass read from a file an include was only guessed to lead to (another bundle's
    # proxy.conf for `include /config/nginx/proxy.conf`) is not counted: the guess is likely wrong.
    passes = sorted((d for name in PASS_DIRECTIVES for d in scope.own.get(name, ()) if d.name_at.path not in assumed),
                    key=_order)
    if not passes:
        return
    where = "this `if` block" if scope.is_if else f"location {scope.path}" if scope.block is not None \
        else "this location"
    names = [d.name for d in passes]
    duplicate = next((d for i, d in enumerate(passes) if d.name in names[:i]), None)
    if duplicate is not None:
        first = next(d for d in passes if d.name == duplicate.name)
        yield Hit(duplicate.at, f"`{duplicate.name}` twice in {where}: nginx refuses to start "
                  f"(\"{duplicate.name}\" directive is duplicate); keep one",
                  (Related(first.at, f"the first {duplicate.name}"),), severity="error")
        return
    returns = scope.own.get("return", ())
    if passes and returns and (scope.always_returns or (scope.is_if and "break" not in scope.own
                                                        and not scope.own.get("rewrite"))):
        dead = [*passes[1:], *_module_lines(scope, passes)]
        dead.sort(key=_order)
        handlers = " and ".join(dict.fromkeys(names))
        yield Hit(passes[0].at, f"{handlers} in {where} never runs: its `return` (line {returns[0].at.line}) "
                  "answers every request there first, wherever it is written; delete the pass and its "
                  "module's lines, or move the `return` to a location of its own",
                  (Related(returns[0].at, "this return answers first"),
                   *(Related(d.at, f"{d.name} is dead too") for d in dead)))
        return
    if len(passes) < 2:
        return
    winner, losers = passes[-1], passes[:-1]
    dead = [*losers, *_module_lines(scope, losers)]
    dead.sort(key=_order)
    lost = " and ".join(d.name for d in losers)
    yield Hit(losers[0].at, f"{lost} and {winner.name} in {where}: nginx uses the last handler written, "
              f"{winner.name} (line {winner.at.line}), so {lost} and the {_modules(losers)} lines here do "
              f"nothing; keep one handler and delete the other with its directives",
              (Related(winner.at, "the handler nginx uses"),
               *(Related(d.at, f"{d.name} is dead too") for d in dead if d is not losers[0])))


def _modules(passes: list[NginxDirective]) -> str:
    return ", ".join(f"`{p.name[:-len('pass')]}*`" for p in passes)


def check(deployment: Deployment) -> Iterator[Hit]:
    for instance in deployment.nginx:
        for location in instance.locations:
            for scope in _scopes(location):
                yield from _check_scope(scope, instance.assumed)
