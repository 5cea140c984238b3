"""Tests of the letterhead and kst renderer (``render_styles.py``).

They run without tesseract: the layout and the PDF are pure Python, and the
committed ``.layout.txt`` of every styled letter must be the text layer of a
fresh rendering (so an edited letter that was not re-rendered fails here).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from letter import parse_letter  # noqa: E402
from render_styles import _meta, draw_styled, hyphenate, layout_styled, pdf_text, style_of  # noqa: E402

LETTERS = [p for p in sorted((Path(__file__).resolve().parent.parent / "letters").glob("*.clean.txt")) if style_of(p)]
IDS = [p.name.removesuffix(".clean.txt") for p in LETTERS]


def _pieces(word: str) -> list[str]:
    cuts = hyphenate(word)
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)])]


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("ontwikkelingen", ["ont", "wik", "ke", "lin", "gen"]),
        ("verlengen", ["ver", "len", "gen"]),
        ("schepen", ["sche", "pen"]),
        ("NAVO", ["NAVO"]),
        ("2025", ["2025"]),
        ("kort", ["kort"]),
    ],
)
def test_hyphenate(word: str, pieces: list[str]) -> None:
    assert _pieces(word) == pieces


@pytest.mark.parametrize("clean", LETTERS, ids=IDS)
def test_committed_layout_is_the_pdf_text(clean: Path, tmp_path: Path) -> None:
    stored = clean.with_name(clean.name.replace(".clean.txt", ".layout.txt"))
    if not stored.exists():
        pytest.skip("not rendered yet")
    letter = parse_letter(clean)
    draw_styled(letter, layout_styled(letter, _meta(clean)), tmp_path / "x.pdf")
    assert pdf_text(tmp_path / "x.pdf") == stored.read_text(encoding="utf-8"), "re-run tests/corpus/render_styles.py"


@pytest.mark.parametrize("clean", LETTERS, ids=IDS)
def test_page_furniture(clean: Path) -> None:
    meta = _meta(clean)
    pages = layout_styled(parse_letter(clean), meta)
    texts = ["\n".join(ln.text for ln in sorted(p.lines, key=lambda ln: -ln.y)) for p in pages]
    if meta["style"] == "letterhead":
        assert "> Retouradres" in texts[0] and "Datum" in texts[0] and "Betreft" in texts[0]
        for i, t in enumerate(texts, start=1):
            assert f"Pagina {i} van {len(pages)}" in t
    else:
        nr = meta["kst"]["nr"]
        assert f"kst-{meta['kst']['dossier'].replace(' ', '')}-{nr}" in texts[0]
        for i, t in enumerate(texts[1:], start=2):
            assert f"nr. {nr} {i}" in t
        # The typesetter really hyphenated: some body line ends in a broken word.
        assert any(ln.runs and ln.runs[-1].text.endswith("-") and ln.runs[-1].text[-2:-1].isalpha()
                   for p in pages for ln in p.lines)


@pytest.mark.parametrize("clean", LETTERS, ids=IDS)
def test_footnote_on_its_markers_page(clean: Path) -> None:
    pages = layout_styled(parse_letter(clean), _meta(clean))
    seen = []
    for page in pages:
        marked = [r.text for ln in page.lines for r in ln.runs if r.rise > 0]
        noted = [ln.runs[0].text.split(" ", 1)[0] for ln in page.lines
                 if ln.runs and ln.runs[0].size < 8 and ln.runs[0].x < 300 and ln.runs[0].text.split(" ", 1)[0] in marked]
        assert sorted(noted) == sorted(marked)
        seen += marked
    assert seen == [str(n) for n in range(1, len(seen) + 1)]
