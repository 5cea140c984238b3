"""Score extraction on the test letters against their hand-written gold facts.

    python bench/score_corpus.py [--form clean|layout|ocr|pdf] [-v]

Runs ``artikel100`` on every ``tests/letters/NN_*.<form>`` file that has a
``.gold.json`` beside it and prints ``shared/eval/score.py``'s table over them
all. ``--form clean`` reads the clean text, the others the rendered forms.
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
LETTERS = ROOT / "tests" / "letters"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
SUFFIX = {"clean": ".clean.txt", "layout": ".layout.txt", "ocr": ".ocr.txt", "pdf": ".pdf"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--form", choices=sorted(SUFFIX), default="clean")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("letters", nargs="*", help="letter name prefixes (default: all)")
    args = ap.parse_args()
    golds = []
    with tempfile.TemporaryDirectory() as tmp:
        for gold_path in sorted(LETTERS.glob("*.gold.json")):
            stem = gold_path.name[: -len(".gold.json")]
            if args.letters and not any(stem.startswith(p) for p in args.letters):
                continue
            source = LETTERS / f"{stem}{SUFFIX[args.form]}"
            if not source.exists():
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            gold["id"] = stem
            golds.append(gold)
            result = process(source)
            assert result.extraction is not None
            (Path(tmp) / f"{stem}.json").write_text(json.dumps(result.extraction.to_json(), ensure_ascii=False))
        gold_file = Path(tmp) / "gold.json"
        gold_file.write_text(json.dumps(golds, ensure_ascii=False))
        cmd = [sys.executable, str(SCORE), "--gold", str(gold_file), "--pred-dir", tmp]
        if args.verbose:
            cmd.append("-v")
        print(f"{len(golds)} letters, form {args.form}")
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
