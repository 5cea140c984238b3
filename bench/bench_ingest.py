"""Benchmark the registry: ingest N generated letters, then search them.

    python bench/bench_ingest.py [--n 10000] [--db PATH_OR_URL] [--jobs 2]
    python bench/bench_ingest.py --db PATH_OR_URL --search-only


Letters are generated from templates (missions, units, decisions,
extensions, resizes, ends, commitments, references, and filler paragraphs
drawn from a pool), written as text files with their facts beside them in
``X.facts.json``. Each file goes through the real pipeline (read, repair,
extract) and the generated facts stand in for extraction, so the numbers
measure the registry with realistic fact counts. Reports letters per second,
peak memory (parent and the largest worker), database size, and search
latency (median and 95th percentile over 200 queries).

``--search-only`` skips generating and ingesting and times search (and the
deadline/mission queries) on a registry an earlier run filled: ingesting
10,000 letters takes minutes, searching them a few seconds. Opening the
registry applies any new migrations, so a search-index migration is
measured on the existing letters too.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from artikel100.facts import Commitment, Contribution, Extraction, LetterInfo, Mission, Reference
from artikel100.pipeline import Result, process
from artikel100.store import ingest, open_registry
from artikel100.store.search import search

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
MISSIONS = [
    ("MINUSMA", "MINUSMA", "Mali"), ("RSM", "Resolute Support", "Afghanistan"), ("ISAF", "ISAF", "Uruzgan"),
    ("KFOR", "KFOR", "Kosovo"), ("UNIFIL", "UNIFIL", "Libanon"), ("EFP", "enhanced Forward Presence", "Litouwen"),
    ("OIR", "Operation Inherent Resolve", "Irak"), ("NMI", "NAVO Missie Irak", "Bagdad"),
    ("ATALANTA", "EUNAVFOR Atalanta", "Golf van Aden"), ("UNMISS", "UNMISS", "Zuid-Soedan"),
    ("EUTM", "EUTM Mali", "Koulikoro"), ("IRINI", "EUNAVFOR MED Irini", "Middellandse Zee"),
    ("EMASOH", "EMASoH", "Straat van Hormuz"), ("UNDOF", "UNDOF", "Golan"), ("SEAGUARDIAN", "Sea Guardian", "Middellandse Zee"),
]
UNITS = [
    ("infanteriecompagnie", "een infanteriecompagnie"), ("helikopterdetachement", "een helikopterdetachement met drie Chinooks"),
    ("F-16", "vier F-16 jachtvliegtuigen"), ("fregat", "het fregat Zr.Ms. De Ruyter"), ("staf", "stafofficieren"),
    ("trainers", "een team van trainers"), ("inlichtingeneenheid", "een inlichtingeneenheid"),
]
FILLER = [
    "De veiligheidssituatie in het inzetgebied blijft zorgelijk en onvoorspelbaar.",
    "Het kabinet hecht aan een geïntegreerde benadering waarin diplomatie, defensie en ontwikkeling samenkomen.",
    "De bijdrage past binnen de afspraken over burden sharing binnen het bondgenootschap.",
    "De risico's voor het Nederlandse personeel worden als aanvaardbaar ingeschat, mede dankzij de genomen maatregelen.",
    "De rechtsgrondslag voor de missie is gelegen in een resolutie van de VN-Veiligheidsraad.",
    "De geweldsinstructie is voldoende robuust om de taken uit te voeren.",
    "Het mandaat van de missie is onlangs verlengd door de Veiligheidsraad.",
    "De humanitaire situatie verslechtert, vooral voor vrouwen en kinderen en ontheemden.",
    "De inzet wordt gefinancierd uit het Budget Internationale Veiligheid.",
    "Bij de uitvoering wordt nauw samengewerkt met bondgenoten en partnerlanden in de regio.",
    "De militairen worden voorafgaand aan de uitzending getraind en voorbereid op de specifieke omstandigheden.",
    "De medische afvoerketen voldoet aan de daarvoor geldende normen.",
    "Het kabinet volgt de ontwikkelingen in Syrië, Jemen en de Sahel nauwgezet.",
    "De piraterij voor de kust is sterk afgenomen sinds de aanwezigheid van marineschepen.",
    "Er is aandacht voor de bescherming van burgers en het voorkomen van burgerslachtoffers.",
    "Gender en de rol van vrouwen in vredesprocessen maken deel uit van de inzet.",
    "De logistieke ondersteuning wordt verzorgd vanuit een nabijgelegen steunpunt.",
    "De dreiging van terroristische groeperingen en geïmproviseerde explosieven blijft aanwezig.",
]
QUERIES = ["syrie", "militairen", "force protection", "helikopterdetachement", "verlenging", "Mali", "Litouwen",
           "burgerslachtoffers", "geïntegreerde benadering", "piraterij", "voortgangsrapportage", "fregat",
           "Chinooks", "resolutie Veiligheidsraad", "Afghanistan", "inlichtingeneenheid", "trainers", "Golan",
           "explosieven", "humanitaire situatie"]


def dutch(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def make_letter(i: int, rng: random.Random) -> tuple[str, Extraction]:
    mid, mname, place = rng.choice(MISSIONS)
    unit, unit_words = rng.choice(UNITS)
    when = date(2004, 1, 1) + timedelta(days=rng.randrange(7300))
    start = when + timedelta(days=rng.randrange(30, 120))
    end = date(start.year + rng.choice([0, 1, 1, 2]), 12, 31)
    people = rng.choice([40, 80, 120, 145, 250, 380, 450])
    kind = rng.choice(["decision", "extension", "resize", "end"])
    paragraphs = [f"BRIEF INZAKE DE NEDERLANDSE BIJDRAGE AAN {mname.upper()}", "",
                  "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "", f"Den Haag, {dutch(when)}", ""]
    paragraphs += [rng.choice(FILLER) + " " + rng.choice(FILLER) for _ in range(rng.randint(6, 14))]
    if kind == "decision":
        sentence = (f"Het kabinet heeft besloten om van {dutch(start)} tot en met {dutch(end)} {unit_words} "
                    f"van circa {people} militairen bij te dragen aan {mname} in {place}.")
        c = dict(personnel=people, start=start.isoformat(), end=end.isoformat(), framework=True)
    elif kind == "extension":
        old = date(end.year - 1, 12, 31)
        sentence = (f"Het nationaal kader voor {unit_words} bij {mname} verloopt op {dutch(old)}. "
                    f"Het kabinet verlengt het kader tot en met {dutch(end)}.")
        c = dict(end=end.isoformat(), supersedes_end=old.isoformat(), framework=True)
    elif kind == "resize":
        sentence = f"De omvang van {unit_words} bij {mname} wordt aangepast tot circa {people} militairen."
        c = dict(personnel=people)
    else:
        sentence = f"Het kabinet beëindigt de bijdrage van {unit_words} aan {mname} per {dutch(end)}."
        c = dict(end=end.isoformat())
    due = when + timedelta(days=rng.randrange(60, 400))
    promise = f"Het kabinet zal uw Kamer in de volgende voortgangsrapportage ({MONTHS[due.month - 1]} {due.year}) informeren."
    ref_no = rng.randrange(100, 999)
    ref = f"Kamerstuk 27 925, nr. {ref_no}"
    paragraphs += [sentence, "", promise, "", f"Zie ook de eerdere brief ({ref}).", "",
                   *[rng.choice(FILLER) for _ in range(rng.randint(4, 10))], "", "De minister van Defensie,", "",
                   f"Bewindspersoon {i}", ""]
    text = "\n".join(paragraphs)

    def span(w: str) -> list[tuple[int, int]]:
        at = text.index(w)
        return [(at, at + len(w))]

    ex = Extraction(text=text, letter=LetterInfo(date=when.isoformat(), addressee="Tweede Kamer",
                                                  kamerstuk=f"27925-{1000 + i}", title=paragraphs[0].title()))
    ex.missions.append(Mission(mid, mname, span(mname)))
    ex.contributions.append(Contribution(mid, sentence, span(sentence), unit=unit, location=place, **c))
    ex.commitments.append(Commitment(promise, span(promise), due=f"{due.year}-{due.month:02d}"))
    ex.references.append(Reference(f"27925-{ref_no}", span(ref)))
    return text, ex


def generate(folder: Path, n: int, seed: int = 100) -> None:
    rng = random.Random(seed)
    for i in range(n):
        text, ex = make_letter(i, rng)
        (folder / f"l{i:05d}.txt").write_text(text, encoding="utf-8")
        (folder / f"l{i:05d}.facts.json").write_text(json.dumps(ex.to_json(), ensure_ascii=False), encoding="utf-8")


def bench_processor(path: Path) -> Result:
    """The real pipeline; the generated facts stand in for extraction."""
    result = process(path)
    data = json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8"))
    ex = Extraction(text=data["text"], letter=LetterInfo(**{k: v for k, v in data["letter"].items()
                                                            if k not in ("signatories", "spans")}))
    for attr, cls in (("missions", Mission), ("contributions", Contribution), ("commitments", Commitment),
                      ("references", Reference)):
        for item in data[attr]:
            getattr(ex, attr).append(cls(**{**item, "spans": [tuple(s) for s in item["spans"]]}))
    result.extraction = ex
    return result


def db_size(registry, url: str) -> int:
    if registry.dialect == "postgresql":
        from sqlalchemy import text

        with registry.engine.connect() as conn:
            return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
    path = Path(url)
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--db", help="registry (default: a SQLite file in a temp dir)")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--search-only", action="store_true",
                    help="time search on the letters already in --db; no generating or ingesting")
    args = ap.parse_args(argv)
    if args.search_only and not args.db:
        ap.error("--search-only needs --db (a registry an earlier run filled)")

    work = Path(tempfile.mkdtemp(prefix="artikel100-bench-"))
    try:
        db = args.db or str(work / "bench.db")
        elapsed: float | None = None
        if args.search_only:
            registry = open_registry(db)
            with registry.engine.connect() as conn:
                from sqlalchemy import text

                stored = int(conn.execute(text("SELECT count(*) FROM letters")).scalar_one())
        else:
            letters = work / "letters"
            letters.mkdir()
            t0 = time.perf_counter()
            generate(letters, args.n)
            print(f"generated {args.n} letters in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            registry = open_registry(db)
            t0 = time.perf_counter()
            report = ingest(registry, [letters], jobs=args.jobs, processor=bench_processor)
            elapsed = time.perf_counter() - t0
            stored = report.count("added") + report.count("duplicate")
            assert not report.failed, report.failed[:3]

        rng = random.Random(7)
        latencies = []
        with registry.engine.connect() as conn:
            search(conn, "warm up")
            for _ in range(args.queries):
                q = " ".join(rng.sample(QUERIES, rng.choice([1, 1, 2])))
                t = time.perf_counter()
                search(conn, q, limit=20)
                latencies.append((time.perf_counter() - t) * 1000)
            from artikel100.store.queries import deadlines, missions

            t = time.perf_counter()
            deadlines(conn, date(2015, 1, 1), "1y")
            missions(conn, date(2015, 1, 1))
            merge_ms = (time.perf_counter() - t) * 1000
        latencies.sort()
        size = db_size(registry, db)
        registry.close()
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        figures = {
            "backend": registry.dialect,
            "letters": stored,
            "ingest_s": round(elapsed, 1) if elapsed is not None else None,
            "letters_per_s": round(stored / elapsed, 1) if elapsed is not None else None,
            "peak_mb_parent": round(parent, 1),
            "peak_mb_worker": round(child, 1),
            "db_mb": round(size / 1e6, 1),
            "search_median_ms": round(statistics.median(latencies), 2),
            "search_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 2),
            "deadlines_plus_missions_ms": round(merge_ms, 1),
        }
        if args.search_only:  # nothing was ingested: leave out what would be meaningless
            for key in ("ingest_s", "letters_per_s", "peak_mb_worker"):
                del figures[key]
        print(json.dumps(figures, indent=1))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
