"""The words a pattern cannot match without, used to skip text that lacks them (extract/literals.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from artikel100.extract.literals import CASE_TRAPS, CaselessPrefilter, Prefiltered, is_context_free, required_literals

LETTERS = Path(__file__).parent / "letters"


def test_the_words_come_from_the_pattern() -> None:
    assert required_literals(re.compile(r"\b(?:gronden|grondslag) voor")) == {"gronden voor", "grondslag voor"}
    assert required_literals(re.compile(r"\d+ (miljoen|mln|miljard)\b")) == {" miljoen", " mln", " miljard"}
    assert required_literals(re.compile(r"\d+ ?mln\b")) == {"mln", " mln"}
    assert required_literals(re.compile(r"(?:de|het) missie|operatie")) == {"de missie", "het missie", "operatie"}
    assert required_literals(re.compile(r"resoluties? \d+")) == {"resolutie ", "resoluties "}
    assert required_literals(re.compile(r"\d+ (?:militairen|man)?\.")) == {" militairen.", " man.", " ."}
    assert required_literals(re.compile(r"\d+(?:militairen|man)?")) is None  # a number alone matches
    # an alternative without a word, or words that ignore case: nothing to rely on
    assert required_literals(re.compile(r"missie|\d+")) is None
    assert required_literals(re.compile(r"missie", re.IGNORECASE)) is None
    assert required_literals(re.compile(r"(?i:missie)")) is None


def test_only_patterns_that_read_nothing_beyond_their_match_are_context_free() -> None:
    assert is_context_free(re.compile(r"\bmissie\b|operatie"))
    assert not is_context_free(re.compile(r"^missie"))
    assert not is_context_free(re.compile(r"(?<!de )missie"))
    assert not is_context_free(re.compile(r"missie(?= in)"))


def test_caseless_words_are_lower_case_and_ascii() -> None:
    f = CaselessPrefilter(re.compile(r"(?i:Missie|Operatie) (?:in|naar) Mali|€ \d+"))
    assert f.words == ()  # "€" is no ASCII letter: that alternative needs no word
    f = CaselessPrefilter(re.compile(r"(?i:Missie|Operatie) (?:in|naar) Mali"))
    assert set(f.words) == {"missie in mali", "missie naar mali", "operatie in mali", "operatie naar mali"}
    assert f.may_match("De MISSIE IN MALI") and not f.may_match("De missie in Niger")
    assert f.may_match("De miſsie in Niger")  # a character re folds to "s": let through


def test_the_case_traps_are_every_character_re_folds_to_an_ascii_letter() -> None:
    letter = re.compile(r"(?i:[a-z])")
    found = "".join(chr(i) for i in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(i)))
    assert found == CASE_TRAPS


def _sentences() -> list[str]:
    if not LETTERS.exists():
        pytest.skip("tests/letters is not here")
    out: list[str] = []
    for path in sorted(LETTERS.glob("*.ocr.txt"))[::4] + sorted(LETTERS.glob("*.clean.txt"))[::4]:
        out += re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8"))
    return out


def test_a_filter_never_turns_away_a_sentence_its_pattern_matches() -> None:
    from artikel100.extract import contributions, dates, toetsingskader, units

    sentences = _sentences()
    folded = [toetsingskader.fold(s) for s in sentences]
    checked = 0
    for pattern in (dates._RAW_RE, units._UNIT_RE, contributions._WHOLE):
        f = CaselessPrefilter(pattern)
        assert f.words, pattern.pattern[:40]
        for s in sentences:
            if pattern.search(s):
                assert f.may_match(s), (pattern.pattern[:40], s)
                checked += 1
    for pattern in [toetsingskader._REFERRING] + [p.strong for p in toetsingskader.points()]:
        f = Prefiltered(pattern)
        for s in folded:
            assert bool(f.search(s)) == bool(pattern.search(s)), (pattern.pattern[:40], s)
            checked += bool(pattern.search(s))
    assert checked > 1000


def test_the_coverage_scan_finds_exactly_the_sentences_a_pattern_matches() -> None:
    from artikel100.extract import toetsingskader

    folded = [toetsingskader.fold(s) for s in _sentences()[:3000]]
    scan = toetsingskader._Scan(folded)
    for spec in toetsingskader.points():
        for pattern in (spec.strong, spec.weak, spec.names):
            if pattern is not None:
                assert scan.hits(pattern) == {i for i, f in enumerate(folded) if pattern.search(f)}, pattern.pattern[:40]


def test_a_guarded_pattern_answers_as_its_pattern_does() -> None:
    from artikel100.extract import clauses, commitments, instruments, oversight, tasks
    from artikel100.extract.literals import Guarded, guarded

    assert isinstance(guarded(re.compile(r"\b(?:vandaag|heden)\b")), Guarded)
    assert not isinstance(guarded(re.compile(r"\w+")), Guarded)  # no words to filter by: the pattern itself
    g = guarded(re.compile(r"(?i:Motie)s?"))
    assert g.search("De MOTIES") and g.search("de motie", 3) and not g.search("de moties", 5)
    assert list(g.finditer("geen")) == [] and g.findall("motie, moties") == ["motie", "moties"]
    assert g.sub("x", "een motie") == "een x" and g.pattern == "(?i:Motie)s?"
    sentences = _sentences()
    found = [v for m in (clauses, commitments, instruments, oversight, tasks) for v in vars(m).values()
             if isinstance(v, Guarded)] + [v for v in oversight._RCH_FORMS if isinstance(v, Guarded)]
    assert len(found) > 20
    checked = 0
    for g in found:
        for s in sentences:
            expected = g._re.search(s)
            assert bool(g.search(s)) == bool(expected), (g.pattern[:40], s)
            checked += bool(expected)
    assert checked > 500


def test_word_starts_finds_what_the_pattern_finds() -> None:
    """literals.WordStarts (countries, places): the matches of finditer, tried at word starts only."""
    from artikel100.extract import nations, units
    from artikel100.extract.literals import WordStarts, _fewest

    assert _fewest(["apaches", "apache", "staf", "stafofficier", "groep"]) == ("apache", "groep", "staf")
    toy = re.compile(r"(?<![\w-])(?:Mali|Mali Oost|Irak)(?![\w])")
    finder = WordStarts(toy, "MI")
    for text in ("in Mali Oost en Irak", "Bamako-Mali, Irakese, (Irak)", "Mali", "", "xMali Irak"):
        assert [m.span() for m in finder.finditer(text)] == [m.span() for m in toy.finditer(text)], text
    pattern, forms = units._place_index()
    checks = [(nations._pattern(), nations._finder()), (pattern, units._place_finder())]
    sentences = _sentences()
    for plain, fast in checks:
        for s in sentences:
            assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)], s[:60]


def test_unit_kinds_left_out_change_no_match() -> None:
    """units._unit_pattern: a sentence scanned with the kinds it may hold finds what _UNIT_RE finds."""
    from artikel100.extract import units

    for s in _sentences():
        expected = [(m.lastgroup, m.span()) for m in units._UNIT_RE.finditer(s)]
        assert [(m.lastgroup, m.span()) for m in units._unit_pattern(s).finditer(s)] == expected, s[:60]


def test_the_faster_spellings_of_a_pattern_match_as_it_does() -> None:
    """literals' rewrites for speed (at_word_starts, by_first_character, lower_twin, the shared
    pieces of a big filter) give the matches, the answers or the passes the plain forms give."""
    from artikel100.extract.literals import _cover, at_word_starts, by_first_character, has_case_trap, lower_twin

    sentences = _sentences()[:4000] + ["xNederland, Nederlandse wij", "de regering-Rutte", "DE REGERING", "Wij."]
    words = ["Nederland", "[Hh]et kabinet", "[Dd]e regering", "[Ww]ij", "Zr\\.\\s?Ms\\."]
    plain = re.compile(rf"\b(?:{'|'.join(words)})\b")
    fast = re.compile(rf"(?:{at_word_starts(words)})\b")
    names = ["Bosnië en Herzegovina", "Bosnië", "Mali", "Malinese", "Irak", "Iran"]
    listed = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in names)})(?![\w])")
    grouped = re.compile(rf"(?<![\w-])(?:{by_first_character(names, re.escape)})(?![\w])")
    caseless = re.compile(r"\b(?:onderzoek(?:t|en)\s+(?:\w+\s+){0,4}?de\s+mogelijkhe\w+|in\s+[A-Z]\w+|overweeg(?:t|en))\b", re.I)
    twin = lower_twin(caseless)
    assert twin is not None and lower_twin(re.compile(r"\S+", re.I)) is None and lower_twin(re.compile("x")) is None
    for s in sentences + [f"{n}, {n.upper()} en {n}se" for n in names]:
        assert [m.span() for m in plain.finditer(s)] == [m.span() for m in fast.finditer(s)], s
        assert [m.span() for m in listed.finditer(s)] == [m.span() for m in grouped.finditer(s)], s
        if not has_case_trap(s):
            assert [m.span() for m in caseless.finditer(s)] == [m.span() for m in twin.finditer(s.lower())], s
    spellings = tuple(f"{r}ed{sep}{c}ard{h}older" for r in "Rr" for sep in " -" for c in "Cc" for h in ("H", "h", " H", "-h"))
    pieces = _cover(spellings * 2 + tuple(f"x{i}" for i in range(30)))
    assert len(pieces) < 40 and all(any(p in w for p in pieces) for w in spellings)
