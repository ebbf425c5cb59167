"""A suppression comment that does not say why.

## What it checks
A `wsgilint: ignore[...]` comment with nothing after the closing bracket. An info by
default; an error with `--require-reason` (or `require-reason = true` in the settings),
for teams that want every exception explained in review.

## What breaks in production
Nothing directly. A suppression without a reason cannot be judged later: when the
deployment changes, no one knows whether the finding it hides has become real.

## How to fix
Write the reason after the bracket: `# wsgilint: ignore[X101] the socket comes from the
Emperor's vassal-set`.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, SuppressionOutcome

CODE = "L102"
SLUG = "suppression-without-reason"
SEVERITY = "info"
SUMMARY = "A wsgilint: ignore[...] comment gives no reason."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        # wsgilint: ignore[N102]\n"
                            "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n"
                             "        # wsgilint: ignore[N102] the app reads no header of the client\n"
                             "        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"}


def check_suppressions(outcome: SuppressionOutcome) -> Iterator[Hit]:
    for suppression in outcome.without_reason:
        yield Hit(suppression.at, "this suppression gives no reason: write why after the bracket, so that a later "
                  "reader can tell whether the finding it hides has become real",
                  severity="error" if outcome.reason_required else None)
