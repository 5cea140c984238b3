"""Word frequencies for Dutch (and English, which letters quote) from wordfreq.

The lists are read from wordfreq's own data files, in the "cBpack" format its
``read_cBpack`` documents (a gzipped msgpack list: a header, then one list of
words per centibel of frequency), rather than through ``import wordfreq``:
importing wordfreq loads its tokenisers (langcodes, ftfy, regex) and took
longer than extracting a letter. Building the two tables from those files takes about
half a second, so the tables are kept, once built, as a pickle in the user's cache
directory (``$ARTIKEL100_CACHE``, ``$XDG_CACHE_HOME`` or ``~/.cache``, then
``artikel100/``), named by wordfreq's version; a process that cannot read or write
it builds the tables as before.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import msgpack

from .. import cachefile
from ..datafiles import load_yaml
from ..errors import InternalError

__all__ = ["Lexicon", "lexicon"]


class Lexicon:
    """Zipf frequencies (log10 per billion words) of Dutch and English words."""

    def __init__(self) -> None:
        self._nl, self._en = _tables()
        self._domain = _domain_words()
        self._diaeresis_skeletons: frozenset[str] | None = None

    @staticmethod
    def _zipf(table: dict[str, float], word: str) -> float:
        return table.get(word.casefold(), 0.0)

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
        return self.best_folded(word.casefold())  # (the same sums, the word folded once)

    def best_folded(self, folded: str) -> float:
        """``best`` of a word already casefolded (the OCR rules' candidates), without folding again."""
        nl = self._nl.get(folded, 0.0)
        if folded in self._domain:
            return max(_DOMAIN_ZIPF, nl)
        return max(nl, self._en.get(folded, 0.0) - 0.5)

    def common_folded(self, folded: list[str], floor: float) -> dict[str, float]:
        """``best_folded`` of each word at ``floor`` or above, in order (speed: one call for the
        many candidates of an OCR rule, the tables looked up without a call per word)."""
        nl_get, en_get, domain = self._nl.get, self._en.get, self._domain
        out: dict[str, float] = {}
        for w in folded:
            nl = nl_get(w, 0.0)
            score = max(_DOMAIN_ZIPF, nl) if w in domain else max(nl, en_get(w, 0.0) - 0.5)
            if score >= floor:
                out[w] = score
        return out

    def known(self, word: str) -> bool:
        """A word real Dutch (or English) text uses, not just a typo seen online."""
        return self.nl(word) >= 1.5 or self.en(word) >= 3.0

    def has_common_diaeresis_form(self, folded: str) -> bool:
        """Whether some Dutch word of Zipf 3.0 or more with a diaeresis reads as ``folded``
        once its diaereses and acute or grave accents are taken off ("financien" for
        "financiën"). False rules out every diaeresis repair of the word: the OCR rule
        only ever swaps one of those letters for its diaeresis form."""
        if self._diaeresis_skeletons is None:
            self._diaeresis_skeletons = frozenset(
                diaeresis_skeleton(w) for w, z in self._nl.items() if z >= 3.0 and _HAS_DIAERESIS.search(w)
            )
        return diaeresis_skeleton(folded) in self._diaeresis_skeletons


_HAS_DIAERESIS = re.compile("[ëïöü]")
_SKELETON = str.maketrans("ëéèïíìöü", "eeeiiiou")


def diaeresis_skeleton(word: str) -> str:
    """The word with e/i/o/u standing for their diaeresis, acute and grave forms."""
    return word.translate(_SKELETON)


def _wordfreq_dir() -> Path:
    """wordfreq's package directory, found without importing the package (``resources.files``
    imports it, and with it its tokenisers: a third of a second)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return Path(str(resources.files("wordfreq")))  # not a plain package: let importlib find it
    return Path(next(iter(spec.submodule_search_locations)))


def _zipf_table(lang: str) -> dict[str, float]:
    """word -> Zipf frequency, as ``wordfreq.zipf_frequency`` gives it before rounding."""
    path = _wordfreq_dir() / "data" / f"large_{lang}.msgpack.gz"
    data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if not data or data[0] != {"format": "cB", "version": 1}:
        raise InternalError(f"{path}: not a wordfreq cBpack file of version 1")
    table: dict[str, float] = {}
    for centibels, bucket in enumerate(data[1:]):
        # the same arithmetic as wordfreq (frequency 10 ** (-cB / 100)) and log10(frequency) + 9
        table.update(dict.fromkeys(bucket, math.log10(10 ** (-centibels / 100)) + 9))
    return table


_CACHE_FORMAT = 1


def _cache_name() -> str:
    from importlib.metadata import version

    return f"lexicon-wordfreq-{version('wordfreq')}-{_CACHE_FORMAT}.pickle"


def _cache_path() -> Path:
    return cachefile.cache_path(_cache_name())


def _load_cache() -> tuple[dict[str, float], dict[str, float]] | None:
    data = cachefile.load(_cache_name())
    ok = isinstance(data, tuple) and len(data) == 2 and all(isinstance(t, dict) and t for t in data)
    return data if ok else None


def _tables() -> tuple[dict[str, float], dict[str, float]]:
    """The Dutch and English tables, from the cache when it holds them."""
    cached = _load_cache()
    if cached is not None:
        return cached
    tables = (_zipf_table("nl"), _zipf_table("en"))
    cachefile.save(_cache_name(), tables)
    return tables


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
