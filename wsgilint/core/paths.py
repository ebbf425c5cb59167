"""Path arithmetic that runs once per file, where ``os.path`` splits and joins too much."""
from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType


def relative_path(absolute: str, top: str) -> str:
    """``os.path.relpath(absolute, top)`` for two normalised absolute paths; a path below
    ``top`` (every file a walk of it finds) is cut, not split and rejoined."""
    prefix = top.rstrip(os.sep) + os.sep
    if absolute.startswith(prefix) and absolute[len(prefix):len(prefix) + 1] not in ("", os.sep):
        return absolute[len(prefix):]
    return os.path.relpath(absolute, top)


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


def load_module(package: ModuleType, name: str) -> ModuleType:
    """The module ``name`` of a package folder (one of ``module_names``), imported from its
    file as ``import`` would (its ``.pyc``, ``sys.modules``, the package's attribute) but
    without asking each finder of ``sys.meta_path`` first: loading the 90 rules through
    ``importlib.import_module`` cost 13 M instructions more, the finders' search, not the
    modules. Python's documented recipe for importing a source file directly."""
    qualified = f"{package.__name__}.{name}"
    module = sys.modules.get(qualified)
    if module is not None:
        return module
    spec = importlib.util.spec_from_file_location(qualified, os.path.join(package.__path__[0], f"{name}.py"))
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {qualified} from {package.__path__[0]}", name=qualified)
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[qualified]
        raise
    setattr(package, name, module)
    return module
