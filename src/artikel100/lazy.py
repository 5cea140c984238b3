"""Modules imported when first used, not when artikel100 is.

``artikel100 extract`` on a text letter needs none of the PDF, Word, image and
progress-bar libraries that the readers use, and importing them took a third
of a second of every run. This is the recipe of the ``importlib`` documentation
("Implementing lazy imports"), which also binds a submodule to its package as
``import`` does (pypdfium2 reaches Pillow as ``PIL.Image``).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

__all__ = ["lazy_module"]


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, loaded on the first access to one of its attributes."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        # what "import PIL.Image" does besides: others then reach it as PIL.Image
        setattr(sys.modules[parent], child, module)
    return module
