"""Is this Dutch? Two cheap checks on text that came out of a reader.

``check_dutch`` tells a Dutch letter from one in another language by counting
function words: they make up a third of any running Dutch text, are short
enough to survive OCR, and differ between Dutch and its neighbours. Content
words would not do: a Dutch letter on a NATO mission is full of English terms
("force protection", "non-combat").

``known_word_share`` tells text from junk (a PDF text layer whose font maps
codes to the wrong letters) by the share of words wordfreq knows in Dutch or
English.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import NotALetter

__all__ = ["check_dutch", "check_letter", "guess_language", "known_word_share", "MIN_TOKENS"]

# Below this many words the counts say nothing; we do not judge a short text.
MIN_TOKENS = 30
# Dutch running text has 30-40% function words from the list below; a
# Dutch letter quoting an English resolution at length still has 20%.
_MIN_DUTCH_SHARE = 0.12

# Words that are frequent in one language and rare or absent in the others.
# Shared spellings ("in", "is", "de" in French, "en" in French, "die" in
# German, "of" in English) are left out of the languages they would confuse.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "Dutch": frozenset(
        """het een van dat op te voor met zijn niet aan er om ook als bij door naar
        wordt worden deze dit uit over tot heeft hebben kan zal zullen wij ons onze
        uw maar nog dan wel na onder meer hij zij ze hun wat waar wanneer omdat
        hierbij daarom reeds echter tevens inzake betreft kabinet alsmede waarbij
        hebt geen zo wordt werd zijn bent ben mij mijn jullie welke zoals binnen
        tussen tegen zonder sinds vanaf namens""".split()
    ),
    "English": frozenset(
        """the and to that for on with as by this are be it from at have has was were
        will which an or not we our their been would should can could they these
        those its his her than into about such also there what when who whom
        shall may must upon within between against without""".split()
    ),
    "German": frozenset(
        """der und den das ist mit sich des auf nicht ein eine dem zu für im von
        auch werden wird wurde nach bei einer sind noch wie über oder aus durch
        haben hat""".split()
    ),
    "French": frozenset(
        """le la les et des du un une est que qui dans pour pas sur au avec ce cette
        sont par plus ont aux été être ne se son sa ses leur""".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+")


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def guess_language(text: str) -> tuple[str | None, dict[str, float]]:
    """The language whose function words make up most of the text.

    Returns:
        The best language (None when the text is too short to tell) and the
        share of tokens that are function words of each language.
    """
    tokens = _tokens(text)
    if len(tokens) < MIN_TOKENS:
        return None, {}
    shares = {
        lang: sum(t in words for t in tokens) / len(tokens) for lang, words in _FUNCTION_WORDS.items()
    }
    return max(shares, key=shares.__getitem__), shares


def check_dutch(text: str, path: str | Path | None = None) -> None:
    """Raise ``NotALetter`` when the text is clearly not Dutch.

    Short texts and texts where Dutch function words are common pass: the
    check is to stop an English (or German, French) document early, not to
    judge OCR quality.

    Raises:
        NotALetter: with "the text is not Dutch (looks like English)" or the
            like, naming the file.
    """
    letters = [c for c in text[:100_000] if c.isalpha()]
    if len(letters) >= 200 and sum(c < "\u0250" for c in letters) < 0.5 * len(letters):
        # Chinese, Arabic, Cyrillic...: too few "words" between spaces to count.
        raise NotALetter(path, "the text is not Dutch (it is not in the Latin alphabet)")
    best, shares = guess_language(text)
    if best is None or (best == "Dutch" and shares["Dutch"] > 0):
        return
    if shares["Dutch"] >= _MIN_DUTCH_SHARE:
        return
    if max(shares.values()) == 0:
        raise NotALetter(path, "the text is not Dutch (it holds none of the words every Dutch text has)")
    raise NotALetter(path, f"the text is not Dutch (looks like {best})")


# A letter to parliament addresses it: a salutation ("Geachte voorzitter"), an
# addressee ("Aan de Voorzitter van de Tweede Kamer"), "uw Kamer", "hierbij
# ... u" or "informeren wij u", or a title: "Brief van de minister ..." as a
# Kamerstuk prints it, "Brief regering" or "Kamerbrief" as mirrors of it do.
# A news report on the same decision speaks of "de Kamer" and "de minister";
# a law of "Wij" and "Artikel 1".
_ADDRESSES_PARLIAMENT = re.compile(
    r"\bgeachte\b|\buw\s+kamer\b|\baan\s*:?\s+de\s+(?:[a-z]+\s+)?voorzitter\b"
    r"|\bbrief\s+van\s+de\s+(?:minister|staatssecretaris|minister-president)|\bhierbij\s+(?:\w+\s+){0,3}uw?\b"
    r"|\b(?:ik|wij|we)\s+u\b|\bbrief\s+regering\b|\bkamerbrief\b",
    re.I,
)


def check_letter(text: str, path: str | Path | None = None) -> None:
    """Raise ``NotALetter`` when a Dutch text is clearly no letter to parliament.

    Only a text long enough to judge (``MIN_TOKENS`` words) that nowhere
    addresses parliament is refused: a news article, a law, a report.

    Raises:
        NotALetter: naming the file.
    """
    if len(_tokens(text[:20_000])) < MIN_TOKENS or _ADDRESSES_PARLIAMENT.search(text):
        return
    raise NotALetter(path, "Dutch text, but not a letter to parliament (it addresses neither the Kamer nor its chair)")


# Looking words up in wordfreq costs ~40 µs each; a sample of a page is enough.
_SAMPLE_TOKENS = 300
_KNOWN_ZIPF = 1.5  # about once in 30 million words


def known_word_share(text: str, min_tokens: int = 20) -> float | None:
    """The share of words (two letters or more) that wordfreq knows in Dutch or English.

    Returns:
        The share, 0..1, or None when the text has fewer than ``min_tokens`` words.
    """
    from wordfreq import zipf_frequency  # imported late: loading it takes 0.1 s

    tokens = [t for t in _tokens(text) if len(t) >= 2]
    if len(tokens) < min_tokens:
        return None
    if len(tokens) > _SAMPLE_TOKENS:
        step = len(tokens) / _SAMPLE_TOKENS
        tokens = [tokens[int(i * step)] for i in range(_SAMPLE_TOKENS)]
    known = sum(
        1 for t in tokens if zipf_frequency(t, "nl") >= _KNOWN_ZIPF or zipf_frequency(t, "en") >= _KNOWN_ZIPF
    )
    return known / len(tokens)
