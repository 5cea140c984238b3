"""The oversight checks in Debian's Chromium: the letter's assessment section, marking a covered point's
sentences, the Red Card form on the mission page (with and without JavaScript), axe-core, screenshots.

Screenshots go to tests/serve/screenshots/ (git-ignored): 20-... and up.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import SHARED_SEED, screenshot
from test_browser import _axe

pytestmark = pytest.mark.browser


def _ids(base: str, page) -> dict[str, int]:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/api/letters?per_page=200")
    return {(x["kamerstuk"] or x["date"]): x["id"] for x in json.loads(page.inner_text("body"))["items"]}


def _in_view(page, locator) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function("(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
                           arg=locator.element_handle())


def test_the_assessment_section_shows_on_an_example_letter(checks_live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    ids = _ids(checks_live_server, page)
    page.goto(f"{checks_live_server}/brieven/{ids['2025-04-04']}")
    section = page.locator("#toetsing")
    assert section.is_visible()
    assert section.locator("h2").inner_text() == "Toetsing"
    rows = section.locator("tr.a100-cov-row")
    assert rows.count() == 18
    assert "behandeld" in section.locator("#punt-finances").inner_text()
    summary = page.locator(".a100-oversight-summary").inner_text()
    assert re.search(r"\d+ van de 18 punten behandeld", summary)
    screenshot(page, "20-brief-toetsing-voorbeeld", selector="#toetsing")
    assert page.console_errors == []


def test_clicking_a_covered_point_marks_its_sentence(checks_live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    ids = _ids(checks_live_server, page)
    lid = ids["2025-04-04"]
    page.goto(f"{checks_live_server}/api/letters/{lid}/check")
    quotes = next(p for p in json.loads(page.inner_text("body"))["points"] if p["point"] == "finances")["citations"]
    page.goto(f"{checks_live_server}/brieven/{lid}")
    link = page.locator("#punt-finances a[data-mark]")
    link.click()
    marked = page.locator("#tekst .a100-mk--marked")
    marked.first.wait_for()
    _in_view(page, marked.first)
    text = " ".join(marked.all_inner_texts())
    assert quotes[0]["quote"][:40] in " ".join(text.split())
    assert page.evaluate("window.scrollY") > 300  # the text lies below the summary: the page scrolled up to it
    screenshot(page, "21-brief-punt-gemarkeerd", full_page=False)  # the viewport: where the click landed
    # Another point moves the mark.
    page.locator("#punt-risks_personnel a[data-mark]").click()
    assert " ".join(page.locator("#tekst .a100-mk--marked").all_inner_texts()) != text
    assert page.console_errors == []


def test_a_covered_point_links_to_its_sentence_without_javascript(checks_live_server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        ids = _ids(checks_live_server, page)
        page.goto(f"{checks_live_server}/brieven/{ids['2025-04-04']}")
        page.locator("#punt-finances a[data-mark]").click()
        assert "markeer=" in page.url and page.url.endswith("#treffer")
        assert page.locator("#treffer").is_visible()
        assert "miljoen euro" in "".join(page.locator("#tekst .a100-hit").all_inner_texts())
    finally:
        context.close()


@pytest.mark.skipif(not SHARED_SEED.is_dir(), reason="the seed letter needs ../shared (not present)")
def test_the_seed_shows_coverage_red_card_monitoring_motions_and_what_changed(checks_live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    ids = _ids(checks_live_server, page)
    page.goto(f"{checks_live_server}/brieven/{ids['2024-11-22']}")
    section = page.locator("#toetsing")
    legal = section.locator("#punt-legal_basis").inner_text()
    assert "via verwijzing" in legal and "27925-943" in legal and "die brief behandelt het punt" in legal
    assert section.locator("#punt-legal_basis a", has_text="27925-943").get_attribute("href") == f"/brieven/{ids['27925-943']}"
    assert "De Nederlandse Senior National Representative" in section.inner_text()
    visit = section.locator(".a100-visit").inner_text()
    assert "augustus 2024" in visit and "Aandachtspunt" in visit and "Bevinding" in visit and "mei 2025" in visit
    assert "beantwoord" in visit and "29521-480" in visit  # the progress report that answers it
    assert "Bosman c.s." in section.inner_text() and "27925-699" in section.inner_text()
    diff = section.locator("table.a100-diff").inner_text()
    assert "31 december 2024" in diff and "30 juni 2025" in diff
    assert "18.300.000" in section.inner_text()
    screenshot(page, "22-brief-toetsing-seed", selector="#toetsing")
    # A point of attention of the visit: the link marks it in the text.
    rec = section.locator(".a100-obs--attention").first
    quote = rec.locator(".a100-quote").first.inner_text().strip("“”")[:30]
    rec.locator("a[data-mark]").first.click()
    marked = page.locator("#tekst .a100-mk--marked")
    marked.first.wait_for()
    assert " ".join(" ".join(marked.all_inner_texts()).split()).startswith(quote)
    assert page.console_errors == []


def test_what_changed_on_an_extension(checks_live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    ids = _ids(checks_live_server, page)
    page.goto(f"{checks_live_server}/brieven/{ids['29521-141']}#wijzigingen")
    section = page.locator("#toetsing")
    assert "29521-120" in section.locator("#wijzigingen + p").inner_text()
    diff = section.locator("table.a100-diff").inner_text()
    assert "juli 2010" in diff and "31 december 2011" in diff and "verlengd" in diff
    screenshot(page, "23-brief-wat-veranderde", selector="table.a100-diff")


def test_the_red_card_form_answers_point_by_point(checks_live_server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{checks_live_server}/missies/NMI")
    summary = page.locator("#toetsing")
    assert summary.locator("tr[data-point]").count() == 18
    form = page.locator("#rode-kaart form")
    form.get_by_label("Datum van de taak").fill("2024-06-01")
    form.get_by_label("Eenheid").select_option("force protection")
    form.get_by_label("Plaats").fill("Camp Union III")
    form.get_by_label("Personeel").fill("140")
    form.get_by_role("button", name="Toets de taak").click()
    page.wait_for_url(re.compile(r"datum=2024-06-01"))
    verdict = page.locator(".a100-task-verdict")
    assert "binnen" in verdict.inner_text()
    rows = page.locator("table.a100-task-points tr[data-point]")
    assert rows.count() == 3 and all("binnen" in t for t in rows.all_inner_texts())
    assert "27925-943" in page.locator("table.a100-task-points").inner_text()
    screenshot(page, "24-missie-rode-kaart-binnen", selector="#rode-kaart")
    # The same framework, a task in Erbil: outside, and the form keeps what was asked.
    form = page.locator("#rode-kaart form")
    form.get_by_label("Plaats").fill("")
    form.get_by_label("De taak, in woorden").fill("escort of advisers to a meeting in Erbil")
    form.get_by_role("button", name="Toets de taak").click()
    page.wait_for_url(re.compile(r"Erbil"))
    assert "buiten" in page.locator(".a100-task-verdict").inner_text()
    assert page.locator("#rk-eenheid").input_value() == "force protection"
    place = page.locator("table.a100-task-points tr[data-point=place]").inner_text()
    assert "buiten" in place and "Erbil" in place
    screenshot(page, "25-missie-rode-kaart-buiten", selector="#rode-kaart")
    screenshot(page, "26-missie-toetsing")
    assert page.console_errors == []


def test_the_red_card_form_works_without_javascript_and_says_what_is_wrong(checks_live_server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{checks_live_server}/missies/ATALANTA")
        form = page.locator("#rode-kaart form")
        form.get_by_label("Datum van de taak").fill("2015-01-01")
        form.get_by_label("Eenheid").select_option("marine")
        form.get_by_role("button", name="Toets de taak").click()
        assert page.url.endswith("#rode-kaart") and "datum=2015-01-01" in page.url
        assert "buiten" in page.locator(".a100-task-verdict").inner_text()
        assert "31 december 2011" in page.locator("table.a100-task-points").inner_text()
        page.goto(f"{checks_live_server}/missies/ATALANTA?datum=2015-01-01&eenheid=F-35#rode-kaart")
        assert "F-35" in page.locator("#rk-fout").inner_text()
    finally:
        context.close()


def test_no_serious_accessibility_violations_on_the_assessment(checks_live_server: str, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        ids = _ids(checks_live_server, page)
        paths = [f"/brieven/{i}" for i in ids.values()]
        paths += ["/missies/NMI", "/missies/ATALANTA?datum=2015-01-01&eenheid=marine",
                  "/missies/NMI?datum=2024-06-01&eenheid=force+protection&plaats=Erbil&personeel=200&taak=aanval",
                  "/missies/NMI?datum=2024-99-01", "/missies/NMI?datum=2024-06-01&lang=en"]
        problems = {}
        for path in paths:
            page.goto(checks_live_server + path)
            found = _axe(page)
            if found:
                problems[path] = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in found]
        assert problems == {}
    finally:
        context.close()
