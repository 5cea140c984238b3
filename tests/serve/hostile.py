"""A letter whose every field carries markup, the routes of the app, and what "inert" means.

The hostile letter is a kamerstuk XML file (the reader decodes the entities,
so the cleaned text holds the literal ``<script>``): its dossier title, its
heading, its text, a footnote, a cost, a commitment, a bare
``javascript:`` link, its signatory and its file name each carry a payload
with its own marker, so a test can tell which field leaked.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

import lxml.etree
import lxml.html
from fastapi.routing import APIRoute

PAYLOADS = {
    "dossier": '<script>alert("dossier")</script>',
    "heading": '<img src=x onerror=alert("heading")>',
    "text": '<script>alert("text")</script>',
    "footnote": '<a href="javascript:alert(\'footnote\')">hier</a> en <svg onload=alert("footnote2")>',
    "cost": '<iframe src="javascript:alert(\'cost\')"></iframe>',
    "commitment": '"><script>alert("commitment")</script>',
    "link": "javascript:alert('link')",
    "signatory": '<script>alert("signatory")</script>',
    "template": "{{ 7 * 7 }}{% raw %}",
}
FILE_NAME = '<img src=x onerror=alert("file")>.xml'


def hostile_xml() -> bytes:
    p = {k: escape(v, {'"': "&#34;"}) for k, v in PAYLOADS.items()}
    return (
        '<?xml version="1.0" encoding="UTF-8"?><kamerstuk><kamerstukkop/><dossier><dossiernummer>27925</dossiernummer>'
        f'<titel>Bestrijding internationaal terrorisme {p["dossier"]}</titel></dossier><stuk><stuknr>999</stuknr>'
        f'<titel>BRIEF VAN DE MINISTER VAN DEFENSIE {p["heading"]}</titel><brief>'
        '<al>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</al><al>Den Haag, 3 maart 2025</al>'
        '<al>Hierbij informeert het kabinet uw Kamer, conform artikel 100 van de Grondwet, over het besluit om circa '
        f'150 militairen bij te dragen aan de anti-ISIS coalitie in Irak {p["text"]} tot en met 31 december 2025.'
        f'<noot><noot.nr>1</noot.nr><al>Zie {p["footnote"]}.</al></noot></al>'
        f'<al>De kosten bedragen circa 12 miljoen euro {p["cost"]}. Het kabinet zal uw Kamer voor 1 juli 2025 '
        f'informeren over de voortgang {p["commitment"]}.</al>'
        f'<al>Kijk op {p["link"]} voor meer informatie. {p["template"]}</al>'
        '<ondertekening><functie>De minister van Defensie,</functie>'
        f'<naam>R. Brekelmans {p["signatory"]}</naam></ondertekening></brief></stuk></kamerstuk>'
    ).encode()


# Markup that must never reach a page as markup (it may appear escaped, as text).
RAW = ("<script>alert", "<img src=x", "<svg onload", "<iframe", '<a href="javascript:', "onerror=alert(\"")
_URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc", "background"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def assert_inert_html(html: str, where: str) -> lxml.html.HtmlElement:
    """No markup of a letter (or a request) runs: parsed as a browser would see it.

    Returns the parsed document so a test can check the payload is shown as text.
    """
    for raw in RAW:
        assert raw not in html, f"{where}: {raw!r} in the page as markup"
    doc = lxml.html.document_fromstring(html)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower().rsplit("}", 1)[-1]
        assert tag not in ("iframe", "object", "embed", "base", "frame", "applet"), f"{where}: <{tag}>"
        if tag == "script":
            assert el.get("src", "").startswith("/static/") and not (el.text or "").strip(), f"{where}: inline script"
        if tag == "meta":
            assert (el.get("http-equiv") or "").lower() != "refresh", f"{where}: meta refresh"
        for name, value in el.attrib.items():
            name = name.lower().rsplit("}", 1)[-1]
            assert not name.startswith("on"), f"{where}: <{tag} {name}=...>"
            if name in _URL_ATTRS or name == "style":
                flat = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not flat.startswith(_BAD_SCHEMES) and "javascript:" not in flat, f"{where}: {name}={value!r}"
    return doc


def assert_inert_feed(xml: bytes, where: str) -> lxml.etree._Element:
    """An Atom feed: its text fields are plain text (a feed reader would render type="html")."""
    root = lxml.etree.fromstring(xml)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = el.tag.rsplit("}", 1)[-1]
        assert local != "script", f"{where}: a script element"
        if local in ("title", "summary", "content", "subtitle", "rights"):
            assert el.get("type", "text") == "text", f"{where}: <{local} type={el.get('type')}>"
    return root


def all_routes(app: Any) -> list[APIRoute]:
    """Every API route of the app, through included routers (FastAPI includes them lazily)."""
    out: list[APIRoute] = []

    def walk(routes: list[Any], prefix: str) -> None:
        for r in routes:
            if isinstance(r, APIRoute):
                if prefix:
                    import copy

                    r = copy.copy(r)
                    r.path = prefix + r.path
                out.append(r)
            elif hasattr(r, "original_router"):
                walk(r.original_router.routes, prefix + (r.include_context.prefix or ""))

    walk(app.routes, "")
    return out


def get_routes(app: Any) -> list[APIRoute]:
    """Every route of the app that answers GET (pages, API, feeds)."""
    return [r for r in all_routes(app) if "GET" in r.methods]


def post_routes(app: Any) -> list[APIRoute]:
    return [r for r in all_routes(app) if "POST" in r.methods]


def query_names(route: APIRoute) -> list[str]:
    return [p.alias for p in route.dependant.query_params]


def path_names(route: APIRoute) -> list[str]:
    return [p.alias for p in route.dependant.path_params]


def fill_path(route: APIRoute, values: dict[str, str], override: dict[str, str] | None = None) -> str:
    """The route's path with its parameters filled from ``values`` (``override`` first)."""
    from urllib.parse import quote

    out = route.path
    for name in path_names(route):
        value = (override or {}).get(name, values.get(name, "1"))
        out = out.replace("{" + name + "}", quote(value, safe=""))
    return out
