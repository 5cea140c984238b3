"""OCR character errors, fixed by classes with the lexicon and the letter's own words.

Each rule proposes an ``Edit``; none touches a word the lexicon knows unless a
variant is far more common (a diaeresis the OCR lost), and none touches a word
the letter itself spells the same way several times, except where a letter's
OCR repeats the same confusion (diacritics). Proper names and rare words that
are not in the lexicon stay as they are when no candidate is clearly better.
"""

from __future__ import annotations

import re
from collections import Counter

from .builder import Edit
from .lexicon import Lexicon

__all__ = ["find_ocr_edits"]

_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")
_VOWELS = "aeiouyéèëïöüáà"
_DIAERESIS = {"e": "ë", "i": "ï", "o": "ö", "u": "ü", "é": "ë", "è": "ë", "í": "ï", "ì": "ï"}
# Characters OCR confuses, both ways.
_CONFUSIONS = [("g", "q"), ("q", "g"), ("rn", "m"), ("m", "rn"), ("cl", "d"), ("vv", "w"),
               ("c", "e"), ("e", "c"), ("l", "i"), ("i", "l"), ("1", "l"), ("1", "i"), ("5", "s"),
               ("ii", "ü"), ("h", "b"), ("b", "h"), ("n", "u"), ("u", "n"), ("t", "f"), ("f", "t")]
_APOSTROPHES = re.compile(r"(?<=[^\W\d_])([’'`])[’'`]+(?=[^\W\d_])")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w)\]])[ \t]+(?=[.,;:](?:\s|$))")
_GLUED_PAIR = re.compile(r"\b([a-zà-ÿ]{3,})-(en|of) (?=[a-zà-ÿ])")


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _diaeresis_variants(word: str) -> list[str]:
    lower = word.casefold()
    out = []
    for i in range(1, len(lower)):
        c = lower[i]
        if c in _DIAERESIS and lower[i - 1] in _VOWELS:
            out.append(lower[:i] + _DIAERESIS[c] + lower[i + 1 :])
    if lower.count("é") > 1:
        out.append(lower.replace("é", "ë"))
    return out


def _fix_zeros(token: str) -> str | None:
    """Letters with a zero among them: the zero is a capital or small O."""
    if "0" not in token or not re.fullmatch(r"[A-Za-z0]*", token) or not re.search(r"[A-Za-z]", token):
        return None
    letters = [c for c in token if c.isalpha()]
    upper = all(c.isupper() for c in letters)
    chars = []
    for i, c in enumerate(token):
        if c != "0":
            chars.append(c)
        elif upper or i == 0:
            chars.append("O")
        else:
            chars.append("o")
    return "".join(chars)


class _Fixer:
    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lex = lexicon
        tokens = _TOKEN.findall(text)
        self.counts = Counter(tokens)
        self.acronyms = {t: n for t, n in self.counts.items() if t.isupper() and t.isalpha() and n >= 3}

    def fix(self, token: str) -> tuple[str, str] | None:
        """A replacement for one token and the rule's name, or None."""
        zeros = _fix_zeros(token)
        if zeros is not None:
            return self._acronym(zeros) or (zeros, "zero-for-o")
        if not token.isalpha():
            return None
        if token.isupper() and len(token) > 1:
            return self._acronym(token)
        return self._diaeresis(token) or self._misread(token)

    def _acronym(self, token: str) -> tuple[str, str] | None:
        """An acronym seen once, one OCR slip from one the letter uses often."""
        if token in self.acronyms or not token.isupper():
            return None
        for i in range(len(token)):
            candidate = token[:i] + token[i + 1 :]
            if candidate in self.acronyms:
                return candidate, "acronym"
        return None

    def _diaeresis(self, token: str) -> tuple[str, str] | None:
        base = self.lex.nl(token)
        best, best_score = None, base + 1.0
        for variant in _diaeresis_variants(token):
            score = self.lex.nl(variant)
            if score >= 3.0 and score > best_score:
                best, best_score = variant, score
        return (_match_case(token, best), "diaeresis") if best else None

    def _suspicious(self, token: str) -> bool:
        return (
            len(token) >= 4
            and self.lex.nl(token) < 1.0
            and self.lex.en(token) < 1.5
            and self.counts[token] <= 2
        )

    def _misread(self, token: str) -> tuple[str, str] | None:
        if not self._suspicious(token):
            return None
        lower = token.casefold()
        candidates: dict[str, float] = {}
        for i in range(1, len(lower) - 1):  # a stray letter inside the word
            cand = lower[:i] + lower[i + 1 :]
            score = self.lex.best(cand)
            if score >= 3.5:
                candidates[cand] = score
        for wrong, right in _CONFUSIONS:
            start = lower.find(wrong)
            while start != -1:
                cand = lower[:start] + right + lower[start + len(wrong) :]
                score = self.lex.best(cand)
                if score >= 3.0:
                    candidates[cand] = max(candidates.get(cand, 0.0), score)
                start = lower.find(wrong, start + 1)
        if not candidates:
            return self._compound_tail(token)
        ranked = sorted(candidates.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 0.5:
            return None  # no clear winner: leave the word alone
        return _match_case(token, ranked[0][0]), "misread"

    def _compound_tail(self, token: str) -> tuple[str, str] | None:
        """A compound whose last part lost or gained a letter: veiligheidsrisco -> ...risico."""
        lower = token.casefold()
        if len(lower) < 9 or not token.islower() or self._is_compound(lower):
            return None
        for cut in range(4, len(lower) - 3):
            head, tail = lower[:cut], lower[cut:]
            if not self.lex.known(head.rstrip("s")) or self.lex.nl(tail) >= 1.0:
                continue
            for cand in _edits1(tail):
                if len(cand) >= 4 and self.lex.nl(cand) >= 3.5:
                    return head + cand, "compound"
        return None

    def _is_compound(self, word: str) -> bool:
        """True when the word splits into two known words (with a linking s or e)."""
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if self.lex.nl(tail) >= 2.0 and any(
                self.lex.known(h) for h in (head, head[:-1] if head.endswith(("s", "e")) else head)
            ):
                return True
        return False

    def edits(self) -> list[Edit]:
        edits: list[Edit] = []
        for m in _TOKEN.finditer(self.text):
            fixed = self.fix(m.group())
            if fixed and fixed[0] != m.group():
                edits.append(Edit(m.start(), m.end(), fixed[0], fixed[1]))
        return edits


def _edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    inserts = {a + c + b for a, b in splits for c in letters}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    return deletes | inserts | replaces


def _punctuation_edits(text: str, lex: Lexicon) -> list[Edit]:
    edits = [Edit(m.start(), m.end(), m.group(1), "doubled-apostrophe") for m in _APOSTROPHES.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "space-before-punctuation") for m in _SPACE_BEFORE_PUNCT.finditer(text)]
    for m in _GLUED_PAIR.finditer(text):
        if lex.known(m.group(1)) and not lex.known(f"{m.group(1)}-{m.group(2)}"):
            at = m.start(2)
            edits.append(Edit(at, at, " ", "hyphen-pair"))
    return edits


def find_ocr_edits(text: str, lexicon: Lexicon) -> list[Edit]:
    """Every OCR repair proposed for ``text``, as non-overlapping edits."""
    edits = _punctuation_edits(text, lexicon) + _Fixer(text, lexicon).edits()
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out
