"""Sanity checks for hand-written test letters in ``tests/letters/``.

    python tests/corpus/check_letters.py tests/letters/NN_slug.clean.txt [...]

Checks what a typo in a hand-written letter would silently break: every marker
phrase occurs exactly once in the body, footnotes are numbered 1..n in order
and each has a marker, markers appear in footnote order, and the gold facts
that quote words (names, locations, cues, kamerstuk numbers) can be found in
the text. Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from letter import parse_letter  # noqa: E402


def _norm(s: str) -> str:
    """Lower-case, strip accents and non-alphanumerics, as score.py does."""
    s = unicodedata.normalize("NFKD", s).casefold()
    return re.sub(r"[^0-9a-z]+", "", "".join(c for c in s if not unicodedata.combining(c)))


def check(clean_path: Path) -> list[str]:
    """Return the problems found in one letter."""
    problems: list[str] = []
    letter = parse_letter(clean_path)
    text = clean_path.read_text(encoding="utf-8")
    body = "\n".join(b.text for b in letter.blocks)
    words = len(text.split())
    # Real letters run from a 200-word forwarding note to a 1,500-word decision.
    if not 150 <= words <= 1500:
        problems.append(f"{words} words (want 150-1500)")
    numbers = [f.number for f in letter.footnotes]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"footnotes numbered {numbers}")
    if sorted(letter.markers, key=int) != [str(n) for n in numbers]:
        problems.append(f"markers {sorted(letter.markers)} vs footnotes {numbers}")
    positions = []
    for num, phrase in sorted(letter.markers.items(), key=lambda kv: int(kv[0])):
        count = body.count(phrase)
        if count != 1:
            problems.append(f"marker {num} {phrase!r} occurs {count} times in the body")
        if text.count(phrase) != 1:
            problems.append(f"marker {num} {phrase!r} not unique in the whole text")
        positions.append(body.find(phrase) + len(phrase))
    if positions != sorted(positions):
        problems.append("markers are not in footnote order")
    gold_path = clean_path.with_name(clean_path.name.replace(".clean.txt", ".gold.json"))
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ntext = _norm(text)
        for s in gold["letter"]["signatories"]:
            if _norm(s["name"]) not in ntext or _norm(s["role"]) not in ntext:
                problems.append(f"signatory {s} not in text")
        for fact in gold.get("contribution_facts", []):
            if fact[1] == "location" and _norm(fact[2]) not in ntext:
                problems.append(f"location {fact[2]!r} not in text")
        for c in gold.get("commitments", []):
            if _norm(c["cue"]) not in ntext:
                problems.append(f"commitment cue {c['cue']!r} not in text")
        for key in ("missions", "optional_missions"):
            for canon, aliases in (gold.get(key) or {}).items():
                for alias in aliases:
                    if _norm(alias) not in ntext:
                        problems.append(f"mission alias {alias!r} not in text")
        flat = re.sub(r"\s", "", text)
        for ref in gold.get("references", []):
            dossier, nr = ref.split("-", 1)[0], ref.rsplit("-", 1)[1]
            if dossier not in flat or nr not in flat:
                problems.append(f"reference {ref} not in text")
    return problems


def main(argv: list[str]) -> int:
    bad = 0
    for arg in argv:
        for problem in check(Path(arg)):
            print(f"{Path(arg).name}: {problem}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
