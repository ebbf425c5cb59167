"""Gunicorn's settings table and its validators: what ``cfg.set(name, value)`` stores.

The table (``settings.json``: names, command-line flags, argparse actions, value kinds,
hook arities, defaults) is generated from the installed Gunicorn by
``tools/gen_gunicorn_settings.py`` and loaded once, when this module is imported.
The validators reproduce Gunicorn 27's own, so a value Gunicorn refuses at start is
refused here with the same message.
"""
from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Callable
from typing import Any

from ...core.paths import packaged_text
from ...core.record import dataclass
from ...core.span import Span

_TABLE = json.loads(packaged_text(__file__, "settings.json"))
GUNICORN_VERSION: str = _TABLE["gunicorn_version"]
SETTINGS: dict[str, dict[str, Any]] = _TABLE["settings"]


@dataclass(frozen=True, slots=True)
class Hook:
    """A function bound at module level: a server hook when its name is a setting."""

    name: str
    arity: int | None          # positional parameters, as gunicorn.util.get_arity counts them
    at: Span
    decorated: bool = False    # a decorator may replace the function: arity unknown


# ---------------------------------------------------------------------------------------
# Validators: what Gunicorn's Setting.set() turns a value into, or why it refuses it.

class InvalidValue(ValueError):
    pass


def _pos_int(value: Any) -> int:
    if isinstance(value, int):
        number = int(value)
    elif isinstance(value, str):
        try:
            number = int(value, 0)
        except ValueError:
            raise InvalidValue(f"invalid literal for int() with base 0: {value!r}") from None
    else:
        raise InvalidValue("int() can't convert non-string with explicit base")
    if number < 0:
        raise InvalidValue(f"Value must be positive: {number}")
    return number


def _ranged_int(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        number = _pos_int(value)
        if not low <= number <= high:
            raise InvalidValue(f"must be between {low} and {high}, got {number}")
        return number
    return check


def _bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise InvalidValue(f"Invalid type for casting: {value}")
    word = value.lower().strip()
    if word in ("true", "false"):
        return word == "true"
    raise InvalidValue(f"Invalid boolean: {value}")


def _string(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidValue(f"Not a string: {value}")
    return value.strip()


def _list_string(value: Any) -> list[str | None]:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset, dict)):
        raise InvalidValue(f"'{type(value).__name__}' object is not iterable")
    return [_string(item) for item in value]


def _string_to_list(value: Any) -> list[str]:
    text = _string(value)
    if not text:
        return []
    return [item.strip() for item in text.split(",") if item]


def _string_to_addr_list(value: Any) -> list[str]:
    items = _string_to_list(value)
    for item in items:
        if item != "*":
            try:
                ipaddress.ip_network(item)
            except ValueError as error:
                raise InvalidValue(str(error)) from None
    return items


def _dict(value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise InvalidValue(f"Value is not a dictionary: {value} ")
    return value


def _user_or_group(value: Any) -> Any:
    # Names are looked up on the target host when Gunicorn starts; keep them as written.
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        if not value.isdigit():
            return value
        try:    # "²" is a digit to isdigit() but no number to int(): Gunicorn fails the same way
            return int(value)
        except ValueError as error:
            raise InvalidValue(str(error)) from None
    raise InvalidValue(f"'{type(value).__name__}' object has no attribute 'isdigit'")


def _class(value: Any) -> Any:
    return _string(value)


def _callable(value: Any) -> Any:
    if isinstance(value, str):
        if "." not in value:
            raise InvalidValue(f"Value '{value}' is not import string. Format: module[.submodules...].object")
        return value
    raise InvalidValue(f"Value is not callable: {value}")


def _choice(choices: dict[str, str], none: Any, message: str, *,
            accept_bool: dict[bool, str] | None = None) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value is None:
            return none
        if accept_bool is not None and isinstance(value, bool):
            return accept_bool[value]
        if not isinstance(value, str):
            raise InvalidValue(f"Invalid type for casting: {value}")
        word = value.lower().strip()
        if word not in choices:
            raise InvalidValue(f"{message}: {value}")
        return choices[word]
    return check


def _same(*words: str) -> dict[str, str]:
    return {word: word for word in words}


def _http_protocols(value: Any) -> list[str]:
    if value is None:
        return ["h1"]
    if not isinstance(value, str):
        raise InvalidValue("http_protocols must be a string")
    protocols = [p.strip().lower() for p in value.strip().split(",") if p.strip()]
    if not protocols:
        return ["h1"]
    for protocol in protocols:
        if protocol not in ("h1", "h2"):
            raise InvalidValue(f"Invalid protocol '{protocol}'. Valid protocols: h1, h2")
    if len(protocols) != len(set(protocols)):
        raise InvalidValue("Duplicate protocols specified")
    return protocols


def _reload_engine(value: Any) -> Any:
    if value not in ("auto", "poll", "inotify"):
        raise InvalidValue(f"Invalid reload_engine: {value!r}")
    return value


def _statsd_address(value: Any) -> Any:
    """gunicorn.util.parse_address with port 8125: a unix path, or (host, port)."""
    text = _string(value)
    if text is None:
        return None
    legacy = re.fullmatch(r"unix:(\d+)", text)
    if legacy:
        return ("unix", int(legacy.group(1)))
    if re.match(r"unix:(//)?", text):
        return re.split(r"unix:(//)?", text)[-1]
    if text.startswith("fd://"):
        raise InvalidValue("Value must be one of ('host:port', 'unix://PATH')")
    if text.startswith("tcp://"):
        text = text.split("tcp://")[1]
    host, port = text, "8125"
    if "[" in text and "]" in text:
        host = text.split("]")[0][1:]
        port = (text.split("]:") + ["8125"])[1]
    elif ":" in text:
        host, port = (text.split(":") + ["8125"])[:2]
    elif text == "":
        host = "0.0.0.0"
    try:
        return (host.lower(), int(port))
    except ValueError:
        raise InvalidValue("Value must be one of ('host:port', 'unix://PATH')") from None


def _unchanged(value: Any) -> Any:
    return value


# Validators whose outcome depends on the machine Gunicorn runs on (files that must
# exist, directories to enter) keep the value as written.
_VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "pos_int": _pos_int,
    "http2_window_size": _ranged_int(0, 2 ** 31 - 1),
    "http2_stream_limit": _ranged_int(1, 2 ** 63),
    "http2_frame_size": _ranged_int(16384, 16777215),
    "bool": _bool,
    "string": _string,
    "chdir": _string,
    "statsd_address": _statsd_address,
    "list_string": _list_string,
    "list_of_files_or_patterns": _list_string,
    "string_to_list": _string_to_list,
    "string_to_addr_list": _string_to_addr_list,
    "dict": _dict,
    "user": _user_or_group,
    "group": _user_or_group,
    "class": _class,
    "callable": _callable,
    "asgi_lifespan": _choice(_same("auto", "on", "off"), "auto", "Invalid ASGI lifespan"),
    "asgi_loop": _choice(_same("auto", "asyncio", "uvloop"), "auto", "Invalid ASGI loop"),
    "http_parser": _choice(_same("auto", "fast", "python"), "auto", "http_parser must be one of: auto, fast, python"),
    "header_map_behaviour": _choice(_same("drop", "refuse", "dangerous"), None, "Invalid header map behaviour"),
    "http2_cleartext": _choice(_same("off", "prior-knowledge", "upgrade", "both"), "off", "Invalid http2_cleartext",
                               accept_bool={True: "prior-knowledge", False: "off"}),
    "proxy_protocol": _choice(
        {"false": "off", "off": "off", "0": "off", "none": "off", "true": "auto", "auto": "auto", "1": "auto",
         "v1": "v1", "v2": "v2"}, "off", "proxy_protocol must be: off, v1, v2, or auto",
        accept_bool={True: "auto", False: "off"}),
    "http_protocols": _http_protocols,
    "reload_engine": _reload_engine,
    "ssl_version": _unchanged,
}


# Settings whose values Gunicorn checks only from a version on: before it, any text is taken,
# and an entry that is no address never equals a peer's. 23.0.0 checks each entry with
# ipaddress.ip_address, 24.1.0 with ip_network (CIDR); 22.0.0 and 21.2.0 split the text only
# (gunicorn/config.py of each release).
REFUSED_SINCE = {"forwarded_allow_ips": "23.0.0", "proxy_allow_ips": "23.0.0"}


def refused_since(name: str) -> tuple[str, ...]:
    """``Problem.since`` for a value of ``name`` that Gunicorn refuses."""
    return ("gunicorn", REFUSED_SINCE[name]) if name in REFUSED_SINCE else ()


def validate(name: str, value: Any) -> tuple[Any, str | None]:
    """What Gunicorn stores for ``name = value``, or the reason it refuses the value (exit 1)."""
    spec = SETTINGS.get(name)
    if spec is None:
        return value, None
    validator = _VALIDATORS.get(spec["validator"], _unchanged)
    if spec["validator"] == "callable" and isinstance(value, Hook):
        arities = spec.get("arity")
        allowed = arities if isinstance(arities, list) else [arities]
        if value.arity is not None and -1 not in allowed and value.arity not in allowed:
            return value, f"Value must have an arity of: {allowed[-1]}"
        return value, None
    try:
        return validator(value), None
    except ValueError as error:   # also Python's own, e.g. an int too long to print in the message
        return value, str(error)
