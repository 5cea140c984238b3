"""Pages in-process: Dutch by default, English by the switch, readable without JavaScript; the report; the views."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner
from sqlalchemy import text

from artikel100.cli import main
from artikel100.serve.i18n import LOCALE_DIR
from artikel100.store import open_registry
from conftest import SHARED_SEED

PAGES = ["/", "/brieven", "/missies", "/missies/KFOR", "/toezeggingen", "/zoeken?q=syrie", "/zoeken", "/aanmelden",
         "/api/docs"]


def _letter(client, year: int) -> int:  # type: ignore[no-untyped-def]
    return client.get("/api/letters", params={"year": year}).json()["items"][0]["id"]


def test_every_page_answers_in_dutch(client) -> None:  # type: ignore[no-untyped-def]
    for path in PAGES + [f"/brieven/{_letter(client, 2025)}"]:
        r = client.get(path)
        assert r.status_code == 200, path
        if path != "/api/docs":
            assert '<html lang="nl"' in r.text and "Overzicht" in r.text and "Overview" not in r.text
    assert "Wat Nederland vandaag heeft ingezet" in client.get("/").text


def test_the_english_switch_changes_the_labels_and_is_remembered(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/?lang=en")
    assert "What the Netherlands has deployed today" in r.text and '<html lang="en"' in r.text
    assert "lang=en" in r.headers["set-cookie"]
    assert "Commitments" in client.get("/toezeggingen").text  # the cookie keeps English
    assert "Toezeggingen" in client.get("/toezeggingen?lang=nl").text
    client.cookies.set("lang", "nl")


def test_overview_shows_the_examples_deployments(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/").text
    deployed = html.split('id="ingezet"')[1].split('id="termijnen"')[0]
    # KFOR's staff officers have no end in the 2004 example; its unit of 160 went home in October 2004
    assert "Kosovo Force" in deployed and "oktober 2004" not in deployed
    if SHARED_SEED.is_dir():
        assert "NATO Mission Iraq" in deployed and "145" in deployed
    assert "<svg" in html and "a100-bar" in html  # the Gantt, server-side


def test_letter_page_reads_without_javascript(client) -> None:  # type: ignore[no-untyped-def]
    lid = _letter(client, 2025)
    html = client.get(f"/brieven/{lid}").text
    fact_ids = set(re.findall(r'id="fact-(\d+)"', html))
    targets = set(re.findall(r'class="a100-hl[^"]*" href="#fact-(\d+)"', html))
    assert targets and targets <= fact_ids  # each highlight links to its fact in the list
    for fid in re.findall(r'href="#span-(\d+-\d+)"', html):
        assert f'id="span-{fid}"' in html  # each fact links to its words
    assert 'href="#fn-1"' in html and 'id="fnref-1"' in html and 'href="#fnref-1"' in html  # footnotes both ways
    assert "niet in het register" in html  # the cited Kamerstukken are missing
    assert "pagina 2 van de bron" in html  # the PDF's second page starts here


def test_repair_view_shows_what_changed(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get(f"/brieven/{_letter(client, 2004)}?weergave=herstel").text
    assert "<del" in html and "óptreden</del><ins>optreden</ins>" in html


def test_search_result_links_to_the_sentence_it_marks(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/zoeken?q=mazar").text
    link = re.search(r'href="(/brieven/\d+\?markeer=\d+-\d+#treffer)"', html).group(1)  # type: ignore[union-attr]
    page = client.get(link.replace("&amp;", "&")).text
    assert 'id="treffer"' in page and "Mazar-e-Sharif" in page.split('id="treffer"')[1][:600]


def test_report_is_one_self_contained_file(client, filled_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lid = _letter(client, 2025)
    html = client.get(f"/brieven/{lid}/rapport.html").text
    for bad in ("<script", "<link", " src=", 'href="http', 'href="/', "url("):
        assert bad not in html, bad
    assert "<style>" in html and "Baltic Air Policing" in html and 'id="fact-' in html
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(main, ["report", str(lid), "-o", str(out), "--db", filled_url])
    assert result.exit_code == 0, result.output
    assert "Baltic Air Policing" in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["report", "99999", "-o", str(out), "--db", filled_url])
    assert bad.exit_code == 2 and "no such letter" in bad.output


def test_the_report_is_styled_like_the_letter_page(client) -> None:  # type: ignore[no-untyped-def]
    """Every class of the report that the site's app.css styles is styled in the report's own CSS too."""
    import re

    from artikel100.serve.report import APP_CSS

    html = client.get(f"/brieven/{_letter(client, 2025)}/rapport.html").text
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    used = {c for attr in re.findall(r'class="([^"]+)"', html) for c in attr.split()}
    site = set(re.findall(r"\.(a100-[\w-]+)", APP_CSS.read_text(encoding="utf-8")))
    styled = set(re.findall(r"\.(a100-[\w-]+)", style))
    assert used & site, "the report uses none of the site's classes"
    assert (used & site) - styled == set()
    assert "a100-hl" in styled and "a100-kind-personnel" in styled and "--a100-color-focus" in style


def test_views_have_typed_columns(filled_url) -> None:  # type: ignore[no-untyped-def]
    with open_registry(filled_url) as reg, reg.engine.connect() as conn:
        rows = conn.execute(text("SELECT personnel, framework, quote, span_start, span_end FROM contributions"
                                 " WHERE personnel IS NOT NULL")).all()
        assert rows and all(isinstance(r.personnel, int) and isinstance(r.span_start, int) for r in rows)
        assert {type(r.framework) for r in rows} <= {int, bool}
        assert any(r.quote == "160" for r in rows)
        refs = conn.execute(text('SELECT cited, quote, in_footnote FROM "references"')).all()
        assert refs and all(isinstance(r.quote, str) and r.quote for r in refs)
        assert ("28676-491", "Kamerstuk 28 676, nr. 491", 1) in [tuple(r) for r in refs]
        deps = conn.execute(text('SELECT mission, personnel, "end" FROM deployments')).all()
        assert ("KFOR", 160) in {(d.mission, d.personnel) for d in deps}
        commits = conn.execute(text("SELECT text, due, done FROM commitments")).all()
        assert commits and all(isinstance(c.text, str) for c in commits)


def test_every_message_has_a_dutch_text_in_the_shipped_catalogue() -> None:
    pot = read_po((LOCALE_DIR / "messages.pot").open("rb"))
    mo = read_mo((LOCALE_DIR / "nl" / "LC_MESSAGES" / "messages.mo").open("rb"))
    po = read_po((LOCALE_DIR / "nl" / "LC_MESSAGES" / "messages.po").open("rb"))
    for msg in pot:
        if not msg.id:
            continue
        for catalogue in (mo, po):
            found = catalogue.get(msg.id)
            assert found is not None and found.string and all(found.string if isinstance(found.string, tuple) else [found.string]), msg.id


@pytest.mark.parametrize("path", ["/", "/brieven/1", "/toezeggingen"])
def test_pages_have_one_h1_and_labelled_landmarks(client, path: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(path).text
    assert html.count("<h1") == 1 and 'aria-label="Hoofdmenu"' in html and 'href="#main"' in html
