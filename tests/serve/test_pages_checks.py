"""The assessment on the pages, in-process: marks that land on the cited words, untrusted letter text kept inert,
English by the switch, the Red Card form's answers and errors (on SQLite and PostgreSQL)."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from artikel100.pipeline import process
from artikel100.serve import create_app
from conftest import fill, make_settings


def _ids(client) -> dict[str, int]:  # type: ignore[no-untyped-def]
    items = client.get("/api/letters", params={"per_page": 200}).json()["items"]
    return {(x["kamerstuk"] or x["date"]): x["id"] for x in items}


def _marked_text(page: str, mark: str) -> str:
    """The letter text of every element a mark id covers, in order (what the script marks)."""
    pieces = re.findall(rf'data-marks="[^"]*\b{mark}\b[^"]*"[^>]*>([^<]*)<', page)
    return htmllib.unescape("".join(pieces))


def test_each_mark_covers_exactly_the_cited_words(checks_client) -> None:  # type: ignore[no-untyped-def]
    ext = _ids(checks_client)["29521-141"]
    page = checks_client.get(f"/brieven/{ext}").text
    cov = checks_client.get(f"/api/letters/{ext}/check").json()
    finances = next(p for p in cov["points"] if p["point"] == "finances")
    mark = re.search(r'id="punt-finances".*?data-mark="(m\d+)"', page, re.S).group(1)
    marked = _marked_text(page, mark)
    for c in finances["citations"]:
        assert " ".join(c["quote"].split()) in " ".join(marked.split())
    # Without JavaScript the same link opens the page with the first sentence marked.
    a, b = finances["citations"][0]["span"]
    assert f'href="/brieven/{ext}?markeer={a}-{b}#treffer" data-mark="{mark}"' in page
    # Oversight records are in the assessment, not in the fact list.
    assert "a100-kind-coverage_point" not in page and "Coverage_point" not in page


def test_the_assessment_in_english(checks_client) -> None:  # type: ignore[no-untyped-def]
    ext = _ids(checks_client)["29521-141"]
    nl = checks_client.get(f"/brieven/{ext}?lang=nl").text
    assert "Toetsingskader" in nl and "via verwijzing" in nl and "Wat veranderde" in nl
    en = checks_client.get(f"/brieven/{ext}?lang=en").text
    assert "Assessment framework (toetsingskader)" in en and "by reference" in en and "What changed" in en
    assert "Legal basis and mandate" in en and "Rechtsbasis en mandaat" not in en
    mission = checks_client.get("/missies/ATALANTA?datum=2015-01-01&eenheid=marine&lang=en").text
    assert "Red Card check" in mission and "the framework ended on 2011-12-31" in mission
    checks_client.get("/?lang=nl")


def test_the_red_card_form_answers_and_says_what_is_wrong(checks_client) -> None:  # type: ignore[no-untyped-def]
    page = checks_client.get("/missies/ATALANTA").text
    assert 'action="/missies/ATALANTA#rode-kaart"' in page and 'method="get"' in page and "a100-task-verdict" not in page
    page = checks_client.get("/missies/ATALANTA", params={"datum": "2015-01-01", "eenheid": "marine"}).text
    assert re.search(r'a100-task-verdict">Antwoord: <span class="a100-status a100-answer--outside">buiten', page)
    assert "Het kader liep af op 31 december 2011" in page
    assert 'value="2015-01-01"' in page and '<option value="marine" selected>' in page
    bad_date = checks_client.get("/missies/ATALANTA", params={"datum": "2015-13-01"})
    assert bad_date.status_code == 200 and "geef hem als JJJJ-MM-DD" in bad_date.text and 'aria-invalid="true"' in bad_date.text
    bad_unit = checks_client.get("/missies/ATALANTA", params={"datum": "2015-01-01", "eenheid": "F-35"}).text
    assert "F-35: no such unit" in bad_unit and 'role="alert"' in bad_unit
    bad_people = checks_client.get("/missies/ATALANTA", params={"datum": "2015-01-01", "personeel": "veel"}).text
    assert "Personeel is een heel aantal mensen." in bad_people
    summary = checks_client.get("/missies/ATALANTA").text
    assert summary.count('<tr class="utrecht-table__row') > 18 and "Brieven die het overslaan" in summary


LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2025

Hierbij informeert het kabinet uw Kamer, conform artikel 100 van de Grondwet, over het besluit om vanaf 1 april 2025 tot en met 31 maart 2026 een fregat met circa 150 militairen bij te dragen aan de EU-operatie Aspides in de Rode Zee.

Financiën

De additionele uitgaven <script>alert(1)</script> voor deze inzet worden geraamd op 12 miljoen euro <img src=x onerror=alert(2)>.

Risico's

De dreiging voor het fregat <b onmouseover=alert(3)>is</b> aanzienlijk door raketten en drones van de Houthi's.

De minister van Defensie,

R. Brekelmans
"""


def test_letter_text_in_the_assessment_stays_inert(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    path = tmp_path / "aspides.txt"
    path.write_text(LETTER, encoding="utf-8")
    url = str(tmp_path / "registry.db")
    fill(url, [(path, process(path))])
    app = create_app(make_settings(url, tmp_path))
    try:
        with TestClient(app) as client:
            lid = client.get("/api/letters").json()["items"][0]["id"]
            cov = client.get(f"/api/letters/{lid}/check").json()
            finances = next(p for p in cov["points"] if p["point"] == "finances")
            assert finances["status"] == "covered" and "<script>" in finances["citations"][0]["quote"]
            page = client.get(f"/brieven/{lid}").text
    finally:
        app.state.jobs.close()
        app.state.registry.close()
    assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    section = page[page.index('id="toetsing"'):]
    assert "&lt;script&gt;" in section  # the quote in the coverage table, escaped as well
