"""Numbers as each program reads them from text."""
from __future__ import annotations

from ..core.numbers import decimal

_NGINX_TIME = {"ms": 0.001, "": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "M": 2592000, "y": 31536000}
_NGINX_SIZE = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


def nginx_seconds(text: str) -> float | None:
    """nginx time values: ``30``, ``30s``, ``1m30s``, ``500ms``."""
    # Each step is a run of digits (\d, str.isdecimal) and a unit: ``ms``, one of ``smhdwMy``
    # or none. String tests instead of three patterns, whose compiling cost 1 M instructions of
    # every start (tests/test_startup_patterns.py compares them with these functions).
    total, position, length = 0.0, 0, len(text)
    while position < length:
        end = digits_end(text, position)
        number = decimal(text[position:end]) if end > position else None
        if number is None:
            return None
        unit = "ms" if text.startswith("ms", end) else text[end] if end < length and text[end] in "smhdwMy" else ""
        total += number * _NGINX_TIME[unit]
        position = end + len(unit)
    return total if text else None


def leading_digits(text: str) -> str:
    """The decimal digits (``\\d``) after the spaces (``\\s``) ``text`` starts with, as
    ``\\s*(\\d+)`` finds them; "" when there are none."""
    start = len(text) - len(text.lstrip())
    return text[start:digits_end(text, start)]


def digits_end(text: str, start: int) -> int:
    """Where the run of decimal digits (``\\d``) from ``start`` ends."""
    end = start
    while end < len(text) and text[end].isdecimal():
        end += 1
    return end


def nginx_size(text: str) -> int | None:
    """nginx sizes: ``512``, ``8k``, ``10m``, ``1g``."""
    text = text.strip()
    unit = text[-1] if text.endswith(("k", "K", "m", "M", "g", "G")) else ""
    digits = text[:len(text) - len(unit)]
    number = decimal(digits) if digits.isdecimal() else None
    return None if number is None else number * _NGINX_SIZE[unit.lower()]


def c_atoi(value: object) -> int | None:
    """What C's atoi/strtoul make of a uWSGI value: the leading digits (``"2048 # x"`` is 2048)."""
    text = str(value).lstrip()
    sign = 1 if text.startswith(("+", "-")) else 0
    end = digits_end(text, sign)
    return decimal(text[:end]) if end > sign else None
