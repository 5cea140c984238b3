"""The site in Debian's Chromium through Playwright: clicks, search, upload, language, axe-core, screenshots.

Screenshots of every page are written to tests/serve/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SHARED_SEED, TOKEN, screenshot

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def _letter_id(base: str, page, year: int) -> int:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/api/letters?year={year}")
    return json.loads(page.inner_text("body"))["items"][0]["id"]


def test_overview_shows_the_deployments(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server + "/")
    table = page.locator("#ingezet + .utrecht-table-container table")
    assert "Kosovo Force" in table.inner_text()
    if SHARED_SEED.is_dir():
        assert "NATO Mission Iraq" in table.inner_text() and "145" in table.inner_text()
    assert page.locator("svg.a100-chart rect.a100-bar").count() >= 4
    screenshot(page, "01-overzicht")
    assert page.console_errors == []


def test_clicking_a_head_count_shows_its_sentence_and_the_fact_scrolls_to_it(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    lid = _letter_id(live_server, page, 2025)
    page.goto(f"{live_server}/brieven/{lid}")
    head_count = page.locator("a.a100-hl.a100-kind-personnel", has_text="110").first
    head_count.click()
    popover = page.locator("#a100-popover")
    assert popover.is_visible()
    assert "De vier F-35's worden met ongeveer 110 militairen" in popover.inner_text()
    screenshot(page, "03-brief-feit-getoond")
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    # Click a fact far down the list: the page scrolls to its words and marks them.
    fact = page.locator(".a100-fact.a100-kind-commitment").last
    fact_id = fact.get_attribute("data-fact")
    page.evaluate("window.scrollTo(0, 0)")
    fact.locator("[data-goto]").click()
    marked = page.locator(f'a.a100-hl.a100-hl--marked[data-facts~="{fact_id}"]').first
    marked.wait_for()
    page.wait_for_function("(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
                           arg=marked.element_handle())
    assert page.evaluate("window.scrollY") > 300
    screenshot(page, "02-brief")
    assert page.console_errors == []


def test_highlights_and_footnotes_work_without_javascript(live_server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server + "/brieven?jaar=2025")
        page.locator("tbody a").first.click()
        page.locator("a.a100-hl.a100-kind-personnel", has_text="110").first.click()
        assert re.search(r"#fact-\d+$", page.url)
        page.locator("a.a100-fnref, sup.a100-fnref a").first.click()
        assert page.url.endswith("#fn-1")
        screenshot(page, "04-brief-zonder-javascript")
    finally:
        context.close()


def test_repair_toggle(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    lid = _letter_id(live_server, page, 2004)
    page.goto(f"{live_server}/brieven/{lid}")
    page.get_by_role("link", name="Wat herstel veranderde").click()
    assert "weergave=herstel" in page.url
    assert page.locator(".a100-change del", has_text="óptreden").count() == 1
    screenshot(page, "05-brief-herstel")


def test_search_without_diacritics_finds_them(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    # "Serviërs" is in the KFOR example the package ships, so this runs without ../shared too.
    page.goto(live_server + "/zoeken")
    page.get_by_label("Woorden").fill("serviers")
    page.get_by_role("button", name="Zoeken").click()
    marks = page.locator(".a100-snippet mark")
    assert marks.count() >= 1
    assert any("Serviërs" in t for t in marks.all_inner_texts())
    screenshot(page, "06-zoeken")
    page.locator(".a100-result h3 a").first.click()
    assert page.locator("#treffer").is_visible()


def test_upload_with_the_token_lands_on_the_letter(live_server: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "nieuwe_brief.txt"
    letter.write_text(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2025\n\n"
        "Hierbij informeert het kabinet uw Kamer, conform artikel 100 van de Grondwet, over het besluit om "
        "vanaf 1 april 2025 tot en met 31 maart 2026 een fregat met circa 150 militairen bij te dragen aan de "
        "EU-operatie Aspides in de Rode Zee.\n\nDe minister van Defensie,\n\nR. Brekelmans\n", encoding="utf-8")
    # Without the token: the upload page asks to sign in, and a wrong token is refused.
    page.goto(live_server + "/uploaden")
    assert "/aanmelden" in page.url
    screenshot(page, "07-aanmelden")
    page.get_by_label("Token").fill("wrong")
    page.get_by_role("button", name="Aanmelden").click()
    assert page.locator(".utrecht-alert--error").inner_text() == "Dat is niet het token."
    page.goto(live_server + "/uploaden")
    assert "/aanmelden" in page.url
    page.get_by_label("Token").fill(TOKEN)
    page.get_by_role("button", name="Aanmelden").click()
    assert page.url.endswith("/uploaden")
    screenshot(page, "08-uploaden")
    page.get_by_label("De brief").set_input_files(str(letter))
    page.get_by_role("button", name="Uploaden en lezen").click()
    page.wait_for_url(re.compile(r"/brieven/\d+$"), timeout=60_000)
    assert "Aspides" in page.locator("#tekst").inner_text()


def test_upload_without_the_token_is_refused(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server + "/")
    status = page.evaluate("""async () => {
        const body = new FormData(); body.append('file', new Blob(['tekst']), 'a.txt');
        const r = await fetch('/api/letters', {method: 'POST', body});
        return [r.status, (await r.json()).error.code];
    }""")
    assert status == [401, "unauthorized"]


def test_the_english_switch_changes_the_labels(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server + "/toezeggingen")
    assert page.locator("h1").inner_text() == "Toezeggingen"
    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == "Commitments"
    assert page.get_by_role("link", name="Overview").is_visible()
    page.goto(live_server + "/missies")
    assert page.locator("h1").inner_text() == "Missions"
    screenshot(page, "09-english")
    page.get_by_role("link", name="Nederlands").click()
    assert page.locator("h1").inner_text() == "Missies"


PAGES = [("10-brieven", "/brieven"), ("11-missies", "/missies"), ("12-missie", "/missies/KFOR"),
         ("13-toezeggingen", "/toezeggingen"), ("14-fout", "/brieven/999999"), ("15-api", "/api/docs")]


def _axe(page) -> list[dict]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violations_on_any_page(live_server: str, browser) -> None:  # type: ignore[no-untyped-def]
    # axe is injected as a script, which our CSP would rightly block: this context bypasses CSP for the check only.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server + "/api/letters")
        ids = [x["id"] for x in json.loads(page.inner_text("body"))["items"]]
        paths = ["/", "/zoeken?q=syrie", "/uploaden", "/aanmelden"] + [p for _n, p in PAGES if p != "/api/docs"]
        paths += [f"/brieven/{i}" for i in ids] + [f"/brieven/{ids[0]}?weergave=herstel"]
        problems = {}
        for path in paths:
            page.goto(live_server + path)
            found = _axe(page)
            if found:
                problems[path] = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in found]
        assert problems == {}
    finally:
        context.close()


def test_screenshots_of_the_other_pages(live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    for name, path in PAGES:
        page.goto(live_server + path)
        if path == "/api/docs":
            page.locator(".opblock").first.wait_for(timeout=20_000)
        screenshot(page, name)
        if name == "14-fout":  # the 404 is the point of that page
            page.console_errors.clear()
    assert page.console_errors == []
