"""Property: every offset extraction reports slices the article text to what it reports."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from search.ingest.documents import load_plain
from search.extract import extract

PIECES = st.sampled_from([
    '"', "“", "”", "„", "«", "»", "'", "’", ",", ".", ":", " – ", " - ", "\n", "\n\n", " ",
    "said", "says", "according to", "as per", "he", "she", "who", "that", "the", "Ambassador",
    "Maria Lopez", "Lopez", "ISW", "Institute for the Study of War (ISW)", "WALLACE:", "(D-Ore.)",
    "12,000", "1.5 million", "four thousand", "$3bn", "2024", "around", "soldiers", "troops",
    "killed or injured", "We will win", "hundreds", "Mr.", "stated", "added,", "wrote",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=60).map(" ".join))
def test_offsets_slice_the_text(body):
    text = "Headline\n\n" + body
    extraction = extract(load_plain(text, "t.txt"))
    for quote in extraction.quotes:
        assert text[quote.start:quote.end] == quote.text
        assert quote.kind in ("quote", "fragment")
        if quote.speaker_start is not None:
            assert text[quote.speaker_start:quote.speaker_end] == quote.speaker_mention
    for claim in extraction.claims:
        assert text[claim.start:claim.end] == claim.text
        assert text[claim.claimer_start:claim.claimer_end] == claim.claimer_mention
    for figure in extraction.figures:
        assert text[figure.start:figure.end] == figure.text
        assert figure.value > 0 and figure.unit
