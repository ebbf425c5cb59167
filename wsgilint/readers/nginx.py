"""Reading nginx configuration into plain, located statements.

``nginx_lexer`` tokenizes as nginx does (crossplane's Lua-block extension included),
at regular-expression speed; crossplane's table of directive contexts and argument counts
(written out in ``_nginx_directive_table``) and its check of a directive against it
(``_analyze``) are used as they are. The block structure, include resolution and
error reporting are done here, because crossplane's own parser loses a whole file on
one unbalanced brace, decodes bad bytes silently, names the wrong file after an
include, recurses once per nested block, and resolves includes on this machine's
paths. Each file is parsed on its own and its includes are followed through the
ReadContext, so a snapshot's ``/etc/nginx/conf.d/*.conf`` is looked for under the
snapshot root.

Positions: lines and columns are 1-based and count characters; ``end_column`` is
exclusive, so ``line_text[column - 1:end_column - 1]`` is the token as written
(quotes included). It is 0 when the token continues on a later line.

Includes are resolved as nginx resolves them, against the directory of the main
nginx.conf (``nginx_includes``). A file every nginx package ships (``uwsgi_params``,
``mime.types``...) that the checked files do not put there stands for Debian 12's copy of
it, in every mode: the checked files are often only the ones that were changed.

Fragments (a file no checked nginx.conf includes) are read in the first of the
contexts ``http``, ``server``, ``location``, main that accepts every directive of
the file (or, failing that, the one that rejects the fewest); a file that fits only
the main context is an nginx.conf and is read as one. Directives that are
out of place are reported only for files reached from a real nginx.conf, because a
fragment's real context is not known.
"""
# Longer than a module should be: the tokens to statements, the context checks, the walk
# into included files and the fragment-context choice are one walk over one stack of
# frames; split, each part would reach into the walk's state. Where an include leads is
# decided apart, in ``nginx_includes``.
from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..core.context import ReadContext
from ..core.paths import packaged, packaged_text
from ..core.record import dataclass, field
from ..core.span import Problem, Span
from ._nginx_directive_table import CONTEXTS, DIRECTIVES
from ._nginx_keyword_table import KEYWORDS
from .nginx_includes import STOCK_FILES, Included, IncludeResolver, prefix_of
from .nginx_lexer import Lexed, Token, tokenize
from .nginx_listen import listen_parameter_error, ngx_atoi
from .nginx_sniff import is_nginx_text

__all__ = [
    "NginxFile", "NginxStatement", "NginxTree", "STOCK_PREFIX",
    "is_nginx_text", "listen_address_error", "pass_target_without_host", "read_nginx_fragment", "read_nginx_main",
]

STOCK_PREFIX = "<stock>/"

# Blocks and includes deeper than this are not read. nginx 1.22 reads deeper (on an
# 8 MB stack it crashes near 13 000 nested locations or 11 500 chained includes), but
# nothing real nests this far, and the walks that keep every enclosing level stay small.
MAX_DEPTH = 1000

# Blocks whose lines nginx hands to the module as values (map entries, MIME types):
# a "{" inside them is a syntax error, usually a "}" missing above.
_VALUE_BLOCKS = frozenset({"map", "types", "geo", "split_clients", "charset_map"})

FRAGMENT_CONTEXTS: tuple[tuple[str, ...], ...] = (("http",), ("http", "server"), ("http", "location"), ())

Context = tuple[str, ...]


@dataclass(eq=False, slots=True)
class NginxStatement:
    """One directive (or comment, ``directive == "#"``) as written.

    ``at`` spans the directive name; ``arg_places`` are the arguments' (line, column,
    end column) as written, kept as numbers because most are never reported (``arg_spans``
    makes their spans); ``end_line`` is where its ``;`` or ``{`` is. ``includes`` indexes
    ``NginxTree.files`` for an ``include`` (one entry per file it pulls in; None for every
    other statement, which would otherwise each hold an empty list: 5 MiB at 5000 apps).
    """

    directive: str
    args: list[str]
    at: Span
    arg_places: list[tuple[int, int, int]] = field(default_factory=list)
    end_line: int = 0
    block: list[NginxStatement] | None = None
    comment: str = ""
    includes: list[int] | None = None

    @property
    def arg_spans(self) -> list[Span]:
        path = self.at.path
        return [Span(path, line, column, end_column) for line, column, end_column in self.arg_places]

    @property
    def value_at(self) -> Span:
        """The first argument, or the directive when it has none."""
        if self.arg_places:
            line, column, end_column = self.arg_places[0]
            return Span(self.at.path, line, column, end_column)
        return self.at

    @property
    def is_comment(self) -> bool:
        return self.directive == "#"


@dataclass(eq=False)
class NginxFile:
    """One file in one context. ``path`` is local (for stock content, the packaged
    copy); ``display`` names it in findings (``<stock>/uwsgi_params``). A file with a
    ``syntax_error`` holds only the statements before it: nginx reads no further."""

    path: str
    display: str
    context: Context
    statements: list[NginxStatement] = field(default_factory=list)
    stock: bool = False
    syntax_error: Problem | None = None


@dataclass(eq=False)
class NginxTree:
    """A main nginx.conf (``standalone`` False) or a fragment, with every file it includes.

    ``files[0]`` is the file that was asked for; ``context`` is the context its
    top-level statements are read in. ``assumed``: the files (by display path) read only
    on a guess of where an include leads, each with the note naming the guess.
    """

    standalone: bool
    files: list[NginxFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    assumed: dict[str, str] = field(default_factory=dict)
    # Files written as templates, with blanks to fill in before use (display path -> the note
    # naming one): what is found in them holds for the file as written, not as deployed.
    templates: dict[str, str] = field(default_factory=dict)

    @property
    def root(self) -> NginxFile:
        return self.files[0]

    @property
    def context(self) -> Context:
        return self.files[0].context

    @property
    def statements(self) -> list[NginxStatement]:
        return self.files[0].statements

    @property
    def refused(self) -> bool:
        """nginx refuses this configuration: one of its files has a syntax error."""
        return any(f.syntax_error is not None for f in self.files)

    @property
    def local_paths(self) -> list[str]:
        """Files of the checked tree this configuration reads (stock content excluded)."""
        return [f.path for f in self.files if not f.stock]

    def expand(self, statements: list[NginxStatement], keep_includes: bool = False) -> Iterator[NginxStatement]:
        """The statements of one block, comments left out, with each ``include`` replaced by
        the statements of the files it pulls in (preceded by the ``include`` itself when
        ``keep_includes``). The reader refuses include cycles, so this always ends."""
        pending = [iter(statements)]
        while pending:
            stmt = next(pending[-1], None)
            if stmt is None:
                pending.pop()
            elif stmt.is_comment:
                continue
            elif stmt.directive == "include" and stmt.block is None:
                if keep_includes:
                    yield stmt
                pending.extend(iter(self.files[index].statements) for index in reversed(stmt.includes or ()))
            else:
                yield stmt


# --------------------------------------------------------------------------- parsing

def _problem(message: str, display: str, line: int, column: int = 0) -> Problem:
    return Problem("syntax", message, Span(display, line, column))


def _strip_if_parentheses(stmt: NginxStatement) -> None:
    args, places = stmt.args, stmt.arg_places
    if args and args[0].startswith("(") and args[-1].endswith(")"):
        args[0] = args[0][1:].lstrip()
        args[-1] = args[-1][:-1].rstrip()
        keep = [i for i, arg in enumerate(args) if arg or 0 < i < len(args) - 1]
        stmt.args = [args[i] for i in keep]
        stmt.arg_places = [places[i] for i in keep]


def _position(text: str, offset: int) -> tuple[int, int]:
    """(line, column) of an offset, counted from the start: once per file at most."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


# What nginx accepts right after a closing quote: one of its four spaces, ";", "{", or
# the ")" that ends an ``if`` condition (ngx_conf_read_token, ``need_space``).
_AFTER_QUOTE = frozenset(" \t\r\n;{)")
# The unquoted tokens that end a directive.
_ENDS = frozenset((";", "{", "}"))
# The only characters nginx reads as space between words.
_SPACES = " \t\r\n"

# Said of an error nginx meets before the end of the file: it reads no further.
_STOPS_HERE = "; nginx stops reading the file here, so what follows is not checked"


def _first_quote_problem(tokens: list[Token], text: str, display: str) -> tuple[int, Problem] | None:
    """The first quoted token nginx refuses (it wants a space, ";" or "{" after a closing
    quote), by token index."""
    size = len(text)
    for index, (_, _, quoted, start, end, span_line, _, end_column) in enumerate(tokens):
        if quoted and end < size and text[start] in "\"'":
            follower = text[end]
            if follower not in _AFTER_QUOTE:
                if end_column:   # the string is on one line: it ends where its span does
                    line, column = span_line, end_column
                else:
                    line, column = span_line + text.count("\n", start, end), end - text.rfind("\n", start, end)
                # `"""` opens no string in nginx: an empty one, then a quote right after it.
                fix = ('nginx has no triple-quoted strings (a Python docstring?): comment each of its '
                       'lines with "#"') if text.startswith(('"""', "'''"), start) else \
                    "put a space after the closing quote"
                return index, _problem(f'unexpected "{follower}" after a quoted string: {fix}' + _STOPS_HERE,
                                       display, line, column)
    return None


def _stray_problem(value: str, text: str, display: str, line: int, column: int, start: int) -> Problem:
    message = f'unexpected "{value}": it follows no directive'
    if value == ";" and not text[text.rfind("\n", 0, start) + 1:start].strip():
        message += ' (nginx comments start with "#", not ";")'
    return _problem(message + _STOPS_HERE, display, line, column)


@dataclass(slots=True)
class _Parsed:
    """One file's statements, up to its first syntax error if it has one (nginx reads no
    further), and its problems: that error, and blocks nested too deep to keep."""

    statements: list[NginxStatement]
    problems: list[Problem]
    syntax_error: Problem | None


def _parse_text(text: str, display: str, base_depth: int, lexed: Lexed | None = None) -> _Parsed:
    """Statements of one file as nginx reads them, and its first syntax error, with nginx's
    wording and line.

    nginx refuses the configuration at the first syntax error and reads nothing after
    it, so neither does this: the statement the error is in and all that follows are
    left out (the blocks around it keep what came before), and later errors, which
    would come from guessing how the text goes on, are not reported. ``lexed``: the text's
    tokens, where another process lexed it already.
    """
    tokens, last_end, lua_error = lexed if lexed is not None else tokenize(text)
    last_line = text.count("\n") + 1   # nginx counts the line it is on at end of file
    problems: list[Problem] = []
    count = len(tokens)
    # Where the tokens stop being what nginx reads, and what it says there.
    cut: Problem | None = None
    quote = _first_quote_problem(tokens, text, display) if "'" in text or '"' in text else None
    if quote is not None:
        count, cut = quote
    elif lua_error:
        cut = _problem(f"{lua_error[1]} in a Lua block" + _STOPS_HERE, display, lua_error[0])

    intern = sys.intern
    top: list[NginxStatement] = []
    stack: list[list[NginxStatement] | None] = [top]   # None: a block too deep to keep
    owners = [""]                                      # the directive that opened each block
    too_deep_reported = False
    error: Problem | None = None
    index = 0
    while index < count and error is None:
        value, line, quoted, start, _, span_line, column, end_column = tokens[index]
        index += 1
        if not quoted:
            if value == "}":
                if len(stack) == 1:
                    error = _problem('unexpected "}": this brace closes no block; remove it or open the block'
                                     + _STOPS_HERE, display, line, column)
                else:
                    stack.pop()
                    owners.pop()
                continue
            if value[:1] == "#":
                if stack[-1] is not None:
                    stack[-1].append(NginxStatement("#", [], Span(display, span_line, column, end_column),
                                                    end_line=line, comment=value[1:]))
                continue
            if value == "{" or value == ";":
                error = _stray_problem(value, text, display, line, column, start)
                continue

        at = Span(display, span_line, column, end_column)
        args: list[str] = []
        arg_places: list[tuple[int, int, int]] = []
        stmt = NginxStatement(intern(value), args, at, arg_places)   # a few names, many statements
        trailing_comments: list[NginxStatement] | None = None
        terminator = ""
        terminator_line = 0
        while index < count:
            value, line, quoted, _, _, span_line, column, end_column = tokens[index]
            index += 1
            if not quoted:
                if value in _ENDS:
                    terminator, terminator_line = value, line
                    index -= 1
                    break
                if value[0] == "#":   # an unquoted token is never empty
                    comment = NginxStatement("#", [], Span(display, span_line, column, end_column), end_line=line,
                                             comment=value[1:])
                    if trailing_comments is None:
                        trailing_comments = [comment]
                    else:
                        trailing_comments.append(comment)
                    continue
            args.append(intern(value))   # a fleet repeats most values
            arg_places.append((span_line, column, end_column))
        if not terminator:
            error = cut or _problem(
                f'unexpected end of file, expecting ";" or "}}": "{stmt.directive}" is not finished',
                display, last_line)
            break
        if terminator == "}":
            error = _problem(f'unexpected "}}": directive "{stmt.directive}" is not terminated by ";"'
                             + _STOPS_HERE, display, terminator_line)
            break
        if terminator == "{" and owners[-1] in _VALUE_BLOCKS:
            error = _problem(f'unexpected "{{": a "{owners[-1]}" block holds values, not blocks; '
                             f'close the "{owners[-1]}" block first' + _STOPS_HERE, display, terminator_line)
            break
        index += 1
        stmt.end_line = terminator_line
        if stmt.directive == "if":
            _strip_if_parentheses(stmt)
        parent = stack[-1]
        if parent is not None:
            parent.append(stmt)
            if trailing_comments:
                parent.extend(trailing_comments)
        if terminator == "{":
            stmt.block = []
            owners.append(stmt.directive)
            if parent is None or base_depth + len(stack) > MAX_DEPTH:
                if parent is not None and not too_deep_reported:
                    problems.append(Problem("unreadable", f"blocks nested more than {MAX_DEPTH} deep; "
                                            "what is inside is not checked", at))
                    too_deep_reported = True
                stack.append(None)
            else:
                stack.append(stmt.block)

    if error is None:
        error = cut or _end_of_file_problem(text, last_end, last_line, display, stack)
    if error is not None:
        problems.append(error)
    return _Parsed(top, problems, error)


def _end_of_file_problem(text: str, last_end: int, last_line: int, display: str,
                         stack: list[list[NginxStatement] | None]) -> Problem | None:
    """What nginx says at the end of a file read without error so far; a comment the
    end of the file cuts (the lexer drops it) is added to the innermost block."""
    rest = text[last_end:].lstrip(_SPACES)
    if rest.startswith("#"):
        if stack[-1] is not None:
            start = len(text) - len(rest)
            end = len(text.rstrip(_SPACES))
            line, column = _position(text, start)
            single = "\n" not in text[start:max(end - 1, start)]
            stack[-1].append(NginxStatement("#", [], Span(display, line, column, end - start + column if single else 0),
                                            end_line=last_line, comment=rest.rstrip(_SPACES)[1:]))
    elif rest:
        return _problem('unexpected end of file, expecting ";" or "}": the last directive is not finished',
                        display, last_line)
    if len(stack) > 1:
        return _problem('unexpected end of file, expecting "}": a block is not closed', display, last_line)
    return None


# --------------------------------------------------------------------------- directive checks

_HINTS = {
    "has no opening": "it takes a block: add { ... }",
    "is not terminated": 'end it with ";"',
    "invalid number of arguments": "check its arguments (a missing \";\" joins two lines into one directive)",
}


class _Refused(Exception):
    """crossplane's ``NgxParserDirectiveError``: nginx's words for a refused directive."""

    def __init__(self, strerror: str) -> None:
        super().__init__(strerror)
        self.strerror = strerror


class _ContextRefused(_Refused):
    pass


class _ArgumentsRefused(_Refused):
    pass


def refused_in_main(directive: str) -> bool:
    """Whether nginx refuses ``directive`` at the top of its main configuration (``server``,
    ``upstream``, ``map``: http's); False for a name the table lacks."""
    masks = DIRECTIVES.get(directive)
    return masks is not None and not any(mask & CONTEXTS[()] for mask in masks)


# nginx's flags for a block and for on/off, any, one or more, two or more arguments
# (ngx_conf_file.h); NGX_CONF_NOARGS and TAKE1..TAKE7 are the bits 0 to 7.
_BLOCK, _FLAG, _ANY, _1MORE, _2MORE = 0x100, 0x200, 0x400, 0x800, 0x1000


def manual_notation(statements: list[NginxStatement]) -> NginxStatement | None:
    """The first directive written in the nginx manual's notation for a choice of values
    (`real_ip_header X-Real-IP | X-Forwarded-For;`, `client_body_buffer_size 8k|16k;`), which
    nginx reads as words of the value and refuses or misreads: a `|` alone, or sizes or on/off
    joined by `|` as the one value of a directive that takes one word (a regex `0|1` of an
    `if` or a `map` key is left alone)."""
    pending = [iter(statements)]
    while pending:
        stmt = next(pending[-1], None)
        if stmt is None:
            pending.pop()
            continue
        if stmt.block is not None:
            pending.append(iter(stmt.block))
        if "|" in stmt.args or (len(stmt.args) == 1 and "|" in stmt.args[0] and _takes_one_word(stmt.directive)
                                and all(_size_or_flag(word) for word in stmt.args[0].split("|"))):
            return stmt
    return None


def _takes_one_word(directive: str) -> bool:
    masks = DIRECTIVES.get(directive)
    # The low 16 bits say how many arguments it takes: TAKE1 (0x02) or FLAG alone.
    return masks is not None and all(mask & 0xFFFF and not mask & 0xFFFF & ~(0x02 | _FLAG) for mask in masks)


def _size_or_flag(word: str) -> bool:
    return word.lower() in ("on", "off") or (word[:-1] if word[-1:].lower() in "kmg" else word).isdigit()


def _analyze(directive: str, args: list[str], term: str, ctx: Context, check_ctx: bool = True) -> None:
    """crossplane 0.5.8's ``analyzer.analyze`` (not strict, arguments checked) over its table
    written out in ``_nginx_directive_table``, so that crossplane is not imported to read a
    tree; each step and message as crossplane's, the flag message formatted twice as there
    (a ``%`` in the value raises ValueError or TypeError). tests/test_nginx_tables.py
    compares the two on every directive, context, terminator and argument count."""
    context = CONTEXTS.get(ctx)
    masks = DIRECTIVES.get(directive)
    if context is None or masks is None:
        return
    if check_ctx:
        masks = tuple(mask for mask in masks if mask & context)
        if not masks:
            raise _ContextRefused(f'"{directive}" directive is not allowed here')
    n_args = len(args)
    for mask in reversed(masks):
        if mask & _BLOCK and term != "{":
            reason = 'directive "%s" has no opening "{"'
            continue
        if not mask & _BLOCK and term != ";":
            reason = 'directive "%s" is not terminated by ";"'
            continue
        flag = n_args == 1 and mask & _FLAG
        if ((mask >> n_args & 1 and n_args <= 7) or (flag and args[0].lower() in ("on", "off"))
                or mask & _ANY or (mask & _1MORE and n_args >= 1) or (mask & _2MORE and n_args >= 2)):
            return
        if flag:
            reason = 'invalid value "%s" in "%%s" directive, it must be "on" or "off"' % args[0]   # noqa: UP031
        else:
            reason = 'invalid number of arguments in "%s" directive'
    raise _ArgumentsRefused(reason % directive)


def _enter_block_ctx(directive: str, ctx: Context) -> Context:
    """crossplane's ``enter_block_ctx``: a location nests in http > location whatever holds it."""
    if ctx and ctx[0] == "http" and directive == "location":
        return ("http", "location")
    return (*ctx, directive)


# What crossplane's analyze() accepts depends only on these (its tables do not change):
# the directive, how many arguments, the terminator, the context, and for a lone argument
# whether it is on/off. Most statements of a fleet repeat a few of them.
_AcceptedKey = tuple[str, int, str, Context, bool]
_ACCEPTED: set[_AcceptedKey] = set()
_ACCEPTED_LIMIT = 50_000


# njs directives whose context njs 0.7.7 widened from http to http, server and location
# (nginx.org's njs reference), beyond crossplane 0.5.8's table.
_NJS_WIDENED = frozenset({"js_set", "js_path", "js_include", "js_preload_object"})


def _check_statement(stmt: NginxStatement, ctx: Context) -> tuple[Problem | None, bool]:
    """(argument problem, context refused) for one directive in ``ctx``."""
    term = "{" if stmt.block is not None else ";"
    args = stmt.args
    if stmt.directive in _KEYWORD_NAMES and term == ";":
        refused = _keyword_problem(stmt, ctx)
        if refused is not None:
            return refused, False
    key = (stmt.directive, len(args), term, ctx, len(args) == 1 and args[0].lower() in ("on", "off"))
    if key in _ACCEPTED:
        return None, False
    try:
        _analyze(stmt.directive, args, term, ctx)
        if len(_ACCEPTED) < _ACCEPTED_LIMIT:
            _ACCEPTED.add(key)
        return None, False
    except _ContextRefused:
        # crossplane wrongly refuses include in if/limit_except, and njs directives its table
        # knows only in http, which njs 0.7.7 allows in server and location too.
        context_refused = stmt.directive != "include" and stmt.directive not in _NJS_WIDENED
    except _ArgumentsRefused as error:
        return _argument_problem(error, stmt), False
    except (ValueError, TypeError):
        return _flag_problem(stmt), False
    try:
        _analyze(stmt.directive, args, term, ctx, check_ctx=False)
    except _ArgumentsRefused as error:
        return _argument_problem(error, stmt), context_refused
    except (ValueError, TypeError):
        return _flag_problem(stmt), context_refused
    return None, context_refused


# The scheme each *_pass strips before it parses the address (ngx_http_*_pass).
_PASS_SCHEMES = {"proxy_pass": ("http://", "https://"), "uwsgi_pass": ("uwsgi://", "suwsgi://"),
                 "grpc_pass": ("grpc://", "grpcs://"), "fastcgi_pass": (), "scgi_pass": ()}


# Directives whose address nginx parses when it reads the line (the *_pass and listen).
_ADDRESS_DIRECTIVES = frozenset(_PASS_SCHEMES) | {"listen"}


def pass_target_without_host(value: str) -> str | None:
    """The address part of a ``*_pass`` or upstream ``server`` value that names no host
    (``http://`` gives ``""``, ``:8000`` gives ``":8000"``), which nginx refuses with
    'no host in upstream'; None when a host (or a unix socket) is named."""
    rest = value.split("://", 1)[1] if "://" in value and not value.startswith("unix:") else value
    if rest.startswith(("unix:", "[")):
        return None
    return rest if rest.split("/", 1)[0].split(":", 1)[0] == "" else None


def _pass_value_problem(stmt: NginxStatement) -> Problem | None:
    """nginx parses a *_pass address when it reads the line: a scheme it strips followed
    by no host, or no host at all, stops it there (measured with nginx 1.22)."""
    schemes = _PASS_SCHEMES.get(stmt.directive)
    if schemes is None or len(stmt.args) != 1 or "$" in stmt.args[0]:
        return None
    value = stmt.args[0]
    if "://" in value and not value.lower().startswith(schemes):
        return None   # another prefix: nginx refuses it with other words
    if "://" not in value and stmt.directive == "proxy_pass":
        return None   # nginx asks proxy_pass for a scheme first ("invalid URL prefix")
    missing = pass_target_without_host(value)
    if missing is None:
        return None
    return Problem("syntax", f'no host in upstream "{missing}": name the host the requests go to '
                   "(127.0.0.1:8000, an upstream block)", stmt.value_at)


def _port_error(text: str) -> str | None:
    """What ngx_parse_url says of the port after a ``:`` in a ``listen`` (a number 1-65535,
    or a range ``low-high``); None when nginx takes it."""
    low, dash, high = text.partition("-")
    last = ngx_atoi(high) if dash else None
    if dash and (last is None or not 1 <= last <= 65535):
        return "invalid port"
    first = ngx_atoi(low)
    if first is None or not 1 <= first <= 65535:
        return "invalid port"
    return "invalid port range" if last is not None and first > last else None


# Asked of each listen by the reader, the model and every reading of a server's listens.
@functools.lru_cache(maxsize=4096)
def listen_address_error(value: str) -> str | None:
    """What nginx 1.22's ngx_parse_url (src/core/ngx_inet.c, ``u->listen`` set) says of a
    ``listen`` address it refuses whatever the host: ``:80`` has no host, ``127.0.0.1:``
    and ``70000`` no valid port. None when it is taken, or depends on this machine (a name
    to resolve, an IPv6 address nginx parses its own way) or on a template (``$``)."""
    if "$" in value:
        return None
    if value[:5].lower() == "unix:":
        path = value[5:]
        if not path:
            return "no path in the unix domain socket"
        return "too long path in the unix domain socket" if len(path.encode()) >= 108 else None
    if value.startswith("["):
        close = value.find("]")
        rest = value[close + 1:]
        if close < 0 or "/" in rest or (rest and rest[0] != ":"):
            return "invalid host"
        error = _port_error(rest[1:]) if rest else None
        return error or ("no host" if close == 1 else None)
    if "/" in value or "?" in value:
        return "invalid host"
    host, colon, port = value.partition(":")
    if colon:
        return _port_error(port) or ("no host" if not host else None)
    # No colon: nginx tries the value as a port (or port range) first, and as a host if
    # that is not a number (ngx_inet.c, "test value as port only").
    low, dash, high = value.partition("-")
    if (ngx_atoi(high) is not None or not dash) and ngx_atoi(low) is not None:
        return _port_error(value)
    return None


def _listen_problem(stmt: NginxStatement, ctx: Context, guessed_context: bool) -> Problem | None:
    """nginx parses a ``listen`` address and its parameters when it reads the line and
    stops there on one it refuses (measured with nginx 1.22). The parameters are the http
    module's; a ``listen`` of the stream or mail module is left to nginx."""
    if stmt.directive != "listen" or not stmt.args:
        return None
    error = listen_address_error(stmt.args[0])
    if error is not None:
        return Problem("syntax", f'{error} in "{stmt.args[0]}" of the "listen" directive: write a port (8000), '
                       "an address and port (127.0.0.1:8000, [::1]:8000) or unix:/path", stmt.value_at)
    if ctx[:1] != ("http",) or len(stmt.arg_places) != len(stmt.args):
        return None
    refused = listen_parameter_error(stmt.args[1:], guessed_context)
    if refused is None:
        return None
    index, message, hint = refused
    spans = stmt.arg_spans
    at = spans[index + 1]
    if at.line > spans[0].line and message.startswith("invalid parameter"):
        hint = f'a ";" is missing at the end of the "listen" on line {spans[0].line}, so nginx reads ' \
               "the next line's words as its parameters"
    return Problem("syntax", f"{message}: {hint}", at)


# Directives whose value is one word of a fixed list in some context (KEYWORDS' names).
_KEYWORD_NAMES = frozenset(name for table in KEYWORDS.values() for name in table)


def _keyword_problem(stmt: NginxStatement, ctx: Context) -> Problem | None:
    """nginx's `invalid value "WORD"` for a word its list for the directive lacks (compared
    without case, as ngx_conf_set_enum_slot and ngx_conf_set_bitmask_slot do; nginx stops at
    start). A placeholder a template fills in (`${VALUE}`, `@VALUE@`) is left to the template."""
    accepted = KEYWORDS.get(ctx[0] if ctx else "main", {}).get(stmt.directive)
    if accepted is None:
        return None
    words = {word.lower() for word in accepted}
    for index, word in enumerate(stmt.args):
        if word.lower() in words or "${" in word or (len(word) > 2 and word[0] == word[-1] == "@"):
            continue
        at = stmt.arg_spans[index] if index < len(stmt.arg_spans) else stmt.value_at
        return Problem("syntax", f'invalid value "{word}" in "{stmt.directive}" directive: nginx stops at start; '
                       f"it accepts {', '.join(accepted)}", at)
    return None


def _flag_problem(stmt: NginxStatement) -> Problem:
    """crossplane formats its on/off message twice, so a ``%`` in the value raises instead
    of reporting; nginx's own words for it."""
    value = stmt.args[0] if stmt.args else ""
    return Problem("syntax", f'invalid value "{value}" in "{stmt.directive}" directive, it must be "on" or "off"',
                   stmt.value_at)


def _argument_problem(error: _Refused, stmt: NginxStatement) -> Problem:
    message = error.strerror
    if "invalid number of arguments" in message and template_blank(stmt):
        # The note naming the blank goes with every finding in the file (NginxTree.templates).
        return Problem("syntax", message, stmt.at, severity="info")
    if "invalid number of arguments" in message and not stmt.args:
        # Nothing was joined: the value is missing (`server_name ;`, a blanked value).
        return Problem("syntax", f"{message}: it is written without a value; give it one or remove the line",
                       stmt.at)
    hint = next((h for key, h in _HINTS.items() if key in message), "")
    return Problem("syntax", f"{message}: {hint}" if hint else message, stmt.at)


def template_blank(stmt: NginxStatement) -> str:
    """A template's blank among the arguments (``ssl_certificate <path to fullchain.pem>;``,
    words in angle brackets that nginx splits), "" where there is none."""
    if not any(arg.startswith("<") for arg in stmt.args):
        return ""
    found = _blank().search(" ".join(stmt.args))
    return found.group() if found else ""


@functools.cache
def _blank() -> re.Pattern[str]:
    return re.compile(r"<[^<>;{}\s][^<>;{}]* [^<>;{}]*>")


# How many more refused directives of one file and context a problem names as related places.
_MAX_RELATED_REFUSALS = 20


def _with_refused_too(problem: Problem, others: list[NginxStatement]) -> Problem:
    """The first refused directive of a file in a context, naming the others refused there:
    one cause (the file read in a context that does not hold it, a block closed too early),
    reported once; nginx stops at the first anyway."""
    lines = ", ".join(str(stmt.at.line) for stmt in others[:5]) + (", ..." if len(others) > 5 else "")
    return Problem(problem.kind, f"{problem.message}; {len(others)} more directive{'s' if len(others) > 1 else ''} "
                   f"of this file {'are' if len(others) > 1 else 'is'} refused here too (line"
                   f"{'s' if len(others) > 1 else ''} {lines})", problem.at, problem.severity,
                   (*problem.related, *((stmt.at, f'"{stmt.directive}" is not allowed here either') for stmt in others)))


def _context_problem(stmt: NginxStatement, ctx: Context, included_by: NginxStatement | None = None) -> Problem:
    """A directive nginx refuses where it stands; where its file is read by an include, that
    include is named: a file of locations pulled in at `http` level is fixed there."""
    where = " > ".join(ctx) if ctx else "the main context"
    message = (f'"{stmt.directive}" directive is not allowed here ({where}): nginx refuses the configuration '
               "([emerg]) and does not start or reload; move it to a block that accepts it")
    if included_by is None or included_by.at.path == stmt.at.path:
        return Problem("syntax", message, stmt.at)
    written = " ".join(included_by.args)
    return Problem("syntax", f"{message}, or include its file where it belongs: `include {written}` "
                   f"({included_by.at.path}:{included_by.at.line}) reads it in {where}", stmt.at,
                   related=((included_by.at, f"`include {written}` reads the file here"),))


def _count_context_refusals(statements: list[NginxStatement], ctx: Context) -> int:
    refused = 0
    pending = [(statements, ctx)]
    while pending:
        block, block_ctx = pending.pop()
        for stmt in block:
            if stmt.is_comment:
                continue
            if _check_statement(stmt, block_ctx)[1]:
                refused += 1
            elif stmt.block is not None:
                pending.append((stmt.block, _enter_block_ctx(stmt.directive, block_ctx)))
    return refused


def _site_file(statements: list[NginxStatement]) -> bool:
    """A fragment whose top level is what an http block holds, with a server block that
    has locations: a site file (conf.d/, sites-enabled/), whichever file includes it. Its
    server blocks are in http > server for certain (a stream server has no location), so a
    directive refused inside them stops nginx wherever the file is included."""
    top = [stmt for stmt in statements if not stmt.is_comment]
    return any(stmt.directive == "server" and stmt.block is not None
               and any(inner.directive == "location" for inner in stmt.block) for stmt in top) \
        and not any(_check_statement(stmt, ("http",))[1] for stmt in top)


# --------------------------------------------------------------------------- reading with includes

class _Reader:
    def __init__(self, ctx: ReadContext, includes: IncludeResolver, standalone: bool) -> None:
        self.ctx = ctx
        self.includes = includes
        self.standalone = standalone
        self.tree = NginxTree(standalone=standalone)
        self.loaded: dict[tuple[object, Context | None], int] = {}   # (path or stock name, context)
        self.open_files: list[str] = []    # the include chain being read, for cycles
        self.seen_problems: set[Problem] = set()
        self.absolute_paths: dict[str, str] = {}
        self.read_for_certain: set[str] = set()   # displays of files some include surely opens
        # The first directive of each file refused in each context, and the others refused there.
        self.refused: dict[tuple[str, Context], tuple[Problem, list[NginxStatement]]] = {}

    def absolute(self, path: str) -> str:
        found = self.absolute_paths.get(path)
        if found is None:
            found = self.absolute_paths[path] = os.path.abspath(path)
        return found

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem not in self.seen_problems:
                self.seen_problems.add(problem)
                self.tree.problems.append(problem)

    def resolve(self, stmt: NginxStatement) -> list[Included]:
        """Every file an include pulls in; reports what is missing."""
        if not stmt.args:
            return []
        found, problems = self.includes.resolve(stmt.args[0], stmt.value_at)
        self.add(problems)
        return found

    # Loading ------------------------------------------------------------------
    #
    # One explicit stack instead of recursion, so a chain of includes or blocks as
    # deep as nginx reads costs no Python frames. A frame walks either the statements
    # of a block or the files of one include; files are registered in ``files`` in the
    # order nginx opens them.

    def read(self, path: str, ctx: Context | None, report_context: bool) -> None:
        stack: list[_Frame] = []
        self.load(path, ctx, stock=False, depth=0, report_context=report_context, stack=stack, assumed="")
        while stack:
            frame = stack[-1]
            item = next(frame.items, None)
            if item is None:
                stack.pop()
                if frame.opened:
                    self.open_files.pop()
            elif frame.include is not None:
                self.open_included(frame, item, stack)
            else:
                self.check(item, frame, stack)
        # A file one include surely opens is read, whatever another include only suggests.
        self.tree.assumed = {display: note for display, note in self.tree.assumed.items()
                             if display not in self.read_for_certain}
        joined = {id(first): _with_refused_too(first, others) for first, others in self.refused.values() if others}
        if joined:
            self.tree.problems = [joined.get(id(problem), problem) for problem in self.tree.problems]

    def load(self, path: str, ctx: Context | None, stock: bool, depth: int, report_context: bool,
             stack: list[_Frame], assumed: str, included_by: NginxStatement | None = None) -> int:
        """Register and parse one file; its statements are checked next, on ``stack``.
        ``assumed``: why it is only a guess that nginx reads the file (empty: it does);
        ``included_by``: the include that opens it here."""
        if stock:
            key: tuple[object, Context | None] = (("stock", path), ctx)
        else:
            display = self.ctx.display(path)
            if assumed:
                self.tree.assumed.setdefault(display, assumed)
            else:
                self.read_for_certain.add(display)
            local = self.absolute(path)
            key = (local, ctx)
        found = self.loaded.get(key)
        if found is not None:
            return found
        if stock:
            key_path = f"{STOCK_PREFIX}{path}"
            display = STOCK_PREFIX + next(name for name, data in STOCK_FILES.items() if data == path)
            text: str | None = packaged_text(__file__, "stock", path)
            local = packaged(__file__, "stock", path)
        else:
            key_path = local
            read = self.ctx.read(path)
            self.add(read.problems)
            text = read.text
        nginx_file = NginxFile(local, display, ctx or (), stock=stock)   # () until a fragment's is picked
        index = len(self.tree.files)
        self.tree.files.append(nginx_file)
        self.loaded[key] = index
        if text is None:
            return index
        lexed = self.ctx.nginx_tokens.take(text) if self.ctx.nginx_tokens is not None else None
        parsed = _parse_text(text, display, depth, lexed)
        statements = nginx_file.statements = parsed.statements
        nginx_file.syntax_error = parsed.syntax_error
        self.add(parsed.problems)
        sites = False
        if ctx is None:   # fragment: pick the context first
            sites = _site_file(statements)
            ctx = ("http",) if sites else self.pick_context(statements)
            nginx_file.context = ctx
            self.loaded[key[0], ctx] = index
        self.open_files.append(key_path)
        stack.append(_Frame(iter(statements), ctx, display, depth, report_context, assumed, opened=True,
                            sure_servers=sites, included_by=included_by))
        return index

    def unreached_syntax_error(self, display: str, stmt: NginxStatement) -> None:
        """nginx handles a directive when it reads its `{`, and stops at one that takes no
        block (`server_name { NAME };`): the file's syntax error, which the parse met after
        that statement (inside its block: `}` after NAME), is never read, and is no finding."""
        error = next((f.syntax_error for f in self.tree.files if f.display == display), None)
        if error is not None and error in self.tree.problems and error.at.line >= stmt.at.line:
            self.tree.problems.remove(error)

    def pick_context(self, statements: list[NginxStatement]) -> Context:
        best, best_refused = FRAGMENT_CONTEXTS[0], None
        for candidate in FRAGMENT_CONTEXTS:
            refused = _count_context_refusals(statements, candidate)
            if refused == 0:
                return candidate
            if best_refused is None or refused < best_refused:
                best, best_refused = candidate, refused
        return best

    def check(self, stmt: NginxStatement, frame: _Frame, stack: list[_Frame]) -> None:
        """Check one directive; a block or an include is walked next."""
        if stmt.directive == "#":
            return
        problem, refused = _check_statement(stmt, frame.ctx)
        if problem is None and stmt.directive in _ADDRESS_DIRECTIVES:
            problem = _pass_value_problem(stmt) or _listen_problem(stmt, frame.ctx, not frame.report_context)
        if problem:
            self.add([problem])
            if stmt.block is not None and not any(mask & _BLOCK for mask in DIRECTIVES.get(stmt.directive, ())):
                self.unreached_syntax_error(frame.display, stmt)
            blank = template_blank(stmt) if frame.display not in self.tree.templates else ""
            if blank:
                self.tree.templates[frame.display] = (
                    f"{frame.display} is a template: `{blank}` (line {stmt.at.line}) is a blank to fill in before "
                    "use, so this is said of the file as written")
        if refused and frame.report_context:
            first = self.refused.get((frame.display, frame.ctx))
            if first is None:
                opened = next((each for each in reversed(stack) if each.opened), None)
                problem = _context_problem(stmt, frame.ctx, opened.included_by if opened is not None else None)
                self.refused[frame.display, frame.ctx] = (problem, [])
                self.add([problem])
            elif len(first[1]) < _MAX_RELATED_REFUSALS:
                first[1].append(stmt)
        if stmt.directive == "include" and stmt.block is None:
            if frame.depth >= MAX_DEPTH:
                self.add([Problem("unreadable", f"includes and blocks nested more than {MAX_DEPTH} deep; "
                                  "this include is not followed", stmt.at)])
                return
            # What a site file's server block is sure of holds in that file, not in what it includes
            # (a repository's include may be matched by name only).
            stack.append(_Frame(iter(self.resolve(stmt)), frame.ctx, frame.display, frame.depth,
                                frame.report_context and not frame.in_site, frame.assumed, include=stmt))
        elif stmt.block is not None:
            inner = _enter_block_ctx(stmt.directive, frame.ctx)
            in_site = frame.in_site or not frame.report_context and frame.sure_servers and stmt.directive == "server"
            stack.append(_Frame(iter(stmt.block), inner, frame.display, frame.depth + 1,
                                frame.report_context or in_site, frame.assumed, in_site=in_site))

    def open_included(self, frame: _Frame, included: Included, stack: list[_Frame]) -> None:
        include = frame.include
        assert include is not None   # only the frames of an include hold files
        path, stock = included.path, included.stock
        key_path = f"{STOCK_PREFIX}{path}" if stock else self.absolute(path)
        if key_path in self.open_files:
            self.add([Problem("include-cycle", f'include "{include.args[0]}" pulls in a file that is already '
                              "being included (a cycle): nginx would never finish reading; remove it",
                              include.value_at)])
            return
        if include.includes is None:
            include.includes = []
        # What a guessed file includes is read only if the guess is right.
        include.includes.append(self.load(path, frame.ctx, stock, frame.depth + 1, frame.report_context, stack,
                                          frame.assumed or included.assumed, include))


@dataclass(eq=False, slots=True)
class _Frame:
    """A block's statements (``include`` None) or the files one include pulls in, being walked."""

    items: Iterator[Any]      # statements, or the files (Included) of an include
    ctx: Context
    display: str
    depth: int
    report_context: bool
    assumed: str              # why it is only a guess that nginx reads this (empty: it does)
    include: NginxStatement | None = None
    opened: bool = False     # the frame of a whole file: leaving it closes the file
    # A site file's top level (see _site_file): what is inside its server blocks is in http > server.
    sure_servers: bool = False
    in_site: bool = False     # inside such a server block: its context is sure in this file only
    included_by: NginxStatement | None = None   # a whole file's frame: the include that opened it


def read_nginx_main(local_path: str, ctx: ReadContext) -> NginxTree:
    """An nginx.conf and everything it includes; relative includes join its directory
    (where it is read, or where a container's build or mounts put it)."""
    reader = _Reader(ctx, IncludeResolver(ctx, prefix_of(local_path, ctx, main=True), standalone=False),
                     standalone=False)
    reader.read(local_path, (), report_context=True)
    return reader.tree


def read_nginx_fragment(local_path: str, ctx: ReadContext) -> NginxTree:
    """A file no checked nginx.conf includes, read in the context that suits it (see
    the module doc). One that suits only the main context is an nginx.conf, and is
    read as one."""
    reader = _Reader(ctx, IncludeResolver(ctx, prefix_of(local_path, ctx, main=False), standalone=True),
                     standalone=True)
    reader.read(local_path, None, report_context=False)
    if reader.tree.context == ():
        return read_nginx_main(local_path, ctx)
    return reader.tree


def parse_nginx_text(text: str, display: str = "<text>") -> tuple[list[NginxStatement], list[Problem]]:
    """Statements and syntax errors of one text, no includes and no directive checks."""
    parsed = _parse_text(text, display, 0)
    return parsed.statements, parsed.problems

