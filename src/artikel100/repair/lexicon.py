"""Word frequencies for Dutch (and English, which letters quote) from wordfreq."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path


from wordfreq import get_frequency_dict
from ..datafiles import load_yaml

__all__ = ["Lexicon", "lexicon"]


class Lexicon:
    """Zipf frequencies (log10 per billion words) of Dutch and English words."""

    def __init__(self) -> None:
        self._nl = get_frequency_dict("nl")
        self._en = get_frequency_dict("en")
        self._domain = _domain_words()

    @staticmethod
    def _zipf(table: dict[str, float], word: str) -> float:
        freq = table.get(word.casefold())
        return math.log10(freq) + 9 if freq else 0.0

    def nl(self, word: str) -> float:
        return self._zipf(self._nl, word)

    def en(self, word: str) -> float:
        return self._zipf(self._en, word)

    def is_domain(self, word: str) -> bool:
        """A word of a mission's or a place's name."""
        return word.casefold() in self._domain

    def best(self, word: str) -> float:
        """The higher of the Dutch and (discounted) English frequency; the names of
        missions and places letters use count as common words."""
        if word.casefold() in self._domain:
            return max(_DOMAIN_ZIPF, self.nl(word))
        return max(self.nl(word), self.en(word) - 0.5)

    def known(self, word: str) -> bool:
        """A word real Dutch (or English) text uses, not just a typo seen online."""
        return self.nl(word) >= 1.5 or self.en(word) >= 3.0


# How common a mission or place name counts as: a word a letter is likely to hold.
_DOMAIN_ZIPF = 4.0
_DATA = Path(__file__).resolve().parents[1] / "extract" / "data"


def _domain_words() -> frozenset[str]:
    """Words of the mission catalogue's and the place list's names ("Naqoura", "Inherent")."""
    words: set[str] = set()
    for name, key in (("missions.yaml", "missions"), ("places.yaml", "places")):
        data = load_yaml(_DATA / name) or []
        for entry in data.get(key, []) if isinstance(data, dict) else data:
            for form in [*entry.get("names", []), entry.get("name", ""), *entry.get("aliases", [])]:
                words.update(w.casefold() for w in re.split(r"[\s/()-]+", str(form)) if len(w) >= 4 and w.isalpha())
    return frozenset(words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon, loaded once per process (about 0.3 s)."""
    return Lexicon()
