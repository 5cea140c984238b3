"""Word frequencies for Dutch (and English, which letters quote) from wordfreq."""

from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import get_frequency_dict

__all__ = ["Lexicon", "lexicon"]


class Lexicon:
    """Zipf frequencies (log10 per billion words) of Dutch and English words."""

    def __init__(self) -> None:
        self._nl = get_frequency_dict("nl")
        self._en = get_frequency_dict("en")

    @staticmethod
    def _zipf(table: dict[str, float], word: str) -> float:
        freq = table.get(word.casefold())
        return math.log10(freq) + 9 if freq else 0.0

    def nl(self, word: str) -> float:
        return self._zipf(self._nl, word)

    def en(self, word: str) -> float:
        return self._zipf(self._en, word)

    def best(self, word: str) -> float:
        """The higher of the Dutch and (discounted) English frequency."""
        return max(self.nl(word), self.en(word) - 0.5)

    def known(self, word: str) -> bool:
        """A word real Dutch (or English) text uses, not just a typo seen online."""
        return self.nl(word) >= 1.5 or self.en(word) >= 3.0


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon, loaded once per process (about 0.3 s)."""
    return Lexicon()
