"""The documented shapes, and both readings where open-data.md marks one unconfirmed."""

from __future__ import annotations

import json

import pytest

from artikel100.sync import BadPayload, Dossier, Endpoints
from artikel100.sync.compare import disagreements, surname
from artikel100.sync.odata import TkDocument, document_query, parse_page
from artikel100.sync.sru import parse_response

GUID = "7d6c3a50-1f4e-4c2a-9b1e-0a1b2c3d4e01"


def test_the_query_follows_the_documented_filter_syntax():
    url = document_query(Endpoints(), Dossier.parse("31200-VII"), changed_since="2026-01-01T00:00:00.0000000Z")
    decoded = url.replace("%20", " ")
    assert decoded.startswith("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document?$filter=")
    assert "Soort eq 'Brief regering'" in decoded
    assert "Kamerstukdossier/any(d: d/Nummer eq 31200)" in decoded
    assert "Kamerstukdossier/any(d: d/Toevoeging eq 'VII')" in decoded
    assert "ApiGewijzigdOp ge 2026-01-01T00%3A00%3A00.0000000Z" in decoded or "ApiGewijzigdOp ge 2026-01-01T00:00" in decoded
    assert "$expand=Kamerstukdossier,DocumentActor" in decoded and "Verwijderd" not in decoded


def test_a_dossier_as_a_collection_or_as_one_reference_and_kamer_as_number_or_name():
    base = {"Id": GUID.upper(), "Soort": "Brief regering", "Volgnummer": 501, "Datum": "2026-09-11T00:00:00+02:00",
            "ContentType": "application/pdf", "Verwijderd": False}
    as_list = TkDocument.from_json({**base, "Kamer": 2, "Kamerstukdossier": [{"Nummer": 29521, "Toevoeging": None}]})
    as_ref = TkDocument.from_json({**base, "Kamer": "Tweede Kamer", "Kamerstukdossier": {"Nummer": "29521"}})
    for doc in (as_list, as_ref):
        assert doc.id == GUID and doc.chamber == "Tweede Kamer" and doc.dossiers == [Dossier(29521)]
        assert doc.kst_id(Dossier(29521)) == "kst-29521-501" and doc.date == "2026-09-11"
    assert TkDocument.from_json({**base, "Volgnummer": -1}).kst_id(Dossier(29521)) is None


def test_signatories_are_the_signing_actors_else_all_of_them():
    doc = TkDocument.from_json({"Id": GUID, "DocumentActor": [
        {"ActorNaam": "M.J. de Vries", "Functie": "minister van Defensie", "Relatie": "Eerste ondertekenaar"},
        {"ActorNaam": "Vaste commissie voor Defensie", "Relatie": "Ontvanger"}]})
    assert [a["name"] for a in doc.signatories()] == ["M.J. de Vries"]
    doc = TkDocument.from_json({"Id": GUID, "DocumentActor": [{"ActorNaam": "A.C. Jansen"}]})
    assert [a["name"] for a in doc.signatories()] == ["A.C. Jansen"]


def test_an_empty_page_and_a_page_without_a_next_link():
    docs, nxt = parse_page(json.dumps({"@odata.context": "x", "value": []}).encode())
    assert docs == [] and nxt is None


def test_an_entity_without_an_id_is_refused():
    with pytest.raises(BadPayload):
        TkDocument.from_json({"Soort": "Brief regering"})


SRU12 = b"""<?xml version="1.0"?>
<srw:searchRetrieveResponse xmlns:srw="http://www.loc.gov/zing/srw/">
 <srw:version>1.2</srw:version><srw:numberOfRecords>1</srw:numberOfRecords>
 <srw:records><srw:record><srw:recordData>
  <gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:w="http://standaarden.overheid.nl/wetgeving/"
           xmlns:dcterms="http://purl.org/dc/terms/">
   <gzd:originalData><w:meta><w:owmskern><dcterms:identifier>kst-29521-K</dcterms:identifier>
     <dcterms:title>Brief regering; Verlenging UNIFIL</dcterms:title>
     <dcterms:creator>Eerste Kamer der Staten-Generaal</dcterms:creator><dcterms:modified>2026-09-14</dcterms:modified>
   </w:owmskern><w:owmsmantel><dcterms:date>2026-09-11</dcterms:date></w:owmsmantel>
   <w:tpmeta><w:dossiernummer>29521;35000-X</w:dossiernummer><w:ondernummer>K</w:ondernummer></w:tpmeta></w:meta>
   </gzd:originalData>
   <gzd:enrichedData><gzd:itemUrl manifestation="html">https://repository.overheid.nl/frbr/x.html</gzd:itemUrl></gzd:enrichedData>
  </gzd:gzd></srw:recordData><srw:recordPosition>1</srw:recordPosition></srw:record></srw:records>
</srw:searchRetrieveResponse>"""


def test_sru_1_2_namespace_several_dossiers_and_no_subrubriek_are_read():
    records, total, nxt = parse_response(SRU12)
    assert total == 1 and nxt is None  # no nextRecordPosition: the client stops on numberOfRecords
    rec = records[0]
    assert rec.identifier == "kst-29521-K" and rec.chamber == "Eerste Kamer" and rec.date == "2026-09-11"
    assert rec.dossiers == ["29521", "35000-X"] and rec.kamerstuk == "29521-K"
    assert rec.is_letter  # no subrubriek: the title starts with "Brief"
    assert rec.urls == {"html": "https://repository.overheid.nl/frbr/x.html"}


def test_links_to_the_real_hosts_are_rewritten_onto_a_mirror_and_others_refused():
    ep = Endpoints.resolve("http://127.0.0.1:9/")
    assert ep.odata == "http://127.0.0.1:9/OData/v4/2.0/" and ep.koop == "http://127.0.0.1:9/"
    assert ep.follow("https://repository.overheid.nl/frbr/a/b.xml", ep.koop) == "http://127.0.0.1:9/frbr/a/b.xml"
    assert ep.follow("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document?$skip=250", ep.odata) == \
        "http://127.0.0.1:9/OData/v4/2.0/Document?$skip=250"
    assert ep.follow("Document?$skip=2", ep.odata + "Document") == "http://127.0.0.1:9/OData/v4/2.0/Document?$skip=2"
    with pytest.raises(BadPayload):
        ep.follow("https://example.org/x", ep.odata)


def test_metadata_and_extraction_disagree_only_where_both_speak():
    meta = {"kamerstuk": "29521-501", "date": "2026-09-11", "chamber": "Tweede Kamer",
            "signatories": [{"name": "M.J. de Vries"}, {"name": "K. Bakker"}]}
    same = {"kamerstuk": "29 521, nr. 501", "date": "2026-09", "addressee": "Tweede Kamer",
            "signatories": [{"name": "Marieke de Vries"}, {"name": "Karel Bakker"}]}
    assert disagreements(meta, same) == []
    assert disagreements(meta, {"kamerstuk": None, "date": None, "signatories": []}) == []
    other = {"kamerstuk": "29521-502", "date": "2026-09-12", "addressee": "Eerste Kamer",
             "signatories": [{"name": "Marieke de Vries"}]}
    assert [d["field"] for d in disagreements(meta, other)] == ["kamerstuk", "date", "chamber", "signatories"]
    assert surname("A.Th.B. Bijleveld-Schouten") == "bijleveld-schouten" and surname("M.J. de Vries") == "vries"
