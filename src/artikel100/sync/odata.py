"""The Tweede Kamer's Gegevensmagazijn, OData v4: government letters of a dossier.

The query follows ``shared/research/open-data.md`` section 1: the soort as
``Soort eq 'Brief regering'``, the dossier as
``Kamerstukdossier/any(d: d/Nummer eq 29521)`` (``Document.Kamerstukdossier``
is a collection), ``$expand=Kamerstukdossier,DocumentActor``, and no
``Verwijderd eq false`` so deleted documents come back as tombstones. The
incremental filter is ``ApiGewijzigdOp ge <stamp>`` (UTC, as the API wrote
it) and the order ``ApiGewijzigdOp`` so that pages are stable. Pages are
followed through ``@odata.nextLink`` until it is absent.

Where the note marks a shape as seen only in fixtures or inferred, the
parser takes both readings: ``Kamerstukdossier`` as a list or one object,
``Kamer`` as an integer or a name, dates with or without an offset.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from .endpoints import Endpoints
from .errors import BadPayload, FetchError
from .http import PoliteClient, Response

__all__ = ["LETTER_SOORT", "Dossier", "TkDocument", "document_query", "parse_page", "list_documents"]

LETTER_SOORT = "Brief regering"
_CHAMBERS = {1: "Eerste Kamer", 2: "Tweede Kamer"}


@dataclass(frozen=True)
class Dossier:
    """A Kamerstukdossier: ``29521``, or ``31200-VII`` with its toevoeging."""

    number: int
    toevoeging: str | None = None

    @classmethod
    def parse(cls, value: str) -> Dossier:
        text = value.strip().replace(" ", "")
        number, _, suffix = text.partition("-")
        if not number.isdigit():
            raise ValueError(f"{value!r} is not a dossier number (like 29521 or 31200-VII)")
        return cls(int(number), suffix or None)

    def __str__(self) -> str:
        return f"{self.number}-{self.toevoeging}" if self.toevoeging else str(self.number)


def _escape(value: str) -> str:
    return value.replace("'", "''")  # OData string literals double their quotes


def document_query(
    endpoints: Endpoints, dossier: Dossier, *, changed_since: str | None = None, dated_since: str | None = None,
    soort: str = LETTER_SOORT, top: int | None = None,
) -> str:
    """The first page's URL for a dossier's letters."""
    clauses = [f"Soort eq '{_escape(soort)}'", f"Kamerstukdossier/any(d: d/Nummer eq {dossier.number})"]
    if dossier.toevoeging:
        clauses.append(f"Kamerstukdossier/any(d: d/Toevoeging eq '{_escape(dossier.toevoeging)}')")
    if changed_since:
        clauses.append(f"ApiGewijzigdOp ge {changed_since}")
    if dated_since:
        clauses.append(f"Datum ge {dated_since}T00:00:00Z")
    params = {"$filter": " and ".join(clauses), "$expand": "Kamerstukdossier,DocumentActor", "$orderby": "ApiGewijzigdOp"}
    if top:
        params["$top"] = str(top)
    return f"{endpoints.odata}Document?" + urlencode(params, quote_via=quote, safe="$,'():/")


def _chamber(value: Any) -> str | None:
    if isinstance(value, int):
        return _CHAMBERS.get(value)
    if isinstance(value, str):
        if value.isdigit():
            return _CHAMBERS.get(int(value))
        return "Eerste Kamer" if "eerste" in value.lower() else "Tweede Kamer" if "tweede" in value.lower() else None
    return None


def _day(value: Any) -> str | None:
    """The calendar date of an OData datetime, as the Kamer wrote it (local date)."""
    return value[:10] if isinstance(value, str) and len(value) >= 10 else None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass
class TkDocument:
    """A ``Document`` entity, with the fields the sync uses."""

    id: str
    soort: str | None
    number: str | None  # DocumentNummer, "2025D30000"
    title: str | None
    subject: str | None
    date: str | None  # YYYY-MM-DD
    chamber: str | None
    volgnummer: int | None
    vergaderjaar: str | None
    content_type: str | None
    content_length: int | None
    changed: str | None  # ApiGewijzigdOp
    deleted: bool
    dossiers: list[Dossier] = field(default_factory=list)
    actors: list[dict[str, str | None]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> TkDocument:
        if not isinstance(item, dict) or not isinstance(item.get("Id"), str):
            raise BadPayload(f"a Document without an Id: {str(item)[:80]}")
        dossiers_raw = item.get("Kamerstukdossier") or []
        if isinstance(dossiers_raw, dict):  # one reference, as in the SyncFeed XSD
            dossiers_raw = [dossiers_raw]
        dossiers = []
        for d in dossiers_raw:
            number = _int(d.get("Nummer")) if isinstance(d, dict) else None
            if number is not None:
                dossiers.append(Dossier(number, d.get("Toevoeging") or None))
        actors = [
            {"name": a.get("ActorNaam"), "role": a.get("Functie"), "relation": a.get("Relatie"),
             "party": a.get("ActorFractie")}
            for a in (item.get("DocumentActor") or []) if isinstance(a, dict) and a.get("ActorNaam")
        ]
        return cls(
            id=item["Id"].lower(), soort=item.get("Soort"), number=item.get("DocumentNummer"),
            title=item.get("Titel"), subject=item.get("Onderwerp"), date=_day(item.get("Datum")),
            chamber=_chamber(item.get("Kamer")), volgnummer=_int(item.get("Volgnummer")),
            vergaderjaar=item.get("Vergaderjaar"), content_type=item.get("ContentType") or None,
            content_length=_int(item.get("ContentLength")), changed=item.get("ApiGewijzigdOp") or item.get("GewijzigdOp"),
            deleted=bool(item.get("Verwijderd")), dossiers=dossiers, actors=actors,
            raw={k: v for k, v in item.items() if not k.startswith("@") and not isinstance(v, (list, dict))},
        )

    def kst_id(self, dossier: Dossier) -> str | None:
        """The officielebekendmakingen id of this Kamerstuk (``kst-29521-501``), if it is one."""
        if self.volgnummer is None or self.volgnummer < 0:
            return None
        return f"kst-{dossier}-{self.volgnummer}"

    def signatories(self) -> list[dict[str, str | None]]:
        """The DocumentActors who signed: those whose Relatie says so, else all of them."""
        signing = [a for a in self.actors if "ondertek" in (a.get("relation") or "").lower()]
        return signing or list(self.actors)


def _validate_page(response: Response) -> None:
    try:
        data = json.loads(response.content)
    except ValueError as exc:
        raise BadPayload(f"the page is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise BadPayload("the page has no 'value' list (not an OData collection)")


def parse_page(content: bytes) -> tuple[list[TkDocument], str | None]:
    """One collection page: its Documents and the ``@odata.nextLink`` (None on the last page)."""
    data = json.loads(content)
    docs = [TkDocument.from_json(item) for item in data["value"]]
    nxt = data.get("@odata.nextLink")
    return docs, nxt if isinstance(nxt, str) and nxt else None


def _odata_error(response: Response) -> str:
    try:
        message = json.loads(response.content)["error"]["message"]
    except (ValueError, KeyError, TypeError):
        message = response.content[:120].decode("utf-8", "replace").strip()
    return f"HTTP {response.status}: {message}" if message else f"HTTP {response.status}"


def list_documents(client: PoliteClient, endpoints: Endpoints, first_url: str) -> Iterator[list[TkDocument]]:
    """Page through a Document collection, one list of Documents per page.

    Raises:
        FetchError: a page failed after every retry, or the server refused the query.
        BadPayload: a page stayed malformed, or a next link leads elsewhere.
    """
    url: str | None = first_url
    seen: set[str] = set()
    while url:
        if url in seen:
            raise BadPayload(f"{url}: the next link repeats a page already read")
        seen.add(url)
        try:
            response = client.get(url, {"Accept": "application/json"}, validate=_validate_page)
        except FetchError as exc:
            if "not valid JSON" in str(exc) or "no 'value' list" in str(exc):
                raise BadPayload(str(exc)) from None
            raise
        if response.status != 200:
            raise FetchError(f"{url}: {_odata_error(response)}")
        docs, nxt = parse_page(response.content)
        yield docs
        url = endpoints.follow(nxt, url) if nxt else None
