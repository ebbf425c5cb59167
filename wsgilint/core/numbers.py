"""Numbers written in config files, read as the C programs that own them read them."""
from __future__ import annotations

import re

_DECIMAL = re.compile(r"([+-]?)0*([0-9]+)")
# More digits than Python's int() converts (sys.get_int_max_str_digits): far past the 64-bit
# integers nginx, systemd, the kernel and Supervisor's ranges hold, so each of them refuses
# such a number as out of range, as it refuses a word.
_MAX_DIGITS = 4300


def decimal(text: str) -> int | None:
    """The value of an optionally signed run of ASCII digits (the only digits C's parsers know:
    ``"٣"`` is no number to nginx); None for anything else and for a number too long to hold."""
    match = _DECIMAL.fullmatch(text)
    if match is None or len(match.group(2)) > _MAX_DIGITS:
        return None
    return int(match.group(1) + match.group(2))
