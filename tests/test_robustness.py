"""Letters that nobody wrote: pieces of the test letters shuffled, cut and doubled.
Whatever comes in, the flow finishes, and every fact still quotes the text it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artikel100 import process_text
from artikel100.errors import InputError
from letters_corpus import letters

LINES = [
    line
    for letter in letters()[::3]
    for form in ("layout", "ocr")
    if letter.path(form).exists()
    for line in letter.path(form).read_text(encoding="utf-8").splitlines()
]
NOISE = st.sampled_from(["", " ", "\f", "1", "2 Kamerstuk 27 925, nr. 1.", "Pagina 2 van 5", "-", "\u00ad", "’'"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(LINES), NOISE), min_size=0, max_size=120))
def test_any_mix_of_letter_lines_is_processed_with_valid_spans(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        result = process_text(text)
    except InputError:
        return  # refusing bad input with a message is a valid outcome
    ex = result.extraction
    assert ex is not None
    data = ex.to_json()
    for key in ("missions", "contributions", "costs", "references", "commitments", "events"):
        for fact in data[key]:
            assert fact["spans"]
            for s, e in fact["spans"]:
                assert 0 <= s < e <= len(ex.text)
    # The cleaned text maps back into the source.
    doc = result.document
    for offset in range(0, len(doc.text), 97):
        assert 0 <= doc.offsets.to_source(offset) <= len(doc.raw.source_text)
