"""pam_limits files: ``/etc/security/limits.conf`` and ``limits.d/*.conf``.

Each line is ``<domain> <type> <item> <value>``; pam_limits skips a line that does
not have exactly four fields. ``nofile`` lines matter to the rules: they bound the
file descriptors of login sessions (services started by systemd or Supervisor do not
go through PAM, which is a classic surprise).
"""
from __future__ import annotations

import functools
import re

from ..core.context import ReadContext
from ..core.record import dataclass
from ..core.span import Span

ITEMS = frozenset({
    "core", "data", "fsize", "memlock", "nofile", "rss", "stack", "cpu", "nproc", "as", "maxlogins",
    "maxsyslogins", "nonewprivs", "priority", "locks", "sigpending", "msgqueue", "nice", "rtprio", "chroot",
})
TYPES = frozenset({"soft", "hard", "-"})


# Compiled on first use (functools.cache): a small tree may never need it, and compiling costs start-up.
@functools.cache
def _field() -> re.Pattern[str]:
    return re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class LimitLine:
    domain: str      # user, @group, %group, *, uid/gid ranges
    type: str        # soft | hard | - (both)
    item: str        # nofile, nproc, ...
    value: str       # a number, unlimited, infinity or -1
    at: Span         # the value


def read_limits_text(text: str, display: str) -> list[LimitLine]:
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        content = line.split("#", 1)[0]
        fields = list(_field().finditer(content))
        if len(fields) != 4:
            continue
        domain, kind, item, value = (field.group() for field in fields)
        last = fields[3]
        lines.append(LimitLine(domain, kind.lower(), item.lower(), value,
                               Span(display, number, last.start() + 1, last.end() + 1)))
    return lines


def read_limits(local_path: str, ctx: ReadContext) -> list[LimitLine]:
    text = ctx.read(local_path)
    if text.text is None:
        return []
    return read_limits_text(text.text, ctx.display(local_path))


def is_limits_text(text: str) -> bool:
    """Every line is a comment or a four-field limit with a known type and item."""
    found = False
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) != 4 or fields[1].lower() not in TYPES or fields[2].lower() not in ITEMS:
            return False
        found = True
    return found
