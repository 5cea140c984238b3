"""A local fake of the open data, for tests and for trying ``artikel100 sync`` by hand.

    python -m tests.sync.fake_server [--port 8765] [--phase 1|2] [--page-size 250]

serves, on 127.0.0.1 only, what ``shared/research/open-data.md`` documents:

- ``/OData/v4/2.0/Document`` with ``$filter`` (``Soort eq '...'``,
  ``Kamerstukdossier/any(d: d/Nummer eq N)``, ``Verwijderd eq false``,
  ``ApiGewijzigdOp ge ...``, ``Datum ge ...``), ``$expand``, ``$orderby``,
  ``$top``, ``$skip``; the envelope ``@odata.context`` / ``value`` /
  ``@odata.nextLink`` (the request URL with ``&$skip=N`` appended), pages
  of 250 unless told otherwise; an unknown filter is HTTP 400 with an OData
  ``error.message``;
- ``/OData/v4/2.0/Document(<guid>)/resource`` (and the
  ``TK.DA.GGM.OData.Resource()`` alias) with ``ETag``, ``Last-Modified`` and
  304 for conditional requests;
- ``/sru`` (SRU 2.0 namespaces, the gzd record tree of section 3.3,
  ``numberOfRecords``, ``recordPosition``, ``nextRecordPosition``);
- ``/frbr/officielepublicaties/kst/<dossier>/<id>/1/<manifestation>/<file>``.

Phase 2 is the same data a few weeks later: one document changed (its Word
draft replaced by the final PDF) and one deleted. Tests drive faults
(``FakeOpenData.fault``): 429 with Retry-After, 500, a stall past the
client's timeout, a truncated body, a malformed JSON page, or a response held
back until released (to kill a sync in the middle).
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_fixtures import MIME, catalogue, render  # noqa: E402

__all__ = ["FakeOpenData", "serve"]

ODATA = "/OData/v4/2.0/"
SRU_NS = "http://docs.oasis-open.org/ns/search-ws/sruResponse"


@dataclass
class Logged:
    path: str
    status: int
    complete: bool
    headers: dict[str, str]


@dataclass
class FakeOpenData:
    """The fake's data and behaviour; ``serve`` puts it on a port."""

    phase: int = 1
    page_size: int = 250
    sru_page_limit: int = 1000
    faults: list[tuple[str, str]] = field(default_factory=list)
    log: list[Logged] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    blocked: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def fault(self, where: str, action: str, times: int = 1) -> None:
        """Answer the next ``times`` requests whose path contains ``where`` with ``action``."""
        with self.lock:
            self.faults.extend([(where, action)] * times)

    def take_fault(self, path: str) -> str | None:
        with self.lock:
            for i, (where, action) in enumerate(self.faults):
                if where in path:
                    del self.faults[i]
                    return action
        return None

    def files_served(self) -> list[str]:
        """Paths of files sent completely with 200 (a file sent twice appears twice)."""
        return [e.path for e in self.log if e.complete and e.status == 200 and _is_file(e.path)]

    # --- the data --------------------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        out = []
        for doc in catalogue()["documents"]:
            doc = dict(doc)
            if self.phase >= 2 and "phase2" in doc:
                doc.update(doc["phase2"])
            out.append(doc)
        return out

    def tk_documents(self) -> list[dict[str, Any]]:
        return [d for d in self.documents() if not d.get("koop_only")]

    def file_of(self, doc: dict[str, Any]) -> tuple[bytes, str] | None:
        if not doc.get("letter") or not doc.get("format"):
            return None
        return render(doc["letter"], doc["format"], doc["dossier"], str(doc["Volgnummer"]), "Tweede Kamer",
                      doc["Vergaderjaar"]), doc["format"]

    def entity(self, doc: dict[str, Any], expand: set[str]) -> dict[str, Any]:
        got = self.file_of(doc)
        deleted = bool(doc.get("Verwijderd"))
        item: dict[str, Any] = {
            "Id": doc["Id"], "Soort": doc["Soort"], "DocumentNummer": doc["DocumentNummer"],
            "Titel": catalogue()["dossiers"][str(doc["dossier"])], "Onderwerp": doc["Onderwerp"],
            "Datum": doc["Datum"], "Vergaderjaar": doc["Vergaderjaar"], "Kamer": doc["Kamer"],
            "Volgnummer": doc["Volgnummer"], "Citeertitel": None, "Alias": None,
            "DatumRegistratie": doc["Datum"], "DatumOntvangst": None, "Aanhangselnummer": None,
            "KenmerkAfzender": None, "Organisatie": "Defensie",
            "ContentType": MIME[got[1]] if got and not deleted else None,
            "ContentLength": len(got[0]) if got and not deleted else None,
            "GewijzigdOp": doc["GewijzigdOp"], "ApiGewijzigdOp": doc["ApiGewijzigdOp"], "Verwijderd": deleted,
        }
        if "Kamerstukdossier" in expand:
            n = doc["dossier"]
            item["Kamerstukdossier"] = [{
                "Id": f"00000000-0000-4000-8000-{n:012d}", "Nummer": n, "Toevoeging": None,
                "Titel": catalogue()["dossiers"][str(n)], "Citeertitel": None, "Alias": None,
                "HoogsteVolgnummer": 505, "Afgesloten": False, "Kamer": "Tweede Kamer", "Verwijderd": False,
            }]
        if "DocumentActor" in expand:
            item["DocumentActor"] = [{
                "Id": hashlib.md5(f"{doc['Id']}{i}".encode()).hexdigest()[:8] + "-0000-4000-8000-000000000000",
                "ActorNaam": name, "ActorFractie": None, "Functie": role, "Relatie": relation,
                "Persoon_Id": None, "Fractie_Id": None, "Commissie_Id": None, "Verwijderd": False,
            } for i, (name, role, relation) in enumerate(doc.get("actors") or [])]
        return item

    def koop_records(self) -> list[dict[str, Any]]:
        return [d for d in self.documents() if d.get("koop")]

    def koop_file(self, doc: dict[str, Any], manifestation: str) -> bytes | None:
        koop = doc["koop"]
        if manifestation not in koop["manifestations"]:
            return None
        if koop.get("subrubriek", "Brief") != "Brief" or not doc.get("letter"):
            return b'<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><kamerstuk><stuk><titel>MOTIE</titel></stuk></kamerstuk></officiele-publicatie>'
        if manifestation == "xml" and koop.get("empty_xml"):
            return b'<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><metadata/></officiele-publicatie>'
        return render(doc["letter"], manifestation, doc["dossier"], koop["ondernummer"], koop["chamber"],
                      doc["Vergaderjaar"])


def _is_file(path: str) -> bool:
    return "/resource" in path or "Resource()" in path or path.startswith("/frbr/")


# --- OData ------------------------------------------------------------------------------

_CLAUSES = [
    (re.compile(r"Verwijderd eq (true|false)"), lambda d, m: bool(d.get("Verwijderd")) == (m.group(1) == "true")),
    (re.compile(r"Soort eq '((?:[^']|'')*)'"), lambda d, m: d["Soort"] == m.group(1).replace("''", "'")),
    (re.compile(r"Kamerstukdossier/any\((\w+): ?\1/Nummer eq (\d+)\)"), lambda d, m: d["dossier"] == int(m.group(2))),
    (re.compile(r"Kamerstukdossier/any\((\w+): ?\1/Toevoeging eq '((?:[^']|'')*)'\)"), lambda d, m: False),
    (re.compile(r"ApiGewijzigdOp ge (\S+)"), lambda d, m: d["ApiGewijzigdOp"] >= m.group(1)),
    (re.compile(r"Datum ge (\S+)"), lambda d, m: d["Datum"][:10] >= m.group(1)[:10]),
]


def _odata_filter(text: str) -> list[tuple[re.Pattern[str], Any, re.Match[str]]] | None:
    out = []
    for clause in [c.strip() for c in text.split(" and ")] if text else []:
        for pattern, test in _CLAUSES:
            m = pattern.fullmatch(clause)
            if m:
                out.append((pattern, test, m))
                break
        else:
            return None
    return out


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeOpenData/1.0"
    protocol_version = "HTTP/1.1"
    fake: FakeOpenData  # set on the subclass by ``serve``

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    # --- plumbing ---
    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None,
              truncate: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        complete = True
        try:
            if truncate:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                complete = False
            elif self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            complete = False
        with self.fake.lock:
            self.fake.log.append(Logged(self.path, status, complete, dict(self.headers)))

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; odata.metadata=minimal")

    def _error(self, status: int, message: str) -> None:
        self._json(status, {"error": {"code": "", "message": message}})

    def do_GET(self) -> None:  # noqa: N802
        fake = self.fake
        action = fake.take_fault(self.path)
        if action:
            kind, _, arg = action.partition(":")
            if kind == "429":
                self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": arg or "1"})
                return
            if kind == "429date":
                when = email.utils.formatdate(time.time() + float(arg or 1), usegmt=True)
                self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": when})
                return
            if kind == "500":
                self._send(500, b"<Error><Message>An error has occurred.</Message></Error>", "application/xml")
                return
            if kind == "sleep":
                time.sleep(float(arg))
            if kind == "badjson":
                self._send(200, b'{"@odata.context": "x", "value": [{"Id": "7d6c', "application/json")
                return
            if kind == "block":
                # Held until released, then dropped unanswered: the client was killed meanwhile.
                fake.blocked.set()
                fake.release.wait(60)
                self.close_connection = True
                with fake.lock:
                    fake.log.append(Logged(self.path, 0, False, dict(self.headers)))
                return
            self._route(truncate=kind == "truncate")
            return
        self._route()

    def _route(self, truncate: bool = False) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        m = re.fullmatch(re.escape(ODATA) + r"Document\(([0-9a-fA-F-]{36})\)/(resource|TK\.DA\.GGM\.OData\.Resource\(\))", path)
        if m:
            return self._resource(m.group(1).lower(), truncate)
        if path == ODATA + "Document":
            return self._documents(query, parts.query)
        if path == "/sru":
            return self._sru(query)
        m = re.fullmatch(r"/frbr/officielepublicaties/kst/([^/]+)/([^/]+)/1/(\w+)/[^/]+", path)
        if m:
            return self._frbr(m.group(2), m.group(3), truncate)
        self._error(404, f"No HTTP resource was found that matches the request URI '{path}'.")

    # --- OData ---
    def _documents(self, query: dict[str, list[str]], raw_query: str) -> None:
        fake = self.fake
        clauses = _odata_filter(query.get("$filter", [""])[0])
        if clauses is None:
            return self._error(400, "The query specified in the URI is not valid. Could not parse $filter.")
        docs = [d for d in fake.tk_documents() if all(test(d, m) for _p, test, m in clauses)]
        order = query.get("$orderby", ["Id"])[0].split()
        key = order[0] if order else "Id"
        docs.sort(key=lambda d: (str(d.get(key, d.get("Id"))), d["Id"]), reverse=len(order) > 1 and order[1] == "desc")
        skip = int(query.get("$skip", ["0"])[0])
        top = int(query["$top"][0]) if "$top" in query else None
        size = min(fake.page_size, top) if top else fake.page_size
        page = docs[skip : skip + size]
        expand = set(query.get("$expand", [""])[0].split(","))
        body: dict[str, Any] = {"@odata.context": f"{fake.base}{ODATA}$metadata#Document",
                                "value": [fake.entity(d, expand) for d in page]}
        remaining = (top - skip - len(page)) if top else len(docs) - skip - len(page)
        if remaining > 0 and len(page) == size:
            kept = "&".join(p for p in raw_query.split("&") if not p.startswith(("$skip=", "%24skip=")))
            body["@odata.nextLink"] = f"{fake.base}{ODATA}Document?{kept}&$skip={skip + size}"
        self._json(200, body)

    def _conditional(self, data: bytes, stamp: str) -> tuple[dict[str, str], bool]:
        etag = '"' + hashlib.sha256(data).hexdigest()[:20] + '"'
        when = email.utils.format_datetime(_parse_stamp(stamp), usegmt=True)
        fresh = self.headers.get("If-None-Match") == etag or (
            self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == when)
        return {"ETag": etag, "Last-Modified": when}, fresh

    def _resource(self, guid: str, truncate: bool) -> None:
        doc = next((d for d in self.fake.tk_documents() if d["Id"] == guid), None)
        got = self.fake.file_of(doc) if doc and not doc.get("Verwijderd") else None
        if got is None:
            return self._error(404, f"Resource for Document {guid} not found.")
        headers, fresh = self._conditional(got[0], doc["GewijzigdOp"])
        if fresh:
            return self._send(304, b"", MIME[got[1]], headers)
        self._send(200, got[0], MIME[got[1]], headers, truncate)

    # --- KOOP ---
    def _sru(self, query: dict[str, list[str]]) -> None:
        cql = query.get("query", [""])[0]
        tests = []
        for clause in [c.strip() for c in cql.split(" AND ")]:
            m = re.fullmatch(r"([\w.-]+)\s*(==|=|>=)\s*(\S+)", clause.strip("()"))
            if not m:
                return self._sru_error(f"Query syntax error: {clause}")
            index, op, value = m.groups()
            tests.append((index, op, value))
        records = []
        for doc in self.fake.koop_records():
            fields = {"c.product-area": "officielepublicaties", "w.dossiernummer": str(doc["dossier"]),
                      "w.publicatienaam": "Kamerstuk", "w.subrubriek": doc["koop"].get("subrubriek", "Brief"),
                      "dt.modified": doc["koop"]["modified"], "dt.date": doc["Datum"][:10]}
            ok = True
            for index, op, value in tests:
                if index not in fields:
                    return self._sru_error(f"Unsupported index: {index}")
                ok &= fields[index] >= value if op == ">=" else fields[index] == value
            if ok:
                records.append(doc)
        records.sort(key=lambda d: d["koop"]["identifier"])
        start = int(query.get("startRecord", ["1"])[0])
        maximum = min(int(query.get("maximumRecords", ["10"])[0]), self.fake.sru_page_limit)
        page = records[start - 1 : start - 1 + maximum]
        out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<sru:searchRetrieveResponse xmlns:sru="{SRU_NS}">',
               "<sru:version>2.0</sru:version>", f"<sru:numberOfRecords>{len(records)}</sru:numberOfRecords>",
               "<sru:records>"]
        for i, doc in enumerate(page):
            out.append(self._record(doc, start + i))
        out.append("</sru:records>")
        if start - 1 + maximum < len(records):
            out.append(f"<sru:nextRecordPosition>{start + maximum}</sru:nextRecordPosition>")
        out.append("</sru:searchRetrieveResponse>")
        self._send(200, "\n".join(out).encode("utf-8"), "application/xml")

    def _record(self, doc: dict[str, Any], position: int) -> str:
        k = doc["koop"]
        ident, chamber = k["identifier"], k["chamber"]
        folder = f"{self.fake.base}/frbr/officielepublicaties/kst/{doc['dossier']}/{ident}/1"
        items = "".join(
            f'<gzd:itemUrl manifestation="{m}">{folder}/{m}/{ident}.{m}</gzd:itemUrl>' for m in k["manifestations"])
        items += f'<gzd:itemUrl manifestation="metadata">{folder}/metadata/metadata.xml</gzd:itemUrl>'
        main = "xml" if "xml" in k["manifestations"] else k["manifestations"][0]
        signers = "".join(f"<overheidwetgeving:indiener>{escape(a[0])}</overheidwetgeving:indiener>"
                          for a in doc.get("actors") or [])
        title = escape(doc["Onderwerp"])
        return f"""<sru:record><sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema><sru:recordPacking>xml</sru:recordPacking>
<sru:recordData><gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:c="http://standaarden.overheid.nl/collectie/">
<gzd:originalData><overheidwetgeving:meta>
<overheidwetgeving:owmskern><dcterms:identifier>{ident}</dcterms:identifier><dcterms:title>{title}</dcterms:title><dcterms:language>nl</dcterms:language><dcterms:type scheme="OVERHEIDop.Parlementair">Kamerstuk</dcterms:type><dcterms:creator scheme="OVERHEID.StatenGeneraal">{chamber} der Staten-Generaal</dcterms:creator><dcterms:modified>{k['modified']}</dcterms:modified></overheidwetgeving:owmskern>
<overheidwetgeving:owmsmantel><dcterms:available>{k['modified']}</dcterms:available><dcterms:date>{doc['Datum'][:10]}</dcterms:date><dcterms:publisher>Sdu</dcterms:publisher></overheidwetgeving:owmsmantel>
<overheidwetgeving:tpmeta><c:product-area>officielepublicaties</c:product-area><overheidwetgeving:dossiernummer>{doc['dossier']}</overheidwetgeving:dossiernummer><overheidwetgeving:ondernummer>{k['ondernummer']}</overheidwetgeving:ondernummer><overheidwetgeving:vergaderjaar>{doc['Vergaderjaar']}</overheidwetgeving:vergaderjaar><overheidwetgeving:publicatienaam>Kamerstuk</overheidwetgeving:publicatienaam><overheidwetgeving:subrubriek scheme="OVERHEIDop.KamerstukTypen">{k.get('subrubriek', 'Brief')}</overheidwetgeving:subrubriek>{signers}</overheidwetgeving:tpmeta>
</overheidwetgeving:meta></gzd:originalData>
<gzd:enrichedData><gzd:url>{folder}/{main}/{ident}.{main}</gzd:url><gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/{ident}.html</gzd:preferredUrl>{items}<gzd:timestamp>{k['modified']}T06:00:00Z</gzd:timestamp></gzd:enrichedData>
</gzd:gzd></sru:recordData><sru:recordPosition>{position}</sru:recordPosition></sru:record>"""

    def _sru_error(self, message: str) -> None:
        body = (f'<?xml version="1.0"?><sru:searchRetrieveResponse xmlns:sru="{SRU_NS}"><sru:version>2.0</sru:version>'
                f"<sru:diagnostics><diagnostic><message>{escape(message)}</message></diagnostic></sru:diagnostics>"
                "</sru:searchRetrieveResponse>")
        self._send(500, body.encode("utf-8"), "application/xml")

    def _frbr(self, ident: str, manifestation: str, truncate: bool) -> None:
        doc = next((d for d in self.fake.koop_records() if d["koop"]["identifier"] == ident), None)
        data = self.fake.koop_file(doc, manifestation) if doc else None
        if data is None:
            return self._send(404, b"<html><body>fout404</body></html>", "text/html")
        headers, fresh = self._conditional(data, doc["koop"]["modified"] + "T06:00:00Z")
        if fresh:
            return self._send(304, b"", MIME.get(manifestation, "application/octet-stream"), headers)
        self._send(200, data, MIME.get(manifestation, "application/octet-stream"), headers, truncate)


def _parse_stamp(stamp: str):  # type: ignore[no-untyped-def]
    from datetime import datetime, timezone

    m = re.match(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})", stamp)
    return datetime.fromisoformat(m.group(1)).replace(tzinfo=timezone.utc) if m else datetime(2026, 1, 1, tzinfo=timezone.utc)


@contextmanager
def serve(fake: FakeOpenData | None = None, port: int = 0) -> Iterator[FakeOpenData]:
    """Serve ``fake`` on 127.0.0.1 in a thread; ``fake.base`` is its URL."""
    fake = fake or FakeOpenData()
    handler = type("BoundHandler", (Handler,), {"fake": fake})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    fake.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--phase", type=int, default=1, choices=[1, 2])
    ap.add_argument("--page-size", type=int, default=250)
    ap.add_argument("--seconds", type=float, default=3600.0, help="stop by itself after this long")
    args = ap.parse_args(argv)
    with serve(FakeOpenData(phase=args.phase, page_size=args.page_size), args.port) as fake:
        print(f"fake open data on {fake.base} (phase {fake.phase}); stops after {args.seconds:.0f} s or Ctrl-C", flush=True)
        print(f"  artikel100 sync --base-url {fake.base} --dossier 29521", flush=True)
        try:
            time.sleep(args.seconds)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
