"""officielebekendmakingen (KOOP): a dossier's Kamerstukken through SRU.

The Tweede Kamer's API holds Tweede Kamer documents only; the Eerste Kamer's
copies of the same letters, and the XML and HTML of every Kamerstuk, are in
the KOOP repository. The query is the one seen against the live service
(``shared/research/open-data.md`` 3.2):
``c.product-area==officielepublicaties AND w.dossiernummer==29521 AND
w.publicatienaam=Kamerstuk``, narrowed by ``dt.modified>=`` on later runs.
Letters are picked out here, not in the query: ``subrubriek`` ``Brief``
(the ``w.subrubriek`` filter was never seen run), or, for a record without a
subrubriek, a title that starts with "brief" (parlhist's fallback).

The response is parsed by element *local* names, so the SRU 2.0 namespace and
the 1.2 one both work. Paging asks ``startRecord`` from 1 and stops when
``nextRecordPosition`` is absent or past ``numberOfRecords``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from lxml import etree

from .endpoints import Endpoints
from .errors import BadPayload, FetchError
from .http import PoliteClient, Response
from .odata import Dossier

__all__ = ["KoopRecord", "sru_query", "parse_response", "list_records"]

PAGE = 100


@dataclass
class KoopRecord:
    """One SRU record: a publication and its manifestations."""

    identifier: str  # "kst-29521-501"
    title: str | None
    chamber: str | None
    date: str | None
    modified: str | None
    dossiers: list[str] = field(default_factory=list)
    ondernummer: str | None = None
    vergaderjaar: str | None = None
    publication: str | None = None  # publicatienaam: "Kamerstuk"
    subrubriek: str | None = None  # "Brief", "Motie", ...
    signers: list[str] = field(default_factory=list)  # indiener
    urls: dict[str, str] = field(default_factory=dict)  # manifestation -> URL
    preferred_url: str | None = None

    @property
    def is_letter(self) -> bool:
        if self.subrubriek:
            return self.subrubriek.strip().lower() == "brief"
        return (self.title or "").strip().lower().startswith("brief")

    @property
    def kamerstuk(self) -> str | None:
        """``29521-501`` or ``29521-K``."""
        if self.dossiers and self.ondernummer:
            return f"{self.dossiers[0]}-{self.ondernummer}"
        parts = self.identifier.split("-", 1)
        return parts[1] if parts[0] == "kst" and len(parts) == 2 else None

    def as_json(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [], {})}


def sru_query(
    endpoints: Endpoints, dossier: Dossier, *, modified_since: str | None = None, dated_since: str | None = None,
    start: int = 1, maximum: int = PAGE,
) -> str:
    cql = f"c.product-area==officielepublicaties AND w.dossiernummer=={dossier} AND w.publicatienaam=Kamerstuk"
    if modified_since:
        cql += f" AND dt.modified>={modified_since[:10]}"
    if dated_since:
        cql += f" AND dt.date>={dated_since}"
    params = {"operation": "searchRetrieve", "query": cql, "startRecord": str(start),
              "maximumRecords": str(maximum), "recordSchema": "gzd", "httpAccept": "application/xml"}
    return endpoints.sru + "?" + urlencode(params, quote_via=quote, safe="")


def _first(el: etree._Element, name: str) -> str | None:
    found = el.find(f".//{{*}}{name}")
    if found is None:
        return None
    text = "".join(found.itertext()).strip()
    return text or None


def _all(el: etree._Element, name: str) -> list[str]:
    return [t for t in ("".join(f.itertext()).strip() for f in el.iterfind(f".//{{*}}{name}")) if t]


def _chamber(creator: str | None) -> str | None:
    low = (creator or "").lower()
    return "Eerste Kamer" if "eerste kamer" in low else "Tweede Kamer" if "tweede kamer" in low else None


def _record(rec: etree._Element) -> KoopRecord | None:
    data = rec.find(".//{*}recordData")
    if data is None:
        return None
    identifier = _first(data, "identifier")
    if not identifier:
        return None
    kern = data.find(".//{*}owmskern")
    mantel = data.find(".//{*}owmsmantel")
    urls = {}
    for item in data.iterfind(".//{*}itemUrl"):
        if item.text and item.get("manifestation"):
            urls[item.get("manifestation")] = item.text.strip()
    dossiers = []
    for value in _all(data, "dossiernummer"):
        dossiers += [d.strip().replace(" ", "") for d in value.split(";") if d.strip()]
    return KoopRecord(
        identifier=identifier,
        title=_first(data, "documenttitel") or _first(kern if kern is not None else data, "title"),
        chamber=_chamber(_first(data, "creator")),
        date=(_first(mantel, "date") if mantel is not None else None) or _first(data, "issued") or _first(data, "available"),
        modified=_first(kern if kern is not None else data, "modified"),
        dossiers=dossiers,
        ondernummer=_first(data, "ondernummer"),
        vergaderjaar=_first(data, "vergaderjaar"),
        publication=_first(data, "publicatienaam"),
        subrubriek=_first(data, "subrubriek"),
        signers=_all(data, "indiener"),
        urls=urls,
        preferred_url=_first(data, "preferredUrl"),
    )


def _validate(response: Response) -> None:
    try:
        root = etree.fromstring(response.content, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise BadPayload(f"the SRU response is not XML ({exc})") from None
    if etree.QName(root).localname != "searchRetrieveResponse":
        raise BadPayload(f"the SRU response is a <{etree.QName(root).localname}>, not a searchRetrieveResponse")


def parse_response(content: bytes) -> tuple[list[KoopRecord], int, int | None]:
    """Records, ``numberOfRecords`` and ``nextRecordPosition`` (None when absent)."""
    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    diagnostic = _first(root, "diagnostics")
    total_text = next((el.text for el in root if etree.QName(el).localname == "numberOfRecords"), None)
    if total_text is None and diagnostic:
        raise BadPayload(f"the SRU service says: {diagnostic}")
    total = int(total_text or 0)
    records_el = next((el for el in root if etree.QName(el).localname == "records"), None)
    records = []
    if records_el is not None:
        for rec in records_el:
            parsed = _record(rec)
            if parsed is not None:
                records.append(parsed)
    nxt = next((el.text for el in root if etree.QName(el).localname == "nextRecordPosition"), None)
    return records, total, int(nxt) if nxt and nxt.strip().isdigit() else None


def list_records(
    client: PoliteClient, endpoints: Endpoints, dossier: Dossier, *, modified_since: str | None = None,
    dated_since: str | None = None, page: int = PAGE,
) -> Iterator[list[KoopRecord]]:
    """Page through the dossier's Kamerstukken, one list per page (letters and others)."""
    start = 1
    while True:
        url = sru_query(endpoints, dossier, modified_since=modified_since, dated_since=dated_since,
                        start=start, maximum=page)
        try:
            response = client.get(url, {"Accept": "application/xml"}, validate=_validate)
        except FetchError as exc:
            if "not XML" in str(exc) or "not a searchRetrieveResponse" in str(exc):
                raise BadPayload(str(exc)) from None
            raise
        if response.status != 200:
            raise FetchError(f"{url}: HTTP {response.status}")
        records, total, nxt = parse_response(response.content)
        yield [r for r in records if str(dossier) in r.dossiers or not r.dossiers]
        following = nxt if nxt is not None else start + len(records)
        if not records or following <= start or following > total:
            return
        start = following
