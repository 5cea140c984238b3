"""The literal words a regular expression cannot match without, to skip text that lacks them.

Python's ``re`` tries a pattern like ``\\b(gronden|nederlandse belangen|...)`` at every
character of a text; a pattern whose every match contains one of a few words
("gronden", "belangen", ...) cannot match a text that holds none of them, and
``str.find`` / ``in`` rule that out in C far faster. ``required_literals`` reads the
words from the pattern's parse tree, so they follow the pattern when it changes; read
them once per pattern, when the patterns are loaded (parsing costs more than a search).
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["required_literals", "is_context_free", "Prefiltered"]

_MIN_LENGTH = 3  # shorter words are in nearly every sentence: no use as a filter
_CONTEXT_OPS = {_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS}


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set: the longest shortest word, then the fewest words."""
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _literals(items) -> frozenset[str] | None:  # noqa: ANN001 (a parsed sub-pattern)
    """A set of strings one of which every match of ``items`` contains, or None."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & re.IGNORECASE:
                found = _literals(sub)
        elif op is _c.BRANCH:
            branches = [_literals(b) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            found = _literals(av[2])
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            found = _literals(av)
        if found:
            options.append(found)
    if run:
        options.append(frozenset(["".join(run)]))
    return _best(options)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Words (of at least three characters) one of which every match of ``pattern`` contains,
    or None when the pattern can match without any such word (or ignores case)."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    found = _literals(_p.parse(pattern.pattern, pattern.flags))
    if not found or min(map(len, found)) < _MIN_LENGTH:
        return None
    return found


def _has_context(items) -> bool:  # noqa: ANN001
    for op, av in items:
        if op in _CONTEXT_OPS and not (op is _c.AT and av in (_c.AT_BOUNDARY, _c.AT_UNI_BOUNDARY, _c.AT_LOC_BOUNDARY)):
            return True
        subs = []
        if op is _c.SUBPATTERN:
            subs = [av[3]]
        elif op is _c.BRANCH:
            subs = list(av[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            subs = [av[2]]
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            subs = [av]
        if any(_has_context(s) for s in subs):
            return True
    return False


def is_context_free(pattern: re.Pattern[str]) -> bool:
    """True when whether ``pattern`` matches at a place depends only on the characters it
    matches: no anchors, lookarounds or back-references (``\\b`` is allowed, it reads a
    non-word character and the end of the text alike)."""
    return not _has_context(_p.parse(pattern.pattern, pattern.flags))


class Prefiltered:
    """A pattern whose ``search`` first asks whether the text holds one of its required words."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = tuple(sorted(required_literals(pattern) or ()))

    def search(self, text: str) -> re.Match[str] | None:
        if self.words and not any(w in text for w in self.words):
            return None
        return self.pattern.search(text)
