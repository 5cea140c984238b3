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
from collections.abc import Callable

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["required_literals", "is_context_free", "Prefiltered", "CaselessPrefilter", "Guarded", "guarded", "WordStarts", "at_word_starts", "by_first_character", "lower_twin", "has_case_trap"]

_MIN_LENGTH = 2  # a single letter is in nearly every sentence: no use as a filter
_MAX_STRINGS = 64  # "(miljoen|mln|miljard|mld)" spelled out, not "[a-z]{3}"
_CONTEXT_OPS = {_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS}


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set: the longest shortest word, then the fewest words."""
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _exact(items) -> frozenset[str] | None:  # noqa: ANN001 (a parsed sub-pattern)
    """Every string ``items`` matches, when they are few: literals, alternatives of
    literals, groups of those, classes of single characters ("[sz]") and any of them
    made optional ("nrs?")."""
    out = frozenset([""])
    for op, av in items:
        if op is _c.LITERAL:
            part = frozenset([chr(av)])
        elif op is _c.SUBPATTERN and not av[1] & re.IGNORECASE:
            part = _exact(av[3])
        elif op is _c.BRANCH:
            branches = [_exact(b) for b in av[1]]
            part = None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
        elif op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            part = frozenset(chr(c) for _, c in av)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:  # "s?"
            inner = _exact(av[2])
            part = None if inner is None else inner | {""}
        else:
            return None
        if part is None or len(out) * len(part) > _MAX_STRINGS:
            return None
        out = frozenset(a + b for a in out for b in part)
    return out


def _caseless(items, ignore_case: bool):  # noqa: ANN001, ANN202
    """The parsed pattern with its literals in lower case, for matching against ``text.lower()``:
    a letter that ignores case stays a literal only when it is ASCII (other letters have case
    variants ``str.lower`` does not give, "ſ" for "s"); any other non-ASCII literal is dropped
    too ("Σ" lowers by context). Dropped literals become an "any character" that ends words."""
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            c = chr(av)
            out.append((op, ord(c.lower())) if c.isascii() else (_c.ANY, None))
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            ic = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            out.append((op, (group, 0, 0, _caseless(sub, ic))))
        elif op is _c.BRANCH:
            out.append((op, (av[0], [_caseless(b, ignore_case) for b in av[1]])))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            out.append((op, (av[0], av[1], _caseless(av[2], ignore_case))))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            out.append((op, _caseless(av, ignore_case)))
        else:
            out.append((_c.ANY, None))  # classes, anchors, lookarounds: no literal to rely on
    return out


def _literals(items) -> frozenset[str] | None:  # noqa: ANN001 (a parsed sub-pattern)
    """A set of strings one of which every match of ``items`` contains, or None."""
    options: list[frozenset[str]] = []
    run = frozenset([""])  # the strings the items since the last inexact one match
    for item in items:
        op, av = item
        exact = _exact([item]) if op in (_c.LITERAL, _c.SUBPATTERN, _c.BRANCH, _c.IN, _c.MAX_REPEAT, _c.MIN_REPEAT) else None
        if exact is not None and len(run) * len(exact) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        if run != {""}:
            options.append(run)
        run = frozenset([""])
        if exact is not None:  # too many strings to spell out with what came before: start again
            run = exact
            continue
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
    if run != {""}:
        options.append(run)
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


def _fewest(words) -> tuple[str, ...]:  # noqa: ANN001 (an iterable of strings)
    """``words`` without those that hold another of them ("apaches" holds "apache"): a text
    holds one of the words exactly when it holds one of these, and ``any`` has fewer to try."""
    kept: list[str] = []
    for w in sorted(set(words), key=lambda w: (len(w), w)):
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(sorted(kept))


_COVER_FROM = 40  # sets of more words than this are asked for by the pieces they share (spellings)
_PIECE = 4  # a shared piece this long still rules out most sentences ("Card", "kaart")
_SHARED = 3


def _cover(words: tuple[str, ...]) -> tuple[str, ...]:
    """Fewer strings to ask a text for: pieces (of ``_PIECE`` characters or more) that
    several words share, "Card" for the spellings of "Red Card Holder".

    Every word holds one of the strings kept, so a text holding a word holds one of them:
    the filter lets through all it let through before (and a few more texts, which the
    pattern itself then turns down). Speed: one ``in`` per piece instead of one per word.
    A piece must stand for ``_SHARED`` words or more, so that common endings shared by
    two verbs do not let most sentences through; the other words stay whole."""
    if len(words) <= _COVER_FROM:
        return words
    kept: list[str] = []
    left = list(words)
    while True:
        holders: dict[str, int] = {}
        for w in left:
            for piece in {w[i:j] for i in range(len(w)) for j in range(i + _PIECE, len(w) + 1)}:
                holders[piece] = holders.get(piece, 0) + 1
        # the most shared piece, the longest of those, then by name (the same pick every run)
        best = min(holders, key=lambda piece: (-holders[piece], -len(piece), piece), default=None)
        if best is None or holders[best] < _SHARED:
            break
        kept.append(best)
        left = [w for w in left if best not in w]
    covered = _fewest(kept + left)
    return covered if len(covered) < len(words) else words


# The characters other than ASCII letters that ``re`` matches to an ASCII letter when it
# ignores case (tests/test_literals.py checks the list against every code point).
CASE_TRAPS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin)


class CaselessPrefilter:
    """Whether a pattern that ignores case (in places) could match a text: the words it needs,
    in lower case, must be in ``text.lower()``. A text with a character that ``re`` folds to
    an ASCII letter but ``str.lower`` does not is always let through."""

    __slots__ = ("words",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        found = _literals(_caseless(parsed, bool(pattern.flags & re.IGNORECASE)))
        self.words = _fewest(found) if found and min(map(len, found)) >= _MIN_LENGTH else ()

    def may_match(self, text: str) -> bool:
        if not self.words or any(c in text for c in CASE_TRAPS):
            return True
        return any(map(text.lower().__contains__, self.words))  # (map: the loop runs in C)


class Prefiltered:
    """A pattern whose ``search`` first asks whether the text holds one of its required words."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.words = _cover(_fewest(required_literals(pattern) or ()))

    def search(self, text: str) -> re.Match[str] | None:
        if self.words and not any(map(text.__contains__, self.words)):
            return None
        return self.pattern.search(text)


def has_case_trap(text: str) -> bool:
    """``text`` holds a character that ``re`` folds to an ASCII letter and ``str.lower`` does not."""
    return not text.isascii() and any(c in text for c in CASE_TRAPS)


# Pattern syntax whose meaning a lower-case copy would change: an escape in capitals ("\S", "\W"),
# case set apart again ("(?-i:"), a capital in a group's name.
_CASED_SYNTAX = re.compile(r"\\[A-Z]|\(\?[a-z]*-[a-z]*i|\(\?P[<=][^>)]*[A-Z]")


def lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern``, which ignores case throughout, as a pattern that does not, for text in lower
    case: it matches ``text.lower()`` where and as ``pattern`` matches ``text`` (``str.lower``
    keeps a text's length and its word characters), when the text holds no ``CASE_TRAPS``.

    Speed: re checks an alternative's first letter before trying it only when case counts,
    and finds a literal that opens a pattern in C only then. None when the pattern does not
    ignore case, or is not ASCII, or holds syntax a lower-case copy would change."""
    if not pattern.flags & re.IGNORECASE or not pattern.pattern.isascii() or _CASED_SYNTAX.search(pattern.pattern):
        return None
    return re.compile(pattern.pattern.lower(), pattern.flags & ~re.IGNORECASE)


_LAST_LOWERED: tuple[str, str] = ("", "")


def _lowered(text: str) -> str:
    """``text.lower()``, kept for the last text asked (speed: a clause is asked by several
    guarded patterns in a row). One tuple, swapped whole, so threads never see half of it."""
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LAST_LOWERED = (text, low)
    return low


class Guarded:
    """A compiled pattern that skips, in C, any text lacking every word its matches need.

    For a pattern searched sentence by sentence: ``search``, ``match``, ``fullmatch``,
    ``finditer`` and ``findall`` first ask for the pattern's required words (case-sensitive,
    see ``required_literals``), else for its words in lower case (``CaselessPrefilter``);
    a text holding none of them cannot match, so the answer is the one the pattern would
    give. Everything else (``pattern``, ``flags``, ``sub`` ...) is the pattern's own. A
    pattern without such words is searched as it is. Build them at import, not per call.

    ``fast`` is the same pattern written to be searched faster (``at_word_starts``): it is run
    in its place; the words are read from ``pattern``. With ``lowered``, ``search`` runs the
    pattern's ``lower_twin`` on the text in lower case: its match is of that text, so it says
    whether and where, not what (for a pattern asked only that).
    """

    __slots__ = ("_re", "_words", "_lower", "_run", "_twin")

    def __init__(self, pattern: re.Pattern[str], fast: re.Pattern[str] | None = None, lowered: bool = False) -> None:
        self._re = pattern
        self._run = fast or pattern
        self._twin = lower_twin(pattern) if lowered else None
        words = required_literals(pattern)
        self._lower = not words
        self._words = _cover(_fewest(words) if words else CaselessPrefilter(pattern).words)

    def may_match(self, text: str) -> bool:
        """False only when ``text`` holds none of the words every match needs."""
        words = self._words
        if not words:
            return True
        if self._lower:
            if not text.isascii() and any(c in text for c in CASE_TRAPS):
                return True
            text = _lowered(text)
        return any(map(text.__contains__, words))

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        if not self.may_match(text):
            return None
        if self._twin is not None and not has_case_trap(text):
            return self._twin.search(_lowered(text), *args)
        return self._run.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self._run.match(text, *args) if self.may_match(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self._run.fullmatch(text, *args) if self.may_match(text) else None

    def finditer(self, text: str, *args: int):  # noqa: ANN201 (an iterator of matches)
        return self._run.finditer(text, *args) if self.may_match(text) else iter(())

    def findall(self, text: str, *args: int) -> list:
        return self._run.findall(text, *args) if self.may_match(text) else []

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._re, name)

    def __repr__(self) -> str:
        return f"Guarded({self._re!r})"


def guarded(pattern: re.Pattern[str], fast: re.Pattern[str] | None = None, lowered: bool = False) -> Guarded | re.Pattern[str]:
    """``pattern`` behind a ``Guarded`` filter when it has words to filter by, else itself
    (or ``fast``, the same pattern written to be searched faster). ``lowered``: see ``Guarded``
    (such a pattern is always a Guarded one)."""
    g = Guarded(pattern, fast, lowered)
    return g if g._words or g._twin is not None else (fast or pattern)


def at_word_starts(alternatives: list[str]) -> str:
    """``\\b(?:a|b|...)`` written so that re finds the alternatives' first letters in C, where it
    tries ``\\b`` at every character: each alternative opens with its letter and looks behind it
    for the boundary ("N(?<!\\wN)ederland"); one that opens with a class of letters becomes one
    per letter ("[Hh]et" -> "H(?<!\\wH)et|h(?<!\\wh)et"). The alternatives keep their order, and
    must open with a letter or a class of letters: a match starts where the original's does and
    is the same."""
    out = []
    for alt in alternatives:
        if alt.startswith("["):
            firsts, rest = alt[1 : alt.index("]")], alt[alt.index("]") + 1 :]
        else:
            firsts, rest = alt[0], alt[1:]
        for c in firsts:
            if not c.isalpha():
                raise ValueError(f"{alt!r} does not open with a letter")
            out.append(rf"{c}(?<!\w{c}){rest}")
    return "|".join(out)


def by_first_character(forms: list[str], body: Callable[[str], str]) -> str:
    """The alternation of ``forms`` (texts, in the order to try; ``body`` writes a text as a
    pattern) grouped by first character: "A(?:fghanistan|lbanië)|B(?:elgië)|...".

    Speed: re checks every alternative of an alternation at each place it tries one, and a
    list of names has hundreds; grouped, it checks the first characters and then one group.
    The forms keep their order within a group, and the others cannot match where the first
    character differs, so the first form that matches at a place is the same."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(body(form[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(rests) + ")" for c, rests in groups.items())


class WordStarts:
    """``finditer`` of a pattern of names, ``(?<![\\w-])(?:Name|Other|...)...``, that tries the
    pattern only where a name can start: at one of the names' first characters with no letter,
    digit or hyphen before it.

    ``re`` tries a pattern that opens with a lookbehind at every character of a text; the
    first characters are found with one character class instead (in C), and the pattern is
    matched at those places alone, in text order, each search going on after the last
    match's end: the matches ``pattern.finditer`` gives, for a pattern whose matches are never
    empty, start with one of ``firsts`` and start after no ``[\\w-]``.
    """

    __slots__ = ("_match", "_starts")

    def __init__(self, pattern: re.Pattern[str], firsts: str) -> None:
        self._match = pattern.match
        chars = "".join(sorted(set(firsts)))
        # (the class first, then the look behind it, so that re scans for the class in C)
        self._starts = re.compile(rf"[{re.escape(chars)}](?<![\w-][\s\S])") if chars else None

    def finditer(self, text: str):  # noqa: ANN201 (an iterator of matches)
        if self._starts is None:
            return
        match, pos = self._match, 0
        for c in self._starts.finditer(text):
            at = c.start()
            if at < pos:
                continue
            m = match(text, at)
            if m is not None:
                yield m
                pos = m.end()
