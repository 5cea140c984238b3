"""Tests of the test-letter renderer and of the letters it renders.

They run without tesseract: the layout is pure Python, and the committed
``.layout.txt`` files are compared with a fresh layout so a stale rendering
(a letter edited without re-running ``render.py``) fails here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_letters import check  # noqa: E402
from letter import parse_letter, split_names  # noqa: E402
from render import draw_pdf, layout_letter, layout_text  # noqa: E402

LETTERS = sorted((Path(__file__).resolve().parent.parent / "letters").glob("*.clean.txt"))
IDS = [p.name.removesuffix(".clean.txt") for p in LETTERS]


@pytest.mark.parametrize("clean", LETTERS, ids=IDS)
def test_letter_is_well_formed(clean: Path) -> None:
    assert check(clean) == []


@pytest.mark.parametrize("clean", LETTERS, ids=IDS)
def test_footnote_sits_on_the_page_of_its_marker(clean: Path) -> None:
    pages = layout_letter(parse_letter(clean))
    seen = []
    for page in pages:
        marked = [run.text for line in page.body for run in line.runs if run.rise > 0]
        noted = [line.text.split(" ", 1)[0] for line in page.footnotes if re.match(r"\d+ ", line.text)]
        # A footnote's continuation lines do not start with its number, so
        # the first words of footnote lines name exactly the notes begun here.
        assert [n for n in noted if n in marked] == marked
        seen += marked
    assert seen == [str(n) for n in range(1, len(seen) + 1)]


@pytest.mark.parametrize("clean", LETTERS, ids=IDS)
def test_layout_keeps_every_body_word_in_order(clean: Path) -> None:
    letter = parse_letter(clean)
    pages = layout_letter(letter)
    drawn = [
        run.text
        for page in pages
        for line in page.body
        for run in line.runs
        if run.rise == 0
    ]
    drawn_words = " ".join(drawn).split()
    body_words = " ".join(b.text for b in letter.blocks).split()
    if letter.kamerstuk_header:
        body_words = letter.kamerstuk_header.split() + body_words
    # Markers split a word into runs; glue pieces back by comparing joined text.
    assert "".join(drawn_words).startswith("".join(body_words))


@pytest.mark.parametrize("clean", LETTERS, ids=IDS)
def test_committed_layout_is_current(clean: Path) -> None:
    stored = clean.with_name(clean.name.replace(".clean.txt", ".layout.txt"))
    if not stored.exists():
        pytest.skip("not rendered yet")
    if '"style"' in clean.with_name(clean.name.replace(".clean.txt", ".meta.json")).read_text(encoding="utf-8"):
        pytest.skip("printed in a style: tests/corpus/test_render_styles.py checks its layout")
    fresh = layout_text(layout_letter(parse_letter(clean)))
    assert stored.read_text(encoding="utf-8") == fresh, "re-run tests/corpus/render.py on this letter"


def test_pdf_is_reproducible(tmp_path: Path) -> None:
    letter = parse_letter(LETTERS[0])
    pages = layout_letter(letter)
    draw_pdf(letter, pages, tmp_path / "a.pdf")
    draw_pdf(letter, pages, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Caspar Veldkamp Ruben Brekelmans", ("Caspar Veldkamp", "Ruben Brekelmans")),
        ("A.G. Koenders J.A. Hennis-Plasschaert", ("A.G. Koenders", "J.A. Hennis-Plasschaert")),
        ("B. R. Bot H. G. J. Kamp", ("B. R. Bot", "H. G. J. Kamp")),
        ("Liesje Schreinemacher Christophe van der Maat", ("Liesje Schreinemacher", "Christophe van der Maat")),
        ("M. J. M. Verhagen E. van Middelkoop", ("M. J. M. Verhagen", "E. van Middelkoop")),
        ("Hanke Bruins Slot Kajsa Ollongren", ("Hanke Bruins Slot", "Kajsa Ollongren")),
    ],
)
def test_split_names(line: str, names: tuple[str, ...]) -> None:
    assert split_names(line) == names
