"""The bad-input corpus: files people will feed artikel100, each with the problem it must name.

Every file is made here, by code (some would be 100 MB, some are a symbolic
link loop or a pipe, which git cannot hold), from texts of our own. Run as a
script to write the corpus to a folder: ``python tests/bad_inputs.py OUT``.

Each ``Case`` names a file, how to make it, and words the one-line error
must contain. ``needs`` says what the case needs beyond Python: "tesseract"
(the file is only refused after OCR found nothing), "no-root" (a file we may
not read: root reads anything, so the test drops root's file capabilities).
"""

from __future__ import annotations

import io
import os
import random
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LETTER = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
    "Den Haag, 14 maart 2025\n\n"
    "Geachte voorzitter,\n\n"
    "Met deze brief informeert het kabinet uw Kamer over het besluit om de Nederlandse bijdrage aan de "
    "missie in het Middellandse Zeegebied met een jaar te verlengen. Het gaat om een fregat met ongeveer "
    "honderdveertig militairen aan boord, dat vanaf 1 juli 2025 tot en met 30 juni 2026 wordt ingezet. "
    "De kosten worden geraamd op 18,5 miljoen euro en komen ten laste van het Budget Internationale "
    "Veiligheid. Het kabinet zal uw Kamer voor het einde van het jaar informeren over de voortgang.\n\n"
    "De minister van Defensie,\n\nJ. de Vries\n"
)
ENGLISH = (
    "Dear Speaker, with this letter the government informs the House about the decision to extend the "
    "contribution of a frigate to the maritime mission in the Mediterranean for another year. About one "
    "hundred and forty sailors will be on board from the first of July, and the costs of this extension "
    "are estimated at 18.5 million euros, which will be paid from the budget for international security. "
    "The government will inform the House about the progress of the mission before the end of the year."
)
FRENCH = (
    "Monsieur le Président, par la présente le gouvernement informe la Chambre de la décision de prolonger "
    "pour une année la contribution d'une frégate à la mission maritime en Méditerranée. Environ cent "
    "quarante marins seront à bord à partir du premier juillet, et les coûts de cette prolongation sont "
    "estimés à 18,5 millions d'euros, qui seront payés sur le budget pour la sécurité internationale. Le "
    "gouvernement informera la Chambre des progrès de la mission avant la fin de l'année."
)
GERMAN = (
    "Sehr geehrter Herr Präsident, mit diesem Schreiben informiert die Bundesregierung den Bundestag über "
    "die Entscheidung, den Beitrag einer Fregatte zur maritimen Mission im Mittelmeer um ein Jahr zu "
    "verlängern. Etwa hundertvierzig Soldaten sind ab dem ersten Juli an Bord, und die Kosten der "
    "Verlängerung werden auf 18,5 Millionen Euro geschätzt und aus dem Haushalt für internationale "
    "Sicherheit bezahlt. Die Regierung wird den Bundestag vor dem Ende des Jahres über den Fortschritt unterrichten."
)
NEWS = (
    "Nederland stuurt opnieuw fregat naar Middellandse Zee\n\n"
    "DEN HAAG - Nederland verlengt de inzet van een fregat in het Middellandse Zeegebied met een jaar. Dat "
    "heeft minister De Vries van Defensie vrijdag bekendgemaakt in een brief aan de Tweede Kamer. Aan boord "
    "zijn ongeveer honderdveertig militairen. De oppositie reageerde kritisch: volgens een Kamerlid is de "
    "missie te duur en levert die te weinig op. De kosten worden geschat op 18,5 miljoen euro. Eerder dit "
    "jaar werd bekend dat ook andere landen hun bijdrage aan de operatie willen uitbreiden."
)
LAW = (
    "Wet van 12 december 2024, houdende regels over de inzet van de krijgsmacht\n\n"
    "Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, enz. enz. enz.\n\n"
    "Allen, die deze zullen zien of horen lezen, saluut! doen te weten:\n\n"
    "Alzo Wij in overweging genomen hebben, dat het wenselijk is regels te stellen over de inzet van de "
    "krijgsmacht buiten het grondgebied van het Koninkrijk;\n\n"
    "Artikel 1\n\nIn deze wet wordt verstaan onder inzet: het ter beschikking stellen van eenheden van de "
    "krijgsmacht voor de handhaving of bevordering van de internationale rechtsorde.\n\n"
    "Artikel 2\n\nDe regering besluit tot inzet nadat de Staten-Generaal zijn ingelicht, tenzij dwingende "
    "redenen dit onmogelijk maken. Lasten en bevelen dat deze in het Staatsblad zal worden geplaatst."
)
CHINESE = "荷兰政府决定将其护卫舰在地中海的部署延长一年。舰上约有一百四十名军人。费用估计为一千八百五十万欧元。" * 8


@dataclass(frozen=True)
class Case:
    """One bad file: ``make(folder)`` writes it and returns its path."""

    name: str
    make: Callable[[Path], Path]
    expect: str  # words the one-line error contains
    needs: str = ""


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _text(name: str, text: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    return _write(name, text.encode(encoding))


# --- PDF ----------------------------------------------------------------------


def _pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF from numbered objects (1 = catalog), with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _page_pdf(content: bytes, extra: bytes = b"") -> bytes:
    return _pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def _letter_pdf() -> bytes:
    lines = [line for line in LETTER.splitlines() if line]
    ops = b"BT /F1 10 Tf 60 780 Td 12 TL " + b" ".join(
        b"(" + line[:90].encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]") + b") '" for line in lines
    ) + b" ET"
    return _page_pdf(ops)


def _truncated_pdf(folder: Path) -> Path:
    data = _letter_pdf()
    return _write("afgebroken-download.pdf", data[: len(data) * 2 // 3])(folder)


def _encrypted_pdf(folder: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = folder / "beveiligd.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("geheim", ownerPassword="eigenaar"))
    c.drawString(72, 760, "Vertrouwelijke brief aan de Voorzitter van de Tweede Kamer.")
    c.showPage()
    c.save()
    return path


def _pages_pdf(count: int, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        import pypdfium2 as pdfium

        path = folder / name
        pdf = pdfium.PdfDocument.new()
        for _ in range(count):
            pdf.new_page(595, 842).close()
        pdf.save(path)
        pdf.close()
        return path

    return make


def _image_pages_pdf(count: int, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        from PIL import Image

        path = folder / name
        pages = [Image.linear_gradient("L").resize((120, 170)) for _ in range(count)]
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=20)
        return path

    return make


def _photo_pdf(folder: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize((1240, 1754))
    draw = ImageDraw.Draw(image)
    for i in range(6):
        draw.ellipse((100 + i * 150, 300 + i * 120, 400 + i * 150, 600 + i * 120), fill=40 + i * 30)
    path = folder / "alleen-een-foto.pdf"
    image.save(path, resolution=150)
    return path


def _junk_layer_pdf(folder: Path) -> Path:
    # A font with shifted codes gives "Wkh plqlvwhu": a Caesar shift of the letter,
    # drawn invisibly (render mode 3) over a blank page, as a broken OCR layer is.
    shifted = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if "a" <= c <= "z" else c for c in LETTER.lower())
    lines = [line for line in shifted.splitlines() if line]
    ops = b"BT 3 Tr /F1 10 Tf 60 780 Td 12 TL " + b" ".join(
        b"(" + line[:90].encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]") + b") '" for line in lines
    ) + b" ET"
    return _write("onzin-tekstlaag.pdf", _page_pdf(ops))(folder)


def _stream_bomb_pdf(folder: Path) -> Path:
    return _write("stroom-bom.pdf", _page_pdf(deflated_bomb(b"BT /F1 12 Tf 72 720 Td (Geachte voorzitter) Tj ET\n", 200), b"/Filter /FlateDecode "))(folder)


def deflated_bomb(prefix: bytes, megabytes: int) -> bytes:
    """A zlib stream of ``prefix`` and then ``megabytes`` MB of spaces, made in milliseconds.

    After a full flush deflate starts afresh, so one flushed megabyte of
    spaces is the same bytes every time: it is made once and repeated.
    """
    import zlib

    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    block = b" " * (1 << 20)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    unit = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = zlib.adler32(prefix)
    for _ in range(megabytes):
        checksum = zlib.adler32(block, checksum)
    return b"\x78\x9c" + head + unit * megabytes + packer.flush() + checksum.to_bytes(4, "big")


# --- DOCX and other ZIPs ---------------------------------------------------------

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(paragraphs: list[str], prolog: str = "") -> bytes:
    """word/document.xml with one w:p per paragraph (text escaped unless it is an entity reference)."""
    from xml.sax.saxutils import escape

    body = "".join(
        f"<w:p><w:r><w:t>{p if p.startswith('&') else escape(p)}</w:t></w:r></w:p>" for p in paragraphs
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>').encode()


def docx_bytes(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP with the given parts (a Word package when they are Word's)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


def _word(document: bytes, content_types: bytes = _CONTENT_TYPES) -> bytes:
    return docx_bytes({"[Content_Types].xml": content_types, "_rels/.rels": _RELS, "word/document.xml": document})


def _zip_bomb_docx(folder: Path) -> Path:
    # 200 MB of spaces in one paragraph, deflated to 0.9 MB; the ZIP says so honestly.
    path = folder / "zipbom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode())
            block = b" " * (1 << 20)
            for _ in range(200):
                part.write(block)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def _lying_zip_bomb_docx(folder: Path) -> Path:
    # The same trick with the sizes in the ZIP's headers forged to look small.
    document = document_xml([LETTER.replace("\n", " ") + " " * (50 << 20)])
    data = bytearray(_word(document))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    small = (4096).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = small  # local header: uncompressed size
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:  # central directory entries
        name_len = int.from_bytes(data[pos + 28 : pos + 30], "little")
        if data[pos + 46 : pos + 46 + name_len] == b"word/document.xml":
            data[pos + 24 : pos + 28] = small
        pos = data.find(b"PK\x01\x02", pos + 4)
    return _write("zipbom-vervalst.docx", bytes(data))(folder)


def _many_parts_docx(folder: Path) -> Path:
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "word/document.xml": document_xml([LETTER])}
    parts.update({f"word/media/image{i}.bin": b"" for i in range(6000)})
    return _write("duizenden-delen.docx", docx_bytes(parts, zipfile.ZIP_STORED))(folder)


def _old_doc(folder: Path) -> Path:
    return _write("oud-word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))(folder)


# --- markup ------------------------------------------------------------------------

_XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE kamerstuk [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>\n'
    "<kamerstuk><brief><al>Geachte voorzitter, &geheim;</al></brief></kamerstuk>\n"
)
_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE kamerstuk [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n<kamerstuk><brief><al>&lol9;</al></brief></kamerstuk>\n"
)


def _deep_html(folder: Path) -> Path:
    depth = 50_000
    return _text("diep-genest.html", "<html><body>" + "<div>" * depth + LETTER + "</div>" * depth + "</body></html>")(folder)


# --- images ------------------------------------------------------------------------


def _truncated_png(folder: Path) -> Path:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((800, 800), 60).save(out, "PNG")
    return _write("afgebroken-scan.png", out.getvalue()[:5000])(folder)


def _pixel_bomb_png(folder: Path) -> Path:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    # A header that promises 100,000 x 100,000 pixels, and a little data.
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(100_001) * 10)) + chunk(b"IEND", b"")
    return _write("pixelbom.png", data)(folder)


def _blank_png(folder: Path) -> Path:
    from PIL import Image

    path = folder / "lege-scan.png"
    Image.new("L", (1654, 2339), 255).save(path, dpi=(200, 200))
    return path


def _many_frames_tiff(folder: Path) -> Path:
    from PIL import Image

    path = folder / "zeshonderd-paginas.tif"
    frames = [Image.new("L", (16, 16), 255) for _ in range(600)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    return path


# --- the file system -----------------------------------------------------------------


def _symlink_loop(folder: Path) -> Path:
    a, b = folder / "lus-a.txt", folder / "lus-b.txt"
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    return a


def _broken_link(folder: Path) -> Path:
    path = folder / "verwijst-naar-niets.pdf"
    path.symlink_to("bestaat-niet.pdf")
    return path


def _directory(folder: Path) -> Path:
    path = folder / "brief.pdf"
    path.mkdir()
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pijp.txt"
    os.mkfifo(path)
    return path


def _unreadable(folder: Path) -> Path:
    path = folder / "geen-leesrecht.txt"
    path.write_text(LETTER, encoding="utf-8")
    path.chmod(0)
    return path


def _elf(folder: Path) -> Path:
    return _write("programma.txt", b"\x7fELF\x02\x01\x01" + bytes(9) + random.Random(3).randbytes(6000))(folder)


def _sqlite(folder: Path) -> Path:
    import sqlite3

    path = folder / "register.txt"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    return path


def _gzip(folder: Path) -> Path:
    import gzip

    return _write("ingepakt.txt", gzip.compress(LETTER.encode()))(folder)


CASES: list[Case] = [
    # text
    Case("empty", _write("leeg.txt", b""), "the file is empty"),
    Case("binary", _write("willekeurig.txt", random.Random(0).randbytes(20_000)), "binary data"),
    Case("nul-bytes-only", _write("nullen.txt", bytes(8192)), "only NUL bytes"),
    Case("nul-bytes-in-letter", _write("nullen-in-brief.txt", b"\x00".join(LETTER.encode()[i : i + 8] for i in range(0, len(LETTER), 8))), "binary data"),
    Case("whitespace-only", _write("alleen-witruimte.txt", b" \n\t\n   \n" * 200), "holds no text"),
    Case("100-mb-of-text", lambda f: _big_text(f, "honderd-mb.txt", 100), "100 MB; letters are at most 40 MB"),
    Case("one-20-mb-line", lambda f: _long_line(f, "regel-20-mb.txt", 20 << 20), "20 MB of text"),
    Case("one-1.5-mb-line", lambda f: _long_line(f, "regel-1,5-mb.txt", 3 << 19), "one line is 1,572,864 characters"),
    Case("english-letter", _text("english.txt", ENGLISH), "looks like English"),
    Case("french-letter", _text("francais.txt", FRENCH), "looks like French"),
    Case("german-letter", _text("deutsch.txt", GERMAN), "looks like German"),
    Case("dutch-news-article", _text("nieuwsbericht.txt", NEWS), "not a letter to parliament"),
    Case("dutch-law", _text("wet.txt", LAW), "not a letter to parliament"),
    Case("chinese-text", _text("chinees.txt", CHINESE), "not in the Latin alphabet"),
    Case("english-in-utf-16", _text("english-utf16.txt", ENGLISH, "utf-16-le"), "looks like English"),
    Case("news-in-cp1252", _text("nieuws-cp1252.txt", NEWS + " Café één beëindiging.", "cp1252"), "not a letter"),
    # markup
    Case("xml-external-entity", _text("xxe.xml", _XXE), "declares its own entities"),
    Case("xml-billion-laughs", _text("miljard-lachen.xml", _LAUGHS), "declares its own entities"),
    Case("html-external-entity", _text("xxe.html", _XXE.replace("kamerstuk", "html").replace("<brief>", "<body>").replace("</brief>", "</body>")), "declares its own entities"),
    Case("xml-entity-in-utf-16", _text("xxe-utf16.xml", _XXE.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>'), "utf-16"), "declares its own entities"),
    Case("html-only-scripts", _text("alleen-scripts.html", "<!DOCTYPE html><html><head><script>alert('x')</script></head><body><script>document.write('Geachte voorzitter')</script><noscript></noscript></body></html>"), "no letter text"),
    Case("html-empty-body", _text("lege-pagina.html", "<!DOCTYPE html><html><head><title>Brief</title></head><body><nav>Home</nav></body></html>"), "no letter text"),
    Case("html-deeply-nested", _deep_html, "no letter text"),
    Case("html-english-page", _text("english.html", f"<!DOCTYPE html><html><body><p>{ENGLISH}</p></body></html>"), "looks like English"),
    # PDF
    Case("pdf-truncated", _truncated_pdf, "truncated"),
    Case("pdf-encrypted", _encrypted_pdf, "password"),
    Case("pdf-corrupt", _write("kapot.pdf", b"%PDF-1.7\n" + random.Random(1).randbytes(5000) + b"\n%%EOF\n"), "corrupt"),
    Case("pdf-header-only", _write("alleen-kop.pdf", b"%PDF-1.4\n%%EOF\n"), "corrupt"),
    Case("pdf-1000-pages", _pages_pdf(1000, "duizend-paginas.pdf"), "1,000 pages"),
    Case("pdf-200-scanned-pages", _image_pages_pdf(200, "tweehonderd-scans.pdf"), "need OCR"),
    Case("pdf-blank-pages", _pages_pdf(3, "lege-paginas.pdf"), "no text found"),
    Case("pdf-image-only-no-text", _photo_pdf, "no text found", needs="tesseract"),
    Case("pdf-junk-text-layer", _junk_layer_pdf, "no text found", needs="tesseract"),
    Case("pdf-stream-bomb", _stream_bomb_pdf, "decompression bomb"),
    # DOCX and ZIPs
    Case("docx-zip-bomb", _zip_bomb_docx, "zip bomb"),
    Case("docx-zip-bomb-forged-sizes", _lying_zip_bomb_docx, "DOCX is corrupt"),
    Case("docx-6000-parts", _many_parts_docx, "6,003 parts"),
    Case("docx-zip-of-text", _write("geen-word.docx", docx_bytes({"brief.txt": LETTER.encode()})), "not a Word document"),
    Case("docx-opendocument", _write("brief-odt.docx", docx_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})), "OpenDocument"),
    Case("docx-excel", _write("tabel.docx", docx_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})), "Excel workbook"),
    Case("docx-crafted-content-types", _write("rare-inhoudstypen.docx", _word(document_xml([LETTER]), b"<Types><Override/></Types>")), "DOCX is corrupt"),
    Case("docx-wrong-main-part", _write("verkeerd-hoofddeel.docx", _word(document_xml([LETTER]), _CONTENT_TYPES.replace(b"document.main+xml", b"template.main+xml"))), "DOCX is corrupt"),
    Case("docx-external-entity", _write("xxe.docx", _word(document_xml(["&geheim;"], '<!DOCTYPE w:document [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>'))), "no letter text"),
    Case("docx-empty-body", _write("leeg.docx", _word(document_xml([]))), "no letter text"),
    Case("old-word-doc", _old_doc, "save it as .docx or PDF"),
    Case("docx-random-after-zip-magic", _write("kapot.docx", b"PK\x03\x04" + random.Random(2).randbytes(3000)), "DOCX is corrupt"),
    # images
    Case("png-truncated", _truncated_png, "image cannot be read"),
    Case("png-pixel-bomb", _pixel_bomb_png, "image"),
    Case("png-blank-page", _blank_png, "no text found", needs="tesseract"),
    Case("tiff-600-pages", _many_frames_tiff, "600 pages"),
    # formats that are not letters
    Case("rtf-document", _text("brief.rtf.txt", "{\\rtf1\\ansi Geachte voorzitter, ...}"), "RTF document"),
    Case("gzip-archive", _gzip, "gzip archive"),
    Case("program", _elf, "program (ELF)"),
    Case("sqlite-database", _sqlite, "SQLite database"),
    # the file system
    Case("symlink-loop", _symlink_loop, "symbolic link loop"),
    Case("broken-symlink", _broken_link, "broken symbolic link"),
    Case("directory-named-like-a-file", _directory, "is a directory"),
    Case("named-pipe", _fifo, "not a regular file"),
    Case("no-read-permission", _unreadable, "permission denied", needs="no-root"),
    Case("missing-file", lambda f: f / "bestaat-niet.txt", "no such file"),
]


def _big_text(folder: Path, name: str, megabytes: int) -> Path:
    path = folder / name
    block = (LETTER * 64).encode()
    with path.open("wb") as fh:
        for _ in range(megabytes * (1 << 20) // len(block) + 1):
            fh.write(block)
        fh.truncate(megabytes << 20)
    return path


def _long_line(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    words = (LETTER.replace("\n", " ") + " ").encode()
    with path.open("wb") as fh:
        fh.write(words * (size // len(words) + 1))
        fh.truncate(size)
    return path


def build(folder: Path, cases: list[Case] = CASES) -> dict[str, Path]:
    """Make every case's file in ``folder``; returns case name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    return {case.name: case.make(folder) for case in cases}


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
    for name, path in build(out).items():
        print(f"{name:32} {path}")
