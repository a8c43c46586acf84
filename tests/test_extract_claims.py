"""Attributed claims: their content, claimer and cue; unattributed sentences are not claims."""
from __future__ import annotations

import pytest

from search.ingest.documents import load_plain
from search.extract import extract


def claims_of(body: str):
    return extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims


@pytest.mark.parametrize("body, content, claimer, cue", [
    ("According to South Korea, the North has supplied shells to Russia.",
     "the North has supplied shells to Russia", "South Korea", "according to"),
    ("The North has supplied shells to Russia, according to the Ukrainian officials.",
     "The North has supplied shells to Russia", "Ukrainian officials", "according to"),
    ("The North sent troops to Russia, as per Western intelligence reports.",
     "The North sent troops to Russia", "Western intelligence reports", "as per"),
    ("Maria Lopez said that the bridge will reopen in June.",
     "the bridge will reopen in June", "Maria Lopez", "said"),
    ("The agency warned that the river could flood the town.",
     "the river could flood the town", "agency", "warned"),
    ("The Institute for the Study of War announced on Monday that Russia sent soldiers back.",
     "Russia sent soldiers back", "Institute for the Study of War", "announced"),
    ("ISW highlighted remarks by the ambassador, Ivan Petrov, who stated that Moscow sent troops.",
     "Moscow sent troops", "Ivan Petrov", "stated"),
    ("The bridge will reopen in June, Maria Lopez said.",
     "The bridge will reopen in June", "Maria Lopez", "said"),
    ("Maria Lopez said that the bridge will reopen in June, adding, “We are ready for it.”",
     "the bridge will reopen in June", "Maria Lopez", "said"),
    ("According to the city's finance director, Maria Gomez, the budget includes new officers.",
     "the budget includes new officers", "Maria Gomez", "according to"),
    ("According to the report, North Korea, China and Iran sent delegates to the talks.",
     "North Korea, China and Iran sent delegates to the talks", "report", "according to"),
    ("According to the mayor, the bridge will reopen in June, and nobody else thinks so.",
     "the bridge will reopen in June, and nobody else thinks so", "mayor", "according to"),
])
def test_claim_forms(body, content, claimer, cue):
    [claim] = claims_of(body)
    assert (claim.text, claim.claimer, claim.cue) == (content, claimer, cue)
    text = f"Headline\n\n{body}"
    assert text[claim.start:claim.end] == claim.text
    assert text[claim.claimer_start:claim.claimer_end] == claim.claimer_mention


def test_unattributed_sentences_are_not_claims():
    assert claims_of("The bridge will reopen in June. The river could flood the town.") == []


def test_a_direct_quote_is_not_also_a_claim():
    assert claims_of('Maria Lopez said that "the bridge will reopen in June."') == []


def test_noun_uses_of_cue_words_are_not_claims():
    assert claims_of("Moscow's official claims that soldiers are treated abroad are doubtful.") == []
