"""Is a text a Supervisor file? Discovery asks before choosing a reader."""
from __future__ import annotations

import re

_DISCOVERY_RE = re.compile(
    r"^[ \t]*\[(?:(?:program|group|fcgi-program|eventlistener):[^\]\s]+|supervisord|unix_http_server|include)\]"
    r"[ \t\r]*(?:[;#].*)?$",
    re.MULTILINE,
)


def is_supervisor_text(text: str) -> bool:
    """True when the text has a section only Supervisor uses."""
    return bool(_DISCOVERY_RE.search(text))
