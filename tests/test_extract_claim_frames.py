"""Claim tags, frames and content boundaries: described speakers, 'as' frames, relative clauses, mid tags."""
from __future__ import annotations

import pytest

from search.extract import extract
from search.ingest.documents import load_plain
from search.models import STATEMENT
from tests.test_extract_claims import claims_of, statements_of


@pytest.mark.parametrize("body, content, claimer", [
    ("The ferry will stop running in May, Danish transport ministry spokesman Ole Berg said on Friday.",
     "The ferry will stop running in May", "Ole Berg"),
    ("Ticket prices will double, Mayor Jane Holt claimed.", "Ticket prices will double", "Jane Holt"),
])
def test_a_trailing_tag_with_a_capitalised_word_before_its_description(body, content, claimer):
    assert (content, claimer) in [(c.text, c.claimer) for c in statements_of(body)]


def test_a_tag_whose_verb_takes_an_amount_is_no_trailing_tag():
    body = "Two years after the plant opened, carmaker Rolta has announced £50m of new investment."
    assert [c.text for c in statements_of(body)] == []


@pytest.mark.parametrize("body, content, claimer", [
    ("The toll road loses money every year, as Anna Berg noted in the Harbour Gazette.",
     "The toll road loses money every year", "Anna Berg"),
    ("The mayor's plan will not survive the vote, as some councillors have speculated.",
     "The mayor's plan will not survive the vote", "some councillors"),
])
def test_a_trailing_as_tag_claims_the_clause_before_it(body, content, claimer):
    assert (content, claimer) in [(c.text, c.claimer_mention) for c in statements_of(body)]


def test_an_as_tag_with_its_own_clause_is_no_claim():
    assert statements_of("The council resigned, as it said it would.") == []


@pytest.mark.parametrize("body, content, claimer", [
    ("As reported by the Harbour Gazette, the toll road loses money every year.",
     "the toll road loses money every year", "Harbour Gazette"),
    ("The toll road loses money every year, as first reported by the Harbour Gazette.",
     "The toll road loses money every year", "Harbour Gazette"),
])
def test_as_reported_by_frames_a_claim_like_according_to(body, content, claimer):
    assert [(c.text, c.claimer) for c in statements_of(body)] == [(content, claimer)]


@pytest.mark.parametrize("body", [
    "The harbour master was quoted as saying by the Coast Wire agency that ships would wait.",
    "She called the delays at the harbour as revealed by the audit a scandal for the town.",
])
def test_as_by_inside_a_sentence_or_after_saying_is_no_frame(body):
    assert all(c.claimer not in ("Coast Wire agency", "audit") for c in claims_of(body))


@pytest.mark.parametrize("headline, content, claimer", [
    ("Poll: Voters Turn Against The Harbour Toll", "Voters Turn Against The Harbour Toll", "Poll"),
    ("Lopez on Housing: The Rents Are Too High", "The Rents Are Too High", "Lopez"),
])
def test_a_headline_poll_or_a_name_on_a_topic_before_a_colon(headline, content, claimer):
    claims = extract(load_plain(f"{headline}\n\nThe council met on Monday.", "t.txt")).claims
    assert [(c.text, c.claimer) for c in claims] == [(content, claimer)]


def test_a_headline_label_before_a_colon_is_no_source():
    claims = extract(load_plain("Analysis: The Rents Are Too High\n\nThe council met on Monday.", "t.txt")).claims
    assert claims == []


@pytest.mark.parametrize("body, content", [
    ("New filings show the campaign has less than $2 million in the bank.",
     "the campaign has less than $2 million in the bank"),
    ("An internal email shows the mayor knew of the leak in May.", "the mayor knew of the leak in May"),
])
def test_filings_and_emails_show_as_evidence(body, content):
    assert content in [c.text for c in statements_of(body)]


def test_a_transcript_answer_in_the_first_person_is_a_claim():
    body = "Q: Will the harbour reopen?\n\nA: I think the harbour will reopen in June."
    assert ("the harbour will reopen in June", "I") in [(c.text, c.claimer_mention) for c in statements_of(body)]


def test_the_first_person_outside_a_transcript_is_no_claim():
    body = "“We will see,” she said.\n\n“I think the harbour will reopen in June.”"
    assert "the harbour will reopen in June" not in [c.text for c in claims_of(body)]


@pytest.mark.parametrize("body, content", [
    ("In the two years since the flood, Ms Berg says, the town has rebuilt every bridge.",
     "In the two years since the flood, Ms Berg says, the town has rebuilt every bridge"),
    ("The ferry had no known faults, the operator added, and had passed every safety check.",
     "The ferry had no known faults, the operator added, and had passed every safety check"),
    ("The files covered many topics, the Gazette said, including budgets and staffing.",
     "The files covered many topics, the Gazette said, including budgets and staffing"),
])
def test_a_mid_tag_s_content_goes_on_past_the_tag(body, content):
    assert [c.text for c in statements_of(body)] == [content]


@pytest.mark.parametrize("body, contents", [
    ("The plan will fail, he said, and added that the town would suffer.",
     ["The plan will fail", "the town would suffer"]),
    ("Sales were great, he said, wiping his face.", ["Sales were great"]),
])
def test_the_tag_s_own_verb_or_gesture_ends_the_content(body, contents):
    assert [c.text for c in statements_of(body)] == contents


def test_an_opener_before_a_tag_and_a_quotation_is_no_content():
    body = "As the bell rang, the host said, “Welcome back to the show.”"
    assert statements_of(body) == []


@pytest.mark.parametrize("body, content, claimer", [
    ("It has not gone unnoticed: according to recent polls, the mayor holds only 14 percent of the vote.",
     "the mayor holds only 14 percent of the vote", "recent polls"),
    ("Meanwhile, according to the port authority, the ferry will stop running in May.",
     "the ferry will stop running in May", "port authority"),
])
def test_according_to_opening_a_clause_frames_what_follows(body, content, claimer):
    assert [(c.text, c.claimer_mention) for c in statements_of(body)] == [(content, claimer)]


@pytest.mark.parametrize("body, content", [
    ("Ms Berg said the farm, which employs 300 workers, provides meat for the region.",
     "the farm, which employs 300 workers, provides meat for the region"),
    ("The mayor said the town would build a new ferry, which would carry 300 passengers.",
     "the town would build a new ferry, which would carry 300 passengers"),
])
def test_a_relative_clause_belongs_to_the_content(body, content):
    assert [c.text for c in claims_of(body)] == [content]


@pytest.mark.parametrize("body, content", [
    ("Ms Berg said the town lost the ferry contract, which fell to a rival bidder.",
     "the town lost the ferry contract"),
    ("Mr Okafor argued that the tunnel was too expensive, which angered the council.", "the tunnel was too expensive"),
])
def test_the_writer_s_relative_aside_at_the_end_is_left_out(body, content):
    assert [c.text for c in claims_of(body)] == [content]


def test_a_relative_clause_naming_its_own_source_is_a_claim_of_its_own():
    body = "Ms Berg said the council would sell the depot, which the auditors say is worth two million pounds."
    claims = claims_of(body)
    assert [c.text for c in claims if c.claimer_mention == "Ms Berg"] == ["the council would sell the depot"]
    assert [c.claimer_mention for c in claims if "two million" in c.text] == ["auditors"]


def test_a_relative_aside_inside_the_subject_keeps_the_content_a_statement():
    body = "Ms Berg said the harbour, which opened in May, was already too small."
    assert [(c.text, c.form) for c in claims_of(body)] == [
        ("the harbour, which opened in May, was already too small", STATEMENT)]


@pytest.mark.parametrize("body, content, claimer", [
    ("The ferry will stop running in May, said the mayor.", "The ferry will stop running in May", "mayor"),
    ("The toll road loses money every year, said several observers.",
     "The toll road loses money every year", "several observers"),
    ("The plant is hanging on, said the company's chief executive, Jon Reyes.",
     "The plant is hanging on", "company's chief executive"),
    ("Ticket sales fell by half last year, said a report by the harbour trust.",
     "Ticket sales fell by half last year", "report"),
])
def test_an_inverted_tag_with_a_described_speaker(body, content, claimer):
    assert [(c.text, c.claimer_mention) for c in statements_of(body)] == [(content, claimer)]


@pytest.mark.parametrize("body", [
    "The port, which saw its trade rise, said the offer undervalued the business.",
    "The harbour trust, its owner, announced the news, adding that the ferry would stop.",
])
def test_a_clause_or_an_object_after_a_comma_and_a_cue_is_no_inverted_speaker(body):
    assert all(c.claimer_mention not in ("offer undervalued the business", "news") for c in claims_of(body))
