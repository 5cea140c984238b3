"""OCR character errors, fixed by classes with the lexicon and the letter's own words.

Each rule proposes an ``Edit``; none touches a word the lexicon knows unless a
variant is far more common (a diaeresis the OCR lost), and none touches a word
the letter itself spells the same way several times, except where a letter's
OCR repeats the same confusion (diacritics). Proper names and rare words that
are not in the lexicon stay as they are when no candidate is clearly better.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import accumulate

from .builder import Edit
from .lexicon import Lexicon, lexicon
from .punctuation import punctuation_edits

__all__ = ["find_ocr_edits", "find_word_edits"]

# Tokens: letters of any alphabet, and digits. The group keeps them when the text is
# split at them: [between, token, between, token, ..., between].
_TOKEN_SPLIT = re.compile(r"([^\W_]+)")
# A capitalised word that opens a sentence (or a line).
_OPENER_WORD = re.compile(r"(?:^|(?<=[.!?])\s+|\n\s*)([A-Z][a-zà-ÿ]{4,})\b", re.MULTILINE)
_VOWELS = "aeiouyéèëïöüáà"
_DIAERESIS = {"e": "ë", "i": "ï", "o": "ö", "u": "ü", "é": "ë", "è": "ë", "í": "ï", "ì": "ï"}
# Characters OCR confuses, both ways.
_CONFUSIONS = [("g", "q"), ("q", "g"), ("rn", "m"), ("m", "rn"), ("cl", "d"), ("vv", "w"),
               ("c", "e"), ("e", "c"), ("l", "i"), ("i", "l"), ("1", "l"), ("1", "i"), ("5", "s"),
               ("ii", "ü"), ("h", "b"), ("b", "h"), ("n", "u"), ("u", "n"), ("t", "f"), ("f", "t"),
               ("t", "l"), ("l", "t"), ("f", "l"), ("l", "f"), ("li", "h"), ("ri", "n"), ("h", "n"), ("n", "h"), ("r", "n"), ("n", "r"),
               ("t", "r"), ("f", "r")]  # "Uitetlijk", "Kamefbrief"


def _confused(word: str):  # noqa: ANN202 (an iterator of str)
    """``word`` with one of OCR's confusions undone, at each place it can be."""
    for wrong, right in _CONFUSIONS:
        start = word.find(wrong)
        while start != -1:
            yield word[:start] + right + word[start + len(wrong) :]
            start = word.find(wrong, start + 1)


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


_DUTCH_LETTERS = re.compile(r"[A-Za-zéëïöüèáàêôûçÉËÏÖÜÈ]+")
# Number words Dutch writes as one ("honderdeen", "tweeënvijftig"), which word lists mostly lack.
_UNIT = "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen"
_BELOW_100 = (rf"(?:(?:{_UNIT})(?:en|ën))?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"
              rf"|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|{_UNIT}")
_BELOW_1000 = rf"(?:(?:{_UNIT})?honderd(?:en)?(?:{_BELOW_100})?|{_BELOW_100})"
_NUMBER_WORD = re.compile(rf"(?i:(?:{_BELOW_1000})?duizend(?:en)?(?:{_BELOW_1000})?|{_BELOW_1000})")
_PARTICIPLE = re.compile(r"(?:ge|ver|be|ont|her)(?P<stem>[a-zë]{3,})[dt]")
_STEM_COMMON = 3.5  # zipf of the plural or infinitive: "mijnen"
_FUNCTION_WORDS = frozenset(
    "de het een en van in op te met voor naar aan door uit bij tot om of dat die dan als is zijn".split()
)


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


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


_LETTER_IN_NUMBER = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


_NUMBER_LIKE = re.compile(r"\d[\dOolI]*\d")


def _fix_number(token: str) -> str | None:
    """Digits with a letter among them ("2O24", "1l0"): OCR read a 0 or a 1 as a letter."""
    # (str.isdigit holds for every character \d matches: a cheap first test)
    if not token[:1].isdigit() or not _NUMBER_LIKE.fullmatch(token) or token.isdigit():
        return None
    return token.translate(_LETTER_IN_NUMBER)


class _Fixer:
    """The rules that depend on the letter itself: its acronyms, zeros for O."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lex = lexicon
        # One scan gives the tokens as strings (speed: a split makes no match objects, and
        # most tokens need no offsets); their offsets are summed from the pieces' lengths.
        self._pieces = _TOKEN_SPLIT.split(text)
        self.tokens: list[str] = self._pieces[1::2]
        self.counts = Counter(self.tokens)  # (counted in C)
        self.acronyms = {t: n for t, n in self.counts.items() if t.isupper() and t.isalpha() and n >= 3}

    def fix(self, token: str) -> tuple[str, str] | None:
        """A replacement for one token and the rule's name, or None."""
        zeros = _fix_zeros(token)
        if zeros is not None:
            return self._acronym(zeros) or (zeros, "zero-for-o")
        number = _fix_number(token)
        if number is not None:
            return number, "letter-in-number"
        if not token.isalpha():
            return None
        if token.isupper() and len(token) > 1:
            return self._acronym(token)
        # A word the letter repeats is less likely a slip; otherwise the rules see only the word.
        return _word_fix(token, self.counts[token] > 2)

    def _acronym(self, token: str) -> tuple[str, str] | None:
        """An acronym with a letter the OCR doubled ("O0IR" read as "OOIR"), where the
        letter uses the single form often."""
        if token in self.acronyms or not token.isupper():
            return None
        for i in range(1, len(token)):
            if token[i] == token[i - 1]:
                candidate = token[:i] + token[i + 1 :]
                if candidate in self.acronyms:
                    return candidate, "acronym"
        return None

    def edits(self) -> list[Edit]:
        fixes = {}  # each distinct token's replacement, where it has one
        for token in self.counts:
            fixed = self.fix(token)
            if fixed and fixed[0] != token:
                fixes[token] = fixed
        # A capitalised word is read as a name, except where it only opens sentences: "Uitetlijk eind
        # maart bericht het kabinet ..." is the common word misread (a name stands inside sentences too).
        for token, fixed in self._sentence_openers().items():
            fixes.setdefault(token, fixed)
        if not fixes:
            return []
        ends = list(accumulate(map(len, self._pieces)))  # token i spans ends[2i] .. ends[2i + 1]
        edits: list[Edit] = []
        for i, token in enumerate(self.tokens):
            fixed = fixes.get(token)
            if fixed is not None:
                if fixed[1] == "diaeresis" and self._in_english(i):
                    continue  # "United Nations Mission in Haiti": an English name keeps its spelling
                edits.append(Edit(ends[2 * i], ends[2 * i + 1], fixed[0], fixed[1]))
        return edits

    def _sentence_openers(self) -> dict[str, tuple[str, str]]:
        # (speed: the words that open sentences found by one scan in C, counted against all uses)
        openers = Counter(_OPENER_WORD.findall(self.text))
        out = {}
        for token, n in openers.items():
            if n == self.counts[token] and self.lex.best(token) < 2.0:
                fixed = _word_fix(token.lower(), n > 2)
                if fixed and fixed[1] == "misread":
                    out[token] = (_match_case(token, fixed[0]), fixed[1])
        return out

    def _in_english(self, i: int) -> bool:
        """One of the three words before token ``i`` is English and not Dutch."""
        lex = lexicon()
        for word in self.tokens[max(0, i - 3) : i]:
            if word.isalpha() and lex.en(word) >= 4.0 and lex.en(word) > lex.nl(word) + 1.0:
                return True
        return False



_COMMON_ENGLISH = 5.0  # zipf: "full", "support", "group"; not "senate"

# "vande", "inhet": a preposition and an article run together, which Dutch never writes as one word.
_PREPOSITIONS = "van in en over op aan met voor uit naar door bij tot om onder tegen".split()
_GLUED_FUNCTION_WORDS = {p + a: (p, a) for p in _PREPOSITIONS for a in ("de", "het")}
# "vanacht", "metvier": a preposition run into the number after it (not a word itself: "overeen" is).
_NUMBER_WORDS = "twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig honderd".split()
_GLUED_NUMBERS = {p + n: (p, n) for p in _PREPOSITIONS for n in _NUMBER_WORDS}
# A short misread word may be a function word: "vari" and "iri" are "van" and "in" ("n" read as "ri"),
# "ais" is "als", "dc" is "de". A word this common is not a slip ("eer", "min").
_SHORT_COMMON = 4.2


class _WordRules:
    """Rules that see one word and the lexicon: diaereses, stray accents, misread
    letters, two words run together."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def fix(self, token: str, repeated: bool) -> tuple[str, str] | None:
        glued = _GLUED_FUNCTION_WORDS.get(token.casefold()) if token[1:].islower() else None
        if glued:
            return _match_case(token, " ".join(glued)), "glued-function-words"
        glued = _GLUED_NUMBERS.get(token) if token.islower() else None
        if glued and self.lex.nl(token) < _SHORT_COMMON:
            return " ".join(glued), "glued-number"
        short = self._short_function_word(token) if len(token) <= 4 and token.islower() else None
        if short:
            return short
        found = self._diaeresis(token) or self._stray_accent(token, repeated)
        if found or not self._suspicious(token, repeated):
            return found  # the last two rules only look at a suspicious word
        return self._misread(token) or self._missing_space(token)

    def _short_function_word(self, token: str) -> tuple[str, str] | None:
        """A short rare word that one OCR confusion, or one stray letter, makes a function word."""
        if token in _FUNCTION_WORDS or self.lex.nl(token) >= _SHORT_COMMON:
            return None
        found = {token[:i] + token[i + 1 :] for i in range(1, len(token))} | set(_confused(token))
        found &= _FUNCTION_WORDS
        return (found.pop(), "short-function-word") if len(found) == 1 else None

    def _diaeresis(self, token: str) -> tuple[str, str] | None:
        # Most words have no common diaeresis form at all: spare making and looking up variants.
        if not self.lex.has_common_diaeresis_form(token.casefold()):
            return None
        base = self.lex.nl(token)
        best, best_score = None, base + 1.0
        for variant in _diaeresis_variants(token):
            score = self.lex.nl(variant)
            if score >= 3.0 and score > best_score:
                best, best_score = variant, score
        return (_match_case(token, best), "diaeresis") if best else None

    def _stray_accent(self, token: str, repeated: bool) -> tuple[str, str] | None:
        """An accent the OCR added ("vän", "vertrekkén", "risicó"): the plain word is common."""
        if repeated or token.isascii():  # an ASCII word has no accent to strip
            return None
        plain = _strip_accents(token)
        if plain == token:
            return None
        # Far rarer than the plain word ("vän" beside "van"); "één" and "café" stay.
        return (plain, "stray-accent") if self.lex.nl(plain) >= max(3.0, self.lex.nl(token) + 3.5) else None

    def _suspicious(self, token: str, repeated: bool) -> bool:
        # A name spelt with letters Dutch does not use ("Sliač", "Łódź") is foreign, not misread.
        return len(token) >= 4 and not repeated and self.lex.best(token) < 2.0 and _DUTCH_LETTERS.fullmatch(token) is not None \
            and not self._participle(token) and not _NUMBER_WORD.fullmatch(token)

    def _participle(self, token: str) -> bool:
        """A past participle of a verb made from a common noun or verb ("vermijnd" of "mijnen",
        "ontmijnd"), which word lists often lack."""
        m = _PARTICIPLE.fullmatch(token)
        return bool(m) and self.lex.nl(m.group("stem") + "en") >= _STEM_COMMON

    def _missing_space(self, token: str) -> tuple[str, str] | None:
        """Two words run together ("toegezegdeen"): a known word and a function word
        (``token`` is suspicious)."""
        if len(token) < 5 or not token.islower() or self._is_compound(token):
            return None
        if self.lex.nl(token) > 0:
            return None  # a rare word Dutch does write ("inlaste"), not two run together
        for cut in range(2, len(token) - 1):
            head, tail = token[:cut], token[cut:]
            if (head in _FUNCTION_WORDS and self.lex.nl(tail) >= 3.5) or (
                tail in _FUNCTION_WORDS and self.lex.nl(head) >= 3.5
            ):
                return f"{head} {tail}", "missing-space"
        return None

    def _misread(self, token: str) -> tuple[str, str] | None:
        """A letter OCR misread, dropped in or confused (``token`` is suspicious)."""
        lower = token.casefold()
        floor = self.lex.best(token) + 2.5  # a candidate must be far more common than the token
        # _score's compound rule gives 3.0, which passes only where the floor is 3.0 or less;
        # whether the token itself is a compound is asked (once) only when the rule would apply.
        compound: list[bool] = [] if floor <= 3.0 else [True]
        # A stray letter inside the word. _score's compound rule gives 3.0 at most, below this
        # bar: the lexicon alone decides.
        candidates = self.lex.common_folded([lower[:i] + lower[i + 1 :] for i in range(1, len(lower) - 1)], max(3.5, floor))
        # One confusion undone: each distinct candidate's plain frequency, then the compound rule.
        bar = max(3.0, floor)
        for cand, score in self.lex.common_folded(list(_confused(lower)), 0.0 if floor <= 3.0 else bar).items():
            score = self._score(cand, score, compound, lower)
            if score >= bar:
                candidates[cand] = max(candidates.get(cand, 0.0), score)
        if token[:1].isupper():
            # A capitalised word is a name: it may become another name or an English term
            # ("Irag" -> "Iraq", "Fuwll" -> "Full"), never a common Dutch word ("Zapad" -> "Zaad"),
            # and a rarer English word only if it names a mission or place: an unknown name in a
            # letter is more likely a town than OCR's misreading of an English word ("Senafe", not "Senate").
            candidates = {
                c: v for c, v in candidates.items()
                if self.lex.is_domain(c) or self.lex.en(c) >= max(self.lex.nl(c), _COMMON_ENGLISH)
            }
        if not candidates:
            return None
        ranked = sorted(candidates.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 0.5:
            return None  # no clear winner: leave the word alone
        return _match_case(token, ranked[0][0]), "misread"

    def _score(self, candidate: str, score: float, token_is_compound: list[bool], token: str = "") -> float:
        """A candidate's frequency (``score``, the lexicon's); a compound of known words counts
        as a known word when the token itself is not one ("fandmachteenheden" -> "landmachteenheden").
        ``token_is_compound`` holds the answer for ``token`` once asked (empty before)."""
        if score < 3.0 and len(candidate) >= 12:
            if not token_is_compound:
                token_is_compound.append(self._is_compound(token))
            if not token_is_compound[0] and self._is_compound(candidate, strict=True):
                return 3.0
        return score

    def _is_compound(self, word: str, strict: bool = False) -> bool:
        """True when the word splits into two known words (with a linking s or e).

        ``strict`` asks for two common parts of four letters or more, as evidence
        strong enough to choose a candidate by.
        """
        low, tail_floor, head_floor = (4, 3.0, 3.0) if strict else (3, 2.0, 1.5)
        for cut in range(low, len(word) - low + 1):
            head, tail = word[:cut], word[cut:]
            if self.lex.nl(tail) >= tail_floor and any(
                self.lex.nl(h) >= head_floor for h in (head, head[:-1] if head.endswith(("s", "e")) else head)
            ):
                return True
        return False



@lru_cache(maxsize=100_000)
def _word_fix(token: str, repeated: bool) -> tuple[str, str] | None:
    """Word rules are the same for every letter, so their answers are shared."""
    return _WordRules(lexicon()).fix(token, repeated)


# A letter of another alphabet (and a sign glued to it) inside a Dutch word: a page that
# was decoded with the wrong code page ("beŽindiging", "geÔnformeerd", "IsraĆ«l").
# OCR reads such a letter, or a diaeresis it cannot place, as a capital ("beZindiging").
_ODD = r"[^\x00-\x40\x5b-\x7f\u00df-\u00ff\u00a0\u2018-\u201e\u2013\u2014\u20ac]"
# (speed: the pattern opens with the odd letter's class, so re looks for it in C, and the
# lookbehind after it asks for the small letter before: the spans of "(?<=[a-z])odd")
_MOJIBAKE = re.compile(rf"(?P<odd>{_ODD}(?<=[a-z]{_ODD})[«©»¨]?)(?=[a-z])")
_ACCENTED = "ëïéèöüáàêô"


def _mojibake_edits(text: str, lex: Lexicon) -> list[Edit]:
    """The letter a wrong code page garbled, where one accented letter makes a common word."""
    edits = []
    for m in _MOJIBAKE.finditer(text):
        head = re.search(r"[A-Za-z]+$", text[: m.start()]).group()  # type: ignore[union-attr]
        tail = re.match(r"[a-z]+", text[m.end() :]).group()  # type: ignore[union-attr]
        found = [c for c in _ACCENTED if lex.nl((head + c + tail).casefold()) >= 3.0]
        if len(found) == 1:
            edits.append(Edit(m.start(), m.end(), found[0], "mojibake"))
    return edits


def find_word_edits(text: str, lexicon: Lexicon) -> list[Edit]:
    """Every word repair proposed for ``text`` (run after the punctuation repairs,
    so a word split by noise is whole again)."""
    garbled = _mojibake_edits(text, lexicon)
    if not garbled:
        return _Fixer(text, lexicon).edits()
    # The word repairs see the word with its letter put back.
    spans = [(e.start, e.end) for e in garbled]
    rest = [e for e in _Fixer(text, lexicon).edits() if not any(a < e.end + 2 and e.start - 2 < b for a, b in spans)]
    return sorted(garbled + rest, key=lambda e: e.start)


def find_ocr_edits(text: str, lexicon: Lexicon) -> list[Edit]:
    """Punctuation and word repairs of one text in a single pass, as non-overlapping edits."""
    edits = punctuation_edits(text, lexicon) + _Fixer(text, lexicon).edits()
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out
