"""HTML and XML as published on zoek.officielebekendmakingen.nl.

Both carry the same kamerstuk: a header (dossier number and title, "Nr. N",
the document title), the letter in paragraphs and headings, the signatures,
and footnotes. We turn either into *flowing* text: every paragraph or heading
on its own line with a blank line between, the header first, footnote
markers taken out of the body and the footnotes as ``N text`` lines at the
end; a signature is its ``role,`` line followed directly by its name line.

The markup of the site changes over the years and other sites differ again,
so we lean on structure, not on an exact schema: an element with text of its
own is a paragraph, one with only block children is a container, and a few
names we know (``noot``, ``ondertekening``, ``kop``, ``li``, table rows) get
their own handling.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..lazy import lazy_module

etree = lazy_module("lxml.etree")
lxml_html = lazy_module("lxml.html")

from ..errors import NoTextFound, UnreadableInput
from ..model import Page, RawDocument
from .text import decode_text

__all__ = ["HtmlReader", "flowing_document", "normalize_space", "Signatures"]

_SPACE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"))


def normalize_space(text: str) -> str:
    """One line of text: runs of white space (incl. no-break) as one space, soft hyphens gone."""
    return _SPACE.sub(" ", text.translate(_INVISIBLE)).strip()


class Signatures:
    """Collects signature lines into ``role,`` + name blocks."""

    def __init__(self) -> None:
        self.groups: list[list[str]] = []

    def add(self, line: str, is_role: bool) -> None:
        if not line:
            return
        if is_role:
            self.groups.append([line if line.endswith(",") else line + ","])
        elif self.groups and len(self.groups[-1]) == 1 and self.groups[-1][0].endswith(","):
            self.groups[-1].append(line)
        else:
            self.groups.append([line])

    def blocks(self) -> list[str]:
        return ["\n".join(g) for g in self.groups]


def flowing_document(
    path: Path, fmt: str, blocks: list[str], notes: list[tuple[str, str]], warnings: list[str] | None = None
) -> RawDocument:
    """One page of flowing text: blocks separated by blank lines, then ``N text`` footnotes.

    Raises:
        NoTextFound: there are no blocks with text.
    """
    body = [b for b in blocks if b.strip()]
    if not body:
        raise NoTextFound(path, f"the {fmt.upper()} holds no letter text")
    body += [f"{number} {text}" for number, text in notes if text]
    return RawDocument(
        path=path, format=fmt, pages=[Page(1, "\n\n".join(body), fmt)], flowing=True, warnings=warnings or []
    )


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname.lower() if isinstance(el.tag, str) else ""


def _remove_keep_tail(el: etree._Element) -> None:
    """Remove an element from the tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _has_own_text(el: etree._Element) -> bool:
    if el.text and el.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in el)


def _text(el: etree._Element) -> str:
    return normalize_space("".join(el.itertext()))


def _spaced(el: etree._Element) -> str:
    # For names split in parts: <voornaam>K.H.</voornaam><achternaam>Ollongren</achternaam>.
    return normalize_space(" ".join(t for t in el.itertext()))


class HtmlReader:
    """Reads kamerstuk HTML pages and kamerstuk XML into flowing text."""

    format = "html"

    def sniff(self, head: bytes, path: Path) -> bool:
        start = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if start.startswith(b"\xff\xfe") or start.startswith(b"\xfe\xff"):
            start = head[:4096].decode("utf-16", "ignore").encode("utf-8", "ignore").lstrip().lower()
        if start.startswith((b"<?xml", b"<!doctype html", b"<html", b"<kamerstuk", b"<officiele-publicatie")):
            return True
        return start.startswith(b"<") and (b"<body" in start or b"<p" in start or b"<div" in start)

    def read(self, path: Path) -> RawDocument:
        """Read the page or XML into one flowing page.

        Raises:
            UnreadableInput: the markup cannot be parsed at all.
            NoTextFound: it parses but holds no letter text.
        """
        data = path.read_bytes()
        if _declares_entities(data):
            # Kamerstuk XML and HTML never declare entities; a document that
            # does is after the file system (XXE) or the memory (billion laughs).
            raise UnreadableInput(
                path, "the markup declares its own entities (<!ENTITY>), which artikel100 never expands"
            )
        root = _parse_xml(data)
        if root is not None and _local(root) != "html":
            return _XmlFlow(path).read(root)
        return _HtmlFlow(path).read(_parse_html(data, path))


_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _declares_entities(data: bytes) -> bool:
    if _ENTITY_DECLARATION.search(data):
        return True
    # UTF-16 and UTF-32 markup: the declaration with zero bytes between its letters.
    return b"\x00" in data and _ENTITY_DECLARATION.search(data.replace(b"\x00", b"")) is not None


def _parse_xml(data: bytes) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None  # not well-formed: HTML, or broken XML that the HTML parser may still read


def _parse_html(data: bytes, path: Path) -> etree._Element:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    text: str | None = None
    if match:
        try:
            text = data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_text(data, path)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str with an encoding declaration
    # Characters XML cannot hold: the parser keeps them, but lxml then refuses
    # to set any text that contains them (a form feed before a <br>).
    text = _NOT_XML.sub("", text)
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableInput(path, f"the HTML cannot be parsed ({exc})") from None
    return root


class _XmlFlow:
    """Walks kamerstuk XML (``<kamerstuk>``, ``<brief>``, ``<al>``, ``<noot>``...)."""

    FORMAT = "xml"
    SKIP = {"metadata", "meta", "kamerstukkop", "noot.ref", "li.nr", "nr"}
    BLOCKS = {"al", "tussenkop", "titel", "kop", "naam", "functie", "li", "row", "dagtekening", "ontvanger"}

    def __init__(self, path: Path) -> None:
        self.path = path
        self.blocks: list[str] = []
        self.notes: list[tuple[str, str]] = []

    def read(self, root: etree._Element) -> RawDocument:
        self._take_notes(root)
        self._header(root)
        bodies = [el for el in root.iter() if _local(el) == "brief"]
        if bodies:
            for body in bodies:
                self._walk(body)
        else:
            for stuk in [el for el in root.iter() if _local(el) == "stuk"] or [root]:
                self._walk(stuk, skip={"stuknr", "titel"} if stuk is not root else set())
        return flowing_document(self.path, self.FORMAT, self.blocks, self.notes)

    def _take_notes(self, root: etree._Element) -> None:
        for noot in [el for el in root.iter() if _local(el) == "noot"]:
            number = next((_text(c) for c in noot if _local(c) == "noot.nr"), str(len(self.notes) + 1))
            parts = [_text(c) for c in noot if _local(c) != "noot.nr"] or [normalize_space(noot.text or "")]
            self.notes.append((number, normalize_space(" ".join(parts))))
            _remove_keep_tail(noot)
        for ref in [el for el in root.iter() if _local(el) == "noot.ref"]:
            _remove_keep_tail(ref)

    def _header(self, root: etree._Element) -> None:
        for dossier in (el for el in root.iter() if _local(el) == "dossier"):
            number = next((_text(c) for c in dossier if _local(c) == "dossiernummer"), "")
            title = next((_text(c) for c in dossier if _local(c) == "titel"), "")
            self.blocks.append(normalize_space(f"{_group_thousands(number)} {title}"))
        for stuk in (el for el in root.iter() if _local(el) == "stuk"):
            number = next((_text(c) for c in stuk if _local(c) == "stuknr"), "")
            if number:
                self.blocks.append(number if number.lower().startswith("nr") else f"Nr. {number}")
            title = next((_text(c) for c in stuk if _local(c) == "titel"), "")
            if title:
                self.blocks.append(title)

    def _walk(self, el: etree._Element, skip: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        for child in el:
            name = _local(child)
            if not name or name in self.SKIP or name in skip:
                continue
            if name == "ondertekening":
                self.blocks.extend(self._signatures(child))
            elif name == "kop":
                self.blocks.append(_spaced(child))
            elif name == "li":
                self._list_item(child)
            elif name == "row":
                self.blocks.append("\t".join(_text(c) for c in child if _local(c) == "entry"))
            elif name in self.BLOCKS or _has_own_text(child) or len(child) == 0:
                self.blocks.append(_text(child))
            else:
                self._walk(child)

    def _list_item(self, li: etree._Element) -> None:
        marker = next((_text(c) for c in li if _local(c) == "li.nr"), "")
        start = len(self.blocks)
        if _has_own_text(li):
            self.blocks.append(_text(li))
        else:
            self._walk(li)
        if marker and len(self.blocks) > start:
            self.blocks[start] = f"{marker} {self.blocks[start]}"

    def _signatures(self, el: etree._Element) -> list[str]:
        signatures = Signatures()
        for part in el.iter():
            name = _local(part)
            if name == "functie":
                signatures.add(_text(part), is_role=True)
            elif name == "naam":
                signatures.add(_spaced(part), is_role=False)
            elif name == "al" and not any(_local(d) in ("functie", "naam") for d in part.iter()):
                line = _text(part)
                signatures.add(line, is_role=line.endswith(","))
        return signatures.blocks()


def _group_thousands(number: str) -> str:
    """``27925`` as ``27 925``, the way kamerstuk numbers are printed."""
    if number.isdigit() and len(number) > 3:
        return f"{int(number):,}".replace(",", " ")
    return number


_JUNK_TAGS = {"script", "style", "noscript", "nav", "form", "button", "header", "footer", "aside", "template", "svg", "iframe", "head"}
_JUNK_CLASSES = {"skiplink", "breadcrumb", "article__toolbar", "toolbar", "share", "cookie", "article__meta", "metadata"}
_NOTE_LISTS = {"noten", "voetnoten", "footnotes", "notes", "noot-lijst"}
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tbody", "thead", "tfoot",
    "tr", "td", "th", "section", "article", "blockquote", "dl", "dt", "dd", "pre", "figure", "figcaption",
    "main", "body",
}  # fmt: skip


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").lower().split()) | ({el.get("id").lower()} if el.get("id") else set())


class _HtmlFlow:
    """Walks a kamerstuk HTML page: the ``broodtekst`` div, notes, signatures."""

    FORMAT = "html"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.blocks: list[str] = []
        self.notes: list[tuple[str, str]] = []

    def read(self, root: etree._Element) -> RawDocument:
        content = _content_root(root)
        for el in [e for e in content.iter() if isinstance(e.tag, str)]:
            if el.tag in _JUNK_TAGS or _classes(el) & _JUNK_CLASSES:
                _remove_keep_tail(el)
        for br in content.iter("br"):
            br.tail = " " + (br.tail or "")
        self._take_notes(content)
        self._header(content)
        self._walk(content)
        return flowing_document(self.path, self.FORMAT, self.blocks, self.notes)

    def _take_notes(self, content: etree._Element) -> None:
        for box in [e for e in content.iter() if isinstance(e.tag, str) and _classes(e) & _NOTE_LISTS]:
            if not _attached(box, content):
                continue  # inside a notes box already taken (div.noten > ol.noten)
            items = box.findall(".//li") or [c for c in box if c.tag in ("p", "div") and _text(c)]
            for item in items:
                marker = next((m for m in item.iter() if m is not item and _is_note_number(m)), None)
                if marker is not None:
                    number = _text(marker)
                    _remove_keep_tail(marker)
                    text = _text(item)
                else:
                    found = re.match(r"^(\d+)[.)]?\s+(.*)$", _text(item))
                    number, text = (found.group(1), found.group(2)) if found else (str(len(self.notes) + 1), _text(item))
                self.notes.append((number, text))
            _remove_keep_tail(box)
        # The markers in the body: <sup><a href="#note">1</a></sup> and bare <a class="nootnum">.
        for el in [e for e in content.iter("sup", "a")]:
            if el.getparent() is None:
                continue
            is_ref = (el.tag == "a" and _is_note_number(el)) or (
                el.tag == "sup" and (re.fullmatch(r"[\d*†]+\)?", _text(el)) or el.find(".//a[@href]") is not None)
            )
            if is_ref:
                _remove_keep_tail(el)

    def _header(self, content: etree._Element) -> None:
        number = _find_class(content, {"kamerstuknr", "dossiernummer", "dossiernr"})
        title = _find_class(content, {"dossiertitel"})
        if number is not None:
            self.blocks.append(normalize_space(f"{_group_thousands(_text(number))} {_text(title) if title is not None else ''}"))
            for el in (number, title):
                if el is not None:
                    _remove_keep_tail(el)
        stuknr = _find_class(content, {"stuknr", "ondernummer"})
        if stuknr is not None:
            text = _text(stuknr)
            self.blocks.append(text if text.lower().startswith("nr") else f"Nr. {text}")
            _remove_keep_tail(stuknr)

    def _walk(self, el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if "ondertekening" in _classes(child):
                self.blocks.extend(_html_signatures(child))
            elif child.tag == "tr":
                self.blocks.append("\t".join(_text(c) for c in child if c.tag in ("td", "th")))
            elif child.tag in _BLOCK_TAGS and (_has_block_child(child) and not _has_own_text(child)):
                self._walk(child)
            elif child.tag in _BLOCK_TAGS or _has_own_text(child):
                self.blocks.append(_text(child))
            else:
                self._walk(child)


def _content_root(root: etree._Element) -> etree._Element:
    """The letter itself: the site's ``broodtekst`` div, else main, article or body."""
    for query in (
        '//*[@id="broodtekst"]',
        '//*[contains(concat(" ", normalize-space(@class), " "), " broodtekst ")]',
        "//main",
        "//article",
        "//body",
    ):
        found = root.xpath(query)
        if found:
            return found[0]
    return root


def _attached(el: etree._Element, root: etree._Element) -> bool:
    return any(a is root for a in el.iterancestors()) or el is root


def _has_block_child(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el)


def _is_note_number(el: etree._Element) -> bool:
    classes = " ".join(_classes(el))
    return any(k in classes for k in ("nootnum", "noot-nr", "nootnr", "footnote-ref", "footnote-number")) or (
        el.tag == "a" and (el.get("href") or "").startswith("#") and re.fullmatch(r"\d+", _text(el)) is not None
    )


def _find_class(content: etree._Element, names: set[str]) -> etree._Element | None:
    return next((e for e in content.iter() if isinstance(e.tag, str) and set((e.get("class") or "").lower().split()) & names), None)


def _html_signatures(box: etree._Element) -> list[str]:
    signatures = Signatures()

    def visit(el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if _has_block_child(child) and not _has_own_text(child):
                visit(child)
                continue
            line = _text(child)
            classes = _classes(child)
            signatures.add(line, is_role="functie" in classes or ("naam" not in classes and line.endswith(",")))

    visit(box)
    return signatures.blocks()
