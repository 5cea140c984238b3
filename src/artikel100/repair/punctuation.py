"""Punctuation noise that OCR leaves between words, fixed by class.

OCR of a degraded scan sprinkles dots, colons and hyphens between words
("informeren. wij", "van:de", "besluiten-de", "De’ additionele") and doubles
apostrophes ("risco’'s"). Each rule only fires where Dutch never writes the
punctuation: a sentence does not go on in lower case after a full stop
(abbreviations aside), a colon is followed by a space, and a function word
does not take a hyphen or a comma before the next word.
"""

from __future__ import annotations

import re

from ..dutch import MONTH_NAMES_RE
from .builder import Edit
from .lexicon import Lexicon

__all__ = ["punctuation_edits"]

# Speed: ``re`` scans for a pattern's first character in C when the pattern opens with a
# character (class); a pattern that opens with a lookbehind or ``\b`` is tried at every
# position instead. So the patterns below take their mark first and look behind it after
# (``[:;](?<=x[:;])`` for ``(?<=x)[:;]``), which matches the same spans, and rules whose
# matches hold a rare string ("jl.", "_") are not run on a text without it.


def _after_word(words: str, mark: str) -> str:
    """A lookbehind for ``mark`` standing straight after one of ``words`` ("de|het|...");
    lookbehinds have one width, so one per length of word."""
    by_length: dict[int, list[str]] = {}
    for w in words.split("|"):
        by_length.setdefault(len(w), []).append(w)
    return "(?:" + "|".join(rf"(?<=\b(?:{'|'.join(ws)}){mark})" for _, ws in sorted(by_length.items())) + ")"

_APOSTROPHES = re.compile(r"([’'`])(?<=[^\W\d_][’'`])[’'`]+(?=[^\W\d_])")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t](?<=[\w)\]][ \t])[ \t]*(?=[.,;:](?:\s|$))")
_GLUED_PAIR = re.compile(r"\b([a-zà-ÿ]{3,})-(en|of) (?=[a-zà-ÿ])")
# Small words that never carry a hyphen or trailing punctuation inside a sentence.
_FUNCTION = (
    "de|het|een|van|in|op|te|met|voor|vóór|naar|aan|door|uit|bij|tot|om|en|of|dat|die|dan|als|is|zijn|wordt|worden|sinds|per|vanaf"
)
# "informeren. wij": a full stop or question mark before a lower-case word.
_STRAY_STOP = re.compile(r"([.?])(?<=[a-zà-ÿ]{3}[.?])(?= (?:" + _FUNCTION + r"|[a-zà-ÿ]{3,})\b)")
# Abbreviations that do end in a dot before a lower-case word.
_ABBREVIATION = re.compile(
    r"\b(?:d\.d|jl|a\.s|o\.a|c\.s|nr|nrs|ca|bijv|incl|excl|resp|vgl|e\.d|m\.b\.t|t\.a\.v|i\.v\.m|i\.c|d\.w\.z|"
    r"mln|mld|mrd|min|max|gem|enz|etc|evt|ev|vs|mr|dr|drs|ir|ing|prof|dhr|mevr|art|blz|pag|par|sub|jo|ibid|m\.n|z\.s\.m)$"
)
# "van:de", "Onderwerp:Verlenging": a colon or semicolon glued between two words (see _glued_colon).
_GLUED_COLON = re.compile(r"[:;](?<=[^\W\d_][:;])(?=[^\W\d_])")
# Words a Dutch clause never ends on before a colon: articles, prepositions, pronouns, conjunctions.
_NEVER_BEFORE_COLON = re.compile(r"(?:" + _FUNCTION + r"|uw|ons|onze|hun|ter|ten|wij|zij|hij|ze|we|er|niet|ook)", re.I)
# Where a colon is part of what is written: a URL, an e-mail address, an identifier such as urn:nbn:nl:...
_URI_TOKEN = re.compile(r"://|@|/|\bwww\.|\b(?:https?|mailto|urn|doi|tel|ftp|file|nbn|isbn|issn)$|\w{2,}:\w{2,}:\w", re.I)
_TOKEN_AROUND = re.compile(r"\S+")
_LOOK_BACK = 200
_WORD_AFTER = re.compile(r"[^\W\d_]+")
# "de-Malinese", "besluiten-de": a hyphen beside a function word (not "staakt-het-vuren").
# (The match is the hyphen.)
_FUNCTION_HYPHEN = re.compile(
    "-" + _after_word(_FUNCTION, "-") + r"(?=[A-Z0-9])"
    r"|-(?<=[^\W\d_]{2}-)(?=(?:" + _FUNCTION.replace("|en|of", "") + r") (?!(?:der|den|de|van|ter|ten)\b)[a-z])"
)
# "Inzet-van Defensie", "Golf-van Guinee", "bijdrage-aan NMI": the same hyphen before a function word
# and a name, where the word before is a common word; a double surname is not one ("Jansen-de Vries").
# (The match is the hyphen, found first for speed; _word_before gives the word.)
_FUNCTION_HYPHEN_NAME = re.compile(
    r"-(?<=[^\W\d_]{2}-)(?=(?:" + _FUNCTION.replace("|en|of", "") + r") (?!(?:der|den|ter|ten)\b)[A-Z])"
)
_WORD_END = re.compile(r"[^\W\d_]+$")
_COMMON_WORD = 4.5  # zipf; surnames that are words too ("Bakker", "Visser", "Dijk") are rarer
# "van, de": punctuation straight after an article or a preposition that is never a verb particle.
# (The match is the mark, the word, and a space between, are looked behind: see _with_space.)
_PUNCT_WORDS = "de|het|een|van|naar|met"
_FUNCTION_PUNCT = re.compile(
    r"[,.:’'‘](?:" + _after_word(_PUNCT_WORDS, r"[,.:’'‘]") + "|" + _after_word(_PUNCT_WORDS, r" [,.:’'‘]") + r")(?= ?[a-z0-9])"
)
# "tot en-miet", "tot‘en met": the most frequent phrase of dates in letters, broken by noise.
_TOT_EN_MET = re.compile(r"tot(?<!\wtot)[\s\-‘’'.,:]{0,3}[eéèë]n[\s\-‘’'.,:]{1,3}m[a-z]?[eé]?t\b(?<!tot en met)")  # also "toten met"
# A budget chapter's numeral glued to "en" before the next dossier: "Kamerstukken 32 123 Ven 29 521".
_GLUED_CHAPTER = re.compile(r"\b\d{2}\s?\d{3}\s([IVX]{1,5})en(?=\s[1-3]\d\s?\d{3}\b)")
# "tot‘en": a quote glued between two words.
# A speck read as a quote before a number that is no year cut short ("'98"): "met ingang van'1 januari",
# "ten hoogste '1 608 functionarissen".
_QUOTE_BEFORE_NUMBER = re.compile(r"(?<=[\w ])[‘’'`](?=\d(?!\d\b)(?:[\d.]*)(?:\s(?:\d{3}\b|(?i:" + MONTH_NAMES_RE + r"))))")
_GLUED_QUOTE = re.compile(r"[‘’'](?<=[a-zà-ÿ]{2}[‘’'])(?=(?:" + _FUNCTION + r")\b)")
# ",." and "..": two marks where one stands ("23 432,.nr. 231", "nr..95").
_DOUBLE_MARK = re.compile(r"([,.])(?<=\w[,.])\.(?=\s?\w)")  # not ".,": "jl., bekend" is right
# "€ 2,5: mln", "12:oktober", "31 december 2011:te": a colon glued to a number before a word that
# continues the phrase (a month, an amount's unit, a function word); "artikel 100:brief" keeps its colon.
_NUMBER_COLON = re.compile(r":(?<=\d:)(?=[a-zA-Z]|\s(?:mln|miljoen|miljard|euro)\b)")
_AFTER_NUMBER_NOISE = re.compile(rf"(?:\s?(?:mln|miljoen|miljard|euro)|(?:{MONTH_NAMES_RE}|{_FUNCTION})(?![^\W\d_]))", re.I)
# "in: Abéché": a colon straight after a preposition.
_PREPOSITION_COLON = re.compile(":" + _after_word("in|te|van|naar|met|bij|door", ":") + r"(?=\s[A-Z])")  # the colon
# "rir. 31": OCR's ways of reading "nr." before a number.
# (The match is the full stop; _nr_start finds the word.)
_NR = re.compile(r"\." + _after_word("rir|nir|rnr|mr|ur|tir|hr|n1|nt", r"\.") + r"(?=\s?\d{1,4}\b)")
_NR_LONG = frozenset(("rir", "nir", "rnr", "tir"))  # (no two-letter one ends another: the word is one of these or two letters)
_MONTHS = MONTH_NAMES_RE
# "4 december. 2015", "1 januari-2015", "1 april'2017": a mark between a month and its year.
# (The match is the mark and a space after it; a space before it is added by _with_space.)
_MONTH_YEAR_MARK = re.compile(
    r"[.,;:'‘’`-](?:" + _after_word(_MONTHS, "[.,;:'‘’`-]") + "|" + _after_word(_MONTHS, r"\s[.,;:'‘’`-]") + r")\s?(?=(?:19|20)\d\d\b)"
)
# "per T juli 2019", "op l mei": a day of one figure read as a letter, between a word that
# leads a date and the month.
# (The letter first: re finds it fast; the word before is looked behind.)
_ONE_FOR_DAY = re.compile(
    r"[TlI|]" + _after_word("op|per|tot|van|vanaf|sinds|en|tussen|ingang|t/m", r" [TlI|]") + rf"(?= (?:{_MONTHS})\b)"
)
# "loopt eind. 2014 af", "medio: 2006": a mark between a word that places a date and the date.
_QUALIFIERS = "eind|begin|medio|half|halverwege"
_DATE_QUALIFIER_MARK = re.compile(
    r"[.,;:](?:" + _after_word(_QUALIFIERS, "[.,;:]") + "|" + _after_word(_QUALIFIERS, r"\s[.,;:]") + r")"
    rf"\s?(?=(?:{_MONTHS}|(?:19|20)\d\d)\b)",
    re.IGNORECASE,
)
# "Den Haag,-21 september": a hyphen glued after a comma before a number.
_COMMA_HYPHEN = re.compile(r",[-–](?=\d)")
# "ISIS, Het kabinet zal": a full stop that OCR read as a comma, before a sentence opening.
# (The match is the comma; _word_run_before asks for the word.)
# After a word, an acronym ("UNFICYP, De eenheid") or a year ("tot 1 maart 2001, Op verzoek").
_COMMA_FOR_STOP = re.compile(
    r",(?:(?<=[a-z]{3},)|(?<=\b[A-Z]{3},)|(?<=[A-Z]{4},)|(?<=\b\d{4},))"
    r"(?= (?:Het|Dit|Deze|Zij|Wij|Ook|Daarnaast|Verder|Tevens|Op|Na|Bij|Sinds|Vanaf|Er"
    r"|De\.? (?!minister|staatssecretaris)[a-z]{3,})\b)"
)
# "aan UNTSO: Zij zijn", "ondersteunen: Daarnaast levert": a full stop that OCR read as a colon,
# before a word that opens a sentence and never follows a colon in a letter.
_COLON_FOR_STOP = re.compile(r"(?P<c>:)(?<=[a-z]{3}:|[A-Z]{3}:)(?= (?:Zij|Daarnaast|Verder|Tevens|Voorts|Ook|Deze)\b)")
# "Kamerstuk-29 200.V, nr. 46": a hyphen glued to "Kamerstuk" before its number, a dot for the space
# before a budget chapter's numeral.
_KAMERSTUK_HYPHEN = re.compile(r"-(?:(?<=\bKamerstuk-)|(?<=\bKamerstukken-))(?=\d)")
_DOSSIER_CHAPTER_DOT = re.compile(r"\.(?<=\b\d\d \d{3}\.)(?=[IVXLC]{1,6}\b)")
# "nr, 297", "en‚nr. 189": a comma for the dot of "nr.", a low quote between words.
_NR_COMMA = re.compile(r"[,:\-–]" + _after_word("nr|nrs", r"[,:\-–]") + r"(?=\s?\d)")  # the mark
_LOW_QUOTE = re.compile(r"[‚„](?<=\w[‚„])(?=\w)")
# "1-april", "4: december", "31 meijl.": a day glued to its month, a month to "jl."
# ("9'december 2005": a quote too)
_DAY_MONTH = re.compile(rf"[-–:'‘’`](?:(?<=\b\d[-–:'‘’`])|(?<=\b\d\d[-–:'‘’`]))\s?(?=(?:{_MONTHS})\b)")  # the mark and its space
_MONTH_JL = re.compile(rf"\b(?:{_MONTHS})(?=jl\.)")
# "ca. 150. militairen": a full stop between a number and the word it counts
_NUMBER_STOP = re.compile(r"\.(?<=\d\.)(?= [a-z]{3,})")
# "nr.'99", "nrs.-338": noise between "nr." and its number
_NR_NOISE = re.compile(r"[-–'’‘:,]" + _after_word("nr|nrs", r"\.[-–'’‘:,]") + r"(?=\s?\d)")  # the mark
# "_EUFOR Althea": an underscore opening a line
_LEADING_UNDERSCORE = re.compile(r"(?:(?<=\n)|^)_+(?=\w)")
# "160-militairen", "circa.150", "60:000 euro": noise between a number and its neighbours
# (only before people counted: "artikel 100-brief" and "F-16-jachtvliegtuigen" are right)
# and before a capitalised word ("maximaal 20-KMar functionarissen": no compound opens with a number
# and goes on in capitals)
# (The match is the hyphen; _number_before asks for the number.)
_NUMBER_HYPHEN = re.compile(
    r"-(?<=\d-)(?=(?:militairen|personen|mariniers|stafofficieren|manschappen|man)\b|[A-Z][A-Za-z]{2,}\b)"
)
# "Carrier Strike Group-2021", "sinds-2006": a hyphen for the space before a year (a reference
# "MINBUZA-2013.12345" has capitals before it and goes on after it).
_YEAR_HYPHEN = re.compile(r"-(?<=[a-z]{3}-)(?=(?:19|20)\d\d(?![\w.\-/]))")
# "€FP": a euro sign glued to a word is OCR's reading of an "e" (an amount has its number after the sign).
_EURO_FOR_E = re.compile(r"€(?<![\w€]€)(?=[^\W\d_]{2})")
# "de-oostflank", "in-de", "Aan-de", "die-duiden": a hyphen for a space after a function word that
# never opens a hyphenated compound ("de-escalatie" does: an a, e or i after "de" stays).
_HYPHEN_AFTER_FUNCTION = re.compile(
    "-" + _after_word("het|een|één|van|in|met|naar|aan|tot|die|dat|is|de|Het|Een|Eén|Van|In|Met|Naar|Aan|Tot|Die|Dat|De", "-")
    + r"(?!(?<=[Dd]e-)[aei])(?=(?!en\b|of\b)[a-z]{2,}\b(?!-))"
)
# "evacuatie.naar", "Mali.op", "wij.u", "op.25": a speck read as a full stop where a space stands, before a
# function word or after one before a number (domains end in "nl", "eu", "org": none is a function word).
_GLUED_STOP = re.compile(
    r"\.(?<=[^\W\d_]{2}\.)(?=(?:de|het|een|van|in|op|met|voor|naar|aan|door|uit|bij|tot|om|en|die|dat|is|zijn|u|uw)\b(?![.@/]))"
    r"|\." + _after_word("op|in|van|tot|per|vanaf|sinds|met|voor|na", r"\.") + r"(?=\d)"
)
# "hebben Niger op. 2 augustus verlaten": a speck after a preposition before a date it governs.
_STOP_BEFORE_DATE = re.compile(
    r"\." + _after_word("op|in|per|vanaf|sinds|tot|voor|na|van|tussen", r"\.") + rf"(?= \d{{1,2}} (?:{_MONTHS})\b)"
)
# "De. Nederlandse", "van. Defensie", "in. de": a full stop after an article or a preposition, which
# never ends a sentence ("in" does as a particle, "zet een fregat in. De": only before a small letter).
_STOP_AFTER_FUNCTION = re.compile(
    r"\." + _after_word("de|het|een|van|te|met|naar|tot|De|Het|Een", r"\.") + r"(?= [A-Za-z])|\.(?<=\bin\.)(?= [a-z])"
)
_QUALIFIER_MARK = re.compile(r"[.,:]" + _after_word("circa|ongeveer|maximaal|ruim|bijna", "[.,:]") + r"(?=\s?\d)")  # the mark
# What a number with thousands counts, after it: the thousands marks below are only read before one.
_COUNTED = r"\s(?:euro|EUR|militairen|personen|man|mensen)\b"
_THOUSANDS_COLON = re.compile(rf":(?<=\d:)(?=\d{{3}}{_COUNTED})")
# "ruim 1. 500 personen": a space after the thousands point, which no number has
_THOUSANDS_STOP_SPACE = re.compile(rf"(?<![\d.])\d{{1,2}}\.(?P<space>[ \t])(?=\d{{3}}{_COUNTED})")
# "De’ additionele": a closing quote after a word, with no opening quote before it.
_STRAY_CLOSING = re.compile(r"’(?<=[^\W\d_]’)(?=\s)")


# A typesetter's break inside a word that a PDF text layer kept: pdfium's U+FFFE, soft hyphens.
_INVISIBLE_BREAK = re.compile(r"[\ufffe\u00ad\u0002](?<=\w[\ufffe\u00ad\u0002])(?=\w)")
_BEFORE_CAPITAL = re.compile(r"(?<=[a-zà-ÿ])[\ufffe\u00ad\u0002](?=[A-Z])")


# "Mr. 2" can be a title before a footnote number; keep it when a capitalised name follows.
_ROMAN_OR_TITLE = re.compile(r"(?:mr|hr)\.\s?\d+\s+[A-Z]")


def _in_uri(text: str, at: int) -> bool:
    """True when the colon at ``at`` belongs to a URL, an e-mail address or a colon-separated identifier."""
    floor = max(0, at - _LOOK_BACK)  # a 20 MB line of colons stays linear
    start = max(text.rfind(" ", floor, at), text.rfind("\n", floor, at), floor - 1) + 1
    token = _TOKEN_AROUND.match(text, start, at + _LOOK_BACK)
    return bool(token and (_URI_TOKEN.search(token.group()) or _URI_TOKEN.search(text[start:at])))


def _glued_colon(text: str, at: int) -> Edit | None:
    """The repair of a colon (or semicolon) at ``at`` with a word straight before and after it.

    OCR reads a speck between two words of running text as a colon ("van:de",
    "levert:het", "kleine:teams"): between two lower-case words, or after a word
    no clause ends on before a colon (an article, a preposition, a pronoun), the
    colon goes and a space stands. Initials and abbreviations of one or two capitals
    ("A:G. Koenders", "Zr:Ms.") get their full stop. Otherwise the colon is meant and only its space is missing: a label
    (a capitalised word opening a line: "Onderwerp:verlenging") or a colon before a capital
    ("Kamerstukken:II") becomes "word: Word". URLs, e-mail addresses and
    identifiers (urn:nbn:nl:...) are left as written.
    """
    if _in_uri(text, at):
        return None
    begin = at
    while begin > 0 and at - begin < _LOOK_BACK and text[begin - 1].isalpha():
        begin -= 1
    after = _WORD_AFTER.match(text, at + 1, at + 1 + _LOOK_BACK)
    if begin == at or not after:
        return None
    left, right = text[begin:at], after.group()
    if text[at] == ":" and len(left) <= 2 and len(right) <= 2 and left[0].isupper() and right[0].isupper() \
            and text[after.end() : after.end() + 1] in (".", ":"):
        return Edit(at, at + 1, ".", "initials-colon")  # "A:G. Koenders", "Zr:Ms. Van Amstel"
    if text[at] == ";" or _NEVER_BEFORE_COLON.fullmatch(left):
        return Edit(at, at + 1, " ", "glued-colon")
    line_start = max(text.rfind("\n", max(0, at - _LOOK_BACK), begin) + 1, at - _LOOK_BACK)
    label = left[0].isupper() and not text[line_start:begin].strip()
    # A word of one or two letters before the colon is an initial or an abbreviation ("A:G.", "Zr:Ms.").
    if len(left) > 2 and (right[0].isupper() or label):
        return Edit(at + 1, at + 1, " ", "space-after-colon")
    return Edit(at, at + 1, " ", "glued-colon")


def _word_before(text: str, at: int) -> str:
    """The letters that end right before ``at``."""
    m = _WORD_END.search(text, max(0, at - 40), at)
    return m.group() if m else ""


def _inside_hyphenated(text: str, hyphen: int) -> bool:
    """The word before the hyphen at ``hyphen`` follows a hyphen itself: a hyphenated phrase."""
    begin = hyphen
    while begin > 0 and hyphen - begin < 8 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin - 1 : begin] == "-" or text[max(0, begin - 2) : begin] == "- "


_WORD_CHAR = re.compile(r"\w")


def _with_space(text: str, at: int) -> int:
    """The start of a mark's group that may open with a space ("van ,de"): a space before
    the mark at ``at`` belongs to it (the word before the mark is looked behind)."""
    return at - 1 if text[at - 1].isspace() else at


def _word_run_before(text: str, at: int) -> bool:
    """``\\b[a-z]{3,}`` ends at ``at``: the small letters before it start a word."""
    begin = at
    while begin > 0 and "a" <= text[begin - 1] <= "z":
        begin -= 1
    return at - begin >= 3 and (begin == 0 or not _WORD_CHAR.match(text, begin - 1))


def _number_before(text: str, at: int) -> bool:
    """``(?<![\\w-])\\d+`` ends at ``at``: digits that no letter, digit or hyphen precedes."""
    begin = at
    while begin > 0 and text[begin - 1].isdecimal():  # (\\d is what str.isdecimal holds for)
        begin -= 1
    return begin < at and (begin == 0 or not (text[begin - 1] == "-" or _WORD_CHAR.match(text, begin - 1)))


def _nr_start(text: str, dot: int) -> int:
    """The start of the word that _NR found before the full stop at ``dot``."""
    return dot - 3 if text[dot - 3 : dot] in _NR_LONG else dot - 2


def punctuation_edits(text: str, lex: Lexicon) -> list[Edit]:
    """Every punctuation repair for ``text``."""
    # A break before a capital stood at a real hyphen ("Centraal-Afrikaanse").
    edits = [
        Edit(m.start(), m.end(), "-" if _BEFORE_CAPITAL.match(text, m.start()) else "", "soft-hyphen")
        for m in _INVISIBLE_BREAK.finditer(text)
    ]
    edits += [Edit(m.start(), m.end(), m.group(1), "doubled-apostrophe") for m in _APOSTROPHES.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "space-before-punctuation") for m in _SPACE_BEFORE_PUNCT.finditer(text)]
    for m in _GLUED_PAIR.finditer(text) if "-en " in text or "-of " in text else ():
        if lex.known(m.group(1)) and not lex.known(f"{m.group(1)}-{m.group(2)}"):
            edits.append(Edit(m.start(2), m.start(2), " ", "hyphen-pair"))
    for m in _STRAY_STOP.finditer(text):
        if not _ABBREVIATION.search(text[max(0, m.start() - 8) : m.start()]) and text[m.start() - 1] != ".":
            edits.append(Edit(m.start(), m.end(), "", "stray-stop"))
    edits += [e for m in _GLUED_COLON.finditer(text) if (e := _glued_colon(text, m.start()))]
    edits += [Edit(m.start(), m.end(), " ", "function-word-hyphen") for m in _FUNCTION_HYPHEN.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ", "function-word-hyphen") for m in _FUNCTION_HYPHEN_NAME.finditer(text)
              if lex.nl(_word_before(text, m.start()).lower()) >= _COMMON_WORD and not _inside_hyphenated(text, m.start())]
    for m in _FUNCTION_PUNCT.finditer(text):
        start = _with_space(text, m.start())
        # (a mark between two words stands for the space: "van'1 januari" is "van 1 januari")
        glued = start == m.start() and not text[m.end() : m.end() + 1].isspace()
        edits.append(Edit(start, m.end(), " " if start < m.start() or glued else "", "function-word-punctuation"))
    edits += [Edit(m.start(), m.end(), "tot en met", "broken-phrase") for m in _TOT_EN_MET.finditer(text)]
    edits += [Edit(m.end(1), m.end(1), " ", "glued-chapter") for m in _GLUED_CHAPTER.finditer(text)]
    edits += [
        Edit(m.start(), m.end(), m.group(1) + ("" if text[m.end() : m.end() + 1] == " " else " "), "double-mark")
        for m in _DOUBLE_MARK.finditer(text)
    ]
    edits += [Edit(_with_space(text, m.start()), m.end(), " ", "month-year-mark") for m in _MONTH_YEAR_MARK.finditer(text)]
    edits += [Edit(_with_space(text, m.start()), m.end(), " ", "date-qualifier-mark") for m in _DATE_QUALIFIER_MARK.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ", "year-hyphen") for m in _YEAR_HYPHEN.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "stop-before-date") for m in _STOP_BEFORE_DATE.finditer(text)]
    edits += [Edit(m.start(), m.end(), ", ", "comma-hyphen") for m in _COMMA_HYPHEN.finditer(text)]
    edits += [Edit(m.start(), m.end(), ".", "comma-for-stop") for m in _COMMA_FOR_STOP.finditer(text)
              if not text[m.start() - 1].islower() or _word_run_before(text, m.start())]
    edits += [Edit(m.start("c"), m.end("c"), ".", "colon-for-stop") for m in _COLON_FOR_STOP.finditer(text)]
    edits += [Edit(m.start(), m.end(), ".", "nr-comma") for m in _NR_COMMA.finditer(text)]
    if "Kamerstuk" in text:
        edits += [Edit(m.start(), m.end(), " ", "kamerstuk-hyphen") for m in _KAMERSTUK_HYPHEN.finditer(text)]
        edits += [Edit(m.start(), m.end(), " ", "dossier-chapter-dot") for m in _DOSSIER_CHAPTER_DOT.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ", "low-quote") for m in _LOW_QUOTE.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ", "day-month") for m in _DAY_MONTH.finditer(text)]
    edits += [Edit(m.start(), m.end(), "1", "one-for-day") for m in _ONE_FOR_DAY.finditer(text)]
    if "jl." in text:
        edits += [Edit(m.end(), m.end(), " ", "month-jl") for m in _MONTH_JL.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "number-stop") for m in _NUMBER_STOP.finditer(text) if not _ABBREVIATION.search(text[max(0, m.start() - 8) : m.start()])]
    edits += [Edit(m.start(), m.end(), "", "nr-noise") for m in _NR_NOISE.finditer(text)]
    if "_" in text:
        edits += [Edit(m.start(), m.end(), "", "leading-underscore") for m in _LEADING_UNDERSCORE.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ", "number-hyphen") for m in _NUMBER_HYPHEN.finditer(text) if _number_before(text, m.start())]
    if "€" in text:
        edits += [Edit(m.start(), m.end(), "e", "euro-for-e") for m in _EURO_FOR_E.finditer(text)]
    for m in _HYPHEN_AFTER_FUNCTION.finditer(text):
        if not _inside_hyphenated(text, m.start()):  # "staakt-het-vuren", "stand-van-zakenbrief"
            edits.append(Edit(m.start(), m.end(), " ", "hyphen-after-function-word"))
    for m in _GLUED_STOP.finditer(text):
        if not _in_uri(text, m.start()):
            edits.append(Edit(m.start(), m.end(), " ", "glued-stop"))
    edits += [Edit(m.start(), m.end(), "", "stop-after-function-word") for m in _STOP_AFTER_FUNCTION.finditer(text)]
    edits += [Edit(m.start(), m.end(), " " if text[m.end() : m.end() + 1] != " " else "", "qualifier-mark") for m in _QUALIFIER_MARK.finditer(text)]
    edits += [Edit(m.start(), m.end(), ".", "thousands-colon") for m in _THOUSANDS_COLON.finditer(text)]
    edits += [Edit(m.start("space"), m.end("space"), "", "thousands-stop-space") for m in _THOUSANDS_STOP_SPACE.finditer(text)]
    for m in _NUMBER_COLON.finditer(text):
        if _in_uri(text, m.start()):
            continue
        if _AFTER_NUMBER_NOISE.match(text, m.end()):
            edits.append(Edit(m.start(), m.end(), "" if text[m.end() : m.end() + 1] == " " else " ", "number-colon"))
        else:
            edits.append(Edit(m.end(), m.end(), " ", "space-after-colon"))
    edits += [Edit(m.start(), m.end(), "", "preposition-colon") for m in _PREPOSITION_COLON.finditer(text)]
    edits += [Edit(start, m.start(), "nr", "nr") for m in _NR.finditer(text) if not _ROMAN_OR_TITLE.match(text, start := _nr_start(text, m.start()))]
    edits += [Edit(m.start(), m.end(), " ", "glued-quote") for m in _GLUED_QUOTE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "" if text[m.start() - 1] == " " else " ", "quote-before-number")
              for m in _QUOTE_BEFORE_NUMBER.finditer(text)]
    for m in _STRAY_CLOSING.finditer(text):
        if "‘" not in text[max(0, m.start() - 80) : m.start()] and not re.search(r"[sxz]$", text[m.start() - 1]):
            edits.append(Edit(m.start(), m.end(), "", "stray-quote"))
    return edits
