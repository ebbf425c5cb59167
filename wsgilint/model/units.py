"""Numbers as each program reads them from text."""
from __future__ import annotations

import re

from ..core.numbers import decimal

_NGINX_TIME = {"ms": 0.001, "": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "M": 2592000, "y": 31536000}
_NGINX_SIZE = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


def nginx_seconds(text: str) -> float | None:
    """nginx time values: ``30``, ``30s``, ``1m30s``, ``500ms``."""
    total, position = 0.0, 0
    for match in re.finditer(r"(\d+)(ms|[smhdwMy]?)", text):
        if match.start() != position:
            return None
        number = decimal(match.group(1))
        if number is None:
            return None
        total += number * _NGINX_TIME[match.group(2)]
        position = match.end()
    return total if text and position == len(text) else None


def nginx_size(text: str) -> int | None:
    """nginx sizes: ``512``, ``8k``, ``10m``, ``1g``."""
    match = re.fullmatch(r"(\d+)([kKmMgG]?)", text.strip())
    number = decimal(match.group(1)) if match else None
    return number * _NGINX_SIZE[match.group(2).lower()] if match and number is not None else None


def c_atoi(value: object) -> int | None:
    """What C's atoi/strtoul make of a uWSGI value: the leading digits (``"2048 # x"`` is 2048)."""
    match = re.match(r"\s*([+-]?\d+)", str(value))
    return decimal(match.group(1)) if match else None
