"""Numbers written in config files, read as the C programs that own them read them."""
from __future__ import annotations

# More digits than Python's int() converts (sys.get_int_max_str_digits): far past the 64-bit
# integers nginx, systemd, the kernel and Supervisor's ranges hold, so each of them refuses
# such a number as out of range, as it refuses a word.
_MAX_DIGITS = 4300


def decimal(text: str) -> int | None:
    """The value of an optionally signed run of ASCII digits (the only digits C's parsers know:
    ``"٣"`` is no number to nginx); None for anything else and for a number too long to hold.
    String tests instead of the pattern ``([+-]?)0*([0-9]+)``, whose compiling cost 0.34 M
    instructions of every start (tests/test_startup_patterns.py compares the two)."""
    sign = text[:1] if text.startswith(("+", "-")) else ""
    digits = text[len(sign):]
    if not (digits.isascii() and digits.isdigit()):
        return None
    significant = digits.lstrip("0") or "0"
    if len(significant) > _MAX_DIGITS:
        return None
    return int(sign + significant)
