"""The package's YAML data files (catalogue, places, lexicon lists, toetsingskader), parsed once.

Several stages read the same file (the place list feeds units, nations, the
lexicon and the gazetteer), and the pure-Python YAML parser took most of a
process's start-up on the 300-mission catalogue; libyaml's parser, which
PyYAML's wheels carry, does it in a fraction. The parsed data is shared:
callers read it and never change it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["load_yaml"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:  # noqa: ANN401 (whatever the file holds)
    """The parsed contents of the YAML file at ``path``."""
    return _parse(path.resolve())


@cache
def _parse(path: Path) -> Any:  # noqa: ANN401
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)
