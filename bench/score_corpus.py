"""Score extraction on the test letters against their hand-written gold facts.

    python bench/score_corpus.py [--form clean|layout|ocr|pdf|real|real-ocr|layouts|layouts-ocr] [-v] [PREFIX ...]

Runs ``artikel100`` on every ``tests/letters/NN_*.<form>`` file that has a
``.gold.json`` beside it and prints ``shared/eval/score.py``'s table over them
all. ``--form clean`` reads the clean text, the others the rendered forms.
``--form real`` reads the real letters of ``../shared/real`` against their
gold, ``--form real-ocr`` their OCR'd renders (``bench/real_forms.py``, made
on first use and cached outside the repository). ``--form layouts`` reads
``tests/letters_layouts`` (our own letters in the publication layouts of sites
and mirrors; their gold covers the letter's fields, signatories, references
and costs only), ``layouts-ocr`` their OCR'd renders.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from artikel100 import process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
LETTERS = ROOT / "tests" / "letters"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
SUFFIX = {"clean": ".clean.txt", "layout": ".layout.txt", "ocr": ".ocr.txt", "pdf": ".pdf"}
REAL_FORMS = ("real", "real-ocr")
LAYOUTS = ROOT / "tests" / "letters_layouts"
LAYOUT_FORMS = {"layouts": ".txt", "layouts-ocr": ".ocr.txt"}
SUFFIX.update(LAYOUT_FORMS)


def _own_letters(form: str, prefixes: list[str]) -> list[tuple[dict, Path]]:
    """(gold, source file) of our own test letters in one form."""
    out = []
    folder = LAYOUTS if form in LAYOUT_FORMS else LETTERS
    for gold_path in sorted(folder.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        if prefixes and not any(stem.startswith(p) for p in prefixes):
            continue
        source = folder / f"{stem}{SUFFIX[form]}"
        if source.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            gold["id"] = stem
            out.append((gold, source))
    return out


def _real_letters(form: str, prefixes: list[str]) -> list[tuple[dict, Path]]:
    """(gold, source file) of the real letters of ../shared/real, as text or OCR'd."""
    import real_forms

    golds = json.loads((real_forms.REAL.parent / "gold.json").read_text(encoding="utf-8"))
    golds = [g for g in golds if not prefixes or any(g["id"].startswith(p) for p in prefixes)]
    if form == "real":
        return [(g, real_forms.REAL / f"{g['id']}.txt") for g in golds]
    return [(g, real_forms.ocr_form(real_forms.REAL / f"{g['id']}.txt")) for g in golds]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--form", choices=sorted(SUFFIX) + list(REAL_FORMS), default="clean")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("letters", nargs="*", help="letter name prefixes (default: all)")
    args = ap.parse_args()
    if args.form in REAL_FORMS and not SCORE.exists():
        print("../shared/real is not here: the real letters are not part of this repository", file=sys.stderr)
        return 2
    pairs = (_real_letters if args.form in REAL_FORMS else _own_letters)(args.form, args.letters)
    golds = [gold for gold, _ in pairs]
    with tempfile.TemporaryDirectory() as tmp:
        for gold, source in pairs:
            result = process(source)
            assert result.extraction is not None
            (Path(tmp) / f"{gold['id']}.json").write_text(json.dumps(result.extraction.to_json(), ensure_ascii=False))
        gold_file = Path(tmp) / "gold.json"
        gold_file.write_text(json.dumps(golds, ensure_ascii=False))
        cmd = [sys.executable, str(SCORE), "--gold", str(gold_file), "--pred-dir", tmp]
        if args.verbose:
            cmd.append("-v")
        print(f"{len(golds)} letters, form {args.form}")
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
