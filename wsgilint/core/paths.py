"""Path arithmetic that runs once per file, where ``os.path`` splits and joins too much."""
from __future__ import annotations

import os
import sys
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import ModuleType


def absolute_path(path: str) -> str:
    """``os.path.abspath(path)``; a path that is one already (what a walk from an absolute
    folder names, what the caches are keyed by) is returned itself, told by a few substring
    tests: without ``//``, ``/.`` (``.`` and ``..`` components) or a trailing separator there
    is nothing for ``normpath`` to change."""
    if path.startswith(os.sep) and _DOUBLE_SEP not in path and _SEP_DOT not in path and not path.endswith(os.sep):
        return path
    return os.path.abspath(path)


_DOUBLE_SEP = os.sep * 2
_SEP_DOT = os.sep + "."


def folder_name(path: str) -> str:
    """``os.path.basename(os.path.dirname(path))``: the name of the folder ``path`` is in, cut
    from the string instead of split twice."""
    return path.rpartition(os.sep)[0].rstrip(os.sep).rpartition(os.sep)[2]


def relative_path(absolute: str, top: str) -> str:
    """``os.path.relpath(absolute, top)`` for two normalised absolute paths; a path below
    ``top`` (every file a walk of it finds) is cut, not split and rejoined."""
    prefix = top.rstrip(os.sep) + os.sep
    if absolute.startswith(prefix) and absolute[len(prefix):len(prefix) + 1] not in ("", os.sep):
        return absolute[len(prefix):]
    return os.path.relpath(absolute, top)


_HOME_PARENTS = ("/home/", "/Users/")


def home_folder(path: str) -> str:
    """The home folder of an account that holds the target-host path ``path`` below it:
    ``/home/NAME`` (macOS's ``/Users/NAME``) or root's ``/root``; "" for any other path."""
    if path.startswith("/root/"):
        return "/root"
    for parent in _HOME_PARENTS:
        if path.startswith(parent):
            name, below, _ = path[len(parent):].partition("/")
            if name and below:
                return parent + name
    return ""


def packaged(module_file: str, *parts: str) -> str:
    """The path of a data file shipped beside a module (``packaged(__file__, "stock", name)``).
    wsgilint is installed as files (the nginx reader names the stock files by their path),
    so this joins paths: ``importlib.resources`` would cost more to import than to read a
    small tree."""
    return os.path.join(os.path.dirname(module_file), *parts)


def packaged_text(module_file: str, *parts: str) -> str:
    with open(packaged(module_file, *parts), encoding="utf-8") as data:
        return data.read()


def module_names(folder: str) -> list[str]:
    """The modules of a package folder, sorted, those starting with ``_`` left out: what
    ``pkgutil.iter_modules`` lists in a folder of plain ``.py`` files (the rules, the reports),
    for a tenth of its cost at start-up (it asks the import system about every file)."""
    return sorted(name[:-3] for name in os.listdir(folder)
                  if name.endswith(".py") and not name.startswith("_") and name[:-3].isidentifier())


# Where a module's .pyc is __pycache__/NAME.TAG.pyc beside it: no PYTHONPYCACHEPREFIX, no -O.
_PLAIN_CACHE = sys.pycache_prefix is None and not sys.flags.optimize and sys.implementation.cache_tag is not None


def load_module(package: ModuleType, name: str) -> ModuleType:
    """The module ``name`` of a package folder (one of ``module_names``), imported from its
    file as ``import`` would (its ``.pyc``, ``sys.modules``, the package's attribute, the same
    ``__spec__``, ``__loader__``, ``__file__`` and ``__cached__``) but without asking each
    finder of ``sys.meta_path`` first: loading the 90 rules through ``importlib.import_module``
    cost 13 M instructions more, the finders' search, not the modules. The loader is made
    here rather than by ``spec_from_file_location``, which lists every kind of loader with
    its suffixes again for each file, and the code is run as ``exec_module`` runs it: 8 M
    instructions less for the rules (tests/test_module_names.py compares each module with the
    imported one)."""
    qualified = f"{package.__name__}.{name}"
    module = sys.modules.get(qualified)
    if module is not None:
        return module
    folder = package.__path__[0]
    path = f"{folder}{os.sep}{name}.py"
    loader = SourceFileLoader(qualified, path)
    spec = ModuleSpec(qualified, loader, origin=path)
    spec.has_location = True        # what spec_from_file_location says: __file__ and __cached__ are set
    if _PLAIN_CACHE:
        # PEP 3147's place, which ``spec.cached`` would find with ``cache_from_source``: its
        # path splitting and joining cost 1.8 M instructions for the rules.
        spec.cached = f"{folder}{os.sep}__pycache__{os.sep}{name}.{sys.implementation.cache_tag}.pyc"
    module = ModuleType(qualified)
    module.__spec__, module.__loader__, module.__file__ = spec, loader, path
    module.__package__ = package.__name__
    module.__dict__["__cached__"] = spec.cached
    sys.modules[qualified] = module
    try:
        code = loader.get_code(qualified)
        if code is None:        # as exec_module: a source loader always has code, or raises
            raise ImportError(f"cannot load {qualified} from {path}", name=qualified)
        exec(code, module.__dict__)
    except BaseException:
        del sys.modules[qualified]
        raise
    setattr(package, name, module)
    return module
