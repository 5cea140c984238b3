"""DOCX (Word) letters: paragraphs, tables and footnotes in flowing text.

Ministries draft in Word and the occasional letter reaches us as .docx. The
output is the same flowing text as for HTML: one paragraph per line with a
blank line between, footnote markers out of the body, the footnotes as
``N text`` lines at the end and a signature as ``role,`` then name.

python-docx gives the body; it does not read footnotes, so those come from
``word/footnotes.xml`` with zipfile and lxml. Word numbers footnotes itself,
in the order their references (``w:footnoteReference``) appear in the body,
so that order gives the numbers.
"""

from __future__ import annotations

import errno
import re
import zipfile
from pathlib import Path

from ..lazy import lazy_module

docx = lazy_module("docx")
etree = lazy_module("lxml.etree")

from ..errors import InputError, UnreadableInput
from ..model import RawDocument
from .html import Signatures, flowing_document, normalize_space
from .limits import limits, mb

__all__ = ["DocxReader"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# "De Minister van Defensie," / "de staatssecretaris van ...," opens a signature.
_ROLE = re.compile(r"^(de|het)\s+(minister|staatssecretaris|minister-president)\b.*,$", re.I)
_MAX_NAME_LEN = 60


class DocxReader:
    """Reads Word .docx files into flowing text."""

    format = "docx"

    def sniff(self, head: bytes, path: Path) -> bool:
        # Every ZIP comes here, so that one that is not a Word document is
        # named for what it is rather than refused as binary text.
        return head.startswith((_OLE_MAGIC, b"PK\x03\x04", b"PK\x05\x06"))

    def read(self, path: Path) -> RawDocument:
        """Read body paragraphs, tables and footnotes.

        Raises:
            UnreadableInput: not a readable .docx (corrupt, old .doc, encrypted,
                another kind of ZIP, or one that unpacks to too much).
            NoTextFound: the document has no text.
        """
        with path.open("rb") as fh:
            if fh.read(8) == _OLE_MAGIC:
                raise UnreadableInput(
                    path, "an old Word .doc or a password-protected document; save it as .docx or PDF"
                )
        _check_archive(path)
        try:
            document = docx.Document(str(path))
            notes_xml = _read_part(path, "word/footnotes.xml")
            blocks, order = _body(document.element.body)
            notes = _footnotes(notes_xml, order) if notes_xml else []
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001
            if _file_level(exc):
                raise
            # python-docx and zipfile answer a crafted package with whatever
            # their code trips over (KeyError, AttributeError, ValueError...):
            # all of them mean the package is not a sound Word document.
            raise UnreadableInput(path, f"the DOCX is corrupt ({_why(exc)})") from None
        return flowing_document(path, self.format, blocks, notes)


def _file_level(exc: Exception) -> bool:
    """An error of the file system (gone, not permitted), not of the package's contents."""
    return isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.EIO)


def _why(exc: Exception) -> str:
    first = str(exc).strip().splitlines()[0][:80] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


# What a ZIP that is not a Word document usually is.
_OTHER_PACKAGES = (
    ("xl/workbook.xml", "an Excel workbook, not a letter"),
    ("ppt/presentation.xml", "a PowerPoint presentation, not a letter"),
)


def _check_archive(path: Path) -> None:
    """Refuse a ZIP that is not a Word document or unpacks to more than a letter could.

    The sizes come from the ZIP's directory; zipfile never inflates a member
    beyond its stated size (and fails on the checksum if the data disagrees),
    so the check bounds what python-docx will later unpack.

    Raises:
        UnreadableInput: corrupt, too many parts, too large unpacked, or another kind of ZIP.
    """
    bound = limits()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > bound.max_archive_entries:
                raise UnreadableInput(
                    path, f"the DOCX holds {len(infos):,} parts; a Word document has at most {bound.max_archive_entries:,}"
                )
            unpacked = sum(info.file_size for info in infos)
            if unpacked > bound.max_unpacked_bytes:
                raise UnreadableInput(
                    path, f"the DOCX unpacks to {mb(unpacked)}; letters unpack to at most {mb(bound.max_unpacked_bytes)} (a zip bomb?)"
                )
            names = {info.filename for info in infos}
            if "word/document.xml" in names:
                return
            if "mimetype" in names:
                kind = zf.read("mimetype")[:100].decode("ascii", "replace").strip()
                if kind.startswith("application/vnd.oasis.opendocument"):
                    raise UnreadableInput(path, f"an OpenDocument file ({kind.rsplit('.', 1)[-1]}); save it as .docx or PDF")
            for part, what in _OTHER_PACKAGES:
                if part in names:
                    raise UnreadableInput(path, what)
            raise UnreadableInput(path, "a ZIP archive, not a Word document (it has no word/document.xml)")
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 (zipfile: BadZipFile, ValueError, NotImplementedError, ...)
        if _file_level(exc):
            raise
        raise UnreadableInput(path, f"the DOCX is corrupt ({_why(exc)})") from None


def _read_part(path: Path, name: str) -> bytes | None:
    with zipfile.ZipFile(path) as zf:
        try:
            return zf.read(name)
        except KeyError:
            return None


def _paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    for el in p.iter(f"{{{_W}}}t", f"{{{_W}}}tab", f"{{{_W}}}br", f"{{{_W}}}cr", f"{{{_W}}}noBreakHyphen"):
        tag = etree.QName(el).localname
        if tag == "t":
            parts.append(el.text or "")
        elif tag == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    # Deleted text in tracked changes sits in w:delText and is left out on purpose.
    return normalize_space("".join(parts))


def _body(body: etree._Element) -> tuple[list[str], list[str]]:
    """The body's blocks and the footnote ids in the order they are referenced."""
    blocks: list[str] = []
    order: list[str] = []
    signatures: Signatures | None = None

    def flush() -> None:
        nonlocal signatures
        if signatures is not None:
            blocks.extend(signatures.blocks())
            signatures = None

    for child in body:
        tag = etree.QName(child).localname
        for ref in child.iter(f"{{{_W}}}footnoteReference"):
            note_id = ref.get(f"{{{_W}}}id")
            if note_id is not None and note_id not in order:
                order.append(note_id)
        if tag == "p":
            line = _paragraph_text(child)
            if not line:
                continue
            if _ROLE.match(line):
                if signatures is None:
                    signatures = Signatures()
                signatures.add(line, is_role=True)
                continue
            if signatures is not None and len(line) <= _MAX_NAME_LEN and not line.endswith("."):
                signatures.add(line, is_role=False)
                continue
            flush()
            blocks.append(line)
        elif tag == "tbl":
            flush()
            blocks.extend(_table_rows(child))
    flush()
    return blocks, order


def _table_rows(tbl: etree._Element) -> list[str]:
    rows = []
    for tr in tbl.iterfind("w:tr", _NS):
        cells = []
        for tc in tr.iterfind("w:tc", _NS):
            cells.append(" ".join(t for t in (_paragraph_text(p) for p in tc.iter(f"{{{_W}}}p")) if t))
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def _footnotes(data: bytes, order: list[str]) -> list[tuple[str, str]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    texts: dict[str, str] = {}
    for note in root.iterfind("w:footnote", _NS):
        # Ids -1 and 0 are Word's separator lines, typed so; they hold no text.
        if note.get(f"{{{_W}}}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(t for t in (_paragraph_text(p) for p in note.iterfind(".//w:p", _NS)) if t)
        texts[note.get(f"{{{_W}}}id", "")] = text
    # Notes never referenced (left over after editing) are not part of the letter.
    return [(str(i + 1), texts[note_id]) for i, note_id in enumerate(order) if texts.get(note_id)]
