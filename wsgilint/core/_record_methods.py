"""Written by tools/gen_records.py from the classes declared through wsgilint.core.record;
do not edit (run ``python tools/gen_records.py`` after changing a declaration).

For each class, by module and name: its shape (what the methods below depend on), the text
dataclass gives it as ``__doc__`` when it has none, a function that makes its ``__init__``,
``__repr__``, ``__eq__`` and ``__hash__`` (those its options ask for, by name) from its
defaults and factories, the fields that have one, its ``__match_args__`` and its fields'
names."""
# Over 400 lines on purpose: it is generated, one short block per class.
# ruff: noqa
# mypy: ignore-errors
# Without ``from __future__ import annotations``: the annotations are written as the strings
# dataclass gives ``__init__`` (with ``"return": None``), so none is set on load.
from collections.abc import Callable
from reprlib import recursive_repr
from typing import Any

_set = object.__setattr__


class _Factory:
    def __repr__(self):
        return "<factory>"


_FACTORY = _Factory()    # the default of a field made by a factory


def _m0(_f0, _f1, _f2):
    def __init__(self, findings: 'list[Finding]', files: 'list[SourceFile]', deployment: 'Deployment', rules: 'list[Rule]', suppressed: 'list[Suppressed]' = _FACTORY, texts: 'dict[str, str]' = _FACTORY, read_through: 'list[SourceFile]' = _FACTORY) -> None:
        self.findings = findings
        self.files = files
        self.deployment = deployment
        self.rules = rules
        self.suppressed = _f0() if suppressed is _FACTORY else suppressed
        self.texts = _f1() if texts is _FACTORY else texts
        self.read_through = _f2() if read_through is _FACTORY else read_through

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(findings={self.findings!r}, files={self.files!r}, deployment={self.deployment!r}, rules={self.rules!r}, suppressed={self.suppressed!r}, texts={self.texts!r}, read_through={self.read_through!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.findings,self.files,self.deployment,self.rules,self.suppressed,self.texts,self.read_through,) == (other.findings,other.files,other.deployment,other.rules,other.suppressed,other.texts,other.read_through,)
        return NotImplemented

    __init__.__qualname__ = 'CheckResult.__init__'
    __repr__.__qualname__ = 'CheckResult.__repr__'
    __eq__.__qualname__ = 'CheckResult.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m1(_d0, _f1):
    def __init__(self, fingerprints: 'Counter[str]', legacy: 'bool' = _d0, lines: 'dict[str, str]' = _FACTORY) -> None:
        _set(self, 'fingerprints', fingerprints)
        _set(self, 'legacy', legacy)
        _set(self, 'lines', _f1() if lines is _FACTORY else lines)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(fingerprints={self.fingerprints!r}, legacy={self.legacy!r}, lines={self.lines!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.fingerprints,self.legacy,self.lines,) == (other.fingerprints,other.legacy,other.lines,)
        return NotImplemented

    def __hash__(self):
        return hash((self.fingerprints,self.legacy,self.lines,))

    __init__.__qualname__ = 'Baseline.__init__'
    __repr__.__qualname__ = 'Baseline.__repr__'
    __eq__.__qualname__ = 'Baseline.__eq__'
    __hash__.__qualname__ = 'Baseline.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m2(_d0, _d1, _d2, _d3, _f4, _d5, _d6, _d7, _d8):
    def __init__(self, select: 'tuple[str, ...]' = _d0, ignore: 'tuple[str, ...]' = _d1, per_file_ignores: 'tuple[tuple[str, tuple[str, ...]], ...]' = _d2, fail_on: 'str | None' = _d3, versions: 'dict[str, str]' = _FACTORY, baseline: 'Path | None' = _d5, require_reason: 'bool' = _d6, max_file_size: 'int' = _d7, path: 'Path | None' = _d8) -> None:
        self.select = select
        self.ignore = ignore
        self.per_file_ignores = per_file_ignores
        self.fail_on = fail_on
        self.versions = _f4() if versions is _FACTORY else versions
        self.baseline = baseline
        self.require_reason = require_reason
        self.max_file_size = max_file_size
        self.path = path

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(select={self.select!r}, ignore={self.ignore!r}, per_file_ignores={self.per_file_ignores!r}, fail_on={self.fail_on!r}, versions={self.versions!r}, baseline={self.baseline!r}, require_reason={self.require_reason!r}, max_file_size={self.max_file_size!r}, path={self.path!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.select,self.ignore,self.per_file_ignores,self.fail_on,self.versions,self.baseline,self.require_reason,self.max_file_size,self.path,) == (other.select,other.ignore,other.per_file_ignores,other.fail_on,other.versions,other.baseline,other.require_reason,other.max_file_size,other.path,)
        return NotImplemented

    __init__.__qualname__ = 'Settings.__init__'
    __repr__.__qualname__ = 'Settings.__repr__'
    __eq__.__qualname__ = 'Settings.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m3(_d0, _d1, _f2):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, program: 'str', arguments: 'list[str]', plugins: 'tuple[str, ...]' = _d0, launchers: 'tuple[Launcher, ...]' = _d1, server_argv: 'list[str]' = _FACTORY) -> None:
        _s0(self, program)
        _s1(self, arguments)
        _s2(self, plugins)
        _s3(self, launchers)
        _s4(self, _f2() if server_argv is _FACTORY else server_argv)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(program={self.program!r}, arguments={self.arguments!r}, plugins={self.plugins!r}, launchers={self.launchers!r}, server_argv={self.server_argv!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.program,self.arguments,self.plugins,self.launchers,self.server_argv,) == (other.program,other.arguments,other.plugins,other.launchers,other.server_argv,)
        return NotImplemented

    def __hash__(self):
        return hash((self.program,self.arguments,self.plugins,self.launchers,self.server_argv,))

    __init__.__qualname__ = 'Command.__init__'
    __repr__.__qualname__ = 'Command.__repr__'
    __eq__.__qualname__ = 'Command.__eq__'
    __hash__.__qualname__ = 'Command.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m4(_d0):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, program: 'str', host: 'str', port: 'int', reloads: 'bool' = _d0) -> None:
        _s0(self, program)
        _s1(self, host)
        _s2(self, port)
        _s3(self, reloads)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(program={self.program!r}, host={self.host!r}, port={self.port!r}, reloads={self.reloads!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.program,self.host,self.port,self.reloads,) == (other.program,other.host,other.port,other.reloads,)
        return NotImplemented

    def __hash__(self):
        return hash((self.program,self.host,self.port,self.reloads,))

    __init__.__qualname__ = 'DevServer.__init__'
    __repr__.__qualname__ = 'DevServer.__repr__'
    __eq__.__qualname__ = 'DevServer.__eq__'
    __hash__.__qualname__ = 'DevServer.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m5(_d0, _d1, _d2, _d3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _d11, _f12, _f13, _f14, _f15, _f16, _f17, _f18, _d19, _d20, _f21, _f22, _f23, _f24, _f25, _d26):
    def __init__(self, mode: 'str' = _d0, root: 'str' = _d1, whole_host: 'bool' = _d2, max_file_size: 'int' = _d3, cwd: 'str' = _FACTORY, known_files: 'list[str]' = _FACTORY, _texts: 'dict[str, Text]' = _FACTORY, _displays: 'dict[str, str]' = _FACTORY, _configs: 'dict[str, None]' = _FACTORY, _reals: 'dict[str, str]' = _FACTORY, _by_name: 'dict[str, list[str]]' = _FACTORY, roots: 'list[str] | None' = _d11, _references: 'dict[str, tuple[Span, str]]' = _FACTORY, overlay: 'dict[str, bytes]' = _FACTORY, container_paths: 'dict[str, dict[str, str]]' = _FACTORY, bind_mounts: 'dict[str, set[str]]' = _FACTORY, image_copies: 'dict[tuple[str, str], dict[str, str]]' = _FACTORY, unseen_below: 'dict[tuple[str, str], list[str]]' = _FACTORY, run_elsewhere: 'set[tuple[str, str]]' = _FACTORY, start: 'str' = _d19, filesystem: 'str | None' = _d20, shipped: 'dict[tuple[str, str], Shipped]' = _FACTORY, _first_claims: 'dict[str, str]' = _FACTORY, _real_dirs: 'dict[str, str]' = _FACTORY, _confined_dirs: 'dict[str, tuple[str, int] | None]' = _FACTORY, sniffed_trees: 'dict[str, ast.Module]' = _FACTORY, nginx_tokens: 'ForkedResults[Any] | None' = _d26) -> None:
        self.mode = mode
        self.root = root
        self.whole_host = whole_host
        self.max_file_size = max_file_size
        self.cwd = _f4() if cwd is _FACTORY else cwd
        self.known_files = _f5() if known_files is _FACTORY else known_files
        self._texts = _f6() if _texts is _FACTORY else _texts
        self._displays = _f7() if _displays is _FACTORY else _displays
        self._configs = _f8() if _configs is _FACTORY else _configs
        self._reals = _f9() if _reals is _FACTORY else _reals
        self._by_name = _f10() if _by_name is _FACTORY else _by_name
        self.roots = roots
        self._references = _f12() if _references is _FACTORY else _references
        self.overlay = _f13() if overlay is _FACTORY else overlay
        self.container_paths = _f14() if container_paths is _FACTORY else container_paths
        self.bind_mounts = _f15() if bind_mounts is _FACTORY else bind_mounts
        self.image_copies = _f16() if image_copies is _FACTORY else image_copies
        self.unseen_below = _f17() if unseen_below is _FACTORY else unseen_below
        self.run_elsewhere = _f18() if run_elsewhere is _FACTORY else run_elsewhere
        self.start = start
        self.filesystem = filesystem
        self.shipped = _f21() if shipped is _FACTORY else shipped
        self._first_claims = _f22() if _first_claims is _FACTORY else _first_claims
        self._real_dirs = _f23() if _real_dirs is _FACTORY else _real_dirs
        self._confined_dirs = _f24() if _confined_dirs is _FACTORY else _confined_dirs
        self.sniffed_trees = _f25() if sniffed_trees is _FACTORY else sniffed_trees
        self.nginx_tokens = nginx_tokens
        self.__post_init__()

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(mode={self.mode!r}, root={self.root!r}, whole_host={self.whole_host!r}, max_file_size={self.max_file_size!r}, cwd={self.cwd!r}, known_files={self.known_files!r}, _texts={self._texts!r}, _displays={self._displays!r}, _configs={self._configs!r}, _reals={self._reals!r}, _by_name={self._by_name!r}, roots={self.roots!r}, _references={self._references!r}, overlay={self.overlay!r}, container_paths={self.container_paths!r}, bind_mounts={self.bind_mounts!r}, image_copies={self.image_copies!r}, unseen_below={self.unseen_below!r}, run_elsewhere={self.run_elsewhere!r}, start={self.start!r}, filesystem={self.filesystem!r}, shipped={self.shipped!r}, _first_claims={self._first_claims!r}, _real_dirs={self._real_dirs!r}, _confined_dirs={self._confined_dirs!r}, sniffed_trees={self.sniffed_trees!r}, nginx_tokens={self.nginx_tokens!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.mode,self.root,self.whole_host,self.max_file_size,self.cwd,self.known_files,self._texts,self._displays,self._configs,self._reals,self._by_name,self.roots,self._references,self.overlay,self.container_paths,self.bind_mounts,self.image_copies,self.unseen_below,self.run_elsewhere,self.start,self.filesystem,self.shipped,self._first_claims,self._real_dirs,self._confined_dirs,self.sniffed_trees,self.nginx_tokens,) == (other.mode,other.root,other.whole_host,other.max_file_size,other.cwd,other.known_files,other._texts,other._displays,other._configs,other._reals,other._by_name,other.roots,other._references,other.overlay,other.container_paths,other.bind_mounts,other.image_copies,other.unseen_below,other.run_elsewhere,other.start,other.filesystem,other.shipped,other._first_claims,other._real_dirs,other._confined_dirs,other.sniffed_trees,other.nginx_tokens,)
        return NotImplemented

    __init__.__qualname__ = 'ReadContext.__init__'
    __repr__.__qualname__ = 'ReadContext.__repr__'
    __eq__.__qualname__ = 'ReadContext.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m6(_d0):
    def __init__(self, names: 'frozenset[str]', image: 'str', source: 'str', unseen: 'tuple[tuple[str, str], ...]' = _d0) -> None:
        _set(self, 'names', names)
        _set(self, 'image', image)
        _set(self, 'source', source)
        _set(self, 'unseen', unseen)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(names={self.names!r}, image={self.image!r}, source={self.source!r}, unseen={self.unseen!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.names,self.image,self.source,self.unseen,) == (other.names,other.image,other.source,other.unseen,)
        return NotImplemented

    def __hash__(self):
        return hash((self.names,self.image,self.source,self.unseen,))

    __init__.__qualname__ = 'Shipped.__init__'
    __repr__.__qualname__ = 'Shipped.__repr__'
    __eq__.__qualname__ = 'Shipped.__eq__'
    __hash__.__qualname__ = 'Shipped.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m7():
    _s0 = _s1 = _s2 = None
    def __init__(self, regex: 're.Pattern[str]', negated: 'bool', directory_only: 'bool') -> None:
        _s0(self, regex)
        _s1(self, negated)
        _s2(self, directory_only)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(regex={self.regex!r}, negated={self.negated!r}, directory_only={self.directory_only!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.regex,self.negated,self.directory_only,) == (other.regex,other.negated,other.directory_only,)
        return NotImplemented

    def __hash__(self):
        return hash((self.regex,self.negated,self.directory_only,))

    __init__.__qualname__ = '_Pattern.__init__'
    __repr__.__qualname__ = '_Pattern.__repr__'
    __eq__.__qualname__ = '_Pattern.__eq__'
    __hash__.__qualname__ = '_Pattern.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m8(_d0, _d1, _d2, _d3):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, name: 'str', user: 'str' = _d0, stays: 'bool' = _d1, forwards: 'tuple[str, ...]' = _d2, kills_after: 'float | None' = _d3) -> None:
        _s0(self, name)
        _s1(self, user)
        _s2(self, stays)
        _s3(self, forwards)
        _s4(self, kills_after)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, user={self.user!r}, stays={self.stays!r}, forwards={self.forwards!r}, kills_after={self.kills_after!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.user,self.stays,self.forwards,self.kills_after,) == (other.name,other.user,other.stays,other.forwards,other.kills_after,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.user,self.stays,self.forwards,self.kills_after,))

    __init__.__qualname__ = 'Launcher.__init__'
    __repr__.__qualname__ = 'Launcher.__repr__'
    __eq__.__qualname__ = 'Launcher.__eq__'
    __hash__.__qualname__ = 'Launcher.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m9(_d0, _d1, _d2):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = None
    def __init__(self, key: 'str', value: 'Any', at: 'Span', raw: 'str' = _d0, unresolved: 'bool' = _d1, env_missing: 'tuple[str, ...]' = _d2) -> None:
        _s0(self, key)
        _s1(self, value)
        _s2(self, at)
        _s3(self, raw)
        _s4(self, unresolved)
        _s5(self, env_missing)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5
        _s0, _s1, _s2, _s3, _s4, _s5, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(key={self.key!r}, value={self.value!r}, at={self.at!r}, raw={self.raw!r}, unresolved={self.unresolved!r}, env_missing={self.env_missing!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.key,self.value,self.at,self.raw,self.unresolved,self.env_missing,) == (other.key,other.value,other.at,other.raw,other.unresolved,other.env_missing,)
        return NotImplemented

    def __hash__(self):
        return hash((self.key,self.value,self.at,self.raw,self.unresolved,self.env_missing,))

    __init__.__qualname__ = 'Option.__init__'
    __repr__.__qualname__ = 'Option.__repr__'
    __eq__.__qualname__ = 'Option.__eq__'
    __hash__.__qualname__ = 'Option.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m10(_f0, _f1, _f2):
    def __init__(self, files: 'list[SourceFile]' = _FACTORY, skipped: 'list[SourceFile]' = _FACTORY, problems: 'list[Problem]' = _FACTORY) -> None:
        self.files = _f0() if files is _FACTORY else files
        self.skipped = _f1() if skipped is _FACTORY else skipped
        self.problems = _f2() if problems is _FACTORY else problems

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(files={self.files!r}, skipped={self.skipped!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.files,self.skipped,self.problems,) == (other.files,other.skipped,other.problems,)
        return NotImplemented

    __init__.__qualname__ = 'Discovery.__init__'
    __repr__.__qualname__ = 'Discovery.__repr__'
    __eq__.__qualname__ = 'Discovery.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m11(_d0, _d1):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, path: 'str', display: 'str', kind: 'str', reason: 'str' = _d0, renders: 'str' = _d1) -> None:
        _s0(self, path)
        _s1(self, display)
        _s2(self, kind)
        _s3(self, reason)
        _s4(self, renders)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, display={self.display!r}, kind={self.kind!r}, reason={self.reason!r}, renders={self.renders!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.display,self.kind,self.reason,self.renders,) == (other.path,other.display,other.kind,other.reason,other.renders,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.display,self.kind,self.reason,self.renders,))

    __init__.__qualname__ = 'SourceFile.__init__'
    __repr__.__qualname__ = 'SourceFile.__repr__'
    __eq__.__qualname__ = 'SourceFile.__eq__'
    __hash__.__qualname__ = 'SourceFile.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m12(_d0, _d1, _d2, _d3):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = None
    def __init__(self, kind: 'str', message: 'str', at: 'Span', severity: 'str' = _d0, related: 'tuple[tuple[Span, str], ...]' = _d1, since: 'tuple[str, ...]' = _d2, known_to: 'tuple[str, ...]' = _d3) -> None:
        _s0(self, kind)
        _s1(self, message)
        _s2(self, at)
        _s3(self, severity)
        _s4(self, related)
        _s5(self, since)
        _s6(self, known_to)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(kind={self.kind!r}, message={self.message!r}, at={self.at!r}, severity={self.severity!r}, related={self.related!r}, since={self.since!r}, known_to={self.known_to!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.kind,self.message,self.at,self.severity,self.related,self.since,self.known_to,) == (other.kind,other.message,other.at,other.severity,other.related,other.since,other.known_to,)
        return NotImplemented

    def __hash__(self):
        return hash((self.kind,self.message,self.at,self.severity,self.related,self.since,self.known_to,))

    __init__.__qualname__ = 'Problem.__init__'
    __repr__.__qualname__ = 'Problem.__repr__'
    __eq__.__qualname__ = 'Problem.__eq__'
    __hash__.__qualname__ = 'Problem.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m13(_d0, _d1):
    _s0 = _s1 = _s2 = None
    def __init__(self, value: 'T', at: 'Span | None' = _d0, note: 'str' = _d1) -> None:
        _s0(self, value)
        _s1(self, at)
        _s2(self, note)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(value={self.value!r}, at={self.at!r}, note={self.note!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.value,self.at,self.note,) == (other.value,other.at,other.note,)
        return NotImplemented

    def __hash__(self):
        return hash((self.value,self.at,self.note,))

    __init__.__qualname__ = 'Setting.__init__'
    __repr__.__qualname__ = 'Setting.__repr__'
    __eq__.__qualname__ = 'Setting.__eq__'
    __hash__.__qualname__ = 'Setting.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m14(_d0, _d1, _d2):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, path: 'str', line: 'int' = _d0, column: 'int' = _d1, end_column: 'int' = _d2) -> None:
        _s0(self, path)
        _s1(self, line)
        _s2(self, column)
        _s3(self, end_column)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, line={self.line!r}, column={self.column!r}, end_column={self.end_column!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.line,self.column,self.end_column,) == (other.path,other.line,other.column,other.end_column,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.line,self.column,self.end_column,))

    __init__.__qualname__ = 'Span.__init__'
    __repr__.__qualname__ = 'Span.__repr__'
    __eq__.__qualname__ = 'Span.__eq__'
    __hash__.__qualname__ = 'Span.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m15(_d0, _d1):
    _s0 = _s1 = _s2 = None
    def __init__(self, text: 'str | None', encoding: 'str' = _d0, problems: 'tuple[Problem, ...]' = _d1) -> None:
        _s0(self, text)
        _s1(self, encoding)
        _s2(self, problems)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, encoding={self.encoding!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.encoding,self.problems,) == (other.text,other.encoding,other.problems,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text,self.encoding,self.problems,))

    __init__.__qualname__ = 'Text.__init__'
    __repr__.__qualname__ = 'Text.__repr__'
    __eq__.__qualname__ = 'Text.__eq__'
    __hash__.__qualname__ = 'Text.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m16(_d0, _d1, _d2, _d3, _d4):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = _s9 = None
    def __init__(self, code: 'str', slug: 'str', severity: 'str', message: 'str', at: 'Span', related: 'tuple[Related, ...]' = _d0, fix: 'Fix | None' = _d1, anchor: 'tuple[str, str] | None' = _d2, key: 'str | Span' = _d3, distinct: 'str' = _d4) -> None:
        _s0(self, code)
        _s1(self, slug)
        _s2(self, severity)
        _s3(self, message)
        _s4(self, at)
        _s5(self, related)
        _s6(self, fix)
        _s7(self, anchor)
        _s8(self, key)
        _s9(self, distinct)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(code={self.code!r}, slug={self.slug!r}, severity={self.severity!r}, message={self.message!r}, at={self.at!r}, related={self.related!r}, fix={self.fix!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.code,self.slug,self.severity,self.message,self.at,self.related,) == (other.code,other.slug,other.severity,other.message,other.at,other.related,)
        return NotImplemented

    def __hash__(self):
        return hash((self.code,self.slug,self.severity,self.message,self.at,self.related,))

    __init__.__qualname__ = 'Finding.__init__'
    __repr__.__qualname__ = 'Finding.__repr__'
    __eq__.__qualname__ = 'Finding.__eq__'
    __hash__.__qualname__ = 'Finding.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m17(_f0, _f1, _d2, _d3, _d4):
    def __init__(self, code: 'str', slug: 'str', severity: 'str', summary: 'str', doc: 'str', check: 'Callable[[Deployment], Iterable[Hit]]', bad: 'dict[str, str]' = _FACTORY, good: 'dict[str, str]' = _FACTORY, module: 'str' = _d2, check_suppressions: 'Callable[[SuppressionOutcome], Iterable[Hit]] | None' = _d3, fixes: 'tuple[str, ...]' = _d4) -> None:
        _set(self, 'code', code)
        _set(self, 'slug', slug)
        _set(self, 'severity', severity)
        _set(self, 'summary', summary)
        _set(self, 'doc', doc)
        _set(self, 'check', check)
        _set(self, 'bad', _f0() if bad is _FACTORY else bad)
        _set(self, 'good', _f1() if good is _FACTORY else good)
        _set(self, 'module', module)
        _set(self, 'check_suppressions', check_suppressions)
        _set(self, 'fixes', fixes)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(code={self.code!r}, slug={self.slug!r}, severity={self.severity!r}, summary={self.summary!r}, doc={self.doc!r}, check={self.check!r}, bad={self.bad!r}, good={self.good!r}, module={self.module!r}, check_suppressions={self.check_suppressions!r}, fixes={self.fixes!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.code,self.slug,self.severity,self.summary,self.doc,self.check,self.bad,self.good,self.module,self.check_suppressions,self.fixes,) == (other.code,other.slug,other.severity,other.summary,other.doc,other.check,other.bad,other.good,other.module,other.check_suppressions,other.fixes,)
        return NotImplemented

    def __hash__(self):
        return hash((self.code,self.slug,self.severity,self.summary,self.doc,self.check,self.bad,self.good,self.module,self.check_suppressions,self.fixes,))

    __init__.__qualname__ = 'Rule.__init__'
    __repr__.__qualname__ = 'Rule.__repr__'
    __eq__.__qualname__ = 'Rule.__eq__'
    __hash__.__qualname__ = 'Rule.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m18():
    _s0 = _s1 = None
    def __init__(self, finding: 'Finding', by: 'Suppression') -> None:
        _s0(self, finding)
        _s1(self, by)

    def _bind(setters):
        nonlocal _s0, _s1
        _s0, _s1, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(finding={self.finding!r}, by={self.by!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.finding,self.by,) == (other.finding,other.by,)
        return NotImplemented

    def __hash__(self):
        return hash((self.finding,self.by,))

    __init__.__qualname__ = 'Suppressed.__init__'
    __repr__.__qualname__ = 'Suppressed.__repr__'
    __eq__.__qualname__ = 'Suppressed.__eq__'
    __hash__.__qualname__ = 'Suppressed.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m19():
    def __init__(self, unused: 'tuple[Suppression, ...]', unknown: 'tuple[tuple[Suppression, str], ...]', without_reason: 'tuple[Suppression, ...]', reason_required: 'bool') -> None:
        _set(self, 'unused', unused)
        _set(self, 'unknown', unknown)
        _set(self, 'without_reason', without_reason)
        _set(self, 'reason_required', reason_required)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(unused={self.unused!r}, unknown={self.unknown!r}, without_reason={self.without_reason!r}, reason_required={self.reason_required!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.unused,self.unknown,self.without_reason,self.reason_required,) == (other.unused,other.unknown,other.without_reason,other.reason_required,)
        return NotImplemented

    def __hash__(self):
        return hash((self.unused,self.unknown,self.without_reason,self.reason_required,))

    __init__.__qualname__ = 'SuppressionOutcome.__init__'
    __repr__.__qualname__ = 'SuppressionOutcome.__repr__'
    __eq__.__qualname__ = 'SuppressionOutcome.__eq__'
    __hash__.__qualname__ = 'SuppressionOutcome.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m20():
    def __init__(self, start: 'int', end: 'int', text: 'str') -> None:
        _set(self, 'start', start)
        _set(self, 'end', end)
        _set(self, 'text', text)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(start={self.start!r}, end={self.end!r}, text={self.text!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.start,self.end,self.text,) == (other.start,other.end,other.text,)
        return NotImplemented

    def __hash__(self):
        return hash((self.start,self.end,self.text,))

    __init__.__qualname__ = 'Change.__init__'
    __repr__.__qualname__ = 'Change.__repr__'
    __eq__.__qualname__ = 'Change.__eq__'
    __hash__.__qualname__ = 'Change.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m21(_f0, _f1, _d2, _f3, _f4, _f5):
    def __init__(self, applied: 'list[Finding]' = _FACTORY, rejected: 'list[Rejected]' = _FACTORY, unsafe_left: 'int' = _d2, originals: 'dict[str, Original]' = _FACTORY, fixed: 'dict[str, str]' = _FACTORY, after: 'list[Finding]' = _FACTORY) -> None:
        self.applied = _f0() if applied is _FACTORY else applied
        self.rejected = _f1() if rejected is _FACTORY else rejected
        self.unsafe_left = unsafe_left
        self.originals = _f3() if originals is _FACTORY else originals
        self.fixed = _f4() if fixed is _FACTORY else fixed
        self.after = _f5() if after is _FACTORY else after

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(applied={self.applied!r}, rejected={self.rejected!r}, unsafe_left={self.unsafe_left!r}, originals={self.originals!r}, fixed={self.fixed!r}, after={self.after!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.applied,self.rejected,self.unsafe_left,self.originals,self.fixed,self.after,) == (other.applied,other.rejected,other.unsafe_left,other.originals,other.fixed,other.after,)
        return NotImplemented

    __init__.__qualname__ = 'FixPlan.__init__'
    __repr__.__qualname__ = 'FixPlan.__repr__'
    __eq__.__qualname__ = 'FixPlan.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m22():
    def __init__(self, display: 'str', real: 'str', data: 'bytes', text: 'str', bom: 'bool', line_starts: 'tuple[int, ...]') -> None:
        _set(self, 'display', display)
        _set(self, 'real', real)
        _set(self, 'data', data)
        _set(self, 'text', text)
        _set(self, 'bom', bom)
        _set(self, 'line_starts', line_starts)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(display={self.display!r}, real={self.real!r}, data={self.data!r}, text={self.text!r}, bom={self.bom!r}, line_starts={self.line_starts!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.display,self.real,self.data,self.text,self.bom,self.line_starts,) == (other.display,other.real,other.data,other.text,other.bom,other.line_starts,)
        return NotImplemented

    def __hash__(self):
        return hash((self.display,self.real,self.data,self.text,self.bom,self.line_starts,))

    __init__.__qualname__ = 'Original.__init__'
    __repr__.__qualname__ = 'Original.__repr__'
    __eq__.__qualname__ = 'Original.__eq__'
    __hash__.__qualname__ = 'Original.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m23():
    def __init__(self, finding: 'Finding', reason: 'str') -> None:
        self.finding = finding
        self.reason = reason

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(finding={self.finding!r}, reason={self.reason!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.finding,self.reason,) == (other.finding,other.reason,)
        return NotImplemented

    __init__.__qualname__ = 'Rejected.__init__'
    __repr__.__qualname__ = 'Rejected.__repr__'
    __eq__.__qualname__ = 'Rejected.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m24():
    def __init__(self, finding: 'Finding', changes: 'dict[str, list[Change]]') -> None:
        self.finding = finding
        self.changes = changes

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(finding={self.finding!r}, changes={self.changes!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.finding,self.changes,) == (other.finding,other.changes,)
        return NotImplemented

    __init__.__qualname__ = '_Candidate.__init__'
    __repr__.__qualname__ = '_Candidate.__repr__'
    __eq__.__qualname__ = '_Candidate.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m25(_f0, _f1, _d2, _d3, _d4, _f5, _d6, _d7, _f8, _d9, _d10, _d11, _d12, _d13, _d14, _d15, _d16, _d17, _d18, _d19, _d20, _d21, _f22, _d23):
    def __init__(self, kind: 'str', name: 'str', at: 'Span', options: 'list[Option]' = _FACTORY, listeners: 'list[Listener]' = _FACTORY, user: 'Setting[str] | None' = _d2, group: 'Setting[str] | None' = _d3, daemonizes: 'Setting[Any] | None' = _d4, sources: 'list[str]' = _FACTORY, manager: 'ProcessManager | None' = _d6, start_directory: 'Setting[str] | None' = _d7, placeholders_used: 'set[str]' = _FACTORY, uwsgi_config: 'UwsgiConfig | None' = _d9, place: 'Place' = _d10, binary_plugins: 'Setting[tuple[str, ...]] | None' = _d11, unseen_base: 'Setting[str] | None' = _d12, app_spec: 'str' = _d13, copied_into: 'tuple[Place, ...]' = _d14, places_unknown: 'tuple[Place, ...]' = _d15, place_assumed: 'Setting[str] | None' = _d16, unread_configs: 'tuple[UnreadConfig, ...]' = _d17, dev_stack: 'Setting[str] | None' = _d18, code_from_image: 'Setting[str] | None' = _d19, started_in_background: 'Setting[ProcessManager] | None' = _d20, app_module: 'str' = _d21) -> None:
        self.kind = kind
        self.name = name
        self.at = at
        self.options = _f0() if options is _FACTORY else options
        self.listeners = _f1() if listeners is _FACTORY else listeners
        self.user = user
        self.group = group
        self.daemonizes = daemonizes
        self.sources = _f5() if sources is _FACTORY else sources
        self.manager = manager
        self.start_directory = start_directory
        self.placeholders_used = _f8() if placeholders_used is _FACTORY else placeholders_used
        self.uwsgi_config = uwsgi_config
        self.place = place
        self.binary_plugins = binary_plugins
        self.unseen_base = unseen_base
        self.app_spec = app_spec
        self.copied_into = copied_into
        self.places_unknown = places_unknown
        self.place_assumed = place_assumed
        self.unread_configs = unread_configs
        self.dev_stack = dev_stack
        self.code_from_image = code_from_image
        self.started_in_background = started_in_background
        self.app_module = app_module
        self._last_at = _f22()
        self._indexed = _d23

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, at={self.at!r}, options={self.options!r}, listeners={self.listeners!r}, user={self.user!r}, group={self.group!r}, daemonizes={self.daemonizes!r}, sources={self.sources!r}, manager={self.manager!r}, start_directory={self.start_directory!r}, placeholders_used={self.placeholders_used!r}, uwsgi_config={self.uwsgi_config!r}, place={self.place!r}, binary_plugins={self.binary_plugins!r}, unseen_base={self.unseen_base!r}, app_spec={self.app_spec!r}, copied_into={self.copied_into!r}, places_unknown={self.places_unknown!r}, place_assumed={self.place_assumed!r}, unread_configs={self.unread_configs!r}, dev_stack={self.dev_stack!r}, code_from_image={self.code_from_image!r}, started_in_background={self.started_in_background!r}, app_module={self.app_module!r})"

    __init__.__qualname__ = 'AppServer.__init__'
    __repr__.__qualname__ = 'AppServer.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m26(_f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _f8, _f9, _f10, _f11, _f12, _f13, _f14, _f15, _f16, _f17, _d18, _f19, _f20, _f21, _f22, _f23, _f24, _f25, _f26, _f27, _d28, _f29, _f30, _d31, _d32, _f33, _d34):
    def __init__(self, files: 'list[SourceFile]', host: 'Host', nginx: 'list[NginxInstance]' = _FACTORY, app_servers: 'list[AppServer]' = _FACTORY, managers: 'list[ProcessManager]' = _FACTORY, problems: 'list[Problem]' = _FACTORY, suppressions: 'list[Suppression]' = _FACTORY, uwsgi_configs: 'list[UwsgiConfig]' = _FACTORY, supervisor: 'list[SupervisorConfig]' = _FACTORY, gunicorn_configs: 'list[GunicornConfigFile]' = _FACTORY, systemd_units: 'list[SystemdUnit]' = _FACTORY, dev_servers: 'list[AppServer]' = _FACTORY, unrun_servers: 'list[tuple[AppServer, str]]' = _FACTORY, places: 'list[Place]' = _FACTORY, host_folders: 'dict[str, HostFolder]' = _FACTORY, unseen_programs: 'list[ControlledProgram]' = _FACTORY, script_starts: 'list[ScriptStart]' = _FACTORY, app_reads_forwarded_scheme: 'list[Setting[str]]' = _FACTORY, app_scheme_headers: 'list[Setting[str]]' = _FACTORY, app_asset_urls: 'list[AssetUrl]' = _FACTORY, app_request_readers: 'RequestReaders | None' = _d18, app_env_defaults: 'dict[str, list[Setting[str]]]' = _FACTORY, compose_dependencies: 'list[ComposeDependency]' = _FACTORY, listeners_shown: 'dict[Place, NginxInstance]' = _FACTORY, packaged_nginx: 'dict[str, Setting[str]]' = _FACTORY, exec_lookalikes: 'list[ExecLookalike]' = _FACTORY, replaced_starts: 'dict[Span, Span]' = _FACTORY, copy_sources_missing: 'list[MissingCopySource]' = _FACTORY, build_targets_missing: 'list[MissingBuildTarget]' = _FACTORY, imageless_services: 'list[ImagelessService]' = _FACTORY, shared_loopback_task: 'Setting[str] | None' = _d28, unstarted_files: 'dict[str, tuple[str, tuple[int, ...]]]' = _FACTORY, unstarted_lines: 'dict[str, dict[int, tuple[str, str]]]' = _FACTORY, modes_unshown: 'str' = _d31, modes_all_plain: 'str' = _d32, build_rewrites: 'dict[str, Setting[str]]' = _FACTORY) -> None:
        self.files = files
        self.host = host
        self.nginx = _f0() if nginx is _FACTORY else nginx
        self.app_servers = _f1() if app_servers is _FACTORY else app_servers
        self.managers = _f2() if managers is _FACTORY else managers
        self.problems = _f3() if problems is _FACTORY else problems
        self.suppressions = _f4() if suppressions is _FACTORY else suppressions
        self.uwsgi_configs = _f5() if uwsgi_configs is _FACTORY else uwsgi_configs
        self.supervisor = _f6() if supervisor is _FACTORY else supervisor
        self.gunicorn_configs = _f7() if gunicorn_configs is _FACTORY else gunicorn_configs
        self.systemd_units = _f8() if systemd_units is _FACTORY else systemd_units
        self.dev_servers = _f9() if dev_servers is _FACTORY else dev_servers
        self.unrun_servers = _f10() if unrun_servers is _FACTORY else unrun_servers
        self.places = _f11() if places is _FACTORY else places
        self.host_folders = _f12() if host_folders is _FACTORY else host_folders
        self.unseen_programs = _f13() if unseen_programs is _FACTORY else unseen_programs
        self.script_starts = _f14() if script_starts is _FACTORY else script_starts
        self.app_reads_forwarded_scheme = _f15() if app_reads_forwarded_scheme is _FACTORY else app_reads_forwarded_scheme
        self.app_scheme_headers = _f16() if app_scheme_headers is _FACTORY else app_scheme_headers
        self.app_asset_urls = _f17() if app_asset_urls is _FACTORY else app_asset_urls
        self.app_request_readers = app_request_readers
        self.app_env_defaults = _f19() if app_env_defaults is _FACTORY else app_env_defaults
        self.compose_dependencies = _f20() if compose_dependencies is _FACTORY else compose_dependencies
        self.listeners_shown = _f21() if listeners_shown is _FACTORY else listeners_shown
        self.packaged_nginx = _f22() if packaged_nginx is _FACTORY else packaged_nginx
        self.exec_lookalikes = _f23() if exec_lookalikes is _FACTORY else exec_lookalikes
        self.replaced_starts = _f24() if replaced_starts is _FACTORY else replaced_starts
        self.copy_sources_missing = _f25() if copy_sources_missing is _FACTORY else copy_sources_missing
        self.build_targets_missing = _f26() if build_targets_missing is _FACTORY else build_targets_missing
        self.imageless_services = _f27() if imageless_services is _FACTORY else imageless_services
        self.shared_loopback_task = shared_loopback_task
        self.unstarted_files = _f29() if unstarted_files is _FACTORY else unstarted_files
        self.unstarted_lines = _f30() if unstarted_lines is _FACTORY else unstarted_lines
        self.modes_unshown = modes_unshown
        self.modes_all_plain = modes_all_plain
        self.build_rewrites = _f33() if build_rewrites is _FACTORY else build_rewrites
        self._reached = _d34

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(files={self.files!r}, host={self.host!r}, nginx={self.nginx!r}, app_servers={self.app_servers!r}, managers={self.managers!r}, problems={self.problems!r}, suppressions={self.suppressions!r}, uwsgi_configs={self.uwsgi_configs!r}, supervisor={self.supervisor!r}, gunicorn_configs={self.gunicorn_configs!r}, systemd_units={self.systemd_units!r}, dev_servers={self.dev_servers!r}, unrun_servers={self.unrun_servers!r}, places={self.places!r}, host_folders={self.host_folders!r}, unseen_programs={self.unseen_programs!r}, script_starts={self.script_starts!r}, app_reads_forwarded_scheme={self.app_reads_forwarded_scheme!r}, app_scheme_headers={self.app_scheme_headers!r}, app_asset_urls={self.app_asset_urls!r}, app_request_readers={self.app_request_readers!r}, app_env_defaults={self.app_env_defaults!r}, compose_dependencies={self.compose_dependencies!r}, listeners_shown={self.listeners_shown!r}, packaged_nginx={self.packaged_nginx!r}, exec_lookalikes={self.exec_lookalikes!r}, replaced_starts={self.replaced_starts!r}, copy_sources_missing={self.copy_sources_missing!r}, build_targets_missing={self.build_targets_missing!r}, imageless_services={self.imageless_services!r}, shared_loopback_task={self.shared_loopback_task!r}, unstarted_files={self.unstarted_files!r}, unstarted_lines={self.unstarted_lines!r}, modes_unshown={self.modes_unshown!r}, modes_all_plain={self.modes_all_plain!r}, build_rewrites={self.build_rewrites!r})"

    __init__.__qualname__ = 'Deployment.__init__'
    __repr__.__qualname__ = 'Deployment.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m27(_d0):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, path: 'str', how: 'str', at: 'Span', source: 'str' = _d0) -> None:
        _s0(self, path)
        _s1(self, how)
        _s2(self, at)
        _s3(self, source)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, how={self.how!r}, at={self.at!r}, source={self.source!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.how,self.at,self.source,) == (other.path,other.how,other.at,other.source,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.how,self.at,self.source,))

    __init__.__qualname__ = 'FileRewrite.__init__'
    __repr__.__qualname__ = 'FileRewrite.__repr__'
    __eq__.__qualname__ = 'FileRewrite.__eq__'
    __hash__.__qualname__ = 'FileRewrite.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m28(_f0, _f1, _f2, _f3, _f4, _f5, _f6, _f7, _d8):
    def __init__(self, mode: 'str', somaxconn: 'Setting[int]', users: 'dict[str, tuple[int, int]]' = _FACTORY, groups: 'dict[str, set[str]]' = _FACTORY, nofile_limits: 'list[Setting[str]]' = _FACTORY, boot_directories: 'list[Setting[str]]' = _FACTORY, versions: 'dict[str, Setting[str]]' = _FACTORY, assumed_versions: 'set[str]' = _FACTORY, container_versions: 'dict[str, Setting[str]]' = _FACTORY, newest_of_line: 'set[str]' = _FACTORY, whole_host: 'bool' = _d8) -> None:
        self.mode = mode
        self.somaxconn = somaxconn
        self.users = _f0() if users is _FACTORY else users
        self.groups = _f1() if groups is _FACTORY else groups
        self.nofile_limits = _f2() if nofile_limits is _FACTORY else nofile_limits
        self.boot_directories = _f3() if boot_directories is _FACTORY else boot_directories
        self.versions = _f4() if versions is _FACTORY else versions
        self.assumed_versions = _f5() if assumed_versions is _FACTORY else assumed_versions
        self.container_versions = _f6() if container_versions is _FACTORY else container_versions
        self.newest_of_line = _f7() if newest_of_line is _FACTORY else newest_of_line
        self.whole_host = whole_host

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(mode={self.mode!r}, somaxconn={self.somaxconn!r}, users={self.users!r}, groups={self.groups!r}, nofile_limits={self.nofile_limits!r}, boot_directories={self.boot_directories!r}, versions={self.versions!r}, assumed_versions={self.assumed_versions!r}, container_versions={self.container_versions!r}, newest_of_line={self.newest_of_line!r}, whole_host={self.whole_host!r})"

    __init__.__qualname__ = 'Host.__init__'
    __repr__.__qualname__ = 'Host.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m29():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, name: 'str', gid: 'str | None', members: 'frozenset[str]', at: 'Span') -> None:
        _s0(self, name)
        _s1(self, gid)
        _s2(self, members)
        _s3(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, gid={self.gid!r}, members={self.members!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.gid,self.members,self.at,) == (other.name,other.gid,other.members,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.gid,self.members,self.at,))

    __init__.__qualname__ = 'ImageGroup.__init__'
    __repr__.__qualname__ = 'ImageGroup.__repr__'
    __eq__.__qualname__ = 'ImageGroup.__eq__'
    __hash__.__qualname__ = 'ImageGroup.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m30():
    _s0 = _s1 = _s2 = None
    def __init__(self, service: 'str', at: 'Span', project: 'str') -> None:
        _s0(self, service)
        _s1(self, at)
        _s2(self, project)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(service={self.service!r}, at={self.at!r}, project={self.project!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.service,self.at,self.project,) == (other.service,other.at,other.project,)
        return NotImplemented

    def __hash__(self):
        return hash((self.service,self.at,self.project,))

    __init__.__qualname__ = 'ImagelessService.__init__'
    __repr__.__qualname__ = 'ImagelessService.__repr__'
    __eq__.__qualname__ = 'ImagelessService.__eq__'
    __hash__.__qualname__ = 'ImagelessService.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m31(_d0, _d1, _d2, _d3, _d4, _d5):
    def __init__(self, address: 'Address', protocol: 'str', option: 'str', at: 'Span', server: 'AppServer', mode: 'Setting[int] | None' = _d0, owner: 'Setting[str] | None' = _d1, group: 'Setting[str] | None' = _d2, bound_by: 'str' = _d3, protocol_at: 'Span | None' = _d4, resolved_in: 'Setting[str] | None' = _d5) -> None:
        self.address = address
        self.protocol = protocol
        self.option = option
        self.at = at
        self.server = server
        self.mode = mode
        self.owner = owner
        self.group = group
        self.bound_by = bound_by
        self.protocol_at = protocol_at
        self.resolved_in = resolved_in

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(address={self.address!r}, protocol={self.protocol!r}, option={self.option!r}, at={self.at!r}, server={self.server!r}, mode={self.mode!r}, owner={self.owner!r}, group={self.group!r}, bound_by={self.bound_by!r}, protocol_at={self.protocol_at!r}, resolved_in={self.resolved_in!r})"

    __init__.__qualname__ = 'Listener.__init__'
    __repr__.__qualname__ = 'Listener.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m32():
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, target: 'str', at: 'Span', dockerfile: 'str', stages: 'tuple[str, ...]', service: 'Span') -> None:
        _s0(self, target)
        _s1(self, at)
        _s2(self, dockerfile)
        _s3(self, stages)
        _s4(self, service)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(target={self.target!r}, at={self.at!r}, dockerfile={self.dockerfile!r}, stages={self.stages!r}, service={self.service!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.target,self.at,self.dockerfile,self.stages,self.service,) == (other.target,other.at,other.dockerfile,other.stages,other.service,)
        return NotImplemented

    def __hash__(self):
        return hash((self.target,self.at,self.dockerfile,self.stages,self.service,))

    __init__.__qualname__ = 'MissingBuildTarget.__init__'
    __repr__.__qualname__ = 'MissingBuildTarget.__repr__'
    __eq__.__qualname__ = 'MissingBuildTarget.__eq__'
    __hash__.__qualname__ = 'MissingBuildTarget.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m33():
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, source: 'str', at: 'Span', context: 'str', namesakes: 'tuple[str, ...]', service: 'Span') -> None:
        _s0(self, source)
        _s1(self, at)
        _s2(self, context)
        _s3(self, namesakes)
        _s4(self, service)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(source={self.source!r}, at={self.at!r}, context={self.context!r}, namesakes={self.namesakes!r}, service={self.service!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.source,self.at,self.context,self.namesakes,self.service,) == (other.source,other.at,other.context,other.namesakes,other.service,)
        return NotImplemented

    def __hash__(self):
        return hash((self.source,self.at,self.context,self.namesakes,self.service,))

    __init__.__qualname__ = 'MissingCopySource.__init__'
    __repr__.__qualname__ = 'MissingCopySource.__repr__'
    __eq__.__qualname__ = 'MissingCopySource.__eq__'
    __hash__.__qualname__ = 'MissingCopySource.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m34(_d0, _d1, _d2, _d3):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = None
    def __init__(self, name: 'str', args: 'tuple[str, ...]', name_at: 'Span', end_column: 'int' = _d0, value_column: 'int' = _d1, value_end: 'int' = _d2, value_elsewhere: 'Span | None' = _d3) -> None:
        _s0(self, name)
        _s1(self, args)
        _s2(self, name_at)
        _s3(self, end_column)
        _s4(self, value_column)
        _s5(self, value_end)
        _s6(self, value_elsewhere)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, args={self.args!r}, name_at={self.name_at!r}, end_column={self.end_column!r}, value_column={self.value_column!r}, value_end={self.value_end!r}, value_elsewhere={self.value_elsewhere!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.args,self.name_at,self.end_column,self.value_column,self.value_end,self.value_elsewhere,) == (other.name,other.args,other.name_at,other.end_column,other.value_column,other.value_end,other.value_elsewhere,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.args,self.name_at,self.end_column,self.value_column,self.value_end,self.value_elsewhere,))

    __init__.__qualname__ = 'NginxDirective.__init__'
    __repr__.__qualname__ = 'NginxDirective.__repr__'
    __eq__.__qualname__ = 'NginxDirective.__eq__'
    __hash__.__qualname__ = 'NginxDirective.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m35(_f0, _d1, _f2, _f3, _d4, _f5, _f6, _f7, _f8, _f9, _f10, _d11, _d12, _f13, _d14, _d15, _d16):
    def __init__(self, main: 'Span', standalone: 'bool', user: 'Setting[str]', worker_connections: 'Setting[int]', worker_rlimit_nofile: 'Setting[int] | None', daemon: 'Setting[bool]', routes: 'list[Route]' = _FACTORY, place: 'Place' = _d1, directives: 'list[NginxDirective]' = _FACTORY, files: 'list[str]' = _FACTORY, listen_count: 'int' = _d4, http: 'list[NginxHttp]' = _FACTORY, upstreams: 'dict[str, NginxUpstream]' = _FACTORY, server_listens: 'list[NginxDirective]' = _FACTORY, unknown_directives: 'list[NginxDirective]' = _FACTORY, log_directives: 'list[NginxDirective]' = _FACTORY, assumed: 'dict[str, str]' = _FACTORY, events_missing: 'Span | None' = _d11, stock_files: 'frozenset[str] | None' = _d12, mount_only_parents: 'dict[str, tuple[str, tuple[str, ...]]]' = _FACTORY, group: 'Setting[str] | None' = _d14, refused_in_main: 'Setting[str] | None' = _d15, start_unseen: 'Setting[str] | None' = _d16) -> None:
        self.main = main
        self.standalone = standalone
        self.user = user
        self.worker_connections = worker_connections
        self.worker_rlimit_nofile = worker_rlimit_nofile
        self.daemon = daemon
        self.routes = _f0() if routes is _FACTORY else routes
        self.place = place
        self.directives = _f2() if directives is _FACTORY else directives
        self.files = _f3() if files is _FACTORY else files
        self.listen_count = listen_count
        self.http = _f5() if http is _FACTORY else http
        self.upstreams = _f6() if upstreams is _FACTORY else upstreams
        self.server_listens = _f7() if server_listens is _FACTORY else server_listens
        self.unknown_directives = _f8() if unknown_directives is _FACTORY else unknown_directives
        self.log_directives = _f9() if log_directives is _FACTORY else log_directives
        self.assumed = _f10() if assumed is _FACTORY else assumed
        self.events_missing = events_missing
        self.stock_files = stock_files
        self.mount_only_parents = _f13() if mount_only_parents is _FACTORY else mount_only_parents
        self.group = group
        self.refused_in_main = refused_in_main
        self.start_unseen = start_unseen

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(main={self.main!r}, standalone={self.standalone!r}, user={self.user!r}, worker_connections={self.worker_connections!r}, worker_rlimit_nofile={self.worker_rlimit_nofile!r}, daemon={self.daemon!r}, routes={self.routes!r}, place={self.place!r}, directives={self.directives!r}, files={self.files!r}, listen_count={self.listen_count!r}, http={self.http!r}, upstreams={self.upstreams!r}, server_listens={self.server_listens!r}, unknown_directives={self.unknown_directives!r}, log_directives={self.log_directives!r}, assumed={self.assumed!r}, events_missing={self.events_missing!r}, stock_files={self.stock_files!r}, mount_only_parents={self.mount_only_parents!r}, group={self.group!r}, refused_in_main={self.refused_in_main!r}, start_unseen={self.start_unseen!r})"

    __init__.__qualname__ = 'NginxInstance.__init__'
    __repr__.__qualname__ = 'NginxInstance.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m36(_d0, _d1, _d2, _d3, _d4, _d5, _f6, _d7, _f8, _f9, _d10, _d11, _d12, _d13, _d14, _d15, _d16, _f17, _d18, _d19, _d20, _d21, _d22, _d23, _d24, _d25, _d26, _d27, _d28, _f29, _d30, _d31, _d32, _d33, _d34, _d35, _d36, _d37, _d38, _d39, _d40, _d41, _d42, _d43, _d44, _d45, _d46, _d47, _f48, _f49, _d50, _d51, _d52, _d53, _d54, _d55, _d56, _f57, _d58, _d59, _d60, _d61):
    def __init__(self, kind: 'str', name: 'str', at: 'Span', place: 'Place' = _d0, argv: 'Setting[list[str]] | None' = _d1, user: 'Setting[str] | None' = _d2, group: 'Setting[str] | None' = _d3, directory: 'Setting[str] | None' = _d4, server_directory: 'Setting[str] | None' = _d5, environment: 'dict[str, Setting[str]]' = _FACTORY, environment_unseen: 'Setting[str] | None' = _d7, environment_unknown: 'dict[str, Setting[str]]' = _FACTORY, stop_signal: 'Setting[str]' = _FACTORY, stop_command: 'Setting[str] | None' = _d10, stop_command_unseen: 'Setting[str] | None' = _d11, stop_timeout: 'Setting[float] | None' = _d12, kills_group: 'Setting[bool] | None' = _d13, service_type: 'Setting[str] | None' = _d14, private_tmp: 'Setting[bool] | None' = _d15, stdin: 'Setting[str] | None' = _d16, runtime_directories: 'list[Setting[str]]' = _FACTORY, start_creates: 'tuple[Setting[str], ...]' = _d18, removed_on_stop: 'tuple[str, ...]' = _d19, runtime_directory_mode: 'Setting[int] | None' = _d20, dynamic_user: 'Setting[bool] | None' = _d21, limit_nofile: 'Setting[int] | None' = _d22, runs: 'AppServer | None' = _d23, dev_server: 'Setting[list[str]] | None' = _d24, dev_server_in_code: 'Setting[ScriptServer] | None' = _d25, launched_by: 'AppServer | None' = _d26, supervisord_start: 'ProcessManager | None' = _d27, runs_program: 'str' = _d28, servers_beside: 'list[Setting[str]]' = _FACTORY, supervisords_before: 'tuple[Setting[list[str]], ...]' = _d30, start_not_executable: 'Setting[str] | None' = _d31, program_missing: 'Setting[str] | None' = _d32, start_scripts: 'tuple[str, ...]' = _d33, wrapper: 'Span | None' = _d34, wrapper_outer: 'Setting[bool] | None' = _d35, wrapper_execs: 'bool | None' = _d36, wrapper_shell: 'Setting[str] | None' = _d37, wrapper_after: 'tuple[tuple[str, ...], ...]' = _d38, wrapper_held_by: 'str' = _d39, wrapper_background: 'bool' = _d40, wrapper_others: 'bool' = _d41, background_starts: 'tuple[Setting[list[str]], ...]' = _d42, daemon_starts: 'tuple[Setting[list[str]], ...]' = _d43, also_serves: 'tuple[Setting[list[str]], ...]' = _d44, services_started: 'tuple[Setting[str], ...]' = _d45, hands_off: 'Setting[str] | None' = _d46, wrapper_traps: 'Setting[tuple[str, ...]] | None' = _d47, options: 'Mapping[str, Setting[Any]]' = _FACTORY, stock_files: 'dict[str, str]' = _FACTORY, stays_foreground: 'Setting[bool] | None' = _d50, ends_container: 'Setting[bool] | None' = _d51, launchers: 'tuple[Launcher, ...]' = _d52, wrapper_launchers: 'tuple[Launcher, ...]' = _d53, rewrites: 'tuple[FileRewrite, ...]' = _d54, unseen_config: 'Setting[str] | None' = _d55, accounts_added: 'tuple[Setting[str], ...]' = _d56, image_groups: 'dict[str, ImageGroup]' = _FACTORY, arbitrary_uid: 'Setting[str] | None' = _d58, keeps_caller_uid: 'Setting[str] | None' = _d59, stderr_file: 'Setting[str] | None' = _d60, start_unseen: 'Setting[str] | None' = _d61) -> None:
        self.kind = kind
        self.name = name
        self.at = at
        self.place = place
        self.argv = argv
        self.user = user
        self.group = group
        self.directory = directory
        self.server_directory = server_directory
        self.environment = _f6() if environment is _FACTORY else environment
        self.environment_unseen = environment_unseen
        self.environment_unknown = _f8() if environment_unknown is _FACTORY else environment_unknown
        self.stop_signal = _f9() if stop_signal is _FACTORY else stop_signal
        self.stop_command = stop_command
        self.stop_command_unseen = stop_command_unseen
        self.stop_timeout = stop_timeout
        self.kills_group = kills_group
        self.service_type = service_type
        self.private_tmp = private_tmp
        self.stdin = stdin
        self.runtime_directories = _f17() if runtime_directories is _FACTORY else runtime_directories
        self.start_creates = start_creates
        self.removed_on_stop = removed_on_stop
        self.runtime_directory_mode = runtime_directory_mode
        self.dynamic_user = dynamic_user
        self.limit_nofile = limit_nofile
        self.runs = runs
        self.dev_server = dev_server
        self.dev_server_in_code = dev_server_in_code
        self.launched_by = launched_by
        self.supervisord_start = supervisord_start
        self.runs_program = runs_program
        self.servers_beside = _f29() if servers_beside is _FACTORY else servers_beside
        self.supervisords_before = supervisords_before
        self.start_not_executable = start_not_executable
        self.program_missing = program_missing
        self.start_scripts = start_scripts
        self.wrapper = wrapper
        self.wrapper_outer = wrapper_outer
        self.wrapper_execs = wrapper_execs
        self.wrapper_shell = wrapper_shell
        self.wrapper_after = wrapper_after
        self.wrapper_held_by = wrapper_held_by
        self.wrapper_background = wrapper_background
        self.wrapper_others = wrapper_others
        self.background_starts = background_starts
        self.daemon_starts = daemon_starts
        self.also_serves = also_serves
        self.services_started = services_started
        self.hands_off = hands_off
        self.wrapper_traps = wrapper_traps
        self.options = _f48() if options is _FACTORY else options
        self.stock_files = _f49() if stock_files is _FACTORY else stock_files
        self.stays_foreground = stays_foreground
        self.ends_container = ends_container
        self.launchers = launchers
        self.wrapper_launchers = wrapper_launchers
        self.rewrites = rewrites
        self.unseen_config = unseen_config
        self.accounts_added = accounts_added
        self.image_groups = _f57() if image_groups is _FACTORY else image_groups
        self.arbitrary_uid = arbitrary_uid
        self.keeps_caller_uid = keeps_caller_uid
        self.stderr_file = stderr_file
        self.start_unseen = start_unseen

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, at={self.at!r}, place={self.place!r}, argv={self.argv!r}, user={self.user!r}, group={self.group!r}, directory={self.directory!r}, server_directory={self.server_directory!r}, environment={self.environment!r}, environment_unseen={self.environment_unseen!r}, environment_unknown={self.environment_unknown!r}, stop_signal={self.stop_signal!r}, stop_command={self.stop_command!r}, stop_command_unseen={self.stop_command_unseen!r}, stop_timeout={self.stop_timeout!r}, kills_group={self.kills_group!r}, service_type={self.service_type!r}, private_tmp={self.private_tmp!r}, stdin={self.stdin!r}, runtime_directories={self.runtime_directories!r}, start_creates={self.start_creates!r}, removed_on_stop={self.removed_on_stop!r}, runtime_directory_mode={self.runtime_directory_mode!r}, dynamic_user={self.dynamic_user!r}, limit_nofile={self.limit_nofile!r}, runs={self.runs!r}, dev_server={self.dev_server!r}, dev_server_in_code={self.dev_server_in_code!r}, launched_by={self.launched_by!r}, supervisord_start={self.supervisord_start!r}, runs_program={self.runs_program!r}, servers_beside={self.servers_beside!r}, supervisords_before={self.supervisords_before!r}, start_not_executable={self.start_not_executable!r}, program_missing={self.program_missing!r}, start_scripts={self.start_scripts!r}, wrapper={self.wrapper!r}, wrapper_outer={self.wrapper_outer!r}, wrapper_execs={self.wrapper_execs!r}, wrapper_shell={self.wrapper_shell!r}, wrapper_after={self.wrapper_after!r}, wrapper_held_by={self.wrapper_held_by!r}, wrapper_background={self.wrapper_background!r}, wrapper_others={self.wrapper_others!r}, background_starts={self.background_starts!r}, daemon_starts={self.daemon_starts!r}, also_serves={self.also_serves!r}, services_started={self.services_started!r}, hands_off={self.hands_off!r}, wrapper_traps={self.wrapper_traps!r}, options={self.options!r}, stock_files={self.stock_files!r}, stays_foreground={self.stays_foreground!r}, ends_container={self.ends_container!r}, launchers={self.launchers!r}, wrapper_launchers={self.wrapper_launchers!r}, rewrites={self.rewrites!r}, unseen_config={self.unseen_config!r}, accounts_added={self.accounts_added!r}, image_groups={self.image_groups!r}, arbitrary_uid={self.arbitrary_uid!r}, keeps_caller_uid={self.keeps_caller_uid!r}, stderr_file={self.stderr_file!r}, start_unseen={self.start_unseen!r})"

    __init__.__qualname__ = 'ProcessManager.__init__'
    __repr__.__qualname__ = 'ProcessManager.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m37(_f0, _d1, _d2, _d3, _f4, _d5, _d6, _d7):
    def __init__(self, handler: 'NginxDirective', protocol: 'str', location: 'str', location_at: 'Span', server: 'ServerBlock | None', targets: 'list[Target]' = _FACTORY, upstream: 'str' = _d1, in_if: 'bool' = _d2, place: 'Place' = _d3, directives: 'dict[str, tuple[NginxDirective, ...]]' = _FACTORY, unread_includes: 'tuple[NginxDirective, ...]' = _d5, unseen_includes: 'tuple[NginxDirective, ...]' = _d6, rewritten: 'FileRewrite | None' = _d7) -> None:
        self.handler = handler
        self.protocol = protocol
        self.location = location
        self.location_at = location_at
        self.server = server
        self.targets = _f0() if targets is _FACTORY else targets
        self.upstream = upstream
        self.in_if = in_if
        self.place = place
        self.directives = _f4() if directives is _FACTORY else directives
        self.unread_includes = unread_includes
        self.unseen_includes = unseen_includes
        self.rewritten = rewritten

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(handler={self.handler!r}, protocol={self.protocol!r}, location={self.location!r}, location_at={self.location_at!r}, server={self.server!r}, targets={self.targets!r}, upstream={self.upstream!r}, in_if={self.in_if!r}, place={self.place!r}, directives={self.directives!r}, unread_includes={self.unread_includes!r}, unseen_includes={self.unseen_includes!r}, rewritten={self.rewritten!r})"

    __init__.__qualname__ = 'Route.__init__'
    __repr__.__qualname__ = 'Route.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m38(_d0):
    _s0 = _s1 = _s2 = None
    def __init__(self, address: 'Address', at: 'Span', resolved_later: 'bool' = _d0) -> None:
        _s0(self, address)
        _s1(self, at)
        _s2(self, resolved_later)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(address={self.address!r}, at={self.at!r}, resolved_later={self.resolved_later!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.address,self.at,self.resolved_later,) == (other.address,other.at,other.resolved_later,)
        return NotImplemented

    def __hash__(self):
        return hash((self.address,self.at,self.resolved_later,))

    __init__.__qualname__ = 'Target.__init__'
    __repr__.__qualname__ = 'Target.__repr__'
    __eq__.__qualname__ = 'Target.__eq__'
    __hash__.__qualname__ = 'Target.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m39(_d0, _d1, _d2, _d3):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, family: 'str', host: 'str' = _d0, port: 'int' = _d1, path: 'str' = _d2, text: 'str' = _d3) -> None:
        _s0(self, family)
        _s1(self, host)
        _s2(self, port)
        _s3(self, path)
        _s4(self, text)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(family={self.family!r}, host={self.host!r}, port={self.port!r}, path={self.path!r}, text={self.text!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.family,self.host,self.port,self.path,self.text,) == (other.family,other.host,other.port,other.path,other.text,)
        return NotImplemented

    def __hash__(self):
        return hash((self.family,self.host,self.port,self.path,self.text,))

    __init__.__qualname__ = 'Address.__init__'
    __repr__.__qualname__ = 'Address.__repr__'
    __eq__.__qualname__ = 'Address.__eq__'
    __hash__.__qualname__ = 'Address.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m40(_d0, _f1, _d2, _d3, _d4, _f5, _d6, _d7, _d8, _d9, _d10, _d11, _d12, _d13, _d14, _d15, _d16, _d17, _d18, _d19, _d20, _d21, _d22, _f23, _d24):
    def __init__(self, written: 'str', at: 'Span | None', known: 'bool', source: 'str' = _d0, env: 'dict[str, str]' = _FACTORY, entrypoint: 'tuple[str, ...] | None' = _d2, cmd: 'tuple[str, ...] | None' = _d3, workdir: 'str' = _d4, files: 'dict[str, str]' = _FACTORY, supervisord_config: 'str' = _d6, supervisord_start: 'str' = _d7, programs: 'tuple[StockProgram, ...]' = _d8, supervisord_quits: 'str' = _d9, computed: 'str' = _d10, stop_signal: 'str' = _d11, user: 'str' = _d12, entrypoint_execs: 'str' = _d13, nginx_files: 'frozenset[str] | None' = _d14, nginx_source: 'str' = _d15, nginx_conf_user: 'str' = _d16, renders_templates: 'str' = _d17, bin_sh: 'str' = _d18, nginx_includes: 'tuple[str, ...] | None' = _d19, nginx_includes_source: 'str' = _d20, populated_roots: 'frozenset[str] | None' = _d21, populated_source: 'str' = _d22, known_folders: 'dict[str, tuple[str, ...]]' = _FACTORY, known_folders_source: 'str' = _d24) -> None:
        _set(self, 'written', written)
        _set(self, 'at', at)
        _set(self, 'known', known)
        _set(self, 'source', source)
        _set(self, 'env', _f1() if env is _FACTORY else env)
        _set(self, 'entrypoint', entrypoint)
        _set(self, 'cmd', cmd)
        _set(self, 'workdir', workdir)
        _set(self, 'files', _f5() if files is _FACTORY else files)
        _set(self, 'supervisord_config', supervisord_config)
        _set(self, 'supervisord_start', supervisord_start)
        _set(self, 'programs', programs)
        _set(self, 'supervisord_quits', supervisord_quits)
        _set(self, 'computed', computed)
        _set(self, 'stop_signal', stop_signal)
        _set(self, 'user', user)
        _set(self, 'entrypoint_execs', entrypoint_execs)
        _set(self, 'nginx_files', nginx_files)
        _set(self, 'nginx_source', nginx_source)
        _set(self, 'nginx_conf_user', nginx_conf_user)
        _set(self, 'renders_templates', renders_templates)
        _set(self, 'bin_sh', bin_sh)
        _set(self, 'nginx_includes', nginx_includes)
        _set(self, 'nginx_includes_source', nginx_includes_source)
        _set(self, 'populated_roots', populated_roots)
        _set(self, 'populated_source', populated_source)
        _set(self, 'known_folders', _f23() if known_folders is _FACTORY else known_folders)
        _set(self, 'known_folders_source', known_folders_source)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(written={self.written!r}, at={self.at!r}, known={self.known!r}, source={self.source!r}, env={self.env!r}, entrypoint={self.entrypoint!r}, cmd={self.cmd!r}, workdir={self.workdir!r}, files={self.files!r}, supervisord_config={self.supervisord_config!r}, supervisord_start={self.supervisord_start!r}, programs={self.programs!r}, supervisord_quits={self.supervisord_quits!r}, computed={self.computed!r}, stop_signal={self.stop_signal!r}, user={self.user!r}, entrypoint_execs={self.entrypoint_execs!r}, nginx_files={self.nginx_files!r}, nginx_source={self.nginx_source!r}, nginx_conf_user={self.nginx_conf_user!r}, renders_templates={self.renders_templates!r}, bin_sh={self.bin_sh!r}, nginx_includes={self.nginx_includes!r}, nginx_includes_source={self.nginx_includes_source!r}, populated_roots={self.populated_roots!r}, populated_source={self.populated_source!r}, known_folders={self.known_folders!r}, known_folders_source={self.known_folders_source!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.written,self.at,self.known,self.source,self.env,self.entrypoint,self.cmd,self.workdir,self.files,self.supervisord_config,self.supervisord_start,self.programs,self.supervisord_quits,self.computed,self.stop_signal,self.user,self.entrypoint_execs,self.nginx_files,self.nginx_source,self.nginx_conf_user,self.renders_templates,self.bin_sh,self.nginx_includes,self.nginx_includes_source,self.populated_roots,self.populated_source,self.known_folders,self.known_folders_source,) == (other.written,other.at,other.known,other.source,other.env,other.entrypoint,other.cmd,other.workdir,other.files,other.supervisord_config,other.supervisord_start,other.programs,other.supervisord_quits,other.computed,other.stop_signal,other.user,other.entrypoint_execs,other.nginx_files,other.nginx_source,other.nginx_conf_user,other.renders_templates,other.bin_sh,other.nginx_includes,other.nginx_includes_source,other.populated_roots,other.populated_source,other.known_folders,other.known_folders_source,)
        return NotImplemented

    def __hash__(self):
        return hash((self.written,self.at,self.known,self.source,self.env,self.entrypoint,self.cmd,self.workdir,self.files,self.supervisord_config,self.supervisord_start,self.programs,self.supervisord_quits,self.computed,self.stop_signal,self.user,self.entrypoint_execs,self.nginx_files,self.nginx_source,self.nginx_conf_user,self.renders_templates,self.bin_sh,self.nginx_includes,self.nginx_includes_source,self.populated_roots,self.populated_source,self.known_folders,self.known_folders_source,))

    __init__.__qualname__ = 'BaseImage.__init__'
    __repr__.__qualname__ = 'BaseImage.__repr__'
    __eq__.__qualname__ = 'BaseImage.__eq__'
    __hash__.__qualname__ = 'BaseImage.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m41(_d0):
    def __init__(self, name: 'str', argv: 'tuple[str, ...]', stop_signal: 'str', stop_timeout: 'float', foreground: 'str' = _d0) -> None:
        _set(self, 'name', name)
        _set(self, 'argv', argv)
        _set(self, 'stop_signal', stop_signal)
        _set(self, 'stop_timeout', stop_timeout)
        _set(self, 'foreground', foreground)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, argv={self.argv!r}, stop_signal={self.stop_signal!r}, stop_timeout={self.stop_timeout!r}, foreground={self.foreground!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.argv,self.stop_signal,self.stop_timeout,self.foreground,) == (other.name,other.argv,other.stop_signal,other.stop_timeout,other.foreground,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.argv,self.stop_signal,self.stop_timeout,self.foreground,))

    __init__.__qualname__ = 'StockProgram.__init__'
    __repr__.__qualname__ = 'StockProgram.__repr__'
    __eq__.__qualname__ = 'StockProgram.__eq__'
    __hash__.__qualname__ = 'StockProgram.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m42(_d0, _d1, _d2):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = None
    def __init__(self, service: 'str', name: 'str', at: 'Span', project: 'str', defined: 'bool', elsewhere: 'str' = _d0, unseen: 'str' = _d1, via: 'str' = _d2) -> None:
        _s0(self, service)
        _s1(self, name)
        _s2(self, at)
        _s3(self, project)
        _s4(self, defined)
        _s5(self, elsewhere)
        _s6(self, unseen)
        _s7(self, via)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(service={self.service!r}, name={self.name!r}, at={self.at!r}, project={self.project!r}, defined={self.defined!r}, elsewhere={self.elsewhere!r}, unseen={self.unseen!r}, via={self.via!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.service,self.name,self.at,self.project,self.defined,self.elsewhere,self.unseen,self.via,) == (other.service,other.name,other.at,other.project,other.defined,other.elsewhere,other.unseen,other.via,)
        return NotImplemented

    def __hash__(self):
        return hash((self.service,self.name,self.at,self.project,self.defined,self.elsewhere,self.unseen,self.via,))

    __init__.__qualname__ = 'ComposeDependency.__init__'
    __repr__.__qualname__ = 'ComposeDependency.__repr__'
    __eq__.__qualname__ = 'ComposeDependency.__eq__'
    __hash__.__qualname__ = 'ComposeDependency.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m43(_d0, _d1, _d2, _d3, _d4, _d5, _d6, _f7, _f8, _f9, _d10, _d11, _f12, _f13, _f14, _f15, _d16, _d17, _f18, _f19, _f20, _d21, _f22, _d23, _d24, _f25, _d26, _f27, _d28, _d29):
    def __init__(self, dockerfile: 'str', cmd: 'Setting[list[str]] | None' = _d0, cmd_shell: 'bool' = _d1, entrypoint: 'Setting[list[str]] | None' = _d2, entrypoint_shell: 'bool' = _d3, user: 'Setting[str] | None' = _d4, stop_signal: 'Setting[str] | None' = _d5, workdir: 'Setting[str] | None' = _d6, env: 'dict[str, Setting[str]]' = _FACTORY, args: 'dict[str, str]' = _FACTORY, copies: 'dict[str, str]' = _FACTORY, base: 'BaseImage | None' = _d10, cmd_from_base: 'bool' = _d11, env_unknown: 'dict[str, Setting[str]]' = _FACTORY, open_args: 'set[str]' = _FACTORY, writes: 'list[tuple[str, str]]' = _FACTORY, rewrites: 'dict[str, Setting[str]]' = _FACTORY, shell: 'list[str] | None' = _d16, nginx_daemon_off: 'Setting[bool] | None' = _d17, directories: 'set[str]' = _FACTORY, accounts_added: 'list[Setting[str]]' = _FACTORY, groups: 'dict[str, ImageGroup]' = _FACTORY, arbitrary_uid: 'Setting[str] | None' = _d21, missing_sources: 'list[tuple[str, str, Span, str]]' = _FACTORY, target_missing: 'str' = _d23, stage_names: 'tuple[str, ...]' = _d24, made_executable: 'list[tuple[str, bool]]' = _FACTORY, modes_unknown: 'bool' = _d26, install_steps: 'list[InstallStep]' = _FACTORY, installs_unread: 'Setting[str] | None' = _d28, distribution_nginx: 'Setting[str] | None' = _d29) -> None:
        self.dockerfile = dockerfile
        self.cmd = cmd
        self.cmd_shell = cmd_shell
        self.entrypoint = entrypoint
        self.entrypoint_shell = entrypoint_shell
        self.user = user
        self.stop_signal = stop_signal
        self.workdir = workdir
        self.env = _f7() if env is _FACTORY else env
        self.args = _f8() if args is _FACTORY else args
        self.copies = _f9() if copies is _FACTORY else copies
        self.base = base
        self.cmd_from_base = cmd_from_base
        self.env_unknown = _f12() if env_unknown is _FACTORY else env_unknown
        self.open_args = _f13() if open_args is _FACTORY else open_args
        self.writes = _f14() if writes is _FACTORY else writes
        self.rewrites = _f15() if rewrites is _FACTORY else rewrites
        self.shell = shell
        self.nginx_daemon_off = nginx_daemon_off
        self.directories = _f18() if directories is _FACTORY else directories
        self.accounts_added = _f19() if accounts_added is _FACTORY else accounts_added
        self.groups = _f20() if groups is _FACTORY else groups
        self.arbitrary_uid = arbitrary_uid
        self.missing_sources = _f22() if missing_sources is _FACTORY else missing_sources
        self.target_missing = target_missing
        self.stage_names = stage_names
        self.made_executable = _f25() if made_executable is _FACTORY else made_executable
        self.modes_unknown = modes_unknown
        self.install_steps = _f27() if install_steps is _FACTORY else install_steps
        self.installs_unread = installs_unread
        self.distribution_nginx = distribution_nginx

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(dockerfile={self.dockerfile!r}, cmd={self.cmd!r}, cmd_shell={self.cmd_shell!r}, entrypoint={self.entrypoint!r}, entrypoint_shell={self.entrypoint_shell!r}, user={self.user!r}, stop_signal={self.stop_signal!r}, workdir={self.workdir!r}, env={self.env!r}, args={self.args!r}, copies={self.copies!r}, base={self.base!r}, cmd_from_base={self.cmd_from_base!r}, env_unknown={self.env_unknown!r}, open_args={self.open_args!r}, writes={self.writes!r}, rewrites={self.rewrites!r}, shell={self.shell!r}, nginx_daemon_off={self.nginx_daemon_off!r}, directories={self.directories!r}, accounts_added={self.accounts_added!r}, groups={self.groups!r}, arbitrary_uid={self.arbitrary_uid!r}, missing_sources={self.missing_sources!r}, target_missing={self.target_missing!r}, stage_names={self.stage_names!r}, made_executable={self.made_executable!r}, modes_unknown={self.modes_unknown!r}, install_steps={self.install_steps!r}, installs_unread={self.installs_unread!r}, distribution_nginx={self.distribution_nginx!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.dockerfile,self.cmd,self.cmd_shell,self.entrypoint,self.entrypoint_shell,self.user,self.stop_signal,self.workdir,self.env,self.args,self.copies,self.base,self.cmd_from_base,self.env_unknown,self.open_args,self.writes,self.rewrites,self.shell,self.nginx_daemon_off,self.directories,self.accounts_added,self.groups,self.arbitrary_uid,self.missing_sources,self.target_missing,self.stage_names,self.made_executable,self.modes_unknown,self.install_steps,self.installs_unread,self.distribution_nginx,) == (other.dockerfile,other.cmd,other.cmd_shell,other.entrypoint,other.entrypoint_shell,other.user,other.stop_signal,other.workdir,other.env,other.args,other.copies,other.base,other.cmd_from_base,other.env_unknown,other.open_args,other.writes,other.rewrites,other.shell,other.nginx_daemon_off,other.directories,other.accounts_added,other.groups,other.arbitrary_uid,other.missing_sources,other.target_missing,other.stage_names,other.made_executable,other.modes_unknown,other.install_steps,other.installs_unread,other.distribution_nginx,)
        return NotImplemented

    __init__.__qualname__ = 'Image.__init__'
    __repr__.__qualname__ = 'Image.__repr__'
    __eq__.__qualname__ = 'Image.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m44(_d0, _f1, _d2, _d3, _d4):
    def __init__(self, name: 'str', node: 'Node', key: 'str', image: 'Image | None' = _d0, volumes: 'list[tuple[str, str]]' = _FACTORY, networks: 'tuple[str, ...]' = _d2, hostnames: 'tuple[str, ...]' = _d3, lookup: 'tuple[tuple[str, ...], str]' = _d4) -> None:
        self.name = name
        self.node = node
        self.key = key
        self.image = image
        self.volumes = _f1() if volumes is _FACTORY else volumes
        self.networks = networks
        self.hostnames = hostnames
        self.lookup = lookup

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, node={self.node!r}, key={self.key!r}, image={self.image!r}, volumes={self.volumes!r}, networks={self.networks!r}, hostnames={self.hostnames!r}, lookup={self.lookup!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.node,self.key,self.image,self.volumes,self.networks,self.hostnames,self.lookup,) == (other.name,other.node,other.key,other.image,other.volumes,other.networks,other.hostnames,other.lookup,)
        return NotImplemented

    __init__.__qualname__ = 'Service.__init__'
    __repr__.__qualname__ = 'Service.__repr__'
    __eq__.__qualname__ = 'Service.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m45():
    _s0 = _s1 = _s2 = None
    def __init__(self, name: 'str', manager: 'str', at: 'Span') -> None:
        _s0(self, name)
        _s1(self, manager)
        _s2(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, manager={self.manager!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.manager,self.at,) == (other.name,other.manager,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.manager,self.at,))

    __init__.__qualname__ = 'ControlledProgram.__init__'
    __repr__.__qualname__ = 'ControlledProgram.__repr__'
    __eq__.__qualname__ = 'ControlledProgram.__eq__'
    __hash__.__qualname__ = 'ControlledProgram.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m46():
    _s0 = _s1 = _s2 = None
    def __init__(self, program: 'str', argv: 'tuple[str, ...]', at: 'Span') -> None:
        _s0(self, program)
        _s1(self, argv)
        _s2(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(program={self.program!r}, argv={self.argv!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.program,self.argv,self.at,) == (other.program,other.argv,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.program,self.argv,self.at,))

    __init__.__qualname__ = 'ScriptStart.__init__'
    __repr__.__qualname__ = 'ScriptStart.__repr__'
    __eq__.__qualname__ = 'ScriptStart.__eq__'
    __hash__.__qualname__ = 'ScriptStart.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m47():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, variable: 'str', url: 'str', port: 'int', at: 'Span') -> None:
        _s0(self, variable)
        _s1(self, url)
        _s2(self, port)
        _s3(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(variable={self.variable!r}, url={self.url!r}, port={self.port!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.variable,self.url,self.port,self.at,) == (other.variable,other.url,other.port,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.variable,self.url,self.port,self.at,))

    __init__.__qualname__ = 'BrowserUrl.__init__'
    __repr__.__qualname__ = 'BrowserUrl.__repr__'
    __eq__.__qualname__ = 'BrowserUrl.__eq__'
    __hash__.__qualname__ = 'BrowserUrl.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m48():
    _s0 = _s1 = _s2 = None
    def __init__(self, path: 'str', exact: 'bool', at: 'Span') -> None:
        _s0(self, path)
        _s1(self, exact)
        _s2(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, exact={self.exact!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.exact,self.at,) == (other.path,other.exact,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.exact,self.at,))

    __init__.__qualname__ = 'HostFolder.__init__'
    __repr__.__qualname__ = 'HostFolder.__repr__'
    __eq__.__qualname__ = 'HostFolder.__eq__'
    __hash__.__qualname__ = 'HostFolder.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m49():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = None
    def __init__(self, manager: 'ProcessManager', program: 'str', argv: 'Setting[list[str]] | None', user: 'Setting[str] | None', place: 'Place', server: 'AppServer | None') -> None:
        _s0(self, manager)
        _s1(self, program)
        _s2(self, argv)
        _s3(self, user)
        _s4(self, place)
        _s5(self, server)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5
        _s0, _s1, _s2, _s3, _s4, _s5, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(manager={self.manager!r}, program={self.program!r}, argv={self.argv!r}, user={self.user!r}, place={self.place!r}, server={self.server!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.manager,self.program,self.argv,self.user,self.place,self.server,) == (other.manager,other.program,other.argv,other.user,other.place,other.server,)
        return NotImplemented

    def __hash__(self):
        return hash((self.manager,self.program,self.argv,self.user,self.place,self.server,))

    __init__.__qualname__ = 'Launch.__init__'
    __repr__.__qualname__ = 'Launch.__repr__'
    __eq__.__qualname__ = 'Launch.__eq__'
    __hash__.__qualname__ = 'Launch.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m50(_d0, _d1, _d2, _d3, _d4, _d5, _d6, _d7, _d8, _d9, _d10, _d11, _d12, _d13, _d14):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = _s9 = _s10 = _s11 = _s12 = _s13 = _s14 = _s15 = None
    def __init__(self, name: 'str', kind: 'str' = _d0, network: 'str' = _d1, mounts: 'str' = _d2, volumes: 'tuple[tuple[str, str], ...]' = _d3, networks: 'tuple[str, ...]' = _d4, hostnames: 'tuple[str, ...]' = _d5, published: 'tuple[Published, ...]' = _d6, label: 'str' = _d7, started_with: 'str' = _d8, run_unseen: 'bool' = _d9, numbered: 'str' = _d10, extra_names: 'tuple[str, ...]' = _d11, names_open: 'str' = _d12, dev_container: 'Setting[str] | None' = _d13, browser_urls: 'tuple[BrowserUrl, ...]' = _d14) -> None:
        _s0(self, name)
        _s1(self, kind)
        _s2(self, network)
        _s3(self, mounts)
        _s4(self, volumes)
        _s5(self, networks)
        _s6(self, hostnames)
        _s7(self, published)
        _s8(self, label)
        _s9(self, started_with)
        _s10(self, run_unseen)
        _s11(self, numbered)
        _s12(self, extra_names)
        _s13(self, names_open)
        _s14(self, dev_container)
        _s15(self, browser_urls)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, _s11, _s12, _s13, _s14, _s15
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, _s11, _s12, _s13, _s14, _s15, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, kind={self.kind!r}, network={self.network!r}, mounts={self.mounts!r}, volumes={self.volumes!r}, networks={self.networks!r}, hostnames={self.hostnames!r}, published={self.published!r}, label={self.label!r}, started_with={self.started_with!r}, run_unseen={self.run_unseen!r}, numbered={self.numbered!r}, extra_names={self.extra_names!r}, names_open={self.names_open!r}, dev_container={self.dev_container!r}, browser_urls={self.browser_urls!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.kind,self.network,self.mounts,self.volumes,self.networks,self.hostnames,self.published,self.label,self.started_with,self.run_unseen,self.numbered,) == (other.name,other.kind,other.network,other.mounts,other.volumes,other.networks,other.hostnames,other.published,other.label,other.started_with,other.run_unseen,other.numbered,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.kind,self.network,self.mounts,self.volumes,self.networks,self.hostnames,self.published,self.label,self.started_with,self.run_unseen,self.numbered,))

    __init__.__qualname__ = 'Place.__init__'
    __repr__.__qualname__ = 'Place.__repr__'
    __eq__.__qualname__ = 'Place.__eq__'
    __hash__.__qualname__ = 'Place.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m51(_d0):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, container_port: 'int', host_ip: 'str', host_port: 'int', at: 'Span | None' = _d0) -> None:
        _s0(self, container_port)
        _s1(self, host_ip)
        _s2(self, host_port)
        _s3(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(container_port={self.container_port!r}, host_ip={self.host_ip!r}, host_port={self.host_port!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.container_port,self.host_ip,self.host_port,self.at,) == (other.container_port,other.host_ip,other.host_port,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.container_port,self.host_ip,self.host_port,self.at,))

    __init__.__qualname__ = 'Published.__init__'
    __repr__.__qualname__ = 'Published.__repr__'
    __eq__.__qualname__ = 'Published.__eq__'
    __hash__.__qualname__ = 'Published.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m52():
    _s0 = _s1 = _s2 = None
    def __init__(self, route: 'Route', target: 'Target', listeners: 'tuple[Listener, ...]') -> None:
        _s0(self, route)
        _s1(self, target)
        _s2(self, listeners)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(route={self.route!r}, target={self.target!r}, listeners={self.listeners!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.route,self.target,self.listeners,) == (other.route,other.target,other.listeners,)
        return NotImplemented

    def __hash__(self):
        return hash((self.route,self.target,self.listeners,))

    __init__.__qualname__ = 'Reach.__init__'
    __repr__.__qualname__ = 'Reach.__repr__'
    __eq__.__qualname__ = 'Reach.__eq__'
    __hash__.__qualname__ = 'Reach.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m53():
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, name: 'str', at: 'Span', source: 'str', written: 'str', default: 'str | None') -> None:
        _s0(self, name)
        _s1(self, at)
        _s2(self, source)
        _s3(self, written)
        _s4(self, default)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, at={self.at!r}, source={self.source!r}, written={self.written!r}, default={self.default!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.at,self.source,self.written,self.default,) == (other.name,other.at,other.source,other.written,other.default,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.at,self.source,self.written,self.default,))

    __init__.__qualname__ = 'GunicornAnnotation.__init__'
    __repr__.__qualname__ = 'GunicornAnnotation.__repr__'
    __eq__.__qualname__ = 'GunicornAnnotation.__eq__'
    __hash__.__qualname__ = 'GunicornAnnotation.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m54():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, path: 'str', settings: 'tuple[Option, ...]', other_names: 'tuple[GunicornName, ...]', annotations: 'tuple[GunicornAnnotation, ...]') -> None:
        _s0(self, path)
        _s1(self, settings)
        _s2(self, other_names)
        _s3(self, annotations)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, settings={self.settings!r}, other_names={self.other_names!r}, annotations={self.annotations!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.settings,self.other_names,self.annotations,) == (other.path,other.settings,other.other_names,other.annotations,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.settings,self.other_names,self.annotations,))

    __init__.__qualname__ = 'GunicornConfigFile.__init__'
    __repr__.__qualname__ = 'GunicornConfigFile.__repr__'
    __eq__.__qualname__ = 'GunicornConfigFile.__eq__'
    __hash__.__qualname__ = 'GunicornConfigFile.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m55(_d0, _d1):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = None
    def __init__(self, name: 'str', at: 'Span', unresolved: 'bool', referenced: 'bool', meant: 'str | None', value: 'object' = _d0, meant_default: 'bool' = _d1) -> None:
        _s0(self, name)
        _s1(self, at)
        _s2(self, unresolved)
        _s3(self, referenced)
        _s4(self, meant)
        _s5(self, value)
        _s6(self, meant_default)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, at={self.at!r}, unresolved={self.unresolved!r}, referenced={self.referenced!r}, meant={self.meant!r}, value={self.value!r}, meant_default={self.meant_default!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.at,self.unresolved,self.referenced,self.meant,self.value,self.meant_default,) == (other.name,other.at,other.unresolved,other.referenced,other.meant,other.value,other.meant_default,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.at,self.unresolved,self.referenced,self.meant,self.value,self.meant_default,))

    __init__.__qualname__ = 'GunicornName.__init__'
    __repr__.__qualname__ = 'GunicornName.__repr__'
    __eq__.__qualname__ = 'GunicornName.__eq__'
    __hash__.__qualname__ = 'GunicornName.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m56(_d0, _d1):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, at: 'Span', command: 'str', names: 'tuple[str, ...]' = _d0, reads: 'tuple[tuple[str, str], ...]' = _d1) -> None:
        _s0(self, at)
        _s1(self, command)
        _s2(self, names)
        _s3(self, reads)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(at={self.at!r}, command={self.command!r}, names={self.names!r}, reads={self.reads!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.at,self.command,self.names,self.reads,) == (other.at,other.command,other.names,other.reads,)
        return NotImplemented

    def __hash__(self):
        return hash((self.at,self.command,self.names,self.reads,))

    __init__.__qualname__ = 'InstallStep.__init__'
    __repr__.__qualname__ = 'InstallStep.__repr__'
    __eq__.__qualname__ = 'InstallStep.__eq__'
    __hash__.__qualname__ = 'InstallStep.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m57(_d0, _d1):
    _s0 = _s1 = None
    def __init__(self, steps: 'tuple[InstallStep, ...]' = _d0, unread: 'str' = _d1) -> None:
        _s0(self, steps)
        _s1(self, unread)

    def _bind(setters):
        nonlocal _s0, _s1
        _s0, _s1, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(steps={self.steps!r}, unread={self.unread!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.steps,self.unread,) == (other.steps,other.unread,)
        return NotImplemented

    def __hash__(self):
        return hash((self.steps,self.unread,))

    __init__.__qualname__ = 'RunInstalls.__init__'
    __repr__.__qualname__ = 'RunInstalls.__repr__'
    __eq__.__qualname__ = 'RunInstalls.__eq__'
    __hash__.__qualname__ = 'RunInstalls.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m58(_d0, _d1, _d2, _d3):
    def __init__(self, items: 'Iterator[NginxStatement | int]', role: 'int', scope: 'NginxScope | None', block: 'str', upstreams: 'bool', checked: 'bool', recorded: 'bool', upstream: 'NginxUpstream | None' = _d0, own: 'dict[str, list[NginxDirective]] | None' = _d1, opened: 'bool' = _d2, unkept: 'bool' = _d3) -> None:
        self.items = items
        self.role = role
        self.scope = scope
        self.block = block
        self.upstreams = upstreams
        self.checked = checked
        self.recorded = recorded
        self.upstream = upstream
        self.own = own
        self.opened = opened
        self.unkept = unkept

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(items={self.items!r}, role={self.role!r}, scope={self.scope!r}, block={self.block!r}, upstreams={self.upstreams!r}, checked={self.checked!r}, recorded={self.recorded!r}, upstream={self.upstream!r}, own={self.own!r}, opened={self.opened!r}, unkept={self.unkept!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.items,self.role,self.scope,self.block,self.upstreams,self.checked,self.recorded,self.upstream,self.own,self.opened,self.unkept,) == (other.items,other.role,other.scope,other.block,other.upstreams,other.checked,other.recorded,other.upstream,other.own,other.opened,other.unkept,)
        return NotImplemented

    __init__.__qualname__ = '_Frame.__init__'
    __repr__.__qualname__ = '_Frame.__repr__'
    __eq__.__qualname__ = '_Frame.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m59():
    def __init__(self, directives: 'list[NginxDirective]', unknown: 'list[NginxDirective]', by_name: 'tuple[tuple[str, list[NginxDirective]], ...] | None') -> None:
        self.directives = directives
        self.unknown = unknown
        self.by_name = by_name

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(directives={self.directives!r}, unknown={self.unknown!r}, by_name={self.by_name!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.directives,self.unknown,self.by_name,) == (other.directives,other.unknown,other.by_name,)
        return NotImplemented

    __init__.__qualname__ = '_Replay.__init__'
    __repr__.__qualname__ = '_Replay.__repr__'
    __eq__.__qualname__ = '_Replay.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m60(_f0, _f1):
    def __init__(self, *, at: 'Span', block: 'NginxDirective | None', parent: 'NginxScope | None', own: 'dict[str, tuple[NginxDirective, ...]]' = _FACTORY, servers: 'list[NginxServer]' = _FACTORY) -> None:
        self.at = at
        self.block = block
        self.parent = parent
        self.own = _f0() if own is _FACTORY else own
        self.servers = _f1() if servers is _FACTORY else servers

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(at={self.at!r}, block={self.block!r}, parent={self.parent!r}, own={self.own!r}, servers={self.servers!r})"

    __init__.__qualname__ = 'NginxHttp.__init__'
    __repr__.__qualname__ = 'NginxHttp.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m61(_f0, _d1, _d2):
    def __init__(self, *, at: 'Span', block: 'NginxDirective | None', parent: 'NginxScope | None', own: 'dict[str, tuple[NginxDirective, ...]]' = _FACTORY, locations: 'Sequence[NginxLocation]' = _d1, handler: 'NginxDirective | None' = _d2) -> None:
        self.at = at
        self.block = block
        self.parent = parent
        self.own = _f0() if own is _FACTORY else own
        self.locations = locations
        self.handler = handler

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(at={self.at!r}, block={self.block!r}, parent={self.parent!r}, own={self.own!r}, locations={self.locations!r}, handler={self.handler!r})"

    __init__.__qualname__ = 'NginxLocation.__init__'
    __repr__.__qualname__ = 'NginxLocation.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m62(_f0):
    def __init__(self, *, at: 'Span', block: 'NginxDirective | None', parent: 'NginxScope | None', own: 'dict[str, tuple[NginxDirective, ...]]' = _FACTORY) -> None:
        self.at = at
        self.block = block
        self.parent = parent
        self.own = _f0() if own is _FACTORY else own

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(at={self.at!r}, block={self.block!r}, parent={self.parent!r}, own={self.own!r})"

    __init__.__qualname__ = 'NginxScope.__init__'
    __repr__.__qualname__ = 'NginxScope.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m63(_f0, _d1, _d2):
    def __init__(self, *, at: 'Span', block: 'NginxDirective | None', parent: 'NginxScope | None', own: 'dict[str, tuple[NginxDirective, ...]]' = _FACTORY, locations: 'Sequence[NginxLocation]' = _d1, passed_over: 'Setting[str] | None' = _d2) -> None:
        self.at = at
        self.block = block
        self.parent = parent
        self.own = _f0() if own is _FACTORY else own
        self.locations = locations
        self.passed_over = passed_over

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(at={self.at!r}, block={self.block!r}, parent={self.parent!r}, own={self.own!r}, locations={self.locations!r}, passed_over={self.passed_over!r})"

    __init__.__qualname__ = 'NginxServer.__init__'
    __repr__.__qualname__ = 'NginxServer.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m64(_f0):
    _s0 = _s1 = _s2 = None
    def __init__(self, name: 'str', block: 'NginxDirective', servers: 'list[NginxDirective]' = _FACTORY) -> None:
        _s0(self, name)
        _s1(self, block)
        _s2(self, _f0() if servers is _FACTORY else servers)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, block={self.block!r}, servers={self.servers!r})"

    __init__.__qualname__ = 'NginxUpstream.__init__'
    __repr__.__qualname__ = 'NginxUpstream.__repr__'
    return {'__init__': __init__, '__repr__': __repr__, '_bind': _bind}


def _m65():
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, path: 'str', owner: 'Setting[str]', group: 'Setting[str] | None', mode: 'Setting[int]', created_by: 'Setting[str]') -> None:
        _s0(self, path)
        _s1(self, owner)
        _s2(self, group)
        _s3(self, mode)
        _s4(self, created_by)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, owner={self.owner!r}, group={self.group!r}, mode={self.mode!r}, created_by={self.created_by!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.owner,self.group,self.mode,self.created_by,) == (other.path,other.owner,other.group,other.mode,other.created_by,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.owner,self.group,self.mode,self.created_by,))

    __init__.__qualname__ = 'CreatedDirectory.__init__'
    __repr__.__qualname__ = 'CreatedDirectory.__repr__'
    __eq__.__qualname__ = 'CreatedDirectory.__eq__'
    __hash__.__qualname__ = 'CreatedDirectory.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m66():
    _s0 = _s1 = None
    def __init__(self, text: 'str', at: 'Span') -> None:
        _s0(self, text)
        _s1(self, at)

    def _bind(setters):
        nonlocal _s0, _s1
        _s0, _s1, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.at,) == (other.text,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text,self.at,))

    __init__.__qualname__ = 'SupervisorComment.__init__'
    __repr__.__qualname__ = 'SupervisorComment.__repr__'
    __eq__.__qualname__ = 'SupervisorComment.__eq__'
    __hash__.__qualname__ = 'SupervisorComment.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m67():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = None
    def __init__(self, path: 'str', files: 'tuple[str, ...]', sections: 'tuple[SupervisorSection, ...]', processes: 'tuple[SupervisorProcess, ...]', control_servers: 'tuple[SupervisorControlServer, ...]', serverurl: 'SupervisorValue | None', client_url: 'str | None', client_target: 'Address | None', unmatched_includes: 'tuple[SupervisorUnmatchedInclude, ...]') -> None:
        _s0(self, path)
        _s1(self, files)
        _s2(self, sections)
        _s3(self, processes)
        _s4(self, control_servers)
        _s5(self, serverurl)
        _s6(self, client_url)
        _s7(self, client_target)
        _s8(self, unmatched_includes)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, files={self.files!r}, sections={self.sections!r}, processes={self.processes!r}, control_servers={self.control_servers!r}, serverurl={self.serverurl!r}, client_url={self.client_url!r}, client_target={self.client_target!r}, unmatched_includes={self.unmatched_includes!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.files,self.sections,self.processes,self.control_servers,self.serverurl,self.client_url,self.client_target,self.unmatched_includes,) == (other.path,other.files,other.sections,other.processes,other.control_servers,other.serverurl,other.client_url,other.client_target,other.unmatched_includes,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.files,self.sections,self.processes,self.control_servers,self.serverurl,self.client_url,self.client_target,self.unmatched_includes,))

    __init__.__qualname__ = 'SupervisorConfig.__init__'
    __repr__.__qualname__ = 'SupervisorConfig.__repr__'
    __eq__.__qualname__ = 'SupervisorConfig.__eq__'
    __hash__.__qualname__ = 'SupervisorConfig.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m68(_d0):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, section: 'SupervisorSection', value: 'SupervisorValue | None', address: 'Address | None', socket_group: 'str' = _d0) -> None:
        _s0(self, section)
        _s1(self, value)
        _s2(self, address)
        _s3(self, socket_group)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(section={self.section!r}, value={self.value!r}, address={self.address!r}, socket_group={self.socket_group!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.section,self.value,self.address,self.socket_group,) == (other.section,other.value,other.address,other.socket_group,)
        return NotImplemented

    def __hash__(self):
        return hash((self.section,self.value,self.address,self.socket_group,))

    __init__.__qualname__ = 'SupervisorControlServer.__init__'
    __repr__.__qualname__ = 'SupervisorControlServer.__repr__'
    __eq__.__qualname__ = 'SupervisorControlServer.__eq__'
    __hash__.__qualname__ = 'SupervisorControlServer.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m69(_d0, _d1):
    _s0 = _s1 = _s2 = None
    def __init__(self, values: 'Mapping[str, str]', dropped: 'tuple[str, ...]' = _d0, error: 'str' = _d1) -> None:
        _s0(self, values)
        _s1(self, dropped)
        _s2(self, error)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(values={self.values!r}, dropped={self.dropped!r}, error={self.error!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.values,self.dropped,self.error,) == (other.values,other.dropped,other.error,)
        return NotImplemented

    def __hash__(self):
        return hash((self.values,self.dropped,self.error,))

    __init__.__qualname__ = 'SupervisorEnvironment.__init__'
    __repr__.__qualname__ = 'SupervisorEnvironment.__repr__'
    __eq__.__qualname__ = 'SupervisorEnvironment.__eq__'
    __hash__.__qualname__ = 'SupervisorEnvironment.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m70(_d0, _d1, _d2, _d3):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, text: 'str', unresolved: 'tuple[str, ...]' = _d0, error: 'str' = _d1, bad_format: 'str' = _d2, whole_environment: 'bool' = _d3) -> None:
        _s0(self, text)
        _s1(self, unresolved)
        _s2(self, error)
        _s3(self, bad_format)
        _s4(self, whole_environment)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, unresolved={self.unresolved!r}, error={self.error!r}, bad_format={self.bad_format!r}, whole_environment={self.whole_environment!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.unresolved,self.error,self.bad_format,self.whole_environment,) == (other.text,other.unresolved,other.error,other.bad_format,other.whole_environment,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text,self.unresolved,self.error,self.bad_format,self.whole_environment,))

    __init__.__qualname__ = 'SupervisorExpansion.__init__'
    __repr__.__qualname__ = 'SupervisorExpansion.__repr__'
    __eq__.__qualname__ = 'SupervisorExpansion.__eq__'
    __hash__.__qualname__ = 'SupervisorExpansion.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m71():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = None
    def __init__(self, section: 'SupervisorSection', name: 'str', group: 'str', number: 'int', command: 'SupervisorExpansion | None', argv: 'tuple[str, ...] | None', argv_error: 'str', environment: 'Mapping[str, Setting[str]]', environment_dropped: 'tuple[str, ...]') -> None:
        _s0(self, section)
        _s1(self, name)
        _s2(self, group)
        _s3(self, number)
        _s4(self, command)
        _s5(self, argv)
        _s6(self, argv_error)
        _s7(self, environment)
        _s8(self, environment_dropped)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(section={self.section!r}, name={self.name!r}, group={self.group!r}, number={self.number!r}, command={self.command!r}, argv={self.argv!r}, argv_error={self.argv_error!r}, environment={self.environment!r}, environment_dropped={self.environment_dropped!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.section,self.name,self.group,self.number,self.command,self.argv,self.argv_error,self.environment,self.environment_dropped,) == (other.section,other.name,other.group,other.number,other.command,other.argv,other.argv_error,other.environment,other.environment_dropped,)
        return NotImplemented

    def __hash__(self):
        return hash((self.section,self.name,self.group,self.number,self.command,self.argv,self.argv_error,self.environment,self.environment_dropped,))

    __init__.__qualname__ = 'SupervisorProcess.__init__'
    __repr__.__qualname__ = 'SupervisorProcess.__repr__'
    __eq__.__qualname__ = 'SupervisorProcess.__eq__'
    __hash__.__qualname__ = 'SupervisorProcess.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m72():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = None
    def __init__(self, name: 'str', kind: 'str', label: 'str', at: 'Span', headers: 'tuple[Span, ...]', keys: 'Mapping[str, SupervisorValue]', effective: 'Mapping[str, SupervisorValue]') -> None:
        _s0(self, name)
        _s1(self, kind)
        _s2(self, label)
        _s3(self, at)
        _s4(self, headers)
        _s5(self, keys)
        _s6(self, effective)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, kind={self.kind!r}, label={self.label!r}, at={self.at!r}, headers={self.headers!r}, keys={self.keys!r}, effective={self.effective!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.kind,self.label,self.at,self.headers,self.keys,self.effective,) == (other.name,other.kind,other.label,other.at,other.headers,other.keys,other.effective,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.kind,self.label,self.at,self.headers,self.keys,self.effective,))

    __init__.__qualname__ = 'SupervisorSection.__init__'
    __repr__.__qualname__ = 'SupervisorSection.__repr__'
    __eq__.__qualname__ = 'SupervisorSection.__eq__'
    __hash__.__qualname__ = 'SupervisorSection.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m73():
    _s0 = _s1 = _s2 = None
    def __init__(self, pattern: 'str', at: 'Span', certain: 'bool') -> None:
        _s0(self, pattern)
        _s1(self, at)
        _s2(self, certain)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(pattern={self.pattern!r}, at={self.at!r}, certain={self.certain!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.pattern,self.at,self.certain,) == (other.pattern,other.at,other.certain,)
        return NotImplemented

    def __hash__(self):
        return hash((self.pattern,self.at,self.certain,))

    __init__.__qualname__ = 'SupervisorUnmatchedInclude.__init__'
    __repr__.__qualname__ = 'SupervisorUnmatchedInclude.__repr__'
    __eq__.__qualname__ = 'SupervisorUnmatchedInclude.__eq__'
    __hash__.__qualname__ = 'SupervisorUnmatchedInclude.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m74(_d0, _d1, _d2, _d3, _d4):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = _s9 = _s10 = _s11 = _s12 = _s13 = None
    def __init__(self, key: 'str', raw: 'str', at: 'Span', key_column: 'int', key_end: 'int', end_line: 'int', comments: 'tuple[SupervisorComment, ...]', from_default: 'bool', expanded: 'SupervisorExpansion', formatted_twice: 'bool' = _d0, datatype: 'str' = _d1, parsed: 'Parsed | None' = _d2, error: 'str' = _d3, environment: 'SupervisorEnvironment | None' = _d4) -> None:
        _s0(self, key)
        _s1(self, raw)
        _s2(self, at)
        _s3(self, key_column)
        _s4(self, key_end)
        _s5(self, end_line)
        _s6(self, comments)
        _s7(self, from_default)
        _s8(self, expanded)
        _s9(self, formatted_twice)
        _s10(self, datatype)
        _s11(self, parsed)
        _s12(self, error)
        _s13(self, environment)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, _s11, _s12, _s13
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, _s11, _s12, _s13, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(key={self.key!r}, raw={self.raw!r}, at={self.at!r}, key_column={self.key_column!r}, key_end={self.key_end!r}, end_line={self.end_line!r}, comments={self.comments!r}, from_default={self.from_default!r}, expanded={self.expanded!r}, formatted_twice={self.formatted_twice!r}, datatype={self.datatype!r}, parsed={self.parsed!r}, error={self.error!r}, environment={self.environment!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.key,self.raw,self.at,self.key_column,self.key_end,self.end_line,self.comments,self.from_default,self.expanded,self.formatted_twice,self.datatype,self.parsed,self.error,self.environment,) == (other.key,other.raw,other.at,other.key_column,other.key_end,other.end_line,other.comments,other.from_default,other.expanded,other.formatted_twice,other.datatype,other.parsed,other.error,other.environment,)
        return NotImplemented

    def __hash__(self):
        return hash((self.key,self.raw,self.at,self.key_column,self.key_end,self.end_line,self.comments,self.from_default,self.expanded,self.formatted_twice,self.datatype,self.parsed,self.error,self.environment,))

    __init__.__qualname__ = 'SupervisorValue.__init__'
    __repr__.__qualname__ = 'SupervisorValue.__repr__'
    __eq__.__qualname__ = 'SupervisorValue.__eq__'
    __hash__.__qualname__ = 'SupervisorValue.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m75():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, patterns: 'tuple[str, ...]', reason: 'str', at: 'Span', line: 'int') -> None:
        _s0(self, patterns)
        _s1(self, reason)
        _s2(self, at)
        _s3(self, line)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(patterns={self.patterns!r}, reason={self.reason!r}, at={self.at!r}, line={self.line!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.patterns,self.reason,self.at,self.line,) == (other.patterns,other.reason,other.at,other.line,)
        return NotImplemented

    def __hash__(self):
        return hash((self.patterns,self.reason,self.at,self.line,))

    __init__.__qualname__ = 'Suppression.__init__'
    __repr__.__qualname__ = 'Suppression.__repr__'
    __eq__.__qualname__ = 'Suppression.__eq__'
    __hash__.__qualname__ = 'Suppression.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m76():
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, prefixes: 'str', argv: 'tuple[str, ...]', at: 'Span', error: 'str', unresolved: 'bool') -> None:
        _s0(self, prefixes)
        _s1(self, argv)
        _s2(self, at)
        _s3(self, error)
        _s4(self, unresolved)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(prefixes={self.prefixes!r}, argv={self.argv!r}, at={self.at!r}, error={self.error!r}, unresolved={self.unresolved!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.prefixes,self.argv,self.at,self.error,self.unresolved,) == (other.prefixes,other.argv,other.at,other.error,other.unresolved,)
        return NotImplemented

    def __hash__(self):
        return hash((self.prefixes,self.argv,self.at,self.error,self.unresolved,))

    __init__.__qualname__ = 'ExecLine.__init__'
    __repr__.__qualname__ = 'ExecLine.__repr__'
    __eq__.__qualname__ = 'ExecLine.__eq__'
    __hash__.__qualname__ = 'ExecLine.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m77():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = None
    def __init__(self, entry: 'UnitEntry', path: 'str', folder: 'str', status: 'str', setting: 'UnitEntry', mode: 'str') -> None:
        _s0(self, entry)
        _s1(self, path)
        _s2(self, folder)
        _s3(self, status)
        _s4(self, setting)
        _s5(self, mode)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5
        _s0, _s1, _s2, _s3, _s4, _s5, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(entry={self.entry!r}, path={self.path!r}, folder={self.folder!r}, status={self.status!r}, setting={self.setting!r}, mode={self.mode!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.entry,self.path,self.folder,self.status,self.setting,self.mode,) == (other.entry,other.path,other.folder,other.status,other.setting,other.mode,)
        return NotImplemented

    def __hash__(self):
        return hash((self.entry,self.path,self.folder,self.status,self.setting,self.mode,))

    __init__.__qualname__ = 'HiddenStart.__init__'
    __repr__.__qualname__ = 'HiddenStart.__repr__'
    __eq__.__qualname__ = 'HiddenStart.__eq__'
    __hash__.__qualname__ = 'HiddenStart.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m78(_d0, _d1):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = _s9 = _s10 = None
    def __init__(self, name: 'str', kind: 'str', path: 'str', systemd_version: 'str', user_unit: 'bool', sections: 'tuple[UnitSection, ...]', entries: 'tuple[UnitEntry, ...]', dropins: 'tuple[str, ...]', manager: 'ProcessManager | None', ignored_lines: 'tuple[tuple[str, Span], ...]' = _d0, hidden_start: 'HiddenStart | None' = _d1) -> None:
        _s0(self, name)
        _s1(self, kind)
        _s2(self, path)
        _s3(self, systemd_version)
        _s4(self, user_unit)
        _s5(self, sections)
        _s6(self, entries)
        _s7(self, dropins)
        _s8(self, manager)
        _s9(self, ignored_lines)
        _s10(self, hidden_start)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, kind={self.kind!r}, path={self.path!r}, systemd_version={self.systemd_version!r}, user_unit={self.user_unit!r}, sections={self.sections!r}, entries={self.entries!r}, dropins={self.dropins!r}, manager={self.manager!r}, ignored_lines={self.ignored_lines!r}, hidden_start={self.hidden_start!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.kind,self.path,self.systemd_version,self.user_unit,self.sections,self.entries,self.dropins,self.manager,self.ignored_lines,self.hidden_start,) == (other.name,other.kind,other.path,other.systemd_version,other.user_unit,other.sections,other.entries,other.dropins,other.manager,other.ignored_lines,other.hidden_start,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.kind,self.path,self.systemd_version,self.user_unit,self.sections,self.entries,self.dropins,self.manager,self.ignored_lines,self.hidden_start,))

    __init__.__qualname__ = 'SystemdUnit.__init__'
    __repr__.__qualname__ = 'SystemdUnit.__repr__'
    __eq__.__qualname__ = 'SystemdUnit.__eq__'
    __hash__.__qualname__ = 'SystemdUnit.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m79():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = _s9 = _s10 = None
    def __init__(self, section: 'str', key: 'str', value: 'str', at: 'Span', key_column: 'int', key_end: 'int', known: 'bool | None', meant: 'str | None', boolean: 'bool | None', command: 'ExecLine | None', misspelt_targets: 'tuple[tuple[str, str], ...]') -> None:
        _s0(self, section)
        _s1(self, key)
        _s2(self, value)
        _s3(self, at)
        _s4(self, key_column)
        _s5(self, key_end)
        _s6(self, known)
        _s7(self, meant)
        _s8(self, boolean)
        _s9(self, command)
        _s10(self, misspelt_targets)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(section={self.section!r}, key={self.key!r}, value={self.value!r}, at={self.at!r}, key_column={self.key_column!r}, key_end={self.key_end!r}, known={self.known!r}, meant={self.meant!r}, boolean={self.boolean!r}, command={self.command!r}, misspelt_targets={self.misspelt_targets!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.section,self.key,self.value,self.at,self.key_column,self.key_end,self.known,self.meant,self.boolean,self.command,self.misspelt_targets,) == (other.section,other.key,other.value,other.at,other.key_column,other.key_end,other.known,other.meant,other.boolean,other.command,other.misspelt_targets,)
        return NotImplemented

    def __hash__(self):
        return hash((self.section,self.key,self.value,self.at,self.key_column,self.key_end,self.known,self.meant,self.boolean,self.command,self.misspelt_targets,))

    __init__.__qualname__ = 'UnitEntry.__init__'
    __repr__.__qualname__ = 'UnitEntry.__repr__'
    __eq__.__qualname__ = 'UnitEntry.__eq__'
    __hash__.__qualname__ = 'UnitEntry.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m80():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, name: 'str', at: 'Span', known: 'bool | None', meant: 'str | None') -> None:
        _s0(self, name)
        _s1(self, at)
        _s2(self, known)
        _s3(self, meant)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, at={self.at!r}, known={self.known!r}, meant={self.meant!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.at,self.known,self.meant,) == (other.name,other.at,other.known,other.meant,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.at,self.known,self.meant,))

    __init__.__qualname__ = 'UnitSection.__init__'
    __repr__.__qualname__ = 'UnitSection.__repr__'
    __eq__.__qualname__ = 'UnitSection.__eq__'
    __hash__.__qualname__ = 'UnitSection.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m81():
    _s0 = _s1 = _s2 = None
    def __init__(self, text: 'str', at: 'Span', joins_next_line: 'bool') -> None:
        _s0(self, text)
        _s1(self, at)
        _s2(self, joins_next_line)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, at={self.at!r}, joins_next_line={self.joins_next_line!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.at,self.joins_next_line,) == (other.text,other.at,other.joins_next_line,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text,self.at,self.joins_next_line,))

    __init__.__qualname__ = 'UwsgiComment.__init__'
    __repr__.__qualname__ = 'UwsgiComment.__repr__'
    __eq__.__qualname__ = 'UwsgiComment.__eq__'
    __hash__.__qualname__ = 'UwsgiComment.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m82():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = None
    def __init__(self, path: 'str', section: 'str', section_found: 'bool', ini_files: 'frozenset[str]', headers: 'tuple[UwsgiHeader, ...]', comments: 'tuple[UwsgiComment, ...]', ini_options: 'tuple[Option, ...]', lexed: 'tuple[tuple[int, UwsgiInlineComment | None, UwsgiStrayPercent | None], ...]') -> None:
        _s0(self, path)
        _s1(self, section)
        _s2(self, section_found)
        _s3(self, ini_files)
        _s4(self, headers)
        _s5(self, comments)
        _s6(self, ini_options)
        _s7(self, lexed)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, section={self.section!r}, section_found={self.section_found!r}, ini_files={self.ini_files!r}, headers={self.headers!r}, comments={self.comments!r}, ini_options={self.ini_options!r}, lexed={self.lexed!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.section,self.section_found,self.ini_files,self.headers,self.comments,self.ini_options,self.lexed,) == (other.path,other.section,other.section_found,other.ini_files,other.headers,other.comments,other.ini_options,other.lexed,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.section,self.section_found,self.ini_files,self.headers,self.comments,self.ini_options,self.lexed,))

    __init__.__qualname__ = 'UwsgiConfig.__init__'
    __repr__.__qualname__ = 'UwsgiConfig.__repr__'
    __eq__.__qualname__ = 'UwsgiConfig.__eq__'
    __hash__.__qualname__ = 'UwsgiConfig.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m83():
    _s0 = _s1 = _s2 = None
    def __init__(self, name: 'str', at: 'Span', meant: 'str | None') -> None:
        _s0(self, name)
        _s1(self, at)
        _s2(self, meant)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, at={self.at!r}, meant={self.meant!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.at,self.meant,) == (other.name,other.at,other.meant,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.at,self.meant,))

    __init__.__qualname__ = 'UwsgiHeader.__init__'
    __repr__.__qualname__ = 'UwsgiHeader.__repr__'
    __eq__.__qualname__ = 'UwsgiHeader.__eq__'
    __hash__.__qualname__ = 'UwsgiHeader.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m84():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, option: 'Option', written: 'str', inline_comment: 'UwsgiInlineComment | None', stray_percent: 'UwsgiStrayPercent | None') -> None:
        _s0(self, option)
        _s1(self, written)
        _s2(self, inline_comment)
        _s3(self, stray_percent)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(option={self.option!r}, written={self.written!r}, inline_comment={self.inline_comment!r}, stray_percent={self.stray_percent!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.option,self.written,self.inline_comment,self.stray_percent,) == (other.option,other.written,other.inline_comment,other.stray_percent,)
        return NotImplemented

    def __hash__(self):
        return hash((self.option,self.written,self.inline_comment,self.stray_percent,))

    __init__.__qualname__ = 'UwsgiIniValue.__init__'
    __repr__.__qualname__ = 'UwsgiIniValue.__repr__'
    __eq__.__qualname__ = 'UwsgiIniValue.__eq__'
    __hash__.__qualname__ = 'UwsgiIniValue.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m85():
    _s0 = _s1 = _s2 = None
    def __init__(self, at: 'Span', text: 'str', before: 'str') -> None:
        _s0(self, at)
        _s1(self, text)
        _s2(self, before)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(at={self.at!r}, text={self.text!r}, before={self.before!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.at,self.text,self.before,) == (other.at,other.text,other.before,)
        return NotImplemented

    def __hash__(self):
        return hash((self.at,self.text,self.before,))

    __init__.__qualname__ = 'UwsgiInlineComment.__init__'
    __repr__.__qualname__ = 'UwsgiInlineComment.__repr__'
    __eq__.__qualname__ = 'UwsgiInlineComment.__eq__'
    __hash__.__qualname__ = 'UwsgiInlineComment.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m86():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, at: 'Span', written: 'tuple[str, ...]', joins_next_line: 'bool', strftime: 'bool') -> None:
        _s0(self, at)
        _s1(self, written)
        _s2(self, joins_next_line)
        _s3(self, strftime)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(at={self.at!r}, written={self.written!r}, joins_next_line={self.joins_next_line!r}, strftime={self.strftime!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.at,self.written,self.joins_next_line,self.strftime,) == (other.at,other.written,other.joins_next_line,other.strftime,)
        return NotImplemented

    def __hash__(self):
        return hash((self.at,self.written,self.joins_next_line,self.strftime,))

    __init__.__qualname__ = 'UwsgiStrayPercent.__init__'
    __repr__.__qualname__ = 'UwsgiStrayPercent.__repr__'
    __eq__.__qualname__ = 'UwsgiStrayPercent.__eq__'
    __hash__.__qualname__ = 'UwsgiStrayPercent.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m87(_f0, _f1, _f2, _d3, _d4, _d5, _f6, _f7, _f8):
    def __init__(self, files: 'list[str]', directory: 'str', services: 'dict[str, Node]' = _FACTORY, volumes: 'dict[str, Node]' = _FACTORY, networks: 'dict[str, Node]' = _FACTORY, name: 'str' = _d3, name_from: 'str' = _d4, env_file: 'str | None' = _d5, problems: 'list[Problem]' = _FACTORY, unresolved: 'dict[str, Span]' = _FACTORY, includes: 'list[Node]' = _FACTORY) -> None:
        self.files = files
        self.directory = directory
        self.services = _f0() if services is _FACTORY else services
        self.volumes = _f1() if volumes is _FACTORY else volumes
        self.networks = _f2() if networks is _FACTORY else networks
        self.name = name
        self.name_from = name_from
        self.env_file = env_file
        self.problems = _f6() if problems is _FACTORY else problems
        self.unresolved = _f7() if unresolved is _FACTORY else unresolved
        self.includes = _f8() if includes is _FACTORY else includes

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(files={self.files!r}, directory={self.directory!r}, services={self.services!r}, volumes={self.volumes!r}, networks={self.networks!r}, name={self.name!r}, name_from={self.name_from!r}, env_file={self.env_file!r}, problems={self.problems!r}, unresolved={self.unresolved!r}, includes={self.includes!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.files,self.directory,self.services,self.volumes,self.networks,self.name,self.name_from,self.env_file,self.problems,self.unresolved,self.includes,) == (other.files,other.directory,other.services,other.volumes,other.networks,other.name,other.name_from,other.env_file,other.problems,other.unresolved,other.includes,)
        return NotImplemented

    __init__.__qualname__ = 'ComposeProject.__init__'
    __repr__.__qualname__ = 'ComposeProject.__repr__'
    __eq__.__qualname__ = 'ComposeProject.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m88(_f0, _d1):
    def __init__(self, files: 'list[str]', notes: 'list[Problem]' = _FACTORY, services: 'frozenset[str] | None' = _d1) -> None:
        self.files = files
        self.notes = _f0() if notes is _FACTORY else notes
        self.services = services

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(files={self.files!r}, notes={self.notes!r}, services={self.services!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.files,self.notes,self.services,) == (other.files,other.notes,other.services,)
        return NotImplemented

    __init__.__qualname__ = 'ProjectFiles.__init__'
    __repr__.__qualname__ = 'ProjectFiles.__repr__'
    __eq__.__qualname__ = 'ProjectFiles.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m89(_f0, _d1, _d2, _f3):
    def __init__(self, path: 'str', compose_files: 'list[str]' = _FACTORY, service: 'str' = _d1, service_at: 'Span | None' = _d2, problems: 'list[Problem]' = _FACTORY) -> None:
        self.path = path
        self.compose_files = _f0() if compose_files is _FACTORY else compose_files
        self.service = service
        self.service_at = service_at
        self.problems = _f3() if problems is _FACTORY else problems

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, compose_files={self.compose_files!r}, service={self.service!r}, service_at={self.service_at!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.compose_files,self.service,self.service_at,self.problems,) == (other.path,other.compose_files,other.service,other.service_at,other.problems,)
        return NotImplemented

    __init__.__qualname__ = 'DevContainer.__init__'
    __repr__.__qualname__ = 'DevContainer.__repr__'
    __eq__.__qualname__ = 'DevContainer.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m90(_f0, _f1):
    def __init__(self, path: 'str', instructions: 'list[Instruction]' = _FACTORY, problems: 'list[Problem]' = _FACTORY) -> None:
        self.path = path
        self.instructions = _f0() if instructions is _FACTORY else instructions
        self.problems = _f1() if problems is _FACTORY else problems

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, instructions={self.instructions!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.instructions,self.problems,) == (other.path,other.instructions,other.problems,)
        return NotImplemented

    __init__.__qualname__ = 'Dockerfile.__init__'
    __repr__.__qualname__ = 'Dockerfile.__repr__'
    __eq__.__qualname__ = 'Dockerfile.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m91():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, keyword: 'str', text: 'str', fixed: 'str', at: 'Span') -> None:
        _s0(self, keyword)
        _s1(self, text)
        _s2(self, fixed)
        _s3(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(keyword={self.keyword!r}, text={self.text!r}, fixed={self.fixed!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.keyword,self.text,self.fixed,self.at,) == (other.keyword,other.text,other.fixed,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.keyword,self.text,self.fixed,self.at,))

    __init__.__qualname__ = 'ExecLookalike.__init__'
    __repr__.__qualname__ = 'ExecLookalike.__repr__'
    __eq__.__qualname__ = 'ExecLookalike.__eq__'
    __hash__.__qualname__ = 'ExecLookalike.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m92(_f0, _d1, _d2):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = None
    def __init__(self, keyword: 'str', text: 'str', at: 'Span', flags: 'dict[str, str]' = _FACTORY, exec_form: 'list[str] | None' = _d1, lookalike: 'ExecLookalike | None' = _d2) -> None:
        _s0(self, keyword)
        _s1(self, text)
        _s2(self, at)
        _s3(self, _f0() if flags is _FACTORY else flags)
        _s4(self, exec_form)
        _s5(self, lookalike)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5
        _s0, _s1, _s2, _s3, _s4, _s5, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(keyword={self.keyword!r}, text={self.text!r}, at={self.at!r}, flags={self.flags!r}, exec_form={self.exec_form!r}, lookalike={self.lookalike!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.keyword,self.text,self.at,self.flags,self.exec_form,self.lookalike,) == (other.keyword,other.text,other.at,other.flags,other.exec_form,other.lookalike,)
        return NotImplemented

    def __hash__(self):
        return hash((self.keyword,self.text,self.at,self.flags,self.exec_form,self.lookalike,))

    __init__.__qualname__ = 'Instruction.__init__'
    __repr__.__qualname__ = 'Instruction.__repr__'
    __eq__.__qualname__ = 'Instruction.__eq__'
    __hash__.__qualname__ = 'Instruction.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m93(_f0, _d1, _f2, _f3):
    def __init__(self, options: 'list[Option]' = _FACTORY, app: 'str | None' = _d1, positionals: 'list[str]' = _FACTORY, problems: 'list[Problem]' = _FACTORY) -> None:
        self.options = _f0() if options is _FACTORY else options
        self.app = app
        self.positionals = _f2() if positionals is _FACTORY else positionals
        self.problems = _f3() if problems is _FACTORY else problems

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(options={self.options!r}, app={self.app!r}, positionals={self.positionals!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.options,self.app,self.positionals,self.problems,) == (other.options,other.app,other.positionals,other.problems,)
        return NotImplemented

    __init__.__qualname__ = 'GunicornCommand.__init__'
    __repr__.__qualname__ = 'GunicornCommand.__repr__'
    __eq__.__qualname__ = 'GunicornCommand.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m94(_f0, _f1, _f2, _f3, _f4, _f5):
    def __init__(self, path: 'str', options: 'list[Option]' = _FACTORY, other_names: 'list[Option]' = _FACTORY, annotations: 'list[Option]' = _FACTORY, functions: 'list[Hook]' = _FACTORY, imports: 'list[str]' = _FACTORY, problems: 'list[Problem]' = _FACTORY) -> None:
        self.path = path
        self.options = _f0() if options is _FACTORY else options
        self.other_names = _f1() if other_names is _FACTORY else other_names
        self.annotations = _f2() if annotations is _FACTORY else annotations
        self.functions = _f3() if functions is _FACTORY else functions
        self.imports = _f4() if imports is _FACTORY else imports
        self.problems = _f5() if problems is _FACTORY else problems

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, options={self.options!r}, other_names={self.other_names!r}, annotations={self.annotations!r}, functions={self.functions!r}, imports={self.imports!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.options,self.other_names,self.annotations,self.functions,self.imports,self.problems,) == (other.path,other.options,other.other_names,other.annotations,other.functions,other.imports,other.problems,)
        return NotImplemented

    __init__.__qualname__ = 'GunicornConfig.__init__'
    __repr__.__qualname__ = 'GunicornConfig.__repr__'
    __eq__.__qualname__ = 'GunicornConfig.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m95(_d0):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, name: 'str', arity: 'int | None', at: 'Span', decorated: 'bool' = _d0) -> None:
        _s0(self, name)
        _s1(self, arity)
        _s2(self, at)
        _s3(self, decorated)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, arity={self.arity!r}, at={self.at!r}, decorated={self.decorated!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.arity,self.at,self.decorated,) == (other.name,other.arity,other.at,other.decorated,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.arity,self.at,self.decorated,))

    __init__.__qualname__ = 'Hook.__init__'
    __repr__.__qualname__ = 'Hook.__repr__'
    __eq__.__qualname__ = 'Hook.__eq__'
    __hash__.__qualname__ = 'Hook.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m96():
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, domain: 'str', type: 'str', item: 'str', value: 'str', at: 'Span') -> None:
        _s0(self, domain)
        _s1(self, type)
        _s2(self, item)
        _s3(self, value)
        _s4(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(domain={self.domain!r}, type={self.type!r}, item={self.item!r}, value={self.value!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.domain,self.type,self.item,self.value,self.at,) == (other.domain,other.type,other.item,other.value,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.domain,self.type,self.item,self.value,self.at,))

    __init__.__qualname__ = 'LimitLine.__init__'
    __repr__.__qualname__ = 'LimitLine.__repr__'
    __eq__.__qualname__ = 'LimitLine.__eq__'
    __hash__.__qualname__ = 'LimitLine.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m97(_f0, _d1, _d2):
    def __init__(self, path: 'str', display: 'str', context: 'Context', statements: 'list[NginxStatement]' = _FACTORY, stock: 'bool' = _d1, syntax_error: 'Problem | None' = _d2) -> None:
        self.path = path
        self.display = display
        self.context = context
        self.statements = _f0() if statements is _FACTORY else statements
        self.stock = stock
        self.syntax_error = syntax_error

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, display={self.display!r}, context={self.context!r}, statements={self.statements!r}, stock={self.stock!r}, syntax_error={self.syntax_error!r})"

    __init__.__qualname__ = 'NginxFile.__init__'
    __repr__.__qualname__ = 'NginxFile.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m98(_f0, _d1, _d2, _d3, _d4):
    def __init__(self, directive: 'str', args: 'list[str]', at: 'Span', arg_places: 'list[tuple[int, int, int]]' = _FACTORY, end_line: 'int' = _d1, block: 'list[NginxStatement] | None' = _d2, comment: 'str' = _d3, includes: 'list[int] | None' = _d4) -> None:
        self.directive = directive
        self.args = args
        self.at = at
        self.arg_places = _f0() if arg_places is _FACTORY else arg_places
        self.end_line = end_line
        self.block = block
        self.comment = comment
        self.includes = includes

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(directive={self.directive!r}, args={self.args!r}, at={self.at!r}, arg_places={self.arg_places!r}, end_line={self.end_line!r}, block={self.block!r}, comment={self.comment!r}, includes={self.includes!r})"

    __init__.__qualname__ = 'NginxStatement.__init__'
    __repr__.__qualname__ = 'NginxStatement.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m99(_f0, _f1, _f2, _f3):
    def __init__(self, standalone: 'bool', files: 'list[NginxFile]' = _FACTORY, problems: 'list[Problem]' = _FACTORY, assumed: 'dict[str, str]' = _FACTORY, templates: 'dict[str, str]' = _FACTORY) -> None:
        self.standalone = standalone
        self.files = _f0() if files is _FACTORY else files
        self.problems = _f1() if problems is _FACTORY else problems
        self.assumed = _f2() if assumed is _FACTORY else assumed
        self.templates = _f3() if templates is _FACTORY else templates

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(standalone={self.standalone!r}, files={self.files!r}, problems={self.problems!r}, assumed={self.assumed!r}, templates={self.templates!r})"

    __init__.__qualname__ = 'NginxTree.__init__'
    __repr__.__qualname__ = 'NginxTree.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m100(_d0, _d1, _d2, _d3, _d4):
    def __init__(self, items: 'Iterator[Any]', ctx: 'Context', display: 'str', depth: 'int', report_context: 'bool', assumed: 'str', include: 'NginxStatement | None' = _d0, opened: 'bool' = _d1, sure_servers: 'bool' = _d2, in_site: 'bool' = _d3, included_by: 'NginxStatement | None' = _d4) -> None:
        self.items = items
        self.ctx = ctx
        self.display = display
        self.depth = depth
        self.report_context = report_context
        self.assumed = assumed
        self.include = include
        self.opened = opened
        self.sure_servers = sure_servers
        self.in_site = in_site
        self.included_by = included_by

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(items={self.items!r}, ctx={self.ctx!r}, display={self.display!r}, depth={self.depth!r}, report_context={self.report_context!r}, assumed={self.assumed!r}, include={self.include!r}, opened={self.opened!r}, sure_servers={self.sure_servers!r}, in_site={self.in_site!r}, included_by={self.included_by!r})"

    __init__.__qualname__ = '_Frame.__init__'
    __repr__.__qualname__ = '_Frame.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m101():
    def __init__(self, statements: 'list[NginxStatement]', problems: 'list[Problem]', syntax_error: 'Problem | None') -> None:
        self.statements = statements
        self.problems = problems
        self.syntax_error = syntax_error

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(statements={self.statements!r}, problems={self.problems!r}, syntax_error={self.syntax_error!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.statements,self.problems,self.syntax_error,) == (other.statements,other.problems,other.syntax_error,)
        return NotImplemented

    __init__.__qualname__ = '_Parsed.__init__'
    __repr__.__qualname__ = '_Parsed.__repr__'
    __eq__.__qualname__ = '_Parsed.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m102(_d0, _d1):
    _s0 = _s1 = _s2 = None
    def __init__(self, path: 'str', stock: 'bool' = _d0, assumed: 'str' = _d1) -> None:
        _s0(self, path)
        _s1(self, stock)
        _s2(self, assumed)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, stock={self.stock!r}, assumed={self.assumed!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.stock,self.assumed,) == (other.path,other.stock,other.assumed,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.stock,self.assumed,))

    __init__.__qualname__ = 'Included.__init__'
    __repr__.__qualname__ = 'Included.__repr__'
    __eq__.__qualname__ = 'Included.__eq__'
    __hash__.__qualname__ = 'Included.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m103(_d0, _d1, _d2):
    def __init__(self, guess_dir: 'str', local: 'str | None' = _d0, filesystem: 'str | None' = _d1, target: 'str | None' = _d2) -> None:
        _set(self, 'guess_dir', guess_dir)
        _set(self, 'local', local)
        _set(self, 'filesystem', filesystem)
        _set(self, 'target', target)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(guess_dir={self.guess_dir!r}, local={self.local!r}, filesystem={self.filesystem!r}, target={self.target!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.guess_dir,self.local,self.filesystem,self.target,) == (other.guess_dir,other.local,other.filesystem,other.target,)
        return NotImplemented

    def __hash__(self):
        return hash((self.guess_dir,self.local,self.filesystem,self.target,))

    __init__.__qualname__ = 'Prefix.__init__'
    __repr__.__qualname__ = 'Prefix.__repr__'
    __eq__.__qualname__ = 'Prefix.__eq__'
    __hash__.__qualname__ = 'Prefix.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m104(_f0, _f1):
    def __init__(self, path: 'str', entries: 'list[ProcfileEntry]' = _FACTORY, problems: 'list[Problem]' = _FACTORY) -> None:
        self.path = path
        self.entries = _f0() if entries is _FACTORY else entries
        self.problems = _f1() if problems is _FACTORY else problems

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, entries={self.entries!r}, problems={self.problems!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.entries,self.problems,) == (other.path,other.entries,other.problems,)
        return NotImplemented

    __init__.__qualname__ = 'Procfile.__init__'
    __repr__.__qualname__ = 'Procfile.__repr__'
    __eq__.__qualname__ = 'Procfile.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m105():
    def __init__(self, name: 'str', command: 'str', name_at: 'Span', at: 'Span') -> None:
        _set(self, 'name', name)
        _set(self, 'command', command)
        _set(self, 'name_at', name_at)
        _set(self, 'at', at)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, command={self.command!r}, name_at={self.name_at!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.command,self.name_at,self.at,) == (other.name,other.command,other.name_at,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.command,self.name_at,self.at,))

    __init__.__qualname__ = 'ProcfileEntry.__init__'
    __repr__.__qualname__ = 'ProcfileEntry.__repr__'
    __eq__.__qualname__ = 'ProcfileEntry.__eq__'
    __hash__.__qualname__ = 'ProcfileEntry.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m106(_f0):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, argv: 'list[str]', line: 'int', column: 'int', end_column: 'int', exports: 'dict[str, str]' = _FACTORY) -> None:
        _s0(self, argv)
        _s1(self, line)
        _s2(self, column)
        _s3(self, end_column)
        _s4(self, _f0() if exports is _FACTORY else exports)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(argv={self.argv!r}, line={self.line!r}, column={self.column!r}, end_column={self.end_column!r}, exports={self.exports!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.argv,self.line,self.column,self.end_column,self.exports,) == (other.argv,other.line,other.column,other.end_column,other.exports,)
        return NotImplemented

    def __hash__(self):
        return hash((self.argv,self.line,self.column,self.end_column,self.exports,))

    __init__.__qualname__ = 'DevServerLine.__init__'
    __repr__.__qualname__ = 'DevServerLine.__repr__'
    __eq__.__qualname__ = 'DevServerLine.__eq__'
    __hash__.__qualname__ = 'DevServerLine.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m107():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, tags: 'tuple[str, ...]', dockerfile: 'str', context: 'str', line: 'int') -> None:
        _s0(self, tags)
        _s1(self, dockerfile)
        _s2(self, context)
        _s3(self, line)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(tags={self.tags!r}, dockerfile={self.dockerfile!r}, context={self.context!r}, line={self.line!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.tags,self.dockerfile,self.context,self.line,) == (other.tags,other.dockerfile,other.context,other.line,)
        return NotImplemented

    def __hash__(self):
        return hash((self.tags,self.dockerfile,self.context,self.line,))

    __init__.__qualname__ = 'DockerBuild.__init__'
    __repr__.__qualname__ = 'DockerBuild.__repr__'
    __eq__.__qualname__ = 'DockerBuild.__eq__'
    __hash__.__qualname__ = 'DockerBuild.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m108(_d0):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = None
    def __init__(self, path: 'str', how: 'str', line: 'int', column: 'int', end_column: 'int', source: 'str' = _d0) -> None:
        _s0(self, path)
        _s1(self, how)
        _s2(self, line)
        _s3(self, column)
        _s4(self, end_column)
        _s5(self, source)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5
        _s0, _s1, _s2, _s3, _s4, _s5, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, how={self.how!r}, line={self.line!r}, column={self.column!r}, end_column={self.end_column!r}, source={self.source!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.how,self.line,self.column,self.end_column,self.source,) == (other.path,other.how,other.line,other.column,other.end_column,other.source,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.how,self.line,self.column,self.end_column,self.source,))

    __init__.__qualname__ = 'FileWrite.__init__'
    __repr__.__qualname__ = 'FileWrite.__repr__'
    __eq__.__qualname__ = 'FileWrite.__eq__'
    __hash__.__qualname__ = 'FileWrite.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m109():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, command: 'str', line: 'int', column: 'int', end_column: 'int') -> None:
        _s0(self, command)
        _s1(self, line)
        _s2(self, column)
        _s3(self, end_column)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(command={self.command!r}, line={self.line!r}, column={self.column!r}, end_column={self.end_column!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.command,self.line,self.column,self.end_column,) == (other.command,other.line,other.column,other.end_column,)
        return NotImplemented

    def __hash__(self):
        return hash((self.command,self.line,self.column,self.end_column,))

    __init__.__qualname__ = 'HandOff.__init__'
    __repr__.__qualname__ = 'HandOff.__repr__'
    __eq__.__qualname__ = 'HandOff.__eq__'
    __hash__.__qualname__ = 'HandOff.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m110(_d0):
    _s0 = _s1 = _s2 = None
    def __init__(self, through: 'tuple[str, ...]', at: 'Span', shifted: 'int' = _d0) -> None:
        _s0(self, through)
        _s1(self, at)
        _s2(self, shifted)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(through={self.through!r}, at={self.at!r}, shifted={self.shifted!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.through,self.at,self.shifted,) == (other.through,other.at,other.shifted,)
        return NotImplemented

    def __hash__(self):
        return hash((self.through,self.at,self.shifted,))

    __init__.__qualname__ = 'PassedArguments.__init__'
    __repr__.__qualname__ = 'PassedArguments.__repr__'
    __eq__.__qualname__ = 'PassedArguments.__eq__'
    __hash__.__qualname__ = 'PassedArguments.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m111(_d0, _d1, _f2, _d3, _d4, _d5, _d6, _d7, _d8, _d9, _d10, _d11, _d12, _d13, _d14, _d15, _d16, _d17, _d18, _d19, _d20):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = _s8 = _s9 = _s10 = _s11 = _s12 = _s13 = _s14 = _s15 = _s16 = _s17 = _s18 = _s19 = _s20 = _s21 = _s22 = _s23 = _s24 = _s25 = _s26 = None
    def __init__(self, program: 'str', argv: 'list[str]', line: 'int', column: 'int', end_column: 'int', execs: 'bool', directory: 'str | None' = _d0, directory_line: 'int' = _d1, exports: 'dict[str, str]' = _FACTORY, background: 'bool' = _d3, alone: 'bool' = _d4, others: 'bool' = _d5, after: 'tuple[tuple[str, ...], ...]' = _d6, held_by: 'str' = _d7, last_of_c: 'bool' = _d8, guards: 'tuple[tuple[str, ...], ...]' = _d9, passes: 'tuple[tuple[tuple[str, ...], ...], ...]' = _d10, passes_after: 'tuple[tuple[tuple[str, ...], ...], ...]' = _d11, started_before: 'tuple[ServerLine, ...]' = _d12, ran_before: 'tuple[ServerLine, ...]' = _d13, writes: 'tuple[FileWrite, ...]' = _d14, services: 'tuple[StartedService, ...]' = _d15, managers_before: 'tuple[ServerLine, ...]' = _d16, programs_before: 'tuple[StartedService, ...]' = _d17, hands_off: 'HandOff | None' = _d18, traps: 'tuple[str, ...]' = _d19, trap_line: 'int' = _d20) -> None:
        _s0(self, program)
        _s1(self, argv)
        _s2(self, line)
        _s3(self, column)
        _s4(self, end_column)
        _s5(self, execs)
        _s6(self, directory)
        _s7(self, directory_line)
        _s8(self, _f2() if exports is _FACTORY else exports)
        _s9(self, background)
        _s10(self, alone)
        _s11(self, others)
        _s12(self, after)
        _s13(self, held_by)
        _s14(self, last_of_c)
        _s15(self, guards)
        _s16(self, passes)
        _s17(self, passes_after)
        _s18(self, started_before)
        _s19(self, ran_before)
        _s20(self, writes)
        _s21(self, services)
        _s22(self, managers_before)
        _s23(self, programs_before)
        _s24(self, hands_off)
        _s25(self, traps)
        _s26(self, trap_line)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, _s11, _s12, _s13, _s14, _s15, _s16, _s17, _s18, _s19, _s20, _s21, _s22, _s23, _s24, _s25, _s26
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9, _s10, _s11, _s12, _s13, _s14, _s15, _s16, _s17, _s18, _s19, _s20, _s21, _s22, _s23, _s24, _s25, _s26, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(program={self.program!r}, argv={self.argv!r}, line={self.line!r}, column={self.column!r}, end_column={self.end_column!r}, execs={self.execs!r}, directory={self.directory!r}, directory_line={self.directory_line!r}, exports={self.exports!r}, background={self.background!r}, alone={self.alone!r}, others={self.others!r}, after={self.after!r}, held_by={self.held_by!r}, last_of_c={self.last_of_c!r}, guards={self.guards!r}, passes={self.passes!r}, passes_after={self.passes_after!r}, started_before={self.started_before!r}, ran_before={self.ran_before!r}, writes={self.writes!r}, services={self.services!r}, managers_before={self.managers_before!r}, programs_before={self.programs_before!r}, hands_off={self.hands_off!r}, traps={self.traps!r}, trap_line={self.trap_line!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.program,self.argv,self.line,self.column,self.end_column,self.execs,self.directory,self.directory_line,self.exports,self.background,self.alone,self.others,self.after,self.held_by,self.last_of_c,self.guards,self.passes,self.passes_after,self.started_before,self.ran_before,self.writes,self.services,self.managers_before,self.programs_before,self.hands_off,self.traps,self.trap_line,) == (other.program,other.argv,other.line,other.column,other.end_column,other.execs,other.directory,other.directory_line,other.exports,other.background,other.alone,other.others,other.after,other.held_by,other.last_of_c,other.guards,other.passes,other.passes_after,other.started_before,other.ran_before,other.writes,other.services,other.managers_before,other.programs_before,other.hands_off,other.traps,other.trap_line,)
        return NotImplemented

    def __hash__(self):
        return hash((self.program,self.argv,self.line,self.column,self.end_column,self.execs,self.directory,self.directory_line,self.exports,self.background,self.alone,self.others,self.after,self.held_by,self.last_of_c,self.guards,self.passes,self.passes_after,self.started_before,self.ran_before,self.writes,self.services,self.managers_before,self.programs_before,self.hands_off,self.traps,self.trap_line,))

    __init__.__qualname__ = 'ServerLine.__init__'
    __repr__.__qualname__ = 'ServerLine.__repr__'
    __eq__.__qualname__ = 'ServerLine.__eq__'
    __hash__.__qualname__ = 'ServerLine.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m112():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, name: 'str', line: 'int', column: 'int', end_column: 'int') -> None:
        _s0(self, name)
        _s1(self, line)
        _s2(self, column)
        _s3(self, end_column)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, line={self.line!r}, column={self.column!r}, end_column={self.end_column!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.line,self.column,self.end_column,) == (other.name,other.line,other.column,other.end_column,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.line,self.column,self.end_column,))

    __init__.__qualname__ = 'StartedService.__init__'
    __repr__.__qualname__ = 'StartedService.__repr__'
    __eq__.__qualname__ = 'StartedService.__eq__'
    __hash__.__qualname__ = 'StartedService.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m113():
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, path: 'str', shell: 'str', server: 'ServerLine', at: 'Span') -> None:
        _s0(self, path)
        _s1(self, shell)
        _s2(self, server)
        _s3(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, shell={self.shell!r}, server={self.server!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.shell,self.server,self.at,) == (other.path,other.shell,other.server,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.path,self.shell,self.server,self.at,))

    __init__.__qualname__ = 'WrapperScript.__init__'
    __repr__.__qualname__ = 'WrapperScript.__repr__'
    __eq__.__qualname__ = 'WrapperScript.__eq__'
    __hash__.__qualname__ = 'WrapperScript.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m114(_d0, _d1, _d2):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, text: 'str', unresolved: 'tuple[str, ...]' = _d0, error: 'str' = _d1, whole_environment: 'bool' = _d2) -> None:
        _s0(self, text)
        _s1(self, unresolved)
        _s2(self, error)
        _s3(self, whole_environment)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, unresolved={self.unresolved!r}, error={self.error!r}, whole_environment={self.whole_environment!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.unresolved,self.error,self.whole_environment,) == (other.text,other.unresolved,other.error,other.whole_environment,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text,self.unresolved,self.error,self.whole_environment,))

    __init__.__qualname__ = 'Expanded.__init__'
    __repr__.__qualname__ = 'Expanded.__repr__'
    __eq__.__qualname__ = 'Expanded.__eq__'
    __hash__.__qualname__ = 'Expanded.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m115():
    _s0 = _s1 = None
    def __init__(self, text: 'str', at: 'Span') -> None:
        _s0(self, text)
        _s1(self, at)

    def _bind(setters):
        nonlocal _s0, _s1
        _s0, _s1, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.at,) == (other.text,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text,self.at,))

    __init__.__qualname__ = 'CutComment.__init__'
    __repr__.__qualname__ = 'CutComment.__repr__'
    __eq__.__qualname__ = 'CutComment.__eq__'
    __hash__.__qualname__ = 'CutComment.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m116(_f0, _f1, _f2, _f3, _f4, _f5):
    def __init__(self, path: 'str', sections: 'list[SupervisorSection]' = _FACTORY, defaults: 'dict[str, SupervisorValue]' = _FACTORY, problems: 'list[Problem]' = _FACTORY, included_files: 'list[str]' = _FACTORY, unmatched_includes: 'list[UnmatchedInclude]' = _FACTORY, processes: 'list[SupervisorProcess]' = _FACTORY) -> None:
        self.path = path
        self.sections = _f0() if sections is _FACTORY else sections
        self.defaults = _f1() if defaults is _FACTORY else defaults
        self.problems = _f2() if problems is _FACTORY else problems
        self.included_files = _f3() if included_files is _FACTORY else included_files
        self.unmatched_includes = _f4() if unmatched_includes is _FACTORY else unmatched_includes
        self.processes = _f5() if processes is _FACTORY else processes

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, sections={self.sections!r}, defaults={self.defaults!r}, problems={self.problems!r}, included_files={self.included_files!r}, unmatched_includes={self.unmatched_includes!r}, processes={self.processes!r})"

    __init__.__qualname__ = 'SupervisorConfig.__init__'
    __repr__.__qualname__ = 'SupervisorConfig.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m117(_f0, _f1, _f2):
    def __init__(self, name: 'str', kind: 'str', at: 'Span', file: 'str', keys: 'dict[str, SupervisorValue]' = _FACTORY, headers: 'list[Span]' = _FACTORY, defaults: 'dict[str, SupervisorValue]' = _FACTORY) -> None:
        self.name = name
        self.kind = kind
        self.at = at
        self.file = file
        self.keys = _f0() if keys is _FACTORY else keys
        self.headers = _f1() if headers is _FACTORY else headers
        self.defaults = _f2() if defaults is _FACTORY else defaults

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, kind={self.kind!r}, at={self.at!r}, file={self.file!r}, keys={self.keys!r}, headers={self.headers!r}, defaults={self.defaults!r})"

    __init__.__qualname__ = 'SupervisorSection.__init__'
    __repr__.__qualname__ = 'SupervisorSection.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m118(_d0):
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = None
    def __init__(self, raw: 'str', at: 'Span', key_column: 'int', key_end: 'int', file: 'str', end_line: 'int', comments: 'tuple[CutComment, ...]' = _d0) -> None:
        _s0(self, raw)
        _s1(self, at)
        _s2(self, key_column)
        _s3(self, key_end)
        _s4(self, file)
        _s5(self, end_line)
        _s6(self, comments)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(raw={self.raw!r}, at={self.at!r}, key_column={self.key_column!r}, key_end={self.key_end!r}, file={self.file!r}, end_line={self.end_line!r}, comments={self.comments!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.raw,self.at,self.key_column,self.key_end,self.file,self.end_line,self.comments,) == (other.raw,other.at,other.key_column,other.key_end,other.file,other.end_line,other.comments,)
        return NotImplemented

    def __hash__(self):
        return hash((self.raw,self.at,self.key_column,self.key_end,self.file,self.end_line,self.comments,))

    __init__.__qualname__ = 'SupervisorValue.__init__'
    __repr__.__qualname__ = 'SupervisorValue.__repr__'
    __eq__.__qualname__ = 'SupervisorValue.__eq__'
    __hash__.__qualname__ = 'SupervisorValue.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m119():
    _s0 = _s1 = _s2 = None
    def __init__(self, pattern: 'str', at: 'Span', certain: 'bool') -> None:
        _s0(self, pattern)
        _s1(self, at)
        _s2(self, certain)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(pattern={self.pattern!r}, at={self.at!r}, certain={self.certain!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.pattern,self.at,self.certain,) == (other.pattern,other.at,other.certain,)
        return NotImplemented

    def __hash__(self):
        return hash((self.pattern,self.at,self.certain,))

    __init__.__qualname__ = 'UnmatchedInclude.__init__'
    __repr__.__qualname__ = 'UnmatchedInclude.__repr__'
    __eq__.__qualname__ = 'UnmatchedInclude.__eq__'
    __hash__.__qualname__ = 'UnmatchedInclude.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m120():
    def __init__(self, pieces: 'list[str]', at: 'Span', key_column: 'int', key_end: 'int', file: 'str', end_line: 'int', comments: 'list[CutComment]') -> None:
        self.pieces = pieces
        self.at = at
        self.key_column = key_column
        self.key_end = key_end
        self.file = file
        self.end_line = end_line
        self.comments = comments

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(pieces={self.pieces!r}, at={self.at!r}, key_column={self.key_column!r}, key_end={self.key_end!r}, file={self.file!r}, end_line={self.end_line!r}, comments={self.comments!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.pieces,self.at,self.key_column,self.key_end,self.file,self.end_line,self.comments,) == (other.pieces,other.at,other.key_column,other.key_end,other.file,other.end_line,other.comments,)
        return NotImplemented

    __init__.__qualname__ = '_Pending.__init__'
    __repr__.__qualname__ = '_Pending.__repr__'
    __eq__.__qualname__ = '_Pending.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m121(_f0, _f1, _f2, _d3, _d4, _d5):
    def __init__(self, section: 'SupervisorSection', name: 'str', group: 'str', number: 'int', values: 'dict[str, Expanded]' = _FACTORY, environment: 'dict[str, str]' = _FACTORY, own_environment: 'dict[str, str]' = _FACTORY, environment_dropped: 'tuple[str, ...]' = _d3, argv: 'list[str] | None' = _d4, argv_error: 'str' = _d5) -> None:
        self.section = section
        self.name = name
        self.group = group
        self.number = number
        self.values = _f0() if values is _FACTORY else values
        self.environment = _f1() if environment is _FACTORY else environment
        self.own_environment = _f2() if own_environment is _FACTORY else own_environment
        self.environment_dropped = environment_dropped
        self.argv = argv
        self.argv_error = argv_error

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(section={self.section!r}, name={self.name!r}, group={self.group!r}, number={self.number!r}, values={self.values!r}, environment={self.environment!r}, own_environment={self.own_environment!r}, environment_dropped={self.environment_dropped!r}, argv={self.argv!r}, argv_error={self.argv_error!r})"

    __init__.__qualname__ = 'SupervisorProcess.__init__'
    __repr__.__qualname__ = 'SupervisorProcess.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m122(_d0, _d1):
    _s0 = _s1 = _s2 = None
    def __init__(self, values: 'dict[str, str]', error: 'str' = _d0, dropped: 'tuple[str, ...]' = _d1) -> None:
        _s0(self, values)
        _s1(self, error)
        _s2(self, dropped)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(values={self.values!r}, error={self.error!r}, dropped={self.dropped!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.values,self.error,self.dropped,) == (other.values,other.error,other.dropped,)
        return NotImplemented

    def __hash__(self):
        return hash((self.values,self.error,self.dropped,))

    __init__.__qualname__ = 'Environment.__init__'
    __repr__.__qualname__ = 'Environment.__repr__'
    __eq__.__qualname__ = 'Environment.__eq__'
    __hash__.__qualname__ = 'Environment.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m123(_d0, _d1):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, prefixes: 'str', argv: 'list[str]', at: 'Span', error: 'str' = _d0, unresolved: 'bool' = _d1) -> None:
        _s0(self, prefixes)
        _s1(self, argv)
        _s2(self, at)
        _s3(self, error)
        _s4(self, unresolved)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(prefixes={self.prefixes!r}, argv={self.argv!r}, at={self.at!r}, error={self.error!r}, unresolved={self.unresolved!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.prefixes,self.argv,self.at,self.error,self.unresolved,) == (other.prefixes,other.argv,other.at,other.error,other.unresolved,)
        return NotImplemented

    def __hash__(self):
        return hash((self.prefixes,self.argv,self.at,self.error,self.unresolved,))

    __init__.__qualname__ = 'ExecCommand.__init__'
    __repr__.__qualname__ = 'ExecCommand.__repr__'
    __eq__.__qualname__ = 'ExecCommand.__eq__'
    __hash__.__qualname__ = 'ExecCommand.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m124(_d0, _f1, _f2, _f3, _f4, _f5):
    def __init__(self, path: 'str', name: 'str', display: 'str' = _d0, entries: 'list[UnitEntry]' = _FACTORY, dropins: 'list[str]' = _FACTORY, problems: 'list[Problem]' = _FACTORY, sections: 'list[tuple[str, Span]]' = _FACTORY, ignored: 'list[tuple[str, Span]]' = _FACTORY) -> None:
        self.path = path
        self.name = name
        self.display = display
        self.entries = _f1() if entries is _FACTORY else entries
        self.dropins = _f2() if dropins is _FACTORY else dropins
        self.problems = _f3() if problems is _FACTORY else problems
        self.sections = _f4() if sections is _FACTORY else sections
        self.ignored = _f5() if ignored is _FACTORY else ignored

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, name={self.name!r}, display={self.display!r}, entries={self.entries!r}, dropins={self.dropins!r}, problems={self.problems!r}, sections={self.sections!r}, ignored={self.ignored!r})"

    __init__.__qualname__ = 'SystemdUnit.__init__'
    __repr__.__qualname__ = 'SystemdUnit.__repr__'
    return {'__init__': __init__, '__repr__': __repr__}


def _m125():
    _s0 = _s1 = _s2 = _s3 = _s4 = _s5 = _s6 = _s7 = None
    def __init__(self, section: 'str', key: 'str', value: 'str', at: 'Span', key_column: 'int', key_end: 'int', file: 'str', end_line: 'int') -> None:
        _s0(self, section)
        _s1(self, key)
        _s2(self, value)
        _s3(self, at)
        _s4(self, key_column)
        _s5(self, key_end)
        _s6(self, file)
        _s7(self, end_line)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7
        _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(section={self.section!r}, key={self.key!r}, value={self.value!r}, at={self.at!r}, key_column={self.key_column!r}, key_end={self.key_end!r}, file={self.file!r}, end_line={self.end_line!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.section,self.key,self.value,self.at,self.key_column,self.key_end,self.file,self.end_line,) == (other.section,other.key,other.value,other.at,other.key_column,other.key_end,other.file,other.end_line,)
        return NotImplemented

    def __hash__(self):
        return hash((self.section,self.key,self.value,self.at,self.key_column,self.key_end,self.file,self.end_line,))

    __init__.__qualname__ = 'UnitEntry.__init__'
    __repr__.__qualname__ = 'UnitEntry.__repr__'
    __eq__.__qualname__ = 'UnitEntry.__eq__'
    __hash__.__qualname__ = 'UnitEntry.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m126():
    _s0 = _s1 = _s2 = None
    def __init__(self, type: 'str', path: 'str', at: 'Span') -> None:
        _s0(self, type)
        _s1(self, path)
        _s2(self, at)

    def _bind(setters):
        nonlocal _s0, _s1, _s2
        _s0, _s1, _s2, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(type={self.type!r}, path={self.path!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.type,self.path,self.at,) == (other.type,other.path,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.type,self.path,self.at,))

    __init__.__qualname__ = 'TmpfilesEntry.__init__'
    __repr__.__qualname__ = 'TmpfilesEntry.__repr__'
    __eq__.__qualname__ = 'TmpfilesEntry.__eq__'
    __hash__.__qualname__ = 'TmpfilesEntry.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m127(_f0, _f1, _f2, _f3, _f4, _d5, _f6, _f7, _f8, _d9):
    def __init__(self, options: 'list[Option]' = _FACTORY, config_files: 'list[str]' = _FACTORY, unread_configs: 'list[UnreadConfig]' = _FACTORY, problems: 'list[Problem]' = _FACTORY, placeholders_used: 'set[str]' = _FACTORY, first_config: 'str' = _d5, sections: 'list[IniSection]' = _FACTORY, yaml_sections: 'list[IniSection]' = _FACTORY, comments: 'list[IniComment]' = _FACTORY, section_found: 'bool' = _d9) -> None:
        self.options = _f0() if options is _FACTORY else options
        self.config_files = _f1() if config_files is _FACTORY else config_files
        self.unread_configs = _f2() if unread_configs is _FACTORY else unread_configs
        self.problems = _f3() if problems is _FACTORY else problems
        self.placeholders_used = _f4() if placeholders_used is _FACTORY else placeholders_used
        self.first_config = first_config
        self.sections = _f6() if sections is _FACTORY else sections
        self.yaml_sections = _f7() if yaml_sections is _FACTORY else yaml_sections
        self.comments = _f8() if comments is _FACTORY else comments
        self.section_found = section_found

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(options={self.options!r}, config_files={self.config_files!r}, unread_configs={self.unread_configs!r}, problems={self.problems!r}, placeholders_used={self.placeholders_used!r}, first_config={self.first_config!r}, sections={self.sections!r}, yaml_sections={self.yaml_sections!r}, comments={self.comments!r}, section_found={self.section_found!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.options,self.config_files,self.unread_configs,self.problems,self.placeholders_used,self.first_config,self.sections,self.yaml_sections,self.comments,self.section_found,) == (other.options,other.config_files,other.unread_configs,other.problems,other.placeholders_used,other.first_config,other.sections,other.yaml_sections,other.comments,other.section_found,)
        return NotImplemented

    __init__.__qualname__ = 'UwsgiCommand.__init__'
    __repr__.__qualname__ = 'UwsgiCommand.__repr__'
    __eq__.__qualname__ = 'UwsgiCommand.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m128():
    _s0 = _s1 = None
    def __init__(self, text: 'str', at: 'Span') -> None:
        _s0(self, text)
        _s1(self, at)

    def _bind(setters):
        nonlocal _s0, _s1
        _s0, _s1, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.at,) == (other.text,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.text,self.at,))

    __init__.__qualname__ = 'IniComment.__init__'
    __repr__.__qualname__ = 'IniComment.__repr__'
    __eq__.__qualname__ = 'IniComment.__eq__'
    __hash__.__qualname__ = 'IniComment.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m129():
    _s0 = _s1 = None
    def __init__(self, name: 'str', at: 'Span') -> None:
        _s0(self, name)
        _s1(self, at)

    def _bind(setters):
        nonlocal _s0, _s1
        _s0, _s1, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, at={self.at!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.at,) == (other.name,other.at,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.at,))

    __init__.__qualname__ = 'IniSection.__init__'
    __repr__.__qualname__ = 'IniSection.__repr__'
    __eq__.__qualname__ = 'IniSection.__eq__'
    __hash__.__qualname__ = 'IniSection.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m130(_d0):
    _s0 = _s1 = _s2 = _s3 = None
    def __init__(self, spec: 'str', at: 'Span', exits: 'bool', meant: 'str | None' = _d0) -> None:
        _s0(self, spec)
        _s1(self, at)
        _s2(self, exits)
        _s3(self, meant)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3
        _s0, _s1, _s2, _s3, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(spec={self.spec!r}, at={self.at!r}, exits={self.exits!r}, meant={self.meant!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.spec,self.at,self.exits,self.meant,) == (other.spec,other.at,other.exits,other.meant,)
        return NotImplemented

    def __hash__(self):
        return hash((self.spec,self.at,self.exits,self.meant,))

    __init__.__qualname__ = 'UnreadConfig.__init__'
    __repr__.__qualname__ = 'UnreadConfig.__repr__'
    __eq__.__qualname__ = 'UnreadConfig.__eq__'
    __hash__.__qualname__ = 'UnreadConfig.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m131(_f0, _f1, _f2, _f3, _d4, _f5, _f6, _f7, _f8):
    def __init__(self, path: 'str', section: 'str', options: 'list[Option]' = _FACTORY, comments: 'list[IniComment]' = _FACTORY, sections: 'list[IniSection]' = _FACTORY, yaml_sections: 'list[IniSection]' = _FACTORY, section_found: 'bool' = _d4, placeholders_used: 'set[str]' = _FACTORY, problems: 'list[Problem]' = _FACTORY, files: 'list[str]' = _FACTORY, unread: 'list[UnreadConfig]' = _FACTORY) -> None:
        self.path = path
        self.section = section
        self.options = _f0() if options is _FACTORY else options
        self.comments = _f1() if comments is _FACTORY else comments
        self.sections = _f2() if sections is _FACTORY else sections
        self.yaml_sections = _f3() if yaml_sections is _FACTORY else yaml_sections
        self.section_found = section_found
        self.placeholders_used = _f5() if placeholders_used is _FACTORY else placeholders_used
        self.problems = _f6() if problems is _FACTORY else problems
        self.files = _f7() if files is _FACTORY else files
        self.unread = _f8() if unread is _FACTORY else unread

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(path={self.path!r}, section={self.section!r}, options={self.options!r}, comments={self.comments!r}, sections={self.sections!r}, yaml_sections={self.yaml_sections!r}, section_found={self.section_found!r}, placeholders_used={self.placeholders_used!r}, problems={self.problems!r}, files={self.files!r}, unread={self.unread!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.path,self.section,self.options,self.comments,self.sections,self.yaml_sections,self.section_found,self.placeholders_used,self.problems,self.files,self.unread,) == (other.path,other.section,other.options,other.comments,other.sections,other.yaml_sections,other.section_found,other.placeholders_used,other.problems,other.files,other.unread,)
        return NotImplemented

    __init__.__qualname__ = 'UwsgiIni.__init__'
    __repr__.__qualname__ = 'UwsgiIni.__repr__'
    __eq__.__qualname__ = 'UwsgiIni.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m132(_d0, _d1, _d2, _d3):
    def __init__(self, key: 'str', value: 'str', raw: 'str', at: 'Span', unresolved: 'bool' = _d0, configured: 'bool' = _d1, base_dir: 'str | None' = _d2, env_missing: 'tuple[str, ...]' = _d3) -> None:
        self.key = key
        self.value = value
        self.raw = raw
        self.at = at
        self.unresolved = unresolved
        self.configured = configured
        self.base_dir = base_dir
        self.env_missing = env_missing

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(key={self.key!r}, value={self.value!r}, raw={self.raw!r}, at={self.at!r}, unresolved={self.unresolved!r}, configured={self.configured!r}, base_dir={self.base_dir!r}, env_missing={self.env_missing!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.key,self.value,self.raw,self.at,self.unresolved,self.configured,self.base_dir,self.env_missing,) == (other.key,other.value,other.raw,other.at,other.unresolved,other.configured,other.base_dir,other.env_missing,)
        return NotImplemented

    __init__.__qualname__ = '_Entry.__init__'
    __repr__.__qualname__ = '_Entry.__repr__'
    __eq__.__qualname__ = '_Entry.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m133():
    def __init__(self, opener: 'str', argument: 'str', repeat: 'list[str] | None') -> None:
        self.opener = opener
        self.argument = argument
        self.repeat = repeat

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(opener={self.opener!r}, argument={self.argument!r}, repeat={self.repeat!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.opener,self.argument,self.repeat,) == (other.opener,other.argument,other.repeat,)
        return NotImplemented

    __init__.__qualname__ = '_Logic.__init__'
    __repr__.__qualname__ = '_Logic.__repr__'
    __eq__.__qualname__ = '_Logic.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m134():
    def __init__(self, text: 'str', starts: 'list[int]', ends: 'list[int]', unresolved: 'bytearray') -> None:
        self.text = text
        self.starts = starts
        self.ends = ends
        self.unresolved = unresolved

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(text={self.text!r}, starts={self.starts!r}, ends={self.ends!r}, unresolved={self.unresolved!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.text,self.starts,self.ends,self.unresolved,) == (other.text,other.starts,other.ends,other.unresolved,)
        return NotImplemented

    __init__.__qualname__ = '_Magic.__init__'
    __repr__.__qualname__ = '_Magic.__repr__'
    __eq__.__qualname__ = '_Magic.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m135():
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, name: 'str', short: 'str | None', takes_arg: 'str', aliases: 'tuple[str, ...]', immediate: 'bool') -> None:
        _s0(self, name)
        _s1(self, short)
        _s2(self, takes_arg)
        _s3(self, aliases)
        _s4(self, immediate)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(name={self.name!r}, short={self.short!r}, takes_arg={self.takes_arg!r}, aliases={self.aliases!r}, immediate={self.immediate!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.name,self.short,self.takes_arg,self.aliases,self.immediate,) == (other.name,other.short,other.takes_arg,other.aliases,other.immediate,)
        return NotImplemented

    def __hash__(self):
        return hash((self.name,self.short,self.takes_arg,self.aliases,self.immediate,))

    __init__.__qualname__ = 'OptionInfo.__init__'
    __repr__.__qualname__ = 'OptionInfo.__repr__'
    __eq__.__qualname__ = 'OptionInfo.__eq__'
    __hash__.__qualname__ = 'OptionInfo.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m136(_d0, _d1, _d2):
    _s0 = _s1 = _s2 = _s3 = _s4 = None
    def __init__(self, value: 'Any', at: 'Span', key_at: 'Span | None' = _d0, tag: 'str' = _d1, quoted: 'bool' = _d2) -> None:
        _s0(self, value)
        _s1(self, at)
        _s2(self, key_at)
        _s3(self, tag)
        _s4(self, quoted)

    def _bind(setters):
        nonlocal _s0, _s1, _s2, _s3, _s4
        _s0, _s1, _s2, _s3, _s4, = setters

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(value={self.value!r}, at={self.at!r}, key_at={self.key_at!r}, tag={self.tag!r}, quoted={self.quoted!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.value,self.at,self.key_at,self.tag,self.quoted,) == (other.value,other.at,other.key_at,other.tag,other.quoted,)
        return NotImplemented

    def __hash__(self):
        return hash((self.value,self.at,self.key_at,self.tag,self.quoted,))

    __init__.__qualname__ = 'Node.__init__'
    __repr__.__qualname__ = 'Node.__repr__'
    __eq__.__qualname__ = 'Node.__eq__'
    __hash__.__qualname__ = 'Node.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__, '_bind': _bind}


def _m137(_d0):
    def __init__(self, source: 'str', target: 'str', label: 'str', broken: 'bool' = _d0) -> None:
        _set(self, 'source', source)
        _set(self, 'target', target)
        _set(self, 'label', label)
        _set(self, 'broken', broken)

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(source={self.source!r}, target={self.target!r}, label={self.label!r}, broken={self.broken!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.source,self.target,self.label,self.broken,) == (other.source,other.target,other.label,other.broken,)
        return NotImplemented

    def __hash__(self):
        return hash((self.source,self.target,self.label,self.broken,))

    __init__.__qualname__ = 'Edge.__init__'
    __repr__.__qualname__ = 'Edge.__repr__'
    __eq__.__qualname__ = 'Edge.__eq__'
    __hash__.__qualname__ = 'Edge.__hash__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__, '__hash__': __hash__}


def _m138(_f0, _f1, _f2, _f3):
    def __init__(self, nodes: 'list[Node]' = _FACTORY, edges: 'list[Edge]' = _FACTORY, roots: 'list[Node]' = _FACTORY, routes: 'list[Node]' = _FACTORY) -> None:
        self.nodes = _f0() if nodes is _FACTORY else nodes
        self.edges = _f1() if edges is _FACTORY else edges
        self.roots = _f2() if roots is _FACTORY else roots
        self.routes = _f3() if routes is _FACTORY else routes

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(nodes={self.nodes!r}, edges={self.edges!r}, roots={self.roots!r}, routes={self.routes!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.nodes,self.edges,self.roots,self.routes,) == (other.nodes,other.edges,other.roots,other.routes,)
        return NotImplemented

    __init__.__qualname__ = 'Graph.__init__'
    __repr__.__qualname__ = 'Graph.__repr__'
    __eq__.__qualname__ = 'Graph.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


def _m139(_d0, _f1):
    def __init__(self, id: 'str', kind: 'str', label: 'str', broken: 'str' = _d0, children: 'list[Node]' = _FACTORY) -> None:
        self.id = id
        self.kind = kind
        self.label = label
        self.broken = broken
        self.children = _f1() if children is _FACTORY else children

    @recursive_repr()
    def __repr__(self):
        return self.__class__.__qualname__ + f"(id={self.id!r}, kind={self.kind!r}, label={self.label!r}, broken={self.broken!r}, children={self.children!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.id,self.kind,self.label,self.broken,self.children,) == (other.id,other.kind,other.label,other.broken,other.children,)
        return NotImplemented

    __init__.__qualname__ = 'Node.__init__'
    __repr__.__qualname__ = 'Node.__repr__'
    __eq__.__qualname__ = 'Node.__eq__'
    return {'__init__': __init__, '__repr__': __repr__, '__eq__': __eq__}


METHODS: dict[str, tuple[Any, str | None, Callable[..., dict[str, Any]], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    'wsgilint.api.CheckResult': ((False, True, True, False, (('findings', False, False, True, True, True, False), ('files', False, False, True, True, True, False), ('deployment', False, False, True, True, True, False), ('rules', False, False, True, True, True, False), ('suppressed', False, True, True, True, True, False), ('texts', False, True, True, True, True, False), ('read_through', False, True, True, True, True, False)), False), "CheckResult(findings: 'list[Finding]', files: 'list[SourceFile]', deployment: 'Deployment', rules: 'list[Rule]', suppressed: 'list[Suppressed]' = <factory>, texts: 'dict[str, str]' = <factory>, read_through: 'list[SourceFile]' = <factory>)", _m0, ('suppressed', 'texts', 'read_through'), ('findings', 'files', 'deployment', 'rules', 'suppressed', 'texts', 'read_through'), ('findings', 'files', 'deployment', 'rules', 'suppressed', 'texts', 'read_through')),
    'wsgilint.baseline.Baseline': ((True, True, True, False, (('fingerprints', False, False, True, True, True, False), ('legacy', True, False, True, True, True, False), ('lines', False, True, True, True, True, False)), False), "Baseline(fingerprints: 'Counter[str]', legacy: 'bool' = False, lines: 'dict[str, str]' = <factory>)", _m1, ('legacy', 'lines'), ('fingerprints', 'legacy', 'lines'), ('fingerprints', 'legacy', 'lines')),
    'wsgilint.config.Settings': ((False, True, True, False, (('select', True, False, True, True, True, False), ('ignore', True, False, True, True, True, False), ('per_file_ignores', True, False, True, True, True, False), ('fail_on', True, False, True, True, True, False), ('versions', False, True, True, True, True, False), ('baseline', True, False, True, True, True, False), ('require_reason', True, False, True, True, True, False), ('max_file_size', True, False, True, True, True, False), ('path', True, False, True, True, True, False)), False), "Settings(select: 'tuple[str, ...]' = (), ignore: 'tuple[str, ...]' = (), per_file_ignores: 'tuple[tuple[str, tuple[str, ...]], ...]' = (), fail_on: 'str | None' = None, versions: 'dict[str, str]' = <factory>, baseline: 'Path | None' = None, require_reason: 'bool' = False, max_file_size: 'int' = 8388608, path: 'Path | None' = None)", _m2, ('select', 'ignore', 'per_file_ignores', 'fail_on', 'versions', 'baseline', 'require_reason', 'max_file_size', 'path'), ('select', 'ignore', 'per_file_ignores', 'fail_on', 'versions', 'baseline', 'require_reason', 'max_file_size', 'path'), ('select', 'ignore', 'per_file_ignores', 'fail_on', 'versions', 'baseline', 'require_reason', 'max_file_size', 'path')),
    'wsgilint.core.commands.Command': ((True, True, True, False, (('program', False, False, True, True, True, False), ('arguments', False, False, True, True, True, False), ('plugins', True, False, True, True, True, False), ('launchers', True, False, True, True, True, False), ('server_argv', False, True, True, True, True, False)), True), "Command(program: 'str', arguments: 'list[str]', plugins: 'tuple[str, ...]' = (), launchers: 'tuple[Launcher, ...]' = (), server_argv: 'list[str]' = <factory>)", _m3, ('plugins', 'launchers', 'server_argv'), ('program', 'arguments', 'plugins', 'launchers', 'server_argv'), ('program', 'arguments', 'plugins', 'launchers', 'server_argv')),
    'wsgilint.core.commands.DevServer': ((True, True, True, False, (('program', False, False, True, True, True, False), ('host', False, False, True, True, True, False), ('port', False, False, True, True, True, False), ('reloads', True, False, True, True, True, False)), True), "DevServer(program: 'str', host: 'str', port: 'int', reloads: 'bool' = False)", _m4, ('reloads',), ('program', 'host', 'port', 'reloads'), ('program', 'host', 'port', 'reloads')),
    'wsgilint.core.context.ReadContext': ((False, True, True, True, (('mode', True, False, True, True, True, False), ('root', True, False, True, True, True, False), ('whole_host', True, False, True, True, True, False), ('max_file_size', True, False, True, True, True, False), ('cwd', False, True, True, True, True, False), ('known_files', False, True, True, True, True, False), ('_texts', False, True, True, True, True, False), ('_displays', False, True, True, True, True, False), ('_configs', False, True, True, True, True, False), ('_reals', False, True, True, True, True, False), ('_by_name', False, True, True, True, True, False), ('roots', True, False, True, True, True, False), ('_references', False, True, True, True, True, False), ('overlay', False, True, True, True, True, False), ('container_paths', False, True, True, True, True, False), ('bind_mounts', False, True, True, True, True, False), ('image_copies', False, True, True, True, True, False), ('unseen_below', False, True, True, True, True, False), ('run_elsewhere', False, True, True, True, True, False), ('start', True, False, True, True, True, False), ('filesystem', True, False, True, True, True, False), ('shipped', False, True, True, True, True, False), ('_first_claims', False, True, True, True, True, False), ('_real_dirs', False, True, True, True, True, False), ('_confined_dirs', False, True, True, True, True, False), ('sniffed_trees', False, True, True, True, True, False), ('nginx_tokens', True, False, True, True, True, False)), False), None, _m5, ('mode', 'root', 'whole_host', 'max_file_size', 'cwd', 'known_files', '_texts', '_displays', '_configs', '_reals', '_by_name', 'roots', '_references', 'overlay', 'container_paths', 'bind_mounts', 'image_copies', 'unseen_below', 'run_elsewhere', 'start', 'filesystem', 'shipped', '_first_claims', '_real_dirs', '_confined_dirs', 'sniffed_trees', 'nginx_tokens'), ('mode', 'root', 'whole_host', 'max_file_size', 'cwd', 'known_files', '_texts', '_displays', '_configs', '_reals', '_by_name', 'roots', '_references', 'overlay', 'container_paths', 'bind_mounts', 'image_copies', 'unseen_below', 'run_elsewhere', 'start', 'filesystem', 'shipped', '_first_claims', '_real_dirs', '_confined_dirs', 'sniffed_trees', 'nginx_tokens'), ('mode', 'root', 'whole_host', 'max_file_size', 'cwd', 'known_files', '_texts', '_displays', '_configs', '_reals', '_by_name', 'roots', '_references', 'overlay', 'container_paths', 'bind_mounts', 'image_copies', 'unseen_below', 'run_elsewhere', 'start', 'filesystem', 'shipped', '_first_claims', '_real_dirs', '_confined_dirs', 'sniffed_trees', 'nginx_tokens')),
    'wsgilint.core.context.Shipped': ((True, True, True, False, (('names', False, False, True, True, True, False), ('image', False, False, True, True, True, False), ('source', False, False, True, True, True, False), ('unseen', True, False, True, True, True, False)), False), None, _m6, ('unseen',), ('names', 'image', 'source', 'unseen'), ('names', 'image', 'source', 'unseen')),
    'wsgilint.core.gitignore._Pattern': ((True, True, True, False, (('regex', False, False, True, True, True, False), ('negated', False, False, True, True, True, False), ('directory_only', False, False, True, True, True, False)), True), "_Pattern(regex: 're.Pattern[str]', negated: 'bool', directory_only: 'bool')", _m7, (), ('regex', 'negated', 'directory_only'), ('regex', 'negated', 'directory_only')),
    'wsgilint.core.launchers.Launcher': ((True, True, True, False, (('name', False, False, True, True, True, False), ('user', True, False, True, True, True, False), ('stays', True, False, True, True, True, False), ('forwards', True, False, True, True, True, False), ('kills_after', True, False, True, True, True, False)), True), None, _m8, ('user', 'stays', 'forwards', 'kills_after'), ('name', 'user', 'stays', 'forwards', 'kills_after'), ('name', 'user', 'stays', 'forwards', 'kills_after')),
    'wsgilint.core.option.Option': ((True, True, True, False, (('key', False, False, True, True, True, False), ('value', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('raw', True, False, True, True, True, False), ('unresolved', True, False, True, True, True, False), ('env_missing', True, False, True, True, True, False)), True), None, _m9, ('raw', 'unresolved', 'env_missing'), ('key', 'value', 'at', 'raw', 'unresolved', 'env_missing'), ('key', 'value', 'at', 'raw', 'unresolved', 'env_missing')),
    'wsgilint.core.sources.Discovery': ((False, True, True, False, (('files', False, True, True, True, True, False), ('skipped', False, True, True, True, True, False), ('problems', False, True, True, True, True, False)), False), "Discovery(files: 'list[SourceFile]' = <factory>, skipped: 'list[SourceFile]' = <factory>, problems: 'list[Problem]' = <factory>)", _m10, ('files', 'skipped', 'problems'), ('files', 'skipped', 'problems'), ('files', 'skipped', 'problems')),
    'wsgilint.core.sources.SourceFile': ((True, True, True, False, (('path', False, False, True, True, True, False), ('display', False, False, True, True, True, False), ('kind', False, False, True, True, True, False), ('reason', True, False, True, True, True, False), ('renders', True, False, True, True, True, False)), True), None, _m11, ('reason', 'renders'), ('path', 'display', 'kind', 'reason', 'renders'), ('path', 'display', 'kind', 'reason', 'renders')),
    'wsgilint.core.span.Problem': ((True, True, True, False, (('kind', False, False, True, True, True, False), ('message', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('severity', True, False, True, True, True, False), ('related', True, False, True, True, True, False), ('since', True, False, True, True, True, False), ('known_to', True, False, True, True, True, False)), True), "Problem(kind: 'str', message: 'str', at: 'Span', severity: 'str' = '', related: 'tuple[tuple[Span, str], ...]' = (), since: 'tuple[str, ...]' = (), known_to: 'tuple[str, ...]' = ())", _m12, ('severity', 'related', 'since', 'known_to'), ('kind', 'message', 'at', 'severity', 'related', 'since', 'known_to'), ('kind', 'message', 'at', 'severity', 'related', 'since', 'known_to')),
    'wsgilint.core.span.Setting': ((True, True, True, False, (('value', False, False, True, True, True, False), ('at', True, False, True, True, True, False), ('note', True, False, True, True, True, False)), True), None, _m13, ('at', 'note'), ('value', 'at', 'note'), ('value', 'at', 'note')),
    'wsgilint.core.span.Span': ((True, True, True, False, (('path', False, False, True, True, True, False), ('line', True, False, True, True, True, False), ('column', True, False, True, True, True, False), ('end_column', True, False, True, True, True, False)), True), None, _m14, ('line', 'column', 'end_column'), ('path', 'line', 'column', 'end_column'), ('path', 'line', 'column', 'end_column')),
    'wsgilint.core.text.Text': ((True, True, True, False, (('text', False, False, True, True, True, False), ('encoding', True, False, True, True, True, False), ('problems', True, False, True, True, True, False)), True), "Text(text: 'str | None', encoding: 'str' = 'utf-8', problems: 'tuple[Problem, ...]' = ())", _m15, ('encoding', 'problems'), ('text', 'encoding', 'problems'), ('text', 'encoding', 'problems')),
    'wsgilint.engine.Finding': ((True, True, True, False, (('code', False, False, True, True, True, False), ('slug', False, False, True, True, True, False), ('severity', False, False, True, True, True, False), ('message', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('related', True, False, True, True, True, False), ('fix', True, False, True, True, False, False), ('anchor', True, False, True, False, False, False), ('key', True, False, True, False, False, False), ('distinct', True, False, True, False, False, False)), True), "Finding(code: 'str', slug: 'str', severity: 'str', message: 'str', at: 'Span', related: 'tuple[Related, ...]' = (), fix: 'Fix | None' = None, anchor: 'tuple[str, str] | None' = None, key: 'str | Span' = '', distinct: 'str' = '')", _m16, ('related', 'fix', 'anchor', 'key', 'distinct'), ('code', 'slug', 'severity', 'message', 'at', 'related', 'fix', 'anchor', 'key', 'distinct'), ('code', 'slug', 'severity', 'message', 'at', 'related', 'fix', 'anchor', 'key', 'distinct')),
    'wsgilint.engine.Rule': ((True, True, True, False, (('code', False, False, True, True, True, False), ('slug', False, False, True, True, True, False), ('severity', False, False, True, True, True, False), ('summary', False, False, True, True, True, False), ('doc', False, False, True, True, True, False), ('check', False, False, True, True, True, False), ('bad', False, True, True, True, True, False), ('good', False, True, True, True, True, False), ('module', True, False, True, True, True, False), ('check_suppressions', True, False, True, True, True, False), ('fixes', True, False, True, True, True, False)), False), None, _m17, ('bad', 'good', 'module', 'check_suppressions', 'fixes'), ('code', 'slug', 'severity', 'summary', 'doc', 'check', 'bad', 'good', 'module', 'check_suppressions', 'fixes'), ('code', 'slug', 'severity', 'summary', 'doc', 'check', 'bad', 'good', 'module', 'check_suppressions', 'fixes')),
    'wsgilint.engine.Suppressed': ((True, True, True, False, (('finding', False, False, True, True, True, False), ('by', False, False, True, True, True, False)), True), None, _m18, (), ('finding', 'by'), ('finding', 'by')),
    'wsgilint.engine.SuppressionOutcome': ((True, True, True, False, (('unused', False, False, True, True, True, False), ('unknown', False, False, True, True, True, False), ('without_reason', False, False, True, True, True, False), ('reason_required', False, False, True, True, True, False)), False), None, _m19, (), ('unused', 'unknown', 'without_reason', 'reason_required'), ('unused', 'unknown', 'without_reason', 'reason_required')),
    'wsgilint.fix.Change': ((True, True, True, False, (('start', False, False, True, True, True, False), ('end', False, False, True, True, True, False), ('text', False, False, True, True, True, False)), False), "Change(start: 'int', end: 'int', text: 'str')", _m20, (), ('start', 'end', 'text'), ('start', 'end', 'text')),
    'wsgilint.fix.FixPlan': ((False, True, True, False, (('applied', False, True, True, True, True, False), ('rejected', False, True, True, True, True, False), ('unsafe_left', True, False, True, True, True, False), ('originals', False, True, True, True, True, False), ('fixed', False, True, True, True, True, False), ('after', False, True, True, True, True, False)), False), None, _m21, ('applied', 'rejected', 'unsafe_left', 'originals', 'fixed', 'after'), ('applied', 'rejected', 'unsafe_left', 'originals', 'fixed', 'after'), ('applied', 'rejected', 'unsafe_left', 'originals', 'fixed', 'after')),
    'wsgilint.fix.Original': ((True, True, True, False, (('display', False, False, True, True, True, False), ('real', False, False, True, True, True, False), ('data', False, False, True, True, True, False), ('text', False, False, True, True, True, False), ('bom', False, False, True, True, True, False), ('line_starts', False, False, True, True, True, False)), False), None, _m22, (), ('display', 'real', 'data', 'text', 'bom', 'line_starts'), ('display', 'real', 'data', 'text', 'bom', 'line_starts')),
    'wsgilint.fix.Rejected': ((False, True, True, False, (('finding', False, False, True, True, True, False), ('reason', False, False, True, True, True, False)), False), "Rejected(finding: 'Finding', reason: 'str')", _m23, (), ('finding', 'reason'), ('finding', 'reason')),
    'wsgilint.fix._Candidate': ((False, True, True, False, (('finding', False, False, True, True, True, False), ('changes', False, False, True, True, True, False)), False), "_Candidate(finding: 'Finding', changes: 'dict[str, list[Change]]')", _m24, (), ('finding', 'changes'), ('finding', 'changes')),
    'wsgilint.model.AppServer': ((False, False, True, False, (('kind', False, False, True, True, True, False), ('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('options', False, True, True, True, True, False), ('listeners', False, True, True, True, True, False), ('user', True, False, True, True, True, False), ('group', True, False, True, True, True, False), ('daemonizes', True, False, True, True, True, False), ('sources', False, True, True, True, True, False), ('manager', True, False, True, True, True, False), ('start_directory', True, False, True, True, True, False), ('placeholders_used', False, True, True, True, True, False), ('uwsgi_config', True, False, True, True, True, False), ('place', True, False, True, True, True, False), ('binary_plugins', True, False, True, True, True, False), ('unseen_base', True, False, True, True, True, False), ('app_spec', True, False, True, True, True, False), ('copied_into', True, False, True, True, True, False), ('places_unknown', True, False, True, True, True, False), ('place_assumed', True, False, True, True, True, False), ('unread_configs', True, False, True, True, True, False), ('dev_stack', True, False, True, True, True, False), ('code_from_image', True, False, True, True, True, False), ('started_in_background', True, False, True, True, True, False), ('app_module', True, False, True, True, True, False), ('_last_at', False, True, False, False, True, False), ('_indexed', True, False, False, False, True, False)), True), None, _m25, ('options', 'listeners', 'user', 'group', 'daemonizes', 'sources', 'manager', 'start_directory', 'placeholders_used', 'uwsgi_config', 'place', 'binary_plugins', 'unseen_base', 'app_spec', 'copied_into', 'places_unknown', 'place_assumed', 'unread_configs', 'dev_stack', 'code_from_image', 'started_in_background', 'app_module', '_last_at', '_indexed'), ('kind', 'name', 'at', 'options', 'listeners', 'user', 'group', 'daemonizes', 'sources', 'manager', 'start_directory', 'placeholders_used', 'uwsgi_config', 'place', 'binary_plugins', 'unseen_base', 'app_spec', 'copied_into', 'places_unknown', 'place_assumed', 'unread_configs', 'dev_stack', 'code_from_image', 'started_in_background', 'app_module'), ('kind', 'name', 'at', 'options', 'listeners', 'user', 'group', 'daemonizes', 'sources', 'manager', 'start_directory', 'placeholders_used', 'uwsgi_config', 'place', 'binary_plugins', 'unseen_base', 'app_spec', 'copied_into', 'places_unknown', 'place_assumed', 'unread_configs', 'dev_stack', 'code_from_image', 'started_in_background', 'app_module', '_last_at', '_indexed')),
    'wsgilint.model.Deployment': ((False, False, True, False, (('files', False, False, True, True, True, False), ('host', False, False, True, True, True, False), ('nginx', False, True, True, True, True, False), ('app_servers', False, True, True, True, True, False), ('managers', False, True, True, True, True, False), ('problems', False, True, True, True, True, False), ('suppressions', False, True, True, True, True, False), ('uwsgi_configs', False, True, True, True, True, False), ('supervisor', False, True, True, True, True, False), ('gunicorn_configs', False, True, True, True, True, False), ('systemd_units', False, True, True, True, True, False), ('dev_servers', False, True, True, True, True, False), ('unrun_servers', False, True, True, True, True, False), ('places', False, True, True, True, True, False), ('host_folders', False, True, True, True, True, False), ('unseen_programs', False, True, True, True, True, False), ('script_starts', False, True, True, True, True, False), ('app_reads_forwarded_scheme', False, True, True, True, True, False), ('app_scheme_headers', False, True, True, True, True, False), ('app_asset_urls', False, True, True, True, True, False), ('app_request_readers', True, False, True, True, True, False), ('app_env_defaults', False, True, True, True, True, False), ('compose_dependencies', False, True, True, True, True, False), ('listeners_shown', False, True, True, True, True, False), ('packaged_nginx', False, True, True, True, True, False), ('exec_lookalikes', False, True, True, True, True, False), ('replaced_starts', False, True, True, True, True, False), ('copy_sources_missing', False, True, True, True, True, False), ('build_targets_missing', False, True, True, True, True, False), ('imageless_services', False, True, True, True, True, False), ('shared_loopback_task', True, False, True, True, True, False), ('unstarted_files', False, True, True, True, True, False), ('unstarted_lines', False, True, True, True, True, False), ('modes_unshown', True, False, True, True, True, False), ('modes_all_plain', True, False, True, True, True, False), ('build_rewrites', False, True, True, True, True, False), ('_reached', True, False, False, False, True, False)), False), "Deployment(files: 'list[SourceFile]', host: 'Host', nginx: 'list[NginxInstance]' = <factory>, app_servers: 'list[AppServer]' = <factory>, managers: 'list[ProcessManager]' = <factory>, problems: 'list[Problem]' = <factory>, suppressions: 'list[Suppression]' = <factory>, uwsgi_configs: 'list[UwsgiConfig]' = <factory>, supervisor: 'list[SupervisorConfig]' = <factory>, gunicorn_configs: 'list[GunicornConfigFile]' = <factory>, systemd_units: 'list[SystemdUnit]' = <factory>, dev_servers: 'list[AppServer]' = <factory>, unrun_servers: 'list[tuple[AppServer, str]]' = <factory>, places: 'list[Place]' = <factory>, host_folders: 'dict[str, HostFolder]' = <factory>, unseen_programs: 'list[ControlledProgram]' = <factory>, script_starts: 'list[ScriptStart]' = <factory>, app_reads_forwarded_scheme: 'list[Setting[str]]' = <factory>, app_scheme_headers: 'list[Setting[str]]' = <factory>, app_asset_urls: 'list[AssetUrl]' = <factory>, app_request_readers: 'RequestReaders | None' = None, app_env_defaults: 'dict[str, list[Setting[str]]]' = <factory>, compose_dependencies: 'list[ComposeDependency]' = <factory>, listeners_shown: 'dict[Place, NginxInstance]' = <factory>, packaged_nginx: 'dict[str, Setting[str]]' = <factory>, exec_lookalikes: 'list[ExecLookalike]' = <factory>, replaced_starts: 'dict[Span, Span]' = <factory>, copy_sources_missing: 'list[MissingCopySource]' = <factory>, build_targets_missing: 'list[MissingBuildTarget]' = <factory>, imageless_services: 'list[ImagelessService]' = <factory>, shared_loopback_task: 'Setting[str] | None' = None, unstarted_files: 'dict[str, tuple[str, tuple[int, ...]]]' = <factory>, unstarted_lines: 'dict[str, dict[int, tuple[str, str]]]' = <factory>, modes_unshown: 'str' = '', modes_all_plain: 'str' = '', build_rewrites: 'dict[str, Setting[str]]' = <factory>)", _m26, ('nginx', 'app_servers', 'managers', 'problems', 'suppressions', 'uwsgi_configs', 'supervisor', 'gunicorn_configs', 'systemd_units', 'dev_servers', 'unrun_servers', 'places', 'host_folders', 'unseen_programs', 'script_starts', 'app_reads_forwarded_scheme', 'app_scheme_headers', 'app_asset_urls', 'app_request_readers', 'app_env_defaults', 'compose_dependencies', 'listeners_shown', 'packaged_nginx', 'exec_lookalikes', 'replaced_starts', 'copy_sources_missing', 'build_targets_missing', 'imageless_services', 'shared_loopback_task', 'unstarted_files', 'unstarted_lines', 'modes_unshown', 'modes_all_plain', 'build_rewrites', '_reached'), ('files', 'host', 'nginx', 'app_servers', 'managers', 'problems', 'suppressions', 'uwsgi_configs', 'supervisor', 'gunicorn_configs', 'systemd_units', 'dev_servers', 'unrun_servers', 'places', 'host_folders', 'unseen_programs', 'script_starts', 'app_reads_forwarded_scheme', 'app_scheme_headers', 'app_asset_urls', 'app_request_readers', 'app_env_defaults', 'compose_dependencies', 'listeners_shown', 'packaged_nginx', 'exec_lookalikes', 'replaced_starts', 'copy_sources_missing', 'build_targets_missing', 'imageless_services', 'shared_loopback_task', 'unstarted_files', 'unstarted_lines', 'modes_unshown', 'modes_all_plain', 'build_rewrites'), ('files', 'host', 'nginx', 'app_servers', 'managers', 'problems', 'suppressions', 'uwsgi_configs', 'supervisor', 'gunicorn_configs', 'systemd_units', 'dev_servers', 'unrun_servers', 'places', 'host_folders', 'unseen_programs', 'script_starts', 'app_reads_forwarded_scheme', 'app_scheme_headers', 'app_asset_urls', 'app_request_readers', 'app_env_defaults', 'compose_dependencies', 'listeners_shown', 'packaged_nginx', 'exec_lookalikes', 'replaced_starts', 'copy_sources_missing', 'build_targets_missing', 'imageless_services', 'shared_loopback_task', 'unstarted_files', 'unstarted_lines', 'modes_unshown', 'modes_all_plain', 'build_rewrites', '_reached')),
    'wsgilint.model.FileRewrite': ((True, True, True, False, (('path', False, False, True, True, True, False), ('how', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('source', True, False, True, True, True, False)), True), None, _m27, ('source',), ('path', 'how', 'at', 'source'), ('path', 'how', 'at', 'source')),
    'wsgilint.model.Host': ((False, False, True, False, (('mode', False, False, True, True, True, False), ('somaxconn', False, False, True, True, True, False), ('users', False, True, True, True, True, False), ('groups', False, True, True, True, True, False), ('nofile_limits', False, True, True, True, True, False), ('boot_directories', False, True, True, True, True, False), ('versions', False, True, True, True, True, False), ('assumed_versions', False, True, True, True, True, False), ('container_versions', False, True, True, True, True, False), ('newest_of_line', False, True, True, True, True, False), ('whole_host', True, False, True, True, True, False)), True), None, _m28, ('users', 'groups', 'nofile_limits', 'boot_directories', 'versions', 'assumed_versions', 'container_versions', 'newest_of_line', 'whole_host'), ('mode', 'somaxconn', 'users', 'groups', 'nofile_limits', 'boot_directories', 'versions', 'assumed_versions', 'container_versions', 'newest_of_line', 'whole_host'), ('mode', 'somaxconn', 'users', 'groups', 'nofile_limits', 'boot_directories', 'versions', 'assumed_versions', 'container_versions', 'newest_of_line', 'whole_host')),
    'wsgilint.model.ImageGroup': ((True, True, True, False, (('name', False, False, True, True, True, False), ('gid', False, False, True, True, True, False), ('members', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m29, (), ('name', 'gid', 'members', 'at'), ('name', 'gid', 'members', 'at')),
    'wsgilint.model.ImagelessService': ((True, True, True, False, (('service', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('project', False, False, True, True, True, False)), True), None, _m30, (), ('service', 'at', 'project'), ('service', 'at', 'project')),
    'wsgilint.model.Listener': ((False, False, True, False, (('address', False, False, True, True, True, False), ('protocol', False, False, True, True, True, False), ('option', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('server', False, False, True, True, True, False), ('mode', True, False, True, True, True, False), ('owner', True, False, True, True, True, False), ('group', True, False, True, True, True, False), ('bound_by', True, False, True, True, True, False), ('protocol_at', True, False, True, True, True, False), ('resolved_in', True, False, True, True, True, False)), True), "Listener(address: 'Address', protocol: 'str', option: 'str', at: 'Span', server: 'AppServer', mode: 'Setting[int] | None' = None, owner: 'Setting[str] | None' = None, group: 'Setting[str] | None' = None, bound_by: 'str' = '', protocol_at: 'Span | None' = None, resolved_in: 'Setting[str] | None' = None)", _m31, ('mode', 'owner', 'group', 'bound_by', 'protocol_at', 'resolved_in'), ('address', 'protocol', 'option', 'at', 'server', 'mode', 'owner', 'group', 'bound_by', 'protocol_at', 'resolved_in'), ('address', 'protocol', 'option', 'at', 'server', 'mode', 'owner', 'group', 'bound_by', 'protocol_at', 'resolved_in')),
    'wsgilint.model.MissingBuildTarget': ((True, True, True, False, (('target', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('dockerfile', False, False, True, True, True, False), ('stages', False, False, True, True, True, False), ('service', False, False, True, True, True, False)), True), None, _m32, (), ('target', 'at', 'dockerfile', 'stages', 'service'), ('target', 'at', 'dockerfile', 'stages', 'service')),
    'wsgilint.model.MissingCopySource': ((True, True, True, False, (('source', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('context', False, False, True, True, True, False), ('namesakes', False, False, True, True, True, False), ('service', False, False, True, True, True, False)), True), None, _m33, (), ('source', 'at', 'context', 'namesakes', 'service'), ('source', 'at', 'context', 'namesakes', 'service')),
    'wsgilint.model.NginxDirective': ((True, True, True, False, (('name', False, False, True, True, True, False), ('args', False, False, True, True, True, False), ('name_at', False, False, True, True, True, False), ('end_column', True, False, True, True, True, False), ('value_column', True, False, True, True, True, False), ('value_end', True, False, True, True, True, False), ('value_elsewhere', True, False, True, True, True, False)), True), None, _m34, ('end_column', 'value_column', 'value_end', 'value_elsewhere'), ('name', 'args', 'name_at', 'end_column', 'value_column', 'value_end', 'value_elsewhere'), ('name', 'args', 'name_at', 'end_column', 'value_column', 'value_end', 'value_elsewhere')),
    'wsgilint.model.NginxInstance': ((False, False, True, False, (('main', False, False, True, True, True, False), ('standalone', False, False, True, True, True, False), ('user', False, False, True, True, True, False), ('worker_connections', False, False, True, True, True, False), ('worker_rlimit_nofile', False, False, True, True, True, False), ('daemon', False, False, True, True, True, False), ('routes', False, True, True, True, True, False), ('place', True, False, True, True, True, False), ('directives', False, True, True, True, True, False), ('files', False, True, True, True, True, False), ('listen_count', True, False, True, True, True, False), ('http', False, True, True, True, True, False), ('upstreams', False, True, True, True, True, False), ('server_listens', False, True, True, True, True, False), ('unknown_directives', False, True, True, True, True, False), ('log_directives', False, True, True, True, True, False), ('assumed', False, True, True, True, True, False), ('events_missing', True, False, True, True, True, False), ('stock_files', True, False, True, True, True, False), ('mount_only_parents', False, True, True, True, True, False), ('group', True, False, True, True, True, False), ('refused_in_main', True, False, True, True, True, False), ('start_unseen', True, False, True, True, True, False)), True), None, _m35, ('routes', 'place', 'directives', 'files', 'listen_count', 'http', 'upstreams', 'server_listens', 'unknown_directives', 'log_directives', 'assumed', 'events_missing', 'stock_files', 'mount_only_parents', 'group', 'refused_in_main', 'start_unseen'), ('main', 'standalone', 'user', 'worker_connections', 'worker_rlimit_nofile', 'daemon', 'routes', 'place', 'directives', 'files', 'listen_count', 'http', 'upstreams', 'server_listens', 'unknown_directives', 'log_directives', 'assumed', 'events_missing', 'stock_files', 'mount_only_parents', 'group', 'refused_in_main', 'start_unseen'), ('main', 'standalone', 'user', 'worker_connections', 'worker_rlimit_nofile', 'daemon', 'routes', 'place', 'directives', 'files', 'listen_count', 'http', 'upstreams', 'server_listens', 'unknown_directives', 'log_directives', 'assumed', 'events_missing', 'stock_files', 'mount_only_parents', 'group', 'refused_in_main', 'start_unseen')),
    'wsgilint.model.ProcessManager': ((False, False, True, False, (('kind', False, False, True, True, True, False), ('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('place', True, False, True, True, True, False), ('argv', True, False, True, True, True, False), ('user', True, False, True, True, True, False), ('group', True, False, True, True, True, False), ('directory', True, False, True, True, True, False), ('server_directory', True, False, True, True, True, False), ('environment', False, True, True, True, True, False), ('environment_unseen', True, False, True, True, True, False), ('environment_unknown', False, True, True, True, True, False), ('stop_signal', False, True, True, True, True, False), ('stop_command', True, False, True, True, True, False), ('stop_command_unseen', True, False, True, True, True, False), ('stop_timeout', True, False, True, True, True, False), ('kills_group', True, False, True, True, True, False), ('service_type', True, False, True, True, True, False), ('private_tmp', True, False, True, True, True, False), ('stdin', True, False, True, True, True, False), ('runtime_directories', False, True, True, True, True, False), ('start_creates', True, False, True, True, True, False), ('removed_on_stop', True, False, True, True, True, False), ('runtime_directory_mode', True, False, True, True, True, False), ('dynamic_user', True, False, True, True, True, False), ('limit_nofile', True, False, True, True, True, False), ('runs', True, False, True, True, True, False), ('dev_server', True, False, True, True, True, False), ('dev_server_in_code', True, False, True, True, True, False), ('launched_by', True, False, True, True, True, False), ('supervisord_start', True, False, True, True, True, False), ('runs_program', True, False, True, True, True, False), ('servers_beside', False, True, True, True, True, False), ('supervisords_before', True, False, True, True, True, False), ('start_not_executable', True, False, True, True, True, False), ('program_missing', True, False, True, True, True, False), ('start_scripts', True, False, True, True, True, False), ('wrapper', True, False, True, True, True, False), ('wrapper_outer', True, False, True, True, True, False), ('wrapper_execs', True, False, True, True, True, False), ('wrapper_shell', True, False, True, True, True, False), ('wrapper_after', True, False, True, True, True, False), ('wrapper_held_by', True, False, True, True, True, False), ('wrapper_background', True, False, True, True, True, False), ('wrapper_others', True, False, True, True, True, False), ('background_starts', True, False, True, True, True, False), ('daemon_starts', True, False, True, True, True, False), ('also_serves', True, False, True, True, True, False), ('services_started', True, False, True, True, True, False), ('hands_off', True, False, True, True, True, False), ('wrapper_traps', True, False, True, True, True, False), ('options', False, True, True, True, True, False), ('stock_files', False, True, True, True, True, False), ('stays_foreground', True, False, True, True, True, False), ('ends_container', True, False, True, True, True, False), ('launchers', True, False, True, True, True, False), ('wrapper_launchers', True, False, True, True, True, False), ('rewrites', True, False, True, True, True, False), ('unseen_config', True, False, True, True, True, False), ('accounts_added', True, False, True, True, True, False), ('image_groups', False, True, True, True, True, False), ('arbitrary_uid', True, False, True, True, True, False), ('keeps_caller_uid', True, False, True, True, True, False), ('stderr_file', True, False, True, True, True, False), ('start_unseen', True, False, True, True, True, False)), True), None, _m36, ('place', 'argv', 'user', 'group', 'directory', 'server_directory', 'environment', 'environment_unseen', 'environment_unknown', 'stop_signal', 'stop_command', 'stop_command_unseen', 'stop_timeout', 'kills_group', 'service_type', 'private_tmp', 'stdin', 'runtime_directories', 'start_creates', 'removed_on_stop', 'runtime_directory_mode', 'dynamic_user', 'limit_nofile', 'runs', 'dev_server', 'dev_server_in_code', 'launched_by', 'supervisord_start', 'runs_program', 'servers_beside', 'supervisords_before', 'start_not_executable', 'program_missing', 'start_scripts', 'wrapper', 'wrapper_outer', 'wrapper_execs', 'wrapper_shell', 'wrapper_after', 'wrapper_held_by', 'wrapper_background', 'wrapper_others', 'background_starts', 'daemon_starts', 'also_serves', 'services_started', 'hands_off', 'wrapper_traps', 'options', 'stock_files', 'stays_foreground', 'ends_container', 'launchers', 'wrapper_launchers', 'rewrites', 'unseen_config', 'accounts_added', 'image_groups', 'arbitrary_uid', 'keeps_caller_uid', 'stderr_file', 'start_unseen'), ('kind', 'name', 'at', 'place', 'argv', 'user', 'group', 'directory', 'server_directory', 'environment', 'environment_unseen', 'environment_unknown', 'stop_signal', 'stop_command', 'stop_command_unseen', 'stop_timeout', 'kills_group', 'service_type', 'private_tmp', 'stdin', 'runtime_directories', 'start_creates', 'removed_on_stop', 'runtime_directory_mode', 'dynamic_user', 'limit_nofile', 'runs', 'dev_server', 'dev_server_in_code', 'launched_by', 'supervisord_start', 'runs_program', 'servers_beside', 'supervisords_before', 'start_not_executable', 'program_missing', 'start_scripts', 'wrapper', 'wrapper_outer', 'wrapper_execs', 'wrapper_shell', 'wrapper_after', 'wrapper_held_by', 'wrapper_background', 'wrapper_others', 'background_starts', 'daemon_starts', 'also_serves', 'services_started', 'hands_off', 'wrapper_traps', 'options', 'stock_files', 'stays_foreground', 'ends_container', 'launchers', 'wrapper_launchers', 'rewrites', 'unseen_config', 'accounts_added', 'image_groups', 'arbitrary_uid', 'keeps_caller_uid', 'stderr_file', 'start_unseen'), ('kind', 'name', 'at', 'place', 'argv', 'user', 'group', 'directory', 'server_directory', 'environment', 'environment_unseen', 'environment_unknown', 'stop_signal', 'stop_command', 'stop_command_unseen', 'stop_timeout', 'kills_group', 'service_type', 'private_tmp', 'stdin', 'runtime_directories', 'start_creates', 'removed_on_stop', 'runtime_directory_mode', 'dynamic_user', 'limit_nofile', 'runs', 'dev_server', 'dev_server_in_code', 'launched_by', 'supervisord_start', 'runs_program', 'servers_beside', 'supervisords_before', 'start_not_executable', 'program_missing', 'start_scripts', 'wrapper', 'wrapper_outer', 'wrapper_execs', 'wrapper_shell', 'wrapper_after', 'wrapper_held_by', 'wrapper_background', 'wrapper_others', 'background_starts', 'daemon_starts', 'also_serves', 'services_started', 'hands_off', 'wrapper_traps', 'options', 'stock_files', 'stays_foreground', 'ends_container', 'launchers', 'wrapper_launchers', 'rewrites', 'unseen_config', 'accounts_added', 'image_groups', 'arbitrary_uid', 'keeps_caller_uid', 'stderr_file', 'start_unseen')),
    'wsgilint.model.Route': ((False, False, True, False, (('handler', False, False, True, True, True, False), ('protocol', False, False, True, True, True, False), ('location', False, False, True, True, True, False), ('location_at', False, False, True, True, True, False), ('server', False, False, True, True, True, False), ('targets', False, True, True, True, True, False), ('upstream', True, False, True, True, True, False), ('in_if', True, False, True, True, True, False), ('place', True, False, True, True, True, False), ('directives', False, True, True, True, True, False), ('unread_includes', True, False, True, True, True, False), ('unseen_includes', True, False, True, True, True, False), ('rewritten', True, False, True, True, True, False)), True), None, _m37, ('targets', 'upstream', 'in_if', 'place', 'directives', 'unread_includes', 'unseen_includes', 'rewritten'), ('handler', 'protocol', 'location', 'location_at', 'server', 'targets', 'upstream', 'in_if', 'place', 'directives', 'unread_includes', 'unseen_includes', 'rewritten'), ('handler', 'protocol', 'location', 'location_at', 'server', 'targets', 'upstream', 'in_if', 'place', 'directives', 'unread_includes', 'unseen_includes', 'rewritten')),
    'wsgilint.model.Target': ((True, True, True, False, (('address', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('resolved_later', True, False, True, True, True, False)), True), None, _m38, ('resolved_later',), ('address', 'at', 'resolved_later'), ('address', 'at', 'resolved_later')),
    'wsgilint.model.address.Address': ((True, True, True, False, (('family', False, False, True, True, True, False), ('host', True, False, True, True, True, False), ('port', True, False, True, True, True, False), ('path', True, False, True, True, True, False), ('text', True, False, True, True, True, False)), True), None, _m39, ('host', 'port', 'path', 'text'), ('family', 'host', 'port', 'path', 'text'), ('family', 'host', 'port', 'path', 'text')),
    'wsgilint.model.base_images.BaseImage': ((True, True, True, False, (('written', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('known', False, False, True, True, True, False), ('source', True, False, True, True, True, False), ('env', False, True, True, True, True, False), ('entrypoint', True, False, True, True, True, False), ('cmd', True, False, True, True, True, False), ('workdir', True, False, True, True, True, False), ('files', False, True, True, True, True, False), ('supervisord_config', True, False, True, True, True, False), ('supervisord_start', True, False, True, True, True, False), ('programs', True, False, True, True, True, False), ('supervisord_quits', True, False, True, True, True, False), ('computed', True, False, True, True, True, False), ('stop_signal', True, False, True, True, True, False), ('user', True, False, True, True, True, False), ('entrypoint_execs', True, False, True, True, True, False), ('nginx_files', True, False, True, True, True, False), ('nginx_source', True, False, True, True, True, False), ('nginx_conf_user', True, False, True, True, True, False), ('renders_templates', True, False, True, True, True, False), ('bin_sh', True, False, True, True, True, False), ('nginx_includes', True, False, True, True, True, False), ('nginx_includes_source', True, False, True, True, True, False), ('populated_roots', True, False, True, True, True, False), ('populated_source', True, False, True, True, True, False), ('known_folders', False, True, True, True, True, False), ('known_folders_source', True, False, True, True, True, False)), False), None, _m40, ('source', 'env', 'entrypoint', 'cmd', 'workdir', 'files', 'supervisord_config', 'supervisord_start', 'programs', 'supervisord_quits', 'computed', 'stop_signal', 'user', 'entrypoint_execs', 'nginx_files', 'nginx_source', 'nginx_conf_user', 'renders_templates', 'bin_sh', 'nginx_includes', 'nginx_includes_source', 'populated_roots', 'populated_source', 'known_folders', 'known_folders_source'), ('written', 'at', 'known', 'source', 'env', 'entrypoint', 'cmd', 'workdir', 'files', 'supervisord_config', 'supervisord_start', 'programs', 'supervisord_quits', 'computed', 'stop_signal', 'user', 'entrypoint_execs', 'nginx_files', 'nginx_source', 'nginx_conf_user', 'renders_templates', 'bin_sh', 'nginx_includes', 'nginx_includes_source', 'populated_roots', 'populated_source', 'known_folders', 'known_folders_source'), ('written', 'at', 'known', 'source', 'env', 'entrypoint', 'cmd', 'workdir', 'files', 'supervisord_config', 'supervisord_start', 'programs', 'supervisord_quits', 'computed', 'stop_signal', 'user', 'entrypoint_execs', 'nginx_files', 'nginx_source', 'nginx_conf_user', 'renders_templates', 'bin_sh', 'nginx_includes', 'nginx_includes_source', 'populated_roots', 'populated_source', 'known_folders', 'known_folders_source')),
    'wsgilint.model.base_images.StockProgram': ((True, True, True, False, (('name', False, False, True, True, True, False), ('argv', False, False, True, True, True, False), ('stop_signal', False, False, True, True, True, False), ('stop_timeout', False, False, True, True, True, False), ('foreground', True, False, True, True, True, False)), False), None, _m41, ('foreground',), ('name', 'argv', 'stop_signal', 'stop_timeout', 'foreground'), ('name', 'argv', 'stop_signal', 'stop_timeout', 'foreground')),
    'wsgilint.model.compose_deps.ComposeDependency': ((True, True, True, False, (('service', False, False, True, True, True, False), ('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('project', False, False, True, True, True, False), ('defined', False, False, True, True, True, False), ('elsewhere', True, False, True, True, True, False), ('unseen', True, False, True, True, True, False), ('via', True, False, True, True, True, False)), True), None, _m42, ('elsewhere', 'unseen', 'via'), ('service', 'name', 'at', 'project', 'defined', 'elsewhere', 'unseen', 'via'), ('service', 'name', 'at', 'project', 'defined', 'elsewhere', 'unseen', 'via')),
    'wsgilint.model.container_images.Image': ((False, True, True, False, (('dockerfile', False, False, True, True, True, False), ('cmd', True, False, True, True, True, False), ('cmd_shell', True, False, True, True, True, False), ('entrypoint', True, False, True, True, True, False), ('entrypoint_shell', True, False, True, True, True, False), ('user', True, False, True, True, True, False), ('stop_signal', True, False, True, True, True, False), ('workdir', True, False, True, True, True, False), ('env', False, True, True, True, True, False), ('args', False, True, True, True, True, False), ('copies', False, True, True, True, True, False), ('base', True, False, True, True, True, False), ('cmd_from_base', True, False, True, True, True, False), ('env_unknown', False, True, True, True, True, False), ('open_args', False, True, True, True, True, False), ('writes', False, True, True, True, True, False), ('rewrites', False, True, True, True, True, False), ('shell', True, False, True, True, True, False), ('nginx_daemon_off', True, False, True, True, True, False), ('directories', False, True, True, True, True, False), ('accounts_added', False, True, True, True, True, False), ('groups', False, True, True, True, True, False), ('arbitrary_uid', True, False, True, True, True, False), ('missing_sources', False, True, True, True, True, False), ('target_missing', True, False, True, True, True, False), ('stage_names', True, False, True, True, True, False), ('made_executable', False, True, True, True, True, False), ('modes_unknown', True, False, True, True, True, False), ('install_steps', False, True, True, True, True, False), ('installs_unread', True, False, True, True, True, False), ('distribution_nginx', True, False, True, True, True, False)), False), None, _m43, ('cmd', 'cmd_shell', 'entrypoint', 'entrypoint_shell', 'user', 'stop_signal', 'workdir', 'env', 'args', 'copies', 'base', 'cmd_from_base', 'env_unknown', 'open_args', 'writes', 'rewrites', 'shell', 'nginx_daemon_off', 'directories', 'accounts_added', 'groups', 'arbitrary_uid', 'missing_sources', 'target_missing', 'stage_names', 'made_executable', 'modes_unknown', 'install_steps', 'installs_unread', 'distribution_nginx'), ('dockerfile', 'cmd', 'cmd_shell', 'entrypoint', 'entrypoint_shell', 'user', 'stop_signal', 'workdir', 'env', 'args', 'copies', 'base', 'cmd_from_base', 'env_unknown', 'open_args', 'writes', 'rewrites', 'shell', 'nginx_daemon_off', 'directories', 'accounts_added', 'groups', 'arbitrary_uid', 'missing_sources', 'target_missing', 'stage_names', 'made_executable', 'modes_unknown', 'install_steps', 'installs_unread', 'distribution_nginx'), ('dockerfile', 'cmd', 'cmd_shell', 'entrypoint', 'entrypoint_shell', 'user', 'stop_signal', 'workdir', 'env', 'args', 'copies', 'base', 'cmd_from_base', 'env_unknown', 'open_args', 'writes', 'rewrites', 'shell', 'nginx_daemon_off', 'directories', 'accounts_added', 'groups', 'arbitrary_uid', 'missing_sources', 'target_missing', 'stage_names', 'made_executable', 'modes_unknown', 'install_steps', 'installs_unread', 'distribution_nginx')),
    'wsgilint.model.container_services.Service': ((False, True, True, False, (('name', False, False, True, True, True, False), ('node', False, False, True, True, True, False), ('key', False, False, True, True, True, False), ('image', True, False, True, True, True, False), ('volumes', False, True, True, True, True, False), ('networks', True, False, True, True, True, False), ('hostnames', True, False, True, True, True, False), ('lookup', True, False, True, True, True, False)), False), None, _m44, ('image', 'volumes', 'networks', 'hostnames', 'lookup'), ('name', 'node', 'key', 'image', 'volumes', 'networks', 'hostnames', 'lookup'), ('name', 'node', 'key', 'image', 'volumes', 'networks', 'hostnames', 'lookup')),
    'wsgilint.model.controlled.ControlledProgram': ((True, True, True, False, (('name', False, False, True, True, True, False), ('manager', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m45, (), ('name', 'manager', 'at'), ('name', 'manager', 'at')),
    'wsgilint.model.controlled.ScriptStart': ((True, True, True, False, (('program', False, False, True, True, True, False), ('argv', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m46, (), ('program', 'argv', 'at'), ('program', 'argv', 'at')),
    'wsgilint.model.graph.BrowserUrl': ((True, True, True, False, (('variable', False, False, True, True, True, False), ('url', False, False, True, True, True, False), ('port', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m47, (), ('variable', 'url', 'port', 'at'), ('variable', 'url', 'port', 'at')),
    'wsgilint.model.graph.HostFolder': ((True, True, True, False, (('path', False, False, True, True, True, False), ('exact', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m48, (), ('path', 'exact', 'at'), ('path', 'exact', 'at')),
    'wsgilint.model.graph.Launch': ((True, True, True, False, (('manager', False, False, True, True, True, False), ('program', False, False, True, True, True, False), ('argv', False, False, True, True, True, False), ('user', False, False, True, True, True, False), ('place', False, False, True, True, True, False), ('server', False, False, True, True, True, False)), True), None, _m49, (), ('manager', 'program', 'argv', 'user', 'place', 'server'), ('manager', 'program', 'argv', 'user', 'place', 'server')),
    'wsgilint.model.graph.Place': ((True, True, True, False, (('name', False, False, True, True, True, False), ('kind', True, False, True, True, True, False), ('network', True, False, True, True, True, False), ('mounts', True, False, True, True, True, False), ('volumes', True, False, True, True, True, False), ('networks', True, False, True, True, True, False), ('hostnames', True, False, True, True, True, False), ('published', True, False, True, True, True, False), ('label', True, False, True, True, True, False), ('started_with', True, False, True, True, True, False), ('run_unseen', True, False, True, True, True, False), ('numbered', True, False, True, True, True, False), ('extra_names', True, False, True, True, False, False), ('names_open', True, False, True, True, False, False), ('dev_container', True, False, True, True, False, False), ('browser_urls', True, False, True, True, False, False)), True), None, _m50, ('kind', 'network', 'mounts', 'volumes', 'networks', 'hostnames', 'published', 'label', 'started_with', 'run_unseen', 'numbered', 'extra_names', 'names_open', 'dev_container', 'browser_urls'), ('name', 'kind', 'network', 'mounts', 'volumes', 'networks', 'hostnames', 'published', 'label', 'started_with', 'run_unseen', 'numbered', 'extra_names', 'names_open', 'dev_container', 'browser_urls'), ('name', 'kind', 'network', 'mounts', 'volumes', 'networks', 'hostnames', 'published', 'label', 'started_with', 'run_unseen', 'numbered', 'extra_names', 'names_open', 'dev_container', 'browser_urls')),
    'wsgilint.model.graph.Published': ((True, True, True, False, (('container_port', False, False, True, True, True, False), ('host_ip', False, False, True, True, True, False), ('host_port', False, False, True, True, True, False), ('at', True, False, True, True, True, False)), True), None, _m51, ('at',), ('container_port', 'host_ip', 'host_port', 'at'), ('container_port', 'host_ip', 'host_port', 'at')),
    'wsgilint.model.graph.Reach': ((True, True, True, False, (('route', False, False, True, True, True, False), ('target', False, False, True, True, True, False), ('listeners', False, False, True, True, True, False)), True), None, _m52, (), ('route', 'target', 'listeners'), ('route', 'target', 'listeners')),
    'wsgilint.model.gunicorn_config.GunicornAnnotation': ((True, True, True, False, (('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('source', False, False, True, True, True, False), ('written', False, False, True, True, True, False), ('default', False, False, True, True, True, False)), True), None, _m53, (), ('name', 'at', 'source', 'written', 'default'), ('name', 'at', 'source', 'written', 'default')),
    'wsgilint.model.gunicorn_config.GunicornConfigFile': ((True, True, True, False, (('path', False, False, True, True, True, False), ('settings', False, False, True, True, True, False), ('other_names', False, False, True, True, True, False), ('annotations', False, False, True, True, True, False)), True), "GunicornConfigFile(path: 'str', settings: 'tuple[Option, ...]', other_names: 'tuple[GunicornName, ...]', annotations: 'tuple[GunicornAnnotation, ...]')", _m54, (), ('path', 'settings', 'other_names', 'annotations'), ('path', 'settings', 'other_names', 'annotations')),
    'wsgilint.model.gunicorn_config.GunicornName': ((True, True, True, False, (('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('unresolved', False, False, True, True, True, False), ('referenced', False, False, True, True, True, False), ('meant', False, False, True, True, True, False), ('value', True, False, True, True, True, False), ('meant_default', True, False, True, True, True, False)), True), None, _m55, ('value', 'meant_default'), ('name', 'at', 'unresolved', 'referenced', 'meant', 'value', 'meant_default'), ('name', 'at', 'unresolved', 'referenced', 'meant', 'value', 'meant_default')),
    'wsgilint.model.image_installs.InstallStep': ((True, True, True, False, (('at', False, False, True, True, True, False), ('command', False, False, True, True, True, False), ('names', True, False, True, True, True, False), ('reads', True, False, True, True, True, False)), True), None, _m56, ('names', 'reads'), ('at', 'command', 'names', 'reads'), ('at', 'command', 'names', 'reads')),
    'wsgilint.model.image_installs.RunInstalls': ((True, True, True, False, (('steps', True, False, True, True, True, False), ('unread', True, False, True, True, True, False)), True), None, _m57, ('steps', 'unread'), ('steps', 'unread'), ('steps', 'unread')),
    'wsgilint.model.nginx._Frame': ((False, True, True, False, (('items', False, False, True, True, True, False), ('role', False, False, True, True, True, False), ('scope', False, False, True, True, True, False), ('block', False, False, True, True, True, False), ('upstreams', False, False, True, True, True, False), ('checked', False, False, True, True, True, False), ('recorded', False, False, True, True, True, False), ('upstream', True, False, True, True, True, False), ('own', True, False, True, True, True, False), ('opened', True, False, True, True, True, False), ('unkept', True, False, True, True, True, False)), True), None, _m58, ('upstream', 'own', 'opened', 'unkept'), ('items', 'role', 'scope', 'block', 'upstreams', 'checked', 'recorded', 'upstream', 'own', 'opened', 'unkept'), ('items', 'role', 'scope', 'block', 'upstreams', 'checked', 'recorded', 'upstream', 'own', 'opened', 'unkept')),
    'wsgilint.model.nginx._Replay': ((False, True, True, False, (('directives', False, False, True, True, True, False), ('unknown', False, False, True, True, True, False), ('by_name', False, False, True, True, True, False)), True), None, _m59, (), ('directives', 'unknown', 'by_name'), ('directives', 'unknown', 'by_name')),
    'wsgilint.model.nginx_scope.NginxHttp': ((False, False, True, False, (('at', False, False, True, True, True, True), ('block', False, False, True, True, True, True), ('parent', False, False, True, True, True, True), ('own', False, True, True, True, True, True), ('servers', False, True, True, True, True, True)), True), None, _m60, ('own', 'servers'), (), ('at', 'block', 'parent', 'own', 'servers')),
    'wsgilint.model.nginx_scope.NginxLocation': ((False, False, True, False, (('at', False, False, True, True, True, True), ('block', False, False, True, True, True, True), ('parent', False, False, True, True, True, True), ('own', False, True, True, True, True, True), ('locations', True, False, True, True, True, True), ('handler', True, False, True, True, True, True)), True), None, _m61, ('own', 'locations', 'handler'), (), ('at', 'block', 'parent', 'own', 'locations', 'handler')),
    'wsgilint.model.nginx_scope.NginxScope': ((False, False, True, False, (('at', False, False, True, True, True, True), ('block', False, False, True, True, True, True), ('parent', False, False, True, True, True, True), ('own', False, True, True, True, True, True)), True), None, _m62, ('own',), (), ('at', 'block', 'parent', 'own')),
    'wsgilint.model.nginx_scope.NginxServer': ((False, False, True, False, (('at', False, False, True, True, True, True), ('block', False, False, True, True, True, True), ('parent', False, False, True, True, True, True), ('own', False, True, True, True, True, True), ('locations', True, False, True, True, True, True), ('passed_over', True, False, True, True, True, True)), True), None, _m63, ('own', 'locations', 'passed_over'), (), ('at', 'block', 'parent', 'own', 'locations', 'passed_over')),
    'wsgilint.model.nginx_scope.NginxUpstream': ((True, False, True, False, (('name', False, False, True, True, True, False), ('block', False, False, True, True, True, False), ('servers', False, True, True, True, True, False)), True), "NginxUpstream(name: 'str', block: 'NginxDirective', servers: 'list[NginxDirective]' = <factory>)", _m64, ('servers',), ('name', 'block', 'servers'), ('name', 'block', 'servers')),
    'wsgilint.model.runtime_dirs.CreatedDirectory': ((True, True, True, False, (('path', False, False, True, True, True, False), ('owner', False, False, True, True, True, False), ('group', False, False, True, True, True, False), ('mode', False, False, True, True, True, False), ('created_by', False, False, True, True, True, False)), True), "CreatedDirectory(path: 'str', owner: 'Setting[str]', group: 'Setting[str] | None', mode: 'Setting[int]', created_by: 'Setting[str]')", _m65, (), ('path', 'owner', 'group', 'mode', 'created_by'), ('path', 'owner', 'group', 'mode', 'created_by')),
    'wsgilint.model.supervisor.SupervisorComment': ((True, True, True, False, (('text', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m66, (), ('text', 'at'), ('text', 'at')),
    'wsgilint.model.supervisor.SupervisorConfig': ((True, True, True, False, (('path', False, False, True, True, True, False), ('files', False, False, True, True, True, False), ('sections', False, False, True, True, True, False), ('processes', False, False, True, True, True, False), ('control_servers', False, False, True, True, True, False), ('serverurl', False, False, True, True, True, False), ('client_url', False, False, True, True, True, False), ('client_target', False, False, True, True, True, False), ('unmatched_includes', False, False, True, True, True, False)), True), None, _m67, (), ('path', 'files', 'sections', 'processes', 'control_servers', 'serverurl', 'client_url', 'client_target', 'unmatched_includes'), ('path', 'files', 'sections', 'processes', 'control_servers', 'serverurl', 'client_url', 'client_target', 'unmatched_includes')),
    'wsgilint.model.supervisor.SupervisorControlServer': ((True, True, True, False, (('section', False, False, True, True, True, False), ('value', False, False, True, True, True, False), ('address', False, False, True, True, True, False), ('socket_group', True, False, True, True, True, False)), True), None, _m68, ('socket_group',), ('section', 'value', 'address', 'socket_group'), ('section', 'value', 'address', 'socket_group')),
    'wsgilint.model.supervisor.SupervisorEnvironment': ((True, True, True, False, (('values', False, False, True, True, True, False), ('dropped', True, False, True, True, True, False), ('error', True, False, True, True, True, False)), True), None, _m69, ('dropped', 'error'), ('values', 'dropped', 'error'), ('values', 'dropped', 'error')),
    'wsgilint.model.supervisor.SupervisorExpansion': ((True, True, True, False, (('text', False, False, True, True, True, False), ('unresolved', True, False, True, True, True, False), ('error', True, False, True, True, True, False), ('bad_format', True, False, True, True, True, False), ('whole_environment', True, False, True, True, True, False)), True), None, _m70, ('unresolved', 'error', 'bad_format', 'whole_environment'), ('text', 'unresolved', 'error', 'bad_format', 'whole_environment'), ('text', 'unresolved', 'error', 'bad_format', 'whole_environment')),
    'wsgilint.model.supervisor.SupervisorProcess': ((True, True, True, False, (('section', False, False, True, True, True, False), ('name', False, False, True, True, True, False), ('group', False, False, True, True, True, False), ('number', False, False, True, True, True, False), ('command', False, False, True, True, True, False), ('argv', False, False, True, True, True, False), ('argv_error', False, False, True, True, True, False), ('environment', False, False, True, True, True, False), ('environment_dropped', False, False, True, True, True, False)), True), None, _m71, (), ('section', 'name', 'group', 'number', 'command', 'argv', 'argv_error', 'environment', 'environment_dropped'), ('section', 'name', 'group', 'number', 'command', 'argv', 'argv_error', 'environment', 'environment_dropped')),
    'wsgilint.model.supervisor.SupervisorSection': ((True, True, True, False, (('name', False, False, True, True, True, False), ('kind', False, False, True, True, True, False), ('label', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('headers', False, False, True, True, True, False), ('keys', False, False, True, True, True, False), ('effective', False, False, True, True, True, False)), True), None, _m72, (), ('name', 'kind', 'label', 'at', 'headers', 'keys', 'effective'), ('name', 'kind', 'label', 'at', 'headers', 'keys', 'effective')),
    'wsgilint.model.supervisor.SupervisorUnmatchedInclude': ((True, True, True, False, (('pattern', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('certain', False, False, True, True, True, False)), True), None, _m73, (), ('pattern', 'at', 'certain'), ('pattern', 'at', 'certain')),
    'wsgilint.model.supervisor.SupervisorValue': ((True, True, True, False, (('key', False, False, True, True, True, False), ('raw', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('key_column', False, False, True, True, True, False), ('key_end', False, False, True, True, True, False), ('end_line', False, False, True, True, True, False), ('comments', False, False, True, True, True, False), ('from_default', False, False, True, True, True, False), ('expanded', False, False, True, True, True, False), ('formatted_twice', True, False, True, True, True, False), ('datatype', True, False, True, True, True, False), ('parsed', True, False, True, True, True, False), ('error', True, False, True, True, True, False), ('environment', True, False, True, True, True, False)), True), None, _m74, ('formatted_twice', 'datatype', 'parsed', 'error', 'environment'), ('key', 'raw', 'at', 'key_column', 'key_end', 'end_line', 'comments', 'from_default', 'expanded', 'formatted_twice', 'datatype', 'parsed', 'error', 'environment'), ('key', 'raw', 'at', 'key_column', 'key_end', 'end_line', 'comments', 'from_default', 'expanded', 'formatted_twice', 'datatype', 'parsed', 'error', 'environment')),
    'wsgilint.model.suppressions.Suppression': ((True, True, True, False, (('patterns', False, False, True, True, True, False), ('reason', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('line', False, False, True, True, True, False)), True), None, _m75, (), ('patterns', 'reason', 'at', 'line'), ('patterns', 'reason', 'at', 'line')),
    'wsgilint.model.systemd.ExecLine': ((True, True, True, False, (('prefixes', False, False, True, True, True, False), ('argv', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('error', False, False, True, True, True, False), ('unresolved', False, False, True, True, True, False)), True), None, _m76, (), ('prefixes', 'argv', 'at', 'error', 'unresolved'), ('prefixes', 'argv', 'at', 'error', 'unresolved')),
    'wsgilint.model.systemd.HiddenStart': ((True, True, True, False, (('entry', False, False, True, True, True, False), ('path', False, False, True, True, True, False), ('folder', False, False, True, True, True, False), ('status', False, False, True, True, True, False), ('setting', False, False, True, True, True, False), ('mode', False, False, True, True, True, False)), True), None, _m77, (), ('entry', 'path', 'folder', 'status', 'setting', 'mode'), ('entry', 'path', 'folder', 'status', 'setting', 'mode')),
    'wsgilint.model.systemd.SystemdUnit': ((True, True, True, False, (('name', False, False, True, True, True, False), ('kind', False, False, True, True, True, False), ('path', False, False, True, True, True, False), ('systemd_version', False, False, True, True, True, False), ('user_unit', False, False, True, True, True, False), ('sections', False, False, True, True, True, False), ('entries', False, False, True, True, True, False), ('dropins', False, False, True, True, True, False), ('manager', False, False, True, True, True, False), ('ignored_lines', True, False, True, True, True, False), ('hidden_start', True, False, True, True, True, False)), True), None, _m78, ('ignored_lines', 'hidden_start'), ('name', 'kind', 'path', 'systemd_version', 'user_unit', 'sections', 'entries', 'dropins', 'manager', 'ignored_lines', 'hidden_start'), ('name', 'kind', 'path', 'systemd_version', 'user_unit', 'sections', 'entries', 'dropins', 'manager', 'ignored_lines', 'hidden_start')),
    'wsgilint.model.systemd.UnitEntry': ((True, True, True, False, (('section', False, False, True, True, True, False), ('key', False, False, True, True, True, False), ('value', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('key_column', False, False, True, True, True, False), ('key_end', False, False, True, True, True, False), ('known', False, False, True, True, True, False), ('meant', False, False, True, True, True, False), ('boolean', False, False, True, True, True, False), ('command', False, False, True, True, True, False), ('misspelt_targets', False, False, True, True, True, False)), True), None, _m79, (), ('section', 'key', 'value', 'at', 'key_column', 'key_end', 'known', 'meant', 'boolean', 'command', 'misspelt_targets'), ('section', 'key', 'value', 'at', 'key_column', 'key_end', 'known', 'meant', 'boolean', 'command', 'misspelt_targets')),
    'wsgilint.model.systemd.UnitSection': ((True, True, True, False, (('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('known', False, False, True, True, True, False), ('meant', False, False, True, True, True, False)), True), "UnitSection(name: 'str', at: 'Span', known: 'bool | None', meant: 'str | None')", _m80, (), ('name', 'at', 'known', 'meant'), ('name', 'at', 'known', 'meant')),
    'wsgilint.model.uwsgi_config.UwsgiComment': ((True, True, True, False, (('text', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('joins_next_line', False, False, True, True, True, False)), True), None, _m81, (), ('text', 'at', 'joins_next_line'), ('text', 'at', 'joins_next_line')),
    'wsgilint.model.uwsgi_config.UwsgiConfig': ((True, True, True, False, (('path', False, False, True, True, True, False), ('section', False, False, True, True, True, False), ('section_found', False, False, True, True, True, False), ('ini_files', False, False, True, True, True, False), ('headers', False, False, True, True, True, False), ('comments', False, False, True, True, True, False), ('ini_options', False, False, True, True, True, False), ('lexed', False, False, True, True, True, False)), True), None, _m82, (), ('path', 'section', 'section_found', 'ini_files', 'headers', 'comments', 'ini_options', 'lexed'), ('path', 'section', 'section_found', 'ini_files', 'headers', 'comments', 'ini_options', 'lexed')),
    'wsgilint.model.uwsgi_config.UwsgiHeader': ((True, True, True, False, (('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('meant', False, False, True, True, True, False)), True), None, _m83, (), ('name', 'at', 'meant'), ('name', 'at', 'meant')),
    'wsgilint.model.uwsgi_config.UwsgiIniValue': ((True, True, True, False, (('option', False, False, True, True, True, False), ('written', False, False, True, True, True, False), ('inline_comment', False, False, True, True, True, False), ('stray_percent', False, False, True, True, True, False)), True), None, _m84, (), ('option', 'written', 'inline_comment', 'stray_percent'), ('option', 'written', 'inline_comment', 'stray_percent')),
    'wsgilint.model.uwsgi_config.UwsgiInlineComment': ((True, True, True, False, (('at', False, False, True, True, True, False), ('text', False, False, True, True, True, False), ('before', False, False, True, True, True, False)), True), None, _m85, (), ('at', 'text', 'before'), ('at', 'text', 'before')),
    'wsgilint.model.uwsgi_config.UwsgiStrayPercent': ((True, True, True, False, (('at', False, False, True, True, True, False), ('written', False, False, True, True, True, False), ('joins_next_line', False, False, True, True, True, False), ('strftime', False, False, True, True, True, False)), True), None, _m86, (), ('at', 'written', 'joins_next_line', 'strftime'), ('at', 'written', 'joins_next_line', 'strftime')),
    'wsgilint.readers.compose.ComposeProject': ((False, True, True, False, (('files', False, False, True, True, True, False), ('directory', False, False, True, True, True, False), ('services', False, True, True, True, True, False), ('volumes', False, True, True, True, True, False), ('networks', False, True, True, True, True, False), ('name', True, False, True, True, True, False), ('name_from', True, False, True, True, True, False), ('env_file', True, False, True, True, True, False), ('problems', False, True, True, True, True, False), ('unresolved', False, True, True, True, True, False), ('includes', False, True, True, True, True, False)), False), "ComposeProject(files: 'list[str]', directory: 'str', services: 'dict[str, Node]' = <factory>, volumes: 'dict[str, Node]' = <factory>, networks: 'dict[str, Node]' = <factory>, name: 'str' = '', name_from: 'str' = '', env_file: 'str | None' = None, problems: 'list[Problem]' = <factory>, unresolved: 'dict[str, Span]' = <factory>, includes: 'list[Node]' = <factory>)", _m87, ('services', 'volumes', 'networks', 'name', 'name_from', 'env_file', 'problems', 'unresolved', 'includes'), ('files', 'directory', 'services', 'volumes', 'networks', 'name', 'name_from', 'env_file', 'problems', 'unresolved', 'includes'), ('files', 'directory', 'services', 'volumes', 'networks', 'name', 'name_from', 'env_file', 'problems', 'unresolved', 'includes')),
    'wsgilint.readers.compose_projects.ProjectFiles': ((False, True, True, False, (('files', False, False, True, True, True, False), ('notes', False, True, True, True, True, False), ('services', True, False, True, True, True, False)), False), "ProjectFiles(files: 'list[str]', notes: 'list[Problem]' = <factory>, services: 'frozenset[str] | None' = None)", _m88, ('notes', 'services'), ('files', 'notes', 'services'), ('files', 'notes', 'services')),
    'wsgilint.readers.devcontainer.DevContainer': ((False, True, True, False, (('path', False, False, True, True, True, False), ('compose_files', False, True, True, True, True, False), ('service', True, False, True, True, True, False), ('service_at', True, False, True, True, True, False), ('problems', False, True, True, True, True, False)), False), "DevContainer(path: 'str', compose_files: 'list[str]' = <factory>, service: 'str' = '', service_at: 'Span | None' = None, problems: 'list[Problem]' = <factory>)", _m89, ('compose_files', 'service', 'service_at', 'problems'), ('path', 'compose_files', 'service', 'service_at', 'problems'), ('path', 'compose_files', 'service', 'service_at', 'problems')),
    'wsgilint.readers.dockerfile.Dockerfile': ((False, True, True, False, (('path', False, False, True, True, True, False), ('instructions', False, True, True, True, True, False), ('problems', False, True, True, True, True, False)), False), "Dockerfile(path: 'str', instructions: 'list[Instruction]' = <factory>, problems: 'list[Problem]' = <factory>)", _m90, ('instructions', 'problems'), ('path', 'instructions', 'problems'), ('path', 'instructions', 'problems')),
    'wsgilint.readers.dockerfile.ExecLookalike': ((True, True, True, False, (('keyword', False, False, True, True, True, False), ('text', False, False, True, True, True, False), ('fixed', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m91, (), ('keyword', 'text', 'fixed', 'at'), ('keyword', 'text', 'fixed', 'at')),
    'wsgilint.readers.dockerfile.Instruction': ((True, True, True, False, (('keyword', False, False, True, True, True, False), ('text', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('flags', False, True, True, True, True, False), ('exec_form', True, False, True, True, True, False), ('lookalike', True, False, True, True, True, False)), True), "Instruction(keyword: 'str', text: 'str', at: 'Span', flags: 'dict[str, str]' = <factory>, exec_form: 'list[str] | None' = None, lookalike: 'ExecLookalike | None' = None)", _m92, ('flags', 'exec_form', 'lookalike'), ('keyword', 'text', 'at', 'flags', 'exec_form', 'lookalike'), ('keyword', 'text', 'at', 'flags', 'exec_form', 'lookalike')),
    'wsgilint.readers.gunicorn.argv.GunicornCommand': ((False, True, True, False, (('options', False, True, True, True, True, False), ('app', True, False, True, True, True, False), ('positionals', False, True, True, True, True, False), ('problems', False, True, True, True, True, False)), False), None, _m93, ('options', 'app', 'positionals', 'problems'), ('options', 'app', 'positionals', 'problems'), ('options', 'app', 'positionals', 'problems')),
    'wsgilint.readers.gunicorn.conf.GunicornConfig': ((False, True, True, False, (('path', False, False, True, True, True, False), ('options', False, True, True, True, True, False), ('other_names', False, True, True, True, True, False), ('annotations', False, True, True, True, True, False), ('functions', False, True, True, True, True, False), ('imports', False, True, True, True, True, False), ('problems', False, True, True, True, True, False)), False), "GunicornConfig(path: 'str', options: 'list[Option]' = <factory>, other_names: 'list[Option]' = <factory>, annotations: 'list[Option]' = <factory>, functions: 'list[Hook]' = <factory>, imports: 'list[str]' = <factory>, problems: 'list[Problem]' = <factory>)", _m94, ('options', 'other_names', 'annotations', 'functions', 'imports', 'problems'), ('path', 'options', 'other_names', 'annotations', 'functions', 'imports', 'problems'), ('path', 'options', 'other_names', 'annotations', 'functions', 'imports', 'problems')),
    'wsgilint.readers.gunicorn.settings.Hook': ((True, True, True, False, (('name', False, False, True, True, True, False), ('arity', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('decorated', True, False, True, True, True, False)), True), None, _m95, ('decorated',), ('name', 'arity', 'at', 'decorated'), ('name', 'arity', 'at', 'decorated')),
    'wsgilint.readers.limits.LimitLine': ((True, True, True, False, (('domain', False, False, True, True, True, False), ('type', False, False, True, True, True, False), ('item', False, False, True, True, True, False), ('value', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), "LimitLine(domain: 'str', type: 'str', item: 'str', value: 'str', at: 'Span')", _m96, (), ('domain', 'type', 'item', 'value', 'at'), ('domain', 'type', 'item', 'value', 'at')),
    'wsgilint.readers.nginx.NginxFile': ((False, False, True, False, (('path', False, False, True, True, True, False), ('display', False, False, True, True, True, False), ('context', False, False, True, True, True, False), ('statements', False, True, True, True, True, False), ('stock', True, False, True, True, True, False), ('syntax_error', True, False, True, True, True, False)), False), None, _m97, ('statements', 'stock', 'syntax_error'), ('path', 'display', 'context', 'statements', 'stock', 'syntax_error'), ('path', 'display', 'context', 'statements', 'stock', 'syntax_error')),
    'wsgilint.readers.nginx.NginxStatement': ((False, False, True, False, (('directive', False, False, True, True, True, False), ('args', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('arg_places', False, True, True, True, True, False), ('end_line', True, False, True, True, True, False), ('block', True, False, True, True, True, False), ('comment', True, False, True, True, True, False), ('includes', True, False, True, True, True, False)), True), None, _m98, ('arg_places', 'end_line', 'block', 'comment', 'includes'), ('directive', 'args', 'at', 'arg_places', 'end_line', 'block', 'comment', 'includes'), ('directive', 'args', 'at', 'arg_places', 'end_line', 'block', 'comment', 'includes')),
    'wsgilint.readers.nginx.NginxTree': ((False, False, True, False, (('standalone', False, False, True, True, True, False), ('files', False, True, True, True, True, False), ('problems', False, True, True, True, True, False), ('assumed', False, True, True, True, True, False), ('templates', False, True, True, True, True, False)), False), None, _m99, ('files', 'problems', 'assumed', 'templates'), ('standalone', 'files', 'problems', 'assumed', 'templates'), ('standalone', 'files', 'problems', 'assumed', 'templates')),
    'wsgilint.readers.nginx._Frame': ((False, False, True, False, (('items', False, False, True, True, True, False), ('ctx', False, False, True, True, True, False), ('display', False, False, True, True, True, False), ('depth', False, False, True, True, True, False), ('report_context', False, False, True, True, True, False), ('assumed', False, False, True, True, True, False), ('include', True, False, True, True, True, False), ('opened', True, False, True, True, True, False), ('sure_servers', True, False, True, True, True, False), ('in_site', True, False, True, True, True, False), ('included_by', True, False, True, True, True, False)), True), None, _m100, ('include', 'opened', 'sure_servers', 'in_site', 'included_by'), ('items', 'ctx', 'display', 'depth', 'report_context', 'assumed', 'include', 'opened', 'sure_servers', 'in_site', 'included_by'), ('items', 'ctx', 'display', 'depth', 'report_context', 'assumed', 'include', 'opened', 'sure_servers', 'in_site', 'included_by')),
    'wsgilint.readers.nginx._Parsed': ((False, True, True, False, (('statements', False, False, True, True, True, False), ('problems', False, False, True, True, True, False), ('syntax_error', False, False, True, True, True, False)), True), None, _m101, (), ('statements', 'problems', 'syntax_error'), ('statements', 'problems', 'syntax_error')),
    'wsgilint.readers.nginx_includes.Included': ((True, True, True, False, (('path', False, False, True, True, True, False), ('stock', True, False, True, True, True, False), ('assumed', True, False, True, True, True, False)), True), None, _m102, ('stock', 'assumed'), ('path', 'stock', 'assumed'), ('path', 'stock', 'assumed')),
    'wsgilint.readers.nginx_includes.Prefix': ((True, True, True, False, (('guess_dir', False, False, True, True, True, False), ('local', True, False, True, True, True, False), ('filesystem', True, False, True, True, True, False), ('target', True, False, True, True, True, False)), False), None, _m103, ('local', 'filesystem', 'target'), ('guess_dir', 'local', 'filesystem', 'target'), ('guess_dir', 'local', 'filesystem', 'target')),
    'wsgilint.readers.procfile.Procfile': ((False, True, True, False, (('path', False, False, True, True, True, False), ('entries', False, True, True, True, True, False), ('problems', False, True, True, True, True, False)), False), "Procfile(path: 'str', entries: 'list[ProcfileEntry]' = <factory>, problems: 'list[Problem]' = <factory>)", _m104, ('entries', 'problems'), ('path', 'entries', 'problems'), ('path', 'entries', 'problems')),
    'wsgilint.readers.procfile.ProcfileEntry': ((True, True, True, False, (('name', False, False, True, True, True, False), ('command', False, False, True, True, True, False), ('name_at', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), False), "ProcfileEntry(name: 'str', command: 'str', name_at: 'Span', at: 'Span')", _m105, (), ('name', 'command', 'name_at', 'at'), ('name', 'command', 'name_at', 'at')),
    'wsgilint.readers.shell.DevServerLine': ((True, True, True, False, (('argv', False, False, True, True, True, False), ('line', False, False, True, True, True, False), ('column', False, False, True, True, True, False), ('end_column', False, False, True, True, True, False), ('exports', False, True, True, True, True, False)), True), None, _m106, ('exports',), ('argv', 'line', 'column', 'end_column', 'exports'), ('argv', 'line', 'column', 'end_column', 'exports')),
    'wsgilint.readers.shell.DockerBuild': ((True, True, True, False, (('tags', False, False, True, True, True, False), ('dockerfile', False, False, True, True, True, False), ('context', False, False, True, True, True, False), ('line', False, False, True, True, True, False)), True), None, _m107, (), ('tags', 'dockerfile', 'context', 'line'), ('tags', 'dockerfile', 'context', 'line')),
    'wsgilint.readers.shell.FileWrite': ((True, True, True, False, (('path', False, False, True, True, True, False), ('how', False, False, True, True, True, False), ('line', False, False, True, True, True, False), ('column', False, False, True, True, True, False), ('end_column', False, False, True, True, True, False), ('source', True, False, True, True, True, False)), True), None, _m108, ('source',), ('path', 'how', 'line', 'column', 'end_column', 'source'), ('path', 'how', 'line', 'column', 'end_column', 'source')),
    'wsgilint.readers.shell.HandOff': ((True, True, True, False, (('command', False, False, True, True, True, False), ('line', False, False, True, True, True, False), ('column', False, False, True, True, True, False), ('end_column', False, False, True, True, True, False)), True), None, _m109, (), ('command', 'line', 'column', 'end_column'), ('command', 'line', 'column', 'end_column')),
    'wsgilint.readers.shell.PassedArguments': ((True, True, True, False, (('through', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('shifted', True, False, True, True, True, False)), True), None, _m110, ('shifted',), ('through', 'at', 'shifted'), ('through', 'at', 'shifted')),
    'wsgilint.readers.shell.ServerLine': ((True, True, True, False, (('program', False, False, True, True, True, False), ('argv', False, False, True, True, True, False), ('line', False, False, True, True, True, False), ('column', False, False, True, True, True, False), ('end_column', False, False, True, True, True, False), ('execs', False, False, True, True, True, False), ('directory', True, False, True, True, True, False), ('directory_line', True, False, True, True, True, False), ('exports', False, True, True, True, True, False), ('background', True, False, True, True, True, False), ('alone', True, False, True, True, True, False), ('others', True, False, True, True, True, False), ('after', True, False, True, True, True, False), ('held_by', True, False, True, True, True, False), ('last_of_c', True, False, True, True, True, False), ('guards', True, False, True, True, True, False), ('passes', True, False, True, True, True, False), ('passes_after', True, False, True, True, True, False), ('started_before', True, False, True, True, True, False), ('ran_before', True, False, True, True, True, False), ('writes', True, False, True, True, True, False), ('services', True, False, True, True, True, False), ('managers_before', True, False, True, True, True, False), ('programs_before', True, False, True, True, True, False), ('hands_off', True, False, True, True, True, False), ('traps', True, False, True, True, True, False), ('trap_line', True, False, True, True, True, False)), True), None, _m111, ('directory', 'directory_line', 'exports', 'background', 'alone', 'others', 'after', 'held_by', 'last_of_c', 'guards', 'passes', 'passes_after', 'started_before', 'ran_before', 'writes', 'services', 'managers_before', 'programs_before', 'hands_off', 'traps', 'trap_line'), ('program', 'argv', 'line', 'column', 'end_column', 'execs', 'directory', 'directory_line', 'exports', 'background', 'alone', 'others', 'after', 'held_by', 'last_of_c', 'guards', 'passes', 'passes_after', 'started_before', 'ran_before', 'writes', 'services', 'managers_before', 'programs_before', 'hands_off', 'traps', 'trap_line'), ('program', 'argv', 'line', 'column', 'end_column', 'execs', 'directory', 'directory_line', 'exports', 'background', 'alone', 'others', 'after', 'held_by', 'last_of_c', 'guards', 'passes', 'passes_after', 'started_before', 'ran_before', 'writes', 'services', 'managers_before', 'programs_before', 'hands_off', 'traps', 'trap_line')),
    'wsgilint.readers.shell.StartedService': ((True, True, True, False, (('name', False, False, True, True, True, False), ('line', False, False, True, True, True, False), ('column', False, False, True, True, True, False), ('end_column', False, False, True, True, True, False)), True), None, _m112, (), ('name', 'line', 'column', 'end_column'), ('name', 'line', 'column', 'end_column')),
    'wsgilint.readers.shell.WrapperScript': ((True, True, True, False, (('path', False, False, True, True, True, False), ('shell', False, False, True, True, True, False), ('server', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), "WrapperScript(path: 'str', shell: 'str', server: 'ServerLine', at: 'Span')", _m113, (), ('path', 'shell', 'server', 'at'), ('path', 'shell', 'server', 'at')),
    'wsgilint.readers.supervisor.expansion.Expanded': ((True, True, True, False, (('text', False, False, True, True, True, False), ('unresolved', True, False, True, True, True, False), ('error', True, False, True, True, True, False), ('whole_environment', True, False, True, True, True, False)), True), None, _m114, ('unresolved', 'error', 'whole_environment'), ('text', 'unresolved', 'error', 'whole_environment'), ('text', 'unresolved', 'error', 'whole_environment')),
    'wsgilint.readers.supervisor.ini.CutComment': ((True, True, True, False, (('text', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), None, _m115, (), ('text', 'at'), ('text', 'at')),
    'wsgilint.readers.supervisor.ini.SupervisorConfig': ((False, False, True, False, (('path', False, False, True, True, True, False), ('sections', False, True, True, True, True, False), ('defaults', False, True, True, True, True, False), ('problems', False, True, True, True, True, False), ('included_files', False, True, True, True, True, False), ('unmatched_includes', False, True, True, True, True, False), ('processes', False, True, True, True, True, False)), False), "SupervisorConfig(path: 'str', sections: 'list[SupervisorSection]' = <factory>, defaults: 'dict[str, SupervisorValue]' = <factory>, problems: 'list[Problem]' = <factory>, included_files: 'list[str]' = <factory>, unmatched_includes: 'list[UnmatchedInclude]' = <factory>, processes: 'list[SupervisorProcess]' = <factory>)", _m116, ('sections', 'defaults', 'problems', 'included_files', 'unmatched_includes', 'processes'), ('path', 'sections', 'defaults', 'problems', 'included_files', 'unmatched_includes', 'processes'), ('path', 'sections', 'defaults', 'problems', 'included_files', 'unmatched_includes', 'processes')),
    'wsgilint.readers.supervisor.ini.SupervisorSection': ((False, False, True, False, (('name', False, False, True, True, True, False), ('kind', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('file', False, False, True, True, True, False), ('keys', False, True, True, True, True, False), ('headers', False, True, True, True, True, False), ('defaults', False, True, True, True, True, False)), False), "SupervisorSection(name: 'str', kind: 'str', at: 'Span', file: 'str', keys: 'dict[str, SupervisorValue]' = <factory>, headers: 'list[Span]' = <factory>, defaults: 'dict[str, SupervisorValue]' = <factory>)", _m117, ('keys', 'headers', 'defaults'), ('name', 'kind', 'at', 'file', 'keys', 'headers', 'defaults'), ('name', 'kind', 'at', 'file', 'keys', 'headers', 'defaults')),
    'wsgilint.readers.supervisor.ini.SupervisorValue': ((True, True, True, False, (('raw', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('key_column', False, False, True, True, True, False), ('key_end', False, False, True, True, True, False), ('file', False, False, True, True, True, False), ('end_line', False, False, True, True, True, False), ('comments', True, False, True, True, True, False)), True), None, _m118, ('comments',), ('raw', 'at', 'key_column', 'key_end', 'file', 'end_line', 'comments'), ('raw', 'at', 'key_column', 'key_end', 'file', 'end_line', 'comments')),
    'wsgilint.readers.supervisor.ini.UnmatchedInclude': ((True, True, True, False, (('pattern', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('certain', False, False, True, True, True, False)), True), None, _m119, (), ('pattern', 'at', 'certain'), ('pattern', 'at', 'certain')),
    'wsgilint.readers.supervisor.ini._Pending': ((False, True, True, False, (('pieces', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('key_column', False, False, True, True, True, False), ('key_end', False, False, True, True, True, False), ('file', False, False, True, True, True, False), ('end_line', False, False, True, True, True, False), ('comments', False, False, True, True, True, False)), False), None, _m120, (), ('pieces', 'at', 'key_column', 'key_end', 'file', 'end_line', 'comments'), ('pieces', 'at', 'key_column', 'key_end', 'file', 'end_line', 'comments')),
    'wsgilint.readers.supervisor.processes.SupervisorProcess': ((False, False, True, False, (('section', False, False, True, True, True, False), ('name', False, False, True, True, True, False), ('group', False, False, True, True, True, False), ('number', False, False, True, True, True, False), ('values', False, True, True, True, True, False), ('environment', False, True, True, True, True, False), ('own_environment', False, True, True, True, True, False), ('environment_dropped', True, False, True, True, True, False), ('argv', True, False, True, True, True, False), ('argv_error', True, False, True, True, True, False)), False), None, _m121, ('values', 'environment', 'own_environment', 'environment_dropped', 'argv', 'argv_error'), ('section', 'name', 'group', 'number', 'values', 'environment', 'own_environment', 'environment_dropped', 'argv', 'argv_error'), ('section', 'name', 'group', 'number', 'values', 'environment', 'own_environment', 'environment_dropped', 'argv', 'argv_error')),
    'wsgilint.readers.supervisor.values.Environment': ((True, True, True, False, (('values', False, False, True, True, True, False), ('error', True, False, True, True, True, False), ('dropped', True, False, True, True, True, False)), True), None, _m122, ('error', 'dropped'), ('values', 'error', 'dropped'), ('values', 'error', 'dropped')),
    'wsgilint.readers.systemd.ExecCommand': ((True, True, True, False, (('prefixes', False, False, True, True, True, False), ('argv', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('error', True, False, True, True, True, False), ('unresolved', True, False, True, True, True, False)), True), None, _m123, ('error', 'unresolved'), ('prefixes', 'argv', 'at', 'error', 'unresolved'), ('prefixes', 'argv', 'at', 'error', 'unresolved')),
    'wsgilint.readers.systemd.SystemdUnit': ((False, False, True, False, (('path', False, False, True, True, True, False), ('name', False, False, True, True, True, False), ('display', True, False, True, True, True, False), ('entries', False, True, True, True, True, False), ('dropins', False, True, True, True, True, False), ('problems', False, True, True, True, True, False), ('sections', False, True, True, True, True, False), ('ignored', False, True, True, True, True, False)), False), "SystemdUnit(path: 'str', name: 'str', display: 'str' = '', entries: 'list[UnitEntry]' = <factory>, dropins: 'list[str]' = <factory>, problems: 'list[Problem]' = <factory>, sections: 'list[tuple[str, Span]]' = <factory>, ignored: 'list[tuple[str, Span]]' = <factory>)", _m124, ('display', 'entries', 'dropins', 'problems', 'sections', 'ignored'), ('path', 'name', 'display', 'entries', 'dropins', 'problems', 'sections', 'ignored'), ('path', 'name', 'display', 'entries', 'dropins', 'problems', 'sections', 'ignored')),
    'wsgilint.readers.systemd.UnitEntry': ((True, True, True, False, (('section', False, False, True, True, True, False), ('key', False, False, True, True, True, False), ('value', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('key_column', False, False, True, True, True, False), ('key_end', False, False, True, True, True, False), ('file', False, False, True, True, True, False), ('end_line', False, False, True, True, True, False)), True), "UnitEntry(section: 'str', key: 'str', value: 'str', at: 'Span', key_column: 'int', key_end: 'int', file: 'str', end_line: 'int')", _m125, (), ('section', 'key', 'value', 'at', 'key_column', 'key_end', 'file', 'end_line'), ('section', 'key', 'value', 'at', 'key_column', 'key_end', 'file', 'end_line')),
    'wsgilint.readers.tmpfiles.TmpfilesEntry': ((True, True, True, False, (('type', False, False, True, True, True, False), ('path', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), "TmpfilesEntry(type: 'str', path: 'str', at: 'Span')", _m126, (), ('type', 'path', 'at'), ('type', 'path', 'at')),
    'wsgilint.readers.uwsgi_argv.UwsgiCommand': ((False, True, True, False, (('options', False, True, True, True, True, False), ('config_files', False, True, True, True, True, False), ('unread_configs', False, True, True, True, True, False), ('problems', False, True, True, True, True, False), ('placeholders_used', False, True, True, True, True, False), ('first_config', True, False, True, True, True, False), ('sections', False, True, True, True, True, False), ('yaml_sections', False, True, True, True, True, False), ('comments', False, True, True, True, True, False), ('section_found', True, False, True, True, True, False)), False), "UwsgiCommand(options: 'list[Option]' = <factory>, config_files: 'list[str]' = <factory>, unread_configs: 'list[UnreadConfig]' = <factory>, problems: 'list[Problem]' = <factory>, placeholders_used: 'set[str]' = <factory>, first_config: 'str' = '', sections: 'list[IniSection]' = <factory>, yaml_sections: 'list[IniSection]' = <factory>, comments: 'list[IniComment]' = <factory>, section_found: 'bool' = False)", _m127, ('options', 'config_files', 'unread_configs', 'problems', 'placeholders_used', 'first_config', 'sections', 'yaml_sections', 'comments', 'section_found'), ('options', 'config_files', 'unread_configs', 'problems', 'placeholders_used', 'first_config', 'sections', 'yaml_sections', 'comments', 'section_found'), ('options', 'config_files', 'unread_configs', 'problems', 'placeholders_used', 'first_config', 'sections', 'yaml_sections', 'comments', 'section_found')),
    'wsgilint.readers.uwsgi_ini.IniComment': ((True, True, True, False, (('text', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), "IniComment(text: 'str', at: 'Span')", _m128, (), ('text', 'at'), ('text', 'at')),
    'wsgilint.readers.uwsgi_ini.IniSection': ((True, True, True, False, (('name', False, False, True, True, True, False), ('at', False, False, True, True, True, False)), True), "IniSection(name: 'str', at: 'Span')", _m129, (), ('name', 'at'), ('name', 'at')),
    'wsgilint.readers.uwsgi_ini.UnreadConfig': ((True, True, True, False, (('spec', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('exits', False, False, True, True, True, False), ('meant', True, False, True, True, True, False)), True), None, _m130, ('meant',), ('spec', 'at', 'exits', 'meant'), ('spec', 'at', 'exits', 'meant')),
    'wsgilint.readers.uwsgi_ini.UwsgiIni': ((False, True, True, False, (('path', False, False, True, True, True, False), ('section', False, False, True, True, True, False), ('options', False, True, True, True, True, False), ('comments', False, True, True, True, True, False), ('sections', False, True, True, True, True, False), ('yaml_sections', False, True, True, True, True, False), ('section_found', True, False, True, True, True, False), ('placeholders_used', False, True, True, True, True, False), ('problems', False, True, True, True, True, False), ('files', False, True, True, True, True, False), ('unread', False, True, True, True, True, False)), False), "UwsgiIni(path: 'str', section: 'str', options: 'list[Option]' = <factory>, comments: 'list[IniComment]' = <factory>, sections: 'list[IniSection]' = <factory>, yaml_sections: 'list[IniSection]' = <factory>, section_found: 'bool' = False, placeholders_used: 'set[str]' = <factory>, problems: 'list[Problem]' = <factory>, files: 'list[str]' = <factory>, unread: 'list[UnreadConfig]' = <factory>)", _m131, ('options', 'comments', 'sections', 'yaml_sections', 'section_found', 'placeholders_used', 'problems', 'files', 'unread'), ('path', 'section', 'options', 'comments', 'sections', 'yaml_sections', 'section_found', 'placeholders_used', 'problems', 'files', 'unread'), ('path', 'section', 'options', 'comments', 'sections', 'yaml_sections', 'section_found', 'placeholders_used', 'problems', 'files', 'unread')),
    'wsgilint.readers.uwsgi_ini._Entry': ((False, True, True, False, (('key', False, False, True, True, True, False), ('value', False, False, True, True, True, False), ('raw', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('unresolved', True, False, True, True, True, False), ('configured', True, False, True, True, True, False), ('base_dir', True, False, True, True, True, False), ('env_missing', True, False, True, True, True, False)), False), "_Entry(key: 'str', value: 'str', raw: 'str', at: 'Span', unresolved: 'bool' = False, configured: 'bool' = False, base_dir: 'str | None' = None, env_missing: 'tuple[str, ...]' = ())", _m132, ('unresolved', 'configured', 'base_dir', 'env_missing'), ('key', 'value', 'raw', 'at', 'unresolved', 'configured', 'base_dir', 'env_missing'), ('key', 'value', 'raw', 'at', 'unresolved', 'configured', 'base_dir', 'env_missing')),
    'wsgilint.readers.uwsgi_ini._Logic': ((False, True, True, False, (('opener', False, False, True, True, True, False), ('argument', False, False, True, True, True, False), ('repeat', False, False, True, True, True, False)), False), "_Logic(opener: 'str', argument: 'str', repeat: 'list[str] | None')", _m133, (), ('opener', 'argument', 'repeat'), ('opener', 'argument', 'repeat')),
    'wsgilint.readers.uwsgi_ini._Magic': ((False, True, True, False, (('text', False, False, True, True, True, False), ('starts', False, False, True, True, True, False), ('ends', False, False, True, True, True, False), ('unresolved', False, False, True, True, True, False)), False), None, _m134, (), ('text', 'starts', 'ends', 'unresolved'), ('text', 'starts', 'ends', 'unresolved')),
    'wsgilint.readers.uwsgi_options.OptionInfo': ((True, True, True, False, (('name', False, False, True, True, True, False), ('short', False, False, True, True, True, False), ('takes_arg', False, False, True, True, True, False), ('aliases', False, False, True, True, True, False), ('immediate', False, False, True, True, True, False)), True), "OptionInfo(name: 'str', short: 'str | None', takes_arg: 'str', aliases: 'tuple[str, ...]', immediate: 'bool')", _m135, (), ('name', 'short', 'takes_arg', 'aliases', 'immediate'), ('name', 'short', 'takes_arg', 'aliases', 'immediate')),
    'wsgilint.readers.yaml_nodes.Node': ((True, True, True, False, (('value', False, False, True, True, True, False), ('at', False, False, True, True, True, False), ('key_at', True, False, True, True, True, False), ('tag', True, False, True, True, True, False), ('quoted', True, False, True, True, True, False)), True), None, _m136, ('key_at', 'tag', 'quoted'), ('value', 'at', 'key_at', 'tag', 'quoted'), ('value', 'at', 'key_at', 'tag', 'quoted')),
    'wsgilint.report._graph.Edge': ((True, True, True, False, (('source', False, False, True, True, True, False), ('target', False, False, True, True, True, False), ('label', False, False, True, True, True, False), ('broken', True, False, True, True, True, False)), False), "Edge(source: 'str', target: 'str', label: 'str', broken: 'bool' = False)", _m137, ('broken',), ('source', 'target', 'label', 'broken'), ('source', 'target', 'label', 'broken')),
    'wsgilint.report._graph.Graph': ((False, True, True, False, (('nodes', False, True, True, True, True, False), ('edges', False, True, True, True, True, False), ('roots', False, True, True, True, True, False), ('routes', False, True, True, True, True, False)), False), "Graph(nodes: 'list[Node]' = <factory>, edges: 'list[Edge]' = <factory>, roots: 'list[Node]' = <factory>, routes: 'list[Node]' = <factory>)", _m138, ('nodes', 'edges', 'roots', 'routes'), ('nodes', 'edges', 'roots', 'routes'), ('nodes', 'edges', 'roots', 'routes')),
    'wsgilint.report._graph.Node': ((False, True, True, False, (('id', False, False, True, True, True, False), ('kind', False, False, True, True, True, False), ('label', False, False, True, True, True, False), ('broken', True, False, True, True, True, False), ('children', False, True, True, True, True, False)), False), "Node(id: 'str', kind: 'str', label: 'str', broken: 'str' = '', children: 'list[Node]' = <factory>)", _m139, ('broken', 'children'), ('id', 'kind', 'label', 'broken', 'children'), ('id', 'kind', 'label', 'broken', 'children')),
}
