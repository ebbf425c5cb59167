"""supervisord's value types (``supervisor.datatypes``): each parser returns the value or
raises ValueError with supervisord's own complaint.

``command=`` is split with ``shlex.split`` when supervisord spawns; ``environment=`` is
read with a non-POSIX shlex lexer that silently drops what does not fit.
"""
from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Callable

from ...core.record import dataclass

_TRUE = ("yes", "true", "on", "1")
_FALSE = ("no", "false", "off", "0")
_SIGNAL_NUMBERS = {getattr(signal, name) for name in dir(signal) if name.startswith("SIG")}
_LOG_LEVELS = ("critical", "error", "warn", "info", "debug", "trace", "blather")


# shlex.split in POSIX mode treats only these characters specially besides its whitespace
# (`` \t\r\n``; comments are off in ``split``): without them every run of other characters is
# one word. tests/test_supervisor_differential.py holds the shortcut to supervisord.
# Tested with str methods (no pattern to compile at start).
_SHLEX_SPACES = str.maketrans("\t\r\n", "   ")


def _plain(command: str) -> bool:
    return "'" not in command and '"' not in command and "\\" not in command


def _shlex_words(command: str) -> list[str]:
    """The runs of characters other than shlex's whitespace: its words for a plain command."""
    return [word for word in command.translate(_SHLEX_SPACES).split(" ") if word]


def split_command(command: str) -> tuple[list[str] | None, str]:
    """argv as supervisord builds it at spawn (``shlex.split``); the error text when it cannot."""
    try:
        # shlex reads a character at a time, through several calls each: most of the splitting time.
        if _plain(command):
            argv = _shlex_words(command)
        else:
            import shlex  # here: a plain command (most) needs no lexer, nor shlex loaded at start

            argv = shlex.split(command)
        argv = [sys.intern(word) for word in argv]   # a fleet's programs share their executables and options
    except ValueError as error:
        return None, f"can't parse command {command!r}: {error}"
    if not argv:
        return None, "command is empty"
    return argv, ""


# Shell control and redirection operators when they make a whole word: `&&`, `||`, `|`, `|&`,
# `;`, `&`, `>`, `>>`, `<`, `<<`, `&>`, with a file descriptor (`2>`, `2>&1`, `>&2`, `2>&-`).
_OPERATORS = frozenset({"&&", "||", "|", "|&", ";", "&", "&>", "&>>"})
_REDIRECTIONS = frozenset({">", ">>", "<", "<<"})


def _is_operator(word: str) -> bool:
    """Whether ``word`` is one of those operators. String tests instead of the pattern
    ``(?:&&|\\|\\||\\|&?|;|&|&>>?|\\d*(?:>>?|<<?)|\\d*[<>]&(?:\\d+|-))\\Z``, whose compiling cost
    1 M instructions of every start (tests/test_startup_patterns.py compares the two); its
    ``\\d`` is any decimal digit, as ``str.isdecimal`` takes them."""
    if word in _OPERATORS:
        return True
    start = 0
    while start < len(word) and word[start].isdecimal():
        start += 1
    rest = word[start:]
    if rest in _REDIRECTIONS:
        return True
    return rest[:2] in ("<&", ">&") and (rest[2:] == "-" or rest[2:].isdecimal())


def _plain_words(text: str) -> tuple[bool, ...]:
    """For each word ``shlex.split`` makes of ``text``, whether it has no quote and no backslash
    in it. Words end where shlex ends them: at whitespace outside quotes and escapes."""
    plain: list[bool] = []
    quote, escaped, in_word, unquoted = "", False, False, True
    for char in text:
        if escaped:
            escaped = False
        elif quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"':
                escaped = True
        elif char in " \t\r\n":
            if in_word:
                plain.append(unquoted)
            in_word, unquoted = False, True
            continue
        elif char in "\"'":
            quote, unquoted = char, False
        elif char == "\\":
            escaped, unquoted = True, False
        in_word = True
    if in_word:
        plain.append(unquoted)
    return tuple(plain)


def shell_operators(command: str, argv: tuple[str, ...]) -> tuple[str, ...]:
    """The words of ``argv`` (``split_command`` of ``command``) that a shell would read as
    operators and that stand unquoted in ``command``."""
    # Without quotes and backslashes every word is plain, and shlex's words are the runs of non-space.
    plain = (True,) * len(_shlex_words(command)) if _plain(command) \
        else _plain_words(command)
    if len(plain) != len(argv):   # split differently from shlex: claim nothing
        return ()
    return tuple(word for word, unquoted in zip(argv, plain, strict=True) if unquoted and _is_operator(word))


@dataclass(frozen=True, slots=True)
class Environment:
    """``environment=`` as ``supervisor.datatypes.dict_of_key_value_pairs`` reads it.

    ``dropped`` holds the tokens it skipped without a word (``B=x y`` loses ``y``)."""

    values: dict[str, str]
    error: str = ""
    dropped: tuple[str, ...] = ()


def parse_environment(text: str) -> Environment:
    import shlex  # here: most trees set no environment=

    lexer = shlex.shlex(text)
    lexer.wordchars += "/.+-():"
    try:
        tokens = list(lexer)
    except ValueError as error:
        return Environment({}, f"{error} in value {text!r}")
    values: dict[str, str] = {}
    dropped: list[str] = []
    index = 0
    while index < len(tokens):
        triple = tokens[index:index + 3]
        if len(triple) != 3 or triple[1] != "=":
            return Environment(values, f"Unexpected end of key/value pairs in value {text!r}", tuple(dropped))
        values[triple[0]] = triple[2].strip("'\"")
        # supervisord skips the one token after each pair: a comma, or any other character its
        # tokenizer takes alone (`A=1&B=2` sets both, measured with 4.3.0); a word there is lost.
        separator = tokens[index + 3] if index + 3 < len(tokens) else ","
        if separator != "," and not (len(separator) == 1 and separator not in lexer.wordchars):
            dropped.append(separator)
        index += 4
    return Environment(values, "", tuple(dropped))


def parse_boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"not a valid boolean value: {value!r}")


# A fleet writes a few signal names thousands of times; the enum lookup is the cost. Bounded,
# and only accepted values are kept (a refusal raises and is not cached).
@functools.lru_cache(maxsize=256)
def parse_signal(value: str) -> str:
    """A stop signal's name without ``SIG`` (``TERM``), as supervisord's ``signal_number`` accepts it."""
    try:
        number = int(value)
    except ValueError:
        name = value.strip().upper()
        if not name.startswith("SIG"):
            name = "SIG" + name
        found = getattr(signal, name, None)
        if found is None:
            raise ValueError(f"value {value!r} is not a valid signal name") from None
        number = int(found)
    if number not in _SIGNAL_NUMBERS:
        raise ValueError(f"value {value!r} is not a valid signal number")
    try:
        return signal.Signals(number).name[3:]
    except ValueError:
        return str(number)


def parse_byte_size(value: str) -> int:
    lowered = value.lower()
    for suffix, factor in (("kb", 1024), ("mb", 1024 ** 2), ("gb", 1024 ** 3)):
        if lowered[-2:] == suffix:
            return int(lowered[:-2]) * factor
    return int(lowered)


def parse_auto_restart(value: str) -> str:
    lowered = value.lower()
    if lowered in _TRUE:
        return "true"
    if lowered in _FALSE:
        return "false"
    if lowered == "unexpected":
        return lowered
    raise ValueError(f"invalid 'autorestart' value {lowered!r}")


def parse_exit_codes(value: str) -> list[int]:
    try:
        codes = [int(code) for code in value.split(",")] if value else []
        if any(code < 0 or code > 255 for code in codes):
            raise ValueError
    except ValueError:
        raise ValueError(f"not a valid list of exit codes: {value!r}") from None
    return codes


def parse_octal(value: str) -> int:
    try:
        return int(value, 8)
    except ValueError:
        raise ValueError(f"{value} can not be converted to an octal type") from None


def parse_log_level(value: str) -> str:
    if value.lower() not in _LOG_LEVELS:
        raise ValueError(f"bad logging level name {value!r}")
    return value.lower()


def in_range(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """A whole number from ``minimum`` to ``maximum`` (supervisord's ``integer`` plus its range check)."""
    def convert(value: str) -> int:
        number = int(value)
        if number < minimum or (maximum is not None and number > maximum):
            raise ValueError(f"{number} is out of range")
        return number
    return convert


def parse_port(value: str) -> int:
    """The port of ``[inet_http_server] port`` (``9001`` or ``host:9001``)."""
    port = value.rsplit(":", 1)[1] if ":" in value else value
    return in_range(1, 65535)(port)


def parse_listener_redirect(value: str) -> bool:
    """An event listener's ``redirect_stderr``: supervisord allows only false."""
    if parse_boolean(value):
        raise ValueError("redirect_stderr=true is not allowed for an eventlistener")
    return False


def parse_process_name(value: str) -> str:
    name = value.strip()
    for character in " :/":
        if character in name:
            raise ValueError(f"Invalid name: {value!r} because of character: {character!r}")
    return name


Parser = Callable[[str], object]

PROGRAM_TYPES: dict[str, Parser] = {
    "priority": int, "autostart": parse_boolean, "autorestart": parse_auto_restart, "startsecs": int,
    "startretries": int, "stopsignal": parse_signal, "stopwaitsecs": int, "stopasgroup": parse_boolean,
    "killasgroup": parse_boolean, "exitcodes": parse_exit_codes, "redirect_stderr": parse_boolean,
    "numprocs": int, "numprocs_start": int, "umask": parse_octal,
    "stdout_capture_maxbytes": parse_byte_size, "stderr_capture_maxbytes": parse_byte_size,
    "stdout_events_enabled": parse_boolean, "stderr_events_enabled": parse_boolean,
}
# Keys supervisord reads once per process (``process_num`` is known for them).
PROCESS_TYPES: dict[str, Parser] = {
    "stdout_logfile_backups": int, "stderr_logfile_backups": int,
    "stdout_logfile_maxbytes": parse_byte_size, "stderr_logfile_maxbytes": parse_byte_size,
    "stdout_syslog": parse_boolean, "stderr_syslog": parse_boolean,
}
SUPERVISORD_TYPES: dict[str, Parser] = {
    "minfds": int, "minprocs": int, "umask": parse_octal, "logfile_maxbytes": parse_byte_size,
    "logfile_backups": int, "loglevel": parse_log_level, "nodaemon": parse_boolean, "silent": parse_boolean,
    "nocleanup": parse_boolean, "strip_ansi": parse_boolean,
}
