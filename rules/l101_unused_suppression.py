"""A suppression comment that suppresses nothing, or names no rule.

## What it checks
Every `wsgilint: ignore[...]` / `ignore-file[...]` comment: a code, prefix or slug in it
that names no rule (a typo such as `X1O1`, or an empty list), and a comment that covers
no finding of the rules it names although they all ran (the problem was fixed, or the
comment stands on the wrong line: in uWSGI ini files, systemd units, sysctl.d and
limits.conf it must be on the line above, as those formats keep no comment after a
value). Comments naming rules that did not run (`--select`) are left alone.

## What breaks in production
Nothing at once. A stale suppression hides the next real finding on that line, and a
misspelt one hides nothing while the author believes the finding is handled.

## How to fix
Remove the comment, correct the code, or move it to the line above the finding.
"""
from collections.abc import Iterator

from wsgilint.engine import Hit, SuppressionOutcome

CODE = "L101"
SLUG = "unused-suppression"
SEVERITY = "warning"
SUMMARY = "A wsgilint: ignore[...] comment suppresses nothing or names no rule."

BAD = {"deploy/nginx.conf": "server {\n    listen 80;\n    # wsgilint: ignore[X101] the app binds it at run time\n"
                            "    location / {\n        return 200;\n    }\n}\n"}
GOOD = {"deploy/nginx.conf": "server {\n    listen 80;\n    location / {\n        return 200;\n    }\n}\n"}


def check_suppressions(outcome: SuppressionOutcome) -> Iterator[Hit]:
    for suppression, pattern in outcome.unknown:
        said = f"`{pattern}` names no rule" if pattern else "the list of rules is empty"
        yield Hit(suppression.at, f"this suppression does nothing: {said} (`wsgilint rules` lists them)")
    for suppression in outcome.unused:
        place = "this file" if suppression.whole_file else f"line {suppression.line}"
        yield Hit(suppression.at, f"ignore[{','.join(suppression.patterns)}] suppresses nothing: no finding of "
                  f"{'those rules' if len(suppression.patterns) > 1 else 'that rule'} on {place}; remove it, or "
                  "put it on the line above the finding")
