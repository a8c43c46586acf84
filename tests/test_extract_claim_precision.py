"""Claims users see are attributed assertions with the right claimer: adjuncts, openers and subjects by category."""
from __future__ import annotations

import pytest

from search.ingest.documents import load_plain
from search.extract import extract


def claims_of(body: str):
    return [(c.text, c.claimer_mention) for c in extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims]


@pytest.mark.parametrize("body, claims", [
    # a mid tag after an opener: the content is what follows the tag ...
    ("But, the mayor said, the bridge will reopen in June.", [("the bridge will reopen in June", "mayor")]),
    ("Of course, the mayor said, nobody expects the bridge to reopen in June.",
     [("nobody expects the bridge to reopen in June", "mayor")]),
    # ... but a subject before the tag belongs to the content
    ("The bridge, the mayor said, will reopen in June.", [("The bridge, the mayor said, will reopen in June", "mayor")]),
])
def test_a_mid_tag_after_an_opener(body, claims):
    assert claims_of(body) == claims


@pytest.mark.parametrize("body, claims", [
    ("The mayor said aboard the ferry on Monday.", []),
    ("The mayor said through a spokesman that the bridge will reopen in June.",
     [("the bridge will reopen in June", "mayor")]),
    ("The mayor said outside the court that the ruling was unfair.", [("the ruling was unfair", "mayor")]),
])
def test_where_something_was_said_is_not_what(body, claims):
    assert claims_of(body) == claims


@pytest.mark.parametrize("body, claims", [
    # an act verb's place is not a claim; the same verb with a proposition is one (the scorer and guards together)
    ("The singer is appearing on a new talent show next month.", []),
    ("The singer is appearing to enjoy the new talent show.", [("to enjoy the new talent show", "singer")]),
    # an -ing cue inside its noun's phrase, whose clause goes on to its own verb, states nothing
    ("Users wanting protection from spyware have turned to free programs.", []),
    ("The chairman is calling for an end to the speculation over the manager.",
     [("an end to the speculation over the manager", "chairman")]),
])
def test_loose_readings_need_a_proposition(body, claims):
    assert claims_of(body) == claims


@pytest.mark.parametrize("body, claimer", [
    ("The mayor on Thursday evening said the budget was balanced.", "mayor"),  # a time phrase is not the subject
    ("The two unions both said the strike would go ahead.", "two unions"),  # nor a floating quantifier
    ("Reports that the minister is planning to call a snap election were denied.", "minister"),  # a progressive
])
def test_the_claimer_is_the_cues_subject(body, claimer):
    assert [who for _, who in claims_of(body)][:1] == [claimer]


def test_a_report_goes_on_after_but_that():
    assert claims_of("The mayor said the bridge will reopen in June, but that the road will stay closed.") == [
        ("the bridge will reopen in June, but that the road will stay closed", "mayor")]
    # the writer's own turn after 'but' is still cut off
    assert claims_of("The coach said he would call up a replacement, but it is unlikely that anyone is ready.") == [
        ("he would call up a replacement", "coach")]


@pytest.mark.parametrize("body", [
    "The manager was sent off for appearing to taunt the home fans.",  # an event the writer describes
    "The runner will compete in the marathon after deciding her schedule for the year.",
])
def test_a_gerund_after_a_preposition_is_an_event(body):
    assert claims_of(body) == []


def test_a_headline_passive_is_not_a_claim():
    for title in ("Star ruled out of cup final", "Firm attacked over sources row"):
        claims = extract(load_plain(f"{title}\n\nThe club has news.", "t.txt")).claims
        assert claims == []


def test_an_inverted_tag_names_the_party_after_the():
    assert claims_of("Trust can only return if the minister opens his books, say the Lib Dems.") == [
        ("Trust can only return if the minister opens his books", "Lib Dems")]
