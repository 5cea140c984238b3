"""The letter's header as each publication prints it, kept apart from the body.

A letter reaches us in many layouts. The official print opens with the dossier
number and title, "Nr. 124" (an Eerste Kamer letter: "BE") and "BRIEF VAN DE
MINISTERS ..."; tweedekamer.nl pages with "Brief regering : <onderwerp>";
rijksoverheid.nl copies with "Kamerbrief | 27 april 2010"; press-wire copies
with a site blurb, "Datum nieuwsfeit: ..." and "Bron: ..."; mirrors with menus,
"Kerngegevens" and metadata (whose "Publicatiedatum" is not the letter's date);
docplayer transcriptions with the whole header on one line; older letters with
the ministry letterhead as a table ("Uw brief  Uw kenmerk  Ons nummer  Datum"
over its values) and an addressee block over several lines, often with a copy
to the other chamber ("I.a.a.:").

``mark_header`` reads the head of the document as a stream of such items, in
any order and however the lines were wrapped. Site furniture (menus, blurbs,
the letterhead) becomes ``furniture`` and leaves the cleaned text; the header
fields (dossier, number, title, addressee, date, subject, salutation, the
metadata that carries the letter's date, number or signatory) become
``header`` lines, each field a block of its own that structure reads and the
extractors skip. The head ends at the first text that is none of these once
the letter proper has begun; a site's title lines before that are header too.
``mark_trailer`` does the same for the site furniture after the letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dutch import DATUM_RE, MONTH_NAMES, MONTH_NAMES_RE
from .lines import Line

__all__ = ["HeaderItem", "mark_header", "mark_trailer", "DATE_RE", "MINISTRY_RE", "PROPER_LABELS"]

# A month as OCR may read it in a header: one letter wrong ("7 hovember 2014").
_MONTH = "(?i:" + "|".join(
    [MONTH_NAMES_RE] + [m[:i] + r"[^\W\d_]" + m[i + 1 :] for m in MONTH_NAMES for i in range(len(m))]
) + r")(?![^\W\d_])"
# A full date as headers print it; a mirror may garble the space after the day
# into a few non-ASCII characters ("8Ā november 2023"), OCR into a mark ("5-september 1991").
DATE_RE = rf"\d{{1,2}}(?:[ \t\u00a0]|[-.:'`]|[^\x00-\x7f\w\s]|[^\x00-\x7f]{{1,2}}(?=[ \t\u00a0]))+{_MONTH}[ \t\u00a0]+(?:19|20)\d\d"
_NUMERIC_DATE = r"\d{1,2}-\d{1,2}-(?:19|20)\d\d"
_ISO_DATE = r"(?:19|20)\d\d-\d\d-\d\d"
_EOL = r"(?=[ \t|\]\[]*(?:\n|$))"
_STATEN = r"Staten-?\s?Genera[a-z]{1,2}"  # OCR: "Staten-Generaai"
_CITY = r"(?:Den[ \t-]Ha\w{1,3}g|DEN[ \t]HAAG|[’'‘`]s[ -]Gravenhage)"  # OCR: "Den Haaäg"
_DATE_AFTER = r"[,;.:\-–]{0,2}[ \t]*\d{1,2}\W{1,3}[a-z]"  # "Den Haag, 14 november": a place and date, not an address
#: Ministries as letterheads and mirrors name them.
MINISTRY_RE = (
    r"(?:Buitenlandse[ \t]+Zaken|Defensie|Justitie[ \t]+en[ \t]+Veiligheid|Veiligheid[ \t]+en[ \t]+Justitie"
    r"|Algemene[ \t]+Zaken|Binnenlandse[ \t]+Zaken(?:[ \t]+en[ \t]+Koninkrijksrelaties)?|Financiën|Justitie"
    r"|Buitenlandse[ \t]+Handel[ \t]+en[ \t]+Ontwikkelingssamenwerking|Ontwikkelingssamenwerking)"
)
_MINISTRY_WORD = r"(?:Buitenlandse|Binnenlandse|Zaken|Defensie|Justitie|Veiligheid|Algemene|Ontwikkelingssamenwerking|en)"
# The letterhead's sender block: the ministries, their post boxes, postcodes, telephones.
_LETTERHEAD_TOKEN = (
    rf"(?:Ministerie[ \t]*van|{_MINISTRY_WORD}|Postbus(?:[ \t]+\d{{3,6}})?|(?:\d{{4}}[ \t]?)?[A-Z]{{2}}(?=\s+{_CITY})|\d{{4}}[ \t]?[A-Z]{{2}}{_EOL}"
    rf"|{_CITY}(?!{_DATE_AFTER})|Telefoon:?|Telefax:?|Fax:?|Tel\.|\d{{3}}-\d{{6,7}}|\d{{5,6}}(?!\d)|Nederland\b|Rijnstraat(?:[ \t]+\d+)?"
    rf"|www\.[\w./?=&%-]+?(?=Ministerie|[ \t]|\n|$))"
)
# It ends at the line's end or where the next field starts on the same line (docplayer, glued copies).
_LETTERHEAD = re.compile(
    rf"(?:{_LETTERHEAD_TOKEN}[ \t]*)+(?:{_EOL}|-?(?=Brieven aan de Kamer|Uw brief|Datum\b|Betreft\b|Onderwerp\b|Aan\b))"
)
# A letterhead line names a ministry, a post box, a postcode or a telephone; lines of
# ministry words or numbers alone only continue one ("Ministerie van Ministerie van" / "Buitenlandse Zaken Defensie").
_LETTERHEAD_STRONG = re.compile(r"Ministerie|Postbus|Telefoon|Telefax|www\.|\d{4}[ \t]?[A-Z]{2}\b|\d{3}-\d{6}")
# The margin's labels, alone or as a table's head row ("Uw brief  Uw kenmerk  Ons nummer  Datum").
_LABEL = (
    r"(?:Uw[ \t]+brief|Uw[ \t]+kenmerk|Uw[ \t]+referentie|Ons[ \t]+nummer|Ons[ \t]+kenmerk|Onze[ \t]+referentie"
    r"|Bijlage\(n\)|Bijlagen|Contactpersoon|Doorkiesnummer|Inlichtingen|Datum|Kenmerk|Blad)"
)
_LABELS = re.compile(rf"(?:{_LABEL}[ \t]*)+(?=[ \t]*(?:\n|$)|[ \t]+[A-Z0-9])(?![ \t]*\d{{1,2}}\W)")

# Site furniture: a line of these is left out of the cleaned text.
_FURNITURE = re.compile(
    "(?:" + "|".join((
        # a menu of bracketed links (OCR reads some brackets as parentheses)
        r"[\[(][^\[\]()\n]{1,40}[\])](?:[ \t]*[\[(][^\[\]()\n]{1,40}[\])]){2,}[^\n]*",
        r"Nieuwsbank|Vindplaats van dit bericht|Zoek soortgelijke berichten|Bron:[^\n]*",
        # a site's breadcrumb trail ("U bevindt zich hier: Home > Actueel > Kamerbrieven")
        r"(?:U[ \t]+bevindt[ \t]+zich|Je[ \t]+bent)[ \t]+hier[ \t]*:[^\n]*|(?:Home|Homepage)(?:[ \t]+>[ \t]+[^\n>]+)+",
        r"Schrijft, screent en verspreidt persberichten[^\n]*",
        r"Nieuws Ministerie van[^\n]*|Deel:[^\n]*|Lees ook|Terug naar [^\n]*",
        r"-{3,}(?:[ \t]*\|[ \t]*-{3,})*[ \t]*\|?|\d{1,2}\.|Tekst|Kerngegevens|kalender|Parlementaire monitor",
        r"(?:Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag)[ \t]+" + DATE_RE,
        r"Publicatiedatum[^\n]*|Nummer[ \t]+KST\w*|Commissie\(s\)[^\n]*|Externe link[^\n]*|Originele? document[^\n]*",
        rf"(?:Van[ \t]+)?{MINISTRY_RE}[ \t]+\([A-Z]{{2,6}}\)",
        r"Gerelateerde personen:|Bijlagen:|Onderdeel van (?:zaak|activiteiten)[^\n]*",
        r"Preview document[^\n]*|Directe link naar document(?![^\n]*kst-)[^\n]*",
        r"[-•]?[ \t]*(?:Indiener|Voortouwcommissie|Medeindiener):[^\n]*|[-•]?[ \t]*" + _ISO_DATE + r"[ \t]+\d\d:\d\d[^\n]*",
        r"Kamerstuk|Datum[ \t]*publicatie[^\n]*|U bent hier:?[^\n]*",
        r"Zoals vergunningen, bouwplannen en lokale regelgeving\.|Adressen en contactpersonen van overheidsorganisaties\.",
        r"Maat:[^\n]*|Weergave met pagina beginnen:?|Download[ \t]*[\"“„][^\n]*|Transcriptie",
        r"(?:Tweede|Eerste)[ \t]+Kamer[ \t]+der[ \t]+Staten-Generaal[ \t|]*\d?[ \t|]*",
        r"Vergaderjaar[ \t]+\d{4}[ \t]*[–-][ \t]*\d{4}[ \t|]*",
        r">?[ \t]*Retouradres\b[^\n]*|www\.[\w./?=&%-]+|https?://\S+",  # (an archive's address line too)
        r"[A-Z]{1,6}[/-]?[A-Z]{0,4}[\d/-]{6,}[\dA-Z/-]*",  # a reference code alone ("BS2014039812")
        r"kst-\d{5,6}(?:-[A-Z]+)?-\w{1,4}",  # the official print's identifier of the document alone
    )) + rf"){_EOL}"
)
# Lines that carry the letter's date, number or signatory in a site's metadata.
_META = re.compile(
    "(?:" + "|".join((
        r"Datum[ \t]+nieuwsfeit:?[ \t]*" + _NUMERIC_DATE,
        r"Nummer:[ \t]*\w{6,12},[ \t]*datum:[^\n]*",  # "Nummer: 2021D18382, datum: 2021-05-19, ..."
        r"Gerelateerde pers\w{2,4}:[ \t]*-?[ \t]*\S[^\n]*|[-•]?[ \t]*(?:Eerste|Mede|Tweede)[ \t]?ondertekenaar:[^\n]*",
        r"Onderdeel van kamerstukdossier[^\n]*|Deze brief is onder nr\.[^\n]*",
        r"Documentdatum[ \t]+" + _NUMERIC_DATE + r"|Officiële titel[^\n]*|Kenmerk[ \t]+\d{5}[^\n]*",
        rf"(?:Tweede|Eerste)[ \t]+Kamer[ \t]+der[ \t]+{_STATEN}[ \t|\[\]]*(?:\d{{4}}[–-]\d{{4}})?[ \t|\[\]]*\d{{5}}(?:-[A-Z]+)?[ \t]*nr\.[ \t]*\w+[ \t|\[\]]*",
        r"Directe link naar document[^\n]*kst-[^\n]*",
        # tweedekamer.nl: "Kamerstuk 32 317, nr. 705 | Vergaderjaar 2020-2021 | Datum brief: 16-07-2021 | ..."
        r"Kamerstuk[ \t]+\d{2}[ \t]?\d{3}(?:[ \t]?-?[ \t]?[A-Z]+)?,[ \t]*nr\.[ \t]*\w+[ \t]*\|[^\n]*",
    )) + rf"){_EOL}"
)
# A site's own subject line: "Brief regering : <onderwerp>", "Kamerbrief inzake ...",
# "<dossier>; Brief regering; <onderwerp>", "Brief ministers over ...", rijksoverheid.nl's
# "Kamerstuk: Kamerbrief over ...".
_SITE_SUBJECT = re.compile(
    r"(?:[^\n;]{3,120};[ \t]*)?(?:Kamerstuk[ \t]*:[ \t]*)?(?:Brief[ \t]+(?:regering|ministers?|staatssecretaris)|Kamerbrief[ \t]+(?:inzake|over|met))\b[ \t]*[:;]?[^\n]*"
)

# A line that only a site prints over a letter ("Brief regering" alone on a mirror).
_SITE_MARKER = re.compile(rf"(?:Brief[ \t]+regering|Kamerbrief|Brieven[ \t]+aan[ \t]+de[ \t]+Kamer)[ \t]*[A-Z]?{_EOL}")

_DOSSIER = re.compile(
    r"(?P<dossier>[1-3]\d[ \t]?\d{3})(?:[ \t]?-[ \t]?(?P<sub>[IVXLC]{1,7}|[A-Z]|\d{1,2})\b|[ \t](?P<sub2>[IVXLC]{1,7})(?=[ \t]+[A-Z][a-z]|[ \t]*\n))?"
    r"(?:[ \t]+|[ \t]*\n\s*)(?!BRIEF\b|Nr\.|NR\.|nr\.)(?P<title>[A-Z][^\n]{2,})"
)
_NUMBER = re.compile(r"(?:Nr\.|NR\.|nr\.|Nr|No\.)[ \t]*(?P<nr>\d{1,4}|[A-Z]{1,3})\b|(?P<ek>[A-Z]{1,3})(?:(?=[ \t]+BRIEF[ \t]+VAN\b)|" + _EOL + ")")
# A dossier's title on a line of its own, before the letter's title or its addressee.
_DOSSIER_TITLE = re.compile(
    r"(?P<title>[A-Z][a-zà-ÿ]+(?:[ \t]+[\w'’-]+){0,12})[ \t]*\n\s*(?=BRIEF[ \t]+VAN\b|[‘'`]?Aan[ \t]+de\b)"
)
_TITLE_JUNK = re.compile(r"[^\W\d]{1,3}[ \t]+(?=BRIEF[ \t]+VAN\b)")
_TITLE = re.compile(r"BRIEF[ \t]+VAN\b[^\n]*")
_ADDRESSEE = re.compile(
    r"[‘'`]?(?:Aan:?[ \t]*\n?\s*)?(?:[Dd]e[-.,]?[ \t]+)?[Vv]oorzitter[ \t]+van[ \t.]*de-?\s+(?P<chamber>Tweede|Eerste)[ \t]+K[a-z]{3,5}\b"  # OCR: "Kaimer", "Karner"
    rf"(?:\s+der\s+{_STATEN})?"
)
_ADDRESSEE_TAIL = re.compile(rf"der[ \t]+{_STATEN}" + _EOL)
_COPY = re.compile(r"(?:[IiLl1]\.?[ \t]?a\.?[ \t]?a\.?|En|Afschrift(?:[ \t]+aan)?|Kopie(?:[ \t]+aan)?|Cc)[ \t]*:")
_ADDRESS = re.compile(
    rf"(?:[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?[ \t]+\d{{1,4}}[a-z]?(?![\w.,])|\d{{4}}[ \t]?[A-Z]{{2}}[ \t]+{_CITY}|{_CITY}(?!{_DATE_AFTER}))"
)
_PLACE_DATE = re.compile(
    # "Kamerbrief | 27 april 2010", "Kamerstuk: Kamerbrief | 17-06-2022": a site's type of document and its date
    rf"(?:{_CITY}[,;.:\-–'’‘`]{{0,3}}[ \t]*(?=\d)|{DATUM_RE}:?[ \t]+|(?:(?!Publicatie)[A-Z][\w:. -]{{2,40}}?[ \t]*[|\[\]][-–]?[ \t]*){{1,3}})"
    rf"(?P<date>{DATE_RE}|{_NUMERIC_DATE})"
    rf"|(?P<lone>{_NUMERIC_DATE}){_EOL}"
    # a site's date line alone under the title ("13 september 2005")
    rf"|(?<![^\n])(?P<alone>{DATE_RE}){_EOL}"
    # a letterhead table's values: reference codes, then the date
    # ("12 november 1998  1998Z11422  D98/4470  13 november 1998": the date of the letter answered first)
    # (codes that OCR read as digits only, "1998211422", beside one with a letter or a slash)
    rf"|(?:{DATE_RE}[ \t]+)?(?=[A-Z0-9/. \t-]*[A-Z/])(?:[A-Z0-9/.-]+[ \t]+)+?(?P<coded>{DATE_RE}){_EOL}"
)
_SUBJECT_STOP = r"(?:Bijlage\(n\)|Bijlagen?\b|Geachte\b|Zeer geachte\b)"
_SUBJECT_STOP_LINE = re.compile(_SUBJECT_STOP)
# OCR puts an accent on the "e" of "Betreft" ("Bétreft").
_SUBJECT_LABEL = r"(?:Onderwerp|B[eéèë]treft)"
_SUBJECT = re.compile(rf"{_SUBJECT_LABEL}[ \t]*:?[ \t]*(?:\n\s*)?(?P<subject>[^\n]+?)(?=[ \t]+{_SUBJECT_STOP}|[ \t]*(?:\n|$))")
# A letterhead table whose head row starts with the subject ("Onderwerp  Datum  Ons kenmerk") and
# whose row of values gives the subject, the date and the reference code on one line.
_TABLE_HEAD = re.compile(rf"(?=[^\n]*\bOnderwerp\b)(?:(?:{_LABEL}|Onderwerp)[ \t]*){{2,}}{_EOL}")
_TABLE_ROW = re.compile(rf"(?P<subject>[^\n]+?)[ \t]+(?={DATE_RE}(?:[ \t]+\S+)?{_EOL})")
_ROW_DATE = re.compile(rf"{DATE_RE}(?:[ \t]+\S+)?{_EOL}")
_SALUTATION = re.compile(r"(?:Zeer\s+)?[Gg]eachte\s+(?:[Vv]oorzitter|[Mm]evrouw|[Hh]eer|[Ll]eden|[Dd]ames)[^\n,.]{0,40},?")
_PAGE_NUMBER = re.compile(r"\d{1,3}[ \t]+(?=Aan[ \t]+de[ \t]+[Vv]oorzitter)")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*$")

#: The labels that belong to the letter itself (once one is read, the head ends at the first other text).
PROPER_LABELS = frozenset({"dossier", "number", "title", "addressee", "copy", "address", "date", "subject", "salutation"})
# What confirms that the short lines before it were a site's titles, not the letter's first lines.
_CONFIRMS = PROPER_LABELS | {"meta", "site-subject", "site-marker"}
_HEAD_LINES = 90
_HEAD_CHARS = 7000


@dataclass(frozen=True)
class HeaderItem:
    """One piece of the head, as offsets into the stream of head lines."""

    label: str  # "furniture" or a header field: dossier, number, title, addressee, copy, ...
    start: int
    end: int


class _Stream:
    """The head's body lines as one text ("\\n" between lines, an empty line for others)."""

    def __init__(self, lines: list[Line], indices: list[int]) -> None:
        self.indices = indices
        parts: list[str] = []
        self.starts: list[int] = []
        pos = 0
        for i in indices:
            text = lines[i].text if lines[i].kind == "body" else ""
            self.starts.append(pos)
            parts.append(text)
            pos += len(text) + 1
        self.text = "\n".join(parts)

    def line_end(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return len(self.text) if end < 0 else end


def _caps_continuation(text: str, end: int) -> int:
    """Extend a title over the capitalised lines that continue it ("DEFENSIE, VOOR ... EN")."""
    while True:
        m = re.match(r"\s*\n\s*([^\n]+)", text[end:])
        if not m:
            return end
        line = m.group(1)
        letters = [c for c in line if c.isalpha()]
        if len(letters) < 3 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            return end
        if _PLACE_DATE.match(line) or _ADDRESSEE.match(line) or _NUMBER.match(line):
            return end
        end += m.end()


# What OCR makes of a scanned page's specks before a line: "‘Ministerie", "“ Aan:", "\\_Nr. 500".
_JUNK = re.compile(r"(?![‘’'`]s[ -]Gravenhage)[‘’'\"“”„\\_|•·*~^°»«›‹]+[ \t]*(?=[\w>])")
# Items a wrapped line continues (a lower-case start): titles, subjects, furniture and metadata.
_WRAPPING = frozenset({"site-title", "site-subject", "furniture", "meta", "subject"})


# A line that ends on one of these words goes on on the next ("... bijdragen aan" / "EUTM Somalia").
_OPEN_END = re.compile(r"\b(?:de|het|een|van|aan|in|op|voor|met|en|of|over|tot|bij|naar|door|om|te|die|dat|inzake)$")


def _wrapped_end(text: str, end: int) -> int:
    """Extend an item that ends its line over the lines the wrapping carried on: a lower-case
    start, or a line that ended on an article or a preposition."""
    start = text.rfind("\n", 0, end) + 1
    while m := re.match(r"[ \t]*\n[ \t]*(\S[^\n]*)", text[end:]):
        line = m.group(1)
        quotes = sum(text.count(q, start, end) for q in '"“”„')
        unclosed = quotes % 2 == 1 or text.count("(", start, end) > text.count(")", start, end)
        if not (line[:1].islower() or line[:1] == "(" or unclosed or _OPEN_END.search(text[:end].rstrip())):
            break
        end += m.end()
    return end


def _match(stream: _Stream, pos: int, previous: str | None, seen: set[str]) -> HeaderItem | None:
    item = _match_field(stream, pos, previous, seen)
    if item is not None and item.label in _WRAPPING and re.match(r"[ \t|]*(?:\n|$)", stream.text[item.end :]):
        item = replace(item, end=_wrapped_end(stream.text, item.end))
    return item


def _match_field(stream: _Stream, pos: int, previous: str | None, seen: set[str]) -> HeaderItem | None:
    text = stream.text
    at_line_start = pos == 0 or text[pos - 1] == "\n"
    if at_line_start and (m := _JUNK.match(text, pos)):
        return HeaderItem("junk", pos, m.end())
    if previous == "dossier" and (m := _NUMBER.match(text, pos)):
        return HeaderItem("number", pos, m.end("nr") if m.group("nr") else m.end("ek"))
    if previous in ("number", "furniture") and "number" in seen and "title" not in seen and at_line_start \
            and (m := _DOSSIER_TITLE.match(text, pos)):
        # OCR read the print's two columns one after the other: "33 625" / "Nr. 76" / "Humanitaire hulp"
        return HeaderItem("dossier", pos, m.end("title"))
    if m := _TITLE_JUNK.match(text, pos):
        return HeaderItem("furniture", pos, m.end()) if at_line_start else None
    if m := _TITLE.match(text, pos):
        return HeaderItem("title", pos, _caps_continuation(text, m.end()))
    if (m := _LETTERHEAD.match(text, pos)) and (previous == "letterhead" or _LETTERHEAD_STRONG.search(m.group())):
        return HeaderItem("letterhead", pos, m.end())
    if at_line_start and (m := _DOSSIER.match(text, pos)):
        return HeaderItem("dossier", pos, m.end())
    if (m := _NUMBER.match(text, pos)) and (m.group("nr") or previous == "dossier"):
        return HeaderItem("number", pos, m.end("nr") if m.group("nr") else m.end("ek"))
    if m := _PAGE_NUMBER.match(text, pos):
        return HeaderItem("furniture", pos, m.end())
    if m := _ADDRESSEE.match(text, pos):
        label = "copy" if previous == "copy-marker" or "addressee" in seen else "addressee"
        return HeaderItem(label, pos, m.end())
    if m := _COPY.match(text, pos):
        return HeaderItem("copy-marker", pos, m.end())
    if m := _PLACE_DATE.match(text, pos):
        return HeaderItem("date", pos, m.end())
    if previous in ("addressee", "copy", "address") and (m := _ADDRESSEE_TAIL.match(text, pos) or _ADDRESS.match(text, pos)):
        return HeaderItem("address", pos, m.end())
    if m := _ADDRESSEE_TAIL.match(text, pos):
        return HeaderItem("address", pos, m.end())
    if m := _META.match(text, pos):
        return HeaderItem("meta", pos, m.end())
    if m := _TABLE_HEAD.match(text, pos):
        return HeaderItem("table-head", pos, m.end())
    if previous == "table-head" and (m := _TABLE_ROW.match(text, pos)):
        return HeaderItem("subject", pos, m.end("subject"))
    if previous == "subject" and (m := _ROW_DATE.match(text, pos)):
        return HeaderItem("date", pos, m.end())
    if m := _SUBJECT.match(text, pos):
        return HeaderItem("subject", pos, _subject_end(text, m.end()))
    if m := _SALUTATION.match(text, pos):
        return HeaderItem("salutation", pos, m.end())
    if m := _LABELS.match(text, pos):
        return HeaderItem("furniture", pos, m.end())
    if m := _FURNITURE.match(text, pos):
        return HeaderItem("furniture", pos, m.end())
    if m := _SITE_MARKER.match(text, pos):
        return HeaderItem("site-marker", pos, m.end())
    if at_line_start and (m := _SITE_SUBJECT.match(text, pos)):
        return HeaderItem("site-subject", pos, m.end())
    return None


_SUBJECT_TAIL_WORDS = 4  # "Zwarte Zee", the last words a letterhead's narrow column wrapped


def _subject_end(text: str, end: int) -> int:
    """A subject goes on over lines that continue it (lower-case start) or are all capitals,
    and over a short last line right under it that ends the head ("... in de westelijke" /
    "Zwarte Zee", then a blank line)."""
    while m := re.match(rf"[ \t]*\n[ \t]*([a-zà-ÿ(][^\n]*?)(?=[ \t]+{_SUBJECT_STOP}|[ \t]*(?:\n|$))", text[end:]):
        end += m.end()
    tail = re.match(r"[ \t]*\n[ \t]*([A-Z][^\n.:;]*?)[ \t]*(?:\n[ \t]*\n|$)", text[end:])
    if (tail and len(tail.group(1).split()) <= _SUBJECT_TAIL_WORDS and not _LABELS.match(tail.group(1))
            and not _SUBJECT_STOP_LINE.match(tail.group(1))):
        return end + tail.end(1)
    return _caps_continuation(text, end)


_TITLE_WORDS = 20
_TITLE_RUN = 4


def _is_site_title(text: str) -> bool:
    """A site's title over the letter (or a scan's speck read as a word): short, unterminated,
    one sentence at most; ``text`` is the line with the lines its wrapping carried on (an
    address in it, "https://web.archive.org/...p!", ends no sentence)."""
    text = re.sub(r"https?://\S+", "", text)
    words = text.split()
    return (
        0 < len(words) <= _TITLE_WORDS
        and not _SENTENCE_END.search(text)
        and not re.search(r"[a-z]{2}[.;:] [A-Z]", text)
    )


# A letterhead's date or subject label at a line's start.
_FIELD_AHEAD = re.compile(rf"^(?:{_SUBJECT_LABEL}\b|{DATUM_RE}\b[ \t:]*(?:{DATE_RE}|{_NUMERIC_DATE}))", re.MULTILINE)
_FIELD_LOOKAHEAD = 600  # characters: the rest of a letterhead, not the letter's body
_PROSE_LINE = 100  # a line this long is running text, which no letterhead has


def _field_follows(text: str, line_end: int) -> bool:
    """Whether a letterhead's date or subject still follows, over short lines only."""
    m = _FIELD_AHEAD.search(text, line_end, line_end + _FIELD_LOOKAHEAD)
    return bool(m) and all(len(line) < _PROSE_LINE for line in text[line_end : m.start()].split("\n"))


def _scan(stream: _Stream) -> tuple[list[HeaderItem], int]:
    """The head's items and the stream offset where the body starts."""
    text = stream.text
    items: list[HeaderItem] = []
    pos = 0
    proper = False
    previous: str | None = None
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        item = _match(stream, pos, previous, {i.label for i in items})
        if item is not None and item.end > pos:
            if item.label == "junk":
                items.append(replace(item, label="furniture"))
                pos = item.end
                continue
            previous = item.label
            items.append(item)
            proper = proper or item.label in PROPER_LABELS
            pos = item.end
            continue
        line_end = stream.line_end(pos)
        at_line_start = pos == 0 or text[pos - 1] == "\n"
        end = _wrapped_end(text, line_end)
        titles = 0
        for earlier in reversed(items):
            if earlier.label != "site-title":
                break
            titles += 1
        if not proper and at_line_start and titles < _TITLE_RUN and _is_site_title(text[pos:end]):
            items.append(HeaderItem("site-title", pos, end))
            previous = "site-title"
            pos = end
            continue
        if not at_line_start or re.search(DATE_RE, text[pos:line_end]) or not _field_follows(text, line_end):
            break  # (a line with a date may be a letterhead table's values, which structure reads)
        # OCR interleaves a letterhead's columns ("der Staten-Generaal 2500 ES Den Haag"): a
        # line no field matches, with the date or subject still to come, is furniture.
        items.append(HeaderItem("furniture", pos, line_end))
        pos = line_end
    # Title lines that no field of a header follows were the letter's own first lines.
    confirmed = False
    for k in range(len(items) - 1, -1, -1):
        if items[k].label in _CONFIRMS:
            confirmed = True
        elif items[k].label == "site-title" and not confirmed:
            pos = items[k].start
            items = items[:k]
    items = [replace(i, label="furniture") if i.label in ("copy-marker", "letterhead", "site-marker", "table-head") else i
             for i in items]
    return items, min(pos, len(text))


def _head_indices(lines: list[Line]) -> list[int]:
    indices: list[int] = []
    filled = chars = 0
    for i, line in enumerate(lines):
        if line.kind not in ("body", "blank", "furniture"):
            break
        indices.append(i)
        if line.kind == "body":
            filled += 1
            chars += len(line.text)
            if filled >= _HEAD_LINES or chars >= _HEAD_CHARS:
                break
    return indices


def _piece(line: Line, start: int, end: int, kind: str, label: str | None, group: int | None) -> Line | None:
    """The part ``line.text[start:end]`` of a line as a line of its own."""
    raw = line.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    if not text:
        return None
    s = line.start + start + lead
    return replace(line, text=text, start=s, end=s + len(text), kind=kind, label=label, group=group,
                   page_break_before=line.page_break_before and start == 0, indented=line.indented and start == 0)


def mark_header(lines: list[Line]) -> list[Line]:
    """Mark the head's furniture and header fields; returns the lines, split where fields share one.

    Header lines get kind ``header``, their ``label`` (the field) and ``group``
    (one per field, so that a field printed over several lines stays one block).
    """
    indices = _head_indices(lines)
    if not indices:
        return lines
    stream = _Stream(lines, indices)
    items, body_at = _scan(stream)
    if not items:
        return lines
    out: list[Line] = lines[: indices[0]]
    for k, i in enumerate(indices):
        line = lines[i]
        base = stream.starts[k]
        if line.kind != "body":
            out.append(line)
            continue
        end_in_line = len(line.text)
        pieces: list[Line] = []
        cursor = 0
        for group, item in enumerate(items):
            s, e = max(item.start - base, 0), min(item.end - base, end_in_line)
            if s >= end_in_line or e <= 0 or e <= s:
                continue
            kind = "furniture" if item.label == "furniture" else "header"
            piece = _piece(line, s, e, kind, None if kind == "furniture" else item.label, group)
            if piece:
                pieces.append(piece)
            cursor = e
        if body_at - base < end_in_line:
            rest = _piece(line, max(cursor, body_at - base, 0), end_in_line, "body", None, None)
            if rest:
                pieces.append(rest)
        out.extend(pieces if pieces else [line])
    out.extend(lines[indices[-1] + 1 :])
    return out


_TRAILER = re.compile(
    r"(?:Nieuws Ministerie van[^\n]*|Deel:[^\n]*|Lees ook|Terug naar [^\n]*|Deel dit bericht[^\n]*|Print(?:en)?|Delen"
    r"|Zoek soortgelijke berichten|Vindplaats van dit bericht|Bron:[^\n]*)$"
)
_ENCLOSURE = re.compile(r"^[*•-]?[ \t]*Bijlagen?(?:\(n\))?[ \t]*:[^\n]*$")


def mark_trailer(lines: list[Line]) -> None:
    """Site furniture after the letter ("Deel: ...", "Lees ook") and an enclosure note at its end."""
    for line in reversed(lines):
        if line.kind == "blank":
            continue
        if line.kind != "body":
            break
        if _TRAILER.match(line.text):
            line.kind = "furniture"
        elif _ENCLOSURE.match(line.text):
            line.kind, line.label, line.group = "header", "enclosure", -1
        else:
            break
